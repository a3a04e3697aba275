//! Results imported from an export: files in the shape of HubSpot's, Pipedrive's, Salesforce's
//! and Google Analytics' (`tests/fixtures/import/`, written by hand, no real data), read into
//! month × stage counts; every expected count worked by hand from the fixture beside it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::import::{
    count, date_order, read_month, read_sheet, values_of, Counts, DateOrder, DateProblem,
    MonthCounts, OrderFound, Reader, Reason, RowProblem, Shape,
};
use funnel_planner::model::results::Month;
use funnel_planner::model::Lang;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/import/{name}")).expect("fixture")
}

fn month(year: i32, month: u8) -> Month {
    Month { year, month }
}

/// The counts of `month` in `counts`.
fn of(counts: &Counts, at: Month) -> &MonthCounts {
    counts.months.get(&at).expect("a month with counts")
}

/// A plan of three stages: meetings (0), qualified (1), customers (2).
const STAGES: usize = 3;

fn mapped(values: &[(&str, usize)]) -> Vec<(String, usize)> {
    values.iter().map(|(v, s)| ((*v).to_owned(), *s)).collect()
}

#[test]
fn a_hubspot_deals_export_counts_each_deal_in_its_stage_and_month() {
    let sheet = read_sheet(&fixture("hubspot-deals.csv"));
    assert_eq!(sheet.separator, ',');
    assert_eq!(sheet.headers[2], "Deal Stage");
    // A quoted name with a comma, and one with quotes written "".
    assert_eq!(sheet.records[0].cells[1], "Acme, Inc. – renewal");
    assert_eq!(sheet.records[4].cells[1], "Umbrella \"Phase 2\"");
    assert_eq!(
        values_of(&sheet, 2),
        vec![
            ("Closed Won".to_owned(), 2),
            ("Qualified To Buy".to_owned(), 3),
            ("Appointment Scheduled".to_owned(), 2),
            ("Closed Lost".to_owned(), 1),
        ]
    );
    let shape = Shape::Records {
        date: 3,
        status: 2,
        values: mapped(&[
            ("Appointment Scheduled", 0),
            ("qualified to buy", 1),
            ("Closed Won", 2),
        ]),
        amount: Some(5),
    };
    let counts = count(&sheet, &shape, STAGES, None, Lang::English.symbols());
    // January: 1003 a meeting, 1002 qualified, 1001 won for 12,000; 1004 lost is not counted.
    let january = of(&counts, month(2027, 1));
    assert_eq!(january.stages, vec![Some(1.0), Some(1.0), Some(1.0)]);
    assert_eq!(january.revenue, Some(12_000.0));
    // February: 1007, 1006, and 1005 won for 8,500.50.
    let february = of(&counts, month(2027, 2));
    assert_eq!(february.stages, vec![Some(1.0), Some(1.0), Some(1.0)]);
    assert_eq!(february.revenue, Some(8_500.5));
    assert_eq!(counts.months.len(), 2);
    assert_eq!(counts.not_counted, 1);
    // 1008 has "not set" as its date: line 9 (the header is line 1).
    assert_eq!(
        counts.problems,
        vec![RowProblem {
            line: 9,
            reason: Reason::NotADate("not set".to_owned()),
        }]
    );
}

#[test]
fn a_pipedrive_export_with_windows_line_ends_counts_open_and_won_deals() {
    let sheet = read_sheet(&fixture("pipedrive-deals.csv"));
    assert_eq!(sheet.records.len(), 5);
    // No carriage return is left at the end of a record's last cell.
    assert_eq!(sheet.records[0].cells[4], "2027-03-01 10:00:00");
    let shape = Shape::Records {
        date: 4,
        status: 3,
        values: mapped(&[("open", 1), ("won", 2)]),
        amount: Some(1),
    };
    let counts = count(&sheet, &shape, STAGES, None, Lang::English.symbols());
    // No value counts toward meetings: that stage has no count (not 0).
    let march = of(&counts, month(2027, 3));
    assert_eq!(march.stages, vec![None, Some(1.0), Some(1.0)]);
    assert_eq!(march.revenue, Some(4_000.0));
    let april = of(&counts, month(2027, 4));
    assert_eq!(april.stages, vec![None, Some(1.0), Some(1.0)]);
    assert_eq!(april.revenue, Some(3_000.0));
    assert_eq!(counts.not_counted, 1);
    assert!(counts.problems.is_empty());
}

