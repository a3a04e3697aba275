//! Which rates matter most.
//!
//! The funnel multiplies its rates, so a 10 % better rate at any stage gives 10 % more
//! customers: "+10 % on each rate" ranks nothing. Two measures do rank them:
//!
//! - **headroom**: the customers (and revenue) gained if one rate reached a better value the
//!   plan knows of (the top of its typical range, or last year's rate);
//! - **tornado**: each input moved from its low to its high value with the others at their
//!   typed values, widest swing first.
//!
//! Units: rates are fractions in (0, 1] (0.2 is 20 %), customers are counts per year, revenue and
//! costs are amounts per year in the plan's currency; nothing is rounded here.

use crate::model::number::settled;
use crate::model::order::sort_stable_by;

/// Where a better rate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// The top of the rate's typical (benchmark) range.
    BenchmarkTop,
    /// Last year's rate.
    LastYear,
}

/// A better value one rate could reach.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Index of the rate: 0 is the top stage's rate into the next stage.
    pub stage: usize,
    /// The plan's rate now, a fraction in (0, 1].
    pub current: f64,
    /// The better rate, a fraction in (0, 1].
    pub better: f64,
    /// Where `better` comes from.
    pub source: Better,
}

/// What one rate would gain at its better value, the other rates unchanged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headroom {
    /// Index of the rate: 0 is the top stage's rate into the next stage.
    pub stage: usize,
    /// The plan's rate now, a fraction.
    pub current: f64,
    /// The better rate, a fraction.
    pub better: f64,
    /// Where `better` comes from.
    pub source: Better,
    /// More customers per year: customers_per_year × (better ÷ current − 1).
    pub customers_gained: f64,
    /// More revenue per year: customers_gained × average revenue per new customer (`None`
    /// without one).
    pub revenue_gained: Option<f64>,
    /// What the same extra customers would cost at today's cost per customer, per year:
    /// customers_gained × cost_per_customer (`None` when that cost is unknown).
    pub cost_at_current_cac: Option<f64>,
}

/// The headroom of each rate, largest first.
///
/// - `customers_per_year`: the plan's new customers per year (finite, ≥ 0; otherwise the result
///   is empty);
/// - `average_revenue`: average revenue per new customer;
/// - `cost_per_customer`: today's cost per new customer (CAC);
/// - `candidates`: better values per rate, fractions.
///
/// Only candidates with better > current are kept (a rate already at or above the better value
/// has no headroom and is left out), as are candidates whose rates are not both finite and in
/// (0, 1]. For a stage with several candidates the larger gain is kept (on a tie, the first
/// given). Ranked by customers gained, largest first; ties put the top stage first. Each gain is
/// that rate's alone: gains of two rates multiply rather than add.
///
/// Example: 10 customers a year, Leads → MQLs at 20 % with a typical top of 30 %:
/// 10 × (0.30 ÷ 0.20 − 1) = 5 more customers.
pub fn headroom(
    customers_per_year: f64,
    average_revenue: Option<f64>,
    cost_per_customer: Option<f64>,
    candidates: &[Candidate],
) -> Vec<Headroom> {
    if !customers_per_year.is_finite() || customers_per_year < 0.0 {
        return Vec::new();
    }
    let is_rate = |rate: f64| rate.is_finite() && rate > 0.0 && rate <= 1.0;
    let mut kept: Vec<Headroom> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if !is_rate(candidate.current)
            || !is_rate(candidate.better)
            || candidate.better <= candidate.current
        {
            continue;
        }
        let customers_gained = settled(
            customers_per_year * (candidate.better / candidate.current - 1.0),
            customers_per_year,
        );
        // A better rate only by float noise (last year's 24 ÷ 120 against the plan's 20 %)
        // gains nothing: no row of "0.000000000000007 customers".
        if customers_gained == 0.0 {
            continue;
        }
        let gain = Headroom {
            stage: candidate.stage,
            current: candidate.current,
            better: candidate.better,
            source: candidate.source,
            customers_gained,
            revenue_gained: average_revenue.map(|average| customers_gained * average),
            cost_at_current_cac: cost_per_customer.map(|cost| customers_gained * cost),
        };
        match kept.iter_mut().find(|other| other.stage == candidate.stage) {
            Some(other) if gain.customers_gained > other.customers_gained => *other = gain,
            Some(_) => {}
            None => kept.push(gain),
        }
    }
    // The crate's one small sort: the standard one costs this page kilobytes per list type.
    sort_stable_by(&mut kept, |a, b| {
        b.customers_gained
            .total_cmp(&a.customers_gained)
            .then(a.stage.cmp(&b.stage))
    });
    kept
}

