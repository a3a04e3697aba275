//! The page's access to the catalogue and to number display, in the page's language.
//!
//! The language is set once before the page mounts ([`set_lang`]); choosing another one mounts
//! the page again, so every text and number is written in it without each one having to listen.

use std::cell::Cell;

use leptos::prelude::*;

use crate::i18n::{self, Key, Lang, NameOf};
#[cfg(not(feature = "embed"))]
use crate::model::forecast::draft::MAX_SEED;
#[cfg(not(feature = "embed"))]
use crate::model::forecast::team::{MAX_IN_PLACE, MAX_RAMP_MONTHS};
#[cfg(not(feature = "embed"))]
use crate::model::forecast::timing::MAX_DAYS;
use crate::model::library::KEEP_DELETED_MS;
use crate::model::marketing::MAX_CHANNELS;
use crate::model::number;
use crate::model::{
    ChannelId, Currency, Field, InputError, PlanDraft, StageId, MAX_STAGES, MIN_STAGES,
};
use crate::ui::intl::{self, Style};

thread_local! {
    static PAGE_LANG: Cell<Lang> = const { Cell::new(Lang::English) };
    static CURRENCY: Cell<Option<Signal<String>>> = const { Cell::new(None) };
}

/// The page's language.
pub fn lang() -> Lang {
    PAGE_LANG.with(Cell::get)
}

/// Sets the page's language, before the page is mounted.
pub fn set_lang(lang: Lang) {
    PAGE_LANG.with(|cell| cell.set(lang));
}

/// Counts the page's money in `currency` (the open plan's code as typed; while it is not a valid
/// code, amounts are shown without a currency).
pub fn count_money_in(currency: Signal<String>) {
    CURRENCY.with(|cell| cell.set(Some(currency)));
}

/// The text for `key`.
pub fn t(key: Key) -> &'static str {
    i18n::text(lang(), key)
}

/// The text for `key` with its placeholders filled. A mismatch between the text and the values
/// is the page's own mistake: it is logged as an error (which fails every end-to-end test) and
/// the text is shown unfilled rather than with a wrong value.
pub fn tf(key: Key, args: &[(&str, &str)]) -> String {
    i18n::fill(lang(), key, args).unwrap_or_else(|error| {
        leptos::logging::error!("{error}: {}", t(key));
        t(key).to_owned()
    })
}

/// The form of the plural text `key` that `n` takes in the page's language, filled with `args`
/// and the limits it names (as [`tl`] does).
pub fn tp(key: Key, n: f64, args: &[(&str, &str)]) -> String {
    let form = i18n::plural_form(lang(), key, n);
    let all = with_limits(form, args);
    i18n::fill_plural(
        lang(),
        key,
        n,
        &all.iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_else(|error| {
        leptos::logging::error!("{error}: {form}");
        form.to_owned()
    })
}

/// The text for `key` with `args` and the app's limits it names filled: `{min_stages}` and
/// `{max_stages}` (a funnel's stages), `{max_channels}`, `{keep_days}` (how long a deleted plan
/// is kept) and `{max_input}` (the largest number a field takes), each from its constant, so a
/// limit is written once.
pub fn tl(key: Key, args: &[(&str, &str)]) -> String {
    let all = with_limits(t(key), args);
    tf(
        key,
        &all.iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect::<Vec<_>>(),
    )
}

/// `args` and the limits `template` names, each with its value.
fn with_limits<'a>(template: &str, args: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
    let mut all: Vec<(&str, String)> = args
        .iter()
        .map(|(name, value)| (*name, (*value).to_owned()))
        .collect();
    for name in i18n::placeholders(template) {
        if let Some(limit) = limit(name).filter(|(name, _)| !all.iter().any(|(n, _)| n == name)) {
            all.push(limit);
        }
    }
    all
}

