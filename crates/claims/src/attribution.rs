//! Attribution: who asserts each statement ("police said", "according to the Washington
//! Institute", "wrote terrorism expert Peter Neumann in December 2023 on X").
//!
//! Per sentence, a cue (a speech verb, "according to", "quotes … as saying") is found first; the
//! source is the noun phrase before it ("X said") or, after a comma or a quotation, after it
//! ("…,” said X"). The phrase is split into name, role and affiliation: "terrorism expert Peter
//! Neumann" → role "terrorism expert", name "Peter Neumann"; "Jane Doe, a researcher at the
//! Institute for X" → role "researcher", affiliation "Institute for X" (parenthesised words are
//! dropped from affiliations). Entity mentions (`names`), when given, decide where a name starts
//! and ends; without them capitalisation does.
//!
//! Decisions worth knowing:
//! - Bodies ("police", "the ministry", "Amaq news agency") are names; people without a name
//!   ("health officials", "a U.S. official", "an ISPK commander") are roles. A single unnamed
//!   person ("a …", "an …") and anyone "speaking on condition of anonymity" is anonymous, and so is
//!   a source-less hedge ("according to initial findings" → role "initial findings").
//! - "he"/"she" take the most recent named person source whose gender fits (told by a title such
//!   as "Mr"/"Ms", a common given name or "spokeswoman"; unknown fits both), and a person named
//!   with a title ("said Dr. Lena Marsh") is such a source; a lone surname ("expert Giustozzi")
//!   takes the full name and affiliation of an earlier source with that surname; "the group"
//!   takes the most recent GROUP/ORG mention when `names` has one.
//! - Medium: "on X", "in a statement (on Telegram)", "told Reuters", "in his essay “Title”"
//!   (the title). "In the essay, he …" takes the medium of the source's earlier attribution.
//! - `said_at` is the value of a DATE/TIME expression between the source and the end of the
//!   attribution phrase (before any "that" or quotation).
//! - A quotation spanning several sentences gives each quoted sentence without its own cue a copy
//!   of the quotation's attribution (same `cue_span`, that sentence's index).

use crate::certainty::{tokens, Token};
use dossier_core::annotation::{Sentence, TimeExpression, TimexType};
use dossier_core::claims::{Attribution, Source};
use dossier_core::entity::EntityMention;
use dossier_core::span::Span;

/// Heads naming people: a phrase ending in one of these is a role.
const PERSON_HEADS: &[&str] = &[
    "official",
    "officials",
    // "UN monitors said in 2016"
    "monitor",
    "monitors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "researcher",
    "researchers",
    "commander",
    "commanders",
    "investigator",
    "investigators",
    "prosecutor",
    "prosecutors",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "observer",
    "observers",
    "director",
    "chief",
    "president",
    "leader",
    "leaders",
    "governor",
    "mayor",
    "ambassador",
    "professor",
    "scholar",
    "scholars",
    "journalist",
    "journalists",
    "correspondent",
    "minister",
    "officer",
    "officers",
    "member",
    "members",
    "fighter",
    "fighters",
    "militant",
    "militants",
    "doctor",
    "doctors",
    // "The Orleans Parish coroner said 14 people were killed"
    "coroner",
    "coroners",
    "pathologist",
    "activist",
    "activists",
    "lawyer",
    "lawyers",
    "judge",
    "author",
    "historian",
    "historians",
    "specialist",
    "specialists",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "lawmaker",
    "lawmakers",
    "senator",
    "general",
    "colonel",
    "people",
    "man",
    "woman",
    "founder",
    "head",
    "secretary",
    "representative",
    "representatives",
    "negotiator",
    "envoy",
    "survivor",
    "survivors",
    "relatives",
    "colleague",
    "colleagues",
    "fellow",
    "insider",
    "insiders",
    "commentator",
    "commentators",
    "reporter",
    "reporters",
    "sprecher",
    "sprecherin",
    "experte",
    "experten",
    "expertin",
    "analystin",
    "forscher",
    "forscherin",
    "kriminologe",
    "kriminologin",
    "terrorismusexperte",
    "terrorismusexpertin",
    "extremismusforscher",
    "extremismusforscherin",
    "islamwissenschaftler",
    "islamwissenschaftlerin",
];

/// Heads naming bodies: a phrase ending in one of these is a name.
const BODY_HEADS: &[&str] = &[
    "police",
    "ministry",
    "government",
    "military",
    "army",
    "agency",
    "group",
    "organisation",
    "organization",
    "office",
    "department",
    "court",
    "embassy",
    "council",
    "authorities",
    "administration",
    "institute",
    "center",
    "centre",
    "service",
    "services",
    "forces",
    "committee",
    "commission",
    "media",
    "network",
    "outlet",
    "channel",
    "newspaper",
    "broadcaster",
    "command",
    "coalition",
    "movement",
    "kremlin",
    "pentagon",
    "ministries",
    "prosecutor's",
    "bureau",
    "unit",
    "polizei",
    "regierung",
    "ministerium",
];

/// Lowercase words that may stand inside a source phrase.
const MODIFIERS: &[&str] = &[
    "health",
    "security",
    "intelligence",
    "senior",
    "local",
    "provincial",
    "regional",
    "federal",
    "state",
    "western",
    "foreign",
    "interior",
    "defence",
    "defense",
    "counterterrorism",
    "counter-terrorism",
    "terrorism",
    "terror",
    "former",
    "top",
    "district",
    "news",
    "justice",
    "public",
    "independent",
    "two",
    "three",
    "four",
    "several",
    "some",
    "many",
    "other",
    "military",
    "police",
    "government",
    "rescue",
    "medical",
    "hospital",
    "press",
    "election",
    "islamist",
    "jihadist",
    "militant",
    "extremism",
    "counter-extremism",
    "security-policy",
    "middle",
    "east",
    "affairs",
    "policy",
    "human",
    "rights",
    "aid",
    "un",
    "u.n.",
    "eu",
    "prosecution",
    "investigating",
    "emergency",
    "informed",
    "unnamed",
    "anonymous",
];

const DETERMINERS: &[&str] = &["a", "an", "the", "der", "die", "den"];
const CONNECTORS: &[&str] = &[
    "of", "for", "at", "from", "in", "and", "on", "&", "vom", "am", "beim",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "er", "sie"];

/// Capitalised words that never start or continue a name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "just",
    "however",
    "but",
    "and",
    "meanwhile",
    "earlier",
    "later",
    "shortly",
    "also",
    "according",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "while",
    "since",
    "as",
    "if",
    "for",
    "from",
    "with",
    "by",
    "of",
    "its",
    "his",
    "her",
    "their",
    "our",
    "on",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "next",
    "separately",
    "still",
    "now",
    "then",
    "unlike",
    "so",
    "some",
    "many",
    "most",
    "several",
    "both",
    "all",
];

/// Nouns of a medium ("in a statement", "in his essay").
const MEDIUM_NOUNS: &[&str] = &[
    "statement",
    "essay",
    "article",
    "report",
    "book",
    "paper",
    "interview",
    "study",
    "analysis",
    "post",
    "message",
    "video",
    "speech",
    "column",
    "op-ed",
    "commentary",
    "letter",
    "tweet",
    "communiqué",
    "communique",
    "release",
    "blog",
    "podcast",
    "briefing",
    "audio",
    "recording",
    "note",
    "assessment",
    "testimony",
    "erklärung",
    "mitteilung",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A speech verb: the source before it, or after it when inverted.
    Verb,
    /// "according to X", "laut X": the source after it.
    According,
    /// "quotes X as saying": the source between.
    QuotesAs,
    /// "JNIM claimed responsibility in a statement, saying its fighters had killed 300": the
    /// sentence's subject says what follows the participle.
    Participle,
}

