//! Where the year stands: each stage, the revenue and the spend against their targets (to date,
//! for the year, what remains and the run rate it needs), month by month for one of them, the
//! conversion achieved between stages, and the quarters with their focus areas.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::number::WHOLE_TOLERANCE;
use crate::model::results::standing::{Standing, YearStanding};
use crate::model::results::{FOCUS_PER_QUARTER, QUARTERS};
use crate::model::{to_percent, StageId};
use crate::ui::results::charts::{conversion_chart, funnel_chart, live_chart, month_chart};
use crate::ui::results::Tracked;
use crate::ui::table::{list_items, live_table, Cell, Row, Table};
use crate::ui::text::{count, exact, money, money_needed, needed, percent, t, tf};

/// What a series counts: a stage's volume, the revenue or the spend (a budget: beating it is
/// spending more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Volume,
    Revenue,
    Spend,
}

impl Kind {
    /// A figure to reach, rounded up (never shown below what is needed); a budget is a limit,
    /// not a need: shown as it is, never rounded up past what may be spent.
    fn target(self, value: f64) -> String {
        match self {
            Kind::Volume => needed(value),
            Kind::Revenue => money_needed(value),
            Kind::Spend => money(value),
        }
    }

    /// What is left of the year's target: still needed, or (a budget) left to spend; beyond
    /// it, by how much it was beaten (or overspent).
    fn remaining_cell(self, series: &Standing) -> Cell {
        let beyond = series.beyond_target();
        let (key, value) = match (self, beyond > 0.0) {
            (Kind::Spend, true) => (Some(Key::OverBudgetBy), beyond),
            (Kind::Spend, false) => (Some(Key::BudgetLeft), series.remaining()),
            (_, true) => (Some(Key::BeyondTarget), beyond),
            (_, false) => (None, series.remaining()),
        };
        match key {
            Some(key) => Cell::figure(tf(key, &[("value", &self.actual(value))]), value),
            None => Cell::figure(self.target(value), value),
        }
    }

    /// A figure as it was entered or worked out.
    fn actual(self, value: f64) -> String {
        match self {
            Kind::Volume => count(value),
            Kind::Revenue | Kind::Spend => money(value),
        }
    }
}

/// A fraction as a percent: 1.21 → "121%".
pub fn share(fraction: f64) -> String {
    percent(to_percent(fraction))
}

/// Every series of the standing with its label and kind: the stages, then the revenue and the
/// spend when the plan has a target for them.
pub fn series<'a>(
    standing: &'a YearStanding,
    names: &'a [String],
) -> Vec<(String, Kind, &'a Standing)> {
    let mut all: Vec<(String, Kind, &Standing)> = standing
        .stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            (
                names.get(index).cloned().unwrap_or_default(),
                Kind::Volume,
                stage,
            )
        })
        .collect();
    if let Some(revenue) = &standing.revenue {
        all.push((t(Key::RevenueColumn).to_owned(), Kind::Revenue, revenue));
    }
    if let Some(spend) = &standing.spend {
        all.push((t(Key::SpendColumn).to_owned(), Kind::Spend, spend));
    }
    all
}

/// "On pace", "Behind", "Within budget" or "Over budget", for a pace.
fn status(kind: Kind, pace: f64) -> &'static str {
    let is_ahead = pace >= 1.0 - WHOLE_TOLERANCE;
    t(match (kind, is_ahead) {
        (Kind::Spend, _) if pace <= 1.0 + WHOLE_TOLERANCE => Key::StatusWithinBudget,
        (Kind::Spend, _) => Key::StatusOverBudget,
        (_, true) => Key::StatusOnPace,
        (_, false) => Key::StatusBehind,
    })
}

