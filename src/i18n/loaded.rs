//! Catalogues the page loads as files instead of carrying them in its wasm: each page's wasm
//! holds the English texts it needs (the blog embed: none), and another language's texts come as
//! `i18n-<tag>.txt` (or `i18n-<tag>-<page>.txt`, with a page's own texts too, or
//! `i18n-<tag>-embed.txt`, the embed's texts only: see `super::catalogue_file`), which the build
//! writes from the typed catalogues in this folder (`scripts/lib/catalogue.mjs`). A language is
//! then loaded only by the readers who use it, and the typed catalogues still refuse to compile
//! with a key missing.
//!
//! File format: one line per key, in the order of [`Key::ALL`], each the text as the catalogue
//! writes it (texts hold no line breaks); an empty line is a text the page does not need.

use std::cell::RefCell;

use super::{Key, Lang};

thread_local! {
    static LOADED: RefCell<Option<(Lang, Vec<&'static str>)>> = const { RefCell::new(None) };
}

/// Why a catalogue file was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// The file has another number of lines than there are keys: it belongs to another build.
    #[error("the catalogue has {found} lines, this build has {wanted} texts")]
    WrongLength { found: usize, wanted: usize },
}

/// Takes `file` as `lang`'s texts from now on (replacing any loaded before).
pub fn install(lang: Lang, file: String) -> Result<(), CatalogueError> {
    let file = file.strip_suffix('\n').unwrap_or(&file).to_owned();
    let found = file.split('\n').count();
    if found != Key::ALL.len() {
        return Err(CatalogueError::WrongLength {
            found,
            wanted: Key::ALL.len(),
        });
    }
    // Loaded once per language choice and read for the page's whole life.
    let file: &'static str = Box::leak(file.into_boxed_str());
    let texts = file.split('\n').collect();
    LOADED.with(|loaded| *loaded.borrow_mut() = Some((lang, texts)));
    Ok(())
}

/// `lang`'s loaded text for `key`, if `lang`'s file is loaded and has it. (Natively every
/// catalogue is built in, so only the page reads this.)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn text(lang: Lang, key: Key) -> Option<&'static str> {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let (loaded_lang, texts) = loaded.as_ref()?;
        if *loaded_lang != lang {
            return None;
        }
        texts
            .get(key as usize)
            .copied()
            .filter(|text| !text.is_empty())
    })
}
