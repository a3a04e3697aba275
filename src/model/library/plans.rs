//! The library as one value: every plan as this tab holds it, the plan open in the editor, and
//! the rules that change them. The library never touches storage: each action queues the
//! [`Write`]s storage must make, the page makes them and reports back what was saved
//! ([`Library::saved`], [`Library::removed`]).
//!
//! The open plan lives in one place only, its record (or, while a shared plan is viewed or a
//! conflict with another tab waits for an answer, the view or the conflict): the editor shows
//! [`Library::open_draft`] and the list shows the records, so a refused save cannot make them
//! differ.

use super::tabs::Conflict;
use super::{newest_first, unique_name, PlanId, PlanRecord};
use crate::model::order::sort_stable_by;
use crate::model::PlanDraft;

/// What the page supplies in its language, so the model holds no text: the example plan a new
/// library starts with, and how new plans and copies are named.
#[derive(Debug, Clone, Copy)]
pub struct Defaults {
    /// The example plan: opened on a first visit and when the last plan is deleted.
    pub example: fn() -> PlanDraft,
    /// The name of a new plan: 1 → "New plan", n → "New plan n".
    pub new_plan_name: fn(u32) -> String,
    /// The name of a copy of the plan named by the first argument: 1 → "Q1 (copy)",
    /// n → "Q1 (copy n)".
    pub copy_name: fn(&str, u32) -> String,
}

/// What an action may need that the model does not make itself: the time, and new plan ids.
pub struct Now<'a> {
    /// Milliseconds since 1970-01-01 UTC.
    pub ms: u64,
    /// A new id, never used before, at each call.
    pub new_id: &'a mut dyn FnMut() -> PlanId,
}

/// A change storage must make for the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Save this record over the one with its id.
    Save(Box<PlanRecord>),
    /// Remove the plan with this id for good.
    Remove(PlanId),
}

/// The outcome of an action, for the page to announce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A plan went to the bin; it can be restored.
    Deleted { id: PlanId, name: String },
    /// A plan came back from the bin.
    Restored { name: String },
    /// This many plans were added from a file (more may wait for a choice).
    Imported { count: usize },
    /// Every plan in the file is already here, unchanged.
    NothingNewToImport,
    /// Another tab's change to the open plan was merged into it.
    UpdatedFromOtherTab,
    /// What was typed was kept as a plan of its own, named so.
    SavedCopy { name: String },
}

/// An imported plan whose id is already in the library: the person chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportClash {
    /// The plan as the file has it.
    pub imported: PlanRecord,
    /// The name of the plan here with the same id.
    pub existing_name: String,
}

/// What to open when the page opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// A plan from a share link, shown without being saved.
    Shared(Box<PlanDraft>),
    /// The plan the address names if it is in the library and not deleted, else the most
    /// recently changed plan, else (a first visit) the example.
    Plan(Option<PlanId>),
}

/// A plan from a share link, shown but not saved unless the person asks.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SharedView {
    /// The plan as the link carried it, to tell whether it was edited.
    original: PlanDraft,
    /// The plan as typed.
    draft: PlanDraft,
}

/// What the editor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Open {
    /// The plan with this id.
    Plan(PlanId),
    /// A shared plan.
    Shared(Box<SharedView>),
}

/// How many versions a tab remembers for merging: a few for each plan being edited in two tabs.
const HISTORY_LEN: usize = 32;

/// Every plan this tab knows, the open one, and what storage must do.
#[derive(Debug, Clone)]
pub struct Library {
    /// Every plan as this tab holds it (deleted ones included), the open one as typed: a save
    /// storage refused leaves it here, so the list shows what the editor shows.
    records: Vec<PlanRecord>,
    /// Every plan as storage holds it, as far as this tab knows: the version both tabs last
    /// agreed on, and what a save can be skipped against.
    stored: Vec<PlanRecord>,
    /// The last versions storage held that this tab saw (saved or heard of), newest last, at
    /// most [`HISTORY_LEN`]: where a merge finds the version both tabs last knew.
    history: Vec<PlanRecord>,
    open: Open,
    /// The example opened on a first visit, listed but not yet saved: it is saved with the first
    /// change the person makes to the library, so it never vanishes from the list on reload.
    unsaved_example: Option<PlanRecord>,
    pub(super) conflict: Option<Conflict>,
    clashes: Vec<ImportClash>,
    defaults: Defaults,
    writes: Vec<Write>,
    pub(super) notice: Option<Notice>,
}