/// The standing table: one row per series.
fn standing_table(standing: &YearStanding, names: &[String]) -> Table {
    let rows = series(standing, names)
        .into_iter()
        .map(|(name, kind, series)| {
            let none = || Cell::text(t(Key::NotEntered));
            let cells = if series.has_results() {
                vec![
                    Cell::figure(kind.target(series.target_to_date), series.target_to_date),
                    Cell::figure(kind.actual(series.actual_to_date), series.actual_to_date),
                    series.pace().map_or_else(none, |pace| {
                        Cell::figure(
                            tf(
                                Key::PaceCell,
                                &[("pace", &share(pace)), ("status", status(kind, pace))],
                            ),
                            pace,
                        )
                    }),
                    Cell::figure(kind.target(series.year_target), series.year_target),
                    series
                        .reached()
                        .map_or_else(none, |reached| Cell::figure(share(reached), reached)),
                    kind.remaining_cell(series),
                    series.run_rate().map_or_else(
                        || Cell::text(t(Key::NoMonthLeft)),
                        |rate| Cell::figure(kind.target(rate), rate),
                    ),
                    series.projection().map_or_else(none, |projection| {
                        Cell::figure(kind.actual(projection), projection)
                    }),
                ]
            } else {
                let mut cells: Vec<Cell> = (0..8).map(|_| none()).collect();
                if let Some(cell) = cells.get_mut(3) {
                    *cell = Cell::figure(kind.target(series.year_target), series.year_target);
                }
                cells
            };
            Row::new(name, cells)
        })
        .collect();
    Table {
        id: "standing-caption",
        caption: t(Key::StandingCaption).to_owned(),
        columns: [
            Key::StageColumn,
            Key::TargetToDate,
            Key::ActualToDate,
            Key::PaceColumn,
            Key::YearTarget,
            Key::ReachedColumn,
            Key::RemainingColumn,
            Key::RunRateColumn,
            Key::ProjectionColumn,
        ]
        .map(|key| t(key).to_owned())
        .to_vec(),
        rows,
    }
}

/// The calculation of each series, with its own numbers.
fn standing_steps(standing: &YearStanding, names: &[String], months: &[String]) -> Vec<String> {
    series(standing, names)
        .into_iter()
        .filter(|(_, _, series)| series.has_results())
        .map(|(name, kind, series)| {
            let mut step = tf(
                Key::HowStanding,
                &[
                    ("name", &name),
                    ("actual", &kind.actual(series.actual_to_date)),
                    ("months", &series.months_entered.to_string()),
                    ("year_target", &exact(series.year_target)),
                    ("target", &exact(series.target_to_date)),
                    ("pace", &series.pace().map(share).unwrap_or_default()),
                    ("remaining", &exact(series.remaining())),
                ],
            );
            step.push(' ');
            step.push_str(&match series.run_rate() {
                Some(rate) => tf(
                    Key::HowRunRate,
                    &[
                        ("remaining", &exact(series.remaining())),
                        ("left", &series.months_left.to_string()),
                        ("rate", &exact(rate)),
                    ],
                ),
                None => t(Key::HowNoMonthLeft).to_owned(),
            });
            if !series.missing.is_empty() {
                let missing: Vec<&str> = series
                    .missing
                    .iter()
                    .filter_map(|month| months.get(*month).map(String::as_str))
                    .collect();
                step.push(' ');
                step.push_str(&tf(Key::MissingMonths, &[("months", &missing.join(", "))]));
            }
            step
        })
        .collect()
}

/// "Where the year stands".
#[component]
pub fn StandingPanel(tracked: Tracked) -> impl IntoView {
    let summary = move || {
        tracked.months.with(|months| {
            let last = tracked
                .standing
                .with(|standing| standing.as_ref().and_then(|standing| standing.last));
            match last.and_then(|last| months.get(last).map(|month| (last, month))) {
                Some((last, month)) => tf(
                    Key::StandingSummary,
                    &[("month", month), ("count", &(last + 1).to_string())],
                ),
                None => t(Key::StandingNoResults).to_owned(),
            }
        })
    };
    let table = tracked.figure(standing_table);
    let chart = tracked.figure(funnel_chart);
    let steps = move || {
        let names = tracked.stage_names.get();
        let months = tracked.months.get();
        tracked.standing.with(|standing| {
            standing
                .as_ref()
                .map(|standing| list_items(standing_steps(standing, &names, &months)))
        })
    };
    view! {
        <section class="card" aria-labelledby="standing-heading" hidden=move || tracked.standing.with(Option::is_none)>
            <h2 id="standing-heading">{t(Key::StandingHeading)}</h2>
            <p class="summary">{summary}</p>
            {live_table(table)}
            {live_chart(chart)}
            <details class="how">
                <summary>{t(Key::HowHeading)}</summary>
                <ul>{steps}</ul>
                <p>{t(Key::HowStandingRules)}</p>
            </details>
        </section>
    }
}

