//! The ingest crate's one integration-test binary: every format, over fixtures in `tests/data`.

mod formats;
mod html;
