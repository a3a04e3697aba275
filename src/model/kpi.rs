//! The KPIs marketers report on, each a plain formula over what was typed. A KPI that cannot be
//! computed (an input missing, a division by zero) is an [`Unavailable`] saying why, never NaN or
//! infinity.
//!
//! Units: money in the plan's currency; ratios (ROI, win rate, retention, margins) as fractions
//! (0.25 is 25 %); ROAS and LTV:CAC as multiples (4.0 is 4 : 1); payback in months.

use crate::model::marketing::{ChannelInputs, Lifetime, MarketingInputs};
use crate::model::Share;

/// An input a KPI needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Marketing spend.
    Spend,
    /// Revenue attributed to marketing.
    Revenue,
    /// The volume at the funnel stage with this index (top = 0).
    Volume(usize),
    /// Customers at the start of the retention period.
    CustomersAtStart,
    /// Customers at the end of the retention period.
    CustomersAtEnd,
    /// New customers won during the retention period.
    CustomersNew,
    /// The plan's average revenue per new customer.
    AverageRevenue,
    /// Gross margin.
    GrossMargin,
    /// Expected customer lifetime (or churn).
    Lifetime,
    /// Customer lifetime value.
    LifetimeValue,
    /// Customer acquisition cost.
    Cac,
    /// A channel's own conversion rates (one cannot be read).
    ChannelRates,
    /// The plan's funnel targets (the plan has a problem).
    Targets,
}

/// Why a KPI has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The input is empty or cannot be read.
    Missing(Input),
    /// The KPI would divide by this input, which is 0.
    Zero(Input),
    /// Retention: more new customers than customers at the end of the period.
    NewExceedEnd,
    /// Retention: more customers kept than there were at the start.
    KeptExceedStart,
    /// More at the stage with this index than at the stage above it (5 customers from 2
    /// opportunities): the figures cannot both be right.
    MoreThanStageAbove(usize),
    /// The result is too large to be meaningful.
    TooLarge,
}

/// A KPI's value, or why there is none.
pub type Figure = Result<f64, Unavailable>;

/// `numerator ÷ denominator`, when both are known and the denominator is not 0.
pub(crate) fn divide(numerator: (Option<f64>, Input), denominator: (Option<f64>, Input)) -> Figure {
    let top = numerator.0.ok_or(Unavailable::Missing(numerator.1))?;
    let bottom = denominator.0.ok_or(Unavailable::Missing(denominator.1))?;
    if bottom == 0.0 {
        return Err(Unavailable::Zero(denominator.1));
    }
    finite(top / bottom)
}

/// `value` when it is finite.
pub fn finite(value: f64) -> Figure {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Unavailable::TooLarge)
    }
}

/// Cost per unit at a stage (cost per lead, per MQL … and, at the bottom stage, customer
/// acquisition cost): spend ÷ volume at stage `stage`.
///
/// Example: 12,000 spent for 300 leads is 40 per lead.
pub fn cost_per(spend: Option<f64>, volume: Option<f64>, stage: usize) -> Figure {
    divide((spend, Input::Spend), (volume, Input::Volume(stage)))
}

/// Marketing ROI as a fraction: (attributed revenue − spend) ÷ spend.
///
/// Example: 50,000 revenue on 20,000 spend is (50,000 − 20,000) ÷ 20,000 = 1.5, i.e. 150 %.
pub fn roi(revenue: Option<f64>, spend: Option<f64>) -> Figure {
    let revenue = revenue.ok_or(Unavailable::Missing(Input::Revenue))?;
    let spend_known = spend.ok_or(Unavailable::Missing(Input::Spend))?;
    divide(
        (Some(revenue - spend_known), Input::Revenue),
        (spend, Input::Spend),
    )
}

/// Return on ad spend as a multiple: attributed revenue ÷ spend.
///
/// Example: 50,000 revenue on 20,000 spend is 2.5 (2.5 : 1).
pub fn roas(revenue: Option<f64>, spend: Option<f64>) -> Figure {
    divide((revenue, Input::Revenue), (spend, Input::Spend))
}

