//! Charts drawn as inline SVG: the funnel (results to date against target, per stage), one
//! series by month with the run rate still needed, and the conversion achieved against the plan.
//! Each has a title and an accessible name; the panel shows the same figures in a table. The
//! drawing is 300 units wide and scales to its box, so it stays legible at 320 px; colours come
//! from the theme's variables (see `style/main.css`), in print too.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::decimal::fixed;
use crate::model::results::standing::{Standing, YearStanding};
use crate::ui::results::standing::share;
use crate::ui::table::write_in_place;
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
    fixed(length.clamp(0.0, WIDTH), 1)
}

fn at(value: f64) -> String {
    fixed(value, 1)
}

/// What a mark of a chart is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// A label; its points are x and y, its text what it says.
    Label { middle: bool },
    /// A bar; its points are x, y, width and height, its text a tooltip when `tip`.
    Bar { tip: bool },
    /// A line; its points are x1, x2, y1 and y2.
    Line,
    /// A polyline; its one point is the list of points.
    Path,
}

/// One mark of a chart, its coordinates already written in SVG units.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    tag: Tag,
    class: &'static str,
    points: Vec<String>,
    text: String,
}

impl Mark {
    fn label(x: f64, y: f64, class: &'static str, text: String) -> Self {
        Self {
            tag: Tag::Label { middle: false },
            class,
            points: vec![at(x), at(y)],
            text,
        }
    }

    fn bar(y: f64, width: String, height: f64, class: &'static str) -> Self {
        Self {
            tag: Tag::Bar { tip: false },
            class,
            points: vec!["0".to_owned(), at(y), width, at(height)],
            text: String::new(),
        }
    }

    fn line(x1: f64, x2: f64, y1: f64, y2: f64, class: &'static str) -> Self {
        Self {
            tag: Tag::Line,
            class,
            points: vec![at(x1), at(x2), at(y1), at(y2)],
            text: String::new(),
        }
    }
}

/// A chart as data: its title, height in SVG units, marks and legend (each item a swatch's
/// class and its text). The page draws it with [`live_chart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    id: &'static str,
    title: String,
    height: f64,
    marks: Vec<Mark>,
    legend: Vec<(&'static str, Key)>,
}