impl Library {
    /// The library of `records` as storage holds them: plans deleted more than 30 days ago are
    /// removed for good (see [`Library::take_writes`]), and `start` says what is opened. A first
    /// visit opens the example without saving it: opening the page writes nothing until the
    /// person changes something.
    pub fn open(
        mut records: Vec<PlanRecord>,
        defaults: Defaults,
        start: Start,
        now: &mut Now,
    ) -> Library {
        let writes = expired(&records, now.ms)
            .into_iter()
            .map(Write::Remove)
            .collect();
        records.retain(|record| !record.is_expired(now.ms));
        let stored = records.clone();
        let history = records
            .iter()
            .filter(|record| !record.lineage.is_empty())
            .cloned()
            .collect();
        let mut unsaved_example = None;
        let open = match start {
            Start::Shared(draft) => Open::Shared(Box::new(SharedView {
                original: (*draft).clone(),
                draft: *draft,
            })),
            Start::Plan(named) => {
                let named = named.filter(|id| is_live(&records, id));
                match named.or_else(|| newest_live(&records)) {
                    Some(id) => Open::Plan(id),
                    None => {
                        let record = PlanRecord::new((now.new_id)(), now.ms, (defaults.example)());
                        let id = record.id.clone();
                        records.push(record.clone());
                        unsaved_example = Some(record);
                        Open::Plan(id)
                    }
                }
            }
        };
        Library {
            records,
            stored,
            history,
            open,
            unsaved_example,
            conflict: None,
            clashes: Vec::new(),
            defaults,
            writes,
            notice: None,
        }
    }

    // -- What the page shows -------------------------------------------------------------------

    /// The id of the plan in the editor; `None` while a shared plan is shown.
    pub fn open_id(&self) -> Option<&PlanId> {
        match &self.open {
            Open::Plan(id) => Some(id),
            Open::Shared(_) => None,
        }
    }

    /// The plan in the editor, as typed: the open plan's record, this tab's version while a
    /// conflict waits for an answer, or the shared plan.
    pub fn open_draft(&self) -> Option<&PlanDraft> {
        match (&self.open, &self.conflict) {
            (Open::Shared(view), _) => Some(&view.draft),
            (Open::Plan(_), Some(conflict)) => Some(&conflict.mine),
            (Open::Plan(id), None) => self.record(id).map(|record| &record.draft),
        }
    }

    /// Whether a shared plan is shown.
    pub fn is_shared(&self) -> bool {
        matches!(self.open, Open::Shared(_))
    }

    /// The plans to list (not deleted), newest change first.
    pub fn listed(&self) -> Vec<PlanRecord> {
        self.live().into_iter().cloned().collect()
    }

    /// The plans to list (not deleted), newest change first, as they are kept.
    pub fn live(&self) -> Vec<&PlanRecord> {
        newest_first(&self.records)
            .into_iter()
            .filter(|record| !record.is_deleted())
            .collect()
    }

    /// The plans in the bin, most recently deleted first.
    pub fn binned(&self) -> Vec<PlanRecord> {
        let mut binned: Vec<PlanRecord> = self
            .records
            .iter()
            .filter(|record| record.is_deleted())
            .cloned()
            .collect();
        sort_stable_by(&mut binned, |a, b| b.deleted_ms.cmp(&a.deleted_ms));
        binned
    }

