//! Tests of the HTML parser over the pages in `tests/data/html` and the example corpus.

use dossier_core::{Document, Provenance, Severity};
use dossier_ingest::html::{parse_html, HtmlOutcome};
use proptest::prelude::*;
use std::path::PathBuf;

fn data(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(name: &str, url: Option<&str>) -> HtmlOutcome {
    parse_html(
        &data(name),
        None,
        url,
        Provenance::file(format!("html/{name}")),
    )
}

/// Parse a fixture that must yield a document without warnings.
fn document(name: &str, url: Option<&str>) -> Document {
    let out = parse(name, url);
    assert!(out.diagnostics.is_empty(), "{name}: {:?}", out.diagnostics);
    out.document
        .unwrap_or_else(|| panic!("{name}: no document"))
}

const BOILERPLATE: &[&str] = &[
    "Accept all cookies",
    "cookies",
    "Related",
    "Subscribe",
    "Newsletter",
    "newsletter",
    "©",
    "All rights reserved",
    "Advertisement",
    "ADVERTISEMENT",
    "Share on",
    "Skip to content",
    "Privacy",
];

fn assert_clean(doc: &Document, sentences: &[&str]) {
    for b in BOILERPLATE {
        assert!(
            !doc.text.contains(b),
            "{}: boilerplate {b:?} in text:\n{}",
            doc.provenance.path,
            doc.text
        );
    }
    for s in sentences {
        assert!(
            doc.text.contains(s),
            "{}: missing {s:?} in text:\n{}",
            doc.provenance.path,
            doc.text
        );
    }
    assert!(
        !doc.text.contains('<') && !doc.text.contains("&amp;") && !doc.text.contains("&#"),
        "markup left:\n{}",
        doc.text
    );
    assert!(
        !doc.text.contains("\n\n\n") && !doc.text.contains("  "),
        "whitespace not collapsed:\n{}",
        doc.text
    );
    assert_eq!(doc.format, dossier_core::Format::Html);
    if let Some(title) = &doc.title {
        let first = doc.text.split("\n\n").next().unwrap_or_default();
        assert_ne!(first, title, "headline repeated as first paragraph");
    }
}

#[test]
fn opengraph_page() {
    let doc = document("kerman-og.html", None);
    assert_eq!(
        doc.title.as_deref(),
        Some("Twin blasts near Soleimani tomb kill dozens in Kerman")
    );
    assert_eq!(doc.publisher.as_deref(), Some("Northgate Herald"));
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-01-03T15:10:00Z");
    assert_eq!(published.local_string(), "2024-01-03T18:40:00+03:30");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://www.northgate-herald.example/world/middle-east/kerman-blasts-soleimani-memorial")
    );
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_eq!(doc.metadata["modified"], "2024-01-04T09:05:00+03:30");
    assert!(doc.metadata["description"]
        .as_str()
        .is_some_and(|d| d.contains("Qasem Soleimani\u{2019}s death")));
    assert_clean(
        &doc,
        &[
            "Two explosions tore through a crowd of people marking the fourth anniversary",
            "revising it downwards to 95",
            "\u{201c}The timing was chosen to cause the greatest possible loss of life",
            "Claim of responsibility",
            "\u{201c}We will find those responsible and they will be punished,\u{201d}",
            "came amid heightened regional tensions following the outbreak of war in Gaza in October.",
        ],
    );
    assert!(!doc.text.contains("Photograph"), "figure caption in text");
    assert!(
        !doc.text.contains("Four years after the drone strike"),
        "related link in text"
    );
    assert!(!doc.text.contains("More from World"));
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert!(
        paragraphs.contains(&"Claim of responsibility"),
        "heading is its own paragraph"
    );
}

