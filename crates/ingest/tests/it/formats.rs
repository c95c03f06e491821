//! Tests of the non-HTML parsers (text, Markdown, JSON lines, RSS/Atom/JSON Feed, WARC), format
//! detection and whole-file errors over the fixtures in `tests/data/{text,markdown,jsonl,feeds,
//! warc,bad}`, insta snapshots of some of their documents, and property tests that no parser
//! panics on any input. The WARC fixtures are written by `tests/make_warc_fixtures.py`.

use dossier_core::{Diagnostic, Document, Format, Severity, TimePrecision};
use dossier_ingest::{
    dates, detect_format, feed::parse_feed, fragment::fragment_to_text, jsonl::parse_jsonl,
    read_bytes, read_path, text::parse_text, warc::read_warc_bytes, FileOutcome, IngestError,
    Limits,
};
use proptest::prelude::*;
use std::path::PathBuf;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Absolute path of a fixture, for reading. `rel` is relative to `tests/data`.
fn fixture_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// The label passed to the reader: relative to the crate, so that provenance paths and
/// snapshots do not depend on the machine.
fn label(rel: &str) -> String {
    format!("tests/data/{rel}")
}

fn fixture_bytes(rel: &str) -> Vec<u8> {
    let p = fixture_path(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `read_path` on a fixture with the given limits.
fn try_read(rel: &str, limits: Limits) -> Result<(FileOutcome, Vec<Document>), IngestError> {
    let mut docs = Vec::new();
    let out = read_path(&fixture_path(rel), &label(rel), limits, &mut |d| {
        docs.push(d)
    })?;
    Ok((out, docs))
}

/// `read_bytes` on an in-memory input with a file name.
fn read_str(name: &str, content: &str) -> (FileOutcome, Vec<Document>) {
    let mut docs = Vec::new();
    let out = read_bytes(
        content.as_bytes(),
        name,
        Some(name),
        Limits::default(),
        &mut |d| docs.push(d),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    (out, docs)
}

/// `read_path` on a fixture that must be readable.
fn read(rel: &str) -> (FileOutcome, Vec<Document>) {
    let (out, docs) = try_read(rel, Limits::default()).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert_eq!(
        out.documents,
        docs.len(),
        "{rel}: outcome count and documents handed over differ"
    );
    (out, docs)
}

/// `read_bytes` as for standard input: no file name, label `-`.
fn read_stdin_like(rel: &str) -> (FileOutcome, Vec<Document>) {
    let mut docs = Vec::new();
    let out = read_bytes(
        &fixture_bytes(rel),
        "-",
        None,
        Limits::default(),
        &mut |d| docs.push(d),
    )
    .unwrap_or_else(|e| panic!("{rel} as stdin: {e}"));
    assert_eq!(out.documents, docs.len());
    (out, docs)
}

/// The one document of a single-article fixture, which must come without any diagnostic.
fn single(rel: &str) -> Document {
    let (out, mut docs) = read(rel);
    assert!(out.diagnostics.is_empty(), "{rel}: {:?}", out.diagnostics);
    assert_eq!(docs.len(), 1, "{rel}");
    docs.remove(0)
}

fn errors(out: &FileOutcome) -> Vec<&Diagnostic> {
    out.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn warnings(out: &FileOutcome) -> Vec<&Diagnostic> {
    out.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect()
}

fn published(d: &Document) -> (String, String) {
    let t = d
        .published
        .unwrap_or_else(|| panic!("{}: no publication time", d.provenance.display()));
    (t.local_string(), t.utc_string())
}

fn assert_contains(d: &Document, needles: &[&str]) {
    for n in needles {
        assert!(
            d.text.contains(n),
            "{}: {n:?} missing from text:\n{}",
            d.provenance.display(),
            d.text
        );
    }
}

fn assert_lacks(d: &Document, needles: &[&str]) {
    for n in needles {
        assert!(
            !d.text.contains(n),
            "{}: {n:?} should not be in text:\n{}",
            d.provenance.display(),
            d.text
        );
    }
}

/// Extracted text is clean: paragraphs split by exactly one blank line, no CR, no markup.
fn assert_clean_text(d: &Document) {
    let t = &d.text;
    assert!(!t.is_empty(), "{}: empty text", d.provenance.display());
    assert!(!t.contains('\r'), "{}: CR in text", d.provenance.display());
    assert!(
        !t.contains("\n\n\n") && !t.contains("  "),
        "{}: whitespace not collapsed:\n{t}",
        d.provenance.display()
    );
    assert!(
        !t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace),
        "{}: untrimmed",
        d.provenance.display()
    );
    assert!(
        !t.contains('<') && !t.contains("&lt;") && !t.contains("&amp;"),
        "{}: markup left:\n{t}",
        d.provenance.display()
    );
    assert!(
        !t.contains('\u{fffd}'),
        "{}: replacement character (decoding failed):\n{t}",
        d.provenance.display()
    );
    for p in t.split("\n\n") {
        assert!(
            !p.contains('\n'),
            "{}: line break inside a paragraph: {p:?}",
            d.provenance.display()
        );
    }
}

fn locators(docs: &[Document]) -> Vec<&str> {
    docs.iter()
        .map(|d| d.provenance.locator.as_deref().unwrap_or(""))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------------------------

#[test]
fn text_as_of_dateline_after_title_and_kicker() {
    let d = single("text/crocus-ispk-as-of.txt");
    assert_eq!(d.format, Format::Text);
    assert_eq!(
        d.title.as_deref(),
        Some("What is known about the Islamic State's Khorasan branch?")
    );
    // "As of: March 25, 2024 10:57 a.m": a local time with no zone, kept as stated.
    assert_eq!(
        published(&d),
        ("2024-03-25T10:57:00".into(), "2024-03-25T10:57:00Z".into())
    );
    let t = d.published.unwrap();
    assert_eq!(
        (t.offset_seconds, t.precision),
        (None, TimePrecision::Minute)
    );
    assert_eq!(d.provenance.path, "tests/data/text/crocus-ispk-as-of.txt");
    assert_eq!(d.provenance.locator, None);
    assert_eq!(d.language.as_deref(), Some("en"));
    assert_eq!(
        (d.url.as_deref(), d.publisher.as_deref(), d.retrieved),
        (None, None, None)
    );
    assert!(d.metadata.is_empty());
    // The kicker stays as the first paragraph; the dateline and title are not in the text.
    assert!(
        d.text
            .starts_with("Attack near Moscow\n\nThe Islamic State has claimed responsibility"),
        "{}",
        d.text
    );
    assert_lacks(&d, &["As of", "What is known about"]);
    assert_eq!(d.text.split("\n\n").count(), 5);
    assert_clean_text(&d);
    insta::assert_json_snapshot!("text_crocus_ispk_as_of", d);
}

#[test]
fn text_stand_dateline_german() {
    let d = single("text/crocus-stand-de.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Anschlag bei Moskau: Was über die Festgenommenen bekannt ist")
    );
    assert_eq!(
        published(&d),
        ("2024-03-25T11:20:00".into(), "2024-03-25T11:20:00Z".into())
    );
    assert_eq!(d.language.as_deref(), Some("de"));
    assert!(
        d.text
            .starts_with("Nach dem Anschlag auf die Konzerthalle Crocus City Hall"),
        "{}",
        d.text
    );
    assert_contains(
        &d,
        &[
            "Tatverdächtige",
            "„Die Ermittler stehen unter enormem Druck",
        ],
    );
    assert_lacks(&d, &["Stand:", "11:20"]);
    assert_clean_text(&d);
}

#[test]
fn text_updated_dateline_with_zone_keeps_offset() {
    let d = single("text/kerman-updated.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Islamic State says it carried out Kerman bombings")
    );
    // "Updated: January 4, 2024 6:40 p.m. IRST": Iran Standard Time is +03:30.
    assert_eq!(
        published(&d),
        (
            "2024-01-04T18:40:00+03:30".into(),
            "2024-01-04T15:10:00Z".into()
        )
    );
    assert_eq!(d.published.unwrap().offset_seconds, Some(12_600));
    assert_lacks(&d, &["Updated"]);
    assert_contains(&d, &["Qasem Soleimani", "revised the death toll to 84"]);
    assert_clean_text(&d);
}

#[test]
fn text_without_dateline_has_no_publication_time_even_with_an_old_mtime() {
    let d = single("text/mogadishu-no-dateline.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Al-Shabaab fighters storm hotel near Somali presidential palace")
    );
    assert_eq!(d.published, None);
    assert_eq!(d.text.split("\n\n").count(), 4);
    assert_clean_text(&d);

    // The same file with an mtime in the middle of the events: still no date.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mogadishu.txt");
    std::fs::copy(fixture_path("text/mogadishu-no-dateline.txt"), &copy).unwrap();
    let march_2024 = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_710_446_400); // 2024-03-14T20:00Z
    std::fs::File::options()
        .write(true)
        .open(&copy)
        .unwrap()
        .set_modified(march_2024)
        .unwrap();
    let mut docs = Vec::new();
    read_path(&copy, "mogadishu.txt", Limits::default(), &mut |d| {
        docs.push(d)
    })
    .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].published, None);
    assert_eq!(docs[0].retrieved, None);
}

