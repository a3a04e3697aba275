//! What it would take, on the worked example (10,000,000 a year at 1,100,000 per new customer,
//! rates 1.5 / 20 / 20 / 40 / 50 %, so 0.00012 of the visits become customers), every expected
//! figure worked by hand in the comment beside it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{close, example};
use funnel_planner::model::annual::last_year::LastYear;
use funnel_planner::model::benchmarks::{range, Industry, Step};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::results::standing::YearStanding;
use funnel_planner::model::results::would_take::{
    knowns, Basis, Known, Lever, Mark, Outlook, Standpoint, Take,
};
use funnel_planner::model::results::{CellAt, Row};
use funnel_planner::model::{reverse, GoalKind, Plan, PlanDraft, StageId};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

#[track_caller]
fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: got {actual}, expected {expected}"
    );
}

#[track_caller]
fn assert_needs(take: Take, needed: f64, now: f64, what: &str) {
    match take {
        Take::Needs {
            needed: got,
            now: got_now,
        } => {
            assert_close(got, needed, what);
            assert_close(got_now, now, what);
        }
        other => panic!("{what}: got {other:?}, expected it to need {needed}"),
    }
}

fn plan_of(draft: &PlanDraft) -> Plan {
    draft.validate(EN).expect("the worked example is valid")
}

/// The worked example with a goal of `customers` new customers a year.
fn customers_goal(customers: &str) -> PlanDraft {
    let mut draft = example();
    draft.goal_kind = GoalKind::NewCustomers;
    draft.new_customers_goal = customers.to_owned();
    draft
}

#[track_caller]
fn short(outlook: Outlook) -> (f64, f64, f64, Vec<(Lever, Take)>) {
    match outlook {
        Outlook::Short {
            yield_per_month,
            needed_per_month,
            gap,
            levers,
        } => (yield_per_month, needed_per_month, gap, levers),
        other => panic!("expected the plan to fall short, got {other:?}"),
    }
}

#[test]
fn from_the_forward_check_each_lever_alone_closes_the_gap_of_a_revenue_goal() {
    // 6,000 visits a month × 0.00012 = 0.72 new customers × 1,100,000 = 792,000 a month;
    // the goal needs 10,000,000 ÷ 12 = 833,333.33 a month: short by 41,333.33 a month,
    // 496,000 over the year (10,000,000 − 12 × 792,000). Every lever alone must grow by
    // 833,333.33 ÷ 792,000 = 1.0521885 (+5.22 %).
    let plan = plan_of(&example());
    let standpoint = Standpoint::forward_check(&plan, 6_000.0);
    assert_eq!(standpoint.basis, Basis::ForwardCheck);
    assert_eq!(standpoint.months_left, 12);
    let (yielded, needed, gap, levers) = short(standpoint.outlook());
    assert_close(yielded, 792_000.0, "yield per month");
    assert_close(needed, 10_000_000.0 / 12.0, "needed per month");
    assert_close(gap, 496_000.0, "gap over the year");
    let kinds: Vec<Lever> = levers.iter().map(|(lever, _)| *lever).collect();
    assert_eq!(
        kinds,
        vec![
            Lever::Top,
            Lever::Rate { from: 0 },
            Lever::Rate { from: 1 },
            Lever::Rate { from: 2 },
            Lever::Rate { from: 3 },
            Lever::Rate { from: 4 },
            Lever::RevenuePerCustomer,
            Lever::AllRates,
        ]
    );
    // Visits: 833,333.33 ÷ (0.00012 × 1,100,000 = 132) = 6,313.13 a month (the reverse funnel's
    // 75,757.58 a year ÷ 12), +5.22 %.
    assert_needs(levers[0].1, 6_313.131_313_131_3, 6_000.0, "visits");
    assert_close(
        levers[0].1.change().unwrap(),
        0.052_188_552_188_55,
        "visits' change",
    );
    // Visits → leads: 833,333.33 ÷ (6,000 × 0.2 × 0.2 × 0.4 × 0.5 × 1,100,000 = 52,800,000)
    // = 1.578 % instead of 1.5 %.
    assert_needs(levers[1].1, 0.015_782_828_282_83, 0.015, "visits → leads");
    // Opportunities → customers: 50 % × 1.0521885 = 52.61 %.
    assert_needs(
        levers[5].1,
        0.526_094_276_094_28,
        0.5,
        "opportunities → customers",
    );
    // Revenue per new customer: 833,333.33 ÷ (6,000 × 0.00012 = 0.72) = 1,157,407.41.
    assert_needs(
        levers[6].1,
        1_157_407.407_407_4,
        1_100_000.0,
        "revenue per customer",
    );
    // Every rate × 1.0521885^(1/5) = 1.0102264; visits → leads then 1.5153 %.
    assert_needs(levers[7].1, 1.010_226_401_945_18, 1.0, "every rate");
    let factor = 1.010_226_401_945_18;
    assert_close(
        standpoint.rates_times(factor)[0],
        0.015_153_396_029_18,
        "visits → leads × the factor",
    );
}

