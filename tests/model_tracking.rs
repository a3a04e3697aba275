//! Tracking the year against the plan: the worked example's targets (9 customers a year at
//! 1.5 / 20 / 20 / 40 / 50 %, 1,100,000 per customer) with results typed month by month, every
//! expected figure computed by hand in the comment beside it; then reading typed and pasted
//! results, the plan year, retyping, merging two tabs, and the invariants as property tests.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{close, example};
use funnel_planner::model::merge::merge;
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::results::leak::{diagnose, Advice, Leak, Point};
use funnel_planner::model::results::standing::{ratio, Standing, YearStanding};
use funnel_planner::model::results::{
    is_block, paste, Actuals, CellAt, CellError, Month, PlanYear, Row, Series, TrackingDraft,
    MONTHS,
};
use funnel_planner::model::{
    reverse, ChannelId, Funnel, Goal, GoalKind, InputError, Lang, Plan, PlanDraft, Rate, StageId,
    Targets, MAX_STAGES,
};
use proptest::prelude::*;

const EN: NumberSymbols = NumberSymbols::ENGLISH;

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: got {actual}, expected {expected}"
    );
}

fn assert_some_close(actual: Option<f64>, expected: f64, what: &str) {
    match actual {
        Some(actual) => assert_close(actual, expected, what),
        None => panic!("{what}: got None, expected {expected}"),
    }
}

/// The stage ids of `common::example()`, top to bottom.
const VISITS: StageId = StageId(1);
const LEADS: StageId = StageId(2);
const MQLS: StageId = StageId(3);
const SQLS: StageId = StageId(4);
const OPPORTUNITIES: StageId = StageId(5);
const CUSTOMERS: StageId = StageId(6);

/// The whole plan's cell of `row` in `month`.
fn at(month: usize, row: Row) -> CellAt {
    CellAt {
        month,
        row,
        channel: None,
    }
}

/// One channel's cell of `row` in `month`.
fn channel_at(month: usize, row: Row, channel: u32) -> CellAt {
    CellAt {
        month,
        row,
        channel: Some(ChannelId(channel)),
    }
}

fn stage(id: StageId) -> Row {
    Row::Stage(id)
}

/// The worked example as typed: the example draft with a goal of 9 new customers a year (the
/// 1,100,000 average revenue per customer stays).
fn worked_example() -> PlanDraft {
    let mut draft = example();
    draft.goal_kind = GoalKind::NewCustomers;
    draft.new_customers_goal = "9".to_owned();
    draft
}

/// Types `rows` into months 0, 1, 2, … of the whole plan's grid ("" leaves a month empty).
fn type_months(draft: &mut PlanDraft, rows: &[(Row, &[&str])]) {
    for (row, months) in rows {
        for (month, text) in months.iter().enumerate() {
            draft.tracking.set_text(at(month, *row), (*text).to_owned());
        }
    }
}

/// The worked example's results for months 0–3 (the first four months of the plan year):
///
/// | row           | m0        | m1     | m2        | m3        | Σ         |
/// |---------------|-----------|--------|-----------|-----------|-----------|
/// | Visits        | 6,000     | 6,500  | 7,000     | 5,500     | 25,000    |
/// | Leads         | 90        | 100    | 110       | 100       | 400       |
/// | MQLs          | 18        | 20     | 22        | 20        | 80        |
/// | SQLs          | 4         | 4      | 4         | 4         | 16        |
/// | Opportunities | 2         | 1      | 2         | 1         | 6         |
/// | Customers     | 1         | 0      | 1         | 1         | 3         |
/// | Spend         | 9,000     | 11,000 | 10,000    | 12,000    | 42,000    |
/// | Revenue       | 1,100,000 | 0      | 1,100,000 | 1,100,000 | 3,300,000 |
fn worked_example_with_four_months() -> PlanDraft {
    let mut draft = worked_example();
    type_months(
        &mut draft,
        &[
            (stage(VISITS), &["6,000", "6,500", "7,000", "5,500"]),
            (stage(LEADS), &["90", "100", "110", "100"]),
            (stage(MQLS), &["18", "20", "22", "20"]),
            (stage(SQLS), &["4", "4", "4", "4"]),
            (stage(OPPORTUNITIES), &["2", "1", "2", "1"]),
            (stage(CUSTOMERS), &["1", "0", "1", "1"]),
            (Row::Spend, &["9,000", "11,000", "10,000", "12,000"]),
            (Row::Revenue, &["1,100,000", "0", "1,100,000", "1,100,000"]),
        ],
    );
    draft
}

/// The plan's targets and the standing of the results typed in `draft`, which must all read.
fn standing_of(draft: &PlanDraft, budget_per_year: Option<f64>) -> (Targets, YearStanding) {
    let plan = draft.validate(EN).expect("the worked example is valid");
    let targets = reverse(&plan).expect("the worked example computes");
    let (actuals, errors) = draft.tracking.check(&draft.stage_ids(), &[], EN);
    assert_eq!(errors, Vec::new(), "every result reads");
    let standing = YearStanding::new(&targets, plan.funnel.rates(), budget_per_year, &actuals);
    (targets, standing)
}

/// A budget of 10,000 a month: 120,000 a year.
const BUDGET_PER_YEAR: f64 = 120_000.0;

/// The average revenue per new customer of the worked example.
const AVERAGE_REVENUE: f64 = 1_100_000.0;

// ---------------------------------------------------------------------------------------------
// 1. The worked example, four months in
// ---------------------------------------------------------------------------------------------

#[test]
fn worked_example_targets_are_the_articles_yearly_figures() {
    let (targets, _) = standing_of(&worked_example(), None);
    // 9 customers ÷ 50 % = 18 opportunities; ÷ 40 % = 45 SQLs; ÷ 20 % = 225 MQLs;
    // ÷ 20 % = 1,125 leads; ÷ 1.5 % = 75,000 visits.
    let per_year: Vec<f64> = targets.stages.iter().map(|stage| stage.per_year).collect();
    for (actual, expected) in per_year
        .into_iter()
        .zip([75_000.0, 1_125.0, 225.0, 45.0, 18.0, 9.0])
    {
        assert_close(actual, expected, "target per year");
    }
    // 9 × 1,100,000 = 9,900,000.
    assert_some_close(targets.revenue_per_year, 9_900_000.0, "revenue per year");
}

#[test]
fn four_months_in_the_year_to_date_runs_to_month_3_with_8_months_left() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    // Months 0, 1, 2 and 3 have results: the last is 3, and 12 − (3 + 1) = 8 months are left.
    assert_eq!(standing.last, Some(3));
    assert_eq!(standing.stages.len(), 6);
    for series in standing
        .stages
        .iter()
        .chain(standing.revenue.as_ref())
        .chain(standing.spend.as_ref())
    {
        assert_eq!(series.months_left, 8);
        assert_eq!(series.months_entered, 4);
        assert_eq!(series.missing, Vec::<usize>::new());
    }
}

#[test]
fn visits_on_pace_reach_a_third_of_the_year_and_project_the_target() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    let visits = &standing.stages[0];
    // Monthly target 75,000 ÷ 12 = 6,250.
    assert_close(visits.monthly_target[0], 6_250.0, "monthly target");
    assert_close(visits.year_target, 75_000.0, "year target");
    // 6,000 + 6,500 + 7,000 + 5,500 = 25,000.
    assert_close(visits.actual_to_date, 25_000.0, "actual to date");
    // 4 months × 6,250 = 25,000.
    assert_close(visits.target_to_date, 25_000.0, "target to date");
    // 25,000 ÷ 25,000 = 1 (on pace).
    assert_some_close(visits.pace(), 1.0, "pace");
    // 25,000 ÷ 75,000 = 0.3333….
    assert_some_close(visits.reached(), 1.0 / 3.0, "reached");
    // 75,000 − 25,000 = 50,000.
    assert_close(visits.remaining(), 50_000.0, "remaining");
    assert_close(visits.beyond_target(), 0.0, "beyond target");
    // 50,000 ÷ 8 months = 6,250 a month.
    assert_some_close(visits.run_rate(), 6_250.0, "run rate");
    // 25,000 + (25,000 ÷ 4) × 8 = 25,000 + 50,000 = 75,000.
    assert_some_close(visits.projection(), 75_000.0, "projection");
    // Month 0: 6,000 ÷ 6,250 = 0.96; month 4 has no result.
    assert_some_close(visits.month_reached(0), 0.96, "month 0 reached");
    assert_eq!(visits.month_reached(4), None);
}

