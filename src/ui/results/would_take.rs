//! "What it would take": from the results entered (or, before any, the volume typed in the Plan
//! page's forward check), what the plan brings each month against what the goal needs, and what
//! each lever alone would have to reach, marked against the typical range and last year.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::industry_and_last_year;
use crate::model::number::{needed_at, shown_decimals};
use crate::model::results::would_take::{
    knowns, Basis, Knowns, Lever, Mark, Outlook, Standpoint, Take,
};
use crate::model::{csv, to_percent};
use crate::ui::browser::{download, file_stem};
use crate::ui::results::Tracked;
use crate::ui::state::Checked;
use crate::ui::table::{live_table, Cell, Row, Table};
use crate::ui::text::{count, decimal, lang, money, money_needed, needed, percent, t, tf};

/// What the panel shows: its sentences (one paragraph), its table and its arithmetic.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    lines: Vec<String>,
    table: Option<Table>,
    how: Vec<String>,
}

/// A percent that must be reached, rounded up: 1.5783 % → "1.58%".
fn percent_needed(value: f64) -> String {
    percent(needed_at(value, shown_decimals(value, 2)))
}

fn mark_text(mark: Mark) -> &'static str {
    t(match mark {
        Mark::Typical => Key::MarkTypical,
        Mark::WithinLastYear => Key::MarkWithinLastYear,
        Mark::Unknown => Key::MarkUnknown,
        Mark::AboveLastYear => Key::MarkAboveLastYear,
        Mark::Unlikely => Key::MarkUnlikely,
        Mark::Impossible => Key::MarkImpossible,
    })
}

/// Shows the goal's measure: revenue, or a count of `customers` (a figure to reach rounded up).
fn measure(standpoint: &Standpoint, value: f64, is_needed: bool, customers: &str) -> String {
    match (standpoint.revenue_per_customer.is_some(), is_needed) {
        (true, true) => money_needed(value),
        (true, false) => money(value),
        (false, true) => format!("{} {customers}", needed(value)),
        (false, false) => format!("{} {customers}", count(value)),
    }
}

/// The sentences saying where the plan stands and how it compares with the goal.
fn lines(standpoint: Option<&Standpoint>, outlook: &Outlook, names: &[String]) -> Vec<String> {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    let customers = name(names.len().saturating_sub(1));
    let mut lines = Vec::new();
    if let Some(standpoint) = standpoint {
        let yielded = measure(standpoint, standpoint.yield_per_month(), false, customers);
        let needs = measure(standpoint, standpoint.needed_per_month, true, customers);
        lines.push(match standpoint.basis {
            Basis::Results { months, by_revenue } => {
                // The row whose months without a result are the months left.
                let row = if by_revenue {
                    t(Key::RevenueColumn)
                } else {
                    customers
                };
                tf(
                    Key::TakeFromResults,
                    &[
                        ("top", name(0)),
                        ("months", &months.to_string()),
                        ("yield", &yielded),
                        ("row", row),
                        ("left", &standpoint.months_left.to_string()),
                        ("needed", &needs),
                    ],
                )
            }
            Basis::ForwardCheck => tf(
                Key::TakeFromForward,
                &[
                    ("volume", &count(standpoint.top_per_month)),
                    ("top", name(0)),
                    ("yield", &yielded),
                    ("needed", &needs),
                ],
            ),
        });
    }
    lines.push(match (outlook, standpoint) {
        (Outlook::Reached, _) => t(Key::TakeReached).to_owned(),
        (Outlook::YearOver, _) => t(Key::TakeYearOver).to_owned(),
        (Outlook::Ahead { ahead_by, .. }, _) => tf(
            Key::TakeAhead,
            &[("ahead", &percent(to_percent(*ahead_by)))],
        ),
        (Outlook::Short { gap, .. }, Some(standpoint)) => tf(
            Key::TakeShort,
            &[("gap", &measure(standpoint, *gap, true, customers))],
        ),
        (Outlook::Short { .. }, None) => String::new(),
    });
    lines
}

