//! The funnel engine against the worked example of the source article (seeds/000), computed by
//! hand, and its invariants as property tests.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::number::{format_needed, whole_needed, NumberSymbols};
use funnel_planner::model::{forward, reverse, Funnel, Gap, Goal, Period, Plan, Rate, Source};
use proptest::prelude::*;

const EN: NumberSymbols = NumberSymbols::ENGLISH;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: got {actual}, expected {expected}"
    );
}

/// The worked example's funnel: Visits →1.5 % Leads →20 % MQLs →20 % SQLs →40 % Opportunities
/// →50 % Customers.
fn example_funnel() -> Funnel {
    let stages = [
        ("Visits", 1.5),
        ("Leads", 20.0),
        ("MQLs", 20.0),
        ("SQLs", 40.0),
        ("Opportunities", 50.0),
    ]
    .into_iter()
    .map(|(name, percent)| {
        (
            name.to_owned(),
            Some(Rate::from_percent(percent).expect("example rates are valid")),
        )
    })
    .chain([("Customers".to_owned(), None)])
    .collect();
    Funnel::new(stages).expect("six stages are allowed")
}

fn plan(goal: Goal) -> Plan {
    Plan {
        name: "Example".to_owned(),
        goal,
        average_revenue_per_customer: Some(1_100_000.0),
        funnel: example_funnel(),
    }
}

fn per_month(plan: &Plan) -> Vec<f64> {
    let targets = reverse(plan).expect("the example computes");
    targets
        .stages
        .iter()
        .map(|stage| stage.per(Period::Month))
        .collect()
}

#[test]
fn reverse_from_nine_customers_a_year_matches_the_article() {
    // 9 customers a year ÷ 12 = 0.75 a month; 0.75 ÷ 50 % = 1.5 opportunities;
    // 1.5 ÷ 40 % = 3.75 SQLs; 3.75 ÷ 20 % = 18.75 MQLs; 18.75 ÷ 20 % = 93.75 leads;
    // 93.75 ÷ 1.5 % = 6,250 visits.
    let expected = [6_250.0, 93.75, 18.75, 3.75, 1.5, 0.75];
    for (actual, expected) in per_month(&plan(Goal::NewCustomers(9.0)))
        .into_iter()
        .zip(expected)
    {
        assert_close(actual, expected, "per month");
    }
}

#[test]
fn reverse_per_quarter_and_per_year() {
    // Per year: 9 customers, 18 opportunities, 45 SQLs, 225 MQLs, 1,125 leads, 75,000 visits;
    // per quarter a quarter of that: 2.25, 4.5, 11.25, 56.25, 281.25, 18,750.
    let targets = reverse(&plan(Goal::NewCustomers(9.0))).expect("computes");
    let per_year: Vec<f64> = targets
        .stages
        .iter()
        .map(|stage| stage.per(Period::Year))
        .collect();
    let per_quarter: Vec<f64> = targets
        .stages
        .iter()
        .map(|stage| stage.per(Period::Quarter))
        .collect();
    for (actual, expected) in per_year
        .into_iter()
        .zip([75_000.0, 1_125.0, 225.0, 45.0, 18.0, 9.0])
    {
        assert_close(actual, expected, "per year");
    }
    for (actual, expected) in per_quarter
        .into_iter()
        .zip([18_750.0, 281.25, 56.25, 11.25, 4.5, 2.25])
    {
        assert_close(actual, expected, "per quarter");
    }
    // Revenue from a customers goal: 9 × 1,100,000 = 9,900,000 a year.
    assert_close(
        targets.revenue_per_year.unwrap_or(0.0),
        9_900_000.0,
        "revenue",
    );
}

#[test]
fn visits_that_are_6250_plus_float_noise_display_as_6250() {
    // 93.75 ÷ 0.015 is 6,250.000000000001 in binary floating point; a person must see 6,250.
    let visits = per_month(&plan(Goal::NewCustomers(9.0)))[0];
    assert_eq!(format_needed(visits, EN), "6,250");
    assert_eq!(whole_needed(visits), 6_250.0);
}

#[test]
fn reverse_from_revenue_shows_small_needs_with_decimals_rounded_up() {
    // 10,000,000 ÷ 1,100,000 = 9.0909… customers a year: below 10, shown with two decimals
    // rounded up, 9.10 → "9.1" (never 9.09, which would be below the need).
    let targets = reverse(&plan(Goal::Revenue(10_000_000.0))).expect("computes");
    let customers = targets.customers().expect("has a bottom stage");
    assert_close(customers.per_year, 10_000_000.0 / 1_100_000.0, "customers");
    assert_eq!(format_needed(customers.per_year, EN), "9.1");
    // Per month 9.0909 ÷ 12 = 0.7575… → 0.76.
    assert_eq!(format_needed(customers.per(Period::Month), EN), "0.76");
    // Visits a year: 9.0909 ÷ 0.5 ÷ 0.4 ÷ 0.2 ÷ 0.2 ÷ 0.015 = 75,757.5757… → 75,758.
    let visits = targets.top().expect("has a top stage");
    assert_close(visits.per_year, 75_757.575_757_575_76, "visits");
    assert_eq!(format_needed(visits.per_year, EN), "75,758");
    assert_eq!(targets.revenue_per_year, Some(10_000_000.0));
}