#[test]
fn text_crlf_line_endings() {
    let raw = fixture_bytes("text/mogadishu-lido-crlf.txt");
    assert!(
        raw.windows(2).filter(|w| w == b"\r\n").count() > 5,
        "fixture must have CRLF line endings"
    );
    let d = single("text/mogadishu-lido-crlf.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Dozens killed in attack on Mogadishu beach")
    );
    // "Published: August 3, 2024": a date without time of day.
    assert_eq!(published(&d), ("2024-08-03".into(), "2024-08-03".into()));
    assert_eq!(d.published.unwrap().precision, TimePrecision::Day);
    assert_eq!(d.text.split("\n\n").count(), 3);
    assert!(
        d.text
            .starts_with("At least 32 people were killed and 63 wounded"),
        "{}",
        d.text
    );
    assert!(
        d.text.ends_with("along the Mogadishu seafront."),
        "{:?}",
        d.text
    );
    assert_clean_text(&d);
}

#[test]
fn text_latin1_without_declaration_decodes_umlauts() {
    let raw = fixture_bytes("text/solingen-latin1.txt");
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "fixture must be ISO-8859-1, not UTF-8"
    );
    // The guess is told: names and quotes may need checking.
    let (out, _) = read("text/solingen-latin1.txt");
    let w = warnings(&out);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].location.ends_with("solingen-latin1.txt"), "{w:?}");
    assert!(w[0].message.contains("read as windows-1252"), "{w:?}");
    let (_, mut docs) = read("text/solingen-latin1.txt");
    let d = docs.remove(0);
    assert_eq!(
        d.title.as_deref(),
        Some("Nach dem Messerangriff in Solingen: Tatverdächtiger in Untersuchungshaft")
    );
    assert_eq!(
        published(&d),
        ("2024-08-25T18:05:00".into(), "2024-08-25T18:05:00Z".into())
    );
    assert_eq!(d.language.as_deref(), Some("de"));
    assert_contains(
        &d,
        &[
            "mutmaßlichen Täter",
            "ausländischen",
            "Bürgerinnen und Bürger",
            "»Die Stadt steht unter Schock",
            "hält zusammen«",
        ],
    );
    assert_clean_text(&d);
    insta::assert_json_snapshot!("text_solingen_latin1", d);
}

