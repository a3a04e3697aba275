//! Two tabs editing one plan: a three-way merge, so that what each tab typed survives.
//!
//! `base` is the last version both tabs knew (see `PlanRecord::lineage`), `mine` is this tab's
//! plan as typed now and `theirs` the other tab's saved version. Field by field: a field only one
//! side changed takes that side's text; a field both changed to the same text keeps it; a field
//! both changed differently is a real clash, named by a [`Clash`] for the person to settle.
//! Stages are matched by their id, so a rate typed in one tab and a stage renamed in the other
//! both survive; adding, removing or moving stages is a change to the stage list as a whole.
//! A page's own data (the annual plan, the forecast) merges the same way inside its JSON text:
//! key by key, its lists item by item (matched by their `id` or `stage`), so two objectives'
//! owners typed in two tabs are both kept.

use serde_json::{Map, Value};

use crate::model::decimal::shortest;
use crate::model::json::Json;
use crate::model::results::{CellAt, TrackingDraft};
use crate::model::{PlanDraft, StageDraft, StageId};

/// A field both tabs changed, each to its own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    Name,
    GoalKind,
    RevenueGoal,
    NewCustomersGoal,
    AverageRevenue,
    CurrentTopPerMonth,
    Currency,
    /// A stage's name.
    StageName(StageId),
    /// A stage's rate to the next stage.
    StageRate(StageId),
    /// The stage list: stages added, removed or moved in both tabs.
    Stages,
    /// The budget, the channels or the retention figures (the Channels and KPIs page).
    Marketing,
    /// The first month of the plan year.
    PlanYear,
    /// A result or a focus area (the Results page).
    Results,
    /// The annual plan's own data; `item` is what the person called the part both changed
    /// (an objective's metric), when it has a name.
    Annual {
        item: Option<String>,
    },
    /// The forecast's own data.
    Forecast,
}

/// Which side a clash is settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    Mine,
    Theirs,
}

/// A merge: the plan, each clash settled for the side preferred, and the clashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub draft: PlanDraft,
    /// Every field both changed differently, in the order of the plan; empty when the merge
    /// needed no choice.
    pub clashes: Vec<Clash>,
}

/// `mine` and `theirs` merged against `base`, or `None` if both changed the same field to
/// different texts (a real clash, for the person to settle).
pub fn merge(base: &PlanDraft, mine: &PlanDraft, theirs: &PlanDraft) -> Option<PlanDraft> {
    let merged = merge_preferring(base, mine, theirs, Prefer::Mine);
    merged.clashes.is_empty().then_some(merged.draft)
}

struct Merger {
    prefer: Prefer,
    clashes: Vec<Clash>,
}

impl Merger {
    /// The text (or value) of one field after merging: the side that changed it; when both
    /// changed it differently, `clash` is noted and the preferred side's is taken.
    fn pick<T: PartialEq + ToOwned + ?Sized>(
        &mut self,
        clash: &Clash,
        base: &T,
        mine: &T,
        theirs: &T,
    ) -> T::Owned {
        if mine == theirs || theirs == base {
            mine.to_owned()
        } else if mine == base {
            theirs.to_owned()
        } else {
            if !self.clashes.contains(clash) {
                self.clashes.push(clash.clone());
            }
            match self.prefer {
                Prefer::Mine => mine.to_owned(),
                Prefer::Theirs => theirs.to_owned(),
            }
        }
    }
}

/// A text field of the plan.
type TextField = fn(&mut PlanDraft) -> &mut String;

