//! Data-driven cases from `tests/data/timex_cases.tsv`: sentence + document date → type/value/mod.

use chrono::NaiveDate;
use dossier_annotate::extract;
use dossier_annotate::timex::extract_with_sentences;
use std::path::Path;

fn run_cases(file: &str, language: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let data = std::fs::read_to_string(&path).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for (ln, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "{file} line {}: {line:?}", ln + 1);
        let dct = NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").unwrap();
        let found = extract_with_sentences(cols[1], Some(dct), language).1;
        n += 1;
        if cols[2] == "-" {
            if !found.is_empty() {
                failures.push(format!(
                    "line {}: {:?}: expected nothing, got {:?}",
                    ln + 1,
                    cols[1],
                    found
                ));
            }
            continue;
        }
        let Some(t) = found.iter().find(|t| t.text == cols[2]) else {
            let got: Vec<_> = found.iter().map(|t| (&t.text, &t.value)).collect();
            failures.push(format!(
                "line {}: {:?}: no {:?} in {got:?}",
                ln + 1,
                cols[1],
                cols[2]
            ));
            continue;
        };
        let want_mod = (cols[5] != "-").then(|| cols[5].to_string());
        if t.kind.as_str() != cols[3] || t.value != cols[4] || t.modifier != want_mod {
            failures.push(format!(
                "line {}: {:?}: want {} {} {:?}, got {} {} {:?}",
                ln + 1,
                cols[2],
                cols[3],
                cols[4],
                want_mod,
                t.kind,
                t.value,
                t.modifier
            ));
        }
        assert_eq!(
            &cols[1][t.span.start..t.span.end],
            t.text,
            "span is byte offsets into the text"
        );
    }
    assert!(
        failures.is_empty(),
        "{file}: {} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    n
}

#[test]
fn timex_cases() {
    assert!(run_cases("timex_cases.tsv", "en") > 40);
}

#[test]
fn timex_cases_german() {
    assert!(run_cases("timex_cases_de.tsv", "de") > 10);
}

#[test]
fn without_a_document_date_relative_values_are_underspecified() {
    let a = dossier_annotate::annotate(
        "The suspects were detained yesterday and on March 3.",
        None,
        "en",
    );
    let values: Vec<_> = a
        .time_expressions
        .iter()
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(values, ["XXXX-XX-XX", "XXXX-03-03"]);
    assert!(!a.diagnostics.is_empty());
    for t in &a.time_expressions {
        assert!(dossier_annotate::is_valid_value(&t.value), "{}", t.value);
    }
}

#[test]
fn intervals_are_queryable() {
    let dct = NaiveDate::from_ymd_opt(2024, 3, 25);
    let t = extract("It happened in March 2024.", dct);
    assert_eq!(t[0].earliest.unwrap().to_string(), "2024-03-01 00:00:00");
    assert_eq!(t[0].latest.unwrap().to_string(), "2024-03-31 23:59:59");
    let t = extract("It happened at the beginning of January.", dct);
    assert_eq!(t[0].modifier.as_deref(), Some("START"));
    assert_eq!(t[0].earliest.unwrap().to_string(), "2024-01-01 00:00:00");
    assert!(t[0].latest.unwrap() < "2024-01-12T00:00:00".parse().unwrap());
    // "earlier this month" on the 25th: any day up to the report; "later this year": from it.
    let t = extract("The embassy had warned earlier this month.", dct);
    assert_eq!(t[0].earliest.unwrap().to_string(), "2024-03-01 00:00:00");
    assert_eq!(t[0].latest.unwrap().to_string(), "2024-03-25 23:59:59");
    let t = extract("Elections will be held later this year.", dct);
    assert_eq!(t[0].earliest.unwrap().to_string(), "2024-03-25 00:00:00");
    assert_eq!(t[0].latest.unwrap().to_string(), "2024-12-31 23:59:59");
}

#[test]
fn sentences_have_byte_spans() {
    let text =
        "Dr. Smith arrived in the U.S. on Friday. He left on Sept. 3. Où est-il? «Nobody knows.»";
    let a = dossier_annotate::annotate(text, NaiveDate::from_ymd_opt(2024, 3, 25), "en");
    let s: Vec<&str> = a
        .sentences
        .iter()
        .map(|s| &text[s.span.start..s.span.end])
        .collect();
    assert_eq!(
        s,
        [
            "Dr. Smith arrived in the U.S. on Friday.",
            "He left on Sept. 3.",
            "Où est-il?",
            "«Nobody knows.»"
        ]
    );
    assert_eq!(a.time_expressions.len(), 2);
    assert_eq!(a.time_expressions[1].sentence, 1);
}
