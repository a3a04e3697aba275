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

/// JSON written by hand (the shapes are small and fixed), so a page carries no serde code for
/// them: commas come before each member or item after the first of its object or list. Compact by
/// default; [`Json::pretty`] indents by two spaces per level, as people read an exported file.
/// The output is exactly what `serde_json` writes for the same values, in either form.
#[derive(Default)]
pub struct Json {
    out: String,
    /// A comma must come before the next member or item.
    needs_comma: bool,
    /// The next value follows its key (no comma, no new line before it).
    after_key: bool,
    /// The object or list being written has no member or item yet.
    is_empty: bool,
    /// Written indented: a new line before each member or item.
    is_pretty: bool,
    /// How many objects and lists are open.
    depth: usize,
    /// `\n`, `\t` … as their short escapes (`serde_json`'s form, used for stored plans) rather
    /// than `\u000a` (a page's own data, whose written form is fixed).
    short_escapes: bool,
}

impl Json {
    /// JSON written as `serde_json` writes it: compact, or `pretty` (indented).
    pub(crate) fn like_serde(pretty: bool) -> Self {
        Self {
            is_pretty: pretty,
            short_escapes: true,
            ..Self::default()
        }
    }

    /// The text written.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    pub(crate) fn open(&mut self, bracket: char) {
        self.item();
        self.out.push(bracket);
        self.depth += 1;
        self.is_empty = true;
    }

    pub(crate) fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.is_empty {
            self.new_line();
        }
        self.out.push(bracket);
        self.needs_comma = true;
        self.is_empty = false;
    }

    /// A comma (and, indented, a new line) before a member or an item that is not the first.
    pub(crate) fn item(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if std::mem::take(&mut self.needs_comma) {
            self.out.push(',');
        }
        if self.depth > 0 {
            self.new_line();
        }
        self.is_empty = false;
    }

    fn new_line(&mut self) {
        if self.is_pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push(':');
        if self.is_pretty {
            self.out.push(' ');
        }
        self.needs_comma = false;
        self.after_key = true;
    }

    pub(crate) fn string(&mut self, text: &str) {
        self.after_key = false;
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' if self.short_escapes => self.out.push_str("\\n"),
                '\t' if self.short_escapes => self.out.push_str("\\t"),
                '\r' if self.short_escapes => self.out.push_str("\\r"),
                '\u{8}' if self.short_escapes => self.out.push_str("\\b"),
                '\u{c}' if self.short_escapes => self.out.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    self.out.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
        self.needs_comma = true;
    }

    pub(crate) fn text(&mut self, key: &str, text: &str) {
        self.key(key);
        self.string(text);
    }

    /// A value written out already (a number, `true`, `null`).
    pub(crate) fn raw(&mut self, text: &str) {
        self.after_key = false;
        self.out.push_str(text);
        self.needs_comma = true;
    }

    pub(crate) fn number(&mut self, key: &str, number: u64) {
        self.key(key);
        self.raw(&number.to_string());
    }

    pub(crate) fn flag(&mut self, key: &str, flag: bool) {
        self.key(key);
        self.raw(if flag { "true" } else { "false" });
    }
}
