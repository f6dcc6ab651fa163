//! The typed API client: one function per route of
//! [`frist_domain::api::ROUTES`], the wire types from the same crate.
//! Cookies go along automatically (same origin); the browser adds `Origin`
//! to every state-changing request, which the edge's CSRF check requires.

mod admin;
mod client;
mod fastlege;
mod frikort;
mod fristbrudd;
mod home;
mod kontroll;
mod sign_in;

pub use admin::*;
pub use client::*;
pub use fastlege::*;
pub use frikort::*;
pub use fristbrudd::*;
pub use home::*;
pub use kontroll::*;
pub use sign_in::*;
