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
use crate::model::{Goal, Lang, NumberSymbols, Period, Plan, Share, StageId, Targets};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as typed by a person (stage names, plan names) or a heading.
    Text(String),
    /// A number, written in full precision.
    Number(f64),
}

/// A title, column heading or row label of the plan's file, which the page gives in its
/// language ([`Words::word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// The sections' titles: the plan's inputs, its targets, the results entered, targets by
    /// channel, budget needed, KPIs.
    PlanSection,
    TargetsSection,
    ActualsSection,
    ChannelTargetsSection,
    BudgetSection,
    KpisSection,
    /// The plan's inputs: its name, its goal as revenue or as new customers per year, and the
    /// average revenue per new customer.
    PlanName,
    RevenueGoal,
    CustomersGoal,
    AverageRevenue,
    Stage,
    /// The rate from a stage into the next, in percent.
    RateToNext,
    /// Needed per period (rounded up to whole units).
    Needed(Period),
    /// Exact (unrounded) per period.
    Exact(Period),
    /// The label of the revenue rows.
    Revenue,
    Channel,
    /// A channel's share of the customers goal, in percent.
    Share,
    AllChannels,
    /// Why a row has no figures.
    Note,
    /// The stage whose cost the budget is worked out from, and that cost per unit.
    CostStage,
    CostPerUnit,
    /// Per period (money).
    Per(Period),
    TotalNeeded,
    BudgetSet,
    BudgetGap,
    LifetimeValue,
    /// Customer retention rate, in percent.
    Retention,
    /// The KPI columns after the cost per stage: CAC, ROI (%), ROAS, opportunity-to-win ratio
    /// (%), LTV:CAC and CAC payback in months.
    Cac,
    Roi,
    Roas,
    WinRate,
    LtvToCac,
    Payback,
    /// The heading of the month column, and of the spend column (the revenue column is headed
    /// [`Word::Revenue`]).
    Month,
    Spend,
}

/// The words of the plan's file in the page's language, and the few texts that depend on the
/// plan.
pub struct Words<'a> {
    /// Each [`Word`] in the page's language.
    pub word: &'a dyn Fn(Word) -> &'static str,
    /// "Cost per {stage}".
    pub cost_per: &'a dyn Fn(&str) -> String,
    /// A channel's name, or "Channel N" (N = position + 1) while it has none.
    pub channel_name: &'a dyn Fn(&str, usize) -> String,
    /// Why a figure cannot be computed, in a few words.
    pub reason: &'a dyn Fn(Unavailable) -> String,
    /// The months of the plan year, its first month first, as the page names them (the plan
    /// year may start in any calendar month).
    pub months: [&'a str; MONTHS],
}

impl<'a> Words<'a> {
    /// `word` as a text cell.
    fn cell(&self, word: Word) -> Cell {
        text((self.word)(word))
    }

    /// The cells of `words`, one per period: month, quarter, year.
    fn periods(&self, words: fn(Period) -> Word) -> impl Iterator<Item = Cell> + '_ {
        Period::ALL
            .into_iter()
            .map(move |period| self.cell(words(period)))
    }
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
pub fn percent(fraction: f64) -> f64 {
    (fraction * 100e9).round() / 1e9
}

