//! Alias discovery in running text: "Long Name (ACRONYM)", "X, also known as Y", "X, also called
//! Y", "X, commonly called Y", "X, whose full name is Y", "X, known locally as Y" (and German
//! "auch bekannt als", "auch genannt"), each with the sentence it was found in as evidence.

use crate::normalize::is_acronym;
use dossier_core::Span;
use serde::{Deserialize, Serialize};

/// One alias found in text: `alias` is another name of `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscoveredAlias {
    /// The fuller name, e.g. "Islamic State – Khorasan Province".
    pub name: String,
    /// The other name, e.g. "ISPK".
    pub alias: String,
    pub name_span: Span,
    pub alias_span: Span,
    /// The sentence that states it: the evidence.
    pub sentence: Span,
    /// Which pattern found it: `acronym`, `also known as`, `whose full name is`, ...
    pub pattern: String,
}

const OPEN_QUOTES: &[char] = &[
    '"', '\'', '\u{201C}', '\u{201E}', '\u{2018}', '\u{00AB}', '\u{201A}',
];
const CLOSE_QUOTES: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', '\u{201C}'];

/// Lower-case words allowed inside a multi-word name.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "in"
            | "for"
            | "al"
            | "el"
            | "wal"
            | "wa"
            | "ul"
            | "de"
            | "del"
            | "la"
            | "le"
            | "du"
            | "des"
            | "für"
            | "der"
            | "die"
            | "das"
            | "e"
            | "i"
            | "bin"
            | "ibn"
            | "-"
            | "\u{2013}"
            | "\u{2014}"
    )
}

/// Lower-case nouns that may end a name: "Haqqani network", "Islamic State group".
fn is_name_head(w: &str) -> bool {
    matches!(
        w,
        "network" | "group" | "movement" | "front" | "militia" | "organisation" | "organization"
    )
}

/// Capitalised words that start sentences but are not part of a following name.
fn is_lead_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "Der"
            | "Die"
            | "Das"
            | "A"
            | "An"
            | "Fighters"
            | "Members"
            | "Militants"
            | "Supporters"
            | "Leaders"
            | "Officials"
            | "Commanders"
            | "Units"
            | "Experts"
            | "Reports"
            | "Sources"
            | "According"
            | "Meanwhile"
            | "However"
            | "In"
            | "On"
            | "After"
            | "When"
            | "Then"
            | "Both"
            | "Since"
            | "While"
            | "Kämpfer"
            | "Mitglieder"
            | "Anhänger"
            | "Laut"
            | "Nach"
    )
}

fn is_capitalized(w: &str) -> bool {
    w.split(['-', '\'', '\u{2019}']).any(|seg| {
        seg.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    })
}

/// Whitespace-separated tokens of `s` with byte offsets (relative to `s`).
fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                if let Some(t) = s.get(st..i) {
                    out.push((st, t));
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        if let Some(t) = s.get(st..) {
            out.push((st, t));
        }
    }
    out
}

/// A token with leading opening quotes and trailing closing quotes removed; returns
/// (offset shift, cleaned token, had opening quote, had trailing punctuation other than quotes).
fn clean(tok: &str) -> (usize, &str, bool) {
    let t = tok.trim_start_matches(OPEN_QUOTES);
    let shift = tok.len() - t.len();
    let t = t.trim_end_matches(CLOSE_QUOTES);
    (shift, t, shift > 0)
}

/// The capitalised phrase that ends at the end of `before` (trailing spaces, quotes and commas
/// allowed): returns the byte range relative to `before` and the token texts.
fn phrase_before(before: &str, max_tokens: usize) -> Vec<(usize, usize, String)> {
    let trimmed = before.trim_end().trim_end_matches(',').trim_end();
    let trimmed = trimmed.trim_end_matches(CLOSE_QUOTES).trim_end();
    let toks = tokens(trimmed);
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (off, tok) in toks.iter().rev().take(max_tokens) {
        let (shift, t, opened) = clean(tok);
        if t.is_empty() {
            break;
        }
        // A token ending a previous clause stops the phrase.
        if !out.is_empty() && t.ends_with([',', '.', ';', ':', '!', '?', ')']) {
            break;
        }
        let t = t.trim_end_matches([',', '.', ';', ':']);
        let head = out.is_empty() && is_name_head(t);
        if !(is_capitalized(t) || is_connector(t) || head) {
            break;
        }
        out.push((off + shift, off + shift + t.len(), t.to_string()));
        if opened {
            break;
        }
    }
    out.reverse();
    // No leading connectors, sentence-initial articles or common sentence-initial words.
    while out
        .first()
        .is_some_and(|(_, _, t)| is_connector(t) || is_lead_word(t))
    {
        out.remove(0);
    }
    while out.last().is_some_and(|(_, _, t)| is_connector(t)) {
        out.pop();
    }
    if out
        .iter()
        .all(|(_, _, t)| is_name_head(t) || is_connector(t))
    {
        out.clear();
    }
    out
}

