//! The example corpus end to end: every format lands, identity and duplicates work, re-runs are
//! idempotent, output is deterministic, and docs/doc/search show what was stored.

use super::*;

#[test]
fn corpus_ingests_every_format_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let (o, s) = ingest_json(&store, &[&corpus()]);
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    assert_eq!(s["failed_files"], 0);
    // The AMP and the normal layout of one article (same canonical URL) are one document, not
    // two versions: the extractor gives both the same text.
    assert_eq!(s["duplicate"], 1, "{s}");
    assert_eq!(s["updated"], 0, "{s}");
    let docs = docs_json(&store);
    let docs = docs.as_array().unwrap();
    assert!(docs.len() >= 30, "{} documents", docs.len());
    let formats: std::collections::BTreeSet<&str> =
        docs.iter().map(|d| d["format"].as_str().unwrap()).collect();
    for f in [
        "html", "text", "markdown", "jsonl", "rss", "atom", "jsonfeed", "warc",
    ] {
        assert!(formats.contains(f), "no {f} document in {formats:?}");
    }
    // Every document has a title and text; publication dates are never guessed from mtimes.
    for d in docs {
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
        assert!(
            d["published"].is_string(),
            "every corpus article states its date: {d}"
        );
    }
    // The syndicated wire copy is linked to its original: they share a cluster.
    let clusters: Vec<i64> = docs
        .iter()
        .map(|d| d["cluster"].as_i64().unwrap())
        .collect();
    let mut sorted = clusters.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert!(
        sorted.len() < clusters.len(),
        "no near-duplicate cluster found"
    );

    // Second run: nothing new, nothing changed.
    let (o2, s2) = ingest_json(&store, &[&corpus()]);
    assert!(o2.status.success());
    assert_eq!(s2["new"], 0, "{s2}");
    assert_eq!(s2["updated"], 0, "{s2}");
    assert_eq!(s2["duplicate"], s2["documents"]);
    assert_eq!(docs_json(&store).as_array().unwrap(), docs);

    // A fresh store from the same input is identical: ids, clusters, everything.
    let store2 = dir.path().join("e.db");
    let (o3, _) = ingest_json(&store2, &[&corpus()]);
    assert!(o3.status.success());
    assert_eq!(docs_json(&store2), docs_json(&store));
}

#[test]
fn seed_dateline_and_title() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    if !seed.exists() {
        panic!("../shared/seed/ispk-background.txt is missing: the tests need ../shared beside the checkout");
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let o = run(&store, &["ingest", seed.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Not a terminal: plain progress lines instead of a bar, and a summary on stdout.
    assert!(
        stderr(&o).contains("ingest: 1/1 files, 1 documents"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("1 new"), "{}", stdout(&o));
    let d = &docs_json(&store)[0];
    assert_eq!(d["title"], "What is known about the terrorist group ISPK?");
    assert_eq!(d["published"], "2024-03-25T10:57:00");
    assert_eq!(d["language"], "en");
    let full = run(&store, &["doc", "1", "--format", "json"]);
    let full: serde_json::Value = serde_json::from_slice(&full.stdout).unwrap();
    let text = full["text"].as_str().unwrap();
    assert!(text.contains("between 1,500 and 6,000"));
    assert!(
        !text.contains("As of: March 25"),
        "the dateline is metadata, not text"
    );
}

#[test]
fn doc_search_and_store_option_placement() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    // --store after the subcommand works too.
    let o = dossier()
        .args(["ingest", "-q"])
        .arg(corpus())
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // And the environment variable.
    let o = dossier()
        .env("DOSSIER_STORE", &store)
        .args(["search", "Kerman", "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(hits.len() >= 3, "{hits:?}");
    assert!(hits
        .iter()
        .all(|h| h["snippet"].as_str().unwrap().contains("[Kerman]")));
    // Phrase and diacritic-insensitive search.
    let o = run(
        &store,
        &["search", "\"Crocus City Hall\"", "--format", "json"],
    );
    assert!(
        serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
            >= 3
    );
    let o = run(&store, &["search", "Kolner", "--format", "json"]);
    assert!(
        !serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty(),
        "Kölner found as Kolner"
    );
    // A query with stray FTS syntax still works as plain words.
    let o = run(&store, &["search", "al-Shabaab (Lido"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = run(&store, &["doc", "1"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("# "));
    let o = run(&store, &["doc", "99999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no document with id 99999"));
    let o = run(&store, &["docs"]);
    assert!(stdout(&o).lines().count() > 30);
    let missing = dir.path().join("nope.db");
    let o = run(&missing, &["docs"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("does not exist"));
    assert!(!missing.exists(), "reading commands never create a store");
}

#[test]
fn stdin_and_versions() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let v1 = "{\"title\":\"Toll rises\",\"url\":\"https://wire.example/a\",\"published\":\"2024-03-23T10:00:00+03:00\",\"text\":\"Officials said at least 60 people were killed in the attack on the concert hall in Krasnogorsk on Friday evening.\"}\n";
    let v2 = v1.replace("at least 60", "133");
    for (input, expect) in [
        (v1.to_string(), "new"),
        (v1.to_string(), "duplicate"),
        (v2.clone(), "updated"),
    ] {
        let mut c = dossier();
        c.arg("--store")
            .arg(&store)
            .args(["ingest", "--json", "-q", "-"]);
        c.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped());
        let mut child = c.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(s[expect], 1, "{s}");
    }
    let o = run(&store, &["doc", "1", "--format", "json"]);
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["version"], 2);
    assert_eq!(
        d["versions"].as_array().unwrap().len(),
        2,
        "the old version is kept"
    );
    assert!(d["text"].as_str().unwrap().contains("133"));
    assert_eq!(d["published_utc"], "2024-03-23T07:00:00Z");
    assert_eq!(d["published"], "2024-03-23T10:00:00+03:00");
}
