//! The sales team the plan needs: for one role (sales development reps working the stage that
//! becomes opportunities, or account executives working the opportunities or closing the
//! customers), the heads each month's work needs at full output, the hires that keep the team
//! there and the month each must start so that its ramp is over in time, and what the team costs.
//!
//! Units: work is the role's stage volume in a month (a count per month, the schedule's); a
//! capacity is that volume one fully productive head handles a month; ramp shares and attrition
//! are fractions (0.25 is 25 %); attrition is per year, spread evenly over its months; heads are
//! expected heads (fractional once people leave), hires whole people; money is in the plan's
//! currency per month.
//!
//! The team is planned month by month, earliest first. Each month, the heads already on the team
//! bring their output: heads in place at full output, hires at their ramp's share until it is
//! over, every one of them still there with the probability that attrition leaves. When that
//! falls short of the month's work ÷ capacity, the shortfall is hired R months earlier (R, the
//! ramp's months), so that the hires are fully productive in the month that needs them; as some
//! of them leave during those R months, ⌈shortfall ÷ survival^R⌉ people start. A month whose
//! team is enough hires nobody: never a negative hire.

use thiserror::Error;

use crate::model::forecast::timing::MONTHS;

use crate::model::number::{parse_non_negative, parse_percent, parse_positive, root, whole_needed};
use crate::model::page_data::{tag, tags, Fields, Number, Walk};
use crate::model::{InputError, NumberSymbols};

/// The longest ramp, in months: 24 (two years until a hire is fully productive).
pub const MAX_RAMP_MONTHS: usize = 24;

/// The most heads in place a role may have: 100,000.
pub const MAX_IN_PLACE: u32 = 100_000;

/// The most hires one month may need: 1,000,000 (beyond it, a capacity was surely mistyped).
pub const MAX_HIRES: f64 = 1_000_000.0;

/// A sales role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamRole {
    /// Sales development reps: they work the stage before the opportunities (the SQLs).
    Sdr,
    /// Account executives: they work the opportunities, or close the customers.
    Ae,
}

impl TeamRole {
    /// Both roles, in the order the page shows them.
    pub const ALL: [TeamRole; 2] = [TeamRole::Sdr, TeamRole::Ae];

    /// The index of the stage whose volume is this role's work, in a funnel of `stages` stages
    /// (top to bottom): an SDR's is the stage two before the last, an AE's the stage before the
    /// last or, when `closes` (its capacity counts customers closed), the last. `None` when the
    /// funnel has no such stage.
    pub fn stage(self, stages: usize, closes: bool) -> Option<usize> {
        let from_end = match self {
            TeamRole::Sdr => 3,
            TeamRole::Ae if closes => 1,
            TeamRole::Ae => 2,
        };
        stages.checked_sub(from_end)
    }
}

/// Why a team cannot be planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum TeamError {
    /// The capacity is not above 0 or not finite.
    #[error("capacity not above 0")]
    Capacity,
    /// The ramp is longer than [`MAX_RAMP_MONTHS`], or a share is not in [0, 1].
    #[error("ramp share not in [0, 1] or ramp too long")]
    Ramp,
    /// The attrition is not in [0, 1): a team that all leaves every year cannot be kept.
    #[error("attrition not in [0, 1)")]
    Attrition,
    /// A month's work is negative or not finite, or the months do not follow one another.
    #[error("work negative, not finite or months not consecutive")]
    Work,
    /// The cost per head is negative or not finite.
    #[error("cost negative")]
    Cost,
    /// A month would need more than [`MAX_HIRES`] hires.
    #[error("more than a million hires in a month")]
    TooManyHires,
}

/// One sales role: what one head handles, how a new hire ramps, how many leave, how many are
/// already in place, and what a head costs.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The work one fully productive head handles in a month (the role's stage volume per
    /// month), above 0.
    pub capacity: f64,
    /// A new hire's share of full output (fraction) in each month before they are fully
    /// productive, their first month first; empty when a hire is productive at once. The ramp
    /// lasts until its last share below 1 (shares of 1 at its end change nothing).
    pub ramp: Vec<f64>,
    /// The share of the team that leaves in a year, a fraction in [0, 1).
    pub attrition: f64,
    /// Heads already in place, at full output. They are all on the team until the month
    /// [`Self::in_place_from`], and leave at the attrition's pace from it.
    pub in_place: u32,
    /// The month (offset from the plan year's first) the heads in place are counted in: the
    /// current month, negative while the plan year is ahead.
    pub in_place_from: i32,
    /// What one head costs a month (money), whether ramping or not; `None` when not typed.
    pub cost_per_head: Option<f64>,
}