#[test]
fn text_from_stdin_is_detected_by_content() {
    for rel in [
        "text/crocus-ispk-as-of.txt",
        "text/crocus-stand-de.txt",
        "text/solingen-latin1.txt",
        "text/mogadishu-lido-crlf.txt",
    ] {
        let (out, docs) = read_stdin_like(rel);
        assert_eq!(out.format, Some(Format::Text), "{rel}");
        let legacy = usize::from(rel.contains("latin1"));
        assert_eq!(
            out.diagnostics.len(),
            legacy,
            "{rel}: {:?}",
            out.diagnostics
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].provenance.path, "-");
        // Same document as from the named file, apart from where it came from.
        let mut from_file = read(rel).1.remove(0);
        from_file.provenance = docs[0].provenance.clone();
        assert_eq!(docs[0], from_file, "{rel}");
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

#[test]
fn markdown_front_matter() {
    let d = single("markdown/kerman-front-matter.md");
    assert_eq!(d.format, Format::Markdown);
    assert_eq!(
        d.title.as_deref(),
        Some("Twin blasts kill scores at Soleimani memorial in Kerman")
    );
    assert_eq!(d.publisher.as_deref(), Some("Meridian Wire"));
    assert_eq!(
        published(&d),
        (
            "2024-01-03T19:45:00+03:30".into(),
            "2024-01-03T16:15:00Z".into()
        )
    );
    // utm_*, ref and the trailing slash go.
    assert_eq!(
        d.url.as_deref(),
        Some("https://meridian.example/world/2024/01/03/kerman-blasts")
    );
    assert_eq!(d.language.as_deref(), Some("en"));
    assert_eq!(d.metadata.keys().collect::<Vec<_>>(), ["authors", "tags"]);
    assert_eq!(
        d.metadata["tags"],
        serde_json::json!(["Iran", "Kerman", "explosions"])
    );
    assert_eq!(
        d.metadata["authors"],
        serde_json::json!(["Dara Whitcombe", "Leyla Haddad"])
    );
    // Markup is stripped: bold, links keep their text, images vanish, headings are paragraphs.
    assert!(
        d.text
            .starts_with("Two explosions tore through a crowd in Kerman on Wednesday"),
        "{}",
        d.text
    );
    assert_lacks(
        &d,
        &[
            "**",
            "](",
            "![",
            "wikipedia.org",
            "Ambulances near the cemetery",
            "#",
            "---",
            "title:",
            "utm_",
        ],
    );
    assert!(d.text.contains("\n\nWhat happened\n\n"), "{}", d.text);
    assert_contains(
        &d,
        &["The first blast struck the road leading to the Martyrs' Cemetery."],
    );
    assert_clean_text(&d);
    insta::assert_json_snapshot!("markdown_kerman_front_matter", d);
}

#[test]
fn markdown_heading_title_and_emphasised_dateline() {
    let d = single("markdown/crocus-heading-only.md");
    assert_eq!(d.format, Format::Markdown);
    assert_eq!(
        d.title.as_deref(),
        Some("Four suspects charged over Crocus City Hall attack")
    );
    // "_Updated: 24 March 2024 23:15 MSK_": Moscow time is +03:00.
    assert_eq!(
        published(&d),
        (
            "2024-03-24T23:15:00+03:00".into(),
            "2024-03-24T20:15:00Z".into()
        )
    );
    assert_eq!((d.url.as_deref(), d.publisher.as_deref()), (None, None));
    assert!(
        d.text
            .starts_with("A Moscow court has charged four men with committing a terrorist act"),
        "{}",
        d.text
    );
    assert_lacks(&d, &["Updated", "**", "# "]);
    assert_eq!(d.text.split("\n\n").count(), 3);
    assert_clean_text(&d);
}

#[test]
fn markdown_from_stdin_is_detected_by_content() {
    for rel in [
        "markdown/kerman-front-matter.md",
        "markdown/crocus-heading-only.md",
    ] {
        let (out, docs) = read_stdin_like(rel);
        assert_eq!(out.format, Some(Format::Markdown), "{rel}");
        assert_eq!(docs.len(), 1);
        let mut from_file = read(rel).1.remove(0);
        from_file.provenance = docs[0].provenance.clone();
        assert_eq!(docs[0], from_file, "{rel}");
    }
}

#[test]

fn markdown_single_emphasis_is_stripped() {
    let src = "# Blasts in Kerman\n\nTwo explosions struck near the grave of *Qasem Soleimani* on _Wednesday_, state media said.\n";
    let (doc, _) = parse_text(src.as_bytes(), Format::Markdown, "inline.md");
    let doc = doc.unwrap();
    assert_eq!(
        doc.text,
        "Two explosions struck near the grave of Qasem Soleimani on Wednesday, state media said."
    );
}

#[test]

fn markdown_link_with_parentheses_in_url() {
    let src = "# Kerman\n\nThe city of [Kerman](https://en.wikipedia.org/wiki/Kerman_(city)) lies in south-eastern Iran.\n";
    let (doc, _) = parse_text(src.as_bytes(), Format::Markdown, "inline.md");
    assert_eq!(
        doc.unwrap().text,
        "The city of Kerman lies in south-eastern Iran."
    );
}

#[test]
fn markdown_thematic_breaks_and_empty_front_matter_are_not_text() {
    let src = "# Crocus City Hall\n\nFirst paragraph.\n\n---\n\nSecond paragraph.\n\n* * *\n\nThird paragraph.\n";
    let (doc, _) = parse_text(src.as_bytes(), Format::Markdown, "hr.md");
    assert_eq!(
        doc.unwrap().text,
        "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."
    );
    let (doc, _) = parse_text(
        b"---\n---\n# Crocus City Hall\n\nFirst paragraph.\n",
        Format::Markdown,
        "fm.md",
    );
    let doc = doc.unwrap();
    assert_eq!(doc.title.as_deref(), Some("Crocus City Hall"));
    assert_eq!(doc.text, "First paragraph.");
}

// ---------------------------------------------------------------------------------------------
// JSON lines
// ---------------------------------------------------------------------------------------------

#[test]
fn jsonl_fields_and_metadata() {
    let (out, docs) = read("jsonl/articles.jsonl");
    assert_eq!(out.format, Some(Format::Jsonl));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(locators(&docs), ["line 1", "line 2", "line 3", "line 4"]);
    for d in &docs {
        assert_eq!(d.format, Format::Jsonl);
        assert_eq!(d.provenance.path, "tests/data/jsonl/articles.jsonl");
        assert_clean_text(d);
    }

    let crocus = &docs[0];
    assert_eq!(
        crocus.title.as_deref(),
        Some("Islamic State claims deadly attack on Moscow concert hall")
    );
    assert_eq!(crocus.publisher.as_deref(), Some("Meridian Wire")); // "source" as a string
    assert_eq!(
        published(crocus),
        (
            "2024-03-23T09:30:00+03:00".into(),
            "2024-03-23T06:30:00Z".into()
        )
    );
    assert_eq!(
        crocus.url.as_deref(),
        Some("https://meridian.example/world/2024/03/23/crocus-claim?page=2")
    );
    assert_eq!(crocus.language.as_deref(), Some("en")); // declared "en-GB"
    assert_eq!(
        crocus.metadata.keys().collect::<Vec<_>>(),
        ["authors", "id", "section", "word_count"]
    );
    assert_eq!(crocus.metadata["id"], "mw-2024-0323-001");
    assert_eq!(crocus.metadata["word_count"], 62);
    assert_eq!(crocus.text.split("\n\n").count(), 3);

    let kerman = &docs[1];
    assert_eq!(kerman.publisher.as_deref(), Some("Harbour Post")); // "source": {"name": …}
    assert_eq!(
        published(kerman),
        (
            "2024-01-04T12:10:00+03:30".into(),
            "2024-01-04T08:40:00Z".into()
        )
    );
    assert_eq!(
        kerman.url.as_deref(),
        Some("https://harbourpost.example/news/kerman-mourning")
    ); // fragment dropped
    assert_eq!(kerman.language.as_deref(), Some("en")); // detected
    assert_eq!(
        kerman.metadata.keys().collect::<Vec<_>>(),
        ["id", "keywords"]
    );

    let solingen = &docs[3];
    assert_eq!(solingen.publisher.as_deref(), Some("Ostufer Rundschau")); // "publisher"
    assert_eq!(
        published(solingen),
        (
            "2024-08-25T17:45:00+02:00".into(),
            "2024-08-25T15:45:00Z".into()
        )
    ); // "date"
    assert_eq!(
        solingen.url.as_deref(),
        Some("https://ostufer.example/inland/solingen-haftbefehl")
    ); // "link"
    assert_eq!(solingen.language.as_deref(), Some("de"));
    assert_contains(solingen, &["Bundesgerichtshof", "getötet"]);

    // The line with `html` is checked in its own test; its text depends on the HTML extractor.
    let rest: Vec<&Document> = docs
        .iter()
        .filter(|d| d.provenance.locator.as_deref() != Some("line 3"))
        .collect();
    insta::assert_json_snapshot!("jsonl_articles", rest);
}

#[test]
fn jsonl_html_field_instead_of_text() {
    let (_, docs) = read("jsonl/articles.jsonl");
    let d = &docs[2];
    assert_eq!(d.provenance.locator.as_deref(), Some("line 3"));
    assert_eq!(d.format, Format::Jsonl);
    assert_eq!(
        d.url.as_deref(),
        Some("https://hornmonitor.example/2024/08/03/lido-beach-attack")
    ); // fbclid dropped
    assert_eq!(d.publisher.as_deref(), Some("Horn Monitor"));
    assert_eq!(
        published(d),
        (
            "2024-08-03T08:00:00+03:00".into(),
            "2024-08-03T05:00:00Z".into()
        )
    );
    assert!(
        d.title.as_deref().is_some_and(|t| t.contains("Lido beach")),
        "{:?}",
        d.title
    );
    assert_contains(
        d,
        &[
            "At least 32 people were killed and 63 wounded",
            "Al-Shabaab said its fighters carried out the assault",
        ],
    );
    assert_lacks(d, &["trackPageView", "<p>", "<article>"]);
    assert_eq!(d.metadata.keys().collect::<Vec<_>>(), ["id"]);
    assert_clean_text(d);
}

#[test]
fn jsonl_bad_lines_are_reported_and_good_lines_kept() {
    let (out, docs) = read("jsonl/mixed-bad-lines.jsonl");
    assert_eq!(out.format, Some(Format::Jsonl));
    assert_eq!(locators(&docs), ["line 1", "line 4", "line 7"]);
    assert_eq!(
        docs.iter()
            .map(|d| d.title.as_deref().unwrap())
            .collect::<Vec<_>>(),
        [
            "Al-Shabaab gunmen storm hotel near Mogadishu palace",
            "Siege of Mogadishu hotel ends",
            "Al-Shabaab claims hotel attack"
        ]
    );
    assert!(out.has_errors());
    assert!(warnings(&out).is_empty(), "{:?}", out.diagnostics);
    let errs = errors(&out);
    let at = |n: usize| format!("tests/data/jsonl/mixed-bad-lines.jsonl line {n}");
    assert_eq!(
        errs.iter().map(|d| d.location.clone()).collect::<Vec<_>>(),
        [at(2), at(3), at(5), at(8)],
        "{errs:?}"
    );
    assert!(errs[0].message.starts_with("invalid JSON"), "{}", errs[0]);
    assert!(errs[1].message.contains("not a JSON object"), "{}", errs[1]);
    assert!(errs[2].message.contains("text"), "{}", errs[2]);
    assert!(errs[3].message.contains("truncated"), "{}", errs[3]);
    // Each message names its line when printed.
    for (e, n) in errs.iter().zip([2, 3, 5, 8]) {
        assert!(e.to_string().contains(&format!("line {n}:")), "{e}");
    }
}

#[test]
fn jsonl_from_stdin() {
    let (out, docs) = read_stdin_like("jsonl/mixed-bad-lines.jsonl");
    assert_eq!(out.format, Some(Format::Jsonl));
    assert_eq!(docs.len(), 3);
    assert_eq!(errors(&out).len(), 4);
    assert!(
        errors(&out)[0].location.starts_with("- line 2"),
        "{:?}",
        out.diagnostics
    );
    let (out, docs) = read_stdin_like("jsonl/articles.jsonl");
    assert_eq!((out.format, docs.len()), (Some(Format::Jsonl), 4));
}

#[test]
fn jsonl_relative_url_and_unknown_date_are_warnings() {
    let line = br#"{"title":"Crocus","text":"Four suspects were detained in the Bryansk region.","url":"/world/crocus","published":"last Friday"}"#;
    let mut docs = Vec::new();
    let diags = parse_jsonl(line, "w.jsonl", &mut |d| docs.push(d));
    assert_eq!(docs.len(), 1);
    assert_eq!((docs[0].url.as_deref(), docs[0].published), (None, None));
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(
        diags
            .iter()
            .all(|d| d.severity == Severity::Warning && d.location == "w.jsonl line 1"),
        "{diags:?}"
    );
    assert!(
        diags[0].message.contains("/world/crocus") && diags[1].message.contains("last Friday"),
        "{diags:?}"
    );
}

#[test]
fn jsonl_embedded_html_problems_point_at_the_line() {
    // Found by prop_parse_jsonl_never_panics: a page without article text in an `html` field
    // was reported as "h.jsonl (line 2)", unlike every other record problem.
    let lines = b"{\"title\":\"Lido\",\"text\":\"At least 32 people were killed on Lido beach in Mogadishu.\"}\n{\"html\":\"<html><body><p>Short.</p></body></html>\"}";
    let mut docs = Vec::new();
    let diags = parse_jsonl(lines, "h.jsonl", &mut |d| docs.push(d));
    assert_eq!(docs.len(), 1);
    assert!(!diags.is_empty());
    assert!(
        diags.iter().all(|d| d.location == "h.jsonl line 2"),
        "{diags:?}"
    );
}

#[test]
fn jsonl_numeric_published_is_not_silently_dropped() {
    let line = br#"{"title":"Kerman","text":"Two explosions struck a crowd in Kerman on Wednesday.","published":1704296400}"#;
    let mut docs = Vec::new();
    let diags = parse_jsonl(line, "n.jsonl", &mut |d| docs.push(d));
    let d = &docs[0];
    let used = d
        .published
        .is_some_and(|t| t.utc_string() == "2024-01-03T15:40:00Z");
    let kept = d.metadata.contains_key("published");
    let reported = !diags.is_empty();
    assert!(
        used || kept || reported,
        "numeric `published` vanished: {d:?} {diags:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Feeds
// ---------------------------------------------------------------------------------------------

#[test]
fn rss_prefers_content_and_keeps_offsets() {
    let (out, docs) = read("feeds/meridian-rss.xml");
    assert_eq!(out.format, Some(Format::Rss));
    assert_eq!(locators(&docs), ["item 1", "item 2", "item 3"]);
    // Only the undated third item is reported, as a warning.
    assert!(errors(&out).is_empty(), "{:?}", out.diagnostics);
    let w = warnings(&out);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].location, "tests/data/feeds/meridian-rss.xml item 3");
    for d in &docs {
        assert_eq!(d.format, Format::Rss);
        assert_eq!(d.publisher.as_deref(), Some("Meridian Wire"));
        assert_eq!(d.language.as_deref(), Some("en")); // channel <language>en-gb</language>
        assert_clean_text(d);
    }

    let kerman = &docs[0];
    assert_eq!(
        kerman.title.as_deref(),
        Some("Twin blasts kill scores near Soleimani's tomb in Kerman")
    );
    assert_eq!(
        kerman.url.as_deref(),
        Some("https://meridian.example/world/2024/01/03/kerman-blasts")
    );
    assert_eq!(
        published(kerman),
        (
            "2024-01-03T19:10:00+03:30".into(),
            "2024-01-03T15:40:00Z".into()
        )
    );
    // content:encoded, not the description; figure captions and scripts vanish.
    assert_eq!(
        kerman.text,
        "Two explosions struck a crowd in the Iranian city of Kerman on Wednesday, as people walked to the grave of \
         Qasem Soleimani on the fourth anniversary of his death.\n\nState media said the second blast came minutes after the first."
    );
    assert_eq!(
        kerman.metadata["description"],
        "Two explosions struck a memorial crowd in Kerman."
    );
    assert_eq!(
        kerman.metadata["authors"],
        serde_json::json!(["Dara Whitcombe"])
    );
    assert_eq!(
        kerman.metadata["tags"],
        serde_json::json!(["Iran", "Middle East"])
    );
    assert_eq!(kerman.metadata["feed_item_id"], "meridian-2024-0103-kerman");

    let crocus = &docs[1];
    assert_eq!(
        published(crocus),
        (
            "2024-03-22T16:45:00-04:00".into(),
            "2024-03-22T20:45:00Z".into()
        )
    );
    // Only a description, with escaped markup.
    assert_eq!(
        crocus.text,
        "The Islamic State group said it was behind the shooting and fire at Crocus City Hall in Krasnogorsk, outside Moscow."
    );
    assert!(!crocus.metadata.contains_key("description"));

    assert_eq!(docs[2].published, None);
    assert_eq!(
        docs[2].url.as_deref(),
        Some("https://meridian.example/notes/corrections")
    );
}

#[test]
fn atom_html_content_and_published_over_updated() {
    let (out, docs) = read("feeds/horn-monitor.atom");
    assert_eq!(out.format, Some(Format::Atom));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(locators(&docs), ["item 1", "item 2"]);
    for d in &docs {
        assert_eq!(d.format, Format::Atom);
        assert_eq!(d.publisher.as_deref(), Some("Horn Monitor"));
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_clean_text(d);
    }
    let lido = &docs[0];
    assert_eq!(
        lido.url.as_deref(),
        Some("https://hornmonitor.example/2024/08/03/lido-beach")
    );
    // <published> wins over <updated>, with its offset.
    assert_eq!(
        published(lido),
        (
            "2024-08-03T08:00:00+03:00".into(),
            "2024-08-03T05:00:00Z".into()
        )
    );
    assert_eq!(
        lido.text,
        "At least 32 people were killed and 63 wounded when attackers struck a hotel and crowds on Lido beach in Mogadishu \
         on Friday evening, police said.\n\nAl-Shabaab said its fighters carried out the attack."
    );
    assert_eq!(
        lido.metadata["description"],
        "At least 32 people were killed on Lido beach, police said."
    );
    assert_eq!(lido.metadata["authors"], serde_json::json!(["Amina Farah"]));
    assert_eq!(lido.metadata["tags"], serde_json::json!(["Somalia"]));
    assert_eq!(
        lido.metadata["feed_item_id"],
        "tag:hornmonitor.example,2024:lido-beach"
    );

    let syl = &docs[1];
    assert_eq!(syl.title.as_deref(), Some("Siege of Mogadishu hotel ends"));
    // No <published>: <updated> is the date.
    assert_eq!(
        published(syl),
        (
            "2024-03-15T10:20:00+03:00".into(),
            "2024-03-15T07:20:00Z".into()
        )
    );
    assert_eq!(
        syl.url.as_deref(),
        Some("https://hornmonitor.example/2024/03/15/syl-siege")
    );
}

#[test]

fn atom_html_title_entities_are_decoded() {
    let (_, docs) = read("feeds/horn-monitor.atom");
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Dozens killed in attack on Mogadishu\u{2019}s Lido beach")
    );
}

