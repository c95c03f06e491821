//! Sentence splitting over the token stream: full stops, question and exclamation marks and blank
//! lines end sentences; abbreviations ("Mr.", "U.S.", "Sept.", "a.m.") and initials do not.

use crate::rules::Lex;
use crate::token::{Kind, Tok};

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", "mt", "ft", "fig", "approx", "dept", "univ", "adm", "maj", "gen",
    "pres", "sens", "reps", "e", "i", "u", "s",
];

/// German articles and prepositions fused with one, which stand before an ordinal ("zum 650.").
const GERMAN_ORDINAL_LEADS: &[&str] = &[
    "zum", "zur", "am", "im", "vom", "beim", "dem", "der", "den", "des", "das", "ein", "eine",
    "einem", "einer", "eines", "seinem", "seiner", "ihrem", "ihrer",
];

/// Token index ranges `[start, end)` of the sentences.
pub fn split(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..toks.len() {
        let next = toks.get(k + 1);
        let brk = match next {
            None => true,
            Some(n) if n.newlines_before >= 2 => true,
            Some(n) => ends_sentence(text, toks, k, n),
        };
        if brk {
            // Keep closing quotes and brackets with the sentence they close.
            out.push((start, k + 1));
            start = k + 1;
        }
    }
    out
}

fn ends_sentence(text: &str, toks: &[Tok], k: usize, next: &Tok) -> bool {
    let t = &toks[k];
    let p = match t.kind {
        Kind::Punct(p) => p,
        _ => return false,
    };
    // A closing quote or bracket after a full stop: break after it.
    if matches!(p, b'"' | b'\'' | b')') || text.get(t.start..t.end) == Some("\u{201d}") {
        return k > 0
            && matches!(toks[k - 1].kind, Kind::Punct(b'.' | b'!' | b'?'))
            && next.space_before
            && starts_sentence(text, next);
    }
    if !matches!(p, b'.' | b'!' | b'?') {
        return false;
    }
    if !next.space_before {
        return false;
    }
    if !starts_sentence(text, next) {
        return false;
    }
    if p == b'.' && k > 0 {
        let prev = &toks[k - 1];
        // "am 22. März": a day number before a month name is no sentence end.
        if prev.kind == Kind::Num
            && prev.end - prev.start <= 2
            && matches!(next.lex, Some(Lex::Month(..)))
        {
            return false;
        }
        // "zum 650. Jubiläum", "der 3. Tag": a German ordinal after an article or a
        // preposition with one, which no sentence ends on.
        if prev.kind == Kind::Num && prev.end == t.start && prev.end - prev.start <= 4 && k > 1 {
            let before = &toks[k - 2];
            if before.kind == Kind::Word
                && GERMAN_ORDINAL_LEADS
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&text[before.start..before.end]))
            {
                return false;
            }
        }
        if prev.kind == Kind::Word && prev.end == t.start {
            let w = &text[prev.start..prev.end];
            if w.chars().count() == 1 {
                return false;
            }
            if w.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)) {
                // "Sept." before a number, "Mr." before a name: no break. "Co." at the end of a
                // sentence is ambiguous; keep it joined.
                return false;
            }
        }
    }
    true
}

fn starts_sentence(text: &str, t: &Tok) -> bool {
    match t.kind {
        Kind::Word => t.cap,
        Kind::Num => true,
        Kind::Punct(p) => {
            matches!(p, b'"' | b'\'' | b'(' | b'`' | b'[')
                || matches!(
                    text.get(t.start..t.end),
                    Some(
                        "\u{201c}"
                            | "\u{2018}"
                            | "\u{ab}"
                            | "\u{bb}"
                            | "\u{201e}"
                            | "\u{bf}"
                            | "\u{a1}"
                    )
                )
        }
    }
}
