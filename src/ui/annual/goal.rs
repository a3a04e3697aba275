//! The year's goal: revenue, growth over last year, new customers, or recurring revenue (MRR or
//! ARR) with churn; what existing customers bring; and the chain from the goal to the customers
//! needed, with "Use as the plan's goal" (undoable).

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::goal::{
    chain, GoalChain, GoalContext, GoalError, PerCustomer, PerCustomerSource,
};
use crate::model::annual::last_year::LastYear;
use crate::model::annual::{AnnualDraft, AnnualError, AnnualField, GoalMode, Part};
use crate::model::number::{format_typed, needed_shown, parse_positive};
use crate::model::page_data::{PageDataError, Tag};
use crate::model::GoalKind;
use crate::model::{InputError, PlanDraft};
use crate::ui::annual::{annual_field_id, number_field, Annual};
use crate::ui::field::{InputField, Kind};
use crate::ui::page_data::error_of;
use crate::ui::text::{count, money_exact, money_needed, needed, t, tf, tp};

/// The goal's mode names.
fn mode_name(mode: GoalMode) -> &'static str {
    t(match mode {
        GoalMode::Revenue => Key::GoalModeRevenue,
        GoalMode::Growth => Key::GoalModeGrowth,
        GoalMode::NewCustomers => Key::GoalModeCustomers,
        GoalMode::Mrr => Key::GoalModeMrr,
        GoalMode::Arr => Key::GoalModeArr,
    })
}

/// What the chain gives the plan: the goal's kind and figure, and the revenue per new customer
/// to set with a revenue goal when the chain did not take the plan's own (so that the Plan page
/// turns the goal into the same customers as the chain).
/// `plan_average` is the plan's average as it reads now: one that already says the chain's
/// figure is left as it is.
fn plan_goal(
    chain: &GoalChain,
    mode: GoalMode,
    plan_average: Option<f64>,
) -> Option<(GoalKind, f64, Option<f64>)> {
    match chain.from_new {
        Some(from_new) if mode.counts_existing() => (from_new > 0.0).then(|| {
            let average = chain
                .per_customer
                .filter(|per| per.source != PerCustomerSource::Plan)
                .map(|per| per.value)
                .filter(|value| plan_average != Some(*value));
            (GoalKind::Revenue, from_new, average)
        }),
        // Counts below 10 keep two decimals, rounded up as the chain shows them: 2.4 customers
        // set 2.4 as the goal, not 3.
        _ => (chain.customers > 0.0)
            .then(|| (GoalKind::NewCustomers, needed_shown(chain.customers), None)),
    }
}

/// The chain for the annual plan's goal (`None` while a field it needs has a problem), once per
/// change: `read` is the annual plan, `last_year` last year read from it.
pub fn goal_chain(
    draft: RwSignal<PlanDraft>,
    read: Memo<Result<AnnualDraft, PageDataError>>,
    last_year: Memo<(LastYear, Vec<AnnualError>)>,
) -> Memo<Option<Result<GoalChain, GoalError>>> {
    Memo::new(move |_| {
        let (average, is_average_the_example) = draft.with(|draft| {
            let symbols = draft.typed_in.symbols();
            (
                parse_positive(&draft.average_revenue_per_customer, symbols).ok(),
                draft.is_average_the_example(),
            )
        });
        let (last_year_revenue, last_year_per_customer) = last_year
            .with(|(last_year, _)| (last_year.revenue, last_year.revenue_per_customer().ok()));
        read.with(|read| {
            let a = read.as_ref().ok()?;
            let target = a.target().ok()?;
            let counts_existing = a.goal.mode.counts_existing();
            let (existing, problems) = a.existing();
            if counts_existing && !problems.is_empty() {
                return None;
            }
            Some(chain(
                target,
                &GoalContext {
                    last_year_revenue,
                    average_revenue_per_customer: average,
                    is_average_the_example,
                    last_year_per_customer,
                    existing: if counts_existing {
                        existing
                    } else {
                        Default::default()
                    },
                },
            ))
        })
    })
}

