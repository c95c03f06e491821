//! Integration tests of dossier-entities: the shipped knowledge base validates, the matcher finds
//! the ISPK seed's entities and respects the context rules, alias discovery works on the seed.

use dossier_core::kb::{AliasKind, KbCategory, MatchBasis};
use dossier_entities::{discover_aliases, KnowledgeBase, Matcher};
use std::collections::BTreeSet;
use std::sync::OnceLock;

mod link;

const SEED: &str = "/work/shared/seed/ispk-background.txt";

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::builtin().expect("builtin KB loads"))
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(kb()))
}

fn ids(text: &str) -> BTreeSet<String> {
    matcher()
        .find(text)
        .into_iter()
        .map(|m| m.entity.0)
        .collect()
}

fn seed() -> Option<String> {
    std::fs::read_to_string(SEED).ok()
}

#[test]
fn builtin_kb_validates() {
    let kb = KnowledgeBase::parse_unvalidated(&[
        (
            "armed-groups.toml",
            include_str!("../../../../data/kb/armed-groups.toml"),
        ),
        (
            "institutions.toml",
            include_str!("../../../../data/kb/institutions.toml"),
        ),
    ])
    .unwrap();
    let errors = kb.validate();
    assert!(errors.is_empty(), "{errors:#?}");
    let groups = kb.of_category(KbCategory::ArmedGroup).count();
    assert!(groups >= 80, "only {groups} armed groups");
    assert!(kb.of_category(KbCategory::Institution).count() >= 10);
    for e in kb.entities() {
        assert!(
            e.wikidata.is_some() || e.todo.as_deref().is_some_and(|t| t.contains("wikidata")),
            "{} has no wikidata id and no todo saying so",
            e.id
        );
    }
}

#[test]
fn from_dir_loads_the_repo_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/kb");
    let kb = KnowledgeBase::from_dir(&dir).unwrap();
    assert_eq!(
        kb.entities().len(),
        KnowledgeBase::builtin().unwrap().entities().len()
    );
}

#[test]
fn validation_catches_errors() {
    let bad = r#"
[[group]]
id = "a"
name = "Alpha Front"
kind = "militia"
aliases = ["AF1"]
relations = [{ type = "part_of", target = "nowhere" }]
sources = ["test"]

[[group]]
id = "a"
name = "Gamma Front"
kind = "militia"
sources = ["test"]

[[group]]
id = "b"
name = "Beta Front"
kind = "militia"
aliases = ["AF1", { name = "BF", ambiguous = true }]
wikidata = "Q0x"
sources = ["test"]
"#;
    let kb = KnowledgeBase::parse_unvalidated(&[("bad.toml", bad)]).unwrap();
    let errs: Vec<String> = kb.validate().iter().map(|e| e.to_string()).collect();
    let all = errs.join("\n");
    assert!(all.contains("duplicate entity id"), "{all}");
    assert!(all.contains("unknown id \"nowhere\""), "{all}");
    assert!(all.contains("shared by"), "{all}");
    assert!(all.contains("wikidata"), "{all}");
    assert!(KnowledgeBase::from_toml(&[("bad.toml", bad)]).is_err());
    assert!(KnowledgeBase::from_toml(&[("broken.toml", "[[group]\nid=")]).is_err());
}

#[test]
fn shared_alias_allowed_when_flagged_ambiguous_in_both() {
    let ok = r#"
[[group]]
id = "a"
name = "Alpha Front"
kind = "militia"
aliases = [{ name = "AF", ambiguous = true }]
sources = ["test"]

[[group]]
id = "b"
name = "Beta Front"
kind = "militia"
aliases = [{ name = "AF", ambiguous = true }]
sources = ["test"]
"#;
    assert!(KnowledgeBase::from_toml(&[("ok.toml", ok)]).is_ok());
}

#[test]
fn seed_yields_iskp_is_and_taliban() {
    let Some(text) = seed() else {
        eprintln!("seed not found at {SEED}; skipped");
        return;
    };
    let found = matcher().find(&text);
    let has = |id: &str, alias: &str| {
        found
            .iter()
            .any(|m| m.entity.as_str() == id && m.alias == alias)
    };
    assert!(has("iskp", "ISPK"), "{found:#?}");
    assert!(has("iskp", "Islamic State – Khorasan Province"));
    assert!(has("islamic-state", "Islamic State"));
    assert!(has("islamic-state", "IS"));
    assert!(has("taliban", "Taliban"));
    assert!(has("csto", "CSTO"));
    assert!(has(
        "washington-institute",
        "Washington Institute for Near East Policy"
    ));
    // "IS" was accepted because of context, and every match's span covers its text.
    for m in &found {
        assert_eq!(m.span.slice(&text), Some(m.text.as_str()));
        if m.alias == "IS" {
            assert!(matches!(m.basis, MatchBasis::Context(_)));
            assert_eq!(m.kind, AliasKind::Acronym);
        }
    }
    // "Islamic State" inside the ISKP name is not a separate match.
    let long = found
        .iter()
        .find(|m| m.alias == "Islamic State – Khorasan Province")
        .unwrap();
    assert!(!found
        .iter()
        .any(|m| m.span.start == long.span.start && m.entity.as_str() == "islamic-state"));
    // No lower-case "is" anywhere.
    assert!(found.iter().all(|m| m.text != "is" && m.text != "Is"));
}

