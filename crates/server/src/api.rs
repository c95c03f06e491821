//! The JSON API under `/api` (described in `openapi.json`): health, search, entities, profiles,
//! events (JSON or GeoJSON), documents, and ingesting one document with the bearer token.

use crate::{ApiError, AppState, MAX_BODY_BYTES};
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dossier_knowledge::profile::{entity_name, filter_period, fuse_events, Loaded};
use dossier_store::{Store, StoreTx};
use serde::Deserialize;
use serde_json::{json, Value};

const OPENAPI: &str = include_str!("../openapi.json");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/search", get(search))
        .route("/api/entities", get(entities))
        .route("/api/profile", get(profile))
        .route("/api/events", get(events))
        .route("/api/documents", axum::routing::post(post_document))
        .route("/api/documents/{id}", get(document))
        .route("/api/openapi.json", get(openapi))
        .route("/api/{*rest}", get(no_route).post(no_route))
}

type Q<T> = Result<Query<T>, QueryRejection>;

/// The query parameters, or a JSON 400 naming what was wrong.
fn query<T>(q: Q<T>) -> Result<T, ApiError> {
    q.map(|Query(t)| t)
        .map_err(|e| ApiError::bad("bad_query_string", e.body_text()))
}

/// Check an optional `YYYY-MM-DD` parameter.
fn date(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(|_| Some(s.to_string()))
            .map_err(|_| {
                ApiError::bad(
                    "bad_date",
                    format!("{name} {s:?} is not a date (YYYY-MM-DD)"),
                )
            }),
    }
}

fn nonempty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Longest name or query accepted: name suggestions compare against every alias.
const MAX_NAME_CHARS: usize = 200;

fn short(name: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    match v {
        Some(s) if s.chars().count() > MAX_NAME_CHARS => Err(ApiError::bad(
            "too_long",
            format!("{name} is longer than {MAX_NAME_CHARS} characters"),
        )),
        v => Ok(v),
    }
}

