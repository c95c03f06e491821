//! The extract stage: from an annotated document to quantities, attributions, certainty, typed
//! events, facts about actors and assessments (types in `dossier_core::claims`).
//!
//! Every function here is pure: text, spans and earlier annotations in, typed items out. Nothing
//! reads the clock and no span is rewritten.
pub mod assess;
pub mod cues;
pub mod events;
pub mod extract;
pub mod facts;
pub mod muc4;
pub mod text;
pub mod triggers;
pub mod wikievents;
pub use extract::{
    actors, actors_from_matches, distance_km, extract, kb_actors, main_group, new_group_actor,
    same_location, with_anaphora, Actor, Context, Input,
};
pub mod attribution;
pub mod certainty;
pub mod quantity;
