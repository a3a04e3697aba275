//! The site's one page list (`funnel_planner::pages`) against the files a page needs: its HTML
//! entry (naming its binary, its cargo feature and its stylesheet), its binary, its feature in
//! `Cargo.toml`, its stylesheet and its catalogue files. Adding a page to the list without one of
//! them, or a file for a page the list lacks, fails here.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs::read_to_string;
use std::path::Path;

use funnel_planner::i18n::catalogue_files;
use funnel_planner::model::Lang;
use funnel_planner::pages::Page;

/// The value of `attribute` on the `<link data-trunk rel="rust">` of `html`.
fn rust_link_attribute<'a>(html: &'a str, attribute: &str) -> Option<&'a str> {
    let link = html
        .split("<link ")
        .find(|tag| tag.contains("data-trunk rel=\"rust\""))?;
    let start = link.find(&format!("{attribute}=\""))? + attribute.len() + 2;
    let rest = link.get(start..)?;
    rest.get(..rest.find('"')?)
}

#[test]
fn every_page_has_its_entry_binary_feature_and_stylesheet() {
    let cargo = read_to_string("Cargo.toml").expect("Cargo.toml");
    let features = cargo
        .split("[features]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [features] table");
    for page in Page::ALL {
        let html = read_to_string(format!("{}.html", page.entry()))
            .unwrap_or_else(|_| panic!("{page:?}: {}.html", page.entry()));
        assert_eq!(
            rust_link_attribute(&html, "data-bin"),
            Some(page.bin()),
            "{page:?}"
        );
        // Every page loads its English as a file (`english-file`), which a page's own feature
        // brings with it.
        assert_eq!(
            rust_link_attribute(&html, "data-cargo-features"),
            Some(page.feature().unwrap_or("english-file")),
            "{page:?}"
        );
        let bin = match page {
            Page::Plan => "src/main.rs".to_owned(),
            other => format!("src/bin/{}.rs", other.bin()),
        };
        assert!(Path::new(&bin).is_file(), "{page:?}: {bin}");
        if let Some(feature) = page.feature() {
            assert!(
                features
                    .lines()
                    .any(|line| line == format!("{feature} = [\"english-file\"]")),
                "{page:?}: feature {feature} in Cargo.toml"
            );
        }
        // Every page has the shared stylesheet; its own, if it has one, and no other page's.
        assert!(html.contains("href=\"style/main.css\""), "{page:?}");
        for other in Page::ALL {
            if let Some(sheet) = other.stylesheet() {
                assert_eq!(
                    html.contains(&format!("href=\"{sheet}\"")),
                    other == page,
                    "{page:?} and {sheet}"
                );
                assert!(Path::new(sheet).is_file(), "{sheet}");
            }
        }
    }
}

#[test]
fn every_entry_binary_and_stylesheet_belongs_to_a_page() {
    let listed = |names: BTreeSet<String>, of: fn(Page) -> Option<String>| {
        let wanted: BTreeSet<String> = Page::ALL.into_iter().filter_map(of).collect();
        assert_eq!(names, wanted);
    };
    let files = |dir: &str, extension: &str| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .expect("a folder")
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(extension).map(str::to_owned)
            })
            .collect()
    };
    listed(files(".", ".html"), |page| Some(page.entry().to_owned()));
    // The build's own tool is the one binary that is not a page.
    let mut bins = files("src/bin", ".rs");
    assert!(bins.remove("site"));
    listed(bins, |page| page.feature().map(|_| page.bin().to_owned()));
    let mut sheets = files("style", ".css");
    assert!(sheets.remove("main"));
    listed(sheets, |page| {
        page.stylesheet()
            .and_then(|sheet| sheet.strip_prefix("style/")?.strip_suffix(".css"))
            .map(str::to_owned)
    });
}

#[test]
fn every_page_has_a_catalogue_file_for_each_language_english_too() {
    let written: BTreeSet<String> = catalogue_files()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let wanted: BTreeSet<String> = Page::ALL
        .into_iter()
        .flat_map(|page| Lang::ALL.map(|lang| page.catalogue_file(lang)))
        .collect();
    assert_eq!(written, wanted);
    assert_eq!(written.len(), Page::ALL.len() * Lang::ALL.len());
    for name in [
        "i18n-en.txt",
        "i18n-en-results.txt",
        "i18n-pl-review.txt",
        "i18n-fr.txt",
    ] {
        assert!(written.contains(name), "{name}");
    }
}

