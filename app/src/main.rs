//! frist in the browser. The same rules as the edge (`frist-domain`), run on
//! each keystroke; the edge remains the authority.

mod api;
mod confirm;
mod form;
mod i18n;
mod language;
mod pages;
mod search;
mod session;
mod shell;
mod ui;

fn main() {
    console_error_panic_hook::set_once();
    i18n::mark_document();
    leptos::mount::mount_to_body(shell::App);
}
