//! Places on the map: a gazetteer entry ([`Place`]) and a place mention resolved to it ([`GeoRef`]).

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What kind of gazetteer entry a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// An independent country or dependent territory.
    Country,
    /// A first-level administrative region (state, province, oblast, governorate).
    Admin1,
    /// A populated place: city, town or village.
    City,
}

/// One gazetteer entry (GeoNames-derived).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id; 0 for first-level regions (the gazetteer's sources carry no id for them).
    pub geonameid: u32,
    /// Preferred name.
    pub name: String,
    /// What kind of place.
    pub kind: PlaceKind,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code ("" for continents).
    pub country_code: String,
    /// Country name ("" for continents).
    pub country: String,
    /// GeoNames admin1 code ("" when none).
    pub admin1_code: String,
    /// First-level region name ("" when none).
    pub admin1: String,
    /// Population (0 when unknown).
    pub population: u64,
}

/// A place mention in a text resolved to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoRef {
    /// Byte offsets of the mention in the text.
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// The place it resolves to.
    pub place: Place,
    /// Score margin over the runner-up candidate, in 0..=1 (1: no competitor).
    pub confidence: f32,
    /// Why this place won: the cues that applied ("population", "country focus", "cue: city of", …).
    pub evidence: Vec<String>,
}
