//! One-pass alias matching: every name of every knowledge-base entity in one Aho-Corasick
//! automaton over folded text, word boundaries, case rules, and context gating for ambiguous
//! aliases and descriptors.
//!
//! Rules:
//! - acronyms (`ISPK`, `JeM`, `IS`) match case-sensitively; names match case-insensitively and
//!   insensitively to diacritics, dashes, whitespace and quote style;
//! - a match must start and end at word boundaries, and name a whole name: not the tail of a
//!   longer one that opens with a word for a group ("Saraya Ansar al-Sunna" is no match of
//!   "Ansar al-Sunna");
//! - overlapping matches resolve leftmost-longest;
//! - an ambiguous alias (`IS`, `ETA`) or a descriptor is kept only when the document also names the
//!   entity (or a related one, e.g. a province of the Islamic State) unambiguously, or contains
//!   one of the entity's context words ("jihadist", "caliphate").

use crate::kb::KnowledgeBase;
use crate::link::organisation_word;
use crate::normalize::{fold, fold_str, is_acronym, is_word_char};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dossier_core::kb::{AliasKind, AliasMatch, KbId, MatchBasis};
use dossier_core::Span;
use std::collections::HashMap;

#[derive(Debug, Clone)]
enum Target {
    Alias {
        entity: usize,
        alias: String,
        /// Folded alias, compared exactly for acronyms.
        folded: String,
        kind: AliasKind,
        ambiguous: bool,
    },
    Context {
        entity: usize,
    },
}

/// The compiled matcher. Build once per knowledge base; [`Matcher::find`] takes `&self`.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    targets: Vec<Vec<Target>>,
    ids: Vec<KbId>,
    related: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    pattern: usize,
    target: usize,
}

impl Matcher {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let entities = kb.entities();
        let index: HashMap<&str, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut add = |folded: String, t: Target| {
            if folded.is_empty() {
                return;
            }
            let key = folded.to_ascii_lowercase();
            let pid = *by_key.entry(key).or_insert_with(|| {
                patterns.push(folded.clone());
                targets.push(Vec::new());
                patterns.len() - 1
            });
            if let Some(v) = targets.get_mut(pid) {
                v.push(t);
            }
        };
        for (i, e) in entities.iter().enumerate() {
            for n in e.names() {
                let folded = fold_str(n.name);
                let kind = if is_acronym(n.name) {
                    AliasKind::Acronym
                } else {
                    AliasKind::Name
                };
                add(
                    folded.clone(),
                    Target::Alias {
                        entity: i,
                        alias: n.name.to_string(),
                        folded,
                        kind,
                        ambiguous: n.ambiguous,
                    },
                );
            }
            for d in &e.descriptions {
                let folded = fold_str(d);
                add(
                    folded.clone(),
                    Target::Alias {
                        entity: i,
                        alias: d.clone(),
                        folded,
                        kind: AliasKind::Description,
                        ambiguous: true,
                    },
                );
            }
            for c in &e.context {
                add(fold_str(c), Target::Context { entity: i });
            }
        }
        let related = entities
            .iter()
            .map(|e| {
                kb.related(&e.id)
                    .into_iter()
                    .filter_map(|id| index.get(id).copied())
                    .collect()
            })
            .collect();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Matcher {
            ac,
            targets,
            ids: entities.iter().map(|e| e.kb_id()).collect(),
            related,
        }
    }

    /// Number of distinct folded patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.targets.len()
    }

    /// All alias matches in `text`, in text order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<AliasMatch> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let f = fold(text);
        let hay = f.text.as_str();
        let n = self.ids.len();
        let mut cands: Vec<Cand> = Vec::new();
        let mut context_hit: Vec<Option<(usize, usize)>> = vec![None; n];
        for m in ac.find_overlapping_iter(hay) {
            let (s, e) = (m.start(), m.end());
            if !boundary(hay, s, e) {
                continue;
            }
            let Some(found) = hay.get(s..e) else { continue };
            let pid = m.pattern().as_usize();
            let Some(ts) = self.targets.get(pid) else {
                continue;
            };
            for (ti, t) in ts.iter().enumerate() {
                match t {
                    Target::Alias { folded, kind, .. } => {
                        if *kind == AliasKind::Acronym && found != folded {
                            continue;
                        }
                        if *kind == AliasKind::Name && inside_longer_name(hay, s) {
                            continue;
                        }
                        cands.push(Cand {
                            start: s,
                            end: e,
                            pattern: pid,
                            target: ti,
                        });
                    }
                    Target::Context { entity } => {
                        if let Some(slot) = context_hit.get_mut(*entity) {
                            slot.get_or_insert((s, e));
                        }
                    }
                }
            }
        }
        // Entities named unambiguously (leftmost-longest among unambiguous aliases only, so that
        // "Islamic State" inside "Islamic State – Khorasan Province" does not count).
        let unamb: Vec<&Cand> = cands
            .iter()
            .filter(|c| {
                matches!(
                    self.target(c),
                    Some(Target::Alias {
                        ambiguous: false,
                        ..
                    })
                )
            })
            .collect();
        let mut present: Vec<Option<(usize, usize)>> = vec![None; n];
        for c in select(&unamb) {
            if let Some(Target::Alias { entity, .. }) = self.target(c) {
                if let Some(slot) = present.get_mut(*entity) {
                    slot.get_or_insert((c.start, c.end));
                }
            }
        }
        // Accept candidates, with their basis and a rank (lower is stronger).
        let mut accepted: Vec<(&Cand, MatchBasis, u8)> = Vec::new();
        for c in &cands {
            let Some(Target::Alias {
                entity, ambiguous, ..
            }) = self.target(c)
            else {
                continue;
            };
            if !ambiguous {
                accepted.push((c, MatchBasis::Unambiguous, 0));
                continue;
            }
            if matches!(
                self.target(c),
                Some(Target::Alias {
                    kind: AliasKind::Acronym,
                    ..
                })
            ) && shouting(hay, c.start, c.end)
            {
                continue;
            }
            let ev = |r: (usize, usize)| hay.get(r.0..r.1).unwrap_or_default().to_string();
            if let Some(r) = present.get(*entity).copied().flatten() {
                accepted.push((c, MatchBasis::Context(ev(r)), 1));
            } else if let Some(r) = self
                .related
                .get(*entity)
                .and_then(|rel| rel.iter().find_map(|&o| present.get(o).copied().flatten()))
            {
                accepted.push((c, MatchBasis::Context(ev(r)), 2));
            } else if let Some(r) = context_hit.get(*entity).copied().flatten() {
                accepted.push((c, MatchBasis::Context(ev(r)), 3));
            }
        }
        // Leftmost-longest over accepted spans; per span the strongest target.
        accepted.sort_by(|a, b| {
            (a.0.start, std::cmp::Reverse(a.0.end), a.2).cmp(&(
                b.0.start,
                std::cmp::Reverse(b.0.end),
                b.2,
            ))
        });
        let mut out = Vec::new();
        let mut last_end = 0usize;
        for (c, basis, _) in accepted {
            if c.start < last_end {
                continue;
            }
            let Some(Target::Alias {
                entity,
                alias,
                kind,
                ambiguous,
                ..
            }) = self.target(c)
            else {
                continue;
            };
            let Some((os, oe)) = f.original_range(text, c.start, c.end) else {
                continue;
            };
            let Some(id) = self.ids.get(*entity) else {
                continue;
            };
            last_end = c.end;
            out.push(AliasMatch {
                span: Span::new(os, oe),
                entity: id.clone(),
                alias: alias.clone(),
                text: text.get(os..oe).unwrap_or_default().to_string(),
                kind: *kind,
                ambiguous: *ambiguous,
                basis,
            });
        }
        out
    }

    fn target(&self, c: &Cand) -> Option<&Target> {
        self.targets.get(c.pattern)?.get(c.target)
    }
}

