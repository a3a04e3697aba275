//! The results: the funnel targets table (per month, quarter and year), the revenue they deliver,
//! the honest-rounding note and "How this is calculated".

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::number::{is_rounded_up, plain_decimal};
use crate::model::{Field, FieldError, Period, PlanDraft, Source, Targets};
use crate::pages::Page;
use crate::ui::browser::focus_later;
use crate::ui::later::Later;
use crate::ui::planner::FIELD_FRAGMENT;
use crate::ui::shell::Content;
use crate::ui::state::{Checked, PageState, TargetsMemo};
use crate::ui::table::ScrollTable;
use crate::ui::text::{
    error_message, exact, field_id, money, money_needed, needed, percent, stage_label, t, tf,
};

/// The results panel; `show_how` (on unless an embed turns it off) adds "How this is
/// calculated".
#[component]
pub fn TargetsPanel(
    draft: RwSignal<PlanDraft>,
    checked: Checked,
    targets: TargetsMemo,
    #[prop(default = true)] show_how: bool,
) -> impl IntoView {
    // The targets when they could be computed; read by reference below, never cloned again.
    let valid: Memo<Option<Targets>> =
        Memo::new(move |_| targets.with(|targets| targets.clone().and_then(Result::ok)));
    let show_exact = RwSignal::new(false);

    view! {
        <section class="card results" aria-labelledby="results-heading">
            <h2 id="results-heading">{t(Key::ResultsHeading)}</h2>
            {move || {
                checked.with(|checked| checked.as_ref().err().cloned()).map(|errors| view! { <Problems draft errors /> })
            }}
            {move || matches!(targets.get(), Some(Err(_))).then(|| view! { <p class="problem">{t(Key::TargetsTooLarge)}</p> })}
            <div class="targets" hidden=move || valid.with(Option::is_none)>
                <p class="summary">
                    {move || {
                        valid.with(|targets| {
                            targets.as_ref().map(|targets| match (targets.revenue(Period::Month), targets.revenue(Period::Quarter), targets.revenue(Period::Year)) {
                                (Some(month), Some(quarter), Some(year)) => tf(
                                    Key::RevenueSummary,
                                    &[
                                        ("year", &money_needed(year)),
                                        ("quarter", &money_needed(quarter)),
                                        ("month", &money_needed(month)),
                                    ],
                                ),
                                _ => t(Key::RevenueSummaryNoAverage).to_owned(),
                            })
                        })
                    }}
                </p>
                <ScrollTable caption_id="targets-caption" class="targets-table">
                    <caption id="targets-caption">{t(Key::TargetsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::StageColumn)}</th>
                            <th scope="col">{t(Key::PerMonth)}</th>
                            <th scope="col">{t(Key::PerQuarter)}</th>
                            <th scope="col">{t(Key::PerYear)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || valid.with(|targets| targets.as_ref().map(|targets| target_rows(targets, show_exact)))}
                    </tbody>
                </ScrollTable>
                <label class="toggle">
                    <input type="checkbox" bind:checked=show_exact />
                    {t(Key::ShowExactValues)}
                </label>
                <p class="note">{move || valid.with(|targets| targets.as_ref().map(rounding_note))}</p>
                {show_how.then(|| view! {
                    <details class="how" id="how">
                        <summary>{t(Key::HowHeading)}</summary>
                        <ol>{move || valid.with(|targets| targets.as_ref().map(how_steps))}</ol>
                        <p>{t(Key::HowPeriods)}</p>
                        <p>{t(Key::HowRounding)}</p>
                    </details>
                })}
            </div>
        </section>
    }
}

