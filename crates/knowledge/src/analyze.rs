//! Stages 2–3 for one document: annotate (sentences, time expressions), named entities, alias
//! matching and actors, geocoding, then extraction — returned as one serialisable [`Analysis`].

use chrono::NaiveDate;
use dossier_claims::Actor;
use dossier_core::annotation::{Sentence, TimeExpression};
use dossier_core::claims::Extraction;
use dossier_core::kb::KbId;
use dossier_core::place::GeoRef;
use dossier_core::{Diagnostic, EntityMention, Span, Timestamp};
use dossier_entities::{KnowledgeBase, Matcher};
use serde::{Deserialize, Serialize};

/// Bump when any stage's output changes: stored analyses by an older analyzer are redone.
pub const ANALYZER: &str = "dossier-analysis/9";

/// What analysis needs loaded once: the knowledge base, its matcher and (optionally) the NER model.
pub struct Resources {
    pub kb: KnowledgeBase,
    pub matcher: Matcher,
    pub ner: Option<dossier_ner::Model>,
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resources")
            .field("ner", &self.ner.is_some())
            .finish()
    }
}

impl Resources {
    pub fn new(kb: KnowledgeBase, ner: Option<dossier_ner::Model>) -> Self {
        let matcher = Matcher::new(&kb);
        Resources { kb, matcher, ner }
    }
}

/// A discovered alias ("Long Name (ACRONYM)") with the entity it was tied to, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasEvidence {
    pub name: String,
    pub alias: String,
    pub sentence: Span,
    pub pattern: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<KbId>,
}

/// Everything stages 2 and 3 found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub analyzer: String,
    /// The anchor date used for relative time expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dct: Option<NaiveDate>,
    pub language: String,
    /// The outlet a wire-style dateline names ("MOSCOW (Reuters) -"): the document's publisher
    /// when its metadata gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    pub sentences: Vec<Sentence>,
    pub time_expressions: Vec<TimeExpression>,
    pub names: Vec<EntityMention>,
    pub actors: Vec<Actor>,
    pub places: Vec<GeoRef>,
    pub aliases: Vec<AliasEvidence>,
    #[serde(flatten)]
    pub extraction: Extraction,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Entity ids this analysis mentions (for the store's index), sorted, unique.
    pub fn entity_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .actors
            .iter()
            .filter_map(|a| a.entity.as_ref().map(|e| e.0.clone()))
            .collect();
        ids.extend(self.persons().map(|(_, id)| id));
        for e in &self.extraction.events {
            ids.extend(
                e.participants
                    .iter()
                    .filter_map(|p| p.entity.as_ref().map(|x| x.0.clone())),
            );
        }
        for f in &self.extraction.facts {
            ids.push(f.subject.0.clone());
            if let Some(e) = f.object.as_ref().and_then(|o| o.entity.as_ref()) {
                ids.push(e.0.clone());
            }
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// (normalised name, entity id) for each name this analysis gives a group the knowledge base
    /// does not know ("tjp" → `new:tehreek-e-jihad-pakistan`) or a person, sorted, unique.
    pub fn entity_names(&self) -> Vec<(String, String)> {
        let mut names: Vec<(String, String)> = self
            .actors
            .iter()
            .filter(|a| !a.coreference)
            .filter_map(|a| {
                let id = a.entity.as_ref()?.as_str();
                id.starts_with("new:").then(|| {
                    (
                        dossier_entities::normalize::name_key(&a.text),
                        id.to_string(),
                    )
                })
            })
            .collect();
        names.extend(
            self.persons()
                .map(|(n, id)| (dossier_entities::normalize::name_key(n), id)),
        );
        names.sort();
        names.dedup();
        names
    }

    /// The people an English analysis names in full, with their entity ids (the NER is English:
    /// on other text its persons are not to be trusted).
    pub fn persons(&self) -> impl Iterator<Item = (&str, String)> + '_ {
        let english = self.language.starts_with("en");
        self.names
            .iter()
            .filter(move |n| english && n.label == "PERSON")
            .filter_map(|n| person_id(&n.text).map(|id| (n.text.as_str(), id)))
    }

    /// The text of sentence `i`, trimmed.
    pub fn sentence_text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.sentences
            .get(i)
            .and_then(|s| s.span.slice(text))
            .unwrap_or("")
            .trim()
    }
}

