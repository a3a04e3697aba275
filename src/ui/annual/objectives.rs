//! SMART objectives: drafted from the plan's targets (one per stage with ground to make up) or
//! added for a metric of the person's own; each editable, checked letter by letter, followed
//! against the results; then the objectives by owner and the quarterly roadmap with the focus
//! areas.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::objectives::{draft, stage_reach, Objective, Progress, Smart, Unmet};
use crate::model::annual::{
    AnnualDraft, AnnualError, AnnualField, GroupTag, ObjectiveDraft, UnitTag,
};
use crate::model::benchmarks::{default_steps, range, Industry};
use crate::model::results::{MONTHS, QUARTERS};
use crate::model::{to_percent, Period};
use crate::ui::annual::{annual_field_id, Annual};
use crate::ui::browser::{month_label, this_month, MonthStyle};
use crate::ui::field::{InputField, Kind};
use crate::ui::page_data::error_of;
use crate::ui::plan_year::plan_year_field;
use crate::ui::table::ScrollTable;
use crate::ui::text::{exact, lang, money_exact, percent, t, tf, typed};

/// One objective read and checked, for the page.
#[derive(Debug, Clone, PartialEq)]
struct Checked {
    id: u32,
    objective: Objective,
    smart: Smart,
    /// The latest value and its month, if any.
    latest: Option<(f64, usize)>,
    progress: Option<Progress>,
}

/// A value in the objective's unit.
fn in_unit(unit: UnitTag, value: f64) -> String {
    match unit {
        UnitTag::Count => exact(value),
        UnitTag::Percent => percent(to_percent(value)),
        UnitTag::Money => money_exact(value),
    }
}

fn unmet_text(unmet: Unmet) -> &'static str {
    t(match unmet {
        Unmet::NoMetric => Key::UnmetNoMetric,
        Unmet::NoTarget => Key::UnmetNoTarget,
        Unmet::BeyondReach => Key::UnmetBeyondReach,
        Unmet::NothingToCompare => Key::UnmetNothingToCompare,
        Unmet::NotLinked => Key::UnmetNotLinked,
        Unmet::NoDeadline => Key::UnmetNoDeadline,
        Unmet::OutsideYear => Key::UnmetOutsideYear,
    })
}

pub(super) fn group_name(group: GroupTag) -> &'static str {
    t(match group {
        GroupTag::Value => Key::GroupValue,
        GroupTag::Efficiency => Key::GroupEfficiency,
        GroupTag::Response => Key::GroupResponse,
        GroupTag::Activity => Key::GroupActivity,
    })
}

pub(super) fn unit_name(unit: UnitTag) -> &'static str {
    t(match unit {
        UnitTag::Count => Key::UnitCount,
        UnitTag::Percent => Key::UnitPercent,
        UnitTag::Money => Key::UnitMoney,
    })
}

fn quarter_name(quarter: usize) -> String {
    tf(Key::QuarterShort, &[("number", &(quarter + 1).to_string())])
}

