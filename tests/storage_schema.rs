//! The stored form of a plan: what every released version wrote still loads, nothing typed is
//! lost in a round trip, and damaged or newer data is recognised instead of misread.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::example;
use funnel_planner::model::{GoalKind, StageId};
use funnel_planner::storage::schema::{decode, encode, DecodeError, SCHEMA_VERSION};
use proptest::prelude::*;

#[test]
fn version_1_fixture_loads_with_everything_typed() {
    // Written by version 1 (the first release): a customers goal, an added stage with an
    // invalid rate still being typed, and a forward-check volume.
    let draft = decode(include_str!("fixtures/storage-v1.json")).expect("version 1 loads");
    assert_eq!(draft.name, "2027 base");
    assert_eq!(draft.goal_kind, GoalKind::NewCustomers);
    assert_eq!(draft.new_customers_goal, "9");
    assert_eq!(draft.revenue_goal, "10,000,000");
    assert_eq!(draft.stages.len(), 7);
    assert_eq!(draft.stages[4].id, StageId(7));
    assert_eq!(draft.stages[4].name, "Demo booked");
    assert_eq!(draft.stages[4].rate_to_next, "abc");
    assert_eq!(draft.current_top_per_month, "6,000");
}

#[test]
fn round_trip_keeps_invalid_text() {
    let mut draft = example();
    draft.revenue_goal = "12,5oo".to_owned();
    draft.stages[2].name = "  ".to_owned();
    draft.current_top_per_month = "-3".to_owned();
    let text = encode(&draft);
    assert!(text.starts_with("{\"schema_version\":1,"));
    assert_eq!(decode(&text), Ok(draft));
}

#[test]
fn damaged_data_is_recognised() {
    let good = encode(&example());
    let truncated = &good[..good.len() / 2];
    for text in [
        truncated,
        "",
        "null",
        "[]",
        "{}",
        "{\"schema_version\":\"1\"}",
        "{\"schema_version\":1}",
        "{\"schema_version\":1,\"plan\":{\"name\":5}}",
        "{\"schema_version\":0,\"plan\":{}}",
    ] {
        assert!(
            matches!(decode(text), Err(DecodeError::Damaged(_))),
            "{text:?}"
        );
    }
}

#[test]
fn a_stage_count_outside_two_to_ten_is_damaged() {
    let mut draft = example();
    draft.stages.truncate(1);
    assert!(matches!(
        decode(&encode(&draft)),
        Err(DecodeError::Damaged(_))
    ));
}

#[test]
fn duplicate_stage_ids_are_renumbered_not_rejected() {
    let mut draft = example();
    for stage in &mut draft.stages {
        stage.id = StageId(1);
    }
    let loaded = decode(&encode(&draft)).expect("still loads");
    let ids: Vec<u32> = loaded.stages.iter().map(|stage| stage.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    assert_eq!(loaded.stages[3].name, "SQLs");
}

#[test]
fn newer_versions_are_not_misread() {
    let newer = format!("{{\"schema_version\":{},\"plans\":[]}}", SCHEMA_VERSION + 1);
    assert_eq!(
        decode(&newer),
        Err(DecodeError::NewerVersion(u64::from(SCHEMA_VERSION) + 1))
    );
}

proptest! {
    /// Decoding any text never panics.
    #[test]
    fn decoding_any_text_is_total(text in ".{0,200}") {
        let _ = decode(&text);
    }

    /// Any typed text survives a save and a load.
    #[test]
    fn any_typed_text_round_trips(name in ".{0,30}", goal in ".{0,20}", rate in ".{0,10}", volume in ".{0,12}") {
        let mut draft = example();
        draft.name = name;
        draft.revenue_goal = goal;
        draft.stages[0].rate_to_next = rate;
        draft.current_top_per_month = volume;
        prop_assert_eq!(decode(&encode(&draft)), Ok(draft));
    }
}
