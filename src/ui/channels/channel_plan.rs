//! The plan per channel: each channel's targets per month, quarter or year next to the total, and
//! the budget those targets need at each channel's current cost, against the budget set.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::channels::Report;
use crate::model::kpi::{Input, Unavailable};
use crate::model::{Period, Share};
use crate::ui::figures::{channel_names, format, reason_text, stage_at, Unit};
use crate::ui::state::ReportMemo;
use crate::ui::table::{list_items, live_table, Cell, Row, Table};
use crate::ui::text::{exact, money, money_needed, needed, percent, t, tf};

/// A count needed, as the whole number to reach, with its unrounded value.
fn count_cell(value: f64) -> Cell {
    Cell::figure(needed(value), value)
}

/// Revenue to reach, in the plan's currency, rounded up like the counts.
fn money_cell(value: f64) -> Cell {
    Cell::figure(money_needed(value), value)
}

fn period_name(period: Period) -> &'static str {
    t(match period {
        Period::Month => Key::PeriodMonth,
        Period::Quarter => Key::PeriodQuarter,
        Period::Year => Key::PeriodYear,
    })
}

/// What a table can show before it has figures: the reason, or `None` when it can show them.
/// Shares over 100 % would split more than the goal, so nothing is split until they are lowered.
fn waiting(report: &Report) -> Option<&'static str> {
    match &report.split {
        None => Some(t(Key::ChannelTargetsNeedPlan)),
        Some(_) if report.inputs.channels.is_empty() => Some(t(Key::ChannelTargetsNeedChannels)),
        Some(split) if split.shares.is_over_full() => Some(t(Key::ChannelTargetsSharesOver)),
        Some(_) => None,
    }
}

/// What `figures` makes of `report` once a table can show figures ([`waiting`] gives no reason).
fn ready<T>(report: &Report, figures: impl FnOnce(&Report) -> Option<T>) -> Option<T> {
    waiting(report).is_none().then(|| figures(report)).flatten()
}

/// Targets by channel.
#[component]
pub fn ChannelTargetsPanel(report: ReportMemo) -> impl IntoView {
    let period = RwSignal::new(Period::Month);
    let on_period = move |ev| {
        period.set(match event_target_value(&ev).as_str() {
            "quarter" => Period::Quarter,
            "year" => Period::Year,
            _ => Period::Month,
        })
    };
    // The figures follow every keystroke: the table changes in place and the notes are written
    // again only when their sentences change, so an open "How" stays open.
    let table = Memo::new(move |_| {
        report.with(|report| {
            let period = period.get();
            ready(report, |report| targets_table(report, period))
        })
    });
    let notes = Memo::new(move |_| report.with(|report| ready(report, targets_notes)));
    view! {
        <section class="card" aria-labelledby="channel-targets-heading">
            <h2 id="channel-targets-heading">{t(Key::ChannelTargetsHeading)}</h2>
            <p class="hint">{t(Key::ChannelTargetsIntro)}</p>
            <div class="field inline">
                <label for="targets-period">{t(Key::PeriodLabel)}</label>
                <select id="targets-period" on:change=on_period>
                    <option value="month">{t(Key::PeriodMonth)}</option>
                    <option value="quarter">{t(Key::PeriodQuarter)}</option>
                    <option value="year">{t(Key::PeriodYear)}</option>
                </select>
            </div>
            {move || report.with(waiting).map(|reason| view! { <p class="problem">{reason}</p> })}
            {live_table(table)}
            {move || notes.with(|notes| notes.as_ref()?.0.clone()).map(|note| view! { <p class="note">{note}</p> })}
            <details class="how" hidden=move || notes.with(Option::is_none)>
                <summary>{t(Key::HowHeading)}</summary>
                <ul>{move || notes.with(|notes| list_items(notes.as_ref().map(|(_, how)| how.clone()).unwrap_or_default()))}</ul>
            </details>
        </section>
    }
}

