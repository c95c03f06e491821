//! The web UI, embedded in the binary: one HTML page (the client routes `/` and
//! `/profile/{name}`), one script, one stylesheet and the bundled world outlines. No build step,
//! nothing fetched from elsewhere.

use crate::AppState;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

const INDEX: &str = include_str!("../ui/index.html");
const APP_JS: &str = include_str!("../ui/app.js");
const APP_CSS: &str = include_str!("../ui/app.css");
const WORLD: &str = include_str!("../../../data/world/countries-110m.geojson");
const ICON: &str = include_str!("../ui/icon.svg");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/profile/{name}", get(index))
        .route(
            "/assets/app.js",
            get(|| asset("text/javascript; charset=utf-8", APP_JS)),
        )
        .route(
            "/assets/app.css",
            get(|| asset("text/css; charset=utf-8", APP_CSS)),
        )
        .route("/favicon.ico", get(|| asset("image/svg+xml", ICON)))
        .route("/assets/icon.svg", get(|| asset("image/svg+xml", ICON)))
        .route(
            "/assets/world.json",
            get(|| asset("application/json", WORLD)),
        )
}

async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
        .into_response()
}

async fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}
