//! Linking: NER mentions and knowledge-base alias matches of one document resolved to entities,
//! with definite descriptions ("the group", "die Miliz") and short name forms resolved to the
//! most recent compatible entity, and unknown names turned into new entities.
//!
//! Rules, in order:
//! 1. Every alias match (already gated by the [`Matcher`]'s case and context rules) links to its
//!    knowledge-base entity. An NER mention that contains exactly that match lends it its span
//!    ("the Taliban" → basis `ner+alias`); an ambiguous alias that the NER model labels exactly
//!    as a person or a place is not linked (the type disagrees). A local name ("ISIS-Mozambique,
//!    known locally as al-Shabaab") links to the group named before it, and to no curated
//!    group when only a description stands there ("residents call the insurgents al-Shabaab").
//! 2. An NER `ORG`, `PERSON` or `NORP` mention without an alias match is looked up by name (without
//!    "the" and a possessive): one knowledge-base entity, named unambiguously or present in the
//!    document, links; a person's surname after the full name links back to it (coreference);
//!    any other `ORG` or `PERSON` becomes a new entity keyed by its normalised name ([`new_key`]).
//! 3. Descriptions ("the group", "the militants", "the organisation", "the terrorist
//!    organization", "the jihadist group", "die Gruppe", "die Organisation", "die Miliz", …) refer
//!    to the most recent armed group (else organisation) named at most
//!    [`COREF_SENTENCES`] sentences earlier; one followed by "of" or by a capitalised name
//!    ("the group Hamas") is not a reference.
//!
//! Never panics: spans that are out of range or not on character boundaries are skipped.

use crate::discover::discover_aliases;
use crate::kb::{Entity, KnowledgeBase};
use crate::matcher::Matcher;
use crate::normalize::{fold_str, is_word_char, name_key};
use dossier_core::entity::EntityMention;
use dossier_core::kb::{
    AliasEvidence, AliasKind, AliasMatch, EntityRef, KbCategory, KbId, LinkBasis, LinkedMention,
    MatchBasis,
};
use dossier_core::Span;

/// A description refers back at most this many sentences.
pub const COREF_SENTENCES: usize = 3;
/// Without sentence boundaries, a description refers back at most this many bytes.
const COREF_BYTES: usize = 600;

/// The label of linked knowledge-base armed groups.
pub const GROUP: &str = "GROUP";

/// A document's linked mentions and the aliases it states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkedDocument {
    pub mentions: Vec<LinkedMention>,
    pub aliases: Vec<AliasEvidence>,
}

/// The knowledge base and its compiled matcher, built once: [`Linker::link_document`] is the one
/// call an analysis pipeline needs per document.
#[derive(Debug, Clone)]
pub struct Linker {
    pub kb: KnowledgeBase,
    pub matcher: Matcher,
}

impl Linker {
    pub fn new(kb: KnowledgeBase) -> Self {
        let matcher = Matcher::new(&kb);
        Linker { kb, matcher }
    }

    /// The linker over the built-in knowledge base.
    pub fn builtin() -> Result<Self, crate::KbError> {
        Ok(Self::new(KnowledgeBase::builtin()?))
    }

    /// See [`link_document`].
    pub fn link_document(
        &self,
        text: &str,
        sentences: &[Span],
        ner: &[EntityMention],
    ) -> LinkedDocument {
        link_document(text, sentences, ner, &self.kb, &self.matcher)
    }
}

/// Alias matching, linking and alias discovery of one document: everything
/// `SqliteStore::put_linked` stores for one version. `sentences` are sentence spans (from the
/// annotate stage; empty is allowed), `ner` the NER mentions (byte spans).
pub fn link_document(
    text: &str,
    sentences: &[Span],
    ner: &[EntityMention],
    kb: &KnowledgeBase,
    matcher: &Matcher,
) -> LinkedDocument {
    let matches = matcher.find(text);
    link_found(text, sentences, ner, &matches, &discover_aliases(text), kb)
}

