//! Language identification of article text (whatlang), as ISO 639-1 codes.

/// ISO 639-1 code of the text's language when detection is reliable enough.
pub fn detect_language(text: &str) -> Option<String> {
    // A few kilobytes decide the language; more only costs time.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

/// Declared language tags ("en-GB", "de_DE", "EN") reduced to the primary subtag.
pub fn normalize_language_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3)
        .then_some(primary)
        .filter(|p| p.chars().all(|c| c.is_ascii_lowercase()))
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    const CODES: &[(&str, &str)] = &[
        ("eng", "en"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "no"),
        ("fin", "fi"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("hun", "hu"),
        ("ron", "ro"),
        ("bul", "bg"),
        ("ell", "el"),
        ("heb", "he"),
        ("srp", "sr"),
        ("hrv", "hr"),
        ("slv", "sl"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("ind", "id"),
        ("vie", "vi"),
        ("tha", "th"),
        ("tgl", "tl"),
        ("aze", "az"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("bel", "be"),
        ("mkd", "mk"),
        ("cat", "ca"),
        ("afr", "af"),
        ("yor", "yo"),
        ("zul", "zu"),
        ("mar", "mr"),
        ("tam", "ta"),
        ("tel", "te"),
        ("kan", "kn"),
        ("mal", "ml"),
        ("guj", "gu"),
        ("pan", "pa"),
        ("ori", "or"),
        ("sin", "si"),
        ("nep", "ne"),
        ("mya", "my"),
        ("khm", "km"),
        ("amh", "am"),
        ("uzb", "uz"),
        ("epo", "eo"),
        ("lat", "la"),
        ("jav", "jv"),
        ("aka", "ak"),
        ("sna", "sn"),
        ("tuk", "tk"),
        ("yid", "yi"),
        ("lin", "ln"),
    ];
    let code = lang.code();
    CODES
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
        .unwrap_or(code)
}
