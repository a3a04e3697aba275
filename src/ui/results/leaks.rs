//! "Where the funnel leaks": the top stage's volume and each rate, by the customers and revenue
//! they lose (or win) against the plan, the largest loss first; the top one or two losses come
//! with the source articles' advice, and every line shows its arithmetic.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::results::leak::{Advice, Leak, Point};
use crate::model::to_percent;
use crate::ui::results::Tracked;
use crate::ui::table::list_items;
use crate::ui::text::{count, exact, money, needed, percents_apart, t, tf};

/// How many of the largest losses get advice.
const ADVISED: usize = 2;

fn advice_text(advice: Advice) -> &'static str {
    t(match advice {
        Advice::Traffic => Key::AdviceTraffic,
        Advice::LeadCapture => Key::AdviceLeadCapture,
        Advice::Nurturing => Key::AdviceNurturing,
        Advice::BottomOfFunnelOffers => Key::AdviceBottomOffers,
        Advice::SalesProcess => Key::AdviceSalesProcess,
    })
}

/// The point's name: "Visits" (the top's volume) or "Leads → MQLs".
fn point_name(point: Point, names: &[String]) -> String {
    let name = |index: usize| names.get(index).map_or("", String::as_str);
    match point {
        Point::Top => tf(Key::LeakTopName, &[("stage", name(0))]),
        Point::Rate { from } => tf(
            Key::StepName,
            &[("from", name(from)), ("to", name(from + 1))],
        ),
    }
}

/// Two rates (fractions) as percents that read apart when they differ.
fn shares_apart(achieved: f64, planned: f64) -> (String, String) {
    percents_apart(to_percent(achieved), to_percent(planned))
}

/// One leak: its effect, the comparison and, for the largest losses, the advice: "What to fix
/// first" on the largest, "Then" on the next (`rank` 0 and 1).
fn leak_item(leak: &Leak, names: &[String], customers: &str, rank: usize) -> impl IntoView {
    let gained = leak.customers_gained();
    let amount = count(gained.abs());
    let revenue = leak.revenue_gained().map(|revenue| money(revenue.abs()));
    let effect = match (leak.is_loss(), revenue.as_deref()) {
        _ if gained == 0.0 => t(Key::LeakOnPlan).to_owned(),
        (true, Some(revenue)) => tf(
            Key::LeakLost,
            &[
                ("count", &amount),
                ("customers", customers),
                ("revenue", revenue),
            ],
        ),
        (true, None) => tf(
            Key::LeakLostNoRevenue,
            &[("count", &amount), ("customers", customers)],
        ),
        (false, Some(revenue)) => tf(
            Key::LeakGained,
            &[
                ("count", &amount),
                ("customers", customers),
                ("revenue", revenue),
            ],
        ),
        (false, None) => tf(
            Key::LeakGainedNoRevenue,
            &[("count", &amount), ("customers", customers)],
        ),
    };
    let (achieved, planned) = match leak.point {
        Point::Top => (count(leak.achieved), needed(leak.planned)),
        Point::Rate { .. } => shares_apart(leak.achieved, leak.planned),
    };
    let comparison = tf(
        Key::LeakComparison,
        &[
            ("achieved", &achieved),
            ("planned", &planned),
            ("months", &leak.months_counted.to_string()),
        ],
    );
    let advice = (rank < ADVISED && leak.is_loss()).then(|| {
        let lead = if rank == 0 {
            Key::AdviceLead
        } else {
            Key::AdviceNext
        };
        view! {
            <p class="advice">
                <strong>{t(lead)}</strong>
                " "
                {advice_text(leak.advice)}
            </p>
        }
    });
    let headline = tf(
        Key::LeakHeadline,
        &[
            ("point", &point_name(leak.point, names)),
            ("effect", &effect),
        ],
    );
    view! {
        <li class:loss=leak.is_loss()>
            <p class="leak-headline">{headline}</p>
            <p class="note">{comparison}</p>
            {advice}
        </li>
    }
}

/// The arithmetic of one leak, with its own numbers: "Leads → MQLs: Customers planned …".
fn leak_how(leak: &Leak, names: &[String], customers: &str) -> String {
    // Its size: the headline says whether it is lost or won (no figure is shown negative).
    let gained = leak.customers_gained();
    // Unrounded, so the figures multiply out as written.
    let (achieved, planned) = match leak.point {
        Point::Top => (exact(leak.achieved), exact(leak.planned)),
        Point::Rate { .. } => shares_apart(leak.achieved, leak.planned),
    };
    if gained == 0.0 {
        return tf(
            Key::LeakHeadline,
            &[
                ("point", &point_name(leak.point, names)),
                (
                    "effect",
                    &tf(Key::HowLeakOnPlan, &[("achieved", &achieved)]),
                ),
            ],
        );
    }
    let mut how = tf(
        Key::HowLeak,
        &[
            ("customers", customers),
            ("customers_planned", &exact(leak.customers_planned)),
            ("achieved", &achieved),
            ("planned", &planned),
            ("at_results", &exact(leak.customers_at_results)),
            ("gained", &exact(gained.abs())),
        ],
    );
    if let (Some(average), Some(revenue)) = (leak.average_revenue, leak.revenue_gained()) {
        how.push(' ');
        how.push_str(&tf(
            Key::HowLeakRevenue,
            &[
                ("gained", &exact(gained.abs())),
                ("average", &money(average)),
                ("revenue", &money(revenue.abs())),
            ],
        ));
    }
    tf(
        Key::LeakHeadline,
        &[("point", &point_name(leak.point, names)), ("effect", &how)],
    )
}

/// The diagnosis panel.
#[component]
pub fn LeakPanel(tracked: Tracked) -> impl IntoView {
    let content = move || {
        let names = tracked.stage_names.get();
        let customers = names.last().cloned().unwrap_or_default();
        tracked.leaks.with(|leaks| {
            if leaks.is_empty() {
                return view! { <p class="note">{t(Key::LeaksNone)}</p> }.into_any();
            }
            let items = leaks
                .iter()
                .enumerate()
                .map(|(rank, leak)| leak_item(leak, &names, &customers, rank))
                .collect_view();
            view! {
                <p class="note">{t(Key::LeaksIntro)}</p>
                <ol class="leaks">{items}</ol>
            }
            .into_any()
        })
    };
    // Outside the list written again on each change, so it stays open while results are typed.
    let how = move || {
        let names = tracked.stage_names.get();
        let customers = names.last().cloned().unwrap_or_default();
        tracked.leaks.with(|leaks| {
            list_items(
                leaks
                    .iter()
                    .map(|leak| leak_how(leak, &names, &customers))
                    .collect(),
            )
        })
    };
    let has_leaks = move || tracked.leaks.with(|leaks| !leaks.is_empty());
    view! {
        <section class="card" aria-labelledby="leaks-heading" hidden=move || tracked.standing.with(Option::is_none)>
            <h2 id="leaks-heading">{t(Key::LeaksHeading)}</h2>
            {content}
            <details class="how" hidden=move || !has_leaks()>
                <summary>{t(Key::HowHeading)}</summary>
                <ol>{how}</ol>
            </details>
        </section>
    }
}