/// [`link_document`] for a caller that already has the document's alias matches and discovered
/// aliases (the analysis stage computes both once).
pub fn link_found(
    text: &str,
    sentences: &[Span],
    ner: &[EntityMention],
    matches: &[AliasMatch],
    discovered: &[crate::discover::DiscoveredAlias],
    kb: &KnowledgeBase,
) -> LinkedDocument {
    let matches = local_names(text, matches, discovered, kb);
    let mentions = link(text, sentences, ner, &matches, kb);
    let mut aliases = Vec::new();
    for d in discovered {
        let keys = vec![new_key(&d.name), new_key(&d.alias)];
        let entity = if let Some(e) = kb.resolve_discovered(d) {
            Some(EntityRef::Kb(e.kb_id()))
        } else {
            mentions.iter().find_map(|m| match &m.entity {
                EntityRef::New(k) if keys.contains(k) => Some(m.entity.clone()),
                _ => None,
            })
        };
        let Some(entity) = entity else { continue };
        aliases.push(AliasEvidence {
            entity,
            name: d.name.clone(),
            alias: d.alias.clone(),
            sentence: d.sentence.slice(text).unwrap_or_default().to_string(),
            pattern: d.pattern.clone(),
            keys,
        });
    }
    LinkedDocument { mentions, aliases }
}

/// The alias matches with local names resolved: a name given as what people locally call a
/// group ("ISIS-Mozambique, known locally as al-Shabaab") matches the group named before it,
/// and no curated group when none is named ("residents call the insurgents al-Shabaab").
fn local_names(
    text: &str,
    matches: &[AliasMatch],
    discovered: &[crate::discover::DiscoveredAlias],
    kb: &KnowledgeBase,
) -> Vec<AliasMatch> {
    matches
        .iter()
        .filter_map(|m| {
            if !crate::discover::local_name_at(text, m.span) {
                return Some(m.clone());
            }
            let owner = discovered.iter().find_map(|d| {
                (d.pattern == crate::discover::LOCAL_NAME && overlaps(d.alias_span, m.span))
                    .then(|| kb.resolve_discovered(d))
                    .flatten()
            })?;
            let mut m = m.clone();
            m.entity = owner.kb_id();
            Some(m)
        })
        .collect()
}

/// Named-entity predictions with linking on, for a CoNLL-style evaluation: byte spans with
/// OntoNotes-style labels. Linked names replace the NER mentions they overlap (knowledge-base
/// armed groups and institutions are `ORG`); descriptions ("the group") are not names and are
/// left out, a surname referring back to a person is kept; the other NER mentions stay as they
/// are.
pub fn eval_predictions(
    ner: &[EntityMention],
    linked: &[LinkedMention],
) -> Vec<(usize, usize, String)> {
    let names: Vec<&LinkedMention> = linked
        .iter()
        .filter(|m| !m.coreference || m.label == "PERSON")
        .collect();
    let mut out: Vec<(usize, usize, String)> = ner
        .iter()
        .filter(|n| !names.iter().any(|m| overlaps(m.span, n.span)))
        .map(|n| (n.span.start, n.span.end, n.label.clone()))
        .collect();
    for m in names {
        let label = if m.label == GROUP {
            "ORG"
        } else {
            m.label.as_str()
        };
        out.push((m.span.start, m.span.end, label.to_string()));
    }
    out.sort();
    out
}

/// Whether a name opens with an Arabic, Urdu or Pashto word for a group, front, army, party,
/// companies or battalions ("Jamaat-ul-Ahrar", "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Harakat
/// ...", "Katiba Macina", "Saraya al-Quds", "Kataib Hezbollah").
pub(crate) fn organisation_word(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "jamaat", "jamaah", "jamaa", "tehrik", "tehreek", "lashkar", "jaish", "harakat", "hizb",
        "hezb", "ansar", "ansaru", "katiba", "katibat", "liwa", "jabhat", "hayat", "tanzim",
        "ittihad", "jund", "sipah", "saraya", "kataib",
    ];
    let first: String = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    WORDS.contains(&first.as_str())
}

