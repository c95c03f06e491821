//! Time-expression extraction and TIMEX3 normalisation, anchored on the document creation time.
//!
//! The text is tokenised once; at each token whose rule-table meaning can start a time
//! expression, a small grammar (`grammar`) tries its patterns and keeps the longest match. Values
//! are resolved against the document date with the sentence's tense deciding the direction
//! ("said on Friday" is the Friday before, "will meet on Friday" the one after). Anaphoric
//! expressions ("the next day", "that night", "the day before", "two days later", "am Tag
//! danach") are resolved against the story's reference time instead: the last date mentioned in
//! the same paragraph or the last three sentences, a date of a report ("police said Friday")
//! only when there is no other; without one, against the document date.

mod calendar;
mod grammar;

pub use calendar::{interval, is_valid_value};

use crate::rules::{self, Lex, Word};
use crate::sentence;
use crate::token::{self, Kind, Tok};
use chrono::{Datelike, NaiveDate};
use dossier_core::annotation::{Sentence, TimeExpression};
use dossier_core::Span;

/// Direction a sentence talks in, used to resolve "Friday", "in March", "the weekend".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// Extract and normalise the time expressions of `text` (English rules).
pub fn extract(text: &str, dct: Option<NaiveDate>) -> Vec<TimeExpression> {
    extract_with_sentences(text, dct, "en").1
}

