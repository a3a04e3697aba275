//! When it must happen: the year's customers spread over the plan year's months (even, or by
//! weights such as last year's customers by month), the days each stage takes to reach the next,
//! and the schedule: what each stage must reach in each month, the months before the plan year
//! included, so that each month's customers close on time.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::forecast::draft::{ForecastField, PhasingMode};
use crate::model::forecast::timing::{Schedule, MONTHS};
use crate::model::results::{Month, PlanYear};
use crate::ui::browser::{month_label, this_month, MonthStyle};
use crate::ui::field::Choice;
use crate::ui::forecast::Forecast;
use crate::ui::plan_year::plan_year_field;
use crate::ui::table::{live_table, Cell, Row, Table};
use crate::ui::text::{needed, t, tf};

/// The label of the month `offset` months after the plan year's first (negative: before it).
fn month_at(year: PlanYear, offset: i32) -> String {
    let month = year.month_at(offset);
    month_label(month.year, month.month, MonthStyle::Long)
}

/// The "When it must happen" panel.
#[component]
pub fn TimingPanel(forecast: Forecast) -> impl IntoView {
    let plan_year = forecast.plan_year;
    let mode = Memo::new(move |_| forecast.with(|f| f.phasing));
    let on_mode = Callback::new(move |index: usize| {
        forecast.edit(|f| {
            f.phasing = if index == 1 {
                // Every month starts with the same weight, so nothing changes until one is typed.
                for index in 0..MONTHS {
                    if f.weight(index).trim().is_empty() {
                        f.set_weight(index, "1".to_owned());
                    }
                }
                PhasingMode::Weights
            } else {
                PhasingMode::Even
            };
        });
    });
    let weights = move || {
        (mode.get() == PhasingMode::Weights).then(|| {
            let year = plan_year.get();
            let fields = (0..MONTHS)
                .map(|index| {
                    let label = Signal::stored(month_at(year, index as i32));
                    forecast.field(ForecastField::Weight(index), label, false)
                })
                .collect_view();
            let all_zero = move || {
                forecast
                    .error(ForecastField::Weights)
                    .get()
                    .map(|_| view! { <p class="error" role="alert">{t(Key::WeightsAllZero)}</p> })
            };
            view! {
                <fieldset class="weights">
                    <legend>{t(Key::WeightsLegend)}</legend>
                    <p class="hint">{t(Key::WeightsHint)}</p>
                    <div class="month-fields">{fields}</div>
                    {all_zero}
                </fieldset>
            }
        })
    };
    let days = move || {
        let ids = forecast.stage_ids.get();
        let upper = ids.len().saturating_sub(1);
        ids.into_iter()
            .take(upper)
            .map(|id| forecast.labelled(ForecastField::Days(id), false))
            .collect_view()
    };
    let schedule = forecast.schedule;
    let table = Memo::new(move |_| {
        let year = plan_year.get();
        let names = forecast.stage_names.get();
        schedule.with(|schedule| {
            schedule
                .as_ref()
                .map(|schedule| schedule_table(schedule, year, this_month(), names))
        })
    });
    let before = Memo::new(move |_| {
        schedule.with(|schedule| schedule.as_ref().map_or(0, Schedule::months_before))
    });
    view! {
        <section class="card timing" aria-labelledby="timing-heading">
            <h2 id="timing-heading">{t(Key::TimingHeading)}</h2>
            {plan_year_field(forecast.draft, plan_year)}
            <Choice
                name="phasing"
                legend=Key::PhasingLegend
                options=vec![Key::PhasingEven, Key::PhasingWeights]
                selected=Signal::derive(move || usize::from(mode.get() == PhasingMode::Weights))
                on_select=on_mode
            />
            {weights}
            <fieldset class="days">
                <legend>{t(Key::DaysLegend)}</legend>
                <p class="hint">{t(Key::DaysHint)}</p>
                <div class="month-fields">{days}</div>
            </fieldset>
            {live_table(table)}
            // No table, no note under it: a field that stops the schedule is named instead.
            {move || match forecast.blocker(ForecastField::feeds_schedule) {
                Some(field) => Some(forecast.waits_for(field)),
                None => table.with(Option::is_some).then(|| {
                    view! {
                        <p class="hint">
                            {move || t(if before.get() == 0 { Key::ScheduleNote } else { Key::ScheduleNoteBefore })}
                        </p>
                    }
                    .into_any()
                }),
            }}
        </section>
    }
}

/// The schedule as a table: a row per month (those before the plan year labelled), a column per
/// stage, each figure rounded up, and the totals.
/// A month already over on `today` says so: its figure can only be made up later.
fn schedule_table(schedule: &Schedule, year: PlanYear, today: Month, names: Vec<String>) -> Table {
    let mut columns = vec![t(Key::ScheduleMonth).to_owned()];
    columns.extend(names);
    let mut rows: Vec<Row> = schedule
        .rows
        .iter()
        .map(|row| {
            let month = month_at(year, row.offset);
            let header = if year.is_past(row.offset, today) {
                tf(Key::AlreadyPast, &[("month", &month)])
            } else if row.offset < 0 {
                tf(Key::BeforePlanYear, &[("month", &month)])
            } else {
                month
            };
            let cells = row
                .stages
                .iter()
                .map(|value| Cell::figure(needed(*value), *value))
                .collect();
            Row::new(header, cells)
        })
        .collect();
    let totals = schedule
        .totals()
        .into_iter()
        .map(|value| Cell::figure(needed(value), value))
        .collect();
    rows.push(Row::new(t(Key::ScheduleTotal), totals).total());
    Table {
        id: "schedule-caption",
        caption: t(Key::ScheduleCaption).to_owned(),
        columns,
        rows,
    }
}
