//! The blog embed's start: its query parameters are read over the worked example, every bad one
//! falls back to its default, and the snippet's query brings the open plan back whole. Colours:
//! WCAG contrast figures worked by hand or from the WCAG examples.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::example;
use funnel_planner::model::embed::{
    decode_query, embed_query, embed_start, encode_component, readable_accent, Rgb, Sections,
    Theme, TEXT_CONTRAST,
};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{GoalKind, PlanDraft};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

fn start(query: &str) -> funnel_planner::model::embed::EmbedStart {
    embed_start(&decode_query(query), example(), EN)
}

fn names(draft: &PlanDraft) -> Vec<&str> {
    draft
        .stages
        .iter()
        .map(|stage| stage.name.as_str())
        .collect()
}

fn rates(draft: &PlanDraft) -> Vec<&str> {
    draft
        .stages
        .iter()
        .map(|stage| stage.rate_to_next.as_str())
        .collect()
}

#[test]
fn no_query_starts_with_the_worked_example_in_the_readers_colours() {
    let start = start("");
    assert_eq!(start.draft, example());
    assert_eq!(start.theme, Theme::Auto);
    assert_eq!(start.accent, None);
    assert_eq!(start.sections, Sections::default());
}

#[test]
fn the_query_sets_goal_average_stages_rates_and_top_volume() {
    let start = start(
        "goal=2500000&average=12500.5&stage=Visitors&stage=Sign-ups+%26+trials&stage=Buyers&rate=4&rate=12.5&top=80000",
    );
    let draft = &start.draft;
    assert_eq!(draft.goal_kind, GoalKind::Revenue);
    assert_eq!(draft.revenue_goal, "2,500,000");
    assert_eq!(draft.average_revenue_per_customer, "12,500.5");
    assert_eq!(names(draft), ["Visitors", "Sign-ups & trials", "Buyers"]);
    assert_eq!(rates(draft), ["4", "12.5", ""]);
    assert_eq!(draft.current_top_per_month, "80,000");
    // The plan the embed computes is valid: 2,500,000 / 12,500.5 = 199.99 customers a year.
    assert!(draft.validate(EN).is_ok());
}

#[test]
fn customers_set_a_customers_goal_but_a_revenue_goal_wins() {
    let customers = start("customers=120");
    assert_eq!(customers.draft.goal_kind, GoalKind::NewCustomers);
    assert_eq!(customers.draft.new_customers_goal, "120");
    assert_eq!(customers.draft.revenue_goal, "");

    let both = start("customers=120&goal=900000");
    assert_eq!(both.draft.goal_kind, GoalKind::Revenue);
    assert_eq!(both.draft.revenue_goal, "900,000");
}

#[test]
fn bad_numbers_keep_their_defaults() {
    let default = example();
    for query in [
        "goal=abc",
        "goal=-5",
        "goal=0",
        "goal=1e9",
        "goal=",
        "goal=1.2.3",
        "average=%F0%9F%92%B0",
        "top=-1",
    ] {
        let start = start(query);
        assert_eq!(start.draft, default, "{query}");
    }
}

#[test]
fn a_stage_list_that_does_not_fit_keeps_the_default_funnel() {
    let default_names: Vec<String> = example()
        .stages
        .iter()
        .map(|stage| stage.name.clone())
        .collect();
    let eleven = (0..11)
        .map(|n| format!("stage=S{n}"))
        .collect::<Vec<_>>()
        .join("&")
        + &(0..10).map(|_| "&rate=50").collect::<String>();
    for query in [
        // one stage
        "stage=Only",
        // a rate missing
        "stage=A&stage=B&stage=C&rate=10",
        // a rate too many
        "stage=A&stage=B&rate=10&rate=20",
        // a rate of 0 % or over 100 %
        "stage=A&stage=B&rate=0",
        "stage=A&stage=B&rate=150",
        // a blank name
        "stage=A&stage=+&rate=10",
        eleven.as_str(),
    ] {
        let start = start(query);
        assert_eq!(names(&start.draft), default_names, "{query}");
    }
    // Ten stages is the most a plan has: accepted.
    let ten = (0..10)
        .map(|n| format!("stage=S{n}"))
        .collect::<Vec<_>>()
        .join("&")
        + &(0..9).map(|_| "&rate=50").collect::<String>();
    assert_eq!(start(&ten).draft.stages.len(), 10);
}

