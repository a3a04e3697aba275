//! The annual plan as typed: last year's figures, the year's goal and what existing customers
//! bring, the industry for benchmark ranges, and the objectives. Every number is kept as the
//! text typed (in the language [`AnnualDraft::typed_in`] names), so nothing typed is lost; this
//! module reads them into the values of its submodules (`last_year`, `goal`, `objectives`) with
//! an error per field.
//!
//! A plan keeps its annual plan as one JSON text (`PlanDraft::annual`): only the Annual plan
//! page reads and writes it, so the other pages carry none of this. It names its fields once
//! for the one codec of a page's own data ([`PageData`]), whose `version` is this shape's own.
//!
//! Units: as in `last_year` and `goal` (counts per year, money per year, MRR per month); growth,
//! churn and parts of last year are typed as percents and read as fractions.

pub mod goal;
pub mod last_year;
pub mod objectives;

use serde_json::Value;

use crate::model::json::{list, object, text_of};
use crate::model::page_data::{
    index, stage, tag, tags, typed_in_field, Fields, Number, PageData, Slot, Tag, Walk,
};

use crate::model::annual::goal::{Existing, ExistingRevenue, GoalTarget, Recurring};
use crate::model::annual::last_year::LastYear;
use crate::model::annual::objectives::{MetricGroup, Objective, Unit};
use crate::model::benchmarks::Industry;
use crate::model::forecast::team::TeamDraft;
use crate::model::number::{parse_non_negative, parse_percent, parse_positive};
use crate::model::results::{MONTHS, QUARTERS};
use crate::model::{InputError, Lang, NumberSymbols, PlanDraft, Share, StageId};

/// The latest version of the annual plan's own shape, which this build reads (it writes 1 while
/// the plan has no sales team, see [`AnnualDraft`]'s `version`).
pub const ANNUAL_VERSION: u32 = 2;

tags!(GoalMode {
    Revenue => "revenue",
    Growth => "growth",
    NewCustomers => "new_customers",
    Mrr => "mrr",
    Arr => "arr",
});
tags!(IndustryTag {
    Software => "software",
    ProfessionalServices => "professional_services",
    Manufacturing => "manufacturing",
    Ecommerce => "ecommerce",
    FinancialServices => "financial_services",
    Healthcare => "healthcare",
    Other => "other",
});
tags!(GroupTag {
    Value => "value",
    Efficiency => "efficiency",
    Response => "response",
    Activity => "activity",
});
tags!(UnitTag {
    Count => "count",
    Percent => "percent",
    Money => "money",
});

/// The most objectives a plan keeps.
pub const MAX_OBJECTIVES: usize = 30;

/// The annual plan, every number as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnualDraft {
    /// The language tag whose number format the texts are typed in (`"pl"`: `1,5`).
    pub typed_in: String,
    /// Last year, as typed.
    pub last_year: LastYearDraft,
    /// The year's goal.
    pub goal: GoalDraft,
    /// What existing customers will bring this year.
    pub existing: ExistingDraft,
    /// The industry whose benchmark ranges are shown.
    pub industry: IndustryTag,
    /// The objectives, in the order shown.
    pub objectives: Vec<ObjectiveDraft>,
    /// The sales team the plan needs: its roles' capacities, ramps, heads and costs.
    pub team: TeamDraft,
}

impl Default for AnnualDraft {
    fn default() -> Self {
        Self {
            typed_in: Lang::English.tag().to_owned(),
            last_year: LastYearDraft::default(),
            goal: GoalDraft::default(),
            existing: ExistingDraft::default(),
            industry: IndustryTag::Other,
            objectives: Vec::new(),
            team: TeamDraft::default(),
        }
    }
}

/// Last year's figures as typed (each may be empty).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LastYearDraft {
    /// Each stage's total for last year (a count per year), by the plan's stage id.
    pub stages: Vec<StageTotal>,
    /// Marketing spend last year (money).
    pub spend: String,
    /// Revenue last year from every customer (money).
    pub revenue: String,
    /// The part of that revenue new customers brought (money).
    pub new_customer_revenue: String,
}

