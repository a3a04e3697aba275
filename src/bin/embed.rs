//! The browser entry point of the blog embed (`embed.html`): the calculator without the plan
//! library, started from its URL's query.

fn main() {
    console_error_panic_hook::set_once();
    funnel_planner::ui::mount(funnel_planner::ui::embed::EmbedApp, false);
}
