//! Where the year stands: each stage's results against its targets, per month, per quarter and
//! year to date; the pacing; what remains and the run rate it needs; the conversion achieved.
//!
//! The year to date runs to the last month with any result (`last`). A month without a result
//! for a series is "not entered yet", never 0: it counts neither in the series' actual nor in
//! the target it is compared with, and it is listed as missing.
//!
//! - actual to date = Σ results entered (months 0..=last);
//! - target to date = Σ monthly targets of those same months (the target pro-rated to them);
//! - pace = actual to date ÷ target to date (1 = on pace);
//! - reached = actual to date ÷ the year's target;
//! - remaining = the year's target − actual to date (0 once reached);
//! - months left = the months without a result yet (12 − months entered): those to come, and
//!   any earlier one not entered yet, whose result is still to come in as well;
//! - run rate = remaining ÷ months left, per month;
//! - projection = actual to date ÷ months entered × 12: the year's end if every month without a
//!   result (to come, or not entered yet) averages what the entered ones did.
//!
//! Monthly targets are the year's target ÷ 12 (a flat year).

use crate::model::results::{Actuals, Series, MONTHS, QUARTERS};
use crate::model::{Rate, Targets};

/// Months per quarter.
const QUARTER_MONTHS: usize = MONTHS / QUARTERS;

/// One series (a stage, the revenue or the spend) against its targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// The target of each month, unrounded.
    pub monthly_target: [f64; MONTHS],
    /// The year's target: Σ monthly targets.
    pub year_target: f64,
    /// The result of each month, as entered.
    pub actual: Series,
    /// Months up to the last one entered (of the whole plan) with no result in this series.
    pub missing: Vec<usize>,
    /// Months with a result.
    pub months_entered: usize,
    /// Σ results entered.
    pub actual_to_date: f64,
    /// Σ monthly targets of the months with a result.
    pub target_to_date: f64,
    /// The months without a result yet (to come, or not entered yet): 12 − months entered.
    pub months_left: usize,
    /// Each quarter of the plan year.
    pub quarters: [Quarter; QUARTERS],
}

/// One quarter of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quarter {
    /// Σ of its three monthly targets.
    pub target: f64,
    /// Σ of its results entered; `None` when none of its months has one.
    pub actual: Option<f64>,
    /// How many of its three months have a result.
    pub months_entered: usize,
}

impl Quarter {
    /// Actual ÷ target, as a fraction (`None` without a result or with a target of 0).
    pub fn reached(&self) -> Option<f64> {
        self.actual.and_then(|actual| ratio(actual, self.target))
    }
}

impl Standing {
    /// `actual` against a year's target spread evenly over the months (`year_target` ÷ 12);
    /// `last` is the last month with any result in the plan.
    pub fn new(year_target: f64, actual: Series, last: Option<usize>) -> Self {
        let monthly_target = [year_target / MONTHS as f64; MONTHS];
        let entered_until = last.map_or(0, |last| last + 1);
        let mut missing = Vec::new();
        let mut months_entered = 0;
        let mut actual_to_date = 0.0;
        let mut target_to_date = 0.0;
        for (month, (value, target)) in actual.iter().zip(monthly_target).enumerate() {
            match value {
                Some(value) => {
                    months_entered += 1;
                    actual_to_date += value;
                    target_to_date += target;
                }
                None if month < entered_until => missing.push(month),
                None => {}
            }
        }
        let quarters = std::array::from_fn(|quarter| {
            let months = quarter * QUARTER_MONTHS..(quarter + 1) * QUARTER_MONTHS;
            let entered: Vec<f64> = actual
                .get(months.clone())
                .unwrap_or_default()
                .iter()
                .flatten()
                .copied()
                .collect();
            Quarter {
                target: monthly_target.get(months).unwrap_or_default().iter().sum(),
                actual: (!entered.is_empty()).then(|| entered.iter().sum()),
                months_entered: entered.len(),
            }
        });
        Self {
            monthly_target,
            year_target,
            actual,
            missing,
            months_entered,
            actual_to_date,
            target_to_date,
            months_left: MONTHS - months_entered,
            quarters,
        }
    }

    /// Whether any month has a result.
    pub fn has_results(&self) -> bool {
        self.months_entered > 0
    }

    /// Actual to date ÷ target to date, as a fraction (1 = on pace); `None` before any result.
    pub fn pace(&self) -> Option<f64> {
        if self.has_results() {
            ratio(self.actual_to_date, self.target_to_date)
        } else {
            None
        }
    }

    /// Actual to date ÷ the year's target, as a fraction.
    pub fn reached(&self) -> Option<f64> {
        ratio(self.actual_to_date, self.year_target)
    }

    /// What the year still needs: the year's target − actual to date, 0 once reached.
    pub fn remaining(&self) -> f64 {
        (self.year_target - self.actual_to_date).max(0.0)
    }