#[test]
fn json_ld_graph_page() {
    let doc = document("crocus-jsonld-graph.html", None);
    assert_eq!(
        doc.title.as_deref(),
        Some("Gunmen kill scores at Crocus City Hall concert venue near Moscow")
    );
    assert_eq!(doc.publisher.as_deref(), Some("The Meridian Post"));
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-03-23T05:15:00Z");
    assert_eq!(published.local_string(), "2024-03-23T08:15:00+03:00");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://meridianpost.example/2024/03/23/crocus-city-hall-attack")
    );
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_eq!(
        doc.metadata["authors"],
        serde_json::json!(["Anna Whitlock", "Tomasz Brenner"])
    );
    assert_eq!(
        doc.metadata["keywords"],
        serde_json::json!(["Russia", "Moscow", "terrorism"])
    );
    assert_eq!(doc.metadata["modified"], "2024-03-23T14:02:00+03:00");
    assert_clean(
        &doc,
        &[
            "Armed men in camouflage opened fire on people gathered for a rock concert at the Crocus City Hall",
            "The final toll was later given as 145.",
            "four suspects had been detained in the Bryansk region",
            "It was the deadliest attack in Russia in two decades.",
        ],
    );
    assert!(!doc.text.contains("Most read") && !doc.text.contains("Markets slide"));
    assert!(!doc.text.contains("Tags:"));
}

#[test]
fn meta_date_page() {
    let doc = document(
        "noto-meta-date.html",
        Some("https://harbourline.example/asia/noto-quake?utm_campaign=x"),
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Powerful earthquake strikes Japan's Noto Peninsula on New Year's Day")
    );
    assert_eq!(doc.publisher.as_deref(), Some("Harbourline News"));
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-01-01T12:30:00Z");
    assert_eq!(published.local_string(), "2024-01-01T21:30:00+09:00");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://harbourline.example/asia/noto-quake")
    );
    // Nothing declared: detected from the text.
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_eq!(doc.metadata["authors"], serde_json::json!(["Kenji Morrow"]));
    assert_eq!(
        doc.metadata["keywords"],
        serde_json::json!(["Japan", "earthquake", "Ishikawa", "Noto", "tsunami"])
    );
    assert_clean(
        &doc,
        &[
            "A magnitude 7.5 earthquake struck the Noto Peninsula in Ishikawa prefecture",
            "In the town of Wajima, a large fire destroyed dozens of buildings",
            "Aftershocks expected",
            "The quake was felt as far away as Tokyo, about 300 kilometres to the south-east.",
            "Nuclear plants in the region reported no abnormalities, according to the regulator.",
        ],
    );
    assert!(!doc.text.contains("Follow our live coverage"));
}

#[test]
fn time_element_page_with_relative_canonical() {
    let doc = document(
        "baltimore-time.html",
        Some("https://chesapeakeledger.example/news/bridge?id=7"),
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Baltimore\u{2019}s Key Bridge collapses after ship strike")
    );
    assert_eq!(doc.publisher, None);
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-03-26T11:45:00Z");
    assert_eq!(published.local_string(), "2024-03-26T07:45:00-04:00");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://chesapeakeledger.example/2024/03/26/key-bridge-collapse")
    );
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_clean(
        &doc,
        &[
            "A large section of the Francis Scott Key Bridge in Baltimore collapsed into the Patapsco River",
            "six members of the crew were missing and presumed dead",
            "The bridge, which opened in 1977, carried Interstate 695",
        ],
    );
    assert!(!doc.text.contains("Photos: the bridge"));
}

