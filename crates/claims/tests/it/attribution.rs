//! Attribution: data-driven cases (`tests/data/attribution/cases.txt`), a snapshot over a fixture
//! paragraph, the ISPK seed document read in place, and a property test.

use dossier_claims::attribution::{attributions, for_sentence};
use dossier_core::annotation::{Sentence, TimeExpression, TimexType};
use dossier_core::claims::Attribution;
use dossier_core::span::Span;
use proptest::prelude::*;
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A simple splitter for tests: a sentence ends at . ? ! (and a closing quote after it) followed
/// by whitespace and a capital letter or an opening quote, or at a blank line.
pub(crate) fn split(text: &str) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = None;
    let mut last_end = 0;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        let mut end_here = None;
        if matches!(c, '.' | '?' | '!') {
            let mut e = k + 1;
            while e < chars.len() && matches!(chars[e].1, '”' | '"' | '’' | ')') {
                e += 1;
            }
            let next = chars[e..].iter().find(|(_, d)| !d.is_whitespace());
            let spaced = e < chars.len() && chars[e].1.is_whitespace();
            if e == chars.len()
                || (spaced
                    && next.is_some_and(|&(_, d)| d.is_uppercase() || matches!(d, '“' | '"' | '„')))
            {
                end_here = Some(e);
            }
        } else if c == '\n' && chars.get(k + 1).is_some_and(|&(_, d)| d == '\n') {
            end_here = Some(k);
        }
        if let Some(e) = end_here {
            let end = chars.get(e).map_or(text.len(), |&(p, _)| p);
            if let Some(s) = start.take() {
                let trimmed = text[s..end].trim_end();
                if !trimmed.is_empty() {
                    out.push(Sentence {
                        span: Span::new(s, s + trimmed.len()),
                    });
                }
            }
            last_end = end;
            k = e.max(k + 1);
            continue;
        }
        k += 1;
    }
    if let Some(s) = start {
        let trimmed = text[s.max(last_end)..].trim_end();
        if !trimmed.is_empty() {
            out.push(Sentence {
                span: Span::new(s, s + trimmed.len()),
            });
        }
    }
    out
}

/// A DATE time expression over the first occurrence of `needle` at or after `from`.
pub(crate) fn timex(
    text: &str,
    sentences: &[Sentence],
    needle: &str,
    from: usize,
    value: &str,
) -> TimeExpression {
    let start = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let span = Span::new(start, start + needle.len());
    TimeExpression {
        span,
        text: needle.to_string(),
        kind: TimexType::Date,
        value: value.to_string(),
        modifier: None,
        earliest: None,
        latest: None,
        anchored: false,
        sentence: sentences
            .iter()
            .position(|s| s.span.start <= start && start < s.span.end)
            .unwrap_or(0),
    }
}

fn check(line: usize, text: &str, expect: &str) {
    let sentences = split(text);
    let mut timexes = Vec::new();
    let mut fields = Vec::new();
    for part in expect.split("; ").map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        if k == "timex" {
            let (t, value) = v.split_once('@').expect("timex=TEXT@VALUE");
            timexes.push(timex(text, &sentences, t, 0, value));
        } else {
            fields.push((k, v));
        }
    }
    let atts = attributions(text, &sentences, &timexes, &[]);
    let ctx = format!("line {line}: {text}\n  got {atts:#?}");
    if fields.iter().any(|(k, _)| *k == "none") {
        assert!(atts.is_empty(), "expected no attribution; {ctx}");
        return;
    }
    let get = |k: &str| fields.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
    if let Some(n) = get("count") {
        assert_eq!(atts.len().to_string(), n, "count; {ctx}");
    }
    let a: &Attribution = match get("sentence") {
        Some(i) => for_sentence(&atts, i.parse().unwrap())
            .unwrap_or_else(|| panic!("no attribution for sentence {i}; {ctx}")),
        None => atts
            .first()
            .unwrap_or_else(|| panic!("no attribution; {ctx}")),
    };
    if let Some(i) = get("sentence") {
        assert_eq!(a.sentence.to_string(), i, "sentence; {ctx}");
    }
    assert_eq!(Some(a.cue.as_str()), get("cue"), "cue; {ctx}");
    assert_eq!(a.source.name.as_deref(), get("name"), "name; {ctx}");
    assert_eq!(a.source.role.as_deref(), get("role"), "role; {ctx}");
    assert_eq!(
        a.source.affiliation.as_deref(),
        get("affiliation"),
        "affiliation; {ctx}"
    );
    assert_eq!(a.medium.as_deref(), get("medium"), "medium; {ctx}");
    assert_eq!(a.said_at.as_deref(), get("said_at"), "said_at; {ctx}");
    assert_eq!(
        a.source.anonymous,
        get("anonymous") == Some("true"),
        "anonymous; {ctx}"
    );
    assert_eq!(
        a.cue_span.slice(text).map(str::to_lowercase).as_deref(),
        Some(a.cue.as_str()),
        "cue span; {ctx}"
    );
    let source_span = a.source_span.expect("source span");
    assert!(
        source_span.slice(text).is_some(),
        "source span on boundaries; {ctx}"
    );
}

