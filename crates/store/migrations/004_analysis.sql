-- Migration 4: per-version analysis (annotations and extraction) and the claim/event index used by
-- profiles. Owned by the extract/dossier work (issues 6 and 7).
CREATE TABLE analyses (
    version_id INTEGER PRIMARY KEY REFERENCES versions(id),
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    analyzer TEXT NOT NULL,             -- analyzer version; a new one re-analyses
    json TEXT NOT NULL
);
CREATE INDEX analyses_doc ON analyses(doc_id);
-- Which entities a version's analysis mentions (knowledge-base ids or 'new:<key>'), for profiles.
CREATE TABLE analysis_entities (
    entity TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions(id),
    PRIMARY KEY (entity, version_id)
) WITHOUT ROWID;
CREATE INDEX analysis_entities_version ON analysis_entities(version_id);
