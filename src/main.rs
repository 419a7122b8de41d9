//! Segscope's page: mounts the app, nothing else.

mod app;
mod charts;
mod components;
mod download;
mod format;
mod pages;
mod prefs;
mod state;
mod texts;
mod worker;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
