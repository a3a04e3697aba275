//! The Sales team page (`team.html`): for sales development reps and account executives, the
//! heads each month's volume needs at full output, the hires and the month each must start so
//! that its ramp is over in time, and the team's cost.
//!
//! The volumes are the schedule of the Forecast page's "When it must happen" (its phasing and
//! days; evenly over the months until they are typed there), read from the plan as that page
//! keeps them. The team's own inputs are kept in the annual plan's data (`PlanDraft::annual`,
//! [`TeamDraft`](crate::model::forecast::team::TeamDraft)), read and written through the one
//! codec of a page's own data, as the Annual plan page does.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::annual::AnnualDraft;
use crate::model::csv;
use crate::model::forecast::draft::ForecastDraft;
use crate::model::forecast::team::{
    AeCounts, Role, RoleInput, Team, TeamField, TeamRead, TeamRole,
};
use crate::model::forecast::timing::Schedule;
use crate::model::number::needed_at;
use crate::model::page_data::PageData;
use crate::model::results::PlanYear;
use crate::model::{to_percent, InputError};
use crate::pages::Page;
use crate::ui::browser::{download, file_stem, focus_later, month_label, this_month, MonthStyle};
use crate::ui::field::{Choice, InputField, Kind};
use crate::ui::later::Later;
use crate::ui::page_data::{derefs_to_own_page, error_of, OwnPage, OwnPanels, PageDataOf};
use crate::ui::shell::{Content, Shell};
use crate::ui::state::PageState;
use crate::ui::table::{live_table, Cell, Row, Table};
use crate::ui::text::{decimal, exact, lang, money, needed, percent, t, tf};

/// Everything the page derives from the plan, once per change.
#[derive(Clone, Copy)]
struct SalesTeam {
    /// The plan, the annual plan kept in it (which holds the team's inputs), and its stages.
    page: OwnPage<AnnualDraft>,
    /// The plan year (its first month: the Results area's).
    year: Memo<PlanYear>,
    /// The roles the funnel has a stage for: AEs always, SDRs from three stages.
    roles: Memo<Vec<TeamRole>>,
    /// Every problem of those roles' fields and of the attrition.
    errors: Memo<Vec<(TeamField, InputError)>>,
    /// What each stage must reach each month, as the Forecast page times it; else what stops
    /// it (the text that says so).
    schedule: Memo<Result<Schedule, Key>>,
}

derefs_to_own_page!(SalesTeam, AnnualDraft);

impl SalesTeam {
    fn new(state: &PageState) -> Self {
        let page = OwnPage::<AnnualDraft>::new(state);
        let year = Memo::new(move |_| {
            page.draft
                .with(|draft| draft.tracking.plan_year(this_month()))
        });
        let roles = Memo::new(move |_| {
            let stages = page.stage_names.with(Vec::len);
            TeamRole::ALL
                .into_iter()
                .filter(|role| role.stage(stages, false).is_some())
                .collect::<Vec<_>>()
        });
        let errors = Memo::new(move |_| {
            read_team(year, roles, page.data)
                .map(|(_, errors)| errors)
                .unwrap_or_default()
        });
        Self {
            page,
            year,
            roles,
            errors,
            schedule: Memo::new(move |_| schedule(page)),
        }
    }
}

/// The team's fields read for the roles the funnel has, the heads in place counted this month;
/// `None` while the annual plan cannot be read.
fn read(area: SalesTeam) -> Option<TeamRead> {
    read_team(area.year, area.roles, area.data)
}

/// [`read`], from the memos it reads.
fn read_team(
    year: Memo<PlanYear>,
    roles: Memo<Vec<TeamRole>>,
    data: PageDataOf<AnnualDraft>,
) -> Option<TeamRead> {
    let now = year.get().offset_of(this_month());
    roles.with(|roles| {
        data.read.with(|read| {
            let annual = read.as_ref().ok()?;
            Some(annual.team.read(annual.lang().symbols(), roles, now))
        })
    })
}

/// What the panel shows.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shown {
    lines: Vec<String>,
    tables: Vec<Table>,
    how: Vec<String>,
}

/// The short name of `role` ("SDRs").
fn role_name(role: TeamRole) -> &'static str {
    t(match role {
        TeamRole::Sdr => Key::TeamSdrs,
        TeamRole::Ae => Key::TeamAes,
    })
}

