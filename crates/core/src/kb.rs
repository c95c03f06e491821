//! Knowledge-base identifiers and alias matches shared by the entity stage and the stages after it.
//!
//! The curated knowledge base (armed groups, institutions) lives in `dossier-entities`; this module
//! holds only the plain types that linking, the store and the CLI pass around.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable slug of a knowledge-base entity, e.g. `iskp` or `islamic-state`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KbId(pub String);

impl KbId {
    pub fn new(id: impl Into<String>) -> Self {
        KbId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KbId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which part of the knowledge base an entity belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KbCategory {
    /// An armed group: jihadist group, militia, insurgency, PMC, …
    ArmedGroup,
    /// An institution that appears in such news: UN bodies, security services, research institutes.
    Institution,
}

/// How an alias is compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// A name: case-, diacritic-, dash- and quote-insensitive.
    Name,
    /// An acronym such as `ISPK` or `JeM`: case-sensitive.
    Acronym,
    /// A descriptor such as "der afghanische IS-Ableger": only counted when the entity is
    /// otherwise named in the same document.
    Description,
}

/// Why a match was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "basis", content = "evidence")]
pub enum MatchBasis {
    /// An unambiguous alias: accepted on its own.
    Unambiguous,
    /// An ambiguous alias or a descriptor, accepted because the document also contains this text
    /// (an unambiguous alias of the entity or a related entity, or one of its context words).
    Context(String),
}

/// One occurrence of a knowledge-base alias in a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasMatch {
    /// Byte offsets into the document's original text.
    pub span: Span,
    /// The entity the alias belongs to.
    pub entity: KbId,
    /// The alias as written in the knowledge base.
    pub alias: String,
    /// The text under `span`.
    pub text: String,
    pub kind: AliasKind,
    /// Whether the alias is flagged ambiguous in the knowledge base.
    pub ambiguous: bool,
    pub basis: MatchBasis,
}
