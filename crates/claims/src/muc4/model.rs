//! A BIO tagger (structured averaged perceptron over hashed lexical, window, word-rarity,
//! sentence-trigger (with the nearest attack word on each side and the words relating them)
//! and document features, first-order transitions, Viterbi decoding, label marginals by
//! forward-backward) that marks role fillers, and the document-level aggregation of its spans
//! into one ranked candidate list per role.
//!
//! Deterministic: features are 64-bit FNV hashes, rows are numbered in order of first sight,
//! documents are shuffled by a fixed-seed xorshift generator, and no hash map is iterated.

use std::collections::HashMap;

use super::score::{normalize_string, RoleEntities};
use super::text::{token_range, tokenize, Tok};

/// Labels: O, then B and I for each of the five roles.
pub const NLABELS: usize = 11;

const fn b_label(role: usize) -> usize {
    1 + 2 * role
}
const fn i_label(role: usize) -> usize {
    2 + 2 * role
}
fn role_of(label: usize) -> Option<usize> {
    (label > 0).then(|| (label - 1) / 2)
}
fn is_inside(label: usize) -> bool {
    label > 0 && label.is_multiple_of(2)
}
/// Whether `label` may follow `prev` (an I must continue its own role).
fn allowed(prev: usize, label: usize) -> bool {
    !is_inside(label) || role_of(prev) == role_of(label)
}

/// Word stems that mark an attack, its perpetrators or its victims; a token's features say
/// which of them occur in its sentence, on which side and how far away.
pub(crate) const TRIGGERS: &[&str] = &[
    "kill",
    "murder",
    "assassin",
    "bomb",
    "explo",
    "dynamit",
    "attack",
    "kidnap",
    "abduct",
    "burn",
    "destroy",
    "shot",
    "shoot",
    "wound",
    "injur",
    "massacre",
    "ambush",
    "arson",
    "sabotag",
    "damag",
    "blew",
    "blow",
    "dead",
    "die",
    "claim",
    "responsib",
    "guerrill",
    "terror",
    "fire",
    "set",
    "hurl",
    "threw",
    "launch",
    "victim",
    "perpetrat",
    "gunmen",
    "armed",
    "hostage",
    "car",
    "grenade",
    "rifle",
    "machinegun",
    "machine",
    "mortar",
    "rocket",
    "torture",
    "disappear",
    "death",
    "squad",
    "accus",
    "blam",
    "carried",
    "commit",
    "arrest",
    "captur",
    "raid",
    "seiz",
];

pub(crate) fn trigger_of(word: &str) -> Option<usize> {
    TRIGGERS.iter().position(|t| word.starts_with(t))
}

/// Words between a span and an attack word that say how they relate ("killed by X", "murder
/// of X", "attack against X", "X, who ..., kidnapped", "X were killed").
const RELATORS: &[&str] = &[
    "by", "of", "against", "on", "in", "at", "to", "with", "from", "was", "were", "been", "who",
    ",",
];

/// The relating words ([`RELATORS`]) among `toks`, in order, a repeat dropped, joined by "_"
/// ("-" when there is none).
fn relators(toks: &[Tok]) -> String {
    let mut r: Vec<&str> = Vec::new();
    for t in toks {
        if let Some(x) = RELATORS.iter().find(|x| **x == t.word) {
            if r.last() != Some(x) {
                r.push(x);
            }
        }
    }
    if r.is_empty() {
        "-".to_owned()
    } else {
        r.join("_")
    }
}

/// The nearest attack word on each side of token `i` within its sentence (at most eight tokens
/// away) as (trigger number, side, distance band, the relating words between), e.g.
/// (kill, "L", "2", "by") for "killed by [men]".
fn attack_context(toks: &[Tok], i: usize) -> Vec<(usize, &'static str, &'static str, String)> {
    let sent = toks[i].sent;
    let mut out = Vec::new();
    let left = toks[i.saturating_sub(8)..i].iter().enumerate().rev();
    for (j, t) in left.map(|(k, t)| (i.saturating_sub(8) + k, t)) {
        if t.sent != sent {
            break;
        }
        if let Some(k) = trigger_of(&t.word) {
            out.push((k, "L", bucket(i - j), relators(&toks[j + 1..i])));
            break;
        }
    }
    let right = toks[i + 1..(i + 9).min(toks.len())].iter().enumerate();
    for (j, t) in right.map(|(k, t)| (i + 1 + k, t)) {
        if t.sent != sent {
            break;
        }
        if let Some(k) = trigger_of(&t.word) {
            out.push((k, "R", bucket(j - i), relators(&toks[i + 1..j])));
            break;
        }
    }
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The hash of a feature: template number and its parts.
fn feat(template: u8, parts: &[&str]) -> u64 {
    let mut h = fnv(FNV_OFFSET, &[template]);
    for p in parts {
        h = fnv(h, p.as_bytes());
        h = fnv(h, &[0x1f]);
    }
    h
}

fn shape(w: &str) -> String {
    let mut s = String::new();
    for c in w.chars() {
        let k = if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if !s.ends_with(k) {
            s.push(k);
        }
    }
    s
}

fn suffix(w: &str, n: usize) -> &str {
    let count = w.chars().count();
    if count <= n {
        return w;
    }
    let skip = w.char_indices().nth(count - n).map_or(0, |(i, _)| i);
    &w[skip..]
}

fn prefix(w: &str, n: usize) -> &str {
    let end = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
    &w[..end]
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        _ => "13+",
    }
}