#[test]
fn visits_quarters_sum_their_three_months() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    let quarters = &standing.stages[0].quarters;
    // Q1 (months 0–2): target 3 × 6,250 = 18,750; actual 6,000 + 6,500 + 7,000 = 19,500;
    // reached 19,500 ÷ 18,750 = 1.04.
    assert_close(quarters[0].target, 18_750.0, "Q1 target");
    assert_some_close(quarters[0].actual, 19_500.0, "Q1 actual");
    assert_eq!(quarters[0].months_entered, 3);
    assert_some_close(quarters[0].reached(), 1.04, "Q1 reached");
    // Q2 (months 3–5): target 18,750; actual 5,500 (month 3 only);
    // reached 5,500 ÷ 18,750 = 0.293333….
    assert_close(quarters[1].target, 18_750.0, "Q2 target");
    assert_some_close(quarters[1].actual, 5_500.0, "Q2 actual");
    assert_eq!(quarters[1].months_entered, 1);
    assert_some_close(quarters[1].reached(), 5_500.0 / 18_750.0, "Q2 reached");
    // Q3 and Q4: targets 18,750 each, nothing entered, so no actual and no "reached".
    for quarter in &quarters[2..] {
        assert_close(quarter.target, 18_750.0, "later quarter target");
        assert_eq!(quarter.actual, None);
        assert_eq!(quarter.months_entered, 0);
        assert_eq!(quarter.reached(), None);
    }
}

#[test]
fn leads_ahead_of_pace_need_a_lower_run_rate() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    let leads = &standing.stages[1];
    // 90 + 100 + 110 + 100 = 400.
    assert_close(leads.actual_to_date, 400.0, "actual to date");
    // 4 × (1,125 ÷ 12 = 93.75) = 375.
    assert_close(leads.target_to_date, 375.0, "target to date");
    // 400 ÷ 375 = 1.066666….
    assert_some_close(leads.pace(), 400.0 / 375.0, "pace");
    // 400 ÷ 1,125 = 0.355555….
    assert_some_close(leads.reached(), 400.0 / 1_125.0, "reached");
    // 1,125 − 400 = 725.
    assert_close(leads.remaining(), 725.0, "remaining");
    // 725 ÷ 8 = 90.625 a month.
    assert_some_close(leads.run_rate(), 90.625, "run rate");
    // 400 + (400 ÷ 4) × 8 = 400 + 800 = 1,200.
    assert_some_close(leads.projection(), 1_200.0, "projection");
    // Q1: target 3 × 93.75 = 281.25; actual 90 + 100 + 110 = 300; 300 ÷ 281.25 = 1.066666….
    assert_close(leads.quarters[0].target, 281.25, "Q1 target");
    assert_some_close(leads.quarters[0].actual, 300.0, "Q1 actual");
    assert_some_close(leads.quarters[0].reached(), 300.0 / 281.25, "Q1 reached");
}

#[test]
fn sqls_and_customers_to_date_with_a_month_of_zero_customers_counted() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    let sqls = &standing.stages[3];
    // 4 × 4 = 16 against 4 × (45 ÷ 12 = 3.75) = 15.
    assert_close(sqls.actual_to_date, 16.0, "SQLs actual to date");
    assert_close(sqls.target_to_date, 15.0, "SQLs target to date");
    // 16 ÷ 15 = 1.066666…; 16 ÷ 45 = 0.355555…; 45 − 16 = 29; 29 ÷ 8 = 3.625;
    // 16 + (16 ÷ 4) × 8 = 48.
    assert_some_close(sqls.pace(), 16.0 / 15.0, "SQLs pace");
    assert_some_close(sqls.reached(), 16.0 / 45.0, "SQLs reached");
    assert_close(sqls.remaining(), 29.0, "SQLs remaining");
    assert_some_close(sqls.run_rate(), 3.625, "SQLs run rate");
    assert_some_close(sqls.projection(), 48.0, "SQLs projection");

    let customers = &standing.stages[5];
    // 1 + 0 + 1 + 1 = 3; the 0 of month 1 is a result, not a month missing.
    assert_eq!(customers.months_entered, 4);
    assert_eq!(customers.missing, Vec::<usize>::new());
    assert_close(customers.actual_to_date, 3.0, "customers actual to date");
    // 4 × (9 ÷ 12 = 0.75) = 3.
    assert_close(customers.target_to_date, 3.0, "customers target to date");
    // 3 ÷ 3 = 1; 3 ÷ 9 = 0.3333…; 9 − 3 = 6; 6 ÷ 8 = 0.75; 3 + (3 ÷ 4) × 8 = 9.
    assert_some_close(customers.pace(), 1.0, "customers pace");
    assert_some_close(customers.reached(), 1.0 / 3.0, "customers reached");
    assert_close(customers.remaining(), 6.0, "customers remaining");
    assert_some_close(customers.run_rate(), 0.75, "customers run rate");
    assert_some_close(customers.projection(), 9.0, "customers projection");
    // Month 1: 0 ÷ 0.75 = 0.
    assert_some_close(customers.month_reached(1), 0.0, "month 1 reached");
    // Q1: target 3 × 0.75 = 2.25; actual 1 + 0 + 1 = 2; 2 ÷ 2.25 = 0.8888….
    // Q2: target 2.25; actual 1; 1 ÷ 2.25 = 0.4444….
    assert_close(customers.quarters[0].target, 2.25, "Q1 target");
    assert_some_close(customers.quarters[0].actual, 2.0, "Q1 actual");
    assert_some_close(customers.quarters[0].reached(), 2.0 / 2.25, "Q1 reached");
    assert_some_close(customers.quarters[1].actual, 1.0, "Q2 actual");
    assert_some_close(customers.quarters[1].reached(), 1.0 / 2.25, "Q2 reached");
}

#[test]
fn revenue_is_measured_against_customers_goal_times_average_revenue() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    let revenue = standing.revenue.as_ref().expect("the plan has an average");
    // Year: 9 × 1,100,000 = 9,900,000; month: 9,900,000 ÷ 12 = 825,000.
    assert_close(revenue.year_target, 9_900_000.0, "year target");
    assert_close(revenue.monthly_target[11], 825_000.0, "monthly target");
    // 1,100,000 + 0 + 1,100,000 + 1,100,000 = 3,300,000 against 4 × 825,000 = 3,300,000.
    assert_close(revenue.actual_to_date, 3_300_000.0, "actual to date");
    assert_close(revenue.target_to_date, 3_300_000.0, "target to date");
    // 3,300,000 ÷ 3,300,000 = 1; 3,300,000 ÷ 9,900,000 = 0.3333….
    assert_some_close(revenue.pace(), 1.0, "pace");
    assert_some_close(revenue.reached(), 1.0 / 3.0, "reached");
    // 9,900,000 − 3,300,000 = 6,600,000; ÷ 8 = 825,000 a month.
    assert_close(revenue.remaining(), 6_600_000.0, "remaining");
    assert_some_close(revenue.run_rate(), 825_000.0, "run rate");
    // 3,300,000 + (3,300,000 ÷ 4) × 8 = 9,900,000.
    assert_some_close(revenue.projection(), 9_900_000.0, "projection");
    // Q1: target 3 × 825,000 = 2,475,000; actual 2,200,000; 2,200,000 ÷ 2,475,000 = 0.8888….
    assert_close(revenue.quarters[0].target, 2_475_000.0, "Q1 target");
    assert_some_close(revenue.quarters[0].actual, 2_200_000.0, "Q1 actual");
    assert_some_close(
        revenue.quarters[0].reached(),
        2_200_000.0 / 2_475_000.0,
        "Q1 reached",
    );
}

