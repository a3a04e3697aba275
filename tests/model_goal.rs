//! From the goal to the customers needed, against examples worked by hand, and a recurring
//! revenue goal checked month by month by a simulation written here (not the closed form under
//! test).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::assert_close;
use funnel_planner::model::annual::goal::{
    chain, revenue_per_new_customer, Existing, ExistingRevenue, GoalContext, GoalError, GoalTarget,
    PerCustomer, PerCustomerSource, Recurring,
};
use proptest::prelude::*;

/// Last year 10,000,000; 1,100,000 per new customer; existing customers keep 60 % of last
/// year, upsell 500,000 and cross-sell 2 % of last year.
fn context() -> GoalContext {
    GoalContext {
        last_year_revenue: Some(10_000_000.0),
        average_revenue_per_customer: Some(1_100_000.0),
        existing: ExistingRevenue {
            retained: Some(Existing::OfLastYear(0.6)),
            upsell: Some(Existing::Amount(500_000.0)),
            cross_sell: Some(Existing::OfLastYear(0.02)),
        },
        ..GoalContext::default()
    }
}

#[test]
fn growth_over_last_year_less_existing_customers_gives_the_customers_needed() {
    let chain = chain(GoalTarget::Growth(0.1), &context()).unwrap();
    // 10,000,000 × 1.1.
    assert_close(chain.goal_revenue.unwrap(), 11_000_000.0);
    // 60 % and 2 % of 10,000,000, and 500,000.
    assert_close(chain.retained, 6_000_000.0);
    assert_close(chain.upsell, 500_000.0);
    assert_close(chain.cross_sell, 200_000.0);
    assert_close(chain.from_existing(), 6_700_000.0);
    // 11,000,000 − 6,700,000 = 4,300,000; ÷ 1,100,000 = 3.909090…
    assert_close(chain.from_new.unwrap(), 4_300_000.0);
    assert_close(chain.customers, 43.0 / 11.0);
    assert!(!chain.is_covered());
}

#[test]
fn a_revenue_goal_without_existing_customers_is_todays_plan() {
    let context = GoalContext {
        existing: ExistingRevenue::default(),
        last_year_revenue: None,
        ..context()
    };
    // The source article: 10 million ÷ 1.1 million per customer = 9.09… customers.
    let chain = chain(GoalTarget::Revenue(10_000_000.0), &context).unwrap();
    assert_close(chain.from_existing(), 0.0);
    assert_close(chain.from_new.unwrap(), 10_000_000.0);
    assert_close(chain.customers, 100.0 / 11.0);
}

#[test]
fn existing_customers_covering_the_goal_need_no_new_customer() {
    let mut context = context();
    context.existing.upsell = Some(Existing::Amount(5_000_000.0));
    context.average_revenue_per_customer = None;
    // 6,000,000 + 5,000,000 + 200,000 > 9,000,000: nothing left for new customers, not a
    // negative figure, and no average is needed to say so.
    let chain = chain(GoalTarget::Revenue(9_000_000.0), &context).unwrap();
    assert_close(chain.from_new.unwrap(), 0.0);
    assert_close(chain.customers, 0.0);
    assert!(chain.is_covered());
}

#[test]
fn a_shrinking_goal_is_growth_below_zero() {
    let chain = chain(GoalTarget::Growth(-0.2), &context()).unwrap();
    // 10,000,000 × 0.8 − 6,700,000 = 1,300,000; ÷ 1,100,000.
    assert_close(chain.goal_revenue.unwrap(), 8_000_000.0);
    assert_close(chain.customers, 13.0 / 11.0);
}

#[test]
fn what_a_goal_needs_and_is_missing_is_named() {
    let no_last_year = GoalContext {
        last_year_revenue: None,
        ..context()
    };
    assert_eq!(
        chain(GoalTarget::Growth(0.1), &no_last_year),
        Err(GoalError::NoLastYearRevenue)
    );
    // A part typed as a percent of last year needs last year too.
    assert_eq!(
        chain(GoalTarget::Revenue(11_000_000.0), &no_last_year),
        Err(GoalError::NoLastYearRevenue)
    );
    let no_average = GoalContext {
        average_revenue_per_customer: Some(0.0),
        ..context()
    };
    assert_eq!(
        chain(GoalTarget::Growth(0.1), &no_average),
        Err(GoalError::NoAverage)
    );
    let huge = chain(GoalTarget::Growth(f64::MAX), &context());
    assert_eq!(huge, Err(GoalError::TooLarge));
}

#[test]
fn a_customers_goal_passes_through() {
    let chain = chain(GoalTarget::NewCustomers(9.0), &GoalContext::default()).unwrap();
    assert_eq!(chain.goal_revenue, None);
    assert_eq!(chain.from_new, None);
    assert_close(chain.customers, 9.0);
}

