//! Channels ranked by a KPI, the channels whose cheap leads rarely become opportunities, and a
//! linear reallocation of spend from the worst channel to the best.
//!
//! Units: costs in money per unit, ROI as a fraction, the moved part of spend as a fraction.

use std::cmp::Ordering;

use crate::model::kpi::{finite, Figure, Input, Kpis, Unavailable};
use crate::model::marketing::{ChannelInputs, RankBy};
use crate::model::order::sort_stable_by;
use crate::model::{Share, StageId};

/// The KPI channels are ranked by, resolved against the funnel's stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Spend ÷ volume at the stage with this index; lower is better.
    StageCost(usize),
    /// Customer acquisition cost; lower is better.
    Cac,
    /// Marketing ROI; higher is better.
    Roi,
}

impl Metric {
    /// The metric for `rank_by` in a funnel of `stages` (top to bottom). A stage that no longer
    /// exists, or the bottom stage, ranks by CAC.
    pub fn resolve(rank_by: RankBy, stages: &[StageId]) -> Self {
        match rank_by {
            RankBy::StageCost(id) => match stages.iter().position(|stage| *stage == id) {
                Some(index) if index + 1 < stages.len() => Metric::StageCost(index),
                _ => Metric::Cac,
            },
            RankBy::Cac => Metric::Cac,
            RankBy::Roi => Metric::Roi,
        }
    }

    /// The metric's value for a channel.
    pub fn value(self, kpis: &Kpis) -> Figure {
        match self {
            Metric::StageCost(stage) => kpis.cost_at(stage),
            Metric::Cac => kpis.cac(),
            Metric::Roi => kpis.roi,
        }
    }

    /// Whether a higher value is better.
    pub fn is_higher_better(self) -> bool {
        matches!(self, Metric::Roi)
    }

    /// The stage whose cost the metric is (the bottom stage for CAC); `None` for ROI.
    fn cost_stage(self, kpis: &Kpis) -> Option<usize> {
        match self {
            Metric::StageCost(stage) => Some(stage),
            Metric::Cac => kpis.cost_inputs.len().checked_sub(1),
            Metric::Roi => None,
        }
    }

    /// Where a channel stands by this metric, or `None` when it cannot be ranked (no spend, or
    /// no volume typed at the stage).
    pub fn standing(self, kpis: &Kpis) -> Option<Standing> {
        match self.value(kpis) {
            Ok(value) => Some(Standing::Value(value)),
            Err(_) => self
                .cost_stage(kpis)
                .and_then(|stage| kpis.spend_for_nothing(stage))
                .map(|spend| Standing::NothingFor { spend }),
        }
    }

    /// Whether `a` ranks before `b` ([`Ordering::Less`]), after them, or level.
    pub fn compare(self, a: Standing, b: Standing) -> Ordering {
        match (a, b) {
            (Standing::Value(a), Standing::Value(b)) if self.is_higher_better() => b.total_cmp(&a),
            (Standing::Value(a), Standing::Value(b)) => a.total_cmp(&b),
            (Standing::Value(_), Standing::NothingFor { .. }) => Ordering::Less,
            (Standing::NothingFor { .. }, Standing::Value(_)) => Ordering::Greater,
            (Standing::NothingFor { spend: a }, Standing::NothingFor { spend: b }) => {
                a.total_cmp(&b)
            }
        }
    }
}

/// Where a channel stands on the metric it is ranked by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Standing {
    /// The metric's value: a cost in money per unit, or ROI as a fraction.
    Value(f64),
    /// A cost with spend above 0 and a volume of 0 at the stage: money that brought nothing,
    /// worse than any cost. Ranked after every channel with a value; of two such channels, the
    /// one that spent more is worse.
    NothingFor {
        /// The spend, in money (above 0).
        spend: f64,
    },
}

/// The indexes of the channels that have a standing on `metric`, best first; equal standings
/// keep the channels' order. A channel that spent and won nothing at the ranked stage comes
/// last; one with no spend, or no volume typed there, is left out.
pub fn rank(kpis: &[Kpis], metric: Metric) -> Vec<usize> {
    let mut ranked: Vec<(usize, Standing)> = kpis
        .iter()
        .enumerate()
        .filter_map(|(index, kpis)| metric.standing(kpis).map(|standing| (index, standing)))
        .collect();
    sort_stable_by(&mut ranked, |a, b| metric.compare(a.1, b.1));
    ranked.into_iter().map(|(index, _)| index).collect()
}

/// A move of budget from the worst-ranked channel to the best, projected linearly.
#[derive(Debug, Clone, PartialEq)]
pub struct Reallocation {
    /// Index of the channel that gives up spend (ranked last).
    pub from: usize,
    /// Index of the channel that receives it (ranked first).
    pub to: usize,
    /// The part of the worst channel's spend to move.
    pub share: Share,
    /// The spend moved, in money: the worst channel's spend × the share to move.
    pub amount: f64,
    /// Customers each unit of spend brings in the channel that gives up spend, and in the one
    /// that receives it (customers ÷ spend; [`per_thousand`] for the page).
    pub from_customers_per_spend: Figure,
    pub to_customers_per_spend: Figure,
    /// Revenue each unit of spend brings, likewise (revenue ÷ spend).
    pub from_revenue_per_spend: Figure,
    pub to_revenue_per_spend: Figure,
    /// amount × (receiving channel's customers per spend − giving channel's).
    pub customers_change: Figure,
    /// amount × (receiving channel's revenue per spend − giving channel's).
    pub revenue_change: Figure,
}

