//! Name extension: a candidate made of name-like words grows to the longest run of name-like
//! words that contains it somewhere in the document ("mauricio gutierrez" → "mauricio gutierrez
//! castro"), so that its last word, the head noun, is the name's. Which words are name-like is
//! learned from the training documents: where a word falls relative to the gold fillers.

use std::collections::HashMap;

use super::model::{Cand, Prepared};
use super::text::tokenize;

/// Words in at most this many training documents are judged by their two-letter ending.
const RARE_DF: u32 = 3;
/// Most words a candidate grows by.
const MAX_GROW: usize = 4;

/// Per word, how often it continues a gold filler in the training documents and how often it is
/// the word right after one; the same per two-letter ending, and document frequencies.
#[derive(Debug, Default, Clone)]
pub struct Names {
    cont: HashMap<String, u32>,
    stop: HashMap<String, u32>,
    suffix_cont: HashMap<String, u32>,
    suffix_stop: HashMap<String, u32>,
    df: HashMap<String, u32>,
    docs: u32,
}

fn ending(w: &str) -> String {
    let n = w.chars().count();
    w.chars().skip(n.saturating_sub(2)).collect()
}

fn wordlike(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

impl Names {
    /// Learns from training documents with their BIO labels (0 outside, odd B, even I).
    pub fn build<'a>(docs: impl Iterator<Item = (&'a Prepared, &'a [usize])>) -> Names {
        let mut n = Names::default();
        for (p, labels) in docs {
            n.docs += 1;
            let mut words: Vec<&str> = p.toks.iter().map(|t| t.word.as_str()).collect();
            for (i, t) in p.toks.iter().enumerate() {
                let inside = labels[i] > 0 && labels[i] % 2 == 0;
                let after = i > 0 && labels[i - 1] > 0 && !inside;
                let w = t.word.as_str();
                if inside {
                    *n.cont.entry(w.to_owned()).or_insert(0) += 1;
                    *n.suffix_cont.entry(ending(w)).or_insert(0) += 1;
                }
                if after {
                    *n.stop.entry(w.to_owned()).or_insert(0) += 1;
                    *n.suffix_stop.entry(ending(w)).or_insert(0) += 1;
                }
            }
            words.sort_unstable();
            words.dedup();
            for w in words {
                *n.df.entry(w.to_owned()).or_insert(0) += 1;
            }
        }
        n
    }

    fn get(m: &HashMap<String, u32>, k: &str) -> u32 {
        m.get(k).copied().unwrap_or(0)
    }

    /// Whether a word may be part of a name: a word (not a number or a sign) in fewer than a
    /// quarter of the training documents that continues gold fillers more often than it follows
    /// them; a rare word when its two-letter ending does.
    pub fn name_like(&self, w: &str) -> bool {
        if !wordlike(w) || self.docs == 0 {
            return false;
        }
        let df = Self::get(&self.df, w);
        if 4 * df >= self.docs {
            return false;
        }
        if df <= RARE_DF {
            let e = ending(w);
            Self::get(&self.suffix_cont, &e) > Self::get(&self.suffix_stop, &e)
        } else {
            Self::get(&self.cont, w) > Self::get(&self.stop, w)
        }
    }

    /// The candidate grown to the longest run of name-like words after one of its occurrences
    /// (in the same sentence), when its own words are all name-like; else the candidate.
    pub fn extend(&self, p: &Prepared, c: &Cand) -> Cand {
        let chars: Vec<char> = c.text.chars().collect();
        let cw: Vec<String> = tokenize(&chars).into_iter().map(|t| t.word).collect();
        if cw.is_empty() || !cw.iter().all(|w| self.name_like(w)) {
            return c.clone();
        }
        let n = cw.len();
        let mut best: Option<(usize, usize)> = None;
        let mut a = 0;
        while a + n <= p.toks.len() {
            if p.toks[a..a + n].iter().zip(&cw).all(|(t, w)| t.word == *w) {
                let mut e = a + n - 1;
                while e + 1 < p.toks.len()
                    && e + 1 - (a + n - 1) <= MAX_GROW
                    && p.toks[e + 1].sent == p.toks[a].sent
                    && self.name_like(&p.toks[e + 1].word)
                {
                    e += 1;
                }
                if e > a + n - 1 && best.is_none_or(|(ba, be)| e - a > be - ba) {
                    best = Some((a, e));
                }
            }
            a += 1;
        }
        match best {
            Some((a, e)) => Cand {
                text: p.chars[p.toks[a].start..p.toks[e].end].iter().collect(),
                score: c.score,
                first: c.first,
            },
            None => c.clone(),
        }
    }

    /// Every candidate extended ([`Names::extend`]), the order kept.
    pub fn extend_all(&self, p: &Prepared, cands: &[Cand]) -> Vec<Cand> {
        cands.iter().map(|c| self.extend(p, c)).collect()
    }
}
