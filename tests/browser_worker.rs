//! A page's start in a dedicated worker without the start-up worker's stand-in for a page
//! (`static/start-worker.js`): no window, no document, no storage. `mount` there must do nothing:
//! neither panic nor reach for the page (a panic aborts the wasm).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::ui::embed::EmbedApp;
use funnel_planner::ui::mount;
use funnel_planner::ui::plan::PlanPage;
use funnel_planner::ui::results::ResultsPage;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
fn a_page_started_in_a_bare_worker_does_nothing() {
    assert!(
        web_sys::window().is_none(),
        "this test runs in a dedicated worker"
    );
    assert!(
        js_sys::Reflect::has(&js_sys::global(), &"localStorage".into()).is_ok_and(|has| !has),
        "a worker has no localStorage"
    );
    // Two of the full app's pages and the embed: none reaches for a window it does not have.
    mount(PlanPage, true);
    mount(ResultsPage, true);
    mount(EmbedApp, false);
}
