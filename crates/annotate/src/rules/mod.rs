//! Language rules as data: the words a language uses for months, weekdays, numbers, units,
//! parts of the day, seasons, holidays and fuzzy references, mapped to their meaning.
//!
//! The grammar in [`crate::timex`] works on these categories, so a new language adds a table
//! here (see [`en`]) rather than new code.

pub mod de;
pub mod en;

use std::collections::HashMap;
use std::sync::LazyLock;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A part of the day (TIMEX3 `MO`, `AF`, `EV`, `NI`, `DT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
    Noon,
    Midnight,
}

/// A season (TIMEX3 `SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// How a holiday's date is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HolidayRule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The n-th weekday (0 = Monday) of a month; n = -1 for the last.
    NthWeekday { month: u32, weekday: u32, n: i32 },
    /// Days after Easter Sunday (Western computus).
    Easter(i32),
}

/// A fuzzy reference: TIMEX3 `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    Present,
    Past,
    Future,
}

impl Ref {
    pub fn value(self) -> &'static str {
        match self {
            Ref::Present => "PRESENT_REF",
            Ref::Past => "PAST_REF",
            Ref::Future => "FUTURE_REF",
        }
    }
}

/// Function words the grammar needs, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Word {
    The,
    A,
    This,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Latest,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    End,
    Of,
    Or,
    And,
    To,
    So,
    More,
    Less,
    Than,
    AtLeast,
    UpTo,
    About,
    Nearly,
    Over,
    Within,
    Few,
    Several,
    Couple,
    Every,
    Per,
    Half,
    Fiscal,
    YearEnd,
    From,
    Now,
    Ahead,
    Recent,
    Week,
    Weekend,
    /// German "Vortag": the day before (the story's last day).
    DayBefore,
    Ordinal,
    Am,
    Pm,
    Zone,
    Year,
    Before,
    After,
    Since,
    /// "at" (only as in "at least").
    At,
    /// "no" (only as in "no more than").
    No,
    /// A preposition that makes a duration a past date: German "vor einer Woche".
    AgoPrefix,
    /// "that" (as in "that year": the story's last date).
    That,
}

/// The meaning of one word in a language's rule table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// 1..=12; `bool`: an abbreviation (takes an optional full stop).
    Month(u32, bool),
    /// 0 = Monday; `bool`: plural ("Mondays", a set).
    Weekday(u32, bool),
    /// A cardinal number word.
    Number(f64),
    /// An ordinal number word ("third").
    Ordinal(u32),
    /// A unit; `bool`: plural.
    Unit(Unit, bool),
    /// An adverb of recurrence ("daily"): the set's period in units.
    SetAdverb(Unit),
    PartOfDay(PartOfDay),
    Season(Season),
    /// A decade named by its tens ("the nineties" = 9); the century comes from the document date.
    Decade(u32),
    /// Index into the language's holiday table.
    Holiday(usize),
    /// Day offset from the document date ("yesterday" = -1).
    DayOffset(i32),
    /// "tonight": today at night.
    Tonight,
    Ref(Ref),
    /// A word that marks a sentence as talking about the future ("will").
    FutureMarker,
    /// A word that marks a sentence as talking about the past (German "wurde").
    PastMarker,
    Word(Word),
}

/// One language's rule table.
#[derive(Debug)]
pub struct Lexicon {
    pub words: HashMap<&'static str, Lex>,
    /// Holiday names (first word) → rule; multiword names are matched by the grammar.
    pub holidays: Vec<(&'static [&'static str], HolidayRule)>,
    /// Nouns are written with a capital (German): a capitalised unit is no sign of a title.
    pub capitalised_nouns: bool,
}

impl Lexicon {
    /// Look a lowercase word up.
    #[inline]
    pub fn get(&self, lower: &str) -> Option<Lex> {
        self.words.get(lower).copied()
    }
}

static EN: LazyLock<Lexicon> = LazyLock::new(en::lexicon);
static DE: LazyLock<Lexicon> = LazyLock::new(de::lexicon);

/// Whether there is a rule table for a language code (`en`, `de`, `de-AT`, ...).
pub fn has_rules(language: &str) -> bool {
    matches!(primary(language).as_str(), "en" | "de")
}

fn primary(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The rule table for a language code (`en`, `en-GB`, `de`, ...); English is the fallback.
pub fn lexicon(language: &str) -> &'static Lexicon {
    match primary(language).as_str() {
        "de" => &DE,
        _ => &EN,
    }
}