fn mrr(target: f64, kind: Recurring, churn: f64) -> GoalTarget {
    GoalTarget::Recurring {
        kind,
        target,
        current_mrr: 60_000.0,
        monthly_churn: churn,
        mrr_per_customer: 500.0,
    }
}

#[test]
fn recurring_revenue_with_churn_counts_the_customers_that_replace_those_who_leave() {
    let chain = chain(
        mrr(100_000.0, Recurring::Monthly, 0.02),
        &GoalContext::default(),
    )
    .unwrap();
    let plan = chain.recurring.unwrap();
    // 0.98¹² = 0.7847167237348001 (0.98² = 0.9604, ⁴ = 0.92236816, ⁸ = 0.8507630225817856,
    // ¹² = ⁸ × ⁴); 60,000 × 0.98¹² = 47,083.003424088.
    assert_close(plan.kept_mrr, 47_083.003_424_088);
    assert_close(plan.gap_mrr, 52_916.996_575_912);
    // Months kept: (1 − 0.98¹²) ÷ 0.02 = 10.764163813259998;
    // 52,916.996575912 ÷ (500 × 10.764163813259998) = 9.83206823937878 a month.
    assert_close(plan.customers_per_month, 9.832_068_239_378_78);
    assert_close(chain.customers, 117.984_818_872_545_35);
    // Still there at the end: 52,916.996575912 ÷ 500; the other 12.15… replaced churn.
    assert_close(plan.customers_kept, 105.833_993_151_824);
    assert!(chain.customers > plan.customers_kept);

    // The same goal as ARR: 1,200,000 a year is 100,000 a month.
    let annual = chain_of(mrr(1_200_000.0, Recurring::Annual, 0.02));
    assert_close(annual.customers, 117.984_818_872_545_35);
    assert_close(annual.recurring.unwrap().target_mrr, 100_000.0);
}

fn chain_of(target: GoalTarget) -> funnel_planner::model::annual::goal::GoalChain {
    chain(target, &GoalContext::default()).unwrap()
}

#[test]
fn recurring_revenue_without_churn_or_already_reached() {
    // (100,000 − 60,000) ÷ 500 ÷ 12 = 6.666… a month, 80 a year, all still there.
    let plain = chain_of(mrr(100_000.0, Recurring::Monthly, 0.0));
    assert_close(plain.recurring.unwrap().customers_per_month, 20.0 / 3.0);
    assert_close(plain.customers, 80.0);
    assert_close(plain.recurring.unwrap().customers_kept, 80.0);
    // 47,083 kept is above a 40,000 target: no new customer.
    let reached = chain_of(mrr(40_000.0, Recurring::Monthly, 0.02));
    assert_close(reached.customers, 0.0);
    assert!(reached.is_covered());
    let no_per_customer = GoalTarget::Recurring {
        kind: Recurring::Monthly,
        target: 100_000.0,
        current_mrr: 0.0,
        monthly_churn: 0.02,
        mrr_per_customer: 0.0,
    };
    assert_eq!(
        chain(no_per_customer, &GoalContext::default()),
        Err(GoalError::NoRecurringPerCustomer)
    );
}

proptest! {
    /// Month by month (lose the month's churn, then add its new customers), the customers the
    /// chain asks for each month reach the target MRR at the end of month 12, never below it.
    #[test]
    fn the_customers_asked_for_reach_the_target_month_by_month(
        target in 1.0f64..10_000_000.0,
        current in 0.0f64..10_000_000.0,
        churn in 0.0f64..0.5,
        per_customer in 1.0f64..100_000.0,
    ) {
        let goal = GoalTarget::Recurring {
            kind: Recurring::Monthly,
            target,
            current_mrr: current,
            monthly_churn: churn,
            mrr_per_customer: per_customer,
        };
        let chain = chain(goal, &GoalContext::default()).unwrap();
        let each_month = chain.recurring.unwrap().customers_per_month;
        prop_assert!(each_month >= 0.0 && chain.customers.is_finite());
        let mut mrr = current;
        for _ in 0..12 {
            mrr = mrr * (1.0 - churn) + each_month * per_customer;
        }
        if each_month > 0.0 {
            prop_assert!((mrr - target).abs() <= 1e-6 * target, "{mrr} vs {target}");
        } else {
            prop_assert!(mrr >= target * (1.0 - 1e-9));
        }
    }

    /// Whatever existing customers bring, the customers needed are a finite count ≥ 0.
    #[test]
    fn customers_needed_are_never_negative(
        goal in 1.0f64..1e12,
        retained in 0.0f64..2.0,
        upsell in 0.0f64..1e12,
        average in 1.0f64..1e9,
    ) {
        let context = GoalContext {
            last_year_revenue: Some(goal),
            average_revenue_per_customer: Some(average),
            existing: ExistingRevenue {
                retained: Some(Existing::OfLastYear(retained)),
                upsell: Some(Existing::Amount(upsell)),
                cross_sell: None,
            },
            ..GoalContext::default()
        };
        let chain = chain(GoalTarget::Revenue(goal), &context).unwrap();
        prop_assert!(chain.customers >= 0.0 && chain.customers.is_finite());
        prop_assert!(chain.from_new.unwrap() >= 0.0);
    }
}

