//! Small text helpers shared by the event and fact rules: word boundaries, clause limits and noun
//! phrases, all on byte offsets into the original text.

use std::sync::OnceLock;

use dossier_core::Span;
use regex::Regex;

/// The regex of one call site, compiled on first use into that site's `cell`. A pattern that
/// did not compile gives `None` (and the test cases that need it fail), never a panic.
pub fn cached_regex(
    cell: &'static OnceLock<Option<Regex>>,
    pattern: &str,
) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

/// Whether the regex of one call site (see [`cached_regex`]) matches `hay`; a pattern that did
/// not compile matches nothing.
pub fn cached_is_match(cell: &'static OnceLock<Option<Regex>>, pattern: &str, hay: &str) -> bool {
    cached_regex(cell, pattern).is_some_and(|re| re.is_match(hay))
}

/// True when `c` is part of a word.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The words of `s` between `start` and `end` with their byte spans.
pub fn words(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(slice) = text.get(start..end) else {
        return out;
    };
    let mut cur: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        let w = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && cur.is_some());
        match (w, cur) {
            (true, None) => cur = Some(i),
            (false, Some(s)) => {
                out.push((start + s, start + i));
                cur = None;
            }
            _ => {}
        }
    }
    if let Some(s) = cur {
        out.push((start + s, end));
    }
    // Trailing apostrophes and hyphens are punctuation, not word.
    for w in &mut out {
        while w.1 > w.0 {
            let Some(last) = text[w.0..w.1].chars().last() else {
                break;
            };
            if last == '\'' || last == '’' || last == '-' {
                w.1 -= last.len_utf8();
            } else {
                break;
            }
        }
    }
    out.retain(|w| w.1 > w.0);
    out
}

/// Lowercased word.
pub fn lower(text: &str, w: (usize, usize)) -> String {
    text.get(w.0..w.1).unwrap_or("").to_lowercase()
}

/// The clause around `focus` inside `sentence`: bounded by semicolons, dashes (– — and " - "),
/// and colons. Commas do not bound a clause (relative clauses carry the hedges).
pub fn clause(text: &str, sentence: Span, focus: Span) -> Span {
    let s = sentence.start.min(text.len());
    let e = sentence.end.min(text.len()).max(s);
    let Some(body) = text.get(s..e) else {
        return sentence;
    };
    let fs = focus.start.clamp(s, e);
    let fe = focus.end.clamp(fs, e);
    // A dash bounds a clause unless a capitalised word follows ("Islamic State – Khorasan
    // Province" is one name).
    let is_bound_at = |i: usize, c: char| match c {
        ';' | ':' => true,
        '–' | '—' => !body[i + c.len_utf8()..]
            .trim_start()
            .starts_with(|x: char| x.is_uppercase()),
        _ => false,
    };
    let mut start = s;
    for (i, c) in body.char_indices() {
        let at = s + i;
        if at >= fs {
            break;
        }
        if is_bound_at(i, c)
            || (c == '-' && body[i..].starts_with("- ") && body[..i].ends_with(' '))
        {
            start = at + c.len_utf8();
        }
    }
    let mut end = e;
    for (i, c) in body.char_indices() {
        let at = s + i;
        if at < fe {
            continue;
        }
        if is_bound_at(i, c)
            || (c == '-' && body[i..].starts_with("- ") && body[..i].ends_with(' '))
        {
            end = at;
            break;
        }
    }
    Span::new(start, end.max(start))
}

/// Words that end a noun phrase going right.
const NP_STOP: &[&str] = &[
    "in",
    "near",
    "at",
    "by",
    "who",
    "which",
    "that",
    "and",
    "on",
    "outside",
    "during",
    "after",
    "before",
    "when",
    "where",
    "with",
    "from",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "may",
    "might",
    "could",
    "would",
    "will",
    "can",
    "should",
    "must",
    "killing",
    "injuring",
    "wounding",
    "leaving",
    "while",
    "as",
    "since",
    "but",
    "because",
    "shortly",
    "recently",
    "later",
    "earlier",
    "yesterday",
    "today",
    "then",
    // German: a new phrase or the verb ("den Kölner Dom | einen Mann aus Tadschikistan in
    // Gewahrsam genommen", "den Dom | und eine Kirche").
    "und",
    "im",
    "am",
    "bei",
    "mit",
    "nach",
    "vor",
    "einen",
    "einem",
    "dem",
    "den",
    "wurde",
    "wurden",
    "haben",
    "hatte",
    "hatten",
    "sind",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
];

