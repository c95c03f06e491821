//! `dossier entities` and `dossier entity NAME`: the curated knowledge base of armed groups and
//! institutions, and what the stored documents say about one of them (mentions, discovered
//! aliases with their sentence as evidence, merges with their reasons). `dossier entity link`
//! links the stored documents (NER, alias matches, coreference) and stores the result;
//! `dossier entity merge A B` and `dossier entity split A [--from B]` correct merges.

use anyhow::Result;
use dossier_entities::{discover_aliases, Entity, KnowledgeBase, Matcher};
use dossier_store::{ListFilter, SqliteStore, Store};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
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
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ShowArgs {
    #[command(subcommand)]
    action: Option<Action>,
    /// Any name, alias or acronym (case-, dash- and diacritic-insensitive), or the entity id
    /// (`iskp`, `new:lakurawa@3`).
    #[arg(required = true)]
    name: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: super::TableOrJson,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Link every stored document (NER, alias matches, coreference) and store the mentions,
    /// aliases and automatic merges.
    Link {
        /// The NER model folder (default: $DOSSIER_MODEL, else ./models/en_core_web_sm).
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Record that entity A is the same actor as entity B (A merged into B, by the user).
    Merge {
        a: String,
        b: String,
        #[arg(long, value_enum, default_value = "table")]
        format: super::TableOrJson,
    },
    /// Undo a merge: A is its own entity again (only the merge with B, with --from).
    Split {
        a: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: super::TableOrJson,
    },
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
    /// The knowledge-base entry, when the entity is one.
    #[serde(flatten)]
    entity: Option<&'a Entity>,
    /// The store's id of the entity (after following merges).
    entity_id: String,
    /// Mentions in the store, all documents together.
    mention_count: usize,
    /// `linked` (stored by `dossier entity link` / `dossier analyze`) or `matched` (alias
    /// matches computed now: the store has no linked mentions).
    mentions_from: &'static str,
    documents: Vec<DocMentions>,
    discovered_aliases: Vec<Evidence>,
    /// The entities merged into this one and the merges touching it, with their reasons.
    members: Vec<String>,
    merges: Vec<dossier_store::MergeRecord>,
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
    match args.action {
        Some(Action::Link { model }) => return link_all(store_path, model.as_deref()),
        Some(Action::Merge { a, b, format }) => return merge(store_path, &a, &b, format),
        Some(Action::Split { a, from, format }) => {
            return split(store_path, &a, from.as_deref(), format)
        }
        None => {}
    }
    let name = args.name.unwrap_or_default();
    let kb = kb()?;
    // A stored entity (a new one, or a knowledge-base entity by its id).
    if store_path.exists() {
        let store = SqliteStore::open(store_path)?;
        if store.has_linked()? && kb.lookup(&name).is_empty() {
            if let Some(id) = stored_id(&store, &kb, &name)? {
                return show_stored(&store, &kb, None, &id, args.format);
            }
        }
    }
    let found = kb.lookup(&name);
    let Some(entity) = found.first().copied() else {
        let key = dossier_entities::kb::alias_key(&name);
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
        eprintln!("error: no entity named {name:?}");
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
        if store.has_linked()? {
            let id = store.resolve_entity(&entity.id)?;
            return show_stored(&store, &kb, Some(entity), &id, args.format);
        }
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
        entity: Some(entity),
        entity_id: entity.id.clone(),
        mention_count: documents.iter().map(|d| d.mentions).sum(),
        mentions_from: "matched",
        documents,
        discovered_aliases: discovered,
        members: vec![entity.id.clone()],
        merges: Vec::new(),
    };
    print_entity(&kb, &out_value, args.format)
}

fn print_entity(
    kb: &KnowledgeBase,
    out_value: &EntityOut<'_>,
    format: super::TableOrJson,
) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match format {
        super::TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &out_value)?;
            writeln!(out)?;
        }
        super::TableOrJson::Table => {
            let Some(e) = out_value.entity else {
                writeln!(out, "# {}", out_value.entity_id)?;
                print_store_part(&mut out, out_value)?;
                return Ok(ExitCode::SUCCESS);
            };
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
            print_store_part(&mut out, out_value)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The mentions, aliases and merges lines of the table output.
fn print_store_part(out: &mut impl Write, v: &EntityOut<'_>) -> Result<()> {
    writeln!(
        out,
        "mentions: {} in {} stored documents ({})",
        v.mention_count,
        v.documents.len(),
        v.mentions_from
    )?;
    for d in &v.documents {
        writeln!(
            out,
            "  [{}] {} ({}×, as {:?})",
            d.doc,
            d.title.as_deref().unwrap_or("(untitled)"),
            d.mentions,
            d.first
        )?;
    }
    for ev in &v.discovered_aliases {
        writeln!(
            out,
            "alias found: {:?} = {:?} in [{}]: {}",
            ev.name, ev.alias, ev.doc, ev.sentence
        )?;
    }
    for m in &v.merges {
        writeln!(out, "merge:    {}", merge_line(m))?;
    }
    Ok(())
}

fn merge_line(m: &dossier_store::MergeRecord) -> String {
    let mut s = format!("#{} {} -> {} ({}", m.id, m.from, m.into, m.reason);
    if let Some(a) = &m.alias {
        s.push_str(&format!(": {a:?}"));
    }
    if let Some(d) = m.doc_id {
        s.push_str(&format!(", document {d}"));
    }
    s.push_str(&format!(", by {})", m.created_by));
    if let Some(u) = &m.undone_by {
        s.push_str(&format!(" [split by {u}]"));
    }
    s
}

/// The stored entity a command-line name denotes: a stored id, a knowledge-base name, or a
/// name key of new entities (all of which must resolve to one entity).
fn stored_id(store: &SqliteStore, kb: &KnowledgeBase, name: &str) -> Result<Option<String>> {
    if store.entity(name)?.is_some() {
        return Ok(Some(name.to_string()));
    }
    if let [e] = kb.lookup(name).as_slice() {
        if store.entity(&e.id)?.is_some() {
            return Ok(Some(e.id.clone()));
        }
    }
    let mut roots: Vec<String> = Vec::new();
    for e in store.entities_by_key(&dossier_entities::new_key(name))? {
        let r = store.resolve_entity(&e.id)?;
        if !roots.contains(&r) {
            roots.push(r);
        }
    }
    match roots.len() {
        0 => Ok(None),
        1 => Ok(roots.pop()),
        _ => anyhow::bail!(
            "{name:?} names several stored entities: {}; use the id",
            roots.join(", ")
        ),
    }
}

fn show_stored(
    store: &SqliteStore,
    kb: &KnowledgeBase,
    entity: Option<&Entity>,
    id: &str,
    format: super::TableOrJson,
) -> Result<ExitCode> {
    let entity = entity.or_else(|| kb.get(id));
    let summaries: std::collections::HashMap<i64, dossier_store::DocSummary> = store
        .list(&ListFilter::default())?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mentions = store.entity_mentions(id)?;
    let mut documents: Vec<DocMentions> = Vec::new();
    for m in &mentions {
        match documents.last_mut() {
            Some(d) if d.doc == m.doc_id => d.mentions += 1,
            _ => {
                let s = summaries.get(&m.doc_id);
                documents.push(DocMentions {
                    doc: m.doc_id,
                    title: s.and_then(|s| s.title.clone()),
                    published: s.and_then(|s| s.published.clone()),
                    mentions: 1,
                    first: m.text.clone(),
                });
            }
        }
    }
    let discovered = store
        .entity_aliases(id)?
        .into_iter()
        .map(|a| Evidence {
            name: a.name,
            alias: a.alias,
            doc: a.doc_id,
            sentence: a.sentence,
            pattern: a.pattern,
        })
        .collect();
    let out_value = EntityOut {
        entity,
        entity_id: id.to_string(),
        mention_count: mentions.len(),
        mentions_from: "linked",
        documents,
        discovered_aliases: discovered,
        members: store.entity_members(id)?,
        merges: store.entity_merges(id)?,
    };
    print_entity(kb, &out_value, format)
}

/// Resolve a command-line name to a stored entity id, or exit with "not found".
fn need_id(
    store: &SqliteStore,
    kb: &KnowledgeBase,
    name: &str,
) -> Result<Result<String, ExitCode>> {
    match stored_id(store, kb, name)? {
        Some(id) => Ok(Ok(id)),
        None => {
            eprintln!("error: no stored entity named {name:?} (run `dossier entity link` first?)");
            Ok(Err(ExitCode::from(super::NOT_FOUND)))
        }
    }
}

fn print_merges(recs: &[dossier_store::MergeRecord], format: super::TableOrJson) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        super::TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, recs)?;
            writeln!(out)?;
        }
        super::TableOrJson::Table => {
            for m in recs {
                writeln!(out, "{}", merge_line(m))?;
            }
        }
    }
    Ok(())
}

