//! The frame every page of the full app shares: mounting in the reader's language, the header
//! (title, the pages' navigation, the language menu), the notices and the plan library's state,
//! the autosave and the other tabs' changes; a page gives its content ([`Shell`]).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::model::PlanDraft;
use crate::pages::Page;
use crate::storage;
use crate::ui::browser::{self, focus_later};
use crate::ui::later::later_once;
use crate::ui::library::LibraryPanel;
use crate::ui::notices::Notices;
use crate::ui::planner::Planner;
use crate::ui::state::PageState;
use crate::ui::text::{count_money_in, html_escaped, lang, plan_label, set_lang, t, tf};

thread_local! {
    /// The mounted page (its `UnmountHandle`: dropping it unmounts the page).
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// How to mount the page again, in another language.
    static REMOUNT: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// The id of the language menu, which keeps the focus when the page is mounted again.
pub const LANGUAGE_MENU_ID: &str = "language";

/// Mounts `page` in the language the person chose in this browser (`uses_storage`: the full app;
/// the embed never reads storage), else the one `?lang=` asks for, else the first of the
/// browser's languages the planner speaks, else English. `?lang=` wins over a remembered choice
/// when given, so a link or an embed can ask for a language.
pub fn mount<V: IntoView + 'static>(page: fn() -> V, uses_storage: bool) {
    // Outside a page (a worker without the start-up worker's stand-in for one): nothing to do.
    if !browser::is_page() {
        return;
    }
    let remembered = uses_storage.then(storage::chosen_lang).flatten();
    let lang = browser::query_lang()
        .or(remembered)
        .unwrap_or_else(|| Lang::first_spoken(browser::languages().iter().map(String::as_str)));
    let remount: Rc<dyn Fn()> = Rc::new(move || {
        // A full app's page mounts its own header in the frame's place; the embed decides when
        // its frame goes (`embed::EmbedApp`).
        if uses_storage {
            remove_frame();
        }
        let handle = leptos::mount::mount_to(document().body().expect_throw_body(), page);
        MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(Box::new(handle)));
    });
    REMOUNT.with(|slot| *slot.borrow_mut() = Some(remount));
    show_when_loaded(lang, false);
}

/// Loads `lang`'s texts if the page does not carry them, then shows the page in `lang` (mounting
/// it again when `is_switch`). When the file cannot be loaded, the page is shown in English (its
/// file loaded instead, where English is not built in). When no file loads, the page stays as it
/// is (on a switch, in its language; at the start, its frame) and says so.
fn show_when_loaded(lang: Lang, is_switch: bool) {
    let show = move |lang: Lang| {
        if is_switch {
            let old = MOUNTED.with(|mounted| mounted.borrow_mut().take());
            drop(old);
            crate::ui::later::restart();
        }
        show_in(lang);
        if let Some(remount) = REMOUNT.with(|slot| slot.borrow().clone()) {
            remount();
        }
        if is_switch {
            focus_later(LANGUAGE_MENU_ID.to_owned());
        }
    };
    if crate::i18n::catalogue_file(lang).is_none() {
        return show(lang);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut shown = None;
        for lang in [lang, Lang::English] {
            let Some(file) = crate::i18n::catalogue_file(lang) else {
                // Built in.
                shown = Some(lang);
                break;
            };
            // Fetched by the page's loader beside the wasm, or now.
            let loaded = browser::fetch_text(&file)
                .await
                .ok_or_else(|| "not loaded".to_owned())
                .and_then(|text| {
                    crate::i18n::install(lang, text).map_err(|error| error.to_string())
                });
            match loaded {
                Ok(()) => {
                    shown = Some(lang);
                    break;
                }
                Err(error) => leptos::logging::warn!("{file}: {error}"),
            }
        }
        match shown {
            Some(lang) => show(lang),
            None => browser::alert_at_top(crate::i18n::texts_unavailable(lang)),
        }
    });
}

/// Shows the page in `lang` from now on: remembers the choice (full app) and mounts the page
/// again once the current event is over, so every text and number is written in it. What was
/// typed is saved already; the open plan comes back from storage (or, when shared, from the
/// URL), with its numbers in `lang`'s format. The language menu keeps the focus.
pub fn switch_lang(lang: Lang) {
    set_timeout(move || show_when_loaded(lang, true), Duration::ZERO);
}

