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

/// A fresh store in a temporary folder with `paths` ingested and analysed.
pub fn build_store(
    paths: &[PathBuf],
    ner: Option<dossier_ner::Model>,
) -> (
    dossier_store::SqliteStore,
    dossier_entities::KnowledgeBase,
    tempfile::TempDir,
) {
    use dossier_store::{Store, StoreTx};
    let dir = tempfile::tempdir().unwrap();
    let mut store = dossier_store::SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let mut docs = Vec::new();
    for root in paths {
        let mut files: Vec<PathBuf> = if root.is_dir() {
            walkdir::WalkDir::new(root)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| !p.ends_with("README.md") && p.extension().is_some_and(|x| x != "py"))
                .collect()
        } else {
            vec![root.clone()]
        };
        files.sort();
        for p in files {
            let label = p.display().to_string();
            dossier_ingest::read_path(&p, &label, dossier_ingest::Limits::default(), &mut |d| {
                docs.push(d)
            })
            .unwrap();
        }
    }
    let mut tx = store.begin().unwrap();
    for d in &docs {
        tx.put(d).unwrap();
    }
    tx.commit().unwrap();
    let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
    let res = dossier_knowledge::Resources::new(kb.clone(), ner);
    dossier_knowledge::analyze_pending(&mut store, &res, 16, &mut |_, _| {}).unwrap();
    (store, kb, dir)
}

/// The NER model, when fetched (required in CI).
pub fn model() -> Option<dossier_ner::Model> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_core_web_sm");
    let found = std::env::var_os("DOSSIER_MODEL")
        .map(PathBuf::from)
        .or_else(|| root.exists().then_some(root));
    if found.is_none() {
        assert!(
            std::env::var("DOSSIER_REQUIRE_MODEL").as_deref() != Ok("1"),
            "no NER model and DOSSIER_REQUIRE_MODEL=1"
        );
        eprintln!("SKIP: no NER model (run scripts/fetch-model.sh)");
    }
    found.map(|p| dossier_ner::Model::load(&p).expect("NER model loads"))
}
