//! Two tabs editing one plan: what each typed survives the merge, and only the same field changed
//! differently in both is a clash. Drafts are made by hand from the worked example.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::example;
use funnel_planner::model::annual::{AnnualDraft, GoalMode, GroupTag, ObjectiveDraft, UnitTag};
use funnel_planner::model::forecast::draft::ForecastDraft;
use funnel_planner::model::merge::{merge, merge_preferring, Clash, Prefer};
use funnel_planner::model::page_data::PageData;
use funnel_planner::model::{GoalKind, Lang, PlanDraft, StageId};

fn with(edit: impl FnOnce(&mut PlanDraft)) -> PlanDraft {
    let mut draft = example();
    edit(&mut draft);
    draft
}

fn rate(draft: &mut PlanDraft, stage: u32, text: &str) {
    draft
        .stage_mut(StageId(stage))
        .expect("a stage")
        .rate_to_next = text.to_owned();
}

/// Issue 10's scenario: average revenue typed in B, rates in A, the name in B again: all three
/// survive.
#[test]
fn fields_changed_in_one_tab_each_are_all_kept() {
    let base = example();
    let mine = with(|draft| {
        rate(draft, 1, "2");
        rate(draft, 4, "45");
    });
    let theirs = with(|draft| {
        draft.average_revenue_per_customer = "1,200,000".to_owned();
        draft.name = "Renamed in B".to_owned();
    });
    let merged = merge(&base, &mine, &theirs).expect("no field changed in both");
    assert_eq!(merged.name, "Renamed in B");
    assert_eq!(merged.average_revenue_per_customer, "1,200,000");
    let rates: Vec<&str> = merged
        .stages
        .iter()
        .map(|stage| stage.rate_to_next.as_str())
        .collect();
    assert_eq!(rates, ["2", "20", "20", "45", "50", ""]);
    // The order of the tabs does not matter.
    assert_eq!(merge(&base, &theirs, &mine), Some(merged));
}

#[test]
fn nothing_changed_here_takes_theirs_and_nothing_changed_there_keeps_mine() {
    let base = example();
    let changed = with(|draft| draft.revenue_goal = "8,800,000".to_owned());
    assert_eq!(merge(&base, &base, &changed).as_ref(), Some(&changed));
    assert_eq!(merge(&base, &changed, &base).as_ref(), Some(&changed));
}

#[test]
fn the_same_text_typed_in_both_is_no_clash() {
    let base = example();
    let both = with(|draft| draft.name = "Same".to_owned());
    assert_eq!(merge(&base, &both, &both).as_ref(), Some(&both));
}

#[test]
fn one_field_changed_differently_in_both_is_a_clash() {
    let base = example();
    let mine = with(|draft| draft.revenue_goal = "5,500,000".to_owned());
    let theirs = with(|draft| draft.revenue_goal = "7,700,000".to_owned());
    assert_eq!(merge(&base, &mine, &theirs), None);
    // A stage's rate too, and a marketing field.
    let mine = with(|draft| rate(draft, 2, "25"));
    let theirs = with(|draft| rate(draft, 2, "30"));
    assert_eq!(merge(&base, &mine, &theirs), None);
    let mine = with(|draft| draft.marketing.budget = "1,000".to_owned());
    let theirs = with(|draft| draft.marketing.budget = "2,000".to_owned());
    assert_eq!(merge(&base, &mine, &theirs), None);
}

#[test]
fn the_same_stage_merges_its_name_and_rate_separately() {
    let base = example();
    let mine = with(|draft| draft.stage_mut(StageId(2)).expect("Leads").name = "Signups".into());
    let theirs = with(|draft| rate(draft, 2, "30"));
    let merged = merge(&base, &mine, &theirs).expect("different fields");
    let leads = merged.stage(StageId(2)).expect("the stage");
    assert_eq!(
        (leads.name.as_str(), leads.rate_to_next.as_str()),
        ("Signups", "30")
    );
}

#[test]
fn a_goal_switched_in_one_tab_and_typed_in_the_other_merges() {
    let base = example();
    let mine = with(|draft| {
        draft.goal_kind = GoalKind::NewCustomers;
        draft.new_customers_goal = "9".to_owned();
    });
    let theirs = with(|draft| draft.revenue_goal = "12,000,000".to_owned());
    let merged = merge(&base, &mine, &theirs).expect("different fields");
    assert_eq!(merged.goal_kind, GoalKind::NewCustomers);
    assert_eq!(merged.new_customers_goal, "9");
    assert_eq!(merged.revenue_goal, "12,000,000");
}