/// The name that starts at the beginning of `after`: a quoted string, or a capitalised phrase.
fn phrase_after(after: &str) -> Option<(usize, usize)> {
    let lead = after.len() - after.trim_start().len();
    let mut rest = &after[lead..];
    let mut base = lead;
    for art in ["the ", "The ", "die ", "der ", "den "] {
        if let Some(r) = rest.strip_prefix(art) {
            base += art.len();
            rest = r;
            break;
        }
    }
    let first = rest.chars().next()?;
    if OPEN_QUOTES.contains(&first) {
        let inner = &rest[first.len_utf8()..];
        let end = inner.find(CLOSE_QUOTES)?;
        let s = base + first.len_utf8();
        return (end > 0 && end < 120).then_some((s, s + end));
    }
    let mut end = None;
    let mut connectors_since = 0;
    for (off, tok) in tokens(rest).into_iter().take(10) {
        let t = tok.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
        let stop = t.len() != tok.len();
        if is_capitalized(t) && !t.is_empty() {
            end = Some(base + off + t.len());
            connectors_since = 0;
        } else if is_connector(t) && connectors_since < 2 {
            connectors_since += 1;
        } else {
            break;
        }
        if stop {
            break;
        }
    }
    end.map(|e| (base, e))
}

/// The sentence around `[s, e)`: from after the previous ". ", "! ", "? " or line break to the
/// next one.
fn sentence_around(text: &str, s: usize, e: usize) -> Span {
    let bytes = text.as_bytes();
    let mut start = s.min(text.len());
    while start > 0 {
        let b = bytes.get(start - 1).copied().unwrap_or(b'\n');
        if b == b'\n'
            || (b == b' '
                && start >= 2
                && matches!(bytes.get(start - 2), Some(b'.') | Some(b'!') | Some(b'?')))
        {
            break;
        }
        start -= 1;
    }
    let mut end = e.min(text.len());
    while end < text.len() {
        let b = bytes.get(end).copied().unwrap_or(b'\n');
        if b == b'\n' {
            break;
        }
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(end + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            end += 1;
            break;
        }
        end += 1;
    }
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end)
}

/// Uppercase letters of `acronym` covered by the initials of the name's words and word parts.
fn initials_cover(acronym: &str, name_tokens: &[&str]) -> bool {
    let mut initials: Vec<char> = name_tokens
        .iter()
        .flat_map(|t| t.split(['-', '\'', '\u{2019}']))
        .filter_map(|seg| seg.chars().next())
        .filter(|c| c.is_uppercase() || c.is_numeric())
        .collect();
    for c in acronym.chars().filter(|c| c.is_uppercase()) {
        match initials.iter().position(|&i| i == c) {
            Some(p) => {
                initials.remove(p);
            }
            None => return false,
        }
    }
    true
}

