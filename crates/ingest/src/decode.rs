//! Bytes to text: BOM, declared charset, else UTF-8, else a chardetng guess (legacy encodings).

use encoding_rs::Encoding;

/// Decode `bytes` to a string. `declared` is a charset label from metadata (HTTP header, meta tag,
/// XML declaration); it wins over guessing but not over a byte-order mark.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // A page that declares a legacy charset but is valid UTF-8 was re-encoded on the way.
        if enc != encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii() {
            return String::from_utf8_lossy(bytes).into_owned();
        }
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let enc = det.guess(None, true);
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
    }
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
    }
}
