//! A page's own data (see [`crate::model::page_data`]) as its page reads and edits it: read from
//! the open plan, in the page's language, on every change of the plan; written back on every
//! edit, which the plan's autosave then saves. A text that cannot be read is shown as it is, with
//! the way to start again.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::page_data::{PageData, PageDataError};
use crate::model::PlanDraft;
use crate::ui::text::{lang, t};

/// The page's data read from the open plan `draft`, or why it cannot be read.
pub struct PageDataOf<T: PageData + Send + Sync + 'static> {
    pub draft: RwSignal<PlanDraft>,
    pub read: Memo<Result<T, PageDataError>>,
}

impl<T: PageData + Send + Sync + 'static> Clone for PageDataOf<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: PageData + Send + Sync + 'static> Copy for PageDataOf<T> {}

impl<T: PageData + Send + Sync + 'static> PageDataOf<T> {
    pub fn new(draft: RwSignal<PlanDraft>) -> Self {
        let read = Memo::new(move |_| draft.with(|draft| T::of_plan(draft, lang())));
        Self { draft, read }
    }

    /// Changes the data and keeps it in the plan (which saves it); nothing while it cannot be
    /// read (its text is kept as it is).
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        let Ok(mut data) = self.read.get_untracked() else {
            return;
        };
        change(&mut data);
        let text = data.encode();
        self.draft.update(|draft| T::keep(draft, text));
    }

    /// A value read from the data (tracked); `R::default()` while it cannot be read.
    pub fn with<R: Default>(self, read: impl FnOnce(&T) -> R) -> R {
        self.read
            .with(|data| data.as_ref().map(read).unwrap_or_default())
    }

    /// Whether the data can be read (tracked).
    pub fn is_readable(self) -> bool {
        self.read.with(Result::is_ok)
    }
}

/// The page's data could not be read: why, its text exactly as kept (to copy), and a button to
/// start again with nothing. Nothing while it reads.
#[component]
pub fn Unreadable<T: PageData + Send + Sync + 'static>(
    data: PageDataOf<T>,
    /// What the page says: written by a newer version; not readable at all; the label of the
    /// text kept; the button that starts again with nothing.
    texts: [Key; 4],
    /// The `id` of the field showing the text.
    id: &'static str,
) -> impl IntoView {
    let [newer, damaged, kept, start_again] = texts;
    move || {
        data.read.with(|read| {
            read.as_ref().err().map(|error| {
                let reason = t(match error {
                    PageDataError::Newer(_) => newer,
                    PageDataError::Damaged => damaged,
                });
                let text = data.draft.with_untracked(|draft| T::text(draft).to_owned());
                let restart = move |_| data.draft.update(|draft| T::keep(draft, String::new()));
                view! {
                    <section class="card problem" role="alert">
                        <p>{reason}</p>
                        <label for=id>{t(kept)}</label>
                        <textarea id=id readonly rows="4">{text}</textarea>
                        <button type="button" on:click=restart>{t(start_again)}</button>
                    </section>
                }
            })
        })
    }
}
