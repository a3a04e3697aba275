//! Proptest strategies shared by the native test files: plans as people might type them.
// Each test file uses only some of them.
#![allow(dead_code)]

use funnel_planner::model::marketing::{BudgetPeriod, ChannelStageDraft, LifetimeKind, RankBy};
use funnel_planner::model::results::{ActualCell, CellAt, PlanYear, Row, TrackingDraft, MONTHS};
use funnel_planner::model::{
    ChannelDraft, ChannelId, GoalKind, Lang, MarketingDraft, PlanDraft, StageDraft, StageId,
};
use proptest::prelude::*;
use serde_json::Value;

/// Texts people might type, or paste, into any field.
pub const AWKWARD: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\"quoted\" and 'single'",
    "two\nlines\r\nand a tab\t",
    "",
    "   ",
    "\\u0000 \\\" \\",
    "\u{0}\u{1f}\u{7f}\u{ffff}",
    "2,5",
    "abc",
    "1e308",
    "😀 Zürich 東京 مرحبا",
    "\u{202e}gnp.exe",
    "=SUM(A1)",
    "{\"schema_version\":3}",
    "two\nlines\r\n",
    "#share=abc",
    "%24%2B$+",
];

pub fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "(?s).{0,24}",
        1 => prop::sample::select(AWKWARD).prop_map(str::to_owned),
    ]
}

/// Any plan as typed: 2–10 stages with unique ids in any order, any text in every field, a
/// marketing side whose channels hold entries for some of those stages (and now and then for a
/// stage that no longer exists), and a tracking side with results for those stages and channels.
pub fn any_draft() -> impl Strategy<Value = PlanDraft> {
    let stages = (2usize..=10)
        .prop_flat_map(|count| {
            (
                prop::collection::btree_set(any::<u32>(), count)
                    .prop_map(|ids| ids.into_iter().collect::<Vec<u32>>())
                    .prop_shuffle(),
                prop::collection::vec((typed_text(), typed_text()), count),
            )
        })
        .prop_map(|(ids, fields)| {
            ids.into_iter()
                .zip(fields)
                .map(|(id, (name, rate_to_next))| StageDraft {
                    id: StageId(id),
                    name,
                    rate_to_next,
                })
                .collect::<Vec<StageDraft>>()
        });
    let stages_and_marketing = stages
        .prop_flat_map(|stages| {
            let ids: Vec<StageId> = stages.iter().map(|stage| stage.id).collect();
            (Just(stages), any_marketing(ids))
        })
        .prop_flat_map(|(stages, marketing)| {
            let stage_ids = stages.iter().map(|stage| stage.id).collect();
            let channel_ids = marketing
                .channels
                .iter()
                .map(|channel| channel.id)
                .collect();
            (
                Just(stages),
                Just(marketing),
                any_tracking(stage_ids, channel_ids),
            )
        })
        // Boxed: unboxed, the nested strategies' frames overflow a test thread's stack in
        // debug builds.
        .boxed();
    (
        typed_text(),
        any::<bool>(),
        typed_text(),
        typed_text(),
        typed_text(),
        stages_and_marketing,
        typed_text(),
        (
            typed_text(),
            prop::sample::select(Lang::ALL.to_vec()),
            // The annual plan and the forecast are one text each to every page but their own:
            // any text round-trips.
            typed_text(),
            typed_text(),
        ),
    )
        .prop_map(
            |(
                name,
                is_revenue,
                revenue_goal,
                new_customers_goal,
                average,
                (stages, marketing, tracking),
                current,
                (currency, typed_in, annual, forecast),
            )| {
                PlanDraft {
                    name,
                    goal_kind: if is_revenue {
                        GoalKind::Revenue
                    } else {
                        GoalKind::NewCustomers
                    },
                    revenue_goal,
                    new_customers_goal,
                    average_revenue_per_customer: average,
                    stages,
                    current_top_per_month: current,
                    marketing,
                    currency,
                    typed_in,
                    tracking,
                    annual,
                    forecast,
                }
            },
        )
}