#[test]
fn a_customers_goal_has_no_revenue_lever() {
    // 9 new customers a year need 0.75 a month; 6,000 × 0.00012 = 0.72: short by 0.03 a month,
    // 0.36 over the year. Visits: 0.75 ÷ 0.00012 = 6,250 a month (+4.17 %).
    let plan = plan_of(&customers_goal("9"));
    let (yielded, needed, gap, levers) = short(Standpoint::forward_check(&plan, 6_000.0).outlook());
    assert_close(yielded, 0.72, "customers per month");
    assert_close(needed, 0.75, "needed per month");
    assert_close(gap, 0.36, "customers short over the year");
    assert_needs(levers[0].1, 6_250.0, 6_000.0, "visits");
    assert!(levers
        .iter()
        .all(|(lever, _)| *lever != Lever::RevenuePerCustomer));
    assert_eq!(levers.len(), 7, "the top, five rates, every rate");
}

#[test]
fn a_plan_ahead_of_its_goal_says_by_how_much() {
    // 7,000 visits × 132 = 924,000 a month against 833,333.33 needed: 924,000 ÷ 833,333.33 − 1
    // = 10.88 % ahead.
    let plan = plan_of(&example());
    match Standpoint::forward_check(&plan, 7_000.0).outlook() {
        Outlook::Ahead {
            yield_per_month,
            needed_per_month,
            ahead_by,
        } => {
            assert_close(yield_per_month, 924_000.0, "yield");
            assert_close(needed_per_month, 10_000_000.0 / 12.0, "needed");
            assert_close(ahead_by, 0.1088, "ahead by");
        }
        other => panic!("expected the plan to be ahead, got {other:?}"),
    }
    // Exactly on the goal (6,250 visits for 9 customers a year) is ahead by 0, not short.
    let plan = plan_of(&customers_goal("9"));
    assert!(matches!(
        Standpoint::forward_check(&plan, 6_250.0).outlook(),
        Outlook::Ahead { ahead_by, .. } if ahead_by.abs() < 1e-9
    ));
}

#[test]
fn a_rate_that_would_pass_100_percent_cannot_close_the_gap_alone() {
    // 100 visits a month × 0.00012 = 0.012 customers against 0.75 needed: every lever × 62.5.
    // Visits → leads 1.5 % × 62.5 = 93.75 % still closes it; leads → MQLs 20 % × 62.5 = 1,250 %
    // and the close rate 50 % × 62.5 = 3,125 % cannot; every rate × 62.5^(1/5) = 2.2865 takes
    // the close rate to 114 %, past 100 %.
    let plan = plan_of(&customers_goal("9"));
    let (_, _, _, levers) = short(Standpoint::forward_check(&plan, 100.0).outlook());
    assert_needs(levers[0].1, 6_250.0, 100.0, "visits");
    assert_needs(levers[1].1, 0.9375, 0.015, "visits → leads");
    assert_eq!(levers[2].1, Take::PastAll, "leads → MQLs");
    assert_eq!(levers[5].1, Take::PastAll, "the close rate");
    assert_eq!(levers[6], (Lever::AllRates, Take::PastAll));
    assert_eq!(levers[2].1.change(), None);
}

