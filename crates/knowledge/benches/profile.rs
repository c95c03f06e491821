//! Profile latency benchmark: a generated store of 100,000 synthetic news documents with
//! analyses, then `dossier_knowledge::profile` timed for a group with 1,000 events (ISKP) and a
//! small group (Jaish al-Adl), without and with an "as of" date. Prints p50/p99/max, a breakdown
//! by stage, store bytes per document and the generation time.
//!
//! Run: `cargo bench -p dossier-knowledge --bench profile`. Settings (environment):
//! `DOSSIER_BENCH_DOCS` (documents, default 100000), `DOSSIER_BENCH_RUNS` (timed runs per case,
//! default 200), `DOSSIER_BENCH_STORE` (a store path: generated there when missing, reused when
//! it exists; default a temporary directory).
//!
//! The store is deterministic (fixed seed, no clock). Documents go through the real store API
//! (`Store::begin`/`StoreTx::put`: identity, MinHash near-duplicates, full-text index); each is
//! a short news-like text built from word pools (distinct, so not near-duplicates), with a
//! publisher and a publication date in 2015–2025. Its `Analysis` is built directly, with byte
//! spans into that text (sentences, time expressions, names, linked actors, geocoded places from
//! the embedded gazetteer, quantities, attributions, one event, facts, sometimes an assessment)
//! and written with `SqliteStore::put_analyses` — no NER or extraction runs. ISKP gets 1,000
//! distinct attacks reported by 1,200 documents (every fifth event by a second publisher, which
//! fusion joins); Jaish al-Adl 25 documents; the Taliban, the Islamic State and al-Shabaab many
//! thousands; the other armed groups of the knowledge base share the rest.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use dossier_claims::Actor;
use dossier_core::annotation::{Sentence, TimeExpression, TimexType};
use dossier_core::claims::{
    Assessment, Attribution, Certainty, EventDate, EventKind, EventMention, EventPlace, Extraction,
    Fact, FactObject, Figure, Participant, Predicate, Quantity, Responsibility, Role, Source,
};
use dossier_core::kb::{KbCategory, KbId};
use dossier_core::place::{GeoRef, Place, PlaceKind};
use dossier_core::{Document, EntityMention, Format, Provenance, Span, Timestamp};
use dossier_entities::KnowledgeBase;
use dossier_knowledge::profile::Loaded;
use dossier_knowledge::{Analysis, ANALYZER};
use dossier_store::{PutOutcome, SqliteStore, Store, StoreTx};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const SEED: u64 = 0x5eed_d055_1e42;
const ISKP_EVENTS: usize = 1000;
/// Every `REPEAT`-th ISKP event is reported by a second publisher too.
const REPEAT: usize = 5;
const SMALL_DOCS: usize = 25;
const BATCH: usize = 2000;
const AS_OF: &str = "2020-06-30";
/// Groups other documents never name (their profiles read only their own documents).
const MEASURED: [&str; 2] = ["iskp", "jaish-al-adl"];

// ------------------------------------------------------------------------------------------
// Deterministic randomness
// ------------------------------------------------------------------------------------------

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// `pick` for word lists, without a `*` that clippy's `explicit_auto_deref` would wrongly
    /// remove.
    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
}

// ------------------------------------------------------------------------------------------
// Word pools
// ------------------------------------------------------------------------------------------