/// How many training documents contain each word: rare words in lower-cased text are mostly
/// names, so the tagger sees a word's document-frequency band beside the word itself.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    df: HashMap<String, u32>,
}

impl Vocab {
    /// Counts the documents containing each word.
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> Vocab {
        let mut df: HashMap<String, u32> = HashMap::new();
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            let mut words: Vec<String> = tokenize(&chars).into_iter().map(|t| t.word).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                *df.entry(w).or_insert(0) += 1;
            }
        }
        Vocab { df }
    }

    /// The document-frequency band of a word ("r" for at most one document).
    fn band(&self, w: &str) -> &'static str {
        if !w.chars().any(char::is_alphabetic) {
            return "n";
        }
        match self.df.get(w).copied().unwrap_or(0) {
            0..=1 => "r",
            2..=3 => "2",
            4..=9 => "4",
            10..=49 => "10",
            50..=199 => "50",
            _ => "200",
        }
    }
}

/// A document made ready for tagging: characters, tokens and each token's feature hashes.
#[derive(Debug)]
pub struct Prepared {
    pub(crate) chars: Vec<char>,
    pub(crate) toks: Vec<Tok>,
    feats: Vec<Vec<u64>>,
}

/// Tokenizes a document and computes its features, without document frequencies.
pub fn prepare(text: &str) -> Prepared {
    prepare_with(text, &Vocab::default())
}

/// Tokenizes a document and computes its features, word rarity from `vocab`.
pub fn prepare_with(text: &str, vocab: &Vocab) -> Prepared {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokenize(&chars);
    let n = toks.len();
    let word = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            toks[i as usize].word.as_str()
        }
    };
    // Triggers per sentence, and how often each word occurs in the document.
    let mut trig: Vec<(usize, usize, usize)> = Vec::new(); // (token, sentence, trigger)
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for (i, t) in toks.iter().enumerate() {
        if let Some(k) = trigger_of(&t.word) {
            trig.push((i, t.sent, k));
        }
        *freq.entry(t.word.as_str()).or_insert(0) += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut feats = Vec::with_capacity(n);
    for (i, t) in toks.iter().enumerate() {
        let ii = i as isize;
        let w0 = t.word.as_str();
        let mut f = Vec::with_capacity(64);
        f.push(feat(0, &[]));
        f.push(feat(1, &[w0]));
        for (k, d) in [-3isize, -2, -1, 1, 2, 3].iter().enumerate() {
            f.push(feat(2 + k as u8, &[word(ii + d)]));
        }
        f.push(feat(10, &[word(ii - 1), w0]));
        f.push(feat(11, &[w0, word(ii + 1)]));
        f.push(feat(12, &[word(ii - 2), word(ii - 1)]));
        f.push(feat(13, &[word(ii + 1), word(ii + 2)]));
        f.push(feat(14, &[word(ii - 1), word(ii + 1)]));
        f.push(feat(15, &[suffix(w0, 3)]));
        f.push(feat(16, &[suffix(w0, 4)]));
        f.push(feat(17, &[suffix(w0, 2)]));
        f.push(feat(18, &[prefix(w0, 3)]));
        f.push(feat(19, &[&shape(w0)]));
        f.push(feat(
            20,
            &[&shape(word(ii - 1)), &shape(w0), &shape(word(ii + 1))],
        ));
        for d in 4..=8isize {
            f.push(feat(21, &[word(ii - d)]));
            f.push(feat(22, &[word(ii + d)]));
        }
        let sb = bucket(t.sent);
        f.push(feat(23, &[sb]));
        f.push(feat(24, &[sb, w0]));
        let count = freq.get(w0).copied().unwrap_or(0);
        let before = seen.entry(w0).or_insert(0);
        f.push(feat(
            25,
            &[
                bucket(count.min(13)),
                if *before == 0 { "first" } else { "again" },
            ],
        ));
        *before += 1;
        let mut any = false;
        for &(j, s, k) in &trig {
            if s != t.sent || j == i {
                continue;
            }
            any = true;
            let side = if j < i { "L" } else { "R" };
            let d = j.abs_diff(i);
            f.push(feat(26, &[TRIGGERS[k], side]));
            f.push(feat(27, &[TRIGGERS[k], side, bucket(d)]));
            if d <= 3 {
                f.push(feat(28, &[TRIGGERS[k], side, w0]));
            }
        }
        f.push(feat(29, &[if any { "trig" } else { "notrig" }]));
        if let Some(k) = trigger_of(w0) {
            f.push(feat(30, &[TRIGGERS[k]]));
        }
        for (k, side, d, rel) in attack_context(&toks, i) {
            f.push(feat(37, &[TRIGGERS[k], side, &rel]));
            f.push(feat(38, &[side, &rel]));
            f.push(feat(39, &[TRIGGERS[k], side, d]));
            f.push(feat(40, &[side, &rel, w0]));
        }
        if !vocab.df.is_empty() {
            let band = |i: isize| -> &str {
                if i < 0 || i as usize >= n {
                    "b"
                } else {
                    vocab.band(&toks[i as usize].word)
                }
            };
            let b0 = band(ii);
            f.push(feat(31, &[b0]));
            f.push(feat(32, &[band(ii - 1), b0, band(ii + 1)]));
            f.push(feat(33, &[b0, word(ii - 1)]));
            f.push(feat(34, &[b0, word(ii + 1)]));
            f.push(feat(35, &[band(ii - 2), band(ii - 1), b0]));
            f.push(feat(36, &[b0, band(ii + 1), band(ii + 2)]));
        }
        feats.push(f);
    }
    Prepared { chars, toks, feats }
}

