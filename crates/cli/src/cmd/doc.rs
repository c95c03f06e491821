//! `dossier doc ID`: one document with its metadata and extracted text.

use crate::output::DocOut;
use anyhow::Result;
use dossier_store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Document id (from `dossier docs`).
    id: i64,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    let store = super::open_existing(store)?;
    let Some(doc) = store.get(args.id)? else {
        eprintln!("error: no document with id {} in {}", args.id, store.path());
        return Ok(ExitCode::from(super::NOT_FOUND));
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &DocOut::from(&doc))?;
            writeln!(out)?;
        }
        Format::Text => {
            let d = &doc.document;
            writeln!(out, "# {}", d.title.as_deref().unwrap_or("(untitled)"))?;
            writeln!(out)?;
            writeln!(
                out,
                "id:        {} (version {}, cluster {})",
                doc.id, doc.version, doc.cluster
            )?;
            writeln!(out, "publisher: {}", d.publisher.as_deref().unwrap_or("-"))?;
            writeln!(
                out,
                "published: {}",
                d.published.map_or("-".to_string(), |t| format!(
                    "{} ({} UTC)",
                    t.local_string(),
                    t.utc_string()
                ))
            )?;
            if let Some(r) = d.retrieved {
                writeln!(out, "retrieved: {} UTC", r.utc_string())?;
            }
            writeln!(out, "url:       {}", d.url.as_deref().unwrap_or("-"))?;
            writeln!(out, "language:  {}", d.language.as_deref().unwrap_or("-"))?;
            writeln!(out, "format:    {}", d.format.as_str())?;
            for a in &doc.arrivals {
                let loc = a
                    .locator
                    .as_deref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default();
                writeln!(out, "source:    {}{loc} [v{}]", a.path, a.version)?;
            }
            for n in &doc.near_duplicates {
                writeln!(
                    out,
                    "near-duplicate of: {} (similarity {:.2})",
                    n.id, n.similarity
                )?;
            }
            writeln!(out)?;
            writeln!(out, "{}", d.text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