/// The normalised key of a name the knowledge base does not know: without a leading article
/// and a possessive, folded (case, diacritics, dashes, quotes), words joined by `-`:
/// "the Wagner Group's" → `wagner-group`.
pub fn new_key(name: &str) -> String {
    let clean = clean_name(name);
    let folded = name_key(clean);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// `name` without a leading article and a trailing possessive.
fn clean_name(name: &str) -> &str {
    let quotes: &[char] = &[
        '"', '\'', '\u{201C}', '\u{201D}', '\u{201E}', '\u{00AB}', '\u{00BB}',
    ];
    let mut s = name.trim();
    for art in [
        "the ", "The ", "THE ", "der ", "Der ", "die ", "Die ", "das ", "Das ", "den ", "Den ",
    ] {
        if let Some(r) = s.strip_prefix(art) {
            s = r.trim_start();
            break;
        }
    }
    for pos in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(r) = s.strip_suffix(pos) {
            s = r.trim_end();
            break;
        }
    }
    let s = s.trim_matches(quotes).trim();
    if matches!(s, "Der" | "Die" | "Das" | "The") {
        return "";
    }
    // "Tomasz Reinholt of" (the model's span ran into "of the Institute ..."): the name ends
    // before a trailing preposition.
    let mut s = s;
    for prep in [" of", " from", " at", " for", " in", " von", " vom"] {
        if let Some(r) = s.strip_suffix(prep) {
            s = r.trim_end();
            break;
        }
    }
    s
}

/// Whether the words of `t` outside `[s, e)` are only an article, a possessive or a generic head
/// noun ("the Taliban", "the Islamic State group", "Hamas'"): then the NER span names the same.
fn extras_are_generic(t: &str, s: usize, e: usize) -> bool {
    let (Some(before), Some(after)) = (t.get(..s), t.get(e..)) else {
        return false;
    };
    let before_ok = matches!(
        before.trim(),
        "" | "the" | "The" | "der" | "Der" | "die" | "Die" | "das" | "Das"
    );
    let after = after
        .trim_start_matches(['\'', '\u{2019}'])
        .trim_start_matches('s')
        .trim();
    let after_ok = matches!(
        after,
        "" | "group"
            | "militants"
            | "militia"
            | "network"
            | "movement"
            | "fighters"
            | "organisation"
            | "organization"
    );
    before_ok && after_ok
}