/// Opportunity-to-win ratio as a fraction: customers ÷ opportunities, where opportunities are the
/// stage just above customers (index `opportunity_stage`).
///
/// Example: 4 customers from 10 opportunities is 0.4, i.e. 40 %. More customers than
/// opportunities (a ratio above 100 %) is a typing mistake, not a figure.
pub fn win_rate(
    customers: Option<f64>,
    opportunities: Option<f64>,
    opportunity_stage: usize,
) -> Figure {
    stage_rate(customers, opportunities, opportunity_stage)
}

/// The rate from stage `from` into the next one, as a fraction: the volume there (`below`) ÷
/// the volume at `from` (`above`).
///
/// Example: 1,280 leads from 80,000 visits is 0.016, i.e. 1.6 %. More at a stage than at the
/// stage above it (a rate above 100 %) is a typing mistake, not a figure.
pub fn stage_rate(below: Option<f64>, above: Option<f64>, from: usize) -> Figure {
    if let (Some(below), Some(above)) = (below, above) {
        if below > above {
            return Err(Unavailable::MoreThanStageAbove(from + 1));
        }
    }
    divide(
        (below, Input::Volume(from + 1)),
        (above, Input::Volume(from)),
    )
}

/// Customer retention rate for a period, as a fraction:
/// (customers at end − new customers) ÷ customers at start.
///
/// Example: 200 at the start, 230 at the end, 50 new: (230 − 50) ÷ 200 = 0.9, i.e. 90 %.
pub fn retention(start: Option<f64>, end: Option<f64>, new: Option<f64>) -> Figure {
    let start = start.ok_or(Unavailable::Missing(Input::CustomersAtStart))?;
    let end = end.ok_or(Unavailable::Missing(Input::CustomersAtEnd))?;
    let new = new.ok_or(Unavailable::Missing(Input::CustomersNew))?;
    if new > end {
        return Err(Unavailable::NewExceedEnd);
    }
    if start == 0.0 {
        return Err(Unavailable::Zero(Input::CustomersAtStart));
    }
    if end - new > start {
        return Err(Unavailable::KeptExceedStart);
    }
    finite((end - new) / start)
}

/// Customer lifetime value in money: average revenue per customer per year × gross margin ×
/// expected lifetime in years (or ÷ yearly churn).
///
/// Example: 1,100,000 a year at a 60 % margin for 3 years is 1,980,000; at 25 % churn (4 years)
/// it is 2,640,000.
pub fn lifetime_value(
    average_revenue: Option<f64>,
    gross_margin: Option<f64>,
    lifetime: Option<Lifetime>,
) -> Figure {
    let average = average_revenue.ok_or(Unavailable::Missing(Input::AverageRevenue))?;
    let margin = gross_margin.ok_or(Unavailable::Missing(Input::GrossMargin))?;
    let lifetime = lifetime.ok_or(Unavailable::Missing(Input::Lifetime))?;
    finite(average * margin * lifetime.years())
}

/// LTV:CAC as a multiple: lifetime value ÷ customer acquisition cost.
///
/// Example: 1,980,000 ÷ 495,000 is 4 (4 : 1).
pub fn ltv_to_cac(ltv: Figure, cac: Figure) -> Figure {
    let ltv = ltv.map_err(|_| Unavailable::Missing(Input::LifetimeValue))?;
    let cac = cac.map_err(|_| Unavailable::Missing(Input::Cac))?;
    divide((Some(ltv), Input::LifetimeValue), (Some(cac), Input::Cac))
}

