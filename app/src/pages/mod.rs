//! One module per page, and the page table that routes them.

pub mod admin;
pub mod audit;
pub mod fastlege;
pub mod frikort;
pub mod fristbrudd;
pub mod home;
pub mod identities;
pub mod kontroll;
pub mod login;
pub mod mail;
pub mod outbox;
pub mod settings;
pub mod table;
