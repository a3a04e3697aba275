//! Scenarios side by side: a plan's conservative and aggressive copies (every rate changed by the
//! same percentage of itself), and what two to four plans need and deliver, with each figure's
//! difference from the first plan (the base).
//!
//! Units: counts and money per year; rates as fractions; the change as a fraction of each rate
//! (0.2 = 20 %: a 10 % rate becomes 8 % and 12 %).

use crate::model::channels::budget_needed;
use crate::model::number::{format_typed, parse_non_negative, parse_percent};
use crate::model::{reverse, Goal, Plan, PlanDraft, StageId};

/// Which copy "Make scenarios" makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Every rate lowered by the change.
    Conservative,
    /// Every rate raised by the change (never above 100 %).
    Aggressive,
}

impl Scenario {
    /// Both, in the order they are made and shown.
    pub const ALL: [Scenario; 2] = [Scenario::Conservative, Scenario::Aggressive];

    /// What each rate is multiplied by for a `change` (a fraction): 1 − change or 1 + change.
    pub fn factor(self, change: f64) -> f64 {
        match self {
            Scenario::Conservative => 1.0 - change,
            Scenario::Aggressive => 1.0 + change,
        }
    }
}

/// A copy of `draft` named `name` with every rate typed (the plan's and each channel's own, see
/// below) multiplied by `factor` and capped at 100 %, written in the plan's own number format to a millionth of a percent (so float noise
/// never shows in a field). A rate that cannot be
/// read is kept as typed (nothing is guessed); everything else (goal, channels, results, the
/// annual plan, the forecast) is copied as it is.
///
/// Worked example: 1.5 % × 0.8 = 1.2 %; 50 % × 1.2 = 60 %; 90 % × 1.2 = 108 % → 100 %.
pub fn scaled(draft: &PlanDraft, factor: f64, name: String) -> PlanDraft {
    let symbols = draft.typed_in.symbols();
    // To a millionth of a percent: 1.5 × 0.8 is 1.2, not 1.2000000000000002.
    let change = |percent: f64| {
        let changed = ((percent * factor).min(100.0) * 1e6).round() / 1e6;
        format_typed(changed, symbols)
    };
    let mut copy = draft.clone();
    copy.name = name;
    for stage in &mut copy.stages {
        if let Ok(percent) = parse_percent(&stage.rate_to_next, symbols) {
            if percent > 0.0 && percent <= 100.0 {
                stage.rate_to_next = change(percent);
            }
        }
    }
    // Each channel's own rates too: a rate it types, or the one its volumes give (written as
    // its own in the copy; its volumes stay as typed). A channel that follows the plan's rates
    // follows the scaled ones.
    let ids = draft.stage_ids();
    let inputs = draft
        .marketing
        .channel_inputs(&ids, symbols, &mut Vec::new());
    for (channel, inputs) in copy.marketing.channels.iter_mut().zip(&inputs) {
        for (from, id) in ids.iter().enumerate() {
            let own = inputs
                .rates
                .get(from)
                .copied()
                .flatten()
                .or_else(|| inputs.rate_from_volumes(from));
            if let Some(rate) = own {
                channel.set_rate(*id, change(rate.percent()));
            }
        }
    }
    copy
}

/// What one plan needs and delivers in its year.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// New customers per year (unrounded).
    pub customers: f64,
    /// Revenue from new customers per year (money); `None` without an average revenue.
    pub revenue: Option<f64>,
    /// The plan's budget needed per year (money), as the Channels and KPIs page shows it
    /// ([`budget_needed`]); `None` when no channel has one worked out.
    pub budget_needed: Option<f64>,
    /// The budget set per year (money), if typed.
    pub budget: Option<f64>,
    /// Each stage's target per year, top to bottom (unrounded).
    pub stages: Vec<f64>,
    /// Each rate into the next stage as a fraction, top to bottom.
    pub rates: Vec<f64>,
    /// Average revenue per new customer (money), if any.
    pub average_revenue: Option<f64>,
}

/// The outcome of `draft`, or `None` while it has a field that cannot be read (the Plan page
/// says which).
pub fn outcome(draft: &PlanDraft) -> Option<Outcome> {
    let symbols = draft.typed_in.symbols();
    let plan = draft.validate(symbols).ok()?;
    let targets = reverse(&plan).ok()?;
    let needs = budget_needed(draft, &plan);
    Some(Outcome {
        customers: plan.customers_per_year(),
        revenue: targets.revenue_per_year,
        budget_needed: needs.known_per_year(),
        budget: needs.budget_per_year,
        stages: targets.stages.iter().map(|stage| stage.per_year).collect(),
        rates: plan
            .funnel
            .rates()
            .iter()
            .map(|rate| rate.fraction())
            .collect(),
        average_revenue: plan.average_revenue_per_customer,
    })
}

/// Today's cost per unit at stage `stage` of `draft` (the stage's id) over the channels that
/// have both figures typed and readable: their spend ÷ their volume there, in money; `None`
/// when no channel has both. (It reads only these fields, not the whole marketing side, so the
/// Forecast page stays small; a field that cannot be read is left out here and flagged on the
/// Channels page.)
///
/// Example: 30,000 spent for 3 customers and 10,000 for 1: 40,000 ÷ 4 = 10,000 per customer.
pub fn cost_per_unit(draft: &PlanDraft, stage: StageId) -> Option<f64> {
    let symbols = draft.typed_in.symbols();
    let (spend, volume) = draft
        .marketing
        .channels
        .iter()
        .filter_map(|channel| {
            let spend = parse_non_negative(&channel.spend, symbols).ok()?;
            let entry = channel.stages.iter().find(|entry| entry.stage == stage)?;
            Some((spend, parse_non_negative(&entry.volume, symbols).ok()?))
        })
        .fold((0.0, 0.0), |(spend, volume), (s, v)| {
            (spend + s, volume + v)
        });
    (volume > 0.0).then(|| spend / volume)
}

/// Today's cost per new customer: [`cost_per_unit`] at the bottom stage (the CAC).
pub fn cost_per_customer(draft: &PlanDraft) -> Option<f64> {
    cost_per_unit(draft, draft.stages.last()?.id)
}

/// The goal of `plan` as the figure its kind counts: revenue per year, or customers per year.
pub fn goal_figure(plan: &Plan) -> f64 {
    match plan.goal {
        Goal::Revenue(revenue) => revenue,
        Goal::NewCustomers(customers) => customers,
    }
}

/// Whether two values of an input differ by more than float noise (relative 1e-9).
pub fn differs(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() > 1e-9 * a.abs().max(b.abs()).max(1.0),
        (None, None) => false,
        _ => true,
    }
}

/// `other − base`, when both are known.
pub fn delta(base: Option<f64>, other: Option<f64>) -> Option<f64> {
    Some(other? - base?)
}
