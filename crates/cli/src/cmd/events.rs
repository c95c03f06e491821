//! `dossier events`: fused events as JSON, CSV (GTD/ACLED-like columns) or GeoJSON, optionally
//! for one entity, one kind and a period.

use anyhow::Result;
use dossier_knowledge::profile::{filter_period, fuse_events, Loaded};
use dossier_knowledge::{export, Error};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Geojson,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only events this entity takes part in (any name or alias).
    #[arg(long)]
    entity: Option<String>,
    /// Only this kind: attack, plot, arrest, claim_of_responsibility, leader_killed, …
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    /// Use only documents published on or before this date.
    #[arg(long)]
    as_of: Option<String>,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    for (f, v) in [
        ("--from", &args.from),
        ("--to", &args.to),
        ("--as-of", &args.as_of),
    ] {
        super::profile::check_date(f, v.as_deref())?;
    }
    if let Some(k) = &args.kind {
        if dossier_core::claims::EventKind::parse(k).is_none() {
            let all: Vec<&str> = dossier_core::claims::EventKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect();
            anyhow::bail!(
                "--kind {k:?} is not an event kind (one of {})",
                all.join(", ")
            );
        }
    }
    let st = super::open_existing(store)?;
    let kb = dossier_entities::KnowledgeBase::builtin()?;
    let mut events = match &args.entity {
        Some(name) => {
            let id = match dossier_knowledge::resolve(&kb, &st, name) {
                Ok(id) => id,
                Err(e @ Error::NotFound { .. }) => {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(super::NOT_FOUND));
                }
                Err(e) => return Err(e.into()),
            };
            let docs = dossier_knowledge::load_for(&st, &id, args.as_of.as_deref())?;
            fuse_events(&docs, &kb, Some(&id), &[])
        }
        None => {
            let docs: Vec<Loaded> = st
                .analyses(args.as_of.as_deref())?
                .into_iter()
                .filter_map(Loaded::parse)
                .collect();
            fuse_events(&docs, &kb, None, &[])
        }
    };
    if let Some(k) = &args.kind {
        events.retain(|e| &e.kind == k);
    }
    filter_period(&mut events, args.from.as_deref(), args.to.as_deref());
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &events)?;
            writeln!(out)?;
        }
        Format::Csv => write!(out, "{}", export::csv(&events))?,
        Format::Geojson => {
            serde_json::to_writer_pretty(&mut out, &export::geojson(&events))?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
