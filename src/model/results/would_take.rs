//! What it would take: from where the plan stands, the gap to the goal and, for each lever alone
//! (the others as they are), the value that closes it.
//!
//! Where the plan stands ([`Standpoint`]) is either the results of the months entered (the top
//! stage's average per month, each rate achieved to date, the revenue per new customer achieved)
//! or, before any result, the top stage's current volume typed in the forward check with the
//! plan's rates. Each month left must then bring `needed` (customers, or revenue for a revenue
//! goal), and the plan as it stands brings
//!
//! `yield = top per month × r₁ × … × rₖ (× revenue per new customer, for a revenue goal)`.
//!
//! Since the yield is a product, a lever alone closes the gap when it is multiplied by
//! `needed ÷ yield`:
//! - the top stage's volume: `needed ÷ (r₁ × … × rₖ (× revenue per customer))`;
//! - one rate rᵢ: `needed ÷ (top × the other rates (× revenue per customer))`, which cannot
//!   close the gap when it would pass 100 %;
//! - the revenue per new customer: `needed ÷ (top × r₁ × … × rₖ)`;
//! - every rate by one factor f: `f = (needed ÷ yield)^(1/k)`, each rate × f (none above 100 %).
//!
//! Each lever's value is then set beside what is known ([`Known`]): the typical range of its
//! step for the industry and last year's value, so that a person sees which lever is realistic.
//!
//! Units: counts per month, money in the plan's currency, rates as fractions (0.3 is 30 %).

use crate::model::annual::last_year::LastYear;
use crate::model::benchmarks::{default_steps, range, Industry, Position, Range};
use crate::model::number::{root, MAX_RESULT, WHOLE_TOLERANCE};
use crate::model::results::standing::{ratio, YearStanding};
use crate::model::results::MONTHS;
use crate::model::{Goal, Plan};

/// Where the plan's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The results of this many months (at the top stage); the months left are those without a
    /// result in the revenue row (`by_revenue`) or in the new customers' row.
    Results { months: usize, by_revenue: bool },
    /// The current volume typed in the forward check, with the plan's rates.
    ForwardCheck,
}

/// Where the plan stands, and what each month left must bring.
#[derive(Debug, Clone, PartialEq)]
pub struct Standpoint {
    pub basis: Basis,
    /// The top stage's volume per month (≥ 0).
    pub top_per_month: f64,
    /// Each rate into the next stage, top to bottom, as a fraction ≥ 0 (a rate achieved can pass
    /// 1 when a month's next stage counts people who entered the funnel in an earlier month).
    pub rates: Vec<f64>,
    /// For a revenue goal, the revenue one new customer brings (money, > 0); `None` when the goal
    /// counts new customers.
    pub revenue_per_customer: Option<f64>,
    /// What each month left must bring for the year to reach the goal: new customers, or revenue
    /// for a revenue goal (per month, ≥ 0).
    pub needed_per_month: f64,
    /// The months left in the plan year (1–12).
    pub months_left: usize,
}

/// A part of the funnel that can be moved alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// The top stage's volume per month.
    Top,
    /// The rate from stage `from` (top = 0) into the next.
    Rate { from: usize },
    /// The revenue one new customer brings.
    RevenuePerCustomer,
    /// Every rate multiplied by the same factor.
    AllRates,
}

/// What one lever alone would take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Take {
    /// The value that closes the gap (for [`Lever::AllRates`], the factor), and the value now
    /// (the factor now is 1).
    Needs { needed: f64, now: f64 },
    /// No value of this lever alone closes the gap: a rate would pass 100 %.
    PastAll,
    /// No value of this lever alone closes the gap: another part of the funnel yields nothing
    /// (a top volume or a rate of 0).
    NothingFlows,
}

impl Take {
    /// The change asked for, as a fraction of the value now (0.53 is +53 %); `None` when the
    /// lever cannot close the gap or its value now is 0.
    pub fn change(&self) -> Option<f64> {
        match *self {
            Take::Needs { needed, now } => ratio(needed, now).map(|times| times - 1.0),
            Take::PastAll | Take::NothingFlows => None,
        }
    }
}

