//! Integration tests of dossier-geo: the gazetteer, ambiguity resolution, cue phrases, the TR-News
//! evaluation floor and a no-panic property test.

use std::path::PathBuf;
use std::sync::OnceLock;

use dossier_core::entity::EntityMention;
use dossier_core::span::Span;
use dossier_geo::{geocode, Gazetteer, GeoRef, PlaceKind};
use proptest::prelude::*;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn required() -> bool {
    std::env::var("DOSSIER_REQUIRE_MODEL").is_ok_and(|v| v == "1")
}

fn skip(test: &str, why: &str) {
    assert!(!required(), "{test}: {why} (DOSSIER_REQUIRE_MODEL=1)");
    eprintln!("SKIP {test}: {why}");
}

fn model(test: &str) -> Option<&'static dossier_ner::Model> {
    static MODEL: OnceLock<Option<dossier_ner::Model>> = OnceLock::new();
    let m = MODEL.get_or_init(|| {
        let dir = dossier_ner::find_model(None).or_else(|| {
            let p = manifest_dir()
                .join("../..")
                .join(dossier_ner::DEFAULT_MODEL_DIR);
            p.join("ner/model").is_file().then_some(p)
        })?;
        dossier_ner::Model::load(&dir).ok()
    });
    if m.is_none() {
        skip(
            test,
            "no NER model (run scripts/fetch-model.sh, or set DOSSIER_MODEL)",
        );
    }
    m.as_ref()
}

/// Mentions for every occurrence of each (phrase, label) in `text`.
fn mentions(text: &str, phrases: &[(&str, &str)]) -> Vec<EntityMention> {
    let mut out = Vec::new();
    for (p, label) in phrases {
        for (i, _) in text.match_indices(p) {
            out.push(EntityMention {
                span: Span {
                    start: i,
                    end: i + p.len(),
                },
                label: (*label).to_owned(),
                text: (*p).to_owned(),
                source: "test".to_owned(),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn resolve<'a>(refs: &'a [GeoRef], mention: &str) -> &'a GeoRef {
    refs.iter()
        .find(|r| r.text == mention)
        .unwrap_or_else(|| panic!("{mention} not resolved in {refs:#?}"))
}

#[test]
fn gazetteer_loads_with_known_places() {
    let t = std::time::Instant::now();
    let g = Gazetteer::global();
    eprintln!(
        "gazetteer: {} places, {} names, {:?}",
        g.len(),
        g.name_count(),
        t.elapsed()
    );
    assert!(g.len() > 150_000, "{} places", g.len());
    let has = |name: &str, cc: &str, admin1: &str| {
        let hits = g.search(name);
        assert!(
            hits.iter()
                .any(|p| p.country_code == cc && (admin1.is_empty() || p.admin1 == admin1)),
            "{name} ({cc}, {admin1}) not found: {hits:?}"
        );
    };
    has("Kerman", "IR", "Kerman");
    has("Gwoza", "NG", "Borno");
    has("Krasnogorsk", "RU", "");
    has("Mogadishu", "SO", "");
    has("Borno", "NG", "Borno");
    has("Iran", "IR", "");
    // German names and diacritics
    has("Türkei", "TR", "");
    has("München", "DE", "");
    has("munchen", "DE", "");
    has("KERMĀN", "IR", "");
    let somalia = g.search("Somalia");
    assert_eq!(somalia.first().map(|p| p.kind), Some(PlaceKind::Country));
}

#[test]
fn german_names_of_german_regions() {
    // "in Gera in Thüringen": the German state, not the village of Thüringen in Vorarlberg.
    let text = "Spezialkräfte hatten die beiden am Dienstag in Gera in Thüringen festgenommen.";
    let refs = geocode(
        text,
        &mentions(text, &[("Gera", "GPE"), ("Thüringen", "GPE")]),
    );
    let t = resolve(&refs, "Thüringen");
    assert_eq!(
        (
            t.place.kind,
            t.place.country_code.as_str(),
            t.place.name.as_str()
        ),
        (PlaceKind::Admin1, "DE", "Thuringia"),
        "{t:?}"
    );
    let text = "Die Polizei in Nordrhein-Westfalen nahm sieben Männer fest.";
    let refs = geocode(text, &mentions(text, &[("Nordrhein-Westfalen", "GPE")]));
    assert_eq!(
        resolve(&refs, "Nordrhein-Westfalen").place.name,
        "North Rhine-Westphalia"
    );
}

#[test]
fn the_sahel_is_no_region_of_burkina_faso() {
    // "across the Sahel": the belt, not Burkina Faso's Sahel Region (unless "region" follows).
    let text = "The group is active across the Sahel.";
    let refs = geocode(text, &mentions(text, &[("Sahel", "LOC")]));
    assert!(refs.iter().all(|r| r.text != "Sahel"), "{refs:#?}");
    let text = "Gunmen attacked a village in Burkina Faso's Sahel region.";
    let refs = geocode(text, &mentions(text, &[("Sahel", "LOC")]));
    assert_eq!(resolve(&refs, "Sahel").place.country_code, "BF");
}

#[test]
fn countries_listed_after_a_country_are_places() {
    // The NER takes "Burkina Faso" and "Niger" in a list after "Mali" for people.
    let text = "The group is active in Mali, Burkina Faso and Niger.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[
                ("Mali", "GPE"),
                ("Burkina Faso", "PERSON"),
                ("Niger", "PERSON"),
            ],
        ),
    );
    assert_eq!(resolve(&refs, "Burkina Faso").place.country_code, "BF");
    assert_eq!(resolve(&refs, "Niger").place.country_code, "NE");
}

