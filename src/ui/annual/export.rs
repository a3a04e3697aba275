//! The annual plan as a CSV file for spreadsheets (the same rules as the plan's CSV,
//! `model::csv`): last year by stage with its rates and costs, the goal's chain, the planned
//! rates beside last year's and the typical ranges, and the objectives with their monthly values.
//! Percents are written as percents (1.6 for 1.6 %), money and counts in full precision; a figure
//! that cannot be computed is an empty cell.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::AnnualDraft;
use crate::model::benchmarks::{default_steps, range, Industry};
use crate::model::csv::{self, Cell};
use crate::model::number::parse_number;
use crate::model::page_data::PageData;
use crate::model::results::MONTHS;
use crate::model::to_percent;
use crate::ui::annual::objectives::{group_name, unit_name};
use crate::ui::annual::Annual;
use crate::ui::browser::{download, file_stem, this_month};
use crate::ui::text::{lang, t};

fn text(key: Key) -> Cell {
    Cell::Text(t(key).to_owned())
}

fn number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Text(String::new()), Cell::Number)
}

/// A typed number as a number cell when it reads as one, else as the text typed.
fn typed(text: &str, annual: &AnnualDraft) -> Cell {
    match parse_number(text, annual.lang().symbols()) {
        Ok(value) => Cell::Number(value),
        Err(_) => Cell::Text(csv::neutralise(text)),
    }
}

