//! The blog embed's start: what its URL's query parameters ask for (a goal, stages and rates, a
//! theme, an accent colour, the sections to show), read so that a bad parameter falls back to its
//! default and never breaks the page; and the query that asks for a plan, for the snippet the
//! full app builds.
//!
//! Parameters (numbers are plain decimals, `.` as the decimal mark, e.g. `10000000` or `1.5`):
//! - `goal`: the revenue goal per year; or `customers`: new customers per year (`goal` wins);
//! - `average`: average revenue per new customer;
//! - `stage` (repeated, top to bottom, 2–10) and `rate` (repeated, one fewer: the percent of each
//!   stage that reaches the next); a list of the wrong length keeps the default funnel;
//! - `top`: current volume at the top stage per month (for the forward check);
//! - `theme`: `light`, `dark` or `auto` (the reader's setting);
//! - `accent`: a hex colour, `0b5cad` or `#0b5cad` (or 3 digits);
//! - `show`: the sections, comma-separated, from `stages`, `targets`, `check`, `how`;
//! - `currency`: the currency of the amounts, an ISO 4217 code such as `EUR` (default: the
//!   language's usual one);
//! - `lang`: the language (`en`, `id`, `pl`, `fr`); the page reads it before it starts, so it is
//!   not part of [`EmbedStart`].

use crate::model::draft::{GoalKind, StageDraft, StageId};
use crate::model::number::{format_decimal, parse_number, plain_decimal, NumberSymbols};
use crate::model::{Currency, PlanDraft, MAX_STAGES, MIN_STAGES};

/// How a link from the embed to the full app starts its fragment: `#open?goal=…&stage=…`, the
/// same parameters as the embed's query. The full app opens it as a shared plan.
pub const OPEN_PREFIX: &str = "open?";

/// The longest text kept from one parameter (a stage name), in characters.
const MAX_PARAMETER_CHARS: usize = 200;

/// Decimals kept when a parameter's number is written into the form.
const TYPED_DECIMALS: usize = 6;

/// The embed's colours: the reader's setting, or one the blog chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The parameter's value for this theme.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(text: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|theme| theme.name().eq_ignore_ascii_case(text.trim()))
    }
}

/// Which parts of the calculator the embed shows (the goal always shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections {
    /// The stages and their rates, to edit.
    pub stages: bool,
    /// The targets table per month, quarter and year.
    pub targets: bool,
    /// The forward check from current top-stage volume.
    pub check: bool,
    /// "How this is calculated" under the targets.
    pub how: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Sections {
            stages: true,
            targets: true,
            check: true,
            how: true,
        }
    }
}

impl Sections {
    const NAMES: [&'static str; 4] = ["stages", "targets", "check", "how"];

    fn flags(self) -> [bool; 4] {
        [self.stages, self.targets, self.check, self.how]
    }

    /// Reads `stages,targets`; an unknown name is skipped, and a list naming nothing known keeps
    /// every section.
    fn parse(text: &str) -> Sections {
        let named: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|name| Self::NAMES.contains(name))
            .collect();
        if named.is_empty() {
            return Sections::default();
        }
        Sections {
            stages: named.contains(&"stages"),
            targets: named.contains(&"targets"),
            check: named.contains(&"check"),
            how: named.contains(&"how"),
        }
    }

