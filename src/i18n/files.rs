//! The catalogue files the pages load (see `loaded`), written from the typed catalogues by the
//! build (`cargo run --bin site -- catalogues <dir>`): one line per key, in the order of
//! [`Key::ALL`], a text a file leaves out being an empty line. Natively only: a page never
//! writes them.
//!
//! - `i18n-<en|id|pl|fr>.txt`: the texts every page shows and the Plan page's own;
//! - `i18n-<en|id|pl|fr>-<entry>.txt`, for each page with texts of its own: the texts every page
//!   shows and that page's own, no other page's;
//! - `i18n-<en|id|pl|fr>-embed.txt`: the embed's texts only ([`EMBED_KEYS`]).

use super::{is_plan_only, page_of, text, Key, Lang, Page, EMBED_KEYS};

/// Every catalogue file, as its name and its text.
pub fn catalogue_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for lang in Lang::ALL {
        for page in Page::ALL {
            let name = page.catalogue_file(lang);
            let lines: Vec<&str> = Key::ALL
                .iter()
                .map(|&key| {
                    if is_in(page, key) {
                        text(lang, key)
                    } else {
                        ""
                    }
                })
                .collect();
            files.push((name, lines.join("\n") + "\n"));
        }
    }
    files
}

/// Whether `page`'s files carry the text of `key`.
fn is_in(page: Page, key: Key) -> bool {
    match page {
        Page::Embed => EMBED_KEYS.contains(&key),
        Page::Plan => page_of(key).is_none(),
        other => page_of(key) == Some(other) || (page_of(key).is_none() && !is_plan_only(key)),
    }
}
