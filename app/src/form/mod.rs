//! Form parts in Designsystemet's field pattern (label, description, input,
//! validation message) and the one error summary per form, whose links move
//! focus to the field. Errors show after the first submit attempt, then
//! update on every change.

pub mod draft;
mod fields;
mod hook;
mod lists;
mod parts;
mod review;
mod send;
mod summary;

pub use fields::*;
pub use hook::*;
pub use lists::*;
pub use parts::*;
pub use review::*;
pub use send::*;
pub use summary::*;
