//! The TBAQ (TempEval-3 TimeBank + AQUAINT) evaluation runs and stays above the measured floor;
//! reads ../shared/data/tempeval3 in place and prints the figures.

use dossier_annotate::{eval, timeml};
use std::path::PathBuf;

fn tbaq() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/tempeval3/tbaq-cleaned");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

#[test]
fn tbaq_scores_stay_above_floor() {
    let Some(dir) = tbaq() else { return };
    let r = eval::eval_timex(&dir).unwrap();
    println!("{r}");
    assert_eq!(r.total.files, 256);
    assert_eq!(r.total.gold, 1822);
    let names: Vec<&str> = r.subsets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["AQUAINT", "TimeBank"]);
    // Floors a little under the scores measured when this test was last raised (strict 0.895,
    // relaxed 0.946, type 0.905, value 0.817 over TBAQ; AQUAINT strict 0.874, value 0.785).
    let t = &r.total;
    assert!(t.strict_f1 >= 0.885, "strict F1 {}", t.strict_f1);
    assert!(t.relaxed_f1 >= 0.94, "relaxed F1 {}", t.relaxed_f1);
    assert!(t.value_f1 >= 0.81, "value F1 {}", t.value_f1);
    assert!(t.type_f1 >= 0.9, "type F1 {}", t.type_f1);
    let aq = &r.subsets[0].1;
    assert!(
        aq.strict_f1 >= 0.865 && aq.value_f1 >= 0.775,
        "AQUAINT {aq:?}"
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"relaxed_f1\""));
}

#[test]
fn timeml_process_dir_writes_scorable_files() {
    let Some(dir) = tbaq() else { return };
    let sub = dir.join("AQUAINT");
    let out = tempfile::tempdir().unwrap();
    let summary = timeml::process_dir(&sub, out.path()).unwrap();
    assert_eq!(summary.files, 73);
    // Our own output, scored as gold, agrees with our annotations exactly.
    let r = eval::eval_timex(out.path()).unwrap();
    assert_eq!(
        r.total.gold, summary.time_expressions,
        "every expression was written"
    );
    assert!(r.total.strict_f1 > 0.999 && r.total.value_f1 > 0.999, "{r}");
    // Everything outside TEXT is unchanged.
    let name = "APW19980807.0261.tml";
    let a = std::fs::read_to_string(sub.join(name)).unwrap();
    let b = std::fs::read_to_string(out.path().join(name)).unwrap();
    let head = |s: &str| s[..s.find("<TEXT>").unwrap()].to_string();
    let tail = |s: &str| s[s.find("</TEXT>").unwrap()..].to_string();
    assert_eq!(head(&a), head(&b));
    assert_eq!(tail(&a), tail(&b));
}

#[test]
fn te3input_files_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let doc = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-20\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">1998-02-20</TIMEX3></DCT>\n<TEXT>\nThe talks ended yesterday &amp; resume next week.\n</TEXT>\n</TimeML>\n";
    std::fs::write(input.join("X.tml.TE3input"), doc).unwrap();
    let out = tmp.path().join("out");
    let s = timeml::process_dir(&input, &out).unwrap();
    assert_eq!((s.files, s.time_expressions), (1, 2));
    let written = std::fs::read_to_string(out.join("X.tml")).unwrap();
    assert!(written.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-19\">yesterday</TIMEX3> &amp; resume <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-W09\">next week</TIMEX3>"), "{written}");
}
