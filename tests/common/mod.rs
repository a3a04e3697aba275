//! Shared by the test files: the worked example with English stage names, with and without
//! channels, and the comparisons of computed figures with figures worked by hand.

use funnel_planner::model::kpi::Figure;
use funnel_planner::model::marketing::{BudgetPeriod, LifetimeKind, RankBy};
use funnel_planner::model::{GoalKind, Lang, PlanDraft, StageId};

/// The worked example of the source article (10,000,000 revenue goal, 1,100,000 per customer,
/// rates 1.5 / 20 / 20 / 40 / 50 %), named "Plan".
pub fn example() -> PlanDraft {
    PlanDraft::example(
        "Plan",
        [
            "Visits",
            "Leads",
            "MQLs",
            "SQLs",
            "Opportunities",
            "Customers",
        ],
        Lang::English,
    )
}

/// The example plan with 9 new customers a year as its goal and a marketing side typed in full:
///
/// | channel     | share | spend  | revenue | visits (own rate) | leads | opportunities | customers |
/// |-------------|-------|--------|---------|-------------------|-------|---------------|-----------|
/// | Paid search | 40 %  | 6,000  | 30,000  | 2,000 (3 %)       | 60    | 5             | 2         |
/// | Email       |       | 1,000  | 12,000  |                   | 50    | 4             | 1         |
/// | Events      |       | 20,000 | 30,000  |                   | 500   | 10            | 2         |
///
/// A budget of 5,000 a month, a 60 % gross margin, a lifetime of 3 years (a churn of 25 % typed
/// but not chosen), 200 customers at the start of the retention period, 230 at the end with 50
/// new, channels ranked by CAC, 20 % of spend to move.
#[allow(dead_code)] // Not every test file that shares this module uses it.
pub fn example_with_channels() -> PlanDraft {
    let mut draft = example();
    draft.goal_kind = GoalKind::NewCustomers;
    draft.new_customers_goal = "9".to_owned();
    let marketing = &mut draft.marketing;
    marketing.budget = "5,000".to_owned();
    marketing.budget_period = BudgetPeriod::Month;
    marketing.gross_margin = "60".to_owned();
    marketing.lifetime_kind = LifetimeKind::Years;
    marketing.lifetime_years = "3".to_owned();
    marketing.churn = "25".to_owned();
    marketing.customers_at_start = "200".to_owned();
    marketing.customers_at_end = "230".to_owned();
    marketing.customers_new = "50".to_owned();
    marketing.rank_by = RankBy::Cac;
    // (stage id, volume, own rate into the next stage); ids 1 Visits, 2 Leads … 6 Customers.
    type Entries = &'static [(u32, &'static str, &'static str)];
    let channels: [(&str, &str, &str, &str, Entries); 3] = [
        (
            "Paid search",
            "40",
            "6,000",
            "30,000",
            &[(1, "2,000", "3"), (2, "60", ""), (5, "5", ""), (6, "2", "")],
        ),
        (
            "Email",
            "",
            "1,000",
            "12,000",
            &[(2, "50", ""), (5, "4", ""), (6, "1", "")],
        ),
        (
            "Events",
            "",
            "20,000",
            "30,000",
            &[(2, "500", ""), (5, "10", ""), (6, "2", "")],
        ),
    ];
    for (name, share, spend, revenue, entries) in channels {
        let Some(channel) = marketing
            .add_channel(name)
            .and_then(|id| marketing.channel_mut(id))
        else {
            panic!("room for {name}");
        };
        channel.share = share.to_owned();
        channel.spend = spend.to_owned();
        channel.revenue = revenue.to_owned();
        for (stage, volume, rate) in entries {
            let entry = channel.stage_mut(StageId(*stage));
            entry.volume = (*volume).to_owned();
            entry.rate = (*rate).to_owned();
        }
    }
    draft
}

/// Whether `actual` is `expected` to within 1e-9 of it (of 1 below 1): a figure worked by hand
/// and one computed in another order differ only in float noise.
#[allow(dead_code)] // Not every test file that shares this module uses it.
pub fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

/// Asserts that `actual` is [`close`] to `expected`.
#[allow(dead_code)] // Not every test file that shares this module uses it.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    assert!(close(actual, expected), "got {actual}, expected {expected}");
}

/// Asserts that `figure` is a value [`close`] to `expected`.
#[allow(dead_code)] // Not every test file that shares this module uses it.
#[track_caller]
pub fn assert_value(figure: Figure, expected: f64) {
    match figure {
        Ok(value) => assert_close(value, expected),
        Err(reason) => panic!("expected {expected}, got unavailable: {reason:?}"),
    }
}