/// Leftmost-longest non-overlapping selection.
fn select<'a>(cands: &[&'a Cand]) -> Vec<&'a Cand> {
    let mut v: Vec<&Cand> = cands.to_vec();
    v.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut out = Vec::new();
    let mut last_end = 0;
    for c in v {
        if c.start >= last_end {
            last_end = c.end;
            out.push(c);
        }
    }
    out
}

/// Whether the name starting at `s` is the tail of a longer proper name: the word right before
/// it is a capitalised Arabic, Urdu or Pashto word that opens group names ("Saraya Ansar
/// al-Sunna", "Jaish Ansar al-Sunna"), so a curated alias ("Ansar al-Sunna") names only part of
/// it.
fn inside_longer_name(hay: &str, s: usize) -> bool {
    let Some(before) = hay.get(..s) else {
        return false;
    };
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| !is_word_char(c))
        .next()
        .unwrap_or_default();
    word.chars().next().is_some_and(char::is_uppercase) && organisation_word(word)
}

/// Whether `[s, e)` starts and ends at word boundaries of `hay`.
fn boundary(hay: &str, s: usize, e: usize) -> bool {
    let (Some(before), Some(after), Some(inner)) = (hay.get(..s), hay.get(e..), hay.get(s..e))
    else {
        return false;
    };
    let first_word = inner.chars().next().is_some_and(is_word_char);
    let last_word = inner.chars().next_back().is_some_and(is_word_char);
    let prev_ok = !first_word || !before.chars().next_back().is_some_and(is_word_char);
    let next_ok = !last_word || !after.chars().next().is_some_and(is_word_char);
    prev_ok && next_ok
}

/// Whether the word before or after `[s, e)` is written in capitals ("THIS IS IT"): an ambiguous
/// acronym there is more likely an upper-cased word than a name.
fn shouting(hay: &str, s: usize, e: usize) -> bool {
    let caps = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase());
    let prev = hay
        .get(..s)
        .and_then(|b| b.trim_end().rsplit(|c: char| !is_word_char(c)).next())
        .unwrap_or_default();
    let next = hay
        .get(e..)
        .and_then(|a| a.trim_start().split(|c: char| !is_word_char(c)).next())
        .unwrap_or_default();
    caps(prev) || caps(next)
}
