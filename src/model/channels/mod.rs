//! The plan per channel, one idea per file: the split of the customers goal across channels
//! (`split.rs`), the budget the split needs (`budget.rs`), the ranking of channels by a KPI with
//! a linear reallocation from the worst to the best (`ranking.rs`), and the [`Report`] that
//! computes them all from the draft in one pass (`report.rs`).
//!
//! Units: targets and budgets per year (÷ 12 per month, ÷ 4 per quarter), in full precision;
//! shares and the moved part of spend as [`crate::model::Share`]s.

mod budget;
mod ranking;
mod report;
mod split;

pub use budget::{budget_needed, budget_needs, cost_basis, BudgetNeeds, ChannelBudget, CostBasis};
pub use ranking::{
    has_cheap_leads, lead_stage, opportunity_stage, per_thousand, rank, reallocate, Metric,
    NoReallocation, Reallocation, Standing, SPEND_QUOTED,
};
pub use report::Report;
pub use split::{split, ChannelTargets, Split};
