//! Trigger detection scored on WikiEvents (Li, Ji and Han 2021) for the event types the dossier
//! tracks: attack, explosion, death, injury and arrest.
//!
//! Each document's text is rebuilt from its tokens (joined by one space, each token's byte span
//! kept), Dossier's own detectors run over it sentence by sentence — the event trigger lexicon
//! ([`crate::triggers::find`]) for attacks and arrests, the cue lexicon ([`crate::cues`]) for
//! deaths, injuries and explosions — and predicted spans are mapped back to tokens. A prediction
//! matches a gold trigger when their token ranges overlap (one to one, in text order):
//! identification ignores the type, classification needs the same type.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use dossier_core::claims::EventKind;
use dossier_core::Span;
use serde::{Deserialize, Serialize};

use crate::cues::{self, Cue};
use crate::triggers;

/// Errors reading a WikiEvents file.
#[derive(Debug, thiserror::Error)]
pub enum WikiError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A line is not a WikiEvents document.
    #[error("{path}:{line}: not a WikiEvents document: {source}")]
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
    #[error("{0}: no WikiEvents document found")]
    Empty(PathBuf),
}

/// The scored event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// `Conflict.Attack.*` except explosions.
    Attack,
    /// `Conflict.Attack.DetonateExplode` (and any explosion type of another family).
    Explode,
    /// `Life.Die.*`.
    Die,
    /// `Life.Injure.*`.
    Injure,
    /// `Justice.ArrestJailDetain.*`.
    Arrest,
}

impl Class {
    /// All classes in report order.
    pub const ALL: [Class; 5] = [
        Class::Attack,
        Class::Explode,
        Class::Die,
        Class::Injure,
        Class::Arrest,
    ];

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Attack => "attack",
            Class::Explode => "explode",
            Class::Die => "die",
            Class::Injure => "injure",
            Class::Arrest => "arrest",
        }
    }

    /// The class of a WikiEvents (KAIROS) event type, if it is scored.
    pub fn of_event_type(t: &str) -> Option<Class> {
        let lower = t.to_ascii_lowercase();
        if lower.starts_with("conflict.attack.") || lower == "conflict.attack" {
            if lower.contains("explo") {
                Some(Class::Explode)
            } else {
                Some(Class::Attack)
            }
        } else if lower.contains("explo") {
            Some(Class::Explode)
        } else if lower.starts_with("life.die") {
            Some(Class::Die)
        } else if lower.starts_with("life.injure") {
            Some(Class::Injure)
        } else if lower.starts_with("justice.arrestjaildetain") {
            Some(Class::Arrest)
        } else {
            None
        }
    }
}

/// A detected trigger: its byte span in the text and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// Byte span into the text.
    pub span: Span,
    /// The class.
    pub class: Class,
}

fn class_of_trigger(t: &triggers::Trigger) -> Option<Class> {
    match t.kind {
        EventKind::Attack => match t.subkind {
            Some("bombing") | Some("suicide_bombing") => Some(Class::Explode),
            _ => Some(Class::Attack),
        },
        EventKind::Plot => Some(Class::Attack),
        EventKind::LeaderKilled => Some(Class::Die),
        EventKind::Arrest => Some(Class::Arrest),
        _ => None,
    }
}