/// One stage's total last year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StageTotal {
    pub stage: u32,
    pub total: String,
}

/// What the year's goal is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GoalMode {
    /// Revenue for the year from every customer.
    #[default]
    Revenue,
    /// Growth over last year's revenue, in percent.
    Growth,
    /// A number of new customers.
    NewCustomers,
    /// Monthly recurring revenue to reach by the end of the year.
    Mrr,
    /// Annual recurring revenue to reach by the end of the year.
    Arr,
}

impl GoalMode {
    /// Every mode, in the order a list shows them.
    pub const ALL: [GoalMode; 5] = [
        GoalMode::Revenue,
        GoalMode::Growth,
        GoalMode::NewCustomers,
        GoalMode::Mrr,
        GoalMode::Arr,
    ];

    /// Whether the goal is recurring revenue (it then has churn and MRR per customer).
    pub fn is_recurring(self) -> bool {
        matches!(self, GoalMode::Mrr | GoalMode::Arr)
    }

    /// Whether existing customers' revenue counts (revenue and growth goals).
    pub fn counts_existing(self) -> bool {
        matches!(self, GoalMode::Revenue | GoalMode::Growth)
    }
}

/// The goal's fields as typed; only those of [`GoalDraft::mode`] count, the others are kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoalDraft {
    pub mode: GoalMode,
    /// Revenue for the year from every customer (money).
    pub revenue: String,
    /// Growth over last year's revenue (percent; may be negative).
    pub growth: String,
    /// New customers for the year (count).
    pub new_customers: String,
    /// The recurring revenue to reach by the end of the year (MRR or ARR, money).
    pub recurring: String,
    /// Recurring revenue at the start of the year (MRR, money per month).
    pub current_mrr: String,
    /// Monthly churn (percent of recurring revenue lost each month).
    pub churn: String,
    /// Recurring revenue one new customer brings (MRR, money per month).
    pub mrr_per_customer: String,
}

/// One part of existing customers' revenue: an amount, or a percent of last year's revenue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExistingPart {
    pub text: String,
    /// Whether [`ExistingPart::text`] is a percent of last year's revenue (else an amount).
    pub is_percent: bool,
}

/// What existing customers will bring, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExistingDraft {
    pub retained: ExistingPart,
    pub upsell: ExistingPart,
    pub cross_sell: ExistingPart,
}

/// Which part of existing customers' revenue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Retained,
    Upsell,
    CrossSell,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Retained, Part::Upsell, Part::CrossSell];
}

impl ExistingDraft {
    pub fn part(&self, part: Part) -> &ExistingPart {
        match part {
            Part::Retained => &self.retained,
            Part::Upsell => &self.upsell,
            Part::CrossSell => &self.cross_sell,
        }
    }

    pub fn part_mut(&mut self, part: Part) -> &mut ExistingPart {
        match part {
            Part::Retained => &mut self.retained,
            Part::Upsell => &mut self.upsell,
            Part::CrossSell => &mut self.cross_sell,
        }
    }
}

/// The industry as written in the annual plan's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IndustryTag {
    Software,
    ProfessionalServices,
    Manufacturing,
    Ecommerce,
    FinancialServices,
    Healthcare,
    #[default]
    Other,
}

impl From<IndustryTag> for Industry {
    fn from(tag: IndustryTag) -> Self {
        match tag {
            IndustryTag::Software => Industry::Software,
            IndustryTag::ProfessionalServices => Industry::ProfessionalServices,
            IndustryTag::Manufacturing => Industry::Manufacturing,
            IndustryTag::Ecommerce => Industry::Ecommerce,
            IndustryTag::FinancialServices => Industry::FinancialServices,
            IndustryTag::Healthcare => Industry::Healthcare,
            IndustryTag::Other => Industry::Other,
        }
    }
}

