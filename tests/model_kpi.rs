//! The marketing KPIs, each against a worked example computed by hand, and every way a KPI can
//! be unavailable: a missing input, a division by zero or an impossible retention period gives
//! the reason, never NaN or infinity.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::assert_value;
use funnel_planner::model::kpi::{
    cac_payback_months, cost_per, finite, lifetime_value, ltv_to_cac, retention, roas, roi,
    win_rate, CustomerValue, Figure, Input, Kpis, Unavailable,
};
use funnel_planner::model::marketing::{ChannelInputs, Lifetime, MarketingDraft};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{ChannelId, Share, StageId};

use Unavailable::{KeptExceedStart, Missing, NewExceedEnd, TooLarge, Zero};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

/// The worked example's average revenue per new customer per year.
const AVERAGE: f64 = 1_100_000.0;

/// A channel's inputs with `volumes` for a funnel of as many stages.
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

/// Customer value with the worked example's average revenue, a 60 % margin and 3 years. Its LTV
/// is the figure worked by hand, not one computed by `lifetime_value` (tested on its own below),
/// so the KPIs built on it are checked against the hand calculation:
/// LTV = 1,100,000 × 0.6 × 3 = 660,000 × 3 = 1,980,000.
fn example_value() -> CustomerValue {
    CustomerValue {
        average_revenue: Some(AVERAGE),
        gross_margin: Some(0.6),
        lifetime: Some(Lifetime::Years(3.0)),
        lifetime_value: Ok(1_980_000.0),
        retention: Err(Missing(Input::CustomersAtStart)),
    }
}

/// Customer value with nothing known.
fn no_value() -> CustomerValue {
    CustomerValue {
        average_revenue: None,
        gross_margin: None,
        lifetime: None,
        lifetime_value: Err(Missing(Input::AverageRevenue)),
        retention: Err(Missing(Input::CustomersAtStart)),
    }
}

// ---------------------------------------------------------------------------------------------
// Cost per stage and CAC

#[test]
fn cost_per_stage_is_spend_over_volume() {
    // 12,000 spent for 300 leads: 12,000 ÷ 300 = 40 per lead.
    assert_value(cost_per(Some(12_000.0), Some(300.0), 1), 40.0);
    // 12,000 for 15,000 visits: 0.8 per visit.
    assert_value(cost_per(Some(12_000.0), Some(15_000.0), 0), 0.8);
    // CAC is the same formula at the bottom stage: 495,000 for 1 customer.
    assert_value(cost_per(Some(495_000.0), Some(1.0), 5), 495_000.0);
    // Nothing spent: the leads were free.
    assert_value(cost_per(Some(0.0), Some(300.0), 1), 0.0);
}

#[test]
fn cost_per_stage_says_which_input_is_missing_or_zero() {
    assert_eq!(cost_per(None, Some(300.0), 1), Err(Missing(Input::Spend)));
    assert_eq!(
        cost_per(Some(12_000.0), None, 1),
        Err(Missing(Input::Volume(1)))
    );
    // With both missing, spend is named first.
    assert_eq!(cost_per(None, None, 3), Err(Missing(Input::Spend)));
    // No leads: a cost per lead would be infinite.
    assert_eq!(
        cost_per(Some(12_000.0), Some(0.0), 2),
        Err(Zero(Input::Volume(2)))
    );
    assert_eq!(
        cost_per(Some(0.0), Some(0.0), 4),
        Err(Zero(Input::Volume(4)))
    );
    // A tiny but not zero volume overflows: too large, not infinity.
    assert_eq!(cost_per(Some(1e15), Some(1e-300), 0), Err(TooLarge));
}

#[test]
fn finite_refuses_nan_and_infinity() {
    assert_eq!(finite(1.5), Ok(1.5));
    assert_eq!(finite(-0.5), Ok(-0.5));
    assert_eq!(finite(f64::INFINITY), Err(TooLarge));
    assert_eq!(finite(f64::NEG_INFINITY), Err(TooLarge));
    assert_eq!(finite(f64::NAN), Err(TooLarge));
}

// ---------------------------------------------------------------------------------------------
// ROI and ROAS

