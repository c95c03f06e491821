//! The `dossier` binary: parses the command line and hands each subcommand to `cmd::*`.
//!
//! Thin by design: all real work lives in the library crates.

mod cmd;
mod output;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Dossier: news reports in, a cited, time-aware knowledge base out.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    /// The store file (SQLite).
    #[arg(
        long,
        global = true,
        env = "DOSSIER_STORE",
        default_value = "dossier.db"
    )]
    store: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Ingest files, folders (recursively) or `-` (standard input) into the store.
    Ingest(cmd::ingest::Args),
    /// List the stored documents.
    Docs(cmd::docs::Args),
    /// Show one document with its extracted text.
    Doc(cmd::doc::Args),
    /// Full-text search over the stored documents.
    Search(cmd::search::Args),
    /// Annotate one input file (sentences, time expressions) and print the annotations.
    Annotate(cmd::annotate::Args),
    /// Annotate TimeML/TempEval-3 files and write them with TIMEX3 tags (for the official scorer).
    Timeml(cmd::timeml::Args),
    /// Score an extraction stage on gold data: precision, recall, F1.
    Eval(cmd::eval::Args),
    /// Named entities with the spaCy-compatible NER model.
    Ner(cmd::ner::Args),
    /// Analyse stored documents: time expressions, entities, places, claims and events.
    Analyze(cmd::analyze::Args),
    /// The cited dossier on an entity: what is known about it, as of a date.
    Profile(cmd::profile::Args),
    /// Events as JSON, CSV or GeoJSON.
    Events(cmd::events::Args),
    /// Answer a question with citations.
    Ask(cmd::ask::Args),
    /// List the curated knowledge base of armed groups and institutions.
    Entities(cmd::entities::ListArgs),
    /// One entity: identity, aliases, relations, sources, and its mentions in the store.
    Entity(cmd::entities::ShowArgs),
    /// Serve the JSON API and the web UI (loopback by default; writes need --token).
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(a) => cmd::ingest::run(&cli.store, a),
        Command::Docs(a) => cmd::docs::run(&cli.store, a),
        Command::Doc(a) => cmd::doc::run(&cli.store, a),
        Command::Search(a) => cmd::search::run(&cli.store, a),
        Command::Annotate(a) => cmd::annotate::run(a),
        Command::Timeml(a) => cmd::timeml::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Ner(a) => cmd::ner::run(a),
        Command::Analyze(a) => cmd::analyze::run(&cli.store, a),
        Command::Profile(a) => cmd::profile::run(&cli.store, a),
        Command::Events(a) => cmd::events::run(&cli.store, a),
        Command::Ask(a) => cmd::ask::run(&cli.store, a),
        Command::Entities(a) => cmd::entities::list(a),
        Command::Entity(a) => cmd::entities::show(&cli.store, a),
        Command::Serve(a) => cmd::serve::run(&cli.store, a),
    }
}
