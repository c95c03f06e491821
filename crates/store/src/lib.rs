//! Storage of documents, versions and near-duplicate links behind one [`Store`] trait, with the
//! embedded SQLite implementation ([`SqliteStore`]) as default.
//!
//! Invariants: a [`StoreTx`] that is not committed leaves no trace (one transaction per input
//! file); putting the same document twice is a no-op that reports `Duplicate`; ids are assigned in
//! insertion order, so the same inputs in the same order give the same store.

pub mod analysis;
pub mod entities;
pub mod minhash;
mod schema;
mod sqlite;

pub use analysis::{AnalysisItem, AnalysisRow, PendingVersion};
pub use entities::{EntityError, MergeRecord, PutLinked, StoredAlias, StoredEntity, StoredMention};
pub use sqlite::{SqliteStore, SqliteTx};

use dossier_core::{Document, Timestamp};
use serde::Serialize;

/// Store errors. Every message names the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {message}")]
    Open { path: String, message: String },
    #[error("store {path}: schema migration failed: {message}")]
    Migration { path: String, message: String },
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("search query not understood: {0}")]
    BadQuery(String),
    #[error("store: corrupt row: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Whether another writer holds the database ("database is locked"): worth trying again.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ),
            StoreError::Open { message, .. } | StoreError::Migration { message, .. } => {
                message.contains("database is locked") || message.contains("database is busy")
            }
            _ => false,
        }
    }
}

/// What putting one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum PutOutcome {
    /// A document the store did not have.
    New {
        id: i64,
        near_duplicate_of: Option<i64>,
    },
    /// A changed text under a known URL: a new version; the old one is kept.
    Updated { id: i64, version: i64 },
    /// The same article again (same URL and text, or same text without a URL).
    Duplicate { id: i64 },
}

impl PutOutcome {
    pub fn id(&self) -> i64 {
        match *self {
            PutOutcome::New { id, .. }
            | PutOutcome::Updated { id, .. }
            | PutOutcome::Duplicate { id } => id,
        }
    }
}

/// One row of `dossier docs`: the current version of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocSummary {
    pub id: i64,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub published_utc: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub format: String,
    pub version: i64,
    /// The near-duplicate cluster: the smallest document id among copies of the same story.
    pub cluster: i64,
}

/// A stored version of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo {
    pub version: i64,
    pub content_hash: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// A near-duplicate link to another document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearDuplicate {
    pub id: i64,
    pub similarity: f64,
}

/// Every place a document arrived from (the same article in several files or formats).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrival {
    pub version: i64,
    pub path: String,
    pub locator: Option<String>,
    pub format: String,
}

/// A document with its current text, versions and links.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    pub id: i64,
    pub version: i64,
    pub cluster: i64,
    pub document: Document,
    pub versions: Vec<VersionInfo>,
    pub near_duplicates: Vec<NearDuplicate>,
    pub arrivals: Vec<Arrival>,
}

/// A full-text search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: i64,
    pub title: Option<String>,
    pub published: Option<String>,
    pub snippet: String,
    pub score: f64,
}

/// Counts for summaries and health checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Stats {
    pub documents: i64,
    pub versions: i64,
    pub clusters: i64,
}

/// Filters for listing documents.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Only documents published on or before this time (what was known then).
    pub published_before: Option<Timestamp>,
    pub limit: Option<usize>,
}

/// A store of documents. SQLite now; PostgreSQL later behind the same trait.
pub trait Store {
    type Tx<'a>: StoreTx
    where
        Self: 'a;

    /// Start a transaction: everything put through it lands together on commit, or not at all.
    fn begin(&mut self) -> Result<Self::Tx<'_>, StoreError>;
    fn list(&self, filter: &ListFilter) -> Result<Vec<DocSummary>, StoreError>;
    fn get(&self, id: i64) -> Result<Option<StoredDocument>, StoreError>;
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;
    fn stats(&self) -> Result<Stats, StoreError>;
}

/// One transaction of a [`Store`].
pub trait StoreTx {
    fn put(&mut self, doc: &Document) -> Result<PutOutcome, StoreError>;
    fn commit(self) -> Result<(), StoreError>;
}
