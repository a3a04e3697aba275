//! The only code that touches the browser's storage. The page asks it for the saved plans and
//! tells it to save or remove one; it never sees JSON, keys or browser errors, only plans and a
//! [`StorageIssue`] to show.
//!
//! Layout (version 2): one key per plan, `funnel-planner/v2/plan/<id>`, each value a record
//! carrying its own `schema_version`; damaged values are moved to
//! `funnel-planner/v2/unreadable/<name>` so their text is never lost. Version 1 kept one plan
//! under `funnel-planner/v1/plan`; opening migrates it (new value written before the old one is
//! removed). Values from a newer version are never overwritten or removed.
//!
//! Every call first checks that `window.localStorage` is reachable: it throws in sandboxed frames
//! and when site data is blocked, and gloo's `LocalStorage::raw()` would then panic.

pub mod schema;
pub mod share;

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};

use crate::model::library::{version_id, LINEAGE_LEN};
use crate::model::{Lang, PlanDraft, PlanId, PlanRecord};
use schema::{decode_record, decode_v1, encode_record, read_newer_copy, DecodeError};

/// Where version 2 keeps each plan: this prefix and the plan's id.
pub const PLAN_PREFIX: &str = "funnel-planner/v2/plan/";
/// Where the text of a value that could not be read is kept: this prefix and a name.
pub const UNREADABLE_PREFIX: &str = "funnel-planner/v2/unreadable/";
/// Where version 1 kept its one plan.
pub const V1_PLAN_KEY: &str = "funnel-planner/v1/plan";
/// Where version 1 kept the text of a plan it could not read.
pub const V1_UNREADABLE_KEY: &str = "funnel-planner/v1/plan-unreadable";
/// Where the language the person chose is kept (its tag, e.g. `pl`).
pub const LANG_KEY: &str = "funnel-planner/lang";

thread_local! {
    /// The key and text of this tab's last save. While storage still holds that text there, no
    /// other tab (and no newer version) has written since, so it need not be decoded again.
    static LAST_SAVED: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Whether `text` under `key` is what this tab last saved there.
fn is_last_saved(key: &str, text: &str) -> bool {
    LAST_SAVED.with(|saved| {
        saved
            .borrow()
            .as_ref()
            .is_some_and(|(saved_key, saved_text)| saved_key == key && saved_text == text)
    })
}

fn set_last_saved(saved: Option<(String, String)>) {
    LAST_SAVED.with(|last| *last.borrow_mut() = saved);
}

/// The language the person chose in this browser, if they chose one and storage can be read.
pub fn chosen_lang() -> Option<Lang> {
    raw()?
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Lang::from_tag)
}

/// Remembers the language the person chose. Where storage is blocked it lasts for this page only.
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = raw() {
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// `record` as the page shows it in `lang`: its numbers written in `lang`'s format, and a
/// currency if it had none (see `PlanDraft::settled`).
fn settled(mut record: PlanRecord, lang: Lang) -> PlanRecord {
    record.draft = record.draft.settled(lang);
    record
}

/// Something about storage the person needs to know now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageIssue {
    /// Storage is blocked or unreachable: plans live only in this tab.
    Unavailable,
    /// The last save was refused (storage full or denied); what was saved before is intact.
    SaveFailed,
    /// The plan's stored value was written by a newer version of the app, so this tab does not
    /// save over it.
    NewerVersion,
}

/// Text found in storage that could not be read as a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Where the text is kept.
    pub key: String,
    /// The text, exactly as found.
    pub text: String,
    /// False when copying it aside failed (storage full): it was left where it was, and nothing
    /// is saved over it.
    pub is_backed_up: bool,
}

/// A value written by a newer version of the app: left exactly as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewerPlan {
    /// Where it is.
    pub key: String,
    /// Its plan as far as this version can read it, to work on a copy; `None` if unreadable here.
    pub copy: Option<PlanDraft>,
}

/// What opening storage found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Every plan that could be read, deleted ones included, however long ago (see
    /// [`crate::model::library::Library::open`]).
    pub plans: Vec<PlanRecord>,
    /// Damaged values, kept aside.
    pub unreadable: Vec<Unreadable>,
    /// Plans written by a newer version; they are left untouched.
    pub newer: Vec<NewerPlan>,
    /// Something to tell the person, if anything.
    pub issue: Option<StorageIssue>,
    /// Where to save from now on.
    pub store: Store,
}

/// A handle for saving plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Store {
    /// False when storage is unreachable: plans then live in memory only.
    is_available: bool,
}

/// A plan another tab saved (or, with `record: None`, removed for good), as told by the `storage`
/// event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: PlanId,
    pub record: Option<Result<PlanRecord, DecodeError>>,
}