#[test]
fn every_target_says_how_it_was_calculated() {
    let targets = reverse(&plan(Goal::Revenue(10_000_000.0))).expect("computes");
    assert_eq!(
        targets.customers().map(|stage| &stage.source),
        Some(&Source::RevenueGoal {
            revenue_per_year: 10_000_000.0,
            average_revenue_per_customer: 1_100_000.0
        })
    );
    // Opportunities = customers ÷ the Opportunities → Customers rate (50 %).
    let opportunities = &targets.stages[4];
    match &opportunities.source {
        Source::NextStage {
            next_name,
            next_per_year,
            rate,
        } => {
            assert_eq!(next_name, "Customers");
            assert_close(*next_per_year, 10_000_000.0 / 1_100_000.0, "next");
            assert_eq!(rate.percent(), 50.0);
            assert_close(opportunities.per_year, next_per_year / 0.5, "opportunities");
        }
        other => panic!("unexpected source {other:?}"),
    }
    let from_customers_goal = reverse(&plan(Goal::NewCustomers(9.0))).expect("computes");
    assert_eq!(
        from_customers_goal.customers().map(|stage| &stage.source),
        Some(&Source::NewCustomersGoal)
    );
}

#[test]
fn forward_from_6000_visits_matches_the_article() {
    // 6,000 × 1.5 % = 90 leads; × 20 % = 18 MQLs; × 20 % = 3.6 SQLs; × 40 % = 1.44
    // opportunities; × 50 % = 0.72 customers a month.
    let check = forward(&plan(Goal::Revenue(10_000_000.0)), 6_000.0).expect("computes");
    let yields: Vec<f64> = check.stages.iter().map(|stage| stage.per_month).collect();
    for (actual, expected) in yields
        .into_iter()
        .zip([6_000.0, 90.0, 18.0, 3.6, 1.44, 0.72])
    {
        assert_close(actual, expected, "per month");
    }
    // 0.72 × 12 = 8.64 customers a year; revenue 0.72 × 1,100,000 = 792,000 a month, 9,504,000 a year.
    assert_close(check.customers_per_year, 8.64, "customers a year");
    assert_close(
        check.revenue_per_month.unwrap_or(0.0),
        792_000.0,
        "revenue a month",
    );
    assert_close(
        check.revenue_per_year.unwrap_or(0.0),
        9_504_000.0,
        "revenue a year",
    );
    // The goal needs 75,757.58 ÷ 12 = 6,313.13 visits a month: 313.13 more than 6,000.
    // Missing: 9.0909 − 8.64 = 0.4509 customers and 10,000,000 − 9,504,000 = 496,000 revenue.
    match check.gap {
        Gap::Short {
            top_per_month,
            customers_per_year,
            revenue_per_year,
        } => {
            assert_close(
                top_per_month,
                75_757.575_757_575_76 / 12.0 - 6_000.0,
                "more visits",
            );
            assert_close(customers_per_year, 10.0 / 1.1 - 8.64, "missing customers");
            assert_close(
                revenue_per_year.unwrap_or(0.0),
                496_000.0,
                "missing revenue",
            );
        }
        Gap::Met { .. } => panic!("6,000 visits do not meet the goal"),
    }
}

#[test]
fn forward_gap_against_nine_customers() {
    // Needed: 6,250 visits a month. 7,000 leaves 750 to spare; 6,250 exactly meets the goal
    // (within float noise); 6,000 is 250 short.
    let goal = plan(Goal::NewCustomers(9.0));
    match forward(&goal, 7_000.0).expect("computes").gap {
        Gap::Met {
            spare_top_per_month,
        } => assert_close(spare_top_per_month, 750.0, "spare"),
        Gap::Short { .. } => panic!("7,000 meets 6,250"),
    }
    assert!(matches!(
        forward(&goal, 6_250.0).expect("computes").gap,
        Gap::Met { .. }
    ));
    match forward(&goal, 6_000.0).expect("computes").gap {
        Gap::Short { top_per_month, .. } => assert_close(top_per_month, 250.0, "short"),
        Gap::Met { .. } => panic!("6,000 is short of 6,250"),
    }
}

#[test]
fn forward_from_zero_visits_yields_nothing_and_the_whole_gap() {
    let check = forward(&plan(Goal::NewCustomers(9.0)), 0.0).expect("computes");
    assert!(check.stages.iter().all(|stage| stage.per_month == 0.0));
    match check.gap {
        Gap::Short {
            top_per_month,
            revenue_per_year,
            ..
        } => {
            assert_close(top_per_month, 6_250.0, "whole gap");
            assert_close(
                revenue_per_year.unwrap_or(0.0),
                9_900_000.0,
                "all revenue missing",
            );
        }
        Gap::Met { .. } => panic!("zero visits meet no goal"),
    }
}

