//! The goal: plan name, revenue goal or new customers per year, and average revenue per new
//! customer. The two goal fields are linked: the one last typed in (or chosen under "Plan from")
//! drives the plan, and the other shows what follows from it. Each keeps its own typed text, so
//! choosing a goal again brings back what was typed in it.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::draft::{EXAMPLE_AVERAGE_REVENUE, EXAMPLE_NEW_CUSTOMERS, EXAMPLE_REVENUE_GOAL};
use crate::model::locale::SUGGESTED_CURRENCIES;
use crate::model::{Field, GoalKind, PlanDraft};
use crate::ui::field::{field_error, Choice, InputField, Kind};
use crate::ui::state::Checked;
use crate::ui::text::{amount, field_id, html_escaped, needed, t, tf, typed};

/// The goal form.
#[component]
pub fn GoalForm(draft: RwSignal<PlanDraft>, checked: Checked) -> impl IntoView {
    let goal_kind = Memo::new(move |_| draft.with(|draft| draft.goal_kind));
    let is_revenue_derived = Signal::derive(move || goal_kind.get() == GoalKind::NewCustomers);
    let is_customers_derived = Signal::derive(move || goal_kind.get() == GoalKind::Revenue);

    let revenue_value = Signal::derive(move || match goal_kind.get() {
        GoalKind::Revenue => draft.with(|draft| draft.revenue_goal.clone()),
        GoalKind::NewCustomers => checked.with(|checked| {
            checked
                .as_ref()
                .ok()
                .and_then(|plan| plan.revenue_per_year())
                .map(amount)
                .unwrap_or_default()
        }),
    });
    let customers_value = Signal::derive(move || match goal_kind.get() {
        GoalKind::NewCustomers => draft.with(|draft| draft.new_customers_goal.clone()),
        GoalKind::Revenue => checked.with(|checked| {
            checked
                .as_ref()
                .map(|plan| needed(plan.customers_per_year()))
                .unwrap_or_default()
        }),
    });

    // "Plan from": switches the goal without typing, back to the text typed in it. A goal never
    // typed starts from the figure shown for it rather than from an empty field.
    let choose_goal = Callback::new(move |index: usize| {
        let kind = if index == 0 {
            GoalKind::Revenue
        } else {
            GoalKind::NewCustomers
        };
        let shown = match kind {
            GoalKind::Revenue => revenue_value.get_untracked(),
            GoalKind::NewCustomers => customers_value.get_untracked(),
        };
        draft.update(|draft| {
            let typed = match kind {
                GoalKind::Revenue => &mut draft.revenue_goal,
                GoalKind::NewCustomers => &mut draft.new_customers_goal,
            };
            if typed.trim().is_empty() {
                *typed = shown;
            }
            draft.goal_kind = kind;
        });
    });
    let chosen_goal =
        Signal::derive(move || usize::from(goal_kind.get() == GoalKind::NewCustomers));

    // The plan's name is the full app's (its plans are listed by it); a blog's readers keep
    // nothing, so the embed does not ask for one.
    let name_field = (!cfg!(feature = "embed")).then(|| {
        view! {
            <InputField
                id="plan-name"
                label=Signal::stored(t(Key::PlanNameLabel).to_owned())
                value=Signal::derive(move || draft.with(|draft| draft.name.clone()))
                on_input=Callback::new(move |text| draft.update(|draft| draft.name = text))
            />
        }
    });
    view! {
        <section class="card" aria-labelledby="goal-heading">
            <h2 id="goal-heading">{t(Key::GoalHeading)}</h2>
            {name_field}
            <p class="hint">{t(Key::GoalEitherHint)}</p>
            <Choice
                name=GOAL_CHOICE
                legend=Key::GoalFromLegend
                options=vec![Key::GoalFromRevenue, Key::GoalFromNewCustomers]
                selected=chosen_goal
                on_select=choose_goal
            />
            <div class="goal-pair">
                <InputField
                    id=field_id(Field::RevenueGoal)
                    label=Signal::stored(t(Key::RevenueGoalLabel).to_owned())
                    value=revenue_value
                    on_input=Callback::new(move |text| draft.update(|draft| type_in(draft, Field::RevenueGoal, text)))
                    error=field_error(checked, Field::RevenueGoal)
                    hint=Signal::derive(move || {
                        t(if is_revenue_derived.get() { Key::DerivedFromNewCustomers } else { Key::RevenueGoalHint })
                            .to_owned()
                    })
                    kind=Kind::Number
                    is_derived=is_revenue_derived
                    placeholder=for_example(EXAMPLE_REVENUE_GOAL)
                />
                <InputField
                    id=field_id(Field::NewCustomersGoal)
                    label=Signal::stored(t(Key::NewCustomersGoalLabel).to_owned())
                    value=customers_value
                    on_input=Callback::new(move |text| draft.update(|draft| type_in(draft, Field::NewCustomersGoal, text)))
                    error=field_error(checked, Field::NewCustomersGoal)
                    hint=Signal::derive(move || {
                        t(if is_customers_derived.get() { Key::DerivedFromRevenue } else { Key::NewCustomersGoalHint })
                            .to_owned()
                    })
                    kind=Kind::Number
                    is_derived=is_customers_derived
                    placeholder=for_example(EXAMPLE_NEW_CUSTOMERS)
                />
            </div>
            <InputField
                id=field_id(Field::AverageRevenuePerCustomer)
                label=Signal::stored(t(Key::AverageRevenueLabel).to_owned())
                value=Signal::derive(move || draft.with(|draft| draft.average_revenue_per_customer.clone()))
                on_input=Callback::new(move |text| draft.update(|draft| type_in(draft, Field::AverageRevenuePerCustomer, text)))
                error=field_error(checked, Field::AverageRevenuePerCustomer)
                hint=Signal::stored(t(Key::AverageRevenueHint).to_owned())
                kind=Kind::Number
                placeholder=for_example(EXAMPLE_AVERAGE_REVENUE)
            />
            // The embed counts in the currency its link names: a blog's readers do not change it,
            // and its first load stays small.
            {(!cfg!(feature = "embed")).then(|| view! {
            <InputField
                id=field_id(Field::Currency)
                label=Signal::stored(t(Key::CurrencyLabel).to_owned())
                value=Signal::derive(move || draft.with(|draft| draft.currency.clone()))
                on_input=Callback::new(move |text| draft.update(|draft| draft.currency = text))
                error=Signal::derive(move || draft.with(|draft| {
                    draft.currency().err()
                }))
                hint=Signal::stored(t(Key::CurrencyHint).to_owned())
                list=CURRENCY_LIST_ID
            />
            <datalist id=CURRENCY_LIST_ID>
                {SUGGESTED_CURRENCIES.map(|code| view! { <option value=code></option> }).collect_view()}
            </datalist>
            })}
        </section>
    }
}

