//! The plan's marketing side as typed: the budget, the channels (their spend, the volumes they
//! brought at each stage, the revenue attributed to them, their share of the customers goal and
//! their own conversion rates) and the figures customer lifetime value and retention need.
//!
//! Like the rest of the draft, every number is kept as text. [`MarketingDraft::check`] reads it
//! into [`MarketingInputs`]: each field on its own, so one bad value only makes the figures that
//! need it unavailable; an empty field means "not known", not 0.
//!
//! Units: money is in the plan's currency; a channel's spend, volumes and revenue cover one period
//! the person chooses (all of a channel's figures the same one, e.g. last quarter), so the KPIs,
//! which are ratios, do not depend on it; shares, rates and margins are typed as percents and
//! kept here as fractions.

use crate::model::draft::{duplicates, next_id, unique_name};
use crate::model::number::{
    parse_non_negative, parse_percent, parse_positive, retype, NumberSymbols,
};
use crate::model::{Field, FieldError, InputError, Rate, Share, StageId};

/// The most channels a plan can have.
pub const MAX_CHANNELS: usize = 12;

/// The share of the worst channel's spend a reallocation moves until the person types another,
/// in percent.
pub const DEFAULT_MOVE_PERCENT: &str = "20";

/// Identifies a channel for as long as it exists, whatever its name or position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelId(pub u32);

/// What a channel reached at one stage, and its own rate from that stage into the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelStageDraft {
    /// The funnel stage this is about.
    pub stage: StageId,
    /// Volume the channel brought (or is planned to bring) at this stage, as typed; empty when
    /// not known.
    pub volume: String,
    /// The channel's own percent from this stage into the next, as typed; empty to use the
    /// plan's rate.
    pub rate: String,
}

/// One marketing channel as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelDraft {
    /// Stable identity (for lists and field ids).
    pub id: ChannelId,
    /// E.g. "Paid search".
    pub name: String,
    /// Percent of the customers goal this channel should win, as typed; empty to share what the
    /// typed shares leave evenly with the other channels left empty.
    pub share: String,
    /// Spend in the channel's period, as typed.
    pub spend: String,
    /// Revenue attributed to the channel in the same period, as typed.
    pub revenue: String,
    /// Volumes and own rates by stage; a stage with nothing typed may be absent.
    pub stages: Vec<ChannelStageDraft>,
}

impl ChannelDraft {
    /// A channel named `name` with nothing typed yet.
    pub fn named(id: ChannelId, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            share: String::new(),
            spend: String::new(),
            revenue: String::new(),
            stages: Vec::new(),
        }
    }

    /// The volume typed for `stage` ("" when none).
    pub fn volume(&self, stage: StageId) -> &str {
        self.stage(stage).map_or("", |entry| entry.volume.as_str())
    }

    /// The own rate typed for `stage` into the next ("" when none: the plan's rate applies).
    pub fn rate(&self, stage: StageId) -> &str {
        self.stage(stage).map_or("", |entry| entry.rate.as_str())
    }

    /// Sets the volume typed for `stage`.
    pub fn set_volume(&mut self, stage: StageId, text: String) {
        self.stage_mut(stage).volume = text;
        self.drop_empty_stages();
    }

    /// Sets the own rate typed for `stage`.
    pub fn set_rate(&mut self, stage: StageId, text: String) {
        self.stage_mut(stage).rate = text;
        self.drop_empty_stages();
    }

    /// What is typed in this channel's `field` ("" for a field that is not a channel's).
    pub fn typed(&self, field: Field) -> &str {
        match field {
            Field::ChannelName(_) => &self.name,
            Field::ChannelShare(_) => &self.share,
            Field::ChannelSpend(_) => &self.spend,
            Field::ChannelRevenue(_) => &self.revenue,
            Field::ChannelVolume(_, stage) => self.volume(stage),
            Field::ChannelRate(_, stage) => self.rate(stage),
            _ => "",
        }
    }

    /// Keeps `text` as typed in this channel's `field` (nothing for a field that is not a
    /// channel's).
    pub fn set_typed(&mut self, field: Field, text: String) {
        match field {
            Field::ChannelName(_) => self.name = text,
            Field::ChannelShare(_) => self.share = text,
            Field::ChannelSpend(_) => self.spend = text,
            Field::ChannelRevenue(_) => self.revenue = text,
            Field::ChannelVolume(_, stage) => self.set_volume(stage, text),
            Field::ChannelRate(_, stage) => self.set_rate(stage, text),
            _ => {}
        }
    }

    /// Entries with nothing typed are not kept, so clearing a field gives back the same draft as
    /// before anything was typed (the written form leaves them out too).
    fn drop_empty_stages(&mut self) {
        self.stages
            .retain(|entry| !entry.volume.is_empty() || !entry.rate.is_empty());
    }

    /// The entry for `stage`, created empty if there is none, to type into.
    // The index is the position just found or that of the entry just pushed: always in bounds.
    // (Returning the found entry directly is refused by the borrow checker before the push.)
    #[allow(clippy::indexing_slicing)]
    pub fn stage_mut(&mut self, stage: StageId) -> &mut ChannelStageDraft {
        let index = match self.stages.iter().position(|entry| entry.stage == stage) {
            Some(index) => index,
            None => {
                self.stages.push(ChannelStageDraft {
                    stage,
                    volume: String::new(),
                    rate: String::new(),
                });
                self.stages.len() - 1
            }
        };
        &mut self.stages[index]
    }

    fn stage(&self, stage: StageId) -> Option<&ChannelStageDraft> {
        self.stages.iter().find(|entry| entry.stage == stage)
    }
}

