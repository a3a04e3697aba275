//! The build's view of the site, from the one page list (`funnel_planner::pages`), run natively:
//!
//! - `site pages`: one line per page, `entry bin feature budget stylesheet` (`-` for none), which
//!   the build and size scripts read instead of keeping lists of their own;
//! - `site catalogues <dir>`: writes the catalogue files of every page and language into `dir`
//!   from the typed catalogues, and prints their names;
//! - `site frame <entry>`: the HTML of what the page shows before its wasm runs (its header, in
//!   English; for the embed, its header and the parts of its first screen, fields empty), which
//!   the build writes into the page's HTML.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use funnel_planner::pages::Page;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["pages"] => {
            for page in Page::ALL {
                println!(
                    "{} {} {} {} {}",
                    page.entry(),
                    page.bin(),
                    page.feature().unwrap_or("-"),
                    page.budget(),
                    page.stylesheet().unwrap_or("-"),
                );
            }
            std::process::ExitCode::SUCCESS
        }
        ["catalogues", dir] => {
            for (name, text) in funnel_planner::i18n::catalogue_files() {
                if let Err(error) = std::fs::write(std::path::Path::new(dir).join(&name), text) {
                    eprintln!("{dir}/{name}: {error}");
                    return std::process::ExitCode::FAILURE;
                }
                println!("{name}");
            }
            std::process::ExitCode::SUCCESS
        }
        ["frame", entry] => match Page::ALL.into_iter().find(|page| page.entry() == *entry) {
            Some(Page::Embed) => {
                println!("{}", funnel_planner::ui::embed::embed_frame());
                std::process::ExitCode::SUCCESS
            }
            Some(page) => {
                println!("{}", funnel_planner::ui::shell::header_frame(page));
                std::process::ExitCode::SUCCESS
            }
            None => {
                eprintln!("site frame: no page {entry}");
                std::process::ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("usage: site pages | site catalogues <dir> | site frame <entry>");
            std::process::ExitCode::FAILURE
        }
    }
}

/// A page's wasm never runs this tool.
#[cfg(target_arch = "wasm32")]
fn main() {}
