//! The decimal text of an `f64`, written without the standard library's float formatter.
//!
//! `format!("{value}")` and `format!("{value:.2}")` link the standard library's float formatting
//! (Grisu with a Dragon fallback, its big integers and tables): about 12 KB of every page's wasm.
//! Here the same texts come from the value's exact decimal expansion (a float is m × 2^e, which
//! is a whole number of digits ÷ a power of ten), kept in a small base-10⁹ big integer and then
//! rounded: [`fixed`] to a number of decimals, half to even as `{:.N}` does, and [`shortest`] to
//! the fewest significant digits that read back as the same `f64`, as `{}` does (decided on the
//! exact midpoints to the neighbouring values: parsing the text back would link the standard
//! library's float parser and its 10 KB table). Both are checked
//! against the standard library's texts in `tests/model_decimal.rs`.

use std::cmp::Ordering;

/// One limb of the big integer: nine decimal digits.
const LIMB: u64 = 1_000_000_000;

/// 5^13, the largest power of five that keeps a limb × factor + carry within a `u64`.
const FIVE_13: u64 = 1_220_703_125;

/// The most significant digits an `f64` needs to read back as itself.
const MAX_SIGNIFICANT: usize = 17;

/// How [`Exact::rounded`] settles the digits it drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Round {
    /// To the nearer; a tie to the even digit (`{:.N}`).
    HalfEven,
    /// To the nearer; a tie up, away from 0 (`{}` between two texts as short and as near).
    HalfUp,
    /// Up, away from 0.
    Up,
    /// Down, toward 0.
    Down,
}

/// The exact decimal expansion of a finite value's magnitude: the value is 0.`digits` ×
/// 10^`point` (`digits` ASCII, no leading zero, no trailing zero; empty for 0).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Exact {
    digits: Vec<u8>,
    point: i64,
}

/// Multiplies the little-endian base-10⁹ number `limbs` by `factor` (at most [`FIVE_13`]).
fn multiply(limbs: &mut Vec<u64>, factor: u64) {
    let mut carry = 0;
    for limb in limbs.iter_mut() {
        let product = *limb * factor + carry;
        *limb = product % LIMB;
        carry = product / LIMB;
    }
    while carry > 0 {
        limbs.push(carry % LIMB);
        carry /= LIMB;
    }
}

impl Exact {
    /// The exact expansion of |`value`| (`value` finite).
    fn of(value: f64) -> Self {
        let (mantissa, exponent) = parts(value);
        Self::of_parts(mantissa, exponent)
    }

    /// The exact expansion of `mantissa` × 2^`exponent`.
    fn of_parts(mantissa: u64, exponent: i64) -> Self {
        if mantissa == 0 {
            return Self {
                digits: Vec::new(),
                point: 0,
            };
        }
        let mut limbs = vec![
            mantissa % LIMB,
            mantissa / LIMB % LIMB,
            mantissa / LIMB / LIMB,
        ];
        // m × 2^e for e ≥ 0; for e < 0, m × 2^e = m × 5^−e ÷ 10^−e.
        let (factor, chunk, mut times, shift) = if exponent >= 0 {
            (1 << 30, 30, exponent, 0)
        } else {
            (FIVE_13, 13, -exponent, -exponent)
        };
        while times > 0 {
            let step = times.min(chunk);
            let step_factor = if step == chunk {
                factor
            } else if exponent >= 0 {
                1 << step
            } else {
                5_u64.pow(step as u32)
            };
            multiply(&mut limbs, step_factor);
            times -= step;
        }
        while limbs.len() > 1 && limbs.last() == Some(&0) {
            limbs.pop();
        }
        let mut text = String::new();
        for (index, limb) in limbs.iter().rev().enumerate() {
            let part = limb.to_string();
            if index > 0 {
                text.extend(std::iter::repeat_n('0', 9 - part.len()));
            }
            text.push_str(&part);
        }
        let mut digits = text.into_bytes();
        let point = digits.len() as i64 - shift;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Self { digits, point }
    }

