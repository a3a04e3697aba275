//! Reading numbers people type and writing numbers for people to read.
//!
//! Parsing is strict so that a typo never silently becomes another number: thousands separators
//! must stand between groups of exactly three digits, there is at most one decimal mark, and
//! nothing but digits, those two marks and spaces at either end is accepted. `1.5` in a language
//! whose decimal mark is `,` is rejected, not read as 15.

use crate::model::{decimal, InputError};

/// The largest amount or count a person may type: a quadrillion (10^15). Keeps every result finite.
pub const MAX_INPUT: f64 = 1e15;

/// Milliseconds in a day (times are kept in milliseconds, as browsers count them).
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Whole days in `ms` milliseconds, rounded down: 2,592,000,000 ms is 30 days.
pub fn whole_days(ms: u64) -> u64 {
    ms / DAY_MS
}

/// The largest figure the engine will return: 10^18. Larger means the rates are too small for the
/// goal, and the engine says so instead of showing an absurd number.
pub const MAX_RESULT: f64 = 1e18;

/// Values within this relative distance of a whole number count as that whole number when a needed
/// count is rounded up for display, so 6,250.000000000001 shows as 6,250, not 6,251. The distance
/// is capped at [`MAX_TOLERANCE`], so it only ever absorbs float noise: a relative tolerance alone
/// would reach half a unit near 500 million and round a real need down.
pub const WHOLE_TOLERANCE: f64 = 1e-9;

/// The largest absolute distance from a whole number (or a shown step) that still counts as float
/// noise when rounding a need up: a millionth of a unit.
pub const MAX_TOLERANCE: f64 = 1e-6;

/// From this value up a needed count is shown as the whole number to reach; below it, with up to
/// two decimals (0.75 customers a month, 3.75 SQLs), as the source article shows small figures.
pub const WHOLE_FROM: f64 = 10.0;

/// How one language writes numbers: the thousands separator and the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSymbols {
    /// Separator between groups of three digits, e.g. `,` in English. A space here stands for
    /// every space-like character when reading (a plain, no-break or narrow no-break space).
    pub group: char,
    /// Mark between the whole part and the decimals, e.g. `.` in English.
    pub decimal: char,
    /// Whole parts with fewer digits than `4 + min_grouping - 1` are written without separators:
    /// 1 for most languages (`1,250`), 2 for Polish (`1250` but `12 500`).
    pub min_grouping: usize,
}

impl NumberSymbols {
    /// English: `1,250,000.5`.
    pub const ENGLISH: Self = Self {
        group: ',',
        decimal: '.',
        min_grouping: 1,
    };

    /// Indonesian: `1.250.000,5`.
    pub const INDONESIAN: Self = Self {
        group: '.',
        decimal: ',',
        min_grouping: 1,
    };

    /// Polish: `1 250 000,5`, and `1250,5` (no separator below 10 000).
    pub const POLISH: Self = Self {
        group: ' ',
        decimal: ',',
        min_grouping: 2,
    };

