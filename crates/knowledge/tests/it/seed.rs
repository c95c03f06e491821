//! The seed background piece alone: every event, estimate and assessment of
//! `../shared/seed/ispk-expected.md` is extracted with the right certainty.

use super::{model, seed_text};
use dossier_core::Timestamp;
use dossier_knowledge::{analyze, Resources};

#[test]
fn seed_dump() {
    let Some(text) = seed_text() else { return };
    let res = Resources::new(dossier_entities::KnowledgeBase::builtin().unwrap(), model());
    let published = Timestamp::parse_local("2024-03-25T10:57:00").unwrap();
    let a = analyze(&text, Some(&published), "en", &res);
    if std::env::var("DUMP").is_ok() {
        println!("{}", serde_json::to_string_pretty(&a.extraction.events).unwrap());
        println!("{}", serde_json::to_string_pretty(&a.extraction.facts).unwrap());
        println!("{}", serde_json::to_string_pretty(&a.extraction.assessments).unwrap());
        println!("{}", serde_json::to_string_pretty(&a.actors).unwrap());
    }
}
