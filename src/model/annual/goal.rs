//! From the year's goal to the new customers the funnel must bring: the chain the page shows as
//! goal → from existing customers → from new customers → customers needed.
//!
//! The goal can be a revenue figure, growth over last year's revenue, a number of new customers,
//! or recurring revenue (monthly or annual) to reach by the end of the year with a monthly churn.
//! Revenue that existing customers will bring (kept, upsell and cross-sell, each an amount or a
//! percent of last year's revenue) is subtracted, so the funnel covers only what new customers
//! must bring.
//!
//! Units: money is in the plan's currency, *per year* except recurring revenue (MRR is per month,
//! ARR per year); growth, churn and parts of last year's revenue are fractions (0.1 is 10 %);
//! customers are counts per year unless a name says per month. Every figure is in full precision.

use thiserror::Error;

/// Why the chain cannot be computed from what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum GoalError {
    /// A growth goal, or existing customers' revenue typed as a percent of last year, needs last
    /// year's revenue.
    #[error("last year's revenue needed")]
    NoLastYearRevenue,
    /// A revenue or growth goal needs the average revenue per new customer (> 0).
    #[error("average revenue per new customer needed")]
    NoAverage,
    /// A recurring revenue goal needs the recurring revenue one new customer brings (> 0).
    #[error("recurring revenue per customer needed")]
    NoRecurringPerCustomer,
    /// A figure would be too large to be meaningful.
    #[error("result too large or not finite")]
    TooLarge,
}

/// Revenue from existing customers, typed either way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Existing {
    /// An amount of money for the year.
    Amount(f64),
    /// A part of last year's revenue (fraction, ≥ 0: 0.6 is 60 % of last year).
    OfLastYear(f64),
}

/// What existing customers will bring this year; each part is optional.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ExistingRevenue {
    /// Revenue kept from the customers there already are (renewals, repeat orders).
    pub retained: Option<Existing>,
    /// More of the same from them (upsell).
    pub upsell: Option<Existing>,
    /// Other products to them (cross-sell).
    pub cross_sell: Option<Existing>,
}

/// Recurring revenue is counted per month (MRR) or per year (ARR = 12 × MRR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurring {
    /// Monthly recurring revenue.
    Monthly,
    /// Annual recurring revenue.
    Annual,
}

/// The year's goal, as typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoalTarget {
    /// Revenue for the year from every customer (money per year, > 0).
    Revenue(f64),
    /// Growth over last year's revenue (fraction: 0.1 is +10 %; may be negative, not below −1).
    Growth(f64),
    /// New customers for the year (count, > 0).
    NewCustomers(f64),
    /// Recurring revenue to reach by the end of the year.
    Recurring {
        /// Monthly or annual.
        kind: Recurring,
        /// The recurring revenue to reach at the end of month 12 (MRR per month, or ARR per
        /// year), > 0.
        target: f64,
        /// Recurring revenue from the customers there are at the start of the year, per month
        /// (≥ 0).
        current_mrr: f64,
        /// The part of recurring revenue lost each month as customers leave (fraction in [0, 1)).
        monthly_churn: f64,
        /// The recurring revenue one new customer brings, per month (> 0).
        mrr_per_customer: f64,
    },
}

/// Where the revenue per new customer that turns revenue into customers comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerCustomerSource {
    /// The plan's average revenue per new customer, as the person typed it.
    Plan,
    /// Last year's: revenue from new customers ÷ new customers, used while the plan's is empty
    /// or still the worked example's (which belongs to nobody's business).
    LastYear,
    /// The worked example's figure, still in the plan and never confirmed, with nothing of last
    /// year's to use instead: the page says so beside the figure.
    Example,
}

/// The revenue per new customer the chain divides by (money per new customer, > 0), and where
/// it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PerCustomer {
    /// Money per new customer.
    pub value: f64,
    /// Whose figure it is.
    pub source: PerCustomerSource,
}