/// The plan's inputs: its name, goal and average revenue per new customer, then each stage with
/// its rate into the next in percent (empty on the last stage).
pub fn plan_inputs(plan: &Plan, words: &Words<'_>) -> Vec<Vec<Cell>> {
    let goal = match plan.goal {
        Goal::Revenue(revenue) => vec![words.cell(Word::RevenueGoal), Cell::Number(revenue)],
        Goal::NewCustomers(customers) => {
            vec![words.cell(Word::CustomersGoal), Cell::Number(customers)]
        }
    };
    let mut rows = vec![
        vec![words.cell(Word::PlanSection)],
        vec![words.cell(Word::PlanName), text(&plan.name)],
        goal,
        vec![
            words.cell(Word::AverageRevenue),
            plan.average_revenue_per_customer
                .map_or_else(empty, Cell::Number),
        ],
        vec![words.cell(Word::Stage), words.cell(Word::RateToNext)],
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
    let mut heading = vec![words.cell(Word::Stage), words.cell(Word::RateToNext)];
    heading.extend(
        words
            .periods(Word::Needed)
            .chain(words.periods(Word::Exact)),
    );
    let mut rows = vec![vec![words.cell(Word::TargetsSection)], heading];
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
        let mut revenue = vec![words.cell(Word::Revenue), empty()];
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
    let mut heading = vec![words.cell(Word::Month)];
    heading.extend(plan.funnel.names().iter().map(|name| text(name)));
    heading.extend([words.cell(Word::Spend), words.cell(Word::Revenue)]);
    rows.splice(0..0, [vec![words.cell(Word::ActualsSection)], heading]);
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
    let mut heading = vec![
        words.cell(Word::Channel),
        words.cell(Word::Share),
        words.cell(Word::Stage),
    ];
    heading.extend(
        words
            .periods(Word::Needed)
            .chain(words.periods(Word::Exact)),
    );
    heading.push(words.cell(Word::Note));
    let mut rows = vec![vec![words.cell(Word::ChannelTargetsSection)], heading];
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
                        (words.word)(Word::Revenue),
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
            (words.word)(Word::AllChannels),
            split.assigned,
            stage,
            *total,
            shown_count,
        ));
    }
    if split.has_revenue() {
        rows.push(row(
            (words.word)(Word::AllChannels),
            split.assigned,
            (words.word)(Word::Revenue),
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
        words.cell(Word::Channel),
        words.cell(Word::CostStage),
        words.cell(Word::CostPerUnit),
    ];
    heading.extend(words.periods(Word::Per));
    heading.push(words.cell(Word::Note));
    let mut rows = vec![vec![words.cell(Word::BudgetSection)], heading];
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
    total((words.word)(Word::TotalNeeded), Some(needs.needed_per_year));
    if needs.budget_per_year.is_some() {
        total((words.word)(Word::BudgetSet), needs.budget_per_year);
        total((words.word)(Word::BudgetGap), needs.gap(Period::Year));
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
    for (name, kpis) in channels.chain([((words.word)(Word::AllChannels).to_owned(), &report.all)])
    {
        let cells = kpi_cells(kpis);
        if cells.iter().any(Result::is_ok) {
            let mut row = vec![Cell::Text(name)];
            row.extend(cells.into_iter().map(figure));
            table.push(row);
        }
    }
    let mut rows = Vec::new();
    for (label, value) in [
        (
            (words.word)(Word::LifetimeValue),
            report.value.lifetime_value,
        ),
        (
            (words.word)(Word::Retention),
            report.value.retention.map(percent),
        ),
    ] {
        if let Ok(value) = value {
            rows.push(vec![text(label), Cell::Number(value)]);
        }
    }
    if rows.is_empty() && table.is_empty() {
        return rows;
    }
    rows.insert(0, vec![words.cell(Word::KpisSection)]);
    if !table.is_empty() {
        let mut heading = vec![words.cell(Word::Channel)];
        heading.extend(
            report
                .stage_names
                .iter()
                .take(stage_count.saturating_sub(1))
                .map(|stage| Cell::Text((words.cost_per)(stage))),
        );
        heading.extend(
            [
                Word::Cac,
                Word::Roi,
                Word::Roas,
                Word::WinRate,
                Word::LtvToCac,
                Word::Payback,
            ]
            .map(|word| words.cell(word)),
        );
        rows.push(heading);
        rows.extend(table);
    }
    rows
}

/// A title, column heading or row label of the forecast's inputs in a file, which the page
/// gives in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForecastWord {
    /// The section's title.
    Title,
    /// "Customers spread over the months", then its two answers.
    Phasing,
    Even,
    Weights,
    /// The headings of the month and weight columns.
    Month,
    Weight,
    /// The headings of the stage columns: its name, the days to the next stage, the lowest and
    /// highest rate (percent).
    Stage,
    Days,
    Low,
    High,
    /// The average revenue's range, the seed and the scenarios' change (percent).
    RevenueLow,
    RevenueHigh,
    Seed,
    ScenarioChange,
}

/// The words of the forecast's inputs in a file, in the page's language.
pub struct ForecastWords<'a> {
    /// Each [`ForecastWord`] in the page's language.
    pub word: &'a dyn Fn(ForecastWord) -> &'static str,
    /// The months of the plan year, its first month first.
    pub months: [&'a str; MONTHS],
}

/// A number typed with `symbols` (a percent's `%` aside) as a number cell when it reads as one,
/// else the text as typed (empty stays empty).
pub fn typed_number(text: &str, symbols: NumberSymbols) -> Cell {
    match parse_number(text.trim().trim_end_matches('%'), symbols) {
        Ok(value) => Cell::Number(value),
        Err(_) => Cell::Text(text.to_owned()),
    }
}

/// A number typed in the forecast (see [`typed_number`]).
fn typed(text: &str, forecast: &ForecastDraft) -> Cell {
    typed_number(text, forecast.lang().symbols())
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
    let word = |word| (words.word)(word);
    let is_weighted = forecast.phasing == PhasingMode::Weights;
    let mut rows = vec![
        vec![text(word(ForecastWord::Title))],
        vec![
            text(word(ForecastWord::Phasing)),
            text(if is_weighted {
                word(ForecastWord::Weights)
            } else {
                word(ForecastWord::Even)
            }),
        ],
    ];
    if is_weighted {
        rows.push(vec![
            text(word(ForecastWord::Month)),
            text(word(ForecastWord::Weight)),
        ]);
        for (index, month) in words.months.iter().enumerate() {
            rows.push(vec![text(month), typed(forecast.weight(index), forecast)]);
        }
    }
    rows.push(
        [
            ForecastWord::Stage,
            ForecastWord::Days,
            ForecastWord::Low,
            ForecastWord::High,
        ]
        .map(|heading| text(word(heading)))
        .to_vec(),
    );
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
        (word(ForecastWord::RevenueLow), &forecast.revenue_low),
        (word(ForecastWord::RevenueHigh), &forecast.revenue_high),
        (word(ForecastWord::Seed), &forecast.seed),
        (
            word(ForecastWord::ScenarioChange),
            &forecast.scenario_percent,
        ),
    ] {
        rows.push(vec![text(label), typed(value, forecast)]);
    }
    rows
}
