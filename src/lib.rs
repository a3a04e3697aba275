//! Funnel Planner: a marketing-plan calculator that runs in the browser.
//!
//! - [`model`]: the domain, pure Rust (plans, number rules, the funnel engine);
//! - [`storage`]: the only code that touches the browser's storage;
//! - [`i18n`]: every text a person reads;
//! - [`ui`]: Leptos components;
//! - [`pages`]: the site's pages, the one list their files and budgets derive from.
#![forbid(unsafe_code)]

/// The allocator of every page's wasm: Talc in place of Rust's default dlmalloc, several KB
/// smaller in every page's first load (and faster). Native builds keep the system allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod i18n;
pub mod model;
pub mod pages;
pub mod storage;
pub mod ui;
