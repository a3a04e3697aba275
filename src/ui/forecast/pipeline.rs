//! "Pipeline coverage and velocity": the opportunities and the pipeline each quarter needs open
//! when it starts, from the plan's own win rate and the days typed under Timing, beside the
//! common 3× rule; and sales velocity from its four parts, planned and (with results) achieved,
//! with the part that moved most. Its tables also go into the forecast's CSV ([`tables`]).

use std::cmp::Ordering;

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::forecast::draft::ForecastField;
use crate::model::forecast::pipeline::{
    change_percent, Coverage, Part, Velocity, COVERAGE_DECIMALS,
};
use crate::model::forecast::timing::MONTHS;
use crate::model::number::needed_at;
use crate::model::results::PlanYear;
use crate::model::{csv, to_percent, Period};
use crate::ui::browser::{month_label, this_month, MonthStyle};
use crate::ui::forecast::Forecast;
use crate::ui::table::{live_table, Cell, Row, Table};
use crate::ui::text::{count, decimal, money, money_needed, needed, percent, t, tf};

/// What the plan's pipeline is: its coverage, and its velocity planned and (with results)
/// achieved.
#[derive(Debug, Clone, PartialEq)]
struct Pipeline {
    coverage: Coverage,
    planned: Velocity,
    achieved: Option<Velocity>,
}

/// What the panel shows.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    coverage_lines: Vec<String>,
    velocity_lines: Vec<String>,
    tables: Vec<Table>,
    how: Vec<String>,
}

/// The plan's pipeline, once the plan, its targets and the schedule can be read.
fn pipeline(forecast: Forecast) -> Option<Pipeline> {
    let ids = forecast.stage_ids.get();
    let plan = forecast
        .checked
        .with(|checked| checked.as_ref().ok().cloned())?;
    let win_rate = plan.funnel.rates().last()?.fraction();
    let average = plan.average_revenue_per_customer;
    let days = forecast.data.read.with(|read| {
        let (days, _) = read.as_ref().ok()?.days_to_next(&ids);
        days.last().copied()
    })?;
    let customers_by_month = forecast.schedule.with(|schedule| {
        let schedule = schedule.as_ref()?;
        let mut months = [0.0; MONTHS];
        for row in &schedule.rows {
            let month = usize::try_from(row.offset).ok();
            if let (Some(slot), Some(customers)) =
                (month.and_then(|m| months.get_mut(m)), row.stages.last())
            {
                *slot = *customers;
            }
        }
        Some(months)
    })?;
    let opportunities = forecast.targets.with(|targets| {
        let targets = targets.as_ref()?.as_ref().ok()?;
        let upper = targets.stages.len().checked_sub(2)?;
        Some(targets.stages.get(upper)?.per(Period::Month))
    })?;
    let coverage = Coverage::new(&customers_by_month, win_rate, days, average)?;
    let planned = Velocity {
        opportunities,
        win_rate,
        revenue_per_customer: average,
        days,
    };
    // The results typed on the Results page, read as that page reads them.
    let achieved = forecast.draft.with(|draft| {
        let channels: Vec<_> = draft.marketing.channels.iter().map(|c| c.id).collect();
        let (actuals, _) = draft
            .tracking
            .check(&ids, &channels, draft.typed_in.symbols());
        planned.achieved(&actuals)
    });
    Some(Pipeline {
        coverage,
        planned,
        achieved,
    })
}

/// "4.2×", rounded up.
fn times(coverage: &Coverage) -> String {
    format!("{}×", decimal(coverage.shown_times(), COVERAGE_DECIMALS))
}

/// The first month of the plan year's quarter `first_month` months in, as "April 2027".
fn opens(year: PlanYear, first_month: usize) -> String {
    let month = year.month_at(first_month as i32);
    month_label(month.year, month.month, MonthStyle::Long)
}

