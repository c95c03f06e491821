//! Entity-level evaluation on CoNLL files (wikigold, re3d) with PER / ORG / LOC scores.
//!
//! Input: one token per line, the token first and the tag last (space- or tab-separated); blank
//! lines end sentences; `-DOCSTART-` lines are skipped. Tags may be IOB1 or IOB2 (`I-X` after a
//! different type or `O` starts an entity). Every sentence is one text: its tokens joined by single
//! spaces, labelled by the model; an entity counts as correct when its character span and mapped
//! type equal a gold entity's exactly.
//!
//! Label mapping (model → eval type): PERSON → PER; ORG → ORG; GPE, LOC, FAC → LOC; NORP, EVENT,
//! PRODUCT, WORK_OF_ART, LAW, LANGUAGE → MISC; DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL,
//! CARDINAL → not scored. Gold: PER/Person → PER; ORG/Organisation → ORG; LOC/Location → LOC;
//! MISC/Nationality → MISC; other re3d types (Temporal, Money, Weapon, ...) → not scored. MISC is
//! not scored either (its definitions differ too much between datasets); scores cover PER, ORG,
//! LOC and their micro average.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use crate::{Model, NerError};

/// Scored types, in report order.
pub const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// Maps a model label or a gold tag type to the evaluation type (`PER`, `ORG`, `LOC`, `MISC`).
pub fn map_label(label: &str) -> Option<&'static str> {
    Some(match label {
        "PERSON" | "PER" | "Person" => "PER",
        "ORG" | "Organisation" | "Organization" => "ORG",
        "GPE" | "LOC" | "FAC" | "Location" => "LOC",
        "NORP" | "EVENT" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" | "MISC"
        | "Nationality" => "MISC",
        _ => return None,
    })
}

/// Counts for one type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeScore {
    /// `PER`, `ORG`, `LOC` or `ALL` (micro average).
    pub label: &'static str,
    /// Predicted entities matching a gold entity exactly.
    pub tp: usize,
    /// Predicted entities without an exact gold match.
    pub fp: usize,
    /// Gold entities without an exact prediction.
    pub fn_: usize,
}

impl TypeScore {
    /// Precision, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall, 0 when there is no gold entity.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Evaluation result of one CoNLL file.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file evaluated.
    pub file: String,
    /// Sentences (texts) labelled.
    pub sentences: usize,
    /// Tokens in the file.
    pub tokens: usize,
    /// PER, ORG, LOC, then ALL (micro average over the three).
    pub scores: Vec<TypeScore>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} ({} sentences, {} tokens)",
            self.file, self.sentences, self.tokens
        )?;
        writeln!(
            f,
            "{:<5} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}",
            "type", "precision", "recall", "f1", "tp", "fp", "fn"
        )?;
        for s in &self.scores {
            writeln!(
                f,
                "{:<5} {:>9.3} {:>9.3} {:>9.3} {:>6} {:>6} {:>6}",
                s.label,
                s.precision(),
                s.recall(),
                s.f1(),
                s.tp,
                s.fp,
                s.fn_
            )?;
        }
        Ok(())
    }
}

/// One sentence of a CoNLL file: its text and gold entities `(start_char, end_char, type)`.
#[derive(Debug, Clone)]
pub struct GoldSentence {
    /// Tokens joined by single spaces.
    pub text: String,
    /// Gold entities with their mapped type (PER/ORG/LOC/MISC).
    pub entities: Vec<(usize, usize, &'static str)>,
    /// Number of tokens.
    pub tokens: usize,
}

/// Reads a CoNLL file into sentences with gold entities.
pub fn read_conll(content: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut toks: Vec<(&str, &str)> = Vec::new();
    let flush = |toks: &mut Vec<(&str, &str)>, out: &mut Vec<GoldSentence>| {
        if toks.is_empty() {
            return;
        }
        let mut text = String::new();
        let mut ents = Vec::new();
        // Open gold entity: (start_char, raw type).
        let mut open: Option<(usize, &str)> = None;
        let mut pos = 0usize;
        let mut prev_end = 0usize;
        for (i, (tok, tag)) in toks.iter().enumerate() {
            if i > 0 {
                text.push(' ');
                pos += 1;
            }
            let (bio, ty) = match tag.split_once('-') {
                Some((b, t)) if matches!(b, "B" | "I") => (b, t),
                _ => ("O", ""),
            };
            let continues = matches!(open, Some((_, t)) if bio == "I" && t == ty);
            if !continues {
                if let Some((s, t)) = open.take() {
                    if let Some(m) = map_label(t) {
                        ents.push((s, prev_end, m));
                    }
                }
                if bio != "O" {
                    open = Some((pos, ty));
                }
            }
            text.push_str(tok);
            pos += tok.chars().count();
            prev_end = pos;
        }
        if let Some((s, t)) = open.take() {
            if let Some(m) = map_label(t) {
                ents.push((s, prev_end, m));
            }
        }
        out.push(GoldSentence {
            text,
            entities: ents,
            tokens: toks.len(),
        });
        toks.clear();
    };
    for line in content.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut toks, &mut out);
            continue;
        }
        let (tok, tag) = if let Some((t, rest)) = line.split_once('\t') {
            (t, rest.rsplit('\t').next().unwrap_or("O"))
        } else {
            let mut parts = line.split(' ');
            let t = parts.next().unwrap_or("");
            (t, parts.next_back().unwrap_or("O"))
        };
        if tok == "-DOCSTART-" {
            flush(&mut toks, &mut out);
            continue;
        }
        toks.push((tok, tag.trim()));
    }
    flush(&mut toks, &mut out);
    out
}

