//! "Keep and share": export one or all plans as JSON, import a file, a share link, the targets as
//! CSV, and print. Also the import report (every problem, with its field) and the choice for an
//! imported plan that is already here.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::i18n::Key;
use crate::model::channels::Report;
use crate::model::csv::{self, Word, Words};
use crate::model::results::MONTHS;
use crate::model::{ChannelId, Period, Plan, PlanDraft, StageId, Targets};
use crate::storage::schema::{
    decode_import, plan_names, Expected, ImportError, Problem, Reason, MAX_IMPORT_BYTES,
};
use crate::storage::share::share_fragment;
use crate::ui::browser::{copy_to_clipboard, download, file_stem, print, url_with_fragment};
use crate::ui::figures::reason_text;
use crate::ui::library::{export, export_all};
use crate::ui::plan::embed_dialog::EmbedDialog;
use crate::ui::planner::{ImportFailure, Planner};
use crate::ui::state::{Checked, ReportMemo, TargetsMemo};
use crate::ui::text::{channel_label, lang, plan_label, t, tf, tp};

/// The keep-and-share panel.
#[component]
pub fn PlanActions(
    planner: Planner,
    checked: Checked,
    targets: TargetsMemo,
    report: ReportMemo,
) -> impl IntoView {
    // Once asked for, the link follows the plan as it is edited.
    let is_sharing = RwSignal::new(false);
    // `Some(None)`: asked for, but the plan is too large for a link.
    let share_link = Memo::new(move |_| {
        is_sharing.get().then(|| {
            planner
                .draft()
                .with(|draft| share_fragment(draft).map(|fragment| url_with_fragment(&fragment)))
        })
    });
    let copy_result = RwSignal::new(None::<bool>);
    let export_current = move |_| {
        let record = planner.current_record();
        let stem = file_stem(&record.draft.name, t(Key::ExportOneStem));
        export(&[record], &stem);
    };
    let make_link = move |_| {
        is_sharing.set(true);
        copy_result.set(None);
        crate::ui::browser::focus_later("share-link".to_owned());
    };
    let copy_link = move |_| {
        let Some(Some(link)) = share_link.get_untracked() else {
            return;
        };
        copy_result.set(None);
        spawn_local(async move {
            copy_result.set(Some(copy_to_clipboard(&link).await));
        });
    };
    let download_csv = move |_| {
        let table = checked.with_untracked(|checked| {
            let plan = checked.as_ref().ok()?;
            targets.with_untracked(|targets| match targets {
                Some(Ok(targets)) => Some(report.with_untracked(|report| {
                    planner
                        .draft()
                        .with_untracked(|draft| csv_file(plan, targets, draft, report))
                })),
                _ => None,
            })
        });
        if let Some(table) = table {
            let stem = planner
                .draft()
                .with_untracked(|draft| file_stem(&draft.name, t(Key::ExportOneStem)));
            download(
                &format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                &csv::file(&table, lang()),
            );
        }
    };
    let has_targets = move || targets.with(|targets| matches!(targets, Some(Ok(_))));

    view! {
        <section class="card keep" aria-labelledby="keep-heading">
            <h2 id="keep-heading">{t(Key::KeepHeading)}</h2>
            <div class="actions">
                <button type="button" on:click=export_current>{t(Key::ExportPlan)}</button>
                <button type="button" on:click=move |_| export_all(planner)>
                    {t(Key::ExportAll)}
                </button>
                <input
                    id="import-file"
                    class="visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    on:change=move |event| import_file(planner, event)
                />
                <label class="button" for="import-file">{t(Key::ImportLabel)}</label>
            </div>
            <p class="hint">{t(Key::ImportHint)}</p>
            <div class="actions">
                <button type="button" on:click=make_link>{t(Key::CreateShareLink)}</button>
                <button type="button" disabled=move || !has_targets() on:click=download_csv>
                    {t(Key::DownloadCsv)}
                </button>
                <button type="button" on:click=move |_| print()>{t(Key::Print)}</button>
                <EmbedDialog draft=planner.draft() />
            </div>
            {move || {
                share_link
                    .get()
                    .map(|link| {
                        let Some(link) = link else {
                            // Monthly results take room: say so when the plan has them.
                            let has_results = planner.draft().with_untracked(|draft| draft.tracking.has_results());
                            let message = if has_results { Key::ShareTooLargeResults } else { Key::ShareTooLarge };
                            return view! { <p class="problem" role="alert">{t(message)}</p> }
                                .into_any();
                        };
                        view! {
                            <div class="share">
                                <label for="share-link">{t(Key::ShareLinkLabel)}</label>
                                <div class="input-row">
                                    <input
                                        id="share-link"
                                        type="text"
                                        readonly
                                        prop:value=link
                                        on:focus=|event| {
                                            if let Some(input) = event
                                                .target()
                                                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                                            {
                                                input.select();
                                            }
                                        }
                                    />
                                    <button type="button" on:click=copy_link>{t(Key::CopyLink)}</button>
                                </div>
                                <p class="hint" role="status">
                                    {move || {
                                        copy_result
                                            .get()
                                            .map(|is_copied| {
                                                t(if is_copied { Key::LinkCopied } else { Key::LinkNotCopied })
                                            })
                                    }}
                                </p>
                                <p class="hint">{t(Key::ShareLinkHint)}</p>
                            </div>
                        }
                            .into_any()
                    })
            }}
            <ImportReport planner />
        </section>
    }
}

