//! The least a Leptos page does: mount one button that counts its clicks.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <footer>
                <button type="button" on:click=move |_| count.update(|count| *count += 1)>
                    "Clicked " {count} " times"
                </button>
            </footer>
        }
    });
}