impl From<Industry> for IndustryTag {
    fn from(industry: Industry) -> Self {
        match industry {
            Industry::Software => IndustryTag::Software,
            Industry::ProfessionalServices => IndustryTag::ProfessionalServices,
            Industry::Manufacturing => IndustryTag::Manufacturing,
            Industry::Ecommerce => IndustryTag::Ecommerce,
            Industry::FinancialServices => IndustryTag::FinancialServices,
            Industry::Healthcare => IndustryTag::Healthcare,
            Industry::Other => IndustryTag::Other,
        }
    }
}

/// A metric's group as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupTag {
    #[default]
    Value,
    Efficiency,
    Response,
    Activity,
}

impl GroupTag {
    pub const ALL: [GroupTag; 4] = [
        GroupTag::Value,
        GroupTag::Efficiency,
        GroupTag::Response,
        GroupTag::Activity,
    ];

    pub fn group(self) -> MetricGroup {
        match self {
            GroupTag::Value => MetricGroup::Value,
            GroupTag::Efficiency => MetricGroup::Efficiency,
            GroupTag::Response => MetricGroup::Response,
            GroupTag::Activity => MetricGroup::Activity,
        }
    }

    /// How `group` is written.
    pub fn of(group: MetricGroup) -> Self {
        match group {
            MetricGroup::Value => GroupTag::Value,
            MetricGroup::Efficiency => GroupTag::Efficiency,
            MetricGroup::Response => GroupTag::Response,
            MetricGroup::Activity => GroupTag::Activity,
        }
    }
}

/// A metric's unit as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitTag {
    #[default]
    Count,
    Percent,
    Money,
}

impl UnitTag {
    pub const ALL: [UnitTag; 3] = [UnitTag::Count, UnitTag::Percent, UnitTag::Money];

    /// How a value in this unit is read: a percent from 0 to 100 as a fraction, a count or an
    /// amount of money as 0 or more.
    fn parser(self) -> fn(&str, NumberSymbols) -> Result<f64, InputError> {
        match self {
            UnitTag::Percent => part_percent,
            UnitTag::Count | UnitTag::Money => parse_non_negative,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            UnitTag::Count => Unit::Count,
            UnitTag::Percent => Unit::Percent,
            UnitTag::Money => Unit::Money,
        }
    }
}

/// One objective as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectiveDraft {
    /// Its id within the plan, for fields and merging (never reused while the plan has it).
    pub id: u32,
    /// The metric's name ("Leads", "Email open rate").
    pub metric: String,
    /// The funnel stage it follows (its count per month), if any: its results then come from
    /// the Results page, and it is linked to the revenue goal.
    pub stage: Option<u32>,
    pub group: GroupTag,
    pub unit: UnitTag,
    /// Where it starts (in its unit; a percent for [`UnitTag::Percent`]).
    pub baseline: String,
    /// Where it should be by the deadline.
    pub target: String,
    /// The month of the plan year it should be reached in (0 = the first).
    pub deadline: Option<usize>,
    /// Who answers for it.
    pub owner: String,
    /// The quarter it is the focus of (0 = the first).
    pub quarter: Option<usize>,
    /// A metric of the person's own: its value each month of the plan year, as typed (12 texts,
    /// empty while not known). A stage's objective takes its values from the results instead.
    pub values: Vec<String>,
}

/// A field of the annual plan, for placing an error next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualField {
    LastYearStage(StageId),
    LastYearSpend,
    LastYearRevenue,
    LastYearNewRevenue,
    GoalRevenue,
    Growth,
    NewCustomers,
    Recurring,
    CurrentMrr,
    Churn,
    MrrPerCustomer,
    Existing(Part),
    Baseline(u32),
    Target(u32),
    Value(u32, usize),
}

/// A field's problem.
pub type AnnualError = (AnnualField, InputError);

/// How a field's text is read into a number (in the units its field states).
type Parser = fn(&str, NumberSymbols) -> Result<f64, InputError>;

