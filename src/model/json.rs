//! JSON read and written by hand for the texts a page keeps of its own inside a plan (the annual
//! plan, the forecast): a page that writes them carries no serde code for their shapes, and a
//! reader that finds a field missing or of another type reads it as empty instead of failing.

use serde_json::{Map, Value};

/// The object at `key` of `map`, or an empty one.
pub(crate) fn object<'v>(map: &'v Map<String, Value>, key: &str) -> &'v Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    map.get(key)
        .and_then(Value::as_object)
        .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
}

/// The objects listed at `key` of `map` (anything else in the list is left out).
pub(crate) fn list<'v>(
    map: &'v Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'v Map<String, Value>> {
    map.get(key)
        .and_then(Value::as_array)
        .map(|list| list.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_object)
}

/// The text at `key` of `map`, or "" when it is missing or not text.
pub(crate) fn text_of(map: &Map<String, Value>, key: &str) -> String {
    map.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// JSON written by hand (the shape is small and fixed), so the page carries no serde code for
/// it: commas come before each member or item after the first of its object or list.
#[derive(Default)]
pub struct Json(pub(crate) String, bool);

impl Json {
    pub(crate) fn open(&mut self, bracket: char) {
        self.item();
        self.0.push(bracket);
        self.1 = false;
    }

    pub(crate) fn close(&mut self, bracket: char) {
        self.0.push(bracket);
        self.1 = true;
    }

    /// A comma before a member or an item that is not the first.
    pub(crate) fn item(&mut self) {
        if self.1 {
            self.0.push(',');
        }
        self.1 = false;
    }

    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.0.push(':');
        // The value after a key needs no comma of its own.
        self.1 = false;
    }

    pub(crate) fn string(&mut self, text: &str) {
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                c if u32::from(c) < 0x20 => {
                    self.0.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
        self.1 = true;
    }

    pub(crate) fn text(&mut self, key: &str, text: &str) {
        self.key(key);
        self.string(text);
    }

    pub(crate) fn number(&mut self, key: &str, number: u64) {
        self.key(key);
        self.0.push_str(&number.to_string());
        self.1 = true;
    }

    /// A value written out already (a number, `true`, `null`).
    pub(crate) fn raw(&mut self, text: &str) {
        self.0.push_str(text);
        self.1 = true;
    }

    pub(crate) fn flag(&mut self, key: &str, flag: bool) {
        self.key(key);
        self.0.push_str(if flag { "true" } else { "false" });
        self.1 = true;
    }
}
