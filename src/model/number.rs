//! Reading numbers people type and writing numbers for people to read.
//!
//! Parsing is strict so that a typo never silently becomes another number: thousands separators
//! must stand between groups of exactly three digits, there is at most one decimal mark, and
//! nothing but digits, those two marks and spaces at either end is accepted. `1.5` in a language
//! whose decimal mark is `,` is rejected, not read as 15.

use crate::model::InputError;

/// The largest amount or count a person may type: a quadrillion (10^15). Keeps every result finite.
pub const MAX_INPUT: f64 = 1e15;

/// The largest figure the engine will return: 10^18. Larger means the rates are too small for the
/// goal, and the engine says so instead of showing an absurd number.
pub const MAX_RESULT: f64 = 1e18;

/// Values within this relative distance of a whole number count as that whole number when a needed
/// count is rounded up for display, so 6,250.000000000001 shows as 6,250, not 6,251.
pub const WHOLE_TOLERANCE: f64 = 1e-9;

/// How one language writes numbers: the thousands separator and the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSymbols {
    /// Separator between groups of three digits, e.g. `,` in English.
    pub group: char,
    /// Mark between the whole part and the decimals, e.g. `.` in English.
    pub decimal: char,
}

impl NumberSymbols {
    /// English: `1,250,000.5`.
    pub const ENGLISH: Self = Self {
        group: ',',
        decimal: '.',
    };

    fn is_group(self, c: char) -> bool {
        c == self.group || (self.group.is_whitespace() && c.is_whitespace())
    }
}

/// Reads a number as a person types it, e.g. `"1,250,000"`, `"12.5"`, `"-3"`, `".5"` or `"7."`.
///
/// Returns the value with its sign; callers check the range that makes sense for their field.
pub fn parse_number(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let (is_negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = match unsigned.split_once(symbols.decimal) {
        Some((whole, fraction)) => (whole, fraction),
        None => (unsigned, ""),
    };
    let whole_digits = whole_part_digits(whole, symbols).ok_or(InputError::NotANumber)?;
    if !fraction.chars().all(|c| c.is_ascii_digit())
        || (whole_digits.is_empty() && fraction.is_empty())
    {
        return Err(InputError::NotANumber);
    }
    let plain = format!(
        "{}{}.{}",
        if is_negative { "-" } else { "" },
        if whole_digits.is_empty() {
            "0"
        } else {
            &whole_digits
        },
        if fraction.is_empty() { "0" } else { fraction }
    );
    let value: f64 = plain.parse().map_err(|_| InputError::NotANumber)?;
    if value.abs() > MAX_INPUT {
        return Err(InputError::TooLarge);
    }
    Ok(value)
}

/// The digits of a whole part written with or without thousands separators, or `None` when the
/// separators are misplaced or a character is not a digit.
fn whole_part_digits(whole: &str, symbols: NumberSymbols) -> Option<String> {
    if !whole.chars().any(|c| symbols.is_group(c)) {
        return whole
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| whole.to_owned());
    }
    let groups: Vec<&str> = whole.split(|c| symbols.is_group(c)).collect();
    let (first, rest) = groups.split_first()?;
    let is_first_ok = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let is_rest_ok = rest
        .iter()
        .all(|group| group.len() == 3 && group.chars().all(|c| c.is_ascii_digit()));
    (is_first_ok && is_rest_ok).then(|| groups.concat())
}

/// Reads an amount or count that must be greater than 0 (a goal, an average revenue).
pub fn parse_positive(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let value = parse_number(text, symbols)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(InputError::NotPositive)
    }
}

/// Reads an amount or count that may be 0 but not negative (a current volume).
pub fn parse_non_negative(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let value = parse_number(text, symbols)?;
    if value < 0.0 {
        Err(InputError::Negative)
    } else {
        Ok(value.abs()) // turns a typed "-0" into 0
    }
}

/// Reads a percent such as `"1.5"` or `"1.5 %"`; returns the percent (not the fraction).
pub fn parse_percent(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let text = text.trim();
    let text = text.strip_suffix('%').unwrap_or(text);
    parse_number(text, symbols)
}

/// The whole number a plan must reach to meet a needed volume: `value` rounded up, except that a
/// value within [`WHOLE_TOLERANCE`] of a whole number is that whole number. Never negative.
///
/// Example: 9.0909 customers a year → 10; 6,250.000000000001 visits → 6,250.
pub fn whole_needed(value: f64) -> f64 {
    let value = value.max(0.0);
    let nearest = value.round();
    if (value - nearest).abs() <= WHOLE_TOLERANCE * nearest.max(1.0) {
        nearest
    } else {
        value.ceil()
    }
}

/// Whether the displayed whole number differs from `value` by more than the tolerance, i.e.
/// whether rounding up for display changed the figure (9.09 → 10 did; 6,250.000000000001 → 6,250
/// did not).
pub fn is_rounded_up(value: f64) -> bool {
    let shown = whole_needed(value);
    shown - value.max(0.0) > WHOLE_TOLERANCE * shown.max(1.0)
}

/// Writes `value` with thousands separators and at most `max_decimals` decimals, dropping trailing
/// zeros: 6250 → "6,250", 0.72 → "0.72", 9.090909 (2 decimals) → "9.09". A value that is not
/// finite is written "—" (it never reaches a person through the engine, but display stays total).
pub fn format_decimal(value: f64, max_decimals: usize, symbols: NumberSymbols) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let is_zero = whole.chars().all(|c| c == '0') && fraction.is_empty();
    let mut out = String::with_capacity(fixed.len() + fixed.len() / 3 + 1);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    out.push_str(&group_digits(whole, symbols.group));
    if !fraction.is_empty() {
        out.push(symbols.decimal);
        out.push_str(fraction);
    }
    out
}

/// Writes a needed count as the whole number to reach (see [`whole_needed`]): 9.09 → "10".
pub fn format_needed(value: f64, symbols: NumberSymbols) -> String {
    format_decimal(whole_needed(value), 0, symbols)
}

/// Writes an amount of money rounded to whole units: 833,333.33 → "833,333".
pub fn format_money(value: f64, symbols: NumberSymbols) -> String {
    format_decimal(value, 0, symbols)
}

/// Writes a percent (not a fraction) with up to 2 decimals: 1.5 → "1.5%".
pub fn format_percent(percent: f64, symbols: NumberSymbols) -> String {
    format!("{}%", format_decimal(percent, 2, symbols))
}

/// Writes a value as a plain decimal for machines (`data-value`): no separators, no exponent, the
/// shortest text that reads back as the same `f64`.
pub fn plain_decimal(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

fn group_digits(digits: &str, group: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    out
}