#[test]
fn provinces_of_eastern_congo_by_their_names() {
    // "North Kivu" (GeoNames: "Nord Kivu") and "Ituri" are provinces of DR Congo.
    let text = "Rebels attacked villages in North Kivu and Ituri provinces.";
    let refs = geocode(
        text,
        &mentions(text, &[("North Kivu", "GPE"), ("Ituri", "GPE")]),
    );
    for name in ["North Kivu", "Ituri"] {
        let r = resolve(&refs, name);
        assert_eq!(
            (r.place.kind, r.place.country_code.as_str()),
            (PlaceKind::Admin1, "CD"),
            "{r:?}"
        );
    }
}

#[test]
fn german_place_adjectives_name_their_city() {
    // "den Kölner Dom", "den Berliner Weihnachtsmarkt", "die Münchner Polizei": the city.
    for (text, phrase, city) in [
        (
            "Die Hinweise bezogen sich auf Anschlagspläne gegen den Kölner Dom.",
            "Kölner Dom",
            "Köln",
        ),
        (
            "Der Anschlag auf den Berliner Weihnachtsmarkt jährte sich zum fünften Mal.",
            "Berliner Weihnachtsmarkt",
            "Berlin",
        ),
        (
            "Die Münchner Polizei sperrte den Platz ab.",
            "Münchner Polizei",
            "Munich",
        ),
    ] {
        let refs = geocode(text, &mentions(text, &[(phrase, "ORG")]));
        // The adjective is the place mention ("Kölner" of "Kölner Dom").
        let r = resolve(&refs, phrase.split(' ').next().unwrap_or(phrase));
        assert_eq!(
            (r.place.kind, r.place.country_code.as_str()),
            (PlaceKind::City, "DE"),
            "{r:?}"
        );
        assert!(
            r.place.name == city || r.place.name == "Cologne" && city == "Köln",
            "{phrase}: {r:?}"
        );
    }
    // No city of that name: nothing.
    let text = "Der Kellner Franz brachte die Rechnung.";
    assert!(geocode(text, &mentions(text, &[("Kellner Franz", "ORG")])).is_empty());
}