#[test]
fn with_no_visits_only_the_top_can_close_the_gap() {
    // 0 visits yield nothing: the rates and the revenue have nothing to multiply; the top needs
    // 6,250 a month, a change from 0 that no percent can say.
    let plan = plan_of(&customers_goal("9"));
    let (yielded, _, gap, levers) = short(Standpoint::forward_check(&plan, 0.0).outlook());
    assert_eq!(yielded, 0.0);
    assert_close(gap, 9.0, "the whole goal");
    assert_needs(levers[0].1, 6_250.0, 0.0, "visits");
    assert_eq!(levers[0].1.change(), None, "no percent of nothing");
    for (lever, take) in &levers[1..] {
        assert_eq!(*take, Take::NothingFlows, "{lever:?}");
    }
}

#[test]
fn a_rate_achieved_above_100_percent_does_not_stop_the_others() {
    // 100 at the top, rates 50 % and 120 % (results where the next stage counts people from an
    // earlier month): 100 × 0.5 × 1.2 = 60 a month against 100 needed, each lever × 5/3.
    // 50 % → 83.33 %; 120 % → 200 %, since it is past 100 % already; every rate × √(5/3) =
    // 1.2909944 (50 % → 64.55 %; 120 % does not count against it).
    let standpoint = Standpoint {
        basis: Basis::ForwardCheck,
        top_per_month: 100.0,
        rates: vec![0.5, 1.2],
        revenue_per_customer: None,
        needed_per_month: 100.0,
        months_left: 12,
    };
    let (yielded, _, gap, levers) = short(standpoint.outlook());
    assert_close(yielded, 60.0, "yield");
    assert_close(gap, 480.0, "(100 − 60) × 12");
    assert_close(standpoint.times().unwrap(), 5.0 / 3.0, "needed ÷ yield");
    assert_needs(levers[0].1, 500.0 / 3.0, 100.0, "the top");
    assert_needs(levers[1].1, 0.833_333_333_333_33, 0.5, "50 %");
    assert_needs(levers[2].1, 2.0, 1.2, "120 %");
    assert_needs(levers[3].1, 1.290_994_448_735_8, 1.0, "every rate");
}

#[test]
fn within_the_precision_of_the_figures_the_plan_is_not_short() {
    // 6,250 visits for 9 customers a year, the goal typed a hair above: 9.000000001 needs
    // 0.75000000008 a month, 0.75 brought: within 1e-9 of it, so on the goal, not short.
    let plan = plan_of(&customers_goal("9.000000001"));
    assert!(matches!(
        Standpoint::forward_check(&plan, 6_250.0).outlook(),
        Outlook::Ahead { .. }
    ));
}

/// The stage ids of `common::example()`, top to bottom.
const STAGES: [StageId; 6] = [
    StageId(1),
    StageId(2),
    StageId(3),
    StageId(4),
    StageId(5),
    StageId(6),
];

