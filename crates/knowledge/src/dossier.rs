//! The dossier's JSON contract (documented in `docs/dossier.schema.json`): the types `dossier
//! profile --format json`, `dossier events` and the server return. Kept apart from the internal
//! analysis types so that the contract stays stable while the stages change.

use serde::{Deserialize, Serialize};

/// A citation: a document and the quoted sentence, with its byte span in the document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub doc: i64,
    pub quote: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    /// "knowledge base" or "document"; documents give their citation.
    pub origin: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityHeader {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<Alias>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// snake_case: part_of, affiliate_of, split_from, rival_of, ally_of, led_by (the group's
    /// leader), active_in, recruits_in; seen from the other side: has_part, has_affiliate,
    /// splinter_group, leader_of (the person leads the group); on a place's dossier:
    /// active_group, recruiting_group.
    pub relation: String,
    pub entity: EntityRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub certainty: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<Person>,
    pub sources: Vec<Citation>,
    /// For `led_by`: the date of a leader's death the dossier's timeline reports (a
    /// `leader_killed` event naming the leader, as certain as that event), so that a killed
    /// leader is not read as the current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Person {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// What is counted: members, fighters, revenue, attacks_planned …
    pub quantity: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub approximate: bool,
    /// The text of the figure as written ("between 1,500 and 6,000").
    pub text: String,
    /// A figure given beside it ("in nine different countries").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Person>,
    pub certainty: String,
    /// The date of the document that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Date {
    pub value: String,
    pub precision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// As the text gave it ("just a week ago"); empty when inferred from the publication date.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// A casualty or arrest figure as one source gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceFigure {
    /// killed, injured or abducted.
    pub figure: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub approximate: bool,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Person>,
    pub doc: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Set when a later report by the same publisher changed the figure: the doc it revises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<i64>,
    /// Earlier figures this same report says were superseded, in its order ("103", "95"
    /// before a current "84").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revised_from: Vec<String>,
    /// The sentence that gives the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub role: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_by: Option<Person>,
    pub doc: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The profiled entity's role: perpetrator, target, arrested, context (named in coverage of
    /// the entity without being tied to the event). Absent in exports without an entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// claimed, attributed, suspected, alleged, denied, unclaimed, confirmed, inspired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<String>,
    /// A denial some source gives beside a more certain reading (the group claimed it, then
    /// denied it): shown with it, never hidden behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Range>,
    /// How many were kidnapped, the latest source's figure (a kidnapping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abducted: Option<Range>,
    /// Every source's figures, never averaged; revisions marked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<SourceFigure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weapon: Option<String>,
    pub certainty: String,
    pub participants: Vec<Participant>,
    /// Distinct publishers; syndicated copies (near-duplicates) count once.
    pub independent_sources: usize,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub by: Person,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    pub text: String,
    pub sources: Vec<Citation>,
}

/// Other facts: founded, name meaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactItem {
    pub predicate: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub certainty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Person>,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// What disagrees: "killed", "injured", "responsibility", "estimate:members" …
    pub about: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub says: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Person>,
    pub sources: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDoc {
    pub id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A dossier: what is known about one entity, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    pub entity: EntityHeader,
    #[serde(default)]
    pub as_of: Option<String>,
    pub relations: Vec<Relation>,
    pub estimates: Vec<Estimate>,
    pub events: Vec<Event>,
    pub assessments: Vec<Assessment>,
    pub facts: Vec<FactItem>,
    pub contradictions: Vec<Contradiction>,
    pub sources: Vec<SourceDoc>,
}
