//! The targets as CSV: the worked example gives exactly the figures computed by hand, cells are
//! quoted as RFC 4180 says, text a spreadsheet would run as a formula stays text, and any stage
//! name and any number survive a spreadsheet's reading of the file.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::example;
use funnel_planner::model::csv::{neutralise, targets_table, write, Cell, Headings};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{reverse, PlanDraft};
use proptest::prelude::*;

const EN: NumberSymbols = NumberSymbols::ENGLISH;

const HEADINGS: Headings<'static> = Headings {
    stage: "Stage",
    // A comma in a heading, to be quoted.
    rate_to_next: "Rate to next stage, %",
    needed: ["Needed per month", "Needed per quarter", "Needed per year"],
    exact: ["Exact per month", "Exact per quarter", "Exact per year"],
    revenue: "Revenue",
};

/// The characters that start a formula in a spreadsheet.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn csv_of(draft: &PlanDraft) -> String {
    let plan = draft.validate(EN).expect("the plan is valid");
    let targets = reverse(&plan).expect("the targets compute");
    write(&targets_table(&plan, &targets, HEADINGS))
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
fn the_table_has_a_heading_a_row_per_stage_and_a_revenue_row() {
    let plan = example().validate(EN).expect("valid");
    let targets = reverse(&plan).expect("computes");
    let rows = targets_table(&plan, &targets, HEADINGS);
    assert_eq!(rows.len(), 1 + 6 + 1);
    assert!(rows.iter().all(|row| row.len() == 8));
    assert_eq!(rows[0][0], Cell::Text("Stage".to_owned()));
    assert_eq!(rows[1][1], Cell::Number(1.5));
    // The last stage has no rate into a next stage.
    assert_eq!(rows[6][1], Cell::Text(String::new()));
    assert_eq!(
        rows[6][4],
        Cell::Number(9.1),
        "9.0909 rounded up to two decimals"
    );
    assert_eq!(rows[7][0], Cell::Text("Revenue".to_owned()));
    assert_eq!(rows[7][7], Cell::Number(10_000_000.0));

    let parsed = parse_csv(&write(&rows)).expect("valid CSV");
    assert_eq!(parsed.len(), 8);
    assert!(parsed.iter().all(|row| row.len() == 8));
    assert_eq!(parsed[0][1], "Rate to next stage, %");
}

#[test]
fn a_customers_goal_gives_its_customers_and_the_revenue_they_bring() {
    let mut draft = example();
    draft.goal_kind = funnel_planner::model::GoalKind::NewCustomers;
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
    let rates: Vec<&str> = rows[1..6].iter().map(|row| row[1].as_str()).collect();
    assert_eq!(rates, ["7", "14", "28", "57", "3.3"]);
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
        prop_assert_eq!(rows.len(), 8);
        prop_assert!(rows.iter().all(|row| row.len() == 8));
        let typed = name.trim();
        prop_assert_eq!(as_typed(&rows[1 + at][0], typed), typed);
    }

    /// Any text in any cell is read back as neutralised, and as typed once the `'` is removed.
    #[test]
    fn any_text_cell_survives_a_spreadsheet(
        cells in prop::collection::vec("(?s).{0,20}", 1..6),
    ) {
        let rows = vec![cells.iter().cloned().map(Cell::Text).collect::<Vec<Cell>>()];
        let parsed = parse_csv(&write(&rows)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(parsed.len(), 1);
        prop_assert_eq!(parsed[0].len(), cells.len());
        for (cell, typed) in parsed[0].iter().zip(&cells) {
            prop_assert_eq!(cell, &neutralise(typed));
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
        let written: f64 = rows[1 + at][1].parse().map_err(|_| TestCaseError::fail("a number"))?;
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