/// Sentences and time expressions of `text`, with each expression's sentence index set.
pub fn extract_with_sentences(
    text: &str,
    dct: Option<NaiveDate>,
    language: &str,
) -> (Vec<Sentence>, Vec<TimeExpression>) {
    // Calendar arithmetic near the ends of chrono's range would overflow; such a date is no anchor.
    let dct = dct.filter(|d| (100..=9800).contains(&d.year()));
    let lexicon = rules::lexicon(language);
    let toks = token::tokenize(text, lexicon);
    let sents = sentence::split(text, &toks);
    let finance = toks
        .iter()
        .any(|t| matches!(t.lex, Some(Lex::Unit(rules::Unit::Quarter, _))));
    let mut out: Vec<TimeExpression> = Vec::new();
    let mut sentences = Vec::with_capacity(sents.len());
    let mut ref_day: Option<NaiveDate> = None;
    // The story's reference time: the last date it mentioned, with where it was mentioned; the
    // last date of a report ("police said Friday") only when the story gave none.
    let mut story: Option<Anchor> = None;
    let mut report: Option<Anchor> = None;
    let mut paragraph = 0usize;
    for (si, &(s, e)) in sents.iter().enumerate() {
        let span = Span::new(toks[s].start, toks[e - 1].end);
        sentences.push(Sentence { span });
        if si > 0 && toks[s].newlines_before >= 2 {
            paragraph += 1;
        }
        // Only sentences with a candidate token are worth a tense scan and a grammar pass.
        if !toks[s..e].iter().any(is_trigger) {
            continue;
        }
        let tense = tense_of(text, &toks[s..e]);
        // A headline in title case ("Attack Last Week Kills 20") capitalises every word, so a
        // capital there is no sign of a name.
        let words = toks[s..e].iter().filter(|t| t.kind == Kind::Word).count();
        let caps = toks[s..e]
            .iter()
            .filter(|t| t.kind == Kind::Word && t.cap)
            .count();
        let headline = words >= 5 && caps * 2 > words;
        let first_new = out.len();
        let near = |a: Option<Anchor>| {
            a.filter(|a| a.paragraph == paragraph || si - a.sentence <= ANCHOR_SENTENCES)
                .map(|a| a.point)
        };
        let mut story_near = near(story).is_some();
        let g = grammar::Grammar {
            text,
            toks: &toks,
            lexicon,
            dct,
            sentence_tense: tense,
            tense: std::cell::Cell::new(tense),
            finance,
            quarter_context: finance && {
                let from = if si > 0 { sents[si - 1].0 } else { s };
                toks[from..e].iter().any(|t| {
                    matches!(t.lex, Some(Lex::Unit(rules::Unit::Quarter, _)))
                        || text[t.start..t.end].eq_ignore_ascii_case("period")
                        || text[t.start..t.end].eq_ignore_ascii_case("quarterly")
                })
            },
            start: s,
            end: e,
            ref_day,
            ref_point: std::cell::Cell::new(near(story).or(near(report))),
            at: std::cell::Cell::new(s),
        };
        let mut i = s;
        while i < e {
            if !is_trigger(&toks[i]) {
                i += 1;
                continue;
            }
            match g.match_at(i) {
                // Out-of-range arithmetic ("9999 centuries ago") yields no valid value: skip it.
                Some(m) if m.end > i && !is_valid_value(&m.value) => i = m.end,
                // Titles and names: "ABC's \"This Week\"", "\"60 Minutes\"", "VOA Today".
                Some(m)
                    if m.end > i
                        && !lexicon.capitalised_nouns
                        && !headline
                        && is_title(text, &toks, s, i, m.end) =>
                {
                    i = m.end
                }
                // "in today's world", "for today's youth", "the people of tomorrow": the
                // present or coming age, not the day.
                Some(m) if m.end == i + 1 && generic_today(text, &toks, s, i) => i = m.end,
                Some(m)
                    if m.end == i + 1
                        && toks[i].lex == Some(Lex::DayOffset(1))
                        && i > s
                        && word_at(text, &toks, i - 1).eq_ignore_ascii_case("of") =>
                {
                    i = m.end
                }
                // "the quarter-to-quarter comparison": a compound adjective.
                Some(m)
                    if toks[m.end - 1].kind == Kind::Word
                        && matches!(toks.get(m.end).map(|t| t.kind), Some(Kind::Punct(b'-')))
                        && word_at(text, &toks, m.end + 1).eq_ignore_ascii_case("to")
                        && toks.get(m.end + 1).is_some_and(|t| !t.space_before) =>
                {
                    i = m.end
                }
                Some(m) if m.end > i => {
                    let start = toks[i].start;
                    let end = toks[m.end - 1].end;
                    let (mut earliest, mut latest) = interval(&m.value, m.modifier, dct);
                    // "earlier this month" on the 26th: any day of the month up to the report,
                    // not its first third; "later this year": from the report to the year's end.
                    if let (Some(d), Some(w)) = (dct, m.modifier) {
                        let first = word_at(text, &toks, i).to_lowercase();
                        let (a, b) = interval(&m.value, None, dct);
                        let within = a
                            .zip(b)
                            .is_some_and(|(a, b)| a.date() <= d && d <= b.date());
                        if within && w == "START" && first == "earlier" {
                            earliest = a;
                            latest = d.and_hms_opt(23, 59, 59);
                        } else if within && w == "END" && first == "later" {
                            earliest = d.and_hms_opt(0, 0, 0);
                            latest = b;
                        }
                    }
                    if let Some(p) = date_point(&m.value) {
                        let a = Some(Anchor {
                            point: p,
                            sentence: si,
                            paragraph,
                        });
                        // "police said Friday": the day of the report, not of the story.
                        if m.anchored && reporting_time(text, &toks, s, e, i, m.end) {
                            report = a;
                            if !story_near {
                                g.ref_point.set(Some(p));
                            }
                        } else {
                            story = a;
                            story_near = true;
                            g.ref_point.set(Some(p));
                        }
                    }
                    out.push(TimeExpression {
                        span: Span::new(start, end),
                        text: text[start..end].to_string(),
                        kind: m.kind,
                        value: m.value,
                        modifier: m.modifier.map(str::to_string),
                        earliest,
                        latest,
                        anchored: m.anchored,
                        sentence: si,
                    });
                    i = m.end;
                }
                _ => i += 1,
            }
        }
        // The reference day for bare times in later sentences: the last day-precise date.
        if let Some(d) = out[first_new..].iter().rev().find_map(|t| {
            t.value
                .get(..10)
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        }) {
            ref_day = Some(d);
        }
    }
    (sentences, out)
}

/// How many sentences back a date in an earlier paragraph still anchors "the next day".
const ANCHOR_SENTENCES: usize = 3;

/// A date the story mentioned: its point, sentence and paragraph.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    point: grammar::DatePoint,
    sentence: usize,
    paragraph: usize,
}

/// Verbs of reporting: a date next to one ("police said Friday", "announced on Tuesday") is
/// when the news was given, not a time in the story.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "added",
    "confirmed",
    "stated",
    "disclosed",
    "sagte",
    "sagten",
    "erklärte",
    "teilte",
    "berichtete",
    "bestätigte",
];

/// Whether the expression at tokens `[i, end)` of the sentence `[s, e)` is the time of a report:
/// a reporting verb just before it ("said Friday", "said on Friday") or just after it ("on
/// Friday said").
fn reporting_time(text: &str, toks: &[Tok], s: usize, e: usize, i: usize, end: usize) -> bool {
    let is_verb = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && REPORTING_VERBS
                    .iter()
                    .any(|v| v.eq_ignore_ascii_case(&text[t.start..t.end]))
        })
    };
    let mut k = i;
    if k > s
        && ["on", "am"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word_at(text, toks, k - 1)))
    {
        k -= 1;
    }
    (k > s && is_verb(k - 1)) || (end < e && is_verb(end))
}

