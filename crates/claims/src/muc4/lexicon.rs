//! Fillers seen in training, matched again in new documents and kept or dropped by a logistic
//! classifier over document-level evidence: how often the string was a filler where it occurred
//! (counted on other folds for training documents), how often and where it occurs here, its
//! neighbouring words and the attack words in its sentences.

use std::collections::{BTreeMap, HashMap};

use super::model::{trigger_of, Cand, Prepared, TRIGGERS};
use super::score::{normalize_string, RoleEntities};

/// Folds for the out-of-fold statistics of training documents.
pub const FOLDS: usize = 5;
const MAX_LEN: usize = 8;
const DIM: usize = 1 << 20;

fn key_of(words: &[&str]) -> String {
    words.join(" ")
}

/// Per fold: documents where a string was a filler of a role, and documents containing it.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    filler: [BTreeMap<String, [u32; FOLDS]>; 5],
    occurs: BTreeMap<String, [u32; FOLDS]>,
}

/// The token key of a mention string, as the tokenizer splits it.
fn mention_key(m: &str) -> String {
    let chars: Vec<char> = m.chars().collect();
    let toks = super::text::tokenize(&chars);
    let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
    key_of(&words)
}

/// Every distinct key (token sequence up to [`MAX_LEN`]) of a document that `known` accepts,
/// with its occurrences as token ranges.
fn matches(p: &Prepared, known: impl Fn(&str) -> bool) -> BTreeMap<String, Vec<(usize, usize)>> {
    let words: Vec<&str> = p.toks.iter().map(|t| t.word.as_str()).collect();
    let mut out: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for a in 0..words.len() {
        let mut key = String::new();
        for (b, word) in words.iter().enumerate().skip(a).take(MAX_LEN) {
            if b > a {
                key.push(' ');
            }
            key.push_str(word);
            if known(&key) {
                out.entry(key.clone()).or_default().push((a, b));
            }
        }
    }
    out
}

impl Lexicon {
    /// Builds the lexicon; `fold_of(i)` is the fold of document `i`.
    pub fn build(docs: &[(&Prepared, &RoleEntities)], fold_of: impl Fn(usize) -> usize) -> Self {
        let mut lex = Lexicon::default();
        for (i, (_, gold)) in docs.iter().enumerate() {
            let f = fold_of(i) % FOLDS;
            for (r, ents) in gold.iter().enumerate() {
                let mut keys: Vec<String> = ents
                    .iter()
                    .flatten()
                    .map(|m| mention_key(m))
                    .filter(|k| !k.is_empty() && k.split(' ').count() <= MAX_LEN)
                    .collect();
                keys.sort();
                keys.dedup();
                for k in keys {
                    lex.filler[r].entry(k).or_insert([0; FOLDS])[f] += 1;
                }
            }
        }
        for (i, (p, _)) in docs.iter().enumerate() {
            let f = fold_of(i) % FOLDS;
            let m = matches(p, |k| lex.filler.iter().any(|l| l.contains_key(k)));
            for k in m.into_keys() {
                lex.occurs.entry(k).or_insert([0; FOLDS])[f] += 1;
            }
        }
        lex
    }

    fn count(map: &BTreeMap<String, [u32; FOLDS]>, key: &str, skip: Option<usize>) -> u32 {
        map.get(key).map_or(0, |c| {
            c.iter()
                .enumerate()
                .filter(|(f, _)| Some(*f) != skip)
                .map(|(_, n)| n)
                .sum()
        })
    }
}

/// One lexicon candidate of a document and role with its feature hashes.
#[derive(Debug, Clone)]
pub struct LexCand {
    /// Role index.
    pub role: usize,
    /// The key (tokens joined by spaces).
    pub key: String,
    /// First token of the first occurrence.
    pub first: usize,
    feats: Vec<u64>,
}

fn h(parts: &[&str]) -> u64 {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.as_bytes() {
            x ^= u64::from(b);
            x = x.wrapping_mul(0x0000_0100_0000_01b3);
        }
        x ^= 0x1f;
        x = x.wrapping_mul(0x0000_0100_0000_01b3);
    }
    x
}

fn bucket(n: u32) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=9 => "5-9",
        10..=29 => "10-29",
        _ => "30+",
    }
}

