//! frist in the browser. The same rules as the edge (`frist-domain`), run on
//! each keystroke; the edge remains the authority.
//!
//! One library, two modules (issue 27): `frist-entry` (`src/bin/entry.rs`),
//! the first download, shows the login page or loads `frist-app`
//! (`src/main.rs`), the signed-in app. Whole files are checked in a Web
//! Worker, `frist-checker` (`checker/`), through [`checker`].

pub mod api;
pub mod assets;
pub mod checker;
mod confirm;
pub mod entry;
mod form;
pub mod i18n;
mod language;
mod pages;
mod search;
pub mod session;
pub mod shell;
mod ui;
