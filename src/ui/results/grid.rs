//! The results grid: one row per month of the plan year, one column per stage, then the spend and
//! the revenue. Each input is named "<Stage> in <Month year>"; arrows move between cells (left and
//! right once the caret is at the text's edge), Enter moves down (Shift+Enter up), and a block
//! pasted from a spreadsheet fills the grid from the cell it is pasted into.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, KeyboardEvent};

use crate::i18n::Key;
use crate::model::results::{is_block, paste, CellAt, MONTHS};
use crate::model::ChannelId;
use crate::ui::later::later;
use crate::ui::plan_year::plan_year_field;
use crate::ui::results::{Column, Tracked};
use crate::ui::table::write_in_place;
use crate::ui::text::{channel_label, error_message, t, tf, tp, typed};

/// The id of the grid's cell for `month` and `column`.
fn cell_id(month: usize, column: usize) -> String {
    format!("result-{month}-{column}")
}

/// Moves the focus to the grid's cell at `month`, `column` and selects its text; false when
/// there is no such cell.
fn focus_cell(month: usize, column: usize) -> bool {
    let Some(input) = document()
        .get_element_by_id(&cell_id(month, column))
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
    else {
        return false;
    };
    let _ = input.focus();
    input.select();
    true
}

/// The plan year's first month, and the grid with its notes.
#[component]
pub fn ResultsGrid(tracked: Tracked) -> impl IntoView {
    let draft = tracked.draft;
    // Whose results the grid shows: the whole plan's (`None`) or one channel's.
    let whose = RwSignal::new(None::<ChannelId>);
    let pasted = RwSignal::new(None::<String>);
    let channels = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .marketing
                .channels
                .iter()
                .enumerate()
                .map(|(index, channel)| (channel.id, channel_label(&channel.name, index)))
                .collect::<Vec<_>>()
        })
    });
    // A channel that was removed shows the whole plan again.
    let shown = Memo::new(move |_| {
        whose
            .get()
            .filter(|id| channels.with(|channels| channels.iter().any(|(other, _)| other == id)))
    });

    let whose_menu = move || {
        let channels = channels.get();
        (!channels.is_empty()).then(|| {
            let options = channels
                .into_iter()
                .map(|(id, name)| {
                    view! { <option value=id.0.to_string() selected=move || shown.get() == Some(id)>{name}</option> }
                })
                .collect_view();
            view! {
                <div class="field inline">
                    <label for="results-of">{t(Key::ResultsOfLabel)}</label>
                    <select
                        id="results-of"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            whose.set(value.parse().ok().map(ChannelId));
                        }
                    >
                        <option value="" selected=move || shown.get().is_none()>{t(Key::ResultsOfPlan)}</option>
                        {options}
                    </select>
                    <p class="hint">{t(Key::ResultsOfHint)}</p>
                </div>
            }
        })
    };

    // What every cell of the grid shows, for the whole plan or the channel shown.
    let states = Memo::new(move |_| {
        let rows: Vec<_> = tracked
            .columns
            .with(|columns| columns.iter().map(|column| column.row).collect());
        let channel = shown.get();
        (0..MONTHS)
            .map(|month| month_states(tracked, month, &rows, channel))
            .collect::<Vec<_>>()
    });
    // The grid is laid out again when its columns, months or channel change; otherwise only the
    // inputs whose state changed are written (`write_in_place`).
    let grid = move || {
        let columns = tracked.columns.get();
        let months = tracked.months.get();
        let channel = shown.get();
        let body = NodeRef::<leptos::html::Tbody>::new();
        write_in_place(states, body, move |body, before, now| {
            tracked.columns.with_untracked(|columns| {
                tracked.months.with_untracked(|months| {
                    write_changes(body, before, now, columns, months);
                });
            });
        });
        let head = columns
            .iter()
            .map(|column| view! { <th scope="col">{column.label.clone()}</th> })
            .collect_view();
        let rows = months
            .iter()
            .enumerate()
            .map(|(month, month_label)| {
                let columns = columns.clone();
                let month_label = month_label.clone();
                let row = move |states: Vec<CellState>| {
                    let cells = columns
                        .iter()
                        .enumerate()
                        .map(|(index, column)| {
                            let state = states.get(index).cloned().unwrap_or_default();
                            cell(
                                tracked,
                                &columns,
                                state,
                                (month, index),
                                column,
                                &month_label,
                                channel,
                                pasted,
                            )
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{month_label.clone()}</th>
                            {cells}
                        </tr>
                    }
                };
                // Each month in a slice of its own while the page starts (108 inputs in one
                // task held the page for ~100 ms on a phone). A row shows the cells as they
                // are when it is built: what the grid's writer has written to the rows before
                // it, so the two agree.
                later(move || {
                    row(states
                        .with_untracked(|states| states.get(month).cloned().unwrap_or_default()))
                })
            })
            .collect_view();
        view! {
            <div class="table-wrap grid-wrap" role="region" aria-labelledby="results-grid-caption">
                <table class="results-grid">
                    <caption id="results-grid-caption">{t(Key::ResultsGridCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::MonthColumn)}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody node_ref=body>{rows}</tbody>
                </table>
            </div>
        }
    };

    let errors = move || {
        let columns = tracked.columns.get();
        let months = tracked.months.get();
        let channels = channels.get();
        tracked.actuals.with(|(_, errors)| {
            errors
                .iter()
                .filter_map(|error| {
                    let index = columns
                        .iter()
                        .position(|column| column.row == error.at.row)?;
                    let column = columns.get(index)?;
                    let mut label = cell_label(column, months.get(error.at.month)?);
                    if let Some(channel) = error.at.channel {
                        let name = channels.iter().find(|(id, _)| *id == channel)?;
                        label = tf(
                            Key::ResultCellOfChannel,
                            &[("cell", &label), ("channel", &name.1)],
                        );
                    }
                    let (month, message) = (error.at.month, error_message(error.error));
                    let channel = error.at.channel;
                    Some(view! {
                        <li>
                            <button
                                type="button"
                                class="link"
                                on:click=move |_| {
                                    whose.set(channel);
                                    request_animation_frame(move || {
                                        focus_cell(month, index);
                                    });
                                }
                            >
                                {tf(Key::ProblemItem, &[("field", &label), ("message", &message)])}
                            </button>
                        </li>
                    })
                })
                .collect_view()
        })
    };
    let has_errors = move || tracked.actuals.with(|(_, errors)| !errors.is_empty());

    view! {
        <section class="card" aria-labelledby="actuals-heading">
            <h2 id="actuals-heading">{t(Key::ActualsHeading)}</h2>
            <p class="note">{t(Key::ActualsIntro)}</p>
            {plan_year_field(draft, tracked.plan_year)}
            {whose_menu}
            {grid}
            <div class="problems" id="results-errors" hidden=move || !has_errors()>
                <p>{t(Key::ResultsErrors)}</p>
                <ul>{errors}</ul>
            </div>
            <div role="status" class="notices">
                {move || pasted.get().map(|note| view! { <p class="notice">{note}</p> })}
            </div>
            <p class="hint">{t(Key::ActualsKeyboardHint)}</p>
        </section>
    }
}

