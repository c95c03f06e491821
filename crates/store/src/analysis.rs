//! Per-version analyses (the annotate and extract stages' output as JSON) and the entity index
//! that profiles read: which current versions mention an entity, up to an "as of" date.

use crate::{SqliteStore, StoreError};
use rusqlite::{params, OptionalExtension};

/// A version's text, title, published date and language, for analysing it.
pub type VersionText = (String, Option<String>, Option<String>, Option<String>);

/// A current version waiting for (re-)analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingVersion {
    pub version_id: i64,
    pub doc_id: i64,
    /// The document's current version (an earlier one is analysed for queries as of a date).
    pub current: bool,
}

/// One analysis to store: its version and document, the analyzer, the JSON, the entity ids it
/// mentions, and (normalised name, entity id) pairs for the names it gives entities the
/// knowledge base does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisItem<'a> {
    pub version_id: i64,
    pub doc_id: i64,
    pub analyzer: &'a str,
    pub json: &'a str,
    pub entities: Vec<String>,
    pub names: Vec<(String, String)>,
}

/// A stored analysis with the facts about its document that citations need.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisRow {
    pub version_id: i64,
    pub doc_id: i64,
    /// Near-duplicate cluster: syndicated copies share it and count once.
    pub cluster: i64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// As the source stated it (local time with offset).
    pub published: Option<String>,
    /// The same instant in UTC: what orders reports in time.
    pub published_utc: Option<String>,
    pub text: String,
    pub json: String,
}

const ROW_SELECT: &str = "SELECT a.version_id, a.doc_id, d.cluster, d.url, v.title, v.publisher, v.published, v.text, a.json, v.published_utc
     FROM analyses a
     JOIN versions v ON v.id = a.version_id
     JOIN documents d ON d.id = a.doc_id";

/// Which version of each document a query reads: without a cut-off (`?N IS NULL`) the current
/// one; as of a date, the newest analysed version known by then, a version being known from
/// its modification date when the source gives one, else from its publication date (so a live
/// article updated on November 3 is read as of November 2 in its November 2 version).
fn version_as_of(n: usize) -> String {
    let known = |v: &str| {
        format!("substr(COALESCE(json_extract({v}.metadata, '$.modified'), {v}.published), 1, 10)")
    };
    format!(
        "((?{n} IS NULL AND d.current_version = v.version)
          OR (?{n} IS NOT NULL AND v.published IS NOT NULL AND {kv} <= ?{n}
              AND NOT EXISTS (SELECT 1 FROM versions v2 JOIN analyses a2 ON a2.version_id = v2.id
                              WHERE v2.doc_id = v.doc_id AND v2.version > v.version
                                AND v2.published IS NOT NULL AND {kv2} <= ?{n})))",
        kv = known("v"),
        kv2 = known("v2"),
    )
}

/// Versions with no analysis by the analyzer `?1` (whether each is its document's current one).
const PENDING: &str = "SELECT v.id, d.id, v.version = d.current_version FROM documents d
     JOIN versions v ON v.doc_id = d.id
     LEFT JOIN analyses a ON a.version_id = v.id
     WHERE (a.version_id IS NULL OR a.analyzer <> ?1)";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AnalysisRow> {
    Ok(AnalysisRow {
        version_id: r.get(0)?,
        doc_id: r.get(1)?,
        cluster: r.get(2)?,
        url: r.get(3)?,
        title: r.get(4)?,
        publisher: r.get(5)?,
        published: r.get(6)?,
        text: r.get(7)?,
        json: r.get(8)?,
        published_utc: r.get(9)?,
    })
}

impl SqliteStore {
    /// Versions with no analysis by `analyzer`, oldest first, at most `limit`: every version,
    /// not only the current one, so that a query as of a date before an update reads the
    /// version known then ([`version_as_of`]).
    pub fn pending_analysis(
        &self,
        analyzer: &str,
        limit: usize,
    ) -> Result<Vec<PendingVersion>, StoreError> {
        self.pending(
            &format!("{PENDING} ORDER BY v.id LIMIT ?2"),
            params![analyzer, limit as i64],
        )
    }

    /// The versions of one document not yet analysed by `analyzer`.
    pub fn pending_analysis_of(
        &self,
        analyzer: &str,
        doc_id: i64,
    ) -> Result<Vec<PendingVersion>, StoreError> {
        self.pending(
            &format!("{PENDING} AND d.id = ?2 ORDER BY v.id"),
            params![analyzer, doc_id],
        )
    }

