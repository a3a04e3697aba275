//! The odds of reaching the goal: a low–high range around each rate and the average revenue, a
//! seed, and a Monte Carlo run of 100,000 trials from the planned top-of-funnel volume, in
//! chunks between frames (with a progress bar) so typing is never blocked, re-run a moment after
//! the inputs stop changing. It shows the probability of reaching the goal, P10 / P50 / P90 of
//! customers and revenue, and a histogram (an SVG chart with the same figures as a table).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::decimal::fixed;
use crate::model::forecast::draft::{ForecastField, MAX_SEED};
use crate::model::forecast::odds::{Bin, OddsInput, OddsSummary, Simulation};
use crate::model::to_percent;
use crate::ui::forecast::Forecast;
use crate::ui::table::{live_table, Cell, Row, Table};
use crate::ui::text::{count, decimal, money, needed, percent, t, tf};

/// Trials per run.
pub const TRIALS: u32 = 100_000;
/// Trials per step: well under a millisecond of work.
const STEP: u32 = 2_000;
/// How long a chunk of steps may take before the page gets the main thread back, in ms (< 10).
const SLICE_MS: f64 = 6.0;
/// How long the inputs must rest before a run starts.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The run's input, or `None` while the plan or a range has a problem, or no input has a range.
fn odds_input(forecast: Forecast) -> Option<OddsInput> {
    let seed = forecast
        .data
        .read
        .with(|read| read.as_ref().ok().map(|f| f.seed()))?
        .ok()?;
    if forecast.blocker(ForecastField::feeds_odds).is_some() {
        return None;
    }
    let top_per_year = forecast.targets.with(|targets| match targets {
        Some(Ok(targets)) => targets.top().map(|top| top.per_year),
        _ => None,
    })?;
    forecast.checked.with(|checked| {
        let plan = checked.as_ref().ok()?;
        OddsInput::for_plan(
            &plan.goal,
            top_per_year,
            forecast.ranges.get(),
            TRIALS,
            seed,
        )
    })
}

/// The state of the current run (its result is in the panel's `shown`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Run {
    /// Done, or nothing to run (no input has a range, or an input has a problem).
    Idle,
    /// Running: the fraction done.
    Running(f64),
}

/// Runs the simulation in slices of about [`SLICE_MS`], one per turn of the event loop (typing
/// is never blocked longer), while `generation` is still `mine`; reports progress and the
/// result in `run` and `shown`.
fn run_in_chunks(
    simulation: Rc<RefCell<Simulation>>,
    generation: Rc<RefCell<u64>>,
    mine: u64,
    run: RwSignal<Run>,
    shown: RwSignal<Option<OddsSummary>>,
) {
    if *generation.borrow() != mine {
        return;
    }
    let started = js_sys::Date::now();
    let mut is_finished = false;
    while !is_finished && js_sys::Date::now() - started < SLICE_MS {
        is_finished = simulation.borrow_mut().run(STEP);
    }
    if is_finished {
        shown.set(simulation.borrow().summary());
        run.set(Run::Idle);
    } else {
        run.set(Run::Running(simulation.borrow().progress()));
        set_timeout(
            move || run_in_chunks(simulation, generation, mine, run, shown),
            Duration::ZERO,
        );
    }
}

