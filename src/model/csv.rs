//! The funnel targets as CSV (RFC 4180) for spreadsheets: cells with a comma, quote or line
//! break are quoted, quotes doubled; text cells that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'` so they stay text.
//! Numbers are written plainly (`6250`, `0.75`) so spreadsheets read them as numbers.

use crate::model::number::{needed_shown, plain_decimal};
use crate::model::{Period, Plan, Targets};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as typed by a person (stage names, plan names) or a heading.
    Text(String),
    /// A number, written in full precision.
    Number(f64),
}

/// The column and row headings, in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct Headings<'a> {
    pub stage: &'a str,
    pub rate_to_next: &'a str,
    /// Needed per month, quarter and year (rounded up to whole units).
    pub needed: [&'a str; 3],
    /// Exact (unrounded) per month, quarter and year.
    pub exact: [&'a str; 3],
    /// The label of the revenue row.
    pub revenue: &'a str,
}

/// `text` made safe to open in a spreadsheet: a leading `'` when it would start a formula.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// `rows` as CSV text, lines ending in CRLF.
pub fn write(rows: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => quote(&neutralise(text)),
                Cell::Number(value) => plain_decimal(*value),
            })
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The targets table: a heading row; one row per stage with its name, its rate into the next
/// stage in percent (empty on the last stage), the whole numbers needed per month, quarter and
/// year, and the unrounded values; then the revenue row (money per period, unrounded).
pub fn targets_table(plan: &Plan, targets: &Targets, headings: Headings<'_>) -> Vec<Vec<Cell>> {
    let mut rows = Vec::with_capacity(targets.stages.len() + 2);
    let mut heading = vec![
        Cell::Text(headings.stage.to_owned()),
        Cell::Text(headings.rate_to_next.to_owned()),
    ];
    heading.extend(headings.needed.iter().map(|h| Cell::Text((*h).to_owned())));
    heading.extend(headings.exact.iter().map(|h| Cell::Text((*h).to_owned())));
    rows.push(heading);
    let rates = plan.funnel.rates();
    for (index, stage) in targets.stages.iter().enumerate() {
        let mut row = vec![
            Cell::Text(stage.name.clone()),
            rates.get(index).map_or(Cell::Text(String::new()), |rate| {
                Cell::Number(as_typed(rate.percent()))
            }),
        ];
        row.extend(
            Period::ALL
                .iter()
                .map(|&period| Cell::Number(needed_shown(stage.per(period)))),
        );
        row.extend(
            Period::ALL
                .iter()
                .map(|&period| Cell::Number(stage.per(period))),
        );
        rows.push(row);
    }
    // Without an average revenue per customer (a goal of new customers) there is no revenue row.
    let Some(revenue_per_year) = targets.revenue_per_year else {
        return rows;
    };
    let mut revenue = vec![
        Cell::Text(headings.revenue.to_owned()),
        Cell::Text(String::new()),
    ];
    revenue.extend(
        Period::ALL
            .iter()
            .map(|&period| Cell::Number(needed_shown(revenue_per_year / period.per_year()))),
    );
    revenue.extend(
        Period::ALL
            .iter()
            .map(|&period| Cell::Number(revenue_per_year / period.per_year())),
    );
    rows.push(revenue);
    rows
}

/// A percent as it was typed: the rate is kept as a fraction, and fraction × 100 picks up binary
/// noise (7 % → 7.000000000000001). Percents are typed with far fewer than 9 decimals.
fn as_typed(percent: f64) -> f64 {
    (percent * 1e9).round() / 1e9
}
