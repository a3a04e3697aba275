//! Two tabs on one library: another tab's change to a plan is taken in, merged field by field
//! with what this tab typed (see [`crate::model::merge`]); only when both changed the same field
//! differently (or the other tab deleted the plan) is the person asked, and until they answer,
//! what this tab types is saved in a copy listed with the other plans, so a reload or a closed
//! tab loses nothing.

use super::plans::{Library, Notice, Now};
use super::{PlanId, PlanRecord};
use crate::model::merge::{merge_preferring, Clash, Prefer};
use crate::model::PlanDraft;

/// Another tab changed the open plan in the same places as this tab (or deleted it), and the
/// person has not yet chosen which version to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The other tab's version, as saved; `None` when the plan was removed for good.
    pub(super) theirs: Option<PlanRecord>,
    /// This tab's plan as storage last held it before the other tab's change.
    pub(super) base: PlanDraft,
    /// This tab's version, as typed: what the editor shows.
    pub(super) mine: PlanDraft,
    /// The fields both tabs changed, each differently.
    pub(super) clashes: Vec<Clash>,
    /// Where this tab's version is kept, once it differs from `base`.
    pub(super) copy: Option<ConflictCopy>,
}

/// The copy holding this tab's version while a conflict waits for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ConflictCopy {
    pub(super) id: PlanId,
    /// Its name in the library, e.g. "2027 base (copy)".
    pub(super) name: String,
    /// The plan's name as typed when the copy was made: if the person renames the plan
    /// meanwhile, the copy takes the new name instead.
    pub(super) typed_name: String,
}

/// What the person is asked while a conflict waits for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The other tab deleted the plan (or removed it for good), rather than changed it.
    pub is_deleted_there: bool,
    /// The name of the copy this tab's version is kept in, once there is one.
    pub copy_name: Option<String>,
    /// The fields both tabs changed, each differently (none when the plan was deleted there).
    pub clashes: Vec<Clash>,
}

impl Library {
    /// The question to put to the person while another tab's change waits for an answer.
    pub fn question(&self) -> Option<Question> {
        self.conflict.as_ref().map(|conflict| Question {
            is_deleted_there: conflict.theirs.as_ref().is_none_or(PlanRecord::is_deleted),
            copy_name: conflict.copy.as_ref().map(|copy| copy.name.clone()),
            clashes: conflict.clashes.clone(),
        })
    }

    /// Takes in another tab's version of plan `id` as storage now holds it (`None`: removed for
    /// good). A plan not open here is simply replaced. The open plan is merged field by field
    /// against the version this tab last knew storage to hold: what only the other tab changed
    /// shows up here, and what this tab typed stays (and is saved). Only when both changed the
    /// same field differently, or the plan was deleted there, does a conflict begin.
    pub fn take_in(&mut self, id: PlanId, theirs: Option<PlanRecord>, now: &mut Now) {
        let known = self.known(&id).cloned();
        let is_known = match (&known, &theirs) {
            (Some(known), Some(theirs)) => {
                known.draft == theirs.draft && known.deleted_ms == theirs.deleted_ms
            }
            (known, theirs) => known.is_none() && theirs.is_none(),
        };
        if is_known {
            return;
        }
        // The last version both tabs knew: the newest of their save's versions this tab saw (so
        // saves crossing each other still merge against what each started from), else the
        // version this tab last knew storage to hold.
        let common = theirs
            .as_ref()
            .and_then(|theirs| self.common_version(&id, &theirs.lineage))
            .cloned();
        self.set_known(&id, theirs.clone());
        if self.open_id() != Some(&id) {
            self.set_record(&id, theirs);
            return;
        }
        if let Some(conflict) = &mut self.conflict {
            conflict.theirs = theirs.clone();
            if let Some(theirs) = theirs.as_ref().filter(|theirs| !theirs.is_deleted()) {
                conflict.clashes =
                    merge_preferring(&conflict.base, &conflict.mine, &theirs.draft, Prefer::Mine)
                        .clashes;
            }
            self.set_record(&id, theirs);
            return;
        }
        let Some(mine) = self.record(&id).map(|record| record.draft.clone()) else {
            self.set_record(&id, theirs);
            return;
        };
        let base = common
            .or(known)
            .map_or_else(|| mine.clone(), |base| base.draft);
        let merged = theirs
            .as_ref()
            .filter(|theirs| !theirs.is_deleted())
            .map(|theirs| merge_preferring(&base, &mine, &theirs.draft, Prefer::Mine));
        match (merged, theirs) {
            (Some(merged), Some(theirs)) if merged.clashes.is_empty() => {
                if theirs.draft != mine {
                    self.notice = Some(Notice::UpdatedFromOtherTab);
                }
                self.set_record(
                    &id,
                    Some(PlanRecord {
                        draft: merged.draft,
                        ..theirs
                    }),
                );
                self.save_open(now);
            }
            (merged, theirs) => {
                // What the other tab changed elsewhere shows here at once; only the fields both
                // changed wait for the person, showing this tab's text meanwhile.
                let (mine, clashes) =
                    merged.map_or((mine, Vec::new()), |merged| (merged.draft, merged.clashes));
                self.set_record(&id, theirs.clone());
                self.conflict = Some(Conflict {
                    theirs,
                    base,
                    mine,
                    clashes,
                    copy: None,
                });
                self.keep_copy(now);
            }
        }
    }