/// An input of the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The rate at this index (0: the top stage's rate into the next stage), a fraction.
    Rate(usize),
    /// Average revenue per new customer, in the plan's currency.
    AverageRevenue,
}

/// One bar of the tornado: the results with one input at its low and at its high value, the
/// others at their typed values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    /// The input moved.
    pub input: Input,
    /// The input's low value (a fraction for a rate, an amount for average revenue).
    pub low: f64,
    /// The input's typed value, same unit.
    pub typed: f64,
    /// The input's high value, same unit.
    pub high: f64,
    /// Customers per year with the input at `low`.
    pub customers_low: f64,
    /// Customers per year with the input at `high`.
    pub customers_high: f64,
    /// Revenue per year with the input at `low` (`None` without an average revenue).
    pub revenue_low: Option<f64>,
    /// Revenue per year with the input at `high` (`None` without an average revenue).
    pub revenue_high: Option<f64>,
}

impl Swing {
    /// The customer swing per year: |customers_high − customers_low|.
    pub fn customers_width(&self) -> f64 {
        (self.customers_high - self.customers_low).abs()
    }

    /// The revenue swing per year: |revenue_high − revenue_low| (`None` without revenue).
    pub fn revenue_width(&self) -> Option<f64> {
        self.revenue_low
            .zip(self.revenue_high)
            .map(|(low, high)| (high - low).abs())
    }
}

/// The tornado: each input moved from its low to its high value with the others at their
/// typed values, widest swing first.
///
/// - `customers_per_year`: customers per year at the typed values;
/// - `average_revenue`: the typed average revenue per new customer (`None` without one);
/// - `ranges`: per input, (input, low, typed, high), fractions for rates, amounts for average
///   revenue.
///
/// Rate i at x: customers × x ÷ typed_i, revenue × the same (revenue = customers × average
/// revenue). Average revenue at x: customers unchanged, revenue = customers × x (also when
/// `average_revenue` is `None`). Ranges with a value that is not finite, or a rate whose typed
/// value is not above 0, are left out. Ranked widest first by revenue swing when the plan has
/// an average revenue, else by customer swing; ties keep the order of `ranges`.
///
/// Example: 10 customers a year with Visits → Leads from 1 % to 2 % around 1.5 %:
/// 10 × 0.01 ÷ 0.015 = 6.667 to 10 × 0.02 ÷ 0.015 = 13.333 customers.
pub fn tornado(
    customers_per_year: f64,
    average_revenue: Option<f64>,
    ranges: &[(Input, f64, f64, f64)],
) -> Vec<Swing> {
    let mut swings: Vec<Swing> = ranges
        .iter()
        .filter(|(input, low, typed, high)| {
            low.is_finite()
                && typed.is_finite()
                && high.is_finite()
                && (*input == Input::AverageRevenue || *typed > 0.0)
        })
        .map(|&(input, low, typed, high)| match input {
            Input::Rate(_) => {
                let customers_low = customers_per_year * low / typed;
                let customers_high = customers_per_year * high / typed;
                Swing {
                    input,
                    low,
                    typed,
                    high,
                    customers_low,
                    customers_high,
                    revenue_low: average_revenue.map(|average| customers_low * average),
                    revenue_high: average_revenue.map(|average| customers_high * average),
                }
            }
            Input::AverageRevenue => Swing {
                input,
                low,
                typed,
                high,
                customers_low: customers_per_year,
                customers_high: customers_per_year,
                revenue_low: Some(customers_per_year * low),
                revenue_high: Some(customers_per_year * high),
            },
        })
        .collect();
    let width = |swing: &Swing| {
        if average_revenue.is_some() {
            swing.revenue_width().unwrap_or(0.0)
        } else {
            swing.customers_width()
        }
    };
    // A stable sort: equal widths keep the order of `ranges`.
    sort_stable_by(&mut swings, |a, b| width(b).total_cmp(&width(a)));
    swings
}
