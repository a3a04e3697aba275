//! Numbers typed and read in four languages, currencies, and plans that read the same in every
//! language. Expected values are written out by hand from each language's conventions.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{example, example_with_channels};
use funnel_planner::model::merge::merge;
use funnel_planner::model::number::{
    format_typed, parse_amount, parse_number, parse_percent, retype, NumberSymbols,
};
use funnel_planner::model::{Currency, InputError, Lang, PlanDraft};
use funnel_planner::storage::schema::{decode_record, decode_shared, encode_record, encode_shared};
use proptest::prelude::*;

const EN: NumberSymbols = NumberSymbols::ENGLISH;
const ID: NumberSymbols = NumberSymbols::INDONESIAN;
const PL: NumberSymbols = NumberSymbols::POLISH;
const FR: NumberSymbols = NumberSymbols::FRENCH;

#[test]
fn each_language_reads_what_its_people_type() {
    // Indonesian: "." groups, "," is the decimal mark.
    assert_eq!(parse_number("1.250.000", ID), Ok(1_250_000.0));
    assert_eq!(parse_number("1.250.000,5", ID), Ok(1_250_000.5));
    assert_eq!(parse_number("1250000", ID), Ok(1_250_000.0));
    assert_eq!(parse_percent("2,5", ID), Ok(2.5));
    assert_eq!(parse_percent("2,5 %", ID), Ok(2.5));
    // Polish: any space groups (plain, no-break, narrow no-break), "," is the decimal mark.
    assert_eq!(parse_number("1 250 000", PL), Ok(1_250_000.0));
    assert_eq!(parse_number("1\u{a0}250\u{a0}000", PL), Ok(1_250_000.0));
    assert_eq!(parse_number("1250", PL), Ok(1_250.0));
    assert_eq!(parse_percent("2,5", PL), Ok(2.5));
    assert_eq!(parse_percent("2,5%", PL), Ok(2.5));
    // French: the narrow no-break space Intl writes, and the no-break space before "%".
    assert_eq!(
        parse_number("1\u{202f}250\u{202f}000,5", FR),
        Ok(1_250_000.5)
    );
    assert_eq!(parse_percent("12,5\u{a0}%", FR), Ok(12.5));
    assert_eq!(parse_number("1 250 000", FR), Ok(1_250_000.0));
}

#[test]
fn no_language_guesses_what_another_would_mean() {
    // "1.5" is neither 15 nor 1.5 in Indonesian, Polish or French: it is refused.
    for symbols in [ID, PL, FR] {
        assert_eq!(parse_number("1.5", symbols), Err(InputError::NotANumber));
        assert_eq!(parse_percent("1.5", symbols), Err(InputError::NotANumber));
    }
    // English refuses "2,5" (a misplaced group) rather than reading 25.
    assert_eq!(parse_number("2,5", EN), Err(InputError::NotANumber));
    // A group that is not three digits is refused: "1 25 000" in Polish.
    assert_eq!(parse_number("1 25 000", PL), Err(InputError::NotANumber));
    assert_eq!(parse_number("1.25.000", ID), Err(InputError::NotANumber));
    // Two decimal marks.
    assert_eq!(parse_number("1,2,5", PL), Err(InputError::NotANumber));
}

#[test]
fn an_amount_with_three_decimals_is_ambiguous_in_every_language() {
    // "10,000" in Polish could be ten thousand written the English way, or ten.
    for symbols in [ID, PL, FR] {
        assert_eq!(
            parse_amount("10,000", symbols),
            Err(InputError::AmbiguousThousands {
                whole: 10_000,
                decimals: 10
            })
        );
        assert_eq!(parse_amount("10,5", symbols), Ok(10.5));
    }
    assert_eq!(
        parse_amount("10.000", EN),
        Err(InputError::AmbiguousThousands {
            whole: 10_000,
            decimals: 10
        })
    );
    // In Indonesian "10.000" is plainly ten thousand.
    assert_eq!(parse_amount("10.000", ID), Ok(10_000.0));
}

