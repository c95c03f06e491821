//! `dossier entities` and `dossier entity NAME`: the curated knowledge base of armed groups and
//! institutions, and what the stored documents say about one of them (mentions, discovered
//! aliases with their sentence as evidence).

use anyhow::Result;
use dossier_entities::{discover_aliases, Entity, KnowledgeBase, Matcher};
use dossier_store::{ListFilter, SqliteStore, Store};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only entities of this kind or category (`armed_group`, `institution`, `jihadist`, …).
    #[arg(long)]
    kind: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: super::TableOrJson,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Any name, alias or acronym (case-, dash- and diacritic-insensitive), or the entity id.
    name: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: super::TableOrJson,
}

/// A document that mentions the entity.
#[derive(Debug, Serialize)]
struct DocMentions {
    doc: i64,
    title: Option<String>,
    published: Option<String>,
    mentions: usize,
    /// The first mention as written.
    first: String,
}

/// An alias found in a document by a pattern ("X (Y)", "also known as"), with its sentence.
#[derive(Debug, Serialize)]
struct Evidence {
    name: String,
    alias: String,
    doc: i64,
    sentence: String,
    pattern: String,
}

/// `dossier entity NAME --format json`.
#[derive(Debug, Serialize)]
struct EntityOut<'a> {
    #[serde(flatten)]
    entity: &'a Entity,
    /// Mentions in the store, all documents together.
    mention_count: usize,
    documents: Vec<DocMentions>,
    discovered_aliases: Vec<Evidence>,
}

fn kb() -> Result<KnowledgeBase> {
    Ok(KnowledgeBase::builtin()?)
}

pub fn list(args: ListArgs) -> Result<ExitCode> {
    let kb = kb()?;
    let items: Vec<&Entity> = match &args.kind {
        Some(k) => kb.with_kind(k).collect(),
        None => kb.entities().iter().collect(),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        super::TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &items)?;
            writeln!(out)?;
        }
        super::TableOrJson::Table => {
            for e in &items {
                let founded = e
                    .founded
                    .as_ref()
                    .map_or("-".to_string(), |f| f.year.to_string());
                writeln!(
                    out,
                    "{:<28} {:<48} {:<28} {:>5}  {} aliases",
                    e.id,
                    e.name,
                    e.kind,
                    founded,
                    e.names().len()
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn show(store_path: &Path, args: ShowArgs) -> Result<ExitCode> {
    let kb = kb()?;
    let found = kb.lookup(&args.name);
    let Some(entity) = found.first().copied() else {
        let key = dossier_entities::kb::alias_key(&args.name);
        let suggestions: Vec<&str> = kb
            .entities()
            .iter()
            .filter(|e| {
                e.names()
                    .iter()
                    .any(|n| dossier_entities::kb::alias_key(n.name).contains(&key))
            })
            .map(|e| e.name.as_str())
            .take(8)
            .collect();
        eprintln!("error: no entity named {:?}", args.name);
        if !suggestions.is_empty() {
            eprintln!("did you mean: {}", suggestions.join("; "));
        }
        return Ok(ExitCode::from(super::NOT_FOUND));
    };
    // What the stored documents say, when there is a store.
    let mut documents = Vec::new();
    let mut discovered = Vec::new();
    if store_path.exists() {
        let store = SqliteStore::open(store_path)?;
        let matcher = Matcher::new(&kb);
        for summary in store.list(&ListFilter::default())? {
            let Some(doc) = store.get(summary.id)? else {
                continue;
            };
            let text = &doc.document.text;
            let hits: Vec<_> = matcher
                .find(text)
                .into_iter()
                .filter(|m| m.entity.as_str() == entity.id)
                .collect();
            if let Some(first) = hits.first() {
                documents.push(DocMentions {
                    doc: summary.id,
                    title: summary.title.clone(),
                    published: summary.published.clone(),
                    mentions: hits.len(),
                    first: first.text.clone(),
                });
            }
            for d in discover_aliases(text) {
                if kb.resolve_discovered(&d).is_some_and(|e| e.id == entity.id) {
                    discovered.push(Evidence {
                        name: d.name.clone(),
                        alias: d.alias.clone(),
                        doc: summary.id,
                        sentence: d.sentence.slice(text).unwrap_or_default().to_string(),
                        pattern: d.pattern.clone(),
                    });
                }
            }
        }
    }
    let out_value = EntityOut {
        entity,
        mention_count: documents.iter().map(|d| d.mentions).sum(),
        documents,
        discovered_aliases: discovered,
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        super::TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &out_value)?;
            writeln!(out)?;
        }
        super::TableOrJson::Table => {
            let e = out_value.entity;
            writeln!(out, "# {} ({})", e.name, e.id)?;
            writeln!(out, "kind:     {}", e.kind)?;
            if let Some(f) = &e.founded {
                writeln!(
                    out,
                    "founded:  {}{}",
                    f.year,
                    if f.approximate {
                        " (approximately)"
                    } else {
                        ""
                    }
                )?;
            }
            let names: Vec<&str> = e.names().iter().map(|n| n.name).collect();
            writeln!(out, "names:    {}", names.join("; "))?;
            for r in &e.relations {
                let years = match (r.from, r.to) {
                    (Some(a), Some(b)) => format!(" ({a}–{b})"),
                    (Some(a), None) => format!(" (from {a})"),
                    (None, Some(b)) => format!(" (until {b})"),
                    (None, None) => String::new(),
                };
                let target = kb
                    .get(&r.target)
                    .map_or(r.target.as_str(), |t| t.name.as_str());
                writeln!(out, "relation: {} {target}{years}", r.kind.as_str())?;
            }
            if !e.area.is_empty() {
                writeln!(out, "area:     {}", e.area.join(", "))?;
            }
            if let Some(w) = &e.wikidata {
                writeln!(out, "wikidata: {w}")?;
            }
            for s in &e.sources {
                writeln!(out, "source:   {s}")?;
            }
            writeln!(
                out,
                "mentions: {} in {} stored documents",
                out_value.mention_count,
                out_value.documents.len()
            )?;
            for d in &out_value.documents {
                writeln!(
                    out,
                    "  [{}] {} ({}×, as {:?})",
                    d.doc,
                    d.title.as_deref().unwrap_or("(untitled)"),
                    d.mentions,
                    d.first
                )?;
            }
            for ev in &out_value.discovered_aliases {
                writeln!(
                    out,
                    "alias found: {:?} = {:?} in [{}]: {}",
                    ev.name, ev.alias, ev.doc, ev.sentence
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
