-- Migration 5: the names analyses give entities the knowledge base does not know ("TJP" for
-- 'new:tehreek-e-jihad-pakistan'), normalised, so that a dossier can be asked for by any of them.
CREATE TABLE analysis_names (
    name TEXT NOT NULL,
    entity TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions(id),
    PRIMARY KEY (name, entity, version_id)
) WITHOUT ROWID;
CREATE INDEX analysis_names_version ON analysis_names(version_id);
