//! Integration tests of dossier-ner: spaCy equivalence, CoNLL eval, robustness on arbitrary text.
//!
//! Tests that need the model look for it with `dossier_ner::find_model` (`$DOSSIER_MODEL`, else
//! `models/en_core_web_sm` at the workspace root) and skip with a message when it is missing,
//! unless `DOSSIER_REQUIRE_MODEL=1`, in which case they fail.

mod common;
mod equivalence;
mod eval;
mod robustness;
