//! Where the funnel leaks: for the top stage's volume and for each rate, the customers and revenue
//! lost (or gained) because the results differ from the plan there, every other stage held at
//! plan. Ranked by the revenue lost, not by the lowest rate: in a funnel that multiplies its
//! rates, a rate at half its plan halves the customers wherever it is.
//!
//! Over the months a point has results for (both stages, for a rate):
//! - customers planned = Σ of the customers' monthly targets of those months;
//! - ratio = achieved ÷ planned (a rate: Σ next ÷ Σ this against the plan's rate; the top: Σ
//!   volume against Σ its monthly targets);
//! - customers at the results = customers planned × ratio (the funnel's other rates at plan);
//! - customers gained = customers at the results − customers planned (negative: lost);
//! - revenue gained = customers gained × average revenue per new customer.

use crate::model::number::settled;
use crate::model::order::sort_stable_by;
use crate::model::results::standing::{ratio, YearStanding};

/// Where in the funnel a difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// The volume reaching the top stage (e.g. visits).
    Top,
    /// The rate from stage `from` (top = 0) into the next.
    Rate { from: usize },
}

/// What the source articles advise for a leak at each part of the funnel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// Too few at the top: traffic (search, ads, content, social).
    Traffic,
    /// Plenty of contacts but few qualified leads: forms and lead capture.
    LeadCapture,
    /// Plenty of qualified leads but few sales-ready ones: nurturing and email.
    Nurturing,
    /// Sales-ready leads but no opportunities: bottom-of-funnel offers (demo, consultation,
    /// quote) and the path to them.
    BottomOfFunnelOffers,
    /// Opportunities that do not close: proposals and the sales process.
    SalesProcess,
}

impl Advice {
    /// The advice for `point` in a funnel of `stage_count` stages, by its distance from the
    /// bottom: the last rate is the sales process, the one above it bottom-of-funnel offers, the
    /// one above that nurturing, every higher rate lead capture.
    pub fn at(point: Point, stage_count: usize) -> Self {
        match point {
            Point::Top => Advice::Traffic,
            Point::Rate { from } => match stage_count.saturating_sub(2).saturating_sub(from) {
                0 => Advice::SalesProcess,
                1 => Advice::BottomOfFunnelOffers,
                2 => Advice::Nurturing,
                _ => Advice::LeadCapture,
            },
        }
    }
}

/// The difference one point makes.
#[derive(Debug, Clone, PartialEq)]
pub struct Leak {
    pub point: Point,
    /// The plan there over the months counted: the top's volume, or the rate as a fraction.
    pub planned: f64,
    /// The results there: the top's volume, or the rate achieved as a fraction.
    pub achieved: f64,
    /// How many months the comparison covers.
    pub months_counted: usize,
    /// Σ of the customers' monthly targets of those months.
    pub customers_planned: f64,
    /// Customers planned × achieved ÷ planned.
    pub customers_at_results: f64,
    /// Revenue per new customer, when the plan has one.
    pub average_revenue: Option<f64>,
    pub advice: Advice,
}

impl Leak {
    /// Customers gained (negative: lost) because of this point alone; exactly 0 when the
    /// results are on plan there (within the precision of the figures, see
    /// [`settled`]).
    pub fn customers_gained(&self) -> f64 {
        settled(
            self.customers_at_results - self.customers_planned,
            self.customers_planned.max(self.customers_at_results),
        )
    }

    /// Revenue gained (negative: lost), `None` without an average revenue per customer.
    pub fn revenue_gained(&self) -> Option<f64> {
        self.average_revenue
            .map(|average| self.customers_gained() * average)
    }

    /// Whether this point loses customers.
    pub fn is_loss(&self) -> bool {
        self.customers_gained() < 0.0
    }
}

/// Every point with results, the largest loss first and the largest gain last (by revenue,
/// which is customers × one average, so the order is the same by customers).
pub fn diagnose(standing: &YearStanding, average_revenue: Option<f64>) -> Vec<Leak> {
    let stage_count = standing.stages.len();
    let Some(customers) = standing.stages.last() else {
        return Vec::new();
    };
    let customers_over = |months: &mut dyn Iterator<Item = usize>| -> f64 {
        months
            .filter_map(|month| customers.monthly_target.get(month))
            .sum()
    };
    let mut leaks = Vec::new();
    if let Some(top) = standing.stages.first() {
        if let Some(ratio) = ratio(top.actual_to_date, top.target_to_date) {
            let mut months = top
                .actual
                .iter()
                .enumerate()
                .filter(|(_, value)| value.is_some())
                .map(|(month, _)| month);
            let customers_planned = customers_over(&mut months);
            leaks.push(Leak {
                point: Point::Top,
                planned: top.target_to_date,
                achieved: top.actual_to_date,
                months_counted: top.months_entered,
                customers_planned,
                customers_at_results: customers_planned * ratio,
                average_revenue,
                advice: Advice::Traffic,
            });
        }
    }
    for conversion in &standing.conversions {
        let Some(achieved) = conversion.to_date() else {
            continue;
        };
        let planned = conversion.planned.fraction();
        let (Some(this), Some(next)) = (
            standing.stages.get(conversion.from),
            standing.stages.get(conversion.from + 1),
        ) else {
            continue;
        };
        let mut months = (0..this.actual.len()).filter(|month| {
            this.actual.get(*month).copied().flatten().is_some()
                && next.actual.get(*month).copied().flatten().is_some()
        });
        let customers_planned = customers_over(&mut months);
        let point = Point::Rate {
            from: conversion.from,
        };
        leaks.push(Leak {
            point,
            planned,
            achieved,
            months_counted: conversion.months_counted,
            customers_planned,
            customers_at_results: customers_planned * achieved / planned,
            average_revenue,
            advice: Advice::at(point, stage_count),
        });
    }
    sort_stable_by(&mut leaks, |a, b| {
        a.customers_gained().total_cmp(&b.customers_gained())
    });
    leaks
}
