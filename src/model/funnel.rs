//! The funnel engine.
//!
//! - **Reverse**: customers needed per year = revenue goal ÷ average revenue per new customer (or
//!   the customers goal); each earlier stage = the next stage's target ÷ its rate into that stage.
//! - **Forward**: from a volume at the top stage per month, each later stage = the stage above ×
//!   its rate; revenue = customers × average revenue per new customer.
//!
//! Everything is computed per year in full precision; per quarter is ÷ 4, per month ÷ 12.
//! Rounding happens only for display (see [`crate::model::number::whole_needed`]).

use crate::model::number::{MAX_RESULT, WHOLE_TOLERANCE};
use crate::model::{FunnelError, Goal, Plan, Rate};

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    /// Month, quarter, year: the order of the targets table's columns.
    pub const ALL: [Period; 3] = [Period::Month, Period::Quarter, Period::Year];

    /// How many of this period fit in a year: 12, 4 or 1.
    pub fn per_year(self) -> f64 {
        match self {
            Period::Month => 12.0,
            Period::Quarter => 4.0,
            Period::Year => 1.0,
        }
    }
}

/// How a stage's yearly target was calculated, so every figure can explain itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The bottom stage, from a revenue goal: revenue per year ÷ average revenue per new customer.
    RevenueGoal {
        revenue_per_year: f64,
        average_revenue_per_customer: f64,
    },
    /// The bottom stage, from a goal of new customers per year (the goal itself).
    NewCustomersGoal,
    /// An earlier stage: the next stage's yearly target ÷ this stage's rate into it.
    NextStage {
        next_name: String,
        next_per_year: f64,
        rate: Rate,
    },
}

/// What one stage must reach.
#[derive(Debug, Clone, PartialEq)]
pub struct StageTarget {
    /// The stage's name.
    pub name: String,
    /// Volume needed per year, unrounded.
    pub per_year: f64,
    /// How `per_year` was calculated.
    pub source: Source,
}

impl StageTarget {
    /// Volume needed per `period`, unrounded: per year ÷ 12 (month) or ÷ 4 (quarter).
    pub fn per(&self, period: Period) -> f64 {
        self.per_year / period.per_year()
    }
}

/// The reverse funnel: what every stage must reach for the goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    /// One target per stage, top to bottom (never empty).
    pub stages: Vec<StageTarget>,
    /// Revenue from new customers per year the targets deliver, in the plan's currency; `None`
    /// when a goal of new customers has no average revenue per customer.
    pub revenue_per_year: Option<f64>,
}

impl Targets {
    /// The bottom stage's target (new customers).
    pub fn customers(&self) -> Option<&StageTarget> {
        self.stages.last()
    }

    /// Revenue the targets deliver per `period`: per year ÷ 12 (month) or ÷ 4 (quarter).
    pub fn revenue(&self, period: Period) -> Option<f64> {
        self.revenue_per_year
            .map(|revenue| revenue / period.per_year())
    }

    /// The top stage's target (e.g. visits).
    pub fn top(&self) -> Option<&StageTarget> {
        self.stages.first()
    }
}

/// Works back from the goal to what each stage must reach per year.
///
/// Worked example: 9 customers a year at 50 % / 40 % / 20 % / 20 % / 1.5 % gives 18 opportunities,
/// 45 SQLs, 225 MQLs, 1,125 leads and 75,000 visits a year (6,250 a month).
pub fn reverse(plan: &Plan) -> Result<Targets, FunnelError> {
    let names = plan.funnel.names();
    let rates = plan.funnel.rates();
    let (bottom_name, upper_names) = names.split_last().ok_or(FunnelError::TooFewStages)?;
    let bottom_source = match plan.goal {
        Goal::Revenue(revenue_per_year) => Source::RevenueGoal {
            revenue_per_year,
            average_revenue_per_customer: plan
                .average_revenue_per_customer
                .ok_or(FunnelError::ResultTooLarge)?,
        },
        Goal::NewCustomers(_) => Source::NewCustomersGoal,
    };
    let mut bottom_up = Vec::with_capacity(names.len());
    bottom_up.push(StageTarget {
        name: bottom_name.clone(),
        per_year: checked(plan.customers_per_year())?,
        source: bottom_source,
    });
    for (name, rate) in upper_names.iter().rev().zip(rates.iter().rev()) {
        let next = bottom_up.last().ok_or(FunnelError::TooFewStages)?;
        let target = StageTarget {
            name: name.clone(),
            per_year: checked(next.per_year / rate.fraction())?,
            source: Source::NextStage {
                next_name: next.name.clone(),
                next_per_year: next.per_year,
                rate: *rate,
            },
        };
        bottom_up.push(target);
    }
    bottom_up.reverse();
    Ok(Targets {
        stages: bottom_up,
        revenue_per_year: plan.revenue_per_year().map(checked).transpose()?,
    })
}

