//! kill -9 in the middle of an ingest leaves a consistent store holding whole files only, and a
//! re-run completes it to exactly what an uninterrupted run gives.

use super::*;
use std::time::Duration;

const FILES: usize = 480;
const PER_FILE: usize = 25;

const WORDS: &[&str] = &[
    "officials",
    "said",
    "attack",
    "militants",
    "province",
    "security",
    "forces",
    "arrested",
    "suspects",
    "claimed",
    "responsibility",
    "statement",
    "police",
    "killed",
    "wounded",
    "near",
    "capital",
    "group",
    "fighters",
    "border",
    "report",
    "according",
    "ministry",
    "interior",
    "witnesses",
    "explosion",
    "checkpoint",
    "convoy",
    "village",
    "district",
    "army",
    "spokesman",
];

/// A deterministic pseudo-random news-like text, distinct for every (file, item).
fn text(seed: u64) -> String {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = format!("Report {seed}.");
    for i in 0..120 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push(' ');
        out.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
        if i % 15 == 14 {
            out.push('.');
        }
    }
    out
}

fn make_inputs(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    for f in 0..FILES {
        let mut s = String::new();
        for i in 0..PER_FILE {
            let n = (f * PER_FILE + i) as u64;
            let line = serde_json::json!({
                "title": format!("Item {n}"),
                "url": format!("https://wire.example/{f}/{i}"),
                "published": "2024-01-04T10:00:00+03:30",
                "text": text(n),
            });
            s.push_str(&line.to_string());
            s.push('\n');
        }
        std::fs::write(input.join(format!("batch-{f:04}.jsonl")), s).unwrap();
    }
    input
}

#[test]
fn kill_9_mid_ingest_then_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let input = make_inputs(dir.path());
    let reference = dir.path().join("ref.db");
    let started = std::time::Instant::now();
    let (o, _) = ingest_json(&reference, &[&input]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Kill at fractions of an uninterrupted run, so that the test holds on a loaded machine too.
    let full = started.elapsed().as_millis() as u64;
    let expected = docs_json(&reference);
    assert_eq!(expected.as_array().unwrap().len(), FILES * PER_FILE);

    let store = dir.path().join("d.db");
    let mut killed_partway = 0;
    for delay_ms in [10u64, 25, 40, 55, 70, 85].map(|pct| (full * pct / 100).max(20)) {
        let _ = std::fs::remove_file(&store);
        let mut child = dossier()
            .arg("--store")
            .arg(&store)
            .args(["ingest", "-q", "-j", "1"])
            .arg(&input)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if !store.exists() {
            continue;
        }
        {
            let s = dossier_store::SqliteStore::open(&store).expect("store opens after kill -9");
            s.check_integrity().expect("integrity after kill -9");
        }
        let partial = docs_json(&store);
        let n = partial.as_array().unwrap().len();
        assert_eq!(
            n % PER_FILE,
            0,
            "only whole files are stored ({n} documents)"
        );
        if n > 0 && n < FILES * PER_FILE {
            killed_partway += 1;
        }
        // Re-run: completes without duplicates, to exactly the uninterrupted result.
        let (o, s) = ingest_json(&store, &[&input]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            s["new"].as_u64().unwrap() as usize,
            FILES * PER_FILE - n,
            "{s}"
        );
        assert_eq!(docs_json(&store), expected);
    }
    assert!(
        killed_partway > 0,
        "no kill landed in the middle of the ingest; adjust the delays"
    );
}