#[test]
fn spend_is_measured_against_the_yearly_budget() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    let spend = standing.spend.as_ref().expect("a budget was given");
    // Month: 120,000 ÷ 12 = 10,000.
    assert_close(spend.monthly_target[0], 10_000.0, "monthly target");
    // 9,000 + 11,000 + 10,000 + 12,000 = 42,000 against 4 × 10,000 = 40,000.
    assert_close(spend.actual_to_date, 42_000.0, "actual to date");
    assert_close(spend.target_to_date, 40_000.0, "target to date");
    // 42,000 ÷ 40,000 = 1.05; 42,000 ÷ 120,000 = 0.35.
    assert_some_close(spend.pace(), 1.05, "pace");
    assert_some_close(spend.reached(), 0.35, "reached");
    // 120,000 − 42,000 = 78,000; ÷ 8 = 9,750 a month.
    assert_close(spend.remaining(), 78_000.0, "remaining");
    assert_some_close(spend.run_rate(), 9_750.0, "run rate");
    // 42,000 + (42,000 ÷ 4 = 10,500) × 8 = 126,000.
    assert_some_close(spend.projection(), 126_000.0, "projection");
    // Q1: 9,000 + 11,000 + 10,000 = 30,000 against 3 × 10,000 = 30,000: 1.
    // Q2: 12,000 against 30,000: 0.4.
    assert_close(spend.quarters[0].target, 30_000.0, "Q1 target");
    assert_some_close(spend.quarters[0].reached(), 1.0, "Q1 reached");
    assert_some_close(spend.quarters[1].actual, 12_000.0, "Q2 actual");
    assert_some_close(spend.quarters[1].reached(), 0.4, "Q2 reached");
}

#[test]
fn without_a_budget_there_is_no_spend_standing() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), None);
    assert_eq!(standing.spend, None);
}

#[test]
fn conversions_achieved_are_next_over_this_summed_over_the_months_with_both() {
    let (_, standing) = standing_of(&worked_example_with_four_months(), Some(BUDGET_PER_YEAR));
    assert_eq!(standing.conversions.len(), 5);
    // (from, planned %, Σ this, Σ next, achieved)
    let expected = [
        (0, 1.5, 25_000.0, 400.0, 0.016), // 400 ÷ 25,000
        (1, 20.0, 400.0, 80.0, 0.2),      // 80 ÷ 400
        (2, 20.0, 80.0, 16.0, 0.2),       // 16 ÷ 80
        (3, 40.0, 16.0, 6.0, 0.375),      // 6 ÷ 16
        (4, 50.0, 6.0, 3.0, 0.5),         // 3 ÷ 6
    ];
    for (conversion, (from, planned, this, next, achieved)) in
        standing.conversions.iter().zip(expected)
    {
        assert_eq!(conversion.from, from);
        assert_close(conversion.planned.percent(), planned, "planned");
        assert_close(conversion.from_to_date, this, "from to date");
        assert_close(conversion.into_to_date, next, "into to date");
        assert_eq!(conversion.months_counted, 4);
        assert_some_close(conversion.to_date(), achieved, "achieved");
    }
    // Visits → leads in month 0: 90 ÷ 6,000 = 0.015; month 4 has no results.
    assert_some_close(standing.conversions[0].by_month[0], 0.015, "month 0");
    assert_eq!(standing.conversions[0].by_month[4], None);
    // Opportunities → customers in month 1: 0 ÷ 1 = 0.
    assert_some_close(standing.conversions[4].by_month[1], 0.0, "month 1");
}

#[test]
fn before_any_result_nothing_is_paced_or_projected() {
    let (_, standing) = standing_of(&worked_example(), Some(BUDGET_PER_YEAR));
    assert_eq!(standing.last, None);
    let visits = &standing.stages[0];
    // No month is entered: 12 months are left, none is missing.
    assert_eq!(visits.months_left, 12);
    assert_eq!(visits.missing, Vec::<usize>::new());
    assert_eq!(visits.pace(), None);
    assert_eq!(visits.run_rate(), None);
    assert_eq!(visits.projection(), None);
    // Nothing reached yet: 0 ÷ 75,000 = 0; the whole 75,000 remains.
    assert_some_close(visits.reached(), 0.0, "reached");
    assert_close(visits.remaining(), 75_000.0, "remaining");
    assert_eq!(standing.conversions[0].to_date(), None);
}

// ---------------------------------------------------------------------------------------------
// 2. A month missing
// ---------------------------------------------------------------------------------------------

/// The four months of the worked example, with month 2 of the leads not typed.
fn leads_missing_month_2() -> PlanDraft {
    let mut draft = worked_example_with_four_months();
    draft.tracking.set_text(at(2, stage(LEADS)), String::new());
    draft
}

#[test]
fn a_month_without_a_result_is_missing_and_counts_in_neither_actual_nor_target() {
    let (_, standing) = standing_of(&leads_missing_month_2(), Some(BUDGET_PER_YEAR));
    // The other stages have month 3, so the year still runs to month 3.
    assert_eq!(standing.last, Some(3));
    let leads = &standing.stages[1];
    assert_eq!(leads.missing, vec![2]);
    assert_eq!(leads.months_entered, 3);
    assert_eq!(leads.actual[2], None);
    // 90 + 100 + 100 = 290, against 3 × 93.75 = 281.25.
    assert_close(leads.actual_to_date, 290.0, "actual to date");
    assert_close(leads.target_to_date, 281.25, "target to date");
    // 290 ÷ 281.25 = 1.031111….
    assert_some_close(leads.pace(), 290.0 / 281.25, "pace");
    // Months without a result yet: 12 − 3 entered = 9 (the 8 to come and month 2, whose result
    // is still to come in too, never counted as 0); 1,125 − 290 = 835; 835 ÷ 9 = 92.777….
    assert_eq!(leads.months_left, 9);
    assert_close(leads.remaining(), 835.0, "remaining");
    assert_some_close(leads.run_rate(), 835.0 / 9.0, "run rate");
    // The missing month is not counted as 0: it is projected at the average of the entered
    // ones, like the months to come: 290 ÷ 3 × 12 = 1,160.
    assert_some_close(leads.projection(), 1_160.0, "projection");
    // Q1: months 0 and 1 only: 90 + 100 = 190 over 2 months.
    assert_some_close(leads.quarters[0].actual, 190.0, "Q1 actual");
    assert_eq!(leads.quarters[0].months_entered, 2);
    // The other stages miss nothing.
    assert_eq!(standing.stages[0].missing, Vec::<usize>::new());
    assert_eq!(standing.stages[2].missing, Vec::<usize>::new());
}

#[test]
fn a_missing_month_drops_out_of_both_conversions_it_touches() {
    let (_, standing) = standing_of(&leads_missing_month_2(), Some(BUDGET_PER_YEAR));
    // Visits → leads over months 0, 1, 3: visits 6,000 + 6,500 + 5,500 = 18,000, leads 290;
    // 290 ÷ 18,000 = 0.016111….
    let top = &standing.conversions[0];
    assert_eq!(top.months_counted, 3);
    assert_close(top.from_to_date, 18_000.0, "visits counted");
    assert_some_close(top.to_date(), 290.0 / 18_000.0, "visits → leads");
    assert_eq!(top.by_month[2], None);
    // Leads → MQLs over months 0, 1, 3: MQLs 18 + 20 + 20 = 58; 58 ÷ 290 = 0.2.
    let below = &standing.conversions[1];
    assert_eq!(below.months_counted, 3);
    assert_close(below.into_to_date, 58.0, "MQLs counted");
    assert_some_close(below.to_date(), 0.2, "leads → MQLs");
}