/// The entity a report is clearly about, among the group mentions given (one item per
/// mention): named at least three times, and at least twice as often as any other.
pub fn dominant<'a, T: PartialEq>(mentions: impl IntoIterator<Item = &'a T>) -> Option<&'a T> {
    let mut counts: Vec<(&T, usize)> = Vec::new();
    for id in mentions {
        match counts.iter_mut().find(|c| c.0 == id) {
            Some(c) => c.1 += 1,
            None => counts.push((id, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let (top, n) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.1);
    (n >= 3 && n >= 2 * second).then_some(top)
}

fn kb_label(e: &Entity) -> &'static str {
    match e.category {
        KbCategory::ArmedGroup => GROUP,
        KbCategory::Institution => "ORG",
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Sentence index of byte `pos`, or `None` without sentence spans.
fn sentence_of(sentences: &[Span], pos: usize) -> Option<usize> {
    if sentences.is_empty() {
        return None;
    }
    Some(
        sentences
            .partition_point(|s| s.start <= pos)
            .saturating_sub(1),
    )
}

/// Link one document: alias matches, NER mentions and descriptions to entities, in text order,
/// non-overlapping. See the module documentation for the rules.
pub fn link(
    text: &str,
    sentences: &[Span],
    ner: &[EntityMention],
    kb_matches: &[AliasMatch],
    kb: &KnowledgeBase,
) -> Vec<LinkedMention> {
    let valid = |s: Span| s.start < s.end && text.get(s.start..s.end).is_some();
    let ner: Vec<&EntityMention> = ner.iter().filter(|n| valid(n.span)).collect();
    let mut out: Vec<LinkedMention> = Vec::new();
    let mut used_ner = vec![false; ner.len()];

    // 1. Alias matches.
    for m in kb_matches.iter().filter(|m| valid(m.span)) {
        let Some(e) = kb.get(m.entity.as_str()) else {
            continue;
        };
        let overlapping: Vec<usize> = (0..ner.len())
            .filter(|&i| overlaps(ner[i].span, m.span))
            .collect();
        if m.ambiguous
            && overlapping.iter().any(|&i| {
                ner[i].span == m.span
                    && matches!(ner[i].label.as_str(), "PERSON" | "GPE" | "LOC" | "FAC")
            })
        {
            continue;
        }
        // An NER mention containing this match and no other lends its span.
        let host = overlapping.iter().copied().find(|&i| {
            let n = ner[i];
            contains(n.span, m.span)
                && text.get(n.span.start..n.span.end).is_some_and(|t| {
                    extras_are_generic(t, m.span.start - n.span.start, m.span.end - n.span.start)
                })
                && matches!(n.label.as_str(), "ORG" | "NORP" | "GPE" | "PERSON" | "FAC")
                && kb_matches
                    .iter()
                    .filter(|o| overlaps(o.span, n.span))
                    .count()
                    == 1
        });
        for &i in &overlapping {
            used_ner[i] = true;
        }
        let (span, basis, evidence) = match (&m.basis, host) {
            (MatchBasis::Context(ev), h) => (
                h.map_or(m.span, |i| ner[i].span),
                LinkBasis::Context,
                Some(ev.clone()),
            ),
            (MatchBasis::Unambiguous, Some(i)) => (ner[i].span, LinkBasis::NerAlias, None),
            (MatchBasis::Unambiguous, None) => (m.span, LinkBasis::Alias, None),
        };
        out.push(LinkedMention {
            span,
            text: text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_string(),
            label: kb_label(e).to_string(),
            entity: EntityRef::Kb(m.entity.clone()),
            name: e.name.clone(),
            basis,
            evidence,
            coreference: m.kind == AliasKind::Description,
        });
    }
    let present: Vec<KbId> = out
        .iter()
        .filter_map(|m| match &m.entity {
            EntityRef::Kb(id) => Some(id.clone()),
            EntityRef::New(_) => None,
        })
        .collect();

    // 2. NER names without an alias match (a description the model took for a name, "Die
    // Gruppe", is left to step 3).
    let descriptions = find_descriptions(text);
    let discovered = std::cell::OnceCell::new();
    for (i, n) in ner.iter().enumerate() {
        if descriptions
            .iter()
            .any(|(d, _)| contains(*d, n.span) || contains(n.span, *d))
        {
            continue;
        }
        if used_ner[i] || !matches!(n.label.as_str(), "ORG" | "PERSON" | "NORP") {
            continue;
        }
        // (A local name of a group not named, "residents call the insurgents al-Shabaab", is
        // no name of the curated group nor a new one.)
        if out.iter().any(|m| overlaps(m.span, n.span))
            || crate::discover::local_name_at(text, n.span)
        {
            continue;
        }
        let Some(raw) = text.get(n.span.start..n.span.end) else {
            continue;
        };
        let name = clean_name(raw);
        if !name.chars().any(char::is_alphabetic) {
            continue;
        }
        if name.len() >= 2
            && name.chars().all(|c| !c.is_lowercase())
            && shouting_around(text, n.span)
        {
            continue;
        }
        let stated = || {
            let key = name_key(name);
            discovered
                .get_or_init(|| discover_aliases(text))
                .iter()
                .find_map(|d| {
                    let hit = name_key(&d.name) == key || name_key(&d.alias) == key;
                    hit.then(|| kb.resolve_discovered(d))
                        .flatten()
                        .map(|e| (e, d))
                })
        };
        if let Some((e, d)) = (n.label != "PERSON" || name.contains(' '))
            .then(stated)
            .flatten()
        {
            out.push(LinkedMention {
                span: n.span,
                text: raw.to_string(),
                label: kb_label(e).to_string(),
                entity: EntityRef::Kb(e.kb_id()),
                name: e.name.clone(),
                basis: LinkBasis::Context,
                evidence: Some(format!("{} = {}", d.alias, d.name)),
                coreference: false,
            });
            continue;
        }
        if let Some(l) = kb_by_name(kb, name, &n.label, &present) {
            out.push(LinkedMention {
                span: n.span,
                text: raw.to_string(),
                label: kb_label(l.0).to_string(),
                entity: EntityRef::Kb(l.0.kb_id()),
                name: l.0.name.clone(),
                basis: l.1,
                evidence: (l.1 == LinkBasis::Context).then(|| format!("{} {}", n.label, raw)),
                coreference: false,
            });
            continue;
        }
        if n.label == "NORP" {
            continue;
        }
        if n.label == "PERSON" {
            if let Some(ante) = surname_antecedent(&out, name) {
                out.push(LinkedMention {
                    span: n.span,
                    text: raw.to_string(),
                    label: ante.label.clone(),
                    entity: ante.entity.clone(),
                    name: ante.name.clone(),
                    basis: LinkBasis::Coreference,
                    evidence: Some(ante.text.clone()),
                    coreference: true,
                });
                continue;
            }
        }
        let key = new_key(name);
        if key.is_empty() {
            continue;
        }
        // The display name: as first written in this document.
        let display = out
            .iter()
            .find(|m| m.entity == EntityRef::New(key.clone()))
            .map_or_else(|| name.to_string(), |m| m.name.clone());
        // "Jamaat-ul-Ahrar", "Lashkar-e-Taiba" tagged PERSON: a name opening with a word for
        // a group, front or army is an organisation.
        let label = if n.label == "PERSON" && organisation_word(name) {
            "ORG".to_string()
        } else {
            n.label.clone()
        };
        out.push(LinkedMention {
            span: n.span,
            text: raw.to_string(),
            label,
            entity: EntityRef::New(key),
            name: display,
            basis: LinkBasis::Ner,
            evidence: None,
            coreference: false,
        });
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    // A person's surname after the full name, where the model missed it.
    let surnames = surname_mentions(text, &out);
    out.extend(surnames);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));

    // 3. Descriptions.
    let groupish = grouplike(text, &out);
    let mut corefs = Vec::new();
    for (span, groups_only) in descriptions {
        if out.iter().any(|m| overlaps(m.span, span)) {
            continue;
        }
        if let Some(ante) = antecedent(&out, &groupish, sentences, span, groups_only) {
            corefs.push(LinkedMention {
                span,
                text: text
                    .get(span.start..span.end)
                    .unwrap_or_default()
                    .to_string(),
                label: ante.label.clone(),
                entity: ante.entity.clone(),
                name: ante.name.clone(),
                basis: LinkBasis::Coreference,
                evidence: Some(ante.text.clone()),
                coreference: true,
            });
        }
    }
    out.extend(corefs);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut last_end = 0;
    out.retain(|m| {
        let keep = m.span.start >= last_end;
        if keep {
            last_end = m.span.end;
        }
        keep
    });
    out
}

/// The knowledge-base entity an NER name denotes, with the basis: exactly one entity has the
/// name; an ambiguous name needs the entity in the document, and a person label needs an
/// unambiguous name.
fn kb_by_name<'a>(
    kb: &'a KnowledgeBase,
    name: &str,
    label: &str,
    present: &[KbId],
) -> Option<(&'a Entity, LinkBasis)> {
    let hits = kb.lookup(name);
    let [e] = hits.as_slice() else {
        return None;
    };
    let key = name_key(name);
    let folded = fold_str(name);
    let named = e.names().into_iter().find(|n| name_key(n.name) == key)?;
    // Acronyms compare case-sensitively ("Isis" the goddess is not "ISIS").
    if crate::normalize::is_acronym(named.name) && fold_str(named.name) != folded {
        return None;
    }
    if !named.ambiguous {
        return Some((e, LinkBasis::NerAlias));
    }
    let in_doc = present.iter().any(|p| p.as_str() == e.id);
    (in_doc && label != "PERSON").then_some((e, LinkBasis::Context))
}

/// Whether `span` stands among words written in capitals ("THIS IS NOT A DRILL"): two or more
/// other all-capital words within 30 bytes.
fn shouting_around(text: &str, span: Span) -> bool {
    let mut a = span.start.saturating_sub(30);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end + 30).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let (Some(before), Some(after)) = (text.get(a..span.start), text.get(span.end..b)) else {
        return false;
    };
    let caps = |w: &&str| {
        w.chars().count() >= 2
            && w.chars().all(|c| !c.is_lowercase())
            && w.chars().any(char::is_uppercase)
    };
    let words = |t: &str| t.split(|c: char| !is_word_char(c)).filter(caps).count();
    words(before) + words(after) >= 2
}