/// Whether the budget is typed for the whole plan year or per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BudgetPeriod {
    #[default]
    Year,
    Month,
}

/// How the expected customer lifetime is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LifetimeKind {
    /// Expected lifetime in years.
    #[default]
    Years,
    /// Percent of customers lost per year; lifetime = 1 ÷ churn.
    Churn,
}

/// What the channels are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankBy {
    /// Cost per stage volume (spend ÷ volume) at the stage; lower ranks first.
    StageCost(StageId),
    /// Customer acquisition cost; lower ranks first.
    #[default]
    Cac,
    /// Marketing ROI; higher ranks first.
    Roi,
}

/// The marketing side of a plan, as typed. The default has no channels and nothing typed,
/// except the share of spend a reallocation moves ([`DEFAULT_MOVE_PERCENT`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarketingDraft {
    /// Marketing budget, as typed, for [`Self::budget_period`].
    pub budget: String,
    pub budget_period: BudgetPeriod,
    /// The channels, in the order the person keeps them.
    pub channels: Vec<ChannelDraft>,
    /// Retention: customers at the start of the period the person chose, as typed.
    pub customers_at_start: String,
    /// Retention: customers at the end of that period, as typed.
    pub customers_at_end: String,
    /// Retention: new customers won during that period, as typed.
    pub customers_new: String,
    /// Gross margin on revenue, percent, as typed.
    pub gross_margin: String,
    pub lifetime_kind: LifetimeKind,
    /// Expected customer lifetime in years, as typed.
    pub lifetime_years: String,
    /// Customers lost per year, percent, as typed.
    pub churn: String,
    /// What the channel comparison ranks by.
    pub rank_by: RankBy,
    /// Percent of the worst channel's spend the reallocation moves, as typed.
    pub move_percent: String,
}

impl MarketingDraft {
    /// Rewrites every typed number from `from`'s format into `to`'s (see
    /// [`crate::model::number::retype`]): amounts, counts and percents alike.
    pub fn retype(&mut self, from: NumberSymbols, to: NumberSymbols) {
        let amount = |text: &mut String| *text = retype(text, from, to, false);
        let percent = |text: &mut String| *text = retype(text, from, to, true);
        amount(&mut self.budget);
        amount(&mut self.customers_at_start);
        amount(&mut self.customers_at_end);
        amount(&mut self.customers_new);
        amount(&mut self.lifetime_years);
        percent(&mut self.gross_margin);
        percent(&mut self.churn);
        percent(&mut self.move_percent);
        for channel in &mut self.channels {
            percent(&mut channel.share);
            amount(&mut channel.spend);
            amount(&mut channel.revenue);
            for stage in &mut channel.stages {
                amount(&mut stage.volume);
                percent(&mut stage.rate);
            }
        }
    }
}