#[test]
fn a_leak_counts_the_customers_planned_only_over_its_months() {
    let (_, standing) = standing_of(&leads_missing_month_2(), Some(BUDGET_PER_YEAR));
    let leaks = diagnose(&standing, Some(AVERAGE_REVENUE));
    let top_rate = leaks
        .iter()
        .find(|leak| leak.point == Point::Rate { from: 0 })
        .expect("visits → leads has results");
    // Months 0, 1, 3: customers planned 3 × 0.75 = 2.25.
    assert_eq!(top_rate.months_counted, 3);
    assert_close(top_rate.customers_planned, 2.25, "customers planned");
    // Achieved 290 ÷ 18,000 = 0.016111… against 0.015: × 29/27 (= 0.016111… ÷ 0.015);
    // 2.25 × 29 ÷ 27 = 2.416666…; gained 2.416666… − 2.25 = 0.166666… (1/6);
    // revenue 1/6 × 1,100,000 = 183,333.33….
    assert_close(
        top_rate.customers_at_results,
        2.25 * 29.0 / 27.0,
        "at results",
    );
    assert_close(top_rate.customers_gained(), 1.0 / 6.0, "gained");
    assert_some_close(
        top_rate.revenue_gained(),
        1_100_000.0 / 6.0,
        "revenue gained",
    );
}

// ---------------------------------------------------------------------------------------------
// 3. A stage at 0
// ---------------------------------------------------------------------------------------------

/// The four months of the worked example with no opportunity, hence no customer and no revenue.
fn no_opportunities() -> PlanDraft {
    let mut draft = worked_example_with_four_months();
    type_months(
        &mut draft,
        &[
            (stage(OPPORTUNITIES), &["0", "0", "0", "0"]),
            (stage(CUSTOMERS), &["0", "0", "0", "0"]),
            (Row::Revenue, &["0", "0", "0", "0"]),
        ],
    );
    draft
}

#[test]
fn a_stage_at_zero_converts_at_zero_and_the_next_rate_has_no_figure() {
    let (_, standing) = standing_of(&no_opportunities(), Some(BUDGET_PER_YEAR));
    // SQLs → opportunities: 0 ÷ 16 = 0.
    assert_some_close(
        standing.conversions[3].to_date(),
        0.0,
        "SQLs → opportunities",
    );
    // Opportunities → customers: 0 ÷ 0 has no figure, to date or in any month.
    let last = &standing.conversions[4];
    assert_eq!(last.months_counted, 4);
    assert_eq!(last.to_date(), None);
    assert!(last.by_month.iter().all(Option::is_none));
    let opportunities = &standing.stages[4];
    // 0 ÷ (4 × 1.5 = 6) = 0; 0 ÷ 18 = 0; 18 − 0 = 18; 18 ÷ 8 = 2.25; 0 + 0 × 8 = 0.
    assert_some_close(opportunities.pace(), 0.0, "pace");
    assert_some_close(opportunities.reached(), 0.0, "reached");
    assert_close(opportunities.remaining(), 18.0, "remaining");
    assert_some_close(opportunities.run_rate(), 2.25, "run rate");
    assert_some_close(opportunities.projection(), 0.0, "projection");
    assert_some_close(standing.stages[5].pace(), 0.0, "customers pace");
}

#[test]
fn a_stage_at_zero_never_yields_nan_and_loses_every_customer_planned() {
    let (_, standing) = standing_of(&no_opportunities(), Some(BUDGET_PER_YEAR));
    let figures = standing.stages.iter().flat_map(|series| {
        [
            series.pace(),
            series.reached(),
            Some(series.remaining()),
            series.run_rate(),
            series.projection(),
        ]
    });
    let rates = standing.conversions.iter().flat_map(|conversion| {
        conversion
            .by_month
            .iter()
            .copied()
            .chain([conversion.to_date()])
    });
    for figure in figures.chain(rates).flatten() {
        assert!(figure.is_finite(), "{figure}");
    }
    let leaks = diagnose(&standing, Some(AVERAGE_REVENUE));
    // The rate with no figure (0 ÷ 0) is left out: the top and 4 rates remain.
    assert_eq!(leaks.len(), 5);
    assert!(leaks
        .iter()
        .all(|leak| leak.point != Point::Rate { from: 4 }));
    for leak in &leaks {
        assert!(leak.customers_at_results.is_finite());
        assert!(leak.revenue_gained().is_some_and(f64::is_finite));
    }
    // SQLs → opportunities at 0: 4 × 0.75 = 3 customers planned, 3 × 0 ÷ 0.4 = 0 at the
    // results; gained −3, revenue −3 × 1,100,000 = −3,300,000: the largest loss.
    let first = &leaks[0];
    assert_eq!(first.point, Point::Rate { from: 3 });
    assert_close(first.customers_planned, 3.0, "planned");
    assert_close(first.customers_at_results, 0.0, "at results");
    assert_close(first.customers_gained(), -3.0, "gained");
    assert_some_close(first.revenue_gained(), -3_300_000.0, "revenue gained");
}

// ---------------------------------------------------------------------------------------------
// 4. Ten stages
// ---------------------------------------------------------------------------------------------

/// A funnel of [`MAX_STAGES`] stages, 50 % from each into the next, 12 customers a year: monthly
/// targets 1 customer and, upwards, 2, 4, … 512 (1 × 2⁹) at the top.
fn ten_stage_plan() -> Plan {
    let stages = (0..MAX_STAGES)
        .map(|index| {
            let rate =
                (index + 1 < MAX_STAGES).then(|| Rate::from_percent(50.0).expect("a valid rate"));
            (format!("Stage {index}"), rate)
        })
        .collect();
    Plan {
        name: "Ten".to_owned(),
        goal: Goal::NewCustomers(12.0),
        average_revenue_per_customer: Some(1_000.0),
        funnel: Funnel::new(stages).expect("ten stages are allowed"),
    }
}

#[test]
fn ten_stages_give_nine_conversions_and_a_diagnosis_of_the_top_and_nine_rates() {
    let plan = ten_stage_plan();
    let targets = reverse(&plan).expect("computes");
    // Top: 12 customers × 2⁹ = 6,144 a year (512 a month).
    assert_close(targets.stages[0].per_year, 6_144.0, "top per year");
    // Month 0 of every stage exactly at its monthly target: 512, 256, … 1.
    let stages = (0..MAX_STAGES)
        .map(|index| {
            let mut series: Series = [None; MONTHS];
            series[0] = Some(f64::from(1u32 << (9 - index)));
            series
        })
        .collect();
    let actuals = Actuals {
        stages,
        spend: [None; MONTHS],
        revenue: [None; MONTHS],
        summed: Vec::new(),
    };
    let standing = YearStanding::new(&targets, plan.funnel.rates(), None, &actuals);
    assert_eq!(standing.conversions.len(), 9);
    for conversion in &standing.conversions {
        // Each stage is half the one above: 0.5, as planned.
        assert_some_close(conversion.to_date(), 0.5, "achieved");
    }
    let leaks = diagnose(&standing, Some(1_000.0));
    assert_eq!(leaks.len(), 10);
    let advice = |point: Point| -> Advice {
        leaks
            .iter()
            .find(|leak| leak.point == point)
            .map(|leak| leak.advice)
            .expect("every point has results")
    };
    assert_eq!(advice(Point::Top), Advice::Traffic);
    // From the bottom: rate 8 (stage 8 → 9) the sales process, 7 bottom-of-funnel offers,
    // 6 nurturing, 5 … 0 lead capture.
    assert_eq!(advice(Point::Rate { from: 8 }), Advice::SalesProcess);
    assert_eq!(
        advice(Point::Rate { from: 7 }),
        Advice::BottomOfFunnelOffers
    );
    assert_eq!(advice(Point::Rate { from: 6 }), Advice::Nurturing);
    for from in 0..=5 {
        assert_eq!(advice(Point::Rate { from }), Advice::LeadCapture, "{from}");
    }
    // Everything at plan: month 0's 1 customer planned is what the results give.
    for leak in &leaks {
        assert_close(leak.customers_planned, 1.0, "planned");
        assert_close(leak.customers_gained(), 0.0, "gained");
    }
}

