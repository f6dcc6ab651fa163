//! The SQL of frist's tables, one module per table group: handlers call
//! typed functions here and never write SQL themselves. Each function
//! either runs a read or returns a prepared statement for the caller's
//! batch, so a change and its audit entry stay atomic. [`crate::db`] holds
//! the low-level binding helpers.

pub mod audit;
pub mod fastlege;
pub mod frikort;
pub mod fristbrudd;
pub mod idempotency;
pub mod identities;
pub mod kontroll;
pub mod logins;
pub mod organisations;
pub mod outbox;
pub mod sessions;
pub mod tokens;
pub mod users;