/// "Leads in March 2027".
pub fn cell_label(column: &Column, month: &str) -> String {
    tf(
        Key::ResultCellLabel,
        &[("row", &column.label), ("month", month)],
    )
}

/// What one input of the grid shows.
#[derive(Debug, Clone, Default, PartialEq)]
struct CellState {
    /// What was typed, or the channels' sum.
    text: String,
    /// The whole plan's cell, showing the channels' sum (read-only).
    summed: bool,
    /// What was typed cannot be read.
    invalid: bool,
}

/// What each cell of `month` shows, for the grid's `rows` of the whole plan or of `channel`.
fn month_states(
    tracked: Tracked,
    month: usize,
    rows: &[crate::model::results::Row],
    channel: Option<ChannelId>,
) -> Vec<CellState> {
    tracked.actuals.with(|(actuals, errors)| {
        tracked.draft.with(|draft| {
            tracked.stage_ids.with(|ids| {
                rows.iter()
                    .map(|&row| {
                        let at = CellAt {
                            month,
                            row,
                            channel,
                        };
                        let summed = channel.is_none() && actuals.is_summed(month, row);
                        let text = if summed {
                            actuals
                                .value(ids, month, row)
                                // Without the binary noise of a sum (100.1 + 200.2 =
                                // 300.29999999999995).
                                .map(|sum| typed((sum * 1e9).round() / 1e9))
                                .unwrap_or_default()
                        } else {
                            draft.tracking.text(at).to_owned()
                        };
                        CellState {
                            text,
                            summed,
                            invalid: errors.iter().any(|error| error.at == at),
                        }
                    })
                    .collect()
            })
        })
    })
}

