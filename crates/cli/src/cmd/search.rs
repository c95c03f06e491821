//! `dossier search QUERY`: full-text search (SQLite FTS5 syntax, or plain words).

use anyhow::Result;
use dossier_store::Store;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to find; FTS5 syntax ("exact phrase", OR, NEAR, prefix*) is understood.
    #[arg(required = true)]
    query: Vec<String>,
    /// Most hits to show.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: super::TableOrJson,
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    let store = super::open_existing(store)?;
    let hits = store.search(&args.query.join(" "), args.limit)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        super::TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        super::TableOrJson::Table => {
            for h in &hits {
                writeln!(
                    out,
                    "{:>5}  {}  {}\n       {}",
                    h.id,
                    h.published.as_deref().unwrap_or("-"),
                    h.title.as_deref().unwrap_or("(untitled)"),
                    h.snippet.replace('\n', " ")
                )?;
            }
            if hits.is_empty() {
                eprintln!("no matches");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
