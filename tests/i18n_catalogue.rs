//! The message catalogue: every text exists, and each template has exactly the placeholders the
//! page fills, so a translation that drops or misspells one is caught here.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use funnel_planner::i18n::{
    catalogue_files, categories, default_name_in, fill, fill_plural, input_error_key, is_plan_only,
    page_of, placeholders, plural, text, Category, FillError, Key, Lang, NameOf, Page,
    EXAMPLE_STAGE_KEYS, USUAL_CHANNEL_KEYS,
};
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
        Key::ConflictChanged => &["fields", "name"],
        Key::ClashIn => &["area", "item"],
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
            "unit",
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
        // Results: the grid, where the year stands, conversion, quarters and leaks.
        Key::ResultCellLabel => &["row", "month"],
        Key::ResultCellOfChannel => &["cell", "channel"],
        Key::ResultCellSummed => &["cell"],
        Key::PastedCount => &["count"],
        Key::PasteRefused => &["cells"],
        Key::PasteRefusedCell => &["cell", "text"],
        Key::PasteOutside => &["text"],
        Key::StandingSummary => &["month", "count"],
        Key::PaceCell => &["pace", "status"],
        Key::BeyondTarget => &["value"],
        Key::HowStanding => &[
            "name",
            "actual",
            "months",
            "target",
            "year_target",
            "pace",
            "remaining",
        ],
        Key::HowRunRate => &["remaining", "left", "rate"],
        Key::BudgetLeft | Key::OverBudgetBy => &["value"],
        Key::LeakHeadline => &["point", "effect"],
        Key::MissingMonths => &["months"],
        Key::ChartStagePace => &["name", "pace"],
        Key::ChartStageNone | Key::MonthCaption | Key::MonthChartTitle => &["name"],
        Key::ChartConversion => &["step", "achieved", "planned"],
        Key::StepName => &["from", "to"],
        Key::QuarterShort => &["number"],
        Key::QuarterName => &["number", "first", "last"],
        Key::QuarterCell => &["actual", "target", "reached", "months"],
        Key::QuarterTargetOnly => &["target"],
        Key::FocusLabel => &["number", "quarter"],
        Key::LeakTopName => &["stage"],
        Key::LeakLost | Key::LeakGained => &["count", "customers", "revenue"],
        Key::LeakLostNoRevenue | Key::LeakGainedNoRevenue => &["count", "customers"],
        Key::LeakComparison => &["achieved", "planned", "months"],
        Key::HowLeak => &[
            "customers",
            "customers_planned",
            "achieved",
            "planned",
            "customers_planned",
            "achieved",
            "planned",
            "at_results",
            "gained",
        ],
        Key::HowLeakRevenue => &["gained", "average", "revenue"],
        // Limits, filled from the model's constants.
        Key::StagesHint | Key::ErrorStageCount => &["min_stages", "max_stages"],
        Key::StageLimitReached => &["max_stages"],
        Key::ChannelLimitReached => &["max_channels"],
        Key::BinHint => &["keep_days"],
        Key::ErrorTooLarge => &["max_input"],
        Key::ErrorNotWhole => &["max_seed"],
        Key::HowLeakOnPlan => &["achieved"],
        Key::AlreadyPast => &["month"],
        Key::StatusLinkNotHere => &["fragment", "shown"],
        Key::RoadmapItemMonthly => &["metric", "target", "deadline", "owner"],
        Key::ErrorTooManyDays => &["max_days"],
        Key::ErrorNotANumber => &["big", "small"],
        Key::RateFractionHint => &["read", "meant", "typed"],
        Key::ErrorAmbiguousThousands => &[
            "thousands",
            "decimals",
            "plain",
            "thousands",
            "decimals",
            "decimals",
        ],
        // The Annual plan area.
        Key::LastYearTotalOf => &["stage"],
        Key::Division => &["top", "bottom", "result"],
        Key::StepLabel => &["from", "to"],
        Key::RangeText => &["low", "high"],
        Key::RangeSource => &["source"],
        Key::RateStretch => &["planned", "last_year", "multiple"],
        Key::ExistingKindLabel => &["part"],
        Key::ChainExistingParts => &["total", "retained", "upsell", "cross_sell"],
        Key::UseRevenueAsGoal => &["value"],
        Key::UseCustomersAsGoal => &["value"],
        Key::ChainPerCustomerPlan | Key::ChainPerCustomerExample => &["value"],
        Key::ChainPerCustomerLastYear => &["value", "revenue", "customers"],
        Key::UseRevenueAndAverageAsGoal => &["value", "average"],
        Key::PlanGoalAndAverageSet => &["goal", "average"],
        Key::SmartMet => &["letter"],
        Key::SmartUnmet => &["letter", "reason"],
        Key::ProgressOnPace => &["reached", "remaining", "latest", "month"],
        Key::ProgressBehind => &["reached", "remaining", "latest", "month"],
        Key::RemoveObjective => &["metric"],
        Key::LinkValuesIgnored => &["names"],
        Key::ObjectiveInQuarter => &["metric", "quarter"],
        Key::RoadmapItem => &["metric", "target", "deadline", "owner"],
        Key::DraftedSome => &["count"],
        Key::PlanYearRuns => &["first", "last"],
        Key::ForecastStep => &["from", "to"],
        Key::BeforePlanYear => &["month"],
        Key::DaysLabel => &["from", "to"],
        Key::RangeLowLabel | Key::RangeHighLabel | Key::TornadoRate => &["step"],
        Key::OddsRunning => &["trials"],
        Key::OddsAbout => &["trials", "seed"],
        Key::HistogramCaption => &["goal"],
        Key::BinLabel => &["from", "to"],
        Key::HistogramChartLabel => &["goal", "chance"],
        Key::TornadoRange => &["low", "high"],
        Key::TornadoChartLabel => &["customers"],
        Key::ScenarioConservativeName | Key::ScenarioAggressiveName => &["plan", "change"],
        Key::ScenariosMade => &["change", "change"],
        Key::ScenarioStageTarget => &["stage"],
        Key::ScenarioStageN => &["n"],
        Key::TakeNone => &["top", "top"],
        Key::TakeFromResults => &["top", "months", "yield", "row", "left", "needed"],
        Key::TakeFromForward => &["volume", "top", "yield", "needed"],
        Key::TakeAhead => &["ahead"],
        Key::TakeShort => &["gap"],
        Key::HowTakeYield => &["top", "rates", "yield"],
        Key::HowTakeYieldRevenue => &["top", "rates", "average", "yield"],
        Key::HowTakeBrings => &["needed", "yield_how"],
        Key::HowTakeLevers => &["times", "times", "count"],
        Key::CoverageHeadline => &["times", "count", "stage", "value", "month"],
        Key::CoverageHeadlineCount => &["times", "count", "stage", "month"],
        Key::CoverageWithinAll => &["days", "from", "to"],
        Key::CoverageWithinPart => &["days", "from", "to", "share"],
        Key::CoverageMore | Key::CoverageLess | Key::CoverageSame => &["win", "times"],
        Key::CoverageCaption => &["times"],
        Key::CoverageQuarterName => &["number", "month"],
        Key::CoverageOpen
        | Key::VelocityOpportunities
        | Key::VelocityCounts
        | Key::VelocityNoResults => &["stage"],
        Key::VelocityNeedsDays => &["from", "to"],
        Key::VelocityMovedMost => &["part", "planned", "achieved", "change"],
        Key::HowCoverage => &["win", "share", "times", "stage"],
        Key::HowVelocity => &["opportunities", "win", "average", "days", "day", "month"],
        Key::TeamSdrCapacity | Key::TeamAeWorks | Key::TeamAeCloses => &["stage"],
        Key::ErrorRampShares => &["max_ramp"],
        Key::ErrorHeadsNotWhole => &["max_in_place"],
        Key::TeamRamp | Key::TeamInPlace | Key::TeamCost | Key::TeamCaption | Key::TeamTooMany => {
            &["role"]
        }
        Key::TeamSummary => &["role", "peak", "month", "in_place", "hires"],
        Key::TeamFirstHire | Key::TeamFirstHireLate | Key::TeamAlreadyPast => &["month"],
        Key::TeamCostYear => &["year"],
        Key::TeamCostBefore => &["year", "before"],
        Key::HowTeamRamp => &["ramp"],
        Key::HowTeamRole => &[
            "role",
            "month",
            "work",
            "stage",
            "capacity",
            "needed",
            "attrition",
            "survival",
        ],
        _ => &[],
    }
}

