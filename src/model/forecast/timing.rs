//! When things must happen: the year's customers spread over the plan year's months (phasing),
//! the time each stage takes to reach the next (the sales cycle), and from both a schedule of
//! the volume each stage must reach in each month, starting before the plan year when the
//! cycle is long.
//!
//! Units: shares are fractions of the year (summing to 1), days are calendar days, leads are
//! months of [`DAYS_PER_MONTH`] days, volumes are counts per month in full precision (never
//! rounded here).
//!
//! The schedule covers this plan year's customers only: volume in the plan year's last months
//! that would feed next year's customers belongs to next year's plan, so a stage's row for
//! month 11 holds only what this year's customers still need (0 when its lead is a month or
//! more).

use thiserror::Error;

/// The months of a plan year.
pub const MONTHS: usize = 12;

/// Average days in a month: 365.25 / 12 = 30.4375.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// The most days one stage may take to reach the next: 3,650 days (about ten years).
pub const MAX_DAYS: f64 = 3650.0;

/// The longest lead [`schedule`] accepts, in months: 1,200 (100 years; more than the longest
/// sales cycle [`lead_months`] gives for a funnel of [`crate::model::MAX_STAGES`] stages).
pub const MAX_LEAD_MONTHS: f64 = 1200.0;

/// A lead this close to a whole number of months (in months) counts as that whole number, so
/// that rounding in the division by [`DAYS_PER_MONTH`] never adds a month holding almost
/// nothing to the schedule.
const WHOLE_MONTH_TOLERANCE: f64 = 1e-9;

/// How the year's customers spread over the plan year's 12 months.
#[derive(Debug, Clone, PartialEq)]
pub enum Phasing {
    /// The same number of customers every month: 1/12 of the year each.
    Even,
    /// Relative weights per month (≥ 0, any scale: percents, last year's customers by month …),
    /// month 1 of the plan year first.
    Weights([f64; MONTHS]),
}

/// Why the phasing, the sales cycle or the schedule cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum TimingError {
    /// A weight is negative or not finite (the month's index, 0-based).
    #[error("weight of month {0} negative or not finite")]
    BadWeight(usize),
    /// Every weight is 0.
    #[error("every weight is 0")]
    NoWeight,
    /// A stage's days to the next stage are negative, not finite or more than [`MAX_DAYS`]
    /// (the stage's index, 0-based).
    #[error("days of stage {0} negative, not finite or too many")]
    BadDays(usize),
    /// A monthly share given to [`schedule`] is negative or not finite (the month's index,
    /// 0-based).
    #[error("share of month {0} negative or not finite")]
    BadShare(usize),
    /// A stage's yearly target is negative or not finite (the stage's index, 0-based).
    #[error("target of stage {0} negative or not finite")]
    BadTarget(usize),
    /// A stage's lead is negative, not finite or more than [`MAX_LEAD_MONTHS`] (the stage's
    /// index, 0-based).
    #[error("lead of stage {0} negative, not finite or too long")]
    BadLead(usize),
    /// The yearly targets and the leads are not one per stage each.
    #[error("{targets} targets but {leads} leads")]
    LengthMismatch { targets: usize, leads: usize },
}

/// Each month's share of the year (fractions summing to 1), month 1 of the plan year first:
/// weight ÷ sum of weights; [`Phasing::Even`] gives 1/12 each.
///
/// Example: weights 1 for months 1–11 and 13 for month 12 sum to 24, so months 1–11 get
/// 1/24 each and month 12 gets 13/24.
pub fn monthly_shares(phasing: &Phasing) -> Result<[f64; MONTHS], TimingError> {
    let weights = match phasing {
        Phasing::Even => return Ok([1.0 / MONTHS as f64; MONTHS]),
        Phasing::Weights(weights) => weights,
    };
    if let Some(month) = weights
        .iter()
        .position(|weight| !weight.is_finite() || *weight < 0.0)
    {
        return Err(TimingError::BadWeight(month));
    }
    // Scaled by the largest weight first, so that weights near f64::MAX cannot add up to
    // infinity; the shares are the same.
    let largest = weights.iter().copied().fold(0.0_f64, f64::max);
    if largest <= 0.0 {
        return Err(TimingError::NoWeight);
    }
    let sum: f64 = weights.iter().map(|weight| weight / largest).sum();
    let mut shares = [0.0; MONTHS];
    for (share, weight) in shares.iter_mut().zip(weights) {
        *share = weight / largest / sum;
    }
    Ok(shares)
}