/// The grid's input names: "Leads in March 2027", or "…, sum of the channels" where it shows
/// their sum.
fn input_label(column: &Column, month: &str, summed: bool) -> String {
    let label = cell_label(column, month);
    if summed {
        tf(Key::ResultCellSummed, &[("cell", &label)])
    } else {
        label
    }
}

/// Writes into the grid's `body` (rows of a month header then cells) the state of each input
/// that differs from `written`.
fn write_changes(
    body: &web_sys::Element,
    written: &[Vec<CellState>],
    states: &[Vec<CellState>],
    columns: &[Column],
    months: &[String],
) {
    let mut row = body.first_element_child();
    for (month, cells) in states.iter().enumerate() {
        let Some(tr) = row else { return };
        let before = written.get(month);
        if before != Some(cells) {
            let mut td = tr
                .first_element_child()
                .and_then(|th| th.next_element_sibling());
            for (index, state) in cells.iter().enumerate() {
                let Some(cell) = td else { break };
                let input = cell
                    .first_element_child()
                    .and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
                let shown = before.and_then(|cells| cells.get(index));
                if let (Some(input), false) = (input, shown == Some(state)) {
                    let at = columns.get(index).zip(months.get(month));
                    write_input(&cell, &input, shown, state, at);
                }
                td = cell.next_element_sibling();
            }
        }
        row = tr.next_element_sibling();
    }
}

/// Shows `state` in one input of the grid (in its cell `td`) that showed `shown` (`None`: not
/// known), at `at` (its column and month, which name it). Only what changed is written: an
/// attribute set again would still restyle the cell.
fn write_input(
    td: &web_sys::Element,
    input: &HtmlInputElement,
    shown: Option<&CellState>,
    state: &CellState,
    at: Option<(&Column, &String)>,
) {
    if shown.is_none_or(|shown| shown.summed != state.summed) {
        let _ = td.set_attribute("class", if state.summed { "summed" } else { "" });
        if let Some((column, month)) = at {
            let _ = input.set_attribute("aria-label", &input_label(column, month, state.summed));
        }
        let _ = if state.summed {
            input.set_attribute("readonly", "")
        } else {
            input.remove_attribute("readonly")
        };
    }
    // What is typed stays as it is (with its caret); only a value from elsewhere is written.
    if input.value() != state.text {
        input.set_value(&state.text);
    }
    if shown.is_none_or(|shown| shown.invalid != state.invalid) {
        let _ = input.set_attribute("aria-invalid", if state.invalid { "true" } else { "false" });
        let _ = if state.invalid {
            input.set_attribute("aria-describedby", "results-errors")
        } else {
            input.remove_attribute("aria-describedby")
        };
    }
}