/// One month of a role's team.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TeamMonth {
    /// Months from the plan year's first month: negative before the plan year, 0..=11 in it.
    pub offset: i32,
    /// The role's work in that month (its stage's volume per month; 0 in months before any).
    pub work: f64,
    /// Heads the work needs at full output: work ÷ capacity.
    pub needed: f64,
    /// Heads on the team (expected, after attrition), hires still ramping included.
    pub heads: f64,
    /// What they bring, in heads at full output: each head × their ramp's share that month.
    pub output: f64,
    /// People who start that month.
    pub hires: u32,
    /// What the team costs that month: heads × cost per head (`None` without a cost).
    pub cost: Option<f64>,
}

/// A role's team, month by month.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// One entry per month, earliest first, consecutive: from the first month anyone must start
    /// or work to the last month with work.
    pub months: Vec<TeamMonth>,
    /// The share of the team still there a month later: (1 − attrition)^(1/12).
    pub survival: f64,
}

impl Team {
    /// Every hire over the months.
    pub fn hires(&self) -> u32 {
        self.months.iter().map(|month| month.hires).sum()
    }

    /// The month (offset) the first hire starts, `None` when nobody is hired.
    pub fn first_hire(&self) -> Option<i32> {
        self.months
            .iter()
            .find(|month| month.hires > 0)
            .map(|month| month.offset)
    }

    /// The most heads the work needs at full output in a month, and that month's offset (the
    /// first such month); `None` without months.
    pub fn peak(&self) -> Option<(f64, i32)> {
        self.months.iter().fold(None, |peak, month| match peak {
            Some((most, _)) if month.needed <= most => peak,
            _ => Some((month.needed, month.offset)),
        })
    }

    /// The cost over the plan year's months (`inside` true) or over the months before it (0
    /// when there are none), `None` without a cost per head.
    pub fn cost(&self, inside: bool) -> Option<f64> {
        self.months.first()?.cost?;
        self.months
            .iter()
            .filter(|month| (month.offset >= 0) == inside)
            .map(|month| month.cost)
            .sum()
    }
}

/// The share of a team still there a month later for a yearly `attrition` (fraction):
/// (1 − attrition)^(1/12), so that twelve months leave 1 − attrition.
///
/// Example: 10 % a year → 0.9^(1/12) = 0.991258 a month.
pub fn monthly_survival(attrition: f64) -> f64 {
    1.0 / root(1.0 / (1.0 - attrition), MONTHS)
}

impl Role {
    /// The team that `work` needs: `work` is the role's volume in each month, as (offset from
    /// the plan year's first month, volume per month) in consecutive months, earliest first (the
    /// schedule's rows).
    ///
    /// Example: 60 SQLs a month from the plan year's first month, 10 per head, a ramp of 25, 50
    /// and 75 %, no attrition and nobody in place: 6 people start three months before the plan
    /// year, bringing 1.5, 3 and 4.5 heads' output until the plan year's first month, 6 from it.
    pub fn team(&self, work: &[(i32, f64)]) -> Result<Team, TeamError> {
        self.check(work)?;
        let survival = monthly_survival(self.attrition);
        // A hire is fully productive from the month after the last share below full output.
        let ramp_months = self
            .ramp
            .iter()
            .rposition(|share| *share < 1.0)
            .map_or(0, |last| last as i32 + 1);
        // Each hire's start and size, earliest first.
        let mut cohorts: Vec<(i32, f64)> = Vec::new();
        for (offset, volume) in work {
            let needed = volume / self.capacity;
            let output = self.output(&cohorts, *offset, survival);
            // A month short by float noise only is not short.
            let hires = whole_needed((needed - output) / survival.powi(ramp_months));
            if hires > MAX_HIRES {
                return Err(TeamError::TooManyHires);
            }
            if hires > 0.0 {
                cohorts.push((offset - ramp_months, hires));
            }
        }
        let first_work = work.first().map_or(0, |(offset, _)| *offset);
        let first = cohorts
            .first()
            .map_or(first_work, |(start, _)| first_work.min(*start));
        let last = work.last().map_or(first - 1, |(offset, _)| *offset);
        let months = (first..=last)
            .map(|offset| {
                let volume = work
                    .iter()
                    .find(|(at, _)| *at == offset)
                    .map_or(0.0, |(_, volume)| *volume);
                let heads = self.heads(&cohorts, offset, survival);
                let hires: f64 = cohorts
                    .iter()
                    .filter(|(start, _)| *start == offset)
                    .map(|(_, size)| size)
                    .sum();
                TeamMonth {
                    offset,
                    work: volume,
                    needed: volume / self.capacity,
                    heads,
                    output: self.output(&cohorts, offset, survival),
                    // A whole number no more than MAX_HIRES, so the conversion is exact.
                    hires: hires as u32,
                    cost: self.cost_per_head.map(|cost| heads * cost),
                }
            })
            .collect();
        Ok(Team { months, survival })
    }