/// The "The odds of reaching the goal" panel.
#[component]
pub fn OddsPanel(forecast: Forecast) -> impl IntoView {
    let input = Memo::new(move |_| odds_input(forecast));
    let run = RwSignal::new(Run::Idle);
    // The last result stays on screen while a new run is under way.
    let shown = RwSignal::new(None::<OddsSummary>);
    let generation = Rc::new(RefCell::new(0_u64));
    Effect::new(move |_| {
        let input = input.get();
        let mine = {
            let mut current = generation.borrow_mut();
            *current += 1;
            *current
        };
        let Some(input) = input else {
            run.set(Run::Idle);
            shown.set(None);
            return;
        };
        run.set(Run::Running(0.0));
        let generation = generation.clone();
        set_timeout(
            move || {
                if *generation.borrow() != mine {
                    return;
                }
                match Simulation::new(input) {
                    Ok(simulation) => run_in_chunks(
                        Rc::new(RefCell::new(simulation)),
                        generation,
                        mine,
                        run,
                        shown,
                    ),
                    Err(_) => run.set(Run::Idle),
                }
            },
            DEBOUNCE,
        );
    });

    let range_fields = move || {
        let ids = forecast.stage_ids.get();
        let upper = ids.len().saturating_sub(1);
        let rates = ids
            .into_iter()
            .take(upper)
            .map(|id| {
                view! {
                    <div class="range-pair">
                        {forecast.labelled(ForecastField::Low(id), true)}
                        {forecast.labelled(ForecastField::High(id), true)}
                    </div>
                }
            })
            .collect_view();
        view! {
            {rates}
            <div class="range-pair">
                {forecast.labelled(ForecastField::RevenueLow, false)}
                {forecast.labelled(ForecastField::RevenueHigh, false)}
            </div>
        }
    };
    let new_seed = move |_| {
        let seed = (js_sys::Math::random() * MAX_SEED as f64).floor();
        forecast.edit(|f| f.seed = (seed as u64).to_string());
    };
    let progress = move || match run.get() {
        Run::Running(done) => Some(view! {
            <p class="running">
                <label for="odds-progress">{tf(Key::OddsRunning, &[("trials", &count(f64::from(TRIALS)))])}</label>
                " "
                <progress id="odds-progress" max="1" value=fixed(done, 3)></progress>
            </p>
        }),
        _ => None,
    };
    let headline = move || {
        shown.with(|summary| {
            summary.as_ref().map(|summary| {
                view! {
                    <p class="odds-headline">
                        {t(Key::OddsChance)} " "
                        <strong>{percent(to_percent(summary.probability))}</strong>
                    </p>
                    <p class="hint">
                        {tf(
                            Key::OddsAbout,
                            &[("trials", &count(f64::from(summary.trials))), ("seed", &summary.seed.to_string())],
                        )}
                    </p>
                }
            })
        })
    };
    // Why there are no odds: a field that stops them (named, with a link), else no range.
    let no_ranges = move || {
        if !input.with(Option::is_none) || forecast.checked.with(Result::is_err) {
            return None;
        }
        Some(match forecast.blocker(ForecastField::feeds_odds) {
            Some(field) => forecast.waits_for(field),
            None => view! { <p class="hint">{t(Key::OddsNeedsRange)}</p> }.into_any(),
        })
    };
    let percentiles =
        Memo::new(move |_| shown.with(|summary| summary.as_ref().map(percentile_table)));
    let histogram = Memo::new(move |_| shown.with(|summary| summary.as_ref().map(histogram_table)));
    let chart = move || shown.with(|summary| summary.as_ref().map(histogram_chart));
    view! {
        <section class="card odds" aria-labelledby="odds-heading">
            <h2 id="odds-heading">{t(Key::OddsHeading)}</h2>
            <p>{t(Key::OddsIntro)}</p>
            <fieldset class="ranges">
                <legend>{t(Key::RangesLegend)}</legend>
                <p class="hint">{t(Key::RangesHint)}</p>
                {range_fields}
            </fieldset>
            <div class="seed">
                {forecast.labelled(ForecastField::Seed, false)}
                <button type="button" on:click=new_seed>{t(Key::NewSeed)}</button>
            </div>
            {no_ranges}
            <div class="odds-results" aria-live="polite" aria-busy=move || matches!(run.get(), Run::Running(_)).to_string()>
                {progress}
                {headline}
            </div>
            {live_table(percentiles)}
            {chart}
            {live_table(histogram)}
        </section>
    }
}

/// P10 / P50 / P90 and the mean of customers and revenue.
fn percentile_table(summary: &OddsSummary) -> Table {
    let customers = summary.customers;
    let figures = |values: [f64; 4], show: fn(f64) -> String| {
        values
            .into_iter()
            .map(|value| Cell::figure(show(value), value))
            .collect::<Vec<_>>()
    };
    let mut rows = vec![Row::new(
        t(Key::OddsCustomersRow),
        figures(
            [customers.p10, customers.p50, customers.p90, customers.mean],
            count,
        ),
    )];
    if let Some(revenue) = summary.revenue {
        rows.push(Row::new(
            t(Key::OddsRevenueRow),
            figures([revenue.p10, revenue.p50, revenue.p90, revenue.mean], money),
        ));
    }
    Table {
        id: "percentiles-caption",
        caption: t(Key::PercentilesCaption).to_owned(),
        columns: [Key::OddsFigure, Key::P10, Key::P50, Key::P90, Key::OddsMean]
            .into_iter()
            .map(|key| t(key).to_owned())
            .collect(),
        rows,
    }
}

