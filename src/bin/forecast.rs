//! The browser entry point of the Forecast area (`forecast.html`).

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::forecast::ForecastPage, true);
}