/// For each stage, the months from it to the last stage (customers): the sum of the days from
/// that stage down ÷ [`DAYS_PER_MONTH`]; the last stage's lead is 0.
///
/// `days_to_next[i]`: days from stage i to stage i + 1 (one fewer than the stages, each in
/// 0..=[`MAX_DAYS`]). The result has one lead per stage (one more than `days_to_next`).
///
/// Example: days [60.875, 0, 15.21875] give leads [2.5, 0.5, 0.5, 0] months.
pub fn lead_months(days_to_next: &[f64]) -> Result<Vec<f64>, TimingError> {
    if let Some(stage) = days_to_next
        .iter()
        .position(|days| !days.is_finite() || !(0.0..=MAX_DAYS).contains(days))
    {
        return Err(TimingError::BadDays(stage));
    }
    // Sums in days from the bottom up, divided once, so whole months stay whole.
    let mut days_down = 0.0;
    let mut leads = Vec::with_capacity(days_to_next.len() + 1);
    leads.push(0.0);
    for days in days_to_next.iter().rev() {
        days_down += days;
        leads.push(days_down / DAYS_PER_MONTH);
    }
    leads.reverse();
    Ok(leads)
}

/// One row of the schedule: `offset` months from the plan year's first month (negative: before
/// the plan year starts; 0..=11 inside it), and each stage's volume in that month (top to
/// bottom), counts per month.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRow {
    /// Months from the plan year's first month: −2 is two months before it, 0 its first
    /// month, 11 its last.
    pub offset: i32,
    /// Each stage's volume in that month, top to bottom, unrounded.
    pub stages: Vec<f64>,
}

/// The volume each stage must reach in each month, from the earliest month a stage must act
/// for the plan year's first customers to the plan year's last month.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// One row per month, earliest first, consecutive offsets ending at 11.
    pub rows: Vec<ScheduleRow>,
}

impl Schedule {
    /// The number of rows before the plan year (negative offsets).
    pub fn months_before(&self) -> usize {
        self.rows.iter().filter(|row| row.offset < 0).count()
    }

    /// Each stage's total over all rows, top to bottom: its yearly target (times the sum of the
    /// shares, which is 1 for shares from [`monthly_shares`]).
    pub fn totals(&self) -> Vec<f64> {
        let stages = self.rows.first().map_or(0, |row| row.stages.len());
        let mut totals = vec![0.0; stages];
        for row in &self.rows {
            for (total, volume) in totals.iter_mut().zip(&row.stages) {
                *total += volume;
            }
        }
        totals
    }
}

