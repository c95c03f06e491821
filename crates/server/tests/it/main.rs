//! In-process API tests: the router answers requests (`tower::ServiceExt::oneshot`) over a store
//! built from the example corpus (`examples/corpus`), ingested and analysed once.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use dossier_server::{router, AppState};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower::ServiceExt;

#[path = "../../../knowledge/tests/support/store.rs"]
mod support;

/// A store in a temporary folder with `corpus` ingested and analysed.
fn build_store(dir: &Path, corpus: Option<&Path>) -> PathBuf {
    let path = dir.join("t.db");
    let mut store = dossier_store::SqliteStore::open(&path).unwrap();
    if let Some(root) = corpus {
        let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
        support::fill(&mut store, &[root.to_path_buf()], &kb, support::model());
    }
    path
}

fn resources() -> dossier_knowledge::Resources {
    dossier_knowledge::Resources::new(dossier_entities::KnowledgeBase::builtin().unwrap(), None)
}

/// The example corpus, built once for all read-only tests.
fn corpus_app() -> Router {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let path = build_store(dir.path(), Some(&corpus));
        (dir, path)
    });
    router(AppState::new(path, resources(), None).unwrap())
}

/// A fresh empty store with `token` configured, for writes.
fn write_app(token: Option<&str>) -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = build_store(dir.path(), None);
    let app = router(AppState::new(&path, resources(), token.map(String::from)).unwrap());
    (app, dir)
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }
    /// The error code of a JSON error body.
    fn code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

