//! The store crate's one integration-test binary: identity, versions, near-duplicates,
//! transactions, search and migrations against real SQLite files.

use dossier_core::{Document, Format, Provenance, Timestamp};
use dossier_store::{ListFilter, PutOutcome, SqliteStore, Store, StoreTx};

mod entities;

const WIRE: &str =
    "Two explosions tore through a crowd marking the anniversary of Qassem Soleimani's \
death near his tomb in Kerman on Wednesday, Iranian officials said. The blasts, about fifteen \
minutes apart, struck people walking along the road to the cemetery. State television said \
dozens were killed and many more wounded, and the interior minister said the death toll could \
rise. No group immediately claimed responsibility for the attack, which officials called an act \
of terrorism.";

fn doc(url: Option<&str>, text: &str, path: &str) -> Document {
    let mut d = Document::new(
        Format::Jsonl,
        Provenance::at(path, "line 1"),
        text.to_string(),
    );
    d.url = url.map(str::to_string);
    d.title = Some("Blasts in Kerman".into());
    d.published = Timestamp::parse_local("2024-01-03T19:10:00+03:30");
    d
}

fn put_all(store: &mut SqliteStore, docs: &[Document]) -> Vec<PutOutcome> {
    let mut tx = store.begin().unwrap();
    let out = docs.iter().map(|d| tx.put(d).unwrap()).collect();
    tx.commit().unwrap();
    out
}

#[test]
fn identity_versions_and_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let a = doc(Some("https://a.example/kerman"), WIRE, "a.jsonl");
    let out = put_all(&mut s, std::slice::from_ref(&a));
    assert_eq!(
        out,
        vec![PutOutcome::New {
            id: 1,
            near_duplicate_of: None
        }]
    );
    // Same URL and text from another file: a duplicate, with the second arrival recorded.
    let mut again = a.clone();
    again.provenance = Provenance::file("a.html");
    assert_eq!(
        put_all(&mut s, &[again]),
        vec![PutOutcome::Duplicate { id: 1 }]
    );
    // Same text without a URL: the same article.
    assert_eq!(
        put_all(&mut s, &[doc(None, WIRE, "b.txt")]),
        vec![PutOutcome::Duplicate { id: 1 }]
    );
    // Changed text under the same URL: a new version, the old one kept.
    let revised = doc(
        Some("https://a.example/kerman"),
        &WIRE.replace("dozens", "more than 80"),
        "c.jsonl",
    );
    assert_eq!(
        put_all(&mut s, std::slice::from_ref(&revised)),
        vec![PutOutcome::Updated { id: 1, version: 2 }]
    );
    // The old version arriving again is a duplicate, and does not become current.
    assert_eq!(
        put_all(&mut s, std::slice::from_ref(&a)),
        vec![PutOutcome::Duplicate { id: 1 }]
    );
    let got = s.get(1).unwrap().unwrap();
    assert_eq!(got.version, 2);
    assert!(got.document.text.contains("more than 80"));
    assert_eq!(got.versions.len(), 2);
    assert_eq!(got.arrivals.len(), 4, "{:?}", got.arrivals);
    assert_eq!(
        got.document.published.unwrap().local_string(),
        "2024-01-03T19:10:00+03:30"
    );
    // Search sees only the current version.
    assert_eq!(s.search("\"more than 80\"", 10).unwrap().len(), 1);
    assert!(s.search("dozens", 10).unwrap().is_empty());
    s.check_integrity().unwrap();
}

#[test]
fn syndicated_copies_are_linked_not_merged() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let original = doc(Some("https://wire.example/1"), WIRE, "w.jsonl");
    let copy = doc(
        Some("https://paper.example/kerman"),
        &format!("KERMAN, Iran (Wire) — {WIRE} Distributed by Wire."),
        "p.html",
    );
    let exact = doc(Some("https://other.example/k"), WIRE, "o.html");
    let unrelated = doc(
        Some("https://x.example/2"),
        "Somali security forces ended a siege of the SYL Hotel in Mogadishu after gunmen stormed the \
         building near the presidential palace late on Thursday, officials said on Friday. Three \
         soldiers were killed and more than two dozen people wounded, according to the security \
         ministry, and all five attackers were killed. Al-Shabaab said it carried out the attack.",
        "x.html",
    );
    let out = put_all(&mut s, &[original, copy, exact, unrelated]);
    assert_eq!(
        out[0],
        PutOutcome::New {
            id: 1,
            near_duplicate_of: None
        }
    );
    assert_eq!(
        out[1],
        PutOutcome::New {
            id: 2,
            near_duplicate_of: Some(1)
        }
    );
    assert!(
        matches!(
            out[2],
            PutOutcome::New {
                id: 3,
                near_duplicate_of: Some(_)
            }
        ),
        "{:?}",
        out[2]
    );
    assert_eq!(
        out[3],
        PutOutcome::New {
            id: 4,
            near_duplicate_of: None
        }
    );
    let list = s.list(&ListFilter::default()).unwrap();
    let clusters: Vec<i64> = list.iter().map(|d| d.cluster).collect();
    assert_eq!(clusters, vec![1, 1, 1, 4]);
    let two = s.get(2).unwrap().unwrap();
    assert_eq!(two.near_duplicates.len(), 2);
    assert!(two.near_duplicates.iter().all(|n| n.similarity >= 0.6));
    assert_eq!(s.stats().unwrap().clusters, 2);
}