const PUBLISHERS: [(&str, &str); 14] = [
    ("Reuters", "reuters.example"),
    ("Associated Press", "apnews.example"),
    ("Agence France-Presse", "afp.example"),
    ("Al Jazeera", "aljazeera.example"),
    ("BBC News", "bbc.example"),
    ("The Guardian", "guardian.example"),
    ("Dawn", "dawn.example"),
    ("TOLOnews", "tolonews.example"),
    ("Garowe Online", "garoweonline.example"),
    ("The Long War Journal", "longwarjournal.example"),
    ("Deutsche Welle", "dw.example"),
    ("Khaama Press", "khaama.example"),
    ("Premium Times", "premiumtimes.example"),
    ("France 24", "france24.example"),
];
const FIRST: [&str; 30] = [
    "Ahmad",
    "Mohammad",
    "Abdul",
    "Fatima",
    "Hassan",
    "Omar",
    "Zabihullah",
    "Amina",
    "Yusuf",
    "Khalid",
    "Sarah",
    "Peter",
    "Daniel",
    "Laila",
    "Rahim",
    "Nadia",
    "Tariq",
    "Hamid",
    "Ibrahim",
    "Mariam",
    "Jonas",
    "Claire",
    "Bilal",
    "Farid",
    "Asad",
    "Hodan",
    "Abdi",
    "Musa",
    "Karim",
    "Samira",
];
const LAST: [&str; 30] = [
    "Karimi",
    "Rahimi",
    "Hussaini",
    "Ahmadzai",
    "Mohammed",
    "Yusufzai",
    "Warsame",
    "Abdullahi",
    "Haidari",
    "Stanekzai",
    "Neumann",
    "Jones",
    "Clarke",
    "Siddiqui",
    "Noori",
    "Farah",
    "Osman",
    "Hassan",
    "Qureshi",
    "Baloch",
    "Durrani",
    "Popal",
    "Sultani",
    "Mohamud",
    "Aden",
    "Barre",
    "Wardak",
    "Safi",
    "Zaman",
    "Mansoor",
];
const OFFICIAL_ROLES: [&str; 12] = [
    "a provincial police spokesman",
    "the deputy governor",
    "a district chief",
    "an interior ministry spokesman",
    "a senior security official",
    "the provincial health director",
    "a military spokesman",
    "a local council member",
    "the head of the regional hospital",
    "an army commander",
    "a government spokesman",
    "a police chief",
];
const EXPERT_ROLES: [(&str, &str); 10] = [
    ("a terrorism researcher", "King's College London"),
    ("a senior analyst", "the International Crisis Group"),
    ("a fellow", "the Washington Institute"),
    ("a researcher", "the Afghanistan Analysts Network"),
    ("an analyst", "the Soufan Center"),
    ("a professor", "the University of Peshawar"),
    ("a security analyst", "the Hiraal Institute"),
    ("a director", "the Counter Extremism Project"),
    ("a researcher", "the Combating Terrorism Center"),
    (
        "a former intelligence officer",
        "the Royal United Services Institute",
    ),
];
const ADJ: [&str; 24] = [
    "crowded",
    "busy",
    "small",
    "central",
    "main",
    "rural",
    "local",
    "packed",
    "new",
    "old",
    "largest",
    "northern",
    "southern",
    "eastern",
    "western",
    "remote",
    "fortified",
    "makeshift",
    "district",
    "provincial",
    "temporary",
    "popular",
    "heavily guarded",
    "poorly guarded",
];
const TARGETS: [&str; 24] = [
    "market",
    "checkpoint",
    "mosque",
    "school",
    "convoy",
    "police station",
    "bus station",
    "wedding hall",
    "funeral",
    "hospital",
    "bank",
    "army base",
    "courthouse",
    "hotel",
    "shrine",
    "election office",
    "prison",
    "bridge",
    "tea house",
    "sports stadium",
    "university",
    "border post",
    "government compound",
    "refugee camp",
];
const VICTIMS: [&str; 8] = [
    "people",
    "civilians",
    "worshippers",
    "soldiers",
    "police officers",
    "students",
    "shoppers",
    "passengers",
];
const SUBKINDS: [(&str, &[&str]); 6] = [
    (
        "bombing",
        &[
            "detonated explosives at",
            "set off a bomb near",
            "planted a bomb in",
        ],
    ),
    (
        "suicide_bombing",
        &[
            "sent a suicide bomber to",
            "carried out a suicide bombing at",
        ],
    ),
    ("shooting", &["opened fire on", "shot at people outside"]),
    ("assault", &["stormed", "raided", "overran"]),
    ("kidnapping", &["abducted staff from", "seized hostages at"]),
    ("rocket_attack", &["fired rockets at", "shelled"]),
];
const ATTACKERS: [&str; 8] = [
    "Militants of",
    "Gunmen loyal to",
    "Fighters from",
    "Insurgents belonging to",
    "Members of",
    "A cell of",
    "Attackers linked to",
    "Suspected militants of",
];
const CHANNELS: [&str; 8] = [
    "in a statement on Telegram",
    "through its Amaq news agency",
    "in a post on social media",
    "in a message to journalists",
    "in an audio statement",
    "in a video released online",
    "through a spokesman",
    "in its weekly newsletter",
];
const WHO: [&str; 16] = [
    "Residents",
    "Shopkeepers",
    "Local elders",
    "Witnesses",
    "Hospital staff",
    "Aid workers",
    "Teachers",
    "Taxi drivers",
    "Relatives of the victims",
    "Farmers",
    "Students",
    "Journalists",
    "Religious leaders",
    "Traders",
    "Nurses",
    "Survivors",
];
const SAID: [&str; 10] = [
    "said",
    "told reporters",
    "reported",
    "described how",
    "recalled that",
    "complained that",
    "warned that",
    "insisted that",
    "confirmed that",
    "feared that",
];
const CLAUSES: [&str; 24] = [
    "roads into the {p} area stayed closed for {n} hours",
    "{n} families had fled to nearby villages since the spring",
    "security forces searched {n} houses after the blast",
    "the {o} such incident in {n} months had left the town on edge",
    "electricity was cut across {p} for {n} days",
    "schools in {p} would remain shut until further notice",
    "ambulances needed {n} minutes to reach the scene",
    "prices of flour rose by {n} percent in {p} markets",
    "{n} checkpoints were set up on the highway to {p}",
    "the wounded were taken to hospitals in {p}",
    "a curfew was imposed on {p} from {n} in the evening",
    "mobile networks around {p} were suspended for {n} hours",
    "the blast shattered windows {n} metres away",
    "rescue teams pulled {n} survivors from the rubble",
    "funerals for the dead were held in {p} the next morning",
    "more than {n} people gathered outside the hospital in {p}",
    "the governor of {p} visited the site with {n} officials",
    "traders in {p} kept their shops closed for {n} days",
    "an investigation into the {o} attack on the city was opened",
    "police detained {n} suspects in raids around {p}",
    "the road from {p} was reopened after {n} hours",
    "blood donations were requested by {n} clinics in {p}",
    "a compensation of {n} dollars was promised to each family",
    "{n} buses carried mourners from {p} to the cemetery",
];
const ORDINALS: [&str; 10] = [
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh",
];
const QUOTES: [&str; 10] = [
    "The group is trying to show that it can still strike wherever it wants",
    "These attacks are meant to humiliate the authorities",
    "Recruitment has picked up again in the border districts",
    "Its leadership has been weakened but not broken",
    "The group is exploiting local grievances very skilfully",
    "Its propaganda now reaches far beyond the region",
    "Money is flowing in through networks abroad",
    "The security forces are stretched too thin to hold the countryside",
    "The group has learned to operate in small cells",
    "We should expect more attacks of this kind",
];

