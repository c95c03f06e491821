//! HTML pages: readability-style article text, metadata (title, publisher, dates, URL, language)
//! and legacy-encoding decoding.
//!
//! The page is decoded once ([`encoding`]), parsed once into the tree dom_smoothie works on
//! ([`dom`]); metadata is interpreted from what that pass collected ([`meta`]) and the article
//! text assembled into paragraphs ([`paragraphs`]).
//!
//! Metadata sources, strongest first: OpenGraph/`article:` tags, JSON-LD, microdata, other
//! `<meta>` tags, then the page itself (`<title>`, `<h1>`, `<time>`). The text is the article
//! only: the standfirst first (wherever the layout puts it), no bylines, datelines or kickers,
//! so one article in two layouts (a page and its AMP version) gives one text.

mod depth;
mod dom;
mod encoding;
mod meta;
mod paragraphs;

use dossier_core::{canonical_url, Diagnostic, Document, Format, Provenance};
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What [`parse_html`] found: at most one document, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct HtmlOutcome {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Pages nesting elements deeper than this are not parsed (see [`depth`]); browsers flatten
/// trees at 512.
const MAX_NESTING: usize = 4096;

/// Pages with less article text than this (in characters) yield no document.
const MIN_TEXT_CHARS: usize = 50;

/// `<meta>` keys that state the publication date, after `article:published_time` and JSON-LD.
const DATE_META_KEYS: &[&str] = &[
    "date",
    "pubdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "datepublished",
    "publishdate",
    "publish-date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
];

/// Whether a page file looks cut off: it opens `<html` or `<body` (in any case), closes
/// neither, and closes elements in its body or ends inside a tag (checked on the bytes, so any
/// ASCII-compatible encoding will do).
pub fn cut_off(bytes: &[u8]) -> bool {
    let has = |needle: &[u8]| {
        bytes
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    let find = |needle: &[u8]| {
        bytes
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
    };
    if !(has(b"<html") || has(b"<body")) || has(b"</html") || has(b"</body") {
        return false;
    }
    // A page written without optional end tags (valid HTML5: "<body><article><p>Text.") is
    // whole; one whose body closes elements and then stops, or that ends inside a tag, is cut.
    let body = find(b"<body").or_else(|| find(b"<html")).unwrap_or(0);
    let closes_in_body = bytes[body..].windows(2).any(|w| w == b"</");
    let trimmed = bytes.trim_ascii_end();
    let in_tag =
        trimmed.iter().rposition(|&b| b == b'<') > trimmed.iter().rposition(|&b| b == b'>');
    closes_in_body || in_tag
}

/// Parse one HTML page.
///
/// `charset` is a charset from outside the page (an HTTP `Content-Type`), `url` the URL it was
/// fetched from (a WARC-Target-URI); both may be `None`. Never panics.
pub fn parse_html(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    provenance: Provenance,
) -> HtmlOutcome {
    let location = provenance.display();
    let mut diagnostics = Vec::new();
    let base = url.and_then(|u| url::Url::parse(u.trim()).ok());
    let tld = base
        .as_ref()
        .and_then(|b| b.host_str())
        .and_then(|h| h.rsplit('.').next())
        .map(str::to_ascii_lowercase);

    let decoded = encoding::decode(bytes, charset, tld.as_deref());
    if decoded.source == encoding::Source::Guessed && decoded.encoding != encoding_rs::UTF_8 {
        diagnostics.push(Diagnostic::warning(
            &location,
            format!(
                "no charset declared and not UTF-8; decoded as {} (guessed)",
                decoded.encoding.name()
            ),
        ));
    }
    if decoded.had_errors {
        diagnostics.push(Diagnostic::warning(
            &location,
            format!(
                "malformed {} byte sequences replaced",
                decoded.encoding.name()
            ),
        ));
    }
    if depth::exceeds(decoded.text.as_bytes(), MAX_NESTING) {
        diagnostics.push(Diagnostic::error(
            &location,
            format!("HTML nests elements more than {MAX_NESTING} deep; page not parsed"),
        ));
        return HtmlOutcome {
            document: None,
            diagnostics,
        };
    }
    let Ok(page) = catch_unwind(AssertUnwindSafe(|| dom::extract(&decoded.text))) else {
        diagnostics.push(Diagnostic::error(
            &location,
            "HTML parser failed on this page",
        ));
        return HtmlOutcome {
            document: None,
            diagnostics,
        };
    };

    let ld = meta::parse_json_ld(&page.json_ld);
    let md = meta::parse_microdata(&page.microdata);
    let m = |keys: &[&str]| {
        meta::meta(&page.metas, keys)
            .map(meta::squash)
            .filter(|s| !s.is_empty())
    };

    let resolve = |raw: &str| -> Option<String> {
        match &base {
            Some(b) => canonical_url(b.join(raw.trim()).ok()?.as_str()),
            None => canonical_url(raw),
        }
    };
    let url_candidates: Vec<String> = [
        page.canonical.clone(),
        m(&["og:url"]),
        ld.url.clone(),
        md.url.clone(),
        url.map(String::from),
    ]
    .into_iter()
    .flatten()
    .filter_map(|u| resolve(&u))
    .collect();

    let publisher = m(&["og:site_name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| md.publisher.clone())
        .or_else(|| m(&["application-name"]))
        .or_else(|| {
            // "Headline :: Lakeside Herald" on lakesideherald.example.
            let hosts: Vec<String> = url_candidates
                .iter()
                .filter_map(|u| url::Url::parse(u).ok()?.host_str().map(String::from))
                .collect();
            page.title
                .as_deref()
                .and_then(|t| meta::site_from_title(t, &hosts))
        });
    let site = publisher.as_deref();
    let title = m(&["og:title"])
        .or_else(|| ld.headline.as_deref().map(meta::squash))
        .or_else(|| md.headline.clone())
        .map(|t| match site {
            Some(site) => meta::strip_site(&t, site),
            None => t,
        })
        .or_else(|| {
            page.title
                .as_deref()
                .map(|t| meta::clean_title(t, site, page.h1.as_deref()))
        })
        .filter(|t| !t.is_empty())
        .or_else(|| page.h1.as_deref().map(meta::squash))
        .filter(|t| !t.is_empty());

    let mut paragraphs = paragraphs::trim_metadata(
        paragraphs::clean(page.paragraphs, title.as_deref()),
        title.as_deref(),
    );
    if !page.standfirst.is_empty() {
        paragraphs.splice(0..0, page.standfirst);
    }
    let text = paragraphs::join(&paragraphs);
    if text.chars().count() < MIN_TEXT_CHARS {
        diagnostics.push(Diagnostic::error(
            &location,
            "no article text found in HTML page",
        ));
        return HtmlOutcome {
            document: None,
            diagnostics,
        };
    }

    let mut published = None;
    let date_candidates = [
        ("article:published_time", m(&["article:published_time"])),
        ("JSON-LD datePublished", ld.date_published.clone()),
        ("microdata datePublished", md.date_published.clone()),
        ("<meta> date", m(DATE_META_KEYS)),
        (
            "<time datetime>",
            page.article_time.as_deref().map(meta::squash),
        ),
    ];
    for (source, value) in date_candidates {
        let Some(value) = value else { continue };
        match crate::dates::parse_datetime(&value) {
            Some(ts) => {
                published = Some(ts);
                break;
            }
            None => diagnostics.push(Diagnostic::warning(
                &location,
                format!("publication date {value:?} ({source}) is not a date"),
            )),
        }
    }

    // Some sites point every page's canonical link at their home page.
    let is_root =
        |u: &str| url::Url::parse(u).is_ok_and(|u| u.path() == "/" && u.query().is_none());
    let doc_url = url_candidates
        .iter()
        .find(|u| !is_root(u) || url_candidates.iter().all(|o| is_root(o)))
        .cloned();

    let language = page
        .html_lang
        .as_deref()
        .and_then(meta::language_code)
        .or_else(|| {
            m(&["content-language", "language", "dc.language"])
                .and_then(|l| meta::language_code(&l))
        })
        .or_else(|| m(&["og:locale"]).and_then(|l| meta::language_code(&l)))
        .or_else(|| ld.language.as_deref().and_then(meta::language_code))
        .or_else(|| md.language.as_deref().and_then(meta::language_code))
        .or_else(|| crate::lang::detect_language(&text));

    let mut doc = Document::new(Format::Html, provenance, text);
    doc.title = title;
    doc.publisher = publisher;
    doc.published = published;
    doc.url = doc_url;
    doc.language = language;

    let authors = if !ld.authors.is_empty() {
        ld.authors
    } else if !md.authors.is_empty() {
        md.authors
    } else {
        m(&["author", "article:author", "dc.creator"])
            .filter(|a| !a.contains("://"))
            .into_iter()
            .collect()
    };
    if !authors.is_empty() {
        doc.metadata.insert("authors".into(), Value::from(authors));
    }
    let description = m(&["og:description", "description"])
        .or(ld.description)
        .or(md.description)
        .or_else(|| m(&["twitter:description"]));
    if let Some(d) = description {
        doc.metadata.insert("description".into(), Value::from(d));
    }
    let keywords = match m(&["keywords", "news_keywords"]) {
        Some(k) => meta::split_list(&k),
        None if !ld.keywords.is_empty() => ld.keywords,
        None if !md.keywords.is_empty() => md.keywords,
        None => page
            .metas
            .iter()
            .filter(|(k, _)| k == "article:tag")
            .map(|(_, v)| meta::squash(v))
            .collect(),
    };
    if !keywords.is_empty() {
        doc.metadata
            .insert("keywords".into(), Value::from(keywords));
    }
    let modified = m(&["article:modified_time"])
        .or(ld.date_modified)
        .or(md.date_modified)
        .or_else(|| {
            m(&[
                "og:updated_time",
                "datemodified",
                "dcterms.modified",
                "last-modified",
            ])
        });
    if let Some(modified) = modified {
        doc.metadata
            .insert("modified".into(), Value::from(modified));
    }

    HtmlOutcome {
        document: Some(doc),
        diagnostics,
    }
}
