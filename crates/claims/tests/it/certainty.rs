//! Certainty: data-driven cues and their combination (`tests/data/certainty/cases.txt`), the ISPK
//! seed sentences read in place, and a property test.

use dossier_claims::certainty::{combine, cues, Cue};
use dossier_core::claims::Certainty;
use dossier_core::span::Span;
use proptest::prelude::*;
use std::path::PathBuf;

/// The span of the `n`-th (1-based) occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, n: usize) -> Span {
    let mut from = 0;
    for _ in 1..n {
        from += text[from..].find(needle).expect("occurrence") + needle.len();
    }
    let start = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

fn parse_list(s: &str) -> Vec<Certainty> {
    if s == "-" {
        return Vec::new();
    }
    s.split(',')
        .map(|c| Certainty::parse(c.trim()).unwrap_or_else(|| panic!("certainty {c:?}")))
        .collect()
}

#[test]
fn cases() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/certainty/cases.txt");
    let file = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    for (i, line) in file.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split(" || ").collect();
        assert!(
            parts.len() >= 4,
            "line {}: text || focus || cues || result",
            i + 1
        );
        let text = parts[0];
        let (word, nth) = match parts[1].split_once('#') {
            Some((w, k)) => (w, k.parse().unwrap()),
            None => (parts[1], 1),
        };
        let focus = find(text, word, nth);
        let attributed = parts[4..].contains(&"attributed");
        let ignore = parts[4..]
            .iter()
            .find_map(|p| p.strip_prefix("ignore="))
            .map(parse_list)
            .unwrap_or_default();
        let sentence = Span::new(0, text.len());
        let found = cues(text, sentence, focus);
        let got: Vec<Certainty> = found.iter().map(|c| c.certainty).collect();
        assert_eq!(
            got,
            parse_list(parts[2]),
            "line {}: {text} (focus {word:?})\n  {found:#?}",
            i + 1
        );
        let want = Certainty::parse(parts[3]).unwrap();
        assert_eq!(
            combine(&found, attributed, &ignore),
            want,
            "line {}: {text}",
            i + 1
        );
        for c in &found {
            assert_eq!(c.span.slice(text), Some(c.text.as_str()));
        }
        n += 1;
    }
    assert!(n >= 50, "only {n} cases");
}

#[test]
fn combine_orders_by_rank() {
    let cue = |c| Cue {
        span: Span::new(0, 0),
        text: String::new(),
        certainty: c,
    };
    assert_eq!(combine(&[], false, &[]), Certainty::Stated);
    assert_eq!(combine(&[], true, &[]), Certainty::Reported);
    let all = [
        cue(Certainty::Claimed),
        cue(Certainty::Negated),
        cue(Certainty::Suspected),
    ];
    assert_eq!(combine(&all, false, &[]), Certainty::Negated);
    assert_eq!(
        combine(&all, false, &[Certainty::Negated]),
        Certainty::Suspected
    );
    assert_eq!(
        combine(&all[..1], true, &[Certainty::Claimed]),
        Certainty::Reported
    );
}

#[test]
fn ispk_seed() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("seed not found; skipped");
        return;
    };
    let sentence_of = |needle: &str| {
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
        let start = text[..at].rfind(['\n', '.']).map_or(0, |p| p + 1);
        let end = at + text[at..].find(".\n").map_or(text.len() - at, |p| p + 1);
        Span::new(start, end)
    };
    let at = |sentence: Span, word: &str| {
        let from = sentence.start;
        let p = from
            + text[from..sentence.end]
                .find(word)
                .unwrap_or_else(|| panic!("{word:?}"));
        Span::new(p, p + word.len())
    };
    let kinds = |s: Span, f: &str| {
        cues(&text, s, at(s, f))
            .into_iter()
            .map(|c| c.certainty)
            .collect::<Vec<_>>()
    };

    let gera = sentence_of("arrested in Gera");
    assert!(kinds(gera, "planned").contains(&Certainty::Alleged));
    assert!(!kinds(gera, "arrested").contains(&Certainty::Alleged));
    assert_eq!(
        combine(&cues(&text, gera, at(gera, "arrested")), false, &[]),
        Certainty::Stated
    );

    let austria = sentence_of("suspected supporters");
    let k = kinds(austria, "attack");
    assert!(
        k.contains(&Certainty::Alleged) || k.contains(&Certainty::Suspected),
        "{k:?}"
    );
    assert!(k.contains(&Certainty::Planned), "{k:?}");

    let iran = sentence_of("ISPK claimed responsibility");
    assert_eq!(kinds(iran, "claimed"), vec![Certainty::Claimed]);

    let moscow = sentence_of("suspected target");
    assert!(kinds(moscow, "target").contains(&Certainty::Suspected));

    let trail = sentence_of("the trail of the Moscow attackers");
    assert!(kinds(trail, "leads").contains(&Certainty::Suspected));
    assert!(!kinds(trail, "recruits").contains(&Certainty::Suspected));

    let members = sentence_of("varies between 1,500");
    assert!(kinds(members, "members").contains(&Certainty::Estimated));

    let abroad = sentence_of("not primarily aimed");
    assert!(!kinds(abroad, "attacks").contains(&Certainty::Negated));
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,160}", a in 0usize..200, b in 0usize..200, c in 0usize..200, d in 0usize..200) {
        let sentence = Span::new(a.min(b), a.max(b));
        let focus = Span::new(c.min(d), c.max(d));
        for cue in cues(&text, sentence, focus) {
            prop_assert!(cue.span.end <= text.len());
            prop_assert_eq!(cue.span.slice(&text), Some(cue.text.as_str()));
        }
    }
}
