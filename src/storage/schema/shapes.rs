//! Writing the current version: a stored record, an export file (indented for people to read)
//! and a share link's JSON, and the written names of the plan's choices, which the reader shares.
//!
//! Written by hand with [`Json`] (exactly as `serde_json` writes the same values), in the order
//! of the fields below: every page carries this writer, and one without serde's generic code is
//! a few kilobytes smaller. A change to a written form is a new schema version (see the module
//! above); the fixtures in `tests/fixtures/` hold each version's form byte for byte.
//!
//! - record: `schema_version`, `id`, `modified`, `deleted` (when in the bin), `lineage` (when
//!   saved), `plan`;
//! - plan: `name`, `goal`, `revenue_goal`, `new_customers_goal`, `average_revenue_per_customer`,
//!   `stages` (`id`, `name`, `rate_to_next`), `current_top_per_month`, `marketing`, `currency`,
//!   `typed_in`, `tracking`, `annual`, `forecast`;
//! - marketing: `budget`, `budget_period`, `channels` (`id`, `name`, `share`, `spend`,
//!   `revenue`, `stages`: `stage`, `volume`, `rate`), `customers_at_start`, `customers_at_end`,
//!   `customers_new`, `gross_margin`, `lifetime`, `lifetime_years`, `churn`, `rank_by`,
//!   `move_percent`;
//! - tracking: `start` (`"2027-04"` or `null`), `results` (`row`, `channel` when a channel's,
//!   `months`: twelve texts or `null`), `focus` (four quarters of two texts).

use super::{EXPORT_APP, SCHEMA_VERSION};
use crate::model::json::Json;
use crate::model::marketing::{BudgetPeriod, LifetimeKind, RankBy};
use crate::model::results::{Row, TrackingDraft, MONTHS};
use crate::model::{ChannelId, GoalKind, MarketingDraft, PlanDraft, PlanRecord};

pub(super) const GOAL_REVENUE: &str = "revenue";
pub(super) const GOAL_NEW_CUSTOMERS: &str = "new_customers";
pub(super) const PER_YEAR: &str = "year";
pub(super) const PER_MONTH: &str = "month";
pub(super) const LIFETIME_YEARS: &str = "years";
pub(super) const LIFETIME_CHURN: &str = "churn";
pub(super) const RANK_CAC: &str = "cac";
pub(super) const RANK_ROI: &str = "roi";
pub(super) const RANK_STAGE: &str = "stage:";
pub(super) const ROW_SPEND: &str = "spend";
pub(super) const ROW_REVENUE: &str = "revenue";
pub(super) const ROW_STAGE: &str = "stage:";

/// The stored text for one plan, in the current schema version.
pub fn encode_record(record: &PlanRecord) -> String {
    let mut out = Json::like_serde(false);
    write_record(&mut out, record, true);
    out.finish()
}

/// An export file holding `records` (deleted plans are left out, and so are lineages, which
/// mean nothing in another browser), indented for people to read.
pub fn encode_export(records: &[PlanRecord], exported_ms: u64) -> String {
    let mut out = Json::like_serde(true);
    out.open('{');
    out.text("app", EXPORT_APP);
    out.number("schema_version", SCHEMA_VERSION);
    out.number("exported", exported_ms);
    out.key("plans");
    out.open('[');
    for record in records.iter().filter(|record| !record.is_deleted()) {
        write_record(&mut out, record, false);
    }
    out.close(']');
    out.close('}');
    out.finish()
}

/// The JSON a share link carries (before compression).
pub fn encode_shared(draft: &PlanDraft) -> String {
    let mut out = Json::like_serde(false);
    out.open('{');
    out.number("schema_version", SCHEMA_VERSION);
    out.key("plan");
    write_plan(&mut out, draft);
    out.close('}');
    out.finish()
}

fn write_record(out: &mut Json, record: &PlanRecord, with_lineage: bool) {
    out.open('{');
    out.number("schema_version", SCHEMA_VERSION);
    out.text("id", record.id.as_str());
    out.number("modified", record.modified_ms);
    if let Some(deleted) = record.deleted_ms {
        out.number("deleted", deleted);
    }
    if with_lineage && !record.lineage.is_empty() {
        out.key("lineage");
        texts(
            out,
            record.lineage.iter().map(|version| Some(version.as_str())),
        );
    }
    out.key("plan");
    write_plan(out, &record.draft);
    out.close('}');
}

/// A list of texts, `null` for `None`.
fn texts<'a>(out: &mut Json, items: impl IntoIterator<Item = Option<&'a str>>) {
    out.open('[');
    for item in items {
        out.item();
        match item {
            Some(text) => out.string(text),
            None => out.raw("null"),
        }
    }
    out.close(']');
}

