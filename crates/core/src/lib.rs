//! Core types shared by every Dossier crate: documents, spans, timestamps, diagnostics and identity.
//!
//! This crate has no I/O. Every later stage is a function from one of these types to the next.

pub mod annotation;
pub mod claims;
pub mod diagnostic;
pub mod document;
pub mod entity;
pub mod identity;
pub mod kb;
pub mod place;
pub mod span;
pub mod time;

pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, Format, Provenance};
pub use entity::EntityMention;
pub use identity::{canonical_url, content_hash, normalize_text_for_hash};
pub use span::Span;
pub use time::{TimePrecision, Timestamp};