fn word_at<'t>(text: &'t str, toks: &[Tok], k: usize) -> &'t str {
    toks.get(k).map_or("", |t| &text[t.start..t.end])
}

/// Whether a word is written in title case ("Week", not "WEEK" or "week").
fn title_case(w: &str) -> bool {
    let mut b = w.bytes();
    b.next().is_some_and(|c| c.is_ascii_uppercase()) && b.all(|c| !c.is_ascii_uppercase())
}

/// A relative expression written as part of a name: a unit or part of day in title case after
/// the first word ("This Week", "60 Minutes"), or a title-case "Today"/"Noon" after a
/// title-case word inside a sentence ("VOA Today", "High Noon"). Holidays ("Christmas Day")
/// and calendar names are not affected.
fn is_title(text: &str, toks: &[Tok], sent_start: usize, i: usize, end: usize) -> bool {
    let lex = |k: usize| toks.get(k).and_then(|t| t.lex);
    if (i..end).any(|k| {
        matches!(
            lex(k),
            Some(Lex::Holiday(_) | Lex::Month(..) | Lex::Weekday(..))
        )
    }) {
        return false;
    }
    let inner = (i + 1..end).any(|k| {
        matches!(lex(k), Some(Lex::Unit(..) | Lex::PartOfDay(_)))
            && title_case(word_at(text, toks, k))
    });
    if inner {
        return true;
    }
    end == i + 1
        && i > sent_start
        && matches!(
            lex(i),
            Some(Lex::DayOffset(_) | Lex::PartOfDay(_) | Lex::Tonight)
        )
        && title_case(word_at(text, toks, i))
        && toks[i - 1].kind == Kind::Word
        && toks[i - 1].cap
}

/// "today's" after "in", "of" or "for" and before a noun of the age: the present age ("in
/// today's world"), not the day ("in today's editions").
fn generic_today(text: &str, toks: &[Tok], sent_start: usize, i: usize) -> bool {
    i > sent_start
        && toks[i].lex == Some(Lex::DayOffset(0))
        && matches!(toks.get(i + 1).map(|t| t.kind), Some(Kind::Punct(b'\'')))
        && word_at(text, toks, i + 2).eq_ignore_ascii_case("s")
        && ["in", "of", "for"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word_at(text, toks, i - 1)))
        && AGE_NOUNS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word_at(text, toks, i + 3)))
}

/// Nouns after "today's" that make it the present age rather than the day.
const AGE_NOUNS: &[&str] = &[
    "world",
    "society",
    "youth",
    "young",
    "generation",
    "generations",
    "children",
    "kids",
    "culture",
    "economy",
    "standards",
    "terms",
    "times",
    "age",
    "era",
];

/// Year, month and day of a calendar value (`1998`, `1998-10`, `1998-10-23T22:00`).
fn date_point(value: &str) -> Option<grammar::DatePoint> {
    let y: i32 = value.get(..4)?.parse().ok()?;
    if value.len() > 4 && value.as_bytes()[4] != b'-' {
        return None;
    }
    let m: Option<u32> = value
        .get(5..7)
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m));
    let d: Option<u32> = m
        .and_then(|_| value.get(8..10))
        .and_then(|d| d.parse().ok());
    Some((y, m, d))
}

fn is_trigger(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Word => match t.lex {
            None | Some(Lex::FutureMarker | Lex::PastMarker) => false,
            Some(Lex::Word(w)) => !matches!(
                w,
                Word::Of
                    | Word::Or
                    | Word::And
                    | Word::To
                    | Word::So
                    | Word::Than
                    | Word::Ordinal
                    | Word::Zone
            ),
            Some(_) => true,
        },
        Kind::Punct(p) => p == b'\'',
    }
}

