//! Stage 4–5: fuse what the stored analyses say about one entity into a [`Dossier`]: identity,
//! relations, estimates side by side, one event per real event with all its sources, assessments,
//! contradictions and revisions — every item cited to a document sentence.

use crate::analyze::Analysis;
use crate::dossier::*;
use dossier_core::claims::{
    Certainty, EventKind, EventMention, Predicate, Responsibility, Role, Source,
};
use dossier_core::place::PlaceKind;
use dossier_entities::KnowledgeBase;
use dossier_store::AnalysisRow;
use std::collections::BTreeMap;

/// One stored document with the parts of its analysis that dossiers use: sentences, actors,
/// aliases, events, facts and assessments (time expressions, names, places, quantities and
/// attributions are left empty; read the stored JSON as [`Analysis`] for those).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub row: AnalysisRow,
    pub analysis: Analysis,
}

/// [`Analysis`] as stored, with the extraction's fields inline. Deserialising `Analysis` itself
/// goes through serde's `flatten`, which buffers the whole object first: this is the same JSON
/// read about twice as fast (profiles parse every analysis that mentions the entity). Every field
/// is named when converting, so a field added to `Analysis` or `Extraction` fails to compile here.
#[derive(serde::Deserialize)]
struct StoredAnalysis {
    analyzer: String,
    #[serde(default)]
    dct: Option<chrono::NaiveDate>,
    language: String,
    #[serde(default)]
    outlet: Option<String>,
    sentences: Vec<dossier_core::annotation::Sentence>,
    // Fields no profile reads are skipped without being built (about 70% of a real analysis).
    #[serde(default, rename = "time_expressions")]
    _time_expressions: serde::de::IgnoredAny,
    #[serde(default, rename = "names")]
    _names: serde::de::IgnoredAny,
    actors: Vec<dossier_claims::Actor>,
    #[serde(default, rename = "places")]
    _places: serde::de::IgnoredAny,
    aliases: Vec<crate::analyze::AliasEvidence>,
    #[serde(default, rename = "quantities")]
    _quantities: serde::de::IgnoredAny,
    #[serde(default, rename = "attributions")]
    _attributions: serde::de::IgnoredAny,
    events: Vec<EventMention>,
    facts: Vec<dossier_core::claims::Fact>,
    assessments: Vec<dossier_core::claims::Assessment>,
    #[serde(default, rename = "diagnostics")]
    _diagnostics: serde::de::IgnoredAny,
}

impl From<StoredAnalysis> for Analysis {
    fn from(s: StoredAnalysis) -> Analysis {
        Analysis {
            analyzer: s.analyzer,
            dct: s.dct,
            language: s.language,
            outlet: s.outlet,
            sentences: s.sentences,
            time_expressions: Vec::new(),
            names: Vec::new(),
            actors: s.actors,
            places: Vec::new(),
            aliases: s.aliases,
            extraction: dossier_core::claims::Extraction {
                quantities: Vec::new(),
                attributions: Vec::new(),
                events: s.events,
                facts: s.facts,
                assessments: s.assessments,
            },
            diagnostics: Vec::new(),
        }
    }
}

impl Loaded {
    pub fn parse(row: AnalysisRow) -> Option<Loaded> {
        let analysis: Analysis = serde_json::from_str::<StoredAnalysis>(&row.json)
            .ok()?
            .into();
        Some(Loaded { row, analysis })
    }

    pub fn cite(&self, sentence: usize) -> Citation {
        let span = self.analysis.sentences.get(sentence).map(|s| s.span);
        let (start, end) = span.map_or((0, 0), |s| trim_span(&self.row.text, s.start, s.end));
        Citation {
            doc: self.row.doc_id,
            quote: self.row.text.get(start..end).unwrap_or("").to_string(),
            span: [start, end],
        }
    }

    fn published_date(&self) -> Option<String> {
        self.row
            .published
            .as_ref()
            .map(|p| p.chars().take(10).collect())
    }

    /// The publisher the metadata gives, else the outlet of the story's dateline.
    pub fn publisher(&self) -> Option<String> {
        self.row
            .publisher
            .clone()
            .or_else(|| self.analysis.outlet.clone())
    }

    fn publisher_key(&self) -> String {
        self.publisher()
            .map(|p| publisher_name_key(&p))
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| format!("cluster:{}", self.row.cluster))
    }
}

/// One key for the ways an outlet's name is written: "The Harbour Times", "Harbour Times",
/// "harbour-times", "www.harbourtimes.com" (case, a leading "The", "www." and a domain ending,
/// and everything but letters and digits are left out).
fn publisher_name_key(name: &str) -> String {
    let l = name.trim().to_lowercase();
    let l = l.strip_prefix("the ").unwrap_or(&l);
    let l = l.strip_prefix("www.").unwrap_or(l);
    let l = [".com", ".co.uk", ".org", ".net", ".de", ".fr", ".at"]
        .iter()
        .find_map(|d| l.strip_suffix(d))
        .unwrap_or(l);
    l.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn trim_span(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let Some(t) = text.get(s..e) else {
        return (s, e);
    };
    s += t.len() - t.trim_start().len();
    e -= t.len() - t.trim_end().len();
    (s, e.max(s))
}

pub fn person(s: &Source) -> Person {
    Person {
        name: s.name.clone(),
        role: s.role.clone(),
        affiliation: s.affiliation.clone(),
    }
}

/// The display name of an entity id: the knowledge base's name, else the id.
pub fn entity_name(kb: &KnowledgeBase, id: &str) -> String {
    kb.get(id).map_or_else(
        || id.trim_start_matches("new:").to_string(),
        |e| e.name.clone(),
    )
}

/// A name a document gives the entity, cited by the sentence it stands in (at most three
/// citations a name).
fn add_alias(aliases: &mut Vec<Alias>, d: &Loaded, span: dossier_core::Span, name: &str) {
    let si = d
        .analysis
        .sentences
        .iter()
        .position(|s| s.span.start <= span.start && span.end <= s.span.end)
        .unwrap_or(0);
    match aliases.iter_mut().find(|x| x.name == name) {
        Some(x) => {
            if x.sources.len() < 3 {
                let c = d.cite(si);
                if !x.sources.contains(&c) {
                    x.sources.push(c);
                }
            }
        }
        None => aliases.push(Alias {
            name: name.to_string(),
            origin: "document".into(),
            sources: vec![d.cite(si)],
        }),
    }
}

/// The display name of an entity id in one document: the knowledge base's name, else the name
/// the document gives it (a group the knowledge base does not know), else the id.
fn named_in(d: &Loaded, kb: &KnowledgeBase, id: &str) -> String {
    if kb.get(id).is_some() {
        return entity_name(kb, id);
    }
    let is = |e: &Option<dossier_core::kb::KbId>| e.as_ref().is_some_and(|x| x.as_str() == id);
    let x = &d.analysis.extraction;
    d.analysis
        .actors
        .iter()
        .find(|a| !a.coreference && is(&a.entity))
        .map(|a| a.text.as_str())
        .or_else(|| {
            x.facts
                .iter()
                .filter_map(|f| f.object.as_ref())
                .find(|o| is(&o.entity))
                .map(|o| o.text.as_str())
        })
        .or_else(|| {
            x.events
                .iter()
                .flat_map(|e| &e.participants)
                .find(|p| is(&p.entity))
                .map(|p| p.text.as_str())
        })
        .map_or_else(|| entity_name(kb, id), str::to_string)
}

fn date_of(d: &dossier_core::claims::EventDate) -> Date {
    Date {
        value: d.value.clone(),
        precision: d.precision.clone(),
        modifier: d.modifier.clone(),
        earliest: d.earliest.clone(),
        latest: d.latest.clone(),
        text: d.text.clone(),
    }
}

fn place_of(p: &dossier_core::claims::EventPlace) -> Place {
    match &p.place {
        Some(g) => Place {
            name: g.name.clone(),
            country: (!g.country.is_empty()).then(|| g.country.clone()),
            admin1: (!g.admin1.is_empty()).then(|| g.admin1.clone()),
            lat: Some(g.lat),
            lon: Some(g.lon),
            geonames_id: Some(g.geonameid),
        },
        None => Place {
            name: p.text.clone(),
            country: None,
            admin1: None,
            lat: None,
            lon: None,
            geonames_id: None,
        },
    }
}

/// One event mention with where it came from.
struct Mention<'a> {
    doc: &'a Loaded,
    e: &'a EventMention,
}

