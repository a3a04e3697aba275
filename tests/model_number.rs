//! Reading what people type and writing numbers for people, by hand-picked examples and
//! properties.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::number::{
    decimals_apart, format_decimal, format_money, format_needed, format_percent, is_rounded_up,
    needed_at, needed_shown, parse_non_negative, parse_number, parse_percent, parse_positive,
    plain_decimal, settled, whole_needed, NumberSymbols,
};

#[test]
fn two_figures_that_differ_are_shown_with_the_decimals_that_tell_them_apart() {
    // 1.996 % against 2 %: at 2 decimals both read "2", at 3 "1.996" and "2".
    assert_eq!(decimals_apart(1.996, 2.0, 2), 3);
    // 19.99999 % against 20 %: five decimals.
    assert_eq!(decimals_apart(19.999_99, 20.0, 2), 5);
    // Already apart, or equal (within float noise): the minimum.
    assert_eq!(decimals_apart(1.5, 2.0, 2), 2);
    assert_eq!(decimals_apart(20.0, 20.000_000_000_000_004, 2), 2);
    // Up to 9: 2.000000003 against 2; 2.00000000001 is float noise of 2, so the minimum.
    assert_eq!(decimals_apart(2.000_000_003, 2.0, 2), 9);
    assert_eq!(decimals_apart(2.000_000_000_01, 2.0, 2), 2);
}

#[test]
fn a_result_zero_within_the_precision_of_its_inputs_is_zero() {
    // 3 customers planned; at results 24 ÷ 120 against 0.2 they come to 3 × 0.19999999999999998
    // ÷ 0.2: the difference is float noise of the order of 1e-16, so 0.
    let planned = 3.0;
    let at_results = planned * (24.0 / 120.0) / 0.2;
    assert_eq!(settled(at_results - planned, planned), 0.0);
    assert_eq!(settled(4.4e-16, 3.0), 0.0);
    // A real difference stays: 0.01 of 3 customers, and a tiny one of a tiny scale.
    assert_eq!(settled(0.01, 3.0), 0.01);
    assert_eq!(settled(-0.5, 3.0), -0.5);
    assert_eq!(settled(1e-12, 1e-6), 1e-12);
}
use funnel_planner::model::InputError;
use proptest::prelude::*;

const EN: NumberSymbols = NumberSymbols::ENGLISH;

#[test]
fn reads_plain_and_grouped_numbers() {
    assert_eq!(parse_number("10000000", EN), Ok(10_000_000.0));
    assert_eq!(parse_number("10,000,000", EN), Ok(10_000_000.0));
    assert_eq!(parse_number(" 1,100,000 ", EN), Ok(1_100_000.0));
    assert_eq!(parse_number("1,250,000.50", EN), Ok(1_250_000.5));
    assert_eq!(parse_number("1.5", EN), Ok(1.5));
    assert_eq!(parse_number(".5", EN), Ok(0.5));
    assert_eq!(parse_number("7.", EN), Ok(7.0));
    assert_eq!(parse_number("-3", EN), Ok(-3.0));
    assert_eq!(parse_number("+3", EN), Ok(3.0));
    assert_eq!(parse_number("999", EN), Ok(999.0));
}

#[test]
fn rejects_what_is_not_a_plain_number() {
    for text in [
        "abc", "1.2.3", "1,00", "1,0000", ",100", "1,,000", "1e6", "NaN", "inf", "Infinity",
        "12abc", "1 000", "-", ".", "--1", "1-", "٣",
    ] {
        assert_eq!(
            parse_number(text, EN),
            Err(InputError::NotANumber),
            "{text:?}"
        );
    }
    assert_eq!(parse_number("", EN), Err(InputError::Empty));
    assert_eq!(parse_number("   ", EN), Err(InputError::Empty));
}

#[test]
fn a_language_with_a_decimal_comma_rejects_ambiguous_input() {
    // In a language writing 1.234,5 (group ".", decimal ","), "1.5" is not 15 and not 1.5.
    let comma = NumberSymbols {
        group: '.',
        decimal: ',',
        min_grouping: 1,
    };
    assert_eq!(parse_number("1.234,5", comma), Ok(1_234.5));
    assert_eq!(parse_number("1.5", comma), Err(InputError::NotANumber));
    // A space-like group separator accepts any space, including the narrow no-break space.
    let space = NumberSymbols {
        group: '\u{202f}',
        decimal: ',',
        min_grouping: 1,
    };
    assert_eq!(parse_number("1 234 567,5", space), Ok(1_234_567.5));
    assert_eq!(parse_number("1\u{a0}234", space), Ok(1_234.0));
}

