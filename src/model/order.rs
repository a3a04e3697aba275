//! Ordering short lists: the plans in the library, the channels in a ranking.

use std::cmp::Ordering;

/// Sorts `items` in place by `compare`, keeping equal items in their order (a stable sort).
///
/// An insertion sort: the planner only orders short lists (a few dozen plans, at most 12
/// channels), and this one small routine costs the page far less than the standard library's
/// sorts, which are compiled anew, several kilobytes each, for every list they order.
pub fn sort_stable_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 {
            let is_out_of_order = match (items.get(at - 1), items.get(at)) {
                (Some(before), Some(after)) => compare(before, after) == Ordering::Greater,
                _ => false,
            };
            if !is_out_of_order {
                break;
            }
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}
