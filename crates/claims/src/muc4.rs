//! MUC-4 document-level role-filler extraction (perpetrator individual and organisation, target,
//! victim, weapon) and its evaluation as in GRIT (Du, Rush and Cardie 2021): CEAF-REE with
//! `phi_strict` over normalised mention strings, GRIT's `eval.py` exact match (see [`score`]),
//! and the same alignment with head-noun match ([`score::head_noun`]), both reported.
//!
//! The extractor is learned from the training file at evaluation time: a greedy BIO tagger (an
//! averaged perceptron, [`model`]) proposes spans with confidences, and per role a confidence
//! threshold, a cap on fillers per document and the loose-span threshold are calibrated on a
//! held-out fifth of the training documents (together with how lexicon-classifier and tagger
//! scores combine) while, on a second thread, the parts are retrained on all of them.
//! Nothing here reads the clock; the same files give the same scores.

pub mod lexicon;
pub mod model;
pub mod score;
pub mod text;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use lexicon::{Classifier, Lexicon, FOLDS};
use model::{gold_labels, prepare_with, Cand, Prepared, Tagger, TrainOptions, Vocab};
use score::{ceaf, normalize_string, score, Counts, Entity, Phi, RoleEntities, Scores, ROLES};

/// Errors reading MUC-4 files.
#[derive(Debug, thiserror::Error)]
pub enum Muc4Error {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A line is not a MUC-4 document in the GRIT JSON-lines format.
    #[error("{path}:{line}: not a MUC-4 document: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The file holds no document.
    #[error("{0}: no MUC-4 document found")]
    Empty(PathBuf),
}

#[derive(Deserialize)]
struct RawDoc {
    docid: String,
    doctext: String,
    #[serde(default)]
    extracts: std::collections::BTreeMap<String, Vec<Vec<(String, i64)>>>,
}

/// One MUC-4 document with its gold fillers.
#[derive(Debug, Clone, Serialize)]
pub struct Muc4Doc {
    /// Document id, e.g. "DEV-MUC3-0001".
    pub docid: String,
    /// The (lower-cased) text.
    pub text: String,
    /// Gold entities per role, in [`ROLES`] order; each entity is its mention strings.
    pub gold: RoleEntities,
}

/// Parses GRIT's JSON-lines format; `path` only names the source in errors.
pub fn parse_docs(content: &str, path: &Path) -> Result<Vec<Muc4Doc>, Muc4Error> {
    let mut docs = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(line).map_err(|source| Muc4Error::Json {
            path: path.to_owned(),
            line: i + 1,
            source,
        })?;
        let mut gold: RoleEntities = Default::default();
        for (r, role) in ROLES.iter().enumerate() {
            if let Some(ents) = raw.extracts.get(*role) {
                gold[r] = ents
                    .iter()
                    .map(|e| e.iter().map(|(m, _)| m.clone()).collect::<Entity>())
                    .filter(|e: &Entity| !e.is_empty())
                    .collect();
            }
        }
        docs.push(Muc4Doc {
            docid: raw.docid,
            text: raw.doctext,
            gold,
        });
    }
    Ok(docs)
}

/// Reads a GRIT JSON-lines file.
pub fn read_docs(path: &Path) -> Result<Vec<Muc4Doc>, Muc4Error> {
    let content = fs::read_to_string(path).map_err(|source| Muc4Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let docs = parse_docs(&content, path)?;
    if docs.is_empty() {
        return Err(Muc4Error::Empty(path.to_owned()));
    }
    Ok(docs)
}

/// Calibrated decisions for one role.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RoleParams {
    /// Smallest confidence of a kept filler.
    pub threshold: f32,
    /// Most fillers kept per document.
    pub max_per_doc: usize,
}

/// Calibrated decisions for all roles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    /// B probability at which an untagged token still opens a candidate (1 = never).
    pub loose: f32,
    /// Factor on tagger confidences when merged with lexicon-classifier probabilities.
    pub tagger_weight: f32,
    /// How a string proposed by both the lexicon classifier and the tagger is scored.
    pub combine: Combine,
    /// Per role, in [`ROLES`] order.
    pub roles: [RoleParams; 5],
    /// Micro F1 (exact match) on the held-out training documents with these decisions.
    pub held_f1: f64,
}