/// What one stage yields per month in a forward check.
#[derive(Debug, Clone, PartialEq)]
pub struct StageYield {
    pub name: String,
    /// Expected volume per month, unrounded.
    pub per_month: f64,
}

impl StageYield {
    /// Expected volume per year: per month × 12.
    pub fn per_year(&self) -> f64 {
        self.per_month * 12.0
    }
}

/// How the current volume compares with the goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gap {
    /// The current volume falls short of the goal.
    Short {
        /// More top-stage volume needed per month: needed − current.
        top_per_month: f64,
        /// New customers per year still missing: goal − expected.
        customers_per_year: f64,
        /// Revenue per year still missing: goal − expected, in the plan's currency (`None`
        /// without an average revenue per customer).
        revenue_per_year: Option<f64>,
    },
    /// The current volume meets the goal (within rounding) or beats it.
    Met {
        /// Top-stage volume per month beyond what the goal needs: current − needed (≥ 0).
        spare_top_per_month: f64,
    },
}

/// A forward check: what the current top-of-funnel volume yields, and the gap to the goal.
#[derive(Debug, Clone, PartialEq)]
pub struct ForwardCheck {
    /// Per-month yield of every stage, top to bottom; the top is the current volume itself.
    pub stages: Vec<StageYield>,
    /// Expected new customers per month and per year (× 12).
    pub customers_per_month: f64,
    pub customers_per_year: f64,
    /// Expected revenue per month and per year: customers × average revenue per new customer
    /// (`None` without an average).
    pub revenue_per_month: Option<f64>,
    pub revenue_per_year: Option<f64>,
    /// Top-stage volume per month the goal needs (from the reverse funnel).
    pub needed_top_per_month: f64,
    /// The gap to the goal.
    pub gap: Gap,
}

/// Runs the funnel forward from `current_top_per_month` (≥ 0) at the top stage.
///
/// Worked example: 6,000 visits a month at 1.5 % / 20 % / 20 % / 40 % / 50 % yields 90 leads,
/// 18 MQLs, 3.6 SQLs, 1.44 opportunities and 0.72 customers a month.
pub fn forward(plan: &Plan, current_top_per_month: f64) -> Result<ForwardCheck, FunnelError> {
    let targets = reverse(plan)?;
    let current = checked(current_top_per_month.max(0.0))?;
    let names = plan.funnel.names();
    let mut volume = current;
    let mut stages = Vec::with_capacity(names.len());
    let mut rates = plan.funnel.rates().iter();
    for name in names {
        stages.push(StageYield {
            name: name.clone(),
            per_month: volume,
        });
        if let Some(rate) = rates.next() {
            volume *= rate.fraction();
        }
    }
    let customers_per_month = stages.last().map_or(0.0, |stage| stage.per_month);
    let customers_per_year = customers_per_month * 12.0;
    let revenue_per_month = plan
        .average_revenue_per_customer
        .map(|average| checked(customers_per_month * average))
        .transpose()?;
    let revenue_per_year = revenue_per_month.map(|revenue| revenue * 12.0);
    let needed_top_per_month = targets.top().map_or(0.0, |top| top.per(Period::Month));
    let shortfall = needed_top_per_month - current;
    let gap = if shortfall > WHOLE_TOLERANCE * needed_top_per_month.max(1.0) {
        Gap::Short {
            top_per_month: shortfall,
            customers_per_year: (plan.customers_per_year() - customers_per_year).max(0.0),
            revenue_per_year: targets
                .revenue_per_year
                .zip(revenue_per_year)
                .map(|(goal, expected)| (goal - expected).max(0.0)),
        }
    } else {
        Gap::Met {
            spare_top_per_month: (-shortfall).max(0.0),
        }
    };
    Ok(ForwardCheck {
        stages,
        customers_per_month,
        customers_per_year,
        revenue_per_month,
        revenue_per_year,
        needed_top_per_month,
        gap,
    })
}

/// `value` when it is finite, not negative and at most [`MAX_RESULT`].
fn checked(value: f64) -> Result<f64, FunnelError> {
    if value.is_finite() && (0.0..=MAX_RESULT).contains(&value) {
        Ok(value)
    } else {
        Err(FunnelError::ResultTooLarge)
    }
}
