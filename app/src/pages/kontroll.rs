//! The kontroll pages; their components are in `ui/components/kontroll/`.

pub use crate::ui::components::kontroll::Kontroll;