// ------------------------------------------------------------------------------------------
// Text with spans
// ------------------------------------------------------------------------------------------

#[derive(Default)]
struct Text {
    s: String,
    sentences: Vec<Sentence>,
    start: usize,
}

impl Text {
    fn begin(&mut self) {
        if !self.s.is_empty() && !self.s.ends_with('\n') {
            self.s.push(' ');
        }
        self.start = self.s.len();
    }
    fn paragraph(&mut self) {
        self.s.push_str("\n\n");
    }
    fn push(&mut self, t: &str) -> Span {
        let a = self.s.len();
        self.s.push_str(t);
        Span::new(a, self.s.len())
    }
    /// Ends the current sentence; returns its index.
    fn end(&mut self) -> usize {
        self.sentences.push(Sentence {
            span: Span::new(self.start, self.s.len()),
        });
        self.sentences.len() - 1
    }
}

// ------------------------------------------------------------------------------------------
// Groups, places and the generation plan
// ------------------------------------------------------------------------------------------

struct Group {
    id: String,
    names: Vec<String>,
    places: Vec<Place>,
    /// (predicate, target id, target name) from the knowledge base's relations.
    relations: Vec<(Predicate, String, String)>,
}

fn cities(cc: &str) -> Vec<Place> {
    let g = dossier_geo::Gazetteer::global();
    let mut es: Vec<(u64, u32)> = g
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == PlaceKind::City && e.cc() == cc)
        .map(|(i, e)| (e.population, i as u32))
        .collect();
    es.sort_by(|a, b| b.cmp(a));
    es.into_iter()
        .take(12)
        .filter_map(|(_, i)| g.place(i))
        .collect()
}

fn groups(kb: &KnowledgeBase) -> Vec<Group> {
    let mut by_cc: HashMap<String, Vec<Place>> = HashMap::new();
    let fallback = ["AF", "IQ", "SY", "SO", "NG", "PK"];
    kb.entities()
        .iter()
        .filter(|e| e.category == KbCategory::ArmedGroup)
        .map(|e| {
            let mut places = Vec::new();
            let ccs: Vec<&str> = e
                .area
                .iter()
                .map(String::as_str)
                .filter(|a| a.len() == 2 && a.chars().all(|c| c.is_ascii_uppercase()))
                .collect();
            for cc in if ccs.is_empty() {
                fallback.to_vec()
            } else {
                ccs
            } {
                places.extend(
                    by_cc
                        .entry(cc.to_string())
                        .or_insert_with(|| cities(cc))
                        .iter()
                        .cloned(),
                );
            }
            if places.is_empty() {
                places = cities("AF");
            }
            let names = e
                .names()
                .into_iter()
                .filter(|n| !n.ambiguous && n.lang.is_none())
                .map(|n| n.name.to_string())
                .collect();
            let relations = e
                .relations
                .iter()
                .filter_map(|r| {
                    let p = match r.kind.as_str() {
                        "affiliate_of" => Predicate::AffiliateOf,
                        "part_of" => Predicate::PartOf,
                        "rival_of" => Predicate::RivalOf,
                        "ally_of" => Predicate::AllyOf,
                        "split_from" => Predicate::SplitFrom,
                        _ => return None,
                    };
                    // The measured groups are named only in their own documents, so that
                    // their document counts are as planned.
                    if MEASURED.contains(&r.target.as_str()) {
                        return None;
                    }
                    let t = kb.get(&r.target)?;
                    Some((p, t.id.clone(), t.name.clone()))
                })
                .collect();
            Group {
                id: e.id.clone(),
                names,
                places,
                relations,
            }
        })
        .collect()
}

/// What one generated document reports.
#[derive(Clone, Copy)]
struct Plan {
    group: usize,
    /// ISKP: (event number, report number).
    iskp: Option<(usize, usize)>,
}

