//! Which rates matter most. In a funnel that multiplies its rates, 10 % better at any stage is
//! 10 % more customers, so the page says so and ranks the rates by what can move them instead:
//! the headroom to the top of each rate's typical range (the industry of the annual plan) or to
//! last year's rate, and a tornado over the ranges typed for the odds.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::industry_and_last_year;
use crate::model::benchmarks::{default_steps, range};
use crate::model::forecast::scenarios::cost_per_customer;
use crate::model::forecast::sensitivity::{headroom, tornado, Better, Candidate, Input, Swing};
use crate::model::to_percent;
use crate::ui::forecast::odds::at;
use crate::ui::forecast::Forecast;
use crate::ui::table::{live_table, Cell, Row, Table};
use crate::ui::text::{count, money, percent, t, tf};

/// The Sensitivity panel.
#[component]
pub fn SensitivityPanel(forecast: Forecast) -> impl IntoView {
    // The plan's customers per year, average revenue and rates (fractions), while it is valid.
    let base = Memo::new(move |_| {
        forecast.checked.with(|checked| {
            checked.as_ref().ok().map(|plan| {
                let rates: Vec<f64> = plan.funnel.rates().iter().map(|r| r.fraction()).collect();
                (
                    plan.customers_per_year(),
                    plan.average_revenue_per_customer,
                    rates,
                )
            })
        })
    });
    let headroom_table = Memo::new(move |_| {
        let (customers, average, rates) = base.get()?;
        let ids = forecast.stage_ids.get();
        // The annual plan's industry and last year's rates, when it has them.
        let (industry, last_year) = forecast.draft.with(|draft| {
            let (industry, last_year) = industry_and_last_year(draft, &ids);
            let rates: Vec<Option<f64>> = last_year.rates().into_iter().map(Result::ok).collect();
            (industry, rates)
        });
        let steps = default_steps(ids.len());
        let mut candidates = Vec::new();
        for (stage, current) in rates.iter().enumerate() {
            if let Some(top) = steps
                .get(stage)
                .copied()
                .flatten()
                .and_then(|step| range(step, industry))
            {
                candidates.push(Candidate {
                    stage,
                    current: *current,
                    better: top.high,
                    source: Better::BenchmarkTop,
                });
            }
            if let Some(Some(last)) = last_year.get(stage) {
                candidates.push(Candidate {
                    stage,
                    current: *current,
                    better: *last,
                    source: Better::LastYear,
                });
            }
        }
        let cac = forecast.draft.with(cost_per_customer);
        let gains = headroom(customers, average, cac, &candidates);
        if gains.is_empty() {
            return None;
        }
        let rows = gains
            .iter()
            .map(|gain| {
                let source = match gain.source {
                    Better::BenchmarkTop => t(Key::BetterBenchmark),
                    Better::LastYear => t(Key::BetterLastYear),
                };
                let optional_money = |value: Option<f64>| match value {
                    Some(value) => Cell::figure(money(value), value),
                    None => Cell::text(t(Key::HeadroomUnknown)),
                };
                Row::new(
                    forecast.step(gain.stage),
                    vec![
                        Cell::figure(percent(to_percent(gain.current)), to_percent(gain.current)),
                        Cell::figure(percent(to_percent(gain.better)), to_percent(gain.better)),
                        Cell::text(source),
                        Cell::figure(count(gain.customers_gained), gain.customers_gained),
                        optional_money(gain.revenue_gained),
                        optional_money(gain.cost_at_current_cac),
                    ],
                )
            })
            .collect();
        Some(Table {
            id: "headroom-caption",
            caption: t(Key::HeadroomCaption).to_owned(),
            columns: [
                Key::HeadroomStep,
                Key::HeadroomPlanned,
                Key::HeadroomBetter,
                Key::HeadroomSource,
                Key::HeadroomCustomers,
                Key::HeadroomRevenue,
                Key::HeadroomCost,
            ]
            .into_iter()
            .map(|key| t(key).to_owned())
            .collect(),
            rows,
        })
    });
    let swings = Memo::new(move |_| {
        let (customers, average, _) = base.get()?;
        let ranges = forecast.ranges.get();
        let mut inputs: Vec<(Input, f64, f64, f64)> = ranges
            .rates
            .iter()
            .enumerate()
            .filter(|(_, spread)| !spread.is_fixed())
            .map(|(index, spread)| (Input::Rate(index), spread.low, spread.mode, spread.high))
            .collect();
        if let Some(spread) = ranges.average_revenue.filter(|spread| !spread.is_fixed()) {
            inputs.push((Input::AverageRevenue, spread.low, spread.mode, spread.high));
        }
        let swings = tornado(customers, average, &inputs);
        (!swings.is_empty()).then_some((swings, customers))
    });
    let input_name = move |input: Input| match input {
        Input::Rate(index) => tf(Key::TornadoRate, &[("step", &forecast.step(index))]),
        Input::AverageRevenue => t(Key::TornadoRevenue).to_owned(),
    };
    let tornado_table = Memo::new(move |_| {
        swings.with(|swings| {
            swings.as_ref().map(|(swings, _)| {
                let rows = swings
                    .iter()
                    .map(|swing| {
                        let (low, high) = match swing.input {
                            Input::Rate(_) => (
                                percent(to_percent(swing.low)),
                                percent(to_percent(swing.high)),
                            ),
                            Input::AverageRevenue => (money(swing.low), money(swing.high)),
                        };
                        let mut cells = vec![
                            Cell::text(tf(Key::TornadoRange, &[("low", &low), ("high", &high)])),
                            Cell::figure(count(swing.customers_low), swing.customers_low),
                            Cell::figure(count(swing.customers_high), swing.customers_high),
                        ];
                        if let (Some(low), Some(high)) = (swing.revenue_low, swing.revenue_high) {
                            cells.push(Cell::figure(money(low), low));
                            cells.push(Cell::figure(money(high), high));
                        }
                        Row::new(input_name(swing.input), cells)
                    })
                    .collect();
                let has_revenue = swings.iter().any(|swing| swing.revenue_low.is_some());
                let mut columns = vec![
                    Key::TornadoInput,
                    Key::TornadoRangeColumn,
                    Key::TornadoCustomersLow,
                    Key::TornadoCustomersHigh,
                ];
                if has_revenue {
                    columns.extend([Key::TornadoRevenueLow, Key::TornadoRevenueHigh]);
                }
                Table {
                    id: "tornado-caption",
                    caption: t(Key::TornadoCaption).to_owned(),
                    columns: columns.into_iter().map(|key| t(key).to_owned()).collect(),
                    rows,
                }
            })
        })
    });
    let chart = move || {
        swings.with(|swings| {
            swings
                .as_ref()
                .map(|(swings, customers)| tornado_chart(swings, *customers, &input_name))
        })
    };
    let no_ranges = move || {
        (swings.with(Option::is_none) && base.with(Option::is_some))
            .then(|| view! { <p class="hint">{t(Key::TornadoNeedsRange)}</p> })
    };
    let no_headroom = move || {
        (headroom_table.with(Option::is_none) && base.with(Option::is_some))
            .then(|| view! { <p class="hint">{t(Key::HeadroomNone)}</p> })
    };
    view! {
        <section class="card sensitivity" aria-labelledby="sensitivity-heading">
            <h2 id="sensitivity-heading">{t(Key::SensitivityHeading)}</h2>
            <p class="note">{t(Key::SensitivityTenPercent)}</p>
            <h3>{t(Key::HeadroomHeading)}</h3>
            <p>{t(Key::HeadroomIntro)}</p>
            {no_headroom}
            {live_table(headroom_table)}
            <h3>{t(Key::TornadoHeading)}</h3>
            <p>{t(Key::TornadoIntro)}</p>
            {no_ranges}
            {chart}
            {live_table(tornado_table)}
        </section>
    }
}