/// Speech verbs. Ambiguous noun forms ("reports", "notes", "states") need "that" after them.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "reported",
    "stated",
    "added",
    "adds",
    "noted",
    "warned",
    "warns",
    "warning",
    "explained",
    "explains",
    "announced",
    "announces",
    "insisted",
    "insists",
    "argued",
    "argues",
    "believe",
    "believes",
    "stressed",
    "confirmed",
    "confirms",
    "acknowledged",
    "posted",
    "tweeted",
    "commented",
    "observed",
    "emphasised",
    "emphasized",
    "attributes",
    "attributed",
    "agree",
    "agrees",
    "cite",
    "cites",
    "considered",
    "consider",
    "considers",
    "concluded",
    "concludes",
    "assessed",
    "assesses",
    "estimated",
    "estimate",
    "estimates",
    "sagte",
    "sagt",
    "erklärte",
    "schrieb",
    "berichtete",
    "teilte",
    "mitteilte",
    "bestätigte",
];
const VERBS_WITH_THAT: &[&str] = &[
    "suspect", "suspects", "reports", "notes", "states", "claimed", "claims", "claim",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
const SKIP_BEFORE_VERB: &[&str] = &[
    "have",
    "has",
    "had",
    "long",
    "been",
    "also",
    "later",
    "previously",
    "recently",
    "earlier",
    "initially",
    "repeatedly",
    "again",
    "already",
    "further",
    "separately",
    "publicly",
    "privately",
    "then",
    "now",
    "still",
    "often",
    "generally",
    "widely",
    "largely",
    "all",
    "both",
    "would",
    "will",
    "could",
    "did",
    "do",
    "does",
    "hat",
    "haben",
];

/// Titles before a name that tell nothing of gender but that a person is meant.
const TITLES: &[&str] = &[
    "Dr", "Prof", "Gen", "Col", "Maj", "Capt", "Lt", "Sgt", "Sen", "Rep", "Gov", "Judge",
];

/// Given names that commonly tell a man (lower case; "Abu", "father of", too). Names given to
/// both men and women ("Robin", "Kim", "Jean", "Andrea") are in neither list.
const MALE_NAMES: &[&str] = &[
    "abu",
    "abdul",
    "abdullah",
    "abubakar",
    "ahmad",
    "ahmed",
    "ali",
    "aliyu",
    "amadou",
    "amir",
    "antonio",
    "ashraf",
    "ayman",
    "barack",
    "bashar",
    "benjamin",
    "bilal",
    "bola",
    "boris",
    "carlos",
    "charles",
    "daniel",
    "david",
    "dmitry",
    "donald",
    "edward",
    "ehsanullah",
    "emmanuel",
    "erik",
    "frank",
    "george",
    "giuseppe",
    "hafiz",
    "hamza",
    "hans",
    "hassan",
    "henry",
    "hussein",
    "ibrahim",
    "ibrahima",
    "idriss",
    "imran",
    "ivan",
    "iyad",
    "jack",
    "jacques",
    "james",
    "john",
    "jose",
    "joseph",
    "juan",
    "karim",
    "karl",
    "khaled",
    "khalid",
    "klaus",
    "lars",
    "luca",
    "luis",
    "mamadou",
    "marco",
    "mark",
    "martin",
    "matthew",
    "michael",
    "miguel",
    "mohamed",
    "mohammad",
    "mohammed",
    "moussa",
    "muhammad",
    "muhammadu",
    "musa",
    "mustafa",
    "narendra",
    "nasser",
    "olaf",
    "olusegun",
    "omar",
    "osama",
    "paul",
    "peter",
    "pierre",
    "rahul",
    "richard",
    "robert",
    "salman",
    "sanaullah",
    "sergei",
    "sergey",
    "stefan",
    "tariq",
    "thomas",
    "tom",
    "tomas",
    "umar",
    "vladimir",
    "volodymyr",
    "william",
    "wolfgang",
    "yahya",
    "youssef",
    "yusuf",
];

/// Given names that commonly tell a woman (lower case; "Umm", "mother of", too).
const FEMALE_NAMES: &[&str] = &[
    "aisha",
    "alice",
    "amina",
    "ana",
    "angela",
    "ann",
    "anna",
    "anne",
    "astrid",
    "ayesha",
    "barbara",
    "benazir",
    "carla",
    "carmen",
    "caroline",
    "catherine",
    "charlotte",
    "chioma",
    "christina",
    "christine",
    "clara",
    "claudia",
    "diana",
    "elena",
    "elizabeth",
    "emily",
    "emma",
    "esther",
    "eva",
    "fatima",
    "fatou",
    "folake",
    "frieda",
    "funmilayo",
    "grace",
    "greta",
    "hana",
    "hanna",
    "hannah",
    "hauwa",
    "helen",
    "helena",
    "hillary",
    "ida",
    "ilse",
    "ingrid",
    "irina",
    "isabel",
    "jane",
    "jennifer",
    "jessica",
    "julia",
    "kamala",
    "karen",
    "katherine",
    "khadija",
    "laura",
    "layla",
    "leila",
    "lena",
    "linda",
    "lisa",
    "louise",
    "lucia",
    "malala",
    "mara",
    "margaret",
    "maria",
    "mariam",
    "marie",
    "marina",
    "marta",
    "martha",
    "mary",
    "maryam",
    "michelle",
    "mira",
    "mona",
    "nadia",
    "nancy",
    "natalia",
    "ngozi",
    "nicole",
    "nina",
    "olga",
    "olivia",
    "patricia",
    "petra",
    "pia",
    "rachel",
    "rebecca",
    "rosa",
    "ruth",
    "sabine",
    "salma",
    "samira",
    "sara",
    "sarah",
    "sofia",
    "sophia",
    "sophie",
    "susan",
    "tatiana",
    "theresa",
    "umm",
    "ursula",
    "vera",
    "victoria",
    "yasmin",
    "zainab",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// The gender a title before a name tells ("Mr", "Ms.", "Mrs", "Frau").
fn honorific_gender(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?.trim_end_matches('.');
    match first {
        "Mr" | "Herr" | "Sir" | "Monsieur" => Some(Gender::Male),
        "Ms" | "Mrs" | "Miss" | "Madam" | "Frau" | "Mme" | "Dame" | "Lady" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a source's name or role tells, if any: a title ("Mr", "Ms"), a common given name
/// after any other title ("Dr. Lena Marsh"), or a role such as "spokeswoman".
fn gender_of(source: &Source) -> Option<Gender> {
    if let Some(name) = source.name.as_deref() {
        if let Some(g) = honorific_gender(name) {
            return Some(g);
        }
        let given = name
            .split_whitespace()
            .map(|w| w.trim_end_matches('.'))
            .find(|w| !TITLES.contains(w))
            .map(str::to_lowercase);
        if let Some(given) = given {
            if MALE_NAMES.contains(&given.as_str()) {
                return Some(Gender::Male);
            }
            if FEMALE_NAMES.contains(&given.as_str()) {
                return Some(Gender::Female);
            }
        }
    }
    let role = source.role.as_deref().unwrap_or("").to_lowercase();
    let last = role.split_whitespace().next_back().unwrap_or("");
    if last.ends_with("woman") {
        Some(Gender::Female)
    } else if last.ends_with("man") && !["german", "human", "oman", "roman"].contains(&last) {
        // ("spokesman", "chairman")
        Some(Gender::Male)
    } else {
        None
    }
}

/// One sentence prepared for reading.
struct Sent<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Whether each token lies in a time expression.
    in_timex: Vec<bool>,
    index: usize,
}

impl Sent<'_> {
    fn raw(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }
    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }
    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }
    fn capitalised(&self, i: usize) -> bool {
        if !self.word(i) {
            return false;
        }
        let raw = self.raw(i);
        // ("al-Shabaab", "wal-Muslimin": a name behind a lower-case particle.)
        let name = [
            "al-", "el-", "wal-", "ul-", "ad-", "ash-", "as-", "at-", "ar-", "an-",
        ]
        .iter()
        .find_map(|p| raw.strip_prefix(p))
        .unwrap_or(raw);
        name.chars().next().is_some_and(char::is_uppercase)
    }
    fn vocab(&self, i: usize) -> bool {
        let l = self.lower(i);
        PERSON_HEADS.contains(&l) || BODY_HEADS.contains(&l) || MODIFIERS.contains(&l)
    }
    /// A word that can be part of a name: capitalised, not a function word, pronoun or date.
    fn nameish(&self, i: usize) -> bool {
        self.capitalised(i)
            && !self.in_timex[i]
            && !NOT_NAMES.contains(&self.lower(i))
            && !PRONOUNS.contains(&self.lower(i))
    }
    /// A word that can stand in a source phrase.
    fn npword(&self, i: usize) -> bool {
        self.word(i) && !self.in_timex[i] && (self.nameish(i) || self.vocab(i))
    }
    fn quote(&self, i: usize) -> bool {
        matches!(
            self.lower(i),
            "\"" | "“" | "”" | "„" | "«" | "»" | "‘" | "’"
        )
    }
    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.toks[from].start, self.toks[to - 1].end)
    }
    /// The words `[from, to)` as written, parenthesised words dropped.
    fn phrase(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        let mut prev_end = None;
        for i in from..to {
            let t = &self.toks[i];
            match t.lower.as_str() {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ if depth == 0 => {
                    if let Some(e) = prev_end {
                        if t.start > e {
                            out.push(' ');
                        }
                    }
                    out.push_str(&self.text[t.start..t.end]);
                    prev_end = Some(t.end);
                    continue;
                }
                _ => {}
            }
            prev_end = Some(t.end);
        }
        out
    }
}

/// A source phrase read from the text, with what later steps need to know.
#[derive(Debug, Clone)]
struct Found {
    att: Attribution,
    person: bool,
    /// The medium noun ("essay") when the medium came from "in his essay …".
    medium_noun: Option<String>,
}

/// The label of a mention that stands for "the group" resolved to an earlier group: its text is
/// that group's name.
pub const GROUP_REFERENCE: &str = "GROUPREF";

/// Every "who says" in the text. `names`: NER/KB mentions (labels PERSON, ORG, NORP, GPE, GROUP) —
/// may be empty, then fall back to capitalisation; `timexes` give `said_at`.
pub fn attributions(
    text: &str,
    sentences: &[Sentence],
    timexes: &[TimeExpression],
    names: &[EntityMention],
) -> Vec<Attribution> {
    let mut found: Vec<Found> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let toks = tokens(text, sentence.span);
        let in_timex = toks
            .iter()
            .map(|t| {
                timexes.iter().any(|x| {
                    matches!(x.kind, TimexType::Date | TimexType::Time)
                        && x.span.start < t.end
                        && t.start < x.span.end
                })
            })
            .collect();
        let s = Sent {
            text,
            toks,
            in_timex,
            index,
        };
        read_sentence(&s, timexes, names, &mut found);
    }
    let mut out: Vec<Attribution> = found.into_iter().map(|f| f.att).collect();
    spread_quotes(text, sentences, &mut out);
    out
}