/// Gold labels of a prepared document: every occurrence of every gold mention, longer mentions
/// first, a token labelled at most once.
pub fn gold_labels(p: &Prepared, gold: &RoleEntities) -> Vec<usize> {
    let mut mentions: Vec<(usize, usize, &str)> = Vec::new(); // (-len, role, mention)
    for (r, ents) in gold.iter().enumerate() {
        for e in ents {
            for m in e {
                if !m.is_empty() {
                    mentions.push((m.chars().count(), r, m.as_str()));
                }
            }
        }
    }
    mentions.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    let mut labels = vec![0usize; p.toks.len()];
    for (len, r, m) in mentions {
        let mc: Vec<char> = m.chars().collect();
        let mut s = 0usize;
        while s + len <= p.chars.len() {
            if p.chars[s..s + len] == mc[..] {
                if let Some((a, b)) = token_range(&p.toks, s, s + len) {
                    if labels[a..=b].iter().all(|&l| l == 0) {
                        labels[a] = b_label(r);
                        for l in &mut labels[a + 1..=b] {
                            *l = i_label(r);
                        }
                    }
                }
                s += len;
            } else {
                s += 1;
            }
        }
    }
    labels
}

/// A candidate filler: its text, its confidence and where it first occurs (token index).
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    /// The mention as written.
    pub text: String,
    /// Confidence in [0, 1].
    pub score: f32,
    /// First token of its first occurrence.
    pub first: usize,
}

/// The trained tagger.
#[derive(Debug)]
pub struct Tagger {
    index: HashMap<u64, u32>,
    weights: Vec<f32>,
    trans: [[f32; NLABELS]; NLABELS],
}

struct Xorshift(u64);
impl Xorshift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training documents.
    pub epochs: usize,
    /// A feature must occur this often in training to get weights.
    pub min_count: u32,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Perceptron runs over differently shuffled documents whose weights are averaged.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            min_count: 2,
            seed: 0x9e37_79b9_7f4a_7c15,
            runs: 2,
        }
    }
}

fn rows_of(index: &HashMap<u64, u32>, p: &Prepared) -> Vec<Vec<u32>> {
    p.feats
        .iter()
        .map(|fs| fs.iter().filter_map(|f| index.get(f).copied()).collect())
        .collect()
}

