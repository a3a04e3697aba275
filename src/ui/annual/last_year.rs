//! Last year: each stage's total, the spend and the revenue, and what follows from them (each
//! rate, cost per stage, CAC, revenue per new customer, with its arithmetic); "Use last year's
//! rates" (undoable). Then the plan's rates beside last year's and the typical range of the
//! industry picked, a rate far above last year or outside the range pointed out.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::last_year::stretches;
use crate::model::annual::{AnnualField, IndustryTag};
use crate::model::benchmarks::{default_steps, range, Industry, Position};
use crate::model::kpi::Figure;
use crate::model::number::format_typed;
use crate::model::page_data::Tag;
use crate::model::{to_percent, StageId};
use crate::ui::annual::{annual_field_id, number_field, Annual};
use crate::ui::field::{InputField, Kind};
use crate::ui::figures::{figure, Unit};
use crate::ui::page_data::error_of;
use crate::ui::table::ScrollTable;
use crate::ui::text::{count, exact, money_exact, percent, t, tf};

/// "1,280 ÷ 80,000 = 1.6%": how a figure of last year was worked out, or "" when it was not.
fn arithmetic(top: Option<f64>, bottom: Option<f64>, result: &Figure, unit: Unit) -> String {
    match (top, bottom, result) {
        (Some(top), Some(bottom), Ok(_)) => {
            let top = match unit {
                Unit::Money => money_exact(top),
                _ => count(top),
            };
            tf(
                Key::Division,
                &[
                    ("top", &top),
                    ("bottom", &count(bottom)),
                    ("result", &figure(*result, unit, &[])),
                ],
            )
        }
        _ => String::new(),
    }
}