/// The texts whose English has plural forms (`one|other`).
fn is_plural(key: Key) -> bool {
    text(Lang::English, key).contains('|')
}

#[test]
fn every_english_text_has_its_placeholders() {
    for key in Key::ALL {
        let template = text(Lang::English, *key);
        assert!(!template.trim().is_empty(), "{key:?} is empty");
        for form in template.split('|') {
            assert_eq!(placeholders(form), expected(*key), "{key:?}");
        }
    }
}

#[test]
fn every_translation_has_exactly_the_english_placeholders() {
    for lang in Lang::ALL {
        for key in Key::ALL {
            let template = text(lang, *key);
            assert!(!template.trim().is_empty(), "{key:?} is empty in {lang:?}");
            let wanted: BTreeSet<&str> = expected(*key).iter().copied().collect();
            for form in template.split('|') {
                let found: BTreeSet<&str> = placeholders(form).into_iter().collect();
                assert_eq!(found, wanted, "{key:?} in {lang:?}: {form}");
            }
        }
    }
}

#[test]
fn plural_texts_have_one_form_per_category_of_their_language() {
    let plural_keys: Vec<Key> = Key::ALL
        .iter()
        .copied()
        .filter(|key| is_plural(*key))
        .collect();
    assert_eq!(
        plural_keys,
        [
            Key::BinHint,
            Key::StatusImported,
            Key::ProblemStageCount,
            Key::ProblemChannelCount,
            Key::PastedCount,
            Key::UseCustomersAsGoal,
        ]
    );
    for lang in Lang::ALL {
        for key in Key::ALL {
            let forms = text(lang, *key).split('|').count();
            let wanted = if is_plural(*key) {
                categories(lang).len()
            } else {
                1
            };
            assert_eq!(forms, wanted, "{key:?} in {lang:?}");
        }
    }
}