/// Sets the page's language and `<html lang>`.
fn show_in(lang: Lang) {
    set_lang(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The page's `<body>`; a loaded HTML page always has one.
trait BodyExt {
    fn expect_throw_body(self) -> web_sys::HtmlElement;
}

impl BodyExt for Option<web_sys::HtmlElement> {
    fn expect_throw_body(self) -> web_sys::HtmlElement {
        use wasm_bindgen::UnwrapThrowExt;
        self.expect_throw("a loaded page has a <body>")
    }
}

/// The header of `page` as HTML, as the page first shows it in English (no plan's name in it):
/// written into the page's HTML at build time (`site frame`), so the page is readable before its
/// wasm has loaded. [`mount`] puts the live header in its place in one step; the two look the
/// same (an end-to-end test compares them), so nothing moves or changes on screen.
pub fn header_frame(page: Page) -> String {
    let links: String = Page::APP
        .into_iter()
        .map(|link| {
            let current = if link == page {
                " aria-current=\"page\""
            } else {
                ""
            };
            format!(
                "<li><a href=\"{}\"{current}>{}</a></li>",
                link.href(),
                html_escaped(t(nav_label(link)))
            )
        })
        .collect();
    let options: String = Lang::ALL
        .into_iter()
        .map(|option| {
            let selected = if option == Lang::English {
                " selected"
            } else {
                ""
            };
            let tag = option.tag();
            format!(
                "<option value=\"{tag}\" lang=\"{tag}\"{selected}>{}</option>",
                html_escaped(option.own_name())
            )
        })
        .collect();
    format!(
        "<header class=\"site-header\" {FRAME}><h1>{}</h1><p class=\"tagline\">{}</p>\
         <p class=\"print-only plan-title\"></p><nav class=\"areas\" aria-label=\"{}\"><ul>{links}</ul>\
         </nav><div class=\"language\"><label for=\"{LANGUAGE_MENU_ID}\">{}</label>\
         <select id=\"{LANGUAGE_MENU_ID}\">{options}</select></div></header>",
        html_escaped(t(Key::AppTitle)),
        html_escaped(t(Key::AppTagline)),
        html_escaped(t(Key::AreasLabel)),
        html_escaped(t(Key::LanguageLabel)),
    )
}

/// The attribute that marks what a page's HTML shows before its wasm runs ([`header_frame`]);
/// [`remove_frame`] looks for it.
pub const FRAME: &str = "data-frame";
const FRAME_SELECTOR: &str = "[data-frame]";

/// Whether the page still shows what its HTML showed before the wasm ran.
pub(crate) fn has_frame() -> bool {
    matches!(document().query_selector(FRAME_SELECTOR), Ok(Some(_)))
}

/// Whether the page's HTML hides its frame (`scripts/lib/frame-lang.js`: the page will not look
/// as the frame does).
pub(crate) fn is_frame_hidden() -> bool {
    document().document_element().is_some_and(|root| {
        root.class_name()
            .split_whitespace()
            .any(|class| class == "frame-hidden")
    })
}

/// Takes away what the page's HTML showed before the wasm ran ([`header_frame`],
/// [`crate::ui::embed::embed_frame`]) once the page's own parts are there to take its place, so
/// the browser never paints the page without them.
pub(crate) fn remove_frame() {
    while let Ok(Some(element)) = document().query_selector(FRAME_SELECTOR) {
        element.remove();
    }
}

/// The label of `page` in the navigation.
fn nav_label(page: Page) -> Key {
    match page {
        Page::Plan | Page::Embed => Key::AreaPlan,
        Page::Channels => Key::AreaChannels,
        Page::Results => Key::AreaResults,
        Page::Annual => Key::AreaReview,
        Page::Forecast => Key::AreaForecast,
        Page::Team => Key::AreaTeam,
    }
}

/// What a page shows in the layout, made from the open plan's shared state: the plan library
/// heads its first column, with `under_library` below it; `rest` follows.
pub struct Content {
    pub under_library: Option<AnyView>,
    pub rest: AnyView,
}

impl Content {
    /// A page with nothing of its own under the plan library.
    pub fn after_library(rest: impl IntoView + 'static) -> Self {
        Self {
            under_library: None,
            rest: rest.into_any(),
        }
    }
}

/// A page of the full app: the header, the plan library's notices and the library, and the
/// `page`'s content, made by `content` from the open plan's shared state.
#[component]
pub fn Shell(page: Page, content: fn(PageState) -> Content) -> impl IntoView {
    let planner = Planner::open();
    let state = PageState::new(planner);
    let draft = planner.draft();
    count_money_in(plan_currency(draft));

    // Side effect: keep what was typed, valid or not, in storage (in the plan, or in the copy
    // kept while a conflict with another tab waits for an answer). Saving may merge in another
    // tab's change, which sets the draft: so it works on a clone, not inside `draft.with`.
    Effect::new(move |_| planner.autosave(&draft.get()));

    // Side effect: the tab (and a printout's header) names the plan. The memo keeps this from
    // running on keystrokes in other fields.
    let plan_name = Memo::new(move |_| draft.with(|draft| draft.name.trim().to_owned()));
    Effect::new(move |_| {
        let name = plan_name.get();
        let title = if name.is_empty() {
            t(Key::AppTitle).to_owned()
        } else {
            tf(Key::DocumentTitle, &[("plan", &name)])
        };
        document().set_title(&title);
    });

    // Other tabs: a plan saved there shows up here.
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(change) = storage::change_from(&event, lang()) {
            planner.apply_change(change);
        }
    });
    // A share link (or a link from the embed) pasted into this tab's address bar.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        planner.open_shared(&browser::fragment());
    });
    // A printout explains its figures: every closed "How this is calculated" opens for printing
    // and closes again afterwards.
    let print_listener = window_event_listener(leptos::ev::beforeprint, |_| {
        browser::open_details_for_print(true);
    });
    let printed_listener = window_event_listener(leptos::ev::afterprint, |_| {
        browser::open_details_for_print(false);
    });
    on_cleanup(move || {
        storage_listener.remove();
        hash_listener.remove();
        print_listener.remove();
        printed_listener.remove();
    });

    let plan_fragment = state.plan_fragment;
    let content = content(state);
    // Below the header (which the page's HTML showed already), the page comes in slices, top
    // to bottom, so the first task after the wasm loads stays short and nothing already on
    // screen moves: the plan library and what is under it, the page's own panels, the footer.
    let column = view! {
        <LibraryPanel planner />
        {content.under_library}
    }
    .into_any();
    let footer = view! {
        <footer class="site-footer">
            <p>{t(Key::Footer)}</p>
            <p class="print-only">{t(Key::PrintedFrom)}</p>
        </footer>
    }
    .into_any();

    view! {
        <header class="site-header">
            <h1>{t(Key::AppTitle)}</h1>
            <p class="tagline">{t(Key::AppTagline)}</p>
            <p class="print-only plan-title">{move || plan_label(&plan_name.get())}</p>
            <AreaNav current=page plan_fragment />
            <LanguageMenu plan_fragment />
        </header>
        <UpdateNotice />
        <Notices planner />
        <main class="layout">
            <div class="column">{later_once(column)}</div>
            {later_once(content.rest)}
        </main>
        {later_once(footer)}
    }
}

