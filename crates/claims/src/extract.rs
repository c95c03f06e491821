//! The stage entry point: one annotated document (sentences, time expressions, named entities,
//! linked actors, geocoded places) in, one [`Extraction`] out.

use crate::{assess, attribution, events, facts, quantity};
use chrono::NaiveDate;
use dossier_core::annotation::{Dateline, Sentence, TimeExpression};
use dossier_core::claims::{Attribution, Extraction, Quantity};
use dossier_core::kb::{AliasMatch, KbCategory, KbId};
use dossier_core::place::GeoRef;
use dossier_core::{EntityMention, Span};
use dossier_entities::KnowledgeBase;

/// An actor mention: a linked knowledge-base entity, a new organisation, or a definite
/// description ("the group") resolved to one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    pub span: Span,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<KbId>,
    /// An armed group or other organisation that can act (not a place or a person).
    pub group: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub coreference: bool,
}

/// Everything the extract stage reads.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub language: &'a str,
    /// The document's date: relative dates were anchored on it; undated past events happened
    /// before it.
    pub dct: Option<NaiveDate>,
    pub sentences: &'a [Sentence],
    pub timexes: &'a [TimeExpression],
    /// Named entities from NER (PERSON, ORG, GPE, LOC, NORP …); may be empty.
    pub names: &'a [EntityMention],
    pub actors: &'a [Actor],
    pub places: &'a [GeoRef],
    /// The wire-style dateline the story opens with: its date is when the story was filed and
    /// its outlet is who filed it.
    pub dateline: Option<Dateline>,
}

/// What the rule modules share: the input plus quantities and attributions found first.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub text: &'a str,
    pub language: &'a str,
    pub dct: Option<NaiveDate>,
    pub sentences: &'a [Sentence],
    pub timexes: &'a [TimeExpression],
    pub names: &'a [EntityMention],
    pub actors: &'a [Actor],
    pub places: &'a [GeoRef],
    pub dateline: Option<Dateline>,
    pub quantities: &'a [Quantity],
    pub attributions: &'a [Attribution],
}