fn plan(groups: &[Group], n: usize, rng: &mut Rng) -> Vec<Plan> {
    let idx = |id: &str| groups.iter().position(|g| g.id == id).expect("group in kb");
    let (iskp, small) = (idx("iskp"), idx("jaish-al-adl"));
    let mut out = Vec::with_capacity(n);
    for k in 0..ISKP_EVENTS {
        let reports = if k % REPEAT == 0 { 2 } else { 1 };
        for r in 0..reports {
            out.push(Plan {
                group: iskp,
                iskp: Some((k, r)),
            });
        }
    }
    for _ in 0..SMALL_DOCS {
        out.push(Plan {
            group: small,
            iskp: None,
        });
    }
    // The rest: weighted, the big three much more often than the others.
    let mut weights: Vec<(usize, usize)> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let w = match g.id.as_str() {
            "iskp" | "jaish-al-adl" => 0,
            "taliban" => 12,
            "islamic-state" => 8,
            "al-shabaab" => 6,
            _ => 1,
        };
        if w > 0 {
            weights.push((i, w));
        }
    }
    let total: usize = weights.iter().map(|w| w.1).sum();
    while out.len() < n {
        let mut x = rng.below(total);
        let g = weights
            .iter()
            .find(|(_, w)| {
                let hit = x < *w;
                if !hit {
                    x -= w;
                }
                hit
            })
            .map_or(0, |w| w.0);
        out.push(Plan {
            group: g,
            iskp: None,
        });
    }
    // Documents arrive in no particular order (like a crawl).
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}

// ------------------------------------------------------------------------------------------
// One document and its analysis
// ------------------------------------------------------------------------------------------

const FIRST_DAY: (i32, u32, u32) = (2015, 1, 1);
const DAYS: usize = 4017; // to 2025-12-31

fn day(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).expect("date")
        + Duration::days(n as i64)
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST))
}

fn quantity(span: Span, n: usize, counted: Option<(&str, Span)>, sentence: usize) -> Quantity {
    Quantity {
        span,
        text: n.to_string(),
        min: Some(n as f64),
        max: Some(n as f64),
        approximate: false,
        unit: None,
        counted: counted.map(|c| c.0.to_string()),
        counted_span: counted.map(|c| c.1),
        sentence,
    }
}

fn mention(span: Span, label: &str, text: &str) -> EntityMention {
    EntityMention {
        span,
        label: label.into(),
        text: text.into(),
        source: "ner".into(),
    }
}

fn georef(span: Span, p: &Place) -> GeoRef {
    GeoRef {
        span,
        text: p.name.clone(),
        place: p.clone(),
        confidence: 0.9,
        evidence: vec!["population".into(), "country focus".into()],
    }
}

struct Generated {
    doc: Document,
    analysis: Analysis,
}