#[test]
fn is_needs_context() {
    let plain = "IS the best. The IS department said the server IS down; this is fine. THIS IS IT.";
    assert!(ids(plain).is_empty(), "{:?}", matcher().find(plain));
    let shouted = "The jihadist threat. WHAT IS NEXT FOR EUROPE?";
    assert!(ids(shouted).is_empty(), "{:?}", matcher().find(shouted));
    assert!(ids("The monitoring team visited the school.").is_empty());
    assert!(ids("The UN Security Council's Monitoring Team said").contains("un-monitoring-team"));
    let with_context = "The jihadist group IS claimed the attack in Raqqa.";
    assert!(ids(with_context).contains("islamic-state"));
    let with_province = "ISWAP fighters attacked. IS said in a statement that its fighters ...";
    let found = matcher().find(with_province);
    assert!(found.iter().any(|m| m.alias == "IS"), "{found:#?}");
    // Never inside words.
    assert!(ids("THIS and ISLAND and ISX and MISS").is_empty());
    let inside = matcher().find("THESIS ISLAND jihadist");
    assert!(inside.is_empty(), "{inside:#?}");
}

#[test]
fn dash_quote_and_case_insensitive_names() {
    for t in [
        "Islamic State-Khorasan Province claimed it.",
        "Islamic State — Khorasan Province claimed it.",
        "islamic state khorasan province claimed it.",
        "the ISIS-K cell",
        "the IS-K cell",
        "ISKP said",
    ] {
        let f = matcher().find(t);
        assert_eq!(f.len(), 1, "{t}: {f:#?}");
        assert_eq!(f[0].entity.as_str(), "iskp", "{t}");
    }
    // Acronyms are case-sensitive.
    assert!(ids("the ispk said").is_empty());
    // Transliteration variants.
    for t in ["al-Qaeda", "al-Qaida", "Al Qaida", "al-Qa’ida", "al-Kaida"] {
        assert_eq!(ids(t), BTreeSet::from(["al-qaeda".to_string()]), "{t}");
    }
    for t in ["al-Shabaab", "al-Shabab", "Al-Schabab"] {
        assert_eq!(ids(t), BTreeSet::from(["al-shabaab".to_string()]), "{t}");
    }
    assert_eq!(
        ids("Hay’at Tahrir al-Sham"),
        BTreeSet::from(["hts".to_string()])
    );
}

#[test]
fn german_aliases_match() {
    let t = "Der afghanische IS-Ableger, der Islamische Staat Provinz Khorasan (ISPK), \
             bekannte sich. Auch die Terrormiliz Islamischer Staat und die pakistanische Taliban \
             sowie die Hisbollah und die Arbeiterpartei Kurdistans wurden erwähnt. \
             Der Generalbundesanwalt ermittelt.";
    let got = ids(t);
    for id in ["iskp", "islamic-state", "ttp", "hezbollah", "pkk", "gba"] {
        assert!(got.contains(id), "{id} missing from {got:?}");
    }
    let t2 = "Ermittler sprechen vom Islamischer Staat Provinz Khorasan. Der afghanische IS-Ableger gilt als gefährlich.";
    let found = matcher().find(t2);
    assert!(found
        .iter()
        .any(|m| m.kind == AliasKind::Description && m.entity.as_str() == "iskp"));
}

#[test]
fn german_declined_forms() {
    let t = "Kämpfer des Islamischen Staates Provinz Khorasan und ISPK-Anhänger; die Taliban-Regierung.";
    let f = matcher().find(t);
    assert_eq!(f.len(), 3, "{f:#?}");
    assert!(f[..2].iter().all(|m| m.entity.as_str() == "iskp"));
    assert_eq!(f[1].text, "ISPK");
    assert_eq!(f[2].entity.as_str(), "taliban");
}

#[test]
fn descriptions_need_the_entity() {
    assert!(ids("Der afghanische IS-Ableger gilt als gefährlich.").is_empty());
}

#[test]
fn ambiguous_acronyms_need_context() {
    assert!(ids("Our ETA is 5 pm.").is_empty());
    assert!(ids("ETA announced a ceasefire in the Basque Country.").contains("eta"));
    assert!(ids("The SDF said on Monday.").is_empty());
    assert!(ids("The SDF said the Raqqa operation is over.").contains("sdf"));
}

