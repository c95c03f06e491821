//! The JSON shapes the CLI prints (documented in docs/cli-json.md); kept apart from the store's
//! types so that the output stays stable when internals change.

use dossier_store::{DocSummary, StoredDocument};
use serde::Serialize;

/// One row of `dossier docs --format json`.
#[derive(Debug, Serialize)]
pub struct DocRow<'a> {
    pub id: i64,
    pub title: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub published: Option<&'a str>,
    pub published_utc: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: Option<&'a str>,
    pub format: &'a str,
    pub version: i64,
    pub cluster: i64,
}

impl<'a> From<&'a DocSummary> for DocRow<'a> {
    fn from(d: &'a DocSummary) -> Self {
        DocRow {
            id: d.id,
            title: d.title.as_deref(),
            publisher: d.publisher.as_deref(),
            published: d.published.as_deref(),
            published_utc: d.published_utc.as_deref(),
            url: d.url.as_deref(),
            language: d.language.as_deref(),
            format: &d.format,
            version: d.version,
            cluster: d.cluster,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct SourceOut<'a> {
    pub version: i64,
    pub path: &'a str,
    pub locator: Option<&'a str>,
    pub format: &'a str,
}

#[derive(Debug, Serialize)]
pub struct VersionOut<'a> {
    pub version: i64,
    pub content_hash: &'a str,
    pub title: Option<&'a str>,
    pub published: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct NearOut {
    pub id: i64,
    pub similarity: f64,
}

/// `dossier doc ID --format json`.
#[derive(Debug, Serialize)]
pub struct DocOut<'a> {
    pub id: i64,
    pub version: i64,
    pub cluster: i64,
    pub title: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub published: Option<String>,
    pub published_utc: Option<String>,
    pub retrieved: Option<String>,
    pub url: Option<&'a str>,
    pub language: Option<&'a str>,
    pub format: &'a str,
    pub text: &'a str,
    pub metadata: &'a std::collections::BTreeMap<String, serde_json::Value>,
    pub versions: Vec<VersionOut<'a>>,
    pub near_duplicates: Vec<NearOut>,
    pub sources: Vec<SourceOut<'a>>,
}

impl<'a> From<&'a StoredDocument> for DocOut<'a> {
    fn from(s: &'a StoredDocument) -> Self {
        let d = &s.document;
        DocOut {
            id: s.id,
            version: s.version,
            cluster: s.cluster,
            title: d.title.as_deref(),
            publisher: d.publisher.as_deref(),
            published: d.published.map(|t| t.local_string()),
            published_utc: d.published.map(|t| t.utc_string()),
            retrieved: d.retrieved.map(|t| t.utc_string()),
            url: d.url.as_deref(),
            language: d.language.as_deref(),
            format: d.format.as_str(),
            text: &d.text,
            metadata: &d.metadata,
            versions: s
                .versions
                .iter()
                .map(|v| VersionOut {
                    version: v.version,
                    content_hash: &v.content_hash,
                    title: v.title.as_deref(),
                    published: v.published.as_deref(),
                })
                .collect(),
            near_duplicates: s
                .near_duplicates
                .iter()
                .map(|n| NearOut {
                    id: n.id,
                    similarity: n.similarity,
                })
                .collect(),
            sources: s
                .arrivals
                .iter()
                .map(|a| SourceOut {
                    version: a.version,
                    path: &a.path,
                    locator: a.locator.as_deref(),
                    format: &a.format,
                })
                .collect(),
        }
    }
}
