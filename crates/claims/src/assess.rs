//! Assessments: judgements by experts, analysts, observers and institutes, with who made them,
//! their affiliation, when, and the quoted words (or the sentence when nothing is quoted).

use crate::text::inside;
use crate::Context;
use dossier_core::claims::{Assessment, Source};
use dossier_core::kb::KbId;
use dossier_core::Span;

const EXPERT_WORDS: &[&str] = &[
    "expert",
    "analyst",
    "researcher",
    "observer",
    "scholar",
    "professor",
    "specialist",
    "fellow",
    "author",
    "academic",
    "director",
    "institute",
    "think tank",
    "experten",
    "beobachter",
];

/// Words of office: a source with one of them reports news (a toll, an arrest), not a
/// judgement, unless it also belongs to an institute ("director of the ... Institute").
const OFFICIAL_WORDS: &[&str] = &[
    "director general",
    "director-general",
    "spokes",
    "police",
    "minister",
    "official",
    "authorities",
    "commissioner",
    "governor",
    "agency",
    "ministry",
    "government",
    "prosecutor",
    "army",
    "military",
    "emergency",
    "service",
    "health",
    "hospital",
    "red crescent",
    "red cross",
    "rescue",
    "behörde",
    "sprecher",
    "polizei",
];

/// Does this source give judgements rather than news (an expert, analyst, institute)?
pub fn is_expert(s: &Source) -> bool {
    let role = s.role.as_deref().unwrap_or("").to_lowercase();
    let name = s.name.as_deref().unwrap_or("").to_lowercase();
    let affiliation = s.affiliation.as_deref().unwrap_or("").to_lowercase();
    let academic = [
        "institute",
        "centre",
        "center",
        "university",
        "forum",
        "observatory",
    ]
    .iter()
    .any(|w| affiliation.contains(w) || name.contains(w));
    if !academic
        && OFFICIAL_WORDS
            .iter()
            .any(|w| role.contains(w) || name.contains(w) || affiliation.contains(w))
    {
        return false;
    }
    EXPERT_WORDS
        .iter()
        .any(|w| role.contains(w) || name.contains(w))
        || s.affiliation.is_some()
        || name.contains("institute")
        || name.contains("centre")
        || name.contains("center")
}

/// Quoted words in `s`, joined; None when nothing is quoted.
fn quoted(s: &str, medium: Option<&str>) -> Option<String> {
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c, open) {
            ('“' | '„', None) => open = Some(i + c.len_utf8()),
            ('"', None) => open = Some(i + 1),
            ('”' | '“' | '"', Some(o)) if i > o => {
                parts.push(s[o..i].trim().to_string());
                open = None;
            }
            _ => {}
        }
    }
    // A single quoted name ("Khorasan") is not an assessment's words.
    parts.retain(|p| p.split_whitespace().count() >= 3 && Some(p.as_str()) != medium);
    (!parts.is_empty()).then(|| parts.join(" … "))
}

/// Whether what a sentence's speaker says opens with a run of capitalised words that is no
/// known actor, person or place ("said National Thowheeth Jama'ath had …").
fn about_unknown_name(cx: &Context, sentence: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(body) = cx.text.get(sentence.start..sentence.end) else {
        return false;
    };
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"\b(?:said|says|believes|believed|thinks|estimated|estimates|wrote|writes) (?:that )?((?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+) (?:had|has|have|is|was|were|are|would|will|could|may|might)\b",
    ) else {
        return false;
    };
    re.captures_iter(body).filter_map(|c| c.get(1)).any(|m| {
        let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
        !cx.actors
            .iter()
            .any(|a| a.span.start < span.end && span.start < a.span.end)
            && !cx
                .names
                .iter()
                .any(|n| n.span.start < span.end && span.start < n.span.end)
    })
}

/// Assessments in a document. `main` is the document's main group (most mentioned), used when a
/// judgement names no group; sentences in `skip` gave estimates or events.
pub fn assessments(cx: &Context, main: Option<&KbId>, skip: &[usize]) -> Vec<Assessment> {
    let mut out = Vec::new();
    for (si, s) in cx.sentences.iter().enumerate() {
        // A sentence that gave an estimate or an event is reported as that, not as a judgement.
        if skip.contains(&si) {
            continue;
        }
        let Some(a) = crate::attribution::for_sentence(cx.attributions, si) else {
            continue;
        };
        if !is_expert(&a.source) {
            continue;
        }
        let body = cx.text.get(s.span.start..s.span.end).unwrap_or("").trim();
        let text = quoted(body, a.medium.as_deref()).unwrap_or_else(|| body.to_string());
        let mut about: Vec<KbId> = Vec::new();
        for act in cx
            .actors
            .iter()
            .filter(|x| x.group && inside(x.span, s.span))
        {
            if let Some(id) = &act.entity {
                if !about.contains(id) {
                    about.push(id.clone());
                }
            }
        }
        // (Not when it is about a name the knowledge base does not know: "said National
        // Thowheeth Jama'ath had fewer than 100 members".)
        if about.is_empty() && !about_unknown_name(cx, s.span) {
            if let Some(m) = main {
                about.push(m.clone());
            }
        }
        // "In the essay, he attributes …": the date of the earlier mention of the same work.
        let date = a.said_at.clone().or_else(|| {
            out.iter()
                .rev()
                .find(|p: &&Assessment| {
                    p.by.name == a.source.name
                        && p.by.name.is_some()
                        && p.medium == a.medium
                        && p.medium.is_some()
                })
                .and_then(|p| p.date.clone())
        });
        out.push(Assessment {
            by: a.source.clone(),
            date,
            text,
            sentence: si,
            about,
            medium: a.medium.clone(),
        });
    }
    out
}
