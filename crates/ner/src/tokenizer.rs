//! spaCy 3.8's English tokenizer driven by the model's own rules: whitespace split, special cases,
//! prefix/suffix/infix regexes, URL matching and the second special-case pass across tokens.

use std::collections::HashMap;

use fancy_regex::Regex;

use crate::hash::string_id;
use crate::msgpack::{self, Value};
use crate::unicode::is_space;
use crate::NerError;

/// spaCy attribute ids used as keys in the tokenizer exceptions.
const ATTR_ORTH: u64 = 65;
const ATTR_NORM: u64 = 67;

/// One token: a byte range of the text, an optional NORM override (string id) and whether exactly
/// one U+0020 follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first byte.
    pub start: usize,
    /// Byte offset one past the token's last byte.
    pub end: usize,
    /// NORM id from a special case, overriding the lexeme norm.
    pub norm: Option<u64>,
    /// spaCy's `whitespace_ == " "`.
    pub space: bool,
}

/// A token of one chunk, relative to the chunk start.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: u32,
    end: u32,
    norm: Option<u64>,
}

/// One token of a special case: its length in bytes and optional NORM id.
#[derive(Debug, Clone, Copy)]
struct SpecialTok {
    len: usize,
    norm: Option<u64>,
}

/// Per-worker memo of chunk tokenizations (spaCy keeps the same cache; it never changes results).
#[derive(Debug, Default)]
pub struct ChunkCache {
    map: HashMap<Box<str>, (u32, u32)>,
    pieces: Vec<Piece>,
}

impl ChunkCache {
    const MAX_PIECES: usize = 1 << 18;
    const MAX_CHUNK: usize = 256;
}

/// A Python regex (fancy-regex) plus a look-around-free relaxation of it (regex crate, DFA): the
/// relaxation matches a superset, so when it finds nothing the exact pattern finds nothing either.
#[derive(Debug)]
struct Pattern {
    exact: Regex,
    relaxed: Option<regex::Regex>,
}

/// Lazy-DFA cache budget per regex and thread.
const DFA_CACHE: usize = 1 << 18;

impl Pattern {
    fn new(src: &str) -> Result<Pattern, fancy_regex::Error> {
        // Smaller lazy-DFA caches than the defaults: every worker thread holds its own copies.
        let exact = fancy_regex::RegexBuilder::new(src)
            .delegate_dfa_size_limit(DFA_CACHE)
            .build()?;
        let relaxed = regex::RegexBuilder::new(&strip_lookaround(src))
            .dfa_size_limit(DFA_CACHE)
            .build()
            .ok();
        Ok(Pattern { exact, relaxed })
    }

    /// Whether the pattern cannot match anywhere in `s`.
    #[inline]
    fn surely_absent(&self, s: &str) -> bool {
        self.relaxed.as_ref().is_some_and(|r| !r.is_match(s))
    }

    /// Leftmost match. Every exact match is also a relaxed match, so the exact search can start
    /// where the relaxed one first matches (look-behinds still see the text before it).
    fn find<'t>(&self, s: &'t str) -> Option<fancy_regex::Match<'t>> {
        let from = match &self.relaxed {
            Some(r) => r.find(s)?.start(),
            None => 0,
        };
        self.exact.find_from_pos(s, from).ok().flatten()
    }

    fn is_match(&self, s: &str) -> bool {
        !self.surely_absent(s) && matches!(self.exact.is_match(s), Ok(true))
    }
}

