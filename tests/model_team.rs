//! The sales team the plan needs, every expected figure worked by hand in the comment beside it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::close;
use funnel_planner::model::annual::AnnualDraft;
use funnel_planner::model::forecast::team::{
    monthly_survival, AeCounts, Role, RoleInput, TeamDraft, TeamError, TeamField, TeamRole,
};
use funnel_planner::model::page_data::PageData;
use funnel_planner::model::{InputError, Lang};
use serde_json::{json, Value};

#[track_caller]
fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: {actual} instead of {expected}"
    );
}

/// Within the last shown decimal of a figure worked to six decimals.
#[track_caller]
fn assert_near(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 5e-7,
        "{what}: {actual} instead of {expected}"
    );
}

/// The same `volume` in each month of the plan year (offsets 0 to 11).
fn every_month(volume: f64) -> Vec<(i32, f64)> {
    (0..12).map(|offset| (offset, volume)).collect()
}

/// A role with a 25/50/75 % ramp, no attrition, nobody in place and no cost.
fn ramping(capacity: f64) -> Role {
    Role {
        capacity,
        ramp: vec![0.25, 0.5, 0.75],
        attrition: 0.0,
        in_place: 0,
        in_place_from: 0,
        cost_per_head: None,
    }
}

/// (offset, hires) for each month that hires.
fn hires(role: &Role, work: &[(i32, f64)]) -> Vec<(i32, u32)> {
    role.team(work)
        .unwrap()
        .months
        .iter()
        .filter(|month| month.hires > 0)
        .map(|month| (month.offset, month.hires))
        .collect()
}

#[test]
fn ten_percent_a_year_leaves_the_twelfth_root_of_ninety_percent_a_month() {
    // 0.9^(1/12) = e^(ln 0.9 ÷ 12) = e^(−0.1053605 ÷ 12) = e^(−0.00878004) = 0.9912584.
    assert_near(monthly_survival(0.1), 0.991_258, "a month");
    assert_close(monthly_survival(0.1).powi(12), 0.9, "twelve months");
    assert_close(monthly_survival(0.0), 1.0, "no attrition");
}

#[test]
fn a_three_month_ramp_starts_the_hires_three_months_before_they_are_needed() {
    // 60 SQLs a month ÷ 10 per head = 6 heads from the plan year's first month. With a ramp of
    // 25, 50 and 75 %, the 6 must start 3 months earlier (offset −3): they bring 6 × 0.25 = 1.5,
    // 6 × 0.5 = 3 and 6 × 0.75 = 4.5 heads' output in offsets −3, −2 and −1, and 6 from 0.
    let mut role = ramping(10.0);
    role.cost_per_head = Some(5_000.0);
    let team = role.team(&every_month(60.0)).unwrap();
    assert_eq!(hires(&role, &every_month(60.0)), vec![(-3, 6)]);
    assert_eq!(team.months.first().unwrap().offset, -3);
    assert_eq!(team.months.last().unwrap().offset, 11);
    let output: Vec<f64> = team.months.iter().map(|m| m.output).collect();
    for (at, expected) in [1.5, 3.0, 4.5, 6.0, 6.0].into_iter().enumerate() {
        assert_close(output[at], expected, "output");
    }
    assert!(team.months.iter().all(|m| close(m.heads, 6.0)));
    // No work before the plan year: 0 needed there, 6 in every month of it.
    assert_close(team.months[0].needed, 0.0, "needed before");
    assert_close(team.months[3].needed, 6.0, "needed in the plan year");
    // 6 heads × 5,000 a month: 3 months before the plan year = 90,000; its 12 = 360,000.
    assert_close(team.cost(false).unwrap(), 90_000.0, "cost before");
    assert_close(team.cost(true).unwrap(), 360_000.0, "cost in the plan year");
    assert_eq!(team.hires(), 6);
    assert_eq!(team.first_hire(), Some(-3));
}

#[test]
fn hires_are_rounded_up_to_whole_people() {
    // 45 ÷ 10 = 4.5 heads: 5 people, with no ramp starting in the month that needs them.
    let role = Role {
        ramp: Vec::new(),
        ..ramping(10.0)
    };
    assert_eq!(hires(&role, &every_month(45.0)), vec![(0, 5)]);
    // 60 ÷ 10 is 6 exactly, even where floating point makes it 6.000000000000001: 6 people.
    assert_eq!(hires(&role, &every_month(0.1 * 3.0 * 200.0)), vec![(0, 6)]);
}