impl Default for MarketingDraft {
    fn default() -> Self {
        Self {
            budget: String::new(),
            budget_period: BudgetPeriod::default(),
            channels: Vec::new(),
            customers_at_start: String::new(),
            customers_at_end: String::new(),
            customers_new: String::new(),
            gross_margin: String::new(),
            lifetime_kind: LifetimeKind::default(),
            lifetime_years: String::new(),
            churn: String::new(),
            rank_by: RankBy::default(),
            move_percent: DEFAULT_MOVE_PERCENT.to_owned(),
        }
    }
}

impl MarketingDraft {
    /// A marketing side with one empty channel per name in `names` (the usual channels in the
    /// person's language).
    pub fn with_channels(names: &[&str]) -> Self {
        let mut draft = Self::default();
        for name in names {
            draft.add_channel(name);
        }
        draft
    }

    /// Whether another channel may be added (fewer than [`MAX_CHANNELS`]).
    pub fn can_add_channel(&self) -> bool {
        self.channels.len() < MAX_CHANNELS
    }

    /// Adds an empty channel at the end, named `name`, or `name 2`, `name 3` … if that name is
    /// taken (as stages are); `None` when there are already [`MAX_CHANNELS`].
    pub fn add_channel(&mut self, name: &str) -> Option<ChannelId> {
        if !self.can_add_channel() {
            return None;
        }
        let id = ChannelId(next_id(self.channels.iter().map(|channel| channel.id.0)));
        let name = unique_name(name, &self.names());
        self.channels.push(ChannelDraft::named(id, &name));
        Some(id)
    }

    /// The channels' names as typed, in order.
    fn names(&self) -> Vec<&str> {
        self.channels
            .iter()
            .map(|channel| channel.name.as_str())
            .collect()
    }

    /// Removes a channel; an unknown id changes nothing.
    pub fn remove_channel(&mut self, id: ChannelId) {
        self.channels.retain(|channel| channel.id != id);
    }

    /// The channel with `id`.
    pub fn channel(&self, id: ChannelId) -> Option<&ChannelDraft> {
        self.channels.iter().find(|channel| channel.id == id)
    }

    /// The channel with `id`, to edit it.
    pub fn channel_mut(&mut self, id: ChannelId) -> Option<&mut ChannelDraft> {
        self.channels.iter_mut().find(|channel| channel.id == id)
    }

    /// Forgets what the channels hold for a stage that no longer exists, and ranks by CAC if the
    /// ranking was by that stage's cost (a new stage may later get the same id).
    pub fn forget_stage(&mut self, stage: StageId) {
        for channel in &mut self.channels {
            channel.stages.retain(|entry| entry.stage != stage);
        }
        if self.rank_by == RankBy::StageCost(stage) {
            self.rank_by = RankBy::Cac;
        }
    }

    /// The budget set for the plan year (a monthly budget × 12), with its field's error listed.
    pub fn budget_per_year(
        &self,
        symbols: NumberSymbols,
        errors: &mut Vec<FieldError>,
    ) -> Option<f64> {
        let budget = read_field(
            errors,
            Field::Budget,
            &self.budget,
            parse_non_negative,
            symbols,
        );
        budget.map(|budget| match self.budget_period {
            BudgetPeriod::Year => budget,
            BudgetPeriod::Month => budget * 12.0,
        })
    }

