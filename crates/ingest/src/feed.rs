//! RSS 2.0, Atom and JSON Feed: one document per item, full content (`content:encoded`)
//! preferred over the description, the item's own date kept with its offset.

use crate::{
    dates, decode::decode, fragment::fragment_to_text, jsonl::normalise_text, lang, IngestError,
};
use dossier_core::{canonical_url, Diagnostic, Document, Format, Provenance, Timestamp};
use feed_rs::model::{Entry, FeedType};
use regex::Regex;
use std::sync::LazyLock;

static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<(item|entry)[\s>].*?</(?:item|entry)>").expect("regex"));
static ITEM_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(pubDate|published|dc:date|issued|updated|modified)>\s*([^<]+?)\s*</")
        .expect("regex")
});
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<source[\s>].*?</source>").expect("regex"));
static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)["']"#).expect("regex")
});

/// Parse a feed, handing each item to `sink`. A feed that does not parse at all is an error.
pub fn parse_feed(
    bytes: &[u8],
    label: &str,
    sink: &mut dyn FnMut(Document),
) -> Result<Vec<Diagnostic>, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (feed, salvaged, mut diags) = match feed_rs::parser::parse(bytes) {
        Ok(feed) => (feed, None, Vec::new()),
        Err(e) => salvage(bytes, label).ok_or_else(|| IngestError::Malformed {
            path: label.into(),
            message: format!("not a valid feed: {e}"),
        })?,
    };
    let format = match feed.feed_type {
        FeedType::Atom => Format::Atom,
        FeedType::JSON => Format::JsonFeed,
        _ => Format::Rss,
    };
    // feed-rs gives dates in UTC only; the offset the feed stated is read from the raw items.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
    let charset = XML_ENCODING.captures(&head).map(|c| c[1].to_string());
    let raw = decode(bytes, charset.as_deref());
    let raw_dates: Vec<ItemDates> = if let Some(items) = &salvaged {
        items.iter().map(|(_, it)| item_dates(it)).collect()
    } else if format == Format::JsonFeed {
        json_item_dates(&raw)
    } else {
        ITEM.find_iter(&raw)
            .map(|m| item_dates(m.as_str()))
            .collect()
    };
    let aligned = raw_dates.len() == feed.entries.len();
    let publisher = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let feed_lang = feed
        .language
        .as_deref()
        .and_then(lang::normalize_language_tag);
    for (n, entry) in feed.entries.into_iter().enumerate() {
        // (Salvaged items keep their numbers in the file.)
        let i = salvaged
            .as_ref()
            .and_then(|items| items.get(n))
            .map_or(n, |(k, _)| *k);
        let at = format!("{label} item {}", i + 1);
        let raw_date = if aligned {
            raw_dates[n]
        } else {
            ItemDates::default()
        };
        match item(
            entry,
            format,
            Provenance::at(label, format!("item {}", i + 1)),
            raw_date,
        ) {
            Some(mut doc) => {
                if doc.publisher.is_none() {
                    doc.publisher.clone_from(&publisher);
                }
                if doc.language.is_none() {
                    doc.language = feed_lang
                        .clone()
                        .or_else(|| lang::detect_language(&doc.text));
                }
                if doc.published.is_none() {
                    diags.push(Diagnostic::warning(&at, "item has no date"));
                }
                sink(doc);
            }
            None => diags.push(Diagnostic::error(
                at,
                "item has neither content nor description",
            )),
        }
    }
    Ok(diags)
}

/// Salvaged items: each one's index among the file's items and its raw text.
type Salvaged = Vec<(usize, String)>;