#[test]
fn limits_and_signs_per_kind_of_field() {
    assert_eq!(parse_positive("0", EN), Err(InputError::NotPositive));
    assert_eq!(parse_positive("-5", EN), Err(InputError::NotPositive));
    assert_eq!(parse_positive("1,000,000,000,000,000", EN), Ok(1e15));
    assert_eq!(
        parse_positive("1,000,000,000,000,001", EN),
        Err(InputError::TooLarge)
    );
    assert_eq!(parse_non_negative("0", EN), Ok(0.0));
    assert_eq!(
        parse_non_negative("-0", EN).map(f64::is_sign_negative),
        Ok(false)
    );
    assert_eq!(parse_non_negative("-1", EN), Err(InputError::Negative));
    assert_eq!(parse_percent("1.5", EN), Ok(1.5));
    assert_eq!(parse_percent("1.5 %", EN), Ok(1.5));
    assert_eq!(parse_percent("20%", EN), Ok(20.0));
    assert_eq!(parse_percent("%", EN), Err(InputError::Empty));
}

#[test]
fn needed_counts_round_up_with_a_tolerance() {
    assert_eq!(whole_needed(9.090_909), 10.0);
    assert_eq!(whole_needed(6_250.000_000_000_001), 6_250.0);
    assert_eq!(whole_needed(0.75), 1.0);
    assert_eq!(whole_needed(18.0), 18.0);
    assert_eq!(whole_needed(0.0), 0.0);
    assert_eq!(whole_needed(-0.5), 0.0, "never a negative count");
    assert_eq!(whole_needed(17.999_999_999_99), 18.0);
    assert_eq!(
        whole_needed(18.000_001),
        19.0,
        "a millionth over is a real shortfall"
    );
    assert!(is_rounded_up(100.0 / 11.0), "9.0909… is shown as 9.1");
    assert!(!is_rounded_up(9.09), "9.09 is shown as it is");
    assert!(!is_rounded_up(6_250.000_000_000_001));
    assert!(!is_rounded_up(18.0));
}

#[test]
fn the_tolerance_only_absorbs_float_noise_even_for_huge_targets() {
    // 1e-9 × 1.5e9 = 1.5 would swallow the 0.4: the cap of a millionth keeps it a shortfall.
    assert_eq!(whole_needed(1_500_000_000.4), 1_500_000_001.0);
    assert_eq!(whole_needed(999_999_999_999.5), 1_000_000_000_000.0);
    // Float noise a trillionth above a whole number is still that whole number.
    assert_eq!(whole_needed(6_250.000_000_000_001), 6_250.0);
    assert!(is_rounded_up(1_500_000_000.4));
}

#[test]
fn a_figure_to_reach_is_rounded_up_at_the_decimals_asked_for() {
    // A rate of 1.5 % × 1.0521885 = 1.578283 % needed: 1.58 at two decimals (not 1.57 or 1.578).
    assert_eq!(needed_at(1.578_283, 2), 1.58);
    // (13/11)^(1/5) = 1.0339750: 1.034 at four decimals.
    assert_eq!(needed_at(1.033_975, 4), 1.034);
    // Exactly representable, or within float noise of it: not rounded up.
    assert_eq!(needed_at(18.25, 2), 18.25);
    assert_eq!(needed_at(0.1 + 0.2, 1), 0.3);
}

#[test]
fn small_needed_counts_keep_two_decimals_rounded_up() {
    // The source article: 9 customers a year with 50 % and 40 % … gives 0.75 customers and
    // 3.75 SQLs a month, shown as they are.
    assert_eq!(needed_shown(0.75), 0.75);
    assert_eq!(format_needed(0.75, EN), "0.75");
    assert_eq!(format_needed(3.75, EN), "3.75");
    // From 10 up, the whole number to reach: 18.75 MQLs → 19, 93.75 leads → 94.
    assert_eq!(format_needed(18.75, EN), "19");
    assert_eq!(format_needed(93.75, EN), "94");
    // 10 customers a year over six channels, per month: 10 ÷ 6 ÷ 12 = 0.13888… → 0.14 (up).
    assert_eq!(format_needed(10.0 / 6.0 / 12.0, EN), "0.14");
    // 100 ÷ 11 = 9.0909… customers a year → 9.1 (9.10 rounded up, trailing zero trimmed).
    assert_eq!(format_needed(100.0 / 11.0, EN), "9.1");
    // 10 a year is 2.5 a quarter, not 3.
    assert_eq!(format_needed(10.0 / 4.0, EN), "2.5");
    // 9.996 rounds up to 10.00, shown as 10.
    assert_eq!(format_needed(9.996, EN), "10");
    // Below 1, two significant digits: 0.0025 stays 0.0025; 0.00251 rounds up to 0.0026.
    assert_eq!(format_needed(0.0025, EN), "0.0025");
    assert_eq!(format_needed(0.002_51, EN), "0.0026");
    assert_eq!(format_needed(0.0, EN), "0");
    assert!(is_rounded_up(10.0 / 6.0 / 12.0));
    assert!(!is_rounded_up(0.75));
}

