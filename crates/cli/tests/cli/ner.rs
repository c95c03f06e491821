//! `dossier ner --raw`, `dossier eval ner` and entities in `dossier annotate`, with the real
//! spaCy-compatible model (`scripts/fetch-model.sh`). Without a model these tests say SKIP,
//! unless DOSSIER_REQUIRE_MODEL=1 (as in CI), where they fail.

use super::*;

#[test]
fn ner_raw_prints_spacy_character_offsets() {
    let Some(m) = ner_model() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lines.txt");
    // Non-ASCII before the entities: character offsets differ from byte offsets.
    std::fs::write(
        &input,
        "Kerman’s governor spoke in Tehran on Thursday.\n\nThe Taliban rule Afghanistan.\n",
    )
    .unwrap();
    let o = dossier()
        .args(["ner", "--raw"])
        .arg(&input)
        .arg("--model")
        .arg(&m)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "one output line per input line, empty ones included"
    );
    assert_eq!(lines[1]["entities"].as_array().unwrap().len(), 0);
    let first = lines[0]["entities"].as_array().unwrap();
    let tehran = first
        .iter()
        .find(|e| e["label"] == "GPE" && e["start"] == 27)
        .expect("Tehran at char 27");
    assert_eq!(tehran["end"], 33);
    let third = lines[2]["entities"].as_array().unwrap();
    assert!(
        third
            .iter()
            .any(|e| e["label"] == "GPE" && e["start"] == 17 && e["end"] == 28),
        "{third:?}"
    );
}

#[test]
fn annotate_has_entities_with_byte_spans_and_eval_ner_scores() {
    let Some(m) = ner_model() else { return };
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    let o = dossier()
        .arg("annotate")
        .arg(&seed)
        .arg("--model")
        .arg(&m)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["documents"][0];
    let text = d["text"].as_str().unwrap();
    let ents = d["entities"].as_array().unwrap();
    assert!(ents.len() > 30, "{}", ents.len());
    for e in ents {
        let (s, t) = (
            e["span"]["start"].as_u64().unwrap() as usize,
            e["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
    }
    assert!(ents
        .iter()
        .any(|e| e["text"] == "Antonio Giustozzi" && e["label"] == "PERSON"));
    assert!(ents.iter().any(|e| e["text"] == "Taliban"));

    let wikigold = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ner/wikigold/wikigold.conll.txt");
    let o = dossier()
        .args(["eval", "ner"])
        .arg(&wikigold)
        .arg("--model")
        .arg(&m)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let report = stdout(&o);
    let all = report
        .lines()
        .find(|l| l.starts_with("ALL"))
        .expect("ALL line");
    let f1: f64 = all.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(f1 > 0.5, "{report}");
}

#[test]
fn without_a_model_annotate_warns_and_ner_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    // A copy of the binary far from the checkout: the model is looked for in the current
    // folder and above the executable, and neither has one.
    let exe = dir.path().join("bin").join("dossier");
    std::fs::create_dir_all(exe.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_dossier"), &exe).unwrap();
    let lone = || {
        let mut c = std::process::Command::new(&exe);
        c.env_remove("DOSSIER_STORE").env("DOSSIER_LOG", "error");
        c
    };
    let o = lone()
        .current_dir(dir.path())
        .env_remove("DOSSIER_MODEL")
        .arg("annotate")
        .arg(&seed)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["documents"][0];
    assert!(d["entities"].as_array().unwrap().is_empty());
    assert!(
        d["diagnostics"].to_string().contains("no NER model"),
        "{}",
        d["diagnostics"]
    );
    let o = lone()
        .current_dir(dir.path())
        .env_remove("DOSSIER_MODEL")
        .args(["ner", "--raw"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no NER model"));
    let o = dossier()
        .args(["ner", "--raw", "--model"])
        .arg(dir.path())
        .arg(&seed)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&dir.path().display().to_string()),
        "{}",
        stderr(&o)
    );
}
