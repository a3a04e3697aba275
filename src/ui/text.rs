//! The page's access to the catalogue and to number display, in the page's language.

use crate::i18n::{self, Key, Lang};
use crate::model::library::KEEP_DELETED_MS;
use crate::model::marketing::MAX_CHANNELS;
use crate::model::number;
use crate::model::{ChannelId, Field, InputError, PlanDraft, StageId, MAX_STAGES, MIN_STAGES};

/// The page's language. One place to change when a language switcher arrives.
pub const LANG: Lang = Lang::English;

/// The text for `key`.
pub fn t(key: Key) -> &'static str {
    i18n::text(LANG, key)
}

/// The text for `key` with its placeholders filled. A mismatch between the text and the values
/// is the page's own mistake: it is logged as an error (which fails every end-to-end test) and
/// the text is shown unfilled rather than with a wrong value.
pub fn tf(key: Key, args: &[(&str, &str)]) -> String {
    i18n::fill(LANG, key, args).unwrap_or_else(|error| {
        leptos::logging::error!("{error}: {}", t(key));
        t(key).to_owned()
    })
}

/// The text for `key` with `args` and the app's limits it names filled: `{min_stages}` and
/// `{max_stages}` (a funnel's stages), `{max_channels}`, `{keep_days}` (how long a deleted plan
/// is kept) and `{max_input}` (the largest number a field takes), each from its constant, so a
/// limit is written once.
pub fn tl(key: Key, args: &[(&str, &str)]) -> String {
    let limits = [
        ("min_stages", MIN_STAGES.to_string()),
        ("max_stages", MAX_STAGES.to_string()),
        ("max_channels", MAX_CHANNELS.to_string()),
        ("keep_days", number::whole_days(KEEP_DELETED_MS).to_string()),
        ("max_input", exact(number::MAX_INPUT)),
    ];
    let named = i18n::placeholders(t(key));
    let mut all: Vec<(&str, &str)> = args.to_vec();
    all.extend(
        limits
            .iter()
            .filter(|(name, _)| named.contains(name))
            .map(|(name, value)| (*name, value.as_str())),
    );
    tf(key, &all)
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
        error => tl(i18n::input_error_key(error), &[]),
    }
}

/// A needed count as the whole number to reach: 9.09 → "10".
pub fn needed(value: f64) -> String {
    number::format_needed(value, LANG.symbols())
}

/// A count that is not a need (a yield): whole from 10 up, up to 2 decimals below.
pub fn count(value: f64) -> String {
    number::format_count(value, LANG.symbols())
}

/// A figure with up to 2 decimals: 0.72 → "0.72", 6250 → "6,250".
pub fn exact(value: f64) -> String {
    number::format_decimal(value, 2, LANG.symbols())
}

/// An amount of money in whole units: "833,333".
pub fn money(value: f64) -> String {
    number::format_money(value, LANG.symbols())
}

/// A rate as a percent: "1.5%".
pub fn percent(percent: f64) -> String {
    number::format_percent(percent, LANG.symbols())
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

/// A stage's name for labels: what was typed, or "Stage 3" while it is empty.
pub fn stage_label(name: &str, position: usize) -> String {
    name_or_numbered(name, position, Key::UnnamedStage)
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
    name_or_numbered(name, position, Key::UnnamedChannel)
}

/// `name` as typed, or while it is empty `unnamed` numbered by `position` (counted from 0).
fn name_or_numbered(name: &str, position: usize, unnamed: Key) -> String {
    let name = name.trim();
    if name.is_empty() {
        tf(unnamed, &[("number", &(position + 1).to_string())])
    } else {
        name.to_owned()
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
