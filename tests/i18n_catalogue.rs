//! The message catalogue: every text exists, and each template has exactly the placeholders the
//! page fills, so a translation that drops or misspells one is caught here.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use funnel_planner::i18n::{fill, input_error_key, placeholders, text, FillError, Key, Lang};
use funnel_planner::model::InputError;

/// The placeholders each key is filled with; every other key has none.
fn expected(key: Key) -> &'static [&'static str] {
    match key {
        Key::StageNameLabel | Key::UnnamedStage => &["number"],
        Key::RateLabel => &["from", "to"],
        Key::MoveUpName | Key::MoveDownName | Key::RemoveName => &["stage"],
        Key::RevenueSummary => &["year", "quarter", "month"],
        Key::RoundingNote => &["exact", "customers", "whole"],
        Key::HowCustomersFromRevenue => &["customers", "revenue", "average", "result"],
        Key::HowCustomersFromGoal => &["customers", "result"],
        Key::HowStage => &[
            "stage",
            "next",
            "stage",
            "next",
            "next_value",
            "rate",
            "result",
        ],
        Key::ForwardIntro | Key::CurrentTopLabel | Key::ForwardCaption => &["top"],
        Key::GapShort => &["needed", "top", "more"],
        Key::GapShortOutcomeCustomers => &[
            "customers",
            "customers_name",
            "customers_gap",
            "customers_name",
        ],
        Key::GapShortOutcome => &[
            "customers",
            "customers_name",
            "revenue",
            "customers_gap",
            "customers_name",
            "revenue_gap",
        ],
        Key::GapMet => &["top", "spare"],
        Key::ProblemItem => &["field", "message"],
        Key::DocumentTitle => &["plan"],
        Key::NewerVersions | Key::BinHeading | Key::StatusImported => &["count"],
        Key::LastChanged | Key::DeletedAt => &["time"],
        Key::NewPlanNameNumbered => &["number"],
        Key::CopyName
        | Key::RestoreName
        | Key::DeleteForeverName
        | Key::StatusDeleted
        | Key::StatusRestored
        | Key::StatusSavedCopy
        | Key::OpenNewerCopy => &["name"],
        Key::CopyNameNumbered => &["name", "number"],
        Key::ImportFailed => &["file"],
        Key::ImportTooLarge => &["limit"],
        Key::ImportClash => &["imported", "existing"],
        Key::ProblemLine => &["place", "reason"],
        Key::ProblemNotJson => &["line", "column"],
        Key::ProblemStageCount => &["count", "min_stages", "max_stages"],
        Key::ConflictChanged => &["name"],
        Key::ProblemPlan | Key::ProblemStageRate => &["number"],
        Key::ProblemPlanNamed => &["number", "name"],
        Key::ProblemPlanField => &["plan", "field"],
        Key::ProblemNewerVersion | Key::ProblemUnknownVersion => &["version"],
        // Budget and channels.
        Key::UnnamedChannel | Key::ChannelNameLabel => &["number"],
        Key::ChannelShareLabel
        | Key::ChannelSpendLabel
        | Key::ChannelRevenueLabel
        | Key::RemoveChannelName => &["channel"],
        Key::ChannelVolumeLabel => &["channel", "stage"],
        Key::SharesAllEven => &["share"],
        Key::SharesTyped => &["typed", "left"],
        Key::SharesExact => &["typed"],
        Key::RateColumn => &["from", "to"],
        Key::ChannelRateLabel => &["channel", "from", "to"],
        // Targets by channel and the budget they need.
        Key::ChannelTargetsCaption => &["period"],
        Key::UnassignedShare => &["assigned", "left", "customers"],
        Key::HowChannelCustomers => &[
            "channel",
            "customers",
            "customers",
            "total",
            "share",
            "result",
        ],
        Key::CostBasis => &["cost", "stage"],
        Key::BudgetShort | Key::BudgetCovers => &["amount"],
        Key::BudgetUncounted => &["count", "all"],
        // KPIs.
        Key::KpiCostPer => &["stage"],
        Key::Multiple | Key::ForExample => &["value"],
        Key::Unavailable => &["reason"],
        Key::ReasonMissing | Key::ReasonZero => &["input"],
        Key::ReasonMoreThanStageAbove => &["stage", "above"],
        Key::NothingFor => &["stage", "spend"],
        Key::HowCostPer => &["stage", "stage", "spend", "volume", "result"],
        Key::HowCac => &["customers", "spend", "volume", "result"],
        Key::HowRoi => &["revenue", "spend", "spend", "result"],
        Key::HowRoas => &["revenue", "spend", "result"],
        Key::HowWinRate => &["customers", "opportunities", "won", "open", "result"],
        Key::HowLtv => &["average", "margin", "years", "result"],
        Key::HowLtvChurn => &["churn", "years"],
        Key::HowLtvToCac => &["ltv", "cac", "result"],
        Key::HowPayback => &["cac", "average", "margin", "result"],
        Key::HowRetention => &["end", "new", "start", "result"],
        Key::HowNotYet => &["kpi", "reason"],
        // Comparing channels and moving budget.
        Key::RankCaption | Key::NothingRanked | Key::MoveTooFew | Key::MoveAllEqual => &["metric"],
        Key::CheapLeads => &["leads", "opportunities"],
        Key::NotRanked => &["metric", "channels"],
        Key::MoveSuggestion => &["amount", "share", "from", "to"],
        Key::MoveProjection => &["customers", "customers_name", "revenue"],
        Key::MoveProjectionCustomersOnly => &["customers", "customers_name", "reason"],
        Key::MoveProjectionRevenueOnly => &["revenue", "customers_name", "reason"],
        Key::MoveProjectionNone => &["reason"],
        Key::MoveAssumption => &[
            "to",
            "to_customers",
            "customers_name",
            "to_revenue",
            "from",
            "from_customers",
            "from_revenue",
        ],
        Key::MoveNothing => &["from"],
        Key::ProblemChannelCount => &["count", "max_channels"],
        // Limits, filled from the model's constants.
        Key::StagesHint | Key::ErrorStageCount => &["min_stages", "max_stages"],
        Key::StageLimitReached => &["max_stages"],
        Key::ChannelLimitReached => &["max_channels"],
        Key::BinHint => &["keep_days"],
        Key::ErrorTooLarge => &["max_input"],
        Key::RateFractionHint => &["read", "meant", "typed"],
        Key::ErrorAmbiguousThousands => &[
            "thousands",
            "decimals",
            "plain",
            "thousands",
            "decimals",
            "decimals",
        ],
        _ => &[],
    }
}

