//! Budget and channels: the marketing budget, a table of channels with their share of the goal,
//! spend, volume at each stage and revenue, and a table of each channel's own conversion rates.
//! Every cell keeps the text as typed; its error sits under it.

use leptos::prelude::*;

use crate::i18n::{Key, NameOf, USUAL_CHANNEL_KEYS};
use crate::model::marketing::{BudgetPeriod, ChannelDraft, Shares};
use crate::model::Share;
use crate::model::{error_for, ChannelId, Field, InputError, PlanDraft, StageId};
use crate::ui::browser::focus_later;
use crate::ui::field::{printed, Choice, InputField, Kind};
use crate::ui::state::ReportMemo;
use crate::ui::table::ScrollTable;
use crate::ui::text::{
    channel_label, decimal, error_message, field_id, rate_steps, shown_name, stage_label, t, tf, tl,
};

/// The error for `field` among the marketing inputs' errors, as a signal.
pub fn marketing_error(report: ReportMemo, field: Field) -> Signal<Option<InputError>> {
    Signal::derive(move || report.with(|report| error_for(&report.inputs.errors, field)))
}

/// The usual channels, named in the page's language.
pub fn usual_channels() -> [&'static str; 6] {
    USUAL_CHANNEL_KEYS.map(t)
}

/// The label of the channel with `id`: its name, or "Channel N" while it has none.
pub fn channel_name(draft: &PlanDraft, id: ChannelId) -> String {
    let channels = &draft.marketing.channels;
    channels
        .iter()
        .position(|channel| channel.id == id)
        .and_then(|position| {
            channels
                .get(position)
                .map(|channel| channel_label(&channel.name, position))
        })
        .unwrap_or_default()
}

/// A stage's label by id ("Stage N" while unnamed).
fn stage_name(draft: &PlanDraft, id: StageId) -> String {
    draft
        .position(id)
        .and_then(|position| {
            draft
                .stages
                .get(position)
                .map(|stage| stage_label(&stage.name, position))
        })
        .unwrap_or_default()
}