/// A feed that does not parse as a whole ("a bare & in one title", "one byte that is not
/// UTF-8", "cut off inside the last item"): repaired (bad bytes replaced, bare ampersands
/// escaped), else read item by item with the channel's head, each bad item an error naming
/// it. `None` when no item can be read.
fn salvage(
    bytes: &[u8],
    label: &str,
) -> Option<(feed_rs::model::Feed, Option<Salvaged>, Vec<Diagnostic>)> {
    static BARE_AMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&(#[0-9]+;|#x[0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)?").expect("regex")
    });
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
    let charset = XML_ENCODING.captures(&head).map(|c| c[1].to_string());
    let text = decode(bytes, charset.as_deref());
    // (Now UTF-8: the declaration says so.)
    let text = XML_ENCODING.find(&text).map_or(text.clone(), |m| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
            &text[m.end()..]
                .trim_start_matches(|c| c != '>')
                .trim_start_matches('>')
        )
    });
    let text = BARE_AMP
        .replace_all(&text, |c: &regex::Captures| {
            if c.get(1).is_some() {
                c[0].to_string()
            } else {
                "&amp;".to_string()
            }
        })
        .into_owned();
    let mut diags = Vec::new();
    if let Ok(feed) = feed_rs::parser::parse(text.as_bytes()) {
        diags.push(Diagnostic::warning(
            label,
            "the feed was not well-formed (bytes that are not its encoding, or a bare `&`); read after repair",
        ));
        return Some((feed, None, diags));
    }
    // Item by item: the head up to the first item, each whole item, the closing tags.
    let items: Vec<regex::Match> = ITEM.find_iter(&text).collect();
    let first = items.first()?;
    let head = &text[..first.start()];
    let atom = head.contains("<feed");
    let tail = if atom { "</feed>" } else { "</channel></rss>" };
    let mut feed: Option<feed_rs::model::Feed> = None;
    let mut kept: Salvaged = Vec::new();
    for (k, m) in items.iter().enumerate() {
        let one = format!("{head}{}{tail}", m.as_str());
        match feed_rs::parser::parse(one.as_bytes()) {
            Ok(f) if !f.entries.is_empty() => {
                kept.push((k, m.as_str().to_string()));
                match &mut feed {
                    Some(all) => all.entries.extend(f.entries),
                    None => feed = Some(f),
                }
            }
            Ok(_) => diags.push(Diagnostic::error(
                format!("{label} item {}", k + 1),
                "item could not be read",
            )),
            Err(e) => diags.push(Diagnostic::error(
                format!("{label} item {}", k + 1),
                format!("malformed item: {e}"),
            )),
        }
    }
    let feed = feed?;
    // What follows the last whole item and is not the closing tags: a cut-off item.
    let rest = text[items.last().map_or(0, |m| m.end())..].trim();
    if rest.contains("<item") || rest.contains("<entry") {
        diags.push(Diagnostic::error(
            format!("{label} item {}", items.len() + 1),
            "truncated item: the feed is cut off",
        ));
    }
    Some((feed, Some(kept), diags))
}

/// The publication and modification dates an item states, with their offsets.
#[derive(Debug, Clone, Copy, Default)]
struct ItemDates {
    published: Option<Timestamp>,
    modified: Option<Timestamp>,
}

fn item_dates(item: &str) -> ItemDates {
    // The <updated> of an Atom <source> describes another feed, not this entry.
    let item = SOURCE.replace_all(item, "");
    // Prefer the publication date over the update date.
    let mut best: Option<(usize, Timestamp)> = None;
    let mut modified = None;
    for c in ITEM_DATE.captures_iter(&item) {
        let tag = c[1].to_ascii_lowercase();
        let rank = match tag.as_str() {
            "pubdate" | "published" | "issued" => 0,
            "dc:date" => 1,
            _ => 2,
        };
        if let Some(ts) = dates::parse_datetime(&c[2]) {
            if rank == 2 && modified.is_none() {
                modified = Some(ts);
            }
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((rank, ts));
            }
        }
    }
    ItemDates {
        published: best.map(|(_, t)| t),
        modified,
    }
}

