//! `dossier docs`: list the stored documents as a table or JSON.

use crate::output::DocRow;
use anyhow::Result;
use dossier_store::{ListFilter, Store};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: super::TableOrJson,
    /// Show at most this many documents.
    #[arg(long)]
    limit: Option<usize>,
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    let store = super::open_existing(store)?;
    let docs = store.list(&ListFilter {
        limit: args.limit,
        ..Default::default()
    })?;
    let mut out = std::io::stdout().lock();
    match args.format {
        super::TableOrJson::Json => {
            let rows: Vec<DocRow<'_>> = docs.iter().map(DocRow::from).collect();
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        super::TableOrJson::Table => {
            writeln!(
                out,
                "{:>5}  {:<25}  {:<20}  {:<52}  {:<4}  {:<8}  URL",
                "ID", "PUBLISHED", "PUBLISHER", "TITLE", "LANG", "FORMAT"
            )?;
            for d in &docs {
                writeln!(
                    out,
                    "{:>5}  {:<25}  {:<20}  {:<52}  {:<4}  {:<8}  {}",
                    d.id,
                    d.published.as_deref().unwrap_or("-"),
                    clip(d.publisher.as_deref().unwrap_or("-"), 20),
                    clip(d.title.as_deref().unwrap_or("-"), 52),
                    d.language.as_deref().unwrap_or("-"),
                    d.format,
                    d.url.as_deref().unwrap_or("-"),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Shorten to `n` characters with an ellipsis.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