/// Document `i` of the plan. ISKP events take their details from a generator seeded by the event
/// number, so that two reports of one event agree on date, place and target.
fn generate(i: usize, p: Plan, groups: &[Group], kb_names: &[(String, String)]) -> Generated {
    let g = &groups[p.group];
    let mut rng = Rng::new(SEED ^ (i as u64).wrapping_mul(0x9e37_79b9));
    let mut ev = match p.iskp {
        Some((k, _)) => Rng::new(SEED.rotate_left(17) ^ k as u64),
        None => Rng::new(rng.next()),
    };
    let event_day = ev.below(DAYS - 3);
    let lag = match p.iskp {
        Some((_, r)) => r + ev.below(2),
        None => rng.below(3),
    };
    let published = day(event_day + lag);
    let event_date = day(event_day);
    let place = ev.pick(&g.places).clone();
    let (subkind, verbs) = *ev.pick(&SUBKINDS);
    let verb = ev.word(verbs);
    let target = format!("{} {}", ev.pick(&ADJ), ev.pick(&TARGETS));
    let killed = ev.range(0, 60);
    let killed = if p.iskp.is_some_and(|(_, r)| r > 0) && rng.chance(0.4) {
        killed + rng.range(1, 8) // a later, higher count
    } else {
        killed
    };
    let injured = killed + ev.range(0, 90);
    let (publisher, domain) = match p.iskp {
        Some((_, r)) => PUBLISHERS[(ev.below(PUBLISHERS.len()) + r * 5) % PUBLISHERS.len()],
        None => *rng.pick(&PUBLISHERS),
    };
    let alias = rng.pick(&g.names).clone();
    let gid = KbId::new(g.id.clone());

    let mut t = Text::default();
    let mut a = Analysis {
        analyzer: ANALYZER.into(),
        dct: Some(published),
        language: "en".into(),
        ..Analysis::default()
    };
    let mut x = Extraction::default();

    // The event sentence.
    t.begin();
    let att = rng.word(&ATTACKERS);
    t.push(att);
    t.push(" ");
    let actor_span = t.push(&alias);
    t.push(" ");
    let trigger_span = t.push(verb);
    t.push(" a ");
    let target_span = t.push(&target);
    t.push(" in ");
    let place_span = t.push(&place.name);
    t.push(if rng.chance(0.3) { " late on " } else { " on " });
    let weekday = event_date.format("%A").to_string();
    let date_span = t.push(&weekday);
    t.push(", killing ");
    let k_span = t.push(&killed.to_string());
    t.push(" ");
    let victims = rng.word(&VICTIMS);
    let v_span = t.push(victims);
    t.push(" and wounding ");
    let i_span = t.push(&injured.to_string());
    t.push(" others, ");
    let official = person(&mut rng);
    let role = rng.word(&OFFICIAL_ROLES);
    let src_span = t.push(&format!("{role}, {official},"));
    t.push(" ");
    let said_span = t.push("said");
    t.push(".");
    let s0 = t.end();
    let official_src = Source {
        name: Some(official.clone()),
        role: Some(
            role.trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("the ")
                .to_string(),
        ),
        affiliation: None,
        anonymous: false,
    };
    a.actors.push(Actor {
        span: actor_span,
        text: alias.clone(),
        entity: Some(gid.clone()),
        group: true,
        coreference: false,
    });
    a.names.push(mention(actor_span, "ORG", &alias));
    a.names.push(mention(place_span, "GPE", &place.name));
    a.names.push(mention(
        Span::new(src_span.end - official.len() - 1, src_span.end - 1),
        "PERSON",
        &official,
    ));
    a.places.push(georef(place_span, &place));
    let midnight = NaiveTime::from_hms_opt(0, 0, 0).expect("time");
    let last = NaiveTime::from_hms_opt(23, 59, 59).expect("time");
    a.time_expressions.push(TimeExpression {
        span: date_span,
        text: weekday.clone(),
        kind: TimexType::Date,
        value: event_date.format("%Y-%m-%d").to_string(),
        modifier: None,
        earliest: Some(event_date.and_time(midnight)),
        latest: Some(event_date.and_time(last)),
        anchored: true,
        sentence: s0,
    });
    let kq = quantity(k_span, killed, Some((victims, v_span)), s0);
    let iq = quantity(i_span, injured, None, s0);
    x.quantities.push(kq.clone());
    x.quantities.push(iq.clone());
    x.attributions.push(Attribution {
        cue: "said".into(),
        cue_span: said_span,
        source: official_src.clone(),
        source_span: Some(src_span),
        said_at: None,
        medium: None,
        sentence: s0,
    });

    // The claim, or who is suspected.
    t.begin();
    let claimed = rng.chance(0.6);
    let mut evidence = vec![s0];
    let claim_actor;
    if claimed {
        claim_actor = t.push(&alias);
        t.push(" claimed responsibility for the ");
        t.push(subkind.replace('_', " ").as_str());
        t.push(" ");
        t.push(rng.word(&CHANNELS));
        t.push(".");
    } else {
        t.push("No group has claimed the attack, but officials in ");
        t.push(&place.country);
        t.push(" blamed ");
        claim_actor = t.push(&alias);
        t.push(&format!(
            ", which has carried out {} attacks in the area this year.",
            rng.range(2, 40)
        ));
    }
    let s1 = t.end();
    evidence.push(s1);
    a.actors.push(Actor {
        span: claim_actor,
        text: alias.clone(),
        entity: Some(gid.clone()),
        group: true,
        coreference: false,
    });
    a.names.push(mention(claim_actor, "ORG", &alias));
    let date_text = weekday;
    x.events.push(EventMention {
        kind: EventKind::Attack,
        subkind: Some(subkind.into()),
        trigger: verb.into(),
        trigger_span,
        sentence: s0,
        evidence,
        date: Some(EventDate {
            value: event_date.format("%Y-%m-%d").to_string(),
            precision: "day".into(),
            modifier: None,
            earliest: Some(event_date.format("%Y-%m-%d").to_string()),
            latest: Some(event_date.format("%Y-%m-%d").to_string()),
            text: date_text,
            span: date_span,
        }),
        place: Some(EventPlace {
            text: place.name.clone(),
            span: place_span,
            place: Some(place.clone()),
        }),
        participants: vec![
            Participant {
                role: Role::Perpetrator,
                text: alias.clone(),
                span: actor_span,
                entity: Some(gid.clone()),
                responsibility: Some(if claimed {
                    Responsibility::Claimed
                } else {
                    Responsibility::Attributed
                }),
                attributed_by: (!claimed).then(|| Source {
                    role: Some("officials".into()),
                    ..Source::default()
                }),
            },
            Participant {
                role: Role::Target,
                text: format!("a {target}"),
                span: target_span,
                entity: None,
                responsibility: None,
                attributed_by: None,
            },
        ],
        killed: Some(Figure {
            quantity: kq,
            attributed_to: Some(official_src.clone()),
            revised_from: Vec::new(),
        }),
        injured: Some(Figure {
            quantity: iq,
            attributed_to: Some(official_src),
            revised_from: Vec::new(),
        }),
        killed_elsewhere: Vec::new(),
        injured_elsewhere: Vec::new(),
        abducted: None,
        weapon: None,
        certainty: Certainty::Reported,
        attributed_to: None,
    });
    t.paragraph();

    // Background: an estimate, a relation, an assessment.
    if rng.chance(0.35) {
        t.begin();
        let expert = person(&mut rng);
        let (erole, inst) = *rng.pick(&EXPERT_ROLES);
        let lo = rng.range(5, 60) * 50;
        let hi = lo + rng.range(1, 40) * 50;
        let year = published.year().to_string();
        let e_span = t.push(&expert);
        t.push(&format!(", {erole} at {inst}, estimates that "));
        let subj = t.push("the group");
        t.push(" has between ");
        let q_span = t.push(&format!("{lo} and {hi}"));
        t.push(" fighters in ");
        t.push(&place.country);
        t.push(" as of ");
        t.push(&year);
        t.push(".");
        let s = t.end();
        a.names.push(mention(e_span, "PERSON", &expert));
        a.actors.push(Actor {
            span: subj,
            text: "the group".into(),
            entity: Some(gid.clone()),
            group: true,
            coreference: true,
        });
        let q = Quantity {
            span: q_span,
            text: format!("between {lo} and {hi}"),
            min: Some(lo as f64),
            max: Some(hi as f64),
            approximate: false,
            unit: None,
            counted: Some("fighters".into()),
            counted_span: None,
            sentence: s,
        };
        x.quantities.push(q.clone());
        x.facts.push(Fact {
            subject: gid.clone(),
            subject_text: "the group".into(),
            predicate: Predicate::Estimate,
            object: None,
            quantity: Some("fighters".into()),
            value: Some(q),
            valid_time: Some(year),
            sentence: s,
            attributed_to: Some(Source {
                name: Some(expert),
                role: Some(
                    erole
                        .trim_start_matches("a ")
                        .trim_start_matches("an ")
                        .into(),
                ),
                affiliation: Some(inst.into()),
                anonymous: false,
            }),
            certainty: Certainty::Estimated,
        });
    }
    if !g.relations.is_empty() && rng.chance(0.3) {
        let (pred, oid, oname) = rng.pick(&g.relations).clone();
        t.begin();
        let subj = t.push(&alias);
        t.push(match pred {
            Predicate::AffiliateOf => " is an affiliate of ",
            Predicate::PartOf => " is part of ",
            Predicate::RivalOf => " is a rival of ",
            Predicate::AllyOf => " is allied with ",
            _ => " split from ",
        });
        let o = t.push(&oname);
        t.push(&format!(
            ", {} {} said.",
            rng.pick(&EXPERT_ROLES).0,
            person(&mut rng)
        ));
        let s = t.end();
        a.actors.push(Actor {
            span: subj,
            text: alias.clone(),
            entity: Some(gid.clone()),
            group: true,
            coreference: false,
        });
        a.actors.push(Actor {
            span: o,
            text: oname.clone(),
            entity: Some(KbId::new(oid.clone())),
            group: true,
            coreference: false,
        });
        x.facts.push(Fact {
            subject: gid.clone(),
            subject_text: alias.clone(),
            predicate: pred,
            object: Some(FactObject {
                text: oname,
                span: o,
                entity: Some(KbId::new(oid)),
                place: None,
            }),
            quantity: None,
            value: None,
            valid_time: None,
            sentence: s,
            attributed_to: None,
            certainty: Certainty::Reported,
        });
    }
    if rng.chance(0.15) {
        let expert = person(&mut rng);
        let (erole, inst) = *rng.pick(&EXPERT_ROLES);
        let quote = rng.word(&QUOTES);
        t.begin();
        t.push(&format!("\u{201c}{quote},\u{201d} said "));
        let e_span = t.push(&expert);
        t.push(&format!(", {erole} at {inst}."));
        let s = t.end();
        a.names.push(mention(e_span, "PERSON", &expert));
        x.assessments.push(Assessment {
            by: Source {
                name: Some(expert),
                role: Some(
                    erole
                        .trim_start_matches("a ")
                        .trim_start_matches("an ")
                        .into(),
                ),
                affiliation: Some(inst.into()),
                anonymous: false,
            },
            date: None,
            text: quote.into(),
            sentence: s,
            about: vec![gid.clone()],
            medium: None,
        });
    }

    // Colour: sentences of many small variable parts, so that no two texts are near-duplicates.
    for _ in 0..rng.range(3, 5) {
        t.begin();
        let other = rng.pick(&g.places).clone();
        let clause = rng
            .pick(&CLAUSES)
            .replace("{n}", &rng.range(2, 400).to_string())
            .replace("{o}", rng.word(&ORDINALS));
        let (before, after) = clause.split_once("{p}").unwrap_or((clause.as_str(), ""));
        t.push(&format!(
            "{} in {} {} ",
            rng.pick(&WHO),
            place.name,
            rng.pick(&SAID)
        ));
        t.push(before);
        if clause.contains("{p}") {
            let ps = t.push(&other.name);
            a.names.push(mention(ps, "GPE", &other.name));
            a.places.push(georef(ps, &other));
        }
        t.push(after.replace("{p}", &other.name).as_str());
        t.push(&format!(
            ", according to {} of {}.",
            person(&mut rng),
            rng.pick(kb_names).1
        ));
        t.end();
    }

    a.sentences = std::mem::take(&mut t.sentences);
    a.extraction = x;
    let title = format!(
        "{} in {}: {} killed in {} on {}",
        alias,
        place.name,
        killed,
        subkind.replace('_', " "),
        target
    );
    let mut doc = Document::new(
        Format::Html,
        Provenance::file(format!("bench/{i:06}.html")),
        t.s,
    );
    doc.url = Some(format!(
        "https://{domain}/news/{}/{i}",
        published.format("%Y/%m/%d")
    ));
    doc.title = Some(title);
    doc.publisher = Some(publisher.into());
    doc.published = Some(Timestamp::from_date(published));
    doc.language = Some("en".into());
    Generated { doc, analysis: a }
}

