//! The plan as CSV: the worked examples give exactly the figures computed by hand, section by
//! section (the plan's inputs, its targets, targets by channel, budget needed, KPIs); sections
//! without figures are left out; cells are quoted as RFC 4180 says, text a spreadsheet would run
//! as a formula stays text, and any stage name and any number survive a spreadsheet's reading.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{example, example_with_channels};
use funnel_planner::model::channels::Report;
use funnel_planner::model::csv::{
    actuals_table, budget_needed, channel_targets, kpi_table, neutralise, plan_file, plan_inputs,
    targets_table, write, Cell, Words,
};
use funnel_planner::model::csv::{forecast_inputs, ForecastWord, ForecastWords, Word};
use funnel_planner::model::forecast::draft::{ForecastDraft, PhasingMode};
use funnel_planner::model::kpi::Unavailable;
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::page_data::PageData;
use funnel_planner::model::results::{Actuals, CellAt, Row};
use funnel_planner::model::{reverse, ChannelId, GoalKind, Lang, Period, PlanDraft, StageId};
use proptest::prelude::*;

const EN: NumberSymbols = NumberSymbols::ENGLISH;

fn cost_per(stage: &str) -> String {
    format!("Cost per {stage}")
}

fn channel_name(name: &str, position: usize) -> String {
    if name.is_empty() {
        format!("Channel {}", position + 1)
    } else {
        name.to_owned()
    }
}

fn reason(reason: Unavailable) -> String {
    format!("— ({reason:?})")
}

/// The English words, as the page's catalogue has them.
fn english(word: Word) -> &'static str {
    match word {
        Word::PlanSection => "Plan",
        Word::TargetsSection => "Targets",
        Word::ChannelTargetsSection => "Targets by channel",
        Word::BudgetSection => "Budget needed",
        Word::KpisSection => "Marketing KPIs",
        Word::PlanName => "Plan name",
        Word::RevenueGoal => "Revenue goal",
        Word::CustomersGoal => "New customers per year",
        Word::AverageRevenue => "Average revenue per new customer",
        Word::Stage => "Stage",
        // A comma in a heading, to be quoted.
        Word::RateToNext => "Rate to next stage, %",
        Word::Needed(Period::Month) => "Needed per month",
        Word::Needed(Period::Quarter) => "Needed per quarter",
        Word::Needed(Period::Year) => "Needed per year",
        Word::Exact(Period::Month) => "Exact per month",
        Word::Exact(Period::Quarter) => "Exact per quarter",
        Word::Exact(Period::Year) => "Exact per year",
        Word::Revenue => "Revenue",
        Word::Channel => "Channel",
        Word::Share => "Share of customers goal (%)",
        Word::AllChannels => "All channels",
        Word::Note => "Note",
        Word::CostStage => "Cost used at stage",
        Word::CostPerUnit => "Cost per unit",
        Word::Per(Period::Month) => "Per month",
        Word::Per(Period::Quarter) => "Per quarter",
        Word::Per(Period::Year) => "Per year",
        Word::TotalNeeded => "Total needed",
        Word::BudgetSet => "Budget set",
        Word::BudgetGap => "Budget minus need",
        Word::LifetimeValue => "Customer lifetime value (LTV)",
        Word::Retention => "Customer retention rate (%)",
        Word::Cac => "CAC",
        Word::Roi => "Marketing ROI (%)",
        Word::Roas => "ROAS",
        Word::WinRate => "Opportunity-to-win ratio (%)",
        Word::LtvToCac => "LTV:CAC",
        Word::Payback => "CAC payback (months)",
        Word::ActualsSection => "Results by month",
        Word::Month => "Month",
        Word::Spend => "Spend",
    }
}

/// The English words and texts, as the page has them.
fn words() -> Words<'static> {
    Words {
        word: &english,
        cost_per: &cost_per,
        channel_name: &channel_name,
        reason: &reason,
        // A plan year from April 2027, named as the page would.
        months: [
            "Apr 2027", "May 2027", "Jun 2027", "Jul 2027", "Aug 2027", "Sep 2027", "Oct 2027",
            "Nov 2027", "Dec 2027", "Jan 2028", "Feb 2028", "Mar 2028",
        ],
    }
}

/// The characters that start a formula in a spreadsheet.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The targets section of `draft` as CSV.
fn csv_of(draft: &PlanDraft) -> String {
    let plan = draft.validate(EN).expect("the plan is valid");
    let targets = reverse(&plan).expect("the targets compute");
    write(&targets_table(&plan, &targets, &words()))
}

/// The results entered in `draft`, read as the page reads them.
fn actuals_of(draft: &PlanDraft) -> Actuals {
    let channels: Vec<ChannelId> = draft
        .marketing
        .channels
        .iter()
        .map(|channel| channel.id)
        .collect();
    let (actuals, _) = draft.tracking.check(&draft.stage_ids(), &channels, EN);
    actuals
}

/// The whole file for `draft`, made as the page makes it.
fn file_of(draft: &PlanDraft) -> String {
    let plan = draft.validate(EN).expect("the plan is valid");
    let targets = reverse(&plan).expect("the targets compute");
    let report = Report::new(draft, Some(&plan), EN);
    let actuals = actuals_of(draft);
    write(&plan_file(&plan, &targets, &actuals, &report, &words()))
}

/// Types `text` as the whole plan's result (or `channel`'s) for `row` in `month` (0 = the plan
/// year's first).
fn enter(draft: &mut PlanDraft, month: usize, row: Row, channel: Option<ChannelId>, text: &str) {
    draft.tracking.set_text(
        CellAt {
            month,
            row,
            channel,
        },
        text.to_owned(),
    );
}

