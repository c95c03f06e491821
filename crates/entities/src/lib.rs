//! Entities: the curated knowledge base of armed groups and institutions, one-pass alias matching
//! over a document, discovery of new aliases ("Long Name (ACRONYM)", "X, also known as Y") and of
//! armed groups it does not know ("the militant group X").
//!
//! ```
//! let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
//! let matcher = dossier_entities::Matcher::new(&kb);
//! let found = matcher.find("The Islamic State – Khorasan Province (ISPK) claimed the attack.");
//! assert!(found.iter().all(|m| m.entity.as_str() == "iskp"));
//! ```

pub mod discover;
pub mod groups;
pub mod kb;
pub mod link;
pub mod matcher;
pub mod normalize;

pub use discover::{discover_aliases, DiscoveredAlias};
pub use groups::{new_groups, NewGroup};
pub use kb::{AliasSpec, Entity, Founded, KbError, KnowledgeBase, RelKind, Relation};
pub use link::{eval_predictions, link, link_document, new_key, LinkedDocument, Linker};
pub use matcher::Matcher;
