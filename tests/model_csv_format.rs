//! The CSV file as the spreadsheets of each language read it: separators, decimal marks and the
//! byte-order mark, against files written out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::csv::{file, write, Cell, CsvFormat};
use funnel_planner::model::Lang;

fn rows() -> Vec<Vec<Cell>> {
    vec![
        vec![
            Cell::Text("Étape".to_owned()),
            Cell::Text("Visites → prospects".to_owned()),
        ],
        vec![Cell::Text("Visits".to_owned()), Cell::Number(1.5)],
        vec![Cell::Text("a; b, c".to_owned()), Cell::Number(6250.0)],
    ]
}

#[test]
fn english_files_are_comma_separated_with_a_decimal_point_after_a_byte_order_mark() {
    assert_eq!(
        file(&rows(), Lang::English),
        "\u{feff}Étape,Visites → prospects\r\nVisits,1.5\r\n\"a; b, c\",6250\r\n"
    );
    // Without the mark, as the tests of the sections read it.
    assert_eq!(
        write(&rows()),
        "Étape,Visites → prospects\r\nVisits,1.5\r\n\"a; b, c\",6250\r\n"
    );
}

#[test]
fn polish_french_and_indonesian_files_use_semicolons_and_a_decimal_comma() {
    for lang in [Lang::Polish, Lang::French, Lang::Indonesian] {
        assert_eq!(
            CsvFormat::of(lang),
            CsvFormat {
                separator: ';',
                decimal: ','
            }
        );
        assert_eq!(
            file(&rows(), lang),
            "\u{feff}Étape;Visites → prospects\r\nVisits;1,5\r\n\"a; b, c\";6250\r\n",
            "{lang:?}"
        );
    }
}
