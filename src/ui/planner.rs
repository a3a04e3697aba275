//! The page's state: the library of plans (its rules are `model::library::Library`), the plan in
//! the editor, and what the person must be told. Every action is a method here, so the
//! components only call them; the library decides, `storage` does the saving, and this wrapper
//! carries the library's writes to storage and their outcome back.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::embed::{decode_query, embed_start, OPEN_PREFIX};
use crate::model::library::{Defaults, ImportClash, Library, Notice, Now, Question, Start, Write};
use crate::model::{PlanDraft, PlanId, PlanRecord};
use crate::storage::schema::{DecodeError, Problem};
use crate::storage::share::{decode_fragment, is_share_fragment, share_fragment, ShareError};
use crate::storage::{self, Change, NewerPlan, StorageIssue, Store, Unreadable};
use crate::ui::browser::focus_later;
use crate::ui::browser::{
    fragment, new_plan_id, next_task, now_ms, open_on_plan_page, set_fragment,
};
use crate::ui::state::{example_plan, new_plan_draft};
use crate::ui::text::{lang, plan_label, t, tf};

/// The id of the status line's message, to bring it into view.
pub const STATUS_MESSAGE: &str = "status-message";

/// What the URL fragment holds to say which plan is open: `#plan=<id>`.
const PLAN_FRAGMENT: &str = "plan=";

/// What follows the plan in the URL fragment to name a field to focus: `#plan=<id>&field=<id>`.
pub const FIELD_FRAGMENT: &str = "&field=";

/// The outcome of the last action, announced in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// An action on the library of plans.
    Library(Notice),
    ShareDamaged,
    ShareNewer,
    /// The address named a plan that is not in this browser (or named none in a way that could
    /// be read, "#plann=…"): `shown` is the plan opened instead, never silently.
    LinkNotHere {
        fragment: String,
        shown: String,
    },
    /// A link from the embed gave values the app could not use: the worked example's stand in
    /// their place, named ("goal, rate").
    LinkValuesReplaced(String),
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

/// "New plan", "New plan 2" …
fn new_plan_name(number: u32) -> String {
    if number < 2 {
        t(Key::NewPlanName).to_owned()
    } else {
        tf(Key::NewPlanNameNumbered, &[("number", &number.to_string())])
    }
}

/// "Q1 (copy)", "Q1 (copy 2)" …
fn copy_name(name: &str, number: u32) -> String {
    if number < 2 {
        tf(Key::CopyName, &[("name", name)])
    } else {
        tf(
            Key::CopyNameNumbered,
            &[("name", name), ("number", &number.to_string())],
        )
    }
}

/// The page's words for the library.
const DEFAULTS: Defaults = Defaults {
    example: example_plan,
    new_plan_name,
    copy_name,
};

/// All of the page's state. Cheap to copy: every field is a signal.
#[derive(Clone, Copy)]
pub struct Planner {
    /// Every plan, the open one, and the rules that change them.
    library: RwSignal<Library>,
    /// The editor's plan: what the components edit. It shows the library's open plan, and each
    /// change to it goes back to the library ([`Planner::autosave`]).
    draft: RwSignal<PlanDraft>,
    store: StoredValue<Store>,
    issue: RwSignal<Option<StorageIssue>>,
    unreadable: RwSignal<Vec<Unreadable>>,
    newer: RwSignal<Vec<NewerPlan>>,
    status: RwSignal<Option<Status>>,
    import_failure: RwSignal<Option<ImportFailure>>,
    /// Derived from the library, so that typing does not redraw the notices.
    asked: Memo<Asked>,
}

/// What the notices show of the library: one memo for all (one type less in the first load).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asked {
    /// What to ask while another tab's change waits for an answer.
    question: Option<Question>,
    is_shared: bool,
    /// The imported plan waiting for a choice.
    clash: Option<ImportClash>,
}

impl Asked {
    fn of(library: &Library) -> Asked {
        Asked {
            question: library.question(),
            is_shared: library.is_shared(),
            clash: library.clash().cloned(),
        }
    }
}

