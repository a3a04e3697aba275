//! The plan per channel: each channel's share of the customers goal and the funnel targets that
//! follow from its own rates, the budget the targets need at each channel's cost, the ranking of
//! channels by a KPI and a linear reallocation from the worst channel to the best.
//!
//! Units: targets and budgets per year (÷ 12 per month, ÷ 4 per quarter), in full precision;
//! shares and the moved part of spend as fractions.

use std::cmp::Ordering;

use crate::model::kpi::{finite, CustomerValue, Figure, Input, Kpis, Unavailable};
use crate::model::marketing::{
    ChannelId, ChannelInputs, MarketingInputs, RankBy, Shares, SHARE_TOLERANCE,
};
use crate::model::order::sort_stable_by;
use crate::model::{
    reverse, Funnel, Goal, NumberSymbols, Period, Plan, PlanDraft, StageId, Targets,
};

/// One channel's part of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelTargets {
    pub id: ChannelId,
    /// Share of the plan's customers goal, as a fraction in [0, 1].
    pub share: f64,
    /// Whether the share was typed (or is an even part of what the typed shares leave).
    pub is_share_typed: bool,
    /// The channel's funnel: customers = plan's customers × share, each earlier stage ÷ the
    /// channel's own rate (or the plan's).
    pub targets: Result<Targets, Unavailable>,
}

/// The plan split across channels.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The plan's new customers per year, the figure the shares divide.
    pub customers_per_year: f64,
    pub channels: Vec<ChannelTargets>,
    /// The sum of the shares, as a fraction; 1 when the whole goal is assigned.
    pub assigned: f64,
    /// All channels together: each stage's per-year target summed over the channels that have
    /// targets, top to bottom.
    pub totals: Vec<f64>,
    /// Revenue per year the channels' customers bring, summed.
    pub revenue_total: f64,
}

impl Split {
    /// Whether the split has revenue figures: only with an average revenue per new customer,
    /// which a goal of new customers may leave out.
    pub fn has_revenue(&self) -> bool {
        self.channels.iter().any(|channel| {
            channel
                .targets
                .as_ref()
                .is_ok_and(|targets| targets.revenue_per_year.is_some())
        })
    }

    /// Whether the shares add up to the whole goal (within [`SHARE_TOLERANCE`]).
    pub fn is_fully_assigned(&self) -> bool {
        (self.assigned - 1.0).abs() <= SHARE_TOLERANCE
    }

    /// Whether the shares add up to more than the whole goal.
    pub fn is_over_assigned(&self) -> bool {
        self.assigned > 1.0 + SHARE_TOLERANCE
    }

    /// The part of the goal no channel has, as a fraction (0 when the shares take it all).
    pub fn unassigned(&self) -> f64 {
        if self.assigned < 1.0 - SHARE_TOLERANCE {
            1.0 - self.assigned
        } else {
            0.0
        }
    }

    /// The targets of the channel with `id`.
    pub fn channel(&self, id: ChannelId) -> Option<&ChannelTargets> {
        self.channels.iter().find(|channel| channel.id == id)
    }
}

/// Splits the plan's customers goal across `channels` by their shares. A channel with no share
/// typed gets an even part of what the typed shares leave (nothing when they take it all).
///
/// Worked example: 9 customers a year, Paid search 40 % with its own Visits→Leads rate of 3 %,
/// two other channels left empty (30 % each): Paid search needs 3.6 customers, 7.2 opportunities,
/// 18 SQLs, 90 MQLs, 450 leads and 15,000 visits a year.
///
/// Typed shares that add up to just over 100 % by rounding (six of 16.67 % = 100.02 %) are scaled
/// down to exactly 100 % ([`Shares::scale`]), so no more than the goal is split.
pub fn split(plan: &Plan, channels: &[ChannelInputs]) -> Split {
    let shares = Shares::of(channels);
    let (even, scale) = (shares.even, shares.scale());
    let names = plan.funnel.names();
    let mut totals = vec![0.0; names.len()];
    let mut revenue_total = 0.0;
    let channels: Vec<ChannelTargets> = channels
        .iter()
        .map(|channel| {
            let share = channel.share.map_or(even, |share| share * scale);
            let targets = channel_targets(plan, channel, share);
            if let Ok(targets) = &targets {
                for (total, stage) in totals.iter_mut().zip(&targets.stages) {
                    *total += stage.per_year;
                }
                revenue_total += targets.revenue_per_year.unwrap_or(0.0);
            }
            ChannelTargets {
                id: channel.id,
                share,
                is_share_typed: channel.share.is_some(),
                targets,
            }
        })
        .collect();
    Split {
        customers_per_year: plan.customers_per_year(),
        assigned: channels.iter().map(|channel| channel.share).sum(),
        channels,
        totals,
        revenue_total,
    }
}

