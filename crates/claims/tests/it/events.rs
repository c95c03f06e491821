//! Events and facts from short texts (`tests/data/events/cases.txt`): kind, certainty, each
//! group's responsibility, date; killed figures, event counts, participants that must not appear; facts with their time
//! and certainty. Hedges must survive.

use dossier_claims::{actors, extract, Input};
use dossier_core::claims::{Extraction, Predicate};
use dossier_core::{EntityMention, Span};
use std::path::Path;

struct Case {
    dct: String,
    text: String,
    /// "en" unless a "lang: de" line says otherwise.
    lang: String,
    /// NER names as the model would give them ("names: Iran=GPE, Hamas=ORG"): every occurrence
    /// of each text gets the label. None unless given.
    names: Vec<(String, String)>,
    expect: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/events/cases.txt");
    let raw = std::fs::read_to_string(&p).unwrap();
    let mut out: Vec<Case> = Vec::new();
    for line in raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (k, v) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("bad line {line:?}"));
        match k {
            "dct" => out.push(Case {
                dct: v.into(),
                text: String::new(),
                lang: "en".into(),
                names: Vec::new(),
                expect: Vec::new(),
            }),
            "text" => out.last_mut().unwrap().text = v.into(),
            "lang" => out.last_mut().unwrap().lang = v.into(),
            "names" => {
                for nl in v.split(", ") {
                    let (n, l) = nl
                        .rsplit_once('=')
                        .unwrap_or_else(|| panic!("bad name {nl:?}"));
                    out.last_mut().unwrap().names.push((n.into(), l.into()));
                }
            }
            _ => out.last_mut().unwrap().expect.push((k.into(), v.into())),
        }
    }
    out
}

fn run(c: &Case) -> Extraction {
    run_with_actors(c).0
}

/// The extraction and the actors it was made from.
fn run_with_actors(c: &Case) -> (Extraction, Vec<dossier_claims::Actor>) {
    let kb = dossier_entities::KnowledgeBase::builtin().unwrap();
    let matcher = dossier_entities::Matcher::new(&kb);
    let dct = chrono::NaiveDate::parse_from_str(&c.dct, "%Y-%m-%d").unwrap();
    let a = dossier_annotate::annotate(&c.text, Some(dct), &c.lang);
    let names: Vec<EntityMention> = c
        .names
        .iter()
        .flat_map(|(n, l)| {
            c.text
                .match_indices(n.as_str())
                .map(|(i, _)| EntityMention {
                    span: Span::new(i, i + n.len()),
                    label: l.clone(),
                    text: n.clone(),
                    source: "ner".into(),
                })
        })
        .collect();
    let discovered = dossier_entities::discover_aliases(&c.text);
    let actors = actors(
        &c.text,
        &c.lang,
        &a.sentences,
        &names,
        &matcher.find(&c.text),
        &discovered,
        &kb,
    );
    let x = extract(&Input {
        text: &c.text,
        language: &c.lang,
        dct: Some(dct),
        sentences: &a.sentences,
        timexes: &a.time_expressions,
        names: &names,
        actors: &actors,
        places: &[],
        dateline: a.dateline,
    });
    (x, actors)
}