/// The plan's text fields that merge one by one, with the clash each is named by. (A table
/// rather than a line per field: the page carries one loop instead of a copy per field.)
const TEXT_FIELDS: [(Clash, TextField); 14] = [
    (Clash::Name, |plan| &mut plan.name),
    (Clash::RevenueGoal, |plan| &mut plan.revenue_goal),
    (Clash::NewCustomersGoal, |plan| &mut plan.new_customers_goal),
    (Clash::AverageRevenue, |plan| {
        &mut plan.average_revenue_per_customer
    }),
    (Clash::CurrentTopPerMonth, |plan| {
        &mut plan.current_top_per_month
    }),
    (Clash::Currency, |plan| &mut plan.currency),
    (Clash::Marketing, |plan| &mut plan.marketing.budget),
    (Clash::Marketing, |plan| {
        &mut plan.marketing.customers_at_start
    }),
    (Clash::Marketing, |plan| {
        &mut plan.marketing.customers_at_end
    }),
    (Clash::Marketing, |plan| &mut plan.marketing.customers_new),
    (Clash::Marketing, |plan| &mut plan.marketing.gross_margin),
    (Clash::Marketing, |plan| &mut plan.marketing.lifetime_years),
    (Clash::Marketing, |plan| &mut plan.marketing.churn),
    (Clash::Marketing, |plan| &mut plan.marketing.move_percent),
];

/// `mine` and `theirs` merged against `base`, each clash settled for `prefer`. Numbers are
/// compared in `mine`'s format: `base` and `theirs` are retyped into it first (another tab may
/// show another language).
pub fn merge_preferring(
    base: &PlanDraft,
    mine: &PlanDraft,
    theirs: &PlanDraft,
    prefer: Prefer,
) -> Merged {
    let base = &mut base.clone().retyped(mine.typed_in);
    let theirs = &mut theirs.clone().retyped(mine.typed_in);
    let m = &mut Merger {
        prefer,
        clashes: Vec::new(),
    };
    let mut merged = mine.clone();
    for (clash, field) in &TEXT_FIELDS {
        let text = m.pick(clash, &*field(base), &*field(&mut merged), &*field(theirs));
        *field(&mut merged) = text;
    }
    // The fields of other types, one by one.
    macro_rules! pick {
        ($clash:expr, $($field:ident).+) => {
            m.pick(&$clash, &base.$($field).+, &mine.$($field).+, &theirs.$($field).+)
        };
    }
    merged.goal_kind = pick!(Clash::GoalKind, goal_kind);
    merged.stages = merge_stages(m, &base.stages, &mine.stages, &theirs.stages);
    merged.marketing.budget_period = pick!(Clash::Marketing, marketing.budget_period);
    merged.marketing.channels = pick!(Clash::Marketing, marketing.channels);
    merged.marketing.lifetime_kind = pick!(Clash::Marketing, marketing.lifetime_kind);
    merged.marketing.rank_by = pick!(Clash::Marketing, marketing.rank_by);
    merged.tracking = merge_tracking(m, &base.tracking, &mine.tracking, &theirs.tracking);
    merged.annual = merge_page_text(
        m,
        PageText::Annual,
        &base.annual,
        &mine.annual,
        &theirs.annual,
    );
    merged.forecast = merge_page_text(
        m,
        PageText::Forecast,
        &base.forecast,
        &mine.forecast,
        &theirs.forecast,
    );
    // A stage or channel one tab removed takes its results with it.
    let channels: Vec<_> = merged
        .marketing
        .channels
        .iter()
        .map(|channel| channel.id)
        .collect();
    let stages = merged.stage_ids();
    merged.tracking.keep_known(&stages, &channels);
    Merged {
        draft: merged,
        clashes: std::mem::take(&mut m.clashes),
    }
}

/// Results merge cell by cell (one tab typing March while the other types April keeps both),
/// focus areas one by one; the plan year is one field.
fn merge_tracking(
    m: &mut Merger,
    base: &TrackingDraft,
    mine: &TrackingDraft,
    theirs: &TrackingDraft,
) -> TrackingDraft {
    let mut merged = TrackingDraft {
        start: m.pick(&Clash::PlanYear, &base.start, &mine.start, &theirs.start),
        cells: Vec::new(),
        focus: Default::default(),
    };
    for (slot, ((base, mine), theirs)) in merged.focus.iter_mut().flatten().zip(
        base.focus
            .iter()
            .flatten()
            .zip(mine.focus.iter().flatten())
            .zip(theirs.focus.iter().flatten()),
    ) {
        *slot = m.pick(
            &Clash::Results,
            base.as_str(),
            mine.as_str(),
            theirs.as_str(),
        );
    }
    let mut places: Vec<CellAt> = Vec::new();
    for cell in base.cells.iter().chain(&mine.cells).chain(&theirs.cells) {
        if !places.contains(&cell.at) {
            places.push(cell.at);
        }
    }
    for at in places {
        let text = m.pick(
            &Clash::Results,
            base.text(at),
            mine.text(at),
            theirs.text(at),
        );
        merged.set_text(at, text);
    }
    merged
}