#[test]
fn plural_rules_follow_cldr_for_each_language() {
    use Category::{Few, Many, One, Other};
    let cases: [(Lang, f64, Category); 22] = [
        (Lang::English, 1.0, One),
        (Lang::English, 0.0, Other),
        (Lang::English, 2.0, Other),
        (Lang::English, 1.5, Other),
        (Lang::Indonesian, 1.0, Other),
        (Lang::Indonesian, 5.0, Other),
        (Lang::Polish, 1.0, One),
        (Lang::Polish, 2.0, Few),
        (Lang::Polish, 4.0, Few),
        (Lang::Polish, 22.0, Few),
        (Lang::Polish, 12.0, Many),
        (Lang::Polish, 14.0, Many),
        (Lang::Polish, 5.0, Many),
        (Lang::Polish, 0.0, Many),
        (Lang::Polish, 30.0, Many),
        (Lang::Polish, 1.5, Other),
        (Lang::French, 0.0, One),
        (Lang::French, 1.0, One),
        (Lang::French, 1.5, One),
        (Lang::French, 2.0, Other),
        (Lang::French, 1_000_000.0, Many),
        (Lang::French, 30.0, Other),
    ];
    for (lang, n, category) in cases {
        assert_eq!(plural(lang, n), category, "{n} in {lang:?}");
    }
}