/// Reads number fields typed with `symbols`, reporting each field's problem in `errors`.
struct Reading<'e> {
    symbols: NumberSymbols,
    errors: &'e mut Vec<AnnualError>,
}

impl Reading<'_> {
    /// An empty field as `None`, else as [`Self::required`].
    fn optional(&mut self, text: &str, field: AnnualField, parse: Parser) -> Option<f64> {
        if text.trim().is_empty() {
            return None;
        }
        self.required(text, field, parse)
    }

    /// A field that must be typed: its number, or its problem reported.
    fn required(&mut self, text: &str, field: AnnualField, parse: Parser) -> Option<f64> {
        match parse(text, self.symbols) {
            Ok(value) => Some(value),
            Err(error) => {
                self.errors.push((field, error));
                None
            }
        }
    }
}

/// A percent from 0 to 100 (churn, a part of last year), read as a fraction.
fn part_percent(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    Share::from_percent(parse_percent(text, symbols)?).map(Share::fraction)
}

/// A percent from `min` to `max`, read as a fraction: below `min` is the error `below`, above
/// `max` too large.
fn bounded_percent(
    text: &str,
    symbols: NumberSymbols,
    (min, below): (f64, InputError),
    max: f64,
) -> Result<f64, InputError> {
    let percent = parse_percent(text, symbols)?;
    if percent < min {
        return Err(below);
    }
    if percent > max {
        return Err(InputError::TooLarge);
    }
    Ok(percent / 100.0)
}

/// A percent that may exceed 100 (a part of last year kept as upsell can, in principle), ≥ 0.
fn positive_percent(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    bounded_percent(text, symbols, (0.0, InputError::Negative), 1_000.0)
}

/// Growth in percent, −100 or more, read as a fraction.
fn growth_percent(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    bounded_percent(
        text,
        symbols,
        (-100.0, InputError::PercentOutOfRange),
        10_000.0,
    )
}

/// A churn below 100 % per month, read as a fraction.
fn churn_percent(text: &str, symbols: NumberSymbols) -> Result<f64, InputError> {
    let churn = part_percent(text, symbols)?;
    if churn >= 1.0 {
        return Err(InputError::PercentOutOfRange);
    }
    Ok(churn)
}

impl PageData for AnnualDraft {
    const VERSION: u32 = ANNUAL_VERSION;

    /// Version 2 adds the sales team: an annual plan without one is written as version 1, as
    /// before, and one with a team as version 2, which an earlier build refuses as newer (it
    /// would drop the team on its next save) instead of editing it.
    fn version(&self) -> u32 {
        if self.team.is_blank() {
            1
        } else {
            ANNUAL_VERSION
        }
    }
    const SLOT: Slot = Slot::Annual;

    fn fields(&mut self, walk: &mut dyn Walk) {
        let last_year = &mut self.last_year;
        walk.object("last_year", &mut |walk| {
            walk.list("stages", &mut last_year.stages, usize::MAX);
            walk.text("spend", &mut last_year.spend, Number::Amount);
            walk.text("revenue", &mut last_year.revenue, Number::Amount);
            let new_revenue = &mut last_year.new_customer_revenue;
            walk.text("new_customer_revenue", new_revenue, Number::Amount);
        });
        let goal = &mut self.goal;
        walk.object("goal", &mut |walk| {
            tag(walk, "mode", &mut goal.mode);
            walk.text("revenue", &mut goal.revenue, Number::Amount);
            walk.text("growth", &mut goal.growth, Number::Percent);
            walk.text("new_customers", &mut goal.new_customers, Number::Amount);
            walk.text("recurring", &mut goal.recurring, Number::Amount);
            walk.text("current_mrr", &mut goal.current_mrr, Number::Amount);
            walk.text("churn", &mut goal.churn, Number::Percent);
            walk.text(
                "mrr_per_customer",
                &mut goal.mrr_per_customer,
                Number::Amount,
            );
        });
        let existing = &mut self.existing;
        walk.object("existing", &mut |walk| {
            for (key, part) in [
                ("retained", &mut existing.retained),
                ("upsell", &mut existing.upsell),
                ("cross_sell", &mut existing.cross_sell),
            ] {
                walk.object(key, &mut |walk| part.fields(walk));
            }
        });
        tag(walk, "industry", &mut self.industry);
        walk.list("objectives", &mut self.objectives, MAX_OBJECTIVES);
        // Added in version 2: left out while blank, so such a text is the version 1 it was.
        if !(walk.leaves_out_blank() && self.team.is_blank()) {
            let team = &mut self.team;
            walk.object("team", &mut |walk| team.fields(walk));
        }
    }

