//! Resolution of place mentions to gazetteer entries: population, document country focus, nearby
//! mentions and cue phrases ("the southeastern Iranian city of Kerman", "in Borno state").

use std::collections::HashMap;

use dossier_core::entity::EntityMention;
use dossier_core::place::{GeoRef, PlaceKind};
use dossier_core::span::Span;

use crate::gazetteer::{haversine_km, Entry, Gazetteer, NameKind};
use crate::norm::key;

/// NER labels whose mentions may be places. NORP mentions count only as country demonyms.
pub const PLACE_LABELS: &[&str] = &["GPE", "LOC", "FAC", "NORP"];

/// Region words that may follow or precede a region name ("Borno State", "province of Idlib").
const REGION_WORDS: &[&str] = &[
    "province",
    "state",
    "region",
    "governorate",
    "oblast",
    "prefecture",
    "district",
    "county",
    "territory",
    "krai",
    "republic",
];
/// Words before "of" that announce a populated place ("the city of", "the town of").
const CITY_WORDS: &[&str] = &[
    "city", "town", "village", "capital", "port", "suburb", "township",
];

/// What the words around a mention say about it.
#[derive(Debug, Default, Clone)]
struct Cues {
    /// Kind announced by the context ("city of", "province").
    kind: Option<PlaceKind>,
    /// Country named just before ("the Iranian city of") or after ("Paris, France").
    country: Option<[u8; 2]>,
    /// Region named just after ("Paris, Texas"): (country code, admin1 code).
    admin1: Option<([u8; 2], String)>,
    /// Country in "near the border with Ukraine" just before or after the mention.
    border: Option<[u8; 2]>,
    /// The place it lies in ("Lido Beach in Mogadishu"): kind, country, point.
    within: Option<(PlaceKind, [u8; 2], f64, f64)>,
    evidence: Vec<String>,
}

/// How far from the city or region it is said to lie in a place may be.
const WITHIN_KM: f64 = 300.0;

/// One mention prepared for resolution.
#[derive(Debug)]
struct Prepared {
    span: Span,
    text: String,
    key: String,
    demonym_only: bool,
    cues: Cues,
    candidates: Vec<(u32, NameKind)>,
}

fn cc_of(e: &Entry) -> [u8; 2] {
    e.cc
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Strips a region word from the mention itself ("Borno State" -> "Borno", kind Admin1).
/// German words for regions, before the name ("Region Brjansk", "Provinz Kerman").
const GERMAN_REGION_WORDS: &[&str] = &["Region", "Provinz", "Gebiet", "Bezirk", "Bundesstaat"];

fn strip_region_word(k: &str) -> Option<&str> {
    for w in GERMAN_REGION_WORDS {
        let w = w.to_lowercase();
        if let Some(rest) = k.strip_prefix(w.as_str()).and_then(|r| r.strip_prefix(' ')) {
            if !rest.is_empty() {
                return Some(rest);
            }
        }
    }
    for w in REGION_WORDS {
        if let Some(rest) = k.strip_suffix(w) {
            if let Some(rest) = rest.strip_suffix(' ') {
                if !rest.is_empty() {
                    return Some(rest);
                }
            }
        }
        if let Some(rest) = k.strip_prefix(w) {
            if let Some(rest) = rest.strip_prefix(" of ") {
                if !rest.is_empty() {
                    return Some(rest);
                }
            }
        }
    }
    None
}

fn strip_city_word(k: &str) -> Option<&str> {
    for w in ["city", "town"] {
        if let Some(rest) = k.strip_suffix(w).and_then(|r| r.strip_suffix(' ')) {
            if !rest.is_empty() {
                return Some(rest);
            }
        }
    }
    None
}

/// A German place adjective ("Kölner" in "Kölner Dom", "Berliner" in "Berliner
/// Weihnachtsmarkt", "Münchner", "Bremer"): the German, Austrian or Swiss cities of 100,000 or
/// more the word is formed from, with the key they were found under (in English text such words
/// are mostly names: "Heather", "Oliver"). Callers make sure a noun follows the adjective.
fn city_of_adjective(g: &Gazetteer, word: &str) -> Option<(String, Vec<(u32, NameKind)>)> {
    if word.chars().count() < 5 || word.contains(' ') {
        return None;
    }
    let base = word.strip_suffix("er")?;
    let mut stems = vec![base.to_string(), format!("{base}en")];
    // "Münchner" from "München", "Dresdner" from "Dresden", "Basler" from "Basel".
    if let Some(last) = base.chars().last().filter(|c| matches!(c, 'n' | 'l')) {
        let head = &base[..base.len() - last.len_utf8()];
        stems.push(format!("{head}e{last}"));
    }
    stems.into_iter().find_map(|stem| {
        let cands: Vec<(u32, NameKind)> = g
            .lookup_key(&stem)
            .iter()
            .copied()
            .filter(|&(i, _)| {
                g.entry(i).is_some_and(|e| {
                    e.kind == PlaceKind::City
                        && e.population >= 100_000
                        && matches!(&cc_of(e), b"DE" | b"AT" | b"CH")
                })
            })
            .collect();
        (!cands.is_empty()).then_some((stem, cands))
    })
}

/// Whether a capitalised word (a German noun) follows `end` in `text`: "Kölner| Dom".
fn noun_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    rest.starts_with(' ') && rest[1..].chars().next().is_some_and(char::is_uppercase)
}

fn country_of_word(g: &Gazetteer, w: &str) -> Option<[u8; 2]> {
    g.lookup_key(w)
        .iter()
        .filter_map(|(i, nk)| g.entry(*i).map(|e| (e, *nk)))
        .find(|(e, nk)| e.kind == PlaceKind::Country && *nk != NameKind::Alternate)
        .map(|(e, _)| cc_of(e))
}

