//! Tokens and sentences of a MUC-4 document (character offsets, as the gold offsets are).

/// One token: character offsets into the document and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The token text, lower case.
    pub word: String,
    /// Sentence number (0-based).
    pub sent: usize,
}

/// Splits text into tokens: runs of letters and digits, joined across an inner hyphen,
/// apostrophe or dot ("m-16", "d'aubuisson", "u.s") except a possessive "'s", which is a token
/// of its own ("ossa's" is "ossa", "'s"); every other visible character is a token of
/// its own. ".", "?" and "!" end a sentence, and so does a paragraph gap (three or more spaces).
pub fn tokenize(chars: &[char]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut sent = 0usize;
    let mut i = 0usize;
    let mut pending_break = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let s = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i - s >= 3 || chars[s..i].contains(&'\n') {
                pending_break = true;
            }
            continue;
        }
        if pending_break {
            if toks.last().is_some_and(|t: &Tok| t.sent == sent) {
                sent += 1;
            }
            pending_break = false;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < chars.len() {
                let joiner = matches!(chars[i], '-' | '\'' | '.')
                    && i + 1 < chars.len()
                    && chars[i + 1].is_alphanumeric()
                    && chars[i - 1].is_alphanumeric()
                    && !possessive(chars, i);
                if chars[i].is_alphanumeric() || joiner {
                    i += 1;
                } else {
                    break;
                }
            }
        } else if possessive(chars, i) {
            i += 2;
        } else {
            i += 1;
        }
        let word: String = chars[start..i]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect();
        let ends = matches!(word.as_str(), "." | "?" | "!");
        toks.push(Tok {
            start,
            end: i,
            word,
            sent,
        });
        if ends {
            sent += 1;
        }
    }
    toks
}

/// Whether the apostrophe at `i` opens a possessive "'s" (followed by "s" and no further
/// letter or digit), which stays apart from the name before it.
fn possessive(chars: &[char], i: usize) -> bool {
    chars[i] == '\''
        && matches!(chars.get(i + 1), Some('s' | 'S'))
        && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric())
}

/// The token range `[first, last]` covering characters `[start, end)`, if any token overlaps.
pub fn token_range(toks: &[Tok], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.iter().position(|t| t.end > start && t.start < end)?;
    let mut last = first;
    while last + 1 < toks.len() && toks[last + 1].start < end {
        last += 1;
    }
    Some((first, last))
}