    /// A stage's total left empty.
    fn drop_blank_entries(&mut self) {
        let stages = &mut self.last_year.stages;
        stages.retain(|entry| !entry.total.trim().is_empty());
    }

    typed_in_field!();
}

impl Fields for StageTotal {
    fn fields(&mut self, walk: &mut dyn Walk) {
        walk.id("stage", &mut self.stage);
        walk.text("total", &mut self.total, Number::Amount);
    }
}

impl Fields for ExistingPart {
    fn fields(&mut self, walk: &mut dyn Walk) {
        let number = if self.is_percent {
            Number::Percent
        } else {
            Number::Amount
        };
        walk.text("text", &mut self.text, number);
        walk.flag("is_percent", &mut self.is_percent);
    }
}

impl Fields for ObjectiveDraft {
    fn fields(&mut self, walk: &mut dyn Walk) {
        walk.id("id", &mut self.id);
        walk.text("metric", &mut self.metric, Number::No);
        stage(walk, "stage", &mut self.stage);
        tag(walk, "group", &mut self.group);
        tag(walk, "unit", &mut self.unit);
        let number = if self.unit == UnitTag::Percent {
            Number::Percent
        } else {
            Number::Amount
        };
        walk.text("baseline", &mut self.baseline, number);
        walk.text("target", &mut self.target, number);
        index(walk, "deadline", &mut self.deadline, MONTHS);
        walk.text("owner", &mut self.owner, Number::No);
        index(walk, "quarter", &mut self.quarter, QUARTERS);
        walk.texts("values", &mut self.values, number, MONTHS);
    }
}

impl AnnualDraft {
    /// The text typed as last year's total of stage `id` ("" when none).
    pub fn stage_total(&self, id: StageId) -> &str {
        self.last_year
            .stages
            .iter()
            .find(|entry| entry.stage == id.0)
            .map_or("", |entry| entry.total.as_str())
    }

    /// Sets last year's total of stage `id`.
    pub fn set_stage_total(&mut self, id: StageId, text: String) {
        match self
            .last_year
            .stages
            .iter_mut()
            .find(|entry| entry.stage == id.0)
        {
            Some(entry) => entry.total = text,
            None => self.last_year.stages.push(StageTotal {
                stage: id.0,
                total: text,
            }),
        }
    }

    /// Last year read for the plan's stages (`stages`, top to bottom), with the problems of the
    /// fields typed.
    pub fn last_year(&self, stages: &[StageId]) -> (LastYear, Vec<AnnualError>) {
        let mut errors = Vec::new();
        let mut reading = self.reading(&mut errors);
        let mut money = |text: &str, field| reading.optional(text, field, parse_non_negative);
        let stage_totals = stages
            .iter()
            .map(|id| money(self.stage_total(*id), AnnualField::LastYearStage(*id)))
            .collect();
        let draft = &self.last_year;
        let spend = money(&draft.spend, AnnualField::LastYearSpend);
        let revenue = money(&draft.revenue, AnnualField::LastYearRevenue);
        let mut new_customer_revenue =
            money(&draft.new_customer_revenue, AnnualField::LastYearNewRevenue);
        // New customers' revenue is part of the whole: more than it is a typing mistake, and
        // neither figure is used until one is corrected (the field says so).
        if let (Some(part), Some(whole)) = (new_customer_revenue, revenue) {
            if part > whole {
                errors.push((
                    AnnualField::LastYearNewRevenue,
                    InputError::MoreThanTotalRevenue,
                ));
                new_customer_revenue = None;
            }
        }
        (
            LastYear {
                stage_totals,
                spend,
                revenue,
                new_customer_revenue,
            },
            errors,
        )
    }