/// Whether the words before `at` end a country's name and a list separator ("in Mali, ",
/// "Mali, Burkina Faso and "): what follows is the list's next item.
fn listed_after_country(g: &Gazetteer, text: &str, at: usize) -> bool {
    let before = &text[floor_char(text, at.saturating_sub(60))..floor_char(text, at)];
    let Some(item) = [", and ", ", or ", ", ", " and ", " or "]
        .iter()
        .find_map(|sep| before.strip_suffix(sep))
    else {
        return false;
    };
    let words: Vec<&str> = item.split(' ').collect();
    (1..=3.min(words.len())).any(|n| {
        let name = words[words.len() - n..].join(" ");
        name.chars().next().is_some_and(char::is_uppercase)
            && country_of_word(g, &key(&name)).is_some()
    })
}

fn read_cues(g: &Gazetteer, text: &str, span: Span) -> Cues {
    let mut c = Cues::default();
    let before =
        &text[floor_char(text, span.start.saturating_sub(80))..floor_char(text, span.start)];
    let before_key = key(before);
    let words: Vec<&str> = before_key.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    // "... city of X", "... province of X", "in the state of X"
    if n >= 2 && words[n - 1] == "of" {
        let w = words[n - 2];
        if CITY_WORDS.contains(&w) {
            c.kind = Some(PlaceKind::City);
            c.evidence.push(format!("cue: {w} of"));
        } else if REGION_WORDS.contains(&w) {
            c.kind = Some(PlaceKind::Admin1);
            c.evidence.push(format!("cue: {w} of"));
        }
        // "the southeastern Iranian city of", "Nigeria's town of"
        if c.kind.is_some() {
            for back in 3..=5 {
                if n < back {
                    break;
                }
                let w = words[n - back];
                let w = w.strip_suffix(" s").unwrap_or(w);
                if let Some(cc) = country_of_word(g, w) {
                    c.country = Some(cc);
                    c.evidence.push(format!("cue: {w}"));
                    break;
                }
                if n > back {
                    let two = format!("{} {}", words[n - back - 1], w);
                    if let Some(cc) = country_of_word(g, &two) {
                        c.country = Some(cc);
                        c.evidence.push(format!("cue: {two}"));
                        break;
                    }
                }
            }
        }
    }
    let after = &text[ceil_char(text, span.end)..ceil_char(text, span.end.saturating_add(60))];
    let after_key = key(after);
    // "the town of Palma in northern Mozambique": the country it is said to lie in, after it.
    if c.country.is_none() {
        let ws: Vec<&str> = after_key.split(' ').filter(|w| !w.is_empty()).collect();
        if ws.first() == Some(&"in") {
            let mut k = 1;
            while ws.get(k).is_some_and(|w| {
                w.ends_with("ern") || ["central", "the", "far", "remote", "rural"].contains(w)
            }) {
                k += 1;
            }
            for len in (1..=3).rev() {
                if k + len > ws.len() {
                    continue;
                }
                let name = ws[k..k + len].join(" ");
                if let Some(cc) = country_of_word(g, &name) {
                    c.country = Some(cc);
                    c.evidence.push(format!("cue: in {name}"));
                    break;
                }
            }
        }
    }
    // "near the border with Ukraine", "close to the Turkish border"
    for window in [&before_key, &after_key] {
        let Some(pos) = window.find("border with ") else {
            continue;
        };
        let rest: Vec<&str> = window[pos + 12..].split(' ').take(3).collect();
        for len in (1..=rest.len()).rev() {
            let name = rest[..len].join(" ");
            let name = name.strip_prefix("the ").unwrap_or(&name);
            if let Some(cc) = country_of_word(g, name) {
                c.border = Some(cc);
                c.evidence.push(format!("cue: near the border with {name}"));
                break;
            }
        }
    }
    // "Lido Beach in Mogadishu", "Gera in Thuringia": a known city, region or country right
    // after "in" contains the mention.
    // ("the Sherpur district of Kabul", "the Karrada neighbourhood of Baghdad": the city the
    // quarter is part of.)
    let within = [
        " in ",
        " district of ",
        " neighbourhood of ",
        " neighborhood of ",
        " suburb of ",
        " quarter of ",
        " area of ",
    ]
    .iter()
    .find_map(|p| after.strip_prefix(p))
    .and_then(|rest| place_named_at(g, rest, |k| k != PlaceKind::Continent));
    if let Some(e) = within {
        c.within = Some((e.kind, cc_of(e), f64::from(e.lat), f64::from(e.lon)));
        if c.country.is_none() {
            c.country = Some(cc_of(e));
        }
        c.evidence.push(format!("cue: in {}", e.name));
    }
    let first = after_key.split(' ').next().unwrap_or("");
    if !after.starts_with(',') && REGION_WORDS.contains(&first) && first != "republic" {
        c.kind = Some(PlaceKind::Admin1);
        c.evidence.push(format!("cue: X {first}"));
    }
    // "Paris, Texas", "Kerman, Iran": up to three capitalised words after a comma
    let abbrev = after.strip_prefix(", ").and_then(|rest| {
        let end = rest.find([' ', ',', '\n', ';', ')']).unwrap_or(rest.len());
        g.abbreviation(&rest[..end]).and_then(|i| g.entry(i))
    });
    if let Some(e) = abbrev {
        c.country = Some(cc_of(e));
        c.admin1 = Some((cc_of(e), e.admin1.clone()));
        c.evidence.push(format!("cue: , {}", e.name));
    } else if let Some(e) = after
        .strip_prefix(", ")
        .filter(|rest| !speaker_follows(rest))
        .and_then(|rest| {
            place_named_at(g, rest, |k| {
                matches!(k, PlaceKind::Country | PlaceKind::Admin1)
            })
        })
    {
        c.country = Some(cc_of(e));
        if e.kind != PlaceKind::Country {
            c.admin1 = Some((cc_of(e), e.admin1.clone()));
        }
        c.evidence.push(format!("cue: , {}", e.name));
    }
    c
}