/// Any tracking side for a plan of `stages` and `channels`: a plan year set or not, 0–11 results
/// (each a stage's, the spend or the revenue; the whole plan's or one channel's; in any month;
/// any text but empty, which is never kept) and any focus areas.
///
/// The results are put in the order the schema writes them (grouped by row and channel, in the
/// order each group's first result was typed; by month within a group), the order a saved plan
/// reads back in, so that the round-trip properties can compare whole plans. Typing order is
/// not kept by a save, and need not be: `a_tracked_plan_round_trips_through_every_written_form`
/// and `results_typed_in_any_order_read_back_the_same` (tests/storage_schema.rs) check that a
/// save keeps every result whatever order they were typed in.
pub fn any_tracking(
    stages: Vec<StageId>,
    channels: Vec<ChannelId>,
) -> impl Strategy<Value = TrackingDraft> {
    let row = prop_oneof![
        3 => prop::sample::select(stages).prop_map(Row::Stage),
        1 => Just(Row::Spend),
        1 => Just(Row::Revenue),
    ];
    let channel = if channels.is_empty() {
        Just(None).boxed()
    } else {
        prop_oneof![
            2 => Just(None),
            1 => prop::sample::select(channels).prop_map(Some),
        ]
        .boxed()
    };
    // Mostly figures as people type them, now and then any text (a result is never empty). The
    // random drafts already come near the most a share link can carry, so results and focus
    // areas are kept short.
    let text = prop_oneof![
        3 => "[0-9][0-9,. ]{0,9}",
        1 => typed_text().prop_filter("a result is never empty", |text| !text.is_empty()),
    ];
    let focus_text = prop_oneof![
        2 => Just(String::new()),
        1 => typed_text(),
    ];
    let start = prop::option::of((PlanYear::YEARS, 1u8..=12))
        .prop_map(|start| start.and_then(|(year, month)| PlanYear::new(year, month)));
    let cells = prop::collection::vec((0..MONTHS, row, channel, text), 0..12);
    let focus = prop::array::uniform4(prop::array::uniform2(focus_text));
    (start, cells, focus).prop_map(|(start, typed, focus)| {
        let mut cells: Vec<ActualCell> = Vec::new();
        for (month, row, channel, text) in typed {
            let at = CellAt {
                month,
                row,
                channel,
            };
            if cells.iter().all(|cell| cell.at != at) {
                cells.push(ActualCell { at, text });
            }
        }
        let mut groups: Vec<(Row, Option<ChannelId>)> = Vec::new();
        for cell in &cells {
            let group = (cell.at.row, cell.at.channel);
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        cells.sort_by_key(|cell| {
            let group = groups
                .iter()
                .position(|group| *group == (cell.at.row, cell.at.channel));
            (group, cell.at.month)
        });
        TrackingDraft {
            start,
            cells,
            focus,
        }
    })
}

/// A stage id for a channel entry: usually one of the funnel's `stages`, sometimes any.
fn entry_stage(stages: Vec<StageId>) -> impl Strategy<Value = StageId> {
    prop_oneof![
        4 => prop::sample::select(stages),
        1 => any::<u32>().prop_map(StageId),
    ]
}

/// One channel's entries: unique stages, each with something typed (an entry with nothing typed
/// is not saved, as "absent" and "empty" mean the same).
fn any_channel_stages(stages: Vec<StageId>) -> impl Strategy<Value = Vec<ChannelStageDraft>> {
    prop::collection::vec((entry_stage(stages), typed_text(), typed_text()), 0..6).prop_map(
        |entries| {
            let mut kept: Vec<ChannelStageDraft> = Vec::new();
            for (stage, volume, rate) in entries {
                let is_new = kept.iter().all(|entry| entry.stage != stage);
                if is_new && !(volume.is_empty() && rate.is_empty()) {
                    kept.push(ChannelStageDraft {
                        stage,
                        volume,
                        rate,
                    });
                }
            }
            kept
        },
    )
}

/// 0–12 channels with unique ids in any order, any text in every field.
fn any_channels(stages: Vec<StageId>) -> impl Strategy<Value = Vec<ChannelDraft>> {
    (0usize..=12).prop_flat_map(move |count| {
        (
            prop::collection::btree_set(any::<u32>(), count)
                .prop_map(|ids| ids.into_iter().collect::<Vec<u32>>())
                .prop_shuffle(),
            prop::collection::vec(
                (
                    typed_text(),
                    typed_text(),
                    typed_text(),
                    typed_text(),
                    any_channel_stages(stages.clone()),
                ),
                count,
            ),
        )
            .prop_map(|(ids, fields)| {
                ids.into_iter()
                    .zip(fields)
                    .map(|(id, (name, share, spend, revenue, stages))| ChannelDraft {
                        id: ChannelId(id),
                        name,
                        share,
                        spend,
                        revenue,
                        stages,
                    })
                    .collect()
            })
    })
}

/// Any marketing side for a funnel of `stages`: any channels, any text, any choice.
pub fn any_marketing(stages: Vec<StageId>) -> impl Strategy<Value = MarketingDraft> {
    let rank_by = prop_oneof![
        Just(RankBy::Cac),
        Just(RankBy::Roi),
        entry_stage(stages.clone()).prop_map(RankBy::StageCost),
    ];
    (
        (typed_text(), any::<bool>(), any_channels(stages)),
        (typed_text(), typed_text(), typed_text(), typed_text()),
        (any::<bool>(), typed_text(), typed_text()),
        (rank_by, typed_text()),
    )
        .prop_map(
            |(
                (budget, is_per_month, channels),
                (customers_at_start, customers_at_end, customers_new, gross_margin),
                (is_churn, lifetime_years, churn),
                (rank_by, move_percent),
            )| MarketingDraft {
                budget,
                budget_period: if is_per_month {
                    BudgetPeriod::Month
                } else {
                    BudgetPeriod::Year
                },
                channels,
                customers_at_start,
                customers_at_end,
                customers_new,
                gross_margin,
                lifetime_kind: if is_churn {
                    LifetimeKind::Churn
                } else {
                    LifetimeKind::Years
                },
                lifetime_years,
                churn,
                rank_by,
                move_percent,
            },
        )
}

/// A key that is usually one of `fields` (a format's own names), sometimes any short name.
pub fn json_key(fields: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(fields).prop_map(str::to_owned),
        1 => "[a-z_]{1,8}",
    ]
}

/// Any JSON tree up to 4 levels deep, with keys mostly from `fields` and strings often from
/// `values`, so that random trees come close to the format being tested.
pub fn json_tree(
    fields: &'static [&'static str],
    values: &'static [&'static str],
) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..4).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |x| serde_json::Number::from_f64(x)
            .map(Value::Number)),
        prop::sample::select(values).prop_map(|s| Value::from(s.to_owned())),
        "(?s).{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((json_key(fields), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}