#[test]
fn roi_is_profit_over_spend() {
    // (50,000 − 20,000) ÷ 20,000 = 1.5, i.e. 150 %.
    assert_value(roi(Some(50_000.0), Some(20_000.0)), 1.5);
    // A loss: (10,000 − 20,000) ÷ 20,000 = −0.5.
    assert_value(roi(Some(10_000.0), Some(20_000.0)), -0.5);
    // Break-even and no revenue at all.
    assert_value(roi(Some(20_000.0), Some(20_000.0)), 0.0);
    assert_value(roi(Some(0.0), Some(20_000.0)), -1.0);
}

#[test]
fn roi_is_unavailable_without_revenue_or_spend() {
    assert_eq!(roi(None, Some(20_000.0)), Err(Missing(Input::Revenue)));
    assert_eq!(roi(Some(50_000.0), None), Err(Missing(Input::Spend)));
    assert_eq!(roi(None, None), Err(Missing(Input::Revenue)));
    assert_eq!(roi(Some(50_000.0), Some(0.0)), Err(Zero(Input::Spend)));
    assert_eq!(roi(Some(0.0), Some(0.0)), Err(Zero(Input::Spend)));
}

#[test]
fn roas_is_revenue_over_spend() {
    // 50,000 ÷ 20,000 = 2.5 (2.5 : 1).
    assert_value(roas(Some(50_000.0), Some(20_000.0)), 2.5);
    assert_value(roas(Some(0.0), Some(20_000.0)), 0.0);
    assert_eq!(roas(None, Some(20_000.0)), Err(Missing(Input::Revenue)));
    assert_eq!(roas(Some(50_000.0), None), Err(Missing(Input::Spend)));
    assert_eq!(roas(Some(50_000.0), Some(0.0)), Err(Zero(Input::Spend)));
}

// ---------------------------------------------------------------------------------------------
// Win rate

#[test]
fn win_rate_is_customers_over_opportunities() {
    // 4 customers from 10 opportunities: 0.4, i.e. 40 %.
    assert_value(win_rate(Some(4.0), Some(10.0), 4), 0.4);
    assert_value(win_rate(Some(0.0), Some(10.0), 4), 0.0);
    // The inputs are named by stage: opportunities at 4, customers just below at 5.
    assert_eq!(
        win_rate(None, Some(10.0), 4),
        Err(Missing(Input::Volume(5)))
    );
    assert_eq!(win_rate(Some(4.0), None, 4), Err(Missing(Input::Volume(4))));
    assert_eq!(
        win_rate(Some(0.0), Some(0.0), 1),
        Err(Zero(Input::Volume(1)))
    );
}

#[test]
fn more_customers_than_opportunities_is_no_win_rate() {
    // 5 customers from 2 opportunities would be 250 %: a typing mistake, not a figure. The
    // reason names the stage that has too many (customers, stage 5, below opportunities at 4).
    assert_eq!(
        win_rate(Some(5.0), Some(2.0), 4),
        Err(Unavailable::MoreThanStageAbove(5))
    );
    assert_eq!(
        win_rate(Some(4.0), Some(0.0), 1),
        Err(Unavailable::MoreThanStageAbove(2))
    );
    // As many customers as opportunities: 100 %.
    assert_value(win_rate(Some(2.0), Some(2.0), 4), 1.0);
}

// ---------------------------------------------------------------------------------------------
// Retention

#[test]
fn retention_is_customers_kept_over_customers_at_start() {
    // 200 at the start, 230 at the end, 50 new: (230 − 50) ÷ 200 = 0.9, i.e. 90 %.
    assert_value(retention(Some(200.0), Some(230.0), Some(50.0)), 0.9);
    // Everyone kept: (250 − 50) ÷ 200 = 1.
    assert_value(retention(Some(200.0), Some(250.0), Some(50.0)), 1.0);
    // Everyone lost, no one new: (0 − 0) ÷ 200 = 0.
    assert_value(retention(Some(200.0), Some(0.0), Some(0.0)), 0.0);
    // Only new customers at the end: (50 − 50) ÷ 200 = 0.
    assert_value(retention(Some(200.0), Some(50.0), Some(50.0)), 0.0);
}