#[test]

fn feed_modified_is_only_what_the_feed_stated() {
    let (_, rss) = read("feeds/meridian-rss.xml");
    // RSS 2.0 has no update date: nothing may be invented.
    assert!(
        !rss[0].metadata.contains_key("modified"),
        "{:?}",
        rss[0].metadata.get("modified")
    );
    let (_, atom) = read("feeds/horn-monitor.atom");
    // <updated>2024-08-03T11:30:00+03:00</updated>, with the offset the feed gave.
    assert_eq!(atom[0].metadata["modified"], "2024-08-03T11:30:00+03:00");
}

#[test]

fn json_feed_with_bom_is_read() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fixture_bytes("feeds/harbour-post.json"));
    let mut n = 0;
    let out = read_bytes(&bytes, "-", None, Limits::default(), &mut |_| n += 1);
    assert!(
        out.is_ok_and(|o| o.format == Some(Format::JsonFeed)),
        "JSON Feed with BOM refused"
    );
    assert_eq!(n, 2);
}

#[test]
fn json_feed_offsets_survive_an_undated_item() {
    let src = br#"{"version":"https://jsonfeed.org/version/1.1","title":"Harbour Post","items":[
        {"id":"1","content_text":"Islamic State said it carried out the Kerman bombings.","date_published":"2024-01-04T17:20:00+03:30"},
        {"id":"2","content_text":"A note without a date."},
        {"id":"3","content_text":"Iran buried the victims of the Kerman bombings.","date_published":"2024-01-05T10:00:00+03:30"}]}"#;
    let mut docs = Vec::new();
    parse_feed(src, "f.json", &mut |d| docs.push(d)).unwrap();
    assert_eq!(
        docs[0].published.map(|t| t.local_string()).as_deref(),
        Some("2024-01-04T17:20:00+03:30")
    );
    assert_eq!(
        docs[2].published.map(|t| t.local_string()).as_deref(),
        Some("2024-01-05T10:00:00+03:30")
    );
}

#[test]

fn atom_source_dates_are_not_the_entry_date() {
    let src = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Horn Monitor</title>
        <entry><id>tag:hm,2024:syl</id><title>Siege of Mogadishu hotel ends</title>
        <source><id>tag:wire,2020</id><title>Original wire</title><updated>2020-01-01T00:00:00+05:00</updated></source>
        <updated>2024-03-15T10:20:00+03:00</updated>
        <content>Somali security forces said they had ended the siege of the SYL hotel.</content></entry></feed>"#;
    let mut docs = Vec::new();
    parse_feed(src, "f.atom", &mut |d| docs.push(d)).unwrap();
    assert_eq!(
        docs[0].published.map(|t| t.local_string()).as_deref(),
        Some("2024-03-15T10:20:00+03:00")
    );
}

