//! Lexical attributes of a token: NORM (with spaCy's base norm exceptions), PREFIX, SUFFIX, SHAPE.

use crate::unicode::{is_alpha, is_digit, is_space};

/// spaCy's `BASE_NORMS` (`spacy/lang/norm_exceptions.py`), applied after the model's lookup table.
const BASE_NORMS: [(&str, &str); 45] = [
    ("'s", "'s"),
    ("'S", "'s"),
    ("\u{2019}s", "'s"),
    ("\u{2019}S", "'s"),
    ("\u{2019}", "'"),
    ("\u{2018}", "'"),
    ("\u{b4}", "'"),
    ("`", "'"),
    ("\u{201d}", "\""),
    ("\u{201c}", "\""),
    ("''", "\""),
    ("``", "\""),
    ("\u{b4}\u{b4}", "\""),
    ("\u{201e}", "\""),
    ("\u{bb}", "\""),
    ("\u{ab}", "\""),
    ("\u{2018}\u{2018}", "\""),
    ("\u{2019}\u{2019}", "\""),
    ("\u{ff1f}", "?"),
    ("\u{ff01}", "!"),
    ("\u{ff0c}", ","),
    ("\u{ff1b}", ";"),
    ("\u{ff1a}", ":"),
    ("\u{3002}", "."),
    ("\u{964}", "."),
    ("\u{2026}", "..."),
    ("\u{2014}", "-"),
    ("\u{2013}", "-"),
    ("--", "-"),
    ("---", "-"),
    ("\u{2014}\u{2014}", "-"),
    ("\u{20ac}", "$"),
    ("\u{a3}", "$"),
    ("\u{a5}", "$"),
    ("\u{e3f}", "$"),
    ("US$", "$"),
    ("C$", "$"),
    ("A$", "$"),
    ("\u{20ba}", "$"),
    ("\u{20b9}", "$"),
    ("\u{9f3}", "$"),
    ("\u{20a9}", "$"),
    ("Mex$", "$"),
    ("\u{20a3}", "$"),
    ("E\u{a3}", "$"),
];

/// The base norm of `orth`, if spaCy's `BASE_NORMS` has one.
pub(crate) fn base_norm(orth: &str) -> Option<&'static str> {
    BASE_NORMS.iter().find(|(k, _)| *k == orth).map(|(_, v)| *v)
}

/// spaCy's `word_shape`: `Xxxxx` for "Hello", `dddd` for "12345678", `LONG` for >= 100 chars.
pub(crate) fn word_shape(orth: &str, out: &mut String) {
    out.clear();
    if orth.chars().count() >= 100 {
        out.push_str("LONG");
        return;
    }
    let mut last = None;
    let mut seq = 0;
    for ch in orth.chars() {
        let c = if is_alpha(ch) {
            if ch.is_uppercase() {
                'X'
            } else {
                'x'
            }
        } else if is_digit(ch) {
            'd'
        } else {
            ch
        };
        if Some(c) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(c);
        }
        if seq < 4 {
            out.push(c);
        }
    }
}

/// The first code point of `orth` (spaCy PREFIX, length 1).
pub(crate) fn prefix(orth: &str) -> &str {
    match orth.char_indices().nth(1) {
        Some((i, _)) => &orth[..i],
        None => orth,
    }
}

/// The last three code points of `orth` (spaCy SUFFIX).
pub(crate) fn suffix(orth: &str) -> &str {
    match orth.char_indices().rev().nth(2) {
        Some((i, _)) => &orth[i..],
        None => orth,
    }
}

/// Python `orth.isspace()`: non-empty and all whitespace.
pub(crate) fn is_space_token(orth: &str) -> bool {
    !orth.is_empty() && orth.chars().all(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> String {
        let mut o = String::new();
        word_shape(s, &mut o);
        o
    }

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Hello"), "Xxxxx");
        assert_eq!(shape("12345678"), "dddd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("\"\"\"\"\""), "\"\"\"\"");
        assert_eq!(shape(&"a".repeat(100)), "LONG");
        assert_eq!(prefix("Émile"), "É");
        assert_eq!(suffix("Zürich"), "ich");
        assert_eq!(suffix("ab"), "ab");
        assert_eq!(suffix(""), "");
        assert_eq!(base_norm("\u{2014}"), Some("-"));
        assert!(is_space_token("\n ") && !is_space_token(""));
    }
}