    /// Each channel's figures read for a funnel whose stages are `stages`, top to bottom, with
    /// the errors of their fields listed: the part of [`Self::check`] the budget needed reads
    /// (the Forecast page reads only this).
    pub fn channel_inputs(
        &self,
        stages: &[StageId],
        symbols: NumberSymbols,
        errors: &mut Vec<FieldError>,
    ) -> Vec<ChannelInputs> {
        let mut read = |field: Field, text: &str, parse: Parser| -> Option<f64> {
            read_field(errors, field, text, parse, symbols)
        };
        let last = stages.len().saturating_sub(1);
        self.channels
            .iter()
            .map(|channel| {
                let id = channel.id;
                let share = read(Field::ChannelShare(id), &channel.share, parse_share)
                    .and_then(|percent| Share::from_percent(percent).ok());
                let spend = read(Field::ChannelSpend(id), &channel.spend, parse_non_negative);
                let revenue = read(
                    Field::ChannelRevenue(id),
                    &channel.revenue,
                    parse_non_negative,
                );
                let volumes = stages
                    .iter()
                    .map(|stage| {
                        read(
                            Field::ChannelVolume(id, *stage),
                            channel.volume(*stage),
                            parse_non_negative,
                        )
                    })
                    .collect();
                let mut has_bad_rate = false;
                let rates = stages
                    .iter()
                    .take(last)
                    .map(|stage| {
                        let text = channel.rate(*stage);
                        let rate = read(Field::ChannelRate(id, *stage), text, parse_rate);
                        has_bad_rate |= rate.is_none() && !text.trim().is_empty();
                        rate.and_then(|percent| Rate::from_percent(percent).ok())
                    })
                    .collect();
                ChannelInputs {
                    id,
                    name: channel.name.trim().to_owned(),
                    share,
                    spend,
                    revenue,
                    volumes,
                    rates,
                    has_bad_rate,
                }
            })
            .collect()
    }

    /// Reads every field for a funnel whose stages are `stages`, top to bottom. Fields that are
    /// empty are `None`; fields that cannot be read are `None` too, with their error listed.
    pub fn check(&self, stages: &[StageId], symbols: NumberSymbols) -> MarketingInputs {
        let mut errors: Vec<FieldError> = duplicates(&self.names())
            .into_iter()
            .filter_map(|index| self.channels.get(index))
            .map(|channel| FieldError {
                field: Field::ChannelName(channel.id),
                error: InputError::ChannelNameDuplicate,
            })
            .collect();
        let budget_per_year = self.budget_per_year(symbols, &mut errors);
        let channels = self.channel_inputs(stages, symbols, &mut errors);
        let mut read = |field: Field, text: &str, parse: Parser| -> Option<f64> {
            read_field(&mut errors, field, text, parse, symbols)
        };
        let customers_at_start = read(
            Field::CustomersAtStart,
            &self.customers_at_start,
            parse_non_negative,
        );
        let customers_at_end = read(
            Field::CustomersAtEnd,
            &self.customers_at_end,
            parse_non_negative,
        );
        let customers_new = read(Field::CustomersNew, &self.customers_new, parse_non_negative);
        let gross_margin = read(Field::GrossMargin, &self.gross_margin, parse_share)
            .and_then(|percent| Share::from_percent(percent).ok());
        let lifetime_years = match self.lifetime_kind {
            LifetimeKind::Years => read(Field::LifetimeYears, &self.lifetime_years, parse_positive)
                .map(Lifetime::Years),
            LifetimeKind::Churn => read(Field::Churn, &self.churn, parse_rate)
                .and_then(|percent| Share::from_percent(percent).ok())
                .map(|churn| Lifetime::Churn { churn }),
        };
        let move_share = read(Field::MovePercent, &self.move_percent, parse_rate)
            .and_then(|percent| Share::from_percent(percent).ok());
        for channel in &channels {
            errors.extend(
                volumes_above_stage(&channel.volumes)
                    .into_iter()
                    .filter_map(|index| stages.get(index))
                    .map(|stage| FieldError {
                        field: Field::ChannelVolume(channel.id, *stage),
                        error: InputError::MoreThanStageAbove,
                    }),
            );
        }
        if Shares::of(&channels).is_over_full() {
            errors.push(FieldError {
                field: Field::ChannelShares,
                error: InputError::SharesOverFull,
            });
        }
        MarketingInputs {
            budget_per_year,
            channels,
            customers_at_start,
            customers_at_end,
            customers_new,
            gross_margin,
            lifetime: lifetime_years,
            move_share,
            errors,
        }
    }
}

/// The indexes of the volumes larger than the nearest volume typed above them (5 customers
/// from 2 opportunities, or 50 SQLs from 10 leads with MQLs empty): a stage is part of the one
/// before it, so one of the two figures is mistyped.
fn volumes_above_stage(volumes: &[Option<f64>]) -> Vec<usize> {
    let mut above: Option<f64> = None;
    let mut found = Vec::new();
    for (index, volume) in volumes.iter().enumerate() {
        let Some(volume) = *volume else { continue };
        if above.is_some_and(|above| volume > above) {
            found.push(index);
        }
        above = Some(volume);
    }
    found
}

