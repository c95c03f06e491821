//! `dossier ingest PATH...`: files, folders (recursively) and `-` into the store, whole files
//! per transaction, with a progress bar on a terminal and a summary at the end.

use anyhow::{Context, Result};
use dossier_core::{Diagnostic, Document, Severity};
use dossier_ingest::{detect, FileOutcome, IngestError, Limits};
use dossier_store::{PutOutcome, SqliteStore, Store, StoreTx};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// File endings taken when walking a folder (files named explicitly are always tried).
const KNOWN_ENDINGS: &[&str] = &[
    ".html",
    ".htm",
    ".xhtml",
    ".shtml",
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".jsonl",
    ".ndjson",
    ".json",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
];

/// Files parsed in parallel ahead of the (sequential, ordered) writer, and stored together in
/// one transaction.
const BATCH: usize = 64;
/// Input bytes in one batch, at most (a single larger file is a batch of its own).
const BATCH_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Largest file read (bytes); larger files fail with a clear error. WARC files are streamed.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_file_size: u64,
    /// Parser threads (default: all cores). Writing is always one ordered transaction per file.
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// No progress output; errors and the summary only.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// The end-of-run summary (also `--json`).
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub failed_files: usize,
    pub documents: usize,
    pub new: usize,
    pub updated: usize,
    pub duplicate: usize,
    pub near_duplicates: usize,
    pub errors: usize,
    pub warnings: usize,
    pub seconds: f64,
    /// Peak resident memory of the process in KiB (Linux; `null` elsewhere).
    pub peak_rss_kib: Option<u64>,
    /// CPU time of the process, all threads, user + system (Linux; `null` elsewhere).
    pub cpu_seconds: Option<f64>,
}

/// User + system CPU time of this process from /proc (clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may contain spaces) start at field 3.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident set size from /proc (VmHWM), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn label(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

fn collect_inputs(paths: &[PathBuf], failures: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let name = e.file_name().to_string_lossy().to_ascii_lowercase();
                        if KNOWN_ENDINGS.iter().any(|end| name.ends_with(end)) {
                            inputs.push(Input::File(e.into_path()));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let at = e.path().unwrap_or(p).display().to_string();
                        let why = e
                            .io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string);
                        failures.push(format!("{at}: cannot read: {why}"));
                    }
                }
            }
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            failures.push(format!("{}: no such file or folder", p.display()));
        }
    }
    inputs
}

/// A parsed file waiting for the writer.
struct Parsed {
    label: String,
    result: Result<(FileOutcome, Vec<Document>), IngestError>,
}

fn parse_in_memory(input: &Input, limits: Limits) -> Parsed {
    let label = input.label();
    let mut docs = Vec::new();
    let path = match input {
        Input::Stdin => PathBuf::from("-"),
        Input::File(p) => p.clone(),
    };
    let result =
        dossier_ingest::read_path(&path, &label, limits, &mut |d| docs.push(d)).map(|o| (o, docs));
    Parsed { label, result }
}

/// Streams (WARC) are parsed by the writer itself, record by record.
fn is_stream(input: &Input) -> bool {
    matches!(input, Input::File(p) if p.file_name().and_then(|n| n.to_str()).is_some_and(detect::is_warc_name))
}

struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
    last_line: Instant,
    started: Instant,
}