/// How long before and after its report an undated plot may be set: a plot is told of while it
/// is being uncovered or tried. Four months back, so that a warning in December is not the plot
/// on the same city's Pride parade in June.
const PLOT_WINDOW_BEFORE: i64 = 120;
const PLOT_WINDOW_AFTER: i64 = 90;

/// The date window of a mention. An undated plot (a warning of a possible attack, "suspected
/// of planning an attack") has no "before publication" default, since what it plans may lie
/// ahead: its window is around the report's date (`dct`).
fn interval(e: &EventMention, dct: Option<chrono::NaiveDate>) -> Option<(String, String)> {
    if e.kind == EventKind::Plot && e.date.is_none() {
        let d = dct?;
        let at = |days: i64| {
            d.checked_add_signed(chrono::Duration::days(days))
                .map(|x| x.format("%Y-%m-%d").to_string())
        };
        return Some((at(-PLOT_WINDOW_BEFORE)?, at(PLOT_WINDOW_AFTER)?));
    }
    let d = e.date.as_ref()?;
    if d.is_undated() {
        return Some((
            "0000".into(),
            d.latest.clone().unwrap_or_else(|| "9999".into()),
        ));
    }
    Some((
        d.earliest.clone().unwrap_or_else(|| "0000".into()),
        d.latest.clone().unwrap_or_else(|| "9999".into()),
    ))
}

/// How long before its report a mention with no date of its own may lie: what a report tells
/// without a date is recent.
const UNDATED_RECENT_DAYS: i64 = 60;

/// [`interval`], with a mention that has no date of its own set within
/// [`UNDATED_RECENT_DAYS`] before its report.
fn recent_interval(e: &EventMention, dct: Option<chrono::NaiveDate>) -> Option<(String, String)> {
    let (from, to) = interval(e, dct)?;
    let undated = e.date.as_ref().is_some_and(|d| d.is_undated());
    match dct {
        Some(d) if undated => {
            let earliest = d
                .checked_sub_signed(chrono::Duration::days(UNDATED_RECENT_DAYS))?
                .format("%Y-%m-%d")
                .to_string();
            Some((earliest.max(from), to))
        }
        _ => Some((from, to)),
    }
}

fn precise(e: &EventMention) -> bool {
    e.date.as_ref().is_some_and(|d| {
        !d.is_undated() && matches!(d.precision.as_str(), "day" | "time" | "week" | "month")
    })
}

/// `YYYY-MM-DD` moved by `days` (other strings unchanged).
fn shift(d: &str, days: i64) -> String {
    chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d")
        .ok()
        .and_then(|x| x.checked_add_signed(chrono::Duration::days(days)))
        .map_or_else(|| d.to_string(), |x| x.format("%Y-%m-%d").to_string())
}

fn places_agree(a: &EventMention, b: &EventMention) -> Option<bool> {
    let (Some(pa), Some(pb)) = (
        a.place.as_ref().and_then(|p| p.place.as_ref()),
        b.place.as_ref().and_then(|p| p.place.as_ref()),
    ) else {
        return None;
    };
    Some(dossier_claims::same_location(pa, pb))
}

fn compatible_kind(a: EventKind, b: EventKind) -> bool {
    a == b
        || matches!(
            (a, b),
            (EventKind::Attack, EventKind::ClaimOfResponsibility)
                | (EventKind::ClaimOfResponsibility, EventKind::Attack)
        )
}