fn plan_key(id: &PlanId) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// Reads every saved plan, migrating older versions and setting damaged values aside, and says
/// whether plans can be saved in this browser. `new_id` names a plan migrated from version 1.
/// Plans come with their numbers written in `lang`'s format.
pub fn open(now_ms: u64, new_id: impl FnOnce() -> PlanId, lang: Lang) -> Opened {
    let Some(storage) = raw() else {
        return Opened {
            plans: Vec::new(),
            unreadable: Vec::new(),
            newer: Vec::new(),
            issue: Some(StorageIssue::Unavailable),
            store: Store {
                is_available: false,
            },
        };
    };
    let mut opened = Opened {
        plans: Vec::new(),
        unreadable: Vec::new(),
        newer: Vec::new(),
        issue: None,
        store: Store { is_available: true },
    };
    migrate_v1(&storage, &mut opened, now_ms, new_id);
    // A version 1 plan that could not be moved to its own key is only in memory.
    for plan in &mut opened.plans {
        plan.draft = plan.draft.clone().settled(lang);
    }

    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect();
    for key in &keys {
        let Ok(Some(text)) = storage.get_item(key) else {
            continue;
        };
        if key.starts_with(UNREADABLE_PREFIX) {
            if !opened.unreadable.iter().any(|kept| &kept.key == key) {
                opened.unreadable.push(Unreadable {
                    key: key.clone(),
                    text,
                    is_backed_up: true,
                });
            }
            continue;
        }
        let Some(id) = key.strip_prefix(PLAN_PREFIX) else {
            continue;
        };
        match decode_record(&text).map(|record| with_version(record, &text)) {
            Ok(mut record) => {
                // The key names the plan; a record claiming another id was edited by hand.
                if let Some(id) = PlanId::parse(id) {
                    record.id = id;
                }
                // Plans long in the bin too: the library decides when they are forgotten.
                opened.plans.push(settled(record, lang));
            }
            Err(error) => {
                let backup = format!("{UNREADABLE_PREFIX}plan-{id}");
                keep_unread(&storage, error, key, &backup, text, &mut opened);
            }
        }
    }
    opened
}

/// Version 1 kept one plan under [`V1_PLAN_KEY`]: give it an id and its own key.
fn migrate_v1(
    storage: &web_sys::Storage,
    opened: &mut Opened,
    now_ms: u64,
    new_id: impl FnOnce() -> PlanId,
) {
    if let Ok(Some(text)) = storage.get_item(V1_UNREADABLE_KEY) {
        let backup = format!("{UNREADABLE_PREFIX}v1-plan-unreadable");
        set_aside(storage, V1_UNREADABLE_KEY, &backup, text, opened);
    }
    let Ok(Some(text)) = storage.get_item(V1_PLAN_KEY) else {
        return;
    };
    match decode_v1(&text) {
        Ok(draft) => {
            let record = PlanRecord {
                id: new_id(),
                modified_ms: now_ms,
                deleted_ms: None,
                draft,
                lineage: Vec::new(),
            };
            // Write the new value first; remove the old one only once that has worked.
            if storage
                .set_item(&plan_key(&record.id), &encode_record(&record))
                .is_ok()
            {
                let _ = storage.remove_item(V1_PLAN_KEY);
                // The loop over keys reads it back from its new key.
            } else {
                opened.issue = Some(StorageIssue::SaveFailed);
                opened.plans.push(record);
            }
        }
        Err(error) => {
            let backup = format!("{UNREADABLE_PREFIX}v1-plan");
            keep_unread(storage, error, V1_PLAN_KEY, &backup, text, opened);
        }
    }
}

/// Copies unreadable `text` from `key` to `backup`, then removes `key`. If the copy fails
/// (storage full), the text stays where it was.
/// A value under `key` that could not be opened: one written by a newer version stays where it
/// is, untouched; a damaged one is set aside under `backup`.
fn keep_unread(
    storage: &web_sys::Storage,
    error: DecodeError,
    key: &str,
    backup: &str,
    text: String,
    opened: &mut Opened,
) {
    match error {
        DecodeError::NewerVersion(_) => opened.newer.push(NewerPlan {
            key: key.to_owned(),
            copy: read_newer_copy(&text),
        }),
        DecodeError::Damaged(_) => set_aside(storage, key, backup, text, opened),
    }
}

fn set_aside(
    storage: &web_sys::Storage,
    key: &str,
    backup: &str,
    text: String,
    opened: &mut Opened,
) {
    let is_backed_up = storage.set_item(backup, &text).is_ok();
    if is_backed_up {
        let _ = storage.remove_item(key);
    }
    opened.unreadable.push(Unreadable {
        key: if is_backed_up { backup } else { key }.to_owned(),
        text,
        is_backed_up,
    });
}

impl Store {
    /// A store that never touches storage, for pages that must not.
    pub fn in_memory() -> Self {
        Self {
            is_available: false,
        }
    }

    /// Whether saves reach storage.
    pub fn is_available(self) -> bool {
        self.is_available
    }

