//! Charts drawn as inline SVG: the funnel (results to date against target, per stage), one
//! series by month with the run rate still needed, and the conversion achieved against the plan.
//! Each has a title and an accessible name; the panel shows the same figures in a table. The
//! drawing is 300 units wide and scales to its box, so it stays legible at 320 px; colours come
//! from the theme's variables (see `style/main.css`), in print too.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::tracking::standing::{Standing, YearStanding};
use crate::ui::results::standing::share;
use crate::ui::text::{t, tf};

/// The drawing's width, in SVG units.
const WIDTH: f64 = 300.0;

/// A bar's length: `value` of `scale` over the drawing's width, never negative or past it.
fn length(value: f64, scale: f64) -> String {
    let length = if scale > 0.0 {
        value / scale * WIDTH
    } else {
        0.0
    };
    format!("{:.1}", length.clamp(0.0, WIDTH))
}

fn at(value: f64) -> String {
    format!("{value:.1}")
}

/// The legend under a chart: what each mark means.
fn legend(items: Vec<(&'static str, Key)>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|(class, key)| {
            view! {
                <li>
                    <span class=format!("swatch {class}") aria-hidden="true"></span>
                    {t(key)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend">{items}</ul> }
}

/// A chart: the drawing, `height` units tall, named by its SVG title (`id`), the same title as
/// a visible caption (hidden from screen readers, which read the title once), and its legend.
fn chart(
    id: &'static str,
    title: String,
    height: f64,
    marks: impl IntoView,
    items: Vec<(&'static str, Key)>,
) -> impl IntoView {
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=id preserveAspectRatio="xMinYMin meet">
                <title id=id>{title.clone()}</title>
                {marks}
            </svg>
            <figcaption aria-hidden="true">{title}</figcaption>
            {legend(items)}
        </figure>
    }
}

/// Results to date as a share of the target to date, per stage: a bar for each, with the
/// target's mark.
pub fn funnel_chart(standing: &YearStanding, names: &[String]) -> impl IntoView {
    let paces: Vec<Option<f64>> = standing.stages.iter().map(Standing::pace).collect();
    // Up to twice the target fits; a bar beyond is cut at the edge, its figure still written.
    let scale = paces
        .iter()
        .flatten()
        .fold(1.0_f64, |max, pace| max.max(*pace))
        .min(2.0);
    let row = 34.0;
    let height = row * paces.len() as f64 + 4.0;
    let target_x = length(1.0, scale);
    let bars = paces
        .iter()
        .enumerate()
        .map(|(index, pace)| {
            let y = row * index as f64;
            let name = names.get(index).cloned().unwrap_or_default();
            let label = match pace {
                Some(pace) => tf(Key::ChartStagePace, &[("name", &name), ("pace", &share(*pace))]),
                None => tf(Key::ChartStageNone, &[("name", &name)]),
            };
            view! {
                <text x="0" y=at(y + 12.0) class="chart-label">{label}</text>
                <rect x="0" y=at(y + 16.0) width=target_x.clone() height="12" class="bar-target" />
                <rect x="0" y=at(y + 16.0) width=length(pace.unwrap_or(0.0), scale) height="12" class="bar-actual" />
            }
        })
        .collect_view();
    let target_mark =
        view! { <line x1=target_x.clone() x2=target_x y1="0" y2=at(height) class="target-mark" /> };
    chart(
        "funnel-chart-title",
        t(Key::FunnelChartTitle).to_owned(),
        height,
        (bars, target_mark),
        vec![
            ("target", Key::LegendTargetToDate),
            ("actual", Key::LegendActualToDate),
        ],
    )
}

/// One series month by month: the results as columns, the monthly target as a line, and the run
/// rate still needed over each month without a result as a dashed line.
pub fn month_chart(
    series: &Standing,
    name: &str,
    narrow: &[String],
    months: &[String],
) -> impl IntoView {
    let run_rate = series.run_rate();
    let top = series
        .monthly_target
        .iter()
        .copied()
        .chain(series.actual.iter().flatten().copied())
        .chain(run_rate)
        .fold(0.0_f64, f64::max);
    let scale = if top > 0.0 { top * 1.1 } else { 1.0 };
    let (plot, base) = (120.0, 130.0);
    let column = WIDTH / series.actual.len() as f64;
    let y = |value: f64| base - (value / scale * plot).clamp(0.0, plot);
    let columns = series
        .actual
        .iter()
        .enumerate()
        .map(|(month, actual)| {
            let x = column * month as f64;
            let bar = actual.map(|actual| {
                let top = y(actual);
                view! {
                    <rect x=at(x + column * 0.2) y=at(top) width=at(column * 0.6) height=at(base - top) class="bar-actual">
                        <title>{months.get(month).cloned().unwrap_or_default()}</title>
                    </rect>
                }
            });
            view! {
                {bar}
                <text x=at(x + column / 2.0) y=at(base + 14.0) class="chart-axis" text-anchor="middle">
                    {narrow.get(month).cloned().unwrap_or_default()}
                </text>
            }
        })
        .collect_view();
    let target_points: Vec<String> = series
        .monthly_target
        .iter()
        .enumerate()
        .flat_map(|(month, target)| {
            let x = column * month as f64;
            [
                format!("{},{}", at(x), at(y(*target))),
                format!("{},{}", at(x + column), at(y(*target))),
            ]
        })
        .collect();
    // The run rate still needed, over each month without a result.
    let pacing = run_rate.map(|rate| {
        series
            .actual
            .iter()
            .enumerate()
            .filter(|(_, actual)| actual.is_none())
            .map(|(month, _)| {
                let x = column * month as f64;
                view! { <line x1=at(x) x2=at(x + column) y1=at(y(rate)) y2=at(y(rate)) class="pacing-line" /> }
            })
            .collect_view()
    });
    let title = tf(Key::MonthChartTitle, &[("name", name)]);
    let mut items = vec![
        ("actual", Key::LegendActual),
        ("target-line", Key::LegendTarget),
    ];
    if pacing.is_some() {
        items.push(("pacing", Key::LegendRunRate));
    }
    let marks = view! {
        <line x1="0" x2=at(WIDTH) y1=at(base) y2=at(base) class="chart-base" />
        {columns}
        <polyline points=target_points.join(" ") class="target-line" />
        {pacing}
    };
    chart("month-chart-title", title, base + 20.0, marks, items)
}

/// The rate achieved to date between each pair of stages, beside the plan's.
pub fn conversion_chart(standing: &YearStanding, steps: &[String]) -> impl IntoView {
    let scale = standing
        .conversions
        .iter()
        .flat_map(|conversion| [Some(conversion.planned.fraction()), conversion.to_date()])
        .flatten()
        .fold(0.0_f64, f64::max);
    let row = 44.0;
    let height = row * standing.conversions.len() as f64 + 4.0;
    let bars = standing
        .conversions
        .iter()
        .enumerate()
        .map(|(index, conversion)| {
            let y = row * index as f64;
            let planned = conversion.planned.fraction();
            let achieved = conversion.to_date();
            let label = tf(
                Key::ChartConversion,
                &[
                    ("step", steps.get(index).map_or("", String::as_str)),
                    ("achieved", &achieved.map(share).unwrap_or_else(|| t(Key::NotEntered).to_owned())),
                    ("planned", &share(planned)),
                ],
            );
            view! {
                <text x="0" y=at(y + 12.0) class="chart-label">{label}</text>
                <rect x="0" y=at(y + 16.0) width=length(planned, scale) height="10" class="bar-target" />
                <rect x="0" y=at(y + 28.0) width=length(achieved.unwrap_or(0.0), scale) height="10" class="bar-actual" />
            }
        })
        .collect_view();
    chart(
        "conversion-chart-title",
        t(Key::ConversionChartTitle).to_owned(),
        height,
        bars,
        vec![
            ("target", Key::LegendPlannedRate),
            ("actual", Key::LegendAchievedRate),
        ],
    )
}
