//! Pipeline coverage and sales velocity, every expected figure worked by hand in the comment
//! beside it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::cmp::Ordering;

use common::close;
use funnel_planner::model::forecast::pipeline::{closes_within, Coverage, Part, Velocity};
use funnel_planner::model::results::{Actuals, Series, MONTHS};

#[track_caller]
fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: {actual} instead of {expected}"
    );
}

/// 240 customers a year, evenly: 20 a month, 60 a quarter.
const EVEN: [f64; MONTHS] = [20.0; MONTHS];

#[test]
fn a_cycle_no_longer_than_a_quarter_closes_within_it_a_longer_one_in_part() {
    // A quarter is 3 × 30.4375 = 91.3125 days.
    assert_close(closes_within(0.0), 1.0, "no days");
    assert_close(closes_within(45.0), 1.0, "45 days");
    assert_close(closes_within(91.3125), 1.0, "one quarter");
    // 182.625 days is two quarters: half the opening pipeline is decided within the first.
    assert_close(closes_within(182.625), 0.5, "two quarters");
    // 365.25 days is four quarters: a quarter of it.
    assert_close(closes_within(365.25), 0.25, "a year");
}

#[test]
fn a_25_percent_win_rate_within_the_quarter_needs_4_times_coverage() {
    let coverage = Coverage::new(&EVEN, 0.25, 45.0, Some(1_000.0)).unwrap();
    // 1 ÷ (0.25 × 1) = 4.
    assert_close(coverage.times, 4.0, "coverage");
    assert_close(coverage.shown_times(), 4.0, "shown");
    assert_eq!(coverage.against_rule(), Ordering::Greater);
    for (index, quarter) in coverage.quarters.iter().enumerate() {
        assert_eq!(quarter.first_month, index * 3);
        // 3 months × 20 = 60 customers; 60 × 4 = 240 opportunities.
        assert_close(quarter.customers, 60.0, "customers");
        assert_close(quarter.opportunities, 240.0, "opportunities");
        // 60 × 1,000 = 60,000 of revenue; 240 × 1,000 = 240,000 of pipeline.
        assert_close(quarter.revenue.unwrap(), 60_000.0, "revenue");
        assert_close(quarter.pipeline.unwrap(), 240_000.0, "pipeline");
    }
}

#[test]
fn a_cycle_of_two_quarters_doubles_the_coverage() {
    let coverage = Coverage::new(&EVEN, 0.5, 182.625, None).unwrap();
    // 1 ÷ (0.5 × 0.5) = 4; 60 customers × 4 = 240 opportunities, no money without an average.
    assert_close(coverage.closes_within, 0.5, "share");
    assert_close(coverage.times, 4.0, "coverage");
    assert_close(coverage.quarters[0].opportunities, 240.0, "opportunities");
    assert_eq!(coverage.quarters[0].revenue, None);
    assert_eq!(coverage.quarters[0].pipeline, None);
}

#[test]
fn the_rule_of_thumb_is_compared_with_the_coverage_shown() {
    // 1 ÷ 0.4 = 2.5×: less than 3×.
    let less = Coverage::new(&EVEN, 0.4, 0.0, None).unwrap();
    assert_close(less.shown_times(), 2.5, "2.5");
    assert_eq!(less.against_rule(), Ordering::Less);
    // 1 ÷ (1/3) is 3 (up to float noise): the rule itself.
    let same = Coverage::new(&EVEN, 1.0 / 3.0, 30.0, None).unwrap();
    assert_close(same.shown_times(), 3.0, "3.0");
    assert_eq!(same.against_rule(), Ordering::Equal);
    // 1 ÷ 0.34 = 2.941…, rounded up to 3.0: the rule covers it.
    let covered = Coverage::new(&EVEN, 0.34, 30.0, None).unwrap();
    assert_close(covered.shown_times(), 3.0, "2.94 shown as 3.0");
    assert_eq!(covered.against_rule(), Ordering::Equal);
    // 1 ÷ 0.32 = 3.125, rounded up to 3.2: more than the rule.
    let more = Coverage::new(&EVEN, 0.32, 30.0, None).unwrap();
    assert_close(more.shown_times(), 3.2, "3.2");
    assert_eq!(more.against_rule(), Ordering::Greater);
}

#[test]
fn each_quarter_follows_the_phasing() {
    let phased = [1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0];
    let coverage = Coverage::new(&phased, 0.25, 0.0, Some(500.0)).unwrap();
    // Quarters of 3, 6, 9 and 12 customers, × 4 = 12, 24, 36 and 48 opportunities;
    // × 500 = 6,000 … 24,000 of pipeline.
    let customers: Vec<f64> = coverage.quarters.iter().map(|q| q.customers).collect();
    let opportunities: Vec<f64> = coverage.quarters.iter().map(|q| q.opportunities).collect();
    assert_eq!(customers, [3.0, 6.0, 9.0, 12.0]);
    assert_eq!(opportunities, [12.0, 24.0, 36.0, 48.0]);
    assert_close(coverage.quarters[3].pipeline.unwrap(), 24_000.0, "pipeline");
}

