//! The one sort the planner uses, checked against the standard library's stable sort.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cmp::Ordering;

use funnel_planner::model::order::sort_stable_by;
use proptest::prelude::*;

#[test]
fn sorts_and_keeps_equal_items_in_their_order() {
    let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
    sort_stable_by(&mut items, |a, b| a.0.cmp(&b.0));
    assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);

    let mut newest_first = [3, 9, 1, 9];
    sort_stable_by(&mut newest_first, |a, b| b.cmp(a));
    assert_eq!(newest_first, [9, 9, 3, 1]);

    let mut single = [7];
    sort_stable_by(&mut single, |_, _| Ordering::Less);
    assert_eq!(single, [7]);
}

proptest! {
    #[test]
    fn orders_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..6, 0..40)) {
        let tagged: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        let mut ours = tagged.clone();
        sort_stable_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut standard = tagged;
        standard.sort_by_key(|a| a.0);
        prop_assert_eq!(ours, standard);
    }
}