#[test]
fn absurdly_small_rates_give_an_error_not_infinity() {
    // 1e15 customers through nine stages at 0.0001 % each would need 1e69 visits.
    let stages = (0..10)
        .map(|index| {
            (
                format!("Stage {index}"),
                Some(Rate::from_percent(0.0001).expect("valid")),
            )
        })
        .collect();
    let tiny = Plan {
        name: String::new(),
        goal: Goal::NewCustomers(1e15),
        average_revenue_per_customer: Some(1.0),
        funnel: Funnel::new(stages).expect("ten stages are allowed"),
    };
    assert!(reverse(&tiny).is_err());
    assert!(forward(&tiny, 1.0).is_err());
}

#[test]
fn funnel_needs_two_to_ten_stages() {
    let stages = |count: usize| {
        (0..count)
            .map(|index| (format!("S{index}"), Rate::from_percent(50.0).ok()))
            .collect::<Vec<_>>()
    };
    assert!(Funnel::new(stages(1)).is_err());
    assert!(Funnel::new(stages(2)).is_ok());
    assert!(Funnel::new(stages(10)).is_ok());
    assert!(Funnel::new(stages(11)).is_err());
    assert_eq!(Funnel::new(stages(3)).expect("valid").rates().len(), 2);
}

/// Any valid plan: 2–10 stages with rates in (0, 100] %, a goal and an average revenue in range.
fn any_plan() -> impl Strategy<Value = Plan> {
    (
        proptest::collection::vec(0.01f64..=100.0, 1..=9),
        prop_oneof![
            (1.0f64..1e9).prop_map(Goal::Revenue),
            (0.5f64..1e5).prop_map(Goal::NewCustomers)
        ],
        1.0f64..1e7,
    )
        .prop_map(|(percents, goal, average)| {
            let mut stages: Vec<(String, Option<Rate>)> = percents
                .iter()
                .enumerate()
                .map(|(index, percent)| {
                    (format!("Stage {index}"), Rate::from_percent(*percent).ok())
                })
                .collect();
            stages.push(("Customers".to_owned(), None));
            Plan {
                name: String::new(),
                goal,
                average_revenue_per_customer: Some(average),
                funnel: Funnel::new(stages).expect("2 to 10 stages"),
            }
        })
}

proptest! {
    /// Reverse then forward returns the goal: the top-of-funnel target, run forward, yields the
    /// customers and revenue the goal asked for (relative error < 1e-9).
    #[test]
    fn reverse_then_forward_returns_the_goal(plan in any_plan()) {
        let targets = reverse(&plan).expect("valid plans compute");
        let top = targets.top().expect("has a top").per(Period::Month);
        let check = forward(&plan, top).expect("valid plans compute");
        let relative = |a: f64, b: f64| (a - b).abs() / b.abs().max(f64::MIN_POSITIVE);
        prop_assert!(relative(check.customers_per_year, plan.customers_per_year()) < 1e-9);
        prop_assert!(relative(check.revenue_per_year.unwrap_or(0.0), plan.revenue_per_year().unwrap_or(1.0)) < 1e-9);
        let is_met = matches!(check.gap, Gap::Met { .. });
        prop_assert!(is_met, "the top target meets the goal");
    }

    /// Raising any one rate never raises any needed count.
    #[test]
    fn raising_a_rate_never_raises_a_target(plan in any_plan(), which in 0usize..9, raise in 0.0f64..=1.0) {
        let rates = plan.funnel.rates();
        let which = which % rates.len();
        let before = reverse(&plan).expect("computes");
        let stages: Vec<(String, Option<Rate>)> = plan.funnel.names().iter().enumerate().map(|(index, name)| {
            let rate = rates.get(index).map(|rate| {
                if index == which {
                    let percent = rate.percent() + raise * (100.0 - rate.percent());
                    Rate::from_percent(percent.min(100.0)).expect("still in range")
                } else {
                    *rate
                }
            });
            (name.clone(), rate)
        }).collect();
        let raised = Plan { funnel: Funnel::new(stages).expect("same count"), ..plan.clone() };
        let after = reverse(&raised).expect("computes");
        for (old, new) in before.stages.iter().zip(&after.stages) {
            prop_assert!(new.per_year <= old.per_year, "{} rose from {} to {}", old.name, old.per_year, new.per_year);
        }
    }

    /// Every target is finite and not negative, and rounds up to a whole number at least as big
    /// (within the tolerance).
    #[test]
    fn targets_are_finite_non_negative_and_round_up(plan in any_plan()) {
        let targets = reverse(&plan).expect("computes");
        for stage in &targets.stages {
            for period in Period::ALL {
                let value = stage.per(period);
                prop_assert!(value.is_finite() && value >= 0.0);
                let shown = whole_needed(value);
                prop_assert_eq!(shown, shown.trunc());
                prop_assert!(shown >= value * (1.0 - 1e-9));
                prop_assert!(shown < value + 1.0);
            }
        }
    }
}