#[test]
fn retention_names_the_missing_count_in_form_order() {
    assert_eq!(
        retention(None, Some(230.0), Some(50.0)),
        Err(Missing(Input::CustomersAtStart))
    );
    assert_eq!(
        retention(Some(200.0), None, Some(50.0)),
        Err(Missing(Input::CustomersAtEnd))
    );
    assert_eq!(
        retention(Some(200.0), Some(230.0), None),
        Err(Missing(Input::CustomersNew))
    );
    assert_eq!(
        retention(None, None, None),
        Err(Missing(Input::CustomersAtStart))
    );
}

#[test]
fn impossible_retention_periods_are_named() {
    // 60 new but only 40 at the end: 40 − 60 would be a negative number kept.
    assert_eq!(
        retention(Some(200.0), Some(40.0), Some(60.0)),
        Err(NewExceedEnd)
    );
    // 250 − 50 = 200 kept from only 100 at the start.
    assert_eq!(
        retention(Some(100.0), Some(250.0), Some(50.0)),
        Err(KeptExceedStart)
    );
    // No customers at the start: nothing to retain.
    assert_eq!(
        retention(Some(0.0), Some(50.0), Some(50.0)),
        Err(Zero(Input::CustomersAtStart))
    );
    assert_eq!(
        retention(Some(0.0), Some(50.0), Some(10.0)),
        Err(Zero(Input::CustomersAtStart))
    );
    // More new than at the end is named before a zero start.
    assert_eq!(
        retention(Some(0.0), Some(10.0), Some(20.0)),
        Err(NewExceedEnd)
    );
}

// ---------------------------------------------------------------------------------------------
// Lifetime value, LTV:CAC and payback

#[test]
fn lifetime_value_from_years_or_churn() {
    // 1,100,000 a year × 60 % margin × 3 years = 1,980,000.
    assert_value(
        lifetime_value(Some(AVERAGE), Some(0.6), Some(Lifetime::Years(3.0))),
        1_980_000.0,
    );
    // 25 % churn a year is a lifetime of 1 ÷ 0.25 = 4 years: 1,100,000 × 0.6 × 4 = 2,640,000.
    assert_value(
        lifetime_value(
            Some(AVERAGE),
            Some(0.6),
            Some(Lifetime::Churn {
                churn: Share::from_fraction(0.25),
            }),
        ),
        2_640_000.0,
    );
    // Half a year at a 100 % margin: 550,000. No margin: worth nothing.
    assert_value(
        lifetime_value(Some(AVERAGE), Some(1.0), Some(Lifetime::Years(0.5))),
        550_000.0,
    );
    assert_value(
        lifetime_value(Some(AVERAGE), Some(0.0), Some(Lifetime::Years(3.0))),
        0.0,
    );
}

#[test]
fn lifetime_in_years() {
    assert_eq!(Lifetime::Years(3.0).years(), 3.0);
    assert_eq!(
        Lifetime::Churn {
            churn: Share::from_fraction(0.25)
        }
        .years(),
        4.0
    );
    // Everyone leaves within the year: a lifetime of 1 year.
    assert_eq!(
        Lifetime::Churn {
            churn: Share::from_fraction(1.0)
        }
        .years(),
        1.0
    );
}

#[test]
fn lifetime_value_names_its_missing_input() {
    let years = Some(Lifetime::Years(3.0));
    assert_eq!(
        lifetime_value(None, Some(0.6), years),
        Err(Missing(Input::AverageRevenue))
    );
    assert_eq!(
        lifetime_value(Some(AVERAGE), None, years),
        Err(Missing(Input::GrossMargin))
    );
    assert_eq!(
        lifetime_value(Some(AVERAGE), Some(0.6), None),
        Err(Missing(Input::Lifetime))
    );
    assert_eq!(
        lifetime_value(None, None, None),
        Err(Missing(Input::AverageRevenue))
    );
}

#[test]
fn ltv_to_cac_is_a_multiple() {
    // 1,980,000 ÷ 495,000 = 4 (4 : 1).
    assert_value(ltv_to_cac(Ok(1_980_000.0), Ok(495_000.0)), 4.0);
    // An LTV below what a customer costs: 1,000 ÷ 4,000 = 0.25.
    assert_value(ltv_to_cac(Ok(1_000.0), Ok(4_000.0)), 0.25);
}

