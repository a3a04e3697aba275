//! Benchmark ranges: every step and industry either has a range with its source or, where no
//! report gives one, none; ranges are ranges (low below high) in plausible bounds; a rate is
//! placed against a range; and a funnel's rates are matched to steps by default.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::model::benchmarks::{default_steps, range, Industry, Position, Step};

#[test]
fn every_range_is_a_sourced_range_never_one_number() {
    for step in Step::ALL {
        for industry in Industry::ALL {
            let Some(range) = range(step, industry) else {
                assert_eq!(step, Step::SqlToOpportunity, "{industry:?}");
                continue;
            };
            assert!(
                0.0 < range.low && range.low < range.high && range.high < 1.0,
                "{step:?} {industry:?}: {range:?}"
            );
            assert!(!range.sources.is_empty());
            for source in range.sources {
                assert!(!source.publisher.is_empty() && !source.title.is_empty());
                assert!(source.year.is_none_or(|year| (2000..=2026).contains(&year)));
            }
        }
    }
}

#[test]
fn visit_to_lead_is_by_industry_the_rest_for_all_industries() {
    // First Page Sage 2024: B2B SaaS paid 1.0 %, organic 2.1 %.
    let software = range(Step::VisitToLead, Industry::Software).unwrap();
    assert!((software.low - 0.010).abs() < 1e-12 && (software.high - 0.021).abs() < 1e-12);
    assert!(!software.is_all_industries);
    assert_eq!(software.sources[0].year, Some(2024));
    // Aberdeen 2014: laggards 9.7 %, best-in-class 35.6 %, for every industry.
    let mql = range(Step::LeadToMql, Industry::Manufacturing).unwrap();
    assert!((mql.low - 0.097).abs() < 1e-12 && (mql.high - 0.356).abs() < 1e-12);
    assert!(mql.is_all_industries);
    assert!(
        !range(Step::LeadToMql, Industry::Other)
            .unwrap()
            .is_all_industries
    );
    assert_eq!(range(Step::SqlToOpportunity, Industry::Software), None);
}

#[test]
fn a_rate_is_placed_against_the_range_ends_included() {
    let close = range(Step::OpportunityToCustomer, Industry::Other).unwrap();
    assert_eq!(close.position(0.10), Position::Below);
    assert_eq!(close.position(0.15), Position::Within);
    assert_eq!(close.position(0.20), Position::Within);
    assert_eq!(close.position(0.27), Position::Above);
}

#[test]
fn the_standard_funnel_is_matched_step_by_step_others_at_their_ends() {
    assert_eq!(
        default_steps(6),
        Step::ALL.iter().copied().map(Some).collect::<Vec<_>>()
    );
    assert_eq!(
        default_steps(4),
        vec![
            Some(Step::VisitToLead),
            None,
            Some(Step::OpportunityToCustomer)
        ]
    );
    assert_eq!(
        default_steps(2),
        vec![None],
        "visitors straight to customers"
    );
    assert!(default_steps(0).is_empty());
}
