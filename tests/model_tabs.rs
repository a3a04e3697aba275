//! Two tabs saving the same plan at (nearly) the same moment, at every point of the save
//! sequence: no edit is ever lost.
//!
//! A browser tab's autosave reads the plan from storage, merges in whatever another tab saved
//! and writes the result; every write reaches the other tab later as a `storage` event, which
//! reads storage again and merges. One tab's read can be stale (another tab's write has not
//! reached it yet), which is the same as the other tab writing between this tab's read and its
//! write. So the test runs every order of the steps of two tabs' autosaves (read, merge, write)
//! and of the events they cause, and checks that each order ends with both edits in storage and
//! on both screens, without a conflict.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::example;
use funnel_planner::model::annual::{AnnualDraft, GroupTag, ObjectiveDraft, UnitTag};
use funnel_planner::model::library::{Defaults, Library, Now, Start, Write};
use funnel_planner::model::page_data::PageData;
use funnel_planner::model::{Lang, PlanDraft, PlanId, PlanRecord};

fn id() -> PlanId {
    PlanId::parse("p").expect("a valid id")
}

const DEFAULTS: Defaults = Defaults {
    example,
    new_plan_name: |_| "New plan".to_owned(),
    copy_name: |name, _| format!("{name} (copy)"),
};

/// An edit a person makes in one tab.
type Edit = fn(&mut PlanDraft);

/// One tab: its library, where it is in its autosave, and how many of the other tab's events
/// are still on their way to it.
#[derive(Clone)]
struct Tab {
    library: Library,
    /// 0: not saving; 1: storage read; 2: merged, writes waiting; 3: done.
    step: u8,
    typed: Option<PlanDraft>,
    read: Option<PlanRecord>,
    writes: Vec<Write>,
    events: usize,
    ids_used: u32,
    edit: Edit,
}

#[derive(Clone)]
struct World {
    stored: Option<PlanRecord>,
    versions: u32,
    tabs: [Tab; 2],
    /// The steps taken so far, to name a failing order.
    trace: String,
}

impl Tab {
    fn act(&mut self, action: impl FnOnce(&mut Library, &mut Now)) {
        let ids_used = &mut self.ids_used;
        let mut new_id = || {
            *ids_used += 1;
            PlanId::parse(&format!("copy{ids_used}")).expect("a valid id")
        };
        let mut now = Now {
            ms: 1_000,
            new_id: &mut new_id,
        };
        action(&mut self.library, &mut now);
        self.writes.extend(self.library.take_writes());
    }
}

/// The plan as storage first holds it: with a version id, as storage reads even a plan saved
/// without one.
fn first_version(draft: PlanDraft) -> PlanRecord {
    PlanRecord {
        id: id(),
        modified_ms: 1,
        deleted_ms: None,
        draft,
        lineage: vec!["v0".to_owned()],
    }
}

/// A tab opened on storage holding `draft`.
fn open_with(draft: PlanDraft) -> Library {
    let mut new_id = id;
    let mut now = Now {
        ms: 1,
        new_id: &mut new_id,
    };
    Library::open(
        vec![first_version(draft)],
        DEFAULTS,
        Start::Plan(Some(id())),
        &mut now,
    )
}

impl World {
    fn new(edits: [Edit; 2]) -> World {
        let stored = first_version(example());
        let tab = |edit: Edit| Tab {
            library: open_with(example()),
            step: 0,
            typed: None,
            read: None,
            writes: Vec::new(),
            events: 0,
            ids_used: 0,
            edit,
        };
        World {
            stored: Some(stored.clone()),
            versions: 0,
            tabs: [tab(edits[0]), tab(edits[1])],
            trace: String::new(),
        }
    }

    /// Makes tab `at`'s waiting writes, as the page does right after the library asks: each
    /// saved version gets its id, and the other tab will hear of it.
    fn perform(&mut self, at: usize) {
        for write in std::mem::take(&mut self.tabs[at].writes) {
            match write {
                Write::Save(record) => {
                    self.versions += 1;
                    let mut saved = *record;
                    saved.lineage.insert(0, format!("v{}", self.versions));
                    if saved.id == id() {
                        self.stored = Some(saved.clone());
                    }
                    self.tabs[at].library.saved(&saved);
                    self.tabs[1 - at].events += 1;
                }
                Write::Remove(_) => panic!("nothing is removed here"),
            }
        }
    }

    /// The actions possible now: a tab's next autosave step, or an event reaching a tab that is
    /// not in the middle of its autosave (one tab runs one task at a time).
    fn actions(&self) -> Vec<(usize, bool)> {
        let mut actions = Vec::new();
        for (at, tab) in self.tabs.iter().enumerate() {
            if tab.step < 3 {
                actions.push((at, false));
            }
            if tab.events > 0 && (tab.step == 0 || tab.step == 3) {
                actions.push((at, true));
            }
        }
        actions
    }

