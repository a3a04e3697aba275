//! The page's state: the library of plans as saved, the plan open in the editor, and what the
//! person must be told. Every action that changes the library is a method here, so the components
//! only call them; `model` decides names and order, `storage` does the saving.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::library::{newest_first, unique_name};
use crate::model::merge::merge;
use crate::model::order::sort_stable_by;
use crate::model::{PlanDraft, PlanId, PlanRecord};
use crate::storage::schema::Problem;
use crate::storage::share::{decode_fragment, is_share_fragment, ShareError};
use crate::storage::{self, Change, NewerPlan, StorageIssue, Store, Unreadable};
use crate::ui::browser::{fragment, new_plan_id, now_ms, set_fragment};
use crate::ui::text::{t, tf};
use crate::ui::{example_plan, focus_later, new_plan_draft};

/// A new plan in the library, changed now.
fn fresh_record(draft: PlanDraft) -> PlanRecord {
    PlanRecord {
        id: new_plan_id(),
        modified_ms: now_ms(),
        deleted_ms: None,
        draft,
    }
}

/// The id of the status line's message, to bring it into view.
pub const STATUS_MESSAGE: &str = "status-message";

/// What the URL fragment holds to say which plan is open: `#plan=<id>`.
const PLAN_FRAGMENT: &str = "plan=";

/// Another tab changed the plan open here in the same places as this tab (or deleted it). Until
/// the person chooses, what this tab types is saved in a copy listed with the other plans, so a
/// reload or a closed tab loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The other tab's version, as saved; `None` when the plan was removed for good.
    pub theirs: Option<PlanRecord>,
    /// This tab's plan as last saved before the other tab's change.
    base: PlanDraft,
    /// Where this tab's version is kept, once it differs from `base`.
    pub copy: Option<ConflictCopy>,
}

/// The copy holding this tab's version while a conflict waits for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub id: PlanId,
    /// Its name in the library, e.g. "2027 base (copy)".
    pub name: String,
    /// The plan's name as typed when the copy was made: if the person renames the plan
    /// meanwhile, the copy takes the new name instead.
    typed_name: String,
}

/// A plan opened from a share link: not saved unless the person asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedView {
    /// The plan as the link carried it, to tell whether it was edited.
    pub original: PlanDraft,
}

/// An imported plan whose id is already in the library: the person chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportClash {
    pub imported: PlanRecord,
    pub existing_name: String,
}

/// The outcome of the last action, announced in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A plan went to the bin; it can be restored.
    Deleted {
        id: PlanId,
        name: String,
    },
    Restored {
        name: String,
    },
    Imported {
        count: usize,
    },
    /// Every plan in the file is already here, unchanged.
    NothingNewToImport,
    UpdatedFromOtherTab,
    SavedCopy {
        name: String,
    },
    ShareDamaged,
    ShareNewer,
}

/// Why the last import did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportFailure {
    TooLarge {
        file_name: String,
    },
    Unreadable {
        file_name: String,
    },
    Problems {
        file_name: String,
        problems: Vec<Problem>,
        /// Each plan's name in the file, to say which plan a problem is in.
        plan_names: Vec<String>,
    },
}

/// All of the page's state. Cheap to copy: every field is a signal.
#[derive(Clone, Copy)]
pub struct Planner {
    /// Every plan as this tab last saved or heard of it (deleted ones included).
    pub records: RwSignal<Vec<PlanRecord>>,
    /// The plan being edited; `None` while a shared plan is shown.
    pub active: RwSignal<Option<PlanId>>,
    /// The plan in the editor, as typed.
    pub draft: RwSignal<PlanDraft>,
    pub store: StoredValue<Store>,
    pub issue: RwSignal<Option<StorageIssue>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub newer: RwSignal<Vec<NewerPlan>>,
    pub conflict: RwSignal<Option<Conflict>>,
    pub shared: RwSignal<Option<SharedView>>,
    pub status: RwSignal<Option<Status>>,
    pub clashes: RwSignal<Vec<ImportClash>>,
    pub import_failure: RwSignal<Option<ImportFailure>>,
    /// The example opened on a first visit, listed but not yet saved: it is saved with the first
    /// change the person makes to the library, so it never vanishes from the list on reload.
    unsaved: StoredValue<Option<PlanId>>,
}

