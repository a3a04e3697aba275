//! Start-up in slices: what the first screen does not need is built after it, each part in a
//! task of its own, so that the browser paints and answers a keystroke between them instead of
//! waiting for one long mount.

use std::time::Duration;

use leptos::prelude::*;

/// Its children, built in a task of their own once the page is mounted: each `Later` of a page
/// is one slice of its start-up, and they come in the order the page makes them (timers of the
/// same delay run in the order they were set).
#[component]
pub fn Later<V: IntoView + 'static>(children: TypedChildrenFn<V>) -> impl IntoView {
    let is_due = after_mount();
    let children = children.into_inner();
    move || is_due.get().then(|| children())
}

/// A signal that turns true in a task of its own once the page is mounted, after the slices
/// made before it: for work the first screen can do without ([`Later`], the library's times).
pub fn after_mount() -> ReadSignal<bool> {
    let is_due = RwSignal::new(false);
    // A page mounted again (another language) before this runs has dropped the signal: then
    // there is nothing to do.
    set_timeout(
        move || {
            let _ = is_due.try_set(true);
        },
        Duration::ZERO,
    );
    is_due.read_only()
}
