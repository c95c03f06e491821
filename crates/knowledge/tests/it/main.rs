//! Integration tests of the knowledge layer: analysis of the seed, fusion across the example
//! corpus, profiles and exports.

mod batch;
mod corpus;
mod schema;
mod seed;

use std::path::{Path, PathBuf};

/// The shared data folder beside the repository.
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The seed article's text (read from ../shared, never copied into the repo).
pub fn seed_text() -> Option<String> {
    let p = shared().join("seed/ispk-background.txt");
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(e) => panic!(
            "{}: {e} (the tests need ../shared beside the repository)",
            p.display()
        ),
    }
}

#[path = "../support/store.rs"]
mod support;
pub use support::model;

/// A fresh store in a temporary folder with `paths` ingested and analysed.
pub fn build_store(
    paths: &[PathBuf],
    ner: Option<dossier_ner::Model>,
) -> (
    dossier_store::SqliteStore,
    dossier_entities::KnowledgeBase,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = dossier_store::SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
    support::fill(&mut store, paths, &kb, ner);
    (store, kb, dir)
}
