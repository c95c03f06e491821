//! The seed background piece alone: every item of `../shared/seed/ispk-expected.md` appears in
//! the dossier with its source sentence and the right certainty.

use super::{build_store, model, shared};
use dossier_knowledge::dossier::{Citation, Dossier, Event};

fn seed_dossier() -> Option<(Dossier, String)> {
    let ner = model()?;
    let path = shared().join("seed/ispk-background.txt");
    let (store, kb, _dir) = build_store(std::slice::from_ref(&path), Some(ner));
    let d = dossier_knowledge::profile(&store, &kb, "ISPK", None).unwrap();
    // Citations point into the stored text (ingest removed the title line and metadata).
    let text = dossier_store::Store::get(&store, d.sources[0].id)
        .unwrap()
        .unwrap()
        .document
        .text;
    // Every name users know resolves to the same entity.
    for name in [
        "ISKP",
        "IS-K",
        "ISIS-K",
        "Islamic State Khorasan Province",
        "islamic state – khorasan province",
        "ISPK",
    ] {
        assert_eq!(
            dossier_knowledge::resolve(&kb, &store, name).unwrap(),
            d.entity.id,
            "{name}"
        );
    }
    Some((d, text))
}

fn cited(sources: &[Citation], text: &str, what: &str) {
    assert!(!sources.is_empty(), "{what}: no citation");
    for c in sources {
        assert!(!c.quote.is_empty(), "{what}: empty quote");
        assert_eq!(
            &text[c.span[0]..c.span[1]],
            c.quote,
            "{what}: quote is not the text at its span"
        );
    }
}

fn event<'a>(d: &'a Dossier, kind: &str, place: &str) -> &'a Event {
    d.events
        .iter()
        .find(|e| e.kind == kind && e.place.as_ref().is_some_and(|p| p.name == place))
        .unwrap_or_else(|| {
            panic!(
                "no {kind} in {place}: {:#?}",
                d.events.iter().map(|e| &e.title).collect::<Vec<_>>()
            )
        })
}

