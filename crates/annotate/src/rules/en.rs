//! English rule table: month, weekday, number, unit, part-of-day, season, holiday and fuzzy words.
//!
//! Written for Dossier from the TimeML TIMEX3 guidelines; German and other languages follow the
//! same shape.

use super::{HolidayRule, Lex, Lexicon, PartOfDay, Ref, Season, Unit, Word};
use std::collections::HashMap;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
];

const UNITS: &[(&str, Unit, bool)] = &[
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("min", Unit::Minute, false),
    ("mins", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("hr", Unit::Hour, false),
    ("hrs", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("fortnight", Unit::Fortnight, false),
    ("fortnights", Unit::Fortnight, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yr", Unit::Year, false),
    ("yrs", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

const SET_ADVERBS: &[(&str, Unit)] = &[
    ("hourly", Unit::Hour),
    ("daily", Unit::Day),
    ("nightly", Unit::Day),
    ("weekly", Unit::Week),
    ("monthly", Unit::Month),
    ("quarterly", Unit::Quarter),
    ("annually", Unit::Year),
    ("yearly", Unit::Year),
];

const PARTS_OF_DAY: &[(&str, PartOfDay)] = &[
    ("morning", PartOfDay::Morning),
    ("mornings", PartOfDay::Morning),
    ("afternoon", PartOfDay::Afternoon),
    ("afternoons", PartOfDay::Afternoon),
    ("evening", PartOfDay::Evening),
    ("evenings", PartOfDay::Evening),
    ("night", PartOfDay::Night),
    ("nights", PartOfDay::Night),
    ("overnight", PartOfDay::Night),
    ("daytime", PartOfDay::Daytime),
    ("noon", PartOfDay::Noon),
    ("midday", PartOfDay::Noon),
    ("midnight", PartOfDay::Midnight),
];

/// Decades named in words ("the nineties"); only after "the" or a period modifier.
const DECADES: &[(&str, u32)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
];

const DAY_OFFSETS: &[(&str, i32)] = &[("today", 0), ("yesterday", -1), ("tomorrow", 1)];

const REFS: &[(&str, Ref)] = &[
    ("now", Ref::Present),
    ("currently", Ref::Present),
    ("current", Ref::Present),
    ("presently", Ref::Present),
    ("nowadays", Ref::Present),
    ("recently", Ref::Past),
    ("lately", Ref::Past),
    ("previously", Ref::Past),
    ("formerly", Ref::Past),
    ("soon", Ref::Future),
    ("future", Ref::Future),
];

/// Holidays: lowercase token sequences (apostrophes and a possessive `s` are their own tokens).
const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["christmas", "eve"], HolidayRule::Fixed(12, 24)),
    (&["christmas", "day"], HolidayRule::Fixed(12, 25)),
    (&["christmas"], HolidayRule::Fixed(12, 25)),
    (&["boxing", "day"], HolidayRule::Fixed(12, 26)),
    (
        &["new", "year", "'", "s", "eve"],
        HolidayRule::Fixed(12, 31),
    ),
    (&["new", "year", "'", "s", "day"], HolidayRule::Fixed(1, 1)),
    (&["new", "years", "eve"], HolidayRule::Fixed(12, 31)),
    (&["new", "year", "'", "s"], HolidayRule::Fixed(1, 1)),
    (&["valentine", "'", "s", "day"], HolidayRule::Fixed(2, 14)),
    (&["halloween"], HolidayRule::Fixed(10, 31)),
    (&["independence", "day"], HolidayRule::Fixed(7, 4)),
    (
        &["thanksgiving", "day"],
        HolidayRule::NthWeekday {
            month: 11,
            weekday: 3,
            n: 4,
        },
    ),
    (
        &["thanksgiving"],
        HolidayRule::NthWeekday {
            month: 11,
            weekday: 3,
            n: 4,
        },
    ),
    (
        &["labor", "day"],
        HolidayRule::NthWeekday {
            month: 9,
            weekday: 0,
            n: 1,
        },
    ),
    (
        &["memorial", "day"],
        HolidayRule::NthWeekday {
            month: 5,
            weekday: 0,
            n: -1,
        },
    ),
    (&["easter", "sunday"], HolidayRule::Easter(0)),
    (&["easter", "monday"], HolidayRule::Easter(1)),
    (&["good", "friday"], HolidayRule::Easter(-2)),
    (&["easter"], HolidayRule::Easter(0)),
    (&["pentecost"], HolidayRule::Easter(49)),
];

const WORDS: &[(&str, Word)] = &[
    ("the", Word::The),
    ("a", Word::A),
    ("an", Word::A),
    ("this", Word::This),
    ("last", Word::Last),
    ("next", Word::Next),
    ("past", Word::Past),
    ("coming", Word::Coming),
    ("upcoming", Word::Coming),
    ("previous", Word::Previous),
    ("preceding", Word::Previous),
    ("prior", Word::Previous),
    ("following", Word::Following),
    ("latest", Word::Latest),
    ("ago", Word::Ago),
    ("earlier", Word::Earlier),
    ("later", Word::Later),
    ("early", Word::Early),
    ("late", Word::Late),
    ("mid", Word::Mid),
    ("middle", Word::Middle),
    ("beginning", Word::Beginning),
    ("start", Word::Beginning),
    ("end", Word::End),
    ("of", Word::Of),
    ("or", Word::Or),
    ("and", Word::And),
    ("to", Word::To),
    ("so", Word::So),
    ("more", Word::More),
    ("less", Word::Less),
    ("fewer", Word::Less),
    ("than", Word::Than),
    ("least", Word::AtLeast),
    ("up", Word::UpTo),
    ("about", Word::About),
    ("around", Word::About),
    ("approximately", Word::About),
    ("roughly", Word::About),
    ("some", Word::About),
    ("nearly", Word::Nearly),
    ("almost", Word::Nearly),
    ("over", Word::Over),
    ("within", Word::Within),
    ("few", Word::Few),
    ("several", Word::Several),
    ("many", Word::Several),
    ("couple", Word::Couple),
    ("every", Word::Every),
    ("each", Word::Every),
    ("per", Word::Per),
    ("half", Word::Half),
    ("fiscal", Word::Fiscal),
    ("year-end", Word::YearEnd),
    ("from", Word::From),
    ("ahead", Word::Ahead),
    ("recent", Word::Recent),
    ("weekend", Word::Weekend),
    ("weekends", Word::Weekend),
    ("st", Word::Ordinal),
    ("nd", Word::Ordinal),
    ("rd", Word::Ordinal),
    ("th", Word::Ordinal),
    ("am", Word::Am),
    ("pm", Word::Pm),
    ("est", Word::Zone),
    ("edt", Word::Zone),
    ("gmt", Word::Zone),
    ("utc", Word::Zone),
    ("cet", Word::Zone),
    ("pst", Word::Zone),
    ("pdt", Word::Zone),
    ("cst", Word::Zone),
    ("before", Word::Before),
    ("after", Word::After),
    ("since", Word::Since),
    ("at", Word::At),
    ("that", Word::That),
    ("no", Word::No),
];

const FUTURE_MARKERS: &[&str] = &[
    "will",
    "payable",
    "ll",
    "shall",
    "going",
    "planned",
    "plan",
    "plans",
    "planning",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "intends",
    "hopes",
    "aims",
    "would",
];

/// Build the English table.
pub fn lexicon() -> Lexicon {
    let mut words: HashMap<&'static str, Lex> = HashMap::new();
    for &w in FUTURE_MARKERS {
        words.insert(w, Lex::FutureMarker);
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
    for &(w, n) in ORDINALS {
        // "second" is both a unit and an ordinal; the unit wins, the grammar checks both.
        words.entry(w).or_insert(Lex::Ordinal(n));
    }
    for &(w, u) in SET_ADVERBS {
        words.insert(w, Lex::SetAdverb(u));
    }
    for &(w, p) in PARTS_OF_DAY {
        words.insert(w, Lex::PartOfDay(p));
    }
    for &(w, d) in DECADES {
        words.insert(w, Lex::Decade(d));
    }
    for &(w, s) in SEASONS {
        words.insert(w, Lex::Season(s));
    }
    for &(w, d) in DAY_OFFSETS {
        words.insert(w, Lex::DayOffset(d));
    }
    words.insert("tonight", Lex::Tonight);
    for &(w, r) in REFS {
        words.insert(w, Lex::Ref(r));
    }
    for (i, &w) in WEEKDAYS.iter().enumerate() {
        words.insert(w, Lex::Weekday(i as u32, false));
    }
    const WEEKDAY_PLURALS: &[&str] = &[
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ];
    for (i, &w) in WEEKDAY_PLURALS.iter().enumerate() {
        words.insert(w, Lex::Weekday(i as u32, true));
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
        capitalised_nouns: false,
    }
}