/// The app's limit a text may name as `{name}`, written for a person; `None` for any other name.
/// (The forecast's limits are left out of the embed, which shows none of its fields.)
fn limit(name: &str) -> Option<(&'static str, String)> {
    Some(match name {
        "min_stages" => ("min_stages", MIN_STAGES.to_string()),
        "max_stages" => ("max_stages", MAX_STAGES.to_string()),
        "max_channels" => ("max_channels", MAX_CHANNELS.to_string()),
        "keep_days" => ("keep_days", number::whole_days(KEEP_DELETED_MS).to_string()),
        "max_input" => ("max_input", exact(number::MAX_INPUT)),
        #[cfg(not(feature = "embed"))]
        "max_seed" => ("max_seed", exact(MAX_SEED as f64)),
        #[cfg(not(feature = "embed"))]
        "max_days" => ("max_days", exact(MAX_DAYS)),
        #[cfg(not(feature = "embed"))]
        "max_ramp" => ("max_ramp", MAX_RAMP_MONTHS.to_string()),
        #[cfg(not(feature = "embed"))]
        "max_in_place" => ("max_in_place", exact(f64::from(MAX_IN_PLACE))),
        _ => return None,
    })
}

/// The message for an input error, with the figures it names.
pub fn error_message(error: InputError) -> String {
    match error {
        InputError::AmbiguousThousands { whole, decimals } => tf(
            Key::ErrorAmbiguousThousands,
            &[
                ("thousands", &exact(whole as f64)),
                ("plain", &whole.to_string()),
                ("decimals", &decimals.to_string()),
            ],
        ),
        InputError::NotANumber => tf(
            Key::ErrorNotANumber,
            &[
                ("big", &number::format_typed(1_250_000.0, lang().symbols())),
                ("small", &number::format_typed(12.5, lang().symbols())),
            ],
        ),
        error => tl(i18n::input_error_key(error), &[]),
    }
}

/// `value` written in the page's language as `style` with up to `decimals` decimals: by the
/// browser's Intl, or by the model's own writing where Intl is missing. Never "NaN": a value
/// that is not finite is "—".
fn show(style: Style, value: f64, decimals: usize) -> String {
    show_between(style, value, 0, decimals)
}

/// Like [`show`], with at least `min` decimals (money in a currency with cents: "€2.50").
fn show_between(style: Style, value: f64, min: usize, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    // -0 is written as 0.
    let value = if value == 0.0 { 0.0 } else { value };
    intl::format(lang(), style, min, decimals, value).unwrap_or_else(|| {
        let plain = number::format_decimal(value, decimals, lang().symbols());
        match style {
            Style::Decimal => plain,
            Style::Percent => format!("{plain}%"),
            Style::Money(currency) => format!("{plain} {}", currency.code()),
        }
    })
}

/// A needed count as the whole number to reach: 9.09 → "10".
pub fn needed(value: f64) -> String {
    show(
        Style::Decimal,
        number::needed_shown(value),
        number::needed_decimals(value),
    )
}

/// A count that is not a need (a yield): whole from 10 up, up to 2 decimals below.
pub fn count(value: f64) -> String {
    let decimals = if value.abs() < number::WHOLE_FROM {
        2
    } else {
        0
    };
    show(
        Style::Decimal,
        value,
        number::shown_decimals(value, decimals),
    )
}

/// A figure with up to `decimals` decimals (fewer when they are zeros): 10.40 → "10.4".
pub fn decimal(value: f64, decimals: usize) -> String {
    show(Style::Decimal, value, decimals)
}

/// A figure with up to 2 decimals: 0.72 → "0.72", 6250 → "6,250".
pub fn exact(value: f64) -> String {
    show(Style::Decimal, value, number::shown_decimals(value, 2))
}

/// An amount of money in the plan's currency: from 10 up in whole units ("$833,333"), below 10
/// with the currency's own decimals ("€2.50", "Rp 3"), and a non-zero amount never as 0.
pub fn money(value: f64) -> String {
    match currency() {
        Some(currency) => {
            let digits = intl::currency_digits(currency);
            let decimals = number::money_decimals(value, digits);
            show_between(
                Style::Money(currency),
                value,
                decimals.min(digits),
                decimals,
            )
        }
        None => show(Style::Decimal, value, number::money_decimals(value, 2)),
    }
}