    /// Saves `record` (text as typed, valid or not) over its previous save, and gives it back
    /// as saved: its version's id first in its lineage. On failure the previous save is left as
    /// it was. A value a newer version wrote there is never replaced.
    pub fn save(self, record: &PlanRecord) -> Result<PlanRecord, StorageIssue> {
        let mut record = record.clone();
        let version = version_id(&encode_record(&record));
        record.lineage.insert(0, version);
        record.lineage.truncate(LINEAGE_LEN);
        if !self.is_available {
            return Ok(record);
        }
        let storage = raw().ok_or(StorageIssue::Unavailable)?;
        let key = plan_key(&record.id);
        if let Ok(Some(existing)) = storage.get_item(&key) {
            if !is_last_saved(&key, &existing)
                && matches!(decode_record(&existing), Err(DecodeError::NewerVersion(_)))
            {
                return Err(StorageIssue::NewerVersion);
            }
        }
        let text = encode_record(&record);
        let result = storage
            .set_item(&key, &text)
            .map_err(|_| StorageIssue::SaveFailed);
        set_last_saved(result.is_ok().then_some((key, text)));
        result.map(|()| record)
    }

    /// Like [`Store::load`], but `None` also when storage holds exactly what this tab last saved
    /// for plan `id` (nothing changed there since, so there is nothing to take in): a save on
    /// each keystroke then reads the stored text but does not decode it.
    pub fn load_if_changed(
        self,
        id: &PlanId,
        lang: Lang,
    ) -> Option<Option<Result<PlanRecord, DecodeError>>> {
        let storage = self.is_available.then(raw).flatten()?;
        let key = plan_key(id);
        let text = storage.get_item(&key).ok()?;
        if text
            .as_deref()
            .is_some_and(|text| is_last_saved(&key, text))
        {
            return None;
        }
        Some(text.map(|text| read_record(&text, id, lang)))
    }

    /// Plan `id` as saved right now, if storage can be read: `Some(None)` when nothing is saved
    /// under its key. Another tab may have saved it since this tab last heard (its `storage`
    /// event can still be on its way), so a save and a change heard from another tab read this
    /// first rather than trusting what they knew. Its numbers come written in `lang`'s format.
    pub fn load(self, id: &PlanId, lang: Lang) -> Option<Option<Result<PlanRecord, DecodeError>>> {
        let storage = self.is_available.then(raw).flatten()?;
        let text = storage.get_item(&plan_key(id)).ok()?;
        Some(text.map(|text| read_record(&text, id, lang)))
    }

    /// Removes a plan for good (deleting first puts it in the bin: see [`PlanRecord`]).
    pub fn remove(self, id: &PlanId) {
        if let Some(storage) = self.is_available.then(raw).flatten() {
            let key = plan_key(id);
            let _ = storage.remove_item(&key);
            // Text written there again later is another tab's, to be read in full.
            LAST_SAVED.with(|saved| {
                let mut saved = saved.borrow_mut();
                if saved
                    .as_ref()
                    .is_some_and(|(saved_key, _)| *saved_key == key)
                {
                    *saved = None;
                }
            });
        }
    }

    /// Removes text that was kept aside, once the person has chosen to.
    pub fn remove_unreadable(self, key: &str) {
        if !key.starts_with(UNREADABLE_PREFIX) && !key.starts_with(PLAN_PREFIX) {
            return;
        }
        if let Some(storage) = self.is_available.then(raw).flatten() {
            let _ = storage.remove_item(key);
        }
    }
}

/// What a `storage` event (fired in every other tab of this site when one tab writes) means for
/// plans, or `None` if it is not about one plan. (A tab that clears all site data gives no key:
/// this tab keeps what it has, and its next save writes the open plan again.) The plan comes
/// with its numbers written in `lang`'s format.
pub fn change_from(event: &web_sys::StorageEvent, lang: Lang) -> Option<Change> {
    let id = PlanId::parse(event.key()?.strip_prefix(PLAN_PREFIX)?)?;
    let record = event.new_value().map(|text| read_record(&text, &id, lang));
    Some(Change { id, record })
}

/// The stored `text` of plan `id` as the page shows it in `lang`.
fn read_record(text: &str, id: &PlanId, lang: Lang) -> Result<PlanRecord, DecodeError> {
    decode_record(text).map(|mut record| {
        record.id = id.clone();
        settled(with_version(record, text), lang)
    })
}

/// `record`, read from `text`, with a version id even if the version that saved it gave none
/// (before schema 8): the id of its text, which every tab reading it computes alike, so two
/// tabs' first saves still name a version both knew.
fn with_version(mut record: PlanRecord, text: &str) -> PlanRecord {
    if record.lineage.is_empty() {
        record.lineage.push(version_id(text));
    }
    record
}

/// `window.localStorage`, if it can be used without throwing.
fn raw() -> Option<web_sys::Storage> {
    let is_reachable =
        web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))));
    // Checked first: gloo's `raw()` panics when storage is unreachable.
    is_reachable.then(LocalStorage::raw)
}