fn merge(store_path: &Path, a: &str, b: &str, format: super::TableOrJson) -> Result<ExitCode> {
    let mut store = super::open_existing(store_path)?;
    let kb = kb()?;
    let from = match need_id(&store, &kb, a)? {
        Ok(id) => id,
        Err(code) => return Ok(code),
    };
    let into = match need_id(&store, &kb, b)? {
        Ok(id) => id,
        Err(code) => return Ok(code),
    };
    let rec = store.merge_entities(&from, &into)?;
    print_merges(&[rec], format)?;
    Ok(ExitCode::SUCCESS)
}

fn split(
    store_path: &Path,
    a: &str,
    from: Option<&str>,
    format: super::TableOrJson,
) -> Result<ExitCode> {
    let mut store = super::open_existing(store_path)?;
    let kb = kb()?;
    // The entity as named (not its root): look up its own id first.
    let id = if store.entity(a)?.is_some() {
        a.to_string()
    } else {
        match need_id(&store, &kb, a)? {
            Ok(id) => id,
            Err(code) => return Ok(code),
        }
    };
    let other = match from {
        Some(f) if store.entity(f)?.is_some() => Some(f.to_string()),
        Some(f) => match need_id(&store, &kb, f)? {
            Ok(id) => Some(id),
            Err(code) => return Ok(code),
        },
        None => None,
    };
    let recs = store.split_entity(&id, other.as_deref())?;
    print_merges(&recs, format)?;
    Ok(ExitCode::SUCCESS)
}