/// What one token says about tense: `Some(Future)` for "will", "next", "until"; `Some(Past)`
/// for "said", "was" and past participles not after a form of "be".
fn tense_marker(text: &str, toks: &[Tok], k: usize) -> Option<Tense> {
    let t = &toks[k];
    if t.kind != Kind::Word {
        return None;
    }
    // "had been scheduled to expire Friday": a plan in the past perfect says nothing ahead.
    let after_been = k > 0 && text[toks[k - 1].start..toks[k - 1].end].eq_ignore_ascii_case("been");
    // "plans to hold", "planning to drive" look ahead; "attack plans" is a noun.
    let word = &text[t.start..t.end];
    // German "soll am Freitag sechs Menschen verletzt haben": "soll" with a perfect infinitive
    // reports a past act (alleged), not a future one.
    if ["soll", "sollen", "sollte", "sollten"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(word))
    {
        let perfect = toks[k + 1..]
            .iter()
            .take(24)
            .take_while(|n| !matches!(&text[n.start..n.end], "." | ";" | "!" | "?"))
            .any(|n| {
                ["haben", "sein", "worden"]
                    .iter()
                    .any(|x| text[n.start..n.end].eq_ignore_ascii_case(x))
            });
        if perfect {
            return Some(Tense::Past);
        }
    }
    if ["plan", "plans", "planning"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(word))
        && !toks
            .get(k + 1)
            .is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("to"))
    {
        return None;
    }
    // "began as previously planned Saturday night", "will go ahead as planned": a comparison
    // with the plan says nothing of direction; the verb it is said of decides.
    if ["planned", "scheduled", "expected"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(word))
        && (prev_word(text, toks, k, 1).eq_ignore_ascii_case("as")
            || (prev_word(text, toks, k, 2).eq_ignore_ascii_case("as")
                && AS_PLANNED_ADVERBS
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(prev_word(text, toks, k, 1)))))
    {
        return None;
    }
    if matches!(
        t.lex,
        Some(
            Lex::FutureMarker
                | Lex::DayOffset(1)
                | Lex::Word(Word::Next | Word::Coming | Word::Following)
        )
    ) && !(after_been && t.lex == Some(Lex::FutureMarker))
    {
        return Some(Tense::Future);
    }
    if t.lex == Some(Lex::PastMarker) {
        return Some(Tense::Past);
    }
    let w = &text[t.start..t.end];
    let prev = |n: usize| {
        k.checked_sub(n)
            .map(|p| &text[toks[p].start..toks[p].end])
            .unwrap_or("")
    };
    if ["until", "till", "soon"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(w))
    {
        // "Until Thursday, they had not called him a suspect": the past perfect decides.
        let had = (k.saturating_sub(6)..(k + 8).min(toks.len()))
            .any(|j| text[toks[j].start..toks[j].end].eq_ignore_ascii_case("had"));
        return (!had).then_some(Tense::Future);
    }
    // "due to resume Monday", but not "had been due to expire Friday".
    if w.eq_ignore_ascii_case("due")
        && !["been", "was", "were"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(prev(1)))
    {
        return Some(Tense::Future);
    }
    // "as early as Tuesday"; "is to resume", "are to meet", "set to resume": plans ahead.
    if w.eq_ignore_ascii_case("early") && prev(1).eq_ignore_ascii_case("as") {
        return Some(Tense::Future);
    }
    if w.eq_ignore_ascii_case("to")
        && ["is", "are", "set"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(prev(1)))
    {
        return Some(Tense::Future);
    }
    let irregular = PAST_FORMS.iter().any(|p| p.eq_ignore_ascii_case(w));
    let regular = w.len() > 3 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ed") && !t.cap;
    // "a still unspecified date", "an undisclosed sum", "the injured": a participle used as
    // an adjective after a determiner is no verb.
    let attributive = regular
        && (DETERMINERS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(prev_word(text, toks, k, 1)))
            || (DETERMINERS
                .iter()
                .any(|x| x.eq_ignore_ascii_case(prev_word(text, toks, k, 2)))
                && {
                    let a = prev_word(text, toks, k, 1);
                    (a.len() > 3 && a.ends_with("ly")) || ["still", "yet"].contains(&a)
                }));
    if (irregular || regular) && !attributive {
        // A participle after a form of "be" ("will be paid", "is expected") is no past tense.
        let after_be = k > 0 && {
            let p = &toks[k - 1];
            let pw = &text[p.start..p.end];
            [
                "be", "been", "being", "is", "are", "am", "to", "will", "would",
            ]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(pw))
        };
        if !after_be {
            return Some(Tense::Past);
        }
    }
    None
}

/// The word `n` tokens before `k` ("" before the start or for punctuation).
fn prev_word<'t>(text: &'t str, toks: &[Tok], k: usize, n: usize) -> &'t str {
    k.checked_sub(n)
        .and_then(|p| toks.get(p))
        .filter(|t| t.kind == Kind::Word)
        .map_or("", |t| &text[t.start..t.end])
}

/// Adverbs between "as" and "planned": "as previously planned", "as originally scheduled".
const AS_PLANNED_ADVERBS: &[&str] = &["previously", "originally", "earlier", "initially"];