/// Triggers of the scored classes in `text`, sentence by sentence (`sentences` are byte spans;
/// empty means the whole text). An attack of no finer type in a sentence that also reports an
/// explosion counts as an explosion. Sorted by position; overlapping detections of one class
/// are merged into the first.
pub fn detect(text: &str, sentences: &[Span]) -> Vec<Detected> {
    let whole = [Span::new(0, text.len())];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    let mut out: Vec<Detected> = Vec::new();
    for &s in sentences {
        let mut here: Vec<Detected> = Vec::new();
        let mut untyped: Vec<usize> = Vec::new();
        for t in triggers::find(text, s, "en") {
            if let Some(class) = class_of_trigger(&t) {
                if class == Class::Attack && t.subkind.is_none() && t.kind == EventKind::Attack {
                    untyped.push(here.len());
                }
                here.push(Detected {
                    span: t.span,
                    class,
                });
            }
        }
        for (cue, span) in cues::find(text, s) {
            let class = match cue {
                Cue::Die => Class::Die,
                Cue::Injure => Class::Injure,
                Cue::Explode => Class::Explode,
            };
            here.push(Detected { span, class });
        }
        if here.iter().any(|d| d.class == Class::Explode) {
            for i in untyped {
                here[i].class = Class::Explode;
            }
        }
        here.sort_by_key(|d| (d.span.start, d.span.end, d.class));
        for d in here {
            let dup = out.iter().any(|o| {
                o.class == d.class && o.span.start < d.span.end && d.span.start < o.span.end
            });
            if !dup {
                out.push(d);
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end, d.class));
    out
}

#[derive(Deserialize)]
struct RawTrigger {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawMention {
    event_type: String,
    trigger: RawTrigger,
}

#[derive(Deserialize)]
struct RawDoc {
    #[serde(default)]
    doc_id: String,
    tokens: Vec<String>,
    /// `[[[token, start, end], ...], sentence text]` per sentence: only the token counts are used.
    #[serde(default)]
    sentences: Vec<(Vec<serde_json::Value>, serde_json::Value)>,
    #[serde(default)]
    event_mentions: Vec<RawMention>,
}

/// One document ready for scoring: the rebuilt text, token byte spans, sentence byte spans and
/// the gold triggers of the scored classes as token ranges `[start, end)`.
#[derive(Debug, Clone)]
pub struct WikiDoc {
    /// Document id.
    pub doc_id: String,
    /// The tokens joined by single spaces.
    pub text: String,
    /// Byte span of each token in `text`.
    pub tokens: Vec<Span>,
    /// Byte span of each sentence in `text`.
    pub sentences: Vec<Span>,
    /// Gold triggers: token range and class.
    pub gold: Vec<(usize, usize, Class)>,
}

fn build(raw: RawDoc) -> WikiDoc {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(raw.tokens.len());
    for (i, t) in raw.tokens.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(t);
        tokens.push(Span::new(start, text.len()));
    }
    let mut sentences = Vec::new();
    let mut first = 0usize;
    for (toks, _) in &raw.sentences {
        let last = (first + toks.len()).min(tokens.len());
        if last > first {
            sentences.push(Span::new(tokens[first].start, tokens[last - 1].end));
        }
        first = last;
    }
    if first < tokens.len() {
        // Tokens not covered by the sentence list form one more sentence.
        sentences.push(Span::new(tokens[first].start, text.len()));
    }
    let mut gold: Vec<(usize, usize, Class)> = raw
        .event_mentions
        .iter()
        .filter_map(|m| {
            let c = Class::of_event_type(&m.event_type)?;
            let end = m.trigger.end.min(tokens.len());
            (m.trigger.start < end).then_some((m.trigger.start, end, c))
        })
        .collect();
    gold.sort_unstable();
    gold.dedup();
    WikiDoc {
        doc_id: raw.doc_id,
        text,
        tokens,
        sentences,
        gold,
    }
}

/// Parses WikiEvents JSON lines; `path` only names the source in errors.
pub fn parse_docs(content: &str, path: &Path) -> Result<Vec<WikiDoc>, WikiError> {
    let mut docs = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(line).map_err(|source| WikiError::Json {
            path: path.to_owned(),
            line: i + 1,
            source,
        })?;
        docs.push(build(raw));
    }
    Ok(docs)
}

/// Reads a WikiEvents JSON-lines file.
pub fn read_docs(path: &Path) -> Result<Vec<WikiDoc>, WikiError> {
    let content = fs::read_to_string(path).map_err(|source| WikiError::Io {
        path: path.to_owned(),
        source,
    })?;
    let docs = parse_docs(&content, path)?;
    if docs.is_empty() {
        return Err(WikiError::Empty(path.to_owned()));
    }
    Ok(docs)
}

/// The token range `[first, last)` a byte span covers (empty when it covers none).
fn token_range(tokens: &[Span], span: Span) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.end <= span.start);
    let last = tokens.partition_point(|t| t.start < span.end);
    (first, last.max(first))
}