/// Removes look-around groups `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)` from a regex source,
/// which can only widen what it matches. Character classes and escapes are skipped over.
pub(crate) fn strip_lookaround(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let starts_lookaround = |i: usize| -> Option<usize> {
        let rest: String = b[i..b.len().min(i + 4)].iter().collect();
        if rest.starts_with("(?<=") || rest.starts_with("(?<!") {
            Some(4)
        } else if rest.starts_with("(?=") || rest.starts_with("(?!") {
            Some(3)
        } else {
            None
        }
    };
    // Skips a character class starting at `i` (b[i] == '['); returns the index after it.
    let skip_class = |mut i: usize| -> usize {
        i += 1;
        if i < b.len() && b[i] == '^' {
            i += 1;
        }
        if i < b.len() && b[i] == ']' {
            i += 1;
        }
        while i < b.len() && b[i] != ']' {
            if b[i] == '\\' {
                i += 1;
            }
            i += 1;
        }
        i + 1
    };
    while i < b.len() {
        match b[i] {
            '\\' => {
                out.push(b[i]);
                if i + 1 < b.len() {
                    out.push(b[i + 1]);
                }
                i += 2;
            }
            '[' => {
                let j = skip_class(i).min(b.len());
                out.extend(&b[i..j]);
                i = j;
            }
            '(' if starts_lookaround(i).is_some() => {
                let mut depth = 0usize;
                let mut j = i;
                while j < b.len() {
                    match b[j] {
                        '\\' => j += 1,
                        '[' => {
                            j = skip_class(j);
                            continue;
                        }
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                i = j + 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The tokenizer of a loaded model.
#[derive(Debug)]
pub struct Tokenizer {
    prefix: Pattern,
    suffix: Pattern,
    infix: Pattern,
    url: Pattern,
    specials: HashMap<String, Vec<SpecialTok>>,
    /// Longest special-case key in bytes: longer strings skip the lookup.
    max_special: usize,
    /// Second pass: first orth of a pattern -> (pattern orths, exception key).
    matcher: HashMap<String, Vec<(Vec<String>, String)>>,
}

fn compile(d: &Value, key: &str, anchor: bool) -> Result<Pattern, NerError> {
    let src = d
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| NerError::Format(format!("tokenizer: missing {key}")))?;
    // Every prefix alternative starts with `^`; wrapping the whole pattern in `^(?:...)` does not
    // change its matches but lets the engine stop after position 0.
    let src = if anchor {
        format!("^(?:{src})")
    } else {
        src.to_owned()
    };
    Pattern::new(&src).map_err(|e| NerError::Format(format!("tokenizer: {key}: {e}")))
}

impl Tokenizer {
    /// Reads the msgpack `tokenizer` file of a spaCy model package.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tokenizer, NerError> {
        let d = msgpack::decode(bytes)?;
        let mut specials = HashMap::new();
        let exc = d
            .get("exceptions")
            .and_then(Value::as_map)
            .ok_or_else(|| NerError::Format("tokenizer: missing exceptions".into()))?;
        for (k, v) in exc {
            let key = k
                .as_str()
                .ok_or_else(|| NerError::Format("tokenizer: bad exception key".into()))?;
            let mut toks = Vec::new();
            let mut joined = String::new();
            for t in v.as_list().unwrap_or(&[]) {
                let mut orth = None;
                let mut norm = None;
                for (a, val) in t.as_map().unwrap_or(&[]) {
                    match a.as_u64() {
                        Some(ATTR_ORTH) => orth = val.as_str(),
                        Some(ATTR_NORM) => norm = val.as_str().map(string_id),
                        _ => {}
                    }
                }
                let orth = orth.ok_or_else(|| {
                    NerError::Format(format!("tokenizer: exception {key:?} without ORTH"))
                })?;
                joined.push_str(orth);
                toks.push(SpecialTok {
                    len: orth.len(),
                    norm,
                });
            }
            if joined != key || toks.is_empty() {
                return Err(NerError::Format(format!(
                    "tokenizer: exception {key:?} does not split its own text"
                )));
            }
            specials.insert(key.to_owned(), toks);
        }
        let mut tok = Tokenizer {
            prefix: compile(&d, "prefix_search", true)?,
            suffix: compile(&d, "suffix_search", false)?,
            infix: compile(&d, "infix_finditer", false)?,
            url: compile(&d, "url_match", false)?,
            max_special: specials.keys().map(String::len).max().unwrap_or(0),
            specials,
            matcher: HashMap::new(),
        };
        let mut keys: Vec<&String> = tok.specials.keys().collect();
        keys.sort();
        let mut matcher: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
        let mut scratch = Vec::new();
        for key in keys {
            let needs = tok.find_prefix(key) > 0
                || tok.find_suffix(key) > 0
                || tok.infix.exact.find_iter(key).next().is_some()
                || key.contains(' ');
            if !needs {
                continue;
            }
            scratch.clear();
            tok.first_pass(key, false, None, &mut scratch);
            let pat: Vec<String> = scratch
                .iter()
                .map(|t| key[t.start..t.end].to_owned())
                .collect();
            if let Some(first) = pat.first().cloned() {
                matcher.entry(first).or_default().push((pat, key.clone()));
            }
        }
        tok.matcher = matcher;
        Ok(tok)
    }

    /// How many of the four patterns have a look-around-free prefilter (4 with this model).
    pub fn prefilters(&self) -> usize {
        [&self.prefix, &self.suffix, &self.infix, &self.url]
            .iter()
            .filter(|p| p.relaxed.is_some())
            .count()
    }

    /// Byte length of the prefix match on `s` (0 if none).
    fn find_prefix(&self, s: &str) -> usize {
        self.prefix.find(s).map_or(0, |m| m.end() - m.start())
    }

    /// Byte length of the suffix match on `s` (0 if none).
    fn find_suffix(&self, s: &str) -> usize {
        self.suffix.find(s).map_or(0, |m| m.end() - m.start())
    }

    /// Tokenizes `text` into `out` (cleared first): spaCy's `Tokenizer.__call__`.
    pub fn tokenize(&self, text: &str, cache: &mut ChunkCache, out: &mut Vec<Token>) {
        out.clear();
        self.first_pass(text, true, Some(cache), out);
        self.second_pass(text, out);
    }

    /// Whitespace split and chunk tokenization (§4.1, §4.2).
    fn first_pass(
        &self,
        text: &str,
        use_specials: bool,
        mut cache: Option<&mut ChunkCache>,
        out: &mut Vec<Token>,
    ) {
        let mut chars = text.char_indices();
        let Some((_, c0)) = chars.next() else {
            return;
        };
        let mut in_ws = is_space(c0);
        let mut start = 0usize;
        for (i, c) in text.char_indices() {
            if is_space(c) != in_ws {
                if start < i {
                    self.chunk(text, start, i, use_specials, cache.as_deref_mut(), out);
                }
                if c == ' ' {
                    if let Some(last) = out.last_mut() {
                        last.space = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.chunk(text, start, text.len(), use_specials, cache, out);
            if let Some(last) = out.last_mut() {
                last.space = false;
            }
        }
    }

    fn chunk(
        &self,
        text: &str,
        a: usize,
        b: usize,
        use_specials: bool,
        cache: Option<&mut ChunkCache>,
        out: &mut Vec<Token>,
    ) {
        let s = &text[a..b];
        let push = |out: &mut Vec<Token>, p: &Piece| {
            out.push(Token {
                start: a + p.start as usize,
                end: a + p.end as usize,
                norm: p.norm,
                space: false,
            });
        };
        match cache {
            Some(cache) if s.len() <= ChunkCache::MAX_CHUNK => {
                if let Some(&(lo, hi)) = cache.map.get(s) {
                    for p in &cache.pieces[lo as usize..hi as usize] {
                        push(out, p);
                    }
                    return;
                }
                if cache.pieces.len() > ChunkCache::MAX_PIECES {
                    cache.map.clear();
                    cache.pieces.clear();
                }
                let lo = cache.pieces.len();
                self.split_chunk(s, use_specials, &mut cache.pieces);
                let hi = cache.pieces.len();
                cache.map.insert(s.into(), (lo as u32, hi as u32));
                for p in &cache.pieces[lo..hi] {
                    push(out, p);
                }
            }
            _ => {
                let mut pieces = Vec::new();
                self.split_chunk(s, use_specials, &mut pieces);
                for p in &pieces {
                    push(out, p);
                }
            }
        }
    }

    fn push_special(&self, key: &str, offset: usize, out: &mut Vec<Piece>) -> bool {
        if key.len() > self.max_special {
            return false;
        }
        let Some(rule) = self.specials.get(key) else {
            return false;
        };
        let mut pos = offset;
        for t in rule {
            out.push(Piece {
                start: pos as u32,
                end: (pos + t.len) as u32,
                norm: t.norm,
            });
            pos += t.len;
        }
        true
    }

    /// spaCy's `_split_affixes` + `_attach_tokens` for one chunk (offsets relative to `chunk`).
    fn split_chunk(&self, chunk: &str, use_specials: bool, out: &mut Vec<Piece>) {
        let is_special =
            |s: &str| use_specials && s.len() <= self.max_special && self.specials.contains_key(s);
        if use_specials && self.push_special(chunk, 0, out) {
            return;
        }
        // The remaining middle part is chunk[lo..hi].
        let (mut lo, mut hi) = (0usize, chunk.len());
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last = usize::MAX;
        while lo < hi && hi - lo != last {
            let s = &chunk[lo..hi];
            if is_special(s) {
                break;
            }
            last = s.len();
            let pre = self.find_prefix(s);
            if pre > 0 {
                let minus_pre = &s[pre..];
                if !minus_pre.is_empty() && is_special(minus_pre) {
                    prefixes.push((lo, lo + pre));
                    lo += pre;
                    break;
                }
            }
            let suf = self.find_suffix(&s[pre..]);
            if suf > 0 {
                let minus_suf = &s[..s.len() - suf];
                if !minus_suf.is_empty() && is_special(minus_suf) {
                    suffixes.push((hi - suf, hi));
                    hi -= suf;
                    break;
                }
            }
            if pre > 0 && suf > 0 && pre + suf <= s.len() {
                prefixes.push((lo, lo + pre));
                suffixes.push((hi - suf, hi));
                lo += pre;
                hi -= suf;
            } else if pre > 0 {
                prefixes.push((lo, lo + pre));
                lo += pre;
            } else if suf > 0 {
                suffixes.push((hi - suf, hi));
                hi -= suf;
            }
        }
        for &(a, b) in &prefixes {
            out.push(Piece {
                start: a as u32,
                end: b as u32,
                norm: None,
            });
        }
        if lo < hi {
            let s = &chunk[lo..hi];
            if use_specials && self.push_special(s, lo, out) {
            } else if self.url.is_match(s) || self.infix.surely_absent(s) {
                // A URL, or no infix: the middle stays one token.
                out.push(Piece {
                    start: lo as u32,
                    end: hi as u32,
                    norm: None,
                });
            } else {
                let mut pos = 0usize;
                for m in self.infix.exact.find_iter(s) {
                    let Ok(m) = m else { break };
                    if m.start() == 0 {
                        continue;
                    }
                    if m.start() != pos {
                        out.push(Piece {
                            start: (lo + pos) as u32,
                            end: (lo + m.start()) as u32,
                            norm: None,
                        });
                    }
                    if m.start() != m.end() {
                        out.push(Piece {
                            start: (lo + m.start()) as u32,
                            end: (lo + m.end()) as u32,
                            norm: None,
                        });
                    }
                    pos = m.end();
                }
                if pos < s.len() {
                    out.push(Piece {
                        start: (lo + pos) as u32,
                        end: hi as u32,
                        norm: None,
                    });
                }
            }
        }
        for &(a, b) in suffixes.iter().rev() {
            out.push(Piece {
                start: a as u32,
                end: b as u32,
                norm: None,
            });
        }
    }

    /// Special cases that span several first-pass tokens (§4.3).
    fn second_pass(&self, text: &str, toks: &mut Vec<Token>) {
        if self.matcher.is_empty() {
            return;
        }
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for i in 0..toks.len() {
            let orth = &text[toks[i].start..toks[i].end];
            let Some(pats) = self.matcher.get(orth) else {
                continue;
            };
            for (pat, _) in pats {
                let n = pat.len();
                if i + n <= toks.len()
                    && pat
                        .iter()
                        .enumerate()
                        .all(|(j, p)| &text[toks[i + j].start..toks[i + j].end] == p.as_str())
                {
                    matches.push((i, i + n));
                }
            }
        }
        if matches.is_empty() {
            return;
        }
        matches.sort_by(|x, y| (x.1 - x.0).cmp(&(y.1 - y.0)).then(y.0.cmp(&x.0)));
        let mut seen = vec![false; toks.len()];
        let mut keep = Vec::new();
        for &(a, b) in matches.iter().rev() {
            if !seen[a] && !seen[b - 1] {
                keep.push((a, b));
            }
            for s in &mut seen[a..b] {
                *s = true;
            }
        }
        keep.sort_unstable_by(|x, y| y.cmp(x));
        let mut repl = Vec::new();
        for (a, b) in keep {
            let span = &text[toks[a].start..toks[b - 1].end];
            let Some(rule) = self.specials.get(span) else {
                continue;
            };
            repl.clear();
            let mut pos = toks[a].start;
            for t in rule {
                repl.push(Token {
                    start: pos,
                    end: pos + t.len,
                    norm: t.norm,
                    space: false,
                });
                pos += t.len;
            }
            if let Some(l) = repl.last_mut() {
                l.space = toks[b - 1].space;
            }
            toks.splice(a..b, repl.iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_lookaround;

    #[test]
    fn strips_lookarounds_only() {
        assert_eq!(strip_lookaround(r"^\+(?![0-9])|^a"), r"^\+|^a");
        assert_eq!(strip_lookaround(r"(?<=[0-9(])km$|x(?=[)a])"), r"km$|x");
        assert_eq!(strip_lookaround(r"[(?=]\(?=x(?:y))z"), r"[(?=]\(?=x(?:y))z");
        assert_eq!(strip_lookaround(r"[]x]\\(?<!x(?:y))z"), r"[]x]\\z");
        assert_eq!(strip_lookaround(r"(?:a)(b)"), r"(?:a)(b)");
    }
}
