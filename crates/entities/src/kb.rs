//! The curated knowledge base: armed groups and institutions loaded from TOML, validated.
//!
//! The files in `data/kb/` are embedded at compile time ([`KnowledgeBase::builtin`]); a user may
//! load their own with [`KnowledgeBase::from_dir`] or [`KnowledgeBase::from_toml`].

use crate::normalize::{is_acronym, name_key};
use dossier_core::kb::{KbCategory, KbId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

const GROUPS_TOML: &str = include_str!("../../../data/kb/armed-groups.toml");
const INSTITUTIONS_TOML: &str = include_str!("../../../data/kb/institutions.toml");

/// Everything that can go wrong loading or validating a knowledge base.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum KbError {
    #[error("cannot read {path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{file}: TOML error: {message}")]
    Parse { file: String, message: String },
    #[error("duplicate entity id {0:?}")]
    DuplicateId(String),
    #[error("entity id {0:?} is not a lower-case slug (a-z, 0-9, '-')")]
    BadId(String),
    #[error("{from}: relation {kind} points to unknown id {to:?}")]
    DanglingRelation {
        from: String,
        kind: String,
        to: String,
    },
    #[error("alias {alias:?} is shared by {a} and {b} but not flagged ambiguous in both")]
    SharedAlias { alias: String, a: String, b: String },
    #[error("{id}: alias {alias:?} is empty or repeats the entity's other names")]
    BadAlias { id: String, alias: String },
    #[error("{id}: wikidata id {qid:?} is not of the form Q123")]
    BadWikidata { id: String, qid: String },
    #[error("{id}: {message}")]
    Invalid { id: String, message: String },
}

/// An alias as written in the TOML: a plain string, or a table with flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AliasSpec {
    Plain(String),
    Flagged {
        name: String,
        #[serde(default)]
        ambiguous: bool,
        #[serde(default)]
        lang: Option<String>,
    },
}

impl AliasSpec {
    pub fn name(&self) -> &str {
        match self {
            AliasSpec::Plain(s) => s,
            AliasSpec::Flagged { name, .. } => name,
        }
    }

    pub fn ambiguous(&self) -> bool {
        matches!(
            self,
            AliasSpec::Flagged {
                ambiguous: true,
                ..
            }
        )
    }
}

/// The kinds of relation between entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelKind {
    /// A branch, province or wing of the target.
    PartOf,
    /// Pledged allegiance to / recognised affiliate of the target, keeping its own structure.
    AffiliateOf,
    /// Broke away from the target.
    SplitFrom,
    /// Continues the target under a new name or after a merger.
    SuccessorOf,
    /// Fights or competes with the target.
    RivalOf,
    /// Cooperates with the target.
    AllyOf,
}

impl RelKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            RelKind::PartOf => "part_of",
            RelKind::AffiliateOf => "affiliate_of",
            RelKind::SplitFrom => "split_from",
            RelKind::SuccessorOf => "successor_of",
            RelKind::RivalOf => "rival_of",
            RelKind::AllyOf => "ally_of",
        }
    }
}

/// A relation to another entity, with the years it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    #[serde(rename = "type")]
    pub kind: RelKind,
    pub target: String,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A founding (or dissolution) date with its precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Founded {
    pub year: i32,
    #[serde(default)]
    pub month: Option<u8>,
    #[serde(default)]
    pub day: Option<u8>,
    /// `true` when sources disagree or give only an approximate year ("about 2002").
    #[serde(default)]
    pub approximate: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// One entity of the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<AliasSpec>,
    /// German names that are not also English ones.
    #[serde(default)]
    pub aliases_de: Vec<String>,
    /// Descriptors ("the group's affiliate in Afghanistan"): matched only with the entity in context.
    #[serde(default)]
    pub descriptions: Vec<String>,
    /// Words whose presence in a document licenses this entity's ambiguous aliases.
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub founded: Option<Founded>,
    #[serde(default)]
    pub dissolved: Option<Founded>,
    /// ISO 3166-1 alpha-2 codes or region names.
    #[serde(default)]
    pub area: Vec<String>,
    #[serde(default)]
    pub wikidata: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// What a reviewer still has to check (e.g. "wikidata id").
    #[serde(default)]
    pub todo: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(skip_deserializing, default = "default_category")]
    pub category: KbCategory,
}

fn default_category() -> KbCategory {
    KbCategory::ArmedGroup
}

/// One name of an entity, flattened: canonical name, aliases, German aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRef<'a> {
    pub name: &'a str,
    pub ambiguous: bool,
    pub lang: Option<&'a str>,
}

