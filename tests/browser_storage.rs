//! Storage in a real browser: what only a browser can show. Each test starts from an empty
//! localStorage and puts back anything it breaks.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::example;
use funnel_planner::model::library::version_id;
use funnel_planner::model::results::{CellAt, PlanYear, Row};
use funnel_planner::model::{Lang, PlanId, PlanRecord, StageId};
use funnel_planner::storage::schema::encode_record;
use funnel_planner::storage::{
    change_from, open, Change, StorageIssue, PLAN_PREFIX, UNREADABLE_PREFIX, V1_PLAN_KEY,
    V1_UNREADABLE_KEY,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: u64 = 1_795_000_000_000;
const DAY: u64 = 24 * 60 * 60 * 1000;

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

fn fresh() -> web_sys::Storage {
    let storage = local_storage();
    storage.clear().expect("clear works");
    storage
}

fn get(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).expect("readable")
}

/// Every key in storage, sorted.
fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let mut keys: Vec<String> = (0..storage.length().expect("length"))
        .filter_map(|index| storage.key(index).expect("key"))
        .collect();
    keys.sort();
    keys
}

/// Runs JavaScript in the page (to break or restore a browser API).
fn run_js(source: &str) {
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::NULL)
        .expect("the test's own script runs");
}

const BREAK_SET_ITEM: &str = "window.__setItem = Storage.prototype.setItem;
     Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };";
const MEND_SET_ITEM: &str = "Storage.prototype.setItem = window.__setItem;";

fn id(text: &str) -> PlanId {
    PlanId::parse(text).expect("a valid id")
}

fn record(id_text: &str, name: &str) -> PlanRecord {
    let mut draft = example();
    draft.name = name.to_owned();
    PlanRecord {
        id: id(id_text),
        modified_ms: NOW,
        deleted_ms: None,
        draft,
        lineage: Vec::new(),
    }
}

/// `record` as storage reads it back: a record saved without a lineage (before version 8, or
/// written by hand here) gets its text's version id, as every tab reading it does.
fn as_read(mut record: PlanRecord) -> PlanRecord {
    if record.lineage.is_empty() {
        record.lineage.push(version_id(&encode_record(&record)));
    }
    record
}

fn key_of(id_text: &str) -> String {
    format!("{PLAN_PREFIX}{id_text}")
}

#[wasm_bindgen_test]
fn nothing_saved_opens_empty_and_saves() {
    let storage = fresh();
    let opened = open(NOW, || id("new"), Lang::English);
    assert!(opened.plans.is_empty());
    assert_eq!(opened.issue, None);
    assert!(opened.store.is_available());
    opened.store.save(&record("a", "A")).expect("saves");
    assert_eq!(keys(&storage), vec![key_of("a")]);
}

#[wasm_bindgen_test]
fn saved_plans_open_again_with_invalid_text_intact() {
    let storage = fresh();
    let mut first = record("a", "2027 base");
    first.draft.revenue_goal = "12,5oo".to_owned();
    let second = record("b", "2027 aggressive");
    let store = open(NOW, || id("new"), Lang::English).store;
    // Each comes back as saved: its version's id first in its lineage.
    let first = store.save(&first).expect("saves");
    let second = store.save(&second).expect("saves");
    assert!(get(&storage, &key_of("a"))
        .expect("present")
        .starts_with("{\"schema_version\":8,"));
    let mut plans = open(NOW, || id("new"), Lang::English).plans;
    plans.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(plans, vec![first, second]);
}

#[wasm_bindgen_test]
fn a_plan_with_its_results_opens_again_as_it_was_typed() {
    let storage = fresh();
    let mut plan = record("a", "Tracked");
    let channel = plan
        .draft
        .marketing
        .add_channel("Paid search")
        .expect("a plan takes a channel");
    let tracking = &mut plan.draft.tracking;
    tracking.start = PlanYear::new(2027, 4);
    // Typed out of order, with a typo and one channel's result: all kept as typed.
    for (month, row, channel, text) in [
        (2, Row::Stage(StageId(2)), None, "120"),
        (0, Row::Stage(StageId(2)), None, "95"),
        (1, Row::Spend, None, "4,000"),
        (0, Row::Revenue, Some(channel), "12o"),
    ] {
        tracking.set_text(
            CellAt {
                month,
                row,
                channel,
            },
            text.to_owned(),
        );
    }
    tracking.focus[0][1] = "Landing pages".to_owned();
    let plan = open(NOW, || id("new"), Lang::English)
        .store
        .save(&plan)
        .expect("saves");
    assert!(get(&storage, &key_of("a"))
        .expect("present")
        .contains("\"start\":\"2027-04\""));
    let plans = open(NOW, || id("new"), Lang::English).plans;
    assert_eq!(plans, vec![plan]);
}