#[test]
fn heads_in_place_come_first_and_no_month_hires_a_negative_number() {
    // 4 in place at full output. 30 a month ÷ 10 = 3 heads in months 0–5: the team is larger than
    // the work needs, and nobody is hired (never −1). 50 a month = 5 heads in months 6–11: 1
    // short, so 1 person starts 3 months earlier, in month 3, and ramps 25/50/75 % in months 3,
    // 4 and 5: output 4.25, 4.5, 4.75, then 5.
    let role = Role {
        in_place: 4,
        ..ramping(10.0)
    };
    let work: Vec<(i32, f64)> = (0..12)
        .map(|offset| (offset, if offset < 6 { 30.0 } else { 50.0 }))
        .collect();
    assert_eq!(hires(&role, &work), vec![(3, 1)]);
    let team = role.team(&work).unwrap();
    assert_eq!(team.months.first().unwrap().offset, 0);
    for (offset, output) in [
        (2, 4.0),
        (3, 4.25),
        (4, 4.5),
        (5, 4.75),
        (6, 5.0),
        (11, 5.0),
    ] {
        let month = team.months.iter().find(|m| m.offset == offset).unwrap();
        assert_close(month.output, output, "output");
    }
    assert_eq!(team.peak(), Some((5.0, 6)));
    // No cost per head typed: no cost.
    assert_eq!(team.cost(true), None);
}

#[test]
fn ten_percent_attrition_hires_ahead_of_the_people_who_leave() {
    // 10 in place, 1 unit of work per head, 10 units a month: 10 heads a month. A month keeps
    // s = 0.9^(1/12) = 0.9912584 of the team; s³ = 0.9740037.
    // - Month 0: all 10 in place are there (attrition counts from the plan year's first month).
    // - Month 1: 10 × s = 9.912584, short by 0.087416; those hired 3 months earlier keep s³ of
    //   themselves: 0.087416 ÷ 0.9740037 = 0.0897 → 1 person starts in month −2.
    // - Month t from 1 to 10: 10 × s^t + s^(t+2) ≥ 10 (month 10: 9.159437 + 0.9 = 10.059437).
    // - Month 11: 10 × s¹¹ + s¹³ = 9.079368 + 0.892133 = 9.971501, short by 0.028499 →
    //   0.028499 ÷ 0.9740037 = 0.0293 → 1 person starts in month 8.
    let role = Role {
        capacity: 1.0,
        attrition: 0.1,
        in_place: 10,
        ..ramping(1.0)
    };
    assert_eq!(hires(&role, &every_month(10.0)), vec![(-2, 1), (8, 1)]);
    let team = role.team(&every_month(10.0)).unwrap();
    let month = |offset: i32| *team.months.iter().find(|m| m.offset == offset).unwrap();
    // Month −2: 10 in place + the new hire at 25 %.
    assert_close(month(-2).heads, 11.0, "heads in month −2");
    assert_close(month(-2).output, 10.25, "output in month −2");
    // Month 0: 10 + the hire, still there with s² = 0.982593, at 75 %: 10 + 0.736945.
    assert_near(month(0).output, 10.736_945, "output in month 0");
    // Month 11: 9.079368 + 0.892133 + the second hire after 3 months, s³ = 0.974004, at full
    // output: 10.945505.
    assert_near(month(11).output, 10.945_505, "output in month 11");
    assert_near(month(11).heads, 10.945_505, "heads in month 11");
}

#[test]
fn what_cannot_be_planned_says_why() {
    let work = every_month(10.0);
    let plan = |role: Role| role.team(&work).map(|_| ());
    assert_eq!(plan(ramping(0.0)), Err(TeamError::Capacity));
    assert_eq!(
        plan(Role {
            ramp: vec![0.5, 1.2],
            ..ramping(1.0)
        }),
        Err(TeamError::Ramp)
    );
    assert_eq!(
        plan(Role {
            ramp: vec![0.5; 25],
            ..ramping(1.0)
        }),
        Err(TeamError::Ramp)
    );
    assert_eq!(
        plan(Role {
            attrition: 1.0,
            ..ramping(1.0)
        }),
        Err(TeamError::Attrition)
    );
    assert_eq!(
        plan(Role {
            cost_per_head: Some(-1.0),
            ..ramping(1.0)
        }),
        Err(TeamError::Cost)
    );
    assert_eq!(
        ramping(1.0).team(&[(0, 1.0), (2, 1.0)]).map(|_| ()),
        Err(TeamError::Work)
    );
    assert_eq!(
        ramping(1.0).team(&[(0, -1.0)]).map(|_| ()),
        Err(TeamError::Work)
    );
    // 10 units ÷ 0.000001 per head = 10,000,000 heads in one month.
    assert_eq!(plan(ramping(0.000_001)), Err(TeamError::TooManyHires));
}

