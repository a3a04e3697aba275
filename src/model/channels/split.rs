//! Each channel's share of the customers goal and the funnel targets that follow from its own
//! rates.
//!
//! Units: targets per year (÷ 12 per month, ÷ 4 per quarter), in full precision; shares as
//! fractions.

use crate::model::kpi::{Input, Unavailable};
use crate::model::marketing::{ChannelId, ChannelInputs, Shares, SHARE_TOLERANCE};
use crate::model::{reverse, Funnel, Goal, Period, Plan, Share, Targets};

/// One channel's part of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelTargets {
    pub id: ChannelId,
    /// Share of the plan's customers goal, at most the whole.
    pub share: Share,
    /// Whether the share was typed (or is an even part of what the typed shares leave).
    pub is_share_typed: bool,
    /// The channel's funnel: customers = plan's customers × share, each earlier stage ÷ the
    /// channel's rate there: typed, else from its volumes, else the plan's
    /// ([`ChannelInputs::rate_into_next`]).
    pub targets: Result<Targets, Unavailable>,
}

/// The plan split across channels.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The plan's new customers per year, the figure the shares divide.
    pub customers_per_year: f64,
    pub channels: Vec<ChannelTargets>,
    /// The sum of the shares; the whole (1) when the whole goal is assigned.
    pub assigned: Share,
    /// How the typed shares divide the goal; nothing is split while they add up to more than
    /// the whole ([`Shares::is_over_full`]).
    pub shares: Shares,
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
        (self.assigned.fraction() - 1.0).abs() <= SHARE_TOLERANCE
    }

    /// The part of the goal no channel has (none when the shares take it all).
    pub fn unassigned(&self) -> Share {
        let assigned = self.assigned.fraction();
        if assigned < 1.0 - SHARE_TOLERANCE {
            Share::from_fraction(1.0 - assigned)
        } else {
            Share::NONE
        }
    }

    /// New customers per year that no channel has: the plan's customers × the unassigned part.
    ///
    /// Example: 9 customers a year with 80 % assigned leave 9 × 0.2 = 1.8 customers a year.
    pub fn unassigned_customers(&self) -> f64 {
        self.unassigned().of(self.customers_per_year)
    }

    /// All channels together at the stage with index `stage` (top = 0), per `period`: the
    /// yearly total ÷ 12 (month), ÷ 4 (quarter) or ÷ 1 (year); `None` for a stage the funnel
    /// does not have.
    pub fn total(&self, stage: usize, period: Period) -> Option<f64> {
        self.totals
            .get(stage)
            .map(|per_year| per_year / period.per_year())
    }

    /// Revenue the channels' customers bring per `period`: the yearly total ÷ 12 (month), ÷ 4
    /// (quarter) or ÷ 1 (year), in the plan's currency.
    pub fn revenue(&self, period: Period) -> f64 {
        self.revenue_total / period.per_year()
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
            let share = channel
                .share
                .map_or(even, |share| Share::from_fraction(share.fraction() * scale));
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
        assigned: Share::from_fraction(
            channels
                .iter()
                .map(|channel| channel.share.fraction())
                .sum(),
        ),
        shares,
        channels,
        totals,
        revenue_total,
    }
}

fn channel_targets(
    plan: &Plan,
    channel: &ChannelInputs,
    share: Share,
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
            let rate = channel.rate_into_next(index, rates.get(index).copied());
            (name.clone(), rate.map(|(rate, _)| rate))
        })
        .collect();
    let funnel = Funnel::new(stages).map_err(|_| Unavailable::Missing(Input::Targets))?;
    let channel_plan = Plan {
        name: channel.name.clone(),
        goal: Goal::NewCustomers(share.of(plan.customers_per_year())),
        average_revenue_per_customer: plan.average_revenue_per_customer,
        funnel,
    };
    reverse(&channel_plan).map_err(|_| Unavailable::TooLarge)
}