/// The targets table for `period`; `None` before the goal is split.
fn targets_table(report: &Report, period: Period) -> Option<Table> {
    let split = report.split.as_ref()?;
    let names = channel_names(report);
    let unavailable = |reason| {
        Cell::text(tf(
            Key::Unavailable,
            &[("reason", &reason_text(reason, &report.stage_names))],
        ))
    };
    let mut rows = vec![Row::new(
        t(Key::ShareRow),
        split
            .channels
            .iter()
            .map(|channel| channel.share)
            .chain([split.assigned])
            .map(|share| Cell::text(percent(share.percent())))
            .collect(),
    )];
    for (index, _) in report.stage_names.iter().enumerate() {
        let mut cells: Vec<Cell> = split
            .channels
            .iter()
            .map(|channel| {
                let stage = channel
                    .targets
                    .as_ref()
                    .map(|targets| targets.stages.get(index));
                match stage {
                    Ok(Some(stage)) => count_cell(stage.per(period)),
                    Ok(None) => unavailable(Unavailable::Missing(Input::Targets)),
                    Err(reason) => unavailable(*reason),
                }
            })
            .collect();
        cells.push(match split.total(index, period) {
            Some(total) => count_cell(total),
            None => unavailable(Unavailable::Missing(Input::Targets)),
        });
        rows.push(Row::new(stage_at(&report.stage_names, index), cells));
    }
    // Revenue only with an average revenue per customer (a goal of new customers may have none).
    if split.has_revenue() {
        let mut revenue: Vec<Cell> = split
            .channels
            .iter()
            .map(|channel| {
                match channel
                    .targets
                    .as_ref()
                    .map(|targets| targets.revenue(period))
                {
                    Ok(Some(value)) => money_cell(value),
                    _ => Cell::text(t(Key::ChannelUnavailable)),
                }
            })
            .collect();
        revenue.push(money_cell(split.revenue(period)));
        rows.push(Row::new(t(Key::RevenueRow), revenue).total());
    }

    let mut columns = vec![t(Key::StageColumn).to_owned()];
    columns.extend(names.iter().cloned());
    columns.push(t(Key::AllChannels).to_owned());
    Some(Table {
        id: "channel-targets-caption",
        caption: tf(
            Key::ChannelTargetsCaption,
            &[("period", period_name(period))],
        ),
        columns,
        rows,
    })
}

/// Under the targets table: the share no channel takes, if any, and how each channel's
/// customers are worked out.
fn targets_notes(report: &Report) -> Option<(Option<String>, Vec<String>)> {
    let split = report.split.as_ref()?;
    let names = channel_names(report);
    let customers_name = stage_at(
        &report.stage_names,
        report.stage_names.len().saturating_sub(1),
    );
    let left = split.unassigned();
    let unassigned = (left > Share::NONE).then(|| {
        tf(
            Key::UnassignedShare,
            &[
                ("assigned", &percent(split.assigned.percent())),
                ("left", &percent(left.percent())),
                ("customers", &exact(split.unassigned_customers())),
            ],
        )
    });
    let mut how: Vec<String> = split
        .channels
        .iter()
        .zip(&names)
        .filter_map(|(channel, name)| {
            let result = channel.targets.as_ref().ok()?.customers()?.per_year;
            Some(tf(
                Key::HowChannelCustomers,
                &[
                    ("channel", name),
                    ("customers", &customers_name),
                    ("total", &exact(split.customers_per_year)),
                    ("share", &percent(channel.share.percent())),
                    ("result", &exact(result)),
                ],
            ))
        })
        .collect();
    how.push(t(Key::HowChannelStages).to_owned());
    Some((unassigned, how))
}

