//! A page's own data kept inside the plan as one JSON text (the annual plan, the forecast): one
//! codec for all of them. The plan carries the text as it is, so its autosave, the two-tab merge
//! (key by key, see [`crate::model::merge`]), export and share links take it like any other
//! field; only the page that owns it reads it. A page's data names its fields once
//! ([`PageData::fields`]): one walk over them reads a text, another writes one, a third rewrites
//! the numbers in another language's format.
//!
//! Reading is lenient: a field missing or of another type keeps its default (nothing is invented);
//! only a text that is not a JSON object, or that a newer version wrote, is refused, and then the
//! page keeps it as it is.

use serde_json::{Map, Value};

use crate::model::json::{list, object, text_of, Json};
use crate::model::number::{parse_non_negative, retype};
use crate::model::{Lang, NumberSymbols, PlanDraft};

/// A page's own data: its shape's version, where the plan keeps it, and its fields, walked once
/// for reading, writing and retyping alike.
pub trait PageData: Clone + Default + PartialEq {
    /// The latest version of the shape, which this build reads; a text of a later version is
    /// refused.
    const VERSION: u32;

    /// The version this data is written as: [`Self::VERSION`], or an earlier one while nothing
    /// needs the later shape (so that builds that know only the earlier one keep reading it).
    fn version(&self) -> u32 {
        Self::VERSION
    }

    /// Where the plan keeps it.
    const SLOT: Slot;

    /// The tag of the language its numbers are typed in (`"pl"`: `1,5`).
    fn typed_in(&self) -> &str;

    /// The same tag, to change.
    fn typed_in_mut(&mut self) -> &mut String;

    /// Walks every field but `typed_in`, in the order its text writes them.
    fn fields(&mut self, walk: &mut dyn Walk);

    /// Drops the list entries nothing was typed in, which do not count as typed.
    fn drop_blank_entries(&mut self);

    /// Whether nothing has been typed or chosen (entries left blank count as none): the plan
    /// then keeps the empty text.
    fn is_empty(&self) -> bool {
        let mut typed = self.clone();
        typed.drop_blank_entries();
        let mut empty = Self::default();
        self.typed_in().clone_into(empty.typed_in_mut());
        typed == empty
    }

    /// Its fields read from `map`, the JSON object of a text of a version this build reads: a
    /// field missing or of another type keeps its default (nothing is invented).
    fn read(map: &Map<String, Value>) -> Self {
        let mut data = Self::default();
        *data.typed_in_mut() = text_of(map, "typed_in");
        data.fields(&mut Reader::new(map));
        data
    }

    /// Its fields written into `out`, an open JSON object that already has its `version`.
    fn write(&self, out: &mut Json) {
        out.text("typed_in", self.typed_in());
        self.clone().fields(&mut Writer { out });
    }

    /// The same data with every number written in `lang`'s format (and `lang` named as the
    /// language it is typed in); text that is not a number is kept as typed.
    fn retyped(mut self, lang: Lang) -> Self {
        if let Some(mut numbers) = retyping(self.typed_in_mut(), lang) {
            self.fields(&mut numbers);
        }
        self
    }

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
        out.number("version", u64::from(self.version()));
        self.write(&mut out);
        out.close('}');
        out.finish()
    }

    /// The one `plan` keeps, in `lang`'s number format.
    fn of_plan(plan: &PlanDraft, lang: Lang) -> Result<Self, PageDataError> {
        Self::decode(Self::text(plan), lang).map(|data| data.retyped(lang))
    }
}

/// What a text field holds, for rewriting it in another language's number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// Not a number (a name, an owner, an id): kept as typed.
    No,
    /// An amount or a count (`1 500,5` in Polish).
    Amount,
    /// A percent (`2,5` in Polish, the `%` sign optional).
    Percent,
    /// A whole number from 0 to `u32::MAX`, written without separators in every language (the
    /// simulation's seed: "2027", never "2,027").
    Whole,
    /// Percents separated by `;` (a ramp: `12,5; 50` in Polish), each rewritten on its own.
    Percents,
}

/// One pass over a page's data, field by field, in the order its text writes them: reading
/// them from a JSON object, writing them, or rewriting their numbers in another language.
pub trait Walk {
    /// A text field, holding `number`.
    fn text(&mut self, key: &str, text: &mut String, number: Number);

    /// A whole number, left out of the text when `None`; a number above `max` reads as `None`.
    fn whole(&mut self, key: &str, value: &mut Option<u64>, max: u64);

    /// A whole number the item cannot be without (its id): an item read without one is dropped.
    fn id(&mut self, key: &str, id: &mut u32);

    /// A yes or no.
    fn flag(&mut self, key: &str, flag: &mut bool);

    /// A list of texts, each holding `number`; at most `max` are read, and a list read shorter
    /// than its default (the twelve months) is filled up with empty texts.
    fn texts(&mut self, key: &str, texts: &mut Vec<String>, number: Number, max: usize);

