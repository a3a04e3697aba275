//! Tracking the year: the results a team enters month by month (the actuals), set against the
//! plan's targets.
//!
//! - [`TrackingDraft`] is what the person typed: the plan year's first month, one text per cell
//!   of the results grid (a month × a stage, the spend or the revenue; the whole plan's or one
//!   channel's) and the focus areas of each quarter. An empty cell means "not entered yet",
//!   never 0.
//! - [`TrackingDraft::check`] reads the typed cells into [`Actuals`], each cell on its own: a cell
//!   that cannot be read is reported and counts as not entered.
//! - [`standing`] compares the actuals with the targets (per month, quarter and year to date,
//!   pacing, the run rate still needed, the conversion achieved); [`leak`] finds the stage that
//!   loses the most revenue.
//!
//! Units: counts and money per month (one cell is one month's result); a month is named by its
//! index in the plan year, 0 for the first month (which may be any calendar month).

pub mod leak;
pub mod standing;
pub mod would_take;

use crate::model::number::{parse_non_negative, retype, NumberSymbols};
use crate::model::order::sort_stable_by;
use crate::model::{ChannelId, InputError, StageId};

/// Months in a plan year.
pub const MONTHS: usize = 12;

/// Quarters in a plan year.
pub const QUARTERS: usize = 4;

/// Focus areas a quarter can have.
pub const FOCUS_PER_QUARTER: usize = 2;

/// One value per month of the plan year: `None` when nothing was entered for that month.
pub type Series = [Option<f64>; MONTHS];

/// A calendar month: its year and its month, 1 (January) to 12. Months compare in time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// Months counted from January of year 0.
    fn count(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    /// The month as a spreadsheet in any language reads it: "2027-04".
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The month `count` months after January of year 0.
    fn from_count(count: i64) -> Self {
        Self {
            year: i32::try_from(count.div_euclid(12)).unwrap_or(i32::MAX),
            month: (count.rem_euclid(12) + 1) as u8,
        }
    }
}

/// The first month of a plan year (any calendar month: a fiscal year may start in April).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanYear {
    /// The calendar year the plan year starts in, e.g. 2027.
    year: i32,
    /// The calendar month it starts in, 1 (January) to 12.
    month: u8,
}

impl PlanYear {
    /// The earliest and latest calendar years a plan year may start in.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=9998;

    /// A plan year starting in calendar `month` (1–12) of `year`, if both are in range.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && Self::YEARS.contains(&year)).then_some(Self { year, month })
    }

    /// A plan year from its first month written as a month field and the saved plan write it,
    /// "2027-04"; `None` for any other text or a month [`Self::new`] refuses.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// A plan year starting in January of `year` (the default: the current year), clamped into
    /// [`Self::YEARS`].
    pub fn january(year: i32) -> Self {
        Self {
            year: year.clamp(*Self::YEARS.start(), *Self::YEARS.end()),
            month: 1,
        }
    }

    /// The calendar year it starts in.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The calendar month it starts in, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The calendar year and month (1–12) of the plan year's month `index` (0 = its first;
    /// indexes past 11 go on into the next year).
    pub fn calendar(self, index: usize) -> (i32, u8) {
        let month = self.month_at(i32::try_from(index).unwrap_or(i32::MAX));
        (month.year, month.month)
    }

    /// The plan year of a plan that has none set yet, on `today`: January of this year, or
    /// from October on January of next year (a plan made in the last quarter is for the coming
    /// year).
    ///
    /// Example: on 15 October 2026 a new plan's year is January to December 2027.
    pub fn default_on(today: Month) -> Self {
        Self::january(today.year + i32::from(today.month >= 10))
    }

    /// The calendar month `offset` months after the plan year's first (negative: before it).
    ///
    /// Example: for a plan year from April 2027, offset −1 is March 2027 and 11 is March 2028.
    pub fn month_at(self, offset: i32) -> Month {
        let first = Month {
            year: self.year,
            month: self.month,
        };
        Month::from_count(first.count() + i64::from(offset))
    }

    /// How many months `month` is after the plan year's first (negative: before it), the
    /// inverse of [`Self::month_at`].
    ///
    /// Example: for a plan year from April 2027, March 2027 is −1 and March 2028 is 11.
    pub fn offset_of(self, month: Month) -> i32 {
        let first = self.month_at(0);
        let months = month.count() - first.count();
        // Clamped, never wrapped, for months too far apart for an `i32`.
        i32::try_from(months).unwrap_or(if months < 0 { i32::MIN } else { i32::MAX })
    }

    /// Whether the month `offset` months after the plan year's first is over on `today`
    /// (strictly before today's month): a target there can only be made up later.
    pub fn is_past(self, offset: i32, today: Month) -> bool {
        self.month_at(offset) < today
    }
}