/// A noun phrase starting at `from` going right, at most `max` words, stopping at punctuation or a
/// stop word (the first word is never a stop).
pub fn np_right(text: &str, from: usize, limit: usize, max: usize) -> Option<Span> {
    let ws = words(text, from, limit);
    let mut end = None;
    let start = ws.first()?.0;
    for (k, w) in ws.iter().enumerate() {
        if k >= max {
            break;
        }
        // Punctuation between the previous word and this one ends the phrase.
        if k > 0 {
            let gap = &text[ws[k - 1].1..w.0];
            if gap
                .chars()
                .any(|c| matches!(c, ',' | '.' | ';' | ':' | '–' | '—' | '(' | ')' | '!' | '?'))
            {
                break;
            }
            // "the Kuje Medium Security Custodial Centre late on Tuesday": a time adverb.
            let lw = lower(text, *w);
            let next = ws.get(k + 1).map(|n| lower(text, *n));
            let time_adverb = ["yesterday", "today", "tonight", "overnight"].contains(&lw.as_str())
                || ["late", "early", "earlier", "shortly", "just"].contains(&lw.as_str())
                    && next.as_deref().is_none_or(|n| {
                        [
                            "on",
                            "in",
                            "at",
                            "last",
                            "this",
                            "yesterday",
                            "today",
                            "after",
                            "before",
                        ]
                        .contains(&n)
                    });
            if time_adverb {
                break;
            }
            if NP_STOP.contains(&lw.as_str()) {
                // "the memorial ceremony for Iranian General ..." continues over "for" only when
                // capitalised words follow; keep it simple: "of" and "for" continue.
                break;
            }
            // "a crowd of this kind fits the pattern": a word before a determiner that is no
            // preposition is a verb, and the phrase ends before it.
            let det = ws.get(k + 1).is_some_and(|n| {
                !text[w.1..n.0].chars().any(|c| !c.is_whitespace())
                    && (0..k).any(|j| !DETERMINERS.contains(&lower(text, ws[j]).as_str()))
                    && DETERMINERS.contains(&lower(text, *n).as_str())
            });
            // "a Mogadishu landmark claimed by al-Shabaab": a participle before "by".
            let by = ws.get(k + 1).is_some_and(|n| lower(text, *n) == "by")
                && lower(text, *w).ends_with("ed");
            if by {
                break;
            }
            if det
                && !matches!(
                    lower(text, *w).as_str(),
                    "of" | "for"
                        | "to"
                        | "into"
                        | "over"
                        | "across"
                        | "along"
                        | "inside"
                        | "between"
                        | "among"
                        | "against"
                        | "toward"
                        | "towards"
                        | "via"
                        | "like"
                        | "under"
                        | "behind"
                        | "beside"
                        | "opposite"
                        | "through"
                        | "about"
                )
            {
                break;
            }
        }
        end = Some(w.1);
    }
    end.map(|e| Span::new(start, e))
}

/// Determiners, numbers and adjectives that may open a noun phrase going left.
fn np_left_ok(w: &str) -> bool {
    !matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "have"
            | "has"
            | "had"
            | "been"
            | "be"
            | "who"
            | "which"
            | "that"
            | "and"
            | "but"
            | "after"
            | "when"
            | "said"
            | "says"
            | "also"
            | "there"
            | "ago"
            | "week"
            | "today"
            | "yesterday"
            | "on"
            | "in"
            | "at"
    )
}

/// A noun phrase ending at `to` going left, at most `max` words, stopping at punctuation or a
/// verb-like word.
pub fn np_left(text: &str, limit: usize, to: usize, max: usize) -> Option<Span> {
    let ws = words(text, limit, to);
    let mut start = None;
    let end = ws.last()?.1;
    for (n, k) in (0..ws.len()).rev().enumerate() {
        if n >= max {
            break;
        }
        let w = ws[k];
        if k + 1 < ws.len() {
            let gap = &text[w.1..ws[k + 1].0];
            if gap
                .chars()
                .any(|c| matches!(c, ',' | '.' | ';' | ':' | '–' | '—' | '(' | ')'))
            {
                break;
            }
        }
        if !np_left_ok(&lower(text, w)) {
            break;
        }
        start = Some(w.0);
    }
    start.map(|s| Span::new(s, end))
}