#[test]
fn an_updated_copy_that_no_longer_matches_leaves_the_cluster() {
    // A syndicated copy's URL gets a new text, a report of something else: its near-duplicate
    // link goes and it is a cluster of its own, as in a store that never saw the copy.
    let mut s = SqliteStore::open_in_memory().unwrap();
    let original = doc(Some("https://wire.example/1"), WIRE, "w.jsonl");
    let copy = doc(
        Some("https://paper.example/kerman"),
        &format!("KERMAN, Iran (Wire) — {WIRE} Distributed by Wire."),
        "p.html",
    );
    put_all(&mut s, &[original, copy]);
    assert_eq!(
        s.list(&ListFilter::default())
            .unwrap()
            .iter()
            .map(|d| d.cluster)
            .collect::<Vec<_>>(),
        vec![1, 1]
    );
    let rewritten = doc(
        Some("https://paper.example/kerman"),
        "Somali security forces ended a siege of the SYL Hotel in Mogadishu after gunmen stormed \
         the building near the presidential palace late on Thursday, officials said on Friday. \
         Three soldiers were killed and all five attackers were killed.",
        "p2.html",
    );
    assert_eq!(
        put_all(&mut s, &[rewritten]),
        vec![PutOutcome::Updated { id: 2, version: 2 }]
    );
    let list = s.list(&ListFilter::default()).unwrap();
    assert_eq!(
        list.iter().map(|d| d.cluster).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert!(s.get(2).unwrap().unwrap().near_duplicates.is_empty());
    assert!(s.get(1).unwrap().unwrap().near_duplicates.is_empty());
    assert_eq!(s.stats().unwrap().clusters, 2);
    s.check_integrity().unwrap();
}

#[test]
fn uncommitted_transaction_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut s = SqliteStore::open(&path).unwrap();
    put_all(&mut s, &[doc(Some("https://a.example/1"), WIRE, "a")]);
    {
        let mut tx = s.begin().unwrap();
        tx.put(&doc(
            Some("https://a.example/2"),
            "Another text entirely about something else.",
            "b",
        ))
        .unwrap();
        // dropped without commit
    }
    drop(s);
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.stats().unwrap().documents, 1);
    assert!(s.search("entirely", 5).unwrap().is_empty());
}

#[test]
fn as_of_filter_and_search_fallback() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut early = doc(Some("https://a.example/1"), WIRE, "a");
    early.published = Timestamp::parse_local("2024-01-03");
    let mut late = doc(
        Some("https://a.example/2"),
        "Iran said 35 people were held over the Kerman bombings.",
        "b",
    );
    late.published = Timestamp::parse_local("2024-01-11T14:05:00+03:30");
    put_all(&mut s, &[early, late]);
    let as_of = Timestamp::parse_local("2024-01-05").unwrap();
    let known = s
        .list(&ListFilter {
            published_before: Some(as_of),
            limit: None,
        })
        .unwrap();
    assert_eq!(known.iter().map(|d| d.id).collect::<Vec<_>>(), vec![1]);
    // Unbalanced FTS syntax falls back to plain words.
    assert_eq!(s.search("Kerman (", 5).unwrap().len(), 2);
    assert!(s.search("((", 5).is_err());
}

#[test]
fn not_a_database_is_a_clear_error_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(
        &path,
        "plain text, not SQLite, long enough to have a header of sorts....",
    )
    .unwrap();
    let err = SqliteStore::open(&path).unwrap_err().to_string();
    assert!(err.contains("notes.db"), "{err}");
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("plain text"));
    let err = SqliteStore::open(&dir.path().join("no/such/dir/s.db"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("folder does not exist"), "{err}");
}

#[test]
fn migrates_a_version_1_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A store as schema version 1 left it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        let m1 = include_str!("../../migrations/001_initial.sql");
        conn.execute_batch(m1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let s = SqliteStore::open(&path).unwrap();
    let v: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 5, "migrated to the latest schema");
    s.check_integrity().unwrap();
}