/// Scores predictions against gold sentences (`preds[i]` = `(start_char, end_char, model label)`).
pub fn score(gold: &[GoldSentence], preds: &[Vec<(usize, usize, String)>]) -> Vec<TypeScore> {
    let mut scores: Vec<TypeScore> = TYPES
        .iter()
        .chain(std::iter::once(&"ALL"))
        .map(|&label| TypeScore {
            label,
            ..TypeScore::default()
        })
        .collect();
    for (g, p) in gold.iter().zip(preds) {
        let gset: HashSet<(usize, usize, &str)> = g.entities.iter().copied().collect();
        let pset: HashSet<(usize, usize, &str)> = p
            .iter()
            .filter_map(|(s, e, l)| map_label(l).map(|m| (*s, *e, m)))
            .collect();
        for (ti, ty) in TYPES.iter().enumerate() {
            for x in pset.iter().filter(|x| x.2 == *ty) {
                if gset.contains(x) {
                    scores[ti].tp += 1;
                } else {
                    scores[ti].fp += 1;
                }
            }
            scores[ti].fn_ += gset
                .iter()
                .filter(|x| x.2 == *ty && !pset.contains(*x))
                .count();
        }
    }
    let (tp, fp, fn_) = scores[..3]
        .iter()
        .fold((0, 0, 0), |a, s| (a.0 + s.tp, a.1 + s.fp, a.2 + s.fn_));
    scores[3].tp = tp;
    scores[3].fp = fp;
    scores[3].fn_ = fn_;
    scores
}

/// Labels every sentence of a CoNLL file with `model` and scores PER, ORG, LOC.
pub fn eval_conll(path: &Path, model: &Model) -> Result<Report, NerError> {
    eval_conll_with(path, model, |_, es| {
        es.iter()
            .map(|e| (e.start, e.end, e.label.to_owned()))
            .collect()
    })
}

/// As [`eval_conll`], with the model's entities of each sentence turned into the predictions by
/// `post(text, entities)` (byte offsets and a model-style label, e.g. after entity linking).
pub fn eval_conll_with<F>(path: &Path, model: &Model, post: F) -> Result<Report, NerError>
where
    F: Fn(&str, &[crate::Entity]) -> Vec<(usize, usize, String)>,
{
    let content = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let gold = read_conll(&content);
    let texts: Vec<&str> = gold.iter().map(|g| g.text.as_str()).collect();
    let chars = |t: &str, b: usize| t.get(..b).map_or(0, |p| p.chars().count());
    let preds: Vec<Vec<(usize, usize, String)>> = model
        .entities_batch(&texts)
        .into_iter()
        .zip(&texts)
        .map(|(es, t)| {
            post(t, &es)
                .into_iter()
                .map(|(s, e, l)| (chars(t, s), chars(t, e), l))
                .collect()
        })
        .collect();
    Ok(Report {
        file: path.display().to_string(),
        sentences: gold.len(),
        tokens: gold.iter().map(|g| g.tokens).sum(),
        scores: score(&gold, &preds),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_and_iob2() {
        let s = read_conll("-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nof O\nIBM I-ORG\n\nA\tB-Location\nB\tI-Location\nC\tB-Location\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "John Smith of IBM");
        assert_eq!(s[0].entities, vec![(0, 10, "PER"), (14, 17, "ORG")]);
        assert_eq!(s[1].entities, vec![(0, 3, "LOC"), (4, 5, "LOC")]);
        let sc = score(
            &s[..1],
            &[vec![(0, 10, "PERSON".into()), (14, 17, "GPE".into())]],
        );
        assert_eq!((sc[0].tp, sc[1].fn_, sc[2].fp), (1, 1, 1));
    }
}
