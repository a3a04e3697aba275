//! The forecast as a CSV file for spreadsheets (the same rules as the plan's CSV, `model::csv`):
//! its inputs as typed, then what each stage must reach each month (months as "2027-04", those
//! before the plan year included), then the pipeline's coverage and velocity, in full precision. Also "Print the forecast".

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::csv::{self, forecast_inputs, Cell, ForecastWord, ForecastWords};
use crate::model::results::MONTHS;
use crate::ui::browser::{download, file_stem};
use crate::ui::forecast::{pipeline, Forecast};
use crate::ui::text::{lang, t};

/// Every row of the file.
fn rows(forecast: Forecast) -> Vec<Vec<Cell>> {
    let year = forecast.plan_year.get_untracked();
    let months: [String; MONTHS] = std::array::from_fn(|index| year.month_at(index as i32).code());
    let names = forecast.stage_names.get_untracked();
    let stages: Vec<_> = forecast
        .stage_ids
        .get_untracked()
        .into_iter()
        .zip(names.iter().cloned())
        .collect();
    let word = |word: ForecastWord| {
        t(match word {
            ForecastWord::Title => Key::CsvForecastSection,
            ForecastWord::Phasing => Key::CsvPhasing,
            ForecastWord::Even => Key::CsvPhasingEven,
            ForecastWord::Weights => Key::CsvPhasingWeights,
            ForecastWord::Month => Key::CsvMonthColumn,
            ForecastWord::Weight => Key::CsvWeightColumn,
            ForecastWord::Stage => Key::StageColumn,
            ForecastWord::Days => Key::CsvDaysColumn,
            ForecastWord::Low => Key::CsvRangeLowColumn,
            ForecastWord::High => Key::CsvRangeHighColumn,
            ForecastWord::RevenueLow => Key::CsvRevenueLow,
            ForecastWord::RevenueHigh => Key::CsvRevenueHigh,
            ForecastWord::Seed => Key::CsvSeed,
            ForecastWord::ScenarioChange => Key::CsvScenarioChange,
        })
    };
    let words = ForecastWords {
        word: &word,
        months: months.each_ref().map(String::as_str),
    };
    let mut rows = forecast.data.read.with_untracked(|read| {
        read.as_ref()
            .map(|draft| forecast_inputs(draft, &stages, &words))
            .unwrap_or_default()
    });
    forecast.schedule.with_untracked(|schedule| {
        if let Some(schedule) = schedule {
            if !rows.is_empty() {
                rows.push(Vec::new());
            }
            rows.push(vec![Cell::Text(t(Key::ScheduleCaption).to_owned())]);
            let mut heading = vec![Cell::Text(t(Key::CsvMonthColumn).to_owned())];
            heading.extend(names.iter().map(|name| Cell::Text(name.clone())));
            rows.push(heading);
            for row in &schedule.rows {
                let mut line = vec![Cell::Text(year.month_at(row.offset).code())];
                line.extend(row.stages.iter().map(|value| Cell::Number(*value)));
                rows.push(line);
            }
            let mut total = vec![Cell::Text(t(Key::ScheduleTotal).to_owned())];
            total.extend(schedule.totals().into_iter().map(Cell::Number));
            rows.push(total);
        }
    });
    // Pipeline coverage and velocity, as the panel shows them, figures in full precision.
    for table in untrack(|| pipeline::tables(forecast)) {
        if !rows.is_empty() {
            rows.push(Vec::new());
        }
        rows.extend(table.csv_rows());
    }
    rows
}

/// "Download the forecast (CSV)" and "Print the forecast".
#[component]
pub fn ForecastCsv(forecast: Forecast) -> impl IntoView {
    let save = move |_| {
        let stem = forecast
            .draft
            .with_untracked(|draft| file_stem(&draft.name, t(Key::ExportOneStem)));
        download(
            &format!("{stem}-{}.csv", t(Key::ForecastFileSuffix)),
            "text/csv;charset=utf-8",
            &csv::file(&rows(forecast), lang()),
        );
    };
    view! {
        <div class="actions">
            <button type="button" on:click=save>{t(Key::DownloadForecastCsv)}</button>
            <button type="button" on:click=|_| { let _ = window().print(); }>{t(Key::PrintForecast)}</button>
        </div>
    }
}
