//! The plan year's first month: a setting of the plan, shown and changed wherever months appear
//! (the Results grid, the Annual plan's deadlines, the Forecast's schedule), one field for all.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::results::PlanYear;
use crate::model::PlanDraft;
use crate::ui::browser::{month_label, MonthStyle};
use crate::ui::text::t;

/// "Plan year starts in": a month picker holding `plan_year`'s first month. A browser without a
/// month picker shows a text box: what it cannot read is said next to it, and the plan year
/// stays as it was.
///
/// A plain function rather than a component: the page stays smaller.
pub fn plan_year_field(draft: RwSignal<PlanDraft>, plan_year: Memo<PlanYear>) -> impl IntoView {
    let is_invalid = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let start = PlanYear::parse(&event_target_value(&ev));
        is_invalid.set(start.is_none());
        if let Some(start) = start {
            draft.update(|draft| draft.tracking.start = Some(start));
        }
    };
    view! {
        <div class="field inline">
            <label for="plan-year">{t(Key::PlanYearLabel)}</label>
            <input
                id="plan-year"
                type="month"
                required
                prop:value=move || plan_year.get().month_at(0).code()
                on:change=on_change
                aria-invalid=move || if is_invalid.get() { "true" } else { "false" }
                aria-describedby=move || if is_invalid.get() { "plan-year-hint plan-year-error" } else { "plan-year-hint" }
            />
            // A printout shows the month as the page names it ("January 2027").
            <span class="print-value">
                {move || {
                    let first = plan_year.get().month_at(0);
                    month_label(first.year, first.month, MonthStyle::Long)
                }}
            </span>
            <p class="hint" id="plan-year-hint">{t(Key::PlanYearHint)}</p>
            <p class="error" id="plan-year-error" hidden=move || !is_invalid.get()>{t(Key::PlanYearError)}</p>
        </div>
    }
}