/// A row of the results grid: a funnel stage's volume, or the month's spend or revenue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    /// The volume reached at a stage (e.g. leads) in the month.
    Stage(StageId),
    /// Marketing spend in the month, in the plan's currency.
    Spend,
    /// Revenue from new customers in the month, in the plan's currency.
    Revenue,
}

/// Where a result cell is: its month, its row, and whose result it is (`None`: the whole plan's;
/// `Some`: one channel's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CellAt {
    /// The month's index in the plan year, 0–11.
    pub month: usize,
    pub row: Row,
    pub channel: Option<ChannelId>,
}

/// One result as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualCell {
    pub at: CellAt,
    /// As typed, in the plan's number format; never empty (an emptied cell is removed).
    pub text: String,
}

/// The tracking side of a plan, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackingDraft {
    /// The plan year's first month. `None` until the person sets it or enters a first result:
    /// until then the plan year is [`PlanYear::default_on`] today (see [`Self::plan_year`]).
    pub start: Option<PlanYear>,
    /// The results typed, in no particular order; at most one per [`CellAt`].
    pub cells: Vec<ActualCell>,
    /// Up to two focus areas per quarter of the plan year, as typed (e.g. "Landing pages").
    pub focus: [[String; FOCUS_PER_QUARTER]; QUARTERS],
}

/// A result that cannot be read, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellError {
    pub at: CellAt,
    pub error: InputError,
}

/// The results read from a [`TrackingDraft`], per month.
#[derive(Debug, Clone, PartialEq)]
pub struct Actuals {
    /// `stages[i]`: stage `i`'s volume (top = 0) per month.
    pub stages: Vec<Series>,
    /// Marketing spend per month.
    pub spend: Series,
    /// Revenue from new customers per month.
    pub revenue: Series,
    /// The cells whose whole-plan value is the sum of the channels' results (for the grid to
    /// show the sum instead of an input).
    pub summed: Vec<(usize, Row)>,
}

impl TrackingDraft {
    /// The plan year: the one set, else the default on `today` ([`PlanYear::default_on`]).
    pub fn plan_year(&self, today: Month) -> PlanYear {
        self.start.unwrap_or_else(|| PlanYear::default_on(today))
    }

    /// The text typed at `at` ("" when nothing is).
    pub fn text(&self, at: CellAt) -> &str {
        self.cells
            .iter()
            .find(|cell| cell.at == at)
            .map_or("", |cell| cell.text.as_str())
    }

    /// Sets the text at `at`; an empty text removes the cell ("not entered"). The cells stay in
    /// the order the written form keeps (see [`Self::in_written_order`]), so a plan saved and
    /// read back is the same plan.
    pub fn set_text(&mut self, at: CellAt, text: String) {
        match self.cells.iter_mut().find(|cell| cell.at == at) {
            Some(cell) if !text.is_empty() => cell.text = text,
            Some(_) => self.cells.retain(|cell| cell.at != at),
            None if !text.is_empty() => {
                self.cells.push(ActualCell { at, text });
                self.in_written_order();
            }
            None => {}
        }
    }

