//! The time-expression grammar over tokens: dates, relative dates, durations, sets and times.
//!
//! Each `parse_*` function looks at the tokens from one position and returns how far its pattern
//! reaches and what it means; `match_at` keeps the longest.

use super::calendar::{
    add_months, add_quarters, duration_value, holiday_date, pod_code, quarter_of, season_code, DVal,
};
use super::Tense;
use crate::rules::{Lex, Lexicon, PartOfDay, Ref, Season, Unit, Word};
use crate::token::{Kind, Tok};
use chrono::{Datelike, Duration, NaiveDate};
use dossier_core::annotation::TimexType;
use std::cell::Cell;

/// One grammar match.
#[derive(Debug, Clone)]
pub struct M {
    /// Token index one past the match.
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    pub anchored: bool,
}

/// A date-like core before rendering: its value, and whether the document date placed it.
#[derive(Debug, Clone)]
struct D {
    end: usize,
    val: DVal,
    /// The year came from the document date (an explicit "of 1990" may replace it).
    year_implicit: bool,
    /// The whole value came from the document date ("yesterday", "last week").
    relative: bool,
    modifier: Option<&'static str>,
    /// A time of day: `MO`, `EV`, `10:35`.
    time: Option<String>,
}

/// Year, month and day of a mentioned date, as far as it was given.
pub type DatePoint = (i32, Option<u32>, Option<u32>);

pub struct Grammar<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lexicon: &'a Lexicon,
    pub dct: Option<NaiveDate>,
    /// Tense of the whole sentence.
    pub sentence_tense: Tense,
    /// Tense around the current match (set by `match_at`).
    pub tense: Cell<Tense>,
    pub finance: bool,
    /// This or the previous sentence talks about a quarter or period: "a year earlier" is the
    /// year-ago quarter.
    pub quarter_context: bool,
    /// First token of the sentence.
    pub start: usize,
    /// The last day the text mentioned before this sentence: a bare "at 10 p.m." is on it.
    pub ref_day: Option<NaiveDate>,
    /// The last explicit date before the current match (year, month, day): "a year earlier"
    /// counts from it.
    pub ref_point: Cell<Option<DatePoint>>,
    /// First token of the current match (set by `match_at`).
    pub at: Cell<usize>,
    /// One past the last token of the sentence: patterns never cross it.
    pub end: usize,
}

/// Nouns that make a preceding four-digit number a count ("2000 people"), not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "members",
    "fighters",
    "residents",
    "civilians",
    "cases",
    "deaths",
    "euros",
    "dollars",
    "workers",
    "police",
    "officers",
    "refugees",
    "migrants",
    "tons",
    "tonnes",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "meters",
    "metres",
    "jobs",
    "homes",
    "houses",
    "votes",
    "points",
    "shares",
    "children",
    "students",
    "protesters",
    "prisoners",
    "vehicles",
    "feet",
    "acres",
];

const MONTHS_AHEAD: i32 = 2;
const DAYS_AHEAD: i64 = 60;

/// Words before a date that make it a deadline ahead (unless the whole sentence is past).
const FORWARD_PREPOSITIONS: &[&str] = &["by", "effective", "through", "till", "until"];

/// Words after a possessive day ("Sunday's scheduled vote") that put it ahead.
const POSSESSIVE_AHEAD: &[&str] = &[
    "scheduled",
    "planned",
    "expected",
    "upcoming",
    "forthcoming",
    "proposed",
    "anticipated",
];

/// Events held on a set day, which a possessive day can name ahead of time ("for Sunday's
/// elections").
const SCHEDULED_EVENTS: &[&str] = &[
    "election",
    "elections",
    "vote",
    "voting",
    "poll",
    "polls",
    "ballot",
    "referendum",
    "runoff",
    "match",
    "game",
    "race",
    "final",
    "summit",
    "meeting",
    "talks",
    "session",
    "hearing",
    "ceremony",
    "parade",
    "rally",
    "inauguration",
    "deadline",
    "debate",
    "conference",
    "celebrations",
];

/// Present-simple verbs of scheduled events: with one of these and no tense marker, a
/// weekday is the coming one ("the two leaders meet Monday", "the trial opens Tuesday").
/// Reporting verbs ("says Monday") are not among them.
const PRESENT_PLAN_VERBS: &[&str] = &[
    "meet",
    "meets",
    "open",
    "opens",
    "reopen",
    "reopens",
    "begin",
    "begins",
    "start",
    "starts",
    "resume",
    "resumes",
    "convene",
    "convenes",
    "arrive",
    "arrives",
    "depart",
    "departs",
    "visit",
    "visits",
    "travel",
    "travels",
    "fly",
    "flies",
    "vote",
    "votes",
    "testify",
    "testifies",
    "expire",
    "expires",
    "sign",
    "signs",
    "debate",
    "debates",
    "hold",
    "holds",
    "host",
    "hosts",
];

/// Determiners and possessives: after one, a verb form is a noun ("the vote Monday").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "s",
];

/// Other words before which a verb form is a noun: prepositions, conjunctions, ordinals
/// ("after talks Monday", "the first vote").
const NOUN_BEFORE: &[&str] = &[
    "of", "after", "before", "during", "for", "in", "on", "at", "from", "with", "by", "and", "or",
    "first", "second", "last", "next", "final",
];

/// Words after "the day before" that end the phrase: it is the story's day before, not the day
/// before an event named next ("the day before the vote").
const BESIDE_FOLLOWERS: &[&str] = &[
    "and", "but", "or", "with", "in", "at", "to", "from", "for", "by", "on", "when", "as", "und",
    "wurde", "wurden", "hatte", "hatten", "war", "waren",
];

/// Verbs after which "that" begins a clause, not "that night".
const CLAUSE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "reported",
    "noted",
    "added",
    "claimed",
    "know",
    "knew",
    "knows",
    "announced",
];

/// Placeholder anchor when there is no document date; values that depend on it are written with X.
fn fallback_dct() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

/// Quantity: a number, or `None` for "a few", "several".
#[derive(Debug, Clone, Copy)]
struct Q {
    n: Option<f64>,
    end: usize,
    approx: bool,
    article: bool,
}

