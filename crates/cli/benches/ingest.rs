//! Ingest throughput benchmark: the example corpus replicated to at least 10,000 documents
//! (each copy a distinct article), ingested by the real binary on one core and on all cores.
//! Prints documents/s, MB/s and peak memory. Run: `cargo bench -p dossier-cli --bench ingest`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
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

/// Make copy `i` of an HTML page a distinct article: new canonical URL, one extra sentence.
fn vary_html(src: &str, i: usize) -> String {
    let marker = format!("https://bench.example/copy/{i}/");
    let s = src.replace("https://", &marker);
    s.replacen(
        "<p>",
        &format!("<p>Copy number {i} of this report was filed separately. "),
        1,
    )
}

fn run(bin: &str, store: &Path, inputs: &[&Path], jobs: usize) -> serde_json::Value {
    let _ = std::fs::remove_file(store);
    let o = Command::new(bin)
        .arg("--store")
        .arg(store)
        .args(["ingest", "--json", "-q", "-j", &jobs.to_string()])
        .args(inputs)
        .output()
        .expect("run dossier");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("summary")
}

fn main() {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut files = Vec::new();
    files_under(&corpus, &mut files);
    let html: Vec<(PathBuf, String)> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            (
                p.clone(),
                String::from_utf8_lossy(&std::fs::read(p).expect("read")).into_owned(),
            )
        })
        .collect();
    let target = std::env::var("DOSSIER_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000usize);
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("html");
    let second = dir.path().join("html2");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::create_dir(&second).expect("mkdir");
    // Twice the target: the second half is for the memory check (peak memory must not grow
    // with the number of documents).
    let mut bytes = 0usize;
    for i in 0..2 * target {
        let (_, src) = &html[i % html.len()];
        let page = vary_html(src, i);
        if i < target {
            bytes += page.len();
        }
        let dir = if i < target { &input } else { &second };
        std::fs::write(dir.join(format!("{i:06}.html")), page).expect("write");
    }
    println!("ingest benchmark: {target} HTML documents, {:.1} MB (each a near-copy of a corpus page: worst case for near-duplicate detection)", bytes as f64 / 1e6);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for jobs in [1, cores] {
        let store = dir.path().join(format!("bench-{jobs}.db"));
        let s = run(bin, &store, &[&input], jobs);
        report(&format!("jobs={jobs}"), &s, bytes);
    }
    // Memory: the same ingest over twice the documents.
    let s = run(bin, &dir.path().join("double.db"), &[&input, &second], 1);
    report("memory check, 2x documents, jobs=1", &s, 2 * bytes);
}

fn report(what: &str, s: &serde_json::Value, bytes: usize) {
    let secs = s["seconds"].as_f64().unwrap_or(f64::NAN);
    let cpu = s["cpu_seconds"].as_f64().unwrap_or(f64::NAN);
    let docs = s["documents"].as_u64().unwrap_or(0) as f64;
    println!(
        "{what}: {docs} docs in {secs:.2}s wall = {:.0} docs/s, {:.1} MB/s; {cpu:.2}s CPU = {:.0} docs per CPU-second; peak RSS {} MiB",
        docs / secs,
        bytes as f64 / 1e6 / secs,
        docs / cpu,
        s["peak_rss_kib"].as_u64().map_or("?".into(), |k| (k / 1024).to_string()),
    );
}