/// The goal panel.
#[component]
pub fn GoalPanel(annual: Annual) -> impl IntoView {
    let mode = Memo::new(move |_| annual.with(|a| a.goal.mode));
    // Problems of the goal's fields and of existing customers' parts.
    let errors = Memo::new(move |_| {
        annual.with(|a| {
            let mut errors = a.target().err().unwrap_or_default();
            // A goal not typed yet is no mistake: the chain below asks for it.
            errors.retain(|(_, error)| *error != InputError::Empty);
            if a.goal.mode.counts_existing() {
                errors.extend(a.existing().1);
            }
            errors
        })
    });
    let result = annual.chain;
    let field = move |field, label, hint, read, write| {
        number_field(annual, errors, field, label, hint, read, write)
    };
    let mode_options = GoalMode::ALL
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.tag() selected=move || mode.get() == option>
                    {mode_name(option)}
                </option>
            }
        })
        .collect_view();
    let on_mode = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if let Some(chosen) = GoalMode::ALL.into_iter().find(|m| m.tag() == value) {
            annual.edit(|a| a.goal.mode = chosen);
        }
    };
    let mode_fields = move || match mode.get() {
        GoalMode::Revenue => field(
            AnnualField::GoalRevenue,
            Key::AnnualRevenueGoal,
            Some(Key::AnnualRevenueGoalHint),
            |a| &a.goal.revenue,
            |a, text| a.goal.revenue = text,
        )
        .into_any(),
        GoalMode::Growth => field(
            AnnualField::Growth,
            Key::GrowthLabel,
            Some(Key::GrowthHint),
            |a| &a.goal.growth,
            |a, text| a.goal.growth = text,
        )
        .into_any(),
        GoalMode::NewCustomers => field(
            AnnualField::NewCustomers,
            Key::AnnualCustomersGoal,
            None,
            |a| &a.goal.new_customers,
            |a, text| a.goal.new_customers = text,
        )
        .into_any(),
        GoalMode::Mrr | GoalMode::Arr => {
            let target_label = if mode.get() == GoalMode::Mrr {
                Key::MrrGoalLabel
            } else {
                Key::ArrGoalLabel
            };
            view! {
                {field(AnnualField::Recurring, target_label, None, |a| &a.goal.recurring, |a, text| a.goal.recurring = text)}
                {field(AnnualField::CurrentMrr, Key::CurrentMrrLabel, Some(Key::CurrentMrrHint), |a| &a.goal.current_mrr, |a, text| a.goal.current_mrr = text)}
                {field(AnnualField::Churn, Key::ChurnMonthlyLabel, Some(Key::ChurnMonthlyHint), |a| &a.goal.churn, |a, text| a.goal.churn = text)}
                {field(AnnualField::MrrPerCustomer, Key::MrrPerCustomerLabel, None, |a| &a.goal.mrr_per_customer, |a, text| a.goal.mrr_per_customer = text)}
            }
            .into_any()
        }
    };
    let existing_fields = move || {
        mode.get().counts_existing().then(|| {
            Part::ALL
                .into_iter()
                .map(|part| existing_part(annual, part, errors))
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="annual-goal-heading">
            <h2 id="annual-goal-heading">{t(Key::AnnualGoalHeading)}</h2>
            <div class="field">
                <label for="goal-mode">{t(Key::GoalModeLabel)}</label>
                <select id="goal-mode" on:change=on_mode>{mode_options}</select>
            </div>
            <div class="field-grid">{mode_fields}</div>
            <fieldset class="existing" hidden=move || !mode.get().counts_existing()>
                <legend>{t(Key::ExistingHeading)}</legend>
                <p class="hint">{t(Key::ExistingIntro)}</p>
                <div class="field-grid">{existing_fields}</div>
            </fieldset>
            <Chain annual result mode />
        </section>
    }
}

/// One part of existing customers' revenue: its amount or percent, and which it is.
fn existing_part(annual: Annual, part: Part, errors: Memo<Vec<AnnualError>>) -> impl IntoView {
    let field = AnnualField::Existing(part);
    let label = t(match part {
        Part::Retained => Key::ExistingRetained,
        Part::Upsell => Key::ExistingUpsell,
        Part::CrossSell => Key::ExistingCrossSell,
    });
    let is_percent = Memo::new(move |_| annual.with(|a| a.existing.part(part).is_percent));
    let value = Signal::derive(move || annual.with(|a| a.existing.part(part).text.clone()));
    let kind_id = format!("{}-kind", annual_field_id(field));
    let on_kind = move |event: leptos::ev::Event| {
        let percent = event_target_value(&event) == "percent";
        annual.edit(|a| a.existing.part_mut(part).is_percent = percent);
    };
    view! {
        <div class="existing-part">
            <InputField
                id=annual_field_id(field)
                label=Signal::derive(move || label.to_owned())
                value
                on_input=Callback::new(move |text: String| annual.edit(|a| a.existing.part_mut(part).text = text))
                error=error_of(errors, field)
                kind=Kind::Number
            />
            <label class="visually-hidden" for=kind_id.clone()>{tf(Key::ExistingKindLabel, &[("part", label)])}</label>
            <select id=kind_id on:change=on_kind>
                <option value="amount" selected=move || !is_percent.get()>{t(Key::ExistingAmount)}</option>
                <option value="percent" selected=move || is_percent.get()>{t(Key::ExistingPercent)}</option>
            </select>
        </div>
    }
}

/// The chain from the goal to the customers needed, and "Use as the plan's goal".
#[component]
fn Chain(
    annual: Annual,
    result: Memo<Option<Result<GoalChain, GoalError>>>,
    mode: Memo<GoalMode>,
) -> impl IntoView {
    // What "Use … as the plan's goal" changed, to undo it: the goal's kind, the two goals' and
    // the average's texts as they were, and the confirmation shown meanwhile.
    let before: RwSignal<Option<(PlanGoalTexts, String)>> = RwSignal::new(None);
    let applied = Memo::new(move |_| {
        let plan_average = annual.draft.with(|draft| {
            parse_positive(
                &draft.average_revenue_per_customer,
                draft.typed_in.symbols(),
            )
            .ok()
        });
        result.with(|result| match result {
            Some(Ok(chain)) => plan_goal(chain, mode.get(), plan_average),
            _ => None,
        })
    });
    // Whether the plan already says what the chain gives (goal and, if set, average).
    let is_current = Memo::new(move |_| {
        let Some((kind, value, average)) = applied.get() else {
            return false;
        };
        annual.draft.with(|draft| {
            let symbols = draft.typed_in.symbols();
            let text = match kind {
                GoalKind::Revenue => &draft.revenue_goal,
                GoalKind::NewCustomers => &draft.new_customers_goal,
            };
            draft.goal_kind == kind
                && parse_positive(text, symbols).ok() == Some(value)
                && average.is_none_or(|average| {
                    parse_positive(&draft.average_revenue_per_customer, symbols).ok()
                        == Some(average)
                })
        })
    });
    let apply = move |_| {
        let Some((kind, value, average)) = applied.get_untracked() else {
            return;
        };
        let confirmation = match average {
            Some(average) => tf(
                Key::PlanGoalAndAverageSet,
                &[
                    ("goal", &money_needed(value)),
                    ("average", &money_exact(average)),
                ],
            ),
            None => t(Key::PlanGoalSet).to_owned(),
        };
        annual.draft.update(|draft| {
            before.set(Some((PlanGoalTexts::of(draft), confirmation)));
            let symbols = draft.typed_in.symbols();
            let text = format_typed(value, symbols);
            draft.goal_kind = kind;
            match kind {
                GoalKind::Revenue => draft.revenue_goal = text,
                GoalKind::NewCustomers => draft.new_customers_goal = text,
            }
            if let Some(average) = average {
                draft.average_revenue_per_customer = format_typed(average, symbols);
            }
        });
    };
    let undo = move |_| {
        if let Some((texts, _)) = before.get_untracked() {
            annual.draft.update(|draft| texts.put_back(draft));
            before.set(None);
        }
    };
    let steps = move || {
        result.with(|result| match result {
            None => view! { <p class="hint">{t(Key::ChainWaiting)}</p> }.into_any(),
            Some(Err(error)) => {
                let key = match error {
                    GoalError::NoLastYearRevenue => Key::ChainNeedsLastYearRevenue,
                    GoalError::NoAverage => Key::ChainNeedsAverage,
                    GoalError::NoRecurringPerCustomer => Key::ChainNeedsMrrPerCustomer,
                    GoalError::TooLarge => Key::ChainTooLarge,
                };
                view! { <p class="problem">{t(key)}</p> }.into_any()
            }
            Some(Ok(chain)) => annual
                .last_year
                .with(|(last_year, _)| chain_steps(chain, last_year).into_any()),
        })
    };
    view! {
        <div class="chain" role="group" aria-labelledby="chain-heading">
            <h3 id="chain-heading">{t(Key::ChainHeading)}</h3>
            {steps}
            <div class="actions" hidden=move || applied.with(Option::is_none)>
                <p class="status" hidden=move || !is_current.get()>{t(Key::ChainIsPlanGoal)}</p>
                <button type="button" on:click=apply hidden=is_current>
                    {move || match applied.get() {
                        Some((GoalKind::Revenue, value, None)) => tf(Key::UseRevenueAsGoal, &[("value", &money_needed(value))]),
                        Some((GoalKind::Revenue, value, Some(average))) => tf(
                            Key::UseRevenueAndAverageAsGoal,
                            &[("value", &money_needed(value)), ("average", &money_exact(average))],
                        ),
                        Some((GoalKind::NewCustomers, value, _)) => tp(Key::UseCustomersAsGoal, value, &[("value", &needed(value))]),
                        None => String::new(),
                    }}
                </button>
            </div>
            <p class="notice" role="status" hidden=move || before.with(Option::is_none)>
                {move || before.with(|before| before.as_ref().map(|(_, said)| said.clone()))} " "
                <button type="button" on:click=undo>{t(Key::UndoChange)}</button>
            </p>
        </div>
    }
}

/// The goal's and the average's texts as they were before "Use … as the plan's goal".
#[derive(Debug, Clone, PartialEq)]
struct PlanGoalTexts {
    kind: GoalKind,
    revenue: String,
    customers: String,
    average: String,
}

impl PlanGoalTexts {
    fn of(draft: &PlanDraft) -> Self {
        Self {
            kind: draft.goal_kind,
            revenue: draft.revenue_goal.clone(),
            customers: draft.new_customers_goal.clone(),
            average: draft.average_revenue_per_customer.clone(),
        }
    }

    fn put_back(self, draft: &mut PlanDraft) {
        draft.goal_kind = self.kind;
        draft.revenue_goal = self.revenue;
        draft.new_customers_goal = self.customers;
        draft.average_revenue_per_customer = self.average;
    }
}

/// The revenue per new customer the chain divides by, and whose it is: the plan's, last year's
/// with its arithmetic, or the worked example's with what to type instead.
fn per_customer_text(per_customer: PerCustomer, last_year: &LastYear) -> String {
    let value = money_exact(per_customer.value);
    match per_customer.source {
        PerCustomerSource::Plan => tf(Key::ChainPerCustomerPlan, &[("value", &value)]),
        PerCustomerSource::LastYear => {
            let revenue = last_year.new_customer_revenue.unwrap_or_default();
            let customers = last_year.new_customers().unwrap_or_default();
            tf(
                Key::ChainPerCustomerLastYear,
                &[
                    ("value", &value),
                    ("revenue", &money_exact(revenue)),
                    ("customers", &count(customers)),
                ],
            )
        }
        PerCustomerSource::Example => tf(Key::ChainPerCustomerExample, &[("value", &value)]),
    }
}

/// The chain's steps as a list.
fn chain_steps(chain: &GoalChain, last_year: &LastYear) -> impl IntoView {
    let mut items: Vec<(String, String)> = Vec::new();
    if let Some(goal) = chain.goal_revenue {
        items.push((t(Key::ChainGoal).to_owned(), money_needed(goal)));
        let existing = chain.from_existing();
        items.push((
            t(Key::ChainFromExisting).to_owned(),
            tf(
                Key::ChainExistingParts,
                &[
                    ("total", &money_needed(existing)),
                    ("retained", &money_needed(chain.retained)),
                    ("upsell", &money_needed(chain.upsell)),
                    ("cross_sell", &money_needed(chain.cross_sell)),
                ],
            ),
        ));
    }
    if let Some(from_new) = chain.from_new {
        items.push((t(Key::ChainFromNew).to_owned(), money_needed(from_new)));
    }
    if let Some(per_customer) = chain.per_customer {
        items.push((
            t(Key::ChainPerCustomer).to_owned(),
            per_customer_text(per_customer, last_year),
        ));
    }
    if let Some(recurring) = chain.recurring {
        items.push((
            t(Key::ChainTargetMrr).to_owned(),
            money_needed(recurring.target_mrr),
        ));
        items.push((
            t(Key::ChainKeptMrr).to_owned(),
            money_needed(recurring.kept_mrr),
        ));
        items.push((
            t(Key::ChainGapMrr).to_owned(),
            money_needed(recurring.gap_mrr),
        ));
        items.push((
            t(Key::ChainPerMonth).to_owned(),
            needed(recurring.customers_per_month),
        ));
        items.push((
            t(Key::ChainCustomersKept).to_owned(),
            needed(recurring.customers_kept),
        ));
    }
    items.push((t(Key::ChainCustomers).to_owned(), needed(chain.customers)));
    let covered = chain
        .is_covered()
        .then(|| view! { <p class="status">{t(Key::ChainCovered)}</p> });
    let items = items
        .into_iter()
        .map(|(label, value)| view! { <li><span>{label}</span> " " <strong>{value}</strong></li> })
        .collect_view();
    view! {
        <ol class="chain-steps">{items}</ol>
        {covered}
    }
}