impl<'a> Grammar<'a> {
    // ---- token access -------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        if i < self.end {
            self.toks.get(i)
        } else {
            None
        }
    }

    fn lx(&self, i: usize) -> Option<Lex> {
        self.tok(i).and_then(|t| t.lex)
    }

    fn w(&self, i: usize, w: Word) -> bool {
        self.lx(i) == Some(Lex::Word(w))
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// A number token, with its digit count.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| (t.num, t.digits()))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            let w = &self.text[t.start..t.end];
            w.eq_ignore_ascii_case(word) || (word == "'" && w == "\u{2019}")
        })
    }

    /// An apostrophe, straight or curly.
    fn apos(&self, i: usize) -> bool {
        self.is(i, "'")
    }

    fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn dct(&self) -> NaiveDate {
        self.dct.unwrap_or_else(fallback_dct)
    }

    // ---- entry --------------------------------------------------------------------------

    pub fn match_at(&self, i: usize) -> Option<M> {
        self.at.set(i);
        // The verbs nearest the expression decide its direction; the sentence's tense otherwise.
        self.tense.set(super::local_tense(
            self.text,
            self.toks,
            self.start,
            self.end,
            i,
            self.sentence_tense,
        ));
        // A deadline looks ahead: "by May", "effective Feb. 1", "through January".
        // Not in the past perfect: "had filed reports by Wednesday".
        if i > self.start
            && FORWARD_PREPOSITIONS.iter().any(|w| self.is(i - 1, w))
            // "this year through August", "so far through June": a span up to now.
            && !(self.is(i - 1, "through") && i >= 2 && (self.is(i - 2, "year") || self.is(i - 2, "far")))
            && !(i.saturating_sub(8).max(self.start)..(i + 8).min(self.end)).any(|k| self.is(k, "had"))
        {
            self.tense.set(Tense::Future);
        }
        // A quantity modifier in front: "about", "nearly", "more than", "at least", "up to".
        if let Some((modifier, j)) = self.quant_prefix(i) {
            if let Some(mut m) = self.core(j) {
                if m.modifier.is_none() || m.modifier == Some("APPROX") {
                    m.modifier = Some(modifier);
                }
                return Some(m);
            }
            return None;
        }
        self.core(i)
    }

    /// Whether the number at `j`, after "about"/"around" at `j - 1`, is a year: "in about 2003",
    /// "formed around 2002,", "Around 2004 it split" — not "killed about 2000 people" or "rose to
    /// about 2000".
    fn approx_year(&self, j: usize) -> bool {
        if self.finance || j < 1 {
            return false;
        }
        let word = |k: usize| {
            self.tok(k)
                .filter(|t| t.kind != Kind::Num && !matches!(t.kind, Kind::Punct(_)))
                .map(|t| self.text[t.start..t.end].to_ascii_lowercase())
        };
        let before = if j - 1 <= self.start {
            true
        } else {
            word(j - 2).is_some_and(|w| {
                [
                    "in", "since", "from", "until", "till", "by", "before", "after", "of",
                    "between", "circa",
                ]
                .contains(&w.as_str())
                    || (w.ends_with("ed")
                        && ![
                            "killed",
                            "wounded",
                            "injured",
                            "numbered",
                            "totalled",
                            "totaled",
                            "estimated",
                            "reached",
                            "arrested",
                            "detained",
                            "displaced",
                            "recorded",
                            "reported",
                            "counted",
                            "raised",
                            "deployed",
                            "trained",
                            "recruited",
                            "needed",
                            "exceeded",
                        ]
                        .contains(&w.as_str()))
            })
        };
        let after = match self.tok(j + 1) {
            None => true,
            Some(t) if matches!(t.kind, Kind::Punct(b',' | b'.' | b';' | b')')) => true,
            Some(t) if t.cap => j - 1 <= self.start || t.kind != Kind::Num,
            Some(_) => word(j + 1).is_some_and(|w| {
                [
                    "when",
                    "and",
                    "but",
                    "in",
                    "on",
                    "at",
                    "after",
                    "before",
                    "to",
                    "the",
                    "it",
                    "he",
                    "she",
                    "they",
                    "its",
                    "his",
                    "their",
                    "with",
                    "as",
                    "until",
                    "by",
                    "that",
                    "which",
                    "while",
                    "where",
                    "following",
                    "amid",
                ]
                .contains(&w.as_str())
            }),
        };
        before && after
    }

    fn quant_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        // A number (or "a", "an") must follow the looser prefixes: "over a week" but not
        // "over the weekend", "around 7:15 p.m." but not "around Wednesday's ruling".
        let quantity = |j: usize| {
            self.num(j).is_some() || matches!(self.lx(j), Some(Lex::Number(_) | Lex::Word(Word::A)))
        };
        match self.lx(i)? {
            Lex::Word(Word::About) => {
                let about_year = self.is(i, "about")
                    && self.year_num(i + 1).is_some()
                    && self.approx_year(i + 1);
                if (self.is(i, "about") && !about_year) || self.is(i, "some") || !quantity(i + 1) {
                    return None;
                }
                Some(("APPROX", i + 1))
            }
            Lex::Word(Word::AtLeast) if !self.is(i, "least") && quantity(i + 1) => {
                Some(("EQUAL_OR_MORE", i + 1))
            }
            Lex::Word(Word::Nearly) if self.is(i, "nearly") || quantity(i + 1) => {
                Some(("LESS_THAN", i + 1))
            }
            Lex::Word(Word::More) if self.w(i + 1, Word::Than) => Some(("MORE_THAN", i + 2)),
            Lex::Word(Word::Less) if self.w(i + 1, Word::Than) => Some(("LESS_THAN", i + 2)),
            Lex::Word(Word::Over) if quantity(i + 1) && !self.w(i + 1, Word::The) => {
                Some(("MORE_THAN", i + 1))
            }
            Lex::Word(Word::UpTo) if self.w(i + 1, Word::To) => Some(("EQUAL_OR_LESS", i + 2)),
            Lex::Word(Word::At) if self.w(i + 1, Word::AtLeast) => Some(("EQUAL_OR_MORE", i + 2)),
            Lex::Word(Word::No) if self.w(i + 1, Word::More) && self.w(i + 2, Word::Than) => {
                Some(("EQUAL_OR_LESS", i + 3))
            }
            _ => None,
        }
    }

    fn core(&self, i: usize) -> Option<M> {
        // "will one day be", "could some day return": an unspecified future, not a length.
        if (self.is(i, "one") || self.is(i, "some"))
            && self.is(i + 1, "day")
            && i.checked_sub(1).is_some_and(|p| {
                [
                    "will", "would", "could", "might", "may", "can", "shall", "should",
                ]
                .iter()
                .any(|m| self.is(p, m))
            })
        {
            return Some(M {
                end: i + 2,
                kind: TimexType::Date,
                value: "FUTURE_REF".to_string(),
                modifier: None,
                anchored: false,
            });
        }
        let mut best: Option<M> = None;
        let mut consider = |m: Option<M>| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.end > b.end) {
                    best = Some(m);
                }
            }
        };
        consider(self.parse_time(i));
        consider(self.parse_duration(i));
        consider(self.parse_set(i));
        consider(self.parse_date(i).map(|d| self.render(d)));
        consider(self.parse_ref(i));
        consider(self.parse_ago_prefix(i));
        best
    }

    fn render(&self, d: D) -> M {
        let x_year = self.dct.is_none() && (d.relative || d.year_implicit);
        let mut value = if self.dct.is_none() && d.relative {
            match d.val {
                DVal::Day(_) => "XXXX-XX-XX".to_string(),
                DVal::Month(..) => "XXXX-XX".to_string(),
                DVal::Quarter(..) => "XXXX-QX".to_string(),
                _ => d.val.render(true),
            }
        } else {
            d.val.render(x_year)
        };
        let mut kind = TimexType::Date;
        if let Some(t) = &d.time {
            if matches!(d.val, DVal::Day(_)) {
                value.push('T');
                value.push_str(t);
                // A clock time is a TIME; a part of day ("Friday night") stays a DATE, as the
                // TempEval-3 (AQUAINT) annotation has it.
                kind = TimexType::Time;
            }
        }
        M {
            end: d.end,
            kind,
            value,
            modifier: d.modifier,
            anchored: d.relative || d.year_implicit,
        }
    }

    // ---- numbers ------------------------------------------------------------------------

    fn quant(&self, i: usize) -> Option<Q> {
        if let Some((n, digits)) = self.num(i) {
            if digits > 7 {
                return None;
            }
            let mut v = f64::from(n);
            let mut end = i + 1;
            // "1,000", "2.5", "5 1/2"
            if self.punct(end, b',') && self.adjacent(end) && self.adjacent(end + 1) {
                if let Some((m, 3)) = self.num(end + 1) {
                    v = v * 1000.0 + f64::from(m);
                    end += 2;
                }
            } else if self.punct(end, b'.') && self.adjacent(end) && self.adjacent(end + 1) {
                if let Some((m, d)) = self.num(end + 1) {
                    if d <= 3 {
                        v += f64::from(m) / 10f64.powi(d as i32);
                        end += 2;
                    }
                }
            } else if let (Some((a, 1)), true, Some((b, 1))) =
                (self.num(end), self.punct(end + 1, b'/'), self.num(end + 2))
            {
                if b > 0 && a < b {
                    v += f64::from(a) / f64::from(b);
                    end += 3;
                }
            }
            return Some(Q {
                n: Some(v),
                end,
                approx: false,
                article: false,
            });
        }
        match self.lx(i)? {
            Lex::Number(n) => {
                let mut v = n;
                let mut end = i + 1;
                // "twenty-five", "twenty five"
                if (20.0..100.0).contains(&n) && n % 10.0 == 0.0 {
                    let k = if self.punct(end, b'-') { end + 1 } else { end };
                    if let Some(Lex::Number(u)) = self.lx(k) {
                        if u < 10.0 {
                            v += u;
                            end = k + 1;
                        }
                    }
                }
                // "two hundred", "three thousand"
                while let Some(Lex::Number(m)) = self.lx(end) {
                    if (m == 100.0 || m == 1000.0) && v < m {
                        v *= m;
                        end += 1;
                    } else {
                        break;
                    }
                }
                // "one and a half", "two-and-a-half"
                let h = |k: usize| if self.punct(k, b'-') { k + 1 } else { k };
                let a = h(end);
                if self.w(a, Word::And)
                    && self.w(h(a + 1), Word::A)
                    && self.w(h(h(a + 1) + 1), Word::Half)
                {
                    v += 0.5;
                    end = h(h(a + 1) + 1) + 1;
                }
                Some(Q {
                    n: Some(v),
                    end,
                    approx: false,
                    article: false,
                })
            }
            Lex::Word(Word::A) => match self.lx(i + 1) {
                Some(Lex::Word(Word::Few)) => Some(Q {
                    n: None,
                    end: i + 2,
                    approx: false,
                    article: false,
                }),
                Some(Lex::Word(Word::Couple)) => {
                    let end = if self.w(i + 2, Word::Of) {
                        i + 3
                    } else {
                        i + 2
                    };
                    Some(Q {
                        n: Some(2.0),
                        end,
                        approx: true,
                        article: false,
                    })
                }
                Some(Lex::Word(Word::Half)) => Some(Q {
                    n: Some(0.5),
                    end: i + 2,
                    approx: false,
                    article: false,
                }),
                _ => Some(Q {
                    n: Some(1.0),
                    end: i + 1,
                    approx: false,
                    article: true,
                }),
            },
            // "the next couple of years"
            Lex::Word(Word::Couple) => Some(Q {
                n: Some(2.0),
                end: if self.w(i + 1, Word::Of) {
                    i + 2
                } else {
                    i + 1
                },
                approx: true,
                article: false,
            }),
            Lex::Word(Word::Few | Word::Several) => Some(Q {
                n: None,
                end: i + 1,
                approx: false,
                article: false,
            }),
            Lex::Word(Word::About) if self.is(i, "some") => Some(Q {
                n: None,
                end: i + 1,
                approx: false,
                article: false,
            }),
            Lex::Word(Word::Half) if self.w(i + 1, Word::A) => Some(Q {
                n: Some(0.5),
                end: i + 2,
                approx: false,
                article: false,
            }),
            _ => None,
        }
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lx(i)? {
            Lex::Unit(u, p) => Some((u, p)),
            // "second" is looked up as a unit; the ordinal meaning is handled by the quarter rules.
            _ => None,
        }
    }

    // ---- durations ----------------------------------------------------------------------

    fn parse_duration(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.w(j, Word::The);
        if the {
            j += 1;
        }
        // "the past", "the next", "the first", "recent", "the coming", "another"
        let mut rel: Option<Word> = None;
        match self.lx(j) {
            Some(Lex::Word(
                w @ (Word::Past
                | Word::Last
                | Word::Next
                | Word::Coming
                | Word::Previous
                | Word::Following
                | Word::Latest
                | Word::Recent),
            )) => {
                rel = Some(w);
                j += 1;
            }
            Some(Lex::Ordinal(1)) => {
                rel = Some(Word::Previous);
                j += 1;
            }
            _ if self.is(j, "another") || self.is(j, "additional") => {
                j += 1;
            }
            _ => {}
        }
        if self.is(j, "year") && self.punct(j + 1, b'-') && self.w(j + 2, Word::Earlier) {
            // "the year-earlier nine months"
            j += 3;
        }
        let q = self.quant(j);
        let (n, mut k, approx) = match q {
            Some(q) => {
                if q.article && (rel.is_some() || the) {
                    return None;
                }
                (q.n, q.end, q.approx)
            }
            None => (None, j, false),
        };
        if q.is_some()
            && (self.is(k, "more")
                || self.is(k, "additional")
                || self.is(k, "full")
                || self.is(k, "straight")
                || self.is(k, "consecutive")
                || self.is(k, "trading")
                || self.is(k, "business"))
        {
            k += 1;
        }
        // "two to three weeks"
        let mut modifier: Option<&'static str> = if approx { Some("APPROX") } else { None };
        if q.is_some() && (self.w(k, Word::To) || self.w(k, Word::Or) || self.punct(k, b'-')) {
            if let Some(q2) = self.quant(k + 1) {
                if self.unit(q2.end).is_some() {
                    k = q2.end;
                    modifier = Some("EQUAL_OR_MORE");
                }
            }
        }
        let hyphen = q.is_some() && self.punct(k, b'-') && self.adjacent(k) && self.adjacent(k + 1);
        if hyphen {
            k += 1;
        }
        let (unit, plural) = self.unit(k)?;
        // "a year-earlier loss": an adjective of its own.
        if !hyphen && self.punct(k + 1, b'-') && self.adjacent(k + 1) && self.is(k + 2, "earlier") {
            return None;
        }
        // "a 44-year-old", "52 years old": ages, not durations.
        if self.is(k + 1, "old")
            || self.is(k + 1, "alt")
            || (self.punct(k + 1, b'-') && self.is(k + 2, "old"))
        {
            return None;
        }
        // "the two-week crisis", "the 14-day period": "the" belongs to the noun, not the timex.
        if the && rel.is_none() && q.is_some() && (hyphen || !plural) {
            return None;
        }
        let shifted_follows = matches!(
            self.lx(k + 1),
            Some(Lex::Word(Word::Ago | Word::Earlier | Word::Later))
        );
        if q.is_some_and(|q| q.article) && i > 0 && !shifted_follows {
            // "$2 million a year", "four flights a week", "24 hours a day": rates, not durations.
            if let Some(p) = self.toks.get(i - 1) {
                let pw = &self.text[p.start..p.end];
                if p.kind == Kind::Num
                    || matches!(p.kind, Kind::Punct(b'%'))
                    || matches!(p.lex, Some(Lex::Number(_)) | Some(Lex::Unit(_, true)))
                    || [
                        "million", "billion", "times", "twice", "once", "cents", "percent",
                        "flights", "shares", "seats",
                    ]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(pw))
                {
                    return None;
                }
            }
        }
        let mut n = n;
        if q.is_none() && !plural {
            if matches!(unit, Unit::Decade | Unit::Century)
                && matches!(rel, Some(Word::Past | Word::Last))
            {
                n = Some(1.0); // "the past decade"
            } else if the
                && unit == Unit::Year
                && (self.is(k + 1, "ended") || self.is(k + 1, "ending"))
            {
                n = Some(1.0); // "the year ended Sept. 30"
            } else {
                return None;
            }
        } else if q.is_none() {
            if the && rel.is_none() && !self.w(k + 1, Word::Ahead) {
                return None;
            }
            if rel.is_none() && matches!(unit, Unit::Second | Unit::Minute | Unit::Quarter) {
                return None;
            }
        } else if let Some(qq) = q {
            if qq.article && matches!(unit, Unit::Second | Unit::Quarter) {
                return None;
            }
            if qq.article && self.w(k + 1, Word::Of) {
                return None;
            }
            if hyphen && plural {
                return None;
            }
            if !hyphen && n.is_some_and(|v| v == 1.0) && plural && !qq.article {
                // "one years" is not English; "1 years" is probably a table.
            }
        }
        let mut end = k + 1;
        // "a minute and a half", "an hour and a half"
        if self.w(end, Word::And)
            && self.w(end + 1, Word::A)
            && self.w(end + 2, Word::Half)
            && !plural
        {
            if let Some(v) = n {
                n = Some(v + 0.5);
                end += 3;
            }
        }
        // "or so", "or more", "ahead"
        if self.w(end, Word::Or) && self.w(end + 1, Word::So) {
            end += 2;
            modifier = Some("APPROX");
        } else if self.w(end, Word::Or) && self.w(end + 1, Word::More) {
            end += 2;
            modifier = Some("EQUAL_OR_MORE");
        } else if self.w(end, Word::Ahead) && the {
            end += 1;
        }
        // "two years ago", "a year earlier", "three days later", "a week from now"
        if !hyphen && !the && rel.is_none() {
            let dir = if self.w(end, Word::Ago) || self.w(end, Word::Earlier) {
                Some((-1, end + 1))
            } else if self.w(end, Word::Later) {
                Some((1, end + 1))
            } else if self.w(end, Word::From) && self.is(end + 1, "now") {
                Some((1, end + 2))
            } else {
                None
            };
            // "three days later", "over an hour later", "a day earlier": TBAQ marks the span
            // itself, a duration without "later" (5 of 5); "a year earlier" stays a date.
            let short = matches!(
                unit,
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week
            ) && (self.w(end, Word::Later) || self.w(end, Word::Earlier));
            // "a year ago today", "two weeks ago today": the same calendar day, n units back.
            if self.w(end, Word::Ago) && self.lx(end + 1) == Some(Lex::DayOffset(0)) {
                if let Some(m) = self.ago_today(n, unit, end + 2, modifier) {
                    return Some(m);
                }
            }
            // "two days later", "a day earlier" after a date the story gave: that date moved.
            let story = short
                && matches!(unit, Unit::Day | Unit::Week)
                && !self.finance
                && self.ref_anchor(unit).is_some();
            if let Some((sign, e)) = dir.filter(|_| !short || story) {
                let anaphoric = !self.w(end, Word::Ago) && !self.w(end, Word::From);
                return Some(self.shifted(n, unit, sign, e, modifier, anaphoric));
            }
        }
        if hyphen && n.is_none() {
            return None;
        }
        // "the year", "the past year" without a number are dates, not durations.
        let value = duration_value(n, unit);
        Some(M {
            end,
            kind: TimexType::Duration,
            value,
            modifier,
            anchored: false,
        })
    }

    /// "a year ago today": the day `n` whole units before the document date (day, week,
    /// fortnight, month, year or decade); `None` for other units or a fractional count.
    fn ago_today(
        &self,
        n: Option<f64>,
        unit: Unit,
        end: usize,
        modifier: Option<&'static str>,
    ) -> Option<M> {
        let n = n?;
        if !(1.0..=3000.0).contains(&n) || n.fract() != 0.0 {
            return None;
        }
        let k = n as u32;
        let dct = self.dct();
        let back_years = |y: u32| {
            let year = dct.year().checked_sub(i32::try_from(y).ok()?)?;
            // 29 February a year back is the 28th.
            NaiveDate::from_ymd_opt(year, dct.month(), dct.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, dct.month(), dct.day().saturating_sub(1)))
        };
        let day = match unit {
            Unit::Day => dct.checked_sub_signed(Duration::days(i64::from(k)))?,
            Unit::Week => dct.checked_sub_signed(Duration::days(7 * i64::from(k)))?,
            Unit::Fortnight => dct.checked_sub_signed(Duration::days(14 * i64::from(k)))?,
            Unit::Month => dct.checked_sub_months(chrono::Months::new(k))?,
            Unit::Year => back_years(k)?,
            Unit::Decade => back_years(k.checked_mul(10)?)?,
            _ => return None,
        };
        let value = if self.dct.is_none() {
            "XXXX-XX-XX".to_string()
        } else {
            DVal::Day(day).render(false)
        };
        Some(M {
            end,
            kind: TimexType::Date,
            value,
            modifier,
            anchored: true,
        })
    }

    /// "two years ago": the date `n` units before (sign -1) or after (+1) the document date.
    fn shifted(
        &self,
        n: Option<f64>,
        unit: Unit,
        sign: i32,
        end: usize,
        modifier: Option<&'static str>,
        anaphoric: bool,
    ) -> M {
        let mut dct = self.dct();
        let anchored = true;
        let mut from_story = false;
        // "founded a year earlier" counts from the date the text last mentioned, "a year ago"
        // from the document date.
        if anaphoric && !self.finance {
            if let Some((y, m, d)) = self.ref_point.get() {
                let enough = match unit {
                    Unit::Year | Unit::Decade | Unit::Century => true,
                    Unit::Month | Unit::Quarter => m.is_some(),
                    _ => d.is_some(),
                };
                if let (true, Some(a)) = (
                    enough,
                    NaiveDate::from_ymd_opt(y, m.unwrap_or(1), d.unwrap_or(1)),
                ) {
                    dct = a;
                    from_story = true;
                }
            }
        }
        let Some(n) = n else {
            let r = if sign < 0 { Ref::Past } else { Ref::Future };
            return M {
                end,
                kind: TimexType::Date,
                value: r.value().to_string(),
                modifier,
                anchored,
            };
        };
        if n > 3000.0 {
            let r = if sign < 0 { Ref::Past } else { Ref::Future };
            return M {
                end,
                kind: TimexType::Date,
                value: r.value().to_string(),
                modifier,
                anchored,
            };
        }
        let k = n.round() as i32 * sign;
        let val = match unit {
            Unit::Second | Unit::Minute | Unit::Hour => DVal::Day(dct),
            Unit::Day | Unit::Week | Unit::Fortnight | Unit::Month | Unit::Quarter => {
                match shift_period(dct, unit, k) {
                    Some(v) => v,
                    None => DVal::Day(dct),
                }
            }
            Unit::Year => {
                if self.quarter_context && n == 1.0 && sign < 0 {
                    let (y, q) = self.reporting_quarter();
                    DVal::Quarter(y - 1, q)
                } else {
                    DVal::Year(dct.year() + k)
                }
            }
            Unit::Decade => DVal::Year(dct.year() + 10 * k),
            Unit::Century => DVal::Year(dct.year() + 100 * k),
        };
        // Without a document date, a story date the text gave still places it.
        let value = val.render(self.dct.is_none() && !from_story);
        M {
            end,
            kind: TimexType::Date,
            value,
            modifier,
            anchored,
        }
    }

    /// A money amount or a reporting period just before token `j`.
    fn amount_before(&self, j: usize) -> bool {
        (j.saturating_sub(4).max(self.start)..j).any(|k| {
            self.punct(k, b'$')
                || ["million", "billion", "cents", "period", "quarter"]
                    .iter()
                    .any(|w| self.is(k, w))
        })
    }

    /// The quarter a financial report published on the document date is about: the last one.
    fn reporting_quarter(&self) -> (i32, u32) {
        let (y, q) = quarter_of(self.dct());
        add_quarters(y, q, -1)
    }

    /// German "vor einer Woche", "vor zwei Jahren": a preposition before the duration.
    fn parse_ago_prefix(&self, i: usize) -> Option<M> {
        if !self.w(i, Word::AgoPrefix) {
            return None;
        }
        let (modifier, j) = match self.quant_prefix(i + 1) {
            Some((m, j)) => (Some(m), j),
            None => (None, i + 1),
        };
        let q = self.quant(j)?;
        let (unit, _) = self.unit(q.end)?;
        let modifier = modifier.or(q.approx.then_some("APPROX"));
        Some(self.shifted(q.n, unit, -1, q.end + 1, modifier, false))
    }

    // ---- sets ---------------------------------------------------------------------------

    fn parse_set(&self, i: usize) -> Option<M> {
        let set = |end, value: String| {
            Some(M {
                end,
                kind: TimexType::Set,
                value,
                modifier: None,
                anchored: false,
            })
        };
        match self.lx(i)? {
            // "to grow 8.5% annually": a growth rate, not a recurring event.
            Lex::SetAdverb(_)
                if i > self.start && matches!(self.toks[i - 1].kind, Kind::Punct(b'%')) =>
            {
                None
            }
            Lex::SetAdverb(u) => {
                // "rallies almost daily." but not "the daily tally", "quarterly dividend".
                if let Some(n) = self.tok(i + 1) {
                    let nw = &self.text[n.start..n.end];
                    if n.kind == Kind::Word
                        && !n.cap
                        && ![
                            "in", "at", "to", "for", "since", "and", "or", "from", "by", "on",
                            "with", "until", "during", "through", "between", "outside", "of",
                            "basis", "but", "as", "over", "after", "before",
                        ]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(nw))
                    {
                        return None;
                    }
                }
                set(i + 1, duration_value(Some(1.0), u))
            }
            Lex::Weekday(d, true) if self.tok(i)?.cap => {
                let mut v = format!("XXXX-WXX-{}", d + 1);
                let mut end = i + 1;
                if let Some(Lex::PartOfDay(p)) = self.lx(end) {
                    if !matches!(p, PartOfDay::Noon | PartOfDay::Midnight) {
                        v.push('T');
                        v.push_str(pod_code(p));
                        end += 1;
                    }
                }
                set(end, v)
            }
            Lex::Word(Word::Every | Word::Per) => {
                let mut j = i + 1;
                if self.is(j, "other") {
                    j += 1;
                }
                match self.lx(j)? {
                    Lex::Weekday(d, _) => set(j + 1, format!("XXXX-WXX-{}", d + 1)),
                    Lex::Month(m, _) if self.tok(j)?.cap => set(j + 1, format!("XXXX-{m:02}")),
                    Lex::Season(s) => set(j + 1, format!("XXXX-{}", season_code(s))),
                    Lex::PartOfDay(p) if !matches!(p, PartOfDay::Noon | PartOfDay::Midnight) => {
                        set(j + 1, format!("XXXX-XX-XXT{}", pod_code(p)))
                    }
                    Lex::Unit(u, false) => set(j + 1, duration_value(Some(1.0), u)),
                    _ => {
                        let q = self.quant(j)?;
                        let (u, _) = self.unit(q.end)?;
                        set(q.end + 1, duration_value(q.n, u))
                    }
                }
            }
            _ => None,
        }
    }

    // ---- fuzzy references ---------------------------------------------------------------

    fn parse_ref(&self, i: usize) -> Option<M> {
        let r = |end, r: Ref| {
            Some(M {
                end,
                kind: TimexType::Date,
                value: r.value().to_string(),
                modifier: None,
                anchored: false,
            })
        };
        match self.lx(i)? {
            Lex::Ref(x) => {
                if self.is(i, "previously") || self.is(i, "formerly") {
                    return None;
                }
                // "as soon as", "soon after": connectives, not times.
                if self.is(i, "soon")
                    && (self.is(i + 1, "as")
                        || self.is(i + 1, "after")
                        || i.checked_sub(1).is_some_and(|p| self.is(p, "as")))
                {
                    return None;
                }
                // "was soon released", "soon became a flood": a narrative step in the past.
                if self.is(i, "soon")
                    && (i.checked_sub(1).is_some_and(|p| {
                        self.is(p, "was") || self.is(p, "were") || self.is(p, "had")
                    }) || self.tok(i + 1).is_some_and(|n| {
                        let w = &self.text[n.start..n.end];
                        n.kind == Kind::Word
                            && (super::PAST_FORMS[..super::PAST_VERBS]
                                .iter()
                                .any(|p| p.eq_ignore_ascii_case(w))
                                || (w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed")))
                    }))
                {
                    return None;
                }
                if x == Ref::Future && self.is(i, "future") {
                    // "future quarters"; a bare "future" is mostly a noun's modifier ("future
                    // demand") that annotators leave out.
                    return matches!(self.lx(i + 1), Some(Lex::Unit(_, true)))
                        .then(|| r(i + 2, x))?;
                }
                r(i + 1, x)
            }
            Lex::Word(Word::The) => {
                let mut j = i + 1;
                if self.is(j, "near")
                    || self.is(j, "distant")
                    || self.is(j, "foreseeable")
                    || self.is(j, "immediate")
                {
                    j += 1;
                }
                match self.lx(j)? {
                    // "the future of our peoples" is a topic, not a time.
                    Lex::Ref(Ref::Future) if !self.w(j + 1, Word::Of) => r(j + 1, Ref::Future),
                    Lex::Word(Word::Past) if j == i + 1 => {
                        // "the past" alone; "the past two years" is a longer duration match.
                        r(j + 1, Ref::Past)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    // ---- times of day -------------------------------------------------------------------

    /// "10:35 a.m.", "9 a.m. Tuesday", "5 p.m. EST Nov. 9", "noon Saturday".
    fn parse_time(&self, i: usize) -> Option<M> {
        let (mut h, mut min, mut end);
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num if t.digits() <= 2 && t.num <= 24 => {
                h = t.num;
                min = 0;
                end = i + 1;
                let mut has_minutes = false;
                if (self.punct(end, b':') || self.punct(end, b'.'))
                    && self.adjacent(end)
                    && self.adjacent(end + 1)
                {
                    if let Some((m, 2)) = self.num(end + 1) {
                        // "17:05", and with a dot before "Uhr" or a.m./p.m. ("19.04 Uhr",
                        // "7.30 p.m.").
                        let dot_time = self.punct(end, b'.')
                            && (self.is(end + 2, "uhr") || self.ampm(end + 2).is_some());
                        if m < 60 && (self.punct(end, b':') || dot_time) {
                            min = m;
                            end += 2;
                            has_minutes = true;
                        }
                    }
                }
                match self.ampm(end) {
                    Some((pm, e)) => {
                        if h == 0 || h > 12 {
                            return None;
                        }
                        if pm && h < 12 {
                            h += 12;
                        }
                        if !pm && h == 12 {
                            h = 0;
                        }
                        end = e;
                    }
                    None if has_minutes => {}
                    // German "17 Uhr"
                    None if self.is(end, "uhr") => {}
                    None if self.is(end, "o")
                        && self.punct(end + 1, b'\'')
                        && self.is(end + 2, "clock") =>
                    {
                        end += 3;
                    }
                    None => return None,
                }
                if self.w(end, Word::Zone) {
                    end += 1;
                }
            }
            Kind::Word => match t.lex? {
                Lex::PartOfDay(PartOfDay::Noon) => {
                    h = 12;
                    min = 0;
                    end = i + 1;
                }
                Lex::PartOfDay(PartOfDay::Midnight) => {
                    h = 24;
                    min = 0;
                    end = i + 1;
                }
                _ => return None,
            },
            _ => return None,
        }
        let time = format!("{h:02}:{min:02}");
        // A day after the time: "9 a.m. Tuesday", "5 p.m. EST, Nov. 6".
        let mut k = end;
        if self.punct(k, b',') {
            k += 1;
        }
        if self.is(k, "on") {
            k += 1;
        }
        if let Some(d) = self.parse_date(k) {
            if matches!(d.val, DVal::Day(_)) && d.time.is_none() {
                let mut d = d;
                d.time = Some(time);
                return Some(self.render(d));
            }
        }
        let dct = self.dct();
        // A bare time is on the day the story last named ("on Friday evening shortly after 7
        // p.m."), else on the last day-precise date of an earlier sentence, else the report's.
        let day = self.ref_anchor(Unit::Day).or(self.ref_day).unwrap_or(dct);
        let d = D {
            end,
            val: DVal::Day(day),
            year_implicit: false,
            relative: true,
            modifier: None,
            time: Some(time),
        };
        Some(self.render(d))
    }

    fn ampm(&self, i: usize) -> Option<(bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = &self.text[t.start..t.end];
        let pm = if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("a") {
            false
        } else if w.eq_ignore_ascii_case("pm") || w.eq_ignore_ascii_case("p") {
            true
        } else {
            return None;
        };
        if w.len() == 2 {
            let end = if self.punct(i + 1, b'.') && self.adjacent(i + 1) {
                i + 2
            } else {
                i + 1
            };
            return Some((pm, end));
        }
        // "a.m." / "a.m" / "p.m."
        if self.punct(i + 1, b'.')
            && self.adjacent(i + 1)
            && self.is(i + 2, "m")
            && self.adjacent(i + 2)
        {
            let end = if self.punct(i + 3, b'.') && self.adjacent(i + 3) {
                i + 4
            } else {
                i + 3
            };
            return Some((pm, end));
        }
        None
    }

    // ---- dates --------------------------------------------------------------------------

    /// A date with an optional position modifier ("early", "the end of", "mid-") in front, and
    /// an optional part of day or explicit year ("of 1990") after.
    fn parse_date(&self, i: usize) -> Option<D> {
        let mut j = i;
        let mut modifier: Option<&'static str> = None;
        let mut after_of = false;
        let the = self.w(j, Word::The);
        if the {
            j += 1;
        }
        match self.lx(j) {
            Some(Lex::Word(Word::Early)) => {
                modifier = Some("START");
                j += 1;
            }
            Some(Lex::Word(Word::Late)) => {
                modifier = Some("END");
                j += 1;
            }
            Some(Lex::Word(Word::Mid)) => {
                modifier = Some("MID");
                j += 1;
                if self.punct(j, b'-') {
                    j += 1;
                }
            }
            Some(Lex::Word(w @ (Word::Earlier | Word::Later))) if !the => {
                // "earlier this year", "later Sunday", "late yesterday"
                let this_year_or_month = self.w(j + 1, Word::This)
                    && (self.is(j + 2, "year")
                        || self.is(j + 2, "month")
                        || matches!(self.lx(j + 2), Some(Lex::PartOfDay(_))));
                let that_unit = self.w(j + 1, Word::That)
                    && (self.unit(j + 2).is_some()
                        || matches!(self.lx(j + 2), Some(Lex::PartOfDay(_))));
                if this_year_or_month || that_unit || self.lx(j + 1) == Some(Lex::DayOffset(-1)) {
                    modifier = Some(if w == Word::Earlier { "START" } else { "END" });
                    j += 1;
                } else if self.is(j + 1, "in") && self.w(j + 2, Word::The) && self.is(j + 3, "year")
                {
                    modifier = Some(if w == Word::Earlier { "START" } else { "END" });
                    j += 2; // "earlier in the year": "the year" is this year
                    after_of = true;
                }
            }
            Some(Lex::Word(w @ (Word::Beginning | Word::End | Word::Middle)))
                if !the
                    && self.tok(j).is_some_and(|t| t.cap)
                    && (matches!(self.lx(j + 1), Some(Lex::Month(..)))
                        || self.year_num(j + 1).is_some()) =>
            {
                modifier = Some(match w {
                    Word::Beginning => "START",
                    Word::End => "END",
                    _ => "MID",
                });
                j += 1;
            }
            // German "Anfang des Monats", "Ende des Jahres": this month's, this year's.
            Some(Lex::Word(w @ (Word::Beginning | Word::End | Word::Middle)))
                if !the
                    && self.lexicon.capitalised_nouns
                    && self.w(j + 1, Word::The)
                    && matches!(
                        self.lx(j + 2),
                        Some(Lex::Unit(Unit::Month | Unit::Year | Unit::Week, false))
                    ) =>
            {
                modifier = Some(position_modifier(w));
                j += 2;
                after_of = true;
            }
            Some(Lex::Word(w @ (Word::Beginning | Word::End | Word::Middle))) if the => {
                if self.w(j + 1, Word::Of) {
                    modifier = Some(position_modifier(w));
                    j += 2;
                    after_of = true;
                } else {
                    return None;
                }
            }
            Some(Lex::Ordinal(o @ (1 | 2)))
                if the && self.w(j + 1, Word::Half) && self.w(j + 2, Word::Of) =>
            {
                // "the first half of 1990" / "the second half of the year"
                let mut k = j + 3;
                let year = if let Some((y, 4)) = self.num(k) {
                    k += 1;
                    Some(y as i32)
                } else if (self.w(k, Word::The) || self.w(k, Word::This)) && self.is(k + 1, "year")
                {
                    k += 2;
                    None
                } else {
                    return None;
                };
                return Some(D {
                    end: k,
                    val: DVal::Half(year.unwrap_or(self.dct().year()), o),
                    year_implicit: year.is_none(),
                    relative: false,
                    modifier: None,
                    time: None,
                });
            }
            _ => {}
        }
        let start = if modifier.is_some() { j } else { i };
        let with_the = the && modifier.is_none();
        let mut d = self.date_core(start, with_the || after_of, after_of)?;
        if modifier.is_some() {
            d.modifier = modifier;
        }
        // A part of day after a day: "Friday morning", "yesterday afternoon".
        if matches!(d.val, DVal::Day(_)) && d.time.is_none() {
            if let Some(Lex::PartOfDay(p)) = self.lx(d.end) {
                d.time = self.weekday_pod(d.end - 1, p);
                d.end += 1;
            }
        }
        // "the third quarter of 1990", "the winter of 1994", "January of this year"
        if d.year_implicit && self.w(d.end, Word::Of) {
            if let Some((y, end)) = self.year_at(d.end + 1) {
                if let Some(v) = d.val.with_year(y) {
                    d.val = v;
                    d.end = end;
                    d.year_implicit = false;
                    d.relative = false;
                }
            }
        }
        // "1990 and beyond", "1994 or later"
        if (self.w(d.end, Word::And) && self.is(d.end + 1, "beyond"))
            || (self.w(d.end, Word::Or) && self.w(d.end + 1, Word::Later))
        {
            d.end += 2;
            d.modifier = Some("ON_OR_AFTER");
        } else if self.w(d.end, Word::Or) && self.w(d.end + 1, Word::Earlier) {
            d.end += 2;
            d.modifier = Some("ON_OR_BEFORE");
        } else if self.w(d.end, Word::Or) && self.w(d.end + 1, Word::So) {
            d.end += 2;
            d.modifier = Some("APPROX");
        }
        Some(d)
    }

    /// The year of a month (and day) named without one: the nearest occurrence when it is
    /// within four months of the document date, else the tense decides the direction.
    fn pick_year_md(&self, m: u32, day: Option<u32>) -> i32 {
        let dct = self.dct();
        let y = dct.year();
        // A retrospective: "by Sunday, March 24, 2024, it was 137 ... Washington had warned
        // Moscow in early March", written in March 2025. A month next to the story's last
        // day, in an earlier year, in the past tense, is that year's.
        // The same for a day that this year would still be ahead ("On March 26, a court
        // charged four men", in a retrospective of March 22, 2025, on March 2024).
        if self.tense.get() == Tense::Past {
            if let Some(r) = self.ref_day.filter(|r| r.year() < y) {
                let ahead = day.is_some_and(|d| {
                    NaiveDate::from_ymd_opt(y, m, d.min(28)).is_some_and(|x| x > dct)
                });
                if (m as i32 - r.month() as i32).abs() <= 1 && (day.is_none() || ahead) {
                    return r.year();
                }
            }
        }
        if day.is_none() && m == dct.month() {
            return y;
        }
        // A day or month that dates an attack told in the past tense is behind, however near
        // ahead this year's would be: "The bombing on August 20 killed five people", written
        // on August 2, is last year's (and so is "the August 20 bombing").
        if self.tense.get() == Tense::Past && self.dates_an_attack() {
            let past = |yy: i32| {
                NaiveDate::from_ymd_opt(yy, m, day.unwrap_or(1).min(28)).is_some_and(|d| d <= dct)
            };
            return if past(y) { y } else { y - 1 };
        }
        let at = |yy: i32| {
            NaiveDate::from_ymd_opt(yy, m, day.unwrap_or(15).min(28)).map(|d| (d - dct).num_days())
        };
        let (Some(prev), Some(cur), Some(next)) = (at(y - 1), at(y), at(y + 1)) else {
            return y;
        };
        let cands = [(y - 1, prev), (y, cur), (y + 1, next)];
        let nearest = cands
            .iter()
            .min_by_key(|c| c.1.abs())
            .map_or((y, 0), |c| *c);
        let slack = if day.is_none() { 15 } else { 0 };
        // A day within six weeks of the document date is that one, whatever the tense
        // ("had been set to expire Nov. 6", "payable Jan. 2").
        if day.is_some() && nearest.1.abs() <= 45 {
            return nearest.0;
        }
        // A month named in a past-tense sentence that begins within the next two months is
        // still ahead: news says "the guidelines, to be published in early November, ..." or
        // "the company said it would buy the bank in January" (TBAQ: 47 of the 58 month
        // names one to four months ahead of the document date are the coming ones).
        let soon = match day {
            None => {
                let ahead = (m as i32 - dct.month() as i32).rem_euclid(12);
                (1..=MONTHS_AHEAD).contains(&ahead)
            }
            Some(_) => (1..=DAYS_AHEAD).contains(&cur) || (1..=DAYS_AHEAD).contains(&next),
        };
        // Not when a past verb governs the date itself: "the suspects were arrested in May".
        let at = self.at.get();
        let past_verb_before = (at.saturating_sub(3).max(self.start)..at).any(|k| {
            self.tok(k).is_some_and(|t| {
                let w = &self.text[t.start..t.end];
                // "to be published in early November" is no past event.
                let after_be = k > 0
                    && ["be", "being", "is", "are", "am", "to", "will", "would"]
                        .iter()
                        .any(|b| self.is(k - 1, b));
                t.kind == Kind::Word
                    && !t.cap
                    && !after_be
                    && ((w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed"))
                        || super::PAST_FORMS[..super::PAST_VERBS]
                            .iter()
                            .any(|p| p.eq_ignore_ascii_case(w)))
            })
        });
        if soon && self.tense.get() == Tense::Past && !past_verb_before {
            return cands
                .iter()
                .filter(|c| c.1 > 0)
                .min_by_key(|c| c.1)
                .map_or(y, |c| c.0);
        }
        match self.tense.get() {
            Tense::Past => cands
                .iter()
                .filter(|c| c.1 <= slack)
                .max_by_key(|c| c.1)
                .map_or(y, |c| c.0),
            Tense::Future => cands
                .iter()
                .filter(|c| c.1 >= -slack)
                .min_by_key(|c| c.1)
                .map_or(y, |c| c.0),
            Tense::Present => nearest.0,
        }
    }

    /// Whether the current match dates an attack: "the bombing on August 20", "the attack of
    /// September 11", "the August 20 bombing".
    fn dates_an_attack(&self) -> bool {
        const ATTACKS: [&str; 14] = [
            "attack",
            "attacks",
            "bombing",
            "bombings",
            "blast",
            "blasts",
            "explosion",
            "shooting",
            "massacre",
            "ambush",
            "raid",
            "assault",
            "stabbing",
            "killings",
        ];
        let at = self.at.get();
        let noun = |k: usize| ATTACKS.iter().any(|w| self.is(k, w));
        let before = at >= self.start + 2
            && ["on", "of", "in"].iter().any(|w| self.is(at - 1, w))
            && noun(at - 2);
        // After the date's own tokens (a day number, a month name, a comma).
        let after = (at + 1..(at + 4).min(self.end))
            .find(|&k| {
                self.tok(k).is_some_and(|t| {
                    t.kind == Kind::Word && !matches!(self.lx(k), Some(Lex::Month(..)))
                        || !matches!(t.kind, Kind::Word | Kind::Num | Kind::Punct(b','))
                })
            })
            .is_some_and(noun);
        before || after
    }

    fn weekday_date(&self, wd: u32, rel: Option<Word>) -> NaiveDate {
        self.weekday_from(self.dct(), wd, rel)
    }

    /// The weekday `wd` relative to `dct` (the document date, or the story's last date for
    /// "the previous Friday").
    fn weekday_from(&self, dct: NaiveDate, wd: u32, rel: Option<Word>) -> NaiveDate {
        let cur = dct.weekday().num_days_from_monday() as i64;
        let wd = i64::from(wd);
        let back = (cur - wd).rem_euclid(7); // days back to the most recent such day (0 = today)
        let fwd = (wd - cur).rem_euclid(7);
        match rel {
            Some(Word::Last | Word::Past | Word::Previous) => {
                dct - Duration::days(if back == 0 { 7 } else { back })
            }
            Some(Word::Next | Word::Coming | Word::Following) => {
                dct + Duration::days(if fwd == 0 { 7 } else { fwd })
            }
            _ => {
                if back == 0 {
                    dct
                } else if self.tense.get() == Tense::Future {
                    dct + Duration::days(fwd)
                } else {
                    dct - Duration::days(back)
                }
            }
        }
    }

    fn month_ok(&self, i: usize, abbrev: bool) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.cap {
            return false;
        }
        let next_num = self
            .num(if abbrev && self.punct(i + 1, b'.') {
                i + 2
            } else {
                i + 1
            })
            .is_some();
        if abbrev {
            return next_num || (self.punct(i + 1, b'.') && self.adjacent(i + 1));
        }
        if self.is(i, "may") || self.is(i, "march") {
            // Verbs and names: accept with a number after or a preposition before.
            if next_num {
                return true;
            }
            let Some(p) = i.checked_sub(1).and_then(|p| self.toks.get(p)) else {
                return false;
            };
            let pw = &self.text[p.start..p.end];
            // "the March attack", "the May elections": a month naming an event by its time.
            if pw.eq_ignore_ascii_case("the") && self.names_event(i + 1) {
                return true;
            }
            return [
                "in", "by", "since", "until", "till", "through", "from", "during", "before",
                "after", "of", "early", "late", "mid", "last", "next", "this", "-", "to", "and",
            ]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(pw))
                && !self.punct(i + 1, b'-');
        }
        true
    }

    /// Whether the word at `i` is a noun of an event a month can name ("the March attack",
    /// "the May elections", "the March accession").
    fn names_event(&self, i: usize) -> bool {
        const EVENTS: [&str; 24] = [
            "attack",
            "attacks",
            "bombing",
            "bombings",
            "shooting",
            "assault",
            "raid",
            "massacre",
            "killings",
            "offensive",
            "uprising",
            "coup",
            "election",
            "elections",
            "vote",
            "referendum",
            "summit",
            "meeting",
            "talks",
            "deadline",
            "ceasefire",
            "accession",
            "strike",
            "strikes",
        ];
        self.tok(i).is_some_and(|t| !t.cap) && EVENTS.iter().any(|w| self.is(i, w))
    }

    /// Day of month at `i` ("7", "7th"); returns (day, next index).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let (d, digits) = self.num(i)?;
        if digits > 2 || d == 0 || d > 31 {
            return None;
        }
        let mut end = i + 1;
        if self.w(end, Word::Ordinal) && self.adjacent(end) {
            end += 1;
        }
        // Not a time ("7:30") or a decimal.
        if (self.punct(end, b':') || self.punct(end, b'.'))
            && self.num(end + 1).is_some()
            && self.adjacent(end + 1)
        {
            return None;
        }
        Some((d, end))
    }

    fn year_num(&self, i: usize) -> Option<i32> {
        let (y, digits) = self.num(i)?;
        (digits == 4 && (1000..=2199).contains(&y)).then_some(y as i32)
    }

    /// "this year", "last year", "next year" at `i`: the year it names, from the document's.
    fn year_named_at(&self, i: usize, dct_year: i32) -> Option<i32> {
        let Some(Lex::Word(w @ (Word::This | Word::Last | Word::Next))) = self.lx(i) else {
            return None;
        };
        self.is(i + 1, "year").then(|| {
            dct_year
                + match w {
                    Word::Last => -1,
                    Word::Next => 1,
                    _ => 0,
                }
        })
    }

    /// A year written in digits or spoken ("nineteen ninety-four", "two thousand"), with the
    /// index after it; for places where a year is expected ("January ...", "the winter of ...").
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_num(i) {
            return Some((y, i + 1));
        }
        self.spoken_year(i)
    }

    /// "nineteen ninety-six", "eighteen twelve" is not covered; "two thousand [and] one".
    fn spoken_year(&self, j: usize) -> Option<(i32, usize)> {
        let Some(Lex::Number(c)) = self.lx(j) else {
            return None;
        };
        if c == 2.0 && self.lx(j + 1) == Some(Lex::Number(1000.0)) {
            let mut end = j + 2;
            let mut y = 2000;
            let k = if self.w(end, Word::And) { end + 1 } else { end };
            if let Some(Lex::Number(u)) = self.lx(k) {
                if (1.0..20.0).contains(&u) {
                    y += u as i32;
                    end = k + 1;
                }
            }
            return Some((y, end));
        }
        if !(c == 19.0 || c == 18.0 || c == 20.0) {
            return None;
        }
        let Some(Lex::Number(t)) = self.lx(j + 1) else {
            return None;
        };
        if !(20.0..100.0).contains(&t) || t % 10.0 != 0.0 {
            return None;
        }
        let mut y = c as i32 * 100 + t as i32;
        let mut end = j + 2;
        let k = if self.punct(end, b'-') { end + 1 } else { end };
        if let Some(Lex::Number(u)) = self.lx(k) {
            if u < 10.0 {
                y += u as i32;
                end = k + 1;
            }
        }
        Some((y, end))
    }

    fn date_core(&self, i: usize, the: bool, after_of: bool) -> Option<D> {
        let mut j = i;
        if the && self.w(j, Word::The) {
            j += 1;
        }
        let dct = self.dct();
        let mk = |end, val, year_implicit, relative| D {
            end,
            val,
            year_implicit,
            relative,
            modifier: None,
            time: None,
        };
        let lex = self.lx(j);
        let had_the = j > i;
        // "the day before", "the night after", "the day before last Tuesday", "am Tag danach".
        if let Some(d) = self.beside(j, had_the) {
            return Some(d);
        }
        // "the same day", "the same night": the story's date.
        if had_the && self.is(j, "same") {
            return self.story_unit(j + 1);
        }
        if had_the
            && (matches!(
                lex,
                Some(Lex::Month(..) | Lex::Weekday(..) | Lex::Holiday(_))
            ) || self.num(j).is_some_and(|(_, d)| d == 4))
        {
            // "the Aug. 7 bombings", "the 1996 Olympics": "the" goes with the noun.
            if !(self.num(j).is_some()
                && matches!(self.lx(j + 1), Some(Lex::Ordinal(_)) | Some(Lex::Unit(..)))
                || (self.finance && self.is(j + 1, "period")))
            {
                return None;
            }
        }
        match lex {
            // ---- explicit dates with a month name
            Some(Lex::Month(m, abbrev)) if self.month_ok(j, abbrev) => {
                let mut k = j + 1;
                if abbrev && self.punct(k, b'.') && self.adjacent(k) {
                    k += 1;
                }
                if let Some((day, e)) = self.day_num(k) {
                    let mut e2 = e;
                    if self.punct(e2, b',') {
                        e2 += 1;
                    }
                    if let Some(y) = self.year_num(e2) {
                        let date = NaiveDate::from_ymd_opt(y, m, day)?;
                        return Some(mk(e2 + 1, DVal::Day(date), false, false));
                    }
                    // "November 13 last year", "March 3 this year"
                    if let Some(y) = self.year_named_at(e, dct.year()) {
                        let date = NaiveDate::from_ymd_opt(y, m, day)?;
                        return Some(mk(e + 2, DVal::Day(date), false, true));
                    }
                    let y = self.pick_year_md(m, Some(day));
                    let date = NaiveDate::from_ymd_opt(y, m, day)?;
                    return Some(mk(e, DVal::Day(date), true, false));
                }
                let mut e = k;
                if self.w(e, Word::Of) || self.punct(e, b',') {
                    e += 1;
                }
                if let Some((y, end)) = self.year_at(e) {
                    return Some(mk(end, DVal::Month(y, m), false, false));
                }
                // "January this year", "December last year"
                if let Some(y) = self.year_named_at(k, dct.year()) {
                    return Some(mk(k + 2, DVal::Month(y, m), false, true));
                }
                if abbrev && !self.punct(j + 1, b'.') {
                    return None;
                }
                let y = self.pick_year_md(m, None);
                Some(mk(k, DVal::Month(y, m), true, false))
            }
            // ---- "22 March 2024", "the 22nd of March"; years; decades; ISO and slashed dates
            _ if self.num(j).is_some() => self.numeric_date(j),
            // "the nineties", "the late sixties": the most recent such decade not after the
            // document date ("in their twenties", an age, has no "the").
            Some(Lex::Decade(d))
                if had_the
                    || (j > 0
                        && ["early", "mid", "late", "-"]
                            .iter()
                            .any(|w| self.is(j - 1, w))) =>
            {
                Some(mk(j + 1, DVal::Decade(self.decade_of(d)), false, true))
            }
            // "the '80s", "the mid-'90s"
            _ if self.apos(j)
                && self.num(j + 1).is_some_and(|(n, d)| d == 2 && n % 10 == 0)
                && self.adjacent(j + 1)
                && self.is(j + 2, "s")
                && self.adjacent(j + 2) =>
            {
                let (n, _) = self.num(j + 1)?;
                Some(mk(j + 3, DVal::Decade(self.decade_of(n / 10)), false, true))
            }
            Some(Lex::Word(Word::Fiscal)) => {
                if let Some(y) = self.year_num(j + 1) {
                    return Some(mk(j + 2, DVal::Year(y), false, false));
                }
                if had_the
                    && self.is(j + 1, "year")
                    && !self.is(j + 2, "ended")
                    && !self.is(j + 2, "ending")
                {
                    return Some(mk(j + 2, DVal::Year(dct.year()), false, true));
                }
                let mut d = self.quarter(j + 1, had_the)?;
                d.end = d.end.max(j + 2);
                Some(d)
            }
            // "the current year", "the current quarter", "the full year"
            Some(Lex::Ref(Ref::Present)) if self.is(j, "current") => {
                let mut k = j + 1;
                if self.w(k, Word::Fiscal) {
                    k += 1;
                }
                match self.unit(k)? {
                    (u @ (Unit::Year | Unit::Quarter | Unit::Month | Unit::Week), false) => {
                        self.this_unit(k + 1, u, 0)
                    }
                    _ => None,
                }
            }
            _ if had_the && self.is(j, "full") && self.is(j + 1, "year") && self.finance => {
                Some(mk(j + 2, DVal::Year(dct.year()), false, true))
            }
            // Spoken years: "nineteen ninety-six"
            Some(Lex::Number(c)) if (c == 19.0 || c == 18.0 || c == 20.0) && !had_the => {
                let (y, end) = self.spoken_year(j)?;
                Some(mk(end, DVal::Year(y), false, false))
            }
            // "the year two thousand", "the year 2000"
            Some(Lex::Unit(Unit::Year, false)) if had_the && self.year_at(j + 1).is_some() => {
                let (y, end) = self.year_at(j + 1)?;
                Some(mk(end, DVal::Year(y), false, false))
            }
            // ---- weekdays
            Some(Lex::Weekday(wd, false)) if self.tok(j)?.cap => {
                // "declared Sunday a day of mourning", "set Monday as the deadline": ahead.
                // But "appointed him on Thursday as envoy", "identified Thursday as": past.
                // (German "hatte am Montag einen Mann getötet": a day after "am" or "on" is
                // no object, and the article after it opens the verb's object.)
                let after_preposition = j
                    .checked_sub(1)
                    .is_some_and(|p| ["am", "on", "an", "vom"].iter().any(|w| self.is(p, w)));
                if self.w(j + 1, Word::A) && !after_preposition
                    || (self.is(j + 1, "as") && self.tense.get() != Tense::Past)
                {
                    self.tense.set(Tense::Future);
                }
                // "Wednesday's ruling", "Tuesday's vote": a day the story looks back on,
                // whatever modal the sentence has ("would look for ways to get around
                // Wednesday's ruling"); only a plan word on the phrase itself looks ahead
                // ("ahead of Sunday's vote", "Sunday's scheduled debate").
                if self.possessive(j) {
                    self.tense.set(if self.possessive_ahead(j) {
                        Tense::Future
                    } else {
                        Tense::Past
                    });
                } else if self.tense.get() == Tense::Present && self.present_plan_verb(j) {
                    // "He and Arafat meet separately Monday", "the court opens Tuesday": the
                    // present simple of a scheduled event in news is the coming day.
                    self.tense.set(Tense::Future);
                }
                // "since Wednesday", "seit Mittwoch": a day that has been.
                let since = j
                    .checked_sub(1)
                    .is_some_and(|p| self.is(p, "since") || self.is(p, "seit"));
                let d = if since {
                    self.weekday_from(self.dct(), wd, Some(Word::Past))
                } else if self.plan_then_past(j) {
                    // "A memorial planned for Saturday was canceled": the plan looks ahead,
                    // the verb back; the nearer of the two days.
                    let dct = self.dct();
                    let cur = i64::from(dct.weekday().num_days_from_monday());
                    let back = (cur - i64::from(wd)).rem_euclid(7);
                    if back == 0 || back < 7 - back {
                        dct - Duration::days(back)
                    } else {
                        dct + Duration::days(7 - back)
                    }
                } else {
                    self.weekday_date(wd, None)
                };
                // "on Monday, Oct. 26": the date that follows says which Monday.
                let k = if self.punct(j + 1, b',') {
                    j + 2
                } else {
                    j + 1
                };
                if matches!(self.lx(k), Some(Lex::Month(..))) {
                    if let Some(x) = self.date_core(k, false, false) {
                        if let DVal::Day(day) = x.val {
                            if day.weekday().num_days_from_monday() == wd {
                                return Some(mk(x.end, DVal::Day(day), x.year_implicit, false));
                            }
                            // "by Sunday, March 24, it was 137" written in 2025: the year in
                            // which March 24 is a Sunday (2024), when the year is not given.
                            if x.year_implicit {
                                let fits = [-1, 1].into_iter().find_map(|dy| {
                                    NaiveDate::from_ymd_opt(day.year() + dy, day.month(), day.day())
                                        .filter(|d| d.weekday().num_days_from_monday() == wd)
                                });
                                if let Some(d) = fits {
                                    return Some(mk(x.end, DVal::Day(d), false, false));
                                }
                            }
                        }
                    }
                }
                Some(mk(j + 1, DVal::Day(d), false, true))
            }
            // ---- today, yesterday, tomorrow, tonight
            // ("heute Morgen", "gestern Morgen": the noun "Morgen" is that day's morning, not
            // tomorrow.)
            Some(Lex::DayOffset(off))
                if !the && self.is(j + 1, "morgen") && self.tok(j + 1).is_some_and(|t| t.cap) =>
            {
                let mut d = mk(
                    j + 2,
                    DVal::Day(dct + Duration::days(i64::from(off))),
                    false,
                    true,
                );
                d.time = Some("MO".to_string());
                Some(d)
            }
            Some(Lex::DayOffset(off)) if !the => Some(mk(
                j + 1,
                DVal::Day(dct + Duration::days(i64::from(off))),
                false,
                true,
            )),
            Some(Lex::Tonight) if !the => {
                let mut d = mk(j + 1, DVal::Day(dct), false, true);
                d.time = Some("NI".to_string());
                Some(d)
            }
            // ---- "the morning", "overnight", "this afternoon"
            Some(Lex::PartOfDay(p))
                if (the || self.is(j, "overnight"))
                    && !matches!(p, PartOfDay::Noon | PartOfDay::Midnight)
                    && !self.w(j + 1, Word::Of) =>
            {
                // "in der Nacht zum Samstag": the night that ends on Saturday, Friday's.
                if p == PartOfDay::Night && (self.is(j + 1, "zum") || self.is(j + 1, "auf")) {
                    if let Some(Lex::Weekday(wd, false)) = self.lx(j + 2) {
                        let day = self.weekday_date(wd, None) - Duration::days(1);
                        let mut d = mk(j + 3, DVal::Day(day), false, true);
                        d.time = Some("NI".to_string());
                        return Some(d);
                    }
                }
                let mut d = mk(j + 1, DVal::Day(self.ref_day.unwrap_or(dct)), false, true);
                d.time = Some(pod_code(p).to_string());
                Some(d)
            }
            // ---- holidays
            Some(Lex::Holiday(_)) if self.tok(j)?.cap => self.holiday(j),
            // ---- seasons
            Some(Lex::Season(s))
                if the || self.year_num(j + 1).is_some() || self.prev_is_prep(j) =>
            {
                if let Some(y) = self.year_num(j + 1) {
                    return Some(mk(j + 2, DVal::Season(y, s), false, false));
                }
                if self.w(j + 1, Word::Of) {
                    if let Some((y, end)) = self.year_at(j + 2) {
                        return Some(mk(end, DVal::Season(y, s), false, false));
                    }
                    return None; // "the fall of Kabul"
                }
                let y = self.season_year(s, None);
                Some(mk(j + 1, DVal::Season(y, s), true, false))
            }
            // ---- quarters: "the third quarter", "third-quarter", "the second half"
            Some(Lex::Ordinal(_)) | Some(Lex::Unit(Unit::Second, false)) => {
                self.quarter(j, had_the)
            }
            // ---- this/last/next + unit, weekday, month, season
            Some(Lex::Word(
                w @ (Word::This
                | Word::Last
                | Word::Next
                | Word::Past
                | Word::Coming
                | Word::Previous
                | Word::Following
                | Word::Latest),
            )) => self.relative(j, w, the),
            // "the week of March 6"
            Some(Lex::Unit(Unit::Week, false)) if the && self.w(j + 1, Word::Of) => {
                let x = self.date_core(j + 2, false, false)?;
                match x.val {
                    DVal::Day(d) => Some(mk(x.end, DVal::Week(d), x.year_implicit, false)),
                    _ => None,
                }
            }
            // "that year", "that same day", "that month": the story's last date.
            Some(Lex::Word(Word::That)) if !had_the => {
                let k = if self.is(j + 1, "same") { j + 2 } else { j + 1 };
                // "he said that morning prayers were held": "that" begins a clause.
                if matches!(self.lx(k), Some(Lex::PartOfDay(_)))
                    && j > self.start
                    && CLAUSE_VERBS.iter().any(|v| self.is(j - 1, v))
                {
                    return None;
                }
                self.story_unit(k)
            }
            // "the year", "the month", "the week" after "the end of": this one.
            Some(Lex::Unit(u, false)) if after_of => self.this_unit(j + 1, u, 0),
            // German "am Wochenende": "am" holds the article.
            Some(Lex::Word(Word::Weekend))
                if self.lexicon.capitalised_nouns && j > self.start && self.is(j - 1, "am") =>
            {
                Some(mk(
                    j + 1,
                    DVal::Weekend(self.weekend_anchor(None)),
                    false,
                    true,
                ))
            }
            // German "am Vortag": the day before the story's last day.
            Some(Lex::Word(Word::DayBefore))
                if self.lexicon.capitalised_nouns && j > self.start && self.is(j - 1, "am") =>
            {
                let day = self.ref_anchor(Unit::Day)? - Duration::days(1);
                Some(mk(j + 1, DVal::Day(day), false, true))
            }
            // "the weekend"
            Some(Lex::Word(Word::Weekend)) if the && !self.tok(j)?.cap => Some(mk(
                j + 1,
                DVal::Weekend(self.weekend_anchor(None)),
                false,
                true,
            )),
            // "the quarter" (a financial report's quarter)
            Some(Lex::Unit(Unit::Quarter, false)) if the && self.finance => {
                let (y, q) = self.reporting_quarter();
                Some(mk(j + 1, DVal::Quarter(y, q), false, true))
            }
            // "year-earlier", "the year-ago quarter", "year end", "year's end"; "the year" in a
            // financial report is the current one.
            Some(Lex::Unit(Unit::Year, false)) => self
                .year_compound(j)
                // "the year-ago results": "the" goes with "results".
                .filter(|d| !(had_the && d.end == j + 3 && self.punct(j + 1, b'-')))
                .or_else(|| {
                    (had_the
                        && self.finance
                        && !self.punct(j + 1, b'-')
                        && !self.is(j + 1, "ended")
                        && !self.is(j + 1, "ending"))
                    .then(|| mk(j + 1, DVal::Year(dct.year()), false, true))
                }),
            _ => None,
        }
    }

    /// Whether the name at `j` is possessive ("Wednesday's ruling").
    fn possessive(&self, j: usize) -> bool {
        self.apos(j + 1) && self.adjacent(j + 1) && self.is(j + 2, "s") && self.adjacent(j + 2)
    }

    /// A plan word on a possessive day's own phrase: "ahead of Sunday's vote", "until
    /// Friday's deadline", "by Friday's deadline", "Sunday's scheduled election".
    fn possessive_ahead(&self, j: usize) -> bool {
        let before = j > self.start
            && (["until", "till", "awaiting", "await", "awaits"]
                .iter()
                .any(|w| self.is(j - 1, w))
                || (j > self.start + 1 && self.is(j - 1, "of") && self.is(j - 2, "ahead"))
                || ((self.is(j - 1, "by") || self.is(j - 1, "before"))
                    && self.is(j + 3, "deadline")));
        let after = (j + 3..j + 5).any(|k| POSSESSIVE_AHEAD.iter().any(|w| self.is(k, w)));
        // "For Sunday's elections, the army will deploy troops": a scheduled event that a
        // future action is for or before. Not a happening ("would be punished for Sunday's
        // attack") nor an event only near a modal ("would contest Tuesday's vote").
        let purpose = j > self.start
            && (self.is(j - 1, "for") || self.is(j - 1, "before"))
            && self.tense.get() == Tense::Future
            && (j + 3..j + 5).any(|k| SCHEDULED_EVENTS.iter().any(|w| self.is(k, w)));
        before || after || purpose
    }

    /// A weekday in a plan's reduced relative clause whose own verb is a past passive: "a
    /// memorial service planned at the university for Saturday was canceled". Not with the
    /// plan's infinitive ("planned to meet Friday") nor a form of "be" or "had" before the
    /// participle ("was planned for Friday", "had been scheduled for Friday").
    fn plan_then_past(&self, j: usize) -> bool {
        let lo = j.saturating_sub(8).max(self.start + 1);
        let plan = (lo..j)
            .rev()
            .find(|&k| ["planned", "scheduled"].iter().any(|w| self.is(k, w)));
        let Some(k) = plan else { return false };
        if self.is(k + 1, "to")
            || [
                "be", "been", "being", "is", "are", "was", "were", "had", "has", "have", "as",
            ]
            .iter()
            .any(|w| self.is(k - 1, w))
            || !self.tok(k - 1).is_some_and(|t| t.kind == Kind::Word)
            || (k + 1..j).any(|m| {
                self.tok(m)
                    .is_some_and(|t| t.kind != Kind::Word || t.lex == Some(Lex::FutureMarker))
            })
        {
            return false;
        }
        // The clause's verb right after the expression: "was canceled", "were called off".
        let v = j + 1;
        (self.is(v, "was") || self.is(v, "were"))
            && self.tok(v + 1).is_some_and(|t| {
                let w = &self.text[t.start..t.end];
                t.kind == Kind::Word && (w.ends_with("ed") || w.eq_ignore_ascii_case("called"))
            })
    }

    /// A present-simple verb of a scheduled event shortly before the weekday at `j`, with no
    /// punctuation between: "meet separately Monday", "visits Paris on Tuesday". Not a noun
    /// ("the vote Monday", "his visit Monday", "after talks Monday") nor a title-case headline
    /// word, whose present tense tells of the past.
    fn present_plan_verb(&self, j: usize) -> bool {
        let lo = j.saturating_sub(4).max(self.start);
        for k in (lo..j).rev() {
            let Some(t) = self.tok(k) else { return false };
            if t.kind != Kind::Word {
                return false;
            }
            let w = &self.text[t.start..t.end];
            if PRESENT_PLAN_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)) {
                let Some(p) = k.checked_sub(1).filter(|&p| p >= self.start) else {
                    return false;
                };
                let Some(pt) = self.tok(p).filter(|t| t.kind == Kind::Word) else {
                    return false;
                };
                let pw = &self.text[pt.start..pt.end];
                // A plain form needs a plural subject ("leaders meet", "he and Arafat
                // meet", "they meet"); after a singular it is a noun ("a televised debate").
                let plural_subject = w.ends_with('s')
                    || (pw.len() > 3 && pw.ends_with('s') && !pw.ends_with("ss"))
                    || ["they", "we", "who"]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(pw))
                    || self.compound_subject(p);
                return !t.cap
                    && plural_subject
                    && !DETERMINERS
                        .iter()
                        .chain(NOUN_BEFORE)
                        .any(|d| d.eq_ignore_ascii_case(pw));
            }
        }
        false
    }

    /// Whether the words up to `p` end a compound subject: "and" within five words back, with
    /// no determiner after it ("he and Palestinian leader Yasser Arafat", not "bombs and a
    /// televised debate").
    fn compound_subject(&self, p: usize) -> bool {
        let lo = p.saturating_sub(5).max(self.start);
        for k in (lo..=p).rev() {
            let Some(t) = self.tok(k).filter(|t| t.kind == Kind::Word) else {
                return false;
            };
            let w = &self.text[t.start..t.end];
            if w.eq_ignore_ascii_case("and") {
                return k < p;
            }
            if DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w)) {
                return false;
            }
        }
        false
    }

    /// The time code of a part of day after token `k`. After a weekday, "night" and "morning"
    /// stay in the expression but not in the value ("Friday night" is `1998-10-23`): TBAQ
    /// writes it so 10 times to 6 (`TNI`) and 5 to 3 (`TMO`); "evening" and "afternoon" keep
    /// theirs (`TEV` 3 to 0).
    fn weekday_pod(&self, k: usize, p: PartOfDay) -> Option<String> {
        if matches!(self.lx(k), Some(Lex::Weekday(..)))
            && matches!(p, PartOfDay::Night | PartOfDay::Morning)
        {
            return None;
        }
        Some(pod_code(p).to_string())
    }

    /// The decade (years / 10) with tens `d` nearest before the document date: 9 is the 1990s in
    /// 1998 and in 2024, 2 the 1920s in 1998 and the 2020s in 2024.
    fn decade_of(&self, d: u32) -> i32 {
        let y = self.dct().year();
        let c = y.div_euclid(100);
        let in_this = c * 10 + d as i32;
        if in_this * 10 <= y {
            in_this
        } else {
            in_this - 10
        }
    }

    fn prev_is_prep(&self, j: usize) -> bool {
        let Some(p) = j.checked_sub(1).and_then(|p| self.toks.get(p)) else {
            return false;
        };
        let pw = &self.text[p.start..p.end];
        [
            "in", "since", "until", "by", "during", "through", "this", "last", "next", "early",
            "late", "mid", "-",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(pw))
    }

    fn numeric_date(&self, j: usize) -> Option<D> {
        let mk = |end, val, year_implicit| D {
            end,
            val,
            year_implicit,
            relative: false,
            modifier: None,
            time: None,
        };
        let (n, digits) = self.num(j)?;
        // ISO 2024-03-22
        if digits == 4 && self.punct(j + 1, b'-') && self.adjacent(j + 1) {
            if let (Some((m, 2)), true, Some((d, 2))) =
                (self.num(j + 2), self.punct(j + 3, b'-'), self.num(j + 4))
            {
                if self.adjacent(j + 2) && self.adjacent(j + 4) {
                    let date = NaiveDate::from_ymd_opt(n as i32, m, d)?;
                    let mut out = mk(j + 5, DVal::Day(date), false);
                    // ISO 8601 date-time: 2024-03-26T08:00:00+01:00
                    let k = j + 5;
                    if self.is(k, "t")
                        && self.adjacent(k)
                        && self.adjacent(k + 1)
                        && self.punct(k + 2, b':')
                    {
                        if let (Some((h, 2)), Some((mi, 2))) = (self.num(k + 1), self.num(k + 3)) {
                            if h < 24 && mi < 60 {
                                let mut e = k + 4;
                                if self.punct(e, b':')
                                    && self.num(e + 1).is_some()
                                    && self.adjacent(e + 1)
                                {
                                    e += 2;
                                }
                                if self.is(e, "z") && self.adjacent(e) {
                                    e += 1;
                                } else if (self.punct(e, b'+') || self.punct(e, b'-'))
                                    && self.adjacent(e)
                                    && self.num(e + 1).is_some()
                                {
                                    e += 2;
                                    if self.punct(e, b':') && self.num(e + 1).is_some() {
                                        e += 2;
                                    }
                                }
                                out.end = e;
                                out.time = Some(format!("{h:02}:{mi:02}"));
                            }
                        }
                    }
                    return Some(out);
                }
            }
        }
        // European 20.03.2024
        if digits <= 2 && self.punct(j + 1, b'.') && self.adjacent(j + 1) && self.punct(j + 3, b'.')
        {
            if let (Some((m, 1..=2)), Some((y, 4))) = (self.num(j + 2), self.num(j + 4)) {
                if self.adjacent(j + 2) && self.adjacent(j + 3) && self.adjacent(j + 4) {
                    let date = NaiveDate::from_ymd_opt(y as i32, m, n)?;
                    return Some(mk(j + 5, DVal::Day(date), false));
                }
            }
        }
        // US 3/22/2024
        if digits <= 2 && self.punct(j + 1, b'/') && self.adjacent(j + 1) && self.punct(j + 3, b'/')
        {
            if let (Some((d, 1..=2)), Some((y, 4))) = (self.num(j + 2), self.num(j + 4)) {
                if self.adjacent(j + 4) {
                    let date = NaiveDate::from_ymd_opt(y as i32, n, d)?;
                    return Some(mk(j + 5, DVal::Day(date), false));
                }
            }
            return None;
        }
        // 22 March 2024, 22nd of March, 22. März 2024
        if let Some((day, mut k)) = self.day_num(j) {
            if self.w(k, Word::Of) || (self.punct(k, b'.') && self.adjacent(k)) {
                k += 1;
            }
            if let Some(Lex::Month(m, abbrev)) = self.lx(k) {
                if self.tok(k)?.cap {
                    let mut e = k + 1;
                    if abbrev && self.punct(e, b'.') && self.adjacent(e) {
                        e += 1;
                    }
                    let mut e2 = e;
                    if self.punct(e2, b',') {
                        e2 += 1;
                    }
                    if let Some(y) = self.year_num(e2) {
                        return Some(mk(
                            e2 + 1,
                            DVal::Day(NaiveDate::from_ymd_opt(y, m, day)?),
                            false,
                        ));
                    }
                    let y = self.pick_year_md(m, Some(day));
                    return Some(mk(e, DVal::Day(NaiveDate::from_ymd_opt(y, m, day)?), true));
                }
            }
        }
        // Decades: "1990s", "the '80s" (the apostrophe form is handled by the caller's token)
        if digits == 4 && n % 10 == 0 && self.is(j + 1, "s") && self.adjacent(j + 1) {
            return Some(mk(j + 2, DVal::Decade(n as i32 / 10), false));
        }
        // Centuries: "the 21st century"
        if digits <= 2
            && self.w(j + 1, Word::Ordinal)
            && self.adjacent(j + 1)
            && self.is(j + 2, "century")
        {
            return Some(mk(j + 3, DVal::Century(n as i32 - 1), false));
        }
        // Years
        let y = self.year_num(j)?;
        let prev = j.checked_sub(1).and_then(|p| self.toks.get(p));
        if prev.is_some_and(|p| {
            matches!(p.kind, Kind::Punct(b'$' | b'#' | b'.' | b'/' | b':')) && !p.space_before
        }) {
            return None;
        }
        if prev.is_some_and(|p| matches!(p.kind, Kind::Punct(b'$'))) {
            return None;
        }
        let next = self.tok(j + 1);
        if next.is_some_and(|t| {
            matches!(t.kind, Kind::Punct(b'%' | b':')) || (t.kind == Kind::Num && !t.space_before)
        }) {
            return None;
        }
        if next.is_some_and(|t| t.kind == Kind::Punct(b'.') && !t.space_before)
            && self
                .tok(j + 2)
                .is_some_and(|t| t.kind == Kind::Num && !t.space_before)
        {
            return None;
        }
        if next.is_some_and(|t| t.kind == Kind::Punct(b',') && !t.space_before)
            && self
                .tok(j + 2)
                .is_some_and(|t| t.kind == Kind::Num && !t.space_before)
        {
            return None;
        }
        // "more than 2000 troops", "some 1500 people": counts, not years.
        let prev_word = prev.map(|p| &self.text[p.start..p.end]).unwrap_or("");
        let next_word = next.map(|t| &self.text[t.start..t.end]).unwrap_or("");
        if ["about", "around", "approximately", "roughly"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(prev_word))
            && self.approx_year(j)
        {
            // "formed around 2002", "in about 2003", "Around 2004 it split": a year, roughly.
        } else if [
            "than",
            "about",
            "around",
            "some",
            "nearly",
            "almost",
            "over",
            "least",
            "approximately",
            "roughly",
            "estimated",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev_word))
            || COUNT_NOUNS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(next_word))
        {
            return None;
        }
        if !(1900..=2099).contains(&y) {
            let ok = prev.is_some_and(|p| {
                let w = &self.text[p.start..p.end];
                [
                    "in", "since", "of", "from", "by", "until", "year", "before", "after",
                    "during", "-",
                ]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(w))
            });
            if !ok {
                return None;
            }
        }
        if self.finance && self.is(j + 1, "period") {
            // "the 1988 period" in a quarterly report: that year's reporting quarter
            let (_, q) = self.reporting_quarter();
            return Some(mk(j + 2, DVal::Quarter(y, q), false));
        }
        if let Some(mut q) = self.quarter(j + 1, false) {
            if let DVal::Quarter(_, qq) = q.val {
                q.val = DVal::Quarter(y, qq);
                q.year_implicit = false;
                return Some(q);
            }
        }
        Some(mk(j + 1, DVal::Year(y), false))
    }

    fn holiday(&self, j: usize) -> Option<D> {
        let mut best: Option<(usize, crate::rules::HolidayRule)> = None;
        for (names, rule) in &self.lexicon.holidays {
            let ok = names.iter().enumerate().all(|(k, n)| self.is(j + k, n));
            if ok && best.is_none_or(|(len, _)| names.len() > len) {
                best = Some((names.len(), *rule));
            }
        }
        let (len, rule) = best?;
        let mut end = j + len;
        // "an attack on a Christmas market", "the Easter shopping": the holiday names a thing,
        // not a day.
        if [
            "market",
            "markets",
            "tree",
            "trees",
            "party",
            "parties",
            "shopping",
            "shoppers",
            "lights",
            "card",
            "cards",
            "decorations",
            "gifts",
            "presents",
            "carols",
            "dinner",
            "message",
            "sermon",
            "bonus",
        ]
        .iter()
        .any(|w| self.is(end, w))
        {
            return None;
        }
        if self.is(end, "week") {
            // "Easter week"
            let dct = self.dct();
            let date = holiday_date(rule, dct.year())?;
            return Some(D {
                end: end + 1,
                val: DVal::Week(date),
                year_implicit: true,
                relative: false,
                modifier: None,
                time: None,
            });
        }
        if let Some(y) = self.year_num(end) {
            end += 1;
            return Some(D {
                end,
                val: DVal::Day(holiday_date(rule, y)?),
                year_implicit: false,
                relative: false,
                modifier: None,
                time: None,
            });
        }
        let dct = self.dct();
        let y = dct.year();
        let this = holiday_date(rule, y)?;
        // A holiday within two weeks of the story is that one, whatever the tense ("warned of
        // an attack on New Year's Eve", written on 27 December; "Christmas" on 5 January).
        let near = [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|yy| holiday_date(rule, yy))
            .min_by_key(|d| (*d - dct).num_days().abs())
            .filter(|d| (*d - dct).num_days().abs() <= 14);
        let date = match (near, self.tense.get()) {
            (Some(d), _) => d,
            (None, Tense::Past) if this > dct => holiday_date(rule, y - 1)?,
            (None, Tense::Future) if this < dct => holiday_date(rule, y + 1)?,
            _ => this,
        };
        Some(D {
            end,
            val: DVal::Day(date),
            year_implicit: true,
            relative: false,
            modifier: None,
            time: None,
        })
    }

    fn season_of(d: NaiveDate) -> Season {
        match d.month() {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }

    fn season_index(s: Season) -> i32 {
        match s {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        }
    }

    /// The year of a season named without one; `rel` is last/next/this.
    fn season_year(&self, s: Season, rel: Option<Word>) -> i32 {
        let dct = self.dct();
        // Winter is written with the year it starts in; January belongs to last year's winter.
        let (cy, cur) = match (dct.month(), Self::season_of(dct)) {
            (1 | 2, Season::Winter) => (dct.year() - 1, Season::Winter),
            (_, c) => (dct.year(), c),
        };
        let (ci, si) = (Self::season_index(cur), Self::season_index(s));
        match rel {
            Some(Word::Last | Word::Past | Word::Previous) => {
                if si < ci {
                    cy
                } else {
                    cy - 1
                }
            }
            Some(Word::Next | Word::Coming | Word::Following) => {
                if si > ci {
                    cy
                } else {
                    cy + 1
                }
            }
            Some(_) => cy,
            None => match self.tense.get() {
                Tense::Past if si > ci => cy - 1,
                Tense::Future if si < ci => cy + 1,
                _ => cy,
            },
        }
    }

    fn weekend_anchor(&self, rel: Option<Word>) -> NaiveDate {
        // The Saturday of the weekend meant.
        let sat = self.weekday_date(5, rel);
        if rel.is_none() && self.tense.get() != Tense::Future {
            let dct = self.dct();
            if dct.weekday().num_days_from_monday() == 6 {
                return dct - Duration::days(1);
            }
        }
        sat
    }

    fn quarter(&self, j: usize, the: bool) -> Option<D> {
        let t = self.tok(j)?;
        let w = &self.text[t.start..t.end];
        let q = match self.lx(j)? {
            Lex::Ordinal(o) => o,
            Lex::Unit(Unit::Second, false) if w.eq_ignore_ascii_case("second") => 2,
            _ => return None,
        };
        let mut k = j + 1;
        if self.punct(k, b'-') {
            if the {
                return None; // "the third-quarter loss": "the" goes with "loss"
            }
            k += 1;
        }
        let (u, plural) = self.unit(k)?;
        let mk = |end, val, year_implicit| D {
            end,
            val,
            year_implicit,
            relative: false,
            modifier: None,
            time: None,
        };
        if u == Unit::Quarter && !plural && (1..=4).contains(&q) {
            let mut e = k + 1;
            if self.w(e, Word::Of) {
                if let Some(y) = self.year_num(e + 1) {
                    return Some(mk(e + 2, DVal::Quarter(y, q), false));
                }
                if self.w(e + 1, Word::This) && self.is(e + 2, "year") {
                    e += 3;
                    return Some(mk(e, DVal::Quarter(self.dct().year(), q), true));
                }
                if self.w(e + 1, Word::Last) && self.is(e + 2, "year") {
                    return Some(mk(e + 3, DVal::Quarter(self.dct().year() - 1, q), true));
                }
            }
            let _ = the;
            let y = self.dct().year();
            // A quarter named in the past tense that has not begun yet is last year's, in
            // financial reports too ("profits fell in the fourth quarter", said in January).
            let (_, cq) = quarter_of(self.dct());
            let y = if q > cq && self.tense.get() == Tense::Past {
                y - 1
            } else {
                y
            };
            e = e.max(k + 1);
            return Some(mk(e, DVal::Quarter(y, q), true));
        }
        None
    }

    fn this_unit(&self, end: usize, u: Unit, delta: i32) -> Option<D> {
        self.unit_from(end, u, delta, self.dct())
    }

    /// The last mentioned date, when it is precise enough for `unit` ("the next day" needs a day).
    fn ref_anchor(&self, unit: Unit) -> Option<NaiveDate> {
        let (y, m, d) = self.ref_point.get()?;
        let enough = match unit {
            Unit::Year | Unit::Decade | Unit::Century => true,
            Unit::Month | Unit::Quarter => m.is_some(),
            _ => d.is_some(),
        };
        if enough {
            NaiveDate::from_ymd_opt(y, m.unwrap_or(1), d.unwrap_or(1))
        } else {
            None
        }
    }

    /// "that day", "that same week", "that night": the unit or part of day of the story's
    /// last date, at token `k`; `None` without one.
    fn story_unit(&self, k: usize) -> Option<D> {
        match self.lx(k)? {
            Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) => {
                let anchor = self.ref_anchor(u)?;
                let mut d = self.unit_from(k + 1, u, 0, anchor)?;
                d.relative = false;
                Some(d)
            }
            Lex::PartOfDay(p) if !matches!(p, PartOfDay::Noon | PartOfDay::Midnight) => {
                let anchor = self.ref_anchor(Unit::Day)?;
                Some(D {
                    end: k + 1,
                    val: DVal::Day(anchor),
                    year_implicit: false,
                    relative: false,
                    modifier: None,
                    time: Some(pod_code(p).to_string()),
                })
            }
            _ => None,
        }
    }

    /// "the day before", "the week after", "the night before" (the story's date, else the
    /// document date, a day or week away); "the day before last Tuesday" (a day before the date
    /// named); German "am Tag danach", "am Tag zuvor". `j` is the unit after "the" (`had_the`)
    /// or after "am".
    fn beside(&self, j: usize, had_the: bool) -> Option<D> {
        let am = self.lexicon.capitalised_nouns && j > self.start && self.is(j - 1, "am");
        if !(had_the || am) {
            return None;
        }
        let (unit, pod) = match self.lx(j)? {
            // Not "the year before", mostly a comparison of amounts ("down from $450 million
            // the year before") that TimeBank leaves unmarked.
            Lex::Unit(u @ (Unit::Day | Unit::Week), false) => (u, None),
            Lex::PartOfDay(p) if !matches!(p, PartOfDay::Noon | PartOfDay::Midnight) => {
                (Unit::Day, Some(p))
            }
            _ => return None,
        };
        let sign = match self.lx(j + 1)? {
            Lex::Word(Word::Before) if had_the => -1,
            Lex::Word(Word::After) if had_the => 1,
            Lex::Word(Word::Earlier) if am => -1,
            Lex::Word(Word::Later) if am => 1,
            _ => return None,
        };
        let k = j + 2;
        // "the day before last Tuesday's hearing", "the day after Christmas".
        if had_the && pod.is_none() && unit == Unit::Day {
            if let Some(x) = self.date_core(k, false, false) {
                if let (DVal::Day(day), None) = (&x.val, &x.time) {
                    return Some(D {
                        end: x.end,
                        val: DVal::Day(*day + Duration::days(i64::from(sign))),
                        year_implicit: x.year_implicit,
                        relative: x.relative,
                        modifier: None,
                        time: None,
                    });
                }
            }
        }
        // Otherwise the phrase must end there: not "the day before the vote", "the day after
        // he was freed" (another event's day).
        let ends = match self.tok(k) {
            None => true,
            Some(t) => {
                matches!(t.kind, Kind::Punct(_)) || BESIDE_FOLLOWERS.iter().any(|w| self.is(k, w))
            }
        };
        if !ends {
            return None;
        }
        let story = self.ref_anchor(unit);
        let mut d = self.unit_from(k, unit, sign, story.unwrap_or_else(|| self.dct()))?;
        d.relative = story.is_none();
        if let Some(p) = pod {
            d.time = Some(pod_code(p).to_string());
        }
        Some(d)
    }

    fn unit_from(&self, end: usize, u: Unit, delta: i32, dct: NaiveDate) -> Option<D> {
        let val = match u {
            Unit::Day | Unit::Week | Unit::Month | Unit::Quarter => shift_period(dct, u, delta)?,
            Unit::Year => DVal::Year(dct.year() + delta),
            Unit::Decade => DVal::Decade(dct.year() / 10 + delta),
            Unit::Century => DVal::Century(dct.year() / 100 + delta),
            _ => return None,
        };
        Some(D {
            end,
            val,
            year_implicit: false,
            relative: true,
            modifier: None,
            time: None,
        })
    }

    fn relative(&self, j: usize, w: Word, the: bool) -> Option<D> {
        let delta = match w {
            Word::This => 0,
            Word::Last | Word::Past | Word::Previous => -1,
            Word::Latest => -1,
            _ => 1,
        };
        let k = j + 1;
        if w == Word::Latest && self.is(k, "period") && self.finance {
            let (y, q) = self.reporting_quarter();
            return Some(D {
                end: k + 1,
                val: DVal::Quarter(y, q),
                year_implicit: false,
                relative: true,
                modifier: None,
                time: None,
            });
        }
        match self.lx(k)? {
            Lex::Unit(Unit::Quarter, false)
                if w == Word::Latest || (w == Word::Last && self.finance) =>
            {
                let (y, q) = self.reporting_quarter();
                Some(D {
                    end: k + 1,
                    val: DVal::Quarter(y, q),
                    year_implicit: false,
                    relative: true,
                    modifier: None,
                    time: None,
                })
            }
            Lex::Unit(u, false) => {
                if w == Word::Latest {
                    return None;
                }
                if matches!(u, Unit::Decade | Unit::Century) && matches!(w, Word::Past | Word::Last)
                {
                    return None; // "the past decade" is a duration
                }
                // "this past week" / "the past year"
                // "the next day", "the following year", "the previous week" follow the story's
                // last date; "next year", "last week" the document date.
                // German "am nächsten Tag", "im folgenden Jahr" and "an diesem Tag" are the
                // story's too ("nächsten Monat" alone is the document date's).
                let german = self.lexicon.capitalised_nouns && j > self.start;
                let am = german
                    && (self.is(j - 1, "am") || self.is(j - 1, "im"))
                    && (w == Word::Following || (w == Word::Next && u == Unit::Day));
                let an_this = german && w == Word::This && u == Unit::Day && self.is(j - 1, "an");
                let anaphoric = ((the || am)
                    && matches!(w, Word::Next | Word::Following | Word::Previous))
                    || an_this;
                let anchor = if anaphoric { self.ref_anchor(u) } else { None };
                if an_this && anchor.is_none() {
                    return None;
                }
                // "In September 2022, a suicide bomber killed ... The group claimed
                // responsibility the next day": a day after some day of the story's month is
                // in that month (or just after), not the day after publication.
                if anaphoric && anchor.is_none() && matches!(u, Unit::Day | Unit::Week) {
                    if let Some((y, m, _)) = self.ref_point.get() {
                        let mut d = D {
                            end: k + 1,
                            val: m.map_or(DVal::Year(y), |m| DVal::Month(y, m)),
                            year_implicit: false,
                            relative: false,
                            modifier: None,
                            time: None,
                        };
                        if self.is(k + 1, "s") || self.apos(k + 1) && self.is(k + 2, "s") {
                            d.end = k + 1;
                        }
                        return Some(d);
                    }
                }
                let mut d =
                    self.unit_from(k + 1, u, delta, anchor.unwrap_or_else(|| self.dct()))?;
                if anchor.is_some() {
                    d.relative = false;
                }
                // "compared with $3 million last year" in a quarterly report: the year-ago quarter.
                if u == Unit::Year
                    && w == Word::Last
                    && self.quarter_context
                    && self.amount_before(j)
                {
                    let (y, q) = self.reporting_quarter();
                    d.val = DVal::Quarter(y - 1, q);
                }
                if u == Unit::Day && w == Word::This && !an_this {
                    return None;
                }
                // "this year's third quarter", "next year's first quarter"
                if u == Unit::Year && self.apos(k + 1) && self.is(k + 2, "s") {
                    if let Some(mut q) = self.quarter(k + 3, false) {
                        if let (DVal::Quarter(_, qq), DVal::Year(y)) = (&q.val, &d.val) {
                            q.val = DVal::Quarter(*y, *qq);
                            q.relative = true;
                            q.year_implicit = false;
                            return Some(q);
                        }
                    }
                }
                if self.is(k + 1, "s") || self.apos(k + 1) && self.is(k + 2, "s") {
                    // "last year's" — the possessive stays outside the extent
                    d.end = k + 1;
                }
                Some(d)
            }
            Lex::Word(Word::Weekend) => {
                let rel = if w == Word::This { None } else { Some(w) };
                Some(D {
                    end: k + 1,
                    val: DVal::Weekend(self.weekend_anchor(rel)),
                    year_implicit: false,
                    relative: true,
                    modifier: None,
                    time: None,
                })
            }
            Lex::Weekday(wd, false) if !the || matches!(w, Word::Previous | Word::Following) => {
                let rel = if w == Word::This { None } else { Some(w) };
                // "down 4.5% from the previous Friday": the Friday before the one just named.
                let anchor = if the {
                    self.ref_anchor(Unit::Day).unwrap_or_else(|| self.dct())
                } else {
                    self.dct()
                };
                let mut d = D {
                    end: k + 1,
                    val: DVal::Day(self.weekday_from(anchor, wd, rel)),
                    year_implicit: false,
                    relative: true,
                    modifier: None,
                    time: None,
                };
                if let Some(Lex::PartOfDay(p)) = self.lx(k + 1) {
                    d.time = self.weekday_pod(k, p);
                    d.end += 1;
                }
                Some(d)
            }
            Lex::Holiday(_) if !the && self.tok(k)?.cap => {
                // "last Thanksgiving" is computed in last year's calendar, not moved by a year.
                match w {
                    Word::Last | Word::Past | Word::Previous => self.tense.set(Tense::Past),
                    Word::Next | Word::Coming | Word::Following => self.tense.set(Tense::Future),
                    _ => {}
                }
                let mut d = self.holiday(k)?;
                if let DVal::Day(date) = d.val {
                    let dct = self.dct();
                    let shift = match w {
                        Word::Last | Word::Past | Word::Previous if date >= dct => -1,
                        Word::Next | Word::Coming | Word::Following if date <= dct => 1,
                        _ => 0,
                    };
                    if shift != 0 {
                        if let Some(x) = date.with_year(date.year() + shift) {
                            d.val = DVal::Day(x);
                        }
                    }
                }
                d.relative = true;
                Some(d)
            }
            Lex::Month(m, abbrev) if !the && self.tok(k)?.cap => {
                // "last Oct. 23": the explicit date is the expression.
                let after = if abbrev && self.punct(k + 1, b'.') {
                    k + 2
                } else {
                    k + 1
                };
                if self.day_num(after).is_some() {
                    return None;
                }
                let dct = self.dct();
                let y = dct.year();
                let y = match w {
                    Word::This => y,
                    Word::Last | Word::Past | Word::Previous => {
                        if m < dct.month() {
                            y
                        } else {
                            y - 1
                        }
                    }
                    _ => {
                        if m > dct.month() {
                            y
                        } else {
                            y + 1
                        }
                    }
                };
                Some(D {
                    end: k + 1,
                    val: DVal::Month(y, m),
                    year_implicit: false,
                    relative: true,
                    modifier: None,
                    time: None,
                })
            }
            Lex::Season(s) => {
                let y = self.season_year(s, Some(w));
                Some(D {
                    end: k + 1,
                    val: DVal::Season(y, s),
                    year_implicit: false,
                    relative: true,
                    modifier: None,
                    time: None,
                })
            }
            Lex::PartOfDay(p)
                if w == Word::This
                    || (w == Word::Last && p == PartOfDay::Night)
                    || (the && matches!(w, Word::Next | Word::Following)) =>
            {
                let dct = self.dct();
                let story = self.ref_anchor(Unit::Day);
                let day = match w {
                    Word::Last => dct - Duration::days(1),
                    // "the next morning": after the story's last day
                    Word::Next | Word::Following => story.unwrap_or(dct) + Duration::days(1),
                    _ => dct,
                };
                Some(D {
                    end: k + 1,
                    val: DVal::Day(day),
                    year_implicit: false,
                    relative: !(story.is_some() && matches!(w, Word::Next | Word::Following)),
                    modifier: None,
                    time: Some(pod_code(p).to_string()),
                })
            }
            // "this past spring", "this coming Friday"
            Lex::Word(w2 @ (Word::Past | Word::Coming)) if w == Word::This => {
                self.relative(k, w2, the)
            }
            _ => None,
        }
    }

    fn year_compound(&self, j: usize) -> Option<D> {
        let dct = self.dct();
        let mk = |end, val, modifier| D {
            end,
            val,
            year_implicit: false,
            relative: true,
            modifier,
            time: None,
        };
        // "year end", "year-end", "year's end"
        let mut k = j + 1;
        if self.punct(k, b'-') || (self.apos(k) && self.is(k + 1, "s")) {
            k += if self.punct(k, b'-') { 1 } else { 2 };
        }
        if self.w(k, Word::End) {
            return Some(mk(k + 1, DVal::Year(dct.year()), Some("END")));
        }
        // "year-earlier", "year-ago" (+ "quarter"/"period"/"results")
        if self.punct(j + 1, b'-') && (self.w(j + 2, Word::Earlier) || self.w(j + 2, Word::Ago)) {
            let mut end = j + 3;
            let val = if self.quarter_context {
                let (y, q) = self.reporting_quarter();
                DVal::Quarter(y - 1, q)
            } else {
                DVal::Year(dct.year() - 1)
            };
            if self.is(end, "quarter") || self.is(end, "period") {
                end += 1;
            } else if let Some(q) = self.quarter(end, false) {
                // "the year-earlier third quarter"
                if let DVal::Quarter(_, qq) = q.val {
                    return Some(mk(q.end, DVal::Quarter(dct.year() - 1, qq), None));
                }
            }
            return Some(mk(end, val, None));
        }
        None
    }
}

/// The calendar period `k` units away from `dct` at the unit's own granularity: a day, the week
/// of a day (a fortnight moves two weeks), a month or a quarter. `None` for other units.
fn shift_period(dct: NaiveDate, unit: Unit, k: i32) -> Option<DVal> {
    Some(match unit {
        Unit::Day => DVal::Day(dct + Duration::days(i64::from(k))),
        Unit::Week => DVal::Week(dct + Duration::days(7 * i64::from(k))),
        Unit::Fortnight => DVal::Week(dct + Duration::days(14 * i64::from(k))),
        Unit::Month => {
            let (y, m) = add_months(dct.year(), dct.month(), k);
            DVal::Month(y, m)
        }
        Unit::Quarter => {
            let (y, q) = quarter_of(dct);
            let (y, q) = add_quarters(y, q, k);
            DVal::Quarter(y, q)
        }
        _ => return None,
    })
}

/// The TIMEX3 mod of "the beginning/end/middle of", "Anfang/Ende/Mitte".
fn position_modifier(w: Word) -> &'static str {
    match w {
        Word::Beginning => "START",
        Word::End => "END",
        _ => "MID",
    }
}
