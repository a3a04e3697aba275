//! The plan as the person typed it: every number is kept as text, so nothing typed is lost even
//! while it is not (yet) a valid number. `validate` turns a draft into a [`Plan`] or into a list
//! of field errors, each naming the field it belongs next to.

use crate::model::marketing::{ChannelId, MarketingDraft};
use crate::model::number::{
    format_typed, parse_non_negative, parse_percent, parse_positive, retype, NumberSymbols,
};
use crate::model::results::TrackingDraft;
use crate::model::{
    Currency, Funnel, FunnelError, Goal, InputError, Lang, Plan, Rate, MAX_STAGES, MIN_STAGES,
};

/// Which kind of goal the plan is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GoalKind {
    /// An annual revenue goal.
    #[default]
    Revenue,
    /// A number of new customers per year.
    NewCustomers,
}

/// Identifies a stage for as long as it exists, whatever its name or position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StageId(pub u32);

/// One stage as typed: its name and the rate into the next stage, in percent, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDraft {
    /// Stable identity (for lists and field ids).
    pub id: StageId,
    /// The stage's name, e.g. "Visits".
    pub name: String,
    /// Percent of this stage that reaches the next one, as typed (e.g. "1.5"). Unused on the last
    /// stage but kept, so moving a stage never loses what was typed.
    pub rate_to_next: String,
}

/// The plan as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDraft {
    /// What the marketer calls this plan.
    pub name: String,
    /// Which goal field counts.
    pub goal_kind: GoalKind,
    /// Revenue goal per year, as typed.
    pub revenue_goal: String,
    /// New customers per year, as typed.
    pub new_customers_goal: String,
    /// Average revenue per new customer, as typed.
    pub average_revenue_per_customer: String,
    /// Stages, top to bottom.
    pub stages: Vec<StageDraft>,
    /// Current volume at the top stage per month (for the forward check), as typed; may be empty.
    pub current_top_per_month: String,
    /// Budget, channels and the inputs of the KPIs.
    pub marketing: MarketingDraft,
    /// The currency of every amount, as typed (an ISO 4217 code such as `EUR`); see
    /// [`Self::currency`].
    pub currency: String,
    /// The language whose number format the texts above are typed in (`1,5` in Polish). A plan
    /// shown in another language is converted with [`Self::retyped`] first.
    pub typed_in: Lang,
    /// The plan year and the results entered month by month.
    pub tracking: TrackingDraft,
    /// The annual plan (last year, the goal's chain, objectives, the sales team's inputs) as its
    /// own JSON text, empty when there is none. Only the Annual plan and Sales team pages read
    /// and write it (`model::annual`); the other pages keep it as it is, so they carry none of
    /// its code.
    pub annual: String,
    /// The forecast (monthly phasing, days per stage, ranges, the seed, the plans compared) as
    /// its own JSON text, empty when there is none. Only the Forecast page reads and writes it
    /// (`model::forecast::draft`); the other pages keep it as it is.
    pub forecast: String,
}

/// A field of the plan form, for placing an error message next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    RevenueGoal,
    NewCustomersGoal,
    AverageRevenuePerCustomer,
    StageName(StageId),
    StageRate(StageId),
    CurrentTopPerMonth,
    /// The stage list as a whole (its count).
    Stages,
    /// The marketing budget.
    Budget,
    /// The plan's currency.
    Currency,
    /// A channel's name.
    ChannelName(ChannelId),
    /// A channel's share of the customers goal.
    ChannelShare(ChannelId),
    /// The channels' shares together (over 100 %).
    ChannelShares,
    /// A channel's spend.
    ChannelSpend(ChannelId),
    /// A channel's attributed revenue.
    ChannelRevenue(ChannelId),
    /// A channel's volume at a stage.
    ChannelVolume(ChannelId, StageId),
    /// A channel's own rate from a stage into the next.
    ChannelRate(ChannelId, StageId),
    /// Retention: customers at the start of the period.
    CustomersAtStart,
    /// Retention: customers at the end of the period.
    CustomersAtEnd,
    /// Retention: new customers during the period.
    CustomersNew,
    /// Gross margin.
    GrossMargin,
    /// Expected customer lifetime in years.
    LifetimeYears,
    /// Customers lost per year.
    Churn,
    /// The share of spend a reallocation moves.
    MovePercent,
}