#[test]
fn a_place_in_a_city_lies_near_it() {
    // "Lido Beach in Mogadishu" is no Lido Beach of New York: unresolved, the city stands.
    let text = "Gunmen attacked crowds at Lido Beach in Mogadishu on Friday.";
    let refs = geocode(
        text,
        &mentions(text, &[("Lido Beach", "GPE"), ("Mogadishu", "GPE")]),
    );
    assert!(
        refs.iter().all(|r| r.place.country_code == "SO"),
        "{refs:#?}"
    );
    assert_eq!(resolve(&refs, "Mogadishu").place.country_code, "SO");
    // "troops from Chad in Nigeria": a country is not checked against what follows.
    let text = "Soldiers from Chad in Nigeria joined the offensive.";
    let refs = geocode(
        text,
        &mentions(text, &[("Chad", "GPE"), ("Nigeria", "GPE")]),
    );
    assert_eq!(resolve(&refs, "Chad").place.country_code, "TD");
}

#[test]
fn paris_defaults_to_france_and_follows_texas_context() {
    let text = "Protesters gathered in Paris on Sunday.";
    let refs = geocode(text, &mentions(text, &[("Paris", "GPE")]));
    assert_eq!(resolve(&refs, "Paris").place.country_code, "FR");

    let text = "A tornado hit Lamar County, Texas. In Paris, the mayor said Texas would help.";
    let refs = geocode(text, &mentions(text, &[("Paris", "GPE"), ("Texas", "GPE")]));
    let paris = resolve(&refs, "Paris");
    assert_eq!(paris.place.country_code, "US", "{paris:?}");
    assert_eq!(paris.place.admin1, "Texas");

    let text = "He flew from Paris, Texas to Dallas.";
    let refs = geocode(text, &mentions(text, &[("Paris", "GPE")]));
    assert_eq!(resolve(&refs, "Paris").place.admin1, "Texas");
}

#[test]
fn london_follows_the_region_mentioned() {
    let text = "LONDON, Ky. - Police in London said the Kentucky State Police are investigating.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[("LONDON", "GPE"), ("London", "GPE"), ("Kentucky", "GPE")],
        ),
    );
    for r in refs
        .iter()
        .filter(|r| r.text.eq_ignore_ascii_case("london"))
    {
        assert_eq!(r.place.admin1, "Kentucky", "{r:?}");
    }
    let text = "Police in London said the Metropolitan Police are investigating.";
    let refs = geocode(text, &mentions(text, &[("London", "GPE")]));
    assert_eq!(resolve(&refs, "London").place.country_code, "GB");
}

