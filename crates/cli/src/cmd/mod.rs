//! One module per subcommand; each has `Args` (clap) and `run`.

pub mod analyze;
pub mod annotate;
pub mod ask;
pub mod doc;
pub mod docs;
pub mod entities;
pub mod eval;
pub mod events;
pub mod ingest;
pub mod ner;
pub mod profile;
pub mod search;
pub mod serve;
pub mod timeml;

use anyhow::{Context, Result};
use dossier_store::SqliteStore;
use std::path::Path;

/// `--format table|json` of the listing commands.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TableOrJson {
    Table,
    Json,
}

/// Exit code for "the thing asked for does not exist".
pub const NOT_FOUND: u8 = 2;

/// Open the store for reading; a missing store is an error rather than a new empty file.
pub fn open_existing(store: &Path) -> Result<SqliteStore> {
    if !store.exists() {
        anyhow::bail!(
            "store {} does not exist (run `dossier ingest` first, or pass --store)",
            store.display()
        );
    }
    SqliteStore::open(store).with_context(|| format!("opening store {}", store.display()))
}