#[test]
fn advice_goes_by_the_distance_from_the_bottom() {
    // Six stages: rates 0 … 4.
    assert_eq!(Advice::at(Point::Top, 6), Advice::Traffic);
    assert_eq!(Advice::at(Point::Rate { from: 4 }, 6), Advice::SalesProcess);
    assert_eq!(
        Advice::at(Point::Rate { from: 3 }, 6),
        Advice::BottomOfFunnelOffers
    );
    assert_eq!(Advice::at(Point::Rate { from: 2 }, 6), Advice::Nurturing);
    assert_eq!(Advice::at(Point::Rate { from: 1 }, 6), Advice::LeadCapture);
    assert_eq!(Advice::at(Point::Rate { from: 0 }, 6), Advice::LeadCapture);
    // Two stages: the only rate is the last, the sales process.
    assert_eq!(Advice::at(Point::Rate { from: 0 }, 2), Advice::SalesProcess);
}

// ---------------------------------------------------------------------------------------------
// 5. The diagnosis
// ---------------------------------------------------------------------------------------------

/// The worked example, four months in, with rates off the plan:
///
/// | stage         | each month | Σ      | rate achieved       | planned |
/// |---------------|------------|--------|---------------------|---------|
/// | Visits        | 6,250      | 25,000 | (at plan: 25,000)   |         |
/// | Leads         | 125        | 500    | 500 ÷ 25,000 = 2 %  | 1.5 %   |
/// | MQLs          | 15         | 60     | 60 ÷ 500 = 12 %     | 20 %    |
/// | SQLs          | 3          | 12     | 12 ÷ 60 = 20 %      | 20 %    |
/// | Opportunities | 1          | 4      | 4 ÷ 12 = 33.33 %    | 40 %    |
/// | Customers     | 1, 0, 0, 0 | 1      | 1 ÷ 4 = 25 %        | 50 %    |
fn rates_off_plan() -> PlanDraft {
    let mut draft = worked_example();
    type_months(
        &mut draft,
        &[
            (stage(VISITS), &["6,250", "6,250", "6,250", "6,250"]),
            (stage(LEADS), &["125", "125", "125", "125"]),
            (stage(MQLS), &["15", "15", "15", "15"]),
            (stage(SQLS), &["3", "3", "3", "3"]),
            (stage(OPPORTUNITIES), &["1", "1", "1", "1"]),
            (stage(CUSTOMERS), &["1", "0", "0", "0"]),
        ],
    );
    draft
}

fn leak_at(leaks: &[Leak], point: Point) -> &Leak {
    leaks
        .iter()
        .find(|leak| leak.point == point)
        .expect("the point has results")
}

#[test]
fn each_leak_is_the_customers_planned_times_achieved_over_planned() {
    let (_, standing) = standing_of(&rates_off_plan(), None);
    let leaks = diagnose(&standing, Some(AVERAGE_REVENUE));
    // The top and the 5 rates all have results.
    assert_eq!(leaks.len(), 6);
    // Every point covers months 0–3: customers planned 4 × 0.75 = 3.
    for leak in &leaks {
        assert_eq!(leak.months_counted, 4);
        assert_close(leak.customers_planned, 3.0, "customers planned");
        assert_eq!(leak.average_revenue, Some(AVERAGE_REVENUE));
    }
    // (point, planned, achieved, customers at results, gained, revenue gained, advice)
    let expected = [
        // The top: 25,000 against 25,000: 3 × 1 = 3; gained 0.
        (
            Point::Top,
            25_000.0,
            25_000.0,
            3.0,
            0.0,
            0.0,
            Advice::Traffic,
        ),
        // Visits → leads: 3 × 0.02 ÷ 0.015 = 4; gained +1; +1,100,000.
        (
            Point::Rate { from: 0 },
            0.015,
            0.02,
            4.0,
            1.0,
            1_100_000.0,
            Advice::LeadCapture,
        ),
        // Leads → MQLs: 3 × 0.12 ÷ 0.2 = 1.8; gained −1.2; −1.2 × 1,100,000 = −1,320,000.
        (
            Point::Rate { from: 1 },
            0.2,
            0.12,
            1.8,
            -1.2,
            -1_320_000.0,
            Advice::LeadCapture,
        ),
        // MQLs → SQLs: 3 × 0.2 ÷ 0.2 = 3; gained 0.
        (
            Point::Rate { from: 2 },
            0.2,
            0.2,
            3.0,
            0.0,
            0.0,
            Advice::Nurturing,
        ),
        // SQLs → opportunities: 3 × (1/3) ÷ 0.4 = 2.5; gained −0.5; −550,000.
        (
            Point::Rate { from: 3 },
            0.4,
            1.0 / 3.0,
            2.5,
            -0.5,
            -550_000.0,
            Advice::BottomOfFunnelOffers,
        ),
        // Opportunities → customers: 3 × 0.25 ÷ 0.5 = 1.5; gained −1.5; −1,650,000.
        (
            Point::Rate { from: 4 },
            0.5,
            0.25,
            1.5,
            -1.5,
            -1_650_000.0,
            Advice::SalesProcess,
        ),
    ];
    for (point, planned, achieved, at_results, gained, revenue, advice) in expected {
        let leak = leak_at(&leaks, point);
        let what = format!("{point:?}");
        assert_close(leak.planned, planned, &format!("{what} planned"));
        assert_close(leak.achieved, achieved, &format!("{what} achieved"));
        assert_close(
            leak.customers_at_results,
            at_results,
            &format!("{what} at results"),
        );
        assert_close(leak.customers_gained(), gained, &format!("{what} gained"));
        assert_some_close(
            leak.revenue_gained(),
            revenue,
            &format!("{what} revenue gained"),
        );
        assert_eq!(leak.advice, advice, "{what}");
    }
}

#[test]
fn leaks_rank_by_revenue_lost_largest_loss_first_and_gain_last() {
    let (_, standing) = standing_of(&rates_off_plan(), None);
    let leaks = diagnose(&standing, Some(AVERAGE_REVENUE));
    let points: Vec<Point> = leaks.iter().map(|leak| leak.point).collect();
    // −1,650,000 (opportunities → customers), −1,320,000 (leads → MQLs), −550,000 (SQLs →
    // opportunities), then the two at plan (0, in either order: float noise), then
    // +1,100,000 (visits → leads).
    assert_eq!(points[0], Point::Rate { from: 4 });
    assert_eq!(points[1], Point::Rate { from: 1 });
    assert_eq!(points[2], Point::Rate { from: 3 });
    assert!(points[3..5].contains(&Point::Top));
    assert!(points[3..5].contains(&Point::Rate { from: 2 }));
    assert_eq!(points[5], Point::Rate { from: 0 });
    assert!(leaks[..3].iter().all(Leak::is_loss));
    assert!(!leaks[5].is_loss());
}

#[test]
fn the_lowest_rate_is_not_the_leak_when_it_beats_its_plan() {
    let (_, standing) = standing_of(&rates_off_plan(), None);
    let leaks = diagnose(&standing, Some(AVERAGE_REVENUE));
    // Visits → leads at 2 % is the lowest rate achieved (2 % < 12 % < 20 % < 25 % < 33 %),
    // but it beats its 1.5 %: 3 × 0.02 ÷ 0.015 = 4 customers, one more than planned.
    let lowest = leaks
        .iter()
        .filter(|leak| matches!(leak.point, Point::Rate { .. }))
        .min_by(|a, b| a.achieved.total_cmp(&b.achieved))
        .expect("rates");
    assert_eq!(lowest.point, Point::Rate { from: 0 });
    assert!(!lowest.is_loss());
    assert_eq!(leaks.last().map(|leak| leak.point), Some(lowest.point));
    // The largest loss is a rate of 25 %, half its 50 %.
    assert_eq!(leaks[0].point, Point::Rate { from: 4 });
}