/// "said Dr. Sabine Kettelhut of the Hanseatic Institute": a name cut at an honorific's full stop
/// gets the rest of the name, and the affiliation after "of"/"from"/"at" when none was found.
fn complete_honorific(text: &str, a: &mut Attribution) {
    const HONORIFICS: &[&str] = &[
        "Dr", "Dr.", "Prof", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Gen", "Gen.",
        "Col", "Col.", "Sen", "Sen.", "Rep", "Rep.",
    ];
    let (Some(name), Some(span)) = (a.source.name.as_deref(), a.source_span) else {
        return;
    };
    if !HONORIFICS.contains(&name.trim()) {
        return;
    }
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"^\.?\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3})(?:\s*,?\s+(?:of|from|at)\s+((?:the\s+)?(?:[A-Z][\w'’-]*|of|for|and|on)(?:\s+(?:[A-Z][\w'’-]*|of|for|and|on))*))?",
    ) else {
        return;
    };
    let Some(rest) = text.get(span.end..) else {
        return;
    };
    let Some(c) = re.captures(rest) else { return };
    let Some(full) = c.get(1) else { return };
    a.source.name = Some(format!(
        "{}. {}",
        name.trim().trim_end_matches('.'),
        full.as_str()
    ));
    a.source_span = Some(dossier_core::Span::new(span.start, span.end + full.end()));
    if a.source.affiliation.is_none() {
        if let Some(aff) = c.get(2) {
            let aff = aff
                .as_str()
                .trim_end_matches(|ch: char| !ch.is_alphanumeric());
            let aff = aff
                .strip_suffix(" and")
                .or_else(|| aff.strip_suffix(" of"))
                .unwrap_or(aff);
            a.source.affiliation = Some(aff.trim_start_matches("the ").to_string());
        }
    }
}

/// The attribution governing sentence `i` (its own, or the one of a quotation it belongs to), if any.
pub fn for_sentence(attributions: &[Attribution], i: usize) -> Option<&Attribution> {
    attributions.iter().find(|a| a.sentence == i)
}

/// The attribution of sentence `i` (span `sentence`) for what `focus` says: with several sources
/// in the sentence ("Israeli officials said ..., while Gaza's Health Ministry said ..."), the one
/// whose cue is in the focus's part ([`crate::text::contrast_part`]), else the first.
pub fn for_focus<'a>(
    attributions: &'a [Attribution],
    i: usize,
    text: &str,
    sentence: Span,
    focus: Span,
) -> Option<&'a Attribution> {
    // (", saying its fighters had killed 300" speaks for what follows the participle only.)
    let participle = |a: &Attribution| {
        matches!(a.cue.as_str(), "saying" | "claiming" | "adding") && focus.start < a.cue_span.start
    };
    let mut here = attributions
        .iter()
        .filter(|a| a.sentence == i && !participle(a));
    let first = here.next()?;
    let part = crate::text::contrast_part(text, sentence, focus);
    std::iter::once(first)
        .chain(here)
        .find(|a| part.start <= a.cue_span.start && a.cue_span.end <= part.end)
        .or(Some(first))
}

fn read_sentence(
    s: &Sent,
    timexes: &[TimeExpression],
    names: &[EntityMention],
    found: &mut Vec<Found>,
) {
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        let Some((kind, cue_from, cue_to)) = cue_at(s, i) else {
            i += 1;
            continue;
        };
        if let Some(mut f) = read_cue(s, kind, cue_from, cue_to, timexes, names, found) {
            // ("“…,” said Dr. Lena Marsh": the whole name now, so that a later "she" finds her.)
            complete_honorific(s.text, &mut f.att);
            if honorific_gender(f.att.source.name.as_deref().unwrap_or("")).is_some()
                || f.att
                    .source
                    .name
                    .as_deref()
                    .and_then(|n| n.split_whitespace().next())
                    .is_some_and(|w| TITLES.contains(&w.trim_end_matches('.')))
            {
                f.person = true;
            }
            found.push(f);
        }
        i = cue_to.max(i + 1);
    }
}

/// A cue starting at token `i`: its kind and token range.
fn cue_at(s: &Sent, i: usize) -> Option<(CueKind, usize, usize)> {
    let l = s.lower(i);
    if !s.word(i) {
        return None;
    }
    if (l == "according" && s.lower(i + 1) == "to") || l == "laut" {
        let to = if l == "laut" { i + 1 } else { i + 2 };
        return Some((CueKind::According, i, to));
    }
    if l == "quoted" && s.lower(i + 1) == "as" && s.lower(i + 2) == "saying" {
        return Some((CueKind::Verb, i, i + 3));
    }
    if matches!(l, "quotes" | "quoted" | "cites" | "cited") {
        // "quotes an ISPK commander as saying"
        let mut j = i + 1;
        while j < s.toks.len() && j <= i + 10 && s.word(j) {
            if s.lower(j) == "as" && s.lower(j + 1) == "saying" {
                // "Two US officials were quoted by a news agency as saying": passive, the
                // subject speaks.
                if l == "quoted" && s.lower(i + 1) == "by" {
                    return Some((CueKind::Verb, i, j + 2));
                }
                if j > i + 1 {
                    return Some((CueKind::QuotesAs, i, j + 2));
                }
                break;
            }
            j += 1;
        }
    }
    if matches!(l, "saying" | "claiming" | "adding") && i >= 3 && s.lower(i - 1) == "," {
        return Some((CueKind::Participle, i, i + 1));
    }
    // "The group claimed it had killed more than 100 soldiers": a claim of a clause is a
    // saying (not "claimed responsibility", "claimed the attack").
    let claim_clause = matches!(l, "claimed" | "claims")
        && ["it", "they", "he", "she", "its", "their"].contains(&s.lower(i + 1))
        && [
            "had", "has", "have", "was", "were", "is", "are", "would", "killed", "carried",
        ]
        .contains(&s.lower(i + 2));
    // "Dr. Lena Marsh ... put the number at about 5,000": a source giving a figure.
    // ("puts the Allied Democratic Forces' strength at no more than 800".)
    let puts_figure = matches!(l, "put" | "puts" | "putting" | "placed" | "places")
        && (s.lower(i + 1) == "it" && s.lower(i + 2) == "at"
            || matches!(s.lower(i + 1), "the" | "its" | "their" | "his" | "her")
                && (2..=8).any(|k| {
                    [
                        "number",
                        "numbers",
                        "figure",
                        "toll",
                        "estimate",
                        "strength",
                        "total",
                        "count",
                        "membership",
                    ]
                    .contains(&s.lower(i + k))
                        && s.lower(i + k + 1) == "at"
                }));
    // ("though other estimates run as high as 12,000": a noun after a determiner.)
    let noun = matches!(
        l,
        "estimates" | "estimate" | "reports" | "warnings" | "warning"
    ) && i > 0
        && [
            "other", "the", "some", "these", "those", "many", "its", "their", "official",
            "earlier", "new", "recent", "most", "such", "previous", "our", "his", "her",
        ]
        .contains(&s.lower(i - 1));
    let verb = !noun && VERBS.contains(&l)
        || (VERBS_WITH_THAT.contains(&l) && s.lower(i + 1) == "that")
        || claim_clause
        || puts_figure;
    if !verb {
        return None;
    }
    // "Brothers Said and Cherif Kouachi stormed": a capitalised word inside a sentence is a
    // name, not the verb (but "POLICE SAID" in capitals, or a verb opening a quoted sentence).
    let title_case = s.capitalised(i) && s.raw(i).chars().skip(1).all(char::is_lowercase);
    let opens = i == 0
        || matches!(
            s.raw(i - 1),
            "\"" | "“" | "”" | "'" | "‘" | "’" | ":" | "(" | "-" | "–" | "—"
        );
    if title_case && !opens {
        return None;
    }
    // Passives and hedges: "was reported", "is considered", "are said to".
    if i > 0 && (BE.contains(&s.lower(i - 1)) || s.lower(i - 1) == "widely") {
        return None;
    }
    if matches!(l, "said" | "reported") && s.lower(i + 1) == "to" {
        return None;
    }
    Some((CueKind::Verb, i, i + 1))
}