fn channel_targets(
    plan: &Plan,
    channel: &ChannelInputs,
    share: f64,
) -> Result<Targets, Unavailable> {
    if channel.has_bad_rate {
        return Err(Unavailable::Missing(Input::ChannelRates));
    }
    let rates = plan.funnel.rates();
    let stages = plan
        .funnel
        .names()
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let own = channel.rates.get(index).copied().flatten();
            (name.clone(), own.or_else(|| rates.get(index).copied()))
        })
        .collect();
    let funnel = Funnel::new(stages).map_err(|_| Unavailable::Missing(Input::Targets))?;
    let channel_plan = Plan {
        name: channel.name.clone(),
        goal: Goal::NewCustomers(plan.customers_per_year() * share),
        average_revenue_per_customer: plan.average_revenue_per_customer,
        funnel,
    };
    reverse(&channel_plan).map_err(|_| Unavailable::TooLarge)
}

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
    /// The budget needed per `period` (÷ 12 per month, ÷ 4 per quarter).
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
            Metric::StageCost(stage) => kpis
                .cost_per_stage
                .get(stage)
                .copied()
                .unwrap_or(Err(Unavailable::Missing(Input::Volume(stage)))),
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
    /// The spend moved: the worst channel's spend × the share to move.
    pub amount: f64,
    /// Customers each unit of spend brings in the channel that gives up spend, and in the one
    /// that receives it (customers ÷ spend).
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
    move_share: Option<f64>,
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
    let amount = spend * share;
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
        amount,
        customers_change: change(to_customers_per_spend, from_customers_per_spend),
        revenue_change: change(to_revenue_per_spend, from_revenue_per_spend),
        from_customers_per_spend,
        to_customers_per_spend,
        from_revenue_per_spend,
        to_revenue_per_spend,
    })
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

/// Everything the marketing part of the page shows, computed from the draft in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The stage names, top to bottom, as typed (trimmed).
    pub stage_names: Vec<String>,
    /// Every field read, with the errors to show next to fields.
    pub inputs: MarketingInputs,
    /// Lifetime value and retention.
    pub value: CustomerValue,
    /// The KPIs of each channel, in the channels' order.
    pub kpis: Vec<Kpis>,
    /// The KPIs of all channels together.
    pub all: Kpis,
    /// The plan split across channels, when the plan is valid.
    pub split: Option<Split>,
    /// The budget the targets need, when the plan is valid.
    pub needs: Option<BudgetNeeds>,
    /// What the channels are ranked by.
    pub metric: Metric,
    /// Channel indexes, best first (only those with the metric).
    pub ranked: Vec<usize>,
    /// The suggested move of budget.
    pub reallocation: Result<Reallocation, NoReallocation>,
}

impl Report {
    /// The report without the parts that follow the plan's targets (the split and the budget
    /// needs): what the KPI views show. Kept in a memo of its own, it does not change while only
    /// the goal or the funnel's rates are edited, so those views are not redrawn.
    pub fn without_targets(&self) -> Self {
        Self {
            split: None,
            needs: None,
            ..self.clone()
        }
    }

    /// The report for `draft`, whose funnel is `plan` when it is valid.
    pub fn new(draft: &PlanDraft, plan: Option<&Plan>, symbols: NumberSymbols) -> Self {
        let stage_ids = draft.stage_ids();
        let inputs = draft.marketing.check(&stage_ids, symbols);
        let value = CustomerValue::new(
            &inputs,
            plan.and_then(|plan| plan.average_revenue_per_customer),
        );
        let kpis: Vec<Kpis> = inputs
            .channels
            .iter()
            .map(|channel| Kpis::of_channel(channel, &value))
            .collect();
        let all = Kpis::of_all(&inputs.channels, stage_ids.len(), &value);
        let split = plan.map(|plan| split(plan, &inputs.channels));
        let needs = split
            .as_ref()
            .map(|split| budget_needs(split, &inputs.channels, inputs.budget_per_year));
        let metric = Metric::resolve(draft.marketing.rank_by, &stage_ids);
        let ranked = rank(&kpis, metric);
        let reallocation = reallocate(&inputs.channels, &kpis, metric, &ranked, inputs.move_share);
        Self {
            stage_names: draft
                .stages
                .iter()
                .map(|stage| stage.name.trim().to_owned())
                .collect(),
            inputs,
            value,
            kpis,
            all,
            split,
            needs,
            metric,
            ranked,
            reallocation,
        }
    }
}