/// A word of the plan's CSV file in the page's language.
fn csv_word(word: Word) -> &'static str {
    t(match word {
        Word::PlanSection => Key::CsvPlanSection,
        Word::TargetsSection => Key::CsvTargetsSection,
        Word::ActualsSection => Key::CsvResultsSection,
        Word::ChannelTargetsSection => Key::ChannelTargetsHeading,
        Word::BudgetSection => Key::BudgetHeading,
        Word::KpisSection => Key::KpiHeading,
        Word::PlanName => Key::PlanNameLabel,
        Word::RevenueGoal => Key::RevenueGoalLabel,
        Word::CustomersGoal => Key::NewCustomersGoalLabel,
        Word::AverageRevenue => Key::AverageRevenueLabel,
        Word::Stage => Key::StageColumn,
        Word::RateToNext => Key::CsvRateColumn,
        Word::Needed(Period::Month) => Key::CsvNeededPerMonth,
        Word::Needed(Period::Quarter) => Key::CsvNeededPerQuarter,
        Word::Needed(Period::Year) => Key::CsvNeededPerYear,
        Word::Exact(Period::Month) => Key::CsvExactPerMonth,
        Word::Exact(Period::Quarter) => Key::CsvExactPerQuarter,
        Word::Exact(Period::Year) => Key::CsvExactPerYear,
        Word::Revenue => Key::CsvRevenueRow,
        Word::Channel => Key::ChannelColumn,
        Word::Share => Key::ShareColumn,
        Word::AllChannels => Key::AllChannels,
        Word::Note => Key::NoteColumn,
        Word::CostStage => Key::CsvCostStageColumn,
        Word::CostPerUnit => Key::CsvCostPerUnitColumn,
        Word::Per(Period::Month) => Key::PerMonth,
        Word::Per(Period::Quarter) => Key::PerQuarter,
        Word::Per(Period::Year) => Key::PerYear,
        Word::TotalNeeded => Key::TotalNeeded,
        Word::BudgetSet => Key::BudgetSet,
        Word::BudgetGap => Key::BudgetGap,
        Word::LifetimeValue => Key::KpiLifetimeValue,
        Word::Retention => Key::CsvRetentionRow,
        Word::Cac => Key::KpiCac,
        Word::Roi => Key::CsvRoiColumn,
        Word::Roas => Key::KpiRoas,
        Word::WinRate => Key::CsvWinRateColumn,
        Word::LtvToCac => Key::KpiLtvToCac,
        Word::Payback => Key::KpiPayback,
        Word::Month => Key::CsvMonthColumn,
        Word::Spend => Key::SpendColumn,
    })
}