/// How the plan, as it stands, compares with what the goal needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Outlook {
    /// The results to date already reach the goal.
    Reached,
    /// No month is left in the plan year and the goal is not reached.
    YearOver,
    /// The plan as it stands brings at least what each month needs.
    Ahead {
        /// What the plan brings per month, and what each month needs (customers, or revenue).
        yield_per_month: f64,
        needed_per_month: f64,
        /// yield ÷ needed − 1, as a fraction (0.25 is 25 % ahead).
        ahead_by: f64,
    },
    /// The plan as it stands falls short.
    Short {
        yield_per_month: f64,
        needed_per_month: f64,
        /// (needed − yield) × months left: what the year would miss.
        gap: f64,
        /// Each lever and what it alone would take: the top, each rate top to bottom, the revenue
        /// per new customer (a revenue goal only) and every rate by one factor.
        levers: Vec<(Lever, Take)>,
    },
}

impl Standpoint {
    /// Where the plan stands before any result: `current_top_per_month` typed in the forward
    /// check, the plan's rates and average revenue per new customer, the goal spread over 12
    /// months.
    ///
    /// Example: 6,000 visits a month for a goal of 10,000,000 a year: each month needs
    /// 833,333.33.
    pub fn forward_check(plan: &Plan, current_top_per_month: f64) -> Self {
        let (revenue_per_customer, goal) = goal_measure(plan);
        Self {
            basis: Basis::ForwardCheck,
            top_per_month: current_top_per_month.max(0.0),
            rates: plan
                .funnel
                .rates()
                .iter()
                .map(|rate| rate.fraction())
                .collect(),
            revenue_per_customer,
            needed_per_month: goal / MONTHS as f64,
            months_left: MONTHS,
        }
    }

    /// Where the plan stands after the results in `standing` (of `plan`'s stages): `None` before
    /// any result at the top stage. Otherwise:
    /// - the top per month is the top stage's results ÷ its months entered;
    /// - each rate is the one achieved to date (Σ next ÷ Σ this over the months with both), or
    ///   the plan's where no month has both;
    /// - for a revenue goal, the revenue per new customer is Σ revenue ÷ Σ new customers over the
    ///   months with both (new customers above 0), or the plan's average;
    /// - what each month needs is the run rate the Results page shows still needed (what remains
    ///   of the year's target ÷ the months without a result): revenue's when revenue was
    ///   entered, otherwise the new customers' (× the plan's average, for a revenue goal).
    ///
    /// `Err(Outlook)` when the goal is already reached, or no month is left.
    pub fn from_results(plan: &Plan, standing: &YearStanding) -> Option<Result<Self, Outlook>> {
        let top = standing.stages.first()?;
        let customers = standing.stages.last()?;
        if !top.has_results() {
            return None;
        }
        let rates = plan
            .funnel
            .rates()
            .iter()
            .zip(&standing.conversions)
            .map(|(planned, achieved)| achieved.to_date().unwrap_or(planned.fraction()))
            .collect();
        let (average, _) = goal_measure(plan);
        let revenue = standing
            .revenue
            .as_ref()
            .filter(|revenue| revenue.has_results());
        let (series, by_revenue) = match (average, revenue) {
            (Some(_), Some(revenue)) => (revenue, true),
            _ => (customers, false),
        };
        if series.remaining() <= 0.0 {
            return Some(Err(Outlook::Reached));
        }
        if series.months_left == 0 {
            return Some(Err(Outlook::YearOver));
        }
        // The Results page's run rate still needed; for a series with no result yet (only the
        // top stage's typed), its monthly target: the same remaining ÷ months left.
        let run_rate = series
            .run_rate()
            .unwrap_or(series.remaining() / series.months_left as f64);
        let revenue_per_customer = average.map(|average| {
            revenue
                .and_then(|revenue| achieved_average(&revenue.actual, &customers.actual))
                .unwrap_or(average)
        });
        // The customers' run rate in revenue, when no revenue was entered.
        let needed_per_month = match (average, revenue) {
            (Some(average), None) => run_rate * average,
            _ => run_rate,
        };
        Some(Ok(Self {
            basis: Basis::Results {
                months: top.months_entered,
                by_revenue,
            },
            top_per_month: top.actual_to_date / top.months_entered as f64,
            rates,
            revenue_per_customer,
            needed_per_month,
            months_left: series.months_left,
        }))
    }

