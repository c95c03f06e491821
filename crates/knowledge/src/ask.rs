//! `dossier ask`: a few question forms mapped onto profiles and event queries; every answer
//! carries its citations, and an unknown form gets the list of forms understood.

use crate::dossier::{Citation, Event};
use crate::profile::Loaded;
use crate::render::{date_text, markdown, who};
use crate::Error;
use dossier_entities::KnowledgeBase;
use dossier_store::SqliteStore;
use regex::Regex;
use serde::Serialize;
use std::fmt::Write;

/// The question forms understood, as shown to users.
pub const FORMS: &[&str] = &[
    "What is known about X? (also: Who is X?)",
    "What was known about X on YYYY-MM-DD?",
    "Who is behind <event or place>?",
    "How many members (or fighters) does X have?",
    "Which attacks did X claim [in YYYY]?",
    "Who are X's rivals?",
    "What happened in <place> [in YYYY | in YYYY-MM | in MONTH YYYY | on DAY]?",
    "Who was arrested in <place> [in YYYY | in YYYY-MM | in MONTH YYYY | on DAY]?",
    "Who leads X?",
    "When was X founded?",
    "How many people were killed (or injured, or kidnapped) in <event or place>?",
];

#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    /// Which form matched.
    pub form: String,
    /// The answer in plain Markdown, with [n] citation markers.
    pub text: String,
    pub citations: Vec<Citation>,
}

/// Why a question could not be answered.
#[derive(Debug, Clone, Serialize)]
pub struct NotUnderstood {
    pub question: String,
    pub forms: Vec<String>,
}

/// The optional period that ends a question about a place: " in 2016", " in 2016-12", " in
/// December 2016", " on 15 January 2019", " on January 15, 2019", " on 2019-01-15" (read by
/// [`period`]), then an optional question mark.
const PERIOD: &str = r"(?: (?:in|on) (\d{4}(?:-\d{2}){0,2}|\p{L}+\.? \d{4}|\d{1,2} \p{L}+\.? \d{4}|\p{L}+\.? \d{1,2},? \d{4}))?\??$";

fn re(p: &str) -> Regex {
    // Patterns are literals in this file, checked by the tests.
    Regex::new(p).unwrap_or_else(|_| Regex::new("$^").expect("empty regex compiles"))
}

/// A question's period as a date prefix: "2016", "2016-12", or a month by name ("December
/// 2016", "Dec. 2016") as the time-expression stage reads it → "2016-12".
fn period(p: &str) -> Option<String> {
    let p = p.trim();
    if p.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Some(p.to_string());
    }
    // (A day: "15 January 2019", "January 15, 2019" → "2019-01-15".)
    // (Capitalised, as a month is written in text: "august 2024" is asked as well.)
    let mut c = p.chars();
    let p: String = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    dossier_annotate::extract(&p, None)
        .into_iter()
        .find(|t| t.span.start == 0 && t.span.end == p.len())
        .map(|t| t.value)
        .filter(|v| {
            (v.len() == 7 || v.len() == 10)
                && v.as_bytes()[4] == b'-'
                && v[..4].bytes().all(|b| b.is_ascii_digit())
        })
}

fn strip(s: &str) -> String {
    s.trim()
        .trim_end_matches(['?', '.', '!'])
        .trim()
        .trim_matches(['"', '“', '”'])
        .trim()
        .to_string()
}

struct Cites {
    list: Vec<Citation>,
}

impl Cites {
    fn add(&mut self, cs: &[Citation]) -> String {
        let mut s = String::new();
        for c in cs.iter().take(4) {
            let i = match self.list.iter().position(|x| x == c) {
                Some(i) => i,
                None => {
                    self.list.push(c.clone());
                    self.list.len() - 1
                }
            };
            let _ = write!(s, "[{}]", i + 1);
        }
        s
    }
}

fn event_line(e: &Event, c: &mut Cites) -> String {
    let date = e.date.as_ref().map_or("undated".into(), date_text);
    let perps = crate::render::perpetrators(e);
    let by = if perps.is_empty() {
        String::new()
    } else {
        format!("; perpetrators: {}", perps.join(", "))
    };
    format!(
        "- {date}: {} ({}{by}) {}",
        e.title,
        e.certainty,
        c.add(&supporting(e))
    )
}

