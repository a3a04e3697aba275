//! Limits are named once: the texts that state them take placeholders filled from the model's
//! constants, and the errors' own descriptions name the same constants.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::i18n::{fill_plural, Key, Lang};
use funnel_planner::model::forecast::team::{MAX_IN_PLACE, MAX_RAMP_MONTHS};
use funnel_planner::model::library::KEEP_DELETED_MS;
use funnel_planner::model::marketing::MAX_CHANNELS;
use funnel_planner::model::number::whole_days;
use funnel_planner::model::{FunnelError, InputError, MAX_STAGES, MIN_STAGES};

/// The English text filled with `args`, in the plural form its count takes (the `count` or
/// `keep_days` value; 1 when it has neither).
fn english(key: Key, args: &[(&str, &str)]) -> String {
    let n = args
        .iter()
        .find(|(name, _)| *name == "count" || *name == "keep_days")
        .and_then(|(_, value)| value.parse::<f64>().ok())
        .unwrap_or(1.0);
    fill_plural(Lang::English, key, n, args).expect("the text has exactly these placeholders")
}

#[test]
fn the_limits_are_the_ones_the_texts_used_to_spell_out() {
    // A funnel has 2 to 10 stages, a plan at most 12 channels, a deleted plan is kept 30 days:
    // 30 × 24 × 60 × 60 × 1,000 = 2,592,000,000 ms.
    assert_eq!((MIN_STAGES, MAX_STAGES, MAX_CHANNELS), (2, 10, 12));
    assert_eq!(KEEP_DELETED_MS, 2_592_000_000);
    assert_eq!(whole_days(KEEP_DELETED_MS), 30);
    // A day and a bit is still one whole day.
    assert_eq!(whole_days(86_400_000 + 1), 1);
}

#[test]
fn the_texts_say_the_limits_they_are_given() {
    let (min, max) = (MIN_STAGES.to_string(), MAX_STAGES.to_string());
    let channels = MAX_CHANNELS.to_string();
    assert_eq!(
        english(Key::StageLimitReached, &[("max_stages", &max)]),
        "A funnel has at most 10 stages."
    );
    assert_eq!(
        english(
            Key::ErrorStageCount,
            &[("min_stages", &min), ("max_stages", &max)]
        ),
        "A funnel has 2 to 10 stages."
    );
    assert_eq!(
        english(
            Key::ProblemStageCount,
            &[("count", "11"), ("min_stages", &min), ("max_stages", &max)]
        ),
        "has 11 stages; a plan has 2 to 10"
    );
    assert_eq!(
        english(Key::ChannelLimitReached, &[("max_channels", &channels)]),
        "A plan has at most 12 channels."
    );
    assert_eq!(
        english(
            Key::ProblemChannelCount,
            &[("count", "13"), ("max_channels", &channels)]
        ),
        "has 13 channels; a plan has at most 12"
    );
    assert_eq!(
        english(
            Key::BinHint,
            &[("keep_days", &whole_days(KEEP_DELETED_MS).to_string())]
        ),
        "Deleted plans are kept for 30 days, then removed for good."
    );
    // A ramp is at most 24 months; heads in place at most 100,000.
    assert_eq!((MAX_RAMP_MONTHS, MAX_IN_PLACE), (24, 100_000));
    assert_eq!(
        english(Key::ErrorRampShares, &[("max_ramp", &MAX_RAMP_MONTHS.to_string())]),
        "Enter each ramp month's share of full output as a percent from 0 to 100, separated by semicolons, at most 24 months, such as 25; 50; 75."
    );
    assert_eq!(
        english(Key::ErrorHeadsNotWhole, &[("max_in_place", "100,000")]),
        "Enter a whole number of people from 0 to 100,000, such as 3."
    );
}

#[test]
fn the_errors_own_descriptions_name_the_same_limits() {
    // Short descriptions for developers; the catalogue holds the words a person reads.
    assert_eq!(
        InputError::StageCount.to_string(),
        "stage count not in 2..=10"
    );
    assert_eq!(FunnelError::TooFewStages.to_string(), "fewer than 2 stages");
    assert_eq!(
        FunnelError::TooManyStages.to_string(),
        "more than 10 stages"
    );
    assert_eq!(InputError::TooLarge.to_string(), "above 1000000000000000");
}
