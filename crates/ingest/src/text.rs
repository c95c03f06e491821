//! Plain text and Markdown articles: title line, dateline or front matter, body.
//!
//! The first non-empty line is the title. A dateline among the next lines ("As of: March 25,
//! 2024 10:57 a.m", "Stand: 25.03.2024 11:20 Uhr", "Updated: …") or a `date:` in YAML front matter
//! gives the publication time. A file's mtime is never used.

use crate::{dates, decode::decode_noting, fragment::collapse, lang};
use dossier_core::{canonical_url, Diagnostic, Document, Format, Provenance};

/// How many lines after the title are searched for a dateline.
const DATELINE_WINDOW: usize = 6;

/// Parse a text or Markdown article.
pub fn parse_text(
    bytes: &[u8],
    format: Format,
    label: &str,
) -> (Option<Document>, Vec<Diagnostic>) {
    let (raw, note) = decode_noting(bytes, None);
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut diags: Vec<Diagnostic> = note
        .map(|n| Diagnostic::warning(label, n))
        .into_iter()
        .collect();
    let mut doc = Document::new(format, Provenance::file(label), String::new());
    let mut body: &str = &raw;

    if let Some((front, rest)) = split_front_matter(&raw) {
        apply_front_matter(front, &mut doc, &mut diags, label);
        body = rest;
    }

    let markdown = format == Format::Markdown;
    let mut lines = body.lines().enumerate().peekable();
    let mut consumed = 0usize;
    if doc.title.is_none() {
        for (i, line) in lines.by_ref() {
            let t = clean_line(line, markdown);
            if !t.is_empty() {
                doc.title = Some(t);
                consumed = i + 1;
                break;
            }
        }
    }
    let all: Vec<&str> = body.lines().collect();
    let mut skip_line = None;
    if doc.published.is_none() {
        let mut seen = 0;
        for (i, line) in all.iter().enumerate().skip(consumed) {
            if line.trim().is_empty() {
                continue;
            }
            seen += 1;
            if seen > DATELINE_WINDOW {
                break;
            }
            if let Some(ts) = dates::parse_dateline(line) {
                doc.published = Some(ts);
                skip_line = Some(i);
                break;
            }
        }
    }

    // "By Staff, The Harbour Times", "By Jane Doe and John Roe, Reuters": a byline naming the
    // outlet after the last comma gives the publisher (the line stays in the text).
    if doc.publisher.is_none() {
        doc.publisher = all
            .iter()
            .skip(consumed)
            .filter(|l| !l.trim().is_empty())
            .take(DATELINE_WINDOW)
            .find_map(|l| byline_outlet(l));
    }

    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, line) in all.iter().enumerate().skip(consumed) {
        if Some(i) == skip_line {
            continue;
        }
        let t = clean_line(line, markdown);
        if t.is_empty() {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
            continue;
        }
        // Markdown headings are paragraphs of their own.
        if markdown && line.trim_start().starts_with('#') {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
            paras.push(t);
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&t);
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    doc.text = paras.join("\n\n");
    if doc.text.trim().is_empty() {
        diags.push(Diagnostic::error(label, "no article text after the title"));
        return (None, diags);
    }
    if doc.language.is_none() {
        doc.language = lang::detect_language(&doc.text);
    }
    (Some(doc), diags)
}

/// The outlet of a byline line ("By Staff, The Harbour Times" → "The Harbour Times"): a short
/// line opening with "By " whose part after the last comma is a capitalised name, no sentence.
fn byline_outlet(line: &str) -> Option<String> {
    let t = line.trim();
    // (German: "Von Redaktion, Elbe-Kurier".)
    let rest = ["By ", "by ", "Von ", "von "]
        .iter()
        .find_map(|p| t.strip_prefix(p))?;
    if t.chars().count() > 120 || t.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let (_, outlet) = rest.rsplit_once(", ")?;
    let outlet = outlet.trim();
    let words: Vec<&str> = outlet.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 6
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || ["of", "the", "and", "for", "de", "&"].contains(w)
        });
    named.then(|| outlet.to_string())
}

/// A Markdown thematic break: three or more `-`, `*` or `_` and nothing else but spaces.
fn is_thematic_break(line: &str) -> bool {
    let t = line.trim();
    let marks = t.chars().filter(|c| matches!(c, '-' | '*' | '_')).count();
    marks >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
}

/// Strip Markdown markup from one line (headings, emphasis, links, images) and collapse spaces.
fn clean_line(line: &str, markdown: bool) -> String {
    if !markdown {
        return collapse(line);
    }
    if is_thematic_break(line) {
        return String::new();
    }
    let l = line
        .trim_start()
        .trim_start_matches('#')
        .trim_start_matches('>');
    let l = l.trim_start();
    let l = l
        .strip_prefix("- ")
        .or_else(|| l.strip_prefix("* "))
        .or_else(|| l.strip_prefix("+ "))
        .unwrap_or(l);
    let chars: Vec<(usize, char)> = l.char_indices().collect();
    let mut out = String::with_capacity(l.len());
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        match c {
            '*' | '_' => {
                // Emphasis markers open or close at a word boundary; inside a word (snake_case,
                // 5*3) or standing alone between spaces they are text.
                let run_end = chars[k..].iter().take_while(|x| x.1 == c).count() + k;
                let before = prev;
                let after = chars.get(run_end).map(|x| x.1);
                let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
                let alone =
                    before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace);
                if (word(before) && word(after)) || alone {
                    for _ in k..run_end {
                        out.push(c);
                    }
                }
                k = run_end;
                continue;
            }
            '!' if next == Some('[') => {
                // Images vanish.
                if let Some(end) = link_end(l, i + 1) {
                    k = chars.partition_point(|x| x.0 < end);
                    continue;
                }
                out.push(c);
            }
            '[' => {
                // [text](url) keeps the text.
                if let Some(close) = l[i..].find("](") {
                    if let Some(end) = link_end(l, i) {
                        out.push_str(&clean_line(&l[i + 1..i + close], true));
                        k = chars.partition_point(|x| x.0 < end);
                        continue;
                    }
                }
                out.push(c);
            }
            '`' => {}
            _ => out.push(c),
        }
        k += 1;
    }
    collapse(&out)
}