    /// French: `1 250 000,5`.
    pub const FRENCH: Self = Self {
        group: ' ',
        decimal: ',',
        min_grouping: 1,
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
    let magnitude = decimal_value(&whole_digits, fraction).ok_or(InputError::TooLarge)?;
    let value = if is_negative { -magnitude } else { magnitude };
    if value.abs() > MAX_INPUT {
        return Err(InputError::TooLarge);
    }
    Ok(value)
}

/// The value of the decimal `whole.fraction` (both plain ASCII digits, either may be empty), or
/// `None` when the whole part alone has more digits than any accepted input.
///
/// Computed without `f64::from_str`, whose tables cost the page 11 KB: the significant digits
/// become an integer `m` and a power of ten `e`. Up to 15 significant digits and 22 decimals
/// (every amount, count and rate a person types) `m` and `10^|e|` are exact in an `f64`, so one
/// multiplication or division gives the correctly rounded value (Clinger's fast path). Longer
/// inputs keep 19 significant digits and may differ from the nearest `f64` in the last bits.
fn decimal_value(whole: &str, fraction: &str) -> Option<f64> {
    const MAX_DIGITS: usize = 19;
    let whole = whole.trim_start_matches('0');
    // More whole digits than MAX_INPUT has is too large, however it continues.
    if whole.len() > 16 {
        return None;
    }
    let digits = || whole.bytes().chain(fraction.bytes());
    let leading_zeros = digits().take_while(|&b| b == b'0').count();
    let mut mantissa: u64 = 0;
    let mut kept = 0;
    for digit in digits().skip(leading_zeros).take(MAX_DIGITS) {
        mantissa = mantissa * 10 + u64::from(digit - b'0');
        kept += 1;
    }
    // The value is mantissa × 10^exponent: every kept digit after the whole part is a decimal.
    let mut exponent = whole.len() as i32 - (leading_zeros + kept) as i32;
    // Trailing zeros go into the exponent, so "1.50000" stays within the exact range.
    while mantissa != 0 && mantissa.is_multiple_of(10) {
        mantissa /= 10;
        exponent += 1;
    }
    let mut value = mantissa as f64;
    let power = power_of_ten(exponent.unsigned_abs());
    if exponent >= 0 {
        value *= power;
    } else {
        value /= power;
    }
    Some(value)
}

/// 10^n as an `f64`: exact up to 10^22, since every step multiplies an exact power by ten.
fn power_of_ten(n: u32) -> f64 {
    (0..n).fold(1.0, |power, _| power * 10.0)
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

/// Reads an amount or count (a money or count field): like [`parse_number`], but a decimal mark
/// followed by exactly three digits as the number's only mark, as in `10.000` in English or
/// `10,000` in Polish, is refused as [`InputError::AmbiguousThousands`]: to many people that is
/// ten thousand, not ten, since the languages this planner speaks disagree on the two marks.
pub fn parse_amount(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let value = parse_number(text, symbols)?;
    if let Some((whole, decimals)) = ambiguous_thousands(text, symbols) {
        return Err(InputError::AmbiguousThousands { whole, decimals });
    }
    Ok(value)
}

/// For text such as `10.000` (English) or `10,000` (Indonesian, Polish, French): the two
/// readings, `(10000, 10)` (as the whole number it would be with the decimal mark read as a
/// thousands separator, and the value with it read as a decimal mark). `None` when the text
/// cannot be read two ways.
pub fn ambiguous_thousands(text: &str, symbols: NumberSymbols) -> Option<(u64, u64)> {
    let text = text.trim();
    let unsigned = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('+'))
        .unwrap_or(text);
    let (whole, fraction) = unsigned.split_once(symbols.decimal)?;
    let is_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let is_ambiguous = (1..=3).contains(&whole.len())
        && !whole.starts_with('0')
        && fraction.len() == 3
        && is_digits(whole)
        && is_digits(fraction);
    if !is_ambiguous {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let fraction: u64 = fraction.parse().ok()?;
    Some((whole * 1000 + fraction, whole))
}

/// Reads an amount or count that must be greater than 0 (a goal, an average revenue).
pub fn parse_positive(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let value = parse_amount(text, symbols)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(InputError::NotPositive)
    }
}

/// Reads an amount or count that may be 0 but not negative (a current volume).
pub fn parse_non_negative(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let value = parse_amount(text, symbols)?;
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

/// How far `value` may lie above a step of the display and still count as that step: float
/// noise only, relative to the value and never more than [`MAX_TOLERANCE`] of a step.
fn noise(value: f64) -> f64 {
    (WHOLE_TOLERANCE * value.max(1.0)).min(MAX_TOLERANCE)
}

/// For a rate typed below 1 percent, such as 0.015 (%), the percent it would be if it was typed
/// as a fraction (1.5 %), so the page can say what it read and what to type instead. `None` for
/// 0, 1 % or more, or when the fraction reading would be over 100 %.
pub fn percent_typed_as_fraction(percent: f64) -> Option<f64> {
    (percent > 0.0 && percent < 1.0).then_some(percent * 100.0)
}

/// `value`, or exactly 0 when it is 0 within the precision of the figures it was computed from:
/// at most 10⁻⁹ × `scale` (the size of those figures) away from 0. A difference of two figures
/// that are equal but were computed in different orders (24 ÷ 120 against 0.2) is then 0, never
/// "0.00000000000000044".
///
/// Example: settled(4.4e-16, 3.0) = 0; settled(0.01, 3.0) = 0.01.
pub fn settled(value: f64, scale: f64) -> f64 {
    if value.abs() <= 1e-9 * scale.abs() {
        0.0
    } else {
        value
    }
}

/// How many decimals show `a` and `b` as different figures when they differ: at least `min`,
/// more (up to 9) while both would read the same, so a page never says "2% instead of 2%".
/// Figures equal within float noise ([`settled`]) keep `min`.
///
/// Example: 1.996 and 2 with `min` 2 → 3 ("1.996" and "2"); 1.5 and 2 → 2.
pub fn decimals_apart(a: f64, b: f64, min: usize) -> usize {
    if settled(a - b, a.abs().max(b.abs())) == 0.0 {
        return min;
    }
    let mut decimals = min;
    while decimals < 9 {
        let scale = 10f64.powi(decimals as i32);
        if (a * scale).round() != (b * scale).round() {
            break;
        }
        decimals += 1;
    }
    decimals
}

/// The `k`th root of `value` (≥ 1; `k` ≥ 1): the factor whose `k`th power is `value`, found by
/// halving an interval that holds it until it can narrow no more (at most 2,100 halvings, enough
/// for any `f64`). Without `powf`, whose code (libm's `pow`, about 1 KB brotli) a page would carry
/// for this.
pub fn root(value: f64, k: usize) -> f64 {
    let k = i32::try_from(k.max(1)).unwrap_or(i32::MAX);
    let (mut low, mut high) = (1.0_f64, value.max(1.0));
    for _ in 0..2_100 {
        let middle = low + (high - low) / 2.0;
        if middle <= low || middle >= high {
            break;
        }
        if middle.powi(k) < value {
            low = middle;
        } else {
            high = middle;
        }
    }
    high
}

/// The whole number a plan must reach to meet a needed volume: `value` rounded up, except that a
/// value within float noise of a whole number (see [`MAX_TOLERANCE`]) is that whole number.
/// Never negative.
///
/// Example: 9.0909 customers a year → 10; 6,250.000000000001 visits → 6,250;
/// 1,500,000,000.4 → 1,500,000,001.
pub fn whole_needed(value: f64) -> f64 {
    let value = value.max(0.0);
    let nearest = value.round();
    if (value - nearest).abs() <= noise(value) {
        nearest
    } else {
        value.ceil()
    }
}

/// How many decimals a needed count is shown with: none from [`WHOLE_FROM`] up, two below it,
/// and below 1 as many as give two significant digits (0.0025 → 4). 0 has none.
pub fn needed_decimals(value: f64) -> usize {
    if value.is_nan() || value <= 0.0 || value >= WHOLE_FROM {
        0
    } else {
        significant_decimals(value, 2)
    }
}

/// How many decimals an amount of money is shown with: none from [`WHOLE_FROM`] up, the
/// currency's own below it (`currency_digits`: 2 for the euro, 0 for the rupiah), and for a
/// non-zero amount below 1 at least two significant digits, so it is never shown as 0.
pub fn money_decimals(value: f64, currency_digits: usize) -> usize {
    let decimals = if value.abs() < WHOLE_FROM {
        currency_digits
    } else {
        0
    };
    shown_decimals(value, decimals)
}

/// The decimals a figure is shown with: `min`, and for a non-zero value below 1 enough for two
/// significant digits (0.0025 with `min` 2 → 4), so a non-zero value is never shown as 0.
pub fn shown_decimals(value: f64, min: usize) -> usize {
    significant_decimals(value, min)
}

/// At least `min` decimals, and for a non-zero value below 1 enough for two significant digits.
fn significant_decimals(value: f64, min: usize) -> usize {
    let value = value.abs();
    if value == 0.0 || value >= 1.0 || !value.is_finite() {
        return min;
    }
    // 0.0025: log10 = -2.6, floor -3, so 1 - (-3) = 4 decimals show "25".
    let first_digit = -value.log10().floor();
    (first_digit as usize + 1).max(min)
}

/// The figure a needed count is shown as: from 10 up the whole number to reach, below 10 rounded
/// **up** to the shown decimals (see [`needed_decimals`]), so a shown target is never below what
/// is needed; float noise is not rounded up. Never negative.
///
/// Examples: 9.0909 a year → 10; 0.7575 a month → 0.76; 0.13333 → 0.14; 3.75 → 3.75;
/// 0.0025 → 0.0025; 9.996 → 10.
pub fn needed_shown(value: f64) -> f64 {
    let value = value.max(0.0);
    needed_at(value, needed_decimals(value))
}

/// `value` rounded **up** at its `decimals`-th decimal, float noise not rounded up (see
/// [`whole_needed`]): a figure to reach shown with that many decimals is never below it.
///
/// Examples: 1.57828 with 2 decimals → 1.58; 1.0339750 with 4 → 1.034; 18.18 with 2 → 18.18.
pub fn needed_at(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(i32::MAX));
    whole_needed(value * scale) / scale
}

/// Whether the shown figure differs from `value` by more than float noise, i.e. whether rounding
/// up for display changed the figure (9.09 → 10 did; 6,250.000000000001 → 6,250 did not).
pub fn is_rounded_up(value: f64) -> bool {
    let value = value.max(0.0);
    needed_shown(value) - value > noise(value)
}

/// Writes `value` with thousands separators and at most `max_decimals` decimals, dropping trailing
/// zeros: 6250 → "6,250", 0.72 → "0.72", 9.090909 (2 decimals) → "9.09". A value that is not
/// finite is written "—" (it never reaches a person through the engine, but display stays total).
///
/// A non-zero value below 1 keeps at least two significant digits whatever `max_decimals` says,
/// so it is never shown as 0: 0.0025 → "0.0025", 0.00001 % → "0.00001".
pub fn format_decimal(value: f64, max_decimals: usize, symbols: NumberSymbols) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let decimals = significant_decimals(value, max_decimals);
    let fixed = decimal::fixed(value.abs(), decimals);
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let is_zero = whole.chars().all(|c| c == '0') && fraction.is_empty();
    let mut out = String::with_capacity(fixed.len() + fixed.len() / 3 + 1);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    out.push_str(&group_digits(whole, symbols));
    if !fraction.is_empty() {
        out.push(symbols.decimal);
        out.push_str(fraction);
    }
    out
}