    /// Puts the cells in the order the written form (schema 5) reads them back in: grouped by
    /// row and channel, the groups in the order each was first typed, months in order within
    /// a group.
    pub fn in_written_order(&mut self) {
        let mut groups: Vec<(Row, Option<ChannelId>)> = Vec::new();
        for cell in &self.cells {
            let group = (cell.at.row, cell.at.channel);
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        let key = |cell: &ActualCell| {
            let group = groups
                .iter()
                .position(|group| *group == (cell.at.row, cell.at.channel));
            (group, cell.at.month)
        };
        // The crate's one sort (the standard library's would add its own copy to the page).
        sort_stable_by(&mut self.cells, |a, b| key(a).cmp(&key(b)));
    }

    /// Whether any result (of the plan or of a channel) is typed.
    pub fn has_results(&self) -> bool {
        !self.cells.is_empty()
    }

    /// Forgets the results of stages and channels the plan does not have (`stages`, `channels`:
    /// the plan's ids): a tab that removed one, a file written by hand. Kept, they would come
    /// back under a stage or channel added later with the same id.
    pub fn keep_known(&mut self, stages: &[StageId], channels: &[ChannelId]) {
        self.cells.retain(|cell| {
            cell.at
                .channel
                .is_none_or(|channel| channels.contains(&channel))
                && match cell.at.row {
                    Row::Stage(stage) => stages.contains(&stage),
                    Row::Spend | Row::Revenue => true,
                }
        });
    }

    /// Forgets the results of a removed stage.
    pub fn forget_stage(&mut self, stage: StageId) {
        self.cells.retain(|cell| cell.at.row != Row::Stage(stage));
    }

    /// Forgets the results of a removed channel.
    pub fn forget_channel(&mut self, channel: ChannelId) {
        self.cells.retain(|cell| cell.at.channel != Some(channel));
    }

    /// Writes every result typed in `from`'s format in `to`'s instead (see
    /// [`crate::model::PlanDraft::retyped`]); focus areas are words and stay.
    pub fn retype(&mut self, from: NumberSymbols, to: NumberSymbols) {
        for cell in &mut self.cells {
            cell.text = retype(&cell.text, from, to, false);
        }
    }

    /// Reads every result: `stages` are the plan's stage ids top to bottom, `channels` its
    /// channels' ids. A cell of a stage or channel the plan no longer has is ignored. A cell that
    /// cannot be read is listed and counts as not entered. A whole-plan cell that any channel
    /// has a result for is the sum of the channels' results (its own text is kept, not used).
    pub fn check(
        &self,
        stages: &[StageId],
        channels: &[ChannelId],
        symbols: NumberSymbols,
    ) -> (Actuals, Vec<CellError>) {
        let mut actuals = Actuals {
            stages: vec![[None; MONTHS]; stages.len()],
            spend: [None; MONTHS],
            revenue: [None; MONTHS],
            summed: Vec::new(),
        };
        let mut errors = Vec::new();
        let mut own = Vec::new();
        for cell in &self.cells {
            let is_known = cell.at.month < MONTHS
                && cell
                    .at
                    .channel
                    .is_none_or(|channel| channels.contains(&channel))
                && match cell.at.row {
                    Row::Stage(stage) => stages.contains(&stage),
                    Row::Spend | Row::Revenue => true,
                };
            // Only spaces is nothing entered yet (the text stays as typed).
            if !is_known || cell.text.trim().is_empty() {
                continue;
            }
            let value = match parse_non_negative(&cell.text, symbols) {
                Ok(value) => value,
                Err(error) => {
                    errors.push(CellError { at: cell.at, error });
                    continue;
                }
            };
            let Some(slot) = actuals.slot(stages, cell.at.month, cell.at.row) else {
                continue;
            };
            match cell.at.channel {
                None => own.push((cell.at.month, cell.at.row, value)),
                Some(_) => {
                    *slot = Some(slot.unwrap_or(0.0) + value);
                    let key = (cell.at.month, cell.at.row);
                    if !actuals.summed.contains(&key) {
                        actuals.summed.push(key);
                    }
                }
            }
        }
        // A whole-plan cell the channels' sum replaces is not used: a typo in it is not the
        // person's concern while the grid shows the sum there.
        errors.retain(|error: &CellError| {
            error.at.channel.is_some() || !actuals.summed.contains(&(error.at.month, error.at.row))
        });
        for (month, row, value) in own {
            if actuals.summed.contains(&(month, row)) {
                continue;
            }
            if let Some(slot) = actuals.slot(stages, month, row) {
                *slot = Some(value);
            }
        }
        (actuals, errors)
    }
}

impl Actuals {
    /// The value of `row` in `month`, to fill.
    fn slot(&mut self, stages: &[StageId], month: usize, row: Row) -> Option<&mut Option<f64>> {
        let series = match row {
            Row::Stage(stage) => {
                let index = stages.iter().position(|id| *id == stage)?;
                self.stages.get_mut(index)?
            }
            Row::Spend => &mut self.spend,
            Row::Revenue => &mut self.revenue,
        };
        series.get_mut(month)
    }