/// Chart width, one bar's height and the room for the inputs' names, in SVG units.
const WIDTH: f64 = 400.0;
const BAR: f64 = 22.0;
const NAMES: f64 = 150.0;

/// The tornado as an SVG chart: a bar per input from its customers at low to those at high,
/// widest first, around a line at the plan's customers.
fn tornado_chart(
    swings: &[Swing],
    customers: f64,
    name: &dyn Fn(Input) -> String,
) -> impl IntoView {
    let low = swings
        .iter()
        .map(|swing| swing.customers_low.min(swing.customers_high))
        .fold(customers, f64::min);
    let high = swings
        .iter()
        .map(|swing| swing.customers_low.max(swing.customers_high))
        .fold(customers, f64::max);
    let span = (high - low).max(f64::MIN_POSITIVE);
    let x = move |value: f64| NAMES + (value - low) / span * (WIDTH - NAMES - 4.0);
    let height = BAR * swings.len() as f64 + 20.0;
    let bars = swings
        .iter()
        .enumerate()
        .map(|(index, swing)| {
            let y = index as f64 * BAR + 4.0;
            let (from, to) = (
                swing.customers_low.min(swing.customers_high),
                swing.customers_low.max(swing.customers_high),
            );
            let label = name(swing.input);
            view! {
                <text class="axis" x=at(NAMES - 4.0) y=at(y + BAR * 0.6) text-anchor="end">{label.clone()}</text>
                <rect class="bar" x=at(x(from)) y=at(y) width=at((x(to) - x(from)).max(1.0)) height=at(BAR - 6.0)>
                    <title>{format!("{label}: {} – {}", count(from), count(to))}</title>
                </rect>
            }
        })
        .collect_view();
    let label = tf(Key::TornadoChartLabel, &[("customers", &count(customers))]);
    view! {
        <figure class="chart tornado">
            <svg viewBox=format!("0 0 {} {}", at(WIDTH), at(height)) role="img" aria-label=label.clone()>
                {bars}
                <line class="goal-line" x1=at(x(customers)) x2=at(x(customers)) y1="0" y2=at(height - 16.0) />
                <text class="axis" x=at(NAMES) y=at(height - 4.0)>{count(low)}</text>
                <text class="axis" x=at(WIDTH) y=at(height - 4.0) text-anchor="end">{count(high)}</text>
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}
