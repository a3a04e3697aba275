//! Each page's start in the start-up worker's stand-in for a page, in a dedicated worker: the
//! script of `static/start-worker.js` up to its message handler, installed here as the worker
//! installs it. Every page's start must run to its last slice there. A throw, a panic, a run out
//! of the stand-in's budget of reads or past its deadline stops the slices, and the page's thread
//! would then compile what they call itself (the end-to-end test counts those compiles).
//! A test file of its own (so a worker of its own): the stand-in replaces the worker's globals,
//! which `browser_worker.rs` needs bare.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::ui::annual::AnnualPage;
use funnel_planner::ui::channels::ChannelsPage;
use funnel_planner::ui::forecast::ForecastPage;
use funnel_planner::ui::later;
use funnel_planner::ui::mount;
use funnel_planner::ui::plan::PlanPage;
use funnel_planner::ui::results::ResultsPage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// Installs the stand-in; returns the worker's own `setTimeout`, which the stand-in replaces. The
/// worker's console stays: the stand-in silences it, and the test harness reports through it.
fn install_stand_in() -> js_sys::Function {
    let global = js_sys::global();
    let timer: js_sys::Function = js_sys::Reflect::get(&global, &"setTimeout".into())
        .unwrap()
        .unchecked_into();
    let console = js_sys::Reflect::get(&global, &"console".into()).unwrap();
    let script = include_str!("../static/start-worker.js");
    // The script is one block; the message handler is its last statement.
    let (stand_in, _) = script
        .split_once("onmessage =")
        .expect("start-worker.js sets onmessage");
    js_sys::Function::new_no_args(&format!("{stand_in}}}"))
        .call0(&JsValue::NULL)
        .unwrap();
    js_sys::Reflect::set(&global, &"console".into(), &console).unwrap();
    timer
}

/// Resolves in a task after the current one (every microtask run by then).
async fn next_task(timer: &js_sys::Function) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        timer.call2(&JsValue::NULL, &resolve, &0.into()).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn every_page_starts_to_its_last_slice_in_the_stand_in() {
    assert!(
        web_sys::window().is_none(),
        "this test runs in a dedicated worker"
    );
    let timer = install_stand_in();
    assert!(
        web_sys::window().is_some(),
        "the stand-in answers for a window"
    );
    let pages: [(&str, fn()); 5] = [
        ("Plan", || mount(PlanPage, true)),
        ("Annual plan", || mount(AnnualPage, true)),
        ("Forecast", || mount(ForecastPage, true)),
        ("Channels and KPIs", || mount(ChannelsPage, true)),
        ("Results", || mount(ResultsPage, true)),
    ];
    for (name, start) in pages {
        later::restart();
        start();
        next_task(&timer).await;
        assert!(
            later::has_started(),
            "{name}: the start stopped before its last slice"
        );
    }
}
