//! `dossier entity link`, `entity NAME` from stored links, and the merge/split round trip, on the
//! example corpus with the real NER model.

use super::*;

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn link_then_merge_and_split_round_trip() {
    let Some(model) = ner_model() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let (o, _) = ingest_json(&store, &[&corpus()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let model = model.to_string_lossy().into_owned();
    let o = run(&store, &["entity", "link", "--model", &model]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("linked "), "{}", stdout(&o));
    // Linking twice is idempotent: no new merges.
    let o = run(&store, &["entity", "link", "--model", &model]);
    assert!(stdout(&o).ends_with(", 0 new merges\n"), "{}", stdout(&o));

    // A knowledge-base entity now shows linked mentions (coreferences included).
    let v = json(&run(&store, &["entity", "ISKP", "--format", "json"]));
    assert_eq!(v["id"], "iskp");
    assert_eq!(v["mentions_from"], "linked");
    assert!(v["mention_count"].as_u64().unwrap() >= 20);

    // A new entity (an analyst the knowledge base does not know), merged across documents by
    // name, each merge with its reason.
    let v = json(&run(&store, &["entity", "Lena Varga", "--format", "json"]));
    let root = v["entity_id"].as_str().unwrap().to_string();
    assert!(root.starts_with("new:lena-varga@"), "{root}");
    let merges = v["merges"].as_array().unwrap().clone();
    assert!(merges.len() >= 2, "{merges:?}");
    assert!(merges.iter().all(|m| m["reason"] == "same name"
        && m["created_by"] == "auto"
        && m["into"] == root.as_str()));
    let docs = v["documents"].as_array().unwrap().len();
    assert_eq!(docs, merges.len() + 1);
    insta::assert_json_snapshot!("lena_varga_merges", merges);

    // Split one document's entity off, then merge it back by hand.
    let member = merges[0]["from"].as_str().unwrap().to_string();
    let o = run(&store, &["entity", "split", &member, "--format", "json"]);
    let undone = json(&o);
    assert_eq!(undone[0]["undone_by"], "user");
    let v = json(&run(&store, &["entity", &member, "--format", "json"]));
    assert_eq!(v["entity_id"], member.as_str());
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    // Re-linking does not undo the user's split.
    let o = run(&store, &["entity", "link", "--model", &model]);
    assert!(o.status.success());
    let v = json(&run(&store, &["entity", &member, "--format", "json"]));
    assert_eq!(v["entity_id"], member.as_str());

    let o = run(
        &store,
        &["entity", "merge", &member, &root, "--format", "json"],
    );
    let rec = json(&o);
    assert_eq!(rec[0]["created_by"], "user");
    assert_eq!(rec[0]["reason"], "user");
    let v = json(&run(&store, &["entity", "Lena Varga", "--format", "json"]));
    assert_eq!(v["entity_id"], root.as_str());
    assert_eq!(v["documents"].as_array().unwrap().len(), docs);
    // The table output names the merges.
    let o = run(&store, &["entity", &root]);
    assert!(stdout(&o).contains("merge:    #"), "{}", stdout(&o));
    assert!(stdout(&o).contains("[split by user]"), "{}", stdout(&o));

    // Errors: unknown names, cycles.
    let o = run(&store, &["entity", "merge", "Nobody Anywhere", &root]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run(&store, &["entity", "merge", &root, &member]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("already"), "{}", stderr(&o));
}