impl Field {
    /// The channel this field belongs to, for a field of one channel.
    pub fn channel(self) -> Option<ChannelId> {
        match self {
            Self::ChannelName(id)
            | Self::ChannelShare(id)
            | Self::ChannelSpend(id)
            | Self::ChannelRevenue(id)
            | Self::ChannelVolume(id, _)
            | Self::ChannelRate(id, _) => Some(id),
            _ => None,
        }
    }
}

/// An error and the field it belongs next to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub error: InputError,
}

/// The rates of the worked example, in percent: Visits→Leads 1.5, Leads→MQLs 20, MQLs→SQLs 20,
/// SQLs→Opportunities 40, Opportunities→Customers 50.
pub const EXAMPLE_RATES: [f64; 5] = [1.5, 20.0, 20.0, 40.0, 50.0];
/// The worked example's revenue goal per year.
pub const EXAMPLE_REVENUE_GOAL: f64 = 10_000_000.0;
/// The worked example's average revenue per new customer.
pub const EXAMPLE_AVERAGE_REVENUE: f64 = 1_100_000.0;
/// The worked example's new customers per year: its revenue goal over its average revenue,
/// 10,000,000 / 1,100,000 = 9.09, rounded up as every need is.
pub const EXAMPLE_NEW_CUSTOMERS: f64 = 10.0;
/// The rate a newly added stage starts with: 100 % passes every volume through, so adding a stage
/// changes no target until the person types its real rate.
pub const NEW_STAGE_RATE: &str = "100";

impl PlanDraft {
    /// The worked example from the source article: six stages, a 10,000,000 revenue goal and
    /// 1,100,000 per new customer, typed in `lang`'s format and counted in its usual currency.
    /// Names come from the caller so they can be in the person's language: `stage_names` top to
    /// bottom (Visits, Leads, MQLs, SQLs, Opportunities, Customers).
    pub fn example(plan_name: &str, stage_names: [&str; 6], lang: Lang) -> Self {
        let typed = |value: f64| format_typed(value, lang.symbols());
        let stages = stage_names
            .iter()
            .enumerate()
            .map(|(index, name)| StageDraft {
                id: StageId(index as u32 + 1),
                name: (*name).to_owned(),
                rate_to_next: EXAMPLE_RATES
                    .get(index)
                    .map(|rate| typed(*rate))
                    .unwrap_or_default(),
            })
            .collect();
        Self {
            name: plan_name.to_owned(),
            goal_kind: GoalKind::Revenue,
            revenue_goal: typed(EXAMPLE_REVENUE_GOAL),
            new_customers_goal: String::new(),
            average_revenue_per_customer: typed(EXAMPLE_AVERAGE_REVENUE),
            stages,
            current_top_per_month: String::new(),
            marketing: MarketingDraft::default(),
            currency: lang.default_currency().to_owned(),
            typed_in: lang,
            tracking: TrackingDraft::default(),
            annual: String::new(),
            forecast: String::new(),
        }
    }

    /// The same plan with every typed number written in `lang`'s format instead (`1,5` in
    /// Polish for `1.5` in English), in full precision; text that is not a number in the plan's
    /// own format is kept as typed. Names and every other text stay as they are.
    pub fn retyped(mut self, lang: Lang) -> Self {
        let (from, to) = (self.typed_in.symbols(), lang.symbols());
        if from == to {
            self.typed_in = lang;
            return self;
        }
        let amount = |text: &mut String| *text = retype(text, from, to, false);
        amount(&mut self.revenue_goal);
        amount(&mut self.new_customers_goal);
        amount(&mut self.average_revenue_per_customer);
        amount(&mut self.current_top_per_month);
        for stage in &mut self.stages {
            stage.rate_to_next = retype(&stage.rate_to_next, from, to, true);
        }
        self.marketing.retype(from, to);
        self.tracking.retype(from, to);
        self.typed_in = lang;
        self
    }

