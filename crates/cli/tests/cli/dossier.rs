//! `dossier analyze`, `profile`, `events` and `ask` end to end on the example corpus: formats,
//! exit codes, "as of", and that analysis is idempotent.

use super::{corpus, ner_model, run, stderr, stdout};

#[test]
fn analyze_profile_events_ask() {
    let Some(model) = ner_model() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let model = model.display().to_string();
    assert!(run(&store, &["ingest", "-q", corpus().to_str().unwrap()])
        .status
        .success());
    let a = run(&store, &["analyze", "--model", &model]);
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(stderr(&a).contains("0 pending"), "{}", stderr(&a));
    // Idempotent: a second run has nothing to do.
    let again = run(&store, &["analyze", "--model", &model]);
    assert!(
        stderr(&again).contains("analysed 0 document(s)"),
        "{}",
        stderr(&again)
    );

    // Markdown by any alias, JSON by another, the same entity.
    let md = run(&store, &["profile", "isis-k"]);
    assert!(md.status.success(), "{}", stderr(&md));
    let md = stdout(&md);
    assert!(
        md.starts_with("# Islamic State – Khorasan Province"),
        "{md}"
    );
    assert!(md.contains("## Timeline") && md.contains("[^1]: Document "));
    let js = run(&store, &["profile", "Wilayat Khorasan", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&js.stdout).unwrap();
    assert_eq!(v["entity"]["id"], "iskp");
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| !e["sources"].as_array().unwrap().is_empty()));

    // As of a date: only what was published by then.
    let early = run(
        &store,
        &[
            "profile",
            "ISKP",
            "--as-of",
            "2024-01-10",
            "--format",
            "json",
        ],
    );
    let e: serde_json::Value = serde_json::from_slice(&early.stdout).unwrap();
    assert_eq!(e["as_of"], "2024-01-10");
    for s in e["sources"].as_array().unwrap() {
        assert!(s["published"].as_str().unwrap() <= "2024-01-11", "{s}");
    }
    assert!(e["sources"].as_array().unwrap().len() < v["sources"].as_array().unwrap().len());

    // Not found: exit 2 and suggestions.
    let nf = run(&store, &["profile", "ISKPP"]);
    assert_eq!(nf.status.code(), Some(2));
    assert!(stderr(&nf).contains("did you mean"), "{}", stderr(&nf));
    let bad = run(&store, &["profile", "ISKP", "--as-of", "March 2024"]);
    assert!(!bad.status.success() && stderr(&bad).contains("--as-of"));

    // Events: CSV with GTD/ACLED-like columns, GeoJSON points, kind filter.
    let csv = run(
        &store,
        &["events", "--entity", "al-Shabaab", "--format", "csv"],
    );
    let csv = stdout(&csv);
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .starts_with("event_id,event_date,date_precision"));
    assert!(csv.contains("Mogadishu"), "{csv}");
    let geo = run(
        &store,
        &["events", "--kind", "attack", "--format", "geojson"],
    );
    let g: serde_json::Value = serde_json::from_slice(&geo.stdout).unwrap();
    assert!(g["features"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["properties"]["kind"] == "attack"));
    let bad_kind = run(&store, &["events", "--kind", "picnic"]);
    assert!(!bad_kind.status.success() && stderr(&bad_kind).contains("not an event kind"));

    // Questions.
    let q = run(&store, &["ask", "How many fighters does al-Shabaab have?"]);
    assert!(q.status.success(), "{}", stderr(&q));
    let q = run(&store, &["ask", "Who is behind the Kerman bombing?"]);
    assert!(stdout(&q).contains("Islamic State"), "{}", stdout(&q));
    let unknown = run(&store, &["ask", "Why?"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("What is known about X?"));
    let html = run(&store, &["profile", "ISKP", "--format", "html"]);
    assert!(stdout(&html).starts_with("<!doctype html>"));
}