/// How the lexicon-classifier probability `a` and the weighted tagger confidence `b` of one
/// string combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Combine {
    /// `max(a, b)`.
    Max,
    /// `1 - (1 - a)(1 - b)`: agreement raises the score.
    NoisyOr,
}

impl Combine {
    fn apply(self, a: f32, b: f32) -> f32 {
        match self {
            Combine::Max => a.max(b),
            Combine::NoisyOr => 1.0 - (1.0 - a) * (1.0 - b),
        }
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            loose: 1.0,
            tagger_weight: 1.0,
            combine: Combine::Max,
            roles: [RoleParams {
                threshold: 0.0,
                max_per_doc: 100,
            }; 5],
            held_f1: 0.0,
        }
    }
}

/// A trained extractor: the tagger and its calibrated decisions.
#[derive(Debug)]
pub struct Extractor {
    tagger: Tagger,
    lexicon: Lexicon,
    classifier: Classifier,
    vocab: Vocab,
    /// The calibrated decisions.
    pub params: Params,
}

fn select(cands: &[Cand], p: RoleParams) -> usize {
    cands
        .iter()
        .take(p.max_per_doc)
        .take_while(|c| c.score >= p.threshold)
        .count()
}

/// The three learned parts, trained on the same documents.
struct Parts {
    tagger: Tagger,
    lexicon: Lexicon,
    classifier: Classifier,
}

fn train_parts(docs: &[(&Muc4Doc, &Prepared, &Vec<usize>)], opts: TrainOptions) -> Parts {
    let tagger = Tagger::train(docs.iter().map(|(_, p, l)| (*p, l.as_slice())), opts);
    let pairs: Vec<(&Prepared, &RoleEntities)> =
        docs.iter().map(|(d, p, _)| (*p, &d.gold)).collect();
    let lexicon = Lexicon::build(&pairs, |i| i % FOLDS);
    let mut data = Vec::new();
    for (i, (p, gold)) in pairs.iter().enumerate() {
        for c in lexicon::candidates(&lexicon, p, Some(i % FOLDS)) {
            let y = lexicon::is_gold(&c, gold);
            data.push((c, y));
        }
    }
    let classifier = Classifier::train(&data, 6, opts.seed);
    Parts {
        tagger,
        lexicon,
        classifier,
    }
}

/// Lexicon candidates and tagger candidates merged per role, best first, one per normalised
/// string, a candidate dropped when its words lie inside a better one's or contain them.
#[derive(Clone, Copy)]
struct PartsRef<'a> {
    tagger: &'a Tagger,
    lexicon: &'a Lexicon,
    classifier: &'a Classifier,
}

fn merged(parts: PartsRef<'_>, p: &Prepared, params: &Params) -> [Vec<Cand>; 5] {
    let lex = lexicon::scored(parts.lexicon, parts.classifier, p);
    let tag = parts.tagger.candidates(p, params.loose);
    merge_lists(&lex, &tag, params.tagger_weight, params.combine)
}

fn merge_lists(
    lex: &[Vec<Cand>; 5],
    tag: &[Vec<Cand>; 5],
    tagger_weight: f32,
    combine: Combine,
) -> [Vec<Cand>; 5] {
    std::array::from_fn(|r| {
        let mut all: Vec<(Cand, String)> = lex[r]
            .iter()
            .cloned()
            .map(|c| {
                let n = normalize_string(&c.text);
                (c, n)
            })
            .collect();
        for c in &tag[r] {
            let n = normalize_string(&c.text);
            if let Some(e) = all.iter_mut().find(|(_, m)| *m == n) {
                e.0.score = combine.apply(e.0.score, c.score * tagger_weight);
            } else {
                let mut c = c.clone();
                c.score *= tagger_weight;
                all.push((c, n));
            }
        }
        all.sort_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then(a.0.first.cmp(&b.0.first))
        });
        let mut kept: Vec<(Cand, String)> = Vec::new();
        for (c, n) in all {
            let inside = |a: &str, b: &str| format!(" {b} ").contains(&format!(" {a} "));
            if kept.iter().any(|(_, k)| inside(&n, k) || inside(k, &n)) {
                continue;
            }
            kept.push((c, n));
        }
        kept.into_iter().map(|(c, _)| c).collect()
    })
}