#[test]
fn a_long_stage_name_is_cut_to_200_characters() {
    let long = "é".repeat(300);
    let query = format!("stage={}&stage=B&rate=10", encode_component(&long));
    assert_eq!(start(&query).draft.stages[0].name.chars().count(), 200);
}

#[test]
fn theme_accent_and_sections_fall_back_when_bad() {
    assert_eq!(start("theme=dark").theme, Theme::Dark);
    assert_eq!(start("theme=LIGHT").theme, Theme::Light);
    assert_eq!(start("theme=purple").theme, Theme::Auto);

    assert_eq!(start("accent=%2308c").accent, Some(Rgb(0x00, 0x88, 0xcc)));
    assert_eq!(start("accent=0B5CAD").accent, Some(Rgb(0x0b, 0x5c, 0xad)));
    for bad in [
        "accent=zzzzzz",
        "accent=12345",
        "accent=red",
        "accent=%23",
        "accent=+1+2+3",
    ] {
        assert_eq!(start(bad).accent, None, "{bad}");
    }

    let some = start("show=targets,how").sections;
    assert_eq!(
        some,
        Sections {
            stages: false,
            targets: true,
            check: false,
            how: true
        }
    );
    assert_eq!(start("show=nothing-known").sections, Sections::default());
}

#[test]
fn the_snippet_query_brings_the_plan_back() {
    // A plan unlike the default the embed reads it over.
    let mut plan = example();
    plan.revenue_goal = "3,000,000".into();
    plan.average_revenue_per_customer = "15,000".into();
    plan.current_top_per_month = "45,000".into();
    plan.stages.truncate(3);
    plan.stages[0].name = "Visits & views".into();
    plan.stages[1].name = "Demo = booked?".into();
    plan.stages[1].rate_to_next = "33.3".into();
    plan.stages[2].rate_to_next = String::new();
    let sections = Sections {
        stages: true,
        targets: true,
        check: false,
        how: false,
    };
    let query = embed_query(
        &plan,
        EN,
        Theme::Dark,
        Some(Rgb(0xaa, 0x33, 0x00)),
        sections,
    );
    assert_eq!(
        query,
        "goal=3000000&average=15000&stage=Visits%20%26%20views&stage=Demo%20%3D%20booked%3F&stage=MQLs\
         &rate=1.5&rate=33.3&top=45000&currency=USD&lang=en&theme=dark&accent=aa3300&show=stages%2Ctargets"
    );
    let back = embed_start(&decode_query(&query), example(), EN);
    assert_eq!(back.draft.revenue_goal, "3,000,000");
    assert_eq!(back.draft.average_revenue_per_customer, "15,000");
    assert_eq!(back.draft.current_top_per_month, "45,000");
    assert_eq!(names(&back.draft), names(&plan));
    assert_eq!(rates(&back.draft), ["1.5", "33.3", ""]);
    assert_eq!(back.theme, Theme::Dark);
    assert_eq!(back.accent, Some(Rgb(0xaa, 0x33, 0x00)));
    assert_eq!(back.sections, sections);
}

#[test]
fn the_snippet_query_leaves_out_what_is_not_valid_yet() {
    let mut plan = example().without_goal();
    plan.stages[0].rate_to_next = "lots".into();
    // No goal, no average, and no stages (one rate is not a number): the embed's defaults fill
    // them; only the currency and the language are said.
    assert_eq!(
        embed_query(&plan, EN, Theme::Auto, None, Sections::default()),
        "currency=USD&lang=en"
    );
}