/// The entity id of a person the knowledge base does not know: `new:` and the key a new entity
/// gets ("new:salman-abedi"). Only full names (two words or more): a lone surname refers back
/// to one of them.
pub fn person_id(name: &str) -> Option<String> {
    // "Manchester Arena", "Al Noor Mosque": places the NER took for people.
    const PLACE_WORDS: &[&str] = &[
        "arena",
        "stadium",
        "airport",
        "mosque",
        "church",
        "cathedral",
        "synagogue",
        "temple",
        "hall",
        "station",
        "hotel",
        "centre",
        "center",
        "square",
        "park",
        "market",
        "street",
        "bridge",
        "museum",
        "theatre",
        "theater",
        "university",
        "hospital",
        "school",
        "embassy",
        "mall",
        "palace",
        "prison",
        "province",
        "district",
        "city",
    ];
    // Titles and ranks before a name are no part of it: "Dr. Lena Varga" is "Lena Varga".
    const TITLES: &[&str] = &[
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "professor",
        "sir",
        "dame",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "maj",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "adm",
        "admiral",
        "president",
        "sheikh",
        "shaykh",
        "imam",
        "mullah",
        "ayatollah",
        "rev",
        "reverend",
        "judge",
        "justice",
        "senator",
        "sen",
        "gov",
        "governor",
        "chancellor",
        "commander",
    ];
    let mut key = dossier_entities::new_key(name);
    while let Some((first, rest)) = key.split_once('-') {
        if TITLES.contains(&first) && rest.contains('-') {
            key = rest.to_string();
        } else {
            break;
        }
    }
    let last = key.rsplit('-').next().unwrap_or("");
    (key.contains('-') && key.chars().any(char::is_alphabetic) && !PLACE_WORDS.contains(&last))
        .then(|| format!("new:{key}"))
}

/// People among event participants and fact objects (perpetrators, victims, leaders) get the
/// entity id of the person name they stand on, so that a dossier on the person finds them.
fn link_persons(names: &[EntityMention], x: &mut Extraction) {
    // "Shekau died last month" after "Abubakar Shekau": a surname alone is the one person of
    // the report whose full name ends with it.
    let by_surname = |word: &str| {
        let mut full = names
            .iter()
            .filter(|m| m.label == "PERSON" && m.text.contains(' '))
            .filter(|m| m.text.rsplit(' ').next() == Some(word))
            .filter_map(|m| person_id(&m.text))
            .collect::<Vec<_>>();
        full.sort();
        full.dedup();
        (full.len() == 1).then(|| full.remove(0))
    };
    let person_at = |span: Span| {
        names
            .iter()
            .find(|n| n.label == "PERSON" && n.span.start <= span.start && span.end <= n.span.end)
            .and_then(|n| {
                person_id(&n.text).or_else(|| {
                    (!n.text.contains(' ') && n.text.chars().count() > 2)
                        .then(|| by_surname(&n.text))
                        .flatten()
                })
            })
            .map(KbId::new)
    };
    for e in &mut x.events {
        for p in e.participants.iter_mut().filter(|p| p.entity.is_none()) {
            p.entity = person_at(p.span).or_else(|| {
                // "the brothers Said and Chérif Kouachi": the first name the claims stage
                // completed with the shared surname ("Said Kouachi").
                let name = names
                    .iter()
                    .find(|n| n.label == "PERSON" && n.span == p.span)?;
                (p.text.len() > name.text.len() && p.text.starts_with(&name.text))
                    .then(|| person_id(&p.text))
                    .flatten()
                    .map(KbId::new)
            });
            // "Shekau died in May" (no name the NER found there): a surname alone, for the
            // victims, perpetrators and the arrested people a report names.
            if p.entity.is_none()
                && !p.text.contains(' ')
                && p.text.chars().count() > 2
                && p.text.starts_with(char::is_uppercase)
            {
                p.entity = by_surname(&p.text).map(KbId::new);
            }
        }
    }
    for f in &mut x.facts {
        if let Some(o) = f
            .object
            .as_mut()
            .filter(|o| o.entity.is_none() && o.place.is_none())
        {
            o.entity = person_at(o.span);
        }
    }
}

/// Analyse one document's text. `published` anchors relative dates; nothing reads the clock.
pub fn analyze(
    text: &str,
    published: Option<&Timestamp>,
    language: &str,
    res: &Resources,
) -> Analysis {
    let ents = ner_entities(&[text], res).pop().flatten();
    run(text, published, language, res, ents.as_deref(), false).0
}

