//! Scenarios side by side: the open plan (the base) beside up to three plans of the library,
//! the inputs that differ from the base marked, and what each needs and delivers with its
//! difference from the base. "Make scenarios" saves a conservative and an aggressive copy of the
//! open plan (every rate lowered or raised by the percentage typed) and puts them beside it.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::forecast::draft::{ForecastDraft, ForecastField, MAX_COMPARED};
use crate::model::forecast::scenarios::{delta, differs, outcome, scaled, Outcome, Scenario};
use crate::model::number::{needed_shown, plain_decimal};
use crate::model::page_data::PageData;
use crate::model::{to_percent, PlanDraft};
use crate::ui::forecast::Forecast;
use crate::ui::planner::Planner;
use crate::ui::table::ScrollTable;
use crate::ui::text::{
    lang, money, money_needed, needed, percent, plan_label, stage_labels, t, tf,
};

/// One column of the comparison: a plan's name and its outcome.
#[derive(Debug, Clone, PartialEq)]
struct Column {
    name: String,
    outcome: Option<Outcome>,
}

impl Column {
    fn of(draft: &PlanDraft) -> Self {
        Self {
            name: plan_label(draft.name.trim()),
            outcome: outcome(draft),
        }
    }
}

/// A row of the comparison: its header, how its values are shown, and each column's value.
struct Line {
    header: String,
    show: fn(f64) -> String,
    values: Vec<Option<f64>>,
    /// An input (differences marked) or an outcome (differences given).
    is_input: bool,
}

/// A row of the comparison read from each outcome: its header, how its values are shown, how
/// each is read, and whether it is an input.
type ScenarioRow = (Key, fn(f64) -> String, fn(&Outcome) -> Option<f64>, bool);

/// The comparison's rows for `columns` (the base first), stage names from the base.
fn lines(columns: &[Column], stage_names: &[String]) -> Vec<Line> {
    let value = |read: &dyn Fn(&Outcome) -> Option<f64>| -> Vec<Option<f64>> {
        columns
            .iter()
            .map(|column| column.outcome.as_ref().and_then(read))
            .collect()
    };
    let rates = columns
        .iter()
        .filter_map(|column| column.outcome.as_ref().map(|outcome| outcome.rates.len()))
        .max()
        .unwrap_or(0);
    let stages = rates + 1;
    let name = |index: usize| {
        stage_names
            .get(index)
            .cloned()
            .unwrap_or_else(|| tf(Key::ScenarioStageN, &[("n", &(index + 1).to_string())]))
    };
    let mut lines = vec![Line {
        header: t(Key::ScenarioAverageRevenue).to_owned(),
        show: money,
        values: value(&|o| o.average_revenue),
        is_input: true,
    }];
    for index in 0..rates {
        lines.push(Line {
            header: tf(
                Key::ForecastStep,
                &[("from", &name(index)), ("to", &name(index + 1))],
            ),
            show: |rate| percent(to_percent(rate)),
            values: value(&|o| o.rates.get(index).copied()),
            is_input: true,
        });
    }
    // The budget (an input), then the outcomes: a row each, as (header, shown as, value, input).
    let rows: [ScenarioRow; 4] = [
        (Key::ScenarioBudget, money, |o| o.budget, true),
        (Key::ScenarioCustomers, needed, |o| Some(o.customers), false),
        (Key::ScenarioRevenue, money_needed, |o| o.revenue, false),
        (
            Key::ScenarioBudgetNeeded,
            money_needed,
            |o| o.budget_needed,
            false,
        ),
    ];
    for (key, show, read, is_input) in rows {
        lines.push(Line {
            header: t(key).to_owned(),
            show,
            values: value(&read),
            is_input,
        });
    }
    for index in 0..stages {
        lines.push(Line {
            header: tf(Key::ScenarioStageTarget, &[("stage", &name(index))]),
            show: needed,
            values: value(&|o| o.stages.get(index).copied()),
            is_input: false,
        });
    }
    lines
}

/// "+2,000" or "−500": a difference from the base, shown like its figure.
fn signed(value: f64, show: fn(f64) -> String) -> String {
    if value > 0.0 {
        format!("+{}", show(value))
    } else if value < 0.0 {
        format!("−{}", show(-value))
    } else {
        t(Key::ScenarioSame).to_owned()
    }
}