#[wasm_bindgen_test]
fn the_stored_text_is_what_the_schema_encodes() {
    let storage = fresh();
    let plan = record("a", "A");
    let saved = open(NOW, || id("new"), Lang::English)
        .store
        .save(&plan)
        .expect("saves");
    assert_eq!(get(&storage, &key_of("a")), Some(encode_record(&saved)));
    // The saved version's id is that of the record's text before it, parents and all.
    assert_eq!(saved.lineage, [version_id(&encode_record(&plan))]);
    assert_eq!(saved.draft, plan.draft);
}

#[wasm_bindgen_test]
fn a_version_1_save_is_migrated_new_value_first() {
    let storage = fresh();
    let v1 = include_str!("fixtures/storage-v1.json");
    storage.set_item(V1_PLAN_KEY, v1).expect("set");
    let opened = open(NOW, || id("migrated"), Lang::English);
    assert_eq!(opened.issue, None);
    assert_eq!(opened.plans.len(), 1);
    assert_eq!(opened.plans[0].id, id("migrated"));
    assert_eq!(opened.plans[0].draft.name, "2027 base");
    assert_eq!(opened.plans[0].draft.stages[4].rate_to_next, "abc");
    assert_eq!(opened.plans[0].modified_ms, NOW);
    assert_eq!(keys(&storage), vec![key_of("migrated")]);
}

#[wasm_bindgen_test]
fn a_version_1_save_stays_when_its_migration_cannot_be_written() {
    let storage = fresh();
    let v1 = include_str!("fixtures/storage-v1.json");
    storage.set_item(V1_PLAN_KEY, v1).expect("set");
    run_js(BREAK_SET_ITEM);
    let opened = open(NOW, || id("migrated"), Lang::English);
    run_js(MEND_SET_ITEM);
    assert_eq!(opened.issue, Some(StorageIssue::SaveFailed));
    assert_eq!(
        opened.plans.len(),
        1,
        "the plan is still opened, from memory"
    );
    assert_eq!(get(&storage, V1_PLAN_KEY).as_deref(), Some(v1));
    assert_eq!(keys(&storage), vec![V1_PLAN_KEY.to_owned()]);
}

#[wasm_bindgen_test]
fn version_1_damaged_data_and_its_backup_move_to_version_2_backups() {
    let storage = fresh();
    storage
        .set_item(V1_PLAN_KEY, "{\"schema_version\":1,\"pl")
        .expect("set");
    storage
        .set_item(V1_UNREADABLE_KEY, "older damage")
        .expect("set");
    let opened = open(NOW, || id("unused"), Lang::English);
    assert!(opened.plans.is_empty());
    let kept: Vec<(&str, &str)> = opened
        .unreadable
        .iter()
        .map(|kept| (kept.key.as_str(), kept.text.as_str()))
        .collect();
    let v1_backup = format!("{UNREADABLE_PREFIX}v1-plan");
    let older_backup = format!("{UNREADABLE_PREFIX}v1-plan-unreadable");
    assert!(kept.contains(&(older_backup.as_str(), "older damage")));
    assert!(kept.contains(&(v1_backup.as_str(), "{\"schema_version\":1,\"pl")));
    assert_eq!(keys(&storage), {
        let mut expected = vec![v1_backup, older_backup];
        expected.sort();
        expected
    });
}

#[wasm_bindgen_test]
fn corrupt_plans_are_set_aside_and_the_rest_still_load() {
    let storage = fresh();
    let good = record("good", "Fine");
    storage
        .set_item(&key_of("good"), &encode_record(&good))
        .expect("set");
    let damaged = [
        ("truncated", "{\"schema_version\":2,\"id\":\"trunc"),
        (
            "types",
            "{\"schema_version\":2,\"id\":\"types\",\"modified\":1,\"plan\":{\"name\":5}}",
        ),
        (
            "unknown",
            &encode_record(&record("unknown", "U")).replacen('{', "{\"colour\":\"red\",", 1),
        ),
    ];
    for (name, text) in &damaged {
        storage.set_item(&key_of(name), text).expect("set");
    }
    let opened = open(NOW, || id("unused"), Lang::English);
    assert_eq!(opened.plans, vec![as_read(good)]);
    assert_eq!(opened.unreadable.len(), 3);
    for (name, text) in &damaged {
        let backup = format!("{UNREADABLE_PREFIX}plan-{name}");
        assert_eq!(get(&storage, &backup).as_deref(), Some(*text), "{name}");
        assert_eq!(get(&storage, &key_of(name)), None, "{name} moved aside");
        assert!(opened
            .unreadable
            .iter()
            .any(|kept| kept.key == backup && kept.is_backed_up && kept.text == *text));
    }
    // Opening again finds the backups, not new damage.
    let again = open(NOW, || id("unused"), Lang::English);
    assert_eq!(again.unreadable.len(), 3);
    opened
        .store
        .remove_unreadable(&format!("{UNREADABLE_PREFIX}plan-types"));
    assert_eq!(
        open(NOW, || id("unused"), Lang::English).unreadable.len(),
        2
    );
}