    /// Every live plan, for "Export all plans"; the open one as in the editor, even while a
    /// change from another tab waits for an answer.
    pub fn for_export(&self) -> Vec<PlanRecord> {
        let mut plans = self.listed();
        if let (Some(id), Some(draft)) = (self.open_id(), self.open_draft()) {
            if let Some(open) = plans.iter_mut().find(|record| &record.id == id) {
                open.draft = draft.clone();
            }
        }
        plans
    }

    /// The open plan as a record, as in the editor, for "Export this plan"; `None` for a shared
    /// plan, which has no record yet.
    pub fn open_record(&self) -> Option<PlanRecord> {
        let record = self.record(self.open_id()?)?;
        Some(PlanRecord {
            draft: self.open_draft()?.clone(),
            ..record.clone()
        })
    }

    /// The imported plan waiting for a choice, if any (the first of them).
    pub fn clash(&self) -> Option<&ImportClash> {
        self.clashes.first()
    }

    /// The writes storage must make, oldest first; the library forgets them.
    pub fn take_writes(&mut self) -> Vec<Write> {
        std::mem::take(&mut self.writes)
    }

    /// The outcome of the last action, if it has one to announce; the library forgets it.
    pub fn take_notice(&mut self) -> Option<Notice> {
        self.notice.take()
    }

    /// Storage saved `record` (with its version's id first in its lineage): it is now the
    /// version both tabs agree on.
    pub fn saved(&mut self, record: &PlanRecord) {
        self.set_known(&record.id, Some(record.clone()));
    }

    /// Storage removed plan `id`.
    pub fn removed(&mut self, id: &PlanId) {
        set_record(&mut self.stored, id, None);
    }

    // -- Editing -------------------------------------------------------------------------------

    /// The editor's plan is now `draft`: the open record takes it (the list shows it at once)
    /// and is saved if it differs from what storage holds. `in_storage` is the open plan as
    /// storage holds it right now: if another tab saved it since this tab last heard, that
    /// change is taken in first (see [`Library::take_in`]). While a conflict waits for an answer,
    /// `draft` goes to the conflict's copy instead; a shared plan is only shown.
    pub fn edit(&mut self, draft: &PlanDraft, in_storage: Option<PlanRecord>, now: &mut Now) {
        let id = match &mut self.open {
            Open::Shared(view) => {
                if &view.draft != draft {
                    view.draft = draft.clone();
                }
                return;
            }
            Open::Plan(id) => id.clone(),
        };
        if let Some(conflict) = &mut self.conflict {
            if &conflict.mine != draft {
                conflict.mine = draft.clone();
            }
            self.keep_copy(now);
            return;
        }
        let Some(record) = self.live_mut(&id) else {
            return;
        };
        if &record.draft != draft {
            record.draft = draft.clone();
        }
        if let Some(theirs) = in_storage {
            self.take_in(id, Some(theirs), now);
        }
        if self.conflict.is_none() {
            self.save_open(now);
        }
    }

    /// Queues a save of the open plan if it differs from what storage holds.
    pub(super) fn save_open(&mut self, now: &Now) {
        let Some(id) = self.open_id().cloned() else {
            return;
        };
        let Some(record) = self.record(&id) else {
            return;
        };
        let is_same = |other: &PlanRecord| {
            other.id == id && other.draft == record.draft && other.deleted_ms == record.deleted_ms
        };
        let is_saved = self.known(&id).is_some_and(is_same)
            || self
                .writes
                .iter()
                .any(|write| matches!(write, Write::Save(queued) if is_same(queued)));
        if is_saved {
            return;
        }
        let record = PlanRecord {
            modified_ms: now.ms,
            ..record.clone()
        };
        self.put(record);
    }

    // -- The list of plans ---------------------------------------------------------------------

    /// Opens plan `id` (in the bin or not). A shared plan that was edited is saved as a new plan
    /// first, and a conflict waiting for an answer ends with this tab's version kept as its copy
    /// ("Keep both").
    pub fn switch_to(&mut self, id: &PlanId, now: &mut Now) {
        if self.record(id).is_none() {
            return;
        }
        self.leave_shared(now);
        self.leave_conflict(now);
        self.open = Open::Plan(id.clone());
    }

