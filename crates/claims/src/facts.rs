//! Facts about actors, as claims with their source sentence: founded, part of, affiliate of,
//! rival of, ally of, leader of, active in, recruits in, estimates (members, fighters, attacks
//! planned, revenue) and what a name means.

use crate::certainty;
use crate::text::{clause, gap, governed, inside};
use crate::{Actor, Context};
use dossier_core::annotation::TimexType;
use dossier_core::claims::{Certainty, Fact, FactObject, Predicate, Quantity, Source};
use dossier_core::Span;
use regex::Regex;
use std::sync::OnceLock;

fn re(p: &str) -> Option<Regex> {
    Regex::new(p).ok()
}

struct Rules {
    founded: Option<Regex>,
    active: Option<Regex>,
    rival: Option<Regex>,
    part: Option<Regex>,
    ally: Option<Regex>,
    split: Option<Regex>,
    leader: Option<Regex>,
    recruit: Option<Regex>,
    name_meaning: Option<Regex>,
    report_source: Option<Regex>,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules {
        founded: re(r"(?i)\b(?:was|were|had been|has been|been|is) (?:founded|formed|established|created|set up)\b|\bfounded in\b|\bformed in\b|\bgegründet\b"),
        active: re(r"(?i)\b(?:appeared|emerged|active|operates|operating|present|based|entrenched)\s+(?:primarily |mainly |mostly |chiefly |largely )?(?:in|across|throughout)\b"),
        rival: re(r"(?i)\b(?:main |chief |arch-?|bitter |fierce )?(?:rival|rivals|rivalry|enemy|enemies|foe)\b|\bfought against\b|\bfights against\b"),
        part: re(r"(?i)\b(?:offshoot|branch|affiliate|subdivision|wing|subgroup|sub-group|franchise|chapter|faction|Ableger|Zweig)s?\b"),
        split: re(r"(?i)\b(?:split (?:from|off from|with)|broke (?:away|off) from|splintered from|abgespalten von)\b"),
        ally: re(r"(?i)\b(?:allied with|ally of|allies of|alliance with|cooperat(?:es|ing|ed) with)\b"),
        leader: re(
            r"(?i)\b(?:leader|chief|emir|head|commander|successor|secretary[- ]general|(?:led|headed)(?: since (?:\d{4}|[\w ]{3,20}?))? by|(?:had|has|have) (?:led|headed))\b",
        ),
        recruit: re(r"(?i)\brecruit(?:s|ed|ing|ment)?\b|\brekrutier"),
        name_meaning: re(r#"^\s*[“"„‘']?([\p{L}\-]+)[”"“’']?\s+(?:is|was) the name (?:for|of) ([^–—;]+)"#),
        report_source: re(r"\b(?:the )?((?:UN|U\.N\.|United Nations|EU|NATO|[A-Z][a-z]+(?: [A-Z][a-z]+)?) reports?)\b"),
    })
}

/// The group that opens the sentence before `si` ("JNIM was formed in March 2017 through a
/// merger of Ansar Dine, ..."), which "It" in the next sentence refers to; `None` when that
/// sentence opens with something else (the last group named in it is not the subject).
pub(crate) fn opening_subject<'c>(cx: &'c Context, si: usize) -> Option<&'c Actor> {
    let mut prev = cx.sentences.get(si.checked_sub(1)?)?.span;
    // ("LONDON (Reuters) - Islamic State Khorasan Province ... was founded in 2015": past the
    // dateline.)
    if let Some(d) = cx.dateline {
        if d.span.start <= prev.start && prev.start < d.span.end && d.span.end <= prev.end {
            prev = Span::new(d.span.end, prev.end);
        }
    }
    let first = cx
        .actors
        .iter()
        .filter(|a| inside(a.span, prev))
        .min_by_key(|a| a.span.start)?;
    let lead = cx
        .text
        .get(prev.start..first.span.start)?
        .trim_matches(|c: char| c.is_whitespace() || "-–—:".contains(c));
    // ("The Iran-aligned Houthis control ...", "The militant group al-Shabaab ...": descriptors
    // between.)
    let described = lead.split(' ').count() <= 4
        && lead
            .strip_prefix("The ")
            .or_else(|| lead.strip_prefix("the "))
            .is_some_and(|rest| {
                rest.split(' ').all(|w| {
                    w.contains('-') && w.chars().next().is_some_and(char::is_alphabetic)
                        || [
                            "militant",
                            "jihadist",
                            "islamist",
                            "Islamist",
                            "rebel",
                            "armed",
                            "group",
                            "insurgent",
                            "extremist",
                            "terrorist",
                            "militia",
                        ]
                        .contains(&w)
                })
            });
    (first.group && (lead.is_empty() || lead.eq_ignore_ascii_case("the") || described))
        .then_some(first)
}

/// Whether the sentence opens with a person ("Adel is believed to be based in Iran", "He is
/// thought to live in Pakistan") and names no group before `focus`: where the person is, not
/// where the group is active.
fn person_located(cx: &Context, sentence: Span, focus: Span) -> bool {
    let group_before = cx
        .actors
        .iter()
        .any(|a| a.group && inside(a.span, sentence) && a.span.end <= focus.start);
    if group_before {
        return false;
    }
    let lead = cx.text.get(sentence.start..focus.start).unwrap_or("");
    let first = sentence.start + (lead.len() - lead.trim_start().len());
    let pronoun = ["He ", "She "]
        .iter()
        .any(|p| lead.trim_start().starts_with(p));
    // ("Adel": a person's surname, named in full before.)
    let word = lead
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    pronoun
        || cx
            .names
            .iter()
            .any(|n| n.label == "PERSON" && n.span.start == first && n.span.end <= focus.start)
        || word.chars().next().is_some_and(char::is_uppercase)
            && cx.names.iter().any(|n| {
                n.label == "PERSON"
                    && n.span.end <= sentence.start
                    && n.text.split_whitespace().count() > 1
                    && n.text.rsplit([' ', '-']).next() == Some(word)
            })
}

/// The group a sentence is about: the group nearest before `at` in the sentence, else after it,
/// else the most recent group in the previous `back` sentences not named as an object
/// ([`last_subject`]).
fn subject_near<'c>(
    cx: &'c Context,
    si: usize,
    at: Span,
    back: usize,
    exclude: Option<&Actor>,
) -> Option<&'c Actor> {
    let sentence = cx.sentences[si].span;
    let ok = |a: &&Actor| {
        a.group
            && !describes_another(cx.text, a.span)
            && exclude
                .is_none_or(|x| x.entity != a.entity || a.entity.is_none() && x.text != a.text)
    };
    let before = last_subject(
        cx.text,
        cx.actors
            .iter()
            .filter(|a| inside(a.span, sentence) && a.span.end <= at.start)
            .filter(ok),
    );
    if before.is_some() {
        return before;
    }
    let after = cx
        .actors
        .iter()
        .filter(|a| inside(a.span, sentence) && a.span.start >= at.end)
        .find(ok);
    if after.is_some() {
        return after;
    }
    let from = si.saturating_sub(back);
    let lo = cx.sentences[from].span.start;
    // ("The ADF, which is led by X, pledged allegiance to the Islamic State. It operates in
    // Congo": the ADF, not the group it pledged to.)
    last_subject(
        cx.text,
        cx.actors
            .iter()
            .filter(|a| a.span.start >= lo && a.span.end <= sentence.start)
            .filter(ok),
    )
}

