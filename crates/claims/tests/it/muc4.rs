//! MUC-4 role fillers: the GRIT scorer on hand-written cases, and the learned extractor on the
//! shared MUC-4 data (train on part of train.json, score part of dev.json).

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier_claims::muc4::model::TrainOptions;
use dossier_claims::muc4::score::{
    head_noun, max_assignment, normalize_string, score, Phi, RoleEntities, ROLES,
};
use dossier_claims::muc4::{eval_docs, eval_docs_with, read_docs, Muc4Error};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/muc4")
}

fn shared() -> PathBuf {
    match std::env::var_os("MUC4_DATA") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/events/muc4"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The hand-written gold file and predictions as (predicted, gold) pairs.
fn scorer_pairs() -> Vec<(RoleEntities, RoleEntities)> {
    let gold = read_docs(&data().join("gold.json")).unwrap();
    let text = std::fs::read_to_string(data().join("pred.json")).unwrap();
    let preds: BTreeMap<String, BTreeMap<String, Vec<Vec<String>>>> =
        serde_json::from_str(&text).unwrap();
    gold.iter()
        .map(|d| {
            let p = preds.get(&d.docid).cloned().unwrap_or_default();
            let pe: RoleEntities =
                std::array::from_fn(|r| p.get(ROLES[r]).cloned().unwrap_or_default());
            (pe, d.gold.clone())
        })
        .collect()
}

#[test]
fn normalisation_as_grit() {
    assert_eq!(normalize_string("The FMLN."), "fmln");
    assert_eq!(normalize_string("an  attack on a bus"), "attack on bus");
    assert_eq!(normalize_string("theater"), "theater");
    assert_eq!(
        normalize_string("\"la eminencia\" farm"),
        "la eminencia farm"
    );
    assert_eq!(normalize_string("m-16 rifles"), "m16 rifles");
}

#[test]
fn assignment_is_optimal() {
    assert!(close(
        max_assignment(&[vec![1.0, 1.0], vec![1.0, 0.0]]),
        2.0
    ));
    assert!(close(
        max_assignment(&[vec![0.75, 0.25], vec![0.0, 1.0], vec![1.0, 0.0]]),
        2.0
    ));
    assert!(close(max_assignment(&[]), 0.0));
}

#[test]
fn strict_scores_of_hand_written_cases() {
    let s = score(&scorer_pairs(), Phi::Strict);
    // Matched 3 (Target) + 2 (PerpInd) + 1 (PerpOrg) of 9 predicted and 8 gold entities.
    let m = &s.micro;
    assert!(
        close(m.counts.p_num, 6.0) && close(m.counts.p_den, 9.0),
        "{m:?}"
    );
    assert!(close(m.counts.r_den, 8.0), "{m:?}");
    assert!(
        close(m.p, 6.0 / 9.0) && close(m.r, 0.75) && close(m.f1, 12.0 / 17.0),
        "{m:?}"
    );
    let role = |name: &str| s.roles.iter().find(|p| p.role == name).unwrap().clone();
    let t = role("Target");
    assert!(
        close(t.p, 0.75) && close(t.r, 1.0) && close(t.f1, 6.0 / 7.0),
        "{t:?}"
    );
    let pi = role("PerpInd");
    assert!(
        close(pi.p, 2.0 / 3.0) && close(pi.r, 0.5) && close(pi.f1, 4.0 / 7.0),
        "{pi:?}"
    );
    let po = role("PerpOrg");
    assert!(close(po.f1, 1.0), "{po:?}");
    let w = role("Weapon");
    assert!(
        close(w.p, 0.0) && close(w.counts.p_den, 1.0) && close(w.f1, 0.0),
        "{w:?}"
    );
}

#[test]
fn prop_scores_of_hand_written_cases() {
    let s = score(&scorer_pairs(), Phi::Prop);
    // TEST-B: {m1..m4} covers 3 of 4 of its mentions in gold entity {m1,m2,m3}: 0.75.
    assert!(
        close(s.micro.counts.p_num, 3.0 + 2.75 + 1.0),
        "{:?}",
        s.micro
    );
}

#[test]
fn head_nouns() {
    assert_eq!(head_noun("urban guerrillas"), "guerrillas");
    assert_eq!(head_noun("members of fmln"), "members");
    assert_eq!(head_noun("bomb in car"), "bomb");
    assert_eq!(head_noun("of course"), "course");
    assert_eq!(head_noun(""), "");
}

#[test]
fn head_scores_of_hand_written_cases() {
    let s = score(&scorer_pairs(), Phi::Head);
    let strict = score(&scorer_pairs(), Phi::Strict);
    // Every exact match is a head-noun match.
    assert!(s.micro.counts.p_num >= strict.micro.counts.p_num, "{s:?}");
    assert!(close(s.micro.counts.p_den, 9.0) && close(s.micro.counts.r_den, 8.0));
    // "two urban guerrillas" and "guerrillas of the fmln" share the head "guerrillas"; "a car
    // bomb" does not match "bombs" (heads compare exactly); "the soldiers of the army" has the
    // head "soldiers".
    let g = |ms: &[&str]| -> Vec<String> { ms.iter().map(|m| m.to_string()).collect() };
    let pair = |pred: Vec<Vec<String>>, gold: Vec<Vec<String>>| -> (RoleEntities, RoleEntities) {
        let mut p: RoleEntities = Default::default();
        let mut q: RoleEntities = Default::default();
        p[0] = pred;
        q[0] = gold;
        (p, q)
    };
    let pairs = vec![
        pair(
            vec![g(&["two urban guerrillas"]), g(&["a car bomb"])],
            vec![
                g(&["guerrillas of the FMLN", "urban commandos"]),
                g(&["bombs"]),
            ],
        ),
        pair(
            vec![g(&["The soldiers of the army"])],
            vec![g(&["soldiers"])],
        ),
    ];
    let h = score(&pairs, Phi::Head);
    let e = score(&pairs, Phi::Strict);
    assert!(
        close(h.micro.counts.p_num, 2.0) && close(h.micro.counts.p_den, 3.0),
        "{h:?}"
    );
    assert!(close(e.micro.counts.p_num, 0.0), "{e:?}");
    assert!(
        close(h.micro.r, 2.0 / 3.0) && close(h.micro.f1, 2.0 / 3.0),
        "{h:?}"
    );
}

#[test]
fn bad_line_names_file_and_line() {
    let err = read_docs(&data().join("bad.json")).unwrap_err();
    assert!(matches!(err, Muc4Error::Json { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("bad.json:2:"), "{err}");
    let missing = read_docs(&data().join("missing.json")).unwrap_err();
    assert!(missing.to_string().contains("missing.json"), "{missing}");
}

/// Trains on the first 300 training documents and scores the first 50 dev documents.
#[test]
fn learned_extractor_on_a_slice() {
    let dir = shared();
    let (Ok(train), Ok(dev)) = (
        read_docs(&dir.join("train.json")),
        read_docs(&dir.join("dev.json")),
    ) else {
        eprintln!("MUC-4 data not found under {}; skipped", dir.display());
        return;
    };
    let opts = TrainOptions {
        epochs: 4,
        ..TrainOptions::default()
    };
    let (_, m) = eval_docs_with(&train[..300], &dev[..50], opts);
    let f1 = m.strict.micro.f1;
    eprintln!(
        "MUC-4 slice: micro F1 exact {f1:.4}, head noun {:.4}",
        m.head.micro.f1
    );
    assert!(f1 >= FLOOR, "micro F1 {f1:.4} below {FLOOR}");
    assert!(
        m.head.micro.f1 >= f1,
        "head-noun match is looser than exact"
    );
}

/// Measured F1 of `learned_extractor_on_a_slice` (0.253, head noun 0.264, with the attack-word
/// context features, coreferent candidates dropped and the merging calibrated per role; 0.264
/// with 4 epochs, two averaged perceptron runs and head-noun calibration; 0.243 before them;
/// 0.149 before the word-rarity features, out-of-fold calibration and the Viterbi tagger) minus
/// a margin.
const FLOOR: f64 = 0.18;

/// The whole dev set (slow in debug builds): `cargo test --release -p dossier-claims -- --ignored muc4_full`.
#[test]
#[ignore]
fn muc4_full_dev() {
    let train = read_docs(&shared().join("train.json")).unwrap();
    let dev = read_docs(&shared().join("dev.json")).unwrap();
    let (params, m) = eval_docs(&train, &dev);
    eprintln!("{params:?}");
    for p in m.strict.roles.iter().chain([&m.strict.micro]) {
        eprintln!(
            "{:<10} P {:.4} R {:.4} F1 {:.4} {:?}",
            p.role, p.p, p.r, p.f1, p.counts
        );
    }
}