    /// The last month (index) with any result, of any stage, the spend or the revenue: the
    /// point the year to date runs to.
    pub fn last_month(&self) -> Option<usize> {
        self.stages
            .iter()
            .chain([&self.spend, &self.revenue])
            .filter_map(|series| series.iter().rposition(Option::is_some))
            .max()
    }

    /// The value of `row` in `month` (`stages`: the plan's stage ids, top to bottom).
    pub fn value(&self, stages: &[StageId], month: usize, row: Row) -> Option<f64> {
        let series = match row {
            Row::Stage(stage) => self
                .stages
                .get(stages.iter().position(|id| *id == stage)?)?,
            Row::Spend => &self.spend,
            Row::Revenue => &self.revenue,
        };
        series.get(month).copied().flatten()
    }

    /// Whether the whole-plan value of `row` in `month` is the channels' sum.
    pub fn is_summed(&self, month: usize, row: Row) -> bool {
        self.summed.contains(&(month, row))
    }
}

/// A block of results pasted from a spreadsheet: tab-separated cells, one line per month.
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    /// The cells that were read, where they go (month, column) and their text as pasted.
    pub filled: Vec<(usize, usize, String)>,
    /// The cells that were not numbers (or fell outside the grid), with their position and text;
    /// nothing is changed for them.
    pub refused: Vec<(usize, usize, String)>,
}

/// Reads a pasted block into the grid from `month`, `column` on (the grid has `columns` columns:
/// the stages, the spend and the revenue). Empty pasted cells are skipped; cells that are not
/// non-negative numbers in `symbols`' format, or that fall outside the 12 × `columns` grid, are
/// refused.
pub fn paste(
    text: &str,
    month: usize,
    column: usize,
    columns: usize,
    symbols: NumberSymbols,
) -> Pasted {
    let mut pasted = Pasted {
        filled: Vec::new(),
        refused: Vec::new(),
    };
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    for (row_offset, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        for (column_offset, cell) in line.split('\t').enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let at = (month + row_offset, column + column_offset, cell.to_owned());
            let is_inside = at.0 < MONTHS && at.1 < columns;
            if is_inside && parse_non_negative(cell, symbols).is_ok() {
                pasted.filled.push(at);
            } else {
                pasted.refused.push(at);
            }
        }
    }
    pasted
}

/// Whether `text` (from the clipboard) is a block of several cells rather than one value.
pub fn is_block(text: &str) -> bool {
    text.trim_end_matches(['\r', '\n']).contains(['\t', '\n'])
}
