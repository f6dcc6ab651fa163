//! # frist-domain
//!
//! The rules of frist, written once and run unchanged in the browser (the
//! Leptos app), at the edge (the Workers API) and on the command line. The
//! crate does no I/O and never reads the clock: anything that depends on
//! "now" takes `today` as an argument, so every rule can be tested for any
//! date.
//!
//! Rule IDs (CAL-1, ID-4, FB-3 …) refer to the rulebook, `docs/rules.md`:
//! each rule's code and tests name its ID, and `tests/rulebook.rs` fails
//! when an ID in code or tests has no entry there, or an entry no code.

#![warn(missing_docs)]

/// A closed set of names, the same on the wire and in text: snake_case in
/// JSON (serde) and in `Into<&str>`/`FromStr` (strum), iterable, copyable.
#[macro_export]
macro_rules! named_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize,
            strum::EnumIter, strum::IntoStaticStr, strum::EnumString,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        $vis enum $name { $($(#[$vmeta])* $variant),* }
    };
}

pub mod access;
pub mod api;
pub mod calendar;
pub mod fastlege;
pub mod fields;
pub mod frikort;
pub mod fristbrudd;
pub mod ics;
pub mod ids;
pub mod kontroll;
pub mod mail;
pub mod messages;
pub mod oidc;
pub mod table;
pub mod validation;

pub use validation::{Issue, IssueCode, Param, Report, Severity};

/// The build version, shown by the health route and the app's footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