/// The results section of `draft` as CSV.
fn actuals_csv_of(draft: &PlanDraft) -> String {
    let plan = draft.validate(EN).expect("the plan is valid");
    write(&actuals_table(&plan, &actuals_of(draft), &words()))
}

fn report_of(draft: &PlanDraft) -> Report {
    Report::new(draft, draft.validate(EN).ok().as_ref(), EN)
}

/// `actual` against the hand-written `expected`, both CSV: the same rows and cells, text exactly,
/// numbers within a billionth (the exact columns carry binary noise: 2.7 customers may be
/// 2.6999999999999997).
#[track_caller]
fn assert_csv(actual: &str, expected: &str) {
    let actual_rows = parse_csv(actual).expect("the file is valid CSV");
    let expected_rows = parse_csv(expected).expect("the expected text is valid CSV");
    for (line, (got, want)) in actual_rows.iter().zip(&expected_rows).enumerate() {
        let same = got.len() == want.len()
            && got.iter().zip(want).all(|(got, want)| {
                match (got.parse::<f64>(), want.parse::<f64>()) {
                    (Ok(got), Ok(want)) => (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                    _ => got == want,
                }
            });
        assert!(same, "line {}:\n got  {got:?}\n want {want:?}", line + 1);
    }
    assert_eq!(actual_rows.len(), expected_rows.len(), "{actual}");
}

/// Reads CSV strictly as RFC 4180 writes it: fields separated by `,`, records ended by CRLF
/// (the last one too), a field holding `,` `"` CR or LF quoted with `"` and its quotes doubled.
/// Anything else (a bare quote, a bare CR or LF) is an error.
fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    if text.is_empty() {
        return Ok(rows);
    }
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err("a quoted field is not closed".to_owned()),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                match c {
                    ',' | '\r' => break,
                    '"' | '\n' => return Err(format!("a bare {c:?} in an unquoted field")),
                    _ => {
                        field.push(c);
                        chars.next();
                    }
                }
            }
        }
        row.push(field);
        match chars.next() {
            Some(',') => {}
            Some('\r') if chars.next() == Some('\n') => {
                rows.push(std::mem::take(&mut row));
                if chars.peek().is_none() {
                    return Ok(rows);
                }
            }
            None => return Err("the last record does not end in CRLF".to_owned()),
            Some(other) => return Err(format!("{other:?} after a field")),
        }
    }
}

/// The text a person typed, from a cell as a spreadsheet reads it: the one leading `'` that
/// neutralising added is removed.
fn as_typed(cell: &str, typed: &str) -> String {
    if typed.starts_with(FORMULA_STARTS) {
        cell.strip_prefix('\'').unwrap_or(cell).to_owned()
    } else {
        cell.to_owned()
    }
}