#[test]
fn windows_1252_page() {
    let bytes = data("bauernproteste-cp1252.html");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must be real windows-1252 bytes"
    );
    let doc = document("bauernproteste-cp1252.html", None);
    assert_eq!(
        doc.title.as_deref(),
        Some("Bauernproteste: Traktoren blockieren Autobahnauffahrten in ganz Deutschland")
    );
    assert_eq!(doc.publisher.as_deref(), Some("Rheinischer Kurier"));
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-01-08T09:12:00Z");
    assert_eq!(published.local_string(), "2024-01-08T10:12:00+01:00");
    assert_eq!(doc.language.as_deref(), Some("de"));
    assert_eq!(doc.url, None);
    assert_eq!(
        doc.metadata["authors"],
        serde_json::json!(["Jürgen Weißmüller"])
    );
    assert_clean(
        &doc,
        &[
            "Tausende Landwirte haben am Montag mit Traktoren Straßen und Autobahnauffahrten",
            "\u{201e}Wir lassen uns nicht länger für dumm verkaufen\u{201c}, sagte ein Landwirt aus dem Münsterland",
            "\u{201e}Ohne Bauern keine Zukunft\u{201c}",
            "Henrike Fölsch",
        ],
    );
    assert!(!doc.text.contains('\u{fffd}'));
    assert!(!doc.text.contains("Anzeige") && !doc.text.contains("Impressum"));

    // Without the <meta> declaration the encoding is guessed.
    let undeclared: Vec<u8> = bytes
        .windows(21)
        .position(|w| w == b"charset=windows-1252\"")
        .map(|i| [&bytes[..i], &bytes[i + 20..]].concat())
        .unwrap_or_default();
    assert!(!undeclared.is_empty() && undeclared.len() < bytes.len());
    let out = parse_html(&undeclared, None, None, Provenance::file("undeclared"));
    let doc = out.document.expect("document");
    assert!(
        doc.text.contains("Straßen und Autobahnauffahrten"),
        "{}",
        doc.text
    );
    assert!(doc
        .text
        .contains("\u{201e}Ohne Bauern keine Zukunft\u{201c}"));
}

#[test]
fn json_ld_publisher_list_and_itemprop_date() {
    let doc = document("hualien-jsonld.html", None);
    assert_eq!(
        doc.title.as_deref(),
        Some("Strongest earthquake in 25 years shakes Taiwan")
    );
    assert_eq!(doc.publisher.as_deref(), Some("Pacific Wire"));
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-04-03T03:20:00Z");
    assert_eq!(published.local_string(), "2024-04-03T11:20:00+08:00");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://pacificwire.example/asia/taiwan-hualien-earthquake")
    );
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_eq!(
        doc.metadata["authors"],
        serde_json::json!(["Mei-Lin Carver"])
    );
    assert_eq!(doc.metadata["modified"], "2024-04-03T16:45:00+08:00");
    assert_clean(
        &doc,
        &[
            "A magnitude 7.4 earthquake struck off the eastern coast of Taiwan near the city of Hualien",
            "\u{201c}Taiwan\u{2019}s strict building codes",
            "Chipmakers including TSMC briefly evacuated some production lines",
        ],
    );
}

#[test]
fn one_article_in_two_layouts_gives_one_text() {
    let page = document("grindavik-eruption.html", None);
    let amp = document("grindavik-eruption-amp.html", None);
    assert_eq!(page.text, amp.text, "normal and AMP layouts differ");
    assert_eq!(page.url, amp.url);
    assert_eq!(page.title, amp.title);
    assert_eq!(page.published, amp.published);
    assert_eq!(
        page.url.as_deref(),
        Some("https://northern-lantern.example/europe/2023/12/18/grindavik-eruption")
    );
    assert_clean(
        &page,
        &[
            "A volcanic eruption began late on Monday evening on the Reykjanes peninsula",
            "Grindavík, home to nearly 4,000 people, had been evacuated in November",
            "said Dr. Eyrún Vestergaard of the North Atlantic Rift Monitoring Group.",
        ],
    );
    let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
    // The standfirst, once, first; the kicker, byline, timestamps and editors' note gone.
    assert_eq!(
        paragraphs[0],
        "Lava fountains rose from a fissure about four kilometres long on the Reykjanes peninsula, \
         weeks after the town was emptied."
    );
    assert_eq!(page.text.matches("Lava fountains rose").count(), 1);
    assert!(paragraphs[1].starts_with("A volcanic eruption began"));
    assert!(paragraphs.contains(&"Flights unaffected"));
    assert!(paragraphs
        .last()
        .is_some_and(|p| p.ends_with("where the lava goes next.\u{201d}")));
    for metadata in [
        "Iceland\n",
        "By Nora",
        "Castell",
        "23:40",
        "Updated",
        "developing story",
    ] {
        assert!(
            !page.text.contains(metadata),
            "{metadata:?} in:\n{}",
            page.text
        );
    }
}