/// Whether a group's name describes another ("Jemaah Islamiyah, an al-Qaeda-linked network
/// founded in 1993": the network was founded, not al-Qaeda).
pub(crate) fn describes_another(text: &str, span: Span) -> bool {
    // (The next words only: the longest suffix below is 12 bytes.)
    let mut to = (span.end + 16).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text.get(span.end..to).unwrap_or("").to_lowercase();
    [
        "-linked",
        "-affiliated",
        "-aligned",
        "-allied",
        "-inspired",
        "-backed",
        "-style",
        "-affiliate",
        " linked",
        " affiliate",
        " offshoot",
        "'s affiliate",
        "’s affiliate",
        "'s branch",
        "’s branch",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || part_after(text, span)
        // German: "Die mit al-Qaida verbundene Gruppe JNIM".
        || [
            " verbundene",
            " verbundenen",
            " verbündete",
            " verbündeten",
            " nahestehende",
            " nahestehenden",
            " nahe stehende",
        ]
        .iter()
        .any(|w| after.starts_with(w))
            && crate::text::lower_before(text, span, 12).ends_with("mit")
}

/// "Islamic State group's regional affiliate", "Islamic State's Afghan branch": a group named
/// before a part of it, with a word or two describing the part between.
fn part_after(text: &str, span: Span) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let to = crate::text::floor_boundary(text, (span.end + 48).min(text.len()));
    let Some(after) = text.get(span.end..to.max(span.end)) else {
        return false;
    };
    RE.get_or_init(|| {
        re(r"^(?:['’]s)?(?: group['’]s)?(?: (?:regional|local|new|main|Afghan|Pakistani|Somali|Nigerian|Syrian|Iraqi|Libyan|Sahel|Sahelian|African|Asian|West|East|North|South|Central|Southeast|Southern|Northern|Western|Eastern|Afghanistan|Pakistan|Iraq|Syria)){0,2} (?:affiliate|branch|offshoot|franchise|wing|faction|cell|chapter)s?\b")
    })
    .as_ref()
    .is_some_and(|r| r.is_match(after))
}

/// Whether a run of capitalised words that is no known actor is the subject of the verb right
/// before the figure at `q`: "said National Thowheeth Jama'ath had fewer than 100 members".
fn unknown_name_subject(cx: &Context, sentence: Span, q: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let from = q.start.saturating_sub(90).max(sentence.start);
    let mut from = from;
    while !cx.text.is_char_boundary(from) {
        from += 1;
    }
    let Some(lead) = cx.text.get(from..q.start) else {
        return false;
    };
    let Some(m) = crate::text::cached_regex(
        &RE,
        r"(?:^|\b(?:that|said|says|believes|estimated|estimates) )((?:[A-Z][\w'’-]+ ){1,4})(?:had|has|have|numbered|numbers|counted|counts|fielded|fields)(?: (?:about|around|roughly|some|nearly|almost|fewer than|less than|more than|up to|at least|as many as|between))? ?$",
    )
    .and_then(|re| re.captures(lead))
    .and_then(|c| c.get(1)) else {
        return false;
    };
    let span = Span::new(from + m.start(), from + m.end() - 1);
    // (The article's own capital: "The group had …" names the group told of before.)
    let words = m.as_str().split_whitespace().count();
    words >= 2
        && !m.as_str().starts_with("The ")
        && !m.as_str().starts_with("It ")
        && !cx
            .actors
            .iter()
            .any(|a| a.span.start < span.end && span.start < a.span.end)
}

/// Whether the leader word at `focus` names the one who leads ("the leader of", "its emir",
/// "ISKP chief"), not one of several ("a former commander of al-Mourabitoun", "one of the
/// group's leaders", "a senior leader", "the deputy leader", "a Taliban commander"). A commander
/// leads only as "the commander of" or "the supreme/overall/top commander".
fn the_leader(t: &str, focus: Span) -> bool {
    let word = t[focus.start..focus.end].to_lowercase();
    // ("Abu Bakr al-Baghdadi had led the Islamic State since 2010".)
    if word.ends_with(" by") || word.ends_with(" led") || word.ends_with(" headed") {
        return true;
    }
    let before = t[..focus.start].to_lowercase();
    let mut prev = before
        .split(|c: char| !crate::text::is_word(c))
        .filter(|w| !w.is_empty())
        .rev()
        .take(4);
    let p1 = prev.next().unwrap_or("");
    let p1 = if ["former", "then", "late", "slain"].contains(&p1) {
        prev.next().unwrap_or("")
    } else {
        p1
    };
    const ONE_OF_SEVERAL: &[&str] = &[
        "a",
        "an",
        "another",
        "deputy",
        "senior",
        "local",
        "regional",
        "field",
        "provincial",
        "mid-level",
        "junior",
        "military",
        "two",
        "three",
        "several",
        "many",
        "some",
        "other",
    ];
    if ONE_OF_SEVERAL.contains(&p1) || before.trim_end().ends_with("one of the") {
        return false;
    }
    // "is widely seen as Nasrallah's likely successor", "his heir apparent": one who may lead
    // one day, not one who leads.
    if word.starts_with("successor") {
        const PROSPECTIVE: &[&str] = &[
            "likely",
            "possible",
            "potential",
            "probable",
            "presumptive",
            "presumed",
            "expected",
            "designated",
            "anointed",
            "eventual",
            "future",
            "heir",
        ];
        let clause_before = before.rsplit([',', ';']).next().unwrap_or("");
        if PROSPECTIVE.contains(&p1)
            || [
                "seen as",
                "viewed as",
                "regarded as",
                "considered",
                "tipped",
                "touted",
                "expected to",
                "could ",
                "would ",
                "may ",
                "might ",
            ]
            .iter()
            .any(|w| clause_before.contains(w))
        {
            return false;
        }
    }
    if word.starts_with("commander") {
        let of = t[focus.end..].starts_with(" of ");
        return ["supreme", "overall", "top"].contains(&p1) || (p1 == "the" && of);
    }
    true
}

/// The last of `candidates` not named as an object ([`governed`]: "founded by disaffected
/// members of the Pakistani Taliban and is a bitter rival of the Taliban"), else the last.
fn last_subject<'c>(
    text: &str,
    candidates: impl DoubleEndedIterator<Item = &'c Actor> + Clone,
) -> Option<&'c Actor> {
    candidates
        .clone()
        .rfind(|a| !governed(text, a.span))
        // ("A branch of al-Qaeda was founded in 2014": not al-Qaeda.)
        .or_else(|| {
            candidates
                .last()
                .filter(|a| !crate::text::part_governed(text, a.span))
        })
}

/// The last group of `sentence` that ends before `focus` and is no object ([`governed`]).
fn group_before<'c>(cx: &'c Context, sentence: Span, focus: Span) -> Option<&'c Actor> {
    cx.actors.iter().rfind(|a| {
        a.group
            && inside(a.span, sentence)
            && a.span.end <= focus.start
            && !governed(cx.text, a.span)
    })
}

/// The first group of `sentence` that starts after `focus`.
fn group_after<'c>(cx: &'c Context, sentence: Span, focus: Span) -> Option<&'c Actor> {
    cx.actors
        .iter()
        .find(|a| a.group && inside(a.span, sentence) && a.span.start >= focus.end)
}

fn timex_value(cx: &Context, within: Span, near: Span) -> Option<String> {
    let sentence = cx
        .sentences
        .iter()
        .find(|s| inside(near, s.span))
        .map_or(within, |s| s.span);
    cx.timexes
        .iter()
        .filter(|t| {
            inside(t.span, within) && t.kind == TimexType::Date && !t.value.ends_with("_REF")
        })
        .filter(|t| !crate::text::in_other_relative_clause(cx.text, sentence, t.span, near))
        .min_by_key(|t| gap(t.span, near))
        .map(|t| t.value.clone())
}

/// When a leader leads: a date joined to the leader phrase ("led since 2020 by", "its leader
/// since 2009", "became leader in 2019"), not one of another clause ("Hezbollah, founded in
/// 1982, is led by ...", "JNIM, led by Iyad Ag Ghaly, has been fighting ... since 2016").
fn leader_time(cx: &Context, sentence: Span, focus: Span) -> Option<String> {
    cx.timexes
        .iter()
        .filter(|x| {
            inside(x.span, sentence) && x.kind == TimexType::Date && !x.value.ends_with("_REF")
        })
        .filter(|x| {
            // ("led since 2020 by": inside the phrase.)
            if x.span.start < focus.end && focus.start < x.span.end {
                return true;
            }
            let (a, b) = if x.span.start >= focus.end {
                (focus.end, x.span.start)
            } else {
                (x.span.end, focus.start)
            };
            let Some(between) = cx.text.get(a..b).map(str::to_lowercase) else {
                return false;
            };
            // ("Al-Shabaab on Saturday named Ahmad Umar as its new leader": the naming's day.)
            let naming = x.span.end <= focus.start
                && [
                    "named",
                    "appointed",
                    "chose",
                    "elected",
                    "became",
                    "took over",
                ]
                .iter()
                .any(|w| between.contains(w));
            (gap(x.span, focus) <= 25 || naming)
                && !crate::text::in_other_relative_clause(cx.text, sentence, x.span, focus)
                && !between.contains([',', ';', '('])
                && !["founded", "formed", "established", "created", "emerged"]
                    .iter()
                    .any(|w| between.contains(w))
        })
        .min_by_key(|x| gap(x.span, focus))
        .map(|x| x.value.clone())
}