impl Planner {
    /// Opens storage, migrating and setting aside what it must, and opens the plan the URL
    /// names, a shared plan, or the most recently changed one.
    pub fn open() -> Planner {
        let opened = storage::open(now_ms(), new_plan_id, lang());
        let whole = fragment();
        // `…&field=<id>`: a problem followed from another area; its field gets the focus.
        let (fragment, field) = match whole.rsplit_once(FIELD_FRAGMENT) {
            Some((fragment, field)) => (fragment.to_owned(), Some(field.to_owned())),
            None => (whole, None),
        };
        let mut status = None;
        // A fragment that names a plan, or tries to: what it asked for, to say so if it is not
        // what opens.
        let mut asked_for = None;
        let start = match shared_plan(&fragment) {
            Some(Ok((draft, replaced))) => {
                status = replaced;
                Start::Shared(Box::new(draft))
            }
            Some(Err(error)) => {
                status = Some(share_failure(&error));
                Start::Plan(None)
            }
            None => {
                let named = fragment.strip_prefix(PLAN_FRAGMENT).and_then(PlanId::parse);
                if !fragment.is_empty() {
                    asked_for = Some(named.clone());
                }
                Start::Plan(named)
            }
        };
        let mut new_id = new_plan_id;
        let mut now = Now {
            ms: now_ms(),
            new_id: &mut new_id,
        };
        let library = RwSignal::new(Library::open(opened.plans, DEFAULTS, start, &mut now));
        let draft = library.with_untracked(|library| library.open_draft().cloned());
        if let Some(asked_for) = asked_for {
            let opened = library.with_untracked(|library| library.open_id().cloned());
            if asked_for.is_none() || asked_for != opened {
                status = Some(Status::LinkNotHere {
                    fragment: fragment.clone(),
                    shown: draft
                        .as_ref()
                        .map(|draft| plan_label(&draft.name))
                        .unwrap_or_default(),
                });
            }
        }
        let planner = Planner {
            library,
            draft: RwSignal::new(draft.unwrap_or_else(example_plan)),
            store: StoredValue::new(opened.store),
            issue: RwSignal::new(opened.issue),
            unreadable: RwSignal::new(opened.unreadable),
            newer: RwSignal::new(opened.newer),
            status: RwSignal::new(status),
            import_failure: RwSignal::new(None),
            asked: Memo::new(move |_| library.with(Asked::of)),
        };
        planner.change(&mut |_, _| {});
        if let Some(field) = field {
            focus_later(field);
        }
        planner
    }

    // -- What the components read --------------------------------------------------------------

    /// The plan in the editor, as typed.
    pub fn draft(self) -> RwSignal<PlanDraft> {
        self.draft
    }

    /// The open plan's id; `None` while a shared plan is shown.
    pub fn open_id(self) -> Option<PlanId> {
        self.library.with(|library| library.open_id().cloned())
    }

    /// Whether a shared plan is shown.
    pub fn is_shared(self) -> bool {
        self.asked.with(|asked| asked.is_shared)
    }

    /// The URL fragment that opens this plan in another area: the open plan's id, or the plan
    /// as typed here (as a shared plan) when the next page could not read it from storage: a
    /// shared plan, storage blocked, the last save refused, or a newer version's save this tab
    /// does not write over. So nothing typed is lost on the way; a plan too large for a link
    /// keeps its id (and the notice says to export it).
    pub fn fragment_to_keep(self) -> String {
        let is_unsaved = matches!(
            self.issue.get(),
            Some(StorageIssue::Unavailable | StorageIssue::SaveFailed | StorageIssue::NewerVersion)
        );
        let carried = (self.is_shared() || is_unsaved)
            .then(|| self.draft.with(share_fragment))
            .flatten();
        if let Some(carried) = carried {
            carried
        } else if self.is_shared() {
            String::new()
        } else {
            self.open_id()
                .map(|id| format!("{PLAN_FRAGMENT}{id}"))
                .unwrap_or_default()
        }
    }

    /// What to ask while another tab's change to the open plan waits for an answer.
    pub fn question(self) -> Option<Question> {
        self.asked.with(|asked| asked.question.clone())
    }