    /// The goal read from its mode's fields, or the problems of those fields.
    pub fn target(&self) -> Result<GoalTarget, Vec<AnnualError>> {
        let goal = &self.goal;
        let mut errors = Vec::new();
        let mut read = self.reading(&mut errors);
        let target = match goal.mode {
            GoalMode::Revenue => read
                .required(&goal.revenue, AnnualField::GoalRevenue, parse_positive)
                .map(GoalTarget::Revenue),
            GoalMode::Growth => read
                .required(&goal.growth, AnnualField::Growth, growth_percent)
                .map(GoalTarget::Growth),
            GoalMode::NewCustomers => read
                .required(
                    &goal.new_customers,
                    AnnualField::NewCustomers,
                    parse_positive,
                )
                .map(GoalTarget::NewCustomers),
            GoalMode::Mrr | GoalMode::Arr => {
                let target = read.required(&goal.recurring, AnnualField::Recurring, parse_positive);
                let current = read.optional(
                    &goal.current_mrr,
                    AnnualField::CurrentMrr,
                    parse_non_negative,
                );
                let churn = read.optional(&goal.churn, AnnualField::Churn, churn_percent);
                let per_customer = read.required(
                    &goal.mrr_per_customer,
                    AnnualField::MrrPerCustomer,
                    parse_positive,
                );
                let has_errors = !read.errors.is_empty();
                match (target, per_customer) {
                    (Some(target), Some(mrr_per_customer)) if !has_errors => {
                        Some(GoalTarget::Recurring {
                            kind: if goal.mode == GoalMode::Mrr {
                                Recurring::Monthly
                            } else {
                                Recurring::Annual
                            },
                            target,
                            current_mrr: current.unwrap_or(0.0),
                            monthly_churn: churn.unwrap_or(0.0),
                            mrr_per_customer,
                        })
                    }
                    _ => None,
                }
            }
        };
        match target {
            Some(target) if errors.is_empty() => Ok(target),
            _ => Err(errors),
        }
    }

    /// What existing customers bring, with the problems of the parts typed.
    pub fn existing(&self) -> (ExistingRevenue, Vec<AnnualError>) {
        let mut errors = Vec::new();
        let mut reading = self.reading(&mut errors);
        let mut read = |part: Part| {
            let draft = self.existing.part(part);
            let (parse, existing): (Parser, fn(f64) -> Existing) = if draft.is_percent {
                (positive_percent, Existing::OfLastYear)
            } else {
                (parse_non_negative, Existing::Amount)
            };
            let field = AnnualField::Existing(part);
            reading.optional(&draft.text, field, parse).map(existing)
        };
        let existing = ExistingRevenue {
            retained: read(Part::Retained),
            upsell: read(Part::Upsell),
            cross_sell: read(Part::CrossSell),
        };
        (existing, errors)
    }

    /// Reads its number fields in the language they are typed in, reporting into `errors`.
    fn reading<'e>(&self, errors: &'e mut Vec<AnnualError>) -> Reading<'e> {
        Reading {
            symbols: self.lang().symbols(),
            errors,
        }
    }

    /// A new objective's id: one above every id in use.
    pub fn next_objective_id(&self) -> u32 {
        self.objectives
            .iter()
            .map(|objective| objective.id)
            .max()
            .map_or(1, |id| id.saturating_add(1))
    }

    /// Whether another objective can be added.
    pub fn can_add_objective(&self) -> bool {
        self.objectives.len() < MAX_OBJECTIVES
    }
}

impl ObjectiveDraft {
    /// The value typed for `month` ("" when none).
    pub fn value(&self, month: usize) -> &str {
        self.values.get(month).map_or("", String::as_str)
    }