#[wasm_bindgen_test]
fn corrupt_data_that_cannot_be_backed_up_is_left_in_place() {
    let storage = fresh();
    storage.set_item(&key_of("bad"), "not json").expect("set");
    run_js(BREAK_SET_ITEM);
    let opened = open(NOW, || id("unused"), Lang::English);
    run_js(MEND_SET_ITEM);
    assert_eq!(opened.unreadable.len(), 1);
    assert!(!opened.unreadable[0].is_backed_up);
    assert_eq!(opened.unreadable[0].key, key_of("bad"));
    assert_eq!(get(&storage, &key_of("bad")).as_deref(), Some("not json"));
    assert_eq!(keys(&storage), vec![key_of("bad")]);
}

#[wasm_bindgen_test]
fn a_newer_versions_data_is_never_overwritten_or_removed() {
    let storage = fresh();
    let newer = "{\"schema_version\":9,\"id\":\"future\",\"plans\":[\"from the future\"]}";
    let readable_newer = encode_record(&record("readable", "From 2030")).replace(
        "\"schema_version\":8",
        "\"schema_version\":9,\"colour\":\"red\"",
    );
    storage
        .set_item(&key_of("readable"), &readable_newer)
        .expect("set");
    storage.set_item(&key_of("future"), newer).expect("set");
    let opened = open(NOW + 400 * DAY, || id("unused"), Lang::English);
    assert_eq!(opened.newer.len(), 2);
    let copy = |key: &str| {
        opened
            .newer
            .iter()
            .find(|plan| plan.key == key)
            .map(|plan| plan.copy.clone())
    };
    assert_eq!(copy(&key_of("future")), Some(None), "nothing to copy");
    assert_eq!(
        copy(&key_of("readable")),
        Some(Some(record("readable", "From 2030").draft)),
        "a copy to work on"
    );
    assert!(opened.plans.is_empty());
    assert_eq!(
        opened.store.save(&record("future", "Mine")),
        Err(StorageIssue::NewerVersion)
    );
    opened.store.save(&record("other", "Other")).expect("saves");
    assert_eq!(get(&storage, &key_of("future")).as_deref(), Some(newer));
    assert_eq!(
        get(&storage, &key_of("readable")).as_deref(),
        Some(readable_newer.as_str())
    );
}

/// A save reads the stored text back (another tab may have written since); while it is exactly
/// what this tab saved, there is nothing to take in. Anything written since is read again, a
/// newer version's value included, and is never saved over.
#[wasm_bindgen_test]
fn only_what_another_tab_wrote_since_this_tabs_save_is_taken_in() {
    let storage = fresh();
    let store = open(NOW, || id("unused"), Lang::English).store;
    let mine = store.save(&record("a", "Mine")).expect("saves");
    assert_eq!(store.load_if_changed(&id("a"), Lang::English), None);
    assert_eq!(
        store.load(&id("a"), Lang::English),
        Some(Some(Ok(mine.clone()))),
        "a full read still decodes it"
    );

    let theirs = record("a", "Theirs");
    storage
        .set_item(&key_of("a"), &encode_record(&theirs))
        .expect("set");
    assert_eq!(
        store.load_if_changed(&id("a"), Lang::English),
        Some(Some(Ok(as_read(theirs))))
    );

    let newer = encode_record(&mine).replace("\"schema_version\":8", "\"schema_version\":9");
    storage.set_item(&key_of("a"), &newer).expect("set");
    assert_eq!(store.save(&mine), Err(StorageIssue::NewerVersion));
    assert_eq!(get(&storage, &key_of("a")).as_deref(), Some(newer.as_str()));

    storage.remove_item(&key_of("a")).expect("remove");
    assert_eq!(
        store.load_if_changed(&id("a"), Lang::English),
        Some(None),
        "removed since"
    );

    // Removed by this tab, then the same text written back by another: read in full.
    let mine = store.save(&mine).expect("saves");
    store.remove(&id("a"));
    storage
        .set_item(&key_of("a"), &encode_record(&mine))
        .expect("set");
    assert_eq!(
        store.load_if_changed(&id("a"), Lang::English),
        Some(Some(Ok(mine)))
    );
}