    fn pending(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<PendingVersion>, StoreError> {
        let mut st = self.conn().prepare(sql)?;
        let rows = st
            .query_map(args, |r| {
                Ok(PendingVersion {
                    version_id: r.get(0)?,
                    doc_id: r.get(1)?,
                    current: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Store analyses, replacing earlier ones of the same versions (and their index rows), in
    /// one transaction.
    pub fn put_analyses(&mut self, items: &[AnalysisItem<'_>]) -> Result<(), StoreError> {
        let tx = self.conn_mut().transaction()?;
        {
            let mut del =
                tx.prepare_cached("DELETE FROM analysis_entities WHERE version_id = ?1")?;
            let mut del_names =
                tx.prepare_cached("DELETE FROM analysis_names WHERE version_id = ?1")?;
            let mut put = tx.prepare_cached(
                "INSERT INTO analyses (version_id, doc_id, analyzer, json) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (version_id) DO UPDATE SET analyzer = excluded.analyzer, json = excluded.json",
            )?;
            let mut ent = tx.prepare_cached(
                "INSERT OR IGNORE INTO analysis_entities (entity, version_id) VALUES (?1, ?2)",
            )?;
            let mut name = tx.prepare_cached(
                "INSERT OR IGNORE INTO analysis_names (name, entity, version_id) VALUES (?1, ?2, ?3)",
            )?;
            for it in items {
                del.execute([it.version_id])?;
                del_names.execute([it.version_id])?;
                put.execute(params![it.version_id, it.doc_id, it.analyzer, it.json])?;
                for e in &it.entities {
                    ent.execute(params![e, it.version_id])?;
                }
                for (n, e) in &it.names {
                    name.execute(params![n, e, it.version_id])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Entities of the analysis index that current versions call `key` (a normalised name: the
    /// names of groups the knowledge base does not know, acronyms included), the most often
    /// named first.
    pub fn entities_named(&self, key: &str) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT n.entity, count(*) AS c FROM analysis_names n
             JOIN versions v ON v.id = n.version_id
             JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version
             WHERE n.name = ?1 GROUP BY n.entity ORDER BY c DESC, n.entity",
        )?;
        let rows = st
            .query_map([key], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(rows)
    }

    /// The text, title and metadata of a version, for analysing it.
    pub fn version_text(&self, version_id: i64) -> Result<Option<VersionText>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT text, title, published, language FROM versions WHERE id = ?1",
                [version_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?)
    }

    /// Analyses that mention `entity`: of current versions, or as of `as_of` (see
    /// [`version_as_of`]) of the version known then, published on or before `as_of`
    /// (a `YYYY-MM-DD` date compared with the source's own local date), oldest first.
    pub fn analyses_for_entity(
        &self,
        entity: &str,
        as_of: Option<&str>,
    ) -> Result<Vec<AnalysisRow>, StoreError> {
        let sql = format!(
            "{ROW_SELECT} JOIN analysis_entities e ON e.version_id = a.version_id
             WHERE e.entity = ?1 AND {}",
            version_as_of(2)
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st
            .query_map(params![entity, as_of], row)?
            .collect::<Result<Vec<_>, _>>()?;
        // Sorted here, as `ORDER BY v.published_utc, a.doc_id` would (NULL first, bytewise): an
        // ORDER BY copies every whole row (text and JSON, megabytes for a big group) through a
        // temporary B-tree. (In UTC: local times of different zones do not order.)
        rows.sort_by(|x, y| (&x.published_utc, x.doc_id).cmp(&(&y.published_utc, y.doc_id)));
        Ok(rows)
    }

    /// All analyses of current versions, or as of `as_of` of the version of each document known
    /// then ([`version_as_of`]), oldest first.
    pub fn analyses(&self, as_of: Option<&str>) -> Result<Vec<AnalysisRow>, StoreError> {
        let sql = format!(
            "{ROW_SELECT} WHERE {}
             ORDER BY v.published_utc, a.doc_id",
            version_as_of(1)
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st
            .query_map(params![as_of], row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Entity ids in the analysis index with the number of current versions mentioning each.
    pub fn analysed_entities(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut st = self.conn().prepare(
            "SELECT e.entity, count(*) FROM analysis_entities e
             JOIN versions v ON v.id = e.version_id
             JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version
             GROUP BY e.entity ORDER BY e.entity",
        )?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Number of stored analyses by `analyzer` and of versions without one.
    pub fn analysis_counts(&self, analyzer: &str) -> Result<(i64, i64), StoreError> {
        Ok(self.conn().query_row(
            "SELECT
               (SELECT count(*) FROM analyses WHERE analyzer = ?1),
               (SELECT count(*) FROM documents d JOIN versions v ON v.doc_id = d.id
                LEFT JOIN analyses a ON a.version_id = v.id WHERE a.version_id IS NULL OR a.analyzer <> ?1)",
            [analyzer],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
}