/// A text cell as a reader of the file takes it: without the `'` put before a formula start.
fn read_back(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// The worked example

#[test]
fn the_worked_example_gives_the_figures_computed_by_hand() {
    // By hand: customers a year = 10,000,000 ÷ 1,100,000 = 9.0909…; each stage above needs the
    // next stage's figure ÷ its rate:
    //   Opportunities = 9.0909 ÷ 50 %  = 18.1818…
    //   SQLs          = 18.18  ÷ 40 %  = 45.4545…
    //   MQLs          = 45.45  ÷ 20 %  = 227.2727…
    //   Leads         = 227.27 ÷ 20 %  = 1,136.3636…
    //   Visits        = 1,136  ÷ 1.5 % = 75,757.5757…
    // Per quarter is ÷ 4 and per month ÷ 12, e.g. visits 18,939.39 a quarter, 6,313.13 a month;
    // "needed" rounds each up: from 10 to whole numbers (6,314 / 18,940 / 75,758 visits), below
    // 10 to two decimals (SQLs 3.7878 → 3.79; opportunities 1.5151 → 1.52 and 4.5454 → 4.55;
    // customers 0.7575 → 0.76, 2.2727 → 2.28, 9.0909 → 9.1). Revenue is the goal, rounded up:
    // 833,333.33 a month → 833,334, 2,500,000 a quarter, 10,000,000 a year.
    // The exact columns are the full f64 values, as Rust writes them (shortest round trip).
    let expected = concat!(
        "Targets\r\n",
        "Stage,\"Rate to next stage, %\",Needed per month,Needed per quarter,Needed per year,",
        "Exact per month,Exact per quarter,Exact per year\r\n",
        "Visits,1.5,6314,18940,75758,6313.131313131314,18939.39393939394,75757.57575757576\r\n",
        "Leads,20,95,285,1137,94.69696969696969,284.09090909090907,1136.3636363636363\r\n",
        "MQLs,20,19,57,228,18.939393939393938,56.81818181818181,227.27272727272725\r\n",
        "SQLs,40,3.79,12,46,3.7878787878787876,11.363636363636363,45.45454545454545\r\n",
        "Opportunities,50,1.52,4.55,19,1.5151515151515154,4.545454545454546,18.181818181818183\r\n",
        "Customers,,0.76,2.28,9.1,0.7575757575757577,2.272727272727273,9.090909090909092\r\n",
        "Revenue,,833334,2500000,10000000,833333.3333333334,2500000,10000000\r\n",
    );
    assert_eq!(csv_of(&example()), expected);
}

#[test]
fn the_table_has_a_title_a_heading_a_row_per_stage_and_a_revenue_row() {
    let plan = example().validate(EN).expect("valid");
    let targets = reverse(&plan).expect("computes");
    let rows = targets_table(&plan, &targets, &words());
    assert_eq!(rows.len(), 1 + 1 + 6 + 1);
    assert_eq!(rows[0], [Cell::Text("Targets".to_owned())]);
    assert!(rows[1..].iter().all(|row| row.len() == 8));
    assert_eq!(rows[1][0], Cell::Text("Stage".to_owned()));
    assert_eq!(rows[2][1], Cell::Number(1.5));
    // The last stage has no rate into a next stage.
    assert_eq!(rows[7][1], Cell::Text(String::new()));
    assert_eq!(
        rows[7][4],
        Cell::Number(9.1),
        "9.0909 rounded up to two decimals"
    );
    assert_eq!(rows[8][0], Cell::Text("Revenue".to_owned()));
    assert_eq!(rows[8][7], Cell::Number(10_000_000.0));

    let parsed = parse_csv(&write(&rows)).expect("valid CSV");
    assert_eq!(parsed.len(), 9);
    assert!(parsed[1..].iter().all(|row| row.len() == 8));
    assert_eq!(parsed[1][1], "Rate to next stage, %");
}

#[test]
fn a_customers_goal_gives_its_customers_and_the_revenue_they_bring() {
    let mut draft = example();
    draft.goal_kind = GoalKind::NewCustomers;
    draft.new_customers_goal = "9".to_owned();
    let text = csv_of(&draft);
    // 9 customers: 0.75 a month, 2.25 a quarter; 9 × 1,100,000 = 9,900,000 revenue a year.
    assert!(
        text.contains("\r\nCustomers,,0.75,2.25,9,0.75,2.25,9\r\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\r\nRevenue,,825000,2475000,9900000,825000,2475000,9900000\r\n"),
        "{text}"
    );
    // 9 ÷ 50 % ÷ 40 % ÷ 20 % ÷ 20 % ÷ 1.5 % = 75,000 visits a year, 6,250 a month.
    assert!(text.contains("\r\nVisits,1.5,6250,18750,75000,"), "{text}");
}

#[test]
fn rates_are_written_as_typed() {
    // A rate is kept as a fraction (57 % as 0.57); multiplying back by 100 is not exact for
    // every percent (0.57 × 100 = 56.99999999999999), yet the file must say what was typed.
    let mut draft = example();
    for (stage, rate) in draft.stages.iter_mut().zip(["7", "14", "28", "57", "3.3"]) {
        stage.rate_to_next = rate.to_owned();
    }
    let rows = parse_csv(&csv_of(&draft)).expect("valid CSV");
    let rates: Vec<&str> = rows[2..7].iter().map(|row| row[1].as_str()).collect();
    assert_eq!(rates, ["7", "14", "28", "57", "3.3"]);
}

// ---------------------------------------------------------------------------------------------
// The results entered

#[test]
fn results_are_written_one_row_per_month_with_any() {
    // The example's stages are ids 1 Visits, 2 Leads … 6 Customers. Entered: April (month 0)
    // 6,000 visits, 90 leads and 4,800.25 spent; June (month 2) 7,500.5 visits, 1 customer and
    // 1,100,000 revenue; March 2028 (month 11) only revenue, 2,200,000. May has nothing, and
    // August only a result that cannot be read ("12x" visits: it counts as not entered): no
    // row for either. Numbers are plain (no thousands separators), empty where not entered.
    let mut draft = example();
    let stage = |id| Row::Stage(StageId(id));
    enter(&mut draft, 0, stage(1), None, "6,000");
    enter(&mut draft, 0, stage(2), None, "90");
    enter(&mut draft, 0, Row::Spend, None, "4,800.25");
    enter(&mut draft, 2, stage(1), None, "7,500.5");
    enter(&mut draft, 2, stage(6), None, "1");
    enter(&mut draft, 2, Row::Revenue, None, "1,100,000");
    enter(&mut draft, 11, Row::Revenue, None, "2,200,000");
    enter(&mut draft, 4, stage(1), None, "12x");
    let expected = concat!(
        "Results by month\r\n",
        "Month,Visits,Leads,MQLs,SQLs,Opportunities,Customers,Spend,Revenue\r\n",
        "Apr 2027,6000,90,,,,,4800.25,\r\n",
        "Jun 2027,7500.5,,,,,1,,1100000\r\n",
        "Mar 2028,,,,,,,,2200000\r\n",
    );
    assert_eq!(actuals_csv_of(&draft), expected);
}

#[test]
fn a_row_with_channel_results_is_their_sum() {
    // Leads in April: Paid search 60 and Email 50 entered for the channels, so the plan's leads
    // are 60 + 50 = 110 (the 999 typed for the whole plan before is kept, not used). Visits are
    // only the plan's own: 2,500. Spend: Events' 20,000 alone, so 20,000.
    let mut draft = example_with_channels();
    let [paid_search, email, events] = [0, 1, 2].map(|index| draft.marketing.channels[index].id);
    let leads = Row::Stage(StageId(2));
    enter(&mut draft, 0, leads, None, "999");
    enter(&mut draft, 0, leads, Some(paid_search), "60");
    enter(&mut draft, 0, leads, Some(email), "50");
    enter(&mut draft, 0, Row::Stage(StageId(1)), None, "2,500");
    enter(&mut draft, 0, Row::Spend, Some(events), "20,000");
    let expected = concat!(
        "Results by month\r\n",
        "Month,Visits,Leads,MQLs,SQLs,Opportunities,Customers,Spend,Revenue\r\n",
        "Apr 2027,2500,110,,,,,20000,\r\n",
    );
    assert_eq!(actuals_csv_of(&draft), expected);
}

#[test]
fn no_results_no_section() {
    let mut draft = example();
    assert!(actuals_csv_of(&draft).is_empty());
    // Only results that cannot be read, or of a stage the plan no longer has: still none.
    enter(&mut draft, 3, Row::Spend, None, "abc");
    enter(&mut draft, 3, Row::Stage(StageId(99)), None, "5");
    assert!(actuals_csv_of(&draft).is_empty());
    assert!(
        !file_of(&draft).contains("Results by month"),
        "{}",
        file_of(&draft)
    );
}

#[test]
fn the_results_follow_the_targets_in_the_file() {
    // The worked example (no channels) with 6,313 visits in its first month: the plan (11
    // rows), an empty row, the targets (9), an empty row, then the results (3).
    let mut draft = example();
    enter(&mut draft, 0, Row::Stage(StageId(1)), None, "6313");
    let text = file_of(&draft);
    let rows = parse_csv(&text).expect("valid CSV");
    assert_eq!(rows.len(), 11 + 1 + 9 + 1 + 3, "{text}");
    assert_eq!(rows[12], ["Targets"]);
    assert_eq!(rows[21], [""]);
    assert_eq!(rows[22], ["Results by month"]);
    assert!(
        text.ends_with("\r\n\r\nResults by month\r\nMonth,Visits,Leads,MQLs,SQLs,Opportunities,Customers,Spend,Revenue\r\nApr 2027,6313,,,,,,,\r\n"),
        "{text}"
    );
    // With channels, the targets by channel come after the results.
    let mut draft = example_with_channels();
    enter(&mut draft, 1, Row::Revenue, None, "1,100,000");
    let text = file_of(&draft);
    let results = text.find("\r\nResults by month\r\n").expect("the results");
    let by_channel = text.find("\r\nTargets by channel\r\n").expect("the split");
    assert!(text.find("\r\nTargets\r\n").expect("the targets") < results);
    assert!(results < by_channel, "{text}");
    assert!(
        text.contains("\r\nMay 2027,,,,,,,,1100000\r\n\r\n"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// The whole file

#[test]
fn the_example_with_channels_gives_every_section_computed_by_hand() {
    // The plan: 9 new customers a year at 1,100,000 each, rates 1.5 / 20 / 20 / 40 / 50 %.
    //
    // Targets: 9 customers ÷ 50 % = 18 opportunities ÷ 40 % = 45 SQLs ÷ 20 % = 225 MQLs ÷ 20 %
    // = 1,125 leads ÷ 1.5 % = 75,000 visits a year; ÷ 12 a month, ÷ 4 a quarter, each rounded
    // up for "needed" (93.75 leads a month → 94). Revenue 9 × 1,100,000 = 9,900,000 a year.
    //
    // Targets by channel: Paid search has 40 %, Email and Events share the other 60 % (30 %
    // each). Each converts Opportunities→Customers at the rate its own volumes give
    // (customers ÷ opportunities): Paid search 2 ÷ 5 = 40 %, Email 1 ÷ 4 = 25 %, Events
    // 2 ÷ 10 = 20 %; Paid search Visits→Leads at its own 3 % (60 ÷ 2,000 gives 3 % too); every
    // other rate is the plan's.
    // Paid search: 9 × 40 % = 3.6 customers ÷ 40 % = 9 ÷ 40 % = 22.5 ÷ 20 % = 112.5 ÷ 20 %
    // = 562.5 leads ÷ 3 % = 18,750 visits; revenue 3.6 × 1,100,000 = 3,960,000.
    // Email: 9 × 30 % = 2.7 ÷ 25 % = 10.8 ÷ 40 % = 27 ÷ 20 % = 135 ÷ 20 % = 675 ÷ 1.5 % =
    // 45,000 visits; revenue 2,970,000.
    // Events: 2.7 ÷ 20 % = 13.5 ÷ 40 % = 33.75 ÷ 20 % = 168.75 ÷ 20 % = 843.75 ÷ 1.5 % =
    // 56,250 visits; revenue 2,970,000.
    // All channels: visits 18,750 + 45,000 + 56,250 = 120,000; leads 562.5 + 675 + 843.75 =
    // 2,081.25; MQLs 112.5 + 135 + 168.75 = 416.25; SQLs 22.5 + 27 + 33.75 = 83.25;
    // opportunities 9 + 10.8 + 13.5 = 33.3; customers 9; revenue 9,900,000.
    // Per month ÷ 12, per quarter ÷ 4 (e.g. Events leads 843.75 ÷ 12 = 70.3125 and
    // ÷ 4 = 210.9375; all channels' leads 2,081.25 ÷ 12 = 173.4375 and ÷ 4 = 520.3125).
    //
    // Budget needed: Paid search pays 6,000 ÷ 2,000 visits = 3 a visit × 18,750 = 56,250 a
    // year; Email has no visits, so 1,000 ÷ 50 leads = 20 a lead × 675 = 13,500; Events
    // 20,000 ÷ 500 leads = 40 × 843.75 = 33,750. Total 103,500 a year (25,875 a quarter,
    // 8,625 a month) against a budget of 5,000 a month (60,000 a year): 43,500 short a year
    // (10,875 a quarter, 3,625 a month).
    //
    // Needed counts below 10 keep two decimals rounded up (Paid search MQLs 9.375 → 9.38 a
    // month, SQLs 1.875 → 1.88 and 5.625 → 5.63; Events SQLs 2.8125 → 2.82 and 8.4375 → 8.44,
    // opportunities 1.125 → 1.13 and 3.375 → 3.38; customers 0.225 → 0.23 and 0.675 → 0.68;
    // all channels' opportunities 8.325 → 8.33 a quarter); from 10 up the whole number to
    // reach (Paid search leads 562.5 → 563 a year, Email opportunities 10.8 → 11, Events
    // 13.5 → 14, all channels' SQLs 20.8125 → 21 a quarter).
    //
    // KPIs: LTV = 1,100,000 × 60 % × 3 years = 1,980,000; retention (230 − 50) ÷ 200 = 90 %.
    // Paid search: 6,000 ÷ 2,000 visits = 3, ÷ 60 leads = 100, ÷ 5 opportunities = 1,200,
    // CAC 6,000 ÷ 2 = 3,000; ROI (30,000 − 6,000) ÷ 6,000 = 400 %, ROAS 5; win 2 ÷ 5 = 40 %;
    // LTV:CAC 1,980,000 ÷ 3,000 = 660; payback 3,000 ÷ (1,100,000 ÷ 12 × 60 % = 55,000) =
    // 0.0545… months. Email: 1,000 ÷ 50 = 20, ÷ 4 = 250, CAC 1,000; ROI 1,100 %, ROAS 12;
    // win 25 %; LTV:CAC 1,980; payback 1,000 ÷ 55,000 = 0.01818…. Events: 20,000 ÷ 500 = 40,
    // ÷ 10 = 2,000, CAC 10,000; ROI 50 %, ROAS 1.5; win 20 %; LTV:CAC 198; payback 0.1818….
    // All channels add the channels with both figures: visits 6,000 ÷ 2,000 = 3; leads 27,000
    // ÷ 610 = 44.2622…; opportunities 27,000 ÷ 19 = 1,421.0526…; CAC 27,000 ÷ 5 = 5,400; ROI
    // (72,000 − 27,000) ÷ 27,000 = 166.666…%, ROAS 2.666…; win 5 ÷ 19 = 26.3157…%; LTV:CAC
    // 1,980,000 ÷ 5,400 = 366.666…; payback 5,400 ÷ 55,000 = 0.09818…. No channel has MQLs or
    // SQLs, so those costs are empty.
    let expected = concat!(
        "Plan\r\n",
        "Plan name,Plan\r\n",
        "New customers per year,9\r\n",
        "Average revenue per new customer,1100000\r\n",
        "Stage,\"Rate to next stage, %\"\r\n",
        "Visits,1.5\r\n",
        "Leads,20\r\n",
        "MQLs,20\r\n",
        "SQLs,40\r\n",
        "Opportunities,50\r\n",
        "Customers,\r\n",
        "\r\n",
        "Targets\r\n",
        "Stage,\"Rate to next stage, %\",Needed per month,Needed per quarter,Needed per year,",
        "Exact per month,Exact per quarter,Exact per year\r\n",
        "Visits,1.5,6250,18750,75000,6250,18750,75000\r\n",
        "Leads,20,94,282,1125,93.75,281.25,1125\r\n",
        "MQLs,20,19,57,225,18.75,56.25,225\r\n",
        "SQLs,40,3.75,12,45,3.75,11.25,45\r\n",
        "Opportunities,50,1.5,4.5,18,1.5,4.5,18\r\n",
        "Customers,,0.75,2.25,9,0.75,2.25,9\r\n",
        "Revenue,,825000,2475000,9900000,825000,2475000,9900000\r\n",
        "\r\n",
        "Targets by channel\r\n",
        "Channel,Share of customers goal (%),Stage,Needed per month,Needed per quarter,",
        "Needed per year,Exact per month,Exact per quarter,Exact per year,Note\r\n",
        "Paid search,40,Visits,1563,4688,18750,1562.5,4687.5,18750,\r\n",
        "Paid search,40,Leads,47,141,563,46.875,140.625,562.5,\r\n",
        "Paid search,40,MQLs,9.38,29,113,9.375,28.125,112.5,\r\n",
        "Paid search,40,SQLs,1.88,5.63,23,1.875,5.625,22.5,\r\n",
        "Paid search,40,Opportunities,0.75,2.25,9,0.75,2.25,9,\r\n",
        "Paid search,40,Customers,0.3,0.9,3.6,0.3,0.9,3.6,\r\n",
        "Paid search,40,Revenue,330000,990000,3960000,330000,990000,3960000,\r\n",
        "Email,30,Visits,3750,11250,45000,3750,11250,45000,\r\n",
        "Email,30,Leads,57,169,675,56.25,168.75,675,\r\n",
        "Email,30,MQLs,12,34,135,11.25,33.75,135,\r\n",
        "Email,30,SQLs,2.25,6.75,27,2.25,6.75,27,\r\n",
        "Email,30,Opportunities,0.9,2.7,11,0.9,2.7,10.8,\r\n",
        "Email,30,Customers,0.23,0.68,2.7,0.225,0.675,2.7,\r\n",
        "Email,30,Revenue,247500,742500,2970000,247500,742500,2970000,\r\n",
        "Events,30,Visits,4688,14063,56250,4687.5,14062.5,56250,\r\n",
        "Events,30,Leads,71,211,844,70.3125,210.9375,843.75,\r\n",
        "Events,30,MQLs,15,43,169,14.0625,42.1875,168.75,\r\n",
        "Events,30,SQLs,2.82,8.44,34,2.8125,8.4375,33.75,\r\n",
        "Events,30,Opportunities,1.13,3.38,14,1.125,3.375,13.5,\r\n",
        "Events,30,Customers,0.23,0.68,2.7,0.225,0.675,2.7,\r\n",
        "Events,30,Revenue,247500,742500,2970000,247500,742500,2970000,\r\n",
        "All channels,100,Visits,10000,30000,120000,10000,30000,120000,\r\n",
        "All channels,100,Leads,174,521,2082,173.4375,520.3125,2081.25,\r\n",
        "All channels,100,MQLs,35,105,417,34.6875,104.0625,416.25,\r\n",
        "All channels,100,SQLs,6.94,21,84,6.9375,20.8125,83.25,\r\n",
        "All channels,100,Opportunities,2.78,8.33,34,2.775,8.325,33.3,\r\n",
        "All channels,100,Customers,0.75,2.25,9,0.75,2.25,9,\r\n",
        "All channels,100,Revenue,825000,2475000,9900000,825000,2475000,9900000,\r\n",
        "\r\n",
        "Budget needed\r\n",
        "Channel,Cost used at stage,Cost per unit,Per month,Per quarter,Per year,Note\r\n",
        "Paid search,Visits,3,4687.5,14062.5,56250,\r\n",
        "Email,Leads,20,1125,3375,13500,\r\n",
        "Events,Leads,40,2812.5,8437.5,33750,\r\n",
        "Total needed,,,8625,25875,103500,\r\n",
        "Budget set,,,5000,15000,60000,\r\n",
        "Budget minus need,,,-3625,-10875,-43500,\r\n",
        "\r\n",
        "Marketing KPIs\r\n",
        "Customer lifetime value (LTV),1980000\r\n",
        "Customer retention rate (%),90\r\n",
        "Channel,Cost per Visits,Cost per Leads,Cost per MQLs,Cost per SQLs,",
        "Cost per Opportunities,CAC,Marketing ROI (%),ROAS,Opportunity-to-win ratio (%),",
        "LTV:CAC,CAC payback (months)\r\n",
        "Paid search,3,100,,,1200,3000,400,5,40,660,0.054545454545\r\n",
        "Email,,20,,,250,1000,1100,12,25,1980,0.018181818182\r\n",
        "Events,,40,,,2000,10000,50,1.5,20,198,0.181818181818\r\n",
        "All channels,3,44.262295082,,,1421.052631579,5400,166.666666667,2.666666667,",
        "26.315789474,366.666666667,0.098181818182\r\n",
    );
    assert_csv(&file_of(&example_with_channels()), expected);
}

#[test]
fn a_plan_without_channels_has_only_its_inputs_and_targets() {
    // The worked example: a revenue goal of 10,000,000, and no channels to split it across.
    let mut draft = example();
    draft.name = "=cmd|' /C calc'!A0".to_owned();
    let text = file_of(&draft);
    let rows = parse_csv(&text).expect("valid CSV");
    assert_eq!(rows[0], ["Plan"]);
    // The name is kept as typed, behind the `'` that keeps it from running.
    assert_eq!(rows[1], ["Plan name", "'=cmd|' /C calc'!A0"]);
    assert_eq!(rows[2], ["Revenue goal", "10000000"]);
    assert_eq!(rows[3], ["Average revenue per new customer", "1100000"]);
    assert_eq!(rows[11], [""]);
    assert_eq!(rows[12], ["Targets"]);
    // Plan (11 rows), an empty row, targets (9 rows), and nothing after them.
    assert_eq!(rows.len(), 11 + 1 + 9, "{text}");
    assert!(text
        .ends_with("\r\nRevenue,,833334,2500000,10000000,833333.3333333334,2500000,10000000\r\n"));
}

#[test]
fn channels_with_nothing_typed_give_their_split_and_no_budget_or_kpis() {
    // Two channels with nothing typed share the 9 customers evenly: 4.5 each, 9 ÷ 50 % ÷ 40 %
    // ÷ 20 % ÷ 20 % ÷ 1.5 % ÷ 2 = 37,500 visits a year each. No spend: no cost, no KPI.
    let mut draft = example_with_channels();
    draft.marketing = Default::default();
    for name in ["Web", ""] {
        draft.marketing.add_channel(name);
    }
    let report = report_of(&draft);
    assert!(budget_needed(&report, &words()).is_empty());
    assert!(kpi_table(&report, &words()).is_empty());
    let rows = channel_targets(&report, &words());
    assert_csv(
        &write(&rows[..3]),
        concat!(
            "Targets by channel\r\n",
            "Channel,Share of customers goal (%),Stage,Needed per month,Needed per quarter,",
            "Needed per year,Exact per month,Exact per quarter,Exact per year,Note\r\n",
            "Web,50,Visits,3125,9375,37500,3125,9375,37500,\r\n",
        ),
    );
    // An unnamed channel is labelled as the page labels it.
    assert_eq!(rows[2 + 7][0], Cell::Text("Channel 2".to_owned()));
    // 2 channels × (6 stages + revenue) and all channels' 7 rows.
    assert_eq!(rows.len(), 2 + 3 * 7);
}

#[test]
fn a_channel_without_targets_or_cost_says_why() {
    // Email's own rate cannot be read, so it has no targets and no budget need; Events has no
    // spend, so no cost either. The budget still counts Paid search: 56,250 a year (3 a visit ×
    // 18,750 visits, its 40 % of the goal: 3.6 customers ÷ 40 % (2 ÷ 5 from its volumes) ÷ 40 %
    // ÷ 20 % ÷ 20 % ÷ 3 %), 56,250 ÷ 4 = 14,062.5 a quarter, ÷ 12 = 4,687.5 a month; against
    // 60,000 set: 3,750 to spare a year, 937.5 a quarter, 312.5 a month.
    let mut draft = example_with_channels();
    let stage = draft.stage_ids()[0];
    draft.marketing.channels[1].stage_mut(stage).rate = "abc".to_owned();
    draft.marketing.channels[2].spend = String::new();
    let report = report_of(&draft);
    let targets = write(&channel_targets(&report, &words()));
    assert!(
        targets.contains("\r\nEmail,30,,,,,,,,— (Missing(ChannelRates))\r\n"),
        "{targets}"
    );
    let budget = budget_needed(&report, &words());
    assert_csv(
        &write(&budget),
        concat!(
            "Budget needed\r\n",
            "Channel,Cost used at stage,Cost per unit,Per month,Per quarter,Per year,Note\r\n",
            "Paid search,Visits,3,4687.5,14062.5,56250,\r\n",
            "Email,Leads,20,,,,— (Missing(ChannelRates))\r\n",
            "Events,,,,,,— (Missing(Spend))\r\n",
            "Total needed,,,4687.5,14062.5,56250,\r\n",
            "Budget set,,,5000,15000,60000,\r\n",
            "Budget minus need,,,312.5,937.5,3750,\r\n",
        ),
    );
}

#[test]
fn shares_over_the_whole_goal_split_nothing() {
    // 70 % + 40 % is more than the goal: the page splits nothing, nor does the file.
    let mut draft = example_with_channels();
    draft.marketing.channels[0].share = "70".to_owned();
    draft.marketing.channels[1].share = "40".to_owned();
    let report = report_of(&draft);
    assert!(channel_targets(&report, &words()).is_empty());
    assert!(budget_needed(&report, &words()).is_empty());
    // The KPIs do not depend on the split.
    assert!(!kpi_table(&report, &words()).is_empty());
}

#[test]
fn the_plan_section_is_enough_to_rebuild_the_plan() {
    // Every input of the plan, read back from the file, validates to the same plan.
    let mut draft = example();
    draft.name = "Q3, \"aggressive\"".to_owned();
    draft.stages[2].name = "+MQLs".to_owned();
    draft.stages[3].rate_to_next = "57".to_owned();
    let plan = draft.validate(EN).expect("valid");
    let rows = parse_csv(&write(&plan_inputs(&plan, &words()))).expect("valid CSV");
    let mut rebuilt = example();
    rebuilt.name = rows[1][1].clone();
    assert_eq!(rows[2][0], "Revenue goal");
    rebuilt.revenue_goal = rows[2][1].clone();
    rebuilt.average_revenue_per_customer = rows[3][1].clone();
    for (stage, row) in rebuilt.stages.iter_mut().zip(&rows[5..]) {
        stage.name = read_back(&row[0]);
        stage.rate_to_next = row[1].clone();
    }
    assert_eq!(rebuilt.validate(EN), Ok(plan));
}

// ---------------------------------------------------------------------------------------------
// Quoting and neutralising

#[test]
fn cells_with_commas_quotes_or_line_breaks_are_quoted() {
    let rows = vec![vec![
        Cell::Text("a,b".to_owned()),
        Cell::Text("say \"hi\"".to_owned()),
        Cell::Text("two\nlines".to_owned()),
        Cell::Text("carriage\rreturn".to_owned()),
        Cell::Text("plain text".to_owned()),
        Cell::Text(String::new()),
        Cell::Text("\"".to_owned()),
    ]];
    assert_eq!(
        write(&rows),
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"carriage\rreturn\",plain text,,\"\"\"\"\r\n"
    );
}

#[test]
fn numbers_are_written_plainly() {
    let rows = vec![vec![
        Cell::Number(6250.0),
        Cell::Number(0.75),
        Cell::Number(-2.0),
        Cell::Number(1e21),
        Cell::Number(1e-7),
        Cell::Number(f64::NAN),
        Cell::Number(f64::INFINITY),
    ]];
    // Numbers are never neutralised (a negative number stays a number), never in exponent form,
    // and a value that is not finite is an empty cell.
    assert_eq!(
        write(&rows),
        "6250,0.75,-2,1000000000000000000000,0.0000001,,\r\n"
    );
}

#[test]
fn rows_end_in_crlf() {
    assert_eq!(write(&[]), "");
    assert_eq!(write(&[vec![]]), "\r\n");
    assert_eq!(
        write(&[
            vec![Cell::Text("a".to_owned())],
            vec![Cell::Text("b".to_owned())]
        ]),
        "a\r\nb\r\n"
    );
}

#[test]
fn text_that_would_start_a_formula_is_neutralised() {
    for (text, safe) in [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("=", "'="),
        // Anything else is left as it is.
        ("Visits", "Visits"),
        ("", ""),
        ("1+1", "1+1"),
        (" =x", " =x"),
        ("'=x", "'=x"),
    ] {
        assert_eq!(neutralise(text), safe, "{text:?}");
    }
}

#[test]
fn formula_like_stage_names_reach_the_file_as_text() {
    let mut draft = example();
    draft.stages[0].name = "=HYPERLINK(\"http://x\",\"y\")".to_owned();
    draft.stages[1].name = "+1".to_owned();
    draft.stages[2].name = "-2".to_owned();
    draft.stages[3].name = "@x".to_owned();
    let text = csv_of(&draft);
    assert!(
        text.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1.5,"),
        "{text}"
    );
    assert!(text.contains("\r\n'+1,20,"), "{text}");
    assert!(text.contains("\r\n'-2,20,"), "{text}");
    assert!(text.contains("\r\n'@x,40,"), "{text}");
}

#[test]
fn tab_and_carriage_return_leading_cells_are_neutralised_then_quoted() {
    let rows = vec![vec![
        Cell::Text("\t=1+1".to_owned()),
        Cell::Text("\r=1+1".to_owned()),
    ]];
    let text = write(&rows);
    assert_eq!(text, "'\t=1+1,\"'\r=1+1\"\r\n");
    assert_eq!(
        parse_csv(&text),
        Ok(vec![vec!["'\t=1+1".to_owned(), "'\r=1+1".to_owned()]])
    );
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any stage name a plan accepts is read back from the file as typed (trimmed, as the plan
    /// keeps it), once the one `'` neutralising added is removed, and the table keeps its shape.
    #[test]
    fn any_stage_name_survives_a_spreadsheet(
        name in prop_oneof![
            "(?s).{1,30}",
            "[=+@ ,\"\r\n\t-]{1,3}[a-z]{0,3}[=+@ ,\"\r\n\t-]{0,3}",
        ],
        at in 0usize..6,
    ) {
        let mut draft = example();
        draft.stages[at].name = name.clone();
        prop_assume!(draft.validate(EN).is_ok()); // empty or a duplicate of another stage
        let rows = parse_csv(&csv_of(&draft)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(rows.len(), 9);
        prop_assert!(rows[1..].iter().all(|row| row.len() == 8));
        let typed = name.trim();
        prop_assert_eq!(as_typed(&rows[2 + at][0], typed), typed);
    }

    /// Any text in any cell is read back as typed with one `'` before it when it starts a
    /// formula (`=`, `+`, `-`, `@`, tab or CR: this file's own list, not the code's), and as
    /// typed once the `'` is removed.
    #[test]
    fn any_text_cell_survives_a_spreadsheet(
        cells in prop::collection::vec(
            prop_oneof!["(?s).{0,20}", "[=+@\t\r-][a-z=+@ ,\"-]{0,5}"],
            1..6,
        ),
    ) {
        let rows = vec![cells.iter().cloned().map(Cell::Text).collect::<Vec<Cell>>()];
        let parsed = parse_csv(&write(&rows)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(parsed.len(), 1);
        prop_assert_eq!(parsed[0].len(), cells.len());
        for (cell, typed) in parsed[0].iter().zip(&cells) {
            let expected = if typed.starts_with(FORMULA_STARTS) {
                format!("'{typed}")
            } else {
                typed.clone()
            };
            prop_assert_eq!(cell, &expected);
            prop_assert_eq!(&as_typed(cell, typed), typed);
        }
    }

    /// Any rate typed with up to two decimals is written as the same number.
    #[test]
    fn any_typed_rate_is_written_as_typed(hundredths in 1u32..=10_000, at in 0usize..5) {
        let typed = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        let mut draft = example();
        draft.stages[at].rate_to_next = typed.clone();
        let rows = parse_csv(&csv_of(&draft)).map_err(TestCaseError::fail)?;
        let written: f64 = rows[2 + at][1].parse().map_err(|_| TestCaseError::fail("a number"))?;
        prop_assert_eq!(written, typed.parse::<f64>().expect("a number"), "typed {}", typed);
    }

    /// Any finite number is read back as the same number, never in exponent form.
    #[test]
    fn any_number_survives_a_spreadsheet(value in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
        let text = write(&[vec![Cell::Number(value)]]);
        let parsed = parse_csv(&text).map_err(TestCaseError::fail)?;
        let field = &parsed[0][0];
        prop_assert!(!field.contains(['e', 'E']), "{}", field);
        prop_assert_eq!(field.parse::<f64>().map_err(|e| TestCaseError::fail(e.to_string()))?, value);
    }
}

fn forecast_english(word: ForecastWord) -> &'static str {
    match word {
        ForecastWord::Title => "Forecast inputs",
        ForecastWord::Phasing => "Spread",
        ForecastWord::Even => "evenly",
        ForecastWord::Weights => "by weights",
        ForecastWord::Month => "Month",
        ForecastWord::Weight => "Weight",
        ForecastWord::Stage => "Stage",
        ForecastWord::Days => "Days",
        ForecastWord::Low => "Lowest rate (%)",
        ForecastWord::High => "Highest rate (%)",
        ForecastWord::RevenueLow => "Lowest revenue",
        ForecastWord::RevenueHigh => "Highest revenue",
        ForecastWord::Seed => "Seed",
        ForecastWord::ScenarioChange => "Scenarios (%)",
    }
}

fn forecast_words() -> ForecastWords<'static> {
    ForecastWords {
        word: &forecast_english,
        months: [
            "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08",
            "2027-09", "2027-10", "2027-11", "2027-12",
        ],
    }
}

#[test]
fn the_forecast_inputs_are_written_as_typed_with_numbers_as_numbers() {
    let stages: Vec<(StageId, String)> = ["Visits", "Leads", "Customers"]
        .iter()
        .enumerate()
        .map(|(index, name)| (StageId(index as u32 + 1), (*name).to_owned()))
        .collect();
    // Nothing typed: no section.
    let empty = ForecastDraft::new(Lang::English);
    assert!(forecast_inputs(&empty, &stages, &forecast_words()).is_empty());
    let mut forecast = ForecastDraft::new(Lang::Polish);
    forecast.phasing = PhasingMode::Weights;
    for month in 0..12 {
        forecast.set_weight(month, "1".to_owned());
    }
    forecast.set_weight(11, "2,5".to_owned());
    forecast.set_days(StageId(1), "14".to_owned());
    forecast.set_range(StageId(1), false, "1,2".to_owned());
    forecast.set_range(StageId(2), true, "soon".to_owned());
    forecast.revenue_high = "1 300 000".to_owned();
    let text =
        funnel_planner::model::csv::write(&forecast_inputs(&forecast, &stages, &forecast_words()));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "Forecast inputs");
    assert_eq!(lines[1], "Spread,by weights");
    assert_eq!(lines[2], "Month,Weight");
    assert_eq!(lines[3], "2027-01,1");
    // Polish "2,5" is the number 2.5.
    assert_eq!(lines[14], "2027-12,2.5");
    assert_eq!(lines[15], "Stage,Days,Lowest rate (%),Highest rate (%)");
    // One row per stage but the last; what was not typed is empty, text that is not a number
    // is kept as typed.
    assert_eq!(lines[16], "Visits,14,1.2,");
    assert_eq!(lines[17], "Leads,,,soon");
    assert_eq!(lines[18], "Lowest revenue,");
    assert_eq!(lines[19], "Highest revenue,1300000");
    assert_eq!(lines[20], "Seed,1");
    assert_eq!(lines[21], "Scenarios (%),20");
    assert_eq!(lines.len(), 23);
}
