//! The message catalogue: every text exists, and each template has exactly the placeholders the
//! page fills, so a translation that drops or misspells one is caught here.
#![cfg(not(target_arch = "wasm32"))]

use funnel_planner::i18n::{fill, placeholders, text, Key, Lang};

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
        Key::ProblemStageCount => &["count"],
        Key::ProblemNewerVersion | Key::ProblemUnknownVersion => &["version"],
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
    assert_eq!(label, "Visits to Leads rate");
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
        "Leads per year = MQLs per year ÷ Leads to MQLs rate = 225 ÷ 20% = 1,125"
    );
    assert!(!step.contains('{'));
}

#[test]
fn the_page_language_has_a_tag_and_number_symbols() {
    assert_eq!(Lang::English.tag(), "en");
    assert_eq!(Lang::English.symbols().decimal, '.');
}
