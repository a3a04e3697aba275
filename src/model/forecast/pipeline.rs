//! Pipeline coverage and sales velocity, from the plan's own rates.
//!
//! - **Coverage**: the opportunities, and the pipeline they are worth, that must be open when a
//!   quarter starts for that quarter's new customers, from the plan's win rate (the rate from
//!   the stage before the last, the opportunities, into the last, the customers) and the share
//!   of that open pipeline decided within the quarter (from the days from opportunity to
//!   customer typed under Timing).
//! - **Velocity**: opportunities × win rate × revenue per new customer ÷ days from opportunity
//!   to customer, planned and achieved, and which of its four parts moved most since plan.
//!
//! Units: opportunities and customers are counts (per month, or per quarter where said), rates
//! are fractions (0.25 is 25 %), money is in the plan's currency, days are calendar days. A
//! quarter is 3 × [`DAYS_PER_MONTH`] = 91.3125 days, as the schedule's months are.

use std::cmp::Ordering;

use crate::model::forecast::timing::{DAYS_PER_MONTH, MONTHS};
use crate::model::number::needed_at;
use crate::model::results::standing::ratio;
use crate::model::results::would_take::achieved_average;
use crate::model::results::{Actuals, QUARTERS};

/// Days in a quarter: 3 × [`DAYS_PER_MONTH`] = 91.3125.
pub const QUARTER_DAYS: f64 = 3.0 * DAYS_PER_MONTH;

/// The common rule of thumb: pipeline worth 3 times the quarter's target.
pub const RULE_OF_THUMB: f64 = 3.0;

/// The decimals a coverage is shown with ("4.2×").
pub const COVERAGE_DECIMALS: usize = 1;

/// A change of a velocity's part this close to none (as a ratio, 1 ± this) is no change.
const NO_CHANGE: f64 = 1e-9;

/// The share (fraction) of the pipeline open at a quarter's start that is decided (won or lost)
/// within that quarter, for a cycle of `days` from opportunity to customer: 1 when the cycle is
/// no longer than a quarter, else [`QUARTER_DAYS`] ÷ `days`.
///
/// The open opportunities are taken to be spread evenly over their ages, 0 to `days` (as many
/// opened each day): one opened `a` days before the quarter starts is decided `days − a` days
/// into it, so within the quarter when `days − a ≤` [`QUARTER_DAYS`].
///
/// Example: 182.625 days (two quarters) → 0.5; 45 days → 1.
pub fn closes_within(days: f64) -> f64 {
    if days <= QUARTER_DAYS {
        1.0
    } else {
        QUARTER_DAYS / days
    }
}

/// What one quarter needs open when it starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuarterNeed {
    /// The quarter's first month: 0, 3, 6 or 9 months after the plan year's first.
    pub first_month: usize,
    /// New customers the quarter needs (the schedule's, so the phasing's share of the year).
    pub customers: f64,
    /// Their revenue, customers × revenue per new customer (`None` without an average).
    pub revenue: Option<f64>,
    /// Opportunities that must be open when the quarter starts:
    /// customers ÷ (win rate × [`closes_within`]).
    pub opportunities: f64,
    /// What they are worth: opportunities × revenue per new customer.
    pub pipeline: Option<f64>,
}

/// The pipeline coverage the plan's rates need, and what it means for each quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The plan's win rate: opportunity → customer, as a fraction.
    pub win_rate: f64,
    /// Days from opportunity to customer (0 when none are typed).
    pub days: f64,
    /// The share of a quarter's opening pipeline decided within it ([`closes_within`]).
    pub closes_within: f64,
    /// Pipeline value open at a quarter's start ÷ the quarter's new-customer revenue (also
    /// opportunities ÷ customers): 1 ÷ (win rate × closes within).
    pub times: f64,
    /// The four quarters of the plan year.
    pub quarters: [QuarterNeed; QUARTERS],
}

impl Coverage {
    /// The coverage for `customers_by_month` (each plan-year month's new customers, month 1
    /// first), `win_rate` (a fraction), `days` from opportunity to customer and the revenue per
    /// new customer; `None` when the win rate is 0 (no pipeline is ever enough) or a value is
    /// not finite.
    ///
    /// Example: 20 customers a quarter at a 25 % win rate and 45 days: 1 ÷ 0.25 = 4×, so 80
    /// opportunities open on each quarter's first day; at 1,000 a customer, 80,000 of pipeline.
    pub fn new(
        customers_by_month: &[f64; MONTHS],
        win_rate: f64,
        days: f64,
        revenue_per_customer: Option<f64>,
    ) -> Option<Self> {
        let share = closes_within(days);
        let times = ratio(1.0, win_rate * share)?;
        let quarters = std::array::from_fn(|quarter| {
            let first_month = quarter * 3;
            let customers: f64 = customers_by_month.iter().skip(first_month).take(3).sum();
            let opportunities = customers * times;
            QuarterNeed {
                first_month,
                customers,
                revenue: revenue_per_customer.map(|average| customers * average),
                opportunities,
                pipeline: revenue_per_customer.map(|average| opportunities * average),
            }
        });
        let finite = |value: f64| value.is_finite();
        let all_finite = finite(days)
            && quarters.iter().all(|quarter: &QuarterNeed| {
                finite(quarter.opportunities) && quarter.pipeline.is_none_or(finite)
            });
        all_finite.then_some(Self {
            win_rate,
            days,
            closes_within: share,
            times,
            quarters,
        })
    }

