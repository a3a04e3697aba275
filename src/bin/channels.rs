//! The browser entry point of the Channels and KPIs area (`channels.html`).

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::channels::ChannelsPage, true);
}