#[test]
fn without_an_average_revenue_leaks_have_customers_but_no_revenue() {
    let (_, standing) = standing_of(&rates_off_plan(), None);
    let leaks = diagnose(&standing, None);
    assert_eq!(leaks[0].point, Point::Rate { from: 4 });
    // 1.5 − 3 = −1.5 customers, and no money figure.
    assert_close(leaks[0].customers_gained(), -1.5, "gained");
    assert_eq!(leaks[0].revenue_gained(), None);
}

#[test]
fn a_diagnosis_before_any_result_is_empty() {
    let (_, standing) = standing_of(&worked_example(), None);
    assert_eq!(diagnose(&standing, Some(AVERAGE_REVENUE)), Vec::new());
}

// ---------------------------------------------------------------------------------------------
// 6. Reading typed results
// ---------------------------------------------------------------------------------------------

fn example_ids() -> Vec<StageId> {
    example().stage_ids()
}

#[test]
fn a_cell_that_does_not_read_is_listed_and_counts_as_not_entered() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(0, stage(LEADS)), "12abc".to_owned());
    draft.set_text(at(1, stage(LEADS)), "-5".to_owned());
    draft.set_text(at(2, stage(LEADS)), "10.000".to_owned());
    draft.set_text(at(3, stage(LEADS)), "100".to_owned());
    let (actuals, mut errors) = draft.check(&example_ids(), &[], EN);
    errors.sort_by_key(|error| error.at.month);
    assert_eq!(
        errors,
        vec![
            CellError {
                at: at(0, stage(LEADS)),
                error: InputError::NotANumber,
            },
            CellError {
                at: at(1, stage(LEADS)),
                error: InputError::Negative,
            },
            // Ten thousand or ten: 10.000 reads both ways.
            CellError {
                at: at(2, stage(LEADS)),
                error: InputError::AmbiguousThousands {
                    whole: 10_000,
                    decimals: 10,
                },
            },
        ]
    );
    assert_eq!(&actuals.stages[1][..4], &[None, None, None, Some(100.0)]);
    assert_eq!(actuals.last_month(), Some(3));
}

#[test]
fn cells_of_stages_channels_or_months_the_plan_does_not_have_are_ignored() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(0, stage(StageId(99))), "not even a number".to_owned());
    draft.set_text(channel_at(0, stage(LEADS), 7), "50".to_owned());
    draft.set_text(at(12, stage(LEADS)), "50".to_owned());
    draft.set_text(at(0, stage(LEADS)), "100".to_owned());
    let (actuals, errors) = draft.check(&example_ids(), &[ChannelId(1)], EN);
    assert_eq!(errors, Vec::new());
    // Only the whole plan's 100 counts: the unknown channel's 50 is not added to it.
    assert_eq!(actuals.stages[1][0], Some(100.0));
    assert_eq!(actuals.summed, Vec::new());
    assert_eq!(actuals.stages.len(), 6);
    assert_eq!(actuals.last_month(), Some(0));
}

#[test]
fn channel_results_are_summed_and_replace_the_whole_plan_cell() {
    let mut draft = TrackingDraft::default();
    let channels = [ChannelId(1), ChannelId(2)];
    // Month 0 leads: 60 + 40 = 100 from the channels; the 999 typed for the plan is not used.
    draft.set_text(channel_at(0, stage(LEADS), 1), "60".to_owned());
    draft.set_text(channel_at(0, stage(LEADS), 2), "40".to_owned());
    draft.set_text(at(0, stage(LEADS)), "999".to_owned());
    // Month 1 leads: only the plan's own 80.
    draft.set_text(at(1, stage(LEADS)), "80".to_owned());
    // Month 0 spend: one channel's 1,500 alone.
    draft.set_text(channel_at(0, Row::Spend, 2), "1,500".to_owned());
    let (actuals, errors) = draft.check(&example_ids(), &channels, EN);
    assert_eq!(errors, Vec::new());
    assert_eq!(actuals.stages[1][0], Some(100.0));
    assert_eq!(actuals.stages[1][1], Some(80.0));
    assert_eq!(actuals.spend[0], Some(1_500.0));
    assert!(actuals.is_summed(0, stage(LEADS)));
    assert!(actuals.is_summed(0, Row::Spend));
    assert!(!actuals.is_summed(1, stage(LEADS)));
    assert_eq!(actuals.summed.len(), 2);
    // The plan's own text is kept, only not used.
    assert_eq!(draft.text(at(0, stage(LEADS))), "999");
}

/// A whole-plan cell that the channels' sum replaces is not used (the grid shows the sum
/// instead of an input, see `Actuals::summed`): a typo in its own text is not listed as an
/// error, since the person cannot see or mend it there.
#[test]
fn a_whole_plan_cell_replaced_by_the_channels_sum_raises_no_error() {
    let mut draft = TrackingDraft::default();
    draft.set_text(channel_at(0, stage(LEADS), 1), "50".to_owned());
    draft.set_text(at(0, stage(LEADS)), "abc".to_owned());
    let (actuals, errors) = draft.check(&example_ids(), &[ChannelId(1)], EN);
    // The channel's 50 alone is the month's result.
    assert_eq!(actuals.stages[1][0], Some(50.0));
    assert!(actuals.is_summed(0, stage(LEADS)));
    assert_eq!(errors, Vec::new());
}

#[test]
fn results_typed_in_polish_read_with_polish_symbols() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(0, stage(VISITS)), "1 250,5".to_owned());
    draft.set_text(at(1, stage(VISITS)), "1250,5".to_owned());
    draft.set_text(at(2, stage(VISITS)), "12 500".to_owned());
    draft.set_text(at(0, Row::Revenue), "1 100 000".to_owned());
    draft.set_text(at(3, stage(VISITS)), "1,250.5".to_owned());
    let (actuals, errors) = draft.check(&example_ids(), &[], NumberSymbols::POLISH);
    assert_eq!(
        &actuals.stages[0][..4],
        &[Some(1_250.5), Some(1_250.5), Some(12_500.0), None]
    );
    assert_eq!(actuals.revenue[0], Some(1_100_000.0));
    // English "1,250.5" is not a Polish number.
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, at(3, stage(VISITS)));
}

#[test]
fn the_last_month_counts_spend_and_revenue_too() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(1, stage(VISITS)), "100".to_owned());
    draft.set_text(at(5, Row::Spend), "100".to_owned());
    let (actuals, _) = draft.check(&example_ids(), &[], EN);
    assert_eq!(actuals.last_month(), Some(5));
}

/// A cell of only spaces is kept as typed by `set_text` (nothing typed is lost) but counts as
/// not entered, as every blank field of the model does (`PlanDraft::current_top` trims too).
#[test]
fn a_cell_of_only_spaces_counts_as_not_entered() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(0, stage(VISITS)), "  ".to_owned());
    let (actuals, errors) = draft.check(&example_ids(), &[], EN);
    assert_eq!(actuals.stages[0][0], None);
    assert_eq!(errors, Vec::new());
}

// ---------------------------------------------------------------------------------------------
// 7. Pasting a block
// ---------------------------------------------------------------------------------------------

/// Columns of the worked example's grid: 6 stages, the spend and the revenue.
const COLUMNS: usize = 8;

fn cell(month: usize, column: usize, text: &str) -> (usize, usize, String) {
    (month, column, text.to_owned())
}

#[test]
fn a_pasted_block_fills_from_its_month_and_column_skipping_empty_cells() {
    // Two lines with Windows line ends; the second has an empty cell in the middle.
    let pasted = paste("6,000\t90\r\n6,500\t\t20\r\n", 2, 1, COLUMNS, EN);
    assert_eq!(
        pasted.filled,
        vec![
            cell(2, 1, "6,000"),
            cell(2, 2, "90"),
            cell(3, 1, "6,500"),
            cell(3, 3, "20"),
        ]
    );
    assert_eq!(pasted.refused, Vec::new());
}