#[test]
fn ltv_to_cac_is_unavailable_while_either_side_is() {
    // Whatever made LTV or CAC unavailable, this KPI says which of the two it lacks.
    assert_eq!(
        ltv_to_cac(Err(Missing(Input::GrossMargin)), Ok(495_000.0)),
        Err(Missing(Input::LifetimeValue))
    );
    assert_eq!(
        ltv_to_cac(Err(TooLarge), Ok(495_000.0)),
        Err(Missing(Input::LifetimeValue))
    );
    assert_eq!(
        ltv_to_cac(Ok(1_980_000.0), Err(Zero(Input::Volume(5)))),
        Err(Missing(Input::Cac))
    );
    // A CAC of 0 (customers won for free) has no finite multiple.
    assert_eq!(ltv_to_cac(Ok(1_980_000.0), Ok(0.0)), Err(Zero(Input::Cac)));
}

#[test]
fn payback_is_cac_over_monthly_gross_profit() {
    // 1,100,000 a year ÷ 12 × 60 % = 55,000 gross profit a month; 495,000 ÷ 55,000 = 9 months.
    assert_value(
        cac_payback_months(Ok(495_000.0), Some(AVERAGE), Some(0.6)),
        9.0,
    );
    // 1,200,000 ÷ 12 × 100 % = 100,000 a month; 50,000 ÷ 100,000 = half a month.
    assert_value(
        cac_payback_months(Ok(50_000.0), Some(1_200_000.0), Some(1.0)),
        0.5,
    );
    // Free customers pay back at once.
    assert_value(cac_payback_months(Ok(0.0), Some(AVERAGE), Some(0.6)), 0.0);
}

#[test]
fn payback_names_its_missing_or_zero_input() {
    assert_eq!(
        cac_payback_months(Err(Missing(Input::Spend)), Some(AVERAGE), Some(0.6)),
        Err(Missing(Input::Cac))
    );
    assert_eq!(
        cac_payback_months(Ok(495_000.0), None, Some(0.6)),
        Err(Missing(Input::AverageRevenue))
    );
    assert_eq!(
        cac_payback_months(Ok(495_000.0), Some(AVERAGE), None),
        Err(Missing(Input::GrossMargin))
    );
    assert_eq!(
        cac_payback_months(Ok(495_000.0), Some(0.0), Some(0.6)),
        Err(Zero(Input::AverageRevenue))
    );
    // No margin: the customer never pays back.
    assert_eq!(
        cac_payback_months(Ok(495_000.0), Some(AVERAGE), Some(0.0)),
        Err(Zero(Input::GrossMargin))
    );
}

// ---------------------------------------------------------------------------------------------
// Customer value from what was typed

#[test]
fn customer_value_reads_the_marketing_side() {
    let stages = [StageId(1), StageId(2)];
    let draft = MarketingDraft {
        gross_margin: "60".to_owned(),
        lifetime_years: "3".to_owned(),
        customers_at_start: "200".to_owned(),
        customers_at_end: "230".to_owned(),
        customers_new: "50".to_owned(),
        ..MarketingDraft::default()
    };
    let inputs = draft.check(&stages, EN);
    let value = CustomerValue::new(&inputs, Some(AVERAGE));
    assert_eq!(value.average_revenue, Some(AVERAGE));
    assert_eq!(value.gross_margin, Some(0.6));
    assert_eq!(value.lifetime, Some(Lifetime::Years(3.0)));
    // 1,100,000 × 0.6 × 3 = 1,980,000; (230 − 50) ÷ 200 = 0.9.
    assert_value(value.lifetime_value, 1_980_000.0);
    assert_value(value.retention, 0.9);

    // While the plan has a problem there is no average revenue, so no LTV; retention does not
    // need the plan.
    let value = CustomerValue::new(&inputs, None);
    assert_eq!(value.lifetime_value, Err(Missing(Input::AverageRevenue)));
    assert_value(value.retention, 0.9);

    // Nothing typed: each names its first missing input.
    let inputs = MarketingDraft::default().check(&stages, EN);
    let value = CustomerValue::new(&inputs, Some(AVERAGE));
    assert_eq!(value.lifetime_value, Err(Missing(Input::GrossMargin)));
    assert_eq!(value.retention, Err(Missing(Input::CustomersAtStart)));
}

