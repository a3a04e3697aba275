//! A page's own data (see [`crate::model::page_data`]) as its page reads and edits it: read from
//! the open plan, in the page's language, on every change of the plan; written back on every
//! edit, which the plan's autosave then saves. A text that cannot be read is shown as it is, with
//! the way to start again.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::page_data::{PageData, PageDataError};
use crate::model::{InputError, PlanDraft, StageId};
use crate::ui::state::{Checked, PageState, TargetsMemo};
use crate::ui::text::{lang, stage_labels, t};

/// What a page with data of its own works from: the open plan with its figures and targets,
/// the page's data, and the plan's stages. The page's own struct adds what it derives and
/// dereferences to this (`annual.draft`, `forecast.edit(…)`).
pub struct OwnPage<T: PageData + Send + Sync + 'static> {
    pub draft: RwSignal<PlanDraft>,
    pub checked: Checked,
    pub targets: TargetsMemo,
    /// The page's data kept in the plan, read and edited.
    pub data: PageDataOf<T>,
    /// The plan's stage ids, top to bottom.
    pub stage_ids: Memo<Vec<StageId>>,
    /// The stages' labels, top to bottom.
    pub stage_names: Memo<Vec<String>>,
}

/// Lets a page's struct, whose field `page` is its [`OwnPage`], be used as one.
macro_rules! derefs_to_own_page {
    ($page:ty, $data:ty) => {
        impl std::ops::Deref for $page {
            type Target = $crate::ui::page_data::OwnPage<$data>;

            fn deref(&self) -> &Self::Target {
                &self.page
            }
        }
    };
}
pub(crate) use derefs_to_own_page;

impl<T: PageData + Send + Sync + 'static> Clone for OwnPage<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: PageData + Send + Sync + 'static> Copy for OwnPage<T> {}

impl<T: PageData + Send + Sync + 'static> OwnPage<T> {
    pub fn new(state: &PageState) -> Self {
        let draft = state.draft;
        Self {
            draft,
            checked: state.checked,
            targets: state.targets,
            data: PageDataOf::new(draft),
            stage_ids: Memo::new(move |_| draft.with(PlanDraft::stage_ids)),
            stage_names: Memo::new(move |_| draft.with(stage_labels)),
        }
    }

    /// Changes the page's data and keeps it in the plan (which saves it).
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        self.data.edit(change);
    }

    /// A value read from the page's data (tracked); `R::default()` while it cannot be read.
    pub fn with<R: Default>(self, read: impl FnOnce(&T) -> R) -> R {
        self.data.with(read)
    }
}

/// The problem of `field` among `errors` (a page's fields and their problems), as a signal.
pub fn error_of<F: Copy + PartialEq + Send + Sync + 'static>(
    errors: Memo<Vec<(F, InputError)>>,
    field: F,
) -> Signal<Option<InputError>> {
    Signal::derive(move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|(at, _)| *at == field)
                .map(|(_, error)| *error)
        })
    })
}

/// A page's introduction (a column of the page's layout: its heading, what it is for, and what
/// `children` add) and its sections (the wide part below), shown while its data reads; else why
/// it cannot be read ([`Unreadable`]).
#[component]
pub fn OwnPanels<T: PageData + Send + Sync + 'static>(
    data: PageDataOf<T>,
    /// The page's name: its introduction's class is `{name}-intro`, its heading's id
    /// `{name}-heading` and the unreadable text's `{name}-unreadable`.
    name: &'static str,
    /// The heading and the introduction.
    intro: [Key; 2],
    /// A second paragraph of the introduction. A long introduction comes in two: on a phone a
    /// single one would be the largest text of the first screen and the page's largest paint
    /// would wait for the wasm instead of being its header, which the HTML carries.
    #[prop(optional)]
    more: Option<Key>,
    /// What [`Unreadable`] says.
    unreadable: [Key; 4],
    /// What the introduction adds (an export, a notice).
    children: Children,
    /// The page's sections.
    #[prop(into)]
    sections: ViewFn,
) -> impl IntoView {
    let [heading, text] = intro;
    let (heading_id, labelled_by) = (format!("{name}-heading"), format!("{name}-heading"));
    view! {
        <div class="column">
            <section class=format!("card {name}-intro") aria-labelledby=labelled_by>
                <h2 id=heading_id>{t(heading)}</h2>
                <p>{t(text)}</p>
                {more.map(|more| view! { <p>{t(more)}</p> })}
                {children()}
            </section>
        </div>
        <div class="wide">
            <Unreadable data texts=unreadable id=format!("{name}-unreadable") />
            <Show when=move || data.is_readable()>{sections.run()}</Show>
        </div>
    }
}

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
    id: String,
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
                let id = id.clone();
                let restart = move |_| data.draft.update(|draft| T::keep(draft, String::new()));
                view! {
                    <section class="card problem" role="alert">
                        <p>{reason}</p>
                        <label for=id.clone()>{t(kept)}</label>
                        <textarea id=id readonly rows="4">{text}</textarea>
                        <button type="button" on:click=restart>{t(start_again)}</button>
                    </section>
                }
            })
        })
    }
}