async fn no_route() -> ApiError {
    ApiError::NotFound {
        message: "no such API endpoint (see /api/openapi.json)".into(),
        suggestions: Vec::new(),
    }
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn health(State(st): State<AppState>) -> Result<Json<Value>, ApiError> {
    st.read(|store, res| {
        let stats = store.stats()?;
        let (analysed, pending) = store.analysis_counts(dossier_knowledge::ANALYZER)?;
        Ok(Json(json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "documents": stats.documents,
            "analysed": analysed,
            "pending": pending,
            "ner": res.ner.is_some(),
        })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct SearchQ {
    q: Option<String>,
    limit: Option<String>,
}

async fn search(State(st): State<AppState>, q: Q<SearchQ>) -> Result<Json<Value>, ApiError> {
    let q = query(q)?;
    let text = short("q", nonempty(q.q))?
        .ok_or_else(|| ApiError::bad("missing_parameter", "q is required"))?;
    let limit = match q.limit.as_deref() {
        None | Some("") => 20,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=200).contains(n))
            .ok_or_else(|| ApiError::bad("bad_limit", "limit must be a number from 1 to 200"))?,
    };
    st.read(move |store, _| {
        let hits = store.search(&text, limit)?;
        Ok(Json(json!({ "query": text, "hits": hits })))
    })
    .await
}

async fn entities(State(st): State<AppState>) -> Result<Json<Value>, ApiError> {
    st.read(|store, res| {
        let kb = &res.kb;
        let list: Vec<Value> = store
            .analysed_entities()?
            .into_iter()
            .map(|(id, documents)| match kb.get(&id) {
                Some(e) => json!({
                    "id": id,
                    "name": e.name,
                    "kind": e.kind,
                    "aliases": e.names().iter().skip(1).map(|n| n.name).collect::<Vec<_>>(),
                    "documents": documents,
                }),
                None => json!({
                    "id": id,
                    "name": entity_name(kb, &id),
                    "kind": "new",
                    "aliases": [],
                    "documents": documents,
                }),
            })
            .collect();
        Ok(Json(json!({ "entities": list })))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct ProfileQ {
    name: Option<String>,
    as_of: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

async fn profile(State(st): State<AppState>, q: Q<ProfileQ>) -> Result<Response, ApiError> {
    let q = query(q)?;
    let as_of = date("as_of", &q.as_of)?;
    let from = date("from", &q.from)?;
    let to = date("to", &q.to)?;
    let name = short("name", nonempty(q.name))?
        .ok_or_else(|| ApiError::bad("missing_parameter", "name is required"))?;
    st.read(move |store, res| {
        let mut d = dossier_knowledge::profile(store, &res.kb, &name, as_of.as_deref())?;
        filter_period(&mut d.events, from.as_deref(), to.as_deref());
        Ok(Json(d).into_response())
    })
    .await
}

#[derive(Debug, Deserialize)]
struct EventsQ {
    entity: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    as_of: Option<String>,
    format: Option<String>,
}

async fn events(State(st): State<AppState>, q: Q<EventsQ>) -> Result<Response, ApiError> {
    let q = query(q)?;
    let as_of = date("as_of", &q.as_of)?;
    let from = date("from", &q.from)?;
    let to = date("to", &q.to)?;
    let kind = nonempty(q.kind);
    if let Some(k) = &kind {
        if dossier_core::claims::EventKind::parse(k).is_none() {
            let all: Vec<&str> = dossier_core::claims::EventKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect();
            return Err(ApiError::bad(
                "bad_kind",
                format!(
                    "kind {k:?} is not an event kind (one of {})",
                    all.join(", ")
                ),
            ));
        }
    }
    let geojson = match nonempty(q.format).as_deref() {
        None | Some("json") => false,
        Some("geojson") => true,
        Some(f) => {
            return Err(ApiError::bad(
                "bad_format",
                format!("format {f:?} is not json or geojson"),
            ))
        }
    };
    let entity = short("entity", nonempty(q.entity))?;
    st.read(move |store, res| {
        let kb = &res.kb;
        let mut events = match &entity {
            Some(name) => {
                let id = dossier_knowledge::resolve(kb, store, name)?;
                let docs = dossier_knowledge::load_for(store, &id, as_of.as_deref())?;
                fuse_events(&docs, kb, Some(&id), &[])
            }
            None => {
                let docs: Vec<Loaded> = store
                    .analyses(as_of.as_deref())?
                    .into_iter()
                    .filter_map(Loaded::parse)
                    .collect();
                fuse_events(&docs, kb, None, &[])
            }
        };
        if let Some(k) = &kind {
            events.retain(|e| &e.kind == k);
        }
        filter_period(&mut events, from.as_deref(), to.as_deref());
        Ok(if geojson {
            (
                [(header::CONTENT_TYPE, "application/geo+json")],
                Json(dossier_knowledge::export::geojson(&events)),
            )
                .into_response()
        } else {
            Json(json!({ "events": events })).into_response()
        })
    })
    .await
}

async fn document(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad("bad_id", format!("{id:?} is not a document id")))?;
    st.read(move |store, _| {
        let Some(d) = store.get(id)? else {
            return Err(ApiError::NotFound {
                message: format!("no document {id}"),
                suggestions: Vec::new(),
            });
        };
        let doc = &d.document;
        Ok(Json(json!({
            "id": d.id,
            "version": d.version,
            "title": doc.title,
            "publisher": doc.publisher,
            "published": doc.published.as_ref().map(|t| t.local_string()),
            "url": doc.url,
            "language": doc.language,
            "text": doc.text,
        }))
        .into_response())
    })
    .await
}

/// The body of `POST /api/documents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewDocument {
    title: String,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

/// Constant-time comparison of the presented token with the configured one.
fn token_matches(given: &str, expected: &str) -> bool {
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn post_document(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let Some(expected) = st.inner.token.clone() else {
        return Err(ApiError::IngestDisabled);
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if !given.is_some_and(|g| token_matches(g, &expected)) {
        return Err(ApiError::Unauthorized);
    }
    let too_large = ApiError::TooLarge {
        limit: MAX_BODY_BYTES,
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large);
    }
    let bytes =
        match http_body_util::BodyExt::collect(http_body_util::Limited::new(body, MAX_BODY_BYTES))
            .await
        {
            Ok(c) => c.to_bytes(),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => return Err(too_large),
            Err(e) => return Err(ApiError::bad("bad_body", format!("reading the body: {e}"))),
        };
    let doc: NewDocument = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad("bad_json", format!("the body is not a document: {e}")))?;
    if doc.text.trim().is_empty() {
        return Err(ApiError::bad("missing_text", "text must not be empty"));
    }
    // The JSON-lines reader does what `dossier ingest` does with such a record: canonical URL,
    // publication time with its offset, language.
    let mut line = json!({"title": doc.title, "text": doc.text});
    for (k, v) in [
        ("url", doc.url),
        ("published", doc.published),
        ("publisher", doc.publisher),
        ("language", doc.language),
    ] {
        if let Some(v) = v {
            line[k] = json!(v);
        }
    }
    let line = serde_json::to_vec(&line).map_err(|e| ApiError::Internal(e.to_string()))?;
    let state = st.clone();
    let (status, body) = tokio::task::spawn_blocking(move || ingest_one(&state, &line))
        .await
        .map_err(|e| ApiError::Internal(format!("ingest task failed: {e}")))??;
    Ok((status, Json(body)).into_response())
}

fn ingest_one(st: &AppState, line: &[u8]) -> Result<(StatusCode, Value), ApiError> {
    let mut docs = Vec::new();
    let outcome = dossier_ingest::read_bytes(
        line,
        "api",
        Some("api.jsonl"),
        dossier_ingest::Limits::default(),
        &mut |d| docs.push(d),
    )
    .map_err(|e| ApiError::bad("bad_document", e.to_string()))?;
    let Some(doc) = docs.into_iter().next() else {
        let msgs: Vec<String> = outcome
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        return Err(ApiError::bad("bad_document", msgs.join("; ")));
    };
    let warnings: Vec<String> = outcome
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    let inner = &st.inner;
    let _one_writer = inner
        .ingest
        .lock()
        .map_err(|_| ApiError::Internal("ingest lock poisoned".into()))?;
    let mut store = dossier_store::SqliteStore::open(&inner.store_path)?;
    let mut tx = store.begin()?;
    let put = tx.put(&doc)?;
    tx.commit()?;
    // The posted document only: a backlog from a command-line ingest is `dossier analyze`'s.
    let analysed = dossier_knowledge::analyze_document(&mut store, &inner.res, put.id())?;
    let status = match put {
        dossier_store::PutOutcome::Duplicate { .. } => StatusCode::OK,
        _ => StatusCode::CREATED,
    };
    Ok((
        status,
        json!({ "id": put.id(), "put": put, "analysed": analysed, "warnings": warnings }),
    ))
}
