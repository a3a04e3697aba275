//! The per-period figures of the split and the budget, and the KPI lookups the page shows, each
//! from the model rather than worked out in a view. The example (tests/common): 9 new customers
//! a year at 1,100,000 each; Paid search 40 % with its own Visits→Leads rate of 3 %, Email and
//! Events left empty (30 % each); each channel's Opportunities→Customers rate is the one its
//! volumes give (customers ÷ opportunities: Paid search 2 ÷ 5 = 40 %, Email 1 ÷ 4 = 25 %, Events
//! 2 ÷ 10 = 20 %). Every expectation is worked out by hand beside it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{assert_close, example_with_channels};
use funnel_planner::model::channels::{per_thousand, split, Report, Split, SPEND_QUOTED};
use funnel_planner::model::kpi::{Input, Unavailable};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{Period, PlanDraft, Share};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

fn report_of(draft: &PlanDraft) -> Report {
    Report::new(draft, draft.validate(EN).ok().as_ref(), EN)
}

fn split_of(draft: &PlanDraft) -> Split {
    let plan = draft.validate(EN).expect("the plan is valid");
    split(
        &plan,
        &draft.marketing.check(&draft.stage_ids(), EN).channels,
    )
}

#[test]
fn all_channels_per_period() {
    // Visits: Paid search 3.6 ÷ 40 % ÷ 40 % ÷ 20 % ÷ 20 % ÷ 3 % = 18,750; Email
    // 2.7 ÷ 25 % ÷ 40 % ÷ 20 % ÷ 20 % ÷ 1.5 % = 45,000; Events 2.7 ÷ 20 % ÷ 40 % ÷ 20 % ÷ 20 %
    // ÷ 1.5 % = 56,250: 120,000 a year together, 120,000 ÷ 4 = 30,000 a quarter,
    // 120,000 ÷ 12 = 10,000 a month.
    let split = split_of(&example_with_channels());
    assert_close(split.total(0, Period::Year).expect("visits"), 120_000.0);
    assert_close(split.total(0, Period::Quarter).expect("visits"), 30_000.0);
    assert_close(split.total(0, Period::Month).expect("visits"), 10_000.0);
    // Customers: 3.6 + 2.7 + 2.7 = 9 a year, 9 ÷ 4 = 2.25 a quarter, 9 ÷ 12 = 0.75 a month.
    assert_close(split.total(5, Period::Quarter).expect("customers"), 2.25);
    assert_close(split.total(5, Period::Month).expect("customers"), 0.75);
    // The funnel has 6 stages (0 to 5): a 7th has no total, rather than a total of 0.
    assert_eq!(split.total(6, Period::Month), None);
}

#[test]
fn the_channels_revenue_per_period() {
    // 9 customers × 1,100,000 = 9,900,000 a year; ÷ 4 = 2,475,000 a quarter; ÷ 12 = 825,000 a
    // month.
    let split = split_of(&example_with_channels());
    assert_close(split.revenue(Period::Year), 9_900_000.0);
    assert_close(split.revenue(Period::Quarter), 2_475_000.0);
    assert_close(split.revenue(Period::Month), 825_000.0);
}

#[test]
fn customers_no_channel_has() {
    // Shares of 40 + 20 + 20 = 80 % leave 20 % of the goal: 9 × 0.2 = 1.8 customers a year.
    let mut draft = example_with_channels();
    for (channel, share) in draft.marketing.channels.iter_mut().zip(["40", "20", "20"]) {
        channel.share = share.to_owned();
    }
    let split = split_of(&draft);
    assert_close(split.unassigned().fraction(), 0.2);
    assert_close(split.unassigned_customers(), 1.8);
    // The example assigns all of it (40 % + 30 % + 30 %): nothing left, no customers.
    let full = split_of(&example_with_channels());
    assert_eq!(full.unassigned(), Share::NONE);
    assert_eq!(full.unassigned_customers(), 0.0);
}

#[test]
fn shares_over_the_whole_goal_are_one_rule_for_the_split_and_the_inputs() {
    // 70 + 50 = 120 % typed, beyond rounding: the inputs flag it and the split says the same.
    let mut draft = example_with_channels();
    for (channel, share) in draft.marketing.channels.iter_mut().zip(["70", "50", ""]) {
        channel.share = share.to_owned();
    }
    assert!(split_of(&draft).shares.is_over_full());
    // The example's 40 % typed is not over.
    assert!(!split_of(&example_with_channels()).shares.is_over_full());
}