#[test]
fn microdata_only_page() {
    let doc = document("uae-floods-microdata.html", None);
    assert_eq!(
        doc.title.as_deref(),
        Some("Heaviest rain in 75 years floods Dubai and shuts roads across the UAE")
    );
    assert_eq!(doc.publisher.as_deref(), Some("Gulf Evening Star"));
    let published = doc.published.expect("published");
    assert_eq!(published.utc_string(), "2024-04-17T05:15:00Z");
    assert_eq!(published.local_string(), "2024-04-17T09:15:00+04:00");
    assert_eq!(
        doc.metadata["authors"],
        serde_json::json!(["Samir Haddad-Lowe", "Leila Amari"])
    );
    assert_eq!(doc.metadata["modified"], "2024-04-17T13:30:00+04:00");
    assert!(doc.metadata["description"]
        .as_str()
        .is_some_and(|d| d.starts_with("Parts of the country received")));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://gulf-evening-star.example/weather/2024/04/17/record-rain-floods-dubai")
    );
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_clean(
        &doc,
        &[
            "The United Arab Emirates recorded its heaviest rainfall since records began in 1949",
            "More than 250 millimetres of rain fell in less than 24 hours",
            "said Nadia Ferreira of the Coastal Climate Desk, a research group.",
        ],
    );
    assert!(doc
        .text
        .starts_with("Parts of the country received more than a year's worth"));
    for metadata in ["Samir", "Leila Amari", "By ", "9:15", "Share", "Home"] {
        assert!(
            !doc.text.contains(metadata),
            "{metadata:?} in:\n{}",
            doc.text
        );
    }
}

#[test]
fn microdata_without_item_and_under_json_ld() {
    // Properties outside any item still describe the page.
    let html = br#"<html><head><title>x</title></head><body>
        <h1 itemprop="headline">Harbour bridge reopens after repairs</h1>
        <time itemprop="datePublished" datetime="2024-05-02T10:00:00+02:00">2 May</time>
        <span itemprop="author">Ines Bauer</span>
        <p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs to its
        steel deck, the city's transport department said, ahead of schedule and within budget.</p>
        </body></html>"#;
    let doc = parse_html(html, None, None, Provenance::file("loose"))
        .document
        .expect("document");
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbour bridge reopens after repairs")
    );
    assert_eq!(doc.metadata["authors"], serde_json::json!(["Ines Bauer"]));
    assert_eq!(
        doc.published.map(|p| p.utc_string()).as_deref(),
        Some("2024-05-02T08:00:00Z")
    );
    // JSON-LD and OpenGraph win over microdata.
    let html = br#"<html><head><meta property="og:site_name" content="Og Name">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD",
        "author":{"name":"Ld Author"},"datePublished":"2024-05-01T00:00:00Z"}</script></head>
        <body><article itemscope itemtype="https://schema.org/Article">
        <h1 itemprop="headline">From microdata</h1>
        <meta itemprop="datePublished" content="2024-05-03T00:00:00Z">
        <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="Md Name"></span>
        <span itemprop="author">Md Author</span>
        <p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs to its
        steel deck, the city's transport department said, ahead of schedule and within budget.</p>
        </article></body></html>"#;
    let doc = parse_html(html, None, None, Provenance::file("both"))
        .document
        .expect("document");
    assert_eq!(doc.title.as_deref(), Some("From JSON-LD"));
    assert_eq!(doc.publisher.as_deref(), Some("Og Name"));
    assert_eq!(doc.metadata["authors"], serde_json::json!(["Ld Author"]));
    assert_eq!(
        doc.published.map(|p| p.utc_string()).as_deref(),
        Some("2024-05-01T00:00:00Z")
    );
}

