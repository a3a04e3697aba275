//! The blog embed (`embed.html`): the goal, the stages and rates, the targets and the forward
//! check, started from the URL's query (`model::embed`), kept in memory only (storage is often
//! blocked in a third-party frame, and a reader's figures are theirs alone), with a link that
//! opens the plan in the full app. It tells the page around it its height, so the blog's script
//! can size the frame; it never reads that page.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;

use crate::i18n::Key;
use crate::model::embed::{
    decode_query, embed_query, embed_start, readable_accent, Rgb, Sections, Theme, OPEN_PREFIX,
};
use crate::model::{reverse, Field, PlanDraft};
use crate::ui::browser::app_folder;
use crate::ui::later::{later, Later};
use crate::ui::plan::forward_check::ForwardCheck;
use crate::ui::plan::goal_form::{
    self, type_in, GoalForm, FRAME_CHOICE, FRAME_FIELDS, GOAL_CHOICE,
};
use crate::ui::plan::stage_list::{self, StageList};
use crate::ui::shell::{has_frame, is_frame_hidden, remove_frame, FRAME};
use crate::ui::state::{example_plan, Checked, TargetsMemo};
use crate::ui::targets::TargetsPanel;
use crate::ui::text::{count_money_in, field_id, html_escaped, lang, t, tf};

/// The message the embed posts to the page around it: `{ type: RESIZE_MESSAGE, height }`, the
/// height in CSS pixels (see `embed.js`).
const RESIZE_MESSAGE: &str = "funnel-planner:resize";

/// The page colours an accent must read on: the light theme's paper and the dark theme's (as
/// `style/main.css` sets `--paper`).
const LIGHT_PAPER: Rgb = Rgb(255, 255, 255);
const DARK_PAPER: Rgb = Rgb(0x1a, 0x1f, 0x27);

/// The embed's page.
#[component]
pub fn EmbedApp() -> impl IntoView {
    let query = window().location().search().unwrap_or_default();
    let start = embed_start(&decode_query(&query), example_plan(), lang().symbols());
    apply_look(start.theme, start.accent);
    let sections = start.sections;
    // Said, not silent: the link's values the calculator could not use.
    let is_clean = start.ignored.is_empty();
    let ignored = tf(Key::LinkValuesIgnored, &[("names", &start.ignored_list())]);

    // The embed has no currency field: its currency is the one its address names, for good.
    count_money_in(Signal::stored(start.draft.currency.clone()));
    let draft = RwSignal::new(start.draft);
    let checked: Checked =
        Memo::new(move |_| draft.with(|draft| draft.validate(draft.typed_in.symbols())));
    let targets: TargetsMemo =
        Memo::new(move |_| checked.with(|checked| checked.as_ref().ok().map(reverse)));
    // The plan as a link the full app opens as a shared plan (the same parameters as the
    // embed's own query: no compression or JSON code in the embed's small first load).
    let open_link = move || {
        draft.with(|draft| {
            let query = embed_query(
                draft,
                lang().symbols(),
                Theme::Auto,
                None,
                Sections::default(),
            );
            app_url(&format!("{OPEN_PREFIX}{query}"))
        })
    };
    report_height();
    // The page's HTML shows the first screen until the parts it shows are built: meanwhile they
    // wait hidden, then take its place in one step, so the two are never both in sight, and
    // take what was typed in it (`FrameInput`). A frame the page hid from its first paint
    // (another language or look) took nothing: it goes at once, and the page shows as it did
    // without a frame.
    if is_frame_hidden() {
        remove_frame();
    }
    let is_framed = RwSignal::new(has_frame());
    let show_page = move || {
        FrameInput::read().hand_over(draft);
        remove_frame();
        is_framed.set(false);
    };

    view! {
        <header class="embed-header" hidden=is_framed>
            <h1 class="embed-title">{t(Key::AppTitle)}</h1>
            <a href=open_link target="_blank" rel="noopener">{t(Key::OpenInApp)}</a>
        </header>
        <main class="embed" hidden=is_framed>
            <p class="notice" hidden=is_clean>{ignored}</p>
            // Each part a slice of the start-up, in the order it appears.
            <Later><GoalForm draft checked /></Later>
            {sections.stages.then(|| view! { <Later><StageList draft checked /></Later> })}
            {later(show_page)}
            {sections.targets.then(|| view! { <Later><TargetsPanel draft checked targets show_how=sections.how /></Later> })}
            {sections.check.then(|| view! { <Later><ForwardCheck draft checked /></Later> })}
        </main>
    }
}

/// The embed as its HTML shows it before its wasm runs, in English: its header and the parts of
/// its first screen (the goal form, the stages' introduction) as they look with the goal planned
/// from revenue, their fields empty (no figure of a plan: the plan comes from the link, which
/// only the wasm reads). Written into `embed.html` at build time (`site frame embed`), so the
/// largest text of the first screen is painted without waiting for the wasm. The page's own
/// parts are hidden while the frame is there; the slice after the stages takes it away in the
/// step that shows them, so nothing moves (an end-to-end test compares the two). Its form takes
/// typing, which [`FrameInput`] hands to the page's own fields when they take its place, with the
/// focus where it was; its header is inert and hidden from assistive technology (its link would
/// open the app without the reader's plan). An embed whose link asks for another language, an
/// accent colour, only some parts (`show`) or a goal in customers shows none
/// (`scripts/lib/frame-lang.js`); one whose link has values it cannot use shows its notice above
/// the goal when its parts take the frame's place. If the wasm cannot run, the frame stays: a
/// form whose fields count nothing, where the page was blank before.
pub fn embed_frame() -> String {
    format!(
        "<header class=\"embed-header\" {FRAME} aria-hidden=\"true\" inert><h1 class=\"embed-title\">{}</h1>\
         <a href=\"./\">{}</a></header><main class=\"embed\" {FRAME}>{}{}</main>",
        html_escaped(t(Key::AppTitle)),
        html_escaped(t(Key::OpenInApp)),
        goal_form::frame(),
        stage_list::frame(),
    )
}

