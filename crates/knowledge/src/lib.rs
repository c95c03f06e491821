//! The knowledge layer: analyse stored documents (stages 2–3), fuse what they say across
//! documents (stage 4) and answer with cited dossiers, timelines, questions and exports (stage 5).

pub mod analyze;

pub use analyze::{analyze, Analysis, Resources, ANALYZER};
