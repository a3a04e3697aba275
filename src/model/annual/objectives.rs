//! SMART objectives: each a metric, where it starts (baseline), where it should be (target), by
//! when (a month of the plan year), who owns it and in which quarter it is the focus. Drafted from
//! the plan's numbers, one per funnel stage that has ground to make up, or added by the person
//! for a metric of their own (email open rate, emails sent …). Each is checked letter by letter
//! (specific, measurable, achievable, relevant, time-bound), with the reason when a letter fails,
//! and followed against the results entered: part reached, what remains, on pace or behind.
//!
//! Units: a metric's values are in its own [`Unit`] (counts per month, percents as fractions,
//! money); months are indexes into the plan year (0 is its first month).

use crate::model::number::needed_shown;
use crate::model::results::{MONTHS, QUARTERS};

/// The source article's groups of metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricGroup {
    /// What the business gets: revenue, ad spend, close rate.
    Value,
    /// What it costs to get it: CAC, MQLs from nurturing.
    Efficiency,
    /// How people respond: opens, clicks, subscriptions.
    Response,
    /// What the team does: emails sent, posts published.
    Activity,
}

/// What a metric's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count per month (leads, emails sent).
    Count,
    /// A rate, as a fraction (0.25 is 25 %).
    Percent,
    /// An amount of money per month.
    Money,
}

/// Which way the metric should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better (leads, open rate): the target is above the baseline.
    Up,
    /// Less is better (CAC, unsubscribe rate): the target is below the baseline.
    Down,
}

/// One objective as the model checks it (each figure already read from its field).
#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    /// The metric's name as the person reads it ("Leads", "Email open rate").
    pub metric: String,
    /// Its group.
    pub group: MetricGroup,
    /// What its values are.
    pub unit: Unit,
    /// Where it starts: last year's figure or the first results (in `unit`), if known.
    pub baseline: Option<f64>,
    /// Where it should be by the deadline (in `unit`), if typed.
    pub target: Option<f64>,
    /// The month of the plan year it should be reached in (0 = the first), if typed.
    pub deadline: Option<usize>,
    /// Who answers for it.
    pub owner: String,
    /// The quarter it is the focus of (0 = the first), if chosen.
    pub quarter: Option<usize>,
    /// Whether it is one of the funnel's stages or feeds one: what links it to the revenue goal.
    pub feeds_funnel: bool,
    /// The most the metric is known to reach (in `unit`): the top of its benchmark range or last
    /// year's best, whichever is higher; for a [`Direction::Down`] metric, the least.
    pub reach: Option<f64>,
}

/// Why a SMART letter is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmet {
    /// Specific: no metric is named.
    NoMetric,
    /// Measurable: no target figure.
    NoTarget,
    /// Achievable: the target goes past the most the metric is known to reach.
    BeyondReach,
    /// Achievable: nothing to compare the target with (no benchmark, no last year).
    NothingToCompare,
    /// Relevant: neither a funnel stage nor feeding one, so not linked to the revenue goal.
    NotLinked,
    /// Time-bound: no deadline.
    NoDeadline,
    /// Time-bound: the deadline is not a month of the plan year.
    OutsideYear,
}

/// One letter's check: met, or why not.
pub type Check = Result<(), Unmet>;

/// The five letters' checks of one objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Smart {
    pub specific: Check,
    pub measurable: Check,
    pub achievable: Check,
    pub relevant: Check,
    pub time_bound: Check,
}

impl Smart {
    /// Whether every letter is met.
    pub fn is_met(&self) -> bool {
        [
            self.specific,
            self.measurable,
            self.achievable,
            self.relevant,
            self.time_bound,
        ]
        .iter()
        .all(Result::is_ok)
    }
}

impl Objective {
    /// Which way the metric should move: down when the target is below the baseline.
    pub fn direction(&self) -> Direction {
        match (self.baseline, self.target) {
            (Some(baseline), Some(target)) if target < baseline => Direction::Down,
            _ => Direction::Up,
        }
    }

    /// Checks each SMART letter.
    ///
    /// Example: "Leads, 94 a month by March, from 60", owned, a funnel stage, with a benchmark
    /// reach of 120: every letter is met. The same with a target of 150 is not achievable.
    pub fn smart(&self) -> Smart {
        let specific = if self.metric.trim().is_empty() {
            Err(Unmet::NoMetric)
        } else {
            Ok(())
        };
        let measurable = self.target.map(|_| ()).ok_or(Unmet::NoTarget);
        let achievable = match (self.target, self.reach) {
            (None, _) => Err(Unmet::NoTarget),
            (Some(_), None) => Err(Unmet::NothingToCompare),
            (Some(target), Some(reach)) => {
                let is_within = match self.direction() {
                    Direction::Up => target <= reach,
                    Direction::Down => target >= reach,
                };
                if is_within {
                    Ok(())
                } else {
                    Err(Unmet::BeyondReach)
                }
            }
        };
        let relevant = if self.feeds_funnel || self.group == MetricGroup::Value {
            Ok(())
        } else {
            Err(Unmet::NotLinked)
        };
        let time_bound = match self.deadline {
            None => Err(Unmet::NoDeadline),
            Some(month) if month >= MONTHS => Err(Unmet::OutsideYear),
            Some(_) => Ok(()),
        };
        Smart {
            specific,
            measurable,
            achievable,
            relevant,
            time_bound,
        }
    }