    /// The imported plan waiting for a choice.
    pub fn clash(self) -> Option<ImportClash> {
        self.asked.with(|asked| asked.clash.clone())
    }

    pub fn issue(self) -> Option<StorageIssue> {
        self.issue.get()
    }

    pub fn unreadable(self) -> Vec<Unreadable> {
        self.unreadable.get()
    }

    pub fn newer(self) -> Vec<NewerPlan> {
        self.newer.get()
    }

    pub fn status(self) -> Option<Status> {
        self.status.get()
    }

    pub fn import_failure(self) -> Option<ImportFailure> {
        self.import_failure.get()
    }

    /// What `read` takes of each plan to list (not deleted), newest change first; the open one
    /// as typed. No plan is copied whole.
    pub fn listed_as<T>(self, read: impl Fn(&PlanRecord) -> T) -> Vec<T> {
        self.library
            .with(|library| library.live().into_iter().map(read).collect())
    }

    /// The plans in the bin, most recently deleted first.
    pub fn deleted(self) -> Vec<PlanRecord> {
        self.library.with(Library::binned)
    }

    /// Every live plan, for "Export all plans"; the open one as on screen.
    pub fn all_for_export(self) -> Vec<PlanRecord> {
        self.library.with_untracked(Library::for_export)
    }

    /// The open plan as a record, for "Export this plan" (a shared plan gets a new id).
    pub fn current_record(self) -> PlanRecord {
        self.library
            .with_untracked(Library::open_record)
            .unwrap_or_else(|| PlanRecord::new(new_plan_id(), now_ms(), self.draft.get_untracked()))
    }

    // -- Carrying out the library's decisions --------------------------------------------------

    /// Runs `action` on the library, makes the writes it asks for, announces its outcome and
    /// shows its open plan. (A `dyn` action: one copy of this code for every action, which
    /// matters for the size of the first load.)
    fn change(self, action: &mut dyn FnMut(&mut Library, &mut Now)) {
        let mut new_id = new_plan_id;
        let mut now = Now {
            ms: now_ms(),
            new_id: &mut new_id,
        };
        let (writes, notice) = self
            .library
            .try_update(|library| {
                action(library, &mut now);
                (library.take_writes(), library.take_notice())
            })
            .unwrap_or_default();
        self.perform(writes);
        if let Some(notice) = notice {
            self.status.set(Some(Status::Library(notice)));
        }
        self.show_open();
    }

    /// Makes `writes` in storage and tells the library which succeeded; a refused save is
    /// reported (the library keeps the plan as typed, and the list shows it so).
    fn perform(self, writes: Vec<Write>) {
        let store = self.store.get_value();
        for write in writes {
            match write {
                Write::Save(record) => {
                    let result = store.save(&record).map(|saved| {
                        self.library
                            .update_untracked(|library| library.saved(&saved));
                    });
                    self.report(result);
                }
                Write::Remove(id) => {
                    store.remove(&id);
                    self.library
                        .update_untracked(|library| library.removed(&id));
                }
            }
        }
    }

    fn report(self, result: Result<(), StorageIssue>) {
        match result {
            Ok(()) => {
                if self.issue.get_untracked() != Some(StorageIssue::Unavailable) {
                    self.issue.set(None);
                }
            }
            Err(issue) => self.issue.set(Some(issue)),
        }
    }

    /// Puts the library's open plan in the editor (if it is not there already) and its id in
    /// the address.
    fn show_open(self) {
        let open = self.library.with_untracked(|library| {
            let draft = library.open_draft()?;
            let is_shown = self.draft.with_untracked(|shown| shown == draft);
            Some((
                library.open_id().cloned(),
                (!is_shown).then(|| draft.clone()),
            ))
        });
        let Some((id, draft)) = open else {
            return;
        };
        if let Some(draft) = draft {
            self.draft.set(draft);
        }
        if let Some(id) = id {
            // In a task of its own: writing the address costs the browser a few ms, which the
            // start-up's first task can do without.
            let wanted = format!("{PLAN_FRAGMENT}{id}");
            next_task(move || {
                if fragment() != wanted {
                    set_fragment(&wanted);
                }
            });
        }
    }