#[test]
fn query_text_is_decoded_and_encoded_safely() {
    assert_eq!(
        decode_query("?a=1&b=two+words&c=%E2%82%AC&d&e=%zz&f=%+1"),
        vec![
            ("a".into(), "1".into()),
            ("b".into(), "two words".into()),
            ("c".into(), "€".into()),
            ("d".into(), String::new()),
            ("e".into(), "%zz".into()),
            ("f".into(), "% 1".into()),
        ]
    );
    assert_eq!(
        encode_component("Leads & more/€"),
        "Leads%20%26%20more%2F%E2%82%AC"
    );
    // Bytes that are not UTF-8 become U+FFFD instead of failing.
    assert_eq!(decode_query("x=%FF")[0].1, "\u{fffd}");
}

#[test]
fn contrast_follows_wcag() {
    let white = Rgb(255, 255, 255);
    let black = Rgb(0, 0, 0);
    // (1 + 0.05) / (0 + 0.05) = 21.
    assert!((white.contrast(black) - 21.0).abs() < 1e-9);
    // #777777: each channel (0.4667 + 0.055) / 1.055 ^ 2.4 = 0.1845, so (1.05) / (0.2345) = 4.48,
    // WCAG's well-known "just fails AA" grey.
    assert!((Rgb(0x77, 0x77, 0x77).contrast(white) - 4.48).abs() < 0.01);
}

#[test]
fn an_accent_is_made_readable_on_each_paper() {
    let white = Rgb(255, 255, 255);
    let dark = Rgb(0x1a, 0x1f, 0x27);
    // The app's own blue already reads on white (about 6.5 : 1): kept as it is, white ink on it.
    assert_eq!(
        readable_accent(Rgb(0x0b, 0x5c, 0xad), white),
        (Rgb(0x0b, 0x5c, 0xad), white)
    );
    // Yellow on white (1.07 : 1) is darkened until it reads; on a dark page it reads as it is.
    for (accent, paper) in [
        (Rgb(255, 255, 0), white),
        (Rgb(0x0b, 0x5c, 0xad), dark),
        (Rgb(255, 255, 0), dark),
    ] {
        let (readable, ink) = readable_accent(accent, paper);
        assert!(
            readable.contrast(paper) >= TEXT_CONTRAST,
            "{accent:?} on {paper:?} gave {readable:?}"
        );
        assert!(
            readable.contrast(ink)
                >= readable.contrast(if ink == white { Rgb(0, 0, 0) } else { white })
        );
    }
    assert_eq!(readable_accent(Rgb(255, 255, 0), dark).0, Rgb(255, 255, 0));
}

#[test]
fn the_plan_values_a_query_gives_but_cannot_use_are_named() {
    // Nothing ignored: no query, or one whose values are all used.
    assert!(start("").ignored.is_empty());
    assert!(start("goal=2500000&stage=A&stage=B&rate=4&theme=dark")
        .ignored
        .is_empty());
    // A goal that is not a number, a negative average, a currency that is no code: each keeps the
    // example's value and is named.
    let start_with_bad = start("goal=abc&average=-5&currency=EURO&top=80000");
    assert_eq!(start_with_bad.ignored, ["goal", "average", "currency"]);
    assert_eq!(start_with_bad.ignored_list(), "goal, average, currency");
    assert_eq!(start_with_bad.draft.revenue_goal, example().revenue_goal);
    assert_eq!(start_with_bad.draft.current_top_per_month, "80,000");
    // A funnel that does not fit (a rate missing, a rate above 100 %) is kept whole.
    assert_eq!(start("stage=A&stage=B").ignored, ["stage", "rate"]);
    assert_eq!(start("stage=A&stage=B&rate=120").ignored, ["stage", "rate"]);
    // Looks are not the plan's values: a bad theme falls back without a word.
    assert!(start("theme=purple&accent=nope").ignored.is_empty());
}
