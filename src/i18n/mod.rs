//! Every text a person reads, in one catalogue. A component asks for a [`Key`] and fills its
//! `{placeholders}`; it never holds a sentence of its own.
//!
//! Adding a language: add a [`Lang`] variant, a module with one exhaustive `match` over [`Key`]
//! (a missing key is then a compile error), and its number symbols in [`Lang::symbols`].

mod en;

use crate::model::{InputError, NumberSymbols};
pub use en::Key;

/// A language the page can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    English,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en",
        }
    }

    /// How numbers are written in this language.
    pub fn symbols(self) -> NumberSymbols {
        match self {
            Lang::English => NumberSymbols::ENGLISH,
        }
    }
}

/// The text for `key` in `lang`, with its `{placeholders}` unfilled.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::English => en::text(key),
    }
}

/// A text filled with values that do not match its placeholders: a mistake in the page's code or
/// in a translation, never in what a person typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FillError {
    /// A value was given for a placeholder the text does not have.
    #[error("the text has no {{{name}}} to fill")]
    Unknown { name: String },
    /// The text has a placeholder no value was given for.
    #[error("the text needs a value for {{{name}}}")]
    Missing { name: String },
}

/// The text for `key` in `lang` with each `{name}` replaced by its value from `args`. Every
/// placeholder must get a value and every value must have its placeholder.
pub fn fill(lang: Lang, key: Key, args: &[(&str, &str)]) -> Result<String, FillError> {
    let template = text(lang, key);
    let wanted = placeholders(template);
    if let Some((name, _)) = args.iter().find(|(name, _)| !wanted.contains(name)) {
        return Err(FillError::Unknown {
            name: (*name).to_owned(),
        });
    }
    if let Some(name) = wanted
        .iter()
        .find(|wanted| !args.iter().any(|(name, _)| name == *wanted))
    {
        return Err(FillError::Missing {
            name: (*name).to_owned(),
        });
    }
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    Ok(out)
}

/// The catalogue key that explains `error` to a person.
pub fn input_error_key(error: InputError) -> Key {
    match error {
        InputError::Empty => Key::ErrorEmpty,
        InputError::NotANumber => Key::ErrorNotANumber,
        InputError::NotPositive => Key::ErrorNotPositive,
        InputError::Negative => Key::ErrorNegative,
        InputError::TooLarge => Key::ErrorTooLarge,
        InputError::AmbiguousThousands { .. } => Key::ErrorAmbiguousThousands,
        InputError::RateOutOfRange => Key::ErrorRateOutOfRange,
        InputError::StageNameEmpty => Key::ErrorStageNameEmpty,
        InputError::StageNameDuplicate => Key::ErrorStageNameDuplicate,
        InputError::StageCount => Key::ErrorStageCount,
        InputError::PercentOutOfRange => Key::ErrorPercentOutOfRange,
        InputError::SharesOverFull => Key::ErrorSharesOverFull,
        InputError::ChannelNameDuplicate => Key::ErrorChannelNameDuplicate,
        InputError::MoreThanStageAbove => Key::ErrorMoreThanStageAbove,
    }
}

/// The `{placeholder}` names in a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        names.push(name);
        rest = tail;
    }
    names
}