impl Planner {
    /// Opens storage, migrating and setting aside what it must, and opens the plan the URL
    /// names, a shared plan, or the most recently changed one.
    pub fn open() -> Planner {
        let opened = storage::open(now_ms(), new_plan_id);
        let planner = Planner {
            records: RwSignal::new(opened.plans),
            active: RwSignal::new(None),
            draft: RwSignal::new(example_plan()),
            store: StoredValue::new(opened.store),
            issue: RwSignal::new(opened.issue),
            unreadable: RwSignal::new(opened.unreadable),
            newer: RwSignal::new(opened.newer),
            conflict: RwSignal::new(None),
            shared: RwSignal::new(None),
            status: RwSignal::new(None),
            clashes: RwSignal::new(Vec::new()),
            import_failure: RwSignal::new(None),
            unsaved: StoredValue::new(None),
        };
        let fragment = fragment();
        if is_share_fragment(&fragment) {
            planner.open_shared(&fragment);
            if planner.shared.get_untracked().is_some() {
                return planner;
            }
        }
        let named = fragment
            .strip_prefix(PLAN_FRAGMENT)
            .and_then(PlanId::parse)
            .filter(|id| planner.live_record(id).is_some());
        match named.or_else(|| planner.newest_live()) {
            Some(id) => planner.switch_to(id),
            // A first visit opens the example without saving it: opening the page (or a
            // broken share link) writes nothing until the person changes something.
            None => {
                let record = fresh_record(example_plan());
                let id = record.id.clone();
                planner.records.update(|records| records.push(record));
                planner.unsaved.set_value(Some(id.clone()));
                planner.switch_to(id);
            }
        }
        planner
    }

    fn store(self) -> Store {
        self.store.get_value()
    }

    fn record(self, id: &PlanId) -> Option<PlanRecord> {
        self.records
            .with_untracked(|records| records.iter().find(|record| &record.id == id).cloned())
    }

    fn live_record(self, id: &PlanId) -> Option<PlanRecord> {
        self.record(id).filter(|record| !record.is_deleted())
    }

    fn newest_live(self) -> Option<PlanId> {
        self.records.with_untracked(|records| {
            newest_first(records)
                .into_iter()
                .find(|record| !record.is_deleted())
                .map(|record| record.id.clone())
        })
    }

    /// Puts `record` in the library (replacing the one with its id) and saves it; a refused
    /// save is reported, and the library keeps the new version in this tab.
    fn put(self, record: PlanRecord) -> bool {
        self.save_first_example();
        let result = self.store().save(&record);
        self.records.update(|records| {
            match records.iter_mut().find(|other| other.id == record.id) {
                Some(slot) => *slot = record,
                None => records.push(record),
            }
        });
        self.report(result)
    }

    /// Saves the first visit's example, if it is still only in this tab.
    fn save_first_example(self) {
        let Some(id) = self.unsaved.get_value() else {
            return;
        };
        self.unsaved.set_value(None);
        if let Some(record) = self.record(&id) {
            let _ = self.store().save(&record);
        }
    }

    fn report(self, result: Result<(), StorageIssue>) -> bool {
        match result {
            Ok(()) => {
                if self.issue.get_untracked() != Some(StorageIssue::Unavailable) {
                    self.issue.set(None);
                }
                true
            }
            Err(issue) => {
                self.issue.set(Some(issue));
                false
            }
        }
    }

