//! A labelled text input with its hint and its error message wired for assistive technology:
//! `aria-invalid` and `aria-describedby` follow the error, and the typed text is never replaced.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::number::{format_typed, parse_number};
use crate::model::{Field, InputError};
use crate::ui::state::Checked;
use crate::ui::text::{error_message, lang, t};

/// How a printout writes a field's `value`: a number as the page writes numbers, with its
/// thousands separators ("420000" typed prints "420,000"), every digit kept; anything else, or
/// a number that does not read, as typed.
pub fn printed(value: &str, kind: Kind) -> String {
    let symbols = lang().symbols();
    match kind {
        Kind::Number => parse_number(value, symbols)
            .map(|number| format_typed(number, symbols))
            .unwrap_or_else(|_| value.to_owned()),
        Kind::Text => value.to_owned(),
    }
}

/// The error for `field` in the checked plan, as a signal. A goal not typed yet is asked for
/// by the results panel, not flagged here (see [`crate::model::FieldError::is_awaited`]).
pub fn field_error(checked: Checked, field: Field) -> Signal<Option<InputError>> {
    Signal::derive(move || {
        checked.with(|checked| {
            checked.as_ref().err().and_then(|errors| {
                errors
                    .iter()
                    .find(|error| error.field == field && !error.is_awaited())
                    .map(|error| error.error)
            })
        })
    })
}

/// What kind of text a field takes: numbers get the decimal keypad on phones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Text,
    Number,
}

/// One input with its label, optional hint and error.
#[component]
pub fn InputField(
    /// The input's `id`; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The visible label, which is also the input's accessible name.
    label: Signal<String>,
    /// The text shown in the input.
    value: Signal<String>,
    /// Called with the whole text on every keystroke.
    on_input: Callback<String>,
    /// The error to show next to the field, if any.
    #[prop(optional)]
    error: Option<Signal<Option<InputError>>>,
    /// A hint under the field (empty: none).
    #[prop(optional)]
    hint: Option<Signal<String>>,
    #[prop(optional)] kind: Kind,
    /// A unit shown after the input, e.g. "%".
    #[prop(optional)]
    suffix: Option<&'static str>,
    /// Whether the value shown is worked out from other fields rather than typed here.
    #[prop(optional)]
    is_derived: Option<Signal<bool>>,
    /// An example shown in the empty input, e.g. "e.g. 10,000,000".
    #[prop(optional)]
    placeholder: Option<String>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let message = Signal::derive(move || error.and_then(|error| error.get()).map(error_message));
    let hint_text = Signal::derive(move || hint.map(|hint| hint.get()).unwrap_or_default());
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint_text.with(String::is_empty) {
                ids.push(hint_id.clone());
            }
            if message.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let input_mode = match kind {
        Kind::Text => "text",
        Kind::Number => "decimal",
    };
    view! {
        <div
            class="field"
            class:has-error=move || message.with(Option::is_some)
            class:is-derived=move || is_derived.is_some_and(|derived| derived.get())
        >
            <label for=id.clone()>{label}</label>
            <div class="input-row">
                <input
                    id=id
                    type="text"
                    inputmode=input_mode
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    list=list
                    prop:value=value
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    aria-invalid=move || if message.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described_by
                />
                // A printout shows the value as text, never cut to the input's width.
                <span class="print-value">{move || printed(&value.get(), kind)}</span>
                {suffix.map(|suffix| view! { <span class="suffix" aria-hidden="true">{suffix}</span> })}
            </div>
            <p class="hint" id=hint_id hidden=move || hint_text.with(String::is_empty)>
                {hint_text}
            </p>
            <p class="error" id=error_id hidden=move || message.with(Option::is_none)>
                {move || message.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// Radio buttons in a fieldset: `legend` asks the question, `options` are the answers in order,
/// and `selected` is the index of the chosen one.
#[component]
pub fn Choice(
    /// The radio group's `name`.
    name: &'static str,
    legend: Key,
    options: Vec<Key>,
    selected: Signal<usize>,
    on_select: Callback<usize>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .enumerate()
        .map(|(index, key)| {
            view! {
                <label>
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || selected.get() == index
                        on:change=move |_| on_select.run(index)
                    />
                    {t(key)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice">
            <legend>{t(legend)}</legend>
            {options}
        </fieldset>
    }
}