/// Entities the knowledge base does not know that the document calls a group ("the Lakurawa
/// group", "Lakurawa militants").
fn grouplike(text: &str, out: &[LinkedMention]) -> Vec<EntityRef> {
    const HEADS: &[&str] = &[
        "group",
        "militants",
        "militia",
        "fighters",
        "insurgents",
        "jihadists",
        "Gruppe",
        "Miliz",
        "Kämpfer",
    ];
    let mut v: Vec<EntityRef> = Vec::new();
    for m in out
        .iter()
        .filter(|m| m.label == "ORG" && matches!(m.entity, EntityRef::New(_)))
    {
        let next = text
            .get(m.span.end..)
            .and_then(|a| a.trim_start().split(|c: char| !is_word_char(c)).next())
            .unwrap_or_default();
        let inner = m.text.split_whitespace().next_back().unwrap_or_default();
        if (HEADS.contains(&next) || HEADS.contains(&inner)) && !v.contains(&m.entity) {
            v.push(m.entity.clone());
        }
    }
    v
}

/// An earlier person mention whose last word is `name` ("Kurbanov" after "Rustam Kurbanov").
fn surname_antecedent<'a>(out: &'a [LinkedMention], name: &str) -> Option<&'a LinkedMention> {
    if name.contains(char::is_whitespace) || name.chars().count() < 2 {
        return None;
    }
    out.iter().rev().find(|m| {
        m.label == "PERSON"
            && !m.coreference
            && m.name.split_whitespace().count() >= 2
            && m.name.split_whitespace().next_back() == Some(name)
    })
}