    /// Saves what is typed in the editor, if it differs from the saved plan. Called by the
    /// page's one autosave effect. If another tab saved the plan since this tab last heard, the
    /// two versions are merged first (see [`Planner::take_in`]); while a conflict waits for an
    /// answer, this tab's version goes to its copy instead.
    pub fn autosave(self, draft: &PlanDraft) {
        let Some(id) = self.active.get_untracked() else {
            return;
        };
        if let Some(conflict) = self.conflict.get_untracked() {
            self.keep_copy(conflict, draft);
            return;
        }
        let Some(saved) = self.live_record(&id) else {
            return;
        };
        if let Some(Some(Ok(stored))) = self.store().load(&id) {
            if stored.draft != saved.draft || stored.deleted_ms != saved.deleted_ms {
                self.take_in(id, Some(stored));
                return self.autosave(&self.draft.get_untracked());
            }
        }
        if &saved.draft == draft {
            return;
        }
        let record = PlanRecord {
            modified_ms: now_ms(),
            draft: draft.clone(),
            ..saved
        };
        self.save_first_example();
        let result = self.store().save(&record);
        if result.is_ok() {
            self.records.update(|records| {
                if let Some(slot) = records.iter_mut().find(|other| other.id == record.id) {
                    *slot = record;
                }
            });
        }
        self.report(result);
    }

    /// Saves this tab's version into the conflict's copy, making the copy the first time this
    /// tab's version differs from what it last saved.
    fn keep_copy(self, conflict: Conflict, draft: &PlanDraft) {
        if conflict.copy.is_none() && draft == &conflict.base {
            return;
        }
        let copy = conflict.copy.clone().unwrap_or_else(|| ConflictCopy {
            id: new_plan_id(),
            name: self.copy_of(draft).name,
            typed_name: draft.name.clone(),
        });
        let name = if draft.name == copy.typed_name {
            copy.name.clone()
        } else {
            draft.name.clone()
        };
        let draft = PlanDraft {
            name,
            ..draft.clone()
        };
        if self
            .record(&copy.id)
            .is_some_and(|saved| saved.draft == draft)
        {
            return;
        }
        self.put(PlanRecord {
            id: copy.id.clone(),
            modified_ms: now_ms(),
            deleted_ms: None,
            draft,
        });
        if conflict.copy.is_none() {
            self.conflict.set(Some(Conflict {
                copy: Some(copy),
                ..conflict
            }));
        }
    }

    /// Ends the conflict; the copy of this tab's version is removed unless `is_kept`.
    fn end_conflict(self, is_kept: bool) -> Option<Conflict> {
        let conflict = self.conflict.get_untracked()?;
        self.conflict.set(None);
        if let Some(copy) = conflict.copy.as_ref().filter(|_| !is_kept) {
            self.store().remove(&copy.id);
            self.records
                .update(|records| records.retain(|record| record.id != copy.id));
        }
        Some(conflict)
    }

    /// Opens the plan `id` in the editor.
    pub fn switch_to(self, id: PlanId) {
        let Some(record) = self.record(&id) else {
            return;
        };
        self.leave_shared();
        self.leave_conflict();
        set_fragment(&format!("{PLAN_FRAGMENT}{id}"));
        self.active.set(Some(id));
        self.draft.set(record.draft);
    }

    /// Leaving a plan while another tab's change waits for an answer keeps this tab's version as
    /// the copy it was being saved in ("Keep both").
    fn leave_conflict(self) {
        if let Some(record) = self.settle_as_copy().and_then(|id| self.record(&id)) {
            self.status.set(Some(Status::SavedCopy {
                name: record.draft.name,
            }));
        }
    }

    /// Ends the conflict keeping this tab's version as its copy, saved as it is now; the copy's
    /// id, if this tab's version differed from what it last saved.
    fn settle_as_copy(self) -> Option<PlanId> {
        let conflict = self.conflict.get_untracked()?;
        self.draft
            .with_untracked(|draft| self.keep_copy(conflict, draft));
        self.end_conflict(true)?.copy.map(|copy| copy.id)
    }

    /// Adds a plan with `draft` to the library, saves it and opens it.
    fn create(self, draft: PlanDraft) -> PlanId {
        let record = fresh_record(draft);
        let id = record.id.clone();
        self.put(record);
        self.switch_to(id.clone());
        id
    }

    /// A name no live plan has, from `first` then numbered variants of `numbered`.
    fn free_name(self, first: String, numbered: impl Fn(u32) -> String) -> String {
        self.records.with_untracked(|records| {
            let taken = records
                .iter()
                .filter(|record| !record.is_deleted())
                .map(|record| record.draft.name.as_str());
            unique_name(std::iter::once(first).chain((2..).map(numbered)), taken)
        })
    }