#[test]
fn the_team_is_kept_in_the_annual_plan_and_its_numbers_retyped() {
    let mut draft = AnnualDraft::new(Lang::English);
    draft.team.attrition = "12.5".to_owned();
    draft.team.ae_counts = AeCounts::Customers;
    draft.team.sdr.capacity = "1,200".to_owned();
    draft.team.sdr.ramp = "12.5; 50;75".to_owned();
    draft.team.ae.in_place = "3".to_owned();
    draft.team.ae.cost = "9,000.5".to_owned();
    let text = draft.encode();
    let value: Value = serde_json::from_str(&text).unwrap();
    // With a team, version 2: a build that knows only version 1 refuses it rather than drop the
    // team on its next save; without one, version 1 as before.
    assert_eq!(value["version"], json!(2));
    let mut without = draft.clone();
    without.team = TeamDraft::default();
    without.last_year.spend = "1".to_owned();
    assert!(without.encode().starts_with("{\"version\":1,"));
    assert!(!without.encode().contains("team"));
    assert_eq!(value["team"]["ae_counts"], json!("customers"));
    assert_eq!(value["team"]["sdr"]["ramp"], json!("12.5; 50;75"));
    assert_eq!(value["team"]["ae"]["cost"], json!("9,000.5"));
    assert_eq!(AnnualDraft::decode(&text, Lang::English), Ok(draft.clone()));
    // In Polish each share of a ramp is rewritten on its own, the separators made even.
    let polish = draft.clone().retyped(Lang::Polish);
    assert_eq!(polish.team.sdr.ramp, "12,5; 50; 75");
    assert_eq!(polish.team.attrition, "12,5");
    assert_eq!(polish.team.ae.cost, "9000,5");
    let back = polish.retyped(Lang::English);
    let mut expected = draft;
    expected.team.sdr.ramp = "12.5; 50; 75".to_owned();
    assert_eq!(back, expected);
}

#[test]
fn the_team_is_read_with_a_problem_per_field() {
    let symbols = Lang::English.symbols();
    let mut draft = TeamDraft::default();
    // Nothing typed: no role, no problem. Spaces are something typed, kept as typed.
    assert!(draft.is_blank());
    draft.attrition = " ".to_owned();
    assert!(!draft.is_blank());
    draft.attrition = String::new();
    assert_eq!(
        draft.read(symbols, &TeamRole::ALL, 0),
        (Vec::new(), Vec::new())
    );
    draft.sdr.capacity = "40".to_owned();
    draft.sdr.ramp = "25; 50; 75;".to_owned();
    draft.sdr.in_place = "2".to_owned();
    draft.attrition = "10%".to_owned();
    draft.ae.cost = "8,000".to_owned();
    let (roles, errors) = draft.read(symbols, &TeamRole::ALL, 0);
    assert_eq!(errors, Vec::new());
    // The AE has a cost but no capacity: only the SDR is planned.
    assert_eq!(roles.len(), 1);
    let (role, sdr) = &roles[0];
    assert_eq!(*role, TeamRole::Sdr);
    assert_eq!(sdr.capacity, 40.0);
    assert_eq!(sdr.ramp, vec![0.25, 0.5, 0.75]);
    assert!(close(sdr.attrition, 0.1));
    assert_eq!(sdr.in_place, 2);
    assert_eq!(sdr.cost_per_head, None);

    let field = |role, input| TeamField::Role(role, input);
    for (text, problem) in [
        ("100", InputError::AttritionOutOfRange),
        ("-1", InputError::AttritionOutOfRange),
        ("x", InputError::NotANumber),
    ] {
        draft.attrition = text.to_owned();
        let (roles, errors) = draft.read(symbols, &TeamRole::ALL, 0);
        assert_eq!(errors, vec![(TeamField::Attrition, problem)], "{text}");
        // No role is read while a field has a problem.
        assert!(roles.is_empty());
    }
    draft.attrition = "99.5".to_owned();
    let too_long = "5;".repeat(25);
    for ramp in ["25; 120", "25, 50", "a; 50", too_long.as_str()] {
        draft.sdr.ramp = ramp.to_owned();
        assert_eq!(
            draft.read(symbols, &TeamRole::ALL, 0).1,
            vec![(
                field(TeamRole::Sdr, RoleInput::Ramp),
                InputError::RampShares
            )],
            "{ramp}"
        );
    }
    draft.sdr.ramp = "5;".repeat(24);
    assert_eq!(draft.read(symbols, &TeamRole::ALL, 0).1, Vec::new());
    for heads in ["2.5", "100001", "-1"] {
        draft.sdr.in_place = heads.to_owned();
        assert_eq!(
            draft.read(symbols, &TeamRole::ALL, 0).1,
            vec![(
                field(TeamRole::Sdr, RoleInput::InPlace),
                InputError::HeadsNotWhole
            )],
            "{heads}"
        );
    }
    draft.sdr.in_place = "100,000".to_owned();
    draft.sdr.capacity = "0".to_owned();
    draft.ae.cost = "-5".to_owned();
    assert_eq!(
        draft.read(symbols, &TeamRole::ALL, 0).1,
        vec![
            (
                field(TeamRole::Sdr, RoleInput::Capacity),
                InputError::NotPositive
            ),
            (field(TeamRole::Ae, RoleInput::Cost), InputError::Negative),
        ]
    );
    // A funnel with no stage for SDRs reads only the AEs: their fields' problems only.
    assert_eq!(
        draft.read(symbols, &[TeamRole::Ae], 0).1,
        vec![(field(TeamRole::Ae, RoleInput::Cost), InputError::Negative)]
    );
    // Every field's text is written where it is read.
    for input in RoleInput::ALL {
        draft.set(field(TeamRole::Ae, input), "7".to_owned());
        assert_eq!(draft.text(field(TeamRole::Ae, input)), "7");
    }
}