/// A series the month-by-month view can show, by what it is (not by its place, which moves
/// when a stage is added or a budget set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Stage(StageId),
    Revenue,
    Spend,
}

impl Pick {
    /// The value of the series menu's option.
    fn value(self) -> String {
        match self {
            Pick::Stage(id) => id.0.to_string(),
            Pick::Revenue => "revenue".to_owned(),
            Pick::Spend => "spend".to_owned(),
        }
    }

    fn parse(value: &str) -> Option<Self> {
        match value {
            "revenue" => Some(Pick::Revenue),
            "spend" => Some(Pick::Spend),
            id => id.parse().ok().map(|id| Pick::Stage(StageId(id))),
        }
    }
}

/// "Month by month": one series' target and result in each month, with the run rate still
/// needed in each month without a result.
#[component]
pub fn MonthPanel(tracked: Tracked) -> impl IntoView {
    // The series the menu offers, with their names; changes only when one comes or goes.
    let picks = Memo::new(move |_| {
        let mut picks: Vec<(Pick, String)> = tracked
            .stage_ids
            .get()
            .into_iter()
            .map(Pick::Stage)
            .zip(tracked.stage_names.get())
            .collect();
        let (has_revenue, has_spend) = tracked.standing.with(|standing| {
            standing.as_ref().map_or((false, false), |standing| {
                (standing.revenue.is_some(), standing.spend.is_some())
            })
        });
        if has_revenue {
            picks.push((Pick::Revenue, t(Key::RevenueColumn).to_owned()));
        }
        if has_spend {
            picks.push((Pick::Spend, t(Key::SpendColumn).to_owned()));
        }
        picks
    });
    // The series chosen, if still offered; the customers by default.
    let chosen = RwSignal::new(None::<Pick>);
    let shown = Memo::new(move |_| {
        picks.with(|picks| {
            chosen
                .get()
                .and_then(|pick| picks.iter().position(|(offered, _)| *offered == pick))
                .unwrap_or(tracked.stage_ids.with(Vec::len).saturating_sub(1))
        })
    });
    let options = move || {
        picks
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (pick, name))| {
                view! { <option value=pick.value() selected=move || shown.get() == index>{name}</option> }
            })
            .collect_view()
    };
    let chart = Memo::new(move |_| {
        let names = tracked.stage_names.get();
        let index = shown.get();
        tracked.standing.with(|standing| {
            let all = series(standing.as_ref()?, &names);
            let (name, _, series) = all.get(index)?;
            tracked.months.with(|months| {
                tracked
                    .narrow_months
                    .with(|narrow| Some(month_chart(series, name, narrow, months)))
            })
        })
    });
    let table = Memo::new(move |_| {
        let names = tracked.stage_names.get();
        let index = shown.get();
        tracked.standing.with(|standing| {
            let all = series(standing.as_ref()?, &names);
            let (name, kind, series) = all.get(index)?;
            tracked
                .months
                .with(|months| Some(month_table(name, *kind, series, months)))
        })
    });
    view! {
        <section class="card" aria-labelledby="month-heading" hidden=move || tracked.standing.with(Option::is_none)>
            <h2 id="month-heading">{t(Key::MonthHeading)}</h2>
            <div class="field inline">
                <label for="month-series">{t(Key::MonthSeriesLabel)}</label>
                <select id="month-series" on:change=move |ev| chosen.set(Pick::parse(&event_target_value(&ev)))>
                    {options}
                </select>
            </div>
            {live_chart(chart)}
            {live_table(table)}
        </section>
    }
}

