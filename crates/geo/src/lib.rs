//! Places on the map: a GeoNames-derived gazetteer (embedded, `data/gazetteer/gazetteer.tsv.gz`)
//! and geocoding of place mentions, using population, the document's country focus, nearby
//! mentions and cue phrases; plus the end-to-end TR-News evaluation.
//!
//! The gazetteer (174k places, 378k name keys) is parsed on first use: about 0.3-0.4 s and 85 MB
//! resident in a release build. On TR-News (118 articles) end to end with `dossier-ner`: toponym
//! P 0.945 / R 0.863, accuracy within 161 km 0.867; with the gold toponyms given 0.855.
//!
//! ```no_run
//! use dossier_geo::{geocode, mentions_from_ner};
//!
//! let ner = dossier_ner::Model::load(&dossier_ner::find_model(None).unwrap())?;
//! let text = "Gunmen attacked Gwoza in Borno state.";
//! let mentions = mentions_from_ner(text, &ner.entities(text));
//! for r in geocode(text, &mentions) {
//!     println!("{} -> {} ({}, {}) {:.3},{:.3}", r.text, r.place.name, r.place.admin1,
//!              r.place.country, r.place.lat, r.place.lon);
//! }
//! # Ok::<(), dossier_ner::NerError>(())
//! ```

mod eval;
mod gazetteer;
mod geocode;
mod norm;

pub use dossier_core::place::{GeoRef, Place, PlaceKind};
pub use eval::{
    eval_trnews, eval_trnews_docs, parse_trnews, Error as EvalError, GoldToponym, Report, Scores,
    TrDoc,
};
pub use gazetteer::{haversine_km, Entry, Gazetteer, NameKind, EMBEDDED};
pub use geocode::PLACE_LABELS;
pub use norm::key as name_key;

use dossier_core::entity::EntityMention;
use dossier_core::span::Span;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// The gazetteer file is not valid gzip / UTF-8.
    #[error("cannot decompress the gazetteer: {0}")]
    Decompress(#[source] std::io::Error),
    /// A gazetteer line is malformed.
    #[error("malformed gazetteer: {0}")]
    Format(String),
}

/// Resolves the place mentions in `text` with the embedded gazetteer (see [`Gazetteer::geocode`]).
pub fn geocode(text: &str, mentions: &[EntityMention]) -> Vec<GeoRef> {
    Gazetteer::global().geocode(text, mentions)
}

/// Turns NER entities into the core's mentions (byte spans, label, text).
pub fn mentions_from_ner(text: &str, entities: &[dossier_ner::Entity]) -> Vec<EntityMention> {
    entities
        .iter()
        .filter_map(|e| {
            let t = text.get(e.start..e.end)?;
            Some(EntityMention {
                span: Span::new(e.start, e.end),
                label: e.label.to_owned(),
                text: t.to_owned(),
                source: "ner".to_owned(),
            })
        })
        .collect()
}
