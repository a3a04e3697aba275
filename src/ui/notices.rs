//! What the person must know about their plans, near the top of the page: storage trouble (with
//! a way to keep the work), data set aside or left for a newer version, a plan changed in
//! another tab, a shared plan being viewed, and the outcome of the last action.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::library::Notice;
use crate::model::merge::Clash;
use crate::model::PlanDraft;
use crate::storage::{StorageIssue, Unreadable};
use crate::ui::browser::{download, keep_focus_above_conflict, today};
use crate::ui::library::export_all;
use crate::ui::planner::{Planner, Status, STATUS_MESSAGE};
use crate::ui::text::{plan_label, stage_label, t, tf, tp};

/// All notices, in order of urgency.
#[component]
pub fn Notices(planner: Planner) -> impl IntoView {
    view! {
        <div class="notices">
            <ConflictNotice planner />
            <SharedBanner planner />
            <StorageNotice planner />
            <UnreadableNotice planner />
            <NewerNotice planner />
            <StatusLine planner />
        </div>
    }
}

/// Storage is unavailable, or a save was refused. Stays in the page (empty) so screen readers
/// announce it when text appears.
#[component]
fn StorageNotice(planner: Planner) -> impl IntoView {
    view! {
        <div role="status">
            {move || {
                planner.issue().map(|issue| {
                    let message = t(match issue {
                        StorageIssue::Unavailable => Key::StorageUnavailable,
                        StorageIssue::SaveFailed => Key::StorageSaveFailed,
                        StorageIssue::NewerVersion => Key::StorageNewerVersion,
                    });
                    view! {
                        <div class="notice">
                            <p>{message}</p>
                            <button type="button" on:click=move |_| export_all(planner)>
                                {t(Key::ExportAll)}
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// Saved data that could not be read: its text is kept and can be downloaded.
#[component]
fn UnreadableNotice(planner: Planner) -> impl IntoView {
    let item = move |index: usize, kept: Unreadable| {
        let file_name = format!(
            "{}-{}-{}.txt",
            t(Key::UnreadableFileStem),
            today(),
            index + 1
        );
        let text = kept.text.clone();
        let key = kept.key.clone();
        let message = if kept.is_backed_up {
            Key::UnreadableKept
        } else {
            Key::UnreadableLeftInPlace
        };
        view! {
            <li>
                <p>{t(message)}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| download(&file_name, "text/plain;charset=utf-8", &text)>
                        {t(Key::DownloadUnreadable)}
                    </button>
                    <button type="button" class="danger" on:click=move |_| planner.discard_unreadable(&key)>
                        {t(Key::DiscardUnreadable)}
                    </button>
                </div>
            </li>
        }
    };
    view! {
        {move || {
            let kept = planner.unreadable();
            (!kept.is_empty())
                .then(|| {
                    view! {
                        <div class="notice" role="region" aria-labelledby="unreadable-heading">
                            <h2 id="unreadable-heading">{t(Key::UnreadableHeading)}</h2>
                            <ul class="plain">{kept.into_iter().enumerate().map(|(index, kept)| item(index, kept)).collect_view()}</ul>
                        </div>
                    }
                })
        }}
    }
}

/// Plans saved by a newer version: left untouched, with a copy to work on where one can be read.
#[component]
fn NewerNotice(planner: Planner) -> impl IntoView {
    move || {
        let newer = planner.newer();
        (!newer.is_empty()).then(|| {
            let count = newer.len().to_string();
            view! {
                <div class="notice" role="region" aria-labelledby="newer-text">
                    <p id="newer-text">{tf(Key::NewerVersions, &[("count", &count)])}</p>
                    <ul class="plain">
                        {newer
                            .into_iter()
                            .filter_map(|plan| {
                                let name = plan_label(&plan.copy?.name);
                                let key = plan.key;
                                Some(view! {
                                    <li>
                                        <button type="button" on:click=move |_| planner.open_newer_copy(&key)>
                                            {tf(Key::OpenNewerCopy, &[("name", &name)])}
                                        </button>
                                    </li>
                                })
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Another tab changed or deleted the plan being edited here. Fixed at the foot of the window, so
/// it is in view wherever the person is typing, and announced at once; the field being typed in
/// is kept clear of it. It names the fields both tabs changed.
#[component]
fn ConflictNotice(planner: Planner) -> impl IntoView {
    move || {
        planner.question().map(|question| {
            let is_deleted = question.is_deleted_there;
            let copy_name = question.copy_name.map(|name| plan_label(&name)).unwrap_or_default();
            let message = if is_deleted {
                t(Key::ConflictDeleted).to_owned()
            } else {
                // Named as the plan stood when the question was put: typing meanwhile does not
                // build the question again (nor move the page under it).
                let fields = planner
                    .draft()
                    .with_untracked(|draft| clash_names(&question.clashes, draft));
                tf(Key::ConflictChanged, &[("fields", &fields), ("name", &copy_name)])
            };
            // Once it is on screen, the field being typed in moves clear of it.
            request_animation_frame(keep_focus_above_conflict);
            view! {
                <div class="notice conflict" role="alert">
                    <p>{message}</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| planner.keep_mine()>
                            {t(if is_deleted { Key::ConflictRestore } else { Key::ConflictKeepMine })}
                        </button>
                        <button type="button" on:click=move |_| planner.take_theirs()>
                            {t(if is_deleted { Key::ConflictOpenAnother } else { Key::ConflictUseTheirs })}
                        </button>
                        {(!is_deleted).then(|| view! {
                            <button type="button" on:click=move |_| planner.keep_both()>
                                {t(Key::ConflictKeepBoth)}
                            </button>
                        })}
                    </div>
                </div>
            }
        })
    }
}

/// The fields both tabs changed, as the page names them ("Revenue goal, Visits to Leads rate").
fn clash_names(clashes: &[Clash], draft: &PlanDraft) -> String {
    let stage = |id| {
        let position = draft.position(id)?;
        let name = |at: usize| {
            draft
                .stages
                .get(at)
                .map(|stage| stage_label(&stage.name, at))
        };
        Some((position, name(position)?, name(position + 1)))
    };
    let names: Vec<String> = clashes
        .iter()
        .map(|clash| match clash {
            Clash::Name => t(Key::PlanNameLabel).to_owned(),
            Clash::GoalKind => t(Key::GoalFromLegend).to_owned(),
            Clash::RevenueGoal => t(Key::RevenueGoalLabel).to_owned(),
            Clash::NewCustomersGoal => t(Key::NewCustomersGoalLabel).to_owned(),
            Clash::AverageRevenue => t(Key::AverageRevenueLabel).to_owned(),
            Clash::CurrentTopPerMonth => {
                let top = draft
                    .stages
                    .first()
                    .map(|stage| stage_label(&stage.name, 0))
                    .unwrap_or_default();
                tf(Key::CurrentTopLabel, &[("top", &top)])
            }
            Clash::Currency => t(Key::CurrencyLabel).to_owned(),
            Clash::StageName(id) => {
                let number = stage(*id).map_or(0, |(position, _, _)| position) + 1;
                tf(Key::StageNameLabel, &[("number", &number.to_string())])
            }
            Clash::StageRate(id) => {
                let (_, from, to) = stage(*id).unwrap_or_default();
                tf(
                    Key::RateLabel,
                    &[("from", &from), ("to", &to.unwrap_or_default())],
                )
            }
            Clash::Stages => t(Key::StagesHeading).to_owned(),
            Clash::Marketing => t(Key::AreaChannels).to_owned(),
            Clash::PlanYear => t(Key::PlanYearLabel).to_owned(),
            Clash::Results => t(Key::AreaResults).to_owned(),
            Clash::Annual { item: Some(item) } => tf(
                Key::ClashIn,
                &[("area", t(Key::AreaReview)), ("item", item)],
            ),
            Clash::Annual { item: None } => t(Key::AreaReview).to_owned(),
            Clash::Forecast => t(Key::AreaForecast).to_owned(),
        })
        .collect();
    names.join(", ")
}

/// A plan opened from a share link, not saved until the person asks.
#[component]
fn SharedBanner(planner: Planner) -> impl IntoView {
    move || {
        planner.is_shared().then(|| {
            view! {
                <div class="notice shared" role="region" aria-labelledby="shared-text">
                    <p id="shared-text">{t(Key::SharedViewing)}</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| planner.save_shared()>
                            {t(Key::SaveSharedCopy)}
                        </button>
                        <button type="button" on:click=move |_| planner.close_shared()>
                            {t(Key::CloseShared)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// The outcome of the last action (with "Undo" after a delete). Always in the page, so screen
/// readers announce changes.
#[component]
fn StatusLine(planner: Planner) -> impl IntoView {
    view! {
        <div class="status" role="status">
            {move || {
                planner.status().map(|status| {
                    let undo = match &status {
                        Status::Library(Notice::Deleted { id, .. }) => Some(id.clone()),
                        _ => None,
                    };
                    let message = match status {
                        Status::Library(notice) => notice_text(notice),
                        Status::ShareDamaged => t(Key::StatusShareDamaged).to_owned(),
                        Status::ShareNewer => t(Key::StatusShareNewer).to_owned(),
                        Status::LinkNotHere { fragment, shown } => tf(
                            Key::StatusLinkNotHere,
                            &[("fragment", &fragment), ("shown", &shown)],
                        ),
                        Status::LinkValuesReplaced(names) => {
                            tf(Key::LinkValuesIgnored, &[("names", &names)])
                        }
                    };
                    // Focusable (not in the tab order) so an import can bring it into view.
                    view! {
                        <p id=STATUS_MESSAGE tabindex="-1">
                            {message}
                            {undo.map(|id| view! {
                                " "
                                <button type="button" on:click=move |_| planner.restore(id.clone())>
                                    {t(Key::Undo)}
                                </button>
                            })}
                        </p>
                    }
                })
            }}
        </div>
    }
}

/// The status line's words for the outcome of an action on the library.
fn notice_text(notice: Notice) -> String {
    match notice {
        Notice::Deleted { name, .. } => tf(Key::StatusDeleted, &[("name", &plan_label(&name))]),
        Notice::Restored { name } => tf(Key::StatusRestored, &[("name", &plan_label(&name))]),
        Notice::Imported { count } => tp(
            Key::StatusImported,
            count as f64,
            &[("count", &count.to_string())],
        ),
        Notice::NothingNewToImport => t(Key::StatusNothingNewToImport).to_owned(),
        Notice::UpdatedFromOtherTab => t(Key::StatusUpdatedFromOtherTab).to_owned(),
        Notice::SavedCopy { name } => tf(Key::StatusSavedCopy, &[("name", &plan_label(&name))]),
    }
}
