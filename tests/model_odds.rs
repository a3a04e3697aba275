//! The odds of reaching the goal (seeded Monte Carlo): the generators against their reference
//! outputs, the triangular inverse CDF and the quantile and histogram rules against values
//! computed by hand, the simulation's figures against the known statistics of triangular
//! distributions, and its invariants (reproducible, chunk-independent) as property tests.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::forecast::odds::{
    histogram, quantile, simulate, OddsError, OddsGoal, OddsInput, OddsSummary, Percentiles, Rng,
    Simulation, SplitMix64, Spread, DRAWS_PER_TRIAL, HISTOGRAM_BINS, MAX_RATES, MAX_TRIALS,
};
use proptest::prelude::*;

fn assert_near(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected} ± {tolerance}"
    );
}

fn spread(low: f64, mode: f64, high: f64) -> Spread {
    Spread::new(low, mode, high).expect("a valid range")
}

fn input(rates: Vec<Spread>, goal: OddsGoal, trials: u32, seed: u64) -> OddsInput {
    OddsInput {
        top_per_year: 1000.0,
        rates,
        average_revenue: None,
        goal,
        trials,
        seed,
    }
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// SplitMix64 from seed 0 gives the reference outputs published with Vigna's `splitmix64.c`
/// (and used by every port of it).
#[test]
fn splitmix64_matches_its_reference_outputs() {
    let mut generator = SplitMix64::new(0);
    assert_eq!(generator.next_u64(), 0xe220_a839_7b1d_cdaf);
    assert_eq!(generator.next_u64(), 0x6e78_9e6a_a1b9_65f4);
    assert_eq!(generator.next_u64(), 0x06c4_5d18_8009_454f);
}

/// xoshiro256** from the state [1, 2, 3, 4], stepped by hand from the reference algorithm
/// (output = rotl(s1 × 5, 7) × 9; then t = s1 << 17, s2 ^= s0, s3 ^= s1, s1 ^= s2, s0 ^= s3,
/// s2 ^= t, s3 = rotl(s3, 45)):
/// - output 1: s1 = 2 → rotl(10, 7) × 9 = 1280 × 9 = 11520.
///   Step: t = 2 << 17 = 262144; s2 = 3 ^ 1 = 2; s3 = 4 ^ 2 = 6; s1 = 2 ^ 2 = 0; s0 = 1 ^ 6 = 7;
///   s2 = 2 ^ 262144 = 262146; s3 = rotl(6, 45).
/// - output 2: s1 = 0 → 0.
///   Step: t = 0; s2 = 262146 ^ 7 = 262149; s1 = 0 ^ 262149 = 262149.
/// - output 3: s1 = 262149 → 262149 × 5 = 1310745; rotl by 7 = × 128 = 167775360 (no bits wrap);
///   × 9 = 1509978240.
///
/// These agree with the test vectors of the `rand_xoshiro` crate for this state.
#[test]
fn xoshiro256starstar_matches_a_hand_stepped_state() {
    let mut rng = Rng::from_state([1, 2, 3, 4]).expect("a non-zero state");
    assert_eq!(rng.next_u64(), 11_520);
    assert_eq!(rng.next_u64(), 0);
    assert_eq!(rng.next_u64(), 1_509_978_240);
}

#[test]
fn the_all_zero_state_is_refused() {
    assert_eq!(Rng::from_state([0; 4]), None);
}

/// `Rng::new(seed)` takes its state from SplitMix64(seed): its first output is
/// rotl(s1 × 5, 7) × 9 where s1 is SplitMix64's second output from seed 0, 0x6e789e6aa1b965f4.
#[test]
fn the_seed_is_expanded_by_splitmix64() {
    let s1: u64 = 0x6e78_9e6a_a1b9_65f4;
    let expected = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
    assert_eq!(Rng::new(0).next_u64(), expected);
    // The whole state is the first four SplitMix64 outputs.
    let mut expand = SplitMix64::new(42);
    let state = [
        expand.next_u64(),
        expand.next_u64(),
        expand.next_u64(),
        expand.next_u64(),
    ];
    assert_eq!(Rng::new(42), Rng::from_state(state).unwrap());
}

/// `unit()` is in [0, 1); over 100,000 draws its mean is ≈ 1/2 and its variance ≈ 1/12 (the
/// uniform distribution's). Standard error of the mean: √(1/12 / 100000) ≈ 0.00091, so ± 0.005
/// is over 5 standard errors; the variance's standard error is √((1/80 − 1/144) / 100000) ≈
/// 0.00024, so ± 0.002 is over 8.
#[test]
fn unit_is_uniform_in_zero_one() {
    let mut rng = Rng::new(7);
    let n = 100_000;
    let draws: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
    assert!(draws.iter().all(|&u| (0.0..1.0).contains(&u)));
    let mean = draws.iter().sum::<f64>() / n as f64;
    let variance = draws.iter().map(|u| (u - mean) * (u - mean)).sum::<f64>() / n as f64;
    assert_near(mean, 0.5, 0.005, "mean of unit()");
    assert_near(variance, 1.0 / 12.0, 0.002, "variance of unit()");
    // Each value is a multiple of 2⁻⁵³ (top 53 bits ÷ 2⁵³).
    assert!(draws
        .iter()
        .all(|&u| (u * 9_007_199_254_740_992.0).fract() == 0.0));
}

// ---------------------------------------------------------------------------------------------
// Spread
// ---------------------------------------------------------------------------------------------

/// (a, c, b) = (0, 0.25, 1): F(c) = 0.25.
#[test]
fn triangular_inverse_cdf_by_hand_skewed() {
    let s = spread(0.0, 0.25, 1.0);
    // u = 0 < F: 0 + √(0 × 1 × 0.25) = 0.
    assert_near(s.triangular(0.0), 0.0, 1e-15, "u = 0");
    // u = 0.09 < F: 0 + √(0.09 × 1 × 0.25) = √0.0225 = 0.15.
    assert_near(s.triangular(0.09), 0.15, 1e-12, "u = 0.09");
    // u = 0.25 = F (not below): 1 − √(0.75 × 1 × 0.75) = 1 − 0.75 = 0.25, the mode.
    assert_near(s.triangular(0.25), 0.25, 1e-12, "u = 0.25");
    // u = 0.88: 1 − √(0.12 × 1 × 0.75) = 1 − √0.09 = 1 − 0.3 = 0.7.
    assert_near(s.triangular(0.88), 0.7, 1e-12, "u = 0.88");
    // u = 0.5: 1 − √(0.5 × 0.75) = 1 − √0.375 = 1 − 0.612372435695794… = 0.387627564304205….
    assert_near(s.triangular(0.5), 0.387_627_564_304_205_5, 1e-12, "u = 0.5");
    // Mean (0 + 0.25 + 1) / 3 = 0.41666….
    assert_near(s.mean(), 1.25 / 3.0, 1e-15, "mean");
}

/// (a, c, b) = (0.1, 0.2, 0.3), symmetric: F(c) = 0.1 / 0.2 = 0.5.
#[test]
fn triangular_inverse_cdf_by_hand_symmetric() {
    let s = spread(0.1, 0.2, 0.3);
    // u = 0.125: 0.1 + √(0.125 × 0.2 × 0.1) = 0.1 + √0.0025 = 0.15.
    assert_near(s.triangular(0.125), 0.15, 1e-12, "u = 0.125");
    // u = 0.5: 0.3 − √(0.5 × 0.2 × 0.1) = 0.3 − √0.01 = 0.2, the median = the mode.
    assert_near(s.triangular(0.5), 0.2, 1e-12, "u = 0.5");
    // u = 0.875: 0.3 − √(0.125 × 0.2 × 0.1) = 0.3 − 0.05 = 0.25.
    assert_near(s.triangular(0.875), 0.25, 1e-12, "u = 0.875");
    // Mean (0.1 + 0.2 + 0.3) / 3 = 0.2.
    assert_near(s.mean(), 0.2, 1e-15, "mean");
}

/// Mode at an end: (0, 0, 1) has F(c) = 0, so always b − √((1 − u)(b − a)(b − c)); (0, 1, 1) has
/// F(c) = 1, so always a + √(u (b − a)(c − a)).
#[test]
fn triangular_inverse_cdf_with_the_mode_at_an_end() {
    // 1 − √(0.25 × 1 × 1) = 0.5.
    assert_near(spread(0.0, 0.0, 1.0).triangular(0.75), 0.5, 1e-15, "left");
    // 1 − √1 = 0.
    assert_near(
        spread(0.0, 0.0, 1.0).triangular(0.0),
        0.0,
        1e-15,
        "left, u = 0",
    );
    // 0 + √(0.25 × 1 × 1) = 0.5.
    assert_near(spread(0.0, 1.0, 1.0).triangular(0.25), 0.5, 1e-15, "right");
}

#[test]
fn a_fixed_spread_is_its_value() {
    let s = Spread::fixed(0.2);
    assert!(s.is_fixed());
    assert_eq!(s, Spread::new(0.2, 0.2, 0.2).unwrap());
    for u in [0.0, 0.3, 0.5, 0.999] {
        assert_eq!(s.triangular(u), 0.2);
    }
    assert_eq!(s.mean(), 0.2);
    assert!(!spread(0.1, 0.2, 0.3).is_fixed());
}

/// The draw always stays within [low, high], even for u outside [0, 1).
#[test]
fn triangular_stays_within_its_limits() {
    let s = spread(0.1, 0.2, 0.4);
    for u in [-1.0, 0.0, 1e-300, 0.999_999_999, 1.0, 2.0, f64::NAN] {
        let value = s.triangular(u);
        assert!((0.1..=0.4).contains(&value), "u = {u}: {value}");
    }
}

#[test]
fn spread_new_refuses_bad_ranges() {
    assert_eq!(Spread::new(0.3, 0.2, 0.4), Err(OddsError::BadRange)); // low > mode
    assert_eq!(Spread::new(0.1, 0.5, 0.4), Err(OddsError::BadRange)); // mode > high
    assert_eq!(Spread::new(0.5, 0.5, 0.4), Err(OddsError::BadRange)); // low > high
    assert_eq!(Spread::new(f64::NAN, 0.2, 0.4), Err(OddsError::BadRange));
    assert_eq!(
        Spread::new(0.1, 0.2, f64::INFINITY),
        Err(OddsError::BadRange)
    );
    assert_eq!(
        Spread::new(0.1, 0.2, 0.4),
        Ok(Spread {
            low: 0.1,
            mode: 0.2,
            high: 0.4
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Quantiles and histogram
// ---------------------------------------------------------------------------------------------

/// Type 7 on [1, 2, 3, 4] (n = 4): h = 3p.
#[test]
fn quantile_interpolates_linearly_by_hand() {
    let x = [1.0, 2.0, 3.0, 4.0];
    // p = 0: h = 0 → 1.
    assert_eq!(quantile(&x, 0.0), Some(1.0));
    // p = 0.1: h = 0.3 → 1 + 0.3 × (2 − 1) = 1.3.
    assert_near(quantile(&x, 0.1).unwrap(), 1.3, 1e-12, "p10");
    // p = 0.5: h = 1.5 → 2 + 0.5 × (3 − 2) = 2.5.
    assert_near(quantile(&x, 0.5).unwrap(), 2.5, 1e-12, "p50");
    // p = 0.9: h = 2.7 → 3 + 0.7 × (4 − 3) = 3.7.
    assert_near(quantile(&x, 0.9).unwrap(), 3.7, 1e-12, "p90");
    // p = 1: h = 3 → 4.
    assert_eq!(quantile(&x, 1.0), Some(4.0));
    // One value: every quantile is it.
    assert_eq!(quantile(&[5.0], 0.9), Some(5.0));
    // Nothing to take a quantile of, or p outside [0, 1].
    assert_eq!(quantile(&[], 0.5), None);
    assert_eq!(quantile(&x, 1.5), None);
    assert_eq!(quantile(&x, f64::NAN), None);
}

/// The values 0, 1, …, 20 (21 of them) over 20 bins from 0 to 20: width 1, value k in bin k, and
/// 20 (the highest) in the last bin with 19 → bins 0–18 hold 1 value, bin 19 holds 2.
#[test]
fn histogram_by_hand() {
    let values: Vec<f64> = (0..=20).rev().map(f64::from).collect();
    let bins = histogram(&values);
    assert_eq!(bins.len(), HISTOGRAM_BINS);
    for (k, bin) in bins.iter().enumerate() {
        assert_near(bin.from, k as f64, 1e-12, "from");
        assert_near(bin.to, k as f64 + 1.0, 1e-12, "to");
        let expected = if k == 19 { 2 } else { 1 };
        assert_eq!(bin.trials, expected, "bin {k}");
    }
    // All equal: one bin; nothing: no bin.
    let one = histogram(&[3.0, 3.0, 3.0]);
    assert_eq!(one.len(), 1);
    assert_eq!((one[0].from, one[0].to, one[0].trials), (3.0, 3.0, 3));
    assert!(histogram(&[]).is_empty());
}

// ---------------------------------------------------------------------------------------------
// The simulation against known distributions
// ---------------------------------------------------------------------------------------------

/// One rate (0.1, 0.2, 0.3), top 1000 a year, goal 200 customers. Customers = 1000 × rate, so
/// P(customers ≥ 200) = P(rate ≥ 0.2) = 1 − F(0.2) = 1 − 0.5 = 0.5 (symmetric triangle).
/// Standard error √(0.25 / 200000) ≈ 0.0011, so ± 0.01 is 9 standard errors.
/// Quantiles, from the inverse CDF (F(c) = 0.5):
/// - p10 = 1000 × (0.1 + √(0.1 × 0.2 × 0.1)) = 1000 × (0.1 + √0.002) = 1000 × 0.144721… = 144.721;
/// - p50 = 1000 × (0.3 − √(0.5 × 0.2 × 0.1)) = 1000 × 0.2 = 200;
/// - p90 = 1000 × (0.3 − √(0.1 × 0.2 × 0.1)) = 1000 × 0.255279 = 255.279;
/// - mean = 1000 × 0.2 = 200.
///
/// Standard errors: variance of the rate (a² + b² + c² − ab − ac − bc)/18 = 0.03/18, sd 0.0408 →
/// 40.8 customers, mean ± 0.091; the p10's is √(0.1 × 0.9 / n) ÷ pdf, pdf = 2(x − a)/((b − a)(c −
/// a)) = 4.47 per unit rate = 0.00447 per customer → ± 0.15; the median's ± 0.11. Tolerances of
/// 0.5 (mean) and 1.0 (quantiles) are over 5 standard errors.
#[test]
fn one_symmetric_rate_matches_the_triangle() {
    let summary = simulate(input(
        vec![spread(0.1, 0.2, 0.3)],
        OddsGoal::Customers(200.0),
        200_000,
        1,
    ))
    .unwrap();
    assert_eq!(summary.trials, 200_000);
    assert_eq!(summary.seed, 1);
    assert_near(summary.probability, 0.5, 0.01, "probability");
    assert_near(summary.customers.p10, 144.721_36, 1.0, "p10");
    assert_near(summary.customers.p50, 200.0, 1.0, "p50");
    assert_near(summary.customers.p90, 255.278_64, 1.0, "p90");
    assert_near(summary.customers.mean, 200.0, 0.5, "mean");
    assert_eq!(summary.revenue, None);
    assert_eq!(summary.goal_customers, 200.0);
}

/// One rate (0.1, 0.2, 0.4): F(0.2) = (0.2 − 0.1)/(0.4 − 0.1) = 1/3, so P(customers ≥ 200) =
/// 2/3 (standard error √(2/9 / 200000) ≈ 0.00105).
/// - mean = 1000 × (0.1 + 0.2 + 0.4)/3 = 233.333;
/// - median: c = 0.2 < (a + b)/2 = 0.25, so b − √((b − a)(b − c)/2) = 0.4 − √(0.3 × 0.2 / 2) =
///   0.4 − √0.03 = 0.4 − 0.173205 = 0.226795 → 226.795;
/// - p10 (0.1 < 1/3): 0.1 + √(0.1 × 0.3 × 0.1) = 0.1 + √0.003 = 0.154772 → 154.772;
/// - p90: 0.4 − √(0.1 × 0.3 × 0.2) = 0.4 − √0.006 = 0.322540 → 322.540.
///
/// Variance (0.01 + 0.04 + 0.16 − 0.02 − 0.04 − 0.08)/18 = 0.07/18, sd 0.0624 → mean ± 0.14
/// customers; p90's standard error: pdf 2(b − x)/((b − a)(b − c)) = 2 × 0.0775 / 0.06 = 2.58 per
/// unit → ± 0.26 customers. Tolerances 1.0 (mean) and 1.5 (quantiles).
#[test]
fn one_skewed_rate_matches_the_triangle() {
    let summary = simulate(input(
        vec![spread(0.1, 0.2, 0.4)],
        OddsGoal::Customers(200.0),
        200_000,
        2,
    ))
    .unwrap();
    assert_near(summary.probability, 2.0 / 3.0, 0.01, "probability");
    assert_near(summary.customers.mean, 233.333_33, 1.0, "mean");
    assert_near(summary.customers.p10, 154.772_26, 1.5, "p10");
    assert_near(summary.customers.p50, 226.794_92, 1.5, "p50");
    assert_near(summary.customers.p90, 322.540_33, 1.5, "p90");
    // The quantiles agree with 1000 × the inverse CDF at 0.1, 0.5, 0.9.
    let s = spread(0.1, 0.2, 0.4);
    for (p, got) in [
        (0.1, summary.customers.p10),
        (0.5, summary.customers.p50),
        (0.9, summary.customers.p90),
    ] {
        assert_near(got, 1000.0 * s.triangular(p), 1.5, "inverse CDF");
    }
}

/// Two independent rates (0.1, 0.2, 0.3) and (0.4, 0.5, 0.6): the mean of the product is the
/// product of the means, 1000 × 0.2 × 0.5 = 100 customers. Variance of the product
/// E[X²]E[Y²] − (E[X]E[Y])² = (0.03/18 + 0.04)(0.03/18 + 0.25) − 0.01 = 0.041667 × 0.251667 −
/// 0.01 = 0.000486, sd 0.0220 → 22.0 customers, standard error of the mean 22.0/√200000 ≈ 0.05.
/// Had both rates used the same draw (fully correlated), the mean would be 1000 × (0.1 +
/// sd_X sd_Y) = 1000 × (0.1 + 0.0408 × 0.0408) = 101.67, so ± 0.3 tells them apart.
#[test]
fn independent_rates_multiply_their_means() {
    let summary = simulate(input(
        vec![spread(0.1, 0.2, 0.3), spread(0.4, 0.5, 0.6)],
        OddsGoal::Customers(100.0),
        200_000,
        3,
    ))
    .unwrap();
    assert_near(summary.customers.mean, 100.0, 0.3, "mean of the product");
    // Every trial lies within 1000 × 0.1 × 0.4 = 40 and 1000 × 0.3 × 0.6 = 180.
    assert!(summary.histogram.first().unwrap().from >= 40.0);
    assert!(summary.histogram.last().unwrap().to <= 180.0);
}

/// Fixed rates 0.5 and 0.2 from 1000 a year: 1000 × 0.5 × 0.2 = 100 customers in every trial.
/// Average revenue (1000, 2000, 4000): revenue = 100 × the triangle, F(c) = 1000/3000 = 1/3:
/// - p10 = 100 × (1000 + √(0.1 × 3000 × 1000)) = 100 × (1000 + √300000) = 100 × 1547.7226 =
///   154772.26;
/// - p50 = 100 × (4000 − √(0.5 × 3000 × 2000)) = 100 × (4000 − √3000000) = 100 × 2267.9492 =
///   226794.92;
/// - p90 = 100 × (4000 − √(0.1 × 3000 × 2000)) = 100 × (4000 − √600000) = 100 × 3225.4033 =
///   322540.33;
/// - mean = 100 × 7000/3 = 233333.33.
///
/// Goal 200,000 a year: P(revenue ≥ 200000) = P(average ≥ 2000) = 1 − 1/3 = 2/3; in customers the
/// goal is 200000 ÷ 2000 (the typed average) = 100. The same shape as the skewed rate scaled by
/// 1000, so the tolerances are 1000 × those.
#[test]
fn revenue_is_customers_times_the_average_revenue_triangle() {
    let summary = simulate(OddsInput {
        top_per_year: 1000.0,
        rates: vec![Spread::fixed(0.5), Spread::fixed(0.2)],
        average_revenue: Some(spread(1000.0, 2000.0, 4000.0)),
        goal: OddsGoal::Revenue(200_000.0),
        trials: 200_000,
        seed: 4,
    })
    .unwrap();
    for customers in [
        summary.customers.p10,
        summary.customers.p50,
        summary.customers.p90,
        summary.customers.mean,
    ] {
        assert_near(customers, 100.0, 1e-9, "customers");
    }
    let revenue = summary.revenue.unwrap();
    assert_near(revenue.p10, 154_772.26, 1500.0, "revenue p10");
    assert_near(revenue.p50, 226_794.92, 1500.0, "revenue p50");
    assert_near(revenue.p90, 322_540.33, 1500.0, "revenue p90");
    assert_near(revenue.mean, 233_333.33, 1000.0, "revenue mean");
    assert_near(summary.probability, 2.0 / 3.0, 0.01, "probability");
    assert_near(summary.goal_customers, 100.0, 1e-12, "goal in customers");
    // All customers equal: one bin holding every trial.
    assert_eq!(summary.histogram.len(), 1);
    assert_eq!(summary.histogram[0].trials, 200_000);
}

/// Every input fixed at the worked example's rates (1.5 %, 20 %, 20 %, 40 %, 50 %) and the top
/// volume the reverse funnel gives for 100 customers: 100 ÷ (0.015 × 0.2 × 0.2 × 0.4 × 0.5) =
/// 100 ÷ 0.00012 = 833,333.33 a year. Every trial is the plan: 100 customers (within float
/// noise), so the goal is reached in every trial (probability exactly 1) and p10 = p50 = p90 =
/// 100. With an average revenue of 1,100,000 the revenue goal 110,000,000 is 100 customers too.
#[test]
fn all_fixed_inputs_reproduce_the_plan() {
    let rates = [0.015, 0.2, 0.2, 0.4, 0.5];
    let top = rates.iter().fold(100.0, |volume, rate| volume / rate);
    assert_near(top, 833_333.333_333, 1e-3, "reverse funnel top");
    for (goal, average) in [
        (OddsGoal::Customers(100.0), None),
        (OddsGoal::Customers(100.0), Some(Spread::fixed(1_100_000.0))),
        (
            OddsGoal::Revenue(110_000_000.0),
            Some(Spread::fixed(1_100_000.0)),
        ),
    ] {
        let summary = simulate(OddsInput {
            top_per_year: top,
            rates: rates.iter().map(|&r| Spread::fixed(r)).collect(),
            average_revenue: average,
            goal,
            trials: 1000,
            seed: 5,
        })
        .unwrap();
        assert_eq!(summary.probability, 1.0, "{goal:?}");
        let c = summary.customers;
        assert_eq!(c.p10, c.p50);
        assert_eq!(c.p50, c.p90);
        assert_near(c.p50, 100.0, 1e-9, "customers");
        assert_near(summary.goal_customers, 100.0, 1e-9, "goal in customers");
        assert_eq!(summary.histogram.len(), 1);
        assert_eq!(summary.histogram[0].trials, 1000);
        if let Some(revenue) = summary.revenue {
            // 100 × 1,100,000 = 110,000,000.
            assert_near(revenue.p50, 110_000_000.0, 1e-6, "revenue");
            assert_eq!(revenue.p10, revenue.p90);
        }
    }
}

/// Over 200,000 trials of one symmetric rate, the bins cover [lowest, highest] ⊂ [100, 300],
/// join end to end, hold every trial, and the tallest is a middle one (the triangle's peak at
/// 200 is in bin 9 or 10 of 20 bins over ≈ [100, 300]).
#[test]
fn the_histogram_covers_every_trial() {
    let summary = simulate(input(
        vec![spread(0.1, 0.2, 0.3)],
        OddsGoal::Customers(200.0),
        200_000,
        6,
    ))
    .unwrap();
    let bins = &summary.histogram;
    assert_eq!(bins.len(), HISTOGRAM_BINS);
    assert_eq!(bins.iter().map(|bin| bin.trials).sum::<u32>(), 200_000);
    assert!(bins[0].from >= 100.0 && bins[0].from < 101.0);
    assert!(bins[19].to <= 300.0 && bins[19].to > 299.0);
    for pair in bins.windows(2) {
        assert_eq!(pair[0].to, pair[1].from);
    }
    let width = bins[0].to - bins[0].from;
    for bin in bins {
        assert_near(bin.to - bin.from, width, 1e-9, "equal widths");
    }
    let tallest = bins
        .iter()
        .enumerate()
        .max_by_key(|(_, bin)| bin.trials)
        .unwrap()
        .0;
    assert!(tallest == 9 || tallest == 10, "tallest bin {tallest}");
}

// ---------------------------------------------------------------------------------------------
// Chunks, seeds and the stream
// ---------------------------------------------------------------------------------------------

fn ranged_input(seed: u64) -> OddsInput {
    OddsInput {
        top_per_year: 50_000.0,
        rates: vec![
            spread(0.01, 0.015, 0.02),
            spread(0.15, 0.2, 0.3),
            Spread::fixed(0.2),
            spread(0.3, 0.4, 0.45),
            spread(0.4, 0.5, 0.5),
        ],
        average_revenue: Some(spread(800.0, 1000.0, 1500.0)),
        goal: OddsGoal::Revenue(1_200.0),
        trials: 1001,
        seed,
    }
}

#[test]
fn chunked_runs_equal_a_single_run() {
    let mut whole = Simulation::new(ranged_input(9)).unwrap();
    assert!(whole.summary().is_none());
    assert!(whole.run(u32::MAX));
    let mut chunked = Simulation::new(ranged_input(9)).unwrap();
    let mut chunks = 0;
    while !chunked.run(7) {
        chunks += 1;
        assert_eq!(chunked.done(), 7 * chunks);
        assert!(!chunked.is_finished());
        assert_near(
            chunked.progress(),
            f64::from(7 * chunks) / 1001.0,
            1e-15,
            "progress",
        );
    }
    // 1001 = 143 × 7: 142 unfinished chunks, the 143rd finishes.
    assert_eq!(chunks, 142);
    assert_eq!(chunked.done(), 1001);
    assert_eq!(chunked.progress(), 1.0);
    assert!(chunked.is_finished());
    assert_eq!(chunked.summary(), whole.summary());
    // Running a finished simulation changes nothing.
    assert!(chunked.run(10));
    assert_eq!(chunked.done(), 1001);
    assert_eq!(chunked.summary(), whole.summary());
    assert_eq!(simulate(ranged_input(9)).unwrap(), whole.summary().unwrap());
}

#[test]
fn a_partial_summary_covers_the_trials_done() {
    let mut simulation = Simulation::new(ranged_input(9)).unwrap();
    simulation.run(100);
    let summary = simulation.summary().unwrap();
    assert_eq!(summary.trials, 100);
    assert_eq!(summary.histogram.iter().map(|b| b.trials).sum::<u32>(), 100);
    assert_near(simulation.progress(), 100.0 / 1001.0, 1e-15, "progress");
}

#[test]
fn the_seed_decides_the_figures() {
    let a = simulate(ranged_input(11)).unwrap();
    let b = simulate(ranged_input(11)).unwrap();
    let c = simulate(ranged_input(12)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a.customers, c.customers);
    assert_ne!(a.revenue, c.revenue);
}

/// Every trial takes the same draws whatever the inputs: giving the average revenue a range, or
/// adding one, leaves the customers exactly as they were.
#[test]
fn a_range_on_one_input_leaves_the_others_draws_alone() {
    let rates = vec![spread(0.1, 0.2, 0.3), spread(0.4, 0.5, 0.6)];
    let without = simulate(input(rates.clone(), OddsGoal::Customers(100.0), 5000, 13)).unwrap();
    let with = simulate(OddsInput {
        average_revenue: Some(spread(10.0, 20.0, 30.0)),
        ..input(rates.clone(), OddsGoal::Customers(100.0), 5000, 13)
    })
    .unwrap();
    let fixed = simulate(OddsInput {
        average_revenue: Some(Spread::fixed(20.0)),
        ..input(rates, OddsGoal::Customers(100.0), 5000, 13)
    })
    .unwrap();
    assert_eq!(without.customers, with.customers);
    assert_eq!(without.customers, fixed.customers);
    assert_eq!(without.histogram, with.histogram);
    assert_eq!(without.probability, with.probability);
    assert_eq!(DRAWS_PER_TRIAL, MAX_RATES + 1);
}

/// The trials follow the documented stream: trial t takes draws 10t … 10t + 9 of `Rng::new(seed)`,
/// slot i for rate i and slot 9 for the average revenue; customers = top × rate 0 × rate 1 …;
/// the quantiles are type 7 over the sorted trials and the mean is their sum in trial order ÷ n.
/// `Rng` and `Spread::triangular` are checked by hand above; this checks how the run puts them
/// together, bit for bit (37 trials: n − 1 = 36, so p10 interpolates at h = 3.6, p50 is x[18]
/// and p90 interpolates at h = 32.4).
#[test]
fn trials_follow_the_documented_stream() {
    let rate = spread(0.1, 0.2, 0.4);
    let average = spread(10.0, 20.0, 40.0);
    let trials = 37;
    let summary = simulate(OddsInput {
        top_per_year: 1000.0,
        rates: vec![rate, Spread::fixed(0.5)],
        average_revenue: Some(average),
        goal: OddsGoal::Revenue(2000.0),
        trials,
        seed: 21,
    })
    .unwrap();
    let mut rng = Rng::new(21);
    let mut customers = Vec::new();
    let mut revenue = Vec::new();
    for _ in 0..trials {
        let draws: Vec<f64> = (0..DRAWS_PER_TRIAL).map(|_| rng.unit()).collect();
        let c = 1000.0 * rate.triangular(draws[0]) * 0.5;
        customers.push(c);
        revenue.push(c * average.triangular(draws[MAX_RATES]));
    }
    let reached = revenue
        .iter()
        .filter(|&&r| r >= 2000.0 * (1.0 - 1e-9))
        .count();
    assert_eq!(summary.probability, reached as f64 / 37.0);
    assert_eq!(summary.histogram, histogram(&customers));
    for (values, got) in [
        (&customers, summary.customers),
        (&revenue, summary.revenue.unwrap()),
    ] {
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(got.p10, quantile(&sorted, 0.1).unwrap());
        assert_eq!(got.p50, sorted[18]);
        assert_eq!(got.p90, quantile(&sorted, 0.9).unwrap());
        assert_eq!(got.mean, values.iter().sum::<f64>() / 37.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

fn valid() -> OddsInput {
    input(
        vec![spread(0.1, 0.2, 0.3)],
        OddsGoal::Customers(200.0),
        10,
        0,
    )
}

fn error(input: OddsInput) -> Option<OddsError> {
    Simulation::new(input).err()
}

#[test]
fn bad_inputs_are_refused() {
    assert_eq!(error(valid()), None);
    assert_eq!(
        error(OddsInput {
            trials: 0,
            ..valid()
        }),
        Some(OddsError::NoTrials)
    );
    assert_eq!(
        error(OddsInput {
            trials: MAX_TRIALS + 1,
            ..valid()
        }),
        Some(OddsError::TooManyTrials)
    );
    assert_eq!(
        error(OddsInput {
            trials: MAX_TRIALS,
            ..valid()
        }),
        None
    );
    for top in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            error(OddsInput {
                top_per_year: top,
                ..valid()
            }),
            Some(OddsError::BadTop)
        );
    }
    assert_eq!(
        error(OddsInput {
            rates: vec![],
            ..valid()
        }),
        Some(OddsError::RateCount)
    );
    assert_eq!(
        error(OddsInput {
            rates: vec![Spread::fixed(0.5); MAX_RATES + 1],
            ..valid()
        }),
        Some(OddsError::RateCount)
    );
    assert_eq!(
        error(OddsInput {
            rates: vec![Spread::fixed(0.5); MAX_RATES],
            ..valid()
        }),
        None
    );
}

#[test]
fn bad_rates_are_refused_with_their_index() {
    let with_second = |second: Spread| OddsInput {
        rates: vec![spread(0.1, 0.2, 0.3), second, Spread::fixed(0.5)],
        ..valid()
    };
    // A range above 1.
    assert_eq!(
        error(with_second(spread(0.5, 0.9, 1.2))),
        Some(OddsError::BadRate(1))
    );
    // A low end of 0 or below.
    assert_eq!(
        error(with_second(spread(0.0, 0.1, 0.2))),
        Some(OddsError::BadRate(1))
    );
    assert_eq!(
        error(with_second(spread(-0.1, 0.1, 0.2))),
        Some(OddsError::BadRate(1))
    );
    // Low above high, built around `Spread::new`.
    assert_eq!(
        error(with_second(Spread {
            low: 0.3,
            mode: 0.2,
            high: 0.1
        })),
        Some(OddsError::BadRate(1))
    );
    assert_eq!(
        error(with_second(Spread::fixed(f64::NAN))),
        Some(OddsError::BadRate(1))
    );
    // A rate of exactly 1 (100 %) is allowed.
    assert_eq!(error(with_second(Spread::fixed(1.0))), None);
    // The first bad rate is named.
    assert_eq!(
        error(OddsInput {
            rates: vec![Spread::fixed(0.0), Spread::fixed(2.0)],
            ..valid()
        }),
        Some(OddsError::BadRate(0))
    );
}

#[test]
fn bad_revenue_and_goals_are_refused() {
    for average in [
        Spread::fixed(0.0),
        Spread::fixed(-10.0),
        Spread::fixed(f64::INFINITY),
        Spread {
            low: 30.0,
            mode: 20.0,
            high: 10.0,
        },
    ] {
        assert_eq!(
            error(OddsInput {
                average_revenue: Some(average),
                ..valid()
            }),
            Some(OddsError::BadRevenue)
        );
    }
    for goal in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            error(OddsInput {
                goal: OddsGoal::Customers(goal),
                ..valid()
            }),
            Some(OddsError::BadGoal)
        );
    }
    assert_eq!(
        error(OddsInput {
            goal: OddsGoal::Revenue(1000.0),
            ..valid()
        }),
        Some(OddsError::RevenueGoalWithoutRevenue)
    );
    assert_eq!(
        simulate(OddsInput {
            goal: OddsGoal::Revenue(1000.0),
            ..valid()
        }),
        Err(OddsError::RevenueGoalWithoutRevenue)
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// A valid range within (0, 1]: three sorted fractions, sometimes fixed.
fn any_rate() -> impl Strategy<Value = Spread> {
    prop_oneof![
        (0.001f64..=1.0).prop_map(Spread::fixed),
        (0.001f64..=1.0, 0.001f64..=1.0, 0.001f64..=1.0).prop_map(|(x, y, z)| {
            let mut v = [x, y, z];
            v.sort_by(f64::total_cmp);
            Spread::new(v[0], v[1], v[2]).unwrap()
        }),
    ]
}

fn any_input() -> impl Strategy<Value = OddsInput> {
    (
        1.0f64..1e9,
        proptest::collection::vec(any_rate(), 1..=MAX_RATES),
        proptest::option::of((1.0f64..1e4, 1.0f64..1e4, 1.0f64..1e4)),
        0.5f64..1e6,
        any::<bool>(),
        1u32..300,
        any::<u64>(),
    )
        .prop_map(|(top, rates, average, goal, revenue_goal, trials, seed)| {
            let average_revenue = average.map(|(x, y, z)| {
                let mut v = [x, y, z];
                v.sort_by(f64::total_cmp);
                Spread::new(v[0], v[1], v[2]).unwrap()
            });
            let goal = if revenue_goal && average_revenue.is_some() {
                OddsGoal::Revenue(goal * 100.0)
            } else {
                OddsGoal::Customers(goal)
            };
            OddsInput {
                top_per_year: top,
                rates,
                average_revenue,
                goal,
                trials,
                seed,
            }
        })
}

fn ordered(p: &Percentiles) -> bool {
    [p.p10, p.p50, p.p90, p.mean].iter().all(|v| v.is_finite()) && p.p10 <= p.p50 && p.p50 <= p.p90
}

fn sound(summary: &OddsSummary, input: &OddsInput) -> bool {
    let lowest = input
        .rates
        .iter()
        .fold(input.top_per_year, |v, r| v * r.low);
    let highest = input
        .rates
        .iter()
        .fold(input.top_per_year, |v, r| v * r.high);
    let first = summary.histogram.first().unwrap();
    let last = summary.histogram.last().unwrap();
    ordered(&summary.customers)
        && summary.revenue.as_ref().is_none_or(ordered)
        && (0.0..=1.0).contains(&summary.probability)
        && summary.goal_customers.is_finite()
        && summary.histogram.iter().map(|b| b.trials).sum::<u32>() == input.trials
        && first.from >= lowest * (1.0 - 1e-12)
        && last.to <= highest * (1.0 + 1e-12)
        && first.from <= summary.customers.p10
        && summary.customers.p90 <= last.to
}

proptest! {
    /// For any valid input: p10 ≤ p50 ≤ p90, nothing NaN, the probability a fraction, every trial
    /// in the histogram and within top × Π low … top × Π high.
    #[test]
    fn summaries_are_sound(input in any_input()) {
        let summary = simulate(input.clone()).unwrap();
        prop_assert_eq!(summary.trials, input.trials);
        prop_assert!(sound(&summary, &input), "{:?}", summary);
    }

    /// Chunks of any size give the same figures as one run.
    #[test]
    fn any_chunk_size_gives_the_same_figures(input in any_input(), chunk in 1u32..50) {
        let mut simulation = Simulation::new(input.clone()).unwrap();
        while !simulation.run(chunk) {}
        prop_assert_eq!(simulation.summary().unwrap(), simulate(input).unwrap());
    }
}

#[test]
fn a_run_aims_for_the_plans_goal_and_needs_a_range() {
    use funnel_planner::model::forecast::draft::Ranges;
    use funnel_planner::model::forecast::odds::{OddsGoal, OddsInput, Spread};
    use funnel_planner::model::Goal;
    let fixed = Spread {
        low: 0.5,
        mode: 0.5,
        high: 0.5,
    };
    let ranged = Spread {
        low: 0.4,
        mode: 0.5,
        high: 0.6,
    };
    let ranges = |rate| Ranges {
        rates: vec![rate],
        average_revenue: None,
    };
    let input = OddsInput::for_plan(&Goal::NewCustomers(12.0), 24.0, ranges(ranged), 1_000, 7);
    let input = input.unwrap();
    assert_eq!(input.goal, OddsGoal::Customers(12.0));
    assert_eq!(
        (input.top_per_year, input.trials, input.seed),
        (24.0, 1_000, 7)
    );
    let revenue = OddsInput::for_plan(&Goal::Revenue(1e6), 24.0, ranges(ranged), 1_000, 7);
    assert_eq!(revenue.unwrap().goal, OddsGoal::Revenue(1e6));
    // Nothing varies, or no top target: no run.
    assert_eq!(
        OddsInput::for_plan(&Goal::Revenue(1e6), 24.0, ranges(fixed), 1_000, 7),
        None
    );
    assert_eq!(
        OddsInput::for_plan(&Goal::Revenue(1e6), 0.0, ranges(ranged), 1_000, 7),
        None
    );
}
