-- Migration 1: documents, versions, arrivals, near-duplicate index, full text.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- 'url:<canonical url>' or 'sha256:<content hash>'
    url TEXT,
    current_version INTEGER NOT NULL,
    cluster INTEGER NOT NULL            -- near-duplicate cluster: smallest document id in it
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    published TEXT,                     -- as the source stated it, with its offset
    published_utc TEXT,
    published_precision TEXT,
    retrieved TEXT,
    language TEXT,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL,             -- JSON object
    UNIQUE (doc_id, version)
);
CREATE INDEX versions_hash ON versions(content_hash);
CREATE INDEX versions_published ON versions(published_utc);
CREATE TABLE arrivals (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    path TEXT NOT NULL,
    locator TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,
    PRIMARY KEY (version_id, path, locator)
) WITHOUT ROWID;
CREATE TABLE signatures (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
    sig BLOB NOT NULL
);
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (band, hash, doc_id)
) WITHOUT ROWID;
CREATE INDEX lsh_doc ON lsh_bands(doc_id);
CREATE TABLE near_duplicates (
    doc_a INTEGER NOT NULL REFERENCES documents(id),
    doc_b INTEGER NOT NULL REFERENCES documents(id),
    similarity REAL NOT NULL,
    PRIMARY KEY (doc_a, doc_b),
    CHECK (doc_a < doc_b)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE docs_fts USING fts5(
    title, text,
    content = 'versions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