/// Per-item dates of a JSON Feed, read from the JSON itself.
fn json_item_dates(raw: &str) -> Vec<ItemDates> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(raw) else {
        return Vec::new();
    };
    let date = |item: &serde_json::Value, key: &str| {
        item.get(key)
            .and_then(|d| d.as_str())
            .and_then(dates::parse_datetime)
    };
    v.get("items")
        .and_then(|i| i.as_array())
        .map(|items| {
            items
                .iter()
                .map(|item| ItemDates {
                    published: date(item, "date_published"),
                    modified: date(item, "date_modified"),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn item(
    entry: Entry,
    format: Format,
    provenance: Provenance,
    raw_date: ItemDates,
) -> Option<Document> {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|b| !b.trim().is_empty());
    let (body, is_html) = match content {
        Some(b) => {
            let html = entry
                .content
                .as_ref()
                .is_some_and(|c| !c.content_type.to_string().starts_with("text/plain"));
            (b, html)
        }
        None => {
            let s = entry.summary.as_ref()?;
            (
                s.content.clone(),
                !s.content_type.to_string().starts_with("text/plain"),
            )
        }
    };
    let text = if is_html || body.contains('<') {
        fragment_to_text(&body)
    } else {
        normalise_text(&body)
    };
    if text.trim().is_empty() {
        return None;
    }
    let mut doc = Document::new(format, provenance, text);
    doc.title = entry.title.map(|t| {
        if t.content.contains('<') || t.content.contains('&') {
            fragment_to_text(&t.content)
        } else {
            t.content.trim().to_string()
        }
    });
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    doc.url = link
        .as_deref()
        .and_then(canonical_url)
        .or_else(|| canonical_url(&entry.id));
    let stated = |d: chrono::DateTime<chrono::Utc>| {
        Timestamp::from_fixed(d.fixed_offset(), dossier_core::TimePrecision::Second)
    };
    doc.published = raw_date
        .published
        .or_else(|| entry.published.or(entry.updated).map(stated));
    // feed-rs copies an RSS pubDate into `updated`: only a distinct modification date counts.
    let modified = raw_date
        .modified
        .or_else(|| {
            entry
                .updated
                .filter(|u| Some(*u) != entry.published)
                .map(stated)
        })
        .filter(|m| Some(*m) != doc.published);
    if let Some(m) = modified {
        doc.metadata.insert(
            "modified".into(),
            serde_json::Value::String(m.local_string()),
        );
    }
    let authors: Vec<serde_json::Value> = entry
        .authors
        .iter()
        .filter_map(|a| a.name.clone())
        .map(serde_json::Value::String)
        .collect();
    if !authors.is_empty() {
        doc.metadata
            .insert("authors".into(), serde_json::Value::Array(authors));
    }
    let tags: Vec<serde_json::Value> = entry
        .categories
        .iter()
        .map(|c| serde_json::Value::String(c.term.clone()))
        .collect();
    if !tags.is_empty() {
        doc.metadata
            .insert("tags".into(), serde_json::Value::Array(tags));
    }
    if let Some(s) = entry.summary {
        if entry.content.is_some() {
            doc.metadata.insert(
                "description".into(),
                serde_json::Value::String(fragment_to_text(&s.content)),
            );
        }
    }
    doc.metadata
        .insert("feed_item_id".into(), serde_json::Value::String(entry.id));
    doc.language = entry
        .language
        .as_deref()
        .and_then(lang::normalize_language_tag);
    Some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_prefers_full_content_and_keeps_offset() {
        let src = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Baltic Wire</title>
<item><title>Blasts in Kerman</title><link>https://bw.example/kerman?utm_medium=rss</link>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Full text, first paragraph.</p><p>Second.</p>]]></content:encoded>
<pubDate>Wed, 03 Jan 2024 18:30:00 +0330</pubDate></item>
<item><title>Only description</title><link>https://bw.example/b</link><description>Teaser &lt;b&gt;two&lt;/b&gt;.</description></item>
</channel></rss>"#;
        let mut docs = Vec::new();
        let diags = parse_feed(src.as_bytes(), "f.xml", &mut |d| docs.push(d)).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Full text, first paragraph.\n\nSecond.");
        assert_eq!(docs[0].publisher.as_deref(), Some("Baltic Wire"));
        assert_eq!(docs[0].url.as_deref(), Some("https://bw.example/kerman"));
        assert_eq!(
            docs[0].published.unwrap().local_string(),
            "2024-01-03T18:30:00+03:30"
        );
        assert_eq!(docs[0].format, Format::Rss);
        assert_eq!(docs[1].text, "Teaser two.");
        assert_eq!(diags.len(), 1, "{diags:?}"); // second item has no date
    }

    #[test]
    fn garbage_is_malformed() {
        let r = parse_feed(b"<rss><channel><item>", "bad.xml", &mut |_| {});
        assert!(r.is_err() || r.is_ok_and(|d| d.is_empty()));
    }
}