#[wasm_bindgen_test]
fn a_refused_save_reports_and_keeps_the_previous_save() {
    let storage = fresh();
    let store = open(NOW, || id("unused"), Lang::English).store;
    store
        .save(&record("a", "Before"))
        .expect("first save works");
    store.save(&record("b", "Other plan")).expect("works");
    let before = keys(&storage)
        .into_iter()
        .map(|key| (get(&storage, &key), key))
        .collect::<Vec<_>>();
    run_js(BREAK_SET_ITEM);
    let result = store.save(&record("a", "Changed"));
    run_js(MEND_SET_ITEM);
    assert_eq!(result, Err(StorageIssue::SaveFailed));
    let after = keys(&storage)
        .into_iter()
        .map(|key| (get(&storage, &key), key))
        .collect::<Vec<_>>();
    assert_eq!(after, before, "nothing changed, nothing removed");
}

/// Storage reads deleted plans however old; the library forgets them (tests/model_library.rs).
#[wasm_bindgen_test]
fn deleted_plans_of_any_age_are_read_for_the_library_to_judge() {
    let storage = fresh();
    let mut recent = record("recent", "Recent");
    recent.deleted_ms = Some(NOW - 30 * DAY);
    let mut old = record("old", "Old");
    old.deleted_ms = Some(NOW - 30 * DAY - 1);
    let store = open(NOW, || id("unused"), Lang::English).store;
    let recent = store.save(&recent).expect("saves");
    let old = store.save(&old).expect("saves");
    let mut opened = open(NOW, || id("unused"), Lang::English).plans;
    opened.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(opened, vec![old, recent]);
    assert_eq!(keys(&storage), vec![key_of("old"), key_of("recent")]);
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_is_reported_not_a_panic() {
    fresh();
    run_js(
        "window.__storageDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')
             || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
         Object.defineProperty(window, 'localStorage', {
             configurable: true,
             get() { throw new DOMException('blocked', 'SecurityError'); }
         });",
    );
    let opened = open(NOW, || id("unused"), Lang::English);
    let save = opened.store.save(&record("a", "A"));
    opened.store.remove(&id("a"));
    run_js("Object.defineProperty(window, 'localStorage', window.__storageDescriptor);");
    assert!(opened.plans.is_empty());
    assert_eq!(opened.issue, Some(StorageIssue::Unavailable));
    assert!(!opened.store.is_available());
    assert_eq!(
        save.map(|saved| saved.draft),
        Ok(record("a", "A").draft),
        "nothing is attempted once storage is known to be unavailable"
    );
    assert!(keys(&local_storage()).is_empty());
}

fn storage_event(key: Option<&str>, new_value: Option<&str>) -> web_sys::StorageEvent {
    let init = web_sys::StorageEventInit::new();
    init.set_key(key);
    init.set_new_value(new_value);
    web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("an event")
}

#[wasm_bindgen_test]
fn storage_events_are_read_as_plan_changes() {
    let plan = record("a", "From the other tab");
    let saved = storage_event(Some(&key_of("a")), Some(&encode_record(&plan)));
    assert_eq!(
        change_from(&saved, Lang::English),
        Some(Change {
            id: id("a"),
            record: Some(Ok(as_read(plan))),
        })
    );
    let removed = storage_event(Some(&key_of("a")), None);
    assert_eq!(
        change_from(&removed, Lang::English),
        Some(Change {
            id: id("a"),
            record: None,
        })
    );
    assert_eq!(
        change_from(&storage_event(None, None), Lang::English),
        None,
        "clearing all site data is not a change to one plan"
    );
    assert_eq!(
        change_from(
            &storage_event(Some("someone-else/key"), Some("x")),
            Lang::English
        ),
        None
    );
    assert_eq!(
        change_from(
            &storage_event(Some(&format!("{PLAN_PREFIX}../x")), Some("x")),
            Lang::English
        ),
        None,
        "a key that is not a plan id is ignored"
    );
}
