//! Document identity: canonical URLs and content hashes, shared by ingest and store.

use sha2::{Digest, Sha256};

/// Query parameters that only track campaigns and never change the article.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "mc_cid",
    "mc_eid",
    "ocid",
    "cmpid",
    "ref",
    "ref_src",
    "igshid",
    "at_medium",
    "at_campaign",
];

/// Normalise a URL so that the same article has one key: lower-case scheme and host, no
/// fragment, no tracking parameters (`utm_*` and friends), no default port, no trailing slash on
/// a non-root path. Returns `None` for anything that is not an absolute http(s) URL.
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut u = url::Url::parse(raw.trim()).ok()?;
    if u.scheme() != "http" && u.scheme() != "https" {
        return None;
    }
    u.host_str()?;
    u.set_fragment(None);
    let kept: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING_PARAMS.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(kept);
    }
    let path = u.path().to_string();
    if path.len() > 1 && path.ends_with('/') {
        u.set_path(path.trim_end_matches('/'));
    }
    Some(u.to_string())
}

/// Whitespace-collapsed text: what the content hash is computed over, so that re-wrapping or
/// different paragraph spacing of the same article does not make it a new one.
pub fn normalize_text_for_hash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// SHA-256 (hex) of the whitespace-normalised text.
pub fn content_hash(text: &str) -> String {
    let mut h = Sha256::new();
    h.update(normalize_text_for_hash(text).as_bytes());
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_url_strips_noise() {
        assert_eq!(
            canonical_url("HTTPS://Example.COM:443/news/a/?utm_source=x&id=3#top").as_deref(),
            Some("https://example.com/news/a?id=3")
        );
        assert_eq!(
            canonical_url("https://example.com/").as_deref(),
            Some("https://example.com/")
        );
        assert_eq!(canonical_url("mailto:a@b.c"), None);
        assert_eq!(canonical_url("not a url"), None);
    }

    #[test]
    fn hash_ignores_whitespace_layout() {
        assert_eq!(content_hash("a  b\n\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }
}