/// One input of the grid, at `(month, column)`, showing `state`.
#[allow(clippy::too_many_arguments)]
fn cell(
    tracked: Tracked,
    columns: &[Column],
    state: CellState,
    (month, index): (usize, usize),
    column: &Column,
    month_label: &str,
    channel: Option<ChannelId>,
    pasted: RwSignal<Option<String>>,
) -> impl IntoView {
    let draft = tracked.draft;
    let today = tracked.today;
    let at = CellAt {
        month,
        row: column.row,
        channel,
    };
    let column_count = columns.len();
    let rows: Vec<_> = columns.iter().map(|column| column.row).collect();
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.update(|draft| {
            let tracking = &mut draft.tracking;
            tracking.start = Some(tracking.plan_year(today));
            tracking.set_text(at, text);
        });
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let input = event_target::<HtmlInputElement>(&ev);
        let caret = input.selection_start().ok().flatten();
        let is_collapsed = caret == input.selection_end().ok().flatten();
        let length = input.value().encode_utf16().count() as u32;
        let target = match ev.key().as_str() {
            "ArrowUp" => month.checked_sub(1).map(|month| (month, index)),
            "ArrowDown" => Some((month + 1, index)),
            "Enter" if ev.shift_key() => month.checked_sub(1).map(|month| (month, index)),
            "Enter" => Some((month + 1, index)),
            "ArrowLeft" if is_collapsed && caret == Some(0) => {
                index.checked_sub(1).map(|index| (month, index))
            }
            "ArrowRight" if is_collapsed && caret == Some(length) => Some((month, index + 1)),
            _ => return,
        };
        if let Some((month, index)) =
            target.filter(|(month, index)| *month < MONTHS && *index < column_count)
        {
            if focus_cell(month, index) {
                ev.prevent_default();
            }
        }
    };
    let on_paste = move |ev: ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|data| data.get_data("text/plain").ok())
        else {
            return;
        };
        if !is_block(&text) {
            return;
        }
        ev.prevent_default();
        let symbols = draft.with_untracked(|draft| draft.typed_in.symbols());
        let mut result = paste(&text, month, index, column_count, symbols);
        let months = tracked.months.get_untracked();
        let columns = tracked.columns.get_untracked();
        // A whole-plan cell that shows the channels' sum takes nothing: its figure comes from
        // the channels.
        if channel.is_none() {
            let (summed, kept): (Vec<_>, Vec<_>) =
                result.filled.into_iter().partition(|(month, index, _)| {
                    rows.get(*index).is_some_and(|row| {
                        tracked
                            .actuals
                            .with_untracked(|(actuals, _)| actuals.is_summed(*month, *row))
                    })
                });
            result.filled = kept;
            result.refused.extend(summed);
        }
        draft.update(|draft| {
            let tracking = &mut draft.tracking;
            tracking.start = Some(tracking.plan_year(today));
            for (month, index, text) in &result.filled {
                if let Some(row) = rows.get(*index) {
                    tracking.set_text(
                        CellAt {
                            month: *month,
                            row: *row,
                            channel,
                        },
                        text.clone(),
                    );
                }
            }
        });
        let refused: Vec<String> = result
            .refused
            .iter()
            .map(
                |(month, index, text)| match (columns.get(*index), months.get(*month)) {
                    (Some(column), Some(month)) => tf(
                        Key::PasteRefusedCell,
                        &[("cell", &cell_label(column, month)), ("text", text)],
                    ),
                    _ => tf(Key::PasteOutside, &[("text", text)]),
                },
            )
            .collect();
        let filled = result.filled.len();
        let mut note = tp(
            Key::PastedCount,
            filled as f64,
            &[("count", &filled.to_string())],
        );
        if !refused.is_empty() {
            note.push(' ');
            note.push_str(&tf(Key::PasteRefused, &[("cells", &refused.join("; "))]));
        }
        pasted.set(Some(note));
    };
    view! {
        <td class:summed=state.summed>
            <input
                id=cell_id(month, index)
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                aria-label=input_label(column, month_label, state.summed)
                readonly=state.summed
                prop:value=state.text
                aria-invalid=if state.invalid { "true" } else { "false" }
                aria-describedby=state.invalid.then_some("results-errors")
                on:input=on_input
                on:keydown=on_keydown
                on:paste=on_paste
            />
        </td>
    }
}
