//! Evaluation on TR-News (`shared/data/geoparsing/TR-News.xml`): toponym recognition (span overlap)
//! and resolution (accuracy within 161 km), end to end from NER and with the gold toponyms given.

use std::fmt;
use std::path::{Path, PathBuf};

use dossier_core::entity::EntityMention;
use dossier_core::span::Span;
use serde::Serialize;

use crate::gazetteer::{haversine_km, Gazetteer};
use crate::mentions_from_ner;

/// Errors reading the evaluation file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file holds no TR-News article.
    #[error("{0}: no <article> with <text> found (not TR-News XML?)")]
    Format(PathBuf),
}

/// A gold toponym: byte span in the article text, and its point when annotated.
#[derive(Debug, Clone, Serialize)]
pub struct GoldToponym {
    /// Byte offsets in the text.
    pub span: Span,
    /// The phrase as annotated.
    pub phrase: String,
    /// GeoNames name of the gold entry.
    pub name: String,
    /// Gold point, if annotated.
    pub point: Option<(f64, f64)>,
}

/// One TR-News article.
#[derive(Debug, Clone, Serialize)]
pub struct TrDoc {
    /// Article id.
    pub docid: String,
    /// Article text.
    pub text: String,
    /// Gold toponyms.
    pub toponyms: Vec<GoldToponym>,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses TR-News XML. Gold offsets (characters) become byte offsets; toponyms whose offsets do
/// not fit the text are dropped.
pub fn parse_trnews(xml: &str) -> Vec<TrDoc> {
    let mut docs = Vec::new();
    for art in xml.split("<article").skip(1) {
        let docid = between(art, "docid=\"", "\"").unwrap_or("").to_owned();
        let Some(raw) = between(art, "<text>", "</text>") else {
            continue;
        };
        let text = match raw.trim_start().strip_prefix("<![CDATA[") {
            Some(r) => r
                .strip_suffix("]]>")
                .or_else(|| r.trim_end().strip_suffix("]]>"))
                .unwrap_or(r)
                .to_owned(),
            None => unescape(raw),
        };
        let offs: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut toponyms = Vec::new();
        for t in art.split("<toponym>").skip(1) {
            let num = |tag: &str| -> Option<usize> {
                between(t, &format!("<{tag}>"), &format!("</{tag}>"))?
                    .trim()
                    .parse()
                    .ok()
            };
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                continue;
            };
            let (Some(&bs), Some(&be)) = (offs.get(s), offs.get(e)) else {
                continue;
            };
            if bs >= be {
                continue;
            }
            let phrase = unescape(between(t, "<phrase>", "</phrase>").unwrap_or(""));
            // Some articles' offsets are shifted by a few characters: re-anchor the phrase to its
            // nearest occurrence (within 300 bytes) when the text at the offsets differs.
            let (bs, be) = if text.get(bs..be) == Some(phrase.as_str()) || phrase.is_empty() {
                (bs, be)
            } else {
                match text
                    .match_indices(phrase.as_str())
                    .map(|(i, _)| i)
                    .min_by_key(|i| i.abs_diff(bs))
                    .filter(|i| i.abs_diff(bs) <= 300)
                {
                    Some(i) => (i, i + phrase.len()),
                    None => (bs, be),
                }
            };
            let f = |tag: &str| -> Option<f64> {
                between(t, &format!("<{tag}>"), &format!("</{tag}>"))?
                    .trim()
                    .parse()
                    .ok()
            };
            let point = match (f("lat"), f("lon")) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            toponyms.push(GoldToponym {
                span: Span { start: bs, end: be },
                phrase,
                name: unescape(between(t, "<name>", "</name>").unwrap_or("")),
                point,
            });
        }
        docs.push(TrDoc {
            docid,
            text,
            toponyms,
        });
    }
    docs
}

/// Scores of one mode.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    /// Gold toponyms.
    pub gold: usize,
    /// Predicted (resolved) toponyms.
    pub predicted: usize,
    /// Predicted toponyms overlapping a gold one.
    pub true_positive: usize,
    /// Gold toponyms overlapped by a prediction.
    pub recalled: usize,
    /// Precision of recognition.
    pub precision: f64,
    /// Recall of recognition.
    pub recall: f64,
    /// F1 of recognition.
    pub f1: f64,
    /// Recalled gold toponyms that have a gold point.
    pub resolvable: usize,
    /// Of those, resolved within 161 km of the gold point.
    pub within_161km: usize,
    /// `within_161km / resolvable`.
    pub accuracy_161km: f64,
    /// Share of all gold toponyms with a point that were found and resolved within 161 km.
    pub end_to_end_161km: f64,
    /// Mean error in km over the resolvable toponyms.
    pub mean_error_km: f64,
    /// The largest errors: (doc, mention, predicted, gold, km).
    pub worst: Vec<ErrorCase>,
}

/// One resolution error.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorCase {
    /// Article id.
    pub docid: String,
    /// The mention.
    pub mention: String,
    /// What it resolved to ("name, admin1, CC").
    pub predicted: String,
    /// Gold name.
    pub gold: String,
    /// Distance in km.
    pub km: f64,
}

