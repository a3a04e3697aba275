//! Which rates matter (headroom and the tornado) against the worked example of the source
//! article, computed by hand, and their invariants as property tests.
//!
//! The worked example: 10 customers a year, average revenue per new customer 1,100,000, rates
//! Visits → Leads 1.5 %, Leads → MQLs 20 %, MQLs → SQLs 20 %, SQLs → Opportunities 40 %,
//! Opportunities → Customers 50 %.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::forecast::sensitivity::{
    headroom, tornado, Better, Candidate, Headroom, Input, Swing,
};
use proptest::prelude::*;

const CUSTOMERS: f64 = 10.0;
const AVERAGE: f64 = 1_100_000.0;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: got {actual}, expected {expected}"
    );
}

fn assert_some_close(actual: Option<f64>, expected: f64, what: &str) {
    let actual = actual.unwrap_or_else(|| panic!("{what}: None, expected {expected}"));
    assert_close(actual, expected, what);
}

fn candidate(stage: usize, current: f64, better: f64, source: Better) -> Candidate {
    Candidate {
        stage,
        current,
        better,
        source,
    }
}

fn stages(gains: &[Headroom]) -> Vec<usize> {
    gains.iter().map(|gain| gain.stage).collect()
}

fn inputs(swings: &[Swing]) -> Vec<Input> {
    swings.iter().map(|swing| swing.input).collect()
}

#[test]
fn a_better_rate_only_by_float_noise_gains_nothing() {
    // Last year's rate a hair above the plan's 20 % by float noise (0.2000000000000002): the
    // gain 10 × 1e-15 is no row of "0.00000000000001 customers".
    let gains = headroom(
        CUSTOMERS,
        Some(AVERAGE),
        None,
        &[candidate(1, 0.2, 0.200_000_000_000_000_2, Better::LastYear)],
    );
    assert!(gains.is_empty(), "{gains:?}");
}

#[test]
fn leads_to_mqls_at_the_benchmark_top() {
    let gains = headroom(
        CUSTOMERS,
        Some(AVERAGE),
        Some(20_000.0),
        &[candidate(1, 0.20, 0.30, Better::BenchmarkTop)],
    );
    assert_eq!(gains.len(), 1);
    let gain = gains[0];
    assert_eq!(gain.stage, 1);
    assert_eq!(gain.current, 0.20);
    assert_eq!(gain.better, 0.30);
    assert_eq!(gain.source, Better::BenchmarkTop);
    // 10 × (0.30 ÷ 0.20 − 1) = 10 × 0.5 = 5 customers.
    assert_close(gain.customers_gained, 5.0, "customers");
    // 5 × 1,100,000 = 5,500,000.
    assert_some_close(gain.revenue_gained, 5_500_000.0, "revenue");
    // 5 × 20,000 = 100,000.
    assert_some_close(gain.cost_at_current_cac, 100_000.0, "cost at today's CAC");
}

#[test]
fn headroom_ranks_the_worked_example() {
    let candidates = [
        // SQLs → Opportunities: last year 36 % is below today's 40 %: no headroom there;
        // the benchmark top 50 %: 10 × (0.5 ÷ 0.4 − 1) = 10 × 0.25 = 2.5.
        candidate(3, 0.40, 0.36, Better::LastYear),
        candidate(3, 0.40, 0.50, Better::BenchmarkTop),
        // Opportunities → Customers: already at the benchmark top 50 %: left out.
        candidate(4, 0.50, 0.50, Better::BenchmarkTop),
        // MQLs → SQLs: benchmark top 25 %: 10 × (0.25 ÷ 0.20 − 1) = 2.5 (a tie with
        // SQLs → Opportunities: the top stage, 2, comes first).
        candidate(2, 0.20, 0.25, Better::BenchmarkTop),
        // Leads → MQLs: last year 25 %: 10 × (0.25 ÷ 0.20 − 1) = 2.5; benchmark top 30 %:
        // 10 × (0.30 ÷ 0.20 − 1) = 5, the larger, kept.
        candidate(1, 0.20, 0.25, Better::LastYear),
        candidate(1, 0.20, 0.30, Better::BenchmarkTop),
        // Visits → Leads: benchmark top 2.5 %: 10 × (0.025 ÷ 0.015 − 1) = 10 × 2/3 = 6.667.
        candidate(0, 0.015, 0.025, Better::BenchmarkTop),
    ];
    let gains = headroom(CUSTOMERS, Some(AVERAGE), None, &candidates);
    // By customers gained: 6.667 (stage 0), 5 (stage 1), 2.5 (stage 2), 2.5 (stage 3).
    assert_eq!(stages(&gains), vec![0, 1, 2, 3]);
    assert_close(gains[0].customers_gained, 20.0 / 3.0, "visits → leads");
    // 20/3 × 1,100,000 = 22,000,000 / 3 = 7,333,333.33.
    assert_some_close(
        gains[0].revenue_gained,
        22_000_000.0 / 3.0,
        "visits → leads revenue",
    );
    assert_close(gains[1].customers_gained, 5.0, "leads → MQLs");
    assert_eq!(gains[1].source, Better::BenchmarkTop);
    assert_eq!(gains[1].better, 0.30);
    assert_close(gains[2].customers_gained, 2.5, "MQLs → SQLs");
    // 2.5 × 1,100,000 = 2,750,000.
    assert_some_close(gains[2].revenue_gained, 2_750_000.0, "MQLs → SQLs revenue");
    assert_close(gains[3].customers_gained, 2.5, "SQLs → opportunities");
    assert_eq!(gains[3].source, Better::BenchmarkTop);
    // No cost per customer: no cost figure.
    assert!(gains.iter().all(|gain| gain.cost_at_current_cac.is_none()));
}

