//! The plan as CSV (RFC 4180) for spreadsheets: cells with a comma, quote or line break are
//! quoted, quotes doubled; text cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'` so they stay text. Numbers are
//! written plainly (`6250`, `0.75`) so spreadsheets read them as numbers.
//!
//! The file is in sections, each a title row then its rows, with an empty row between them:
//! the plan's inputs (enough to rebuild it), its targets, the results entered month by month,
//! the targets by channel, the budget needed and the KPIs; the last four only when they have
//! figures. Percents are written as
//! percents (40 for 40 %), money and counts in full precision, and a figure that cannot be
//! computed is an empty cell (with the reason in a note column where a row has nothing else).

use crate::model::channels::{Report, Split};
use crate::model::forecast::draft::{ForecastDraft, PhasingMode};
use crate::model::kpi::{Figure, Kpis, Unavailable};
use crate::model::number::parse_number;
use crate::model::number::{needed_shown, plain_decimal};
use crate::model::page_data::PageData;
use crate::model::results::{Actuals, MONTHS};
use crate::model::{Goal, Lang, Period, Plan, Share, StageId, Targets};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as typed by a person (stage names, plan names) or a heading.
    Text(String),
    /// A number, written in full precision.
    Number(f64),
}

/// The file's titles, column headings and row labels, in the page's language, and the few texts
/// that depend on the plan.
pub struct Words<'a> {
    /// Section titles: the plan's inputs, its targets, the results entered, targets by channel,
    /// budget needed, KPIs.
    pub plan: &'a str,
    pub targets: &'a str,
    pub actuals: &'a str,
    pub channel_targets: &'a str,
    pub budget: &'a str,
    pub kpis: &'a str,
    /// The plan's inputs: its name, its goal as revenue or as new customers per year, and the
    /// average revenue per new customer.
    pub plan_name: &'a str,
    pub revenue_goal: &'a str,
    pub customers_goal: &'a str,
    pub average_revenue: &'a str,
    pub stage: &'a str,
    /// The rate from a stage into the next, in percent.
    pub rate_to_next: &'a str,
    /// Needed per month, quarter and year (rounded up to whole units).
    pub needed: [&'a str; 3],
    /// Exact (unrounded) per month, quarter and year.
    pub exact: [&'a str; 3],
    /// The label of the revenue rows.
    pub revenue: &'a str,
    pub channel: &'a str,
    /// A channel's share of the customers goal, in percent.
    pub share: &'a str,
    pub all_channels: &'a str,
    /// Why a row has no figures.
    pub note: &'a str,
    /// The stage whose cost the budget is worked out from, and that cost per unit.
    pub cost_stage: &'a str,
    pub cost_per_unit: &'a str,
    /// Per month, quarter and year (money).
    pub per: [&'a str; 3],
    pub total_needed: &'a str,
    pub budget_set: &'a str,
    pub budget_gap: &'a str,
    pub lifetime_value: &'a str,
    /// Customer retention rate, in percent.
    pub retention: &'a str,
    /// The KPI columns after the cost per stage: CAC, ROI (%), ROAS, opportunity-to-win ratio (%),
    /// LTV:CAC and CAC payback in months.
    pub kpi_columns: [&'a str; 6],
    /// "Cost per {stage}".
    pub cost_per: &'a dyn Fn(&str) -> String,
    /// A channel's name, or "Channel N" (N = position + 1) while it has none.
    pub channel_name: &'a dyn Fn(&str, usize) -> String,
    /// Why a figure cannot be computed, in a few words.
    pub reason: &'a dyn Fn(Unavailable) -> String,
    /// The heading of the month column, and of the spend column (the revenue column is headed
    /// [`Self::revenue`]).
    pub month: &'a str,
    pub spend: &'a str,
    /// The months of the plan year, its first month first, as the page names them (the plan
    /// year may start in any calendar month).
    pub months: [&'a str; MONTHS],
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
    if text.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// How the spreadsheets of a language read a CSV file: the cell separator and the decimal
/// mark. Spreadsheets set to Polish, French or Indonesian take a comma for the decimal mark, so
/// their cells are separated by semicolons; English ones use a comma and a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvFormat {
    pub separator: char,
    pub decimal: char,
}

impl CsvFormat {
    /// Comma-separated, decimal point.
    pub const ENGLISH: CsvFormat = CsvFormat {
        separator: ',',
        decimal: '.',
    };

    /// The format the spreadsheets of `lang` read.
    pub fn of(lang: Lang) -> Self {
        match lang {
            Lang::English => Self::ENGLISH,
            Lang::Indonesian | Lang::Polish | Lang::French => CsvFormat {
                separator: ';',
                decimal: ',',
            },
        }
    }
}

/// `rows` as CSV text in English spreadsheets' format, lines ending in CRLF.
pub fn write(rows: &[Vec<Cell>]) -> String {
    write_as(rows, CsvFormat::ENGLISH)
}

/// `rows` as CSV text in `format`, lines ending in CRLF: numbers plain (no thousands
/// separators) with `format`'s decimal mark, cells that hold a separator, quote or line break
/// quoted.
pub fn write_as(rows: &[Vec<Cell>], format: CsvFormat) -> String {
    let mut out = String::new();
    let separator = format.separator.to_string();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => quote(&neutralise(text)),
                Cell::Number(value) => {
                    plain_decimal(*value).replace('.', &format.decimal.to_string())
                }
            })
            .collect();
        out.push_str(&line.join(&separator));
        out.push_str("\r\n");
    }
    out
}

/// The file to download for `rows` when the page is in `lang`: a UTF-8 byte-order mark (so a
/// spreadsheet reads "Étape" and "→" as UTF-8, not as its local code page), then the rows in
/// the format `lang`'s spreadsheets read ([`CsvFormat::of`]).
pub fn file(rows: &[Vec<Cell>], lang: Lang) -> String {
    let mut text = String::from('\u{feff}');
    text.push_str(&write_as(rows, CsvFormat::of(lang)));
    text
}

/// The whole file: the plan, its targets, the results entered (`actuals`, if any), and the
/// sections of `report` that have figures, each after an empty row.
pub fn plan_file(
    plan: &Plan,
    targets: &Targets,
    actuals: &Actuals,
    report: &Report,
    words: &Words<'_>,
) -> Vec<Vec<Cell>> {
    let mut rows = plan_inputs(plan, words);
    for section in [
        targets_table(plan, targets, words),
        actuals_table(plan, actuals, words),
        channel_targets(report, words),
        budget_needed(report, words),
        kpi_table(report, words),
    ] {
        if !section.is_empty() {
            rows.push(Vec::new());
            rows.extend(section);
        }
    }
    rows
}

fn text(text: &str) -> Cell {
    Cell::Text(text.to_owned())
}

fn empty() -> Cell {
    Cell::Text(String::new())
}

/// A number, or an empty cell when it cannot be computed.
fn figure(value: Figure) -> Cell {
    value.map_or_else(|_| empty(), Cell::Number)
}

/// A count or amount a plan must reach, as the "needed" columns show it (and the page): rounded
/// up, whole from 10, two decimals below. The one place the file rounds.
fn shown_count(value: f64) -> f64 {
    needed_shown(value)
}

/// `per_year` shown per month, quarter and year, then unrounded per month, quarter and year.
fn periods(row: &mut Vec<Cell>, per_year: f64, shown: fn(f64) -> f64) {
    for period in Period::ALL {
        row.push(Cell::Number(shown(per_year / period.per_year())));
    }
    for period in Period::ALL {
        row.push(Cell::Number(per_year / period.per_year()));
    }
}

/// A fraction as a percent, without the binary noise of × 100 (0.57 × 100 = 56.99999999999999):
/// rounded to 9 decimals, far finer than any percent is typed or read.
fn percent(fraction: f64) -> f64 {
    (fraction * 100e9).round() / 1e9
}

/// The plan's inputs: its name, goal and average revenue per new customer, then each stage with
/// its rate into the next in percent (empty on the last stage).
pub fn plan_inputs(plan: &Plan, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let goal = match plan.goal {
        Goal::Revenue(revenue) => vec![text(words.revenue_goal), Cell::Number(revenue)],
        Goal::NewCustomers(customers) => vec![text(words.customers_goal), Cell::Number(customers)],
    };
    let mut rows = vec![
        vec![text(words.plan)],
        vec![text(words.plan_name), text(&plan.name)],
        goal,
        vec![
            text(words.average_revenue),
            plan.average_revenue_per_customer
                .map_or_else(empty, Cell::Number),
        ],
        vec![text(words.stage), text(words.rate_to_next)],
    ];
    let rates = plan.funnel.rates();
    for (index, name) in plan.funnel.names().iter().enumerate() {
        let rate = rates
            .get(index)
            .map_or_else(empty, |rate| Cell::Number(percent(rate.fraction())));
        rows.push(vec![text(name), rate]);
    }
    rows
}

/// The targets: a title and a heading row; one row per stage with its name, its rate into the
/// next stage in percent (empty on the last stage), the whole numbers needed per month, quarter
/// and year, and the unrounded values; then the revenue row (money per period, rounded to whole
/// units, then unrounded).
pub fn targets_table(plan: &Plan, targets: &Targets, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let mut heading = vec![text(words.stage), text(words.rate_to_next)];
    heading.extend(words.needed.iter().chain(&words.exact).map(|h| text(h)));
    let mut rows = vec![vec![text(words.targets)], heading];
    let rates = plan.funnel.rates();
    for (index, stage) in targets.stages.iter().enumerate() {
        let rate = rates
            .get(index)
            .map_or_else(empty, |rate| Cell::Number(percent(rate.fraction())));
        let mut row = vec![text(&stage.name), rate];
        periods(&mut row, stage.per_year, shown_count);
        rows.push(row);
    }
    // Without an average revenue per customer (a goal of new customers) there is no revenue row.
    if let Some(revenue_per_year) = targets.revenue_per_year {
        let mut revenue = vec![text(words.revenue), empty()];
        periods(&mut revenue, revenue_per_year, shown_count);
        rows.push(revenue);
    }
    rows
}

/// The results entered (the whole plan's, as the grid shows them: a row a channel has results
/// for is the channels' sum): a title and a heading row (the month, each stage, the spend, the
/// revenue); then one row per month of the plan year that has any result, in order, with the
/// month's name and that month's count at each stage, spend and revenue as entered, an empty
/// cell where nothing is. Empty when no result is entered.
pub fn actuals_table(plan: &Plan, actuals: &Actuals, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (month, label) in words.months.iter().enumerate() {
        let values: Vec<Option<f64>> = actuals
            .stages
            .iter()
            .chain([&actuals.spend, &actuals.revenue])
            .map(|series| series.get(month).copied().flatten())
            .collect();
        if values.iter().any(Option::is_some) {
            let mut row = vec![text(label)];
            row.extend(
                values
                    .into_iter()
                    .map(|value| value.map_or_else(empty, Cell::Number)),
            );
            rows.push(row);
        }
    }
    if rows.is_empty() {
        return rows;
    }
    let mut heading = vec![text(words.month)];
    heading.extend(plan.funnel.names().iter().map(|name| text(name)));
    heading.extend([text(words.spend), text(words.revenue)]);
    rows.splice(0..0, [vec![text(words.actuals)], heading]);
    rows
}

/// The split the page shows: none while the plan has a problem, there are no channels, or the
/// shares add up to more than the whole goal.
fn shown_split(report: &Report) -> Option<&Split> {
    report
        .split
        .as_ref()
        .filter(|split| !split.channels.is_empty() && !split.shares.is_over_full())
}

/// The name of the channel at `index`, as the page labels it.
fn channel_name(report: &Report, index: usize, words: &Words<'_>) -> String {
    let name = report
        .inputs
        .channels
        .get(index)
        .map_or("", |channel| channel.name.as_str());
    (words.channel_name)(name, index)
}

/// Targets by channel, one row per channel and stage (then its revenue): the channel, its share
/// of the customers goal in percent, the stage, the whole numbers needed and the unrounded
/// values per month, quarter and year; a channel without targets gets one row with the reason.
/// Then the same rows for all channels together. Empty when the page shows no split.
pub fn channel_targets(report: &Report, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let Some(split) = shown_split(report) else {
        return Vec::new();
    };
    let mut heading = vec![text(words.channel), text(words.share), text(words.stage)];
    heading.extend(words.needed.iter().chain(&words.exact).map(|h| text(h)));
    heading.push(text(words.note));
    let mut rows = vec![vec![text(words.channel_targets)], heading];
    // One row of a channel (or of all channels): its name, share, the row's label and figures.
    let row = |name: &str, share: Share, label: &str, per_year: f64, shown: fn(f64) -> f64| {
        let mut row = vec![
            text(name),
            Cell::Number(percent(share.fraction())),
            text(label),
        ];
        periods(&mut row, per_year, shown);
        row.push(empty());
        row
    };
    for (index, channel) in split.channels.iter().enumerate() {
        let name = channel_name(report, index, words);
        match &channel.targets {
            Ok(targets) => {
                for stage in &targets.stages {
                    rows.push(row(
                        &name,
                        channel.share,
                        &stage.name,
                        stage.per_year,
                        shown_count,
                    ));
                }
                if let Some(revenue_per_year) = targets.revenue_per_year {
                    rows.push(row(
                        &name,
                        channel.share,
                        words.revenue,
                        revenue_per_year,
                        shown_count,
                    ));
                }
            }
            Err(reason) => {
                let mut cells = vec![text(&name), Cell::Number(percent(channel.share.fraction()))];
                cells.extend((0..7).map(|_| empty()));
                cells.push(Cell::Text((words.reason)(*reason)));
                rows.push(cells);
            }
        }
    }
    for (stage, total) in report.stage_names.iter().zip(&split.totals) {
        rows.push(row(
            words.all_channels,
            split.assigned,
            stage,
            *total,
            shown_count,
        ));
    }
    if split.has_revenue() {
        rows.push(row(
            words.all_channels,
            split.assigned,
            words.revenue,
            split.revenue_total,
            shown_count,
        ));
    }
    rows
}

/// The budget needed: one row per channel with the stage its cost is taken at, that cost per
/// unit and the budget per month, quarter and year (or the reason it has none); then the total
/// needed and, when a budget is set, the budget and the budget minus the need. Empty when no
/// channel has a need worked out.
pub fn budget_needed(report: &Report, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let (Some(_), Some(needs)) = (shown_split(report), report.needs.as_ref()) else {
        return Vec::new();
    };
    if needs.uncounted >= needs.channels.len() {
        return Vec::new();
    }
    let mut heading = vec![
        text(words.channel),
        text(words.cost_stage),
        text(words.cost_per_unit),
    ];
    heading.extend(words.per.iter().map(|h| text(h)));
    heading.push(text(words.note));
    let mut rows = vec![vec![text(words.budget)], heading];
    let amounts = |row: &mut Vec<Cell>, per_year: Option<f64>| {
        for period in Period::ALL {
            row.push(per_year.map_or_else(empty, |value| Cell::Number(value / period.per_year())));
        }
    };
    for (index, channel) in needs.channels.iter().enumerate() {
        let mut row = vec![Cell::Text(channel_name(report, index, words))];
        match channel.basis {
            Ok(basis) => {
                let stage = report.stage_names.get(basis.stage);
                row.push(stage.map_or_else(empty, |stage| text(stage)));
                row.push(Cell::Number(basis.cost));
            }
            Err(_) => row.extend([empty(), empty()]),
        }
        amounts(&mut row, channel.needed_per_year.ok());
        row.push(match channel.needed_per_year {
            Ok(_) => empty(),
            Err(reason) => Cell::Text((words.reason)(reason)),
        });
        rows.push(row);
    }
    let mut total = |label: &str, per_year: Option<f64>| {
        let mut row = vec![text(label), empty(), empty()];
        amounts(&mut row, per_year);
        row.push(empty());
        rows.push(row);
    };
    total(words.total_needed, Some(needs.needed_per_year));
    if needs.budget_per_year.is_some() {
        total(words.budget_set, needs.budget_per_year);
        total(words.budget_gap, needs.gap(Period::Year));
    }
    rows
}

/// The KPIs: customer lifetime value and retention (%) when they have figures, then one row per
/// channel that has a KPI, and all channels: cost per stage (all but the last), CAC, ROI (%),
/// ROAS, opportunity-to-win ratio (%), LTV:CAC and CAC payback in months. A KPI that cannot be
/// computed is an empty cell. Empty when no KPI has a figure.
pub fn kpi_table(report: &Report, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let stage_count = report.stage_names.len();
    let kpi_cells = |kpis: &Kpis| -> Vec<Figure> {
        let mut cells: Vec<Figure> = (0..stage_count.saturating_sub(1))
            .map(|stage| {
                kpis.cost_per_stage
                    .get(stage)
                    .copied()
                    .unwrap_or(Err(Unavailable::TooLarge))
            })
            .collect();
        cells.extend([
            kpis.cac(),
            kpis.roi.map(percent),
            kpis.roas,
            kpis.win_rate.map(percent),
            kpis.ltv_to_cac,
            kpis.payback_months,
        ]);
        cells
    };
    let mut table = Vec::new();
    let channels = report
        .kpis
        .iter()
        .enumerate()
        .map(|(index, kpis)| (channel_name(report, index, words), kpis));
    for (name, kpis) in channels.chain([(words.all_channels.to_owned(), &report.all)]) {
        let cells = kpi_cells(kpis);
        if cells.iter().any(Result::is_ok) {
            let mut row = vec![Cell::Text(name)];
            row.extend(cells.into_iter().map(figure));
            table.push(row);
        }
    }
    let mut rows = Vec::new();
    for (label, value) in [
        (words.lifetime_value, report.value.lifetime_value),
        (words.retention, report.value.retention.map(percent)),
    ] {
        if let Ok(value) = value {
            rows.push(vec![text(label), Cell::Number(value)]);
        }
    }
    if rows.is_empty() && table.is_empty() {
        return rows;
    }
    rows.insert(0, vec![text(words.kpis)]);
    if !table.is_empty() {
        let mut heading = vec![text(words.channel)];
        heading.extend(
            report
                .stage_names
                .iter()
                .take(stage_count.saturating_sub(1))
                .map(|stage| Cell::Text((words.cost_per)(stage))),
        );
        heading.extend(words.kpi_columns.iter().map(|h| text(h)));
        rows.push(heading);
        rows.extend(table);
    }
    rows
}

/// The forecast section's titles and labels, in the page's language.
pub struct ForecastWords<'a> {
    /// The section's title.
    pub title: &'a str,
    /// "Customers spread over the months", then its two answers.
    pub phasing: &'a str,
    pub even: &'a str,
    pub weights: &'a str,
    /// The headings of the month and weight columns.
    pub month: &'a str,
    pub weight: &'a str,
    /// The headings of the stage columns: its name, the days to the next stage, the lowest and
    /// highest rate (percent).
    pub stage: &'a str,
    pub days: &'a str,
    pub low: &'a str,
    pub high: &'a str,
    /// The average revenue's range, the seed and the scenarios' change (percent).
    pub revenue_low: &'a str,
    pub revenue_high: &'a str,
    pub seed: &'a str,
    pub scenario_change: &'a str,
    /// The months of the plan year, its first month first.
    pub months: [&'a str; MONTHS],
}

/// A typed number as a number cell when it reads as one, else the text as typed (empty stays
/// empty).
fn typed(text: &str, forecast: &ForecastDraft) -> Cell {
    match parse_number(text.trim().trim_end_matches('%'), forecast.lang().symbols()) {
        Ok(value) => Cell::Number(value),
        Err(_) => Cell::Text(text.to_owned()),
    }
}

/// The forecast's inputs as typed, enough to rebuild them: how the customers spread over the
/// months (with each month's weight when weighted), each stage's days to the next and the range
/// around its rate, the average revenue's range, the seed and the scenarios' change. Nothing
/// when no forecast was typed.
pub fn forecast_inputs(
    forecast: &ForecastDraft,
    stages: &[(StageId, String)],
    words: &ForecastWords<'_>,
) -> Vec<Vec<Cell>> {
    if forecast.is_empty() {
        return Vec::new();
    }
    let is_weighted = forecast.phasing == PhasingMode::Weights;
    let mut rows = vec![
        vec![text(words.title)],
        vec![
            text(words.phasing),
            text(if is_weighted {
                words.weights
            } else {
                words.even
            }),
        ],
    ];
    if is_weighted {
        rows.push(vec![text(words.month), text(words.weight)]);
        for (index, month) in words.months.iter().enumerate() {
            rows.push(vec![text(month), typed(forecast.weight(index), forecast)]);
        }
    }
    rows.push(vec![
        text(words.stage),
        text(words.days),
        text(words.low),
        text(words.high),
    ]);
    let upper = stages.len().saturating_sub(1);
    for (id, name) in stages.iter().take(upper) {
        let (low, high) = forecast.range_of(*id);
        rows.push(vec![
            text(name),
            typed(forecast.days_of(*id), forecast),
            typed(low, forecast),
            typed(high, forecast),
        ]);
    }
    for (label, value) in [
        (words.revenue_low, &forecast.revenue_low),
        (words.revenue_high, &forecast.revenue_high),
        (words.seed, &forecast.seed),
        (words.scenario_change, &forecast.scenario_percent),
    ] {
        rows.push(vec![text(label), typed(value, forecast)]);
    }
    rows
}
