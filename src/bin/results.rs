//! The browser entry point of the Results area (`results.html`).

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::results::ResultsPage, true);
}