#[test]
fn json_feed_content_html_and_text() {
    let (out, docs) = read("feeds/harbour-post.json");
    assert_eq!(out.format, Some(Format::JsonFeed));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(locators(&docs), ["item 1", "item 2"]);
    let crocus = &docs[0];
    assert_eq!(crocus.format, Format::JsonFeed);
    assert_eq!(
        crocus.title.as_deref(),
        Some("Four detained after Crocus City Hall attack")
    );
    assert_eq!(crocus.publisher.as_deref(), Some("Harbour Post"));
    assert_eq!(
        crocus.url.as_deref(),
        Some("https://harbourpost.example/news/crocus-arrests")
    );
    assert_eq!(
        published(crocus),
        (
            "2024-03-23T14:05:00+03:00".into(),
            "2024-03-23T11:05:00Z".into()
        )
    );
    assert_eq!(
        crocus.text,
        "Russian investigators said four suspects in the attack on Crocus City Hall were detained in the Bryansk region.\n\n\
         All four are citizens of Tajikistan, officials said."
    );
    assert_eq!(
        crocus.metadata["description"],
        "Four suspects detained in Bryansk region."
    );
    assert_eq!(
        crocus.metadata["tags"],
        serde_json::json!(["Russia", "Crocus City Hall"])
    );
    assert_eq!(
        crocus.metadata["authors"],
        serde_json::json!(["Tomas Reyes"])
    );
    let kerman = &docs[1];
    assert_eq!(
        published(kerman),
        (
            "2024-01-04T17:20:00+03:30".into(),
            "2024-01-04T13:50:00Z".into()
        )
    );
    // content_text keeps its paragraphs.
    assert_eq!(kerman.text.split("\n\n").count(), 2);
    assert_eq!(kerman.language.as_deref(), Some("en"));
    for d in &docs {
        assert_clean_text(d);
    }
    insta::assert_json_snapshot!("feed_harbour_post_jsonfeed", docs);
}

#[test]
fn rss_in_iso_8859_1_declared_in_xml_declaration() {
    let raw = fixture_bytes("feeds/ostufer-latin1-rss.xml");
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "fixture must be ISO-8859-1"
    );
    let (out, docs) = read("feeds/ostufer-latin1-rss.xml");
    assert_eq!(out.format, Some(Format::Rss));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Solingen: Tatverdächtiger stellt sich der Polizei")
    );
    assert_eq!(docs[0].publisher.as_deref(), Some("Ostufer Rundschau"));
    assert_eq!(docs[0].language.as_deref(), Some("de"));
    assert_eq!(
        published(&docs[0]),
        (
            "2024-08-25T08:30:00+02:00".into(),
            "2024-08-25T06:30:00Z".into()
        )
    );
    assert_contains(&docs[0], &["getötet", "führt die Bundesanwaltschaft"]);
    assert_eq!(
        published(&docs[1]),
        (
            "2024-08-25T15:00:00+02:00".into(),
            "2024-08-25T13:00:00Z".into()
        )
    );
    assert_contains(&docs[1], &["in der Nähe des Tatorts", "Stadtjubiläum"]);
    for d in &docs {
        assert_clean_text(d);
    }
}