/// Types three months of results into `draft`:
///
/// | row           | m0        | m1    | m2        | Σ         | rate to date        |
/// |---------------|-----------|-------|-----------|-----------|---------------------|
/// | Visits        | 5,000     | 6,000 | 7,000     | 18,000    | (6,000 a month)     |
/// | Leads         | 90        | 90    | 90        | 270       | 270 ÷ 18,000 = 1.5 %|
/// | MQLs          | 18        | 18    | 18        | 54        | 54 ÷ 270 = 20 %     |
/// | SQLs          | 3         | 4     | 4         | 11        | 11 ÷ 54 = 20.37 %   |
/// | Opportunities | 1         | 2     | 1         | 4         | 4 ÷ 11 = 36.36 %    |
/// | Customers     | 1         | 0     | 1         | 2         | 2 ÷ 4 = 50 %        |
/// | Revenue       | 1,000,000 | 0     | 1,300,000 | 2,300,000 | 1,150,000 each      |
fn with_three_months(mut draft: PlanDraft, revenue: bool) -> PlanDraft {
    let rows: [&[&str]; 6] = [
        &["5,000", "6,000", "7,000"],
        &["90", "90", "90"],
        &["18", "18", "18"],
        &["3", "4", "4"],
        &["1", "2", "1"],
        &["1", "0", "1"],
    ];
    for (id, months) in STAGES.iter().zip(rows) {
        for (month, text) in months.iter().enumerate() {
            let at = CellAt {
                month,
                row: Row::Stage(*id),
                channel: None,
            };
            draft.tracking.set_text(at, (*text).to_owned());
        }
    }
    if revenue {
        for (month, text) in ["1,000,000", "0", "1,300,000"].iter().enumerate() {
            let at = CellAt {
                month,
                row: Row::Revenue,
                channel: None,
            };
            draft.tracking.set_text(at, (*text).to_owned());
        }
    }
    draft
}

/// Where the plan typed in `draft` stands after its results.
fn from_results(draft: &PlanDraft) -> Option<Result<Standpoint, Outlook>> {
    let plan = plan_of(draft);
    Standpoint::from_results(&plan, &standing_of(draft, &plan))
}

fn standing_of(draft: &PlanDraft, plan: &Plan) -> YearStanding {
    let targets = reverse(plan).expect("the worked example computes");
    let (actuals, errors) = draft.tracking.check(&draft.stage_ids(), &[], EN);
    assert!(errors.is_empty(), "every result reads: {errors:?}");
    YearStanding::new(&targets, plan.funnel.rates(), None, &actuals)
}

#[test]
fn from_three_months_of_results_the_levers_start_from_what_was_achieved() {
    // Revenue to date 2,300,000; the goal needs 7,700,000 more over 9 months: 855,555.56 a
    // month. The plan as it stands: 6,000 × 1.5 % × 20 % × 11/54 × 4/11 × 50 % = 2/3 of a
    // customer a month × 1,150,000 = 766,666.67. Each lever × 855,555.56 ÷ 766,666.67 =
    // 1.1159420; short by 88,888.89 a month, 800,000 over the 9 months.
    let draft = with_three_months(example(), true);
    let standpoint = from_results(&draft)
        .expect("there are results")
        .expect("the goal is not reached and months are left");
    assert_eq!(
        standpoint.basis,
        Basis::Results {
            months: 3,
            by_revenue: true
        }
    );
    assert_eq!(standpoint.months_left, 9);
    assert_close(standpoint.top_per_month, 6_000.0, "visits a month");
    assert_close(standpoint.rates[2], 11.0 / 54.0, "MQL → SQL achieved");
    assert_close(
        standpoint.revenue_per_customer.unwrap(),
        1_150_000.0,
        "revenue per customer achieved",
    );
    let (yielded, needed, gap, levers) = short(standpoint.outlook());
    assert_close(yielded, 2_300_000.0 / 3.0, "yield per month");
    assert_close(needed, 7_700_000.0 / 9.0, "needed per month");
    assert_close(gap, 800_000.0, "gap over the months left");
    // Visits: 6,000 × 1.1159420 = 6,695.65 a month.
    assert_needs(levers[0].1, 6_695.652_173_913, 6_000.0, "visits");
    // SQL → opportunity: 4/11 × 1.1159420 = 40.58 % instead of 36.36 %.
    assert_needs(
        levers[4].1,
        0.405_797_101_449_28,
        4.0 / 11.0,
        "SQL → opportunity",
    );
    // Revenue per new customer: 1,150,000 × 1.1159420 = 1,283,333.33.
    assert_needs(
        levers[6].1,
        1_283_333.333_333_3,
        1_150_000.0,
        "revenue per customer",
    );
    // Every rate × 1.1159420^(1/5) = 1.0221822.
    assert_needs(levers[7].1, 1.022_182_230_331_1, 1.0, "every rate");
}

