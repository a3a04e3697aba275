//! A page's own data kept inside the plan as one JSON text (the annual plan, the forecast): one
//! codec for all of them. The plan carries the text as it is, so its autosave, the two-tab merge
//! (key by key, see [`crate::model::merge`]), export and share links take it like any other
//! field; only the page that owns it reads it.
//!
//! Reading is lenient: a field missing or of another type reads as empty (nothing is invented);
//! only a text that is not a JSON object, or that a newer version wrote, is refused, and then the
//! page keeps it as it is.

use serde_json::{Map, Value};

use crate::model::json::Json;
use crate::model::number::retype;
use crate::model::{Lang, NumberSymbols, PlanDraft};

/// A page's own data: its shape's version, where the plan keeps it, and how its fields are read
/// and written.
pub trait PageData: Clone + Default + PartialEq {
    /// The version of the shape this build writes; a text of a later version is refused.
    const VERSION: u32;

    /// Where the plan keeps it.
    const SLOT: Slot;

    /// The tag of the language its numbers are typed in (`"pl"`: `1,5`).
    fn typed_in(&self) -> &str;

    /// Its fields read from `map`, the JSON object of a text of a version this build reads.
    fn read(map: &Map<String, Value>) -> Self;

    /// Its fields written into `out`, an open JSON object that already has its `version`.
    fn write(&self, out: &mut Json);

    /// Whether nothing has been typed or chosen: the plan then keeps the empty text.
    fn is_empty(&self) -> bool;

    /// The same data with every number written in `lang`'s format (and `lang` named as the
    /// language it is typed in); text that is not a number is kept as typed.
    fn retyped(self, lang: Lang) -> Self;

    /// Its text in `plan`.
    fn text(plan: &PlanDraft) -> &str {
        match Self::SLOT {
            Slot::Annual => &plan.annual,
            Slot::Forecast => &plan.forecast,
        }
    }

    /// Keeps `text` in `plan`.
    fn keep(plan: &mut PlanDraft, text: String) {
        match Self::SLOT {
            Slot::Annual => plan.annual = text,
            Slot::Forecast => plan.forecast = text,
        }
    }

    /// An empty one, typed in `lang`.
    fn new(lang: Lang) -> Self {
        Self::default().retyped(lang)
    }

    /// The language its numbers are typed in (English for a tag this build does not know).
    fn lang(&self) -> Lang {
        Lang::from_tag(self.typed_in()).unwrap_or(Lang::English)
    }

    /// Reads `text`; an empty text is an empty one typed in `lang`.
    fn decode(text: &str, lang: Lang) -> Result<Self, PageDataError> {
        if text.trim().is_empty() {
            return Ok(Self::new(lang));
        }
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
            return Err(PageDataError::Damaged);
        };
        let written = map.get("version").and_then(Value::as_u64).unwrap_or(0);
        if written > u64::from(Self::VERSION) {
            return Err(PageDataError::Newer(written));
        }
        Ok(Self::read(&map))
    }

    /// The text the plan keeps: the empty text when nothing is typed.
    fn encode(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        let mut out = Json::default();
        out.open('{');
        out.number("version", u64::from(Self::VERSION));
        self.write(&mut out);
        out.close('}');
        out.finish()
    }

    /// The one `plan` keeps, in `lang`'s number format.
    fn of_plan(plan: &PlanDraft, lang: Lang) -> Result<Self, PageDataError> {
        Self::decode(Self::text(plan), lang).map(|data| data.retyped(lang))
    }
}

/// Retyping a page's data into `lang` (see [`retyping`]): its numbers, typed with `from`'s
/// symbols, rewritten with `to`'s.
pub struct Retype {
    pub from: NumberSymbols,
    to: NumberSymbols,
}

impl Retype {
    /// An amount typed as `text` rewritten (text that is not a number is kept).
    pub fn amount(&self, text: &mut String) {
        self.number(text, false);
    }

    /// A percent typed as `text` rewritten.
    pub fn percent(&self, text: &mut String) {
        self.number(text, true);
    }

    /// A number typed as `text`, a percent when `is_percent`, rewritten.
    pub fn number(&self, text: &mut String, is_percent: bool) {
        *text = retype(text, self.from, self.to, is_percent);
    }
}

/// Retyping a page's data into `lang`: `typed_in` becomes `lang`'s tag, and the numbers typed
/// in the old language are to be rewritten as the [`Retype`] returned says; `None` when both
/// languages write numbers alike.
pub fn retyping(typed_in: &mut String, lang: Lang) -> Option<Retype> {
    let from = Lang::from_tag(typed_in).unwrap_or(Lang::English).symbols();
    let to = lang.symbols();
    *typed_in = lang.tag().to_owned();
    (from != to).then_some(Retype { from, to })
}

/// The plan's texts that hold a page's own data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// `PlanDraft::annual`: the Annual plan page's.
    Annual,
    /// `PlanDraft::forecast`: the Forecast page's.
    Forecast,
}

/// Why a page's own text cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PageDataError {
    /// Not the JSON object of this page's data.
    #[error("not this page's data")]
    Damaged,
    /// Written by a newer version of the planner (its version).
    #[error("version {0} is newer than this one")]
    Newer(u64),
}