async fn send(app: Router, req: Request<Body>) -> Reply {
    let resp = app.oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

async fn get(app: Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn post(uri: &str, token: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut r = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(body.into()).unwrap()
}

#[tokio::test]
async fn health_counts_documents() {
    let r = get(corpus_app(), "/api/health").await;
    assert_eq!(r.status, StatusCode::OK);
    let j = r.json();
    assert_eq!(j["status"], "ok");
    assert!(j["documents"].as_i64().unwrap() > 0);
    assert_eq!(j["pending"], 0);
}

#[tokio::test]
async fn security_headers_on_every_response() {
    for uri in [
        "/",
        "/api/health",
        "/api/nothing",
        "/assets/app.js",
        "/profile/ISKP",
    ] {
        let r = get(corpus_app(), uri).await;
        let csp = r.header(header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("default-src 'self'"), "{uri}: {csp}");
        assert!(csp.contains("script-src 'self'"), "{uri}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{uri}: {csp}");
        assert_eq!(r.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{uri}");
    }
}

#[tokio::test]
async fn ui_pages_and_assets() {
    let r = get(corpus_app(), "/profile/ISKP").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header(header::CONTENT_TYPE).starts_with("text/html"));
    let html = String::from_utf8(r.body).unwrap();
    assert!(html.contains("/assets/app.js"));
    assert!(!html.contains("<script>"), "no inline scripts");
    let js = get(corpus_app(), "/assets/app.js").await;
    assert!(js
        .header(header::CONTENT_TYPE)
        .starts_with("text/javascript"));
    let world = get(corpus_app(), "/assets/world.json").await;
    assert_eq!(world.json()["type"], "FeatureCollection");
}

#[tokio::test]
async fn profile_of_iskp_has_events_with_citations() {
    let r = get(corpus_app(), "/api/profile?name=ISKP").await;
    assert_eq!(r.status, StatusCode::OK);
    let d: dossier_knowledge::Dossier = serde_json::from_slice(&r.body).unwrap();
    assert!(d.entity.name.contains("Khorasan"), "{}", d.entity.name);
    assert!(!d.events.is_empty());
    assert!(d.events.iter().all(|e| !e.sources.is_empty()));
    // Every citation's span quotes the document's text.
    let c = &d.events[0].sources[0];
    let doc = get(corpus_app(), &format!("/api/documents/{}", c.doc)).await;
    assert_eq!(doc.status, StatusCode::OK);
    let text = doc.json()["text"].as_str().unwrap().to_string();
    assert_eq!(&text[c.span[0]..c.span[1]], c.quote);
}

#[tokio::test]
async fn profile_as_of_limits_sources() {
    let all = get(corpus_app(), "/api/profile?name=ISKP").await.json();
    let early = get(corpus_app(), "/api/profile?name=iskp&as_of=1990-01-01").await;
    assert_eq!(early.status, StatusCode::OK);
    let early = early.json();
    assert_eq!(early["as_of"], "1990-01-01");
    assert!(early["sources"].as_array().unwrap().len() < all["sources"].as_array().unwrap().len());
}

#[tokio::test]
async fn unknown_name_is_a_json_404_with_suggestions() {
    let r = get(corpus_app(), "/api/profile?name=ISKPP").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r
        .header(header::CONTENT_TYPE)
        .starts_with("application/json"));
    let j = r.json();
    assert_eq!(j["error"]["code"], "not_found");
    assert!(j["error"]["message"].as_str().unwrap().contains("ISKPP"));
    assert!(j["error"]["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s.as_str().unwrap().contains("ISKP")));
}

#[tokio::test]
async fn bad_parameters_are_json_400s() {
    for (uri, code) in [
        ("/api/profile", "missing_parameter"),
        ("/api/profile?name=ISKP&as_of=yesterday", "bad_date"),
        ("/api/profile?name=a&name=b", "bad_query_string"),
        ("/api/events?kind=picnic", "bad_kind"),
        ("/api/events?format=kml", "bad_format"),
        ("/api/events?from=2024-13-45", "bad_date"),
        ("/api/search", "missing_parameter"),
        ("/api/search?q=isis&limit=-1", "bad_limit"),
        ("/api/search?q=%22%22%22", "bad_query"),
        ("/api/documents/abc", "bad_id"),
    ] {
        let r = get(corpus_app(), uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(r.code(), code, "{uri}");
    }
    let long = "x".repeat(5_000);
    for uri in [
        format!("/api/profile?name={long}"),
        format!("/api/events?entity={long}"),
        format!("/api/search?q={long}"),
    ] {
        let r = get(corpus_app(), &uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.code(), "too_long");
    }
    // Not UTF-8: decoded lossily, an unknown name.
    let r = get(corpus_app(), "/api/profile?name=%FF%FE").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = get(corpus_app(), "/api/documents/999999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not_found");
}

#[tokio::test]
async fn events_as_geojson() {
    let r = get(corpus_app(), "/api/events?entity=ISKP&format=geojson").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header(header::CONTENT_TYPE), "application/geo+json");
    let j = r.json();
    assert_eq!(j["type"], "FeatureCollection");
    let features = j["features"].as_array().unwrap();
    assert!(!features.is_empty());
    let c = &features[0]["geometry"]["coordinates"];
    assert!(c[0].as_f64().unwrap().abs() <= 180.0 && c[1].as_f64().unwrap().abs() <= 90.0);
    let plain = get(corpus_app(), "/api/events?entity=ISKP&kind=attack").await;
    assert_eq!(plain.status, StatusCode::OK);
    let events = plain.json()["events"].as_array().unwrap().clone();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["kind"] == "attack"));
    let none = get(corpus_app(), "/api/events?entity=nobody-at-all").await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_and_entities() {
    let r = get(corpus_app(), "/api/search?q=Crocus").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.json()["hits"].as_array().unwrap().is_empty());
    let e = get(corpus_app(), "/api/entities").await.json();
    let list = e["entities"].as_array().unwrap();
    let iskp = list
        .iter()
        .find(|x| x["name"].as_str().unwrap().contains("Khorasan"))
        .expect("ISKP is listed");
    assert!(iskp["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "ISKP"));
    assert!(iskp["documents"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn openapi_describes_every_endpoint() {
    let j = get(corpus_app(), "/api/openapi.json").await.json();
    assert!(j["openapi"].as_str().unwrap().starts_with("3.1"));
    for p in [
        "/api/health",
        "/api/search",
        "/api/entities",
        "/api/profile",
        "/api/events",
        "/api/documents/{id}",
        "/api/documents",
    ] {
        assert!(j["paths"][p].is_object(), "{p}");
    }
}

const DOC: &str = r#"{"title": "Attack in Kabul", "text": "Attack in Kabul\n\nIslamic State Khorasan Province (ISKP) claimed responsibility for a suicide bombing in Kabul on Monday that killed 12 people, officials said.", "published": "2024-05-06T18:00:00+04:30", "url": "https://news.example/kabul-attack"}"#;

#[tokio::test]
async fn post_analyses_the_posted_document_not_the_backlog() {
    // A document a command-line ingest stored and nobody analysed yet: a POST analyses its own
    // document only (the backlog is `dossier analyze`'s, however long).
    let dir = tempfile::tempdir().unwrap();
    let path = build_store(dir.path(), None);
    {
        use dossier_store::{Store, StoreTx};
        let mut store = dossier_store::SqliteStore::open(&path).unwrap();
        let mut d = dossier_core::Document::new(
            dossier_core::Format::Text,
            dossier_core::Provenance::at("backlog.txt", "file"),
            "Gunmen attacked a hotel in Mogadishu on Thursday, officials said.".into(),
        );
        d.published = dossier_core::Timestamp::parse_local("2024-03-15T09:00:00+03:00");
        let mut tx = store.begin().unwrap();
        tx.put(&d).unwrap();
        tx.commit().unwrap();
    }
    let app = router(AppState::new(&path, resources(), Some("s3cret".into())).unwrap());
    let r = send(app.clone(), post("/api/documents", Some("s3cret"), DOC)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["analysed"], 1);
    let health = get(app, "/api/health").await.json();
    assert_eq!(health["documents"], 2);
    assert_eq!(health["pending"], 1, "{health}");
}

#[tokio::test]
async fn post_is_refused_without_a_configured_token() {
    let (app, _dir) = write_app(None);
    let r = send(app, post("/api/documents", Some("anything"), DOC)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "ingest_disabled");
}

#[tokio::test]
async fn post_needs_the_token() {
    let (app, _dir) = write_app(Some("s3cret"));
    let r = send(app.clone(), post("/api/documents", None, DOC)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "unauthorized");
    assert_eq!(r.header(header::WWW_AUTHENTICATE), "Bearer");
    let r = send(app.clone(), post("/api/documents", Some("s3cre"), DOC)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let health = get(app, "/api/health").await.json();
    assert_eq!(health["documents"], 0);
}

#[tokio::test]
async fn post_with_the_token_stores_and_analyses() {
    let (app, _dir) = write_app(Some("s3cret"));
    let r = send(app.clone(), post("/api/documents", Some("s3cret"), DOC)).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let j = r.json();
    assert_eq!(j["put"]["outcome"], "new");
    assert_eq!(j["analysed"], 1);
    let id = j["id"].as_i64().unwrap();
    let doc = get(app.clone(), &format!("/api/documents/{id}"))
        .await
        .json();
    assert_eq!(doc["title"], "Attack in Kabul");
    assert_eq!(doc["url"], "https://news.example/kabul-attack");
    assert!(doc["published"].as_str().unwrap().starts_with("2024-05-06"));
    // Analysed: the profile now cites it.
    let p = get(app.clone(), "/api/profile?name=ISKP").await;
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(p.json()["sources"][0]["id"], id);
    // The same document again is a duplicate, not a second document.
    let again = send(app.clone(), post("/api/documents", Some("s3cret"), DOC)).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["put"]["outcome"], "duplicate");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_are_answered_while_an_ingest_runs() {
    let (app, _dir) = write_app(Some("s3cret"));
    let writers: Vec<_> = (0..4)
        .map(|i| {
            let body = DOC.replace("kabul-attack", &format!("kabul-attack-{i}"));
            tokio::spawn(send(
                app.clone(),
                post("/api/documents", Some("s3cret"), body),
            ))
        })
        .collect();
    for _ in 0..20 {
        let r = get(app.clone(), "/api/health").await;
        assert_eq!(r.status, StatusCode::OK);
    }
    for w in writers {
        assert_eq!(w.await.unwrap().status, StatusCode::CREATED);
    }
    assert_eq!(get(app, "/api/health").await.json()["documents"], 4);
}

#[tokio::test]
async fn post_rejects_bad_bodies() {
    let (app, _dir) = write_app(Some("s3cret"));
    let big = format!(
        r#"{{"title": "x", "text": "{}"}}"#,
        "a".repeat(dossier_server::MAX_BODY_BYTES)
    );
    let r = send(
        app.clone(),
        post("/api/documents", Some("s3cret"), big.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "payload_too_large");
    // Without a Content-Length (a stream), the limit holds too.
    let stream = Body::from_stream(futures_stream(big.into_bytes()));
    let r = send(app.clone(), post("/api/documents", Some("s3cret"), stream)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    for (body, code) in [
        ("not json", "bad_json"),
        (r#"{"title": "x"}"#, "bad_json"),
        (r#"{"title": "x", "text": "  "}"#, "missing_text"),
        (r#"{"title": "x", "text": "y", "evil": 1}"#, "bad_json"),
    ] {
        let r = send(app.clone(), post("/api/documents", Some("s3cret"), body)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(r.code(), code, "{body}");
    }
}

/// A body in 64 KiB chunks with no length known in advance.
fn futures_stream(
    bytes: Vec<u8>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    struct Chunks(Vec<u8>, usize);
    impl futures_core::Stream for Chunks {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            let start = self.1;
            if start >= self.0.len() {
                return std::task::Poll::Ready(None);
            }
            let end = (start + 65536).min(self.0.len());
            self.1 = end;
            std::task::Poll::Ready(Some(Ok(self.0[start..end].to_vec())))
        }
    }
    Chunks(bytes, 0)
}
