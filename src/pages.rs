//! The site's pages, in one list that everything about a page derives from: its HTML entry and
//! binary, its cargo feature, its stylesheet, the catalogue files of its texts and its size
//! budget. The build scripts read this list (`cargo run --bin site -- pages`), the navigation
//! walks it, and a native test (`tests/pages.rs`) holds the files a page needs (its HTML, its
//! binary, its feature in `Cargo.toml`, its stylesheet) to it.
//!
//! Adding a page: an entry here, its folder in `src/ui/`, then what the test asks for.
//!
//! Each page is its own wasm, built with its cargo feature, so a page loads only what it shows.
//! The Annual plan keeps the files it was first published under (`review.html`, feature
//! `review`), so links and bookmarks to it keep working.

use crate::model::Lang;

/// A page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The goal, the stages and rates, the targets, the forward check, keeping and sharing.
    Plan,
    /// Last year, the goal's chain, rates against last year and typical ranges, SMART
    /// objectives and the roadmap.
    Annual,
    /// When each stage must happen, scenarios side by side, sensitivity and the odds.
    Forecast,
    /// The sales team the plan needs: heads, hires and their start, and cost, month by month.
    Team,
    /// Channels, budget and KPIs, with the targets beside them.
    Channels,
    /// The results month by month against the targets, pacing, quarters and the leaking stage.
    Results,
    /// The calculator a blog embeds in an iframe.
    Embed,
}

impl Page {
    /// Every page: the full app's, in the navigation's order, then the blog embed.
    pub const ALL: [Page; 7] = [
        Page::Plan,
        Page::Annual,
        Page::Forecast,
        Page::Team,
        Page::Channels,
        Page::Results,
        Page::Embed,
    ];

    /// The full app's pages, in the navigation's order.
    pub const APP: [Page; 6] = [
        Page::Plan,
        Page::Annual,
        Page::Forecast,
        Page::Team,
        Page::Channels,
        Page::Results,
    ];

    /// The pages with a block of texts of their own in the catalogue (besides the Plan page's),
    /// in the order of their blocks.
    pub const WITH_OWN_TEXTS: [Page; 5] = [
        Page::Channels,
        Page::Results,
        Page::Annual,
        Page::Forecast,
        Page::Team,
    ];

    /// The name of its entry: its HTML file is `<entry>.html`, and its binary, cargo feature and
    /// catalogue files take this name too (but the Plan page's, see below).
    pub const fn entry(self) -> &'static str {
        match self {
            Page::Plan => "index",
            Page::Annual => "review",
            Page::Forecast => "forecast",
            Page::Team => "team",
            Page::Channels => "channels",
            Page::Results => "results",
            Page::Embed => "embed",
        }
    }

    /// Its cargo feature (which brings `english-file` with it): `None` for the Plan page, built
    /// with `english-file` alone.
    pub const fn feature(self) -> Option<&'static str> {
        match self {
            Page::Plan => None,
            other => Some(other.entry()),
        }
    }

    /// Its binary (`src/bin/<bin>.rs`; the Plan page's is `src/main.rs`).
    pub const fn bin(self) -> &'static str {
        match self {
            Page::Plan => "funnel-planner",
            other => other.entry(),
        }
    }

    /// Its stylesheet beside `style/main.css`, if it has one.
    pub const fn stylesheet(self) -> Option<&'static str> {
        match self {
            Page::Annual => Some("style/review.css"),
            Page::Forecast => Some("style/forecast.css"),
            Page::Results => Some("style/results.css"),
            Page::Plan | Page::Team | Page::Channels | Page::Embed => None,
        }
    }

    /// The most its first load may weigh, in bytes brotli (the product's size rule).
    pub const fn budget(self) -> u64 {
        match self {
            Page::Embed => 130_000,
            _ => 230_000,
        }
    }

    /// Where the full app links to it, relative to the site's folder.
    pub fn href(self) -> String {
        match self {
            Page::Plan => "./".to_owned(),
            other => format!("{}.html", other.entry()),
        }
    }

    /// The file of `lang`'s texts it loads, English too (the site's wasm carries no text; see
    /// the `english-file` feature). The embed's file has its own texts only; another page's file
    /// has the texts every page shows and its own.
    pub fn catalogue_file(self, lang: Lang) -> String {
        match self {
            Page::Plan => format!("i18n-{}.txt", lang.tag()),
            other => format!("i18n-{}-{}.txt", lang.tag(), other.entry()),
        }
    }

    /// The page this wasm is built for, by its cargo feature (the Plan page natively).
    pub const fn built() -> Page {
        if cfg!(feature = "embed") {
            Page::Embed
        } else if cfg!(feature = "channels") {
            Page::Channels
        } else if cfg!(feature = "results") {
            Page::Results
        } else if cfg!(feature = "review") {
            Page::Annual
        } else if cfg!(feature = "forecast") {
            Page::Forecast
        } else if cfg!(feature = "team") {
            Page::Team
        } else {
            Page::Plan
        }
    }
}