// ------------------------------------------------------------------------------------------
// Generation
// ------------------------------------------------------------------------------------------

struct GenStats {
    seconds: f64,
    docs: usize,
    near_duplicates: usize,
    text_bytes: usize,
    json_bytes: usize,
}

fn build_store(path: &Path, n: usize, kb: &KnowledgeBase) -> GenStats {
    let started = Instant::now();
    let groups = groups(kb);
    // Bystander names for the colour sentences: institutions and groups of the knowledge base.
    let kb_names: Vec<(String, String)> = kb
        .entities()
        .iter()
        .filter(|e| e.category == KbCategory::Institution)
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    let kb_names = if kb_names.is_empty() {
        vec![("un".to_string(), "the United Nations".to_string())]
    } else {
        kb_names
    };
    let mut rng = Rng::new(SEED);
    let plan = plan(&groups, n, &mut rng);
    let mut store = SqliteStore::open(path).expect("open store");
    let mut st = GenStats {
        seconds: 0.0,
        docs: 0,
        near_duplicates: 0,
        text_bytes: 0,
        json_bytes: 0,
    };
    for (b, chunk) in plan.chunks(BATCH).enumerate() {
        let base = b * BATCH;
        let gen: Vec<Generated> = chunk
            .iter()
            .enumerate()
            .map(|(j, p)| generate(base + j, *p, &groups, &kb_names))
            .collect();
        let mut by_doc: HashMap<i64, usize> = HashMap::new();
        {
            let mut tx = store.begin().expect("begin");
            for (j, g) in gen.iter().enumerate() {
                match tx.put(&g.doc).expect("put") {
                    PutOutcome::New {
                        id,
                        near_duplicate_of,
                    } => {
                        st.near_duplicates += usize::from(near_duplicate_of.is_some());
                        by_doc.insert(id, j);
                    }
                    other => panic!("document {} not new: {other:?}", base + j),
                }
            }
            tx.commit().expect("commit");
        }
        let pending = store
            .pending_analysis(ANALYZER, chunk.len())
            .expect("pending");
        let jsons: Vec<(i64, i64, String, Vec<String>)> = pending
            .iter()
            .map(|p| {
                let g = &gen[by_doc[&p.doc_id]];
                let json = serde_json::to_string(&g.analysis).expect("json");
                st.text_bytes += g.doc.text.len();
                st.json_bytes += json.len();
                (p.version_id, p.doc_id, json, g.analysis.entity_ids())
            })
            .collect();
        assert_eq!(jsons.len(), chunk.len(), "every new version pending");
        let items: Vec<dossier_store::AnalysisItem> = jsons
            .iter()
            .map(|(v, d, j, ids)| dossier_store::AnalysisItem {
                version_id: *v,
                doc_id: *d,
                analyzer: ANALYZER,
                json: j,
                entities: ids.clone(),
                names: Vec::new(),
            })
            .collect();
        store.put_analyses(&items).expect("put analyses");
        st.docs += chunk.len();
        if (b + 1) % 10 == 0 {
            eprintln!(
                "  generated {} documents ({:.0}s)",
                st.docs,
                started.elapsed().as_secs_f64()
            );
        }
    }
    st.seconds = started.elapsed().as_secs_f64();
    st
}

