//! The domain of Funnel Planner: plan types, number parsing and display rounding, and the funnel
//! engine. Pure Rust with no web dependencies, so a command-line tool or a native test can use it
//! as it is.
//!
//! Units used throughout:
//! - counts (visits, leads, customers …) are `f64` volumes *per year* unless a name says otherwise
//!   (`per_month`, `per_quarter`), kept in full precision and rounded only for display;
//! - rates are [`Rate`]s, stored as a fraction in (0, 1] and typed by people as a percent; parts
//!   of a whole (a channel's share, a gross margin, churn, the part of spend to move) are
//!   [`Share`]s, likewise fractions typed as percents;
//! - times are milliseconds since 1970-01-01 UTC (`*_ms`), as browsers count them;
//! - money is an amount in the plan's currency (ISO 4217, see [`Currency`]), in whole units with
//!   decimals; the page adds the currency's symbol when it shows one;
//! - numbers typed by a person are kept as text in the format of the language they were typed in
//!   ([`Lang`], [`NumberSymbols`]), and converted when the plan is shown in another language.

pub mod annual;
pub mod benchmarks;
pub mod channels;
pub mod csv;
pub mod decimal;
pub mod draft;
pub mod embed;
pub mod error;
pub mod forecast;
pub mod funnel;
pub mod import;
pub mod json;
pub mod kpi;
pub mod library;
pub mod locale;
pub mod marketing;
pub mod merge;
pub mod number;
pub mod order;
pub mod page_data;
pub mod plan;
pub mod results;
pub mod share;

pub use draft::{error_for, Field, FieldError, GoalKind, PlanDraft, StageDraft, StageId};
pub use error::{FunnelError, InputError};
pub use funnel::{
    forward, reverse, ForwardCheck, Gap, Period, Source, StageTarget, StageYield, Targets,
};
pub use library::{PlanId, PlanRecord};
pub use locale::{Currency, Lang};
pub use marketing::{ChannelDraft, ChannelId, MarketingDraft};
pub use number::NumberSymbols;
pub use plan::{Funnel, Goal, Plan, Rate, MAX_STAGES, MIN_STAGES};
pub use share::{to_percent, Share};