/// An input inside a table cell: its accessible name says which row and column it is, and its
/// error shows under it.
#[component]
fn CellInput(
    #[prop(into)] id: String,
    /// The accessible name, e.g. "Paid search spend".
    label: Signal<String>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<InputError>>,
    /// Grey text shown while the cell is empty (the value an empty cell stands for).
    #[prop(optional)]
    placeholder: Option<Signal<String>>,
    #[prop(optional)] kind: Kind,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let message = Signal::derive(move || error.get().map(error_message));
    let described_by = {
        let error_id = error_id.clone();
        move || message.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="cell-field" class:has-error=move || message.with(Option::is_some)>
            <input
                id=id
                type="text"
                inputmode=if kind == Kind::Number { "decimal" } else { "text" }
                autocomplete="off"
                spellcheck="false"
                aria-label=label
                placeholder=move || placeholder.map(|placeholder| placeholder.get())
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || if message.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by
            />
            // A printout shows the value as text (an empty cell: what it stands for, in grey).
            <span class="print-value" class:is-placeholder=move || value.with(String::is_empty)>
                {move || {
                    let text = value.get();
                    if text.is_empty() { placeholder.map(|placeholder| placeholder.get()).unwrap_or_default() } else { printed(&text, kind) }
                }}
            </span>
            <p class="error" id=error_id hidden=move || message.with(Option::is_none)>
                {move || message.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// A callback that edits one channel with the typed text.
fn edit(
    draft: RwSignal<PlanDraft>,
    id: ChannelId,
    apply: impl Fn(&mut ChannelDraft, String) + Send + Sync + 'static,
) -> Callback<String> {
    Callback::new(move |text| {
        draft.update(|draft| {
            if let Some(channel) = draft.marketing.channel_mut(id) {
                apply(channel, text);
            }
        })
    })
}

/// The budget and the channels.
#[component]
pub fn ChannelsPanel(draft: RwSignal<PlanDraft>, report: ReportMemo) -> impl IntoView {
    let channel_ids = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .marketing
                .channels
                .iter()
                .map(|channel| channel.id)
                .collect::<Vec<_>>()
        })
    });
    let stage_ids = Memo::new(move |_| draft.with(PlanDraft::stage_ids));
    let can_add = Memo::new(move |_| draft.with(|draft| draft.marketing.can_add_channel()));
    let add_channel = move |_| {
        let mut added = None;
        draft.update(|draft| added = draft.marketing.add_channel(t(Key::NewChannelName)));
        if let Some(id) = added {
            focus_later(field_id(Field::ChannelName(id)));
        }
    };
    let add_usual = move |_| {
        draft.update(|draft| {
            for name in usual_channels() {
                draft.marketing.add_channel(name);
            }
        });
        focus_later("add-channel".to_owned());
    };
    let budget_period = Memo::new(move |_| draft.with(|draft| draft.marketing.budget_period));
    let stage_headers = move || {
        draft.with(|draft| {
            draft
                .stages
                .iter()
                .enumerate()
                .map(|(position, stage)| {
                    view! { <th scope="col">{stage_label(&stage.name, position)}</th> }
                })
                .collect_view()
        })
    };
    let rate_headers = move || {
        draft
            .with(rate_steps)
            .into_iter()
            .map(|(_, from, to)| {
                view! { <th scope="col">{tf(Key::RateColumn, &[("from", &from), ("to", &to)])}</th> }
            })
            .collect_view()
    };
    let shares_error = marketing_error(report, Field::ChannelShares);

    view! {
        <section class="card" aria-labelledby="channels-heading">
            <h2 id="channels-heading">{t(Key::ChannelsHeading)}</h2>
            <p class="hint">{t(Key::ChannelsIntro)}</p>
            <div class="budget-row">
                <InputField
                    id=field_id(Field::Budget)
                    label=Signal::stored(t(Key::BudgetLabel).to_owned())
                    value=Signal::derive(move || draft.with(|draft| draft.marketing.budget.clone()))
                    on_input=Callback::new(move |text| draft.update(|draft| draft.marketing.budget = text))
                    error=marketing_error(report, Field::Budget)
                    hint=Signal::stored(t(Key::BudgetHint).to_owned())
                    kind=Kind::Number
                />
                <Choice
                    name="budget-period"
                    legend=Key::BudgetPeriodLegend
                    options=vec![Key::BudgetPerYear, Key::BudgetPerMonth]
                    selected=Signal::derive(move || usize::from(budget_period.get() == BudgetPeriod::Month))
                    on_select=Callback::new(move |index| {
                        let period = if index == 1 { BudgetPeriod::Month } else { BudgetPeriod::Year };
                        draft.update(|draft| draft.marketing.budget_period = period)
                    })
                />
            </div>
            <Show
                when=move || !channel_ids.with(Vec::is_empty)
                fallback=move || {
                    view! {
                        <p>{t(Key::NoChannels)}</p>
                        <button type="button" on:click=add_usual>{t(Key::AddUsualChannels)}</button>
                    }
                }
            >
                <ScrollTable caption_id="channels-caption" class="input-table">
                    <caption id="channels-caption">{t(Key::ChannelsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::ChannelColumn)}</th>
                            <th scope="col">{t(Key::ShareColumn)}</th>
                            <th scope="col">{t(Key::SpendColumn)}</th>
                            {stage_headers}
                            <th scope="col">{t(Key::RevenueColumn)}</th>
                            <th scope="col">{t(Key::ActionsColumn)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || channel_ids.get()
                            key=|id| *id
                            children=move |id| view! { <ChannelRow id draft report stage_ids /> }
                        />
                    </tbody>
                </ScrollTable>
                <p class="hint" id=field_id(Field::ChannelShares) tabindex="-1">
                    {move || shares_summary(report)}
                </p>
                <p class="error" hidden=move || shares_error.with(Option::is_none)>
                    {move || shares_error.get().map(error_message).unwrap_or_default()}
                </p>
            </Show>
            <button
                type="button"
                id="add-channel"
                on:click=add_channel
                disabled=move || !can_add.get()
                aria-describedby=move || (!can_add.get()).then_some("channel-limit")
            >
                {t(Key::AddChannel)}
            </button>
            <p class="hint" id="channel-limit" hidden=move || can_add.get()>
                {tl(Key::ChannelLimitReached, &[])}
            </p>
            <Show when=move || !channel_ids.with(Vec::is_empty) && stage_ids.with(|ids| ids.len() > 1)>
                <details class="own-rates">
                    <summary>{t(Key::RatesHeading)}</summary>
                    <p class="hint">{t(Key::RatesHint)}</p>
                    <ScrollTable caption_id="rates-caption" class="input-table">
                        <caption id="rates-caption">{t(Key::RatesCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(Key::ChannelColumn)}</th>
                                {rate_headers}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || channel_ids.get()
                                key=|id| *id
                                children=move |id| view! { <RateRow id draft report stage_ids /> }
                            />
                        </tbody>
                    </ScrollTable>
                </details>
            </Show>
        </section>
    }
}

/// How the shares of the customers goal add up.
fn shares_summary(report: ReportMemo) -> String {
    report.with(|report| {
        let channels = &report.inputs.channels;
        let shares = Shares::of(channels);
        let percent_of = |share: Share| crate::ui::text::percent(share.percent());
        if shares.untyped == channels.len() {
            tf(Key::SharesAllEven, &[("share", &percent_of(shares.even))])
        } else if shares.untyped == 0 {
            tf(Key::SharesExact, &[("typed", &percent_of(shares.typed))])
        } else {
            tf(
                Key::SharesTyped,
                &[
                    ("typed", &percent_of(shares.typed)),
                    ("left", &percent_of(shares.left())),
                ],
            )
        }
    })
}

/// One channel's row: name, share, spend, a volume per stage, revenue and Remove.
#[component]
fn ChannelRow(
    id: ChannelId,
    draft: RwSignal<PlanDraft>,
    report: ReportMemo,
    stage_ids: Memo<Vec<StageId>>,
) -> impl IntoView {
    let position = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .marketing
                .channels
                .iter()
                .position(|channel| channel.id == id)
                .unwrap_or(0)
        })
    });
    let label = Memo::new(move |_| draft.with(|draft| channel_name(draft, id)));
    let text = move |read: fn(&ChannelDraft) -> &str| {
        Signal::derive(move || {
            draft.with(|draft| {
                draft
                    .marketing
                    .channel(id)
                    .map(|channel| read(channel).to_owned())
                    .unwrap_or_default()
            })
        })
    };
    // A figure of this channel typed into its own cell: share, spend or revenue.
    let cell = move |field: Field,
                     key: Key,
                     read: fn(&ChannelDraft) -> &str,
                     write: fn(&mut ChannelDraft) -> &mut String| {
        view! {
            <td>
                <CellInput
                    id=field_id(field)
                    label=Signal::derive(move || tf(key, &[("channel", &label.get())]))
                    value=text(read)
                    on_input=edit(draft, id, move |channel, text| *write(channel) = text)
                    error=marketing_error(report, field)
                    kind=Kind::Number
                />
            </td>
        }
    };
    let remove = move |_| {
        draft.update(|draft| draft.remove_channel(id));
        focus_later("add-channel".to_owned());
    };
    view! {
        <tr>
            <th scope="row">
                <CellInput
                    id=field_id(Field::ChannelName(id))
                    label=Signal::derive(move || tf(Key::ChannelNameLabel, &[("number", &(position.get() + 1).to_string())]))
                    value=Signal::derive(move || shown_name(&text(|channel| &channel.name).get(), NameOf::Channel))
                    on_input=edit(draft, id, |channel, text| channel.name = text)
                    error=marketing_error(report, Field::ChannelName(id))
                />
            </th>
            {cell(Field::ChannelShare(id), Key::ChannelShareLabel, |c| &c.share, |c| &mut c.share)}
            {cell(Field::ChannelSpend(id), Key::ChannelSpendLabel, |c| &c.spend, |c| &mut c.spend)}
            <For
                each=move || stage_ids.get()
                key=|stage| *stage
                children=move |stage| {
                    view! {
                        <td>
                            <CellInput
                                id=field_id(Field::ChannelVolume(id, stage))
                                label=Signal::derive(move || {
                                    let stage_name = draft.with(|draft| stage_name(draft, stage));
                                    tf(Key::ChannelVolumeLabel, &[("channel", &label.get()), ("stage", &stage_name)])
                                })
                                value=Signal::derive(move || {
                                    draft.with(|draft| {
                                        draft.marketing.channel(id).map(|channel| channel.volume(stage).to_owned()).unwrap_or_default()
                                    })
                                })
                                on_input=edit(draft, id, move |channel, text| channel.set_volume(stage, text))
                                error=marketing_error(report, Field::ChannelVolume(id, stage))
                                kind=Kind::Number
                            />
                        </td>
                    }
                }
            />
            {cell(Field::ChannelRevenue(id), Key::ChannelRevenueLabel, |c| &c.revenue, |c| &mut c.revenue)}
            <td>
                <button type="button" class="remove" aria-label=move || tf(Key::RemoveChannelName, &[("channel", &label.get())]) on:click=remove>
                    {t(Key::Remove)}
                </button>
            </td>
        </tr>
    }
}