#[test]
fn cue_phrases() {
    let text = "An explosion hit the southeastern Iranian city of Kerman on Wednesday.";
    let refs = geocode(text, &mentions(text, &[("Kerman", "GPE")]));
    let k = resolve(&refs, "Kerman");
    assert_eq!(k.place.country_code, "IR");
    assert_eq!(k.place.kind, PlaceKind::City);
    assert!(k.evidence.iter().any(|e| e.contains("cue")), "{k:?}");

    let text = "Militants attacked villages in Borno state, near Gwoza.";
    let refs = geocode(text, &mentions(text, &[("Borno", "GPE"), ("Gwoza", "GPE")]));
    let b = resolve(&refs, "Borno");
    assert_eq!(b.place.kind, PlaceKind::Admin1);
    assert_eq!(b.place.country_code, "NG");
    assert_eq!(resolve(&refs, "Gwoza").place.admin1, "Borno");

    // "near the border with Ukraine" favours places in Ukraine and its neighbours, as evidence
    let text = "Troops entered Sudzha, near the border with Ukraine, on Tuesday.";
    let refs = geocode(text, &mentions(text, &[("Sudzha", "GPE")]));
    let s = resolve(&refs, "Sudzha");
    assert_eq!(s.place.country_code, "RU");
    assert!(s.evidence.iter().any(|e| e.contains("border")), "{s:?}");

    let text = "Fighting continued in Kerman province.";
    let refs = geocode(text, &mentions(text, &[("Kerman", "GPE")]));
    assert_eq!(resolve(&refs, "Kerman").place.kind, PlaceKind::Admin1);

    let text = "The attack at Crocus City Hall in Krasnogorsk, Russia killed 145.";
    let refs = geocode(text, &mentions(text, &[("Krasnogorsk", "GPE")]));
    assert_eq!(resolve(&refs, "Krasnogorsk").place.country_code, "RU");

    let text = "Fighters in Mogadishu, the Somali capital, clashed again.";
    let refs = geocode(
        text,
        &mentions(text, &[("Mogadishu", "GPE"), ("Somali", "NORP")]),
    );
    assert_eq!(resolve(&refs, "Mogadishu").place.country_code, "SO");
    assert_eq!(resolve(&refs, "Somali").place.kind, PlaceKind::Country);

    // "the town of Palma in northern Mozambique": the country named after it, not Palma de
    // Mallorca.
    let text = "Insurgents captured the town of Palma in northern Mozambique.";
    let refs = geocode(
        text,
        &mentions(text, &[("Palma", "GPE"), ("Mozambique", "GPE")]),
    );
    assert_eq!(resolve(&refs, "Palma").place.country_code, "MZ");

    // "seized the town of Palma" after "Cabo Delgado province in northern Mozambique": a town
    // of the country the report is about, not a city of a country nothing else points to.
    let text = "The insurgents are active in Cabo Delgado province in northern Mozambique, and \
                last month seized the town of Palma.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[
                ("Cabo Delgado", "GPE"),
                ("Mozambique", "GPE"),
                ("Palma", "GPE"),
            ],
        ),
    );
    assert_eq!(resolve(&refs, "Palma").place.country_code, "MZ");
    // A city the text names beside its own country stays there.
    let text = "Officials from Mozambique and Cabo Delgado province met in the town of Palma, \
                Spain.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[
                ("Mozambique", "GPE"),
                ("Cabo Delgado", "GPE"),
                ("Palma", "GPE"),
                ("Spain", "GPE"),
            ],
        ),
    );
    assert_eq!(resolve(&refs, "Palma").place.country_code, "ES");
}

#[test]
fn demonyms_abbreviations_and_unknowns() {
    let text = "Turkish troops crossed into Syria. The Turkish army said U.S. officials were told.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[("Turkish", "NORP"), ("Syria", "GPE"), ("U.S.", "GPE")],
        ),
    );
    assert_eq!(resolve(&refs, "Turkish").place.country_code, "TR");
    assert_eq!(resolve(&refs, "U.S.").place.country_code, "US");
    let text = "She lives in Kelowna, B.C. and works for Foo Corp.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[("B.C.", "GPE"), ("Foo Corp", "ORG"), ("Kelowna", "GPE")],
        ),
    );
    assert_eq!(resolve(&refs, "B.C.").place.admin1, "British Columbia");
    assert!(refs.iter().all(|r| r.text != "Foo Corp"));
    let text = "Xyzzyville is not a place.";
    assert!(geocode(text, &mentions(text, &[("Xyzzyville", "GPE")])).is_empty());
}

