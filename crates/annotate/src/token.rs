//! Tokeniser: one pass over the text into words, numbers and punctuation, with byte spans and
//! each word's rule-table meaning looked up once.

use crate::rules::{Lex, Lexicon};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (any script).
    Word,
    /// ASCII digits.
    Num,
    /// One punctuation or symbol character (ASCII byte, or 0 for any non-ASCII symbol).
    Punct(u8),
}

/// One token with its byte span.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Rule-table meaning of a word.
    pub lex: Option<Lex>,
    /// Value of a number token (saturating).
    pub num: u32,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// First letter is upper case.
    pub cap: bool,
    /// A line break precedes the token (a paragraph-like break when two).
    pub newlines_before: u8,
}

impl Tok {
    pub fn digits(&self) -> usize {
        self.end - self.start
    }
}

/// Split `text` into tokens.
pub fn tokenize(text: &str, lexicon: &Lexicon) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space = true;
    let mut newlines: u8 = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            if b == b'\n' {
                newlines = newlines.saturating_add(1);
            }
            i += 1;
            continue;
        }
        let start = i;
        let (kind, cap) = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            (Kind::Num, false)
        } else if b.is_ascii_alphabetic()
            || (b >= 0x80 && char_at(text, i).is_some_and(char::is_alphabetic))
        {
            let cap = if b < 0x80 {
                b.is_ascii_uppercase()
            } else {
                char_at(text, i).is_some_and(char::is_uppercase)
            };
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    match char_at(text, i) {
                        Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            (Kind::Word, cap)
        } else if b < 0x80 {
            i += 1;
            (Kind::Punct(b), false)
        } else {
            let len = char_at(text, i).map_or(1, char::len_utf8);
            i += len;
            // Whitespace outside ASCII (no-break space, ideographic space) separates tokens.
            if char_at(text, start).is_some_and(char::is_whitespace) {
                space = true;
                continue;
            }
            (Kind::Punct(0), false)
        };
        let mut tok = Tok {
            start,
            end: i,
            kind,
            lex: None,
            num: 0,
            space_before: space,
            cap,
            newlines_before: newlines,
        };
        match kind {
            Kind::Num => {
                let mut n: u32 = 0;
                for &d in &bytes[start..i] {
                    n = n.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                }
                tok.num = n;
            }
            Kind::Word => tok.lex = lookup(&bytes[start..i], lexicon),
            Kind::Punct(_) => {}
        }
        // German writes a weekday and a part of day as one word ("Freitagabend",
        // "Samstagmorgen"): two tokens, as "Friday evening" is in English.
        if kind == Kind::Word && tok.lex.is_none() && lexicon.capitalised_nouns {
            if let Some((cut, day, pod)) = weekday_compound(&text[start..i], lexicon) {
                let mut first = tok;
                first.end = start + cut;
                first.lex = Some(day);
                toks.push(first);
                tok.start = start + cut;
                tok.lex = Some(pod);
                tok.space_before = false;
                tok.cap = false;
                tok.newlines_before = 0;
            }
        }
        toks.push(tok);
        space = false;
        newlines = 0;
    }
    toks
}

/// A weekday written together with a part of day: the byte length of the weekday and the two
/// meanings ("Freitagabend" → 7, Friday, evening; "morgen" after a weekday is the morning).
fn weekday_compound(word: &str, lexicon: &Lexicon) -> Option<(usize, Lex, Lex)> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    (5..lower.len().saturating_sub(3)).find_map(|cut| {
        let (day, rest) = (lower.get(..cut)?, lower.get(cut..)?);
        let day = match lexicon.get(day)? {
            d @ Lex::Weekday(_, false) => d,
            _ => return None,
        };
        let pod = match rest {
            "morgen" => Lex::PartOfDay(crate::rules::PartOfDay::Morning),
            _ => match lexicon.get(rest)? {
                p @ Lex::PartOfDay(_) => p,
                _ => return None,
            },
        };
        Some((cut, day, pod))
    })
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn lookup(word: &[u8], lexicon: &Lexicon) -> Option<Lex> {
    if word.len() > 24 {
        return None;
    }
    if !word.is_ascii() {
        // Umlauts and other letters: lower-case through char (rare in English text).
        let lower = std::str::from_utf8(word).ok()?.to_lowercase();
        return lexicon.get(&lower);
    }
    let mut buf = [0u8; 24];
    for (o, &c) in buf.iter_mut().zip(word) {
        *o = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
    lexicon.get(lower)
}
