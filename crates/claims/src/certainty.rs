//! Certainty cues: hedges, negations, denials, claims of responsibility, plans, hypotheses and
//! estimates in the clause around a statement, and how they combine into one `Certainty`.
//!
//! A cue applies only inside the clause of its focus (the event trigger or statement span): the
//! clause ends at the sentence, at semicolons, colons and dashes, at "but", "while", "although",
//! "though", "whereas", at ", and", and at relative pronouns ("who", "which", "where"), so that in
//! "two men were arrested in Gera, who are said to have planned an attack" the arrest stays a stated
//! fact and only the plan is alleged. Cues are read from tables of English words, with a few German
//! equivalents ("soll … geplant haben", "mutmaßlich", "angeblich", "nach ersten Erkenntnissen").
//!
//! Some cues speak about a part of the clause only:
//! - "suspected" and "alleged" before a person noun ("suspected supporters", "alleged attacker")
//!   hedge that noun phrase, not the clause: they apply only when the focus lies inside it;
//! - a negated claim or a denial of involvement ("no group has claimed responsibility for the
//!   attack", "denied any involvement in the attack") says nothing about the attack itself: for a
//!   focus after it, neither the negation nor the claim applies;
//! - "foiled" and "thwarted" make the attack they govern a plan, but not the foiling itself.

use dossier_core::claims::Certainty;
use dossier_core::span::Span;
use serde::Serialize;

/// One certainty cue: where it is, its words and the certainty it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    pub span: Span,
    pub text: String,
    pub certainty: Certainty,
}

/// One token: a word (letters and digits, with inner apostrophes, hyphens and dots) or a single
/// punctuation character. `lower` is lowercased with ’ folded to '.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub word: bool,
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐')
}

/// Tokens of `text[span]` (the span clamped to the text and to char boundaries).
pub(crate) fn tokens(text: &str, span: Span) -> Vec<Token> {
    let (from, to) = clamp(text, span);
    let slice = &text[from..to];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if joiner(d) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                    j += 2;
                } else {
                    break;
                }
            }
            // "U.S." keeps its last dot.
            if j < chars.len() && chars[j].1 == '.' && chars[i..j].iter().any(|&(_, d)| d == '.') {
                j += 1;
            }
            let end = if j < chars.len() {
                chars[j].0
            } else {
                slice.len()
            };
            let word = &slice[pos..end];
            out.push(Token {
                start: from + pos,
                end: from + end,
                lower: word.to_lowercase().replace('’', "'"),
                word: true,
            });
            i = j;
        } else {
            let end = pos + c.len_utf8();
            out.push(Token {
                start: from + pos,
                end: from + end,
                lower: c.to_string(),
                word: false,
            });
            i += 1;
        }
    }
    out
}

/// `span` clamped into `text` and moved onto char boundaries (start down, end down).
pub(crate) fn clamp(text: &str, span: Span) -> (usize, usize) {
    let mut to = span.end.min(text.len());
    while to > 0 && !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut from = span.start.min(to);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    (from, to)
}

/// What a table entry needs beyond matching its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    /// "suspected"/"alleged": before a person noun it hedges that noun phrase only.
    Adjective,
    /// Needs a form of "be" before it ("are said to").
    AfterBe,
    /// Does not apply to a focus inside the cue ("foiled").
    NotSelf,
    /// A negation: dropped before "only", "just", "least", "merely".
    Negation,
    /// A claim of responsibility (a negation before it makes it void for later foci).
    Claim,
    /// A denial of involvement: says nothing about a focus after it.
    DenyInvolvement,
    /// "soll"/"sollen": alleged only with "haben"/"sein" later in the clause.
    Soll,
    /// "may": only lowercase (not the month).
    LowerOnly,
    /// German Konjunktiv I ("habe", "sei"): reported speech, unless "ich" comes before it ("ich
    /// habe" is the indicative).
    Subjunctive,
    /// "possible attack": hedges only a focus within the next three words.
    Modifier,
    /// "instructed ... to carry out an attack": hedges only a focus after it ("arrested ... on
    /// suspicion of considering attacks" leaves the arrest alone).
    Ahead,
    /// A German word that is also an English one ("plant"): only in a clause with no English
    /// function words.
    German,
}

use Certainty as C;

