//! Results imported from a CRM or analytics export: a CSV or TSV file (HubSpot, Pipedrive,
//! Salesforce or Google Analytics report shapes) read into month × stage counts.
//!
//! - [`Reader`] reads the text in slices (so a page can show progress and stay responsive on a
//!   50,000-row file): a byte-order mark is dropped, the separator (comma, semicolon or tab) is
//!   the one the header row uses most, fields may be quoted (`"Acme, Inc."`, `""` for a quote,
//!   line breaks inside quotes), and each record keeps the line it starts on.
//! - [`read_month`] reads a date or a month: ISO (`2027-03-15`, `2027-03`, with a time after it),
//!   `20270315` and `202703` (Google Analytics), or day and month with a slash, dot or dash
//!   (`15/03/2027`, `3/15/2027`), whose order [`date_order`] finds from the file's own dates, or
//!   that the person is asked for when every date could be either (never guessed).
//! - [`count`] turns the records into counts: one row per record (a date and a stage or status
//!   column, whose values the person maps to the plan's stages; an amount column adds up the
//!   revenue of the records mapped to the last stage), or one row per month (a month column and a
//!   column per stage). A row that cannot be read is listed with its line and why.
//!
//! Units: counts are per month; amounts are money in the plan's currency, read in the page
//! language's number format.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::model::number::parse_non_negative;
use crate::model::results::Month;
use crate::model::NumberSymbols;

/// A table read from a file: its header row and its records.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The separator the file uses: `,`, `;` or `\t`.
    pub separator: char,
    /// The header row's cells, as written (trimmed).
    pub headers: Vec<String>,
    /// Every record after the header, in file order.
    pub records: Vec<Record>,
    /// Records that could not be read (a quote never closed), with their line.
    pub problems: Vec<RowProblem>,
}

/// One record: the line of the file it starts on (1 is the header's) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Record {
    /// The cell in `column`, trimmed ("" when the record is shorter).
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |cell| cell.trim())
    }
}

/// Reads a CSV or TSV text a slice of records at a time.
#[derive(Debug, Clone)]
pub struct Reader {
    text: String,
    /// Where the next record starts (a byte offset at a character boundary).
    at: usize,
    /// The line the next record starts on.
    line: usize,
    sheet: Sheet,
    has_header: bool,
}

impl Reader {
    /// A reader of `text`, its byte-order mark dropped and its separator found from its first
    /// line (outside quotes): the most used of tab, semicolon and comma (in that order on a tie;
    /// a comma when the line has none of them).
    pub fn new(text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_owned();
        let separator = separator_of(&text);
        Self {
            text,
            at: 0,
            line: 1,
            sheet: Sheet {
                separator,
                ..Sheet::default()
            },
            has_header: false,
        }
    }

    /// Reads up to `records` more records; `true` once the whole text is read.
    pub fn step(&mut self, records: usize) -> bool {
        for _ in 0..records {
            if self.is_done() {
                return true;
            }
            self.read_record();
        }
        self.is_done()
    }

    /// Whether the whole text is read.
    pub fn is_done(&self) -> bool {
        self.at >= self.text.len()
    }

    /// How much of the text is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            self.at as f64 / self.text.len() as f64
        }
    }

    /// What has been read so far.
    pub fn sheet(&self) -> &Sheet {
        &self.sheet
    }

    /// The table read.
    pub fn finish(self) -> Sheet {
        self.sheet
    }

    /// Reads the record at `self.at`: its cells, up to the line break outside quotes that ends
    /// it (or the end of the text).
    fn read_record(&mut self) {
        let line = self.line;
        let separator = self.sheet.separator;
        let rest = self.text.get(self.at..).unwrap_or("");
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut in_quotes = false;
        let mut was_quoted = false;
        let mut used = rest.len();
        let mut chars = rest.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek().is_some_and(|(_, next)| *next == '"') => {
                        cell.push('"');
                        chars.next();
                    }
                    '"' => in_quotes = false,
                    '\n' => {
                        self.line += 1;
                        cell.push('\n');
                    }
                    c => cell.push(c),
                }
                continue;
            }
            match c {
                '"' if cell.trim().is_empty() && !was_quoted => {
                    cell.clear();
                    in_quotes = true;
                    was_quoted = true;
                }
                c if c == separator => {
                    cells.push(std::mem::take(&mut cell));
                    was_quoted = false;
                }
                '\r' if chars.peek().is_some_and(|(_, next)| *next == '\n') => {}
                '\n' => {
                    used = index + 1;
                    break;
                }
                c => cell.push(c),
            }
        }
        self.at += used;
        self.line += 1;
        if in_quotes {
            self.sheet.problems.push(RowProblem {
                line,
                reason: Reason::UnclosedQuote,
            });
            return;
        }
        cells.push(cell);
        // A blank line is no record.
        if cells.len() == 1 && cells.first().is_some_and(|cell| cell.trim().is_empty()) {
            return;
        }
        if self.has_header {
            self.sheet.records.push(Record { line, cells });
        } else {
            self.sheet.headers = cells.iter().map(|cell| cell.trim().to_owned()).collect();
            self.has_header = true;
        }
    }
}

