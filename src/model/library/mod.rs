//! Several named plans: their identities, when they last changed, and the rules for naming copies
//! and forgetting deleted plans. Times are milliseconds since 1970-01-01 UTC, as browsers count
//! them; the model never reads a clock, it is given `now_ms`.
//!
//! [`Library`] holds every plan and the rules that change them (open, new, duplicate, delete to
//! the bin, restore, purge, import, another tab's change); `tabs` holds the two-tab rules.

mod plans;
mod tabs;

pub use plans::{Defaults, ImportClash, Library, Notice, Now, Start, Write};
pub use tabs::{Conflict, Question};

use crate::model::draft::same_name;
use crate::model::number::DAY_MS;
use crate::model::order::sort_stable_by;
use crate::model::PlanDraft;

/// How long a deleted plan can still be restored: 30 days, in milliseconds.
pub const KEEP_DELETED_MS: u64 = 30 * DAY_MS;

/// The longest plan id accepted from storage or a file, in characters.
pub const MAX_ID_LEN: usize = 64;

/// Identifies a plan across renames, tabs and exported files: 1 to 64 characters from
/// `A–Z a–z 0–9 - _`, so it is safe inside a storage key and a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlanId(String);

impl PlanId {
    /// `text` as an id, if it is one.
    pub fn parse(text: &str) -> Option<PlanId> {
        let is_valid = (1..=MAX_ID_LEN).contains(&text.len())
            && text
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
        is_valid.then(|| PlanId(text.to_owned()))
    }

    /// A new id from the time and a random number: unique enough that two tabs creating plans in
    /// the same millisecond do not collide (1 in 4 billion).
    pub fn generate(now_ms: u64, random: u32) -> PlanId {
        PlanId(format!("p{}-{}", base36(now_ms), base36(u64::from(random))))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PlanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut value: u64) -> String {
    let mut out = Vec::new();
    loop {
        // `value % 36` is always a base-36 digit, so the fallback never applies.
        out.push(char::from_digit((value % 36) as u32, 36).unwrap_or('0'));
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

/// One plan in the library: the plan as typed, plus what the library needs to list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRecord {
    /// Stable identity.
    pub id: PlanId,
    /// When the plan was last changed (ms since 1970, UTC).
    pub modified_ms: u64,
    /// When the plan was deleted (ms since 1970, UTC); a deleted plan can be restored until
    /// [`KEEP_DELETED_MS`] has passed.
    pub deleted_ms: Option<u64>,
    /// The plan as typed.
    pub draft: PlanDraft,
    /// The saved versions this one descends from, newest first and at most [`LINEAGE_LEN`]: once
    /// storage has written it, its own version's id (see [`version_id`]), then the id of the
    /// version this tab knew storage held when it saved, and so on. Two tabs merging each
    /// other's changes find here the last version both knew, whatever order their saves and
    /// events came in. Empty for a plan never saved, or saved by a version before schema 8.
    pub lineage: Vec<String>,
}

/// How many version ids a record keeps of its lineage: enough for a tab that missed a few of
/// another tab's saves (its events coalesced) to still find a version both tabs knew.
pub const LINEAGE_LEN: usize = 8;

/// The id of a saved version: the 64-bit FNV-1a hash of the text storage holds for it (which
/// names its parents), as 16 hexadecimal digits. Two tabs saving different plans, even in the
/// same millisecond, get different ids; the same text gets the same id, which is harmless since
/// it is the same version.
pub fn version_id(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl PlanRecord {
    /// A live plan, changed at `modified_ms`, that storage has not saved yet (no lineage).
    pub fn new(id: PlanId, modified_ms: u64, draft: PlanDraft) -> Self {
        Self {
            id,
            modified_ms,
            deleted_ms: None,
            lineage: Vec::new(),
            draft,
        }
    }

    /// Whether the plan is in the bin.
    pub fn is_deleted(&self) -> bool {
        self.deleted_ms.is_some()
    }

    /// Whether the plan was deleted so long ago that it can be forgotten.
    pub fn is_expired(&self, now_ms: u64) -> bool {
        self.deleted_ms
            .is_some_and(|deleted| now_ms.saturating_sub(deleted) > KEEP_DELETED_MS)
    }
}

/// The first of `candidates` that no plan in `taken` is called (compared ignoring case and
/// surrounding spaces), e.g. "Q1 (copy)", then "Q1 (copy 2)". `candidates` must not end.
pub fn unique_name<'a>(
    candidates: impl IntoIterator<Item = String>,
    taken: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let is_taken = |name: &str| {
        taken
            .clone()
            .into_iter()
            .any(|other| same_name(other, name))
    };
    candidates
        .into_iter()
        .find(|name| !is_taken(name))
        .unwrap_or_default()
}

/// The plans to list, newest change first (ties by id so the order is stable).
pub fn newest_first(records: &[PlanRecord]) -> Vec<&PlanRecord> {
    let mut listed: Vec<&PlanRecord> = records.iter().collect();
    sort_stable_by(&mut listed, |a, b| {
        b.modified_ms
            .cmp(&a.modified_ms)
            .then_with(|| a.id.cmp(&b.id))
    });
    listed
}
