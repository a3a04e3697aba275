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
use crate::model::{Lang, PlanDraft};

/// A page's own data: its shape's version, where the plan keeps it, and how its fields are read
/// and written.
pub trait PageData: Clone + Default + PartialEq {
    /// The version of the shape this build writes; a text of a later version is refused.
    const VERSION: u32;

    /// Its text in `plan`.
    fn text(plan: &PlanDraft) -> &str;

    /// Keeps `text` in `plan`.
    fn keep(plan: &mut PlanDraft, text: String);

    /// The tag of the language its numbers are typed in (`"pl"`: `1,5`).
    fn typed_in(&mut self) -> &mut String;

    /// Its fields read from `map`, the JSON object of a text of a version this build reads.
    fn read(map: &Map<String, Value>) -> Self;

    /// Its fields written into `out`, an open JSON object that already has its `version`.
    fn write(&self, out: &mut Json);

    /// Whether nothing has been typed or chosen: the plan then keeps the empty text.
    fn is_empty(&self) -> bool;

    /// The same data with every number written in `lang`'s format.
    fn retyped(self, lang: Lang) -> Self;

    /// An empty one, typed in `lang`.
    fn new(lang: Lang) -> Self {
        let mut data = Self::default();
        *data.typed_in() = lang.tag().to_owned();
        data
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
