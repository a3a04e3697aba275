//! The KPIs: the inputs of customer value and retention, a table of KPIs per channel and for all
//! channels with "how it is calculated".

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::channels::{opportunity_stage, Report};
use crate::model::kpi::{Figure, Kpis};
use crate::model::marketing::{Lifetime, LifetimeKind};
use crate::model::{Field, PlanDraft};
use crate::ui::channels::inputs::marketing_error;
use crate::ui::field::{Choice, InputField, Kind};
use crate::ui::figures::{cost_text, figure, format, reason_text, stage_at, Unit};
use crate::ui::state::ReportMemo;
use crate::ui::table::{list_items, live_table, Cell, Row, Table};
use crate::ui::text::{channel_label, exact, field_id, money, money_exact, percent, t, tf};

/// A marketing text field of the draft, with its error.
fn marketing_field(
    draft: RwSignal<PlanDraft>,
    report: ReportMemo,
    field: Field,
    label: Key,
    read: fn(&PlanDraft) -> &String,
    write: fn(&mut PlanDraft) -> &mut String,
) -> impl IntoView {
    view! {
        <InputField
            id=field_id(field)
            label=Signal::stored(t(label).to_owned())
            value=Signal::derive(move || draft.with(|draft| read(draft).clone()))
            on_input=Callback::new(move |text| draft.update(|draft| *write(draft) = text))
            error=marketing_error(report, field)
            kind=Kind::Number
        />
    }
}

/// One row of the KPI table: its name, how it is written and its value in a set of KPIs.
struct KpiRow {
    name: String,
    unit: Unit,
    value: fn(&Kpis, usize) -> Figure,
    stage: usize,
    /// A cost per unit at `stage` (spend for nothing there reads "0 Leads for 1,000").
    is_cost: bool,
}

fn kpi_rows(stage_names: &[String]) -> Vec<KpiRow> {
    let count = stage_names.len();
    let mut rows: Vec<KpiRow> = (0..count.saturating_sub(1))
        .map(|stage| KpiRow {
            name: tf(Key::KpiCostPer, &[("stage", &stage_at(stage_names, stage))]),
            unit: Unit::Money,
            value: |kpis, stage| kpis.cost_at(stage),
            stage,
            is_cost: true,
        })
        .collect();
    let plain = |key: Key, unit: Unit, value: fn(&Kpis, usize) -> Figure| KpiRow {
        name: t(key).to_owned(),
        unit,
        value,
        stage: 0,
        is_cost: false,
    };
    rows.push(KpiRow {
        stage: count.saturating_sub(1),
        is_cost: true,
        ..plain(Key::KpiCac, Unit::Money, |kpis, _| kpis.cac())
    });
    rows.push(plain(Key::KpiRoi, Unit::Percent, |kpis, _| kpis.roi));
    rows.push(plain(Key::KpiRoas, Unit::Multiple, |kpis, _| kpis.roas));
    rows.push(plain(Key::KpiWinRate, Unit::Percent, |kpis, _| {
        kpis.win_rate
    }));
    rows.push(plain(Key::KpiLtvToCac, Unit::Multiple, |kpis, _| {
        kpis.ltv_to_cac
    }));
    rows.push(plain(Key::KpiPayback, Unit::Plain, |kpis, _| {
        kpis.payback_months
    }));
    rows
}

