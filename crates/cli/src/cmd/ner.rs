//! `dossier ner`: named entities with the spaCy-compatible model. `--raw FILE` reads one document
//! per line and prints spaCy's character offsets, one JSON line per input line.

use anyhow::{Context, Result};
use dossier_ner::Model;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Lines handed to the model at once (rayon spreads them over the cores).
const CHUNK: usize = 512;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input: with `--raw`, one document per line (`-` for standard input).
    file: PathBuf,
    /// Treat every line of FILE as one document; print `{"entities":[{"start","end","label"}]}`
    /// per line with character offsets (Unicode scalar values), exactly as spaCy's.
    #[arg(long)]
    raw: bool,
    /// The model folder (default: $DOSSIER_MODEL, else ./models/en_core_web_sm).
    #[arg(long)]
    model: Option<PathBuf>,
}

/// Load the model from `--model`, `$DOSSIER_MODEL` or `./models/en_core_web_sm`.
pub fn load_model(explicit: Option<&Path>) -> Result<Option<Model>> {
    let Some(dir) = dossier_ner::find_model(explicit) else {
        return Ok(None);
    };
    let model = Model::load(&dir)
        .with_context(|| format!("loading the NER model from {}", dir.display()))?;
    Ok(Some(model))
}

pub const NO_MODEL: &str =
    "no NER model found (run scripts/fetch-model.sh, or pass --model / set DOSSIER_MODEL)";

pub fn run(args: Args) -> Result<ExitCode> {
    let Some(model) = load_model(args.model.as_deref())? else {
        anyhow::bail!("{NO_MODEL}");
    };
    if !args.raw {
        anyhow::bail!("only --raw input is supported here; for documents in any format use `dossier annotate`");
    }
    let reader: Box<dyn BufRead> = if args.file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&args.file)
            .with_context(|| format!("{}: cannot read", args.file.display()))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut lines: Vec<String> = Vec::with_capacity(CHUNK);
    let flush = |lines: &mut Vec<String>, out: &mut dyn Write| -> Result<()> {
        let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
        for ents in model.entities_batch(&texts) {
            writeln!(out, "{}", dossier_ner::raw_json_line(&ents))?;
        }
        lines.clear();
        Ok(())
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let bytes =
            line.with_context(|| format!("{}: read error at line {}", args.file.display(), n + 1))?;
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if text.ends_with('\r') {
            text.pop();
        }
        lines.push(text);
        if lines.len() == CHUNK {
            flush(&mut lines, &mut out)?;
        }
    }
    flush(&mut lines, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
