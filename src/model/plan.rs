//! A validated plan: the goal, the average revenue per new customer and the funnel's stages with
//! their conversion rates. Built from a [`crate::model::PlanDraft`] by `validate`; every value in
//! here is in range, so the engine cannot produce NaN or a negative count from it.

use crate::model::{to_percent, FunnelError, InputError};

/// The fewest stages a funnel can have: something that converts into customers.
pub const MIN_STAGES: usize = 2;
/// The most stages a funnel can have.
pub const MAX_STAGES: usize = 10;

/// A conversion rate from one stage into the next, kept as a fraction in (0, 1].
///
/// People type and read it as a percent (1.5 %); the model computes with the fraction (0.015).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Rate(f64);

impl Rate {
    /// A rate from a percent in (0, 100]: `from_percent(1.5)` is 0.015 as a fraction.
    pub fn from_percent(percent: f64) -> Result<Self, InputError> {
        if percent > 0.0 && percent <= 100.0 {
            Ok(Self(percent / 100.0))
        } else {
            Err(InputError::RateOutOfRange)
        }
    }

    /// The rate as a fraction in (0, 1].
    pub fn fraction(self) -> f64 {
        self.0
    }

    /// The rate as a percent in (0, 100].
    pub fn percent(self) -> f64 {
        to_percent(self.0)
    }
}

/// What the plan aims for in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// Revenue from new customers per year, in the plan's currency (> 0).
    Revenue(f64),
    /// New customers per year (> 0).
    NewCustomers(f64),
}

/// The funnel's stages, top (e.g. Visits) to bottom (Customers), with the rate from each stage
/// into the next. Always 2 to 10 stages and exactly one rate fewer than stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    names: Vec<String>,
    rates: Vec<Rate>,
}

impl Funnel {
    /// A funnel from its stages in order, each with the rate into the next stage; the last
    /// stage's rate is ignored (`None` is fine there).
    pub fn new(stages: Vec<(String, Option<Rate>)>) -> Result<Self, FunnelError> {
        if stages.len() < MIN_STAGES {
            return Err(FunnelError::TooFewStages);
        }
        if stages.len() > MAX_STAGES {
            return Err(FunnelError::TooManyStages);
        }
        let last = stages.len() - 1;
        let mut names = Vec::with_capacity(stages.len());
        let mut rates = Vec::with_capacity(last);
        for (index, (name, rate)) in stages.into_iter().enumerate() {
            names.push(name);
            if index < last {
                // A missing rate above the last stage is a caller's mistake; 100 % keeps the
                // funnel well-defined (it passes every volume through unchanged).
                rates.push(rate.unwrap_or(Rate(1.0)));
            }
        }
        Ok(Self { names, rates })
    }

    /// Stage names, top to bottom.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// `rates()[i]` converts stage `i` into stage `i + 1`.
    pub fn rates(&self) -> &[Rate] {
        &self.rates
    }

    /// The name of the top stage (e.g. "Visits"), the one a forward check starts from.
    pub fn top_name(&self) -> &str {
        self.names.first().map_or("", String::as_str)
    }

    /// The fraction of the top stage that reaches the bottom stage: the product of all rates.
    pub fn end_to_end(&self) -> f64 {
        self.rates.iter().map(|rate| rate.fraction()).product()
    }
}

/// A plan whose every value is in range.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// What the marketer calls this plan.
    pub name: String,
    /// What the plan aims for in one year.
    pub goal: Goal,
    /// Average revenue one new customer brings in the plan year, in the plan's currency (> 0).
    /// Always there for a revenue goal; with a goal of new customers it may be left out, and the
    /// plan then has counts but no revenue figures.
    pub average_revenue_per_customer: Option<f64>,
    /// The stages and their rates.
    pub funnel: Funnel,
}

impl Plan {
    /// New customers needed per year, in full precision:
    /// revenue goal ÷ average revenue per new customer, or the customers goal itself.
    pub fn customers_per_year(&self) -> f64 {
        match self.goal {
            // A revenue goal without an average is not a valid plan: NaN, which the engine
            // refuses (`FunnelError::ResultTooLarge`), never a figure on the page.
            Goal::Revenue(revenue) => {
                revenue / self.average_revenue_per_customer.unwrap_or(f64::NAN)
            }
            Goal::NewCustomers(customers) => customers,
        }
    }

    /// Revenue from new customers per year: the revenue goal itself, or
    /// customers goal × average revenue per new customer (`None` without an average).
    pub fn revenue_per_year(&self) -> Option<f64> {
        match self.goal {
            Goal::Revenue(revenue) => Some(revenue),
            Goal::NewCustomers(customers) => self
                .average_revenue_per_customer
                .map(|average| customers * average),
        }
    }
}