/// The comparison table.
fn comparison(columns: Vec<Column>, stage_names: Vec<String>) -> impl IntoView {
    let head = columns
        .iter()
        .map(|column| view! { <th scope="col">{column.name.clone()}</th> })
        .collect_view();
    let problems = columns.iter().any(|column| column.outcome.is_none());
    let rows = lines(&columns, &stage_names)
        .into_iter()
        .map(|line| {
            let base = line.values.first().copied().flatten();
            let cells = line
                .values
                .iter()
                .enumerate()
                .map(|(index, value)| {
                    let text = value.map_or_else(|| t(Key::ScenarioNone).to_owned(), line.show);
                    let is_other = index > 0;
                    let is_different = is_other && line.is_input && differs(base, *value);
                    // The difference between the figures shown (each rounded up), so the
                    // column adds up as a person reads it.
                    let change = (is_other && !line.is_input)
                        .then(|| delta(base.map(needed_shown), value.map(needed_shown)))
                        .flatten()
                        .map(|change| view! { <span class="delta">{signed(change, line.show)}</span> });
                    view! {
                        <td class:differs=is_different data-value=value.map(plain_decimal)>
                            {text}
                            {is_different.then(|| view! { <span class="visually-hidden">{t(Key::ScenarioDiffers)}</span> })}
                            {change}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr class:input=line.is_input>
                    <th scope="row">{line.header}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        {problems.then(|| view! { <p class="hint">{t(Key::ScenarioHasProblem)}</p> })}
        <ScrollTable caption_id="scenarios-caption" class="figures comparison">
            <caption id="scenarios-caption">{t(Key::ScenariosCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(Key::ScenarioFigure)}</th>
                    {head}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ScrollTable>
    }
}

/// The Scenarios panel.
#[component]
pub fn ScenariosPanel(forecast: Forecast, planner: Planner) -> impl IntoView {
    let draft = forecast.draft;
    let open_id = Memo::new(move |_| planner.open_id().map(|id| id.to_string()));
    let others = Memo::new(move |_| {
        let open = open_id.get();
        planner
            .listed_as(|record| (record.id.to_string(), plan_label(record.draft.name.trim())))
            .into_iter()
            .filter(|(id, _)| Some(id) != open.as_ref())
            .collect::<Vec<_>>()
    });
    let chosen = Memo::new(move |_| {
        let listed = others.get();
        forecast.with(|f| {
            f.compare
                .iter()
                .filter(|id| listed.iter().any(|(other, _)| other == *id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let toggle = move |id: String| {
        let listed = chosen.get_untracked();
        forecast.edit(|f| {
            let mut compare = listed;
            match compare.iter().position(|other| *other == id) {
                Some(at) => {
                    compare.remove(at);
                }
                None if compare.len() < MAX_COMPARED - 1 => compare.push(id),
                None => {}
            }
            f.compare = compare;
        });
    };
    let choices = move || {
        let picked = chosen.get();
        others
            .get()
            .into_iter()
            .map(|(id, name)| {
                let is_chosen = picked.contains(&id);
                let is_full = !is_chosen && picked.len() >= MAX_COMPARED - 1;
                let toggled = id.clone();
                view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=is_chosen
                            disabled=is_full
                            on:change=move |_| toggle(toggled.clone())
                        />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    let made = RwSignal::new(None::<String>);
    let make = move |_| {
        let Ok(change) = forecast.data.read.with_untracked(|read| {
            read.as_ref()
                .map_err(|_| ())
                .and_then(|f| f.scenario_change().map_err(|_| ()))
        }) else {
            return;
        };
        let base = draft.get_untracked();
        let shown = percent(to_percent(change));
        let name = plan_label(base.name.trim());
        let drafts: Vec<PlanDraft> = Scenario::ALL
            .into_iter()
            .map(|scenario| {
                let key = match scenario {
                    Scenario::Conservative => Key::ScenarioConservativeName,
                    Scenario::Aggressive => Key::ScenarioAggressiveName,
                };
                let label = tf(key, &[("plan", &name), ("change", &shown)]);
                let mut copy = scaled(&base, scenario.factor(change), label);
                // A copy compares nothing of its own: its columns would be this plan's.
                if let Ok(mut own) = ForecastDraft::decode(&copy.forecast, lang()) {
                    own.compare.clear();
                    copy.forecast = own.encode();
                }
                copy
            })
            .collect();
        let ids = planner.add(drafts);
        forecast.edit(|f| {
            f.compare = ids
                .iter()
                .map(|id| id.to_string())
                .take(MAX_COMPARED - 1)
                .collect();
        });
        made.set(Some(tf(Key::ScenariosMade, &[("change", &shown)])));
    };
    let table = move || {
        let ids = chosen.get();
        if ids.is_empty() {
            return None;
        }
        let base = draft.with(Column::of);
        let stage_names = draft.with(stage_labels);
        let compared = planner.listed_as(|record| {
            ids.contains(&record.id.to_string())
                .then(|| (record.id.to_string(), Column::of(&record.draft)))
        });
        let mut columns = vec![base];
        for id in &ids {
            if let Some((_, column)) = compared.iter().flatten().find(|(other, _)| other == id) {
                columns.push(column.clone());
            }
        }
        Some(comparison(columns, stage_names))
    };
    view! {
        <section class="card scenarios" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">{t(Key::ScenariosHeading)}</h2>
            <p>{t(Key::ScenariosIntro)}</p>
            <div class="make-scenarios">
                {forecast.field(
                    ForecastField::ScenarioPercent,
                    Signal::derive(|| t(Key::ScenarioPercentLabel).to_owned()),
                    true,
                )}
                <button type="button" on:click=make>{t(Key::MakeScenarios)}</button>
            </div>
            <p class="notice" role="status">{move || made.get()}</p>
            <fieldset class="compare-with">
                <legend>{t(Key::CompareWithLegend)}</legend>
                {move || others.with(Vec::is_empty).then(|| view! { <p class="hint">{t(Key::CompareNoOthers)}</p> })}
                {choices}
            </fieldset>
            {table}
        </section>
    }
}