/// The plan as CSV rows: its inputs, targets, the results entered in `draft`, targets by
/// channel, budget needed and KPIs.
fn csv_file(
    plan: &Plan,
    targets: &Targets,
    draft: &PlanDraft,
    report: &Report,
) -> Vec<Vec<csv::Cell>> {
    let cost_per = |stage: &str| tf(Key::KpiCostPer, &[("stage", stage)]);
    let reason = |reason| reason_text(reason, &report.stage_names);
    let stage_ids: Vec<StageId> = draft.stages.iter().map(|stage| stage.id).collect();
    let channel_ids: Vec<ChannelId> = draft
        .marketing
        .channels
        .iter()
        .map(|channel| channel.id)
        .collect();
    let (actuals, _) = draft
        .tracking
        .check(&stage_ids, &channel_ids, draft.typed_in.symbols());
    // The months as "2027-04": a spreadsheet in any language reads them as months.
    let year = draft.tracking.plan_year(crate::ui::browser::this_month());
    let months: [String; MONTHS] = std::array::from_fn(|index| year.month_at(index as i32).code());
    let words = Words {
        word: &csv_word,
        cost_per: &cost_per,
        channel_name: &channel_label,
        reason: &reason,
        months: months.each_ref().map(String::as_str),
    };
    csv::plan_file(plan, targets, &actuals, report, &words)
}

/// Reads the chosen file (refusing one over 1 MB before reading it) and imports its plans.
fn import_file(planner: Planner, event: web_sys::Event) {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    // Let the same file be chosen again after it has been fixed.
    input.set_value("");
    let file_name = file.name();
    if file.size() > MAX_IMPORT_BYTES as f64 {
        planner.fail_import(ImportFailure::TooLarge { file_name });
        return;
    }
    spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|text| text.as_string());
        let Some(text) = text else {
            planner.fail_import(ImportFailure::Unreadable { file_name });
            return;
        };
        match decode_import(&text) {
            Ok(records) => planner.import(
                records
                    .into_iter()
                    .map(|mut record| {
                        record.draft = record.draft.settled(lang());
                        record
                    })
                    .collect(),
            ),
            Err(ImportError::TooLarge { .. }) => {
                planner.fail_import(ImportFailure::TooLarge { file_name })
            }
            Err(ImportError::Problems(problems)) => planner.fail_import(ImportFailure::Problems {
                file_name,
                problems,
                plan_names: plan_names(&text),
            }),
        }
    });
}