/// Every row of the file.
fn rows(annual: Annual) -> Vec<Vec<Cell>> {
    let names = annual.stage_names.get_untracked();
    let (last_year, _) = annual.last_year.get_untracked();
    let mut rows = vec![
        vec![text(Key::LastYearHeading)],
        vec![
            text(Key::LastYearStageColumn),
            text(Key::LastYearTotalColumn),
            text(Key::LastYearRateColumn),
            text(Key::LastYearCostColumn),
        ],
    ];
    for (index, name) in names.iter().enumerate() {
        let rate = (index + 1 < names.len())
            .then(|| last_year.rate(index).ok().map(to_percent))
            .flatten();
        rows.push(vec![
            Cell::Text(csv::neutralise(name)),
            number(last_year.stage_totals.get(index).copied().flatten()),
            number(rate),
            number(last_year.cost_per_stage(index).ok()),
        ]);
    }
    for (key, value) in [
        (Key::LastYearSpend, last_year.spend),
        (Key::LastYearRevenue, last_year.revenue),
        (Key::LastYearNewRevenue, last_year.new_customer_revenue),
        (Key::LastYearCac, last_year.cac().ok()),
        (
            Key::LastYearRevenuePerCustomer,
            last_year.revenue_per_customer().ok(),
        ),
    ] {
        rows.push(vec![text(key), number(value)]);
    }

    rows.push(Vec::new());
    rows.push(vec![text(Key::ChainHeading)]);
    if let Some(Ok(chain)) = annual.chain.get_untracked() {
        let mut line = |key: Key, value: Option<f64>| {
            if let Some(value) = value {
                rows.push(vec![text(key), Cell::Number(value)]);
            }
        };
        line(Key::ChainGoal, chain.goal_revenue);
        if chain.goal_revenue.is_some() {
            line(Key::ExistingRetained, Some(chain.retained));
            line(Key::ExistingUpsell, Some(chain.upsell));
            line(Key::ExistingCrossSell, Some(chain.cross_sell));
            line(Key::ChainFromExisting, Some(chain.from_existing()));
        }
        line(Key::ChainFromNew, chain.from_new);
        if let Some(recurring) = chain.recurring {
            line(Key::ChainTargetMrr, Some(recurring.target_mrr));
            line(Key::ChainKeptMrr, Some(recurring.kept_mrr));
            line(Key::ChainGapMrr, Some(recurring.gap_mrr));
            line(Key::ChainPerMonth, Some(recurring.customers_per_month));
            line(Key::ChainCustomersKept, Some(recurring.customers_kept));
        }
        line(Key::ChainCustomers, Some(chain.customers));
    }

    rows.push(Vec::new());
    rows.push(vec![text(Key::RatesCheckCaption)]);
    rows.push(vec![
        text(Key::StepColumn),
        text(Key::PlannedColumn),
        text(Key::LastYearColumn),
        text(Key::RangeLowColumn),
        text(Key::RangeHighColumn),
    ]);
    let planned: Vec<f64> = annual.checked.with_untracked(|checked| {
        checked
            .as_ref()
            .map(|plan| {
                plan.funnel
                    .rates()
                    .iter()
                    .map(|rate| rate.percent())
                    .collect()
            })
            .unwrap_or_default()
    });
    let industry: Industry = annual.data.read.with_untracked(|read| {
        read.as_ref()
            .map(|annual| annual.industry.into())
            .unwrap_or(Industry::Other)
    });
    let steps = default_steps(names.len());
    for index in 0..names.len().saturating_sub(1) {
        let step = format!(
            "{} → {}",
            names.get(index).map_or("", String::as_str),
            names.get(index + 1).map_or("", String::as_str)
        );
        let typical = steps
            .get(index)
            .copied()
            .flatten()
            .and_then(|step| range(step, industry));
        rows.push(vec![
            Cell::Text(csv::neutralise(&step)),
            number(planned.get(index).copied()),
            number(last_year.rate(index).ok().map(to_percent)),
            number(typical.as_ref().map(|range| to_percent(range.low))),
            number(typical.as_ref().map(|range| to_percent(range.high))),
        ]);
    }

    rows.push(Vec::new());
    rows.push(vec![text(Key::ObjectivesHeading)]);
    let mut heading = vec![
        text(Key::ObjectiveMetric),
        text(Key::ObjectiveOwner),
        text(Key::ObjectiveGroup),
        text(Key::ObjectiveUnit),
        text(Key::ObjectiveBaseline),
        text(Key::ObjectiveTarget),
        text(Key::ObjectiveDeadline),
        text(Key::ObjectiveQuarter),
    ];
    // Months as "2027-03" (a spreadsheet in any language reads them as months), never "3".
    let year = annual
        .draft
        .with_untracked(|draft| draft.tracking.plan_year(this_month()));
    let month_of = |index: usize| {
        let month = year.month_at(i32::try_from(index).unwrap_or(0));
        Cell::Text(month.code())
    };
    heading.extend((0..MONTHS).map(month_of));
    rows.push(heading);
    annual.data.read.with_untracked(|read| {
        let Ok(draft) = read else {
            return;
        };
        for objective in &draft.objectives {
            let mut row = vec![
                Cell::Text(csv::neutralise(&objective.metric)),
                Cell::Text(csv::neutralise(&objective.owner)),
                Cell::Text(group_name(objective.group).to_owned()),
                Cell::Text(unit_name(objective.unit).to_owned()),
                typed(&objective.baseline, draft),
                typed(&objective.target, draft),
                objective
                    .deadline
                    .map_or(Cell::Text(String::new()), month_of),
                number(objective.quarter.map(|quarter| (quarter + 1) as f64)),
            ];
            row.extend((0..MONTHS).map(|month| typed(objective.value(month), draft)));
            rows.push(row);
        }
    });
    rows
}

/// "Download the annual plan (CSV)".
#[component]
pub fn AnnualCsv(annual: Annual) -> impl IntoView {
    let save = move |_| {
        let stem = annual
            .draft
            .with_untracked(|draft| file_stem(&draft.name, t(Key::ExportOneStem)));
        download(
            &format!("{stem}-{}.csv", t(Key::AnnualFileSuffix)),
            "text/csv;charset=utf-8",
            &csv::file(&rows(annual), lang()),
        );
    };
    view! {
        <div class="actions">
            <button type="button" on:click=save>{t(Key::DownloadAnnualCsv)}</button>
            <button type="button" on:click=|_| { let _ = window().print(); }>{t(Key::PrintAnnual)}</button>
        </div>
    }
}