    /// Whether the role and `work` can be planned.
    fn check(&self, work: &[(i32, f64)]) -> Result<(), TeamError> {
        if !self.capacity.is_finite() || self.capacity <= 0.0 {
            return Err(TeamError::Capacity);
        }
        if self.ramp.len() > MAX_RAMP_MONTHS
            || self.ramp.iter().any(|share| !(0.0..=1.0).contains(share))
        {
            return Err(TeamError::Ramp);
        }
        if !(0.0..1.0).contains(&self.attrition) {
            return Err(TeamError::Attrition);
        }
        if self
            .cost_per_head
            .is_some_and(|cost| !cost.is_finite() || cost < 0.0)
        {
            return Err(TeamError::Cost);
        }
        let consecutive = work
            .windows(2)
            .all(|pair| matches!(pair, [(a, _), (b, _)] if *b == a + 1));
        if !consecutive
            || work
                .iter()
                .any(|(_, volume)| !volume.is_finite() || *volume < 0.0)
        {
            return Err(TeamError::Work);
        }
        Ok(())
    }

    /// The heads in place still there in month `offset`: all of them until
    /// [`Self::in_place_from`], then survival^months since.
    fn in_place_left(&self, offset: i32, survival: f64) -> f64 {
        let months = offset.saturating_sub(self.in_place_from).max(0);
        f64::from(self.in_place) * survival.powi(months)
    }

    /// Heads on the team in month `offset`: those in place still there, and every hire started
    /// by then still there (survival^months since they started).
    fn heads(&self, cohorts: &[(i32, f64)], offset: i32, survival: f64) -> f64 {
        let hired: f64 = cohorts
            .iter()
            .filter(|(start, _)| *start <= offset)
            .map(|(start, size)| size * survival.powi(offset - start))
            .sum();
        self.in_place_left(offset, survival) + hired
    }

    /// What the team brings in month `offset`, in heads at full output: those in place in full,
    /// each hire still there × their ramp's share in their month since starting (1 once it is
    /// over).
    fn output(&self, cohorts: &[(i32, f64)], offset: i32, survival: f64) -> f64 {
        let hired: f64 = cohorts
            .iter()
            .filter(|(start, _)| *start <= offset)
            .map(|(start, size)| {
                let months_in = offset - start;
                let share = usize::try_from(months_in)
                    .ok()
                    .and_then(|month| self.ramp.get(month))
                    .copied()
                    .unwrap_or(1.0);
                size * survival.powi(months_in) * share
            })
            .sum();
        self.in_place_left(offset, survival) + hired
    }
}

/// What one account executive's capacity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AeCounts {
    /// The opportunities an AE works a month (the stage before the last).
    #[default]
    Opportunities,
    /// The customers an AE closes a month (the last stage).
    Customers,
}

tags!(AeCounts {
    Opportunities => "opportunities",
    Customers => "customers",
});

