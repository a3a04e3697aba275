//! The written forms of plans (a stored record, an export file, a share link's JSON): what every
//! released version wrote still loads, nothing typed is lost in a round trip, every problem in
//! damaged text is named with its field, and no text at all makes decoding panic or pass garbage
//! off as a plan.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
#[path = "common/problem_cases.rs"]
mod problem_cases;
mod strategies;

use std::collections::BTreeSet;

use common::{example, example_with_channels};
use funnel_planner::model::annual::{
    AnnualDraft, ExistingDraft, ExistingPart, GoalDraft, GoalMode, GroupTag, IndustryTag,
    LastYearDraft, ObjectiveDraft, StageTotal, UnitTag,
};
use funnel_planner::model::forecast::draft::{ForecastDraft, PhasingMode, RangeDraft, StageText};
use funnel_planner::model::forecast::team::TeamDraft;
use funnel_planner::model::marketing::{
    BudgetPeriod, ChannelStageDraft, LifetimeKind, RankBy, MAX_CHANNELS,
};
use funnel_planner::model::page_data::PageData;
use funnel_planner::model::results::{ActualCell, CellAt, Month, PlanYear, Row, TrackingDraft};
use funnel_planner::model::{
    ChannelDraft, ChannelId, GoalKind, Lang, MarketingDraft, PlanDraft, PlanId, PlanRecord,
    StageDraft, StageId,
};
use funnel_planner::storage::schema::{
    decode_import, decode_record, decode_shared, decode_v1, encode_export, encode_record,
    encode_shared, plan_names, read_newer_copy, DecodeError, Expected, ImportError, Problem,
    Reason, EXPORT_APP, MAX_IMPORT_BYTES, SCHEMA_VERSION,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};
use strategies::{any_draft, json_key, json_tree};

/// Written by version 1 (the first release) under `funnel-planner/v1/plan`.
const V1_PLAN: &str = include_str!("fixtures/storage-v1.json");
/// One plan as version 2 stores it under `funnel-planner/v2/plan/<id>`.
const V2_PLAN: &str = include_str!("fixtures/storage-v2-plan.json");
/// An export file of two plans, as version 2 writes it.
const V2_EXPORT: &str = include_str!("fixtures/export-v2.json");
/// One plan with channels as version 3 stores it under `funnel-planner/v2/plan/<id>`.
const V3_PLAN: &str = include_str!("fixtures/storage-v3-plan.json");
/// The version 3 fixture's plan shown in Polish and saved again: its numbers typed the Polish way
/// and counted in złoty (a plan from before currencies gets the page language's usual one).
const V4_PLAN: &str = include_str!("fixtures/storage-v4-plan.json");
/// A plan whose year is being tracked, as version 5 stores it: a plan year from April, results
/// for two stages, the spend and the revenue over the first months, one channel's own results
/// and focus areas for two quarters.
const V5_PLAN: &str = include_str!("fixtures/storage-v5-plan.json");
/// The version 5 fixture's plan with an annual plan, as version 6 stores it: the annual plan is
/// one JSON text inside the plan ([`fixture_annual`] as `AnnualDraft::encode` writes it).
const V6_PLAN: &str = include_str!("fixtures/storage-v6-plan.json");
/// The version 6 fixture's plan with a forecast, as version 7 stores it: the forecast is one JSON
/// text inside the plan, after the annual plan ([`fixture_forecast`] as `ForecastDraft::encode`
/// writes it).
const V7_PLAN: &str = include_str!("fixtures/storage-v7-plan.json");
const V8_PLAN: &str = include_str!("fixtures/storage-v8-plan.json");

const MODIFIED: u64 = 1_795_000_000_000;

/// How this build writes a tracking side with nothing typed (the default).
const EMPTY_TRACKING: &str =
    r#"{"start":null,"results":[],"focus":[["",""],["",""],["",""],["",""]]}"#;

/// How this build writes a marketing side with nothing typed (the default).
const EMPTY_MARKETING: &str = concat!(
    r#"{"budget":"","budget_period":"year","channels":[],"customers_at_start":"","#,
    r#""customers_at_end":"","customers_new":"","gross_margin":"","lifetime":"years","#,
    r#""lifetime_years":"","churn":"","rank_by":"cac","move_percent":"20"}"#
);

// ---------------------------------------------------------------------------------------------
// Helpers

fn id(text: &str) -> PlanId {
    PlanId::parse(text).expect("a valid plan id")
}

fn example_record() -> PlanRecord {
    PlanRecord {
        id: id("p1a2b3c-xyz9"),
        modified_ms: MODIFIED,
        deleted_ms: None,
        lineage: Vec::new(),
        draft: example(),
    }
}

/// The example record with channels and every marketing field typed.
fn channels_record() -> PlanRecord {
    PlanRecord {
        draft: example_with_channels(),
        ..example_record()
    }
}

fn entry(stage: u32, volume: &str, rate: &str) -> ChannelStageDraft {
    ChannelStageDraft {
        stage: StageId(stage),
        volume: volume.to_owned(),
        rate: rate.to_owned(),
    }
}

fn stage(id: u32, name: &str, rate_to_next: &str) -> StageDraft {
    StageDraft {
        id: StageId(id),
        name: name.to_owned(),
        rate_to_next: rate_to_next.to_owned(),
    }
}

fn problem(path: &str, reason: Reason) -> Problem {
    Problem {
        path: path.to_owned(),
        reason,
    }
}

type RecordResult = Result<PlanRecord, DecodeError>;
type ImportResult = Result<Vec<PlanRecord>, ImportError>;

/// What `decode_record` should say about text with exactly these problems.
fn damaged(problems: &[(&str, Reason)]) -> RecordResult {
    Err(DecodeError::Damaged(
        problems
            .iter()
            .map(|(path, reason)| problem(path, *reason))
            .collect(),
    ))
}

/// What `decode_import` should say about a file with exactly these problems.
fn refused(problems: &[(&str, Reason)]) -> ImportResult {
    Err(ImportError::Problems(
        problems
            .iter()
            .map(|(path, reason)| problem(path, *reason))
            .collect(),
    ))
}

/// The example record as a JSON tree, changed by `edit`, as text.
fn record_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value =
        serde_json::from_str(&encode_record(&example_record())).expect("a record is JSON");
    edit(&mut value);
    value.to_string()
}

/// The record with channels as a JSON tree, changed by `edit`, as text.
fn channels_record_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value =
        serde_json::from_str(&encode_record(&channels_record())).expect("a record is JSON");
    edit(&mut value);
    value.to_string()
}

/// The export fixture as a JSON tree, changed by `edit`, as text.
fn export_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(V2_EXPORT).expect("the export is JSON");
    edit(&mut value);
    serde_json::to_string_pretty(&value).expect("JSON serialises")
}

/// Replaces the value at the JSON pointer `at`, which must exist.
fn set(value: &mut Value, at: &str, new: Value) {
    *value
        .pointer_mut(at)
        .unwrap_or_else(|| panic!("{at} exists")) = new;
}

/// Removes the field at the JSON pointer `at`, which must exist.
fn remove(value: &mut Value, at: &str) {
    let (parent, key) = at.rsplit_once('/').expect("a pointer");
    value
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .and_then(|map| map.remove(key))
        .unwrap_or_else(|| panic!("{at} exists"));
}

/// Adds the field `key` to the object at the JSON pointer `at`.
fn insert(value: &mut Value, at: &str, key: &str, new: Value) {
    value
        .pointer_mut(at)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{at} is an object"))
        .insert(key.to_owned(), new);
}

fn stages_json(count: usize) -> Value {
    Value::Array(
        (1..=count)
            .map(|n| json!({"id": n, "name": format!("Stage {n}"), "rate_to_next": "50"}))
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------
// Released fixtures

#[test]
fn version_1_fixture_loads_with_everything_typed() {
    // Written by version 1 (the first release): a customers goal, an added stage with an
    // invalid rate still being typed, and a forward-check volume.
    let draft = decode_v1(V1_PLAN).expect("version 1 loads");
    assert_eq!(draft.name, "2027 base");
    assert_eq!(draft.goal_kind, GoalKind::NewCustomers);
    assert_eq!(draft.new_customers_goal, "9");
    assert_eq!(draft.revenue_goal, "10,000,000");
    assert_eq!(draft.stages.len(), 7);
    assert_eq!(draft.stages[4].id, StageId(7));
    assert_eq!(draft.stages[4].name, "Demo booked");
    assert_eq!(draft.stages[4].rate_to_next, "abc");
    assert_eq!(draft.current_top_per_month, "6,000");
    // Version 1 had no marketing side: nothing is invented for it.
    assert_eq!(draft.marketing, MarketingDraft::default());
}

#[test]
fn version_2_record_fixture_loads_with_every_field() {
    let record = decode_record(V2_PLAN).expect("version 2 loads");
    assert_eq!(record.id.as_str(), "p1a2b3c-xyz9");
    assert_eq!(record.modified_ms, 1_795_000_000_000);
    assert_eq!(record.deleted_ms, None);
    assert!(!record.is_deleted());
    assert_eq!(
        record.draft,
        PlanDraft {
            name: "2027 aggressive".to_owned(),
            goal_kind: GoalKind::Revenue,
            revenue_goal: "15,000,000".to_owned(),
            new_customers_goal: String::new(),
            average_revenue_per_customer: "1,100,000".to_owned(),
            stages: vec![
                // A rate still being typed with the wrong decimal mark is kept as typed.
                stage(1, "Visits", "2,5"),
                stage(2, "Leads", "25"),
                stage(3, "MQLs", "20"),
                stage(4, "SQLs", "45"),
                stage(5, "Opportunities", "50"),
                stage(6, "Customers", ""),
            ],
            current_top_per_month: "8,000".to_owned(),
            // Version 2 had no marketing side: nothing is invented for it.
            marketing: MarketingDraft::default(),
            currency: String::new(),
            typed_in: Lang::English,
            tracking: Default::default(),
            annual: String::new(),
            forecast: String::new(),
        }
    );
    // Saved again, it is a version 7 record with an empty marketing side, nothing tracked, no
    // annual plan and no forecast, and reads back the same.
    let text = encode_record(&record);
    assert!(text.starts_with("{\"schema_version\":8,"), "{text}");
    assert!(
        text.contains(&format!("\"marketing\":{EMPTY_MARKETING}")),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "\"tracking\":{EMPTY_TRACKING},\"annual\":\"\",\"forecast\":\"\"}}}}"
        )),
        "{text}"
    );
    assert_eq!(decode_record(&text), Ok(record));
}

