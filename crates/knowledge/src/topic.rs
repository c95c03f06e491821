//! Dossiers on what is no entity: a place ("What is known about Kabul?") or an event named by its
//! venue or target ("the Crocus City Hall attack"). The events there or so named, fused across
//! all documents as for any dossier, with the groups reports say are active or recruit there;
//! every item cited, nothing added that no source says.

use crate::dossier::*;
use crate::profile::{self, Loaded};
use dossier_core::claims::Predicate;
use dossier_entities::KnowledgeBase;

/// Words a question about events adds to the name of a place or target.
const GENERIC: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "of",
    "at",
    "against",
    "to",
    "for",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "shooting",
    "massacre",
    "siege",
    "blast",
    "blasts",
    "plot",
    "plots",
    "arrests",
    "arrest",
    "events",
    "foiled",
    "suspected",
    "alleged",
    "planned",
    "thwarted",
];

/// The words of `what` an event must name (lower case), without the generic ones.
fn words(what: &str) -> Vec<String> {
    what.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty() && !GENERIC.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether `hay` (lower case) has `w` as a whole word ("isk" is not in "risk").
pub(crate) fn has_word(hay: &str, w: &str) -> bool {
    hay.match_indices(w).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the event's place (name, country, region) names all `words`.
fn at_place(e: &Event, words: &[String]) -> bool {
    let Some(p) = &e.place else {
        return false;
    };
    let mut hay = p.name.to_lowercase();
    for n in [p.country.as_ref(), p.admin1.as_ref()]
        .into_iter()
        .flatten()
    {
        hay.push(' ');
        hay.push_str(&n.to_lowercase());
    }
    words.iter().all(|w| has_word(&hay, w))
}

/// Events of `docs` whose place (name, country, region) or title names `what`; when none does,
/// those one of whose source sentences names it (a venue, a target). "What happened in Kerman"
/// is not the Moscow attack whose report mentions Kerman.
pub fn matching_events(docs: &[Loaded], kb: &KnowledgeBase, what: &str) -> Vec<Event> {
    let words = words(what);
    if words.is_empty() {
        return Vec::new();
    }
    let mut events = profile::fuse_events(docs, kb, None, &[]);
    let named = |e: &Event| {
        let title = e.title.to_lowercase();
        at_place(e, &words) || words.iter().all(|w| has_word(&title, w))
    };
    let quoted = |e: &Event| {
        e.sources.iter().any(|s| {
            let q = s.quote.to_lowercase();
            words.iter().all(|w| has_word(&q, w))
        })
    };
    // Events at the place or titled by the words first; only when none is, those whose
    // sentences name them ("How many people were killed in Kabul?" is not answered with the
    // Kerman bombing, "the deadliest attack since the Kabul airport bombing").
    if events.iter().any(named) {
        events.retain(named);
    } else {
        events.retain(quoted);
    }
    events
}

/// The dossier on a place or an event that is no entity, from `docs` (the analyses published by
/// `as_of`); `None` when no event is at it or names it.
pub fn build(
    name: &str,
    docs: &[Loaded],
    kb: &KnowledgeBase,
    as_of: Option<&str>,
) -> Option<Dossier> {
    let events = matching_events(docs, kb, name);
    let ws = words(name);
    let key = dossier_entities::normalize::name_key(name);
    // Groups the reports say are active or recruit there.
    let mut relations: Vec<Relation> = Vec::new();
    for d in docs {
        for f in &d.analysis.extraction.facts {
            let rel = match f.predicate {
                Predicate::ActiveIn => "active_group",
                Predicate::RecruitsIn => "recruiting_group",
                _ => continue,
            };
            let Some(o) = &f.object else { continue };
            let here = o
                .place
                .as_ref()
                .map_or(o.text.as_str(), |p| p.name.as_str());
            if dossier_entities::normalize::name_key(here) != key {
                continue;
            }
            let id = f.subject.0.clone();
            let name = if kb.get(&id).is_some() {
                profile::entity_name(kb, &id)
            } else {
                f.subject_text.clone()
            };
            profile::add_relation(
                &mut relations,
                rel.into(),
                EntityRef { id, name },
                f,
                d.cite(f.sentence),
            );
        }
    }

    // A place when an event is there or a group is active there; its name as the gazetteer
    // writes it when one matches whole.
    let place_name = events
        .iter()
        .filter_map(|e| e.place.as_ref())
        .find_map(|p| {
            [Some(&p.name), p.country.as_ref(), p.admin1.as_ref()]
                .into_iter()
                .flatten()
                .find(|n| dossier_entities::normalize::name_key(n) == key)
                .cloned()
        });
    if events.is_empty() && relations.is_empty() {
        return None;
    }
    let is_place =
        place_name.is_some() || !relations.is_empty() || events.iter().any(|e| at_place(e, &ws));
    let entity = EntityHeader {
        id: format!(
            "{}:{}",
            if is_place { "place" } else { "event" },
            dossier_entities::new_key(name)
        ),
        name: place_name.unwrap_or_else(|| name.trim().to_string()),
        kind: if is_place { "place" } else { "event" }.into(),
        aliases: Vec::new(),
        wikidata: None,
    };

    let contradictions = profile::contradictions(&events, docs);
    let mut cited: Vec<i64> = Vec::new();
    for c in events
        .iter()
        .flat_map(|e| &e.sources)
        .chain(relations.iter().flat_map(|r| &r.sources))
    {
        if !cited.contains(&c.doc) {
            cited.push(c.doc);
        }
    }
    let sources = profile::sources_cited(docs, &cited);
    Some(Dossier {
        entity,
        as_of: as_of.map(str::to_string),
        relations,
        estimates: Vec::new(),
        events,
        assessments: Vec::new(),
        facts: Vec::new(),
        contradictions,
        sources,
    })
}
