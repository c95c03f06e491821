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

/// The entity a linked mention refers to: a knowledge-base entity, or a name the knowledge base
/// does not know, keyed by its normalised form (folded, lower-case, words joined by `-`:
/// `wagner-group`, `abdul-rahman`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "id")]
pub enum EntityRef {
    Kb(KbId),
    New(String),
}

impl fmt::Display for EntityRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntityRef::Kb(id) => write!(f, "{id}"),
            EntityRef::New(key) => write!(f, "new:{key}"),
        }
    }
}

/// Why a mention was linked to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkBasis {
    /// A knowledge-base alias match alone (no NER mention at that place).
    Alias,
    /// An NER mention that is (or contains) a knowledge-base alias match.
    NerAlias,
    /// An ambiguous alias or a name accepted because of the document's context (other names of
    /// the entity or a related one, its context words).
    Context,
    /// A definite description ("the group", "die Miliz") or a short form of a name mentioned
    /// shortly before ("Kurbanov" after "Rustam Kurbanov").
    Coreference,
    /// An NER name the knowledge base does not know: a new entity.
    Ner,
}

impl LinkBasis {
    /// The stored spelling: `alias`, `ner+alias`, `context`, `coreference`, `ner`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkBasis::Alias => "alias",
            LinkBasis::NerAlias => "ner+alias",
            LinkBasis::Context => "context",
            LinkBasis::Coreference => "coreference",
            LinkBasis::Ner => "ner",
        }
    }

    /// Parse [`LinkBasis::as_str`]'s spelling.
    pub fn parse(s: &str) -> Option<LinkBasis> {
        Some(match s {
            "alias" => LinkBasis::Alias,
            "ner+alias" => LinkBasis::NerAlias,
            "context" => LinkBasis::Context,
            "coreference" => LinkBasis::Coreference,
            "ner" => LinkBasis::Ner,
            _ => return None,
        })
    }
}

/// One mention of an entity in a document, resolved: where, what, which entity and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedMention {
    /// Byte offsets into the document's text.
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// `GROUP` (an armed group of the knowledge base), `ORG`, `PERSON`, or another NER label.
    pub label: String,
    pub entity: EntityRef,
    /// The entity's display name: the knowledge-base name, or the name as first written.
    pub name: String,
    pub basis: LinkBasis,
    /// What supported the link: the context word or name, or the antecedent ("ISKP" for "the
    /// group").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Whether this is a description or short form referring back to an earlier mention.
    pub coreference: bool,
}

/// An alias stated in a document ("Long Name (ACRONYM)", "X, also known as Y"), resolved to the
/// entity it names, with the sentence as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasEvidence {
    pub entity: EntityRef,
    /// The name the entity is known by in the document (the fuller name of the pair).
    pub name: String,
    /// The other name: the alias added to the entity.
    pub alias: String,
    /// The sentence stating it.
    pub sentence: String,
    /// Which pattern found it: `acronym`, `also known as`, …
    pub pattern: String,
    /// The normalised keys of `name` and `alias` (as in [`EntityRef::New`]): a new entity with
    /// one of these keys is the same as `entity`.
    pub keys: Vec<String>,
}