/// The objectives panel.
#[component]
pub fn ObjectivesPanel(annual: Annual) -> impl IntoView {
    let today = this_month();
    let plan_year = Memo::new(move |_| annual.draft.with(|draft| draft.tracking.plan_year(today)));
    let months = Memo::new(move |_| {
        let start = plan_year.get();
        (0..MONTHS)
            .map(|month| {
                let (year, month) = start.calendar(month);
                month_label(year, month, MonthStyle::Long)
            })
            .collect::<Vec<_>>()
    });
    // Each stage's target per month (`None` while the plan has no targets).
    let monthly_targets = Memo::new(move |_| {
        annual.targets.with(|targets| {
            targets
                .as_ref()
                .and_then(|targets| targets.as_ref().ok())
                .map(|targets| {
                    targets
                        .stages
                        .iter()
                        .map(|stage| stage.per(Period::Month))
                        .collect::<Vec<_>>()
                })
        })
    });
    let actuals = Memo::new(move |_| {
        annual.draft.with(|draft| {
            let channels: Vec<_> = draft.marketing.channels.iter().map(|c| c.id).collect();
            draft
                .tracking
                .check(&draft.stage_ids(), &channels, draft.typed_in.symbols())
                .0
        })
    });
    let checked = Memo::new(move |_| {
        let ids = annual.stage_ids.get();
        let targets = monthly_targets.get();
        let symbols = lang().symbols();
        let (last_year, _) = annual.last_year.get();
        let last_rates: Vec<Option<f64>> = last_year.rates().into_iter().map(Result::ok).collect();
        annual.with(|a: &AnnualDraft| {
            let industry: Industry = a.industry.into();
            let steps = default_steps(ids.len());
            let mut errors: Vec<AnnualError> = Vec::new();
            let list = a
                .objectives
                .iter()
                .map(|draft| {
                    let index = draft
                        .stage
                        .and_then(|stage| ids.iter().position(|id| id.0 == stage));
                    // The most the stage's monthly count is known to reach (one rule for every
                    // stage, `objectives::stage_reach`): the stage above's target at the best
                    // rate known into it is the top of the typical range or last year's rate.
                    let reach = index.and_then(|index| {
                        let last_year_month = last_year
                            .stage_totals
                            .get(index)
                            .copied()
                            .flatten()
                            .map(|total| total / 12.0);
                        let above = index.checked_sub(1).and_then(|above| {
                            let benchmark = steps
                                .get(above)
                                .copied()
                                .flatten()
                                .and_then(|step| range(step, industry))
                                .map(|range| range.high);
                            let best = match (benchmark, last_rates.get(above).copied().flatten()) {
                                (Some(a), Some(b)) => Some(a.max(b)),
                                (a, b) => a.or(b),
                            }?;
                            Some((targets.as_ref()?.get(above).copied()?, best))
                        });
                        stage_reach(last_year_month, above)
                    });
                    let objective = draft.objective(symbols, reach, &mut errors);
                    let series: Vec<Option<f64>> = match index {
                        Some(index) => actuals
                            .with(|actuals| actuals.stages.get(index).map(|s| s.to_vec()))
                            .unwrap_or_default(),
                        None => draft.typed_values(symbols, &mut errors),
                    };
                    let latest = series
                        .iter()
                        .rposition(Option::is_some)
                        .and_then(|month| series.get(month).copied().flatten().map(|v| (v, month)));
                    let progress =
                        latest.and_then(|(value, month)| objective.progress(value, month));
                    Checked {
                        id: draft.id,
                        smart: objective.smart(),
                        objective,
                        latest,
                        progress,
                    }
                })
                .collect::<Vec<_>>();
            (list, errors)
        })
    });
    let errors = Memo::new(move |_| checked.with(|(_, errors)| errors.clone()));
    // How many objectives the last "Draft objectives" added, to say so (none: every stage is
    // already at its target).
    let drafted_count: RwSignal<Option<usize>> = RwSignal::new(None);
    let draft_from_plan = move |_| {
        let Some(targets) = monthly_targets.get_untracked() else {
            return;
        };
        let ids = annual.stage_ids.get_untracked();
        let names = annual.stage_names.get_untracked();
        let baselines: Vec<Option<f64>> = annual.last_year.with_untracked(|(last_year, _)| {
            last_year
                .stage_totals
                .iter()
                .map(|total| total.map(|total| total / 12.0))
                .collect()
        });
        // The plan's targets are the same every month (per year ÷ 12).
        let monthly: Vec<[f64; MONTHS]> = targets.iter().map(|target| [*target; MONTHS]).collect();
        let drafted = draft(&monthly, &baselines);
        let symbols = lang().symbols();
        let mut added = 0;
        annual.edit(|a| {
            for entry in drafted {
                let Some(id) = ids.get(entry.stage) else {
                    continue;
                };
                let is_there = a
                    .objectives
                    .iter()
                    .any(|o| o.stage == Some(id.0) && o.quarter == Some(entry.quarter));
                if is_there || !a.can_add_objective() {
                    continue;
                }
                let objective = ObjectiveDraft {
                    id: a.next_objective_id(),
                    metric: names.get(entry.stage).cloned().unwrap_or_default(),
                    stage: Some(id.0),
                    group: GroupTag::of(entry.group),
                    unit: UnitTag::Count,
                    baseline: entry
                        .baseline
                        // Last year's month, to the hundredth: a starting point, not a need.
                        .map(|value| {
                            crate::model::number::format_typed(
                                (value * 100.0).round() / 100.0,
                                symbols,
                            )
                        })
                        .unwrap_or_default(),
                    target: crate::model::number::format_typed(entry.target, symbols),
                    deadline: Some(entry.deadline),
                    owner: String::new(),
                    quarter: Some(entry.quarter),
                    values: Vec::new(),
                };
                a.objectives.push(objective);
                added += 1;
            }
        });
        drafted_count.set(Some(added));
    };
    let add = move |_| {
        let mut new_id = None;
        annual.edit(|a| {
            if !a.can_add_objective() {
                return;
            }
            let id = a.next_objective_id();
            new_id = Some(id);
            a.objectives.push(ObjectiveDraft {
                id,
                group: GroupTag::Response,
                ..ObjectiveDraft::default()
            });
        });
        if let Some(id) = new_id {
            crate::ui::browser::focus_later(format!("objective-{id}-metric"));
        }
    };
    let can_add = move || annual.with(|a| a.can_add_objective());
    let has_targets = move || monthly_targets.with(Option::is_some);
    // The objectives' ids: the cards are made again only when one is added or removed, never
    // while one is edited (that would lose the focus at each keystroke). A keyed list (`For`)
    // would keep the others' cards then too, at 4 KB more of this page.
    let ids =
        Memo::new(move |_| annual.with(|a| a.objectives.iter().map(|o| o.id).collect::<Vec<_>>()));
    view! {
        <section class="card" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">{t(Key::ObjectivesHeading)}</h2>
            <p class="hint">{t(Key::ObjectivesIntro)}</p>
            {plan_year_field(annual.draft, plan_year)}
            <p class="hint">
                {move || months.with(|months| tf(Key::PlanYearRuns, &[
                    ("first", months.first().map_or("", String::as_str)),
                    ("last", months.last().map_or("", String::as_str)),
                ]))}
            </p>
            <div class="actions">
                <button type="button" on:click=draft_from_plan disabled=move || !has_targets()>
                    {t(Key::DraftObjectives)}
                </button>
                <button type="button" on:click=add disabled=move || !can_add()>
                    {t(Key::AddObjective)}
                </button>
            </div>
            <p class="hint" hidden=has_targets>{t(Key::DraftNeedsTargets)}</p>
            <p class="status" role="status">
                {move || drafted_count.get().map(|count| match count {
                    0 => t(Key::DraftedNone).to_owned(),
                    count => tf(Key::DraftedSome, &[("count", &count.to_string())]),
                })}
            </p>
            <ol class="objectives">
                {move || {
                    ids.get()
                        .into_iter()
                        .map(|id| view! { <ObjectiveCard annual id checked errors months /> })
                        .collect_view()
                }}
            </ol>
        </section>
        <OwnersPanel annual checked />
        <RoadmapPanel annual checked months />
    }
}

