//! What every page of the full app derives from the open plan, once per change: the plan checked
//! field by field, its targets and the marketing report; and the plans the app starts from.

use leptos::prelude::*;

use crate::i18n::{Key, EXAMPLE_STAGE_KEYS, USUAL_CHANNEL_KEYS};
use crate::model::channels::Report;
use crate::model::{reverse, FieldError, FunnelError, MarketingDraft, Plan, PlanDraft, Targets};
use crate::ui::planner::Planner;
use crate::ui::text::{lang, t, with_shown_names};

/// What a page's content is given by the shell: the plan library, the open plan as typed, and
/// what is derived from it.
#[derive(Clone, Copy)]
pub struct PageState {
    pub planner: Planner,
    pub draft: RwSignal<PlanDraft>,
    pub checked: Checked,
    pub targets: TargetsMemo,
    /// The address fragment that keeps the open plan when moving to another page.
    pub plan_fragment: Memo<String>,
}

impl PageState {
    /// The open plan's shared state: checked as the page names it (the stages and channels the
    /// app named, in the page's language; the plan keeps them as given), and its targets.
    pub fn new(planner: Planner) -> Self {
        let draft = planner.draft();
        let checked: Checked = Memo::new(move |_| {
            draft.with(|draft| {
                let named = with_shown_names(draft);
                let draft = named.as_ref().unwrap_or(draft);
                draft.validate(draft.typed_in.symbols())
            })
        });
        let targets: TargetsMemo =
            Memo::new(move |_| checked.with(|checked| checked.as_ref().ok().map(reverse)));
        Self {
            planner,
            draft,
            checked,
            targets,
            plan_fragment: Memo::new(move |_| planner.fragment_to_keep()),
        }
    }

    /// The marketing figures, made only by the pages that show them (so the Annual plan page
    /// carries none of their code).
    pub fn report(self) -> ReportMemo {
        let (draft, checked) = (self.draft, self.checked);
        Memo::new(move |_| {
            draft.with(|draft| {
                checked.with(|checked| {
                    let named = with_shown_names(draft);
                    let draft = named.as_ref().unwrap_or(draft);
                    Report::new(draft, checked.as_ref().ok(), draft.typed_in.symbols())
                })
            })
        })
    }
}

/// The plan checked field by field: a valid plan, or the problems to show.
pub type Checked = Memo<Result<Plan, Vec<FieldError>>>;

/// The funnel targets of a valid plan (`None` while the plan has problems), computed once per
/// change for the table and the CSV.
pub type TargetsMemo = Memo<Option<Result<Targets, FunnelError>>>;

/// The marketing figures (channels, budget, KPIs), computed once per change.
pub type ReportMemo = Memo<Report>;

/// The worked example, named in the page's language, with the usual channels (nothing typed in
/// them).
pub fn example_plan() -> PlanDraft {
    let mut draft = PlanDraft::example(t(Key::ExamplePlanName), EXAMPLE_STAGE_KEYS.map(t), lang());
    draft.marketing = MarketingDraft::with_channels(&usual_channels());
    draft
}

/// How "New plan" starts: the example's funnel and typical rates, with the goal and average
/// revenue left for the person to type (the example's figures show as placeholders).
pub fn new_plan_draft() -> PlanDraft {
    example_plan().without_goal()
}

/// The usual channels, named in the page's language.
pub fn usual_channels() -> [&'static str; 6] {
    USUAL_CHANNEL_KEYS.map(t)
}