/// Puts `text`, typed in the goal form's `field`, into `draft`: the goal typed in last is the one
/// the plan follows. A field that is not the goal form's goal or average revenue changes nothing.
pub fn type_in(draft: &mut PlanDraft, field: Field, text: String) {
    match field {
        Field::RevenueGoal => {
            draft.revenue_goal = text;
            draft.goal_kind = GoalKind::Revenue;
        }
        Field::NewCustomersGoal => {
            draft.new_customers_goal = text;
            draft.goal_kind = GoalKind::NewCustomers;
        }
        Field::AverageRevenuePerCustomer => draft.average_revenue_per_customer = text,
        _ => {}
    }
}

/// The name of the goal choice's radio buttons ("Plan from").
pub const GOAL_CHOICE: &str = "goal-kind";

/// The name of the goal choice's radio buttons in [`frame`].
pub const FRAME_CHOICE: &str = "frame-goal-kind";

/// The fields of [`frame`], in its order: the embed hands what was typed in them to its own.
pub const FRAME_FIELDS: [Field; 3] = [
    Field::RevenueGoal,
    Field::NewCustomersGoal,
    Field::AverageRevenuePerCustomer,
];

/// The goal form as HTML, as the embed shows it before its wasm runs
/// ([`crate::ui::embed::embed_frame`]): in English, planned from revenue, every field empty, so it
/// looks as [`GoalForm`] does in the embed with nothing of a plan. Its fields take typing: each
/// has its own field's id (the frame comes first in the page, so while both are there a label
/// names the frame's field) and the embed hands what was typed to its own fields when they take
/// the frame's place. The choice's radio buttons have a name of their own, so that the page's own,
/// built meanwhile, never uncheck them.
pub fn frame() -> String {
    let text = |key| html_escaped(t(key));
    let field = |id: Field, label, hint, is_derived: bool| {
        let id = field_id(id);
        format!(
            "<div class=\"field{}\"><label for=\"{id}\">{}</label><div class=\"input-row\"><input \
             id=\"{id}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\">\
             </div><p class=\"hint\">{}</p></div>",
            if is_derived { " is-derived" } else { "" },
            text(label),
            text(hint),
        )
    };
    format!(
        "<section class=\"card\"><h2>{}</h2><p class=\"hint\">{}</p><fieldset class=\"choice\">\
         <legend>{}</legend><label><input type=\"radio\" name=\"{FRAME_CHOICE}\" autocomplete=\"off\" \
         checked>{}</label><label><input type=\"radio\" name=\"{FRAME_CHOICE}\" autocomplete=\"off\">{}\
         </label></fieldset><div class=\"goal-pair\">{}{}</div>{}</section>",
        text(Key::GoalHeading),
        text(Key::GoalEitherHint),
        text(Key::GoalFromLegend),
        text(Key::GoalFromRevenue),
        text(Key::GoalFromNewCustomers),
        field(Field::RevenueGoal, Key::RevenueGoalLabel, Key::RevenueGoalHint, false),
        field(Field::NewCustomersGoal, Key::NewCustomersGoalLabel, Key::DerivedFromRevenue, true),
        field(Field::AverageRevenuePerCustomer, Key::AverageRevenueLabel, Key::AverageRevenueHint, false),
    )
}

/// The id of the currency field's suggestions.
const CURRENCY_LIST_ID: &str = "currency-codes";

/// The worked example's figure as a placeholder, typed as the page's language types numbers:
/// "e.g. 10,000,000" in English, "np. 10 000 000" in Polish.
fn for_example(value: f64) -> String {
    tf(Key::ForExample, &[("value", &typed(value))])
}