/// The attribution governing `focus` in sentence `si`: an "according to …" in another clause of
/// the sentence does not govern it.
fn attribution_at<'c>(
    cx: &'c Context,
    si: usize,
    focus: Span,
) -> Option<&'c dossier_core::claims::Attribution> {
    let sentence = cx.sentences[si].span;
    // ("X estimates 7,000 to 12,000 fighters, while Y put the number at about 5,000": each
    // part its source.)
    let a = crate::attribution::for_focus(cx.attributions, si, cx.text, sentence, focus)?;
    if a.cue.to_lowercase().starts_with("according")
        && a.sentence == si
        && !inside(a.cue_span, clause(cx.text, sentence, focus))
    {
        return None;
    }
    Some(a)
}

/// The source a part opens with: a name the NER found, then a verb of saying ("Nasrallah
/// claimed in 2021 that ...").
fn speaker_opening(cx: &Context, part: Span) -> Option<Source> {
    let body = cx.text.get(part.start..part.end)?;
    let first = part.start + (body.len() - body.trim_start().len());
    let n = cx
        .names
        .iter()
        .find(|n| n.span.start == first && matches!(n.label.as_str(), "PERSON" | "ORG"))?;
    let verb = cx.text.get(n.span.end..part.end)?.trim_start();
    [
        "claimed",
        "claims",
        "said",
        "says",
        "told",
        "estimated",
        "estimates",
        "boasted",
        "boasts",
        "stated",
        "put ",
        "puts ",
    ]
    .iter()
    .any(|v| verb.starts_with(v))
    .then(|| Source {
        name: Some(n.text.clone()),
        role: None,
        affiliation: None,
        anonymous: false,
    })
}

fn source_for(cx: &Context, si: usize, focus: Span) -> Option<Source> {
    attribution_at(cx, si, focus).map(|a| a.source.clone())
}

fn certainty_at(cx: &Context, si: usize, focus: Span, ignore: &[Certainty]) -> Certainty {
    let sentence = cx.sentences[si].span;
    let cues = certainty::cues(cx.text, sentence, focus);
    certainty::combine(&cues, attribution_at(cx, si, focus).is_some(), ignore)
}

/// The fact "`group` is led by `person`" (subject the group, object the leader), dated by the
/// leader phrase at `focus`.
fn push_leader(
    out: &mut Vec<Fact>,
    cx: &Context,
    si: usize,
    group: &Actor,
    person: &dossier_core::entity::EntityMention,
    focus: Span,
) {
    let obj = FactObject {
        text: person.text.clone(),
        span: person.span,
        entity: None,
        place: None,
    };
    let when = leader_time(cx, cx.sentences[si].span, focus);
    push(
        out,
        cx,
        si,
        group,
        Predicate::LeaderOf,
        Some(obj),
        focus,
        when,
    );
}

fn object_of(a: &Actor) -> FactObject {
    FactObject {
        text: a.text.clone(),
        span: a.span,
        entity: a.entity.clone(),
        place: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Fact>,
    cx: &Context,
    si: usize,
    subject: &Actor,
    predicate: Predicate,
    object: Option<FactObject>,
    focus: Span,
    valid_time: Option<String>,
) {
    let Some(id) = subject.entity.clone() else {
        return;
    };
    if let Some(o) = &object {
        if o.entity.as_ref() == Some(&id) {
            return;
        }
    }
    // "Hezbollah leader Hassan Nasrallah said that the blasts may amount to …": the speaker's
    // own title is the report's statement, neither his words nor hedged by them. ("the rival
    // Islamic State West Africa Province (ISWAP) said": an acronym in brackets changes nothing.)
    let speakers_title = attribution_at(cx, si, focus).is_some_and(|a| {
        focus.end <= a.cue_span.start
            && cx
                .text
                .get(focus.end..a.cue_span.start)
                .map(crate::text::without_brackets)
                .is_some_and(|b| b.len() <= 40 && !b.contains([',', ';']) && !b.contains(" that "))
    });
    // "according to an audio recording attributed to ISWAP leader Abu Musab al-Barnawi": the
    // title in the source phrase is the report's too.
    let in_source = attribution_at(cx, si, focus)
        .and_then(|a| a.source_span)
        .is_some_and(|s| inside(focus, s));
    // "Jamaat-ul-Ahrar, a TTP faction, was suspected of carrying out the bombing, police
    // officials said", "Abubakar Shekau, the leader of Boko Haram, died ..., according to
    // ...": the report's own description of a name, neither hedged nor sourced by the
    // sentence (unless it hedges itself: "an alleged TTP faction").
    // "The Taliban, which is a bitter rival of ISIS-K, said its fighters ...": a relative
    // clause describing the speaker, before the verb of saying, is the report's own.
    let speakers_clause = attribution_at(cx, si, focus).is_some_and(|a| {
        let sentence = cx.sentences[si].span;
        a.source_span.is_some_and(|src| {
            crate::text::relative_clauses(cx.text, sentence)
                .iter()
                .any(|r| inside(focus, *r) && src.end <= r.start && r.end <= a.cue_span.start)
        })
    });
    let speakers_title =
        speakers_title || in_source || speakers_clause || plain_apposition(cx, si, focus);
    // "Al-Shabaab, the al-Qaeda affiliate ..., claimed the attack": a claim of responsibility
    // says nothing about how sure the relation is.
    let certainty = if speakers_title {
        Certainty::Stated
    } else {
        certainty_at(cx, si, focus, &[Certainty::Planned, Certainty::Claimed])
    };
    if certainty == Certainty::Negated {
        return;
    }
    let dup = out.iter().any(|f| {
        f.subject == id
            && f.predicate == predicate
            && f.sentence == si
            && f.object.as_ref().map(|o| (&o.entity, &o.text))
                == object.as_ref().map(|o| (&o.entity, &o.text))
    });
    if dup {
        return;
    }
    out.push(Fact {
        subject: id,
        subject_text: subject.text.clone(),
        predicate,
        object,
        quantity: None,
        value: None,
        valid_time,
        sentence: si,
        attributed_to: (!speakers_title)
            .then(|| source_for(cx, si, focus))
            .flatten(),
        certainty,
    });
}

/// Whether the words from `from` continue a list of names that "and" or "or" closes (",
/// Tanzania and Burundi", " and Burundi"): then a name before a comma is one of the list.
fn list_goes_on(text: &str, from: usize, end: usize) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    text.get(from..end).is_some_and(|rest| {
        crate::text::cached_is_match(
            &RE,
            r"^(?:,\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z]",
            rest,
        )
    })
}

/// Places named in a span: geocoded ones, plus NER locations the gazetteer did not resolve
/// ("Central Asia").
fn places_in(cx: &Context, span: Span) -> Vec<FactObject> {
    let mut out: Vec<FactObject> = Vec::new();
    for g in cx.places.iter().filter(|g| inside(g.span, span)) {
        out.push(FactObject {
            text: g.text.clone(),
            span: g.span,
            entity: None,
            place: Some(g.place.clone()),
        });
    }
    for n in cx
        .names
        .iter()
        .filter(|n| inside(n.span, span) && (n.label == "LOC" || n.label == "GPE"))
    {
        if !out.iter().any(|o| gap(o.span, n.span) == 0) {
            out.push(FactObject {
                text: n.text.clone(),
                span: n.span,
                entity: None,
                place: None,
            });
        }
    }
    out.sort_by_key(|o| o.span.start);
    out
}