/// Candidates per role.
type PerRole = [Vec<Cand>; 5];

const LOOSE: f32 = 0.3;
const GRID: [(f32, f32); 8] = [
    (1.0, 0.0),
    (1.0, 0.3),
    (1.0, 0.6),
    (1.0, 1.0),
    (LOOSE, 0.3),
    (LOOSE, 0.6),
    (LOOSE, 1.0),
    (LOOSE, 0.15),
];
const MAX_GRID: [usize; 6] = [1, 2, 3, 4, 6, 8];

/// Chooses per-role thresholds and caps (and the loose-span threshold) that maximise micro F1
/// of `tagger` on `held`, by coordinate ascent over the roles.
fn calibrate(parts: &Parts, held: &[(&Muc4Doc, &Prepared)]) -> Params {
    let golds: Vec<[Vec<Entity>; 5]> = held
        .iter()
        .map(|d| {
            d.0.gold.clone().map(|es| {
                es.iter()
                    .map(|e| e.iter().map(|m| normalize_string(m)).collect())
                    .collect()
            })
        })
        .collect();
    let thresholds: Vec<f32> = (0..20).map(|i| i as f32 * 0.05).collect();
    let mut best_params = Params::default();
    let mut best_f1 = -1.0f64;
    // Tagger candidates without and with loose spans, lexicon candidates: computed once.
    let lex_cands: Vec<[Vec<Cand>; 5]> = held
        .iter()
        .map(|(_, p)| lexicon::scored(&parts.lexicon, &parts.classifier, p))
        .collect();
    let tag_cands: Vec<(PerRole, PerRole)> = held
        .iter()
        .map(|(_, p)| {
            (
                parts.tagger.candidates(p, 1.0),
                parts.tagger.candidates(p, LOOSE),
            )
        })
        .collect();
    for (combine, (loose, tagger_weight)) in [Combine::Max, Combine::NoisyOr]
        .into_iter()
        .flat_map(|c| GRID.into_iter().map(move |g| (c, g)))
    {
        // Per document and role: the candidate scores and the matches of each prefix.
        let mut table: Vec<[(Vec<f32>, Vec<f64>); 5]> = Vec::with_capacity(held.len());
        for (((lex, tags), _), gold) in lex_cands.iter().zip(&tag_cands).zip(held).zip(&golds) {
            let tag = if loose < 1.0 { &tags.1 } else { &tags.0 };
            let cands = merge_lists(lex, tag, tagger_weight, combine);
            let row: [(Vec<f32>, Vec<f64>); 5] = std::array::from_fn(|r| {
                let scores: Vec<f32> = cands[r].iter().map(|c| c.score).collect();
                let preds: Vec<Entity> = cands[r]
                    .iter()
                    .map(|c| vec![normalize_string(&c.text)])
                    .collect();
                let matched = (0..=preds.len().min(8))
                    .map(|n| ceaf(&preds[..n], &gold[r], Phi::Strict).p_num)
                    .collect();
                (scores, matched)
            });
            table.push(row);
        }
        let gold_total: Vec<f64> = (0..5)
            .map(|r| golds.iter().map(|g| g[r].len() as f64).sum())
            .collect();
        let role_counts = |r: usize, rp: RoleParams| -> (f64, f64) {
            let mut num = 0.0;
            let mut den = 0.0;
            for row in &table {
                let (scores, matched) = &row[r];
                let n = scores
                    .iter()
                    .take(rp.max_per_doc.min(matched.len() - 1))
                    .take_while(|&&s| s >= rp.threshold)
                    .count();
                num += matched[n];
                den += n as f64;
            }
            (num, den)
        };
        let mut params = Params {
            loose,
            tagger_weight,
            combine,
            roles: [RoleParams {
                threshold: 0.5,
                max_per_doc: 3,
            }; 5],
            held_f1: 0.0,
        };
        let mut per: Vec<(f64, f64)> = (0..5).map(|r| role_counts(r, params.roles[r])).collect();
        let micro = |per: &[(f64, f64)]| -> f64 {
            let c = Counts {
                p_num: per.iter().map(|x| x.0).sum(),
                p_den: per.iter().map(|x| x.1).sum(),
                r_num: per.iter().map(|x| x.0).sum(),
                r_den: gold_total.iter().sum(),
            };
            c.f1()
        };
        for _ in 0..3 {
            for r in 0..5 {
                let mut best = (micro(&per), params.roles[r], per[r]);
                for &t in &thresholds {
                    for &k in &MAX_GRID {
                        let rp = RoleParams {
                            threshold: t,
                            max_per_doc: k,
                        };
                        let c = role_counts(r, rp);
                        let mut trial = per.clone();
                        trial[r] = c;
                        let f = micro(&trial);
                        if f > best.0 + 1e-12 {
                            best = (f, rp, c);
                        }
                    }
                }
                params.roles[r] = best.1;
                per[r] = best.2;
            }
        }
        let f = micro(&per);
        if f > best_f1 + 1e-12 {
            best_f1 = f;
            params.held_f1 = f;
            best_params = params;
        }
    }
    best_params
}

