//! The app's user interface: its components, one per file, grouped by
//! area (`components/<area>/<component>.rs`). The pages (`crate::pages`)
//! compose them.

pub mod components;
