//! `dossier eval STAGE DATA`: score an extraction stage on gold data and print precision,
//! recall and F1.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    stage: Stage,
}

#[derive(Debug, clap::Subcommand)]
enum Stage {
    /// Time expressions against the gold TIMEX3 tags of TimeML files (TempEval-3 measures).
    Timex {
        /// A folder of TimeML files, e.g. ../shared/data/tempeval3/tbaq-cleaned.
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.stage {
        Stage::Timex { dir, json } => {
            let report = dossier_annotate::eval::eval_timex(&dir)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