// ---- Revenue per new customer: whose figure the chain divides by --------------------------------

/// The marketer's flow of the "one plan, one truth" issue, in EUR. Last year: 6,300,000 revenue,
/// of which new customers brought 1,890,000; 21 new customers. The plan still carries the worked
/// example's 1,100,000 per new customer, which the person never typed.
fn marketers_year() -> GoalContext {
    GoalContext {
        last_year_revenue: Some(6_300_000.0),
        average_revenue_per_customer: Some(1_100_000.0),
        is_average_the_example: true,
        // 1,890,000 ÷ 21 = 90,000.
        last_year_per_customer: Some(90_000.0),
        existing: ExistingRevenue {
            retained: Some(Existing::OfLastYear(0.7)),
            upsell: Some(Existing::Amount(300_000.0)),
            cross_sell: None,
        },
    }
}

#[test]
fn the_marketers_flow_needs_31_67_new_customers_at_last_years_revenue_per_customer() {
    let chain = chain(GoalTarget::Growth(0.2), &marketers_year()).unwrap();
    // 6,300,000 × 1.2 = 7,560,000.
    assert_close(chain.goal_revenue.unwrap(), 7_560_000.0);
    // Retained 70 % of 6,300,000 = 4,410,000; upsell 300,000; 4,710,000 in all.
    assert_close(chain.from_existing(), 4_710_000.0);
    // 7,560,000 − 4,710,000 = 2,850,000 from new customers.
    assert_close(chain.from_new.unwrap(), 2_850_000.0);
    // ÷ 90,000 (last year's, not the example's 1,100,000) = 31.666…, shown as 31.67.
    assert_close(chain.customers, 2_850_000.0 / 90_000.0);
    assert_eq!(
        chain.per_customer,
        Some(PerCustomer {
            value: 90_000.0,
            source: PerCustomerSource::LastYear
        })
    );
}

#[test]
fn the_plans_own_average_wins_over_last_years() {
    let context = GoalContext {
        average_revenue_per_customer: Some(95_000.0),
        is_average_the_example: false,
        ..marketers_year()
    };
    let chain = chain(GoalTarget::Growth(0.2), &context).unwrap();
    // 2,850,000 ÷ 95,000 = 30.
    assert_close(chain.customers, 30.0);
    assert_eq!(chain.per_customer.unwrap().source, PerCustomerSource::Plan);
}

#[test]
fn the_examples_average_is_used_only_when_nothing_else_is_known_and_says_so() {
    let context = GoalContext {
        last_year_per_customer: None,
        ..marketers_year()
    };
    let chain = chain(GoalTarget::Growth(0.2), &context).unwrap();
    // 2,850,000 ÷ 1,100,000 = 2.5909…
    assert_close(chain.customers, 2_850_000.0 / 1_100_000.0);
    assert_eq!(
        chain.per_customer.unwrap().source,
        PerCustomerSource::Example
    );
}

#[test]
fn an_empty_average_takes_last_years_and_none_at_all_is_an_error() {
    let empty = GoalContext {
        average_revenue_per_customer: None,
        is_average_the_example: false,
        ..marketers_year()
    };
    let chain = chain(GoalTarget::Growth(0.2), &empty).unwrap();
    assert_eq!(
        chain.per_customer.unwrap().source,
        PerCustomerSource::LastYear
    );
    let nothing = GoalContext {
        last_year_per_customer: None,
        ..empty
    };
    assert_eq!(
        chain_error(GoalTarget::Growth(0.2), &nothing),
        GoalError::NoAverage
    );
}

fn chain_error(target: GoalTarget, context: &GoalContext) -> GoalError {
    chain(target, context).unwrap_err()
}

#[test]
fn revenue_per_new_customer_ignores_figures_that_are_not_positive() {
    // Last year's 0 (no revenue from new customers) is not a figure to divide by.
    assert_eq!(revenue_per_new_customer(None, false, Some(0.0)), None);
    assert_eq!(
        revenue_per_new_customer(Some(1_100_000.0), true, Some(-5.0)),
        Some(PerCustomer {
            value: 1_100_000.0,
            source: PerCustomerSource::Example
        })
    );
    assert_eq!(
        revenue_per_new_customer(Some(50.0), false, Some(90_000.0)).map(|p| p.source),
        Some(PerCustomerSource::Plan)
    );
}
