//! Bytes to text: BOM, declared charset, else UTF-8, else a chardetng guess (legacy encodings).

use encoding_rs::Encoding;

/// Decode `bytes` to a string. `declared` is a charset label from metadata (HTTP header, meta tag,
/// XML declaration); it wins over guessing but not over a byte-order mark.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    decode_noting(bytes, declared).0
}

/// [`decode`], also saying how text that was neither UTF-8 nor declared was read, for a
/// diagnostic ("not UTF-8: read as windows-1252"); `None` when nothing was guessed or replaced.
pub fn decode_noting(bytes: &[u8], declared: Option<&str>) -> (String, Option<String>) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let text = enc
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
        return (text, None);
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // A page that declares a legacy charset but is valid UTF-8 was re-encoded on the way.
        if enc != encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii() {
            return (String::from_utf8_lossy(bytes).into_owned(), None);
        }
        return (enc.decode_without_bom_handling(bytes).0.into_owned(), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        // UTF-8 text with a stray byte or two ("München ... \x96 ..."): UTF-8 with the bad
        // bytes replaced, not the whole text read in another encoding.
        Err(_) if mostly_utf8(bytes) => {
            let bad: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
            let note = format!("{bad} byte(s) that are not UTF-8 replaced by U+FFFD");
            (String::from_utf8_lossy(bytes).into_owned(), Some(note))
        }
        // ASCII with a few other bytes: too little for a guess (chardetng may pick Cyrillic);
        // Windows-1252, the usual Western legacy encoding.
        Err(_) if bytes.iter().filter(|b| !b.is_ascii()).count() <= 3 => {
            let enc = encoding_rs::WINDOWS_1252;
            (
                enc.decode_without_bom_handling(bytes).0.into_owned(),
                Some(guessed(enc)),
            )
        }
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let enc = det.guess(None, true);
            (
                enc.decode_without_bom_handling(bytes).0.into_owned(),
                Some(guessed(enc)),
            )
        }
    }
}

fn guessed(enc: &'static Encoding) -> String {
    format!(
        "not UTF-8 and no charset given: read as {} (a guess; check names and quotes)",
        enc.name().to_ascii_lowercase()
    )
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 text: at least two valid multi-byte
/// characters, and no more invalid bytes than those.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multi >= 2 && invalid <= multi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_and_utf8() {
        assert_eq!(
            decode(b"Stra\xdfe \x93quoted\x94", Some("windows-1252")),
            "Straße “quoted”"
        );
        assert_eq!(decode("Straße".as_bytes(), None), "Straße");
        assert_eq!(decode(b"\xef\xbb\xbfhi", Some("latin1")), "hi");
        // Undeclared Latin-1 German text is guessed.
        let s = decode(b"Die Polizei nahm am Montag in M\xfcnchen zwei M\xe4nner fest, die einen Anschlag geplant haben sollen.", None);
        assert!(s.contains("München") && s.contains("Männer"), "{s}");
        // UTF-8 with one stray byte stays UTF-8; the stray byte alone is replaced.
        let mut b = "Zwei Männer wurden in München festgenommen."
            .as_bytes()
            .to_vec();
        b.push(0x96);
        let s = decode(&b, None);
        assert!(s.starts_with("Zwei Männer wurden in München"), "{s}");
        assert!(s.ends_with('\u{fffd}'), "{s}");
        // ASCII with a stray byte is read as Windows-1252.
        assert_eq!(decode(b"It\x92s over.", None), "It’s over.");
    }
}
