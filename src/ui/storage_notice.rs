//! A visible notice when storage misbehaves. It stays in the page (empty) so that screen readers
//! announce it when text appears.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::storage::StorageIssue;
use crate::ui::text::t;

fn message(issue: StorageIssue) -> &'static str {
    t(match issue {
        StorageIssue::Unavailable => Key::StorageUnavailable,
        StorageIssue::SaveFailed => Key::StorageSaveFailed,
        StorageIssue::Unreadable { is_backed_up: true } => Key::StorageUnreadable,
        StorageIssue::Unreadable {
            is_backed_up: false,
        } => Key::StorageUnreadableLeftInPlace,
        StorageIssue::NewerVersion => Key::StorageNewerVersion,
    })
}

/// The storage notice.
#[component]
pub fn StorageNotice(issue: Signal<Option<StorageIssue>>) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            {move || issue.get().map(|issue| view! { <p>{message(issue)}</p> })}
        </div>
    }
}
