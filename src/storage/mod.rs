//! The only code that touches the browser's storage. The page asks it for the saved plan and tells
//! it to save one; it never sees JSON, keys or browser errors, only a [`StorageIssue`] to show.
//!
//! Every call first checks that `window.localStorage` is reachable: it throws in sandboxed frames
//! and when site data is blocked, and gloo's `LocalStorage::raw()` would then panic.

pub mod schema;

use gloo_storage::{LocalStorage, Storage};

use crate::model::PlanDraft;
use schema::{decode, stored, DecodeError};

/// Where the current plan is saved. The version in the key changes only if the storage layout
/// itself changes; the schema version inside the value drives migrations.
pub const PLAN_KEY: &str = "funnel-planner/v1/plan";
/// Where the text of a saved plan that could not be read is kept, so nothing is lost.
pub const UNREADABLE_KEY: &str = "funnel-planner/v1/plan-unreadable";

/// Something about storage the person needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageIssue {
    /// Storage is blocked or unreachable: the plan lives only in this tab.
    Unavailable,
    /// The last save was refused (storage full or denied); what was saved before is intact.
    SaveFailed,
    /// The saved plan could not be read and the page started from the example. Its text was
    /// copied to [`UNREADABLE_KEY`] first; if even that copy failed (storage full), it is left
    /// where it was and this tab does not save over it.
    Unreadable { is_backed_up: bool },
    /// The saved plan comes from a newer version of the app: it is left untouched and this tab
    /// works on a copy that is not saved.
    NewerVersion,
}

/// What opening storage found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The saved plan, if there was one that could be read.
    pub draft: Option<PlanDraft>,
    /// Something to tell the person, if anything.
    pub issue: Option<StorageIssue>,
    /// Where to save from now on.
    pub store: PlanStore,
}

impl Opened {
    /// Storage cannot be used: start from the example, keep the plan in memory, say so.
    fn unavailable() -> Self {
        Self {
            draft: None,
            issue: Some(StorageIssue::Unavailable),
            store: PlanStore::in_memory(),
        }
    }
}

/// A handle for saving the current plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanStore {
    /// False when storage is unreachable or holds a newer version's data that must not be
    /// overwritten.
    may_save: bool,
}

/// Reads the saved plan, if any, and says whether plans can be saved in this browser.
pub fn open() -> Opened {
    if !is_reachable() {
        return Opened::unavailable();
    }
    let saved = match LocalStorage::raw().get_item(PLAN_KEY) {
        Ok(saved) => saved,
        Err(_) => return Opened::unavailable(),
    };
    let Some(text) = saved else {
        return Opened {
            draft: None,
            issue: None,
            store: PlanStore { may_save: true },
        };
    };
    match decode(&text) {
        Ok(draft) => Opened {
            draft: Some(draft),
            issue: None,
            store: PlanStore { may_save: true },
        },
        Err(DecodeError::NewerVersion(_)) => Opened {
            draft: None,
            issue: Some(StorageIssue::NewerVersion),
            store: PlanStore { may_save: false },
        },
        Err(DecodeError::Damaged(_)) => {
            // Keep the unreadable text before anything can overwrite it; if it cannot be kept,
            // do not save over it either.
            let is_kept = LocalStorage::raw().set_item(UNREADABLE_KEY, &text).is_ok();
            Opened {
                draft: None,
                issue: Some(StorageIssue::Unreadable {
                    is_backed_up: is_kept,
                }),
                store: PlanStore { may_save: is_kept },
            }
        }
    }
}

impl PlanStore {
    /// A store that never saves, for pages that must not touch storage.
    pub fn in_memory() -> Self {
        Self { may_save: false }
    }

    /// Whether saves reach storage.
    pub fn may_save(self) -> bool {
        self.may_save
    }

    /// Saves `draft` (text as typed, valid or not) over the previous save. On failure the
    /// previous save is left as it was.
    pub fn save(self, draft: &PlanDraft) -> Result<(), StorageIssue> {
        if !self.may_save {
            return Ok(());
        }
        if !is_reachable() {
            return Err(StorageIssue::Unavailable);
        }
        LocalStorage::set(PLAN_KEY, stored(draft)).map_err(|_| StorageIssue::SaveFailed)
    }
}

/// Whether `window.localStorage` can be used without throwing.
fn is_reachable() -> bool {
    web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))))
}