#[test]
fn a_plural_text_is_filled_in_the_form_its_number_takes() {
    let imported = |lang, n: usize| {
        fill_plural(
            lang,
            Key::StatusImported,
            n as f64,
            &[("count", &n.to_string())],
        )
        .expect("fills")
    };
    assert_eq!(imported(Lang::English, 1), "Imported 1 plan.");
    assert_eq!(imported(Lang::English, 3), "Imported 3 plans.");
    // Polish: 1 plan, 2–4 plany, 5 planów, 22 plany.
    let (one, few, many) = (
        imported(Lang::Polish, 1),
        imported(Lang::Polish, 3),
        imported(Lang::Polish, 5),
    );
    assert!(one.contains("1 plan") && !one.contains("plany"), "{one}");
    assert!(few.contains("3 plany"), "{few}");
    assert!(many.contains("5 planów"), "{many}");
    assert!(imported(Lang::Polish, 22).contains("22 plany"));
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
fn each_language_has_a_tag_its_own_name_and_number_symbols() {
    let tags: Vec<&str> = Lang::ALL.iter().map(|lang| lang.tag()).collect();
    assert_eq!(tags, ["en", "id", "pl", "fr"]);
    let names: Vec<&str> = Lang::ALL.iter().map(|lang| lang.own_name()).collect();
    assert_eq!(names, ["English", "Bahasa Indonesia", "Polski", "Français"]);
    let marks: Vec<(char, char)> = Lang::ALL
        .iter()
        .map(|lang| (lang.symbols().group, lang.symbols().decimal))
        .collect();
    assert_eq!(marks, [(',', '.'), ('.', ','), (' ', ','), (' ', ',')]);
}

#[test]
fn the_words_of_the_source_articles_name_the_example_stages() {
    let stages = |lang| {
        [
            Key::ExampleStageVisits,
            Key::ExampleStageLeads,
            Key::ExampleStageMqls,
            Key::ExampleStageSqls,
            Key::ExampleStageOpportunities,
            Key::ExampleStageCustomers,
        ]
        .map(|key| text(lang, key))
    };
    assert_eq!(
        stages(Lang::Indonesian),
        ["Kunjungan", "Prospek", "MQL", "SQL", "Peluang", "Pelanggan"]
    );
    assert_eq!(
        stages(Lang::Polish),
        [
            "Odwiedziny",
            "Leady",
            "MQL",
            "SQL",
            "Szanse sprzedaży",
            "Klienci"
        ]
    );
    assert_eq!(
        stages(Lang::French),
        ["Visites", "Leads", "MQL", "SQL", "Opportunités", "Clients"]
    );
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

/// The arms of `src/i18n/<lang>.rs` as the build's catalogue writer reads them (one arm per line,
/// `Key::Name => "text",`, or `Name => "text",` in en.rs), with `\"` and `\\` undone.
fn written_arms(lang: Lang) -> Vec<(String, String)> {
    let source = std::fs::read_to_string(format!("src/i18n/{}.rs", lang.tag())).expect("source");
    source
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("Key::").unwrap_or(line);
            let (key, rest) = line.split_once(" => \"")?;
            let text = rest.strip_suffix("\",")?;
            key.chars().all(|c| c.is_ascii_alphanumeric()).then(|| {
                (
                    key.to_owned(),
                    text.replace("\\\"", "\"").replace("\\\\", "\\"),
                )
            })
        })
        .collect()
}

#[test]
fn the_files_the_build_writes_hold_exactly_the_compiled_texts() {
    for lang in Lang::ALL {
        let arms = written_arms(lang);
        assert_eq!(
            arms.len(),
            Key::ALL.len(),
            "{lang:?}: one arm per line per key"
        );
        for (key, (name, written)) in Key::ALL.iter().zip(&arms) {
            let compiled = text(lang, *key);
            assert_eq!(
                &format!("{key:?}"),
                name,
                "{lang:?}: keys in catalogue order"
            );
            assert_eq!(written, compiled, "{lang:?} {key:?}");
            assert!(!compiled.contains('\n'), "{lang:?} {key:?}: a line break");
        }
    }
}

