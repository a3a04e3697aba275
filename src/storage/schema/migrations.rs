//! What each schema version's plan body has: the reader takes every version to the current
//! model through this table, and gives a field a version did not have its empty value (nothing
//! is invented: no channels before 3, English and no currency before 4, nothing tracked before
//! 5, no annual plan before 6, no forecast before 7). Records gained `lineage` in 8, which the
//! reader takes when present (see `reader`); share links and export files carry no lineage.

/// The plan body's fields, in the order versions added them.
const FIELDS: [&str; 13] = [
    "name",
    "goal",
    "revenue_goal",
    "new_customers_goal",
    "average_revenue_per_customer",
    "stages",
    "current_top_per_month",
    "marketing",
    "currency",
    "typed_in",
    "tracking",
    "annual",
    "forecast",
];

/// The plan body of one schema version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shape {
    /// Every field it has (any other is reported as unknown).
    pub known: &'static [&'static str],
    /// `marketing`: the budget, channels and retention (version 3).
    pub has_marketing: bool,
    /// `currency` and `typed_in` (version 4).
    pub has_languages: bool,
    /// `tracking`: the plan year, results and focus areas (version 5).
    pub has_tracking: bool,
    /// `annual`: the annual plan's own text (version 6).
    pub has_annual: bool,
    /// `forecast`: the forecast's own text (version 7).
    pub has_forecast: bool,
}

impl Shape {
    /// The plan body of schema `version` (1 and 2 share one; 8 is 7's).
    pub(super) fn of(version: u64) -> Shape {
        let count = match version {
            ..=2 => 7,
            3 => 8,
            4 => 10,
            5 => 11,
            6 => 12,
            _ => FIELDS.len(),
        };
        Shape {
            known: FIELDS.get(..count).unwrap_or(&FIELDS),
            has_marketing: version >= 3,
            has_languages: version >= 4,
            has_tracking: version >= 5,
            has_annual: version >= 6,
            has_forecast: version >= 7,
        }
    }
}
