//! `dossier timeml IN_DIR OUT_DIR`: annotate TimeML / TempEval-3 files for the official scorer.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of `.tml` or `.TE3input` files (read recursively).
    in_dir: PathBuf,
    /// Folder to write the annotated files to (created if missing).
    out_dir: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let summary = dossier_annotate::timeml::process_dir(&args.in_dir, &args.out_dir)?;
    for d in &summary.diagnostics {
        eprintln!("{d}");
    }
    println!(
        "{} files, {} time expressions written to {}",
        summary.files,
        summary.time_expressions,
        args.out_dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
