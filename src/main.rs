//! The browser entry point of the Plan area (`index.html`): report panics to the console, then
//! mount the page. The other pages have their own entries in `src/bin/`.

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::plan::PlanPage, true);
}
