//! Throughput of the time-expression stage alone: words per second over the TBAQ TEXT repeated.
//! `cargo bench -p dossier-annotate --bench timex` (reads ../shared/data/tempeval3 in place).

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/tempeval3/tbaq-cleaned");
    let mut docs = Vec::new();
    match dossier_annotate::timeml::timeml_files(&dir) {
        Ok(files) => {
            for f in files {
                if let Ok(raw) = std::fs::read_to_string(&f) {
                    if let Ok(d) = dossier_annotate::timeml::parse(&raw) {
                        docs.push((d.plain, d.dct));
                    }
                }
            }
        }
        Err(e) => {
            eprintln!("skipping bench: {e}");
            return;
        }
    }
    let words: usize = docs.iter().map(|(t, _)| t.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    // Warm up, then run for a few seconds.
    let mut found = 0usize;
    for (t, d) in &docs {
        found += dossier_annotate::extract(t, *d).len();
    }
    let mut rounds = 0usize;
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < 3.0 {
        for (t, d) in &docs {
            found += dossier_annotate::annotate(t, *d, "en")
                .time_expressions
                .len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let wps = (words * rounds) as f64 / secs;
    println!(
        "timex: {} docs, {words} words, {:.1} MB per round; {rounds} rounds in {secs:.2} s: {:.0} words/s ({:.1} MB/s), {} expressions",
        docs.len(),
        bytes as f64 / 1e6,
        wps,
        (bytes * rounds) as f64 / secs / 1e6,
        found
    );
}
