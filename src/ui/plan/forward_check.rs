//! The forward check: from the current volume at the top of the funnel per month, what each stage
//! yields, the customers and revenue that makes, and the gap to the goal.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::number::plain_decimal;
use crate::model::{forward, Field, ForwardCheck as Check, FunnelError, Gap, PlanDraft};
use crate::ui::field::{InputField, Kind};
use crate::ui::state::Checked;
use crate::ui::table::ScrollTable;
use crate::ui::text::{count, field_id, money, needed, stage_label, t, tf};

/// What the forward check can show.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Nothing typed yet, or the typed volume has an error (shown next to the field).
    Nothing,
    /// A volume was typed but the plan above has errors.
    NeedsPlan,
    /// The engine's answer.
    Checked(Result<Check, FunnelError>),
}

/// The forward check section.
#[component]
pub fn ForwardCheck(draft: RwSignal<PlanDraft>, checked: Checked) -> impl IntoView {
    let top = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .stages
                .first()
                .map(|stage| stage_label(&stage.name, 0))
                .unwrap_or_default()
        })
    });
    let bottom = Memo::new(move |_| {
        draft.with(|draft| {
            let last = draft.stages.len().saturating_sub(1);
            draft
                .stages
                .get(last)
                .map(|stage| stage_label(&stage.name, last))
                .unwrap_or_default()
        })
    });
    let current =
        Memo::new(move |_| draft.with(|draft| draft.current_top(draft.typed_in.symbols())));
    let outcome = Memo::new(move |_| match current.get() {
        None | Some(Err(_)) => Outcome::Nothing,
        Some(Ok(volume)) => checked.with(|checked| match checked {
            Ok(plan) => Outcome::Checked(forward(plan, volume)),
            Err(_) => Outcome::NeedsPlan,
        }),
    });

    view! {
        <section class="card" aria-labelledby="forward-heading">
            <h2 id="forward-heading">{t(Key::ForwardHeading)}</h2>
            <p class="hint">{move || tf(Key::ForwardIntro, &[("top", &top.get())])}</p>
            <InputField
                id=field_id(Field::CurrentTopPerMonth)
                label=Signal::derive(move || tf(Key::CurrentTopLabel, &[("top", &top.get())]))
                value=Signal::derive(move || draft.with(|draft| draft.current_top_per_month.clone()))
                on_input=Callback::new(move |text| draft.update(|draft| draft.current_top_per_month = text))
                error=Signal::derive(move || current.get().and_then(Result::err))
                kind=Kind::Number
            />
            <div class="forward-result" aria-live="polite">
                {move || match outcome.get() {
                    Outcome::Nothing => ().into_any(),
                    Outcome::NeedsPlan => view! { <p class="problem">{t(Key::ForwardNeedsPlan)}</p> }.into_any(),
                    Outcome::Checked(Err(_)) => view! { <p class="problem">{t(Key::TargetsTooLarge)}</p> }.into_any(),
                    Outcome::Checked(Ok(check)) => view! { <Yields check top=top.get() bottom=bottom.get() /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The yields table and the gap sentence.
#[component]
fn Yields(check: Check, top: String, bottom: String) -> impl IntoView {
    let rows = check
        .stages
        .iter()
        .map(|stage| {
            view! {
                <tr>
                    <th scope="row">{stage.name.clone()}</th>
                    <td data-value=plain_decimal(stage.per_month)>{count(stage.per_month)}</td>
                    <td data-value=plain_decimal(stage.per_year())>{count(stage.per_year())}</td>
                </tr>
            }
        })
        .collect_view();
    let gap = match check.gap {
        Gap::Short {
            top_per_month,
            customers_per_year,
            revenue_per_year,
        } => vec![
            tf(
                Key::GapShort,
                &[
                    ("needed", &needed(check.needed_top_per_month)),
                    ("top", &top),
                    ("more", &needed(top_per_month)),
                ],
            ),
            match check.revenue_per_year.zip(revenue_per_year) {
                Some((revenue, revenue_gap)) => tf(
                    Key::GapShortOutcome,
                    &[
                        ("customers", &count(check.customers_per_year)),
                        ("customers_name", &bottom),
                        ("revenue", &money(revenue)),
                        ("customers_gap", &needed(customers_per_year)),
                        ("revenue_gap", &money(revenue_gap)),
                    ],
                ),
                None => tf(
                    Key::GapShortOutcomeCustomers,
                    &[
                        ("customers", &count(check.customers_per_year)),
                        ("customers_name", &bottom),
                        ("customers_gap", &needed(customers_per_year)),
                    ],
                ),
            },
        ],
        Gap::Met {
            spare_top_per_month,
        } => {
            vec![tf(
                Key::GapMet,
                &[("top", &top), ("spare", &count(spare_top_per_month))],
            )]
        }
    };
    view! {
        <ScrollTable caption_id="yields-caption" class="yields-table">
            <caption id="yields-caption">{tf(Key::ForwardCaption, &[("top", &top)])}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(Key::StageColumn)}</th>
                    <th scope="col">{t(Key::PerMonth)}</th>
                    <th scope="col">{t(Key::PerYear)}</th>
                </tr>
            </thead>
            <tbody>
                {rows}
                {check.revenue_per_month.zip(check.revenue_per_year).map(|(month, year)| view! {
                    <tr class="revenue">
                        <th scope="row">{t(Key::RevenueRow)}</th>
                        <td data-value=plain_decimal(month)>{money(month)}</td>
                        <td data-value=plain_decimal(year)>{money(year)}</td>
                    </tr>
                })}
            </tbody>
        </ScrollTable>
        <div class="gap">{gap.into_iter().map(|sentence| view! { <p>{sentence}</p> }).collect_view()}</div>
    }
}