/// One channel's own rates, one cell per stage above the last; an empty cell shows in grey the
/// rate the channel converts at without one: its volumes' where they give one, else the plan's.
#[component]
fn RateRow(
    id: ChannelId,
    draft: RwSignal<PlanDraft>,
    report: ReportMemo,
    stage_ids: Memo<Vec<StageId>>,
) -> impl IntoView {
    let label = Memo::new(move |_| draft.with(|draft| channel_name(draft, id)));
    let upper_stages = move || {
        stage_ids.with(|ids| {
            let count = ids.len().saturating_sub(1);
            ids.iter().take(count).copied().collect::<Vec<_>>()
        })
    };
    view! {
        <tr>
            <th scope="row">{label}</th>
            <For
                each=upper_stages
                key=|stage| *stage
                children=move |stage| {
                    let rate_label = Signal::derive(move || {
                        draft.with(|draft| {
                            let from = stage_name(draft, stage);
                            let to = draft
                                .next_stage_name(stage)
                                .zip(draft.position(stage))
                                .map(|(name, position)| stage_label(name, position + 1))
                                .unwrap_or_default();
                            tf(Key::ChannelRateLabel, &[("channel", &label.get()), ("from", &from), ("to", &to)])
                        })
                    });
                    view! {
                        <td>
                            <CellInput
                                id=field_id(Field::ChannelRate(id, stage))
                                label=rate_label
                                value=Signal::derive(move || {
                                    draft.with(|draft| {
                                        draft.marketing.channel(id).map(|channel| channel.rate(stage).to_owned()).unwrap_or_default()
                                    })
                                })
                                on_input=edit(draft, id, move |channel, text| channel.set_rate(stage, text))
                                error=marketing_error(report, Field::ChannelRate(id, stage))
                                placeholder=Signal::derive(move || {
                                    let index = stage_ids.with(|ids| ids.iter().position(|at| *at == stage));
                                    let from_volumes = report.with(|report| {
                                        let channel = report.inputs.channels.iter().find(|channel| channel.id == id)?;
                                        channel.rate_from_volumes(index?)
                                    });
                                    match from_volumes {
                                        Some(rate) => decimal(rate.percent(), 2),
                                        None => draft.with(|draft| draft.stage(stage).map(|stage| stage.rate_to_next.trim().to_owned()).unwrap_or_default()),
                                    }
                                })
                                kind=Kind::Number
                            />
                        </td>
                    }
                }
            />
        </tr>
    }
}