#[test]
fn seed_dossier_has_every_expected_item() {
    let Some((d, text)) = seed_dossier() else {
        return;
    };
    assert_eq!(d.entity.id, "iskp");
    let names: Vec<&str> = d.entity.aliases.iter().map(|a| a.name.as_str()).collect();
    for n in [
        "ISPK",
        "Islamic State – Khorasan Province",
        "Khorasan Province",
    ] {
        let a = d
            .entity
            .aliases
            .iter()
            .find(|a| a.name == n)
            .unwrap_or_else(|| panic!("alias {n} missing: {names:?}"));
        cited(&a.sources, &text, n);
    }
    assert!(d.entity.kind.contains("jihadist") || d.entity.kind.contains("group"));

    // Identity facts.
    let founded = d
        .facts
        .iter()
        .find(|f| f.predicate == "founded")
        .expect("founded");
    assert_eq!(founded.time.as_deref(), Some("2014"));
    cited(&founded.sources, &text, "founded");
    let meaning = d
        .facts
        .iter()
        .find(|f| f.predicate == "name_meaning")
        .expect("name meaning");
    assert!(meaning
        .value
        .as_deref()
        .unwrap()
        .contains("historical region"));

    // Relations.
    let rel = |r: &str, name: &str| {
        d.relations
            .iter()
            .find(|x| x.relation == r && x.entity.name.contains(name))
            .unwrap_or_else(|| panic!("{r} {name} missing"))
    };
    let part = rel("part_of", "Islamic State");
    assert_eq!(part.entity.id, "islamic-state");
    cited(&part.sources, &text, "part_of");
    assert_eq!(rel("rival_of", "Taliban").entity.id, "taliban");
    assert_eq!(
        rel("active_in", "Afghanistan").time.as_deref(),
        Some("2015")
    );
    for p in ["Central Asia", "Tajikistan", "Afghanistan"] {
        cited(&rel("recruits_in", p).sources, &text, p);
    }
    // "according to initial findings" governs the Tajikistan clause only.
    assert_eq!(rel("recruits_in", "Tajikistan").certainty, "suspected");

    // Figures: a range with its source, never one number.
    let members = d
        .estimates
        .iter()
        .find(|e| e.quantity == "members")
        .expect("members");
    assert_eq!((members.min, members.max), (Some(1500.0), Some(6000.0)));
    assert!(members
        .attributed_to
        .as_ref()
        .and_then(|p| p.name.as_deref())
        .unwrap()
        .contains("UN"));
    assert_eq!(members.certainty, "estimated");
    let planned = d
        .estimates
        .iter()
        .find(|e| e.quantity == "attacks_planned")
        .expect("attacks planned");
    assert_eq!(
        (planned.min, planned.max, planned.time.as_deref()),
        (Some(21.0), Some(21.0), Some("2023"))
    );
    assert!(planned.context.as_deref().unwrap().contains("nine"));
    assert!(planned
        .attributed_to
        .as_ref()
        .and_then(|p| p.name.as_deref())
        .unwrap()
        .contains("Washington Institute"));

    // Events, with date and precision, place, role and certainty.
    let moscow = event(&d, "attack", "Moscow");
    assert_eq!(
        moscow.responsibility.as_deref(),
        Some("suspected"),
        "suspected, not claimed"
    );
    let md = moscow.date.as_ref().unwrap();
    assert_eq!(
        (md.modifier.as_deref(), md.latest.as_deref()),
        (Some("BEFORE"), Some("2024-03-25"))
    );
    cited(&moscow.sources, &text, "Moscow attack");

    let gera = event(&d, "arrest", "Gera");
    let gd = gera.date.as_ref().unwrap();
    assert_eq!(
        (
            gd.value.as_str(),
            gd.precision.as_str(),
            gd.earliest.as_deref()
        ),
        ("2024-W12", "week", Some("2024-03-18"))
    );
    assert_eq!(gera.certainty, "stated");
    let stockholm = event(&d, "plot", "Stockholm");
    assert_eq!(
        stockholm.certainty, "alleged",
        "said to have planned stays alleged"
    );
    assert!(stockholm
        .participants
        .iter()
        .any(|p| p.role == "target" && p.text.contains("Swedish parliament")));

    let austria = event(&d, "arrest", "Austria");
    let ad = austria.date.as_ref().unwrap();
    assert_eq!(
        (ad.modifier.as_deref(), ad.earliest.as_deref()),
        (Some("BEFORE"), Some("2023-12-01"))
    );
    assert!(austria
        .participants
        .iter()
        .any(|p| p.role == "arrested" && p.text.contains("suspected supporters")));
    assert_eq!(event(&d, "plot", "Austria").certainty, "alleged");

    let iran = d
        .events
        .iter()
        .find(|e| {
            e.kind == "attack"
                && e.place
                    .as_ref()
                    .is_some_and(|p| p.country.as_deref() == Some("Iran"))
        })
        .expect("Iran attack");
    let idate = iran.date.as_ref().unwrap();
    assert_eq!(
        (idate.value.as_str(), idate.modifier.as_deref()),
        ("2024-01", Some("START"))
    );
    assert_eq!(iran.responsibility.as_deref(), Some("claimed"));
    let k = iran.killed.unwrap();
    assert_eq!(k.min, Some(200.0));
    assert!(iran
        .figures
        .iter()
        .any(|f| f.figure == "killed" && f.approximate && f.text == "hundreds"));
    // Only the Iran attack is a claim of responsibility.
    let claimed: Vec<&str> = d
        .events
        .iter()
        .filter(|e| e.responsibility.as_deref() == Some("claimed"))
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(claimed.len(), 1, "{claimed:?}");
    assert!(
        d.events.iter().any(|e| e.kind == "plot"
            && e.date
                .as_ref()
                .is_some_and(|x| x.value.starts_with("2023-12"))
            && e.place.is_none()),
        "December 2023 attack plans"
    );

    // Assessments: who, affiliation, when.
    let giustozzi = d
        .assessments
        .iter()
        .find(|a| {
            a.by.name.as_deref() == Some("Antonio Giustozzi") && a.text.contains("flexibility")
        })
        .expect("Giustozzi");
    assert_eq!(giustozzi.date.as_deref(), Some("2024-02"));
    assert!(giustozzi
        .by
        .affiliation
        .as_deref()
        .unwrap()
        .contains("King"));
    assert!(giustozzi
        .medium
        .as_deref()
        .unwrap()
        .contains("Crisis and adaptation"));
    let neumann = d
        .assessments
        .iter()
        .find(|a| a.by.name.as_deref() == Some("Peter Neumann"))
        .expect("Neumann");
    assert_eq!(neumann.date.as_deref(), Some("2023-12"));
    assert_eq!(neumann.by.role.as_deref(), Some("terrorism expert"));
    assert!(neumann.text.contains("only IS offshoot"));
    assert!(d
        .assessments
        .iter()
        .any(|a| a.by.role.as_deref() == Some("experts") && a.text.contains("attacks abroad")));

    // Nothing without its source sentence.
    for e in &d.events {
        cited(&e.sources, &text, &e.title);
    }
    for r in &d.relations {
        cited(&r.sources, &text, &r.relation);
    }
    for a in &d.assessments {
        cited(&a.sources, &text, &a.text);
    }
    for e in &d.estimates {
        cited(&e.sources, &text, &e.quantity);
    }
    assert_eq!(d.sources.len(), 1);
}
