//! HTML pages: readability-style article text, metadata (title, publisher, dates, URL, language)
//! and legacy-encoding decoding.

use dossier_core::{Diagnostic, Document, Format, Provenance};

/// What [`parse_html`] found: at most one document, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct HtmlOutcome {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parse one HTML page.
///
/// `charset` is a charset from outside the page (an HTTP `Content-Type`), `url` the URL it was
/// fetched from (a WARC-Target-URI); both may be `None`. Never panics.
pub fn parse_html(bytes: &[u8], charset: Option<&str>, url: Option<&str>, provenance: Provenance) -> HtmlOutcome {
    let _ = (charset, url);
    let text = String::from_utf8_lossy(bytes).into_owned();
    HtmlOutcome {
        document: Some(Document::new(Format::Html, provenance, text)),
        diagnostics: Vec::new(),
    }
}
