//! The plan as typed: validation names each problem's field, stage editing keeps 2–10 stages, and
//! nothing typed is dropped.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::example;
use funnel_planner::model::draft::{
    EXAMPLE_AVERAGE_REVENUE, EXAMPLE_NEW_CUSTOMERS, EXAMPLE_REVENUE_GOAL,
};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{
    error_for, Field, FieldError, Goal, GoalKind, InputError, PlanDraft, StageId,
};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

fn names(draft: &PlanDraft) -> Vec<&str> {
    draft
        .stages
        .iter()
        .map(|stage| stage.name.as_str())
        .collect()
}

#[test]
fn the_example_is_the_worked_example() {
    let plan = example().validate(EN).expect("the example is valid");
    assert_eq!(plan.goal, Goal::Revenue(10_000_000.0));
    assert_eq!(plan.average_revenue_per_customer, Some(1_100_000.0));
    let percents: Vec<f64> = plan
        .funnel
        .rates()
        .iter()
        .map(|rate| rate.percent())
        .collect();
    assert_eq!(percents, [1.5, 20.0, 20.0, 40.0, 50.0]);
    assert_eq!(plan.funnel.top_name(), "Visits");
    assert_eq!(EXAMPLE_REVENUE_GOAL, 10_000_000.0);
    assert_eq!(EXAMPLE_AVERAGE_REVENUE, 1_100_000.0);
    // 10,000,000 / 1,100,000 = 9.09 new customers, rounded up like every need.
    assert_eq!(EXAMPLE_NEW_CUSTOMERS, 10.0);
    assert_eq!(
        (
            example().revenue_goal,
            example().average_revenue_per_customer
        ),
        ("10,000,000".to_owned(), "1,100,000".to_owned())
    );
}

#[test]
fn a_new_plan_asks_for_its_goal_instead_of_flagging_mistakes() {
    let draft = example().without_goal();
    assert_eq!(
        (
            draft.revenue_goal.as_str(),
            draft.new_customers_goal.as_str(),
            draft.average_revenue_per_customer.as_str()
        ),
        ("", "", "")
    );
    assert_eq!(draft.goal_kind, GoalKind::Revenue);
    assert!(draft.has_typical_rates(), "the typical rates stay");
    assert_eq!(names(&draft), names(&example()));

    let errors = draft.validate(EN).expect_err("no goal yet");
    assert_eq!(
        errors,
        [
            FieldError {
                field: Field::RevenueGoal,
                error: InputError::Empty
            },
            FieldError {
                field: Field::AverageRevenuePerCustomer,
                error: InputError::Empty
            },
        ]
    );
    assert!(errors.iter().all(FieldError::is_awaited));

    // Typed but wrong, or any other field left empty, is a mistake to flag.
    let typo = FieldError {
        field: Field::RevenueGoal,
        error: InputError::NotANumber,
    };
    assert!(!typo.is_awaited());
    let mut cleared = example();
    cleared.stages[0].rate_to_next.clear();
    let errors = cleared.validate(EN).expect_err("a rate is missing");
    assert!(!errors.iter().any(FieldError::is_awaited));
}

#[test]
fn each_problem_is_named_with_its_field() {
    let mut draft = example();
    draft.revenue_goal = "ten million".to_owned();
    draft.average_revenue_per_customer = "0".to_owned();
    let visits = draft.stages[0].id;
    let leads = draft.stages[1].id;
    let mqls = draft.stages[2].id;
    draft.stages[0].rate_to_next = "150".to_owned();
    draft.stages[1].name = "  ".to_owned();
    draft.stages[2].name = "visits".to_owned();
    let errors = draft.validate(EN).expect_err("invalid");
    assert_eq!(
        error_for(&errors, Field::RevenueGoal),
        Some(InputError::NotANumber)
    );
    assert_eq!(
        error_for(&errors, Field::AverageRevenuePerCustomer),
        Some(InputError::NotPositive)
    );
    assert_eq!(
        error_for(&errors, Field::StageRate(visits)),
        Some(InputError::RateOutOfRange)
    );
    assert_eq!(
        error_for(&errors, Field::StageName(leads)),
        Some(InputError::StageNameEmpty)
    );
    // "visits" repeats "Visits": both names are flagged, since the model cannot know which one
    // was just typed, and only one would blame the name left alone.
    assert_eq!(
        error_for(&errors, Field::StageName(mqls)),
        Some(InputError::StageNameDuplicate)
    );
    assert_eq!(
        error_for(&errors, Field::StageName(visits)),
        Some(InputError::StageNameDuplicate)
    );
    assert_eq!(errors.len(), 6);
    // The typed text is still there, untouched.
    assert_eq!(draft.revenue_goal, "ten million");
    assert_eq!(draft.stages[0].rate_to_next, "150");
}