#[test]
fn a_salesforce_export_from_europe_reads_its_mark_semicolons_and_day_first_dates() {
    let sheet = read_sheet(&fixture("salesforce-opportunities.csv"));
    // The byte-order mark is not part of the first header.
    assert_eq!(sheet.headers[0], "Nom de l'opportunité");
    assert_eq!(sheet.separator, ';');
    // A quoted name holding the separator.
    assert_eq!(sheet.records[1].cells[0], "Martin; fils");
    // 15/01/2027 can only be day first.
    let dates = sheet.records.iter().map(|record| record.cell(3));
    assert_eq!(date_order(dates), OrderFound::Known(DateOrder::DayFirst));
    let shape = Shape::Records {
        date: 3,
        status: 2,
        values: mapped(&[("Prospecting", 0), ("Qualification", 1), ("Closed Won", 2)]),
        amount: Some(1),
    };
    let counts = count(
        &sheet,
        &shape,
        STAGES,
        Some(DateOrder::DayFirst),
        Lang::French.symbols(),
    );
    // January: Martin (3 January) prospecting, Dupont won for 12 500,50.
    let january = of(&counts, month(2027, 1));
    assert_eq!(january.stages, vec![Some(1.0), Some(0.0), Some(1.0)]);
    assert_eq!(january.revenue, Some(12_500.5));
    // February: Lefevre qualified, Bernard (2 February) won for 7 000.
    let february = of(&counts, month(2027, 2));
    assert_eq!(february.stages, vec![Some(0.0), Some(1.0), Some(1.0)]);
    assert_eq!(february.revenue, Some(7_000.0));
    // Petit's 31 February is no date: line 6.
    assert_eq!(
        counts.problems,
        vec![RowProblem {
            line: 6,
            reason: Reason::NotADate("31/02/2027".to_owned()),
        }]
    );
}

#[test]
fn a_google_analytics_report_has_a_row_per_month_and_a_column_per_stage() {
    let sheet = read_sheet(&fixture("ga-monthly.tsv"));
    assert_eq!(sheet.separator, '\t');
    let shape = Shape::Monthly {
        month: 0,
        stages: vec![(0, 1), (2, 3)],
        revenue: None,
    };
    let counts = count(&sheet, &shape, STAGES, None, Lang::English.symbols());
    assert_eq!(
        of(&counts, month(2027, 1)).stages,
        vec![Some(12_400.0), None, Some(35.0)]
    );
    assert_eq!(
        of(&counts, month(2027, 2)).stages,
        vec![Some(11_950.0), None, Some(31.0)]
    );
    assert_eq!(of(&counts, month(2027, 2)).revenue, None);
    // March's conversions are "n/a": the row is not counted, and says which column.
    assert!(!counts.months.contains_key(&month(2027, 3)));
    assert_eq!(
        counts.problems,
        vec![RowProblem {
            line: 4,
            reason: Reason::NotANumber {
                column: "Conversions".to_owned(),
                text: "n/a".to_owned(),
            },
        }]
    );
}

#[test]
fn dates_that_could_be_either_way_are_asked_for_never_guessed() {
    let text = "Date,Stage\n03/04/2027,won\n05/06/2027,won\n07/07/2027,won\n";
    let sheet = read_sheet(text);
    let dates = || sheet.records.iter().map(|record| record.cell(0));
    assert_eq!(date_order(dates()), OrderFound::Ask);
    let shape = Shape::Records {
        date: 0,
        status: 1,
        values: mapped(&[("won", 0)]),
        amount: None,
    };
    let symbols = Lang::English.symbols();
    // Without an order, the two that could be either way are not counted; 07/07 is July.
    let counts = count(&sheet, &shape, 1, None, symbols);
    assert_eq!(
        counts.problems,
        vec![
            RowProblem {
                line: 2,
                reason: Reason::AmbiguousDate("03/04/2027".to_owned()),
            },
            RowProblem {
                line: 3,
                reason: Reason::AmbiguousDate("05/06/2027".to_owned()),
            },
        ]
    );
    assert_eq!(of(&counts, month(2027, 7)).stages, vec![Some(1.0)]);
    // Month first: March and May; day first: April and June.
    let us = count(&sheet, &shape, 1, Some(DateOrder::MonthFirst), symbols);
    assert!(us.months.contains_key(&month(2027, 3)) && us.months.contains_key(&month(2027, 5)));
    let eu = count(&sheet, &shape, 1, Some(DateOrder::DayFirst), symbols);
    assert!(eu.months.contains_key(&month(2027, 4)) && eu.months.contains_key(&month(2027, 6)));
    // 13/01 is only day first and 01/13 only month first: a file with both mixes them.
    assert_eq!(date_order(["13/01/2027", "01/13/2027"]), OrderFound::Mixed);
    assert_eq!(
        date_order(["2027-01-13", "01/01/2027"]),
        OrderFound::NotNeeded
    );
}