#[test]
fn without_revenue_results_the_customers_run_rate_is_counted_at_the_plans_average() {
    // 9.0909 customers a year (10,000,000 ÷ 1,100,000), 2 to date: 7.0909 over 9 months =
    // 0.787879 a month × 1,100,000 = 866,666.67 a month. The plan as it stands: 2/3 of a
    // customer × 1,100,000 (the plan's average: no revenue entered) = 733,333.33.
    let draft = with_three_months(example(), false);
    let standpoint = from_results(&draft).unwrap().unwrap();
    assert_close(
        standpoint.revenue_per_customer.unwrap(),
        1_100_000.0,
        "the plan's average",
    );
    let (yielded, needed, gap, _) = short(standpoint.outlook());
    assert_close(yielded, 2_200_000.0 / 3.0, "yield per month");
    assert_close(needed, 7_800_000.0 / 9.0, "needed per month");
    assert_close(gap, 1_200_000.0, "gap: (866,666.67 − 733,333.33) × 9");
}

#[test]
fn with_only_the_top_stage_entered_each_month_needs_its_share_of_the_goal() {
    // 6,000 visits in each of months 0–2 and nothing else: no new customer or revenue entered,
    // so each of the 12 months (none has a result for them) needs 9.0909 ÷ 12 = 0.7576 new
    // customers × 1,100,000 = 833,333.33; the plan's rates give 6,000 × 0.00012 × 1,100,000 =
    // 792,000 a month, as in the forward check.
    let mut draft = example();
    for month in 0..3 {
        let at = CellAt {
            month,
            row: Row::Stage(STAGES[0]),
            channel: None,
        };
        draft.tracking.set_text(at, "6,000".to_owned());
    }
    let standpoint = from_results(&draft).unwrap().unwrap();
    assert_eq!(
        standpoint.basis,
        Basis::Results {
            months: 3,
            by_revenue: false
        }
    );
    assert_eq!(standpoint.months_left, 12);
    let (yielded, needed, gap, _) = short(standpoint.outlook());
    assert_close(yielded, 792_000.0, "yield per month");
    assert_close(needed, 10_000_000.0 / 12.0, "needed per month");
    assert_close(gap, 496_000.0, "gap over the 12 months");
}

#[test]
fn no_results_or_a_reached_goal_say_so() {
    assert_eq!(
        from_results(&example()),
        None,
        "no result yet: the forward check is where the plan stands"
    );
    // 2 new customers against a goal of 2 a year: reached.
    let draft = with_three_months(customers_goal("2"), false);
    assert_eq!(from_results(&draft), Some(Err(Outlook::Reached)));
}

#[test]
fn the_year_over_without_the_goal_is_said_apart() {
    // Results in all 12 months (1 customer in m0 only): 1 of 9 with no month left.
    let mut draft = customers_goal("9");
    for month in 0..12 {
        for (index, id) in STAGES.iter().enumerate() {
            let text = match (index, month) {
                (5, 0) => "1",
                (5, _) => "0",
                _ => "10",
            };
            let at = CellAt {
                month,
                row: Row::Stage(*id),
                channel: None,
            };
            draft.tracking.set_text(at, text.to_owned());
        }
    }
    assert_eq!(from_results(&draft), Some(Err(Outlook::YearOver)));
}