impl Entity {
    pub fn kb_id(&self) -> KbId {
        KbId::new(self.id.clone())
    }

    /// The canonical name, the aliases and the German aliases (not the descriptions).
    pub fn names(&self) -> Vec<NameRef<'_>> {
        let mut v = vec![NameRef {
            name: &self.name,
            ambiguous: false,
            lang: None,
        }];
        for a in &self.aliases {
            let lang = match a {
                AliasSpec::Flagged { lang, .. } => lang.as_deref(),
                AliasSpec::Plain(_) => None,
            };
            v.push(NameRef {
                name: a.name(),
                ambiguous: a.ambiguous(),
                lang,
            });
        }
        for a in &self.aliases_de {
            v.push(NameRef {
                name: a,
                ambiguous: false,
                lang: Some("de"),
            });
        }
        v
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KbFile {
    #[serde(default)]
    group: Vec<Entity>,
    #[serde(default)]
    institution: Vec<Entity>,
}

/// The loaded, validated knowledge base.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

/// The comparison key of an alias: exact (folded) for acronyms, folded lower-case for names.
pub fn alias_key(alias: &str) -> String {
    if is_acronym(alias) {
        crate::normalize::fold_str(alias)
    } else {
        name_key(alias)
    }
}

impl KnowledgeBase {
    /// The knowledge base shipped in `data/kb/`, embedded in the binary.
    pub fn builtin() -> Result<Self, KbError> {
        Self::from_toml(&[
            ("armed-groups.toml", GROUPS_TOML),
            ("institutions.toml", INSTITUTIONS_TOML),
        ])
    }

    /// Every `*.toml` file in `dir` (not recursive), in name order.
    pub fn from_dir(dir: &Path) -> Result<Self, KbError> {
        let io = |e: std::io::Error| KbError::Io {
            path: dir.to_path_buf(),
            message: e.to_string(),
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        let mut texts = Vec::new();
        for p in &paths {
            let t = std::fs::read_to_string(p).map_err(|e| KbError::Io {
                path: p.clone(),
                message: e.to_string(),
            })?;
            texts.push((p.display().to_string(), t));
        }
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        Self::from_toml(&refs)
    }

    /// Parse `(file name, TOML text)` pairs and validate the result; the first error is returned
    /// (use [`KnowledgeBase::parse_unvalidated`] and [`KnowledgeBase::validate`] for all of them).
    pub fn from_toml(files: &[(&str, &str)]) -> Result<Self, KbError> {
        let kb = Self::parse_unvalidated(files)?;
        match kb.validate().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(kb),
        }
    }

    /// Parse without validating.
    pub fn parse_unvalidated(files: &[(&str, &str)]) -> Result<Self, KbError> {
        let mut entities = Vec::new();
        for (name, text) in files {
            let f: KbFile = toml::from_str(text).map_err(|e| KbError::Parse {
                file: (*name).to_string(),
                message: e.to_string(),
            })?;
            for mut e in f.group {
                e.category = KbCategory::ArmedGroup;
                entities.push(e);
            }
            for mut e in f.institution {
                e.category = KbCategory::Institution;
                entities.push(e);
            }
        }
        let mut by_id = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_id.entry(e.id.clone()).or_insert(i);
            let mut keys: Vec<String> = e.names().iter().map(|n| name_key(n.name)).collect();
            keys.push(name_key(&e.id));
            keys.sort();
            keys.dedup();
            for k in keys {
                by_name.entry(k).or_default().push(i);
            }
        }
        Ok(KnowledgeBase {
            entities,
            by_id,
            by_name,
        })
    }