#[test]
fn cases() {
    let file = std::fs::read_to_string(data("attribution/cases.txt")).unwrap();
    let mut n = 0;
    for (i, line) in file.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, expect) = line.split_once(" || ").expect("text || expectations");
        check(i + 1, text, expect);
        n += 1;
    }
    assert!(n >= 40, "only {n} cases");
}

#[test]
fn snapshot_paragraph() {
    let text = std::fs::read_to_string(data("attribution/paragraph.txt")).unwrap();
    let sentences = split(&text);
    let timexes = vec![timex(&text, &sentences, "on Sunday", 0, "2024-03-24")];
    let atts = attributions(&text, &sentences, &timexes, &[]);
    insta::assert_json_snapshot!("attribution_paragraph", atts);
}

/// The seed document, read in place from `../shared` (never copied).
fn seed() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    std::fs::read_to_string(path).ok()
}

#[test]
fn ispk_seed() {
    let Some(text) = seed() else {
        eprintln!("seed not found; skipped");
        return;
    };
    let sentences = split(&text);
    let essay = text.find("published in February").unwrap();
    let neumann = text.find("Peter Neumann").unwrap();
    let timexes = vec![
        timex(&text, &sentences, "February", essay, "2024-02"),
        timex(&text, &sentences, "December 2023", neumann, "2023-12"),
    ];
    let atts = attributions(&text, &sentences, &timexes, &[]);
    let by_name = |n: &str| atts.iter().find(|a| a.source.name.as_deref() == Some(n));

    let g = by_name("Antonio Giustozzi").unwrap_or_else(|| panic!("Giustozzi: {atts:#?}"));
    assert_eq!(g.cue, "noted");
    assert_eq!(g.source.role.as_deref(), Some("expert"));
    assert!(
        g.source
            .affiliation
            .as_deref()
            .is_some_and(|a| a.contains("King")),
        "{g:?}"
    );
    assert_eq!(g.said_at.as_deref(), Some("2024-02"));
    assert_eq!(
        g.medium.as_deref(),
        Some("Crisis and adaptation of the Islamic State in Khorasan")
    );

    // "In the essay, he attributes …": the pronoun is Giustozzi, the medium his essay.
    let he = atts
        .iter()
        .find(|a| a.cue == "attributes")
        .expect("attributes");
    assert_eq!(he.source.name.as_deref(), Some("Antonio Giustozzi"));
    assert_eq!(he.medium, g.medium);

    // The attribution in the sentence of its cue (the quotation's first sentence has a copy).
    let n = atts
        .iter()
        .rfind(|a| a.source.name.as_deref() == Some("Peter Neumann"))
        .unwrap_or_else(|| panic!("Neumann: {atts:#?}"));
    assert!(sentences[n.sentence].span.start <= n.cue_span.start);
    assert_eq!(n.cue, "wrote");
    assert_eq!(n.source.role.as_deref(), Some("terrorism expert"));
    assert_eq!(n.medium.as_deref(), Some("X"));
    assert_eq!(n.said_at.as_deref(), Some("2023-12"));
    // The quotation's first sentence ("… in the West.") is Neumann's too.
    let quote_start = text[..neumann].rfind('“').unwrap();
    let first = sentences
        .iter()
        .position(|s| s.span.start <= quote_start && quote_start < s.span.end)
        .unwrap();
    assert_ne!(first, n.sentence);
    assert_eq!(
        for_sentence(&atts, first).and_then(|a| a.source.name.as_deref()),
        Some("Peter Neumann")
    );

    let w = by_name("Washington Institute for Near-East Policy")
        .unwrap_or_else(|| panic!("WINEP: {atts:#?}"));
    assert_eq!(w.cue, "according to");

    let c = atts
        .iter()
        .find(|a| a.source.role.as_deref() == Some("ISPK commander"))
        .expect("commander");
    assert!(c.source.anonymous);
    assert_eq!(c.source.name, None);
    assert_eq!(c.cue, "as saying");
    assert_eq!(c.medium, g.medium);

    let roles: Vec<&str> = atts
        .iter()
        .filter_map(|a| a.source.role.as_deref())
        .collect();
    for r in ["observers", "experts", "initial findings", "investigation"] {
        assert!(roles.contains(&r), "{r} missing from {roles:?}");
    }
    let moscow = by_name("Moscow").expect("Moscow initially said");
    assert_eq!(moscow.cue, "said");
    // Without time expressions there is no date, and nothing else changes.
    let bare = attributions(&text, &sentences, &[], &[]);
    assert_eq!(bare.len(), atts.len());
    assert!(bare.iter().all(|a| a.said_at.is_none()));
}

