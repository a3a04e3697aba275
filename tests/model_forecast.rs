//! The forecast as typed (its own JSON text, written by hand and read leniently; its numbers
//! retyped between languages; every field read with its error) and the scenarios (the
//! conservative and aggressive copies, the outcome of a plan, what differs) — against examples
//! worked by hand on the source article's plan.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod strategies;

use common::{assert_close, example};
use funnel_planner::model::channels::{budget_needed, Report};
use funnel_planner::model::forecast::draft::{
    ForecastDraft, ForecastField, PhasingMode, FORECAST_VERSION, MAX_COMPARED,
};
use funnel_planner::model::forecast::odds::Spread;
use funnel_planner::model::forecast::scenarios::{delta, differs, outcome, scaled, Scenario};
use funnel_planner::model::forecast::timing::{Phasing, MONTHS};
use funnel_planner::model::page_data::{PageData, PageDataError};
use funnel_planner::model::{InputError, Lang, NumberSymbols, StageId};
use proptest::prelude::*;
use serde_json::{json, Value};
use strategies::typed_text;

/// The example's six stages.
fn stages() -> Vec<StageId> {
    (1..=6).map(StageId).collect()
}

/// The example's rates as fractions: 1.5 %, 20 %, 20 %, 40 %, 50 %.
const RATES: [f64; 5] = [0.015, 0.2, 0.2, 0.4, 0.5];

fn full_draft() -> ForecastDraft {
    let mut draft = ForecastDraft::new(Lang::English);
    draft.phasing = PhasingMode::Weights;
    for month in 0..MONTHS {
        draft.set_weight(month, (month + 1).to_string());
    }
    draft.set_days(StageId(2), "14".to_owned());
    draft.set_days(StageId(5), "30.5".to_owned());
    draft.set_range(StageId(1), false, "1".to_owned());
    draft.set_range(StageId(1), true, "2".to_owned());
    draft.set_range(StageId(5), true, "60".to_owned());
    draft.revenue_low = "900,000".to_owned();
    draft.revenue_high = "1,300,000".to_owned();
    draft.seed = "2027".to_owned();
    draft.scenario_percent = "15".to_owned();
    draft.compare = vec!["p-base".to_owned(), "p-other".to_owned()];
    draft
}

#[test]
fn a_full_forecast_round_trips_through_its_text() {
    let draft = full_draft();
    let text = draft.encode();
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["version"], json!(FORECAST_VERSION));
    assert_eq!(value["phasing"], json!("weights"));
    assert_eq!(value["weights"][11], json!("12"));
    assert_eq!(value["days"][1], json!({"stage": 5, "days": "30.5"}));
    assert_eq!(
        value["ranges"][0],
        json!({"stage": 1, "low": "1", "high": "2"})
    );
    assert_eq!(
        value["revenue_range"],
        json!({"low": "900,000", "high": "1,300,000"})
    );
    assert_eq!(value["compare"], json!(["p-base", "p-other"]));
    assert_eq!(ForecastDraft::decode(&text, Lang::English), Ok(draft));
}

#[test]
fn a_forecast_with_nothing_typed_is_the_empty_text() {
    let mut draft = ForecastDraft::new(Lang::Polish);
    assert_eq!(draft.encode(), "");
    // An entry left empty counts as nothing typed.
    draft.set_days(StageId(1), "  ".to_owned());
    draft.set_range(StageId(2), true, String::new());
    assert_eq!(draft.encode(), "");
    // The defaults a new forecast shows: seed 1, scenarios ±20 %, even months.
    let empty = ForecastDraft::decode("", Lang::French).unwrap();
    assert_eq!(empty.seed, "1");
    assert_eq!(empty.scenario_percent, "20");
    assert_eq!(empty.phasing, PhasingMode::Even);
    assert_eq!(empty.typed_in, "fr");
}