#[test]
fn events_and_facts_from_cases() {
    let mut failures = Vec::new();
    for c in cases() {
        let (x, actors) = run_with_actors(&c);
        for (k, v) in &c.expect {
            let parts: Vec<&str> = v.split(" | ").map(str::trim).collect();
            let ok = match k.as_str() {
                "event" => {
                    let (kind, sub) = parts[0]
                        .split_once('/')
                        .map_or((parts[0], None), |(a, b)| (a, Some(b)));
                    x.events.iter().any(|e| {
                        e.kind.as_str() == kind
                            && sub.is_none_or(|s| e.subkind.as_deref() == Some(s))
                            && e.certainty.as_str() == parts[1]
                            && (parts[2] == "-"
                                && !e.participants.iter().any(|p| {
                                    p.responsibility.is_some_and(|r| r.as_str() == "claimed")
                                })
                                || parts[2] != "-"
                                    && parts[2].split(',').all(|er| {
                                        er.split_once('=').is_some_and(|(id, r)| {
                                            e.participants.iter().any(|p| {
                                                p.entity.as_ref().is_some_and(|x| x.as_str() == id)
                                                    && p.responsibility
                                                        .map_or(r == "-", |x| x.as_str() == r)
                                            })
                                        })
                                    }))
                            && (parts[3] == "-"
                                || e.date.as_ref().is_some_and(|d| d.value == parts[3]))
                    })
                }
                "noevent" => !x.events.iter().any(|e| e.kind.as_str() == parts[0]),
                // "noevent-cert: plot suspected": no event of this kind with this certainty.
                "noevent-cert" => {
                    let (kind, cert) = parts[0].split_once(' ').unwrap();
                    !x.events
                        .iter()
                        .any(|e| e.kind.as_str() == kind && e.certainty.as_str() == cert)
                }
                // "perpetrator: Salman Abedi=attributed": a person named as doing it.
                "perpetrator" => {
                    let (who, resp) = parts[0].split_once('=').unwrap_or((parts[0], ""));
                    x.events.iter().any(|e| {
                        e.participants.iter().any(|p| {
                            p.role == dossier_core::claims::Role::Perpetrator
                                && p.text == who
                                && (resp.is_empty()
                                    || p.responsibility.is_some_and(|r| r.as_str() == resp))
                        })
                    })
                }
                // "perp-by: iswap=attributed | Nigeria's government": some event has this
                // entity as a perpetrator with this responsibility, given by this source (name
                // or role; "-": no one).
                "perp-by" => {
                    let (id, resp) = parts[0].split_once('=').unwrap();
                    x.events.iter().any(|e| {
                        e.participants.iter().any(|p| {
                            p.role == dossier_core::claims::Role::Perpetrator
                                && p.entity.as_ref().is_some_and(|x| x.as_str() == id)
                                && p.responsibility.is_some_and(|r| r.as_str() == resp)
                                && match &p.attributed_by {
                                    None => parts[1] == "-",
                                    Some(a) => {
                                        a.name.as_deref() == Some(parts[1])
                                            || a.role.as_deref() == Some(parts[1])
                                    }
                                }
                        })
                    })
                }
                // "main-group: boko-haram": the group the report is mainly about.
                "main-group" => {
                    dossier_claims::main_group(&actors).is_some_and(|g| g.as_str() == parts[0])
                }
                // "noperp: ttp": no event has this entity among its perpetrators.
                // "noperp-of: offensive ttp": no event of the kind has this perpetrator.
                "noperp-of" => {
                    let (kind, id) = parts[0].split_once(' ').unwrap();
                    !x.events.iter().any(|e| {
                        e.kind.as_str() == kind
                            && e.participants.iter().any(|p| {
                                p.role == dossier_core::claims::Role::Perpetrator
                                    && p.entity.as_ref().is_some_and(|x| x.as_str() == id)
                            })
                    })
                }
                // "source: Gaza's Health Ministry": some event is reported by this source (name
                // or role), and so is its killed figure when it has one.
                // "killed-by: 32 | Another official": some event's killed figure is this text,
                // given by this source (name or role).
                "killed-by" => x.events.iter().any(|e| {
                    let (fig, by) = (parts[0], parts.get(1).copied().unwrap_or(""));
                    e.killed.as_ref().is_some_and(|k| {
                        k.quantity.text == fig
                            && k.attributed_to.as_ref().is_some_and(|a| {
                                a.name.as_deref() == Some(by) || a.role.as_deref() == Some(by)
                            })
                    })
                }),
                // "notkilled-by: 14 | FBI": no event's killed figure is this text given by this
                // source (name or role).
                "notkilled-by" => !x.events.iter().any(|e| {
                    let (fig, by) = (parts[0], parts.get(1).copied().unwrap_or(""));
                    e.killed.as_ref().is_some_and(|k| {
                        k.quantity.text == fig
                            && k.attributed_to.as_ref().is_some_and(|a| {
                                a.name.as_deref() == Some(by) || a.role.as_deref() == Some(by)
                            })
                    })
                }),
                "source" => x.events.iter().any(|e| {
                    let is = |a: &Option<dossier_core::claims::Source>| {
                        a.as_ref().is_some_and(|a| {
                            a.name.as_deref() == Some(parts[0])
                                || a.role.as_deref() == Some(parts[0])
                        })
                    };
                    is(&e.attributed_to) && e.killed.as_ref().is_none_or(|k| is(&k.attributed_to))
                }),
                // "nosource: MAPUTO": no event is attributed to this name or role (a dateline's
                // city is no one who says).
                "nosource" => !x.events.iter().any(|e| {
                    e.attributed_to.as_ref().is_some_and(|a| {
                        a.name.as_deref() == Some(parts[0]) || a.role.as_deref() == Some(parts[0])
                    })
                }),
                // "noperpetrator: Tesla Cybertruck": no event has a perpetrator of this text.
                // ("noperpetrator: the group=suspected": none with this responsibility.)
                "noperpetrator" => {
                    let (who, resp) = parts[0].split_once('=').unwrap_or((parts[0], ""));
                    !x.events.iter().any(|e| {
                        e.participants.iter().any(|p| {
                            p.role == dossier_core::claims::Role::Perpetrator
                                && p.text == who
                                && (resp.is_empty()
                                    || p.responsibility.is_some_and(|r| r.as_str() == resp))
                        })
                    })
                }
                "noperp" => !x.events.iter().any(|e| {
                    e.participants.iter().any(|p| {
                        p.role == dossier_core::claims::Role::Perpetrator
                            && p.entity.as_ref().is_some_and(|x| x.as_str() == parts[0])
                    })
                }),
                // "noevent-dated: attack 2024-03-25": no event of the kind has this date from the
                // text (the "before publication" default of an undated event is none).
                "noevent-dated" => {
                    let (kind, date) = parts[0].split_once(' ').unwrap();
                    let (kind, sub) = kind.split_once('/').unwrap_or((kind, ""));
                    !x.events.iter().any(|e| {
                        e.kind.as_str() == kind
                            && (sub.is_empty() || e.subkind.as_deref() == Some(sub))
                            && e.date
                                .as_ref()
                                .is_some_and(|d| d.value == date && !d.is_undated())
                    })
                }
                // "date-range: arrest AFTER 2019-04-21 2019-04-24": some event of the kind has
                // this date modifier and interval.
                "date-range" => {
                    let w: Vec<&str> = parts[0].split(' ').collect();
                    x.events.iter().any(|e| {
                        e.kind.as_str() == w[0]
                            && e.date.as_ref().is_some_and(|d| {
                                d.modifier.as_deref() == Some(w[1])
                                    && (w[2] == "-" && d.earliest.is_none()
                                        || d.earliest.as_deref() == Some(w[2]))
                                    && d.latest.as_deref() == Some(w[3])
                            })
                    })
                }
                // "killed: dozens": some event's killed figure is exactly this text.
                "killed" => x.events.iter().any(|e| {
                    e.killed
                        .as_ref()
                        .is_some_and(|f| f.quantity.text == parts[0])
                }),
                // "perpetrators: al-Shabaab": some event's perpetrators are exactly these texts.
                "perpetrators" => x.events.iter().any(|e| {
                    e.participants
                        .iter()
                        .filter(|p| p.role == dossier_core::claims::Role::Perpetrator)
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        == parts[0].split(", ").collect::<Vec<_>>()
                }),
                // "killed-on: 1998 -": the event of this date has this killed figure ("-": none).
                "killed-on" => {
                    let (date, want) = parts[0].split_once(' ').unwrap();
                    x.events
                        .iter()
                        .filter(|e| e.date.as_ref().is_some_and(|d| d.value == date))
                        .any(|e| {
                            e.killed.as_ref().map(|f| f.quantity.text.as_str())
                                == (want != "-").then_some(want)
                        })
                }
                // "nokilled-of: attack/hijacking three": no event of this kind (and finer type)
                // has this killed figure.
                "nokilled-of" => {
                    let (kind, want) = parts[0].split_once(' ').unwrap();
                    let (kind, sub) = kind.split_once('/').unwrap_or((kind, ""));
                    !x.events.iter().any(|e| {
                        e.kind.as_str() == kind
                            && (sub.is_empty() || e.subkind.as_deref() == Some(sub))
                            && e.killed.as_ref().is_some_and(|f| f.quantity.text == want)
                    })
                }
                // "killed-also-by: 10 | army spokesman": another source's count of the dead in
                // the same report is this text, given by this source (name or role).
                "killed-also-by" => x.events.iter().any(|e| {
                    let (fig, by) = (parts[0], parts.get(1).copied().unwrap_or(""));
                    e.killed_elsewhere.iter().any(|f| {
                        f.quantity.text == fig
                            && f.attributed_to.as_ref().is_some_and(|a| {
                                a.name.as_deref() == Some(by) || a.role.as_deref() == Some(by)
                            })
                    })
                }),
                // "killed-also: about 200": another source's count of the dead in the report.
                "killed-also" => x.events.iter().any(|e| {
                    e.killed_elsewhere
                        .iter()
                        .any(|f| f.quantity.text == parts[0])
                }),
                "injured" => x.events.iter().any(|e| {
                    e.injured
                        .as_ref()
                        .is_some_and(|f| f.quantity.text == parts[0])
                }),
                "abducted" => x.events.iter().any(|e| {
                    e.abducted
                        .as_ref()
                        .is_some_and(|f| f.quantity.text == parts[0])
                }),
                "noabducted" => !x.events.iter().any(|e| e.abducted.is_some()),
                // "revised: 103 > 95 > 84": some event's killed figure is the last text, given
                // as revised from the others in this order.
                "revised" => x.events.iter().any(|e| {
                    e.killed.as_ref().is_some_and(|f| {
                        let mut chain: Vec<&str> =
                            f.revised_from.iter().map(|q| q.text.as_str()).collect();
                        chain.push(&f.quantity.text);
                        chain == parts[0].split(" > ").collect::<Vec<_>>()
                    })
                }),
                // "events: attack 1": exactly this many events of the kind.
                "events" => {
                    let (kind, n) = parts[0].split_once(' ').unwrap();
                    x.events.iter().filter(|e| e.kind.as_str() == kind).count()
                        == n.parse::<usize>().unwrap()
                }
                // "noperp-dated: al-shabaab 1998": no event dated so (a value starting with it)
                // has this entity among its perpetrators.
                "noperp-dated" => {
                    let (id, date) = parts[0].split_once(' ').unwrap();
                    !x.events.iter().any(|e| {
                        e.date.as_ref().is_some_and(|d| d.value.starts_with(date))
                            && e.participants.iter().any(|p| {
                                p.role == dossier_core::claims::Role::Perpetrator
                                    && p.entity.as_ref().is_some_and(|x| x.as_str() == id)
                            })
                    })
                }
                // "noassessment-about: islamic-state": no judgement is about this entity.
                "noassessment-about" => !x
                    .assessments
                    .iter()
                    .any(|a| a.about.iter().any(|id| id.as_str() == parts[0])),
                // "estimates: 2": exactly this many estimates.
                "estimates" => {
                    x.facts
                        .iter()
                        .filter(|f| f.predicate == Predicate::Estimate)
                        .count()
                        == parts[0].parse::<usize>().unwrap()
                }
                // "notinjured: Seventy-five": no event's injured figure is this text.
                "notinjured" => !x.events.iter().any(|e| {
                    e.injured
                        .as_ref()
                        .is_some_and(|f| f.quantity.text == parts[0])
                }),
                // "noinjured: -": no event has an injured figure.
                "noinjured" => !x.events.iter().any(|e| e.injured.is_some()),
                "nokilled" => !x.events.iter().any(|e| e.killed.is_some()),
                // "assessments: N": exactly N judgements (officials' news is none).
                "assessments" => x.assessments.len() == parts[0].parse::<usize>().unwrap(),
                // "nofact: estimate": no fact with this predicate.
                "nofact" => !x.facts.iter().any(|f| f.predicate.as_str() == parts[0]),
                // "nofact-leader: boko-haram Abu Musab al-Barnawi": no fact names this leader of
                // this entity.
                "nofact-leader" => {
                    let (entity, person) = parts[0].split_once(' ').unwrap();
                    !x.facts.iter().any(|f| {
                        f.predicate.as_str() == "leader_of"
                            && f.subject.0 == entity
                            && f.object.as_ref().is_some_and(|o| o.text == person)
                    })
                }
                // "notarget: TEXT": no event has a participant with this text.
                // "arrested: two men": some event has these arrested.
                "arrested" => x.events.iter().any(|e| {
                    e.participants.iter().any(|p| {
                        p.role == dossier_core::claims::Role::Arrested && p.text == parts[0]
                    })
                }),
                // "noarrested: TEXT": no event has these arrested.
                "noarrested" => !x.events.iter().any(|e| {
                    e.participants.iter().any(|p| {
                        p.role == dossier_core::claims::Role::Arrested && p.text == parts[0]
                    })
                }),
                // "victim: Hafiz Saeed Khan": some event has this victim.
                "victim" => x.events.iter().any(|e| {
                    e.participants
                        .iter()
                        .any(|p| p.role == dossier_core::claims::Role::Victim && p.text == parts[0])
                }),
                // "target: the SYL Hotel": some event has this target.
                "target" => x.events.iter().any(|e| {
                    e.participants
                        .iter()
                        .any(|p| p.role == dossier_core::claims::Role::Target && p.text == parts[0])
                }),
                // "place: Kabul": some event is placed by this text.
                "place" => x.events.iter().any(|e| {
                    e.place
                        .as_ref()
                        .is_some_and(|p| p.text.eq_ignore_ascii_case(parts[0]))
                }),
                // "noplace-of: pledge Ternitz": no event of this kind is placed by this text.
                "noplace-of" => {
                    let (kind, place) = parts[0].split_once(' ').unwrap();
                    !x.events.iter().any(|e| {
                        e.kind.as_str() == kind && e.place.as_ref().is_some_and(|p| p.text == place)
                    })
                }
                // "noplace: U.S.": no event is placed by this text.
                "noplace" => !x.events.iter().any(|e| {
                    e.place
                        .as_ref()
                        .is_some_and(|p| p.text.eq_ignore_ascii_case(parts[0]))
                }),
                "noweapon" => {
                    let (sub, w) = parts[0].split_once(' ').unwrap_or(("", parts[0]));
                    !x.events.iter().any(|e| {
                        e.subkind.as_deref() == Some(sub) && e.weapon.as_deref() == Some(w)
                    })
                }
                "novictim" => !x.events.iter().any(|e| {
                    e.participants
                        .iter()
                        .any(|p| p.role == dossier_core::claims::Role::Victim && p.text == parts[0])
                }),
                "notarget" => !x
                    .events
                    .iter()
                    .any(|e| e.participants.iter().any(|p| p.text == parts[0])),
                // "estimate: 100,000 | 2021 | Nasrallah": a figure with its valid time and
                // source (name or role; "-": none).
                "estimate" => x.facts.iter().any(|f| {
                    f.predicate == Predicate::Estimate
                        && f.value.as_ref().is_some_and(|v| v.text == parts[0])
                        && (if parts[1] == "-" {
                            f.valid_time.is_none()
                        } else {
                            f.valid_time.as_deref() == Some(parts[1])
                        })
                        && (if parts[2] == "-" {
                            f.attributed_to.is_none()
                        } else {
                            f.attributed_to.as_ref().is_some_and(|a| {
                                a.name.as_deref() == Some(parts[2])
                                    || a.role.as_deref() == Some(parts[2])
                            })
                        })
                }),
                // "nofact-time: leader_of 1982": no fact of this predicate has this valid time.
                "nofact-time" => {
                    let (pred, time) = parts[0].split_once(' ').unwrap();
                    !x.facts.iter().any(|f| {
                        f.predicate.as_str() == pred && f.valid_time.as_deref() == Some(time)
                    })
                }
                "fact" => {
                    // The object may be several words ("Iyad Ag Ghaly").
                    let w: Vec<&str> = parts[0].splitn(3, ' ').collect();
                    x.facts.iter().any(|f| {
                        f.subject.as_str() == w[0]
                            && f.predicate.as_str() == w[1]
                            && (f.predicate == Predicate::Estimate
                                && f.quantity.as_deref() == Some(w[2])
                                || f.object.as_ref().is_some_and(|o| {
                                    o.entity.as_ref().is_some_and(|e| e.as_str() == w[2])
                                        || o.text == w[2]
                                })
                                // ("founded": no object.)
                                || w[2] == "-" && f.object.is_none() && f.quantity.is_none())
                            && (parts[1] == "-" || f.valid_time.as_deref() == Some(parts[1]))
                            && f.certainty.as_str() == parts[2]
                            // ("| -": no one's; "| NAME-OR-ROLE": by this source.)
                            && parts.get(3).is_none_or(|want| match &f.attributed_to {
                                None => *want == "-",
                                Some(a) => {
                                    a.name.as_deref() == Some(*want)
                                        || a.role.as_deref() == Some(*want)
                                }
                            })
                    })
                }
                other => panic!("unknown expectation {other}"),
            };
            if !ok {
                failures.push(format!(
                    "{:?}\n  expected {k}: {v}\n  events (kind, subkind, certainty, participants, date, place, killed, injured): {:?}\n  facts: {:?}",
                    c.text,
                    x.events
                        .iter()
                        .map(|e| (
                            e.kind,
                            &e.subkind,
                            e.certainty,
                            e.participants
                                .iter()
                                .map(|p| (&p.entity, p.responsibility, &p.attributed_by))
                                .collect::<Vec<_>>(),
                            e.date.as_ref().map(|d| &d.value),
                            e.place.as_ref().map(|p| &p.text),
                            e.killed
                                .as_ref()
                                .map(|k| (&k.quantity.text, &k.attributed_to)),
                            e.injured.as_ref().map(|k| &k.quantity.text)
                        ))
                        .collect::<Vec<_>>(),
                    x.facts
                        .iter()
                        .map(|f| (
                            &f.subject,
                            f.predicate,
                            f.object.as_ref().map(|o| &o.text),
                            &f.valid_time,
                            f.certainty
                        ))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn extraction_snapshot() {
    let c = cases().into_iter().next().unwrap();
    let x = run(&c);
    insta::assert_json_snapshot!("kabul_claim_events", x.events);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// The whole extract stage on word salad built from event, place, date and figure words in
    /// English and German, with characters whose lower case is longer than they are ("İ"):
    /// never a panic, every span inside the text on character boundaries.
    #[test]
    fn extract_never_panics(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "attack", "attacked", "near", "the", "Swedish", "parliament", "İstanbul", "İ", "claimed",
            "responsibility", "Al-Shabaab", ",", "same", "shrine", "died", "Shekau", "Abubakar",
            "Anschlag", "auf", "gegen", "den", "Kölner", "Dom", "nach", "Hinweisen", "Silvester",
            "in", "Wesel", "police", "detained", "arrested", "every", "plot", "enough", "for", "a",
            "(", "2021", ")", "fighters", "between", "1,500", "and", "2,200", "group", "ISKP",
            "estimated", "figure", "that", ".", "ß", "ǅ", "habe", "sei", "leader", "lead",
            "planning", "warning", "of", "possible", "Im", "Zusammenhang", "mit", "Terrorwarnung",
            "für", "durchsucht", "Spezialkräfte", "members", "Three", "on", "Friday", "'s", "–",
            "killed", "bombing", "suspected", "supporters", "according", "to", "said", "Taliban",
            "Islamic", "State", "took", "into", "custody", "hours", "after", "day", "later",
            "ordered", "held", "until", "22", "May", "shortly", "before", "Christmas", "at", "time",
            "north", "Duisburg", "retook", "town", "recaptured", "it", "It", "They", "Suspicion",
            "has", "fallen", "İİİ", "KÖLN", "ẞ", "was", "were", "two", "men", "string", "arrests",
            "weil", "sollen", "geplant", "Gewahrsam", "genommen", "einen", "Mann", "same time",
            "led", "by", "which", "emerged", "is", "named", "as", "his", "its", "successor",
            "while", "whereas", "but", "blamed", "Hezbollah", "JNIM", "(JNIM)", "exploded",
            "pledged", "allegiance", "known", "locally", "not", "no", "ties", "drove", "truck",
            "crowd", "Vortag", "am", "Wochenende", "Anfang", "des", "Monats", "earlier", "this",
            "month", "7", "p.m.", "19.04", "Uhr", "designated", "confirmed", "death", "used",
            "Pagers", "statement", "quoted", "saying", "Houthi", "Abdul-Malik", "al-Houthi",
        ]),
        0..60,
    )) {
        let text = words.join(" ");
        let names = vec![
            ("Abubakar Shekau".to_string(), "PERSON".to_string()),
            ("Abdul-Malik al-Houthi".to_string(), "PERSON".to_string()),
        ];
        for lang in ["en", "de"] {
            let c = Case {
                dct: "2024-03-21".into(),
                text: text.clone(),
                lang: lang.into(),
                names: names.clone(),
                expect: Vec::new(),
            };
            let x = run(&c);
            for e in &x.events {
                proptest::prop_assert!(e.trigger_span.slice(&text).is_some());
                for p in &e.participants {
                    proptest::prop_assert!(p.span.slice(&text).is_some(), "{p:?}");
                }
                if let Some(p) = &e.place {
                    proptest::prop_assert!(p.span.slice(&text).is_some());
                }
            }
        }
    }
}
