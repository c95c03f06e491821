-- Migration 3: entities found in documents (knowledge-base entities and new ones), their mentions,
-- aliases with evidence, and merge/split records. Owned by the entities/linking work (issue 5).
CREATE TABLE entities (
    id TEXT PRIMARY KEY,                -- knowledge-base id ('ispk') or 'new:<slug>' for new ones
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    origin TEXT NOT NULL                -- 'kb' or 'discovered'
);
