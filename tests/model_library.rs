//! The plan library's rules: which ids are accepted, that new ids are valid and distinct, when a
//! deleted plan may be forgotten, how copies are named and in which order plans are listed; then
//! the `Library` itself: what opens, new / duplicate / delete / restore / purge, saving (and a
//! refused save), import clashes, shared plans, and two tabs on one plan with their conflicts.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use common::example;
use funnel_planner::model::library::{
    newest_first, unique_name, Defaults, ImportClash, Library, Notice, Now, Question, Start, Write,
    KEEP_DELETED_MS, MAX_ID_LEN,
};
use funnel_planner::model::merge::Clash;
use funnel_planner::model::{PlanDraft, PlanId, PlanRecord};
use proptest::prelude::*;

fn record(id: &str, modified_ms: u64, deleted_ms: Option<u64>) -> PlanRecord {
    PlanRecord {
        id: PlanId::parse(id).expect("a valid id"),
        modified_ms,
        deleted_ms,
        lineage: Vec::new(),
        draft: example(),
    }
}

/// The names a copy of `name` is offered, as the page offers them: "Q1 (copy)", then
/// "Q1 (copy 2)", "Q1 (copy 3)" …
fn copies(name: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(format!("{name} (copy)"))
        .chain((2..).map(move |n| format!("{name} (copy {n})")))
}