/// What lays a chart out: which marks, and the legend. Their coordinates and texts change in
/// place.
#[derive(Debug, Clone, PartialEq)]
struct Shape {
    id: &'static str,
    marks: Vec<(Tag, &'static str)>,
    legend: Vec<(&'static str, Key)>,
}

impl Tag {
    /// The attributes a mark's points are written to, in order.
    fn attributes(self) -> &'static [&'static str] {
        match self {
            Tag::Label { .. } => &["x", "y"],
            Tag::Bar { .. } => &["x", "y", "width", "height"],
            Tag::Line => &["x1", "x2", "y1", "y2"],
            Tag::Path => &["points"],
        }
    }
}

/// A chart whose marks move in place as figures change: drawn again only when the marks it has
/// change (a month gets its first result, a stage comes or goes); otherwise one effect writes
/// the marks that moved, and only those. Nothing while `chart` is `None`. The drawing is named
/// by its SVG title; the same title is its visible caption (hidden from screen readers, which
/// read the title once); a legend says what each mark means.
pub fn live_chart(chart: Memo<Option<Chart>>) -> impl IntoView {
    let shape = Memo::new(move |_| {
        chart.with(|chart| {
            chart.as_ref().map(|chart| Shape {
                id: chart.id,
                marks: chart
                    .marks
                    .iter()
                    .map(|mark| (mark.tag, mark.class))
                    .collect(),
                legend: chart.legend.clone(),
            })
        })
    });
    let read = move |read: fn(&Chart) -> String| {
        move || chart.with(|chart| chart.as_ref().map(read).unwrap_or_default())
    };
    let title = read(|chart| chart.title.clone());
    let view_box = read(|chart| format!("0 0 {} {}", at(WIDTH), at(chart.height)));
    move || {
        let shape = shape.get()?;
        let drawing = NodeRef::<leptos::svg::Svg>::new();
        let shown = write_in_place(chart, drawing, |drawing, before, now| {
            if let Some(now) = now {
                let before = before.as_ref().map_or(&[][..], |chart| &chart.marks[..]);
                write_changes(drawing, before, &now.marks);
            }
        });
        let drawn = shown.map(|chart| chart.marks).unwrap_or_default();
        let marks = drawn
                .iter()
                .map(|mark| {
                    let point = |index: usize| mark.points.get(index).cloned();
                    let class = mark.class;
                    let text = mark.text.clone();
                    match mark.tag {
                        Tag::Label { middle } => view! {
                            <text x=point(0) y=point(1) class=class text-anchor=middle.then_some("middle")>{text}</text>
                        }
                        .into_any(),
                        Tag::Bar { tip } => {
                            let tip = tip.then(|| view! { <title>{text}</title> });
                            view! { <rect x=point(0) y=point(1) width=point(2) height=point(3) class=class>{tip}</rect> }
                                .into_any()
                        }
                        Tag::Line => view! { <line x1=point(0) x2=point(1) y1=point(2) y2=point(3) class=class /> }
                            .into_any(),
                        Tag::Path => view! { <polyline points=point(0) class=class /> }.into_any(),
                    }
                })
                .collect_view();
        let legend = shape
            .legend
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
        Some(view! {
            <figure class="chart">
                <svg node_ref=drawing viewBox=view_box role="img" aria-labelledby=shape.id preserveAspectRatio="xMinYMin meet">
                    <title id=shape.id>{title}</title>
                    {marks}
                </svg>
                <figcaption aria-hidden="true">{title}</figcaption>
                <ul class="legend">{legend}</ul>
            </figure>
        })
    }
}

/// Writes into `drawing` (its title, then one element per mark) each mark that differs from
/// `shown`.
fn write_changes(drawing: &web_sys::Element, shown: &[Mark], marks: &[Mark]) {
    let mut element = drawing.first_element_child();
    for (index, mark) in marks.iter().enumerate() {
        let Some(current) = element.and_then(|element| element.next_element_sibling()) else {
            return;
        };
        if shown.get(index) != Some(mark) {
            for (name, value) in mark.tag.attributes().iter().zip(&mark.points) {
                let _ = current.set_attribute(name, value);
            }
            match mark.tag {
                Tag::Label { .. } => current.set_text_content(Some(&mark.text)),
                Tag::Bar { tip: true } => {
                    if let Some(title) = current.first_element_child() {
                        title.set_text_content(Some(&mark.text));
                    }
                }
                Tag::Bar { tip: false } | Tag::Line | Tag::Path => {}
            }
        }
        element = Some(current);
    }
}

/// Results to date as a share of the target to date, per stage: a bar for each, with the
/// target's mark.
pub fn funnel_chart(standing: &YearStanding, names: &[String]) -> Chart {
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
    let mut marks: Vec<Mark> = paces
        .iter()
        .enumerate()
        .flat_map(|(index, pace)| {
            let y = row * index as f64;
            let name = names.get(index).cloned().unwrap_or_default();
            let label = match pace {
                Some(pace) => tf(
                    Key::ChartStagePace,
                    &[("name", &name), ("pace", &share(*pace))],
                ),
                None => tf(Key::ChartStageNone, &[("name", &name)]),
            };
            [
                Mark::label(0.0, y + 12.0, "chart-label", label),
                Mark::bar(y + 16.0, target_x.clone(), 12.0, "bar-target"),
                Mark::bar(
                    y + 16.0,
                    length(pace.unwrap_or(0.0), scale),
                    12.0,
                    "bar-actual",
                ),
            ]
        })
        .collect();
    marks.push(Mark {
        tag: Tag::Line,
        class: "target-mark",
        points: vec![target_x.clone(), target_x, "0".to_owned(), at(height)],
        text: String::new(),
    });
    Chart {
        id: "funnel-chart-title",
        title: t(Key::FunnelChartTitle).to_owned(),
        height,
        marks,
        legend: vec![
            ("target", Key::LegendTargetToDate),
            ("actual", Key::LegendActualToDate),
        ],
    }
}

/// One series month by month: the results as columns, the monthly target as a line, and the run
/// rate still needed over each month without a result as a dashed line.
pub fn month_chart(series: &Standing, name: &str, narrow: &[String], months: &[String]) -> Chart {
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
    // max then min, not `clamp`: with bounds not known at compile time, `f64::clamp` keeps an
    // assertion whose message links the standard library's float formatter.
    let y = |value: f64| base - (value / scale * plot).max(0.0).min(plot);
    let mut marks = vec![Mark::line(0.0, WIDTH, base, base, "chart-base")];
    for (month, actual) in series.actual.iter().enumerate() {
        let x = column * month as f64;
        if let Some(actual) = actual {
            let top = y(*actual);
            marks.push(Mark {
                tag: Tag::Bar { tip: true },
                class: "bar-actual",
                points: vec![
                    at(x + column * 0.2),
                    at(top),
                    at(column * 0.6),
                    at(base - top),
                ],
                text: months.get(month).cloned().unwrap_or_default(),
            });
        }
        marks.push(Mark {
            tag: Tag::Label { middle: true },
            class: "chart-axis",
            points: vec![at(x + column / 2.0), at(base + 14.0)],
            text: narrow.get(month).cloned().unwrap_or_default(),
        });
    }
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
    marks.push(Mark {
        tag: Tag::Path,
        class: "target-line",
        points: vec![target_points.join(" ")],
        text: String::new(),
    });
    let mut legend = vec![
        ("actual", Key::LegendActual),
        ("target-line", Key::LegendTarget),
    ];
    // The run rate still needed, over each month without a result.
    if let Some(rate) = run_rate {
        marks.extend(
            series
                .actual
                .iter()
                .enumerate()
                .filter(|(_, actual)| actual.is_none())
                .map(|(month, _)| {
                    let x = column * month as f64;
                    Mark::line(x, x + column, y(rate), y(rate), "pacing-line")
                }),
        );
        legend.push(("pacing", Key::LegendRunRate));
    }
    Chart {
        id: "month-chart-title",
        title: tf(Key::MonthChartTitle, &[("name", name)]),
        height: base + 20.0,
        marks,
        legend,
    }
}

/// The rate achieved to date between each pair of stages, beside the plan's.
pub fn conversion_chart(standing: &YearStanding, steps: &[String]) -> Chart {
    let scale = standing
        .conversions
        .iter()
        .flat_map(|conversion| [Some(conversion.planned.fraction()), conversion.to_date()])
        .flatten()
        .fold(0.0_f64, f64::max);
    let row = 44.0;
    let height = row * standing.conversions.len() as f64 + 4.0;
    let marks = standing
        .conversions
        .iter()
        .enumerate()
        .flat_map(|(index, conversion)| {
            let y = row * index as f64;
            let planned = conversion.planned.fraction();
            let achieved = conversion.to_date();
            let label = tf(
                Key::ChartConversion,
                &[
                    ("step", steps.get(index).map_or("", String::as_str)),
                    (
                        "achieved",
                        &achieved
                            .map(share)
                            .unwrap_or_else(|| t(Key::NotEntered).to_owned()),
                    ),
                    ("planned", &share(planned)),
                ],
            );
            [
                Mark::label(0.0, y + 12.0, "chart-label", label),
                Mark::bar(y + 16.0, length(planned, scale), 10.0, "bar-target"),
                Mark::bar(
                    y + 28.0,
                    length(achieved.unwrap_or(0.0), scale),
                    10.0,
                    "bar-actual",
                ),
            ]
        })
        .collect();
    Chart {
        id: "conversion-chart-title",
        title: t(Key::ConversionChartTitle).to_owned(),
        height,
        marks,
        legend: vec![
            ("target", Key::LegendPlannedRate),
            ("actual", Key::LegendAchievedRate),
        ],
    }
}
