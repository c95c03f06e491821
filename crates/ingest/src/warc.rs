//! WARC and WARC.gz archives (as Common Crawl News writes them): every `response` record with an
//! HTML payload becomes a document; WARC-Target-URI is its URL and WARC-Date its retrieval time.
//!
//! The reader is streaming: one record is in memory at a time, so memory does not grow with the
//! archive. A truncated or corrupt archive keeps the records read before the damage.

use crate::{dates, html, FileOutcome, IngestError, Limits};
use dossier_core::{Diagnostic, Document, Format, Provenance};
use flate2::bufread::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// The longest header line accepted; longer means this is not a WARC.
const MAX_LINE: u64 = 64 * 1024;

/// Stream a WARC file from disk (gzip-compressed or not, by its first bytes).
pub fn read_warc_file(
    path: &Path,
    label: &str,
    limits: Limits,
    sink: &mut dyn FnMut(Document),
) -> Result<FileOutcome, IngestError> {
    let io = IngestError::io(label);
    let file = std::fs::File::open(path).map_err(io)?;
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let gz = reader.fill_buf().map_err(io)?.starts_with(&[0x1f, 0x8b]);
    if gz {
        read_warc_stream(
            BufReader::with_capacity(256 * 1024, MultiGzDecoder::new(reader)),
            label,
            limits,
            sink,
        )
    } else {
        read_warc_stream(reader, label, limits, sink)
    }
}

/// Parse an in-memory WARC (from standard input).
pub fn read_warc_bytes(
    bytes: &[u8],
    label: &str,
    limits: Limits,
    sink: &mut dyn FnMut(Document),
) -> Result<FileOutcome, IngestError> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        read_warc_stream(
            BufReader::new(MultiGzDecoder::new(bytes)),
            label,
            limits,
            sink,
        )
    } else {
        read_warc_stream(bytes, label, limits, sink)
    }
}

struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

enum Line {
    Eof,
    Text(String),
}

fn read_line(r: &mut impl BufRead) -> std::io::Result<Line> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(MAX_LINE).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if !buf.ends_with(b"\n") && n as u64 == MAX_LINE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "header line too long",
        ));
    }
    Ok(Line::Text(
        String::from_utf8_lossy(&buf)
            .trim_end_matches(['\r', '\n'])
            .to_string(),
    ))
}

fn read_headers(r: &mut impl BufRead) -> std::io::Result<Headers> {
    let mut h = Vec::new();
    loop {
        match read_line(r)? {
            Line::Eof => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "archive ends inside a record header",
                ))
            }
            Line::Text(l) if l.is_empty() => return Ok(Headers(h)),
            Line::Text(l) => {
                if let Some((k, v)) = l.split_once(':') {
                    h.push((k.trim().to_string(), v.trim().to_string()));
                }
            }
        }
    }
}