/// Shares are compared with 100 % within this tolerance, so 33.33 + 33.33 + 33.34 is full.
pub const SHARE_TOLERANCE: f64 = 1e-9;

/// How much one typed share may be over its exact value by rounding to two decimals of a
/// percent (0.005 %), as a fraction: the typed shares may add up to 100 % plus this for each.
pub const SHARE_ROUNDING: f64 = 0.000_05;

type Parser = fn(&str, NumberSymbols) -> Result<f64, InputError>;

/// A field's number read with `parse`: `None` when empty, or when it cannot be read (its error
/// then listed in `errors`).
fn read_field(
    errors: &mut Vec<FieldError>,
    field: Field,
    text: &str,
    parse: Parser,
    symbols: NumberSymbols,
) -> Option<f64> {
    if text.trim().is_empty() {
        return None;
    }
    match parse(text, symbols) {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push(FieldError { field, error });
            None
        }
    }
}

/// A percent in [0, 100] (a share or a margin), as [`Share::from_percent`] accepts it.
fn parse_share(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let percent = parse_percent(text, symbols)?;
    Share::from_percent(percent).map(|_| percent)
}

/// A percent in (0, 100] (a rate, a churn, a share of spend to move): above 0, since a churn of
/// 0 would make a customer worth forever and moving 0 % of spend is no move.
fn parse_rate(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let percent = parse_percent(text, symbols)?;
    Rate::from_percent(percent).map(Rate::percent)
}

/// How long a customer stays.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lifetime {
    /// Expected lifetime in years (> 0).
    Years(f64),
    /// Customers lost per year, in (0, 1] as a fraction; lifetime = 1 ÷ churn years.
    Churn { churn: Share },
}

impl Lifetime {
    /// Expected lifetime in years.
    pub fn years(self) -> f64 {
        match self {
            Lifetime::Years(years) => years,
            Lifetime::Churn { churn } => 1.0 / churn.fraction(),
        }
    }
}

/// How the typed shares divide the customers goal among the channels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shares {
    /// The typed shares added up.
    pub typed: Share,
    /// How many channels have no share typed.
    pub untyped: usize,
    /// How many channels have a share typed.
    pub typed_count: usize,
    /// The part each of those gets: what the typed shares leave, split evenly (none when nothing
    /// is left or every share is typed).
    pub even: Share,
}

impl Shares {
    /// The shares of `channels`.
    ///
    /// Example: 40 % typed and two channels left empty: each of them gets 30 %.
    pub fn of(channels: &[ChannelInputs]) -> Self {
        let typed: f64 = channels
            .iter()
            .filter_map(|channel| channel.share)
            .map(Share::fraction)
            .sum();
        let untyped = channels
            .iter()
            .filter(|channel| channel.share.is_none())
            .count();
        let even = if untyped == 0 {
            0.0
        } else {
            (1.0 - typed).max(0.0) / untyped as f64
        };
        Self {
            typed: Share::from_fraction(typed),
            untyped,
            typed_count: channels.len().saturating_sub(untyped),
            even: Share::from_fraction(even),
        }
    }

    /// What the typed shares leave of the goal (none when they take it all).
    pub fn left(&self) -> Share {
        // 33.3 + 33.3 + 33.4 % is the whole goal: nothing left, not 0.000000000000011 %.
        let left = 1.0 - self.typed.fraction();
        Share::from_fraction(if left.abs() <= SHARE_TOLERANCE {
            0.0
        } else {
            left
        })
    }

    /// Whether the typed shares add up to more than 100 %, beyond what rounding each typed
    /// share to two decimals can add ([`SHARE_ROUNDING`] each): six shares of 16.67 % (100.02 %)
    /// are a full goal, 101 % is over. Nothing is split across channels while this holds.
    pub fn is_over_full(&self) -> bool {
        self.typed.fraction() > 1.0 + SHARE_TOLERANCE + self.typed_count as f64 * SHARE_ROUNDING
    }

