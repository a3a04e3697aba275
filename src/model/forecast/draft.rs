//! The forecast's inputs as typed: the monthly phasing of the goal, the days each stage takes,
//! a low–high range around each rate and the average revenue, the simulation's seed, the
//! scenarios' percentage and the plans compared side by side. Every number is kept as the text
//! typed (in the language [`ForecastDraft::typed_in`] names), so nothing typed is lost; this
//! module reads them into the values of `timing`, `odds` and `scenarios` with an error per field.
//!
//! A plan keeps its forecast as one JSON text (`PlanDraft::forecast`): only the Forecast page
//! reads and writes it, so the other pages carry none of this. It names its fields once for the one
//! codec of a page's own data ([`PageData`]), whose `version` is this shape's own.
//!
//! Units: rates and their ranges are typed as percents and read as fractions; days are calendar
//! days from one stage to the next; the revenue range is money per new customer.

use crate::model::forecast::odds::Spread;
use crate::model::forecast::timing::{self, Phasing, MAX_DAYS, MONTHS};
use crate::model::number::{parse_non_negative, parse_percent};
use crate::model::page_data::{tag, tags, typed_in_field, Fields, Number, PageData, Slot, Walk};
use crate::model::{InputError, Lang, NumberSymbols, StageId};

/// The version of the forecast's own shape that this build writes.
pub const FORECAST_VERSION: u32 = 1;

/// The most plans compared side by side, the open one included.
pub const MAX_COMPARED: usize = 4;

/// The seed a new forecast starts with.
pub const DEFAULT_SEED: &str = "1";

/// The change "Make scenarios" applies to every rate, in percent, until another is typed.
pub const DEFAULT_SCENARIO_PERCENT: &str = "20";

/// The largest seed that can be typed: 2^32 − 1, short enough to read out and type again.
pub const MAX_SEED: u64 = u32::MAX as u64;

/// How the year's customers spread over its months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PhasingMode {
    /// The same every month.
    #[default]
    Even,
    /// By the weights typed for each month (last year's customers by month, or percents).
    Weights,
}

/// A text typed for one stage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StageText {
    pub stage: u32,
    pub text: String,
}

/// A low–high range typed around a stage's rate into the next (percents; either may be empty).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RangeDraft {
    pub stage: u32,
    pub low: String,
    pub high: String,
}

/// The forecast, every number as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastDraft {
    /// The language tag whose number format the texts are typed in (`"pl"`: `1,5`).
    pub typed_in: String,
    /// Even months, or the weights below.
    pub phasing: PhasingMode,
    /// A weight per month of the plan year, first month first (always 12 texts).
    pub weights: Vec<String>,
    /// Days from each stage to the next, by stage id (a stage without an entry takes 0 days).
    pub days: Vec<StageText>,
    /// The ranges around the rates, by stage id (a stage without an entry has no range).
    pub ranges: Vec<RangeDraft>,
    /// The range around the average revenue per new customer (money; either may be empty).
    pub revenue_low: String,
    pub revenue_high: String,
    /// The simulation's seed, a whole number from 0 to [`MAX_SEED`].
    pub seed: String,
    /// "Make scenarios": the change to every rate, in percent of the rate.
    pub scenario_percent: String,
    /// The ids of the other plans shown side by side with this one, in their columns' order.
    pub compare: Vec<String>,
}

impl Default for ForecastDraft {
    fn default() -> Self {
        Self {
            typed_in: Lang::English.tag().to_owned(),
            phasing: PhasingMode::Even,
            weights: vec![String::new(); MONTHS],
            days: Vec::new(),
            ranges: Vec::new(),
            revenue_low: String::new(),
            revenue_high: String::new(),
            seed: DEFAULT_SEED.to_owned(),
            scenario_percent: DEFAULT_SCENARIO_PERCENT.to_owned(),
            compare: Vec::new(),
        }
    }
}

/// A field of the forecast, for placing an error message next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForecastField {
    /// A month's weight (0 = the plan year's first month).
    Weight(usize),
    /// The weights together (all 0).
    Weights,
    /// The days from a stage to the next.
    Days(StageId),
    /// The low end of a stage's rate range.
    Low(StageId),
    /// The high end of a stage's rate range.
    High(StageId),
    /// The low end of the average revenue's range.
    RevenueLow,
    /// The high end of the average revenue's range.
    RevenueHigh,
    /// The seed.
    Seed,
    /// The scenarios' percentage.
    ScenarioPercent,
}

impl ForecastField {
    /// Whether the odds read this field: a range's end or the seed.
    pub fn feeds_odds(self) -> bool {
        matches!(
            self,
            ForecastField::Low(_)
                | ForecastField::High(_)
                | ForecastField::RevenueLow
                | ForecastField::RevenueHigh
                | ForecastField::Seed
        )
    }

