//! Character encodings of HTML pages: byte-order mark, then the transport charset, then a
//! `<meta>` declaration found by a cheap byte scan, then UTF-8 if the bytes are valid, else a
//! chardetng guess. Decoding is done by encoding_rs.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};
use std::borrow::Cow;

/// How many leading bytes are scanned for a `<meta charset>` declaration.
const PRESCAN_BYTES: usize = 4096;

/// Where the encoding of a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    Bom,
    Transport,
    Meta,
    Utf8Valid,
    Guessed,
}

/// A decoded page.
#[derive(Debug)]
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: Source,
    /// Malformed byte sequences were replaced with U+FFFD.
    pub had_errors: bool,
}

/// Decode `bytes` to text. `charset` is the transport-level charset (HTTP `Content-Type`), `tld`
/// the top-level domain of the page's URL (helps guessing legacy encodings).
pub(super) fn decode<'a>(bytes: &'a [u8], charset: Option<&str>, tld: Option<&str>) -> Decoded<'a> {
    let (encoding, source, body) = sniff(bytes, charset, tld);
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    Decoded {
        text,
        encoding,
        source,
        had_errors,
    }
}

fn sniff<'a>(
    bytes: &'a [u8],
    charset: Option<&str>,
    tld: Option<&str>,
) -> (&'static Encoding, Source, &'a [u8]) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (enc, Source::Bom, bytes.get(bom_len..).unwrap_or_default());
    }
    if let Some(enc) = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        return (enc, Source::Transport, bytes);
    }
    let utf8_valid = || std::str::from_utf8(bytes).is_ok();
    if let Some(enc) = prescan_meta_charset(bytes) {
        // A page that says UTF-8 but is not is far more often mislabelled legacy text than
        // UTF-8 with a few broken bytes: let the detector decide.
        if enc != UTF_8 || utf8_valid() {
            return (enc, Source::Meta, bytes);
        }
        return (guess(bytes, tld), Source::Guessed, bytes);
    }
    if utf8_valid() {
        return (UTF_8, Source::Utf8Valid, bytes);
    }
    (guess(bytes, tld), Source::Guessed, bytes)
}

fn guess(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    // chardetng asserts on upper case, periods and non-ASCII in the TLD.
    let tld = tld.filter(|t| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    detector.guess(tld.map(str::as_bytes), true)
}

/// The charset a `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...;
/// charset=...">` in the first [`PRESCAN_BYTES`] declares, mapped as the HTML standard says
/// (UTF-16 means UTF-8 here, `x-user-defined` means windows-1252).
pub(super) fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut pos = 0;
    while let Some(start) = find_ci(&window[pos..], b"<meta").map(|i| pos + i) {
        let tag_end = window[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(window.len(), |i| start + i);
        let tag = &window[start..tag_end];
        if let Some(enc) = charset_in_tag(tag) {
            return Some(match enc {
                e if e == UTF_16LE || e == UTF_16BE => UTF_8,
                e if e == X_USER_DEFINED => WINDOWS_1252,
                e => e,
            });
        }
        pos = tag_end;
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(i) = find_ci(&tag[pos..], b"charset") {
        let mut j = pos + i + b"charset".len();
        pos = j;
        while tag.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if tag.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while tag
            .get(j)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            j += 1;
        }
        let rest = tag.get(j..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..len]) {
            return Some(enc);
        }
    }
    None
}

/// Position of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            prescan_meta_charset(b"<html><head><meta charset=\"windows-1252\">"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            prescan_meta_charset(b"<META CHARSET=latin1>"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            prescan_meta_charset(
                b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>"
            ),
            Encoding::for_label(b"iso-8859-2")
        );
        assert_eq!(prescan_meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(
            prescan_meta_charset(b"<meta name=description content=charset>"),
            None
        );
        assert_eq!(prescan_meta_charset(b"<p>no meta</p>"), None);
    }

    #[test]
    fn order_of_evidence() {
        let cp1252 = b"<meta charset=windows-1252><p>\x93quoted\x94 M\xfcller</p>";
        let d = decode(cp1252, None, None);
        assert_eq!(d.source, Source::Meta);
        assert!(d.text.contains("\u{201c}quoted\u{201d} Müller"));
        // The transport charset overrides the page.
        let d = decode(cp1252, Some("iso-8859-15"), None);
        assert_eq!(d.source, Source::Transport);
        // A BOM overrides both.
        let d = decode(
            "\u{feff}<p>Grüße</p>".as_bytes(),
            Some("windows-1252"),
            None,
        );
        assert_eq!((d.source, d.encoding), (Source::Bom, UTF_8));
        assert_eq!(d.text, "<p>Grüße</p>");
        // Undeclared legacy bytes are guessed.
        let d = decode(
            b"<p>Die Stra\xdfe war gesperrt, sagte M\xfcller in K\xf6ln.</p>",
            None,
            Some("de"),
        );
        assert_eq!(d.source, Source::Guessed);
        assert!(d.text.contains("Straße"));
    }
}