/// Determiners before an attributive participle ("an undisclosed sum"); not "this" or
/// "these", which are subjects as often ("this happened on Friday").
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her"];

/// A finite past "planned" with its subject before it and an infinitive after ("the
/// government planned to pay"): the planning is past; an expression before it (a fronted "On
/// Friday, ...") dates the planning, not the plan.
fn finite_planned(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = &text[toks[k].start..toks[k].end];
    w.eq_ignore_ascii_case("planned")
        && toks
            .get(k + 1)
            .is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("to"))
        && {
            let p = prev_word(text, toks, k, 1);
            !p.is_empty()
                && ![
                    "be", "been", "being", "is", "are", "am", "was", "were", "as", "a", "an",
                    "the", "its", "their", "his", "her",
                ]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(p))
        }
}

/// Tense of a sentence: future markers without past forms, past forms without future markers,
/// otherwise present (undecided).
pub(crate) fn tense_of(text: &str, toks: &[Tok]) -> Tense {
    let (mut past, mut future) = (false, false);
    for k in 0..toks.len() {
        match tense_marker(text, toks, k) {
            Some(Tense::Future) => future = true,
            Some(Tense::Past) => past = true,
            _ => {}
        }
    }
    match (past, future) {
        (true, false) => Tense::Past,
        (false, true) => Tense::Future,
        _ => Tense::Present,
    }
}

/// Tense at token `i`: the nearest marker before it (up to 8 tokens back), else after it (up to
/// 5), else `fallback`.
pub(crate) fn local_tense(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    i: usize,
    fallback: Tense,
) -> Tense {
    let lo = i.saturating_sub(8).max(start);
    for k in (lo..i).rev() {
        if let Some(t) = tense_marker(text, toks, k) {
            return t;
        }
    }
    for k in i + 1..(i + 6).min(end) {
        if finite_planned(text, toks, k) {
            return Tense::Past;
        }
        if let Some(t) = tense_marker(text, toks, k) {
            return t;
        }
    }
    fallback
}

/// How many of [`PAST_FORMS`] are simple past verbs (the rest: "ago", "yesterday", "last",
/// "since", "has", "have").
pub(crate) const PAST_VERBS: usize = PAST_FORMS.len() - 6;

pub(crate) const PAST_FORMS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "got",
    "left",
    "met",
    "saw",
    "began",
    "began",
    "fell",
    "rose",
    "won",
    "lost",
    "paid",
    "sold",
    "bought",
    "held",
    "led",
    "ran",
    "shot",
    "fled",
    "spoke",
    "wrote",
    "became",
    "brought",
    "thought",
    "found",
    "felt",
    "kept",
    "struck",
    "broke",
    "flew",
    "grew",
    "drew",
    "knew",
    "ago",
    "yesterday",
    "last",
    "since",
    "has",
    "have",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn value_of(text: &str, dct: Option<NaiveDate>, expr: &str) -> String {
        extract_with_sentences(text, dct, "en")
            .1
            .into_iter()
            .find(|t| t.text == expr)
            .map(|t| t.value)
            .unwrap_or_default()
    }

    #[test]
    fn story_date_in_an_earlier_paragraph_far_back_is_no_anchor() {
        let dct = NaiveDate::from_ymd_opt(2024, 3, 25);
        let far = "Rebels ambushed the convoy on March 19.\n\nThe army sent troops.\n\n\
                   Nobody was hurt.\n\nThe mayor spoke.\n\nPolice gave no details.\n\n\
                   The next day, troops retook the road.";
        assert_eq!(value_of(far, dct, "The next day"), "2024-03-26");
        let near = "Rebels ambushed the convoy on March 19.\n\nThe army sent troops.\n\n\
                    The next day, troops retook the road.";
        assert_eq!(value_of(near, dct, "The next day"), "2024-03-20");
        // Within one paragraph the story's date holds however many sentences later.
        let one = "Rebels ambushed the convoy on March 19. The army sent troops. Nobody was \
                   hurt. The mayor spoke. Police gave no details. The next day, troops retook \
                   the road.";
        assert_eq!(value_of(one, dct, "The next day"), "2024-03-20");
    }

    #[test]
    fn story_date_places_anaphora_without_a_document_date() {
        let text = "A judge was shot on Oct. 23, 1998. The next day, police searched the house. \
                    Two days later, they found a rifle.";
        assert_eq!(value_of(text, None, "The next day"), "1998-10-24");
        assert_eq!(value_of(text, None, "Two days later"), "1998-10-26");
    }
}