    /// Whether the schedule reads this field: a month's weight or a stage's days.
    pub fn feeds_schedule(self) -> bool {
        matches!(
            self,
            ForecastField::Weight(_) | ForecastField::Weights | ForecastField::Days(_)
        )
    }
}

/// A field's problem.
pub type ForecastError = (ForecastField, InputError);

/// The first field among `errors` that a section reads (`feeds`), which stops it: the section
/// says so and links to it rather than show nothing, or claim something false.
pub fn blocking_field(
    errors: &[ForecastError],
    feeds: fn(ForecastField) -> bool,
) -> Option<ForecastField> {
    errors
        .iter()
        .map(|(field, _)| *field)
        .find(|field| feeds(*field))
}

/// The ranges read for the plan's stages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranges {
    /// Each rate's range as fractions, top to bottom (a rate without one is fixed at its value).
    pub rates: Vec<Spread>,
    /// The average revenue's range (money), `None` without an average revenue.
    pub average_revenue: Option<Spread>,
}

impl Ranges {
    /// Whether any input has a range.
    pub fn has_any(&self) -> bool {
        self.rates
            .iter()
            .chain(self.average_revenue.iter())
            .any(|spread| !spread.is_fixed())
    }
}

impl PageData for ForecastDraft {
    const VERSION: u32 = FORECAST_VERSION;
    const SLOT: Slot = Slot::Forecast;

    fn fields(&mut self, walk: &mut dyn Walk) {
        tag(walk, "phasing", &mut self.phasing);
        walk.texts("weights", &mut self.weights, Number::Amount, MONTHS);
        walk.list("days", &mut self.days, usize::MAX);
        walk.list("ranges", &mut self.ranges, usize::MAX);
        let (low, high) = (&mut self.revenue_low, &mut self.revenue_high);
        walk.object("revenue_range", &mut |walk| {
            walk.text("low", low, Number::Amount);
            walk.text("high", high, Number::Amount);
        });
        walk.text("seed", &mut self.seed, Number::Whole);
        let scenarios = &mut self.scenario_percent;
        walk.text("scenario_percent", scenarios, Number::Percent);
        walk.texts("compare", &mut self.compare, Number::No, MAX_COMPARED - 1);
    }

    /// A stage's days left empty, a range with neither end typed.
    fn drop_blank_entries(&mut self) {
        self.days.retain(|entry| !entry.text.trim().is_empty());
        let ranges = &mut self.ranges;
        ranges.retain(|range| !range.low.trim().is_empty() || !range.high.trim().is_empty());
    }

    typed_in_field!();
}

impl Fields for StageText {
    fn fields(&mut self, walk: &mut dyn Walk) {
        walk.id("stage", &mut self.stage);
        walk.text("days", &mut self.text, Number::Amount);
    }
}

impl Fields for RangeDraft {
    fn fields(&mut self, walk: &mut dyn Walk) {
        walk.id("stage", &mut self.stage);
        walk.text("low", &mut self.low, Number::Percent);
        walk.text("high", &mut self.high, Number::Percent);
    }
}

tags!(PhasingMode {
    Even => "even",
    Weights => "weights",
});

impl ForecastDraft {
    /// The weight typed for month `index` of the plan year ("" when none).
    pub fn weight(&self, index: usize) -> &str {
        self.weights.get(index).map_or("", String::as_str)
    }

    /// Sets the weight of month `index`.
    pub fn set_weight(&mut self, index: usize, text: String) {
        self.weights.resize(MONTHS, String::new());
        if let Some(weight) = self.weights.get_mut(index) {
            *weight = text;
        }
    }

    /// The days typed from stage `id` to the next ("" when none).
    pub fn days_of(&self, id: StageId) -> &str {
        self.days
            .iter()
            .find(|entry| entry.stage == id.0)
            .map_or("", |entry| entry.text.as_str())
    }

    /// Sets the days from stage `id` to the next.
    pub fn set_days(&mut self, id: StageId, text: String) {
        match self.days.iter_mut().find(|entry| entry.stage == id.0) {
            Some(entry) => entry.text = text,
            None => self.days.push(StageText { stage: id.0, text }),
        }
    }

    /// The range typed around stage `id`'s rate (empty texts when none).
    pub fn range_of(&self, id: StageId) -> (&str, &str) {
        self.ranges
            .iter()
            .find(|range| range.stage == id.0)
            .map_or(("", ""), |range| (range.low.as_str(), range.high.as_str()))
    }

