//! The browser entry point of the blog embed (`embed.html`): the calculator without the plan
//! library, started from its URL's query.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(funnel_planner::ui::embed::EmbedApp);
}