#[test]
fn each_date_shape_is_read_to_its_month() {
    for (text, expected) in [
        ("2027-03-15", month(2027, 3)),
        ("2027/3/5", month(2027, 3)),
        ("2027.03.15", month(2027, 3)),
        ("2027-03", month(2027, 3)),
        ("2027-03-15 10:22", month(2027, 3)),
        ("2027-03-15T10:22:00Z", month(2027, 3)),
        ("202703", month(2027, 3)),
        ("20270315", month(2027, 3)),
        ("15/03/2027", month(2027, 3)),
        ("3/15/2027", month(2027, 3)),
        ("15.03.2027", month(2027, 3)),
        ("29/02/2028", month(2028, 2)),
    ] {
        assert_eq!(read_month(text, None), Ok(expected), "{text}");
    }
    for text in [
        "",
        "March 2027",
        "15/03/27",
        "2027-13-01",
        "2027-02-30",
        "29/02/2027",
        "32/01/2027",
        "202713",
        "2027031",
        "x",
    ] {
        assert_eq!(read_month(text, None), Err(DateProblem::NotADate), "{text}");
    }
    assert_eq!(read_month("03/04/2027", None), Err(DateProblem::Ambiguous));
}

#[test]
fn lines_are_counted_through_quoted_line_breaks_and_an_unclosed_quote_is_said() {
    let text = "Name,Date,Stage\n\"Two\nlines\",2027-01-01,won\nBad,nodate,won\n";
    let sheet = read_sheet(text);
    assert_eq!(sheet.records[0].cells[0], "Two\nlines");
    assert_eq!(sheet.records[1].line, 4);
    let unclosed = read_sheet("Name,Date,Stage\n\"Open,2027-01-01,won\nX,2027-01-02,won\n");
    assert!(unclosed.records.is_empty());
    assert_eq!(
        unclosed.problems,
        vec![RowProblem {
            line: 2,
            reason: Reason::UnclosedQuote,
        }]
    );
    // The separator is the one the header uses most; blank lines are no records.
    let sheet = read_sheet("a;b,c;d\n1;2,3;4\n\n");
    assert_eq!(sheet.separator, ';');
    assert_eq!(sheet.headers, vec!["a", "b,c", "d"]);
    assert_eq!(sheet.records.len(), 1);
}

#[test]
fn fifty_thousand_rows_are_read_in_slices_with_progress() {
    // 50,000 won deals, a month each in turn from January to December 2027: 50,000 ÷ 12 = 4,166
    // rows and 8 left over, so January to August have 4,167 and September to December 4,166.
    let mut text = String::from("Deal,Stage,Date\n");
    for index in 0..50_000 {
        let month = index % 12 + 1;
        text.push_str(&format!("\"Deal {index}, Inc.\",won,2027-{month:02}-15\n"));
    }
    let mut reader = Reader::new(&text);
    let mut steps = 0;
    let mut progress = reader.progress();
    while !reader.step(5_000) {
        steps += 1;
        assert!(reader.progress() > progress, "progress moves on");
        progress = reader.progress();
        assert!(progress < 1.0);
    }
    // 50,001 records (the header too) in slices of 5,000: 10 full slices and a last one.
    assert_eq!(steps, 10);
    assert_eq!(reader.progress(), 1.0);
    let sheet = reader.finish();
    assert_eq!(sheet.records.len(), 50_000);
    let shape = Shape::Records {
        date: 2,
        status: 1,
        values: mapped(&[("won", 0)]),
        amount: None,
    };
    let counts = count(&sheet, &shape, 1, None, Lang::English.symbols());
    assert_eq!(of(&counts, month(2027, 1)).stages, vec![Some(4_167.0)]);
    assert_eq!(of(&counts, month(2027, 8)).stages, vec![Some(4_167.0)]);
    assert_eq!(of(&counts, month(2027, 9)).stages, vec![Some(4_166.0)]);
    assert_eq!(of(&counts, month(2027, 12)).stages, vec![Some(4_166.0)]);
}