/// Run the extract stage on one document.
pub fn extract(input: &Input) -> Extraction {
    let exclude: Vec<Span> = input.timexes.iter().map(|t| t.span).collect();
    let quantities = quantity::quantities(input.text, input.sentences, &exclude);
    // Whatever the NER took them for, a name in the dateline's outlet ("ABUJA, May 6 (Sahel
    // Courier) -") is who filed the story and is dropped, and a name the knowledge base or the
    // report knows as a group ("the Somali Islamist group al-Shabaab") is no person.
    // "Abdul-Malik al-Houthi": a group's name at the end of a person's full name is the
    // person's family name, not the group.
    let in_person_name = |a: &Actor| {
        input.names.iter().any(|n| {
            n.label == "PERSON"
                && n.span.start < a.span.start
                && a.span.end <= n.span.end
                && input
                    .text
                    .get(n.span.start..a.span.start)
                    .is_some_and(|b| b.split([' ', '-']).filter(|w| !w.is_empty()).count() >= 2)
        })
    };
    let own_actors: Vec<Actor> = input
        .actors
        .iter()
        .filter(|a| a.coreference || !in_person_name(a))
        .cloned()
        .collect();
    let actors: &[Actor] = &own_actors;
    let kept: Vec<EntityMention> = input
        .names
        .iter()
        .filter(|n| !input.dateline.is_some_and(|d| d.in_outlet(n.span)))
        .map(|n| {
            let mut n = n.clone();
            if n.label == "PERSON"
                && actors.iter().any(|a| {
                    a.group
                        && !a.coreference
                        && a.span.start < n.span.end
                        && n.span.start < a.span.end
                })
            {
                n.label = "ORG".into();
            }
            // "nationals of Tajikistan, Turkmenistan and Kyrgyzstan": a country the NER took for
            // a person is a place.
            if n.label == "PERSON"
                && input.places.iter().any(|p| {
                    p.span == n.span
                        && matches!(
                            p.place.kind,
                            dossier_core::place::PlaceKind::Country
                                | dossier_core::place::PlaceKind::Admin1
                        )
                })
            {
                n.label = "GPE".into();
            }
            n
        })
        .collect();
    let mut names: Vec<EntityMention> = kept.clone();
    for a in actors.iter().filter(|a| a.group && !a.coreference) {
        // A group the NER called an organisation is a group: "the group" refers to it rather
        // than to a place the NER took for one ("El Adde").
        if let Some(n) = names.iter_mut().find(|n| n.span == a.span) {
            n.label = "GROUP".into();
        } else {
            names.push(EntityMention {
                span: a.span,
                label: "GROUP".into(),
                text: a.text.clone(),
                source: "kb".into(),
            });
        }
    }
    // "the group" as the anaphora resolution read it ([`with_anaphora`]): the name of its
    // antecedent, so that a source "the group" is the group the report tells of, not a group
    // named to describe it ("JNIM, an al Qaeda affiliate, ... the group said").
    for c in actors.iter().filter(|a| a.group && a.coreference) {
        let antecedent = actors.iter().rfind(|a| {
            !a.coreference
                && a.entity.is_some()
                && a.entity == c.entity
                && a.span.end <= c.span.start
        });
        if let Some(a) = antecedent {
            names.push(EntityMention {
                span: c.span,
                label: attribution::GROUP_REFERENCE.into(),
                text: a.text.clone(),
                source: "coreference".into(),
            });
        }
    }
    names.sort_by_key(|n| (n.span.start, n.span.end));
    let attributions =
        attribution::attributions(input.text, input.sentences, input.timexes, &names);
    let cx = Context {
        text: input.text,
        language: input.language,
        dct: input.dct,
        sentences: input.sentences,
        timexes: input.timexes,
        names: &kept,
        actors,
        places: input.places,
        dateline: input.dateline,
        quantities: &quantities,
        attributions: &attributions,
    };
    let came_after = events::came_after_phrases(&cx);
    let mut events = events::merge_in_document(
        input.text,
        events::mentions(&cx),
        &events::phrases_after_attack(&cx),
        &events::counted_after_phrases(&cx),
        &came_after,
    );
    events::plans_of_told_attacks(&cx, &mut events);
    events::document_figures(&cx, &mut events);
    events::dates_from_attack(&cx, &mut events);
    events::counted_back_attacks(&cx, &mut events, &came_after);
    events::suspicion_without_trigger(&cx, &mut events);
    events::named_attacker(&cx, &mut events);
    events::perpetrators_are_no_victims(&mut events);
    events::released_are_no_suspects(&cx, &mut events);
    events::dateline_place(&cx, &mut events);
    let facts = facts::facts(&cx);
    let main = main_group(actors);
    let mut skip: Vec<usize> = facts
        .iter()
        .filter(|f| f.predicate == dossier_core::claims::Predicate::Estimate)
        .map(|f| f.sentence)
        .collect();
    skip.extend(
        events
            .iter()
            .filter(|e| e.certainty != dossier_core::claims::Certainty::Hypothetical)
            .map(|e| e.sentence),
    );
    let assessments = assess::assessments(&cx, main.as_ref(), &skip);
    Extraction {
        quantities,
        attributions,
        events,
        facts,
        assessments,
    }
}