/// Whether an organisation's name says it is a state body, police, a court or a research
/// institution: never "the militants".
fn is_state_body(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "army",
        "police",
        "ministry",
        "government",
        "military",
        "forces",
        "council",
        "court",
        "agency",
        "office",
        "department",
        "service",
        "services",
        "university",
        "institute",
        "parliament",
        "senate",
        "commission",
        "command",
        "polizei",
        "regierung",
        "ministerium",
        "gericht",
        "armee",
        "bundeswehr",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// Occurrences of the surname of a person named in full earlier ("Lindqvist" after "Mara
/// Lindqvist") that no mention covers.
fn surname_mentions(text: &str, out: &[LinkedMention]) -> Vec<LinkedMention> {
    let mut found: Vec<LinkedMention> = Vec::new();
    for (i, p) in out.iter().enumerate() {
        if p.label != "PERSON" || p.coreference || p.text.split_whitespace().count() < 2 {
            continue;
        }
        let Some(surname) = p.text.split_whitespace().next_back() else {
            continue;
        };
        let surname = clean_name(surname);
        if surname.chars().count() < 3 || !surname.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // The first full mention of this entity introduces it.
        if out[..i].iter().any(|o| o.entity == p.entity) {
            continue;
        }
        let Some(after) = text.get(p.span.end..) else {
            continue;
        };
        for (off, _) in after.match_indices(surname) {
            let s = p.span.end + off;
            let e = s + surname.len();
            let (Some(b), Some(a)) = (text.get(..s), text.get(e..)) else {
                continue;
            };
            if b.chars().next_back().is_some_and(is_word_char)
                || a.chars().next().is_some_and(is_word_char)
            {
                continue;
            }
            let span = Span::new(s, e);
            if out
                .iter()
                .chain(found.iter())
                .any(|m| overlaps(m.span, span))
            {
                continue;
            }
            found.push(LinkedMention {
                span,
                text: surname.to_string(),
                label: p.label.clone(),
                entity: p.entity.clone(),
                name: p.name.clone(),
                basis: LinkBasis::Coreference,
                evidence: Some(p.text.clone()),
                coreference: true,
            });
        }
    }
    found
}

/// Description phrases, lower-case ASCII, and whether they refer to armed groups only.
const DESCRIPTIONS: &[(&str, bool)] = &[
    ("the group", false),
    ("the organisation", false),
    ("the organization", false),
    ("the movement", true),
    ("the militants", true),
    ("the militant group", true),
    ("the militia", true),
    ("the insurgents", true),
    ("the insurgent group", true),
    ("the terrorist organisation", true),
    ("the terrorist organization", true),
    ("the terror organisation", true),
    ("the terror organization", true),
    ("the terrorist group", true),
    ("the terror group", true),
    ("the jihadist group", true),
    ("the jihadist organisation", true),
    ("the jihadist organization", true),
    ("the extremist group", true),
    ("the islamist group", true),
    ("die gruppe", false),
    ("der gruppe", false),
    ("die organisation", false),
    ("der organisation", false),
    ("die gruppierung", false),
    ("der gruppierung", false),
    ("die miliz", true),
    ("der miliz", true),
    ("die terrormiliz", true),
    ("der terrormiliz", true),
    ("die terrorgruppe", true),
    ("der terrorgruppe", true),
    ("die terrororganisation", true),
    ("der terrororganisation", true),
    ("die dschihadistengruppe", true),
    ("der dschihadistengruppe", true),
    ("die islamistengruppe", true),
    ("der islamistengruppe", true),
];

/// Description spans in `text` with their groups-only flag, in text order.
fn find_descriptions(text: &str) -> Vec<(Span, bool)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for &(phrase, groups_only) in DESCRIPTIONS {
        for (s, _) in lower.match_indices(phrase) {
            let e = s + phrase.len();
            let (Some(before), Some(after)) = (text.get(..s), text.get(e..)) else {
                continue;
            };
            if before.chars().next_back().is_some_and(is_word_char)
                || after.chars().next().is_some_and(is_word_char)
            {
                continue;
            }
            // "the group of seven", "the group Hamas", "die Gruppe Wagner": not a reference.
            let rest = after
                .strip_prefix(['\'', '\u{2019}'])
                .map_or(after, |r| r.strip_prefix('s').unwrap_or(r));
            let next_word = rest
                .trim_start_matches([' ', '\u{a0}'])
                .split(|c: char| !is_word_char(c))
                .next()
                .unwrap_or_default();
            let spaced = rest.starts_with([' ', '\u{a0}']);
            if spaced
                && (next_word == "of"
                    || next_word == "von"
                    || (next_word.chars().next().is_some_and(char::is_uppercase)
                        && !phrase.starts_with("d")))
            {
                continue;
            }
            if spaced && phrase.starts_with('d') && next_word.chars().all(|c| c.is_uppercase()) {
                // "die Miliz IS" names the group.
                if !next_word.is_empty() {
                    continue;
                }
            }
            out.push((Span::new(s, e), groups_only));
        }
    }
    out.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut last_end = 0;
    out.retain(|(s, _)| {
        let keep = s.start >= last_end;
        if keep {
            last_end = s.end;
        }
        keep
    });
    out
}