    /// An object, whose fields `fields` walks.
    fn object(&mut self, key: &str, fields: &mut dyn FnMut(&mut dyn Walk));

    /// A list of objects; at most `max` are read.
    fn list(&mut self, key: &str, items: &mut dyn Items, max: usize);

    /// Whether an object added to the shape later, with nothing typed or chosen in it, is left
    /// out: when writing, so that the texts of data without it stay as they were.
    fn leaves_out_blank(&self) -> bool {
        false
    }
}

/// The fields of an object listed in a page's data (an objective, a stage's range).
pub trait Fields: Default {
    /// Walks them, in the order its text writes them.
    fn fields(&mut self, walk: &mut dyn Walk);
}

/// A list of objects as a walk sees it.
pub trait Items {
    fn count(&self) -> usize;
    fn clear(&mut self);
    /// Adds an empty item at the end.
    fn push_empty(&mut self);
    /// Drops the last item.
    fn drop_last(&mut self);
    /// Walks the fields of item `index`.
    fn walk(&mut self, index: usize, walk: &mut dyn Walk);
}

impl<T: Fields> Items for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }

    fn clear(&mut self) {
        Vec::clear(self);
    }

    fn push_empty(&mut self) {
        self.push(T::default());
    }

    fn drop_last(&mut self) {
        self.pop();
    }

    fn walk(&mut self, index: usize, walk: &mut dyn Walk) {
        if let Some(item) = self.get_mut(index) {
            item.fields(walk);
        }
    }
}

/// The written names of an enum's variants (see the `tags!` macro).
pub trait Tag: Copy + Default {
    /// The name written in the page's text.
    fn tag(self) -> &'static str;
    /// The variant written as `tag`, or the default (a newer version's choice reads as the
    /// usual one rather than failing).
    fn from_tag(tag: &str) -> Self;
}

/// The written names of an enum's variants, as [`Tag`] (an unknown name is the default, so a
/// newer version's choice reads as the usual one rather than failing).
macro_rules! tags {
    ($name:ident { $($variant:ident => $tag:literal,)* }) => {
        impl $crate::model::page_data::Tag for $name {
            fn tag(self) -> &'static str {
                match self {
                    $($name::$variant => $tag,)*
                }
            }

            fn from_tag(tag: &str) -> Self {
                match tag {
                    $($tag => $name::$variant,)*
                    _ => Self::default(),
                }
            }
        }
    };
}
pub(crate) use tags;

/// [`PageData::typed_in`] and [`PageData::typed_in_mut`] of a page's data whose field `typed_in`
/// holds the tag.
macro_rules! typed_in_field {
    () => {
        fn typed_in(&self) -> &str {
            &self.typed_in
        }

        fn typed_in_mut(&mut self) -> &mut String {
            &mut self.typed_in
        }
    };
}
pub(crate) use typed_in_field;

/// Walks an enum written as its tag.
pub fn tag<T: Tag>(walk: &mut dyn Walk, key: &str, value: &mut T) {
    let mut text = value.tag().to_owned();
    walk.text(key, &mut text, Number::No);
    *value = T::from_tag(&text);
}

/// Walks an optional position below `below` (a month, a quarter).
pub fn index(walk: &mut dyn Walk, key: &str, value: &mut Option<usize>, below: usize) {
    let mut whole = value.map(|index| index as u64);
    walk.whole(key, &mut whole, below.saturating_sub(1) as u64);
    *value = whole.and_then(|index| usize::try_from(index).ok());
}

/// Walks an optional stage id.
pub fn stage(walk: &mut dyn Walk, key: &str, value: &mut Option<u32>) {
    let mut whole = value.map(u64::from);
    walk.whole(key, &mut whole, u64::from(u32::MAX));
    *value = whole.and_then(|id| u32::try_from(id).ok());
}

/// Reads fields from a JSON object.
struct Reader<'m> {
    map: &'m Map<String, Value>,
    /// An id was missing: the item is dropped.
    missing: bool,
}

impl<'m> Reader<'m> {
    fn new(map: &'m Map<String, Value>) -> Self {
        Self {
            map,
            missing: false,
        }
    }
}

