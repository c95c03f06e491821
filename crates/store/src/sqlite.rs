//! The embedded SQLite store: one file, WAL journal, migrations, FTS5 full-text index.

use crate::{
    minhash, schema, Arrival, DocSummary, ListFilter, NearDuplicate, PutOutcome, SearchHit, Stats,
    Store, StoreError, StoreTx, StoredDocument, VersionInfo,
};
use dossier_core::{content_hash, Document, Format, Provenance, TimePrecision, Timestamp};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;

/// A Dossier store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    pub(crate) conn: Connection,
    path: String,
}

impl SqliteStore {
    /// Open (or create) the store at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let label = path.display().to_string();
        let open_err = |e: rusqlite::Error| StoreError::Open {
            path: label.clone(),
            message: e.to_string(),
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(StoreError::Open {
                    path: label,
                    message: "its folder does not exist".into(),
                });
            }
        }
        let mut conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(open_err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Open {
                path: label,
                message: format!("cannot use WAL journal (got {mode})"),
            });
        }
        // A bounded page cache (32 MiB): memory stays flat however many documents arrive.
        conn.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;",
        )
        .map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration {
                path: label.clone(),
                message: e.to_string(),
            })?;
        Ok(SqliteStore { conn, path: label })
    }

    /// An in-memory store, for tests.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys=ON;")?;
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration {
                path: ":memory:".into(),
                message: e.to_string(),
            })?;
        Ok(SqliteStore {
            conn,
            path: ":memory:".into(),
        })
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// The connection, for the other store modules (analyses, entities).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// SQLite's own consistency check plus the FTS index check: `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let r: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if r != "ok" {
            return Err(StoreError::Corrupt(r));
        }
        self.conn.execute(
            "INSERT INTO docs_fts(docs_fts, rank) VALUES('integrity-check', 1)",
            [],
        )?;
        Ok(())
    }
}

/// A transaction on a [`SqliteStore`].
#[derive(Debug)]
pub struct SqliteTx<'a> {
    tx: Transaction<'a>,
    /// Versions written in this transaction and not yet in the full-text index. They are
    /// indexed in one statement at commit: FTS5 flushes its buffer at every statement that
    /// writes to it, so one insert per document would write one index segment per document.
    pending_fts: Vec<i64>,
}

impl Store for SqliteStore {
    type Tx<'a> = SqliteTx<'a>;