/// Months of gross profit from one customer that pay back what winning them cost:
/// CAC ÷ (average revenue per customer per year ÷ 12 × gross margin).
///
/// Example: CAC 495,000, 1,100,000 a year at 60 %: 495,000 ÷ 55,000 = 9 months.
pub fn cac_payback_months(
    cac: Figure,
    average_revenue: Option<f64>,
    gross_margin: Option<f64>,
) -> Figure {
    let cac = cac.map_err(|_| Unavailable::Missing(Input::Cac))?;
    let average = average_revenue.ok_or(Unavailable::Missing(Input::AverageRevenue))?;
    let margin = gross_margin.ok_or(Unavailable::Missing(Input::GrossMargin))?;
    if average == 0.0 {
        return Err(Unavailable::Zero(Input::AverageRevenue));
    }
    divide(
        (Some(cac), Input::Cac),
        (Some(average / 12.0 * margin), Input::GrossMargin),
    )
}

/// What a customer is worth to the plan: the inputs and the two plan-wide KPIs.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerValue {
    /// The plan's average revenue per new customer per year, when the plan is valid.
    pub average_revenue: Option<f64>,
    /// Gross margin as a fraction.
    pub gross_margin: Option<f64>,
    pub lifetime: Option<Lifetime>,
    /// Customer lifetime value, in money.
    pub lifetime_value: Figure,
    /// Customer retention rate for the person's period, as a fraction.
    pub retention: Figure,
}

impl CustomerValue {
    /// The plan-wide figures from the marketing inputs and the plan's average revenue per new
    /// customer (`None` while the plan has a problem).
    pub fn new(inputs: &MarketingInputs, average_revenue: Option<f64>) -> Self {
        let gross_margin = inputs.gross_margin.map(Share::fraction);
        Self {
            average_revenue,
            gross_margin,
            lifetime: inputs.lifetime,
            lifetime_value: lifetime_value(average_revenue, gross_margin, inputs.lifetime),
            retention: retention(
                inputs.customers_at_start,
                inputs.customers_at_end,
                inputs.customers_new,
            ),
        }
    }
}

/// The KPIs of one channel, or of all channels together.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpis {
    /// For each stage, top to bottom, the spend and the volume its cost per unit divides.
    pub cost_inputs: Vec<(Option<f64>, Option<f64>)>,
    /// Spend ÷ volume at each stage, top to bottom; the last is the customer acquisition cost.
    pub cost_per_stage: Vec<Figure>,
    /// The revenue and the spend ROI and ROAS compare.
    pub revenue: Option<f64>,
    pub revenue_spend: Option<f64>,
    /// The customers won and the opportunities (the stage above) the win rate divides.
    pub won: Option<f64>,
    pub opportunities: Option<f64>,
    pub roi: Figure,
    pub roas: Figure,
    /// Customers ÷ the stage above them.
    pub win_rate: Figure,
    pub ltv_to_cac: Figure,
    pub payback_months: Figure,
}

impl Kpis {
    /// The KPIs from what each one divides: `cost_inputs` (spend, volume) per stage top to
    /// bottom, `money` (revenue, spend) and `wins` (customers, opportunities).
    pub fn new(
        cost_inputs: Vec<(Option<f64>, Option<f64>)>,
        money: (Option<f64>, Option<f64>),
        wins: (Option<f64>, Option<f64>),
        value: &CustomerValue,
    ) -> Self {
        let cost_per_stage: Vec<Figure> = cost_inputs
            .iter()
            .enumerate()
            .map(|(stage, (spend, volume))| cost_per(*spend, *volume, stage))
            .collect();
        let opportunity_stage = cost_inputs.len().saturating_sub(2);
        let win_rate = if cost_inputs.len() >= 2 {
            win_rate(wins.0, wins.1, opportunity_stage)
        } else {
            Err(Unavailable::Missing(Input::Volume(0)))
        };
        let cac = cost_per_stage
            .last()
            .copied()
            .unwrap_or(Err(Unavailable::Missing(Input::Volume(0))));
        let (revenue, revenue_spend) = money;
        Self {
            roi: roi(revenue, revenue_spend),
            roas: roas(revenue, revenue_spend),
            win_rate,
            ltv_to_cac: ltv_to_cac(value.lifetime_value, cac),
            payback_months: cac_payback_months(cac, value.average_revenue, value.gross_margin),
            cost_inputs,
            cost_per_stage,
            revenue,
            revenue_spend,
            won: wins.0,
            opportunities: wins.1,
        }
    }

