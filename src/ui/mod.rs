//! The page, as Leptos components named after what the person sees. One signal holds the plan as
//! typed; everything shown is derived from it with memos over `model` functions, and the only
//! effect saves it.

mod field;
mod forward_check;
mod goal_form;
mod stage_list;
mod storage_notice;
mod targets;
pub mod text;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Key;
use crate::model::{FieldError, Plan, PlanDraft};
use crate::storage::{self, StorageIssue};
use forward_check::ForwardCheck;
use goal_form::GoalForm;
use stage_list::StageList;
use storage_notice::StorageNotice;
use targets::TargetsPanel;
use text::{t, tf, LANG};

/// The plan checked field by field: a valid plan, or the problems to show.
pub type Checked = Memo<Result<Plan, Vec<FieldError>>>;

/// The worked example, named in the page's language.
pub fn example_plan() -> PlanDraft {
    PlanDraft::example(
        t(Key::ExamplePlanName),
        [
            t(Key::ExampleStageVisits),
            t(Key::ExampleStageLeads),
            t(Key::ExampleStageMqls),
            t(Key::ExampleStageSqls),
            t(Key::ExampleStageOpportunities),
            t(Key::ExampleStageCustomers),
        ],
    )
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let opened = storage::open();
    let store = opened.store;
    let draft = RwSignal::new(opened.draft.unwrap_or_else(example_plan));
    let storage_issue = RwSignal::new(opened.issue);
    let checked: Checked = Memo::new(move |_| draft.with(|draft| draft.validate(LANG.symbols())));

    // Side effect: keep what was typed, valid or not, in storage.
    Effect::new(move |_| {
        let result = draft.with(|draft| store.save(draft));
        match result {
            Ok(()) if storage_issue.get_untracked() == Some(StorageIssue::SaveFailed) => {
                storage_issue.set(None)
            }
            Ok(()) => {}
            Err(issue) => storage_issue.set(Some(issue)),
        }
    });

    // Side effect: the tab (and a printout's header) names the plan. The memo keeps this from
    // running on keystrokes in other fields.
    let plan_name = Memo::new(move |_| draft.with(|draft| draft.name.trim().to_owned()));
    Effect::new(move |_| {
        let name = plan_name.get();
        let title = if name.is_empty() {
            t(Key::AppTitle).to_owned()
        } else {
            tf(Key::DocumentTitle, &[("plan", &name)])
        };
        document().set_title(&title);
    });

    view! {
        <header class="site-header">
            <h1>{t(Key::AppTitle)}</h1>
            <p class="tagline">{t(Key::AppTagline)}</p>
        </header>
        <StorageNotice issue=storage_issue.into() />
        <main class="layout">
            <div class="column">
                <GoalForm draft checked />
                <StageList draft checked />
            </div>
            <div class="column">
                <TargetsPanel draft checked />
                <ForwardCheck draft checked />
            </div>
        </main>
        <footer class="site-footer">
            <p>{t(Key::Footer)}</p>
        </footer>
    }
}

/// Moves keyboard focus to the element with `id` once the page has rendered the change that
/// creates or moves it.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