#[test]
fn each_lever_is_marked_against_the_typical_range_and_last_year() {
    // Visitor to lead in B2B software: 1.0–2.1 % (First Page Sage); last year 1.6 %.
    let known = Known {
        typical: range(Step::VisitToLead, Industry::Software),
        last_year: Some(0.016),
    };
    assert_eq!(known.mark(0.0158), Mark::Typical, "1.58 %: within both");
    assert_eq!(known.mark(0.018), Mark::AboveLastYear, "1.8 %: above 1.6 %");
    assert_eq!(known.mark(0.025), Mark::Unlikely, "2.5 %: past 2.1 %");
    assert_eq!(
        known.mark(0.005),
        Mark::Typical,
        "below the range is not unlikely"
    );
    let last_year_only = Known {
        typical: None,
        last_year: Some(0.3),
    };
    assert_eq!(last_year_only.mark(0.3), Mark::WithinLastYear);
    assert_eq!(last_year_only.mark(0.31), Mark::AboveLastYear);
    assert_eq!(Known::default().mark(0.31), Mark::Unknown);
}

#[test]
fn every_rate_by_one_factor_is_marked_by_its_least_realistic_rate() {
    // From 6,000 visits every rate × 1.0102264: visits → leads 1.5153 % (software 1.0–2.1 %:
    // typical), the close rate 50.51 % (15–20 %: unlikely).
    let plan = plan_of(&example());
    let standpoint = Standpoint::forward_check(&plan, 6_000.0);
    let (_, _, _, levers) = short(standpoint.outlook());
    let knowns = knowns(Industry::Software, &LastYear::default(), 6);
    let marks: Vec<Mark> = levers
        .iter()
        .map(|(lever, take)| knowns.mark(&standpoint, *lever, *take))
        .collect();
    assert_eq!(
        marks,
        vec![
            Mark::Unknown,  // visits: nothing known
            Mark::Typical,  // 1.578 %: within 1.0–2.1 %
            Mark::Typical,  // 21.04 %: within 9.7–35.6 %
            Mark::Typical,  // 21.04 %: within 13–36 %
            Mark::Unknown,  // SQL → opportunity: no report gives a range
            Mark::Unlikely, // 52.61 %: past 20 %
            Mark::Unknown,  // revenue per customer: nothing known
            Mark::Unlikely, // every rate: the close rate 50.51 % is past 20 %
        ]
    );
    assert_eq!(
        knowns.mark(&standpoint, Lever::Top, Take::PastAll),
        Mark::Impossible
    );
}

#[test]
fn what_is_known_comes_from_last_years_totals_and_the_industry() {
    // Last year: 72,000 visits (6,000 a month), 1,080 leads (1.5 %), …, 8 customers who
    // brought 9,600,000 (1,200,000 each).
    let last_year = LastYear {
        stage_totals: [72_000.0, 1_080.0, 216.0, 43.2, 17.28, 8.0]
            .map(Some)
            .to_vec(),
        new_customer_revenue: Some(9_600_000.0),
        ..LastYear::default()
    };
    let knowns = knowns(Industry::Other, &last_year, 6);
    assert_close(knowns.top.last_year.unwrap(), 6_000.0, "visits a month");
    assert_close(knowns.rates[0].last_year.unwrap(), 0.015, "visits → leads");
    assert_close(
        knowns.revenue.last_year.unwrap(),
        1_200_000.0,
        "per customer",
    );
    // Visitor to lead, all industries: 1.3–2.4 %.
    assert_eq!(
        knowns.rates[0].typical,
        range(Step::VisitToLead, Industry::Other)
    );
    assert_eq!(
        knowns.rates[3].typical, None,
        "SQL → opportunity has no range"
    );
    // From 6,000 visits, visits alone need 6,313.13 a month: above last year's 6,000.
    let plan = plan_of(&example());
    let standpoint = Standpoint::forward_check(&plan, 6_000.0);
    let (_, _, _, levers) = short(standpoint.outlook());
    assert_eq!(
        knowns.mark(&standpoint, levers[0].0, levers[0].1),
        Mark::AboveLastYear
    );
    // The revenue per customer alone needs 1,157,407.41: no more than last year's 1,200,000.
    assert_eq!(
        knowns.mark(&standpoint, levers[6].0, levers[6].1),
        Mark::WithinLastYear
    );
}
