//! Proptest strategies shared by the native test files: plans as people might type them.
// Each test file uses only some of them.
#![allow(dead_code)]

use funnel_planner::model::marketing::{BudgetPeriod, ChannelStageDraft, LifetimeKind, RankBy};
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

/// Any plan as typed: 2–10 stages with unique ids in any order, any text in every field, and a
/// marketing side whose channels hold entries for some of those stages (and now and then for a
/// stage that no longer exists).
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
    let stages_and_marketing = stages.prop_flat_map(|stages| {
        let ids: Vec<StageId> = stages.iter().map(|stage| stage.id).collect();
        (Just(stages), any_marketing(ids))
    });
    (
        typed_text(),
        any::<bool>(),
        typed_text(),
        typed_text(),
        typed_text(),
        stages_and_marketing,
        typed_text(),
        (typed_text(), prop::sample::select(Lang::ALL.to_vec())),
    )
        .prop_map(
            |(
                name,
                is_revenue,
                revenue_goal,
                new_customers_goal,
                average,
                (stages, marketing),
                current,
                (currency, typed_in),
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
                    tracking: Default::default(),
                }
            },
        )
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