/// Reads the whole of `text` at once (see [`Reader`]).
pub fn read_sheet(text: &str) -> Sheet {
    let mut reader = Reader::new(text);
    while !reader.step(usize::MAX) {}
    reader.finish()
}

/// The separator of the first line of `text`, outside quotes.
fn separator_of(text: &str) -> char {
    let mut counts = [(('\t'), 0usize), (';', 0), (',', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            c if !in_quotes => {
                if let Some((_, count)) = counts.iter_mut().find(|(sep, _)| *sep == c) {
                    *count += 1;
                }
            }
            _ => {}
        }
    }
    // The most used; on a tie the first in the list (max_by_key keeps the last of equals, so
    // the list is walked in reverse).
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(',', |(sep, _)| *sep)
}

/// The order of day and month in dates such as `03/04/2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Day first: 03/04/2027 is 3 April (most of Europe, Indonesia).
    DayFirst,
    /// Month first: 03/04/2027 is 4 March (the United States).
    MonthFirst,
}

/// What a file's dates say about their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderFound {
    /// No date puts day and month in question (all ISO, or every day equal to its month).
    NotNeeded,
    /// Some date settles it (a first number above 12 is a day, a second one above 12 too).
    Known(DateOrder),
    /// Every date could be read either way: the person must say which.
    Ask,
    /// Some dates can only be day first and others only month first: the file mixes both.
    Mixed,
}

/// Why a cell is not a date this reader takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DateProblem {
    /// Not one of the shapes read (or a month or day out of range, or a two-digit year).
    #[error("not a date")]
    NotADate,
    /// Day and month could be either way, and no order was given.
    #[error("day and month could be either way")]
    Ambiguous,
}

/// A date's parts as written: `(year, month)` already known, or day and month in question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Known(Month),
    /// `first/second/year`: the first two numbers in the order written.
    Either {
        first: u32,
        second: u32,
        year: i32,
    },
}

/// Reads the parts of `text` (see [`read_month`] for the shapes).
fn written(text: &str) -> Option<Written> {
    let text = text.trim();
    // A time after the date ("2027-03-15 10:22", "2027-03-15T10:22:00Z") is not needed.
    let date = text.split([' ', 'T']).next().unwrap_or("");
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    // The month of `year` and `month`, if `day` (when given) is one of its days.
    let month_of = |year: &str, month: &str, day: Option<&str>| -> Option<Written> {
        let year: i32 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        let day: u32 = day.map_or(Some(1), |day| day.parse().ok())?;
        is_day_of(year, u32::from(month), day).then_some(Written::Known(Month { year, month }))
    };
    if digits(date) {
        // Google Analytics: 202703 (year and month) or 20270315.
        return match date.len() {
            6 => month_of(date.get(..4)?, date.get(4..6)?, None),
            8 => month_of(date.get(..4)?, date.get(4..6)?, date.get(6..8)),
            _ => None,
        };
    }
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    if !parts.iter().all(|part| digits(part)) {
        return None;
    }
    match parts.as_slice() {
        [year, month] if year.len() == 4 && month.len() <= 2 => month_of(year, month, None),
        [year, month, day] if year.len() == 4 && month.len() <= 2 && day.len() <= 2 => {
            month_of(year, month, Some(day))
        }
        [first, second, year] if year.len() == 4 && first.len() <= 2 && second.len() <= 2 => {
            let (first, second): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
            let year: i32 = year.parse().ok()?;
            // At least one reading must be a real date; `read_month` checks the one it takes.
            (is_day_of(year, second, first) || is_day_of(year, first, second)).then_some(
                Written::Either {
                    first,
                    second,
                    year,
                },
            )
        }
        _ => None,
    }
}