/// One lever's row: what it would take, what it is now, the change and how realistic it is.
fn lever_row(
    standpoint: &Standpoint,
    knowns: &Knowns,
    (lever, take): (Lever, Take),
    names: &[String],
) -> Row {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    let header = match lever {
        Lever::Top => tf(Key::LeakTopName, &[("stage", name(0))]),
        Lever::Rate { from } => tf(
            Key::StepName,
            &[("from", name(from)), ("to", name(from + 1))],
        ),
        Lever::RevenuePerCustomer => t(Key::TakeRevenueLever).to_owned(),
        Lever::AllRates => t(Key::TakeAllRates).to_owned(),
    };
    let show = |value: f64, is_needed: bool| match lever {
        Lever::Top if is_needed => needed(value),
        Lever::Top => count(value),
        Lever::Rate { .. } if is_needed => percent_needed(to_percent(value)),
        Lever::Rate { .. } => percent(to_percent(value)),
        Lever::RevenuePerCustomer if is_needed => money_needed(value),
        Lever::RevenuePerCustomer => money(value),
        // "×" and "+" read the same in the four languages.
        Lever::AllRates => format!("× {}", decimal(needed_at(value, 4), 4)),
    };
    let now = match lever {
        Lever::Top => standpoint.top_per_month,
        Lever::Rate { from } => standpoint.rates.get(from).copied().unwrap_or_default(),
        Lever::RevenuePerCustomer => standpoint.revenue_per_customer.unwrap_or_default(),
        Lever::AllRates => 1.0,
    };
    // A rate's figure is its percent, as in every table (and the CSV: 40 for 40 %, without the
    // binary noise of × 100).
    let value = |value: f64| match lever {
        Lever::Rate { .. } => csv::percent(value),
        _ => value,
    };
    let needed_cell = match take {
        Take::Needs { needed, .. } => Cell::figure(show(needed, true), value(needed)),
        Take::PastAll => Cell::text(t(Key::TakePastAll)),
        Take::NothingFlows => Cell::text(t(Key::TakeNothingFlows)),
    };
    let change_cell = match take.change() {
        Some(change) => Cell::figure(
            format!("+{}", percent_needed(to_percent(change))),
            csv::percent(change),
        ),
        None => Cell::text(""),
    };
    let mark = knowns.mark(standpoint, lever, take);
    Row::new(
        header,
        vec![
            needed_cell,
            Cell::figure(show(now, false), value(now)),
            change_cell,
            Cell::text(mark_text(mark)),
        ],
    )
}

/// The arithmetic, with this plan's figures: what each month needs and what the plan brings;
/// short of the goal (`is_short`) with something brought, what every lever is multiplied by.
fn how(standpoint: &Standpoint, is_short: bool, names: &[String]) -> Vec<String> {
    let customers = names.last().map_or("", String::as_str);
    let rates = standpoint
        .rates
        .iter()
        .map(|rate| percent(to_percent(*rate)))
        .collect::<Vec<_>>()
        .join(" × ");
    let yielded = standpoint.yield_per_month();
    let top = count(standpoint.top_per_month);
    let yield_how = match standpoint.revenue_per_customer {
        Some(average) => tf(
            Key::HowTakeYieldRevenue,
            &[
                ("top", &top),
                ("rates", &rates),
                ("average", &money(average)),
                ("yield", &money(yielded)),
            ],
        ),
        None => tf(
            Key::HowTakeYield,
            &[("top", &top), ("rates", &rates), ("yield", &count(yielded))],
        ),
    };
    let needed = measure(standpoint, standpoint.needed_per_month, true, customers);
    let mut lines = vec![tf(
        Key::HowTakeBrings,
        &[("needed", &needed), ("yield_how", &yield_how)],
    )];
    if let Some(times) = standpoint.times().filter(|_| is_short) {
        let times = decimal(needed_at(times, 4), 4);
        lines.push(tf(
            Key::HowTakeLevers,
            &[
                ("times", &times),
                ("count", &standpoint.rates.len().to_string()),
            ],
        ));
    }
    lines
}