fn read_cue(
    s: &Sent,
    kind: CueKind,
    cue_from: usize,
    cue_to: usize,
    timexes: &[TimeExpression],
    names: &[EntityMention],
    found: &[Found],
) -> Option<Found> {
    let mut anonymous_marker = false;
    let mut apposition: Option<(usize, usize)> = None;
    let (np_from, np_to, cue_span, cue_text) = match kind {
        CueKind::According => {
            let (a, b) = if s.lower(cue_from) == "laut" {
                np_laut(s, cue_to)?
            } else {
                np_according(s, cue_to)?
            };
            (
                a,
                b,
                s.span(cue_from, cue_to),
                s.phrase(cue_from, cue_to).to_lowercase(),
            )
        }
        CueKind::QuotesAs => {
            let (a, b) = (cue_from + 1, cue_to - 2);
            (a, b, s.span(cue_to - 2, cue_to), "as saying".to_string())
        }
        CueKind::Participle => {
            let (a, b) = np_right(s, after_dateline(s))?;
            if b > cue_from {
                return None;
            }
            (
                a,
                b,
                s.span(cue_from, cue_to),
                s.phrase(cue_from, cue_to).to_lowercase(),
            )
        }
        CueKind::Verb => {
            let cue_span = s.span(cue_from, cue_to);
            let cue_text = s.phrase(cue_from, cue_to).to_lowercase();
            let mut prev = skip_left(s, cue_from);
            // "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) said": the name before its bracketed
            // acronym speaks.
            if prev > 1 && s.lower(prev - 1) == ")" {
                if let Some(open) = (prev.saturating_sub(6)..prev - 1)
                    .rev()
                    .find(|&k| s.lower(k) == "(")
                {
                    if open > 0 && s.word(open - 1) {
                        prev = open;
                    }
                }
            }
            if cue_to > cue_from + 1 {
                // "was quoted as saying"
                while prev > 0 && BE.contains(&s.lower(prev - 1)) {
                    prev -= 1;
                }
            }
            // "an official who declined to be named said"
            if let Some(who) = (prev.saturating_sub(10)..prev)
                .rev()
                .find(|&k| s.lower(k) == "who")
            {
                if is_anonymity(s, who, prev) {
                    anonymous_marker = true;
                    prev = who;
                }
            }
            // "Its spokesman, Ehsanullah Ehsan, said": the name between commas after the
            // description that opens the sentence is the source.
            if let Some((x, y, lead)) = name_after_description(s, prev, names) {
                apposition = Some((lead, x - 1));
                (x, y, cue_span, cue_text)
            } else {
                // ", speaking on condition of anonymity," / ", a researcher at X,"
                let mut end = prev;
                let mut left_apposition = None;
                let mut left_anonymous = false;
                let mut interrupted = false;
                for _ in 0..2 {
                    if end > 0 && s.lower(end - 1) == "," {
                        let Some(open) = (0..end - 1).rev().find(|&k| s.lower(k) == ",") else {
                            break;
                        };
                        // (Not back into a quotation: `"… a lone man, who radicalised online",
                        // said Mira Seefeld` has no clause between the source and its verb.)
                        if (open..end).any(|k| s.quote(k)) {
                            break;
                        }
                        let (x, y) = (open + 1, end - 1);
                        if is_anonymity(s, x, y) {
                            left_anonymous = true;
                        } else if is_apposition(s, x, y) {
                            left_apposition = Some((x, y));
                        } else if is_body_apposition(s, x, y) {
                            // ", a research institute,": what the body before it is.
                        } else if matches!(s.lower(x), "who" | "which" | "der" | "die") {
                            // ", who have long accused Pakistan of harbouring militants,": a
                            // relative clause between the source and its verb.
                        } else {
                            break;
                        }
                        interrupted = true;
                        end = open;
                    }
                }
                let after_quote = prev > 0
                    && (s.quote(prev - 1)
                        || matches!(s.lower(prev - 1), "," | "." | "?" | "!")
                            && prev > 1
                            && s.quote(prev - 2));
                let right_ok = s.word(cue_to)
                    && !matches!(
                        s.lower(cue_to),
                        "that" | "in" | "on" | "it" | "he" | "she" | "they" | "to" | "by" | "with"
                    );
                let inverted = right_ok
                    && !interrupted
                    && (prev == 0 || after_quote || matches!(s.lower(prev - 1), "," | "–" | "—"));
                // "Afghan officials, who have long accused Pakistan ..., said the Taliban carried
                // out the assault": a name followed by its own verb is what was said, not who
                // said it.
                let right = if inverted { np_right(s, cue_to) } else { None }
                    .filter(|&(_, b)| !(s.word(b) && verb_like(s.lower(b))));
                match right {
                    Some((a, b)) => {
                        if let Some((x, y, anon)) = apposition_right(s, b) {
                            apposition = Some((x, y));
                            anonymous_marker |= anon;
                        }
                        (a, b, cue_span, cue_text)
                    }
                    None => {
                        if after_quote && !interrupted && !pronoun_at(s, end) {
                            return None;
                        }
                        apposition = left_apposition;
                        anonymous_marker |= left_anonymous;
                        let (a, b) = np_left(s, end)?;
                        (a, b, cue_span, cue_text)
                    }
                }
            }
        }
    };
    if np_from >= np_to {
        return None;
    }
    let mut person;
    let mut source;
    let first = s.lower(np_from);
    if np_to == np_from + 1 && PRONOUNS.contains(&first) {
        // ("She said" after a man and a woman spoke is the woman; a source whose gender the
        // text does not tell fits either.)
        let want = match first {
            "he" | "er" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let fits = |src: &Source| want.is_none() || gender_of(src).is_none_or(|g| Some(g) == want);
        let earlier = if matches!(first, "he" | "she" | "er" | "sie") {
            found
                .iter()
                .rev()
                .find(|f| f.person && f.att.source.name.is_some() && fits(&f.att.source))
        } else {
            // ("whose government it considers insufficiently strict": "it" is no person.)
            found.iter().rev().find(|f| {
                (f.att.source.name.is_some() || f.att.source.role.is_some())
                    && !(first == "it" && f.person)
            })
        };
        match earlier {
            Some(f) => {
                source = f.att.source.clone();
                person = f.person;
            }
            // ("it" and "they" name no person the report told of before.)
            None if matches!(first, "it" | "they") => return None,
            None => {
                let m = names.iter().rev().find(|m| {
                    m.label == "PERSON"
                        && m.span.end <= s.toks[np_from].start
                        && fits(&Source {
                            name: Some(m.text.clone()),
                            ..Source::default()
                        })
                })?;
                source = Source {
                    name: Some(m.text.clone()),
                    ..Source::default()
                };
                person = true;
            }
        }
    } else {
        let parsed = parse_np(s, np_from, np_to, names, found);
        source = parsed.0;
        person = parsed.1;
    }
    if let Some((x, y)) = apposition {
        let (role, affiliation) = split_affiliation(s, x, y);
        if source.role.is_none() {
            source.role = role;
        }
        if source.affiliation.is_none() {
            source.affiliation = affiliation;
        }
        person = true;
    }
    if anonymous_marker {
        source.anonymous = true;
    }
    if source.name.is_none() && source.role.is_none() {
        return None;
    }
    // The rest of the attribution phrase: medium and date.
    let region_from = np_from.min(cue_from);
    let mut region_to = s.toks.len();
    let mut k = cue_to.max(np_to);
    while k < s.toks.len() {
        if let Some((_, close)) = opens_title(s, k) {
            k = close + 1;
            continue;
        }
        let l = s.lower(k);
        if matches!(l, "that" | ":" | ";" | "–" | "—" | "dass") || s.quote(k) {
            region_to = k;
            break;
        }
        k += 1;
    }
    if kind == CueKind::According {
        region_to = region_to.min(first_comma(s, np_to).unwrap_or(region_to));
    }
    let (mut medium, mut medium_noun) = medium_in(
        s,
        cue_to.max(np_to).max(apposition.map_or(0, |(_, y)| y)),
        region_to,
    );
    if medium.is_none() {
        medium = told_medium(s, cue_from, cue_to, region_to);
    }
    if medium.is_none() {
        // "In the essay, he attributes …"
        if let Some(noun) = leading_medium(s) {
            let same_noun = |f: &&Found| f.medium_noun.as_deref() == Some(noun.as_str());
            let earlier = found.iter().rev().filter(same_noun).find(|f| {
                f.medium_noun.as_deref() == Some(noun.as_str())
                    && (f.att.source == source
                        || f.att.source.name.is_some() && f.att.source.name == source.name)
            });
            let earlier = earlier.or_else(|| found.iter().rev().find(same_noun));
            medium = earlier
                .and_then(|f| f.att.medium.clone())
                .or(Some(noun.clone()));
            medium_noun = Some(noun);
        }
    }
    let region = Span::new(
        s.toks[region_from].start,
        s.toks[region_to.max(region_from + 1) - 1].end,
    );
    // A date after the cue tells when it was said only as an adjunct of the verb ("said on
    // Friday", "said Friday", "told Reuters on Monday", "said in a statement on Sunday"), not
    // inside what was said ("says the 2019 Pulwama crisis showed", "say ... the 2008 Mumbai
    // attacks").
    // ("noted expert X from King's College in his essay “…” published in February": after
    // the source and the medium.)
    let phrase_end = cue_span.end.max(s.span(np_from, np_to).end);
    let adjunct = |x: &TimeExpression| {
        // Before the cue: right before it ("Police on Sunday said"), not a clause away ("the
        // attack that killed 26 people on Tuesday, saying ...").
        if x.span.end <= cue_span.start {
            return s.text.get(x.span.end..cue_span.start).is_some_and(|g| {
                !g.contains([',', ';', ':']) && g.split_whitespace().count() <= 3
            });
        }
        if x.span.end <= phrase_end {
            return true;
        }
        let Some(between) = s.text.get(phrase_end..x.span.start) else {
            return false;
        };
        let words: Vec<String> = between
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let medium = medium.is_some()
            || words.iter().any(|w| {
                [
                    "statement",
                    "interview",
                    "post",
                    "message",
                    "video",
                    "speech",
                    "briefing",
                    "conference",
                    "essay",
                    "article",
                    "report",
                ]
                .contains(&w.as_str())
            });
        // ("the 2019 Pulwama crisis": a date naming something.)
        let names_something = s
            .text
            .get(x.span.end..)
            .and_then(|a| a.strip_prefix(' '))
            .and_then(|a| a.chars().next())
            .is_some_and(char::is_uppercase);
        (words.len() <= 6 || medium && words.len() <= 30)
            && !names_something
            && (medium
                || !words
                    .iter()
                    .any(|w| ["the", "a", "an"].contains(&w.as_str())))
            && words.last().is_none_or(|w| {
                medium
                    || [
                        "on", "in", "at", "during", "late", "early", "earlier", "later", "by",
                    ]
                    .contains(&w.as_str())
            })
    };
    let said_at = timexes
        .iter()
        .filter(|x| matches!(x.kind, TimexType::Date | TimexType::Time))
        .filter(|x| x.span.start >= region.start && x.span.end <= region.end)
        .filter(|x| adjunct(x))
        .min_by_key(|x| x.span.start.abs_diff(cue_span.start))
        .map(|x| x.value.clone());
    Some(Found {
        att: Attribution {
            cue: cue_text,
            cue_span,
            source,
            source_span: Some(s.span(np_from, np_to)),
            said_at,
            medium,
            sentence: s.index,
        },
        person,
        medium_noun,
    })
}

/// "Its spokesman, Ehsanullah Ehsan, said", "A police officer, Jane Doe, said": a person's name
/// set off by commas right before the verb (token `prev`), after a description of a person
/// that opens the sentence, or that follows what was said after a comma ("… has risen to 43,
/// the UN mission in Congo, MONUSCO, said"). Returns the name's tokens and where the
/// description starts.
fn name_after_description(
    s: &Sent,
    prev: usize,
    names: &[EntityMention],
) -> Option<(usize, usize, usize)> {
    if prev < 2 || s.lower(prev - 1) != "," {
        return None;
    }
    let open = (0..prev - 1).rev().find(|&k| s.lower(k) == ",")?;
    let (x, y) = (open + 1, prev - 1);
    if x >= y || open == 0 {
        return None;
    }
    let named = names
        .iter()
        .any(|m| m.label == "PERSON" && m.span == s.span(x, y));
    // ("A rights group, Human Rights Watch, said": an organisation after its description.)
    // ("A group of victims' families, the Collectif X, said": the name without its article.)
    let nx = if s.lower(x) == "the" && x + 1 < y {
        x + 1
    } else {
        x
    };
    let named_org = names
        .iter()
        .any(|m| m.label == "ORG" && (m.span == s.span(x, y) || m.span == s.span(nx, y)));
    // Where the description starts: the sentence's start, else right after the comma that
    // ends what was said ("…, the UN mission in Congo, MONUSCO, said").
    let from = match (0..open).rev().find(|&k| s.lower(k) == ",") {
        Some(c) if c > 0 && DETERMINERS.contains(&s.lower(c + 1)) => c + 1,
        _ => 0,
    };
    let first = s.lower(from);
    let described = (DETERMINERS.contains(&first)
        || from == 0 && ["its", "his", "her", "their"].contains(&first)
        || from == 0 && first.ends_with("'s"))
        && open - from <= 8
        && (from..open).any(|k| {
            PERSON_HEADS.contains(&s.lower(k))
                || named_org
                    && [
                        "group",
                        "organisation",
                        "organization",
                        "agency",
                        "institute",
                        "collective",
                        "charity",
                        "watchdog",
                        "monitor",
                        "body",
                        "network",
                        "association",
                        "ngo",
                        "coalition",
                        "committee",
                        "mission",
                    ]
                    .contains(&s.lower(k))
        });
    let named = named || named_org;
    // The role without the possessive: "spokesman", not "Its spokesman".
    let lead = from + usize::from(["its", "his", "her", "their"].contains(&first));
    (named && described).then_some((x, y, lead))
}

fn first_comma(s: &Sent, from: usize) -> Option<usize> {
    (from..s.toks.len()).find(|&k| s.lower(k) == ",")
}

/// Token index before which the source phrase ends, skipping auxiliaries and adverbs.
fn skip_left(s: &Sent, cue: usize) -> usize {
    let mut i = cue;
    while i > 0 && s.word(i - 1) && SKIP_BEFORE_VERB.contains(&s.lower(i - 1)) {
        i -= 1;
    }
    // "police on Monday said"
    while i > 0 && s.in_timex[i - 1] {
        i -= 1;
    }
    if i < cue && i > 0 && matches!(s.lower(i - 1), "on" | "in") {
        i -= 1;
    }
    i
}

fn is_anonymity(s: &Sent, from: usize, to: usize) -> bool {
    let p: Vec<&str> = (from..to).map(|k| s.lower(k)).collect();
    let joined = p.join(" ");
    joined.contains("anonymity")
        || joined.contains("not to be named")
        || joined.contains("declined to be named")
        || joined.contains("not authorized")
        || joined.contains("not authorised")
        || joined.contains("unnamed")
}

/// ", a research institute," / ", an independent monitor,": a short indefinite description of
/// a body, set off by commas after its name.
fn is_body_apposition(s: &Sent, from: usize, to: usize) -> bool {
    to > from + 1
        && to - from <= 6
        && matches!(s.lower(from), "a" | "an")
        && (from..to).all(|k| s.word(k))
        && [
            "institute",
            "tank",
            "group",
            "organisation",
            "organization",
            "monitor",
            "agency",
            "charity",
            "centre",
            "center",
            "consultancy",
            "firm",
            "watchdog",
            "ngo",
            "network",
        ]
        .contains(&s.lower(to - 1))
}

/// ", a researcher at X," / ", the group's spokesman,".
fn is_apposition(s: &Sent, from: usize, to: usize) -> bool {
    if to <= from || to - from > 14 {
        return false;
    }
    // German sets a role in apposition without an article: "Frieda Nebelhorn, Analystin am
    // Institut für Sicherheitsfragen".
    if s.capitalised(from) && PERSON_HEADS.contains(&s.lower(from)) && s.lower(from) != "experts" {
        return matches!(
            s.lower(from + 1),
            "am" | "vom" | "beim" | "bei" | "des" | "der" | "im"
        ) || from + 1 == to;
    }
    if !DETERMINERS.contains(&s.lower(from)) && !s.lower(from).ends_with("'s") {
        return false;
    }
    (from..to).any(|k| PERSON_HEADS.contains(&s.lower(k)))
}

/// An apposition right after a source phrase ending at `at`: its range and whether it says the
/// source is anonymous.
fn apposition_right(s: &Sent, at: usize) -> Option<(usize, usize, bool)> {
    if s.lower(at) != "," {
        return None;
    }
    let end = (at + 1..s.toks.len())
        .find(|&k| matches!(s.lower(k), "," | "." | ";" | "–" | "—"))
        .unwrap_or(s.toks.len());
    let (x, y) = (at + 1, end);
    if is_anonymity(s, x, y) {
        return Some((y, y, true));
    }
    is_apposition(s, x, y).then_some((x, y, false))
}

/// "a researcher at the Institute for X" → ("researcher", "Institute for X").
fn split_affiliation(s: &Sent, from: usize, to: usize) -> (Option<String>, Option<String>) {
    if from >= to {
        return (None, None);
    }
    let cut = (from + 1..to).find(|&k| {
        matches!(
            s.lower(k),
            "at" | "from" | "of" | "with" | "vom" | "am" | "beim"
        ) && (s.capitalised(k + 1)
            || (s.lower(k + 1) == "the" && (k + 2..to).any(|j| s.capitalised(j))))
    });
    let mut a = from;
    while a < to && DETERMINERS.contains(&s.lower(a)) {
        a += 1;
    }
    match cut {
        Some(c) => {
            let mut b = c + 1;
            // ("of the independent Thornbury Centre": the name without its adjective.)
            let lower_word = |k: usize| {
                s.word(k)
                    && !s.capitalised(k)
                    && !PERSON_HEADS.contains(&s.lower(k))
                    && !BODY_HEADS.contains(&s.lower(k))
            };
            while b < to
                && (DETERMINERS.contains(&s.lower(b))
                    || s.lower(b) == "("
                    || b <= c + 3 && lower_word(b) && (b + 1..to).any(|j| s.capitalised(j)))
            {
                if s.lower(b) == "(" {
                    match (b..to).find(|&j| s.lower(j) == ")") {
                        Some(close) => b = close + 1,
                        None => break,
                    }
                } else {
                    b += 1;
                }
            }
            let role = (a < c).then(|| s.phrase(a, c));
            let aff = (b < to).then(|| s.phrase(b, to));
            (role, aff)
        }
        None => ((a < to).then(|| s.phrase(a, to)), None),
    }
}

/// The source phrase ending before token `end`.
fn np_left(s: &Sent, end: usize) -> Option<(usize, usize)> {
    let mut i = end;
    while i > 0 {
        let k = i - 1;
        if s.npword(k) || (s.word(k) && s.lower(k).ends_with("'s") && i < end) {
            i = k;
            continue;
        }
        let l = s.lower(k);
        if l == ")" && i < end {
            // "the (fictional) Northern Command"
            if let Some(open) = (0..k).rev().find(|&j| s.lower(j) == "(") {
                i = open;
                continue;
            }
        }
        if DETERMINERS.contains(&l) {
            // "researchers at the Centre": go on through "at the".
            // ("Lena Marsh of the institute said": a person of an institution named before.)
            let bare_institution = i + 1 == end
                && INSTITUTION_NOUNS.contains(&s.lower(i))
                && k >= 2
                && s.nameish(k - 2);
            if k > 0
                && CONNECTORS.contains(&s.lower(k - 1))
                && k >= 2
                && s.npword(k - 2)
                && (s.nameish(i) || s.lower(i) == "(" || bare_institution)
            {
                i = k - 1;
                continue;
            }
            i = k;
            break;
        }
        if CONNECTORS.contains(&l) && s.nameish(i) && k > 0 && s.npword(k - 1) && i < end {
            i = k;
            continue;
        }
        // "Tomas Erlen of the fictional Brightwater Policy Centre said": one or two adjectives
        // between "of the" and the name; go on through them to the person.
        if i < end && s.nameish(i) {
            let adjective = |j: usize| {
                s.word(j)
                    && !s.capitalised(j)
                    && !PERSON_HEADS.contains(&s.lower(j))
                    && !BODY_HEADS.contains(&s.lower(j))
                    && !DETERMINERS.contains(&s.lower(j))
                    && !CONNECTORS.contains(&s.lower(j))
            };
            let through = (1..=2).find_map(|extra| {
                let the = k.checked_sub(extra - 1)?.checked_sub(1)?;
                let conn = the.checked_sub(1)?;
                ((the + 1..=k).all(adjective)
                    && s.lower(the) == "the"
                    && CONNECTORS.contains(&s.lower(conn))
                    && conn > 0
                    && s.npword(conn - 1))
                .then_some(conn)
            });
            if let Some(conn) = through {
                i = conn;
                continue;
            }
        }
        break;
    }
    // Trim leading connectors.
    while i < end && CONNECTORS.contains(&s.lower(i)) {
        i += 1;
    }
    // "the fictional commentator X", "“…,” former analyst X", "a local civil society leader":
    // up to three modifiers before a person noun, when the phrase starts after a boundary.
    if i < end && PERSON_HEADS.contains(&s.lower(i)) {
        for extra in 1..=3 {
            if i < extra {
                break;
            }
            let j = i - extra;
            let adjectives = (j..i).all(|k| {
                s.word(k)
                    && !s.capitalised(k)
                    && !NOT_NAMES.contains(&s.lower(k))
                    && !PRONOUNS.contains(&s.lower(k))
                    && !CONNECTORS.contains(&s.lower(k))
                    && !VERBS.contains(&s.lower(k))
            });
            if !adjectives {
                break;
            }
            let before = j.checked_sub(1);
            let open = before.is_none_or(|b| !s.word(b) || DETERMINERS.contains(&s.lower(b)));
            if open {
                i = match before {
                    Some(b) if DETERMINERS.contains(&s.lower(b)) => b,
                    _ => j,
                };
                break;
            }
        }
    }
    ((i..end).any(|k| s.npword(k) || PRONOUNS.contains(&s.lower(k))) || pronoun_at(s, end))
        .then_some(())
        .and_then(|_| {
            if i == end {
                // a lone pronoun
                (end > 0 && PRONOUNS.contains(&s.lower(end - 1))).then_some((end - 1, end))
            } else {
                Some((i, end))
            }
        })
}

fn pronoun_at(s: &Sent, end: usize) -> bool {
    end > 0 && s.word(end - 1) && PRONOUNS.contains(&s.lower(end - 1))
}

/// Whether a word after a name reads as that name's verb ("carried", "was", "has").
fn verb_like(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4)
        || [
            "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "did",
            "does", "do", "may", "might", "must", "should", "can",
        ]
        .contains(&w)
}

