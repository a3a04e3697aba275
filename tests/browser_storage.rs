//! Storage in a real browser: what only a browser can show. Each test starts from an empty
//! localStorage and puts back anything it breaks.
#![cfg(target_arch = "wasm32")]

mod common;

use common::example;
use funnel_planner::storage::{open, schema, StorageIssue, PLAN_KEY, UNREADABLE_KEY};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

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

/// Runs JavaScript in the page (to break or restore a browser API).
fn run_js(source: &str) {
    js_sys::Function::new_no_args(source)
        .call0(&JsValue::NULL)
        .expect("the test's own script runs");
}

#[wasm_bindgen_test]
fn nothing_saved_opens_empty_and_saves() {
    fresh();
    let opened = open();
    assert_eq!(opened.draft, None);
    assert_eq!(opened.issue, None);
    assert!(opened.store.may_save());
}

#[wasm_bindgen_test]
fn a_saved_plan_opens_again_with_invalid_text_intact() {
    let storage = fresh();
    let mut draft = example();
    draft.revenue_goal = "12,5oo".to_owned();
    open().store.save(&draft).expect("saves");
    let saved = storage
        .get_item(PLAN_KEY)
        .expect("readable")
        .expect("present");
    assert!(saved.contains("\"schema_version\":1"));
    assert_eq!(open().draft, Some(draft));
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_under_a_backup_key_before_anything_is_saved() {
    let storage = fresh();
    storage
        .set_item(PLAN_KEY, "{\"schema_version\":1,\"plan\":{\"na")
        .expect("set");
    let opened = open();
    assert_eq!(opened.draft, None);
    assert_eq!(
        opened.issue,
        Some(StorageIssue::Unreadable { is_backed_up: true })
    );
    assert_eq!(
        storage
            .get_item(UNREADABLE_KEY)
            .expect("readable")
            .as_deref(),
        Some("{\"schema_version\":1,\"plan\":{\"na")
    );
    opened
        .store
        .save(&example())
        .expect("saving the fresh plan works");
    assert_eq!(
        storage
            .get_item(UNREADABLE_KEY)
            .expect("readable")
            .as_deref(),
        Some("{\"schema_version\":1,\"plan\":{\"na"),
        "the backup survives the next save"
    );
}

#[wasm_bindgen_test]
fn corrupt_data_that_cannot_be_backed_up_is_left_in_place_and_not_saved_over() {
    let storage = fresh();
    storage.set_item(PLAN_KEY, "not json").expect("set");
    run_js(
        "window.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    let opened = open();
    run_js("Storage.prototype.setItem = window.__setItem;");
    assert_eq!(
        opened.issue,
        Some(StorageIssue::Unreadable {
            is_backed_up: false
        })
    );
    assert!(!opened.store.may_save());
    opened.store.save(&example()).expect("a no-op");
    assert_eq!(
        storage.get_item(PLAN_KEY).expect("readable").as_deref(),
        Some("not json")
    );
    assert_eq!(storage.get_item(UNREADABLE_KEY).expect("readable"), None);
}

#[wasm_bindgen_test]
fn a_newer_versions_data_is_never_overwritten() {
    let storage = fresh();
    let newer = "{\"schema_version\":99,\"plans\":[{\"name\":\"from the future\"}]}";
    storage.set_item(PLAN_KEY, newer).expect("set");
    let opened = open();
    assert_eq!(opened.issue, Some(StorageIssue::NewerVersion));
    assert!(!opened.store.may_save());
    opened
        .store
        .save(&example())
        .expect("a no-op, not an error");
    assert_eq!(
        storage.get_item(PLAN_KEY).expect("readable").as_deref(),
        Some(newer)
    );
}

#[wasm_bindgen_test]
fn a_refused_save_reports_and_keeps_the_previous_save() {
    let storage = fresh();
    let store = open().store;
    store.save(&example()).expect("first save works");
    let before = storage.get_item(PLAN_KEY).expect("readable");
    run_js(
        "window.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    let mut changed = example();
    changed.name = "Changed".to_owned();
    let result = store.save(&changed);
    run_js("Storage.prototype.setItem = window.__setItem;");
    assert_eq!(result, Err(StorageIssue::SaveFailed));
    assert_eq!(storage.get_item(PLAN_KEY).expect("readable"), before);
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
    let opened = open();
    let save = opened.store.save(&example());
    run_js("Object.defineProperty(window, 'localStorage', window.__storageDescriptor);");
    assert_eq!(opened.draft, None);
    assert_eq!(opened.issue, Some(StorageIssue::Unavailable));
    assert!(!opened.store.may_save());
    assert_eq!(
        save,
        Ok(()),
        "nothing is attempted once storage is known to be unavailable"
    );
    assert!(local_storage()
        .get_item(PLAN_KEY)
        .expect("readable")
        .is_none());
}

#[wasm_bindgen_test]
fn the_stored_text_is_what_the_schema_encodes() {
    let storage = fresh();
    let draft = example();
    open().store.save(&draft).expect("saves");
    assert_eq!(
        storage.get_item(PLAN_KEY).expect("readable"),
        Some(schema::encode(&draft))
    );
}
