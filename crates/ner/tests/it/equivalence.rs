//! Equivalence with real spaCy 3.8 (NER only) on the texts of `scripts/spacy_ner_reference.py`.

use std::collections::HashSet;

use crate::common;

type Ent = (usize, usize, String);

#[test]
fn matches_spacy_ner_only() {
    let Some(model) = common::model("matches_spacy_ner_only") else {
        return;
    };
    let path = common::reference_path();
    if !common::exists(&path) {
        common::skip(
            "matches_spacy_ner_only",
            &format!(
                "no spaCy reference at {} (run scripts/spacy_ner_reference.py texts)",
                path.display()
            ),
        );
        return;
    }
    let content = std::fs::read_to_string(&path).unwrap();
    let mut sources = Vec::new();
    let mut texts = Vec::new();
    let mut expected: Vec<Vec<Ent>> = Vec::new();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        sources.push(v["source"].as_str().unwrap_or("").to_owned());
        texts.push(v["text"].as_str().unwrap().to_owned());
        expected.push(
            v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e[0].as_u64().unwrap() as usize,
                        e[1].as_u64().unwrap() as usize,
                        e[2].as_str().unwrap().to_owned(),
                    )
                })
                .collect(),
        );
    }
    // Tokenization (when the reference has tokens): (start_char, len_chars, trailing space).
    let mut tok_same = 0;
    let mut tok_checked = 0;
    for (i, line) in content.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(exp) = v["tokens"].as_array() else {
            continue;
        };
        tok_checked += 1;
        let exp: Vec<(usize, usize, bool)> = exp
            .iter()
            .map(|t| {
                (
                    t[0].as_u64().unwrap() as usize,
                    t[1].as_u64().unwrap() as usize,
                    t[2].as_u64().unwrap() == 1,
                )
            })
            .collect();
        let text = &texts[i];
        let got: Vec<(usize, usize, bool)> = model
            .tokens(text)
            .iter()
            .map(|t| {
                (
                    text[..t.start].chars().count(),
                    text[t.start..t.end].chars().count(),
                    t.space,
                )
            })
            .collect();
        if got == exp {
            tok_same += 1;
        } else {
            let snippet: String = text.chars().take(120).collect();
            let k = got.iter().zip(&exp).take_while(|(a, b)| a == b).count();
            println!(
                "TOKDIFF #{i} [{}] {snippet:?}: first difference at token {k}: spacy {:?} ours {:?}",
                sources[i],
                exp.get(k),
                got.get(k)
            );
        }
    }
    if tok_checked > 0 {
        println!("tokenization: {tok_same}/{tok_checked} texts identical");
        assert!(
            tok_same as f64 >= 0.999 * tok_checked as f64,
            "tokenization identical on only {tok_same}/{tok_checked} texts"
        );
    }

    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let got = model.entities_batch(&refs);
    let (mut same_texts, mut n_ref, mut n_got, mut n_common) = (0, 0, 0, 0);
    for (i, (exp, got)) in expected.iter().zip(&got).enumerate() {
        // Byte and char offsets must agree.
        let text = &texts[i];
        for e in got {
            let chars: String = text
                .chars()
                .skip(e.start_char)
                .take(e.end_char - e.start_char)
                .collect();
            assert_eq!(
                &text[e.start..e.end],
                chars,
                "byte/char offsets disagree in text {i}"
            );
        }
        let got: Vec<Ent> = got
            .iter()
            .map(|e| (e.start_char, e.end_char, e.label.to_owned()))
            .collect();
        n_ref += exp.len();
        n_got += got.len();
        let es: HashSet<&Ent> = exp.iter().collect();
        n_common += got.iter().filter(|e| es.contains(e)).count();
        if *exp == got {
            same_texts += 1;
        } else {
            let snippet: String = text.chars().take(120).collect();
            println!("DIFF #{i} [{}] {snippet:?}", sources[i]);
            let gs: HashSet<&Ent> = got.iter().collect();
            for e in exp.iter().filter(|e| !gs.contains(e)) {
                let t: String = text.chars().skip(e.0).take(e.1 - e.0).collect();
                println!("   spacy only: {e:?} {t:?}");
            }
            for e in got.iter().filter(|e| !es.contains(e)) {
                let t: String = text.chars().skip(e.0).take(e.1 - e.0).collect();
                println!("   ours only:  {e:?} {t:?}");
            }
        }
    }
    // Entity-level agreement: shared entities over the union.
    let union = n_ref + n_got - n_common;
    let agreement = if union == 0 {
        1.0
    } else {
        n_common as f64 / union as f64
    };
    println!(
        "equivalence: {same_texts}/{} texts identical; entities: spaCy {n_ref}, ours {n_got}, identical {n_common}; agreement {:.4}%",
        texts.len(),
        agreement * 100.0
    );
    assert!(
        agreement >= 0.999,
        "entity agreement {:.4}% < 99.9%",
        agreement * 100.0
    );
}