#[test]
fn text_that_is_not_a_forecast_is_refused_and_a_newer_one_is_refused_as_newer() {
    for text in ["{", "[]", "\"text\"", "12"] {
        assert_eq!(
            ForecastDraft::decode(text, Lang::English),
            Err(PageDataError::Damaged),
            "{text}"
        );
    }
    assert_eq!(
        ForecastDraft::decode(r#"{"version":2}"#, Lang::English),
        Err(PageDataError::Newer(2))
    );
}

#[test]
fn fields_missing_or_of_another_type_read_as_their_defaults() {
    let draft = ForecastDraft::decode(
        r#"{"version":1,"typed_in":"en","phasing":"monthly","weights":[1,"2"],"days":[{"stage":"x","days":"3"},{"stage":2,"days":5}],"compare":["a","b","c","d","e"]}"#,
        Lang::English,
    )
    .unwrap();
    assert_eq!(draft.phasing, PhasingMode::Even);
    assert_eq!(draft.weights.len(), MONTHS);
    assert_eq!(draft.weight(0), "");
    assert_eq!(draft.weight(1), "2");
    assert_eq!(draft.days_of(StageId(2)), "");
    assert_eq!(draft.days.len(), 1);
    assert_eq!(draft.seed, "1");
    assert_eq!(draft.compare.len(), MAX_COMPARED - 1);
}

#[test]
fn retyped_in_polish_the_numbers_are_written_the_polish_way_and_back() {
    let draft = full_draft();
    let polish = draft.clone().retyped(Lang::Polish);
    assert_eq!(polish.typed_in, "pl");
    assert_eq!(polish.days_of(StageId(5)), "30,5");
    assert_eq!(polish.revenue_low, "900 000");
    assert_eq!(polish.range_of(StageId(1)), ("1", "2"));
    assert_eq!(polish.retyped(Lang::English), draft);
}

#[test]
fn a_forecast_is_read_from_a_plan_in_the_page_language() {
    let mut plan = example();
    plan.forecast = full_draft().encode();
    let french = ForecastDraft::of_plan(&plan, Lang::French).unwrap();
    let space = Lang::French.symbols().group;
    assert_eq!(french.revenue_high, format!("1{space}300{space}000"));
    plan.forecast = String::new();
    assert_eq!(
        ForecastDraft::of_plan(&plan, Lang::French)
            .unwrap()
            .typed_in,
        "fr"
    );
}

#[test]
fn the_phasing_is_read_from_the_weights() {
    let mut draft = full_draft();
    let (phasing, errors) = draft.phasing();
    assert!(errors.is_empty());
    let mut expected = [0.0; MONTHS];
    for (month, weight) in expected.iter_mut().enumerate() {
        *weight = (month + 1) as f64;
    }
    assert_eq!(phasing, Phasing::Weights(expected));
    // A weight that is not a number, a negative one, all zero.
    draft.set_weight(3, "abc".to_owned());
    draft.set_weight(4, "-1".to_owned());
    let (_, errors) = draft.phasing();
    assert_eq!(
        errors,
        vec![
            (ForecastField::Weight(3), InputError::NotANumber),
            (ForecastField::Weight(4), InputError::Negative)
        ]
    );
    for month in 0..MONTHS {
        draft.set_weight(month, "0".to_owned());
    }
    assert_eq!(
        draft.phasing().1,
        vec![(ForecastField::Weights, InputError::NotPositive)]
    );
    draft.phasing = PhasingMode::Even;
    assert_eq!(draft.phasing(), (Phasing::Even, Vec::new()));
}

#[test]
fn the_days_are_read_per_stage_but_the_last() {
    let mut draft = full_draft();
    // Stage 2 → 3 takes 14 days, 5 → 6 takes 30.5; the others none.
    assert_eq!(
        draft.days_to_next(&stages()),
        (vec![0.0, 14.0, 0.0, 0.0, 30.5], Vec::new())
    );
    draft.set_days(StageId(3), "4000".to_owned());
    draft.set_days(StageId(4), "soon".to_owned());
    let (days, errors) = draft.days_to_next(&stages());
    assert_eq!(days, vec![0.0, 14.0, 0.0, 0.0, 30.5]);
    assert_eq!(
        errors,
        vec![
            (ForecastField::Days(StageId(3)), InputError::TooManyDays),
            (ForecastField::Days(StageId(4)), InputError::NotANumber)
        ]
    );
}

#[test]
fn ranges_are_read_around_the_plans_values() {
    let draft = full_draft();
    let (ranges, errors) = draft.ranges(&stages(), &RATES, Some(1_100_000.0));
    assert!(errors.is_empty(), "{errors:?}");
    // Visits → Leads 1 %–2 % around 1.5 %; Opportunities → Customers up to 60 % (low: the
    // plan's 50 %); the rest fixed.
    assert_eq!(ranges.rates[0], Spread::new(0.01, 0.015, 0.02).unwrap());
    assert_eq!(ranges.rates[1], Spread::fixed(0.2));
    assert_eq!(ranges.rates[4], Spread::new(0.5, 0.5, 0.6).unwrap());
    assert_eq!(
        ranges.average_revenue,
        Some(Spread::new(900_000.0, 1_100_000.0, 1_300_000.0).unwrap())
    );
    assert!(ranges.has_any());
    // Without an average revenue there is no revenue range.
    let (ranges, _) = draft.ranges(&stages(), &RATES, None);
    assert_eq!(ranges.average_revenue, None);
}

#[test]
fn an_end_on_the_wrong_side_of_the_plans_value_is_refused() {
    let mut draft = ForecastDraft::new(Lang::English);
    draft.set_range(StageId(2), false, "25".to_owned()); // above the plan's 20 %
    draft.set_range(StageId(3), true, "101".to_owned()); // above 100 %
    draft.set_range(StageId(4), true, "30".to_owned()); // below the plan's 40 %
    draft.revenue_high = "1,000,000".to_owned(); // below the plan's 1,100,000
    let (ranges, errors) = draft.ranges(&stages(), &RATES, Some(1_100_000.0));
    assert_eq!(
        errors,
        vec![
            (ForecastField::Low(StageId(2)), InputError::RangeMissesPlan),
            (ForecastField::High(StageId(3)), InputError::RateOutOfRange),
            (ForecastField::High(StageId(4)), InputError::RangeMissesPlan),
            (ForecastField::RevenueHigh, InputError::RangeMissesPlan),
        ]
    );
    // Each such input is kept fixed at its value.
    assert!(!ranges.has_any());
}

#[test]
fn the_seed_and_the_scenarios_change_are_read() {
    let mut draft = full_draft();
    assert_eq!(draft.seed(), Ok(2027));
    assert_eq!(draft.scenario_change(), Ok(0.15));
    draft.seed = "1.5".to_owned();
    assert_eq!(draft.seed(), Err(InputError::NotWhole));
    draft.seed = "4294967296".to_owned(); // 2^32
    assert_eq!(draft.seed(), Err(InputError::NotWhole));
    // Letters and negative numbers get the same message: a whole number from 0 to 2^32 − 1.
    draft.seed = "abc".to_owned();
    assert_eq!(draft.seed(), Err(InputError::NotWhole));
    draft.seed = "-1".to_owned();
    assert_eq!(draft.seed(), Err(InputError::NotWhole));
    draft.seed = "4294967295".to_owned();
    assert_eq!(draft.seed(), Ok(4_294_967_295));
    for wrong in ["0", "100", "-5"] {
        draft.scenario_percent = wrong.to_owned();
        assert_eq!(
            draft.scenario_change(),
            Err(InputError::ChangeOutOfRange),
            "{wrong}"
        );
    }
    let errors = draft.errors(&stages(), &RATES, Some(1_100_000.0));
    assert_eq!(
        errors,
        vec![(ForecastField::ScenarioPercent, InputError::ChangeOutOfRange)]
    );
}

proptest! {
    #[test]
    fn any_text_typed_survives_the_round_trip(
        weight in typed_text(),
        days in typed_text(),
        low in typed_text(),
        seed in typed_text(),
        id in typed_text(),
    ) {
        let mut draft = ForecastDraft::new(Lang::English);
        draft.phasing = PhasingMode::Weights;
        draft.set_weight(5, weight);
        draft.set_days(StageId(3), days);
        draft.set_range(StageId(1), false, low);
        draft.seed = seed;
        draft.compare = vec![id];
        let text = draft.encode();
        prop_assert_eq!(ForecastDraft::decode(&text, Lang::English), Ok(draft));
    }
}

#[test]
fn scenarios_change_every_rate_by_the_same_percentage_of_itself() {
    let base = example();
    // ×0.8: 1.5 → 1.2, 20 → 16, 40 → 32, 50 → 40. ×1.2: 1.5 → 1.8, 20 → 24, 40 → 48, 50 → 60.
    let conservative = scaled(&base, Scenario::Conservative.factor(0.2), "Low".to_owned());
    let rates: Vec<&str> = conservative
        .stages
        .iter()
        .map(|s| s.rate_to_next.as_str())
        .collect();
    assert_eq!(rates, ["1.2", "16", "16", "32", "40", ""]);
    assert_eq!(conservative.name, "Low");
    assert_eq!(conservative.revenue_goal, base.revenue_goal);
    let aggressive = scaled(&base, Scenario::Aggressive.factor(0.2), "High".to_owned());
    let rates: Vec<&str> = aggressive
        .stages
        .iter()
        .map(|s| s.rate_to_next.as_str())
        .collect();
    assert_eq!(rates, ["1.8", "24", "24", "48", "60", ""]);
    // Capped at 100 %: 90 % × 1.2 = 108 % → 100 %; a rate that cannot be read is kept.
    let mut high = base.clone();
    high.stages[3].rate_to_next = "90".to_owned();
    high.stages[4].rate_to_next = "lots".to_owned();
    let raised = scaled(&high, 1.2, "x".to_owned());
    assert_eq!(raised.stages[3].rate_to_next, "100");
    assert_eq!(raised.stages[4].rate_to_next, "lots");
}

#[test]
fn scenarios_change_each_channels_own_rates_too() {
    use funnel_planner::model::marketing::MarketingDraft;
    let mut base = example();
    base.marketing = MarketingDraft::with_channels(&["Paid search", "Events", "Email"]);
    let (visits, leads) = (StageId(1), StageId(2));
    // Paid search types its own 2 % from visits to leads; Events' volumes give 30 ÷ 1,000 =
    // 3 %; Email has nothing of its own and follows the plan's rates.
    base.marketing.channels[0].set_rate(visits, "2".to_owned());
    base.marketing.channels[1].set_volume(visits, "1,000".to_owned());
    base.marketing.channels[1].set_volume(leads, "30".to_owned());
    let low = scaled(&base, 0.8, "Low".to_owned());
    // ×0.8: 2 % → 1.6 %, 3 % → 2.4 % (written as the channel's own rate; its volumes stay).
    assert_eq!(low.marketing.channels[0].rate(visits), "1.6");
    assert_eq!(low.marketing.channels[1].rate(visits), "2.4");
    assert_eq!(low.marketing.channels[1].volume(leads), "30");
    assert_eq!(low.marketing.channels[2].rate(visits), "");
    // Stages where a channel has no rate of its own keep none.
    assert_eq!(low.marketing.channels[0].rate(leads), "");
    let high = scaled(&base, 1.2, "High".to_owned());
    assert_eq!(high.marketing.channels[0].rate(visits), "2.4");
    assert_eq!(high.marketing.channels[1].rate(visits), "3.6");
}

#[test]
fn a_plans_outcome_is_its_reverse_funnel() {
    // 10,000,000 ÷ 1,100,000 = 9.0909 customers; ÷ 0.5 = 18.18 opportunities; ÷ 0.4 = 45.45
    // SQLs; ÷ 0.2 = 227.27 MQLs; ÷ 0.2 = 1,136.36 leads; ÷ 0.015 = 75,757.58 visits.
    let outcome = outcome(&example()).unwrap();
    assert_close(outcome.customers, 10_000_000.0 / 1_100_000.0);
    assert_eq!(outcome.revenue, Some(10_000_000.0));
    assert_close(outcome.stages[0], 75_757.575_757_575_76);
    assert_close(outcome.stages[4], 18.181_818_181_818_18);
    assert_eq!(outcome.rates, RATES.to_vec());
    assert_eq!(outcome.average_revenue, Some(1_100_000.0));
    assert_eq!(outcome.budget_needed, None);
    // The conservative copy (rates × 0.8 at five stages) needs 1 ÷ 0.8⁵ = 3.05 times the visits.
    let low = outcome_of(&scaled(&example(), 0.8, "low".to_owned()));
    assert_close(low.stages[0], 75_757.575_757_575_76 / 0.327_68);
    assert_close(low.customers, outcome.customers);
    let mut broken = example();
    broken.revenue_goal = "lots".to_owned();
    assert_eq!(
        funnel_planner::model::forecast::scenarios::outcome(&broken),
        None
    );
}

fn outcome_of(
    draft: &funnel_planner::model::PlanDraft,
) -> funnel_planner::model::forecast::scenarios::Outcome {
    outcome(draft).unwrap()
}

#[test]
fn what_differs_and_by_how_much() {
    assert!(!differs(Some(0.2), Some(0.2 * 3.0 / 3.0)));
    assert!(differs(Some(0.2), Some(0.16)));
    assert!(differs(None, Some(1.0)));
    assert!(!differs(None, None));
    assert_eq!(delta(Some(10.0), Some(12.5)), Some(2.5));
    assert_eq!(delta(None, Some(12.5)), None);
}

#[test]
fn costs_per_unit_and_the_budget_needed_come_from_the_channels_spend() {
    use funnel_planner::model::forecast::scenarios::{cost_per_customer, cost_per_unit};
    let draft = common::example_with_channels();
    // Visits: only Paid search has them: 6,000 ÷ 2,000 = 3 per visit.
    assert_eq!(cost_per_unit(&draft, StageId(1)), Some(3.0));
    // Customers: (6,000 + 1,000 + 20,000) ÷ (2 + 1 + 2) = 27,000 ÷ 5 = 5,400 each.
    assert_eq!(cost_per_customer(&draft), Some(5_400.0));
    // MQLs: no channel has a volume there.
    assert_eq!(cost_per_unit(&draft, StageId(3)), None);
    // The budget needed is the Channels and KPIs page's: each channel's targets at its own
    // rates (typed, else from its volumes, else the plan's) × its cost at its first stage with
    // a volume. Opportunities→Customers from the volumes: Paid search 2 ÷ 5 = 40 %, Email
    // 1 ÷ 4 = 25 %, Events 2 ÷ 10 = 20 %; Paid search's Visits→Leads its own 3 %.
    //   Paid search (40 %): 3.6 ÷ 0.4 ÷ 0.4 ÷ 0.2 ÷ 0.2 ÷ 0.03 = 18,750 visits × 3 = 56,250;
    //   Email (30 %): 2.7 ÷ 0.25 ÷ 0.4 ÷ 0.2 ÷ 0.2 = 675 leads × (1,000 ÷ 50 = 20) = 13,500;
    //   Events (30 %): 2.7 ÷ 0.2 ÷ 0.4 ÷ 0.2 ÷ 0.2 = 843.75 leads × (20,000 ÷ 500 = 40) = 33,750;
    // 56,250 + 13,500 + 33,750 = 103,500 a year.
    let outcome = outcome(&draft).unwrap();
    assert_close(outcome.budget_needed.unwrap(), 103_500.0);
    // The budget set: 5,000 a month is 60,000 a year.
    assert_eq!(outcome.budget, Some(60_000.0));
}

#[test]
fn a_scenarios_budget_needed_is_the_channels_pages() {
    // One figure on every page: the Forecast page's budget needed for a plan is the one the
    // Channels and KPIs page shows (`model::channels::budget_needed`, summed from the report's
    // needs): 103,500 a year for the example with channels (worked out in
    // `costs_per_unit_and_the_budget_needed_come_from_the_channels_spend`).
    let draft = common::example_with_channels();
    let plan = draft.validate(NumberSymbols::ENGLISH).unwrap();
    let needs = budget_needed(&draft, &plan);
    let report = Report::new(&draft, Some(&plan), NumberSymbols::ENGLISH);
    let outcome = outcome(&draft).unwrap();
    assert_close(outcome.budget_needed.unwrap(), 103_500.0);
    assert_eq!(outcome.budget_needed, needs.known_per_year());
    assert_eq!(
        outcome.budget_needed,
        Some(report.needs.unwrap().needed_per_year)
    );
    assert_eq!(outcome.budget, needs.budget_per_year);
}

#[test]
fn the_field_that_stops_a_section_is_the_first_one_it_reads() {
    use funnel_planner::model::forecast::draft::blocking_field;
    let errors = [
        (ForecastField::ScenarioPercent, InputError::ChangeOutOfRange),
        (ForecastField::Days(StageId(1)), InputError::Negative),
        (ForecastField::Seed, InputError::NotWhole),
        (ForecastField::Low(StageId(2)), InputError::RangeMissesPlan),
    ];
    // The odds read the ranges and the seed: the seed comes first in the list.
    assert_eq!(
        blocking_field(&errors, ForecastField::feeds_odds),
        Some(ForecastField::Seed)
    );
    // The schedule reads the weights and the days.
    assert_eq!(
        blocking_field(&errors, ForecastField::feeds_schedule),
        Some(ForecastField::Days(StageId(1)))
    );
    // The scenarios' change stops neither.
    assert_eq!(
        blocking_field(&errors[..1], ForecastField::feeds_odds),
        None
    );
}

#[test]
fn a_lowest_rate_of_0_is_refused_at_its_field() {
    let mut draft = ForecastDraft::new(Lang::English);
    draft.set_range(StageId(2), false, "0".to_owned()); // the low end
    let (_, errors) = draft.ranges(&stages(), &RATES, Some(1_100_000.0));
    assert_eq!(
        errors,
        vec![(ForecastField::Low(StageId(2)), InputError::RateOutOfRange)]
    );
}

#[test]
fn the_schedule_follows_the_forecasts_phasing_and_days_or_waits_for_a_field() {
    // 24 opportunities and 12 customers a year, evenly, one month (30.4375 days) from one to
    // the other: 1 customer a month; 2 opportunities a month from the month before the plan
    // year to its 11th month (December's opportunities close next year, in next year's plan).
    let ids = [StageId(1), StageId(2)];
    let mut draft = ForecastDraft::new(Lang::English);
    draft.set_days(StageId(1), "30.4375".to_owned());
    let schedule = draft.schedule(&ids, &[24.0, 12.0]).unwrap();
    let offsets: Vec<i32> = schedule.rows.iter().map(|row| row.offset).collect();
    assert_eq!(offsets, (-1..=11).collect::<Vec<_>>());
    let first = &schedule.rows[0].stages;
    assert_close(first[0], 2.0);
    assert_close(first[1], 0.0);
    let last = &schedule.rows[12].stages;
    assert_close(last[0], 0.0);
    assert_close(last[1], 1.0);
    // A days field that is not a number stops it (the field is named by `errors`).
    draft.set_days(StageId(1), "abc".to_owned());
    assert_eq!(draft.schedule(&ids, &[24.0, 12.0]), None);
}