    /// Orders two expansions by the values they stand for.
    fn compare(&self, other: &Self) -> Ordering {
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            // Both start with a non-zero digit, so the point orders them first; trailing zeros
            // are trimmed, so a digit string that is a prefix of the other is the smaller.
            (false, false) => self
                .point
                .cmp(&other.point)
                .then_with(|| self.digits.cmp(&other.digits)),
        }
    }

    /// The digit at `index` from the left (0 past either end).
    fn digit(&self, index: i64) -> u8 {
        usize::try_from(index)
            .ok()
            .and_then(|index| self.digits.get(index))
            .map_or(0, |digit| digit - b'0')
    }

    /// The value rounded to its first `keep` digits (counted from the first significant one;
    /// 0 or fewer keeps none), as `mode` says.
    fn rounded(&self, keep: i64, mode: Round) -> Self {
        if keep >= self.digits.len() as i64 {
            return self.clone();
        }
        let first_dropped = self.digit(keep);
        let rest_dropped = (keep + 1..self.digits.len() as i64).any(|at| self.digit(at) != 0);
        let last_kept_odd = keep > 0 && self.digit(keep - 1) % 2 == 1;
        let round_up = match mode {
            Round::Up => true,
            Round::Down => false,
            Round::HalfUp => first_dropped >= 5,
            Round::HalfEven => {
                first_dropped > 5 || (first_dropped == 5 && (rest_dropped || last_kept_odd))
            }
        };
        let kept = usize::try_from(keep).unwrap_or(0);
        let mut digits: Vec<u8> = self.digits.iter().take(kept).copied().collect();
        // The kept digits stand for 0 when none is kept: rounding up makes 1 at the last place.
        let mut point = if keep > 0 {
            self.point
        } else {
            self.point - keep
        };
        if round_up {
            let mut carried = true;
            for digit in digits.iter_mut().rev() {
                if *digit == b'9' {
                    *digit = b'0';
                } else {
                    *digit += 1;
                    carried = false;
                    break;
                }
            }
            if carried {
                digits.insert(0, b'1');
                point += 1;
            }
        }
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            point = 0;
        }
        Self { digits, point }
    }

    /// Written out with `decimals` decimals (`None`: as many as it has), no exponent.
    fn write(&self, negative: bool, decimals: Option<usize>) -> String {
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        if self.point <= 0 {
            out.push('0');
        } else {
            for at in 0..self.point {
                out.push(char::from(b'0' + self.digit(at)));
            }
        }
        let needed = (self.digits.len() as i64 - self.point).max(0) as usize;
        let decimals = decimals.unwrap_or(needed);
        if decimals > 0 {
            out.push('.');
            for at in 0..decimals as i64 {
                out.push(char::from(b'0' + self.digit(self.point + at)));
            }
        }
        out
    }
}

/// `value` with exactly `decimals` decimals, rounded half to even on its exact binary value:
/// the text of `format!("{value:.decimals$}")` (0.125 → "0.12", 2.5 with none → "2", −0.001
/// with two → "-0.00"). Not finite: "NaN", "inf" or "-inf", as the standard library writes them.
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let exact = Exact::of(value);
    let keep = exact.point.saturating_add(decimals as i64);
    exact
        .rounded(keep, Round::HalfEven)
        .write(value.is_sign_negative(), Some(decimals))
}

/// The shortest text that reads back as `value`, no exponent: the text of `format!("{value}")`
/// (0.1 → "0.1", 1e21 → "1000000000000000000000", −0 → "-0"). Of two texts as short, the one
/// nearer the exact value, and of two as near the larger. Not finite: "NaN", "inf" or "-inf".
pub fn shortest(value: f64) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let negative = value.is_sign_negative();
    let exact = Exact::of(value);
    if exact.digits.is_empty() {
        return exact.write(negative, None);
    }
    let interval = Interval::around(value.abs());
    let reads_back = |candidate: &Exact| interval.holds(candidate);
    for keep in 1..=MAX_SIGNIFICANT as i64 {
        let nearest = exact.rounded(keep, Round::HalfUp);
        if reads_back(&nearest) {
            return nearest.write(negative, None);
        }
        // At a power of two the float below is half as far as the float above, so the interval
        // that reads back is lopsided: the other neighbour at this length may read back where
        // the nearest does not.
        let down = exact.rounded(keep, Round::Down);
        let other = if nearest == down {
            exact.rounded(keep, Round::Up)
        } else {
            down
        };
        if reads_back(&other) {
            return other.write(negative, None);
        }
    }
    exact.write(negative, None)
}

/// A finite value's magnitude as (mantissa, exponent): |value| = mantissa × 2^exponent.
fn parts(value: f64) -> (u64, i64) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// The values that read back as one positive finite `f64`: those between the midpoints to its
/// neighbours, a midpoint itself reading back as the neighbour with the even mantissa (round half
/// to even, as every reader of decimal text does).
struct Interval {
    below: Exact,
    above: Exact,
    ends_included: bool,
}

impl Interval {
    fn around(value: f64) -> Self {
        let (mantissa, exponent) = parts(value);
        // Midpoints, doubled so they stay whole: (2m ± 1) × 2^(e − 1). A power of two's float
        // below is half as far: (4m − 1) × 2^(e − 2); not so for the smallest normal value,
        // whose neighbour below (the largest subnormal) is as far as the one above.
        let is_power_of_two = mantissa == 1 << 52 && exponent > -1074;
        let below = if is_power_of_two {
            Exact::of_parts(4 * mantissa - 1, exponent - 2)
        } else {
            Exact::of_parts(2 * mantissa - 1, exponent - 1)
        };
        Self {
            below,
            above: Exact::of_parts(2 * mantissa + 1, exponent - 1),
            ends_included: mantissa % 2 == 0,
        }
    }

    /// Whether `candidate` reads back as the value.
    fn holds(&self, candidate: &Exact) -> bool {
        let inside = |order: Ordering, wanted: Ordering| {
            order == wanted || (order == Ordering::Equal && self.ends_included)
        };
        inside(candidate.compare(&self.below), Ordering::Greater)
            && inside(candidate.compare(&self.above), Ordering::Less)
    }
}

/// The standard library's text of a value that is not finite.
fn non_finite(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value > 0.0 {
        "inf".to_owned()
    } else {
        "-inf".to_owned()
    }
}