#[test]
fn site_name_from_title_when_the_page_states_none() {
    let html = br#"<html><head><title>Ferry crossings resume after storm :: Island Courier</title>
        <link rel="canonical" href="https://islandcourier.example/news/ferries"></head>
        <body><h1>Ferry crossings resume after storm; backlog of freight</h1>
        <p>Ferry crossings between the two islands resumed on Friday after storms had halted all
        traffic for three days, leaving hundreds of lorries waiting at the ports.</p></body></html>"#;
    let doc = parse_html(html, None, None, Provenance::file("t"))
        .document
        .expect("document");
    assert_eq!(doc.publisher.as_deref(), Some("Island Courier"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Ferry crossings resume after storm")
    );
}

/// Every HTML page of the example corpus: article text only, and one text for the article
/// published in two layouts.
#[test]
fn example_corpus_pages() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/html");
    let mut paths = Vec::new();
    for outlet in std::fs::read_dir(&root).expect("examples/corpus/html") {
        for page in std::fs::read_dir(outlet.expect("entry").path()).expect("outlet dir") {
            paths.push(page.expect("entry").path());
        }
    }
    paths.sort();
    assert!(paths.len() >= 12, "{paths:?}");
    let mut by_url: std::collections::HashMap<String, Vec<(String, String)>> = Default::default();
    for path in &paths {
        let name = path.display().to_string();
        let out = parse_html(
            &std::fs::read(path).expect("page"),
            None,
            None,
            Provenance::file(&name),
        );
        let doc = out
            .document
            .unwrap_or_else(|| panic!("{name}: no document"));
        assert!(doc.publisher.is_some(), "{name}: no publisher");
        assert!(doc.published.is_some(), "{name}: no date");
        let first = doc.text.split("\n\n").next().unwrap_or_default();
        assert!(
            first.split_whitespace().count() >= 8,
            "{name}: text starts with {first:?}"
        );
        for p in doc.text.split("\n\n") {
            let lower = p.to_lowercase();
            for b in [
                "cookie",
                "share on",
                "advertisement",
                "anzeige",
                "newsletter",
                "subscribe",
                "related",
                "all rights reserved",
                "©",
                "min read",
                "stand:",
            ] {
                assert!(!lower.contains(b), "{name}: {b:?} in {p:?}");
            }
            assert!(
                !p.starts_with("By ") && !p.starts_with("Von "),
                "{name}: byline {p:?}"
            );
        }
        if let Some(url) = doc.url.clone() {
            by_url.entry(url).or_default().push((name, doc.text));
        }
    }
    let shared: Vec<_> = by_url.values().filter(|v| v.len() > 1).collect();
    assert!(
        !shared.is_empty(),
        "the corpus has an article in two layouts"
    );
    for pages in shared {
        for (name, text) in &pages[1..] {
            assert_eq!(text, &pages[0].1, "{name} and {} differ", pages[0].0);
        }
    }
}

#[test]
fn page_without_article_is_an_error() {
    let out = parse("no-article.html", None);
    assert!(out.document.is_none(), "{:?}", out.document.map(|d| d.text));
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].severity, Severity::Error);
    assert_eq!(out.diagnostics[0].location, "html/no-article.html");
    assert_eq!(
        out.diagnostics[0].message,
        "no article text found in HTML page"
    );
}

#[test]
fn bad_date_is_a_warning_and_later_sources_are_used() {
    let html = br#"<html lang="en"><head><title>Storm</title>
        <meta property="article:published_time" content="last Tuesday-ish">
        <meta name="date" content="2024-02-05T08:00:00Z"></head>
        <body><article><p>A winter storm brought heavy snow and strong winds to the region on Monday, closing
        schools and cutting power to thousands of homes. Crews worked through the night to clear roads.</p>
        </article></body></html>"#;
    let out = parse_html(html, None, None, Provenance::at("batch.warc", "record 3"));
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    assert_eq!(out.diagnostics[0].severity, Severity::Warning);
    assert_eq!(out.diagnostics[0].location, "batch.warc (record 3)");
    assert!(out.diagnostics[0].message.contains("last Tuesday-ish"));
    let doc = out.document.expect("document");
    assert_eq!(
        doc.published.map(|p| p.utc_string()).as_deref(),
        Some("2024-02-05T08:00:00Z")
    );
    assert!(doc.text.starts_with("A winter storm brought heavy snow"));
}