/// Do two mentions (from different documents) report the same event?
fn same_event(ma: &Mention, mb: &Mention) -> bool {
    let (a, b) = (ma.e, mb.e);
    if !compatible_kind(a.kind, b.kind) {
        return false;
    }
    // A foiled plot and "warnings of a possible attack" (a hypothetical one) are not one plot:
    // a warning's date is not the foiled plot's.
    let hypothetical =
        |e: &EventMention| e.certainty == dossier_core::claims::Certainty::Hypothetical;
    let foiled = |e: &EventMention| e.subkind.as_deref() == Some("foiled");
    if a.kind == EventKind::Plot && (hypothetical(a) && foiled(b) || hypothetical(b) && foiled(a)) {
        return false;
    }
    let (dct_a, dct_b) = (ma.doc.analysis.dct, mb.doc.analysis.dct);
    // A day of slack: reports differ on time zones and "last night".
    let overlap = |ia: Option<(String, String)>, ib: Option<(String, String)>| match (ia, ib) {
        (Some((a0, a1)), Some((b0, b1))) => Some(shift(&a0, -1) <= b1 && shift(&b0, -1) <= a1),
        _ => None,
    };
    let dates = overlap(interval(a, dct_a), interval(b, dct_b));
    // A mention with no date of its own ("the siege ... was over", "al-Shabaab claimed the
    // attack") tells of something recent: not of the attack in the same city six years
    // before its report.
    let recent = overlap(recent_interval(a, dct_a), recent_interval(b, dct_b));
    let places = places_agree(a, b);
    if dates == Some(false) || places == Some(false) {
        return false;
    }
    // Positive agreement: a place, plus a precise date on at least one side or a shared actor.
    // A linked actor on both sides, or the same named person killed ("Hafiz Saeed Khan"): a
    // person dies once, so the same named leader killed in overlapping dates is one event.
    let same_person_killed = a.kind == EventKind::LeaderKilled
        && b.kind == EventKind::LeaderKilled
        && named_victims(a)
            .any(|v| named_victims(b).any(|w| v.text.to_lowercase() == w.text.to_lowercase()));
    let shared_actor = a
        .participants
        .iter()
        .any(|p| p.entity.is_some() && b.participants.iter().any(|q| q.entity == p.entity))
        || same_person_killed;
    let day = |e: &EventMention| {
        e.date
            .as_ref()
            .is_some_and(|d| matches!(d.precision.as_str(), "day" | "time") && !d.is_undated())
    };
    // The same named target ("the SYL Hotel"), or the same target on the same day ("a
    // wedding" and "the wedding"), where one report names no place.
    let norm = |t: &str| {
        let l = t.to_lowercase();
        ["the ", "a ", "an "]
            .iter()
            .find_map(|d| l.strip_prefix(d).map(str::to_string))
            .unwrap_or(l)
    };
    let targets = |e: &EventMention| -> Vec<(String, bool)> {
        e.participants
            .iter()
            .filter(|p| p.role == Role::Target)
            .map(|p| (norm(&p.text), p.text.chars().any(char::is_uppercase)))
            .filter(|(t, _)| {
                ![
                    "people",
                    "civilians",
                    "crowds",
                    "crowd",
                    "residents",
                    "others",
                ]
                .contains(&t.as_str())
            })
            .collect()
    };
    let (ta, tb) = (targets(a), targets(b));
    let shared_target = ta.iter().any(|(t, named)| {
        tb.iter()
            .any(|(u, _)| u == t && (*named || (day(a) && day(b))))
    });
    let shared_named_target = ta
        .iter()
        .any(|(t, named)| *named && tb.iter().any(|(u, _)| u == t));
    // A named target of one report that the other report's sentences name ("the attack on
    // Crocus City Hall" weeks later; "the attack on Barsalogho", a village the gazetteer lacks):
    // the follow-up tells of that event, where one of them has no place it could compare.
    // (Read only where it counts: the sentences are lowered for each pair compared.)
    let shared_named_target = shared_named_target
        || places.is_none()
            && (ta.iter().any(|(t, named)| *named && told_in(mb, t))
                || tb.iter().any(|(t, named)| *named && told_in(ma, t)));
    // Two exact days a day apart are two events (the pagers on the 17th, the walkie-talkies on
    // the 18th, both "across Lebanon") unless the same city or a named target ties them: the
    // day of slack is for time zones and "last night" in reports of one place.
    fn day_of(e: &EventMention) -> Option<&str> {
        e.date
            .as_ref()
            .filter(|d| d.precision == "day" && !d.is_undated())
            .and_then(|d| d.value.get(..10))
    }
    let same_city = places == Some(true)
        && [a, b]
            .iter()
            .all(|e| place_kind(e) == Some(PlaceKind::City));
    if let (Some(x), Some(y)) = (day_of(a), day_of(b)) {
        if x != y && !same_city && !shared_named_target && !same_person_killed {
            return false;
        }
    }
    if recent == Some(false) && !shared_named_target {
        return false;
    }
    // Plots and arrests come several to a country or a state ("Gera, Cologne, Stockholm"; the
    // July cell in North Rhine-Westphalia and the Cologne arrest at Christmas): a country or
    // state that contains the other report's city says little, and both reports need a date.
    let coarse = matches!(a.kind, EventKind::Plot | EventKind::Arrest)
        && [a, b]
            .iter()
            .any(|e| matches!(place_kind(e), Some(PlaceKind::Country | PlaceKind::Admin1)));
    // A town is retaken once in a while, not twice a year: the same town and year suffice.
    let same_town_retaken = a.kind == EventKind::Recapture
        && b.kind == EventKind::Recapture
        && [a, b]
            .iter()
            .all(|e| place_kind(e) == Some(PlaceKind::City));
    // Plots: the same coarse date in the same words ("the summer of 2023", "Sommer 2023") and
    // the same place; or, neither dated, the same city in reports a month apart at most.
    let plots = a.kind == EventKind::Plot && b.kind == EventKind::Plot;
    let same_coarse_date = plots
        && matches!((&a.date, &b.date), (Some(x), Some(y))
            if !x.is_undated() && x.value == y.value
                && matches!(x.precision.as_str(), "season" | "month" | "quarter"));
    let undated_same_city = plots
        && a.date.is_none()
        && b.date.is_none()
        && [a, b]
            .iter()
            .all(|e| place_kind(e) == Some(PlaceKind::City))
        && matches!((dct_a, dct_b), (Some(x), Some(y)) if (x - y).num_days().abs() <= 31);
    // A mention with no date of its own ("before publication") placed only in a country says
    // too little: "ISKP carried out the bombings" in Afghanistan is not the
    // Kabul airport bombing because both name ISKP and Afghanistan. It joins an event only by
    // a shared named target.
    let undated = |e: &EventMention| {
        e.date
            .as_ref()
            .is_none_or(dossier_core::claims::EventDate::is_undated)
    };
    let country_wide = [a, b]
        .iter()
        .any(|e| place_kind(e) == Some(PlaceKind::Country));
    if (undated(a) || undated(b)) && country_wide && places == Some(true) {
        return dates != Some(false) && shared_target;
    }
    // A group is founded once: two reports of its founding (or of the same pledge or split)
    // in the same year or on overlapping dates are one event.
    let organisational = a.kind == b.kind
        && matches!(
            a.kind,
            EventKind::Founding | EventKind::Pledge | EventKind::Split
        );
    // (The group that was founded, pledged or split on both sides: two groups pledging to IS
    // in one year are two pledges.)
    let same_subject = a.participants.iter().any(|p| {
        p.role == Role::Perpetrator
            && p.entity.is_some()
            && b.participants
                .iter()
                .any(|q| q.role == Role::Perpetrator && q.entity == p.entity)
    });
    if organisational && same_subject && dates == Some(true) && places != Some(false) {
        return true;
    }
    match places {
        Some(true) if same_town_retaken => dates == Some(true),
        // The same named target ("the Swedish parliament") where the places agree.
        Some(true) if plots && shared_target => dates != Some(false),
        Some(true) if same_coarse_date || undated_same_city => true,
        Some(true) if coarse => dates == Some(true) && precise(a) && precise(b) || shared_actor,
        Some(true) => dates == Some(true) && (precise(a) || precise(b)) || shared_actor,
        // One report names no place: the same day and the same named actor, or the same
        // target.
        None => {
            // ("He is accused of stabbing the teacher at the school on Friday" in a report
            // whose first sentence names Arras: on the same day, the stabbing in Arras.)
            // (Attacks only: arrests and plots come several to a report.)
            let place_told = |x: &Mention, y: &Mention| {
                x.e.kind == EventKind::Attack
                    && y.e.kind == EventKind::Attack
                    && x.e.place.is_none()
                    && y.e.place.as_ref().is_some_and(|p| {
                        crate::topic::has_word(
                            &x.doc.row.text.to_lowercase(),
                            &p.text.to_lowercase(),
                        )
                    })
            };
            dates == Some(true)
                && (day(a) && day(b) && (shared_actor || place_told(ma, mb) || place_told(mb, ma))
                    || shared_target
                    || shared_named_target
                    || same_person_killed)
        }
        Some(false) => false,
    }
}

/// Whether the evidence sentences of `m` name `what` (lower case) as whole words.
fn told_in(m: &Mention, what: &str) -> bool {
    m.e.evidence.iter().any(|&s| {
        m.doc
            .analysis
            .sentences
            .get(s)
            .and_then(|x| m.doc.row.text.get(x.span.start..x.span.end))
            .is_some_and(|t| crate::topic::has_word(&t.to_lowercase(), what))
    })
}

/// The victims a report names ("Hafiz Saeed Khan"), not "a guard".
fn named_victims(e: &EventMention) -> impl Iterator<Item = &dossier_core::claims::Participant> {
    e.participants
        .iter()
        .filter(|p| p.role == Role::Victim && p.text.chars().any(char::is_uppercase))
}

/// The kind of the geocoded place of a report, if it has one.
fn place_kind(e: &EventMention) -> Option<PlaceKind> {
    e.place.as_ref()?.place.as_ref().map(|p| p.kind)
}

fn cluster_events<'a>(mentions: Vec<Mention<'a>>) -> Vec<Vec<Mention<'a>>> {
    // Each mention's date window (with `same_event`'s day of slack) is computed once: a pair
    // whose windows are disjoint is never the same event, so it is skipped without the string
    // work in `same_event` (which made a group with 1,000 events take a second).
    type Window = Option<(String, String)>;
    let window =
        |m: &Mention| interval(m.e, m.doc.analysis.dct).map(|(a0, a1)| (shift(&a0, -1), a1));
    let apart = |a: &Window, b: &Window| matches!((a, b), (Some((alo, ahi)), Some((blo, bhi))) if !(alo <= bhi && blo <= ahi));
    let mut groups: Vec<Vec<(Mention<'a>, Window)>> = Vec::new();
    for m in mentions {
        let w = window(&m);
        let hits: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.iter().any(|(o, ow)| {
                    !apart(ow, &w) && o.doc.row.doc_id != m.doc.row.doc_id && same_event(o, &m)
                })
            })
            .map(|(i, _)| i)
            .collect();
        match hits.split_first() {
            // A mention that matches several groups joins them: the undated "suspects were
            // detained in the Bryansk region" of an early report, and the dated arrest that
            // later reports tell, are one event whichever came first.
            Some((&first, rest)) => {
                for &i in rest.iter().rev() {
                    let g = groups.remove(i);
                    groups[first].extend(g);
                }
                groups[first].push((m, w));
            }
            None => groups.push(vec![(m, w)]),
        }
    }
    groups
        .into_iter()
        .map(|g| g.into_iter().map(|(m, _)| m).collect())
        .collect()
}