    /// What the plan as it stands brings per month: top × every rate (× revenue per customer).
    pub fn yield_per_month(&self) -> f64 {
        self.top_per_month * self.rates.iter().product::<f64>() * self.money()
    }

    /// What every lever alone is multiplied by to close the gap: needed ÷ what the plan brings
    /// (`None` when it brings nothing).
    pub fn times(&self) -> Option<f64> {
        ratio(self.needed_per_month, self.yield_per_month())
    }

    /// The revenue per customer, or 1 when the goal counts customers.
    fn money(&self) -> f64 {
        self.revenue_per_customer.unwrap_or(1.0)
    }

    /// The outlook from here: ahead, or short with what each lever alone would take.
    pub fn outlook(&self) -> Outlook {
        let needed = self.needed_per_month;
        if needed <= 0.0 {
            return Outlook::Reached;
        }
        let yielded = self.yield_per_month();
        // Within the precision of the figures (as the forward check's "met"), not short.
        if yielded >= needed * (1.0 - WHOLE_TOLERANCE) {
            return Outlook::Ahead {
                yield_per_month: yielded,
                needed_per_month: needed,
                ahead_by: (yielded / needed - 1.0).max(0.0),
            };
        }
        let rates: f64 = self.rates.iter().product();
        let mut levers = vec![(
            Lever::Top,
            closing(needed, rates * self.money(), self.top_per_month, false),
        )];
        for (from, rate) in self.rates.iter().enumerate() {
            let others: f64 = self
                .rates
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != from)
                .map(|(_, rate)| rate)
                .product();
            let rest = self.top_per_month * others * self.money();
            // A rate can reach 100 % at most, unless the results already put it beyond.
            let is_capped = *rate <= 1.0;
            levers.push((
                Lever::Rate { from },
                closing(needed, rest, *rate, is_capped),
            ));
        }
        if let Some(average) = self.revenue_per_customer {
            let rest = self.top_per_month * rates;
            levers.push((
                Lever::RevenuePerCustomer,
                closing(needed, rest, average, false),
            ));
        }
        levers.push((Lever::AllRates, self.all_rates()));
        Outlook::Short {
            yield_per_month: yielded,
            needed_per_month: needed,
            gap: (needed - yielded) * self.months_left as f64,
            levers,
        }
    }

    /// Every rate × f, f = (needed ÷ yield)^(1/k) for k rates.
    fn all_rates(&self) -> Take {
        let Some(times) = self.times() else {
            return Take::NothingFlows;
        };
        let factor = root(times, self.rates.len());
        // A rate already past 100 % (see `rates`) does not stop the others.
        if self
            .rates
            .iter()
            .any(|rate| *rate <= 1.0 && rate * factor > 1.0)
        {
            Take::PastAll
        } else {
            Take::Needs {
                needed: factor,
                now: 1.0,
            }
        }
    }

    /// Each rate × `factor`, top to bottom (the rates [`Lever::AllRates`] asks for).
    pub fn rates_times(&self, factor: f64) -> Vec<f64> {
        self.rates.iter().map(|rate| rate * factor).collect()
    }
}

/// The value a lever needs when the rest of the funnel yields `rest` per unit of it:
/// needed ÷ rest; a value that `is_capped` (a rate) cannot pass 100 %.
fn closing(needed: f64, rest: f64, now: f64, is_capped: bool) -> Take {
    match ratio(needed, rest).filter(|value| *value <= MAX_RESULT) {
        None => Take::NothingFlows,
        Some(value) if is_capped && value > 1.0 => Take::PastAll,
        Some(value) => Take::Needs { needed: value, now },
    }
}

/// For a revenue goal, the plan's average revenue per new customer and the goal's revenue; for
/// a customers goal, `None` and the number of customers.
fn goal_measure(plan: &Plan) -> (Option<f64>, f64) {
    match plan.goal {
        Goal::Revenue(revenue) => (plan.average_revenue_per_customer, revenue),
        Goal::NewCustomers(customers) => (None, customers),
    }
}

