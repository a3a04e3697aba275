//! Reading what people type and writing numbers for people, by hand-picked examples and
//! properties.
#![cfg(not(target_arch = "wasm32"))]

use funnel_planner::model::number::{
    format_decimal, format_money, format_needed, format_percent, is_rounded_up, parse_non_negative,
    parse_number, parse_percent, parse_positive, plain_decimal, whole_needed, NumberSymbols,
};
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
    };
    assert_eq!(parse_number("1.234,5", comma), Ok(1_234.5));
    assert_eq!(parse_number("1.5", comma), Err(InputError::NotANumber));
    // A space-like group separator accepts any space, including the narrow no-break space.
    let space = NumberSymbols {
        group: '\u{202f}',
        decimal: ',',
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
    assert!(is_rounded_up(9.09));
    assert!(!is_rounded_up(6_250.000_000_000_001));
    assert!(!is_rounded_up(18.0));
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
    assert_eq!(format_decimal(-0.001, 2, EN), "0", "no negative zero");
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

    /// What we write with thousands separators reads back as the same whole number.
    #[test]
    fn written_whole_numbers_read_back(value in 0u64..1_000_000_000_000_000) {
        let written = format_decimal(value as f64, 0, EN);
        prop_assert_eq!(parse_number(&written, EN), Ok(value as f64));
    }

    /// The plain decimal for machines reads back as exactly the same value.
    #[test]
    fn plain_decimals_round_trip(value in 0.0f64..1e18) {
        prop_assert_eq!(plain_decimal(value).parse::<f64>().ok(), Some(value));
    }
}