/// Whether an AE's capacity counts the customers closed (not the opportunities worked).
fn closes(area: SalesTeam) -> bool {
    area.with(|a| a.team.ae_counts == AeCounts::Customers)
}

/// The label of a team field: a capacity names the role's stage, the other fields the role.
fn label(area: SalesTeam, field: TeamField) -> String {
    let TeamField::Role(role, input) = field else {
        return t(Key::TeamAttrition).to_owned();
    };
    if input != RoleInput::Capacity {
        let key = match input {
            RoleInput::Ramp => Key::TeamRamp,
            RoleInput::InPlace => Key::TeamInPlace,
            _ => Key::TeamCost,
        };
        return tf(key, &[("role", role_name(role))]);
    }
    let closes = closes(area);
    let stage = area.stage_names.with(|names| {
        role.stage(names.len(), closes)
            .and_then(|at| names.get(at).cloned())
            .unwrap_or_default()
    });
    let key = match role {
        TeamRole::Sdr => Key::TeamSdrCapacity,
        TeamRole::Ae if closes => Key::TeamAeCloses,
        TeamRole::Ae => Key::TeamAeWorks,
    };
    tf(key, &[("stage", &stage)])
}

/// The month `offset` months after the plan year's first (negative: before it), labelled as the
/// schedule labels it: before the plan year, or already past.
fn month_row(year: PlanYear, offset: i32) -> String {
    let month = year.month_at(offset);
    let month = month_label(month.year, month.month, MonthStyle::Long);
    if year.is_past(offset, this_month()) {
        tf(Key::TeamAlreadyPast, &[("month", &month)])
    } else if offset < 0 {
        tf(Key::BeforePlanYear, &[("month", &month)])
    } else {
        month
    }
}

/// The role's sentence: the most heads needed, those in place, the hires and the first one's
/// start, and the cost.
fn line(role: TeamRole, spec: &Role, team: &Team, year: PlanYear) -> String {
    let name = role_name(role);
    let (peak, at) = team.peak().unwrap_or((0.0, 0));
    let mut line = tf(
        Key::TeamSummary,
        &[
            ("role", name),
            ("peak", &heads_needed(peak)),
            ("month", &month_row(year, at)),
            ("in_place", &exact(f64::from(spec.in_place))),
            ("hires", &exact(f64::from(team.hires()))),
        ],
    );
    if let Some(first) = team.first_hire() {
        let key = if year.is_past(first, this_month()) {
            Key::TeamFirstHireLate
        } else {
            Key::TeamFirstHire
        };
        let month = year.month_at(first);
        let month = month_label(month.year, month.month, MonthStyle::Long);
        line.push(' ');
        line.push_str(&tf(key, &[("month", &month)]));
    }
    if let (Some(inside), Some(before)) = (team.cost(true), team.cost(false)) {
        line.push(' ');
        line.push_str(&if before > 0.0 {
            tf(
                Key::TeamCostBefore,
                &[("year", &money(inside)), ("before", &money(before))],
            )
        } else {
            tf(Key::TeamCostYear, &[("year", &money(inside))])
        });
    }
    line
}

/// Heads needed at full output as shown: rounded up at two decimals (what is needed never shows
/// less than it is), with the same decimals as the heads on the team and their output.
fn heads_needed(heads: f64) -> String {
    decimal(needed_at(heads, 2), 2)
}

/// Heads on the team, or their output in heads at full output: to two decimals.
fn heads(heads: f64) -> String {
    decimal(heads, 2)
}

/// The role's month-by-month table.
fn table(role: TeamRole, stage: &str, team: &Team, year: PlanYear) -> Table {
    let has_cost = team.months.iter().any(|month| month.cost.is_some());
    let mut columns = vec![t(Key::ScheduleMonth).to_owned(), stage.to_owned()];
    columns.extend(
        [
            Key::TeamNeeded,
            Key::TeamHeads,
            Key::TeamOutput,
            Key::TeamHires,
        ]
        .map(|key| t(key).to_owned()),
    );
    if has_cost {
        columns.push(t(Key::TeamCostColumn).to_owned());
    }
    let rows = team
        .months
        .iter()
        .map(|month| {
            let hires = f64::from(month.hires);
            let mut cells = vec![
                Cell::figure(needed(month.work), month.work),
                Cell::figure(heads_needed(month.needed), month.needed),
                Cell::figure(heads(month.heads), month.heads),
                Cell::figure(heads(month.output), month.output),
                Cell::figure(exact(hires), hires),
            ];
            if let Some(cost) = month.cost {
                cells.push(Cell::figure(money(cost), cost));
            }
            Row::new(month_row(year, month.offset), cells)
        })
        .collect();
    Table {
        id: match role {
            TeamRole::Sdr => "team-sdr-caption",
            TeamRole::Ae => "team-ae-caption",
        },
        caption: tf(Key::TeamCaption, &[("role", role_name(role))]),
        columns,
        rows,
    }
}