    /// The open plan merged with the other tab's version, each field both changed settled for
    /// `prefer`; `None` if the other tab deleted the plan.
    fn settled(conflict: &Conflict, prefer: Prefer) -> Option<PlanDraft> {
        let theirs = conflict
            .theirs
            .as_ref()
            .filter(|theirs| !theirs.is_deleted())?;
        Some(merge_preferring(&conflict.base, &conflict.mine, &theirs.draft, prefer).draft)
    }

    /// Saves this tab's version into the conflict's copy, making the copy the first time this
    /// tab's version differs from what storage held before the other tab's change.
    pub(super) fn keep_copy(&mut self, now: &mut Now) {
        let Some(conflict) = &self.conflict else {
            return;
        };
        if conflict.copy.is_none() && conflict.mine == conflict.base {
            return;
        }
        let copy = match &conflict.copy {
            Some(copy) => copy.clone(),
            None => ConflictCopy {
                id: (now.new_id)(),
                name: self.copy_of(&conflict.mine).name,
                typed_name: conflict.mine.name.clone(),
            },
        };
        let name = if conflict.mine.name == copy.typed_name {
            copy.name.clone()
        } else {
            conflict.mine.name.clone()
        };
        let draft = PlanDraft {
            name,
            ..conflict.mine.clone()
        };
        let id = copy.id.clone();
        if let Some(conflict) = &mut self.conflict {
            conflict.copy.get_or_insert(copy);
        }
        if self.record(&id).is_some_and(|saved| saved.draft == draft) {
            return;
        }
        self.put(PlanRecord::new(id, now.ms, draft));
    }

    /// Ends the conflict; the copy of this tab's version is removed unless `is_kept`.
    fn end_conflict(&mut self, is_kept: bool) -> Option<Conflict> {
        let conflict = self.conflict.take()?;
        if let Some(copy) = conflict.copy.as_ref().filter(|_| !is_kept) {
            self.remove(&copy.id);
        }
        Some(conflict)
    }

    /// Ends the conflict keeping this tab's version as its copy, saved as it is now; the copy's
    /// id, if this tab's version differed from what it last saved.
    fn settle_as_copy(&mut self, now: &mut Now) -> Option<PlanId> {
        self.keep_copy(now);
        self.end_conflict(true)?.copy.map(|copy| copy.id)
    }

    /// Leaving a plan while a conflict waits for an answer keeps this tab's version as the copy
    /// it was being saved in ("Keep both").
    pub(super) fn leave_conflict(&mut self, now: &mut Now) {
        let copy = self.settle_as_copy(now);
        if let Some(record) = copy.and_then(|id| self.record(&id)) {
            self.notice = Some(Notice::SavedCopy {
                name: record.draft.name.clone(),
            });
        }
    }

    /// "Use the other tab's version" (or, if it deleted the plan, open another one): the fields
    /// both tabs changed take the other tab's text, and what only this tab changed stays. This
    /// tab's copy is removed.
    pub fn take_theirs(&mut self, now: &mut Now) {
        let Some(conflict) = self.end_conflict(false) else {
            return;
        };
        match (Self::settled(&conflict, Prefer::Theirs), conflict.theirs) {
            (Some(draft), Some(theirs)) if draft != theirs.draft => self.put(PlanRecord {
                modified_ms: now.ms,
                draft,
                ..theirs
            }),
            (Some(_), Some(_)) => {}
            _ => self.open_newest(now),
        }
    }

    /// "Keep my version": the fields both tabs changed keep this tab's text, and what only the
    /// other tab changed stays; saved over the other tab's version (or its deletion), and the
    /// copy that held this tab's version meanwhile is removed.
    pub fn keep_mine(&mut self, now: &mut Now) {
        let Some(id) = self.open_id().cloned() else {
            return;
        };
        let Some(conflict) = self.end_conflict(false) else {
            return;
        };
        let draft = Self::settled(&conflict, Prefer::Mine).unwrap_or(conflict.mine);
        self.put(PlanRecord::new(id, now.ms, draft));
    }

    /// "Keep both": this tab's version stays a plan of its own (the copy it was saved in) and
    /// is opened; the other tab's stays as it is.
    pub fn keep_both(&mut self, now: &mut Now) {
        if let Some(id) = self.settle_as_copy(now) {
            self.switch_to(&id, now);
        }
    }
}