    /// The parameter's value, e.g. `stages,targets`.
    fn value(self) -> String {
        Self::NAMES
            .into_iter()
            .zip(self.flags())
            .filter(|(_, is_shown)| *is_shown)
            .map(|(name, _)| name)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A colour as red, green and blue, 0–255 each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#0b5cad`, `0b5cad`, `#08c` or `08c`; anything else is `None`.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digits: Vec<u8> = hex
            .chars()
            .filter_map(|c| c.to_digit(16))
            .map(|digit| digit as u8)
            .collect();
        match digits.as_slice() {
            [r, g, b] => Some(Rgb(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(Rgb(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, 0 (black) to 1 (white), as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let channel = |value: u8| {
            let c = f64::from(value) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }

    /// This colour moved towards `target` by `step` of the way (0–1).
    fn towards(self, target: Rgb, step: f64) -> Rgb {
        let mix = |from: u8, to: u8| {
            let value = f64::from(from) + (f64::from(to) - f64::from(from)) * step;
            value.round().clamp(0.0, 255.0) as u8
        };
        Rgb(
            mix(self.0, target.0),
            mix(self.1, target.1),
            mix(self.2, target.2),
        )
    }
}

/// The contrast text and links need against their background (WCAG AA, normal text).
pub const TEXT_CONTRAST: f64 = 4.5;

const WHITE: Rgb = Rgb(255, 255, 255);
const BLACK: Rgb = Rgb(0, 0, 0);

/// An accent colour made readable on a page of colour `paper`: darkened (on a light page) or
/// lightened (on a dark one) in small steps until it has [`TEXT_CONTRAST`] against it; with the
/// ink (white or black) that reads best on it, for buttons filled with the accent.
pub fn readable_accent(accent: Rgb, paper: Rgb) -> (Rgb, Rgb) {
    let target = if paper.luminance() > 0.5 {
        BLACK
    } else {
        WHITE
    };
    let mut colour = accent;
    for step in 1..=20 {
        if colour.contrast(paper) >= TEXT_CONTRAST {
            break;
        }
        colour = accent.towards(target, f64::from(step) / 20.0);
    }
    let ink = if colour.contrast(WHITE) >= colour.contrast(BLACK) {
        WHITE
    } else {
        BLACK
    };
    (colour, ink)
}

/// What the embed starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedStart {
    /// The plan in the calculator (never saved).
    pub draft: PlanDraft,
    pub theme: Theme,
    /// The blog's accent colour, if it gave a valid one.
    pub accent: Option<Rgb>,
    pub sections: Sections,
    /// The plan's parameters the query gave but that could not be used, so the example's value
    /// stands in their place (said on the page): their names as in the query, in the order
    /// `goal`, `customers`, `average`, `top`, `currency`, `stage`, `rate`.
    pub ignored: Vec<&'static str>,
}

impl EmbedStart {
    /// The parameters [`Self::ignored`] names, as a list: "goal, stage, rate".
    pub fn ignored_list(&self) -> String {
        self.ignored.join(", ")
    }
}

/// Reads the embed's query `pairs` (already decoded, see [`decode_query`]) over `default` (the
/// worked example): every valid parameter replaces its default; every bad one is ignored, and
/// named in [`EmbedStart::ignored`] when it is one of the plan's values.
/// `symbols` writes the numbers into the form as the page's language does.
pub fn embed_start(
    pairs: &[(String, String)],
    default: PlanDraft,
    symbols: NumberSymbols,
) -> EmbedStart {
    let values = |name: &str| -> Vec<&str> {
        pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    };
    let last = |name: &str| values(name).last().copied();
    // A number given as a plain decimal, within `range`.
    let number = |name: &str, is_valid: fn(f64) -> bool| {
        last(name)
            .and_then(|text| plain_number(text).filter(|value| is_valid(*value)))
            .map(|value| format_decimal(value, TYPED_DECIMALS, symbols))
    };
    let mut draft = default;
    let mut ignored = Vec::new();
    // The value of `name` when the query gave one that `read` cannot use is ignored.
    let mut read = |name: &'static str, value: Option<String>| {
        if value.is_none() && last(name).is_some() {
            ignored.push(name);
        }
        value
    };
    let goal = read("goal", number("goal", |value| value > 0.0));
    let customers = read("customers", number("customers", |value| value > 0.0));
    match (goal, customers) {
        (Some(goal), _) => {
            draft.goal_kind = GoalKind::Revenue;
            draft.revenue_goal = goal;
            draft.new_customers_goal.clear();
        }
        (None, Some(customers)) => {
            draft.goal_kind = GoalKind::NewCustomers;
            draft.new_customers_goal = customers;
            draft.revenue_goal.clear();
        }
        (None, None) => {}
    }
    if let Some(average) = read("average", number("average", |value| value > 0.0)) {
        draft.average_revenue_per_customer = average;
    }
    if let Some(top) = read("top", number("top", |value| value >= 0.0)) {
        draft.current_top_per_month = top;
    }
    let currency = last("currency")
        .and_then(|code| Currency::parse(code).ok())
        .map(|currency| currency.code().to_owned());
    if let Some(currency) = read("currency", currency) {
        draft.currency = currency;
    }
    let names = values("stage");
    let rates = values("rate");
    let rates: Option<Vec<String>> = rates
        .iter()
        .map(|text| {
            plain_number(text)
                .filter(|rate| *rate > 0.0 && *rate <= 100.0)
                .map(|rate| format_decimal(rate, TYPED_DECIMALS, symbols))
        })
        .collect();
    let fits = (MIN_STAGES..=MAX_STAGES).contains(&names.len())
        && rates
            .as_ref()
            .is_some_and(|rates| rates.len() + 1 == names.len())
        && names.iter().all(|name| !name.trim().is_empty());
    let is_given = !names.is_empty() || rates.as_ref().is_none_or(|rates| !rates.is_empty());
    if is_given && !fits {
        // The funnel is taken whole or not at all.
        ignored.extend(["stage", "rate"]);
    }
    if let (true, Some(rates)) = (fits, rates) {
        draft.stages = names
            .iter()
            .enumerate()
            .map(|(index, name)| StageDraft {
                id: StageId(index as u32 + 1),
                name: name.trim().chars().take(MAX_PARAMETER_CHARS).collect(),
                rate_to_next: rates.get(index).cloned().unwrap_or_default(),
            })
            .collect();
    }
    EmbedStart {
        draft,
        theme: last("theme").and_then(Theme::parse).unwrap_or_default(),
        accent: last("accent").and_then(Rgb::parse_hex),
        sections: last("show").map(Sections::parse).unwrap_or_default(),
        ignored,
    }
}

/// A plain decimal such as `10000000`, `1.5` or `0.25` (no separators, no sign, no exponent).
fn plain_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let is_plain = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit() || c == '.')
        && text.chars().filter(|c| *c == '.').count() <= 1
        && text.chars().any(|c| c.is_ascii_digit());
    if !is_plain {
        return None;
    }
    parse_number(text, NumberSymbols::ENGLISH)
        .ok()
        .filter(|value| value.is_finite())
}

/// The query (without `?`) that starts an embed with `draft`'s plan as far as it is valid,
/// `theme`, `accent` and `sections`: numbers as plain decimals, read with `symbols` (the page's
/// language). Fields that are empty or invalid are left out, so the embed's defaults fill them.
pub fn embed_query(
    draft: &PlanDraft,
    symbols: NumberSymbols,
    theme: Theme,
    accent: Option<Rgb>,
    sections: Sections,
) -> String {
    let plain = |text: &str| {
        parse_number(text, symbols)
            .ok()
            .filter(|value| value.is_finite() && *value >= 0.0)
            .map(plain_decimal)
    };
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let goal = match draft.goal_kind {
        GoalKind::Revenue => ("goal", plain(&draft.revenue_goal)),
        GoalKind::NewCustomers => ("customers", plain(&draft.new_customers_goal)),
    };
    if let (name, Some(value)) = goal {
        pairs.push((name, value));
    }
    if let Some(average) = plain(&draft.average_revenue_per_customer) {
        pairs.push(("average", average));
    }
    let rates: Option<Vec<String>> = draft
        .stages
        .iter()
        .take(draft.stages.len().saturating_sub(1))
        .map(|stage| plain(&stage.rate_to_next))
        .collect();
    if let Some(rates) = rates {
        for stage in &draft.stages {
            pairs.push(("stage", stage.name.trim().to_owned()));
        }
        for rate in rates {
            pairs.push(("rate", rate));
        }
    }
    if let Some(top) = plain(&draft.current_top_per_month) {
        pairs.push(("top", top));
    }
    if let Ok(currency) = draft.currency() {
        pairs.push(("currency", currency.code().to_owned()));
    }
    pairs.push(("lang", draft.typed_in.tag().to_owned()));
    if theme != Theme::Auto {
        pairs.push(("theme", theme.name().to_owned()));
    }
    if let Some(accent) = accent {
        pairs.push(("accent", accent.hex().trim_start_matches('#').to_owned()));
    }
    if sections != Sections::default() {
        pairs.push(("show", sections.value()));
    }
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes `text` for a query value: every byte but `A–Z a–z 0–9 - . _ ~` as `%XX`.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The name–value pairs of a query (with or without `?`): `+` is a space, `%XX` a byte; a
/// broken escape is kept as typed and bytes that are not UTF-8 become U+FFFD.
pub fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(name), decode_component(value))
        })
        .collect()
}

fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (byte, escaped) {
            (_, Some(value)) => {
                out.push(value);
                index += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                index += 1;
            }
            (other, None) => {
                out.push(other);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
