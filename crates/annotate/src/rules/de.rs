//! German rule table: month, weekday, number, unit, part-of-day, season, holiday and fuzzy words.
//!
//! Same categories as [`super::en`]; the grammar is shared, so German gets what its word order
//! has in common with English ("letzte Woche", "im Januar 2024", "vor einer Woche", "am 22. März",
//! "Anfang Januar", "seit 2006", "20.03.2024", "17:05 Uhr").

use super::{HolidayRule, Lex, Lexicon, PartOfDay, Ref, Season, Unit, Word};
use std::collections::HashMap;

const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
];

const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

const WEEKDAYS: &[(&str, u32, bool)] = &[
    ("montag", 0, false),
    ("dienstag", 1, false),
    ("mittwoch", 2, false),
    ("donnerstag", 3, false),
    ("freitag", 4, false),
    ("samstag", 5, false),
    ("sonnabend", 5, false),
    ("sonntag", 6, false),
    ("montags", 0, true),
    ("dienstags", 1, true),
    ("mittwochs", 2, true),
    ("donnerstags", 3, true),
    ("freitags", 4, true),
    ("samstags", 5, true),
    ("sonntags", 6, true),
];

const NUMBERS: &[(&str, f64)] = &[
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("elf", 11.0),
    ("zwölf", 12.0),
    ("zwanzig", 20.0),
    ("dreißig", 30.0),
    ("vierzig", 40.0),
    ("fünfzig", 50.0),
    ("sechzig", 60.0),
    ("siebzig", 70.0),
    ("achtzig", 80.0),
    ("neunzig", 90.0),
    ("hundert", 100.0),
    ("tausend", 1000.0),
];

const UNITS: &[(&str, Unit, bool)] = &[
    ("sekunde", Unit::Second, false),
    ("sekunden", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minuten", Unit::Minute, true),
    ("stunde", Unit::Hour, false),
    ("stunden", Unit::Hour, true),
    ("tag", Unit::Day, false),
    ("tages", Unit::Day, false),
    ("tage", Unit::Day, true),
    ("tagen", Unit::Day, true),
    ("woche", Unit::Week, false),
    ("wochen", Unit::Week, true),
    ("monat", Unit::Month, false),
    ("monats", Unit::Month, false),
    ("monate", Unit::Month, true),
    ("monaten", Unit::Month, true),
    ("quartal", Unit::Quarter, false),
    ("quartale", Unit::Quarter, true),
    ("quartalen", Unit::Quarter, true),
    ("jahr", Unit::Year, false),
    ("jahres", Unit::Year, false),
    ("jahre", Unit::Year, true),
    ("jahren", Unit::Year, true),
    ("jahrzehnt", Unit::Decade, false),
    ("jahrzehnte", Unit::Decade, true),
    ("jahrzehnten", Unit::Decade, true),
    ("jahrhundert", Unit::Century, false),
    ("jahrhunderte", Unit::Century, true),
    ("jahrhunderten", Unit::Century, true),
];

const SET_ADVERBS: &[(&str, Unit)] = &[
    ("stündlich", Unit::Hour),
    ("täglich", Unit::Day),
    ("wöchentlich", Unit::Week),
    ("monatlich", Unit::Month),
    ("vierteljährlich", Unit::Quarter),
    ("jährlich", Unit::Year),
];

const PARTS_OF_DAY: &[(&str, PartOfDay)] = &[
    ("vormittag", PartOfDay::Morning),
    ("mittag", PartOfDay::Noon),
    ("nachmittag", PartOfDay::Afternoon),
    ("abend", PartOfDay::Evening),
    ("nacht", PartOfDay::Night),
    ("mitternacht", PartOfDay::Midnight),
];

const SEASONS: &[(&str, Season)] = &[
    ("frühling", Season::Spring),
    ("frühjahr", Season::Spring),
    ("sommer", Season::Summer),
    ("herbst", Season::Fall),
    ("winter", Season::Winter),
];

// "morgen" is "tomorrow" here; the noun "der Morgen" (morning) is left to context-free silence.
const DAY_OFFSETS: &[(&str, i32)] = &[
    ("heute", 0),
    ("gestern", -1),
    ("morgen", 1),
    ("vorgestern", -2),
    ("übermorgen", 2),
];

const REFS: &[(&str, Ref)] = &[
    ("jetzt", Ref::Present),
    ("derzeit", Ref::Present),
    ("zurzeit", Ref::Present),
    ("gegenwärtig", Ref::Present),
    ("momentan", Ref::Present),
    ("kürzlich", Ref::Past),
    ("jüngst", Ref::Past),
    ("neulich", Ref::Past),
    ("bald", Ref::Future),
    ("demnächst", Ref::Future),
    ("zukunft", Ref::Future),
];

const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["heiligabend"], HolidayRule::Fixed(12, 24)),
    (&["weihnachten"], HolidayRule::Fixed(12, 25)),
    (&["silvester"], HolidayRule::Fixed(12, 31)),
    (&["silvesternacht"], HolidayRule::Fixed(12, 31)),
    (&["silvesterabend"], HolidayRule::Fixed(12, 31)),
    (&["neujahrsnacht"], HolidayRule::Fixed(12, 31)),
    (&["heiligen", "abend"], HolidayRule::Fixed(12, 24)),
    (&["neujahr"], HolidayRule::Fixed(1, 1)),
    (
        &["tag", "der", "deutschen", "einheit"],
        HolidayRule::Fixed(10, 3),
    ),
    (&["karfreitag"], HolidayRule::Easter(-2)),
    (&["ostern"], HolidayRule::Easter(0)),
    (&["ostersonntag"], HolidayRule::Easter(0)),
    (&["ostermontag"], HolidayRule::Easter(1)),
    (&["pfingsten"], HolidayRule::Easter(49)),
];