    /// The plan ready to be shown in `lang`: [`Self::retyped`], and a plan with no currency (one
    /// saved before plans had one) counted in `lang`'s usual currency.
    pub fn settled(self, lang: Lang) -> Self {
        let mut draft = self.retyped(lang);
        if draft.currency.trim().is_empty() {
            draft.currency = lang.default_currency().to_owned();
        }
        draft
    }

    /// The plan's currency, or why the typed code cannot be used.
    pub fn currency(&self) -> Result<Currency, InputError> {
        Currency::parse(&self.currency)
    }

    /// The same plan with its goal and average revenue not typed yet: how a new plan starts, so
    /// that nobody takes the example's figures for their own (the page shows them as
    /// placeholders). The stages and their typical rates stay.
    pub fn without_goal(self) -> Self {
        Self {
            goal_kind: GoalKind::Revenue,
            revenue_goal: String::new(),
            new_customers_goal: String::new(),
            average_revenue_per_customer: String::new(),
            ..self
        }
    }

    /// Whether the average revenue per new customer is still the worked example's (1,100,000),
    /// which the first plan starts with: a figure the person never confirmed, so the annual
    /// plan's chain prefers last year's (see `model::annual::goal::revenue_per_new_customer`).
    pub fn is_average_the_example(&self) -> bool {
        parse_positive(&self.average_revenue_per_customer, self.typed_in.symbols())
            == Ok(EXAMPLE_AVERAGE_REVENUE)
    }

    /// Whether the funnel still has the typical rates a new plan starts with (the worked
    /// example's, top to bottom): the page then says they are typical, not the person's own.
    pub fn has_typical_rates(&self) -> bool {
        let symbols = self.typed_in.symbols();
        self.stages.len() == EXAMPLE_RATES.len() + 1
            && self
                .stages
                .iter()
                .zip(EXAMPLE_RATES)
                .all(|(stage, rate)| parse_percent(&stage.rate_to_next, symbols) == Ok(rate))
    }

    /// Whether another stage may be added (fewer than [`MAX_STAGES`]).
    pub fn can_add_stage(&self) -> bool {
        self.stages.len() < MAX_STAGES
    }

    /// Whether a stage may be removed (more than [`MIN_STAGES`]).
    pub fn can_remove_stage(&self) -> bool {
        self.stages.len() > MIN_STAGES
    }

    /// Adds a stage just above the last stage (customers stay at the bottom), with a 100 % rate so
    /// no target changes until its real rate is typed. It is named `base_name`, or `base_name 2`,
    /// `base_name 3` … if that name is taken. Returns its id, or an error when the funnel already
    /// has [`MAX_STAGES`].
    pub fn add_stage(&mut self, base_name: &str) -> Result<StageId, FunnelError> {
        if !self.can_add_stage() {
            return Err(FunnelError::TooManyStages);
        }
        let id = StageId(next_id(self.stages.iter().map(|stage| stage.id.0)));
        let name = unique_name(base_name, &self.names());
        let stage = StageDraft {
            id,
            name,
            rate_to_next: NEW_STAGE_RATE.to_owned(),
        };
        let at = self.stages.len().saturating_sub(1);
        self.stages.insert(at, stage);
        Ok(id)
    }

    /// Removes a stage, unless only [`MIN_STAGES`] are left. An unknown id changes nothing.
    pub fn remove_stage(&mut self, id: StageId) -> Result<(), FunnelError> {
        if !self.can_remove_stage() {
            return Err(FunnelError::TooFewStages);
        }
        self.stages.retain(|stage| stage.id != id);
        self.marketing.forget_stage(id);
        self.tracking.forget_stage(id);
        Ok(())
    }

