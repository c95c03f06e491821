//! Speed and memory of the whole annotation pipeline (`dossier_knowledge::analyze`: sentences,
//! time expressions, NER, alias matching, actors, geocoding, quantities, attributions, events,
//! facts) on one core, beside NER alone and spaCy 3.8's full `en_core_web_sm` pipeline on the
//! same text. The headline row is `analyze_batch` over batches of 32 documents, as
//! `dossier analyze` runs it (NER grouped, everything else per document); one `analyze` call per
//! document, `analyze_linked_batch` and whole articles are shown too, and the bench checks that
//! batching changes no result.
//!
//! Run: `cargo bench -p dossier-knowledge --bench pipeline`. The corpus is built at run time as
//! `crates/ner/benches/ner.rs` builds it: TBAQ news paragraphs from
//! `shared/data/tempeval3/tbaq-cleaned`, one per line, until 50,000 words, written to
//! `target/pipeline-bench/corpus.txt`. Every paragraph is analysed with its article's DCT as the
//! publication date (nothing reads the clock). Everything runs on this thread (no rayon). Each
//! configuration reports the best of 3 timed runs after a warm-up on its first 64 units
//! (paragraphs, articles or batches; the machine may be shared: contention only slows a run
//! down). Peak memory is the process's peak resident
//! set (VmHWM) after the configuration's runs; the NER rows are measured before the knowledge
//! base is loaded.
//!
//! When Python can import spaCy, `scripts/spacy_ner_reference.py bench --full` (all of
//! tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner; `nlp.pipe`, batch 64) and
//! `... bench` (NER only) run on the same file in their own processes with BLAS/OpenMP threads
//! pinned to 1. Settings (environment): `PIPELINE_BENCH_WORDS` (corpus size, default 50000),
//! `PIPELINE_BENCH_SPACY=0` skips spaCy, `PYTHON` (default `python3`), `DOSSIER_MODEL` (the NER
//! model; default `models/en_core_web_sm`, fetched by `scripts/fetch-model.sh`).
//!
//! Below the table, a breakdown by stage (one more single run through a copy of the stage calls
//! in `crates/knowledge/src/analyze.rs`) shows where the pipeline's time goes.

#[path = "../../ner/benches/support/tbaq.rs"]
mod tbaq;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use tbaq::{peak_rss_mb, strip_tags, walk};

use chrono::NaiveDate;
use dossier_core::{EntityMention, Span, Timestamp};
use dossier_knowledge::analyze::{analyze_batch, analyze_linked_batch, BatchItem};
use dossier_knowledge::Resources;

/// Timed runs per configuration (both sides); the best is reported.
const REPEATS: usize = 3;
/// Units (paragraphs, articles, batches) run once before timing (caches, lazily built tables).
const WARM_UP: usize = 64;
/// Documents per `Model::entities_group` call, as `Model::entities_batch` groups them.
const GROUP: usize = 16;
/// Documents per `analyze_batch` call (`dossier analyze --batch`'s default).
const BATCH: usize = 32;
/// The target for the whole pipeline on one core.
const TARGET_WORDS_PER_S: f64 = 20_000.0;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One corpus line: a paragraph, its article's creation date, the article's index.
struct Para {
    text: String,
    dct: Option<NaiveDate>,
    article: usize,
}

/// TBAQ paragraphs in file order until `words_wanted` words: the corpus of the NER bench (the
/// same lines), plus each article's DCT.
fn corpus(words_wanted: usize) -> Vec<Para> {
    let dir = manifest().join("../../../shared/data/tempeval3/tbaq-cleaned");
    let mut files: Vec<PathBuf> = walk(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut words = 0;
    'files: for (article, f) in files.iter().enumerate() {
        let body = std::fs::read_to_string(f).unwrap_or_default();
        let (Some(a), Some(b)) = (body.find("<TEXT>"), body.find("</TEXT>")) else {
            continue;
        };
        let dct = dct(&body);
        let text = strip_tags(&body[a + 6..b]);
        for para in text.split("\n\n") {
            let line = para.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                continue;
            }
            words += line.split_whitespace().count();
            out.push(Para {
                text: line,
                dct,
                article,
            });
            if words >= words_wanted {
                break 'files;
            }
        }
    }
    out
}