#[test]
fn the_embed_lists_every_text_its_components_name() {
    // The components the embed mounts (src/ui/embed.rs and what it uses); the worked example's
    // names and every input error are listed in EMBED_KEYS on their own.
    let files = [
        "embed",
        "plan/goal_form",
        "plan/stage_list",
        "targets",
        "plan/forward_check",
        "field",
        "figures",
        "table",
        "text",
    ];
    let listed: BTreeSet<String> = funnel_planner::i18n::EMBED_KEYS
        .iter()
        .map(|key| format!("{key:?}"))
        .collect();
    for file in files {
        let source = std::fs::read_to_string(format!("src/ui/{file}.rs")).expect("source");
        for (_, rest) in source
            .match_indices("Key::")
            .map(|(at, _)| ((), &source[at + 5..]))
        {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if Key::ALL.iter().any(|key| format!("{key:?}") == name) {
                assert!(
                    listed.contains(&name),
                    "{file}.rs names Key::{name}, missing from EMBED_KEYS"
                );
            }
        }
    }
    for error in [
        InputError::Empty,
        InputError::NotANumber,
        InputError::CurrencyCode,
        InputError::RateOutOfRange,
        InputError::AmbiguousThousands {
            whole: 1,
            decimals: 1,
        },
    ] {
        assert!(listed.contains(&format!("{:?}", input_error_key(error))));
    }
}

/// Every `Key::Name` that the `.rs` file at `path`, or every one under it, names.
fn keys_named_in(path: &Path) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for file in rust_files(path) {
        let source = std::fs::read_to_string(&file).expect("source");
        for (at, _) in source.match_indices("Key::") {
            let name: String = source[at + 5..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            named.insert(name);
        }
    }
    named
}

/// The `.rs` file at `path`, or every one under it.
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return if path.extension().is_some_and(|ext| ext == "rs") {
            vec![path.to_owned()]
        } else {
            Vec::new()
        };
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).expect("folder") {
        files.extend(rust_files(&entry.expect("entry").path()));
    }
    files
}

/// The components only `page` mounts (files or folders): the only code that may name its own
/// texts.
fn own_components(page: Page) -> Vec<PathBuf> {
    let paths: &[&str] = match page {
        Page::Channels => &["src/ui/channels"],
        Page::Results => &["src/ui/results"],
        Page::Annual => &["src/ui/annual"],
        Page::Forecast => &["src/ui/forecast"],
        Page::Team => &["src/ui/team"],
        // The Plan page's own texts are checked by their own test; the embed has none.
        Page::Plan | Page::Embed => &[],
    };
    paths.iter().map(PathBuf::from).collect()
}

/// The names of `page`'s own texts, in catalogue order.
fn own_texts(page: Page) -> Vec<String> {
    Key::ALL
        .iter()
        .filter(|key| page_of(**key) == Some(page))
        .map(|key| format!("{key:?}"))
        .collect()
}

/// The Plan page's own components: what only it shows (the embed shows some of them too, but
/// loads its texts as files of its own).
const PLAN_COMPONENTS: [&str; 1] = ["src/ui/plan"];

#[test]
fn the_plan_pages_own_texts_are_named_only_by_its_own_components() {
    // The other pages of the full app build without these texts: one named by code another
    // page runs would show there as empty.
    let own: Vec<String> = Key::ALL
        .iter()
        .filter(|key| is_plan_only(**key))
        .map(|key| format!("{key:?}"))
        .collect();
    assert!(own.len() > 100, "the Plan page's own texts: {}", own.len());
    let plan_components: Vec<PathBuf> = PLAN_COMPONENTS.iter().map(PathBuf::from).collect();
    // The embed's list of keys is no code a page of the app runs.
    assert_named_only_by(&own, &plan_components, "Plan", &["embed_keys"]);
}

/// Asserts that `own` (a block's keys) is named by no file of `src` but `components` and the
/// catalogues (and the files of `src/i18n` named in `skipped`), and that each is named by one of
/// `components`.
fn assert_named_only_by(own: &[String], components: &[PathBuf], page: &str, skipped: &[&str]) {
    let catalogues: Vec<PathBuf> = ["en", "id", "pl", "fr"]
        .iter()
        .chain(skipped)
        .map(|name| PathBuf::from(format!("src/i18n/{name}.rs")))
        .collect();
    for file in rust_files(Path::new("src")) {
        if catalogues.contains(&file) || components.iter().any(|own| file.starts_with(own)) {
            continue;
        }
        let named = keys_named_in(&file);
        for key in own {
            assert!(
                !named.contains(key),
                "{} names Key::{key}, a text only the {page} page has",
                file.display()
            );
        }
    }
    // And the block holds what the page's components name, apart from texts every page has.
    let named_by_own: BTreeSet<String> = components
        .iter()
        .flat_map(|path| keys_named_in(path))
        .collect();
    for key in own {
        assert!(
            named_by_own.contains(key),
            "Key::{key} is in the {page} page's block but its components do not use it"
        );
    }
}

