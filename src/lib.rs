//! Funnel Planner: a marketing-plan calculator that runs in the browser.
//!
//! - [`model`]: the domain, pure Rust (plans, number rules, the funnel engine);
//! - [`storage`]: the only code that touches the browser's storage;
//! - [`i18n`]: every text a person reads;
//! - [`ui`]: Leptos components;
//! - [`pages`]: the site's pages, the one list their files and budgets derive from.
#![forbid(unsafe_code)]

pub mod i18n;
pub mod model;
pub mod pages;
pub mod storage;
pub mod ui;