#[test]
fn version_2_export_fixture_loads_with_every_field() {
    let records = decode_import(V2_EXPORT).expect("the export loads");
    assert_eq!(records.len(), 2);
    let first = &records[0];
    assert_eq!(first, &decode_record(V2_PLAN).expect("loads"));
    let second = &records[1];
    assert_eq!(second.id.as_str(), "p1a2b3d-0k7q");
    assert_eq!(second.modified_ms, 1_794_900_000_000);
    assert_eq!(second.deleted_ms, None);
    assert_eq!(
        second.draft,
        PlanDraft {
            name: "Q1 \"webinar\" push — Zürich".to_owned(),
            goal_kind: GoalKind::NewCustomers,
            revenue_goal: String::new(),
            new_customers_goal: "12".to_owned(),
            average_revenue_per_customer: "850,000".to_owned(),
            stages: vec![
                // Ids in any order are kept: they name stages, not positions.
                stage(1, "Webinar sign-ups", "30"),
                stage(4, "Attendees", "10"),
                stage(2, "Demos", "25"),
                stage(3, "Customers", ""),
            ],
            current_top_per_month: String::new(),
            marketing: MarketingDraft::default(),
            currency: String::new(),
            typed_in: Lang::English,
            tracking: Default::default(),
            annual: String::new(),
            forecast: String::new(),
        }
    );
    // Exported again, it is a version 8 file that reads back the same.
    let text = encode_export(&records, 1_795_100_000_000);
    assert!(text.contains("\"schema_version\": 8"), "{text}");
    assert!(!text.contains("\"schema_version\": 6"), "{text}");
    assert!(!text.contains("\"schema_version\": 5"), "{text}");
    assert!(!text.contains("\"schema_version\": 4"), "{text}");
    assert!(!text.contains("\"schema_version\": 2"), "{text}");
    assert_eq!(decode_import(&text), Ok(records));
    assert!(V2_EXPORT.contains(&format!("\"app\": \"{EXPORT_APP}\"")));
}

#[test]
fn version_1_plan_migrates_to_a_version_2_record_without_loss() {
    let draft = decode_v1(V1_PLAN).expect("version 1 loads");
    let record = PlanRecord {
        id: PlanId::generate(MODIFIED, 0x9e37_79b9),
        modified_ms: MODIFIED,
        deleted_ms: None,
        lineage: Vec::new(),
        draft,
    };
    let text = encode_record(&record);
    assert!(text.starts_with(&format!("{{\"schema_version\":{SCHEMA_VERSION},")));
    let loaded = decode_record(&text).expect("the migrated record loads");
    assert_eq!(loaded.draft, decode_v1(V1_PLAN).expect("loads"));
    assert_eq!(loaded, record);
}

#[test]
fn each_version_is_read_only_by_its_own_decoder() {
    // A version 1 save is not a record, and a record is not a version 1 save: migration is
    // always explicit.
    assert_eq!(
        decode_record(V1_PLAN),
        damaged(&[("schema_version", Reason::UnknownVersion(1))])
    );
    match decode_v1(V2_PLAN) {
        Err(DecodeError::Damaged(problems)) => {
            assert!(
                problems.iter().any(|p| p.path == "schema_version"),
                "{problems:?}"
            );
        }
        other => panic!("a version 2 record read as version 1: {other:?}"),
    }
    assert_eq!(
        decode_import(V1_PLAN),
        refused(&[("schema_version", Reason::UnknownVersion(1))])
    );
}

// ---------------------------------------------------------------------------------------------
// Version 3: the marketing side

#[test]
fn version_3_record_fixture_loads_with_every_field() {
    // Hand-written: channels with ids out of order, an entry with only a rate, an amount still
    // being typed ("1,0oo"), a monthly budget, a lifetime given as churn (with the years typed
    // earlier kept) and ranking by the cost of stage 2.
    let record = decode_record(V3_PLAN).expect("version 3 loads");
    assert_eq!(record.id.as_str(), "p1a2b3e-ch4n");
    assert_eq!(record.modified_ms, 1_796_000_000_000);
    assert_eq!(record.deleted_ms, None);
    assert_eq!(
        record.draft,
        PlanDraft {
            name: "2027 by channel".to_owned(),
            goal_kind: GoalKind::NewCustomers,
            revenue_goal: String::new(),
            new_customers_goal: "9".to_owned(),
            average_revenue_per_customer: "1,100,000".to_owned(),
            stages: vec![
                stage(1, "Visits", "1.5"),
                stage(2, "Leads", "20"),
                stage(3, "Opportunities", "40"),
                stage(4, "Customers", ""),
            ],
            current_top_per_month: String::new(),
            marketing: MarketingDraft {
                budget: "5,000".to_owned(),
                budget_period: BudgetPeriod::Month,
                channels: vec![
                    ChannelDraft {
                        id: ChannelId(3),
                        name: "Paid search".to_owned(),
                        share: "40".to_owned(),
                        spend: "6,000".to_owned(),
                        revenue: "30,000".to_owned(),
                        stages: vec![entry(1, "2,000", "3"), entry(4, "2", "")],
                    },
                    ChannelDraft {
                        id: ChannelId(1),
                        name: "Email \"weekly\" — Zürich".to_owned(),
                        share: String::new(),
                        spend: "1,0oo".to_owned(),
                        revenue: String::new(),
                        stages: vec![entry(2, "", "25")],
                    },
                    ChannelDraft::named(ChannelId(2), "Events"),
                ],
                customers_at_start: "200".to_owned(),
                customers_at_end: "230".to_owned(),
                customers_new: "50".to_owned(),
                gross_margin: "60".to_owned(),
                lifetime_kind: LifetimeKind::Churn,
                lifetime_years: "3".to_owned(),
                churn: "25".to_owned(),
                rank_by: RankBy::StageCost(StageId(2)),
                move_percent: "20".to_owned(),
            },
            currency: String::new(),
            typed_in: Lang::English,
            tracking: Default::default(),
            annual: String::new(),
            forecast: String::new(),
        }
    );
    // Shown in Polish and saved again, it is exactly the version 4 fixture as version 7 writes
    // it (with nothing tracked, no annual plan and no forecast): a change to the written form
    // shows here. That reads back as the same plan, in any language.
    let mut in_polish = record.clone();
    in_polish.draft = record.draft.clone().settled(Lang::Polish);
    let v4_as_v7 = V4_PLAN
        .trim_end()
        .replacen("{\"schema_version\":4,", "{\"schema_version\":8,", 1)
        .strip_suffix("}}")
        .map(|body| {
            format!("{body},\"tracking\":{EMPTY_TRACKING},\"annual\":\"\",\"forecast\":\"\"}}}}")
        })
        .expect("a record ends with two braces");
    assert_eq!(encode_record(&in_polish), v4_as_v7);
    let read = decode_record(V4_PLAN).expect("version 4 loads");
    assert_eq!(read.draft.tracking, TrackingDraft::default());
    assert_eq!(read, in_polish);
    let mut in_english = record.clone();
    in_english.draft.currency = "PLN".to_owned();
    assert_eq!(read.draft.settled(Lang::English), in_english.draft);
}

#[test]
fn a_plan_with_channels_round_trips_through_every_written_form() {
    let record = channels_record();
    let text = encode_record(&record);
    assert!(text.starts_with("{\"schema_version\":8,"), "{text}");
    assert_eq!(decode_record(&text), Ok(record.clone()));
    assert_eq!(decode_import(&text), Ok(vec![record.clone()]));
    let export = encode_export(std::slice::from_ref(&record), MODIFIED);
    assert_eq!(decode_import(&export), Ok(vec![record.clone()]));
    assert_eq!(
        decode_shared(&encode_shared(&record.draft)),
        Ok(record.draft.clone())
    );
    // Every choice of every setting is written and read back.
    let choices = [
        (BudgetPeriod::Year, LifetimeKind::Years, RankBy::Cac),
        (BudgetPeriod::Month, LifetimeKind::Churn, RankBy::Roi),
        (
            BudgetPeriod::Year,
            LifetimeKind::Churn,
            RankBy::StageCost(StageId(u32::MAX)),
        ),
        (
            BudgetPeriod::Month,
            LifetimeKind::Years,
            RankBy::StageCost(StageId(0)),
        ),
    ];
    for (budget_period, lifetime_kind, rank_by) in choices {
        let mut draft = example_with_channels();
        draft.marketing.budget_period = budget_period;
        draft.marketing.lifetime_kind = lifetime_kind;
        draft.marketing.rank_by = rank_by;
        assert_eq!(decode_shared(&encode_shared(&draft)), Ok(draft));
    }
}