/// One series month by month: its target, its result and the share reached, and the run rate
/// still needed in each month without a result.
fn month_table(name: &str, kind: Kind, series: &Standing, months: &[String]) -> Table {
    let run_rate = series.run_rate();
    let rows = months
        .iter()
        .enumerate()
        .map(|(month, label)| {
            let target = series
                .monthly_target
                .get(month)
                .copied()
                .unwrap_or_default();
            let actual = series.actual.get(month).copied().flatten();
            let needed_now = run_rate.filter(|_| actual.is_none());
            Row::new(
                label.clone(),
                vec![
                    Cell::figure(kind.target(target), target),
                    actual.map_or_else(
                        || Cell::text(t(Key::NotEntered)),
                        |actual| Cell::figure(kind.actual(actual), actual),
                    ),
                    series.month_reached(month).map_or_else(
                        || Cell::text(String::new()),
                        |reached| Cell::figure(share(reached), reached),
                    ),
                    needed_now.map_or_else(
                        || Cell::text(String::new()),
                        |rate| Cell::figure(kind.target(rate), rate),
                    ),
                ],
            )
        })
        .collect();
    Table {
        id: "month-caption",
        caption: tf(Key::MonthCaption, &[("name", name)]),
        columns: [
            Key::MonthColumn,
            Key::TargetColumn,
            Key::ActualColumn,
            Key::ReachedColumn,
            Key::RunRateColumn,
        ]
        .map(|key| t(key).to_owned())
        .to_vec(),
        rows,
    }
}

/// "Conversion achieved": each rate, month by month and to date, beside the plan's.
#[component]
pub fn ConversionPanel(tracked: Tracked) -> impl IntoView {
    let chart = tracked.figure(|standing, names| {
        let steps: Vec<String> = standing
            .conversions
            .iter()
            .map(|conversion| step_name(names, conversion.from))
            .collect();
        conversion_chart(standing, &steps)
    });
    let table = Memo::new(move |_| {
        tracked.stage_names.with(|names| {
            tracked.months.with(|months| {
                tracked.standing.with(|standing| {
                    standing
                        .as_ref()
                        .map(|standing| conversion_table(standing, names, months))
                })
            })
        })
    });
    view! {
        <section class="card" aria-labelledby="conversion-heading" hidden=move || tracked.standing.with(Option::is_none)>
            <h2 id="conversion-heading">{t(Key::ConversionHeading)}</h2>
            {live_chart(chart)}
            {live_table(table)}
            <p class="note">{t(Key::ConversionNote)}</p>
        </section>
    }
}

/// "Leads → MQLs": the step from the stage at `from` to the next.
fn step_name(names: &[String], from: usize) -> String {
    tf(
        Key::StepName,
        &[
            ("from", names.get(from).map_or("", String::as_str)),
            ("to", names.get(from + 1).map_or("", String::as_str)),
        ],
    )
}

/// Each rate: the plan's, each month's up to the last month with a result, and to date.
fn conversion_table(standing: &YearStanding, names: &[String], months: &[String]) -> Table {
    let shown_months = standing.last.map_or(0, |last| last + 1);
    let rows = standing
        .conversions
        .iter()
        .map(|conversion| {
            let mut cells = vec![Cell::figure(
                percent(conversion.planned.percent()),
                conversion.planned.fraction(),
            )];
            cells.extend(conversion.by_month.iter().take(shown_months).map(|rate| {
                rate.map_or_else(
                    || Cell::text(t(Key::NotEntered)),
                    |rate| Cell::figure(share(rate), rate),
                )
            }));
            cells.push(conversion.to_date().map_or_else(
                || Cell::text(t(Key::NotEntered)),
                |rate| Cell::figure(share(rate), rate),
            ));
            Row::new(step_name(names, conversion.from), cells)
        })
        .collect();
    let mut columns = vec![
        t(Key::StepColumn).to_owned(),
        t(Key::PlannedColumn).to_owned(),
    ];
    columns.extend(months.iter().take(shown_months).cloned());
    columns.push(t(Key::ToDateColumn).to_owned());
    Table {
        id: "conversion-caption",
        caption: t(Key::ConversionCaption).to_owned(),
        columns,
        rows,
    }
}

