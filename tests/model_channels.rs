//! The plan per channel, against worked examples computed by hand: the split of the customers
//! goal by share and each channel's own rates, the budget the targets need at each channel's
//! cost, the ranking of channels and the linear reallocation from the worst to the best, and the
//! report that puts them together. Property tests: no draft makes the report panic or show a
//! figure that is not finite, and the channels' customers always add up to the goal's share.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod strategies;

use common::{assert_close, assert_value, close, example, example_with_channels};
use funnel_planner::model::channels::{
    budget_needed, budget_needs, cost_basis, has_cheap_leads, lead_stage, opportunity_stage, rank,
    reallocate, split, CostBasis, Metric, NoReallocation, Report, Split, Standing,
};
use funnel_planner::model::kpi::{CustomerValue, Figure, Input, Kpis, Unavailable};
use funnel_planner::model::marketing::{
    BudgetPeriod, ChannelInputs, LifetimeKind, MarketingInputs, RankBy, RateSource, MAX_CHANNELS,
};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{
    ChannelDraft, ChannelId, GoalKind, MarketingDraft, Period, Plan, PlanDraft, Rate, Share,
    StageDraft, StageId,
};
use proptest::prelude::*;
use strategies::any_draft;

use Unavailable::{Missing, Zero};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

/// The example's channels by position.
const PAID_SEARCH: usize = 0;
const EMAIL: usize = 1;
const EVENTS: usize = 2;

#[track_caller]
fn assert_all_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (actual, expected) in actual.iter().zip(expected) {
        assert!(
            close(*actual, *expected),
            "got {actual:?}, expected {expected:?}"
        );
    }
}

fn plan(draft: &PlanDraft) -> Plan {
    draft.validate(EN).expect("the plan is valid")
}

fn inputs(draft: &PlanDraft) -> MarketingInputs {
    draft.marketing.check(&draft.stage_ids(), EN)
}

fn split_of(draft: &PlanDraft) -> Split {
    split(&plan(draft), &inputs(draft).channels)
}

fn report_of(draft: &PlanDraft) -> Report {
    Report::new(draft, draft.validate(EN).ok().as_ref(), EN)
}

/// The yearly targets of the channel at `index`, top to bottom.
fn targets(split: &Split, index: usize) -> Vec<f64> {
    split.channels[index]
        .targets
        .as_ref()
        .expect("the channel has targets")
        .stages
        .iter()
        .map(|stage| stage.per_year)
        .collect()
}

/// The example with the channels' shares typed as `shares`.
fn with_shares(shares: [&str; 3]) -> PlanDraft {
    let mut draft = example_with_channels();
    for (channel, share) in draft.marketing.channels.iter_mut().zip(shares) {
        channel.share = share.to_owned();
    }
    draft
}

fn channel_mut(draft: &mut PlanDraft, index: usize) -> &mut ChannelDraft {
    &mut draft.marketing.channels[index]
}

/// A channel's inputs for a funnel of `volumes.len()` stages, using the plan's rates.
fn channel(
    id: u32,
    spend: Option<f64>,
    revenue: Option<f64>,
    volumes: &[Option<f64>],
) -> ChannelInputs {
    ChannelInputs {
        id: ChannelId(id),
        name: format!("Channel {id}"),
        share: None,
        spend,
        revenue,
        volumes: volumes.to_vec(),
        rates: vec![None; volumes.len().saturating_sub(1)],
        has_bad_rate: false,
    }
}

/// A channel in a six-stage funnel of which only spend, revenue and customers are known.
fn with_customers(id: u32, spend: f64, revenue: f64, customers: f64) -> ChannelInputs {
    let mut volumes = [None; 6];
    volumes[5] = Some(customers);
    channel(id, Some(spend), Some(revenue), &volumes)
}

fn no_value() -> CustomerValue {
    CustomerValue::new(&MarketingDraft::default().check(&[], EN), None)
}

