//! Shared by the knowledge and server integration tests: the NER model when fetched, and a
//! store filled with input files, ingested and analysed as `dossier ingest` + `analyze` would.

use std::path::{Path, PathBuf};

/// The NER model, when fetched (required in CI through `DOSSIER_REQUIRE_MODEL=1`).
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

/// Ingest every file under `roots` (folders are walked in sorted order, READMEs and scripts
/// skipped) into `store` and analyse them.
pub fn fill(
    store: &mut dossier_store::SqliteStore,
    roots: &[PathBuf],
    kb: &dossier_entities::KnowledgeBase,
    ner: Option<dossier_ner::Model>,
) {
    use dossier_store::{Store, StoreTx};
    let mut docs = Vec::new();
    for root in roots {
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
    let res = dossier_knowledge::Resources::new(kb.clone(), ner);
    dossier_knowledge::analyze_pending(store, &res, 16, &mut |_, _| {}).unwrap();
}