/// The schedule: per month, the volume each stage must reach in that month so that each
/// month's customers close on time.
///
/// - `yearly[i]`: stage i's target per year (the reverse funnel's targets, top to bottom),
///   each finite and ≥ 0;
/// - `shares`: each month's share of the year, fractions (see [`monthly_shares`]), each finite
///   and ≥ 0;
/// - `leads[i]`: stage i's lead in months (see [`lead_months`]), one per stage, each in
///   0..=[`MAX_LEAD_MONTHS`].
///
/// Stage i's volume needed for the customers of month c is yearly\[i\] × shares\[c\]; it must
/// happen its lead L = leads\[i\] months earlier. With L = k + f (k whole, 0 ≤ f < 1), the
/// volume for month c is split linearly: (1 − f) of it in month c − k and f of it in month
/// c − k − 1 (a lead within 1e-9 of a whole number of months counts as whole). A lead is never
/// negative, so no stage's volume for a month's customers falls later than that month.
///
/// Rows run from the earliest month a stage's volume for the first month's customers falls in
/// (offset −k, or −k − 1 when f > 0, for the longest lead; 0 when every lead is 0) to month 11,
/// also when that volume is 0, so the rows depend only on the leads. Only this plan year's
/// customers are covered: volume in the last months that would feed next year's customers
/// belongs to next year's plan, so each stage's total over the rows is its yearly target.
///
/// Example: yearly [1,200, 120, 12] with even shares and leads [2, 1, 0] give rows from −2 to
/// 11; the top stage needs 100 a month from −2 to 9 and 0 in months 10 and 11.
pub fn schedule(
    yearly: &[f64],
    shares: &[f64; MONTHS],
    leads: &[f64],
) -> Result<Schedule, TimingError> {
    if yearly.len() != leads.len() {
        return Err(TimingError::LengthMismatch {
            targets: yearly.len(),
            leads: leads.len(),
        });
    }
    if let Some(stage) = yearly
        .iter()
        .position(|target| !target.is_finite() || *target < 0.0)
    {
        return Err(TimingError::BadTarget(stage));
    }
    if let Some(month) = shares
        .iter()
        .position(|share| !share.is_finite() || *share < 0.0)
    {
        return Err(TimingError::BadShare(month));
    }
    let mut splits = Vec::with_capacity(leads.len());
    for (stage, lead) in leads.iter().enumerate() {
        splits.push(split(*lead).ok_or(TimingError::BadLead(stage))?);
    }
    // Months before the plan year: the furthest back any stage reaches.
    let before = splits
        .iter()
        .map(|(whole, fraction)| whole + usize::from(*fraction > 0.0))
        .max()
        .unwrap_or(0);
    let mut rows: Vec<ScheduleRow> = (0..before + MONTHS)
        .map(|index| ScheduleRow {
            offset: index as i32 - before as i32,
            stages: vec![0.0; yearly.len()],
        })
        .collect();
    for (stage, (target, (whole, fraction))) in yearly.iter().zip(&splits).enumerate() {
        for (month, share) in shares.iter().enumerate() {
            let volume = target * share;
            // Row of month c − k: c − k + before ≥ 0 since before ≥ k (+ 1 when f > 0).
            let Some(on_time) = (month + before).checked_sub(*whole) else {
                continue;
            };
            add(&mut rows, on_time, stage, volume * (1.0 - fraction));
            if *fraction > 0.0 {
                if let Some(earlier) = on_time.checked_sub(1) {
                    add(&mut rows, earlier, stage, volume * fraction);
                }
            }
        }
    }
    Ok(Schedule { rows })
}

/// A lead in months as (whole months, fraction of a month in [0, 1)); `None` when the lead is
/// negative, not finite or more than [`MAX_LEAD_MONTHS`].
fn split(lead: f64) -> Option<(usize, f64)> {
    if !lead.is_finite() || !(0.0..=MAX_LEAD_MONTHS).contains(&lead) {
        return None;
    }
    let nearest = lead.round();
    let (whole, fraction) = if (lead - nearest).abs() <= WHOLE_MONTH_TOLERANCE {
        (nearest, 0.0)
    } else {
        (lead.floor(), lead - lead.floor())
    };
    // `whole` is a whole number in 0..=MAX_LEAD_MONTHS, so the conversion is exact.
    Some((whole as usize, fraction))
}

/// Adds `volume` to `stage` in the row at `index` (rows and stages exist by construction).
fn add(rows: &mut [ScheduleRow], index: usize, stage: usize, volume: f64) {
    if let Some(cell) = rows
        .get_mut(index)
        .and_then(|row| row.stages.get_mut(stage))
    {
        *cell += volume;
    }
}
