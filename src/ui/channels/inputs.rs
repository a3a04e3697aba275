//! Budget and channels: the marketing budget, a table of channels with their share of the goal,
//! spend, volume at each stage and revenue, and a table of each channel's own conversion rates.
//! Every cell keeps the text as typed; its error sits under it.

use leptos::prelude::*;

use crate::i18n::{Key, NameOf, USUAL_CHANNEL_KEYS};
use crate::model::marketing::{BudgetPeriod, ChannelDraft, Shares};
use crate::model::Share;
use crate::model::{error_for, ChannelId, Field, FieldError, InputError, PlanDraft, StageId};
use crate::ui::browser::focus_later;
use crate::ui::field::{printed, Choice, InputField, Kind};
use crate::ui::later::Later;
use crate::ui::state::ReportMemo;
use crate::ui::table::ScrollTable;
use crate::ui::text::{
    channel_label, decimal, error_message, field_id, shown_name, stage_label, t, tf, tl,
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
    let stage_labels: StageLabels = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .stages
                .iter()
                .enumerate()
                .map(|(position, stage)| (stage.id, stage_label(&stage.name, position)))
                .collect()
        })
    });
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
        stage_labels
            .get()
            .into_iter()
            .map(|(_, label)| view! { <th scope="col">{label}</th> })
            .collect_view()
    };
    let rate_headers = move || {
        stage_labels.with(|labels| {
            labels
                .iter()
                .zip(labels.iter().skip(1))
                .map(|((_, from), (_, to))| {
                    view! { <th scope="col">{tf(Key::RateColumn, &[("from", from), ("to", to)])}</th> }
                })
                .collect_view()
        })
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
                            children=move |id| view! { <Later><ChannelRow id draft report stage_labels /></Later> }
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
            <Show when=move || !channel_ids.with(Vec::is_empty) && stage_labels.with(|labels| labels.len() > 1)>
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
                                children=move |id| view! { <Later><RateRow id draft report stage_labels /></Later> }
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

/// The stages' labels by id, top to bottom ("Stage N" while unnamed): one memo for every cell's
/// accessible name and the tables' headers.
type StageLabels = Memo<Vec<(StageId, String)>>;

/// The label of `stage` among `labels`, and the label of the stage after it.
fn stage_and_next(labels: &[(StageId, String)], stage: StageId) -> (String, String) {
    let position = labels.iter().position(|(id, _)| *id == stage);
    let label_at = |index: Option<usize>| {
        index
            .and_then(|index| labels.get(index))
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    };
    (
        label_at(position),
        label_at(position.map(|index| index + 1)),
    )
}

/// What one channel's row reads of the plan, as memos: the channel as typed, its label and its
/// errors. Each cell reads these rather than the whole plan and report, so a keystroke re-runs
/// only the cells of the channel it changed (with 12 channels, every cell re-reading the plan
/// and the report made a keystroke take 20–40 ms).
#[derive(Clone, Copy)]
struct ChannelCells {
    id: ChannelId,
    draft: RwSignal<PlanDraft>,
    channel: Memo<Option<ChannelDraft>>,
    label: Memo<String>,
    errors: Memo<Vec<FieldError>>,
}

impl ChannelCells {
    fn new(id: ChannelId, draft: RwSignal<PlanDraft>, report: ReportMemo) -> Self {
        Self {
            id,
            draft,
            channel: Memo::new(move |_| draft.with(|draft| draft.marketing.channel(id).cloned())),
            label: Memo::new(move |_| draft.with(|draft| channel_name(draft, id))),
            errors: Memo::new(move |_| {
                report.with(|report| {
                    report
                        .inputs
                        .errors
                        .iter()
                        .filter(|error| error.field.channel() == Some(id))
                        .copied()
                        .collect()
                })
            }),
        }
    }

    /// What is typed in the channel's `field`.
    fn text(self, field: Field) -> Signal<String> {
        Signal::derive(move || {
            self.channel
                .with(|channel| {
                    channel
                        .as_ref()
                        .map(|channel| channel.typed(field).to_owned())
                })
                .unwrap_or_default()
        })
    }

    /// The error of the channel's `field`.
    fn error(self, field: Field) -> Signal<Option<InputError>> {
        Signal::derive(move || self.errors.with(|errors| error_for(errors, field)))
    }

    /// `key` with the channel's label, e.g. "Paid search spend".
    fn label(self, key: Key) -> Signal<String> {
        Signal::derive(move || tf(key, &[("channel", &self.label.get())]))
    }

    /// Keeps what is typed into the channel's `field`.
    fn edit(self, field: Field) -> Callback<String> {
        let (draft, id) = (self.draft, self.id);
        Callback::new(move |text| {
            draft.update(|draft| {
                if let Some(channel) = draft.marketing.channel_mut(id) {
                    channel.set_typed(field, text);
                }
            })
        })
    }
}

/// One channel's row: name, share, spend, a volume per stage, revenue and Remove.
#[component]
fn ChannelRow(
    id: ChannelId,
    draft: RwSignal<PlanDraft>,
    report: ReportMemo,
    stage_labels: StageLabels,
) -> impl IntoView {
    let cells = ChannelCells::new(id, draft, report);
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
    // A figure of this channel typed into its own cell: share, spend or revenue.
    let cell = move |field: Field, key: Key| {
        view! {
            <td>
                <CellInput
                    id=field_id(field)
                    label=cells.label(key)
                    value=cells.text(field)
                    on_input=cells.edit(field)
                    error=cells.error(field)
                    kind=Kind::Number
                />
            </td>
        }
    };
    let remove = move |_| {
        draft.update(|draft| draft.remove_channel(id));
        focus_later("add-channel".to_owned());
    };
    let name = cells.text(Field::ChannelName(id));
    view! {
        <tr>
            <th scope="row">
                <CellInput
                    id=field_id(Field::ChannelName(id))
                    label=Signal::derive(move || tf(Key::ChannelNameLabel, &[("number", &(position.get() + 1).to_string())]))
                    value=Signal::derive(move || shown_name(&name.get(), NameOf::Channel))
                    on_input=cells.edit(Field::ChannelName(id))
                    error=cells.error(Field::ChannelName(id))
                />
            </th>
            {cell(Field::ChannelShare(id), Key::ChannelShareLabel)}
            {cell(Field::ChannelSpend(id), Key::ChannelSpendLabel)}
            <For
                each=move || stage_labels.with(|labels| labels.iter().map(|(stage, _)| *stage).collect::<Vec<_>>())
                key=|stage| *stage
                children=move |stage| {
                    view! {
                        <td>
                            <CellInput
                                id=field_id(Field::ChannelVolume(id, stage))
                                label=Signal::derive(move || {
                                    let (stage_name, _) = stage_labels.with(|labels| stage_and_next(labels, stage));
                                    tf(Key::ChannelVolumeLabel, &[("channel", &cells.label.get()), ("stage", &stage_name)])
                                })
                                value=cells.text(Field::ChannelVolume(id, stage))
                                on_input=cells.edit(Field::ChannelVolume(id, stage))
                                error=cells.error(Field::ChannelVolume(id, stage))
                                kind=Kind::Number
                            />
                        </td>
                    }
                }
            />
            {cell(Field::ChannelRevenue(id), Key::ChannelRevenueLabel)}
            <td>
                <button type="button" class="remove" aria-label=cells.label(Key::RemoveChannelName) on:click=remove>
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
    stage_labels: StageLabels,
) -> impl IntoView {
    let cells = ChannelCells::new(id, draft, report);
    // What each empty cell stands for, by stage id.
    let stands_for = Memo::new(move |_| {
        let from_volumes: Vec<Option<String>> = report.with(|report| {
            let channel = report
                .inputs
                .channels
                .iter()
                .find(|channel| channel.id == id);
            stage_labels.with(|labels| {
                (0..labels.len())
                    .map(|index| {
                        let rate = channel?.rate_from_volumes(index)?;
                        Some(decimal(rate.percent(), 2))
                    })
                    .collect()
            })
        });
        draft.with(|draft| {
            draft
                .stages
                .iter()
                .zip(from_volumes)
                .map(|(stage, from_volumes)| {
                    (
                        stage.id,
                        from_volumes.unwrap_or_else(|| stage.rate_to_next.trim().to_owned()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let upper_stages = move || {
        stage_labels.with(|labels| {
            let count = labels.len().saturating_sub(1);
            labels
                .iter()
                .take(count)
                .map(|(stage, _)| *stage)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <tr>
            <th scope="row">{cells.label}</th>
            <For
                each=upper_stages
                key=|stage| *stage
                children=move |stage| {
                    let rate_label = Signal::derive(move || {
                        let (from, to) = stage_labels.with(|labels| stage_and_next(labels, stage));
                        tf(Key::ChannelRateLabel, &[("channel", &cells.label.get()), ("from", &from), ("to", &to)])
                    });
                    view! {
                        <td>
                            <CellInput
                                id=field_id(Field::ChannelRate(id, stage))
                                label=rate_label
                                value=cells.text(Field::ChannelRate(id, stage))
                                on_input=cells.edit(Field::ChannelRate(id, stage))
                                error=cells.error(Field::ChannelRate(id, stage))
                                placeholder=Signal::derive(move || {
                                    stands_for.with(|rates| {
                                        rates.iter().find(|(at, _)| *at == stage).map(|(_, rate)| rate.clone()).unwrap_or_default()
                                    })
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
