//! "Your plans": the list of saved plans with when each last changed, the open plan marked;
//! new, duplicate and delete; and the bin of recently deleted plans, restorable for 30 days.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::library::KEEP_DELETED_MS;
use crate::model::number::whole_days;
use crate::model::{PlanId, PlanRecord};
use crate::storage::schema::encode_export;
use crate::ui::browser::{download, format_time, now_ms, today};
use crate::ui::later::after_mount;
use crate::ui::planner::Planner;
use crate::ui::text::{plan_label, t, tf, tp};

/// The type of an export file.
const JSON: &str = "application/json";

/// Downloads `records` as an export file.
pub fn export(records: &[PlanRecord], stem: &str) {
    let text = encode_export(records, now_ms());
    download(&format!("{stem}.funnel-plans.json"), JSON, &text);
}

/// Downloads every live plan (from "Keep and share", and from a storage notice on any page).
pub fn export_all(planner: Planner) {
    export(
        &planner.all_for_export(),
        &format!("{}-{}", t(Key::ExportAllStem), today()),
    );
}

/// The plan library panel.
#[component]
pub fn LibraryPanel(planner: Planner) -> impl IntoView {
    let is_shared = move || planner.is_shared();
    let delete_open = move |_| {
        if let Some(id) = untrack(|| planner.open_id()) {
            planner.delete(id);
        }
    };
    // The times are written after mounting, in a task of their own: the first date the page
    // writes sets up the browser's date formatting, which took 9 ms (36 ms on a phone) of the
    // mount. The line keeps its place meanwhile, its words without the time.
    let clock = after_mount();
    let items = Memo::new(move |_| {
        let active = planner.open_id();
        planner.listed_as(|record| Item {
            id: record.id.clone(),
            name: plan_label(&record.draft.name),
            minute: record.modified_ms / MINUTE_MS,
            is_open: active.as_ref() == Some(&record.id),
        })
    });
    view! {
        <section class="card library" aria-labelledby="library-heading">
            <h2 id="library-heading">{t(Key::LibraryHeading)}</h2>
            <ul class="plan-list">
                {move || items.get().into_iter().map(|item| plan_item(planner, item, clock)).collect_view()}
            </ul>
            <div class="actions">
                <button type="button" on:click=move |_| planner.new_plan()>
                    {t(Key::NewPlan)}
                </button>
                <button type="button" disabled=is_shared on:click=move |_| planner.duplicate()>
                    {t(Key::DuplicatePlan)}
                </button>
                <button type="button" class="danger" disabled=is_shared on:click=delete_open>
                    {t(Key::DeletePlan)}
                </button>
            </div>
            <Bin planner />
        </section>
    }
}

/// Milliseconds in a minute.
const MINUTE_MS: u64 = 60_000;

/// What the list shows of one plan. A save changes a plan's time to the millisecond, but the
/// list shows it to the minute: kept to the minute, the list is laid out again at most once a
/// minute while someone types, not on every keystroke.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    id: PlanId,
    name: String,
    /// When it last changed, in whole minutes since 1970.
    minute: u64,
    is_open: bool,
}

fn plan_item(planner: Planner, item: Item, clock: ReadSignal<bool>) -> impl IntoView {
    let Item {
        id,
        name,
        minute,
        is_open,
    } = item;
    view! {
        <li class="plan-item" class:is-open=is_open>
            <button
                type="button"
                class="plan-open"
                aria-current=is_open.then_some("true")
                on:click=move |_| planner.switch_to(id.clone())
            >
                {name}
            </button>
            <span class="plan-changed">
                {move || {
                    let time = if clock.get() { format_time(minute * MINUTE_MS) } else { String::new() };
                    tf(Key::LastChanged, &[("time", &time)])
                }}
            </span>
        </li>
    }
}

/// Recently deleted plans, each restorable or removable for good.
#[component]
fn Bin(planner: Planner) -> impl IntoView {
    let deleted = Memo::new(move |_| planner.deleted());
    view! {
        <details class="bin" hidden=move || deleted.with(Vec::is_empty)>
            <summary>
                {move || tf(Key::BinHeading, &[("count", &deleted.with(Vec::len).to_string())])}
            </summary>
            <p class="hint">{tp(Key::BinHint, whole_days(KEEP_DELETED_MS) as f64, &[])}</p>
            <ul class="plan-list">
                {move || {
                    deleted
                        .get()
                        .into_iter()
                        .map(|record| {
                            let name = plan_label(&record.draft.name);
                            let restore_id = record.id.clone();
                            let remove_id = record.id.clone();
                            let deleted_at = record.deleted_ms.map(format_time).unwrap_or_default();
                            view! {
                                <li class="plan-item">
                                    <span class="plan-name">{name.clone()}</span>
                                    <span class="plan-changed">
                                        {tf(Key::DeletedAt, &[("time", &deleted_at)])}
                                    </span>
                                    <span class="actions">
                                        <button
                                            type="button"
                                            aria-label=tf(Key::RestoreName, &[("name", &name)])
                                            on:click=move |_| planner.restore(restore_id.clone())
                                        >
                                            {t(Key::Restore)}
                                        </button>
                                        <button
                                            type="button"
                                            class="danger"
                                            aria-label=tf(Key::DeleteForeverName, &[("name", &name)])
                                            on:click=move |_| planner.remove_forever(remove_id.clone())
                                        >
                                            {t(Key::DeleteForever)}
                                        </button>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