/// One sales role as typed: every number a text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoleDraft {
    /// The volume one fully productive head handles a month (its stage's count).
    pub capacity: String,
    /// The ramp: each month's share of full output in percent, separated by `;` ("25; 50; 75").
    pub ramp: String,
    /// Heads already in place, a whole number.
    pub in_place: String,
    /// What one head costs a month (money), optional.
    pub cost: String,
}

/// A field of one sales role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleInput {
    Capacity,
    Ramp,
    InPlace,
    Cost,
}

impl RoleInput {
    /// Every field of a role, in the order the page shows them.
    pub const ALL: [RoleInput; 4] = [
        RoleInput::Capacity,
        RoleInput::Ramp,
        RoleInput::InPlace,
        RoleInput::Cost,
    ];
}

/// A field of the sales team, for placing an error next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamField {
    /// The yearly attrition.
    Attrition,
    /// A role's field.
    Role(TeamRole, RoleInput),
}

impl TeamField {
    /// Every field of the team, in the order the page shows them: each role's, then the
    /// attrition.
    pub const ALL: [TeamField; 9] = [
        TeamField::Role(TeamRole::Sdr, RoleInput::Capacity),
        TeamField::Role(TeamRole::Sdr, RoleInput::Ramp),
        TeamField::Role(TeamRole::Sdr, RoleInput::InPlace),
        TeamField::Role(TeamRole::Sdr, RoleInput::Cost),
        TeamField::Role(TeamRole::Ae, RoleInput::Capacity),
        TeamField::Role(TeamRole::Ae, RoleInput::Ramp),
        TeamField::Role(TeamRole::Ae, RoleInput::InPlace),
        TeamField::Role(TeamRole::Ae, RoleInput::Cost),
        TeamField::Attrition,
    ];
}

/// The sales team as typed: kept in the annual plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamDraft {
    /// The share of the team that leaves in a year, in percent.
    pub attrition: String,
    /// What an AE's capacity counts.
    pub ae_counts: AeCounts,
    /// Sales development reps.
    pub sdr: RoleDraft,
    /// Account executives.
    pub ae: RoleDraft,
}

impl Fields for TeamDraft {
    fn fields(&mut self, walk: &mut dyn Walk) {
        walk.text("attrition", &mut self.attrition, Number::Percent);
        tag(walk, "ae_counts", &mut self.ae_counts);
        let (sdr, ae) = (&mut self.sdr, &mut self.ae);
        walk.object("sdr", &mut |walk| sdr.fields(walk));
        walk.object("ae", &mut |walk| ae.fields(walk));
    }
}

impl Fields for RoleDraft {
    fn fields(&mut self, walk: &mut dyn Walk) {
        walk.text("capacity", &mut self.capacity, Number::Amount);
        walk.text("ramp", &mut self.ramp, Number::Percents);
        walk.text("in_place", &mut self.in_place, Number::Whole);
        walk.text("cost", &mut self.cost, Number::Amount);
    }
}

/// The sales roles read from a [`TeamDraft`], with the problems of its fields.
pub type TeamRead = (Vec<(TeamRole, Role)>, Vec<(TeamField, InputError)>);

impl TeamDraft {
    /// The text typed in `field`.
    pub fn text(&self, field: TeamField) -> &str {
        match field {
            TeamField::Attrition => &self.attrition,
            TeamField::Role(role, input) => {
                let role = match role {
                    TeamRole::Sdr => &self.sdr,
                    TeamRole::Ae => &self.ae,
                };
                match input {
                    RoleInput::Capacity => &role.capacity,
                    RoleInput::Ramp => &role.ramp,
                    RoleInput::InPlace => &role.in_place,
                    RoleInput::Cost => &role.cost,
                }
            }
        }
    }

    /// Sets the text of `field`.
    pub fn set(&mut self, field: TeamField, text: String) {
        let slot = match field {
            TeamField::Attrition => &mut self.attrition,
            TeamField::Role(role, input) => {
                let role = match role {
                    TeamRole::Sdr => &mut self.sdr,
                    TeamRole::Ae => &mut self.ae,
                };
                match input {
                    RoleInput::Capacity => &mut role.capacity,
                    RoleInput::Ramp => &mut role.ramp,
                    RoleInput::InPlace => &mut role.in_place,
                    RoleInput::Cost => &mut role.cost,
                }
            }
        };
        *slot = text;
    }