fn responsibility_rank(r: Responsibility) -> u8 {
    match r {
        Responsibility::Confirmed => 0,
        Responsibility::Claimed => 1,
        Responsibility::Attributed => 2,
        Responsibility::Suspected => 3,
        Responsibility::Alleged => 4,
        Responsibility::Denied => 5,
        Responsibility::Unclaimed => 6,
        Responsibility::Inspired => 7,
    }
}

fn title_of(
    kind: EventKind,
    subkind: Option<&str>,
    place: Option<&Place>,
    target: Option<&str>,
) -> String {
    let what = match (kind, subkind) {
        (EventKind::Attack, Some(s)) if s != "massacre" => s.replace('_', " "),
        (EventKind::Plot, Some("foiled")) => "foiled plot".into(),
        (EventKind::Plot, _) => "plot".into(),
        // "Claimed attack on the Shah Cheragh shrine": a claim that names its target.
        (EventKind::ClaimOfResponsibility, _) if target.is_some() => "claimed attack".into(),
        (k, _) => k.as_str().replace('_', " "),
    };
    let mut t = capitalise(&what);
    match target {
        // "Pledge of allegiance to Islamic State".
        Some(tg) if kind == EventKind::Pledge => t.push_str(&format!(" of allegiance to {tg}")),
        // "Split from al-Mourabitoun".
        Some(tg) if kind == EventKind::Split => t.push_str(&format!(" from {tg}")),
        Some(tg) => t.push_str(&format!(" on {tg}")),
        None => {}
    }
    if let Some(p) = place {
        t.push_str(&format!(" in {}", p.name));
    }
    t
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn stable_id(parts: &str) -> String {
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in parts.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("ev-{:012x}", h & 0xffff_ffff_ffff)
}

/// Fuse event mentions into events. `entity`: the profiled entity (for `role` and
/// `responsibility`); `context_docs`: documents mainly about the entity, whose other events are
/// listed with role "context".
pub fn fuse_events(
    docs: &[Loaded],
    kb: &KnowledgeBase,
    entity: Option<&str>,
    context_docs: &[i64],
) -> Vec<Event> {
    let mut mentions: Vec<Mention> = Vec::new();
    for d in docs {
        for e in &d.analysis.extraction.events {
            let involved = entity.is_none_or(|id| {
                e.participants
                    .iter()
                    .any(|p| p.entity.as_ref().is_some_and(|x| x.as_str() == id))
            });
            let context = entity.is_some()
                && context_docs.contains(&d.row.doc_id)
                && matches!(
                    e.kind,
                    EventKind::Attack
                        | EventKind::Plot
                        | EventKind::Arrest
                        | EventKind::ClaimOfResponsibility
                        | EventKind::LeaderKilled
                );
            if involved || context {
                mentions.push(Mention { doc: d, e });
            }
        }
    }
    let mut out: Vec<Event> = Vec::new();
    for group in cluster_events(mentions) {
        out.push(fuse_one(&group, kb, entity));
    }
    // Dedupe by id (the same first mention cannot start two groups, but be safe).
    out.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)).then(a.id.cmp(&b.id)));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

fn sort_key(e: &Event) -> String {
    e.date.as_ref().map_or_else(
        || "9999".into(),
        |d| d.earliest.clone().unwrap_or_else(|| d.value.clone()),
    )
}