#[test]
fn lookup_by_any_name() {
    for q in [
        "ISKP",
        "iskp",
        "ISIS-K",
        "IS-K",
        "Islamic State Khorasan Province",
        "Islamic State – Khorasan Province",
        "ISPK",
    ] {
        let hits = kb().lookup(q);
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].id, "iskp", "{q}");
    }
    assert!(kb().lookup("no such group").is_empty());
    let iskp = kb().get("iskp").unwrap();
    assert!(iskp
        .relations
        .iter()
        .any(|r| r.target == "islamic-state" && r.kind == dossier_entities::RelKind::PartOf));
    assert!(iskp.relations.iter().any(|r| r.target == "taliban"));
}

#[test]
fn discovery_on_seed() {
    let Some(text) = seed() else {
        eprintln!("seed not found at {SEED}; skipped");
        return;
    };
    let found = discover_aliases(&text);
    let d = found
        .iter()
        .find(|d| d.alias == "ISPK")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(d.name, "Islamic State – Khorasan Province");
    let sentence = d.sentence.slice(&text).unwrap();
    assert!(
        sentence.starts_with("But the organization was never really destroyed"),
        "{sentence}"
    );
    assert!(
        sentence.ends_with("who had since come to power."),
        "{sentence}"
    );
    assert_eq!(d.name_span.slice(&text), Some(d.name.as_str()));
    assert_eq!(d.alias_span.slice(&text), Some("ISPK"));
    // "Islamic State" ("IS") is stated too.
    assert!(
        found
            .iter()
            .any(|d| d.alias == "IS" && d.name == "Islamic State"),
        "{found:#?}"
    );
}

#[test]
fn discovered_aliases_resolve_to_kb_entities() {
    let t =
        "Fighters of the Islamic State – Khorasan Province (ISPK) and of the Grey Front (GF) met.";
    let d = discover_aliases(t);
    let ispk = d.iter().find(|d| d.alias == "ISPK").unwrap();
    assert_eq!(
        kb().resolve_discovered(ispk).map(|e| e.id.as_str()),
        Some("iskp")
    );
    let gf = d.iter().find(|d| d.alias == "GF").unwrap();
    assert!(kb().resolve_discovered(gf).is_none());
}

#[test]
fn kind_filter() {
    assert!(kb().with_kind("jihadist").count() >= 40);
    assert!(kb().with_kind("institution").count() >= 10);
    assert!(kb()
        .with_kind("private military")
        .any(|e| e.id == "wagner-group"));
}

#[test]
fn discovery_patterns() {
    let t = "The Islamic State, also known as ISIS, lost Mosul. Ansar Allah, commonly called the Houthis, fired missiles. \
             The Haqqani network, also called the Haqqanis, is based in Khost.";
    let d = discover_aliases(t);
    assert!(
        d.iter()
            .any(|d| d.name == "Islamic State" && d.alias == "ISIS"),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|d| d.name == "Ansar Allah" && d.alias == "Houthis"),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|d| d.name == "Haqqani network" || d.alias == "Haqqanis"),
        "{d:#?}"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn matcher_never_panics(s in "\\PC{0,200}") {
            let found = matcher().find(&s);
            for m in found {
                prop_assert!(s.get(m.span.start..m.span.end).is_some());
            }
        }

        #[test]
        fn matcher_never_panics_near_aliases(
            parts in proptest::collection::vec(prop_oneof![
                Just("IS".to_string()), Just("Islamic State – Khorasan Province".to_string()),
                Just("ß".to_string()), Just("–".to_string()), Just(" ".to_string()), Just("’".to_string()),
                Just("(ISPK)".to_string()), Just("al-Qaida".to_string()), Just("É".to_string()),
                "\\PC{0,5}",
            ], 0..20)
        ) {
            let s: String = parts.concat();
            for m in matcher().find(&s) {
                prop_assert!(s.get(m.span.start..m.span.end).is_some());
            }
            for d in discover_aliases(&s) {
                prop_assert!(d.sentence.slice(&s).is_some());
                prop_assert!(d.name_span.slice(&s).is_some());
            }
        }

        #[test]
        fn discovery_never_panics(s in "\\PC{0,300}") {
            let _ = discover_aliases(&s);
        }
    }
}

/// Throughput of the matcher; run with `cargo test -p dossier-entities --release -- --ignored --nocapture speed`.
#[test]
#[ignore]
fn speed() {
    let base = seed().unwrap_or_else(|| {
        "The Islamic State – Khorasan Province (ISPK) and the Taliban. ".repeat(50)
    });
    let mut text = String::new();
    while text.len() < 8_000_000 {
        text.push_str(&base);
        text.push('\n');
    }
    let m = matcher();
    let t0 = std::time::Instant::now();
    let n = m.find(&text).len();
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "matcher: {} patterns, {:.1} MB in {:.3} s = {:.1} MB/s ({n} matches)",
        m.pattern_count(),
        text.len() as f64 / 1e6,
        secs,
        text.len() as f64 / 1e6 / secs
    );
}
