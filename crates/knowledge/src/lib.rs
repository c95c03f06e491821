//! The knowledge layer: analyse stored documents (stages 2–3), fuse what they say across
//! documents (stage 4) and answer with cited dossiers, timelines, questions and exports (stage 5).
//!
//! Reads and writes go through `dossier-store`; nothing here reads the clock: "as of" is always an
//! explicit date.

pub mod analyze;
pub mod ask;
pub mod dossier;
pub mod export;
pub mod profile;
pub mod render;
pub mod topic;

pub use analyze::{analyze, Analysis, Resources, ANALYZER};
pub use dossier::Dossier;

use dossier_entities::KnowledgeBase;
use dossier_store::SqliteStore;
use profile::Loaded;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no entity called {name:?}{}", suggestions_text(.suggestions))]
    NotFound {
        name: String,
        suggestions: Vec<String>,
    },
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    #[error("{0}")]
    Invalid(String),
}

fn suggestions_text(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            s.iter()
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// Case- and diacritic-insensitive resolution of a name or alias to an entity id: the knowledge
/// base first, then names documents gave to new entities. `NotFound` carries suggestions.
pub fn resolve(kb: &KnowledgeBase, store: &SqliteStore, name: &str) -> Result<String, Error> {
    let found = kb.lookup(name);
    if let Some(e) = found
        .iter()
        .find(|e| e.category == dossier_core::kb::KbCategory::ArmedGroup)
        .or(found.first())
    {
        return Ok(e.id.clone());
    }
    if kb.get(name).is_some() {
        return Ok(name.to_string());
    }
    let key = dossier_entities::normalize::name_key(name);
    // A person asked for with a title ("Dr. Lena Varga") is the person without it.
    let person = analyze::person_id(name);
    for (id, _) in store.analysed_entities()? {
        if dossier_entities::normalize::name_key(id.trim_start_matches("new:")) == key
            || person.as_deref() == Some(id.as_str())
        {
            return Ok(id);
        }
    }
    // A name (or acronym) reports give a group the knowledge base does not know.
    if let Some(id) = store.entities_named(&key)?.into_iter().next() {
        return Ok(id);
    }
    // "Shekau": the one person the reports name in full with this surname.
    if !name.trim().contains(' ') && key.chars().count() > 2 {
        let surname = dossier_entities::new_key(name);
        let mut people: Vec<String> = store
            .analysed_entities()?
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| {
                id.strip_prefix("new:").is_some_and(|k| {
                    k.contains('-') && k.rsplit('-').next() == Some(surname.as_str())
                })
            })
            .collect();
        people.sort();
        people.dedup();
        if people.len() == 1 {
            return Ok(people.remove(0));
        }
    }
    // "Who leads the TTP?": the name without its article.
    if let Some(rest) = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
    {
        if let Ok(id) = resolve(kb, store, rest) {
            return Ok(id);
        }
    }
    Err(Error::NotFound {
        name: name.to_string(),
        suggestions: suggest(kb, name),
    })
}

