//! Timing (monthly phasing, leads from the sales cycle, the monthly schedule) against figures
//! computed by hand, and its invariants as property tests.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::forecast::timing::{
    lead_months, monthly_shares, schedule, Phasing, Schedule, TimingError, DAYS_PER_MONTH, MONTHS,
};
use proptest::prelude::*;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: got {actual}, expected {expected}"
    );
}

fn assert_all_close(actual: &[f64], expected: &[f64], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: lengths");
    for (index, (actual, expected)) in actual.iter().zip(expected).enumerate() {
        assert_close(*actual, *expected, &format!("{what} [{index}]"));
    }
}

/// One stage's volumes, row by row (earliest first).
fn column(schedule: &Schedule, stage: usize) -> Vec<f64> {
    schedule.rows.iter().map(|row| row.stages[stage]).collect()
}

fn offsets(schedule: &Schedule) -> Vec<i32> {
    schedule.rows.iter().map(|row| row.offset).collect()
}

#[test]
fn days_per_month_is_a_year_of_365_and_a_quarter_days_over_twelve() {
    // 365.25 ÷ 12 = 30.4375.
    assert_eq!(DAYS_PER_MONTH, 30.4375);
    assert_eq!(MONTHS, 12);
}

#[test]
fn even_phasing_of_120_customers_gives_10_a_month() {
    let shares = monthly_shares(&Phasing::Even).unwrap();
    for share in shares {
        // 120 customers × 1/12 = 10 a month.
        assert_close(120.0 * share, 10.0, "customers a month");
    }
}

#[test]
fn weights_become_shares_of_their_sum() {
    let mut weights = [1.0; MONTHS];
    weights[11] = 13.0;
    let shares = monthly_shares(&Phasing::Weights(weights)).unwrap();
    // Sum of weights: 11 × 1 + 13 = 24; months 1–11: 1/24 = 0.041666…; month 12: 13/24 = 0.541666….
    let mut expected = [1.0 / 24.0; MONTHS];
    expected[11] = 13.0 / 24.0;
    assert_all_close(&shares, &expected, "shares");
    // 11/24 + 13/24 = 1.
    assert_close(shares.iter().sum(), 1.0, "sum of shares");
    // 240 customers: 240/24 = 10 in months 1–11, 240 × 13/24 = 130 in month 12.
    assert_close(240.0 * shares[0], 10.0, "month 1");
    assert_close(240.0 * shares[11], 130.0, "month 12");
}

#[test]
fn weights_of_any_scale_give_the_same_shares() {
    // Percents that add to 100: 5 % in each of the first 8 months (40 %), 15 % in each of the
    // last 4 (60 %). Shares: 0.05 and 0.15.
    let mut percents = [5.0; MONTHS];
    for weight in &mut percents[8..] {
        *weight = 15.0;
    }
    // The same pattern as counts: 1 and 3 (sum 8 × 1 + 4 × 3 = 20; 1/20 = 0.05, 3/20 = 0.15).
    let mut counts = [1.0; MONTHS];
    for weight in &mut counts[8..] {
        *weight = 3.0;
    }
    let mut expected = [0.05; MONTHS];
    for share in &mut expected[8..] {
        *share = 0.15;
    }
    assert_all_close(
        &monthly_shares(&Phasing::Weights(percents)).unwrap(),
        &expected,
        "percents",
    );
    assert_all_close(
        &monthly_shares(&Phasing::Weights(counts)).unwrap(),
        &expected,
        "counts",
    );
    // Equal weights are even phasing: 1/12 each.
    assert_all_close(
        &monthly_shares(&Phasing::Weights([7.0; MONTHS])).unwrap(),
        &[1.0 / 12.0; MONTHS],
        "equal weights",
    );
}

#[test]
fn zero_weights_are_allowed_when_one_month_has_weight() {
    let mut weights = [0.0; MONTHS];
    weights[4] = 2.5;
    let shares = monthly_shares(&Phasing::Weights(weights)).unwrap();
    // 2.5 ÷ 2.5 = 1 in month 5, 0 elsewhere.
    let mut expected = [0.0; MONTHS];
    expected[4] = 1.0;
    assert_eq!(shares, expected);
}