    /// How far the objective has come: `latest` is the metric's latest value (in its unit) and
    /// `month` the month of the plan year it is from (0 = the first).
    ///
    /// Example: from 60 leads a month to 94 by March (month 2 of a January plan year). At the end
    /// of February (month 1) two thirds of the time to the deadline have gone by; 77 leads is
    /// half the way (17 of 34) with 17 to go: behind. 83 leads (23 of 34, 0.68) is on pace.
    pub fn progress(&self, latest: f64, month: usize) -> Option<Progress> {
        let baseline = self.baseline?;
        let target = self.target?;
        let deadline = self.deadline.filter(|deadline| *deadline < MONTHS)?;
        let way = target - baseline;
        let reached = if way == 0.0 {
            // Nothing to make up: reached while the metric stays at its target.
            if latest >= target {
                1.0
            } else {
                0.0
            }
        } else {
            ((latest - baseline) / way).max(0.0)
        };
        let remaining = match self.direction() {
            Direction::Up => (target - latest).max(0.0),
            Direction::Down => (latest - target).max(0.0),
        };
        // The part of the time from the plan year's start to the end of the deadline's month
        // that has gone by at the end of `month`.
        let time_gone = ((month + 1) as f64 / (deadline + 1) as f64).min(1.0);
        Some(Progress {
            reached,
            remaining,
            is_on_pace: reached >= time_gone,
        })
    }
}

/// How far an objective has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The part of the way from baseline to target covered (fraction, ≥ 0; above 1 when the
    /// target is passed).
    pub reached: f64,
    /// What is left to the target (in the metric's unit, ≥ 0).
    pub remaining: f64,
    /// Whether the part reached is at least the part of the time gone by.
    pub is_on_pace: bool,
}

/// The most a funnel stage's monthly count is known to reach, for "Achievable": one rule for
/// every stage. Where last year's month is known (its total ÷ 12), half as much again
/// ([`crate::model::annual::last_year::STRETCH_MULTIPLE`]); else, for a stage below the top, the stage
/// above's monthly target × the best rate known into the stage (`above`: that target and that
/// rate as a fraction); else unknown.
///
/// Example: Visits and Leads both planned at +51 % over last year's month both go past 1.5
/// times it, so neither is achievable; with no last year, Leads may reach 2,714.65 visits ×
/// 2.4 % = 65.2 a month.
pub fn stage_reach(last_year_month: Option<f64>, above: Option<(f64, f64)>) -> Option<f64> {
    match (last_year_month, above) {
        (Some(month), _) => Some(month * crate::model::annual::last_year::STRETCH_MULTIPLE),
        (None, Some((above_target, best_rate))) => Some(above_target * best_rate),
        (None, None) => None,
    }
}

/// An objective drafted from the plan for one funnel stage and one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct Drafted {
    /// The stage's index in the funnel (0 = the top).
    pub stage: usize,
    /// The stage's target per month in the quarter, rounded up as the targets are shown
    /// ([`needed_shown`]: whole from 10 up, two decimals below), never below what is needed.
    pub target: f64,
    /// Last year's monthly figure (its total ÷ 12), if known.
    pub baseline: Option<f64>,
    /// The last month of `quarter`: the deadline (0 = the plan year's first month).
    pub deadline: usize,
    /// The quarter it belongs to (0 = the first).
    pub quarter: usize,
    /// The source article's group: the last stage (customers) is what the business gets
    /// ([`MetricGroup::Value`]), the first two (visits, leads) how people respond
    /// ([`MetricGroup::Response`]), the others what it costs to get them
    /// ([`MetricGroup::Efficiency`]).
    pub group: MetricGroup,
}

/// Objectives drafted from the plan, for every quarter that has targets: `monthly` holds each
/// stage's target in each month of the plan year (top to bottom, counts per month), `baselines`
/// where each stage starts (last year's monthly figure). In each quarter, each stage whose
/// target per month there (the most of the quarter's three months, so that no month of it asks
/// for more) is above its baseline, or that has no baseline, gets one objective due by the
/// quarter's last month; a stage already at its target in a quarter, or with nothing to reach
/// in it, gets none. Quarter by quarter, top to bottom.
///
/// Example: 94.3 leads a month needed all year and 60 last year: "Leads, 95 a month by the end
/// of month 3, from 60", then the same by months 6, 9 and 12; 0.75 customers a month against
/// last year's 0.5: 0.75 a month by each quarter's end.
pub fn draft(monthly: &[[f64; MONTHS]], baselines: &[Option<f64>]) -> Vec<Drafted> {
    let bottom = monthly.len().saturating_sub(1);
    (0..QUARTERS)
        .flat_map(|quarter| {
            monthly
                .iter()
                .enumerate()
                .filter_map(move |(stage, months)| {
                    let in_quarter = months.get(quarter * 3..quarter * 3 + 3)?;
                    let most = in_quarter.iter().copied().fold(0.0_f64, f64::max);
                    let target = needed_shown(most);
                    let baseline = baselines.get(stage).copied().flatten();
                    let has_ground = baseline.is_none_or(|baseline| baseline < target);
                    let group = if stage == bottom {
                        MetricGroup::Value
                    } else if stage < 2 {
                        MetricGroup::Response
                    } else {
                        MetricGroup::Efficiency
                    };
                    (target.is_finite() && target > 0.0 && has_ground).then_some(Drafted {
                        stage,
                        target,
                        baseline,
                        deadline: quarter * 3 + 2,
                        quarter,
                        group,
                    })
                })
        })
        .collect()
}