/// "Quarter by quarter": each quarter's targets, results and % reached, and the focus areas the
/// team writes for it.
#[component]
pub fn QuarterPanel(tracked: Tracked) -> impl IntoView {
    let draft = tracked.draft;
    let quarter_name = move |quarter: usize| {
        tracked.months.with(|months| {
            tf(
                Key::QuarterName,
                &[
                    ("number", &(quarter + 1).to_string()),
                    ("first", months.get(quarter * 3).map_or("", String::as_str)),
                    (
                        "last",
                        months.get(quarter * 3 + 2).map_or("", String::as_str),
                    ),
                ],
            )
        })
    };
    let table = tracked.figure(quarter_table);
    let focus = (0..QUARTERS)
        .map(|quarter| {
            let inputs = (0..FOCUS_PER_QUARTER)
                .map(|slot| {
                    let id = format!("focus-{quarter}-{slot}");
                    let value = move || {
                        draft.with(|draft| {
                            draft
                                .tracking
                                .focus
                                .get(quarter)
                                .and_then(|slots| slots.get(slot))
                                .cloned()
                                .unwrap_or_default()
                        })
                    };
                    let on_input = move |ev: leptos::ev::Event| {
                        let text = event_target_value(&ev);
                        draft.update(|draft| {
                            if let Some(field) = draft
                                .tracking
                                .focus
                                .get_mut(quarter)
                                .and_then(|slots| slots.get_mut(slot))
                            {
                                *field = text;
                            }
                        });
                    };
                    let label = tf(
                        Key::FocusLabel,
                        &[("number", &(slot + 1).to_string()), ("quarter", &(quarter + 1).to_string())],
                    );
                    view! {
                        <div class="field">
                            <label for=id.clone()>{label}</label>
                            <input id=id type="text" autocomplete="off" prop:value=value on:input=on_input placeholder=t(Key::FocusPlaceholder) />
                            <span class="print-value">{value}</span>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="focus">
                    <legend>{move || quarter_name(quarter)}</legend>
                    {inputs}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="quarters-heading">
            <h2 id="quarters-heading">{t(Key::QuartersHeading)}</h2>
            {live_table(table)}
            <h3>{t(Key::FocusHeading)}</h3>
            <p class="note">{t(Key::FocusIntro)}</p>
            <div class="focus-grid">{focus}</div>
        </section>
    }
}

/// Each series' quarters: the result against the target and the share reached, or the target
/// alone before any result.
fn quarter_table(standing: &YearStanding, names: &[String]) -> Table {
    let rows = series(standing, names)
        .into_iter()
        .map(|(name, kind, series)| {
            let cells = series
                .quarters
                .iter()
                .map(|quarter| match (quarter.actual, quarter.reached()) {
                    (Some(actual), reached) => Cell::figure(
                        tf(
                            Key::QuarterCell,
                            &[
                                ("actual", &kind.actual(actual)),
                                ("target", &kind.target(quarter.target)),
                                ("reached", &reached.map(share).unwrap_or_default()),
                                ("months", &quarter.months_entered.to_string()),
                            ],
                        ),
                        actual,
                    ),
                    (None, _) => Cell::figure(
                        tf(
                            Key::QuarterTargetOnly,
                            &[("target", &kind.target(quarter.target))],
                        ),
                        quarter.target,
                    ),
                })
                .collect();
            Row::new(name, cells)
        })
        .collect();
    let mut columns = vec![t(Key::StageColumn).to_owned()];
    columns.extend(
        (0..QUARTERS)
            .map(|quarter| tf(Key::QuarterShort, &[("number", &(quarter + 1).to_string())])),
    );
    Table {
        id: "quarters-caption",
        caption: t(Key::QuartersCaption).to_owned(),
        columns,
        rows,
    }
}
