//! Reading every version of the written forms: a stored record, an export file, a share link's
//! JSON, version 1's single plan, and a newer version's plan read leniently. Every problem is
//! reported with its field's path; nothing is invented for a field a version did not have (see
//! [`super::migrations`]).

use serde_json::{Map, Value};

use super::migrations::Shape;
use super::shapes::{
    GOAL_NEW_CUSTOMERS, GOAL_REVENUE, LIFETIME_CHURN, LIFETIME_YEARS, PER_MONTH, PER_YEAR,
    RANK_CAC, RANK_ROI, RANK_STAGE, ROW_REVENUE, ROW_SPEND, ROW_STAGE,
};
use super::{
    DecodeError, Expected, ImportError, Problem, Reason, EXPORT_APP, MAX_IMPORT_BYTES,
    SCHEMA_VERSION,
};
use crate::model::library::LINEAGE_LEN;
use crate::model::marketing::{
    BudgetPeriod, ChannelStageDraft, LifetimeKind, RankBy, MAX_CHANNELS,
};
use crate::model::results::{
    ActualCell, CellAt, PlanYear, Row, TrackingDraft, FOCUS_PER_QUARTER, MONTHS, QUARTERS,
};
use crate::model::{
    ChannelDraft, ChannelId, GoalKind, Lang, MarketingDraft, PlanDraft, PlanId, PlanRecord,
    StageDraft, StageId, MAX_STAGES, MIN_STAGES,
};

/// The plan stored by version 1 under its single key, migrated to the current model.
pub fn decode_v1(text: &str) -> Result<PlanDraft, DecodeError> {
    let value = parse(text).map_err(|problem| DecodeError::Damaged(vec![problem]))?;
    let mut reader = Reader::default();
    let draft = match reader.version(&value, "")? {
        Some(1) => reader.envelope(&value, "", 1),
        Some(other) => {
            reader.report("schema_version", Reason::UnknownVersion(other));
            None
        }
        None => None,
    };
    reader.finish(draft).map_err(DecodeError::Damaged)
}

/// One stored plan record, migrated to the current model.
pub fn decode_record(text: &str) -> Result<PlanRecord, DecodeError> {
    let value = parse(text).map_err(|problem| DecodeError::Damaged(vec![problem]))?;
    let mut reader = Reader::default();
    let record = reader.record(&value, "")?;
    reader.finish(record).map_err(DecodeError::Damaged)
}

/// The plans in an imported file of `text`: an export file, or a single stored record. Every
/// problem is reported; nothing is returned unless the whole file reads.
pub fn decode_import(text: &str) -> Result<Vec<PlanRecord>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value = parse(text).map_err(|problem| ImportError::Problems(vec![problem]))?;
    let mut reader = Reader::default();
    let records = match value.as_object() {
        Some(map) if map.contains_key("plans") || map.contains_key("app") => reader.export(&value),
        Some(_) => match reader.record(&value, "") {
            Ok(record) => record.map(|record| vec![record]),
            Err(DecodeError::NewerVersion(version)) => {
                reader.report("schema_version", Reason::NewerVersion(version));
                None
            }
            Err(DecodeError::Damaged(problems)) => {
                reader.problems.extend(problems);
                None
            }
        },
        None => {
            reader.report("", Reason::WrongType(Expected::Object));
            None
        }
    };
    reader.finish(records).map_err(ImportError::Problems)
}

/// The plan in a share link's JSON.
pub fn decode_shared(text: &str) -> Result<PlanDraft, DecodeError> {
    let value = parse(text).map_err(|problem| DecodeError::Damaged(vec![problem]))?;
    let mut reader = Reader::default();
    let draft = match reader.version(&value, "")? {
        Some(version @ 2..=SCHEMA_VERSION) => reader.envelope(&value, "", version),
        Some(other) => {
            reader.report("schema_version", Reason::UnknownVersion(other));
            None
        }
        None => None,
    };
    reader.finish(draft).map_err(DecodeError::Damaged)
}