fn ids(listed: &[&PlanRecord]) -> Vec<String> {
    listed
        .iter()
        .map(|record| record.id.as_str().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Ids

#[test]
fn ids_of_safe_characters_are_accepted() {
    let longest = "x".repeat(MAX_ID_LEN);
    for text in [
        "a",
        "0",
        "-",
        "_",
        "p1a2b3c-xyz9",
        "ABC_def-123",
        longest.as_str(),
    ] {
        let id = PlanId::parse(text).unwrap_or_else(|| panic!("{text:?} is accepted"));
        assert_eq!(id.as_str(), text);
        assert_eq!(id.to_string(), text);
    }
}

#[test]
fn ids_that_could_escape_a_key_or_a_file_are_refused() {
    let too_long = "x".repeat(MAX_ID_LEN + 1);
    for text in [
        "",
        too_long.as_str(),
        "../x",
        "a/b",
        "a\\b",
        "a.b",
        "a b",
        " a",
        "a\n",
        "a\u{0}",
        "é",
        "ｐ1",
        "p1%2F",
        "<p1>",
        "p1\"",
    ] {
        assert_eq!(PlanId::parse(text), None, "{text:?}");
    }
    assert_eq!(MAX_ID_LEN, 64);
}

#[test]
fn generated_ids_are_time_then_random_in_base_36() {
    assert_eq!(PlanId::generate(0, 0).as_str(), "p0-0");
    assert_eq!(PlanId::generate(36, 35).as_str(), "p10-z");
    assert_eq!(
        PlanId::generate(1_795_000_000_000, 1).as_str(),
        "pmwm0nk74-1"
    );
    // The longest possible id still fits.
    let longest = PlanId::generate(u64::MAX, u32::MAX);
    assert_eq!(longest.as_str(), "p3w5e11264sgsf-1z141z3");
    assert!(longest.as_str().len() <= MAX_ID_LEN);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// An id is accepted exactly when it is 1–64 characters from `A–Z a–z 0–9 - _`.
    #[test]
    fn parse_accepts_exactly_the_safe_ids(text in "(?s).{0,70}|[A-Za-z0-9_-]{0,70}") {
        let is_safe = (1..=MAX_ID_LEN).contains(&text.len())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let parsed = PlanId::parse(&text);
        prop_assert_eq!(parsed.is_some(), is_safe, "{:?}", text);
        if let Some(id) = parsed {
            prop_assert_eq!(id.as_str(), text.as_str());
        }
    }

    /// Every generated id is a valid id, and two tabs that draw different random numbers in the
    /// same millisecond, or the same number in different milliseconds, get different ids.
    #[test]
    fn generated_ids_are_valid_and_distinct(
        now in any::<u64>(),
        other_now in any::<u64>(),
        random in any::<u32>(),
        other_random in any::<u32>(),
    ) {
        let id = PlanId::generate(now, random);
        prop_assert_eq!(PlanId::parse(id.as_str()), Some(id.clone()));
        if random != other_random {
            prop_assert_ne!(&id, &PlanId::generate(now, other_random));
        }
        if now != other_now {
            prop_assert_ne!(&id, &PlanId::generate(other_now, random));
        }
        prop_assert_eq!(&id, &PlanId::generate(now, random));
    }
}

// ---------------------------------------------------------------------------------------------
// Deleted plans

#[test]
fn a_deleted_plan_is_kept_for_exactly_30_days() {
    assert_eq!(KEEP_DELETED_MS, 30 * 24 * 60 * 60 * 1000);
    assert_eq!(KEEP_DELETED_MS, 2_592_000_000);
    let deleted_at = 1_795_000_000_000;
    let binned = record("p1", deleted_at - 5, Some(deleted_at));
    assert!(binned.is_deleted());
    assert!(!binned.is_expired(deleted_at));
    assert!(!binned.is_expired(deleted_at + KEEP_DELETED_MS - 1));
    assert!(!binned.is_expired(deleted_at + KEEP_DELETED_MS));
    assert!(binned.is_expired(deleted_at + KEEP_DELETED_MS + 1));
    assert!(binned.is_expired(u64::MAX));
    // A clock that went back does not forget a plan.
    assert!(!binned.is_expired(0));
    assert!(!binned.is_expired(deleted_at - 1));
    // Deleted at the start of time, still judged without overflow.
    assert!(!record("p2", 0, Some(0)).is_expired(KEEP_DELETED_MS));
    assert!(record("p2", 0, Some(0)).is_expired(KEEP_DELETED_MS + 1));
    assert!(!record("p3", 0, Some(u64::MAX)).is_expired(u64::MAX));
}

#[test]
fn a_live_plan_never_expires() {
    let live = record("p1", 0, None);
    assert!(!live.is_deleted());
    for now in [0, KEEP_DELETED_MS + 1, u64::MAX] {
        assert!(!live.is_expired(now));
    }
}

// ---------------------------------------------------------------------------------------------
// Names of copies

#[test]
fn a_copy_is_named_after_the_first_free_candidate() {
    assert_eq!(unique_name(copies("Q1"), ["Q1"]), "Q1 (copy)");
    assert_eq!(unique_name(copies("Q1"), Vec::<&str>::new()), "Q1 (copy)");
    assert_eq!(
        unique_name(copies("Q1"), ["Q1", "Q1 (copy)"]),
        "Q1 (copy 2)"
    );
    assert_eq!(
        unique_name(copies("Q1"), ["Q1 (copy 2)", "Q1", "Q1 (copy)"]),
        "Q1 (copy 3)"
    );
    // A gap is filled.
    assert_eq!(
        unique_name(copies("Q1"), ["Q1", "Q1 (copy 2)"]),
        "Q1 (copy)"
    );
}

#[test]
fn names_are_compared_ignoring_case_and_surrounding_spaces() {
    assert_eq!(
        unique_name(copies("Q1"), ["Q1", "q1 (COPY)"]),
        "Q1 (copy 2)"
    );
    assert_eq!(
        unique_name(copies("Q1"), ["  Q1 (copy)  ", "\tq1 (copy 2)\n"]),
        "Q1 (copy 3)"
    );
    assert_eq!(
        unique_name(copies("Straße"), ["STRASSE (COPY)"]),
        "Straße (copy)"
    );
    assert_eq!(
        unique_name(copies("Ünïcode"), ["üNÏCODE (copy)"]),
        "Ünïcode (copy 2)"
    );
    // The letters of Polish, French and Indonesian names fold too.
    assert_eq!(
        unique_name(copies("Łódź"), ["ŁÓDŹ (COPY)"]),
        "Łódź (copy 2)"
    );
    assert_eq!(
        unique_name(copies("Été Œuvre Ÿ"), ["été œuvre ÿ (copy)"]),
        "Été Œuvre Ÿ (copy 2)"
    );
    assert_eq!(
        unique_name(copies("ŚWIĘTA ŻÓŁW"), ["święta żółw (copy)"]),
        "ŚWIĘTA ŻÓŁW (copy 2)"
    );
    // Other scripts are compared as typed.
    assert_eq!(
        unique_name(copies("Ωmega"), ["ωmega (copy)"]),
        "Ωmega (copy)"
    );
    // Spaces inside a name count.
    assert_eq!(unique_name(copies("Q1"), ["Q1  (copy)"]), "Q1 (copy)");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The name chosen is never taken, and is the first candidate that is free.
    #[test]
    fn the_name_chosen_is_the_first_free_one(
        base in "[A-Za-z0-9 ]{0,8}",
        taken_copies in prop::collection::vec(0usize..12, 0..12),
    ) {
        let all: Vec<String> = copies(&base).take(12).collect();
        let taken: Vec<String> = taken_copies
            .iter()
            .map(|&n| all[n].to_uppercase())
            .collect();
        let chosen = unique_name(copies(&base), taken.iter().map(String::as_str));
        let first_free = (0..).find(|n| !taken_copies.contains(n)).expect("a free one");
        let expected = copies(&base).nth(first_free).expect("endless");
        prop_assert_eq!(chosen, expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Listing order

#[test]
fn plans_are_listed_newest_change_first() {
    let records = [
        record("b", 10, None),
        record("a", 30, None),
        record("c", 20, Some(40)),
    ];
    assert_eq!(ids(&newest_first(&records)), ["a", "c", "b"]);
    assert!(newest_first(&[]).is_empty());
}

#[test]
fn plans_changed_in_the_same_millisecond_are_listed_by_id() {
    let records = [
        record("p9", 5, None),
        record("B", 5, None),
        record("a", 5, None),
        record("p10", 5, None),
        record("x", 6, None),
    ];
    // Ids compare as text (byte order): upper case first, and "p10" before "p9".
    assert_eq!(ids(&newest_first(&records)), ["x", "B", "a", "p10", "p9"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The listing holds every plan once, newest first, ties by id, whatever the input order.
    #[test]
    fn the_listing_is_a_sorted_permutation(
        entries in prop::collection::vec(("[a-c]{1,2}", 0u64..4), 0..12)
    ) {
        let records: Vec<PlanRecord> = entries
            .iter()
            .map(|(id, modified)| record(id, *modified, None))
            .collect();
        let listed = newest_first(&records);
        prop_assert_eq!(listed.len(), records.len());
        for pair in listed.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            prop_assert!(
                a.modified_ms > b.modified_ms || (a.modified_ms == b.modified_ms && a.id <= b.id)
            );
        }
        let mut reversed = records.clone();
        reversed.reverse();
        prop_assert_eq!(ids(&newest_first(&reversed)), ids(&listed));
        for record in &records {
            prop_assert_eq!(
                listed.iter().filter(|other| std::ptr::eq(**other, record)).count(),
                1
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The library: a fake storage and tabs that carry out its writes, as the page does

const DAY: u64 = 24 * 60 * 60 * 1000;
/// 2026-11-19, in ms since 1970.
const T0: u64 = 1_795_000_000_000;

fn id(text: &str) -> PlanId {
    PlanId::parse(text).expect("a valid id")
}

fn named(name: &str) -> PlanDraft {
    PlanDraft {
        name: name.to_owned(),
        ..example()
    }
}

fn plan(id_text: &str, name: &str, modified_ms: u64) -> PlanRecord {
    PlanRecord {
        id: id(id_text),
        modified_ms,
        deleted_ms: None,
        lineage: Vec::new(),
        draft: named(name),
    }
}

fn new_plan_name(number: u32) -> String {
    if number < 2 {
        "New plan".to_owned()
    } else {
        format!("New plan {number}")
    }
}

fn copy_name(name: &str, number: u32) -> String {
    if number < 2 {
        format!("{name} (copy)")
    } else {
        format!("{name} (copy {number})")
    }
}

/// The page's words, as the English page has them; the example is named "Plan".
const DEFAULTS: Defaults = Defaults {
    example,
    new_plan_name,
    copy_name,
};

/// Local storage as the tests see it: what each plan's key holds, and whether it refuses saves
/// (full).
#[derive(Debug, Default, Clone)]
struct Storage {
    plans: BTreeMap<PlanId, PlanRecord>,
    is_full: bool,
    /// How many saves it has taken (each saved version is named after its number).
    versions: u32,
}

impl Storage {
    fn with(records: &[PlanRecord]) -> Storage {
        Storage {
            plans: records
                .iter()
                .map(|record| (record.id.clone(), record.clone()))
                .collect(),
            is_full: false,
            versions: 0,
        }
    }

    fn get(&self, id_text: &str) -> Option<&PlanRecord> {
        self.plans.get(&id(id_text))
    }

    fn name(&self, id_text: &str) -> Option<String> {
        self.get(id_text).map(|record| record.draft.name.clone())
    }

    fn records(&self) -> Vec<PlanRecord> {
        self.plans.values().cloned().collect()
    }
}

/// One tab: its library, the ids it hands out ("<prefix>1", "<prefix>2" …) and what the last
/// action did.
struct Tab {
    library: Library,
    prefix: &'static str,
    ids_used: u32,
    /// The writes the last action made (refused ones included).
    writes: Vec<Write>,
    notice: Option<Notice>,
}

impl Tab {
    fn open(storage: &mut Storage, start: Start, ms: u64, prefix: &'static str) -> Tab {
        let mut ids_used = 0;
        let library = {
            let mut new_id = || {
                ids_used += 1;
                id(&format!("{prefix}{ids_used}"))
            };
            let mut now = Now {
                ms,
                new_id: &mut new_id,
            };
            Library::open(storage.records(), DEFAULTS, start, &mut now)
        };
        let mut tab = Tab {
            library,
            prefix,
            ids_used,
            writes: Vec::new(),
            notice: None,
        };
        tab.act(storage, ms, |_, _| {});
        tab
    }

    /// Runs `action`, then makes its writes in `storage` and reports them back, as the page does.
    fn act(
        &mut self,
        storage: &mut Storage,
        ms: u64,
        action: impl FnOnce(&mut Library, &mut Now),
    ) -> &mut Tab {
        let prefix = self.prefix;
        let ids_used = &mut self.ids_used;
        let mut new_id = || {
            *ids_used += 1;
            id(&format!("{prefix}{ids_used}"))
        };
        let mut now = Now {
            ms,
            new_id: &mut new_id,
        };
        action(&mut self.library, &mut now);
        self.writes = self.library.take_writes();
        self.notice = self.library.take_notice();
        for write in &self.writes {
            match write {
                Write::Save(record) if !storage.is_full => {
                    // As storage does: the saved version's id goes first in its lineage.
                    storage.versions += 1;
                    let mut saved = (**record).clone();
                    saved.lineage.insert(0, format!("v{}", storage.versions));
                    storage.plans.insert(saved.id.clone(), saved.clone());
                    self.library.saved(&saved);
                }
                Write::Save(_) => {}
                Write::Remove(id) => {
                    storage.plans.remove(id);
                    self.library.removed(id);
                }
            }
        }
        self
    }

    /// The person types in the editor: the page's autosave, with storage read first.
    fn type_in(
        &mut self,
        storage: &mut Storage,
        ms: u64,
        change: impl FnOnce(&mut PlanDraft),
    ) -> &mut Tab {
        let mut draft = self.draft();
        change(&mut draft);
        let in_storage = self
            .library
            .open_id()
            .and_then(|id| storage.plans.get(id).cloned());
        self.act(storage, ms, |library, now| {
            library.edit(&draft, in_storage, now)
        })
    }

    /// The `storage` event for plan `id_text` reaches this tab (read from storage as it is now).
    fn hear(&mut self, storage: &mut Storage, ms: u64, id_text: &str) -> &mut Tab {
        let theirs = storage.get(id_text).cloned();
        self.act(storage, ms, |library, now| {
            library.take_in(id(id_text), theirs, now)
        })
    }

    fn draft(&self) -> PlanDraft {
        self.library.open_draft().cloned().expect("a plan is open")
    }

    fn open_id(&self) -> Option<String> {
        self.library.open_id().map(|id| id.as_str().to_owned())
    }

    fn listed(&self) -> Vec<String> {
        self.library
            .listed()
            .iter()
            .map(|record| record.draft.name.clone())
            .collect()
    }

    fn binned(&self) -> Vec<String> {
        self.library
            .binned()
            .iter()
            .map(|record| record.draft.name.clone())
            .collect()
    }

    fn saved_ids(&self) -> Vec<String> {
        self.writes
            .iter()
            .filter_map(|write| match write {
                Write::Save(record) => Some(record.id.as_str().to_owned()),
                Write::Remove(_) => None,
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Opening

#[test]
fn a_first_visit_opens_the_example_and_writes_nothing_until_a_change() {
    let mut storage = Storage::default();
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "a");
    assert_eq!(tab.listed(), ["Plan"]);
    assert_eq!(tab.open_id().as_deref(), Some("a1"));
    assert!(tab.writes.is_empty());
    // The page's autosave runs once with the draft as shown: still nothing to write.
    tab.type_in(&mut storage, T0 + 1, |_| {});
    assert!(tab.writes.is_empty());
    assert!(storage.plans.is_empty());
    // The first change saves the example (once, as typed).
    tab.type_in(&mut storage, T0 + 2, |draft| {
        draft.revenue_goal = "5".to_owned()
    });
    assert_eq!(tab.saved_ids(), ["a1"]);
    assert_eq!(
        storage.get("a1").map(|r| r.draft.revenue_goal.as_str()),
        Some("5")
    );
}

#[test]
fn the_example_is_saved_before_the_first_other_change() {
    let mut storage = Storage::default();
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "a");
    tab.act(&mut storage, T0 + 5, |library, now| {
        library.new_plan(named("ignored"), now)
    });
    assert_eq!(tab.saved_ids(), ["a1", "a2"]);
    assert_eq!(storage.name("a1").as_deref(), Some("Plan"));
    assert_eq!(storage.name("a2").as_deref(), Some("New plan"));
}

#[test]
fn the_named_plan_opens_else_the_newest_live_one() {
    let mut binned = plan("c", "C", 50);
    binned.deleted_ms = Some(T0 - 1);
    let mut storage = Storage::with(&[plan("a", "A", 10), plan("b", "B", 30), binned]);
    let open = |storage: &mut Storage, named: Option<&str>| {
        Tab::open(storage, Start::Plan(named.map(id)), T0, "x").open_id()
    };
    assert_eq!(open(&mut storage, None).as_deref(), Some("b"));
    assert_eq!(open(&mut storage, Some("a")).as_deref(), Some("a"));
    // A deleted or unknown plan in the address opens the newest instead.
    assert_eq!(open(&mut storage, Some("c")).as_deref(), Some("b"));
    assert_eq!(open(&mut storage, Some("zz")).as_deref(), Some("b"));
    assert_eq!(storage.plans.len(), 3, "opening writes nothing");
}

#[test]
fn plans_deleted_more_than_30_days_ago_are_removed_when_the_library_opens() {
    let mut recent = plan("recent", "Deleted lately", 1);
    recent.deleted_ms = Some(T0 - 30 * DAY);
    let mut old = plan("old", "Deleted long ago", 1);
    old.deleted_ms = Some(T0 - 30 * DAY - 1);
    let mut storage = Storage::with(&[plan("live", "Alive", 5), recent, old]);
    let tab = Tab::open(&mut storage, Start::Plan(None), T0, "a");
    assert_eq!(tab.writes, [Write::Remove(id("old"))]);
    assert_eq!(tab.listed(), ["Alive"]);
    assert_eq!(tab.binned(), ["Deleted lately"]);
    assert_eq!(
        storage.plans.keys().map(PlanId::as_str).collect::<Vec<_>>(),
        ["live", "recent"]
    );
}

#[test]
fn the_bin_is_purged_of_what_expires_while_the_page_stays_open() {
    let mut storage = Storage::with(&[plan("a", "A", 5), plan("b", "B", 6)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(Some(id("a"))), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.delete(&id("b"), now)
    });
    tab.act(&mut storage, T0 + 30 * DAY, |library, now| {
        library.purge_expired(now.ms)
    });
    assert!(tab.writes.is_empty(), "30 days to the millisecond: kept");
    tab.act(&mut storage, T0 + 30 * DAY + 1, |library, now| {
        library.purge_expired(now.ms)
    });
    assert_eq!(tab.writes, [Write::Remove(id("b"))]);
    assert!(tab.binned().is_empty());
    assert_eq!(storage.get("b"), None);
}

// ---------------------------------------------------------------------------------------------
// New, duplicate, delete, restore, remove for good

#[test]
fn new_plans_take_the_first_free_new_plan_name() {
    let mut storage = Storage::with(&[plan("a", "new PLAN ", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "n");
    tab.act(&mut storage, T0, |library, now| {
        library.new_plan(named("whatever"), now)
    });
    assert_eq!(tab.open_id().as_deref(), Some("n1"));
    assert_eq!(tab.draft().name, "New plan 2");
    // The rest of the plan is what the page passed in.
    assert_eq!(tab.draft(), named("New plan 2"));
    tab.act(&mut storage, T0 + 1, |library, now| {
        library.new_plan(named("whatever"), now)
    });
    assert_eq!(tab.draft().name, "New plan 3");
    // A deleted plan's name is free again.
    tab.act(&mut storage, T0 + 2, |library, now| {
        library.delete(&id("a"), now)
    });
    tab.act(&mut storage, T0 + 3, |library, now| {
        library.new_plan(named("whatever"), now)
    });
    assert_eq!(tab.draft().name, "New plan");
    assert_eq!(storage.name("n3").as_deref(), Some("New plan"));
}

#[test]
fn a_duplicate_is_named_copy_then_copy_2_and_opened() {
    let mut storage = Storage::with(&[plan("a", "  Q1 ", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "d");
    tab.act(&mut storage, T0, |library, now| library.duplicate(now));
    assert_eq!(tab.draft().name, "Q1 (copy)");
    assert_eq!(tab.open_id().as_deref(), Some("d1"));
    tab.act(&mut storage, T0, |library, now| {
        library.switch_to(&id("a"), now)
    });
    tab.act(&mut storage, T0, |library, now| library.duplicate(now));
    assert_eq!(tab.draft().name, "Q1 (copy 2)");
    assert_eq!(storage.name("d2").as_deref(), Some("Q1 (copy 2)"));
    // Everything but the name is the original's.
    assert_eq!(tab.draft(), named("Q1 (copy 2)"));
}

/// `name` with the forecast text `forecast`: a scenario as the Forecast page makes it.
fn scenario(name: &str, forecast: &str) -> PlanDraft {
    PlanDraft {
        forecast: forecast.to_owned(),
        ..named(name)
    }
}

/// The ids as text, for comparing with what a tab saved.
fn texts(ids: &[PlanId]) -> Vec<String> {
    ids.iter().map(|id| id.as_str().to_owned()).collect()
}

#[test]
fn added_plans_are_saved_in_order_and_the_open_plan_stays_open() {
    let mut storage = Storage::with(&[plan("a", "Q1", 5), plan("b", "Q2", 9)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(Some(id("a"))), T0, "s");
    let open = tab.draft();
    let drafts = vec![
        scenario("Q1 low", "{\"seed\":\"1\"}"),
        scenario("Q1 high", "{\"seed\":\"2\"}"),
    ];
    let mut added = Vec::new();
    tab.act(&mut storage, T0 + 3, |library, now| {
        added = library.add(drafts.clone(), now)
    });
    // One new id each, in the drafts' order, and one save each, in the same order.
    assert_eq!(texts(&added), ["s1", "s2"]);
    assert_eq!(tab.saved_ids(), ["s1", "s2"]);
    assert_eq!(tab.writes.len(), 2, "nothing else is written");
    for (write, (id, draft)) in tab.writes.iter().zip(added.iter().zip(&drafts)) {
        assert_eq!(
            write,
            &Write::Save(Box::new(PlanRecord {
                id: id.clone(),
                modified_ms: T0 + 3,
                deleted_ms: None,
                lineage: Vec::new(),
                draft: draft.clone(),
            }))
        );
    }
    // Storage holds each as it was passed, forecast and all.
    assert_eq!(storage.get("s1").map(|r| &r.draft), Some(&drafts[0]));
    assert_eq!(storage.get("s2").map(|r| &r.draft), Some(&drafts[1]));
    // The plan in the editor is still the one that was open, unchanged, and nothing else moved.
    assert_eq!(tab.open_id().as_deref(), Some("a"));
    assert_eq!(tab.draft(), open);
    assert_eq!(storage.get("a"), Some(&plan("a", "Q1", 5)));
    assert_eq!(storage.get("b"), Some(&plan("b", "Q2", 9)));
    // The new plans are listed beside the others, newest change first (the two new ones, saved
    // in the same millisecond, by id).
    assert_eq!(tab.listed(), ["Q1 low", "Q1 high", "Q2", "Q1"]);
    assert_eq!(tab.notice, None);
}

#[test]
fn added_plans_take_a_number_when_a_live_plan_has_their_name() {
    let mut binned = plan("c", "Q1 3", 7);
    binned.deleted_ms = Some(T0 - 1);
    let mut storage = Storage::with(&[plan("a", "q1 ", 5), plan("b", "Q1 2", 6), binned]);
    let mut tab = Tab::open(&mut storage, Start::Plan(Some(id("a"))), T0, "s");
    let mut added = Vec::new();
    tab.act(&mut storage, T0 + 1, |library, now| {
        added = library.add(
            vec![
                named("Q1"),
                // Surrounding spaces are not part of a name.
                named("  Q1 "),
                named("Scenario"),
                named("Scenario"),
            ],
            now,
        )
    });
    assert_eq!(texts(&added), ["s1", "s2", "s3", "s4"]);
    assert_eq!(tab.saved_ids(), ["s1", "s2", "s3", "s4"]);
    // "q1 " is taken (names compare ignoring case and surrounding spaces), and so is "Q1 2"; a
    // deleted plan's name ("Q1 3") is free. Each new plan's name is taken for the next one.
    let names: Vec<_> = ["s1", "s2", "s3", "s4"]
        .iter()
        .map(|id| storage.name(id))
        .collect();
    assert_eq!(
        names,
        [
            Some("Q1 3".to_owned()),
            Some("Q1 4".to_owned()),
            Some("Scenario".to_owned()),
            Some("Scenario 2".to_owned()),
        ]
    );
    // Only the name is changed.
    assert_eq!(storage.get("s2").map(|r| &r.draft), Some(&named("Q1 4")));
    assert_eq!(tab.open_id().as_deref(), Some("a"));
    // Added again, the same names take the next free numbers.
    tab.act(&mut storage, T0 + 2, |library, now| {
        added = library.add(vec![named("Scenario")], now)
    });
    assert_eq!(texts(&added), ["s5"]);
    assert_eq!(storage.name("s5").as_deref(), Some("Scenario 3"));
}

#[test]
fn adding_nothing_writes_nothing() {
    let mut storage = Storage::with(&[plan("a", "Q1", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "s");
    let mut added = vec![id("untouched")];
    tab.act(&mut storage, T0 + 1, |library, now| {
        added = library.add(Vec::new(), now)
    });
    assert!(added.is_empty());
    assert!(tab.writes.is_empty());
    assert_eq!(tab.open_id().as_deref(), Some("a"));
    assert_eq!(tab.listed(), ["Q1"]);
}

#[test]
fn plans_added_on_a_first_visit_save_the_example_first_and_leave_it_open() {
    let mut storage = Storage::default();
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "a");
    assert!(tab.writes.is_empty());
    let mut added = Vec::new();
    tab.act(&mut storage, T0 + 1, |library, now| {
        added = library.add(vec![named("Plan"), named("Other")], now)
    });
    // The example (a1) was only in this tab: it is saved before the new plans, so it never
    // vanishes from the list; the first new plan, named like it, takes a number.
    assert_eq!(texts(&added), ["a2", "a3"]);
    assert_eq!(tab.saved_ids(), ["a1", "a2", "a3"]);
    assert_eq!(storage.name("a1").as_deref(), Some("Plan"));
    assert_eq!(storage.name("a2").as_deref(), Some("Plan 2"));
    assert_eq!(storage.name("a3").as_deref(), Some("Other"));
    assert_eq!(tab.open_id().as_deref(), Some("a1"));
}

#[test]
fn deleting_the_open_plan_bins_it_and_opens_the_newest() {
    let mut storage = Storage::with(&[plan("a", "A", 5), plan("b", "B", 9)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    assert_eq!(tab.open_id().as_deref(), Some("b"));
    tab.act(&mut storage, T0 + 7, |library, now| {
        library.delete(&id("b"), now)
    });
    assert_eq!(
        tab.notice,
        Some(Notice::Deleted {
            id: id("b"),
            name: "B".to_owned()
        })
    );
    assert_eq!(tab.open_id().as_deref(), Some("a"));
    assert_eq!(tab.listed(), ["A"]);
    assert_eq!(tab.binned(), ["B"]);
    assert_eq!(storage.get("b").and_then(|r| r.deleted_ms), Some(T0 + 7));
    // Deleting what is already in the bin does nothing.
    tab.act(&mut storage, T0 + 8, |library, now| {
        library.delete(&id("b"), now)
    });
    assert!(tab.writes.is_empty());
    assert_eq!(tab.notice, None);
}

#[test]
fn deleting_the_last_plan_opens_a_new_example() {
    let mut storage = Storage::with(&[plan("a", "A", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.delete(&id("a"), now)
    });
    assert_eq!(tab.listed(), ["Plan"]);
    assert_eq!(tab.open_id().as_deref(), Some("x1"));
    assert_eq!(tab.saved_ids(), ["a", "x1"]);
}

#[test]
fn restore_takes_a_plan_out_of_the_bin_and_opens_it() {
    let mut storage = Storage::with(&[plan("a", "A", 5), plan("b", "B", 9)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.delete(&id("a"), now)
    });
    tab.act(&mut storage, T0 + 1, |library, now| {
        library.restore(&id("a"), now)
    });
    assert_eq!(
        tab.notice,
        Some(Notice::Restored {
            name: "A".to_owned()
        })
    );
    assert_eq!(tab.open_id().as_deref(), Some("a"));
    assert_eq!(tab.binned(), Vec::<String>::new());
    assert_eq!(storage.get("a").map(|r| r.deleted_ms), Some(None));
    // Restoring keeps when it last changed: it is listed where it was.
    assert_eq!(tab.listed(), ["B", "A"]);
}

#[test]
fn only_a_plan_in_the_bin_can_be_removed_for_good() {
    let mut storage = Storage::with(&[plan("a", "A", 5), plan("b", "B", 9)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, _| {
        library.remove_forever(&id("a"))
    });
    assert!(tab.writes.is_empty());
    tab.act(&mut storage, T0, |library, now| {
        library.delete(&id("a"), now)
    });
    tab.act(&mut storage, T0, |library, _| {
        library.remove_forever(&id("a"))
    });
    assert_eq!(tab.writes, [Write::Remove(id("a"))]);
    assert_eq!(storage.get("a"), None);
    assert!(tab.binned().is_empty());
}

#[test]
fn the_bin_lists_the_most_recently_deleted_first() {
    let mut storage = Storage::with(&[plan("a", "A", 5), plan("b", "B", 6), plan("c", "C", 7)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0 + 2, |library, now| {
        library.delete(&id("a"), now)
    });
    tab.act(&mut storage, T0 + 3, |library, now| {
        library.delete(&id("c"), now)
    });
    tab.act(&mut storage, T0 + 1, |library, now| {
        library.delete(&id("b"), now)
    });
    assert_eq!(tab.binned(), ["C", "A", "B"]);
}

// ---------------------------------------------------------------------------------------------
// Saving what is typed

#[test]
fn what_is_typed_is_saved_once_with_the_time_of_the_change() {
    let mut storage = Storage::with(&[plan("a", "A", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.type_in(&mut storage, T0 + 3, |draft| draft.name = "A2".to_owned());
    assert_eq!(tab.saved_ids(), ["a"]);
    assert_eq!(storage.get("a").map(|r| r.modified_ms), Some(T0 + 3));
    assert_eq!(tab.listed(), ["A2"]);
    // The same text again: nothing to write.
    tab.type_in(&mut storage, T0 + 4, |_| {});
    assert!(tab.writes.is_empty());
}

#[test]
fn a_refused_save_keeps_the_list_showing_what_the_editor_shows() {
    let mut storage = Storage::with(&[plan("a", "Old name", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    storage.is_full = true;
    tab.type_in(&mut storage, T0 + 1, |draft| {
        draft.name = "New name".to_owned()
    });
    assert_eq!(tab.saved_ids(), ["a"], "a save was tried");
    assert_eq!(
        storage.name("a").as_deref(),
        Some("Old name"),
        "and refused"
    );
    assert_eq!(tab.draft().name, "New name");
    assert_eq!(tab.listed(), ["New name"]);
    assert_eq!(
        tab.library
            .for_export()
            .first()
            .map(|r| r.draft.name.clone()),
        Some("New name".to_owned())
    );
    // Storage still holds the old version; that is not another tab's change.
    tab.type_in(&mut storage, T0 + 2, |draft| {
        draft.revenue_goal = "7".to_owned()
    });
    assert_eq!(tab.notice, None);
    assert_eq!(tab.draft().name, "New name");
    // Once storage has room, the next save writes everything typed.
    storage.is_full = false;
    tab.type_in(&mut storage, T0 + 3, |_| {});
    assert_eq!(tab.saved_ids(), ["a"]);
    assert_eq!(storage.name("a").as_deref(), Some("New name"));
    assert_eq!(
        storage.get("a").map(|r| r.draft.revenue_goal.as_str()),
        Some("7")
    );
}

#[test]
fn a_plan_left_unsaved_keeps_what_was_typed_when_opened_again() {
    let mut storage = Storage::with(&[plan("a", "A", 5), plan("b", "B", 4)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    storage.is_full = true;
    tab.type_in(&mut storage, T0 + 1, |draft| {
        draft.revenue_goal = "1".to_owned()
    });
    tab.act(&mut storage, T0 + 2, |library, now| {
        library.switch_to(&id("b"), now)
    });
    tab.act(&mut storage, T0 + 3, |library, now| {
        library.switch_to(&id("a"), now)
    });
    assert_eq!(tab.draft().revenue_goal, "1");
    // Storage's older version is not mistaken for another tab's change.
    tab.type_in(&mut storage, T0 + 4, |_| {});
    assert_eq!(tab.draft().revenue_goal, "1");
    assert!(tab.library.question().is_none());
}

// ---------------------------------------------------------------------------------------------
// Import

#[test]
fn imported_plans_are_added_and_the_first_new_one_is_opened() {
    let mut storage = Storage::with(&[plan("a", "A", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    let mut binned_in_file = plan("c", "C", 2);
    binned_in_file.deleted_ms = Some(3);
    tab.act(&mut storage, T0, |library, now| {
        library.import(
            vec![plan("a", "A", 5), plan("b", "B", 1), binned_in_file],
            now,
        )
    });
    assert_eq!(tab.notice, Some(Notice::Imported { count: 2 }));
    assert_eq!(tab.open_id().as_deref(), Some("b"));
    // Imported plans are live, with the time the file gives.
    assert_eq!(tab.listed(), ["A", "C", "B"]);
    assert_eq!(storage.get("c").map(|r| r.deleted_ms), Some(None));
    assert!(tab.library.clash().is_none());
}

#[test]
fn importing_only_what_is_here_adds_nothing() {
    let mut storage = Storage::with(&[plan("a", "A", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.import(vec![plan("a", "A", 99)], now)
    });
    assert_eq!(tab.notice, Some(Notice::NothingNewToImport));
    assert!(tab.writes.is_empty());
}

#[test]
fn an_imported_plan_already_here_waits_then_replaces_it() {
    let mut storage = Storage::with(&[plan("a", "Mine", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.import(vec![plan("a", "From the file", 1)], now)
    });
    assert_eq!(tab.notice, Some(Notice::Imported { count: 0 }));
    assert!(tab.writes.is_empty(), "nothing written before the choice");
    assert_eq!(
        tab.library.clash(),
        Some(&ImportClash {
            imported: plan("a", "From the file", 1),
            existing_name: "Mine".to_owned(),
        })
    );
    let mut is_resolved = false;
    tab.act(&mut storage, T0 + 9, |library, now| {
        is_resolved = library.resolve_clash(true, now)
    });
    assert!(is_resolved);
    assert!(tab.library.clash().is_none());
    // The open plan is the imported one at once: the editor shows it.
    assert_eq!(tab.draft().name, "From the file");
    assert_eq!(storage.get("a").map(|r| r.modified_ms), Some(T0 + 9));
    let mut is_resolved = true;
    tab.act(&mut storage, T0, |library, now| {
        is_resolved = library.resolve_clash(true, now)
    });
    assert!(!is_resolved, "nothing left to settle");
}

#[test]
fn keeping_both_adds_the_imported_plan_as_a_copy() {
    let mut binned = plan("b", "Binned", 4);
    binned.deleted_ms = Some(T0 - DAY);
    let mut storage = Storage::with(&[plan("a", "Q1", 5), binned]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.import(vec![plan("a", "Q1", 1), plan("b", "Binned", 4)], now)
    });
    // "a" is identical and live: skipped. "b" is the same plan but in the bin: a choice.
    assert_eq!(
        tab.library
            .clash()
            .map(|clash| clash.existing_name.as_str()),
        Some("Binned")
    );
    tab.act(&mut storage, T0 + 1, |library, now| {
        library.resolve_clash(false, now);
    });
    assert_eq!(storage.name("x1").as_deref(), Some("Binned (copy)"));
    assert_eq!(tab.binned(), ["Binned"]);
    assert_eq!(
        tab.open_id().as_deref(),
        Some("a"),
        "the copy is not opened"
    );
}

#[test]
fn a_failed_import_forgets_the_plans_waiting_for_a_choice() {
    let mut storage = Storage::with(&[plan("a", "Mine", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "x");
    tab.act(&mut storage, T0, |library, now| {
        library.import(vec![plan("a", "Theirs", 1)], now)
    });
    tab.library.forget_clashes();
    assert!(tab.library.clash().is_none());
}

// ---------------------------------------------------------------------------------------------
// Shared plans

#[test]
fn a_shared_plan_is_shown_without_being_saved() {
    let mut storage = Storage::default();
    let mut tab = Tab::open(
        &mut storage,
        Start::Shared(Box::new(named("Shared"))),
        T0,
        "s",
    );
    assert!(tab.library.is_shared());
    assert_eq!(tab.open_id(), None);
    assert_eq!(tab.draft().name, "Shared");
    assert!(
        tab.listed().is_empty(),
        "no example is made for a shared plan"
    );
    tab.type_in(&mut storage, T0, |draft| {
        draft.revenue_goal = "3".to_owned()
    });
    assert!(storage.plans.is_empty());
    // Closing an edited shared plan keeps it as a plan, which is then the newest to open.
    tab.act(&mut storage, T0 + 1, |library, now| {
        library.close_shared(now)
    });
    assert!(!tab.library.is_shared());
    assert_eq!(
        tab.notice,
        Some(Notice::SavedCopy {
            name: "Shared".to_owned()
        })
    );
    assert_eq!(
        storage
            .get("s1")
            .map(|r| (r.draft.name.as_str(), r.draft.revenue_goal.as_str())),
        Some(("Shared", "3"))
    );
    assert_eq!(tab.open_id().as_deref(), Some("s1"));
    assert_eq!(tab.listed(), ["Shared"]);
}

#[test]
fn closing_an_unedited_shared_plan_saves_nothing() {
    let mut storage = Storage::with(&[plan("a", "A", 5)]);
    let mut tab = Tab::open(
        &mut storage,
        Start::Shared(Box::new(named("Shared"))),
        T0,
        "s",
    );
    tab.act(&mut storage, T0, |library, now| library.close_shared(now));
    assert!(tab.writes.is_empty());
    assert_eq!(tab.notice, None);
    assert_eq!(tab.open_id().as_deref(), Some("a"));
}

#[test]
fn save_a_copy_saves_the_shared_plan_as_typed_once() {
    let mut storage = Storage::with(&[plan("a", "A", 5)]);
    let mut tab = Tab::open(&mut storage, Start::Plan(None), T0, "s");
    tab.act(&mut storage, T0, |library, now| {
        library.open_shared(named("Shared"), now)
    });
    tab.type_in(&mut storage, T0, |draft| {
        draft.name = "Shared, edited".to_owned()
    });
    tab.act(&mut storage, T0 + 1, |library, now| {
        library.save_shared(now)
    });
    assert_eq!(tab.saved_ids(), ["s1"]);
    assert_eq!(
        tab.notice,
        Some(Notice::SavedCopy {
            name: "Shared, edited".to_owned()
        })
    );
    assert_eq!(tab.open_id().as_deref(), Some("s1"));
    assert_eq!(tab.listed(), ["Shared, edited", "A"]);
}

// ---------------------------------------------------------------------------------------------
// Two tabs on one plan

/// Two tabs with plan "p" ("2027 base") open, as saved at T0.
fn two_tabs() -> (Storage, Tab, Tab) {
    let mut storage = Storage::with(&[plan("p", "2027 base", T0)]);
    let a = Tab::open(&mut storage, Start::Plan(Some(id("p"))), T0, "a");
    let b = Tab::open(&mut storage, Start::Plan(Some(id("p"))), T0, "b");
    (storage, a, b)
}

fn set_rates(draft: &mut PlanDraft) {
    for (stage, rate) in draft.stages.iter_mut().zip(["2", "25", "30", "45", "55"]) {
        stage.rate_to_next = rate.to_owned();
    }
}

fn rates(draft: &PlanDraft) -> Vec<&str> {
    draft
        .stages
        .iter()
        .map(|stage| stage.rate_to_next.as_str())
        .collect()
}

/// Issue 10's trust case: average revenue typed in B, then rates in A, then the name in B;
/// every tab hears the other's change. Reloading A loses nothing either tab typed.
#[test]
fn two_tabs_typing_in_turn_lose_nothing_on_reload() {
    let (mut storage, mut a, mut b) = two_tabs();
    b.type_in(&mut storage, T0 + 1, |draft| {
        draft.average_revenue_per_customer = "2,000".to_owned()
    });
    a.hear(&mut storage, T0 + 1, "p");
    assert_eq!(a.notice, Some(Notice::UpdatedFromOtherTab));
    assert_eq!(a.draft().average_revenue_per_customer, "2,000");

    a.type_in(&mut storage, T0 + 2, set_rates);
    b.hear(&mut storage, T0 + 2, "p");
    b.type_in(&mut storage, T0 + 3, |draft| {
        draft.name = "2027 stretch".to_owned()
    });
    a.hear(&mut storage, T0 + 3, "p");

    let reloaded = Tab::open(&mut storage, Start::Plan(Some(id("p"))), T0 + 4, "r");
    let draft = reloaded.draft();
    assert_eq!(draft.average_revenue_per_customer, "2,000");
    assert_eq!(rates(&draft), ["2", "25", "30", "45", "55", ""]);
    assert_eq!(draft.name, "2027 stretch");
    assert_eq!(a.draft(), draft, "A shows it too");
    assert_eq!(b.draft(), draft, "and B");
    assert_eq!(
        reloaded.listed(),
        ["2027 stretch"],
        "and no copy was needed"
    );
    assert!(a.library.question().is_none() && b.library.question().is_none());
}

/// The same, with every storage event late (delivered after the next keystroke): each tab reads
/// storage before it saves, so nothing is lost either.
#[test]
fn two_tabs_lose_nothing_when_storage_events_are_late() {
    let (mut storage, mut a, mut b) = two_tabs();
    b.type_in(&mut storage, T0 + 1, |draft| {
        draft.average_revenue_per_customer = "2,000".to_owned()
    });
    // A types before hearing of B's change: it is merged in before A saves.
    a.type_in(&mut storage, T0 + 2, set_rates);
    assert_eq!(a.draft().average_revenue_per_customer, "2,000");
    b.type_in(&mut storage, T0 + 3, |draft| {
        draft.name = "2027 stretch".to_owned()
    });
    // The late events arrive.
    a.hear(&mut storage, T0 + 4, "p");
    b.hear(&mut storage, T0 + 4, "p");
    a.hear(&mut storage, T0 + 4, "p");

    let reloaded = Tab::open(&mut storage, Start::Plan(Some(id("p"))), T0 + 5, "r");
    let draft = reloaded.draft();
    assert_eq!(draft.average_revenue_per_customer, "2,000");
    assert_eq!(rates(&draft), ["2", "25", "30", "45", "55", ""]);
    assert_eq!(draft.name, "2027 stretch");
    assert_eq!(a.draft(), draft);
    assert_eq!(b.draft(), draft);
    assert_eq!(reloaded.listed(), ["2027 stretch"]);
}

#[test]
fn a_change_another_tab_made_to_another_plan_just_shows_up() {
    let (mut storage, mut a, mut b) = two_tabs();
    b.act(&mut storage, T0 + 1, |library, now| {
        library.new_plan(named("x"), now)
    });
    a.hear(&mut storage, T0 + 1, "b1");
    assert_eq!(a.listed(), ["New plan", "2027 base"]);
    assert_eq!(a.open_id().as_deref(), Some("p"));
    assert_eq!(a.notice, None);
    assert!(a.writes.is_empty());
    // Removed there for good: gone here.
    b.act(&mut storage, T0 + 2, |library, now| {
        library.delete(&id("b1"), now)
    });
    b.act(&mut storage, T0 + 3, |library, _| {
        library.remove_forever(&id("b1"))
    });
    a.hear(&mut storage, T0 + 3, "b1");
    assert_eq!(a.listed(), ["2027 base"]);
}

/// Both tabs changed the goal differently: A keeps typing into a copy named "… (copy)", listed
/// and saved, so a reload loses nothing, until the person answers.
fn clash_on_the_goal() -> (Storage, Tab, Tab) {
    let (mut storage, mut a, mut b) = two_tabs();
    b.type_in(&mut storage, T0 + 1, |draft| {
        draft.revenue_goal = "20,000,000".to_owned()
    });
    a.type_in(&mut storage, T0 + 2, |draft| {
        draft.revenue_goal = "30,000,000".to_owned()
    });
    (storage, a, b)
}

#[test]
fn a_clash_keeps_this_tabs_version_in_a_copy_until_answered() {
    let (mut storage, mut a, _b) = clash_on_the_goal();
    assert_eq!(
        a.library.question(),
        Some(Question {
            is_deleted_there: false,
            copy_name: Some("2027 base (copy)".to_owned()),
            clashes: vec![Clash::RevenueGoal],
        })
    );
    assert_eq!(
        a.draft().revenue_goal,
        "30,000,000",
        "the editor keeps what A typed"
    );
    assert_eq!(a.draft().name, "2027 base");
    assert_eq!(
        storage.get("p").map(|r| r.draft.revenue_goal.as_str()),
        Some("20,000,000")
    );
    assert_eq!(
        storage
            .get("a1")
            .map(|r| (r.draft.name.as_str(), r.draft.revenue_goal.as_str())),
        Some(("2027 base (copy)", "30,000,000"))
    );
    let mut listed = a.listed();
    listed.sort();
    assert_eq!(listed, ["2027 base", "2027 base (copy)"]);
    // Typing goes on into the copy; renaming the plan renames the copy.
    a.type_in(&mut storage, T0 + 3, |draft| {
        draft.name = "Aggressive".to_owned()
    });
    assert_eq!(a.saved_ids(), ["a1"]);
    assert_eq!(storage.name("a1").as_deref(), Some("Aggressive"));
    assert_eq!(storage.name("p").as_deref(), Some("2027 base"));
    // Export holds the plan as on screen.
    let exported = a.library.open_record().expect("a plan is open");
    assert_eq!(exported.draft.name, "Aggressive");
}

#[test]
fn the_copy_takes_the_next_free_copy_name() {
    let mut storage = Storage::with(&[
        plan("p", "2027 base", T0),
        plan("q", "2027 base (copy)", T0 - 1),
    ]);
    let mut a = Tab::open(&mut storage, Start::Plan(Some(id("p"))), T0, "a");
    let mut b = Tab::open(&mut storage, Start::Plan(Some(id("p"))), T0, "b");
    b.type_in(&mut storage, T0 + 1, |draft| {
        draft.revenue_goal = "1".to_owned()
    });
    a.type_in(&mut storage, T0 + 2, |draft| {
        draft.revenue_goal = "2".to_owned()
    });
    assert_eq!(storage.name("a1").as_deref(), Some("2027 base (copy 2)"));
}

#[test]
fn no_copy_is_made_while_this_tab_has_typed_nothing_of_its_own() {
    let (mut storage, mut a, mut b) = two_tabs();
    // B deletes the plan; A had typed nothing.
    b.act(&mut storage, T0 + 1, |library, now| {
        library.delete(&id("p"), now)
    });
    a.hear(&mut storage, T0 + 1, "p");
    assert_eq!(
        a.library.question(),
        Some(Question {
            is_deleted_there: true,
            copy_name: None,
            clashes: Vec::new(),
        })
    );
    assert!(a.writes.is_empty());
    // "Open another plan": nothing is left, so a new example.
    a.act(&mut storage, T0 + 2, |library, now| {
        library.take_theirs(now)
    });
    assert!(a.library.question().is_none());
    assert_eq!(a.listed(), ["Plan"]);
}

#[test]
fn use_theirs_shows_their_version_and_removes_the_copy() {
    let (mut storage, mut a, _b) = clash_on_the_goal();
    a.act(&mut storage, T0 + 5, |library, now| {
        library.take_theirs(now)
    });
    assert!(a.library.question().is_none());
    assert_eq!(a.draft().revenue_goal, "20,000,000");
    assert_eq!(a.writes, [Write::Remove(id("a1"))]);
    assert_eq!(storage.get("a1"), None);
    assert_eq!(a.listed(), ["2027 base"]);
}

#[test]
fn keep_mine_saves_this_tabs_version_over_theirs_and_removes_the_copy() {
    let (mut storage, mut a, mut b) = clash_on_the_goal();
    a.act(&mut storage, T0 + 5, |library, now| library.keep_mine(now));
    assert!(a.library.question().is_none());
    assert_eq!(a.writes[0], Write::Remove(id("a1")));
    assert_eq!(
        storage.get("p").map(|r| r.draft.revenue_goal.as_str()),
        Some("30,000,000")
    );
    assert_eq!(storage.get("p").map(|r| r.modified_ms), Some(T0 + 5));
    assert_eq!(a.listed(), ["2027 base"]);
    // B, which typed nothing since, simply takes it.
    b.hear(&mut storage, T0 + 5, "p");
    assert_eq!(b.draft().revenue_goal, "30,000,000");
    assert!(b.library.question().is_none());
}

#[test]
fn keep_mine_after_a_delete_there_brings_the_plan_back() {
    let (mut storage, mut a, mut b) = two_tabs();
    a.type_in(&mut storage, T0 + 1, |draft| {
        draft.revenue_goal = "4".to_owned()
    });
    b.hear(&mut storage, T0 + 1, "p");
    b.act(&mut storage, T0 + 2, |library, now| {
        library.delete(&id("p"), now)
    });
    b.act(&mut storage, T0 + 2, |library, _| {
        library.remove_forever(&id("p"))
    });
    // A types on before hearing: storage no longer has the plan.
    a.hear(&mut storage, T0 + 3, "p");
    a.type_in(&mut storage, T0 + 4, |draft| {
        draft.revenue_goal = "5".to_owned()
    });
    assert_eq!(
        a.library
            .question()
            .map(|question| question.is_deleted_there),
        Some(true)
    );
    a.act(&mut storage, T0 + 5, |library, now| library.keep_mine(now));
    assert_eq!(
        storage.get("p").map(|r| r.draft.revenue_goal.as_str()),
        Some("5")
    );
    assert_eq!(storage.get("p").map(|r| r.deleted_ms), Some(None));
    assert_eq!(a.listed(), ["2027 base"]);
}

#[test]
fn keep_both_opens_this_tabs_copy_and_leaves_theirs() {
    let (mut storage, mut a, _b) = clash_on_the_goal();
    a.act(&mut storage, T0 + 5, |library, now| library.keep_both(now));
    assert!(a.library.question().is_none());
    assert_eq!(a.open_id().as_deref(), Some("a1"));
    assert_eq!(a.draft().name, "2027 base (copy)");
    assert_eq!(a.draft().revenue_goal, "30,000,000");
    assert_eq!(
        storage.get("p").map(|r| r.draft.revenue_goal.as_str()),
        Some("20,000,000")
    );
}

#[test]
fn opening_another_plan_during_a_clash_keeps_both() {
    let (mut storage, mut a, _b) = clash_on_the_goal();
    a.act(&mut storage, T0 + 5, |library, now| {
        library.new_plan(named("x"), now)
    });
    assert!(a.library.question().is_none());
    assert_eq!(
        a.notice,
        Some(Notice::SavedCopy {
            name: "2027 base (copy)".to_owned()
        })
    );
    let mut listed = a.listed();
    listed.sort();
    assert_eq!(listed, ["2027 base", "2027 base (copy)", "New plan"]);
}