fn fuse_one(group: &[Mention], kb: &KnowledgeBase, entity: Option<&str>) -> Event {
    let first = &group[0];
    let kind = if group.iter().any(|m| m.e.kind == EventKind::Attack) {
        EventKind::Attack
    } else {
        first.e.kind
    };
    let subkind = group.iter().find_map(|m| m.e.subkind.clone());
    // The most precise date: not an inferred "before publication", then the narrowest interval,
    // then the words of an English report (the dossier is written in English).
    let date = group
        .iter()
        .filter_map(|m| {
            m.e.date
                .as_ref()
                .map(|d| (d, m.doc.analysis.language != "en"))
        })
        .min_by_key(|&(d, foreign)| {
            let inferred = d.is_undated();
            let rank = match d.precision.as_str() {
                "time" => 0,
                "day" => 1,
                "week" => 2,
                "month" => 3,
                "season" | "quarter" => 4,
                "year" => 5,
                _ => 6,
            };
            (inferred, rank, foreign)
        })
        .map(|(d, _)| date_of(d));
    let place = group
        .iter()
        .filter_map(|m| m.e.place.as_ref())
        .min_by_key(|p| match p.place.as_ref().map(|g| g.kind) {
            Some(PlaceKind::City) => 0,
            Some(PlaceKind::Admin1) => 1,
            Some(PlaceKind::Country) => 2,
            _ => 3,
        })
        .map(place_of);
    let mut participants = Vec::new();
    for m in group {
        for p in &m.e.participants {
            participants.push(Participant {
                role: match p.role {
                    Role::Perpetrator => "perpetrator",
                    Role::Target => "target",
                    Role::Victim => "victim",
                    Role::Arrested => "arrested",
                    Role::Authority => "authority",
                    Role::Subject => "subject",
                }
                .into(),
                text: p.text.clone(),
                entity: p.entity.as_ref().map(|id| EntityRef {
                    id: id.0.clone(),
                    // An entity the knowledge base does not know: as the report names it.
                    name: named_in(m.doc, kb, id.as_str()),
                }),
                responsibility: p.responsibility.map(|r| r.as_str().to_string()),
                attributed_by: p.attributed_by.as_ref().map(person),
                doc: m.doc.row.doc_id,
            });
        }
    }
    // "No group has claimed responsibility so far" is superseded by a claim a later report
    // brings (as of an earlier date, before that report, it still shows).
    let published = |doc: i64| {
        group
            .iter()
            .find(|m| m.doc.row.doc_id == doc)
            .and_then(|m| m.doc.row.published_utc.clone())
    };
    let claimed_since = |p: &Participant| {
        participants.iter().any(|q| {
            q.responsibility.as_deref() == Some("claimed")
                && published(q.doc).is_some_and(|t| published(p.doc).is_none_or(|u| t > u))
        })
    };
    let superseded: Vec<bool> = participants
        .iter()
        .map(|p| {
            p.entity.is_none()
                && p.responsibility.as_deref() == Some("unclaimed")
                && claimed_since(p)
        })
        .collect();
    let mut keep = superseded.iter().map(|s| !s);
    participants.retain(|_| keep.next().unwrap_or(true));
    // The entity's role and responsibility: the most certain reading that a source gives (a claim
    // stays a claim, a suspicion stays a suspicion: nothing is upgraded beyond what one source says).
    let mut role = None;
    let mut responsibility = None;
    let mut also = Vec::new();
    if let Some(id) = entity {
        let mine: Vec<&dossier_core::claims::Participant> = group
            .iter()
            .flat_map(|m| m.e.participants.iter())
            .filter(|p| p.entity.as_ref().is_some_and(|x| x.as_str() == id))
            .collect();
        if mine.is_empty() {
            role = Some("context".to_string());
        } else {
            // "pledged allegiance to Islamic State": the group pledged to.
            let r = if kind == EventKind::Pledge && mine.iter().all(|p| p.role == Role::Target) {
                "pledged_to"
            } else if kind == EventKind::Recapture && mine.iter().all(|p| p.role == Role::Target) {
                // "recaptured Mosul from the Islamic State group": the group driven out.
                "driven_out"
            } else if kind == EventKind::Split && mine.iter().all(|p| p.role == Role::Target) {
                // "broke away from al-Mourabitoun": the group left.
                "split_from"
            } else if matches!(
                kind,
                EventKind::Founding
                    | EventKind::Split
                    | EventKind::Pledge
                    | EventKind::Designation
                    | EventKind::Offensive
                    | EventKind::Withdrawal
                    | EventKind::Recapture
                    // "warned Moscow of a possible attack by ISKP": warned about, not a perpetrator.
                    | EventKind::Warning
            ) {
                "subject"
            } else if kind == EventKind::Arrest && mine.iter().all(|p| p.role == Role::Perpetrator)
            {
                "supporters_arrested"
            } else if mine.iter().any(|p| p.role == Role::Perpetrator)
                && mine.iter().all(|p| {
                    p.role != Role::Perpetrator
                        || p.responsibility == Some(Responsibility::Inspired)
                })
            {
                // "The attacker was inspired by the Islamic State group": its influence only.
                "inspired"
            } else if mine.iter().any(|p| p.role == Role::Perpetrator) {
                "perpetrator"
            } else if mine.iter().any(|p| p.role == Role::Target) {
                "target"
            } else {
                "participant"
            };
            role = Some(r.to_string());
            responsibility = mine
                .iter()
                .filter_map(|p| p.responsibility)
                .min_by_key(|r| responsibility_rank(*r))
                .filter(|_| r != "inspired")
                .map(|r| r.as_str().to_string());
            // ("TRF claimed the attack ... TRF denied any involvement": both readings.)
            if responsibility.as_deref().is_some_and(|x| x != "denied")
                && mine
                    .iter()
                    .any(|p| p.responsibility == Some(Responsibility::Denied))
            {
                also.push("denied".to_string());
            }
        }
    }
    // Figures per source, revisions marked (same publisher, same source or a change told, later
    // document, different figure).
    let mut figures: Vec<SourceFigure> = Vec::new();
    // When each figure was published, in UTC: what orders reports from different time zones.
    let mut published_utc: Vec<Option<String>> = Vec::new();
    // Whether each figure is its report's own count of this event (not another source's in
    // the same report, "Al-Shabaab ... said it had killed 137 people"), and whether a
    // perpetrator gives it.
    let mut primary: Vec<bool> = Vec::new();
    let mut by_perpetrator: Vec<bool> = Vec::new();
    for m in group {
        let perpetrators: Vec<String> =
            m.e.participants
                .iter()
                .filter(|p| p.role == Role::Perpetrator)
                .map(|p| p.text.to_lowercase())
                .collect();
        let elsewhere =
            m.e.killed_elsewhere
                .iter()
                .map(|f| ("killed", f))
                .chain(m.e.injured_elsewhere.iter().map(|f| ("injured", f)));
        for (k, (name, f)) in [
            ("killed", m.e.killed.as_ref()),
            ("injured", m.e.injured.as_ref()),
            ("abducted", m.e.abducted.as_ref()),
        ]
        .into_iter()
        .filter_map(|(n, f)| f.map(|f| (n, f)))
        .map(|x| (true, x))
        .chain(elsewhere.map(|x| (false, x)))
        {
            primary.push(k);
            by_perpetrator.push(f.attributed_to.as_ref().is_some_and(|s| {
                s.name
                    .as_ref()
                    .is_some_and(|n| perpetrators.contains(&n.to_lowercase()))
            }));
            published_utc.push(m.doc.row.published_utc.clone());
            figures.push(SourceFigure {
                figure: name.into(),
                min: f.quantity.min,
                max: f.quantity.max,
                approximate: f.quantity.approximate,
                text: f.quantity.text.clone(),
                attributed_to: f.attributed_to.as_ref().map(person),
                doc: m.doc.row.doc_id,
                published: m.doc.row.published.clone(),
                revises: None,
                revised_from: f.revised_from.iter().map(|q| q.text.clone()).collect(),
                source: Some(m.doc.cite(f.quantity.sentence)),
            });
        }
    }
    let publisher_of: BTreeMap<i64, String> = group
        .iter()
        .map(|m| (m.doc.row.doc_id, m.doc.publisher_key()))
        .collect();
    let n = figures.len();
    for i in 0..n {
        let (a_doc, a_pub, a_fig) = (
            figures[i].doc,
            published_utc[i].clone(),
            figures[i].figure.clone(),
        );
        // (A revision is the same source's: another source's figure in the publisher's later
        // report, "a security source said" after the group's claim, is another count, unless
        // the report tells it as a change: "officials revised the toll to 95".)
        let same_source = |j: usize| {
            figures[j].attributed_to == figures[i].attributed_to
                || figures[i]
                    .source
                    .as_ref()
                    .is_some_and(|c| tells_a_change(&c.quote))
        };
        let earlier = (0..n)
            .filter(|&j| {
                j != i
                    && figures[j].figure == a_fig
                    && figures[j].doc != a_doc
                    && publisher_of.get(&figures[j].doc) == publisher_of.get(&a_doc)
                    && same_source(j)
            })
            .filter(|&j| {
                published_utc[j] < a_pub
                    && (figures[j].min, figures[j].max) != (figures[i].min, figures[i].max)
            })
            .max_by(|&x, &y| published_utc[x].cmp(&published_utc[y]));
        if let Some(j) = earlier {
            figures[i].revises = Some(figures[j].doc);
        }
    }
    // The headline figure: the latest report's, never an average; in that report its own
    // count before another source's it quotes; a perpetrator's own figure only when no one
    // else gives one.
    let (primary, by_perpetrator, published_utc) = (&primary, &by_perpetrator, &published_utc);
    let figures_ref = &figures;
    let latest = |name: &str| {
        let of = |no_perpetrator: bool| {
            figures_ref
                .iter()
                .enumerate()
                .filter(move |(i, f)| f.figure == name && (!no_perpetrator || !by_perpetrator[*i]))
                .max_by(|(i, _), (j, _)| {
                    (&published_utc[*i], primary[*i]).cmp(&(&published_utc[*j], primary[*j]))
                })
                .map(|(_, f)| f)
        };
        of(true).or_else(|| of(false)).map(|f| Range {
            min: f.min,
            max: f.max,
        })
    };
    let killed = latest("killed");
    let injured = latest("injured");
    let abducted = latest("abducted");
    let certainty = group
        .iter()
        .map(|m| m.e.certainty)
        .min_by_key(|c| c.rank())
        .unwrap_or(Certainty::Stated);
    let mut sources: Vec<Citation> = Vec::new();
    for m in group {
        for &s in &m.e.evidence {
            let c = m.doc.cite(s);
            if !sources.contains(&c) {
                sources.push(c);
            }
        }
    }
    let mut publishers: Vec<String> = Vec::new();
    let mut clusters: Vec<i64> = Vec::new();
    for m in group {
        // Syndicated copies (one near-duplicate cluster) count once.
        if clusters.contains(&m.doc.row.cluster) {
            continue;
        }
        clusters.push(m.doc.row.cluster);
        let p = m.doc.publisher_key();
        if !publishers.contains(&p) {
            publishers.push(p);
        }
    }
    // Titles are English ("Plot on …"): a target in another language's words ("die
    // Konzerthalle") is not put into one.
    let target = group
        .iter()
        .filter(|m| m.doc.analysis.language == "en")
        .flat_map(|m| m.e.participants.iter())
        .find(|p| p.role == Role::Target)
        .map(|p| p.text.clone());
    // "Hafiz Saeed Khan killed in Afghanistan": a leader killed, or a person killed in an
    // attack, is titled by name when a report names them.
    let victim = group
        .iter()
        .flat_map(|m| named_victims(m.e))
        .next()
        .filter(|_| matches!(kind, EventKind::LeaderKilled | EventKind::Attack))
        .map(|p| p.text.clone());
    // "Shekau died …": a report that says only that the leader died is not made to say he was
    // killed.
    // ("after the death of its founder Mohammed Yusuf": a death, not a killing.)
    let verb = if group.iter().all(|m| {
        let t = m.e.trigger.to_lowercase();
        [
            "died",
            "death",
            "dies",
            "dead",
            "passed away",
            "tod",
            "gestorben",
            "starb",
        ]
        .iter()
        .any(|w| t.contains(w))
    }) {
        "died"
    } else {
        "killed"
    };
    let title = match victim {
        // "Khalil Haqqani killed in suicide bombing in Kabul".
        Some(v) if kind == EventKind::Attack => {
            let what = title_of(kind, subkind.as_deref(), None, None).to_lowercase();
            match place.as_ref() {
                Some(p) => format!("{v} killed in {what} in {}", p.name),
                None => format!("{v} killed in {what}"),
            }
        }
        Some(v) => match place.as_ref() {
            Some(p) => format!("{v} {verb} in {}", p.name),
            None => format!("{v} {verb}"),
        },
        None => title_of(
            kind,
            subkind.as_deref(),
            place.as_ref(),
            target.as_deref().filter(|t| t.len() <= 40),
        ),
    };
    let weapon = group.iter().find_map(|m| m.e.weapon.clone());
    Event {
        id: stable_id(&format!(
            "{}:{}:{}",
            first.doc.row.doc_id,
            first.e.trigger_span.start,
            first.e.kind.as_str()
        )),
        kind: kind.as_str().into(),
        subkind,
        title,
        date,
        place,
        role,
        responsibility,
        also,
        killed,
        injured,
        abducted,
        figures,
        weapon,
        certainty: certainty.as_str().into(),
        participants,
        independent_sources: publishers.len(),
        sources,
    }
}