#[test]
fn huge_weights_do_not_overflow() {
    // 12 × f64::MAX would be infinite; the shares are still 1/12 each.
    let shares = monthly_shares(&Phasing::Weights([f64::MAX; MONTHS])).unwrap();
    assert_all_close(&shares, &[1.0 / 12.0; MONTHS], "shares");
}

#[test]
fn bad_weights_are_errors() {
    let mut negative = [1.0; MONTHS];
    negative[3] = -1.0;
    assert_eq!(
        monthly_shares(&Phasing::Weights(negative)),
        Err(TimingError::BadWeight(3))
    );
    let mut not_a_number = [1.0; MONTHS];
    not_a_number[0] = f64::NAN;
    assert_eq!(
        monthly_shares(&Phasing::Weights(not_a_number)),
        Err(TimingError::BadWeight(0))
    );
    let mut infinite = [1.0; MONTHS];
    infinite[11] = f64::INFINITY;
    assert_eq!(
        monthly_shares(&Phasing::Weights(infinite)),
        Err(TimingError::BadWeight(11))
    );
    assert_eq!(
        monthly_shares(&Phasing::Weights([0.0; MONTHS])),
        Err(TimingError::NoWeight)
    );
}

#[test]
fn leads_sum_the_days_below_each_stage() {
    let leads = lead_months(&[30.4375 * 2.0, 0.0, 15.218_75]).unwrap();
    // Stage 0: (60.875 + 0 + 15.21875) ÷ 30.4375 = 76.09375 ÷ 30.4375 = 2.5 months;
    // stage 1: (0 + 15.21875) ÷ 30.4375 = 0.5; stage 2: 15.21875 ÷ 30.4375 = 0.5;
    // stage 3 (customers): 0.
    assert_all_close(&leads, &[2.5, 0.5, 0.5, 0.0], "leads");
}

#[test]
fn leads_of_a_typical_sales_cycle() {
    // 14 days lead → MQL, 7 MQL → SQL, 21 SQL → customer.
    let leads = lead_months(&[14.0, 7.0, 21.0]).unwrap();
    // Leads: 42 ÷ 30.4375 = 1.379876…; MQLs: 28 ÷ 30.4375 = 0.919917…;
    // SQLs: 21 ÷ 30.4375 = 0.689938…; customers 0.
    assert_all_close(
        &leads,
        &[42.0 / 30.4375, 28.0 / 30.4375, 21.0 / 30.4375, 0.0],
        "leads",
    );
    // 42 days is 1 month and 11.5625 days: 11.5625 ÷ 30.4375 = 0.379876….
    assert_close(leads[0], 1.0 + 11.5625 / 30.4375, "leads stage as months");
}

#[test]
fn a_single_stage_has_a_lead_of_zero() {
    assert_eq!(lead_months(&[]).unwrap(), vec![0.0]);
}

#[test]
fn the_longest_stage_is_3650_days() {
    let leads = lead_months(&[3650.0]).unwrap();
    // 3650 ÷ 30.4375 = 119.917864… months (120 months would be 3652.5 days).
    assert_close(leads[0], 3650.0 / 30.4375, "ten years");
    assert!(leads[0] < 120.0);
    assert_eq!(lead_months(&[10.0, 3650.5]), Err(TimingError::BadDays(1)));
}

#[test]
fn bad_days_are_errors() {
    assert_eq!(lead_months(&[-1.0]), Err(TimingError::BadDays(0)));
    assert_eq!(
        lead_months(&[1.0, 2.0, f64::NAN]),
        Err(TimingError::BadDays(2))
    );
    assert_eq!(
        lead_months(&[f64::INFINITY, 1.0]),
        Err(TimingError::BadDays(0))
    );
}