#[test]
fn numbers_are_written_as_each_language_types_them() {
    assert_eq!(format_typed(1_250_000.5, EN), "1,250,000.5");
    assert_eq!(format_typed(1_250_000.5, ID), "1.250.000,5");
    assert_eq!(format_typed(1_250_000.5, PL), "1 250 000,5");
    assert_eq!(format_typed(1_250_000.5, FR), "1 250 000,5");
    // Polish does not group a whole part of four digits; French does.
    assert_eq!(format_typed(1_250.0, PL), "1250");
    assert_eq!(format_typed(12_500.0, PL), "12 500");
    assert_eq!(format_typed(1_250.0, FR), "1 250");
    // Every digit is kept: a typed rate of 0.015 % is not rounded away.
    assert_eq!(format_typed(0.015, PL), "0,015");
    assert_eq!(format_typed(-3.0, EN), "-3");
}

#[test]
fn retyping_keeps_the_number_and_what_cannot_be_read() {
    assert_eq!(retype("1,250,000.5", EN, PL, false), "1 250 000,5");
    assert_eq!(retype("1 250 000,5", PL, ID, false), "1.250.000,5");
    assert_eq!(retype("1.5", EN, FR, true), "1,5");
    assert_eq!(retype("1.5 %", EN, FR, true), "1,5");
    // Not a number in its own language: kept exactly as typed.
    assert_eq!(retype("12abc", EN, PL, false), "12abc");
    assert_eq!(retype("", EN, PL, false), "");
    // Ambiguous in its own language: kept, never resolved by the switch.
    assert_eq!(retype("10.000", EN, PL, false), "10.000");
    // A number that would look like thousands in the other language gets a fourth decimal.
    assert_eq!(retype("10.1250", EN, PL, false), "10,1250");
    assert_eq!(retype("10,1250", PL, EN, false), "10.1250");
    // Same language: untouched, even when written differently from how it would be written.
    assert_eq!(retype("1250000", EN, EN, false), "1250000");
}

#[test]
fn the_worked_example_is_typed_in_the_language_it_starts_in() {
    let stages = ["A", "B", "C", "D", "E", "F"];
    let pl = PlanDraft::example("Plan", stages, Lang::Polish);
    assert_eq!(pl.revenue_goal, "10 000 000");
    assert_eq!(pl.average_revenue_per_customer, "1 100 000");
    assert_eq!(pl.stages[0].rate_to_next, "1,5");
    assert_eq!(pl.currency, "PLN");
    assert!(pl.has_typical_rates());
    let id = PlanDraft::example("Plan", stages, Lang::Indonesian);
    assert_eq!(id.revenue_goal, "10.000.000");
    assert_eq!(id.currency, "IDR");
    assert_eq!(
        PlanDraft::example("Plan", stages, Lang::French).currency,
        "EUR"
    );
    assert_eq!(
        PlanDraft::example("Plan", stages, Lang::English).currency,
        "USD"
    );
    // Each computes the same plan.
    let plans: Vec<_> = [Lang::English, Lang::Indonesian, Lang::Polish, Lang::French]
        .into_iter()
        .map(|lang| {
            PlanDraft::example("Plan", stages, lang)
                .validate(lang.symbols())
                .expect("valid")
        })
        .collect();
    assert!(plans.windows(2).all(|pair| pair[0] == pair[1]));
}

#[test]
fn a_plan_switched_between_languages_keeps_every_number() {
    let mut draft = example_with_channels();
    draft.marketing.gross_margin = "62.5".to_owned();
    draft.stages[0].rate_to_next = "1.25".to_owned();
    let plan = draft.validate(EN).expect("valid");
    let inputs = draft.marketing.check(&draft.stage_ids(), EN);

    let polish = draft.clone().retyped(Lang::Polish);
    assert_eq!(polish.typed_in, Lang::Polish);
    assert_eq!(polish.marketing.budget, "5000");
    assert_eq!(polish.marketing.gross_margin, "62,5");
    assert_eq!(polish.stages[0].rate_to_next, "1,25");
    assert_eq!(polish.average_revenue_per_customer, "1 100 000");
    assert_eq!(polish.validate(PL).expect("valid"), plan);
    assert_eq!(polish.marketing.check(&draft.stage_ids(), PL), inputs);

    // pl → en → pl, pl → id → fr: the same plan every time.
    let back = polish.clone().retyped(Lang::English).retyped(Lang::Polish);
    assert_eq!(back, polish);
    let french = polish.retyped(Lang::Indonesian).retyped(Lang::French);
    assert_eq!(french.validate(FR).expect("valid"), plan);
    // Names are the person's and never change.
    assert_eq!(french.stages[1].name, "Leads");
}

