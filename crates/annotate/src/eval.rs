//! Scoring against gold TIMEX3 tags with the TempEval-3 measures: strict (exact extent) and
//! relaxed (overlapping extent) precision, recall and F1; type and value accuracy over relaxed
//! matches, and attribute F1 = accuracy × relaxed F1. Also the most frequent errors.

use crate::timeml::{self, GoldTimex};
use crate::Error;
use dossier_core::annotation::TimeExpression;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

/// Counts and measures for one set of documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub files: usize,
    pub gold: usize,
    pub system: usize,
    pub strict_matches: usize,
    pub relaxed_matches: usize,
    pub type_correct: usize,
    pub value_correct: usize,
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub strict_f1: f64,
    pub relaxed_precision: f64,
    pub relaxed_recall: f64,
    pub relaxed_f1: f64,
    pub type_accuracy: f64,
    pub value_accuracy: f64,
    pub type_f1: f64,
    pub value_f1: f64,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.files += o.files;
        self.gold += o.gold;
        self.system += o.system;
        self.strict_matches += o.strict_matches;
        self.relaxed_matches += o.relaxed_matches;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }

    fn finish(&mut self) {
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let f1 = |p: f64, r: f64| {
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        self.strict_precision = div(self.strict_matches, self.system);
        self.strict_recall = div(self.strict_matches, self.gold);
        self.strict_f1 = f1(self.strict_precision, self.strict_recall);
        self.relaxed_precision = div(self.relaxed_matches, self.system);
        self.relaxed_recall = div(self.relaxed_matches, self.gold);
        self.relaxed_f1 = f1(self.relaxed_precision, self.relaxed_recall);
        self.type_accuracy = div(self.type_correct, self.relaxed_matches);
        self.value_accuracy = div(self.value_correct, self.relaxed_matches);
        self.type_f1 = self.type_accuracy * self.relaxed_f1;
        self.value_f1 = self.value_accuracy * self.relaxed_f1;
    }
}

/// One frequent error.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorCount {
    pub count: usize,
    /// The expression (lower-cased).
    pub text: String,
    /// Gold value (for wrong values and missed expressions).
    pub gold: String,
    /// Our value (for wrong values and spurious expressions).
    pub system: String,
}

/// The result of [`eval_timex`].
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Per subset: the first folder under the scored directory (e.g. `AQUAINT`, `TimeBank`).
    pub subsets: Vec<(String, Scores)>,
    pub total: Scores,
    pub wrong_values: Vec<ErrorCount>,
    pub missed: Vec<ErrorCount>,
    pub spurious: Vec<ErrorCount>,
}

const WORST: usize = 15;

/// Score our time expressions against the gold TIMEX3 tags of every TimeML file under `dir`.
pub fn eval_timex(dir: &Path) -> Result<EvalReport, Error> {
    let files = timeml::timeml_files(dir)?;
    if files.is_empty() {
        return Err(Error::Empty(dir.to_path_buf()));
    }
    let mut subsets: BTreeMap<String, Scores> = BTreeMap::new();
    let mut wrong: HashMap<(String, String, String), usize> = HashMap::new();
    let mut missed: HashMap<(String, String), usize> = HashMap::new();
    let mut spurious: HashMap<(String, String), usize> = HashMap::new();
    for f in &files {
        let raw = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
        let doc = timeml::parse(&raw).map_err(|message| Error::Format {
            path: f.clone(),
            message,
        })?;
        let sys = doc.annotate();
        let rel = f.strip_prefix(dir).unwrap_or(f);
        let subset = match rel.components().count() {
            0 | 1 => "all".to_string(),
            _ => rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let s = score_doc(
            &doc.plain,
            &doc.gold,
            &sys,
            &mut wrong,
            &mut missed,
            &mut spurious,
        );
        subsets.entry(subset).or_default().add(&s);
    }
    let mut total = Scores::default();
    let mut subsets: Vec<(String, Scores)> = subsets.into_iter().collect();
    for (_, s) in &mut subsets {
        total.add(s);
        s.finish();
    }
    total.finish();
    let top = |m: HashMap<(String, String, String), usize>| {
        let mut v: Vec<ErrorCount> = m
            .into_iter()
            .map(|((text, gold, system), count)| ErrorCount {
                count,
                text,
                gold,
                system,
            })
            .collect();
        v.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.text.cmp(&b.text))
                .then_with(|| a.gold.cmp(&b.gold))
        });
        v.truncate(WORST);
        v
    };
    let missed = missed
        .into_iter()
        .map(|((t, g), c)| ((t, g, String::new()), c))
        .collect();
    let spurious = spurious
        .into_iter()
        .map(|((t, s), c)| ((t, String::new(), s), c))
        .collect();
    Ok(EvalReport {
        subsets,
        total,
        wrong_values: top(wrong),
        missed: top(missed),
        spurious: top(spurious),
    })
}

