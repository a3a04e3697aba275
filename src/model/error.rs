//! Errors a person can cause, as data. The UI turns each variant into a message from the
//! catalogue; the `Display` texts here are for logs and tools.

use thiserror::Error;

/// Why a value typed into one field cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum InputError {
    /// Nothing (or only spaces) was typed.
    #[error("enter a number")]
    Empty,
    /// The text is not a plain number (letters, two decimal marks, misplaced thousands separators).
    #[error("enter digits only, like 1,250,000 or 12.5")]
    NotANumber,
    /// An amount typed like `10.000`: a `.` followed by exactly three digits as its only mark,
    /// which many people write for ten thousand. `whole` is that reading (10000), `decimals` the
    /// other (10).
    #[error("{whole} or {decimals}? type the number without a separator")]
    AmbiguousThousands { whole: u64, decimals: u64 },
    /// Zero or negative where only more than 0 makes sense.
    #[error("enter a number greater than 0")]
    NotPositive,
    /// Negative where 0 or more makes sense.
    #[error("enter 0 or more")]
    Negative,
    /// Larger than [`crate::model::number::MAX_INPUT`].
    #[error("enter a number up to 1,000,000,000,000,000")]
    TooLarge,
    /// A conversion rate not in (0, 100] percent.
    #[error("enter a rate greater than 0 and at most 100 %")]
    RateOutOfRange,
    /// A stage name that is empty once spaces are removed.
    #[error("enter a name for this stage")]
    StageNameEmpty,
    /// A stage name used by an earlier stage (compared without case or surrounding spaces).
    #[error("another stage already has this name")]
    StageNameDuplicate,
    /// A percent (share, margin) not in [0, 100].
    #[error("enter a percent from 0 to 100")]
    PercentOutOfRange,
    /// A channel name used by an earlier channel (compared without case or surrounding spaces).
    #[error("another channel already has this name")]
    ChannelNameDuplicate,
    /// A channel's volume at a stage is larger than at the stage above it (5 customers from 2
    /// opportunities).
    #[error("more than the stage above it; a stage cannot have more than the one before it")]
    MoreThanStageAbove,
    /// The channels' shares of the goal add up to more than 100 %.
    #[error("the channels' shares add up to more than 100 %")]
    SharesOverFull,
    /// Fewer than 2 or more than 10 stages (possible only in data from elsewhere, e.g. an import).
    #[error("a funnel has 2 to 10 stages")]
    StageCount,
}

/// Why the funnel cannot be computed even though each field is valid on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FunnelError {
    /// Fewer than [`crate::model::MIN_STAGES`] stages.
    #[error("a funnel needs at least 2 stages")]
    TooFewStages,
    /// More than [`crate::model::MAX_STAGES`] stages.
    #[error("a funnel has at most 10 stages")]
    TooManyStages,
    /// A result would be larger than [`crate::model::number::MAX_RESULT`] (or not finite):
    /// the rates are too small for the goal.
    #[error("the targets are too large to show; check the rates and amounts")]
    ResultTooLarge,
}