impl Reporter {
    fn error(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn progress(&mut self, done: usize, total: usize, s: &Summary) {
        let rate = s.documents as f64 / self.started.elapsed().as_secs_f64().max(1e-6);
        if let Some(b) = &self.bar {
            b.set_position(done as u64);
            b.set_message(format!(
                "{} docs, {rate:.0} docs/s, {} errors",
                s.documents, s.errors
            ));
        } else if !self.quiet
            && (self.last_line.elapsed() >= Duration::from_secs(5) || done == total)
        {
            eprintln!(
                "ingest: {done}/{total} files, {} documents, {rate:.0} docs/s, {} errors",
                s.documents, s.errors
            );
            self.last_line = Instant::now();
        }
    }
}

pub fn run(store_path: &Path, args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let mut store = SqliteStore::open(store_path)
        .with_context(|| format!("opening store {}", store_path.display()))?;
    let limits = Limits {
        max_file_bytes: args.max_file_size,
        ..Limits::default()
    };
    let mut s = Summary::default();
    let mut early_failures = Vec::new();
    let inputs = collect_inputs(&args.paths, &mut early_failures);
    let show_bar = !args.quiet && std::io::stderr().is_terminal();
    let bar = show_bar.then(|| {
        let b = ProgressBar::new(inputs.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  [{elapsed_precise}]")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    });
    let mut rep = Reporter {
        bar,
        quiet: args.quiet,
        last_line: Instant::now(),
        started,
    };
    for f in &early_failures {
        fail_file(&mut s, &rep, f);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let total = inputs.len();
    let units = plan(&inputs);
    let parse = |r: &std::ops::Range<usize>| -> Vec<Parsed> {
        pool.install(|| {
            inputs[r.clone()]
                .par_iter()
                .map(|inp| parse_in_memory(inp, limits))
                .collect()
        })
    };
    // While one batch is written (one thread: the store), the next is parsed.
    let mut done = 0usize;
    let mut ready: Option<Vec<Parsed>> = None;
    for (k, unit) in units.iter().enumerate() {
        let next = match units.get(k + 1) {
            Some(Unit::Batch(r)) => Some(r.clone()),
            _ => None,
        };
        std::thread::scope(|sc| -> Result<()> {
            let ahead = next.as_ref().map(|r| sc.spawn(|| parse(r)));
            match unit {
                Unit::Stream(i) => {
                    let Input::File(path) = &inputs[*i] else {
                        unreachable!("streams are files")
                    };
                    write_streaming(&mut store, path, &inputs[*i].label(), limits, &mut s, &rep)?;
                    done += 1;
                }
                Unit::Batch(r) => {
                    let parsed = ready.take().unwrap_or_else(|| parse(r));
                    done += parsed.len();
                    write_batch(&mut store, parsed, &mut s, &rep)?;
                }
            }
            ready = match ahead {
                Some(h) => Some(
                    h.join()
                        .map_err(|_| anyhow::anyhow!("a parser thread panicked"))?,
                ),
                None => None,
            };
            Ok(())
        })?;
        rep.progress(done, total, &s);
    }
    s.files = total + early_failures.len();
    s.seconds = started.elapsed().as_secs_f64();
    s.peak_rss_kib = peak_rss_kib();
    s.cpu_seconds = cpu_seconds();
    if let Some(b) = &rep.bar {
        b.finish_and_clear();
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        println!(
            "{} files: {} documents ({} new, {} updated, {} duplicate; {} near-duplicate links), {} files failed, {:.1}s",
            s.files, s.documents, s.new, s.updated, s.duplicate, s.near_duplicates, s.failed_files, s.seconds
        );
    }
    Ok(if s.failed_files > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn count(s: &mut Summary, o: PutOutcome) {
    s.documents += 1;
    match o {
        PutOutcome::New {
            near_duplicate_of, ..
        } => {
            s.new += 1;
            if near_duplicate_of.is_some() {
                s.near_duplicates += 1;
            }
        }
        PutOutcome::Updated { .. } => s.updated += 1,
        PutOutcome::Duplicate { .. } => s.duplicate += 1,
    }
}

/// A file that could not be read at all: one error line, counted as failed.
fn fail_file(s: &mut Summary, rep: &Reporter, why: &dyn std::fmt::Display) {
    rep.error(&format!("error: {why}"));
    s.failed_files += 1;
    s.errors += 1;
}

/// A file that was read and stored: count its documents and report its diagnostics; a bad
/// record makes the file count as failed.
fn file_done(s: &mut Summary, rep: &Reporter, outcomes: Vec<PutOutcome>, diags: &[Diagnostic]) {
    for o in outcomes {
        count(s, o);
    }
    if report_diagnostics(diags, s, rep) {
        s.failed_files += 1;
    }
}

fn report_diagnostics(diags: &[Diagnostic], s: &mut Summary, rep: &Reporter) -> bool {
    let mut failed = false;
    for d in diags {
        match d.severity {
            Severity::Error => {
                s.errors += 1;
                failed = true;
                rep.error(&d.to_string());
            }
            Severity::Warning => {
                s.warnings += 1;
                tracing::warn!("{d}");
            }
        }
    }
    failed
}

/// Store a batch of parsed files in one transaction. A file is never split: after a crash the
/// store holds whole files only. Files that failed to parse store nothing.
fn write_batch(
    store: &mut SqliteStore,
    batch: Vec<Parsed>,
    s: &mut Summary,
    rep: &Reporter,
) -> Result<()> {
    let mut tx = store.begin()?;
    let mut results = Vec::with_capacity(batch.len());
    for p in &batch {
        if let Ok((_, docs)) = &p.result {
            let mut outcomes = Vec::with_capacity(docs.len());
            for d in docs {
                outcomes.push(
                    tx.put(d)
                        .with_context(|| format!("storing a document from {}", p.label))?,
                );
            }
            results.push(outcomes);
        } else {
            results.push(Vec::new());
        }
    }
    tx.commit().context("committing a batch of files")?;
    for (p, outcomes) in batch.into_iter().zip(results) {
        match p.result {
            Ok((outcome, _)) => file_done(s, rep, outcomes, &outcome.diagnostics),
            Err(e) => fail_file(s, rep, &e),
        }
    }
    Ok(())
}

/// A unit of writing: a stream (WARC, written record by record) or a batch of whole files.
enum Unit {
    Stream(usize),
    Batch(std::ops::Range<usize>),
}

/// Cut the inputs into units: batches of up to BATCH files and BATCH_BYTES, streams alone.
fn plan(inputs: &[Input]) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < inputs.len() {
        if is_stream(&inputs[i]) {
            units.push(Unit::Stream(i));
            i += 1;
            continue;
        }
        let mut bytes = 0u64;
        let mut end = i;
        while end < inputs.len()
            && end - i < BATCH
            && !is_stream(&inputs[end])
            && (end == i || bytes < BATCH_BYTES)
        {
            bytes += input_size(&inputs[end]);
            end += 1;
        }
        units.push(Unit::Batch(i..end));
        i = end;
    }
    units
}

/// Size of an input file (0 for stdin or when unknown), for batching.
fn input_size(input: &Input) -> u64 {
    match input {
        Input::Stdin => 0,
        Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
    }
}

/// Stream a WARC file into one transaction, record by record.
fn write_streaming(
    store: &mut SqliteStore,
    path: &Path,
    label: &str,
    limits: Limits,
    s: &mut Summary,
    rep: &Reporter,
) -> Result<()> {
    let mut tx = store.begin()?;
    let mut outcomes = Vec::new();
    let mut store_err = None;
    let result = dossier_ingest::read_path(path, label, limits, &mut |d| {
        if store_err.is_none() {
            match tx.put(&d) {
                Ok(o) => outcomes.push(o),
                Err(e) => store_err = Some(e),
            }
        }
    });
    if let Some(e) = store_err {
        return Err(e).with_context(|| format!("storing a document from {label}"));
    }
    match result {
        Ok(outcome) => {
            tx.commit().with_context(|| format!("committing {label}"))?;
            file_done(s, rep, outcomes, &outcome.diagnostics);
        }
        Err(e) => {
            drop(tx);
            fail_file(s, rep, &e);
        }
    }
    Ok(())
}