/// The "What it would take" panel.
#[component]
pub fn WouldTakePanel(tracked: Tracked, checked: Checked) -> impl IntoView {
    let shown = Memo::new(move |_| {
        let (draft, ids, names) = (
            tracked.draft,
            tracked.stage_ids.get(),
            tracked.stage_names.get(),
        );
        checked.with(|checked| {
            let plan = checked.as_ref().ok()?;
            let from_results = tracked.standing.with(|standing| {
                standing
                    .as_ref()
                    .and_then(|standing| Standpoint::from_results(plan, standing))
            });
            // Results without the top stage's: nothing to start from (the forward check's volume
            // is not this year's).
            let has_results = tracked.standing.with(|standing| {
                standing
                    .as_ref()
                    .is_some_and(|standing| standing.last.is_some())
            });
            let (standpoint, outlook) = match from_results {
                Some(Ok(standpoint)) => {
                    let outlook = standpoint.outlook();
                    (Some(standpoint), outlook)
                }
                Some(Err(outlook)) => (None, outlook),
                None if has_results => return None,
                None => {
                    let current = draft.with(|d| d.current_top(d.typed_in.symbols()))?.ok()?;
                    let standpoint = Standpoint::forward_check(plan, current);
                    let outlook = standpoint.outlook();
                    (Some(standpoint), outlook)
                }
            };
            let table = match (&outlook, &standpoint) {
                (Outlook::Short { levers, .. }, Some(standpoint)) => {
                    let (industry, last_year) =
                        draft.with(|draft| industry_and_last_year(draft, &ids));
                    let knowns = knowns(industry, &last_year, ids.len());
                    Some(Table {
                        id: "take-caption",
                        caption: t(Key::TakeCaption).to_owned(),
                        columns: [
                            Key::TakeLever,
                            Key::TakeNeeded,
                            Key::TakeNow,
                            Key::TakeChangeColumn,
                            Key::TakeMarkColumn,
                        ]
                        .into_iter()
                        .map(|key| t(key).to_owned())
                        .collect(),
                        rows: levers
                            .iter()
                            .map(|lever| lever_row(standpoint, &knowns, *lever, &names))
                            .collect(),
                    })
                }
                _ => None,
            };
            Some(Shown {
                lines: lines(standpoint.as_ref(), &outlook, &names),
                table,
                how: standpoint.as_ref().map_or_else(Vec::new, |standpoint| {
                    how(standpoint, matches!(outlook, Outlook::Short { .. }), &names)
                }),
            })
        })
    });
    let table = Memo::new(move |_| shown.with(|shown| shown.as_ref()?.table.clone()));
    let how_text = move || shown.with(|shown| shown.as_ref().map(|shown| shown.how.clone()));
    // Where the plan stands and how it compares, or what it needs to say so.
    let summary = move || {
        shown.with(|shown| match shown {
            Some(shown) => shown.lines.join(" "),
            None => tracked.stage_names.with(|names| {
                let top = names.first().map_or("", String::as_str);
                tf(Key::TakeNone, &[("top", top)])
            }),
        })
    };
    // The panel as a CSV file: its heading, its sentences one per row, then its table (figures in
    // full precision).
    let save = move |_| {
        let Some(shown) = shown.get_untracked() else {
            return;
        };
        let mut rows = vec![vec![csv::Cell::Text(t(Key::TakeHeading).to_owned())]];
        rows.extend(
            shown
                .lines
                .into_iter()
                .map(|line| vec![csv::Cell::Text(line)]),
        );
        if let Some(table) = shown.table {
            rows.push(Vec::new());
            rows.extend(table.csv_rows());
        }
        let stem = tracked
            .draft
            .with_untracked(|draft| file_stem(&draft.name, t(Key::ExportOneStem)));
        download(
            &format!("{stem}-{}.csv", t(Key::TakeFileSuffix)),
            "text/csv;charset=utf-8",
            &csv::file(&rows, lang()),
        );
    };
    view! {
        <section class="card" aria-labelledby="take-heading" hidden=move || tracked.standing.with(Option::is_none)>
            <h2 id="take-heading">{t(Key::TakeHeading)}</h2>
            <p class="take-summary">{summary}</p>
            {live_table(table)}
            <div class="actions" hidden=move || shown.with(Option::is_none)>
                <button type="button" on:click=save>{t(Key::DownloadTakeCsv)}</button>
            </div>
            <details class="how" hidden=move || how_text().is_none_or(|how| how.is_empty())>
                <summary>{t(Key::HowHeading)}</summary>
                <p>{move || how_text().map(|how| how.join(" "))}</p>
                <p>{t(Key::HowTakeKnown)}</p>
            </details>
        </section>
    }
}
