//! Properties: any input never panics, spans are valid, and every value is a TIMEX3 value.

use chrono::NaiveDate;
use dossier_annotate::{annotate, is_valid_value};
use proptest::prelude::*;

fn check(text: &str, dct: Option<NaiveDate>) {
    let a = annotate(text, dct, "en");
    for s in &a.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
    }
    for t in &a.time_expressions {
        assert_eq!(text.get(t.span.start..t.span.end), Some(t.text.as_str()));
        assert!(
            is_valid_value(&t.value),
            "invalid value {:?} for {:?}",
            t.value,
            t.text
        );
        if let (Some(a), Some(b)) = (t.earliest, t.latest) {
            assert!(a <= b, "{t:?}");
        }
    }
}

/// Pieces that make the grammar work hard: numbers, months, units, punctuation, scripts, emoji.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Friday".to_string()),
        Just("last".to_string()),
        Just("the".to_string()),
        Just("Sept.".to_string()),
        Just("March".to_string()),
        Just("years".to_string()),
        Just("ago".to_string()),
        Just("a.m.".to_string()),
        Just("-".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("s".to_string()),
        Just("quarter".to_string()),
        Just("third".to_string()),
        Just("of".to_string()),
        Just("early".to_string()),
        Just("Christmas".to_string()),
        Just("nineteen".to_string()),
        Just("ninety".to_string()),
        Just("every".to_string()),
        Just("1/2".to_string()),
        Just("😀".to_string()),
        Just("日本語".to_string()),
        Just("العربية".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n\n".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..9999).prop_map(|n| format!("{n}s")),
        "[a-zA-Z]{1,8}",
        "[.,:;!?/]",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn dct() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1i32..9999, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>(), dct in dct()) {
        check(&text, dct);
    }

    #[test]
    fn time_words_in_any_order_never_panic(pieces in prop::collection::vec(piece(), 0..40), sep in "[ ,]{0,2}", dct in dct()) {
        check(&pieces.join(&sep), dct);
    }
}

#[test]
fn very_long_lines_and_extreme_dates() {
    let line = "On Friday, Sept. 30, 1989 and 5 1/2 hours later, last year's third quarter ended. "
        .repeat(5000);
    check(&line, NaiveDate::from_ymd_opt(2024, 3, 25));
    check(&line.replace(' ', ""), NaiveDate::from_ymd_opt(2024, 3, 25));
    for d in [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
    ] {
        check("yesterday, next week, last year, two centuries ago, this winter, Easter, 9999 years later", Some(d));
    }
    check(&"9".repeat(100_000), None);
    check(&"\u{0}\u{1}\u{feff}".repeat(1000), None);
}

#[test]
fn value_grammar() {
    for v in [
        "2024-03-22",
        "2024-03-22TEV",
        "2024-W12",
        "2023-12",
        "2015",
        "P1W",
        "PRESENT_REF",
        "XXXX-12-25",
        "2024-Q1",
        "199X",
        "PT5H30M",
        "XXXX-WXX-1",
    ] {
        assert!(is_valid_value(v), "{v}");
    }
    for v in [
        "",
        "2024-3-22",
        "P",
        "2024-W99",
        "Friday",
        "2024-Q5",
        "2024-02-30x",
        "PTH",
    ] {
        assert!(!is_valid_value(v), "{v}");
    }
}