/// Byte offset of the first case-insensitive occurrence of `needle` (ASCII) in `hay[from..to]`
/// at word boundaries.
pub fn find_word(text: &str, from: usize, to: usize, needle: &str) -> Option<usize> {
    let hay = text.get(from..to)?;
    let lower = hay.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find(needle) {
        let s = at + i;
        let e = s + needle.len();
        let before_ok = lower[..s].chars().last().is_none_or(|c| !is_word(c));
        let after_ok = lower[e..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return Some(from + s);
        }
        at = s + needle.len().max(1);
        if at >= lower.len() {
            break;
        }
    }
    None
}

/// Relative clauses of a sentence: from ", which" / ", who" / ", where" to the next comma, dash
/// or the end of the sentence.
pub fn relative_clauses(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(body) = text.get(sentence.start..sentence.end) else {
        return out;
    };
    let lower = body.to_ascii_lowercase();
    for pat in [
        ", which ",
        ", who ",
        ", where ",
        ", in which ",
        " whom ",
        " who are said ",
        " who were ",
        " who is ",
    ] {
        let mut at = 0;
        while let Some(i) = lower[at..].find(pat) {
            let s = at + i;
            let mut from = s + pat.len();
            // (", who took over after the arrest of its founder, Jamil Mukulu, in Tanzania in
            // 2015": a name set off by commas inside the clause does not end it.)
            let end = loop {
                let Some(j) = lower[from..].find([',', ';', '–', '—']) else {
                    break lower.len();
                };
                let e = from + j;
                match body.get(e..).and_then(appositive_name_len) {
                    Some(n) => from = e + n,
                    None => break e,
                }
            };
            out.push(Span::new(sentence.start + s, sentence.start + end));
            at = s + pat.len();
        }
    }
    // "the two suicide bombers who struck a memorial in Kerman on Wednesday was a citizen of
    // Tajikistan": a restrictive clause, up to the main verb or a comma.
    let mut at = 0;
    while let Some(i) = lower[at..].find(" who ") {
        let s = at + i;
        let from = s + " who ".len();
        let rest = &lower[from..];
        // The clause's own verb comes first; the next "was"/"were"/"is"/"are" is the main verb.
        let first_space = rest.find(' ').unwrap_or(rest.len());
        let end = [", ", ";", " was ", " were ", " is ", " are ", " – ", " — "]
            .iter()
            .filter_map(|p| rest[first_space..].find(p).map(|j| first_space + j))
            .min()
            .map_or(lower.len(), |j| from + j);
        out.push(Span::new(sentence.start + s, sentence.start + end));
        at = from;
    }
    out
}

/// The length of ", Jamil Mukulu," at the start of `rest`: a name of one to four capitalised
/// words set off by commas (None when `rest` opens otherwise).
fn appositive_name_len(rest: &str) -> Option<usize> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_regex(&RE, r"^, (?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3},")
        .and_then(|re| re.find(rest))
        .map(|m| m.end())
}

/// Is `span` inside a relative clause that does not also hold `focus`?
pub fn in_other_relative_clause(text: &str, sentence: Span, span: Span, focus: Span) -> bool {
    in_other_of(text, &relative_clauses(text, sentence), span, focus)
}

/// [`in_other_relative_clause`] over the sentence's relative clauses already found
/// ([`relative_clauses`]).
pub fn in_other_of(text: &str, clauses: &[Span], span: Span, focus: Span) -> bool {
    // "the bombers who struck a memorial in Kerman": a clause right after the focus describes it.
    let rc: Vec<Span> = clauses
        .iter()
        .copied()
        .filter(|r| !(r.start >= focus.end && describes(text, focus.end, r.start)))
        .collect();
    // ("gunman who killed": a focus that ends inside the clause is in it.)
    let focus_rc = rc
        .iter()
        .find(|r| inside(focus, **r) || r.start < focus.end && focus.end <= r.end);
    match focus_rc {
        Some(f) => !inside(span, *f),
        None => rc.iter().any(|r| inside(span, *r)),
    }
}