#[test]
fn last_year_is_kept_when_it_gains_more() {
    let gains = headroom(
        CUSTOMERS,
        None,
        Some(20_000.0),
        &[
            candidate(1, 0.20, 0.30, Better::BenchmarkTop),
            candidate(1, 0.20, 0.35, Better::LastYear),
        ],
    );
    assert_eq!(gains.len(), 1);
    assert_eq!(gains[0].source, Better::LastYear);
    // 10 × (0.35 ÷ 0.20 − 1) = 10 × 0.75 = 7.5 customers; 7.5 × 20,000 = 150,000.
    assert_close(gains[0].customers_gained, 7.5, "customers");
    assert_some_close(gains[0].cost_at_current_cac, 150_000.0, "cost");
    // No average revenue: no revenue figure.
    assert_eq!(gains[0].revenue_gained, None);
}

#[test]
fn equal_gains_for_one_stage_keep_the_first() {
    let gains = headroom(
        CUSTOMERS,
        None,
        None,
        &[
            candidate(2, 0.20, 0.30, Better::LastYear),
            candidate(2, 0.20, 0.30, Better::BenchmarkTop),
        ],
    );
    assert_eq!(gains.len(), 1);
    assert_eq!(gains[0].source, Better::LastYear);
}

#[test]
fn a_gain_in_relative_terms_is_the_same_at_every_stage() {
    // +50 % on any rate: 10 × 0.5 = 5 more customers, whichever the stage (0.015 → 0.0225,
    // 0.40 → 0.60). Ties rank the top stage first.
    let gains = headroom(
        CUSTOMERS,
        None,
        None,
        &[
            candidate(3, 0.40, 0.60, Better::BenchmarkTop),
            candidate(0, 0.015, 0.0225, Better::BenchmarkTop),
        ],
    );
    assert_eq!(stages(&gains), vec![0, 3]);
    for gain in &gains {
        assert_close(gain.customers_gained, 5.0, "customers");
    }
}

#[test]
fn unusable_candidates_are_left_out() {
    let gains = headroom(
        CUSTOMERS,
        Some(AVERAGE),
        None,
        &[
            // A rate of 0 (division by 0).
            candidate(0, 0.0, 0.02, Better::BenchmarkTop),
            // Above 100 %.
            candidate(1, 0.20, 1.5, Better::LastYear),
            // Not a number.
            candidate(2, f64::NAN, 0.3, Better::LastYear),
            candidate(3, 0.4, f64::INFINITY, Better::BenchmarkTop),
            // Worse than today.
            candidate(4, 0.5, 0.3, Better::LastYear),
        ],
    );
    assert!(gains.is_empty());
    assert!(headroom(CUSTOMERS, None, None, &[]).is_empty());
    // Customers per year not a count: nothing.
    assert!(headroom(
        f64::NAN,
        None,
        None,
        &[candidate(1, 0.2, 0.3, Better::BenchmarkTop)]
    )
    .is_empty());
    // 100 % is a rate: 10 × (1 ÷ 0.5 − 1) = 10.
    let gains = headroom(
        CUSTOMERS,
        None,
        None,
        &[candidate(4, 0.5, 1.0, Better::BenchmarkTop)],
    );
    assert_close(gains[0].customers_gained, 10.0, "to 100 %");
}

