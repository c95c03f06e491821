//! Entity mentions found in a document's text (by NER now; by the gazetteer and linking later).

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One mention of a named entity: where it is, what kind, and the words as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Byte offsets into the document's text.
    pub span: Span,
    /// OntoNotes label from the NER model: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, …
    pub label: String,
    /// The text under `span`.
    pub text: String,
    /// What found it: `ner` (the spaCy-compatible model).
    pub source: String,
}
