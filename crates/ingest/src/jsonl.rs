//! JSON lines: one article per line with `title`, `text` or `html`, `published`, `url`,
//! `source` or `publisher`, optional `id`, `language` and `modified`; other fields are kept as
//! metadata.

use crate::{dates, html, lang};
use dossier_core::{canonical_url, Diagnostic, Document, Format, Provenance};
use serde_json::{Map, Value};

const PUBLISHED_KEYS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "datePublished",
    "pubDate",
    "time",
];
/// When the article was last modified: kept as metadata `modified` (what "as of" queries read
/// an updated version by), in the source's own local time.
const MODIFIED_KEYS: &[&str] = &[
    "modified",
    "updated",
    "dateModified",
    "modified_at",
    "updated_at",
    "date_modified",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];
const PUBLISHER_KEYS: &[&str] = &["publisher", "source", "site", "site_name"];
const LANGUAGE_KEYS: &[&str] = &["language", "lang"];

/// Parse JSON lines, handing each article to `sink`. Bad lines become error diagnostics naming
/// the line; the good lines are still used.
pub fn parse_jsonl(bytes: &[u8], label: &str, sink: &mut dyn FnMut(Document)) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let text = String::from_utf8_lossy(bytes);
    // A whole file holding one pretty-printed article or an array of them.
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if first.starts_with('[') || (first.starts_with('{') && !looks_like_lines(first)) {
        match serde_json::from_str::<Value>(first) {
            Ok(Value::Array(items)) => {
                for (i, item) in items.into_iter().enumerate() {
                    let at = format!("{label} item {}", i + 1);
                    match item {
                        Value::Object(o) => {
                            match article(o, label, &format!("item {}", i + 1), &mut diags) {
                                Some(doc) => sink(doc),
                                None => diags.push(Diagnostic::error(
                                    at,
                                    "no `text` or `html` field with article text",
                                )),
                            }
                        }
                        _ => diags.push(Diagnostic::error(at, "not a JSON object")),
                    }
                }
                return diags;
            }
            Ok(Value::Object(o)) => {
                match article(o, label, "item 1", &mut diags) {
                    Some(doc) => sink(doc),
                    None => diags.push(Diagnostic::error(
                        label,
                        "no `text` or `html` field with article text",
                    )),
                }
                return diags;
            }
            Ok(_) => {
                diags.push(Diagnostic::error(
                    label,
                    "JSON that is neither articles nor JSON lines",
                ));
                return diags;
            }
            // "{"title":"Cut off" then good lines: JSON lines whose first line is bad (each
            // line is read and reported below), not one broken article.
            Err(_) if first.starts_with('{') && later_line_is_object(first) => {}
            Err(e) => {
                diags.push(Diagnostic::error(label, format!("invalid JSON: {e}")));
                return diags;
            }
        }
    }
    let ends_with_newline = text.ends_with('\n');
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let at = format!("{label} line {}", i + 1);
        let obj: Map<String, Value> = match serde_json::from_str(line) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                diags.push(Diagnostic::error(at, "not a JSON object"));
                continue;
            }
            Err(e) => {
                let last = i + 1 == lines.len() && !ends_with_newline;
                let why = if last && e.is_eof() {
                    "truncated JSON (file cut off?)".to_string()
                } else {
                    format!("invalid JSON: {e}")
                };
                diags.push(Diagnostic::error(at, why));
                continue;
            }
        };
        match article(obj, label, &format!("line {}", i + 1), &mut diags) {
            Some(doc) => sink(doc),
            None => diags.push(Diagnostic::error(
                at,
                "no `text` or `html` field with article text",
            )),
        }
    }
    diags
}

/// A date given as a number: Unix seconds, or milliseconds when it is that large.
fn take_epoch(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<i64> {
    let key = keys
        .iter()
        .find(|k| obj.get(**k).is_some_and(Value::is_number))?;
    let n = obj.remove(*key)?.as_f64()?;
    let secs = if n.abs() > 1e11 { n / 1000.0 } else { n };
    Some(secs as i64)
}

/// Take the first of `keys` that holds a usable string (or `{"name": …}`); values of other
/// kinds stay in the object, so they end up in metadata rather than vanishing.
fn take_str(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for k in keys {
        let usable = match obj.get(*k) {
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Object(o)) => o.get("name").is_some_and(Value::is_string),
            _ => false,
        };
        if !usable {
            continue;
        }
        match obj.remove(*k) {
            Some(Value::String(s)) => return Some(s),
            Some(Value::Object(mut o)) => {
                if let Some(Value::String(n)) = o.remove("name") {
                    return Some(n);
                }
            }
            _ => {}
        }
    }
    None
}