#[test]
fn a_pasted_cell_that_is_not_a_number_or_outside_the_grid_is_refused_where_it_is() {
    // From month 10, column 6 (the spend): line 1 is month 10, line 2 month 11, line 3 month 12
    // (outside); column 6 + 2 = 8 is outside the 8 columns.
    let text = "100\tabc\t5\n200\t300\n400";
    let pasted = paste(text, 10, 6, COLUMNS, EN);
    assert_eq!(
        pasted.filled,
        vec![cell(10, 6, "100"), cell(11, 6, "200"), cell(11, 7, "300")]
    );
    assert_eq!(
        pasted.refused,
        vec![cell(10, 7, "abc"), cell(10, 8, "5"), cell(12, 6, "400")]
    );
}

#[test]
fn a_pasted_block_reads_in_the_plans_number_format() {
    let pasted = paste("1 250,5\t1,5\n-3\t", 0, 0, COLUMNS, NumberSymbols::POLISH);
    assert_eq!(
        pasted.filled,
        vec![cell(0, 0, "1 250,5"), cell(0, 1, "1,5")]
    );
    // A negative result is refused.
    assert_eq!(pasted.refused, vec![cell(1, 0, "-3")]);
}

#[test]
fn a_block_has_a_tab_or_a_line_break_inside_it() {
    assert!(!is_block("1,250"));
    assert!(!is_block("1,250\n"));
    assert!(!is_block("1,250\r\n"));
    assert!(is_block("1\t2"));
    assert!(is_block("1\n2"));
    assert!(is_block("1\r\n2\r\n"));
}

// ---------------------------------------------------------------------------------------------
// 8. The plan year
// ---------------------------------------------------------------------------------------------

#[test]
fn a_plan_year_needs_a_month_1_to_12_and_a_year_1970_to_9998() {
    assert_eq!(PlanYear::new(2027, 0), None);
    assert_eq!(PlanYear::new(2027, 13), None);
    assert_eq!(PlanYear::new(1969, 1), None);
    assert_eq!(PlanYear::new(9999, 1), None);
    let first = PlanYear::new(1970, 1).expect("the earliest");
    assert_eq!((first.year(), first.month()), (1970, 1));
    let last = PlanYear::new(9998, 12).expect("the latest");
    assert_eq!((last.year(), last.month()), (9998, 12));
}

#[test]
fn a_plan_year_starting_in_april_runs_into_the_next_calendar_year() {
    let year = PlanYear::new(2027, 4).expect("April 2027");
    // Month 0 is April 2027; 8 is April + 8 = December 2027; 9 is January 2028; 11 is March
    // 2028, the last; 12 would be April 2028 again.
    assert_eq!(year.calendar(0), (2027, 4));
    assert_eq!(year.calendar(8), (2027, 12));
    assert_eq!(year.calendar(9), (2028, 1));
    assert_eq!(year.calendar(11), (2028, 3));
    assert_eq!(year.calendar(12), (2028, 4));
}

#[test]
fn a_january_plan_year_is_clamped_into_range() {
    assert_eq!(
        PlanYear::january(2026),
        PlanYear::new(2026, 1).expect("in range")
    );
    assert_eq!(
        PlanYear::january(1900),
        PlanYear::new(1970, 1).expect("in range")
    );
    assert_eq!(
        PlanYear::january(12_000),
        PlanYear::new(9998, 1).expect("in range")
    );
    // Until a start is set the plan year is January of the current year (before October).
    let mut draft = TrackingDraft::default();
    let march_2026 = Month {
        year: 2026,
        month: 3,
    };
    assert_eq!(draft.plan_year(march_2026), PlanYear::january(2026));
    draft.start = PlanYear::new(2027, 4);
    assert_eq!(
        draft.plan_year(march_2026),
        PlanYear::new(2027, 4).expect("April")
    );
}

#[test]
fn from_october_a_new_plan_is_for_next_year() {
    let on = |year, month| PlanYear::default_on(Month { year, month });
    // January to September 2026: the plan year 2026. October to December: 2027.
    assert_eq!(on(2026, 1), PlanYear::january(2026));
    assert_eq!(on(2026, 9), PlanYear::january(2026));
    assert_eq!(on(2026, 10), PlanYear::january(2027));
    assert_eq!(on(2026, 12), PlanYear::january(2027));
    assert_eq!(
        TrackingDraft::default().plan_year(Month {
            year: 2026,
            month: 12
        }),
        PlanYear::january(2027)
    );
}

#[test]
fn months_around_the_plan_year_and_the_ones_already_past() {
    let april_2027 = PlanYear::new(2027, 4).expect("April");
    let month = |year, month| Month { year, month };
    // One month before: March 2027; the twelfth: March 2028; two years before: April 2025.
    assert_eq!(april_2027.month_at(-1), month(2027, 3));
    assert_eq!(april_2027.month_at(0), month(2027, 4));
    assert_eq!(april_2027.month_at(11), month(2028, 3));
    // And back: the offset of a month is the inverse of `month_at`.
    assert_eq!(april_2027.offset_of(month(2027, 3)), -1);
    assert_eq!(april_2027.offset_of(month(2028, 3)), 11);
    assert_eq!(april_2027.offset_of(month(2026, 12)), -4);
    assert_eq!(april_2027.month_at(-24), month(2025, 4));
    // On 10 June 2027, April and May are past; June (this month) is not.
    let today = month(2027, 6);
    assert!(april_2027.is_past(0, today));
    assert!(april_2027.is_past(1, today));
    assert!(!april_2027.is_past(2, today));
    assert!(april_2027.is_past(-1, today));
    assert!(!april_2027.is_past(11, today));
}

// ---------------------------------------------------------------------------------------------
// 9. Editing the typed results
// ---------------------------------------------------------------------------------------------

#[test]
fn setting_a_cell_to_empty_removes_it() {
    let mut draft = TrackingDraft::default();
    assert!(!draft.has_results());
    draft.set_text(at(0, stage(LEADS)), "90".to_owned());
    draft.set_text(at(0, stage(LEADS)), "95".to_owned());
    assert_eq!(draft.cells.len(), 1);
    assert_eq!(draft.text(at(0, stage(LEADS))), "95");
    assert!(draft.has_results());
    draft.set_text(at(0, stage(LEADS)), String::new());
    assert_eq!(draft.cells, Vec::new());
    assert_eq!(draft.text(at(0, stage(LEADS))), "");
    assert!(!draft.has_results());
    // Emptying a cell that was never typed changes nothing.
    draft.set_text(at(1, stage(LEADS)), String::new());
    assert_eq!(draft.cells, Vec::new());
}

#[test]
fn retyping_results_from_english_to_french_keeps_what_does_not_read() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(0, stage(VISITS)), "1,250.5".to_owned());
    draft.set_text(at(1, stage(VISITS)), "12abc".to_owned());
    draft.set_text(at(2, stage(VISITS)), "10.000".to_owned());
    draft.set_text(at(3, stage(VISITS)), "10.1250".to_owned());
    draft.focus[0][0] = "Landing pages 1.5".to_owned();
    draft.retype(NumberSymbols::ENGLISH, NumberSymbols::FRENCH);
    // 1,250.5 is 1 250,5 in French (a space between groups, a comma before the decimals).
    assert_eq!(draft.text(at(0, stage(VISITS))), "1 250,5");
    // Not a number, or ambiguous (ten thousand or ten): kept as typed.
    assert_eq!(draft.text(at(1, stage(VISITS))), "12abc");
    assert_eq!(draft.text(at(2, stage(VISITS))), "10.000");
    // 10.125 would be "10,125" in French, ten thousand to an English eye: written "10,1250".
    assert_eq!(draft.text(at(3, stage(VISITS))), "10,1250");
    // Focus areas are words.
    assert_eq!(draft.focus[0][0], "Landing pages 1.5");
}

#[test]
fn a_plan_shown_in_polish_retypes_its_results() {
    let mut draft = worked_example();
    draft
        .tracking
        .set_text(at(0, stage(VISITS)), "12,500.5".to_owned());
    let polish = draft.retyped(Lang::Polish);
    assert_eq!(polish.tracking.text(at(0, stage(VISITS))), "12 500,5");
}