const WORDS: &[(&str, Word)] = &[
    ("der", Word::The),
    ("die", Word::The),
    ("das", Word::The),
    ("dem", Word::The),
    ("den", Word::The),
    ("des", Word::The),
    ("ein", Word::A),
    ("eine", Word::A),
    ("einer", Word::A),
    ("einem", Word::A),
    ("einen", Word::A),
    ("eines", Word::A),
    ("letzte", Word::Last),
    ("letzten", Word::Last),
    ("letzter", Word::Last),
    ("letztes", Word::Last),
    ("letztem", Word::Last),
    ("vergangene", Word::Last),
    ("vergangenen", Word::Last),
    ("vergangener", Word::Last),
    ("vergangenes", Word::Last),
    ("vorige", Word::Last),
    ("vorigen", Word::Last),
    ("voriges", Word::Last),
    ("nächste", Word::Next),
    ("nächsten", Word::Next),
    ("nächster", Word::Next),
    ("nächstes", Word::Next),
    ("kommende", Word::Coming),
    ("kommenden", Word::Coming),
    ("kommendes", Word::Coming),
    ("diese", Word::This),
    ("diesen", Word::This),
    ("dieser", Word::This),
    ("dieses", Word::This),
    ("diesem", Word::This),
    ("vor", Word::AgoPrefix),
    ("früher", Word::Earlier),
    ("später", Word::Later),
    // "am Tag danach", "zwei Tage zuvor", "am folgenden Tag", "am selben Tag", "an jenem Tag".
    ("danach", Word::Later),
    ("darauf", Word::Later),
    ("zuvor", Word::Earlier),
    ("davor", Word::Earlier),
    ("folgende", Word::Following),
    ("folgenden", Word::Following),
    ("folgendes", Word::Following),
    ("selben", Word::That),
    ("gleichen", Word::That),
    ("jenem", Word::That),
    ("jenen", Word::That),
    ("anfang", Word::Beginning),
    ("beginn", Word::Beginning),
    ("ende", Word::End),
    ("mitte", Word::Middle),
    ("etwa", Word::About),
    ("rund", Word::About),
    ("ungefähr", Word::About),
    ("circa", Word::About),
    ("fast", Word::Nearly),
    ("knapp", Word::Nearly),
    ("beinahe", Word::Nearly),
    ("mehr", Word::More),
    ("weniger", Word::Less),
    ("als", Word::Than),
    ("mindestens", Word::AtLeast),
    ("innerhalb", Word::Within),
    ("einige", Word::Several),
    ("einigen", Word::Several),
    ("mehrere", Word::Several),
    ("mehreren", Word::Several),
    ("wenige", Word::Few),
    ("wenigen", Word::Few),
    ("jeden", Word::Every),
    ("jede", Word::Every),
    ("jedes", Word::Every),
    ("jeder", Word::Every),
    ("seit", Word::Since),
    ("uhr", Word::Zone),
    ("wochenende", Word::Weekend),
    ("vortag", Word::DayBefore),
    ("und", Word::And),
    ("oder", Word::Or),
];

const FUTURE_MARKERS: &[&str] = &[
    "wird", "werden", "wirst", "geplant", "planen", "plant", "soll",
];

const PAST_MARKERS: &[&str] = &[
    "war",
    "waren",
    "wurde",
    "wurden",
    "hatte",
    "hatten",
    "hat",
    "sagte",
    "sagten",
    "erklärte",
    "teilte",
    "berichtete",
    "bestätigte",
    "bestätigten",
    "nahm",
    "nahmen",
    "gab",
    "kam",
    "kamen",
    "starb",
    "starben",
];

/// Build the German table.
pub fn lexicon() -> Lexicon {
    let mut words: HashMap<&'static str, Lex> = HashMap::new();
    for &w in FUTURE_MARKERS {
        words.insert(w, Lex::FutureMarker);
    }
    for &w in PAST_MARKERS {
        words.insert(w, Lex::PastMarker);
    }
    for &(w, x) in WORDS {
        words.insert(w, Lex::Word(x));
    }
    for &(w, n) in NUMBERS {
        words.insert(w, Lex::Number(n));
    }
    for &(w, u, p) in UNITS {
        words.insert(w, Lex::Unit(u, p));
    }
    for &(w, u) in SET_ADVERBS {
        words.insert(w, Lex::SetAdverb(u));
    }
    for &(w, p) in PARTS_OF_DAY {
        words.insert(w, Lex::PartOfDay(p));
    }
    for &(w, s) in SEASONS {
        words.insert(w, Lex::Season(s));
    }
    for &(w, d) in DAY_OFFSETS {
        words.insert(w, Lex::DayOffset(d));
    }
    for &(w, r) in REFS {
        words.insert(w, Lex::Ref(r));
    }
    for &(w, d, plural) in WEEKDAYS {
        words.insert(w, Lex::Weekday(d, plural));
    }
    for &(w, m) in MONTHS {
        words.insert(w, Lex::Month(m, false));
    }
    for &(w, m) in MONTH_ABBREVIATIONS {
        words.insert(w, Lex::Month(m, true));
    }
    let holidays: Vec<(&'static [&'static str], HolidayRule)> = HOLIDAYS.to_vec();
    for (names, _) in &holidays {
        words.entry(names[0]).or_insert(Lex::Holiday(0));
    }
    Lexicon {
        words,
        holidays,
        capitalised_nouns: true,
    }
}