#[test]
fn a_pages_own_texts_are_named_only_by_its_own_components() {
    // The other pages build without these texts (`i18n::Page`): a page's own text named by code
    // another page runs would show there as empty.
    assert!(
        own_texts(Page::Channels).len() > 50,
        "the Channels area's texts"
    );
    assert!(
        own_texts(Page::Results).len() > 50,
        "the Results area's texts"
    );
    for page in Page::WITH_OWN_TEXTS {
        assert_named_only_by(
            &own_texts(page),
            &own_components(page),
            &format!("{page:?}"),
            &[],
        );
    }
    // The Channels area names the usual channels, but every page's worked example has them
    // (`ui::example_plan`).
    for key in USUAL_CHANNEL_KEYS {
        assert_eq!(page_of(key), None, "{key:?}");
    }
}

#[test]
fn a_pages_own_texts_are_the_keys_between_its_marks() {
    // The build's catalogue writer finds each page's block by the marks in en.rs, in this order.
    let source = std::fs::read_to_string("src/i18n/en.rs").expect("source");
    let body = &source[source.find("catalogue! {").expect("the catalogue")..];
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    for line in body.lines().map(str::trim) {
        if let Some(mark) = line.strip_prefix('@') {
            blocks.push((mark.to_owned(), Vec::new()));
        } else if let (Some((_, keys)), Some((key, _))) =
            (blocks.last_mut(), line.split_once(" => \""))
        {
            keys.push(key.to_owned());
        }
    }
    let marks: Vec<&str> = blocks.iter().map(|(mark, _)| mark.as_str()).collect();
    assert_eq!(
        marks,
        [
            "plan_only",
            "channels_only",
            "results_only",
            "review_only",
            "forecast_only",
            "team_only",
            "end"
        ]
    );
    let plan: Vec<String> = Key::ALL
        .iter()
        .filter(|key| is_plan_only(**key))
        .map(|key| format!("{key:?}"))
        .collect();
    assert_eq!(blocks.first().map(|(_, keys)| keys), Some(&plan));
    for (page, (mark, keys)) in Page::WITH_OWN_TEXTS.into_iter().zip(blocks.iter().skip(1)) {
        assert_eq!(mark, &format!("{}_only", page.entry()));
        assert_eq!(keys, &own_texts(page), "{page:?}");
        for key in Key::ALL.iter().filter(|key| page_of(**key) == Some(page)) {
            for lang in Lang::ALL {
                assert!(!text(lang, *key).is_empty(), "{lang:?} {key:?}");
            }
        }
    }
}

#[test]
fn each_pages_catalogue_files_have_its_own_texts_and_no_other_pages() {
    // The files the build writes (`cargo run --bin site -- catalogues`), as each page loads them.
    let written: std::collections::HashMap<String, String> =
        catalogue_files().into_iter().collect();
    for lang in [Lang::Indonesian, Lang::Polish, Lang::French] {
        // The Plan page's file (None), then each page's own.
        let files = std::iter::once(None).chain(Page::WITH_OWN_TEXTS.map(Some));
        for file_page in files {
            let name = match file_page {
                None => format!("i18n-{}.txt", lang.tag()),
                Some(page) => format!("i18n-{}-{}.txt", lang.tag(), page.entry()),
            };
            let file = written.get(&name).expect("written");
            let lines: Vec<&str> = file.lines().collect();
            assert_eq!(lines.len(), Key::ALL.len(), "{name}");
            for (key, line) in Key::ALL.iter().zip(lines) {
                let page = page_of(*key);
                // The Plan page's own texts are only in its file (`None`).
                let is_elsewhere = is_plan_only(*key) && file_page.is_some();
                if (page.is_none() || page == file_page) && !is_elsewhere {
                    assert_eq!(line, text(lang, *key), "{name}: {key:?}");
                } else {
                    assert_eq!(line, "", "{name}: {key:?} is another page's text");
                }
            }
        }
    }
}