fn write_plan(out: &mut Json, draft: &PlanDraft) {
    out.open('{');
    out.text("name", &draft.name);
    out.text(
        "goal",
        match draft.goal_kind {
            GoalKind::Revenue => GOAL_REVENUE,
            GoalKind::NewCustomers => GOAL_NEW_CUSTOMERS,
        },
    );
    out.text("revenue_goal", &draft.revenue_goal);
    out.text("new_customers_goal", &draft.new_customers_goal);
    out.text(
        "average_revenue_per_customer",
        &draft.average_revenue_per_customer,
    );
    out.key("stages");
    out.open('[');
    for stage in &draft.stages {
        out.open('{');
        out.number("id", u64::from(stage.id.0));
        out.text("name", &stage.name);
        out.text("rate_to_next", &stage.rate_to_next);
        out.close('}');
    }
    out.close(']');
    out.text("current_top_per_month", &draft.current_top_per_month);
    out.key("marketing");
    write_marketing(out, &draft.marketing);
    out.text("currency", &draft.currency);
    out.text("typed_in", draft.typed_in.tag());
    out.key("tracking");
    write_tracking(out, &draft.tracking);
    out.text("annual", &draft.annual);
    out.text("forecast", &draft.forecast);
    out.close('}');
}

fn write_marketing(out: &mut Json, marketing: &MarketingDraft) {
    out.open('{');
    out.text("budget", &marketing.budget);
    out.text(
        "budget_period",
        match marketing.budget_period {
            BudgetPeriod::Year => PER_YEAR,
            BudgetPeriod::Month => PER_MONTH,
        },
    );
    out.key("channels");
    out.open('[');
    for channel in &marketing.channels {
        out.open('{');
        out.number("id", u64::from(channel.id.0));
        out.text("name", &channel.name);
        out.text("share", &channel.share);
        out.text("spend", &channel.spend);
        out.text("revenue", &channel.revenue);
        out.key("stages");
        out.open('[');
        // A stage with nothing typed for the channel is left out.
        for entry in channel
            .stages
            .iter()
            .filter(|entry| !entry.volume.is_empty() || !entry.rate.is_empty())
        {
            out.open('{');
            out.number("stage", u64::from(entry.stage.0));
            out.text("volume", &entry.volume);
            out.text("rate", &entry.rate);
            out.close('}');
        }
        out.close(']');
        out.close('}');
    }
    out.close(']');
    out.text("customers_at_start", &marketing.customers_at_start);
    out.text("customers_at_end", &marketing.customers_at_end);
    out.text("customers_new", &marketing.customers_new);
    out.text("gross_margin", &marketing.gross_margin);
    out.text(
        "lifetime",
        match marketing.lifetime_kind {
            LifetimeKind::Years => LIFETIME_YEARS,
            LifetimeKind::Churn => LIFETIME_CHURN,
        },
    );
    out.text("lifetime_years", &marketing.lifetime_years);
    out.text("churn", &marketing.churn);
    let rank_by = match marketing.rank_by {
        RankBy::Cac => RANK_CAC.to_owned(),
        RankBy::Roi => RANK_ROI.to_owned(),
        RankBy::StageCost(stage) => format!("{RANK_STAGE}{}", stage.0),
    };
    out.text("rank_by", &rank_by);
    out.text("move_percent", &marketing.move_percent);
    out.close('}');
}

fn row_name(row: Row) -> String {
    match row {
        Row::Stage(stage) => format!("{ROW_STAGE}{}", stage.0),
        Row::Spend => ROW_SPEND.to_owned(),
        Row::Revenue => ROW_REVENUE.to_owned(),
    }
}

/// One row's results being gathered: the row, whose they are, and the text of each month.
type RowResults<'a> = (Row, Option<ChannelId>, [Option<&'a str>; MONTHS]);

/// The plan year, then the results grouped by row (and channel) in the order their first cell
/// was typed, then the focus areas.
fn write_tracking(out: &mut Json, tracking: &TrackingDraft) {
    let mut results: Vec<RowResults<'_>> = Vec::new();
    for cell in &tracking.cells {
        let key = (cell.at.row, cell.at.channel);
        let index = match results
            .iter()
            .position(|(row, channel, _)| (*row, *channel) == key)
        {
            Some(index) => index,
            None => {
                results.push((key.0, key.1, [None; MONTHS]));
                results.len() - 1
            }
        };
        if let Some(slot) = results
            .get_mut(index)
            .and_then(|(_, _, months)| months.get_mut(cell.at.month))
        {
            *slot = Some(cell.text.as_str());
        }
    }
    out.open('{');
    out.key("start");
    match tracking.start {
        Some(start) => out.string(&format!("{:04}-{:02}", start.year(), start.month())),
        None => out.raw("null"),
    }
    out.key("results");
    out.open('[');
    for (row, channel, months) in results {
        out.open('{');
        out.text("row", &row_name(row));
        if let Some(channel) = channel {
            out.number("channel", u64::from(channel.0));
        }
        out.key("months");
        texts(out, months);
        out.close('}');
    }
    out.close(']');
    out.key("focus");
    out.open('[');
    for quarter in &tracking.focus {
        texts(out, quarter.iter().map(|text| Some(text.as_str())));
    }
    out.close(']');
    out.close('}');
}