// ---------------------------------------------------------------------------------------------
// The KPIs of a channel and of all channels

#[test]
fn kpis_from_what_each_divides() {
    // Three stages (Visits, Leads, Customers) all bought with the same 12,000:
    //   cost per visit 12,000 ÷ 3,000 = 4, per lead 12,000 ÷ 300 = 40, CAC 12,000 ÷ 6 = 2,000;
    //   ROI (30,000 − 12,000) ÷ 12,000 = 1.5, ROAS 30,000 ÷ 12,000 = 2.5;
    //   win rate 6 customers ÷ 300 leads (the stage above) = 0.02;
    //   LTV:CAC 1,980,000 ÷ 2,000 = 990; payback 2,000 ÷ 55,000 = 0.036 36… months.
    let spend = Some(12_000.0);
    let kpis = Kpis::new(
        vec![
            (spend, Some(3_000.0)),
            (spend, Some(300.0)),
            (spend, Some(6.0)),
        ],
        (Some(30_000.0), spend),
        (Some(6.0), Some(300.0)),
        &example_value(),
    );
    assert_eq!(kpis.cost_per_stage.len(), 3);
    assert_value(kpis.cost_per_stage[0], 4.0);
    assert_value(kpis.cost_per_stage[1], 40.0);
    assert_value(kpis.cost_per_stage[2], 2_000.0);
    assert_value(kpis.cac(), 2_000.0);
    assert_value(kpis.roi, 1.5);
    assert_value(kpis.roas, 2.5);
    assert_value(kpis.win_rate, 0.02);
    assert_value(kpis.ltv_to_cac, 990.0);
    assert_value(kpis.payback_months, 2_000.0 / 55_000.0);
    // What each KPI divides is kept, so the page can show the calculation.
    assert_eq!(kpis.revenue, Some(30_000.0));
    assert_eq!(kpis.revenue_spend, spend);
    assert_eq!(kpis.won, Some(6.0));
    assert_eq!(kpis.opportunities, Some(300.0));
    assert_eq!(kpis.cost_inputs[1], (spend, Some(300.0)));
}

#[test]
fn kpis_of_a_funnel_too_short_for_some_of_them() {
    // One stage: its cost is the CAC, and there is no stage above customers for a win rate.
    let kpis = Kpis::new(
        vec![(Some(1_000.0), Some(4.0))],
        (None, None),
        (None, None),
        &no_value(),
    );
    assert_value(kpis.cac(), 250.0);
    assert_eq!(kpis.win_rate, Err(Missing(Input::Volume(0))));
    assert_eq!(kpis.roi, Err(Missing(Input::Revenue)));
    assert_eq!(kpis.ltv_to_cac, Err(Missing(Input::LifetimeValue)));
    assert_eq!(kpis.payback_months, Err(Missing(Input::AverageRevenue)));
    // No stages at all.
    let kpis = Kpis::new(Vec::new(), (None, None), (None, None), &no_value());
    assert!(kpis.cost_per_stage.is_empty());
    assert_eq!(kpis.cac(), Err(Missing(Input::Volume(0))));
    assert_eq!(kpis.win_rate, Err(Missing(Input::Volume(0))));
    assert_eq!(kpis.ltv_to_cac, Err(Missing(Input::LifetimeValue)));
    assert_eq!(kpis.payback_months, Err(Missing(Input::Cac)));
}

#[test]
fn a_channels_kpis_use_its_spend_at_every_stage() {
    // Paid search in a six-stage funnel spent 6,000 for 2,000 visits, 100 leads, 5
    // opportunities and 2 customers, and brought 30,000 revenue; MQLs and SQLs are not known:
    //   cost per visit 6,000 ÷ 2,000 = 3, per lead 60, per opportunity 1,200, CAC 3,000;
    //   ROI (30,000 − 6,000) ÷ 6,000 = 4, ROAS 5; win rate 2 ÷ 5 = 0.4;
    //   LTV:CAC 1,980,000 ÷ 3,000 = 660; payback 3,000 ÷ 55,000 months.
    let paid_search = channel(
        1,
        Some(6_000.0),
        Some(30_000.0),
        &[Some(2_000.0), Some(100.0), None, None, Some(5.0), Some(2.0)],
    );
    let kpis = Kpis::of_channel(&paid_search, &example_value());
    let costs = &kpis.cost_per_stage;
    assert_value(costs[0], 3.0);
    assert_value(costs[1], 60.0);
    assert_eq!(costs[2], Err(Missing(Input::Volume(2))));
    assert_eq!(costs[3], Err(Missing(Input::Volume(3))));
    assert_value(costs[4], 1_200.0);
    assert_value(kpis.cac(), 3_000.0);
    assert_value(kpis.roi, 4.0);
    assert_value(kpis.roas, 5.0);
    assert_value(kpis.win_rate, 0.4);
    assert_value(kpis.ltv_to_cac, 660.0);
    assert_value(kpis.payback_months, 3_000.0 / 55_000.0);
}