#[test]
fn names_of_streets_malls_parks_and_churches_are_no_towns() {
    // Westgate (Alberta), Riverside (California), Mittelschöntal and Santa Maria (Brazil) are
    // towns elsewhere; here they name a landmark in the city named beside them.
    let text = "Gunmen attacked the Westgate mall in Nairobi. The attack began at the complex on \
                14 Riverside Drive. A man attacked children in Schöntal park in Aschaffenburg. \
                Two men rode into the Santa Maria Catholic Church in Surabaya.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[
                ("Westgate", "FAC"),
                ("Nairobi", "GPE"),
                ("Riverside", "GPE"),
                ("Schöntal", "GPE"),
                ("Aschaffenburg", "GPE"),
                ("Santa Maria", "GPE"),
                ("Surabaya", "GPE"),
            ],
        ),
    );
    for landmark in ["Westgate", "Riverside", "Schöntal", "Santa Maria"] {
        assert!(
            refs.iter().all(|r| r.text != landmark),
            "{landmark}: {refs:?}"
        );
    }
    assert_eq!(resolve(&refs, "Nairobi").place.country_code, "KE");
    assert_eq!(resolve(&refs, "Aschaffenburg").place.country_code, "DE");
    // A well-known city before a lower-case landmark noun is where the landmark is.
    let text = "A bomb exploded in a Lahore park.";
    let refs = geocode(text, &mentions(text, &[("Lahore", "GPE")]));
    assert_eq!(resolve(&refs, "Lahore").place.country_code, "PK");
}

#[test]
fn places_under_other_labels_and_repeated_names() {
    let text = "CBC Toronto reported the fire. Edmonton beat Calgary. Later, Kerman was calm. \
                Officials in Kerman said so.";
    let mut ms = mentions(
        text,
        &[
            ("CBC Toronto", "ORG"),
            ("Edmonton", "ORG"),
            ("Calgary", "GPE"),
        ],
    );
    ms.push(EntityMention {
        span: Span {
            start: text.find("Kerman").unwrap_or(0),
            end: text.find("Kerman").unwrap_or(0) + 6,
        },
        label: "GPE".into(),
        text: "Kerman".into(),
        source: "test".into(),
    });
    let refs = geocode(text, &ms);
    let toronto = resolve(&refs, "Toronto");
    assert_eq!(toronto.place.country_code, "CA");
    assert_eq!(resolve(&refs, "Edmonton").place.admin1, "Alberta");
    // the second "Kerman" has no NER mention but is found as the same place
    assert_eq!(
        refs.iter().filter(|r| r.text == "Kerman").count(),
        2,
        "{refs:#?}"
    );
    // "the southern Austrian town of Villach" with Villach taken for a person: a town by its noun.
    let villach = "A man stabbed a boy in the southern Austrian town of Villach.";
    let vm = mentions(villach, &[("Austrian", "NORP"), ("Villach", "PERSON")]);
    let vr = geocode(villach, &vm);
    assert_eq!(resolve(&vr, "Villach").place.country_code, "AT", "{vr:#?}");
    // "The Kaduna State governor, Uba Sani, said" with the name taken for an organisation:
    // a person's name, no town of Uba; "Kabul University" keeps its city.
    let uba = "The Kaduna State governor, Uba Sani, said students of Kabul University were freed.";
    let um = mentions(
        uba,
        &[
            ("Kaduna State", "GPE"),
            ("Uba Sani", "ORG"),
            ("Kabul University", "ORG"),
        ],
    );
    let ur = geocode(uba, &um);
    assert!(ur.iter().all(|r| r.text != "Uba"), "{ur:#?}");
    assert_eq!(resolve(&ur, "Kabul").place.country_code, "AF", "{ur:#?}");
    // exact spans only
    let exact = Gazetteer::global().geocode_spans(text, &ms);
    assert!(exact.iter().all(|r| r.text != "Toronto"));
    assert_eq!(exact.iter().filter(|r| r.text == "Kerman").count(), 1);
}

