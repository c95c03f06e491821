//! The extract stage: from an annotated document to quantities, attributions, certainty, typed
//! events, facts about actors and assessments (types in `dossier_core::claims`).
//!
//! Every function here is pure: text, spans and earlier annotations in, typed items out. Nothing
//! reads the clock and no span is rewritten.
pub mod attribution;
pub mod certainty;
pub mod quantity;
pub mod muc4;
