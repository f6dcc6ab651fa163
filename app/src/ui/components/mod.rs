//! Components by area: each file holds one component (with the small
//! helpers only it uses), named after it.

pub mod admin;
pub mod fastlege;
pub mod frikort;
pub mod fristbrudd;
pub mod kontroll;
pub mod settings;
