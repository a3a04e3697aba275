//! Start-up in slices: what the first screen does not need is built after it, each part in a
//! task of its own, so that the browser paints and answers a keystroke between them instead of
//! waiting for one long mount.
//!
//! The slices wait in one queue, in the page's order: a slice made while another is built (a
//! table's rows inside a panel that was itself a slice) comes right after it, before the panels
//! further down. Once the queue is empty the page has started, and what is made from then on (a
//! row added, a table laid out again) is built at once, in the event that made it.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// The slices still to build, each the signal its view waits for, in page order from the
    /// end: the next slice is the last.
    static QUEUE: RefCell<Vec<RwSignal<bool>>> = const { RefCell::new(Vec::new()) };
    /// Where the next slice made goes in the queue: after those the slice being built has made
    /// so far (so a slice's own parts come before the rest of the page, in their order).
    static NEXT_AT: Cell<usize> = const { Cell::new(0) };
    /// Whether a task that builds the next slice is already set.
    static IS_PUMPING: Cell<bool> = const { Cell::new(false) };
    /// Whether the page has started: every slice of its start-up is built.
    static HAS_STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Its children, built in a slice of the start-up of their own once the page around them is
/// built (at once when the page has started already).
#[component]
pub fn Later<V: IntoView + 'static>(children: TypedChildrenFn<V>) -> impl IntoView {
    let children = children.into_inner();
    later(move || children())
}

/// What `build` makes, in a slice of the start-up of its own (at once when the page has
/// started): for the rows of a long table, which would otherwise be built in one task.
pub fn later<V, F>(build: F) -> impl IntoView
where
    V: IntoView + 'static,
    F: Fn() -> V + Send + Sync + 'static,
{
    let is_due = due();
    move || is_due().then(&build)
}

/// `view`, already made, put in the page in a slice of the start-up of its own (at once when
/// the page has started): for the parts of the page's frame below its header.
pub fn later_once(view: AnyView) -> impl IntoView {
    let is_due = due();
    let mut view = Some(view);
    move || is_due().then(|| view.take())
}

/// Whether a part of the page is due to be built: false until its slice comes. It takes its
/// place in the queue when first asked, that is when the page around it is built, so that the
/// slices come in the page's order even though the page's components are all made first.
fn due() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let is_due = RwSignal::new(false);
    let is_placed = RwSignal::new(false);
    move || {
        if !is_placed.get_untracked() {
            is_placed.set(true);
            // Nothing reads either signal yet: setting them wakes no one.
            if HAS_STARTED.get() {
                is_due.set(true);
            } else {
                queue(is_due);
            }
        }
        is_due.get()
    }
}

/// A signal that turns true in a slice of the start-up of its own, in the order it is asked
/// for: for work the first screen can do without (the library's times). True at once when the
/// page has started.
pub fn after_mount() -> ReadSignal<bool> {
    let has_started = HAS_STARTED.get();
    let is_due = RwSignal::new(has_started);
    if !has_started {
        queue(is_due);
    }
    is_due.read_only()
}

/// Puts the slice that sets `is_due` in the queue, after those the slice being built has made
/// so far.
fn queue(is_due: RwSignal<bool>) {
    let at = NEXT_AT.replace(NEXT_AT.get() + 1);
    QUEUE.with_borrow_mut(|queue| queue.insert(queue.len().saturating_sub(at), is_due));
    pump_later();
}

/// The attribute the page's root gets once every slice of its first start-up is built:
/// `static/register-sw.js` registers the service worker then.
pub const STARTED: &str = "data-started";

/// Whether the page has started: every slice of its start-up is built (and what is made from
/// now on is built at once).
pub fn has_started() -> bool {
    HAS_STARTED.get()
}

/// The page is mounted again (in another language): its panels come in slices again.
pub fn restart() {
    HAS_STARTED.set(false);
    NEXT_AT.set(0);
    QUEUE.with_borrow_mut(Vec::clear);
}

/// Sets a task that builds the next slice, unless one is set: each slice's view is built in the
/// microtasks after its task, where the slices it makes join the queue; the next task finds them.
fn pump_later() {
    if IS_PUMPING.replace(true) {
        return;
    }
    set_timeout(
        || {
            IS_PUMPING.set(false);
            NEXT_AT.set(0);
            match QUEUE.with_borrow_mut(Vec::pop) {
                // A page mounted again before this runs has dropped the signal: nothing to
                // build, the next slice is.
                Some(is_due) => {
                    let _ = is_due.try_set(true);
                    pump_later();
                }
                None => {
                    HAS_STARTED.set(true);
                    // register-sw.js waits for it: the service worker's downloads come after.
                    if let Some(root) = document().document_element() {
                        let _ = root.set_attribute(STARTED, "");
                    }
                }
            }
        },
        Duration::ZERO,
    );
}