    /// The coverage as shown, rounded up to [`COVERAGE_DECIMALS`] (what is needed never shows
    /// less than it is).
    pub fn shown_times(&self) -> f64 {
        needed_at(self.times, COVERAGE_DECIMALS)
    }

    /// How the coverage shown compares with the [`RULE_OF_THUMB`]: `Greater` when this plan
    /// needs more than 3×, `Less` when less, `Equal` when 3.0× is what it needs.
    pub fn against_rule(&self) -> Ordering {
        self.shown_times().total_cmp(&RULE_OF_THUMB)
    }
}

/// How far `achieved` is from `planned`, in percent (−20 for a fifth less), without the binary
/// noise of × 100; `None` when the plan's figure is not above 0.
pub fn change_percent(planned: f64, achieved: f64) -> Option<f64> {
    ratio(achieved, planned).map(|ratio| crate::model::csv::percent(ratio - 1.0))
}

/// The four parts of sales velocity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Opportunities a month.
    Opportunities,
    /// Opportunity → customer, a fraction.
    WinRate,
    /// Revenue per new customer.
    Revenue,
    /// Days from opportunity to customer.
    Days,
}

/// Sales velocity from its four parts: how much revenue (or, without a revenue per customer,
/// how many new customers) the pipeline brings per day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Velocity {
    /// Opportunities a month.
    pub opportunities: f64,
    /// Opportunity → customer, a fraction.
    pub win_rate: f64,
    /// Revenue per new customer (`None`: the velocity counts customers).
    pub revenue_per_customer: Option<f64>,
    /// Days from opportunity to customer.
    pub days: f64,
}

impl Velocity {
    /// Per day: opportunities × win rate × revenue per new customer ÷ days (without a revenue,
    /// new customers a day); `None` while the days are 0.
    ///
    /// Example: 80 opportunities × 0.25 × 1,000 ÷ 40 days = 500 a day.
    pub fn per_day(&self) -> Option<f64> {
        let money = self.revenue_per_customer.unwrap_or(1.0);
        ratio(self.opportunities * self.win_rate * money, self.days)
    }

    /// Per month: per day × [`DAYS_PER_MONTH`] (30.4375).
    pub fn per_month(&self) -> Option<f64> {
        self.per_day().map(|day| day * DAYS_PER_MONTH)
    }

    /// The value of `part`.
    pub fn part(&self, part: Part) -> Option<f64> {
        match part {
            Part::Opportunities => Some(self.opportunities),
            Part::WinRate => Some(self.win_rate),
            Part::Revenue => self.revenue_per_customer,
            Part::Days => Some(self.days),
        }
    }

    /// The achieved velocity from the results in `actuals` (stages top to bottom, customers
    /// last): opportunities a month are the stage before the last's results ÷ its months
    /// entered; the win rate is Σ customers ÷ Σ opportunities over the months with both; the
    /// revenue per new customer Σ revenue ÷ Σ new customers over the months with both. A part
    /// with no result stays as planned (`self`), and so do the days: monthly results do not say
    /// how long a deal took. `None` until the opportunities have a result.
    pub fn achieved(&self, actuals: &Actuals) -> Option<Self> {
        let (customers, upper) = actuals.stages.split_last()?;
        let opportunities = upper.last()?;
        let entered: Vec<f64> = opportunities.iter().flatten().copied().collect();
        if entered.is_empty() {
            return None;
        }
        let per_month = entered.iter().sum::<f64>() / entered.len() as f64;
        let (opened, won) = opportunities
            .iter()
            .zip(customers)
            .filter_map(|(opened, won)| opened.zip(*won))
            .fold((0.0, 0.0), |(opened, won), (more, more_won)| {
                (opened + more, won + more_won)
            });
        let win_rate = ratio(won, opened).unwrap_or(self.win_rate);
        let revenue_per_customer = self
            .revenue_per_customer
            .map(|average| achieved_average(&actuals.revenue, customers).unwrap_or(average));
        Some(Self {
            opportunities: per_month,
            win_rate,
            revenue_per_customer,
            days: self.days,
        })
    }

    /// The part that moved most from `self` (the plan) to `achieved`, by how far its ratio is
    /// from 1 on a log scale (halving and doubling move as much); a part that fell to 0 moved
    /// most. `None` when no part moved.
    pub fn moved_most(&self, achieved: &Self) -> Option<Part> {
        let mut most: Option<(Part, f64)> = None;
        for part in [
            Part::Opportunities,
            Part::WinRate,
            Part::Revenue,
            Part::Days,
        ] {
            let (Some(planned), Some(now)) = (self.part(part), achieved.part(part)) else {
                continue;
            };
            // max(r, 1 ÷ r) orders the changes as |ln r| does, without a logarithm.
            let distance = match ratio(now, planned) {
                Some(change) if change > 0.0 => change.max(1.0 / change),
                Some(_) => f64::INFINITY,
                None => continue,
            };
            if distance > 1.0 + NO_CHANGE && most.is_none_or(|(_, far)| distance > far) {
                most = Some((part, distance));
            }
        }
        most.map(|(part, _)| part)
    }
}
