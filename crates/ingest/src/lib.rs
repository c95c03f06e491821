//! Ingestion: reads news as users have it (HTML, text/Markdown, JSON lines, RSS/Atom/JSON Feed,
//! WARC) and turns it into [`Document`]s. Pure parsing; the only I/O is reading the input file.
//!
//! Every parser takes bytes and returns documents plus diagnostics; none of them panics on any
//! input. Only opening and reading a file returns an error.

pub mod dates;
mod decode;
pub mod detect;
pub mod feed;
pub mod fragment;
pub mod html;
pub mod jsonl;
pub mod lang;
pub mod text;
pub mod warc;

use dossier_core::{Diagnostic, Document, Format};
use std::io::Read;
use std::path::Path;

pub use detect::detect_format;

/// Limits that protect the process from hostile or broken input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest single file (or stdin) read into memory; WARC files are streamed and exempt.
    pub max_file_bytes: u64,
    /// Largest single WARC record payload.
    pub max_record_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            max_record_bytes: 16 * 1024 * 1024,
        }
    }
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: file is empty")]
    Empty { path: String },
    #[error("{path}: file is too large ({size} bytes, limit {limit})")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: binary data, not a supported news format")]
    Binary { path: String },
    #[error("{path}: {message}")]
    Malformed { path: String, message: String },
}

impl IngestError {
    /// Wrap an I/O error on the input labelled `path`.
    pub(crate) fn io(path: &str) -> impl Fn(std::io::Error) -> IngestError + Copy + '_ {
        move |source| IngestError::Io {
            path: path.to_string(),
            source,
        }
    }
}

/// What one input file yielded.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub format: Option<Format>,
    /// Documents found. Records that failed are in `diagnostics` as errors.
    pub documents: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileOutcome {
    /// True when some record could not be used.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == dossier_core::Severity::Error)
    }
}

/// Read one file (or `-` for standard input) and hand every document to `sink`, in input order.
///
/// WARC files are streamed record by record, so memory does not grow with the file.
pub fn read_path(
    path: &Path,
    label: &str,
    limits: Limits,
    sink: &mut dyn FnMut(Document),
) -> Result<FileOutcome, IngestError> {
    let io = IngestError::io(label);
    if label == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limits.max_file_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
        if buf.len() as u64 > limits.max_file_bytes {
            return Err(IngestError::TooLarge {
                path: label.into(),
                size: buf.len() as u64,
                limit: limits.max_file_bytes,
            });
        }
        return read_bytes(&buf, label, None, limits, sink);
    }
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(IngestError::Malformed {
            path: label.into(),
            message: "is a directory".into(),
        });
    }
    if meta.len() == 0 {
        return Err(IngestError::Empty { path: label.into() });
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if detect::is_warc_name(name) {
        let mut out = warc::read_warc_file(path, label, limits, sink)?;
        if out.documents == 0 && !out.has_errors() {
            out.diagnostics.push(Diagnostic::warning(
                label,
                "no HTML response records in the archive",
            ));
        }
        return Ok(out);
    }
    if meta.len() > limits.max_file_bytes {
        return Err(IngestError::TooLarge {
            path: label.into(),
            size: meta.len(),
            limit: limits.max_file_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    read_bytes(&bytes, label, Some(name), limits, sink)
}

/// Parse an in-memory input. `name` (a file name) helps format detection; content decides when
/// the name says nothing.
pub fn read_bytes(
    bytes: &[u8],
    label: &str,
    name: Option<&str>,
    limits: Limits,
    sink: &mut dyn FnMut(Document),
) -> Result<FileOutcome, IngestError> {
    // UTF-16 (with a byte-order mark) is transcoded first: its NUL bytes are not binary.
    let transcoded;
    let bytes = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
            transcoded = enc
                .decode_without_bom_handling(&bytes[bom..])
                .0
                .into_owned();
            transcoded.as_bytes()
        }
        _ => bytes,
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path: label.into() });
    }
    let format =
        detect_format(name, bytes).ok_or_else(|| IngestError::Binary { path: label.into() })?;
    let mut outcome = FileOutcome {
        format: Some(format),
        ..Default::default()
    };
    let mut count = 0usize;
    let mut counting_sink = |d: Document| {
        count += 1;
        sink(d)
    };
    match format {
        Format::Html => {
            // A page file cut off in transfer: it opens <html> or <body> and closes neither.
            // Storing it would replace the complete version of the same URL.
            if html::cut_off(bytes) {
                outcome.diagnostics.push(dossier_core::Diagnostic::error(
                    label,
                    "truncated HTML: the page opens <html> or <body> but closes neither (file cut off?)",
                ));
                return Ok(outcome);
            }
            let out = html::parse_html(bytes, None, None, dossier_core::Provenance::file(label));
            outcome.diagnostics = out.diagnostics;
            if let Some(doc) = out.document {
                counting_sink(doc);
            }
        }
        Format::Text | Format::Markdown => {
            let (doc, diags) = text::parse_text(bytes, format, label);
            outcome.diagnostics = diags;
            if let Some(doc) = doc {
                counting_sink(doc);
            }
        }
        Format::Jsonl => outcome.diagnostics = jsonl::parse_jsonl(bytes, label, &mut counting_sink),
        Format::Rss | Format::Atom | Format::JsonFeed => {
            outcome.diagnostics = feed::parse_feed(bytes, label, &mut counting_sink)?;
        }
        Format::Warc => {
            let o = warc::read_warc_bytes(bytes, label, limits, &mut counting_sink)?;
            outcome.diagnostics = o.diagnostics;
        }
    }
    outcome.documents = count;
    if outcome.documents == 0 && format == Format::Warc && !outcome.has_errors() {
        outcome.diagnostics.push(Diagnostic::warning(
            label,
            "no HTML response records in the archive",
        ));
    } else if outcome.documents == 0 && !outcome.has_errors() {
        outcome
            .diagnostics
            .push(Diagnostic::error(label, "no article text found"));
    }
    Ok(outcome)
}