    /// "New plan": the standard six-stage funnel with typical rates, and no goal yet.
    pub fn new_plan(self) {
        let name = self.free_name(t(Key::NewPlanName).to_owned(), |n| {
            tf(Key::NewPlanNameNumbered, &[("number", &n.to_string())])
        });
        let mut draft = new_plan_draft();
        draft.name = name;
        self.create(draft);
        focus_later("plan-name".to_owned());
    }

    /// A copy of `draft` named "… (copy)".
    fn copy_of(self, draft: &PlanDraft) -> PlanDraft {
        let name = draft.name.trim();
        let name = self.free_name(tf(Key::CopyName, &[("name", name)]), |n| {
            tf(
                Key::CopyNameNumbered,
                &[("name", name), ("number", &n.to_string())],
            )
        });
        PlanDraft {
            name,
            ..draft.clone()
        }
    }

    /// "Duplicate plan": a copy of the open plan, opened.
    pub fn duplicate(self) {
        let copy = self.draft.with_untracked(|draft| self.copy_of(draft));
        self.create(copy);
        focus_later("plan-name".to_owned());
    }

    /// Moves plan `id` to the bin (restorable for 30 days) and opens another plan.
    pub fn delete(self, id: PlanId) {
        let Some(record) = self.live_record(&id) else {
            return;
        };
        let name = record.draft.name.clone();
        self.put(PlanRecord {
            deleted_ms: Some(now_ms()),
            ..record
        });
        if self.active.get_untracked().as_ref() == Some(&id) {
            match self.newest_live() {
                Some(other) => self.switch_to(other),
                None => {
                    self.create(example_plan());
                }
            }
        }
        self.status.set(Some(Status::Deleted { id, name }));
    }

    /// Takes plan `id` out of the bin and opens it.
    pub fn restore(self, id: PlanId) {
        let Some(record) = self.record(&id) else {
            return;
        };
        let name = record.draft.name.clone();
        self.put(PlanRecord {
            deleted_ms: None,
            ..record
        });
        self.switch_to(id);
        self.status.set(Some(Status::Restored { name }));
        // The "Undo" or "Restore" button is gone: the restored plan's name is where to go on.
        focus_later("plan-name".to_owned());
    }

    /// Removes plan `id` (already in the bin) for good.
    pub fn remove_forever(self, id: PlanId) {
        self.store().remove(&id);
        self.records
            .update(|records| records.retain(|record| record.id != id));
        if matches!(self.status.get_untracked(), Some(Status::Deleted { id: ref deleted, .. }) if deleted == &id)
        {
            self.status.set(None);
        }
    }

    /// Opens a copy of a plan a newer version saved (that plan itself stays untouched).
    pub fn open_newer_copy(self, key: &str) {
        let copy = self.newer.with_untracked(|newer| {
            newer
                .iter()
                .find(|plan| plan.key == key)
                .and_then(|plan| plan.copy.clone())
        });
        if let Some(copy) = copy {
            let copy = self.copy_of(&copy);
            self.create(copy);
        }
    }

    /// Forgets text kept aside after the person has had the chance to download it.
    pub fn discard_unreadable(self, key: &str) {
        self.store().remove_unreadable(key);
        self.unreadable
            .update(|kept| kept.retain(|unreadable| unreadable.key != key));
    }

    // -- Share links ---------------------------------------------------------------------------

    /// Shows the plan in a share link's `fragment`; a damaged link is reported and nothing
    /// changes.
    pub fn open_shared(self, fragment: &str) {
        match decode_fragment(fragment) {
            Ok(draft) => {
                self.leave_shared();
                self.leave_conflict();
                self.shared.set(Some(SharedView {
                    original: draft.clone(),
                }));
                self.active.set(None);
                self.draft.set(draft);
            }
            Err(ShareError::Damaged) => self.status.set(Some(Status::ShareDamaged)),
            Err(ShareError::NewerVersion(_)) => self.status.set(Some(Status::ShareNewer)),
        }
    }

    /// "Save a copy" of the shared plan into the library.
    pub fn save_shared(self) {
        if self.shared.get_untracked().is_none() {
            return;
        }
        let draft = self.draft.get_untracked();
        let name = draft.name.clone();
        self.shared.set(None);
        self.create(draft);
        self.status.set(Some(Status::SavedCopy { name }));
    }

