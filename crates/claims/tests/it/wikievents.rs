//! WikiEvents trigger detection: exact scores on a hand-written fixture, errors naming file and
//! line, and a floor on the shared dev file.

use std::path::{Path, PathBuf};

use dossier_claims::wikievents::{eval_wikievents, parse_docs, read_docs, score_docs, WikiError};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/wikievents")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn fixture_scores_are_exact() {
    let r = eval_wikievents(&data().join("fixture.jsonl")).unwrap();
    assert_eq!(r.docs, 3);
    let line = |name: &str| r.classes.iter().find(|p| p.label == name).cloned().unwrap();
    // (tp, pred, gold) per class: "attacked a checkpoint" is one attack; "car bomb" and
    // "bombing" (gold: a plain attack) are explosions; "dead" in "dead end" is a false death;
    // "seized" is a missed arrest.
    let expect = [
        ("attack", 1, 1, 2),
        ("explode", 1, 3, 1),
        ("die", 2, 3, 2),
        ("injure", 1, 1, 1),
        ("arrest", 1, 1, 2),
    ];
    for (name, tp, pred, gold) in expect {
        let p = line(name);
        assert_eq!((p.tp, p.pred, p.gold), (tp, pred, gold), "{p:?}");
    }
    assert!(close(line("explode").f1, 0.5), "{r}");
    assert!(close(line("die").f1, 0.8), "{r}");
    assert_eq!((r.micro.tp, r.micro.pred, r.micro.gold), (6, 9, 8));
    assert!(close(r.micro.p, 6.0 / 9.0) && close(r.micro.r, 0.75));
    assert!(close(r.micro.f1, 12.0 / 17.0), "{r}");
    // "bombing" is found but typed wrongly: it counts for identification only.
    assert_eq!(r.identification.tp, 7);
    assert!(close(r.identification.f1, 14.0 / 17.0), "{r}");
    let shown = r.to_string();
    assert!(
        shown.contains("identification") && shown.contains("micro"),
        "{shown}"
    );
    assert!(serde_json::to_string(&r).unwrap().contains("\"explode\""));
}

#[test]
fn bad_input_names_file_and_line() {
    let err = read_docs(&data().join("bad.jsonl")).unwrap_err();
    assert!(matches!(err, WikiError::Json { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("bad.jsonl:2:"), "{err}");
    let empty = read_docs(&data().join("empty.jsonl")).unwrap_err();
    assert!(matches!(empty, WikiError::Empty(_)), "{empty:?}");
    let missing = read_docs(&data().join("missing.jsonl")).unwrap_err();
    assert!(missing.to_string().contains("missing.jsonl"), "{missing}");
}

#[test]
fn out_of_range_offsets_do_not_panic() {
    let line = r#"{"tokens": ["Two", "killed", "."], "sentences": [[[["Two", 0, 3]], "Two"]], "event_mentions": [{"event_type": "Life.Die.Unspecified", "trigger": {"start": 1, "end": 99}}, {"event_type": "Life.Die.Unspecified", "trigger": {"start": 50, "end": 51}}]}"#;
    let docs = parse_docs(line, Path::new("inline")).unwrap();
    let r = score_docs(&docs, Path::new("inline"));
    assert_eq!((r.micro.tp, r.micro.pred, r.micro.gold), (1, 1, 1), "{r}");
}

/// The shared dev file: F1 measured at 0.704 classification and 0.752 identification.
#[test]
fn dev_file_above_floor() {
    let path = match std::env::var_os("WIKIEVENTS_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/events/wikievents/dev.jsonl"),
    };
    if !path.exists() {
        eprintln!("{} not found; skipped", path.display());
        return;
    }
    let r = eval_wikievents(&path).unwrap();
    eprintln!("{r}");
    assert_eq!(r.docs, 20);
    assert_eq!(r.micro.gold, 186);
    assert!(r.micro.f1 >= 0.65, "{r}");
    assert!(r.identification.f1 >= 0.70, "{r}");
}