impl Tagger {
    /// Trains on prepared documents with their gold labels.
    pub fn train<'a>(
        docs: impl Iterator<Item = (&'a Prepared, &'a [usize])>,
        opts: TrainOptions,
    ) -> Tagger {
        let docs: Vec<(&Prepared, &[usize])> = docs.collect();
        let mut counts: HashMap<u64, u32> = HashMap::new();
        for (p, _) in &docs {
            for fs in &p.feats {
                for &f in fs {
                    *counts.entry(f).or_insert(0) += 1;
                }
            }
        }
        let mut index: HashMap<u64, u32> = HashMap::new();
        for (p, _) in &docs {
            for fs in &p.feats {
                for &f in fs {
                    if counts.get(&f).copied().unwrap_or(0) >= opts.min_count {
                        let next = index.len() as u32;
                        index.entry(f).or_insert(next);
                    }
                }
            }
        }
        drop(counts);
        let rows: Vec<Vec<Vec<u32>>> = docs.iter().map(|(p, _)| rows_of(&index, p)).collect();
        let nw = index.len() * NLABELS;
        let runs = opts.runs.max(1);
        let mut sum_w = vec![0f32; nw];
        let mut sum_t = [[0f32; NLABELS]; NLABELS];
        for run in 0..runs {
            let seed = opts.seed ^ (run as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
            let (w, tw) = train_run(&docs, &rows, nw, opts.epochs, seed);
            for (s, x) in sum_w.iter_mut().zip(&w) {
                *s += x / runs as f32;
            }
            for a in 0..NLABELS {
                for b in 0..NLABELS {
                    sum_t[a][b] += tw[a][b] / runs as f32;
                }
            }
        }
        let (w, tw) = (sum_w, sum_t);
        Tagger {
            index,
            weights: w,
            trans: tw,
        }
    }

    /// Tags a prepared document: per token the label of the best sequence (Viterbi) and the
    /// marginal probability of each label (forward-backward, the scores as log-potentials).
    pub fn tag(&self, p: &Prepared) -> Vec<(usize, [f32; NLABELS])> {
        let rows = rows_of(&self.index, p);
        let em = emissions(&self.weights, &rows);
        let path = viterbi(&em, &self.trans);
        let marg = marginals(&em, &self.trans);
        path.into_iter().zip(marg).collect()
    }

    /// Candidate fillers per role, best first, one per normalised string. A span is a B token
    /// and its I tokens of the Viterbi sequence; its score is the mean marginal probability of
    /// its labels. Besides the tagged
    /// spans, a token whose B probability for a role reaches `loose` opens a candidate too.
    pub fn candidates(&self, p: &Prepared, loose: f32) -> [Vec<Cand>; 5] {
        let tags = self.tag(p);
        let mut out: [Vec<Cand>; 5] = Default::default();
        let mut push = |role: usize, a: usize, b: usize, score: f32| {
            let (Some(ta), Some(tb)) = (p.toks.get(a), p.toks.get(b)) else {
                return;
            };
            let text: String = p.chars[ta.start..tb.end].iter().collect();
            let norm = normalize_string(&text);
            if norm.is_empty() {
                return;
            }
            let list = &mut out[role];
            if let Some(c) = list.iter_mut().find(|c| normalize_string(&c.text) == norm) {
                if score > c.score {
                    c.score = score;
                }
            } else {
                list.push(Cand {
                    text,
                    score,
                    first: a,
                });
            }
        };
        let n = tags.len();
        let mut t = 0;
        while t < n {
            let (label, probs) = tags[t];
            if let Some(r) = role_of(label) {
                let mut e = t;
                let mut sum = probs[label];
                while e + 1 < n && tags[e + 1].0 == i_label(r) {
                    e += 1;
                    sum += tags[e].1[i_label(r)];
                }
                push(r, t, e, sum / (e - t + 1) as f32);
                t = e + 1;
                continue;
            }
            for r in 0..5 {
                let pb = probs[b_label(r)];
                if pb >= loose {
                    // Extend over the following tokens whose I probability is high enough.
                    let mut e = t;
                    while e + 1 < n && tags[e + 1].1[i_label(r)] >= loose && e - t < 8 {
                        e += 1;
                    }
                    push(r, t, e, pb * 0.5);
                }
            }
            t += 1;
        }
        for list in &mut out {
            list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.first.cmp(&b.first)));
        }
        out
    }
}