#[test]
fn forgetting_a_stage_or_a_channel_drops_only_its_results() {
    let mut draft = TrackingDraft::default();
    draft.set_text(at(0, stage(LEADS)), "90".to_owned());
    draft.set_text(channel_at(0, stage(LEADS), 1), "50".to_owned());
    draft.set_text(channel_at(0, stage(MQLS), 1), "10".to_owned());
    draft.set_text(channel_at(0, stage(MQLS), 2), "8".to_owned());
    draft.set_text(at(0, Row::Spend), "9,000".to_owned());
    draft.forget_channel(ChannelId(1));
    assert_eq!(draft.text(channel_at(0, stage(LEADS), 1)), "");
    assert_eq!(draft.text(channel_at(0, stage(MQLS), 1)), "");
    assert_eq!(draft.text(channel_at(0, stage(MQLS), 2)), "8");
    assert_eq!(draft.text(at(0, stage(LEADS))), "90");
    draft.forget_stage(MQLS);
    assert_eq!(draft.text(channel_at(0, stage(MQLS), 2)), "");
    assert_eq!(draft.text(at(0, stage(LEADS))), "90");
    assert_eq!(draft.text(at(0, Row::Spend)), "9,000");
    assert_eq!(draft.cells.len(), 2);
}

#[test]
fn removing_a_stage_from_the_plan_drops_its_results() {
    let mut draft = worked_example_with_four_months();
    draft.remove_stage(MQLS).expect("six stages may lose one");
    for month in 0..4 {
        assert_eq!(draft.tracking.text(at(month, stage(MQLS))), "");
    }
    assert_eq!(draft.tracking.text(at(0, stage(LEADS))), "90");
    assert_eq!(draft.tracking.text(at(0, stage(SQLS))), "4");
    // The five stages left read as five series.
    let (actuals, errors) = draft.tracking.check(&draft.stage_ids(), &[], EN);
    assert_eq!(errors, Vec::new());
    assert_eq!(actuals.stages.len(), 5);
    assert_eq!(actuals.stages[2][0], Some(4.0));
}

#[test]
fn removing_a_channel_from_the_plan_drops_its_results() {
    let mut draft = worked_example();
    let channel = draft
        .marketing
        .add_channel("Email")
        .expect("a first channel");
    draft
        .tracking
        .set_text(channel_at(0, stage(LEADS), channel.0), "50".to_owned());
    draft
        .tracking
        .set_text(at(0, stage(LEADS)), "90".to_owned());
    draft.remove_channel(channel);
    assert_eq!(
        draft.tracking.text(channel_at(0, stage(LEADS), channel.0)),
        ""
    );
    assert_eq!(draft.tracking.text(at(0, stage(LEADS))), "90");
}

// ---------------------------------------------------------------------------------------------
// 10. Two tabs
// ---------------------------------------------------------------------------------------------

fn with_result(month: usize, row: Row, text: &str) -> PlanDraft {
    let mut draft = worked_example();
    draft.tracking.set_text(at(month, row), text.to_owned());
    draft
}

#[test]
fn results_typed_in_two_tabs_in_different_cells_both_survive() {
    let base = worked_example();
    let mine = with_result(0, stage(LEADS), "90");
    let theirs = with_result(1, stage(LEADS), "100");
    let merged = merge(&base, &mine, &theirs).expect("different cells");
    assert_eq!(merged.tracking.text(at(0, stage(LEADS))), "90");
    assert_eq!(merged.tracking.text(at(1, stage(LEADS))), "100");
    assert_eq!(merged.tracking.cells.len(), 2);
}

#[test]
fn the_same_cell_typed_differently_in_two_tabs_is_a_clash() {
    let base = worked_example();
    let mine = with_result(0, stage(LEADS), "90");
    let theirs = with_result(0, stage(LEADS), "95");
    assert_eq!(merge(&base, &mine, &theirs), None);
    // The same text in both is no clash.
    let same = merge(&base, &mine, &mine.clone()).expect("the same text");
    assert_eq!(same.tracking.text(at(0, stage(LEADS))), "90");
}

#[test]
fn a_result_cleared_in_one_tab_stays_cleared() {
    let base = with_result(0, stage(LEADS), "90");
    let mine = worked_example();
    let theirs = base.clone();
    let merged = merge(&base, &mine, &theirs).expect("only this tab changed it");
    assert_eq!(merged.tracking.text(at(0, stage(LEADS))), "");
    assert!(!merged.tracking.has_results());
}

#[test]
fn a_result_typed_in_a_tab_shown_in_polish_merges_in_this_tabs_format() {
    let base = worked_example();
    let mine = with_result(0, stage(LEADS), "90");
    let theirs = with_result(1, stage(VISITS), "12,500.5").retyped(Lang::Polish);
    assert_eq!(theirs.tracking.text(at(1, stage(VISITS))), "12 500,5");
    let merged = merge(&base, &mine, &theirs).expect("different cells");
    assert_eq!(merged.tracking.text(at(1, stage(VISITS))), "12,500.5");
    assert_eq!(merged.tracking.text(at(0, stage(LEADS))), "90");
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

fn any_series() -> impl Strategy<Value = Series> {
    prop::array::uniform12(prop::option::of(0.0f64..1e9))
}

proptest! {
    /// Whatever the two numbers (NaN, infinities, 0, negatives), a ratio is a finite number or
    /// no figure at all.
    #[test]
    fn a_ratio_is_finite_or_none(part in any::<f64>(), whole in any::<f64>()) {
        if let Some(value) = ratio(part, whole) {
            prop_assert!(value.is_finite());
            prop_assert!(whole > 0.0);
        }
    }

    /// For non-negative results and targets, no figure of a standing is negative or NaN, and
    /// the projection never falls below what is already reached.
    #[test]
    fn a_standing_is_never_negative_or_nan(year_target in 0.0f64..1e12, actual in any_series()) {
        let last = actual.iter().rposition(Option::is_some);
        let standing = Standing::new(year_target, actual, last);
        for figure in [
            standing.pace(),
            standing.reached(),
            Some(standing.remaining()),
            Some(standing.beyond_target()),
            standing.run_rate(),
            standing.projection(),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(figure.is_finite() && figure >= 0.0, "{}", figure);
        }
        if let Some(projection) = standing.projection() {
            prop_assert!(projection >= standing.actual_to_date);
        }
        let entered = standing.actual.iter().flatten().count();
        prop_assert_eq!(standing.months_left, MONTHS - entered);
    }

    /// Whatever results the worked example gets, its diagnosis is made of finite figures, the
    /// largest loss first.
    #[test]
    fn a_diagnosis_is_finite_and_ranked(series in prop::collection::vec(any_series(), 6)) {
        let draft = worked_example();
        let plan = draft.validate(EN).expect("valid");
        let targets = reverse(&plan).expect("computes");
        let actuals = Actuals {
            stages: series,
            spend: [None; MONTHS],
            revenue: [None; MONTHS],
            summed: Vec::new(),
        };
        let standing = YearStanding::new(&targets, plan.funnel.rates(), None, &actuals);
        let leaks = diagnose(&standing, Some(AVERAGE_REVENUE));
        for leak in &leaks {
            prop_assert!(leak.customers_planned.is_finite() && leak.customers_planned >= 0.0);
            prop_assert!(leak.customers_at_results.is_finite() && leak.customers_at_results >= 0.0);
            prop_assert!(leak.revenue_gained().is_some_and(f64::is_finite));
        }
        for pair in leaks.windows(2) {
            prop_assert!(pair[0].customers_gained() <= pair[1].customers_gained());
        }
    }
}

#[test]
fn a_month_is_written_as_a_spreadsheet_reads_it() {
    // April 2027 and, eleven months on, March 2028; a year below 1000 keeps four digits.
    let april_2027 = PlanYear::new(2027, 4).expect("April");
    assert_eq!(april_2027.month_at(0).code(), "2027-04");
    assert_eq!(april_2027.month_at(11).code(), "2028-03");
    assert_eq!(
        Month {
            year: 999,
            month: 1
        }
        .code(),
        "0999-01"
    );
}
