//! Errors a person can cause, as data. The UI turns each variant into a message from the
//! catalogue (`src/i18n`), which holds the words a person reads, once. The `Display` texts here
//! are short descriptions for developers, logs and tools, not advice; the limits they name come
//! from the same constants the catalogue's messages are filled from.

use thiserror::Error;

use crate::model::{MAX_STAGES, MIN_STAGES};

/// Why a value typed into one field cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum InputError {
    /// Nothing (or only spaces) was typed.
    #[error("empty")]
    Empty,
    /// The text is not a plain number (letters, two decimal marks, misplaced thousands separators).
    #[error("not a number")]
    NotANumber,
    /// An amount typed like `10.000` (or `10,000` where the decimal mark is a comma): the decimal
    /// mark followed by exactly three digits as its only mark, which many people write for ten
    /// thousand. `whole` is that reading (10000), `decimals` the other (10).
    #[error("ambiguous separator: {whole} or {decimals}")]
    AmbiguousThousands { whole: u64, decimals: u64 },
    /// Zero or negative where only more than 0 makes sense.
    #[error("not above 0")]
    NotPositive,
    /// Negative where 0 or more makes sense.
    #[error("below 0")]
    Negative,
    /// Larger than [`crate::model::number::MAX_INPUT`] (10¹⁵; written out here, so that this message does not link
    /// the standard library's float formatter into every page).
    #[error("above 1000000000000000")]
    TooLarge,
    /// A conversion rate not in (0, 100] percent.
    #[error("rate not in (0, 100] %")]
    RateOutOfRange,
    /// A stage name that is empty once spaces are removed.
    #[error("stage name empty")]
    StageNameEmpty,
    /// A stage name used by an earlier stage (compared without case or surrounding spaces).
    #[error("stage name repeated")]
    StageNameDuplicate,
    /// A percent (share, margin) not in [0, 100].
    #[error("percent not in [0, 100]")]
    PercentOutOfRange,
    /// A channel name used by an earlier channel (compared without case or surrounding spaces).
    #[error("channel name repeated")]
    ChannelNameDuplicate,
    /// A channel's volume at a stage is larger than at the stage above it (5 customers from 2
    /// opportunities).
    #[error("volume above the stage above's")]
    MoreThanStageAbove,
    /// The channels' shares of the goal add up to more than 100 %.
    #[error("shares above 100 %")]
    SharesOverFull,
    /// Fewer than [`MIN_STAGES`] or more than [`MAX_STAGES`] stages (possible only in data from
    /// elsewhere, e.g. an import).
    #[error("stage count not in {}..={}", MIN_STAGES, MAX_STAGES)]
    StageCount,
    /// A seed that is not a whole number from 0 to the largest seed (`MAX_SEED` of the
    /// forecast): letters, decimals, a negative number or one too large.
    #[error("not a whole number in the seed's range")]
    NotWhole,
    /// Days from one stage to the next above the largest the schedule takes (`MAX_DAYS` of the
    /// forecast's timing).
    #[error("too many days")]
    TooManyDays,
    /// Revenue from last year's new customers above last year's revenue in all, of which it is
    /// a part.
    #[error("part above its whole")]
    MoreThanTotalRevenue,
    /// A change of every rate that is not a percent above 0 and below 100.
    #[error("change not in (0, 100) %")]
    ChangeOutOfRange,
    /// One end of a range on the wrong side of the plan's value (a low end above it, or a high
    /// end below it).
    #[error("range does not contain the plan's value")]
    RangeMissesPlan,
    /// A yearly attrition that is not a percent from 0 to below 100.
    #[error("attrition not in [0, 100) %")]
    AttritionOutOfRange,
    /// A ramp that is not percents from 0 to 100 separated by `;`, or longer than its most
    /// months (`MAX_RAMP_MONTHS` of the team).
    #[error("ramp not percents in [0, 100] separated by ;")]
    RampShares,
    /// Heads in place that are not a whole number from 0 to `MAX_IN_PLACE` of the forecast.
    #[error("heads not a whole number in range")]
    HeadsNotWhole,
    /// A currency code that is not three letters (ISO 4217), such as `EURO` or `€`.
    #[error("not a three-letter currency code")]
    CurrencyCode,
}

/// Why the funnel cannot be computed even though each field is valid on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FunnelError {
    /// Fewer than [`MIN_STAGES`] stages.
    #[error("fewer than {} stages", MIN_STAGES)]
    TooFewStages,
    /// More than [`MAX_STAGES`] stages.
    #[error("more than {} stages", MAX_STAGES)]
    TooManyStages,
    /// A result would be larger than [`crate::model::number::MAX_RESULT`] (or not finite):
    /// the rates are too small for the goal.
    #[error("result too large or not finite")]
    ResultTooLarge,
}
