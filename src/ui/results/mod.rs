//! The Results area: the results a team enters month by month, where the year stands against the
//! targets, the conversion achieved, the quarters with their focus areas, where the funnel leaks,
//! and charts of it all (each with the same figures as a table).

mod charts;
mod grid;
mod leaks;
mod standing;
mod would_take;

use leptos::prelude::*;

use crate::pages::Page;
use crate::ui::later::Later;
use crate::ui::shell::{Content, Shell};
use crate::ui::state::PageState;
use crate::ui::targets::beside_targets;

use crate::i18n::Key;
use crate::model::results::leak::{diagnose, Leak};
use crate::model::results::standing::YearStanding;
use crate::model::results::{Actuals, CellError, Month, PlanYear, Row, MONTHS};
use crate::model::{PlanDraft, StageId};
use crate::ui::browser::{month_label, this_month, MonthStyle};
use crate::ui::state::{Checked, ReportMemo, TargetsMemo};
use crate::ui::text::{stage_labels, t};

pub use grid::ResultsGrid;
use leaks::LeakPanel;
use standing::{ConversionPanel, MonthPanel, QuarterPanel, StandingPanel};
use would_take::WouldTakePanel;

/// A column of the results grid: a stage, the spend or the revenue, with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub row: Row,
    pub label: String,
}

/// Everything the Results area derives from the plan, once per change.
#[derive(Clone, Copy)]
pub struct Tracked {
    pub draft: RwSignal<PlanDraft>,
    /// This month, for a plan whose plan year is not set.
    pub today: Month,
    pub plan_year: Memo<PlanYear>,
    /// Each month of the plan year, as "March 2027".
    pub months: Memo<Vec<String>>,
    /// Each month's narrow name ("M"), for a chart's axis.
    pub narrow_months: Memo<Vec<String>>,
    /// The grid's columns: the stages, the spend, the revenue.
    pub columns: Memo<Vec<Column>>,
    pub stage_ids: Memo<Vec<StageId>>,
    /// The stages' labels, top to bottom.
    pub stage_names: Memo<Vec<String>>,
    /// The results read, and the cells that could not be.
    pub actuals: Memo<(Actuals, Vec<CellError>)>,
    /// The year against the targets (`None` while the plan has no targets).
    pub standing: Memo<Option<YearStanding>>,
    /// The points of the funnel that lose or win customers, the largest loss first.
    pub leaks: Memo<Vec<Leak>>,
}

impl Tracked {
    fn new(
        draft: RwSignal<PlanDraft>,
        checked: Checked,
        targets: TargetsMemo,
        report: ReportMemo,
    ) -> Self {
        let today = this_month();
        let plan_year = Memo::new(move |_| draft.with(|draft| draft.tracking.plan_year(today)));
        let month_names = move |style: MonthStyle| {
            let start = plan_year.get();
            (0..MONTHS)
                .map(|month| {
                    let (year, month) = start.calendar(month);
                    month_label(year, month, style)
                })
                .collect::<Vec<_>>()
        };
        let months = Memo::new(move |_| month_names(MonthStyle::Long));
        let narrow_months = Memo::new(move |_| month_names(MonthStyle::Narrow));
        let stage_ids = Memo::new(move |_| draft.with(PlanDraft::stage_ids));
        let stage_names = Memo::new(move |_| draft.with(stage_labels));
        let columns = Memo::new(move |_| {
            let stages = stage_ids
                .get()
                .into_iter()
                .zip(stage_names.get())
                .map(|(id, label)| Column {
                    row: Row::Stage(id),
                    label,
                });
            stages
                .chain([
                    Column {
                        row: Row::Spend,
                        label: t(Key::SpendColumn).to_owned(),
                    },
                    Column {
                        row: Row::Revenue,
                        label: t(Key::RevenueColumn).to_owned(),
                    },
                ])
                .collect::<Vec<_>>()
        });
        let actuals = Memo::new(move |_| {
            draft.with(|draft| {
                let channels: Vec<_> = draft
                    .marketing
                    .channels
                    .iter()
                    .map(|channel| channel.id)
                    .collect();
                draft
                    .tracking
                    .check(&stage_ids.get(), &channels, draft.typed_in.symbols())
            })
        });
        let standing = Memo::new(move |_| {
            let budget = report.with(|report| report.inputs.budget_per_year);
            checked.with(|checked| {
                let plan = checked.as_ref().ok()?;
                targets.with(|targets| {
                    let targets = targets.as_ref()?.as_ref().ok()?;
                    actuals.with(|(actuals, _)| {
                        Some(YearStanding::new(
                            targets,
                            plan.funnel.rates(),
                            budget,
                            actuals,
                        ))
                    })
                })
            })
        });
        let leaks = Memo::new(move |_| {
            let average = checked.with(|checked| {
                checked
                    .as_ref()
                    .ok()
                    .and_then(|plan| plan.average_revenue_per_customer)
            });
            standing.with(|standing| {
                standing
                    .as_ref()
                    .map(|standing| diagnose(standing, average))
                    .unwrap_or_default()
            })
        });
        Self {
            draft,
            today,
            plan_year,
            months,
            narrow_months,
            columns,
            stage_ids,
            stage_names,
            actuals,
            standing,
            leaks,
        }
    }
}

impl Tracked {
    /// A figure (table or chart) built from the standing and the stages' names: `None` while
    /// the plan has no targets.
    fn figure<T>(self, build: fn(&YearStanding, &[String]) -> T) -> Memo<Option<T>>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| {
            self.stage_names.with(|names| {
                self.standing
                    .with(|standing| standing.as_ref().map(|standing| build(standing, names)))
            })
        })
    }
}

/// The Results area's panels.
#[component]
fn ResultsPanels(
    draft: RwSignal<PlanDraft>,
    checked: Checked,
    targets: TargetsMemo,
    report: ReportMemo,
) -> impl IntoView {
    let tracked = Tracked::new(draft, checked, targets, report);
    let has_targets = move || tracked.standing.with(Option::is_some);
    view! {
        <Later><ResultsGrid tracked /></Later>
        <p class="card problem" hidden=has_targets>{t(Key::ResultsNeedTargets)}</p>
        <Later><StandingPanel tracked /></Later>
        <Later><WouldTakePanel tracked checked /></Later>
        <Later><LeakPanel tracked /></Later>
        <Later><MonthPanel tracked /></Later>
        <Later><ConversionPanel tracked /></Later>
        <Later><QuarterPanel tracked /></Later>
    }
}

/// The Results page (`results.html`).
#[component]
pub fn ResultsPage() -> impl IntoView {
    view! { <Shell page=Page::Results content /> }
}

fn content(state: PageState) -> Content {
    let report = state.report();
    let (draft, checked, targets) = (state.draft, state.checked, state.targets);
    beside_targets(
        state,
        move || view! { <ResultsPanels draft checked targets report /> },
    )
}