    /// "New plan": `draft` under the first free name of "New plan", "New plan 2" …, saved and
    /// opened.
    pub fn new_plan(&mut self, draft: PlanDraft, now: &mut Now) {
        let new_plan_name = self.defaults.new_plan_name;
        let name = self.free_name(&new_plan_name);
        self.create(PlanDraft { name, ..draft }, now);
    }

    /// "Duplicate plan": a copy of the open plan named "… (copy)", saved and opened.
    pub fn duplicate(&mut self, now: &mut Now) {
        if let Some(copy) = self.open_draft().map(|draft| self.copy_of(draft)) {
            self.create(copy, now);
        }
    }

    /// "Make scenarios": each of `drafts` saved as a new plan, the open plan staying open. A
    /// name a live plan has already gets a number ("… 2", "… 3" …). Returns the new plans' ids,
    /// in order.
    pub fn add(&mut self, drafts: Vec<PlanDraft>, now: &mut Now) -> Vec<PlanId> {
        drafts
            .into_iter()
            .map(|draft| {
                let name = draft.name.trim().to_owned();
                let name = self.free_name(&|number| match number {
                    1 => name.clone(),
                    n => format!("{name} {n}"),
                });
                let id = (now.new_id)();
                self.put(PlanRecord::new(
                    id.clone(),
                    now.ms,
                    PlanDraft { name, ..draft },
                ));
                id
            })
            .collect()
    }

    /// A copy of `draft` (e.g. a plan a newer version saved) named "… (copy)", saved and opened.
    pub fn open_copy(&mut self, draft: &PlanDraft, now: &mut Now) {
        let copy = self.copy_of(draft);
        self.create(copy, now);
    }

    /// Moves plan `id` to the bin (restorable for 30 days); if it was open, the most recently
    /// changed plan is opened, or a new example when none is left.
    pub fn delete(&mut self, id: &PlanId, now: &mut Now) {
        let Some(record) = self.record(id).filter(|record| !record.is_deleted()) else {
            return;
        };
        let name = record.draft.name.clone();
        self.put(PlanRecord {
            deleted_ms: Some(now.ms),
            ..record.clone()
        });
        if self.open_id() == Some(id) {
            self.open_newest(now);
        }
        self.notice = Some(Notice::Deleted {
            id: id.clone(),
            name,
        });
    }

    /// Takes plan `id` out of the bin and opens it.
    pub fn restore(&mut self, id: &PlanId, now: &mut Now) {
        let Some(record) = self.record(id) else {
            return;
        };
        let name = record.draft.name.clone();
        self.put(PlanRecord {
            deleted_ms: None,
            ..record.clone()
        });
        self.switch_to(id, now);
        self.notice = Some(Notice::Restored { name });
    }

    /// Removes plan `id`, which must be in the bin, for good.
    pub fn remove_forever(&mut self, id: &PlanId) {
        if self.record(id).is_some_and(PlanRecord::is_deleted) {
            self.remove(id);
        }
    }

    /// Removes for good every plan deleted more than 30 days before `now_ms`.
    pub fn purge_expired(&mut self, now_ms: u64) {
        for id in expired(&self.records, now_ms) {
            self.remove(&id);
        }
    }

    // -- Share links ---------------------------------------------------------------------------

    /// Shows a plan from a share link, without saving it. An edited shared plan shown before is
    /// saved as a new plan first; a conflict waiting for an answer keeps this tab's copy.
    pub fn open_shared(&mut self, draft: PlanDraft, now: &mut Now) {
        self.leave_shared(now);
        self.leave_conflict(now);
        self.open = Open::Shared(Box::new(SharedView {
            original: draft.clone(),
            draft,
        }));
    }

    /// "Save a copy" of the shared plan, as typed, into the library, and opens it.
    pub fn save_shared(&mut self, now: &mut Now) {
        let Open::Shared(view) = &mut self.open else {
            return;
        };
        // Saved here, so leaving the view saves nothing more.
        view.original = view.draft.clone();
        let draft = view.draft.clone();
        let name = draft.name.clone();
        self.create(draft, now);
        self.notice = Some(Notice::SavedCopy { name });
    }