/// An amount of money that must be reached, in the plan's currency: rounded up like a needed
/// count (see `model::number::needed_shown`), so a revenue target is never shown below what is
/// needed: 833,333.33 a month → "$833,334".
pub fn money_needed(value: f64) -> String {
    let shown = number::needed_shown(value);
    let decimals = number::needed_decimals(value);
    match currency() {
        Some(currency) => {
            let digits = intl::currency_digits(currency);
            show_between(
                Style::Money(currency),
                shown,
                decimals.min(digits),
                decimals,
            )
        }
        None => show(Style::Decimal, shown, decimals),
    }
}

/// An amount of money shown as it is, to the currency's decimals (at least two significant digits
/// below 1), for costs and the inputs of a worked KPI: "$78.57", "$3", "$20,000", "Rp 79".
pub fn money_exact(value: f64) -> String {
    match currency() {
        Some(currency) => {
            let digits = intl::currency_digits(currency);
            let decimals = number::shown_decimals(value, digits);
            let scale = 10f64.powi(decimals as i32);
            let is_whole = ((value * scale).round() / scale).fract() == 0.0;
            let min = if is_whole { 0 } else { digits.min(decimals) };
            show_between(Style::Money(currency), value, min, decimals)
        }
        None => exact(value),
    }
}

/// An amount as a person types it into an amount field, without a currency: "9,900,000".
pub fn amount(value: f64) -> String {
    show(Style::Decimal, value, number::money_decimals(value, 2))
}

/// The plan's currency while its code is valid.
fn currency() -> Option<Currency> {
    CURRENCY
        .with(Cell::get)
        .and_then(|currency| currency.with(|code| Currency::parse(code).ok()))
}

/// A rate as a percent: "1.5%", "1,5 %" in French.
pub fn percent(percent: f64) -> String {
    show(Style::Percent, percent, number::shown_decimals(percent, 2))
}

/// Two percents side by side, each with the decimals that tell them apart when they differ
/// (`model::number::decimals_apart`): 1.996 and 2 → "1.996%" and "2%", never "2%" and "2%".
pub fn percents_apart(a: f64, b: f64) -> (String, String) {
    let decimals = number::decimals_apart(a, b, 2)
        .max(number::shown_decimals(a, 2))
        .max(number::shown_decimals(b, 2));
    (
        show(Style::Percent, a, decimals),
        show(Style::Percent, b, decimals),
    )
}

/// A number as a person would type it in the page's language, e.g. in a placeholder:
/// "1,250,000" in English, "1 250 000" in Polish.
pub fn typed(value: f64) -> String {
    number::format_typed(value, lang().symbols())
}

/// The `id` of the input for `field`, so labels, errors and links can point at it.
pub fn field_id(field: Field) -> String {
    match field {
        Field::RevenueGoal => "revenue-goal".to_owned(),
        Field::NewCustomersGoal => "new-customers-goal".to_owned(),
        Field::AverageRevenuePerCustomer => "average-revenue".to_owned(),
        Field::StageName(StageId(id)) => format!("stage-{id}-name"),
        Field::StageRate(StageId(id)) => format!("stage-{id}-rate"),
        Field::CurrentTopPerMonth => "current-top".to_owned(),
        Field::Stages => "add-stage".to_owned(),
        Field::Budget => "budget".to_owned(),
        Field::Currency => "currency".to_owned(),
        Field::ChannelName(ChannelId(id)) => format!("channel-{id}-name"),
        Field::ChannelShare(ChannelId(id)) => format!("channel-{id}-share"),
        Field::ChannelShares => "channel-shares".to_owned(),
        Field::ChannelSpend(ChannelId(id)) => format!("channel-{id}-spend"),
        Field::ChannelRevenue(ChannelId(id)) => format!("channel-{id}-revenue"),
        Field::ChannelVolume(ChannelId(id), StageId(stage)) => {
            format!("channel-{id}-stage-{stage}-volume")
        }
        Field::ChannelRate(ChannelId(id), StageId(stage)) => {
            format!("channel-{id}-stage-{stage}-rate")
        }
        Field::CustomersAtStart => "customers-at-start".to_owned(),
        Field::CustomersAtEnd => "customers-at-end".to_owned(),
        Field::CustomersNew => "customers-new".to_owned(),
        Field::GrossMargin => "gross-margin".to_owned(),
        Field::LifetimeYears => "lifetime-years".to_owned(),
        Field::Churn => "churn".to_owned(),
        Field::MovePercent => "move-percent".to_owned(),
    }
}