/// The one rule for the revenue per new customer of the year's goal: the plan's average when
/// the person typed one of their own; else last year's (revenue from new customers ÷ new
/// customers) when it is known; else the example's, said to be the example's. Figures ≤ 0 or not
/// finite count as not known.
///
/// Example: the plan still says the worked example's 1,100,000 and last year 1,890,000 came
/// from 21 new customers: the chain uses last year's 90,000.
pub fn revenue_per_new_customer(
    plan_average: Option<f64>,
    is_plan_average_the_example: bool,
    last_year: Option<f64>,
) -> Option<PerCustomer> {
    let known = |value: Option<f64>| value.filter(|value| value.is_finite() && *value > 0.0);
    let of = |value, source| PerCustomer { value, source };
    match (known(plan_average), known(last_year)) {
        (Some(plan), _) if !is_plan_average_the_example => Some(of(plan, PerCustomerSource::Plan)),
        (_, Some(last_year)) => Some(of(last_year, PerCustomerSource::LastYear)),
        (Some(example), None) => Some(of(example, PerCustomerSource::Example)),
        (None, None) => None,
    }
}

/// What the chain needs besides the goal.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GoalContext {
    /// Last year's revenue from every customer (money per year), if typed.
    pub last_year_revenue: Option<f64>,
    /// The plan's average revenue per new customer for the year (money, > 0), if typed.
    pub average_revenue_per_customer: Option<f64>,
    /// Whether the plan's average is still the worked example's (never confirmed by the person).
    pub is_average_the_example: bool,
    /// Last year's revenue per new customer (money), if last year gives one.
    pub last_year_per_customer: Option<f64>,
    /// What existing customers will bring (revenue goals only).
    pub existing: ExistingRevenue,
}

/// How a recurring revenue goal is reached, month by month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RecurringPlan {
    /// The goal as MRR (an ARR goal ÷ 12), per month.
    pub target_mrr: f64,
    /// What is left at the end of the year of the recurring revenue there is at the start, after
    /// twelve months of churn: current MRR × (1 − churn)¹².
    pub kept_mrr: f64,
    /// The MRR new customers must add and still bring at the end of the year: target − kept
    /// (0 when what is kept already reaches the target).
    pub gap_mrr: f64,
    /// New customers needed each month (the same every month).
    pub customers_per_month: f64,
    /// Of the year's new customers, those still there at the end of the year (gap ÷ MRR per
    /// customer); the rest replace the ones who leave during the year.
    pub customers_kept: f64,
}

/// The chain from the goal to the customers needed, every step in full precision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalChain {
    /// Revenue for the year from every customer (money per year); `None` for a goal of new
    /// customers or of recurring revenue.
    pub goal_revenue: Option<f64>,
    /// What existing customers bring: kept, upsell and cross-sell as amounts (money per year).
    pub retained: f64,
    /// Upsell (money per year).
    pub upsell: f64,
    /// Cross-sell (money per year).
    pub cross_sell: f64,
    /// What new customers must bring: goal − existing customers' revenue, not below 0 (money per
    /// year); `None` where the goal is not revenue.
    pub from_new: Option<f64>,
    /// New customers needed in the year (count per year, ≥ 0; 0 when existing customers cover
    /// the goal).
    pub customers: f64,
    /// For a recurring revenue goal, how it is reached.
    pub recurring: Option<RecurringPlan>,
    /// The revenue per new customer a revenue goal was divided by, and whose it is; `None`
    /// where the goal is not revenue or new customers need to bring nothing.
    pub per_customer: Option<PerCustomer>,
}

impl GoalChain {
    /// The chain of a goal that is not revenue: `customers` a year, and for recurring revenue
    /// how they reach it; nothing from existing customers' revenue.
    fn of_customers(customers: f64, recurring: Option<RecurringPlan>) -> Self {
        Self {
            goal_revenue: None,
            retained: 0.0,
            upsell: 0.0,
            cross_sell: 0.0,
            from_new: None,
            customers,
            recurring,
            per_customer: None,
        }
    }

    /// What existing customers bring in all (money per year).
    pub fn from_existing(&self) -> f64 {
        self.retained + self.upsell + self.cross_sell
    }

    /// Whether existing customers alone reach the revenue goal (or, for recurring revenue, what
    /// is kept reaches the target): no new customer is needed.
    pub fn is_covered(&self) -> bool {
        self.customers == 0.0
    }
}

/// `value` when finite, else [`GoalError::TooLarge`].
fn finite(value: f64) -> Result<f64, GoalError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(GoalError::TooLarge)
    }
}

/// One part of existing customers' revenue as money per year.
fn existing_amount(part: Option<Existing>, last_year: Option<f64>) -> Result<f64, GoalError> {
    match part {
        None => Ok(0.0),
        Some(Existing::Amount(amount)) => Ok(amount),
        Some(Existing::OfLastYear(fraction)) => last_year
            .map(|revenue| revenue * fraction)
            .ok_or(GoalError::NoLastYearRevenue),
    }
}