#[test]
fn title_falls_back_to_headline_and_drops_its_repeat() {
    let html = b"<html><body><h1>Ferry  service   resumes</h1><p>Ferry service &amp; freight traffic between \
                 the two islands resumed on Friday after storms had halted crossings for three days.</p></body></html>";
    let doc = parse_html(html, None, None, Provenance::file("t"))
        .document
        .expect("document");
    assert_eq!(doc.title.as_deref(), Some("Ferry service resumes"));
    assert_eq!(
        doc.text,
        "Ferry service & freight traffic between the two islands resumed on Friday after storms had \
         halted crossings for three days."
    );
}

#[test]
fn transport_charset_and_url_argument() {
    let html = "<html><head><title>Nachricht</title></head><body><p>Der Stadtrat in Köln hat am Dienstag \
                über die Sanierung der Brücke beraten und eine Entscheidung auf März vertagt.</p></body></html>";
    let (bytes, _, _) = encoding_rs::ISO_8859_15.encode(html);
    let out = parse_html(
        &bytes,
        Some("ISO-8859-15"),
        Some("https://example.de/koeln/bruecke/"),
        Provenance::file("x"),
    );
    let doc = out.document.expect("document");
    assert!(
        doc.text.contains("Köln") && doc.text.contains("über"),
        "{}",
        doc.text
    );
    assert_eq!(doc.url.as_deref(), Some("https://example.de/koeln/bruecke"));
    assert_eq!(doc.published, None, "never a file time");
}

#[test]
fn snapshots() {
    let pages = [
        ("kerman-og.html", None),
        ("crocus-jsonld-graph.html", None),
        (
            "noto-meta-date.html",
            Some("https://harbourline.example/asia/noto-quake"),
        ),
        (
            "baltimore-time.html",
            Some("https://chesapeakeledger.example/news/bridge"),
        ),
        ("bauernproteste-cp1252.html", None),
        ("hualien-jsonld.html", None),
        ("grindavik-eruption.html", None),
        ("grindavik-eruption-amp.html", None),
        ("uae-floods-microdata.html", None),
    ];
    for (name, url) in pages {
        let doc = document(name, url);
        let snapshot_name = format!("html__{}", name.trim_end_matches(".html"));
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(snapshot_name, doc);
        });
    }
}

/// Throughput over the fixtures, blown up to a typical page size with script, style and
/// navigation. `cargo test --release -p dossier-ingest --test it html::throughput -- --ignored
/// --nocapture`
#[test]
#[ignore]
fn throughput() {
    let pages = bench_pages();
    let rounds = 50;
    let mut article_secs = 0.0;
    let mut article_pages = 0usize;
    for (name, page) in &pages {
        let start = std::time::Instant::now();
        let mut documents = 0usize;
        for _ in 0..rounds {
            let out = parse_html(page, None, None, Provenance::file("bench"));
            documents += usize::from(out.document.is_some());
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{name}: {} KB, {:.3} ms/page",
            page.len() / 1024,
            secs * 1000.0 / rounds as f64
        );
        if documents > 0 {
            article_secs += secs;
            article_pages += rounds;
        }
    }
    println!(
        "article pages: {:.0} pages/s, {:.3} ms/page",
        article_pages as f64 / article_secs,
        article_secs * 1000.0 / article_pages as f64
    );
}

/// The fixtures padded to 30-50 KB the way real pages are: inline scripts, styles, big menus.
fn bench_pages() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    names.sort();
    let script = format!(
        "<script>{}</script>",
        "window.__STATE__ = {\"a\": [1, 2, 3], \"b\": \"xyz\"};\n".repeat(200)
    );
    let style = format!(
        "<style>{}</style>",
        ".c-nav__item{display:inline-block;margin:0 4px}\n".repeat(150)
    );
    let menu = format!(
        "<nav class=\"mega-menu\"><ul>{}</ul></nav>",
        "<li class=\"menu-item\"><a href=\"/section/sub\">Section name</a><ul><li><a href=\"/x\">Sub one</a></li><li><a href=\"/y\">Sub two</a></li></ul></li>\n".repeat(60)
    );
    names
        .iter()
        .map(|p| {
            let page = std::fs::read(p).expect("fixture");
            let page = String::from_utf8_lossy(&page).into_owned();
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let page = page
                .replacen("</head>", &format!("{script}{style}</head>"), 1)
                .replacen("<body>", &format!("<body>{menu}"), 1);
            (name, page.into_bytes())
        })
        .collect()
}

