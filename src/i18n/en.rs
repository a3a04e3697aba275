//! English texts. The macro below also defines [`Key`] and `Key::ALL`, so English is the list of
//! keys; every other language is an exhaustive `match` over them.

macro_rules! catalogue {
    ($($key:ident => $text:literal,)*) => {
        /// A text a person reads. The English wording is beside each key in `i18n/en.rs`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($key,)*
        }

        impl Key {
            /// Every key, for checks over the whole catalogue.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        /// The English text for `key`.
        pub fn text(key: Key) -> &'static str {
            match key {
                $(Key::$key => $text,)*
            }
        }
    };
}

catalogue! {
    AppTitle => "Funnel Planner",
    DocumentTitle => "{plan} – Funnel Planner",
    AppTagline => "Start from your revenue goal and see how many visits, leads, MQLs, SQLs, opportunities and customers your plan needs each month, quarter and year.",
    Footer => "Runs entirely in your browser. Your plan is saved only on this device.",

    ExamplePlanName => "My marketing plan",
    ExampleStageVisits => "Visits",
    ExampleStageLeads => "Leads",
    ExampleStageMqls => "MQLs",
    ExampleStageSqls => "SQLs",
    ExampleStageOpportunities => "Opportunities",
    ExampleStageCustomers => "Customers",

    GoalHeading => "Your goal",
    PlanNameLabel => "Plan name",
    RevenueGoalLabel => "Revenue goal",
    RevenueGoalHint => "Revenue from new customers in one year.",
    NewCustomersGoalLabel => "New customers per year",
    NewCustomersGoalHint => "How many new customers to win in one year.",
    GoalEitherHint => "Fill in either goal: the other is worked out from it.",
    DerivedFromRevenue => "Worked out from the revenue goal. Type here to plan from new customers instead.",
    DerivedFromNewCustomers => "Worked out from new customers per year. Type here to plan from revenue instead.",
    AverageRevenueLabel => "Average revenue per new customer",
    AverageRevenueHint => "What one new customer brings in during the plan year.",

    StagesHeading => "Funnel stages",
    StagesHint => "From the top of the funnel to new customers. Each rate is the percent of one stage that reaches the next (2 to 10 stages).",
    StageNameLabel => "Stage {number} name",
    UnnamedStage => "Stage {number}",
    RateLabel => "{from} to {to} rate",
    MoveUp => "Up",
    MoveUpName => "Move {stage} up",
    MoveDown => "Down",
    MoveDownName => "Move {stage} down",
    Remove => "Remove",
    RemoveName => "Remove {stage}",
    AddStage => "Add stage",
    NewStageName => "New stage",
    StageLimitReached => "A funnel has at most 10 stages.",

    ResultsHeading => "Your targets",
    TargetsCaption => "Funnel targets",
    StageColumn => "Stage",
    PerMonth => "Per month",
    PerQuarter => "Per quarter",
    PerYear => "Per year",
    ShowExactValues => "Show exact values",
    RevenueSummary => "Revenue goal: {year} a year, {quarter} a quarter, {month} a month.",
    RoundingNote => "Counts are rounded up to the whole number you must reach. The goal needs {exact} {customers} a year, so the plan aims for {whole}.",
    RoundingNoteWhole => "Counts are rounded up to the whole number you must reach.",
    TargetsMissing => "Your targets will appear here once these are fixed:",
    TargetsTooLarge => "The targets are too large to show. Check the rates and amounts.",

    HowHeading => "How this is calculated",
    HowCustomersFromRevenue => "{customers} per year = revenue goal ÷ average revenue per new customer = {revenue} ÷ {average} = {result}",
    HowCustomersFromGoal => "{customers} per year = your goal of new customers per year = {result}",
    HowStage => "{stage} per year = {next} per year ÷ {stage} to {next} rate = {next_value} ÷ {rate} = {result}",
    HowPeriods => "Per quarter = per year ÷ 4, and per month = per year ÷ 12. Every figure is kept in full precision.",
    HowRounding => "For display, each figure is rounded up on its own to the whole number you must reach: nobody can win part of a customer. A figure within a billionth of a whole number is not rounded up. Because each period is rounded up separately, twelve monthly targets can add up to more than the yearly one. “Show exact values” shows the unrounded figures.",

    ForwardHeading => "Check your current volume",
    ForwardIntro => "Type how many {top} you get a month to see what they yield and how far that is from the goal.",
    CurrentTopLabel => "Current {top} per month",
    ForwardCaption => "What your current {top} yield",
    RevenueRow => "Revenue",
    GapShort => "To reach the goal you need {needed} {top} a month: {more} more than now.",
    GapShortOutcome => "At this volume you win {customers} {customers_name} and {revenue} in revenue a year: {customers_gap} {customers_name} and {revenue_gap} short of the goal.",
    GapMet => "Your current {top} meet the goal, with {spare} a month to spare.",
    ForwardNeedsPlan => "Fix the plan above to compare this with the goal.",

    StorageUnavailable => "This browser is not letting the page save (storage is blocked, as in some private windows and embedded frames). Your plan works here, but it will be gone when you close this tab.",
    StorageSaveFailed => "Your latest change could not be saved: the browser's storage is full or refused it. The page keeps working, and what was saved before is safe.",
    StorageUnreadable => "Your saved plan could not be read, so the page started from the example. The saved text is kept in this browser's storage under “funnel-planner/v1/plan-unreadable”.",
    StorageUnreadableLeftInPlace => "Your saved plan could not be read, so the page started from the example. The browser's storage is full, so the saved text is left untouched where it was, and changes made on this page are not saved.",
    StorageNewerVersion => "Your saved plan was made by a newer version of Funnel Planner. It is left untouched, and changes made on this page are not saved.",

    ErrorEmpty => "Enter a number.",
    ErrorNotANumber => "Enter digits only, like 1,250,000 or 12.5.",
    ErrorNotPositive => "Enter a number greater than 0.",
    ErrorNegative => "Enter 0 or more.",
    ErrorTooLarge => "Enter a number no larger than 1,000,000,000,000,000.",
    ErrorRateOutOfRange => "Enter a rate greater than 0 and at most 100.",
    ErrorStageNameEmpty => "Enter a name for this stage.",
    ErrorStageNameDuplicate => "Another stage already has this name.",
    ErrorStageCount => "A funnel has 2 to 10 stages.",
    ProblemItem => "{field}: {message}",
}
