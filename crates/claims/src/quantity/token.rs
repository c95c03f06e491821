//! A small tokenizer for quantity spotting: words, digit runs and single punctuation characters,
//! each with its byte span into the original text (always on char boundaries).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and digits after the first letter), with inner hyphens and apostrophes:
    /// "twenty-one", "al-Assad", "G7", "Year’s".
    Word,
    /// ASCII digits with inner `,` or `.` separators: "1,500", "6.000", "2.5", "10".
    Num,
    /// Any other single non-space character: "$", "%", "–", ":", ".".
    Punct(char),
}

/// One token with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Lowercased text for words, empty otherwise.
    pub lower: String,
}

impl Tok {
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_dash(&self) -> bool {
        matches!(self.kind, Kind::Punct('-' | '–' | '—' | '‑' | '‒' | '−'))
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑')
}

/// Splits `text` into tokens. Never panics; spans are on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + 1;
            loop {
                let rest = &text[end..];
                let mut chars = rest.chars();
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        end += 1;
                        it.next();
                    }
                    Some(sep @ (',' | '.')) if chars.next().is_some_and(|d| d.is_ascii_digit()) => {
                        end += sep.len_utf8();
                        it.next();
                    }
                    _ => break,
                }
            }
            toks.push(Tok {
                kind: Kind::Num,
                start,
                end,
                lower: String::new(),
            });
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            loop {
                let rest = &text[end..];
                let mut chars = rest.chars();
                match chars.next() {
                    Some(d) if d.is_alphanumeric() => {
                        end += d.len_utf8();
                        it.next();
                    }
                    Some(j) if is_joiner(j) && chars.next().is_some_and(|d| d.is_alphabetic()) => {
                        end += j.len_utf8();
                        it.next();
                    }
                    _ => break,
                }
            }
            toks.push(Tok {
                kind: Kind::Word,
                start,
                end,
                lower: text[start..end].to_lowercase(),
            });
        } else {
            toks.push(Tok {
                kind: Kind::Punct(c),
                start,
                end: start + c.len_utf8(),
                lower: String::new(),
            });
        }
    }
    toks
}

/// The value of a digit run with `,`/`.` separators, or None when it is not a plain number
/// (a version such as "1.2.3", odd grouping such as "1,23,4").
///
/// English and German grouping are both read: "1,500" and "1.500" are 1500 (a single `.`
/// followed by exactly three digits is read as German thousands, as in "6.000"); "2.5" and
/// "2,5" are 2.5; with both separators the last one is the decimal mark ("1,500.5", "1.500,5").
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let groups: Vec<&str> = s.split([',', '.']).collect();
    let seps: Vec<u8> = s.bytes().filter(|b| *b == b',' || *b == b'.').collect();
    if groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let lead_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
    let rest_three = |gs: &[&str]| gs.iter().all(|g| g.len() == 3);
    let joined = |gs: &[&str]| gs.concat();
    let plain: String = match seps.as_slice() {
        [] => s.to_string(),
        [only] => {
            let (a, b) = (groups[0], groups[1]);
            if b.len() == 3 && lead_ok && (*only == b',' || a != "0") {
                format!("{a}{b}")
            } else {
                format!("{a}.{b}")
            }
        }
        many => {
            let last = many[many.len() - 1];
            if many.iter().all(|s| *s == last) {
                if lead_ok && rest_three(&groups[1..]) {
                    joined(&groups)
                } else {
                    return None;
                }
            } else {
                // The last separator is the decimal mark; all others must be the other kind.
                let (int_groups, frac) = groups.split_at(groups.len() - 1);
                if many[..many.len() - 1].contains(&last)
                    || !lead_ok
                    || !rest_three(&int_groups[1..])
                {
                    return None;
                }
                format!("{}.{}", joined(int_groups), frac[0])
            }
        }
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,500"), Some(1500.0));
        assert_eq!(parse_digits("6.000"), Some(6000.0));
        assert_eq!(parse_digits("2.5"), Some(2.5));
        assert_eq!(parse_digits("2,5"), Some(2.5));
        assert_eq!(parse_digits("0.500"), Some(0.5));
        assert_eq!(parse_digits("1,500,000"), Some(1_500_000.0));
        assert_eq!(parse_digits("1.500.000"), Some(1_500_000.0));
        assert_eq!(parse_digits("1,500.25"), Some(1500.25));
        assert_eq!(parse_digits("1.500,25"), Some(1500.25));
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits("12345,678"), Some(12345.678));
        assert_eq!(parse_digits(""), None);
    }

    #[test]
    fn tokens() {
        let t = tokenize("between 1,500–6.000 twenty-one $5\u{a0}%");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Num,
                Kind::Punct('–'),
                Kind::Num,
                Kind::Word,
                Kind::Punct('$'),
                Kind::Num,
                Kind::Punct('%')
            ]
        );
        assert_eq!(t[4].lower, "twenty-one");
    }
}