/// The role's arithmetic with this plan's figures, in its busiest month.
fn how(role: TeamRole, spec: &Role, team: &Team, stage: &str, year: PlanYear) -> String {
    let (peak, at) = team.peak().unwrap_or((0.0, 0));
    let work = team
        .months
        .iter()
        .find(|month| month.offset == at)
        .map_or(0.0, |month| month.work);
    let shares: Vec<String> = spec
        .ramp
        .iter()
        .map(|share| percent(to_percent(*share)))
        .collect();
    let ramp = if shares.is_empty() {
        t(Key::TeamNoRamp).to_owned()
    } else {
        tf(Key::HowTeamRamp, &[("ramp", &shares.join(", "))])
    };
    let line = tf(
        Key::HowTeamRole,
        &[
            ("role", role_name(role)),
            ("month", &month_row(year, at)),
            ("work", &needed(work)),
            ("stage", stage),
            ("capacity", &exact(spec.capacity)),
            ("needed", &heads_needed(peak)),
            ("attrition", &percent(to_percent(spec.attrition))),
            ("survival", &decimal(team.survival, 6)),
        ],
    );
    format!("{line} {ramp}")
}

/// The schedule of the plan's volumes, as the Forecast page times them; else the text that says
/// what stops it: the plan's fields, the forecast's data that cannot be read, or one of its
/// timing fields.
fn schedule(page: OwnPage<AnnualDraft>) -> Result<Schedule, Key> {
    let ids = page.stage_ids.get();
    let yearly: Vec<f64> = page
        .targets
        .with(|targets| {
            let targets = targets.as_ref()?.as_ref().ok()?;
            Some(targets.stages.iter().map(|stage| stage.per_year).collect())
        })
        .ok_or(Key::TeamNeedsPlan)?;
    let forecast = page
        .draft
        .with(|plan| ForecastDraft::of_plan(plan, lang()))
        .map_err(|_| Key::TeamForecastUnreadable)?;
    forecast.schedule(&ids, &yearly).ok_or(Key::TeamNeedsTiming)
}

/// The panel's figures (none while a field has a problem or no role has a capacity).
fn shown(area: SalesTeam, schedule: &Schedule) -> Option<Shown> {
    let (roles, errors) = read(area)?;
    if !errors.is_empty() || roles.is_empty() {
        return None;
    }
    let names = area.stage_names.get();
    let year = area.year.get();
    let closes = closes(area);
    let mut shown = Shown::default();
    for (role, spec) in roles {
        let Some(at) = role.stage(names.len(), closes) else {
            continue;
        };
        let stage = names.get(at).map_or("", String::as_str);
        let work: Vec<(i32, f64)> = schedule
            .rows
            .iter()
            .filter_map(|row| Some((row.offset, *row.stages.get(at)?)))
            .collect();
        match spec.team(&work) {
            Ok(team) => {
                shown.lines.push(line(role, &spec, &team, year));
                shown.tables.push(table(role, stage, &team, year));
                shown.how.push(how(role, &spec, &team, stage, year));
            }
            // The draft's checks leave only too many hires: a capacity surely mistyped.
            Err(_) => shown
                .lines
                .push(tf(Key::TeamTooMany, &[("role", role_name(role))])),
        }
    }
    shown.how.push(t(Key::HowTeam).to_owned());
    Some(shown)
}