#[test]
fn the_marketing_side_is_written_with_readable_names() {
    let text = encode_record(&channels_record());
    for part in [
        r#""budget":"5,000","budget_period":"month""#,
        r#""lifetime":"years""#,
        r#""rank_by":"cac""#,
        r#"{"id":1,"name":"Paid search","share":"40","spend":"6,000","revenue":"30,000","stages":[{"stage":1,"volume":"2,000","rate":"3"},"#,
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    let mut draft = example_with_channels();
    draft.marketing.rank_by = RankBy::StageCost(StageId(5));
    assert!(encode_shared(&draft).contains(r#""rank_by":"stage:5""#));
    draft.marketing.rank_by = RankBy::Roi;
    draft.marketing.lifetime_kind = LifetimeKind::Churn;
    draft.marketing.budget_period = BudgetPeriod::Year;
    let text = encode_shared(&draft);
    assert!(text.contains(r#""rank_by":"roi""#), "{text}");
    assert!(text.contains(r#""lifetime":"churn""#), "{text}");
    assert!(text.contains(r#""budget_period":"year""#), "{text}");
}

#[test]
fn stage_entries_with_nothing_typed_are_not_written() {
    // An entry made by focusing a field and typing nothing is the same as no entry.
    let mut record = channels_record();
    let events = &mut record.draft.marketing.channels[2];
    events.stage_mut(StageId(3)).volume = String::new();
    let written = decode_record(&encode_record(&record)).expect("loads");
    let events = &written.draft.marketing.channels[2];
    assert!(events.stages.iter().all(|entry| entry.stage != StageId(3)));
    assert_eq!(written.draft, channels_record().draft);
}

#[test]
fn older_plans_read_with_an_empty_marketing_side() {
    let v1 = decode_v1(V1_PLAN).expect("version 1 loads");
    let v2 = decode_record(V2_PLAN).expect("version 2 loads");
    let exported = decode_import(V2_EXPORT).expect("the version 2 export loads");
    for draft in [&v1, &v2.draft, &exported[0].draft, &exported[1].draft] {
        assert_eq!(draft.marketing, MarketingDraft::default());
    }
    // A version 2 share link's JSON too.
    let shared_v2 = encode_shared(&example())
        .replace("\"schema_version\":8", "\"schema_version\":2")
        .replace(&format!(",\"marketing\":{EMPTY_MARKETING}"), "")
        .replace(",\"currency\":\"USD\",\"typed_in\":\"en\"", "")
        .replace(&format!(",\"tracking\":{EMPTY_TRACKING}"), "")
        .replace(",\"annual\":\"\",\"forecast\":\"\"", "");
    assert!(!shared_v2.contains("marketing"), "{shared_v2}");
    assert!(!shared_v2.contains("currency"), "{shared_v2}");
    assert!(!shared_v2.contains("tracking"), "{shared_v2}");
    assert!(!shared_v2.contains("annual"), "{shared_v2}");
    assert!(!shared_v2.contains("forecast"), "{shared_v2}");
    let mut without_currency = example();
    without_currency.currency = String::new();
    assert_eq!(decode_shared(&shared_v2), Ok(without_currency));
    // A version 3 export may hold records of version 2 and 3.
    let mut mixed: Value = serde_json::from_str(V2_EXPORT).expect("JSON");
    set(&mut mixed, "/schema_version", json!(3));
    let v3_record: Value = serde_json::from_str(V3_PLAN).expect("JSON");
    mixed["plans"]
        .as_array_mut()
        .expect("a list")
        .push(v3_record);
    let records = decode_import(&mixed.to_string()).expect("a mixed export loads");
    assert_eq!(records.len(), 3);
    assert_eq!(records[0].draft.marketing, MarketingDraft::default());
    assert_eq!(records[2], decode_record(V3_PLAN).expect("loads"));
}

#[test]
fn twelve_channels_load_and_thirteen_are_refused() {
    let mut record = channels_record();
    let marketing = &mut record.draft.marketing;
    while marketing.add_channel("More").is_some() {}
    assert_eq!(marketing.channels.len(), MAX_CHANNELS);
    let text = encode_record(&record);
    assert_eq!(decode_record(&text), Ok(record));
    let thirteen = channels_record_with(|v| {
        let channels = v
            .pointer_mut("/plan/marketing/channels")
            .and_then(Value::as_array_mut)
            .expect("a list");
        let first = channels[0].clone();
        channels.resize(13, first);
    });
    assert_eq!(
        decode_record(&thirteen),
        damaged(&[("plan.marketing.channels", Reason::ChannelCount(13))])
    );
}

#[test]
fn duplicate_channel_ids_are_renumbered_not_rejected() {
    let mut record = channels_record();
    for channel in &mut record.draft.marketing.channels {
        channel.id = ChannelId(7);
    }
    let loaded = decode_record(&encode_record(&record)).expect("still loads");
    let ids: Vec<u32> = loaded
        .draft
        .marketing
        .channels
        .iter()
        .map(|channel| channel.id.0)
        .collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(loaded.draft.marketing.channels[1].name, "Email");
    assert_eq!(loaded.draft.marketing.channels[1].volume(StageId(2)), "50");
}

#[test]
fn a_marketing_problem_in_a_share_link_is_named_with_its_field() {
    // A share link's JSON is read by the same rules as a record (the cases of
    // fixtures/problems/marketing.txt).
    let shared = encode_shared(&example_with_channels()).replace(
        "\"budget_period\":\"month\"",
        "\"budget_period\":\"fortnight\"",
    );
    assert_eq!(
        decode_shared(&shared),
        Err(DecodeError::Damaged(vec![problem(
            "plan.marketing.budget_period",
            Reason::WrongType(Expected::BudgetPeriod)
        )]))
    );
}

#[test]
fn a_newer_version_copy_still_reads_the_marketing_side() {
    // A version 9 record with fields this version does not know, at every level.
    let text = channels_record_with(|v| {
        set(v, "/schema_version", json!(9));
        insert(v, "", "colour", json!("red"));
        insert(v, "/plan", "fiscal_year", json!("2027"));
        insert(v, "/plan/marketing", "attribution", json!("last touch"));
        insert(v, "/plan/marketing/channels/0", "owner", json!("Ana"));
        insert(v, "/plan/marketing/channels/0/stages/0", "cost", json!("3"));
    });
    assert_eq!(decode_record(&text), Err(DecodeError::NewerVersion(9)));
    assert_eq!(read_newer_copy(&text), Some(example_with_channels()));
    // A newer plan without a marketing side reads with an empty one.
    let without = record_with(|v| {
        set(v, "/schema_version", json!(9));
        remove(v, "/plan/marketing");
    });
    assert_eq!(read_newer_copy(&without), Some(example()));
}

#[test]
fn a_newer_version_copy_reads_choices_it_does_not_know_as_their_defaults() {
    // A version 9 plan budgeting per quarter, with a lifetime kind and a ranking this version
    // has never heard of: the copy takes "per year", "years" and "rank by CAC".
    let text = channels_record_with(|v| {
        set(v, "/schema_version", json!(9));
        set(v, "/plan/marketing/budget_period", json!("quarter"));
        set(v, "/plan/marketing/lifetime", json!("cohorts"));
        set(v, "/plan/marketing/rank_by", json!("payback"));
    });
    let copy = read_newer_copy(&text).expect("a copy to work on");
    assert_eq!(copy.marketing.budget_period, BudgetPeriod::Year);
    assert_eq!(copy.marketing.lifetime_kind, LifetimeKind::Years);
    assert_eq!(copy.marketing.rank_by, RankBy::Cac);
    assert_eq!(
        copy.marketing.channels,
        example_with_channels().marketing.channels
    );
}

// ---------------------------------------------------------------------------------------------
// Version 5: the tracking side

fn cell(month: usize, row: Row, channel: Option<u32>, text: &str) -> ActualCell {
    ActualCell {
        at: CellAt {
            month,
            row,
            channel: channel.map(ChannelId),
        },
        text: text.to_owned(),
    }
}

/// The version 5 fixture as a JSON tree, changed by `edit`, as text.
fn tracked_record_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(V5_PLAN).expect("the fixture is JSON");
    edit(&mut value);
    value.to_string()
}

/// The tracking side of the version 5 fixture.
fn fixture_tracking() -> TrackingDraft {
    let visits = Row::Stage(StageId(1));
    let customers = Row::Stage(StageId(4));
    TrackingDraft {
        start: PlanYear::new(2027, 4),
        cells: vec![
            cell(0, visits, None, "12,000"),
            cell(1, visits, None, "13,500"),
            cell(2, visits, None, "14,100"),
            cell(0, customers, None, "1"),
            // A result still being typed is kept as typed.
            cell(1, customers, None, "1o"),
            cell(2, customers, None, "2"),
            cell(0, Row::Spend, None, "4,800"),
            cell(1, Row::Spend, None, "5,200.50"),
            cell(2, Row::Spend, None, "5,000"),
            cell(0, Row::Revenue, None, "1,100,000"),
            cell(2, Row::Revenue, None, "2,200,000"),
            cell(0, visits, Some(3), "7,000"),
            cell(1, visits, Some(3), "8,000"),
        ],
        focus: [
            ["Landing pages".to_owned(), "Webinar \"series\"".to_owned()],
            [String::new(), String::new()],
            ["Partner programme".to_owned(), String::new()],
            [String::new(), String::new()],
        ],
    }
}

/// The cells of `tracking` in one fixed order (by row, channel, month), to compare results
/// whatever order they were typed in.
fn sorted_cells(tracking: &TrackingDraft) -> Vec<ActualCell> {
    let mut cells = tracking.cells.clone();
    cells.sort_by_key(|cell| {
        let row = match cell.at.row {
            Row::Stage(stage) => (0, stage.0),
            Row::Spend => (1, 0),
            Row::Revenue => (2, 0),
        };
        (row, cell.at.channel.map(|channel| channel.0), cell.at.month)
    });
    cells
}

#[test]
fn version_5_record_fixture_loads_with_every_field() {
    // Hand-written: a plan year from April 2027; three months of visits, customers (one still
    // being typed: "1o"), spend and revenue (none entered for the second month); Paid search's
    // own visits for two months; focus areas for the first and third quarters.
    let record = decode_record(V5_PLAN).expect("version 5 loads");
    assert_eq!(record.id.as_str(), "p1a2b3f-tr4k");
    assert_eq!(record.modified_ms, 1_797_000_000_000);
    assert_eq!(record.deleted_ms, None);
    let paid_search = ChannelDraft {
        id: ChannelId(3),
        name: "Paid search".to_owned(),
        share: "40".to_owned(),
        spend: "6,000".to_owned(),
        revenue: "30,000".to_owned(),
        stages: vec![entry(1, "2,000", "3")],
    };
    assert_eq!(
        record.draft,
        PlanDraft {
            name: "2027 tracked".to_owned(),
            goal_kind: GoalKind::Revenue,
            revenue_goal: "10,000,000".to_owned(),
            new_customers_goal: String::new(),
            average_revenue_per_customer: "1,100,000".to_owned(),
            stages: vec![
                stage(1, "Visits", "1.5"),
                stage(2, "Leads", "20"),
                stage(3, "Opportunities", "40"),
                stage(4, "Customers", ""),
            ],
            current_top_per_month: String::new(),
            marketing: MarketingDraft {
                budget: "5,000".to_owned(),
                budget_period: BudgetPeriod::Month,
                channels: vec![paid_search, ChannelDraft::named(ChannelId(1), "Email")],
                customers_at_start: String::new(),
                customers_at_end: String::new(),
                customers_new: String::new(),
                gross_margin: "60".to_owned(),
                lifetime_kind: LifetimeKind::Years,
                lifetime_years: "3".to_owned(),
                churn: String::new(),
                rank_by: RankBy::Cac,
                move_percent: "20".to_owned(),
            },
            currency: "EUR".to_owned(),
            typed_in: Lang::English,
            tracking: fixture_tracking(),
            annual: String::new(),
            forecast: String::new(),
        }
    );
    // The plan year runs April 2027 to March 2028, whatever the current year.
    let year = record.draft.tracking.plan_year(Month {
        year: 2031,
        month: 3,
    });
    assert_eq!((year.year(), year.month()), (2027, 4));
    assert_eq!(year.calendar(11), (2028, 3));
    // Saved again, it is exactly the fixture as version 7 writes it (with no annual plan and no
    // forecast): a change to the written form shows here.
    let v5_as_v7 = V5_PLAN
        .trim_end()
        .replacen("{\"schema_version\":5,", "{\"schema_version\":8,", 1)
        .strip_suffix("}}")
        .map(|body| format!("{body},\"annual\":\"\",\"forecast\":\"\"}}}}"))
        .expect("a record ends with two braces");
    assert_eq!(encode_record(&record), v5_as_v7);
}

#[test]
fn a_version_4_record_reads_with_no_plan_year_and_no_results() {
    let record = decode_record(V4_PLAN).expect("version 4 loads");
    assert_eq!(record.draft.tracking, TrackingDraft::default());
    assert_eq!(record.draft.tracking.start, None);
    assert!(!record.draft.tracking.has_results());
    // Without a plan year set, the year is January of the current one (before October).
    let year = record.draft.tracking.plan_year(Month {
        year: 2031,
        month: 3,
    });
    assert_eq!((year.year(), year.month()), (2031, 1));
    // Saved again, it is a version 7 record with nothing tracked, which reads back the same.
    let text = encode_record(&record);
    assert!(text.starts_with("{\"schema_version\":8,"), "{text}");
    assert!(
        text.contains(&format!("\"tracking\":{EMPTY_TRACKING}")),
        "{text}"
    );
    assert_eq!(decode_record(&text), Ok(record));
    // Every older version reads with nothing tracked too.
    let v1 = decode_v1(V1_PLAN).expect("version 1 loads");
    let v2 = decode_record(V2_PLAN).expect("version 2 loads");
    let v3 = decode_record(V3_PLAN).expect("version 3 loads");
    let exported = decode_import(V2_EXPORT).expect("the version 2 export loads");
    for draft in [
        &v1,
        &v2.draft,
        &v3.draft,
        &exported[0].draft,
        &exported[1].draft,
    ] {
        assert_eq!(draft.tracking, TrackingDraft::default());
    }
    // A version 4 plan never had a tracking side: one in a version 4 plan is not from this app.
    let text = tracked_record_with(|v| set(v, "/schema_version", json!(4)));
    assert_eq!(
        decode_record(&text),
        damaged(&[("plan.tracking", Reason::UnknownField)])
    );
}

#[test]
fn a_tracking_problem_in_an_import_or_a_share_link_is_named_with_its_field() {
    let wrong = |expected: Expected| Reason::WrongType(expected);
    // An import names the plan's place in the file, and a share link's JSON is read by the same
    // rules as a record (the cases of fixtures/problems/tracking.txt).
    let export = encode_export(&[decode_record(V5_PLAN).expect("loads")], MODIFIED)
        .replace("\"2027-04\"", "\"2027-13\"");
    assert_eq!(
        decode_import(&export),
        refused(&[("plans[0].plan.tracking.start", wrong(Expected::PlanYear))])
    );
    let shared = encode_shared(&decode_record(V5_PLAN).expect("loads").draft)
        .replace("\"row\":\"spend\"", "\"row\":\"costs\"");
    assert_eq!(
        decode_shared(&shared),
        Err(DecodeError::Damaged(vec![problem(
            "plan.tracking.results[2].row",
            wrong(Expected::ResultRow)
        )]))
    );
}

#[test]
fn a_newer_version_copy_reads_with_or_without_a_tracking_side() {
    let tracked = decode_record(V5_PLAN).expect("loads").draft;
    // A version 9 plan with fields this version does not know inside its tracking side.
    let text = tracked_record_with(|v| {
        set(v, "/schema_version", json!(9));
        insert(v, "/plan/tracking", "targets", json!([]));
        insert(v, "/plan/tracking/results/0", "note", json!("estimated"));
    });
    assert_eq!(decode_record(&text), Err(DecodeError::NewerVersion(9)));
    assert_eq!(read_newer_copy(&text), Some(tracked.clone()));
    // A newer plan that moved its tracking side elsewhere reads with nothing tracked.
    let without = tracked_record_with(|v| {
        set(v, "/schema_version", json!(9));
        remove(v, "/plan/tracking");
        insert(v, "/plan", "tracking_v8", json!({"start": "2027-04"}));
    });
    let copy = read_newer_copy(&without).expect("a copy to work on");
    assert_eq!(copy.tracking, TrackingDraft::default());
    assert_eq!(
        copy,
        PlanDraft {
            tracking: TrackingDraft::default(),
            ..tracked
        }
    );
}

#[test]
fn a_tracked_plan_round_trips_through_every_written_form() {
    let mut record = channels_record();
    record.draft.tracking = fixture_tracking();
    // Results of Email (the example's second channel) as well, typed out of order: they are written
    // grouped by row and channel, so they read back in that order.
    let email = record.draft.marketing.channels[1].id;
    for (month, text) in [(5, "40"), (1, "35")] {
        record.draft.tracking.set_text(
            CellAt {
                month,
                row: Row::Stage(StageId(2)),
                channel: Some(email),
            },
            text.to_owned(),
        );
    }
    record.draft.tracking.set_text(
        CellAt {
            month: 11,
            row: Row::Revenue,
            channel: None,
        },
        "3,300,000".to_owned(),
    );
    let read = decode_record(&encode_record(&record)).expect("reads back");
    assert_eq!(
        sorted_cells(&read.draft.tracking),
        sorted_cells(&record.draft.tracking)
    );
    // Put in the written order, it is the same plan, in every written form.
    record.draft.tracking.cells = read.draft.tracking.cells.clone();
    assert_eq!(read, record);
    assert_eq!(
        decode_import(&encode_record(&record)),
        Ok(vec![record.clone()])
    );
    let export = encode_export(std::slice::from_ref(&record), MODIFIED);
    assert_eq!(decode_import(&export), Ok(vec![record.clone()]));
    assert_eq!(
        decode_shared(&encode_shared(&record.draft)),
        Ok(record.draft.clone())
    );
    // Every month of the year, the first and the last, is written in its place.
    let text = encode_record(&record);
    assert!(
        text.contains(
            r#"{"row":"revenue","months":["1,100,000",null,"2,200,000",null,null,null,null,null,null,null,null,"3,300,000"]}"#
        ),
        "{text}"
    );
    assert!(text.contains(r#""start":"2027-04""#), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Version 6: the annual plan, one JSON text inside the plan

fn part(text: &str, is_percent: bool) -> ExistingPart {
    ExistingPart {
        text: text.to_owned(),
        is_percent,
    }
}

/// The annual plan of the version 6 fixture, typed in English for the version 5 fixture's plan
/// (stages 1 Visits, 2 Leads, 3 Opportunities, 4 Customers): last year's total at every stage,
/// its spend and revenue; a goal of 10 % growth (the revenue typed before choosing growth is
/// kept); existing customers keeping 60 % of last year's revenue, upsell of 500,000 and
/// cross-sell of 2 %; software benchmarks; an objective that follows the Leads stage and one of
/// the person's own, whose name and values need escaping in JSON.
fn fixture_annual() -> AnnualDraft {
    let totals = [(1, "52,000"), (2, "780"), (3, "150"), (4, "8")];
    AnnualDraft {
        typed_in: "en".to_owned(),
        last_year: LastYearDraft {
            stages: totals
                .iter()
                .map(|(stage, total)| StageTotal {
                    stage: *stage,
                    total: (*total).to_owned(),
                })
                .collect(),
            spend: "58,000.50".to_owned(),
            revenue: "10,000,000".to_owned(),
            new_customer_revenue: "8,400,000".to_owned(),
        },
        goal: GoalDraft {
            mode: GoalMode::Growth,
            revenue: "11,000,000".to_owned(),
            growth: "10".to_owned(),
            ..GoalDraft::default()
        },
        existing: ExistingDraft {
            retained: part("60", true),
            upsell: part("500,000", false),
            cross_sell: part("2", true),
        },
        industry: IndustryTag::Software,
        objectives: vec![
            ObjectiveDraft {
                id: 1,
                metric: "Leads".to_owned(),
                stage: Some(2),
                group: GroupTag::Activity,
                unit: UnitTag::Count,
                baseline: "65".to_owned(),
                target: "90".to_owned(),
                deadline: Some(8),
                owner: "Ana".to_owned(),
                quarter: Some(1),
                values: Vec::new(),
            },
            ObjectiveDraft {
                id: 3,
                metric: "Newsletter \"open\" rate \\ Zürich — ść\nweekly".to_owned(),
                stage: None,
                group: GroupTag::Response,
                unit: UnitTag::Percent,
                baseline: "21.5".to_owned(),
                target: "25".to_owned(),
                deadline: None,
                owner: String::new(),
                quarter: Some(3),
                values: [
                    "21.5", "22", "", "23.1", "2x", "", "", "", "", "", "", "24.75",
                ]
                .map(str::to_owned)
                .to_vec(),
            },
        ],
        team: TeamDraft::default(),
    }
}

/// The version 6 fixture as a JSON tree, changed by `edit`, as text.
fn annual_record_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(V6_PLAN).expect("the fixture is JSON");
    edit(&mut value);
    value.to_string()
}

#[test]
fn version_6_record_fixture_loads_with_every_field() {
    let record = decode_record(V6_PLAN).expect("version 6 loads");
    // Everything but the annual plan is the version 5 fixture's plan.
    let v5 = decode_record(V5_PLAN).expect("version 5 loads");
    assert_eq!(
        record,
        PlanRecord {
            id: id("p1a2b3g-4nnl"),
            modified_ms: 1_798_000_000_000,
            deleted_ms: None,
            lineage: Vec::new(),
            draft: PlanDraft {
                name: "2027 annual".to_owned(),
                annual: record.draft.annual.clone(),
                ..v5.draft
            },
        }
    );
    // The annual text is the annual plan as typed: the language it names is its own (the one
    // given is only for an empty text).
    assert_eq!(
        AnnualDraft::decode(&record.draft.annual, Lang::Polish),
        Ok(fixture_annual())
    );
    // This build writes that annual plan as exactly the fixture's text, and the record as
    // exactly the fixture as version 7 writes it (with no forecast): a change to either written
    // form shows here.
    assert_eq!(record.draft.annual, fixture_annual().encode());
    assert_eq!(record.draft.forecast, "");
    assert_eq!(encode_record(&record), v6_as_v7());
}

#[test]
fn older_plans_read_with_no_annual_plan() {
    let v1 = decode_v1(V1_PLAN).expect("version 1 loads");
    let v2 = decode_record(V2_PLAN).expect("version 2 loads");
    let v3 = decode_record(V3_PLAN).expect("version 3 loads");
    let v4 = decode_record(V4_PLAN).expect("version 4 loads");
    let v5 = decode_record(V5_PLAN).expect("version 5 loads");
    let exported = decode_import(V2_EXPORT).expect("the version 2 export loads");
    for draft in [
        &v1,
        &v2.draft,
        &v3.draft,
        &v4.draft,
        &v5.draft,
        &exported[0].draft,
        &exported[1].draft,
    ] {
        assert_eq!(draft.annual, "");
    }
    // Version 5 never wrote an annual plan: one in a version 5 plan is not from this app, and
    // nothing else of the plan is in question.
    let text = annual_record_with(|v| set(v, "/schema_version", json!(5)));
    assert_eq!(
        decode_record(&text),
        damaged(&[("plan.annual", Reason::UnknownField)])
    );
    // Nor in a version 5 share link's JSON (which this version writes with a forecast, empty,
    // that version 5 never wrote either).
    let mut shared: Value = serde_json::from_str(&encode_shared(
        &decode_record(V6_PLAN).expect("loads").draft,
    ))
    .expect("JSON");
    set(&mut shared, "/schema_version", json!(5));
    assert_eq!(
        decode_shared(&shared.to_string()),
        Err(DecodeError::Damaged(vec![
            problem("plan.annual", Reason::UnknownField),
            problem("plan.forecast", Reason::UnknownField),
        ]))
    );
    // Without them, the same JSON is a version 5 plan with no annual plan.
    remove(&mut shared, "/plan/annual");
    remove(&mut shared, "/plan/forecast");
    assert_eq!(
        decode_shared(&shared.to_string()).map(|draft| draft.annual),
        Ok(String::new())
    );
}

#[test]
fn a_plans_annual_text_round_trips_through_every_written_form() {
    // The annual plan's own text, and text that is not an annual plan at all (storage keeps it
    // as it is: only the Annual plan page reads it): quotes, backslashes, a line break, a
    // control character and letters outside ASCII.
    for annual in [
        fixture_annual().encode(),
        "{\"version\":99} \"quoted\" \\ back\nslash\t\u{1} — Pengiriman email — ść".to_owned(),
    ] {
        let mut record = channels_record();
        record.draft.annual = annual.clone();
        let text = encode_record(&record);
        assert_eq!(decode_record(&text), Ok(record.clone()));
        assert_eq!(decode_import(&text), Ok(vec![record.clone()]));
        let export = encode_export(std::slice::from_ref(&record), MODIFIED);
        assert_eq!(decode_import(&export), Ok(vec![record.clone()]));
        let shared = decode_shared(&encode_shared(&record.draft)).expect("reads back");
        assert_eq!(shared.annual, annual);
        assert_eq!(shared, record.draft);
    }
    // It is written as a JSON string in the plan body, after the tracking side and before the
    // forecast.
    let mut draft = example();
    draft.annual = "{\"version\":1}".to_owned();
    let text = encode_shared(&draft);
    assert!(
        text.ends_with(&format!(
            ",\"tracking\":{EMPTY_TRACKING},\"annual\":\"{{\\\"version\\\":1}}\",\"forecast\":\"\"}}}}"
        )),
        "{text}"
    );
}

#[test]
fn an_annual_plan_that_is_not_text_in_an_import_or_a_share_link_is_named_with_its_field() {
    let wrong = Reason::WrongType(Expected::Text);
    // An import names the plan's place in the file, and a share link's JSON is read by the same
    // rules as a record (the cases of fixtures/problems/annual.txt).
    let mut export: Value = serde_json::from_str(&encode_export(
        &[decode_record(V6_PLAN).expect("loads")],
        MODIFIED,
    ))
    .expect("JSON");
    set(&mut export, "/plans/0/plan/annual", json!(5));
    assert_eq!(
        decode_import(&export.to_string()),
        refused(&[("plans[0].plan.annual", wrong)])
    );
    let mut shared: Value = serde_json::from_str(&encode_shared(
        &decode_record(V6_PLAN).expect("loads").draft,
    ))
    .expect("JSON");
    set(&mut shared, "/plan/annual", json!(5));
    assert_eq!(
        decode_shared(&shared.to_string()),
        Err(DecodeError::Damaged(vec![problem("plan.annual", wrong)]))
    );
}

#[test]
fn a_newer_version_copy_reads_with_or_without_an_annual_plan() {
    let annual = decode_record(V6_PLAN).expect("loads").draft;
    // A version 9 plan with a field this version does not know: the annual text is kept.
    let text = annual_record_with(|v| {
        set(v, "/schema_version", json!(9));
        insert(v, "/plan", "quarterly", json!("{}"));
    });
    assert_eq!(decode_record(&text), Err(DecodeError::NewerVersion(9)));
    assert_eq!(read_newer_copy(&text), Some(annual.clone()));
    // A newer plan that moved its annual plan elsewhere reads with none.
    let without = annual_record_with(|v| {
        set(v, "/schema_version", json!(9));
        remove(v, "/plan/annual");
        insert(v, "/plan", "annual_v8", json!({"version": 2}));
    });
    assert_eq!(
        read_newer_copy(&without),
        Some(PlanDraft {
            annual: String::new(),
            ..annual
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Version 7: the forecast, one JSON text inside the plan

/// The version 6 fixture exactly as version 7 writes it: the same plan with no forecast.
fn v6_as_v7() -> String {
    V6_PLAN
        .trim_end()
        .replacen("{\"schema_version\":6,", "{\"schema_version\":8,", 1)
        .strip_suffix("}}")
        .map(|body| format!("{body},\"forecast\":\"\"}}}}"))
        .expect("a record ends with two braces")
}

/// The forecast of the version 7 fixture, typed in English for the version 6 fixture's plan
/// (stages 1 Visits, 2 Leads, 3 Opportunities, 4 Customers): the year phased by a weight per
/// month (one with decimals), days from each stage to the next but the last, a range around
/// three rates (one with only its low end), a range around the average revenue, the seed 2027,
/// scenarios of 25 % and one plan compared side by side (the version 3 fixture's).
fn fixture_forecast() -> ForecastDraft {
    let stage_text = |stage: u32, text: &str| StageText {
        stage,
        text: text.to_owned(),
    };
    let range = |stage: u32, low: &str, high: &str| RangeDraft {
        stage,
        low: low.to_owned(),
        high: high.to_owned(),
    };
    ForecastDraft {
        typed_in: "en".to_owned(),
        phasing: PhasingMode::Weights,
        weights: [
            "6", "7", "9", "10", "10", "8", "5", "5", "9", "11", "10", "10.5",
        ]
        .map(str::to_owned)
        .to_vec(),
        days: vec![stage_text(1, "3"), stage_text(2, "14"), stage_text(3, "30")],
        ranges: vec![range(1, "1", "2"), range(2, "15", ""), range(3, "30", "55")],
        revenue_low: "900,000".to_owned(),
        revenue_high: "1,400,000".to_owned(),
        seed: "2027".to_owned(),
        scenario_percent: "25".to_owned(),
        compare: vec!["p1a2b3e-ch4n".to_owned()],
    }
}

/// The version 7 fixture as a JSON tree, changed by `edit`, as text.
fn forecast_record_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(V7_PLAN).expect("the fixture is JSON");
    edit(&mut value);
    value.to_string()
}

#[test]
fn version_7_record_fixture_loads_with_every_field() {
    let record = decode_record(V7_PLAN).expect("version 7 loads");
    // Everything but the forecast is the version 6 fixture's plan.
    let v6 = decode_record(V6_PLAN).expect("version 6 loads");
    assert_eq!(
        record,
        PlanRecord {
            draft: PlanDraft {
                forecast: record.draft.forecast.clone(),
                ..v6.draft.clone()
            },
            ..v6
        }
    );
    assert_ne!(record.draft.forecast, "");
    // The forecast text is the forecast as typed: the language it names is its own (the one
    // given is only for an empty text).
    assert_eq!(
        ForecastDraft::decode(&record.draft.forecast, Lang::Polish),
        Ok(fixture_forecast())
    );
    // This build writes that forecast as exactly the fixture's text, and the record as exactly
    // the fixture: a change to either written form shows here.
    assert_eq!(record.draft.forecast, fixture_forecast().encode());
    assert_eq!(encode_record(&record), v7_as_v8());
    // Without its forecast, it is the version 6 fixture as this version writes it.
    let mut without = record.clone();
    without.draft.forecast = String::new();
    assert_eq!(encode_record(&without), v6_as_v7());
}

#[test]
fn older_plans_read_with_no_forecast() {
    let v1 = decode_v1(V1_PLAN).expect("version 1 loads");
    let v2 = decode_record(V2_PLAN).expect("version 2 loads");
    let v3 = decode_record(V3_PLAN).expect("version 3 loads");
    let v4 = decode_record(V4_PLAN).expect("version 4 loads");
    let v5 = decode_record(V5_PLAN).expect("version 5 loads");
    let v6 = decode_record(V6_PLAN).expect("version 6 loads");
    let exported = decode_import(V2_EXPORT).expect("the version 2 export loads");
    for draft in [
        &v1,
        &v2.draft,
        &v3.draft,
        &v4.draft,
        &v5.draft,
        &v6.draft,
        &exported[0].draft,
        &exported[1].draft,
    ] {
        assert_eq!(draft.forecast, "");
    }
    // Version 6 never wrote a forecast: one in a version 6 plan is not from this app, and
    // nothing else of the plan is in question.
    let text = forecast_record_with(|v| set(v, "/schema_version", json!(6)));
    assert_eq!(
        decode_record(&text),
        damaged(&[("plan.forecast", Reason::UnknownField)])
    );
    // Nor in a version 6 plan of an export file.
    let mut export: Value = serde_json::from_str(&encode_export(
        &[decode_record(V7_PLAN).expect("loads")],
        MODIFIED,
    ))
    .expect("JSON");
    set(&mut export, "/plans/0/schema_version", json!(6));
    assert_eq!(
        decode_import(&export.to_string()),
        refused(&[("plans[0].plan.forecast", Reason::UnknownField)])
    );
    // Nor in a version 6 share link's JSON.
    let mut shared: Value = serde_json::from_str(&encode_shared(
        &decode_record(V7_PLAN).expect("loads").draft,
    ))
    .expect("JSON");
    set(&mut shared, "/schema_version", json!(6));
    assert_eq!(
        decode_shared(&shared.to_string()),
        Err(DecodeError::Damaged(vec![problem(
            "plan.forecast",
            Reason::UnknownField
        )]))
    );
    // Without it, the same JSON is a version 6 plan with no forecast (its annual plan kept).
    remove(&mut shared, "/plan/forecast");
    assert_eq!(decode_shared(&shared.to_string()), Ok(v6.draft));
}

#[test]
fn a_plans_forecast_text_round_trips_through_every_written_form() {
    // The forecast's own text, and text that is not a forecast at all (storage keeps it as it
    // is: only the Forecast page reads it): quotes, backslashes, a line break, a control
    // character and letters outside ASCII.
    for forecast in [
        fixture_forecast().encode(),
        fixture_forecast().retyped(Lang::Polish).encode(),
        "{\"version\":99} \"quoted\" \\ back\nslash\t\u{1} — Prognoza — ść".to_owned(),
    ] {
        let mut record = channels_record();
        record.draft.forecast = forecast.clone();
        record.draft.annual = fixture_annual().encode();
        let text = encode_record(&record);
        assert_eq!(decode_record(&text), Ok(record.clone()));
        assert_eq!(decode_import(&text), Ok(vec![record.clone()]));
        let export = encode_export(std::slice::from_ref(&record), MODIFIED);
        assert_eq!(decode_import(&export), Ok(vec![record.clone()]));
        let shared = decode_shared(&encode_shared(&record.draft)).expect("reads back");
        assert_eq!(shared.forecast, forecast);
        assert_eq!(shared, record.draft);
    }
    // It is written as a JSON string, the last field of the plan body, after the annual plan.
    let mut draft = example();
    draft.forecast = "{\"version\":1}".to_owned();
    let text = encode_shared(&draft);
    assert!(
        text.ends_with(&format!(
            ",\"tracking\":{EMPTY_TRACKING},\"annual\":\"\",\"forecast\":\"{{\\\"version\\\":1}}\"}}}}"
        )),
        "{text}"
    );
}

#[test]
fn a_forecast_that_is_not_text_in_an_import_or_a_share_link_is_named_with_its_field() {
    let wrong = Reason::WrongType(Expected::Text);
    // An import names the plan's place in the file, and a share link's JSON is read by the same
    // rules as a record (the cases of fixtures/problems/forecast.txt).
    let mut export: Value = serde_json::from_str(&encode_export(
        &[
            decode_record(V6_PLAN).expect("loads"),
            decode_record(V7_PLAN).expect("loads"),
        ],
        MODIFIED,
    ))
    .expect("JSON");
    set(&mut export, "/plans/1/plan/forecast", json!(5));
    assert_eq!(
        decode_import(&export.to_string()),
        refused(&[("plans[1].plan.forecast", wrong)])
    );
    let mut shared: Value = serde_json::from_str(&encode_shared(
        &decode_record(V7_PLAN).expect("loads").draft,
    ))
    .expect("JSON");
    set(&mut shared, "/plan/forecast", json!({"version": 1}));
    assert_eq!(
        decode_shared(&shared.to_string()),
        Err(DecodeError::Damaged(vec![problem("plan.forecast", wrong)]))
    );
}

#[test]
fn a_newer_version_copy_reads_with_or_without_a_forecast() {
    let forecast = decode_record(V7_PLAN).expect("loads").draft;
    // A version 9 plan with a field this version does not know: the forecast text is kept.
    let text = forecast_record_with(|v| {
        set(v, "/schema_version", json!(9));
        insert(v, "/plan", "budget_plan", json!("{}"));
    });
    assert_eq!(decode_record(&text), Err(DecodeError::NewerVersion(9)));
    assert_eq!(read_newer_copy(&text), Some(forecast.clone()));
    // A newer plan that moved its forecast elsewhere reads with none (and its annual plan kept).
    let without = forecast_record_with(|v| {
        set(v, "/schema_version", json!(9));
        remove(v, "/plan/forecast");
        insert(v, "/plan", "forecast_v8", json!({"version": 2}));
    });
    assert_eq!(decode_record(&without), Err(DecodeError::NewerVersion(9)));
    assert_eq!(
        read_newer_copy(&without),
        Some(PlanDraft {
            forecast: String::new(),
            ..forecast.clone()
        })
    );
    assert_eq!(
        read_newer_copy(&without).map(|draft| draft.annual),
        Some(fixture_annual().encode())
    );
    // A newer plan whose forecast is not text is no copy to work on: the text is not this
    // version's to guess at.
    let not_text = forecast_record_with(|v| {
        set(v, "/schema_version", json!(9));
        set(v, "/plan/forecast", json!({"version": 2}));
    });
    assert_eq!(read_newer_copy(&not_text), None);
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn round_trip_keeps_invalid_text() {
    let mut record = example_record();
    record.draft.revenue_goal = "12,5oo".to_owned();
    record.draft.stages[2].name = "  ".to_owned();
    record.draft.current_top_per_month = "-3".to_owned();
    let text = encode_record(&record);
    assert!(text.starts_with("{\"schema_version\":8,"));
    assert_eq!(decode_record(&text), Ok(record));
}

#[test]
fn deleted_plans_round_trip_and_are_left_out_of_exports() {
    let live = example_record();
    let mut binned = example_record();
    binned.id = id("binned");
    binned.deleted_ms = Some(MODIFIED + 1);
    let text = encode_record(&binned);
    assert!(text.contains("\"deleted\":1795000000001"));
    assert!(!encode_record(&live).contains("deleted"));
    assert_eq!(decode_record(&text), Ok(binned.clone()));
    assert_eq!(
        decode_record(&record_with(|v| insert(v, "", "deleted", Value::Null))),
        Ok(live.clone())
    );

    let both = [binned.clone(), live.clone()];
    assert_eq!(decode_import(&encode_export(&both, 7)), Ok(vec![live]));
    // An export with nothing but deleted plans is a file with no plans.
    assert_eq!(
        decode_import(&encode_export(&[binned], 7)),
        refused(&[("plans", Reason::NoPlans)])
    );
}

#[test]
fn an_import_can_be_a_single_record() {
    let record = example_record();
    assert_eq!(decode_import(&encode_record(&record)), Ok(vec![record]));
}

#[test]
fn duplicate_stage_ids_are_renumbered_not_rejected() {
    let mut record = example_record();
    for stage in &mut record.draft.stages {
        stage.id = StageId(1);
    }
    let loaded = decode_record(&encode_record(&record)).expect("still loads");
    let ids: Vec<u32> = loaded.draft.stages.iter().map(|stage| stage.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    assert_eq!(loaded.draft.stages[3].name, "SQLs");
}

#[test]
fn extreme_whole_numbers_round_trip() {
    let mut record = example_record();
    record.id = id(&"Z".repeat(64));
    record.modified_ms = u64::MAX;
    record.deleted_ms = Some(0);
    record.draft.stages[0].id = StageId(u32::MAX);
    record.draft.stages[1].id = StageId(0);
    assert_eq!(decode_record(&encode_record(&record)), Ok(record));
}

#[test]
fn the_largest_file_accepted_reads() {
    let numbered = |n: usize| PlanRecord {
        id: id(&format!("plan-{n:05}")),
        modified_ms: MODIFIED + n as u64,
        ..example_record()
    };
    // Every record takes the same room, so the most that fit under the limit can be counted.
    let one = encode_export(&[numbered(0)], MODIFIED).len();
    let each = encode_export(&[numbered(0), numbered(1)], MODIFIED).len() - one;
    let count = (MAX_IMPORT_BYTES - one) / each + 1;
    let records: Vec<PlanRecord> = (0..count).map(numbered).collect();
    let text = encode_export(&records, MODIFIED);
    assert!(text.len() <= MAX_IMPORT_BYTES, "{} bytes", text.len());
    assert!(text.len() + each > MAX_IMPORT_BYTES, "{} bytes", text.len());
    assert_eq!(decode_import(&text), Ok(records));

    // Padded to exactly the limit it still reads; one byte more does not.
    let padded = format!("{text}{}", " ".repeat(MAX_IMPORT_BYTES - text.len()));
    assert_eq!(padded.len(), MAX_IMPORT_BYTES);
    assert!(decode_import(&padded).is_ok());
    let over = format!("{padded} ");
    assert_eq!(
        decode_import(&over),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Every problem named, case by case. The cases are plain text in `tests/fixtures/problems/` (its
// README.md gives the format), so a person reads and adds one without Rust; one runner
// (`tests/common/problem_cases.rs`) checks every file the same way.

#[test]
fn every_problem_in_a_record_is_named_with_its_field() {
    problem_cases::check_case_file("record.txt", include_str!("fixtures/problems/record.txt"));
}

#[test]
fn every_problem_in_an_import_is_named_with_its_field() {
    problem_cases::check_case_file("import.txt", include_str!("fixtures/problems/import.txt"));
}

#[test]
fn every_problem_in_a_marketing_side_is_named_with_its_field() {
    problem_cases::check_case_file(
        "marketing.txt",
        include_str!("fixtures/problems/marketing.txt"),
    );
}

#[test]
fn every_problem_in_a_tracking_side_is_named_with_its_field() {
    problem_cases::check_case_file(
        "tracking.txt",
        include_str!("fixtures/problems/tracking.txt"),
    );
}

#[test]
fn an_annual_plan_that_is_not_text_is_named_with_its_field() {
    problem_cases::check_case_file("annual.txt", include_str!("fixtures/problems/annual.txt"));
}

#[test]
fn a_forecast_that_is_not_text_is_named_with_its_field() {
    problem_cases::check_case_file(
        "forecast.txt",
        include_str!("fixtures/problems/forecast.txt"),
    );
}

/// The written plans a case file's case can start `from` (see tests/fixtures/problems/README.md),
/// each what a Rust helper starts from: the example record (`record_with`), the one with channels
/// (`channels_record_with`), the export fixture (`export_with`) and the version 5, 6 and 7
/// fixtures (`tracked_record_with`, `annual_record_with`, `forecast_record_with`), the fixtures
/// named by their file. With each, whether it is written back indented (as `export_with` writes
/// an export file) rather than compact (as the others write a record).
fn case_base(name: &str) -> Option<(String, bool)> {
    match name {
        "example" => Some((encode_record(&example_record()), false)),
        "example-with-channels" => Some((encode_record(&channels_record()), false)),
        "export-v2" => Some((V2_EXPORT.to_owned(), true)),
        "storage-v5-plan" => Some((V5_PLAN.to_owned(), false)),
        "storage-v6-plan" => Some((V6_PLAN.to_owned(), false)),
        "storage-v7-plan" => Some((V7_PLAN.to_owned(), false)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Every problem named

#[test]
fn text_after_a_record_is_named_where_it_starts() {
    // Not in fixtures/problems/record.txt: where the extra text starts depends on the length of
    // the record exactly as this build writes it, which a case file cannot say.
    let record = encode_record(&example_record());
    assert_eq!(
        decode_record(&format!("{record}x")),
        damaged(&[(
            "",
            Reason::NotJson {
                line: 1,
                column: record.len() + 1,
            },
        )])
    );
}

#[test]
fn ids_of_exactly_64_characters_are_accepted() {
    let text = record_with(|v| set(v, "/id", json!("a".repeat(64))));
    assert_eq!(
        decode_record(&text).map(|record| record.id),
        Ok(id(&"a".repeat(64)))
    );
}

#[test]
fn newer_versions_are_recognised_not_misread() {
    let newer = SCHEMA_VERSION + 1;
    // However little or much else the newer text holds, only its version is judged.
    for text in [
        format!("{{\"schema_version\":{newer}}}"),
        format!("{{\"schema_version\":{newer},\"plans\":[]}}"),
        record_with(|v| set(v, "/schema_version", json!(newer))),
    ] {
        assert_eq!(decode_record(&text), Err(DecodeError::NewerVersion(newer)));
        assert_eq!(decode_v1(&text), Err(DecodeError::NewerVersion(newer)));
        assert_eq!(decode_shared(&text), Err(DecodeError::NewerVersion(newer)));
    }
    assert_eq!(
        decode_record(&record_with(|v| set(v, "/schema_version", json!(99)))),
        Err(DecodeError::NewerVersion(99))
    );
    assert_eq!(
        decode_record(&record_with(|v| set(v, "/schema_version", json!(u64::MAX)))),
        Err(DecodeError::NewerVersion(u64::MAX))
    );
}

#[test]
fn a_list_of_records_is_not_an_import() {
    // Not in fixtures/problems/import.txt: the text is a record exactly as this build writes it,
    // inside a list, which a case file (whose edits write a record back with its fields sorted)
    // cannot say.
    assert_eq!(
        decode_import(&format!("[{}]", encode_record(&example_record()))),
        refused(&[("", Reason::WrongType(Expected::Object))])
    );
}

#[test]
fn an_import_with_problems_in_several_plans_reports_all_of_them() {
    let text = export_with(|v| {
        let mut third = v["plans"][0].clone();
        set(&mut third, "/id", json!("third"));
        v["plans"].as_array_mut().expect("a list").push(third);
        set(v, "/app", json!("other-app"));
        remove(v, "/plans/0/plan/name");
        set(v, "/plans/0/plan/stages/1/rate_to_next", json!(20));
        set(v, "/plans/1/id", json!("../x"));
        insert(v, "/plans/1/plan", "colour", json!("red"));
        set(v, "/plans/1/plan/goal", json!("profit"));
        set(v, "/plans/1/plan/stages", stages_json(1));
        set(v, "/plans/2/schema_version", json!(9));
    });
    assert_eq!(
        decode_import(&text),
        refused(&[
            ("app", Reason::WrongType(Expected::AppName)),
            ("plans[0].plan.name", Reason::Missing),
            (
                "plans[0].plan.stages[1].rate_to_next",
                Reason::WrongType(Expected::Text),
            ),
            ("plans[1].id", Reason::WrongType(Expected::PlanId)),
            ("plans[1].plan.colour", Reason::UnknownField),
            ("plans[1].plan.goal", Reason::WrongType(Expected::GoalKind)),
            ("plans[1].plan.stages", Reason::StageCount(1)),
            ("plans[2].schema_version", Reason::NewerVersion(9)),
        ])
    );
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    for (text, bytes) in [
        (" ".repeat(MAX_IMPORT_BYTES + 1), MAX_IMPORT_BYTES + 1),
        ("x".repeat(5 * MAX_IMPORT_BYTES), 5 * MAX_IMPORT_BYTES),
        // The limit counts bytes, not characters: 333,334 characters of 3 bytes each.
        ("€".repeat(333_334), 1_000_002),
    ] {
        assert_eq!(decode_import(&text), Err(ImportError::TooLarge { bytes }));
    }
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for text in [
        "[".repeat(100_000),
        "{\"plans\":".repeat(50_000),
        format!("{}{}", "[".repeat(5_000), "]".repeat(5_000)),
    ] {
        assert!(
            matches!(decode_import(&text), Err(ImportError::Problems(p)) if p.len() == 1),
            "nested {}",
            text.len()
        );
        assert!(decode_record(&text).is_err());
        assert!(decode_v1(&text).is_err());
        assert!(decode_shared(&text).is_err());
    }
}

// ---------------------------------------------------------------------------------------------
// Truncations: every prefix of a valid text is refused, naming where reading stopped.

/// Where serde stops on a prefix of valid JSON: the end of the text.
fn end_of(prefix: &str) -> Reason {
    let line = prefix.matches('\n').count() + 1;
    let column = prefix.len() - prefix.rfind('\n').map_or(0, |at| at + 1);
    Reason::NotJson { line, column }
}

/// Every proper prefix of `text` (at character boundaries), with its decoding.
fn prefixes<T>(text: &str, decode: impl Fn(&str) -> T) -> Vec<(&str, T)> {
    text.char_indices()
        .map(|(end, _)| (&text[..end], decode(&text[..end])))
        .collect()
}

#[test]
fn every_truncation_of_an_export_file_is_refused() {
    let text = V2_EXPORT.trim_end();
    let results = prefixes(text, decode_import);
    assert_eq!(results.len(), text.chars().count()); // 1,975
    for (prefix, result) in results {
        assert_eq!(
            result,
            Err(ImportError::Problems(vec![problem("", end_of(prefix))])),
            "prefix of {} bytes",
            prefix.len()
        );
    }
}

#[test]
fn every_truncation_of_a_record_a_version_1_save_and_a_share_is_refused() {
    for record in [
        V2_PLAN.trim_end(),
        V3_PLAN.trim_end(),
        V6_PLAN.trim_end(),
        V7_PLAN.trim_end(),
    ] {
        for (prefix, result) in prefixes(record, decode_record) {
            assert_eq!(
                result,
                Err(DecodeError::Damaged(vec![problem("", end_of(prefix))])),
                "{prefix}"
            );
        }
    }
    let v1 = V1_PLAN.trim_end();
    for (prefix, result) in prefixes(v1, decode_v1) {
        assert_eq!(
            result,
            Err(DecodeError::Damaged(vec![problem("", end_of(prefix))])),
            "{prefix}"
        );
    }
    let shared = encode_shared(&decode_record(V3_PLAN).expect("loads").draft);
    for (prefix, result) in prefixes(&shared, decode_shared) {
        assert_eq!(
            result,
            Err(DecodeError::Damaged(vec![problem("", end_of(prefix))])),
            "{prefix}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies

fn any_record() -> impl Strategy<Value = PlanRecord> {
    (
        "[A-Za-z0-9_-]{1,64}",
        any::<u64>(),
        prop::option::of(any::<u64>()),
        any_draft(),
    )
        .prop_map(|(id_text, modified_ms, deleted_ms, draft)| PlanRecord {
            id: id(&id_text),
            modified_ms,
            deleted_ms,
            lineage: Vec::new(),
            draft,
        })
}

/// 1–4 records with distinct ids.
fn any_records() -> impl Strategy<Value = Vec<PlanRecord>> {
    prop::collection::vec(any_record(), 1..5).prop_map(|mut records| {
        let mut seen = BTreeSet::new();
        records.retain(|record| seen.insert(record.id.clone()));
        records
    })
}

/// Every field name of every version, so random trees often look like plans.
const FIELD_NAMES: &[&str] = &[
    "app",
    "schema_version",
    "exported",
    "plans",
    "id",
    "modified",
    "deleted",
    "plan",
    "name",
    "goal",
    "revenue_goal",
    "new_customers_goal",
    "average_revenue_per_customer",
    "stages",
    "current_top_per_month",
    "rate_to_next",
    "marketing",
    "budget",
    "budget_period",
    "channels",
    "share",
    "spend",
    "revenue",
    "stage",
    "volume",
    "rate",
    "customers_at_start",
    "customers_at_end",
    "customers_new",
    "gross_margin",
    "lifetime",
    "lifetime_years",
    "churn",
    "rank_by",
    "move_percent",
    "currency",
    "typed_in",
    "tracking",
    "start",
    "results",
    "row",
    "channel",
    "months",
    "focus",
    "annual",
    "forecast",
];

const STRING_VALUES: &[&str] = &[
    "funnel-planner",
    "revenue",
    "new_customers",
    "p1",
    "",
    "2",
    "year",
    "month",
    "years",
    "churn",
    "cac",
    "roi",
    "stage:1",
    "en",
    "2027-04",
    "spend",
];

/// Pieces of JSON that a plan's text is made of, so random texts are often JSON.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"schema_version\"",
    "\"plan\"",
    "\"plans\"",
    "\"app\"",
    "\"funnel-planner\"",
    "\"stages\"",
    "\"name\"",
    "\"id\"",
    "\"x\"",
    "0",
    "1",
    "2",
    "3",
    "-1",
    "1.5",
    "1e400",
    "null",
    "true",
    " ",
    "\n",
    "\"",
    "\\",
];

/// Text that is not a plan: any characters, JSON-like characters, or JSON tokens strung together.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,200}",
        "[\\[\\]{}\":,0-9a-z_. -]{0,200}",
        prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|t| t.concat()),
    ]
}

/// One change to a JSON tree, at a node chosen by `Index`.
#[derive(Debug, Clone)]
enum Mutation {
    /// The node becomes a random tree.
    Replace(Index, Value),
    /// The node becomes a copy of another node of the same text.
    CopyFrom(Index, Index),
    /// The node is removed from its object or list.
    Remove(Index),
    /// A list element is repeated (a plan twice, an eleventh stage).
    Repeat(Index),
    /// An object gains a field.
    AddField(Index, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => (any::<Index>(), json_tree(FIELD_NAMES, STRING_VALUES)).prop_map(|(at, v)| Mutation::Replace(at, v)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(at, from)| Mutation::CopyFrom(at, from)),
        1 => any::<Index>().prop_map(Mutation::Remove),
        1 => any::<Index>().prop_map(Mutation::Repeat),
        1 => (any::<Index>(), json_key(FIELD_NAMES), json_tree(FIELD_NAMES, STRING_VALUES))
            .prop_map(|(at, key, v)| Mutation::AddField(at, key, v)),
    ]
}

/// The JSON pointers of every node of `value`, the root first.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(list) => {
            for (index, child) in list.iter().enumerate() {
                pointers(child, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn apply(value: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    let node = |at: &Index| all[at.index(all.len())].as_str();
    match mutation {
        Mutation::Replace(at, new) => set(value, node(at), new.clone()),
        Mutation::CopyFrom(at, from) => {
            let copy = value.pointer(node(from)).cloned().unwrap_or_default();
            set(value, node(at), copy);
        }
        Mutation::Remove(at) | Mutation::Repeat(at) => {
            let Some((parent, key)) = node(at).rsplit_once('/') else {
                return; // the root stays
            };
            let is_remove = matches!(mutation, Mutation::Remove(_));
            match value.pointer_mut(parent) {
                Some(Value::Object(map)) if is_remove => {
                    map.remove(key);
                }
                Some(Value::Array(list)) => {
                    let index = key.parse::<usize>().expect("an index");
                    if is_remove {
                        list.remove(index);
                    } else {
                        list.insert(index, list[index].clone());
                    }
                }
                _ => {}
            }
        }
        Mutation::AddField(at, key, new) => {
            if let Some(Value::Object(map)) = value.pointer_mut(node(at)) {
                map.insert(key.clone(), new.clone());
            }
        }
    }
}

/// The JSON pointer of a problem's path:
/// `plans[1].plan.stages[2].name` → `/plans/1/plan/stages/2/name`.
fn pointer_of(path: &str) -> String {
    path.replace('[', ".")
        .replace(']', "")
        .split('.')
        .filter(|segment| !segment.is_empty())
        .map(|segment| format!("/{segment}"))
        .collect()
}

/// Whether `problem` names a real place in `value`: the field itself, or for a missing field its
/// object.
fn names_a_real_place(value: &Value, problem: &Problem) -> bool {
    let at = pointer_of(&problem.path);
    match problem.reason {
        Reason::Missing => {
            let (parent, key) = at.rsplit_once('/').unwrap_or(("", ""));
            matches!(value.pointer(parent), Some(Value::Object(map)) if !map.contains_key(key))
        }
        Reason::NotJson { .. } => false,
        _ => value.pointer(&at).is_some(),
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any record survives a save and a load, and an import of the saved text.
    #[test]
    fn any_record_round_trips(record in any_record()) {
        let text = encode_record(&record);
        prop_assert_eq!(decode_record(&text), Ok(record.clone()));
        prop_assert_eq!(decode_import(&text), Ok(vec![record]));
    }

    /// Any set of plans survives an export and an import (deleted plans are left out).
    #[test]
    fn any_export_round_trips(records in any_records(), exported in any::<u64>()) {
        let live: Vec<PlanRecord> =
            records.iter().filter(|record| !record.is_deleted()).cloned().collect();
        let result = decode_import(&encode_export(&records, exported));
        if live.is_empty() {
            prop_assert_eq!(result, refused(&[("plans", Reason::NoPlans)]));
        } else {
            prop_assert_eq!(result, Ok(live));
        }
    }

    /// Any plan survives a share link's JSON.
    #[test]
    fn any_shared_plan_round_trips(draft in any_draft()) {
        prop_assert_eq!(decode_shared(&encode_shared(&draft)), Ok(draft));
    }

    /// Results typed in any order are all saved and read back, each in its place (grouped by
    /// row and channel: the order may change, nothing else does).
    #[test]
    fn results_typed_in_any_order_read_back_the_same(
        (draft, typed) in any_draft().prop_flat_map(|draft| {
            let cells = draft.tracking.cells.clone();
            (Just(draft), Just(cells).prop_shuffle())
        })
    ) {
        let mut shuffled = draft.clone();
        shuffled.tracking.cells = typed;
        let read = decode_shared(&encode_shared(&shuffled)).expect("reads back");
        prop_assert_eq!(sorted_cells(&read.tracking), sorted_cells(&draft.tracking));
        let mut read_in_order = read;
        read_in_order.tracking.cells = draft.tracking.cells.clone();
        prop_assert_eq!(read_in_order, draft);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// No text makes a decoder panic, and text that is not a plan is never taken for one.
    #[test]
    fn garbage_text_is_refused_by_every_decoder(text in garbage()) {
        prop_assert!(decode_record(&text).is_err());
        prop_assert!(decode_v1(&text).is_err());
        prop_assert!(decode_import(&text).is_err());
        prop_assert!(decode_shared(&text).is_err());
    }

    /// No JSON tree makes a decoder panic; whatever is refused names at least one problem, each
    /// at a real place; whatever is accepted is a plan that round-trips.
    #[test]
    fn any_json_tree_is_decoded_without_panicking(tree in json_tree(FIELD_NAMES, STRING_VALUES)) {
        let text = tree.to_string();
        match decode_import(&text) {
            Ok(records) => {
                prop_assert!(!records.is_empty());
                for record in records {
                    prop_assert_eq!(decode_record(&encode_record(&record)), Ok(record));
                }
            }
            Err(ImportError::Problems(problems)) => {
                prop_assert!(!problems.is_empty());
                for problem in &problems {
                    prop_assert!(names_a_real_place(&tree, problem), "{:?} in {}", problem, text);
                }
            }
            Err(ImportError::TooLarge { .. }) => prop_assert!(false, "a small tree is too large"),
        }
        let _ = decode_record(&text);
        let _ = decode_v1(&text);
        let _ = decode_shared(&text);
    }

    /// A valid export (version 2, or version 3 with channels) with 1–3 random changes anywhere
    /// in it: never a panic; a refusal names every problem at a real place, once; an acceptance
    /// is a set of plans that round-trip.
    #[test]
    fn damaged_exports_are_decoded_without_panicking(
        is_version_3 in any::<bool>(),
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let base = if is_version_3 {
            encode_export(&[channels_record()], MODIFIED)
        } else {
            V2_EXPORT.to_owned()
        };
        let mut tree: Value = serde_json::from_str(&base).expect("JSON");
        for mutation in &mutations {
            apply(&mut tree, mutation);
        }
        let text = tree.to_string();
        match decode_import(&text) {
            Ok(records) => {
                prop_assert!(!records.is_empty());
                for record in records {
                    prop_assert_eq!(decode_record(&encode_record(&record)), Ok(record));
                }
            }
            Err(ImportError::Problems(problems)) => {
                prop_assert!(!problems.is_empty());
                for (index, problem) in problems.iter().enumerate() {
                    prop_assert!(names_a_real_place(&tree, problem), "{:?} in {}", problem, text);
                    prop_assert!(!problems[..index].contains(problem), "{:?} twice", problem);
                }
            }
            Err(ImportError::TooLarge { .. }) => prop_assert!(false, "a small file is too large"),
        }
    }
}

/// Each goal keeps its own typed text: a plan planned from new customers still has the revenue
/// goal typed before, so choosing the revenue goal again brings it back (no schema change: the
/// written shape always held both).
#[test]
fn both_goal_texts_are_kept_whichever_goal_counts() {
    let mut record = example_record();
    record.draft.goal_kind = GoalKind::NewCustomers;
    record.draft.new_customers_goal = "9".to_owned();
    record.draft.revenue_goal = "10,000,000".to_owned();
    let text = encode_record(&record);
    let read = decode_record(&text).expect("reads back");
    assert_eq!(read.draft.revenue_goal, "10,000,000");
    assert_eq!(read.draft.new_customers_goal, "9");
    assert_eq!(read.draft.goal_kind, GoalKind::NewCustomers);
}

/// An import problem names the plan a person knows: its name as the file gives it, in order,
/// "" where it has none that reads.
#[test]
fn an_export_files_plan_names_are_read_in_order() {
    let named = example_record();
    let text = encode_export(&[named], 7);
    assert_eq!(plan_names(&text), ["Plan"]);
    let text = json!({ "plans": [{ "plan": { "name": "A" } }, { "plan": { "name": 3 } }, {}] });
    assert_eq!(plan_names(&text.to_string()), ["A", "", ""]);
    assert!(plan_names("not json").is_empty());
    assert!(plan_names("{}").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Version 8: a stored record names the saved versions it descends from

/// The version 7 fixture exactly as version 8 writes it: the same record, no lineage yet.
fn v7_as_v8() -> String {
    V7_PLAN
        .trim_end()
        .replacen("{\"schema_version\":7,", "{\"schema_version\":8,", 1)
}

#[test]
fn version_8_record_fixture_loads_with_its_lineage() {
    let v7 = decode_record(V7_PLAN).expect("version 7 loads");
    assert!(v7.lineage.is_empty());
    let record = decode_record(V8_PLAN).expect("version 8 loads");
    assert_eq!(
        record,
        PlanRecord {
            lineage: vec!["9f1c2e3d4b5a6978".to_owned(), "0123456789abcdef".to_owned()],
            ..v7
        }
    );
    // Written exactly as the fixture; an export leaves the lineage out (it means nothing in
    // another browser), so it reads back as the version 7 plan.
    assert_eq!(encode_record(&record), V8_PLAN.trim_end());
    let export = encode_export(std::slice::from_ref(&record), MODIFIED);
    assert!(!export.contains("lineage"), "{export}");
    let imported = decode_import(&export).expect("the export reads");
    assert_eq!(imported[0].lineage, Vec::<String>::new());
    assert_eq!(imported[0].draft, record.draft);
}

#[test]
fn a_damaged_lineage_never_sets_a_plan_aside() {
    let v7 = decode_record(V7_PLAN).expect("version 7 loads");
    let with = |lineage: Value| {
        let mut value: Value = serde_json::from_str(V8_PLAN).expect("the fixture is JSON");
        set(&mut value, "/lineage", lineage);
        decode_record(&value.to_string()).map(|record| record.lineage)
    };
    // Only texts are read, at most eight; anything else is left out and the plan reads.
    assert_eq!(with(json!("abc")), Ok(Vec::new()));
    assert_eq!(
        with(json!([1, "a", null, "b"])),
        Ok(vec!["a".to_owned(), "b".to_owned()])
    );
    let ten: Vec<String> = (0..10).map(|n| n.to_string()).collect();
    assert_eq!(with(json!(ten)), Ok(ten[..8].to_vec()));
    assert_eq!(
        decode_record(V8_PLAN).map(|record| record.draft),
        Ok(v7.draft)
    );
}

// ---------------------------------------------------------------------------------------------
// The written forms, character by character

#[test]
fn texts_are_escaped_as_json_requires_with_the_short_escapes() {
    let mut record = channels_record();
    record.draft.name = "Q1 \"push\" \\ new\nline\ttab\r\u{8}\u{c}\u{1}\u{1f} ść 😀".to_owned();
    let text = encode_record(&record);
    assert!(
        text.contains(r#""name":"Q1 \"push\" \\ new\nline\ttab\r\b\f\u0001\u001f ść 😀""#),
        "{text}"
    );
    assert_eq!(decode_record(&text), Ok(record));
}

#[test]
fn an_export_is_indented_two_spaces_a_level_with_empty_lists_kept_short() {
    let record = PlanRecord {
        id: PlanId::parse("p1").expect("id"),
        modified_ms: 5,
        deleted_ms: None,
        lineage: vec!["abc".to_owned()],
        draft: PlanDraft {
            name: "A".to_owned(),
            goal_kind: GoalKind::Revenue,
            revenue_goal: String::new(),
            new_customers_goal: String::new(),
            average_revenue_per_customer: String::new(),
            stages: Vec::new(),
            current_top_per_month: String::new(),
            marketing: MarketingDraft::default(),
            currency: String::new(),
            typed_in: Lang::English,
            tracking: TrackingDraft::default(),
            annual: String::new(),
            forecast: String::new(),
        },
    };
    let text = encode_export(std::slice::from_ref(&record), 7);
    let wanted = r#"{
  "app": "funnel-planner",
  "schema_version": 8,
  "exported": 7,
  "plans": [
    {
      "schema_version": 8,
      "id": "p1",
      "modified": 5,
      "plan": {
        "name": "A",
        "goal": "revenue",
        "revenue_goal": "",
        "new_customers_goal": "",
        "average_revenue_per_customer": "",
        "stages": [],
        "current_top_per_month": "",
        "marketing": {
          "budget": "",
          "budget_period": "year",
          "channels": [],
          "customers_at_start": "",
          "customers_at_end": "",
          "customers_new": "",
          "gross_margin": "",
          "lifetime": "years",
          "lifetime_years": "",
          "churn": "",
          "rank_by": "cac",
          "move_percent": "20"
        },
        "currency": "",
        "typed_in": "en",
        "tracking": {
          "start": null,
          "results": [],
          "focus": [
            [
              "",
              ""
            ],
            [
              "",
              ""
            ],
            [
              "",
              ""
            ],
            [
              "",
              ""
            ]
          ]
        },
        "annual": "",
        "forecast": ""
      }
    }
  ]
}"#;
    assert_eq!(text, wanted);
    // Every record's own form is the compact one, with its lineage.
    assert!(encode_record(&record).starts_with(
        r#"{"schema_version":8,"id":"p1","modified":5,"lineage":["abc"],"plan":{"name":"A","#
    ));
}
