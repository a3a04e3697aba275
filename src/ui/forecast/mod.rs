//! The Forecast area: when each stage must happen (monthly phasing and the days each stage
//! takes, over the plan year), scenarios side by side, which rates matter most (headroom and a
//! tornado over the ranges), and the odds of reaching the goal (a seeded Monte Carlo run).
//!
//! The forecast's inputs are kept in the plan as one text (`PlanDraft::forecast`): the page's
//! own data, read and written through [`PageDataOf`] like the Annual plan page's.

mod export;
mod odds;
mod pipeline;
mod scenarios;
mod sensitivity;
mod timing;

use leptos::prelude::*;

use crate::pages::Page;
use crate::ui::later::Later;
use crate::ui::shell::{Content, Shell};
use crate::ui::state::PageState;

use crate::i18n::Key;
use crate::model::forecast::draft::{
    blocking_field, ForecastDraft, ForecastError, ForecastField, Ranges,
};
use crate::model::forecast::timing::Schedule;
use crate::model::results::PlanYear;
use crate::model::{InputError, Plan};
use crate::ui::browser::focus_later;
use crate::ui::browser::this_month;
use crate::ui::field::{InputField, Kind};
use crate::ui::page_data::{derefs_to_own_page, error_of, OwnPage, OwnPanels};
use crate::ui::text::{t, tf};

use export::ForecastCsv;
use odds::OddsPanel;
use pipeline::PipelinePanel;
use scenarios::ScenariosPanel;
use sensitivity::SensitivityPanel;
use timing::TimingPanel;

/// Everything the Forecast area derives from the plan, once per change.
#[derive(Clone, Copy)]
pub struct Forecast {
    /// The plan, the forecast kept in it, and its stages.
    page: OwnPage<ForecastDraft>,
    /// The ranges read around the plan's values (none while the plan has a problem).
    pub ranges: Memo<Ranges>,
    /// Every problem of the forecast's fields.
    pub errors: Memo<Vec<ForecastError>>,
    /// The plan year (its first month: the Results area's).
    pub plan_year: Memo<PlanYear>,
    /// What each stage must reach each month (none while the plan or a field has a problem).
    pub schedule: Memo<Option<Schedule>>,
}

derefs_to_own_page!(Forecast, ForecastDraft);

impl Forecast {
    fn new(state: &PageState) -> Self {
        let page = OwnPage::<ForecastDraft>::new(state);
        let OwnPage {
            draft,
            checked,
            targets,
            stage_ids,
            ..
        } = page;
        let read = page.data.read;
        // The plan's rates (fractions) and average revenue, which the ranges are read around.
        let values = Memo::new(move |_| {
            checked.with(|checked| {
                checked.as_ref().ok().map(|plan: &Plan| {
                    let rates: Vec<f64> =
                        plan.funnel.rates().iter().map(|r| r.fraction()).collect();
                    (rates, plan.average_revenue_per_customer)
                })
            })
        });
        let ranges = Memo::new(move |_| {
            let ids = stage_ids.get();
            read.with(|read| {
                values.with(|values| match (read, values) {
                    (Ok(forecast), Some((rates, average))) => {
                        forecast.ranges(&ids, rates, *average).0
                    }
                    _ => Ranges::default(),
                })
            })
        });
        let errors = Memo::new(move |_| {
            let ids = stage_ids.get();
            read.with(|read| {
                values.with(|values| match read {
                    Ok(forecast) => {
                        let (rates, average) = values.clone().unwrap_or_default();
                        forecast.errors(&ids, &rates, average)
                    }
                    Err(_) => Vec::new(),
                })
            })
        });
        let plan_year =
            Memo::new(move |_| draft.with(|draft| draft.tracking.plan_year(this_month())));
        let schedule = Memo::new(move |_| {
            let ids = stage_ids.get();
            targets.with(|targets| {
                let Some(Ok(targets)) = targets else {
                    return None;
                };
                let yearly: Vec<f64> = targets.stages.iter().map(|stage| stage.per_year).collect();
                read.with(|read| read.as_ref().ok()?.schedule(&ids, &yearly))
            })
        });
        Self {
            page,
            ranges,
            errors,
            plan_year,
            schedule,
        }
    }

    /// The error of `field`, as a signal.
    pub fn error(self, field: ForecastField) -> Signal<Option<InputError>> {
        error_of(self.errors, field)
    }

    /// The number field of `field`: its label, its text, its error; "%" after it when
    /// `is_percent`. (One function for every field, so the page carries one copy of it.)
    pub fn field(self, field: ForecastField, label: Signal<String>, is_percent: bool) -> AnyView {
        let value = Signal::derive(move || self.with(|f| f.text(field).to_owned()));
        let on_input = Callback::new(move |text: String| self.edit(|f| f.set(field, text)));
        let id = field_id(field);
        let error = self.error(field);
        if is_percent {
            view! { <InputField id label value on_input error kind=Kind::Number suffix="%" /> }
                .into_any()
        } else {
            view! { <InputField id label value on_input error kind=Kind::Number /> }.into_any()
        }
    }