/// The team's inputs as typed and its tables, for the page's CSV: the inputs only once one is
/// typed or chosen.
fn csv_rows(area: SalesTeam, shown: Memo<Option<Shown>>) -> Vec<Vec<csv::Cell>> {
    let text = |text: &str| csv::Cell::Text(csv::neutralise(text));
    let mut rows = Vec::new();
    area.with(|draft| {
        if draft.team.is_blank() {
            return;
        }
        let counts = if draft.team.ae_counts == AeCounts::Customers {
            Key::TeamAeCountsCustomers
        } else {
            Key::TeamAeCountsOpportunities
        };
        rows.push(vec![text(t(Key::TeamRolesHeading))]);
        rows.push(vec![text(t(Key::TeamAeCountsLegend)), text(t(counts))]);
        let roles = area.roles.get_untracked();
        let fields = TeamField::ALL.into_iter().filter(|field| match field {
            TeamField::Role(role, _) => roles.contains(role),
            TeamField::Attrition => true,
        });
        for field in fields {
            let typed = draft.team.text(field);
            let value = csv::typed_number(typed, draft.lang().symbols());
            rows.push(vec![text(&label(area, field)), value]);
        }
    });
    let tables = shown
        .with_untracked(|shown| shown.as_ref().map(|shown| shown.tables.clone()))
        .unwrap_or_default();
    for table in tables {
        if !rows.is_empty() {
            rows.push(Vec::new());
        }
        rows.extend(table.csv_rows());
    }
    rows
}

/// The `id` of a team field's input.
fn field_id(field: TeamField) -> String {
    let TeamField::Role(role, input) = field else {
        return "team-attrition".to_owned();
    };
    let role = match role {
        TeamRole::Sdr => "sdr",
        TeamRole::Ae => "ae",
    };
    let input = match input {
        RoleInput::Capacity => "capacity",
        RoleInput::Ramp => "ramp",
        RoleInput::InPlace => "in-place",
        RoleInput::Cost => "cost",
    };
    format!("team-{role}-{input}")
}

/// One field of the team, with its label, its text and its problem.
fn field_view(area: SalesTeam, field: TeamField) -> AnyView {
    let value = Signal::derive(move || area.with(|a| a.team.text(field).to_owned()));
    let on_input = Callback::new(move |text: String| area.edit(|a| a.team.set(field, text)));
    let id = field_id(field);
    let label = Signal::derive(move || label(area, field));
    let error = error_of(area.errors, field);
    // A ramp is percents separated by ";", which a phone's number pad has not.
    let kind = if matches!(field, TeamField::Role(_, RoleInput::Ramp)) {
        Kind::Text
    } else {
        Kind::Number
    };
    match field {
        TeamField::Attrition => {
            view! { <InputField id label value on_input error kind suffix="%" /> }.into_any()
        }
        // The ramp's form, said under the field and read with it.
        TeamField::Role(_, RoleInput::Ramp) => {
            let hint = Signal::derive(|| t(Key::TeamRampFieldHint).to_owned());
            view! { <InputField id label value on_input error kind hint /> }.into_any()
        }
        _ => view! { <InputField id label value on_input error kind /> }.into_any(),
    }
}

/// "What each role handles": each role's capacity, ramp, heads in place and cost, what an AE's
/// capacity counts, and the yearly attrition.
#[component]
fn RolesPanel(area: SalesTeam) -> impl IntoView {
    let role = move |role: TeamRole, legend: Key| {
        let has_stage = Memo::new(move |_| area.roles.with(|roles| roles.contains(&role)));
        move || {
            if !has_stage.get() {
                return view! { <p class="hint">{t(Key::TeamNoSdrStage)}</p> }.into_any();
            }
            let inputs: Vec<AnyView> = RoleInput::ALL
                .into_iter()
                .map(|input| field_view(area, TeamField::Role(role, input)))
                .collect();
            view! {
                <fieldset class="team-role">
                    <legend>{t(legend)}</legend>
                    <div class="team-inputs">{inputs}</div>
                </fieldset>
            }
            .into_any()
        }
    };
    let on_counts = Callback::new(move |index: usize| {
        area.edit(|a| {
            a.team.ae_counts = if index == 1 {
                AeCounts::Customers
            } else {
                AeCounts::Opportunities
            };
        });
    });
    view! {
        <section class="card" aria-labelledby="team-roles-heading">
            <h2 id="team-roles-heading">{t(Key::TeamRolesHeading)}</h2>
            {role(TeamRole::Sdr, Key::TeamSdrLegend)}
            <Choice
                name="ae-counts"
                legend=Key::TeamAeCountsLegend
                options=vec![Key::TeamAeCountsOpportunities, Key::TeamAeCountsCustomers]
                selected=Signal::derive(move || usize::from(closes(area)))
                on_select=on_counts
            />
            {role(TeamRole::Ae, Key::TeamAeLegend)}
            <div class="team-inputs">{field_view(area, TeamField::Attrition)}</div>
            <p class="hint">{t(Key::TeamRampHint)}</p>
        </section>
    }
}

