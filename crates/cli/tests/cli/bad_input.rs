//! Bad input: every broken file gets one error line naming it, the rest is still ingested, the
//! exit code says something failed, and what was stored before does not change.

use super::*;
use std::io::Write;

#[test]
fn broken_files_are_reported_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("d.db");
    let (o, _) = ingest_json(&store, &[&corpus()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = docs_json(&store);

    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("empty.html"), b"").unwrap();
    std::fs::write(bad.join("blank.txt"), b"  \n\n ").unwrap();
    std::fs::write(
        bad.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    )
    .unwrap();
    std::fs::write(bad.join("big.html"), "<p>x</p>".repeat(200)).unwrap();
    std::fs::write(
        bad.join("feed.xml"),
        b"<?xml version='1.0'?><rss><channel><item><title>cut",
    )
    .unwrap();
    std::fs::write(bad.join("lines.jsonl"), "{\"title\":\"ok\",\"text\":\"Fresh text about the Lido Beach attack in Mogadishu on 2 August 2024.\"}\n{broken\n").unwrap();
    // A gzip WARC cut in the middle of its data.
    let warc = std::fs::read(corpus().join("warc/dossier-crawl-2024.warc.gz")).unwrap();
    std::fs::write(bad.join("cut.warc.gz"), &warc[..warc.len() / 2]).unwrap();
    // A dangling symlink cannot be read.
    #[cfg(unix)]
    std::os::unix::fs::symlink(bad.join("gone.html"), bad.join("dangling.html")).unwrap();
    let good = dir.path().join("good.txt");
    let mut f = std::fs::File::create(&good).unwrap();
    writeln!(f, "Somali forces end hotel siege\n\nUpdated: March 15, 2024 1:05 a.m.\n\nSomali security forces ended a siege of the SYL Hotel in Mogadishu, officials said.").unwrap();

    let o = dossier()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q", "--json", "--max-file-size", "1000"])
        .arg(&bad)
        .arg(&good)
        .arg(dir.path().join("missing.html"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed file makes the exit code non-zero"
    );
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    let expect = [
        ("empty.html", "empty"),
        ("blank.txt", "empty"),
        ("image.txt", "binary"),
        ("big.html", "too large"),
        ("feed.xml", "feed"),
        ("lines.jsonl line 2", "JSON"),
        ("cut.warc.gz", "truncated"),
        ("dangling.html", "no such file"),
        ("missing.html", "no such file"),
    ];
    for (file, reason) in expect {
        let hits: Vec<&&str> = lines.iter().filter(|l| l.contains(file)).collect();
        assert_eq!(
            hits.len(),
            1,
            "exactly one error line for {file}; stderr:\n{err}"
        );
        assert!(
            hits[0].to_lowercase().contains(&reason.to_lowercase()),
            "{file}: {} lacks {reason:?}",
            hits[0]
        );
    }
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["failed_files"], expect.len(), "{s}");
    // The good file and the good JSON line were stored; the truncated WARC kept its complete records.
    assert!(s["new"].as_u64().unwrap() >= 2, "{s}");
    let after = docs_json(&store);
    let after = after.as_array().unwrap();
    for d in before.as_array().unwrap() {
        assert!(after.contains(d), "a stored document changed: {d}");
    }
    let titles: Vec<&str> = after.iter().filter_map(|d| d["title"].as_str()).collect();
    assert!(titles.contains(&"Somali forces end hotel siege"));
    assert!(titles.contains(&"ok"));

    // A store path that is not a database gets a clear error and is left alone.
    let notdb = dir.path().join("notes.txt");
    std::fs::write(&notdb, "my notes, not a database").unwrap();
    let o = run(&notdb, &["ingest", good.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("notes.txt"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&notdb).unwrap(),
        "my notes, not a database"
    );
}