/// Counts and measures of one line of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prf {
    /// Class name, "micro" or "identification".
    pub label: String,
    /// Matched predictions.
    pub tp: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold triggers.
    pub gold: usize,
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(label: &str, tp: usize, pred: usize, gold: usize) -> Prf {
        let p = if pred == 0 {
            0.0
        } else {
            tp as f64 / pred as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            label: label.to_owned(),
            tp,
            pred,
            gold,
            p,
            r,
            f1,
        }
    }
}

/// The result of `dossier eval wikievents`.
#[derive(Debug, Clone, Serialize)]
pub struct WikiReport {
    /// The scored file.
    pub file: PathBuf,
    /// Documents.
    pub docs: usize,
    /// Per class (trigger classification), in [`Class::ALL`] order.
    pub classes: Vec<Prf>,
    /// Classification, micro-averaged over the classes.
    pub micro: Prf,
    /// Identification: a prediction of any scored class overlapping a gold trigger of any.
    pub identification: Prf,
}

impl fmt::Display for WikiReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "WikiEvents triggers (attack, explode, die, injure, arrest): {} documents, token overlap match",
            self.docs
        )?;
        writeln!(
            f,
            "{:<16} {:>7} {:>7} {:>7} {:>5} {:>5} {:>5}",
            "type", "P", "R", "F1", "tp", "pred", "gold"
        )?;
        for p in self
            .classes
            .iter()
            .chain([&self.micro, &self.identification])
        {
            writeln!(
                f,
                "{:<16} {:>7.2} {:>7.2} {:>7.2} {:>5} {:>5} {:>5}",
                p.label,
                p.p * 100.0,
                p.r * 100.0,
                p.f1 * 100.0,
                p.tp,
                p.pred,
                p.gold
            )?;
        }
        Ok(())
    }
}

/// One-to-one matches of predictions to gold triggers in text order: a prediction takes the
/// first unused gold trigger it overlaps (of its class when `typed`). Returns the matched
/// predictions' classes.
fn matches(
    pred: &[(usize, usize, Class)],
    gold: &[(usize, usize, Class)],
    typed: bool,
) -> Vec<Class> {
    let mut used = vec![false; gold.len()];
    let mut out = Vec::new();
    for &(a, b, c) in pred {
        let hit = gold
            .iter()
            .enumerate()
            .position(|(i, &(ga, gb, gc))| !used[i] && a < gb && ga < b && (!typed || gc == c));
        if let Some(i) = hit {
            used[i] = true;
            out.push(c);
        }
    }
    out
}

/// Scores detection on parsed documents.
pub fn score_docs(docs: &[WikiDoc], file: &Path) -> WikiReport {
    let mut tp = [0usize; 5];
    let mut pred = [0usize; 5];
    let mut gold = [0usize; 5];
    let mut id_tp = 0usize;
    let idx = |c: Class| Class::ALL.iter().position(|&x| x == c).unwrap_or(0);
    for d in docs {
        let found: Vec<(usize, usize, Class)> = detect(&d.text, &d.sentences)
            .into_iter()
            .map(|x| {
                let (a, b) = token_range(&d.tokens, x.span);
                (a, b, x.class)
            })
            .filter(|(a, b, _)| a < b)
            .collect();
        for &(_, _, c) in &found {
            pred[idx(c)] += 1;
        }
        for &(_, _, c) in &d.gold {
            gold[idx(c)] += 1;
        }
        for c in matches(&found, &d.gold, true) {
            tp[idx(c)] += 1;
        }
        id_tp += matches(&found, &d.gold, false).len();
    }
    let classes: Vec<Prf> = Class::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| Prf::new(c.as_str(), tp[i], pred[i], gold[i]))
        .collect();
    let (st, sp, sg) = (tp.iter().sum(), pred.iter().sum(), gold.iter().sum());
    WikiReport {
        file: file.to_owned(),
        docs: docs.len(),
        classes,
        micro: Prf::new("micro", st, sp, sg),
        identification: Prf::new("identification", id_tp, sp, sg),
    }
}

/// `dossier eval wikievents`: detects triggers in every document of `path` and scores them.
pub fn eval_wikievents(path: &Path) -> Result<WikiReport, WikiError> {
    let docs = read_docs(path)?;
    Ok(score_docs(&docs, path))
}