#[test]
fn a_button_named_for_its_item_still_says_the_word_it_shows() {
    // "Up" is shown; "Move Leads up" is its name: the shown word must be in the name, whole
    // (axe's label-content-name-mismatch), in every language.
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    for lang in Lang::ALL {
        for (shown, named) in [
            (Key::MoveUp, Key::MoveUpName),
            (Key::MoveDown, Key::MoveDownName),
            (Key::Remove, Key::RemoveName),
            (Key::Remove, Key::RemoveChannelName),
            (Key::Restore, Key::RestoreName),
            (Key::DeleteForever, Key::DeleteForeverName),
        ] {
            let name = words(text(lang, named));
            for word in words(text(lang, shown)) {
                assert!(name.contains(&word), "{lang:?}: {named:?} lacks {word}");
            }
        }
    }
}

#[test]
fn a_focus_field_names_its_quarter_as_the_quarters_table_does() {
    // The quarters table heads its columns "Q2" (fr "T2"); each focus field's label names the
    // same quarter the same way, so the two read as one thing.
    for lang in Lang::ALL {
        let short = fill(lang, Key::QuarterShort, &[("number", "2")]).unwrap();
        let label = fill(lang, Key::FocusLabel, &[("number", "1"), ("quarter", "2")]).unwrap();
        let name = fill(
            lang,
            Key::QuarterName,
            &[("number", "2"), ("first", "a"), ("last", "b")],
        )
        .unwrap();
        for text in [&label, &name] {
            assert!(
                text.split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == short),
                "{lang:?}: {text} lacks {short}"
            );
        }
    }
}

#[test]
fn a_pasted_count_takes_the_form_its_number_takes() {
    let pasted = |lang, n: usize| {
        fill_plural(
            lang,
            Key::PastedCount,
            n as f64,
            &[("count", &n.to_string())],
        )
        .unwrap()
    };
    assert_eq!(pasted(Lang::English, 1), "Pasted 1 result.");
    assert_eq!(pasted(Lang::English, 4), "Pasted 4 results.");
    assert!(pasted(Lang::Polish, 1).contains("1 wynik."));
    assert!(pasted(Lang::Polish, 3).contains("3 wyniki"));
    assert!(pasted(Lang::Polish, 12).contains("12 wyników"));
    assert!(pasted(Lang::French, 1).contains("1 résultat collé"));
    assert!(pasted(Lang::French, 5).contains("5 résultats collés"));
    assert!(pasted(Lang::Indonesian, 5).contains("5 hasil"));
}

#[test]
fn the_names_a_new_plan_gets_follow_the_page_language_until_renamed() {
    let stages = EXAMPLE_STAGE_KEYS;
    let mut channels = USUAL_CHANNEL_KEYS.to_vec();
    channels.push(Key::NewChannelName);
    for (of, keys) in [
        (NameOf::Stage, stages.as_slice()),
        (NameOf::Channel, channels.as_slice()),
    ] {
        for &key in keys {
            for made_in in Lang::ALL {
                for page in Lang::ALL {
                    assert_eq!(
                        default_name_in(text(made_in, key), of, page),
                        Some(text(page, key)),
                        "{key:?} made in {made_in:?}, shown in {page:?}"
                    );
                }
            }
        }
    }
    // "Visits" of a plan made in English reads "Visites" in French; a typed name stays.
    assert_eq!(
        default_name_in("Visits", NameOf::Stage, Lang::French),
        Some("Visites")
    );
    assert_eq!(
        default_name_in("Demo requests", NameOf::Stage, Lang::French),
        None
    );
    assert_eq!(
        default_name_in("Visits", NameOf::Channel, Lang::French),
        None
    );
}
