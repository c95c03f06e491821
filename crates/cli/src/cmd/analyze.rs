//! `dossier analyze`: run stages 2–3 (annotate, entities, places, claims and events) on every
//! stored document not yet analysed by this version; idempotent and resumable.

use anyhow::Result;
use dossier_knowledge::{Resources, ANALYZER};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The NER model folder (default: $DOSSIER_MODEL, else ./models/en_core_web_sm). Without a
    /// model, people and places come only from the knowledge base and gazetteer cues.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Documents per transaction: a kill loses at most one batch of work, never stored data.
    #[arg(long, default_value_t = 32)]
    batch: usize,
    /// Print no progress.
    #[arg(short, long)]
    quiet: bool,
}

/// Load the knowledge base and model once.
pub fn resources(model: Option<&Path>) -> Result<Resources> {
    let kb = dossier_entities::KnowledgeBase::builtin()?;
    let ner = super::ner::load_model(model)?;
    if ner.is_none() {
        eprintln!("warning: {}", super::ner::NO_MODEL);
    }
    Ok(Resources::new(kb, ner))
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    let mut st = super::open_existing(store)?;
    let res = resources(args.model.as_deref())?;
    let started = std::time::Instant::now();
    let quiet = args.quiet;
    let n = dossier_knowledge::analyze_pending(&mut st, &res, args.batch, &mut |done, total| {
        if !quiet {
            eprintln!("analysed {done}/{total}");
        }
    })?;
    let (stored, pending) = st.analysis_counts(ANALYZER)?;
    if !quiet {
        eprintln!(
            "analysed {n} document(s) in {:.1} s; {stored} analysed, {pending} pending",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
