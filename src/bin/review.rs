//! The browser entry point of the Annual plan area (`review.html`).

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::annual::AnnualPage, true);
}