/// The sentences on coverage: the next quarter's needs, then the rule of thumb and why this
/// plan needs more or less.
fn coverage_lines(coverage: &Coverage, year: PlanYear, names: &[String]) -> Vec<String> {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    let (from, to) = (
        name(names.len().saturating_sub(2)),
        name(names.len().saturating_sub(1)),
    );
    let today = this_month();
    let mut lines = Vec::new();
    if let Some(next) = coverage
        .quarters
        .iter()
        .find(|quarter| !year.is_past(quarter.first_month as i32, today))
    {
        let month = opens(year, next.first_month);
        let opportunities = needed(next.opportunities);
        lines.push(match next.pipeline {
            Some(value) => tf(
                Key::CoverageHeadline,
                &[
                    ("times", &times(coverage)),
                    ("count", &opportunities),
                    ("stage", from),
                    ("value", &money_needed(value)),
                    ("month", &month),
                ],
            ),
            None => tf(
                Key::CoverageHeadlineCount,
                &[
                    ("times", &times(coverage)),
                    ("count", &opportunities),
                    ("stage", from),
                    ("month", &month),
                ],
            ),
        });
    }
    lines.push(t(Key::CoverageRule).to_owned());
    let days = decimal(coverage.days, 2);
    lines.push(if coverage.closes_within < 1.0 {
        tf(
            Key::CoverageWithinPart,
            &[
                ("days", &days),
                ("from", from),
                ("to", to),
                ("share", &percent(to_percent(coverage.closes_within))),
            ],
        )
    } else {
        tf(
            Key::CoverageWithinAll,
            &[("days", &days), ("from", from), ("to", to)],
        )
    });
    let key = match coverage.against_rule() {
        Ordering::Greater => Key::CoverageMore,
        Ordering::Less => Key::CoverageLess,
        Ordering::Equal => Key::CoverageSame,
    };
    lines.push(tf(
        key,
        &[
            ("win", &percent(to_percent(coverage.win_rate))),
            ("times", &times(coverage)),
        ],
    ));
    lines
}

/// Each quarter's needs as a table.
fn coverage_table(coverage: &Coverage, year: PlanYear, names: &[String]) -> Table {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    let (from, to) = (
        name(names.len().saturating_sub(2)),
        name(names.len().saturating_sub(1)),
    );
    let has_money = coverage
        .quarters
        .iter()
        .any(|quarter| quarter.pipeline.is_some());
    let mut columns = vec![t(Key::CoverageQuarter).to_owned(), to.to_owned()];
    if has_money {
        columns.push(t(Key::CoverageRevenue).to_owned());
    }
    columns.push(tf(Key::CoverageOpen, &[("stage", from)]));
    if has_money {
        columns.push(t(Key::CoverageValue).to_owned());
    }
    let rows = coverage
        .quarters
        .iter()
        .enumerate()
        .map(|(index, quarter)| {
            let header = tf(
                Key::CoverageQuarterName,
                &[
                    ("number", &(index + 1).to_string()),
                    ("month", &opens(year, quarter.first_month)),
                ],
            );
            let mut cells = vec![Cell::figure(needed(quarter.customers), quarter.customers)];
            if let Some(revenue) = quarter.revenue {
                cells.push(Cell::figure(money_needed(revenue), revenue));
            }
            cells.push(Cell::figure(
                needed(quarter.opportunities),
                quarter.opportunities,
            ));
            if let Some(value) = quarter.pipeline {
                cells.push(Cell::figure(money_needed(value), value));
            }
            Row::new(header, cells)
        })
        .collect();
    Table {
        id: "coverage-caption",
        caption: tf(Key::CoverageCaption, &[("times", &times(coverage))]),
        columns,
        rows,
    }
}

/// A velocity (per day or month) in money, or in new customers without a revenue per customer.
fn velocity_text(value: f64, in_money: bool, customers: &str) -> String {
    if in_money {
        money(value)
    } else {
        format!("{} {customers}", decimal(value, 2))
    }
}

/// A part's value as shown: planned opportunities are a target (rounded up), achieved ones a
/// count.
fn part_text(part: Part, value: f64, is_plan: bool) -> String {
    match part {
        Part::Opportunities if is_plan => needed(value),
        Part::Opportunities => count(value),
        Part::WinRate => percent(to_percent(value)),
        Part::Revenue => money(value),
        Part::Days => decimal(value, 2),
    }
}

/// The label of a velocity's part.
fn part_label(part: Part, names: &[String]) -> String {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    let (from, to) = (
        name(names.len().saturating_sub(2)),
        name(names.len().saturating_sub(1)),
    );
    match part {
        Part::Opportunities => tf(Key::VelocityOpportunities, &[("stage", from)]),
        Part::WinRate => tf(Key::ForecastStep, &[("from", from), ("to", to)]),
        Part::Revenue => t(Key::VelocityRevenue).to_owned(),
        Part::Days => tf(Key::DaysLabel, &[("from", from), ("to", to)]),
    }
}

