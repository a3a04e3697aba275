//! The funnel's stages: each with an editable name and its rate into the next stage, and buttons
//! to move, remove and add stages (2 to 10). Focus follows the stage a keyboard user acted on.

use leptos::prelude::*;

use crate::i18n::{Key, NameOf};
use crate::model::number::{parse_percent, percent_typed_as_fraction};
use crate::model::{Field, PlanDraft, StageId};
use crate::ui::browser::focus_later;
use crate::ui::field::{field_error, InputField, Kind};
use crate::ui::state::Checked;
use crate::ui::text::{field_id, html_escaped, lang, percent, shown_name, stage_label, t, tf, tl};

/// The stage list.
#[component]
pub fn StageList(draft: RwSignal<PlanDraft>, checked: Checked) -> impl IntoView {
    let stage_ids = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .stages
                .iter()
                .map(|stage| stage.id)
                .collect::<Vec<_>>()
        })
    });
    let can_add = Memo::new(move |_| draft.with(PlanDraft::can_add_stage));
    let add_stage = move |_| {
        let mut added = None;
        draft.update(|draft| added = draft.add_stage(t(Key::NewStageName)).ok());
        if let Some(id) = added {
            focus_later(field_id(Field::StageName(id)));
        }
    };
    view! {
        <section class="card" aria-labelledby="stages-heading">
            <h2 id="stages-heading">{t(Key::StagesHeading)}</h2>
            <p class="hint">{tl(Key::StagesHint, &[])}</p>
            <p class="note" hidden=move || !draft.with(PlanDraft::has_typical_rates)>
                {t(Key::TypicalRatesNote)}
            </p>
            // The rows are made again only when a stage is added, removed or moved (never while
            // one is typed in, which would lose the focus); the button that moved or removed one
            // puts the focus back (`focus_later`). A keyed list (`For`) would keep the other
            // rows too, at 2 KB more of the Plan page and the embed.
            <ol class="stages">
                {move || {
                    stage_ids
                        .get()
                        .into_iter()
                        .map(|id| view! { <StageRow id draft checked /> })
                        .collect_view()
                }}
            </ol>
            <button
                type="button"
                id=field_id(Field::Stages)
                class="add-stage"
                on:click=add_stage
                disabled=move || !can_add.get()
                aria-describedby=move || (!can_add.get()).then_some("stage-limit")
            >
                {t(Key::AddStage)}
            </button>
            <p class="hint" id="stage-limit" hidden=move || can_add.get()>
                {tl(Key::StageLimitReached, &[])}
            </p>
        </section>
    }
}

/// One stage: its name, its rate into the next stage (not on the last stage) and its buttons.
#[component]
fn StageRow(id: StageId, draft: RwSignal<PlanDraft>, checked: Checked) -> impl IntoView {
    let position = Memo::new(move |_| draft.with(|draft| draft.position(id).unwrap_or(0)));
    let count = Memo::new(move |_| draft.with(|draft| draft.stages.len()));
    let name = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .stage(id)
                .map(|stage| shown_name(&stage.name, NameOf::Stage))
                .unwrap_or_default()
        })
    });
    let rate = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .stage(id)
                .map(|stage| stage.rate_to_next.clone())
                .unwrap_or_default()
        })
    });
    let label = Memo::new(move |_| stage_label(&name.get(), position.get()));
    let next_label = Memo::new(move |_| {
        draft.with(|draft| {
            let next = position.get() + 1;
            draft
                .stages
                .get(next)
                .map(|stage| stage_label(&stage.name, next))
        })
    });
    let is_first = move || position.get() == 0;
    let is_last = move || position.get() + 1 >= count.get();

    let up_id = format!("stage-{}-up", id.0);
    let down_id = format!("stage-{}-down", id.0);
    let move_stage = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |is_up: bool| {
            draft.update(|draft| draft.move_stage(id, is_up));
            // Moving the row takes focus from its button; give it back, or to the other
            // direction's button once this one is disabled at either end.
            let at_end = if is_up { is_first() } else { is_last() };
            let same = if is_up { &up_id } else { &down_id };
            let other = if is_up { &down_id } else { &up_id };
            focus_later(if at_end { other.clone() } else { same.clone() });
        }
    };
    let move_up = move_stage.clone();
    let remove = move |_| {
        let removed = draft
            .try_update(|draft| draft.remove_stage(id).is_ok())
            .unwrap_or(false);
        if removed {
            focus_later(field_id(Field::Stages));
        }
    };

    view! {
        <li class="stage">
            <div class="stage-fields">
                <InputField
                    id=field_id(Field::StageName(id))
                    label=Signal::derive(move || tf(Key::StageNameLabel, &[("number", &(position.get() + 1).to_string())]))
                    value=name.into()
                    on_input=Callback::new(move |text| {
                        draft.update(|draft| {
                            if let Some(stage) = draft.stage_mut(id) {
                                stage.name = text;
                            }
                        })
                    })
                    error=field_error(checked, Field::StageName(id))
                />
                <Show when=move || !is_last()>
                    <InputField
                        id=field_id(Field::StageRate(id))
                        label=Signal::derive(move || {
                            tf(Key::RateLabel, &[("from", &label.get()), ("to", &next_label.get().unwrap_or_default())])
                        })
                        value=rate.into()
                        on_input=Callback::new(move |text| {
                            draft.update(|draft| {
                                if let Some(stage) = draft.stage_mut(id) {
                                    stage.rate_to_next = text;
                                }
                            })
                        })
                        error=field_error(checked, Field::StageRate(id))
                        hint=Signal::derive(move || rate_hint(&rate.get()))
                        kind=Kind::Number
                        suffix="%"
                    />
                </Show>
            </div>
            <div class="stage-actions">
                <button
                    type="button"
                    id=up_id
                    aria-label=move || tf(Key::MoveUpName, &[("stage", &label.get())])
                    disabled=is_first
                    on:click=move |_| move_up(true)
                >
                    {t(Key::MoveUp)}
                </button>
                <button
                    type="button"
                    id=down_id
                    aria-label=move || tf(Key::MoveDownName, &[("stage", &label.get())])
                    disabled=is_last
                    on:click=move |_| move_stage(false)
                >
                    {t(Key::MoveDown)}
                </button>
                <button
                    type="button"
                    class="remove"
                    aria-label=move || tf(Key::RemoveName, &[("stage", &label.get())])
                    disabled=move || count.get() <= crate::model::MIN_STAGES
                    on:click=remove
                >
                    {t(Key::Remove)}
                </button>
            </div>
        </li>
    }
}

/// A hint under a rate typed like a fraction ("0.015" for 1.5 %): what it was read as, and what
/// to type for the percent that was probably meant. Empty otherwise.
fn rate_hint(text: &str) -> String {
    let Ok(typed) = parse_percent(text, lang().symbols()) else {
        return String::new();
    };
    match percent_typed_as_fraction(typed) {
        Some(meant) => tf(
            Key::RateFractionHint,
            &[
                ("read", &percent(typed)),
                ("meant", &percent(meant)),
                ("typed", &crate::ui::text::exact(meant)),
            ],
        ),
        None => String::new(),
    }
}

/// The stage list's heading and introduction as HTML, as the embed shows them before its wasm
/// runs ([`crate::ui::embed::embed_frame`]): what [`StageList`] shows above its stages, in
/// English.
pub fn frame() -> String {
    format!(
        "<section class=\"card\"><h2>{}</h2><p class=\"hint\">{}</p></section>",
        html_escaped(t(Key::StagesHeading)),
        html_escaped(&tl(Key::StagesHint, &[])),
    )
}