    /// What each typed share is multiplied by so the shares never assign more than the goal:
    /// 1 ÷ the total when the typed shares add up to just over 100 % by rounding (100.02 % → each
    /// × 1 ÷ 1.0002), else 1.
    ///
    /// Example: six shares of 16.67 % add up to 1.0002; each splits 0.1667 ÷ 1.0002 = 1/6.
    pub fn scale(&self) -> f64 {
        if self.typed.fraction() > 1.0 && !self.is_over_full() {
            1.0 / self.typed.fraction()
        } else {
            1.0
        }
    }
}

/// One channel's figures as read: `None` where nothing (or nothing valid) was typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelInputs {
    pub id: ChannelId,
    /// The name as typed, trimmed (may be empty).
    pub name: String,
    /// Share of the customers goal, when typed.
    pub share: Option<Share>,
    /// Spend in the channel's period (≥ 0).
    pub spend: Option<f64>,
    /// Revenue attributed in the same period (≥ 0).
    pub revenue: Option<f64>,
    /// Volume at each funnel stage, top to bottom (≥ 0).
    pub volumes: Vec<Option<f64>>,
    /// The channel's own rate from each stage into the next, top to bottom, as typed; `None`
    /// uses the rate its volumes give, else the plan's ([`ChannelInputs::rate_into_next`]).
    pub rates: Vec<Option<Rate>>,
    /// Whether an own rate was typed but cannot be read (the channel's targets then wait).
    pub has_bad_rate: bool,
}

/// Where a channel's rate from one stage into the next comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateSource {
    /// Typed for the channel.
    Typed,
    /// The channel's own volumes: volume at the next stage ÷ volume at this one.
    Volumes,
    /// The plan's rate (the channel has neither).
    Plan,
}

impl ChannelInputs {
    /// The rate the channel's volumes give from stage `from` into the next (volume there ÷
    /// volume at `from`), when both are typed, above 0, and the next is not above `from`
    /// (a larger figure below is a typing mistake the page points out, not a rate).
    ///
    /// Example: 400 leads from 20,000 visits is 2 %.
    pub fn rate_from_volumes(&self, from: usize) -> Option<Rate> {
        let volume = |index: usize| self.volumes.get(index).copied().flatten();
        let (this, next) = (volume(from)?, volume(from + 1)?);
        if this > 0.0 && next <= this {
            Rate::from_percent(crate::model::to_percent(next / this)).ok()
        } else {
            None
        }
    }

    /// The rate the channel converts at from stage `from` into the next, and whose it is: its
    /// own typed rate, else the one its volumes give ([`Self::rate_from_volumes`]), else
    /// `plan_rate` (`None` when the plan has no rate there either).
    pub fn rate_into_next(
        &self,
        from: usize,
        plan_rate: Option<Rate>,
    ) -> Option<(Rate, RateSource)> {
        if let Some(rate) = self.rates.get(from).copied().flatten() {
            return Some((rate, RateSource::Typed));
        }
        if let Some(rate) = self.rate_from_volumes(from) {
            return Some((rate, RateSource::Volumes));
        }
        plan_rate.map(|rate| (rate, RateSource::Plan))
    }

    /// Whether any figure a KPI uses is known: spend, revenue or a volume.
    pub fn has_figures(&self) -> bool {
        self.spend.is_some() || self.revenue.is_some() || self.volumes.iter().any(Option::is_some)
    }
}

/// The marketing side, read field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketingInputs {
    /// Marketing budget for the plan year (a monthly budget × 12).
    pub budget_per_year: Option<f64>,
    pub channels: Vec<ChannelInputs>,
    /// Retention inputs, for the period the person chose.
    pub customers_at_start: Option<f64>,
    pub customers_at_end: Option<f64>,
    pub customers_new: Option<f64>,
    /// Gross margin on revenue.
    pub gross_margin: Option<Share>,
    /// Expected customer lifetime.
    pub lifetime: Option<Lifetime>,
    /// The part of the worst channel's spend to move, above 0.
    pub move_share: Option<Share>,
    /// Every field that could not be read, with why.
    pub errors: Vec<FieldError>,
}
