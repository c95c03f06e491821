//! The SQLite schema, as numbered migrations (applied in order, recorded in `user_version`).

use rusqlite_migration::{Migrations, M};

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        // 1: documents, versions, arrivals, near-duplicate index, full text.
        M::up(include_str!("../migrations/001_initial.sql")),
        // 2: cluster merges update by cluster id.
        M::up("CREATE INDEX documents_cluster ON documents(cluster);"),
        // 3: entities, mentions, aliases with evidence, merges (issue 5).
        M::up(include_str!("../migrations/003_entities.sql")),
        // 4: per-version analysis and the claim/event index (issues 6, 7).
        M::up(include_str!("../migrations/004_analysis.sql")),
        // 5: names of entities the knowledge base does not know, for resolving a dossier's name.
        M::up(include_str!("../migrations/005_analysis_names.sql")),
    ])
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