/// The worked example's tornado ranges.
fn example_ranges() -> Vec<(Input, f64, f64, f64)> {
    vec![
        (Input::Rate(0), 0.01, 0.015, 0.02),
        (Input::Rate(4), 0.45, 0.50, 0.55),
        (Input::AverageRevenue, 900_000.0, AVERAGE, 1_300_000.0),
        (Input::Rate(1), 0.15, 0.20, 0.30),
    ]
}

#[test]
fn tornado_of_the_worked_example_by_revenue() {
    let swings = tornado(CUSTOMERS, Some(AVERAGE), &example_ranges());
    // Revenue swings:
    // - Leads → MQLs 15 %–30 % around 20 %: customers 10 × 0.15 ÷ 0.20 = 7.5 to
    //   10 × 0.30 ÷ 0.20 = 15; revenue 7.5 × 1,100,000 = 8,250,000 to 15 × 1,100,000 =
    //   16,500,000; width 8,250,000.
    // - Visits → Leads 1 %–2 % around 1.5 %: customers 10 × 0.01 ÷ 0.015 = 6.667 to
    //   10 × 0.02 ÷ 0.015 = 13.333; revenue 7,333,333.33 to 14,666,666.67; width 7,333,333.33.
    // - Average revenue 900,000–1,300,000: customers 10 both; revenue 9,000,000 to
    //   13,000,000; width 4,000,000.
    // - Opportunities → Customers 45 %–55 % around 50 %: customers 9 to 11; revenue
    //   9,900,000 to 12,100,000; width 2,200,000.
    assert_eq!(
        inputs(&swings),
        vec![
            Input::Rate(1),
            Input::Rate(0),
            Input::AverageRevenue,
            Input::Rate(4)
        ]
    );
    let leads_to_mqls = swings[0];
    assert_eq!(
        (leads_to_mqls.low, leads_to_mqls.typed, leads_to_mqls.high),
        (0.15, 0.20, 0.30)
    );
    assert_close(leads_to_mqls.customers_low, 7.5, "leads → MQLs low");
    assert_close(leads_to_mqls.customers_high, 15.0, "leads → MQLs high");
    assert_some_close(
        leads_to_mqls.revenue_low,
        8_250_000.0,
        "leads → MQLs revenue low",
    );
    assert_some_close(
        leads_to_mqls.revenue_high,
        16_500_000.0,
        "leads → MQLs revenue high",
    );
    assert_some_close(
        leads_to_mqls.revenue_width(),
        8_250_000.0,
        "leads → MQLs width",
    );
    assert_close(
        leads_to_mqls.customers_width(),
        7.5,
        "leads → MQLs customers width",
    );

    let visits_to_leads = swings[1];
    assert_close(
        visits_to_leads.customers_low,
        20.0 / 3.0,
        "visits → leads low",
    );
    assert_close(
        visits_to_leads.customers_high,
        40.0 / 3.0,
        "visits → leads high",
    );
    // 20/3 × 1,100,000 = 7,333,333.33; 40/3 × 1,100,000 = 14,666,666.67.
    assert_some_close(
        visits_to_leads.revenue_low,
        22_000_000.0 / 3.0,
        "visits revenue low",
    );
    assert_some_close(
        visits_to_leads.revenue_high,
        44_000_000.0 / 3.0,
        "visits revenue high",
    );
    assert_some_close(
        visits_to_leads.revenue_width(),
        22_000_000.0 / 3.0,
        "visits width",
    );

    let average = swings[2];
    assert_eq!(
        (average.customers_low, average.customers_high),
        (10.0, 10.0)
    );
    assert_eq!(average.customers_width(), 0.0);
    assert_some_close(average.revenue_low, 9_000_000.0, "average low");
    assert_some_close(average.revenue_high, 13_000_000.0, "average high");
    assert_some_close(average.revenue_width(), 4_000_000.0, "average width");

    let closing = swings[3];
    assert_close(closing.customers_low, 9.0, "closing low");
    assert_close(closing.customers_high, 11.0, "closing high");
    assert_some_close(closing.revenue_width(), 2_200_000.0, "closing width");
}

