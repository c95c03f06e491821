//! `dossier entities`, `dossier entity NAME` over the example corpus, and `dossier eval geo`.

use super::*;

#[test]
fn entity_by_any_alias_with_mentions_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let (o, _) = ingest_json(&store, &[&corpus()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for alias in [
        "ISKP",
        "ispk",
        "IS-K",
        "Islamic State – Khorasan Province",
        "Islamischer Staat Provinz Khorasan",
    ] {
        let o = run(&store, &["entity", alias, "--format", "json"]);
        assert!(o.status.success(), "{alias}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["id"], "iskp", "{alias}");
    }
    let o = run(&store, &["entity", "ISKP", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["mention_count"].as_u64().unwrap() >= 20,
        "{}",
        v["mention_count"]
    );
    let docs = v["documents"].as_array().unwrap();
    assert!(docs.len() >= 10);
    // German articles count too.
    assert!(docs
        .iter()
        .any(|d| d["first"].as_str().unwrap().contains("Islamischer Staat")));
    let rels: Vec<(&str, &str)> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["type"].as_str().unwrap(), r["target"].as_str().unwrap()))
        .collect();
    assert!(rels.iter().any(|(k, _)| *k == "part_of"), "{rels:?}");
    assert!(
        rels.iter()
            .any(|(k, t)| *k == "rival_of" && t.contains("taliban")),
        "{rels:?}"
    );
    assert!(
        !v["discovered_aliases"].as_array().unwrap().is_empty(),
        "an 'also known as' sentence is evidence"
    );

    let o = run(&store, &["entity", "Khorasan Group of Nothing"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no entity named"));
    let o = run(&store, &["entity", "Khorasan"]);
    assert!(
        o.status.success() || stderr(&o).contains("did you mean"),
        "{}",
        stderr(&o)
    );

    let o = run(&store, &["entities", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(all.as_array().unwrap().len() >= 100);
    let o = run(
        &store,
        &["entities", "--kind", "institution", "--format", "json"],
    );
    let inst: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !inst.as_array().unwrap().is_empty()
            && inst.as_array().unwrap().len() < all.as_array().unwrap().len()
    );
}

#[test]
fn eval_geo_prints_recall_and_accuracy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_core_web_sm");
    let model = std::env::var_os("DOSSIER_MODEL")
        .map(PathBuf::from)
        .or_else(|| root.exists().then_some(root));
    let Some(model) = model else {
        assert!(
            std::env::var("DOSSIER_REQUIRE_MODEL").as_deref() != Ok("1"),
            "no NER model"
        );
        eprintln!("SKIP: no NER model");
        return;
    };
    let trnews =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/geoparsing/TR-News.xml");
    let o = dossier()
        .args(["eval", "geo", "--json"])
        .arg(&trnews)
        .arg("--model")
        .arg(&model)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("recall") && text.contains("161"), "{text}");
}

#[test]
fn every_command_says_what_it_does() {
    // `dossier --help` lists each command with its own one-line description.
    let o = crate::dossier()
        .arg("--help")
        .output()
        .expect("dossier runs");
    let help = crate::stdout(&o);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(commands.len() >= 10, "{help}");
    for line in &commands {
        let mut parts = line.split_whitespace();
        let name = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        assert!(!rest.is_empty(), "`{name}` has no description:\n{help}");
    }
    let line = |name: &str| {
        commands
            .iter()
            .find(|l| l.split_whitespace().next() == Some(name))
            .copied()
            .unwrap_or("")
    };
    assert!(
        line("analyze").contains("Analyse stored documents"),
        "{help}"
    );
    assert!(!line("analyze").contains("knowledge base"), "{help}");
    assert!(line("entities").contains("knowledge base"), "{help}");
}