#[test]
fn a_channel_with_nothing_typed_has_every_kpi_unavailable() {
    let empty = channel(1, None, None, &[None; 6]);
    let kpis = Kpis::of_channel(&empty, &example_value());
    assert!(kpis
        .cost_per_stage
        .iter()
        .all(|cost| *cost == Err(Missing(Input::Spend))));
    assert_eq!(kpis.roi, Err(Missing(Input::Revenue)));
    assert_eq!(kpis.roas, Err(Missing(Input::Revenue)));
    assert_eq!(kpis.win_rate, Err(Missing(Input::Volume(5))));
    assert_eq!(kpis.ltv_to_cac, Err(Missing(Input::Cac)));
    assert_eq!(kpis.payback_months, Err(Missing(Input::Cac)));

    // Spend but no customers won: CAC divides by 0.
    let no_customers = channel(2, Some(5_000.0), Some(0.0), &[Some(10.0), Some(0.0)]);
    let kpis = Kpis::of_channel(&no_customers, &example_value());
    assert_eq!(kpis.cac(), Err(Zero(Input::Volume(1))));
    assert_value(kpis.roi, -1.0);
    assert_value(kpis.win_rate, 0.0);
    assert_eq!(kpis.ltv_to_cac, Err(Missing(Input::Cac)));
}

#[test]
fn all_channels_add_up_only_the_channels_that_have_both_figures() {
    // Three channels in a three-stage funnel (Visits, Leads, Customers):
    //   A spent 6,000 for 2,000 visits, 100 leads, 2 customers; revenue 30,000.
    //   B spent 4,000 for 60 leads and 1 customer (visits unknown); revenue unknown.
    //   C spent an unknown amount for 1,000 visits, 20 leads; revenue 5,000.
    let channels = [
        channel(
            1,
            Some(6_000.0),
            Some(30_000.0),
            &[Some(2_000.0), Some(100.0), Some(2.0)],
        ),
        channel(2, Some(4_000.0), None, &[None, Some(60.0), Some(1.0)]),
        channel(3, None, Some(5_000.0), &[Some(1_000.0), Some(20.0), None]),
    ];
    let all = Kpis::of_all(&channels, 3, &example_value());
    // Visits: only A has both spend and visits: 6,000 ÷ 2,000 = 3 (B's spend bought no counted
    // visits, C's visits have no known spend).
    assert_eq!(all.cost_inputs[0], (Some(6_000.0), Some(2_000.0)));
    assert_value(all.cost_per_stage[0], 3.0);
    // Leads: A and B: (6,000 + 4,000) ÷ (100 + 60) = 10,000 ÷ 160 = 62.5.
    assert_eq!(all.cost_inputs[1], (Some(10_000.0), Some(160.0)));
    assert_value(all.cost_per_stage[1], 62.5);
    // Customers: A and B: 10,000 ÷ 3 = 3,333.33…
    assert_value(all.cac(), 10_000.0 / 3.0);
    // ROI and ROAS: only A has both revenue and spend: (30,000 − 6,000) ÷ 6,000 = 4; 5.
    assert_eq!(all.revenue, Some(30_000.0));
    assert_eq!(all.revenue_spend, Some(6_000.0));
    assert_value(all.roi, 4.0);
    assert_value(all.roas, 5.0);
    // Win rate: customers ÷ leads of A and B (C has no customers): (2 + 1) ÷ (100 + 60).
    assert_eq!((all.won, all.opportunities), (Some(3.0), Some(160.0)));
    assert_value(all.win_rate, 3.0 / 160.0);
    // LTV:CAC 1,980,000 ÷ 3,333.33… = 594.
    assert_value(all.ltv_to_cac, 594.0);
}