    /// Every problem found: duplicate or malformed ids, dangling relations, aliases shared by two
    /// entities without the ambiguous flag, malformed Wikidata ids.
    pub fn validate(&self) -> Vec<KbError> {
        let mut errors = Vec::new();
        let mut seen = HashSet::new();
        for e in &self.entities {
            if !seen.insert(e.id.as_str()) {
                errors.push(KbError::DuplicateId(e.id.clone()));
            }
            let slug = !e.id.is_empty()
                && e.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !slug {
                errors.push(KbError::BadId(e.id.clone()));
            }
            if e.name.trim().is_empty() || e.kind.trim().is_empty() {
                errors.push(KbError::Invalid {
                    id: e.id.clone(),
                    message: "name and kind must not be empty".into(),
                });
            }
            if e.sources.is_empty() {
                errors.push(KbError::Invalid {
                    id: e.id.clone(),
                    message: "no sources".into(),
                });
            }
            if let Some(q) = &e.wikidata {
                let ok = q.len() > 1
                    && q.starts_with('Q')
                    && q[1..].chars().all(|c| c.is_ascii_digit())
                    && !q[1..].starts_with('0');
                if !ok {
                    errors.push(KbError::BadWikidata {
                        id: e.id.clone(),
                        qid: q.clone(),
                    });
                }
            }
            for r in &e.relations {
                if !self.by_id.contains_key(&r.target) || r.target == e.id {
                    errors.push(KbError::DanglingRelation {
                        from: e.id.clone(),
                        kind: r.kind.as_str().into(),
                        to: r.target.clone(),
                    });
                }
                if let (Some(a), Some(b)) = (r.from, r.to) {
                    if a > b {
                        errors.push(KbError::Invalid {
                            id: e.id.clone(),
                            message: format!("relation to {} ends before it starts", r.target),
                        });
                    }
                }
            }
            let mut own = HashSet::new();
            for n in e.names() {
                let k = alias_key(n.name);
                if k.is_empty() || !own.insert(k) {
                    errors.push(KbError::BadAlias {
                        id: e.id.clone(),
                        alias: n.name.to_string(),
                    });
                }
            }
        }
        // Aliases shared across entities must be flagged ambiguous in every entity that has them.
        let mut owners: BTreeMap<String, Vec<(&str, bool)>> = BTreeMap::new();
        for e in &self.entities {
            for n in e.names() {
                owners
                    .entry(alias_key(n.name))
                    .or_default()
                    .push((&e.id, n.ambiguous));
            }
        }
        for (alias, list) in owners {
            let distinct = list.iter().any(|(id, _)| *id != list[0].0);
            if distinct && list.iter().any(|(_, amb)| !amb) {
                let other = list.iter().find(|(id, _)| *id != list[0].0);
                errors.push(KbError::SharedAlias {
                    alias,
                    a: list[0].0.to_string(),
                    b: other.map(|o| o.0).unwrap_or_default().to_string(),
                });
            }
        }
        errors
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).and_then(|&i| self.entities.get(i))
    }

    /// Entities one of whose names (or whose id) equals `name`, ignoring case, diacritics,
    /// dashes and quotes: the lookup behind `dossier entity NAME`.
    pub fn lookup(&self, name: &str) -> Vec<&Entity> {
        self.by_name
            .get(&name_key(name))
            .map(|v| v.iter().filter_map(|&i| self.entities.get(i)).collect())
            .unwrap_or_default()
    }

    /// The entity a discovered alias belongs to: the one entity whose names include the
    /// discovered full name or the alias (`None` when neither or several match). The caller
    /// records `d.alias` (or `d.name`) as a new name of it with `d.sentence` as evidence. A
    /// local name ("ISIS-Mozambique, known locally as al-Shabaab") resolves by the name only:
    /// the local name may be another group's.
    pub fn resolve_discovered(&self, d: &crate::discover::DiscoveredAlias) -> Option<&Entity> {
        let mut hits: Vec<&Entity> = self.lookup(&d.name);
        if d.pattern != crate::discover::LOCAL_NAME {
            hits.extend(self.lookup(&d.alias));
        }
        hits.sort_by(|a, b| a.id.cmp(&b.id));
        hits.dedup_by(|a, b| a.id == b.id);
        match hits.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Entities whose `kind` contains `kind` (case-insensitive), or whose category is named
    /// `kind` (`armed_group`, `institution`): the filter behind `dossier entities --kind K`.
    pub fn with_kind<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Entity> + 'a {
        let k = kind.to_lowercase();
        self.entities.iter().filter(move |e| {
            let cat = match e.category {
                KbCategory::ArmedGroup => "armed_group",
                KbCategory::Institution => "institution",
            };
            e.kind.to_lowercase().contains(&k) || cat == k.replace([' ', '-'], "_")
        })
    }

    /// Entities of one category.
    pub fn of_category(&self, category: KbCategory) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.category == category)
    }

    /// Ids related to `id` in either direction (any relation kind except rivalry).
    pub fn related(&self, id: &str) -> Vec<&str> {
        let mut out = Vec::new();
        if let Some(e) = self.get(id) {
            for r in &e.relations {
                if r.kind != RelKind::RivalOf {
                    out.push(r.target.as_str());
                }
            }
        }
        for e in &self.entities {
            if e.relations
                .iter()
                .any(|r| r.target == id && r.kind != RelKind::RivalOf)
            {
                out.push(e.id.as_str());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Number of names (canonical names, aliases, German aliases) over all entities.
    pub fn alias_count(&self) -> usize {
        self.entities.iter().map(|e| e.names().len()).sum()
    }
}