/// Whether two publication times are at most a day apart (or either is unknown). Tolls a
/// day or more apart are updates ("40 killed" on the night, "145" a year later), not
/// contradictions.
fn within_a_day(a: Option<&str>, b: Option<&str>) -> bool {
    let t = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| d.naive_utc())
            .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
            // A date alone: its noon, so that reports a day apart are within a day and reports
            // two weeks apart are not.
            .or_else(|_| {
                chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
                    .map(|d| d.and_hms_opt(12, 0, 0).unwrap_or_default())
            })
            .ok()
    };
    match (a.and_then(t), b.and_then(t)) {
        (Some(x), Some(y)) => (x - y).num_hours().abs() <= 24,
        _ => true,
    }
}

/// The sentence of a report that tells a group's claim or denial: the event's source in that
/// report naming the group with a claim or a denial word, else the report's first.
fn own_sentence(e: &Event, p: &Participant) -> Option<Citation> {
    let cues: &[&str] = match p.responsibility.as_deref() {
        Some("claimed") => &["claim", "responsibility", "bekannt", "reklamier"],
        Some("denied") => &[
            "denied",
            "denies",
            "deny",
            "rejected",
            "bestritt",
            "dementier",
        ],
        _ => &[],
    };
    let of_doc = || e.sources.iter().filter(|c| c.doc == p.doc);
    of_doc()
        .find(|c| {
            let q = c.quote.to_lowercase();
            q.contains(&p.text.to_lowercase()) && cues.iter().any(|w| q.contains(w))
        })
        .or_else(|| {
            of_doc().find(|c| {
                let q = c.quote.to_lowercase();
                cues.iter().any(|w| q.contains(w))
            })
        })
        .or_else(|| of_doc().next())
        .cloned()
}

/// Whether a figure's sentence tells it as a change of a toll ("revised the death toll … to 95",
/// "the toll rose to 38").
fn tells_a_change(sentence: &str) -> bool {
    let l = sentence.to_lowercase();
    l.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "revised"
                | "revises"
                | "raised"
                | "rose"
                | "risen"
                | "climbed"
                | "increased"
                | "lowered"
                | "updated"
                | "corrected"
        )
    })
}

/// Contradictions within fused events: figures that do not overlap between publishers (revisions
/// by the same publisher are not contradictions), and one group's responsibility claimed,
/// attributed or suspected by one source and denied by another.
pub fn contradictions(events: &[Event], docs: &[Loaded]) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for e in events {
        for fig in ["killed", "injured", "abducted"] {
            let fs: Vec<&SourceFigure> = e
                .figures
                .iter()
                .filter(|f| f.figure == fig && f.revises.is_none())
                .collect();
            // Figures in at least one pair that cannot both hold: different reports a day
            // apart at most, or two sources in one report; ranges that do not overlap.
            let clash = |a: &SourceFigure, b: &SourceFigure| {
                (a.doc != b.doc && within_a_day(a.published.as_deref(), b.published.as_deref())
                    || a.doc == b.doc && a.attributed_to != b.attributed_to)
                    && {
                        let (amin, amax) = (a.min.unwrap_or(0.0), a.max.unwrap_or(f64::INFINITY));
                        let (bmin, bmax) = (b.min.unwrap_or(0.0), b.max.unwrap_or(f64::INFINITY));
                        amax < bmin || bmax < amin
                    }
            };
            let fs: Vec<&SourceFigure> = fs
                .iter()
                .filter(|a| fs.iter().any(|b| clash(a, b)))
                .copied()
                .collect();
            let disjoint = !fs.is_empty();
            if disjoint {
                let statements = fs
                    .iter()
                    .map(|f| Statement {
                        says: format!("{} {}", f.text, fig),
                        attributed_to: f.attributed_to.clone(),
                        // The figure's own sentence, else the report's first.
                        sources: match &f.source {
                            Some(c) => vec![c.clone()],
                            None => e
                                .sources
                                .iter()
                                .filter(|c| c.doc == f.doc)
                                .take(1)
                                .cloned()
                                .collect(),
                        },
                    })
                    .collect();
                out.push(Contradiction {
                    about: fig.into(),
                    event: Some(e.id.clone()),
                    statements,
                });
            }
        }
        // A group that denies what it claimed, or what others blame it for: one group's
        // responsibility read two ways ("Islamic State claimed" beside "the Taliban denied" is
        // no contradiction).
        let key = |p: &Participant| {
            p.entity
                .as_ref()
                .map_or_else(|| p.text.to_lowercase(), |x| x.id.clone())
        };
        let denied: Vec<&Participant> = e
            .participants
            .iter()
            .filter(|p| p.responsibility.as_deref() == Some("denied"))
            .collect();
        let asserted: Vec<&Participant> = e
            .participants
            .iter()
            .filter(|p| {
                matches!(
                    p.responsibility.as_deref(),
                    Some("claimed" | "attributed" | "suspected" | "alleged")
                ) && denied.iter().any(|d| key(d) == key(p))
            })
            .collect();
        let denied: Vec<&Participant> = denied
            .into_iter()
            .filter(|d| asserted.iter().any(|p| key(p) == key(d)))
            .collect();
        if !asserted.is_empty() && !denied.is_empty() {
            let statements = asserted
                .iter()
                .chain(denied.iter())
                .map(|p| Statement {
                    says: format!(
                        "{}: {}",
                        p.text,
                        p.responsibility.clone().unwrap_or_default()
                    ),
                    attributed_to: p.attributed_by.clone(),
                    sources: own_sentence(e, p).into_iter().collect(),
                })
                .collect();
            out.push(Contradiction {
                about: "responsibility".into(),
                event: Some(e.id.clone()),
                statements,
            });
        }
        // "the army said the assault was repelled" against casualty reports: an attack reported
        // as negated by one source and as happening by another.
        let _ = docs;
    }
    out
}