#[test]
fn non_zero_values_never_show_as_zero() {
    // 1,000 spent for 400,000 visits: 1,000 ÷ 400,000 = 0.0025 per visit.
    assert_eq!(format_decimal(0.0025, 2, EN), "0.0025");
    assert_eq!(format_decimal(0.0025, 0, EN), "0.0025");
    // A rate of 0.001 %.
    assert_eq!(format_percent(0.001, EN), "0.001%");
    // 0.013 keeps two significant digits; 0.5 keeps its one decimal.
    assert_eq!(format_decimal(0.013, 2, EN), "0.013");
    assert_eq!(format_decimal(0.5, 0, EN), "0.5");
    // Money below 10 keeps its decimals: 10 a year is 2.5 a quarter.
    assert_eq!(format_money(2.5, EN), "2.5");
    assert_eq!(format_money(0.0025, EN), "0.0025");
    assert_eq!(format_money(9.999, EN), "10");
    assert_eq!(format_money(12.4, EN), "12");
}

#[test]
fn amounts_typed_with_a_dot_and_three_digits_are_refused_with_both_readings() {
    assert_eq!(
        parse_positive("10.000", EN),
        Err(InputError::AmbiguousThousands {
            whole: 10_000,
            decimals: 10
        })
    );
    assert_eq!(
        parse_non_negative("1.100", EN),
        Err(InputError::AmbiguousThousands {
            whole: 1_100,
            decimals: 1
        })
    );
    assert_eq!(
        parse_positive(" 250.000 ", EN),
        Err(InputError::AmbiguousThousands {
            whole: 250_000,
            decimals: 250
        })
    );
    // Not ambiguous: a leading 0, other decimal counts, more than three whole digits, a comma.
    assert_eq!(parse_positive("0.500", EN), Ok(0.5));
    assert_eq!(parse_positive("10.5", EN), Ok(10.5));
    assert_eq!(parse_positive("10.0000", EN), Ok(10.0));
    assert_eq!(parse_positive("1234.567", EN), Ok(1_234.567));
    assert_eq!(parse_positive("1,250", EN), Ok(1_250.0));
    assert_eq!(parse_positive("1,100.000", EN), Ok(1_100.0));
    // Rates are percents up to 100: "1.500" can only be 1.5 %.
    assert_eq!(parse_percent("1.500", EN), Ok(1.5));
}

#[test]
fn writes_numbers_for_people() {
    assert_eq!(format_needed(6_313.131_3, EN), "6,314");
    assert_eq!(format_needed(75_757.58, EN), "75,758");
    assert_eq!(format_needed(1_136.36, EN), "1,137");
    assert_eq!(format_decimal(0.72, 2, EN), "0.72");
    assert_eq!(format_decimal(3.6, 2, EN), "3.6");
    assert_eq!(format_decimal(6_000.0, 2, EN), "6,000");
    assert_eq!(format_decimal(9.090_909, 2, EN), "9.09");
    assert_eq!(format_decimal(-1_234.5, 1, EN), "-1,234.5");
    assert_eq!(format_decimal(-0.0, 2, EN), "0", "no negative zero");
    assert_eq!(
        format_decimal(-0.001, 2, EN),
        "-0.001",
        "a non-zero value is never 0"
    );
    assert_eq!(format_decimal(f64::NAN, 2, EN), "—");
    assert_eq!(format_decimal(f64::INFINITY, 2, EN), "—");
    assert_eq!(format_money(833_333.333, EN), "833,333");
    assert_eq!(format_money(10_000_000.0, EN), "10,000,000");
    assert_eq!(format_percent(1.5, EN), "1.5%");
    assert_eq!(format_percent(50.0, EN), "50%");
    assert_eq!(plain_decimal(6_250.000_000_000_001), "6250.000000000001");
    assert_eq!(plain_decimal(0.75), "0.75");
    assert_eq!(plain_decimal(1e-7), "0.0000001");
    assert_eq!(plain_decimal(f64::NAN), "");
}

