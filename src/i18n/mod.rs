//! Every text a person reads, in one catalogue. A component asks for a [`Key`] and fills its
//! `{placeholders}`; it never holds a sentence of its own.
//!
//! Adding a language: add a [`Lang`] variant (in `model::locale`, with its number symbols and
//! currency), a module here with one exhaustive `match` over [`Key`] (a missing key is then a
//! compile error), and its plural rule in [`plural`].
//!
//! Plural texts: a text whose English has `|` has one form per plural category of the language,
//! in the order of [`categories`] (English `one|other`, Indonesian a single form, Polish
//! `one|few|many|other`, French `one|many|other`); [`fill_plural`] picks the form for a number.

mod embed_keys;
mod en;
#[cfg(not(target_arch = "wasm32"))]
mod files;
// The other languages' typed catalogues: compiled natively (tests check them, and the build
// writes them into files); the page's wasm loads them as files instead (see `loaded`).
#[cfg(not(target_arch = "wasm32"))]
mod fr;
#[cfg(not(target_arch = "wasm32"))]
mod id;
mod loaded;
#[cfg(not(target_arch = "wasm32"))]
mod pl;

pub use embed_keys::EMBED_KEYS;
#[cfg(not(target_arch = "wasm32"))]
pub use files::catalogue_files;
pub use loaded::{install, CatalogueError};

use crate::model::InputError;
pub use crate::model::Lang;
pub use crate::pages::Page;
pub use en::{is_plan_only, page_of, Key};

/// A CLDR plural category: which form of a word a number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// The plural categories of `lang`, in the order its plural texts list their forms.
pub fn categories(lang: Lang) -> &'static [Category] {
    match lang {
        Lang::English => &[Category::One, Category::Other],
        Lang::Indonesian => &[Category::Other],
        Lang::Polish => &[
            Category::One,
            Category::Few,
            Category::Many,
            Category::Other,
        ],
        Lang::French => &[Category::One, Category::Many, Category::Other],
    }
}

/// The plural category of `n` in `lang`, by the CLDR rules (for numbers as they are shown:
/// a whole `n` has no visible decimals).
///
/// English: 1 is one, the rest other. Indonesian: always other. Polish: 1 is one; whole numbers
/// ending in 2–4 but not 12–14 are few; other whole numbers are many; fractions are other.
/// French: 0 ≤ n < 2 is one; whole millions (1 000 000, 2 000 000 …) are many; the rest other.
pub fn plural(lang: Lang, n: f64) -> Category {
    let n = n.abs();
    let is_whole = n.fract() == 0.0;
    // Whole numbers beyond u64 do not occur in plural texts; saturating keeps this total.
    let i = n as u64;
    match lang {
        Lang::English if n == 1.0 => Category::One,
        Lang::English | Lang::Indonesian => Category::Other,
        Lang::Polish if !is_whole => Category::Other,
        Lang::Polish if i == 1 => Category::One,
        Lang::Polish if (2..=4).contains(&(i % 10)) && !(12..=14).contains(&(i % 100)) => {
            Category::Few
        }
        Lang::Polish => Category::Many,
        Lang::French if n < 2.0 => Category::One,
        Lang::French if is_whole && i != 0 && i.is_multiple_of(1_000_000) => Category::Many,
        Lang::French => Category::Other,
    }
}

/// The form of the plural text `key` that `n` takes in `lang`; a text without forms is itself.
pub fn plural_form(lang: Lang, key: Key, n: f64) -> &'static str {
    let template = text(lang, key);
    let category = plural(lang, n);
    let index = categories(lang)
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0);
    template
        .split('|')
        .nth(index)
        .or_else(|| template.split('|').next_back())
        .unwrap_or(template)
}

/// The text for `key` in `lang`, with its `{placeholders}` unfilled.
///
/// In the page, every language comes from its loaded file; a text not loaded is the English one
/// built in, or "" where English is a file too (the site's pages: see [`catalogue_file`]).
pub fn text(lang: Lang, key: Key) -> &'static str {
    #[cfg(not(target_arch = "wasm32"))]
    {
        match lang {
            Lang::English => en::text(key),
            Lang::Indonesian => id::text(key),
            Lang::Polish => pl::text(key),
            Lang::French => fr::text(key),
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        loaded::text(lang, key).unwrap_or_else(|| built_in(key))
    }
}

/// Whether the page's wasm carries the English texts: only without the `english-file` feature
/// (the native and browser tests); every page of the site loads English as a file like the other
/// languages, so its first load carries one language's texts, not two.
const IS_ENGLISH_BUILT_IN: bool = !cfg!(feature = "english-file");

/// The English text built into the page, or "" when English comes as a file.
#[cfg(target_arch = "wasm32")]
fn built_in(key: Key) -> &'static str {
    if IS_ENGLISH_BUILT_IN {
        en::text(key)
    } else {
        ""
    }
}

/// The file this page loads for `lang`'s texts (relative to the page), or `None` when they are
/// built in (English, in the tests' builds; see [`Page::catalogue_file`]).
pub fn catalogue_file(lang: Lang) -> Option<String> {
    (lang != Lang::English || !IS_ENGLISH_BUILT_IN).then(|| Page::built().catalogue_file(lang))
}

