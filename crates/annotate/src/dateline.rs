//! The wire-style dateline a story opens with ("ABUJA, May 6 (Sahel Courier) -"), found once so
//! that later stages can tell it from what the story reports.
//!
//! The dateline is searched for at the start of the first paragraphs (after a title and a
//! standfirst): a place in capitals, optionally a region or country ("DAR ES SALAAM, Tanzania"),
//! optionally a date that the time-expression rules found there, optionally an outlet in
//! parentheses, then a dash (`-`, `–`, `—`, `--` or AP's `_`). A place with neither date nor
//! outlet counts only when it is at least three letters ("MOGADISHU -", not "US - ").

use dossier_core::annotation::{Dateline, Sentence, TimeExpression};
use dossier_core::Span;

/// How many opening sentences may hold the dateline (title, standfirst, then the story).
const OPENING_SENTENCES: usize = 4;
/// The longest outlet name in parentheses, in bytes.
const MAX_OUTLET: usize = 40;

/// The dateline of `text`, if one of its opening sentences starts a paragraph with one.
pub fn find(text: &str, sentences: &[Sentence], timexes: &[TimeExpression]) -> Option<Dateline> {
    sentences
        .iter()
        .take(OPENING_SENTENCES)
        .filter(|s| starts_paragraph(text, s.span.start))
        .find_map(|s| parse(text, s.span, timexes))
}

fn starts_paragraph(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| {
        before.trim_end_matches([' ', '\t']).is_empty() || before.ends_with('\n')
    })
}

/// A dateline at the start of `sentence`.
fn parse(text: &str, sentence: Span, timexes: &[TimeExpression]) -> Option<Dateline> {
    let s = text.get(sentence.start..sentence.end)?;
    let base = sentence.start;
    // The place: words in capitals ("DAR ES SALAAM", "ST. PETERSBURG", "N'DJAMENA"), ended by a
    // comma or by the first word that is not in capitals.
    let mut end = 0;
    let mut pos = 0;
    for w in s.split(' ') {
        let core = w.trim_end_matches(',');
        let capitals = core.chars().next().is_some_and(char::is_uppercase)
            && core
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-' | '’'));
        if !capitals {
            break;
        }
        end = pos + core.len();
        if core.len() != w.len() {
            break;
        }
        pos += w.len() + 1;
    }
    let place_text = &s[..end];
    let letters = place_text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return None;
    }
    let mut place = Span::new(base, base + place_text.len());
    let mut i = place_text.len();
    let mut date = None;
    let mut outlet = None;
    // ", Tanzania", ", Calif.": a region or country, unless it is the date.
    if let Some(rest) = s[i..].strip_prefix(", ") {
        let at = base + i + 2;
        if let Some(t) = timexes.iter().find(|t| t.span.start == at) {
            date = Some(t.span);
            i = t.span.end - base;
        } else {
            let region: usize = region_len(rest)?;
            i += 2 + region;
            place.end = base + i;
            if s[i..].starts_with(", ") {
                let at = base + i + 2;
                let t = timexes.iter().find(|t| t.span.start == at)?;
                date = Some(t.span);
                i = t.span.end - base;
            }
        }
    }
    // " (Sahel Courier)"
    if let Some(rest) = s[i..].strip_prefix(" (") {
        let close = rest.find(')').filter(|&c| c > 0 && c <= MAX_OUTLET)?;
        let name = &rest[..close];
        if name.contains('\n') || !name.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let o = base + i + 2;
        outlet = Some(Span::new(o, o + close));
        i += 2 + close + 1;
    }
    // The dash.
    let after = &s[i..];
    let trimmed = after.trim_start_matches(' ');
    let dash = ["--", "-", "–", "—", "_"]
        .iter()
        .find(|d| trimmed.starts_with(**d))?;
    let rest = &trimmed[dash.len()..];
    if !rest.starts_with(' ') {
        return None;
    }
    if date.is_none() && outlet.is_none() && letters < 3 {
        return None;
    }
    let end = base + i + (after.len() - trimmed.len()) + dash.len();
    Some(Dateline {
        span: Span::new(base, end),
        place,
        date,
        outlet,
    })
}

/// The length of a region or country after a dateline's place: up to three capitalised words
/// ("Tanzania", "Calif.", "Borno State"), ending where the date, outlet or dash begins.
fn region_len(rest: &str) -> Option<usize> {
    let mut len = 0;
    for (n, w) in rest.split(' ').enumerate() {
        let word = w.trim_end_matches(',');
        if n == 3 || !word.chars().next().is_some_and(char::is_uppercase) || word.starts_with('(') {
            break;
        }
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
        {
            break;
        }
        len += if n == 0 { 0 } else { 1 } + word.len();
        if w.ends_with(',') {
            break;
        }
    }
    (len > 0).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn dateline(text: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        let dct = NaiveDate::from_ymd_opt(2014, 5, 6);
        let a = crate::annotate(text, dct, "en");
        let d = a.dateline?;
        let s = |sp: Span| text[sp.start..sp.end].to_string();
        Some((s(d.place), d.date.map(s), d.outlet.map(s), s(d.span)))
    }

    #[test]
    fn wire_datelines() {
        let d = dateline("ABUJA, May 6 (Sahel Courier) - The leader of Boko Haram spoke.").unwrap();
        assert_eq!(d.0, "ABUJA");
        assert_eq!(d.1.as_deref(), Some("May 6"));
        assert_eq!(d.2.as_deref(), Some("Sahel Courier"));
        assert_eq!(d.3, "ABUJA, May 6 (Sahel Courier) -");

        let d = dateline("Title line\n\nDAR ES SALAAM, Tanzania (AP) _ Police said.").unwrap();
        assert_eq!(d.0, "DAR ES SALAAM, Tanzania");
        assert_eq!(d.1, None);
        assert_eq!(d.2.as_deref(), Some("AP"));

        let d = dateline("MOGADISHU - A car bomb exploded on Sunday.").unwrap();
        assert_eq!((d.0.as_str(), d.1, d.2), ("MOGADISHU", None, None));

        let d = dateline("MOSCOW, March 23 (Baltic Wire) – Gunmen opened fire.").unwrap();
        assert_eq!(d.3, "MOSCOW, March 23 (Baltic Wire) –");

        let d = dateline("WASHINGTON, Calif., May 5 -- Officials said.").unwrap();
        assert_eq!(d.0, "WASHINGTON, Calif.");
        assert_eq!(d.1.as_deref(), Some("May 5"));
    }

    #[test]
    fn not_datelines() {
        for text in [
            "The leader of Boko Haram, Abubakar Shekau, claimed it.",
            "US - China talks resumed on Monday.",
            "NATO said on Monday - without giving details - that it would act.",
            "A first paragraph.\n\nIn a second one, ABUJA - is not at the start.",
            "Police said - on Monday - that ABUJA, May 6 (AP) - was quiet.",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }
}