/// The most recent named armed group (else organisation, unless `groups_only`) before `span`,
/// within [`COREF_SENTENCES`] sentences; then one the document calls a group; an organisation the knowledge base does not know counts
/// as an armed group only when no known armed group is in reach and its name is not a state
/// body's ("the Nigerian army").
fn antecedent<'a>(
    out: &'a [LinkedMention],
    groupish: &[EntityRef],
    sentences: &[Span],
    span: Span,
    groups_only: bool,
) -> Option<&'a LinkedMention> {
    let here = sentence_of(sentences, span.start);
    let near = |m: &LinkedMention| match (here, sentence_of(sentences, m.span.start)) {
        (Some(h), Some(a)) => h.saturating_sub(a) <= COREF_SENTENCES,
        _ => span.start.saturating_sub(m.span.end) <= COREF_BYTES,
    };
    let before = || {
        out.iter()
            .rev()
            .filter(|m| m.span.end <= span.start && !m.coreference && near(m))
    };
    let group = before().find(|m| {
        m.label == GROUP
            || (m.label == "ORG"
                && matches!(m.entity, EntityRef::New(_))
                && !is_state_body(&m.name))
    });
    let kb_group = before().find(|m| m.label == GROUP);
    let called_group = before().find(|m| groupish.contains(&m.entity));
    // Beyond the window, the group the document is about: in an explainer on one group, "the
    // group" many paragraphs on is still that group ("A UN report put the group at between 1,500
    // and 2,200 fighters"). Only a clearly dominant one: named at least three times before, and
    // at least twice as often as any other group.
    let dominant_before = || {
        let named = |m: &&LinkedMention| m.span.end <= span.start && !m.coreference;
        let top = dominant(
            out.iter()
                .filter(named)
                .filter(|m| m.label == GROUP)
                .map(|m| &m.entity),
        )?;
        out.iter().rev().filter(named).find(|m| &m.entity == top)
    };
    if groups_only {
        return kb_group.or(called_group).or(group).or_else(dominant_before);
    }
    // The dominant armed group before any other organisation: "A UN Monitoring Team report put
    // the group at 1,500 fighters" is not the team.
    kb_group
        .or(called_group)
        .or(group)
        .or_else(dominant_before)
        .or_else(|| before().find(|m| m.label == "ORG"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(new_key("the Wagner Group's"), "wagner-group");
        assert_eq!(new_key("Jamaat Nusrat al-Islam"), "jamaat-nusrat-al-islam");
        assert_eq!(new_key("Ḥurrās al-Dīn"), "hurras-al-din");
        assert_eq!(new_key("  "), "");
    }

    #[test]
    fn names_end_before_a_trailing_preposition() {
        assert_eq!(clean_name("Tomasz Reinholt of"), "Tomasz Reinholt");
        assert_eq!(clean_name("the Institute for"), "Institute");
        assert_eq!(clean_name("Bank of America"), "Bank of America");
    }

    #[test]
    fn descriptions_skip_names_and_of() {
        let t =
            "The group said. The group of seven met. The group Hamas said. Die Gruppe reagierte.";
        let d = find_descriptions(t);
        let words: Vec<&str> = d.iter().map(|(s, _)| &t[s.start..s.end]).collect();
        assert_eq!(words, vec!["The group", "Die Gruppe"]);
    }
}