fn stage_ids(stages: &[StageDraft]) -> Vec<StageId> {
    stages.iter().map(|stage| stage.id).collect()
}

/// Stages: when neither side added, removed or moved one, each stage's name and rate merge on
/// their own; otherwise the list is one field (the side that reshaped it wins, both: a clash).
fn merge_stages(
    m: &mut Merger,
    base: &[StageDraft],
    mine: &[StageDraft],
    theirs: &[StageDraft],
) -> Vec<StageDraft> {
    let ids = stage_ids(base);
    if stage_ids(mine) != ids || stage_ids(theirs) != ids {
        return m.pick(&Clash::Stages, base, mine, theirs);
    }
    base.iter()
        .zip(mine)
        .zip(theirs)
        .map(|((base, mine), theirs)| StageDraft {
            id: base.id,
            name: m.pick(
                &Clash::StageName(base.id),
                &base.name,
                &mine.name,
                &theirs.name,
            ),
            rate_to_next: m.pick(
                &Clash::StageRate(base.id),
                &base.rate_to_next,
                &mine.rate_to_next,
                &theirs.rate_to_next,
            ),
        })
        .collect()
}

/// Which page's own text is being merged.
#[derive(Clone, Copy)]
enum PageText {
    Annual,
    Forecast,
}

impl PageText {
    /// The clash of a field of this page's data, in the part named `item` (if any).
    fn clash(self, item: Option<&str>) -> Clash {
        match self {
            PageText::Annual => Clash::Annual {
                item: item.filter(|name| !name.is_empty()).map(str::to_owned),
            },
            PageText::Forecast => Clash::Forecast,
        }
    }
}

/// A page's own JSON text, merged key by key (see [`merge_value`]). A text that is not JSON,
/// or texts typed in different languages (their numbers are written differently), merge as one
/// field.
fn merge_page_text(m: &mut Merger, page: PageText, base: &str, mine: &str, theirs: &str) -> String {
    let whole = |m: &mut Merger| m.pick(&page.clash(None), base, mine, theirs);
    if mine == theirs || theirs == base || mine == base {
        return whole(m);
    }
    let (Some(base_value), Some(mine_value), Some(theirs_value)) =
        (page_value(base), page_value(mine), page_value(theirs))
    else {
        return whole(m);
    };
    let typed_in = |value: &Value| value.get("typed_in").cloned();
    let languages = [&base_value, &theirs_value]
        .iter()
        .filter(|value| !value.is_null())
        .all(|value| typed_in(value) == typed_in(&mine_value));
    if !languages {
        return whole(m);
    }
    let merged = merge_value(m, page, &base_value, &mine_value, &theirs_value, None);
    let mut out = Json::default();
    write_value(&mut out, &merged);
    out.finish()
}

/// A page's own text as JSON: an empty text is `null` (no data yet); `None` when it is not JSON.
fn page_value(text: &str) -> Option<Value> {
    if text.is_empty() {
        return Some(Value::Null);
    }
    serde_json::from_str(text).ok()
}

