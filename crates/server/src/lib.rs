//! The dossier web server (`dossier serve`): a JSON API over a store and a web UI embedded in the
//! binary.
//!
//! Reads run on a small pool of SQLite connections (WAL lets them read while an ingest writes);
//! `POST /api/documents` writes through its own connection, one ingest at a time, and only with
//! the bearer token given at start. The knowledge base and the optional NER model are loaded once.
//! Every response carries a strict Content-Security-Policy; the UI renders article text as text.

mod api;
mod error;
mod ui;

pub use error::{ApiError, ServerError};

use axum::http::{header, HeaderValue};
use axum::Router;
use dossier_knowledge::Resources;
use dossier_store::SqliteStore;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Largest request body `POST /api/documents` accepts (bytes).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Idle read connections kept open.
const POOL_SIZE: usize = 8;

/// The Content-Security-Policy of every response: nothing inline, nothing from elsewhere.
pub const CSP: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

/// What every request shares: the store path, a pool of read connections, the analysis
/// resources (knowledge base, matcher, NER model) and the write token.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.inner.store_path)
            .field("token", &self.inner.token.is_some())
            .finish()
    }
}

struct Inner {
    store_path: PathBuf,
    pool: Mutex<Vec<SqliteStore>>,
    res: Resources,
    token: Option<String>,
    /// One ingest at a time (SQLite has one writer anyway; this keeps analyses in order).
    ingest: Mutex<()>,
}

impl AppState {
    /// State over an existing store with resources already loaded.
    pub fn new(
        store_path: &Path,
        res: Resources,
        token: Option<String>,
    ) -> Result<Self, ServerError> {
        let store = open_store(store_path)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                store_path: store_path.to_path_buf(),
                pool: Mutex::new(vec![store]),
                res,
                token: token.filter(|t| !t.is_empty()),
                ingest: Mutex::new(()),
            }),
        })
    }

    /// State over an existing store, loading the built-in knowledge base and, when one is found
    /// (`$DOSSIER_MODEL` or `./models/en_core_web_sm`), the NER model.
    pub fn load(store_path: &Path, token: Option<String>) -> Result<Self, ServerError> {
        let kb = dossier_entities::KnowledgeBase::builtin()
            .map_err(|e| ServerError::Kb(e.to_string()))?;
        let ner = match dossier_ner::find_model(None) {
            Some(p) => Some(
                dossier_ner::Model::load(&p).map_err(|e| ServerError::Model {
                    path: p.display().to_string(),
                    message: e.to_string(),
                })?,
            ),
            None => {
                tracing::warn!("no NER model found: documents posted are analysed without it");
                None
            }
        };
        Self::new(store_path, Resources::new(kb, ner), token)
    }

    /// Run `f` with a pooled read connection on the blocking thread pool.
    async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore, &Resources) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let inner = &state.inner;
            let taken = inner.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
            let store = match taken {
                Some(s) => s,
                None => SqliteStore::open(&inner.store_path)?,
            };
            let out = f(&store, &inner.res);
            if let Ok(mut p) = inner.pool.lock() {
                if p.len() < POOL_SIZE {
                    p.push(store);
                }
            }
            out
        })
        .await
        .map_err(|e| ApiError::Internal(format!("request task failed: {e}")))?
    }
}

fn open_store(path: &Path) -> Result<SqliteStore, ServerError> {
    if !path.exists() {
        return Err(ServerError::Store {
            path: path.display().to_string(),
            message: "does not exist (run `dossier ingest` first, or pass --store)".into(),
        });
    }
    SqliteStore::open(path).map_err(|e| ServerError::Store {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

/// The whole application: the API under `/api`, the UI elsewhere, security headers on every
/// response.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .with_state(state)
        .layer(axum::middleware::map_response(security_headers))
}

async fn security_headers(mut resp: axum::response::Response) -> axum::response::Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

/// Serve the store at `store_path` on `addr` until Ctrl-C. `token` enables `POST
/// /api/documents`.
pub async fn serve(
    addr: SocketAddr,
    store_path: &Path,
    token: Option<String>,
) -> Result<(), ServerError> {
    let path = store_path.to_path_buf();
    let state = tokio::task::spawn_blocking(move || AppState::load(&path, token))
        .await
        .map_err(|e| ServerError::Io(std::io::Error::other(e)))??;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: addr.to_string(),
            source,
        })?;
    let local = listener.local_addr()?;
    eprintln!(
        "dossier: serving {} on http://{local}/",
        store_path.display()
    );
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// [`serve`] on a multi-threaded runtime of its own, for callers without one (the CLI).
pub fn serve_blocking(
    addr: SocketAddr,
    store_path: &Path,
    token: Option<String>,
) -> Result<(), ServerError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(addr, store_path, token))
}
