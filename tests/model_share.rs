//! Parts of a whole typed as percents: a share is kept as a fraction and converted to a percent
//! in one place. Every expectation is worked out by hand in the comment beside it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::{to_percent, InputError, Share};

#[test]
fn a_share_is_read_from_a_percent_and_kept_as_a_fraction() {
    // 40 % is 40 ÷ 100 = 0.4 as a fraction, and 0.4 × 100 = 40 back as a percent.
    let share = Share::from_percent(40.0).expect("40 % is a share");
    assert_eq!(share.fraction(), 0.4);
    assert_eq!(share.percent(), 40.0);
    // The ends are shares: 0 % is nothing, 100 % is the whole (1).
    assert_eq!(Share::from_percent(0.0), Ok(Share::NONE));
    assert_eq!(Share::from_percent(100.0).map(Share::fraction), Ok(1.0));
    // A typed "-0" is 0, not a negative share.
    assert_eq!(
        Share::from_percent(-0.0).map(|share| share.fraction().is_sign_negative()),
        Ok(false)
    );
}

#[test]
fn a_percent_outside_0_to_100_is_not_a_share() {
    for percent in [-5.0, 100.01, 150.0, f64::NAN] {
        assert_eq!(
            Share::from_percent(percent),
            Err(InputError::PercentOutOfRange),
            "{percent}"
        );
    }
}

#[test]
fn a_computed_share_is_never_negative() {
    // What typed shares of 120 % leave: 1 − 1.2 = −0.2, which is nothing left.
    assert_eq!(Share::from_fraction(-0.2), Share::NONE);
    assert_eq!(Share::from_fraction(f64::NAN), Share::NONE);
    // A sum of shares may be more than the whole: 70 % + 50 % = 1.2, i.e. 120 %.
    assert_eq!(Share::from_fraction(1.2).percent(), 120.0);
}

#[test]
fn a_share_of_a_whole() {
    // 40 % of 9 customers a year is 9 × 0.4 = 3.6.
    let forty = Share::from_percent(40.0).expect("a share");
    assert!((forty.of(9.0) - 3.6).abs() < 1e-12);
    // 20 % of 20,000 spend is 4,000.
    assert_eq!(Share::from_fraction(0.2).of(20_000.0), 4_000.0);
}

#[test]
fn fractions_that_are_not_parts_of_a_whole_are_written_as_percents_too() {
    // An ROI of 1.5 is 150 %; of −0.25 (a loss of a quarter of the spend) is −25 %.
    assert_eq!(to_percent(1.5), 150.0);
    assert_eq!(to_percent(-0.25), -25.0);
}
