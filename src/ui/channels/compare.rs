//! Which channels earn their money: the channels ranked by a KPI, with a suggested move of budget
//! from the worst to the best and its linear projection.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::channels::{
    has_cheap_leads, lead_stage, opportunity_stage, per_thousand, Metric, NoReallocation, Report,
    SPEND_QUOTED,
};
use crate::model::kpi::Figure;
use crate::model::marketing::RankBy;
use crate::model::{Field, PlanDraft};
use crate::ui::channels::inputs::marketing_error;
use crate::ui::field::{InputField, Kind};
use crate::ui::figures::{channel_name_at, cost_text, figure, reason_text, stage_at, Unit};
use crate::ui::state::ReportMemo;
use crate::ui::table::{list_items, live_table, Cell, Row, Table};
use crate::ui::text::{exact, field_id, money, percent, rate_steps, t, tf};

/// The name of `metric`, as in "Channels ranked by CAC".
fn metric_name(metric: Metric, stage_names: &[String]) -> String {
    match metric {
        Metric::StageCost(stage) => {
            tf(Key::KpiCostPer, &[("stage", &stage_at(stage_names, stage))])
        }
        Metric::Cac => t(Key::KpiCac).to_owned(),
        Metric::Roi => t(Key::KpiRoi).to_owned(),
    }
}

/// Which channels earn their money.
#[component]
pub fn ComparePanel(draft: RwSignal<PlanDraft>, report: ReportMemo) -> impl IntoView {
    let rank_by = Memo::new(move |_| draft.with(|draft| draft.marketing.rank_by));
    let on_rank = move |ev| {
        let value = event_target_value(&ev);
        let rank_by = match value.as_str() {
            "roi" => RankBy::Roi,
            other => other
                .strip_prefix("stage-")
                .and_then(|id| id.parse().ok())
                .map_or(RankBy::Cac, |id| {
                    RankBy::StageCost(crate::model::StageId(id))
                }),
        };
        draft.update(|draft| draft.marketing.rank_by = rank_by);
    };
    let stage_options = move || {
        draft
            .with(rate_steps)
            .into_iter()
            .map(|(id, name, _)| {
                view! {
                    <option value=format!("stage-{}", id.0) selected=move || rank_by.get() == RankBy::StageCost(id)>
                        {tf(Key::KpiCostPer, &[("stage", &name)])}
                    </option>
                }
            })
            .collect_view()
    };
    // Memos, so that a keystroke writes again only what it changed: the table changes in place.
    let ranking = Memo::new(move |_| report.with(ranking));
    let table = Memo::new(move |_| ranking.with(|ranking| ranking.table.clone()));
    let suggestion = Memo::new(move |_| report.with(suggestion));
    view! {
        <section class="card" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{t(Key::CompareHeading)}</h2>
            <div class="field inline">
                <label for="rank-by">{t(Key::RankByLabel)}</label>
                <select id="rank-by" on:change=on_rank>
                    {stage_options}
                    <option value="cac" selected=move || rank_by.get() == RankBy::Cac>{t(Key::KpiCac)}</option>
                    <option value="roi" selected=move || rank_by.get() == RankBy::Roi>{t(Key::KpiRoi)}</option>
                </select>
            </div>
            {move || ranking.with(|ranking| ranking.nothing_ranked.clone()).map(|note| view! { <p class="note">{note}</p> })}
            {live_table(table)}
            {move || ranking.with(|ranking| ranking.unranked.clone()).map(|note| view! { <p class="note">{note}</p> })}
            <InputField
                id=field_id(Field::MovePercent)
                label=Signal::stored(t(Key::MovePercentLabel).to_owned())
                value=Signal::derive(move || draft.with(|draft| draft.marketing.move_percent.clone()))
                on_input=Callback::new(move |text| draft.update(|draft| draft.marketing.move_percent = text))
                error=marketing_error(report, Field::MovePercent)
                kind=Kind::Number
                suffix="%"
            />
            <div class="suggestion" aria-live="polite">
                <ul class="plain">{move || list_items(suggestion.get())}</ul>
            </div>
        </section>
    }
}

/// The channels ranked: the table, or why no channel is ranked, and the channels left out.
#[derive(Debug, Clone, PartialEq)]
struct Ranking {
    table: Option<Table>,
    nothing_ranked: Option<String>,
    unranked: Option<String>,
}