#[test]
fn the_full_app_links_each_of_its_pages_and_budgets_the_embed_smaller() {
    assert_eq!(Page::APP.len() + 1, Page::ALL.len());
    assert!(!Page::APP.contains(&Page::Embed));
    assert_eq!(Page::Plan.href(), "./");
    assert_eq!(Page::Annual.href(), "review.html");
    assert_eq!(Page::Embed.budget(), 130_000);
    for page in Page::APP {
        assert_eq!(page.budget(), 230_000);
    }
    // Natively (no page feature) the crate is the Plan page's.
    assert_eq!(Page::built(), Page::Plan);
}

/// What each page of the full app shows before its wasm runs: its header in English, the page
/// itself marked as the current one, and nothing of a plan (no field, no table, no number).
#[test]
fn every_page_of_the_app_has_a_header_frame_with_nothing_of_a_plan() {
    for page in Page::APP {
        let frame = funnel_planner::ui::shell::header_frame(page);
        assert!(
            frame.starts_with("<header class=\"site-header\" data-frame>"),
            "{page:?}: {frame}"
        );
        assert!(frame.contains("<h1>Funnel Planner</h1>"), "{page:?}");
        let current = format!("<a href=\"{}\" aria-current=\"page\">", page.href());
        assert!(frame.contains(&current), "{page:?}: {frame}");
        assert_eq!(frame.matches("aria-current").count(), 1, "{page:?}");
        for other in Page::APP {
            assert!(
                frame.contains(&format!("href=\"{}\"", other.href())),
                "{page:?}"
            );
        }
        assert!(!frame.contains("<input"), "{page:?}");
        assert!(!frame.contains("<table"), "{page:?}");
        // No number in what it says (tags aside: `<h1>`).
        let text: String = frame
            .split('<')
            .filter_map(|part| part.split_once('>').map(|(_, text)| text))
            .collect();
        assert!(
            !text.chars().any(|c| c.is_ascii_digit()),
            "{page:?}: {text}"
        );
    }
}

/// What the embed shows before its wasm runs: its header and first screen in English, every
/// field empty (the plan is in the link, which only the wasm reads), and no number but the
/// stages' limits (2 to 10). Its header is a picture (inert: its link would open the app without
/// the reader's plan); its form takes typing, each field under its own field's id and label, so
/// the embed can hand what was typed to its own fields.
#[test]
fn the_embed_frame_shows_its_first_screen_with_empty_fields_that_take_typing() {
    let frame = funnel_planner::ui::embed::embed_frame();
    assert!(
        frame.starts_with("<header class=\"embed-header\" data-frame aria-hidden=\"true\" inert>"),
        "{frame}"
    );
    assert!(
        frame.contains("<main class=\"embed\" data-frame>"),
        "{frame}"
    );
    // Its two parts, each marked, and nothing outside them; only the header is inert.
    assert_eq!(frame.matches("data-frame").count(), 2);
    assert_eq!(frame.matches("inert").count(), 1, "{frame}");
    assert!(frame.ends_with("</main>"), "{frame}");
    for heading in ["<h2>Your goal</h2>", "<h2>Funnel stages</h2>"] {
        assert!(frame.contains(heading), "{frame}");
    }
    // The goal's three fields, each labelled, with the id of the embed's own field.
    for (id, label) in [
        ("revenue-goal", "Revenue goal"),
        ("new-customers-goal", "New customers per year"),
        ("average-revenue", "Average revenue per new customer"),
    ] {
        let field = format!(
            "<label for=\"{id}\">{label}</label><div class=\"input-row\"><input id=\"{id}\" \
             type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\">"
        );
        assert!(frame.contains(&field), "{field}: {frame}");
    }
    assert_eq!(frame.matches("<input").count(), 5, "{frame}");
    // The goal's two choices, revenue chosen, in a group of their own: not the page's own
    // ("goal-kind"), whose buttons would uncheck them while both are in the page.
    assert_eq!(
        frame
            .matches("<input type=\"radio\" name=\"frame-goal-kind\"")
            .count(),
        2,
        "{frame}"
    );
    assert_eq!(frame.matches(" checked").count(), 1, "{frame}");
    assert!(!frame.contains("name=\"goal-kind\""), "{frame}");
    for attribute in ["value=", "placeholder="] {
        assert!(!frame.contains(attribute), "{attribute}: {frame}");
    }
    let text: String = frame
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text))
        .collect();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits, "210", "{text}");
}