#[test]
fn three_stages_with_whole_month_leads() {
    // days [30.4375, 30.4375] → leads [60.875 ÷ 30.4375, 30.4375 ÷ 30.4375, 0] = [2, 1, 0].
    let leads = lead_months(&[30.4375, 30.4375]).unwrap();
    assert_eq!(leads, vec![2.0, 1.0, 0.0]);
    let shares = monthly_shares(&Phasing::Even).unwrap();
    let plan = schedule(&[1200.0, 120.0, 12.0], &shares, &leads).unwrap();
    // The longest lead is 2 months: rows from −2 to 11, 14 rows.
    assert_eq!(offsets(&plan), (-2..=11).collect::<Vec<_>>());
    assert_eq!(plan.months_before(), 2);
    // Top stage: 1,200 ÷ 12 = 100 for each month's customers, 2 months earlier: 100 from −2
    // to 9 (for months 0 to 11), nothing left for 10 and 11.
    let mut top = vec![100.0; 12];
    top.extend([0.0, 0.0]);
    assert_all_close(&column(&plan, 0), &top, "top stage");
    // Middle stage: 120 ÷ 12 = 10, 1 month earlier: 0 at −2, 10 from −1 to 10, 0 at 11.
    let mut middle = vec![0.0];
    middle.extend([10.0; 12]);
    middle.push(0.0);
    assert_all_close(&column(&plan, 1), &middle, "middle stage");
    // Customers: 12 ÷ 12 = 1 a month from 0 to 11, none before.
    let mut customers = vec![0.0, 0.0];
    customers.extend([1.0; 12]);
    assert_all_close(&column(&plan, 2), &customers, "customers");
    // Totals: 12 × 100 = 1,200; 12 × 10 = 120; 12 × 1 = 12.
    assert_all_close(&plan.totals(), &[1200.0, 120.0, 12.0], "totals");
}

#[test]
fn half_a_month_lead_is_split_half_and_half() {
    // 15.21875 days = half a month.
    let leads = lead_months(&[15.218_75]).unwrap();
    assert_eq!(leads, vec![0.5, 0.0]);
    let shares = monthly_shares(&Phasing::Even).unwrap();
    let plan = schedule(&[240.0, 24.0], &shares, &leads).unwrap();
    // Lead 0.5 = 0 whole months + 0.5: rows from −1 to 11.
    assert_eq!(offsets(&plan), (-1..=11).collect::<Vec<_>>());
    assert_eq!(plan.months_before(), 1);
    // Top stage: 240 ÷ 12 = 20 for each month's customers; half (10) in that month, half (10)
    // in the month before. Month −1: 10 (for month 0); months 0–10: 10 + 10 = 20; month 11:
    // 10 (its own half; the other half went to month 10).
    let mut top = vec![10.0];
    top.extend([20.0; 11]);
    top.push(10.0);
    assert_all_close(&column(&plan, 0), &top, "top stage");
    // Customers: 24 ÷ 12 = 2 a month, none at −1.
    let mut customers = vec![0.0];
    customers.extend([2.0; 12]);
    assert_all_close(&column(&plan, 1), &customers, "customers");
    // Totals: 10 + 11 × 20 + 10 = 240; 12 × 2 = 24.
    assert_all_close(&plan.totals(), &[240.0, 24.0], "totals");
}

#[test]
fn a_quarter_month_fraction_goes_a_quarter_to_the_earlier_month() {
    // All customers in month 5 (0-based); weights of other months 0.
    let mut weights = [0.0; MONTHS];
    weights[5] = 1.0;
    let shares = monthly_shares(&Phasing::Weights(weights)).unwrap();
    let plan = schedule(&[100.0, 10.0], &shares, &[1.25, 0.0]).unwrap();
    // Lead 1.25 = 1 whole month + 0.25: rows from −(1 + 1) = −2, even though month 0's
    // customers (and so the volume there) are 0.
    assert_eq!(plan.months_before(), 2);
    assert_eq!(offsets(&plan), (-2..=11).collect::<Vec<_>>());
    // Top stage: 100 × 1 for month 5: (1 − 0.25) × 100 = 75 in month 5 − 1 = 4, 0.25 × 100 =
    // 25 in month 5 − 2 = 3. Row index = offset + 2.
    let mut top = vec![0.0; 14];
    top[4 + 2] = 75.0;
    top[3 + 2] = 25.0;
    assert_all_close(&column(&plan, 0), &top, "top stage");
    // Customers: 10 in month 5.
    let mut customers = vec![0.0; 14];
    customers[5 + 2] = 10.0;
    assert_all_close(&column(&plan, 1), &customers, "customers");
}