#[test]
fn each_channels_budget_per_period() {
    // Paid search: 6,000 for 2,000 visits = 3 a visit × 18,750 visits = 56,250 a year,
    //   ÷ 4 = 14,062.5 a quarter, ÷ 12 = 4,687.5 a month.
    // Email (no visits typed): 1,000 for 50 leads = 20 a lead × 675 leads (2.7 ÷ 25 % ÷ 40 %
    //   ÷ 20 % ÷ 20 %) = 13,500 a year, ÷ 12 = 1,125 a month.
    // Events: 20,000 for 500 leads = 40 a lead × 843.75 leads (2.7 ÷ 20 % ÷ 40 % ÷ 20 % ÷ 20 %)
    //   = 33,750 a year, ÷ 4 = 8,437.5 a quarter.
    let report = report_of(&example_with_channels());
    let needs = report.needs.expect("a valid plan has needs");
    let needed = |index: usize, period: Period| {
        needs.channels[index]
            .needed(period)
            .expect("the channel has a need")
    };
    assert_close(needed(0, Period::Year), 56_250.0);
    assert_close(needed(0, Period::Quarter), 14_062.5);
    assert_close(needed(0, Period::Month), 4_687.5);
    assert_close(needed(1, Period::Month), 1_125.0);
    assert_close(needed(2, Period::Quarter), 8_437.5);
    // All: 56,250 + 13,500 + 33,750 = 103,500 a year, 103,500 ÷ 12 = 8,625 a month. The budget
    // of 5,000 a month falls short by 8,625 − 5,000 = 3,625 a month, 3,625 × 12 = 43,500 a year.
    assert_close(needs.needed(Period::Month), 8_625.0);
    assert_close(needs.gap(Period::Month).expect("a budget is set"), -3_625.0);
    assert_close(needs.gap(Period::Year).expect("a budget is set"), -43_500.0);
}

#[test]
fn a_channel_without_a_budget_need_has_none_in_any_period() {
    // Without spend there is no cost to work the budget out from, in any period.
    let mut draft = example_with_channels();
    draft.marketing.channels[1].spend = String::new();
    let needs = report_of(&draft).needs.expect("a valid plan has needs");
    for period in Period::ALL {
        assert_eq!(
            needs.channels[1].needed(period),
            Err(Unavailable::Missing(Input::Spend))
        );
    }
}

#[test]
fn a_cost_at_a_stage_without_figures_is_unavailable_never_0() {
    // Paid search: 6,000 for 60 leads = 100 a lead; no MQLs typed: no cost per MQL.
    let report = report_of(&example_with_channels());
    let paid_search = &report.kpis[0];
    assert_close(paid_search.cost_at(1).expect("leads are typed"), 100.0);
    assert_eq!(
        paid_search.cost_at(2),
        Err(Unavailable::Missing(Input::Volume(2)))
    );
    // A stage past the funnel's 6 (0 to 5) has no volume either: unavailable, not a cost of 0.
    assert_eq!(
        paid_search.cost_at(6),
        Err(Unavailable::Missing(Input::Volume(6)))
    );
}

#[test]
fn the_suggested_move_per_1000_of_spend() {
    // Ranked by CAC: Email 1,000 ÷ 1 = 1,000 is best, Events 20,000 ÷ 2 = 10,000 worst. 20 % of
    // Events' 20,000 is 4,000 to move.
    let report = report_of(&example_with_channels());
    let moved = report.reallocation.expect("a suggestion");
    assert_eq!(moved.share, Share::from_fraction(0.2));
    assert_close(moved.amount, 4_000.0);
    // Per 1,000 of spend: Email wins 1 ÷ 1,000 × 1,000 = 1 customer and 12,000 ÷ 1,000 × 1,000
    // = 12,000 revenue; Events 2 ÷ 20,000 × 1,000 = 0.1 customer and 30,000 ÷ 20,000 × 1,000
    // = 1,500 revenue.
    assert_eq!(SPEND_QUOTED, 1_000.0);
    assert_close(
        per_thousand(moved.to_customers_per_spend).expect("known"),
        1.0,
    );
    assert_close(
        per_thousand(moved.to_revenue_per_spend).expect("known"),
        12_000.0,
    );
    assert_close(
        per_thousand(moved.from_customers_per_spend).expect("known"),
        0.1,
    );
    assert_close(
        per_thousand(moved.from_revenue_per_spend).expect("known"),
        1_500.0,
    );
    // What is unavailable stays unavailable, with its reason.
    assert_eq!(
        per_thousand(Err(Unavailable::Missing(Input::Revenue))),
        Err(Unavailable::Missing(Input::Revenue))
    );
}
