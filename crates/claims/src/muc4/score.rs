//! The GRIT scorer (CEAF-REE, Du, Rush and Cardie 2021, `eval.py`): per document and role, an
//! optimal one-to-one alignment of predicted entities to gold entities, mention strings compared
//! after SQuAD-style normalisation.
//!
//! A port of `eval.py` of `xinyadu/grit_doc_event_entity`: `normalize_string` (lower case, drop
//! ASCII punctuation, drop the articles "a", "an", "the", squeeze white space), `phi_strict` (a
//! predicted entity scores 1 when every one of its mentions is a mention of the gold entity),
//! `phi_prop` (the share of gold mentions found among the predicted mentions, over the
//! predicted size), and `linear_sum_assignment` (here the Hungarian algorithm) to align them.
//! Besides `eval.py`'s exact match, [`Phi::Head`] scores head-noun match: the same alignment,
//! a predicted mention counting when its head noun ([`head_noun`]) is a gold mention's.

use serde::Serialize;

/// The five MUC-4 roles in the order of `eval.py`.
pub const ROLES: [&str; 5] = ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"];

/// One entity: its mention strings (coreferent alternatives).
pub type Entity = Vec<String>;

/// Entities per role (indexed like [`ROLES`]).
pub type RoleEntities = [Vec<Entity>; 5];

/// `eval.py`'s `normalize_string`: lower case, drop ASCII punctuation, replace the whole words
/// "a", "an", "the" with a space, squeeze white space.
pub fn normalize_string(s: &str) -> String {
    let lower = s.to_lowercase();
    let no_punc: String = lower
        .chars()
        .filter(|c| !c.is_ascii_punctuation())
        .collect();
    // `re.sub(r'\b(a|an|the)\b', ' ', text)`: after punctuation removal, a word boundary lies
    // between a word character (alphanumeric or '_') and anything else.
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<char> = no_punc.chars().collect();
    let mut out = String::with_capacity(no_punc.len());
    let mut i = 0;
    while i < chars.len() {
        if is_word(chars[i]) {
            let start = i;
            while i < chars.len() && is_word(chars[i]) {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            if w == "a" || w == "an" || w == "the" {
                out.push(' ');
            } else {
                out.push_str(&w);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `phi_strict`: 1 when every predicted mention is a gold mention of this entity.
fn phi_strict(gold: &[String], pred: &[String]) -> f64 {
    if pred.iter().all(|m| gold.contains(m)) {
        1.0
    } else {
        0.0
    }
}

/// Words that open a trailing prepositional phrase, cut before taking a head noun.
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "near",
    "from",
    "with",
    "for",
    "to",
    "by",
    "inside",
    "outside",
    "into",
    "against",
    "during",
    "between",
    "under",
    "along",
    "across",
    "behind",
    "belonging",
];

/// The head noun of a normalised mention: its last word once a trailing prepositional phrase
/// is cut ("members of fmln" → "members", "bomb in car" → "bomb", "urban guerrillas" →
/// "guerrillas"). A preposition as the first word is kept; an empty mention has an empty head.
pub fn head_noun(normalised: &str) -> &str {
    let words: Vec<&str> = normalised.split_whitespace().collect();
    let end = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| PREPOSITIONS.contains(w))
        .map_or(words.len(), |(i, _)| i);
    words[..end].last().copied().unwrap_or("")
}

/// Head-noun match: 1 when the head noun of every predicted mention is the head noun of one of
/// the gold entity's mentions (the MUC-4 convention of Patwardhan and Riloff, used by GRIT's
/// predecessors), else 0.
fn phi_head(gold: &[String], pred: &[String]) -> f64 {
    let heads: Vec<&str> = gold.iter().map(|m| head_noun(m)).collect();
    if !pred.is_empty()
        && pred.iter().all(|m| {
            let h = head_noun(m);
            !h.is_empty() && heads.contains(&h)
        })
    {
        1.0
    } else {
        0.0
    }
}

/// `phi_prop`: gold mentions found among the predicted ones, over the predicted size.
fn phi_prop(gold: &[String], pred: &[String]) -> f64 {
    if pred.is_empty() {
        return 0.0;
    }
    gold.iter().filter(|m| pred.contains(m)).count() as f64 / pred.len() as f64
}

/// The largest total score of a one-to-one assignment of rows to columns (what
/// `scipy.optimize.linear_sum_assignment(-scores)` finds), by the Hungarian algorithm.
pub fn max_assignment(scores: &[Vec<f64>]) -> f64 {
    let n = scores.len();
    let m = scores.first().map_or(0, Vec::len);
    if n == 0 || m == 0 {
        return 0.0;
    }
    // The algorithm below needs rows <= columns: transpose otherwise.
    let (rows, cols, cost): (usize, usize, Vec<Vec<f64>>) = if n <= m {
        let c = scores
            .iter()
            .map(|r| (0..m).map(|j| -r.get(j).copied().unwrap_or(0.0)).collect())
            .collect();
        (n, m, c)
    } else {
        let c = (0..m)
            .map(|j| {
                (0..n)
                    .map(|i| -scores[i].get(j).copied().unwrap_or(0.0))
                    .collect()
            })
            .collect();
        (m, n, c)
    };
    // Potentials and matching, 1-based with a virtual column 0 (e-maxx formulation).
    let mut u = vec![0.0f64; rows + 1];
    let mut v = vec![0.0f64; cols + 1];
    let mut p = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for i in 1..=rows {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=cols {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=cols {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=cols)
        .filter(|&j| p[j] != 0)
        .map(|j| -cost[p[j] - 1][j - 1])
        .sum()
}

/// Counts behind one precision/recall/F1 line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Aligned similarity (numerator of precision).
    pub p_num: f64,
    /// Predicted entities.
    pub p_den: f64,
    /// Aligned similarity (numerator of recall).
    pub r_num: f64,
    /// Gold entities.
    pub r_den: f64,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.p_num += o.p_num;
        self.p_den += o.p_den;
        self.r_num += o.r_num;
        self.r_den += o.r_den;
    }
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.p_num == 0.0 {
            0.0
        } else {
            self.p_num / self.p_den
        }
    }
    /// Recall (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        if self.r_num == 0.0 {
            0.0
        } else {
            self.r_num / self.r_den
        }
    }
    /// Balanced F-measure.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Precision, recall and F1 for one role or the micro average.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Prf {
    /// Role name or "micro_avg".
    pub role: String,
    /// The counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(role: &str, counts: Counts) -> Prf {
        Prf {
            role: role.to_owned(),
            counts,
            p: counts.precision(),
            r: counts.recall(),
            f1: counts.f1(),
        }
    }
}