/// The most mentioned group of a document (ties: the first mentioned). A name's own acronym in
/// brackets ("Islamic State West Africa Province (ISWAP)") is the same mention, not a second.
pub fn main_group(actors: &[Actor]) -> Option<KbId> {
    let mut counts: Vec<(KbId, usize, usize)> = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        let Some(id) = a.entity.as_ref().filter(|_| a.group) else {
            continue;
        };
        if i > 0 && parenthesised_after(&actors[i - 1], a) {
            continue;
        }
        match counts.iter_mut().find(|c| &c.0 == id) {
            Some(c) => c.1 += 1,
            None => counts.push((id.clone(), 1, i)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().next().map(|c| c.0)
}

/// Whether `b` is `a`'s own acronym or name in parentheses right after it ("the Pakistani
/// Taliban (TTP)").
fn parenthesised_after(a: &Actor, b: &Actor) -> bool {
    a.entity.is_some()
        && a.entity == b.entity
        && b.span.start >= a.span.end
        && b.span.start - a.span.end <= 2
}

/// Definite descriptions that refer back to a group.
const GROUP_ANAPHORA: &[&str] = &[
    "the group",
    "the organisation",
    "the organization",
    "the militants",
    "the militia",
    "the terrorist group",
    "the terror group",
    "the jihadist group",
    "the terrorist organization",
    "the terrorist organisation",
    "the insurgents",
    "the network",
    "die gruppe",
    "die organisation",
    "die miliz",
];

/// Actors from knowledge-base alias matches, plus "the group" and similar descriptions resolved
/// ([`with_anaphora`]). (The analysis adds the groups the knowledge base does not know before it
/// resolves descriptions; this is the plain path.)
pub fn actors_from_matches(
    text: &str,
    sentences: &[Sentence],
    matches: &[AliasMatch],
    kb: &KnowledgeBase,
) -> Vec<Actor> {
    with_anaphora(text, sentences, kb_actors(matches, kb))
}

/// Every actor of a document, as the analysis finds them: knowledge-base alias matches, the
/// names a report ties to a knowledge-base entity ("Islamic State – Khorasan Province (ISPK)"),
/// groups the knowledge base does not know (English text only: they rest on the NER's names),
/// then "the group" and the like resolved among all of them.
pub fn actors(
    text: &str,
    language: &str,
    sentences: &[Sentence],
    names: &[EntityMention],
    matches: &[AliasMatch],
    discovered: &[dossier_entities::DiscoveredAlias],
    kb: &KnowledgeBase,
) -> Vec<Actor> {
    let mut actors = kb_actors(matches, kb);
    // A local name ("ISIS-Mozambique, known locally as al-Shabaab", "residents call the
    // insurgents al-Shabaab") stands for the group named before it, else for no curated group.
    actors.retain_mut(|a| {
        if !dossier_entities::discover::local_name_at(text, a.span) {
            return true;
        }
        let owner = discovered.iter().find_map(|d| {
            (d.pattern == dossier_entities::discover::LOCAL_NAME
                && d.alias_span.start < a.span.end
                && a.span.start < d.alias_span.end)
                .then(|| kb.resolve_discovered(d))
                .flatten()
        });
        let Some(e) = owner else { return false };
        a.entity = Some(KbId::new(e.id.clone()));
        a.group = e.category == KbCategory::ArmedGroup;
        true
    });
    for d in discovered {
        let Some(e) = kb.resolve_discovered(d) else {
            continue;
        };
        for span in [d.name_span, d.alias_span] {
            if !actors
                .iter()
                .any(|a| a.span.start < span.end && span.start < a.span.end)
            {
                actors.push(Actor {
                    span,
                    text: text.get(span.start..span.end).unwrap_or("").to_string(),
                    entity: Some(KbId::new(e.id.clone())),
                    group: e.category == KbCategory::ArmedGroup,
                    coreference: false,
                });
            }
        }
    }
    if language.starts_with("en") {
        let taken: Vec<Span> = actors.iter().map(|a| a.span).collect();
        let found = dossier_entities::new_groups(text, names, &taken, discovered);
        actors.extend(found.iter().map(new_group_actor));
    }
    with_anaphora(text, sentences, actors)
}

/// One actor per knowledge-base alias match.
pub fn kb_actors(matches: &[AliasMatch], kb: &KnowledgeBase) -> Vec<Actor> {
    matches
        .iter()
        .map(|m| Actor {
            span: m.span,
            text: m.text.clone(),
            entity: Some(m.entity.clone()),
            group: kb
                .get(m.entity.as_str())
                .is_some_and(|e| e.category == KbCategory::ArmedGroup),
            coreference: false,
        })
        .collect()
}

/// The actor of a group the knowledge base does not know: its entity is `new:` and the key a
/// new entity gets ("new:jamaat-ul-ahrar"), the same in every report that names it so.
pub fn new_group_actor(g: &dossier_entities::NewGroup) -> Actor {
    Actor {
        span: g.span,
        text: g.text.clone(),
        entity: Some(KbId::new(format!("new:{}", g.key))),
        group: true,
        coreference: false,
    }
}

/// `actors` (named ones), sorted, plus "the group" and similar descriptions resolved to the
/// document's main group when it is named, not as an object, within the previous three
/// sentences, else the most recent group there not named as an object ([`crate::text::governed`]: "a former commander
/// of the Pakistani Taliban"), else the most recent one, else the group the report is clearly
/// about.
pub fn with_anaphora(text: &str, sentences: &[Sentence], mut out: Vec<Actor>) -> Vec<Actor> {
    out.sort_by_key(|a| (a.span.start, a.span.end));
    let main = main_group(&out);
    let dominant = dominant_group(&out);
    let lower = text.to_lowercase();
    let mut corefs = Vec::new();
    if lower.len() == text.len() {
        for phrase in GROUP_ANAPHORA {
            let mut at = 0;
            while let Some(i) = lower[at..].find(phrase) {
                let s = at + i;
                let e = s + phrase.len();
                at = e;
                let ok_before = lower[..s]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric());
                let ok_after = lower[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’');
                if !ok_before || !ok_after {
                    continue;
                }
                let Some(si) = sentences
                    .iter()
                    .position(|x| x.span.start <= s && s < x.span.end)
                else {
                    continue;
                };
                let lo = sentences[si.saturating_sub(3)].span.start;
                // The document's main group when it is among the candidates (news about a
                // group keeps calling it "the group"), else the most recent one.
                // (Not a group named to describe another: "the Islamic State's branch in
                // Afghanistan, known as ISIS-K. The group ...": ISIS-K. Nor one named only to
                // deny a tie: "they have no ties to the Somali al-Shabaab. The insurgents ...".)
                let window: Vec<&Actor> = out
                    .iter()
                    .filter(|a| {
                        a.group
                            && a.span.end <= s
                            && a.span.start >= lo
                            && !crate::facts::describes_another(text, a.span)
                            && !crate::text::denied_tie(text, a.span)
                    })
                    .collect();
                // Beyond the window, the group the report is clearly about ("A UN report put
                // the group at 1,500 fighters", paragraphs after the last name).
                // Else the most recent group not named as an object ("ISIS-Khorasan is led by
                // Hafiz Saeed Khan, a former commander of the Pakistani Taliban (TTP). The
                // group is active in Nangarhar": ISIS-Khorasan).
                let governed = |k: usize| {
                    crate::text::governed(text, window[k].span)
                        || k > 0
                            && parenthesised_after(window[k - 1], window[k])
                            && crate::text::governed(text, window[k - 1].span)
                };
                let salient: Vec<&Actor> = (0..window.len())
                    .filter(|&k| !governed(k))
                    .map(|k| window[k])
                    .collect();
                let antecedent = salient
                    .iter()
                    .find(|a| a.entity.is_some() && a.entity == main)
                    .or(salient.last())
                    .or(window.last())
                    .copied()
                    .or_else(|| {
                        dominant.as_ref().and_then(|d| {
                            out.iter()
                                .rev()
                                .find(|a| a.span.end <= s && a.entity.as_ref() == Some(d))
                        })
                    });
                if let Some(a) = antecedent {
                    corefs.push(Actor {
                        span: Span::new(s, e),
                        text: text[s..e].to_string(),
                        entity: a.entity.clone(),
                        group: true,
                        coreference: true,
                    });
                }
            }
        }
    }
    // "ISKP is a bitter rival of the Taliban. It killed the Taliban governor of Balkh": a
    // sentence that opens with "It" and an act, after one that opens with a group.
    for w in sentences.windows(2) {
        let (prev, cur) = (&w[0], &w[1]);
        let Some(body) = text.get(cur.span.start..cur.span.end) else {
            continue;
        };
        let Some(rest) = body.strip_prefix("It ") else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let verb = |w: &str| {
            (w.ends_with("ed") || w == "took")
                && !["seemed", "appeared", "remained", "emerged", "used"].contains(&w)
        };
        let acts = match words.next() {
            Some("has" | "had") => words.next().is_some_and(|w| verb(w) || w == "taken"),
            // "It is designated a terrorist organisation by Turkey".
            Some("is" | "was" | "has been") => words.next().is_some_and(|w| {
                ["designated", "listed", "banned", "proscribed", "outlawed"].contains(&w)
            }),
            Some(w) => verb(w),
            None => false,
        };
        if !acts {
            continue;
        }
        // (Not after "The Islamic State group and Iran have clashed before" or "X has struck
        // targets before, and Iran has retaliated": "It" may be either. "X has attacked Shia
        // mosques and schools" joins no other subject.)
        // ("The group emerged around 2000. It is banned in Pakistan": a description resolved
        // above, or an "It" resolved before, opens the sentence too.)
        let Some(entity) = out
            .iter()
            .chain(corefs.iter())
            .find(|a| {
                a.group
                    && a.span.start >= prev.span.start
                    && a.span.start <= prev.span.start + 4
                    && a.span.end <= prev.span.end
                    && text.get(a.span.end..prev.span.end).is_some_and(|rest| {
                        !rest.contains(';')
                            && !rest.match_indices(" and ").any(|(i, w)| {
                                rest[i + w.len()..]
                                    .chars()
                                    .next()
                                    .is_some_and(char::is_uppercase)
                            })
                    })
            })
            .map(|a| a.entity.clone())
        else {
            continue;
        };
        corefs.push(Actor {
            span: Span::new(cur.span.start, cur.span.start + 2),
            text: "It".to_string(),
            entity,
            group: true,
            coreference: true,
        });
    }
    out.extend(corefs);
    out.sort_by_key(|a| (a.span.start, a.span.end));
    out.dedup_by(|b, a| a.span == b.span);
    out
}

/// The group a report is clearly about ([`dossier_entities::link::dominant`] over its group
/// mentions).
pub(crate) fn dominant_group(actors: &[Actor]) -> Option<KbId> {
    dossier_entities::link::dominant(
        actors
            .iter()
            .filter(|a| a.group)
            .filter_map(|a| a.entity.as_ref()),
    )
    .cloned()
}

/// Do two gazetteer places name the same location for event matching: the same entry, a region
/// and a place in it ("Kerman province" and the city of Kerman), a country and a place in it, or
/// within 50 km of each other.
pub fn same_location(a: &dossier_core::place::Place, b: &dossier_core::place::Place) -> bool {
    use dossier_core::place::PlaceKind::{Admin1, Country};
    if a.geonameid == b.geonameid && a.geonameid != 0 && a.name == b.name {
        return true;
    }
    let same_country = a.country_code == b.country_code;
    if (a.kind == Admin1 || b.kind == Admin1)
        && same_country
        && a.admin1_code == b.admin1_code
        && !a.admin1_code.is_empty()
    {
        return true;
    }
    if (a.kind == Country || b.kind == Country) && same_country {
        return true;
    }
    distance_km(a.lat, a.lon, b.lat, b.lon) <= 50.0
}

/// Great-circle distance in km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}