#[test]
fn a_stage_added_in_one_tab_keeps_the_others_edits_only_if_it_did_not_touch_the_stages() {
    let base = example();
    let added = with(|draft| {
        draft.add_stage("Trials").expect("room for a stage");
    });
    // The other tab changed the name only: the new stage and the new name are both kept.
    let renamed = with(|draft| draft.name = "Renamed".to_owned());
    let merged = merge(&base, &added, &renamed).expect("the stages changed in one tab only");
    assert_eq!(merged.stages, added.stages);
    assert_eq!(merged.name, "Renamed");
    // The other tab typed a rate: the stage list changed in both, so the person chooses.
    let rated = with(|draft| rate(draft, 1, "2"));
    assert_eq!(merge(&base, &added, &rated), None);
}

/// The annual plan's text as its page writes it: `growth` percent over last year's revenue of
/// 10,000,000.
fn annual_text(growth: &str) -> String {
    let mut annual = AnnualDraft::new(Lang::English);
    annual.last_year.revenue = "10,000,000".to_owned();
    annual.goal.mode = GoalMode::Growth;
    annual.goal.growth = growth.to_owned();
    annual.encode()
}

#[test]
fn the_annual_plan_changed_in_one_tab_and_a_rate_in_the_other_are_both_kept() {
    let base = with(|draft| draft.annual = annual_text("10"));
    let mine = with(|draft| draft.annual = annual_text("12"));
    let theirs = with(|draft| {
        draft.annual = annual_text("10");
        rate(draft, 3, "25");
    });
    let merged = merge(&base, &mine, &theirs).expect("different fields");
    assert_eq!(merged.annual, annual_text("12"));
    assert_eq!(merged.stage(StageId(3)).expect("MQLs").rate_to_next, "25");
    // The order of the tabs does not matter.
    assert_eq!(merge(&base, &theirs, &mine), Some(merged));
    // A first annual plan, typed where there was none ("" in the base), is a change like any
    // other.
    let first = with(|draft| draft.annual = annual_text("12"));
    let rated = with(|draft| rate(draft, 3, "25"));
    let merged = merge(&example(), &rated, &first).expect("different fields");
    assert_eq!(merged.annual, annual_text("12"));
    assert_eq!(merged.stage(StageId(3)).expect("MQLs").rate_to_next, "25");
}

#[test]
fn the_annual_plan_changed_differently_in_both_tabs_is_a_clash() {
    // The same field of the annual plan (the growth goal) typed differently in two tabs clash.
    let base = with(|draft| draft.annual = annual_text("10"));
    let mine = with(|draft| draft.annual = annual_text("12"));
    let theirs = with(|draft| draft.annual = annual_text("15"));
    assert_eq!(merge(&base, &mine, &theirs), None);
    // The same change in both is no clash.
    assert_eq!(merge(&base, &mine, &mine.clone()).as_ref(), Some(&mine));
}

/// The forecast's text as its page writes it: the seed `seed`, with a range of 1–2 % around the
/// first stage's rate.
fn forecast_text(seed: &str) -> String {
    let mut forecast = ForecastDraft::new(Lang::English);
    forecast.set_range(StageId(1), false, "1".to_owned());
    forecast.set_range(StageId(1), true, "2".to_owned());
    forecast.seed = seed.to_owned();
    forecast.encode()
}

#[test]
fn the_forecast_changed_in_one_tab_and_the_annual_plan_in_the_other_are_both_kept() {
    let base = with(|draft| {
        draft.forecast = forecast_text("1");
        draft.annual = annual_text("10");
    });
    let mine = with(|draft| {
        draft.forecast = forecast_text("2027");
        draft.annual = annual_text("10");
    });
    let theirs = with(|draft| {
        draft.forecast = forecast_text("1");
        draft.annual = annual_text("12");
        rate(draft, 3, "25");
    });
    let merged = merge(&base, &mine, &theirs).expect("different fields");
    assert_eq!(merged.forecast, forecast_text("2027"));
    assert_eq!(merged.annual, annual_text("12"));
    assert_eq!(merged.stage(StageId(3)).expect("MQLs").rate_to_next, "25");
    // The order of the tabs does not matter.
    assert_eq!(merge(&base, &theirs, &mine), Some(merged));
    // A first forecast, typed where there was none ("" in the base), is a change like any other.
    let first = with(|draft| draft.forecast = forecast_text("2027"));
    let rated = with(|draft| rate(draft, 3, "25"));
    let merged = merge(&example(), &rated, &first).expect("different fields");
    assert_eq!(merged.forecast, forecast_text("2027"));
    assert_eq!(merged.stage(StageId(3)).expect("MQLs").rate_to_next, "25");
    // So is a forecast cleared in one tab ("" again) while the other typed elsewhere.
    let mut cleared = base.clone();
    cleared.forecast = String::new();
    let merged = merge(&base, &cleared, &rated_on(&base)).expect("different fields");
    assert_eq!(merged.forecast, "");
    assert_eq!(merged.annual, base.annual);
    assert_eq!(merged.stage(StageId(3)).expect("MQLs").rate_to_next, "25");
}

