//! The few browser calls the page needs besides storage: the clock, randomness, the URL fragment,
//! downloads, the clipboard and printing. Each one degrades quietly when the browser refuses.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::decimal::fixed;
use crate::model::embed::decode_query;
use crate::model::results::Month;
use crate::model::{Lang, PlanId};
use crate::ui::text::lang;

/// Milliseconds since 1970-01-01 UTC.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// A fresh plan id.
pub fn new_plan_id() -> PlanId {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    PlanId::generate(now_ms(), random)
}

/// A time as a person reads it in the page's language, e.g. "23 Nov 2026, 14:05".
pub fn format_time(ms: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(lang().locale(), &options))
}

/// This calendar month, in the person's time zone (the plan year's default, and which months
/// are past).
pub fn this_month() -> Month {
    let date = js_sys::Date::new_0();
    Month {
        year: i32::try_from(date.get_full_year()).unwrap_or(2026),
        month: u8::try_from(date.get_month() + 1).unwrap_or(1),
    }
}

/// A month of a year as a person reads it in the page's language, in `style`: "March 2027",
/// "marzec 2027" ([`MonthStyle::Long`]).
pub fn month_label(year: i32, month: u8, style: MonthStyle) -> String {
    let utc = js_sys::Date::utc(f64::from(year), f64::from(month) - 1.0);
    let date = js_sys::Date::new(&JsValue::from_f64(utc));
    let options = js_sys::Object::new();
    let set = |name: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    };
    set("timeZone", "UTC");
    match style {
        MonthStyle::Long => {
            set("month", "long");
            set("year", "numeric");
        }
        MonthStyle::Narrow => set("month", "narrow"),
    }
    String::from(date.to_locale_date_string(lang().locale(), &options))
}

/// How [`month_label`] writes a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthStyle {
    /// "March 2027".
    Long,
    /// "M": a chart's axis.
    Narrow,
}

/// Today's date as `YYYY-MM-DD` (UTC), for file names.
pub fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or("plans").to_owned()
}

/// Whether this code runs in a page, or in the start-up worker's stand-in for one
/// (`static/start-worker.js`): not in a worker without it, which has no window.
pub fn is_page() -> bool {
    web_sys::window().is_some()
}

/// Runs `f` in a task of its own, after the current one (in the start-up worker's stand-in for a
/// page too; a worker without it starts nothing, see [`crate::ui::shell::mount`]).
pub fn next_task(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::ZERO);
}

/// The URL fragment without `#` (empty when there is none, and outside a page).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// Replaces the URL fragment (without adding a history entry); empty removes it.
pub fn set_fragment(fragment: &str) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let url = if fragment.is_empty() {
        format!("{path}{search}")
    } else {
        format!("{path}{search}#{fragment}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The language the page's query asks for (`?lang=pl`), if it names one the planner speaks.
pub fn query_lang() -> Option<Lang> {
    let search = window().location().search().ok()?;
    decode_query(&search)
        .into_iter()
        .rev()
        .find(|(name, _)| name == "lang")
        .and_then(|(_, tag)| Lang::from_tag(&tag))
}

/// Removes `lang=` from the page's query (without adding a history entry), so that a language
/// the person chooses is not overruled by the link they came from when the page reloads.
pub fn drop_query_lang() {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    let query = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{query}{hash}")),
        );
    }
}

/// The text of the file at `url` (relative to the page), or `None` when it cannot be had.
pub async fn fetch_text(url: &str) -> Option<String> {
    // The page's loader may have fetched it already (see `prefetched`).
    let response = prefetched(url).unwrap_or_else(|| window().fetch_with_str(url));
    let answer = wasm_bindgen_futures::JsFuture::from(response).await.ok()?;
    // The start-up worker's stand-in is given the text itself (static/start-worker.js).
    if let Some(text) = answer.as_string() {
        return Some(text);
    }
    let response = answer
        .dyn_into::<web_sys::Response>()
        .ok()
        .filter(web_sys::Response::ok)?;
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The loader's fetch of `url` (`FT[url]`, set by the loader that `scripts/postbuild.mjs`
/// writes: the chosen language's texts, fetched beside the wasm), taken once; `None` when it
/// made none for `url`.
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    let fetched = js_sys::Reflect::get(&window(), &"FT".into()).ok()?;
    let url = wasm_bindgen::JsValue::from_str(url);
    let response = js_sys::Reflect::get(&fetched, &url).ok()?;
    let _ = js_sys::Reflect::set(&fetched, &url, &wasm_bindgen::JsValue::UNDEFINED);
    response.dyn_into::<js_sys::Promise>().ok()
}