fn read_warc_stream(
    mut r: impl BufRead,
    label: &str,
    limits: Limits,
    sink: &mut dyn FnMut(Document),
) -> Result<FileOutcome, IngestError> {
    let mut out = FileOutcome {
        format: Some(Format::Warc),
        ..Default::default()
    };
    let mut n = 0usize;
    loop {
        let line = match read_line(&mut r) {
            Ok(Line::Eof) => break,
            Ok(Line::Text(l)) => l,
            Err(e) => {
                out.diagnostics.push(Diagnostic::error(
                    label,
                    format!("truncated or corrupt archive after {n} records: {e}"),
                ));
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let at = format!("{label} record {n}");
        if !line.starts_with("WARC/") {
            if n == 1 {
                return Err(IngestError::Malformed {
                    path: label.into(),
                    message: "not a WARC archive (no WARC/ version line)".into(),
                });
            }
            out.diagnostics.push(Diagnostic::error(
                at,
                "expected a WARC/ version line; the rest of the archive is unreadable",
            ));
            break;
        }
        let headers = match read_headers(&mut r) {
            Ok(h) => h,
            Err(e) => {
                out.diagnostics.push(Diagnostic::error(
                    at,
                    format!("truncated or corrupt record header: {e}"),
                ));
                break;
            }
        };
        let Some(len) = headers
            .get("Content-Length")
            .and_then(|v| v.parse::<u64>().ok())
        else {
            out.diagnostics.push(Diagnostic::error(
                at,
                "record has no valid Content-Length; the rest of the archive is unreadable",
            ));
            break;
        };
        if len > limits.max_record_bytes {
            match std::io::copy(&mut r.by_ref().take(len), &mut std::io::sink()) {
                Ok(got) if got == len => {}
                // (A length past the end of the file: the archive is cut off or the header
                // is corrupt, and the records after it are lost; an error, not a skip.)
                Ok(got) => {
                    out.diagnostics.push(Diagnostic::error(
                        at,
                        format!(
                            "truncated or corrupt record: Content-Length says {len} bytes, only {got} remain; the rest of the archive is unreadable"
                        ),
                    ));
                    break;
                }
                Err(e) => {
                    out.diagnostics
                        .push(Diagnostic::error(at, format!("truncated record: {e}")));
                    break;
                }
            }
            out.diagnostics.push(Diagnostic::warning(
                at,
                format!(
                    "record skipped: {len} bytes exceeds the limit of {}",
                    limits.max_record_bytes
                ),
            ));
            continue;
        }
        let mut body = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        match r.by_ref().take(len).read_to_end(&mut body) {
            Ok(got) if got as u64 == len => {}
            Ok(got) => {
                out.diagnostics.push(Diagnostic::error(
                    at,
                    format!("truncated record: {got} of {len} bytes"),
                ));
                break;
            }
            Err(e) => {
                out.diagnostics.push(Diagnostic::error(
                    at,
                    format!("truncated or corrupt record: {e}"),
                ));
                break;
            }
        }
        if !headers
            .get("WARC-Type")
            .is_some_and(|t| t.eq_ignore_ascii_case("response"))
        {
            continue;
        }
        if !headers
            .get("Content-Type")
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"))
        {
            continue;
        }
        if let Some(doc) = response_document(
            &body,
            &headers,
            &at,
            Provenance::at(label, format!("record {n}")),
            &mut out.diagnostics,
        ) {
            out.documents += 1;
            sink(doc);
        }
    }
    Ok(out)
}

/// The HTML document inside an HTTP response record, if it is one.
fn response_document(
    body: &[u8],
    warc: &Headers,
    at: &str,
    provenance: Provenance,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let split = find(body, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(body, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&body[..split.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&status) {
        return None;
    }
    let http = Headers(
        lines
            .filter_map(|l| {
                l.split_once(':')
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            })
            .collect(),
    );
    let ctype = http.get("Content-Type").unwrap_or("").to_ascii_lowercase();
    if !(ctype.contains("text/html") || ctype.contains("application/xhtml")) {
        return None;
    }
    let charset = ctype
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_string());
    let mut payload = body[split.1..].to_vec();
    if http
        .get("Transfer-Encoding")
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
    {
        payload = dechunk(&payload);
    }
    if let Some(enc) = http.get("Content-Encoding") {
        let enc = enc.to_ascii_lowercase();
        if enc == "gzip" || enc == "x-gzip" {
            let mut out = Vec::new();
            if MultiGzDecoder::new(&payload[..])
                .take(64 * 1024 * 1024)
                .read_to_end(&mut out)
                .is_err()
            {
                diags.push(Diagnostic::error(
                    at,
                    "gzip-encoded HTTP body does not decompress",
                ));
                return None;
            }
            payload = out;
        }
    }
    let target = warc
        .get("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string());
    let result = html::parse_html(&payload, charset.as_deref(), target.as_deref(), provenance);
    diags.extend(result.diagnostics);
    let mut doc = result.document?;
    doc.format = Format::Warc;
    doc.retrieved = warc.get("WARC-Date").and_then(dates::parse_datetime);
    if doc.url.is_none() {
        doc.url = target.as_deref().and_then(dossier_core::canonical_url);
    }
    Some(doc)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undo HTTP chunked transfer encoding; stops quietly at the first malformed chunk.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(eol) = find(data, b"\r\n") {
        let size_str = String::from_utf8_lossy(&data[..eol]);
        let Ok(size) = usize::from_str_radix(size_str.split(';').next().unwrap_or("").trim(), 16)
        else {
            break;
        };
        if size == 0 {
            break;
        }
        let start = eol + 2;
        let Some(end) = start.checked_add(size).filter(|e| *e <= data.len()) else {
            out.extend_from_slice(&data[start.min(data.len())..]);
            break;
        };
        out.extend_from_slice(&data[start..end]);
        data = &data[(end + 2).min(data.len())..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, ctype: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-03-23T08:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        )
        .into_bytes();
        r.extend_from_slice(payload);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"),
            b"Wikipedia"
        );
    }

    #[test]
    fn responses_only_and_truncation() {
        let mut w = record(
            "warcinfo",
            "application/warc-fields",
            "",
            b"software: test\r\n",
        );
        w.extend(record(
            "request",
            "application/http; msgtype=request",
            "https://a.example/x",
            b"GET /x HTTP/1.1\r\n\r\n",
        ));
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            "https://a.example/img",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let full = w.len();
        let _ = full;
        let mut docs = 0;
        let out = read_warc_bytes(&w, "t.warc", Limits::default(), &mut |_| docs += 1).unwrap();
        assert_eq!(docs, 0);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        // Cut in the middle of the last record.
        let cut = &w[..w.len() - 10];
        let out = read_warc_bytes(cut, "t.warc", Limits::default(), &mut |_| {}).unwrap();
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.message.contains("truncated")),
            "{:?}",
            out.diagnostics
        );
        assert!(read_warc_bytes(b"hello\n", "x", Limits::default(), &mut |_| {}).is_err());
    }
}