fn ranking(report: &Report) -> Ranking {
    let names = &report.stage_names;
    let count = names.len();
    let metric = metric_name(report.metric, names);
    if report.ranked.is_empty() {
        return Ranking {
            table: None,
            nothing_ranked: Some(tf(Key::NothingRanked, &[("metric", &metric)])),
            unranked: None,
        };
    }
    let (lead, opportunity) = (lead_stage(count), opportunity_stage(count));
    let mut stages = vec![lead];
    if lead < opportunity {
        stages.push(opportunity);
    }
    let channel_name = |index: usize| channel_name_at(report, index);
    let cost_name = |stage: usize| tf(Key::KpiCostPer, &[("stage", &stage_at(names, stage))]);
    let mut columns = vec![
        t(Key::ChannelColumn).to_owned(),
        t(Key::RankColumn).to_owned(),
    ];
    columns.extend(stages.iter().map(|stage| cost_name(*stage)));
    columns.extend([Key::KpiCac, Key::KpiRoi, Key::NoteColumn].map(|key| t(key).to_owned()));
    let rows = report
        .ranked
        .iter()
        .enumerate()
        .filter_map(|(rank, index)| {
            let kpis = report.kpis.get(*index)?;
            let mut cells = vec![Cell::text((rank + 1).to_string())];
            cells.extend(
                stages
                    .iter()
                    .map(|stage| Cell::text(cost_text(kpis, *stage, names))),
            );
            cells.push(Cell::text(cost_text(kpis, count.saturating_sub(1), names)));
            cells.push(Cell::text(figure(kpis.roi, Unit::Percent, names)));
            let note = if has_cheap_leads(kpis, &report.all) {
                tf(
                    Key::CheapLeads,
                    &[
                        ("leads", &stage_at(names, lead)),
                        ("opportunities", &stage_at(names, opportunity)),
                    ],
                )
            } else {
                String::new()
            };
            cells.push(Cell::text(note));
            Some(Row::new(channel_name(*index), cells))
        })
        .collect();
    let unranked: Vec<String> = (0..report.inputs.channels.len())
        .filter(|index| !report.ranked.contains(index))
        .map(channel_name)
        .collect();
    Ranking {
        table: Some(Table {
            id: "rank-caption",
            caption: tf(Key::RankCaption, &[("metric", &metric)]),
            columns,
            rows,
        }),
        nothing_ranked: None,
        unranked: (!unranked.is_empty()).then(|| {
            tf(
                Key::NotRanked,
                &[("metric", &metric), ("channels", &unranked.join(", "))],
            )
        }),
    }
}

/// The suggested move of budget, its linear projection and its assumption, as sentences.
fn suggestion(report: &Report) -> Vec<String> {
    let names = &report.stage_names;
    let metric = metric_name(report.metric, names);
    let channel_name = |index: usize| channel_name_at(report, index);
    let move_ = match &report.reallocation {
        Ok(move_) => move_,
        Err(NoReallocation::TooFewRanked) => {
            return vec![tf(Key::MoveTooFew, &[("metric", &metric)])]
        }
        Err(NoReallocation::AllEqual) => {
            return vec![tf(Key::MoveAllEqual, &[("metric", &metric)])]
        }
        Err(NoReallocation::NoShare) => return vec![t(Key::MoveNoShare).to_owned()],
        Err(NoReallocation::NothingToMove) => {
            let from = report
                .ranked
                .last()
                .copied()
                .map(channel_name)
                .unwrap_or_default();
            return vec![tf(Key::MoveNothing, &[("from", &from)])];
        }
    };
    let (from, to) = (channel_name(move_.from), channel_name(move_.to));
    let customers_name = stage_at(names, names.len().saturating_sub(1));
    let signed = |value: f64, text: String| {
        if value > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    let projection = match (move_.customers_change, move_.revenue_change) {
        (Ok(customers), Ok(revenue)) => tf(
            Key::MoveProjection,
            &[
                ("customers", &signed(customers, exact(customers))),
                ("customers_name", &customers_name),
                ("revenue", &signed(revenue, money(revenue))),
            ],
        ),
        (Ok(customers), Err(reason)) => tf(
            Key::MoveProjectionCustomersOnly,
            &[
                ("customers", &signed(customers, exact(customers))),
                ("customers_name", &customers_name),
                ("reason", &reason_text(reason, names)),
            ],
        ),
        (Err(reason), Ok(revenue)) => tf(
            Key::MoveProjectionRevenueOnly,
            &[
                ("revenue", &signed(revenue, money(revenue))),
                ("customers_name", &customers_name),
                ("reason", &reason_text(reason, names)),
            ],
        ),
        (Err(reason), Err(_)) => tf(
            Key::MoveProjectionNone,
            &[("reason", &reason_text(reason, names))],
        ),
    };
    let per_thousand = |value: Figure, is_money: bool| match per_thousand(value) {
        Ok(value) if is_money => money(value),
        Ok(value) => exact(value),
        Err(_) => t(Key::ChannelUnavailable).to_owned(),
    };
    vec![
        tf(
            Key::MoveSuggestion,
            &[
                ("amount", &money(move_.amount)),
                ("share", &percent(move_.share.percent())),
                ("from", &from),
                ("to", &to),
            ],
        ),
        projection,
        tf(
            Key::MoveAssumption,
            &[
                ("unit", &money(SPEND_QUOTED)),
                ("to", &to),
                (
                    "to_customers",
                    &per_thousand(move_.to_customers_per_spend, false),
                ),
                ("customers_name", &customers_name),
                (
                    "to_revenue",
                    &per_thousand(move_.to_revenue_per_spend, true),
                ),
                ("from", &from),
                (
                    "from_customers",
                    &per_thousand(move_.from_customers_per_spend, false),
                ),
                (
                    "from_revenue",
                    &per_thousand(move_.from_revenue_per_spend, true),
                ),
            ],
        ),
    ]
}