type CheckedMemo = Memo<(Vec<Checked>, Vec<AnnualError>)>;

/// One objective's fields, checks and progress.
#[component]
fn ObjectiveCard(
    annual: Annual,
    id: u32,
    checked: CheckedMemo,
    errors: Memo<Vec<AnnualError>>,
    months: Memo<Vec<String>>,
) -> impl IntoView {
    // This objective as typed (`None` once removed).
    let entry =
        Memo::new(move |_| annual.with(|a| a.objectives.iter().find(|o| o.id == id).cloned()));
    let read = move |get: fn(&ObjectiveDraft) -> String| {
        Signal::derive(move || entry.with(|entry| entry.as_ref().map(get).unwrap_or_default()))
    };
    let edit = move |change: Box<dyn FnOnce(&mut ObjectiveDraft)>| {
        annual.edit(|a| {
            if let Some(objective) = a.objectives.iter_mut().find(|o| o.id == id) {
                change(objective);
            }
        });
    };
    // A memo: the monthly values' block below is rebuilt only when this changes, not on every
    // keystroke in it (which would close it and lose the focus).
    let is_stage =
        Memo::new(move |_| entry.with(|entry| entry.as_ref().is_some_and(|o| o.stage.is_some())));
    let unit = move || entry.with(|entry| entry.as_ref().map(|o| o.unit).unwrap_or_default());
    let group = move || entry.with(|entry| entry.as_ref().map(|o| o.group).unwrap_or_default());
    let deadline = move || entry.with(|entry| entry.as_ref().and_then(|o| o.deadline));
    let quarter = move || entry.with(|entry| entry.as_ref().and_then(|o| o.quarter));
    let this =
        Memo::new(move |_| checked.with(|(list, _)| list.iter().find(|c| c.id == id).cloned()));
    let metric_label = move || read(|o| o.metric.clone()).get();
    // "Leads, Q2": drafting gives each stage an objective per quarter, told apart by it.
    let heading = move || {
        let name = metric_label();
        let name = if name.trim().is_empty() {
            t(Key::ObjectiveUnnamed).to_owned()
        } else {
            name
        };
        match quarter() {
            Some(quarter) => tf(
                Key::ObjectiveInQuarter,
                &[("metric", &name), ("quarter", &quarter_name(quarter))],
            ),
            None => name,
        }
    };
    let text_field = move |suffix: &'static str,
                           label: Key,
                           get: fn(&ObjectiveDraft) -> String,
                           set: fn(&mut ObjectiveDraft, String)| {
        view! {
            <InputField
                id=format!("objective-{id}-{suffix}")
                label=Signal::derive(move || t(label).to_owned())
                value=read(get)
                on_input=Callback::new(move |text: String| edit(Box::new(move |o| set(o, text))))
            />
        }
    };
    let number_field = move |field: AnnualField,
                             label: Key,
                             get: fn(&ObjectiveDraft) -> String,
                             set: fn(&mut ObjectiveDraft, String)| {
        view! {
            <InputField
                id=annual_field_id(field)
                label=Signal::derive(move || t(label).to_owned())
                value=read(get)
                on_input=Callback::new(move |text: String| edit(Box::new(move |o| set(o, text))))
                error=error_of(errors, field)
                kind=Kind::Number
                suffix=if untrack(unit) == UnitTag::Percent { "%" } else { "" }
            />
        }
    };
    let group_options = GroupTag::ALL
        .into_iter()
        .enumerate()
        .map(|(index, option)| view! {
            <option value=index.to_string() selected=move || group() == option>{group_name(option)}</option>
        })
        .collect_view();
    let unit_options = UnitTag::ALL
        .into_iter()
        .enumerate()
        .map(|(index, option)| view! {
            <option value=index.to_string() selected=move || unit() == option>{unit_name(option)}</option>
        })
        .collect_view();
    let month_options = move || {
        months
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, name)| view! {
                <option value=index.to_string() selected=move || deadline() == Some(index)>{name}</option>
            })
            .collect_view()
    };
    let quarter_options = (0..QUARTERS)
        .map(|index| view! {
            <option value=index.to_string() selected=move || quarter() == Some(index)>{quarter_name(index)}</option>
        })
        .collect_view();
    let pick = |event: &leptos::ev::Event| event_target_value(event).parse::<usize>().ok();
    let on_group = move |event: leptos::ev::Event| {
        if let Some(tag) = pick(&event).and_then(|i| GroupTag::ALL.get(i).copied()) {
            edit(Box::new(move |o| o.group = tag));
        }
    };
    let on_unit = move |event: leptos::ev::Event| {
        if let Some(tag) = pick(&event).and_then(|i| UnitTag::ALL.get(i).copied()) {
            edit(Box::new(move |o| o.unit = tag));
        }
    };
    let on_deadline = move |event: leptos::ev::Event| {
        let month = pick(&event);
        edit(Box::new(move |o| o.deadline = month));
    };
    let on_quarter = move |event: leptos::ev::Event| {
        let chosen = pick(&event);
        edit(Box::new(move |o| o.quarter = chosen));
    };
    let remove = move |_| {
        annual.edit(|a| a.objectives.retain(|o| o.id != id));
    };
    let checks = move || {
        this.get().map(|this| {
            let letters = [
                (Key::SmartSpecific, this.smart.specific),
                (Key::SmartMeasurable, this.smart.measurable),
                (Key::SmartAchievable, this.smart.achievable),
                (Key::SmartRelevant, this.smart.relevant),
                (Key::SmartTimeBound, this.smart.time_bound),
            ];
            letters
                .into_iter()
                .map(|(letter, check)| {
                    let (class, text) = match check {
                        Ok(()) => ("met", tf(Key::SmartMet, &[("letter", t(letter))])),
                        Err(unmet) => (
                            "unmet",
                            tf(
                                Key::SmartUnmet,
                                &[("letter", t(letter)), ("reason", unmet_text(unmet))],
                            ),
                        ),
                    };
                    view! { <li class=class>{text}</li> }
                })
                .collect_view()
        })
    };
    let progress = move || {
        this.get().map(|this| {
            let unit = unit();
            match (this.latest, this.progress) {
                (Some((value, month)), Some(progress)) => {
                    let month_name = months.with(|m| m.get(month).cloned().unwrap_or_default());
                    let key = if progress.is_on_pace {
                        Key::ProgressOnPace
                    } else {
                        Key::ProgressBehind
                    };
                    tf(
                        key,
                        &[
                            ("reached", &percent(to_percent(progress.reached))),
                            ("remaining", &in_unit(unit, progress.remaining)),
                            ("latest", &in_unit(unit, value)),
                            ("month", &month_name),
                        ],
                    )
                }
                (Some(_), None) => t(Key::ProgressNeedsFigures).to_owned(),
                (None, _) if is_stage.get() => t(Key::ProgressNoResults).to_owned(),
                (None, _) => t(Key::ProgressNoValues).to_owned(),
            }
        })
    };
    let values = move || {
        (!is_stage.get()).then(|| {
            let inputs = (0..MONTHS)
                .map(|month| {
                    let field = AnnualField::Value(id, month);
                    let label = Signal::derive(move || months.with(|m| m.get(month).cloned().unwrap_or_default()));
                    view! {
                        <InputField
                            id=annual_field_id(field)
                            label
                            value=Signal::derive(move || annual.with(|a| a.objectives.iter().find(|o| o.id == id).map(|o| o.value(month).to_owned()).unwrap_or_default()))
                            on_input=Callback::new(move |text: String| edit(Box::new(move |o| o.set_value(month, text))))
                            error=error_of(errors, field)
                            kind=Kind::Number
                        />
                    }
                })
                .collect_view();
            view! {
                <details class="objective-values">
                    <summary>{t(Key::ObjectiveValues)}</summary>
                    <div class="field-grid months">{inputs}</div>
                </details>
            }
        })
    };
    let heading_id = format!("objective-{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <li class="objective" aria-labelledby=labelled_by>
            <h3 id=heading_id>{heading}</h3>
            <div class="field-grid">
                {text_field("metric", Key::ObjectiveMetric, |o| o.metric.clone(), |o, text| o.metric = text)}
                {text_field("owner", Key::ObjectiveOwner, |o| o.owner.clone(), |o, text| o.owner = text)}
                <div class="field">
                    <label for=format!("objective-{id}-group")>{t(Key::ObjectiveGroup)}</label>
                    <select id=format!("objective-{id}-group") on:change=on_group>{group_options}</select>
                </div>
                <div class="field" hidden=is_stage>
                    <label for=format!("objective-{id}-unit")>{t(Key::ObjectiveUnit)}</label>
                    <select id=format!("objective-{id}-unit") on:change=on_unit>{unit_options}</select>
                </div>
                {number_field(AnnualField::Baseline(id), Key::ObjectiveBaseline, |o| o.baseline.clone(), |o, text| o.baseline = text)}
                {number_field(AnnualField::Target(id), Key::ObjectiveTarget, |o| o.target.clone(), |o, text| o.target = text)}
                <div class="field">
                    <label for=format!("objective-{id}-deadline")>{t(Key::ObjectiveDeadline)}</label>
                    <select id=format!("objective-{id}-deadline") on:change=on_deadline>
                        <option value="" selected=move || deadline().is_none()>{t(Key::NotChosen)}</option>
                        {month_options}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("objective-{id}-quarter")>{t(Key::ObjectiveQuarter)}</label>
                    <select id=format!("objective-{id}-quarter") on:change=on_quarter>
                        <option value="" selected=move || quarter().is_none()>{t(Key::NotChosen)}</option>
                        {quarter_options}
                    </select>
                </div>
            </div>
            {values}
            <p class="progress">{progress}</p>
            <ul class="smart" aria-label=t(Key::SmartCheckLabel)>{checks}</ul>
            <button type="button" class="remove" on:click=remove>
                {move || tf(Key::RemoveObjective, &[("metric", &heading())])}
            </button>
        </li>
    }
}