    /// Removes a channel and its results.
    pub fn remove_channel(&mut self, id: ChannelId) {
        self.marketing.remove_channel(id);
        self.tracking.forget_channel(id);
    }

    /// Moves a stage one place up (towards the top of the funnel) or down. The stage keeps its
    /// typed rate. Moving past either end, or an unknown id, changes nothing.
    pub fn move_stage(&mut self, id: StageId, is_up: bool) {
        let Some(index) = self.position(id) else {
            return;
        };
        let other = if is_up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        if let Some(other) = other.filter(|other| *other < self.stages.len()) {
            self.stages.swap(index, other);
        }
    }

    /// Where the stage with `id` stands, top = 0.
    pub fn position(&self, id: StageId) -> Option<usize> {
        self.stages.iter().position(|stage| stage.id == id)
    }

    /// The stage with `id`.
    pub fn stage(&self, id: StageId) -> Option<&StageDraft> {
        self.stages.iter().find(|stage| stage.id == id)
    }

    /// The stage with `id`, to edit it.
    pub fn stage_mut(&mut self, id: StageId) -> Option<&mut StageDraft> {
        self.stages.iter_mut().find(|stage| stage.id == id)
    }

    /// The name of the stage below the one with `id`, or `None` for the last stage.
    pub fn next_stage_name(&self, id: StageId) -> Option<&str> {
        let index = self.position(id)?;
        self.stages.get(index + 1).map(|stage| stage.name.as_str())
    }

    /// Checks every field and builds the plan, or returns every problem found, each with its field.
    /// The forward check's current volume is not part of the plan: see [`Self::current_top`].
    pub fn validate(&self, symbols: NumberSymbols) -> Result<Plan, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut check = |field: Field, result: Result<f64, InputError>| match result {
            Ok(value) => Some(value),
            Err(error) => {
                errors.push(FieldError { field, error });
                None
            }
        };
        let goal = match self.goal_kind {
            GoalKind::Revenue => check(
                Field::RevenueGoal,
                parse_positive(&self.revenue_goal, symbols),
            )
            .map(Goal::Revenue),
            GoalKind::NewCustomers => check(
                Field::NewCustomersGoal,
                parse_positive(&self.new_customers_goal, symbols),
            )
            .map(Goal::NewCustomers),
        };
        // With a goal of new customers the average is optional: counts need no money, and
        // only the revenue figures wait for it.
        let is_average_optional = self.goal_kind == GoalKind::NewCustomers
            && self.average_revenue_per_customer.trim().is_empty();
        let average = if is_average_optional {
            Some(None)
        } else {
            check(
                Field::AverageRevenuePerCustomer,
                parse_positive(&self.average_revenue_per_customer, symbols),
            )
            .map(Some)
        };

        let last = self.stages.len().saturating_sub(1);
        let mut stages = Vec::with_capacity(self.stages.len());
        let duplicated = duplicates(&self.names());
        for (index, stage) in self.stages.iter().enumerate() {
            let name = stage.name.trim();
            if name.is_empty() {
                errors.push(FieldError {
                    field: Field::StageName(stage.id),
                    error: InputError::StageNameEmpty,
                });
            } else if duplicated.contains(&index) {
                errors.push(FieldError {
                    field: Field::StageName(stage.id),
                    error: InputError::StageNameDuplicate,
                });
            }
            let rate = if index < last {
                match parse_percent(&stage.rate_to_next, symbols).and_then(Rate::from_percent) {
                    Ok(rate) => Some(rate),
                    Err(error) => {
                        errors.push(FieldError {
                            field: Field::StageRate(stage.id),
                            error,
                        });
                        None
                    }
                }
            } else {
                None
            };
            stages.push((name.to_owned(), rate));
        }
        // The stage count is kept in range by add/remove; a draft from elsewhere (an import) that
        // breaks it gets no plan, and the form shows the count limits.
        let funnel = match Funnel::new(stages) {
            Ok(funnel) => Some(funnel),
            Err(_) => {
                errors.push(FieldError {
                    field: Field::Stages,
                    error: InputError::StageCount,
                });
                None
            }
        };