    /// Closes the shared plan and goes back to the library's newest plan. Edits made to the
    /// shared plan are kept as a copy, so nothing typed is lost.
    pub fn close_shared(self) {
        self.leave_shared();
        match self.newest_live() {
            Some(id) => self.switch_to(id),
            None => {
                self.create(example_plan());
            }
        }
    }

    /// Ends shared mode; an edited shared plan is saved as a new plan first.
    fn leave_shared(self) {
        let Some(shared) = self.shared.get_untracked() else {
            return;
        };
        self.shared.set(None);
        let draft = self.draft.get_untracked();
        if draft != shared.original {
            let name = draft.name.clone();
            let record = fresh_record(draft);
            self.put(record);
            self.status.set(Some(Status::SavedCopy { name }));
        }
        set_fragment("");
    }

    // -- Import --------------------------------------------------------------------------------

    /// Adds imported plans: new ones at once, ones whose id is already here after the person
    /// chooses (see [`Planner::resolve_clash`]); identical ones are skipped. The first plan added
    /// is opened, and the outcome is brought into view (and announced).
    pub fn import(self, imported: Vec<PlanRecord>) {
        let mut first_added = None;
        let mut added = 0;
        let mut clashes = Vec::new();
        for record in imported {
            let record = PlanRecord {
                deleted_ms: None,
                ..record
            };
            match self.record(&record.id) {
                Some(existing) if existing.draft == record.draft && !existing.is_deleted() => {}
                Some(existing) => clashes.push(ImportClash {
                    existing_name: existing.draft.name,
                    imported: record,
                }),
                None => {
                    first_added.get_or_insert_with(|| record.id.clone());
                    self.put(record);
                    added += 1;
                }
            }
        }
        if let Some(id) = first_added {
            self.switch_to(id);
        }
        self.import_failure.set(None);
        let status = if added == 0 && clashes.is_empty() {
            Status::NothingNewToImport
        } else {
            Status::Imported { count: added }
        };
        // A plan already here waits for a choice by the import button; otherwise the outcome,
        // at the top of the page, is brought into view.
        if clashes.is_empty() {
            focus_later(STATUS_MESSAGE.to_owned());
        }
        self.clashes.set(clashes);
        self.status.set(Some(status));
    }

    /// Settles the first waiting clash: replace the plan here, or keep both (the imported one
    /// under a new id and a "(copy)" name).
    pub fn resolve_clash(self, replace: bool) {
        let Some(clash) = self
            .clashes
            .with_untracked(|clashes| clashes.first().cloned())
        else {
            return;
        };
        self.clashes.update(|clashes| {
            clashes.remove(0);
        });
        let imported = clash.imported;
        let record = if replace {
            PlanRecord {
                modified_ms: now_ms(),
                ..imported
            }
        } else {
            fresh_record(self.copy_of(&imported.draft))
        };
        let id = record.id.clone();
        self.put(record);
        if replace && self.active.get_untracked().as_ref() == Some(&id) {
            if let Some(record) = self.record(&id) {
                self.draft.set(record.draft);
            }
        }
        if let Some(Status::Imported { count }) = self.status.get_untracked() {
            self.status.set(Some(Status::Imported { count: count + 1 }));
        }
    }

    // -- Other tabs ----------------------------------------------------------------------------

    /// Takes in a change another tab saved, as storage holds it now (the event may be older).
    pub fn apply_change(self, change: Change) {
        let Change { id, record } = change;
        let record = self.store().load(&id).unwrap_or(record);
        let theirs = match record {
            Some(Ok(record)) => Some(record),
            None => None,
            // A newer version now owns this plan here: stop editing it, never write over it.
            Some(Err(storage::schema::DecodeError::NewerVersion(_))) => None,
            // Another tab never writes damaged data; ignore rather than act on it.
            Some(Err(storage::schema::DecodeError::Damaged(_))) => return,
        };
        self.take_in(id, theirs);
    }