/// The `value` of the TIMEX3 inside `<DCT>` (`1998-08-07`, sometimes with a time of day).
fn dct(body: &str) -> Option<NaiveDate> {
    let a = body.find("<DCT>")?;
    let rest = &body[a..body[a..].find("</DCT>").map_or(body.len(), |e| a + e)];
    let v = rest.find("value=\"")? + 7;
    NaiveDate::parse_from_str(rest.get(v..v + 10)?, "%Y-%m-%d").ok()
}

/// Best of [`REPEATS`] runs of `f` over all units, after a warm-up on the first [`WARM_UP`];
/// returns (seconds, what `f` counted in the last run).
fn best_of<T>(units: &[T], mut f: impl FnMut(&T) -> usize) -> (f64, usize) {
    for u in &units[..units.len().min(WARM_UP)] {
        black_box(f(u));
    }
    let mut best = f64::INFINITY;
    let mut n = 0;
    for _ in 0..REPEATS {
        let t0 = Instant::now();
        n = units.iter().map(&mut f).sum();
        best = best.min(t0.elapsed().as_secs_f64());
    }
    (best, n)
}

/// One table row.
struct Row {
    name: String,
    words_per_s: f64,
    mb_per_s: f64,
    rss_mb: f64,
    note: String,
}

fn row(name: &str, words: usize, bytes: usize, secs: f64, rss_mb: f64, note: String) -> Row {
    Row {
        name: name.into(),
        words_per_s: words as f64 / secs,
        mb_per_s: bytes as f64 / 1e6 / secs,
        rss_mb,
        note,
    }
}

/// The analysis run stage by stage (the calls of `analyze::run`, same order and inputs), adding
/// each stage's time to `acc`.
fn staged(text: &str, published: Option<&Timestamp>, res: &Resources, acc: &mut Stages) {
    let mut t = Instant::now();
    let mut lap = |acc: &mut Stages, name: &'static str| {
        let now = Instant::now();
        *acc.entry(name).or_default() += (now - t).as_secs_f64();
        t = now;
    };
    let annotated = dossier_annotate::annotate_at(text, published, "en");
    lap(acc, "annotate (sentences, time expressions)");
    let ents = res
        .ner
        .as_ref()
        .map(|m| m.entities(text))
        .unwrap_or_default();
    lap(acc, "NER");
    let names: Vec<EntityMention> = dossier_geo::mentions_from_ner(text, &ents);
    lap(acc, "NER -> mentions");
    let matches = res.matcher.find(text);
    lap(acc, "alias matcher");
    let actors = dossier_claims::actors_from_matches(text, &annotated.sentences, &matches, &res.kb);
    lap(acc, "actors");
    let discovered = dossier_entities::discover_aliases(text);
    for d in &discovered {
        black_box(res.kb.resolve_discovered(d));
    }
    lap(acc, "discovered aliases");
    let places = dossier_geo::geocode(text, &names);
    lap(acc, "geocoding");
    let input = dossier_claims::Input {
        text,
        language: "en",
        dct: published.map(Timestamp::local_date),
        sentences: &annotated.sentences,
        timexes: &annotated.time_expressions,
        names: &names,
        actors: &actors,
        places: &places,
        dateline: annotated.dateline,
    };
    black_box(dossier_claims::extract(&input));
    lap(acc, "extraction (quantities, attributions, events, facts)");
    let spans: Vec<Span> = annotated.sentences.iter().map(|s| s.span).collect();
    black_box(dossier_entities::link::link_found(
        text,
        &spans,
        &names,
        &matches,
        &discovered,
        &res.kb,
    ));
    lap(acc, "linking (analyze_linked only)");
}

type Stages = BTreeMap<&'static str, f64>;

/// Runs `scripts/spacy_ner_reference.py bench FILE [--full]` with one BLAS/OpenMP thread; the
/// JSON line it prints.
fn spacy(corpus: &Path, model_dir: &Path, full: bool) -> Option<serde_json::Value> {
    let script = manifest().join("../../scripts/spacy_ner_reference.py");
    let py = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let mut cmd = Command::new(&py);
    cmd.arg(&script)
        .arg("bench")
        .arg(corpus)
        .arg("--model")
        .arg(model_dir)
        .arg("--repeat")
        .arg(REPEATS.to_string());
    if full {
        cmd.arg("--full");
    }
    for v in [
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "BLIS_NUM_THREADS",
        "VECLIB_MAXIMUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    ] {
        cmd.env(v, "1");
    }
    match cmd.output() {
        Ok(o) if o.status.success() => {
            let out = String::from_utf8_lossy(&o.stdout);
            serde_json::from_str(out.lines().last().unwrap_or("{}")).ok()
        }
        Ok(o) => {
            eprintln!(
                "spaCy side failed (pip install \"spacy>=3.8,<3.9\"): {}",
                String::from_utf8_lossy(&o.stderr)
            );
            None
        }
        Err(e) => {
            eprintln!("cannot run {py}: {e}");
            None
        }
    }
}