// ------------------------------------------------------------------------------------------
// Measurement
// ------------------------------------------------------------------------------------------

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

struct Timing {
    runs: usize,
    p50: f64,
    p99: f64,
    max: f64,
}

/// Time `f` (milliseconds): a warm-up (up to 5 runs, stopping after 2 s), then `runs` runs,
/// fewer when one run is slow (about `budget_ms` per case at most, 5 runs at least).
fn time(runs: usize, budget_ms: f64, mut f: impl FnMut()) -> Timing {
    let mut warm = Vec::new();
    while warm.len() < 5 && warm.iter().sum::<f64>() < 2000.0 {
        let t = Instant::now();
        f();
        warm.push(t.elapsed().as_secs_f64() * 1e3);
    }
    warm.sort_by(f64::total_cmp);
    let fit = (budget_ms / warm[warm.len() / 2].max(1e-3)) as usize;
    let runs = runs.min(fit.max(5));
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f();
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    ms.sort_by(f64::total_cmp);
    Timing {
        runs,
        p50: percentile(&ms, 0.5),
        p99: percentile(&ms, 0.99),
        max: ms[ms.len() - 1],
    }
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map_or(0, |m| m.len())
}

fn with_suffix(p: &Path, s: &str) -> PathBuf {
    let mut o = p.as_os_str().to_owned();
    o.push(s);
    PathBuf::from(o)
}