    // -- Actions -------------------------------------------------------------------------------

    /// Gives the library what is typed in the editor: it is saved if it differs from the saved
    /// plan. Called by the page's one autosave effect. If another tab saved the plan since this
    /// tab last heard (its event may still be on its way), the two versions are merged first;
    /// while a conflict waits for an answer, this tab's version goes to its copy instead.
    pub fn autosave(self, draft: &PlanDraft) {
        let store = self.store.get_value();
        let mut in_storage = self
            .library
            .with_untracked(|library| library.open_id().cloned())
            .and_then(|id| match store.load_if_changed(&id, lang()) {
                Some(Some(Ok(record))) => Some(record),
                _ => None,
            });
        self.change(&mut |library, now| library.edit(draft, in_storage.take(), now));
    }

    /// Opens the plan `id` in the editor.
    pub fn switch_to(self, id: PlanId) {
        self.change(&mut |library, now| library.switch_to(&id, now));
    }

    /// "New plan": the standard six-stage funnel with typical rates, and no goal yet.
    pub fn new_plan(self) {
        let mut draft = Some(new_plan_draft());
        self.change(&mut |library, now| {
            if let Some(draft) = draft.take() {
                library.new_plan(draft, now);
            }
        });
        focus_later("plan-name".to_owned());
    }

    /// "Make scenarios": `drafts` saved as new plans, the open plan staying open; their ids.
    pub fn add(self, drafts: Vec<PlanDraft>) -> Vec<PlanId> {
        let mut drafts = Some(drafts);
        let mut ids = Vec::new();
        self.change(&mut |library, now| {
            if let Some(drafts) = drafts.take() {
                ids = library.add(drafts, now);
            }
        });
        ids
    }

    /// "Duplicate plan": a copy of the open plan, opened.
    pub fn duplicate(self) {
        self.change(&mut Library::duplicate);
        focus_later("plan-name".to_owned());
    }

    /// Moves plan `id` to the bin (restorable for 30 days) and opens another plan.
    pub fn delete(self, id: PlanId) {
        self.change(&mut |library, now| library.delete(&id, now));
    }

    /// Takes plan `id` out of the bin and opens it.
    pub fn restore(self, id: PlanId) {
        self.change(&mut |library, now| library.restore(&id, now));
        // The "Undo" or "Restore" button is gone: the restored plan's name is where to go on.
        focus_later("plan-name".to_owned());
    }

    /// Removes plan `id` (already in the bin) for good.
    pub fn remove_forever(self, id: PlanId) {
        self.change(&mut |library, _| library.remove_forever(&id));
        if matches!(self.status.get_untracked(), Some(Status::Library(Notice::Deleted { id: ref deleted, .. })) if deleted == &id)
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
        if let Some(copy) = copy.map(|copy| copy.settled(lang())) {
            self.change(&mut |library, now| library.open_copy(&copy, now));
        }
    }

    /// Forgets text kept aside after the person has had the chance to download it.
    pub fn discard_unreadable(self, key: &str) {
        self.store.get_value().remove_unreadable(key);
        self.unreadable
            .update(|kept| kept.retain(|unreadable| unreadable.key != key));
    }

    // -- Share links ---------------------------------------------------------------------------

    /// Shows the plan in a share link's `fragment`; a damaged link is reported and nothing
    /// changes.
    pub fn open_shared(self, fragment: &str) {
        match shared_plan(fragment) {
            Some(Ok((draft, replaced))) => {
                self.change(&mut |library, now| library.open_shared(draft.clone(), now));
                if replaced.is_some() {
                    self.status.set(replaced);
                }
            }
            Some(Err(error)) => self.status.set(Some(share_failure(&error))),
            None => {}
        }
    }

    /// "Save a copy" of the shared plan into the library.
    pub fn save_shared(self) {
        self.change(&mut Library::save_shared);
    }

    /// Closes the shared plan and goes back to the library's newest plan. Edits made to the
    /// shared plan are kept as a copy, so nothing typed is lost.
    pub fn close_shared(self) {
        self.change(&mut Library::close_shared);
    }