/// Why no reallocation is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoReallocation {
    /// Fewer than two channels have the ranking KPI.
    TooFewRanked,
    /// The best and worst channels are equally good.
    AllEqual,
    /// The worst channel has no spend to move.
    NothingToMove,
    /// The share to move is empty or cannot be read.
    NoShare,
}

/// Moves `move_share` of the worst channel's spend to the best one in `ranked` (best first) and
/// projects the change in customers and revenue, assuming each channel keeps bringing customers
/// and revenue per unit of spend at its current rate (a linear projection).
///
/// Worked example: Events spent 20,000 for 2 customers and 30,000 revenue; Email spent 5,000 for
/// 5 customers and 40,000 revenue. Moving 20 % (4,000) from Events to Email projects
/// 4,000 × (5 ÷ 5,000 − 2 ÷ 20,000) = +3.6 customers and 4,000 × (8 − 1.5) = +26,000 revenue.
pub fn reallocate(
    channels: &[ChannelInputs],
    kpis: &[Kpis],
    metric: Metric,
    ranked: &[usize],
    move_share: Option<Share>,
) -> Result<Reallocation, NoReallocation> {
    let (Some(&to), Some(&from)) = (ranked.first(), ranked.last()) else {
        return Err(NoReallocation::TooFewRanked);
    };
    if ranked.len() < 2 {
        return Err(NoReallocation::TooFewRanked);
    }
    let standing = |index: usize| kpis.get(index).and_then(|kpis| metric.standing(kpis));
    if standing(to) == standing(from) {
        return Err(NoReallocation::AllEqual);
    }
    let share = move_share.ok_or(NoReallocation::NoShare)?;
    let (Some(giver), Some(taker)) = (channels.get(from), channels.get(to)) else {
        return Err(NoReallocation::TooFewRanked);
    };
    let spend = giver
        .spend
        .filter(|spend| *spend > 0.0)
        .ok_or(NoReallocation::NothingToMove)?;
    let amount = share.of(spend);
    let customers = |channel: &ChannelInputs| channel.volumes.last().copied().flatten();
    let per_spend = |value: Option<f64>, input: Input, channel: &ChannelInputs| -> Figure {
        let value = value.ok_or(Unavailable::Missing(input))?;
        let spend = channel.spend.ok_or(Unavailable::Missing(Input::Spend))?;
        if spend == 0.0 {
            return Err(Unavailable::Zero(Input::Spend));
        }
        finite(value / spend)
    };
    let customers_input = Input::Volume(giver.volumes.len().saturating_sub(1));
    let from_customers_per_spend = per_spend(customers(giver), customers_input, giver);
    let to_customers_per_spend = per_spend(customers(taker), customers_input, taker);
    let from_revenue_per_spend = per_spend(giver.revenue, Input::Revenue, giver);
    let to_revenue_per_spend = per_spend(taker.revenue, Input::Revenue, taker);
    let change = |to: Figure, from: Figure| -> Figure { finite(amount * (to? - from?)) };
    Ok(Reallocation {
        from,
        to,
        share,
        amount,
        customers_change: change(to_customers_per_spend, from_customers_per_spend),
        revenue_change: change(to_revenue_per_spend, from_revenue_per_spend),
        from_customers_per_spend,
        to_customers_per_spend,
        from_revenue_per_spend,
        to_revenue_per_spend,
    })
}

/// How much spend the page quotes customers and revenue per: 1,000 of the plan's currency.
pub const SPEND_QUOTED: f64 = 1000.0;

/// A figure per unit of spend (customers or revenue ÷ spend) as the page quotes it: per
/// [`SPEND_QUOTED`] (1,000) of spend.
///
/// Example: 5 customers for 5,000 is 0.001 a unit of spend, 1 per 1,000.
pub fn per_thousand(per_spend: Figure) -> Figure {
    per_spend.map(|value| value * SPEND_QUOTED)
}

/// The stage whose cost stands for "cost per lead" in the comparison: the second stage when the
/// funnel has three or more (the first is usually visits), else the first.
pub fn lead_stage(stage_count: usize) -> usize {
    usize::from(stage_count >= 3)
}

/// The stage whose cost stands for "cost per opportunity": the one just above customers.
pub fn opportunity_stage(stage_count: usize) -> usize {
    stage_count.saturating_sub(2)
}

/// Whether a channel's leads are cheaper than all channels' together while its opportunities
/// are dearer (or it has leads and no opportunities): cheap leads that rarely become
/// opportunities. Never true when the funnel has no stage between leads and customers.
pub fn has_cheap_leads(channel: &Kpis, all: &Kpis) -> bool {
    let count = channel.cost_per_stage.len();
    let (lead, opportunity) = (lead_stage(count), opportunity_stage(count));
    if lead >= opportunity {
        return false;
    }
    let cost = |kpis: &Kpis, stage: usize| kpis.cost_per_stage.get(stage).copied();
    let (Some(Ok(lead_cost)), Some(Ok(all_lead_cost))) = (cost(channel, lead), cost(all, lead))
    else {
        return false;
    };
    if lead_cost >= all_lead_cost {
        return false;
    }
    match (cost(channel, opportunity), cost(all, opportunity)) {
        (Some(Ok(opportunity_cost)), Some(Ok(all_opportunity_cost))) => {
            opportunity_cost > all_opportunity_cost
        }
        (Some(Err(Unavailable::Zero(_))), _) => true,
        _ => false,
    }
}