/// What the reader did in the frame's form before the wasm ran ([`embed_frame`]), read as the
/// frame goes: the text typed in each field, whether they chose to plan from new customers, and
/// the part of the form they were in.
struct FrameInput {
    /// Each field typed in, with its text; the one the reader is in last, as typed last.
    typed: Vec<(Field, String)>,
    /// Whether the goal's second choice (new customers) was chosen.
    chose_customers: bool,
    /// The part the reader was in, as a selector of the page's own part, and whether it is a
    /// field they had typed nothing in (the page's own shows a figure there: selected, so that
    /// what they type replaces it rather than adds to it).
    focus: Option<(String, bool)>,
}

impl FrameInput {
    /// Reads the frame's form, while it is in the page.
    fn read() -> Self {
        let in_frame = |selector: &str| {
            document()
                .query_selector(&format!("main[{FRAME}] {selector}"))
                .ok()
                .flatten()
        };
        let mut input = Self {
            typed: Vec::new(),
            chose_customers: in_frame(&format!(
                "input[name={FRAME_CHOICE}]:not([checked]):checked"
            ))
            .is_some(),
            focus: None,
        };
        for nth in [1, 2] {
            if in_frame(&format!("label:nth-of-type({nth}) > input:focus")).is_some() {
                input.focus = Some((goal_choice(nth), false));
            }
        }
        let mut typed_last = None;
        for field in FRAME_FIELDS {
            let id = field_id(field);
            let text = in_frame(&format!("#{id}"))
                .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
                .map(|field| field.value())
                .unwrap_or_default();
            let is_focused = in_frame(&format!("#{id}:focus")).is_some();
            if is_focused {
                input.focus = Some((format!("#{id}"), text.is_empty()));
            }
            if text.is_empty() {
                continue;
            }
            if is_focused {
                typed_last = Some((field, text));
            } else {
                input.typed.push((field, text));
            }
        }
        input.typed.extend(typed_last);
        input
    }

    /// Gives what was read to the page's own form, built hidden behind the frame: the choice as
    /// if clicked, each field's text into `draft` as if typed there, then shows the form and
    /// gives the focus to the part the reader was in, before the frame goes (a phone keeps its
    /// keyboard open when the focus moves from field to field), so the next keystroke goes on
    /// from the last.
    fn hand_over(self, draft: RwSignal<PlanDraft>) {
        let own = |selector: &str| {
            document()
                .query_selector(&format!("main.embed:not([{FRAME}]) {selector}"))
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        };
        if self.chose_customers {
            if let Some(choice) = own(&goal_choice(2)) {
                choice.click();
            }
        }
        if !self.typed.is_empty() {
            draft.update(|draft| {
                for (field, text) in self.typed {
                    type_in(draft, field, text);
                }
            });
        }
        let Some((selector, is_empty)) = self.focus else {
            return;
        };
        // Shown now, not when the page's reactive attribute next runs: a hidden field takes no
        // focus. A field's text comes in this task's microtasks, before the next keystroke, with
        // the caret after it.
        for part in ["header.embed-header", "main.embed"] {
            let shown = format!("{part}:not([{FRAME}])");
            if let Ok(Some(element)) = document().query_selector(&shown) {
                let _ = element.remove_attribute("hidden");
            }
        }
        if let Some(part) = own(&selector) {
            let _ = part.focus();
            if is_empty {
                part.select();
            }
        }
    }
}

/// The embed's own goal choice's `nth` radio button (1: revenue, 2: new customers), as a
/// selector within its form.
fn goal_choice(nth: u8) -> String {
    format!("label:nth-of-type({nth}) > input[name={GOAL_CHOICE}]")
}

/// The full app's Plan page with `fragment`: in the folder the embed is served from.
fn app_url(fragment: &str) -> String {
    format!("{}#{fragment}", app_folder())
}

/// Sets the theme the blog chose (none follows the reader's setting) and its accent colour,
/// made readable on both themes' paper.
fn apply_look(theme: Theme, accent: Option<Rgb>) {
    let Some(root) = document().document_element() else {
        return;
    };
    if theme != Theme::Auto {
        let _ = root.set_attribute("data-theme", theme.name());
    }
    let Some(accent) = accent else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let style = root.style();
    for (paper, colour, ink) in [
        (LIGHT_PAPER, "--accent-light", "--accent-ink-light"),
        (DARK_PAPER, "--accent-dark", "--accent-ink-dark"),
    ] {
        let (readable, on_accent) = readable_accent(accent, paper);
        let _ = style.set_property(colour, &readable.hex());
        let _ = style.set_property(ink, &on_accent.hex());
    }
}

/// Posts the page's height to the page around it whenever it changes (nothing when the embed is
/// opened on its own).
fn report_height() {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if AsRef::<JsValue>::as_ref(&parent) == AsRef::<JsValue>::as_ref(&window) {
        return;
    }
    let Some(body) = document().body() else {
        return;
    };
    let measured = body.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let height = JsValue::from_f64(f64::from(measured.scroll_height()));
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height);
        // Any origin: the height says nothing private, and the embed cannot know the blog's.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer calls it for as long as the page lives.
    on_resize.forget();
}
