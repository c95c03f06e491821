//! Integration tests of the knowledge layer: analysis of the seed, fusion across the example
//! corpus, profiles and exports.

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
        Err(e) => panic!("{}: {e} (the tests need ../shared beside the repository)", p.display()),
    }
}

/// The NER model, when fetched (required in CI).
pub fn model() -> Option<dossier_ner::Model> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_core_web_sm");
    let found = std::env::var_os("DOSSIER_MODEL").map(PathBuf::from).or_else(|| root.exists().then_some(root));
    if found.is_none() {
        assert!(std::env::var("DOSSIER_REQUIRE_MODEL").as_deref() != Ok("1"), "no NER model and DOSSIER_REQUIRE_MODEL=1");
        eprintln!("SKIP: no NER model (run scripts/fetch-model.sh)");
    }
    found.map(|p| dossier_ner::Model::load(&p).expect("NER model loads"))
}