/// "+25%", "−20%" or "0%": achieved against planned, and the change in percent without the
/// binary noise of × 100 (`None` when the plan's figure is 0). A change within that noise is
/// none, never "−0%".
fn change(planned: f64, achieved: f64) -> Option<(String, f64)> {
    let change = change_percent(planned, achieved)?;
    let shown = percent(change.abs());
    let sign = match change.total_cmp(&0.0) {
        Ordering::Less if change != 0.0 => "−",
        Ordering::Greater => "+",
        _ => "",
    };
    Some((format!("{sign}{shown}"), change))
}

/// The velocity table: each of its four parts, then the velocity per day and per month; planned,
/// and with results achieved and the change.
fn velocity_table(planned: &Velocity, achieved: Option<&Velocity>, names: &[String]) -> Table {
    let customers = names.last().map_or("", String::as_str);
    let in_money = planned.revenue_per_customer.is_some();
    // One row: the planned figure, then the achieved one and the change. `text` shows a figure
    // (`true` for the plan's); `exact` is what `data-value` and the CSV keep.
    // `measured`: whether results can change this figure (monthly results do not measure the
    // days a deal takes, so theirs shows no change).
    let row = |header: String,
               figures: (Option<f64>, Option<f64>),
               measured: bool,
               text: &dyn Fn(f64, bool) -> String,
               exact: &dyn Fn(f64) -> f64| {
        let cell = |figure: Option<f64>, is_plan: bool| match figure {
            Some(figure) => Cell::figure(text(figure, is_plan), exact(figure)),
            None => Cell::text("—"),
        };
        let mut cells = vec![cell(figures.0, true)];
        if achieved.is_some() {
            cells.push(cell(figures.1, false));
            cells.push(
                match figures
                    .0
                    .zip(figures.1)
                    .filter(|_| measured)
                    .and_then(|(was, now)| change(was, now))
                {
                    Some((shown, value)) => Cell::figure(shown, value),
                    None => Cell::text("—"),
                },
            );
        }
        Row::new(header, cells)
    };
    let mut rows: Vec<Row> = PARTS
        .into_iter()
        .filter(|part| planned.part(*part).is_some())
        .map(|part| {
            row(
                part_label(part, names),
                (planned.part(part), achieved.and_then(|a| a.part(part))),
                part != Part::Days,
                &|value, is_plan| part_text(part, value, is_plan),
                // A rate's figure is its percent, as in every table (and the CSV: 25 for 25 %, without
                // the binary noise of × 100).
                &|value| {
                    if part == Part::WinRate {
                        csv::percent(value)
                    } else {
                        value
                    }
                },
            )
        })
        .collect();
    let velocity = |value: f64, _: bool| velocity_text(value, in_money, customers);
    let same = |value: f64| value;
    rows.push(
        row(
            t(Key::VelocityPerDay).to_owned(),
            (planned.per_day(), achieved.and_then(Velocity::per_day)),
            true,
            &velocity,
            &same,
        )
        .total(),
    );
    rows.push(row(
        t(Key::VelocityPerMonth).to_owned(),
        (planned.per_month(), achieved.and_then(Velocity::per_month)),
        true,
        &velocity,
        &same,
    ));
    let mut columns = vec![t(Key::VelocityPart), t(Key::VelocityPlanned)];
    if achieved.is_some() {
        columns.extend([t(Key::VelocityAchieved), t(Key::VelocityChange)]);
    }
    Table {
        id: "velocity-caption",
        caption: t(Key::VelocityCaption).to_owned(),
        columns: columns.into_iter().map(str::to_owned).collect(),
        rows,
    }
}

/// The four parts of velocity, in the order the table lists them.
const PARTS: [Part; 4] = [
    Part::Opportunities,
    Part::WinRate,
    Part::Revenue,
    Part::Days,
];

/// The sentences on velocity: what stops it, what it counts without a revenue, and with
/// results which part moved most since plan.
fn velocity_lines(
    planned: &Velocity,
    achieved: Option<&Velocity>,
    names: &[String],
) -> Vec<String> {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    let (from, to) = (
        name(names.len().saturating_sub(2)),
        name(names.len().saturating_sub(1)),
    );
    let mut lines = Vec::new();
    if planned.per_day().is_none() {
        lines.push(tf(Key::VelocityNeedsDays, &[("from", from), ("to", to)]));
    }
    if planned.revenue_per_customer.is_none() {
        lines.push(tf(Key::VelocityCounts, &[("stage", to)]));
    }
    lines.push(match achieved {
        None => tf(Key::VelocityNoResults, &[("stage", from)]),
        Some(achieved) => match planned.moved_most(achieved) {
            None => t(Key::VelocityNothingMoved).to_owned(),
            Some(part) => {
                let (was, now) = (
                    planned.part(part).unwrap_or_default(),
                    achieved.part(part).unwrap_or_default(),
                );
                tf(
                    Key::VelocityMovedMost,
                    &[
                        ("part", &part_label(part, names)),
                        ("planned", &part_text(part, was, true)),
                        ("achieved", &part_text(part, now, false)),
                        (
                            "change",
                            &change(was, now).map(|(shown, _)| shown).unwrap_or_default(),
                        ),
                    ],
                )
            }
        },
    });
    lines
}