/// The first token after a wire dateline that opens the sentence ("MAPUTO —", "MARAWI,
/// Philippines —"): capitalised words, one of them in capitals, then a dash. 0 without one.
fn after_dateline(s: &Sent) -> usize {
    let Some(dash) = (0..s.toks.len().min(6)).find(|&k| matches!(s.raw(k), "-" | "–" | "—"))
    else {
        return 0;
    };
    let lead_ok = dash > 0
        && (0..dash).all(|k| s.raw(k) == "," || s.capitalised(k))
        && (0..dash).any(|k| {
            let w = s.raw(k);
            w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '.')
        });
    if lead_ok {
        dash + 1
    } else {
        0
    }
}

/// The source phrase starting at token `from` (after an inverted verb).
fn np_right(s: &Sent, from: usize) -> Option<(usize, usize)> {
    let n = s.toks.len();
    let mut i = from;
    while i < n && DETERMINERS.contains(&s.lower(i)) {
        i += 1;
    }
    if i < n && PRONOUNS.contains(&s.lower(i)) {
        return Some((i, i + 1));
    }
    let start = i;
    // "said fictional investigator X"
    for extra in 1..=2 {
        if (i..i + extra).all(|k| s.word(k) && !s.capitalised(k) && !s.vocab(k))
            && PERSON_HEADS.contains(&s.lower(i + extra))
        {
            i += extra;
            break;
        }
    }
    while i < n {
        if s.npword(i) {
            i += 1;
            continue;
        }
        let l = s.lower(i);
        if i > start
            && matches!(
                l,
                "of" | "for" | "at" | "from" | "in" | "and" | "&" | "vom" | "am" | "beim" | "für"
            )
        {
            let mut j = i + 1;
            if s.lower(j) == "the" && l != "in" {
                j += 1;
                // "of the independent Thornbury Centre": an adjective before the name.
                for extra in 1..=2 {
                    if (j..j + extra).all(|k| {
                        s.word(k)
                            && !s.capitalised(k)
                            && !PERSON_HEADS.contains(&s.lower(k))
                            && !BODY_HEADS.contains(&s.lower(k))
                    }) && s.nameish(j + extra)
                    {
                        j += extra;
                        break;
                    }
                }
            }
            if s.nameish(j) {
                i = j;
                continue;
            }
        }
        break;
    }
    (i > start).then_some((from.min(start), i))
}