impl Extractor {
    /// Learns an extractor from training documents: tagger on four fifths, calibration on the
    /// remaining fifth (every fifth document), then the tagger again on all of them.
    pub fn train(docs: &[Muc4Doc], opts: TrainOptions) -> Extractor {
        let vocab = Vocab::build(docs.iter().map(|d| d.text.as_str()));
        let prepared: Vec<(Prepared, Vec<usize>)> = docs
            .iter()
            .map(|d| {
                let p = prepare_with(&d.text, &vocab);
                let l = gold_labels(&p, &d.gold);
                (p, l)
            })
            .collect();
        let all: Vec<(&Muc4Doc, &Prepared, &Vec<usize>)> = docs
            .iter()
            .zip(&prepared)
            .map(|(d, (p, l))| (d, p, l))
            .collect();
        let fit: Vec<_> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != 4)
            .map(|(_, x)| *x)
            .collect();
        let held: Vec<(&Muc4Doc, &Prepared)> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 == 4)
            .map(|(_, (d, p, _))| (*d, *p))
            .collect();
        // Calibration and the final training are independent: one thread each.
        let (params, parts) = std::thread::scope(|sc| {
            let cal = sc.spawn(|| {
                if held.is_empty() || fit.is_empty() {
                    Params::default()
                } else {
                    calibrate(&train_parts(&fit, opts), &held)
                }
            });
            let parts = train_parts(&all, opts);
            // A panic in the calibration thread is a bug; fall back to the defaults then.
            (cal.join().unwrap_or_default(), parts)
        });
        Extractor {
            tagger: parts.tagger,
            lexicon: parts.lexicon,
            classifier: parts.classifier,
            vocab,
            params,
        }
    }

    fn merged(&self, p: &Prepared) -> [Vec<Cand>; 5] {
        // The parts are moved into the extractor; borrow them back as one.
        let parts = PartsRef {
            tagger: &self.tagger,
            lexicon: &self.lexicon,
            classifier: &self.classifier,
        };
        merged(parts, p, &self.params)
    }

    /// All candidates of one document per role, best first, before thresholds and caps.
    pub fn candidates(&self, text: &str) -> [Vec<Cand>; 5] {
        self.merged(&prepare_with(text, &self.vocab))
    }

    /// The fillers of one document, per role, each as a one-mention entity.
    pub fn extract(&self, text: &str) -> RoleEntities {
        let cands = self.merged(&prepare_with(text, &self.vocab));
        std::array::from_fn(|r| {
            let n = select(&cands[r], self.params.roles[r]);
            cands[r][..n].iter().map(|c| vec![c.text.clone()]).collect()
        })
    }
}

