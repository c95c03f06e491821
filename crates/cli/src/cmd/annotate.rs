//! `dossier annotate FILE`: a document's annotations for any input format, anchored on the
//! publication date or `--dct`: sentences and time expressions (stage 2), named entities,
//! linked actors and places (stage 3), quantities, attributions, events, facts and assessments
//! (stage 4), all with byte spans into the printed text.

use anyhow::{bail, Context, Result};
use dossier_core::annotation::Annotated;
use dossier_core::{Diagnostic, Document, EntityMention, Span, Timestamp};
use dossier_ingest::Limits;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input file (any ingest format; `-` for standard input).
    file: PathBuf,
    /// The document creation time to anchor relative dates on (overrides the document's own
    /// publication date), e.g. `2024-03-25` or `2024-03-25T10:57:00+01:00`.
    #[arg(long)]
    dct: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// The NER model folder (default: $DOSSIER_MODEL, else ./models/en_core_web_sm). Without a
    /// model, annotation runs without named entities and says so.
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Text,
}

/// `dossier annotate --format json`: one entry per document in the file.
#[derive(Debug, Serialize)]
struct Output<'a> {
    documents: Vec<DocAnnotations<'a>>,
}

#[derive(Debug, Serialize)]
struct DocAnnotations<'a> {
    title: Option<&'a str>,
    published: Option<String>,
    /// The date relative expressions were anchored on (`--dct`, else the publication date).
    dct: Option<String>,
    language: &'a str,
    format: &'a str,
    locator: Option<&'a str>,
    /// The extracted text all spans (byte offsets) point into.
    text: &'a str,
    #[serde(flatten)]
    annotations: &'a Annotated,
    /// Named entities (byte spans), when an NER model is available.
    entities: &'a [EntityMention],
    /// Groups and organisations, linked to the knowledge base where they are in it.
    actors: &'a [dossier_claims::Actor],
    /// Geocoded place mentions.
    places: &'a [dossier_core::place::GeoRef],
    /// Quantities, attributions, events, facts and assessments (the extract stage).
    #[serde(flatten)]
    extraction: &'a dossier_core::claims::Extraction,
}

/// Entity mentions of one text, with byte spans.
fn mentions(model: &dossier_ner::Model, text: &str) -> Vec<EntityMention> {
    dossier_knowledge::analyze::ner_by_paragraph(model, text)
        .into_iter()
        .map(|e| EntityMention {
            span: Span::new(e.start, e.end),
            label: e.label.to_string(),
            text: text[e.start..e.end].to_string(),
            source: "ner".into(),
        })
        .collect()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let dct = match &args.dct {
        Some(s) => Some(
            dossier_ingest::dates::parse_datetime(s)
                .with_context(|| format!("--dct {s:?} is not a date or date-time"))?,
        ),
        None => None,
    };
    let label = args.file.display().to_string();
    let mut docs: Vec<Document> = Vec::new();
    let outcome =
        dossier_ingest::read_path(&args.file, &label, Limits::default(), &mut |d| docs.push(d))?;
    for d in &outcome.diagnostics {
        eprintln!("{d}");
    }
    if docs.is_empty() {
        bail!("{label}: no document to annotate");
    }
    let res = super::analyze::resources(args.model.as_deref())?;
    let model = &res.ner;
    let annotated: Vec<(Option<Timestamp>, String, Annotated)> = docs
        .iter()
        .map(|doc| {
            let anchor = dct.or(doc.published);
            let lang = doc.language.clone().unwrap_or_else(|| "en".into());
            let mut a = dossier_annotate::annotate_at(&doc.text, anchor.as_ref(), &lang);
            if model.is_none() {
                a.diagnostics
                    .push(Diagnostic::warning("annotate", super::ner::NO_MODEL));
            }
            (anchor, lang, a)
        })
        .collect();
    let entities: Vec<Vec<EntityMention>> = docs
        .iter()
        .map(|d| {
            model
                .as_ref()
                .map_or_else(Vec::new, |m| mentions(m, &d.text))
        })
        .collect();
    // The later stages, as `dossier analyze` stores them.
    let analyses: Vec<dossier_knowledge::Analysis> = docs
        .iter()
        .zip(&annotated)
        .map(|(doc, (anchor, lang, _))| {
            dossier_knowledge::analyze(&doc.text, anchor.as_ref(), lang, &res)
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let documents = docs
                .iter()
                .zip(&annotated)
                .zip(&entities)
                .zip(&analyses)
                .map(|(((doc, (anchor, lang, a)), ents), an)| DocAnnotations {
                    title: doc.title.as_deref(),
                    published: doc.published.map(|t| t.local_string()),
                    dct: anchor.map(|t| t.local_date().to_string()),
                    language: lang,
                    format: doc.format.as_str(),
                    locator: doc.provenance.locator.as_deref(),
                    text: &doc.text,
                    annotations: a,
                    entities: ents,
                    actors: &an.actors,
                    places: &an.places,
                    extraction: &an.extraction,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &Output { documents })?;
            writeln!(out)?;
        }
        Format::Text => {
            for ((doc, (anchor, _, a)), ents) in docs.iter().zip(&annotated).zip(&entities) {
                writeln!(
                    out,
                    "# {} (dct {})",
                    doc.title.as_deref().unwrap_or("(untitled)"),
                    anchor.map_or("none".into(), |t| t.local_date().to_string())
                )?;
                writeln!(out, "{} sentences", a.sentences.len())?;
                for t in &a.time_expressions {
                    let m = t
                        .modifier
                        .as_deref()
                        .map(|m| format!(" mod={m}"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "{:>6}-{:<6} {:<8} {:<20}{m}  {:?}",
                        t.span.start,
                        t.span.end,
                        t.kind.as_str(),
                        t.value,
                        t.text
                    )?;
                }
                for e in ents {
                    writeln!(
                        out,
                        "{:>6}-{:<6} {:<8} {:?}",
                        e.span.start, e.span.end, e.label, e.text
                    )?;
                }
                for d in &a.diagnostics {
                    writeln!(out, "{d}")?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
