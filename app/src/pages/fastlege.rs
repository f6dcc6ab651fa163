//! The fastlege pages; their components are in `ui/components/fastlege/`.

pub use crate::ui::components::fastlege::{
    Chase, FlDashboard, MessageDetail, Messages, NewMessage,
};