#[test]
fn all_channels_say_what_nobody_typed() {
    let value = example_value();
    // No channels at all.
    let all = Kpis::of_all(&[], 3, &value);
    assert_eq!(all.cost_inputs, vec![(None, None); 3]);
    assert!(all
        .cost_per_stage
        .iter()
        .all(|cost| *cost == Err(Missing(Input::Spend))));
    assert_eq!(all.roi, Err(Missing(Input::Revenue)));
    assert_eq!(all.roas, Err(Missing(Input::Revenue)));
    assert_eq!(all.win_rate, Err(Missing(Input::Volume(2))));

    // Spend typed everywhere, volumes nowhere: the total spend is kept and the volume is named.
    let spend_only = [
        channel(1, Some(1_000.0), None, &[None, None, None]),
        channel(2, Some(500.0), None, &[None, None, None]),
    ];
    let all = Kpis::of_all(&spend_only, 3, &value);
    assert_eq!(all.cost_inputs[1], (Some(1_500.0), None));
    assert_eq!(all.cost_per_stage[1], Err(Missing(Input::Volume(1))));
    // No revenue anywhere: ROI keeps the spend and names the revenue.
    assert_eq!((all.revenue, all.revenue_spend), (None, Some(1_500.0)));
    assert_eq!(all.roi, Err(Missing(Input::Revenue)));

    // Volumes typed, spend nowhere: the spend is named.
    let volumes_only = [channel(
        1,
        None,
        Some(9_000.0),
        &[Some(10.0), Some(5.0), None],
    )];
    let all = Kpis::of_all(&volumes_only, 3, &value);
    assert_eq!(all.cost_inputs[0], (None, Some(10.0)));
    assert_eq!(all.cost_per_stage[0], Err(Missing(Input::Spend)));
    assert_eq!((all.revenue, all.revenue_spend), (Some(9_000.0), None));
    assert_eq!(all.roi, Err(Missing(Input::Spend)));
    // Customers unknown, 5 opportunities: the customers are named.
    assert_eq!(all.win_rate, Err(Missing(Input::Volume(2))));
}

#[test]
fn every_kpi_of_extreme_inputs_is_finite_or_unavailable() {
    let huge = 1e15;
    let tiny = 1e-300;
    let channels = [
        channel(
            1,
            Some(huge),
            Some(huge),
            &[Some(tiny), Some(huge), Some(tiny)],
        ),
        channel(
            2,
            Some(tiny),
            Some(huge),
            &[Some(huge), Some(tiny), Some(huge)],
        ),
    ];
    // LTV = 1e15 × 1 × (1 ÷ 1e-300 years) = 1e315, beyond the largest f64 (about 1.8e308): too
    // large. Retention: (1e15 − 0) kept of 1e-300 at the start is more kept than there were.
    assert_eq!(
        lifetime_value(
            Some(huge),
            Some(1.0),
            Some(Lifetime::Churn {
                churn: Share::from_fraction(tiny)
            })
        ),
        Err(TooLarge)
    );
    assert_eq!(
        retention(Some(tiny), Some(huge), Some(0.0)),
        Err(KeptExceedStart)
    );
    let value = CustomerValue {
        average_revenue: Some(huge),
        gross_margin: Some(1.0),
        lifetime: Some(Lifetime::Churn {
            churn: Share::from_fraction(tiny),
        }),
        lifetime_value: Err(TooLarge),
        retention: Err(KeptExceedStart),
    };
    let mut figures: Vec<Figure> = vec![value.lifetime_value, value.retention];
    for kpis in channels
        .iter()
        .map(|channel| Kpis::of_channel(channel, &value))
        .chain([Kpis::of_all(&channels, 3, &value)])
    {
        figures.extend(kpis.cost_per_stage.iter().copied());
        figures.extend([
            kpis.roi,
            kpis.roas,
            kpis.win_rate,
            kpis.ltv_to_cac,
            kpis.payback_months,
        ]);
    }
    for value in figures.iter().flatten() {
        assert!(value.is_finite(), "{value}");
    }
}
