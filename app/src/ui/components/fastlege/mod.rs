//! Fastlege in the browser (FL-1 … FL-12): the municipality's guided form
//! for every message kind — checked on each keystroke, with the live
//! timeline and timing class before sending — its messages and dashboard;
//! Helfo's incoming list with registration (FL-8) and the FL-7 chase list.
//!
//! One component per file; `pages/fastlege.rs` names the pages.

mod before_sending;
mod chase;
mod contact_fields;
mod dashboard;
mod endings;
mod fields;
mod kind_fields;
mod list_fields;
mod message_detail;
mod message_facts;
mod message_receipt;
mod message_review;
mod message_row;
mod messages;
mod new_message;
mod substitute_fields;
mod timeline;

pub use chase::Chase;
pub use dashboard::FlDashboard;
pub use message_detail::MessageDetail;
pub use messages::Messages;
pub use new_message::NewMessage;