#[test]
fn no_pipeline_is_enough_at_a_win_rate_of_0() {
    assert_eq!(Coverage::new(&EVEN, 0.0, 45.0, Some(1_000.0)), None);
}

fn planned() -> Velocity {
    Velocity {
        opportunities: 80.0,
        win_rate: 0.25,
        revenue_per_customer: Some(1_000.0),
        days: 40.0,
    }
}

#[test]
fn velocity_is_opportunities_times_win_rate_times_revenue_over_days() {
    let velocity = planned();
    // 80 × 0.25 × 1,000 ÷ 40 = 500 a day; × 30.4375 = 15,218.75 a month.
    assert_close(velocity.per_day().unwrap(), 500.0, "per day");
    assert_close(velocity.per_month().unwrap(), 15_218.75, "per month");
    // Without a revenue per customer: 80 × 0.25 ÷ 40 = 0.5 customers a day.
    let counted = Velocity {
        revenue_per_customer: None,
        ..velocity
    };
    assert_close(counted.per_day().unwrap(), 0.5, "customers a day");
    // No days: no velocity (not infinity).
    let instant = Velocity {
        days: 0.0,
        ..velocity
    };
    assert_eq!(instant.per_day(), None);
    assert_eq!(instant.per_month(), None);
}

/// Results with `opportunities`, `customers` and `revenue` per month for a funnel of three
/// stages (the top one left empty).
fn actuals(opportunities: Series, customers: Series, revenue: Series) -> Actuals {
    Actuals {
        stages: vec![[None; MONTHS], opportunities, customers],
        spend: [None; MONTHS],
        revenue,
        summed: Vec::new(),
    }
}

fn months(values: &[Option<f64>]) -> Series {
    let mut series = [None; MONTHS];
    for (slot, value) in series.iter_mut().zip(values) {
        *slot = *value;
    }
    series
}

#[test]
fn achieved_velocity_comes_from_the_results_and_names_the_part_that_moved_most() {
    let results = actuals(
        months(&[Some(70.0), Some(90.0), None]),
        months(&[Some(14.0), Some(18.0), Some(5.0)]),
        months(&[Some(15_000.0), Some(18_000.0), None]),
    );
    let achieved = planned().achieved(&results).unwrap();
    // (70 + 90) ÷ 2 months = 80 opportunities a month.
    assert_close(achieved.opportunities, 80.0, "opportunities");
    // Months with both: (14 + 18) ÷ (70 + 90) = 32 ÷ 160 = 0.2 (March's 5 has no opportunities).
    assert_close(achieved.win_rate, 0.2, "win rate");
    // Months with both: (15,000 + 18,000) ÷ (14 + 18) = 1,031.25.
    assert_close(achieved.revenue_per_customer.unwrap(), 1_031.25, "revenue");
    // The days stay as planned.
    assert_close(achieved.days, 40.0, "days");
    // 80 × 0.2 × 1,031.25 ÷ 40 = 412.5 a day.
    assert_close(achieved.per_day().unwrap(), 412.5, "per day");
    // Win rate × 0.8 (|ln| 0.223) moved more than revenue × 1.03125 (|ln| 0.031).
    assert_eq!(planned().moved_most(&achieved), Some(Part::WinRate));
}

#[test]
fn a_part_without_results_stays_as_planned() {
    // Opportunities only: the win rate and the revenue per customer stay as planned.
    let results = actuals(months(&[Some(100.0)]), [None; MONTHS], [None; MONTHS]);
    let achieved = planned().achieved(&results).unwrap();
    assert_close(achieved.opportunities, 100.0, "opportunities");
    assert_close(achieved.win_rate, 0.25, "win rate");
    assert_close(achieved.revenue_per_customer.unwrap(), 1_000.0, "revenue");
    // 100 ÷ 80 = 1.25: the opportunities moved, and only they did.
    assert_eq!(planned().moved_most(&achieved), Some(Part::Opportunities));
}

#[test]
fn no_achieved_velocity_before_the_opportunities_have_a_result() {
    let results = actuals(
        [None; MONTHS],
        months(&[Some(3.0)]),
        months(&[Some(3_000.0)]),
    );
    assert_eq!(planned().achieved(&results), None);
}

#[test]
fn nothing_moved_when_the_results_match_the_plan_and_a_fall_to_0_moves_most() {
    let same = planned();
    assert_eq!(planned().moved_most(&same), None);
    let lost_all = Velocity {
        win_rate: 0.0,
        opportunities: 400.0,
        ..planned()
    };
    // Opportunities × 5 (|ln| 1.6) is less than a win rate fallen to 0.
    assert_eq!(planned().moved_most(&lost_all), Some(Part::WinRate));
}

#[test]
fn a_change_is_achieved_over_planned_in_percent_without_noise() {
    use funnel_planner::model::forecast::pipeline::change_percent;
    // 0.4 ÷ 0.5 − 1 = −0.2: −20 %; 1.1 × 100 would carry binary noise, the change does not.
    assert_eq!(change_percent(0.5, 0.4), Some(-20.0));
    assert_eq!(change_percent(1.0, 1.1), Some(10.0));
    assert_eq!(change_percent(0.0, 3.0), None);
}
