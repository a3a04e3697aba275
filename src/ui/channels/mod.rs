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
use crate::ui::later::Later;
use crate::ui::shell::{Content, Shell};
use crate::ui::state::{PageState, ReportMemo};
use crate::ui::targets::beside_targets;
use channel_plan::{BudgetPanel, ChannelTargetsPanel};
use compare::ComparePanel;
use inputs::ChannelsPanel;
use kpis::KpiPanel;

/// The Channels and KPIs page.
#[component]
pub fn ChannelsPage() -> impl IntoView {
    view! { <Shell page=Page::Channels content /> }
}

fn content(state: PageState) -> Content {
    let draft = state.draft;
    let report = state.report();
    // The channel inputs and KPIs only: editing the goal or a rate leaves this unchanged.
    let kpi_report: ReportMemo = Memo::new(move |_| report.with(Report::without_targets));
    beside_targets(state, move || {
        view! {
            <Later><ChannelsPanel draft report=kpi_report /></Later>
            <Later><ChannelTargetsPanel report /></Later>
            <Later><BudgetPanel report /></Later>
            <Later><KpiPanel draft report=kpi_report /></Later>
            <Later><ComparePanel draft report=kpi_report /></Later>
        }
    })
}