/// The result of `dossier eval muc4`.
#[derive(Debug, Clone, Serialize)]
pub struct Muc4Report {
    /// The scored file.
    pub dev_file: PathBuf,
    /// The training file.
    pub train_file: PathBuf,
    /// Training documents.
    pub train_docs: usize,
    /// Scored documents.
    pub dev_docs: usize,
    /// The calibrated decisions.
    pub params: Params,
    /// CEAF-REE with `phi_strict`: exact match after normalisation, as GRIT's `eval.py`.
    pub strict: Scores,
    /// CEAF-REE with head-noun match ([`score::head_noun`]).
    pub head: Scores,
    /// CEAF-REE with `phi_prop`.
    pub prop: Scores,
}

/// The three measures of one run.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Measures {
    /// Exact match after normalisation (`phi_strict`, GRIT's `eval.py`).
    pub strict: Scores,
    /// Head-noun match.
    pub head: Scores,
    /// `phi_prop`.
    pub prop: Scores,
}

fn table(f: &mut fmt::Formatter<'_>, title: &str, s: &Scores) -> fmt::Result {
    writeln!(f, "{title}")?;
    writeln!(
        f,
        "{:<10} {:>7} {:>7} {:>7} {:>7} {:>6} {:>6}",
        "role", "P", "R", "F1", "matched", "pred", "gold"
    )?;
    for p in s.roles.iter().chain([&s.micro]) {
        writeln!(
            f,
            "{:<10} {:>7.2} {:>7.2} {:>7.2} {:>7} {:>6} {:>6}",
            p.role,
            p.p * 100.0,
            p.r * 100.0,
            p.f1 * 100.0,
            p.counts.p_num,
            p.counts.p_den,
            p.counts.r_den
        )?;
    }
    Ok(())
}

impl fmt::Display for Muc4Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "MUC-4 role fillers, CEAF-REE: {} documents scored, trained on {}",
            self.dev_docs, self.train_docs
        )?;
        table(
            f,
            "exact match after normalisation (phi_strict, GRIT eval.py):",
            &self.strict,
        )?;
        table(
            f,
            "head-noun match (last word before a trailing prepositional phrase):",
            &self.head,
        )?;
        writeln!(
            f,
            "phi_prop micro: P {:.2} R {:.2} F1 {:.2}",
            self.prop.micro.p * 100.0,
            self.prop.micro.r * 100.0,
            self.prop.micro.f1 * 100.0
        )
    }
}

/// Scores an extractor on documents.
pub fn evaluate(ex: &Extractor, docs: &[Muc4Doc]) -> Measures {
    let pairs: Vec<(RoleEntities, RoleEntities)> = docs
        .iter()
        .map(|d| (ex.extract(&d.text), d.gold.clone()))
        .collect();
    Measures {
        strict: score(&pairs, Phi::Strict),
        head: score(&pairs, Phi::Head),
        prop: score(&pairs, Phi::Prop),
    }
}

/// Trains on `train_docs` with the default options, scores `dev_docs`.
pub fn eval_docs(train_docs: &[Muc4Doc], dev_docs: &[Muc4Doc]) -> (Params, Measures) {
    eval_docs_with(train_docs, dev_docs, TrainOptions::default())
}

/// Trains on `train_docs` with `opts`, scores `dev_docs`: (calibrated decisions, measures).
pub fn eval_docs_with(
    train_docs: &[Muc4Doc],
    dev_docs: &[Muc4Doc],
    opts: TrainOptions,
) -> (Params, Measures) {
    let ex = Extractor::train(train_docs, opts);
    let m = evaluate(&ex, dev_docs);
    (ex.params, m)
}

/// `dossier eval muc4`: learns from `train`, scores `dev` (GRIT JSON-lines files).
pub fn eval_muc4(dev: &Path, train: &Path) -> Result<Muc4Report, Muc4Error> {
    let train_docs = read_docs(train)?;
    let dev_docs = read_docs(dev)?;
    let (params, m) = eval_docs(&train_docs, &dev_docs);
    Ok(Muc4Report {
        dev_file: dev.to_owned(),
        train_file: train.to_owned(),
        train_docs: train_docs.len(),
        dev_docs: dev_docs.len(),
        params,
        strict: m.strict,
        head: m.head,
        prop: m.prop,
    })
}
