//! The Plan page (`index.html`): the goal, the stages and rates, the targets, the forward check,
//! and keeping, sharing and exporting the plan. The blog embed shows the same goal form, stages
//! and forward check.

mod embed_dialog;
pub mod forward_check;
pub mod goal_form;
pub mod stage_list;
mod transfer;

use leptos::prelude::*;

use crate::pages::Page;
use crate::ui::later::Later;
use crate::ui::shell::{Content, Shell};
use crate::ui::state::PageState;
use crate::ui::targets::TargetsPanel;
use forward_check::ForwardCheck;
use goal_form::GoalForm;
use stage_list::StageList;
use transfer::PlanActions;

/// The Plan page.
#[component]
pub fn PlanPage() -> impl IntoView {
    view! { <Shell page=Page::Plan content /> }
}

fn content(state: PageState) -> Content {
    let PageState {
        planner,
        draft,
        checked,
        targets,
        ..
    } = state;
    let report = state.report();
    Content {
        under_library: Some(
            view! {
                <Later><GoalForm draft checked /></Later>
                <Later><StageList draft checked /></Later>
            }
            .into_any(),
        ),
        rest: view! {
            <div class="column">
                <Later><TargetsPanel draft checked targets /></Later>
                <Later><ForwardCheck draft checked /></Later>
                <Later><PlanActions planner checked targets report /></Later>
            </div>
        }
        .into_any(),
    }
}