fn article(
    mut obj: Map<String, Value>,
    label: &str,
    locator: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let at = format!("{label} {locator}");
    let provenance = Provenance::at(label, locator);
    let title = take_str(&mut obj, &["title", "headline"]);
    let raw_url = take_str(&mut obj, URL_KEYS);
    let mut doc = if let Some(text) = take_str(&mut obj, &["text", "body", "content"]) {
        let mut d = Document::new(Format::Jsonl, provenance, normalise_text(&text));
        // An `html` field beside `text` is kept out of metadata: the text is what counts.
        obj.remove("html");
        d.format = Format::Jsonl;
        d
    } else if let Some(h) = take_str(&mut obj, &["html"]) {
        let out = html::parse_html(h.as_bytes(), Some("utf-8"), raw_url.as_deref(), provenance);
        // The page's diagnostics point at this record, in this file's own location style.
        diags.extend(out.diagnostics.into_iter().map(|mut d| {
            d.location = at.clone();
            d
        }));
        let mut d = out.document?;
        d.format = Format::Jsonl;
        d
    } else {
        return None;
    };
    if doc.text.trim().is_empty() {
        return None;
    }
    if title.is_some() {
        doc.title = title;
    }
    if let Some(u) = raw_url {
        match canonical_url(&u) {
            Some(c) => doc.url = Some(c),
            None => diags.push(Diagnostic::warning(
                &at,
                format!("url is not an absolute http(s) URL: {u:?}"),
            )),
        }
    }
    if let Some(p) = take_str(&mut obj, PUBLISHER_KEYS) {
        doc.publisher = Some(p);
    }
    if let Some(secs) = take_epoch(&mut obj, PUBLISHED_KEYS) {
        match chrono::DateTime::from_timestamp(secs, 0) {
            Some(dt) => {
                doc.published = Some(dossier_core::Timestamp::from_fixed(
                    dt.fixed_offset(),
                    dossier_core::TimePrecision::Second,
                ))
            }
            None => diags.push(Diagnostic::warning(
                &at,
                format!("publication time out of range: {secs}"),
            )),
        }
    } else if let Some(p) = take_str(&mut obj, PUBLISHED_KEYS) {
        match dates::parse_datetime(&p) {
            Some(ts) => doc.published = Some(ts),
            None => diags.push(Diagnostic::warning(
                &at,
                format!("publication date not understood: {p:?}"),
            )),
        }
    }
    if let Some(m) = take_str(&mut obj, MODIFIED_KEYS) {
        match dates::parse_datetime(&m) {
            Some(ts) if Some(ts) != doc.published => {
                doc.metadata
                    .insert("modified".into(), Value::String(ts.local_string()));
            }
            Some(_) => {}
            None => diags.push(Diagnostic::warning(
                &at,
                format!("modification date not understood: {m:?}"),
            )),
        }
    }
    if let Some(l) = take_str(&mut obj, LANGUAGE_KEYS) {
        doc.language = lang::normalize_language_tag(&l);
    }
    if doc.language.is_none() {
        doc.language = lang::detect_language(&doc.text);
    }
    for (k, v) in obj {
        doc.metadata.insert(k, v);
    }
    Some(doc)
}

/// Every non-empty line is a complete JSON value: JSON lines, not one pretty-printed value.
/// Whether a line after the first non-empty one is a whole JSON object by itself.
fn later_line_is_object(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip(1)
        .any(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()))
}

fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines
        .next()
        .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok())
}

/// Paragraphs separated by a blank line, whitespace inside them collapsed.
pub(crate) fn normalise_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(crate::fragment::collapse)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_bad_lines() {
        let src = concat!(
            r#"{"id":"a1","title":"T","text":"Para one.\n\nPara  two.","published":"2024-01-04T10:00:00+03:30","url":"https://ex.com/a?utm_source=x","source":{"name":"Wire"},"section":"world"}"#,
            "\n",
            "{not json}\n",
            r#"{"title":"no text"}"#,
            "\n",
            r#"{"title":"cut"#,
        );
        let mut docs = Vec::new();
        let diags = parse_jsonl(src.as_bytes(), "f.jsonl", &mut |d| docs.push(d));
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Para one.\n\nPara two.");
        assert_eq!(d.url.as_deref(), Some("https://ex.com/a"));
        assert_eq!(d.publisher.as_deref(), Some("Wire"));
        assert_eq!(d.published.unwrap().utc_string(), "2024-01-04T06:30:00Z");
        assert_eq!(d.metadata["section"], "world");
        assert_eq!(d.metadata["id"], "a1");
        assert_eq!(d.provenance.locator.as_deref(), Some("line 1"));
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].contains("line 2") && msgs[0].contains("invalid JSON"));
        assert!(msgs[1].contains("line 3"));
        assert!(msgs[2].contains("line 4") && msgs[2].contains("truncated"));
    }

    #[test]
    fn a_modification_date_is_kept_as_modified() {
        // "updated" (or "dateModified") becomes metadata `modified`, the local time as given.
        let src = r#"{"title":"T","text":"A gunman opened fire.","published":"2020-11-02T22:30:00+01:00","dateModified":"2020-11-03T12:00:00+01:00"}"#;
        let mut docs = Vec::new();
        let diags = parse_jsonl(src.as_bytes(), "f.jsonl", &mut |d| docs.push(d));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(docs[0].metadata["modified"], "2020-11-03T12:00:00+01:00");
        assert!(!docs[0].metadata.contains_key("dateModified"));
    }
}