/// `dossier entity link`: NER, sentences, alias matching and linking of every stored document's
/// current version, stored with `put_linked`.
fn link_all(store_path: &Path, model: Option<&Path>) -> Result<ExitCode> {
    let Some(model) = super::ner::load_model(model)? else {
        anyhow::bail!("{}", super::ner::NO_MODEL);
    };
    let mut store = super::open_existing(store_path)?;
    let linker = dossier_entities::Linker::builtin()?;
    let (mut docs, mut mentions, mut merges) = (0usize, 0usize, 0usize);
    for summary in store.list(&ListFilter::default())? {
        let Some(doc) = store.get(summary.id)? else {
            continue;
        };
        let Some(vid) = store.version_id(doc.id, doc.version)? else {
            continue;
        };
        let linked = link_stored(&linker, &model, &doc.document);
        let r = store.put_linked(vid, &linked.mentions, &linked.aliases)?;
        docs += 1;
        mentions += r.mentions;
        merges += r.merges.len();
    }
    println!("linked {docs} documents: {mentions} mentions, {merges} new merges");
    Ok(ExitCode::SUCCESS)
}

/// NER + sentences + [`dossier_entities::link_document`] for one document.
pub fn link_stored(
    linker: &dossier_entities::Linker,
    model: &dossier_ner::Model,
    doc: &dossier_core::Document,
) -> dossier_entities::LinkedDocument {
    let text = &doc.text;
    let ner = dossier_geo::mentions_from_ner(
        text,
        &dossier_knowledge::analyze::ner_by_paragraph(model, text),
    );
    let lang = doc.language.as_deref().unwrap_or("en");
    let sentences: Vec<dossier_core::Span> = dossier_annotate::annotate(text, None, lang)
        .sentences
        .iter()
        .map(|s| s.span)
        .collect();
    linker.link_document(text, &sentences, &ner)
}
