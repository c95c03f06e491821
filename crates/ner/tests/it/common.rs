//! Shared helpers: locating the model, the shared data and the spaCy reference output.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use dossier_ner::Model;

/// The crate directory.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root (two levels above the crate).
pub fn workspace_root() -> PathBuf {
    manifest_dir().join("../..")
}

/// The read-only shared data directory (`../../../shared/data` from the crate).
pub fn shared_data() -> PathBuf {
    manifest_dir().join("../../../shared/data")
}

/// Whether missing inputs must fail the test (`DOSSIER_REQUIRE_MODEL=1`).
pub fn required() -> bool {
    std::env::var("DOSSIER_REQUIRE_MODEL").is_ok_and(|v| v == "1")
}

/// Fails when inputs are required, else prints a skip message (once per test).
pub fn skip(test: &str, why: &str) {
    static REPORTED: Mutex<Vec<String>> = Mutex::new(Vec::new());
    assert!(!required(), "{test}: {why} (DOSSIER_REQUIRE_MODEL=1)");
    let mut seen = REPORTED.lock().unwrap_or_else(|e| e.into_inner());
    if !seen.iter().any(|t| t == test) {
        seen.push(test.to_owned());
        eprintln!("SKIP {test}: {why}");
    }
}

fn model_dir() -> Option<PathBuf> {
    if let Some(p) = dossier_ner::find_model(None) {
        return Some(p);
    }
    let p = workspace_root().join(dossier_ner::DEFAULT_MODEL_DIR);
    p.join("ner/model").is_file().then_some(p)
}

/// The model, loaded once per test binary; `None` (after `skip`) when it is missing.
pub fn model(test: &str) -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    let m = MODEL.get_or_init(|| {
        let dir = model_dir()?;
        match Model::load(&dir) {
            Ok(m) => Some(m),
            Err(e) => {
                eprintln!("cannot load model from {}: {e}", dir.display());
                None
            }
        }
    });
    if m.is_none() {
        skip(
            test,
            "no model (run scripts/fetch-model.sh, or set DOSSIER_MODEL)",
        );
    }
    m.as_ref()
}

/// Path of the spaCy reference JSONL: `$DOSSIER_NER_REFERENCE`, else
/// `target/ner-reference/reference.jsonl` at the workspace root.
pub fn reference_path() -> PathBuf {
    match std::env::var_os("DOSSIER_NER_REFERENCE") {
        Some(p) => PathBuf::from(p),
        None => workspace_root().join("target/ner-reference/reference.jsonl"),
    }
}

/// Whether a path exists, for skip messages.
pub fn exists(p: &Path) -> bool {
    p.exists()
}