/// One averaged-perceptron run over the documents in an order shuffled by `seed`: the averaged
/// emission weights and transitions.
fn train_run(
    docs: &[(&Prepared, &[usize])],
    rows: &[Vec<Vec<u32>>],
    nw: usize,
    epochs: usize,
    seed: u64,
) -> (Vec<f32>, [[f32; NLABELS]; NLABELS]) {
    let mut w = vec![0f32; nw];
    let mut u = vec![0f32; nw];
    let mut tw = [[0f32; NLABELS]; NLABELS];
    let mut tu = [[0f32; NLABELS]; NLABELS];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Xorshift(seed | 1);
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &d in &order {
            let em = emissions(&w, &rows[d]);
            let path = viterbi(&em, &tw);
            let mut gprev = 0usize;
            let mut pprev = 0usize;
            for (t, fs) in rows[d].iter().enumerate() {
                let mut g = docs[d].1[t];
                if !allowed(gprev, g) {
                    g = role_of(g).map_or(0, b_label);
                }
                let pred = path[t];
                if pred != g {
                    for &f in fs {
                        let base = f as usize * NLABELS;
                        w[base + g] += 1.0;
                        u[base + g] += c;
                        w[base + pred] -= 1.0;
                        u[base + pred] -= c;
                    }
                }
                if (gprev, g) != (pprev, pred) {
                    tw[gprev][g] += 1.0;
                    tu[gprev][g] += c;
                    tw[pprev][pred] -= 1.0;
                    tu[pprev][pred] -= c;
                }
                gprev = g;
                pprev = pred;
            }
            c += 1.0;
        }
    }
    for (wi, ui) in w.iter_mut().zip(&u) {
        *wi -= ui / c;
    }
    for a in 0..NLABELS {
        for b in 0..NLABELS {
            tw[a][b] -= tu[a][b] / c;
        }
    }
    (w, tw)
}

/// Per token, the summed feature weights of each label.
fn emissions(w: &[f32], rows: &[Vec<u32>]) -> Vec<[f32; NLABELS]> {
    rows.iter()
        .map(|fs| {
            let mut e = [0f32; NLABELS];
            for &f in fs {
                let base = f as usize * NLABELS;
                for (s, x) in e.iter_mut().zip(&w[base..base + NLABELS]) {
                    *s += x;
                }
            }
            e
        })
        .collect()
}

/// The best label sequence under emissions and transitions (an I only after its own role's B
/// or I; the sequence starts after an O).
fn viterbi(em: &[[f32; NLABELS]], trans: &[[f32; NLABELS]; NLABELS]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; NLABELS]; n];
    let mut cur = [f32::NEG_INFINITY; NLABELS];
    for l in 0..NLABELS {
        if allowed(0, l) {
            cur[l] = trans[0][l] + em[0][l];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; NLABELS];
        for l in 0..NLABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0usize;
            for (k, &ck) in cur.iter().enumerate() {
                if allowed(k, l) && ck > f32::NEG_INFINITY {
                    let v = ck + trans[k][l];
                    if v > best {
                        best = v;
                        arg = k;
                    }
                }
            }
            next[l] = best + em[t][l];
            back[t][l] = arg as u8;
        }
        cur = next;
    }
    let mut last = 0usize;
    for l in 1..NLABELS {
        if cur[l] > cur[last] {
            last = l;
        }
    }
    let mut path = vec![0usize; n];
    path[n - 1] = last;
    for t in (1..n).rev() {
        path[t - 1] = back[t][path[t]] as usize;
    }
    path
}

fn log_sum_exp(xs: &[f32; NLABELS]) -> f32 {
    let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
}

/// Per token, the marginal probability of each label (forward-backward in log space).
fn marginals(em: &[[f32; NLABELS]], trans: &[[f32; NLABELS]; NLABELS]) -> Vec<[f32; NLABELS]> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let ninf = f32::NEG_INFINITY;
    let mut alpha = vec![[ninf; NLABELS]; n];
    for l in 0..NLABELS {
        if allowed(0, l) {
            alpha[0][l] = trans[0][l] + em[0][l];
        }
    }
    let mut buf = [ninf; NLABELS];
    for t in 1..n {
        for l in 0..NLABELS {
            for k in 0..NLABELS {
                buf[k] = if allowed(k, l) {
                    alpha[t - 1][k] + trans[k][l]
                } else {
                    ninf
                };
            }
            alpha[t][l] = log_sum_exp(&buf) + em[t][l];
        }
    }
    let mut beta = vec![[0f32; NLABELS]; n];
    for t in (0..n - 1).rev() {
        for k in 0..NLABELS {
            for l in 0..NLABELS {
                buf[l] = if allowed(k, l) {
                    trans[k][l] + em[t + 1][l] + beta[t + 1][l]
                } else {
                    ninf
                };
            }
            beta[t][k] = log_sum_exp(&buf);
        }
    }
    let z = log_sum_exp(&alpha[n - 1]);
    (0..n)
        .map(|t| {
            let mut m = [0f32; NLABELS];
            for l in 0..NLABELS {
                let v = alpha[t][l] + beta[t][l] - z;
                m[l] = if v.is_finite() { v.exp() } else { 0.0 };
            }
            m
        })
        .collect()
}