#[test]
fn tornado_without_average_revenue_ranks_by_customers() {
    let ranges: Vec<_> = example_ranges()
        .into_iter()
        .filter(|(input, ..)| *input != Input::AverageRevenue)
        .collect();
    let swings = tornado(CUSTOMERS, None, &ranges);
    // Customer swings: Leads → MQLs 15 − 7.5 = 7.5; Visits → Leads 13.333 − 6.667 = 6.667;
    // Opportunities → Customers 11 − 9 = 2.
    assert_eq!(
        inputs(&swings),
        vec![Input::Rate(1), Input::Rate(0), Input::Rate(4)]
    );
    assert_close(swings[0].customers_width(), 7.5, "leads → MQLs");
    assert_close(swings[1].customers_width(), 20.0 / 3.0, "visits → leads");
    assert_close(swings[2].customers_width(), 2.0, "closing");
    for swing in &swings {
        assert_eq!((swing.revenue_low, swing.revenue_high), (None, None));
        assert_eq!(swing.revenue_width(), None);
    }
}

#[test]
fn average_revenue_range_without_a_plan_average_still_has_revenue() {
    // Customers unchanged (10), revenue 10 × 900,000 = 9,000,000 to 10 × 1,300,000 =
    // 13,000,000; ranked by customers (width 0), so after the rate (width 11 − 9 = 2).
    let swings = tornado(
        CUSTOMERS,
        None,
        &[
            (Input::AverageRevenue, 900_000.0, AVERAGE, 1_300_000.0),
            (Input::Rate(4), 0.45, 0.50, 0.55),
        ],
    );
    assert_eq!(inputs(&swings), vec![Input::Rate(4), Input::AverageRevenue]);
    assert_some_close(swings[1].revenue_low, 9_000_000.0, "low");
    assert_some_close(swings[1].revenue_high, 13_000_000.0, "high");
}

#[test]
fn equal_swings_keep_the_input_order() {
    // Both 10 × 0.1 ÷ 0.2 = 5 to 10 × 0.3 ÷ 0.2 = 15: width 10 (revenue 11,000,000).
    let ranges = [
        (Input::Rate(2), 0.10, 0.20, 0.30),
        (Input::Rate(1), 0.10, 0.20, 0.30),
    ];
    let by_revenue = tornado(CUSTOMERS, Some(AVERAGE), &ranges);
    assert_eq!(inputs(&by_revenue), vec![Input::Rate(2), Input::Rate(1)]);
    assert_some_close(by_revenue[0].revenue_width(), 11_000_000.0, "width");
    let by_customers = tornado(CUSTOMERS, None, &ranges);
    assert_eq!(inputs(&by_customers), vec![Input::Rate(2), Input::Rate(1)]);
    assert_close(by_customers[0].customers_width(), 10.0, "width");
}

#[test]
fn unusable_ranges_are_left_out_and_widths_are_never_negative() {
    let swings = tornado(
        CUSTOMERS,
        Some(AVERAGE),
        &[
            // A typed rate of 0 (division by 0).
            (Input::Rate(0), 0.0, 0.0, 0.02),
            (Input::Rate(1), f64::NAN, 0.2, 0.3),
            (Input::AverageRevenue, 900_000.0, AVERAGE, f64::INFINITY),
            // Low and high the wrong way round: 10 × 0.6 ÷ 0.4 = 15 to 10 × 0.2 ÷ 0.4 = 5,
            // width |5 − 15| = 10 customers, 11,000,000 revenue.
            (Input::Rate(3), 0.6, 0.4, 0.2),
        ],
    );
    assert_eq!(inputs(&swings), vec![Input::Rate(3)]);
    assert_close(swings[0].customers_low, 15.0, "low");
    assert_close(swings[0].customers_high, 5.0, "high");
    assert_close(swings[0].customers_width(), 10.0, "width");
    assert_some_close(swings[0].revenue_width(), 11_000_000.0, "revenue width");
}

fn any_candidate() -> impl Strategy<Value = Candidate> {
    (
        0usize..6,
        0.001f64..=1.0,
        0.001f64..=1.0,
        prop_oneof![Just(Better::BenchmarkTop), Just(Better::LastYear)],
    )
        .prop_map(|(stage, current, better, source)| Candidate {
            stage,
            current,
            better,
            source,
        })
}

