//! The Annual plan page: last year's review, the year's goal and what existing customers bring,
//! the plan's rates beside last year's and the typical ranges, and the SMART objectives with
//! their owners, progress and quarterly roadmap.
//!
//! The annual plan is kept in the plan as one text (`PlanDraft::annual`): the page's own data,
//! read and written through [`PageDataOf`] like the Forecast page's.

mod export;
mod goal;
mod last_year;
mod objectives;

use leptos::prelude::*;

use crate::pages::Page;
use crate::ui::later::Later;
use crate::ui::shell::{Content, Shell};
use crate::ui::state::PageState;

use crate::i18n::Key;
use crate::model::annual::goal::{GoalChain, GoalError};
use crate::model::annual::last_year::LastYear;
use crate::model::annual::{AnnualDraft, AnnualError, AnnualField};
use crate::ui::field::{InputField, Kind};
use crate::ui::page_data::{derefs_to_own_page, error_of, OwnPage, OwnPanels};
use crate::ui::text::t;

use export::AnnualCsv;
use goal::GoalPanel;
use last_year::{LastYearPanel, RatesPanel};
use objectives::ObjectivesPanel;

/// Everything the Annual plan area derives from the plan, once per change.
#[derive(Clone, Copy)]
pub struct Annual {
    /// The plan, the annual plan kept in it, and its stages.
    page: OwnPage<AnnualDraft>,
    /// Last year read for the plan's stages, with its fields' problems.
    pub last_year: Memo<(LastYear, Vec<AnnualError>)>,
    /// The chain from the goal to the customers needed (`None` while a field it needs has a
    /// problem or is empty).
    pub chain: Memo<Option<Result<GoalChain, GoalError>>>,
}

derefs_to_own_page!(Annual, AnnualDraft);

impl Annual {
    fn new(state: &PageState) -> Self {
        let page = OwnPage::<AnnualDraft>::new(state);
        let (read, stage_ids) = (page.data.read, page.stage_ids);
        let last_year = Memo::new(move |_| {
            let ids = stage_ids.get();
            read.with(|read| match read {
                Ok(annual) => annual.last_year(&ids),
                Err(_) => (LastYear::default(), Vec::new()),
            })
        });
        Self {
            page,
            last_year,
            chain: goal::goal_chain(page.draft, read, last_year),
        }
    }

    /// A text of the annual plan, as a signal.
    pub fn text(self, read: fn(&AnnualDraft) -> &str) -> Signal<String> {
        Signal::derive(move || self.with(|annual| read(annual).to_owned()))
    }
}

/// A number field of the annual plan: its label and hint (if any) from the catalogue, its text
/// read by `read` and written by `write`, its error among `errors`.
pub fn number_field(
    annual: Annual,
    errors: Memo<Vec<AnnualError>>,
    field: AnnualField,
    label: Key,
    hint: Option<Key>,
    read: fn(&AnnualDraft) -> &str,
    write: fn(&mut AnnualDraft, String),
) -> impl IntoView {
    view! {
        <InputField
            id=annual_field_id(field)
            label=Signal::derive(move || t(label).to_owned())
            value=annual.text(read)
            on_input=Callback::new(move |text: String| annual.edit(|a| write(a, text)))
            error=error_of(errors, field)
            hint=Signal::derive(move || hint.map(|hint| t(hint).to_owned()).unwrap_or_default())
            kind=Kind::Number
        />
    }
}

/// The `id` of the input for an annual plan's field.
pub fn annual_field_id(field: AnnualField) -> String {
    use crate::model::annual::Part;
    match field {
        AnnualField::LastYearStage(id) => format!("last-year-stage-{}", id.0),
        AnnualField::LastYearSpend => "last-year-spend".to_owned(),
        AnnualField::LastYearRevenue => "last-year-revenue".to_owned(),
        AnnualField::LastYearNewRevenue => "last-year-new-revenue".to_owned(),
        AnnualField::GoalRevenue => "annual-revenue-goal".to_owned(),
        AnnualField::Growth => "annual-growth".to_owned(),
        AnnualField::NewCustomers => "annual-new-customers".to_owned(),
        AnnualField::Recurring => "annual-recurring".to_owned(),
        AnnualField::CurrentMrr => "annual-current-mrr".to_owned(),
        AnnualField::Churn => "annual-churn".to_owned(),
        AnnualField::MrrPerCustomer => "annual-mrr-per-customer".to_owned(),
        AnnualField::Existing(Part::Retained) => "existing-retained".to_owned(),
        AnnualField::Existing(Part::Upsell) => "existing-upsell".to_owned(),
        AnnualField::Existing(Part::CrossSell) => "existing-cross-sell".to_owned(),
        AnnualField::Baseline(id) => format!("objective-{id}-baseline"),
        AnnualField::Target(id) => format!("objective-{id}-target"),
        AnnualField::Value(id, month) => format!("objective-{id}-value-{month}"),
    }
}

/// The Annual plan area's panels: its introduction (a column of the page's layout) and its
/// sections (the wide part below).
#[component]
fn AnnualPanels(state: PageState) -> impl IntoView {
    let annual = Annual::new(&state);
    view! {
        <OwnPanels
            data=annual.data
            name="annual"
            intro=[Key::ReviewHeading, Key::AnnualIntro]
            more=Key::AnnualIntroNext
            unreadable=[Key::AnnualNewer, Key::AnnualDamaged, Key::AnnualKeptText, Key::AnnualStartAgain]
            sections=move || view! {
                <Later><LastYearPanel annual /></Later>
                <Later><GoalPanel annual /></Later>
                <Later><RatesPanel annual /></Later>
                <Later><ObjectivesPanel annual /></Later>
            }
        >
            <AnnualCsv annual />
        </OwnPanels>
    }
}

/// The Annual plan page (`review.html`). Its own introduction takes the targets' place: it shows
/// the targets per stage in its objectives, and stays small without the table.
#[component]
pub fn AnnualPage() -> impl IntoView {
    view! { <Shell page=Page::Annual content=|state| Content::after_library(view! { <AnnualPanels state /> }) /> }
}
