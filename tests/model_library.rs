//! The plan library's rules: which ids are accepted, that new ids are valid and distinct, when a
//! deleted plan may be forgotten, how copies are named and in which order plans are listed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::example;
use funnel_planner::model::library::{newest_first, unique_name, KEEP_DELETED_MS, MAX_ID_LEN};
use funnel_planner::model::{PlanId, PlanRecord};
use proptest::prelude::*;

fn record(id: &str, modified_ms: u64, deleted_ms: Option<u64>) -> PlanRecord {
    PlanRecord {
        id: PlanId::parse(id).expect("a valid id"),
        modified_ms,
        deleted_ms,
        draft: example(),
    }
}

/// The names a copy of `name` is offered, as the page offers them: "Q1 (copy)", then
/// "Q1 (copy 2)", "Q1 (copy 3)" …
fn copies(name: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(format!("{name} (copy)"))
        .chain((2..).map(move |n| format!("{name} (copy {n})")))
}

fn ids(listed: &[&PlanRecord]) -> Vec<String> {
    listed
        .iter()
        .map(|record| record.id.as_str().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Ids

#[test]
fn ids_of_safe_characters_are_accepted() {
    let longest = "x".repeat(MAX_ID_LEN);
    for text in [
        "a",
        "0",
        "-",
        "_",
        "p1a2b3c-xyz9",
        "ABC_def-123",
        longest.as_str(),
    ] {
        let id = PlanId::parse(text).unwrap_or_else(|| panic!("{text:?} is accepted"));
        assert_eq!(id.as_str(), text);
        assert_eq!(id.to_string(), text);
    }
}

#[test]
fn ids_that_could_escape_a_key_or_a_file_are_refused() {
    let too_long = "x".repeat(MAX_ID_LEN + 1);
    for text in [
        "",
        too_long.as_str(),
        "../x",
        "a/b",
        "a\\b",
        "a.b",
        "a b",
        " a",
        "a\n",
        "a\u{0}",
        "é",
        "ｐ1",
        "p1%2F",
        "<p1>",
        "p1\"",
    ] {
        assert_eq!(PlanId::parse(text), None, "{text:?}");
    }
    assert_eq!(MAX_ID_LEN, 64);
}

#[test]
fn generated_ids_are_time_then_random_in_base_36() {
    assert_eq!(PlanId::generate(0, 0).as_str(), "p0-0");
    assert_eq!(PlanId::generate(36, 35).as_str(), "p10-z");
    assert_eq!(
        PlanId::generate(1_795_000_000_000, 1).as_str(),
        "pmwm0nk74-1"
    );
    // The longest possible id still fits.
    let longest = PlanId::generate(u64::MAX, u32::MAX);
    assert_eq!(longest.as_str(), "p3w5e11264sgsf-1z141z3");
    assert!(longest.as_str().len() <= MAX_ID_LEN);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// An id is accepted exactly when it is 1–64 characters from `A–Z a–z 0–9 - _`.
    #[test]
    fn parse_accepts_exactly_the_safe_ids(text in "(?s).{0,70}|[A-Za-z0-9_-]{0,70}") {
        let is_safe = (1..=MAX_ID_LEN).contains(&text.len())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let parsed = PlanId::parse(&text);
        prop_assert_eq!(parsed.is_some(), is_safe, "{:?}", text);
        if let Some(id) = parsed {
            prop_assert_eq!(id.as_str(), text.as_str());
        }
    }

    /// Every generated id is a valid id, and two tabs that draw different random numbers in the
    /// same millisecond, or the same number in different milliseconds, get different ids.
    #[test]
    fn generated_ids_are_valid_and_distinct(
        now in any::<u64>(),
        other_now in any::<u64>(),
        random in any::<u32>(),
        other_random in any::<u32>(),
    ) {
        let id = PlanId::generate(now, random);
        prop_assert_eq!(PlanId::parse(id.as_str()), Some(id.clone()));
        if random != other_random {
            prop_assert_ne!(&id, &PlanId::generate(now, other_random));
        }
        if now != other_now {
            prop_assert_ne!(&id, &PlanId::generate(other_now, random));
        }
        prop_assert_eq!(&id, &PlanId::generate(now, random));
    }
}

// ---------------------------------------------------------------------------------------------
// Deleted plans

#[test]
fn a_deleted_plan_is_kept_for_exactly_30_days() {
    assert_eq!(KEEP_DELETED_MS, 30 * 24 * 60 * 60 * 1000);
    assert_eq!(KEEP_DELETED_MS, 2_592_000_000);
    let deleted_at = 1_795_000_000_000;
    let binned = record("p1", deleted_at - 5, Some(deleted_at));
    assert!(binned.is_deleted());
    assert!(!binned.is_expired(deleted_at));
    assert!(!binned.is_expired(deleted_at + KEEP_DELETED_MS - 1));
    assert!(!binned.is_expired(deleted_at + KEEP_DELETED_MS));
    assert!(binned.is_expired(deleted_at + KEEP_DELETED_MS + 1));
    assert!(binned.is_expired(u64::MAX));
    // A clock that went back does not forget a plan.
    assert!(!binned.is_expired(0));
    assert!(!binned.is_expired(deleted_at - 1));
    // Deleted at the start of time, still judged without overflow.
    assert!(!record("p2", 0, Some(0)).is_expired(KEEP_DELETED_MS));
    assert!(record("p2", 0, Some(0)).is_expired(KEEP_DELETED_MS + 1));
    assert!(!record("p3", 0, Some(u64::MAX)).is_expired(u64::MAX));
}

#[test]
fn a_live_plan_never_expires() {
    let live = record("p1", 0, None);
    assert!(!live.is_deleted());
    for now in [0, KEEP_DELETED_MS + 1, u64::MAX] {
        assert!(!live.is_expired(now));
    }
}

// ---------------------------------------------------------------------------------------------
// Names of copies

#[test]
fn a_copy_is_named_after_the_first_free_candidate() {
    assert_eq!(unique_name(copies("Q1"), ["Q1"]), "Q1 (copy)");
    assert_eq!(unique_name(copies("Q1"), Vec::<&str>::new()), "Q1 (copy)");
    assert_eq!(
        unique_name(copies("Q1"), ["Q1", "Q1 (copy)"]),
        "Q1 (copy 2)"
    );
    assert_eq!(
        unique_name(copies("Q1"), ["Q1 (copy 2)", "Q1", "Q1 (copy)"]),
        "Q1 (copy 3)"
    );
    // A gap is filled.
    assert_eq!(
        unique_name(copies("Q1"), ["Q1", "Q1 (copy 2)"]),
        "Q1 (copy)"
    );
}

#[test]
fn names_are_compared_ignoring_case_and_surrounding_spaces() {
    assert_eq!(
        unique_name(copies("Q1"), ["Q1", "q1 (COPY)"]),
        "Q1 (copy 2)"
    );
    assert_eq!(
        unique_name(copies("Q1"), ["  Q1 (copy)  ", "\tq1 (copy 2)\n"]),
        "Q1 (copy 3)"
    );
    assert_eq!(
        unique_name(copies("Straße"), ["STRASSE (COPY)"]),
        "Straße (copy)"
    );
    assert_eq!(
        unique_name(copies("Ünïcode"), ["üNÏCODE (copy)"]),
        "Ünïcode (copy 2)"
    );
    // The letters of Polish, French and Indonesian names fold too.
    assert_eq!(
        unique_name(copies("Łódź"), ["ŁÓDŹ (COPY)"]),
        "Łódź (copy 2)"
    );
    assert_eq!(
        unique_name(copies("Été Œuvre Ÿ"), ["été œuvre ÿ (copy)"]),
        "Été Œuvre Ÿ (copy 2)"
    );
    assert_eq!(
        unique_name(copies("ŚWIĘTA ŻÓŁW"), ["święta żółw (copy)"]),
        "ŚWIĘTA ŻÓŁW (copy 2)"
    );
    // Other scripts are compared as typed.
    assert_eq!(
        unique_name(copies("Ωmega"), ["ωmega (copy)"]),
        "Ωmega (copy)"
    );
    // Spaces inside a name count.
    assert_eq!(unique_name(copies("Q1"), ["Q1  (copy)"]), "Q1 (copy)");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The name chosen is never taken, and is the first candidate that is free.
    #[test]
    fn the_name_chosen_is_the_first_free_one(
        base in "[A-Za-z0-9 ]{0,8}",
        taken_copies in prop::collection::vec(0usize..12, 0..12),
    ) {
        let all: Vec<String> = copies(&base).take(12).collect();
        let taken: Vec<String> = taken_copies
            .iter()
            .map(|&n| all[n].to_uppercase())
            .collect();
        let chosen = unique_name(copies(&base), taken.iter().map(String::as_str));
        let first_free = (0..).find(|n| !taken_copies.contains(n)).expect("a free one");
        let expected = copies(&base).nth(first_free).expect("endless");
        prop_assert_eq!(chosen, expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Listing order

#[test]
fn plans_are_listed_newest_change_first() {
    let records = [
        record("b", 10, None),
        record("a", 30, None),
        record("c", 20, Some(40)),
    ];
    assert_eq!(ids(&newest_first(&records)), ["a", "c", "b"]);
    assert!(newest_first(&[]).is_empty());
}

#[test]
fn plans_changed_in_the_same_millisecond_are_listed_by_id() {
    let records = [
        record("p9", 5, None),
        record("B", 5, None),
        record("a", 5, None),
        record("p10", 5, None),
        record("x", 6, None),
    ];
    // Ids compare as text (byte order): upper case first, and "p10" before "p9".
    assert_eq!(ids(&newest_first(&records)), ["x", "B", "a", "p10", "p9"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The listing holds every plan once, newest first, ties by id, whatever the input order.
    #[test]
    fn the_listing_is_a_sorted_permutation(
        entries in prop::collection::vec(("[a-c]{1,2}", 0u64..4), 0..12)
    ) {
        let records: Vec<PlanRecord> = entries
            .iter()
            .map(|(id, modified)| record(id, *modified, None))
            .collect();
        let listed = newest_first(&records);
        prop_assert_eq!(listed.len(), records.len());
        for pair in listed.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            prop_assert!(
                a.modified_ms > b.modified_ms || (a.modified_ms == b.modified_ms && a.id <= b.id)
            );
        }
        let mut reversed = records.clone();
        reversed.reverse();
        prop_assert_eq!(ids(&newest_first(&reversed)), ids(&listed));
        for record in &records {
            prop_assert_eq!(
                listed.iter().filter(|other| std::ptr::eq(**other, record)).count(),
                1
            );
        }
    }
}