    /// Sets the low (`is_high` false) or high end of stage `id`'s range.
    pub fn set_range(&mut self, id: StageId, is_high: bool, text: String) {
        let range = match self.ranges.iter().position(|range| range.stage == id.0) {
            Some(index) => self.ranges.get_mut(index),
            None => {
                self.ranges.push(RangeDraft {
                    stage: id.0,
                    ..RangeDraft::default()
                });
                self.ranges.last_mut()
            }
        };
        if let Some(range) = range {
            if is_high {
                range.high = text;
            } else {
                range.low = text;
            }
        }
    }

    /// The text typed in `field` ("" for the weights as a whole, which have no field of their
    /// own).
    pub fn text(&self, field: ForecastField) -> &str {
        match field {
            ForecastField::Weight(index) => self.weight(index),
            ForecastField::Weights => "",
            ForecastField::Days(id) => self.days_of(id),
            ForecastField::Low(id) => self.range_of(id).0,
            ForecastField::High(id) => self.range_of(id).1,
            ForecastField::RevenueLow => &self.revenue_low,
            ForecastField::RevenueHigh => &self.revenue_high,
            ForecastField::Seed => &self.seed,
            ForecastField::ScenarioPercent => &self.scenario_percent,
        }
    }

    /// Sets the text of `field` (the weights as a whole take none).
    pub fn set(&mut self, field: ForecastField, text: String) {
        match field {
            ForecastField::Weight(index) => self.set_weight(index, text),
            ForecastField::Weights => {}
            ForecastField::Days(id) => self.set_days(id, text),
            ForecastField::Low(id) => self.set_range(id, false, text),
            ForecastField::High(id) => self.set_range(id, true, text),
            ForecastField::RevenueLow => self.revenue_low = text,
            ForecastField::RevenueHigh => self.revenue_high = text,
            ForecastField::Seed => self.seed = text,
            ForecastField::ScenarioPercent => self.scenario_percent = text,
        }
    }

    /// The phasing read: even, or the weights typed, with the problems of the weights.
    pub fn phasing(&self) -> (Phasing, Vec<ForecastError>) {
        if self.phasing == PhasingMode::Even {
            return (Phasing::Even, Vec::new());
        }
        let symbols = self.lang().symbols();
        let mut errors = Vec::new();
        let mut weights = [0.0; MONTHS];
        for (index, weight) in weights.iter_mut().enumerate() {
            match parse_non_negative(self.weight(index), symbols) {
                Ok(value) => *weight = value,
                Err(error) => errors.push((ForecastField::Weight(index), error)),
            }
        }
        if errors.is_empty() && weights.iter().all(|weight| *weight == 0.0) {
            errors.push((ForecastField::Weights, InputError::NotPositive));
        }
        (Phasing::Weights(weights), errors)
    }

    /// The days from each of `stages` (top to bottom) to the next, for every stage but the last
    /// (an empty field is 0 days), with the problems of the fields typed.
    pub fn days_to_next(&self, stages: &[StageId]) -> (Vec<f64>, Vec<ForecastError>) {
        let symbols = self.lang().symbols();
        let mut errors = Vec::new();
        let upper = stages.split_last().map_or(&[][..], |(_, upper)| upper);
        let days = upper
            .iter()
            .map(|id| {
                let text = self.days_of(*id);
                if text.trim().is_empty() {
                    return 0.0;
                }
                match parse_non_negative(text, symbols).and_then(|days| {
                    if days > MAX_DAYS {
                        Err(InputError::TooManyDays)
                    } else {
                        Ok(days)
                    }
                }) {
                    Ok(days) => days,
                    Err(error) => {
                        errors.push((ForecastField::Days(*id), error));
                        0.0
                    }
                }
            })
            .collect();
        (days, errors)
    }

    /// What each of `stages` (top to bottom) must reach in each month: their `yearly` targets
    /// (per year, from the reverse funnel) spread over the months by this forecast's phasing and
    /// moved earlier by its days to the next stage ([`timing::schedule`]); `None` while a
    /// phasing or days field has a problem (each named by [`Self::errors`]).
    ///
    /// Example: 12 customers a year from 24 opportunities, evenly, 30.4375 days from one to the
    /// other: 2 opportunities a month from the month before the plan year, 1 customer a month.
    pub fn schedule(&self, stages: &[StageId], yearly: &[f64]) -> Option<timing::Schedule> {
        let (phasing, errors) = self.phasing();
        let (days, day_errors) = self.days_to_next(stages);
        if !errors.is_empty() || !day_errors.is_empty() {
            return None;
        }
        let shares = timing::monthly_shares(&phasing).ok()?;
        let leads = timing::lead_months(&days).ok()?;
        timing::schedule(yearly, &shares, &leads).ok()
    }