/// A stage's name for labels: what was typed, the app's name for it in the page's language
/// (see [`shown_name`]), or "Stage 3" while it is empty.
pub fn stage_label(name: &str, position: usize) -> String {
    name_or_numbered(name, position, Key::UnnamedStage, NameOf::Stage)
}

/// A stage's or channel's name as the page shows it, in its field too: a name the app gave
/// (the example's "Visits", a usual channel) in the page's language until the person renames
/// it (`i18n::default_name_in`), any other name as typed. The plan keeps the name as it was
/// given, so the next page in another language shows it in that one.
pub fn shown_name(name: &str, of: NameOf) -> String {
    app_name_in_page(name, of).unwrap_or(name).to_owned()
}

/// The page's language's name for `name` when it is a name the app gave in another language
/// (or in this one), exactly: one with a space typed after it is being typed, and stays. The
/// embed's plan is always made in the reader's language, so it leaves the names' table out.
fn app_name_in_page(name: &str, of: NameOf) -> Option<&'static str> {
    if cfg!(feature = "embed") {
        None
    } else {
        i18n::default_name_in(name, of, lang())
    }
}

/// `draft` with each name the app gave written in the page's language (see [`shown_name`]),
/// for the checked plan every figure and export reads; `None` when nothing changes.
pub fn with_shown_names(draft: &PlanDraft) -> Option<PlanDraft> {
    let renamed = |name: &str, of| app_name_in_page(name, of).filter(|shown| *shown != name);
    let changes = draft
        .stages
        .iter()
        .any(|stage| renamed(&stage.name, NameOf::Stage).is_some())
        || draft
            .marketing
            .channels
            .iter()
            .any(|channel| renamed(&channel.name, NameOf::Channel).is_some());
    changes.then(|| {
        let mut shown = draft.clone();
        for stage in &mut shown.stages {
            if let Some(name) = renamed(&stage.name, NameOf::Stage) {
                stage.name = name.to_owned();
            }
        }
        for channel in &mut shown.marketing.channels {
            if let Some(name) = renamed(&channel.name, NameOf::Channel) {
                channel.name = name.to_owned();
            }
        }
        shown
    })
}

/// Every stage's label (as [`stage_label`] writes it), top to bottom.
pub fn stage_labels(draft: &PlanDraft) -> Vec<String> {
    draft
        .stages
        .iter()
        .enumerate()
        .map(|(index, stage)| stage_label(&stage.name, index))
        .collect()
}

/// Each stage that has a rate into the next one, top to bottom: its id, its label and the next
/// stage's label (as [`stage_label`] writes them).
pub fn rate_steps(draft: &PlanDraft) -> Vec<(StageId, String, String)> {
    draft
        .stages
        .iter()
        .zip(draft.stages.iter().skip(1))
        .enumerate()
        .map(|(position, (stage, next))| {
            (
                stage.id,
                stage_label(&stage.name, position),
                stage_label(&next.name, position + 1),
            )
        })
        .collect()
}

/// A channel's name for labels: what was typed, or "Channel 2" while it is empty.
pub fn channel_label(name: &str, position: usize) -> String {
    name_or_numbered(name, position, Key::UnnamedChannel, NameOf::Channel)
}

/// `name` as shown ([`shown_name`]), or while it is empty `unnamed` numbered by `position`
/// (counted from 0).
fn name_or_numbered(name: &str, position: usize, unnamed: Key, of: NameOf) -> String {
    let name = name.trim();
    if name.is_empty() {
        tf(unnamed, &[("number", &(position + 1).to_string())])
    } else {
        shown_name(name, of)
    }
}

/// A plan's name for lists and messages: what was typed, or "Untitled plan" while it is empty.
pub fn plan_label(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        t(Key::UntitledPlan).to_owned()
    } else {
        name.to_owned()
    }
}

/// `text` made safe in HTML written as text: as an element's text or inside a double-quoted
/// attribute (`&`, `"`, `<` and `>` as entities).
pub fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