    /// By how much the results to date beat the year's target (0 until they do).
    pub fn beyond_target(&self) -> f64 {
        (self.actual_to_date - self.year_target).max(0.0)
    }

    /// What each month left must bring for the year to reach its target: remaining ÷ months
    /// left. `None` when no month is left (or before any result, when the monthly target says
    /// it).
    pub fn run_rate(&self) -> Option<f64> {
        (self.has_results() && self.months_left > 0)
            .then(|| self.remaining() / self.months_left as f64)
    }

    /// The year's end if every month without a result (to come, or not entered yet: never
    /// counted as 0) brings the average of the months entered: actual to date ÷ months entered
    /// × 12. `None` before any result.
    pub fn projection(&self) -> Option<f64> {
        // × (12 ÷ months entered), a factor of at least 1: never below the actual to date, as
        // ÷ months × 12 could be by a rounding (x ÷ 12 × 12 < x for some x).
        self.has_results()
            .then(|| self.actual_to_date * (MONTHS as f64 / self.months_entered as f64))
    }

    /// Result ÷ target of `month`, as a fraction (`None` without a result).
    pub fn month_reached(&self, month: usize) -> Option<f64> {
        let actual = self.actual.get(month).copied().flatten()?;
        ratio(actual, *self.monthly_target.get(month)?)
    }
}

/// The conversion achieved from one stage into the next, next to the plan's rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// The upper stage's position (top = 0); the rate leads into `from + 1`.
    pub from: usize,
    /// The plan's rate.
    pub planned: Rate,
    /// Next stage's result ÷ this stage's result, per month, as a fraction (`None` unless both
    /// were entered and this one is above 0).
    pub by_month: [Option<f64>; MONTHS],
    /// Σ of this stage's results over the months where both stages have one.
    pub from_to_date: f64,
    /// Σ of the next stage's results over the same months.
    pub into_to_date: f64,
    /// How many months have both results.
    pub months_counted: usize,
}

impl Conversion {
    /// `from`'s and `into`'s results, compared month by month.
    pub fn new(from: usize, planned: Rate, this: &Series, next: &Series) -> Self {
        let mut by_month = [None; MONTHS];
        let (mut from_to_date, mut into_to_date, mut months_counted) = (0.0, 0.0, 0);
        for (month, (this, next)) in this.iter().zip(next).enumerate() {
            if let (Some(this), Some(next)) = (this, next) {
                if let Some(slot) = by_month.get_mut(month) {
                    *slot = ratio(*next, *this);
                }
                from_to_date += this;
                into_to_date += next;
                months_counted += 1;
            }
        }
        Self {
            from,
            planned,
            by_month,
            from_to_date,
            into_to_date,
            months_counted,
        }
    }

    /// The rate achieved to date: Σ next ÷ Σ this over the months with both, as a fraction
    /// (`None` when there is no such month or this stage's sum is 0).
    pub fn to_date(&self) -> Option<f64> {
        ratio(self.into_to_date, self.from_to_date)
    }
}

/// The whole year's standing.
#[derive(Debug, Clone, PartialEq)]
pub struct YearStanding {
    /// The last month (index) with any result; `None` before the first result.
    pub last: Option<usize>,
    /// Each stage, top to bottom.
    pub stages: Vec<Standing>,
    /// Revenue against the revenue the targets deliver (`None` without an average revenue per
    /// customer).
    pub revenue: Option<Standing>,
    /// Spend against the budget (`None` without a budget).
    pub spend: Option<Standing>,
    /// The conversion achieved between each pair of stages, top to bottom.
    pub conversions: Vec<Conversion>,
}

impl YearStanding {
    /// The results in `actuals` against `targets` (their stages in the same order) and the
    /// yearly budget `budget_per_year` (in the plan's currency), with the plan's `rates`.
    pub fn new(
        targets: &Targets,
        rates: &[Rate],
        budget_per_year: Option<f64>,
        actuals: &Actuals,
    ) -> Self {
        let last = actuals.last_month();
        let stages: Vec<Standing> = targets
            .stages
            .iter()
            .zip(&actuals.stages)
            .map(|(target, actual)| Standing::new(target.per_year, *actual, last))
            .collect();
        let conversions = actuals
            .stages
            .iter()
            .zip(actuals.stages.iter().skip(1))
            .zip(rates)
            .enumerate()
            .map(|(from, ((this, next), rate))| Conversion::new(from, *rate, this, next))
            .collect();
        Self {
            last,
            stages,
            revenue: targets
                .revenue_per_year
                .map(|revenue| Standing::new(revenue, actuals.revenue, last)),
            spend: budget_per_year.map(|budget| Standing::new(budget, actuals.spend, last)),
            conversions,
        }
    }
}

/// `part ÷ whole`, or `None` when `whole` is not above 0 (no NaN, no infinity).
pub fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0)
        .then(|| part / whole)
        .filter(|value| value.is_finite())
}