/// After "laut": an optional article and a capitalised run.
fn np_laut(s: &Sent, from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    if matches!(s.lower(i), "der" | "die" | "das" | "dem" | "den" | "des") {
        i += 1;
    }
    let start = i;
    while i < s.toks.len() && s.capitalised(i) {
        i += 1;
    }
    (i > start).then_some((from, i))
}

/// After "according to": up to a comma, full stop or a second determiner.
fn np_according(s: &Sent, from: usize) -> Option<(usize, usize)> {
    let n = s.toks.len();
    let mut i = from;
    let mut content = false;
    while i < n {
        let t = &s.toks[i];
        if !t.word {
            if t.lower == "(" {
                if let Some(close) = (i..n).find(|&j| s.lower(j) == ")") {
                    i = close + 1;
                    continue;
                }
            }
            break;
        }
        if s.in_timex[i] && content {
            break;
        }
        let l = t.lower.as_str();
        if DETERMINERS.contains(&l)
            && content
            && !CONNECTORS.contains(&s.lower(i - 1))
            && s.lower(i - 1) != "by"
        {
            break;
        }
        if content
            && matches!(
                l,
                "that" | "the" | "is" | "are" | "was" | "were" | "has" | "have" | "had"
            )
            && !CONNECTORS.contains(&s.lower(i - 1))
        {
            break;
        }
        if i - from >= 14 {
            break;
        }
        content |= !DETERMINERS.contains(&l);
        i += 1;
    }
    // Trailing connectors or determiners.
    while i > from
        && (CONNECTORS.contains(&s.lower(i - 1)) || DETERMINERS.contains(&s.lower(i - 1)))
    {
        i -= 1;
    }
    (content && i > from).then_some((from, i))
}

/// Nouns of institutions a source may belong to, named in full once and then as "the
/// institute".
const INSTITUTION_NOUNS: &[&str] = &[
    "institute",
    "institution",
    "centre",
    "center",
    "foundation",
    "council",
    "forum",
    "observatory",
    "project",
    "agency",
    "university",
    "commission",
    "committee",
    "ministry",
    "monitor",
    "network",
];