proptest! {
    /// Whatever is typed, parsing returns a finite number within the input limit or an error:
    /// never NaN, never infinity, never a panic.
    #[test]
    fn parsing_any_text_is_total(text in ".{0,40}") {
        if let Ok(value) = parse_number(&text, EN) {
            prop_assert!(value.is_finite() && value.abs() <= 1e15);
        }
    }

    /// A decimal with up to 15 significant digits reads as the nearest `f64`, the value the
    /// standard library's correctly rounded parser gives for the same text.
    #[test]
    fn decimals_read_as_the_nearest_float(whole in 0u64..1_000_000, fraction in 0u64..1_000_000, zeros in 0usize..4) {
        let text = format!("{whole}.{}{fraction}", "0".repeat(zeros));
        let nearest: f64 = text.parse().unwrap_or(f64::NAN);
        prop_assert_eq!(parse_number(&text, EN), Ok(nearest));
    }

    /// What we write with thousands separators reads back as the same whole number.
    #[test]
    fn written_whole_numbers_read_back(value in 0u64..1_000_000_000_000_000) {
        let written = format_decimal(value as f64, 0, EN);
        prop_assert_eq!(parse_number(&written, EN), Ok(value as f64));
    }

    /// A shown target is never below what is needed (beyond float noise of a millionth), and
    /// never more than one shown step above it.
    #[test]
    fn shown_needs_are_never_below_the_need(value in 0.0f64..1e15) {
        let shown = needed_shown(value);
        prop_assert!(shown >= value - 1e-6, "{} shown as {}", value, shown);
        let step = if value >= 10.0 { 1.0 } else { 0.01 };
        prop_assert!(shown <= value + step + 1e-9, "{} shown as {}", value, shown);
    }

    /// Large values near whole numbers: x + 0.4 for a whole x is never shown as x.
    #[test]
    fn large_shortfalls_are_rounded_up(whole in 1u64..1_000_000_000_000) {
        let value = whole as f64 + 0.4;
        prop_assert!(whole_needed(value) > whole as f64);
    }

    /// A non-zero value is never written as "0".
    #[test]
    fn non_zero_is_never_written_as_zero(value in 1e-12f64..1e12) {
        prop_assert_ne!(format_decimal(value, 2, EN), "0");
        prop_assert_ne!(format_needed(value, EN), "0");
        prop_assert_ne!(format_money(value, EN), "0");
    }

    /// The plain decimal for machines reads back as exactly the same value.
    #[test]
    fn plain_decimals_round_trip(value in 0.0f64..1e18) {
        prop_assert_eq!(plain_decimal(value).parse::<f64>().ok(), Some(value));
    }
}

#[test]
fn a_rate_typed_like_a_fraction_is_explained() {
    use funnel_planner::model::number::percent_typed_as_fraction;
    // "0.015" read as 0.015 %; as a fraction it would have been 1.5 %.
    assert_eq!(percent_typed_as_fraction(0.015), Some(1.5));
    assert_eq!(percent_typed_as_fraction(0.5), Some(50.0));
    assert_eq!(percent_typed_as_fraction(1.5), None);
    assert_eq!(percent_typed_as_fraction(0.0), None);
}

#[test]
fn yields_are_written_to_the_nearest_shown_step() {
    use funnel_planner::model::number::format_count;
    // 6,000 visits at 1.5 % = 90 leads; 90 × 20 % × 20 % × 40 % × 50 % = 0.72 customers.
    assert_eq!(format_count(0.72, EN), "0.72");
    assert_eq!(format_count(1_234.6, EN), "1,235");
    assert_eq!(format_count(9.994, EN), "9.99");
    assert_eq!(format_count(0.004_4, EN), "0.0044");
}

/// Values worked out by hand: each reads as the nearest `f64` to the decimal typed, the same value
/// the literal below denotes (the compiler rounds literals correctly).
#[test]
fn reads_decimals_to_the_nearest_float() {
    assert_eq!(parse_number("0.1", EN), Ok(0.1));
    assert_eq!(parse_number("0.3", EN), Ok(0.3));
    assert_eq!(parse_number("2.675", EN), Ok(2.675));
    assert_eq!(parse_number("33.333", EN), Ok(33.333));
    assert_eq!(parse_number("0.000001", EN), Ok(0.000001));
    assert_eq!(parse_number("1.50000000000000000000", EN), Ok(1.5));
    assert_eq!(parse_number("007.25", EN), Ok(7.25));
    assert_eq!(parse_number("0.0", EN), Ok(0.0));
    assert_eq!(
        parse_number("123,456,789,012.75", EN),
        Ok(123_456_789_012.75)
    );
    assert_eq!(
        parse_number("999,999,999,999,999", EN),
        Ok(999_999_999_999_999.0)
    );
    assert_eq!(
        parse_number("0.333333333333333", EN),
        Ok(0.333_333_333_333_333)
    );
    // Past 15 significant digits the last bit may differ from the nearest float: 1/3 to 20
    // digits reads within one part in 10^15 of 0.3333….
    let third = parse_number("0.33333333333333333333", EN).unwrap_or(f64::NAN);
    assert!((third - 1.0 / 3.0).abs() < 1e-15, "{third}");
    assert_eq!(
        parse_number("1,000,000,000,000,001", EN),
        Err(InputError::TooLarge)
    );
    assert_eq!(
        parse_number("100000000000000000000000", EN),
        Err(InputError::TooLarge)
    );
}
