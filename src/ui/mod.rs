//! The pages, as Leptos components named after what the person sees: a folder per page (`plan`,
//! `annual`, `forecast`, `team`, `channels`, `results`, and the blog embed in `embed.rs`), each mounting
//! its own content in the shared [`shell`]; what the pages share is in [`state`] (the open plan
//! and what is derived from it), [`planner`] (the plan library), [`page_data`] (a page's own
//! data), and the helpers for fields, tables, figures, texts and the browser. One signal holds
//! the plan as typed; everything shown is derived from it with memos over `model` functions, and
//! the only effect saves it.

pub mod annual;
mod browser;
pub mod channels;
pub mod embed;
mod field;
mod figures;
pub mod forecast;
mod intl;
pub mod later;
mod library;
mod notices;
mod page_data;
pub mod plan;
mod plan_year;
mod planner;
pub mod results;
pub mod shell;
mod state;
mod table;
mod targets;
pub mod team;
pub mod text;

pub use shell::mount;