fn kpis_of(channels: &[ChannelInputs]) -> Vec<Kpis> {
    let value = no_value();
    channels
        .iter()
        .map(|channel| Kpis::of_channel(channel, &value))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The split

#[test]
fn split_worked_example_with_an_own_rate() {
    // 9 customers a year. Paid search has 40 % and its own Visits→Leads rate of 3 %; Email and
    // Events have no share typed and share the other 60 %: 30 % each. Each channel converts
    // Opportunities→Customers at the rate its own volumes give (both typed, adjacent stages):
    // Paid search 2 ÷ 5 = 40 %, Email 1 ÷ 4 = 25 %, Events 2 ÷ 10 = 20 % (the plan: 50 %).
    // Paid search's 60 leads ÷ 2,000 visits = 3 % is its typed rate too. No other adjacent pair
    // has both volumes typed, so the rest are the plan's (20 %, 20 %, 40 %, 1.5 %).
    //   Paid search: 9 × 0.4 = 3.6 customers; ÷ 40 % = 9 opportunities; ÷ 40 % = 22.5 SQLs;
    //     ÷ 20 % = 112.5 MQLs; ÷ 20 % = 562.5 leads; ÷ 3 % (its own rate) = 18,750 visits.
    //   Email: 9 × 0.3 = 2.7 customers; ÷ 25 % = 10.8; ÷ 40 % = 27; ÷ 20 % = 135;
    //     ÷ 20 % = 675 leads; ÷ 1.5 % (the plan's rate) = 45,000 visits.
    //   Events: 2.7 customers; ÷ 20 % = 13.5; ÷ 40 % = 33.75; ÷ 20 % = 168.75;
    //     ÷ 20 % = 843.75 leads; ÷ 1.5 % = 56,250 visits.
    let split = split_of(&example_with_channels());
    assert_eq!(split.customers_per_year, 9.0);
    assert_all_close(
        &targets(&split, PAID_SEARCH),
        &[18_750.0, 562.5, 112.5, 22.5, 9.0, 3.6],
    );
    assert_all_close(
        &targets(&split, EMAIL),
        &[45_000.0, 675.0, 135.0, 27.0, 10.8, 2.7],
    );
    assert_all_close(
        &targets(&split, EVENTS),
        &[56_250.0, 843.75, 168.75, 33.75, 13.5, 2.7],
    );
    let shares: Vec<(f64, bool)> = split
        .channels
        .iter()
        .map(|channel| (channel.share.fraction(), channel.is_share_typed))
        .collect();
    assert_eq!(shares.len(), 3);
    assert_close(shares[0].0, 0.4);
    assert_close(shares[1].0, 0.3);
    assert_close(shares[2].0, 0.3);
    assert_eq!(
        shares.iter().map(|(_, typed)| *typed).collect::<Vec<_>>(),
        [true, false, false]
    );
    // All channels: visits 18,750 + 45,000 + 56,250 = 120,000 (more than the plan's 75,000, as
    // every channel closes fewer opportunities than the plan's 50 %); leads 562.5 + 675 + 843.75
    // = 2,081.25; MQLs 112.5 + 135 + 168.75 = 416.25; SQLs 22.5 + 27 + 33.75 = 83.25;
    // opportunities 9 + 10.8 + 13.5 = 33.3; customers 3.6 + 2 × 2.7 = 9.
    assert_all_close(
        &split.totals,
        &[120_000.0, 2_081.25, 416.25, 83.25, 33.3, 9.0],
    );
    // Revenue: 9 customers × 1,100,000 = 9,900,000; Paid search 3.6 × 1,100,000 = 3,960,000.
    assert_close(split.revenue_total, 9_900_000.0);
    let paid_search = split.channels[PAID_SEARCH].targets.as_ref().expect("Ok");
    assert_close(paid_search.revenue_per_year.unwrap_or(0.0), 3_960_000.0);
    assert_close(split.assigned.fraction(), 1.0);
    assert!(split.is_fully_assigned());
}

#[test]
fn channels_left_empty_share_what_the_typed_shares_leave() {
    // 50 % + 30 % typed: the one left empty gets 100 − 80 = 20 %: 9 × 0.2 = 1.8 customers.
    let split = split_of(&with_shares(["50", "30", ""]));
    assert_close(split.channels[EVENTS].share.fraction(), 0.2);
    assert_close(*targets(&split, EVENTS).last().expect("customers"), 1.8);
    assert!(split.is_fully_assigned());
    // 50 % typed, two left empty: 25 % each.
    let split = split_of(&with_shares(["50", "", ""]));
    assert_close(split.channels[EMAIL].share.fraction(), 0.25);
    assert_close(split.channels[EVENTS].share.fraction(), 0.25);
    // Nothing typed: an even split, a third each, 3 customers each.
    let split = split_of(&with_shares(["", "", ""]));
    for index in [PAID_SEARCH, EMAIL, EVENTS] {
        assert_close(split.channels[index].share.fraction(), 1.0 / 3.0);
        assert!(!split.channels[index].is_share_typed);
        assert_close(*targets(&split, index).last().expect("customers"), 3.0);
    }
    assert!(split.is_fully_assigned());
    // 33.33 + 33.33 + 33.34 = 100 within rounding.
    assert!(split_of(&with_shares(["33.33", "33.33", "33.34"])).is_fully_assigned());
}

#[test]
fn shares_that_leave_part_of_the_goal_unassigned_say_so() {
    // 50 + 20 + 10 = 80 %: 20 % of the goal (1.8 customers) has no channel.
    let split = split_of(&with_shares(["50", "20", "10"]));
    assert_close(split.assigned.fraction(), 0.8);
    assert!(!split.is_fully_assigned());
    // The channels together aim for 9 × 0.8 = 7.2 customers.
    assert_close(*split.totals.last().expect("customers"), 7.2);
    assert_close(split.revenue_total, 7.2 * 1_100_000.0);
}

#[test]
fn shares_over_100_percent_only_by_rounding_split_exactly_the_goal() {
    // Six shares of 16.67 % (a sixth rounded to two decimals) add up to 100.02 %, within the
    // rounding of six such shares (6 × 0.005 % = 0.03 %). Each is scaled by 1 ÷ 1.0002:
    // 0.1667 ÷ 1.0002 = 1,667 ÷ 10,002 = 1/6, so each channel aims for 9 ÷ 6 = 1.5 customers
    // and the six together for exactly the 9 of the goal.
    let mut channels: Vec<ChannelInputs> = (1..=6)
        .map(|id| channel(id, None, None, &[None; 6]))
        .collect();
    for channel in &mut channels {
        channel.share = Some(Share::from_fraction(0.1667));
    }
    let split = split(&plan(&example_with_channels()), &channels);
    assert!(split.is_fully_assigned());
    assert!(!split.shares.is_over_full());
    assert_close(split.assigned.fraction(), 1.0);
    for channel in &split.channels {
        assert_close(channel.share.fraction(), 1.0 / 6.0);
        assert!(channel.is_share_typed);
    }
    assert_close(*split.totals.last().expect("customers"), 9.0);
    // 33.34 × 3 = 100.02 % is more than three shares' rounding (0.015 %): over, not scaled.
    let over = split_of(&with_shares(["33.34", "33.34", "33.34"]));
    assert!(over.shares.is_over_full());
    assert_close(over.assigned.fraction(), 1.0002);
}

#[test]
fn shares_over_full_leave_nothing_to_the_channels_left_empty() {
    // 70 + 50 = 120 % typed: Events, left empty, gets 0 and needs nothing at any stage.
    let split = split_of(&with_shares(["70", "50", ""]));
    assert_eq!(split.channels[EVENTS].share, Share::NONE);
    assert_all_close(&targets(&split, EVENTS), &[0.0; 6]);
    assert_close(split.assigned.fraction(), 1.2);
    assert!(!split.is_fully_assigned());
    // The typed shares still apply as typed: 9 × 1.2 = 10.8 customers in all.
    assert_close(*split.totals.last().expect("customers"), 10.8);
}

#[test]
fn a_channels_own_rates_replace_the_plans_where_typed() {
    // Events converts opportunities at 25 % typed (its volumes give 2 ÷ 10 = 20 %, the plan
    // 50 %: the typed rate wins) and SQLs at 100 % (the plan: 40 %):
    //   2.7 customers ÷ 25 % = 10.8 opportunities; ÷ 100 % = 10.8 SQLs; ÷ 20 % = 54 MQLs;
    //   ÷ 20 % = 270 leads; ÷ 1.5 % = 18,000 visits.
    let mut draft = example_with_channels();
    let events = channel_mut(&mut draft, EVENTS);
    events.stage_mut(StageId(5)).rate = "25".to_owned();
    events.stage_mut(StageId(4)).rate = "100 %".to_owned();
    let split = split_of(&draft);
    assert_all_close(
        &targets(&split, EVENTS),
        &[18_000.0, 270.0, 54.0, 10.8, 10.8, 2.7],
    );
    // Email's targets are untouched (2.7 ÷ 25 % from its volumes ÷ 40 % ÷ 20 % ÷ 20 % ÷ 1.5 %,
    // as in the split's worked example).
    assert_all_close(
        &targets(&split, EMAIL),
        &[45_000.0, 675.0, 135.0, 27.0, 10.8, 2.7],
    );
}

#[test]
fn a_channel_with_a_rate_that_cannot_be_read_waits_for_it() {
    let mut draft = example_with_channels();
    channel_mut(&mut draft, EMAIL).stage_mut(StageId(2)).rate = "0".to_owned();
    let split = split_of(&draft);
    assert_eq!(
        split.channels[EMAIL].targets,
        Err(Missing(Input::ChannelRates))
    );
    // Its share still counts as assigned, but its targets are left out of the totals: Paid
    // search's and Events' of the split's worked example, customers 3.6 + 2.7 = 6.3; visits
    // 18,750 + 56,250 = 75,000; leads 562.5 + 843.75 = 1,406.25; MQLs 112.5 + 168.75 = 281.25;
    // SQLs 22.5 + 33.75 = 56.25; opportunities 9 + 13.5 = 22.5.
    assert_close(split.assigned.fraction(), 1.0);
    assert_all_close(
        &split.totals,
        &[75_000.0, 1_406.25, 281.25, 56.25, 22.5, 6.3],
    );
    assert_close(split.revenue_total, 6.3 * 1_100_000.0);
}

#[test]
fn a_split_without_channels_assigns_nothing() {
    let draft = example();
    let split = split(&plan(&draft), &[]);
    assert!(split.channels.is_empty());
    assert_eq!(split.assigned, Share::NONE);
    assert!(!split.is_fully_assigned());
    assert_eq!(split.totals, vec![0.0; 6]);
    assert_eq!(split.revenue_total, 0.0);
    // A revenue goal: 10,000,000 ÷ 1,100,000 = 9.0909… customers to split.
    assert_close(split.customers_per_year, 10_000_000.0 / 1_100_000.0);
}

#[test]
fn a_channels_targets_are_found_by_its_id() {
    let split = split_of(&example_with_channels());
    let email = split.channel(ChannelId(2)).expect("Email has targets");
    assert_eq!(email.id, ChannelId(2));
    assert_close(email.share.fraction(), 0.3);
    assert!(split.channel(ChannelId(4)).is_none());
}

#[test]
fn a_channels_volumes_give_its_rates_where_none_is_typed() {
    // One channel takes the whole goal of 9 customers. Its volumes, top to bottom: 10,000
    // visits, 200 leads, no MQLs, 50 SQLs, 60 opportunities, 15 customers. Its rates:
    //   Visits→Leads 200 ÷ 10,000 = 2 % (from its volumes);
    //   Leads→MQLs and MQLs→SQLs: no MQLs typed, the plan's 20 % and 20 %;
    //   SQLs→Opportunities: 60 above 50 is no rate, the plan's 40 %;
    //   Opportunities→Customers 15 ÷ 60 = 25 % (from its volumes).
    // Targets: 9 ÷ 25 % = 36 opportunities; ÷ 40 % = 90 SQLs; ÷ 20 % = 450 MQLs;
    //   ÷ 20 % = 2,250 leads; ÷ 2 % = 112,500 visits.
    let plan = plan(&example_with_channels());
    let plan_rates = plan.funnel.rates();
    let mut channel = channel(
        1,
        None,
        None,
        &[
            Some(10_000.0),
            Some(200.0),
            None,
            Some(50.0),
            Some(60.0),
            Some(15.0),
        ],
    );
    let rate = |channel: &ChannelInputs, from: usize| {
        channel
            .rate_into_next(from, plan_rates.get(from).copied())
            .map(|(rate, source)| (rate.fraction(), source))
            .expect("a rate")
    };
    let rates: Vec<(f64, RateSource)> = (0..5).map(|from| rate(&channel, from)).collect();
    let expected = [
        (0.02, RateSource::Volumes),
        (0.2, RateSource::Plan),
        (0.2, RateSource::Plan),
        (0.4, RateSource::Plan),
        (0.25, RateSource::Volumes),
    ];
    for ((rate, source), (expected_rate, expected_source)) in rates.iter().zip(expected) {
        assert_close(*rate, expected_rate);
        assert_eq!(*source, expected_source);
    }
    let from_volumes = split(&plan, std::slice::from_ref(&channel));
    assert_all_close(
        &targets(&from_volumes, 0),
        &[112_500.0, 2_250.0, 450.0, 90.0, 36.0, 9.0],
    );
    // A rate typed for the channel wins over its volumes: Visits→Leads typed 4 % (its volumes
    // give 2 %): 2,250 leads ÷ 4 % = 56,250 visits; the stages below are as before.
    channel.rates[0] = Some(Rate::from_percent(4.0).expect("4 % is a rate"));
    let (typed_rate, source) = rate(&channel, 0);
    assert_close(typed_rate, 0.04);
    assert_eq!(source, RateSource::Typed);
    let typed = split(&plan, std::slice::from_ref(&channel));
    assert_all_close(
        &targets(&typed, 0),
        &[56_250.0, 2_250.0, 450.0, 90.0, 36.0, 9.0],
    );
}

#[test]
fn volumes_that_give_no_rate_leave_the_plans() {
    let volumes = |upper: Option<f64>, lower: Option<f64>| channel(1, None, None, &[upper, lower]);
    // 400 leads from 20,000 visits: 2 %; as many below as above: 100 %.
    let two = volumes(Some(20_000.0), Some(400.0)).rate_from_volumes(0);
    assert_close(two.expect("a rate").fraction(), 0.02);
    let all = volumes(Some(50.0), Some(50.0)).rate_from_volumes(0);
    assert_close(all.expect("a rate").fraction(), 1.0);
    // More below than above, nothing above, nothing below, or one of them missing: no rate.
    for (upper, lower) in [
        (Some(50.0), Some(60.0)),
        (Some(0.0), Some(0.0)),
        (Some(0.0), Some(5.0)),
        (Some(50.0), Some(0.0)),
        (None, Some(5.0)),
        (Some(50.0), None),
    ] {
        let channel = volumes(upper, lower);
        assert_eq!(channel.rate_from_volumes(0), None, "{upper:?} → {lower:?}");
        // The plan's rate is used instead, and none when the plan has none there.
        let plan_rate = Rate::from_percent(40.0).expect("40 % is a rate");
        assert_eq!(
            channel.rate_into_next(0, Some(plan_rate)),
            Some((plan_rate, RateSource::Plan))
        );
        assert_eq!(channel.rate_into_next(0, None), None);
    }
    // A stage past the funnel's end has no next stage to give a rate.
    assert_eq!(volumes(Some(50.0), Some(5.0)).rate_from_volumes(1), None);

    // In the example, as typed: Email's 4 opportunities and 1 customer give 25 %. Typed as 0.5
    // opportunities (fewer than its 1 customer), Email converts at the plan's 50 %:
    //   2.7 customers ÷ 50 % = 5.4 opportunities; ÷ 40 % = 13.5 SQLs; ÷ 20 % = 67.5 MQLs;
    //   ÷ 20 % = 337.5 leads; ÷ 1.5 % = 22,500 visits.
    // Events with 0 opportunities (nothing to divide by) and Paid search with no customers
    // typed convert at the plan's 50 % too:
    //   Events: the same as Email, 22,500 visits;
    //   Paid search: 3.6 ÷ 50 % = 7.2; ÷ 40 % = 18; ÷ 20 % = 90; ÷ 20 % = 450 leads;
    //   ÷ its own 3 % = 15,000 visits.
    let mut draft = example_with_channels();
    channel_mut(&mut draft, EMAIL).stage_mut(StageId(5)).volume = "0.5".to_owned();
    channel_mut(&mut draft, EVENTS).stage_mut(StageId(5)).volume = "0".to_owned();
    channel_mut(&mut draft, PAID_SEARCH)
        .stage_mut(StageId(6))
        .volume = String::new();
    let split = split_of(&draft);
    for index in [EMAIL, EVENTS] {
        assert_all_close(
            &targets(&split, index),
            &[22_500.0, 337.5, 67.5, 13.5, 5.4, 2.7],
        );
    }
    assert_all_close(
        &targets(&split, PAID_SEARCH),
        &[15_000.0, 450.0, 90.0, 18.0, 7.2, 3.6],
    );
}

// ---------------------------------------------------------------------------------------------
// The budget needed

#[test]
fn the_cost_basis_is_the_first_stage_from_the_top_with_a_volume() {
    // 6,000 for 2,000 visits: 3 per visit.
    assert_eq!(
        cost_basis(&channel(
            1,
            Some(6_000.0),
            None,
            &[Some(2_000.0), Some(60.0)]
        )),
        Ok(CostBasis {
            stage: 0,
            cost: 3.0
        })
    );
    // Visits unknown and 0 leads: the first volume above 0 is 100 MQLs, 60 each.
    assert_eq!(
        cost_basis(&channel(
            1,
            Some(6_000.0),
            None,
            &[None, Some(0.0), Some(100.0), Some(5.0)]
        )),
        Ok(CostBasis {
            stage: 2,
            cost: 60.0
        })
    );
    // Nothing spent: free at the first stage.
    assert_eq!(
        cost_basis(&channel(1, Some(0.0), None, &[Some(10.0), None])),
        Ok(CostBasis {
            stage: 0,
            cost: 0.0
        })
    );
    assert_eq!(
        cost_basis(&channel(1, None, None, &[Some(10.0), None])),
        Err(Missing(Input::Spend))
    );
    assert_eq!(
        cost_basis(&channel(1, Some(6_000.0), None, &[None, Some(0.0)])),
        Err(Missing(Input::Volume(0)))
    );
}

#[test]
fn budget_worked_example_for_one_channel() {
    // Paid search spent 6,000 for 2,000 visits (3 per visit) and must bring 18,750 visits a year
    // (its 40 % of the goal, see the split: 3.6 ÷ 40 % ÷ 40 % ÷ 20 % ÷ 20 % ÷ 3 %):
    // 18,750 × 3 = 56,250 a year, ÷ 4 = 14,062.5 a quarter, ÷ 12 = 4,687.5 a month.
    let mut draft = example_with_channels();
    draft.marketing.channels.truncate(1);
    let inputs = inputs(&draft);
    let split = split(&plan(&draft), &inputs.channels);
    let needs = budget_needs(&split, &inputs.channels, None);
    assert_eq!(
        needs.channels[0].basis,
        Ok(CostBasis {
            stage: 0,
            cost: 3.0
        })
    );
    assert_value(needs.channels[0].needed_per_year, 56_250.0);
    assert_close(needs.needed(Period::Year), 56_250.0);
    assert_close(needs.needed(Period::Quarter), 14_062.5);
    assert_close(needs.needed(Period::Month), 4_687.5);
    assert_eq!(needs.uncounted, 0);
    // No budget typed: nothing to compare with.
    assert_eq!(needs.budget(Period::Month), None);
    assert_eq!(needs.gap(Period::Year), None);
}

#[test]
fn budget_needed_by_every_channel_against_the_budget_set() {
    // The targets are the split's worked example's.
    // Paid search: 18,750 visits × 3 = 56,250.
    // Email: no visits; 1,000 for 50 leads = 20 per lead; 675 leads × 20 = 13,500.
    // Events: 20,000 for 500 leads = 40 per lead; 843.75 × 40 = 33,750.
    // Total 56,250 + 13,500 + 33,750 = 103,500 a year; the budget is 5,000 a month = 60,000 a
    // year: 43,500 short.
    let draft = example_with_channels();
    let needs = report_of(&draft).needs.expect("the plan is valid");
    let bases: Vec<_> = needs.channels.iter().map(|channel| channel.basis).collect();
    assert_eq!(
        bases,
        [
            Ok(CostBasis {
                stage: 0,
                cost: 3.0
            }),
            Ok(CostBasis {
                stage: 1,
                cost: 20.0
            }),
            Ok(CostBasis {
                stage: 1,
                cost: 40.0
            }),
        ]
    );
    assert_value(needs.channels[PAID_SEARCH].needed_per_year, 56_250.0);
    assert_value(needs.channels[EMAIL].needed_per_year, 13_500.0);
    assert_value(needs.channels[EVENTS].needed_per_year, 33_750.0);
    assert_close(needs.needed_per_year, 103_500.0);
    assert_eq!(needs.uncounted, 0);
    assert_eq!(needs.budget_per_year, Some(60_000.0));
    assert_close(needs.gap(Period::Year).expect("a budget"), -43_500.0);
    // Per quarter: 15,000 − 103,500 ÷ 4 = 15,000 − 25,875 = −10,875; per month:
    // 5,000 − 103,500 ÷ 12 = 5,000 − 8,625 = −3,625.
    assert_close(needs.budget(Period::Quarter).expect("a budget"), 15_000.0);
    assert_close(needs.needed(Period::Quarter), 25_875.0);
    assert_close(needs.gap(Period::Quarter).expect("a budget"), -10_875.0);
    assert_close(needs.gap(Period::Month).expect("a budget"), -3_625.0);
    // A budget that covers the need leaves a positive gap: 9,000 a month = 108,000 a year,
    // 108,000 − 103,500 = 4,500 to spare.
    let mut draft = example_with_channels();
    draft.marketing.budget = "9,000".to_owned();
    let needs = report_of(&draft).needs.expect("the plan is valid");
    assert_close(needs.gap(Period::Year).expect("a budget"), 4_500.0);
    // The same budget typed for the year: 4,500 ÷ 12 = 375 a month to spare.
    draft.marketing.budget = "108,000".to_owned();
    draft.marketing.budget_period = BudgetPeriod::Year;
    let needs = report_of(&draft).needs.expect("the plan is valid");
    assert_close(needs.gap(Period::Month).expect("a budget"), 375.0);
}

#[test]
fn channels_without_a_cost_or_targets_are_counted_apart() {
    let mut draft = example_with_channels();
    // Email has no spend; Events has a rate that cannot be read, so no targets.
    channel_mut(&mut draft, EMAIL).spend = String::new();
    channel_mut(&mut draft, EVENTS).stage_mut(StageId(1)).rate = "abc".to_owned();
    let needs = report_of(&draft).needs.expect("the plan is valid");
    assert_eq!(
        needs.channels[EMAIL].needed_per_year,
        Err(Missing(Input::Spend))
    );
    assert_eq!(
        needs.channels[EVENTS].needed_per_year,
        Err(Missing(Input::ChannelRates))
    );
    // Events' cost is still known; only its targets are missing.
    assert_eq!(
        needs.channels[EVENTS].basis,
        Ok(CostBasis {
            stage: 1,
            cost: 40.0
        })
    );
    assert_eq!(needs.uncounted, 2);
    // Only Paid search is in the total: 18,750 visits × 3 = 56,250.
    assert_close(needs.needed_per_year, 56_250.0);
}

#[test]
fn the_plans_budget_needed_is_the_reports() {
    // One figure on every page: `budget_needed` (read by the Forecast page) equals the needs of
    // the Channels and KPIs page's report. For the example, as in
    // `budget_needed_by_every_channel_against_the_budget_set`: 56,250 + 13,500 + 33,750 =
    // 103,500 a year against 5,000 × 12 = 60,000 set.
    let draft = example_with_channels();
    let needs = budget_needed(&draft, &plan(&draft));
    assert_eq!(Some(&needs), report_of(&draft).needs.as_ref());
    assert_close(
        needs.known_per_year().expect("every channel has a need"),
        103_500.0,
    );
    assert_eq!(needs.budget_per_year, Some(60_000.0));
    // Only Paid search's need known (Email without spend, Events without targets): 56,250.
    let mut draft = example_with_channels();
    channel_mut(&mut draft, EMAIL).spend = String::new();
    channel_mut(&mut draft, EVENTS).stage_mut(StageId(1)).rate = "abc".to_owned();
    let needs = budget_needed(&draft, &plan(&draft));
    assert_eq!(Some(&needs), report_of(&draft).needs.as_ref());
    assert_close(needs.known_per_year().expect("Paid search's"), 56_250.0);
    // No channel with a need worked out, or no channels at all: no figure (not 0).
    for channel in &mut draft.marketing.channels {
        channel.spend = String::new();
    }
    assert_eq!(budget_needed(&draft, &plan(&draft)).known_per_year(), None);
    let draft = example();
    assert_eq!(budget_needed(&draft, &plan(&draft)).known_per_year(), None);
}

// ---------------------------------------------------------------------------------------------
// Ranking

#[test]
fn the_ranking_metric_follows_the_stages() {
    let stages = [StageId(1), StageId(2), StageId(3)];
    assert_eq!(
        Metric::resolve(RankBy::StageCost(StageId(1)), &stages),
        Metric::StageCost(0)
    );
    assert_eq!(
        Metric::resolve(RankBy::StageCost(StageId(2)), &stages),
        Metric::StageCost(1)
    );
    // The bottom stage's cost is the CAC; a stage that is gone ranks by CAC too.
    assert_eq!(
        Metric::resolve(RankBy::StageCost(StageId(3)), &stages),
        Metric::Cac
    );
    assert_eq!(
        Metric::resolve(RankBy::StageCost(StageId(9)), &stages),
        Metric::Cac
    );
    assert_eq!(Metric::resolve(RankBy::Cac, &stages), Metric::Cac);
    assert_eq!(Metric::resolve(RankBy::Roi, &stages), Metric::Roi);
    assert_eq!(Metric::resolve(RankBy::Roi, &[]), Metric::Roi);
    assert!(Metric::Roi.is_higher_better());
    assert!(!Metric::Cac.is_higher_better());
    assert!(!Metric::StageCost(0).is_higher_better());
}

#[test]
fn a_metrics_value_is_the_channels_kpi() {
    // 6,000 for 2,000 visits, 60 leads, 2 customers; 30,000 revenue.
    let kpis = &kpis_of(&[channel(
        1,
        Some(6_000.0),
        Some(30_000.0),
        &[Some(2_000.0), Some(60.0), Some(2.0)],
    )])[0];
    assert_value(Metric::StageCost(0).value(kpis), 3.0);
    assert_value(Metric::StageCost(1).value(kpis), 100.0);
    assert_value(Metric::Cac.value(kpis), 3_000.0);
    // (30,000 − 6,000) ÷ 6,000 = 4.
    assert_value(Metric::Roi.value(kpis), 4.0);
    // A stage past the funnel's end has no volume.
    assert_eq!(
        Metric::StageCost(7).value(kpis),
        Err(Missing(Input::Volume(7)))
    );
}

#[test]
fn costs_rank_lowest_first_and_roi_highest_first() {
    // CACs: unknown, 500, 200, 500 (spend ÷ customers); ROIs: 1.5, unknown, 3, 1.5.
    let channels = [
        with_customers(1, 1_000.0, 2_500.0, 0.0),
        channel(2, Some(1_000.0), None, &[None, Some(2.0)]),
        with_customers(3, 1_000.0, 4_000.0, 5.0),
        with_customers(4, 1_000.0, 2_500.0, 2.0),
    ];
    let kpis = kpis_of(&channels);
    assert_eq!(kpis[0].cac(), Err(Zero(Input::Volume(5))));
    // Lower CAC first; the two at 500 keep their order; the first channel spent 1,000 for 0
    // customers, a cost without end: last.
    assert_eq!(rank(&kpis, Metric::Cac), [2, 1, 3, 0]);
    // Higher ROI first; the two at 1.5 keep their order; the unknown is left out.
    assert_eq!(rank(&kpis, Metric::Roi), [2, 0, 3]);
    assert!(rank(&[], Metric::Cac).is_empty());
    assert!(rank(&kpis, Metric::StageCost(0)).is_empty());
}

#[test]
fn a_channel_that_spent_and_won_nothing_ranks_last() {
    // The three channels, ranked by CAC:
    //   Paid search 20,000 for 0 customers: nothing for its money, worse than any cost;
    //   Paid social 5,000 ÷ 5 = 1,000 (best); Email 10,000 ÷ 2 = 5,000.
    let channels = [
        with_customers(1, 20_000.0, 0.0, 0.0),
        with_customers(2, 5_000.0, 40_000.0, 5.0),
        with_customers(3, 10_000.0, 20_000.0, 2.0),
    ];
    let kpis = kpis_of(&channels);
    assert_eq!(rank(&kpis, Metric::Cac), [1, 2, 0]);
    assert_eq!(
        Metric::Cac.standing(&kpis[0]),
        Some(Standing::NothingFor { spend: 20_000.0 })
    );
    assert_eq!(
        Metric::Cac.standing(&kpis[1]),
        Some(Standing::Value(1_000.0))
    );
    // Its ROI is a figure: (0 − 20,000) ÷ 20,000 = −1, i.e. −100 %, the worst by ROI too.
    assert_value(kpis[0].roi, -1.0);
    // ROI: Paid social (40,000 − 5,000) ÷ 5,000 = 7; Email (20,000 − 10,000) ÷ 10,000 = 1.
    assert_eq!(rank(&kpis, Metric::Roi), [1, 2, 0]);
}

#[test]
fn of_channels_that_won_nothing_the_larger_spend_ranks_worse() {
    // By cost per lead (stage 1): 3,000 for 0 leads, 1,000 for 0 leads, 1,000 for 10 (100
    // each). No spend at all, or 0 spend for 0 leads, or no leads typed: not ranked.
    let channels = [
        channel(1, Some(3_000.0), None, &[None, Some(0.0)]),
        channel(2, Some(1_000.0), None, &[None, Some(0.0)]),
        channel(3, Some(1_000.0), None, &[None, Some(10.0)]),
        channel(4, None, None, &[None, Some(0.0)]),
        channel(5, Some(0.0), None, &[None, Some(0.0)]),
        channel(6, Some(500.0), None, &[None, None]),
    ];
    let kpis = kpis_of(&channels);
    assert_eq!(rank(&kpis, Metric::StageCost(1)), [2, 1, 0]);
    for unranked in &kpis[3..] {
        assert_eq!(Metric::StageCost(1).standing(unranked), None);
    }
    // Two that spent the same for nothing are level: no move between them.
    let level = [
        channel(1, Some(1_000.0), None, &[None, Some(0.0)]),
        channel(2, Some(1_000.0), None, &[None, Some(0.0)]),
    ];
    let level_kpis = kpis_of(&level);
    let ranked = rank(&level_kpis, Metric::StageCost(1));
    assert_eq!(
        reallocate(
            &level,
            &level_kpis,
            Metric::StageCost(1),
            &ranked,
            Some(Share::from_fraction(0.2))
        ),
        Err(NoReallocation::AllEqual)
    );
}

#[test]
fn spend_that_won_nothing_moves_to_the_best_channel() {
    // The three channels by CAC: Paid social best, Paid search (20,000 for 0) worst.
    // Moving 20 % of Paid search's 20,000 = 4,000 to Paid social at 5 customers per 5,000:
    //   customers 4,000 × (5 ÷ 5,000 − 0 ÷ 20,000) = 4,000 × 0.001 = +4 (and −0 from Paid search);
    //   revenue 4,000 × (40,000 ÷ 5,000 − 0 ÷ 20,000) = 4,000 × 8 = +32,000.
    let channels = [
        with_customers(1, 20_000.0, 0.0, 0.0),
        with_customers(2, 5_000.0, 40_000.0, 5.0),
        with_customers(3, 10_000.0, 20_000.0, 2.0),
    ];
    let kpis = kpis_of(&channels);
    let ranked = rank(&kpis, Metric::Cac);
    let moved = reallocate(
        &channels,
        &kpis,
        Metric::Cac,
        &ranked,
        Some(Share::from_fraction(0.2)),
    )
    .expect("a suggestion");
    assert_eq!((moved.from, moved.to), (0, 1));
    assert_close(moved.amount, 4_000.0);
    assert_value(moved.from_customers_per_spend, 0.0);
    assert_value(moved.to_customers_per_spend, 0.001);
    assert_value(moved.customers_change, 4.0);
    assert_value(moved.revenue_change, 32_000.0);
}

// ---------------------------------------------------------------------------------------------
// Reallocation

#[test]
fn reallocation_worked_example() {
    // Events spent 20,000 for 2 customers and 30,000 revenue (CAC 10,000); Email spent 5,000
    // for 5 customers and 40,000 revenue (CAC 1,000). Moving 20 % of Events' spend = 4,000 to
    // Email projects:
    //   customers: 4,000 × (5 ÷ 5,000 − 2 ÷ 20,000) = 4,000 × (0.001 − 0.0001) = +3.6;
    //   revenue:   4,000 × (40,000 ÷ 5,000 − 30,000 ÷ 20,000) = 4,000 × (8 − 1.5) = +26,000.
    let channels = [
        with_customers(1, 20_000.0, 30_000.0, 2.0),
        with_customers(2, 5_000.0, 40_000.0, 5.0),
    ];
    let kpis = kpis_of(&channels);
    let ranked = rank(&kpis, Metric::Cac);
    assert_eq!(ranked, [1, 0]);
    let moved = reallocate(
        &channels,
        &kpis,
        Metric::Cac,
        &ranked,
        Some(Share::from_fraction(0.2)),
    )
    .expect("a suggestion");
    assert_eq!((moved.from, moved.to), (0, 1));
    assert_close(moved.amount, 4_000.0);
    assert_value(moved.from_customers_per_spend, 0.0001);
    assert_value(moved.to_customers_per_spend, 0.001);
    assert_value(moved.from_revenue_per_spend, 1.5);
    assert_value(moved.to_revenue_per_spend, 8.0);
    assert_value(moved.customers_change, 3.6);
    assert_value(moved.revenue_change, 26_000.0);
}

#[test]
fn a_reallocation_can_project_a_loss() {
    // Ranked by CAC, Email (1,000) beats Events (10,000), but Events brings more revenue per
    // unit of spend (30,000 ÷ 20,000 = 1.5 against 2,000 ÷ 5,000 = 0.4): moving 4,000 projects
    // 4,000 × (0.4 − 1.5) = −4,400 revenue.
    let channels = [
        with_customers(1, 20_000.0, 30_000.0, 2.0),
        with_customers(2, 5_000.0, 2_000.0, 5.0),
    ];
    let kpis = kpis_of(&channels);
    let ranked = rank(&kpis, Metric::Cac);
    let moved = reallocate(
        &channels,
        &kpis,
        Metric::Cac,
        &ranked,
        Some(Share::from_fraction(0.2)),
    )
    .expect("a suggestion");
    assert_value(moved.revenue_change, -4_400.0);
    assert_value(moved.customers_change, 3.6);
}

#[test]
fn a_projection_names_what_it_lacks() {
    // Ranked by the cost per visit; neither channel has revenue, and the receiving one has no
    // customers typed.
    let channels = [
        channel(1, Some(4_000.0), None, &[Some(1_000.0), Some(2.0)]),
        channel(2, Some(1_000.0), None, &[Some(1_000.0), None]),
    ];
    let kpis = kpis_of(&channels);
    let ranked = rank(&kpis, Metric::StageCost(0));
    assert_eq!(ranked, [1, 0]);
    let moved = reallocate(
        &channels,
        &kpis,
        Metric::StageCost(0),
        &ranked,
        Some(Share::from_fraction(0.5)),
    )
    .expect("a suggestion");
    // 50 % of 4,000.
    assert_close(moved.amount, 2_000.0);
    assert_value(moved.from_customers_per_spend, 0.0005);
    assert_eq!(moved.to_customers_per_spend, Err(Missing(Input::Volume(1))));
    assert_eq!(moved.customers_change, Err(Missing(Input::Volume(1))));
    assert_eq!(moved.revenue_change, Err(Missing(Input::Revenue)));
}

#[test]
fn no_reallocation_says_why() {
    let channels = [
        with_customers(1, 20_000.0, 30_000.0, 2.0),
        with_customers(2, 5_000.0, 40_000.0, 5.0),
        with_customers(3, 10_000.0, 40_000.0, 10.0),
    ];
    let kpis = kpis_of(&channels);
    let reallocate_with = |ranked: &[usize], share: Option<f64>| {
        reallocate(
            &channels,
            &kpis,
            Metric::Cac,
            ranked,
            share.map(Share::from_fraction),
        )
    };
    // Nothing or one channel ranked.
    assert_eq!(
        reallocate_with(&[], Some(0.2)),
        Err(NoReallocation::TooFewRanked)
    );
    assert_eq!(
        reallocate_with(&[1], Some(0.2)),
        Err(NoReallocation::TooFewRanked)
    );
    // Email and the third channel both have a CAC of 1,000.
    assert_eq!(
        reallocate_with(&[1, 2], Some(0.2)),
        Err(NoReallocation::AllEqual)
    );
    // The share to move is empty or could not be read.
    assert_eq!(reallocate_with(&[1, 0], None), Err(NoReallocation::NoShare));
    // A ranking that puts a channel without spend last (as a caller might pass) moves nothing.
    let free = [
        with_customers(1, 0.0, 0.0, 2.0),
        with_customers(2, 5_000.0, 40_000.0, 5.0),
    ];
    let free_kpis = kpis_of(&free);
    assert_eq!(
        reallocate(
            &free,
            &free_kpis,
            Metric::Roi,
            &[1, 0],
            Some(Share::from_fraction(0.2))
        ),
        Err(NoReallocation::NothingToMove)
    );
}

// ---------------------------------------------------------------------------------------------
// Cheap leads

#[test]
fn the_lead_and_opportunity_stages_by_funnel_length() {
    // Two stages: leads and customers. Three or more: visits come first, leads second.
    assert_eq!(lead_stage(2), 0);
    assert_eq!(lead_stage(3), 1);
    assert_eq!(lead_stage(6), 1);
    // Opportunities are just above customers.
    assert_eq!(opportunity_stage(2), 0);
    assert_eq!(opportunity_stage(3), 1);
    assert_eq!(opportunity_stage(6), 4);
    assert_eq!(opportunity_stage(0), 0);
}

#[test]
fn cheap_leads_that_rarely_become_opportunities_are_flagged() {
    // In the example all channels together pay 27,000 ÷ (60 + 50 + 500) = 44.26 per lead and
    // 27,000 ÷ (5 + 4 + 10) = 1,421.05 per opportunity. Events pays 20,000 ÷ 500 = 40 per lead
    // (cheaper) but 20,000 ÷ 10 = 2,000 per opportunity (dearer): flagged. Email pays 20 and
    // 250 (cheaper at both); Paid search 100 per lead (dearer).
    let report = report_of(&example_with_channels());
    let flags: Vec<bool> = report
        .kpis
        .iter()
        .map(|kpis| has_cheap_leads(kpis, &report.all))
        .collect();
    assert_eq!(flags, [false, false, true]);
}

#[test]
fn leads_with_no_opportunities_at_all_are_flagged_too() {
    // Three stages: leads at 1, opportunities at 1 too: nothing between them, never flagged.
    let short = [
        channel(1, Some(100.0), None, &[Some(10.0), Some(10.0), Some(1.0)]),
        channel(2, Some(900.0), None, &[Some(10.0), Some(10.0), Some(1.0)]),
    ];
    let kpis = kpis_of(&short);
    let all = Kpis::of_all(&short, 3, &no_value());
    assert!(!has_cheap_leads(&kpis[0], &all));
    // Four stages (Visits, Leads, Opportunities, Customers): channel 1 pays 100 ÷ 10 = 10 per
    // lead against 1,000 ÷ 20 = 50 for all, and has 0 opportunities.
    let channels = [
        channel(1, Some(100.0), None, &[None, Some(10.0), Some(0.0), None]),
        channel(2, Some(900.0), None, &[None, Some(10.0), Some(5.0), None]),
    ];
    let kpis = kpis_of(&channels);
    let all = Kpis::of_all(&channels, 4, &no_value());
    assert!(has_cheap_leads(&kpis[0], &all));
    assert!(!has_cheap_leads(&kpis[1], &all));
    // Opportunities not typed: nothing to judge by.
    let unknown = [
        channel(1, Some(100.0), None, &[None, Some(10.0), None, None]),
        channel(2, Some(900.0), None, &[None, Some(10.0), Some(5.0), None]),
    ];
    let kpis = kpis_of(&unknown);
    let all = Kpis::of_all(&unknown, 4, &no_value());
    assert!(!has_cheap_leads(&kpis[0], &all));
}

// ---------------------------------------------------------------------------------------------
// The report

#[test]
fn the_report_of_the_example_end_to_end() {
    let report = report_of(&example_with_channels());
    assert_eq!(
        report.stage_names,
        [
            "Visits",
            "Leads",
            "MQLs",
            "SQLs",
            "Opportunities",
            "Customers"
        ]
    );
    assert!(report.inputs.errors.is_empty());
    // LTV 1,100,000 × 0.6 × 3 = 1,980,000; retention (230 − 50) ÷ 200 = 0.9.
    assert_value(report.value.lifetime_value, 1_980_000.0);
    assert_value(report.value.retention, 0.9);
    // CAC: Paid search 6,000 ÷ 2 = 3,000; Email 1,000 ÷ 1 = 1,000; Events 20,000 ÷ 2 = 10,000.
    let cacs: Vec<Figure> = report.kpis.iter().map(Kpis::cac).collect();
    assert_eq!(cacs, [Ok(3_000.0), Ok(1_000.0), Ok(10_000.0)]);
    // LTV:CAC of Email 1,980,000 ÷ 1,000 = 1,980; payback 1,000 ÷ 55,000 months.
    assert_value(report.kpis[EMAIL].ltv_to_cac, 1_980.0);
    assert_value(report.kpis[EMAIL].payback_months, 1_000.0 / 55_000.0);
    // ROI: (30,000 − 6,000) ÷ 6,000 = 4; (12,000 − 1,000) ÷ 1,000 = 11; 10,000 ÷ 20,000 = 0.5.
    assert_value(report.kpis[PAID_SEARCH].roi, 4.0);
    assert_value(report.kpis[EMAIL].roi, 11.0);
    assert_value(report.kpis[EVENTS].roi, 0.5);
    // All channels: CAC 27,000 ÷ 5 = 5,400; ROI (72,000 − 27,000) ÷ 27,000 = 1.666…;
    // win rate 5 customers ÷ 19 opportunities; cost per visit only Paid search's, 3.
    assert_value(report.all.cac(), 5_400.0);
    assert_value(report.all.roi, 45_000.0 / 27_000.0);
    assert_value(report.all.win_rate, 5.0 / 19.0);
    assert_value(report.all.cost_per_stage[0], 3.0);
    // The split and the budget, as in their own examples: 18,750 + 45,000 + 56,250 = 120,000
    // visits; 56,250 + 13,500 + 33,750 = 103,500 a year.
    let split = report.split.as_ref().expect("the plan is valid");
    assert_close(*split.totals.first().expect("visits"), 120_000.0);
    assert_close(
        report.needs.as_ref().expect("valid").needed_per_year,
        103_500.0,
    );
    // Ranked by CAC: Email, Paid search, Events. 20 % of Events' 20,000 = 4,000 moves to Email:
    //   customers 4,000 × (1 ÷ 1,000 − 2 ÷ 20,000) = 4,000 × 0.0009 = +3.6;
    //   revenue 4,000 × (12,000 ÷ 1,000 − 30,000 ÷ 20,000) = 4,000 × 10.5 = +42,000.
    assert_eq!(report.metric, Metric::Cac);
    assert_eq!(report.ranked, [EMAIL, PAID_SEARCH, EVENTS]);
    let moved = report.reallocation.as_ref().expect("a suggestion");
    assert_eq!((moved.from, moved.to), (EVENTS, EMAIL));
    assert_close(moved.amount, 4_000.0);
    assert_value(moved.customers_change, 3.6);
    assert_value(moved.revenue_change, 42_000.0);
}

#[test]
fn the_report_ranks_by_the_chosen_kpi() {
    // By cost per lead (stage 2 = Leads): Paid search 6,000 ÷ 60 = 100, Email 1,000 ÷ 50 = 20,
    // Events 20,000 ÷ 500 = 40. 20 % of Paid search's 6,000 = 1,200 moves to Email:
    //   customers 1,200 × (1 ÷ 1,000 − 2 ÷ 6,000) = 1,200 × 0.000 666… = +0.8;
    //   revenue 1,200 × (12 − 5) = +8,400.
    let mut draft = example_with_channels();
    draft.marketing.rank_by = RankBy::StageCost(StageId(2));
    let report = report_of(&draft);
    assert_eq!(report.metric, Metric::StageCost(1));
    assert_eq!(report.ranked, [EMAIL, EVENTS, PAID_SEARCH]);
    let moved = report.reallocation.as_ref().expect("a suggestion");
    assert_eq!((moved.from, moved.to), (PAID_SEARCH, EMAIL));
    assert_close(moved.amount, 1_200.0);
    assert_value(moved.customers_change, 0.8);
    assert_value(moved.revenue_change, 8_400.0);

    // By ROI (11, 4, 0.5): the same move as by CAC.
    draft.marketing.rank_by = RankBy::Roi;
    let report = report_of(&draft);
    assert_eq!(report.metric, Metric::Roi);
    assert_eq!(report.ranked, [EMAIL, PAID_SEARCH, EVENTS]);
    assert_eq!(
        report
            .reallocation
            .as_ref()
            .map(|moved| (moved.from, moved.to)),
        Ok((EVENTS, EMAIL))
    );

    // By the cost of a stage that was removed since: by CAC.
    draft.marketing.rank_by = RankBy::StageCost(StageId(3));
    draft
        .remove_stage(StageId(3))
        .expect("six stages can lose one");
    assert_eq!(report_of(&draft).metric, Metric::Cac);
}

#[test]
fn the_report_of_a_plan_with_a_problem_keeps_the_kpis() {
    let mut draft = example_with_channels();
    draft.new_customers_goal = "nine".to_owned();
    let report = report_of(&draft);
    assert!(report.split.is_none());
    assert!(report.needs.is_none());
    // Without the plan's average revenue there is no LTV, so neither LTV:CAC nor payback.
    assert_eq!(
        report.value.lifetime_value,
        Err(Missing(Input::AverageRevenue))
    );
    assert_eq!(
        report.kpis[EMAIL].ltv_to_cac,
        Err(Missing(Input::LifetimeValue))
    );
    assert_eq!(
        report.kpis[EMAIL].payback_months,
        Err(Missing(Input::AverageRevenue))
    );
    // What needs only the channels is still there.
    assert_value(report.kpis[EMAIL].cac(), 1_000.0);
    assert_value(report.value.retention, 0.9);
    assert_eq!(report.ranked, [EMAIL, PAID_SEARCH, EVENTS]);
}

#[test]
fn the_report_of_a_plan_without_channels() {
    let report = report_of(&example());
    assert!(report.kpis.is_empty());
    assert!(report.ranked.is_empty());
    assert_eq!(report.reallocation, Err(NoReallocation::TooFewRanked));
    let split = report.split.as_ref().expect("the plan is valid");
    assert!(split.channels.is_empty());
    let needs = report.needs.as_ref().expect("the plan is valid");
    assert_eq!((needs.needed_per_year, needs.uncounted), (0.0, 0));
    assert_eq!(report.all.cac(), Err(Missing(Input::Spend)));
}

#[test]
fn the_report_passes_on_every_input_error() {
    let mut draft = example_with_channels();
    draft.marketing.budget = "lots".to_owned();
    channel_mut(&mut draft, EMAIL).share = "80".to_owned();
    channel_mut(&mut draft, PAID_SEARCH).share = "40".to_owned();
    draft.marketing.lifetime_kind = LifetimeKind::Churn;
    draft.marketing.churn = "0".to_owned();
    let report = report_of(&draft);
    assert_eq!(report.inputs.errors.len(), 3, "{:?}", report.inputs.errors);
    // Over-full shares still split as typed; Events gets nothing.
    let split = report.split.as_ref().expect("the plan is valid");
    assert_close(split.assigned.fraction(), 1.2);
    assert_eq!(report.value.lifetime_value, Err(Missing(Input::Lifetime)));
    assert_eq!(report.needs.as_ref().expect("valid").budget_per_year, None);
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Every KPI and budget figure a report shows.
fn figures(report: &Report) -> Vec<Figure> {
    let mut figures = vec![report.value.lifetime_value, report.value.retention];
    for kpis in report.kpis.iter().chain([&report.all]) {
        figures.extend(kpis.cost_per_stage.iter().copied());
        figures.extend([
            kpis.roi,
            kpis.roas,
            kpis.win_rate,
            kpis.ltv_to_cac,
            kpis.payback_months,
        ]);
    }
    if let Some(needs) = &report.needs {
        for channel in &needs.channels {
            figures.push(channel.needed_per_year);
            figures.push(channel.basis.map(|basis| basis.cost));
        }
    }
    if let Ok(moved) = &report.reallocation {
        figures.extend([
            Ok(moved.amount),
            moved.from_customers_per_spend,
            moved.to_customers_per_spend,
            moved.from_revenue_per_spend,
            moved.to_revenue_per_spend,
            moved.customers_change,
            moved.revenue_change,
        ]);
    }
    figures
}

/// Amounts and counts as people type them, now and then empty, negative, huge or not a number.
fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        4 => (0u32..100_000).prop_map(|n| n.to_string()),
        2 => (0.0f64..1e7).prop_map(|x| format!("{x:.2}")),
        1 => prop::sample::select(&[
            "0",
            "0.000001",
            "1,000,000,000,000,000",
            "-5",
            "abc",
            "1e9",
        ][..])
        .prop_map(str::to_owned),
    ]
}

