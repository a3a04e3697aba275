//! Numbers shown in each language through the browser's Intl (which does not exist natively):
//! the expected strings are written out by hand from each locale's conventions, with the exact
//! space characters Chromium uses (U+00A0 no-break space, U+202F narrow no-break space).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::Lang;
use funnel_planner::ui::text::{count_money_in, exact, money, needed, percent, set_lang, typed};
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn in_currency(code: &str) {
    count_money_in(Signal::stored(code.to_owned()));
}

#[wasm_bindgen_test]
fn each_language_groups_and_marks_decimals_its_own_way() {
    set_lang(Lang::English);
    assert_eq!(exact(1_250_000.5), "1,250,000.5");
    // 100 / 11 = 9.0909… customers, rounded up to two decimals.
    assert_eq!(needed(100.0 / 11.0), "9.1");
    assert_eq!(needed(0.7575), "0.76");
    set_lang(Lang::Indonesian);
    assert_eq!(exact(1_250_000.5), "1.250.000,5");
    assert_eq!(needed(0.7575), "0,76");
    set_lang(Lang::Polish);
    assert_eq!(exact(1_250_000.5), format!("1{NBSP}250{NBSP}000,5"));
    // Polish does not group four digits.
    assert_eq!(needed(1_234.0), "1234");
    assert_eq!(needed(12_345.0), format!("12{NBSP}345"));
    set_lang(Lang::French);
    assert_eq!(exact(1_250_000.5), format!("1{NNBSP}250{NNBSP}000,5"));
    assert_eq!(needed(1_234.0), format!("1{NNBSP}234"));
    set_lang(Lang::English);
}

#[wasm_bindgen_test]
fn percents_follow_the_language() {
    set_lang(Lang::English);
    assert_eq!(percent(1.5), "1.5%");
    set_lang(Lang::Indonesian);
    assert_eq!(percent(1.5), "1,5%");
    set_lang(Lang::Polish);
    assert_eq!(percent(12.5), "12,5%");
    set_lang(Lang::French);
    assert_eq!(percent(12.5), format!("12,5{NBSP}%"));
    // A small non-zero rate is never shown as 0.
    assert_eq!(percent(0.0025), format!("0,0025{NBSP}%"));
    set_lang(Lang::English);
}

#[wasm_bindgen_test]
fn money_is_shown_in_the_plan_currency_with_its_own_decimals() {
    set_lang(Lang::English);
    in_currency("USD");
    assert_eq!(money(833_333.33), "$833,333");
    assert_eq!(money(2.5), "$2.50");
    set_lang(Lang::French);
    in_currency("EUR");
    assert_eq!(money(1_250_000.0), format!("1{NNBSP}250{NNBSP}000{NBSP}€"));
    assert_eq!(money(2.5), format!("2,50{NBSP}€"));
    set_lang(Lang::Polish);
    in_currency("PLN");
    assert_eq!(money(1_250_000.0), format!("1{NBSP}250{NBSP}000{NBSP}zł"));
    set_lang(Lang::Indonesian);
    in_currency("IDR");
    assert_eq!(money(1_234_567.6), format!("Rp{NBSP}1.234.568"));
    // A currency without a symbol in this language is shown by its code; a non-zero amount
    // below one unit is never shown as 0.
    set_lang(Lang::English);
    in_currency("XYZ");
    assert!(money(1_000.0).contains("XYZ"), "{}", money(1_000.0));
    in_currency("USD");
    assert_eq!(money(0.004), "$0.004");
    // A code that is not valid: amounts without a currency.
    in_currency("dollars");
    assert_eq!(money(1_000.0), "1,000");
}

#[wasm_bindgen_test]
fn placeholders_and_examples_are_typed_as_each_language_types() {
    set_lang(Lang::Polish);
    assert_eq!(typed(10_000_000.0), "10 000 000");
    set_lang(Lang::Indonesian);
    assert_eq!(typed(10_000_000.0), "10.000.000");
    set_lang(Lang::English);
    assert_eq!(typed(1.5), "1.5");
}
