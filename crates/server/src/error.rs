//! Errors: [`ApiError`] is what a request can fail with, answered as JSON
//! `{"error": {"code": "...", "message": "..."}}`; [`ServerError`] is what starting the server can
//! fail with.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// A request that failed; the response is JSON with a stable `code` and a readable `message`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter is missing or malformed (400).
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    /// Nothing by that name or id (404); names come with suggestions.
    #[error("{message}")]
    NotFound {
        message: String,
        suggestions: Vec<String>,
    },
    /// No or a wrong bearer token (401).
    #[error("a valid bearer token is required")]
    Unauthorized,
    /// The server was started without a token: writing is switched off (403).
    #[error("ingesting is disabled: start the server with --token or DOSSIER_TOKEN")]
    IngestDisabled,
    /// The request body is larger than the limit (413).
    #[error("the request body is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// The store failed (500; 503 with `Retry-After` while another writer holds it).
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    /// Anything else that is the server's fault (500).
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    pub fn bad(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::BadRequest {
            code,
            message: message.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::IngestDisabled => StatusCode::FORBIDDEN,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Store(dossier_store::StoreError::BadQuery(_)) => StatusCode::BAD_REQUEST,
            // (Another writer, such as a command-line ingest, holds the store: try again.)
            ApiError::Store(e) if e.is_busy() => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Store(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { code, .. } => code,
            ApiError::NotFound { .. } => "not_found",
            ApiError::Unauthorized => "unauthorized",
            ApiError::IngestDisabled => "ingest_disabled",
            ApiError::TooLarge { .. } => "payload_too_large",
            ApiError::Store(dossier_store::StoreError::BadQuery(_)) => "bad_query",
            ApiError::Store(e) if e.is_busy() => "store_busy",
            ApiError::Store(_) => "store_error",
            ApiError::Internal(_) => "internal",
        }
    }
}

impl From<dossier_knowledge::Error> for ApiError {
    fn from(e: dossier_knowledge::Error) -> Self {
        match e {
            dossier_knowledge::Error::NotFound { name, suggestions } => ApiError::NotFound {
                message: format!("no entity called {name:?}"),
                suggestions,
            },
            dossier_knowledge::Error::Store(s) => ApiError::Store(s),
            dossier_knowledge::Error::Invalid(m) => ApiError::Internal(m),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!("{self}");
        }
        let mut body = json!({"code": self.code(), "message": self.to_string()});
        if let ApiError::NotFound { suggestions, .. } = &self {
            body["suggestions"] = json!(suggestions);
        }
        let mut resp = (status, axum::Json(json!({ "error": body }))).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
        }
        if matches!(self, ApiError::Unauthorized) {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        resp
    }
}

/// Starting the server failed.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("store {path}: {message}")]
    Store { path: String, message: String },
    #[error("knowledge base: {0}")]
    Kb(String),
    #[error("NER model {path}: {message}")]
    Model { path: String, message: String },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_store_is_503_with_retry_after() {
        let busy = dossier_store::StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        ));
        let e = ApiError::Store(busy);
        assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.code(), "store_busy");
        let resp = e.into_response();
        assert_eq!(resp.headers().get(header::RETRY_AFTER).unwrap(), "5");
        // Other store failures stay 500.
        let other = ApiError::Store(dossier_store::StoreError::Corrupt("x".into()));
        assert_eq!(other.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