/// For `[text](url)` starting at byte `start` (the `[`), the byte just after the closing `)`,
/// counting nested parentheses in the URL.
fn link_end(l: &str, start: usize) -> Option<usize> {
    let close = start + l[start..].find("](")?;
    let mut depth = 0usize;
    for (j, ch) in l[close + 1..].char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(close + 1 + j + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// YAML front matter between `---` lines at the very start.
fn split_front_matter(raw: &str) -> Option<(&str, &str)> {
    let rest = raw.trim_start_matches('\u{feff}').strip_prefix("---\n")?;
    if let Some(body) = rest.strip_prefix("---\n") {
        return Some(("", body));
    }
    let end = rest
        .find("\n---\n")
        .map(|e| (e, e + 5))
        .or_else(|| rest.find("\n...\n").map(|e| (e, e + 5)))
        .or_else(|| rest.strip_suffix("\n---").map(|r| (r.len(), rest.len())))?;
    Some((&rest[..end.0], &rest[end.1..]))
}

/// Read the flat `key: value` pairs of front matter (lists as `[a, b]` or `- a` lines).
fn apply_front_matter(front: &str, doc: &mut Document, diags: &mut Vec<Diagnostic>, label: &str) {
    let mut last_key: Option<String> = None;
    for line in front.lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if let Some(k) = &last_key {
                let entry = doc
                    .metadata
                    .entry(k.clone())
                    .or_insert_with(|| serde_json::Value::Array(vec![]));
                if let serde_json::Value::Array(a) = entry {
                    a.push(serde_json::Value::String(unquote(item).to_string()));
                }
            }
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let key = k.trim().to_lowercase();
        let value = unquote(v.trim());
        last_key = Some(key.clone());
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" | "headline" => doc.title = Some(value.to_string()),
            "date" | "published" | "pubdate" | "published_at" | "datepublished" => {
                match dates::parse_datetime(value) {
                    Some(ts) => doc.published = Some(ts),
                    None => diags.push(Diagnostic::warning(
                        label,
                        format!("front matter date not understood: {value:?}"),
                    )),
                }
            }
            "publisher" | "source" | "site" | "site_name" => {
                doc.publisher = Some(value.to_string())
            }
            "url" | "canonical" | "link" => {
                doc.url = canonical_url(value);
                if doc.url.is_none() {
                    diags.push(Diagnostic::warning(
                        label,
                        format!("front matter url not absolute: {value:?}"),
                    ));
                }
            }
            "language" | "lang" => doc.language = crate::lang::normalize_language_tag(value),
            _ => {
                let v = if value.starts_with('[') && value.ends_with(']') {
                    serde_json::Value::Array(
                        value[1..value.len() - 1]
                            .split(',')
                            .map(|s| serde_json::Value::String(unquote(s.trim()).to_string()))
                            .collect(),
                    )
                } else {
                    serde_json::Value::String(value.to_string())
                };
                doc.metadata.insert(key, v);
            }
        }
    }
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    if s.len() >= 2
        && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\'')))
    {
        &s[1..s.len() - 1]
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_dateline_body() {
        let src = "\n\nWhat is known about the group?\n\nbackground\n\nAs of: March 25, 2024 10:57 a.m\n\nFirst para\nwrapped line.\n\nSecond para.\n";
        let (doc, diags) = parse_text(src.as_bytes(), Format::Text, "a.txt");
        let doc = doc.unwrap();
        assert!(diags.is_empty());
        assert_eq!(doc.title.as_deref(), Some("What is known about the group?"));
        assert_eq!(doc.published.unwrap().local_string(), "2024-03-25T10:57:00");
        assert_eq!(
            doc.text,
            "background\n\nFirst para wrapped line.\n\nSecond para."
        );
    }

    #[test]
    fn markdown_front_matter() {
        let src = "---\ntitle: \"Arrests in Gera\"\ndate: 2024-03-20T08:00:00+01:00\npublisher: Northbridge Daily\ntags: [plot, arrest]\n---\n\n# Ignored heading\n\nTwo men were **arrested** in [Gera](https://example.org/gera).\n";
        let (doc, _) = parse_text(src.as_bytes(), Format::Markdown, "a.md");
        let doc = doc.unwrap();
        assert_eq!(doc.title.as_deref(), Some("Arrests in Gera"));
        assert_eq!(doc.publisher.as_deref(), Some("Northbridge Daily"));
        assert_eq!(doc.published.unwrap().utc_string(), "2024-03-20T07:00:00Z");
        assert_eq!(
            doc.text,
            "Ignored heading\n\nTwo men were arrested in Gera."
        );
        assert_eq!(doc.metadata["tags"], serde_json::json!(["plot", "arrest"]));
    }

    #[test]
    fn title_only_is_an_error() {
        let (doc, diags) = parse_text(b"Just a title\n", Format::Text, "t.txt");
        assert!(doc.is_none());
        assert_eq!(diags.len(), 1);
    }
}