fn acronym_pattern(text: &str, out: &mut Vec<DiscoveredAlias>) {
    for (i, _) in text.match_indices('(') {
        let Some(rest) = text.get(i + 1..) else {
            continue;
        };
        let Some(close) = rest.find(')') else {
            continue;
        };
        if close == 0 || close > 16 {
            continue;
        }
        let Some(inner_raw) = rest.get(..close) else {
            continue;
        };
        let inner = inner_raw.trim();
        if inner.contains(char::is_whitespace)
            || !inner.chars().all(|c| c.is_alphanumeric() || c == '-')
            || !inner.chars().next().is_some_and(char::is_uppercase)
            || !is_acronym(inner)
        {
            continue;
        }
        let Some(before) = text.get(..i) else {
            continue;
        };
        let phrase = phrase_before(before, 10);
        let first = inner.chars().next().unwrap_or(' ');
        // The closest start whose initial is the acronym's first letter and that covers it.
        let mut chosen = None;
        for k in (0..phrase.len()).rev() {
            let starts_right = phrase
                .get(k)
                .and_then(|(_, _, t)| t.chars().next())
                .is_some_and(|c| c == first);
            let toks: Vec<&str> = phrase[k..].iter().map(|(_, _, t)| t.as_str()).collect();
            if starts_right && initials_cover(inner, &toks) {
                chosen = Some(k);
                break;
            }
        }
        let Some(k) = chosen else { continue };
        let (Some(&(ns, _, _)), Some(&(_, ne, _))) = (phrase.get(k), phrase.last()) else {
            continue;
        };
        let Some(name) = text.get(ns..ne) else {
            continue;
        };
        if name.len() <= inner.len() {
            continue;
        }
        let a_start = i + 1 + (inner_raw.len() - inner_raw.trim_start().len());
        let alias_span = Span::new(a_start, a_start + inner.len());
        out.push(DiscoveredAlias {
            name: name.to_string(),
            alias: inner.to_string(),
            name_span: Span::new(ns, ne),
            alias_span,
            sentence: sentence_around(text, ns, alias_span.end),
            pattern: "acronym".into(),
        });
    }
}

/// (marker, pattern name, whether the phrase after the marker is the full name).
const MARKERS: &[(&str, &str, bool)] = &[
    (" also known as ", "also known as", false),
    (" also called ", "also called", false),
    (" commonly called ", "commonly called", false),
    (" commonly known as ", "commonly known as", false),
    (" better known as ", "better known as", false),
    (" whose full name is ", "whose full name is", true),
    (" auch bekannt als ", "auch bekannt als", false),
    (" auch genannt ", "auch genannt", false),
    (" known locally as ", LOCAL_NAME, false),
    (" locally known as ", LOCAL_NAME, false),
    (" locally called ", LOCAL_NAME, false),
    (" whom residents call ", LOCAL_NAME, false),
    (" whom locals call ", LOCAL_NAME, false),
];

/// The pattern of a name people use for a group locally ("ISIS-Mozambique, known locally as
/// al-Shabaab"): such a name may be another group's (Somalia's al-Shabaab), so it resolves by
/// the group's own name only.
pub const LOCAL_NAME: &str = "known locally as";

/// Whether the name at `span` is given as what people locally call a group ("known locally as
/// X", "locally known as X", "locally called X", "whom residents call X", "residents call the
/// insurgents X"): the name stands for the group described or named before it, not for a
/// curated group of the same name.
pub fn local_name_at(text: &str, span: Span) -> bool {
    let mut from = span.start.saturating_sub(60);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let Some(before) = text.get(from..span.start) else {
        return false;
    };
    let before = before.to_lowercase();
    let before = before.trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    if [
        " known locally as",
        " locally known as",
        " locally called",
        " whom residents call",
        " whom locals call",
    ]
    .iter()
    .any(|m| before.ends_with(m))
    {
        return true;
    }
    // "Residents call the militants al-Shabaab", "locals call them al-Shabaab", "residents of
    // Cabo Delgado call the insurgents al-Shabaab".
    let words: Vec<&str> = before.split_whitespace().rev().take(9).collect();
    let rest = match words.as_slice() {
        [obj, rest @ ..] if matches!(*obj, "them" | "it") => rest,
        [obj, det, rest @ ..]
            if matches!(*det, "the" | "these" | "those")
                && matches!(
                    *obj,
                    "insurgents" | "militants" | "fighters" | "rebels" | "jihadists" | "group"
                ) =>
        {
            rest
        }
        _ => return false,
    };
    let Some((verb, callers)) = rest.split_first() else {
        return false;
    };
    is_call(verb) && callers.iter().take(5).any(|w| is_local_caller(w))
}

/// "residents", "locals", "villagers": people whose name for a group is a local name.
fn is_local_caller(w: &str) -> bool {
    matches!(w, "residents" | "locals" | "villagers" | "people")
}

/// A form of "call".
fn is_call(w: &str) -> bool {
    matches!(w, "call" | "calls" | "called")
}