/// What a page says when no file of texts could be loaded, in `lang`: the one text every page
/// carries in its wasm, since it is shown when the catalogues are not there.
pub fn texts_unavailable(lang: Lang) -> &'static str {
    match lang {
        Lang::English => {
            "This page's texts could not be loaded. Check your connection, then reload the page."
        }
        Lang::Indonesian => {
            "Teks halaman ini tidak dapat dimuat. Periksa koneksi Anda, lalu muat ulang halaman."
        }
        Lang::Polish => {
            "Nie udało się wczytać tekstów tej strony. Sprawdź połączenie i odśwież stronę."
        }
        Lang::French => {
            "Les textes de cette page n'ont pas pu être chargés. Vérifiez votre connexion, puis rechargez la page."
        }
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
    fill_template(text(lang, key), args)
}

/// Like [`fill`], in the form of the plural text `key` that `n` takes (see [`plural_form`]).
pub fn fill_plural(
    lang: Lang,
    key: Key,
    n: f64,
    args: &[(&str, &str)],
) -> Result<String, FillError> {
    fill_template(plural_form(lang, key, n), args)
}

fn fill_template(template: &str, args: &[(&str, &str)]) -> Result<String, FillError> {
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
        InputError::CurrencyCode => Key::ErrorCurrencyCode,
        InputError::NotWhole => Key::ErrorNotWhole,
        InputError::TooManyDays => Key::ErrorTooManyDays,
        InputError::ChangeOutOfRange => Key::ErrorChangeOutOfRange,
        InputError::MoreThanTotalRevenue => Key::ErrorMoreThanTotalRevenue,
        InputError::RangeMissesPlan => Key::ErrorRangeMissesPlan,
        InputError::AttritionOutOfRange => Key::ErrorAttrition,
        InputError::RampShares => Key::ErrorRampShares,
        InputError::HeadsNotWhole => Key::ErrorHeadsNotWhole,
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

/// The texts naming a new plan's stages, top to bottom (Visits, Leads, MQLs, SQLs,
/// Opportunities, Customers).
pub const EXAMPLE_STAGE_KEYS: [Key; 6] = [
    Key::ExampleStageVisits,
    Key::ExampleStageLeads,
    Key::ExampleStageMqls,
    Key::ExampleStageSqls,
    Key::ExampleStageOpportunities,
    Key::ExampleStageCustomers,
];

/// The texts naming the usual channels a new plan gets.
pub const USUAL_CHANNEL_KEYS: [Key; 6] = [
    Key::ChannelOrganic,
    Key::ChannelPaidSearch,
    Key::ChannelPaidSocial,
    Key::ChannelEmail,
    Key::ChannelEvents,
    Key::ChannelReferrals,
];

/// The names a new plan's stages get (top to bottom: Visits, Leads, MQLs, SQLs, Opportunities,
/// Customers), in each language of [`Lang::ALL`], as the catalogues' `ExampleStage…` texts write
/// them (a test holds them equal). Kept here as well because a page has only its own language's
/// catalogue, and a name given in another language must still be recognised as the app's.
const STAGE_NAMES: [[&str; 6]; 4] = [
    [
        "Visits",
        "Leads",
        "MQLs",
        "SQLs",
        "Opportunities",
        "Customers",
    ],
    ["Kunjungan", "Prospek", "MQL", "SQL", "Peluang", "Pelanggan"],
    [
        "Odwiedziny",
        "Leady",
        "MQL",
        "SQL",
        "Szanse sprzedaży",
        "Klienci",
    ],
    ["Visites", "Leads", "MQL", "SQL", "Opportunités", "Clients"],
];

/// The names a new plan's usual channels get (and a channel added later), in each language of
/// [`Lang::ALL`], as the catalogues' `Channel…` and `NewChannelName` texts write them (a test
/// holds them equal).
const CHANNEL_NAMES: [[&str; 7]; 4] = [
    [
        "Organic search and blog",
        "Paid search",
        "Paid social",
        "Email",
        "Events and trade shows",
        "Referrals",
        "New channel",
    ],
    [
        "Pencarian organik dan blog",
        "Iklan pencarian",
        "Iklan media sosial",
        "Email",
        "Acara dan pameran",
        "Referral",
        "Kanal baru",
    ],
    [
        "SEO i blog",
        "Reklamy w wyszukiwarce",
        "Reklamy w social mediach",
        "E-mail",
        "Wydarzenia i targi",
        "Polecenia",
        "Nowy kanał",
    ],
    [
        "SEO et blog",
        "Référencement payant",
        "Réseaux sociaux payants",
        "E-mail",
        "Événements et salons",
        "Recommandations",
        "Nouveau canal",
    ],
];

/// What a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    /// A funnel stage.
    Stage,
    /// A marketing channel.
    Channel,
}

/// A name the app gave (a new plan's stage or channel name, in any language) written in
/// `lang`, so that it follows the page's language until the person renames it; `None` for a
/// name the person typed (kept as typed). Example: "Visits" of a plan made in English is
/// "Visites" on a French page.
pub fn default_name_in(name: &str, of: NameOf, lang: Lang) -> Option<&'static str> {
    let position = Lang::ALL.iter().position(|each| *each == lang)?;
    fn find<const N: usize>(names: &[[&'static str; N]; 4], name: &str) -> Option<usize> {
        names
            .iter()
            .find_map(|names| names.iter().position(|default| *default == name))
    }
    let (names, index): (&[&'static str], usize) = match of {
        NameOf::Stage => (STAGE_NAMES.get(position)?, find(&STAGE_NAMES, name)?),
        NameOf::Channel => (CHANNEL_NAMES.get(position)?, find(&CHANNEL_NAMES, name)?),
    };
    names.get(index).copied()
}