/// Map a counted noun to the dossier's quantity names.
pub fn quantity_name(
    counted: &str,
    sentence_lower: &str,
    unit: Option<&str>,
) -> Option<&'static str> {
    if let Some(u) = unit {
        if ["USD", "EUR", "GBP", "$", "€", "£"].contains(&u)
            || u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())
        {
            return Some("revenue");
        }
        return None;
    }
    let c = counted.to_lowercase();
    Some(match c.as_str() {
        "members" | "member" | "mitglieder" | "adherents" => "members",
        "fighters" | "militants" | "combatants" | "gunmen" | "insurgents" | "jihadists"
        | "kämpfer" => "fighters",
        "followers" | "supporters" | "sympathisers" | "sympathizers" | "anhänger" => "supporters",
        "recruits" => "recruits",
        "attacks" | "attack" | "anschläge" => {
            if sentence_lower.contains("planned")
                || sentence_lower.contains("plotted")
                || sentence_lower.contains("plots")
            {
                "attacks_planned"
            } else if sentence_lower.contains("claimed") {
                "attacks_claimed"
            } else {
                "attacks"
            }
        }
        _ => return None,
    })
}

/// "two of its members carried out the bombings", "13 US service members", "three fighters
/// were arrested", "killed the four gunmen": a count of the people in one incident, not an
/// estimate of the group's size.
fn counts_people_in_an_incident(text: &str, sentence: Span, q: &Quantity) -> bool {
    let Some(c) = q.counted_span else {
        return false;
    };
    // "security forces killed the four gunmen", "arrested three militants": people an action
    // befell, known from the story ("the four"), not a strength.
    let lead = text
        .get(sentence.start..q.span.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    let lead = lead
        .strip_suffix(" all")
        .or_else(|| lead.strip_suffix(" all the"))
        .unwrap_or(&lead);
    if lead.ends_with(" the")
        || [
            "killed",
            "arrested",
            "detained",
            "captured",
            "shot",
            "shot dead",
            "neutralised",
            "neutralized",
            "eliminated",
            "killing",
            "arresting",
        ]
        .iter()
        .any(|v| lead.ends_with(&format!(" {v}")) || lead.ends_with(&format!(" {v} the")))
    {
        return true;
    }
    // "soldiers exchanged fire with three militants", "clashed with 20 gunmen": the foes of one
    // encounter, not a strength.
    static FOES: OnceLock<Option<Regex>> = OnceLock::new();
    if crate::text::cached_is_match(
        &FOES,
        r"\b(?:(?:exchanged|exchanging|traded|trading|returned|opened) fire (?:with|on|at)|clash(?:ed|es|ing)? with|(?:fought|fighting|battled|battling)(?: with| against)?|(?:gun|fire)fights? with|shoot-?outs? with|confronted|encountered|engaged(?: with)?|ambushed|chased|pursued|surrounded|intercepted)$",
        lead,
    ) {
        return true;
    }
    let between = text.get(q.span.end..c.start).unwrap_or("").to_lowercase();
    let words: Vec<&str> = between
        .split(|ch: char| !ch.is_alphanumeric() && ch != '.')
        .filter(|w| !w.is_empty())
        .collect();
    const QUALIFIERS: &[&str] = &[
        "service",
        "family",
        "crew",
        "staff",
        "cell",
        "board",
        "parliament",
        "committee",
        "council",
        "team",
        "security",
        "police",
        "army",
        "military",
        "government",
        "cabinet",
        "church",
        "club",
        "union",
        "party",
        "us",
        "u.s.",
        "american",
        "nato",
    ];
    if words
        .iter()
        .any(|w| *w == "of" || *w == "von" || *w == "der")
        || words.last().is_some_and(|w| QUALIFIERS.contains(w))
    {
        return true;
    }
    // "more than 900 militants, 165 soldiers and police officers and 47 civilians were
    // killed": the first of a list of counts of the dead.
    let long = text
        .get(c.end..(c.end + 160).min(sentence.end))
        .unwrap_or("")
        .to_lowercase();
    let listed = [
        "were killed",
        "were wounded",
        "were injured",
        "were arrested",
        "died",
    ]
    .iter()
    .filter_map(|v| long.find(v))
    .min()
    .is_some_and(|p| {
        let list = &long[..p];
        list.trim_start().starts_with(',')
            && list.chars().any(|ch| ch.is_ascii_digit())
            && !list.contains([';', ':', '(', '"'])
            && !list.contains(" said")
    });
    if listed {
        return true;
    }
    let after = text
        .get(c.end..(c.end + 40).min(sentence.end))
        .unwrap_or("")
        .to_lowercase();
    let after = after.trim_start();
    // ("27 militants had been killed in an ongoing operation", "have been arrested".)
    let after = ["had been ", "have been ", "were later ", "were also "]
        .iter()
        .find_map(|aux| after.strip_prefix(aux))
        .map_or(after.to_string(), |rest| format!("were {rest}"));
    let after = after.as_str();
    [
        "were arrested",
        "were detained",
        "were killed",
        "were injured",
        "were wounded",
        "were charged",
        "were sentenced",
        "carried out",
        "detonated",
        "died",
        "attacked",
        "stormed",
        "opened fire",
        "wurden festgenommen",
        "wurden getötet",
    ]
    .iter()
    .any(|v| after.starts_with(v))
}

/// All facts of a document.
pub fn facts(cx: &Context) -> Vec<Fact> {
    let r = rules();
    let t = cx.text;
    let mut out: Vec<Fact> = Vec::new();
    for (si, s) in cx.sentences.iter().enumerate() {
        let sentence = s.span;
        let Some(body) = t.get(sentence.start..sentence.end) else {
            continue;
        };
        let lower = body.to_lowercase();
        let at = |m: regex::Match| Span::new(sentence.start + m.start(), sentence.start + m.end());

        if let Some(re) = &r.founded {
            for m in re.find_iter(body) {
                let focus = at(m);
                if let Some(subj) = subject_near(cx, si, focus, 1, None) {
                    let cl = clause(t, sentence, focus);
                    // ("founded in the early 1990s": the decade, "199".)
                    let when = timex_value(cx, cl, focus)
                        .filter(|v| v.len() >= 3 && v.chars().take(3).all(|c| c.is_ascii_digit()));
                    if when.is_some() {
                        push(
                            &mut out,
                            cx,
                            si,
                            subj,
                            Predicate::Founded,
                            None,
                            focus,
                            when,
                        );
                    }
                }
            }
        }
        if let Some(re) = &r.active {
            for m in re.find_iter(body) {
                let focus = at(m);
                let cl = clause(t, sentence, focus);
                let after = Span::new(focus.end, cl.end);
                // "officials blamed militants based in Afghanistan": the people a participle
                // describes, not the group (but "ISKP fighters based in", "a group based in").
                let lead = t[sentence.start..focus.start].trim_end();
                let (rest, last) = lead.rsplit_once(' ').unwrap_or(("", lead));
                let described = !last.is_empty()
                    && last.chars().all(|c| c.is_lowercase() || c == '-')
                    && ![
                        "is",
                        "are",
                        "was",
                        "were",
                        "been",
                        "be",
                        "being",
                        "remains",
                        "remain",
                        "still",
                        "also",
                        "now",
                        "mainly",
                        "primarily",
                        "mostly",
                        "largely",
                        "group",
                        "groups",
                        "organisation",
                        "organization",
                        "faction",
                        "branch",
                        "affiliate",
                        "offshoot",
                        "network",
                        "movement",
                        "militia",
                        "cell",
                        "it",
                        "which",
                        "that",
                        "who",
                        "they",
                    ]
                    .contains(&last)
                    && !cx.actors.iter().any(|a| {
                        a.group && a.span.end <= focus.start && {
                            let end = sentence.start + rest.len();
                            a.span.end + 1 >= end && a.span.end <= end + 1
                        }
                    });
                if described || person_located(cx, sentence, focus) {
                    continue;
                }
                let Some(subj) = subject_near(cx, si, focus, 1, None) else {
                    continue;
                };
                // (Not a date of the next conjunct: "is active in Somalia and has repeatedly
                // attacked targets in Kenya, including the Westgate mall in 2013".)
                let own = {
                    static NEXT: std::sync::OnceLock<Option<regex::Regex>> =
                        std::sync::OnceLock::new();
                    let rest = t.get(focus.end..cl.end).unwrap_or("");
                    let cut = crate::text::cached_regex(
                        &NEXT,
                        r",? and (?:has|have|had|is|are|was|were|\w+ed)\b|, (?:including|such as)\b|;",
                    )
                    .and_then(|re| re.find(rest))
                    .map_or(cl.end, |m| focus.end + m.start());
                    // (Nor of the conjunct before: "was founded in 2015 and is active in
                    // Afghanistan".)
                    let from = t
                        .get(cl.start..focus.start)
                        .and_then(|lead| lead.rfind(" and "))
                        .map_or(cl.start, |k| cl.start + k);
                    Span::new(from, cut)
                };
                let when = timex_value(cx, own, focus);
                // "active in Afghanistan and Pakistan": the first place and those listed
                // right after it.
                let mut last_end = None;
                let mut listed_places = places_in(cx, after);
                listed_places.sort_by_key(|p| p.span.start);
                for p in listed_places {
                    let listed = match last_end {
                        None => p.span.start < focus.end + 30,
                        Some(end) => t.get(end..p.span.start).is_some_and(|b| {
                            matches!(b, " and " | ", " | ", and " | " or " | " und ")
                        }),
                    };
                    if !listed {
                        break;
                    }
                    last_end = Some(p.span.end);
                    push(
                        &mut out,
                        cx,
                        si,
                        subj,
                        Predicate::ActiveIn,
                        Some(p),
                        focus,
                        when.clone(),
                    );
                }
            }
        }
        if let Some(re) = &r.recruit {
            if let Some(m) = re.find(body) {
                let focus = at(m);
                if let Some(subj) = subject_near(cx, si, focus, 1, None) {
                    // Places governed by the verb: "recruits … in X", "from X", "among X", and
                    // coordinated "and Y" / "to Y" after them.
                    let mut seen_one = false;
                    for p in places_in(cx, Span::new(focus.end, sentence.end)) {
                        let before = t[focus.end..p.span.start].to_lowercase();
                        let b = before.trim_end();
                        let prep = ["in", "from", "among", "across"]
                            .iter()
                            .any(|w| b.ends_with(&format!(" {w}")));
                        // ("in Congo, Uganda, Tanzania and Burundi": a comma of a list that
                        // "and" closes.)
                        let coord = seen_one
                            && ([" and", " to", " und"].iter().any(|w| b.ends_with(w))
                                || b.ends_with(',') && list_goes_on(t, p.span.end, sentence.end));
                        if !(prep && p.span.start - focus.end < 80 || coord) {
                            continue;
                        }
                        seen_one = true;
                        let cert = certainty_at(cx, si, p.span, &[Certainty::Planned]);
                        let n = out.len();
                        push(
                            &mut out,
                            cx,
                            si,
                            subj,
                            Predicate::RecruitsIn,
                            Some(p.clone()),
                            p.span,
                            None,
                        );
                        if out.len() > n {
                            out[n].certainty = cert;
                        }
                    }
                }
            }
        }
        if let Some(re) = &r.rival {
            for m in re.find_iter(body) {
                let focus = at(m);
                let groups: Vec<&Actor> = cx
                    .actors
                    .iter()
                    .filter(|a| a.group && inside(a.span, sentence))
                    .collect();
                let obj = groups
                    .iter()
                    .copied()
                    .filter(|a| a.span.start >= focus.end)
                    .min_by_key(|a| gap(a.span, focus));
                let subj_in = last_subject(
                    t,
                    groups.iter().copied().filter(|a| a.span.end <= focus.start),
                );
                let (subj, obj) = match (subj_in, obj) {
                    (Some(s), Some(o)) => (Some(s), Some(o)),
                    (None, Some(o)) => (
                        subject_near(
                            cx,
                            si,
                            Span::new(sentence.start, sentence.start),
                            2,
                            Some(o),
                        ),
                        Some(o),
                    ),
                    // "X … as an enemy" with no second group named: whose enemy is not said.
                    _ => (None, None),
                };
                if let (Some(s), Some(o)) = (subj, obj) {
                    push(
                        &mut out,
                        cx,
                        si,
                        s,
                        Predicate::RivalOf,
                        Some(object_of(o)),
                        focus,
                        None,
                    );
                    // "a rival of the Afghan Taliban and the TTP": each group of the list.
                    let mut last = o;
                    while let Some(next) = groups.iter().copied().find(|a| {
                        a.span.start > last.span.end
                            && t.get(last.span.end..a.span.start).is_some_and(|b| {
                                matches!(
                                    b.trim().to_lowercase().as_str(),
                                    "and"
                                        | "and the"
                                        | ","
                                        | ", the"
                                        | ", and"
                                        | ", and the"
                                        | "or"
                                        | "or the"
                                )
                            })
                    }) {
                        push(
                            &mut out,
                            cx,
                            si,
                            s,
                            Predicate::RivalOf,
                            Some(object_of(next)),
                            focus,
                            None,
                        );
                        last = next;
                    }
                }
            }
        }
        if let Some(re) = &r.split {
            for m in re.find_iter(body) {
                let focus = at(m);
                // "... when al-Sahrawi, a former commander of al-Mourabitoun, pledged allegiance
                // to IS and broke away from al-Mourabitoun": not a group named as an object.
                let s = group_before(cx, sentence, focus);
                let o = group_after(cx, sentence, focus).filter(|a| a.span.start - focus.end < 8);
                if let (Some(s), Some(o)) = (s, o) {
                    let when = timex_value(cx, clause(t, sentence, focus), focus);
                    push(
                        &mut out,
                        cx,
                        si,
                        s,
                        Predicate::SplitFrom,
                        Some(object_of(o)),
                        focus,
                        when,
                    );
                }
            }
        }
        if let Some(re) = &r.ally {
            for m in re.find_iter(body) {
                let focus = at(m);
                // "ISKP views the JUI-F party as an ally of the Afghan Taliban": one group's view
                // of another, not an alliance of the first.
                if viewed_as(&t[sentence.start..focus.start]) {
                    continue;
                }
                let s = group_before(cx, sentence, focus);
                let o = group_after(cx, sentence, focus);
                if let (Some(s), Some(o)) = (s, o) {
                    push(
                        &mut out,
                        cx,
                        si,
                        s,
                        Predicate::AllyOf,
                        Some(object_of(o)),
                        focus,
                        None,
                    );
                }
            }
        }
        if let Some(re) = &r.part {
            for m in re.find_iter(body) {
                let focus = at(m);
                let word = m.as_str().to_lowercase();
                // "a breakaway faction of", "a splinter faction of": split from it.
                let lead = t[sentence.start..focus.start].to_lowercase();
                let broke_away = ["breakaway", "splinter", "rival", "dissident"]
                    .iter()
                    .any(|w| lead.trim_end().ends_with(w));
                let pred = if broke_away {
                    Predicate::SplitFrom
                } else if word.starts_with("affiliate") || word.starts_with("franchise") {
                    Predicate::AffiliateOf
                } else {
                    Predicate::PartOf
                };
                let groups: Vec<&Actor> = cx
                    .actors
                    .iter()
                    .filter(|a| a.group && !a.coreference && inside(a.span, sentence))
                    .collect();
                // Parent: "IS offshoot", "IS's affiliate", "offshoot of IS", "its parent".
                let parent_before = groups
                    .iter()
                    .copied()
                    .rfind(|a| a.span.end <= focus.start && focus.start - a.span.end <= 3);
                let tail = t[focus.end..sentence.end].to_lowercase();
                let parent_after = if tail.starts_with(" of ") {
                    groups
                        .iter()
                        .copied()
                        .find(|a| a.span.start >= focus.end && a.span.start - focus.end <= 12)
                } else {
                    None
                };
                // "a local pro-Islamic State faction": a faction that supports the group, not a
                // part of it.
                if parent_before.is_some_and(|p| {
                    let lead = crate::text::lower_before(t, p.span, 8);
                    lead.strip_suffix("pro-")
                        .or_else(|| lead.strip_suffix("pro"))
                        .is_some_and(|b| !b.ends_with(char::is_alphanumeric))
                }) {
                    continue;
                }
                let parent = parent_before.or(parent_after);
                // Child: a group named right after ("the offshoot “Khorasan Province”"), else the
                // sentence's other group.
                let child_after = groups.iter().copied().find(|a| {
                    a.span.start >= focus.end && a.span.start - focus.end <= 4 && Some(*a) != parent
                });
                // "Jamaat-ul-Ahrar, a faction of the Pakistani Taliban,": the group the
                // appositive describes.
                let appositive_child = parent_after.and_then(|_| {
                    groups.iter().copied().rfind(|a| {
                        a.span.end <= focus.start && {
                            let between = &t[a.span.end..focus.start];
                            // ", a faction of" or "is a faction of"
                            let rest = between.trim_start();
                            let rest = rest.strip_prefix(',').map(str::trim_start).or_else(|| {
                                ["is ", "was ", "are ", "were ", "remains "]
                                    .iter()
                                    .find_map(|c| rest.strip_prefix(c))
                            });
                            // (", a little-known group said to be a faction of": past
                            // the hedge, which the fact's certainty keeps.)
                            let rest = rest.map(|r| {
                                [
                                    "said to be ",
                                    "believed to be ",
                                    "thought to be ",
                                    "reported to be ",
                                ]
                                .iter()
                                .find_map(|h| {
                                    let (lead, tail) = r.split_once(h)?;
                                    (lead.split_whitespace().count() <= 4).then_some(tail)
                                })
                                .unwrap_or(r)
                            });
                            rest.is_some_and(|r| {
                                !r.contains([',', ';', '.'])
                                    && r.split_whitespace().count() <= 3
                                    && r.split_whitespace()
                                        .next()
                                        .is_some_and(|w| ["a", "an", "the", "one"].contains(&w))
                            })
                        }
                    })
                });
                // Without a name right after the word or a parent right before it, the sentence
                // does not say who is part of whom.
                if child_after.is_none() && parent_before.is_none() && appositive_child.is_none() {
                    continue;
                }
                if broke_away && appositive_child.is_none() {
                    continue;
                }
                let child = child_after.or(appositive_child).or_else(|| {
                    groups
                        .iter()
                        .copied()
                        .rfind(|a| Some(*a) != parent && a.span.end <= focus.start)
                });
                let parent = parent.or_else(|| {
                    child.and_then(|c| {
                        subject_near(
                            cx,
                            si,
                            Span::new(sentence.start, sentence.start),
                            2,
                            Some(c),
                        )
                    })
                });
                if let (Some(c), Some(p)) = (child, parent) {
                    let before = out.len();
                    push(&mut out, cx, si, c, pred, Some(object_of(p)), focus, None);
                    // "X, a little-known group said to be a faction of Y,": the appositive
                    // hedges the relation itself.
                    let clause = lead.rsplit(',').next().unwrap_or("");
                    let hedge = if ["said to be", "reported to be", "alleged to be", "allegedly"]
                        .iter()
                        .any(|h| clause.contains(h))
                    {
                        Some(Certainty::Alleged)
                    } else if ["believed to be", "thought to be", "suspected to be"]
                        .iter()
                        .any(|h| clause.contains(h))
                    {
                        Some(Certainty::Suspected)
                    } else {
                        None
                    };
                    if let (Some(h), Some(f)) = (hedge, out.get_mut(before)) {
                        if h.rank() > f.certainty.rank() {
                            f.certainty = h;
                        }
                    }
                }
            }
        }
        if let Some(re) = &r.leader {
            for m in re.find_iter(body) {
                let focus = at(m);
                if !the_leader(t, focus) {
                    continue;
                }
                // "named al-Barnawi as the leader of its West African branch", "as its leader in
                // West Africa": a branch's leader, not the whole group's (nor is the branch
                // named).
                if regional_leader(&t[focus.end..sentence.end]) {
                    continue;
                }
                // "named Naim Qassem as its new secretary-general", "Hezbollah's
                // secretary-general": the title is a group's only when the group owns it, not
                // "UN Secretary-General Antonio Guterres condemned the Hamas attack".
                if t[focus.start..focus.end]
                    .to_lowercase()
                    .starts_with("secretary")
                    && !owned_title(cx, sentence, focus)
                {
                    continue;
                }
                // "The leader of the Islamist group Boko Haram, Abubakar Shekau, claimed": the
                // name in apposition to the group after "leader of".
                let appositive = |n: &&dossier_core::entity::EntityMention| {
                    cx.actors.iter().any(|a| {
                        a.group
                            && a.span.start >= focus.end
                            && a.span.start - focus.end < 40
                            && t.get(a.span.end..n.span.start) == Some(", ")
                    })
                };
                // "Zawahiri, an Egyptian surgeon, succeeded Osama bin Laden as leader of
                // al-Qaeda": the one succeeded is the former leader; the subject is the leader.
                let succession = |n: &&dossier_core::entity::EntityMention| {
                    let b = t[sentence.start..n.span.start].trim_end().to_lowercase();
                    [
                        "succeeded",
                        "succeeding",
                        "replaced",
                        "replacing",
                        "took over from",
                        "taking over from",
                        "in place of",
                    ]
                    .iter()
                    .any(|v| b.ends_with(v))
                };
                let successor = cx
                    .names
                    .iter()
                    .find(|n| n.label == "PERSON" && inside(n.span, sentence) && succession(n))
                    .and_then(|pred| {
                        cx.names.iter().find(|n| {
                            n.label == "PERSON"
                                && inside(n.span, sentence)
                                && n.span.end <= pred.span.start
                        })
                    });
                let person = successor.or_else(|| {
                    cx.names
                        .iter()
                        .filter(|n| {
                            n.label == "PERSON" && inside(n.span, sentence) && !succession(n)
                        })
                        .min_by_key(|n| (!appositive(n), gap(n.span, focus)))
                        .filter(|n| gap(n.span, focus) < 30 || appositive(n))
                });
                // "It is led by Iyad Ag Ghaly": the group the report was just telling of.
                let pronoun = t.get(sentence.start..focus.start).is_some_and(|b| {
                    let b = b.to_lowercase();
                    ["it is ", "it was ", "the group is ", "the group was "]
                        .iter()
                        .any(|p| b.starts_with(p))
                        // "Its leader is Sanaullah Ghafari": the group's leader.
                        || b == "its "
                        || b == "the group's "
                });
                // "Al-Shabaab, which emerged around 2006, is led by Ahmed Diriye": the group
                // that opens the sentence, past a clause between commas.
                let opening_past_clause = || {
                    let b = t[sentence.start..focus.start].trim_end().to_lowercase();
                    let verb = ["is", "was", "has been", "had been", "is now", "is still"]
                        .iter()
                        .any(|v| b.ends_with(&format!(", {v}")));
                    verb.then(|| {
                        cx.actors.iter().find(|a| {
                            a.group
                                && !a.coreference
                                && a.span.end <= focus.start
                                && crate::text::opens_sentence(t, sentence, a.span)
                                && t.get(a.span.end..focus.start)
                                    .is_some_and(|b| b.trim_start().starts_with(','))
                        })
                    })
                    .flatten()
                };
                // "the Islamic State named Abu Musab al-Barnawi as its leader in West Africa in
                // place of Boko Haram chief Abubakar Shekau": "its" is the subject's, not the
                // nearest group's.
                let owner_named = {
                    let b = t[sentence.start..focus.start].trim_end().to_lowercase();
                    ["its", "its new", "their", "their new"]
                        .iter()
                        .any(|w| b.ends_with(&format!(" as {w}")))
                };
                // ("the Islamic State affiliate, which is led by X": the affiliate's leader.)
                let nearest = cx
                    .actors
                    .iter()
                    .filter(|a| a.group && inside(a.span, sentence))
                    .filter(|a| !part_after(t, a.span))
                    .filter(|a| !owner_named || a.span.end <= focus.start)
                    .min_by_key(|a| gap(a.span, focus))
                    .filter(|a| gap(a.span, focus) < 30);
                // "The TTP was founded in 2007 by Baitullah Mehsud and is led by Noor Wali
                // Mehsud": the subject the coordinated verb shares.
                let coordinated = || {
                    let b = t[sentence.start..focus.start].trim_end().to_lowercase();
                    [
                        "and is",
                        "and was",
                        "and has been",
                        "and is now",
                        "and is still",
                    ]
                    .iter()
                    .any(|v| b.ends_with(&format!(" {v}")))
                    .then(|| {
                        cx.actors.iter().find(|a| {
                            a.group
                                && !a.coreference
                                && a.span.end <= focus.start
                                && crate::text::opens_sentence(t, sentence, a.span)
                        })
                    })
                    .flatten()
                };
                let group = nearest
                    .or_else(opening_past_clause)
                    .or_else(coordinated)
                    .or_else(|| pronoun.then(|| opening_subject(cx, si)).flatten())
                    .or_else(|| {
                        // "Al-Shabaab on Saturday named Ahmad Umar as its new leader": the
                        // owner is the sentence's subject.
                        let b = t[sentence.start..focus.start].trim_end().to_lowercase();
                        // ("Islamic State ... named Abu Ibrahim al-Hashimi al-Qurashi as his
                        // successor": the dead leader's.)
                        let owned = ["its", "its new", "their", "their new", "his", "her"]
                            .iter()
                            .any(|w| b.ends_with(&format!(" as {w}")));
                        owned
                            .then(|| {
                                cx.actors.iter().find(|a| {
                                    a.group
                                        && inside(a.span, sentence)
                                        && a.span.end <= focus.start
                                        && !governed(t, a.span)
                                })
                            })
                            .flatten()
                    });
                if let (Some(p), Some(g)) = (person, group) {
                    push_leader(&mut out, cx, si, g, p, focus);
                }
            }
        }
        // "Shekau led Boko Haram after the death of its founder": a person who leads a group,
        // the verb between them.
        for n in cx
            .names
            .iter()
            .filter(|n| n.label == "PERSON" && inside(n.span, sentence))
        {
            let rest = &t[n.span.end..sentence.end];
            let Some(verb) = [
                " led ",
                " leads ",
                " has led ",
                " had led ",
                " headed ",
                " heads ",
            ]
            .iter()
            .find(|v| rest.starts_with(*v)) else {
                continue;
            };
            let from = n.span.end + verb.len();
            let after = &t[from..sentence.end];
            let skip = if after.starts_with("the ") { 4 } else { 0 };
            let Some(g) = cx.actors.iter().find(|a| {
                a.group && !a.coreference && a.span.start == from + skip && !part_after(t, a.span)
            }) else {
                continue;
            };
            // (The group itself, not "led the Islamic State attacks in Paris": what follows
            // the name is punctuation or a preposition.)
            let next = t[g.span.end..sentence.end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let ends = next.is_empty()
                || next.starts_with(|c: char| c.is_ascii_punctuation())
                || [
                    "after", "since", "from", "until", "for", "in", "between", "during", "with",
                    "and", "before", "when", "to",
                ]
                .contains(&next.to_lowercase().trim_end_matches([',', '.']));
            if !ends {
                continue;
            }
            push_leader(&mut out, cx, si, g, n, Span::new(n.span.end + 1, from - 1));
        }
        if let Some(re) = &r.name_meaning {
            if let Some(c) = re.captures(body) {
                if let (Some(name), Some(what)) = (c.get(1), c.get(2)) {
                    let key = name.as_str().to_lowercase();
                    let subj = cx
                        .actors
                        .iter()
                        .rfind(|a| a.group && a.text.to_lowercase().contains(&key));
                    if let Some(subj) = subj {
                        let w =
                            Span::new(sentence.start + what.start(), sentence.start + what.end());
                        let obj = FactObject {
                            text: what.as_str().trim().to_string(),
                            span: w,
                            entity: None,
                            place: None,
                        };
                        push(
                            &mut out,
                            cx,
                            si,
                            subj,
                            Predicate::NameMeaning,
                            Some(obj),
                            w,
                            None,
                        );
                    }
                }
            }
        }
        // Estimates: a counted quantity with a group in the sentence.
        for q in cx.quantities.iter().filter(|q| inside(q.span, sentence)) {
            // "The team's July 2023 report estimated between 4,000 and 6,000, a figure that
            // included family members": no counted noun; the count of the estimate just before.
            let inherited = || -> Option<String> {
                if q.counted.as_deref().is_some_and(|c| !c.is_empty()) || q.unit.is_some() {
                    return None;
                }
                [
                    "estimat",
                    "put the figure",
                    "put the number",
                    "a figure that",
                    "a range that",
                    // "have given a lower figure of about 4,000"
                    "figure of",
                    "number of",
                ]
                .iter()
                .any(|c| lower.contains(c))
                .then(|| {
                    out.iter()
                        .rev()
                        .find(|f: &&Fact| {
                            f.predicate == Predicate::Estimate && si.saturating_sub(f.sentence) <= 2
                        })
                        .and_then(|f| f.quantity.clone())
                })?
            };
            let name: String = match quantity_name(
                q.counted.as_deref().unwrap_or(""),
                &lower,
                q.unit.as_deref(),
            ) {
                Some(n) => n.to_string(),
                None => match inherited() {
                    Some(n) => n,
                    None => continue,
                },
            };
            let name = name.as_str();
            if !matches!(
                name,
                "revenue" | "attacks" | "attacks_planned" | "attacks_claimed"
            ) && counts_people_in_an_incident(t, sentence, q)
            {
                continue;
            }
            // "collected about 2,000 euros in donations": a sum, not the group's revenue.
            if name == "revenue"
                && ![
                    "revenue",
                    "income",
                    "earn",
                    "budget",
                    "annual",
                    "a year",
                    "per year",
                    "a month",
                    "per month",
                    "funding",
                    "finances",
                    "war chest",
                    "extortion",
                    "taxes",
                    "einnahmen",
                    "jährlich",
                ]
                .iter()
                .any(|w| lower.contains(w))
            {
                continue;
            }
            // "Three members of parliament were among the injured": members of something else.
            let q_end = crate::quantity::end_with_counted(q);
            if t.get(q_end..sentence.end)
                .is_some_and(|r| r.starts_with(" of ") && !r.starts_with(" of the group"))
                && !cx
                    .actors
                    .iter()
                    .any(|a| a.group && a.span.start >= q_end && a.span.start <= q_end + 8)
            {
                continue;
            }
            // Counts of attacks are often generic ("two attacks a year are enough"): only with
            // the group in the same sentence.
            let back = usize::from(!name.starts_with("attacks"));
            // No group in the sentence or the one before: in a report clearly about one group,
            // a strength estimate is that group's ("UN Monitoring Team reports have given
            // estimates ranging from about 1,500 fighters to ...").
            let dominant = || {
                let id = crate::extract::dominant_group(cx.actors)?;
                cx.actors
                    .iter()
                    .rev()
                    .find(|a| a.span.end <= q.span.start && a.entity.as_ref() == Some(&id))
            };
            // "… said National Thowheeth Jama'ath had fewer than 100 members": a name the
            // knowledge base and the NER do not know is the subject; the figure is none of
            // the groups named before.
            if unknown_name_subject(cx, sentence, q.span) {
                continue;
            }
            let Some(subj) = subject_near(cx, si, q.span, back, None).or_else(|| {
                matches!(name, "fighters" | "members" | "supporters" | "recruits")
                    .then(dominant)
                    .flatten()
            }) else {
                continue;
            };
            let Some(id) = subj.entity.clone() else {
                continue;
            };
            let cl = clause(t, sentence, q.span);
            // "from about 1,500 fighters (2021) to between 4,000 and 6,000 fighters and family
            // members (July 2023)": a date in brackets right after a figure's phrase is its own.
            let bracketed = cx
                .timexes
                .iter()
                .filter(|x| x.kind == TimexType::Date && inside(x.span, sentence))
                .find(|x| {
                    x.span.start >= q_end
                        && t.get(q_end..x.span.start).is_some_and(|b| {
                            b.trim_end().ends_with('(')
                                && !b.contains([')', ',', ';'])
                                && !b.chars().any(|c| c.is_ascii_digit())
                                && b.len() < 40
                        })
                })
                .map(|x| x.value.clone());
            // "Nasrallah claimed in 2021 that Hezbollah had 100,000 fighters, while Mira Talvik
            // ... estimates it has between 40,000 and 50,000": each figure has its own part's
            // date and source.
            let part = crate::text::contrast_part(t, cl, q.span);
            let when = bracketed
                .or_else(|| timex_value(cx, part, q.span))
                .filter(|v| !v.starts_with('P'));
            let cues = certainty::cues(t, sentence, q.span);
            let mut attributed_to = if part == cl {
                source_for(cx, si, q.span)
            } else {
                attribution_at(cx, si, q.span)
                    .filter(|a| a.sentence != si || inside(a.cue_span, part))
                    .map(|a| a.source.clone())
                    .or_else(|| speaker_opening(cx, part))
            };
            if attributed_to.is_none() {
                if let Some(re) = &r.report_source {
                    if let Some(c) = re.captures(body) {
                        let whole = c.get(1).map(|m| m.as_str()).unwrap_or("");
                        attributed_to = Some(Source {
                            name: Some(whole.to_string()),
                            role: Some("report".into()),
                            affiliation: None,
                            anonymous: false,
                        });
                    }
                }
            }
            let mut cert = certainty::combine(
                &cues,
                attribution_at(cx, si, q.span).is_some(),
                &[Certainty::Planned],
            );
            if cert.rank() < Certainty::Estimated.rank()
                && (q.min != q.max
                    || q.approximate
                    || lower.contains("estimat")
                    || lower.contains("varies"))
            {
                cert = Certainty::Estimated;
            }
            // "21 attacks in nine different countries": keep the second figure beside the first.
            let object = cx
                .quantities
                .iter()
                .find(|o| {
                    o.span.start > q.span.end
                        && o.span.start.checked_sub(q_end).is_some_and(|gap| gap < 12)
                        && inside(o.span, cl)
                        // "in nine countries", not "(2021) to between 4,000 and 6,000".
                        && t.get(q_end..o.span.start).is_some_and(|b| {
                            let b = b.trim_start();
                            b.starts_with("in ") || b.starts_with("across ")
                        })
                })
                .map(|o: &Quantity| FactObject {
                    text: t[o.span.start..crate::quantity::end_with_counted(o)].to_string(),
                    span: o.span,
                    entity: None,
                    place: None,
                });
            out.push(Fact {
                subject: id,
                subject_text: subj.text.clone(),
                predicate: Predicate::Estimate,
                object,
                quantity: Some(name.to_string()),
                value: Some(q.clone()),
                valid_time: when,
                sentence: si,
                attributed_to,
                certainty: cert,
            });
        }
    }
    out
}

/// Whether the title at `focus` is owned by a group: "its (new) secretary-general", "the group's
/// secretary-general", "Hezbollah's secretary-general", "Hezbollah secretary-general", "the
/// secretary-general of Hezbollah".
fn owned_title(cx: &Context, sentence: Span, focus: Span) -> bool {
    let t = cx.text;
    let before = t[sentence.start..focus.start].to_lowercase();
    let before = before.trim_end();
    let before = before.strip_suffix(" new").unwrap_or(before);
    if [" its", " their", " the group's", " the group’s"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return true;
    }
    cx.actors.iter().any(|a| {
        a.group
            && inside(a.span, sentence)
            && (t
                .get(a.span.end..focus.start)
                .is_some_and(|b| ["", " ", "'s ", "’s ", "' ", "’ "].contains(&b))
                || t.get(focus.end..a.span.start)
                    .is_some_and(|b| b == " of " || b == " of the "))
    })
}

/// Whether the words after a leader word make it a branch's, a unit's or a region's leader: "of
/// its West African branch", "of the group's South Asian affiliate", "of Hezbollah's southern
/// front", "of Hezbollah's executive council", "in West Africa" (a capitalised place or region
/// right after "in").
fn regional_leader(after: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"^\s*(?:of (?:its|their|the group's|the organi[sz]ation's|the) (?:[\w-]+ ){0,3}(?:branch|affiliate|province|wing|franchise|chapter|division|offshoot|cell|front|council|unit|command|brigades?|battalion|forces?|operations|bureau|office|department|committee|network|apparatus|directorate|arm)\b|of [\w'’-]+(?: [\w'’-]+){0,3}['’]s? (?:[\w-]+ ){0,3}(?:branch|affiliate|province|wing|franchise|chapter|division|offshoot|cell|front|council|unit|command|brigades?|battalion|forces?|operations|bureau|office|department|committee|network|apparatus|directorate|arm)\b|in (?:the )?(?:West|East|North|South|Central|Southeast|Northeast|Northwest|Southwest)\b)",
        after,
    )
}

/// Whether the words before a relation word end in "views/sees/regards/calls ... as a(n)":
/// someone's view of the thing named between.
fn viewed_as(lead: &str) -> bool {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        re(r"(?i)\b(?:views?|viewed|sees?|saw|regards?|regarded|considers?|considered|describes?|described|calls?|called|brands?|branded|labels?|labell?ed|portrays?|portrayed|treats?|treated)\b(?:\s+[\w'’-]+){1,6}\s+as\s+(?:an?|the|its|their)?\s*$")
    })
    .as_ref()
    .is_some_and(|r| r.is_match(lead))
}