/// The links between the full app's pages, the current one marked; each keeps the open plan.
#[component]
fn AreaNav(current: Page, plan_fragment: Memo<String>) -> impl IntoView {
    let links = Page::APP
        .into_iter()
        .map(|page| {
            let href = move || plan_fragment.with(|fragment| format!("{}#{fragment}", page.href()));
            let current = (page == current).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current>{t(nav_label(page))}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="areas" aria-label=t(Key::AreasLabel)>
            <ul>{links}</ul>
        </nav>
    }
}

/// The open plan's currency code, as typed. A memo, so that the amounts shown are written again
/// when the currency changes, not on every keystroke in another field.
fn plan_currency(draft: RwSignal<PlanDraft>) -> Signal<String> {
    Memo::new(move |_| draft.with(|draft| draft.currency.clone())).into()
}

/// The language menu: each language named in itself. Choosing one keeps the open plan (a shared
/// one as typed, through the URL) and shows the page in that language.
#[component]
fn LanguageMenu(plan_fragment: Memo<String>) -> impl IntoView {
    let current = lang();
    let on_change = move |event: leptos::ev::Event| {
        let Some(chosen) = Lang::from_tag(&event_target_value(&event)) else {
            return;
        };
        if chosen == current {
            return;
        }
        browser::set_fragment(&plan_fragment.get_untracked());
        browser::drop_query_lang();
        storage::remember_lang(chosen);
        switch_lang(chosen);
    };
    let options = Lang::ALL
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.tag() lang=option.tag() selected=option == current>
                    {option.own_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="language">
            <label for=LANGUAGE_MENU_ID>{t(Key::LanguageLabel)}</label>
            <select id=LANGUAGE_MENU_ID on:change=on_change>{options}</select>
        </div>
    }
}

/// The event `register-sw.js` sends when a new version waits, and the one that applies it.
const UPDATE_READY: &str = "funnel-planner:update-ready";
const APPLY_UPDATE: &str = "funnel-planner:apply-update";

/// "A new version is ready — Reload": shown when a new version has been downloaded; the page
/// reloads only when the person asks, never while they type.
#[component]
fn UpdateNotice() -> impl IntoView {
    let is_ready = RwSignal::new(
        document()
            .document_element()
            .is_some_and(|root| root.has_attribute("data-update-ready")),
    );
    let listener = window_event_listener_untyped(UPDATE_READY, move |_| is_ready.set(true));
    on_cleanup(move || listener.remove());
    let reload = |_| {
        if let Ok(event) = web_sys::Event::new(APPLY_UPDATE) {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <div class="notices" role="status">
            {move || is_ready.get().then(|| view! {
                <p class="notice update">
                    {t(Key::UpdateReady)} " "
                    <button type="button" on:click=reload>{t(Key::UpdateReload)}</button>
                </p>
            })}
        </div>
    }
}
