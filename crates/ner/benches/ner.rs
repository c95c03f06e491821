//! Speed and memory: Dossier NER vs spaCy 3.8 NER-only (`nlp.pipe`, batch 64) on the same ~50k words.
//!
//! `cargo bench -p dossier-ner --bench ner` builds the corpus from `shared/data` (TBAQ news
//! paragraphs, one per line, until 50,000 words) into `target/ner-bench/corpus.txt`, times Dossier
//! on a 1-thread pool and on rayon's global pool (`RAYON_NUM_THREADS`, default all cores), then,
//! when Python can import spaCy, runs
//! `scripts/spacy_ner_reference.py bench` on the same file in its own process with BLAS threads
//! pinned to 1, and prints one table. `NER_BENCH_WORDS` changes the corpus size; `NER_BENCH_SPACY=0`
//! skips spaCy. Each side reports the best of 3 timed runs after a warm-up on 64 documents (the
//! machine may be shared). Peak memory is each process's peak resident set (VmHWM / ru_maxrss),
//! for Dossier measured after each of its runs (every pool thread keeps its own caches).

#[path = "support/tbaq.rs"]
mod tbaq;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;
use tbaq::{peak_rss_mb, strip_tags, walk};

use dossier_ner::Model;

/// Timed runs per configuration (both sides); the best is reported.
const REPEATS: usize = 3;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus(words_wanted: usize) -> Vec<String> {
    let dir = manifest().join("../../../shared/data/tempeval3/tbaq-cleaned");
    let mut files: Vec<PathBuf> = walk(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    let tag = strip_tags;
    let mut out = Vec::new();
    let mut words = 0;
    'files: for f in files {
        let body = std::fs::read_to_string(&f).unwrap_or_default();
        let (Some(a), Some(b)) = (body.find("<TEXT>"), body.find("</TEXT>")) else {
            continue;
        };
        let text = tag(&body[a + 6..b]);
        for para in text.split("\n\n") {
            let line = para.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                continue;
            }
            words += line.split_whitespace().count();
            out.push(line);
            if words >= words_wanted {
                break 'files;
            }
        }
    }
    out
}

/// Times `entities_batch` on a pool of `threads` threads (`None`: rayon's global pool, sized by
/// `RAYON_NUM_THREADS` or the number of cores). Returns (seconds, entities, threads).
fn time_dossier(model: &Model, docs: &[&str], threads: Option<usize>) -> (f64, usize, usize) {
    // Best of REPEATS: the machine may be shared, contention only ever slows a run down.
    let run = || {
        let _ = model.entities_batch(&docs[..docs.len().min(64)]);
        let mut best = f64::INFINITY;
        let mut n = 0;
        for _ in 0..REPEATS {
            let t0 = Instant::now();
            n = model.entities_batch(docs).iter().map(Vec::len).sum();
            best = best.min(t0.elapsed().as_secs_f64());
        }
        (best, n, rayon::current_num_threads())
    };
    match threads {
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .unwrap()
            .install(run),
        None => run(),
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
    let want: usize = std::env::var("NER_BENCH_WORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let docs = corpus(want);
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let out_dir = manifest().join("../../target/ner-bench");
    std::fs::create_dir_all(&out_dir).unwrap();
    let corpus_path = out_dir.join("corpus.txt");
    std::fs::write(&corpus_path, docs.join("\n") + "\n").unwrap();

    let t0 = Instant::now();
    let model = Model::load(&model_dir).unwrap();
    let load_s = t0.elapsed().as_secs_f64();
    let rss_load = peak_rss_mb();
    let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let (t1, n1, _) = time_dossier(&model, &refs, Some(1));
    let rss_1 = peak_rss_mb();
    let (tn, _, cores) = time_dossier(&model, &refs, None);
    let rss = peak_rss_mb();
    if std::env::var("NER_BENCH_TOKENIZER").is_ok_and(|v| v == "1") {
        let t0 = Instant::now();
        let n: usize = refs.iter().map(|d| model.tokens(d).len()).sum();
        let dt = t0.elapsed().as_secs_f64();
        println!(
            "tokenizer alone, cold cache per document: {n} tokens, {:.0} words/s",
            words as f64 / dt
        );
    }

    println!(
        "corpus: {} docs, {words} words ({}); model load {load_s:.2}s; peak RSS after load {rss_load:.0} MB, after the 1-thread run {rss_1:.0} MB",
        docs.len(),
        corpus_path.display()
    );
    println!(
        "| implementation | threads | words/s | peak RSS MB | entities |\n|---|---|---|---|---|"
    );
    println!(
        "| dossier-ner | 1 | {:.0} | {rss_1:.0} | {n1} |",
        words as f64 / t1
    );
    println!(
        "| dossier-ner | {cores} | {:.0} | {rss:.0} | {n1} |",
        words as f64 / tn
    );

    if std::env::var("NER_BENCH_SPACY").is_ok_and(|v| v == "0") {
        return;
    }
    let script = manifest().join("../../scripts/spacy_ner_reference.py");
    let py = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let res = Command::new(&py)
        .arg(&script)
        .arg("bench")
        .arg(&corpus_path)
        .arg("--model")
        .arg(&model_dir)
        .arg("--repeat")
        .arg(REPEATS.to_string())
        .env("OMP_NUM_THREADS", "1")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .env("BLIS_NUM_THREADS", "1")
        .output();
    match res {
        Ok(o) if o.status.success() => {
            let line = String::from_utf8_lossy(&o.stdout);
            let v: serde_json::Value =
                serde_json::from_str(line.lines().last().unwrap_or("{}")).unwrap_or_default();
            let sw = v["words_per_s"].as_f64().unwrap_or(f64::NAN);
            println!(
                "| spaCy {} NER only (nlp.pipe, batch 64) | 1 | {sw:.0} | {:.0} | {} |",
                v["spacy"].as_str().unwrap_or("?"),
                v["peak_rss_mb"].as_f64().unwrap_or(f64::NAN),
                v["entities"]
            );
            println!("speed-up on one core: {:.2}x", (words as f64 / t1) / sw);
        }
        Ok(o) => eprintln!(
            "spaCy side failed (pip install \"spacy>=3.8,<3.9\"): {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => eprintln!("cannot run {py}: {e}"),
    }
}
