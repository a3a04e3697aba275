//! Parts of a whole that people type and read as a percent: a channel's share of the customers
//! goal, a gross margin, the part of a channel's spend to move. Like a [`crate::model::Rate`], a
//! [`Share`] is kept as a fraction (0.25) and converted to a percent (25 %) only here, so no other
//! code multiplies or divides by 100.

use crate::model::InputError;

/// A part of a whole, kept as a fraction: 0.25 is 25 %. Never negative; one share read from a
/// field is at most 1 (100 %), while a sum of shares (what the channels' shares assign together)
/// may be more.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Share(f64);

impl Share {
    /// Nothing of the whole (0 %).
    pub const NONE: Self = Self(0.0);

    /// A share from a percent in [0, 100]: `from_percent(40.0)` is 0.4 as a fraction.
    pub fn from_percent(percent: f64) -> Result<Self, InputError> {
        if (0.0..=100.0).contains(&percent) {
            // `abs` turns a typed "-0" into 0.
            Ok(Self(percent.abs() / 100.0))
        } else {
            Err(InputError::PercentOutOfRange)
        }
    }

    /// A share from a fraction (0.4 for 40 %), as the model computes them (an even part of what
    /// typed shares leave, a sum of shares). Below 0 or not a number is none.
    pub fn from_fraction(fraction: f64) -> Self {
        Self(fraction.max(0.0))
    }

    /// The share as a fraction: 0.4 for 40 %.
    pub fn fraction(self) -> f64 {
        self.0
    }

    /// The share as a percent: 40 for 0.4.
    pub fn percent(self) -> f64 {
        to_percent(self.0)
    }

    /// The share of `whole`: whole × fraction (40 % of 9 customers is 3.6).
    pub fn of(self, whole: f64) -> f64 {
        whole * self.0
    }
}

/// A fraction written as a percent: 1.5 → 150, −0.25 → −25. For figures that are fractions but
/// not parts of a whole (ROI, a win rate, retention), which the page shows as percents.
pub fn to_percent(fraction: f64) -> f64 {
    fraction * 100.0
}
