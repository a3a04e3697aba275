//! Result tables as data: each panel builds a [`Table`] of texts and one view renders them all,
//! so every table is laid out, captioned and scrollable the same way (and the wasm carries one
//! table renderer, not one per panel).

use leptos::prelude::*;

use crate::model::number::plain_decimal;

/// One cell: the text shown and, for a figure, its unrounded value for `data-value`.
pub struct Cell {
    pub text: String,
    pub value: Option<f64>,
}

impl Cell {
    /// A cell of text only.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            value: None,
        }
    }

    /// A figure written as `text`, with its exact `value`.
    pub fn figure(text: String, value: f64) -> Self {
        Self {
            text,
            value: Some(value),
        }
    }
}

/// One row: its header (the row's name) and its cells.
pub struct Row {
    pub header: String,
    pub cells: Vec<Cell>,
    /// A total row, set apart with a rule above.
    pub is_total: bool,
}

impl Row {
    pub fn new(header: impl Into<String>, cells: Vec<Cell>) -> Self {
        Self {
            header: header.into(),
            cells,
            is_total: false,
        }
    }

    /// The same row, marked as a total.
    pub fn total(self) -> Self {
        Self {
            is_total: true,
            ..self
        }
    }
}

/// A captioned table: column headings (the first heads the row headers) and rows.
pub struct Table {
    /// The caption's element id (the scrolling region is labelled by it).
    pub id: &'static str,
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table in a keyboard-scrollable region.
    pub fn view(self) -> impl IntoView {
        let head = self
            .columns
            .into_iter()
            .map(|column| view! { <th scope="col">{column}</th> })
            .collect_view();
        let rows = self
            .rows
            .into_iter()
            .map(|row| {
                let cells = row
                    .cells
                    .into_iter()
                    .map(|cell| view! { <td data-value=cell.value.map(plain_decimal)>{cell.text}</td> })
                    .collect_view();
                view! {
                    <tr class:total=row.is_total>
                        <th scope="row">{row.header}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <ScrollTable caption_id=self.id class="figures">
                <caption id=self.id>{self.caption}</caption>
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </ScrollTable>
        }
    }
}

/// A table in a keyboard-scrollable region named by its caption: the one way every table of the
/// page scrolls sideways on a narrow screen. `children` is the table's content, caption first,
/// with the caption's element id `caption_id`.
#[component]
pub fn ScrollTable(
    caption_id: &'static str,
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=caption_id>
            <table class=class>{children()}</table>
        </div>
    }
}

/// A list of sentences (notes, steps of a calculation), one paragraph or item each.
pub fn list_items(lines: Vec<String>) -> impl IntoView {
    lines
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view()
}
