//! The CLI's one integration-test binary: runs the real `dossier` binary against real stores.

mod annotate;
mod bad_input;
mod corpus;
mod dossier;
mod entities;
mod kill;
mod link;
mod ner;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn dossier() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.env_remove("DOSSIER_STORE").env("DOSSIER_LOG", "error");
    c
}

/// Run dossier with `--store STORE` and the arguments; return its output.
pub fn run(store: &Path, args: &[&str]) -> Output {
    dossier()
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("dossier runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The example corpus of the repository.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// `dossier docs --format json` as JSON.
pub fn docs_json(store: &Path) -> serde_json::Value {
    let o = run(store, &["docs", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("docs JSON")
}

/// The ingest summary (`--json`).
pub fn ingest_json(store: &Path, paths: &[&Path]) -> (Output, serde_json::Value) {
    let mut c = dossier();
    c.arg("--store")
        .arg(store)
        .args(["ingest", "--json", "-q"])
        .args(paths);
    let o = c.output().expect("dossier runs");
    let v = serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
    (o, v)
}

/// The NER model (`$DOSSIER_MODEL`, else `models/en_core_web_sm` of the workspace). `None` with a
/// SKIP message when missing, unless DOSSIER_REQUIRE_MODEL=1 (as in CI), where it fails.
pub fn ner_model() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_core_web_sm");
    let found = std::env::var_os("DOSSIER_MODEL")
        .map(PathBuf::from)
        .or_else(|| root.exists().then_some(root));
    if found.is_none() {
        assert!(
            std::env::var("DOSSIER_REQUIRE_MODEL").as_deref() != Ok("1"),
            "no NER model (run scripts/fetch-model.sh) and DOSSIER_REQUIRE_MODEL=1"
        );
        eprintln!("SKIP: no NER model (run scripts/fetch-model.sh)");
    }
    found
}
