//! Format detection from a file name and, when that says nothing, from the content.

use dossier_core::Format;

/// True for `.warc` and `.warc.gz` names.
pub fn is_warc_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".warc") || n.ends_with(".warc.gz")
}

/// Looks like binary data: NUL bytes or many control characters in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 20 > head.len()
}

fn sniff_markup(head: &str) -> Option<Format> {
    if head.contains("<rss") || head.contains("<rdf:rdf") {
        Some(Format::Rss)
    } else if head.contains("<feed") {
        Some(Format::Atom)
    } else if head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<head")
        || head.contains("<body")
        || head.contains("<p")
        || head.contains("<div")
        || head.contains("<article")
    {
        Some(Format::Html)
    } else {
        None
    }
}

/// The format of an input, or `None` for binary data.
pub fn detect_format(name: Option<&str>, bytes: &[u8]) -> Option<Format> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.starts_with(b"WARC/") || body.starts_with(&[0x1f, 0x8b]) {
        return Some(Format::Warc);
    }
    if looks_binary(body) {
        return None;
    }
    let head_bytes = &body[..body.len().min(4096)];
    let head = String::from_utf8_lossy(head_bytes).to_lowercase();
    let trimmed = head.trim_start();
    let ext = name
        .and_then(|n| n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()))
        .unwrap_or_default();
    let by_ext = match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "rss" => Some(Format::Rss),
        "atom" => Some(Format::Atom),
        "json" => Some(
            if trimmed.starts_with('{') && head.contains("jsonfeed.org/version") {
                Format::JsonFeed
            } else {
                Format::Jsonl
            },
        ),
        "xml" => sniff_markup(trimmed),
        _ => None,
    };
    // A feed or a page saved as text ("feed.txt" opening "<?xml ... <rss"): what it holds.
    if matches!(by_ext, Some(Format::Text))
        && (trimmed.starts_with("<?xml")
            || trimmed.starts_with("<rss")
            || trimmed.starts_with("<feed")
            || trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html"))
    {
        if let Some(f) = sniff_markup(trimmed) {
            return Some(f);
        }
    }
    if by_ext.is_some() {
        return by_ext;
    }
    if trimmed.starts_with('<') {
        return sniff_markup(trimmed).or(Some(Format::Html));
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Some(if head.contains("jsonfeed.org/version") {
            Format::JsonFeed
        } else {
            Format::Jsonl
        });
    }
    if trimmed.starts_with("---") || trimmed.starts_with("# ") {
        return Some(Format::Markdown);
    }
    Some(Format::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name_and_content() {
        assert_eq!(
            detect_format(Some("a.html"), b"<p>x</p>"),
            Some(Format::Html)
        );
        assert_eq!(
            detect_format(None, b"  <!DOCTYPE html><html>"),
            Some(Format::Html)
        );
        assert_eq!(
            detect_format(None, b"<?xml version='1.0'?><rss version='2.0'>"),
            Some(Format::Rss)
        );
        assert_eq!(
            detect_format(Some("x.xml"), b"<?xml version='1.0'?><feed xmlns=''>"),
            Some(Format::Atom)
        );
        assert_eq!(
            detect_format(None, b"{\"version\":\"https://jsonfeed.org/version/1.1\"}"),
            Some(Format::JsonFeed)
        );
        assert_eq!(
            detect_format(None, b"{\"title\":\"a\"}\n"),
            Some(Format::Jsonl)
        );
        assert_eq!(detect_format(None, b"WARC/1.0\r\n"), Some(Format::Warc));
        assert_eq!(detect_format(None, b"Title\n\nBody"), Some(Format::Text));
        assert_eq!(
            detect_format(Some("a.txt"), b"\x89PNG\r\n\x1a\n\0\0\0"),
            None
        );
    }
}