/// The Last year panel.
#[component]
pub fn LastYearPanel(annual: Annual) -> impl IntoView {
    let errors = Memo::new(move |_| annual.last_year.with(|(_, errors)| errors.clone()));
    let stage_rows = move || {
        let names = annual.stage_names.get();
        annual
            .stage_ids
            .get()
            .into_iter()
            .zip(names.clone())
            .enumerate()
            .map(|(index, (id, name))| {
                let field = AnnualField::LastYearStage(id);
                let value = Signal::derive(move || annual.with(|a| a.stage_total(id).to_owned()));
                let on_input = Callback::new(move |text: String| {
                    annual.edit(|a| a.set_stage_total(id, text));
                });
                let names = names.clone();
                let rate = move || {
                    annual.last_year.with(|(last_year, _)| {
                        let count = last_year.stage_totals.len();
                        (index + 1 < count).then(|| {
                            let rate = last_year.rate(index);
                            let total = |at: usize| last_year.stage_totals.get(at).copied().flatten();
                            (
                                figure(rate, Unit::Percent, &names),
                                arithmetic(total(index + 1), total(index), &rate, Unit::Percent),
                            )
                        })
                    })
                };
                let names_cost = annual.stage_names;
                let cost = move || {
                    annual.last_year.with(|(last_year, _)| {
                        last_year.spend.map(|spend| {
                            let cost = last_year.cost_per_stage(index);
                            let total = last_year.stage_totals.get(index).copied().flatten();
                            (
                                names_cost.with(|names| figure(cost, Unit::Money, names)),
                                arithmetic(Some(spend), total, &cost, Unit::Money),
                            )
                        })
                    })
                };
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        <td>
                            <InputField
                                id=annual_field_id(field)
                                label=Signal::derive(move || tf(Key::LastYearTotalOf, &[("stage", &name)]))
                                value
                                on_input
                                error=error_of(errors, field)
                                kind=Kind::Number
                            />
                        </td>
                        <td>
                            {move || rate().map(|(figure, how)| view! {
                                <span class="figure">{figure}</span>
                                <small class="how-line">{how}</small>
                            })}
                        </td>
                        <td>
                            {move || cost().map(|(figure, how)| view! {
                                <span class="figure">{figure}</span>
                                <small class="how-line">{how}</small>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let money_field = move |field, label, hint, read, write| {
        number_field(annual, errors, field, label, Some(hint), read, write)
    };
    let cac = move || {
        annual.last_year.with(|(last_year, _)| {
            let cac = last_year.cac();
            let how = arithmetic(
                last_year.spend,
                last_year.new_customers(),
                &cac,
                Unit::Money,
            );
            (
                annual
                    .stage_names
                    .with(|names| figure(cac, Unit::Money, names)),
                how,
            )
        })
    };
    let per_customer = move || {
        annual.last_year.with(|(last_year, _)| {
            let value = last_year.revenue_per_customer();
            let how = arithmetic(
                last_year.new_customer_revenue,
                last_year.new_customers(),
                &value,
                Unit::Money,
            );
            (
                annual
                    .stage_names
                    .with(|names| figure(value, Unit::Money, names)),
                how,
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="last-year-heading">
            <h2 id="last-year-heading">{t(Key::LastYearHeading)}</h2>
            <p class="hint">{t(Key::LastYearIntro)}</p>
            <ScrollTable caption_id="last-year-caption" class="last-year-table">
                <caption id="last-year-caption">{t(Key::LastYearCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::LastYearStageColumn)}</th>
                        <th scope="col">{t(Key::LastYearTotalColumn)}</th>
                        <th scope="col">{t(Key::LastYearRateColumn)}</th>
                        <th scope="col">{t(Key::LastYearCostColumn)}</th>
                    </tr>
                </thead>
                <tbody>{stage_rows}</tbody>
            </ScrollTable>
            <div class="field-grid">
                {money_field(AnnualField::LastYearSpend, Key::LastYearSpend, Key::LastYearSpendHint, |a| &a.last_year.spend, |a, text| a.last_year.spend = text)}
                {money_field(AnnualField::LastYearRevenue, Key::LastYearRevenue, Key::LastYearRevenueHint, |a| &a.last_year.revenue, |a, text| a.last_year.revenue = text)}
                {money_field(AnnualField::LastYearNewRevenue, Key::LastYearNewRevenue, Key::LastYearNewRevenueHint, |a| &a.last_year.new_customer_revenue, |a, text| a.last_year.new_customer_revenue = text)}
            </div>
            <dl class="figures">
                <div>
                    <dt>{t(Key::LastYearCac)}</dt>
                    <dd>{move || cac().0} <small class="how-line">{move || cac().1}</small></dd>
                </div>
                <div>
                    <dt>{t(Key::LastYearRevenuePerCustomer)}</dt>
                    <dd>{move || per_customer().0} <small class="how-line">{move || per_customer().1}</small></dd>
                </div>
            </dl>
            <UseLastYearRates annual />
        </section>
    }
}

/// "Use last year's rates in the plan", and "Undo" after it.
#[component]
fn UseLastYearRates(annual: Annual) -> impl IntoView {
    // The rates as they were before the copy, to put back.
    let before: RwSignal<Option<Vec<(StageId, String)>>> = RwSignal::new(None);
    let percents = Memo::new(move |_| {
        annual
            .last_year
            .with(|(last_year, _)| last_year.rates_as_percents())
    });
    let has_any = move || percents.with(|percents| percents.iter().any(Option::is_some));
    let is_rounded = Memo::new(move |_| {
        annual
            .last_year
            .with(|(last_year, _)| last_year.are_rates_rounded())
    });
    let copy = move |_| {
        let percents = percents.get_untracked();
        annual.draft.update(|draft| {
            let symbols = draft.typed_in.symbols();
            before.set(Some(
                draft
                    .stages
                    .iter()
                    .map(|stage| (stage.id, stage.rate_to_next.clone()))
                    .collect(),
            ));
            for (stage, percent) in draft.stages.iter_mut().zip(percents) {
                if let Some(percent) = percent {
                    stage.rate_to_next = format_typed(percent, symbols);
                }
            }
        });
    };
    let undo = move |_| {
        if let Some(rates) = before.get_untracked() {
            annual.draft.update(|draft| {
                for (id, rate) in rates {
                    if let Some(stage) = draft.stage_mut(id) {
                        stage.rate_to_next = rate;
                    }
                }
            });
            before.set(None);
        }
    };
    view! {
        <div class="actions">
            <button type="button" on:click=copy disabled=move || !has_any()>
                {t(Key::UseLastYearRates)}
            </button>
            <p class="hint" hidden=has_any>{t(Key::UseLastYearRatesNeeds)}</p>
            <p class="notice" role="status" hidden=move || before.with(Option::is_none)>
                {move || t(if is_rounded.get() { Key::LastYearRatesRounded } else { Key::LastYearRatesUsed })} " "
                <button type="button" on:click=undo>{t(Key::UndoChange)}</button>
            </p>
        </div>
    }
}

/// The industries' names.
fn industry_name(industry: Industry) -> &'static str {
    t(match industry {
        Industry::Software => Key::IndustrySoftware,
        Industry::ProfessionalServices => Key::IndustryServices,
        Industry::Manufacturing => Key::IndustryManufacturing,
        Industry::Ecommerce => Key::IndustryEcommerce,
        Industry::FinancialServices => Key::IndustryFinance,
        Industry::Healthcare => Key::IndustryHealthcare,
        Industry::Other => Key::IndustryOther,
    })
}

/// One row of the rates check.
#[derive(Debug, Clone, PartialEq)]
struct RateRow {
    step: String,
    planned: Option<f64>,
    last_year: Option<f64>,
    range: Option<(f64, f64, String, bool)>,
    notes: Vec<String>,
}

/// The plan's rates beside last year's and the typical ranges.
#[component]
pub fn RatesPanel(annual: Annual) -> impl IntoView {
    let industry = Memo::new(move |_| annual.with(|a| a.industry));
    let rows = Memo::new(move |_| {
        let names = annual.stage_names.get();
        let industry: Industry = industry.get().into();
        let planned: Vec<Option<f64>> = annual.checked.with(|checked| match checked {
            Ok(plan) => plan
                .funnel
                .rates()
                .iter()
                .map(|rate| Some(rate.fraction()))
                .collect(),
            Err(_) => vec![None; names.len().saturating_sub(1)],
        });
        let stretch = annual.checked.with(|checked| {
            annual.last_year.with(|(last_year, _)| match checked {
                Ok(plan) => stretches(&plan.funnel, last_year),
                Err(_) => Vec::new(),
            })
        });
        let last: Vec<Option<f64>> = annual
            .last_year
            .with(|(last_year, _)| last_year.rates().into_iter().map(Result::ok).collect());
        let steps = default_steps(names.len());
        (0..names.len().saturating_sub(1))
            .map(|index| {
                let from = names.get(index).cloned().unwrap_or_default();
                let to = names.get(index + 1).cloned().unwrap_or_default();
                let planned = planned.get(index).copied().flatten();
                let range = steps
                    .get(index)
                    .copied()
                    .flatten()
                    .and_then(|step| range(step, industry));
                let mut notes = Vec::new();
                if let Some(Some(stretch)) = stretch.get(index) {
                    notes.push(tf(
                        Key::RateStretch,
                        &[
                            ("planned", &percent(to_percent(stretch.planned))),
                            ("last_year", &percent(to_percent(stretch.last_year))),
                            ("multiple", &exact(stretch.multiple)),
                        ],
                    ));
                }
                if let (Some(planned), Some(range)) = (planned, range.as_ref()) {
                    match range.position(planned) {
                        Position::Above => notes.push(t(Key::RateAboveRange).to_owned()),
                        Position::Below => notes.push(t(Key::RateBelowRange).to_owned()),
                        Position::Within => {}
                    }
                }
                RateRow {
                    step: tf(Key::StepLabel, &[("from", &from), ("to", &to)]),
                    planned,
                    last_year: last.get(index).copied().flatten(),
                    range: range.map(|range| {
                        let sources = range
                            .sources
                            .iter()
                            .map(|source| match source.year {
                                Some(year) => {
                                    format!("{}, {} ({year})", source.publisher, source.title)
                                }
                                None => format!("{}, {}", source.publisher, source.title),
                            })
                            .collect::<Vec<_>>()
                            .join("; ");
                        (range.low, range.high, sources, range.is_all_industries)
                    }),
                    notes,
                }
            })
            .collect::<Vec<_>>()
    });
    let options = Industry::ALL
        .into_iter()
        .map(|option| {
            let tag = IndustryTag::from(option);
            view! {
                <option value=tag.tag() selected=move || industry.get() == tag>
                    {industry_name(option)}
                </option>
            }
        })
        .collect_view();
    let on_industry = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let tag = IndustryTag::from_tag(&value);
        annual.edit(|a| a.industry = tag);
    };
    let body = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let shown = |value: Option<f64>| {
                    value.map_or_else(|| t(Key::NoFigure).to_owned(), |value| percent(to_percent(value)))
                };
                let range = row.range.map_or_else(
                    || view! { <span>{t(Key::NoRange)}</span> }.into_any(),
                    |(low, high, sources, is_all)| {
                        let scope = if is_all { t(Key::RangeAllIndustries) } else { "" };
                        view! {
                            <span class="figure">{tf(Key::RangeText, &[("low", &percent(to_percent(low))), ("high", &percent(to_percent(high)))])}</span>
                            <small class="how-line">{tf(Key::RangeSource, &[("source", &sources)])} " " {scope}</small>
                        }
                        .into_any()
                    },
                );
                let has_notes = !row.notes.is_empty();
                view! {
                    <tr class:flagged=has_notes>
                        <th scope="row">{row.step}</th>
                        <td>{shown(row.planned)}</td>
                        <td>{shown(row.last_year)}</td>
                        <td>{range}</td>
                        <td>{row.notes.join(" ")}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="rates-check-heading">
            <h2 id="rates-check-heading">{t(Key::RatesCheckHeading)}</h2>
            <p class="hint">{t(Key::RatesCheckIntro)}</p>
            <div class="field">
                <label for="industry">{t(Key::IndustryLabel)}</label>
                <select id="industry" on:change=on_industry>{options}</select>
            </div>
            <ScrollTable caption_id="rates-check-caption" class="rates-check-table">
                <caption id="rates-check-caption">{t(Key::RatesCheckCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::StepColumn)}</th>
                        <th scope="col">{t(Key::PlannedColumn)}</th>
                        <th scope="col">{t(Key::LastYearColumn)}</th>
                        <th scope="col">{t(Key::TypicalColumn)}</th>
                        <th scope="col">{t(Key::RateNoteColumn)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </ScrollTable>
        </section>
    }
}