/// Patterns: words separated by spaces, alternatives by '|', a leading '?' makes a word optional.
/// Earlier entries win at the same position.
const TABLE: &[(&str, Certainty, Kind)] = &[
    // Sources that are hedges themselves.
    (
        "according to ?the initial|preliminary|first|early findings|indications|information",
        C::Suspected,
        Kind::Plain,
    ),
    (
        "according to ?the ?initial|preliminary investigation|investigators|prosecutors|indictment|charges|charge|authorities",
        C::Alleged,
        Kind::Plain,
    ),
    ("according to ?the estimates|estimate", C::Estimated, Kind::Plain),
    ("nach ersten erkenntnissen|informationen", C::Suspected, Kind::Plain),
    ("nach bisherigen erkenntnissen|ermittlungen", C::Suspected, Kind::Plain),
    ("nach angaben der ermittler", C::Alleged, Kind::Plain),
    // Claims of responsibility.
    (
        "claimed|claims|claim|claiming responsibility|credit",
        C::Claimed,
        Kind::Claim,
    ),
    (
        "claimed|claims|claiming ?the|this|that|friday's|monday's|tuesday's|wednesday's|thursday's|saturday's|sunday's attack|attacks|bombing|bombings|assault|shooting|killing|killings|massacre|operation|hijacking|abduction|kidnapping",
        C::Claimed,
        Kind::Claim,
    ),
    ("took|take|takes|taking responsibility|credit", C::Claimed, Kind::Claim),
    // "The Islamic State group claimed on Monday that its fighters had captured the town": what
    // the group says its fighters did is its claim.
    (
        "claimed|claims ?on ?monday|tuesday|wednesday|thursday|friday|saturday|sunday that its|their fighters|members|militants|men|mujahideen",
        C::Claimed,
        Kind::Plain,
    ),
    ("claim|claims of responsibility", C::Claimed, Kind::Claim),
    ("responsibility was|has|had ?been claimed", C::Claimed, Kind::Claim),
    ("bekannte|bekennt|bekannten sich", C::Claimed, Kind::Claim),
    ("reklamierte|reklamiert", C::Claimed, Kind::Claim),
    // Denials.
    (
        "denied|denies|deny|denying ?any|all involvement|responsibility|role|link|links|part|participation",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    // "denied that it was behind the bombing", "said it was not involved in the attack", "had
    // nothing to do with": the group's part is denied, not the attack.
    (
        "denied|denies|deny|denying ?that it|they|he|she was|were|is|are|had ?been involved|behind|responsible",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    (
        "denied|denies|deny|denying ?that the group|militants|organisation|organization was|were|is|are|had ?been involved|behind|responsible",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    (
        "said|says|insisted|insists ?that it|they was|were|is|are|had not ?been involved|behind|responsible",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    ("had|has|have nothing to do with", C::Denied, Kind::DenyInvolvement),
    // "retracted the claim", "distanced the group from the attack": a claim taken back.
    (
        "retracted|withdrew|withdrawn ?the|its claim",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    (
        "distanced|distances itself|themselves from",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    (
        "distanced|distances the group|organisation|organization from",
        C::Denied,
        Kind::DenyInvolvement,
    ),
    ("denied|denies|deny|denying|refuted|refutes", C::Denied, Kind::Plain),
    (
        "disputed|disputes|questioned|questions ?the|that|this|its|their claim|claims",
        C::Denied,
        Kind::Plain,
    ),
    ("cast|casts doubt on", C::Denied, Kind::Plain),
    (
        "rejected|rejects|dismissed|dismisses ?the ?these|those|such claims|claim|allegations|allegation|reports|accusations|accusation",
        C::Denied,
        Kind::Plain,
    ),
    ("bestritt|bestreitet|bestritten|dementierte|dementiert", C::Denied, Kind::Plain),
    // Allegations.
    ("said|reported|alleged|rumoured|rumored to", C::Alleged, Kind::AfterBe),
    (
        "allegedly|alleged|reportedly|purportedly|supposedly|ostensibly",
        C::Alleged,
        Kind::Adjective,
    ),
    ("accused|accuses|accusing of", C::Alleged, Kind::Ahead),
    // "charged on Friday with planning an attack": what the charge says is alleged.
    (
        "charged|indicted ?on ?monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today with",
        C::Alleged,
        Kind::Ahead,
    ),
    // "pleaded not guilty to planning an attack": the charge stays an allegation (the "not" is
    // the plea's, no negation of the plot).
    (
        "pleaded|pleads|plead|pleading not guilty ?on ?monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today to|of",
        C::Alleged,
        Kind::Ahead,
    ),
    // "was acquitted on Wednesday of planning an attack", "cleared of plotting": the court
    // rejects the allegation.
    (
        "acquitted|acquits|cleared ?on ?monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today of",
        C::Denied,
        Kind::Ahead,
    ),
    ("unconfirmed|unverified", C::Alleged, Kind::Plain),
    // "Reports that he had been killed were never confirmed": unconfirmed, not untrue.
    (
        "never|not ?been ?independently confirmed|verified",
        C::Alleged,
        Kind::Plain,
    ),
    // "Some member states believed he had been killed": an opinion.
    ("believed|believes|believe", C::Suspected, Kind::Plain),
    ("angeblich|angebliche|angeblichen|angeblicher", C::Alleged, Kind::Plain),
    ("soll|sollen|sollte|sollten", C::Alleged, Kind::Soll),
    // Reported speech in German: "Im Sommer 2023 habe er den Auftrag bekommen", "der Mann sei
    // bewaffnet gewesen" (what someone said, in the mood of reported speech).
    (
        "habe|sei|seien|könne|müsse|dürfe|wolle|werde|gebe|wisse",
        C::Reported,
        Kind::Subjunctive,
    ),
    // Suspicion.
    ("suspected|suspect of", C::Suspected, Kind::Plain),
    // "US officials suspect that ISGS carried out the ambush".
    ("suspect|suspects that", C::Suspected, Kind::Plain),
    ("suspected", C::Suspected, Kind::Adjective),
    ("believed|thought|assumed|presumed|understood to", C::Suspected, Kind::Plain),
    ("is|are|was|were believed|suspected|assumed", C::Suspected, Kind::Plain),
    (
        "presumably|probably|likely|unlikely|apparently|seemingly",
        C::Suspected,
        Kind::Plain,
    ),
    ("appears|appeared|seems|seemed to", C::Suspected, Kind::Plain),
    // "the choice of target suggested the PKK was behind the assault": an inference ("intercepted
    // communications indicated that ISKP had carried out the attack" is evidence, not a hedge).
    (
        "suggested|suggests|suggesting ?that",
        C::Suspected,
        Kind::Plain,
    ),
    (
        "mutmaßlich|mutmaßliche|mutmaßlichen|mutmaßlicher|vermutlich|wahrscheinlich",
        C::Suspected,
        Kind::Adjective,
    ),
    ("verdächtigt|verdacht", C::Suspected, Kind::Plain),
    // "held on suspicion of planning a gun attack": the plot is suspected, the detention not.
    ("on|under suspicion of", C::Suspected, Kind::Ahead),
    // Estimates.
    (
        "varies|vary|varied|varying|ranges|range|ranged|ranging between|from",
        C::Estimated,
        Kind::Plain,
    ),
    (
        "estimated|estimates|estimate|estimating|estimation",
        C::Estimated,
        Kind::Plain,
    ),
    ("schätzungsweise|geschätzt|geschätzte|schätzungen", C::Estimated, Kind::Plain),
    // Plans.
    (
        "wanted|wants|intended|intends|intending|planned|plans|planning|plotted|plotting|sought|seeking|aimed|threatened|threatening|prepared|preparing to",
        C::Planned,
        Kind::Plain,
    ),
    ("was|were|is|are|had|has|have|been preparing", C::Planned, Kind::Plain),
    // "was instructed by the group to carry out an attack", "considering attacks": an attack
    // that was asked for or weighed, not one that happened.
    ("instructed|tasked|commissioned", C::Planned, Kind::Ahead),
    // ("ordered" is left out: judges order detentions.)
    ("told|urged|directed|encouraged|called on to", C::Planned, Kind::Ahead),
    ("considering|contemplating|weighing", C::Planned, Kind::Ahead),
    ("auftrag|beauftragt|aufgefordert|erwogen|erwog", C::Planned, Kind::Ahead),
    ("planned|planning|plotting|plotted|plot|plots", C::Planned, Kind::Plain),
    // "plans by an Islamist group to attack the cathedral".
    ("plans|plan", C::Planned, Kind::Ahead),
    ("foiled|thwarted|prevented|averted|disrupted", C::Planned, Kind::NotSelf),
    ("will|shall", C::Planned, Kind::LowerOnly),
    (
        "geplant|geplanten|geplanter|plante|planten|planen|wollte|wollten|vereitelt",
        C::Planned,
        Kind::Plain,
    ),
    // German "plant" ("Die Gruppe plant einen Anschlag"), not the English noun ("stormed the
    // gas plant").
    ("plant", C::Planned, Kind::German),
    // Negation.
    // "there was no intelligence suggesting an attack was being planned": what follows is
    // denied, across the clause it opens.
    (
        "no intelligence|evidence|indication|indications|sign|signs|suggestion|information",
        C::Negated,
        Kind::Ahead,
    ),
    ("no one|longer", C::Negated, Kind::Negation),
    (
        "not|never|no|nobody|none|neither|nor|cannot|hardly|nothing|nowhere",
        C::Negated,
        Kind::Negation,
    ),
    (
        "didn't|doesn't|don't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|couldn't|can't|shouldn't",
        C::Negated,
        Kind::Negation,
    ),
    ("failed to", C::Negated, Kind::Plain),
    (
        "nicht|kein|keine|keinen|keiner|keinem|nie|niemals|niemand",
        C::Negated,
        Kind::Negation,
    ),
    // Hypotheses.
    (
        "could|might|would|if|possibly|perhaps|maybe|potentially|whether|unless",
        C::Hypothetical,
        Kind::Plain,
    ),
    ("may", C::Hypothetical, Kind::LowerOnly),
    // "a few dozen people are enough for a mass-casualty attack": what would suffice.
    ("enough for|to", C::Hypothetical, Kind::Ahead),
    ("könnte|könnten|würde|würden|falls|möglicherweise|ob", C::Hypothetical, Kind::Plain),
    (
        "possible|potential|mögliche|möglichen|möglicher|mögliches|möglichem",
        C::Hypothetical,
        Kind::Modifier,
    ),
];

/// Person nouns after which "suspected"/"alleged" hedge the noun phrase only.
const PERSON_NOUNS: &[&str] = &[
    "supporter",
    "supporters",
    "member",
    "members",
    "militant",
    "militants",
    "terrorist",
    "terrorists",
    "attacker",
    "attackers",
    "perpetrator",
    "perpetrators",
    "islamist",
    "islamists",
    "jihadist",
    "jihadists",
    "man",
    "men",
    "woman",
    "women",
    "bomber",
    "bombers",
    "gunman",
    "gunmen",
    "shooter",
    "shooters",
    "killer",
    "killers",
    "mastermind",
    "leader",
    "leaders",
    "fighter",
    "fighters",
    "cell",
    "cells",
    "accomplice",
    "accomplices",
    "recruiter",
    "recruiters",
    "financier",
    "financiers",
    "sympathiser",
    "sympathisers",
    "sympathizer",
    "sympathizers",
    "operative",
    "operatives",
    "commander",
    "commanders",
    "plotter",
    "plotters",
    "teenager",
    "teenagers",
    "suspect",
    "suspects",
    "affiliate",
    "affiliates",
    "täter",
    "terroristen",
    "islamisten",
    "unterstützer",
    "anhänger",
    "mitglieder",
    "mitglied",
];

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

// ("killed 32 people, not counting the three suicide bombers": an exclusion, no negation.)
const NOT_NEGATING: &[&str] = &[
    "only",
    "just",
    "least",
    "merely",
    "to",
    "later",
    "far",
    "counting",
    "including",
];

fn word_matches(lower: &str, alternatives: &str) -> bool {
    alternatives.split('|').any(|a| a == lower)
}

/// Length in tokens of a match of `pattern` at `at`, if it matches.
fn match_at(toks: &[Token], at: usize, pattern: &str) -> Option<usize> {
    let mut i = at;
    for part in pattern.split(' ') {
        let (optional, alts) = match part.strip_prefix('?') {
            Some(rest) => (true, rest),
            None => (false, part),
        };
        match toks.get(i) {
            Some(t) if t.word && word_matches(&t.lower, alts) => i += 1,
            _ if optional => {}
            _ => return None,
        }
    }
    (i > at).then_some(i - at)
}

fn is_boundary_word(lower: &str) -> bool {
    matches!(
        lower,
        "but" | "while" | "although" | "though" | "whereas" | "aber" | "während" | "obwohl"
    )
}

fn is_relative(lower: &str) -> bool {
    matches!(lower, "who" | "which" | "where" | "whom" | "whose")
}

fn is_boundary_punct(lower: &str) -> bool {
    matches!(lower, ";" | ":" | "–" | "—" | "-" | "―")
}

/// Token range `[from, to)` of the clause holding the focus tokens `[first, last]`.
fn clause(toks: &[Token], first: usize, last: usize) -> (usize, usize) {
    let mut from = 0;
    let mut i = first;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if (!t.word && is_boundary_punct(&t.lower)) || (t.word && is_boundary_word(&t.lower)) {
            from = i + 1;
            break;
        }
        if t.word && is_relative(&t.lower) {
            from = i;
            break;
        }
        if t.word && t.lower == "and" && i > 0 && toks[i - 1].lower == "," {
            from = i + 1;
            break;
        }
    }
    let mut to = toks.len();
    for (j, t) in toks.iter().enumerate().skip(last + 1) {
        let stop = if t.word {
            is_boundary_word(&t.lower)
                || is_relative(&t.lower)
                || (t.lower == "and" && toks[j - 1].lower == ",")
                // ", reversing its earlier view that others may have helped him": a participle
                // clause of its own.
                || (toks[j - 1].lower == ","
                    && t.lower.len() > 5
                    && t.lower.ends_with("ing")
                    && t.lower.chars().all(char::is_alphabetic)
                    && !matches!(
                        t.lower.as_str(),
                        "according"
                            | "including"
                            | "during"
                            | "following"
                            | "regarding"
                            | "concerning"
                            | "citing"
                            | "quoting"
                            | "pending"
                    ))
        } else {
            is_boundary_punct(&t.lower)
        };
        if stop {
            to = j;
            break;
        }
    }
    (from, to)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    (a.0 < b.1 && b.0 < a.1) || (a.0 == a.1 && b.0 <= a.0 && a.0 < b.1)
}

/// Hedge, negation, claim, plan and hypothesis cues in the clause of `sentence` around `focus`
/// (the event trigger or statement span).
pub fn cues(text: &str, sentence: Span, focus: Span) -> Vec<Cue> {
    let toks = tokens(text, sentence);
    if toks.is_empty() {
        return Vec::new();
    }
    let (fs, fe) = clamp(text, focus);
    let focus_range = (fs, fe.max(fs));
    // Focus tokens: those overlapping the focus, else the token at or after its start.
    let mut first = None;
    let mut last = None;
    for (i, t) in toks.iter().enumerate() {
        if overlaps((t.start, t.end), focus_range) {
            first.get_or_insert(i);
            last = Some(i);
        }
    }
    let (first, last) = match (first, last) {
        (Some(f), Some(l)) => (f, l),
        _ => {
            let i = toks
                .iter()
                .position(|t| t.start >= fs)
                .unwrap_or(toks.len() - 1);
            (i, i)
        }
    };
    let (from, to) = clause(&toks, first, last);
    let window = &toks[from..to];

    struct Found {
        start: usize,
        end: usize,
        certainty: Certainty,
        kind: Kind,
        tok: usize,
    }
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < window.len() {
        let mut step = 1;
        for &(pattern, certainty, kind) in TABLE {
            let Some(n) = match_at(window, i, pattern) else {
                continue;
            };
            let t0 = &window[i];
            let tn = &window[i + n - 1];
            let ok = match kind {
                Kind::AfterBe => i > 0 && BE.contains(&window[i - 1].lower.as_str()),
                Kind::Negation => {
                    let next = window.get(i + n).map(|t| t.lower.as_str());
                    // ("pleaded not guilty": the plea's "not".)
                    let plea = i > 0
                        && matches!(
                            window[i - 1].lower.as_str(),
                            "pleaded" | "pleads" | "plead" | "pleading"
                        );
                    // ("were never confirmed", "has not been independently verified": left
                    // unconfirmed, not denied.)
                    let unconfirmed = (1..=3).any(|k| {
                        window
                            .get(i + n - 1 + k)
                            .is_some_and(|t| matches!(t.lower.as_str(), "confirmed" | "verified"))
                    });
                    let skip = plea
                        || unconfirmed
                        || n == 1
                            && (next.is_some_and(|w| NOT_NEGATING.contains(&w))
                                || (t0.lower == "no"
                                    && !window.get(i + 1).is_some_and(|t| {
                                        t.word && t.lower.chars().all(char::is_alphabetic)
                                    })));
                    !skip
                }
                Kind::Subjunctive => i == 0 || window[i - 1].lower != "ich",
                Kind::German => !window.iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "the" | "a" | "of" | "and" | "on" | "near" | "at" | "was" | "is"
                    )
                }),
                Kind::LowerOnly => text
                    .get(t0.start..t0.end)
                    .is_some_and(|w| w.chars().all(|c| c.is_lowercase())),
                // "soll ... geplant haben", and in a subordinate clause "geplant haben sollen".
                Kind::Soll => {
                    // (Also "soll hinter dem Anschlag stecken", "soll der Gruppe angehören":
                    // what someone is said to be, in the present.)
                    let hedge = |t: &&Token| {
                        matches!(
                            t.lower.as_str(),
                            "haben"
                                | "sein"
                                | "hatten"
                                | "gewesen"
                                | "stecken"
                                | "angehören"
                                | "gehören"
                                | "unterstützen"
                                | "verantworten"
                                | "planen"
                        )
                    };
                    window[i + n..].iter().any(|t| hedge(&t))
                        || window[i.saturating_sub(2)..i].iter().any(|t| hedge(&t))
                }
                _ => true,
            };
            if !ok {
                continue;
            }
            found.push(Found {
                start: t0.start,
                end: tn.end,
                certainty,
                kind,
                tok: i,
            });
            step = n;
            break;
        }
        i += step;
    }

    let focus_tok = (toks[first].start, toks[last].end);
    let mut keep = vec![true; found.len()];
    for (k, f) in found.iter().enumerate() {
        match f.kind {
            Kind::Adjective => {
                // "suspected supporters": the hedge belongs to the noun phrase.
                let mut j = f.tok + 1;
                let mut noun_end = None;
                while j < window.len() && j <= f.tok + 3 {
                    let t = &window[j];
                    if !t.word {
                        break;
                    }
                    if PERSON_NOUNS.contains(&t.lower.as_str()) {
                        noun_end = Some(t.end);
                        break;
                    }
                    j += 1;
                }
                if let Some(end) = noun_end {
                    if !(focus_tok.0 >= f.start && focus_tok.1 <= end) {
                        keep[k] = false;
                    }
                }
            }
            Kind::Modifier => {
                // The focus must be the modified noun phrase itself.
                let scope_end = window
                    .get((f.tok + 3).min(window.len() - 1))
                    .map_or(f.end, |t| t.end);
                if !(focus_tok.0 >= f.end && focus_tok.0 < scope_end) {
                    keep[k] = false;
                }
            }
            Kind::Ahead if focus_tok.0 < f.end => {
                keep[k] = false;
            }
            // "they have no known ties to the Somali group, attacked the town": a determiner
            // "no" negates its noun phrase (the next three words), not the clause's verb.
            Kind::Negation if window[f.tok].lower == "no" && f.end == window[f.tok].end => {
                let scope_end = window
                    .get((f.tok + 3).min(window.len() - 1))
                    .map_or(f.end, |t| t.end);
                if !(focus_tok.0 >= f.end && focus_tok.0 < scope_end) {
                    keep[k] = false;
                }
            }
            Kind::NotSelf if overlaps((f.start, f.end), focus_tok) => {
                keep[k] = false;
            }
            Kind::DenyInvolvement if focus_tok.0 >= f.end => {
                keep[k] = false;
            }
            Kind::Claim => {
                // "no group has claimed responsibility for the attack": void for the attack.
                let negated = found[..k].iter().any(|n| {
                    n.kind == Kind::Negation && f.tok.saturating_sub(n.tok) <= 4 && n.tok < f.tok
                });
                if negated && focus_tok.0 >= f.end {
                    keep[k] = false;
                    for (m, n) in found[..k].iter().enumerate() {
                        if n.kind == Kind::Negation && f.tok.saturating_sub(n.tok) <= 4 {
                            keep[m] = false;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    found
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(f, _)| Cue {
            span: Span::new(f.start, f.end),
            text: text[f.start..f.end].to_string(),
            certainty: f.certainty,
        })
        .collect()
}

/// The certainty of a statement: the least certain (highest `Certainty::rank`) of the cues not in
/// `ignore`, else Reported when `attributed`, else Stated.
pub fn combine(cues: &[Cue], attributed: bool, ignore: &[Certainty]) -> Certainty {
    cues.iter()
        .map(|c| c.certainty)
        .filter(|c| !ignore.contains(c))
        .max_by_key(|c| c.rank())
        .unwrap_or(if attributed {
            Certainty::Reported
        } else {
            Certainty::Stated
        })
}
