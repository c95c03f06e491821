//! `dossier profile NAME`: the cited dossier on an entity (Markdown, JSON or HTML), optionally as
//! of a date and limited to a period.

use anyhow::Result;
use dossier_knowledge::{profile::filter_period, render, Error};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Md,
    Json,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Any name or alias (case- and diacritic-insensitive), e.g. ISKP.
    name: String,
    /// Use only documents published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    as_of: Option<String>,
    /// Events from this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Events up to this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
}

/// Check a `YYYY-MM-DD` option.
pub fn check_date(flag: &str, v: Option<&str>) -> Result<()> {
    if let Some(v) = v {
        if chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err() {
            anyhow::bail!("{flag} {v:?} is not a date (YYYY-MM-DD)");
        }
    }
    Ok(())
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    check_date("--as-of", args.as_of.as_deref())?;
    check_date("--from", args.from.as_deref())?;
    check_date("--to", args.to.as_deref())?;
    let st = super::open_existing(store)?;
    let kb = dossier_entities::KnowledgeBase::builtin()?;
    let mut d = match dossier_knowledge::profile(&st, &kb, &args.name, args.as_of.as_deref()) {
        Ok(d) => d,
        Err(e @ Error::NotFound { .. }) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(super::NOT_FOUND));
        }
        Err(e) => return Err(e.into()),
    };
    let (pending, _) = (st.analysis_counts(dossier_knowledge::ANALYZER)?.1, ());
    if pending > 0 {
        eprintln!("warning: {pending} document(s) not analysed yet (run `dossier analyze`)");
    }
    filter_period(&mut d.events, args.from.as_deref(), args.to.as_deref());
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &d)?;
            writeln!(out)?;
        }
        Format::Md => write!(out, "{}", render::markdown(&d))?,
        Format::Html => write!(out, "{}", render::html(&d))?,
    }
    Ok(ExitCode::SUCCESS)
}