#[test]
fn only_the_goal_in_use_is_checked_and_the_last_rate_is_ignored() {
    let mut draft = example();
    draft.new_customers_goal = "rubbish".to_owned();
    let last = draft.stages.len() - 1;
    draft.stages[last].rate_to_next = "rubbish".to_owned();
    assert!(draft.validate(EN).is_ok());
    draft.goal_kind = GoalKind::NewCustomers;
    let errors = draft
        .validate(EN)
        .expect_err("customers goal is now checked");
    assert_eq!(
        error_for(&errors, Field::NewCustomersGoal),
        Some(InputError::NotANumber)
    );
    draft.new_customers_goal = "9".to_owned();
    assert_eq!(
        draft.validate(EN).map(|plan| plan.goal),
        Ok(Goal::NewCustomers(9.0))
    );
}

#[test]
fn rates_at_the_edges() {
    let mut draft = example();
    for (text, is_ok) in [
        ("100", true),
        ("0.0001", true),
        ("0", false),
        ("-1", false),
        ("100.01", false),
        ("", false),
    ] {
        draft.stages[0].rate_to_next = text.to_owned();
        assert_eq!(draft.validate(EN).is_ok(), is_ok, "rate {text:?}");
    }
}

#[test]
fn a_new_stage_goes_above_customers_with_a_neutral_rate_and_a_free_name() {
    let mut draft = example();
    let before = draft.validate(EN).expect("valid");
    let first = draft.add_stage("New stage").expect("room for more");
    let second = draft.add_stage("New stage").expect("room for more");
    assert_eq!(
        names(&draft),
        [
            "Visits",
            "Leads",
            "MQLs",
            "SQLs",
            "Opportunities",
            "New stage",
            "New stage 2",
            "Customers"
        ]
    );
    assert_ne!(first, second);
    let after = draft.validate(EN).expect("still valid");
    // 100 % passes everything through, so the customers and visits needed do not change.
    assert_eq!(after.customers_per_year(), before.customers_per_year());
    assert_eq!(after.funnel.end_to_end(), before.funnel.end_to_end());
}

#[test]
fn stage_count_stays_between_two_and_ten() {
    let mut draft = example();
    while draft.can_add_stage() {
        draft.add_stage("Extra").expect("room");
    }
    assert_eq!(draft.stages.len(), 10);
    assert!(draft.add_stage("One too many").is_err());
    while draft.can_remove_stage() {
        let id = draft.stages[0].id;
        draft.remove_stage(id).expect("above the minimum");
    }
    assert_eq!(draft.stages.len(), 2);
    let id = draft.stages[0].id;
    assert!(draft.remove_stage(id).is_err());
    assert_eq!(draft.stages.len(), 2);
    assert!(draft.validate(EN).is_ok(), "two stages still make a funnel");
}

#[test]
fn moving_a_stage_keeps_its_typed_rate_and_stops_at_the_ends() {
    let mut draft = example();
    let leads = draft.stages[1].id;
    draft.move_stage(leads, true);
    assert_eq!(names(&draft)[..2], ["Leads", "Visits"]);
    assert_eq!(draft.stages[0].rate_to_next, "20");
    draft.move_stage(leads, true);
    assert_eq!(
        names(&draft)[..2],
        ["Leads", "Visits"],
        "already at the top"
    );
    let customers = draft.stages[5].id;
    draft.move_stage(customers, false);
    assert_eq!(names(&draft)[5], "Customers", "already at the bottom");
    draft.move_stage(StageId(999), true);
    assert_eq!(draft.stages.len(), 6, "an unknown id changes nothing");
}

#[test]
fn moving_the_last_stage_up_keeps_its_hidden_rate_text() {
    let mut draft = example();
    let customers = draft.stages[5].id;
    draft.stage_mut(customers).expect("exists").rate_to_next = "33".to_owned();
    draft.move_stage(customers, true);
    assert_eq!(
        draft
            .stage(customers)
            .map(|stage| stage.rate_to_next.as_str()),
        Some("33")
    );
    assert_eq!(draft.next_stage_name(customers), Some("Opportunities"));
}

