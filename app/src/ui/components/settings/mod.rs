//! Settings in the browser: the user's API tokens.
//!
//! One component per file; `pages/settings.rs` names the page.

mod token_table;

pub use token_table::{TokenTable, day};