    /// Puts another tab's version of plan `id` in the library. If it is the plan open here, the
    /// two versions are merged field by field against the one this tab last saved: what only the
    /// other tab changed shows up here, and what this tab typed stays. Only when both changed
    /// the same field differently (or the plan was deleted there) is the person asked.
    fn take_in(self, id: PlanId, theirs: Option<PlanRecord>) {
        let known = self.record(&id);
        self.records.update(|records| match &theirs {
            Some(record) => match records.iter_mut().find(|other| other.id == id) {
                Some(slot) => *slot = record.clone(),
                None => records.push(record.clone()),
            },
            None => records.retain(|other| other.id != id),
        });
        if self.active.get_untracked().as_ref() != Some(&id) {
            return;
        }
        if let Some(conflict) = self.conflict.get_untracked() {
            self.conflict.set(Some(Conflict { theirs, ..conflict }));
            return;
        }
        let mine = self.draft.get_untracked();
        let base = known.map_or_else(|| mine.clone(), |known| known.draft);
        let merged = theirs
            .as_ref()
            .filter(|record| !record.is_deleted())
            .map(|record| (merge(&base, &mine, &record.draft), record.draft == mine));
        match merged {
            Some((_, true)) => {}
            Some((Some(merged), false)) => {
                if merged != mine {
                    self.draft.set(merged);
                }
                self.status.set(Some(Status::UpdatedFromOtherTab));
            }
            _ => self.conflict.set(Some(Conflict {
                theirs,
                base,
                copy: None,
            })),
        }
    }

    /// "Use the other tab's version" (or, if it deleted the plan, open another one). This tab's
    /// copy is removed.
    pub fn take_theirs(self) {
        let Some(conflict) = self.end_conflict(false) else {
            return;
        };
        match conflict.theirs {
            Some(record) if !record.is_deleted() => self.draft.set(record.draft),
            _ => match self.newest_live() {
                Some(id) => self.switch_to(id),
                None => {
                    self.create(example_plan());
                }
            },
        }
    }

    /// "Keep my version": saves this tab's plan over the other tab's change (or deletion), and
    /// removes the copy that held it meanwhile.
    pub fn keep_mine(self) {
        let Some(id) = self.active.get_untracked() else {
            return;
        };
        self.end_conflict(false);
        self.put(PlanRecord {
            id,
            modified_ms: now_ms(),
            deleted_ms: None,
            draft: self.draft.get_untracked(),
        });
    }

    /// "Keep both": this tab's version stays a plan of its own (the copy it was saved in) and
    /// is opened; the other tab's stays as it is.
    pub fn keep_both(self) {
        if let Some(id) = self.settle_as_copy() {
            self.switch_to(id);
        }
    }

    /// The plans to list (not deleted), newest change first.
    pub fn listed(self) -> Vec<PlanRecord> {
        self.records.with(|records| {
            newest_first(records)
                .into_iter()
                .filter(|record| !record.is_deleted())
                .cloned()
                .collect()
        })
    }

    /// The plans in the bin, most recently deleted first.
    pub fn deleted(self) -> Vec<PlanRecord> {
        self.records.with(|records| {
            let mut deleted: Vec<PlanRecord> = records
                .iter()
                .filter(|record| record.is_deleted())
                .cloned()
                .collect();
            sort_stable_by(&mut deleted, |a, b| b.deleted_ms.cmp(&a.deleted_ms));
            deleted
        })
    }

    /// Every live plan, for "Export all plans"; the open one as on screen, even when it could not
    /// be saved (storage full, or a change from another tab waiting for an answer).
    pub fn all_for_export(self) -> Vec<PlanRecord> {
        let active = self.active.get_untracked();
        let mut plans = self.listed();
        if let Some(open) = plans
            .iter_mut()
            .find(|record| Some(&record.id) == active.as_ref())
        {
            open.draft = self.draft.get_untracked();
        }
        plans
    }

    /// The open plan as a record, for "Export this plan".
    pub fn current_record(self) -> PlanRecord {
        let draft = self.draft.get_untracked();
        match self.active.get_untracked().and_then(|id| self.record(&id)) {
            Some(record) => PlanRecord { draft, ..record },
            None => fresh_record(draft),
        }
    }
}