/// Whether `day` is a day of `month` (1–12) of `year`: 1 to 28, 29, 30 or 31.
fn is_day_of(year: i32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The month of a date or month written in `text`: ISO `2027-03-15`, `2027/03/15`, `2027-03`
/// (a time after a date is ignored), `20270315`, `202703`, or `15/03/2027` and `03/15/2027` with
/// a slash, dot or dash, read in `order` (needed only when day and month could be either way).
/// Years have four digits: `15/03/27` is not read, as its century would be a guess.
///
/// Example: `2027-03-15 10:22` → March 2027; `15.03.2027` → March 2027 whatever the order.
pub fn read_month(text: &str, order: Option<DateOrder>) -> Result<Month, DateProblem> {
    match written(text).ok_or(DateProblem::NotADate)? {
        Written::Known(month) => Ok(month),
        Written::Either {
            first,
            second,
            year,
        } => {
            let (day, month) = if first > 12 {
                (first, second)
            } else if second > 12 || first == second {
                (second, first)
            } else {
                match order.ok_or(DateProblem::Ambiguous)? {
                    DateOrder::DayFirst => (first, second),
                    DateOrder::MonthFirst => (second, first),
                }
            };
            if !is_day_of(year, month, day) {
                return Err(DateProblem::NotADate);
            }
            let month = u8::try_from(month).map_err(|_| DateProblem::NotADate)?;
            Ok(Month { year, month })
        }
    }
}

/// What the dates in `texts` say about the order of day and month.
///
/// Example: `03/04/2027` and `25/04/2027` → day first (25 cannot be a month); `03/04/2027`
/// alone → ask.
pub fn date_order<'a>(texts: impl IntoIterator<Item = &'a str>) -> OrderFound {
    let (mut day_first, mut month_first, mut either) = (false, false, false);
    for text in texts {
        if let Some(Written::Either { first, second, .. }) = written(text) {
            if first > 12 {
                day_first = true;
            } else if second > 12 {
                month_first = true;
            } else if first != second {
                either = true;
            }
        }
    }
    match (day_first, month_first) {
        (true, true) => OrderFound::Mixed,
        (true, false) => OrderFound::Known(DateOrder::DayFirst),
        (false, true) => OrderFound::Known(DateOrder::MonthFirst),
        (false, false) if either => OrderFound::Ask,
        (false, false) => OrderFound::NotNeeded,
    }
}

/// How a file's columns map to the plan's stages.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// One row per record (a deal, a contact): its date, its stage or status column, and the
    /// stage of the plan each value of that column counts toward (values compared without case
    /// or surrounding spaces; a value not listed is not counted). `amount`: a column of money
    /// added to the revenue of the records counted toward the last stage.
    Records {
        date: usize,
        status: usize,
        values: Vec<(String, usize)>,
        amount: Option<usize>,
    },
    /// One row per month: its month column, and the column counted toward each stage (stage
    /// index, column); `revenue`: a column of the month's revenue from new customers.
    Monthly {
        month: usize,
        stages: Vec<(usize, usize)>,
        revenue: Option<usize>,
    },
}

/// Why a row cannot be counted.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Reason {
    /// A quote opened in the row is never closed: the rest of the file is in it.
    #[error("a quote is never closed")]
    UnclosedQuote,
    /// The date column is empty.
    #[error("no date")]
    NoDate,
    /// The date column holds something this reader does not take as a date.
    #[error("not a date: {0}")]
    NotADate(String),
    /// Day and month could be either way and no order was given.
    #[error("day and month could be either way: {0}")]
    AmbiguousDate(String),
    /// A number column (`column`'s header) holds something that is not a number of 0 or more in
    /// the page's format.
    #[error("not a number in {column}: {text}")]
    NotANumber { column: String, text: String },
}

/// A row that cannot be counted: its line in the file and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub line: usize,
    pub reason: Reason,
}

/// One month's counts: a count per stage of the plan (`None` when no column or value feeds it)
/// and the revenue (`None` without an amount or revenue column).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthCounts {
    pub stages: Vec<Option<f64>>,
    pub revenue: Option<f64>,
}

/// What a file brings: counts per month (in time order) and the rows that could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Counts {
    pub months: BTreeMap<Month, MonthCounts>,
    pub problems: Vec<RowProblem>,
    /// Records whose status is not mapped to a stage (not an error: a lost deal, a stage the
    /// plan does not count).
    pub not_counted: usize,
}

/// The distinct values of `column` (trimmed, first spelling kept, compared without case) and how
/// many records hold each, in order of first appearance: what the person maps to stages.
pub fn values_of(sheet: &Sheet, column: usize) -> Vec<(String, usize)> {
    let mut values: Vec<(String, usize)> = Vec::new();
    for record in &sheet.records {
        let value = record.cell(column);
        if value.is_empty() {
            continue;
        }
        match values
            .iter_mut()
            .find(|(known, _)| known.to_lowercase() == value.to_lowercase())
        {
            Some((_, count)) => *count += 1,
            None => values.push((value.to_owned(), 1)),
        }
    }
    values
}