    /// Closes the shared plan and opens the library's most recently changed plan. Edits made to
    /// the shared plan are kept as a new plan, so nothing typed is lost.
    pub fn close_shared(&mut self, now: &mut Now) {
        if self.is_shared() {
            self.leave_shared(now);
            self.open_newest(now);
        }
    }

    /// Saves an edited shared plan as a new plan; the view stays open (marked unedited) until
    /// something else is opened.
    fn leave_shared(&mut self, now: &mut Now) {
        let Open::Shared(view) = &mut self.open else {
            return;
        };
        if view.draft == view.original {
            return;
        }
        view.original = view.draft.clone();
        let draft = view.draft.clone();
        let name = draft.name.clone();
        self.put(PlanRecord::new((now.new_id)(), now.ms, draft));
        self.notice = Some(Notice::SavedCopy { name });
    }

    // -- Import --------------------------------------------------------------------------------

    /// Adds imported plans (as live plans): new ones at once, ones whose id is already here
    /// after the person chooses (see [`Library::resolve_clash`]); identical ones are skipped.
    /// The first plan added is opened.
    pub fn import(&mut self, imported: Vec<PlanRecord>, now: &mut Now) {
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
                    existing_name: existing.draft.name.clone(),
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
            self.switch_to(&id, now);
        }
        self.notice = Some(if added == 0 && clashes.is_empty() {
            Notice::NothingNewToImport
        } else {
            Notice::Imported { count: added }
        });
        self.clashes = clashes;
    }

    /// Settles the first waiting clash: replace the plan here (`replace`), or keep both (the
    /// imported one under a new id and a "(copy)" name). Whether there was one to settle.
    pub fn resolve_clash(&mut self, replace: bool, now: &mut Now) -> bool {
        if self.clashes.is_empty() {
            return false;
        }
        let imported = self.clashes.remove(0).imported;
        let record = if replace {
            PlanRecord {
                modified_ms: now.ms,
                ..imported
            }
        } else {
            PlanRecord::new((now.new_id)(), now.ms, self.copy_of(&imported.draft))
        };
        self.put(record);
        true
    }

    /// Forgets the plans waiting for a choice (a new import was started).
    pub fn forget_clashes(&mut self) {
        self.clashes.clear();
    }

    // -- Helpers -------------------------------------------------------------------------------

    pub(super) fn record(&self, id: &PlanId) -> Option<&PlanRecord> {
        self.records.iter().find(|record| &record.id == id)
    }

    fn live_mut(&mut self, id: &PlanId) -> Option<&mut PlanRecord> {
        self.records
            .iter_mut()
            .find(|record| &record.id == id && !record.is_deleted())
    }

    /// Plan `id` as storage holds it, as far as this tab knows (the unsaved example as it was
    /// opened).
    pub(super) fn known(&self, id: &PlanId) -> Option<&PlanRecord> {
        self.stored
            .iter()
            .chain(&self.unsaved_example)
            .find(|record| &record.id == id)
    }

    /// What this tab knows storage holds for plan `id` is now `record`.
    pub(super) fn set_known(&mut self, id: &PlanId, record: Option<PlanRecord>) {
        if let Some(record) = record.as_ref().filter(|record| !record.lineage.is_empty()) {
            if self.history.len() >= HISTORY_LEN {
                self.history.remove(0);
            }
            self.history.push(record.clone());
        }
        set_record(&mut self.stored, id, record);
    }

    /// The version of plan `id` this tab saw that is the newest of `lineage` (a version's own id
    /// first, then its parents'): the last version this tab and the tab that saved `lineage`
    /// both knew. `None` when this tab saw none of them.
    pub(super) fn common_version(&self, id: &PlanId, lineage: &[String]) -> Option<&PlanRecord> {
        lineage.iter().find_map(|version| {
            self.history.iter().rev().find(|seen| {
                &seen.id == id && seen.lineage.first().is_some_and(|own| own == version)
            })
        })
    }

    /// Plan `id` in this tab is now `record` (`None`: gone).
    pub(super) fn set_record(&mut self, id: &PlanId, record: Option<PlanRecord>) {
        set_record(&mut self.records, id, record);
    }

    /// Puts `record` in the library (replacing the one with its id) and queues its save, as a
    /// child of the version this tab knows storage holds.
    pub(super) fn put(&mut self, mut record: PlanRecord) {
        record.lineage = self
            .known(&record.id)
            .map(|known| known.lineage.clone())
            .unwrap_or_default();
        self.set_record(&record.id.clone(), Some(record.clone()));
        self.queue(Write::Save(Box::new(record)));
    }

    /// Takes plan `id` out of the library and queues its removal.
    pub(super) fn remove(&mut self, id: &PlanId) {
        self.set_record(id, None);
        self.queue(Write::Remove(id.clone()));
    }

    /// Queues `write`, after the first visit's example if it is still only in this tab.
    fn queue(&mut self, write: Write) {
        if let Some(example) = self.unsaved_example.take() {
            let is_example = matches!(&write, Write::Save(record) if record.id == example.id);
            if !is_example {
                if let Some(record) = self.record(&example.id) {
                    self.writes.push(Write::Save(Box::new(record.clone())));
                }
            }
        }
        self.writes.push(write);
    }

    /// Adds a plan with `draft`, saves it and opens it.
    fn create(&mut self, draft: PlanDraft, now: &mut Now) {
        let id = (now.new_id)();
        self.put(PlanRecord::new(id.clone(), now.ms, draft));
        self.switch_to(&id, now);
    }

    /// Opens the most recently changed live plan, or a new example when none is left.
    pub(super) fn open_newest(&mut self, now: &mut Now) {
        match newest_live(&self.records) {
            Some(id) => self.switch_to(&id, now),
            None => {
                let example = (self.defaults.example)();
                self.create(example, now);
            }
        }
    }

    /// A name no live plan has: the first free one of `name_for(1)`, `name_for(2)` …
    fn free_name(&self, name_for: &dyn Fn(u32) -> String) -> String {
        let taken = self
            .records
            .iter()
            .filter(|record| !record.is_deleted())
            .map(|record| record.draft.name.as_str());
        unique_name((1..=u32::MAX).map(name_for), taken)
    }

    /// A copy of `draft` named "… (copy)", "… (copy 2)" …
    pub(super) fn copy_of(&self, draft: &PlanDraft) -> PlanDraft {
        let name = draft.name.trim();
        let copy_name = self.defaults.copy_name;
        PlanDraft {
            name: self.free_name(&|number| copy_name(name, number)),
            ..draft.clone()
        }
    }
}

/// Puts `record` in `records` in place of the one with `id` (or adds it); `None` removes it.
fn set_record(records: &mut Vec<PlanRecord>, id: &PlanId, record: Option<PlanRecord>) {
    match (records.iter_mut().find(|other| &other.id == id), record) {
        (Some(slot), Some(record)) => *slot = record,
        (None, Some(record)) => records.push(record),
        (_, None) => records.retain(|other| &other.id != id),
    }
}

/// Whether plan `id` is in `records` and not deleted.
fn is_live(records: &[PlanRecord], id: &PlanId) -> bool {
    records
        .iter()
        .any(|record| &record.id == id && !record.is_deleted())
}

/// The most recently changed plan that is not deleted.
fn newest_live(records: &[PlanRecord]) -> Option<PlanId> {
    newest_first(records)
        .into_iter()
        .find(|record| !record.is_deleted())
        .map(|record| record.id.clone())
}

/// The plans deleted more than 30 days before `now_ms`.
fn expired(records: &[PlanRecord], now_ms: u64) -> Vec<PlanId> {
    records
        .iter()
        .filter(|record| record.is_expired(now_ms))
        .map(|record| record.id.clone())
        .collect()
}