/// The decimals that tell the bins of `histogram` apart: none for bins 10 or more wide, one more
/// than the bin width's first significant digit below that (0.8 wide: 2, "10.4 – 11.2").
fn bin_decimals(histogram: &[Bin]) -> usize {
    let width = histogram.first().map_or(0.0, |bin| bin.to - bin.from);
    if width >= 10.0 || width <= 0.0 || !width.is_finite() {
        return 0;
    }
    ((-width.log10()).ceil().max(0.0) as usize + 1).min(6)
}

/// "12.5 – 13": a bin's customers per year, to `decimals` decimals.
fn bin_label(bin: &Bin, decimals: usize) -> String {
    tf(
        Key::BinLabel,
        &[
            ("from", &decimal(bin.from, decimals)),
            ("to", &decimal(bin.to, decimals)),
        ],
    )
}

/// The histogram as a table: each bin's trials and share of the trials.
fn histogram_table(summary: &OddsSummary) -> Table {
    let trials = f64::from(summary.trials.max(1));
    let decimals = bin_decimals(&summary.histogram);
    let rows = summary
        .histogram
        .iter()
        .map(|bin| {
            let share = to_percent(f64::from(bin.trials) / trials);
            Row::new(
                bin_label(bin, decimals),
                vec![
                    Cell::figure(count(f64::from(bin.trials)), f64::from(bin.trials)),
                    Cell::figure(percent(share), share),
                ],
            )
        })
        .collect();
    Table {
        id: "histogram-caption",
        caption: tf(
            Key::HistogramCaption,
            &[("goal", &needed(summary.goal_customers))],
        ),
        columns: [Key::HistogramBin, Key::HistogramTrials, Key::HistogramShare]
            .into_iter()
            .map(|key| t(key).to_owned())
            .collect(),
        rows,
    }
}

/// A coordinate of a chart, to a tenth of a unit.
pub fn at(value: f64) -> String {
    fixed(value, 1)
}

/// Chart width and height in SVG units.
const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 160.0;
/// Room at the bottom for the axis labels.
const AXIS: f64 = 18.0;

/// The histogram as an SVG bar chart, the goal marked by a dashed line; its figures are in the
/// table below it.
fn histogram_chart(summary: &OddsSummary) -> impl IntoView {
    let bins = &summary.histogram;
    let most = bins.iter().map(|bin| bin.trials).max().unwrap_or(1).max(1);
    let low = bins.first().map_or(0.0, |bin| bin.from);
    let high = bins.last().map_or(1.0, |bin| bin.to);
    let span = (high - low).max(f64::MIN_POSITIVE);
    let width = WIDTH / bins.len().max(1) as f64;
    let decimals = bin_decimals(bins);
    let bars = bins
        .iter()
        .enumerate()
        .map(|(index, bin)| {
            let height = (HEIGHT - AXIS) * f64::from(bin.trials) / f64::from(most);
            let is_reached = bin.from >= summary.goal_customers;
            view! {
                <rect
                    class=if is_reached { "bar reached" } else { "bar" }
                    x=at(index as f64 * width + 1.0)
                    y=at(HEIGHT - AXIS - height)
                    width=at((width - 2.0).max(1.0))
                    height=at(height)
                >
                    <title>{format!("{}: {}", bin_label(bin, decimals), count(f64::from(bin.trials)))}</title>
                </rect>
            }
        })
        .collect_view();
    let goal_x = ((summary.goal_customers - low) / span * WIDTH).clamp(0.0, WIDTH);
    let label = tf(
        Key::HistogramChartLabel,
        &[
            ("goal", &needed(summary.goal_customers)),
            ("chance", &percent(to_percent(summary.probability))),
        ],
    );
    view! {
        <figure class="chart histogram">
            <svg viewBox=format!("0 0 {} {}", at(WIDTH), at(HEIGHT)) role="img" aria-label=label.clone()>
                {bars}
                <line class="goal-line" x1=at(goal_x) x2=at(goal_x) y1="0" y2=at(HEIGHT - AXIS) />
                <text class="axis" x="0" y=at(HEIGHT - 4.0)>{count(low)}</text>
                <text class="axis" x=at(WIDTH) y=at(HEIGHT - 4.0) text-anchor="end">{count(high)}</text>
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}
