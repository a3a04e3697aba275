//! The Channels and KPIs page (`channels.html`): the channels and their shares, spend and rates,
//! each channel's targets, the budget needed, the KPIs and the channels compared, with the
//! funnel's targets beside them. (Keeping and sharing the plan, CSV and the embed are on the Plan
//! page: this page stays small.)

mod channel_plan;
mod compare;
mod inputs;
mod kpis;

use leptos::prelude::*;

use crate::model::channels::Report;
use crate::pages::Page;
use crate::ui::library::LibraryPanel;
use crate::ui::shell::Shell;
use crate::ui::state::{PageState, ReportMemo};
use crate::ui::targets::{FieldsElsewhere, TargetsPanel};
use channel_plan::{BudgetPanel, ChannelTargetsPanel};
use compare::ComparePanel;
use inputs::ChannelsPanel;
use kpis::KpiPanel;

/// The Channels and KPIs page.
#[component]
pub fn ChannelsPage() -> impl IntoView {
    view! { <Shell page=Page::Channels content /> }
}

fn content(state: PageState) -> AnyView {
    let PageState {
        planner,
        draft,
        checked,
        targets,
        plan_fragment,
    } = state;
    // The plan's fields are on the Plan page: a problem listed here leads there.
    provide_context(FieldsElsewhere(plan_fragment));
    let report = state.report();
    // The channel inputs and KPIs only: editing the goal or a rate leaves this unchanged.
    let kpi_report: ReportMemo = Memo::new(move |_| report.with(Report::without_targets));
    view! {
        <div class="column">
            <LibraryPanel planner />
        </div>
        <div class="column">
            <TargetsPanel draft checked targets />
        </div>
        <div class="wide">
            <ChannelsPanel draft report=kpi_report />
            <ChannelTargetsPanel report />
            <BudgetPanel report />
            <KpiPanel draft report=kpi_report />
            <ComparePanel draft report=kpi_report />
        </div>
    }
    .into_any()
}