fn any_range() -> impl Strategy<Value = (Input, f64, f64, f64)> {
    prop_oneof![
        (0usize..6, 0.001f64..=1.0, 0.001f64..=1.0, 0.001f64..=1.0).prop_map(|(stage, a, b, c)| {
            let mut values = [a, b, c];
            values.sort_by(f64::total_cmp);
            (Input::Rate(stage), values[0], values[1], values[2])
        }),
        (1.0f64..=1e7, 0.0f64..=1.0, 1.0f64..=2.0).prop_map(|(typed, down, up)| (
            Input::AverageRevenue,
            typed * down,
            typed,
            typed * up
        )),
    ]
}

proptest! {
    /// Headroom keeps one entry per stage, each a real gain, the best of that stage's
    /// candidates, ranked largest first.
    #[test]
    fn headroom_keeps_the_best_gain_per_stage(
        customers in 0.0f64..=1e6,
        candidates in prop::collection::vec(any_candidate(), 0..12),
    ) {
        let gains = headroom(customers, Some(AVERAGE), Some(1000.0), &candidates);
        for pair in gains.windows(2) {
            prop_assert!(pair[0].customers_gained >= pair[1].customers_gained);
            prop_assert_ne!(pair[0].stage, pair[1].stage);
            if pair[0].customers_gained == pair[1].customers_gained {
                prop_assert!(pair[0].stage < pair[1].stage);
            }
        }
        for stage in 0..6 {
            let best = candidates
                .iter()
                .filter(|candidate| candidate.stage == stage && candidate.better > candidate.current)
                .map(|candidate| candidate.better / candidate.current)
                .fold(None, |best: Option<f64>, ratio| Some(best.map_or(ratio, |best| best.max(ratio))));
            let kept: Vec<_> = gains.iter().filter(|gain| gain.stage == stage).collect();
            match best {
                None => prop_assert!(kept.is_empty()),
                Some(ratio) => {
                    prop_assert_eq!(kept.len(), 1);
                    let gain = kept[0];
                    prop_assert!(gain.better > gain.current);
                    prop_assert!(close(gain.customers_gained, customers * (ratio - 1.0)));
                    prop_assert!(close(gain.revenue_gained.unwrap(), gain.customers_gained * AVERAGE));
                    prop_assert!(close(gain.cost_at_current_cac.unwrap(), gain.customers_gained * 1000.0));
                }
            }
        }
    }

    /// The same relative improvement on any rate gives the same customers: +10 % ranks nothing.
    #[test]
    fn ten_percent_on_any_rate_gives_ten_percent_more_customers(
        customers in 0.0f64..=1e6,
        rates in prop::collection::vec(0.001f64..=0.9, 1..10),
    ) {
        let ranges: Vec<_> = rates
            .iter()
            .enumerate()
            .map(|(stage, rate)| (Input::Rate(stage), *rate, *rate, rate * 1.1))
            .collect();
        let swings = tornado(customers, None, &ranges);
        prop_assert_eq!(swings.len(), rates.len());
        for swing in &swings {
            prop_assert!(close(swing.customers_low, customers));
            prop_assert!(close(swing.customers_high, customers * 1.1));
        }
    }

    /// The tornado is ranked widest first, and every bar passes through the typed values.
    #[test]
    fn tornado_is_ranked_and_centred(
        customers in 0.0f64..=1e6,
        average in prop::option::of(1.0f64..=1e7),
        ranges in prop::collection::vec(any_range(), 0..10),
    ) {
        let swings = tornado(customers, average, &ranges);
        prop_assert_eq!(swings.len(), ranges.len());
        let width = |swing: &Swing| match average {
            Some(_) => swing.revenue_width().unwrap(),
            None => swing.customers_width(),
        };
        for pair in swings.windows(2) {
            prop_assert!(width(&pair[0]) >= width(&pair[1]));
        }
        for swing in &swings {
            prop_assert!(swing.customers_low <= swing.customers_high);
            match swing.input {
                Input::Rate(_) => {
                    prop_assert!(close(swing.customers_low, customers * swing.low / swing.typed));
                    prop_assert!(swing.customers_low <= customers * (1.0 + 1e-12));
                    prop_assert!(swing.customers_high >= customers * (1.0 - 1e-12));
                    prop_assert_eq!(swing.revenue_low.is_some(), average.is_some());
                }
                Input::AverageRevenue => {
                    prop_assert_eq!(swing.customers_width(), 0.0);
                    prop_assert!(close(swing.revenue_high.unwrap(), customers * swing.high));
                }
            }
        }
    }
}