/// Evaluation report: both modes.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The file evaluated.
    pub file: String,
    /// Articles.
    pub documents: usize,
    /// NER mentions → geocoder.
    pub end_to_end: Scores,
    /// Gold toponym spans → geocoder.
    pub gold_toponyms: Scores,
    /// Time to load the gazetteer (ms; 0 if it was loaded before).
    pub gazetteer_load_ms: f64,
    /// Places in the gazetteer.
    pub gazetteer_places: usize,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn score_mode(
    g: &Gazetteer,
    docs: &[TrDoc],
    mentions: &[Vec<EntityMention>],
    gold: bool,
) -> Scores {
    let mut s = Scores::default();
    let mut errs: Vec<ErrorCase> = Vec::new();
    let mut total_km = 0.0;
    let mut with_point = 0usize;
    for (d, ms) in docs.iter().zip(mentions) {
        let refs = if gold {
            g.geocode_spans(&d.text, ms)
        } else {
            g.geocode(&d.text, ms)
        };
        s.gold += d.toponyms.len();
        with_point += d.toponyms.iter().filter(|t| t.point.is_some()).count();
        s.predicted += refs.len();
        s.true_positive += refs
            .iter()
            .filter(|r| d.toponyms.iter().any(|t| overlaps(t.span, r.span)))
            .count();
        for t in &d.toponyms {
            let Some(r) = refs.iter().find(|r| overlaps(t.span, r.span)) else {
                continue;
            };
            s.recalled += 1;
            let Some((la, lo)) = t.point else { continue };
            s.resolvable += 1;
            let km = haversine_km(r.place.lat, r.place.lon, la, lo);
            total_km += km;
            if km <= 161.0 {
                s.within_161km += 1;
            } else {
                errs.push(ErrorCase {
                    docid: d.docid.clone(),
                    mention: r.text.clone(),
                    predicted: format!(
                        "{}, {}, {}",
                        r.place.name, r.place.admin1, r.place.country_code
                    ),
                    gold: t.name.clone(),
                    km,
                });
            }
        }
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.precision = div(s.true_positive, s.predicted);
    s.recall = div(s.recalled, s.gold);
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
    s.accuracy_161km = div(s.within_161km, s.resolvable);
    s.end_to_end_161km = div(s.within_161km, with_point);
    s.mean_error_km = if s.resolvable == 0 {
        0.0
    } else {
        total_km / s.resolvable as f64
    };
    errs.sort_by(|a, b| b.km.total_cmp(&a.km));
    errs.truncate(
        std::env::var("DOSSIER_GEO_WORST")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(15),
    );
    s.worst = errs;
    s
}

/// Evaluates parsed articles: end to end (NER mentions) and with the gold spans given.
pub fn eval_trnews_docs(docs: &[TrDoc], ner: &dossier_ner::Model) -> (Scores, Scores) {
    let g = Gazetteer::global();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let ents = ner.entities_batch(&texts);
    let e2e: Vec<Vec<EntityMention>> = docs
        .iter()
        .zip(&ents)
        .map(|(d, e)| mentions_from_ner(&d.text, e))
        .collect();
    let gold: Vec<Vec<EntityMention>> = docs
        .iter()
        .map(|d| {
            d.toponyms
                .iter()
                .map(|t| EntityMention {
                    span: t.span,
                    label: "GPE".into(),
                    text: d
                        .text
                        .get(t.span.start..t.span.end)
                        .unwrap_or("")
                        .to_owned(),
                    source: "gold".into(),
                })
                .collect()
        })
        .collect();
    (
        score_mode(g, docs, &e2e, false),
        score_mode(g, docs, &gold, true),
    )
}

/// Runs the TR-News evaluation on the file at `path`.
pub fn eval_trnews(path: &Path, ner: &dossier_ner::Model) -> Result<Report, Error> {
    let xml = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let docs = parse_trnews(&xml);
    if docs.is_empty() {
        return Err(Error::Format(path.to_path_buf()));
    }
    let t = std::time::Instant::now();
    let g = Gazetteer::global();
    let gazetteer_load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let (end_to_end, gold_toponyms) = eval_trnews_docs(&docs, ner);
    Ok(Report {
        file: path.display().to_string(),
        documents: docs.len(),
        end_to_end,
        gold_toponyms,
        gazetteer_load_ms,
        gazetteer_places: g.len(),
    })
}

fn write_scores(f: &mut fmt::Formatter<'_>, name: &str, s: &Scores) -> fmt::Result {
    writeln!(f, "{name}")?;
    writeln!(
        f,
        "  toponyms: gold {}  predicted {}  P {:.3}  R {:.3}  F1 {:.3}",
        s.gold, s.predicted, s.precision, s.recall, s.f1
    )?;
    writeln!(
        f,
        "  resolution: {}/{} within 161 km = accuracy@161km {:.3}  (end to end {:.3}, mean error {:.0} km)",
        s.within_161km, s.resolvable, s.accuracy_161km, s.end_to_end_161km, s.mean_error_km
    )?;
    if !s.worst.is_empty() {
        writeln!(f, "  worst errors:")?;
        for e in &s.worst {
            writeln!(
                f,
                "    {:>7.0} km  {}  {:?} -> {}  (gold {})",
                e.km, e.docid, e.mention, e.predicted, e.gold
            )?;
        }
    }
    Ok(())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "TR-News geocoding: {} ({} articles; gazetteer {} places, loaded in {:.0} ms)",
            self.file, self.documents, self.gazetteer_places, self.gazetteer_load_ms
        )?;
        write_scores(
            f,
            "end to end (NER GPE/LOC/FAC/NORP -> geocode)",
            &self.end_to_end,
        )?;
        write_scores(
            f,
            "gold toponyms given (resolution only)",
            &self.gold_toponyms,
        )
    }
}
