//! Last year's review, where the source articles start an annual plan: what each stage of the
//! funnel reached last year, what it cost and what it brought. From those totals come last year's
//! rate between each pair of stages, its cost per stage, its customer acquisition cost and its
//! revenue per new customer, and a check of the plan's rates against them, so that a plan asking
//! for far more than last year achieved shows it before the year starts.
//!
//! Units: stage totals are counts *per year*; money is in the plan's currency per year; rates are
//! fractions (0.016 is 1.6 %). A figure that cannot be computed is an [`Unavailable`] saying why
//! (the KPIs' reasons), never NaN or infinity.

use crate::model::kpi::{cost_per, divide, stage_rate, Figure, Input};
use crate::model::Funnel;

/// How many times last year's rate a planned rate must be to be pointed out: 1.5 (a plan that
/// converts half as well again as last year at some stage says why, or is revised).
pub const STRETCH_MULTIPLE: f64 = 1.5;

/// Last year as the person typed it (each figure already read from its field; `None` when left
/// empty or unreadable, which the page reports at the field).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LastYear {
    /// Each stage's total for last year, top to bottom, in the plan's funnel order (a count per
    /// year, ≥ 0). The bottom stage's total is last year's new customers.
    pub stage_totals: Vec<Option<f64>>,
    /// Marketing spend last year (money per year, ≥ 0).
    pub spend: Option<f64>,
    /// Revenue last year from every customer, new and existing (money per year, ≥ 0): the base of
    /// a growth goal and of existing customers' revenue typed as a percent of last year.
    pub revenue: Option<f64>,
    /// The part of [`LastYear::revenue`] that last year's new customers brought (money per
    /// year, ≥ 0): with the new customers it gives the revenue per new customer.
    pub new_customer_revenue: Option<f64>,
}

impl LastYear {
    /// The index of the bottom stage (the customers), if there are stages.
    fn bottom(&self) -> Option<usize> {
        self.stage_totals.len().checked_sub(1)
    }

    /// The total at stage `stage`, if typed.
    fn total(&self, stage: usize) -> Option<f64> {
        self.stage_totals.get(stage).copied().flatten()
    }

    /// Last year's new customers: the bottom stage's total.
    pub fn new_customers(&self) -> Option<f64> {
        self.bottom().and_then(|bottom| self.total(bottom))
    }

    /// Last year's rate from stage `from` into the next one, as a fraction: total at `from + 1`
    /// ÷ total at `from`.
    ///
    /// Example: 1,280 leads from 80,000 visits is 0.016, i.e. 1.6 %. More at a stage than at the
    /// stage above it is a typing mistake, not a rate above 100 %.
    pub fn rate(&self, from: usize) -> Figure {
        stage_rate(self.total(from + 1), self.total(from), from)
    }

    /// Last year's rate between each pair of stages, top to bottom (one fewer than stages).
    pub fn rates(&self) -> Vec<Figure> {
        (0..self.bottom().unwrap_or(0))
            .map(|from| self.rate(from))
            .collect()
    }

    /// What one unit at stage `stage` cost last year: spend ÷ total at `stage` (cost per visit,
    /// per lead …; at the bottom stage this is the CAC).
    ///
    /// Example: 240,000 spent for 1,280 leads is 187.50 per lead.
    pub fn cost_per_stage(&self, stage: usize) -> Figure {
        cost_per(self.spend, self.total(stage), stage)
    }

    /// Last year's customer acquisition cost: spend ÷ new customers.
    ///
    /// Example: 240,000 spent for 12 new customers is 20,000 each.
    pub fn cac(&self) -> Figure {
        let bottom = self.bottom().unwrap_or(0);
        self.cost_per_stage(bottom)
    }

    /// Last year's revenue per new customer: revenue from new customers ÷ new customers.
    ///
    /// Example: 13,200,000 from 12 new customers is 1,100,000 each.
    pub fn revenue_per_customer(&self) -> Figure {
        let bottom = self.bottom().unwrap_or(0);
        divide(
            (self.new_customer_revenue, Input::Revenue),
            (self.new_customers(), Input::Volume(bottom)),
        )
    }

    /// Last year's rates as percents, to type into the plan ("Use last year's rates"): each
    /// rounded to at most 2 decimals (and for a rate below 1 % to 2 significant digits, so it
    /// never becomes 0), since a field showing 39.81481481481482 reads as noise; `None` where
    /// last year has no rate, or a rate of 0 % (a plan's rate must be above 0).
    ///
    /// Example: 86 ÷ 216 = 39.8148…% is typed as 39.81; 1.6 % stays 1.6.
    pub fn rates_as_percents(&self) -> Vec<Option<f64>> {
        self.rates()
            .into_iter()
            .map(|rate| {
                rate.ok()
                    .filter(|rate| *rate > 0.0)
                    .map(|rate| round_percent(crate::model::to_percent(rate)))
            })
            .collect()
    }

    /// Whether any of [`Self::rates_as_percents`] had to be rounded (the page says so).
    pub fn are_rates_rounded(&self) -> bool {
        self.rates()
            .into_iter()
            .zip(self.rates_as_percents())
            .any(|(rate, typed)| match (rate, typed) {
                (Ok(rate), Some(typed)) => {
                    (typed - crate::model::to_percent(rate)).abs() > 1e-9 * typed
                }
                _ => false,
            })
    }
}

/// A percent rounded to 2 decimals, or below 1 % to 2 significant digits: 39.8148 → 39.81,
/// 0.012345 → 0.012.
fn round_percent(percent: f64) -> f64 {
    let decimals = crate::model::number::shown_decimals(percent, 2) as i32;
    let scale = 10f64.powi(decimals);
    (percent * scale).round() / scale
}

/// A planned rate well above last year's: both as fractions, and how many times last year's the
/// plan asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stretch {
    /// The plan's rate (fraction).
    pub planned: f64,
    /// Last year's rate at the same step (fraction, > 0).
    pub last_year: f64,
    /// `planned ÷ last_year`, at least [`STRETCH_MULTIPLE`].
    pub multiple: f64,
}

/// For each of the plan's rates, top to bottom, the [`Stretch`] when it is at least
/// [`STRETCH_MULTIPLE`] times last year's rate at the same step; `None` where it is not, or where
/// last year has no rate there (or a rate of 0: no multiple of nothing is meaningful).
///
/// Example: 4 % planned from visits to leads where last year reached 1.6 % is 2.5 times last year.
pub fn stretches(funnel: &Funnel, last_year: &LastYear) -> Vec<Option<Stretch>> {
    funnel
        .rates()
        .iter()
        .enumerate()
        .map(|(from, planned)| {
            let last = last_year.rate(from).ok().filter(|rate| *rate > 0.0)?;
            let multiple = planned.fraction() / last;
            (multiple >= STRETCH_MULTIPLE).then_some(Stretch {
                planned: planned.fraction(),
                last_year: last,
                multiple,
            })
        })
        .collect()
}