/// Build the dossier on entity `id` from the loaded documents (already limited to "as of").
pub fn build(id: &str, docs: &[Loaded], kb: &KnowledgeBase, as_of: Option<&str>) -> Dossier {
    let kbe = kb.get(id);
    let mut aliases: Vec<Alias> = Vec::new();
    if let Some(e) = kbe {
        for n in e.names() {
            if !aliases.iter().any(|a| a.name == n.name) && n.name != e.name {
                aliases.push(Alias {
                    name: n.name.to_string(),
                    origin: "knowledge base".into(),
                    sources: Vec::new(),
                });
            }
        }
    }
    // Names the documents use for it, with the sentence.
    for d in docs {
        for a in &d.analysis.actors {
            if a.coreference || a.entity.as_ref().is_none_or(|x| x.as_str() != id) {
                continue;
            }
            add_alias(&mut aliases, d, a.span, &a.text);
        }
    }
    // A group the knowledge base does not know goes by the name its reports use most (the
    // first such on a tie).
    let mut named: Vec<(&str, usize, bool)> = Vec::new();
    for a in docs.iter().flat_map(|d| &d.analysis.actors) {
        if a.coreference || a.entity.as_ref().is_none_or(|x| x.as_str() != id) {
            continue;
        }
        match named.iter_mut().find(|n| n.0 == a.text) {
            Some(n) => n.1 += 1,
            None => named.push((&a.text, 1, a.group)),
        }
    }
    // A person (a name no report makes an actor): as events and facts name them.
    let is_person = named.is_empty() && id.starts_with("new:");
    if is_person {
        let texts = docs.iter().flat_map(|d| {
            let e = &d.analysis.extraction;
            e.events
                .iter()
                .flat_map(|e| &e.participants)
                .filter(|p| p.entity.as_ref().is_some_and(|x| x.as_str() == id))
                .map(|p| p.text.as_str())
                .chain(
                    e.facts
                        .iter()
                        .filter_map(|f| f.object.as_ref())
                        .filter(|o| o.entity.as_ref().is_some_and(|x| x.as_str() == id))
                        .map(|o| o.text.as_str()),
                )
        });
        for t in texts {
            match named.iter_mut().find(|x| x.0 == t) {
                Some(x) => x.1 += 1,
                None => named.push((t, 1, false)),
            }
        }
    }
    // A person's names as the NER found them, each with the sentences that name them (read
    // from the stored names, which a dossier otherwise skips).
    let mut passing: Option<String> = None;
    // The parts of a person's documents a dossier otherwise skips: names and attributions.
    #[derive(serde::Deserialize)]
    struct PersonParts {
        #[serde(default)]
        names: Vec<dossier_core::EntityMention>,
        #[serde(default)]
        attributions: Vec<dossier_core::claims::Attribution>,
    }
    let person_parts: Vec<Option<PersonParts>> = if is_person {
        docs.iter()
            .map(|d| serde_json::from_str::<PersonParts>(&d.row.json).ok())
            .collect()
    } else {
        Vec::new()
    };
    if is_person {
        for (d, ns) in docs.iter().zip(&person_parts) {
            let Some(ns) = ns else {
                continue;
            };
            for n in ns.names.iter().filter(|n| {
                n.label == "PERSON" && crate::analyze::person_id(&n.text).as_deref() == Some(id)
            }) {
                add_alias(&mut aliases, d, n.span, &n.text);
                passing.get_or_insert_with(|| n.text.clone());
            }
        }
    }
    let most = named.iter().enumerate().max_by_key(|(i, n)| {
        (
            n.0.split_whitespace().count() + n.0.matches('-').count(),
            n.1,
            std::cmp::Reverse(*i),
        )
    });
    let name = kbe.map_or_else(
        || {
            most.map(|(_, n)| n.0.to_string())
                .or(passing)
                .unwrap_or_else(|| entity_name(kb, id))
        },
        |e| e.name.clone(),
    );
    let kind = kbe.map_or_else(
        || {
            if named.iter().any(|n| n.2) {
                "armed group (not in the knowledge base)".into()
            } else if is_person {
                "person".into()
            } else {
                "organisation".into()
            }
        },
        |e| e.kind.clone(),
    );
    let entity = EntityHeader {
        id: id.to_string(),
        name,
        kind,
        aliases,
        wikidata: kbe.and_then(|e| e.wikidata.clone()),
    };

    // Relations and facts.
    let mut relations: Vec<Relation> = Vec::new();
    let mut facts: Vec<FactItem> = Vec::new();
    let mut estimates: Vec<Estimate> = Vec::new();
    for d in docs {
        for f in &d.analysis.extraction.facts {
            let subject_is = f.subject.as_str() == id;
            let object_is = f
                .object
                .as_ref()
                .and_then(|o| o.entity.as_ref())
                .is_some_and(|x| x.as_str() == id);
            // From the object's side, the symmetric relations as they are and the others by
            // their inverse ("al-Shabaab, the al-Qaeda affiliate" → al-Qaeda has affiliate
            // al-Shabaab).
            let inverse = match f.predicate {
                Predicate::PartOf => Some("has_part"),
                Predicate::AffiliateOf => Some("has_affiliate"),
                Predicate::SplitFrom => Some("splinter_group"),
                // The fact's subject is the group ("X is led by P"): from the person's side it
                // is "leader of X".
                Predicate::LeaderOf => Some("leader_of"),
                Predicate::RivalOf | Predicate::AllyOf => Some(f.predicate.as_str()),
                _ => None,
            };
            if !(subject_is || object_is && inverse.is_some()) {
                continue;
            }
            let cite = d.cite(f.sentence);
            match f.predicate {
                Predicate::Estimate => {
                    let Some(v) = &f.value else { continue };
                    let q = f.quantity.clone().unwrap_or_else(|| "count".into());
                    let attributed_to = f.attributed_to.as_ref().map(person);
                    // The same figure from the same source (syndicated copies) is one estimate.
                    if let Some(x) = estimates.iter_mut().find(|x| {
                        x.quantity == q
                            && x.min == v.min
                            && x.max == v.max
                            && x.attributed_to == attributed_to
                            && x.time == f.valid_time
                    }) {
                        if !x.sources.contains(&cite) {
                            x.sources.push(cite);
                        }
                        continue;
                    }
                    estimates.push(Estimate {
                        quantity: q,
                        min: v.min,
                        max: v.max,
                        unit: v.unit.clone(),
                        approximate: v.approximate,
                        text: v.text.clone(),
                        context: f.object.as_ref().map(|o| o.text.clone()),
                        time: f.valid_time.clone(),
                        attributed_to,
                        certainty: f.certainty.as_str().into(),
                        published: d.published_date(),
                        sources: vec![cite],
                    });
                }
                Predicate::Founded | Predicate::NameMeaning => {
                    let value = f.object.as_ref().map(|o| o.text.clone());
                    let pred = f.predicate.as_str().to_string();
                    if let Some(x) = facts
                        .iter_mut()
                        .find(|x| x.predicate == pred && x.value == value && x.time == f.valid_time)
                    {
                        if !x.sources.contains(&cite) {
                            x.sources.push(cite);
                        }
                        continue;
                    }
                    facts.push(FactItem {
                        predicate: pred,
                        value,
                        time: f.valid_time.clone(),
                        certainty: f.certainty.as_str().into(),
                        attributed_to: f.attributed_to.as_ref().map(person),
                        sources: vec![cite],
                    });
                }
                p => {
                    let (other_id, other_text) = if subject_is {
                        let Some(o) = &f.object else { continue };
                        let oid = o.entity.as_ref().map(|x| x.0.clone()).or_else(|| {
                            o.place
                                .as_ref()
                                .map(|pl| format!("geonames:{}", pl.geonameid))
                        });
                        let oname = o
                            .entity
                            .as_ref()
                            .map(|x| named_in(d, kb, x.as_str()))
                            .or_else(|| o.place.as_ref().map(|pl| pl.name.clone()))
                            .unwrap_or_else(|| o.text.clone());
                        (
                            oid.unwrap_or_else(|| format!("text:{}", o.text.to_lowercase())),
                            oname,
                        )
                    } else {
                        (f.subject.0.clone(), named_in(d, kb, f.subject.as_str()))
                    };
                    let rel = if subject_is && p == Predicate::LeaderOf {
                        "led_by".to_string()
                    } else if subject_is {
                        p.as_str().to_string()
                    } else {
                        inverse.unwrap_or(p.as_str()).to_string()
                    };
                    add_relation(
                        &mut relations,
                        rel,
                        EntityRef {
                            id: other_id,
                            name: other_text,
                        },
                        f,
                        cite,
                    );
                }
            }
        }
    }

    // Events: those the entity takes part in, plus other events in documents mainly about it.
    let context_docs: Vec<i64> = docs
        .iter()
        .filter(|d| d.analysis.main_group().as_deref() == Some(id))
        .map(|d| d.row.doc_id)
        .collect();
    let events = fuse_events(docs, kb, Some(id), &context_docs);

    // Assessments about the entity (on a person: also those the person made).
    let mut assessments: Vec<Assessment> = Vec::new();
    for d in docs {
        for a in &d.analysis.extraction.assessments {
            let by_them = is_person
                && a.by
                    .name
                    .as_deref()
                    .and_then(crate::analyze::person_id)
                    .is_some_and(|p| p == id);
            if !by_them && !a.about.iter().any(|x| x.as_str() == id) {
                continue;
            }
            let cite = d.cite(a.sentence);
            let by = person(&a.by);
            if let Some(x) = assessments
                .iter_mut()
                .find(|x| x.by == by && x.text == a.text)
            {
                if !x.sources.contains(&cite) {
                    x.sources.push(cite);
                }
                continue;
            }
            assessments.push(Assessment {
                by,
                date: a.date.clone(),
                medium: a.medium.clone(),
                text: a.text.clone(),
                sources: vec![cite],
            });
        }
    }

    // On a person: what else they said, as the reports attribute it (the sentence, when said).
    for (d, parts) in docs.iter().zip(&person_parts) {
        let Some(parts) = parts else {
            continue;
        };
        for a in &parts.attributions {
            let theirs = a
                .source
                .name
                .as_deref()
                .and_then(crate::analyze::person_id)
                .is_some_and(|p| p == id);
            if !theirs {
                continue;
            }
            let cite = d.cite(a.sentence);
            if assessments.iter().any(|x| x.sources.contains(&cite)) {
                continue;
            }
            assessments.push(Assessment {
                by: person(&a.source),
                date: a.said_at.clone(),
                medium: a.medium.clone(),
                text: cite.quote.clone(),
                sources: vec![cite],
            });
        }
    }

    let mut contradictions = contradictions(&events, docs);
    // Estimates of one quantity that do not overlap, from different sources: shown side by side
    // and listed as a disagreement.
    let mut by_q: BTreeMap<&str, Vec<&Estimate>> = BTreeMap::new();
    for e in &estimates {
        by_q.entry(e.quantity.as_str()).or_default().push(e);
    }
    for (q, es) in by_q {
        let disjoint = es.iter().enumerate().any(|(i, a)| {
            es.iter().skip(i + 1).any(|b| {
                a.time == b.time
                    && (a.max.unwrap_or(f64::INFINITY) < b.min.unwrap_or(0.0)
                        || b.max.unwrap_or(f64::INFINITY) < a.min.unwrap_or(0.0))
            })
        });
        if disjoint {
            contradictions.push(Contradiction {
                about: format!("estimate:{q}"),
                event: None,
                statements: es
                    .iter()
                    .map(|e| Statement {
                        says: format!("{} {q}", e.text),
                        attributed_to: e.attributed_to.clone(),
                        sources: e.sources.clone(),
                    })
                    .collect(),
            });
        }
    }

    // Sources: every document cited anywhere.
    let mut cited: Vec<i64> = Vec::new();
    let mut note = |cs: &[Citation]| {
        for c in cs {
            if !cited.contains(&c.doc) {
                cited.push(c.doc);
            }
        }
    };
    leaders_killed(&mut relations, &events);
    relations.iter().for_each(|r| note(&r.sources));
    estimates.iter().for_each(|r| note(&r.sources));
    events.iter().for_each(|r| note(&r.sources));
    assessments.iter().for_each(|r| note(&r.sources));
    facts.iter().for_each(|r| note(&r.sources));
    entity.aliases.iter().for_each(|r| note(&r.sources));
    let sources = sources_cited(docs, &cited);

    Dossier {
        entity,
        as_of: as_of.map(str::to_string),
        relations,
        estimates,
        events,
        assessments,
        facts,
        contradictions,
        sources,
    }
}