/// `mine` and `theirs` merged against `base`: objects key by key, lists of objects item by item
/// (matched by their `id`, or their `stage`), lists of texts of the same length (the twelve
/// months' weights or values) place by place; anything else is one field. `item` names the list
/// item being merged, for a clash. A missing value is `null`.
fn merge_value(
    m: &mut Merger,
    page: PageText,
    base: &Value,
    mine: &Value,
    theirs: &Value,
    item: Option<&str>,
) -> Value {
    if mine == theirs || theirs == base || mine == base {
        return m.pick(&page.clash(item), base, mine, theirs);
    }
    const NULL: &Value = &Value::Null;
    match (base, mine, theirs) {
        (base, Value::Object(mine), Value::Object(theirs))
            if base.is_null() || base.is_object() =>
        {
            let mut merged = Map::new();
            for key in mine
                .keys()
                .chain(theirs.keys().filter(|key| !mine.contains_key(*key)))
            {
                let value = merge_value(
                    m,
                    page,
                    base.get(key).unwrap_or(NULL),
                    mine.get(key).unwrap_or(NULL),
                    theirs.get(key).unwrap_or(NULL),
                    item,
                );
                if !value.is_null() || mine.contains_key(key) {
                    merged.insert(key.clone(), value);
                }
            }
            Value::Object(merged)
        }
        (base, Value::Array(list), Value::Array(their_list))
            if base.is_null() || base.is_array() =>
        {
            let base_list = base.as_array().map(Vec::as_slice).unwrap_or_default();
            if let Some(merged) = merge_items(m, page, base_list, list, their_list) {
                return Value::Array(merged);
            }
            let is_texts = |of: &[Value]| of.len() == list.len() && of.iter().all(Value::is_string);
            if !(is_texts(base_list) && is_texts(list) && is_texts(their_list)) {
                return m.pick(&page.clash(item), base, mine, theirs);
            }
            Value::Array(
                base_list
                    .iter()
                    .zip(list)
                    .zip(their_list)
                    .map(|((base, mine), theirs)| m.pick(&page.clash(item), base, mine, theirs))
                    .collect(),
            )
        }
        _ => m.pick(&page.clash(item), base, mine, theirs),
    }
}

/// What identifies an item of a page's list: its `id` (objectives) or its `stage` (a stage's
/// days, range or last year's total).
fn item_key(item: &Value) -> Option<&Value> {
    item.get("id").or_else(|| item.get("stage"))
}

/// Lists whose items all have a key, merged item by item: an item one side added is added, one
/// side removed (the other leaving it as it was) is removed, an item in both merges key by key.
/// `None` when the lists are not all of keyed items.
fn merge_items(
    m: &mut Merger,
    page: PageText,
    base: &[Value],
    mine: &[Value],
    theirs: &[Value],
) -> Option<Vec<Value>> {
    let keyed = |list: &[Value]| list.iter().all(|item| item_key(item).is_some());
    if mine.is_empty() && theirs.is_empty() || !(keyed(base) && keyed(mine) && keyed(theirs)) {
        return None;
    }
    fn find<'v>(list: &'v [Value], key: Option<&Value>) -> &'v Value {
        list.iter()
            .find(|item| item_key(item) == key)
            .unwrap_or(&Value::Null)
    }
    let mut merged = Vec::new();
    // This tab's items in its order, then those only the other tab has.
    let theirs_only = theirs
        .iter()
        .filter(|item| find(mine, item_key(item)).is_null());
    for item in mine.iter().chain(theirs_only) {
        let key = item_key(item);
        let name = item.get("metric").and_then(Value::as_str);
        let value = merge_value(
            m,
            page,
            find(base, key),
            find(mine, key),
            find(theirs, key),
            name,
        );
        if !value.is_null() {
            merged.push(value);
        }
    }
    Some(merged)
}

/// `value` written as JSON.
fn write_value(out: &mut Json, value: &Value) {
    match value {
        Value::Object(map) => {
            out.open('{');
            for (key, value) in map {
                out.key(key);
                write_value(out, value);
            }
            out.close('}');
        }
        Value::Array(list) => {
            out.open('[');
            for value in list {
                out.item();
                write_value(out, value);
            }
            out.close(']');
        }
        Value::String(text) => out.string(text),
        // Page data holds whole numbers (versions, ids); anything else is written as a float.
        Value::Number(number) => out.raw(&match number.as_u64() {
            Some(whole) => whole.to_string(),
            None => shortest(number.as_f64().unwrap_or_default()),
        }),
        Value::Bool(flag) => out.raw(if *flag { "true" } else { "false" }),
        Value::Null => out.raw("null"),
    }
}
