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
    lcont: HashMap<String, u32>,
    lstop: HashMap<String, u32>,
    lsuffix_cont: HashMap<String, u32>,
    lsuffix_stop: HashMap<String, u32>,
    df: HashMap<String, u32>,
    docs: u32,
    /// One or two words seen between two gold fillers of one role in a list ("," and "and"),
    /// with how often.
    joins: HashMap<Vec<String>, u32>,
}

/// A join must separate this many listed fillers in training.
const MIN_JOIN: u32 = 3;
/// Most names a list adds per candidate.
const MAX_SIBLINGS: usize = 8;

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
            // Joins: the words between the end of a filler and the start of the next of its role.
            for e in 0..labels.len() {
                let end_of_span =
                    labels[e] > 0 && labels.get(e + 1).is_none_or(|&l| l % 2 == 1 || l == 0);
                if !end_of_span {
                    continue;
                }
                let b = |l: usize| l > 0 && l % 2 == 1;
                let role = (labels[e] - 1) / 2;
                for gap in 1..=2 {
                    let s = e + 1 + gap;
                    if s < labels.len()
                        && b(labels[s])
                        && (labels[s] - 1) / 2 == role
                        && labels[e + 1..s].iter().all(|&l| l == 0)
                    {
                        let key: Vec<String> =
                            p.toks[e + 1..s].iter().map(|t| t.word.clone()).collect();
                        *n.joins.entry(key).or_insert(0) += 1;
                    }
                }
            }
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
                // To the left: a word of a filler before its last one, or the word right before.
                let next_inside = labels.get(i + 1).is_some_and(|&l| l > 0 && l % 2 == 0);
                let next_begins = labels.get(i + 1).is_some_and(|&l| l % 2 == 1);
                if labels[i] > 0 && next_inside {
                    *n.lcont.entry(w.to_owned()).or_insert(0) += 1;
                    *n.lsuffix_cont.entry(ending(w)).or_insert(0) += 1;
                }
                if labels[i] == 0 && next_begins {
                    *n.lstop.entry(w.to_owned()).or_insert(0) += 1;
                    *n.lsuffix_stop.entry(ending(w)).or_insert(0) += 1;
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
        if cw.is_empty() || !cw.iter().all(|w| self.listed_word(w)) {
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

    fn listed_word(&self, w: &str) -> bool {
        self.name_like(w) || self.left_like(w)
    }

    /// Whether `w` opens gold fillers more often than it is the word right before one.
    fn left_like(&self, w: &str) -> bool {
        if !wordlike(w) || self.docs == 0 {
            return false;
        }
        let df = self.df.get(w).copied().unwrap_or(0);
        if 4 * df >= self.docs {
            return false;
        }
        let get = |m: &HashMap<String, u32>, k: &str| m.get(k).copied().unwrap_or(0);
        if df <= RARE_DF {
            let e = ending(w);
            get(&self.lsuffix_cont, &e) > get(&self.lsuffix_stop, &e)
        } else {
            get(&self.lcont, w) > get(&self.lstop, w)
        }
    }

    /// The names listed beside a candidate of name-like words, through learned joins ("erika
    /// sullivan and [christopher anderson]", "[hugo martinez] and raul ramirez"), each a run of
    /// name-like words, with the candidate's score times `factor`, following the list on.
    pub fn siblings(&self, p: &Prepared, c: &Cand, factor: f32) -> Vec<Cand> {
        let chars: Vec<char> = c.text.chars().collect();
        let cw: Vec<String> = tokenize(&chars).into_iter().map(|t| t.word).collect();
        if cw.is_empty() || !cw.iter().all(|w| self.listed_word(w)) {
            return Vec::new();
        }
        let joins: Vec<&Vec<String>> = {
            let mut j: Vec<(&Vec<String>, u32)> = self
                .joins
                .iter()
                .filter(|(_, &n)| n >= MIN_JOIN)
                .map(|(k, &n)| (k, n))
                .collect();
            j.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            j.into_iter().map(|(k, _)| k).collect()
        };
        let toks = &p.toks;
        let n = cw.len();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut a = 0;
        while a + n <= toks.len() {
            if toks[a..a + n].iter().zip(&cw).all(|(t, w)| t.word == *w) {
                spans.push((a, a + n - 1));
            }
            a += 1;
        }
        let seeds = spans.len();
        let mut k = 0;
        while k < spans.len() && spans.len() < seeds + MAX_SIBLINGS {
            let (a, b) = spans[k];
            k += 1;
            let sent = toks[a].sent;
            let word_ok = |i: usize| toks[i].sent == sent && self.listed_word(&toks[i].word);
            for j in &joins {
                let g = j.len();
                // To the right: the join, then a run of name-like words.
                if b + g < toks.len()
                    && toks[b + 1..=b + g]
                        .iter()
                        .zip(j.iter())
                        .all(|(t, w)| t.word == *w)
                {
                    let s = b + g + 1;
                    let mut e = s;
                    while e < toks.len() && e - s < 5 && word_ok(e) {
                        e += 1;
                    }
                    if e > s && !spans.contains(&(s, e - 1)) {
                        spans.push((s, e - 1));
                    }
                }
                // To the left: a run of name-like words, then the join.
                if a > g
                    && toks[a - g..a]
                        .iter()
                        .zip(j.iter())
                        .all(|(t, w)| t.word == *w)
                {
                    let e = a - g - 1;
                    let mut s = e + 1;
                    while s > 0 && e + 1 - s < 5 && word_ok(s - 1) {
                        s -= 1;
                    }
                    if s <= e && !spans.contains(&(s, e)) {
                        spans.push((s, e));
                    }
                }
            }
        }
        spans[seeds..]
            .iter()
            .map(|&(s, e)| Cand {
                text: p.chars[toks[s].start..toks[e].end].iter().collect(),
                score: c.score * factor,
                first: s,
            })
            .collect()
    }

    /// The candidates with the names listed beside each ([`Names::siblings`]) after them.
    pub fn with_siblings(&self, p: &Prepared, cands: &[Cand], factor: f32) -> Vec<Cand> {
        let mut out = cands.to_vec();
        for c in cands {
            out.extend(self.siblings(p, c, factor));
        }
        out
    }

    /// Every candidate extended ([`Names::extend`]), the order kept.
    pub fn extend_all(&self, p: &Prepared, cands: &[Cand]) -> Vec<Cand> {
        cands.iter().map(|c| self.extend(p, c)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::muc4::model::{gold_labels, prepare};
    use crate::muc4::score::RoleEntities;

    fn names() -> (Names, Vec<Prepared>) {
        let texts = [
            (
                "rebels killed juan perez gomez and ana maria lopez in the town.",
                vec!["juan perez gomez", "ana maria lopez"],
            ),
            (
                "the army said rebels killed pedro ruiz diaz and luis vega in the capital.",
                vec!["pedro ruiz diaz", "luis vega"],
            ),
            (
                "unknown men killed carlos mendez ortiz, jose rios and raul soto today.",
                vec!["carlos mendez ortiz", "jose rios", "raul soto"],
            ),
            (
                "guerrillas killed mario sanchez leon and rosa mora near the river.",
                vec!["mario sanchez leon", "rosa mora"],
            ),
            (
                "the police said that the men were killed and the town was quiet.",
                vec![],
            ),
        ];
        let mut prepared = Vec::new();
        let mut labels = Vec::new();
        let quiet = ("the day was quiet in the region.", vec![]);
        for (t, g) in texts.into_iter().chain(std::iter::repeat_n(quiet, 12)) {
            let p = prepare(t);
            let mut gold: RoleEntities = Default::default();
            gold[3] = g.iter().map(|m| vec![m.to_string()]).collect();
            labels.push(gold_labels(&p, &gold));
            prepared.push(p);
        }
        let n = Names::build(prepared.iter().zip(&labels).map(|(p, l)| (p, l.as_slice())));
        (n, prepared)
    }

    #[test]
    fn extends_and_lists_names() {
        let (n, _) = names();
        let p = prepare("soldiers killed mario vega ruiz and elena mora soto in the city.");
        let c = Cand {
            text: "mario vega".into(),
            score: 0.8,
            first: 2,
        };
        let x = n.extend(&p, &c);
        assert_eq!(x.text, "mario vega ruiz");
        let s = n.siblings(&p, &x, 0.5);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "elena mora soto");
        assert!((s[0].score - 0.4).abs() < 1e-6);
        // Not a name: nothing grows.
        let c = Cand {
            text: "the city".into(),
            score: 0.5,
            first: 9,
        };
        assert_eq!(n.extend(&p, &c).text, "the city");
    }
}
