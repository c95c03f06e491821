//! Plain text and Markdown articles: title line, dateline or front matter, body.

use dossier_core::{Diagnostic, Document, Format};

/// Parse a text or Markdown article.
pub fn parse_text(bytes: &[u8], format: Format, label: &str) -> (Option<Document>, Vec<Diagnostic>) {
    let _ = (bytes, format, label);
    (None, Vec::new())
}