/// What went wrong with the last import, and the choice for a plan that is already here.
#[component]
fn ImportReport(planner: Planner) -> impl IntoView {
    let failure = move || {
        planner.import_failure().map(|failure| {
            let (heading, problems) = match failure {
                ImportFailure::TooLarge { file_name } => (
                    tf(Key::ImportFailed, &[("file", &file_name)]),
                    vec![tf(
                        Key::ImportTooLarge,
                        &[("limit", &(MAX_IMPORT_BYTES / 1_000_000).to_string())],
                    )],
                ),
                ImportFailure::Unreadable { file_name } => (
                    tf(Key::ImportFailed, &[("file", &file_name)]),
                    vec![t(Key::ImportNotText).to_owned()],
                ),
                ImportFailure::Problems {
                    file_name,
                    problems,
                    plan_names,
                } => (
                    tf(Key::ImportFailed, &[("file", &file_name)]),
                    problems.iter().map(|problem| problem_text(problem, &plan_names)).collect(),
                ),
            };
            view! {
                <div class="import-report" role="alert">
                    <h3>{heading}</h3>
                    <ul>{problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
                    <p class="hint">{t(Key::ImportNothingChanged)}</p>
                </div>
            }
        })
    };
    let clash = move || {
        planner.clash().map(|clash| {
            view! {
                <div class="clash" role="group" aria-labelledby="clash-text">
                    <p id="clash-text">
                        {tf(
                            Key::ImportClash,
                            &[
                                ("imported", &plan_label(&clash.imported.draft.name)),
                                ("existing", &plan_label(&clash.existing_name)),
                            ],
                        )}
                    </p>
                    <div class="actions">
                        <button type="button" on:click=move |_| planner.resolve_clash(true)>
                            {t(Key::ReplaceMine)}
                        </button>
                        <button type="button" on:click=move |_| planner.resolve_clash(false)>
                            {t(Key::KeepBoth)}
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        {failure}
        {clash}
    }
}

/// One import problem as a sentence a person can act on: where, by the plan's number and name
/// and the field's visible label, then why: "Plan 1 “2027 base”, Revenue goal: should be text in
/// quotes". `plan_names` are the file's plan names in order.
pub fn problem_text(problem: &Problem, plan_names: &[String]) -> String {
    let reason = match problem.reason {
        Reason::NotJson { line, column } => tf(
            Key::ProblemNotJson,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        Reason::Missing => t(Key::ProblemMissing).to_owned(),
        Reason::WrongType(expected) => t(match expected {
            Expected::Object => Key::ExpectedObject,
            Expected::List => Key::ExpectedList,
            Expected::Text => Key::ExpectedText,
            Expected::WholeNumber => Key::ExpectedWholeNumber,
            Expected::GoalKind => Key::ExpectedGoalKind,
            Expected::PlanId => Key::ExpectedPlanId,
            Expected::AppName => Key::ExpectedAppName,
            Expected::BudgetPeriod => Key::ExpectedBudgetPeriod,
            Expected::LifetimeKind => Key::ExpectedLifetimeKind,
            Expected::RankBy => Key::ExpectedRankBy,
            Expected::Language => Key::ExpectedLanguage,
            Expected::PlanYear => Key::ExpectedPlanYear,
            Expected::ResultRow => Key::ExpectedResultRow,
            Expected::TwelveMonths => Key::ExpectedTwelveMonths,
            Expected::Focus => Key::ExpectedFocus,
        })
        .to_owned(),
        Reason::UnknownField => t(Key::ProblemUnknownField).to_owned(),
        Reason::StageCount(count) => tp(
            Key::ProblemStageCount,
            count as f64,
            &[("count", &count.to_string())],
        ),
        Reason::NewerVersion(version) => tf(
            Key::ProblemNewerVersion,
            &[("version", &version.to_string())],
        ),
        Reason::UnknownVersion(version) => tf(
            Key::ProblemUnknownVersion,
            &[("version", &version.to_string())],
        ),
        Reason::NoPlans => t(Key::ProblemNoPlans).to_owned(),
        Reason::DuplicateId => t(Key::ProblemDuplicateId).to_owned(),
        Reason::ChannelCount(count) => tp(
            Key::ProblemChannelCount,
            count as f64,
            &[("count", &count.to_string())],
        ),
    };
    let place = if problem.path.is_empty() {
        t(Key::ProblemWholeFile).to_owned()
    } else {
        readable_place(&problem.path, plan_names)
    };
    tf(Key::ProblemLine, &[("place", &place), ("reason", &reason)])
}

/// `plans[1].plan.revenue_goal` as "Plan 2 “Name”, Revenue goal". A path outside a plan, or a
/// field without a label on screen, keeps its name in the file.
fn readable_place(path: &str, plan_names: &[String]) -> String {
    let Some((index, rest)) = path
        .strip_prefix("plans[")
        .and_then(|rest| rest.split_once(']'))
    else {
        return path.to_owned();
    };
    let Ok(index) = index.parse::<usize>() else {
        return path.to_owned();
    };
    let number = (index + 1).to_string();
    let plan = match plan_names.get(index).map(|name| name.trim()) {
        Some(name) if !name.is_empty() => tf(
            Key::ProblemPlanNamed,
            &[("number", &number), ("name", name)],
        ),
        _ => tf(Key::ProblemPlan, &[("number", &number)]),
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if rest.is_empty() {
        return plan;
    }
    let field = field_label(rest.strip_prefix("plan.").unwrap_or(rest));
    tf(Key::ProblemPlanField, &[("plan", &plan), ("field", &field)])
}

/// The visible label of a plan field named by its path in the file, e.g. `stages[1].name` is
/// "Stage 2 name".
fn field_label(path: &str) -> String {
    let label = match path {
        "name" => Some(Key::PlanNameLabel),
        "goal" => Some(Key::GoalFromLegend),
        "revenue_goal" => Some(Key::RevenueGoalLabel),
        "new_customers_goal" => Some(Key::NewCustomersGoalLabel),
        "average_revenue_per_customer" => Some(Key::AverageRevenueLabel),
        _ => None,
    };
    if let Some(label) = label {
        return t(label).to_owned();
    }
    let stage = path
        .strip_prefix("stages[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(index, field)| Some((index.parse::<usize>().ok()? + 1, field)));
    match stage {
        Some((number, "name")) => tf(Key::StageNameLabel, &[("number", &number.to_string())]),
        Some((number, "rate_to_next")) => {
            tf(Key::ProblemStageRate, &[("number", &number.to_string())])
        }
        _ => path.to_owned(),
    }
}