/// Percents as people type them, now and then out of range or not a number.
fn percent_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        4 => (1u32..=100).prop_map(|n| n.to_string()),
        2 => (0.001f64..100.0).prop_map(|x| format!("{x:.3}")),
        1 => prop::sample::select(&["0", "100", "0.0001", "150", "-1", "abc"][..])
            .prop_map(str::to_owned),
    ]
}

/// A valid plan of 2–10 stages with random rates and goal, and a marketing side of 0–12
/// channels with numbers typed in most fields.
fn typed_plan() -> impl Strategy<Value = PlanDraft> {
    let stage_rates =
        prop::collection::vec((0.001f64..=100.0).prop_map(|x| format!("{x:.3}")), 2..=10);
    (
        stage_rates,
        any::<bool>(),
        1u32..1_000_000,
        1u32..10_000_000,
    )
        .prop_flat_map(|(rates, is_revenue, goal, average)| {
            let count = rates.len();
            let channel = (
                percent_text(),
                amount_text(),
                amount_text(),
                prop::collection::vec((amount_text(), percent_text()), count),
            );
            let marketing = (
                prop::collection::vec(channel, 0..=MAX_CHANNELS),
                (amount_text(), any::<bool>(), percent_text()),
                (amount_text(), amount_text(), amount_text()),
                (any::<bool>(), amount_text(), percent_text()),
                (0..=count + 2, percent_text()),
            );
            marketing.prop_map(move |marketing| {
                let (channels, budget, retention, lifetime, ranking) = marketing;
                let mut draft = example();
                draft.goal_kind = if is_revenue {
                    GoalKind::Revenue
                } else {
                    GoalKind::NewCustomers
                };
                draft.revenue_goal = goal.to_string();
                draft.new_customers_goal = goal.to_string();
                draft.average_revenue_per_customer = average.to_string();
                draft.stages = rates
                    .iter()
                    .enumerate()
                    .map(|(index, rate)| StageDraft {
                        id: StageId(index as u32 + 1),
                        name: format!("Stage {index}"),
                        rate_to_next: rate.clone(),
                    })
                    .collect();
                let marketing = &mut draft.marketing;
                for (share, spend, revenue, stages) in channels {
                    let Some(channel) = marketing
                        .add_channel("Channel")
                        .and_then(|id| marketing.channel_mut(id))
                    else {
                        break;
                    };
                    channel.share = share;
                    channel.spend = spend;
                    channel.revenue = revenue;
                    for (index, (volume, rate)) in stages.into_iter().enumerate() {
                        let entry = channel.stage_mut(StageId(index as u32 + 1));
                        entry.volume = volume;
                        entry.rate = rate;
                    }
                }
                (marketing.budget, marketing.gross_margin) = (budget.0, budget.2);
                marketing.budget_period = if budget.1 {
                    BudgetPeriod::Month
                } else {
                    BudgetPeriod::Year
                };
                marketing.customers_at_start = retention.0;
                marketing.customers_at_end = retention.1;
                marketing.customers_new = retention.2;
                marketing.lifetime_kind = if lifetime.0 {
                    LifetimeKind::Churn
                } else {
                    LifetimeKind::Years
                };
                marketing.lifetime_years = lifetime.1;
                marketing.churn = lifetime.2;
                marketing.rank_by = match ranking.0 {
                    0 => RankBy::Cac,
                    1 => RankBy::Roi,
                    stage => RankBy::StageCost(StageId(stage as u32 - 1)),
                };
                marketing.move_percent = ranking.1;
                draft
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever is typed, the report is made and every figure it shows is a finite number or
    /// says why there is none.
    #[test]
    fn any_draft_makes_a_report_of_finite_figures(draft in any_draft()) {
        let report = report_of(&draft);
        for value in figures(&report).into_iter().flatten() {
            prop_assert!(value.is_finite(), "{}", value);
        }
    }

    /// With numbers typed: every figure is finite, and the budget needed is finite and never
    /// negative. (That the channels' customers add up to the share of the goal the typed shares
    /// name is `whole_percent_shares_split_the_customers_they_name`, with the share worked out
    /// from the typed percents rather than read from the split.)
    #[test]
    fn typed_plans_split_and_budget_consistently(draft in typed_plan()) {
        let plan = draft.validate(EN).expect("the strategy makes valid plans");
        let report = Report::new(&draft, Some(&plan), EN);
        for value in figures(&report).into_iter().flatten() {
            prop_assert!(value.is_finite(), "{}", value);
        }
        let split = report.split.as_ref().expect("a valid plan is split");
        prop_assert_eq!(split.channels.len(), draft.marketing.channels.len());
        for (channel, inputs) in split.channels.iter().zip(&report.inputs.channels) {
            prop_assert!((0.0..=1.0).contains(&channel.share.fraction()), "{:?}", channel.share);
            // A channel's targets wait only for its own rates, or are too large to show.
            match &channel.targets {
                Ok(targets) => {
                    prop_assert!(!inputs.has_bad_rate);
                    prop_assert!(targets.stages.iter().all(|stage| stage.per_year.is_finite()
                        && stage.per_year >= 0.0));
                }
                Err(Missing(Input::ChannelRates)) => prop_assert!(inputs.has_bad_rate),
                Err(reason) => prop_assert_eq!(*reason, Unavailable::TooLarge),
            }
        }
        let needs = report.needs.as_ref().expect("a valid plan has needs");
        prop_assert!(needs.needed_per_year.is_finite() && needs.needed_per_year >= 0.0,
            "{}", needs.needed_per_year);
        for period in Period::ALL {
            prop_assert!(needs.needed(period).is_finite());
            if let Some(gap) = needs.gap(period) {
                prop_assert!(gap.is_finite());
            }
        }
        let counted = needs.channels.iter().filter(|channel| channel.needed_per_year.is_ok());
        prop_assert_eq!(counted.count() + needs.uncounted, needs.channels.len());
        for channel in &needs.channels {
            if let Ok(needed) = channel.needed_per_year {
                prop_assert!(needed >= 0.0, "{}", needed);
            }
        }
        // Every index ranked is a channel's, once.
        let mut ranked = report.ranked.clone();
        ranked.sort_unstable();
        ranked.dedup();
        prop_assert_eq!(ranked.len(), report.ranked.len());
        prop_assert!(ranked.iter().all(|index| *index < report.kpis.len()));
    }

    /// 1 to 12 channels, each with a whole-percent share or left empty, on a goal of G new
    /// customers: the channels' customers add up to G × the share the typed percents name, worked
    /// out from the percents alone. The typed percents add up to T. With a channel left empty
    /// the goal is split in full when T ≤ 100 (the empty ones share 100 − T) and T % of it when
    /// T > 100 (the empty ones get 0): max(T, 100) %. With every share typed, T % (no scaling:
    /// whole percents are never within rounding of 100 % without being exactly 100).
    /// E.g. 40 + empty + empty on 9 customers: max(40, 100) = 100 %, 9 customers; 70 + 50 +
    /// empty: 120 %, 10.8; 50 + 20 + 10: 80 %, 7.2.
    #[test]
    fn whole_percent_shares_split_the_customers_they_name(
        goal in 1u32..100_000,
        shares in prop::collection::vec(prop::option::of(0u32..=100), 1..=MAX_CHANNELS),
    ) {
        let typed: u32 = shares.iter().flatten().sum();
        let has_empty = shares.iter().any(Option::is_none);
        let percent = if has_empty { typed.max(100) } else { typed };
        let expected = f64::from(goal) * f64::from(percent) / 100.0;

        let mut draft = example();
        draft.goal_kind = GoalKind::NewCustomers;
        draft.new_customers_goal = goal.to_string();
        let marketing = &mut draft.marketing;
        *marketing = MarketingDraft::default();
        for share in &shares {
            let channel = marketing
                .add_channel("Channel")
                .and_then(|id| marketing.channel_mut(id))
                .expect("room for 12 channels");
            channel.share = share.map(|share| share.to_string()).unwrap_or_default();
        }
        let split = split_of(&draft);
        let customers = *split.totals.last().expect("the example's six stages");
        prop_assert!(
            close(customers, expected),
            "{} customers, expected {} ({} % of {})", customers, expected, percent, goal
        );
    }
}