/// The full name of an institution that a bare common noun ("the institute", "the centre")
/// refers back to: the last capitalised name ending in that noun before `before` ("The
/// Northgate Security Institute estimates ..."), if any.
fn earlier_institution(text: &str, before: usize, noun: &str) -> Option<String> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"\b((?:[A-Z][\w'’-]+\s+)(?:(?:[A-Z][\w'’-]+|of|for|on|and|the)\s+){0,5}(Institute|Institution|Centre|Center|Foundation|Council|Forum|Observatory|Project|Agency|University|Commission|Committee|Ministry|Monitor|Network))\b",
    )?;
    let head = text.get(..before)?;
    re.captures_iter(head)
        .filter(|c| {
            c.get(2)
                .is_some_and(|n| n.as_str().eq_ignore_ascii_case(noun))
        })
        .last()
        .and_then(|c| c.get(1))
        .map(|m| {
            let m = m.as_str();
            m.strip_prefix("The ").unwrap_or(m).to_string()
        })
}

/// Words of a government department after a title's "of" ("Secretary of State", "Minister of
/// the Interior", "Secretary of Homeland Security").
const DEPARTMENTS: &[&str] = &[
    "state",
    "defense",
    "defence",
    "justice",
    "health",
    "energy",
    "commerce",
    "labor",
    "labour",
    "transportation",
    "transport",
    "education",
    "agriculture",
    "interior",
    "treasury",
    "finance",
    "war",
    "homeland",
    "security",
    "foreign",
    "affairs",
    "home",
    "the",
];

/// Name, role and affiliation of the phrase `[from, to)`; the flag says it is a person.
fn parse_np(
    s: &Sent,
    from: usize,
    to: usize,
    names: &[EntityMention],
    found: &[Found],
) -> (Source, bool) {
    let mut a = from;
    let mut indefinite = false;
    loop {
        if a < to && DETERMINERS.contains(&s.lower(a)) {
            indefinite |= s.lower(a) != "the";
            a += 1;
        } else if a < to && matches!(s.lower(a), "der" | "die" | "das" | "dem" | "den") {
            a += 1;
        } else if a < to && s.lower(a) == "(" {
            match (a..to).find(|&j| s.lower(j) == ")") {
                Some(close) => a = close + 1,
                None => break,
            }
        } else {
            break;
        }
    }
    let mut source = Source::default();
    if a >= to {
        return (source, false);
    }
    // "a statement by the ministry", "a report from X"
    if MEDIUM_NOUNS.contains(&s.lower(a)) {
        if let Some(k) = (a + 1..to).find(|&k| matches!(s.lower(k), "by" | "from" | "of")) {
            return parse_np(s, k + 1, to, names, found);
        }
    }
    // Affiliation: "expert X from King's College in London", "spokesman of the Interior Ministry".
    let mut core_to = to;
    for k in a + 1..to {
        if matches!(
            s.lower(k),
            "from" | "at" | "of" | "for" | "vom" | "am" | "beim"
        ) && (PERSON_HEADS.contains(&s.lower(k - 1))
            || (s.nameish(k - 1)
                && s.lower(k) != "for"
                && person_before(s, a, k)
                && looks_personal(s, name_run_start(s, a, k), k)))
        {
            let mut b = k + 1;
            while b < to && (DETERMINERS.contains(&s.lower(b)) || s.lower(b) == "(") {
                if s.lower(b) == "(" {
                    b = (b..to).find(|&j| s.lower(j) == ")").map_or(to, |c| c + 1);
                } else {
                    b += 1;
                }
            }
            // ("of the independent Thornbury Centre": past an adjective.)
            for extra in 1..=2 {
                if b + extra < to
                    && (b..b + extra).all(|j| s.word(j) && !s.capitalised(j))
                    && s.nameish(b + extra)
                {
                    b += extra;
                    break;
                }
            }
            // "Secretary of State Marco Rubio", "Minister of Defence John Smith": a capitalised
            // title with its department, then the person's name, not an affiliation.
            if s.capitalised(k - 1) && PERSON_HEADS.contains(&s.lower(k - 1)) {
                let mut j = k + 1;
                while j < to && j < k + 4 && DEPARTMENTS.contains(&s.lower(j)) {
                    j += 1;
                }
                let department = (k + 1..j).any(|q| s.lower(q) != "the");
                if department && j < to && (j..to).all(|q| s.nameish(q)) {
                    source.role = Some(s.phrase(a, j));
                    source.name = Some(s.phrase(j, to));
                    return (source, true);
                }
            }
            if b < to && s.nameish(b) {
                source.affiliation = Some(s.phrase(b, to));
                core_to = k;
                break;
            }
            // "Lena Marsh of the institute": the institution named in full before (else only
            // the person).
            if b + 1 == to && s.lower(b - 1) == "the" && INSTITUTION_NOUNS.contains(&s.lower(b)) {
                source.affiliation = earlier_institution(s.text, s.toks[a].start, s.lower(b));
                core_to = k;
                break;
            }
        }
    }
    // A name at the end: the mention when there is one, else the capitalised run.
    let span = Span::new(s.toks[a].start, s.toks[core_to - 1].end);
    let mention = names
        .iter()
        .filter(|m| {
            matches!(
                m.label.as_str(),
                "PERSON" | "ORG" | "GROUP" | "NORP" | "GPE"
            )
        })
        .filter(|m| m.span.start >= span.start && m.span.end == span.end)
        .min_by_key(|m| m.span.start);
    let head = s.lower(core_to - 1).to_string();
    let name_from = match mention {
        Some(m) => s.toks[a..core_to]
            .iter()
            .position(|t| t.start >= m.span.start)
            .map(|p| a + p),
        None => {
            let mut k = core_to;
            while k > a {
                let connector = k - 1 > a
                    && k < core_to
                    && matches!(s.lower(k - 1), "of" | "for" | "and" | "on" | "&")
                    && s.nameish(k - 2);
                if !(s.nameish(k - 1) || connector) {
                    break;
                }
                k -= 1;
            }
            (k < core_to).then_some(k)
        }
    };
    // German capitalises the role: "die Analystin Frieda Nebelhorn" is the analyst.
    let name_from = name_from.map(|nf| {
        if nf + 1 < core_to && s.capitalised(nf) && PERSON_HEADS.contains(&s.lower(nf)) {
            nf + 1
        } else {
            nf
        }
    });
    let all_lower_vocab = (a..core_to).all(|k| !s.nameish(k));
    if let Some(nf) =
        name_from.filter(|_| !PERSON_HEADS.contains(&head.as_str()) || mention.is_some())
    {
        let name = strip_the(&s.phrase(nf, core_to));
        let role_words: Vec<usize> = (a..nf).filter(|&k| s.word(k)).collect();
        let person_role = role_words
            .iter()
            .any(|&k| PERSON_HEADS.contains(&s.lower(k)));
        let person = person_role
            || mention.is_some_and(|m| m.label == "PERSON")
            || (nf + 1 < core_to
                && !BODY_HEADS.contains(&head.as_str())
                && mention.is_none()
                && looks_personal(s, nf, core_to));
        if person_role && nf > a {
            source.role = Some(lower_first_if_vocab(s, a, nf));
            source.name = Some(expand_surname(&name, found, &mut source));
        } else if nf > a && !person_role {
            // "Amaq news agency" is caught below; here e.g. "German police" or "U.S. Central Command".
            source.name = Some(strip_the(&s.phrase(a, core_to)));
        } else {
            source.name = Some(expand_surname(&name, found, &mut source));
        }
        if BODY_HEADS.contains(&head.as_str()) {
            source.name = Some(common_lower(s, a, core_to));
            source.role = None;
            return (source, false);
        }
        return (source, person);
    }
    if BODY_HEADS.contains(&head.as_str()) {
        let text = s.phrase(a, core_to);
        if matches!(
            head.as_str(),
            "group" | "organisation" | "organization" | "movement"
        ) && core_to - a == 1
        {
            // "the group": the group the anaphora resolution found for it, else the most
            // recent group mention, else organisation.
            let before = s.toks[a].start;
            let resolved = names.iter().find(|m| {
                m.label == GROUP_REFERENCE && m.span.start <= before && m.span.end >= s.toks[a].end
            });
            if let Some(m) = resolved {
                source.name = Some(strip_the(&m.text));
                return (source, false);
            }
            let last = |label: &str| {
                names
                    .iter()
                    .rev()
                    .find(|m| m.label == label && m.span.end <= before)
            };
            if let Some(m) = last("GROUP").or_else(|| last("ORG")) {
                source.name = Some(strip_the(&m.text));
                return (source, false);
            }
            source.role = Some(text.to_lowercase());
            return (source, false);
        }
        let _ = text;
        source.name = Some(common_lower(s, a, core_to));
        return (source, false);
    }
    let role = lower_first_if_vocab(s, a, core_to);
    let person = PERSON_HEADS.contains(&head.as_str());
    source.anonymous = indefinite && person && !head.ends_with('s')
        || (!person
            && all_lower_vocab
            && !MODIFIERS.contains(&head.as_str())
            && !s.vocab(core_to - 1));
    if !person && all_lower_vocab && (a..core_to).all(|k| !s.vocab(k)) {
        // "initial findings", "the investigation": no identifiable source.
        source.anonymous = true;
    }
    source.role = Some(role);
    (source, person)
}