/// `base` with the third stage's rate changed to 25.
fn rated_on(base: &PlanDraft) -> PlanDraft {
    let mut draft = base.clone();
    rate(&mut draft, 3, "25");
    draft
}

#[test]
fn the_forecast_changed_differently_in_both_tabs_is_a_clash() {
    // The forecast merges as one text: a seed typed in one tab and another in the other tab
    // clash, even though the page could tell which field of it each changed.
    let base = with(|draft| draft.forecast = forecast_text("1"));
    let mine = with(|draft| draft.forecast = forecast_text("2027"));
    let theirs = with(|draft| draft.forecast = forecast_text("7"));
    assert_eq!(merge(&base, &mine, &theirs), None);
    assert_eq!(merge(&base, &theirs, &mine), None);
    // A first forecast typed in both tabs, differently, clashes too.
    assert_eq!(merge(&example(), &mine, &theirs), None);
    // The same change in both is no clash.
    assert_eq!(merge(&base, &mine, &mine.clone()).as_ref(), Some(&mine));
}

// ---------------------------------------------------------------------------------------------
// A page's own data merges field by field

fn objective(id: u32, metric: &str, owner: &str) -> ObjectiveDraft {
    ObjectiveDraft {
        id,
        metric: metric.to_owned(),
        stage: None,
        group: GroupTag::Response,
        unit: UnitTag::Percent,
        baseline: "20".to_owned(),
        target: "25".to_owned(),
        deadline: Some(5),
        owner: owner.to_owned(),
        quarter: Some(1),
        values: vec![String::new(); 12],
    }
}

/// A plan whose annual plan has two objectives, "Open rate" (id 1) and "Webinars" (id 2), with
/// these owners.
fn with_owners(first: &str, second: &str) -> PlanDraft {
    let mut annual = AnnualDraft::new(Lang::English);
    annual.objectives = vec![
        objective(1, "Open rate", first),
        objective(2, "Webinars", second),
    ];
    with(|draft| draft.annual = annual.encode())
}

fn annual_of(draft: &PlanDraft) -> AnnualDraft {
    AnnualDraft::decode(&draft.annual, Lang::English).expect("the merged annual plan reads")
}

fn owners(draft: &PlanDraft) -> Vec<String> {
    annual_of(draft)
        .objectives
        .iter()
        .map(|objective| objective.owner.clone())
        .collect()
}

/// Issue 27's case: two tabs type the owners of two different objectives.
#[test]
fn two_objectives_owners_typed_in_two_tabs_are_both_kept() {
    let base = with_owners("", "");
    let mine = with_owners("AAAAAAAA", "");
    let theirs = with_owners("", "BBBBBBBB");
    let merged = merge(&base, &mine, &theirs).expect("different objectives");
    assert_eq!(owners(&merged), ["AAAAAAAA", "BBBBBBBB"]);
    // Whichever tab merges, the same plan.
    let other_way = merge(&base, &theirs, &mine).expect("different objectives");
    assert_eq!(annual_of(&other_way), annual_of(&merged));
}

#[test]
fn the_same_owner_typed_in_both_is_a_clash_named_by_its_objective_and_settled_whole() {
    let base = with_owners("", "");
    let mine = with_owners("AAAAAAAA", "Kim");
    let theirs = with_owners("BBBBBBBB", "");
    assert_eq!(merge(&base, &mine, &theirs), None);
    let kept_mine = merge_preferring(&base, &mine, &theirs, Prefer::Mine);
    assert_eq!(
        kept_mine.clashes,
        [Clash::Annual {
            item: Some("Open rate".to_owned())
        }]
    );
    // Neither side's text is cut; what only one tab changed stays either way.
    assert_eq!(owners(&kept_mine.draft), ["AAAAAAAA", "Kim"]);
    let took_theirs = merge_preferring(&base, &mine, &theirs, Prefer::Theirs);
    assert_eq!(owners(&took_theirs.draft), ["BBBBBBBB", "Kim"]);
}

