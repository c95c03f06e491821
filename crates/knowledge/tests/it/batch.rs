//! `analyze_batch` / `analyze_linked_batch` (the NER grouped over documents) give exactly what
//! `analyze` / `analyze_linked` give one document at a time.

use super::{model, seed_text};
use dossier_core::Timestamp;
use dossier_knowledge::analyze::{analyze_batch, analyze_linked, analyze_linked_batch};
use dossier_knowledge::{analyze, Resources};

#[test]
fn batches_change_no_result() {
    let (Some(ner), Some(seed)) = (model(), seed_text()) else {
        return;
    };
    let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
    let res = Resources::new(kb, Some(ner));
    // Paragraphs, the whole article, an empty text, and one text longer than a NER group's
    // byte budget (so it goes alone between grouped neighbours).
    let mut texts: Vec<String> = seed.split("\n\n").map(str::to_string).collect();
    texts.insert(texts.len() / 2, seed.repeat(11));
    texts.push(String::new());
    texts.push(seed.clone());
    let ts = Timestamp::parse_local("2024-03-25");
    let items: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), ts.as_ref().filter(|_| i % 3 != 1), "en"))
        .collect();
    let batch = analyze_batch(&items, &res);
    let linked = analyze_linked_batch(&items, &res);
    assert_eq!(batch.len(), items.len());
    assert_eq!(linked.len(), items.len());
    for (i, &(text, published, language)) in items.iter().enumerate() {
        let one = analyze(text, published, language, &res);
        assert_eq!(batch[i], one, "analyze_batch differs on document {i}");
        let (a, l) = analyze_linked(text, published, language, &res);
        assert_eq!(
            linked[i].0, a,
            "analyze_linked_batch differs on document {i}"
        );
        assert_eq!(linked[i].1, l, "linked mentions differ on document {i}");
    }
    assert!(batch.iter().any(|a| !a.names.is_empty()));
}