/// [`analyze`], plus the document's linked mentions and aliases with evidence (what
/// `SqliteStore::put_linked` stores), from the same alias matches and discovered aliases.
pub fn analyze_linked(
    text: &str,
    published: Option<&Timestamp>,
    language: &str,
    res: &Resources,
) -> (Analysis, dossier_entities::link::LinkedDocument) {
    let ents = ner_entities(&[text], res).pop().flatten();
    let (analysis, linked) = run(text, published, language, res, ents.as_deref(), true);
    (analysis, linked.unwrap_or_default())
}

/// One document for [`analyze_batch`]: text, publication time, language.
pub type BatchItem<'a> = (&'a str, Option<&'a Timestamp>, &'a str);

/// [`analyze`] for many documents, with the same results: the NER runs on groups of documents
/// (one matrix product per layer for the whole group, so the model's weights are prepared once
/// per group instead of once per document: a fifth of the NER's time on paragraph-long texts),
/// everything else per document.
pub fn analyze_batch(docs: &[BatchItem], res: &Resources) -> Vec<Analysis> {
    let texts: Vec<&str> = docs.iter().map(|d| d.0).collect();
    let ents = ner_entities(&texts, res);
    docs.iter()
        .zip(&ents)
        .map(|(&(text, published, language), e)| {
            run(text, published, language, res, e.as_deref(), false).0
        })
        .collect()
}

/// [`analyze_linked`] for many documents, NER grouped as in [`analyze_batch`].
pub fn analyze_linked_batch(
    docs: &[BatchItem],
    res: &Resources,
) -> Vec<(Analysis, dossier_entities::link::LinkedDocument)> {
    let texts: Vec<&str> = docs.iter().map(|d| d.0).collect();
    let ents = ner_entities(&texts, res);
    docs.iter()
        .zip(&ents)
        .map(|(&(text, published, language), e)| {
            let (a, linked) = run(text, published, language, res, e.as_deref(), true);
            (a, linked.unwrap_or_default())
        })
        .collect()
}

/// Paragraphs per NER group (computed together: shared matrix products).
const NER_GROUP_DOCS: usize = 16;
/// Text bytes per NER group: the NER's buffers grow with the group's tokens, so long documents
/// go in smaller groups (a document longer than this goes alone, as in [`analyze`]).
const NER_GROUP_BYTES: usize = 64 * 1024;

thread_local! {
    /// The NER's caches and buffers, kept warm across calls on this thread.
    static NER_WORKSPACE: std::cell::RefCell<dossier_ner::Workspace> =
        std::cell::RefCell::new(dossier_ner::Workspace::new());
}

/// Named entities of every text (`None` for all without a model), its paragraphs in groups of
/// at most [`NER_GROUP_DOCS`] paragraphs and [`NER_GROUP_BYTES`] bytes, in order, on this thread.
///
/// Each paragraph is read on its own: a name never runs across a blank line (the byline's "The
/// Test Wire" and the lead's "Abu Bakr al-Baghdadi" are not one name), and each paragraph opens
/// with fresh context, as it would alone.
fn ner_entities(texts: &[&str], res: &Resources) -> Vec<Option<Vec<dossier_ner::Entity>>> {
    let Some(model) = &res.ner else {
        return vec![None; texts.len()];
    };
    by_paragraph(model, texts).into_iter().map(Some).collect()
}

/// The NER's names in `text`, each paragraph read on its own, as analysis reads them.
pub fn ner_by_paragraph(model: &dossier_ner::Model, text: &str) -> Vec<dossier_ner::Entity> {
    by_paragraph(model, &[text]).pop().unwrap_or_default()
}

fn by_paragraph(model: &dossier_ner::Model, texts: &[&str]) -> Vec<Vec<dossier_ner::Entity>> {
    // (document, byte offset, char offset, paragraph)
    let mut blocks: Vec<(usize, usize, usize, &str)> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let mut chars = 0;
        let mut last = 0;
        for (start, end) in paragraphs(t) {
            chars += t[last..start].chars().count();
            blocks.push((i, start, chars, &t[start..end]));
            chars += t[start..end].chars().count();
            last = end;
        }
    }
    let paras: Vec<&str> = blocks.iter().map(|b| b.3).collect();
    let mut out: Vec<Vec<dossier_ner::Entity>> = vec![Vec::new(); texts.len()];
    for (b, ents) in blocks.iter().zip(ner_groups(model, &paras)) {
        out[b.0].extend(ents.into_iter().map(|mut e| {
            e.start += b.1;
            e.end += b.1;
            e.start_char += b.2;
            e.end_char += b.2;
            e
        }));
    }
    out
}