#[test]
fn every_text_has_its_placeholders() {
    for lang in [Lang::English] {
        for key in Key::ALL {
            let template = text(lang, *key);
            assert!(!template.trim().is_empty(), "{key:?} is empty");
            assert_eq!(
                placeholders(template),
                expected(*key),
                "{key:?} in {lang:?}"
            );
        }
    }
}

#[test]
fn filling_replaces_every_placeholder() {
    let label = fill(
        Lang::English,
        Key::RateLabel,
        &[("from", "Visits"), ("to", "Leads")],
    );
    assert_eq!(label, Ok("Visits to Leads rate".to_owned()));
    let step = fill(
        Lang::English,
        Key::HowStage,
        &[
            ("stage", "Leads"),
            ("next", "MQLs"),
            ("next_value", "225"),
            ("rate", "20%"),
            ("result", "1,125"),
        ],
    );
    assert_eq!(
        step,
        Ok("Leads per year = MQLs per year ÷ Leads to MQLs rate = 225 ÷ 20% = 1,125".to_owned())
    );
}

#[test]
fn filling_with_a_value_the_text_has_no_place_for_is_an_error() {
    assert_eq!(
        fill(
            Lang::English,
            Key::RateLabel,
            &[("from", "Visits"), ("to", "Leads"), ("form", "typo")]
        ),
        Err(FillError::Unknown {
            name: "form".to_owned()
        })
    );
    assert_eq!(
        fill(Lang::English, Key::RateLabel, &[("from", "Visits")]),
        Err(FillError::Missing {
            name: "to".to_owned()
        })
    );
    assert_eq!(
        fill(Lang::English, Key::AppTitle, &[("name", "x")]),
        Err(FillError::Unknown {
            name: "name".to_owned()
        })
    );
}

#[test]
fn the_page_language_has_a_tag_and_number_symbols() {
    assert_eq!(Lang::English.tag(), "en");
    assert_eq!(Lang::English.symbols().decimal, '.');
}

#[test]
fn the_marketing_input_errors_have_their_messages() {
    assert_eq!(
        input_error_key(InputError::PercentOutOfRange),
        Key::ErrorPercentOutOfRange
    );
    assert_eq!(
        input_error_key(InputError::SharesOverFull),
        Key::ErrorSharesOverFull
    );
    assert_eq!(
        text(Lang::English, Key::ErrorPercentOutOfRange),
        "Enter a percent from 0 to 100."
    );
    assert!(text(Lang::English, Key::ErrorSharesOverFull).contains("100%"));
}