        match (goal, average, funnel) {
            (Some(goal), Some(average_revenue_per_customer), Some(funnel)) if errors.is_empty() => {
                Ok(Plan {
                    name: self.name.trim().to_owned(),
                    goal,
                    average_revenue_per_customer,
                    funnel,
                })
            }
            _ => Err(errors),
        }
    }

    /// The stages' names as typed, top to bottom.
    fn names(&self) -> Vec<&str> {
        self.stages
            .iter()
            .map(|stage| stage.name.as_str())
            .collect()
    }

    /// The stages' ids, top to bottom.
    pub fn stage_ids(&self) -> Vec<StageId> {
        self.stages.iter().map(|stage| stage.id).collect()
    }

    /// The forward check's current top-of-funnel volume per month: `None` while the field is
    /// empty (no check asked for), otherwise the value (0 or more) or why it cannot be read.
    pub fn current_top(&self, symbols: NumberSymbols) -> Option<Result<f64, InputError>> {
        if self.current_top_per_month.trim().is_empty() {
            None
        } else {
            Some(parse_non_negative(&self.current_top_per_month, symbols))
        }
    }
}

/// An id none of `taken` has: one more than the largest (1 for none), so ids are never reused
/// while the items they named are listed.
pub(crate) fn next_id(taken: impl Iterator<Item = u32>) -> u32 {
    taken.max().unwrap_or(0).saturating_add(1)
}

/// Whether two names are the same once surrounding spaces and case are set aside.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    fold_name(a) == fold_name(b)
}

/// `name` without surrounding spaces and in lower case, for comparing names.
///
/// Folds the letters of the Latin alphabets the planner's languages write (English, Indonesian,
/// Polish, French: ASCII, Latin-1 and Latin Extended-A, e.g. "ŁÓDŹ" → "łódź", "ÉTÉ" → "été");
/// other scripts are compared as typed. The standard library's `to_lowercase` covers every
/// script, but its tables cost the page about 8 KB.
pub(crate) fn fold_name(name: &str) -> String {
    name.trim().chars().map(fold_letter).collect()
}

fn fold_letter(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // Latin Extended-A pairs capitals with the next code point, from an even one in these
        // two ranges and from an odd one in the others.
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The positions of the names that another one also has (compared by [`same_name`]; empty
/// names never count). Every one of them is flagged, not only the later: the model cannot know
/// which one the person just typed, and blaming the one left alone would mislead.
pub(crate) fn duplicates(names: &[&str]) -> Vec<usize> {
    let folded: Vec<String> = names.iter().map(|name| fold_name(name)).collect();
    folded
        .iter()
        .enumerate()
        .filter(|(index, name)| {
            !name.is_empty()
                && folded
                    .iter()
                    .enumerate()
                    .any(|(other, other_name)| other != *index && other_name == *name)
        })
        .map(|(index, _)| index)
        .collect()
}

/// `base`, or `base 2`, `base 3` … the first that none of `taken` has (by [`same_name`]). An
/// empty `base` stays empty (unnamed items are told apart by their position).
pub(crate) fn unique_name(base: &str, taken: &[&str]) -> String {
    if base.trim().is_empty() {
        return base.to_owned();
    }
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base} {n}")
            }
        })
        .find(|name| !taken.iter().any(|taken| same_name(taken, name)))
        .unwrap_or_default()
}

impl FieldError {
    /// Whether this is the goal or the average revenue not typed yet, as in a new plan: the page
    /// asks for it instead of flagging it as a mistake. Every other empty field is one (a rate
    /// or a stage name cleared by accident).
    pub fn is_awaited(&self) -> bool {
        self.error == InputError::Empty
            && matches!(
                self.field,
                Field::RevenueGoal | Field::NewCustomersGoal | Field::AverageRevenuePerCustomer
            )
    }
}

/// The error for `field` among `errors`, if any.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<InputError> {
    errors
        .iter()
        .find(|error| error.field == field)
        .map(|error| error.error)
}