#[test]
fn a_plan_saved_in_one_language_opens_with_the_same_numbers_in_another() {
    let typed_in_polish = example().retyped(Lang::Polish);
    let record = funnel_planner::model::PlanRecord {
        id: funnel_planner::model::PlanId::parse("p1-locale").expect("id"),
        modified_ms: 1,
        deleted_ms: None,
        lineage: Vec::new(),
        draft: typed_in_polish.clone(),
    };
    let text = encode_record(&record);
    assert!(text.contains("\"typed_in\":\"pl\""), "{text}");
    assert!(text.contains("\"currency\":\"USD\""), "{text}");
    assert!(text.contains("\"revenue_goal\":\"10 000 000\""), "{text}");
    let read = decode_record(&text).expect("reads");
    assert_eq!(read.draft, typed_in_polish);
    let in_french = read.draft.settled(Lang::French);
    assert_eq!(in_french.revenue_goal, "10 000 000");
    assert_eq!(in_french.stages[0].rate_to_next, "1,5");
    // The currency is the plan's: opening it in French does not make it euros.
    assert_eq!(in_french.currency, "USD");
    // A share link made in Polish opens in Indonesian with the same plan.
    let shared = decode_shared(&encode_shared(&typed_in_polish)).expect("reads");
    let in_indonesian = shared.settled(Lang::Indonesian);
    assert_eq!(in_indonesian.revenue_goal, "10.000.000");
    assert_eq!(
        in_indonesian.validate(ID).expect("valid"),
        example().validate(EN).expect("valid")
    );
}

#[test]
fn a_plan_from_before_languages_was_typed_in_english_and_gets_the_page_currency() {
    let v3 = r#"{"schema_version":3,"id":"p-old","modified":5,"plan":{"name":"Old","goal":"revenue","revenue_goal":"1,250,000.5","new_customers_goal":"","average_revenue_per_customer":"10.000","stages":[{"id":1,"name":"Visits","rate_to_next":"2.5"},{"id":2,"name":"Customers","rate_to_next":""}],"current_top_per_month":"","marketing":{"budget":"","budget_period":"year","channels":[],"customers_at_start":"","customers_at_end":"","customers_new":"","gross_margin":"","lifetime":"years","lifetime_years":"","churn":"","rank_by":"cac","move_percent":"20"}}}"#;
    let record = decode_record(v3).expect("version 3 reads");
    assert_eq!(record.draft.typed_in, Lang::English);
    assert_eq!(record.draft.currency, "");
    let polish = record.draft.settled(Lang::Polish);
    assert_eq!(polish.currency, "PLN");
    assert_eq!(polish.revenue_goal, "1 250 000,5");
    assert_eq!(polish.stages[0].rate_to_next, "2,5");
    // "10.000" was ambiguous in English: it stays as typed and is still flagged, not guessed.
    assert_eq!(polish.average_revenue_per_customer, "10.000");
    assert!(polish.validate(PL).is_err());
}

#[test]
fn two_tabs_in_different_languages_merge_by_number_not_by_text() {
    let base = example();
    let mut mine = base.clone();
    mine.name = "Renamed here".to_owned();
    // The other tab shows Polish and changed the goal there.
    let mut theirs = base.clone().retyped(Lang::Polish);
    theirs.revenue_goal = "12 000 000".to_owned();
    let merged = merge(&base, &mine, &theirs).expect("no clash");
    assert_eq!(merged.typed_in, Lang::English);
    assert_eq!(merged.name, "Renamed here");
    assert_eq!(merged.revenue_goal, "12,000,000");
    assert_eq!(merged.average_revenue_per_customer, "1,100,000");
}