#[test]
fn each_role_works_its_own_stage() {
    // Visits, Leads, MQLs, SQLs, Opportunities, Customers: SDRs the SQLs (index 3), AEs the
    // Opportunities (4) or, closing, the Customers (5).
    assert_eq!(TeamRole::Sdr.stage(6, false), Some(3));
    assert_eq!(TeamRole::Ae.stage(6, false), Some(4));
    assert_eq!(TeamRole::Ae.stage(6, true), Some(5));
    // A two-stage funnel has no stage for SDRs.
    assert_eq!(TeamRole::Sdr.stage(2, false), None);
    assert_eq!(TeamRole::Ae.stage(2, false), Some(0));
}

#[test]
fn full_output_at_the_end_of_a_ramp_is_no_ramp() {
    // "50; 100": full output from the second month, so a hire starts 1 month early, not 2.
    // 30 a month ÷ 10 = 3 heads from month 0: 3 people start in month −1 at 50 %.
    let role = Role {
        ramp: vec![0.5, 1.0],
        ..ramping(10.0)
    };
    assert_eq!(hires(&role, &every_month(30.0)), vec![(-1, 3)]);
    // "100": productive at once, so hired in the month that needs them.
    let role = Role {
        ramp: vec![1.0],
        ..ramping(10.0)
    };
    assert_eq!(hires(&role, &every_month(30.0)), vec![(0, 3)]);
}

#[test]
fn heads_in_place_leave_from_the_current_month() {
    // 10 in place now, three months before the plan year (month −3), 10 % attrition: by month 0
    // they are 10 × s³ = 9.740037, short of the 9.8 heads that 98 a month ÷ 10 needs, by
    // 0.059963; with no ramp, ⌈0.059963⌉ = 1 person starts in month 0.
    let role = Role {
        ramp: Vec::new(),
        attrition: 0.1,
        in_place: 10,
        in_place_from: -3,
        ..ramping(10.0)
    };
    let team = role.team(&every_month(98.0)).unwrap();
    assert_near(
        team.months[0].heads,
        10.0 * 0.974_003_7 + 1.0,
        "heads in month 0",
    );
    assert_eq!(hires(&role, &every_month(98.0))[0], (0, 1));
    // Counted from month 0, the same 10 would be 10 in month 0, and no one hired then.
    let from_start = Role {
        in_place_from: 0,
        ..role
    };
    assert!(!hires(&from_start, &every_month(98.0)).contains(&(0, 1)));
}

#[test]
fn without_a_cost_per_head_no_cost_is_shown() {
    let team = ramping(10.0).team(&every_month(10.0)).unwrap();
    assert_eq!(team.cost(true), None);
    assert_eq!(team.cost(false), None);
}
