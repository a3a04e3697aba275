//! Last year's review against a worked example computed by hand: 80,000 visits, 1,280 leads,
//! 320 MQLs, 96 SQLs, 48 opportunities and 12 new customers, 240,000 spent and 13,200,000 from
//! the new customers (the source article's figures of 1.1 million per customer).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{assert_value, close};
use funnel_planner::model::annual::last_year::{stretches, LastYear, Stretch, STRETCH_MULTIPLE};
use funnel_planner::model::kpi::{Input, Unavailable};
use funnel_planner::model::{Funnel, Rate};

fn worked() -> LastYear {
    LastYear {
        stage_totals: [80_000.0, 1_280.0, 320.0, 96.0, 48.0, 12.0]
            .into_iter()
            .map(Some)
            .collect(),
        spend: Some(240_000.0),
        revenue: Some(20_000_000.0),
        new_customer_revenue: Some(13_200_000.0),
    }
}

fn funnel(percents: &[f64]) -> Funnel {
    let names = [
        "Visits",
        "Leads",
        "MQLs",
        "SQLs",
        "Opportunities",
        "Customers",
    ];
    Funnel::new(
        names
            .iter()
            .enumerate()
            .map(|(index, name)| {
                let rate = percents
                    .get(index)
                    .map(|percent| Rate::from_percent(*percent).unwrap());
                ((*name).to_owned(), rate)
            })
            .collect(),
    )
    .unwrap()
}

#[test]
fn last_years_rates_are_each_stage_over_the_one_above() {
    let rates = worked().rates();
    assert_eq!(rates.len(), 5);
    // 1,280 / 80,000; 320 / 1,280; 96 / 320; 48 / 96; 12 / 48.
    for (rate, expected) in rates.into_iter().zip([0.016, 0.25, 0.3, 0.5, 0.25]) {
        assert_value(rate, expected);
    }
}

#[test]
fn cost_per_stage_cac_and_revenue_per_customer() {
    let year = worked();
    // 240,000 / 80,000 visits; / 1,280 leads; / 320 MQLs; / 96 SQLs; / 48 opportunities.
    for (stage, expected) in [3.0, 187.5, 750.0, 2_500.0, 5_000.0]
        .into_iter()
        .enumerate()
    {
        assert_value(year.cost_per_stage(stage), expected);
    }
    // 240,000 / 12 new customers.
    assert_value(year.cac(), 20_000.0);
    assert_value(year.cost_per_stage(5), 20_000.0);
    // 13,200,000 / 12.
    assert_value(year.revenue_per_customer(), 1_100_000.0);
    assert_eq!(year.new_customers(), Some(12.0));
}

#[test]
fn a_missing_or_impossible_figure_says_why() {
    let mut year = worked();
    year.stage_totals[2] = None;
    year.stage_totals[4] = Some(0.0);
    year.spend = None;
    year.new_customer_revenue = None;
    let rates = year.rates();
    assert_eq!(rates[1], Err(Unavailable::Missing(Input::Volume(2))));
    assert_eq!(rates[2], Err(Unavailable::Missing(Input::Volume(2))));
    // 12 customers from 0 opportunities.
    assert_eq!(rates[4], Err(Unavailable::MoreThanStageAbove(5)));
    assert_eq!(year.cac(), Err(Unavailable::Missing(Input::Spend)));
    assert_eq!(
        year.revenue_per_customer(),
        Err(Unavailable::Missing(Input::Revenue))
    );

    year.stage_totals[4] = Some(0.0);
    year.stage_totals[5] = Some(0.0);
    assert_eq!(year.rate(4), Err(Unavailable::Zero(Input::Volume(4))));
    year.new_customer_revenue = Some(1_000.0);
    assert_eq!(
        year.revenue_per_customer(),
        Err(Unavailable::Zero(Input::Volume(5)))
    );
    let empty = LastYear::default();
    assert!(empty.rates().is_empty());
    assert_eq!(empty.new_customers(), None);
    assert_eq!(empty.cac(), Err(Unavailable::Missing(Input::Spend)));
}

#[test]
fn last_years_rates_are_offered_as_percents_to_type() {
    let mut year = worked();
    year.stage_totals[3] = None;
    let percents = year.rates_as_percents();
    assert_eq!(percents.len(), 5);
    assert!(close(percents[0].unwrap(), 1.6));
    assert!(close(percents[1].unwrap(), 25.0));
    assert_eq!(percents[2], None, "SQLs not typed");
    assert_eq!(percents[3], None);
    assert!(close(percents[4].unwrap(), 25.0));
    assert!(!year.are_rates_rounded());
    // A rate of 0 % is not a rate a plan can use.
    year.stage_totals[5] = Some(0.0);
    assert_eq!(year.rates_as_percents()[4], None);
}

#[test]
fn last_years_rates_are_typed_with_at_most_two_decimals() {
    // The marketer: 86 opportunities from 216 SQLs is 39.8148…%, typed as 39.81;
    // 21 customers from 86 opportunities is 24.4186…%, typed as 24.42; 2,400 leads from 120,000
    // visits is 2 % exactly.
    let year = LastYear {
        stage_totals: [120_000.0, 2_400.0, 720.0, 216.0, 86.0, 21.0]
            .map(Some)
            .to_vec(),
        ..LastYear::default()
    };
    let percents = year.rates_as_percents();
    assert_eq!(
        percents,
        [Some(2.0), Some(30.0), Some(30.0), Some(39.81), Some(24.42)]
    );
    assert!(year.are_rates_rounded());
    // Below 1 %: two significant digits, never 0. 37 from 300,000 is 0.012333…% → 0.012.
    let small = LastYear {
        stage_totals: vec![Some(300_000.0), Some(37.0)],
        ..LastYear::default()
    };
    assert_eq!(small.rates_as_percents(), [Some(0.012)]);
}

#[test]
fn a_rate_well_above_last_years_is_pointed_out_with_its_multiple() {
    // Planned: 4 % (2.5 × 1.6 %), 30 % (1.2 × 25 %), 45 % (1.5 × 30 %), 50 % (1 ×), 10 % (0.4 ×).
    let plan = funnel(&[4.0, 30.0, 45.0, 50.0, 10.0]);
    let found = stretches(&plan, &worked());
    assert_eq!(found.len(), 5);
    let first = found[0].unwrap();
    assert!(close(first.planned, 0.04) && close(first.last_year, 0.016));
    assert!(close(first.multiple, 2.5));
    assert_eq!(found[1], None, "1.2 times is within reach");
    let third: Stretch = found[2].expect("1.5 times is pointed out");
    assert!(close(third.multiple, 1.5) && third.multiple >= STRETCH_MULTIPLE);
    assert_eq!(found[3], None);
    assert_eq!(found[4], None);
}

#[test]
fn no_comparison_without_last_years_rate() {
    let plan = funnel(&[4.0, 30.0, 45.0, 50.0, 10.0]);
    let mut year = worked();
    year.stage_totals[1] = None;
    year.stage_totals[5] = Some(0.0);
    let found = stretches(&plan, &year);
    assert_eq!(found[0], None, "no leads last year: no rate to compare");
    assert_eq!(found[1], None);
    assert_eq!(found[4], None, "0 % last year: no multiple of nothing");
    assert!(stretches(&plan, &LastYear::default())
        .iter()
        .all(Option::is_none));
}