#[test]
fn feed_items_without_text_and_feeds_without_items() {
    let src = b"<rss version=\"2.0\"><channel><title>Meridian Wire</title><item><title>Only a title</title></item></channel></rss>";
    let mut n = 0;
    let out = read_bytes(src, "-", None, Limits::default(), &mut |_| n += 1).unwrap();
    assert_eq!(n, 0);
    assert_eq!(errors(&out).len(), 1, "{:?}", out.diagnostics);
    assert_eq!(errors(&out)[0].location, "- item 1");
    let src = b"<rss version=\"2.0\"><channel><title>Meridian Wire</title></channel></rss>";
    let out = read_bytes(src, "-", None, Limits::default(), &mut |_| n += 1).unwrap();
    assert_eq!(n, 0);
    assert_eq!(errors(&out).len(), 1, "{:?}", out.diagnostics);
    assert!(
        errors(&out)[0].message.contains("no article text"),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn feeds_from_stdin_are_detected_by_content() {
    for (rel, format, n) in [
        ("feeds/meridian-rss.xml", Format::Rss, 3),
        ("feeds/horn-monitor.atom", Format::Atom, 2),
        ("feeds/harbour-post.json", Format::JsonFeed, 2),
        ("feeds/ostufer-latin1-rss.xml", Format::Rss, 2),
    ] {
        let (out, docs) = read_stdin_like(rel);
        assert_eq!((out.format, docs.len()), (Some(format), n), "{rel}");
        assert_eq!(docs[0].provenance.locator.as_deref(), Some("item 1"));
        let (_, from_file) = read(rel);
        assert_eq!(docs[0].text, from_file[0].text, "{rel}");
        assert_eq!(docs[0].published, from_file[0].published, "{rel}");
    }
}

// ---------------------------------------------------------------------------------------------
// WARC
// ---------------------------------------------------------------------------------------------

/// The two HTML responses of the WARC fixtures (records 3 and 4).
fn assert_warc_documents(docs: &[Document], path: &str) {
    assert_eq!(locators(docs), ["record 3", "record 4"]);
    for d in docs {
        assert_eq!(d.format, Format::Warc);
        assert_eq!(d.provenance.path, path);
        assert_clean_text(d);
    }
    // windows-1252 from the HTTP Content-Type header.
    let crocus = &docs[0];
    assert_eq!(
        crocus.url.as_deref(),
        Some("https://ostufer.example/ausland/crocus-anschlag")
    );
    assert_eq!(
        crocus.retrieved.map(|t| t.utc_string()).as_deref(),
        Some("2024-03-25T09:12:30Z")
    );
    assert_eq!(
        published(crocus),
        (
            "2024-03-25T07:40:00+01:00".into(),
            "2024-03-25T06:40:00Z".into()
        )
    );
    assert_eq!(
        crocus.title.as_deref(),
        Some("Anschlag auf Crocus City Hall: Vier Verdächtige in Haft")
    );
    assert_eq!(crocus.language.as_deref(), Some("de"));
    assert_contains(
        crocus,
        &[
            "Der „Islamische Staat“ hatte die Tat",
            "reklamiert – mehr als 130",
            "Björn Schäfer",
            "Männer",
        ],
    );
    // Chunked transfer encoding undone: sentences cut across chunks are whole.
    let kerman = &docs[1];
    assert_eq!(
        kerman.url.as_deref(),
        Some("https://meridian.example/world/2024/01/04/kerman-claim")
    );
    assert_eq!(
        kerman.retrieved.map(|t| t.utc_string()).as_deref(),
        Some("2024-03-25T09:12:31Z")
    );
    assert_eq!(
        published(kerman),
        (
            "2024-01-04T17:20:00+03:30".into(),
            "2024-01-04T13:50:00Z".into()
        )
    );
    assert_eq!(
        kerman.title.as_deref(),
        Some("Islamic State claims Kerman bombings")
    );
    assert_eq!(kerman.language.as_deref(), Some("en"));
    assert_contains(
        kerman,
        &[
            "The Islamic State group has said it carried out the two explosions that killed dozens of people in the Iranian city \
             of Kerman on Wednesday, at a memorial for Qasem Soleimani.",
            "Iran’s officials had earlier blamed Israel and the United States.",
            "The bombings were the deadliest attack in Iran since the 1979 revolution.",
        ],
    );
    // The image response and the 404 page are not articles.
    for d in docs {
        assert_lacks(d, &["Page not found", "JFIF"]);
    }
}

#[test]
fn warc_responses_become_documents() {
    let (out, docs) = read("warc/crocus-kerman.warc");
    assert_eq!(out.format, Some(Format::Warc));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_warc_documents(&docs, "tests/data/warc/crocus-kerman.warc");
}

#[test]
fn warc_gz_one_member_per_record() {
    let raw = fixture_bytes("warc/crocus-kerman.warc.gz");
    let members = raw.windows(3).filter(|w| w == &[0x1f, 0x8b, 0x08]).count();
    assert!(
        members >= 6,
        "expected one gzip member per record, found {members} gzip headers"
    );
    let (out, docs) = read("warc/crocus-kerman.warc.gz");
    assert_eq!(out.format, Some(Format::Warc));
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_warc_documents(&docs, "tests/data/warc/crocus-kerman.warc.gz");
    // Same documents as the uncompressed archive.
    let (_, plain) = read("warc/crocus-kerman.warc");
    for (a, b) in docs.iter().zip(&plain) {
        assert_eq!(
            (&a.text, &a.url, a.retrieved, a.published),
            (&b.text, &b.url, b.retrieved, b.published)
        );
    }
}

#[test]
fn warc_truncated_keeps_records_before_the_cut() {
    let (out, docs) = read("warc/crocus-kerman-truncated.warc.gz");
    assert_eq!(locators(&docs), ["record 3"]);
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://ostufer.example/ausland/crocus-anschlag")
    );
    assert_contains(&docs[0], &["Björn Schäfer"]);
    let errs = errors(&out);
    assert_eq!(errs.len(), 1, "{:?}", out.diagnostics);
    assert!(errs[0].message.contains("truncated"), "{}", errs[0]);
    assert!(
        errs[0]
            .location
            .starts_with("tests/data/warc/crocus-kerman-truncated.warc.gz"),
        "{}",
        errs[0]
    );
}

#[test]
fn warc_from_stdin() {
    for rel in ["warc/crocus-kerman.warc", "warc/crocus-kerman.warc.gz"] {
        let (out, docs) = read_stdin_like(rel);
        assert_eq!(out.format, Some(Format::Warc), "{rel}");
        assert!(out.diagnostics.is_empty(), "{rel}: {:?}", out.diagnostics);
        assert_warc_documents(&docs, "-");
    }
    let (out, docs) = read_stdin_like("warc/crocus-kerman-truncated.warc.gz");
    assert_eq!(docs.len(), 1);
    assert!(
        errors(&out).iter().any(|d| d.message.contains("truncated")),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn warc_is_exempt_from_the_file_size_limit_but_not_from_the_record_limit() {
    let small_files = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let (_, docs) = try_read("warc/crocus-kerman.warc.gz", small_files).unwrap();
    assert_eq!(docs.len(), 2);
    let small_records = Limits {
        max_file_bytes: 100,
        max_record_bytes: 300,
    };
    let (out, docs) = try_read("warc/crocus-kerman.warc", small_records).unwrap();
    assert!(docs.is_empty());
    let skipped = warnings(&out)
        .iter()
        .filter(|d| d.message.contains("exceeds the limit"))
        .count();
    assert_eq!(skipped, 3, "{:?}", out.diagnostics); // records 3, 4 and 6
    assert!(errors(&out).is_empty(), "{:?}", out.diagnostics);
}

/// Read every `step`-th prefix of an archive: no panic, never more documents than the whole
/// archive, documents only ever appear as the cut moves right. Returns (cut, documents, has errors).
fn prefixes(rel: &str, step: usize) -> Vec<(usize, usize, bool)> {
    let raw = fixture_bytes(rel);
    let mut seen = Vec::new();
    let mut last = 0;
    for cut in (0..raw.len()).step_by(step).chain([raw.len()]) {
        let mut n = 0;
        let errs = match read_warc_bytes(&raw[..cut], "cut", Limits::default(), &mut |_| n += 1) {
            Ok(out) => {
                assert_eq!(out.documents, n);
                out.has_errors()
            }
            // "W", "WA", "WAR", "WARC": not a WARC version line.
            Err(IngestError::Malformed { .. }) if cut < 5 => true,
            Err(e) => panic!("{rel} cut at {cut}: {e}"),
        };
        assert!(
            n <= 2 && n >= last,
            "{rel} cut at {cut}: {n} documents after {last}"
        );
        last = n;
        seen.push((cut, n, errs));
    }
    assert_eq!(last, 2, "{rel}: the whole archive");
    seen
}

#[test]
fn warc_every_prefix_is_handled() {
    // Uncompressed: a cut is harmless only at a record boundary (or inside the blank lines that
    // end a record); anywhere else it must be reported.
    let raw = fixture_bytes("warc/crocus-kerman.warc");
    let starts: Vec<usize> = (0..raw.len())
        .filter(|&i| raw[i..].starts_with(b"WARC/1.0\r\n"))
        .collect();
    assert_eq!(starts.len(), 6);
    let clean = |cut: usize| {
        cut == 0 || cut + 4 >= raw.len() || starts.iter().any(|&s| cut <= s && cut + 4 >= s)
    };
    for (cut, n, errs) in prefixes("warc/crocus-kerman.warc", 3) {
        assert_eq!(errs, !clean(cut), "cut at {cut} ({n} documents)");
    }
    // Compressed: cuts anywhere, no panic, monotonic.
    prefixes("warc/crocus-kerman.warc.gz", 5);
}

// ---------------------------------------------------------------------------------------------
// Format detection and files that cannot be read
// ---------------------------------------------------------------------------------------------

#[test]
fn detect_format_of_every_fixture() {
    let cases: &[(&str, Format)] = &[
        ("text/crocus-ispk-as-of.txt", Format::Text),
        ("text/crocus-stand-de.txt", Format::Text),
        ("text/solingen-latin1.txt", Format::Text),
        ("text/mogadishu-lido-crlf.txt", Format::Text),
        ("markdown/kerman-front-matter.md", Format::Markdown),
        ("markdown/crocus-heading-only.md", Format::Markdown),
        ("jsonl/articles.jsonl", Format::Jsonl),
        ("jsonl/mixed-bad-lines.jsonl", Format::Jsonl),
        ("feeds/meridian-rss.xml", Format::Rss),
        ("feeds/ostufer-latin1-rss.xml", Format::Rss),
        ("feeds/horn-monitor.atom", Format::Atom),
        ("feeds/harbour-post.json", Format::JsonFeed),
        ("warc/crocus-kerman.warc", Format::Warc),
        ("warc/crocus-kerman.warc.gz", Format::Warc),
        ("bad/broken-feed.xml", Format::Rss),
    ];
    for (rel, format) in cases {
        let bytes = fixture_bytes(rel);
        let name = rel.rsplit('/').next();
        assert_eq!(detect_format(name, &bytes), Some(*format), "{rel} by name");
        // Without a name (standard input) the content decides, and decides the same.
        assert_eq!(
            detect_format(None, &bytes),
            Some(*format),
            "{rel} by content"
        );
    }
    assert_eq!(
        detect_format(Some("screenshot.txt"), &fixture_bytes("bad/screenshot.txt")),
        None
    );
    assert_eq!(
        detect_format(None, &fixture_bytes("bad/screenshot.txt")),
        None
    );
    // A `.json` name makes JSON lines (or a JSON array of articles) of anything but a JSON Feed;
    // without the name, content starting with `[` is JSON too.
    assert_eq!(
        detect_format(
            Some("not-jsonlines.json"),
            &fixture_bytes("bad/not-jsonlines.json")
        ),
        Some(Format::Jsonl)
    );
    assert_eq!(
        detect_format(None, &fixture_bytes("bad/not-jsonlines.json")),
        Some(Format::Jsonl)
    );
    // A name decides over content that would say otherwise.
    assert_eq!(
        detect_format(Some("notes.txt"), b"<p>not parsed as HTML</p>"),
        Some(Format::Text)
    );
    // ... except a whole feed or page saved as text: what it plainly is.
    assert_eq!(
        detect_format(Some("feed.txt"), &fixture_bytes("feeds/meridian-rss.xml")),
        Some(Format::Rss)
    );
    assert_eq!(
        detect_format(Some("feed.rss"), b"<?xml version='1.0'?><feed>"),
        Some(Format::Rss)
    );
    assert_eq!(
        detect_format(Some("a.ndjson"), b"{\"text\":\"x\"}"),
        Some(Format::Jsonl)
    );
    assert_eq!(
        detect_format(None, b"\xEF\xBB\xBF# Heading\n\nBody"),
        Some(Format::Markdown)
    );
}

#[test]
fn cut_off_html_is_an_error_and_stores_nothing() {
    // The page opens <html> and <body> and stops mid-word: storing it would replace the whole
    // page of the same URL.
    let (out, docs) = read("bad/cut-off.html");
    assert!(docs.is_empty(), "a cut-off page gave documents");
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.severity == dossier_core::Severity::Error
                && d.location == label("bad/cut-off.html")
                && d.message.contains("truncated HTML")),
        "{:?}",
        out.diagnostics
    );
    // The same page closed is read.
    let mut whole = fixture_bytes("bad/cut-off.html");
    whole.extend_from_slice(b"cal precursors.</p></article></body></html>");
    let mut got = Vec::new();
    let r = read_bytes(&whole, "whole.html", None, Limits::default(), &mut |d| {
        got.push(d)
    });
    assert!(r.is_ok() && got.len() == 1, "{r:?}");
}

#[test]
fn empty_and_whitespace_only_files() {
    for rel in ["bad/empty.txt", "bad/whitespace-only.md"] {
        match try_read(rel, Limits::default()) {
            Err(IngestError::Empty { path }) => assert_eq!(path, label(rel)),
            other => panic!("{rel}: expected Empty, got {other:?}"),
        }
        let r = read_bytes(
            &fixture_bytes(rel),
            "-",
            None,
            Limits::default(),
            &mut |_| {},
        );
        assert!(
            matches!(r, Err(IngestError::Empty { .. })),
            "{rel} as stdin: {r:?}"
        );
    }
}

#[test]
fn binary_named_txt_is_rejected() {
    let r = try_read("bad/screenshot.txt", Limits::default());
    assert!(
        matches!(&r, Err(IngestError::Binary { path }) if path == "tests/data/bad/screenshot.txt"),
        "{r:?}"
    );
    let r = read_bytes(
        &fixture_bytes("bad/screenshot.txt"),
        "-",
        None,
        Limits::default(),
        &mut |_| {},
    );
    assert!(matches!(r, Err(IngestError::Binary { .. })), "{r:?}");
}

#[test]
fn pretty_printed_json_array_is_read_as_articles() {
    let (out, docs) = read("bad/not-jsonlines.json");
    assert_eq!(out.format, Some(Format::Jsonl));
    assert!(errors(&out).is_empty(), "{:?}", out.diagnostics);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Pretty-printed JSON is not JSON lines")
    );
    assert_eq!(docs[0].provenance.locator.as_deref(), Some("item 1"));
    // A pretty-printed array that is broken is one error for the file, not one per line.
    let (out, docs) = read_str("broken.json", "[\n  {\n    \"title\": \"x\",\n");
    assert!(docs.is_empty());
    assert_eq!(errors(&out).len(), 1, "{:?}", out.diagnostics);
}