    fn begin(&mut self) -> Result<SqliteTx<'_>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(SqliteTx {
            tx,
            pending_fts: Vec::new(),
        })
    }

    fn list(&self, filter: &ListFilter) -> Result<Vec<DocSummary>, StoreError> {
        let before = filter.published_before.map(|t| t.utc_string());
        let limit = filter.limit.map_or(-1, |l| l as i64);
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, v.title, v.publisher, v.published, v.published_utc, d.url, v.language, v.format,
                    d.current_version, d.cluster
             FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.current_version
             WHERE ?1 IS NULL OR (v.published_utc IS NOT NULL AND v.published_utc <= ?1)
             ORDER BY d.id LIMIT ?2",
        )?;
        let rows = st.query_map(params![before, limit], |r| {
            Ok(DocSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                publisher: r.get(2)?,
                published: r.get(3)?,
                published_utc: r.get(4)?,
                url: r.get(5)?,
                language: r.get(6)?,
                format: r.get(7)?,
                version: r.get(8)?,
                cluster: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn get(&self, id: i64) -> Result<Option<StoredDocument>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT d.url, d.current_version, d.cluster, v.id, v.title, v.publisher, v.published,
                        v.published_precision, v.retrieved, v.language, v.format, v.text, v.metadata
                 FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.current_version
                 WHERE d.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, String>(11)?,
                        r.get::<_, String>(12)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            url,
            version,
            cluster,
            vid,
            title,
            publisher,
            published,
            precision,
            retrieved,
            language,
            format,
            text,
            metadata,
        )) = row
        else {
            return Ok(None);
        };
        let arrivals = self.arrivals(id)?;
        let first = arrivals.iter().find(|a| a.version == version);
        let provenance = first.map_or_else(Provenance::default, |a| Provenance {
            path: a.path.clone(),
            locator: a.locator.clone(),
        });
        let format = Format::parse(&format)
            .ok_or_else(|| StoreError::Corrupt(format!("version {vid}: format {format:?}")))?;
        let metadata = serde_json::from_str(&metadata)
            .map_err(|e| StoreError::Corrupt(format!("version {vid}: metadata: {e}")))?;
        let document = Document {
            url,
            title,
            publisher,
            published: published
                .as_deref()
                .and_then(|p| read_timestamp(p, precision.as_deref())),
            retrieved: retrieved
                .as_deref()
                .and_then(|p| read_timestamp(p, Some("second"))),
            language,
            format,
            provenance,
            text,
            metadata,
        };
        let mut st = self.conn.prepare_cached(
            "SELECT version, content_hash, title, published FROM versions WHERE doc_id = ?1 ORDER BY version",
        )?;
        let versions = st
            .query_map([id], |r| {
                Ok(VersionInfo {
                    version: r.get(0)?,
                    content_hash: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT CASE WHEN doc_a = ?1 THEN doc_b ELSE doc_a END, similarity FROM near_duplicates
             WHERE doc_a = ?1 OR doc_b = ?1 ORDER BY 1",
        )?;
        let near_duplicates = st
            .query_map([id], |r| {
                Ok(NearDuplicate {
                    id: r.get(0)?,
                    similarity: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredDocument {
            id,
            version,
            cluster,
            document,
            versions,
            near_duplicates,
            arrivals,
        }))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        match self.search_raw(query, limit) {
            Ok(h) => Ok(h),
            // Not FTS5 syntax: search the words as plain terms.
            Err(StoreError::Sqlite(_)) => {
                let quoted: Vec<String> = query
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .map(|w| format!("\"{}\"", w.replace('"', "")))
                    .collect();
                if quoted.is_empty() {
                    return Err(StoreError::BadQuery(query.to_string()));
                }
                self.search_raw(&quoted.join(" "), limit)
                    .map_err(|_| StoreError::BadQuery(query.to_string()))
            }
            Err(e) => Err(e),
        }
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM versions),
                    (SELECT count(DISTINCT cluster) FROM documents)",
            [],
            |r| {
                Ok(Stats {
                    documents: r.get(0)?,
                    versions: r.get(1)?,
                    clusters: r.get(2)?,
                })
            },
        )?)
    }
}

impl SqliteStore {
    fn search_raw(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT v.doc_id, v.title, v.published, snippet(docs_fts, 1, '[', ']', '…', 16), bm25(docs_fts)
             FROM docs_fts JOIN versions v ON v.id = docs_fts.rowid
             JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version
             WHERE docs_fts MATCH ?1 ORDER BY bm25(docs_fts), v.doc_id LIMIT ?2",
        )?;
        let hits = st
            .query_map(params![query, limit as i64], |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    snippet: r.get(3)?,
                    score: -r.get::<_, f64>(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(hits)
    }

    fn arrivals(&self, id: i64) -> Result<Vec<Arrival>, StoreError> {
        // `arrivals` is WITHOUT ROWID: ordered by its key.
        let mut st = self.conn.prepare_cached(
            "SELECT v.version, a.path, a.locator, a.format FROM arrivals a JOIN versions v ON v.id = a.version_id
             WHERE v.doc_id = ?1 ORDER BY v.version, a.path, a.locator",
        )?;
        let rows = st.query_map([id], |r| {
            let locator: String = r.get(2)?;
            Ok(Arrival {
                version: r.get(0)?,
                path: r.get(1)?,
                locator: (!locator.is_empty()).then_some(locator),
                format: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Rows read per LSH band when looking for near-duplicate candidates.
const CANDIDATES_PER_BAND: i64 = 32;
/// Candidates whose signatures are compared, best band overlap first.
const MAX_VERIFIED: usize = 16;

fn read_timestamp(s: &str, precision: Option<&str>) -> Option<Timestamp> {
    let mut t = Timestamp::parse_local(s)?;
    t.precision = match precision {
        Some("day") => TimePrecision::Day,
        Some("minute") => TimePrecision::Minute,
        _ if t.precision == TimePrecision::Day => TimePrecision::Day,
        _ => TimePrecision::Second,
    };
    Some(t)
}

fn precision_str(p: TimePrecision) -> &'static str {
    match p {
        TimePrecision::Day => "day",
        TimePrecision::Minute => "minute",
        TimePrecision::Second => "second",
    }
}

impl SqliteTx<'_> {
    /// Execute a cached statement.
    fn exec<P: rusqlite::Params>(&self, sql: &str, p: P) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(p)
    }

    /// One row from a cached statement.
    fn row<T, P, F>(&self, sql: &str, p: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.tx.prepare_cached(sql)?.query_row(p, f)
    }

    fn insert_version(
        &mut self,
        doc_id: i64,
        version: i64,
        hash: &str,
        doc: &Document,
    ) -> Result<i64, StoreError> {
        let metadata =
            serde_json::to_string(&doc.metadata).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.exec(
            "INSERT INTO versions (doc_id, version, content_hash, title, publisher, published, published_utc,
                                   published_precision, retrieved, language, format, text, metadata)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                doc_id,
                version,
                hash,
                doc.title,
                doc.publisher,
                doc.published.map(|t| t.local_string()),
                doc.published.map(|t| t.utc_string()),
                doc.published.map(|t| precision_str(t.precision)),
                doc.retrieved.map(|t| t.local_string()),
                doc.language,
                doc.format.as_str(),
                doc.text,
                metadata,
            ],
        )?;
        let vid = self.tx.last_insert_rowid();
        self.pending_fts.push(vid);
        self.arrive(vid, doc)?;
        Ok(vid)
    }

    fn arrive(&self, version_id: i64, doc: &Document) -> Result<(), StoreError> {
        self.exec(
            "INSERT OR IGNORE INTO arrivals (version_id, path, locator, format) VALUES (?1, ?2, ?3, ?4)",
            params![version_id, doc.provenance.path, doc.provenance.locator.as_deref().unwrap_or(""), doc.format.as_str()],
        )?;
        Ok(())
    }

    /// Store the signature of `doc_id`'s current text and link it to its near-duplicates.
    /// Returns the most similar earlier document, if any.
    fn link_near_duplicates(&self, doc_id: i64, text: &str) -> Result<Option<i64>, StoreError> {
        self.exec("DELETE FROM lsh_bands WHERE doc_id = ?1", [doc_id])?;
        self.exec("DELETE FROM signatures WHERE doc_id = ?1", [doc_id])?;
        // A new version's text: its old near-duplicate links go, and the cluster it was in is
        // split again where nothing else holds it together (the same current texts give the
        // same clusters, whatever the history).
        self.unlink_near_duplicates(doc_id)?;
        let Some(sig) = minhash::signature(text) else {
            return Ok(None);
        };
        let bands = minhash::bands(&sig);
        // Candidates share at least one band; the more bands, the more similar. A story
        // syndicated hundreds of times must not make every new copy compare with every old
        // one, so each band yields its most recent few and only the best few are verified.
        let mut hits: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
        {
            let mut st = self.tx.prepare_cached(
                "SELECT doc_id FROM lsh_bands WHERE band = ?1 AND hash = ?2 ORDER BY doc_id DESC LIMIT ?3",
            )?;
            for (b, h) in &bands {
                for id in
                    st.query_map(params![b, h, CANDIDATES_PER_BAND], |r| r.get::<_, i64>(0))?
                {
                    *hits.entry(id?).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(usize, i64)> = hits.into_iter().map(|(id, n)| (n, id)).collect();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.truncate(MAX_VERIFIED);
        let mut candidates: Vec<i64> = candidates.into_iter().map(|(_, id)| id).collect();
        candidates.sort_unstable();
        let mut best: Option<(f64, i64)> = None;
        let mut clusters: Vec<i64> = Vec::new();
        for other in candidates.into_iter().filter(|o| *o != doc_id) {
            let blob: Vec<u8> = self.row(
                "SELECT sig FROM signatures WHERE doc_id = ?1",
                [other],
                |r| r.get(0),
            )?;
            let sim = minhash::similarity(&sig, &minhash::from_bytes(&blob));
            if sim < minhash::THRESHOLD {
                continue;
            }
            let (a, b) = (doc_id.min(other), doc_id.max(other));
            self.exec(
                "INSERT INTO near_duplicates (doc_a, doc_b, similarity) VALUES (?1, ?2, ?3)
                 ON CONFLICT (doc_a, doc_b) DO UPDATE SET similarity = excluded.similarity",
                params![a, b, sim],
            )?;
            clusters.push(self.row(
                "SELECT cluster FROM documents WHERE id = ?1",
                [other],
                |r| r.get(0),
            )?);
            if best.is_none_or(|(s, _)| sim > s) {
                best = Some((sim, other));
            }
        }
        self.exec(
            "INSERT INTO signatures (doc_id, sig) VALUES (?1, ?2)",
            params![doc_id, minhash::to_bytes(&sig)],
        )?;
        {
            let mut st = self.tx.prepare_cached(
                "INSERT OR IGNORE INTO lsh_bands (band, hash, doc_id) VALUES (?1, ?2, ?3)",
            )?;
            for (b, h) in &bands {
                st.execute(params![b, h, doc_id])?;
            }
        }
        if !clusters.is_empty() {
            let own: i64 = self.row(
                "SELECT cluster FROM documents WHERE id = ?1",
                [doc_id],
                |r| r.get(0),
            )?;
            clusters.push(own);
            let target = clusters.iter().copied().min().unwrap_or(own);
            for c in clusters {
                if c != target {
                    self.exec(
                        "UPDATE documents SET cluster = ?1 WHERE cluster = ?2",
                        params![target, c],
                    )?;
                }
            }
        }
        Ok(best.map(|(_, id)| id))
    }

    /// Drops a document's near-duplicate links and recomputes the clusters of the cluster it
    /// was in: each connected part of what remains gets its smallest document id.
    fn unlink_near_duplicates(&self, doc_id: i64) -> Result<(), StoreError> {
        let linked: i64 = self.row(
            "SELECT count(*) FROM near_duplicates WHERE doc_a = ?1 OR doc_b = ?1",
            [doc_id],
            |r| r.get(0),
        )?;
        if linked == 0 {
            return Ok(());
        }
        self.exec(
            "DELETE FROM near_duplicates WHERE doc_a = ?1 OR doc_b = ?1",
            [doc_id],
        )?;
        let cluster: i64 = self.row(
            "SELECT cluster FROM documents WHERE id = ?1",
            [doc_id],
            |r| r.get(0),
        )?;
        let members: Vec<i64> = {
            let mut st = self
                .tx
                .prepare_cached("SELECT id FROM documents WHERE cluster = ?1 ORDER BY id")?;
            let rows = st.query_map([cluster], |r| r.get::<_, i64>(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let edges: Vec<(i64, i64)> = {
            let mut st = self.tx.prepare_cached(
                "SELECT n.doc_a, n.doc_b FROM near_duplicates n
                 JOIN documents a ON a.id = n.doc_a JOIN documents b ON b.id = n.doc_b
                 WHERE a.cluster = ?1 AND b.cluster = ?1",
            )?;
            let rows = st.query_map([cluster], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        // Union-find over the members, each part rooted at its smallest id.
        let mut root: std::collections::BTreeMap<i64, i64> =
            members.iter().map(|&m| (m, m)).collect();
        fn find(root: &mut std::collections::BTreeMap<i64, i64>, x: i64) -> i64 {
            let mut r = x;
            while let Some(&p) = root.get(&r) {
                if p == r {
                    break;
                }
                r = p;
            }
            root.insert(x, r);
            r
        }
        for (a, b) in edges {
            let (ra, rb) = (find(&mut root, a), find(&mut root, b));
            if ra != rb {
                root.insert(ra.max(rb), ra.min(rb));
            }
        }
        for &m in &members {
            let r = find(&mut root, m);
            if r != cluster || m == doc_id {
                self.exec(
                    "UPDATE documents SET cluster = ?1 WHERE id = ?2",
                    params![r, m],
                )?;
            }
        }
        Ok(())
    }
}

impl StoreTx for SqliteTx<'_> {
    fn put(&mut self, doc: &Document) -> Result<PutOutcome, StoreError> {
        let hash = content_hash(&doc.text);
        let key = match &doc.url {
            Some(u) => format!("url:{u}"),
            None => format!("sha256:{hash}"),
        };
        let known: Option<(i64, i64)> = self
            .row(
                "SELECT id, current_version FROM documents WHERE key = ?1",
                [&key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, current)) = known {
            let same: Option<i64> = self
                .row(
                    "SELECT id FROM versions WHERE doc_id = ?1 AND content_hash = ?2",
                    params![id, hash],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(vid) = same {
                self.arrive(vid, doc)?;
                return Ok(PutOutcome::Duplicate { id });
            }
            // A changed text under the same URL: a new version; the old one stays (and stays
            // in the full-text index, where searches skip versions that are not current).
            let version = current + 1;
            self.insert_version(id, version, &hash, doc)?;
            self.exec(
                "UPDATE documents SET current_version = ?1 WHERE id = ?2",
                params![version, id],
            )?;
            self.link_near_duplicates(id, &doc.text)?;
            return Ok(PutOutcome::Updated { id, version });
        }
        // The same text already stored: the same article, unless both carry different URLs
        // (then it is a syndicated copy: a document of its own, linked as a near-duplicate).
        let same_text: Option<(i64, i64, Option<String>)> = self
            .row(
                "SELECT d.id, v.id, d.url FROM versions v JOIN documents d ON d.id = v.doc_id
                 WHERE v.content_hash = ?1 ORDER BY d.id LIMIT 1",
                [&hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((id, vid, other_url)) = same_text {
            if doc.url.is_none() || other_url.is_none() {
                if other_url.is_none() {
                    if let Some(u) = &doc.url {
                        // It now has a URL: that becomes its key.
                        self.exec(
                            "UPDATE documents SET key = ?1, url = ?2 WHERE id = ?3",
                            params![key, u, id],
                        )?;
                    }
                }
                self.arrive(vid, doc)?;
                return Ok(PutOutcome::Duplicate { id });
            }
        }
        let next_id: i64 = self.row("SELECT coalesce(max(id), 0) + 1 FROM documents", [], |r| {
            r.get(0)
        })?;
        self.exec(
            "INSERT INTO documents (id, key, url, current_version, cluster) VALUES (?1, ?2, ?3, 1, ?1)",
            params![next_id, key, doc.url],
        )?;
        self.insert_version(next_id, 1, &hash, doc)?;
        let near = self.link_near_duplicates(next_id, &doc.text)?;
        Ok(PutOutcome::New {
            id: next_id,
            near_duplicate_of: near,
        })
    }

    fn commit(self) -> Result<(), StoreError> {
        if !self.pending_fts.is_empty() {
            let ids = serde_json::to_string(&self.pending_fts)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            self.exec(
                "INSERT INTO docs_fts (rowid, title, text)
                 SELECT id, coalesce(title, ''), text FROM versions
                 WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
                [ids],
            )?;
        }
        self.tx.commit()?;
        Ok(())
    }
}
