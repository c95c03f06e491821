//! CoNLL evaluation on wikigold and re3d (figures printed; sanity bounds only).

use crate::common;

#[test]
fn eval_wikigold_and_re3d() {
    let Some(model) = common::model("eval_wikigold_and_re3d") else {
        return;
    };
    for rel in [
        "ner/wikigold/wikigold.conll.txt",
        "ner/re3d/re3d-train.conll",
    ] {
        let path = common::shared_data().join(rel);
        if !path.is_file() {
            common::skip(
                "eval_wikigold_and_re3d",
                &format!("{} missing", path.display()),
            );
            continue;
        }
        let report = dossier_ner::eval_conll(&path, model).unwrap();
        println!("{report}");
        let all = report.scores.last().unwrap();
        assert_eq!(all.label, "ALL");
        assert!(all.f1() > 0.2, "implausibly low F1 {}", all.f1());
    }
}