/// Whether the capitalised words at the start of `rest` are the subject of a verb of saying
/// ("killed in Rafah, Israel said on Thursday"): a speaker after a comma, not the region or
/// country the place before it lies in.
fn speaker_follows(rest: &str) -> bool {
    let next = rest
        .split([' ', ',', '.', ';', ':', ')', '\n'])
        .find(|w| !w.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or("");
    [
        "said",
        "says",
        "announced",
        "announces",
        "claimed",
        "claims",
        "confirmed",
        "confirms",
        "reported",
        "reports",
        "stated",
        "states",
        "told",
        "denied",
        "denies",
        "accused",
        "accuses",
        "added",
        "insisted",
        "alleged",
    ]
    .contains(&next)
}

/// The place named by up to three capitalised words at the start of `rest` (the longest that
/// is a primary name of an accepted kind; a country over others, then the most populous).
fn place_named_at<'g>(
    g: &'g Gazetteer,
    rest: &str,
    accept: impl Fn(PlaceKind) -> bool,
) -> Option<&'g Entry> {
    let words: Vec<&str> = rest
        .split([' ', ',', '.', ';', ':', ')', '\n'])
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(3)
        .collect();
    (1..=words.len()).rev().find_map(|len| {
        let k = key(&words[..len].join(" "));
        g.lookup_key(&k)
            .iter()
            .filter(|(_, nk)| *nk == NameKind::Primary)
            .filter_map(|(i, _)| g.entry(*i))
            .filter(|e| accept(e.kind))
            .max_by_key(|e| (e.kind == PlaceKind::Country, e.population))
    })
}

/// The matching key of a mention: "the" dropped, possessive dropped ("San Francisco's").
fn mention_key(g: &Gazetteer, raw: &str) -> String {
    let trimmed = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .filter(|r| !g.lookup(r).is_empty())
        .unwrap_or(raw);
    let mut k = key(trimmed);
    if let Some(rest) = k.strip_prefix("the ") {
        k = rest.to_owned();
    }
    k
}

/// Keys that name some region in GeoNames but in news are ordinary words or parts of other
/// names ("Central", "Lakes", "Olympic"): never a place on their own.
const GENERIC_KEYS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "centre",
    "center",
    "north east",
    "north west",
    "south east",
    "south west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "midwest",
    "lakes",
    "olympic",
    "commonwealth",
    "capital",
    "coast",
    "river",
    "valley",
    "union",
    "national",
    "federal",
    "upper",
    "lower",
    "middle",
    "interior",
    "islands",
    "border",
    "city",
    "state",
    "province",
    "region",
    "eu",
];

/// Keys of regions across several countries that GeoNames has only as one country's region
/// ("Sahel": Burkina Faso's Sahel Region): no place unless "region" follows the name.
const BELTS: &[&str] = &["sahel"];

/// Whether a key names a place well known enough to count even where NER gave another label:
/// a country, continent or first-level region by its main name, or a city of 100,000 or more.
fn is_strong(g: &Gazetteer, k: &str) -> bool {
    !GENERIC_KEYS.contains(&k)
        && g.lookup_key(k).iter().any(|&(i, nk)| {
            nk == NameKind::Primary
                && g.entry(i).is_some_and(|e| match e.kind {
                    PlaceKind::City => e.population >= 100_000,
                    _ => true,
                })
        })
}