    /// The KPIs of one channel.
    pub fn of_channel(channel: &ChannelInputs, value: &CustomerValue) -> Self {
        let cost_inputs = channel
            .volumes
            .iter()
            .map(|volume| (channel.spend, *volume))
            .collect();
        Self::new(
            cost_inputs,
            (channel.revenue, channel.spend),
            wins(&channel.volumes),
            value,
        )
    }

    /// The KPIs of all channels together. Each KPI adds up only the channels that have both of
    /// its figures, so a channel with spend but no leads does not make leads look dearer: cost
    /// per stage = the spend of the channels with a volume there ÷ their volumes; ROI and ROAS
    /// from the channels with both revenue and spend; the win rate from those with both
    /// customers and opportunities.
    pub fn of_all(channels: &[ChannelInputs], stage_count: usize, value: &CustomerValue) -> Self {
        let cost_inputs =
            (0..stage_count)
                .map(|stage| {
                    total_pairs(channels.iter().map(|channel| {
                        (channel.spend, channel.volumes.get(stage).copied().flatten())
                    }))
                })
                .collect();
        let money = total_pairs(
            channels
                .iter()
                .map(|channel| (channel.revenue, channel.spend)),
        );
        let wins = total_pairs(channels.iter().map(|channel| wins(&channel.volumes)));
        Self::new(cost_inputs, money, wins, value)
    }

    /// The spend at `stage` when it is above 0 and the volume there is 0: money that brought
    /// nothing at that stage, a cost without end (shown as "0 Leads for 20,000", not a number).
    pub fn spend_for_nothing(&self, stage: usize) -> Option<f64> {
        match self.cost_inputs.get(stage) {
            Some((Some(spend), Some(volume))) if *spend > 0.0 && *volume == 0.0 => Some(*spend),
            _ => None,
        }
    }

    /// Spend ÷ volume at the stage with index `stage`, in money per unit. A stage the figures do
    /// not reach (fewer stages than asked for) has no volume: unavailable, never 0.
    pub fn cost_at(&self, stage: usize) -> Figure {
        self.cost_per_stage
            .get(stage)
            .copied()
            .unwrap_or(Err(Unavailable::Missing(Input::Volume(stage))))
    }

    /// Customer acquisition cost: spend ÷ new customers (the bottom stage).
    pub fn cac(&self) -> Figure {
        self.cost_per_stage
            .last()
            .copied()
            .unwrap_or(Err(Unavailable::Missing(Input::Volume(0))))
    }
}

/// Customers (the bottom stage) and opportunities (the stage above) among `volumes`.
fn wins(volumes: &[Option<f64>]) -> (Option<f64>, Option<f64>) {
    let count = volumes.len();
    if count < 2 {
        return (None, None);
    }
    (
        volumes.get(count - 1).copied().flatten(),
        volumes.get(count - 2).copied().flatten(),
    )
}

/// The sums of the pairs in which both values are known. When no pair is complete, the first
/// value's total if any is known (with `None` beside it), else the second's, so the KPI says
/// which figure is missing.
fn total_pairs(
    pairs: impl Iterator<Item = (Option<f64>, Option<f64>)>,
) -> (Option<f64>, Option<f64>) {
    let add = |sum: Option<f64>, value: f64| Some(sum.unwrap_or(0.0) + value);
    let (mut both, mut first, mut second) = ((None, None), None, None);
    for pair in pairs {
        match pair {
            (Some(a), Some(b)) => both = (add(both.0, a), add(both.1, b)),
            (Some(a), None) => first = add(first, a),
            (None, Some(b)) => second = add(second, b),
            (None, None) => {}
        }
    }
    match both {
        (Some(_), Some(_)) => both,
        _ if first.is_some() => (first, None),
        _ => (None, second),
    }
}
