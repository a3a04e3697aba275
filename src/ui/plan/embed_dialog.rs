//! "Embed this calculator": a dialog that builds the snippet a blog pastes to embed the
//! calculator with the open plan's goal, stages and rates, in the chosen theme, accent colour and
//! sections; with a live preview and Copy.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::Key;
use crate::model::embed::{embed_query, Rgb, Sections, Theme};
use crate::model::PlanDraft;
use crate::ui::browser::{app_folder, copy_to_clipboard};
use crate::ui::text::{html_escaped, lang, t};

/// The app's own accent, where the colour picker starts.
const DEFAULT_ACCENT: &str = "#0b5cad";

/// The button and its dialog.
#[component]
pub fn EmbedDialog(draft: RwSignal<PlanDraft>) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let theme = RwSignal::new(Theme::Auto);
    let accent = RwSignal::new(DEFAULT_ACCENT.to_owned());
    let sections = RwSignal::new(Sections::default());
    let copied = RwSignal::new(None::<bool>);
    let is_open = RwSignal::new(false);

    // The embed's address for the plan as it is now; only while the dialog is open.
    let address = Memo::new(move |_| {
        is_open.get().then(|| {
            let accent =
                Rgb::parse_hex(&accent.get()).filter(|colour| colour.hex() != DEFAULT_ACCENT);
            let query = draft.with(|draft| {
                embed_query(draft, lang().symbols(), theme.get(), accent, sections.get())
            });
            format!("{}embed.html?{query}", app_folder())
        })
    });
    let snippet = move || {
        address.get().map(|address| {
            format!(
                "<iframe src=\"{}\" title=\"{}\" data-funnel-planner loading=\"lazy\" style=\"width:100%;height:900px;border:0\"></iframe>\n<script src=\"{}embed.js\" async></script>",
                html_escaped(&address),
                html_escaped(t(Key::EmbedFrameTitle)),
                html_escaped(&app_folder()),
            )
        })
    };
    let open = move |_| {
        is_open.set(true);
        copied.set(None);
        if let Some(dialog) = dialog.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let copy = move |_| {
        let Some(text) = snippet() else {
            return;
        };
        copied.set(None);
        spawn_local(async move {
            copied.set(Some(copy_to_clipboard(&text).await));
        });
    };
    let theme_choice = move |value: Theme, label: Key| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="embed-theme"
                    prop:checked=move || theme.get() == value
                    on:change=move |_| theme.set(value)
                />
                {t(label)}
            </label>
        }
    };
    let section_choice =
        move |label: Key, get: fn(&Sections) -> bool, set: fn(&mut Sections, bool)| {
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        prop:checked=move || sections.with(get)
                        on:change=move |event| {
                            let is_checked = event_target_checked(&event);
                            sections.update(|sections| set(sections, is_checked));
                        }
                    />
                    {t(label)}
                </label>
            }
        };

    view! {
        <button type="button" on:click=open>{t(Key::EmbedOpen)}</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-heading" on:close=move |_| is_open.set(false)>
            <h2 id="embed-heading">{t(Key::EmbedOpen)}</h2>
            <p class="hint">{t(Key::EmbedHint)}</p>
            <fieldset>
                <legend>{t(Key::EmbedTheme)}</legend>
                {theme_choice(Theme::Auto, Key::ThemeAuto)}
                {theme_choice(Theme::Light, Key::ThemeLight)}
                {theme_choice(Theme::Dark, Key::ThemeDark)}
            </fieldset>
            <div class="field">
                <label for="embed-accent">{t(Key::EmbedAccent)}</label>
                <input
                    id="embed-accent"
                    type="color"
                    prop:value=move || accent.get()
                    on:input=move |event| accent.set(event_target_value(&event))
                />
            </div>
            <fieldset>
                <legend>{t(Key::EmbedSections)}</legend>
                {section_choice(Key::SectionStages, |s| s.stages, |s, on| s.stages = on)}
                {section_choice(Key::SectionTargets, |s| s.targets, |s, on| s.targets = on)}
                {section_choice(Key::SectionCheck, |s| s.check, |s, on| s.check = on)}
                {section_choice(Key::SectionHow, |s| s.how, |s, on| s.how = on)}
            </fieldset>
            <div class="field">
                <label for="embed-code">{t(Key::EmbedCode)}</label>
                <textarea id="embed-code" readonly rows="5" prop:value=move || snippet().unwrap_or_default()></textarea>
            </div>
            <div class="actions">
                <button type="button" on:click=copy>{t(Key::CopyCode)}</button>
                <button type="button" on:click=close>{t(Key::CloseDialog)}</button>
            </div>
            <p role="status">
                {move || copied.get().map(|is_copied| t(if is_copied { Key::CodeCopied } else { Key::CodeNotCopied }))}
            </p>
            <h3>{t(Key::EmbedPreview)}</h3>
            {move || address.get().map(|address| view! {
                <iframe class="embed-preview" src=address title=t(Key::EmbedPreviewTitle)></iframe>
            })}
        </dialog>
    }
}
