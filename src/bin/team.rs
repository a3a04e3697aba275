//! The browser entry point of the Sales team page (`team.html`).

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::team::TeamPage, true);
}