fn valid_span(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Words naming a person's role, right before a name ("governor, Uba Sani").
const PERSON_ROLES: &[&str] = &[
    "governor",
    "minister",
    "president",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "chief",
    "general",
    "gen.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "senator",
    "mayor",
    "official",
    "imam",
    "pastor",
    "colonel",
    "col.",
    "lieutenant",
    "captain",
    "sheikh",
    "emir",
    "prosecutor",
    "judge",
    "ambassador",
    "premier",
    "chairman",
];

/// Words of institutions and places in an organisation's name ("Kabul University", "Herat
/// Police", "Kaduna Polytechnic"): a place inside such a name is a place.
const ORG_WORDS: &[&str] = &[
    "bank",
    "university",
    "college",
    "school",
    "airport",
    "police",
    "council",
    "hospital",
    "ministry",
    "government",
    "province",
    "state",
    "city",
    "club",
    "company",
    "corporation",
    "group",
    "times",
    "post",
    "news",
    "radio",
    "tv",
    "command",
    "brigade",
    "army",
    "court",
    "mosque",
    "church",
    "market",
    "hotel",
    "stadium",
    "station",
    "prison",
    "center",
    "centre",
    "institute",
    "polytechnic",
    "academy",
    "agency",
    "authority",
    "port",
    "emirate",
    "front",
    "movement",
    "brigades",
    "battalion",
    "forces",
    "district",
    "region",
    "county",
    "assembly",
    "parliament",
    "party",
    "committee",
    "union",
    "association",
    "federation",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "press",
    "network",
    "international",
    "province's",
];

/// Last words of a facility's name ("Manchester Arena", "Kabul Airport").
const FACILITY_WORDS: &[&str] = &[
    "Arena",
    "Stadium",
    "Airport",
    "Mosque",
    "Church",
    "Cathedral",
    "Synagogue",
    "Temple",
    "Shrine",
    "Hall",
    "Station",
    "Hotel",
    "Centre",
    "Center",
    "Square",
    "Park",
    "Market",
    "Bazaar",
    "Bridge",
    "Museum",
    "Theatre",
    "Theater",
    "University",
    "Hospital",
    "School",
    "Embassy",
    "Mall",
    "Gate",
    "Palace",
    "Prison",
];

/// "Ariana Grande concert": a one-word place name the NER cut from a longer name: another
/// capitalised word follows that is no part of a place's name, and then a lower-case word.
fn first_of_a_name(text: &str, span: Span) -> bool {
    if !valid_span(text, span) {
        return false;
    }
    let raw = &text[span.start..span.end];
    if raw.contains(' ') || raw.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    let rest = &text[span.end..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split(' ');
    let next = words.next().unwrap_or("");
    let then = words.next().unwrap_or("");
    let capital = next.chars().next().is_some_and(char::is_uppercase)
        && next.chars().skip(1).all(char::is_lowercase)
        && next.chars().count() >= 3;
    let lower = then.chars().next().is_some_and(char::is_lowercase);
    let placeish = FACILITY_WORDS.contains(&next)
        || REGION_WORDS.contains(&next.to_lowercase().as_str())
        || [
            "City",
            "Strip",
            "Valley",
            "River",
            "Island",
            "Islands",
            "Mountains",
            "Desert",
            "Coast",
            "Bay",
            "Lake",
            "Sea",
            "Gulf",
            "Plain",
            "Basin",
            "Heights",
            "Peninsula",
            "Oblast",
            "Town",
            "Village",
            "Airbase",
            "Base",
            "International",
        ]
        .contains(&next)
        // "a Berlin Christmas market": a capitalised common word, not more of a name.
        || [
            "Christmas", "Easter", "New", "Ramadan", "Eid", "Pride", "Carnival", "Marathon",
        ]
        .contains(&next);
    capital && lower && !placeish
}

/// "Gulshan-e-Iqbal", "Mazar-i-Sharif": a name joined to more of itself by a short particle
/// between hyphens, so the mention is only part of a name.
fn inside_compound(text: &str, span: Span) -> bool {
    let joined = |s: &str| {
        let mut parts = s.splitn(3, '-');
        let (Some(""), Some(particle), Some(rest)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        ["e", "i", "ul", "al", "ud", "ur", "un", "o", "ush", "us"].contains(&particle)
            && rest.chars().next().is_some_and(char::is_uppercase)
    };
    joined(&text[span.end..]) || {
        let before = &text[floor_char(text, span.start.saturating_sub(8))..span.start];
        before.ends_with('-')
            && before[..before.len() - 1]
                .rsplit('-')
                .next()
                .is_some_and(|p| ["e", "i", "ul", "al", "ud", "ur", "un", "o"].contains(&p))
    }
}

/// "DERA ISMAIL KHAN, Pakistan —" where the NER took only "KHAN": an upper-case mention
/// grows back over the upper-case words before it on its line.
fn upper_case_run(text: &str, span: Span) -> Span {
    let raw = &text[span.start..span.end];
    if raw.chars().any(char::is_lowercase) || !raw.chars().any(char::is_uppercase) {
        return span;
    }
    let mut start = span.start;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    for w in text[line_start..span.start].split_inclusive(' ').rev() {
        let word = w.trim_end();
        if word.is_empty()
            || !word
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '\'')
            || word.chars().count() < 2
        {
            break;
        }
        start -= w.len();
    }
    // Only when the run starts the line (a dateline), not inside a shouted headline's words.
    if start == line_start {
        Span::new(start, span.end)
    } else {
        span
    }
}

/// "the Westgate mall", "14 Riverside Drive", "Schöntal park", "the Santa Maria Catholic
/// Church": a name that is part of a street's, a park's, a mall's or a church's name, not a
/// town of its own: `Some(true)` when the noun is capitalised with it (one name),
/// `Some(false)` when it is lower case ("a Lahore park" is in Lahore, "the Westgate mall" is no
/// town in Alberta: the caller decides by how well known the place is), `None` otherwise.
fn names_a_landmark(text: &str, span: Span) -> Option<bool> {
    let rest = text.get(span.end..).and_then(|r| r.strip_prefix(' '))?;
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut next = words.next().unwrap_or_default();
    if [
        "catholic",
        "anglican",
        "protestant",
        "orthodox",
        "pentecostal",
        "baptist",
    ]
    .contains(&next.to_lowercase().as_str())
    {
        next = words.next().unwrap_or_default();
    }
    let capital = next.chars().next().is_some_and(char::is_uppercase);
    [
        "park",
        "drive",
        "road",
        "street",
        "avenue",
        "lane",
        "boulevard",
        "mall",
        "shopping",
        "church",
        "cathedral",
        "chapel",
        "basilica",
        "parish",
        "club",
        "nightclub",
        "pub",
        "bar",
        "cafe",
        "café",
        "restaurant",
    ]
    .contains(&next.to_lowercase().as_str())
    .then_some(capital)
}

fn prepare(g: &Gazetteer, text: &str, m: &EntityMention) -> Option<Prepared> {
    let landmark = valid_span(text, m.span)
        .then(|| names_a_landmark(text, m.span))
        .flatten();
    if !valid_span(text, m.span) || inside_compound(text, m.span) || landmark == Some(true) {
        return None;
    }
    let grown = upper_case_run(text, m.span);
    let m = &EntityMention {
        span: grown,
        ..m.clone()
    };
    let raw = &text[m.span.start..m.span.end];
    // A place is named with a capital ("the metro bombing" is no Metro of Lampung).
    if !raw.chars().any(char::is_uppercase) {
        return None;
    }
    let mut k = mention_key(g, raw);
    if GENERIC_KEYS.contains(&k.as_str()) {
        return None;
    }
    // "across the Sahel": the belt across several countries, not the region of one named
    // after it (Burkina Faso's Sahel Region), unless "region" follows.
    if BELTS.contains(&k.as_str())
        && !text
            .get(m.span.end..)
            .is_some_and(|r| r.trim_start().to_lowercase().starts_with("region"))
    {
        return None;
    }
    // "in the Red Sea", "the Arabian Sea": a body of water, not the Sudanese state or a town
    // named after it (but "Red Sea state" is the state).
    let water = [" sea", " ocean"].iter().any(|w| k.ends_with(w));
    let region_after = text.get(m.span.end..).is_some_and(|r| {
        let next = r
            .trim_start()
            .split(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        ["state", "province", "governorate", "region"].contains(&next.as_str())
    });
    if water && !region_after {
        return None;
    }
    let mut cues = read_cues(g, text, m.span);
    let mut cands: Vec<(u32, NameKind)> = match g.abbreviation(raw) {
        Some(i) => vec![(i, NameKind::Primary)],
        None => g.lookup_key(&k).to_vec(),
    };
    if cands.is_empty() {
        if let Some(rest) = strip_region_word(&k) {
            let rest = rest.to_owned();
            cands = g.lookup_key(&rest).to_vec();
            cues.kind = Some(PlaceKind::Admin1);
            cues.evidence.push("cue: region word in name".into());
            k = rest;
        } else if let Some(rest) = k
            .strip_prefix("city of ")
            .or_else(|| k.strip_prefix("town of "))
        {
            let rest = rest.to_owned();
            cands = g.lookup_key(&rest).to_vec();
            cues.kind = Some(PlaceKind::City);
            k = rest;
        } else if let Some(rest) = strip_city_word(&k) {
            let rest = rest.to_owned();
            cands = g.lookup_key(&rest).to_vec();
            cues.kind = Some(PlaceKind::City);
            k = rest;
        } else if let Some((stem, found)) = k
            .split_once(' ')
            .map(|(first, _)| first)
            .or_else(|| noun_follows(text, m.span.end).then_some(k.as_str()))
            .and_then(|w| city_of_adjective(g, w))
        {
            // "Kölner Dom" as one mention, or "Kölner" with its noun after it.
            cands = found;
            cues.kind = Some(PlaceKind::City);
            cues.evidence.push("cue: place adjective".into());
            k = stem;
        }
    }
    let demonym_only = m.label == "NORP" && cands.iter().any(|(_, nk)| *nk == NameKind::Demonym);
    if demonym_only {
        cands.retain(|(_, nk)| *nk == NameKind::Demonym);
    }
    // ("the Westgate mall": no town of 3,000 in Alberta; "a Lahore park": in Lahore.)
    if landmark == Some(false)
        && cands
            .iter()
            .all(|&(i, _)| g.entry(i).is_none_or(|e| e.population < 100_000))
    {
        return None;
    }
    if cands.is_empty() {
        return None;
    }
    Some(Prepared {
        span: m.span,
        text: raw.to_owned(),
        key: k,
        demonym_only,
        cues,
        candidates: cands,
    })
}

/// Document context gathered from a first pass.
#[derive(Debug, Default)]
struct Context {
    /// Country code -> weight of the mentions that point there (by other names).
    focus: HashMap<[u8; 2], (f64, Vec<String>)>,
    /// Regions mentioned: (cc, admin1) -> names.
    regions: HashMap<([u8; 2], String), Vec<String>>,
    /// Points of the first-pass choices, with the key they came from.
    points: Vec<(String, f64, f64)>,
}

fn base_score(e: &Entry, nk: NameKind) -> f64 {
    let pop = e.population as f64;
    let eff = match e.kind {
        PlaceKind::Country => pop.max(1.0) * 20.0 + 5e7,
        PlaceKind::Continent => 1e9,
        PlaceKind::Admin1 => pop / 4.0,
        PlaceKind::City => pop,
    };
    let mut s = (eff + 1.0).ln();
    match nk {
        NameKind::Primary => {}
        NameKind::Alternate => s -= 2.5,
        NameKind::Demonym => {}
    }
    s
}

fn score(
    g: &Gazetteer,
    p: &Prepared,
    i: u32,
    nk: NameKind,
    ctx: Option<&Context>,
) -> (f64, Vec<String>) {
    let Some(e) = g.entry(i) else {
        return (f64::MIN, Vec::new());
    };
    // Outside the place it is said to lie in: not this one.
    if let Some((kind, cc, lat, lon)) = p.cues.within {
        // Only towns and regions are checked: "troops from Chad in Nigeria" keeps its Chad.
        let small = matches!(e.kind, PlaceKind::City | PlaceKind::Admin1);
        let outside = small
            && match kind {
                PlaceKind::Country => e.cc != cc,
                _ => haversine_km(f64::from(e.lat), f64::from(e.lon), lat, lon) > WITHIN_KM,
            };
        if outside {
            return (f64::NEG_INFINITY, Vec::new());
        }
    }
    let mut s = base_score(e, nk);
    let mut why = vec![match e.kind {
        PlaceKind::Country if nk == NameKind::Demonym => "demonym".to_owned(),
        _ => format!("population {}", e.population),
    }];
    if let Some(k) = p.cues.kind {
        if k == e.kind {
            s += 6.0;
            why.extend(
                p.cues
                    .evidence
                    .iter()
                    .filter(|w| !w.starts_with("cue: ,"))
                    .cloned(),
            );
        } else if k == PlaceKind::Admin1 && e.kind == PlaceKind::Country {
            s -= 6.0;
        }
    }
    if let Some(cc) = p.cues.country {
        if cc == e.cc {
            s += 10.0;
            why.push("cue: country named beside it".into());
        } else if e.kind != PlaceKind::Continent {
            s -= 4.0;
        }
    }
    if let Some(cc) = p.cues.border {
        if e.kind == PlaceKind::City && (e.cc == cc || g.are_neighbours(cc, e.cc)) {
            s += 3.0;
            why.extend(
                p.cues
                    .evidence
                    .iter()
                    .filter(|w| w.contains("border"))
                    .cloned(),
            );
        }
    }
    if let Some((cc, a1)) = &p.cues.admin1 {
        if *cc == e.cc && *a1 == e.admin1 && e.kind == PlaceKind::City {
            s += 8.0;
            why.push("cue: region named beside it".into());
        }
    }
    if let Some(ctx) = ctx {
        if e.kind != PlaceKind::Country && e.kind != PlaceKind::Continent {
            if let Some((w, names)) = ctx.focus.get(&e.cc) {
                if names.iter().any(|n| *n != p.key) {
                    s += 1.5 + 0.75 * w.min(4.0);
                    why.push(format!("country focus ({})", e.cc()));
                }
            }
            if e.kind == PlaceKind::Admin1 && nk == NameKind::Primary {
                let siblings = ctx.regions.iter().any(|((cc, a1), names)| {
                    *cc == e.cc && *a1 != e.admin1 && names.iter().any(|n| *n != p.key)
                });
                if siblings {
                    s += 3.0;
                    why.push("other regions of the country mentioned".into());
                }
            }
            if e.kind == PlaceKind::City {
                if let Some(names) = ctx.regions.get(&(e.cc, e.admin1.clone())) {
                    if names.iter().any(|n| *n != p.key) {
                        s += if nk == NameKind::Primary { 4.0 } else { 2.0 };
                        why.push("region mentioned".into());
                    }
                }
                let near = ctx
                    .points
                    .iter()
                    .filter(|(k, _, _)| *k != p.key)
                    .map(|(_, la, lo)| haversine_km(f64::from(e.lat), f64::from(e.lon), *la, *lo))
                    .fold(f64::INFINITY, f64::min);
                if near < 150.0 {
                    s += 2.0;
                    why.push(format!("near other mentions ({near:.0} km)"));
                } else if near < 500.0 {
                    s += 1.0;
                    why.push(format!("near other mentions ({near:.0} km)"));
                }
            }
        }
    }
    (s, why)
}

fn best(g: &Gazetteer, p: &Prepared, ctx: Option<&Context>) -> Option<(u32, f32, Vec<String>)> {
    let mut scored: Vec<(f64, u32, Vec<String>)> = p
        .candidates
        .iter()
        .map(|&(i, nk)| {
            let (s, why) = score(g, p, i, nk, ctx);
            (s, i, why)
        })
        .filter(|(s, _, _)| s.is_finite())
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut it = scored.into_iter();
    let (s0, i0, why) = it.next()?;
    let margin = it
        .next()
        .map_or(1.0, |(s1, _, _)| ((s0 - s1) / 5.0).clamp(0.0, 1.0));
    Some((i0, margin as f32, why))
}

/// Words (byte ranges) of a mention, for looking up place names inside organisation names.
fn words(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in raw.char_indices() {
        let part = c.is_alphanumeric() || c == '.' || c == '\'' || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, raw.len()));
    }
    out
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl Gazetteer {
    /// Selects and prepares the place mentions: GPE, LOC and FAC mentions; NORP demonyms; and,
    /// where NER chose another label, names of well-known places and names this document already
    /// uses for a place (one sense per discourse), also inside organisation names ("CBC Toronto")
    /// and where NER found nothing at all.
    fn place_mentions(
        &self,
        text: &str,
        mentions: &[EntityMention],
        expand: bool,
    ) -> Vec<Prepared> {
        let mut out: Vec<Prepared> = Vec::new();
        if !expand {
            out.extend(mentions.iter().filter_map(|m| prepare(self, text, m)));
            out.sort_by_key(|p| p.span.start);
            return out;
        }
        let mut others: Vec<&EntityMention> = Vec::new();
        for m in mentions {
            if matches!(m.label.as_str(), "GPE" | "LOC" | "FAC") {
                if !first_of_a_name(text, m.span) {
                    out.extend(prepare(self, text, m));
                }
            } else if valid_span(text, m.span) {
                others.push(m);
            }
        }
        let mut discourse: Vec<String> = out.iter().map(|p| p.key.clone()).collect();
        let mut forms: Vec<String> = out.iter().map(|p| p.text.clone()).collect();
        let push = |out: &mut Vec<Prepared>, span: Span, label: &str| {
            let m = EntityMention {
                span,
                label: label.to_owned(),
                text: String::new(),
                source: String::new(),
            };
            if let Some(p) = prepare(self, text, &m) {
                out.push(p);
            }
        };
        for m in others {
            let raw = &text[m.span.start..m.span.end];
            let k = mention_key(self, raw);
            let demonym = m.label == "NORP"
                && self
                    .lookup_key(&k)
                    .iter()
                    .any(|(_, nk)| *nk == NameKind::Demonym);
            let known = discourse.contains(&k);
            let whole = demonym
                || known
                || match m.label.as_str() {
                    // "Dera Ismail Khan district": a place the NER took for a person.
                    "PERSON" => {
                        text.get(m.span.end..)
                            .and_then(|r| r.strip_prefix(' '))
                            .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
                            .is_some_and(|w| REGION_WORDS.contains(&w) || w == "city")
                            // German "Region Brjansk", "Provinz Kerman".
                            || GERMAN_REGION_WORDS.iter().any(|w| {
                                raw.strip_prefix(w).is_some_and(|r| r.starts_with(' '))
                            })
                            // "the southern Austrian town of Villach": a place by its noun.
                            || text.get(..m.span.start).is_some_and(|b| {
                                let b = b.trim_end().to_lowercase();
                                [
                                    "town of",
                                    "city of",
                                    "village of",
                                    "province of",
                                    "district of",
                                    "region of",
                                    "state of",
                                    "port of",
                                    "suburb of",
                                ]
                                .iter()
                                .any(|p| b.ends_with(p))
                            })
                    }
                    _ => is_strong(self, &k) || self.abbreviation(raw).is_some(),
                }
                // "active in Mali, Burkina Faso and Niger" (the last two taken for people): a
                // country's name listed after another country's.
                || m.label == "PERSON"
                    && self.lookup_key(&k).iter().any(|&(i, nk)| {
                        nk == NameKind::Primary
                            && self.entry(i).is_some_and(|e| e.kind == PlaceKind::Country)
                    })
                    && listed_after_country(self, text, m.span.start)
                // "abducted 276 schoolgirls from Chibok" (Chibok taken for a person or an
                // organisation): one word after a preposition of place that the gazetteer
                // knows as a primary name.
                || matches!(m.label.as_str(), "PERSON" | "ORG")
                    && !raw.contains(' ')
                    && !GENERIC_KEYS.contains(&k.as_str())
                    && text.get(..m.span.start).is_some_and(|b| {
                        let b = b.trim_end();
                        [" in", " from", " near", " outside"].iter().any(|p| b.ends_with(p))
                    })
                    && !text
                        .get(m.span.end..)
                        .is_some_and(|r| r.starts_with(['\'', '’']))
                    && self
                        .lookup_key(&k)
                        .iter()
                        .any(|&(_, nk)| nk == NameKind::Primary);
            if whole {
                push(&mut out, m.span, if demonym { "NORP" } else { "GPE" });
                continue;
            }
            // "Manchester Arena" tagged as a person: a facility's name all the same.
            let facility = m.label == "PERSON"
                && raw
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| FACILITY_WORDS.contains(&w));
            if !facility
                && !matches!(
                    m.label.as_str(),
                    "ORG" | "FAC" | "EVENT" | "PRODUCT" | "WORK_OF_ART"
                )
            {
                continue;
            }
            // "The Kaduna State governor, Uba Sani, said": an "organisation" of two or three
            // capitalised words and no word of an institution, after a person's role, is a
            // person's name, and its first name no place.
            let ws = words(raw);
            let after_role = text.get(..m.span.start).is_some_and(|b| {
                let b = b.trim_end().trim_end_matches(',').trim_end().to_lowercase();
                b.rsplit(|c: char| !c.is_alphanumeric() && c != '.')
                    .next()
                    .is_some_and(|w| PERSON_ROLES.contains(&w))
            });
            if m.label == "ORG"
                && after_role
                && (2..=3).contains(&ws.len())
                // (Not "den Kölner Dom": a place adjective opens it.)
                && city_of_adjective(self, &mention_key(self, &raw[ws[0].0..ws[0].1])).is_none()
                && ws.iter().all(|&(a, b)| {
                    let w = &raw[a..b];
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().skip(1).all(char::is_lowercase)
                        && w.chars().count() > 1
                        && !ORG_WORDS.contains(&w.to_lowercase().as_str())
                        && !FACILITY_WORDS.contains(&w)
                })
            {
                continue;
            }
            // a place name inside the mention: longest word run first
            let mut i = 0;
            while i < ws.len() {
                let mut hit = None;
                for len in (1..=3.min(ws.len() - i)).rev() {
                    let (a, b) = (ws[i].0, ws[i + len - 1].1);
                    let sub = &raw[a..b];
                    if !sub.chars().next().is_some_and(char::is_uppercase) {
                        continue;
                    }
                    let sk = mention_key(self, sub);
                    // "Kölner" in "den Kölner Dom" (ORG): a place adjective before its noun.
                    let adjective =
                        len == 1 && i + 1 < ws.len() && city_of_adjective(self, &sk).is_some();
                    if discourse.contains(&sk) || is_strong(self, &sk) || adjective {
                        hit = Some((len, a, b));
                        break;
                    }
                }
                match hit {
                    Some((len, a, b)) => {
                        push(
                            &mut out,
                            Span {
                                start: m.span.start + a,
                                end: m.span.start + b,
                            },
                            "GPE",
                        );
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        // names used for places elsewhere in the document, where NER found nothing
        discourse.extend(out.iter().map(|p| p.key.clone()));
        forms.extend(out.iter().map(|p| p.text.clone()));
        forms.sort();
        forms.dedup();
        let covered =
            |s: usize, e: usize| mentions.iter().any(|m| m.span.start < e && s < m.span.end);
        let mut extra = Vec::new();
        for f in &forms {
            if f.chars().count() < 3 || !f.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let upper = f.to_uppercase();
            for form in [f.as_str(), upper.as_str()] {
                for (s, _) in text.match_indices(form) {
                    let e = s + form.len();
                    if is_word_boundary(text, s, e)
                        && !covered(s, e)
                        && !out.iter().any(|p| p.span.start < e && s < p.span.end)
                        && !extra.iter().any(|sp: &Span| sp.start < e && s < sp.end)
                    {
                        extra.push(Span { start: s, end: e });
                    }
                }
            }
        }
        for sp in extra {
            push(&mut out, sp, "GPE");
        }
        out.sort_by_key(|p| p.span.start);
        out
    }

    /// Finds and resolves the places in `text` given its NER `mentions` (byte spans): GPE, LOC and
    /// FAC mentions, NORP demonyms ("Iranian" -> Iran), well-known place names NER labelled
    /// otherwise ("Edmonton" as ORG), place names inside organisation names ("CBC Toronto"), and
    /// further occurrences of names this document uses for places. Mentions that no gazetteer
    /// name matches are left out; the result is in text order. Never panics.
    pub fn geocode(&self, text: &str, mentions: &[EntityMention]) -> Vec<GeoRef> {
        self.resolve(self.place_mentions(text, mentions, true))
    }

    /// Resolves exactly the given spans as place mentions, whatever their labels (for instance
    /// gold toponyms): no mentions are added or dropped except those no gazetteer name matches.
    pub fn geocode_spans(&self, text: &str, mentions: &[EntityMention]) -> Vec<GeoRef> {
        self.resolve(self.place_mentions(text, mentions, false))
    }

    fn resolve(&self, prepared: Vec<Prepared>) -> Vec<GeoRef> {
        // pass 1: population and cue phrases only
        let mut ctx = Context::default();
        for p in &prepared {
            let Some((i, conf, _)) = best(self, p, None) else {
                continue;
            };
            let Some(e) = self.entry(i) else { continue };
            let w = match e.kind {
                PlaceKind::Country => 1.0,
                PlaceKind::Admin1 => 1.0,
                PlaceKind::City => 0.5 + f64::from(conf),
                PlaceKind::Continent => 0.0,
            };
            if w > 0.0 {
                let f = ctx.focus.entry(e.cc).or_default();
                f.0 += w;
                f.1.push(p.key.clone());
            }
            if e.kind == PlaceKind::Admin1 {
                ctx.regions
                    .entry((e.cc, e.admin1.clone()))
                    .or_default()
                    .push(p.key.clone());
            }
            if matches!(e.kind, PlaceKind::City | PlaceKind::Admin1)
                && (conf > 0.3 || p.cues.country.is_some())
            {
                ctx.points
                    .push((p.key.clone(), f64::from(e.lat), f64::from(e.lon)));
            }
        }
        // One sense per discourse: "the town of Palma in northern Mozambique", then "Palma"
        // alone, is the same place.
        let mut cued: std::collections::HashMap<&str, [u8; 2]> = std::collections::HashMap::new();
        for p in &prepared {
            if let Some(cc) = p.cues.country {
                cued.entry(p.key.as_str()).or_insert(cc);
            }
        }
        let mut resolved: std::collections::HashMap<&str, (u32, f32)> =
            std::collections::HashMap::new();
        // pass 2: with the document's context
        let mut out = Vec::new();
        for p in &prepared {
            let Some((mut i, mut conf, mut evidence)) = best(self, p, Some(&ctx)) else {
                continue;
            };
            let cue_country = p.cues.country.or_else(|| cued.get(p.key.as_str()).copied());
            // The weight of a country's places in the text, other than this name's.
            let others = |cc: &[u8; 2]| {
                ctx.focus
                    .get(cc)
                    .filter(|(_, names)| names.iter().any(|n| *n != p.key))
                    .map_or(0.0, |(w, _)| *w)
            };
            // (A place the cued mention resolved to in its country: the same one.)
            if p.cues.country.is_none() {
                if let Some(&(j, c)) = resolved.get(p.key.as_str()) {
                    if j != i {
                        i = j;
                        conf = c;
                        evidence = vec!["the same name's place earlier in the text".into()];
                    }
                }
            }
            // "the northern Mozambican town of Palma" with no Palma of Mozambique in the
            // gazetteer: the country it is said to lie in, not a namesake elsewhere (Palma de
            // Mallorca).
            if let (Some(cc), Some(e)) = (cue_country, self.entry(i)) {
                let small = matches!(e.kind, PlaceKind::City | PlaceKind::Admin1);
                if small && e.cc != cc {
                    let code = String::from_utf8_lossy(&cc).to_string();
                    if let Some(c) = self.country(&code) {
                        i = c;
                        conf = conf.min(0.5);
                        evidence = vec![
                            "cue: country named beside it".into(),
                            "the place itself is not in the gazetteer".into(),
                        ];
                    }
                }
            }
            // "active in Cabo Delgado province in northern Mozambique, and last month seized the
            // town of Palma": a town of a country nothing else in the text points to (Palma de
            // Mallorca), in a report whose places lie in another, is that country's town the
            // gazetteer lacks.
            if let Some(e) = self.entry(i) {
                let town = ["cue: town of", "cue: village of", "cue: township of"]
                    .iter()
                    .any(|c| p.cues.evidence.iter().any(|w| w == c));
                let home = ctx
                    .focus
                    .keys()
                    .filter(|cc| **cc != e.cc && others(cc) >= 2.0)
                    .max_by(|a, b| others(a).total_cmp(&others(b)).then(b.cmp(a)))
                    .copied();
                if let Some(cc) = home.filter(|_| {
                    town && e.kind == PlaceKind::City
                        && others(&e.cc) == 0.0
                        && cue_country.is_none()
                        && p.cues.admin1.is_none()
                        && p.cues.within.is_none()
                }) {
                    let code = String::from_utf8_lossy(&cc).to_string();
                    // (A namesake in that country, if the gazetteer has one, else the country.)
                    let namesake = p
                        .candidates
                        .iter()
                        .filter(|(j, _)| self.entry(*j).is_some_and(|o| o.cc == cc))
                        .map(|&(j, nk)| (score(self, p, j, nk, Some(&ctx)).0, j))
                        .filter(|(sc, _)| sc.is_finite())
                        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
                    if let Some((_, j)) = namesake {
                        i = j;
                        conf = conf.min(0.5);
                        evidence = vec![format!("country focus ({code})")];
                    } else if let Some(c) = self.country(&code) {
                        i = c;
                        conf = conf.min(0.5);
                        evidence = vec![
                            format!("country focus ({code})"),
                            "no town of that name there in the gazetteer".into(),
                        ];
                    }
                }
            }
            // "a hotel on Lido beach" in a report from Mogadishu: a hamlet of another country
            // (Lido Beach, New York) that nothing in the text points to is no reading of it.
            if let Some(e) = self.entry(i) {
                let elsewhere = ctx.focus.keys().any(|cc| *cc != e.cc && others(cc) >= 1.0);
                if e.kind == PlaceKind::City
                    && e.population < 5_000
                    && others(&e.cc) == 0.0
                    && elsewhere
                    && p.cues.country.is_none()
                    && p.cues.admin1.is_none()
                {
                    continue;
                }
            }
            if let (Some(cc), Some(e)) = (p.cues.country, self.entry(i)) {
                if e.cc == cc && matches!(e.kind, PlaceKind::City | PlaceKind::Admin1) {
                    resolved.entry(p.key.as_str()).or_insert((i, conf));
                }
            }
            let Some(place) = self.place(i) else { continue };
            out.push(GeoRef {
                span: p.span,
                text: p.text.clone(),
                place,
                confidence: if p.demonym_only { conf.min(0.9) } else { conf },
                evidence,
            });
        }
        out
    }
}