fn main() {
    let n: usize = std::env::var("DOSSIER_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
        .max(ISKP_EVENTS * 2 + SMALL_DOCS);
    let runs: usize = std::env::var("DOSSIER_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let kb = KnowledgeBase::builtin().expect("knowledge base");
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = std::env::var_os("DOSSIER_BENCH_STORE")
        .map_or_else(|| tmp.path().join("bench.db"), PathBuf::from);

    println!("profile benchmark: {n} documents, store {}", path.display());
    let gen = if path.exists() {
        println!("reusing the existing store (delete it to regenerate)");
        None
    } else {
        let g = build_store(&path, n, &kb);
        println!(
            "generated {} documents with analyses in {:.1}s ({:.0} docs/s); {} near-duplicate links; \
             text {:.0} B/doc, analysis JSON {:.0} B/doc",
            g.docs,
            g.seconds,
            g.docs as f64 / g.seconds,
            g.near_duplicates,
            g.text_bytes as f64 / g.docs as f64,
            g.json_bytes as f64 / g.docs as f64,
        );
        Some(g)
    };
    let store = SqliteStore::open(&path).expect("open store");
    let docs = store.stats().expect("stats").documents;
    assert!(
        docs as usize >= n,
        "store has {docs} documents, want {n}: delete it to regenerate"
    );
    let (db, wal) = (file_size(&path), file_size(&with_suffix(&path, "-wal")));
    println!(
        "store: {docs} documents; db {:.1} MB + wal {:.1} MB = {:.0} bytes per document",
        db as f64 / 1e6,
        wal as f64 / 1e6,
        (db + wal) as f64 / docs as f64
    );

    // ISKP: 1,000 events, the target case. Jaish al-Adl: a small group. The Taliban: a big one
    // (thousands of documents), for scaling only, with few runs.
    let cases = [
        ("ISKP", "iskp", 60_000.0),
        ("Jaish al-Adl", "jaish-al-adl", 60_000.0),
        ("Taliban", "taliban", 20_000.0),
    ];
    let mut report = Vec::new();
    // `DOSSIER_BENCH_ONLY=iskp` (an entity id) times one group only, e.g. under a profiler.
    let only = std::env::var("DOSSIER_BENCH_ONLY").ok();
    for (name, id, budget) in cases {
        if only.as_deref().is_some_and(|o| o != id) {
            continue;
        }
        for as_of in [None, Some(AS_OF)] {
            let d = dossier_knowledge::profile(&store, &kb, name, as_of).expect("profile");
            assert_eq!(d.entity.id, id);
            let loaded = store.analyses_for_entity(id, as_of).expect("rows").len();
            let t = time(runs, budget, || {
                let d = dossier_knowledge::profile(&store, &kb, name, as_of).expect("profile");
                std::hint::black_box(d);
            });
            let label = format!(
                "{name}{}",
                as_of.map_or(String::new(), |a| format!(" as of {a}"))
            );
            println!(
                "profile {label}: {loaded} documents, {} events, {} sources; {} runs: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                d.events.len(),
                d.sources.len(),
                t.runs,
                t.p50,
                t.p99,
                t.max
            );
            report.push((label, loaded, d.events.len(), t));
        }
    }

    // Where the time goes, for the big group: SQL, JSON parsing, fusion.
    let stage_runs = 30;
    let sql = time(stage_runs, 10_000.0, || {
        std::hint::black_box(store.analyses_for_entity("iskp", None).expect("rows"));
    });
    let rows = store.analyses_for_entity("iskp", None).expect("rows");
    let parse = time(stage_runs, 10_000.0, || {
        let l: Vec<Loaded> = rows.iter().cloned().filter_map(Loaded::parse).collect();
        std::hint::black_box(l);
    });
    let loaded: Vec<Loaded> = rows.iter().cloned().filter_map(Loaded::parse).collect();
    let build = time(stage_runs, 10_000.0, || {
        std::hint::black_box(dossier_knowledge::profile::build(
            "iskp", &loaded, &kb, None,
        ));
    });
    let json_mb = rows
        .iter()
        .map(|r| r.json.len() + r.text.len())
        .sum::<usize>() as f64
        / 1e6;
    println!(
        "ISKP stages (p50): SQL {:.1} ms ({:.1} MB of text and JSON), JSON parse {:.1} ms, fusion and dossier {:.1} ms",
        sql.p50, json_mb, parse.p50, build.p50
    );

    println!("\nREPORT");
    println!("  documents: {docs}");
    if let Some(g) = &gen {
        println!("  generation: {:.1}s", g.seconds);
    }
    println!(
        "  store size: {:.0} bytes per document (db + wal)",
        (db + wal) as f64 / docs as f64
    );
    for (label, loaded, events, t) in &report {
        println!(
            "  {label}: {loaded} docs, {events} events: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            t.p50, t.p99, t.max
        );
    }
    if let Some((_, _, _, t)) = report.iter().find(|r| r.0 == "ISKP") {
        println!(
            "  target p99 < 100 ms for a group with 1,000 events (ISKP): {}",
            if t.p99 < 100.0 { "met" } else { "NOT met" }
        );
    }
}