/// Whether a relative clause starting at `start` describes what ends at `end`: right after it,
/// or after a phrase on its target or place ("the attack on the Crocus City Hall concert venue,
/// in which at least 139 people were killed").
fn describes(text: &str, end: usize, start: usize) -> bool {
    if start - end <= 1 {
        return true;
    }
    let Some(between) = text.get(end..start) else {
        return false;
    };
    let lower = between.trim().to_lowercase();
    // "a car ramming in Munich, where an Afghan man drove into a demonstration last Thursday":
    // the place's clause tells of the event there.
    let where_clause = text
        .get(start..)
        .and_then(|rest| rest.get(..8))
        .is_some_and(|head| head.eq_ignore_ascii_case(", where "));
    // (Not "in Vienna, where police arrested two men": another event's clause.)
    let other_act = text
        .get(start..(start + 80).min(text.len()))
        .or_else(|| text.get(start..))
        .is_some_and(|c| {
            let c = c.to_lowercase();
            [
                "arrest",
                "detain",
                "raid",
                "claim",
                "said",
                "custody",
                "festgenommen",
            ]
            .iter()
            .any(|w| c.contains(w))
        });
    if where_clause
        && !other_act
        && lower.starts_with("in ")
        && !lower.contains([',', ';'])
        && lower.split_whitespace().count() <= 4
    {
        return true;
    }
    // "the attack near Pahalgam that killed 26 people on Tuesday": a clause of what the event
    // did, after a phrase on its place or target.
    let killing = text.get(start..).is_some_and(|r| {
        let r = r.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        // (The clause's first words only, not the rest of the document.)
        let head = r.char_indices().nth(16).map_or(r, |(i, _)| &r[..i]);
        let r = head.to_lowercase();
        [
            "that killed",
            "which killed",
            "that left",
            "which left",
            "that wounded",
            "which wounded",
            "that injured",
            "which injured",
        ]
        .iter()
        .any(|w| r.starts_with(w))
    });
    if killing && on_target_or_place(&lower, 6) {
        return true;
    }
    // (Only a clause that tells of the event itself: not "the bombings in Kerman, which the
    // group claimed a day earlier".)
    if !opens_in_which(text, start) {
        return false;
    }
    on_target_or_place(&lower, 10)
}

/// A short phrase on a target or a place ("on the Crocus City Hall concert venue", "near
/// Pahalgam"): a preposition, no clause break, at most `max_words` words.
fn on_target_or_place(lower: &str, max_words: usize) -> bool {
    ["on ", "at ", "in ", "against ", "near "]
        .iter()
        .any(|p| lower.starts_with(p))
        && !lower.contains(';')
        // ("in Kerman, Iran": a place and its country.)
        && lower
            .split_once(',')
            .is_none_or(|(_, rest)| !rest.contains(',') && rest.split_whitespace().count() <= 2)
        && lower.split_whitespace().count() <= max_words
}

/// Whether the relative clause starting at `start` opens with ", in which": one that tells of
/// the event it follows ("the attack on the venue, in which at least 139 people were killed").
pub fn opens_in_which(text: &str, start: usize) -> bool {
    text.get(start..)
        .and_then(|rest| rest.get(..11))
        .is_some_and(|head| head.eq_ignore_ascii_case(", in which "))
}

/// Does `span` lie inside `outer`?
pub fn inside(span: Span, outer: Span) -> bool {
    span.start >= outer.start && span.end <= outer.end
}