#[test]
fn garbage_feed_is_malformed() {
    let r = try_read("bad/broken-feed.xml", Limits::default());
    match r {
        Err(IngestError::Malformed { path, message }) => {
            assert_eq!(path, "tests/data/bad/broken-feed.xml");
            assert!(message.contains("not a valid feed"), "{message}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn too_large_files_are_refused() {
    let limits = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    for rel in [
        "text/kerman-updated.txt",
        "jsonl/articles.jsonl",
        "feeds/meridian-rss.xml",
        "markdown/crocus-heading-only.md",
    ] {
        match try_read(rel, limits) {
            Err(IngestError::TooLarge { path, size, limit }) => {
                assert_eq!(path, label(rel));
                assert_eq!(size, fixture_bytes(rel).len() as u64);
                assert_eq!(limit, 100);
            }
            other => panic!("{rel}: expected TooLarge, got {other:?}"),
        }
    }
}

#[test]
fn directories_and_missing_files() {
    let r = read_path(
        &fixture_path("text"),
        "tests/data/text",
        Limits::default(),
        &mut |_| {},
    );
    assert!(matches!(r, Err(IngestError::Malformed { .. })), "{r:?}");
    let r = read_path(
        &fixture_path("text/no-such-file.txt"),
        "no-such-file.txt",
        Limits::default(),
        &mut |_| {},
    );
    assert!(matches!(r, Err(IngestError::Io { .. })), "{r:?}");
}

#[test]
fn title_only_text_gives_one_error() {
    let mut n = 0;
    let out = read_bytes(
        b"Kerman bombings: what we know\n",
        "-",
        None,
        Limits::default(),
        &mut |_| n += 1,
    )
    .unwrap();
    assert_eq!(n, 0);
    assert_eq!(errors(&out).len(), 1, "{:?}", out.diagnostics);
}

#[test]

fn utf16_text_with_bom_is_read() {
    let text = "Anschlag bei Moskau\n\nStand: 25.03.2024 11:20 Uhr\n\nVier Tatverdächtige sind in Untersuchungshaft.\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut docs = Vec::new();
    let out = read_bytes(
        &bytes,
        "notepad.txt",
        Some("notepad.txt"),
        Limits::default(),
        &mut |d| docs.push(d),
    )
    .unwrap();
    assert_eq!(out.format, Some(Format::Text));
    assert_eq!(docs[0].title.as_deref(), Some("Anschlag bei Moskau"));
    assert_eq!(
        docs[0].text,
        "Vier Tatverdächtige sind in Untersuchungshaft."
    );
}

// ---------------------------------------------------------------------------------------------
// Dates and datelines
// ---------------------------------------------------------------------------------------------

#[test]
fn datelines_as_news_sites_print_them() {
    let cases = [
        ("As of: March 25, 2024 10:57 a.m", "2024-03-25T10:57:00"),
        ("Stand: 25.03.2024 11:20 Uhr", "2024-03-25T11:20:00"),
        (
            "Updated: January 4, 2024 6:40 p.m. IRST",
            "2024-01-04T18:40:00+03:30",
        ),
        (
            "_Updated: 24 March 2024 23:15 MSK_",
            "2024-03-24T23:15:00+03:00",
        ),
        ("Published: August 3, 2024", "2024-08-03"),
        (
            "Last updated: 22 March 2024, 21:05 GMT",
            "2024-03-22T21:05:00+00:00",
        ),
        (
            "Veröffentlicht: 25. August 2024, 09:14 Uhr",
            "2024-08-25T09:14:00",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(
            dates::parse_dateline(line)
                .map(|t| t.local_string())
                .as_deref(),
            Some(want),
            "{line}"
        );
    }
    for line in [
        "Stand der Ermittlungen: unklar",
        "Published by the Associated Press",
        "Updated guidance for travellers",
        "",
    ] {
        assert_eq!(dates::parse_dateline(line), None, "{line}");
    }
}

#[test]
fn dateline_with_case_changing_characters_does_not_panic() {
    for line in [
        "Stand: İİİİİİİİ",
        "Stand: \u{212A}\u{212A}",
        "Updated: İstanbul, 4 January 2024",
        "As of: \u{212A}ERMAN 3 Jan 2024",
    ] {
        let r = std::panic::catch_unwind(|| dates::parse_dateline(line));
        assert!(r.is_ok(), "{line:?} panicked");
    }
    let (doc, _) = parse_text(
        "Kerman\n\nStand: İİİİİİİİ\n\nTwo explosions struck a crowd.".as_bytes(),
        Format::Text,
        "t.txt",
    );
    assert!(doc.is_some());
}

// ---------------------------------------------------------------------------------------------
// HTML fragments
// ---------------------------------------------------------------------------------------------

#[test]
fn deeply_nested_fragment_does_not_overflow_the_stack() {
    // Inline elements: html5ever parses these in linear time; nested <div>s are quadratic there.
    let html = "<b>".repeat(50_000) + "Kerman";
    assert_eq!(fragment_to_text(&html), "Kerman");
}

// ---------------------------------------------------------------------------------------------
// Property tests: no parser panics on any input
// ---------------------------------------------------------------------------------------------

/// 256 cases each (PROPTEST_CASES overrides, for a longer hunt), and no regression files written
/// next to the sources.
fn config() -> ProptestConfig {
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        ProptestConfig::default().cases
    } else {
        256
    };
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings that mix scripts, controls, markup and date-like pieces.
fn messy_string() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9 .,:;!?'\"-]{0,40}",
        "[äöüßÄÖÜéèçñ€„“”‘’–—…]{0,10}",
        "[\u{0400}-\u{04FF}\u{0600}-\u{06FF}\u{4E00}-\u{4E40}\u{0900}-\u{097F}]{0,10}",
        "[\u{0000}-\u{001F}\u{007F}\u{0085}\u{00A0}\u{2028}\u{2029}\u{FEFF}\u{200B}]{0,5}",
        "[<>/&#;=\\[\\]()*_`!{}\\\\-]{0,10}",
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("---\n".to_string()),
        Just("# ".to_string()),
        Just("As of: March 25, 2024 10:57 a.m".to_string()),
        Just("Stand: 25.03.2024 11:20 Uhr".to_string()),
        Just("2024-03-22T20:02:00+03:00".to_string()),
        Just("<p>".to_string()),
        Just("<![CDATA[".to_string()),
        (1usize..20_000).prop_map(|n| "x".repeat(n)), // a very long line
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..4096),
        messy_string().prop_map(String::into_bytes),
        (any::<u8>(), 1usize..100_000).prop_map(|(b, n)| vec![b; n]),
    ]
}

/// A fixture cut at a random position, optionally with one byte changed.
fn damaged(fixtures: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    (
        0..fixtures.len(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<Option<u8>>(),
    )
        .prop_map(move |(f, cut, at, byte)| {
            let mut b = fixture_bytes(fixtures[f]);
            b.truncate(cut.index(b.len() + 1));
            if let (Some(x), false) = (byte, b.is_empty()) {
                let i = at.index(b.len());
                b[i] = x;
            }
            b
        })
}

const TEXT_FIXTURES: &[&str] = &[
    "text/crocus-ispk-as-of.txt",
    "text/crocus-stand-de.txt",
    "text/solingen-latin1.txt",
    "text/mogadishu-lido-crlf.txt",
    "markdown/kerman-front-matter.md",
    "markdown/crocus-heading-only.md",
];
const JSONL_FIXTURES: &[&str] = &["jsonl/articles.jsonl", "jsonl/mixed-bad-lines.jsonl"];
const FEED_FIXTURES: &[&str] = &[
    "feeds/meridian-rss.xml",
    "feeds/horn-monitor.atom",
    "feeds/harbour-post.json",
    "feeds/ostufer-latin1-rss.xml",
];
const WARC_FIXTURES: &[&str] = &["warc/crocus-kerman.warc", "warc/crocus-kerman.warc.gz"];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn prop_parse_text_never_panics(bytes in prop_oneof![any_bytes(), damaged(TEXT_FIXTURES)], md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Text };
        let (doc, _) = parse_text(&bytes, format, "p.txt");
        if let Some(d) = doc {
            prop_assert!(!d.text.trim().is_empty());
            prop_assert!(!d.text.contains('\r'));
        }
    }

    #[test]
    fn prop_parse_jsonl_never_panics(bytes in prop_oneof![any_bytes(), damaged(JSONL_FIXTURES)]) {
        let mut n = 0usize;
        let diags = parse_jsonl(&bytes, "p.jsonl", &mut |d| { n += 1; assert!(!d.text.trim().is_empty()); });
        // Never more documents than JSON objects.
        let objects = bytes.iter().filter(|b| **b == b'{').count();
        prop_assert!(n <= objects);
        prop_assert!(diags.iter().all(|d| d.location == "p.jsonl" || d.location.starts_with("p.jsonl line ") || d.location.starts_with("p.jsonl item ")));
    }

    #[test]
    fn prop_parse_feed_never_panics(bytes in prop_oneof![any_bytes(), damaged(FEED_FIXTURES)]) {
        let _ = parse_feed(&bytes, "p.xml", &mut |_| {});
    }

    #[test]
    fn prop_read_warc_bytes_never_panics(bytes in prop_oneof![any_bytes(), damaged(WARC_FIXTURES)]) {
        let limits = Limits { max_record_bytes: 1 << 20, ..Limits::default() };
        let mut n = 0usize;
        if let Ok(out) = read_warc_bytes(&bytes, "p.warc", limits, &mut |_| n += 1) {
            prop_assert_eq!(out.documents, n);
        }
    }

    #[test]
    fn prop_read_bytes_never_panics(bytes in prop_oneof![any_bytes(), damaged(TEXT_FIXTURES), damaged(FEED_FIXTURES), damaged(JSONL_FIXTURES)],
                                    name in prop::option::of("[a-z]{1,8}\\.(txt|md|jsonl|json|xml|rss|atom|html|warc|gz|bin)")) {
        let _ = read_bytes(&bytes, "-", name.as_deref(), Limits::default(), &mut |_| {});
    }

    #[test]
    fn prop_detect_format_never_panics(bytes in any_bytes(), name in prop::option::of(messy_string())) {
        let _ = detect_format(name.as_deref(), &bytes);
    }

    #[test]
    fn prop_parse_datetime_never_panics(s in messy_string()) {
        if let Some(t) = dates::parse_datetime(&s) {
            // Whatever was understood round-trips through its storage form.
            let again = dossier_core::Timestamp::parse_local(&t.local_string());
            prop_assert!(again.is_some(), "{:?} gave {}", s, t.local_string());
        }
    }

    #[test]
    fn prop_parse_dateline_never_panics(s in messy_string()) {
        let _ = dates::parse_dateline(&s);
    }

    #[test]
    fn prop_fragment_to_text_never_panics(s in prop_oneof![
        messy_string(),
        prop::collection::vec(prop_oneof![
            Just("<p>"), Just("</p>"), Just("<div>"), Just("</div>"), Just("<b>"), Just("</b>"), Just("<br>"),
            Just("<script>"), Just("</script>"), Just("<table><tr><td>"), Just("</td>"), Just("<!--"), Just("-->"),
            Just("&amp;"), Just("&#x1F600;"), Just("&bogus"), Just("<svg><foreignObject>"), Just("<template>"),
            Just("Kerman"), Just(" "), Just("\n"), Just("<"), Just(">"), Just("\""),
        ], 0..300).prop_map(|v| v.concat()),
    ]) {
        let t = fragment_to_text(&s);
        prop_assert!(!t.contains("\n\n\n"));
        prop_assert!(t.split("\n\n").all(|p| p == p.trim()));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn prop_parse_dateline_after_prefix_never_panics(
        prefix in prop::sample::select(vec!["As of", "Stand", "Updated", "Last updated", "Published", "Datum", "Veröffentlicht"]),
        sep in prop::sample::select(vec![": ", " ", ":"]),
        rest in "[a-zA-Z0-9 .:,İıK\u{212A}ẞßÄä]{0,30}",
    ) {
        let _ = dates::parse_dateline(&format!("{prefix}{sep}{rest}"));
    }
}

#[test]
fn text_byline_names_the_publisher() {
    // "By Staff, The Harbour Times": the outlet after the byline's last comma; a sentence that
    // opens with "By" is no byline.
    let d = single("text/quetta-byline.txt");
    assert_eq!(d.publisher.as_deref(), Some("The Harbour Times"));
    assert_eq!(published(&d).0, "2024-11-09");
    let (_, docs) = read_str(
        "no-byline.txt",
        "Talks resume\n\nBy the end of the week, negotiators from both sides, officials said, had met twice.\n",
    );
    assert_eq!(docs[0].publisher, None);
    // A German byline: "Von Redaktion, Elbe-Kurier".
    let d = single("text/solingen-von.txt");
    assert_eq!(d.publisher.as_deref(), Some("Elbe-Kurier"));
    assert_eq!(published(&d).0, "2024-08-24");
}

#[test]
fn warc_length_past_the_end_is_an_error_not_a_skip() {
    // Record 4 claims 99,999,999 bytes, more than the file holds: records 5 and 6 are lost, so
    // it is an error naming the record (not a warning that it was skipped).
    let (out, docs) = read("warc/crocus-kerman-bad-length.warc");
    assert_eq!(locators(&docs), ["record 3"]);
    let errs = errors(&out);
    assert_eq!(errs.len(), 1, "{:?}", out.diagnostics);
    assert!(
        errs[0].message.contains("Content-Length says 99999999"),
        "{}",
        errs[0]
    );
    assert!(errs[0].location.ends_with("record 4"), "{}", errs[0]);
}

#[test]
fn jsonl_with_a_bad_first_line_keeps_the_good_lines() {
    // Line 1 is cut off; lines 2 and 3 are whole articles: JSON lines, not one broken article.
    let (out, docs) = read("jsonl/bad-first-line.jsonl");
    assert_eq!(out.format, Some(Format::Jsonl));
    assert_eq!(locators(&docs), ["line 2", "line 3"]);
    let errs = errors(&out);
    assert_eq!(errs.len(), 1, "{:?}", out.diagnostics);
    assert!(errs[0].location.ends_with("line 1"), "{}", errs[0]);
    assert!(errs[0].message.starts_with("invalid JSON"), "{}", errs[0]);
}

#[test]
fn html_without_optional_end_tags_is_whole() {
    // Valid HTML5 may leave out </p>, </article>, </body> and </html>: not a cut-off page.
    let (out, docs) = read("html/no-end-tags.html");
    assert!(errors(&out).is_empty(), "{:?}", out.diagnostics);
    assert_eq!(docs.len(), 1);
    assert_contains(&docs[0], &["Francis Scott Key Bridge", "Six road workers"]);
    // The cut-off fixture is still refused.
    let (out, docs) = read("bad/cut-off.html");
    assert!(docs.is_empty());
    assert!(
        errors(&out)[0].message.contains("truncated"),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn feeds_that_do_not_parse_as_a_whole_keep_their_good_items() {
    // A bare "&" in one title, and a cp1252 byte in a feed declared UTF-8: repaired, all three
    // items kept, with a warning.
    for rel in ["feeds/bare-ampersand.rss", "feeds/stray-byte.rss"] {
        let (out, docs) = read(rel);
        assert_eq!(docs.len(), 3, "{rel}: {:?}", out.diagnostics);
        assert!(errors(&out).is_empty(), "{rel}: {:?}", out.diagnostics);
        assert_eq!(warnings(&out).len(), 1, "{rel}: {:?}", out.diagnostics);
        assert!(docs[1]
            .title
            .as_deref()
            .unwrap()
            .contains("claims twin bombings"));
    }
    // Cut off inside the third item: the first two kept, the third an error naming it.
    let (out, docs) = read("feeds/cut-off.rss");
    assert_eq!(
        locators(&docs),
        ["item 1", "item 2"],
        "{:?}",
        out.diagnostics
    );
    let errs = errors(&out);
    assert_eq!(errs.len(), 1, "{:?}", out.diagnostics);
    assert!(errs[0].location.ends_with("item 3"), "{}", errs[0]);
    assert!(errs[0].message.contains("cut off"), "{}", errs[0]);
    assert_eq!(
        docs[1].published.map(|t| t.to_string()).as_deref(),
        Some("2024-01-04T16:00:00+00:00")
    );
}