    /// The ranges read around the plan's values: `rates` are the plan's rates as fractions, one
    /// per stage but the last (`stages` top to bottom), and `average_revenue` the plan's average
    /// revenue per new customer. An end left empty is the plan's value (a range on one side
    /// only); an end on the wrong side of the plan's value is an error, and that input is then
    /// fixed at its value.
    pub fn ranges(
        &self,
        stages: &[StageId],
        rates: &[f64],
        average_revenue: Option<f64>,
    ) -> (Ranges, Vec<ForecastError>) {
        let symbols = self.lang().symbols();
        let mut errors = Vec::new();
        let spreads = stages
            .iter()
            .zip(rates)
            .map(|(id, rate)| {
                let (low, high) = self.range_of(*id);
                spread(
                    (low, ForecastField::Low(*id)),
                    (high, ForecastField::High(*id)),
                    *rate,
                    rate_end,
                    symbols,
                    &mut errors,
                )
            })
            .collect();
        let average_revenue = average_revenue.map(|average| {
            spread(
                (&self.revenue_low, ForecastField::RevenueLow),
                (&self.revenue_high, ForecastField::RevenueHigh),
                average,
                parse_non_negative,
                symbols,
                &mut errors,
            )
        });
        (
            Ranges {
                rates: spreads,
                average_revenue,
            },
            errors,
        )
    }

    /// The seed read: a whole number from 0 to [`MAX_SEED`]; anything else (letters, decimals,
    /// a negative or larger number) is [`InputError::NotWhole`], whose message states that
    /// range (not the general limit of a number field, nor an example with decimals).
    pub fn seed(&self) -> Result<u64, InputError> {
        match parse_non_negative(&self.seed, self.lang().symbols()) {
            Ok(seed) if seed.fract() == 0.0 && seed <= MAX_SEED as f64 => Ok(seed as u64),
            _ => Err(InputError::NotWhole),
        }
    }

    /// The scenarios' change read as a fraction: a percent above 0 and below 100.
    pub fn scenario_change(&self) -> Result<f64, InputError> {
        let percent = parse_percent(&self.scenario_percent, self.lang().symbols())?;
        if percent <= 0.0 || percent >= 100.0 {
            return Err(InputError::ChangeOutOfRange);
        }
        Ok(percent / 100.0)
    }

    /// Every problem of the fields typed for a plan with `stages` (top to bottom), its rates
    /// and its average revenue: what the page shows next to each field.
    pub fn errors(
        &self,
        stages: &[StageId],
        rates: &[f64],
        average_revenue: Option<f64>,
    ) -> Vec<ForecastError> {
        let mut errors = self.phasing().1;
        errors.extend(self.days_to_next(stages).1);
        errors.extend(self.ranges(stages, rates, average_revenue).1);
        if let Err(error) = self.seed() {
            errors.push((ForecastField::Seed, error));
        }
        if let Err(error) = self.scenario_change() {
            errors.push((ForecastField::ScenarioPercent, error));
        }
        errors
    }
}

/// One end of a rate's range: a percent above 0 and at most 100, read as a fraction (a rate of
/// 0 % would make every trial lose every customer: no rate a plan can have).
fn rate_end(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let percent = parse_percent(text, symbols)?;
    if percent <= 0.0 || percent > 100.0 {
        return Err(InputError::RateOutOfRange);
    }
    Ok(percent / 100.0)
}

/// The range typed around `value`: each end read by `parse` (empty: `value`), the low end not
/// above `value` and the high end not below it.
fn spread(
    (low, low_field): (&str, ForecastField),
    (high, high_field): (&str, ForecastField),
    value: f64,
    parse: fn(&str, NumberSymbols) -> Result<f64, InputError>,
    symbols: NumberSymbols,
    errors: &mut Vec<ForecastError>,
) -> Spread {
    let mut end = |text: &str, field: ForecastField, is_on_side: fn(f64, f64) -> bool| {
        if text.trim().is_empty() {
            return Some(value);
        }
        match parse(text, symbols) {
            Ok(end) if is_on_side(end, value) => Some(end),
            Ok(_) => {
                errors.push((field, InputError::RangeMissesPlan));
                None
            }
            Err(error) => {
                errors.push((field, error));
                None
            }
        }
    };
    let low = end(low, low_field, |end, value| end <= value);
    let high = end(high, high_field, |end, value| end >= value);
    match (low, high) {
        (Some(low), Some(high)) => Spread::new(low, value, high).unwrap_or(Spread::fixed(value)),
        _ => Spread::fixed(value),
    }
}