#[test]
fn names_decide_the_name() {
    use dossier_core::entity::EntityMention;
    let text = "Counter-terror adviser Sam Okafor Jr said the cell was dismantled.";
    let sentences = split(text);
    let start = text.find("Sam").unwrap();
    let end = text.find(" said").unwrap();
    let names = vec![EntityMention {
        span: Span::new(start, end),
        label: "PERSON".into(),
        text: text[start..end].into(),
        source: "ner".into(),
    }];
    let atts = attributions(text, &sentences, &[], &names);
    assert_eq!(atts.len(), 1, "{atts:#?}");
    assert_eq!(atts[0].source.name.as_deref(), Some("Sam Okafor Jr"));
    assert_eq!(
        atts[0].source.role.as_deref(),
        Some("Counter-terror adviser")
    );
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,200}", cut in 0usize..300) {
        let sentences = split(&text);
        let end = text.len().min(cut);
        let mut timexes = Vec::new();
        if text.is_char_boundary(end) {
            timexes.push(TimeExpression {
                span: Span::new(0, end), text: text[..end].to_string(), kind: TimexType::Date,
                value: "2024".into(), modifier: None, earliest: None, latest: None, anchored: false, sentence: 0,
            });
        }
        let atts = attributions(&text, &sentences, &timexes, &[]);
        for a in &atts {
            prop_assert!(a.cue_span.slice(&text).is_some());
            prop_assert!(a.source_span.is_none_or(|s| s.slice(&text).is_some()));
            prop_assert!(a.sentence < sentences.len());
        }
    }

    #[test]
    fn quotes_and_cues_never_panic(words in proptest::collection::vec(
        prop_oneof![
            Just("said"), Just("“"), Just("”"), Just("\""), Just(","), Just("according"), Just("to"),
            Just("he"), Just("Police"), Just("a"), Just("the"), Just("("), Just(")"), Just("quotes"),
            Just("as"), Just("saying"), Just("in"), Just("essay"), Just("on"), Just("X"), Just("."),
            Just("Ann"), Just("Lee"), Just("expert"), Just("from"), Just("who"), Just("laut"), Just("é"),
        ], 0..40)) {
        let text = words.join(" ");
        let sentences = split(&text);
        let atts = attributions(&text, &sentences, &[], &[]);
        for a in &atts {
            prop_assert!(a.cue_span.slice(&text).is_some());
            prop_assert!(a.source_span.is_none_or(|s| s.slice(&text).is_some()));
        }
    }
}

#[test]
fn honorific_keeps_the_whole_name_and_affiliation() {
    let text = "“The evidence points east,” said Dr. Lena Varga of the Centre for Conflict Monitoring Studies, a fictional institute.";
    let sentences = [dossier_core::annotation::Sentence {
        span: dossier_core::Span::new(0, text.len()),
    }];
    let found = dossier_claims::attribution::attributions(text, &sentences, &[], &[]);
    let a = found.first().expect("an attribution");
    assert_eq!(a.source.name.as_deref(), Some("Dr. Lena Varga"), "{a:?}");
    assert_eq!(
        a.source.affiliation.as_deref(),
        Some("Centre for Conflict Monitoring Studies"),
        "{a:?}"
    );
}
