//! `dossier annotate`, `dossier timeml` and `dossier eval timex` on real inputs.

use super::*;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn annotate_seed_anchors_on_its_dateline() {
    let seed = shared().join("seed/ispk-background.txt");
    let o = dossier()
        .args(["annotate", "--format", "json"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["documents"][0];
    assert_eq!(d["dct"], "2024-03-25");
    let text = d["text"].as_str().unwrap();
    let timexes = d["time_expressions"].as_array().unwrap();
    let find = |needle: &str| {
        timexes
            .iter()
            .find(|t| t["text"].as_str().is_some_and(|s| s.contains(needle)))
            .unwrap_or_else(|| panic!("no time expression {needle:?} in {timexes:?}"))
    };
    assert_eq!(find("December 2023")["value"], "2023-12");
    assert_eq!(find("beginning of January")["modifier"], "START");
    assert_eq!(find("beginning of January")["value"], "2024-01");
    // Spans are byte offsets into the printed text.
    for t in timexes {
        let (s, e) = (
            t["span"]["start"].as_u64().unwrap() as usize,
            t["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], t["text"].as_str().unwrap());
    }
    assert!(d["sentences"].as_array().unwrap().len() > 20);
    // What later stages add: the seed's claimed Iran attack, its estimates, its assessments.
    let events = d["events"].as_array().unwrap();
    let iran = events
        .iter()
        .find(|e| {
            e["kind"] == "attack"
                && e["trigger"].as_str().is_some_and(|t| t.contains("attack"))
                && e["date"]["value"] == "2024-01"
        })
        .unwrap_or_else(|| panic!("no January attack in {events:?}"));
    let (s, e) = (
        iran["trigger_span"]["start"].as_u64().unwrap() as usize,
        iran["trigger_span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], iran["trigger"].as_str().unwrap());
    assert!(d["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["predicate"] == "estimate"));
    assert!(!d["assessments"].as_array().unwrap().is_empty());
    assert!(d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["entity"] == "iskp"));

    // --dct overrides the document date.
    let o = dossier()
        .args(["annotate", "--dct", "2024-01-10"])
        .arg(&seed)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["documents"][0]["dct"], "2024-01-10");
    let o = dossier()
        .args(["annotate", "--dct", "soon"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--dct"));
}

#[test]
fn timeml_round_trip_and_eval() {
    let dir = tempfile::tempdir().unwrap();
    let aquaint = shared().join("data/tempeval3/tbaq-cleaned/AQUAINT");
    let out = dir.path().join("out");
    let o = dossier()
        .arg("timeml")
        .arg(&aquaint)
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(files.len(), 73);
    // Our own output, scored as gold, agrees with itself completely.
    let o = dossier()
        .args(["eval", "timex", "--json"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f1 = r["total"]["strict_f1"].as_f64();
    assert!(f1.is_some_and(|f| f > 0.999), "{r}");
    // Against the real gold: the table with strict, relaxed, type and value scores.
    let o = dossier()
        .args(["eval", "timex"])
        .arg(&aquaint)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(
        table.contains("str-F1") && table.contains("valF1") && table.contains("TOTAL"),
        "{table}"
    );
}