/// The arithmetic with this plan's figures.
fn how(pipeline: &Pipeline, names: &[String]) -> Vec<String> {
    let customers = names.last().map_or("", String::as_str);
    let coverage = &pipeline.coverage;
    let win = percent(to_percent(coverage.win_rate));
    let mut lines = vec![
        tf(
            Key::HowCoverage,
            &[
                ("win", &win),
                ("share", &percent(to_percent(coverage.closes_within))),
                // Two decimals here, so that the arithmetic of the quarters reads through.
                (
                    "times",
                    &format!("{}×", decimal(needed_at(coverage.times, 2), 2)),
                ),
                ("stage", customers),
            ],
        ),
        t(Key::HowCoverageWithin).to_owned(),
    ];
    let planned = &pipeline.planned;
    if let (Some(day), Some(month)) = (planned.per_day(), planned.per_month()) {
        let in_money = planned.revenue_per_customer.is_some();
        let average = planned
            .revenue_per_customer
            .map_or_else(|| format!("1 {customers}"), money);
        lines.push(tf(
            Key::HowVelocity,
            &[
                ("opportunities", &decimal(planned.opportunities, 2)),
                ("win", &win),
                ("average", &average),
                ("days", &decimal(planned.days, 2)),
                ("day", &velocity_text(day, in_money, customers)),
                ("month", &velocity_text(month, in_money, customers)),
            ],
        ));
    }
    if pipeline.achieved.is_some() {
        lines.push(t(Key::HowVelocityAchieved).to_owned());
    }
    lines
}

/// The panel's tables for the plan as it stands (none while the plan or a field stops them):
/// the panel shows them, and the forecast's CSV writes them.
pub fn tables(forecast: Forecast) -> Vec<Table> {
    shown(forecast)
        .map(|shown| shown.tables)
        .unwrap_or_default()
}

fn shown(forecast: Forecast) -> Option<Shown> {
    let pipeline = pipeline(forecast)?;
    let year = forecast.plan_year.get();
    let names = forecast.stage_names.get();
    Some(Shown {
        coverage_lines: coverage_lines(&pipeline.coverage, year, &names),
        velocity_lines: velocity_lines(&pipeline.planned, pipeline.achieved.as_ref(), &names),
        tables: vec![
            coverage_table(&pipeline.coverage, year, &names),
            velocity_table(&pipeline.planned, pipeline.achieved.as_ref(), &names),
        ],
        how: how(&pipeline, &names),
    })
}

/// The "Pipeline coverage and velocity" panel.
#[component]
pub fn PipelinePanel(forecast: Forecast) -> impl IntoView {
    let shown = Memo::new(move |_| shown(forecast));
    let table = move |at: usize| {
        Memo::new(move |_| shown.with(|shown| shown.as_ref()?.tables.get(at).cloned()))
    };
    let (coverage, velocity) = (table(0), table(1));
    let text = move |lines: fn(&Shown) -> &Vec<String>| {
        move || shown.with(|shown| shown.as_ref().map(|shown| lines(shown).join(" ")))
    };
    let stopped = move || {
        forecast
            .blocker(ForecastField::feeds_schedule)
            .map(|field| forecast.waits_for(field))
    };
    view! {
        <section class="card" aria-labelledby="pipeline-heading" hidden=move || forecast.checked.with(Result::is_err)>
            <h2 id="pipeline-heading">{t(Key::PipelineHeading)}</h2>
            {stopped}
            <p>{text(|shown| &shown.coverage_lines)}</p>
            {live_table(coverage)}
            <p>{text(|shown| &shown.velocity_lines)}</p>
            {live_table(velocity)}
            <details class="how" hidden=move || shown.with(Option::is_none)>
                <summary>{t(Key::HowHeading)}</summary>
                <p>{text(|shown| &shown.how)}</p>
            </details>
        </section>
    }
}