fn html_ish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"share\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<br>".to_string()),
        Just("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"publisher\":[".to_string()),
        Just("</script>".to_string()),
        Just("<meta charset=\"windows-1252\">".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2024-13-45T99:00\">".to_string()),
        Just("<link rel=canonical href=\"//x\">".to_string()),
        Just("<time datetime=\"".to_string()),
        Just("&amp;&#x1F600;&#0;&bogus;&".to_string()),
        Just("<!--".to_string()),
        Just("<![CDATA[".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<noscript><img src=x></noscript>".to_string()),
        Just("<div itemscope itemtype=\"https://schema.org/NewsArticle\">".to_string()),
        Just("<h1 itemprop=\"headline\">".to_string()),
        Just("</h1>".to_string()),
        Just("<span itemprop=\"author publisher\" itemscope>".to_string()),
        Just("<meta itemprop=\"name\" content=\"X\">".to_string()),
        Just("<header>".to_string()),
        Just("<p class=\"standfirst\">".to_string()),
        Just("<a rel=\"author\" href=\"/a\">".to_string()),
        Just("By Ann Lee, Berlin".to_string()),
        Just("3 January 2024, 19:10 CET".to_string()),
        "[a-zA-Z .,\u{e4}\u{201c}]{0,80}",
        "<[a-z]{1,8}( [a-z-]{1,10}=\"[^\"]{0,20}\")*>",
        (0usize..20_000).prop_map(|n| format!("<div class=\"{}\">", "x".repeat(n))),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4000), charset in prop::option::of("[a-z0-9-]{0,12}")) {
        let _ = parse_html(&bytes, charset.as_deref(), Some("not a url"), Provenance::file("p"));
    }

    #[test]
    fn never_panics_on_html_ish(html in html_ish()) {
        let out = parse_html(html.as_bytes(), None, Some("https://example.com/a/b"), Provenance::file("p"));
        if let Some(doc) = out.document {
            prop_assert!(!doc.text.is_empty());
            prop_assert!(!doc.text.contains("\n\n\n"));
        }
    }
}

#[test]
fn deep_nesting_stays_fast() {
    let sentence = "<p>The council approved the new budget on Tuesday after a long debate about road repairs.</p>";
    // Deep enough to make the article extractor crawl: walked paragraph by paragraph instead.
    let html = format!(
        "<html><body>{}{sentence}</body></html>",
        "<div>".repeat(2000)
    );
    let start = std::time::Instant::now();
    let out = parse_html(html.as_bytes(), None, None, Provenance::file("deep"));
    let doc = out.document.expect("document");
    assert!(doc.text.starts_with("The council approved the new budget"));
    // Absurdly deep: not parsed at all.
    let html = format!(
        "<html><body>{}{sentence}</body></html>",
        "<span>".repeat(200_000)
    );
    let out = parse_html(html.as_bytes(), None, None, Provenance::file("deeper"));
    assert!(out.document.is_none());
    assert!(
        out.diagnostics[0].message.contains("nests elements"),
        "{:?}",
        out.diagnostics
    );
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn microdata_and_bylines_in_bulk_stay_fast() {
    let sentence = "<p>The council approved the new budget on Tuesday after a long debate about road repairs.</p>";
    let start = std::time::Instant::now();
    // Nested properties whose text is the whole page, and thousands of author marks.
    let html = format!(
        "<html><body><div itemscope itemtype=\"https://schema.org/Article\">{}{}{}</div></body></html>",
        "<div itemprop=\"name description\">".repeat(200),
        "<span itemprop=\"author\">Ann Lee</span> <a rel=\"author\" href=\"/a\">Bo</a> ".repeat(5_000),
        sentence.repeat(500),
    );
    let out = parse_html(html.as_bytes(), None, None, Provenance::file("bulk"));
    assert!(out.document.is_some());
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    eprintln!("bulk microdata page: {:?}", start.elapsed());
}