/// The counts per month of `sheet` for a plan of `stages` stages, its columns read as `shape`
/// says, dates in `order` (when needed) and numbers with `symbols`. Each row that cannot be read
/// is a problem; the reader's problems come first.
pub fn count(
    sheet: &Sheet,
    shape: &Shape,
    stages: usize,
    order: Option<DateOrder>,
    symbols: NumberSymbols,
) -> Counts {
    let mut counts = Counts {
        problems: sheet.problems.clone(),
        ..Counts::default()
    };
    let header = |column: usize| sheet.headers.get(column).cloned().unwrap_or_default();
    let has_revenue = match shape {
        Shape::Records { amount, .. } => amount.is_some(),
        Shape::Monthly { revenue, .. } => revenue.is_some(),
    };
    let fed: Vec<bool> = (0..stages)
        .map(|stage| match shape {
            Shape::Records { values, .. } => values.iter().any(|(_, at)| *at == stage),
            Shape::Monthly {
                stages: columns, ..
            } => columns.iter().any(|(at, _)| *at == stage),
        })
        .collect();
    let empty = MonthCounts {
        stages: fed.iter().map(|fed| fed.then_some(0.0)).collect(),
        revenue: has_revenue.then_some(0.0),
    };
    for record in &sheet.records {
        let problem = |reason| RowProblem {
            line: record.line,
            reason,
        };
        let date_column = match shape {
            Shape::Records { date, .. } => *date,
            Shape::Monthly { month, .. } => *month,
        };
        let date = record.cell(date_column);
        let month = match read_month(date, order) {
            _ if date.is_empty() => Err(Reason::NoDate),
            Ok(month) => Ok(month),
            Err(DateProblem::NotADate) => Err(Reason::NotADate(date.to_owned())),
            Err(DateProblem::Ambiguous) => Err(Reason::AmbiguousDate(date.to_owned())),
        };
        let month = match month {
            Ok(month) => month,
            Err(reason) => {
                counts.problems.push(problem(reason));
                continue;
            }
        };
        let number = |column: usize| -> Result<Option<f64>, Reason> {
            let text = record.cell(column);
            if text.is_empty() {
                return Ok(None);
            }
            parse_non_negative(text, symbols)
                .map(Some)
                .map_err(|_| Reason::NotANumber {
                    column: header(column),
                    text: text.to_owned(),
                })
        };
        match shape {
            Shape::Records {
                status,
                values,
                amount,
                ..
            } => {
                let value = record.cell(*status).to_lowercase();
                let Some(stage) = values
                    .iter()
                    .find(|(known, _)| known.trim().to_lowercase() == value)
                    .map(|(_, stage)| *stage)
                    .filter(|stage| *stage < stages)
                else {
                    counts.not_counted += 1;
                    continue;
                };
                // Only the records of the last stage (the customers) bring revenue, so only
                // their amount is read.
                let is_last = stage + 1 == stages;
                let money = match amount.filter(|_| is_last).map(number).transpose() {
                    Ok(money) => money.flatten(),
                    Err(reason) => {
                        counts.problems.push(problem(reason));
                        continue;
                    }
                };
                let entry = counts.months.entry(month).or_insert_with(|| empty.clone());
                if let Some(slot) = entry.stages.get_mut(stage).and_then(Option::as_mut) {
                    *slot += 1.0;
                }
                if let (Some(total), Some(money)) = (entry.revenue.as_mut(), money) {
                    *total += money;
                }
            }
            Shape::Monthly {
                stages: columns,
                revenue,
                ..
            } => {
                let mut read = Vec::new();
                let mut failed = None;
                for (stage, column) in columns {
                    match number(*column) {
                        Ok(value) => read.push((*stage, value)),
                        Err(reason) => {
                            failed = Some(reason);
                            break;
                        }
                    }
                }
                let money = match revenue.map(number).transpose() {
                    Ok(money) => money.flatten(),
                    Err(reason) => {
                        failed.get_or_insert(reason);
                        None
                    }
                };
                if let Some(reason) = failed {
                    counts.problems.push(problem(reason));
                    continue;
                }
                let entry = counts.months.entry(month).or_insert_with(|| empty.clone());
                for (stage, value) in read {
                    if let (Some(slot), Some(value)) =
                        (entry.stages.get_mut(stage).and_then(Option::as_mut), value)
                    {
                        *slot += value;
                    }
                }
                if let (Some(total), Some(money)) = (entry.revenue.as_mut(), money) {
                    *total += money;
                }
            }
        }
    }
    counts
}