fn main() {
    let model_dir = dossier_ner::find_model(None)
        .or_else(|| {
            let p = manifest()
                .join("../..")
                .join(dossier_ner::DEFAULT_MODEL_DIR);
            p.join("ner/model").is_file().then_some(p)
        })
        .filter(|p| p.join("ner/model").is_file());
    let Some(model_dir) = model_dir else {
        eprintln!("SKIP bench: no model (run scripts/fetch-model.sh or set DOSSIER_MODEL)");
        return;
    };
    let want: usize = std::env::var("PIPELINE_BENCH_WORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let paras = corpus(want);
    if paras.is_empty() {
        eprintln!("SKIP bench: no TBAQ files under ../shared/data/tempeval3/tbaq-cleaned");
        return;
    }
    let words: usize = paras
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum();
    let bytes: usize = paras.iter().map(|p| p.text.len()).sum();
    let out_dir = manifest().join("../../target/pipeline-bench");
    std::fs::create_dir_all(&out_dir).unwrap();
    let corpus_path = out_dir.join("corpus.txt");
    let lines: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    std::fs::write(&corpus_path, lines.join("\n") + "\n").unwrap();
    let dated: Vec<(&str, Option<Timestamp>)> = paras
        .iter()
        .map(|p| (p.text.as_str(), p.dct.map(Timestamp::from_date)))
        .collect();
    // The same paragraphs as whole articles (paragraphs joined by blank lines), for the row
    // that analyses documents as `dossier analyze` does.
    let mut articles: Vec<(String, Option<Timestamp>)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if i > 0 && paras[i - 1].article == p.article {
            let last = articles.last_mut().unwrap();
            last.0.push_str("\n\n");
            last.0.push_str(&p.text);
        } else {
            articles.push((p.text.clone(), p.dct.map(Timestamp::from_date)));
        }
    }
    let mut rows = Vec::new();

    // NER alone, before the knowledge base is loaded (its peak memory is the model's).
    let t0 = Instant::now();
    let model = dossier_ner::Model::load(&model_dir).unwrap();
    let load_ner = t0.elapsed().as_secs_f64();
    let (t, n_ents) = best_of(&lines, |d| model.entities(d).len());
    rows.push(row(
        "Dossier NER only (`Model::entities` per paragraph, as the pipeline calls it)",
        words,
        bytes,
        t,
        peak_rss_mb(),
        format!("{n_ents} entities"),
    ));
    let groups: Vec<&[&str]> = lines.chunks(GROUP).collect();
    let mut ws = dossier_ner::Workspace::new();
    let (t, _) = best_of(&groups, |g| {
        model.entities_group(g, &mut ws).iter().map(Vec::len).sum()
    });
    rows.push(row(
        "Dossier NER only (groups of 16, as `entities_batch` on 1 thread)",
        words,
        bytes,
        t,
        peak_rss_mb(),
        String::new(),
    ));
    let (t, _) = best_of(&articles, |(text, _)| model.entities(text).len());
    rows.push(row(
        &format!(
            "Dossier NER only (`Model::entities`, {} whole articles)",
            articles.len()
        ),
        words,
        bytes,
        t,
        peak_rss_mb(),
        String::new(),
    ));

    let t0 = Instant::now();
    let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
    let res = Resources::new(kb, Some(model));
    let load_kb = t0.elapsed().as_secs_f64();

    // The per-document API, then batches as `dossier analyze` runs them (`analyze_pending`:
    // `analyze_linked_batch` over --batch 32 documents; the NER grouped within each batch).
    let (t, _) = best_of(&dated, |(text, ts)| {
        dossier_knowledge::analyze(text, ts.as_ref(), "en", &res)
            .extraction
            .events
            .len()
    });
    rows.push(row(
        "Dossier full pipeline (`analyze`, one call per paragraph)",
        words,
        bytes,
        t,
        peak_rss_mb(),
        String::new(),
    ));
    let batches: Vec<Vec<BatchItem>> = dated
        .chunks(BATCH)
        .map(|c| c.iter().map(|(t, ts)| (*t, ts.as_ref(), "en")).collect())
        .collect();
    let (t, n_events) = best_of(&batches, |b| {
        analyze_batch(b, &res)
            .iter()
            .map(|a| a.extraction.events.len())
            .sum()
    });
    rows.push(row(
        &format!("**Dossier full pipeline** (`analyze_batch`, {BATCH} paragraphs a batch)"),
        words,
        bytes,
        t,
        peak_rss_mb(),
        format!("{n_events} events"),
    ));
    let full_wps = words as f64 / t;
    let (t, n_links) = best_of(&batches, |b| {
        analyze_linked_batch(b, &res)
            .iter()
            .map(|(_, l)| l.mentions.len())
            .sum()
    });
    rows.push(row(
        &format!(
            "Dossier pipeline + linking (`analyze_linked_batch`, {BATCH} paragraphs a batch, as `dossier analyze`)"
        ),
        words,
        bytes,
        t,
        peak_rss_mb(),
        format!("{n_links} linked mentions"),
    ));
    let article_batches: Vec<Vec<BatchItem>> = articles
        .chunks(BATCH)
        .map(|c| {
            c.iter()
                .map(|(t, ts)| (t.as_str(), ts.as_ref(), "en"))
                .collect()
        })
        .collect();
    let (t, n_events_docs) = best_of(&article_batches, |b| {
        analyze_batch(b, &res)
            .iter()
            .map(|a| a.extraction.events.len())
            .sum()
    });
    rows.push(row(
        &format!(
            "Dossier full pipeline (`analyze_batch`, {} whole articles, {BATCH} a batch)",
            articles.len()
        ),
        words,
        bytes,
        t,
        peak_rss_mb(),
        format!("{n_events_docs} events"),
    ));
    // Batching changes nothing in the results.
    for b in batches.iter().chain(&article_batches) {
        for (a, &(text, ts, lang)) in analyze_batch(b, &res).iter().zip(b) {
            assert!(
                *a == dossier_knowledge::analyze(text, ts, lang, &res),
                "analyze_batch differs from analyze on {text:?}"
            );
        }
    }

    // One more run, stage by stage.
    let mut stages = Stages::new();
    let t0 = Instant::now();
    for (text, ts) in &dated {
        staged(text, ts.as_ref(), &res, &mut stages);
    }
    let staged_total = t0.elapsed().as_secs_f64();

    if std::env::var("PIPELINE_BENCH_SPACY").as_deref() != Ok("0") {
        for (full, name) in [
            (
                true,
                "spaCy {v} full pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner)",
            ),
            (false, "spaCy {v} NER only"),
        ] {
            if let Some(v) = spacy(&corpus_path, &model_dir, full) {
                let secs = v["seconds"].as_f64().unwrap_or(f64::NAN);
                let name = name.replace("{v}", v["spacy"].as_str().unwrap_or("?"));
                rows.push(row(
                    &format!("{name} (`nlp.pipe`, batch 64)"),
                    v["words"].as_u64().unwrap_or(0) as usize,
                    v["bytes"].as_u64().unwrap_or(0) as usize,
                    secs,
                    v["peak_rss_mb"].as_f64().unwrap_or(f64::NAN),
                    format!("{} entities", v["entities"]),
                ));
            } else {
                break;
            }
        }
    }

    println!(
        "corpus: {} TBAQ paragraphs from {} articles, {words} words, {:.2} MB ({}); one thread, best of {REPEATS}; NER model load {load_ner:.2}s, knowledge base + matcher {load_kb:.2}s",
        paras.len(),
        articles.len(),
        bytes as f64 / 1e6,
        corpus_path.display()
    );
    println!("| implementation | words/s | MB/s | peak RSS MB | output |\n|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {:.0} | {:.3} | {:.0} | {} |",
            r.name, r.words_per_s, r.mb_per_s, r.rss_mb, r.note
        );
    }
    println!(
        "\nfull pipeline on one core: {full_wps:.0} words/s ({} the {TARGET_WORDS_PER_S:.0} words/s target)",
        if full_wps >= TARGET_WORDS_PER_S {
            "meets"
        } else {
            "BELOW"
        }
    );
    println!(
        "\nstages (one run, one call per paragraph, NER ungrouped, {staged_total:.2}s):\n| stage | seconds | share |\n|---|---|---|"
    );
    let mut by_time: Vec<_> = stages.into_iter().collect();
    by_time.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, s) in by_time {
        println!("| {name} | {s:.3} | {:.0}% |", 100.0 * s / staged_total);
    }
}
