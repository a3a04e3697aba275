//! Two tabs editing one plan: a three-way merge, so that what each tab typed survives.
//!
//! `base` is the version both tabs last agreed on (the one this tab last saved or heard of),
//! `mine` is this tab's plan as typed now and `theirs` the other tab's saved version. Field by
//! field: a field only one side changed takes that side's text; a field both changed to the same
//! text keeps it; a field both changed differently is a real clash, and then there is no merge
//! (the person chooses). Stages are matched by their id, so a rate typed in one tab and a stage
//! renamed in the other both survive; adding, removing or moving stages is a change to the stage
//! list as a whole.

use crate::model::tracking::{CellAt, TrackingDraft};
use crate::model::{MarketingDraft, PlanDraft, StageDraft, StageId};

/// The text (or value) of one field after merging: the side that changed it, or `None` when both
/// changed it differently.
fn pick<T: PartialEq + ToOwned + ?Sized>(base: &T, mine: &T, theirs: &T) -> Option<T::Owned> {
    if mine == theirs || theirs == base {
        Some(mine.to_owned())
    } else if mine == base {
        Some(theirs.to_owned())
    } else {
        None
    }
}

/// `mine` and `theirs` merged against `base`, or `None` if both changed the same field to
/// different texts (a real clash, for the person to settle). Numbers are compared in `mine`'s
/// format: `base` and `theirs` are retyped into it first (another tab may show another language).
pub fn merge(base: &PlanDraft, mine: &PlanDraft, theirs: &PlanDraft) -> Option<PlanDraft> {
    let base = &base.clone().retyped(mine.typed_in);
    let theirs = &theirs.clone().retyped(mine.typed_in);
    let mut merged = PlanDraft {
        name: pick(&base.name, &mine.name, &theirs.name)?,
        goal_kind: pick(&base.goal_kind, &mine.goal_kind, &theirs.goal_kind)?,
        revenue_goal: pick(&base.revenue_goal, &mine.revenue_goal, &theirs.revenue_goal)?,
        new_customers_goal: pick(
            &base.new_customers_goal,
            &mine.new_customers_goal,
            &theirs.new_customers_goal,
        )?,
        average_revenue_per_customer: pick(
            &base.average_revenue_per_customer,
            &mine.average_revenue_per_customer,
            &theirs.average_revenue_per_customer,
        )?,
        stages: merge_stages(&base.stages, &mine.stages, &theirs.stages)?,
        current_top_per_month: pick(
            &base.current_top_per_month,
            &mine.current_top_per_month,
            &theirs.current_top_per_month,
        )?,
        marketing: merge_marketing(&base.marketing, &mine.marketing, &theirs.marketing)?,
        currency: pick(&base.currency, &mine.currency, &theirs.currency)?,
        typed_in: mine.typed_in,
        tracking: merge_tracking(&base.tracking, &mine.tracking, &theirs.tracking)?,
        // The annual plan merges as one field: its page keeps it as one text.
        annual: pick(&base.annual, &mine.annual, &theirs.annual)?,
        // So does the forecast, for the same reason.
        forecast: pick(&base.forecast, &mine.forecast, &theirs.forecast)?,
    };
    // A stage or channel one tab removed takes its results with it.
    let channels: Vec<_> = merged
        .marketing
        .channels
        .iter()
        .map(|channel| channel.id)
        .collect();
    let stages = merged.stage_ids();
    merged.tracking.keep_known(&stages, &channels);
    Some(merged)
}

/// Results merge cell by cell (one tab typing March while the other types April keeps both),
/// focus areas one by one; the plan year is one field.
fn merge_tracking(
    base: &TrackingDraft,
    mine: &TrackingDraft,
    theirs: &TrackingDraft,
) -> Option<TrackingDraft> {
    let mut merged = TrackingDraft {
        start: pick(&base.start, &mine.start, &theirs.start)?,
        cells: Vec::new(),
        focus: Default::default(),
    };
    for (slot, ((base, mine), theirs)) in merged.focus.iter_mut().flatten().zip(
        base.focus
            .iter()
            .flatten()
            .zip(mine.focus.iter().flatten())
            .zip(theirs.focus.iter().flatten()),
    ) {
        *slot = pick(base.as_str(), mine.as_str(), theirs.as_str())?;
    }
    let mut places: Vec<CellAt> = Vec::new();
    for cell in base.cells.iter().chain(&mine.cells).chain(&theirs.cells) {
        if !places.contains(&cell.at) {
            places.push(cell.at);
        }
    }
    for at in places {
        let text = pick(base.text(at), mine.text(at), theirs.text(at))?;
        merged.set_text(at, text);
    }
    Some(merged)
}

fn stage_ids(stages: &[StageDraft]) -> Vec<StageId> {
    stages.iter().map(|stage| stage.id).collect()
}

/// Stages: when neither side added, removed or moved one, each stage's name and rate merge on
/// their own; otherwise the list is one field (the side that reshaped it wins, both: a clash).
fn merge_stages(
    base: &[StageDraft],
    mine: &[StageDraft],
    theirs: &[StageDraft],
) -> Option<Vec<StageDraft>> {
    let ids = stage_ids(base);
    if stage_ids(mine) != ids || stage_ids(theirs) != ids {
        return pick(base, mine, theirs);
    }
    base.iter()
        .zip(mine)
        .zip(theirs)
        .map(|((base, mine), theirs)| {
            Some(StageDraft {
                id: base.id,
                name: pick(&base.name, &mine.name, &theirs.name)?,
                rate_to_next: pick(&base.rate_to_next, &mine.rate_to_next, &theirs.rate_to_next)?,
            })
        })
        .collect()
}

/// Budget and retention fields merge one by one; the channel list is one field.
fn merge_marketing(
    base: &MarketingDraft,
    mine: &MarketingDraft,
    theirs: &MarketingDraft,
) -> Option<MarketingDraft> {
    Some(MarketingDraft {
        budget: pick(&base.budget, &mine.budget, &theirs.budget)?,
        budget_period: pick(
            &base.budget_period,
            &mine.budget_period,
            &theirs.budget_period,
        )?,
        channels: pick(&base.channels, &mine.channels, &theirs.channels)?,
        customers_at_start: pick(
            &base.customers_at_start,
            &mine.customers_at_start,
            &theirs.customers_at_start,
        )?,
        customers_at_end: pick(
            &base.customers_at_end,
            &mine.customers_at_end,
            &theirs.customers_at_end,
        )?,
        customers_new: pick(
            &base.customers_new,
            &mine.customers_new,
            &theirs.customers_new,
        )?,
        gross_margin: pick(&base.gross_margin, &mine.gross_margin, &theirs.gross_margin)?,
        lifetime_kind: pick(
            &base.lifetime_kind,
            &mine.lifetime_kind,
            &theirs.lifetime_kind,
        )?,
        lifetime_years: pick(
            &base.lifetime_years,
            &mine.lifetime_years,
            &theirs.lifetime_years,
        )?,
        churn: pick(&base.churn, &mine.churn, &theirs.churn)?,
        rank_by: pick(&base.rank_by, &mine.rank_by, &theirs.rank_by)?,
        move_percent: pick(&base.move_percent, &mine.move_percent, &theirs.move_percent)?,
    })
}