/// The budget needed, per channel and in total, against the budget set.
#[component]
pub fn BudgetPanel(report: ReportMemo) -> impl IntoView {
    let table = Memo::new(move |_| report.with(|report| ready(report, budget_table)));
    let summary = Memo::new(move |_| report.with(|report| ready(report, budget_summary)));
    view! {
        <section class="card" aria-labelledby="budget-heading">
            <h2 id="budget-heading">{t(Key::BudgetHeading)}</h2>
            <p class="hint">{t(Key::BudgetIntro)}</p>
            {move || report.with(waiting).map(|reason| view! { <p class="problem">{reason}</p> })}
            {live_table(table)}
            {move || summary.with(|summary| summary.as_ref().map(|(verdict, uncounted)| view! {
                <p class="summary">{verdict.clone()}</p>
                {uncounted.clone().map(|note| view! { <p class="note">{note}</p> })}
            }))}
            <details class="how" hidden=move || summary.with(Option::is_none)>
                <summary>{t(Key::HowHeading)}</summary>
                <p>{t(Key::HowBudget)}</p>
            </details>
        </section>
    }
}

/// The budget each channel needs and in all, against the budget set; `None` without needs.
fn budget_table(report: &Report) -> Option<Table> {
    let needs = report.needs.as_ref()?;
    let names = &report.stage_names;
    let unavailable = |reason| tf(Key::Unavailable, &[("reason", &reason_text(reason, names))]);
    // The first cell, then the amount per month, quarter and year, written by `shown`: a need
    // rounded up (never shown below what is needed), the budget set and the gap as they are.
    let amounts = |first: String, per: &dyn Fn(Period) -> Option<f64>, shown: fn(f64) -> String| {
        let mut cells = vec![Cell::text(first)];
        cells.extend(Period::ALL.iter().map(|period| match per(*period) {
            Some(value) => Cell::figure(shown(value), value),
            None => Cell::text(t(Key::ChannelUnavailable)),
        }));
        cells
    };
    let mut rows: Vec<Row> = needs
        .channels
        .iter()
        .zip(channel_names(report))
        .map(|(channel, name)| {
            let basis = match (channel.basis, channel.needed_per_year) {
                (Ok(basis), Ok(_)) => tf(
                    Key::CostBasis,
                    &[
                        ("cost", &format(basis.cost, Unit::Money)),
                        ("stage", &stage_at(names, basis.stage)),
                    ],
                ),
                (Err(reason), _) | (_, Err(reason)) => unavailable(reason),
            };
            Row::new(
                name,
                amounts(basis, &|period| channel.needed(period).ok(), money_needed),
            )
        })
        .collect();
    rows.push(
        Row::new(
            t(Key::TotalNeeded),
            amounts(
                String::new(),
                &|period| Some(needs.needed(period)),
                money_needed,
            ),
        )
        .total(),
    );
    if needs.budget_per_year.is_some() {
        rows.push(Row::new(
            t(Key::BudgetSet),
            amounts(String::new(), &|period| needs.budget(period), money),
        ));
        rows.push(Row::new(
            t(Key::BudgetGap),
            amounts(String::new(), &|period| needs.gap(period), money),
        ));
    }
    Some(Table {
        id: "budget-caption",
        caption: t(Key::BudgetCaption).to_owned(),
        columns: [
            Key::ChannelColumn,
            Key::CostBasisColumn,
            Key::PerMonth,
            Key::PerQuarter,
            Key::PerYear,
        ]
        .into_iter()
        .map(|key| t(key).to_owned())
        .collect(),
        rows,
    })
}

/// Under the budget table: whether the budget set covers the need, and the channels not
/// counted in it.
fn budget_summary(report: &Report) -> Option<(String, Option<String>)> {
    let needs = report.needs.as_ref()?;
    let verdict = match needs.gap(Period::Year) {
        None => t(Key::BudgetNotSet).to_owned(),
        Some(gap) if gap < 0.0 => tf(Key::BudgetShort, &[("amount", &money(-gap))]),
        Some(gap) => tf(Key::BudgetCovers, &[("amount", &money(gap))]),
    };
    let uncounted = (needs.uncounted > 0).then(|| {
        tf(
            Key::BudgetUncounted,
            &[
                ("count", &needs.uncounted.to_string()),
                ("all", &needs.channels.len().to_string()),
            ],
        )
    });
    Some((verdict, uncounted))
}