#[test]
fn currency_codes_are_three_letters() {
    assert_eq!(
        Currency::parse(" pln ").map(|c| c.code().to_owned()),
        Ok("PLN".to_owned())
    );
    assert_eq!(
        Currency::parse("EUR").map(|c| c.code().to_owned()),
        Ok("EUR".to_owned())
    );
    assert_eq!(
        Currency::parse("XYZ").map(|c| c.code().to_owned()),
        Ok("XYZ".to_owned())
    );
    // An empty field asks for a code, not for a number.
    assert_eq!(Currency::parse(""), Err(InputError::CurrencyCode));
    assert_eq!(Currency::parse("   "), Err(InputError::CurrencyCode));
    assert_eq!(Currency::parse("EURO"), Err(InputError::CurrencyCode));
    assert_eq!(Currency::parse("€"), Err(InputError::CurrencyCode));
    assert_eq!(Currency::parse("E1R"), Err(InputError::CurrencyCode));
    let mut draft = example();
    draft.currency = "zł".to_owned();
    assert_eq!(draft.currency(), Err(InputError::CurrencyCode));
    // A bad currency does not stop the targets: it is shown next to its field only.
    assert!(draft.validate(EN).is_ok());
}

#[test]
fn the_language_comes_from_a_tag_or_the_browser_list() {
    assert_eq!(Lang::from_tag("pl"), Some(Lang::Polish));
    assert_eq!(Lang::from_tag("pl-PL"), Some(Lang::Polish));
    assert_eq!(Lang::from_tag("FR_ca"), Some(Lang::French));
    assert_eq!(Lang::from_tag("in"), None);
    assert_eq!(Lang::from_tag("de"), None);
    assert_eq!(
        Lang::first_spoken(["de-DE", "id-ID", "en"]),
        Lang::Indonesian
    );
    assert_eq!(Lang::first_spoken(["de-DE", "ja"]), Lang::English);
    assert_eq!(Lang::first_spoken([]), Lang::English);
}

fn any_symbols() -> impl Strategy<Value = NumberSymbols> {
    prop::sample::select(vec![EN, ID, PL, FR])
}

proptest! {
    /// Whatever the language, a number written as it is typed reads back as the same number.
    #[test]
    fn writing_then_reading_gives_back_the_number(
        whole in 0u64..1_000_000_000,
        millionths in 0u64..1_000_000,
        is_large in any::<bool>(),
        symbols in any_symbols(),
    ) {
        // Up to 15 significant digits (what a person types): a fraction with six decimals below
        // a billion, or a whole number up to the largest input.
        let value = if is_large {
            (whole * 1_000_000 + millionths) as f64
        } else {
            whole as f64 + millionths as f64 / 1e6
        };
        let text = format_typed(value, symbols);
        prop_assert_eq!(parse_number(&text, symbols), Ok(value), "{}", text);
    }

    /// Retyping into another language and back never changes what a valid number reads as.
    #[test]
    fn retyping_round_trips(
        value in 0.0f64..1e12,
        from in any_symbols(),
        to in any_symbols(),
    ) {
        let value = (value * 100.0).round() / 100.0;
        let typed = format_typed(value, from);
        let there = retype(&typed, from, to, true);
        prop_assert_eq!(parse_percent(&there, to), Ok(value));
        let back = retype(&there, to, from, true);
        prop_assert_eq!(parse_percent(&back, from), Ok(value));
    }
}

#[test]
fn a_newer_version_without_the_language_fields_still_gives_a_copy() {
    // A version 5 record whose plan body has lost "currency" and "typed_in": the copy to work on
    // starts as typed in English with no currency, as plans before version 4 do.
    let mut value: serde_json::Value =
        serde_json::from_str(&encode_record(&funnel_planner::model::PlanRecord {
            id: funnel_planner::model::PlanId::parse("p1-newer").expect("id"),
            modified_ms: 1,
            deleted_ms: None,
            lineage: Vec::new(),
            draft: example(),
        }))
        .expect("JSON");
    value["schema_version"] = serde_json::json!(5);
    let plan = value["plan"].as_object_mut().expect("a plan");
    plan.remove("currency");
    plan.remove("typed_in");
    let copy =
        funnel_planner::storage::schema::read_newer_copy(&value.to_string()).expect("a copy");
    assert_eq!(copy.typed_in, Lang::English);
    assert_eq!(copy.currency, "");
    assert_eq!(copy.settled(Lang::English), example());
}