/// Distance in bytes between two spans (0 when they overlap).
pub fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Whether the name at `span` is the object of a preposition or of a role ("pledged allegiance
/// to IS", "broke away from al-Mourabitoun", "a former commander of al-Mourabitoun"): a group
/// named there is not the one acting in its clause.
pub fn governed(text: &str, span: Span) -> bool {
    // The few words before the name (not the whole text before it: this runs per name).
    let before = lower_before(text, span, 60);
    let from = floor_boundary(text, span.start.saturating_sub(60));
    // "members of the Pakistani Taliban (TTP)": the short name in brackets is governed as the
    // name before it is.
    if before.ends_with('(') {
        let orig = text.get(from..span.start).unwrap_or("").trim_end();
        let orig = orig.strip_suffix('(').unwrap_or(orig).trim_end();
        let mut start = orig.len();
        for _ in 0..5 {
            let head = orig[..start].trim_end();
            let Some(w) = head.rsplit(' ').next() else {
                break;
            };
            if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            start = head.len() - w.len();
        }
        if start < orig.len() {
            return governed(text, Span::new(from + start, from + start));
        }
    }
    let before = before
        .strip_suffix(" the")
        .map(str::trim_end)
        .unwrap_or(&before);
    let last = before.rsplit(|c: char| !is_word(c)).next().unwrap_or("");
    if ["to", "from", "with", "against", "by", "von", "mit", "gegen"].contains(&last) {
        return true;
    }
    let Some(rest) = before.strip_suffix(" of").or(before.strip_suffix(" des")) else {
        return false;
    };
    let role = rest.rsplit(|c: char| !is_word(c)).next().unwrap_or("");
    [
        "commander",
        "leader",
        "chief",
        "emir",
        "founder",
        "head",
        "spokesman",
        "spokesperson",
        "co-founder",
        "ideologue",
        // "former members of the Pakistani Taliban (TTP) who pledged allegiance", "the Afghan
        // offshoot of the Islamic State group": people from a group, or a group's part.
        "members",
        "member",
        "fighters",
        "commanders",
        "defectors",
        "veterans",
        "offshoot",
        "branch",
        "affiliate",
        "wing",
        "faction",
        "franchise",
    ]
    .contains(&role)
}

/// Whether `span` opens the sentence (after "The" at most): the sentence's subject. A span
/// outside the sentence opens nothing.
pub fn opens_sentence(text: &str, sentence: Span, span: Span) -> bool {
    inside(span, sentence)
        && text
            .get(sentence.start..span.start)
            .is_some_and(|b| matches!(b.trim(), "" | "The"))
}

/// The part of clause `cl` around `focus` between contrasting conjunctions (", while",
/// ", whereas", ", but"): each side says its own thing.
pub fn contrast_part(text: &str, cl: Span, focus: Span) -> Span {
    let Some(body) = text.get(cl.start..cl.end) else {
        return cl;
    };
    let lower = body.to_lowercase();
    let mut start = cl.start;
    let mut end = cl.end;
    for w in [
        ", while ",
        ", whereas ",
        ", but ",
        "; while ",
        ", though ",
        ", although ",
    ] {
        for (i, _) in lower.match_indices(w) {
            let (a, b) = (cl.start + i, cl.start + i + w.len());
            if b <= focus.start {
                start = start.max(b);
            } else if a >= focus.end {
                end = end.min(a);
            }
        }
    }
    Span::new(start, end)
}

/// The largest char boundary of `text` at or below `at`.
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut from = at.min(text.len());
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// `text` without its parenthesised parts ("Islamic State West Africa Province (ISWAP)" →
/// "Islamic State West Africa Province "): an acronym or aside in brackets does not lengthen a
/// phrase. An unclosed bracket is kept as written.
pub(crate) fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The (at most) `bytes` bytes of text before `span`, trimmed at the end, in lower case.
pub(crate) fn lower_before(text: &str, span: Span, bytes: usize) -> String {
    let from = floor_boundary(text, span.start.saturating_sub(bytes));
    text.get(from..span.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase()
}

/// Whether the group name at `span` is named only to deny a tie to it ("they have no
/// operational ties to the Somali al-Shabaab", "not linked to al-Qaeda", "has no known links
/// with the group"): the sentence is about another group.
pub fn denied_tie(text: &str, span: Span) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let before = lower_before(text, span, 80);
    cached_is_match(
        &RE,
        r"\b(?:no|not|never|without|den(?:y|ies|ied|ying))\b(?:\s+[\w'’-]+){0,3}?\s+(?:ties|links?|connections?|relations|relationship|affiliation|contacts?|linked|connected|related|tied|affiliated)\s+(?:to|with)(?:\s+the)?(?:\s+[\w'’-]+)?$",
        &before,
    )
}

/// Whether a group name is the owner in "a branch of X", "the affiliate of the X", "an offshoot
/// of X": the branch is what the sentence is about, not X.
pub fn part_governed(text: &str, span: Span) -> bool {
    let before = lower_before(text, span, 40);
    let before = before.strip_suffix(" the").unwrap_or(&before);
    [
        "branch of",
        "affiliate of",
        "offshoot of",
        "faction of",
        "wing of",
        "splinter group of",
        "cell of",
        "arm of",
        "franchise of",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let t = "Two men from Afghanistan were arrested in Gera, Germany.";
        let ws = words(t, 0, t.len());
        assert_eq!(lower(t, ws[0]), "two");
        let np = np_left(t, 0, t.find(" were").unwrap(), 6).unwrap();
        assert_eq!(&t[np.start..np.end], "Two men from Afghanistan");
        let r = np_right(t, t.find("Gera").unwrap(), t.len(), 6).unwrap();
        assert_eq!(&t[r.start..r.end], "Gera");
        assert_eq!(find_word(t, 0, t.len(), "arrested"), t.find("arrested"));
        assert_eq!(find_word(t, 0, t.len(), "men fro"), None);
    }

    #[test]
    fn clause_limits() {
        let t = "The attack was claimed – but the army denied it; nobody knows.";
        let s = Span::new(0, t.len());
        let f = t.find("army").unwrap();
        let c = clause(t, s, Span::new(f, f + 4));
        assert_eq!(&t[c.start..c.end], " but the army denied it");
    }
}