/// The plan inside a value a newer version wrote, read as far as this version understands it
/// (fields it does not know are ignored), so the person can work on a copy; `None` if even that
/// fails. The value itself is never changed.
pub fn read_newer_copy(text: &str) -> Option<PlanDraft> {
    let value: Value = serde_json::from_str(text).ok()?;
    let plan = value.as_object()?.get("plan")?;
    let mut reader = Reader {
        is_lenient: true,
        ..Reader::default()
    };
    let draft = reader.plan(plan, "plan", SCHEMA_VERSION);
    reader.finish(draft).ok()
}

/// The name of each plan in an export file, in order ("" where a plan has none that reads), so
/// an import problem can say which plan it is in by the name a person knows it by.
pub fn plan_names(text: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let Some(plans) = value.get("plans").and_then(Value::as_array) else {
        return Vec::new();
    };
    plans
        .iter()
        .map(|plan| {
            plan.pointer("/plan/name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

fn parse(text: &str) -> Result<Value, Problem> {
    serde_json::from_str(text).map_err(|error| Problem {
        path: String::new(),
        reason: Reason::NotJson {
            line: error.line(),
            column: error.column(),
        },
    })
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Walks a JSON tree, collecting every problem with its path.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    /// Ignore fields this version does not know (only for reading a newer version's plan).
    is_lenient: bool,
}

impl Reader {
    fn report(&mut self, path: impl Into<String>, reason: Reason) {
        self.problems.push(Problem {
            path: path.into(),
            reason,
        });
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Problem>> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            // A value is only built when its parts read, so problems are never empty here
            // unless a caller forgot to report one; say so rather than return nothing.
            _ if self.problems.is_empty() => Err(vec![Problem {
                path: String::new(),
                reason: Reason::WrongType(Expected::Object),
            }]),
            _ => Err(self.problems),
        }
    }

    /// The object at `path`, reporting fields outside `known`.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.report(path, Reason::WrongType(Expected::Object));
            return None;
        };
        for key in map.keys() {
            if !self.is_lenient && !known.contains(&key.as_str()) {
                self.report(join(path, key), Reason::UnknownField);
            }
        }
        Some(map)
    }

    fn field<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let value = map.get(key);
        if value.is_none() {
            self.report(join(path, key), Reason::Missing);
        }
        value
    }

    fn text(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        match self.field(map, path, key)? {
            Value::String(text) => Some(text.clone()),
            _ => {
                self.report(join(path, key), Reason::WrongType(Expected::Text));
                None
            }
        }
    }

    fn whole(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u64> {
        let value = self.field(map, path, key)?;
        let whole = value.as_u64();
        if whole.is_none() {
            self.report(join(path, key), Reason::WrongType(Expected::WholeNumber));
        }
        whole
    }

    /// A whole number that may be absent or `null`.
    fn optional_whole(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Option<u64>> {
        match map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(_) => self.whole(map, path, key).map(Some),
        }
    }

    /// The schema version of the object `value`, or `None` (reported) when it has none. A
    /// version newer than this build's stops reading at once: nothing else about it can be
    /// judged.
    fn version(&mut self, value: &Value, path: &str) -> Result<Option<u64>, DecodeError> {
        let Some(map) = value.as_object() else {
            self.report(path, Reason::WrongType(Expected::Object));
            return Ok(None);
        };
        match self.whole(map, path, "schema_version") {
            Some(version) if version > SCHEMA_VERSION => Err(DecodeError::NewerVersion(version)),
            version => Ok(version),
        }
    }

    /// `{"schema_version":…,"plan":{…}}` (a version 1 save or a share link).
    fn envelope(&mut self, value: &Value, path: &str, version: u64) -> Option<PlanDraft> {
        let map = self.object(value, path, &["schema_version", "plan"])?;
        let plan = self.field(map, path, "plan")?;
        self.plan(plan, &join(path, "plan"), version)
    }

    /// A stored record of any known version that has records (2 and later).
    fn record(&mut self, value: &Value, path: &str) -> Result<Option<PlanRecord>, DecodeError> {
        let version = match self.version(value, path)? {
            Some(version @ 2..=SCHEMA_VERSION) => version,
            Some(other) => {
                self.report(join(path, "schema_version"), Reason::UnknownVersion(other));
                return Ok(None);
            }
            None => return Ok(None),
        };
        let Some(map) = self.object(
            value,
            path,
            &[
                "schema_version",
                "id",
                "modified",
                "deleted",
                "lineage",
                "plan",
            ],
        ) else {
            return Ok(None);
        };
        let id = match self.field(map, path, "id") {
            Some(Value::String(text)) => {
                let id = PlanId::parse(text);
                if id.is_none() {
                    self.report(join(path, "id"), Reason::WrongType(Expected::PlanId));
                }
                id
            }
            Some(_) => {
                self.report(join(path, "id"), Reason::WrongType(Expected::PlanId));
                None
            }
            None => None,
        };
        let modified_ms = self.whole(map, path, "modified");
        let deleted_ms = self.optional_whole(map, path, "deleted");
        // Bookkeeping for merging two tabs' saves, read leniently: a plan is never set aside
        // for it, and without it a merge falls back to the version the tab last knew.
        let lineage = map
            .get("lineage")
            .and_then(Value::as_array)
            .map(|versions| {
                versions
                    .iter()
                    .filter_map(Value::as_str)
                    .take(LINEAGE_LEN)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let draft = self
            .field(map, path, "plan")
            .and_then(|plan| self.plan(plan, &join(path, "plan"), version));
        Ok(match (id, modified_ms, deleted_ms, draft) {
            (Some(id), Some(modified_ms), Some(deleted_ms), Some(draft)) => Some(PlanRecord {
                id,
                modified_ms,
                deleted_ms,
                draft,
                lineage,
            }),
            _ => None,
        })
    }

    /// An export file: `{"app":"funnel-planner","schema_version":3,"exported":…,"plans":[…]}`
    /// (or 2); each record carries its own version.
    fn export(&mut self, value: &Value) -> Option<Vec<PlanRecord>> {
        let map = self.object(value, "", &["app", "schema_version", "exported", "plans"])?;
        if let Some(app) = self.field(map, "", "app") {
            if app.as_str() != Some(EXPORT_APP) {
                self.report("app", Reason::WrongType(Expected::AppName));
            }
        }
        match self.whole(map, "", "schema_version") {
            Some(version) if version > SCHEMA_VERSION => {
                self.report("schema_version", Reason::NewerVersion(version));
                return None;
            }
            Some(2..=SCHEMA_VERSION) => {}
            Some(other) => self.report("schema_version", Reason::UnknownVersion(other)),
            None => {}
        }
        self.optional_whole(map, "", "exported");
        let plans = self.field(map, "", "plans")?;
        let Some(plans) = plans.as_array() else {
            self.report("plans", Reason::WrongType(Expected::List));
            return None;
        };
        if plans.is_empty() {
            self.report("plans", Reason::NoPlans);
        }
        let mut records = Vec::with_capacity(plans.len());
        for (index, plan) in plans.iter().enumerate() {
            let path = format!("plans[{index}]");
            match self.record(plan, &path) {
                Ok(Some(record)) => {
                    if records
                        .iter()
                        .any(|other: &PlanRecord| other.id == record.id)
                    {
                        self.report(join(&path, "id"), Reason::DuplicateId);
                    }
                    records.push(record);
                }
                Ok(None) => {}
                Err(DecodeError::NewerVersion(version)) => {
                    self.report(join(&path, "schema_version"), Reason::NewerVersion(version))
                }
                Err(DecodeError::Damaged(problems)) => self.problems.extend(problems),
            }
        }
        Some(records)
    }

    /// The plan body of schema `version` (see [`Shape`]).
    fn plan(&mut self, value: &Value, path: &str, version: u64) -> Option<PlanDraft> {
        let Shape {
            known,
            has_marketing,
            has_languages,
            has_tracking,
            has_annual,
            has_forecast,
        } = Shape::of(version);
        let map = self.object(value, path, known)?;
        let name = self.text(map, path, "name");
        let goal_kind = match self.field(map, path, "goal").map(Value::as_str) {
            Some(Some(GOAL_REVENUE)) => Some(GoalKind::Revenue),
            Some(Some(GOAL_NEW_CUSTOMERS)) => Some(GoalKind::NewCustomers),
            Some(_) => {
                self.report(join(path, "goal"), Reason::WrongType(Expected::GoalKind));
                None
            }
            None => None,
        };
        let revenue_goal = self.text(map, path, "revenue_goal");
        let new_customers_goal = self.text(map, path, "new_customers_goal");
        let average_revenue_per_customer = self.text(map, path, "average_revenue_per_customer");
        let current_top_per_month = self.text(map, path, "current_top_per_month");
        let stages = self.stages(map, path);
        let marketing = match map.get("marketing") {
            Some(marketing) if has_marketing => self.marketing(marketing, &join(path, "marketing")),
            None if has_marketing && !self.is_lenient => {
                self.report(join(path, "marketing"), Reason::Missing);
                None
            }
            _ => Some(MarketingDraft::default()),
        };
        // A newer version's plan read leniently may have moved these: the copy then starts
        // without a currency and as typed in English, as plans before version 4 did.
        let is_lenient = self.is_lenient;
        let is_missing = |key: &str| is_lenient && !map.contains_key(key);
        let (currency, typed_in) = if has_languages {
            let currency = if is_missing("currency") {
                Some(String::new())
            } else {
                self.text(map, path, "currency")
            };
            let typed_in = if is_missing("typed_in") {
                Some(Lang::English)
            } else {
                self.language(map, path)
            };
            (currency, typed_in)
        } else {
            (Some(String::new()), Some(Lang::English))
        };
        let tracking = match map.get("tracking") {
            Some(tracking) if has_tracking => self.tracking(tracking, &join(path, "tracking")),
            None if has_tracking && !is_lenient => {
                self.report(join(path, "tracking"), Reason::Missing);
                None
            }
            _ => Some(TrackingDraft::default()),
        };
        // The annual plan's own text (version 6): before it, or missing from a newer version's
        // plan read leniently, there is none.
        let annual = if has_annual && !is_missing("annual") {
            self.text(map, path, "annual")
        } else {
            Some(String::new())
        };
        // The forecast's own text (version 7), likewise.
        let forecast = if has_forecast && !is_missing("forecast") {
            self.text(map, path, "forecast")
        } else {
            Some(String::new())
        };
        let mut draft = PlanDraft {
            name: name?,
            goal_kind: goal_kind?,
            revenue_goal: revenue_goal?,
            new_customers_goal: new_customers_goal?,
            average_revenue_per_customer: average_revenue_per_customer?,
            stages: stages?,
            current_top_per_month: current_top_per_month?,
            marketing: marketing?,
            currency: currency?,
            typed_in: typed_in?,
            tracking: tracking?,
            annual: annual?,
            forecast: forecast?,
        };
        // Results of a stage or channel the plan does not have cannot be shown: they would
        // come back under one added later with the same id.
        let channels: Vec<_> = draft
            .marketing
            .channels
            .iter()
            .map(|channel| channel.id)
            .collect();
        let stages = draft.stage_ids();
        draft.tracking.keep_known(&stages, &channels);
        Some(draft)
    }

    /// The tracking side (version 5): the plan year, the results, the focus areas.
    fn tracking(&mut self, value: &Value, path: &str) -> Option<TrackingDraft> {
        let map = self.object(value, path, &["start", "results", "focus"])?;
        let start = match self.field(map, path, "start")? {
            Value::Null => Some(None),
            value => {
                let start = value.as_str().and_then(PlanYear::parse);
                if start.is_none() {
                    self.report(join(path, "start"), Reason::WrongType(Expected::PlanYear));
                }
                start.map(Some)
            }
        };
        let cells = self.results(map, path);
        let focus = self.focus(map, path);
        Some(TrackingDraft {
            start: start?,
            cells: cells?,
            focus: focus?,
        })
    }

    fn results(&mut self, map: &Map<String, Value>, path: &str) -> Option<Vec<ActualCell>> {
        let list = self.list(map, path, "results")?;
        let path = join(path, "results");
        let mut cells = Vec::new();
        let mut is_whole = true;
        for (index, entry) in list.iter().enumerate() {
            let path = format!("{path}[{index}]");
            let Some(map) = self.object(entry, &path, &["row", "channel", "months"]) else {
                is_whole = false;
                continue;
            };
            let row = self.text(map, &path, "row").and_then(|text| {
                let row = match text.as_str() {
                    ROW_SPEND => Some(Row::Spend),
                    ROW_REVENUE => Some(Row::Revenue),
                    other => other
                        .strip_prefix(ROW_STAGE)
                        .and_then(|id| id.parse().ok())
                        .map(|id| Row::Stage(StageId(id))),
                };
                if row.is_none() {
                    self.report(join(&path, "row"), Reason::WrongType(Expected::ResultRow));
                }
                row
            });
            let channel = match map.get("channel") {
                None | Some(Value::Null) => Some(None),
                Some(_) => self.id(map, &path, "channel").map(|id| Some(ChannelId(id))),
            };
            let months = match map.get("months") {
                Some(Value::Array(months)) if months.len() == MONTHS => {
                    let texts: Vec<Option<String>> = months
                        .iter()
                        .map(|month| match month {
                            Value::Null => Some(None),
                            Value::String(text) => Some(Some(text.clone())),
                            _ => None,
                        })
                        .collect::<Option<_>>()
                        .unwrap_or_default();
                    if texts.len() == MONTHS {
                        Some(texts)
                    } else {
                        self.report(
                            join(&path, "months"),
                            Reason::WrongType(Expected::TwelveMonths),
                        );
                        None
                    }
                }
                None => {
                    self.report(join(&path, "months"), Reason::Missing);
                    None
                }
                Some(_) => {
                    self.report(
                        join(&path, "months"),
                        Reason::WrongType(Expected::TwelveMonths),
                    );
                    None
                }
            };
            let (Some(row), Some(channel), Some(months)) = (row, channel, months) else {
                is_whole = false;
                continue;
            };
            for (month, text) in months.into_iter().enumerate() {
                let at = CellAt {
                    month,
                    row,
                    channel,
                };
                match text {
                    Some(text)
                        if !text.is_empty()
                            && !cells.iter().any(|cell: &ActualCell| cell.at == at) =>
                    {
                        cells.push(ActualCell { at, text });
                    }
                    _ => {}
                }
            }
        }
        is_whole.then(|| {
            let mut tracking = TrackingDraft {
                cells,
                ..TrackingDraft::default()
            };
            tracking.in_written_order();
            tracking.cells
        })
    }

    fn focus(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
    ) -> Option<[[String; FOCUS_PER_QUARTER]; QUARTERS]> {
        let value = self.field(map, path, "focus")?;
        let read = || -> Option<[[String; FOCUS_PER_QUARTER]; QUARTERS]> {
            let quarters = value.as_array().filter(|list| list.len() == QUARTERS)?;
            let mut focus: [[String; FOCUS_PER_QUARTER]; QUARTERS] = Default::default();
            for (slots, quarter) in focus.iter_mut().zip(quarters) {
                let texts = quarter
                    .as_array()
                    .filter(|list| list.len() == FOCUS_PER_QUARTER)?;
                for (slot, text) in slots.iter_mut().zip(texts) {
                    *slot = text.as_str()?.to_owned();
                }
            }
            Some(focus)
        };
        let focus = read();
        if focus.is_none() {
            self.report(join(path, "focus"), Reason::WrongType(Expected::Focus));
        }
        focus
    }

    /// The language tag `"typed_in"` of a plan body. Reading a newer version's plan leniently,
    /// a language this version does not speak is English (its numbers may then read as typos,
    /// never as other numbers: `retype` keeps what it cannot read).
    fn language(&mut self, map: &Map<String, Value>, path: &str) -> Option<Lang> {
        let value = self.field(map, path, "typed_in")?;
        match value.as_str().and_then(Lang::from_tag) {
            Some(lang) => Some(lang),
            None if self.is_lenient => Some(Lang::English),
            None => {
                self.report(
                    join(path, "typed_in"),
                    Reason::WrongType(Expected::Language),
                );
                None
            }
        }
    }

    /// A text field that must be one of `choices`, each with its value. Reading a newer
    /// version's plan leniently, a choice this version does not know is its default.
    fn choice<T: Copy + Default>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        choices: &[(&str, T)],
        expected: Expected,
    ) -> Option<T> {
        let text = self.field(map, path, key)?;
        let found = choices
            .iter()
            .find(|(name, _)| text.as_str() == Some(name))
            .map(|(_, value)| *value);
        match found {
            None if self.is_lenient => Some(T::default()),
            None => {
                self.report(join(path, key), Reason::WrongType(expected));
                None
            }
            found => found,
        }
    }

    /// The marketing side (version 3).
    fn marketing(&mut self, value: &Value, path: &str) -> Option<MarketingDraft> {
        let map = self.object(
            value,
            path,
            &[
                "budget",
                "budget_period",
                "channels",
                "customers_at_start",
                "customers_at_end",
                "customers_new",
                "gross_margin",
                "lifetime",
                "lifetime_years",
                "churn",
                "rank_by",
                "move_percent",
            ],
        )?;
        let budget = self.text(map, path, "budget");
        let budget_period = self.choice(
            map,
            path,
            "budget_period",
            &[
                (PER_YEAR, BudgetPeriod::Year),
                (PER_MONTH, BudgetPeriod::Month),
            ],
            Expected::BudgetPeriod,
        );
        let channels = self.channels(map, path);
        let customers_at_start = self.text(map, path, "customers_at_start");
        let customers_at_end = self.text(map, path, "customers_at_end");
        let customers_new = self.text(map, path, "customers_new");
        let gross_margin = self.text(map, path, "gross_margin");
        let lifetime_kind = self.choice(
            map,
            path,
            "lifetime",
            &[
                (LIFETIME_YEARS, LifetimeKind::Years),
                (LIFETIME_CHURN, LifetimeKind::Churn),
            ],
            Expected::LifetimeKind,
        );
        let lifetime_years = self.text(map, path, "lifetime_years");
        let churn = self.text(map, path, "churn");
        let rank_by = self.text(map, path, "rank_by").and_then(|text| {
            let rank_by = match text.as_str() {
                RANK_CAC => Some(RankBy::Cac),
                RANK_ROI => Some(RankBy::Roi),
                other => other
                    .strip_prefix(RANK_STAGE)
                    .and_then(|id| id.parse().ok())
                    .map(|id| RankBy::StageCost(StageId(id))),
            };
            if rank_by.is_none() && self.is_lenient {
                return Some(RankBy::default());
            }
            if rank_by.is_none() {
                self.report(join(path, "rank_by"), Reason::WrongType(Expected::RankBy));
            }
            rank_by
        });
        let move_percent = self.text(map, path, "move_percent");
        Some(MarketingDraft {
            budget: budget?,
            budget_period: budget_period?,
            channels: channels?,
            customers_at_start: customers_at_start?,
            customers_at_end: customers_at_end?,
            customers_new: customers_new?,
            gross_margin: gross_margin?,
            lifetime_kind: lifetime_kind?,
            lifetime_years: lifetime_years?,
            churn: churn?,
            rank_by: rank_by?,
            move_percent: move_percent?,
        })
    }

    /// The list at `map[key]`, reporting a missing or non-list value.
    fn list<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Vec<Value>> {
        match self.field(map, path, key)? {
            Value::Array(list) => Some(list),
            _ => {
                self.report(join(path, key), Reason::WrongType(Expected::List));
                None
            }
        }
    }

    /// A whole number that fits an id (u32).
    fn id(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        self.whole(map, path, key).and_then(|id| {
            let id = u32::try_from(id).ok();
            if id.is_none() {
                self.report(join(path, key), Reason::WrongType(Expected::WholeNumber));
            }
            id
        })
    }

    fn channels(&mut self, map: &Map<String, Value>, path: &str) -> Option<Vec<ChannelDraft>> {
        let list = self.list(map, path, "channels")?;
        let path = join(path, "channels");
        if list.len() > MAX_CHANNELS {
            self.report(path.as_str(), Reason::ChannelCount(list.len()));
            return None;
        }
        let mut channels = Vec::with_capacity(list.len());
        for (index, channel) in list.iter().enumerate() {
            let path = format!("{path}[{index}]");
            let Some(map) = self.object(
                channel,
                &path,
                &["id", "name", "share", "spend", "revenue", "stages"],
            ) else {
                continue;
            };
            let id = self.id(map, &path, "id");
            let name = self.text(map, &path, "name");
            let share = self.text(map, &path, "share");
            let spend = self.text(map, &path, "spend");
            let revenue = self.text(map, &path, "revenue");
            let stages = self.channel_stages(map, &path);
            if let (Some(id), Some(name), Some(share), Some(spend), Some(revenue), Some(stages)) =
                (id, name, share, spend, revenue, stages)
            {
                channels.push(ChannelDraft {
                    id: ChannelId(id),
                    name,
                    share,
                    spend,
                    revenue,
                    stages,
                });
            }
        }
        (channels.len() == list.len())
            .then(|| with_unique_ids(channels, |channel| &mut channel.id.0))
    }

    fn channel_stages(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
    ) -> Option<Vec<ChannelStageDraft>> {
        let list = self.list(map, path, "stages")?;
        let path = join(path, "stages");
        let mut stages = Vec::with_capacity(list.len());
        let mut read = 0;
        for (index, entry) in list.iter().enumerate() {
            let path = format!("{path}[{index}]");
            let Some(map) = self.object(entry, &path, &["stage", "volume", "rate"]) else {
                continue;
            };
            let stage = self.id(map, &path, "stage");
            let volume = self.text(map, &path, "volume");
            let rate = self.text(map, &path, "rate");
            if let (Some(stage), Some(volume), Some(rate)) = (stage, volume, rate) {
                if stages
                    .iter()
                    .any(|other: &ChannelStageDraft| other.stage.0 == stage)
                {
                    self.report(join(&path, "stage"), Reason::DuplicateId);
                    continue;
                }
                read += 1;
                // An entry with nothing typed is what the draft never keeps: leave it out.
                if !volume.is_empty() || !rate.is_empty() {
                    stages.push(ChannelStageDraft {
                        stage: StageId(stage),
                        volume,
                        rate,
                    });
                }
            }
        }
        (read == list.len()).then_some(stages)
    }

    fn stages(&mut self, map: &Map<String, Value>, path: &str) -> Option<Vec<StageDraft>> {
        let path = join(path, "stages");
        let list = match map.get("stages") {
            None => {
                self.report(path, Reason::Missing);
                return None;
            }
            Some(Value::Array(list)) => list,
            Some(_) => {
                self.report(path, Reason::WrongType(Expected::List));
                return None;
            }
        };
        if !(MIN_STAGES..=MAX_STAGES).contains(&list.len()) {
            self.report(path, Reason::StageCount(list.len()));
            return None;
        }
        let mut stages = Vec::with_capacity(list.len());
        for (index, stage) in list.iter().enumerate() {
            let path = format!("{path}[{index}]");
            let Some(map) = self.object(stage, &path, &["id", "name", "rate_to_next"]) else {
                continue;
            };
            let id = self.id(map, &path, "id");
            let name = self.text(map, &path, "name");
            let rate_to_next = self.text(map, &path, "rate_to_next");
            if let (Some(id), Some(name), Some(rate_to_next)) = (id, name, rate_to_next) {
                stages.push(StageDraft {
                    id: StageId(id),
                    name,
                    rate_to_next,
                });
            }
        }
        (stages.len() == list.len()).then(|| with_unique_ids(stages, |stage| &mut stage.id.0))
    }
}

/// Ids must be unique for the page to tell stages (or channels) apart: when `items` repeat one,
/// every item is renumbered 1, 2, 3 … in its order. `id` reads an item's id and gives access to
/// it for renumbering.
fn with_unique_ids<T>(mut items: Vec<T>, id: impl Fn(&mut T) -> &mut u32) -> Vec<T> {
    let mut seen: Vec<u32> = Vec::with_capacity(items.len());
    let mut is_repeated = false;
    for item in &mut items {
        let value = *id(item);
        is_repeated |= seen.contains(&value);
        seen.push(value);
    }
    if is_repeated {
        for (number, item) in (1..).zip(&mut items) {
            *id(item) = number;
        }
    }
    items
}