#[test]
fn uneven_phasing_and_a_month_and_a_half_lead() {
    // Weights: 1 in month 0, 3 in month 1, 0 after: shares 1/4 = 0.25 and 3/4 = 0.75.
    let mut weights = [0.0; MONTHS];
    weights[0] = 1.0;
    weights[1] = 3.0;
    let shares = monthly_shares(&Phasing::Weights(weights)).unwrap();
    // Opportunities → customers at 50 %: 12 customers need 24 opportunities a year, 1.5 months
    // (45.65625 days = 1.5 × 30.4375) before.
    let leads = lead_months(&[45.656_25]).unwrap();
    assert_eq!(leads, vec![1.5, 0.0]);
    let plan = schedule(&[24.0, 12.0], &shares, &leads).unwrap();
    assert_eq!(offsets(&plan), (-2..=11).collect::<Vec<_>>());
    // Opportunities for month 0: 24 × 0.25 = 6, lead 1 + 0.5: 3 in month −1 and 3 in −2.
    // For month 1: 24 × 0.75 = 18: 9 in month 0 and 9 in month −1.
    // So −2: 3; −1: 3 + 9 = 12; 0: 9; later 0.
    let mut opportunities = vec![3.0, 12.0, 9.0];
    opportunities.extend([0.0; 11]);
    assert_all_close(&column(&plan, 0), &opportunities, "opportunities");
    // Customers: 12 × 0.25 = 3 in month 0, 12 × 0.75 = 9 in month 1.
    let mut customers = vec![0.0, 0.0, 3.0, 9.0];
    customers.extend([0.0; 10]);
    assert_all_close(&column(&plan, 1), &customers, "customers");
    // Totals: 3 + 12 + 9 = 24; 3 + 9 = 12.
    assert_all_close(&plan.totals(), &[24.0, 12.0], "totals");
}

#[test]
fn no_leads_means_the_plan_year_only() {
    let shares = monthly_shares(&Phasing::Even).unwrap();
    let plan = schedule(&[60.0, 6.0], &shares, &[0.0, 0.0]).unwrap();
    assert_eq!(plan.months_before(), 0);
    assert_eq!(offsets(&plan), (0..=11).collect::<Vec<_>>());
    // 60 ÷ 12 = 5 and 6 ÷ 12 = 0.5 every month.
    for row in &plan.rows {
        assert_all_close(&row.stages, &[5.0, 0.5], "row");
    }
}

#[test]
fn a_lead_within_rounding_of_whole_months_counts_as_whole() {
    let shares = monthly_shares(&Phasing::Even).unwrap();
    // 2 + 1e-13 and 2 − 1e-13 months are 2 months: rows from −2, not −3.
    for lead in [2.0 + 1e-13, 2.0 - 1e-13] {
        let plan = schedule(&[120.0], &shares, &[lead]).unwrap();
        assert_eq!(plan.months_before(), 2, "lead {lead}");
        // 120 ÷ 12 = 10 from −2 to 9.
        let mut top = vec![10.0; 12];
        top.extend([0.0, 0.0]);
        assert_all_close(&column(&plan, 0), &top, "top stage");
    }
}

#[test]
fn schedule_errors() {
    let shares = monthly_shares(&Phasing::Even).unwrap();
    assert_eq!(
        schedule(&[10.0, 1.0], &shares, &[0.0]),
        Err(TimingError::LengthMismatch {
            targets: 2,
            leads: 1
        })
    );
    assert_eq!(
        schedule(&[10.0, -1.0], &shares, &[1.0, 0.0]),
        Err(TimingError::BadTarget(1))
    );
    assert_eq!(
        schedule(&[f64::NAN, 1.0], &shares, &[1.0, 0.0]),
        Err(TimingError::BadTarget(0))
    );
    let mut bad_shares = shares;
    bad_shares[7] = -0.1;
    assert_eq!(
        schedule(&[10.0, 1.0], &bad_shares, &[1.0, 0.0]),
        Err(TimingError::BadShare(7))
    );
    assert_eq!(
        schedule(&[10.0, 1.0], &shares, &[-0.5, 0.0]),
        Err(TimingError::BadLead(0))
    );
    assert_eq!(
        schedule(&[10.0, 1.0], &shares, &[1.0, f64::INFINITY]),
        Err(TimingError::BadLead(1))
    );
    assert_eq!(
        schedule(&[10.0, 1.0], &shares, &[1200.5, 0.0]),
        Err(TimingError::BadLead(0))
    );
}

