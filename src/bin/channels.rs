//! The browser entry point of the Channels and KPIs area (`channels.html`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(funnel_planner::ui::ChannelsApp);
}