/// Up to five known names close to `name` (shared prefix, containment or small edit distance).
pub fn suggest(kb: &KnowledgeBase, name: &str) -> Vec<String> {
    let key = dossier_entities::normalize::name_key(name);
    let mut scored: Vec<(usize, String)> = Vec::new();
    for e in kb.entities() {
        for n in e.names() {
            let k = dossier_entities::normalize::name_key(n.name);
            let d = if k.contains(&key) || key.contains(&k) && k.len() >= 3 {
                1
            } else {
                edit_distance(&k, &key)
            };
            if d <= 2.max(key.len() / 4) {
                scored.push((d, format!("{} ({})", n.name, e.name)));
            }
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(5).map(|s| s.1).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Load the analyses that mention `id`, published on or before `as_of`.
pub fn load_for(store: &SqliteStore, id: &str, as_of: Option<&str>) -> Result<Vec<Loaded>, Error> {
    Ok(store
        .analyses_for_entity(id, as_of)?
        .into_iter()
        .filter_map(Loaded::parse)
        .collect())
}

/// The dossier on `name` as of a date: an entity's, else (a place, an event named by its venue)
/// the events there or so named ([`topic`]).
pub fn profile(
    store: &SqliteStore,
    kb: &KnowledgeBase,
    name: &str,
    as_of: Option<&str>,
) -> Result<Dossier, Error> {
    let id = match resolve(kb, store, name) {
        Ok(id) => id,
        // No entity: a place or an event, when events are there or so named.
        Err(Error::NotFound { name, suggestions }) => {
            let docs: Vec<Loaded> = store
                .analyses(as_of)?
                .into_iter()
                .filter_map(Loaded::parse)
                .collect();
            return topic::build(&name, &docs, kb, as_of)
                .ok_or(Error::NotFound { name, suggestions });
        }
        Err(e) => return Err(e),
    };
    let docs = load_for(store, &id, as_of)?;
    Ok(profile::build(&id, &docs, kb, as_of))
}

/// Analyse every version that has no analysis by this analyzer yet, in batches; returns
/// the number analysed. `progress` is called after each batch with (done, total).
pub fn analyze_pending(
    store: &mut SqliteStore,
    res: &Resources,
    batch: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize, Error> {
    let (_, total) = store.analysis_counts(ANALYZER)?;
    let total = total as usize;
    let mut done = 0usize;
    loop {
        let pending = store.pending_analysis(ANALYZER, batch.max(1))?;
        if pending.is_empty() {
            break;
        }
        analyze_versions(store, res, &pending)?;
        done += pending.len();
        progress(done, total);
    }
    Ok(done)
}

/// Analyse the versions of one document not yet analysed (what a single posted document needs,
/// whatever else waits): the number analysed.
pub fn analyze_document(
    store: &mut SqliteStore,
    res: &Resources,
    doc_id: i64,
) -> Result<usize, Error> {
    let pending = store.pending_analysis_of(ANALYZER, doc_id)?;
    if !pending.is_empty() {
        analyze_versions(store, res, &pending)?;
    }
    Ok(pending.len())
}

/// Analyse and store the given versions in one batch.
fn analyze_versions(
    store: &mut SqliteStore,
    res: &Resources,
    pending: &[dossier_store::PendingVersion],
) -> Result<(), Error> {
    let mut inputs = Vec::new();
    for p in pending {
        let Some((text, _title, published, language)) = store.version_text(p.version_id)? else {
            continue;
        };
        let ts = published
            .as_deref()
            .and_then(dossier_core::Timestamp::parse_local);
        let lang = language.unwrap_or_else(|| "en".into());
        inputs.push((p, text, ts, lang));
    }
    // The batch at once: the NER runs on groups of documents (same results, less time).
    let items: Vec<analyze::BatchItem> = inputs
        .iter()
        .map(|(_, text, ts, lang)| (text.as_str(), ts.as_ref(), lang.as_str()))
        .collect();
    let analysed = analyze::analyze_linked_batch(&items, res);
    let mut jsons: Vec<(i64, i64, String, &analyze::Analysis)> = Vec::new();
    for ((p, ..), (a, linked)) in inputs.iter().zip(&analysed) {
        // Linked mentions (knowledge-base and new entities, aliases with evidence) for
        // `dossier entity`: stored per current version, replacing earlier links.
        if p.current {
            store.put_linked(p.version_id, &linked.mentions, &linked.aliases)?;
        }
        let json = serde_json::to_string(a).map_err(|e| Error::Invalid(e.to_string()))?;
        jsons.push((p.version_id, p.doc_id, json, a));
    }
    let items: Vec<dossier_store::AnalysisItem> = jsons
        .iter()
        .map(|(v, d, j, a)| dossier_store::AnalysisItem {
            version_id: *v,
            doc_id: *d,
            analyzer: ANALYZER,
            json: j,
            entities: a.entity_ids(),
            names: a.entity_names(),
        })
        .collect();
    store.put_analyses(&items)?;
    Ok(())
}