/// Scores of one similarity function: one line per role and the micro average.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scores {
    /// Per role, in [`ROLES`] order.
    pub roles: Vec<Prf>,
    /// Micro average over the roles.
    pub micro: Prf,
}

/// Which `phi` aligns entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phi {
    /// `phi_strict` (the number GRIT reports).
    Strict,
    /// `phi_prop`.
    Prop,
    /// Head-noun match ([`head_noun`]) with `phi_strict`'s all-mentions rule.
    Head,
}

/// The `(p_num, p_den, r_num, r_den)` of one document and role (`ceaf` in `eval.py`); mention
/// strings must already be normalised.
pub fn ceaf(pred: &[Entity], gold: &[Entity], phi: Phi) -> Counts {
    let scores: Vec<Vec<f64>> = gold
        .iter()
        .map(|g| {
            pred.iter()
                .map(|p| match phi {
                    Phi::Strict => phi_strict(g, p),
                    Phi::Prop => phi_prop(g, p),
                    Phi::Head => phi_head(g, p),
                })
                .collect()
        })
        .collect();
    let sim = max_assignment(&scores);
    Counts {
        p_num: sim,
        p_den: pred.len() as f64,
        r_num: sim,
        r_den: gold.len() as f64,
    }
}

fn normalize_all(e: &[Vec<Entity>; 5]) -> [Vec<Entity>; 5] {
    e.clone().map(|ents| {
        ents.into_iter()
            .map(|ms| ms.iter().map(|m| normalize_string(m)).collect())
            .collect()
    })
}

/// Scores predictions against gold, document by document (`eval_ceaf_base` after
/// normalisation): `pairs` holds (predicted, gold) per document. Gold entities without any
/// mention are dropped, as `eval.py` does when reading the gold file.
pub fn score(pairs: &[(RoleEntities, RoleEntities)], phi: Phi) -> Scores {
    let mut per = [Counts::default(); 5];
    for (pred, gold) in pairs {
        let pred = normalize_all(pred);
        let gold = normalize_all(gold);
        for r in 0..5 {
            let g: Vec<Entity> = gold[r].iter().filter(|e| !e.is_empty()).cloned().collect();
            per[r].add(ceaf(&pred[r], &g, phi));
        }
    }
    let mut micro = Counts::default();
    for c in per {
        micro.add(c);
    }
    Scores {
        roles: ROLES.iter().zip(per).map(|(r, c)| Prf::new(r, c)).collect(),
        micro: Prf::new("micro_avg", micro),
    }
}