/// The chain for `target` in `context`.
///
/// Example (growth): last year 10,000,000; +10 % is 11,000,000. Existing customers keep 60 % of
/// last year (6,000,000), upsell 500,000 and cross-sell 2 % of last year (200,000): 6,700,000.
/// New customers must bring 4,300,000; at 1,100,000 each that is 3.909… new customers. The
/// revenue per new customer follows [`revenue_per_new_customer`].
pub fn chain(target: GoalTarget, context: &GoalContext) -> Result<GoalChain, GoalError> {
    let goal_revenue = match target {
        GoalTarget::Revenue(revenue) => revenue,
        GoalTarget::Growth(growth) => {
            let last_year = context
                .last_year_revenue
                .ok_or(GoalError::NoLastYearRevenue)?;
            finite(last_year * (1.0 + growth))?.max(0.0)
        }
        GoalTarget::NewCustomers(customers) => return Ok(GoalChain::of_customers(customers, None)),
        GoalTarget::Recurring {
            kind,
            target,
            current_mrr,
            monthly_churn,
            mrr_per_customer,
        } => {
            let plan = recurring(kind, target, current_mrr, monthly_churn, mrr_per_customer)?;
            let customers = finite(plan.customers_per_month * 12.0)?;
            return Ok(GoalChain::of_customers(customers, Some(plan)));
        }
    };
    let last_year = context.last_year_revenue;
    let existing = context.existing;
    let retained = existing_amount(existing.retained, last_year)?;
    let upsell = existing_amount(existing.upsell, last_year)?;
    let cross_sell = existing_amount(existing.cross_sell, last_year)?;
    let from_new = finite(goal_revenue - (retained + upsell + cross_sell))?.max(0.0);
    let (customers, per_customer) = if from_new == 0.0 {
        (0.0, None)
    } else {
        let per_customer = revenue_per_new_customer(
            context.average_revenue_per_customer,
            context.is_average_the_example,
            context.last_year_per_customer,
        )
        .ok_or(GoalError::NoAverage)?;
        (finite(from_new / per_customer.value)?, Some(per_customer))
    };
    Ok(GoalChain {
        goal_revenue: Some(goal_revenue),
        retained,
        upsell,
        cross_sell,
        from_new: Some(from_new),
        customers,
        recurring: None,
        per_customer,
    })
}

/// How a recurring revenue goal is reached when the same number of new customers `n` joins each
/// month. Each month first loses `churn` of the recurring revenue it started with, then gains the
/// month's new customers, so after twelve months:
///
/// MRR₁₂ = current × (1 − churn)¹² + n × per customer × (1 + (1 − churn) + … + (1 − churn)¹¹)
///
/// and `n` is what makes MRR₁₂ the target: gap ÷ (per customer × that sum), where the sum is
/// (1 − (1 − churn)¹²) ÷ churn, or 12 without churn. So the year's new customers include those
/// that replace the ones who leave.
///
/// Example: target MRR 100,000 from 60,000 now, 2 % churn a month, 500 per customer a month:
/// 60,000 × 0.98¹² = 47,083.0… is kept, 52,917.0… is the gap, and 9.83… new customers a month
/// (117.98… a year, of which 105.83… are still there at the end of the year) reach it.
fn recurring(
    kind: Recurring,
    target: f64,
    current_mrr: f64,
    churn: f64,
    per_customer: f64,
) -> Result<RecurringPlan, GoalError> {
    if per_customer <= 0.0 {
        return Err(GoalError::NoRecurringPerCustomer);
    }
    let target_mrr = match kind {
        Recurring::Monthly => target,
        Recurring::Annual => target / 12.0,
    };
    let keep = 1.0 - churn;
    let kept_mrr = finite(current_mrr * keep.powi(12))?;
    let gap_mrr = (target_mrr - kept_mrr).max(0.0);
    // 1 + keep + … + keep¹¹, each month's new customers counted for the months they stay.
    let months_kept = if churn == 0.0 {
        12.0
    } else {
        (1.0 - keep.powi(12)) / churn
    };
    let customers_per_month = finite(gap_mrr / (per_customer * months_kept))?;
    Ok(RecurringPlan {
        target_mrr,
        kept_mrr,
        gap_mrr,
        customers_per_month,
        customers_kept: finite(gap_mrr / per_customer)?,
    })
}