#[test]
fn trnews_scores_stay_above_floor() {
    let path = manifest_dir().join("../../../shared/data/geoparsing/TR-News.xml");
    if !path.is_file() {
        skip("trnews", &format!("{} missing", path.display()));
        return;
    }
    let Some(ner) = model("trnews") else { return };
    let r = match dossier_geo::eval_trnews(&path, ner) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    eprintln!("{r}");
    assert_eq!(r.documents, 118);
    // floors a little under the measured figures (see the crate's report)
    assert!(r.end_to_end.recall >= 0.85, "{}", r.end_to_end.recall);
    assert!(r.end_to_end.precision >= 0.93, "{}", r.end_to_end.precision);
    assert!(
        r.end_to_end.accuracy_161km >= 0.85,
        "{}",
        r.end_to_end.accuracy_161km
    );
    assert!(r.gold_toponyms.recall >= 0.90, "{}", r.gold_toponyms.recall);
    assert!(
        r.gold_toponyms.accuracy_161km >= 0.84,
        "{}",
        r.gold_toponyms.accuracy_161km
    );
    let json = serde_json::to_string(&r).unwrap_or_default();
    assert!(json.contains("accuracy_161km"));
}

#[test]
fn parse_trnews_handles_junk() {
    assert!(dossier_geo::parse_trnews("").is_empty());
    assert!(dossier_geo::parse_trnews("<article docid=\"1\"><text>abc").is_empty());
    let docs = dossier_geo::parse_trnews(
        "<article docid=\"7\"><text><![CDATA[In Paris today]]></text><toponyms><toponym>\
         <phrase>Paris</phrase><start>4</start><end>9</end><gaztag geonameid=\"1\"><name>Paris</name>\
         <lat>48.85</lat><lon>2.35</lon></gaztag></toponym><toponym><start>90</start><end>99</end>\
         </toponym></toponyms></article>",
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].toponyms.len(), 1);
    assert_eq!(docs[0].toponyms[0].point, Some((48.85, 2.35)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn geocode_never_panics(text in "\\PC{0,80}", spans in proptest::collection::vec((0usize..100, 0usize..100, 0usize..4), 0..6)) {
        let labels = ["GPE", "LOC", "NORP", "ORG"];
        let ms: Vec<EntityMention> = spans
            .into_iter()
            .map(|(a, b, l)| EntityMention {
                span: Span { start: a, end: b },
                label: labels[l].to_owned(),
                text: String::new(),
                source: "prop".to_owned(),
            })
            .collect();
        let refs = geocode(&text, &ms);
        for r in refs {
            prop_assert!(r.span.end <= text.len());
            prop_assert!(r.place.lat.is_finite());
        }
    }

    #[test]
    fn geocode_whole_words_never_panics(words in proptest::collection::vec("[A-Z][a-z]{0,8}|,|\\.|of|city|province|state", 0..12)) {
        let text = words.join(" ");
        let mut ms = Vec::new();
        let mut pos = 0;
        for w in &words {
            if w.chars().next().is_some_and(char::is_uppercase) {
                ms.push(EntityMention { span: Span { start: pos, end: pos + w.len() }, label: "GPE".into(), text: w.clone(), source: "prop".into() });
            }
            pos += w.len() + 1;
        }
        let _ = geocode(&text, &ms);
    }
}

#[test]
fn a_hamlet_abroad_that_nothing_points_to_is_no_reading() {
    // In a report from Mogadishu, "Lido Beach" is no hamlet of New York (population under
    // 5,000, in a country nothing else in the text names); with a cue to its country it is.
    let text = "Gunmen attacked a hotel on Lido Beach in Mogadishu, Somalia, on Friday.";
    let refs = geocode(
        text,
        &mentions(
            text,
            &[
                ("Lido Beach", "GPE"),
                ("Mogadishu", "GPE"),
                ("Somalia", "GPE"),
            ],
        ),
    );
    assert!(
        refs.iter()
            .all(|r| r.text != "Lido Beach" || r.place.country_code == "SO"),
        "{refs:#?}"
    );
    assert_eq!(resolve(&refs, "Mogadishu").place.country_code, "SO");
    let text = "Residents of Lido Beach, New York, cleaned up after the storm.";
    let refs = geocode(
        text,
        &mentions(text, &[("Lido Beach", "GPE"), ("New York", "GPE")]),
    );
    assert_eq!(resolve(&refs, "Lido Beach").place.country_code, "US");
}