/// Writes a needed count as it must be reached (see [`needed_shown`]): 9.09 → "10",
/// 0.7575 → "0.76", 3.75 → "3.75".
pub fn format_needed(value: f64, symbols: NumberSymbols) -> String {
    format_decimal(needed_shown(value), needed_decimals(value), symbols)
}

/// Writes a count that is not a need (what current volume yields): from 10 up the nearest whole
/// number, below 10 with up to two decimals, never a non-zero value as 0: 1,234.5 → "1,235",
/// 0.75 → "0.75".
pub fn format_count(value: f64, symbols: NumberSymbols) -> String {
    let decimals = if value.abs() < WHOLE_FROM { 2 } else { 0 };
    format_decimal(value, decimals, symbols)
}

/// Writes an amount of money: from 10 up in whole units, 833,333.33 → "833,333"; below 10 with
/// up to two decimals, 2.5 → "2.5" (and a non-zero amount below 1 is never shown as 0).
pub fn format_money(value: f64, symbols: NumberSymbols) -> String {
    let decimals = if value.abs() < WHOLE_FROM { 2 } else { 0 };
    format_decimal(value, decimals, symbols)
}

/// Writes a percent (not a fraction) with up to 2 decimals: 1.5 → "1.5%".
pub fn format_percent(percent: f64, symbols: NumberSymbols) -> String {
    format!("{}%", format_decimal(percent, 2, symbols))
}