/// Σ revenue ÷ Σ new customers over the months with both (`None` without new customers).
pub fn achieved_average(revenue: &[Option<f64>], customers: &[Option<f64>]) -> Option<f64> {
    let (money, count) = revenue
        .iter()
        .zip(customers)
        .filter_map(|(revenue, customers)| revenue.zip(*customers))
        .fold((0.0, 0.0), |(money, count), (revenue, customers)| {
            (money + revenue, count + customers)
        });
    ratio(money, count)
}

/// What is known about a lever's value, to set the value it needs beside.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Known {
    /// The typical range of its step for the industry (rates only, where a report gives one).
    pub typical: Option<Range>,
    /// Last year's value (the top's volume per month, a rate, the revenue per new customer).
    pub last_year: Option<f64>,
}

/// How realistic a lever's value is, against what is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Within (or below) the typical range for the industry, and no more than last year's.
    Typical,
    /// No more than last year's; there is no typical range.
    WithinLastYear,
    /// Nothing is known to compare it with.
    Unknown,
    /// Above last year's, though within (or without) the typical range.
    AboveLastYear,
    /// Beyond the top of the typical range: unlikely.
    Unlikely,
    /// This lever alone cannot close the gap.
    Impossible,
}

impl Known {
    /// Where `value` sits: beyond the typical range's top is unlikely; then above last year's;
    /// then within the range, or within last year's.
    pub fn mark(&self, value: f64) -> Mark {
        let above_range = self
            .typical
            .map(|range| range.position(value) == Position::Above);
        let above_last_year = self.last_year.map(|last| value > last);
        match (above_range, above_last_year) {
            (Some(true), _) => Mark::Unlikely,
            (_, Some(true)) => Mark::AboveLastYear,
            (Some(false), _) => Mark::Typical,
            (None, Some(false)) => Mark::WithinLastYear,
            (None, None) => Mark::Unknown,
        }
    }
}

/// What is known of every lever: the top, each rate (top to bottom) and the revenue per new
/// customer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Knowns {
    pub top: Known,
    pub rates: Vec<Known>,
    pub revenue: Known,
}

impl Knowns {
    /// The mark of what `lever` alone would take (`take`) from `standpoint`. Every rate × f is
    /// marked by its least realistic rate.
    pub fn mark(&self, standpoint: &Standpoint, lever: Lever, take: Take) -> Mark {
        let Take::Needs { needed, .. } = take else {
            return Mark::Impossible;
        };
        let rate = |from: usize| self.rates.get(from).copied().unwrap_or_default();
        match lever {
            Lever::Top => self.top.mark(needed),
            Lever::RevenuePerCustomer => self.revenue.mark(needed),
            Lever::Rate { from } => rate(from).mark(needed),
            Lever::AllRates => standpoint
                .rates_times(needed)
                .into_iter()
                .enumerate()
                .map(|(from, value)| rate(from).mark(value))
                .max()
                .unwrap_or(Mark::Unknown),
        }
    }
}

/// What is known of each lever in a funnel of `stage_count` stages: of the top, last year's
/// volume per month (its total ÷ 12); of each rate, its step's typical range in `industry`
/// (by [`default_steps`]) and last year's rate; of the revenue per new customer, last year's.
pub fn knowns(industry: Industry, last_year: &LastYear, stage_count: usize) -> Knowns {
    let top = Known {
        typical: None,
        last_year: last_year
            .stage_totals
            .first()
            .copied()
            .flatten()
            .map(|total| total / MONTHS as f64),
    };
    let rates = default_steps(stage_count)
        .into_iter()
        .enumerate()
        .map(|(from, step)| Known {
            typical: step.and_then(|step| range(step, industry)),
            last_year: last_year.rate(from).ok(),
        })
        .collect();
    let revenue = Known {
        typical: None,
        last_year: last_year.revenue_per_customer().ok(),
    };
    Knowns {
        top,
        rates,
        revenue,
    }
}
