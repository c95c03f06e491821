//! Linked entities in the store (`tests/data/entities/*.json`): mentions replaced per version,
//! new entities merged across documents with their reasons, alias ties to knowledge-base
//! entities, lookups following merges, user merge and split.

use dossier_core::kb::{AliasEvidence, EntityRef, KbId, LinkBasis, LinkedMention};
use dossier_core::{Document, Format, Provenance, Span};
use dossier_store::{SqliteStore, Store, StoreTx};

struct Doc {
    version_id: i64,
    mentions: Vec<LinkedMention>,
    aliases: Vec<AliasEvidence>,
}

fn entity(kind: &str, id: &str) -> EntityRef {
    if kind == "kb" {
        EntityRef::Kb(KbId::new(id))
    } else {
        EntityRef::New(id.to_string())
    }
}

/// Ingest the fixture's documents and build their linked mentions (spans found in the text).
fn load(store: &mut SqliteStore, name: &str) -> Vec<Doc> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/entities")
        .join(name);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut out = Vec::new();
    for d in v["documents"].as_array().unwrap() {
        let text = d["text"].as_str().unwrap();
        let mut doc = Document::new(Format::Text, Provenance::at(name, "doc"), text.to_string());
        doc.url = d["url"].as_str().map(str::to_string);
        let mut tx = store.begin().unwrap();
        let id = tx.put(&doc).unwrap().id();
        tx.commit().unwrap();
        let version_id = store.version_id(id, 1).unwrap().unwrap();
        let mut from = 0;
        let mut mentions = Vec::new();
        for m in d["mentions"].as_array().unwrap() {
            let m: Vec<&str> = m
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect();
            let start = from + text[from..].find(m[0]).expect("mention in text");
            from = start + m[0].len();
            let basis = LinkBasis::parse(m[4]).unwrap();
            mentions.push(LinkedMention {
                span: Span::new(start, from),
                text: m[0].to_string(),
                label: m[1].to_string(),
                entity: entity(m[2], m[3]),
                name: m[0].trim_start_matches("the ").to_string(),
                basis,
                evidence: None,
                coreference: basis == LinkBasis::Coreference,
            });
        }
        let aliases = d["aliases"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| {
                        let x: Vec<&str> = x
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|s| s.as_str().unwrap())
                            .collect();
                        let key = |s: &str| s.to_lowercase().replace(' ', "-");
                        AliasEvidence {
                            entity: EntityRef::Kb(KbId::new(x[0])),
                            name: x[1].to_string(),
                            alias: x[2].to_string(),
                            sentence: text.to_string(),
                            pattern: x[3].to_string(),
                            keys: vec![key(x[1]), key(x[2])],
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(Doc {
            version_id,
            mentions,
            aliases,
        });
    }
    out
}

#[test]
fn new_entities_merge_across_documents_with_reasons() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let docs = load(&mut store, "lakurawa.json");
    let mut merges = Vec::new();
    for d in &docs {
        let r = store
            .put_linked(d.version_id, &d.mentions, &d.aliases)
            .unwrap();
        assert_eq!(r.mentions, d.mentions.len());
        merges.extend(r.merges);
    }
    // Idempotent: the same again changes nothing and merges nothing.
    for d in &docs {
        let r = store
            .put_linked(d.version_id, &d.mentions, &d.aliases)
            .unwrap();
        assert!(r.merges.is_empty(), "{:?}", r.merges);
    }
    insta::assert_json_snapshot!("entity_merges", merges);

    // "Lakurawa" in document 2 is document 1's Lakurawa, with the reason recorded.
    assert_eq!(
        store.resolve_entity("new:lakurawa@2").unwrap(),
        "new:lakurawa@1"
    );
    let m = store.entity_merges("new:lakurawa@2").unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].reason, "same name");
    assert_eq!(m[0].alias.as_deref(), Some("Lakurawa"));
    assert_eq!(m[0].doc_id, Some(2));
    assert_eq!(m[0].created_by, "auto");
    let mentions = store.entity_mentions("new:lakurawa@1").unwrap();
    assert_eq!(mentions.len(), 4, "{mentions:?}");
    assert_eq!(
        mentions.iter().map(|m| m.doc_id).collect::<Vec<_>>(),
        vec![1, 1, 2, 2]
    );
    // A single-word person name is never merged on its own.
    assert_eq!(store.resolve_entity("new:reyes@2").unwrap(), "new:reyes@2");
    // The court is not the group.
    assert_eq!(
        store.resolve_entity("new:federal-high-court@2").unwrap(),
        "new:federal-high-court@2"
    );
    // A stated alias ties the new name to the knowledge-base entity.
    assert_eq!(
        store
            .resolve_entity("new:sahel-branch-of-the-islamic-state@3")
            .unwrap(),
        "is-sahel"
    );
    assert_eq!(store.entity_aliases("is-sahel").unwrap().len(), 1);
    assert_eq!(store.entity_mentions("is-sahel").unwrap().len(), 3);
    // Lookup by key.
    let found = store.entities_by_key("lakurawa").unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].id, "new:lakurawa@1");
}

#[test]
fn user_split_and_merge_round_trip() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let docs = load(&mut store, "lakurawa.json");
    for d in &docs {
        store
            .put_linked(d.version_id, &d.mentions, &d.aliases)
            .unwrap();
    }
    let undone = store.split_entity("new:lakurawa@2", None).unwrap();
    assert_eq!(undone.len(), 1);
    assert_eq!(undone[0].undone_by.as_deref(), Some("user"));
    assert_eq!(
        store.resolve_entity("new:lakurawa@2").unwrap(),
        "new:lakurawa@2"
    );
    assert_eq!(store.entity_mentions("new:lakurawa@1").unwrap().len(), 2);
    // Re-linking does not merge what a user split.
    let d = &docs[1];
    let r = store
        .put_linked(d.version_id, &d.mentions, &d.aliases)
        .unwrap();
    assert!(r.merges.is_empty());
    assert_eq!(
        store.resolve_entity("new:lakurawa@2").unwrap(),
        "new:lakurawa@2"
    );
    // The user merges again.
    let rec = store
        .merge_entities("new:lakurawa@2", "new:lakurawa@1")
        .unwrap();
    assert_eq!(
        (rec.reason.as_str(), rec.created_by.as_str()),
        ("user", "user")
    );
    assert_eq!(
        store.resolve_entity("new:lakurawa@2").unwrap(),
        "new:lakurawa@1"
    );
    // Errors: unknown ids, cycles, splitting what is not merged.
    assert!(store
        .merge_entities("new:nothing@9", "new:lakurawa@1")
        .is_err());
    assert!(store
        .merge_entities("new:lakurawa@1", "new:lakurawa@2")
        .is_err());
    assert!(store
        .split_entity("new:tomas-reyes@1", Some("new:lakurawa@1"))
        .is_err());
    // Split with --from on the target side.
    let undone = store
        .split_entity("new:lakurawa@1", Some("new:lakurawa@2"))
        .unwrap();
    assert_eq!(undone.len(), 1);
}
