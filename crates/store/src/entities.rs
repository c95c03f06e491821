//! Linked entities in the SQLite store: mentions per document version, aliases with their
//! sentence as evidence, and merges (automatic or by a user) with their reasons; lookups follow
//! merges, splits undo them.
//!
//! Entity ids: a knowledge-base entity keeps its id (`iskp`); a name the knowledge base does not
//! know is one entity per document, `new:<key>@<doc id>` ([`new_entity_id`]), merged across
//! documents when the name and its label agree, or when a stated alias ("X (Y)") ties it to a
//! knowledge-base entity. Every merge row says why; a split keeps the row (marked undone) so the
//! same pair is never merged automatically again.

use crate::{SqliteStore, StoreError};
use dossier_core::kb::{AliasEvidence, EntityRef, LinkedMention};
use dossier_core::Span;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

/// (new entity, its label, knowledge-base entity, alias text, version, sentence).
type Tie = (String, String, String, String, i64, String);

/// Merge chains longer than this are treated as broken (a cycle guard).
const MAX_CHAIN: usize = 64;

/// The store id of an entity mentioned in document `doc_id`.
pub fn new_entity_id(entity: &EntityRef, doc_id: i64) -> String {
    match entity {
        EntityRef::Kb(id) => id.as_str().to_string(),
        EntityRef::New(key) => format!("new:{key}@{doc_id}"),
    }
}

/// An entity row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredEntity {
    pub id: String,
    pub name: String,
    /// The linked label: `GROUP`, `ORG`, `PERSON`, …
    pub kind: String,
    /// `kb` or `discovered`.
    pub origin: String,
    pub name_key: String,
    /// For discovered entities: the document that named it.
    pub doc_id: Option<i64>,
}

/// A stored mention (of the current version of its document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredMention {
    pub doc_id: i64,
    pub version_id: i64,
    pub span: Span,
    /// The entity row the mention was linked to (before following merges).
    pub entity_id: String,
    pub text: String,
    pub label: String,
    pub basis: String,
    pub evidence: Option<String>,
    pub coreference: bool,
}

/// A stored alias with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredAlias {
    pub entity_id: String,
    pub alias: String,
    pub name: String,
    pub doc_id: i64,
    pub sentence: String,
    pub pattern: String,
}

/// One merge: `from` is the same actor as `into`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeRecord {
    pub id: i64,
    pub from: String,
    pub into: String,
    /// `same name`, `alias` or `user`.
    pub reason: String,
    /// The name or alias that tied them.
    pub alias: Option<String>,
    /// The document whose text gave the evidence.
    pub doc_id: Option<i64>,
    pub detail: Option<String>,
    /// `auto` or `user`.
    pub created_by: String,
    /// `Some("user")` once split again.
    pub undone_by: Option<String>,
}

/// What [`SqliteStore::put_linked`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PutLinked {
    pub mentions: usize,
    pub aliases: usize,
    /// Merges made now (earlier ones are not repeated).
    pub merges: Vec<MergeRecord>,
}

