//! The decimal texts of `model::decimal` are the standard library's: `fixed(v, n)` is
//! `format!("{v:.n$}")` and `shortest(v)` is `format!("{v}")`, for hand-picked values (ties,
//! carries, powers of two, subnormals, the largest values) and for any `f64` proptest draws.
#![cfg(not(target_arch = "wasm32"))]

use funnel_planner::model::decimal::{fixed, shortest};
use proptest::prelude::*;

/// Values where rounding is delicate, each with the texts worked out by hand.
#[test]
fn hand_picked_values_read_as_the_standard_library_writes_them() {
    // Ties on the exact binary value go to the even digit: 0.125 and 2.5 are exact.
    assert_eq!(fixed(0.125, 2), "0.12");
    assert_eq!(fixed(0.375, 2), "0.38");
    assert_eq!(fixed(2.5, 0), "2");
    assert_eq!(fixed(3.5, 0), "4");
    // 0.005 is a little above 5/1000 in binary, so it rounds up; 1.005 a little below.
    assert_eq!(fixed(0.005, 2), "0.01");
    assert_eq!(fixed(1.005, 2), "1.00");
    // A carry through every digit.
    assert_eq!(fixed(9.996, 2), "10.00");
    assert_eq!(fixed(0.0004, 2), "0.00");
    assert_eq!(fixed(-0.001, 2), "-0.00");
    assert_eq!(fixed(1_250_000.5, 1), "1250000.5");
    assert_eq!(shortest(0.1), "0.1");
    assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(shortest(1e21), "1000000000000000000000");
    assert_eq!(shortest(1e-7), "0.0000001");
    assert_eq!(shortest(-0.0), "-0");
    assert_eq!(shortest(0.0), "0");
    assert_eq!(shortest(9_090.909_090_909_09), "9090.90909090909");
    assert_eq!(shortest(f64::NAN), "NaN");
    assert_eq!(shortest(f64::NEG_INFINITY), "-inf");
    for value in [
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        2f64.powi(-1022) * 3.0,
        2f64.powi(60),
        2f64.powi(60).next_down(),
        1.0f64.next_down(),
        123_456_789.012_345_68,
        6_313.131_313_131_313,
    ] {
        assert_eq!(shortest(value), format!("{value}"), "shortest {value:e}");
        for decimals in 0..=20 {
            assert_eq!(
                fixed(value, decimals),
                format!("{value:.decimals$}"),
                "{value:e} to {decimals}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn any_value_reads_as_the_standard_library_writes_it(bits in any::<u64>(), decimals in 0usize..=20) {
        let value = f64::from_bits(bits);
        prop_assert_eq!(shortest(value), format!("{}", value));
        // Values of every magnitude a plan holds, and any other.
        prop_assert_eq!(fixed(value, decimals), format!("{:.*}", decimals, value));
    }

    #[test]
    fn amounts_read_as_the_standard_library_writes_them(value in 0.0f64..1e12, decimals in 0usize..=6) {
        prop_assert_eq!(shortest(value), format!("{}", value));
        prop_assert_eq!(fixed(value, decimals), format!("{:.*}", decimals, value));
    }
}

/// The message of an input too large names the real limit, [`MAX_INPUT`], which it writes out.
#[test]
fn the_too_large_message_names_the_real_limit() {
    use funnel_planner::model::number::MAX_INPUT;
    use funnel_planner::model::InputError;
    assert_eq!(
        InputError::TooLarge.to_string(),
        format!("above {MAX_INPUT}")
    );
}