    /// Sets the value of `month` (a month of the plan year).
    pub fn set_value(&mut self, month: usize, text: String) {
        if month >= MONTHS {
            return;
        }
        if self.values.len() < MONTHS {
            self.values.resize(MONTHS, String::new());
        }
        if let Some(slot) = self.values.get_mut(month) {
            *slot = text;
        }
    }

    /// The objective as the model checks it: `reach` is the most the metric is known to reach
    /// (in its unit, fraction for a percent), `feeds_funnel` whether it is linked to a stage.
    /// Percents are read as fractions. The problems of its typed figures are reported.
    pub fn objective(
        &self,
        symbols: NumberSymbols,
        reach: Option<f64>,
        errors: &mut Vec<AnnualError>,
    ) -> Objective {
        let parse = self.unit.parser();
        let mut reading = Reading { symbols, errors };
        let baseline = reading.optional(&self.baseline, AnnualField::Baseline(self.id), parse);
        let target = reading.optional(&self.target, AnnualField::Target(self.id), parse);
        Objective {
            metric: self.metric.trim().to_owned(),
            group: self.group.group(),
            unit: self.unit.unit(),
            baseline,
            target,
            deadline: self.deadline,
            owner: self.owner.trim().to_owned(),
            quarter: self.quarter.filter(|quarter| *quarter < QUARTERS),
            feeds_funnel: self.stage.is_some(),
            reach,
        }
    }

    /// This metric's values typed month by month (a fraction for a percent), `None` where empty
    /// or unreadable (reported).
    pub fn typed_values(
        &self,
        symbols: NumberSymbols,
        errors: &mut Vec<AnnualError>,
    ) -> Vec<Option<f64>> {
        let mut reading = Reading { symbols, errors };
        (0..MONTHS)
            .map(|month| {
                let field = AnnualField::Value(self.id, month);
                reading.optional(self.value(month), field, self.unit.parser())
            })
            .collect()
    }
}

/// What another page needs of the annual plan kept in `plan` to rank its rates: the industry
/// picked (for the typical ranges), last year's totals at `stages` (top to bottom; so its rates)
/// and its revenue from new customers (so its revenue per new customer), read
/// from the annual plan's text without the rest of it (so the Forecast page carries no more of
/// this module). `Other` and no rates when there is no annual plan or it cannot be read.
pub fn industry_and_last_year(plan: &PlanDraft, stages: &[StageId]) -> (Industry, LastYear) {
    let Some(map) = serde_json::from_str::<Value>(&plan.annual)
        .ok()
        .and_then(|value| value.as_object().cloned())
    else {
        return (Industry::Other, LastYear::default());
    };
    let symbols = Lang::from_tag(&text_of(&map, "typed_in"))
        .unwrap_or(Lang::English)
        .symbols();
    let last_year_map = object(&map, "last_year");
    let totals: Vec<StageTotal> = list(last_year_map, "stages")
        .filter_map(|entry| {
            Some(StageTotal {
                stage: u32::try_from(entry.get("stage")?.as_u64()?).ok()?,
                total: text_of(entry, "total"),
            })
        })
        .collect();
    let stage_totals = stages
        .iter()
        .map(|id| {
            let total = totals.iter().find(|entry| entry.stage == id.0)?;
            parse_non_negative(&total.total, symbols).ok()
        })
        .collect();
    let amount = |key| parse_non_negative(&text_of(last_year_map, key), symbols).ok();
    // As `AnnualDraft::last_year` reads it: more than the whole revenue is a typing mistake, and
    // is not used until corrected.
    let revenue = amount("revenue");
    let new_customer_revenue =
        amount("new_customer_revenue").filter(|part| revenue.is_none_or(|whole| *part <= whole));
    let last_year = LastYear {
        stage_totals,
        revenue,
        new_customer_revenue,
        ..LastYear::default()
    };
    (
        IndustryTag::from_tag(&text_of(&map, "industry")).into(),
        last_year,
    )
}