fn score_doc(
    plain: &str,
    gold: &[GoldTimex],
    sys: &[TimeExpression],
    wrong: &mut HashMap<(String, String, String), usize>,
    missed: &mut HashMap<(String, String), usize>,
    spurious: &mut HashMap<(String, String), usize>,
) -> Scores {
    let mut s = Scores {
        files: 1,
        gold: gold.len(),
        system: sys.len(),
        ..Scores::default()
    };
    let mut gold_used = vec![false; gold.len()];
    let text_of = |a: usize, b: usize| {
        plain
            .get(a..b)
            .unwrap_or("")
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for t in sys {
        // Prefer the exact match, else the gold tag with the largest overlap.
        let mut best: Option<(usize, usize)> = None;
        for (gi, g) in gold.iter().enumerate() {
            if gold_used[gi] {
                continue;
            }
            let ov = t
                .span
                .end
                .min(g.end)
                .saturating_sub(t.span.start.max(g.start));
            if ov == 0 {
                continue;
            }
            let exact = g.start == t.span.start && g.end == t.span.end;
            let score = if exact { usize::MAX } else { ov };
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((gi, score));
            }
        }
        match best {
            Some((gi, score)) => {
                gold_used[gi] = true;
                let g = &gold[gi];
                s.relaxed_matches += 1;
                if score == usize::MAX {
                    s.strict_matches += 1;
                }
                if g.kind == Some(t.kind) {
                    s.type_correct += 1;
                }
                if g.value == t.value {
                    s.value_correct += 1;
                } else {
                    *wrong
                        .entry((text_of(g.start, g.end), g.value.clone(), t.value.clone()))
                        .or_default() += 1;
                }
            }
            None => {
                *spurious
                    .entry((text_of(t.span.start, t.span.end), t.value.clone()))
                    .or_default() += 1
            }
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !gold_used[gi] {
            *missed
                .entry((text_of(g.start, g.end), g.value.clone()))
                .or_default() += 1;
        }
    }
    s
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6}",
            "subset", "files", "gold", "sys", "str-P", "str-R", "str-F1", "rel-P", "rel-R", "rel-F1", "typeAc", "valAc",
            "typeF1", "valF1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, s: &Scores| {
            writeln!(
                f,
                "{:<10} {:>5} {:>5} {:>5} | {:>6.4} {:>6.4} {:>6.4} | {:>6.4} {:>6.4} {:>6.4} | {:>6.4} {:>6.4} | {:>6.4} {:>6.4}",
                name,
                s.files,
                s.gold,
                s.system,
                s.strict_precision,
                s.strict_recall,
                s.strict_f1,
                s.relaxed_precision,
                s.relaxed_recall,
                s.relaxed_f1,
                s.type_accuracy,
                s.value_accuracy,
                s.type_f1,
                s.value_f1
            )
        };
        for (name, s) in &self.subsets {
            row(f, name, s)?;
        }
        row(f, "TOTAL", &self.total)?;
        writeln!(
            f,
            "\nmost frequent wrong values (count, text, gold → ours):"
        )?;
        for e in &self.wrong_values {
            writeln!(
                f,
                "  {:>3}  {:<32} {} → {}",
                e.count, e.text, e.gold, e.system
            )?;
        }
        writeln!(
            f,
            "\nmost frequent missed expressions (count, text, gold value):"
        )?;
        for e in &self.missed {
            writeln!(f, "  {:>3}  {:<32} {}", e.count, e.text, e.gold)?;
        }
        writeln!(
            f,
            "\nmost frequent spurious expressions (count, text, our value):"
        )?;
        for e in &self.spurious {
            writeln!(f, "  {:>3}  {:<32} {}", e.count, e.text, e.system)?;
        }
        Ok(())
    }
}
