-- Migration 3: entities found in documents (knowledge-base entities and new ones), their mentions,
-- aliases with evidence, and merge/split records. Owned by the entities/linking work (issue 5).
CREATE TABLE entities (
    id TEXT PRIMARY KEY,                -- knowledge-base id ('iskp') or 'new:<key>@<doc id>'
    name TEXT NOT NULL,                 -- knowledge-base name, or the name as first written
    kind TEXT NOT NULL,                 -- 'GROUP', 'ORG', 'PERSON', … (the linked label)
    origin TEXT NOT NULL,               -- 'kb' or 'discovered'
    name_key TEXT NOT NULL,             -- normalised name ('wagner-group'); the id for kb entities
    doc_id INTEGER REFERENCES documents(id)  -- discovered: the document that named it
);
CREATE INDEX entities_key ON entities(name_key);
-- Linked mentions of one document version; replaced as a whole when the version is re-linked.
CREATE TABLE entity_mentions (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    start_byte INTEGER NOT NULL,        -- byte offsets into the version's text
    end_byte INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    basis TEXT NOT NULL,                -- 'alias', 'ner+alias', 'context', 'coreference', 'ner'
    evidence TEXT,
    coreference INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (version_id, start_byte)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
-- Aliases stated in documents ("X (Y)", "also known as"), with the sentence as evidence.
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    name TEXT NOT NULL,                 -- the other name of the pair, as written
    version_id INTEGER NOT NULL REFERENCES versions(id),
    sentence TEXT NOT NULL,
    pattern TEXT NOT NULL,
    keys TEXT NOT NULL,                 -- JSON array of the normalised keys of name and alias
    PRIMARY KEY (entity_id, alias, version_id)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_version ON entity_aliases(version_id);
-- Merges: `from_id` is the same actor as `into_id`. A split sets `undone_by`; the row stays, so
-- the store remembers why two entities were joined and that a user separated them again (an
-- undone pair is never merged automatically again).
CREATE TABLE entity_merges (
    id INTEGER PRIMARY KEY,
    from_id TEXT NOT NULL REFERENCES entities(id),
    into_id TEXT NOT NULL REFERENCES entities(id),
    reason TEXT NOT NULL,               -- 'same name', 'alias', 'user'
    alias TEXT,                         -- the name or alias that tied them
    version_id INTEGER REFERENCES versions(id),  -- the document version that gave the evidence
    detail TEXT,                        -- e.g. the sentence stating the alias
    created_by TEXT NOT NULL CHECK (created_by IN ('auto', 'user')),
    undone_by TEXT CHECK (undone_by IS NULL OR undone_by IN ('auto', 'user'))
);
CREATE INDEX entity_merges_from ON entity_merges(from_id);
CREATE INDEX entity_merges_into ON entity_merges(into_id);
