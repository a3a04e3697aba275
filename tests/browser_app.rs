//! The mounted page in a real browser: typing updates the targets, and a plan survives a new
//! mount (a reload) through storage.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::ui::channels::ChannelsPage;
use funnel_planner::ui::plan::PlanPage;
use leptos::mount::mount_to;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

fn clear_storage() {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        storage.clear().expect("clear works");
    }
}

fn container() -> HtmlElement {
    let element: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&element)
        .expect("append");
    element
}

/// Waits for the page's start-up: what it builds in slices after mounting (`ui::later`: a
/// zero-delay timer each, a slice's own parts joining the queue as it is built) is built once
/// the queue is empty.
async fn started() {
    loop {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .expect("a timer");
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("the timer fires");
        leptos::task::tick().await;
        if funnel_planner::ui::later::has_started() {
            return;
        }
    }
}

fn type_into(id: &str, text: &str) {
    let input: HtmlInputElement = document()
        .get_element_by_id(id)
        .expect("field exists")
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

/// (text, data-value) of each cell in the first row (the top stage) of the targets table.
fn top_row(root: &HtmlElement) -> Vec<(String, String)> {
    let cells = root
        .query_selector_all(".targets-table tbody tr:first-child td")
        .expect("query");
    (0..cells.length())
        .filter_map(|index| cells.item(index))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .map(|cell| {
            (
                cell.inner_text(),
                cell.get_attribute("data-value").unwrap_or_default(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn typing_a_customers_goal_updates_the_targets() {
    clear_storage();
    let root = container();
    let handle = mount_to(root.clone(), PlanPage);
    started().await;
    // The example: 10,000,000 ÷ 1,100,000 customers → 6,313.13 visits a month → 6,314.
    assert_eq!(
        top_row(&root).first().map(|cell| cell.0.clone()),
        Some("6,314".to_owned())
    );

    type_into("new-customers-goal", "9");
    leptos::task::tick().await;
    // 9 customers a year → 6,250 visits a month, 18,750 a quarter, 75,000 a year.
    let texts: Vec<String> = top_row(&root).into_iter().map(|cell| cell.0).collect();
    assert_eq!(texts, ["6,250", "18,750", "75,000"]);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn what_was_typed_survives_a_new_mount() {
    clear_storage();
    let first = container();
    let handle = mount_to(first.clone(), PlanPage);
    started().await;
    type_into("revenue-goal", "12,5oo");
    leptos::task::tick().await;
    drop(handle);
    first.remove();

    let second = container();
    let handle = mount_to(second.clone(), PlanPage);
    started().await;
    let input: HtmlInputElement = document()
        .get_element_by_id("revenue-goal")
        .expect("field")
        .unchecked_into();
    assert_eq!(input.value(), "12,5oo");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        top_row(&second).is_empty(),
        "no targets from an invalid goal"
    );
    drop(handle);
    second.remove();
}

fn input_value(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .expect("field exists")
        .unchecked_into()
}

/// The text of the KPI table's cell in the row headed `row`, column `column` (0 = first channel).
fn kpi_cell(root: &HtmlElement, row: &str, column: u32) -> Option<String> {
    let rows = root.query_selector_all("table tbody tr").expect("query");
    (0..rows.length())
        .filter_map(|index| rows.item(index))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|tr| {
            tr.closest("[aria-labelledby='kpi-caption']")
                .ok()
                .flatten()
                .is_some()
        })
        .find(|tr| {
            tr.query_selector("th")
                .ok()
                .flatten()
                .and_then(|th| th.text_content())
                .as_deref()
                == Some(row)
        })
        .and_then(|tr| tr.query_selector_all("td").ok())
        .and_then(|cells| cells.item(column))
        .and_then(|cell| cell.text_content())
}

#[wasm_bindgen_test]
async fn a_channels_figures_give_its_kpis_and_survive_a_new_mount() {
    clear_storage();
    let first = container();
    let handle = mount_to(first.clone(), ChannelsPage);
    started().await;
    // The first channel (Organic search and blog) spent 12,000 for 300 leads (stage 2) and
    // 4 customers (stage 6) → $40 per lead, CAC $3,000 (an English page's plan counts in USD).
    type_into("channel-1-spend", "12,000");
    type_into("channel-1-stage-2-volume", "300");
    type_into("channel-1-stage-6-volume", "4 oops");
    leptos::task::tick().await;
    assert_eq!(
        kpi_cell(&first, "Cost per Leads", 0).as_deref(),
        Some("$40")
    );
    assert_eq!(
        kpi_cell(&first, "Customer acquisition cost (CAC)", 0).as_deref(),
        Some("— (no Customers)"),
        "an unreadable volume is not a number"
    );
    drop(handle);
    first.remove();

    let second = container();
    let handle = mount_to(second.clone(), ChannelsPage);
    started().await;
    assert_eq!(input_value("channel-1-spend").value(), "12,000");
    let customers = input_value("channel-1-stage-6-volume");
    assert_eq!(customers.value(), "4 oops");
    assert_eq!(
        customers.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    type_into("channel-1-stage-6-volume", "4");
    leptos::task::tick().await;
    assert_eq!(
        kpi_cell(&second, "Customer acquisition cost (CAC)", 0).as_deref(),
        Some("$3,000")
    );
    drop(handle);
    second.remove();
}