/// Whether `focus` lies in an apposition set off by commas right after a name ("Jamaat-ul-Ahrar,
/// a TTP faction, was suspected", "Abubakar Shekau, the leader of Boko Haram, died") that has no
/// verb and no hedge of its own.
fn plain_apposition(cx: &Context, si: usize, focus: Span) -> bool {
    let t = cx.text;
    let sentence = cx.sentences[si].span;
    let Some(lead) = t.get(sentence.start..focus.start) else {
        return false;
    };
    let Some(open) = lead.rfind(", ") else {
        return false;
    };
    let seg_start = sentence.start + open + 2;
    let Some(close) = t[focus.end..sentence.end].find(',') else {
        return false;
    };
    let seg = &t[seg_start..focus.end + close];
    let words: Vec<String> = seg
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let after_name = cx
        .actors
        .iter()
        .map(|a| a.span.end)
        .chain(
            cx.names
                .iter()
                .filter(|n| n.label == "PERSON")
                .map(|n| n.span.end),
        )
        // ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM), an al-Qaeda affiliate, claimed": past
        // the bracketed acronym.)
        .any(|end| {
            end == sentence.start + open
                || end < sentence.start + open
                    && t.get(end..sentence.start + open).is_some_and(|b| {
                        let b = b.trim();
                        b.starts_with('(') && b.ends_with(')') && b.len() <= 24
                    })
        });
    after_name
        && words.len() <= 8
        // ("The TTP, led by Noor Wali Mehsud, is believed to ...": a participle's apposition.)
        && words
            .first()
            .is_some_and(|w| {
                [
                    "a", "an", "the", "led", "headed", "founded", "formed", "established",
                    "created",
                ]
                .contains(&w.as_str())
            })
        && !words.iter().any(|w| {
            [
                "is",
                "was",
                "are",
                "were",
                "has",
                "had",
                "have",
                "said",
                "says",
                "who",
                "which",
                "that",
                "alleged",
                "allegedly",
                "suspected",
                "reportedly",
                "purported",
                "so-called",
                "believed",
                "thought",
                "possibly",
                "probably",
            ]
            .contains(&w.as_str())
        })
}