/// An event's sources ordered for a one-line answer: the first report of it, then for each
/// perpetrator the first sentence naming it in the report that gives it (the claim, the
/// blame), then the rest; so that the few cited support what the line says.
fn supporting(e: &Event) -> Vec<Citation> {
    let mut out: Vec<Citation> = e.sources.iter().take(1).cloned().collect();
    for p in e.participants.iter().filter(|p| p.role == "perpetrator") {
        if let Some(c) = e
            .sources
            .iter()
            .find(|c| c.doc == p.doc && c.quote.contains(p.text.as_str()))
        {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
    }
    for c in &e.sources {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

/// Answer one question.
///
/// With `as_of` (`YYYY-MM-DD`), only what had been published by the end of that day is read,
/// whatever the form; "What was known about X on DATE?" names its own date.
pub fn ask(
    store: &SqliteStore,
    kb: &KnowledgeBase,
    question: &str,
    as_of: Option<&str>,
) -> Result<Result<Answer, NotUnderstood>, Error> {
    let q = question.trim();
    let mut c = Cites { list: Vec::new() };
    let mut text = String::new();
    let form;

    if let Some(m) = re(r"(?i)^what was known about (.+?) (?:on|as of|by) (\d{4}-\d{2}-\d{2})\??$").captures(q) {
        form = FORMS[1];
        let d = crate::profile(store, kb, &strip(&m[1]), Some(&m[2]))?;
        text = markdown(&d);
        for e in &d.events {
            c.add(&e.sources);
        }
    } else if let Some(m) = re(r"(?i)^(?:what is known about|what do we know about|tell me about) (.+)$")
        .captures(q)
        // "Who is Anis Amri?": a name (not "Who is behind …", "Who was arrested …").
        .or_else(|| re(r"^(?i:who is|who was) (\p{Lu}.+)$").captures(q))
    {
        form = FORMS[0];
        let name = strip(&m[1]);
        // Not an entity, a place or an event ("What is known about Kerman?", "... about the
        // Crocus City Hall attack?"): the dossier is the events there or so named.
        let d = crate::profile(store, kb, &name, as_of)?;
        text = markdown(&d);
        for cs in d
            .relations
            .iter()
            .map(|r| &r.sources)
            .chain(d.events.iter().map(|e| &e.sources))
            .chain(d.assessments.iter().map(|a| &a.sources))
        {
            c.add(cs);
        }
    } else if let Some(m) = re(r"(?i)^how many (members|fighters|militants|supporters|followers) (?:does|did|has) (.+?) (?:have|had)?\??$").captures(q) {
        form = FORMS[3];
        let want = match m[1].to_lowercase().as_str() {
            "members" => "members",
            "supporters" | "followers" => "supporters",
            _ => "fighters",
        };
        let d = crate::profile(store, kb, &strip(&m[2]), as_of)?;
        let es: Vec<_> = d.estimates.iter().filter(|e| e.quantity == want).collect();
        if es.is_empty() {
            let _ = writeln!(text, "No source in the store gives a figure for {} of {}.", want, d.entity.name);
        } else {
            let _ = writeln!(text, "Figures for {} of {}, each as its source gave it (never averaged):", want, d.entity.name);
            for e in es {
                let by = e.attributed_to.as_ref().map(|p| format!(", according to {}", who(p))).unwrap_or_default();
                let _ = writeln!(text, "- “{}”{}{by} ({}; published {}) {}", e.text, e.time.as_ref().map(|t| format!(" in {t}")).unwrap_or_default(), e.certainty, e.published.clone().unwrap_or_else(|| "undated".into()), c.add(&e.sources));
            }
        }
    } else if let Some(m) = re(r"(?i)^which attacks did (.+?) claim(?: responsibility for)?(?: in (\d{4}))?\??$").captures(q) {
        form = FORMS[4];
        let d = crate::profile(store, kb, &strip(&m[1]), as_of)?;
        let year = m.get(2).map(|y| y.as_str().to_string());
        let hits: Vec<&Event> = d
            .events
            .iter()
            // ("IS-K claimed an assault on the Shah Cheragh shrine": a claim naming its attack.)
            .filter(|e| matches!(e.kind.as_str(), "attack" | "claim_of_responsibility") && e.responsibility.as_deref() == Some("claimed"))
            .filter(|e| year.as_ref().is_none_or(|y| e.date.as_ref().is_some_and(|d| d.value.starts_with(y.as_str()))))
            .collect();
        if hits.is_empty() {
            let _ = writeln!(text, "No attack claimed by {}{} in the store.", d.entity.name, year.map(|y| format!(" in {y}")).unwrap_or_default());
        } else {
            let _ = writeln!(text, "Attacks {} claimed responsibility for:", d.entity.name);
            for e in hits {
                let _ = writeln!(text, "{}", event_line(e, &mut c));
            }
        }
    } else if let Some(m) = re(r"(?i)^who (?:are|were) (.+?)['’]s? (?:main )?(?:rivals|enemies)\??$").captures(q) {
        form = FORMS[5];
        let d = crate::profile(store, kb, &strip(&m[1]), as_of)?;
        let rs: Vec<_> = d.relations.iter().filter(|r| r.relation == "rival_of").collect();
        if rs.is_empty() {
            let _ = writeln!(text, "No source in the store names a rival of {}.", d.entity.name);
        } else {
            let _ = writeln!(text, "Rivals of {}:", d.entity.name);
            for r in rs {
                let _ = writeln!(text, "- {} ({}) {}", r.entity.name, r.certainty, c.add(&r.sources));
            }
        }
    } else if let Some(m) = re(r"(?i)^who (?:leads|led|heads|headed|is the leader of|was the leader of|is the head of) (.+)$").captures(q) {
        form = FORMS[8];
        let d = crate::profile(store, kb, &strip(&m[1]), as_of)?;
        let rs: Vec<_> = d.relations.iter().filter(|r| r.relation == "led_by").collect();
        if rs.is_empty() {
            let _ = writeln!(text, "No source in the store names a leader of {}.", d.entity.name);
        } else {
            let _ = writeln!(text, "Leaders of {}, as the sources name them:", d.entity.name);
            for r in rs {
                let since = r.time.as_ref().map(|t| format!(", {t}")).unwrap_or_default();
                // A leader the timeline reports killed is not read as the current one.
                let killed = r.killed.as_ref().map(|k| format!("; reported killed: {k}")).unwrap_or_default();
                let _ = writeln!(text, "- {} ({}{since}{killed}) {}", r.entity.name, r.certainty, c.add(&r.sources));
            }
        }
    } else if let Some(m) = re(r"(?i)^when (?:was|were) (.+?) (?:founded|formed|established|created)\??$").captures(q) {
        form = FORMS[9];
        let d = crate::profile(store, kb, &strip(&m[1]), as_of)?;
        let fs: Vec<_> = d.facts.iter().filter(|f| f.predicate == "founded").collect();
        // ("Al-Shabaab, which emerged in 2006 as the militant youth wing of …": a founding the
        // timeline tells as an event of the group's own.)
        let evs: Vec<&Event> = d
            .events
            .iter()
            .filter(|e| e.kind == "founding" && e.role.as_deref() == Some("subject"))
            .collect();
        if fs.is_empty() && evs.is_empty() {
            let _ = writeln!(text, "No source in the store says when {} was founded.", d.entity.name);
        } else {
            let _ = writeln!(text, "Founding of {}, as each source dates it:", d.entity.name);
            for f in fs {
                let when = f.time.clone().unwrap_or_else(|| "undated".into());
                let _ = writeln!(text, "- {when} ({}) {}", f.certainty, c.add(&f.sources));
            }
            for e in evs {
                let when = e.date.as_ref().map_or("undated".into(), date_text);
                let _ = writeln!(text, "- {when} ({}) {}", e.certainty, c.add(&e.sources));
            }
        }
    } else if let Some(m) = re(&format!(r"(?i)^who (?:is|was|are|were|got) (?:arrested|detained|held)(?: in| at| near)? (.+?){PERIOD}")).captures(q).filter(|m| m.get(2).is_none_or(|p| period(p.as_str()).is_some())) {
        form = FORMS[7];
        let place = strip(&m[1]);
        let period = m.get(2).and_then(|p| period(p.as_str()));
        let mut events = find_events(store, kb, &place, period.as_deref(), as_of)?;
        events.retain(|e| e.kind == "arrest");
        if events.is_empty() {
            let _ = writeln!(text, "No arrest in {place}{} in the store.", period.map(|p| format!(" in {p}")).unwrap_or_default());
        }
        for e in &events {
            // Who, as each report described them ("two Afghan men", "einen Mann aus Tadschikistan").
            let who: std::collections::BTreeSet<&str> = e.participants.iter().filter(|p| p.role == "arrested").map(|p| p.text.as_str()).collect();
            let date = e.date.as_ref().map_or("undated".into(), date_text);
            let whom = if who.is_empty() { "not named".to_string() } else { who.into_iter().collect::<Vec<_>>().join("; ") };
            let _ = writeln!(text, "- {date}: {} ({}): {whom} {}", e.title, e.certainty, c.add(&e.sources));
        }
    } else if let Some(m) = re(r"(?i)^who (?:is|was|are|were) (?:behind|responsible for) (.+)$")
        .captures(q)
        .or_else(|| re(r"(?i)^who (?:claimed|carried out|attacked|bombed)(?: responsibility for)? (.+)$").captures(q))
    {
        form = FORMS[2];
        let what = strip(&m[1]);
        let events = find_events(store, kb, &what, None, as_of)?;
        if events.is_empty() {
            let _ = writeln!(text, "No event matching {what:?} in the store.");
        }
        for e in &events {
            let _ = writeln!(text, "{}", event_line(e, &mut c));
        }
    } else if let Some(m) = re(r"(?i)^how many (?:people |[a-z]+ )?(?:were |have been |had been )?(killed|died|dead|injured|wounded|hurt|kidnapped|abducted|taken hostage)(?: in| at| by| during| from)? (.+?)\??$")
        .captures(q)
        .or_else(|| re(r"(?i)^what (?:is|was) the (death) toll (?:of|in|from|at) (.+?)\??$").captures(q))
    {
        form = FORMS[10];
        let want = match m[1].to_lowercase().as_str() {
            "injured" | "wounded" | "hurt" => "injured",
            "kidnapped" | "abducted" | "taken hostage" => "abducted",
            _ => "killed",
        };
        let what = strip(&m[2]);
        let events = find_events(store, kb, &what, None, as_of)?;
        let with: Vec<&Event> = events.iter().filter(|e| e.figures.iter().any(|f| f.figure == want)).collect();
        if with.is_empty() {
            let _ = writeln!(text, "No {want} figure for an event matching {what:?} in the store.");
        }
        for e in with {
            let date = e.date.as_ref().map_or("undated".into(), date_text);
            let _ = writeln!(text, "- {date}: {} ({}); {want}, each as its source gave it (never averaged):", e.title, e.certainty);
            for f in e.figures.iter().filter(|f| f.figure == want) {
                let by = f.attributed_to.as_ref().map(|p| format!(", according to {}", who(p))).unwrap_or_default();
                let revised = if f.revised_from.is_empty() { String::new() } else { format!(", revised from {}", f.revised_from.join(", ")) };
                let cite = f.source.as_ref().map(|x| c.add(std::slice::from_ref(x))).unwrap_or_default();
                let _ = writeln!(text, "  - “{}”{by}{revised} (published {}) {cite}", f.text, f.published.clone().unwrap_or_else(|| "undated".into()));
            }
        }
    } else if let Some(m) = re(&format!(r"(?i)^what happened in (.+?){PERIOD}")).captures(q).filter(|m| m.get(2).is_none_or(|p| period(p.as_str()).is_some())) {
        form = FORMS[6];
        let place = strip(&m[1]);
        let period = m.get(2).and_then(|p| period(p.as_str()));
        let events = find_events(store, kb, &place, period.as_deref(), as_of)?;
        if events.is_empty() {
            let _ = writeln!(text, "No event in {place}{} in the store.", period.map(|p| format!(" in {p}")).unwrap_or_default());
        }
        for e in &events {
            let _ = writeln!(text, "{}", event_line(e, &mut c));
        }
    } else {
        return Ok(Err(NotUnderstood { question: q.to_string(), forms: FORMS.iter().map(|s| s.to_string()).collect() }));
    }
    // Profiles carry their own footnotes; other answers list the cited sentences.
    if form != FORMS[1] && !c.list.is_empty() {
        let _ = writeln!(text);
        for (i, x) in c.list.iter().enumerate() {
            let _ = writeln!(
                text,
                "[{}] Document {}: “{}”",
                i + 1,
                x.doc,
                x.quote.replace('\n', " ")
            );
        }
    }
    Ok(Ok(Answer {
        question: q.to_string(),
        form: form.to_string(),
        text,
        citations: c.list,
    }))
}

/// Events whose place or title names `what`, or one of whose source sentences does, optionally in
/// a period (`YYYY` or `YYYY-MM`), across all analysed documents published by `as_of` (all
/// when `None`) ([`crate::topic::matching_events`]).
pub fn find_events(
    store: &SqliteStore,
    kb: &KnowledgeBase,
    what: &str,
    period: Option<&str>,
    as_of: Option<&str>,
) -> Result<Vec<Event>, Error> {
    let docs: Vec<Loaded> = store
        .analyses(as_of)?
        .into_iter()
        .filter_map(Loaded::parse)
        .collect();
    let mut events = crate::topic::matching_events(&docs, kb, what);
    if let Some(p) = period {
        events.retain(|e| {
            e.date.as_ref().is_some_and(|d| {
                // (An undated event's value is the day it was reported by, no day of its own.)
                let own_day = p.len() < 10 || d.modifier.as_deref() != Some("BEFORE");
                own_day
                    && (d.value.starts_with(p)
                        || d.earliest.as_deref().is_some_and(|x| x.starts_with(p)))
            })
        });
    }
    Ok(events)
}
