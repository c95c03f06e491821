-- Migration 4: per-version analysis (annotations and extraction) and the claim/event index used by
-- profiles. Owned by the extract/dossier work (issues 6 and 7).
CREATE TABLE analyses (
    version_id INTEGER PRIMARY KEY REFERENCES versions(id),
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    analyzer TEXT NOT NULL,             -- analyzer version; a new one re-analyses
    json TEXT NOT NULL
);