fn marker_patterns(text: &str, out: &mut Vec<DiscoveredAlias>) {
    let lower = text.to_ascii_lowercase();
    for &(marker, pattern, after_is_name) in MARKERS {
        for (i, _) in lower.match_indices(marker) {
            let (Some(before), Some(after)) = (text.get(..i), text.get(i + marker.len()..)) else {
                continue;
            };
            let before = before.trim_end_matches(['(', ' ']);
            let phrase = phrase_before(before, 10);
            let (Some(&(xs, _, _)), Some(&(_, xe, _))) = (phrase.first(), phrase.last()) else {
                continue;
            };
            let Some((ys, ye)) = phrase_after(after) else {
                continue;
            };
            let base = i + marker.len();
            let (x, y) = (Span::new(xs, xe), Span::new(base + ys, base + ye));
            let (Some(xt), Some(yt)) = (x.slice(text), y.slice(text)) else {
                continue;
            };
            if xt.is_empty() || yt.is_empty() || xt == yt {
                continue;
            }
            let (name_span, alias_span) = if after_is_name { (y, x) } else { (x, y) };
            out.push(DiscoveredAlias {
                name: name_span.slice(text).unwrap_or_default().to_string(),
                alias: alias_span.slice(text).unwrap_or_default().to_string(),
                name_span,
                alias_span,
                sentence: sentence_around(text, xs, y.end),
                pattern: pattern.into(),
            });
        }
    }
}

/// All aliases stated in `text`, in text order.
pub fn discover_aliases(text: &str) -> Vec<DiscoveredAlias> {
    let mut out = Vec::new();
    acronym_pattern(text, &mut out);
    marker_patterns(text, &mut out);
    out.sort_by_key(|d| {
        (
            d.name_span.start.min(d.alias_span.start),
            d.alias_span.start,
        )
    });
    out.dedup_by(|a, b| a.name_span == b.name_span && a.alias_span == b.alias_span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronym_in_parentheses() {
        let t = "In 2015, the regional group \u{201C}Islamic State \u{2013} Khorasan Province\u{201D} (ISPK), which had been founded a year earlier, appeared.";
        let d = discover_aliases(t);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].name, "Islamic State \u{2013} Khorasan Province");
        assert_eq!(d[0].alias, "ISPK");
        assert_eq!(d[0].sentence.slice(t), Some(t));
    }

    #[test]
    fn also_known_as() {
        let t = "Fighters of Hayat Tahrir al-Sham, also known as HTS, took the town. Jama'at Nusrat al-Islam wal-Muslimin (JNIM) denied it.";
        let d = discover_aliases(t);
        assert!(
            d.iter()
                .any(|d| d.name == "Hayat Tahrir al-Sham" && d.alias == "HTS"),
            "{d:?}"
        );
        assert!(d
            .iter()
            .any(|d| d.name == "Jama'at Nusrat al-Islam wal-Muslimin" && d.alias == "JNIM"));
    }

    #[test]
    fn full_name() {
        let t = "The group calls itself Ansar Allah. Boko Haram, whose full name is Jama'atu Ahlis Sunna Lidda'awati wal-Jihad, split in 2016.";
        let d = discover_aliases(t);
        assert!(
            d.iter().any(|d| d.alias == "Boko Haram"
                && d.name == "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"),
            "{d:?}"
        );
    }

    #[test]
    fn local_names() {
        let t = "The State Department designated ISIS-Mozambique, known locally as al-Shabaab, as a terrorist organisation.";
        let d = discover_aliases(t);
        assert!(
            d.iter().any(|d| d.name == "ISIS-Mozambique"
                && d.alias == "al-Shabaab"
                && d.pattern == LOCAL_NAME),
            "{d:?}"
        );
        let at = |t: &str, name: &str| {
            let s = t.find(name).unwrap();
            local_name_at(t, Span::new(s, s + name.len()))
        };
        assert!(at(t, "al-Shabaab"));
        assert!(at(
            "Residents of Cabo Delgado call the insurgents al-Shabaab, but they have no ties to \
             the Somali group.",
            "al-Shabaab"
        ));
        assert!(!at(
            "They have no ties to the Somali al-Shabaab.",
            "al-Shabaab"
        ));
    }

    #[test]
    fn no_false_acronyms() {
        assert!(
            discover_aliases("He said (and it was true) that the USA (ok) won (2015).").is_empty()
        );
    }
}
