//! Everything the marketing part of the page shows, computed from the draft in one pass.

use crate::model::channels::{budget_needs, rank, reallocate, split};
use crate::model::channels::{BudgetNeeds, Metric, NoReallocation, Reallocation, Split};
use crate::model::kpi::{CustomerValue, Kpis};
use crate::model::marketing::MarketingInputs;
use crate::model::{NumberSymbols, Plan, PlanDraft};

/// Everything the marketing part of the page shows, computed from the draft in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The stage names, top to bottom, as typed (trimmed).
    pub stage_names: Vec<String>,
    /// Every field read, with the errors to show next to fields.
    pub inputs: MarketingInputs,
    /// Lifetime value and retention.
    pub value: CustomerValue,
    /// The KPIs of each channel, in the channels' order.
    pub kpis: Vec<Kpis>,
    /// The KPIs of all channels together.
    pub all: Kpis,
    /// The plan split across channels, when the plan is valid.
    pub split: Option<Split>,
    /// The budget the targets need, when the plan is valid.
    pub needs: Option<BudgetNeeds>,
    /// What the channels are ranked by.
    pub metric: Metric,
    /// Channel indexes, best first (only those with the metric).
    pub ranked: Vec<usize>,
    /// The suggested move of budget.
    pub reallocation: Result<Reallocation, NoReallocation>,
}

impl Report {
    /// The report without the parts that follow the plan's targets (the split and the budget
    /// needs): what the KPI views show. Kept in a memo of its own, it does not change while only
    /// the goal or the funnel's rates are edited, so those views are not redrawn.
    pub fn without_targets(&self) -> Self {
        Self {
            split: None,
            needs: None,
            ..self.clone()
        }
    }

    /// The report for `draft`, whose funnel is `plan` when it is valid.
    pub fn new(draft: &PlanDraft, plan: Option<&Plan>, symbols: NumberSymbols) -> Self {
        let stage_ids = draft.stage_ids();
        let inputs = draft.marketing.check(&stage_ids, symbols);
        let value = CustomerValue::new(
            &inputs,
            plan.and_then(|plan| plan.average_revenue_per_customer),
        );
        let kpis: Vec<Kpis> = inputs
            .channels
            .iter()
            .map(|channel| Kpis::of_channel(channel, &value))
            .collect();
        let all = Kpis::of_all(&inputs.channels, stage_ids.len(), &value);
        let split = plan.map(|plan| split(plan, &inputs.channels));
        let needs = split
            .as_ref()
            .map(|split| budget_needs(split, &inputs.channels, inputs.budget_per_year));
        let metric = Metric::resolve(draft.marketing.rank_by, &stage_ids);
        let ranked = rank(&kpis, metric);
        let reallocation = reallocate(&inputs.channels, &kpis, metric, &ranked, inputs.move_share);
        Self {
            stage_names: draft
                .stages
                .iter()
                .map(|stage| stage.name.trim().to_owned())
                .collect(),
            inputs,
            value,
            kpis,
            all,
            split,
            needs,
            metric,
            ranked,
            reallocation,
        }
    }
}
