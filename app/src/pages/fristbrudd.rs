//! The fristbrudd pages; their components are in `ui/components/fristbrudd/`.

pub use crate::ui::components::fristbrudd::{
    CaseDetail, CaseList, CoverSheet, NewCase, Queue, Stats,
};