#[test]
fn an_objective_added_in_one_tab_and_another_edited_in_the_other_are_both_kept() {
    let base = with_owners("", "");
    let mut annual = annual_of(&base);
    annual.objectives.push(objective(3, "Demos", "Lee"));
    let added = with(|draft| draft.annual = annual.encode());
    let edited = with_owners("", "Kim");
    let merged = merge(&base, &added, &edited).expect("different objectives");
    assert_eq!(owners(&merged), ["", "Kim", "Lee"]);
    // One removed here and edited there is a clash; removed and left alone is removed.
    let mut annual = annual_of(&base);
    annual.objectives.remove(1);
    let removed = with(|draft| draft.annual = annual.encode());
    assert_eq!(merge(&base, &removed, &edited), None);
    let merged = merge(&base, &removed, &with_owners("Ana", "")).expect("different objectives");
    assert_eq!(owners(&merged), ["Ana"]);
}

#[test]
fn two_months_weights_and_two_stages_ranges_typed_in_two_tabs_are_all_kept() {
    let forecast = |edit: &dyn Fn(&mut ForecastDraft)| {
        let mut forecast = ForecastDraft::new(Lang::English);
        forecast.set_weight(0, "8".to_owned());
        edit(&mut forecast);
        with(|draft| draft.forecast = forecast.encode())
    };
    let base = forecast(&|_| {});
    let mine = forecast(&|forecast| {
        forecast.set_weight(2, "10".to_owned());
        forecast.set_range(StageId(1), false, "1".to_owned());
    });
    let theirs = forecast(&|forecast| {
        forecast.set_weight(11, "12".to_owned());
        forecast.set_range(StageId(2), true, "30".to_owned());
    });
    let merged = merge(&base, &mine, &theirs).expect("different months and stages");
    let read = ForecastDraft::decode(&merged.forecast, Lang::English).expect("reads");
    let wanted = forecast(&|forecast| {
        forecast.set_weight(2, "10".to_owned());
        forecast.set_range(StageId(1), false, "1".to_owned());
        forecast.set_weight(11, "12".to_owned());
        forecast.set_range(StageId(2), true, "30".to_owned());
    });
    assert_eq!(
        read,
        ForecastDraft::decode(&wanted.forecast, Lang::English).expect("reads")
    );
    // The same month weighted differently is a clash on the forecast.
    let other = forecast(&|forecast| forecast.set_weight(2, "11".to_owned()));
    assert_eq!(
        merge_preferring(&base, &mine, &other, Prefer::Mine).clashes,
        [Clash::Forecast]
    );
}

#[test]
fn page_data_typed_in_two_languages_merges_as_one_field() {
    // Numbers are written in each page's language, so the texts are not compared field by field.
    let polish = |owner: &str| {
        let mut annual = AnnualDraft::new(Lang::Polish);
        annual.objectives = vec![objective(1, "Open rate", owner)];
        with(|draft| draft.annual = annual.encode())
    };
    let english = |owner: &str| {
        let mut annual = AnnualDraft::new(Lang::English);
        annual.objectives = vec![objective(1, "Open rate", owner)];
        with(|draft| draft.annual = annual.encode())
    };
    let base = english("");
    let merged = merge_preferring(&base, &english("Ana"), &polish("Kim"), Prefer::Mine);
    assert_eq!(merged.clashes, [Clash::Annual { item: None }]);
}

#[test]
fn use_theirs_keeps_what_only_this_tab_changed() {
    let base = example();
    let mine = with(|draft| {
        draft.revenue_goal = "12,000,000".to_owned();
        draft.name = "Mine".to_owned();
    });
    let theirs = with(|draft| draft.revenue_goal = "9,000,000".to_owned());
    let merged = merge_preferring(&base, &mine, &theirs, Prefer::Theirs);
    assert_eq!(merged.clashes, [Clash::RevenueGoal]);
    assert_eq!(merged.draft.revenue_goal, "9,000,000");
    assert_eq!(merged.draft.name, "Mine");
}