    // -- Import --------------------------------------------------------------------------------

    /// Adds imported plans: new ones at once, ones whose id is already here after the person
    /// chooses (see [`Planner::resolve_clash`]); identical ones are skipped. The first plan added
    /// is opened, and the outcome is brought into view (and announced).
    pub fn import(self, mut imported: Vec<PlanRecord>) {
        self.import_failure.set(None);
        self.change(&mut |library, now| library.import(std::mem::take(&mut imported), now));
        // A plan already here waits for a choice by the import button; otherwise the outcome,
        // at the top of the page, is brought into view.
        if self.asked.with_untracked(|asked| asked.clash.is_none()) {
            focus_later(STATUS_MESSAGE.to_owned());
        }
    }

    /// The last import failed: nothing was added, and no plan waits for a choice.
    pub fn fail_import(self, failure: ImportFailure) {
        self.library.update(Library::forget_clashes);
        self.import_failure.set(Some(failure));
    }

    /// Settles the first waiting clash: replace the plan here, or keep both (the imported one
    /// under a new id and a "(copy)" name).
    pub fn resolve_clash(self, replace: bool) {
        let mut is_resolved = false;
        self.change(&mut |library, now| is_resolved = library.resolve_clash(replace, now));
        if let Some(Status::Library(Notice::Imported { count })) = self.status.get_untracked() {
            if is_resolved {
                self.status
                    .set(Some(Status::Library(Notice::Imported { count: count + 1 })));
            }
        }
    }

    // -- Other tabs ----------------------------------------------------------------------------

    /// Takes in a change another tab saved, as storage holds it now (the event may be older).
    pub fn apply_change(self, change: Change) {
        let Change { id, record } = change;
        let record = self.store.get_value().load(&id, lang()).unwrap_or(record);
        let mut theirs = match record {
            Some(Ok(record)) => Some(record),
            None => None,
            // A newer version now owns this plan here: stop editing it, never write over it.
            Some(Err(DecodeError::NewerVersion(_))) => None,
            // Another tab never writes damaged data; ignore rather than act on it.
            Some(Err(DecodeError::Damaged(_))) => return,
        };
        self.change(&mut |library, now| library.take_in(id.clone(), theirs.take(), now));
    }

    /// "Use the other tab's version" (or, if it deleted the plan, open another one).
    pub fn take_theirs(self) {
        self.change(&mut Library::take_theirs);
    }

    /// "Keep my version": saves this tab's plan over the other tab's change (or deletion).
    pub fn keep_mine(self) {
        self.change(&mut Library::keep_mine);
    }

    /// "Keep both": this tab's version stays a plan of its own and is opened.
    pub fn keep_both(self) {
        self.change(&mut Library::keep_both);
    }
}

/// The plan a link's fragment carries: a share link's, or the plan of a link from the embed
/// ("Open in Funnel Planner"), with the status naming the link's values it could not use;
/// `None` when the fragment is neither. A link from the embed is the Plan page's (where the
/// embed's calculator continues): another page sends it there, and carries none of its code.
fn shared_plan(fragment: &str) -> Option<Result<(PlanDraft, Option<Status>), ShareError>> {
    if let Some(query) = fragment.strip_prefix(OPEN_PREFIX) {
        if crate::pages::Page::built() != crate::pages::Page::Plan {
            open_on_plan_page(fragment);
            return None;
        }
        let start = embed_start(&decode_query(query), example_plan(), lang().symbols());
        let replaced =
            (!start.ignored.is_empty()).then(|| Status::LinkValuesReplaced(start.ignored_list()));
        return Some(Ok((start.draft, replaced)));
    }
    is_share_fragment(fragment)
        .then(|| decode_fragment(fragment, lang()).map(|draft| (draft, None)))
}

/// The status for a share link that could not be opened.
fn share_failure(error: &ShareError) -> Status {
    match error {
        ShareError::Damaged => Status::ShareDamaged,
        ShareError::NewerVersion(_) => Status::ShareNewer,
    }
}