/// Byte ranges of the paragraphs of `text`: the runs between blank lines (a line break, blanks,
/// another line break), blank runs left out.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                if !text[start..i].trim().is_empty() {
                    out.push((start, i));
                }
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// The NER over `texts`, in groups of at most [`NER_GROUP_DOCS`] texts and [`NER_GROUP_BYTES`]
/// bytes, in order, on this thread.
fn ner_groups(model: &dossier_ner::Model, texts: &[&str]) -> Vec<Vec<dossier_ner::Entity>> {
    let mut out = Vec::with_capacity(texts.len());
    NER_WORKSPACE.with(|ws| {
        let mut own;
        let mut borrowed = ws.try_borrow_mut();
        let ws = match &mut borrowed {
            Ok(ws) => &mut **ws,
            Err(_) => {
                own = dossier_ner::Workspace::new();
                &mut own
            }
        };
        let mut lo = 0;
        while lo < texts.len() {
            let mut hi = lo + 1;
            let mut bytes = texts[lo].len();
            while hi < texts.len()
                && hi - lo < NER_GROUP_DOCS
                && bytes + texts[hi].len() <= NER_GROUP_BYTES
            {
                bytes += texts[hi].len();
                hi += 1;
            }
            out.extend(model.entities_group(&texts[lo..hi], ws));
            lo = hi;
        }
    });
    out
}

/// Everything after the NER for one document; `ents` is the NER's output (`None`: no model).
fn run(
    text: &str,
    published: Option<&Timestamp>,
    language: &str,
    res: &Resources,
    ents: Option<&[dossier_ner::Entity]>,
    link: bool,
) -> (Analysis, Option<dossier_entities::link::LinkedDocument>) {
    let annotated = dossier_annotate::annotate_at(text, published, language);
    let mut diagnostics = annotated.diagnostics;
    let dct = published.map(|t| t.local_date());
    let mut names: Vec<EntityMention> = match ents {
        Some(ents) => dossier_geo::mentions_from_ner(text, ents),
        None => {
            diagnostics.push(Diagnostic::warning("analyze", "no NER model: people and places come only from the knowledge base and gazetteer cues"));
            Vec::new()
        }
    };
    // The dateline's outlet ("(Sahel Courier)") filed the story; it is no one the story is about.
    if let Some(d) = annotated.dateline {
        names.retain(|n| !d.in_outlet(n.span));
    }
    let matches = res.matcher.find(text);
    // Discovered aliases tie new names to known entities ("Islamic State – Khorasan Province (ISPK)").
    let discovered = dossier_entities::discover_aliases(text);
    let actors: Vec<Actor> = dossier_claims::actors(
        text,
        language,
        &annotated.sentences,
        &names,
        &matches,
        &discovered,
        &res.kb,
    );
    let aliases: Vec<AliasEvidence> = discovered
        .iter()
        .map(|d| AliasEvidence {
            name: d.name.clone(),
            alias: d.alias.clone(),
            sentence: d.sentence,
            pattern: d.pattern.clone(),
            entity: res
                .kb
                .resolve_discovered(d)
                .map(|e| KbId::new(e.id.clone())),
        })
        .collect();
    let places = dossier_geo::geocode(text, &names);
    let input = dossier_claims::Input {
        text,
        language,
        dct,
        sentences: &annotated.sentences,
        timexes: &annotated.time_expressions,
        names: &names,
        actors: &actors,
        places: &places,
        dateline: annotated.dateline,
    };
    let mut extraction = dossier_claims::extract(&input);
    if language.starts_with("en") {
        link_persons(&names, &mut extraction);
    }
    // The NER model is English: on German text it takes capitalised nouns for names
    // ("Gewahrsam", "Wohnung durchsucht"). Its names place things and fill participants, but
    // they do not become entities of their own; German documents link to the knowledge base
    // and to the aliases they define.
    let english = language.starts_with("en");
    let linked = link.then(|| {
        let spans: Vec<Span> = annotated.sentences.iter().map(|s| s.span).collect();
        let link_names: &[EntityMention] = if english { &names } else { &[] };
        dossier_entities::link::link_found(text, &spans, link_names, &matches, &discovered, &res.kb)
    });
    let outlet = annotated
        .dateline
        .and_then(|d| d.outlet)
        .and_then(|o| text.get(o.start..o.end))
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty());
    let analysis = Analysis {
        analyzer: ANALYZER.into(),
        dct,
        language: language.into(),
        outlet,
        sentences: annotated.sentences,
        time_expressions: annotated.time_expressions,
        names,
        actors,
        places,
        aliases,
        extraction,
        diagnostics,
    };
    (analysis, linked)
}
