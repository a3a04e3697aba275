//! The stored form of a plan, version by version. Pure Rust (serde only), so encoding, decoding
//! and migrations are tested natively. The stored shape is its own type, not the model's, so a
//! change to the model never silently changes what is on disk: a new shape is a new version.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{GoalKind, PlanDraft, StageDraft, StageId, MAX_STAGES, MIN_STAGES};

/// The schema version this build writes. Every stored value carries its version.
pub const SCHEMA_VERSION: u32 = 1;

/// Why stored text could not be turned back into a plan.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON, or JSON that is not a plan of a known version (truncated, wrong types, missing
    /// fields, a stage count outside 2–10).
    #[error("the saved plan is damaged: {0}")]
    Damaged(String),
    /// Written by a newer version of the app; this build must not touch it.
    #[error("the saved plan was written by a newer version (schema {0})")]
    NewerVersion(u64),
}

#[derive(Debug, Serialize, Deserialize)]
struct VersionOnly {
    schema_version: u64,
}

/// Version 1: `{"schema_version":1,"plan":{…}}`.
#[derive(Debug, Serialize, Deserialize)]
struct EnvelopeV1 {
    schema_version: u32,
    plan: PlanV1,
}

#[derive(Debug, Serialize, Deserialize)]
struct PlanV1 {
    name: String,
    goal: GoalV1,
    revenue_goal: String,
    new_customers_goal: String,
    average_revenue_per_customer: String,
    stages: Vec<StageV1>,
    current_top_per_month: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum GoalV1 {
    Revenue,
    NewCustomers,
}

#[derive(Debug, Serialize, Deserialize)]
struct StageV1 {
    id: u32,
    name: String,
    rate_to_next: String,
}

/// A plan in the current stored shape, ready for serde (gloo's `set` serialises it).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Stored(EnvelopeV1);

/// The stored text for `draft`, in the current schema version.
pub fn encode(draft: &PlanDraft) -> String {
    // Serialising plain strings and numbers to JSON cannot fail; an empty string would be read
    // back as damaged rather than lose anything silently.
    serde_json::to_string(&stored(draft)).unwrap_or_default()
}

/// `draft` in the current stored shape.
pub fn stored(draft: &PlanDraft) -> Stored {
    Stored(EnvelopeV1 {
        schema_version: SCHEMA_VERSION,
        plan: PlanV1 {
            name: draft.name.clone(),
            goal: match draft.goal_kind {
                GoalKind::Revenue => GoalV1::Revenue,
                GoalKind::NewCustomers => GoalV1::NewCustomers,
            },
            revenue_goal: draft.revenue_goal.clone(),
            new_customers_goal: draft.new_customers_goal.clone(),
            average_revenue_per_customer: draft.average_revenue_per_customer.clone(),
            stages: draft
                .stages
                .iter()
                .map(|stage| StageV1 {
                    id: stage.id.0,
                    name: stage.name.clone(),
                    rate_to_next: stage.rate_to_next.clone(),
                })
                .collect(),
            current_top_per_month: draft.current_top_per_month.clone(),
        },
    })
}

/// The plan stored as `text`, migrated to the current model, or why it cannot be read.
pub fn decode(text: &str) -> Result<PlanDraft, DecodeError> {
    let version: VersionOnly = serde_json::from_str(text).map_err(damaged)?;
    match version.schema_version {
        1 => {
            let envelope: EnvelopeV1 = serde_json::from_str(text).map_err(damaged)?;
            from_v1(envelope.plan)
        }
        newer if newer > u64::from(SCHEMA_VERSION) => Err(DecodeError::NewerVersion(newer)),
        unknown => Err(DecodeError::Damaged(format!(
            "unknown schema version {unknown}"
        ))),
    }
}

fn from_v1(plan: PlanV1) -> Result<PlanDraft, DecodeError> {
    if !(MIN_STAGES..=MAX_STAGES).contains(&plan.stages.len()) {
        return Err(DecodeError::Damaged(format!(
            "{} stages",
            plan.stages.len()
        )));
    }
    // Stage ids must be unique for the page to tell stages apart; renumber if they are not.
    let mut ids: Vec<u32> = plan.stages.iter().map(|stage| stage.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let must_renumber = ids.len() != plan.stages.len();
    let stages = plan
        .stages
        .into_iter()
        .enumerate()
        .map(|(index, stage)| StageDraft {
            id: if must_renumber {
                StageId(index as u32 + 1)
            } else {
                StageId(stage.id)
            },
            name: stage.name,
            rate_to_next: stage.rate_to_next,
        })
        .collect();
    Ok(PlanDraft {
        name: plan.name,
        goal_kind: match plan.goal {
            GoalV1::Revenue => GoalKind::Revenue,
            GoalV1::NewCustomers => GoalKind::NewCustomers,
        },
        revenue_goal: plan.revenue_goal,
        new_customers_goal: plan.new_customers_goal,
        average_revenue_per_customer: plan.average_revenue_per_customer,
        stages,
        current_top_per_month: plan.current_top_per_month,
    })
}

fn damaged(error: serde_json::Error) -> DecodeError {
    DecodeError::Damaged(error.to_string())
}