/// Puts `text` at the top of the page as an alert (`role="alert"`, read out at once), outside
/// anything the page mounts: for the one message a page can give without its texts.
pub fn alert_at_top(text: &str) {
    let document = window().document();
    let (Some(document), Some(body)) = (document.clone(), document.and_then(|d| d.body())) else {
        return;
    };
    if let Ok(alert) = document.create_element("p") {
        let _ = alert.set_attribute("role", "alert");
        let _ = alert.set_attribute("class", "card problem");
        alert.set_text_content(Some(text));
        let _ = body.prepend_with_node_1(&alert);
    }
}

/// The browser's languages, best first (`navigator.languages`).
pub fn languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The page's address with `fragment`, for a share link.
pub fn url_with_fragment(fragment: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}#{fragment}")
}

/// The address of the folder the page is served from, ending in `/`: where the app's other pages
/// are (`embed.html`, `embed.js`, the Plan page itself).
pub fn app_folder() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = path
        .rfind('/')
        .and_then(|slash| path.get(..=slash))
        .unwrap_or("/");
    format!("{origin}{folder}")
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        if let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() {
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
        }
    }
    // The click only asks for the download: on a busy machine the browser may read the object
    // URL after this returns, and a URL revoked by then saves a file named "download" without
    // its name. A minute later it is long read.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}

/// A name usable as a file name: letters, digits and dashes from `name`, or `fallback`.
pub fn file_stem(name: &str, fallback: &str) -> String {
    let stem: String = name
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        fallback.to_owned()
    } else {
        stem
    }
}

/// Copies `text` to the clipboard; false if the browser refused (no permission, not focused).
pub async fn copy_to_clipboard(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Marks a `<details>` opened only for printing.
const OPENED_FOR_PRINT: &str = "data-print-opened";

/// Opens every closed `<details>` for printing, marking it (`is_printing`), or closes again the
/// ones opened that way, so the page is left as the person had it.
pub fn open_details_for_print(is_printing: bool) {
    let document = document();
    let selector = if is_printing {
        "details:not([open])"
    } else {
        "details[data-print-opened]"
    };
    // Each pass changes the element found so it no longer matches; stop if the browser refuses.
    while let Ok(Some(details)) = document.query_selector(selector) {
        let changed = if is_printing {
            details
                .set_attribute("open", "")
                .and_then(|()| details.set_attribute(OPENED_FOR_PRINT, ""))
        } else {
            details
                .remove_attribute(OPENED_FOR_PRINT)
                .and_then(|()| details.remove_attribute("open"))
        };
        if changed.is_err() {
            break;
        }
    }
}

/// Opens the Plan page with `fragment`, in this page's place in the history.
pub fn open_on_plan_page(fragment: &str) {
    let _ = window().location().replace(&format!("./#{fragment}"));
}

/// Keeps the field being typed in clear of the conflict notice, fixed at the window's foot: the
/// page's scroll padding takes the notice's height (so moving to another field stops above it
/// too), and a focused field it covers is scrolled up just above it.
pub fn keep_focus_above_conflict() {
    let document = document();
    let Ok(Some(banner)) = document.query_selector(".notice.conflict") else {
        return;
    };
    let cover = banner.get_bounding_client_rect();
    // Through the style object: the page's CSP refuses a written `style` attribute.
    if let Some(root) = document
        .document_element()
        .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root.style().set_property(
            "--conflict-height",
            &format!("{}px", fixed(cover.height().ceil() + 24.0, 0)),
        );
    }
    if let Some(focused) = document
        .active_element()
        .filter(|focused| focused.get_bounding_client_rect().bottom() > cover.top())
    {
        focused.scroll_into_view_with_bool(false);
    }
}

/// Moves keyboard focus to the element with `id` once the page has rendered the change that
/// creates or moves it.
pub fn focus_later(id: String) {
    focus_within(id, FOCUS_FRAMES);
}

/// How many frames [`focus_later`] waits for its element once the page has started (while it
/// starts, a part built in a slice of its own, `ui::later`, may come a few dozen tasks later, and
/// those frames are not counted).
const FOCUS_FRAMES: u8 = 30;

/// Focuses the element `id` at the next frame, or at one of the `frames` after it once it is
/// there (the frames while the page starts not counted).
fn focus_within(id: String, frames: u8) {
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        match element {
            Some(element) => {
                let _ = element.focus();
            }
            None if !crate::ui::later::has_started() => focus_within(id, frames),
            None if frames > 0 => focus_within(id, frames - 1),
            None => {}
        }
    });
}