/// Fact `f` (cited by `cite`) as relation `rel` to `entity`: a new relation, or one more source
/// of the same relation, which is as certain as its most certain source says.
pub(crate) fn add_relation(
    relations: &mut Vec<Relation>,
    rel: String,
    entity: EntityRef,
    f: &dossier_core::claims::Fact,
    cite: Citation,
) {
    let attributed: Vec<Person> = f.attributed_to.as_ref().map(person).into_iter().collect();
    match relations
        .iter_mut()
        .find(|r| r.relation == rel && r.entity.id == entity.id)
    {
        Some(r) => {
            if !r.sources.contains(&cite) {
                r.sources.push(cite);
            }
            if Certainty::parse(&r.certainty).is_some_and(|c| f.certainty.rank() < c.rank()) {
                r.certainty = f.certainty.as_str().into();
            }
            for a in attributed {
                if !r.attributed_to.contains(&a) {
                    r.attributed_to.push(a);
                }
            }
            if r.time.is_none() {
                r.time = f.valid_time.clone();
            }
        }
        None => relations.push(Relation {
            relation: rel,
            entity,
            time: f.valid_time.clone(),
            certainty: f.certainty.as_str().into(),
            attributed_to: attributed,
            sources: vec![cite],
            killed: None,
        }),
    }
}

/// The documents of `docs` that `cited` names, in order of publication.
pub fn sources_cited(docs: &[Loaded], cited: &[i64]) -> Vec<SourceDoc> {
    let mut sources: Vec<SourceDoc> = docs
        .iter()
        .filter(|d| cited.contains(&d.row.doc_id))
        .map(|d| SourceDoc {
            id: d.row.doc_id,
            title: d.row.title.clone(),
            publisher: d.publisher(),
            published: d.row.published.clone(),
            url: d.row.url.clone(),
        })
        .collect();
    sources.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
    sources.dedup_by(|a, b| a.id == b.id);
    sources
}

/// "led by: Ayman al-Zawahiri" beside "Ayman al-Zawahiri killed in air strike" in the timeline:
/// the leader's relation carries the death's date (and its certainty when it is not stated),
/// matched on the victim's last name.
fn leaders_killed(relations: &mut [Relation], events: &[Event]) {
    let last = |s: &str| {
        s.split_whitespace()
            .next_back()
            .unwrap_or("")
            .trim_start_matches("al-")
            .to_lowercase()
    };
    for r in relations.iter_mut().filter(|r| r.relation == "led_by") {
        let name = last(&r.entity.name);
        if name.len() < 3 {
            continue;
        }
        let death = events.iter().find(|e| {
            e.kind == "leader_killed"
                && e.participants
                    .iter()
                    .any(|p| p.role == "victim" && last(&p.text) == name)
        });
        if let Some(e) = death {
            let when = e
                .date
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_else(|| "date not given".into());
            r.killed = Some(if e.certainty == "stated" {
                when
            } else {
                format!("{when}, {}", e.certainty)
            });
        }
    }
}

impl Analysis {
    /// The document's most mentioned group.
    pub fn main_group(&self) -> Option<String> {
        dossier_claims::main_group(&self.actors).map(|k| k.0)
    }
}

/// Keep events between `from` and `to` (inclusive `YYYY-MM-DD` bounds on the event's interval).
pub fn filter_period(events: &mut Vec<Event>, from: Option<&str>, to: Option<&str>) {
    events.retain(|e| {
        let Some(d) = &e.date else {
            return from.is_none() && to.is_none();
        };
        let lo = d.earliest.clone().unwrap_or_else(|| d.value.clone());
        let hi = d.latest.clone().unwrap_or_else(|| d.value.clone());
        from.is_none_or(|f| hi.as_str() >= f) && to.is_none_or(|t| lo.as_str() <= t)
    });
}