/// The KPIs panel.
#[component]
pub fn KpiPanel(draft: RwSignal<PlanDraft>, report: ReportMemo) -> impl IntoView {
    let lifetime_kind = Memo::new(move |_| draft.with(|draft| draft.marketing.lifetime_kind));
    // Which column "How the KPIs are calculated" explains: all channels, or channel N.
    let explain = RwSignal::new(None::<usize>);
    // Memos, so that a keystroke writes again only what it changed: the table changes in place.
    let table = Memo::new(move |_| report.with(kpi_table));
    let value_figures = Memo::new(move |_| {
        report.with(|report| {
            let names = &report.stage_names;
            (
                figure(report.value.lifetime_value, Unit::Money, names),
                figure(report.value.retention, Unit::Percent, names),
            )
        })
    });
    let channel_labels = Memo::new(move |_| {
        report.with(|report| {
            report
                .inputs
                .channels
                .iter()
                .enumerate()
                .map(|(index, channel)| channel_label(&channel.name, index))
                .collect::<Vec<_>>()
        })
    });
    let steps = Memo::new(move |_| {
        report.with(|report| {
            let kpis = explain
                .get()
                .and_then(|index| report.kpis.get(index))
                .unwrap_or(&report.all);
            kpi_steps(report, kpis)
        })
    });
    view! {
        <section class="card" aria-labelledby="kpi-heading">
            <h2 id="kpi-heading">{t(Key::KpiHeading)}</h2>
            <p class="hint">{t(Key::KpiIntro)}</p>
            <div class="kpi-inputs">
                <fieldset>
                    <legend>{t(Key::CustomerValueLegend)}</legend>
                    {marketing_field(draft, report, Field::GrossMargin, Key::GrossMarginLabel, |d| &d.marketing.gross_margin, |d| &mut d.marketing.gross_margin)}
                    <Choice
                        name="lifetime-kind"
                        legend=Key::LifetimeLegend
                        options=vec![Key::LifetimeAsYears, Key::LifetimeAsChurn]
                        selected=Signal::derive(move || usize::from(lifetime_kind.get() == LifetimeKind::Churn))
                        on_select=Callback::new(move |index| {
                            let kind = if index == 1 { LifetimeKind::Churn } else { LifetimeKind::Years };
                            draft.update(|draft| draft.marketing.lifetime_kind = kind)
                        })
                    />
                    <Show
                        when=move || lifetime_kind.get() == LifetimeKind::Years
                        fallback=move || marketing_field(draft, report, Field::Churn, Key::ChurnLabel, |d| &d.marketing.churn, |d| &mut d.marketing.churn)
                    >
                        {marketing_field(draft, report, Field::LifetimeYears, Key::LifetimeYearsLabel, |d| &d.marketing.lifetime_years, |d| &mut d.marketing.lifetime_years)}
                    </Show>
                </fieldset>
                <fieldset>
                    <legend>{t(Key::RetentionLegend)}</legend>
                    {marketing_field(draft, report, Field::CustomersAtStart, Key::CustomersAtStartLabel, |d| &d.marketing.customers_at_start, |d| &mut d.marketing.customers_at_start)}
                    {marketing_field(draft, report, Field::CustomersAtEnd, Key::CustomersAtEndLabel, |d| &d.marketing.customers_at_end, |d| &mut d.marketing.customers_at_end)}
                    {marketing_field(draft, report, Field::CustomersNew, Key::CustomersNewLabel, |d| &d.marketing.customers_new, |d| &mut d.marketing.customers_new)}
                </fieldset>
            </div>
            <dl class="plan-kpis">
                <div>
                    <dt>{t(Key::KpiLifetimeValue)}</dt>
                    <dd>{move || value_figures.with(|(value, _)| value.clone())}</dd>
                </div>
                <div>
                    <dt>{t(Key::KpiRetention)}</dt>
                    <dd>{move || value_figures.with(|(_, retention)| retention.clone())}</dd>
                </div>
            </dl>
            {move || table.with(Option::is_none).then(|| view! { <p class="note">{t(Key::KpiNothingTyped)}</p> })}
            {live_table(table)}
            <details class="how">
                <summary>{t(Key::HowKpiHeading)}</summary>
                <div class="field inline">
                    <label for="explain-for">{t(Key::ExplainFor)}</label>
                    <select
                        id="explain-for"
                        on:change=move |ev| explain.set(event_target_value(&ev).parse().ok())
                    >
                        <option value="all" selected=move || explain.get().is_none()>{t(Key::AllChannels)}</option>
                        {move || {
                            channel_labels
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(index, label)| {
                                    view! {
                                        <option value=index.to_string() selected=move || explain.get() == Some(index)>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                    <span class="print-value">
                        {move || {
                            let label = explain.get().and_then(|index| channel_labels.with(|labels| labels.get(index).cloned()));
                            label.unwrap_or_else(|| t(Key::AllChannels).to_owned())
                        }}
                    </span>
                </div>
                <ul>
                    {move || list_items(steps.get())}
                </ul>
            </details>
        </section>
    }
}

/// The KPIs of the channels that have figures, and of all channels; `None` while no channel has
/// any (the panel says so instead).
fn kpi_table(report: &Report) -> Option<Table> {
    let shown: Vec<usize> = report
        .inputs
        .channels
        .iter()
        .enumerate()
        .filter(|(_, channel)| channel.has_figures())
        .map(|(index, _)| index)
        .collect();
    if shown.is_empty() {
        return None;
    }
    let mut columns = vec![t(Key::KpiColumn).to_owned()];
    columns.extend(shown.iter().filter_map(|index| {
        let channel = report.inputs.channels.get(*index)?;
        Some(channel_label(&channel.name, *index))
    }));
    columns.push(t(Key::AllChannels).to_owned());
    let names = &report.stage_names;
    let rows = kpi_rows(names)
        .into_iter()
        .map(|row| {
            let cells = shown
                .iter()
                .filter_map(|index| report.kpis.get(*index))
                .chain([&report.all])
                .map(|kpis| {
                    let value = (row.value)(kpis, row.stage);
                    match value {
                        Ok(value) => Cell::figure(format(value, row.unit), value),
                        Err(_) if row.is_cost => Cell::text(cost_text(kpis, row.stage, names)),
                        Err(_) => Cell::text(figure(value, row.unit, names)),
                    }
                })
                .collect();
            Row::new(row.name, cells)
        })
        .collect();
    Some(Table {
        id: "kpi-caption",
        caption: t(Key::KpiCaption).to_owned(),
        columns,
        rows,
    })
}

/// Each KPI of `kpis` worked out with its numbers, or why it cannot be.
fn kpi_steps(report: &Report, kpis: &Kpis) -> Vec<String> {
    let names = &report.stage_names;
    let count = names.len();
    let number =
        |value: Option<f64>| value.map_or_else(|| t(Key::ChannelUnavailable).to_owned(), exact);
    let amount = |value: Option<f64>| {
        value.map_or_else(|| t(Key::ChannelUnavailable).to_owned(), money_exact)
    };
    let revenue = amount(kpis.revenue);
    let revenue_spend = amount(kpis.revenue_spend);
    let cost_input = |stage: usize| {
        let (spend, volume) = kpis.cost_inputs.get(stage).copied().unwrap_or_default();
        (amount(spend), number(volume))
    };
    let step =
        |kpi: String, value: Figure, unit: Unit, worked: &dyn Fn(String) -> String| match value {
            Ok(result) => worked(format(result, unit)),
            Err(reason) => tf(
                Key::HowNotYet,
                &[("kpi", &kpi), ("reason", &reason_text(reason, names))],
            ),
        };
    let mut steps = Vec::new();
    for stage in 0..count.saturating_sub(1) {
        let stage_name = stage_at(names, stage);
        let kpi = tf(Key::KpiCostPer, &[("stage", &stage_name)]);
        let value = kpis.cost_at(stage);
        let (spend, volume) = cost_input(stage);
        steps.push(step(kpi, value, Unit::Money, &|result| {
            tf(
                Key::HowCostPer,
                &[
                    ("stage", &stage_name),
                    ("spend", &spend),
                    ("volume", &volume),
                    ("result", &result),
                ],
            )
        }));
    }
    let bottom = count.saturating_sub(1);
    let customers = stage_at(names, bottom);
    let (spend, volume) = cost_input(bottom);
    steps.push(step(
        t(Key::KpiCac).to_owned(),
        kpis.cac(),
        Unit::Money,
        &|result| {
            tf(
                Key::HowCac,
                &[
                    ("customers", &customers),
                    ("spend", &spend),
                    ("volume", &volume),
                    ("result", &result),
                ],
            )
        },
    ));
    steps.push(step(
        t(Key::KpiRoi).to_owned(),
        kpis.roi,
        Unit::Percent,
        &|result| {
            tf(
                Key::HowRoi,
                &[
                    ("revenue", &revenue),
                    ("spend", &revenue_spend),
                    ("result", &result),
                ],
            )
        },
    ));
    steps.push(step(
        t(Key::KpiRoas).to_owned(),
        kpis.roas,
        Unit::Multiple,
        &|result| {
            tf(
                Key::HowRoas,
                &[
                    ("revenue", &revenue),
                    ("spend", &revenue_spend),
                    ("result", &result),
                ],
            )
        },
    ));
    let opportunities = opportunity_stage(count);
    steps.push(step(
        t(Key::KpiWinRate).to_owned(),
        kpis.win_rate,
        Unit::Percent,
        &|result| {
            tf(
                Key::HowWinRate,
                &[
                    ("customers", &customers),
                    ("opportunities", &stage_at(names, opportunities)),
                    ("won", &number(kpis.won)),
                    ("open", &number(kpis.opportunities)),
                    ("result", &result),
                ],
            )
        },
    ));
    let value = &report.value;
    let average = amount(value.average_revenue);
    let margin = report.inputs.gross_margin.map_or_else(
        || t(Key::ChannelUnavailable).to_owned(),
        |margin| percent(margin.percent()),
    );
    let years = value.lifetime.map(Lifetime::years);
    if let Some(Lifetime::Churn { churn }) = value.lifetime {
        steps.push(tf(
            Key::HowLtvChurn,
            &[
                ("churn", &percent(churn.percent())),
                ("years", &number(years)),
            ],
        ));
    }
    steps.push(step(
        t(Key::KpiLifetimeValue).to_owned(),
        value.lifetime_value,
        Unit::Money,
        &|result| {
            tf(
                Key::HowLtv,
                &[
                    ("average", &average),
                    ("margin", &margin),
                    ("years", &number(years)),
                    ("result", &result),
                ],
            )
        },
    ));
    let cac = kpis.cac().map_or_else(
        |_| t(Key::ChannelUnavailable).to_owned(),
        |cac| format(cac, Unit::Money),
    );
    steps.push(step(
        t(Key::KpiLtvToCac).to_owned(),
        kpis.ltv_to_cac,
        Unit::Multiple,
        &|result| {
            let ltv = value.lifetime_value.map_or_else(|_| String::new(), money);
            tf(
                Key::HowLtvToCac,
                &[("ltv", &ltv), ("cac", &cac), ("result", &result)],
            )
        },
    ));
    steps.push(step(
        t(Key::KpiPayback).to_owned(),
        kpis.payback_months,
        Unit::Plain,
        &|result| {
            tf(
                Key::HowPayback,
                &[
                    ("cac", &cac),
                    ("average", &average),
                    ("margin", &margin),
                    ("result", &result),
                ],
            )
        },
    ));
    steps.push(step(
        t(Key::KpiRetention).to_owned(),
        value.retention,
        Unit::Percent,
        &|result| {
            let inputs = &report.inputs;
            tf(
                Key::HowRetention,
                &[
                    ("end", &number(inputs.customers_at_end)),
                    ("new", &number(inputs.customers_new)),
                    ("start", &number(inputs.customers_at_start)),
                    ("result", &result),
                ],
            )
        },
    ));
    steps
}
