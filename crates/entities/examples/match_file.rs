//! Print the knowledge-base alias matches and discovered aliases of a text file:
//! `cargo run -p dossier-entities --example match_file -- FILE`.

use dossier_entities::{discover_aliases, KnowledgeBase, Matcher};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: match_file FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let kb = KnowledgeBase::builtin()?;
    let matcher = Matcher::new(&kb);
    for m in matcher.find(&text) {
        println!(
            "{:>6}..{:<6} {:<22} {:<40} {:?}",
            m.span.start, m.span.end, m.entity, m.text, m.basis
        );
    }
    for d in discover_aliases(&text) {
        println!("alias: {:?} = {:?} ({})", d.alias, d.name, d.pattern);
    }
    Ok(())
}
