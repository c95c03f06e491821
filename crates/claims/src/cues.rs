//! Death, injury and explosion cues: single words and short phrases that announce that people
//! died or were hurt, or that something blew up — the event mentions that the event trigger
//! lexicon ([`crate::triggers`]) leaves to its arguments ("killed" and "wounded" there are
//! casualty counts of an attack, here they are events of their own, as in WikiEvents).

use dossier_core::Span;
use regex::Regex;
use std::sync::OnceLock;

/// What a cue announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// Someone died or was killed.
    Die,
    /// Someone was injured.
    Injure,
    /// Something exploded or was detonated.
    Explode,
}

/// One row: the cue and a case-insensitive, word-bounded regular expression.
const ROWS: &[(Cue, &str)] = &[
    (
        Cue::Die,
        r"kill(?:ed|s|ing|ings)?|died|dies|dying|dead|deaths?|slain|perished|fatalities|fatally (?:shot|wounded|injured)|lost (?:their|his|her) lives|lost (?:his|her) life|slaughter(?:ed)?|slaying",
    ),
    (
        Cue::Injure,
        r"injur(?:ed|ing|y|ies)|wound(?:ed|ing|s)|hurt|maim(?:ed|ing)|mutilated",
    ),
    (
        Cue::Explode,
        r"detonat(?:e|es|ed|ing|ion|ions)|explod(?:e|es|ed|ing)|explosions?|blasts?|bombings?|blew up|blown up|blow(?:s|ing)? up|went off|gone off|goes off",
    ),
];

fn compiled() -> &'static [(Cue, Regex)] {
    static C: OnceLock<Vec<(Cue, Regex)>> = OnceLock::new();
    C.get_or_init(|| {
        ROWS.iter()
            .filter_map(|(c, p)| {
                // The patterns are literals compiled by a test; a bad one is skipped, never a
                // panic.
                Regex::new(&format!(r"(?i)\b(?:{p})\b"))
                    .ok()
                    .map(|re| (*c, re))
            })
            .collect()
    })
}

/// Cues in `text[range]` with byte spans into `text`, sorted by position. A cue's word may lie
/// inside an event trigger of [`crate::triggers::find`] ("shot dead"): both are reported.
pub fn find(text: &str, range: Span) -> Vec<(Cue, Span)> {
    let Some(hay) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let mut out: Vec<(Cue, Span)> = Vec::new();
    for (cue, re) in compiled() {
        for m in re.find_iter(hay) {
            out.push((
                *cue,
                Span::new(range.start + m.start(), range.start + m.end()),
            ));
        }
    }
    out.sort_by_key(|(c, s)| (s.start, s.end, *c));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(compiled().len(), ROWS.len());
    }

    #[test]
    fn finds_deaths_and_injuries() {
        let t = "Two were killed and five wounded when the bomb went off.";
        let cues: Vec<Cue> = find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(cues, vec![Cue::Die, Cue::Injure, Cue::Explode]);
        assert!(find(t, Span::new(5, 500)).is_empty());
    }
}