/// One row per stage: the whole number to reach per period (or the exact value when asked), with
/// the unrounded number in `data-value`.
fn target_rows(targets: &Targets, show_exact: RwSignal<bool>) -> impl IntoView {
    targets
        .stages
        .iter()
        .map(|stage| {
            let cells = Period::ALL
                .iter()
                .map(|period| {
                    let value = stage.per(*period);
                    view! {
                        <td data-value=plain_decimal(value) class:rounded=is_rounded_up(value)>
                            {move || if show_exact.get() { exact(value) } else { needed(value) }}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{stage.name.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view()
}

/// Says how counts are rounded, with the plan's own customers figure when rounding changed it.
fn rounding_note(targets: &Targets) -> String {
    match targets.customers() {
        Some(customers) if is_rounded_up(customers.per_year) => tf(
            Key::RoundingNote,
            &[
                ("exact", &exact(customers.per_year)),
                ("customers", &customers.name),
                ("whole", &needed(customers.per_year)),
            ],
        ),
        _ => t(Key::RoundingNoteWhole).to_owned(),
    }
}

/// The calculation, step by step with the plan's numbers, from the goal up the funnel.
fn how_steps(targets: &Targets) -> impl IntoView {
    targets
        .stages
        .iter()
        .rev()
        .map(|stage| {
            let result = exact(stage.per_year);
            let step = match &stage.source {
                Source::RevenueGoal {
                    revenue_per_year,
                    average_revenue_per_customer,
                } => tf(
                    Key::HowCustomersFromRevenue,
                    &[
                        ("customers", &stage.name),
                        ("revenue", &money(*revenue_per_year)),
                        ("average", &money(*average_revenue_per_customer)),
                        ("result", &result),
                    ],
                ),
                Source::NewCustomersGoal => tf(
                    Key::HowCustomersFromGoal,
                    &[("customers", &stage.name), ("result", &result)],
                ),
                Source::NextStage {
                    next_name,
                    next_per_year,
                    rate,
                } => tf(
                    Key::HowStage,
                    &[
                        ("stage", &stage.name),
                        ("next", next_name),
                        ("next_value", &exact(*next_per_year)),
                        ("rate", &percent(rate.percent())),
                        ("result", &result),
                    ],
                ),
            };
            view! { <li>{step}</li> }
        })
        .collect_view()
}

/// What must be fixed before targets can be shown; each item moves focus to its field.
#[component]
fn Problems(draft: RwSignal<PlanDraft>, errors: Vec<FieldError>) -> impl IntoView {
    // Only a goal not typed yet (a new plan): ask for it rather than list mistakes.
    let is_awaiting = errors.iter().all(FieldError::is_awaited);
    let elsewhere = use_context::<FieldsElsewhere>();
    let items = errors
        .into_iter()
        .map(|problem| {
            let field = problem.field;
            let message = (!problem.is_awaited()).then(|| error_message(problem.error));
            // The label follows renames and moves of the stage while the error stays the same.
            let text = move || {
                let label = draft.with(|draft| field_label(draft, field));
                match &message {
                    Some(message) => tf(Key::ProblemItem, &[("field", &label), ("message", message)]),
                    None => label,
                }
            };
            view! {
                <li>
                    <button type="button" class="link" on:click=move |_| go_to_field(field, elsewhere)>
                        {text}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="problems">
            <p>{t(if is_awaiting { Key::TargetsAwaited } else { Key::TargetsMissing })}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// The Plan page's address for the open plan, where an area without the plan's fields (Channels
/// and KPIs) sends a person to mend a problem; given as context by that area.
#[derive(Clone, Copy)]
pub struct FieldsElsewhere(pub Memo<String>);

/// Brings `field` into focus: here, or on the Plan page when this area does not have it.
fn go_to_field(field: Field, elsewhere: Option<FieldsElsewhere>) {
    match elsewhere {
        Some(FieldsElsewhere(plan_fragment)) => {
            let address = format!(
                "{}#{}{FIELD_FRAGMENT}{}",
                Page::Plan.href(),
                plan_fragment.get_untracked(),
                field_id(field)
            );
            let _ = window().location().set_href(&address);
        }
        None => focus_later(field_id(field)),
    }
}

/// The visible label of `field`, as the form shows it.
fn field_label(draft: &PlanDraft, field: Field) -> String {
    let stage_name = |id| {
        draft.position(id).and_then(|position| {
            draft
                .stages
                .get(position)
                .map(|stage| (position, stage_label(&stage.name, position)))
        })
    };
    match field {
        Field::RevenueGoal => t(Key::RevenueGoalLabel).to_owned(),
        Field::NewCustomersGoal => t(Key::NewCustomersGoalLabel).to_owned(),
        Field::AverageRevenuePerCustomer => t(Key::AverageRevenueLabel).to_owned(),
        Field::CurrentTopPerMonth => t(Key::ForwardHeading).to_owned(),
        Field::Stages => t(Key::StagesHeading).to_owned(),
        Field::StageName(id) => {
            let number = stage_name(id).map_or(0, |(position, _)| position) + 1;
            tf(Key::StageNameLabel, &[("number", &number.to_string())])
        }
        Field::StageRate(id) => {
            let (position, from) = stage_name(id).unwrap_or_default();
            let to = draft
                .stages
                .get(position + 1)
                .map(|stage| stage_label(&stage.name, position + 1))
                .unwrap_or_default();
            tf(Key::RateLabel, &[("from", &from), ("to", &to)])
        }
        // Marketing fields have their errors next to them and never block the targets.
        _ => t(Key::ChannelsHeading).to_owned(),
    }
}

/// The layout of a page whose plan fields are on the Plan page (Channels and KPIs, Results): the
/// targets in the second column, the page's panels (made by `panels`) below both; a problem the
/// targets list leads to its field there. The targets are made first, so they are built first
/// after mounting ([`Later`]): a panel built before them would be pushed down in sight.
pub fn beside_targets<V: IntoView + 'static>(
    state: PageState,
    panels: impl FnOnce() -> V,
) -> Content {
    let PageState {
        draft,
        checked,
        targets,
        plan_fragment,
        ..
    } = state;
    provide_context(FieldsElsewhere(plan_fragment));
    let targets = view! { <Later><TargetsPanel draft checked targets /></Later> };
    let panels = panels();
    Content::after_library(view! {
        <div class="column">{targets}</div>
        <div class="wide">{panels}</div>
    })
}