impl Walk for Reader<'_> {
    fn text(&mut self, key: &str, text: &mut String, _: Number) {
        if let Some(read) = self.map.get(key).and_then(Value::as_str) {
            read.clone_into(text);
        }
    }

    fn whole(&mut self, key: &str, value: &mut Option<u64>, max: u64) {
        *value = self
            .map
            .get(key)
            .and_then(Value::as_u64)
            .filter(|read| *read <= max);
    }

    fn id(&mut self, key: &str, id: &mut u32) {
        match self
            .map
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|read| u32::try_from(read).ok())
        {
            Some(read) => *id = read,
            None => self.missing = true,
        }
    }

    fn flag(&mut self, key: &str, flag: &mut bool) {
        *flag = self.map.get(key).and_then(Value::as_bool) == Some(true);
    }

    fn texts(&mut self, key: &str, texts: &mut Vec<String>, _: Number, max: usize) {
        let len = texts.len();
        *texts = self
            .map
            .get(key)
            .and_then(Value::as_array)
            .map(|list| list.as_slice())
            .unwrap_or_default()
            .iter()
            .take(max)
            .map(|value| value.as_str().unwrap_or_default().to_owned())
            .collect();
        if texts.len() < len {
            texts.resize(len, String::new());
        }
    }

    fn object(&mut self, key: &str, fields: &mut dyn FnMut(&mut dyn Walk)) {
        fields(&mut Reader::new(object(self.map, key)));
    }

    fn list(&mut self, key: &str, items: &mut dyn Items, max: usize) {
        items.clear();
        for entry in list(self.map, key) {
            if items.count() >= max {
                break;
            }
            items.push_empty();
            let mut reader = Reader::new(entry);
            items.walk(items.count() - 1, &mut reader);
            if reader.missing {
                items.drop_last();
            }
        }
    }
}

/// Writes fields into an open JSON object.
struct Writer<'o> {
    out: &'o mut Json,
}

impl Walk for Writer<'_> {
    fn leaves_out_blank(&self) -> bool {
        true
    }

    fn text(&mut self, key: &str, text: &mut String, _: Number) {
        self.out.text(key, text);
    }

    fn whole(&mut self, key: &str, value: &mut Option<u64>, _: u64) {
        if let Some(value) = value {
            self.out.number(key, *value);
        }
    }

    fn id(&mut self, key: &str, id: &mut u32) {
        self.out.number(key, u64::from(*id));
    }

    fn flag(&mut self, key: &str, flag: &mut bool) {
        self.out.flag(key, *flag);
    }

    fn texts(&mut self, key: &str, texts: &mut Vec<String>, _: Number, _: usize) {
        self.out.key(key);
        self.out.open('[');
        for text in texts.iter() {
            self.out.item();
            self.out.string(text);
        }
        self.out.close(']');
    }

    fn object(&mut self, key: &str, fields: &mut dyn FnMut(&mut dyn Walk)) {
        self.out.key(key);
        self.out.open('{');
        fields(self);
        self.out.close('}');
    }

    fn list(&mut self, key: &str, items: &mut dyn Items, _: usize) {
        self.out.key(key);
        self.out.open('[');
        for index in 0..items.count() {
            self.out.open('{');
            items.walk(index, self);
            self.out.close('}');
        }
        self.out.close(']');
    }
}

/// Rewrites every number typed with `from`'s symbols with `to`'s.
struct Retyper {
    from: NumberSymbols,
    to: NumberSymbols,
}

impl Walk for Retyper {
    fn text(&mut self, _: &str, text: &mut String, number: Number) {
        match number {
            Number::No => {}
            Number::Amount | Number::Percent => {
                *text = retype(text, self.from, self.to, number == Number::Percent);
            }
            Number::Percents => {
                let pieces: Vec<String> = text
                    .split(';')
                    .map(|piece| retype(piece.trim(), self.from, self.to, true))
                    .collect();
                *text = pieces.join("; ");
            }
            Number::Whole => {
                if let Ok(whole) = parse_non_negative(text, self.from) {
                    if whole.fract() == 0.0 && whole <= f64::from(u32::MAX) {
                        *text = (whole as u64).to_string();
                    }
                }
            }
        }
    }

    fn whole(&mut self, _: &str, _: &mut Option<u64>, _: u64) {}

    fn id(&mut self, _: &str, _: &mut u32) {}

    fn flag(&mut self, _: &str, _: &mut bool) {}

    fn texts(&mut self, key: &str, texts: &mut Vec<String>, number: Number, _: usize) {
        for text in texts.iter_mut() {
            self.text(key, text, number);
        }
    }

    fn object(&mut self, _: &str, fields: &mut dyn FnMut(&mut dyn Walk)) {
        fields(self);
    }

    fn list(&mut self, _: &str, items: &mut dyn Items, _: usize) {
        for index in 0..items.count() {
            items.walk(index, self);
        }
    }
}

/// Retyping into `lang`: `typed_in` becomes `lang`'s tag, and the numbers typed in the old
/// language are rewritten by the [`Retyper`] returned; `None` when both languages write numbers
/// alike.
fn retyping(typed_in: &mut String, lang: Lang) -> Option<Retyper> {
    let from = Lang::from_tag(typed_in).unwrap_or(Lang::English).symbols();
    let to = lang.symbols();
    *typed_in = lang.tag().to_owned();
    (from != to).then_some(Retyper { from, to })
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
