//! `dossier ask "QUESTION"`: a cited answer to one of the question forms, or the list of forms.

use anyhow::Result;
use dossier_knowledge::Error;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The question, e.g. "What is known about ISKP?"
    question: String,
    /// Print the answer as JSON.
    #[arg(long)]
    json: bool,
    /// Answer from documents published on or before this date only (YYYY-MM-DD).
    #[arg(long)]
    as_of: Option<String>,
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    super::profile::check_date("--as-of", args.as_of.as_deref())?;
    let st = super::open_existing(store)?;
    let kb = dossier_entities::KnowledgeBase::builtin()?;
    let mut out = std::io::stdout().lock();
    match dossier_knowledge::ask::ask(&st, &kb, &args.question, args.as_of.as_deref()) {
        Ok(Ok(a)) => {
            if args.json {
                serde_json::to_writer_pretty(&mut out, &a)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", a.text)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Ok(Err(nu)) => {
            eprintln!(
                "I do not understand {:?}. Questions I can answer:",
                nu.question
            );
            for f in &nu.forms {
                eprintln!("  {f}");
            }
            Ok(ExitCode::from(super::NOT_FOUND))
        }
        Err(e @ Error::NotFound { .. }) => {
            eprintln!("{e}");
            Ok(ExitCode::from(super::NOT_FOUND))
        }
        Err(e) => Err(e.into()),
    }
}