    fn run(&mut self, at: usize, is_event: bool) {
        let name = if at == 0 { 'A' } else { 'B' };
        if is_event {
            self.trace.push_str(&format!(" {name}:hear"));
            self.tabs[at].events -= 1;
            let theirs = self.stored.clone();
            self.tabs[at].act(|library, now| library.take_in(id(), theirs, now));
            self.perform(at);
            return;
        }
        let stored = self.stored.clone();
        let tab = &mut self.tabs[at];
        match tab.step {
            0 => {
                self.trace.push_str(&format!(" {name}:read"));
                let mut typed = tab.library.open_draft().cloned().expect("a plan is open");
                (tab.edit)(&mut typed);
                tab.typed = Some(typed);
                tab.read = stored;
            }
            1 => {
                self.trace.push_str(&format!(" {name}:merge"));
                let typed = tab.typed.take().expect("typed before");
                let read = tab.read.take();
                tab.act(|library, now| library.edit(&typed, read, now));
            }
            _ => {
                self.trace.push_str(&format!(" {name}:write"));
                self.perform(at);
            }
        }
        self.tabs[at].step += 1;
    }
}

/// Runs every order of the steps from `world`, calling `check` on each end state; the number of
/// orders run.
fn every_order(world: &World, check: &dyn Fn(&World)) -> usize {
    assert!(world.trace.len() < 400, "no end:{}", world.trace);
    let actions = world.actions();
    if actions.is_empty() {
        check(world);
        return 1;
    }
    actions
        .into_iter()
        .map(|(at, is_event)| {
            let mut next = world.clone();
            next.run(at, is_event);
            every_order(&next, check)
        })
        .sum()
}

fn both_edits_survive(edits: [Edit; 2]) -> usize {
    let mut wanted = example();
    for edit in edits {
        edit(&mut wanted);
    }
    every_order(&World::new(edits), &|world| {
        let stored = world.stored.as_ref().expect("the plan is stored");
        assert_eq!(stored.draft, wanted, "storage after{}", world.trace);
        for tab in &world.tabs {
            assert_eq!(
                tab.library.open_draft(),
                Some(&wanted),
                "a tab's screen after{}",
                world.trace
            );
            assert!(
                tab.library.question().is_none(),
                "no conflict after{}",
                world.trace
            );
            assert_eq!(
                tab.library.listed().len(),
                1,
                "no copy after{}",
                world.trace
            );
        }
    })
}

#[test]
fn two_tabs_saving_different_fields_at_once_keep_both_in_every_order() {
    let orders = both_edits_survive([
        |draft| draft.revenue_goal = "12,000,000".to_owned(),
        |draft| draft.name = "2027 stretch".to_owned(),
    ]);
    // 20 orders of the two autosaves alone; the events they cause multiply them.
    assert!(orders > 20, "{orders}");
}

#[test]
fn two_tabs_saving_two_stages_at_once_keep_both_in_every_order() {
    both_edits_survive([
        |draft| draft.stages[1].rate_to_next = "25".to_owned(),
        |draft| draft.stages[3].name = "Demos".to_owned(),
    ]);
}

/// The owner of objective `id` of the plan's annual plan (two objectives, made by `with_two`).
fn set_owner(draft: &mut PlanDraft, id: u32, owner: &str) {
    let mut annual = AnnualDraft::decode(&draft.annual, Lang::English).expect("reads");
    for objective in &mut annual.objectives {
        if objective.id == id {
            objective.owner = owner.to_owned();
        }
    }
    draft.annual = annual.encode();
}

#[test]
fn two_tabs_typing_two_objectives_owners_at_once_keep_both_in_every_order() {
    // The page's own data merges field by field too; the plan starts with two objectives.
    let mut annual = AnnualDraft::new(Lang::English);
    for (id, metric) in [(1, "Open rate"), (2, "Webinars")] {
        annual.objectives.push(ObjectiveDraft {
            id,
            metric: metric.to_owned(),
            stage: None,
            group: GroupTag::Response,
            unit: UnitTag::Percent,
            baseline: String::new(),
            target: String::new(),
            deadline: None,
            owner: String::new(),
            quarter: None,
            values: vec![String::new(); 12],
        });
    }
    let edits: [Edit; 2] = [
        |draft| set_owner(draft, 1, "AAAAAAAA"),
        |draft| set_owner(draft, 2, "BBBBBBBB"),
    ];
    let mut world = World::new(edits);
    let text = annual.encode();
    for tab in &mut world.tabs {
        let mut draft = tab.library.open_draft().cloned().expect("open");
        draft.annual = text.clone();
        tab.library = open_with(draft.clone());
    }
    if let Some(stored) = &mut world.stored {
        stored.draft.annual = text;
    }
    let owners = |draft: &PlanDraft| -> Vec<String> {
        AnnualDraft::decode(&draft.annual, Lang::English)
            .expect("reads")
            .objectives
            .into_iter()
            .map(|objective| objective.owner)
            .collect()
    };
    every_order(&world, &|world| {
        let stored = world.stored.as_ref().expect("stored");
        assert_eq!(
            owners(&stored.draft),
            ["AAAAAAAA", "BBBBBBBB"],
            "after{}",
            world.trace
        );
        for tab in &world.tabs {
            let shown = tab.library.open_draft().expect("open");
            assert_eq!(
                owners(shown),
                ["AAAAAAAA", "BBBBBBBB"],
                "after{}",
                world.trace
            );
            assert!(tab.library.question().is_none(), "after{}", world.trace);
        }
    });
}