/// The phrase, lowercased when it is only common words ("Police" at the start of a sentence).
fn common_lower(s: &Sent, from: usize, to: usize) -> String {
    let text = strip_the(&s.phrase(from, to));
    let common = (from..to).all(|k| !s.word(k) || s.vocab(k))
        && (from..to).all(|k| {
            !s.capitalised(k)
                || (k == from && from == 0 && s.raw(k).chars().skip(1).all(char::is_lowercase))
        });
    if common {
        text.to_lowercase()
    } else {
        text
    }
}

/// Where the run of name words ending before `k` starts (not before `a`).
fn name_run_start(s: &Sent, a: usize, k: usize) -> usize {
    let mut j = k;
    while j > a && s.nameish(j - 1) {
        j -= 1;
    }
    j
}

fn person_before(s: &Sent, a: usize, k: usize) -> bool {
    (a..k).any(|j| PERSON_HEADS.contains(&s.lower(j)))
        || (k >= a + 2 && (a..k).all(|j| s.nameish(j)))
}

/// Two or more capitalised words without a body head look like a person's name.
fn looks_personal(s: &Sent, from: usize, to: usize) -> bool {
    (from..to).all(|k| s.nameish(k) && !s.raw(k).chars().all(|c| c.is_uppercase() || c == '.'))
        && (from..to).all(|k| {
            !matches!(
                s.lower(k),
                "institute" | "university" | "college" | "agency"
            )
        })
}

/// "Giustozzi" after "Antonio Giustozzi" was a source: the full name (and affiliation).
fn expand_surname(name: &str, found: &[Found], source: &mut Source) -> String {
    if name.contains(' ') {
        return name.to_string();
    }
    let suffix = format!(" {name}");
    if let Some(f) = found.iter().rev().find(|f| {
        f.person
            && f.att
                .source
                .name
                .as_deref()
                .is_some_and(|n| n.ends_with(&suffix))
    }) {
        if source.affiliation.is_none() {
            source.affiliation.clone_from(&f.att.source.affiliation);
        }
        return f.att.source.name.clone().unwrap_or_default();
    }
    name.to_string()
}

fn strip_the(s: &str) -> String {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .to_string()
}

/// The phrase with a sentence-initial capital lowered when its first word is a common noun (but
/// not in a title written in capitals throughout: "Prime Minister", "Interior Minister").
fn lower_first_if_vocab(s: &Sent, from: usize, to: usize) -> String {
    let text = s.phrase(from, to);
    let title = from + 1 < to && {
        let next = s.raw(from + 1);
        next.chars().count() > 1
            && next.chars().next().is_some_and(char::is_uppercase)
            && next.chars().skip(1).all(char::is_lowercase)
    };
    if s.capitalised(from) && (s.vocab(from) || from == 0) && !title {
        let mut c = text.chars();
        if let Some(f) = c.next() {
            if s.raw(from).chars().skip(1).all(|c| c.is_lowercase()) {
                return f.to_lowercase().chain(c).collect();
            }
        }
    }
    text
}

/// Medium in `[from, to)`: "on X", "in a statement (on Telegram)", "in his essay “Title”".
fn medium_in(s: &Sent, from: usize, to: usize) -> (Option<String>, Option<String>) {
    let to = to.min(s.toks.len());
    let mut k = from;
    while k < to {
        let l = s.lower(k);
        if l == "on" && k + 1 < to && !s.in_timex[k + 1] {
            let mut j = k + 1;
            let det = matches!(s.lower(j), "its" | "his" | "her" | "their" | "the");
            if det {
                j += 1;
            }
            let start = j;
            while j < to
                && (s.nameish(j)
                    || (j == start
                        && matches!(s.lower(j), "x" | "social" | "website" | "telegram")))
            {
                j += 1;
            }
            if j == start && matches!(s.lower(start), "social" | "website") {
                j = start + 1 + usize::from(s.lower(start + 1) == "media");
            }
            if j > start && !s.in_timex[start] && !NOT_NAMES.contains(&s.lower(start)) {
                return (Some(s.phrase(if det { k + 1 } else { start }, j)), None);
            }
        }
        if matches!(l, "in" | "im") && k + 2 < to + 1 {
            let mut j = k + 1;
            if matches!(
                s.lower(j),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "einer" | "seinem" | "ihrem"
            ) {
                j += 1;
            }
            while j < to
                && s.word(j)
                && !MEDIUM_NOUNS.contains(&s.lower(j))
                && j < k + 4
                && !s.in_timex[j]
                && s.lower(j) != "on"
            {
                j += 1;
            }
            if j < to && MEDIUM_NOUNS.contains(&s.lower(j)) {
                let noun = s.lower(j).to_string();
                // A quoted title right after.
                if let Some((a, b)) = opens_title(s, j + 1) {
                    return (Some(s.phrase(a, b)), Some(noun));
                }
                let mut e = j + 1;
                if matches!(s.lower(e), "on" | "with" | "to") && s.nameish(e + 1) {
                    e += 2;
                    while e < to && s.nameish(e) {
                        e += 1;
                    }
                } else if matches!(s.lower(e), "with" | "to")
                    && s.lower(e + 1) == "the"
                    && s.nameish(e + 2)
                {
                    e += 3;
                    while e < to && s.nameish(e) {
                        e += 1;
                    }
                }
                return (Some(s.phrase(j, e)), Some(noun));
            }
        }
        k += 1;
    }
    (None, None)
}

/// A quoted title opening at token `k`: the token range inside the quotes.
fn opens_title(s: &Sent, k: usize) -> Option<(usize, usize)> {
    let open = s.lower(k);
    if !matches!(open, "“" | "\"" | "„" | "«") {
        return None;
    }
    let close = (k + 1..s.toks.len()).find(|&j| matches!(s.lower(j), "”" | "\"" | "“" | "»"))?;
    // A title, not a quotation: starts with a capital and has no full stop inside.
    (close > k + 1
        && s.capitalised(k + 1)
        && !(k + 1..close).any(|j| matches!(s.lower(j), "." | "!" | "?")))
    .then_some((k + 1, close))
}

/// "told Reuters", "told The Associated Press".
fn told_medium(s: &Sent, cue_from: usize, cue_to: usize, to: usize) -> Option<String> {
    if !matches!(s.lower(cue_from), "told" | "tells") {
        return None;
    }
    let mut j = cue_to;
    let start = j;
    if s.lower(j) == "the" && s.nameish(j + 1) {
        j += 1;
    }
    let name_start = j;
    while j < to && s.nameish(j) {
        j += 1;
    }
    (j > name_start).then(|| strip_the(&s.phrase(start, j)))
}

/// "In the essay, …" / "In his essay, …" at the start of the sentence: the medium noun.
fn leading_medium(s: &Sent) -> Option<String> {
    if s.lower(0) != "in" {
        return None;
    }
    let mut j = 1;
    if matches!(
        s.lower(j),
        "the" | "his" | "her" | "its" | "their" | "this" | "that"
    ) {
        j += 1;
    }
    let noun = s.lower(j);
    (MEDIUM_NOUNS.contains(&noun) && s.lower(j + 1) == ",").then(|| noun.to_string())
}

/// Quotation spans (byte ranges between opening and closing marks, marks included).
fn quotations(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        match c {
            '“' | '„' | '«' => open = Some(i),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    out.push(Span::new(o, i + c.len_utf8()));
                }
            }
            '"' => match straight.take() {
                Some(o) => out.push(Span::new(o, i + 1)),
                None => {
                    let prev_ok = n == 0 || !chars[n - 1].1.is_alphanumeric();
                    if prev_ok {
                        straight = Some(i);
                    }
                }
            },
            '\n' if chars.get(n + 1).is_some_and(|&(_, d)| d == '\n') => {
                open = None;
                straight = None;
            }
            _ => {}
        }
    }
    out
}

/// Copies of a quotation's attribution for the quoted sentences without their own.
fn spread_quotes(text: &str, sentences: &[Sentence], atts: &mut Vec<Attribution>) {
    let sentence_of = |pos: usize| {
        sentences
            .iter()
            .position(|s| s.span.start <= pos && pos < s.span.end.max(s.span.start + 1))
    };
    let mut extra = Vec::new();
    for q in quotations(text) {
        let (Some(first), Some(last)) =
            (sentence_of(q.start), sentence_of(q.end.saturating_sub(1)))
        else {
            continue;
        };
        if first == last {
            continue;
        }
        // The attribution after the closing mark in the last sentence, or before the opening
        // mark in the first one.
        let governing = atts
            .iter()
            .find(|a| a.sentence == last && a.cue_span.start >= q.end)
            .or_else(|| {
                atts.iter()
                    .find(|a| a.sentence == first && a.cue_span.end <= q.start)
            })
            .cloned();
        let Some(g) = governing else {
            continue;
        };
        for k in first..=last {
            if !atts.iter().any(|a| a.sentence == k)
                && !extra.iter().any(|a: &Attribution| a.sentence == k)
            {
                let mut copy = g.clone();
                copy.sentence = k;
                extra.push(copy);
            }
        }
    }
    atts.extend(extra);
    atts.sort_by_key(|a| (a.sentence, a.cue_span.start));
}
