//! The `Document`: one news article as ingested, with its metadata and extracted plain text.

use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The input format a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Text,
    Markdown,
    Jsonl,
    Rss,
    Atom,
    JsonFeed,
    Warc,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::JsonFeed => "jsonfeed",
            Format::Warc => "warc",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "html" => Format::Html,
            "text" => Format::Text,
            "markdown" => Format::Markdown,
            "jsonl" => Format::Jsonl,
            "rss" => Format::Rss,
            "atom" => Format::Atom,
            "jsonfeed" => Format::JsonFeed,
            "warc" => Format::Warc,
            _ => return None,
        })
    }
}

/// Where a document came from: the file and, for containers, which record inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Provenance {
    /// The path as given on the command line (or `-` for standard input).
    pub path: String,
    /// Inside a container: `line 3`, `item 2`, `record 7`. `None` for single-document files.
    pub locator: Option<String>,
}

impl Provenance {
    pub fn file(path: impl Into<String>) -> Self {
        Provenance {
            path: path.into(),
            locator: None,
        }
    }

    pub fn at(path: impl Into<String>, locator: impl Into<String>) -> Self {
        Provenance {
            path: path.into(),
            locator: Some(locator.into()),
        }
    }

    /// `path` or `path (locator)`, for messages.
    pub fn display(&self) -> String {
        match &self.locator {
            Some(l) => format!("{} ({l})", self.path),
            None => self.path.clone(),
        }
    }
}

/// One article. `text` is the extracted plain text that every span in later stages points into:
/// paragraphs separated by a blank line, no markup, no boilerplate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Canonical URL (see [`crate::canonical_url`]) when known.
    pub url: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// Publication time as stated by the source; never a file's mtime.
    pub published: Option<Timestamp>,
    /// When a crawler retrieved it (WARC-Date), if known.
    pub retrieved: Option<Timestamp>,
    /// ISO 639-1 code (`en`, `de`) when declared or detected.
    pub language: Option<String>,
    pub format: Format,
    pub provenance: Provenance,
    pub text: String,
    /// Everything else the source said about the article (authors, tags, extra JSON fields).
    pub metadata: BTreeMap<String, serde_json::Value>,
}

impl Document {
    /// A document with only text, format and provenance set.
    pub fn new(format: Format, provenance: Provenance, text: String) -> Self {
        Document {
            url: None,
            title: None,
            publisher: None,
            published: None,
            retrieved: None,
            language: None,
            format,
            provenance,
            text,
            metadata: BTreeMap::new(),
        }
    }
}
