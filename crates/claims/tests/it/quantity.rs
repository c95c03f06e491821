//! Quantities: data-driven cases (`tests/data/quantity/cases.txt`), a snapshot of a fixture
//! paragraph, the seed article read in place, and a no-panic property test.

use dossier_claims::quantity::{parse_number, quantities};
use dossier_core::annotation::Sentence;
use dossier_core::claims::Quantity;
use dossier_core::span::Span;
use proptest::prelude::*;
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/quantity")
        .join(name)
}

/// One expected quantity of a case line.
#[derive(Debug, PartialEq)]
struct Expected {
    min: Option<f64>,
    max: Option<f64>,
    approximate: bool,
    unit: Option<String>,
    counted: Option<String>,
}

fn parse_bound(s: &str) -> Option<f64> {
    if s.is_empty() {
        None
    } else {
        Some(s.parse().unwrap_or_else(|_| panic!("bad number {s:?}")))
    }
}

fn parse_expected(s: &str) -> Vec<Expected> {
    let s = s.trim();
    if s == "-" {
        return Vec::new();
    }
    s.split(';')
        .map(|one| {
            let mut fields = one.split_whitespace();
            let value = fields.next().expect("a value");
            let (approximate, value) = match value.strip_prefix('~') {
                Some(v) => (true, v),
                None => (false, value),
            };
            let (min, max) = match value.split_once("..") {
                Some((a, b)) => (parse_bound(a), parse_bound(b)),
                None => (parse_bound(value), parse_bound(value)),
            };
            let mut e = Expected {
                min,
                max,
                approximate,
                unit: None,
                counted: None,
            };
            for f in fields {
                match f.split_once('=') {
                    Some(("unit", u)) => e.unit = Some(u.to_string()),
                    Some(("counted", c)) => e.counted = Some(c.to_string()),
                    _ => panic!("bad field {f:?}"),
                }
            }
            e
        })
        .collect()
}

/// Removes `[…]` markers and returns the text and the marked spans.
fn strip_brackets(s: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in s.chars() {
        match c {
            '[' => open = Some(text.len()),
            ']' => {
                let start = open.take().expect("unbalanced ]");
                spans.push(Span::new(start, text.len()));
            }
            _ => text.push(c),
        }
    }
    (text, spans)
}

fn found(q: &Quantity) -> Expected {
    Expected {
        min: q.min,
        max: q.max,
        approximate: q.approximate,
        unit: q.unit.clone(),
        counted: q.counted.clone(),
    }
}

fn check_spans(text: &str, qs: &[Quantity]) {
    for q in qs {
        assert_eq!(q.span.slice(text), Some(q.text.as_str()), "{q:?}");
        if let Some(cs) = q.counted_span {
            assert_eq!(cs.slice(text), q.counted.as_deref(), "{q:?}");
        }
    }
}

