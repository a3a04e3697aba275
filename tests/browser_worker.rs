//! A page's start as the start-up worker (`static/start-worker.js`) runs it, in a dedicated worker:
//! no window, no document, no storage. `mount` there runs only the part of the start that needs
//! no page (`warm_up`), and must neither panic nor reach for the page: a panic aborts the wasm,
//! and the page's first task would then compile that code itself again.
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
fn a_page_started_in_the_worker_opens_its_plan_without_a_page() {
    assert!(
        web_sys::window().is_none(),
        "this test runs in a dedicated worker"
    );
    assert!(
        js_sys::Reflect::has(&js_sys::global(), &"localStorage".into()).is_ok_and(|has| !has),
        "a worker has no localStorage"
    );
    // Two of the full app's pages (each opens the plan library without storage, checks the
    // plan, derives its targets and the link that keeps it), and the embed (which runs nothing
    // there).
    mount(PlanPage, true);
    mount(ResultsPage, true);
    mount(EmbedApp, false);
}
