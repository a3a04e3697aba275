//! Shared by the test files: the worked example with English stage names.

use funnel_planner::model::PlanDraft;

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
    )
}