/// Errors of the user-facing merge and split operations, besides store errors.
#[derive(Debug, thiserror::Error)]
pub enum EntityError {
    #[error("no stored entity {0:?}")]
    Unknown(String),
    #[error("{0:?} is already {1:?} (or merged into it)")]
    Cycle(String, String),
    #[error("{0:?} is not merged (with {1})")]
    NotMerged(String, String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for EntityError {
    fn from(e: rusqlite::Error) -> Self {
        EntityError::Store(StoreError::Sqlite(e))
    }
}

const MERGE_COLS: &str =
    "m.id, m.from_id, m.into_id, m.reason, m.alias, v.doc_id, m.detail, m.created_by, m.undone_by";

fn merge_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MergeRecord> {
    Ok(MergeRecord {
        id: r.get(0)?,
        from: r.get(1)?,
        into: r.get(2)?,
        reason: r.get(3)?,
        alias: r.get(4)?,
        doc_id: r.get(5)?,
        detail: r.get(6)?,
        created_by: r.get(7)?,
        undone_by: r.get(8)?,
    })
}

fn entity_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredEntity> {
    Ok(StoredEntity {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        origin: r.get(3)?,
        name_key: r.get(4)?,
        doc_id: r.get(5)?,
    })
}

/// Where `id` ends up following active merges.
fn root(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<String> {
    let mut cur = id.to_string();
    let mut st = conn.prepare_cached(
        "SELECT into_id FROM entity_merges WHERE from_id = ?1 AND undone_by IS NULL ORDER BY id DESC LIMIT 1",
    )?;
    for _ in 0..MAX_CHAIN {
        let next: Option<String> = st.query_row([&cur], |r| r.get(0)).optional()?;
        match next {
            Some(n) if n != cur => cur = n,
            _ => break,
        }
    }
    Ok(cur)
}

/// Every entity whose merges lead to `root_id` (including itself).
fn members(conn: &rusqlite::Connection, root_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut out = vec![root_id.to_string()];
    let mut st = conn.prepare_cached(
        "SELECT from_id FROM entity_merges WHERE into_id = ?1 AND undone_by IS NULL ORDER BY id",
    )?;
    let mut i = 0;
    while i < out.len() && out.len() < 100_000 {
        let cur = out[i].clone();
        for f in st.query_map([&cur], |r| r.get::<_, String>(0))? {
            let f = f?;
            if !out.contains(&f) {
                out.push(f);
            }
        }
        i += 1;
    }
    Ok(out)
}

fn labels_compatible(a: &str, b: &str) -> bool {
    let org = |l: &str| matches!(l, "ORG" | "GROUP" | "NORP");
    a == b || (org(a) && org(b))
}

/// Whether a user split `a` and `b` apart (or an automatic merge of them was undone).
fn was_split(tx: &Transaction<'_>, a: &str, b: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached(
        "SELECT 1 FROM entity_merges WHERE undone_by IS NOT NULL
         AND ((from_id = ?1 AND into_id = ?2) OR (from_id = ?2 AND into_id = ?1))",
    )?
    .exists(params![a, b])
}

fn has_active_merge(tx: &Transaction<'_>, from: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached("SELECT 1 FROM entity_merges WHERE from_id = ?1 AND undone_by IS NULL")?
        .exists([from])
}

#[allow(clippy::too_many_arguments)]
fn insert_merge(
    tx: &Transaction<'_>,
    from: &str,
    into: &str,
    reason: &str,
    alias: Option<&str>,
    version_id: Option<i64>,
    detail: Option<&str>,
    by: &str,
) -> rusqlite::Result<MergeRecord> {
    tx.prepare_cached(
        "INSERT INTO entity_merges (from_id, into_id, reason, alias, version_id, detail, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![from, into, reason, alias, version_id, detail, by])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(&format!(
        "SELECT {MERGE_COLS} FROM entity_merges m LEFT JOIN versions v ON v.id = m.version_id WHERE m.id = ?1"
    ))?
    .query_row([id], merge_row)
}

impl SqliteStore {
    /// The `versions.id` of version `version` of document `doc_id` (what [`Self::put_linked`]
    /// takes).
    pub fn version_id(&self, doc_id: i64, version: i64) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM versions WHERE doc_id = ?1 AND version = ?2")?
            .query_row(params![doc_id, version], |r| r.get(0))
            .optional()?)
    }

    /// Store the linked mentions and stated aliases of one document version, replacing what was
    /// stored for that version before (so putting the same thing twice changes nothing), then
    /// merge this document's new entities with earlier ones: same normalised name and compatible
    /// label (people only with two or more words), or a stated alias tying the name to a
    /// knowledge-base entity. One transaction.
    pub fn put_linked(
        &mut self,
        version_id: i64,
        mentions: &[LinkedMention],
        aliases: &[AliasEvidence],
    ) -> Result<PutLinked, StoreError> {
        let tx = self.conn.transaction()?;
        let doc_id: i64 = tx
            .prepare_cached("SELECT doc_id FROM versions WHERE id = ?1")?
            .query_row([version_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Corrupt(format!("no version with id {version_id}")))?;
        tx.execute(
            "DELETE FROM entity_mentions WHERE version_id = ?1",
            [version_id],
        )?;
        tx.execute(
            "DELETE FROM entity_aliases WHERE version_id = ?1",
            [version_id],
        )?;
        let mut out = PutLinked::default();
        {
            let mut ent = tx.prepare_cached(
                "INSERT OR IGNORE INTO entities (id, name, kind, origin, name_key, doc_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut men = tx.prepare_cached(
                "INSERT OR REPLACE INTO entity_mentions
                 (version_id, start_byte, end_byte, entity_id, text, label, basis, evidence, coreference)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for m in mentions {
                let id = new_entity_id(&m.entity, doc_id);
                let (origin, key, doc) = match &m.entity {
                    EntityRef::Kb(k) => ("kb", k.as_str().to_string(), None),
                    EntityRef::New(k) => ("discovered", k.clone(), Some(doc_id)),
                };
                ent.execute(params![id, m.name, m.label, origin, key, doc])?;
                out.mentions += men.execute(params![
                    version_id,
                    m.span.start as i64,
                    m.span.end as i64,
                    id,
                    m.text,
                    m.label,
                    m.basis.as_str(),
                    m.evidence,
                    m.coreference
                ])?;
            }
            let mut al = tx.prepare_cached(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, name, version_id, sentence, pattern, keys)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for a in aliases {
                let id = new_entity_id(&a.entity, doc_id);
                let (origin, key, doc, kind) = match &a.entity {
                    EntityRef::Kb(k) => ("kb", k.as_str().to_string(), None, "ORG"),
                    EntityRef::New(k) => ("discovered", k.clone(), Some(doc_id), "ORG"),
                };
                ent.execute(params![id, a.name, kind, origin, key, doc])?;
                let keys = serde_json::to_string(&a.keys)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                out.aliases += al.execute(params![
                    id, a.alias, a.name, version_id, a.sentence, a.pattern, keys
                ])?;
            }
        }
        out.merges = auto_merge(&tx, doc_id, version_id)?;
        tx.commit()?;
        Ok(out)
    }

    /// Whether any linked mention is stored.
    pub fn has_linked(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM entity_mentions LIMIT 1")?
            .exists([])?)
    }

    /// One entity row by id.
    pub fn entity(&self, id: &str) -> Result<Option<StoredEntity>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, name, kind, origin, name_key, doc_id FROM entities WHERE id = ?1",
            )?
            .query_row([id], entity_row)
            .optional()?)
    }

    /// Entities with this normalised name key (as `dossier_entities::new_key` gives), or named so
    /// by a stored alias; in id order.
    pub fn entities_by_key(&self, key: &str) -> Result<Vec<StoredEntity>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, kind, origin, name_key, doc_id FROM entities
             WHERE name_key = ?1
                OR id IN (SELECT entity_id FROM entity_aliases a
                          WHERE EXISTS (SELECT 1 FROM json_each(a.keys) WHERE value = ?1))
             ORDER BY doc_id IS NOT NULL, doc_id, id",
        )?;
        let rows = st.query_map([key], entity_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The entity `id` stands for after following merges (itself when not merged).
    pub fn resolve_entity(&self, id: &str) -> Result<String, StoreError> {
        Ok(root(&self.conn, id)?)
    }

    /// Every entity merged (directly or through others) into the entity `id` resolves to,
    /// that one first.
    pub fn entity_members(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let r = root(&self.conn, id)?;
        Ok(members(&self.conn, &r)?)
    }

    /// Mentions, in current document versions, of the entity `id` resolves to and of everything
    /// merged into it; by document and position.
    pub fn entity_mentions(&self, id: &str) -> Result<Vec<StoredMention>, StoreError> {
        let ids = serde_json::to_string(&self.entity_members(id)?)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut st = self.conn.prepare_cached(
            "SELECT v.doc_id, m.version_id, m.start_byte, m.end_byte, m.entity_id, m.text, m.label,
                    m.basis, m.evidence, m.coreference
             FROM entity_mentions m JOIN versions v ON v.id = m.version_id
             JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version
             WHERE m.entity_id IN (SELECT value FROM json_each(?1))
             ORDER BY v.doc_id, m.start_byte",
        )?;
        let rows = st.query_map([ids], |r| {
            let (s, e): (i64, i64) = (r.get(2)?, r.get(3)?);
            let (s, e) = (s.max(0) as usize, e.max(0) as usize);
            Ok(StoredMention {
                doc_id: r.get(0)?,
                version_id: r.get(1)?,
                span: Span::new(s.min(e), e),
                entity_id: r.get(4)?,
                text: r.get(5)?,
                label: r.get(6)?,
                basis: r.get(7)?,
                evidence: r.get(8)?,
                coreference: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Aliases stated for the entity `id` resolves to or anything merged into it.
    pub fn entity_aliases(&self, id: &str) -> Result<Vec<StoredAlias>, StoreError> {
        let ids = serde_json::to_string(&self.entity_members(id)?)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut st = self.conn.prepare_cached(
            "SELECT a.entity_id, a.alias, a.name, v.doc_id, a.sentence, a.pattern
             FROM entity_aliases a JOIN versions v ON v.id = a.version_id
             WHERE a.entity_id IN (SELECT value FROM json_each(?1))
             ORDER BY v.doc_id, a.alias",
        )?;
        let rows = st.query_map([ids], |r| {
            Ok(StoredAlias {
                entity_id: r.get(0)?,
                alias: r.get(1)?,
                name: r.get(2)?,
                doc_id: r.get(3)?,
                sentence: r.get(4)?,
                pattern: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every merge record (active or undone) touching the entity `id` resolves to or its
    /// members, in the order they were made.
    pub fn entity_merges(&self, id: &str) -> Result<Vec<MergeRecord>, StoreError> {
        let mut ids = self.entity_members(id)?;
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
        let ids = serde_json::to_string(&ids).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {MERGE_COLS} FROM entity_merges m LEFT JOIN versions v ON v.id = m.version_id
             WHERE m.from_id IN (SELECT value FROM json_each(?1))
                OR m.into_id IN (SELECT value FROM json_each(?1))
             ORDER BY m.id"
        ))?;
        let rows = st.query_map([ids], merge_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A user's merge: `from` is the same actor as `into`. A merge `from` had before is undone
    /// (a user's word replaces it).
    pub fn merge_entities(&mut self, from: &str, into: &str) -> Result<MergeRecord, EntityError> {
        let tx = self.conn.transaction()?;
        for id in [from, into] {
            if !tx
                .prepare_cached("SELECT 1 FROM entities WHERE id = ?1")?
                .exists([id])?
            {
                return Err(EntityError::Unknown(id.to_string()));
            }
        }
        if from == into || root(&tx, into)? == from {
            return Err(EntityError::Cycle(from.into(), into.into()));
        }
        tx.execute(
            "UPDATE entity_merges SET undone_by = 'user' WHERE from_id = ?1 AND undone_by IS NULL",
            [from],
        )?;
        let rec = insert_merge(&tx, from, into, "user", None, None, None, "user")?;
        tx.commit()?;
        Ok(rec)
    }

    /// Undo merges: the one `id` was merged by (with `other`: the merge between `id` and `other`,
    /// in either direction; without: `id`'s own merge, else every merge into `id`). Returns the
    /// undone records; undone pairs are never merged automatically again.
    pub fn split_entity(
        &mut self,
        id: &str,
        other: Option<&str>,
    ) -> Result<Vec<MergeRecord>, EntityError> {
        let tx = self.conn.transaction()?;
        if !tx
            .prepare_cached("SELECT 1 FROM entities WHERE id = ?1")?
            .exists([id])?
        {
            return Err(EntityError::Unknown(id.to_string()));
        }
        let ids: Vec<i64> = {
            let sql = match other {
                Some(_) => {
                    "SELECT id FROM entity_merges WHERE undone_by IS NULL
                     AND ((from_id = ?1 AND into_id = ?2) OR (from_id = ?2 AND into_id = ?1)) ORDER BY id"
                }
                None => {
                    "SELECT id FROM entity_merges WHERE undone_by IS NULL AND from_id = ?1
                     AND ?2 IS NULL ORDER BY id"
                }
            };
            let mut st = tx.prepare_cached(sql)?;
            let mut v: Vec<i64> = st
                .query_map(params![id, other], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            if v.is_empty() && other.is_none() {
                let mut st = tx.prepare_cached(
                    "SELECT id FROM entity_merges WHERE undone_by IS NULL AND into_id = ?1 ORDER BY id",
                )?;
                v = st
                    .query_map([id], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
            }
            v
        };
        if ids.is_empty() {
            return Err(EntityError::NotMerged(
                id.to_string(),
                other.unwrap_or("anything").to_string(),
            ));
        }
        let mut out = Vec::new();
        for mid in ids {
            tx.execute(
                "UPDATE entity_merges SET undone_by = 'user' WHERE id = ?1",
                [mid],
            )?;
            out.push(
                tx.prepare_cached(&format!(
                    "SELECT {MERGE_COLS} FROM entity_merges m LEFT JOIN versions v ON v.id = m.version_id WHERE m.id = ?1"
                ))?
                .query_row([mid], merge_row)?,
            );
        }
        tx.commit()?;
        Ok(out)
    }
}

/// Merge the new entities of `doc_id` (and, through this version's aliases, those of other
/// documents) with what they are the same as.
fn auto_merge(
    tx: &Transaction<'_>,
    doc_id: i64,
    version_id: i64,
) -> Result<Vec<MergeRecord>, StoreError> {
    let mut made = Vec::new();
    // (a) A stated alias ties a new name to a knowledge-base entity: this document's new
    // entities against every alias, and this version's aliases against every new entity.
    let ties: Vec<Tie> = {
        let mut st = tx.prepare_cached(
            "SELECT DISTINCT e.id, e.kind, a.entity_id, a.alias || ' = ' || a.name, a.version_id, a.sentence
             FROM entities e
             JOIN entity_aliases a ON EXISTS (SELECT 1 FROM json_each(a.keys) k WHERE k.value = e.name_key)
             JOIN entities t ON t.id = a.entity_id AND t.origin = 'kb'
             WHERE e.origin = 'discovered' AND (e.doc_id = ?1 OR a.version_id = ?2)
             ORDER BY e.doc_id, e.id, a.version_id",
        )?;
        let rows = st.query_map(params![doc_id, version_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    for (from, kind, into, alias, vid, sentence) in ties {
        if !matches!(kind.as_str(), "ORG" | "GROUP" | "NORP")
            || has_active_merge(tx, &from)?
            || was_split(tx, &from, &into)?
            || root(tx, &into)? == from
        {
            continue;
        }
        made.push(insert_merge(
            tx,
            &from,
            &into,
            "alias",
            Some(&alias),
            Some(vid),
            Some(&sentence),
            "auto",
        )?);
    }
    // (b) The same normalised name with a compatible label in an earlier-stored document.
    let own: Vec<(String, String, String, String)> = {
        let mut st = tx.prepare_cached(
            "SELECT id, kind, name_key, name FROM entities
             WHERE origin = 'discovered' AND doc_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([doc_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    for (from, kind, key, name) in own {
        if has_active_merge(tx, &from)? {
            continue;
        }
        if kind == "PERSON" && !key.contains('-') {
            continue;
        }
        let candidates: Vec<(String, String, i64)> = {
            let mut st = tx.prepare_cached(
                "SELECT id, kind, doc_id FROM entities
                 WHERE origin = 'discovered' AND name_key = ?1 AND doc_id IS NOT NULL AND doc_id <> ?2
                 ORDER BY doc_id",
            )?;
            let rows = st.query_map(params![key, doc_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        for (into, other_kind, other_doc) in candidates {
            if !labels_compatible(&kind, &other_kind)
                || was_split(tx, &from, &into)?
                || root(tx, &into)? == from
            {
                continue;
            }
            let detail = format!("{name:?} ({kind}) also in document {other_doc}");
            made.push(insert_merge(
                tx,
                &from,
                &into,
                "same name",
                Some(&name),
                Some(version_id),
                Some(&detail),
                "auto",
            )?);
            break;
        }
    }
    Ok(made)
}
