//! The budget the channels' targets need at each channel's current cost, against the budget set.
//!
//! Units: money in the plan's currency, per year (÷ 12 per month, ÷ 4 per quarter).

use crate::model::channels::{split, Split};
use crate::model::kpi::{finite, Figure, Input, Unavailable};
use crate::model::marketing::{ChannelId, ChannelInputs};
use crate::model::{Period, Plan, PlanDraft};

/// What a channel pays per unit at one stage, from its spend and volume there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostBasis {
    /// The stage's index, top = 0.
    pub stage: usize,
    /// Spend ÷ volume at that stage, in money per unit.
    pub cost: f64,
}

/// The cost a channel's budget is worked out from: spend ÷ volume at the first stage from the top
/// where the channel has a volume above 0 (cost per visit when visits are known, else per lead …).
pub fn cost_basis(channel: &ChannelInputs) -> Result<CostBasis, Unavailable> {
    let spend = channel.spend.ok_or(Unavailable::Missing(Input::Spend))?;
    let (stage, volume) = channel
        .volumes
        .iter()
        .enumerate()
        .find_map(|(stage, volume)| volume.filter(|volume| *volume > 0.0).map(|v| (stage, v)))
        .ok_or(Unavailable::Missing(Input::Volume(0)))?;
    Ok(CostBasis {
        stage,
        cost: finite(spend / volume)?,
    })
}

/// One channel's budget need.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelBudget {
    pub id: ChannelId,
    pub basis: Result<CostBasis, Unavailable>,
    /// The channel's target at the basis stage per year × the cost per unit there.
    pub needed_per_year: Figure,
}

impl ChannelBudget {
    /// The budget needed per `period`: per year ÷ 12 (month), ÷ 4 (quarter) or ÷ 1 (year), in
    /// money; unavailable, with the reason, when the channel has no need worked out.
    pub fn needed(&self, period: Period) -> Figure {
        self.needed_per_year
            .map(|per_year| per_year / period.per_year())
    }
}

/// The budget the plan needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetNeeds {
    pub channels: Vec<ChannelBudget>,
    /// The needs of the channels that have one, summed, per year.
    pub needed_per_year: f64,
    /// How many channels have no need worked out (no cost or no targets).
    pub uncounted: usize,
    /// The budget set for the plan year, if typed.
    pub budget_per_year: Option<f64>,
}

impl BudgetNeeds {
    /// The budget needed per `period` (÷ 12 per month, ÷ 4 per quarter), in money.
    pub fn needed(&self, period: Period) -> f64 {
        self.needed_per_year / period.per_year()
    }

    /// The budget set per `period`.
    pub fn budget(&self, period: Period) -> Option<f64> {
        self.budget_per_year
            .map(|budget| budget / period.per_year())
    }

    /// Budget set − budget needed per `period`: negative when the budget falls short.
    pub fn gap(&self, period: Period) -> Option<f64> {
        self.budget(period)
            .map(|budget| budget - self.needed(period))
    }
}

/// The budget each channel needs to reach its targets at its current cost, and in total.
///
/// Worked example: Paid search spent 6,000 for 2,000 visits (3 per visit) and must bring 15,000
/// visits a year: it needs 45,000 a year, 11,250 a quarter, 3,750 a month.
pub fn budget_needs(
    split: &Split,
    channels: &[ChannelInputs],
    budget_per_year: Option<f64>,
) -> BudgetNeeds {
    let mut needed_per_year = 0.0;
    let mut uncounted = 0;
    let channels: Vec<ChannelBudget> = channels
        .iter()
        .map(|channel| {
            let basis = cost_basis(channel);
            let needed = basis.and_then(|basis| {
                let targets = split
                    .channel(channel.id)
                    .ok_or(Unavailable::Missing(Input::Targets))?
                    .targets
                    .as_ref()
                    .map_err(|reason| *reason)?;
                let target = targets
                    .stages
                    .get(basis.stage)
                    .ok_or(Unavailable::Missing(Input::Targets))?;
                finite(target.per_year * basis.cost)
            });
            match needed {
                Ok(value) => needed_per_year += value,
                Err(_) => uncounted += 1,
            }
            ChannelBudget {
                id: channel.id,
                basis,
                needed_per_year: needed,
            }
        })
        .collect();
    BudgetNeeds {
        channels,
        needed_per_year,
        uncounted,
        budget_per_year,
    }
}

/// The plan's budget needed, the one figure every page shows for it: the plan's channels read
/// from `draft`, the goal split across them at each channel's own rates ([`split`]), each
/// channel's target costed at its current cost ([`budget_needs`]). `plan` is `draft` validated.
///
/// The Channels and KPIs page builds the same from its report (split, then [`budget_needs`]);
/// the Forecast page calls this.
pub fn budget_needed(draft: &PlanDraft, plan: &Plan) -> BudgetNeeds {
    let symbols = draft.typed_in.symbols();
    // Only what the need reads: the field errors are the Channels page's to show.
    let mut errors = Vec::new();
    let marketing = &draft.marketing;
    let channels = marketing.channel_inputs(&draft.stage_ids(), symbols, &mut errors);
    let budget = marketing.budget_per_year(symbols, &mut errors);
    budget_needs(&split(plan, &channels), &channels, budget)
}

impl BudgetNeeds {
    /// The budget needed per year when at least one channel has one worked out (money).
    pub fn known_per_year(&self) -> Option<f64> {
        (self.uncounted < self.channels.len()).then_some(self.needed_per_year)
    }
}
