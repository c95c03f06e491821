//! Linking overhead: alias matching + linking + alias discovery ([`Linker::link_document`]) and
//! gazetteer lookups (`dossier_geo::geocode`) relative to the NER stage's time, on the example
//! corpus (`examples/corpus`, every document of every format). Target: at most 20 %.
//! Run: `cargo bench -p dossier-entities --bench link` (needs the NER model).

use dossier_core::{Document, Span};
use dossier_entities::Linker;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Best of `rounds` timings of `f` over all documents (single-threaded).
fn best<F: FnMut()>(rounds: usize, mut f: F) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let model_dir = dossier_ner::find_model(None)
        .filter(|p| p.exists())
        .unwrap_or_else(|| root.join("models/en_core_web_sm"));
    let Ok(model) = dossier_ner::Model::load(&model_dir) else {
        eprintln!("SKIP: no NER model at {}", model_dir.display());
        return;
    };
    let mut files = Vec::new();
    files_under(&root.join("examples/corpus"), &mut files);
    let mut docs: Vec<Document> = Vec::new();
    for f in &files {
        let _ = dossier_ingest::read_path(
            f,
            &f.display().to_string(),
            dossier_ingest::Limits::default(),
            &mut |d| docs.push(d),
        );
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let linker = Linker::builtin().expect("KB");
    let build = t.elapsed();
    let t = Instant::now();
    let _ = dossier_geo::Gazetteer::global();
    let gaz_load = t.elapsed();
    // Inputs of the timed stages, computed once.
    let ner: Vec<Vec<dossier_core::entity::EntityMention>> = docs
        .iter()
        .map(|d| dossier_geo::mentions_from_ner(&d.text, &model.entities(&d.text)))
        .collect();
    let sentences: Vec<Vec<Span>> = docs
        .iter()
        .map(|d| {
            dossier_annotate::annotate(&d.text, None, "en")
                .sentences
                .iter()
                .map(|s| s.span)
                .collect()
        })
        .collect();
    let rounds = 5;
    let t_ner = best(rounds, || {
        for d in &docs {
            std::hint::black_box(model.entities(&d.text));
        }
    });
    let mut n_linked = 0;
    let t_link = best(rounds, || {
        n_linked = 0;
        for ((d, n), s) in docs.iter().zip(&ner).zip(&sentences) {
            n_linked += std::hint::black_box(linker.link_document(&d.text, s, n))
                .mentions
                .len();
        }
    });
    let mut n_geo = 0;
    let t_geo = best(rounds, || {
        n_geo = 0;
        for (d, n) in docs.iter().zip(&ner) {
            n_geo += std::hint::black_box(dossier_geo::geocode(&d.text, n)).len();
        }
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let pct = |d: Duration| 100.0 * d.as_secs_f64() / t_ner.as_secs_f64();
    println!(
        "corpus: {} documents, {:.1} KB of text; best of {rounds} rounds, one thread",
        docs.len(),
        bytes as f64 / 1e3
    );
    println!("NER (entities):              {:8.2} ms", ms(t_ner));
    println!(
        "linking (match+link+aliases):{:8.2} ms  {:5.1} % of NER  ({n_linked} linked mentions)",
        ms(t_link),
        pct(t_link)
    );
    println!(
        "gazetteer lookups (geocode): {:8.2} ms  {:5.1} % of NER  ({n_geo} places)",
        ms(t_geo),
        pct(t_geo)
    );
    println!(
        "overhead (linking + geo):    {:8.2} ms  {:5.1} % of NER (target <= 20 %)",
        ms(t_link + t_geo),
        pct(t_link + t_geo)
    );
    println!(
        "one-time: KB + matcher build {:.1} ms, gazetteer load {:.1} ms (not per document)",
        ms(build),
        ms(gaz_load)
    );
}