/// "Heads, hires and cost month by month": each role's sentence and table, and how they are
/// calculated; else what stops them.
#[component]
fn ResultsPanel(area: SalesTeam, shown: Memo<Option<Shown>>) -> impl IntoView {
    let tables = move |at: usize| {
        Memo::new(move |_| shown.with(|shown| shown.as_ref()?.tables.get(at).cloned()))
    };
    let text = move |lines: fn(&Shown) -> &Vec<String>| {
        move || shown.with(|shown| shown.as_ref().map(|shown| lines(shown).join(" ")))
    };
    // What stops the figures: a field of the team (named, as a link to it), the Forecast page's
    // timing, or no capacity typed yet.
    let status = move || {
        if let Some(field) = area
            .errors
            .with(|errors| errors.first().map(|(field, _)| *field))
        {
            let id = field_id(field);
            return Some(
                view! {
                    <p class="problem">
                        {t(Key::SectionWaitsFor)} " "
                        <button type="button" class="link" on:click=move |_| focus_later(id.clone())>
                            {label(area, field)}
                        </button>
                    </p>
                }
                .into_any(),
            );
        }
        let message = if let Err(key) = area.schedule.get() {
            key
        } else if shown.with(Option::is_none) {
            Key::TeamNeedsCapacity
        } else {
            return None;
        };
        Some(view! { <p class="hint">{t(message)}</p> }.into_any())
    };
    view! {
        <section class="card" aria-labelledby="team-results-heading">
            <h2 id="team-results-heading">{t(Key::TeamResultsHeading)}</h2>
            {status}
            <p>{text(|shown| &shown.lines)}</p>
            {live_table(tables(0))}
            {live_table(tables(1))}
            <details class="how" hidden=move || shown.with(Option::is_none)>
                <summary>{t(Key::HowHeading)}</summary>
                <p>{text(|shown| &shown.how)}</p>
            </details>
        </section>
    }
}

/// "Download the sales team (CSV)" and "Print the sales team".
#[component]
fn TeamCsv(area: SalesTeam, shown: Memo<Option<Shown>>) -> impl IntoView {
    let save = move |_| {
        let stem = area
            .draft
            .with_untracked(|draft| file_stem(&draft.name, t(Key::ExportOneStem)));
        download(
            &format!("{stem}-{}.csv", t(Key::TeamFileSuffix)),
            "text/csv;charset=utf-8",
            &csv::file(&untrack(|| csv_rows(area, shown)), lang()),
        );
    };
    view! {
        <div class="actions">
            <button type="button" on:click=save>{t(Key::DownloadTeamCsv)}</button>
            <button type="button" on:click=|_| { let _ = window().print(); }>{t(Key::PrintTeam)}</button>
        </div>
    }
}

/// The page's panels: its introduction (a column of the page's layout) and its sections.
#[component]
fn TeamPanels(state: PageState) -> impl IntoView {
    let checked = state.checked;
    let area = SalesTeam::new(&state);
    // The figures, once per change: the results panel shows them and the CSV writes them.
    let shown = Memo::new(move |_| {
        area.schedule
            .with(|schedule| shown(area, schedule.as_ref().ok()?))
    });
    let plan_problem = move || {
        checked
            .with(Result::is_err)
            .then(|| view! { <p class="notice" role="status">{t(Key::TeamNeedsPlan)}</p> })
    };
    view! {
        <OwnPanels
            data=area.data
            name="team"
            intro=[Key::TeamHeading, Key::TeamIntro]
            unreadable=[Key::TeamNewer, Key::TeamDamaged, Key::TeamKeptText, Key::TeamStartAgain]
            sections=move || view! {
                <Later><RolesPanel area /></Later>
                <Later><ResultsPanel area shown /></Later>
            }
        >
            {plan_problem}
            <TeamCsv area shown />
        </OwnPanels>
    }
}

/// The Sales team page (`team.html`).
#[component]
pub fn TeamPage() -> impl IntoView {
    view! { <Shell page=Page::Team content=|state| Content::after_library(view! { <TeamPanels state /> }) /> }
}