    /// The first field with a problem that a section reads (`feeds`).
    pub fn blocker(self, feeds: fn(ForecastField) -> bool) -> Option<ForecastField> {
        self.errors.with(|errors| blocking_field(errors, feeds))
    }

    /// What a section shows while `field` stops it: the field named, as a link that moves the
    /// focus to it (as the Plan page's problems do).
    pub fn waits_for(self, field: ForecastField) -> AnyView {
        let id = field_id(field);
        view! {
            <p class="problem">
                {t(Key::SectionWaitsFor)} " "
                <button type="button" class="link" on:click=move |_| focus_later(id.clone())>
                    {self.label(field)}
                </button>
            </p>
        }
        .into_any()
    }

    /// The label of `field`: what its input is labelled with (the days, the ranges' ends and
    /// the seed, built here once), and how a section that it stops names it.
    pub fn label(self, field: ForecastField) -> String {
        let index = |id| {
            self.stage_ids
                .with(|ids| ids.iter().position(|at| *at == id).unwrap_or(0))
        };
        match field {
            ForecastField::Days(id) => self.stage_names.with(|names| {
                let name = |at: usize| names.get(at).cloned().unwrap_or_default();
                let at = index(id);
                tf(
                    Key::DaysLabel,
                    &[("from", &name(at)), ("to", &name(at + 1))],
                )
            }),
            ForecastField::Low(id) | ForecastField::High(id) => {
                let key = if matches!(field, ForecastField::Low(_)) {
                    Key::RangeLowLabel
                } else {
                    Key::RangeHighLabel
                };
                tf(key, &[("step", &self.step(index(id)))])
            }
            other => t(match other {
                ForecastField::RevenueLow => Key::RevenueLowLabel,
                ForecastField::RevenueHigh => Key::RevenueHighLabel,
                ForecastField::Seed => Key::SeedLabel,
                ForecastField::ScenarioPercent => Key::ScenarioPercentLabel,
                _ => Key::WeightsLegend,
            })
            .to_owned(),
        }
    }

    /// The number field of `field` with its own label ([`Self::label`]).
    pub fn labelled(self, field: ForecastField, is_percent: bool) -> AnyView {
        self.field(field, Signal::derive(move || self.label(field)), is_percent)
    }

    /// "From → To" for the rate of stage `index` into the next.
    pub fn step(self, index: usize) -> String {
        self.stage_names.with(|names| {
            let name = |at: usize| names.get(at).cloned().unwrap_or_default();
            tf(
                Key::ForecastStep,
                &[("from", &name(index)), ("to", &name(index + 1))],
            )
        })
    }
}

/// The `id` of the input for a forecast's field.
pub fn field_id(field: ForecastField) -> String {
    match field {
        ForecastField::Weight(month) => format!("weight-{month}"),
        ForecastField::Weights => "weight-0".to_owned(),
        ForecastField::Days(id) => format!("days-{}", id.0),
        ForecastField::Low(id) => format!("range-low-{}", id.0),
        ForecastField::High(id) => format!("range-high-{}", id.0),
        ForecastField::RevenueLow => "revenue-low".to_owned(),
        ForecastField::RevenueHigh => "revenue-high".to_owned(),
        ForecastField::Seed => "seed".to_owned(),
        ForecastField::ScenarioPercent => "scenario-percent".to_owned(),
    }
}

/// The Forecast area's panels: its introduction (a column of the page's layout) and its
/// sections (the wide part below).
#[component]
fn ForecastPanels(state: PageState) -> impl IntoView {
    let (planner, checked) = (state.planner, state.checked);
    let forecast = Forecast::new(&state);
    let plan_problem = move || {
        checked
            .with(Result::is_err)
            .then(|| view! { <p class="notice" role="status">{t(Key::ForecastNeedsPlan)}</p> })
    };
    view! {
        <OwnPanels
            data=forecast.data
            name="forecast"
            intro=[Key::ForecastHeading, Key::ForecastIntro]
            unreadable=[Key::ForecastNewer, Key::ForecastDamaged, Key::ForecastKeptText, Key::ForecastStartAgain]
            sections=move || view! {
                <Later><TimingPanel forecast /></Later>
                <Later><PipelinePanel forecast /></Later>
                <Later><OddsPanel forecast /></Later>
                <Later><SensitivityPanel forecast /></Later>
                <Later><ScenariosPanel forecast planner /></Later>
            }
        >
            {plan_problem}
            <ForecastCsv forecast />
        </OwnPanels>
    }
}

/// The Forecast page (`forecast.html`). The forecast works out the little it needs of the
/// channels itself: the page carries no channel report.
#[component]
pub fn ForecastPage() -> impl IntoView {
    view! { <Shell page=Page::Forecast content=|state| Content::after_library(view! { <ForecastPanels state /> }) /> }
}
