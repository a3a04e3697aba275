//! Result tables as data: each panel builds a [`Table`] of texts and one view renders them all
//! ([`live_table`]), so every table is laid out, captioned and scrollable the same way, changes
//! in place as its figures follow the keystrokes, and the wasm carries one table renderer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::csv;
use crate::model::number::plain_decimal;

/// One cell: the text shown and, for a figure, its unrounded value for `data-value`.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The caption's element id (the scrolling region is labelled by it).
    pub id: &'static str,
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table as rows of a CSV file: its caption, its column headings, then each row's header
    /// and cells, a figure as its unrounded value (the file keeps full precision, as every CSV of
    /// the app does).
    pub fn csv_rows(self) -> Vec<Vec<csv::Cell>> {
        let mut rows = vec![
            vec![csv::Cell::Text(self.caption)],
            self.columns.into_iter().map(csv::Cell::Text).collect(),
        ];
        for row in self.rows {
            let mut line = vec![csv::Cell::Text(row.header)];
            line.extend(row.cells.into_iter().map(|cell| match cell.value {
                Some(value) => csv::Cell::Number(value),
                None => csv::Cell::Text(cell.text),
            }));
            rows.push(line);
        }
        rows
    }
}

/// What lays a table out: its columns and its rows' headers, cells and rules.
#[derive(Debug, Clone, PartialEq)]
struct Shape {
    id: &'static str,
    columns: Vec<String>,
    rows: Vec<(String, usize, bool)>,
}

/// A table whose figures change in place, for figures that follow every keystroke: the table is
/// laid out again only when its shape (columns, row names, number of cells) changes; otherwise
/// only the cells whose text or value changed are written ([`write_in_place`]). Nothing while
/// `table` is `None`.
pub fn live_table(table: Memo<Option<Table>>) -> impl IntoView {
    let shape = Memo::new(move |_| {
        table.with(|table| {
            table.as_ref().map(|table| Shape {
                id: table.id,
                columns: table.columns.clone(),
                rows: table
                    .rows
                    .iter()
                    .map(|row| (row.header.clone(), row.cells.len(), row.is_total))
                    .collect(),
            })
        })
    });
    let caption = move || {
        table.with(|table| {
            table
                .as_ref()
                .map(|table| table.caption.clone())
                .unwrap_or_default()
        })
    };
    move || {
        let shape = shape.get()?;
        let body = NodeRef::<leptos::html::Tbody>::new();
        // Laid out again, the rows may be the earlier layout's, rebuilt in place by the renderer,
        // which compares with what it last wrote, not with the texts written here since: so the
        // first write after a layout writes every cell.
        let is_fresh = std::cell::Cell::new(true);
        let shown = write_in_place(table, body, move |body, before, now| {
            if let Some(now) = now {
                let before = match before {
                    Some(table) if !is_fresh.replace(false) => &table.rows[..],
                    _ => &[][..],
                };
                write_changes(body, before, now);
            }
        });
        let head = shape
            .columns
            .into_iter()
            .map(|column| view! { <th scope="col">{column}</th> })
            .collect_view();
        let laid_out = shown.map(|table| table.rows).unwrap_or_default();
        let rows = shape
                .rows
                .into_iter()
                .enumerate()
                .map(|(index, (header, _, is_total))| {
                    let cells = laid_out
                        .get(index)
                        .into_iter()
                        .flat_map(|row| &row.cells)
                        .map(|cell| {
                            view! { <td data-value=cell.value.map(plain_decimal)>{cell.text.clone()}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr class:total=is_total>
                            <th scope="row">{header}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
        Some(view! {
            <ScrollTable caption_id=shape.id class="figures">
                <caption id=shape.id>{caption}</caption>
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody node_ref=body>{rows}</tbody>
            </ScrollTable>
        })
    }
}

/// Writes into `body` (rows of a header then cells) each cell of `table` that differs from
/// `shown`.
fn write_changes(body: &web_sys::Element, shown: &[Row], table: &Table) {
    let mut row_element = body.first_element_child();
    for (index, row) in table.rows.iter().enumerate() {
        let Some(tr) = row_element else { return };
        let before = shown.get(index).map(|row| &row.cells);
        if before != Some(&row.cells) {
            // The row's header first, then its cells.
            let mut cell_element = tr
                .first_element_child()
                .and_then(|th| th.next_element_sibling());
            for (column, cell) in row.cells.iter().enumerate() {
                let Some(td) = cell_element else { break };
                if before.and_then(|cells| cells.get(column)) != Some(cell) {
                    td.set_text_content(Some(&cell.text));
                    let _ = match cell.value {
                        Some(value) => td.set_attribute("data-value", &plain_decimal(value)),
                        None => td.remove_attribute("data-value"),
                    };
                }
                cell_element = td.next_element_sibling();
            }
        }
        row_element = tr.next_element_sibling();
    }
}

/// Keeps an element in step with `source` without laying it out again, for figures that follow
/// every keystroke: returns the value to lay the element (`node`) out with; from then on one
/// effect hands `write` the element, what it last showed and what `source` holds now, and
/// `write` changes only what differs. (A reactive closure per figure would put a thousand nodes
/// in the reactive graph, and each change visits them all.)
pub fn write_in_place<T, E>(
    source: Memo<T>,
    node: NodeRef<E>,
    write: impl Fn(&web_sys::Element, &T, &T) + 'static,
) -> T
where
    T: Clone + PartialEq + Send + Sync + 'static,
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let shown = StoredValue::new(source.get_untracked());
    Effect::new(move |_| {
        source.with(|now| {
            let Some(element) = node.get_untracked() else {
                return;
            };
            shown.update_value(|shown| {
                write(element.unchecked_ref(), shown, now);
                shown.clone_from(now);
            });
        });
    });
    shown.get_value()
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