    /// Whether nothing is typed in any of its fields (not even spaces) and the AEs' choice is
    /// the first.
    pub fn is_blank(&self) -> bool {
        self.ae_counts == AeCounts::default()
            && TeamField::ALL
                .iter()
                .all(|field| self.text(*field).is_empty())
    }

    /// The roles typed among `roles` (those the funnel has a stage for), read with `symbols`:
    /// each whose capacity is typed, with the yearly attrition (an empty field is 0 %), its ramp
    /// (empty: productive at once), its heads in place (empty: none) and its cost per head
    /// (empty: none); with the problems of those fields. No role is read while any of them has
    /// a problem. The heads in place are counted in month `now` ([`Role::in_place_from`]).
    pub fn read(&self, symbols: NumberSymbols, roles: &[TeamRole], now: i32) -> TeamRead {
        let mut errors = Vec::new();
        // A field read by `parse`, `None` when empty or wrong (its problem then in `errors`).
        fn read<T>(
            text: &str,
            field: TeamField,
            errors: &mut Vec<(TeamField, InputError)>,
            parse: &dyn Fn(&str) -> Result<T, InputError>,
        ) -> Option<T> {
            if text.trim().is_empty() {
                return None;
            }
            parse(text)
                .map_err(|error| errors.push((field, error)))
                .ok()
        }
        let attrition = read(
            &self.attrition,
            TeamField::Attrition,
            &mut errors,
            &|text| match parse_percent(text, symbols)? {
                percent if (0.0..100.0).contains(&percent) => Ok(percent / 100.0),
                _ => Err(InputError::AttritionOutOfRange),
            },
        );
        let mut read_roles = Vec::new();
        for &role in roles {
            let field = |input| TeamField::Role(role, input);
            let text = |input| self.text(field(input));
            let capacity = read(
                text(RoleInput::Capacity),
                field(RoleInput::Capacity),
                &mut errors,
                &|text| parse_positive(text, symbols),
            );
            let ramp = read(
                text(RoleInput::Ramp),
                field(RoleInput::Ramp),
                &mut errors,
                &|text| ramp_shares(text, symbols),
            );
            let in_place = read(
                text(RoleInput::InPlace),
                field(RoleInput::InPlace),
                &mut errors,
                &|text| match parse_non_negative(text, symbols) {
                    Ok(heads) if heads.fract() == 0.0 && heads <= f64::from(MAX_IN_PLACE) => {
                        Ok(heads)
                    }
                    _ => Err(InputError::HeadsNotWhole),
                },
            );
            let cost = read(
                text(RoleInput::Cost),
                field(RoleInput::Cost),
                &mut errors,
                &|text| parse_non_negative(text, symbols),
            );
            if let Some(capacity) = capacity {
                read_roles.push((
                    role,
                    Role {
                        capacity,
                        ramp: ramp.unwrap_or_default(),
                        attrition: attrition.unwrap_or(0.0),
                        // A whole number from 0 to MAX_IN_PLACE, so the conversion is exact.
                        in_place: in_place.unwrap_or(0.0) as u32,
                        in_place_from: now,
                        cost_per_head: cost,
                    },
                ));
            }
        }
        if !errors.is_empty() {
            read_roles.clear();
        }
        (read_roles, errors)
    }
}

/// A ramp typed as percents separated by `;` ("25; 50; 75"), read as fractions, the first
/// month first; empty pieces (a `;` at the end) are skipped. Each share from 0 to 100 %, at most
/// [`MAX_RAMP_MONTHS`] of them; anything else is [`InputError::RampShares`], whose message
/// states both limits.
fn ramp_shares(text: &str, symbols: NumberSymbols) -> Result<Vec<f64>, InputError> {
    let shares: Vec<f64> = text
        .split(';')
        .filter(|piece| !piece.trim().is_empty())
        .map(|piece| match parse_percent(piece, symbols) {
            Ok(percent) if (0.0..=100.0).contains(&percent) => Ok(percent / 100.0),
            _ => Err(InputError::RampShares),
        })
        .collect::<Result<_, _>>()?;
    if shares.len() > MAX_RAMP_MONTHS {
        return Err(InputError::RampShares);
    }
    Ok(shares)
}
