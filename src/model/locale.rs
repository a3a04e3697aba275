//! The languages the planner speaks and the currencies its money is counted in: which symbols a
//! language writes numbers with, the currency a new plan starts in, and how a currency code is
//! read. The texts themselves live in `crate::i18n`.

use crate::model::{InputError, NumberSymbols};

/// A language the page can be shown in, and so the way numbers are typed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    English,
    Indonesian,
    Polish,
    French,
}

impl Lang {
    /// Every language, in the order the language menu lists them.
    pub const ALL: [Lang; 4] = [Lang::English, Lang::Indonesian, Lang::Polish, Lang::French];

    /// The BCP 47 tag, for `<html lang>`, `?lang=` and what is saved: `en`, `id`, `pl`, `fr`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Indonesian => "id",
            Lang::Polish => "pl",
            Lang::French => "fr",
        }
    }

    /// The language a tag names, by its primary subtag and in any case: `pl`, `pl-PL` and `PL`
    /// are Polish. `None` for a language the planner does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }

    /// The first language of `preferred` (as a browser lists them, best first) that the planner
    /// speaks, or English.
    pub fn first_spoken<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The language's name in itself, as the language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Indonesian => "Bahasa Indonesia",
            Lang::Polish => "Polski",
            Lang::French => "Français",
        }
    }

    /// The locale whose number and date formats the page uses: `en-US`, `id-ID`, `pl-PL`, `fr-FR`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::English => "en-US",
            Lang::Indonesian => "id-ID",
            Lang::Polish => "pl-PL",
            Lang::French => "fr-FR",
        }
    }

    /// How numbers are typed in this language.
    pub fn symbols(self) -> NumberSymbols {
        match self {
            Lang::English => NumberSymbols::ENGLISH,
            Lang::Indonesian => NumberSymbols::INDONESIAN,
            Lang::Polish => NumberSymbols::POLISH,
            Lang::French => NumberSymbols::FRENCH,
        }
    }

    /// The currency a new plan starts with: US dollars, rupiah, złoty, euro.
    pub fn default_currency(self) -> &'static str {
        match self {
            Lang::English => "USD",
            Lang::Indonesian => "IDR",
            Lang::Polish => "PLN",
            Lang::French => "EUR",
        }
    }
}

/// The currencies the currency field suggests, with any other valid code accepted as typed.
pub const SUGGESTED_CURRENCIES: [&str; 5] = ["IDR", "PLN", "EUR", "USD", "GBP"];

/// An ISO 4217 currency code: three capital letters, e.g. `EUR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Reads a code as typed: three letters A–Z in either case, spaces around allowed
    /// (`" pln "` → `PLN`). Whether the code is assigned is up to the formatter, which shows an
    /// unknown well-formed code (`XYZ`) as the code itself.
    pub fn parse(text: &str) -> Result<Currency, InputError> {
        let text = text.trim();
        match text.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|letter| letter.is_ascii_alphabetic()) => Ok(
                Currency([a, b, c].map(|letter| letter.to_ascii_uppercase())),
            ),
            // An empty field asks for a code too ("Enter a number" would be false here).
            _ => Err(InputError::CurrencyCode),
        }
    }

    /// The code, e.g. `"EUR"`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}