/// Writes a value as a plain decimal for machines (`data-value`): no separators, no exponent, the
/// shortest text that reads back as the same `f64`.
pub fn plain_decimal(value: f64) -> String {
    if value.is_finite() {
        decimal::shortest(value)
    } else {
        String::new()
    }
}

/// Reads a typed amount or count (`is_percent` false) or percent (true) written in `from`'s format
/// and writes the same number in `to`'s, in full precision, so a plan reads the same in every
/// language: `"1,250,000.5"` (English) → `"1 250 000,5"` (French). Text that is not an
/// unambiguous number in `from` (a typo, `10.000` in English, an empty field) is kept as typed:
/// nothing typed is lost, and nothing is guessed.
pub fn retype(text: &str, from: NumberSymbols, to: NumberSymbols, is_percent: bool) -> String {
    if from == to {
        return text.to_owned();
    }
    let value = if is_percent {
        parse_percent(text, from)
    } else {
        parse_number(text, from).and_then(|value| match ambiguous_thousands(text, from) {
            Some(_) => Err(InputError::NotANumber),
            None => Ok(value),
        })
    };
    match value {
        // 10.125 is "10,125" in Polish, which reads as ten thousand one hundred and twenty-five
        // to an English eye: "10,1250" says the same number without that doubt.
        Ok(value) => {
            let mut typed = format_typed(value, to);
            if !is_percent && ambiguous_thousands(&typed, to).is_some() {
                typed.push('0');
            }
            typed
        }
        Err(_) => text.to_owned(),
    }
}

/// Writes `value` as a person would type it in the language of `symbols`, with every digit it
/// has (the shortest text that reads back as the same number) and thousands separators:
/// 1250000.5 → `"1,250,000.5"` in English, `"1.250.000,5"` in Indonesian, `"1250,5"` in Polish.
pub fn format_typed(value: f64, symbols: NumberSymbols) -> String {
    let plain = plain_decimal(value);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut out = format!("{sign}{}", group_digits(whole, symbols));
    if !fraction.is_empty() {
        out.push(symbols.decimal);
        out.push_str(fraction);
    }
    out
}

fn group_digits(digits: &str, symbols: NumberSymbols) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let is_grouped = digits.len() >= 3 + symbols.min_grouping;
    for (i, digit) in digits.chars().enumerate() {
        if is_grouped && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(symbols.group);
        }
        out.push(digit);
    }
    out
}