#[test]
fn the_forward_volume_is_optional_but_checked_when_typed() {
    let mut draft = example();
    assert_eq!(draft.current_top(EN), None);
    draft.current_top_per_month = "6,000".to_owned();
    assert_eq!(draft.current_top(EN), Some(Ok(6_000.0)));
    draft.current_top_per_month = "-1".to_owned();
    assert_eq!(draft.current_top(EN), Some(Err(InputError::Negative)));
    draft.current_top_per_month = "0".to_owned();
    assert_eq!(draft.current_top(EN), Some(Ok(0.0)));
}

#[test]
fn stage_ids_follow_the_stages_top_to_bottom() {
    let mut draft = example();
    assert_eq!(draft.stage_ids(), [1, 2, 3, 4, 5, 6].map(StageId));
    draft.move_stage(StageId(2), false);
    draft
        .remove_stage(StageId(4))
        .expect("six stages can lose one");
    assert_eq!(draft.stage_ids(), [1, 3, 2, 5, 6].map(StageId));
}

#[test]
fn the_marketing_side_never_makes_the_plan_invalid() {
    // The budget and channels have their own checks (see model_marketing); the funnel's targets
    // do not wait for them.
    let mut draft = example();
    draft.marketing.budget = "lots".to_owned();
    draft.marketing.gross_margin = "150".to_owned();
    let id = draft.marketing.add_channel("Paid search").expect("room");
    let channel = draft.marketing.channel_mut(id).expect("added");
    channel.share = "140".to_owned();
    channel.stage_mut(StageId(1)).rate = "0".to_owned();
    assert!(draft.validate(EN).is_ok());
}

#[test]
fn typical_rates_are_told_apart_from_the_persons_own() {
    // The example's rates, top to bottom: 1.5, 20, 20, 40, 50 (%).
    let mut draft = example();
    assert!(draft.has_typical_rates());
    draft.stages[1].rate_to_next = "25".to_owned();
    assert!(
        !draft.has_typical_rates(),
        "a changed rate is the person's own"
    );
    let mut draft = example();
    draft.stages.pop();
    assert!(
        !draft.has_typical_rates(),
        "another funnel shape is not the typical one"
    );
}

#[test]
fn a_goal_of_new_customers_needs_no_average_revenue_for_its_counts() {
    let mut draft = example();
    draft.goal_kind = GoalKind::NewCustomers;
    draft.new_customers_goal = "9".to_owned();
    draft.average_revenue_per_customer = String::new();
    let plan = draft.validate(EN).expect("counts need no money");
    assert_eq!(plan.average_revenue_per_customer, None);
    assert_eq!(plan.customers_per_year(), 9.0);
    assert_eq!(
        plan.revenue_per_year(),
        None,
        "no revenue without an average"
    );
    // Typed but wrong is still an error, and a revenue goal still needs the average.
    draft.average_revenue_per_customer = "abc".to_owned();
    assert!(draft.validate(EN).is_err());
    draft.average_revenue_per_customer = String::new();
    draft.goal_kind = GoalKind::Revenue;
    let errors = draft
        .validate(EN)
        .expect_err("a revenue goal needs the average");
    assert_eq!(
        error_for(&errors, Field::AverageRevenuePerCustomer),
        Some(InputError::Empty)
    );
}

#[test]
fn a_renamed_stage_that_repeats_an_earlier_name_flags_both() {
    // Renaming SQLs (4th) to "Leads" (2nd): the stage being typed into must show the error, not
    // only the untouched Leads; the model cannot tell which was touched, so it flags both, and
    // nothing else.
    let mut draft = example();
    let leads = draft.stages[1].id;
    let sqls = draft.stages[3].id;
    draft.stages[3].name = " leads".to_owned();
    let errors = draft.validate(EN).expect_err("two stages share a name");
    let flagged: Vec<Field> = errors
        .iter()
        .filter(|error| error.error == InputError::StageNameDuplicate)
        .map(|error| error.field)
        .collect();
    assert_eq!(flagged, [Field::StageName(leads), Field::StageName(sqls)]);
    assert_eq!(errors.len(), 2);
    // Renaming it again clears both.
    draft.stages[3].name = "SQLs".to_owned();
    assert!(draft.validate(EN).is_ok());
}
