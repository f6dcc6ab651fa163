//! The frikort pages; their components are in `ui/components/frikort/`.

pub use crate::ui::components::frikort::{ClaimDetail, Claims, NewClaimForm};