/// The candidates of a document; `skip` is its own fold when it is a training document.
pub fn candidates(lex: &Lexicon, p: &Prepared, skip: Option<usize>) -> Vec<LexCand> {
    let m = matches(p, |k| lex.filler.iter().any(|l| l.contains_key(k)));
    let words: Vec<&str> = p.toks.iter().map(|t| t.word.as_str()).collect();
    let w = |i: isize| -> &str {
        if i < 0 || i as usize >= words.len() {
            "<b>"
        } else {
            words[i as usize]
        }
    };
    // Attack words of the document and per sentence.
    let mut doc_trig: Vec<usize> = Vec::new();
    let mut sent_trig: HashMap<usize, Vec<usize>> = HashMap::new();
    for t in &p.toks {
        if let Some(k) = trigger_of(&t.word) {
            doc_trig.push(k);
            sent_trig.entry(t.sent).or_default().push(k);
        }
    }
    doc_trig.sort_unstable();
    let ntrig = doc_trig.len() as u32;
    doc_trig.dedup();
    let mut out = Vec::new();
    for (key, occ) in &m {
        let occ_n = Lexicon::count(&lex.occurs, key, skip).max(1);
        for r in 0..5 {
            let fill = Lexicon::count(&lex.filler[r], key, skip);
            if fill == 0 {
                continue;
            }
            let rs = ["PI", "PO", "T", "V", "W"][r];
            let mut f = vec![h(&[rs, "bias"]), h(&[rs, "key", key])];
            let head = key.rsplit(' ').next().unwrap_or(key);
            f.push(h(&[rs, "head", head]));
            f.push(h(&[rs, "fill", bucket(fill)]));
            let prec = (10 * fill / occ_n).min(10);
            f.push(h(&[rs, "prec", &prec.to_string()]));
            f.push(h(&[rs, "prec-fill", &prec.to_string(), bucket(fill)]));
            for (r2, l2) in lex.filler.iter().enumerate() {
                if r2 != r {
                    let o = Lexicon::count(l2, key, skip);
                    let p2 = (10 * o / occ_n).min(10);
                    f.push(h(&[rs, "other", &r2.to_string(), &p2.to_string()]));
                }
            }
            f.push(h(&[rs, "n", bucket(occ.len() as u32)]));
            let (a0, _) = occ[0];
            let s0 = p.toks[a0].sent as u32;
            f.push(h(&[rs, "sent", bucket(s0)]));
            f.push(h(&[rs, "ntrig", bucket(ntrig)]));
            for &k in &doc_trig {
                f.push(h(&[rs, "dtrig", TRIGGERS[k]]));
            }
            f.push(h(&[rs, "len", &key.split(' ').count().min(5).to_string()]));
            for &(a, b) in occ.iter().take(4) {
                let (a, b) = (a as isize, b as isize);
                f.push(h(&[rs, "l1", w(a - 1)]));
                f.push(h(&[rs, "l2", w(a - 2)]));
                f.push(h(&[rs, "r1", w(b + 1)]));
                f.push(h(&[rs, "r2", w(b + 2)]));
                f.push(h(&[rs, "l12", w(a - 2), w(a - 1)]));
                f.push(h(&[rs, "r12", w(b + 1), w(b + 2)]));
                let s = p.toks[a as usize].sent;
                if let Some(ts) = sent_trig.get(&s) {
                    for &k in ts {
                        f.push(h(&[rs, "strig", TRIGGERS[k]]));
                    }
                } else {
                    f.push(h(&[rs, "strig-none"]));
                }
            }
            f.sort_unstable();
            f.dedup();
            out.push(LexCand {
                role: r,
                key: key.clone(),
                first: a0,
                feats: f,
            });
        }
    }
    out
}

/// Whether a candidate key names a gold filler of its role.
pub fn is_gold(c: &LexCand, gold: &RoleEntities) -> bool {
    let k = normalize_string(&c.key);
    gold[c.role]
        .iter()
        .flatten()
        .any(|m| normalize_string(m) == k)
}

/// A logistic classifier over hashed features.
#[derive(Debug, Clone)]
pub struct Classifier {
    w: Vec<f32>,
}

impl Classifier {
    /// Trains by stochastic gradient descent in a fixed shuffled order.
    pub fn train(data: &[(LexCand, bool)], epochs: usize, seed: u64) -> Classifier {
        let mut w = vec![0f32; DIM];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut x = seed | 1;
        for e in 0..epochs {
            for k in (1..order.len()).rev() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                order.swap(k, (x % (k as u64 + 1)) as usize);
            }
            let lr = 0.2 / (1.0 + e as f32);
            for &i in &order {
                let (c, y) = &data[i];
                let p = Self::prob_of(&w, &c.feats);
                let g = (if *y { 1.0 } else { 0.0 }) - p;
                for &f in &c.feats {
                    let j = (f % DIM as u64) as usize;
                    w[j] += lr * (g - 1e-4 * w[j]);
                }
            }
        }
        Classifier { w }
    }

    fn prob_of(w: &[f32], feats: &[u64]) -> f32 {
        let z: f32 = feats.iter().map(|&f| w[(f % DIM as u64) as usize]).sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// The probability that a candidate is a filler.
    pub fn prob(&self, c: &LexCand) -> f32 {
        Self::prob_of(&self.w, &c.feats)
    }
}

/// Scored lexicon candidates of a document per role, as text with the first position.
pub fn scored(lex: &Lexicon, clf: &Classifier, p: &Prepared) -> [Vec<Cand>; 5] {
    let mut out: [Vec<Cand>; 5] = Default::default();
    for c in candidates(lex, p, None) {
        let (a, b) = (c.first, c.first + c.key.split(' ').count() - 1);
        let text = match (p.toks.get(a), p.toks.get(b)) {
            (Some(ta), Some(tb)) => p.chars[ta.start..tb.end].iter().collect(),
            _ => c.key.clone(),
        };
        out[c.role].push(Cand {
            text,
            score: clf.prob(&c),
            first: c.first,
        });
    }
    out
}