/// The objectives by owner: how many, on pace, behind, not started.
#[component]
fn OwnersPanel(annual: Annual, checked: CheckedMemo) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let mut owners: Vec<(String, usize, usize, usize, usize)> = Vec::new();
        checked.with(|(list, _)| {
            for item in list {
                let owner = if item.objective.owner.is_empty() {
                    t(Key::NoOwner).to_owned()
                } else {
                    item.objective.owner.clone()
                };
                let index = match owners.iter().position(|row| row.0 == owner) {
                    Some(index) => index,
                    None => {
                        owners.push((owner, 0, 0, 0, 0));
                        owners.len() - 1
                    }
                };
                if let Some(row) = owners.get_mut(index) {
                    row.1 += 1;
                    match item.progress {
                        Some(progress) if progress.is_on_pace => row.2 += 1,
                        Some(_) => row.3 += 1,
                        None => row.4 += 1,
                    }
                }
            }
        });
        owners
    });
    let has_any = move || annual.with(|a| !a.objectives.is_empty());
    let body = move || {
        rows.get()
            .into_iter()
            .map(|(owner, all, on_pace, behind, waiting)| {
                view! {
                    <tr>
                        <th scope="row">{owner}</th>
                        <td>{typed(all as f64)}</td>
                        <td>{typed(on_pace as f64)}</td>
                        <td>{typed(behind as f64)}</td>
                        <td>{typed(waiting as f64)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="owners-heading" hidden=move || !has_any()>
            <h2 id="owners-heading">{t(Key::OwnersHeading)}</h2>
            <ScrollTable caption_id="owners-caption" class="owners-table">
                <caption id="owners-caption" class="visually-hidden">{t(Key::OwnersHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::OwnerColumn)}</th>
                        <th scope="col">{t(Key::ObjectivesColumn)}</th>
                        <th scope="col">{t(Key::OnPaceColumn)}</th>
                        <th scope="col">{t(Key::BehindColumn)}</th>
                        <th scope="col">{t(Key::NotStartedColumn)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </ScrollTable>
        </section>
    }
}

/// The quarterly roadmap: each quarter's focus areas and objectives together (prints on one
/// page).
#[component]
fn RoadmapPanel(annual: Annual, checked: CheckedMemo, months: Memo<Vec<String>>) -> impl IntoView {
    let quarters = move || {
        let focus = annual.draft.with(|draft| draft.tracking.focus.clone());
        let units: Vec<(u32, UnitTag)> =
            annual.with(|a| a.objectives.iter().map(|o| (o.id, o.unit)).collect());
        checked.with(|(list, _)| {
            (0..QUARTERS)
                .map(|quarter| {
                    let areas: Vec<String> = focus
                        .get(quarter)
                        .map(|areas| {
                            areas
                                .iter()
                                .filter(|a| !a.trim().is_empty())
                                .cloned()
                                .collect()
                        })
                        .unwrap_or_default();
                    let areas = if areas.is_empty() {
                        t(Key::NoFocus).to_owned()
                    } else {
                        areas.join(" · ")
                    };
                    let items = list
                        .iter()
                        .filter(|item| item.objective.quarter == Some(quarter))
                        .map(|item| {
                            let unit = units
                                .iter()
                                .find(|(id, _)| *id == item.id)
                                .map(|(_, u)| *u)
                                .unwrap_or_default();
                            let target = item
                                .objective
                                .target
                                .map(|v| in_unit(unit, v))
                                .unwrap_or_else(|| t(Key::NoFigure).to_owned());
                            let by = item
                                .objective
                                .deadline
                                .and_then(|month| months.with(|m| m.get(month).cloned()))
                                .unwrap_or_else(|| t(Key::NotChosen).to_owned());
                            let owner = if item.objective.owner.is_empty() {
                                t(Key::NoOwner).to_owned()
                            } else {
                                item.objective.owner.clone()
                            };
                            // Counts and money are per month: "2,715 a month by March 2027".
                            let key = if unit == UnitTag::Percent {
                                Key::RoadmapItem
                            } else {
                                Key::RoadmapItemMonthly
                            };
                            let text = tf(
                                key,
                                &[
                                    ("metric", &item.objective.metric),
                                    ("target", &target),
                                    ("deadline", &by),
                                    ("owner", &owner),
                                ],
                            );
                            view! { <li>{text}</li> }
                        })
                        .collect_view();
                    view! {
                        <div class="roadmap-quarter">
                            <h3>{quarter_name(quarter)}</h3>
                            <p><span class="label">{t(Key::RoadmapFocus)}</span> " " {areas}</p>
                            <ul>{items}</ul>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card roadmap" aria-labelledby="roadmap-heading">
            <h2 id="roadmap-heading">{t(Key::RoadmapHeading)}</h2>
            <p class="hint">{t(Key::RoadmapIntro)}</p>
            <div class="roadmap-grid">{quarters}</div>
        </section>
    }
}
