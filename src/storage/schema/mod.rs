//! The written forms of plans, version by version: what localStorage holds, what an exported file
//! holds and what a share link carries. Pure Rust (serde only), so encoding, decoding and
//! migrations are tested natively. The written shapes are their own types, not the model's, so a
//! change to the model never silently changes what is on disk: a new shape is a new version.
//!
//! Decoding reads JSON into a tree and walks it, so that every problem is reported with the field
//! it concerns (`plans[1].stages[2].rate_to_next: should be text`), not only the first one.
//!
//! Versions:
//! - 1: one plan under `funnel-planner/v1/plan`, `{"schema_version":1,"plan":{…}}`.
//! - 2: one record per plan, `{"schema_version":2,"id":…,"modified":…,"deleted":…,"plan":{…}}`,
//!   with the same plan body as version 1. Export files list records; share links carry
//!   `{"schema_version":2,"plan":{…}}`.
//! - 3: as 2, and the plan body has `"marketing":{…}` (budget, channels, KPI inputs). Plans of
//!   versions 1 and 2 are read with an empty marketing side (no channels), so nothing is invented.
//! - 4: as 3, and the plan body has `"currency"` (as typed, e.g. `"EUR"`) and `"typed_in"`, the
//!   language whose number format its typed numbers are in (`"en"`, `"id"`, `"pl"`, `"fr"`), so
//!   they read the same in every language. Versions 1–3 were typed in English and had no
//!   currency: they are read with `typed_in` English and an empty currency, which the page fills
//!   with its language's usual one (`PlanDraft::settled`).
//! - 5: as 4, and the plan body has `"tracking":{…}`: the plan year's first month (`"start"`,
//!   `"2027-04"`, or `null` for "not set: January of the current year"), the results entered
//!   (`"results"`, one entry per row that has any: `{"row":"stage:<id>"|"spend"|"revenue",
//!   "channel":<id>?, "months":[12 × text or null]}`) and the focus areas (`"focus"`, four
//!   quarters of two texts). Plans of versions 1–4 are read with no plan year set and no results.
//! - 6: as 5, and the plan body has `"annual"`: the annual plan (last year, the goal's chain,
//!   objectives) as one JSON text of its own, `""` when there is none. It is a text, not a
//!   nested object, so that only the Annual plan page carries its reader (`model::annual` has
//!   its shape and versions); every other page keeps it as it is. Plans of versions 1–5 are
//!   read with none.
//! - 7: as 6, and the plan body has `"forecast"`: the forecast (monthly phasing, days per stage,
//!   ranges around the rates, the seed, the plans compared side by side) as one JSON text of its
//!   own, `""` when there is none, kept as a text for the same reason (`model::forecast::draft`
//!   has its shape and versions). Plans of versions 1–6 are read with none.
//! - 8: as 7, and a stored record may carry `"lineage"`: the ids of the saved versions it
//!   descends from, newest first (see `PlanRecord::lineage`), so two tabs saving at once merge
//!   against the version both last knew. Left out of export files. Records of versions 2–7 are
//!   read with none.

//!
//! The module is in three parts: [`shapes`] writes the current version (and names its tags),
//! [`reader`] reads every version, strictly (a stored plan, an import) or leniently (a newer
//! version's plan, to work on a copy), and [`migrations`] says what each version's plan has.

mod migrations;
mod reader;
mod shapes;

use thiserror::Error;

pub use reader::{
    decode_import, decode_record, decode_shared, decode_v1, plan_names, read_newer_copy,
};
pub use shapes::{encode_export, encode_record, encode_shared};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u64 = 8;

/// What an export file says it is, so that another app's JSON is recognised as such.
pub const EXPORT_APP: &str = "funnel-planner";

/// The largest file import accepts, in bytes (1 MB; an export of 100 plans is about 100 KB).
pub const MAX_IMPORT_BYTES: usize = 1_000_000;

/// What a value should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A JSON object `{…}`.
    Object,
    /// A JSON list `[…]`.
    List,
    /// A JSON string.
    Text,
    /// A whole number ≥ 0.
    WholeNumber,
    /// `"revenue"` or `"new_customers"`.
    GoalKind,
    /// 1–64 characters from `A–Z a–z 0–9 - _`.
    PlanId,
    /// `"funnel-planner"`.
    AppName,
    /// `"year"` or `"month"`.
    BudgetPeriod,
    /// `"years"` or `"churn"`.
    LifetimeKind,
    /// `"cac"`, `"roi"` or `"stage:<stage id>"`.
    RankBy,
    /// A language tag: `"en"`, `"id"`, `"pl"` or `"fr"`.
    Language,
    /// A plan year's first month, `"YYYY-MM"` (e.g. `"2027-04"`), or `null`.
    PlanYear,
    /// A results row: `"stage:<stage id>"`, `"spend"` or `"revenue"`.
    ResultRow,
    /// A list of 12 months, each a text or `null`.
    TwelveMonths,
    /// Four quarters of two texts each.
    Focus,
}

/// Why one field could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The text is not JSON; where reading stopped (1-based).
    NotJson { line: usize, column: usize },
    /// A required field is absent.
    Missing,
    /// The field holds the wrong kind of value.
    WrongType(Expected),
    /// A field this version does not have.
    UnknownField,
    /// A plan must have 2–10 stages; this many were found.
    StageCount(usize),
    /// Written by a newer version of the app, which this one cannot read.
    NewerVersion(u64),
    /// A schema version that never existed.
    UnknownVersion(u64),
    /// An export file with no plans in it.
    NoPlans,
    /// Two plans in one file share an id.
    DuplicateId,
    /// A plan has at most 12 channels; this many were found.
    ChannelCount(usize),
}

/// One problem found while reading, at `path` (e.g. `plans[0].stages[1].name`; empty for the
/// whole text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: Reason,
}

/// Why stored text could not be turned back into a plan.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON, or JSON that is not a plan of a known version.
    #[error("the saved plan is damaged ({} problems)", .0.len())]
    Damaged(Vec<Problem>),
    /// Written by a newer version of the app; this build must not touch it.
    #[error("the saved plan was written by a newer version (schema {0})")]
    NewerVersion(u64),
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {bytes} bytes, over the limit")]
    TooLarge { bytes: usize },
    /// Every problem found, each with its field.
    #[error("the file has {} problems", .0.len())]
    Problems(Vec<Problem>),
}