#[test]
fn the_longest_cycle_schedules() {
    // Ten stages, 3,650 days each: 9 × 3650 = 32,850 days = 32,850 ÷ 30.4375 = 1,079.26…
    // months, so 1,080 months before the plan year.
    let leads = lead_months(&[3650.0; 9]).unwrap();
    assert_close(leads[0], 32_850.0 / 30.4375, "longest lead");
    let shares = monthly_shares(&Phasing::Even).unwrap();
    let plan = schedule(&[1.0; 10], &shares, &leads).unwrap();
    assert_eq!(plan.months_before(), 1080);
    assert_eq!(plan.rows.len(), 1080 + 12);
    assert_all_close(&plan.totals(), &[1.0; 10], "totals");
}

/// Weights in [0, 100] with at least one above 0.
fn any_weights() -> impl Strategy<Value = [f64; MONTHS]> {
    (
        prop::array::uniform12(0.0f64..=100.0),
        0usize..MONTHS,
        0.01f64..=100.0,
    )
        .prop_map(|(mut weights, month, weight)| {
            weights[month] = weight;
            weights
        })
}

/// A funnel's yearly targets (1 to 10 stages) and the days between its stages.
fn any_funnel() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..=10).prop_flat_map(|stages| {
        (
            prop::collection::vec(0.0f64..=1e7, stages),
            prop::collection::vec(
                prop_oneof![
                    0.0f64..=3650.0,
                    (0u32..=12).prop_map(|months| f64::from(months) * 30.4375)
                ],
                stages - 1,
            ),
        )
    })
}

proptest! {
    /// Shares are fractions ≥ 0 summing to 1, in proportion to the weights.
    #[test]
    fn shares_sum_to_one_in_proportion(weights in any_weights()) {
        let shares = monthly_shares(&Phasing::Weights(weights)).unwrap();
        prop_assert!(close(shares.iter().sum(), 1.0));
        let sum: f64 = weights.iter().sum();
        for (share, weight) in shares.iter().zip(weights) {
            prop_assert!(*share >= 0.0);
            prop_assert!(close(share * sum, weight));
        }
    }

    /// Leads never grow down the funnel and the last is 0.
    #[test]
    fn leads_shrink_to_zero((_, days) in any_funnel()) {
        let leads = lead_months(&days).unwrap();
        prop_assert_eq!(leads.len(), days.len() + 1);
        prop_assert_eq!(*leads.last().unwrap(), 0.0);
        for pair in leads.windows(2) {
            prop_assert!(pair[0] >= pair[1]);
        }
    }

    /// Each stage's total over the schedule is its yearly target, the rows are consecutive
    /// months ending at 11 and starting as far back as the longest lead reaches, and no volume
    /// is later than the customers it serves need it.
    #[test]
    fn totals_equal_yearly_and_nothing_is_late((yearly, days) in any_funnel(), weights in any_weights()) {
        let shares = monthly_shares(&Phasing::Weights(weights)).unwrap();
        let leads = lead_months(&days).unwrap();
        let plan = schedule(&yearly, &shares, &leads).unwrap();
        let totals = plan.totals();
        prop_assert_eq!(totals.len(), yearly.len());
        for (total, target) in totals.iter().zip(&yearly) {
            prop_assert!(close(*total, *target), "total {} target {}", total, target);
        }
        let before = plan.months_before();
        let expected: Vec<i32> = (-(before as i32)..=11).collect();
        prop_assert_eq!(offsets(&plan), expected);
        let longest = leads.iter().copied().fold(0.0, f64::max);
        prop_assert!(before as f64 >= longest - 1e-9 && (before as f64) < longest + 1.0);
        for row in &plan.rows {
            prop_assert_eq!(row.stages.len(), yearly.len());
            prop_assert!(row.stages.iter().all(|volume| *volume >= 0.0));
        }
        // Through each month of the plan year, each stage has done at least what that month's
        // and the earlier months' customers need.
        for (stage, target) in yearly.iter().enumerate() {
            let mut done = 0.0;
            let mut needed = 0.0;
            for (row, share) in plan.rows.iter().skip(before).zip(shares) {
                needed += target * share;
                done = plan.rows.iter().take_while(|earlier| earlier.offset <= row.offset).map(|earlier| earlier.stages[stage]).sum();
                prop_assert!(done >= needed - 1e-9 * target.max(1.0));
            }
            prop_assert!(close(done, *target));
        }
    }
}
