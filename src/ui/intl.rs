//! Numbers shown in the page's language through the browser's `Intl.NumberFormat`: grouping,
//! decimal marks, percent signs and currency symbols exactly as the browser writes them for that
//! locale (`1 250 000,5` in French with narrow no-break spaces, `Rp 1.250.000` in Indonesian).
//!
//! How many decimals a figure gets is decided by the model (`model::number`); Intl only writes it.
//! Formatters are built once per locale, style and number of decimals and kept, and the last
//! texts they wrote are kept too (not in the embed): a page updated on each keystroke writes mostly
//! the same figures again, and a call out to Intl costs far more than finding its text. Every call
//! goes through `Reflect`, which reports a JavaScript exception as an error instead of aborting
//! the page; when Intl is unavailable the caller falls back to the model's own writing.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{Currency, Lang};

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A plain number: `1,250,000.5`.
    Decimal,
    /// A percent, given as the percent (12.5 for 12.5 %): `12.5%`, `12,5 %`.
    Percent,
    /// An amount of money in a currency: `$1,250,000`, `1 250 000 zł`.
    Money(Currency),
}

type Formatters = Vec<((Lang, Style, usize, usize), Option<Function>)>;
/// A number to write: locale, style, fewest and most decimals, and the value's bits.
type Request = (Lang, Style, usize, usize, u64);

/// How many written texts are kept (each request has one slot, chosen from its value).
const WRITTEN_SLOTS: usize = 1024;

thread_local! {
    static FORMATTERS: RefCell<Formatters> = const { RefCell::new(Vec::new()) };
    static WRITTEN: RefCell<Vec<Option<(Request, String)>>> = const { RefCell::new(Vec::new()) };
    static CURRENCY_DIGITS: RefCell<Vec<(Currency, usize)>> = const { RefCell::new(Vec::new()) };
}

/// The largest number of decimals asked of Intl (it accepts up to 100; figures never need more).
const MAX_DECIMALS: usize = 20;

/// `value` written in `lang` as `style` with `min` to `max` decimals (zeros after `min`
/// dropped), or `None` when the browser cannot write it (then the caller writes it itself).
pub fn format(lang: Lang, style: Style, min: usize, max: usize, value: f64) -> Option<String> {
    let max = max.min(MAX_DECIMALS);
    let min = min.min(max);
    if cfg!(feature = "embed") {
        // The embed shows a few figures per change; its first load has no bytes to spare.
        return write(lang, style, min, max, value);
    }
    let request = (lang, style, min, max, value.to_bits());
    let slot = slot_of(&request);
    let kept = WRITTEN.with(|written| match written.borrow().get(slot) {
        Some(Some((found, text))) if *found == request => Some(text.clone()),
        _ => None,
    });
    if kept.is_some() {
        return kept;
    }
    let text = write(lang, style, min, max, value)?;
    WRITTEN.with(|written| {
        let mut written = written.borrow_mut();
        if written.is_empty() {
            written.resize(WRITTEN_SLOTS, None);
        }
        if let Some(kept) = written.get_mut(slot) {
            *kept = Some((request, text.clone()));
        }
    });
    Some(text)
}

/// The slot of `request` among [`WRITTEN_SLOTS`]: mostly from the value's bits, which differ
/// most between figures (a collision only costs writing the number again).
fn slot_of(&(_, _, min, max, bits): &Request) -> usize {
    let mixed = (bits ^ (bits >> 31) ^ ((min as u64) << 8) ^ max as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 54) as usize % WRITTEN_SLOTS
}

/// `value` written by Intl (see [`format`]).
fn write(lang: Lang, style: Style, min: usize, max: usize, value: f64) -> Option<String> {
    let format = FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (lang, style, min, max);
        if let Some((_, format)) = cache.iter().find(|(found, _)| *found == key) {
            return format.clone();
        }
        let format = number_format(lang, style, Some((min, max)))
            .and_then(|format| Reflect::get(&format, &"format".into()).ok())
            .and_then(|format| format.dyn_into::<Function>().ok());
        cache.push((key, format.clone()));
        format
    })?;
    let value = if style == Style::Percent {
        value / 100.0
    } else {
        value
    };
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}

/// How many decimals `currency` is written with by default (2 for EUR, 0 for JPY), as Intl says;
/// 2 when it cannot say.
pub fn currency_digits(currency: Currency) -> usize {
    CURRENCY_DIGITS.with(|cache| {
        if let Some((_, digits)) = cache.borrow().iter().find(|(found, _)| *found == currency) {
            return *digits;
        }
        let digits = number_format(Lang::English, Style::Money(currency), None)
            .and_then(|format| {
                Reflect::get(&format, &"resolvedOptions".into())
                    .ok()
                    .zip(Some(format))
            })
            .and_then(|(resolve, format)| resolve.dyn_into::<Function>().ok()?.call0(&format).ok())
            .and_then(|options| Reflect::get(&options, &"maximumFractionDigits".into()).ok())
            .and_then(|digits| digits.as_f64())
            .map_or(2, |digits| digits as usize);
        cache.borrow_mut().push((currency, digits));
        digits
    })
}

/// A new `Intl.NumberFormat` for `lang` and `style`, with the fewest and most decimals when
/// given (else the style's own, e.g. the currency's).
fn number_format(lang: Lang, style: Style, decimals: Option<(usize, usize)>) -> Option<JsValue> {
    let options = Object::new();
    let set = |name: &str, value: JsValue| Reflect::set(&options, &name.into(), &value).ok();
    match style {
        Style::Decimal => {}
        Style::Percent => {
            set("style", "percent".into())?;
        }
        Style::Money(currency) => {
            set("style", "currency".into())?;
            set("currency", currency.code().into())?;
        }
    }
    if let Some((min, max)) = decimals {
        set("minimumFractionDigits", JsValue::from_f64(min as f64))?;
        set("maximumFractionDigits", JsValue::from_f64(max as f64))?;
    }
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor = Reflect::get(&intl, &"NumberFormat".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let arguments = Array::of2(&lang.locale().into(), &options);
    Reflect::construct(&constructor, &arguments).ok()
}