#[test]
fn cases() {
    let file = std::fs::read_to_string(data("cases.txt")).expect("cases.txt");
    let mut n = 0;
    let mut failures = Vec::new();
    for line in file.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line.split_once("=>").expect("a => in every case");
        let (text, exclude) = strip_brackets(input.trim());
        let expected = parse_expected(expected);
        let qs = quantities(&text, &[], &exclude);
        check_spans(&text, &qs);
        let got: Vec<Expected> = qs.iter().map(found).collect();
        if got != expected {
            failures.push(format!(
                "{text}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
        n += 1;
    }
    assert!(n >= 60, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn spec_forms() {
    let one = |text: &str| {
        let qs = quantities(text, &[], &[]);
        assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
        found(&qs[0])
    };
    let e = |min, max, approximate, unit: Option<&str>, counted: Option<&str>| Expected {
        min,
        max,
        approximate,
        unit: unit.map(String::from),
        counted: counted.map(String::from),
    };
    assert_eq!(
        one("1,500 to 6,000"),
        e(Some(1500.0), Some(6000.0), false, None, None)
    );
    assert_eq!(
        one("1,500-6,000"),
        e(Some(1500.0), Some(6000.0), false, None, None)
    );
    assert_eq!(
        one("more than 140"),
        e(Some(140.0), None, false, None, None)
    );
    assert_eq!(one("over 140"), e(Some(140.0), None, false, None, None));
    assert_eq!(
        one("fewer than 2,000"),
        e(None, Some(2000.0), false, None, None)
    );
    assert_eq!(
        one("around 40"),
        e(Some(40.0), Some(40.0), true, None, None)
    );
    assert_eq!(one("dozens"), e(Some(24.0), None, true, None, None));
    assert_eq!(one("thousands"), e(Some(2000.0), None, true, None, None));
    assert_eq!(
        one("€2 billion"),
        e(Some(2e9), Some(2e9), false, Some("EUR"), None)
    );
    assert_eq!(
        one("10%"),
        e(Some(10.0), Some(10.0), false, Some("percent"), None)
    );
    assert_eq!(
        one("between 2 and 3 million"),
        e(Some(2e6), Some(3e6), false, None, None)
    );
    assert_eq!(
        one("two or three"),
        e(Some(2.0), Some(3.0), true, None, None)
    );
    assert_eq!(
        one("a 1,500-strong force").counted.as_deref(),
        Some("force")
    );
    for none in [
        "the 21st century",
        "at 10:57 a.m.",
        "version 1.2.3",
        "the one",
        "no one",
        "one of them",
        "a man",
        "an attack",
        "F-16 jets",
        "the G7 summit",
        "a 10-year-old boy",
        "in 2015",
        "in the 1990s",
        "Article 5",
        "March 25",
    ] {
        assert!(
            quantities(none, &[], &[]).is_empty(),
            "{none}: {:?}",
            quantities(none, &[], &[])
        );
    }
    assert_eq!(parse_number("6.000"), Some(6000.0));
    assert_eq!(parse_number("a hundred"), Some(100.0));
}

#[test]
fn sentences_index() {
    let text = "Two men were arrested. Police found 3 rifles.";
    let sentences = [
        Sentence {
            span: Span::new(0, 22),
        },
        Sentence {
            span: Span::new(23, text.len()),
        },
    ];
    let qs = quantities(text, &sentences, &[]);
    assert_eq!(
        qs.iter().map(|q| q.sentence).collect::<Vec<_>>(),
        vec![0, 1]
    );
    assert_eq!(qs[1].counted.as_deref(), Some("rifles"));
}

#[test]
fn fixture_snapshot() {
    let text = std::fs::read_to_string(data("fixture.txt")).expect("fixture.txt");
    let qs = quantities(&text, &[], &[]);
    check_spans(&text, &qs);
    insta::assert_json_snapshot!("fixture", qs);
}

/// The seed document, read in place from `../shared` (never copied).
#[test]
fn seed_article() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    let text = std::fs::read_to_string(&path).expect("seed article");
    let qs = quantities(&text, &[], &[]);
    check_spans(&text, &qs);
    let find = |counted: &str| {
        qs.iter()
            .find(|q| q.counted.as_deref() == Some(counted))
            .unwrap_or_else(|| panic!("no quantity of {counted}: {qs:#?}"))
    };
    let members = find("members");
    assert_eq!((members.min, members.max), (Some(1500.0), Some(6000.0)));
    assert_eq!(members.text, "between 1,500 and 6,000");
    let attacks = find("attacks");
    assert_eq!((attacks.min, attacks.max), (Some(21.0), Some(21.0)));
    let countries = find("countries");
    assert_eq!((countries.min, countries.max), (Some(9.0), Some(9.0)));
    let people = find("people");
    assert!(people.approximate);
    assert_eq!(people.text, "hundreds");
    assert_eq!(find("men").min, Some(2.0));
    assert_eq!(find("arrests").min, Some(3.0));
    // No years, dates, times or "the one hand" among the rest.
    for q in &qs {
        assert!(
            !q.text.contains("2015") && !q.text.contains("10:57") && q.text != "one",
            "{q:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn never_panics(
        text in "(\\PC|[0-9,.\\-–$€%: ]|one|two|dozen|hundreds|of|between|and|at least|\u{a0}){0,80}",
        cuts in proptest::collection::vec((0usize..400, 0usize..400), 0..4),
    ) {
        let exclude: Vec<Span> = cuts.iter().map(|&(a, b)| Span { start: a, end: b }).collect();
        let sentences: Vec<Sentence> = cuts.iter().map(|&(a, b)| Sentence { span: Span { start: a.min(b), end: a.max(b) } }).collect();
        let qs = quantities(&text, &sentences, &exclude);
        for q in &qs {
            prop_assert!(q.span.end <= text.len() && q.span.start <= q.span.end);
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            if let Some(cs) = q.counted_span {
                prop_assert!(cs.slice(&text).is_some());
            }
            prop_assert!(q.min.is_none_or(f64::is_finite) && q.max.is_none_or(f64::is_finite));
        }
        let _ = parse_number(&text);
    }
}

/// Throughput in release mode: `cargo test --release -p dossier-claims --test it -- --ignored
/// quantity::throughput --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/ispk-background.txt");
    let seed = std::fs::read_to_string(path).expect("seed article");
    let cases = std::fs::read_to_string(data("cases.txt")).expect("cases.txt");
    let mut text = String::new();
    while text.len() < 8 << 20 {
        text.push_str(&seed);
        text.push_str(&cases);
    }
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        n += quantities(&text, &[], &[]).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = 3.0 * text.len() as f64 / 1e6;
    println!(
        "quantities: {mb:.1} MB in {secs:.2} s = {:.1} MB/s ({n} found)",
        mb / secs
    );
}
