//! Typed events from triggers and their arguments in the same sentence: date, place, perpetrators
//! with their responsibility status, targets, arrested, killed and injured figures, weapon, and
//! certainty. Mentions of one event within a document are merged afterwards.

use crate::certainty::{self, Cue};
use crate::text::{
    clause, find_word, gap, governed, in_other_relative_clause, inside, np_left, np_right,
    opens_sentence,
};
use crate::triggers::{self, Trigger};
use crate::{Actor, Context};
use chrono::NaiveDate;
use dossier_core::annotation::{TimeExpression, TimexType};
use dossier_core::claims::{
    Attribution, Certainty, EventDate, EventKind, EventMention, EventPlace, Figure, Participant,
    Quantity, Responsibility, Role, Source,
};
use dossier_core::entity::EntityMention;
use dossier_core::Span;

/// Weapons, longest first.
const WEAPONS: &[&str] = &[
    "improvised explosive device",
    "suicide vest",
    "car bomb",
    "truck bomb",
    "roadside bomb",
    "explosive belt",
    "assault rifles",
    "assault rifle",
    "hand grenades",
    "grenades",
    "grenade",
    "explosives",
    "rockets",
    "rocket",
    "mortar",
    "drones",
    "drone",
    "ieds",
    "ied",
    "bombs",
    "bomb",
    "rifles",
    "rifle",
    "guns",
    "gun",
    "knives",
    "knife",
    "machetes",
    "machete",
    "kalashnikovs",
    "firearms",
    "vehicle",
];

/// Verbs whose subject a country is as a state ("Ukraine denied", "Iran blamed").
const STATE_VERBS: &[&str] = &[
    "denied",
    "denies",
    "said",
    "says",
    "blamed",
    "blames",
    "accused",
    "accuses",
    "condemned",
    "condemns",
    "rejected",
    "rejects",
    "insisted",
    "warned",
    "vowed",
    "responded",
    "retaliated",
    "demanded",
    // "Iran, which backs Hamas, has praised the attack": a reaction, not where it happened.
    "praised",
    "praises",
    "welcomed",
    "welcomes",
    "hailed",
    "hails",
    "celebrated",
    "applauded",
    "congratulated",
];

/// The verb a subject governs, past an apposition or relative clause set off by commas and
/// auxiliaries or adverbs: ", which backs Hamas, has praised the attack" → "praised".
fn verb_of_subject(after: &str) -> &str {
    let mut rest = after.trim_start();
    if let Some(r) = rest.strip_prefix(',') {
        if let Some(k) = r.find(',') {
            if k <= 80 && !r[..k].contains(['.', ';']) {
                rest = r[k + 1..].trim_start();
            }
        }
    }
    rest.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .find(|w| {
            ![
                "has",
                "have",
                "had",
                "also",
                "later",
                "quickly",
                "strongly",
                "repeatedly",
                "publicly",
                "since",
                "openly",
                "immediately",
            ]
            .contains(w)
        })
        .unwrap_or("")
}

/// Whether the words before a place end with one of `preps` ("in", "near the").
fn ends_with_preposition(prep: &str, preps: &[&str]) -> bool {
    let prep_the = prep.strip_suffix(" the").unwrap_or(prep);
    preps
        .iter()
        .any(|p| prep_the.ends_with(&format!(" {p}")) || prep_the == *p)
}

/// Prepositions of location ("in", "near the").
const LOCATED: &[&str] = &["in", "near", "at", "outside", "nahe", "bei", "im"];

/// Nouns after a place name that make it an actor ("US officials").
const ACTOR_NOUNS: &[&str] = &[
    "officials",
    "official",
    "forces",
    "troops",
    "military",
    "army",
    "authorities",
    "government",
    "president",
    "intelligence",
    "embassy",
    "media",
    "police",
    "ministry",
    "minister",
    "leaders",
    "envoy",
    "diplomats",
    "security",
    "state",
    "agencies",
    "prosecutors",
    "investigators",
    // "a US drone strike", "US special forces": who acted, not where.
    "drone",
    "air",
    "airstrike",
    "airstrikes",
    "strike",
    "strikes",
    "special",
    "navy",
    // "the Khorasan branch", "its Sahel affiliate": part of a group's name, not a place.
    "branch",
    "affiliate",
    "wing",
    "chapter",
    "province",
    // "a Verdi union demonstration": a union's or a party's name.
    "union",
    "unions",
    "party",
];

/// The last words of institutions' names ("Sahel Risk Group", "Washington Institute").
const INSTITUTIONS: &[&str] = &[
    "Group",
    "Institute",
    "Institution",
    "Centre",
    "Center",
    "Forum",
    "Monitor",
    "Observatory",
    "Desk",
    "Lab",
    "University",
    "College",
    "Council",
    "Foundation",
    "Agency",
    "Ministry",
    "Bank",
    "Times",
    "Post",
    "News",
    "Herald",
    "Tribune",
    "Review",
    "Network",
    "Initiative",
    "Project",
    "Programme",
    "Program",
];

/// How a phrase relates one group to another ("which is linked to X", ", the Somali militant
/// group linked to X"): X is named to describe, not acting.
const RELATED_TO: &[&str] = &[
    "linked to",
    "affiliated with",
    "allied with",
    "allied to",
    "aligned with",
    "loyal to",
    "close to",
];

/// Nouns for people and groups a demonym describes ("the Somali militant group", "Libyan
/// parents"): the demonym says who they are, not where something happened.
const DESCRIBED_PEOPLE: &[&str] = &[
    // ("the presence of Russian mercenaries from the Wagner Group": their nationality.)
    "mercenaries",
    "mercenary",
    "troops",
    "instructors",
    "advisers",
    "advisors",
    // ("French energy company Total withdrew": a company's nationality.)
    "company",
    "companies",
    "firm",
    "firms",
    "soldier",
    "soldiers",
    "officer",
    "officers",
    "service",
    "contractor",
    "contractors",
    "tourist",
    "tourists",
    "hostage",
    "hostages",
    "worker",
    "workers",
    "militant",
    "militants",
    "group",
    "groups",
    "jihadist",
    "jihadists",
    "islamist",
    "islamists",
    "extremist",
    "extremists",
    "insurgent",
    "insurgents",
    "rebel",
    "rebels",
    "fighters",
    "gunmen",
    "parents",
    "father",
    "mother",
    "family",
    "descent",
    "origin",
    "man",
    "men",
    "woman",
    "women",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "immigrant",
    "immigrants",
    "refugee",
    "refugees",
    "student",
    "students",
    "driver",
    "drivers",
    "teenager",
    "teenagers",
    "asylum",
    "suspect",
    "suspects",
    "migrant",
    "migrants",
    "attacker",
    "gunman",
    "assailant",
    "bomber",
    "nurse",
    "doctor",
    "journalist",
    "journalists",
    "priest",
    "couple",
    "bombers",
    "boy",
    "girl",
    "brothers",
    "engineer",
    "engineers",
    "pilgrim",
    "pilgrims",
    "diplomat",
    "diplomats",
    "teacher",
    "teachers",
    "doctors",
    "nurses",
    "peacekeeper",
    "peacekeepers",
    "troops",
    "civilians",
    "children",
    "passengers",
    "sailors",
    "crew",
    "employees",
    "staff",
    "missionary",
    "missionaries",
    "businessman",
    "businessmen",
    "cleric",
    "clerics",
    "official",
    "officials",
    "aid",
    "expatriates",
    "residents",
    "guards",
    "police",
    "policemen",
];

/// Words of an office after a place's possessive ("Germany's interior minister", "the
/// province's governor"), beside [`ACTOR_NOUNS`]: the place owns who speaks.
const OFFICES: &[&str] = &[
    "premier", "prime", "interior", "foreign", "defence", "defense", "governor", "mayor", "chief",
    "top", "federal", "health",
];

/// Words before a place that make it a destination ("to depart for Peshawar", "bound for").
const DESTINATION_WORDS: &[&str] = &[
    "depart for",
    "departs for",
    "departed for",
    "leave for",
    "left for",
    "bound for",
    "headed for",
    "heading for",
    "headed to",
    "heading to",
    "en route to",
    "on its way to",
    "on their way to",
    "travelling to",
    "traveling to",
    "destined for",
    "flight to",
    "train to",
    "trains to",
    "express to",
    "bus to",
    "buses to",
    "ferry to",
    "flights to",
    "service to",
];

/// Words before a place that put people behind an attack there, not the attack ("in contact
/// with handlers in Afghanistan", "on orders from Raqqa").
const ELSEWHERE_PEOPLE: &[&str] = &[
    "handlers in",
    "handler in",
    "contacts in",
    "masterminds in",
    "mastermind in",
    "backers in",
    "sponsors in",
    "accomplices in",
    "relatives in",
    "leadership in",
    "commanders in",
    "recruiters in",
    "instructions from",
    "orders from",
];

/// Counted nouns that do the killing ("two explosions that killed dozens").
const AGENT_NOUNS: &[&str] = &[
    "explosions",
    "blasts",
    "bombs",
    "bombings",
    "bombers",
    "suicide bombers",
    "attackers",
    "assailants",
    "gunmen",
    "devices",
    "rockets",
    "missiles",
    "drones",
    "shells",
    "vehicles",
    "cars",
    "explosionen",
    "attentäter",
];

/// Verbs that give a revised figure: "cut to 95", "put it at 84", "was raised to 103".
const REVISION_VERBS: &[&str] = &[
    "cut to",
    "cut it to",
    "cut the figure to",
    "lowered to",
    "lowered it to",
    "lowered the figure to",
    "revised to",
    "revised it to",
    "revised down to",
    "revised up to",
    "revised the figure to",
    "raised to",
    "raised it to",
    "raised the figure to",
    "put it at",
    "put the figure at",
    "corrected to",
    "corrected it to",
];

/// Whether the last word for a count of people in `before` names the dead (`Some(true)`) or
/// the wounded (`Some(false)`).
fn last_count_word(before: &str) -> Option<bool> {
    let lower = before.to_lowercase();
    let last = |ws: &[&str]| ws.iter().filter_map(|w| find_word_last(&lower, w)).max();
    match (
        last(&["dead", "killed", "toll", "deaths", "death", "killing"]),
        last(&["wounded", "injured", "injuries", "hurt"]),
    ) {
        (Some(d), Some(i)) => Some(d > i),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

/// Byte offset of the last whole-word occurrence of `w` in `s`.
fn find_word_last(s: &str, w: &str) -> Option<usize> {
    s.match_indices(w)
        .filter(|(i, _)| {
            let before = s[..*i].chars().next_back();
            let after = s[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
        .last()
}

const KILLED: &[&str] = &[
    "killed",
    "dead",
    "died",
    "deaths",
    "death toll",
    "lives",
    "fatalities",
    "killing",
    "perished",
    "slain",
    "murdered",
    "getötet",
    "erschossen",
    "tote",
    "toten",
    "ums leben",
    "starben",
    "gestorben",
];
const INJURED: &[&str] = &[
    "injured",
    "wounded",
    "hurt",
    "injuring",
    "wounding",
    "injuries",
    // "145 people were being treated for injuries", "hospitalised".
    "treated",
    "hospitalised",
    "hospitalized",
    "verletzt",
    "verletzte",
];

/// Words for a count of the kidnapped: "abducted 287 pupils", "25 girls were kidnapped",
/// "holding 40 hostages".
const ABDUCTED: &[&str] = &[
    "kidnapped",
    "abducted",
    "kidnapping",
    "abducting",
    "abduction of",
    "kidnapping of",
    "taken hostage",
    "hostage",
    "hostages",
    "held hostage",
    "seized",
    "entführt",
    "verschleppt",
    "geiseln",
];

/// "TEHRAN, Jan 4 (Baltic Wire) -": the dateline's date is when the story was filed.
fn in_dateline(cx: &Context, span: Span) -> bool {
    cx.dateline.is_some_and(|d| d.contains(span))
}

/// "a day earlier", "two days before", "a week later": the day counted from the sentence's other
/// day (the day something was said), else from the document's date.
fn offset_day(cx: &Context, sentence: Span, t: &TimeExpression) -> Option<NaiveDate> {
    let v = t.value.strip_prefix('P')?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: i64 = n.parse().ok()?;
    let days = match unit {
        "D" => n,
        "W" => 7 * n,
        _ => return None,
    };
    let next = cx.text[t.span.end..sentence.end]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?
        .to_lowercase();
    let sign = match next.as_str() {
        "earlier" | "before" => -1,
        "later" => 1,
        _ => return None,
    };
    let anchor = cx
        .timexes
        .iter()
        .filter(|o| inside(o.span, sentence) && o.span != t.span)
        .filter(|o| o.kind == TimexType::Date && !in_dateline(cx, o.span))
        .filter_map(|o| {
            NaiveDate::parse_from_str(o.value.get(..10)?, "%Y-%m-%d")
                .ok()
                .map(|d| (gap(o.span, t.span), d))
        })
        .min_by_key(|(g, _)| *g)
        .map(|(_, d)| d);
    let anchor = match anchor {
        Some(d) => d,
        None => story_day(cx, t.span, sign)?,
    };
    anchor.checked_add_signed(chrono::Duration::days(sign * days))
}

/// A person the report names as a perpetrator, with the responsibility the text gives and who
/// gives it.
fn perpetrator_named(n: &EntityMention, resp: Responsibility, by: Option<Source>) -> Participant {
    Participant {
        role: Role::Perpetrator,
        text: n.text.clone(),
        span: n.span,
        entity: None,
        responsibility: Some(resp),
        attributed_by: by,
    }
}

/// Who stands behind a perpetrator's reading: the report's source for an attribution, a
/// suspicion or an allegation; nobody for a group's own claim or denial.
fn source_of_reading(resp: Responsibility, attribution: Option<&Attribution>) -> Option<Source> {
    match resp {
        Responsibility::Attributed | Responsibility::Suspected | Responsibility::Alleged => {
            attribution.map(|a| a.source.clone())
        }
        _ => None,
    }
}

/// A participant the report names in `role` (a person killed or arrested, a target), linked
/// to no entity.
fn unlinked(role: Role, text: String, span: Span) -> Participant {
    Participant {
        role,
        text,
        span,
        entity: None,
        responsibility: None,
        attributed_by: None,
    }
}

/// Whether an apposition (lower case, with its commas: ", the suspected attacker,") names its
/// person as an attack's doer: "the attacker", "the suspected gunman", "the alleged bomber".
fn attacker_apposition(apposition: &str) -> bool {
    let words: Vec<&str> = apposition
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    matches!(words.first(), Some(&("the" | "a" | "an")))
        && words.len() <= 4
        && words.last().is_some_and(|w| {
            [
                "attacker",
                "assailant",
                "gunman",
                "bomber",
                "knifeman",
                "shooter",
                "perpetrator",
                "suspect",
            ]
            .contains(w)
        })
}

/// The persons named as killed in the attack's clause: right after a kill verb ("killed Khalil
/// Haqqani", "assassinated ..."), or right before a passive one ("Khalil Haqqani was killed").
/// Names joined by "and" count; a person killed in a conditional or negated phrase does not
/// reach here (the certainty cues are the event's).
fn killed_persons(cx: &Context, sentence: Span, trigger: Span) -> Vec<(String, Span)> {
    const ACTIVE: &[&str] = &[
        "killed",
        "kills",
        "killing",
        "assassinated",
        "murdered",
        "shot dead",
        "shot and killed",
    ];
    const PASSIVE: &[&str] = &[
        "was killed",
        "were killed",
        "was assassinated",
        "was murdered",
        "was shot dead",
        "were shot dead",
    ];
    let t = cx.text;
    let cl = clause(t, sentence, trigger);
    let persons: Vec<&EntityMention> = cx
        .names
        .iter()
        .filter(|n| n.label == "PERSON" && inside(n.span, cl))
        .collect();
    let mut out: Vec<(String, Span)> = Vec::new();
    for (i, n) in persons.iter().enumerate() {
        let before = t[cl.start..n.span.start].to_lowercase();
        let before = before.trim_end();
        // "killed X and Y": the second name follows the first and "and".
        let after_and = before
            .strip_suffix(" and")
            .is_some_and(|_| i > 0 && out.last().is_some_and(|(_, s)| *s == persons[i - 1].span));
        let active = ACTIVE
            .iter()
            .any(|v| before.ends_with(&format!(" {v}")) || before == *v);
        let after = t[n.span.end..cl.end].to_lowercase();
        // "X, the Tunisian suspected of ..., was shot dead by police": a suspect, no victim.
        let by_police = |r: &str, v: &str| by_security_agent(&r[v.len() + 1..]);
        let passive = PASSIVE.iter().any(|v| {
            let direct = after.starts_with(&format!(" {v}"));
            let apposed = after
                .strip_prefix(',')
                .and_then(|r| r.find(", ").map(|k| &r[k + 1..]))
                .filter(|r| r.starts_with(&format!(" {v}")));
            match (direct, apposed) {
                (true, _) => !by_police(&after, v),
                // "John Smith, the suspected attacker, was shot dead after the attack": the
                // apposition makes him its attacker, no victim of it.
                (false, Some(r)) => {
                    !by_police(r, v) && !attacker_apposition(&after[..after.len() - r.len()])
                }
                _ => false,
            }
        });
        if active || passive || after_and {
            out.push((n.text.clone(), n.span));
        }
    }
    out
}

/// The day a "later" or "earlier" without a date in its own sentence counts from: the story's
/// last date before it ("In September 2022, a suicide bomber killed ... The group claimed
/// responsibility a day later": a day after some day of that month, so no day), else for
/// "earlier" the document's date. "A day later" with no date before it is not the day after
/// publication.
fn story_day(cx: &Context, at: Span, sign: i64) -> Option<NaiveDate> {
    let sentence_of = |s: Span| cx.sentences.iter().position(|x| inside(s, x.span));
    let here = sentence_of(at)?;
    // The story's date within the three sentences before, as the time-expression stage
    // anchors its anaphors; a date further back is another part of the story.
    let last = cx
        .timexes
        .iter()
        .filter(|o| o.span.end <= at.start && o.kind == TimexType::Date)
        .filter(|o| sentence_of(o.span).is_some_and(|i| here - i <= 3 && !in_dateline(cx, o.span)))
        .filter(|o| {
            o.value
                .get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        })
        .max_by_key(|o| o.span.start);
    match last {
        Some(o) => NaiveDate::parse_from_str(o.value.get(..10)?, "%Y-%m-%d").ok(),
        None if sign < 0 => cx.dct,
        None => None,
    }
}

/// Verbs of blaming, for the date of a blame ([`claim_or_blame_of`]) and the group blamed
/// ([`blamed_group`]).
const BLAME_VERBS: [&str; 3] = ["blamed", "blames", "blaming"];

/// Whether the trigger names the act a person is suspected or accused of ("the man suspected
/// of driving a van into crowds") or the one a victim was killed in ("a soldier killed in an
/// ambush"), and `date`, after it, lies past a comma or a main verb.
fn described_act(text: &str, sentence: Span, trigger: Span, date: Span) -> bool {
    let lead = text
        .get(sentence.start..trigger.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    // ("The body of a fourth American soldier killed in an ambush in southwestern Niger was
    // recovered on Friday": the victim's description.)
    let lead_np = lead
        .strip_suffix(" a")
        .or_else(|| lead.strip_suffix(" an"))
        .or_else(|| lead.strip_suffix(" the"))
        .unwrap_or(&lead);
    let described = [
        "suspected of",
        "accused of",
        "charged with",
        "convicted of",
        "wanted for",
        "wanted in connection with",
        "suspect in",
        "suspects in",
    ]
    .iter()
    // ("suspected of the Berlin market attack": a few words of the act's name between.)
    .any(|w| {
        lead.rfind(w).is_some_and(|i| {
            let rest = &lead[i + w.len()..];
            !rest.contains([',', ';']) && rest.split_whitespace().count() <= 4
        })
    }) || ["killed in", "wounded in", "injured in", "died in"]
        .iter()
        .any(|w| lead_np.ends_with(w));
    let between = text
        .get(trigger.end..date.start)
        .unwrap_or("")
        .to_lowercase();
    described
        && (between.contains(',')
            || between.split_whitespace().any(|w| {
                [
                    "turned",
                    "was",
                    "were",
                    "is",
                    "are",
                    "has",
                    "had",
                    "appeared",
                    "surrendered",
                    "died",
                    "fled",
                    "handed",
                    "gave",
                ]
                .contains(&w)
            }))
}

/// "The death toll from the shootings at two mosques in Christchurch rose to 50 on Sunday": a
/// date after the verb of a changed toll, with the trigger in the toll's own phrase, dates the
/// change.
fn toll_change_between(text: &str, sentence: Span, trigger: Span, date: Span) -> bool {
    let lead = text
        .get(sentence.start..trigger.start)
        .unwrap_or("")
        .to_lowercase();
    let between = text
        .get(trigger.end..date.start)
        .unwrap_or("")
        .to_lowercase();
    [
        "toll",
        "number of dead",
        "number of people killed",
        "number of victims",
    ]
    .iter()
    .any(|w| lead.contains(w))
        && [
            "rose to",
            "rises to",
            "risen to",
            "climbed to",
            "climbs to",
            "increased to",
            "reached",
            "was raised to",
            "was revised to",
            "stood at",
            "stands at",
        ]
        .iter()
        .any(|v| between.contains(v))
        // "revised the death toll from the twin bombings in Kerman to 95 on Thursday".
        || changed_toll(&lead).is_some() && between.contains(" to ")
}

/// "revised the death toll", "raised the toll", "lowered the official death toll": where a
/// verb changing a death toll ends in the text (any case).
fn changed_toll(text: &str) -> Option<usize> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"(?i)\b(?:revised|raised|lowered|updated|corrected|increased|reduced|cut)(?: down| up)? the (?:official )?(?:(?:death )?toll|number of (?:people killed|dead|deaths|fatalities))\b",
    )?;
    re.find(text).map(|m| m.end())
}

/// Where the last word "after" or "before" of lower-case text starts.
fn last_after_or_before(lower: &str) -> Option<usize> {
    ["after", "before"]
        .iter()
        .filter_map(|w| find_word_last(lower, w))
        .max()
}

/// Whether the words between a date and a later trigger put the trigger in a clause of its own
/// introduced by "after" or "before" ("on Saturday after Islamist gunmen attacked"): the date
/// is the other clause's. Not "On Friday, after prayers, gunmen attacked", where the phrase
/// closes before the trigger's clause.
fn after_clause_between(between: &str) -> bool {
    let b = between.to_lowercase();
    let Some(i) = last_after_or_before(&b) else {
        return false;
    };
    let rest = &b[i..];
    // ("on Wednesday ..., a day after they were arrested": counted from that date. Not "on
    // Wednesday, almost 20 hours after militants stormed it": hours may cross a day.)
    let counted = b[..i].split_whitespace().next_back().is_some_and(|w| {
        [
            "day", "days", "week", "weeks", "hour", "minutes", "month", "months", "shortly",
            "just", "soon", "year", "years",
        ]
        .contains(&w)
    });
    !counted && !rest.contains([',', ';', ':']) && rest.split_whitespace().count() <= 5
}

/// "claimed responsibility on Tuesday for the bombings", "blamed Kurdish militants on Monday
/// for a bomb attack": where the verb of a claim or a blame starts and where its "for" starts,
/// when the trigger is what it is for.
fn claim_or_blame_of(text: &str, sentence: Span, trigger: Span) -> Option<(usize, usize)> {
    let before = text
        .get(sentence.start..trigger.start)?
        .to_ascii_lowercase();
    // The last of `verbs` before the trigger, with at most three words between them.
    let last_verb = |verbs: &[&str]| {
        verbs
            .iter()
            .filter_map(|v| before.rfind(v).map(|i| (i, i + v.len())))
            .max()
            .filter(|&(_, e)| before[e..].split_whitespace().count() <= 3)
            .map(|(v, _)| (sentence.start + v, trigger.start))
    };
    // "On Tuesday, Islamic State claimed the truck attack in Berlin": the attack as the
    // claim's object.
    // ("The Resistance Front on Saturday denied involvement in the attack": a denial's date.)
    let object = last_verb(&[
        "claimed the ",
        "claims the ",
        "claimed a ",
        "reklamierte den ",
    ])
    .or_else(|| {
        last_verb(&[
            "denied involvement in ",
            "denied any involvement in ",
            "denied any role in ",
            "denied a role in ",
            "denied responsibility for ",
            "denied being behind ",
            "denied carrying out ",
            "denied conducting ",
            "denied staging ",
            "distanced itself from ",
            "distanced the group from ",
            "disowned ",
        ])
    });
    if object.is_some() {
        return object;
    }
    // "pointed to X as the main suspect in the car bombing": the same with "suspect in".
    let suspect_in = ["suspect in ", "suspects in "]
        .iter()
        .filter_map(|w| before.rfind(w).map(|i| i + w.len() - 4))
        .max();
    let for_at = before.rfind(" for ").max(suspect_in)?;
    if before[for_at + 4..].split_whitespace().count() > 3 {
        return None;
    }
    let head = &before[..for_at];
    [
        "claimed responsibility",
        "claims responsibility",
        "claiming responsibility",
        "took responsibility",
        "accused",
        "accuses",
        "pointed to",
        "points to",
    ]
    .iter()
    .chain(&BLAME_VERBS)
    .filter_map(|v| head.rfind(v))
    .max()
    .map(|v| (sentence.start + v, sentence.start + for_at))
}

fn date_of(
    cx: &Context,
    sentence: Span,
    trigger: Span,
    kind: EventKind,
    skip: &[Span],
) -> Option<EventDate> {
    let mut best: Option<(usize, &TimeExpression, Option<NaiveDate>)> = None;
    // The date of a claim or a blame the trigger is the object of: the attack was by then.
    let mut claim_day: Option<&TimeExpression> = None;
    let cl = clause(cx.text, sentence, trigger);
    // The date of a claim or a blame is not that of the attack it is for: "blamed X on Monday
    // for a bomb attack", "claimed responsibility for the bombings on Tuesday" (an attack
    // named with "the" is one told before).
    let claimed_at = (kind != EventKind::ClaimOfResponsibility)
        .then(|| claim_or_blame_of(cx.text, sentence, trigger))
        .flatten();
    let relative = crate::text::relative_clauses(cx.text, sentence);
    let definite = cx.text[sentence.start..trigger.start]
        .trim_end()
        .to_ascii_lowercase()
        .ends_with("the");
    // "The ADF, a Ugandan rebel group that has operated in eastern Congo since the 1990s,
    // pledged allegiance": a date in the appositive between the subject and the trigger
    // describes the subject. "Hezbollah named Naim Qassem as its new secretary-general on
    // October 29, more than a month after its long-time leader was killed": the trigger in a
    // clause "after" opens is not dated by the main clause.
    let appositive_before = |x: Span| {
        let Some(open) = cx.text[sentence.start..x.start].rfind(", ") else {
            return false;
        };
        let open = sentence.start + open;
        let between = &cx.text[x.end..trigger.start];
        let head = cx.text[open + 2..x.start].to_lowercase();
        between.trim_end().ends_with(',')
            && !between.trim_end()[..between.trim_end().len() - 1].contains(',')
            && ["a ", "an ", "the ", "which ", "who "]
                .iter()
                .any(|w| head.starts_with(w))
    };
    // (Not "on Wednesday ..., a day after they were arrested": a day counted from that date.)
    let after_clause = |x: Span| {
        let between = cx.text[x.end.min(trigger.start)..trigger.start].to_lowercase();
        let counted = [
            "a day",
            "one day",
            "two days",
            "three days",
            "the day",
            "hours",
            "an hour",
            "minutes",
        ]
        .iter()
        .any(|c| {
            between.contains(&format!("{c} after")) || between.contains(&format!("{c} before"))
        });
        x.end <= trigger.start
            && (between.contains(" after ") || between.contains(" before "))
            && !counted
            && between.contains(',')
    };
    // "said on Sunday that 137 students abducted from a school in Kuriga earlier this month
    // had been released": the day of the saying yields to a date after the trigger.
    let own_date_after = cx.timexes.iter().any(|o| {
        inside(o.span, sentence)
            && o.span.start >= trigger.end
            && matches!(o.kind, TimexType::Date | TimexType::Time)
            && {
                // (Not "captured the town of Palma after an attack that began last Wednesday":
                // another clause's date.)
                let b = cx.text[trigger.end..o.span.start].to_lowercase();
                !b.contains([',', ';'])
                    && ![
                        "that", "which", "who", "after", "before", "when", "while", "and", "but",
                        "since", "until",
                    ]
                    .iter()
                    .any(|w| find_word(&b, 0, b.len(), w).is_some())
            }
    });
    let said_that = |x: Span| {
        let between = cx.text[x.end..trigger.start].to_lowercase();
        find_word(&between, 0, between.len(), "that").is_some()
    };
    for t in cx.timexes {
        if !inside(t.span, sentence) || skip.iter().any(|s| inside(t.span, *s)) {
            continue;
        }
        if t.span.end <= trigger.start && (appositive_before(t.span) || after_clause(t.span)) {
            continue;
        }
        if t.span.end <= trigger.start && own_date_after && said_that(t.span) {
            continue;
        }
        // "detained several people suspected of planning attacks around Christmas", reported on
        // December 22: an arrest told as done is not dated after its report.
        if kind == EventKind::Arrest
            && t.earliest
                .zip(cx.dct)
                .is_some_and(|(e, dct)| e.date() > dct)
        {
            continue;
        }
        // "the first major attack in Mogadishu since the president took office in May": what
        // "since" counts from is another thing's date.
        // ("arrested 60 people since Sunday": the event's own period.)
        if t.span.start >= trigger.end && {
            let b = cx.text[trigger.end..t.span.start].to_lowercase();
            find_word(&b, 0, b.len(), "since")
                .is_some_and(|i| b[i + 5..].split_whitespace().count() >= 2)
        } {
            continue;
        }
        // "It was the first suicide bombing in the capital since the fall of Assad in December,
        // and the deadliest attack on Christians in years": a date inside a "since" phrase
        // that closes before the trigger is what the phrase counts from.
        if t.span.end <= trigger.start && {
            let lead = cx.text[sentence.start..t.span.start].to_lowercase();
            find_word_last(&lead, "since").is_some_and(|i| {
                let phrase = lead.get(i + 5..).unwrap_or("");
                !phrase.contains([',', ';'])
                    && phrase.split_whitespace().count() >= 2
                    && cx.text[t.span.end..trigger.start].contains([',', ';'])
            })
        } {
            continue;
        }
        // ("claimed responsibility for Friday night's attack": that date is the attack's.)
        if let Some((v, for_at)) = claimed_at {
            // ("Bangladeshi officials on Sunday blamed JMB for the attack": the day of the
            // blame may stand before its verb.)
            // ("On Tuesday, Islamic State claimed the truck attack": a few words before.)
            let before_verb = t.span.end <= v
                && (v - t.span.end <= 2
                    || cx.text[t.span.end..v].split_whitespace().count() <= 4
                        && !cx.text[t.span.end..v].contains([';', '.']));
            // ("claimed the March 22 attack on Crocus City Hall": a date right before the
            // attack word is the attack's.)
            // ("denied any involvement in Tuesday's attack": a day in the possessive too.)
            let premodifier = t.span.end <= trigger.start
                && matches!(cx.text[t.span.end..trigger.start].trim(), "" | "'s" | "’s");
            let between = t.span.start >= v && t.span.end <= for_at && !premodifier || before_verb;
            let right_after = definite
                && t.span.start >= trigger.end
                && cx
                    .text
                    .get(trigger.end..t.span.start)
                    .is_some_and(|g| ["", "on", "in"].contains(&g.trim()));
            if between || right_after {
                if claim_day.is_none() && t.kind == TimexType::Date {
                    claim_day = Some(t);
                }
                continue;
            }
        }
        let offset = if t.kind == TimexType::Duration {
            offset_day(cx, sentence, t)
        } else {
            None
        };
        if offset.is_none() && !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        if offset.is_none() && (t.value.ends_with("_REF") || t.value.starts_with('P')) {
            continue;
        }
        if in_dateline(cx, t.span) {
            continue;
        }
        // "was charged on Friday with planning an attack", "charged four men on Sunday over
        // the attack", "arrested in Ternitz on Wednesday has confessed to planning": the day of
        // the charge, plea or arrest is not that of the act it is about.
        if kind != EventKind::Arrest
            && t.span.end <= trigger.start
            && dates_a_legal_step(cx.text, sentence, t.span, trigger)
        {
            continue;
        }
        // "Police declared the stabbing of a bishop a terrorist incident on Tuesday": the day
        // of the declaration, not of the act it names.
        if t.span.start >= trigger.end
            && declared_object(cx.text, sentence, trigger)
            && cx.text[trigger.end..t.span.start]
                .split_whitespace()
                .any(|w| ["a", "an", "as"].contains(&w))
        {
            continue;
        }
        // "who had led Boko Haram since 2009 and pledged allegiance to Islamic State in March
        // 2015": a date right before "and" is the first verb's, when the trigger's own verb has
        // a date of its own after it.
        if t.span.end <= trigger.start
            && matches!(cx.text[t.span.end..trigger.start].trim(), "and" | ", and")
            && cx.timexes.iter().any(|o| {
                o.span.start >= trigger.end
                    && inside(o.span, sentence)
                    && matches!(o.kind, TimexType::Date | TimexType::Time)
                    && !cx.text[trigger.end..o.span.start].contains([',', ';'])
            })
        {
            continue;
        }
        // "A year after the truck attack that killed 86 people on the Promenade des Anglais,
        // Nice held a ceremony on Friday": the main clause's date is not that of the attack
        // in the fronted phrase.
        if t.span.start >= trigger.end && fronted_after(cx.text, sentence, trigger, t.span) {
            continue;
        }
        // "in a video released on Monday", "in a statement posted on Telegram on Friday": when
        // the message came out, not when what it tells of happened.
        if !inside(t.span, trigger) && released_message_before(cx.text, sentence, t.span) {
            continue;
        }
        // "held in custody until 22 May": an end, not when it happened.
        let lead = cx.text[sentence.start..t.span.start]
            .trim_end()
            .to_lowercase();
        if ["until", "till", "through", "bis"]
            .iter()
            .any(|w| lead.ends_with(&format!(" {w}")) || lead == *w)
        {
            continue;
        }
        if crate::text::in_other_of(cx.text, &relative, t.span, trigger) {
            continue;
        }
        // "the deadliest attack since the 1998 embassy bombing", "the worst since October
        // 2022": the date an attack is measured from is not its own (an arrest "since Sunday"
        // is, below).
        if kind != EventKind::Arrest && t.span.start >= trigger.end {
            let lead = cx.text[sentence.start..t.span.start]
                .trim_end()
                .to_lowercase();
            let lead = lead.strip_suffix(" the").unwrap_or(&lead);
            if lead.ends_with(" since") {
                continue;
            }
        }
        // "the man suspected of driving a van into crowds on Las Ramblas, near the town of
        // Subirats on Monday", "A man suspected of stabbing three people ... turned himself in
        // to police late on Saturday": an act named to say who someone is; a date past a comma
        // or a main verb after it is the main clause's.
        if t.span.start >= trigger.end && described_act(cx.text, sentence, trigger, t.span) {
            continue;
        }
        // "Der Angriff fiel auf den Jahrestag des Olympia-Attentats von 1972", "on the
        // anniversary of the 2015 attacks": the year of what is remembered.
        if t.span.start >= trigger.end
            && cx
                .text
                .get(trigger.end..t.span.start)
                .map(str::to_lowercase)
                .is_some_and(|b| {
                    // (Not past the remembered thing's place: "marking the anniversary of the
                    // killing of Qasem Soleimani in Kerman on Wednesday" is that Wednesday.)
                    ["anniversary", "jahrestag"].iter().any(|w| {
                        b.rfind(w).is_some_and(|k| {
                            let tail = &b[k..];
                            !tail.contains(" in ") && !tail.contains(',') && !tail.contains(" on ")
                        })
                    })
                })
        {
            continue;
        }
        // "The death toll from the shootings ... rose to 50 on Sunday": the day of the toll.
        if t.span.start >= trigger.end && toll_change_between(cx.text, sentence, trigger, t.span) {
            continue;
        }
        // "ended a siege ... on Saturday after Islamist gunmen attacked the hotel": the day of
        // the clause the trigger's "after" clause follows.
        if t.span.end <= trigger.start && after_clause_between(&cx.text[t.span.end..trigger.start])
        {
            continue;
        }
        // A date said of the speaker ("wrote in December 2023") is not the event's date. But
        // "The United States has designated the Houthis ..., Rubio announced on Tuesday": a
        // designation just made is made the day it is announced.
        let announced_now = kind == EventKind::Designation
            && cx
                .text
                .get(sentence.start..trigger.start)
                .is_some_and(|b| b.trim_end().ends_with(" has") || b.trim_end().ends_with(" have"));
        if !announced_now
            && cx.attributions.iter().any(|a| {
                a.said_at.as_deref() == Some(t.value.as_str())
                    && inside(a.cue_span, sentence)
                    && gap(a.cue_span, t.span) < 24
                    && gap(a.cue_span, t.span) < gap(trigger, t.span)
            })
        {
            continue;
        }
        // "On Monday, ... Putin said the attack had been carried out by": the date frames the
        // saying, and the event is in what was said.
        if !matches!(kind, EventKind::ClaimOfResponsibility | EventKind::Warning)
            && cx.attributions.iter().any(|a| {
                inside(a.cue_span, sentence)
                    && t.span.end <= a.cue_span.start
                    && a.cue_span.end <= trigger.start
            })
        {
            continue;
        }
        let mut d = gap(t.span, trigger);
        if !inside(t.span, cl) {
            d += 400;
        }
        // "over the attack on the concert venue, in which at least 139 people were killed on
        // Friday": the date of an "in which" clause on the trigger is its own (not that of
        // "which Islamic State claimed on Thursday").
        if relative.iter().any(|r| {
            inside(t.span, *r)
                && r.start >= trigger.end
                && r.start - trigger.end <= 80
                && crate::text::opens_in_which(cx.text, r.start)
        }) {
            d = 0;
        }
        // "during Friday prayers on March 15, 2019": a weekday naming a weekly custom gives way
        // to any other date of the sentence.
        let custom = cx.text[t.span.end..sentence.end]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|w| {
                [
                    "prayers", "prayer", "sermon", "service", "services", "mass", "market",
                ]
                .contains(&w.to_lowercase().as_str())
            });
        if custom {
            d += 500;
        }
        // "an attack ... in October 2022 and a second attack ... in August 2023": a date
        // before "and" belongs to the conjunct before.
        if t.span.end <= trigger.start
            && [" and a ", " and an ", " and the ", " and another "]
                .iter()
                .any(|c| {
                    cx.text[t.span.end..trigger.start]
                        .to_lowercase()
                        .contains(c)
                })
        {
            d += 300;
        }
        if best.is_none_or(|(bd, _, _)| d < bd) {
            best = Some((d, t, offset));
        }
    }
    if let Some((_, t, Some(day))) = best {
        let v = day.format("%Y-%m-%d").to_string();
        let end = cx.text[t.span.end..sentence.end]
            .find(|c: char| c.is_alphanumeric())
            .map(|i| t.span.end + i)
            .and_then(|i| {
                cx.text[i..sentence.end]
                    .find(|c: char| !c.is_alphanumeric())
                    .map(|j| i + j)
            })
            .unwrap_or(t.span.end);
        return Some(EventDate {
            value: v.clone(),
            precision: "day".into(),
            modifier: None,
            earliest: Some(v.clone()),
            latest: Some(v),
            text: cx.text[t.span.start..end].to_string(),
            span: Span::new(t.span.start, end),
        });
    }
    if let Some((_, t, _)) = best {
        let mut date = EventDate {
            value: t.value.clone(),
            precision: precision(&t.value).to_string(),
            modifier: t.modifier.clone(),
            earliest: t.earliest.map(|d| d.format("%Y-%m-%d").to_string()),
            latest: t.latest.map(|d| d.format("%Y-%m-%d").to_string()),
            text: t.text.clone(),
            span: t.span,
        };
        // "shortly before Christmas": before the date, within its month.
        let before = cx.text[sentence.start..t.span.start].to_lowercase();
        let b = before.trim_end();
        let since = kind == EventKind::Arrest
            && (b.ends_with(" since") || b == "since" || b.ends_with(" seit"));
        if let Some(m) = [
            "shortly before",
            "just before",
            "in the run-up to",
            "kurz vor",
        ]
        .iter()
        .find(|m| b.ends_with(*m))
        {
            date.modifier = Some("BEFORE".into());
            if date.precision == "day" {
                date.earliest = Some(format!("{}-01", &t.value[..7]));
            }
            // The modifier and the date ("shortly before Christmas"), in the text's own case.
            let from = sentence.start + b.len() - m.len();
            date.text = cx.text.get(from..t.span.end).unwrap_or(&t.text).to_string();
        } else if b.ends_with("shortly after")
            || b.ends_with("just after")
            || b.ends_with("kurz nach")
            // "have arrested 60 people since Sunday": on that day or after it (arrests add up;
            // "the deadliest attack since October 2022, when two car bombs ..." is no such
            // case).
            || since
        {
            date.modifier = Some("AFTER".into());
            if let Some(dct) = cx.dct.filter(|_| since) {
                date.latest = Some(dct.format("%Y-%m-%d").to_string());
            }
        }
        return Some(date);
    }
    // "In January, ISKP claimed the twin bombings in Kerman": on or before the end of January
    // (a claim's day says little more than "before publication").
    if let Some(t) = claim_day
        .filter(|_| kind == EventKind::Attack)
        .filter(|t| !matches!(precision(&t.value), "day" | "time"))
    {
        if let Some(l) = t.latest {
            let day = l.format("%Y-%m-%d").to_string();
            return Some(EventDate {
                value: day.clone(),
                precision: "day".into(),
                modifier: Some("ON_OR_BEFORE".into()),
                earliest: None,
                latest: Some(day),
                text: t.text.clone(),
                span: t.span,
            });
        }
    }
    undated(cx, trigger, kind)
}

/// Past events without a date of their own happened before the document was published.
fn undated(cx: &Context, trigger: Span, kind: EventKind) -> Option<EventDate> {
    if !matches!(
        kind,
        EventKind::Attack
            | EventKind::Arrest
            | EventKind::ClaimOfResponsibility
            | EventKind::LeaderKilled
            // ("said on Monday that they had retaken the town of Palma": done by then.)
            | EventKind::Recapture
            | EventKind::Withdrawal
    ) {
        return None;
    }
    let v = cx.dct?.format("%Y-%m-%d").to_string();
    Some(EventDate {
        value: v.clone(),
        precision: "day".into(),
        modifier: Some("BEFORE".into()),
        earliest: None,
        latest: Some(v),
        text: String::new(),
        span: trigger,
    })
}

/// The precision of a TIMEX3 value: "day", "month", "year", "week", "season", "quarter",
/// "decade", "century", "time".
pub fn precision(value: &str) -> &'static str {
    let b = value.as_bytes();
    if value.contains('T') && value.len() > 10 && b.get(11).is_some_and(|c| c.is_ascii_digit()) {
        return "time";
    }
    if value.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        return "day";
    }
    if value.contains("-W") {
        return "week";
    }
    if value.len() >= 7 && b[4] == b'-' {
        let rest = &value[5..];
        if rest.starts_with('Q') || rest.starts_with('H') {
            return "quarter";
        }
        if rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            return "season";
        }
        return "month";
    }
    match value.len() {
        4 => "year",
        3 => "decade",
        2 => "century",
        _ => "unknown",
    }
}

/// "Police in Peshawar said on Thursday that they had arrested ...": the city whose police
/// made the arrest.
fn police_city(cx: &Context, sentence: Span) -> Option<EventPlace> {
    cx.places
        .iter()
        .filter(|g| inside(g.span, sentence))
        .filter(|g| g.place.kind == dossier_core::place::PlaceKind::City)
        .find(|g| {
            let before = cx.text[sentence.start..g.span.start]
                .trim_end()
                .to_lowercase();
            ["police in", "officers in", "authorities in", "polizei in"]
                .iter()
                .any(|w| before.ends_with(w))
        })
        .map(|g| EventPlace {
            text: g.text.clone(),
            span: g.span,
            place: Some(g.place.clone()),
        })
}

/// "German police arrested 25 people": an arrest with no place of its own is in the country
/// whose police (or prosecutors, authorities, ministry) made or announced it.
fn police_country(cx: &Context, sentence: Span) -> Option<EventPlace> {
    cx.places
        .iter()
        .filter(|g| inside(g.span, sentence))
        .filter(|g| g.place.kind == dossier_core::place::PlaceKind::Country)
        .find(|g| {
            // ("Iran's Ministry of Intelligence said ... 11 people had been arrested".)
            let after = &cx.text[g.span.end..sentence.end];
            let after = past_possessive(after).unwrap_or(after);
            let next = after
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase();
            [
                "police",
                "authorities",
                "prosecutors",
                "officers",
                "ministry",
                "intelligence",
                "security",
                "interior",
                "polizei",
                "behörden",
            ]
            .contains(&next.as_str())
        })
        .map(|g| EventPlace {
            text: g.text.clone(),
            span: g.span,
            place: Some(g.place.clone()),
        })
}

/// The country most places of the document are in.
fn focus_country<'c>(cx: &Context<'c>) -> Option<&'c str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for g in cx.places {
        let cc = g.place.country_code.as_str();
        match counts.iter_mut().find(|c| c.0 == cc) {
            Some(c) => c.1 += 1,
            None => counts.push((cc, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|c| c.1)
        .filter(|c| c.1 >= 2)
        .map(|c| c.0)
}

/// Nouns of forces and their means a demonym may name the owner of ("Israeli troops", "an
/// Israeli helicopter attack", "an Israeli patrol"): whose they are, not where anything was.
const FORCE_NOUNS: &[&str] = &[
    "troops",
    "soldiers",
    "soldier",
    "forces",
    "force",
    "army",
    "military",
    "patrol",
    "patrols",
    "helicopter",
    "helicopters",
    "jets",
    "jet",
    "warplanes",
    "warplane",
    "aircraft",
    "drone",
    "drones",
    "tank",
    "tanks",
    "navy",
    "naval",
    "artillery",
    "commandos",
    "gunship",
    "gunships",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "raid",
    "raids",
    "shelling",
    "bombardment",
    "fire",
    "missile",
    "missiles",
    "operation",
    "offensive",
];

/// Whether the place at `span` is a demonym (a NORP name) right before a noun of forces or
/// their means ("Israeli troops", "an Israeli helicopter attack"): it names whose they are, not
/// where anything happened (but "near the Swedish parliament" places it).
fn demonym_before_noun(cx: &Context, sentence: Span, span: Span) -> bool {
    let norp = cx.names.iter().any(|n| n.span == span && n.label == "NORP");
    if !norp {
        return false;
    }
    let Some(rest) = cx
        .text
        .get(span.end..sentence.end)
        .and_then(|r| r.strip_prefix(' '))
    else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    FORCE_NOUNS.contains(&next)
}

fn place_of(
    cx: &Context,
    sentence: Span,
    trigger: Span,
    skip: &[Span],
    withdrawal: bool,
) -> Option<EventPlace> {
    let mut best: Option<(usize, &dossier_core::place::GeoRef)> = None;
    let focus = focus_country(cx);
    let cl = clause(cx.text, sentence, trigger);
    // ("700 people had been killed in Israel, while ... 413 Palestinians had been killed in
    // Israeli air strikes on the territory": the other part's place is not this event's.)
    let part = crate::text::contrast_part(cx.text, sentence, trigger);
    for g in cx.places {
        // (The dateline's city is where the story was filed: [`dateline_place`] decides.)
        if !inside(g.span, part)
            || skip.iter().any(|s| inside(g.span, *s))
            || in_dateline(cx, g.span)
        {
            continue;
        }
        // A place word inside an organisation's name ("Washington Institute"), or a group's
        // whole name ("JAS" is not Iaşi), is not a place.
        if cx
            .actors
            .iter()
            .any(|a| !a.coreference && a.span.start <= g.span.start && g.span.end <= a.span.end)
        {
            continue;
        }
        // Nor inside an institution's name the NER found ("said Paul Mercer of the Sahel Risk
        // Group").
        if cx.names.iter().any(|n| {
            n.label == "ORG"
                && n.span.start <= g.span.start
                && g.span.end <= n.span.end
                && n.span != g.span
                && n.text
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| INSTITUTIONS.contains(&w))
        }) {
            continue;
        }
        // "the Moscow attackers", "the Kabul bombing": the place right before the trigger
        // (but "a US drone strike" names who struck).
        let striker = matches!(g.place.kind, dossier_core::place::PlaceKind::Country)
            && cx.text[trigger.start..trigger.end]
                .to_lowercase()
                .contains("strike");
        // ("A US-British air strike", "a US and British strike": the strikers together.)
        let strikers_between = g.span.end <= trigger.start && {
            let between = &cx.text[g.span.end..trigger.start];
            between.len() <= 24
                && (between.starts_with('-') || between.starts_with(" and "))
                && between
                    .trim_start_matches(['-', ' '])
                    .trim_start_matches("and ")
                    .split_whitespace()
                    .count()
                    <= 1
        };
        if striker
            && g.span.end <= trigger.start
            && (trigger.start - g.span.end <= 1 || strikers_between)
        {
            continue;
        }
        // "killed by Israeli troops", "an Israeli helicopter attack", "an encounter with an
        // Israeli patrol": a demonym before a noun of forces says whose they were, not where
        // it happened.
        if demonym_before_noun(cx, sentence, g.span) {
            continue;
        }
        // ("A 27-year-old Syrian detonated a bomb": a demonym before a verb is its subject.)
        let demonym_subject = cx
            .names
            .iter()
            .any(|n| n.span == g.span && n.label == "NORP")
            && cx.text[trigger.start..trigger.end]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    // ("A 24-year-old Afghan drove a Mini into a march".)
                    w.ends_with("ed")
                        || [
                            "drove", "shot", "struck", "blew", "ran", "threw", "set", "stabbed",
                        ]
                        .contains(&w.to_lowercase().as_str())
                });
        if g.span.end <= trigger.start && trigger.start - g.span.end <= 1 && !demonym_subject {
            return Some(EventPlace {
                text: g.text.clone(),
                span: g.span,
                place: Some(g.place.clone()),
            });
        }
        // "the bombers who struck a memorial in Kerman ... 11 people had been arrested": the
        // place of another clause's event.
        // "... in Vienna, where police arrested": the clause is about its antecedent place.
        let antecedent = cx.text[g.span.end..sentence.end].starts_with(", where ");
        if !antecedent && in_other_relative_clause(cx.text, sentence, g.span, trigger) {
            continue;
        }
        // "detained in the Bryansk region the day after the attack": the place of what
        // happened after (or before) it. But "Gwoza was seized ... before the army retook the
        // town": the object refers back to the place.
        let back_to_place = cx
            .text
            .get(trigger.end..sentence.end)
            .map(|r| r.trim_start().to_lowercase())
            .is_some_and(|r| {
                [
                    "the town",
                    "the city",
                    "the village",
                    "it ",
                    "it.",
                    "it,",
                    // "a siege at the Splendid Hotel in Ouagadougou ... after gunmen attacked
                    // the hotel": the place named with it.
                    "the hotel",
                    "the mall",
                    "the school",
                    "the university",
                    "the church",
                    "the mosque",
                    "the theatre",
                    "the market",
                    "the building",
                    "the compound",
                    "the base",
                    "the camp",
                ]
                .iter()
                .any(|o| r.starts_with(o))
            });
        if g.span.end <= trigger.start
            && !back_to_place
            && cx.text[g.span.end..trigger.start]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .take(4)
                .any(|w| {
                    ["after", "before", "since", "following", "until"]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(w))
                })
        {
            continue;
        }
        // "Anis Amri, the Tunisian suspected of driving a truck into a Berlin Christmas market,
        // was shot dead by police in Milan": the place of what happened to the suspect.
        if g.span.start >= trigger.end && described_act(cx.text, sentence, trigger, g.span) {
            continue;
        }
        // "driving a truck into a Berlin Christmas market", "the attack on a Kabul hospital": a
        // city naming the target right after the trigger is where it happened.
        if g.span.start >= trigger.end
            && g.place.kind == dossier_core::place::PlaceKind::City
            && cx.text[trigger.end..g.span.start].len() <= 12
            && [
                "into a", "into the", "on a", "on the", "at a", "at the", "a", "the",
            ]
            .contains(
                &cx.text[trigger.end..g.span.start]
                    .trim()
                    .to_lowercase()
                    .as_str(),
            )
            && cx.text[g.span.end..sentence.end]
                .strip_prefix(' ')
                .is_some_and(|r| {
                    r.starts_with(char::is_alphabetic)
                        // ("into a Verdi union demonstration": the union's name.)
                        && !r
                            .split(|c: char| !c.is_alphanumeric())
                            .next()
                            .is_some_and(|w| ACTOR_NOUNS.contains(&w.to_lowercase().as_str()))
                })
            && !cx
                .names
                .iter()
                .any(|n| n.span == g.span && n.label == "NORP")
        {
            return Some(EventPlace {
                text: g.text.clone(),
                span: g.span,
                place: Some(g.place.clone()),
            });
        }
        // "The attack came three months after gunmen killed 22 people at the Bardo museum in
        // Tunis": the place of the clause "after" opens.
        if g.span.start >= trigger.end && verb_clause_after(&cx.text[trigger.end..g.span.start]) {
            continue;
        }
        let before = cx.text[sentence.start..g.span.start].to_lowercase();
        let prep = before.trim_end();
        // "an attack in Europe in response to burnings of the Koran in Sweden": the place of
        // what it answers.
        if g.span.start >= trigger.end && in_reaction_phrase(cx.text, sentence, g.span) {
            continue;
        }
        // "a flat in Wesel, north of Duisburg": a landmark that places the place before it.
        let landmark = [
            "north of",
            "south of",
            "east of",
            "west of",
            "northeast of",
            "northwest of",
            "southeast of",
            "southwest of",
            "nördlich von",
            "südlich von",
            "östlich von",
            "westlich von",
        ]
        .iter()
        .find(|d| prep.ends_with(*d))
        .is_some_and(|d| {
            let lead = prep[..prep.len() - d.len()].trim_end();
            lead.ends_with(',')
                && cx.places.iter().any(|o| {
                    o.span.end <= g.span.start
                        && cx.text[o.span.end..g.span.start]
                            .trim_start()
                            .starts_with(',')
                        && sentence.start + lead.len() == o.span.end + 1
                })
        });
        if landmark {
            continue;
        }
        // "as passengers waited for the Jaffar Express to depart for Peshawar": where a train
        // or a traveller was going is not where it happened; "in contact with handlers in
        // Afghanistan": nor where people behind it were.
        if DESTINATION_WORDS
            .iter()
            .chain(ELSEWHERE_PEOPLE)
            .any(|w| prep.ends_with(w))
        {
            continue;
        }
        // ("caught in the Bryansk region, near the border with Ukraine": the neighbour is no
        // place of it.)
        if ["border with", "frontier with", "border of", "grenze zu"]
            .iter()
            .any(|w| prep.ends_with(w) || prep.ends_with(&format!("{w} the")))
        {
            continue;
        }
        // ("the group's reach beyond Afghanistan", "far from Kabul": not there.)
        if ["beyond", "outside of", "far from", "away from"]
            .iter()
            .any(|w| prep.ends_with(&format!(" {w}")) || prep == *w)
        {
            continue;
        }
        // "attacks outside Afghanistan": anywhere but there.
        if (prep.ends_with(" outside") || prep == "outside")
            && g.place.kind == dossier_core::place::PlaceKind::Country
        {
            continue;
        }
        // "abducted 276 schoolgirls from Chibok": where they were taken from is where it
        // happened.
        let taken_from = prep.ends_with(" from")
            && g.span.start >= trigger.end
            && ["abduct", "kidnap"].iter().any(|w| {
                cx.text[trigger.start..trigger.end]
                    .to_lowercase()
                    .starts_with(w)
            })
            && {
                let between = &cx.text[trigger.end..g.span.start];
                !between.contains([',', ';']) && between.split_whitespace().count() <= 7
            };
        // "two men from Afghanistan", "a citizen of Tajikistan": origin, not the event's place.
        if prep.ends_with(" from") && !withdrawal && !taken_from
            || [
                "citizen of",
                "citizens of",
                "national of",
                "nationals of",
                "native of",
                "natives of",
            ]
            .iter()
            .any(|x| prep.ends_with(x))
        {
            continue;
        }
        // "US officials", "Russian forces": a country naming an actor, not where it happened.
        let after = cx.text[g.span.end..sentence.end].to_lowercase();
        // ("Somalia's government": the noun after the possessive.)
        let after_owner = past_possessive(&after).unwrap_or(&after);
        let next = after_owner
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        // (The place's name may end with its "'s": "Saxony-Anhalt's".)
        let possessive =
            after_owner.len() < after.len() || g.text.ends_with("'s") || g.text.ends_with("’s");
        // ("in Kebbi state": a region, not the state as an actor; but "Saxony-Anhalt's state
        // premier" is one.)
        let region_state = next == "state"
            && g.place.kind == dossier_core::place::PlaceKind::Admin1
            && !possessive;
        // "Saxony-Anhalt's state premier Reiner Haseloff told reporters": a place owning an
        // office names who speaks, not where it happened.
        if ACTOR_NOUNS.contains(&next) && !region_state || possessive && OFFICES.contains(&next) {
            continue;
        }
        // "Ukraine denied any involvement in the attack": a state as the subject of what it
        // says, not where it happened; "killing 13 U.S. service members": people it names.
        if !possessive
            && !ends_with_preposition(prep, LOCATED)
            && (STATE_VERBS.contains(&next)
                || DESCRIBED_PEOPLE.contains(&next)
                || STATE_VERBS.contains(&verb_of_subject(after_owner)))
        {
            continue;
        }
        // "Russian officials claimed that Ukraine was involved in the attack": a state said to
        // have a part in it, not where it happened.
        if !ends_with_preposition(prep, LOCATED)
            && [
                "was involved",
                "were involved",
                "had been involved",
                "has been involved",
                "is involved",
                "was behind",
                "were behind",
                "is behind",
                "had been behind",
                "had a role",
                "had a hand",
                "played a role",
                "was responsible",
                "is responsible",
            ]
            .iter()
            .any(|v| after_owner.trim_start().starts_with(v))
        {
            continue;
        }
        // "Brenton Tarrant, a 29-year-old Australian, attacked": a demonym naming a person.
        let demonym = cx
            .names
            .iter()
            .any(|n| n.span == g.span && n.label == "NORP");
        // "the Somali militant group", "a son of Libyan parents": a demonym describing people.
        if demonym
            && (prep.ends_with("year-old")
                || after.trim_start().starts_with([',', '.', ';', ')'])
                || [
                    "who",
                    "was",
                    "is",
                    "had",
                    "has",
                    "and",
                    "suspected",
                    "accused",
                    "believed",
                    "arrested",
                    "identified",
                    "named",
                    "living",
                    "born",
                ]
                .contains(&next)
                || DESCRIBED_PEOPLE.contains(&next)
                // "A Syrian delivery driver", "a Syrian food delivery driver": a word or two
                // between.
                || after_owner
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .skip(1)
                    .take(2)
                    .any(|w| DESCRIBED_PEOPLE.contains(&w)))
        {
            continue;
        }
        // ("in the Brussels district of Anderlecht".)
        let located = ends_with_preposition(prep, LOCATED)
            || ends_with_preposition(prep, &["of", "to", "across"])
            || in_the_capital(prep);
        // "a US raid", "a US-led coalition", "Turkish soldiers": a country naming who acted.
        if g.place.kind == dossier_core::place::PlaceKind::Country
            && (["-led", "-backed", "-supported", "-sponsored"]
                .iter()
                .any(|w| after.starts_with(w))
                || [
                    "raid",
                    "raids",
                    "operation",
                    "commandos",
                    "soldiers",
                    "coalition",
                    "warplanes",
                    "jets",
                ]
                .contains(&next))
        {
            continue;
        }
        // "the Afghanistan-based Islamic State Khorasan Province": where an actor is based.
        // ("a Europe-wide manhunt", "a nationwide alert": the reach of something else.)
        // ("a Saudi-born psychiatrist", "a German-Syrian man": where a person comes from.)
        if after.starts_with("-based")
            || after.starts_with("-wide")
            || after.starts_with("-born")
            || after.starts_with("-raised")
            || after.starts_with("-educated")
        {
            continue;
        }
        // "one of Europe's most wanted men": a possessive that is not where it happened (but
        // "in Kenya's capital" is).
        // ("Russia's capital became a suspected target": a part of the place is the place.)
        let part = [
            "capital",
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "north-east",
            "north-west",
            "south-east",
            "south-west",
            "border",
            "borders",
            "coast",
            "largest",
            "second-largest",
            "biggest",
            "main",
            "province",
            "provinces",
            "region",
            "regions",
        ]
        .contains(&next);
        let possessive = after_owner.len() < after.len() && !part;
        if possessive
            && ![
                "in",
                "near",
                "at",
                "outside",
                "inside",
                "across",
                "throughout",
            ]
            .iter()
            .any(|p| prep.ends_with(&format!(" {p}")) || prep == *p)
        {
            continue;
        }
        // "an Islamist attack, and a Ukrainian escape route": a name in another conjunct
        // describes something else.
        if !located && g.span.start >= trigger.end {
            let between = cx.text[trigger.end..g.span.start].to_lowercase();
            // "... and others near the Swedish parliament" still locates it.
            let conjunct = between.rfind(" and ").is_some_and(|k| {
                let tail = format!(" {} ", &between[k + 5..]);
                ![
                    " in ",
                    " near ",
                    " at ",
                    " outside ",
                    " inside ",
                    " on ",
                    " across ",
                ]
                .iter()
                .any(|p| tail.contains(p))
            });
            if conjunct {
                continue;
            }
        }
        let mut d = gap(g.span, trigger);
        // "Islamic Jihad, a smaller armed group in Gaza, said its fighters had taken part":
        // where a group is, in the apposition that describes it, is not where it happened.
        if let Some(open) = cx.text[sentence.start..g.span.start].rfind(", ") {
            let open = sentence.start + open;
            let segment = cx.text[open + 2..g.span.start].to_lowercase();
            let describes_group = ["a ", "an ", "the "].iter().any(|a| segment.starts_with(a))
                && [
                    "group",
                    "faction",
                    "militia",
                    "organisation",
                    "organization",
                    "movement",
                    "network",
                    "outfit",
                    // "Al-Shabaab, the al-Qaeda affiliate in Somalia, said ...".
                    "affiliate",
                    "branch",
                    "offshoot",
                    "franchise",
                    "wing",
                ]
                .iter()
                .any(|w| segment.contains(w))
                && !segment.contains(',');
            let after_group = cx
                .actors
                .iter()
                .any(|a| a.group && a.span.end <= open && open - a.span.end <= 1);
            if describes_group && after_group {
                continue;
            }
        }
        // "heading towards the Ukrainian border": a destination, not where it happened.
        if [
            "towards",
            "toward",
            "towards the",
            "toward the",
            "heading for",
        ]
        .iter()
        .any(|p| prep.ends_with(p))
        {
            continue;
        }
        if !located {
            d += 200;
        }
        if !inside(g.span, cl) {
            d += 400;
        }
        // Places in the document's main country over others ("blamed the United States"), but
        // not over the place in the trigger's own phrase ("planning a gun attack near the
        // Swedish parliament in Stockholm").
        let own_phrase = located
            && g.span.start >= trigger.end
            && cx.text[trigger.end..g.span.start]
                .split_whitespace()
                .count()
                <= 6
            && !cx.text[trigger.end..g.span.start].contains([',', ';', ':']);
        if !own_phrase && focus.is_some_and(|f| f != g.place.country_code) {
            d += 150;
        }
        // The trigger's own phrase over a place as near before it ("arrested a man in Ternitz
        // on Wednesday on suspicion of planning an attack on Taylor Swift's concerts in
        // Vienna": the plot's place is Vienna).
        if own_phrase {
            d /= 2;
        }
        // Cities and regions over countries when equally near.
        if matches!(g.place.kind, dossier_core::place::PlaceKind::Country) {
            d += 30;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, g));
        }
    }
    best.map(|(_, g)| EventPlace {
        text: g.text.clone(),
        span: g.span,
        place: Some(g.place.clone()),
    })
}

/// Whether `between` (from a group to a trigger) is an appositive that says the group was
/// behind the trigger's act: ", the Pakistan-based group behind the 2008 Mumbai", ", which
/// carried out the".
fn appositive_behind(between: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"(?i)^\s*,\s*(?:the|a|an) [^,;.]{0,50}?\b(?:group|organi[sz]ation|outfit|network|militia|faction)\s+(?:that was |which was )?(?:behind|responsible for|blamed for)(?: the| a| an)?(?: [\w-]+){0,3}\s*$",
        between,
    )
}

/// Whether `trigger` is in a phrase that opens the sentence with "after" or "since" ("A year
/// after the truck attack that killed 86 people ..., Nice held", "Four months after the Paris
/// attacks, police arrested") and the date at `x` is past the comma that closes it.
fn fronted_after(text: &str, sentence: Span, trigger: Span, x: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let lead = text[sentence.start..trigger.start].trim_start();
    let opens = crate::text::cached_is_match(
        &RE,
        r"(?i)^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|some|\d+) (?:years?|months?|weeks?|days?) |(?:shortly|soon|just|days|weeks|months|years) )?(?:after|since) [^,;]{0,40}$",
        lead,
    );
    opens
        && text
            .get(trigger.end..x.start)
            .is_some_and(|b| b.contains(','))
}

/// The days of the week in lower case, Monday first (chrono's `num_days_from_monday` order).
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether one date is only a weekday's name ("Friday") and the other a day of that weekday:
/// a report retelling an attack of weeks before by the day of the week it happened.
fn same_weekday(a: &Option<EventDate>, b: &Option<EventDate>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let bare = |d: &EventDate| {
        let w = d.text.trim().to_lowercase();
        WEEKDAYS.iter().position(|x| *x == w)
    };
    let day = |d: &EventDate| {
        NaiveDate::parse_from_str(d.value.get(..10)?, "%Y-%m-%d")
            .ok()
            .map(|x| chrono::Datelike::weekday(&x).num_days_from_monday() as usize)
    };
    let one = |x: &EventDate, y: &EventDate| {
        bare(x).is_some_and(|w| bare(y).is_none() && day(y) == Some(w))
    };
    one(a, b) || one(b, a)
}

/// Whether the words before the date at `x` name a message put out then: "in a video released
/// on", "a statement posted late on", "in an audio message issued".
fn released_message_before(text: &str, sentence: Span, x: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let lead = &text[lead_from(text, sentence, x.start, 70)..x.start];
    crate::text::cached_is_match(
        &RE,
        r"(?i)\b(?:video|statement|message|audio|recording|post|communiqu[eé]|tape|letter)s? (?:[\w-]+ ){0,3}(?:released|published|posted|issued|broadcast|circulated|sent|distributed|aired)(?: (?:late|early|only))?(?: on| in)?\s*$",
        lead,
    )
}

/// Where the words right after a trigger end that say it is unclaimed ("The attack remains
/// unclaimed", "the bombing, which has not been claimed,"), within the sentence.
fn unclaimed_after(text: &str, sentence: Span, trigger: Span) -> Option<usize> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let rest = text.get(trigger.end..sentence.end)?;
    let m = crate::text::cached_regex(
        &RE,
        r"^(?:,? which)?\s+(?:has |had |have )?(?:so far |still |yet |also )?(?:remains|remained|remain|went|gone|is|was|were|are|been)\s+(?:so far |still |yet )?(?:unclaimed|not (?:yet )?(?:been )?claimed)\b",
    )?
    .find(rest)?;
    Some(trigger.end + m.end())
}

/// Whether the words after a name say it was arrested, extradited or the like "and charged
/// with": " was extradited from Libya on Wednesday and charged with the murder of".
fn charged_after_and(after: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"^ (?:was|were|has been|have been|had been) [^.;]{0,80}? and (?:later |then |subsequently )?charged with",
        after,
    )
}

/// Whether `prep` (the lower-case words before a place) ends with a place noun in a located
/// phrase: "in the Afghan capital", "near the northern city of", "in the port city".
fn in_the_capital(prep: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"\b(?:in|near|at|outside|into) the (?:[\w-]+ ){0,2}(?:capital|city|town|village|port|province|region|district)(?: of)?,?$",
        prep,
    )
}

/// Whether `between` ends with "after" or "before" and at most an article and two words ("came
/// hours after a bomb blast"): the next attack word names another event.
fn noun_after_after(between: &str) -> bool {
    let b = between.to_lowercase();
    last_after_or_before(&b).is_some_and(|i| {
        let rest = &b[i..];
        !rest.contains([',', ';', '.']) && rest.split_whitespace().count() <= 4
    })
}

/// Whether `between` (text after a trigger) opens a clause of its own with "after" or
/// "before" and a verb ("three months after gunmen killed 22 people at"), not a phrase ("after
/// Friday prayers in").
fn verb_clause_after(between: &str) -> bool {
    let b = between.to_lowercase();
    let Some(i) = last_after_or_before(&b) else {
        return false;
    };
    b[i..].split_whitespace().skip(1).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        (w.len() > 4 && w.ends_with("ed"))
            || ["was", "were", "had", "has", "struck", "shot"].contains(&w)
    })
}

fn figure(
    cx: &Context,
    sentence: Span,
    trigger: Span,
    words: &[&str],
    attributed: Option<&Source>,
) -> Option<Figure> {
    figure_quantities(cx, sentence, words)
        .into_iter()
        // ("The attack came three months after gunmen killed 22 people": the other attack's.)
        .filter(|q| {
            q.span.start < trigger.end || !verb_clause_after(&cx.text[trigger.end..q.span.start])
        })
        // ("clashes with police left more than 50 officers injured": the riot's toll.)
        // (A clash that is the event, "clashes with militants killed 12 soldiers", keeps its
        // own.)
        .filter(|q| {
            !in_clashes(cx.text, sentence, q.span)
                || trigger.start < trigger.end
                    && inside(trigger, clause_of(cx.text, sentence, q.span))
        })
        .min_by_key(|q| gap(q.span, trigger))
        .map(|q| with_conjoined(cx, sentence, q))
        .or_else(|| {
            (words == KILLED)
                .then(|| one_killed(cx, sentence))
                .flatten()
        })
        .map(|quantity| Figure {
            attributed_to: attributed
                .filter(|_| !past_the_speech(cx, sentence, quantity.span))
                .cloned(),
            quantity,
            revised_from: Vec::new(),
        })
}

/// The clause of `x`: from the last ", and ", ";" or ", " before it to the next ", " or ";"
/// after it (within the sentence). Unlike [`crate::text::clause`], commas bound it: a figure's
/// own clause, not the hedge's.
fn clause_of(text: &str, sentence: Span, x: Span) -> Span {
    let lead = text.get(sentence.start..x.start).unwrap_or("");
    let from = [", and ", "; ", ", "]
        .iter()
        .filter_map(|w| lead.rfind(w).map(|k| k + w.len()))
        .max()
        .map_or(sentence.start, |k| sentence.start + k);
    let tail = text.get(x.end..sentence.end).unwrap_or("");
    let to = tail.find([',', ';']).map_or(sentence.end, |k| x.end + k);
    Span::new(from, to)
}

/// Whether the figure at `x` counts those hurt in clashes, riots or a stampede rather than in
/// the attack: "clashes with police left more than 50 officers injured", "more than 50
/// officers were hurt in clashes outside the church".
fn in_clashes(text: &str, sentence: Span, x: Span) -> bool {
    const CLASHES: &[&str] = &[
        "clashes",
        "clash",
        "riots",
        "riot",
        "rioting",
        "unrest",
        "scuffles",
        "stampede",
        "melee",
        "mêlée",
        "disturbances",
    ];
    let c = clause_of(text, sentence, x);
    text.get(c.start..c.end).is_some_and(|cl| {
        cl.to_lowercase()
            .split(|ch: char| !ch.is_alphanumeric() && ch != 'ê')
            .any(|w| CLASHES.contains(&w))
    })
}

/// Whether a figure stands in a clause joined after the whole speech it follows ("was inspired
/// by ISIS, the FBI said on Thursday, as the number of people killed rose to 14", ", while the
/// toll rose to 14"): the reporter's words, not the speaker's.
fn past_the_speech(cx: &Context, sentence: Span, figure: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    cx.attributions.iter().any(|a| {
        inside(a.cue_span, sentence)
            && a.cue_span.end <= figure.start
            && cx.text.get(a.cue_span.end..figure.start).is_some_and(|between| {
                crate::text::cached_is_match(
                    &RE,
                    r"^[^,;:.]{0,40}, (?:as|while|even as|just as) (?:the|a) (?:[\w-]+ ){0,10}(?:rose|risen|climbed|increased|reached|stood|stands)\b",
                    between,
                )
            })
    })
}

/// "A 14-year-old boy was killed and five other people were injured": one person named by an
/// indefinite noun phrase as killed is a count of one (its text the phrase).
fn one_killed(cx: &Context, sentence: Span) -> Option<Quantity> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:[Aa]n?) (?:\d+-year-old )?(?:[a-z-]+ )?(?P<n>man|woman|boy|girl|child|person|teenager|toddler|baby|police officer|policeman|policewoman|soldier|tourist|pedestrian|worshipper|student|pupil|teacher|priest|imam|pastor|rabbi|nun|journalist|reporter|photographer|doctor|nurse|aid worker|worker|driver|farmer|villager|resident|civilian|shopper|visitor|fan|officer|gendarme|firefighter|judge|lawyer|politician|lawmaker|mayor|passer-by|bystander|guard) (?:was|has been|had been) (?:killed|stabbed to death|shot dead|fatally (?:stabbed|shot|wounded|injured))\b|\b[Tt]he (?:[a-z-]+ )?(?P<r>police officer|policeman|policewoman|officer|soldier|teacher|priest|imam|pastor|guard|gendarme|firefighter|journalist) (?:later |subsequently |has since |had since )?(?:died|succumbed)\b",
        )
        .expect("valid regex")
    });
    let s = cx.text.get(sentence.start..sentence.end)?;
    let c = re.captures(s)?;
    // ("The officer died two days later": a wounded victim who died, one of the dead.)
    let n = c.name("n").or_else(|| c.name("r"))?;
    let start = sentence.start + c.get(0)?.start();
    let end = sentence.start + n.end();
    let index = cx
        .sentences
        .iter()
        .position(|x| x.span.start <= start && start < x.span.end)?;
    Some(Quantity {
        span: Span::new(start, end),
        text: cx.text[start..end].to_string(),
        min: Some(1.0),
        max: Some(1.0),
        approximate: false,
        unit: None,
        counted: Some(n.as_str().to_string()),
        counted_span: Some(Span::new(sentence.start + n.start(), end)),
        sentence: index,
    })
}

/// "killed about 170 Afghans and 13 U.S. service members": two counts of the same dead joined
/// by "and" are one figure, its text the source's words and its bounds their sums. Not "23
/// others" (parts of a total said elsewhere) and not counts with a unit.
fn with_conjoined(cx: &Context, sentence: Span, q: &Quantity) -> Quantity {
    // "three dead and eight wounded": counts of different fates, never one sum.
    const FATES: &[&str] = &[
        "dead",
        "killed",
        "wounded",
        "injured",
        "hurt",
        "missing",
        "deaths",
        "injuries",
        "casualties",
        "fatalities",
        "survivors",
        "hospitalised",
        "hospitalized",
    ];
    let people = |o: &Quantity| {
        o.unit.is_none()
            && o.counted.as_deref().is_some_and(|c| {
                !["others", "more"].contains(&c) && !FATES.contains(&c.to_lowercase().as_str())
            })
    };
    if !people(q) {
        return q.clone();
    }
    let joined = |a: &Quantity, b: &Quantity| {
        let end = crate::quantity::end_with_counted(a);
        b.span.start > end
            && cx
                .text
                .get(end..b.span.start)
                .is_some_and(|t| t.trim() == "and")
    };
    // "Five soldiers and 13 civilians were killed": the figure may be either part.
    let prev = cx
        .quantities
        .iter()
        .find(|o| inside(o.span, sentence) && people(o) && joined(o, q));
    let next = cx
        .quantities
        .iter()
        .find(|o| inside(o.span, sentence) && people(o) && joined(q, o));
    let (a, b) = match (prev, next) {
        (Some(p), _) => (p, q),
        (None, Some(n)) => (q, n),
        (None, None) => return q.clone(),
    };
    let b_end = crate::quantity::end_with_counted(b);
    let sum = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a + b);
    Quantity {
        span: Span::new(a.span.start, b_end),
        text: cx.text[a.span.start..b_end].to_string(),
        min: sum(a.min, b.min),
        max: sum(a.max, b.max),
        approximate: a.approximate || b.approximate,
        unit: None,
        counted: None,
        counted_span: None,
        sentence: q.sentence,
    }
}

/// Every quantity in `sentence` that counts what `words` name (the killed, the injured), in
/// text order.
fn figure_quantities<'c>(cx: &Context<'c>, sentence: Span, words: &[&str]) -> Vec<&'c Quantity> {
    let mut out = Vec::new();
    for q in cx.quantities {
        if !inside(q.span, sentence) || q.unit.is_some() {
            continue;
        }
        // The words after a number up to the next number: "84, with 284 wounded" gives
        // "wounded" to 284 only.
        let next_number = cx
            .quantities
            .iter()
            .filter(|o| o.span.start >= q.span.end)
            .map(|o| o.span.start)
            .min()
            .unwrap_or(usize::MAX);
        let after_end = (q.span.end + 60).min(sentence.end).min(next_number);
        let mut after = cx
            .text
            .get(q.span.end..after_end)
            .unwrap_or("")
            .to_lowercase();
        // "had risen to 145, after several of the wounded died": a clause of its own.
        if let Some(i) = [", after ", ", when ", ", as "]
            .iter()
            .filter_map(|w| after.find(w))
            .min()
        {
            after.truncate(i);
        }
        let before_start = q.span.start.saturating_sub(24).max(sentence.start);
        let before = cx
            .text
            .get(before_start..q.span.start)
            .unwrap_or("")
            .to_lowercase();
        // "hundreds of people were killed", "killing 12", "12 dead", "the death toll rose to 40".
        // (German puts the participle last: "Mehr als 200 Menschen wurden nach Angaben der
        // Landesregierung verletzt".)
        // ("Two Swedish football fans were shot dead": six words.)
        let window = if cx.language.starts_with("de") { 9 } else { 6 };
        let after_words: Vec<&str> = after
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(window)
            .collect();
        // "killed six people and wounded 81": a verb after "and" that ends the words before the
        // next number is that number's.
        let cut_by_number = next_number < (q.span.end + 60).min(sentence.end);
        let hit_after = words.iter().any(|w| {
            let ws: Vec<&str> = w.split(' ').collect();
            after_words.windows(ws.len()).enumerate().any(|(k, win)| {
                win == ws.as_slice()
                    && !(cut_by_number
                        && k + ws.len() == after_words.len()
                        && k > 0
                        && after_words[k - 1] == "and")
                    // "All four appeared with visible injuries": the injuries of whoever
                    // the verb is about, not a count of the injured ("19 people with serious
                    // injuries" is one).
                    && !(*w == "injuries"
                        && after_words[..k]
                            .iter()
                            .any(|v| v.len() > 4 && v.ends_with("ed")))
            })
        });
        let b = before.trim_end();
        // "the death toll rose to 40", "put the number of dead at 84", "lowered the figure to
        // 95" (in a sentence about the dead).
        let sentence_lower = cx
            .text
            .get(sentence.start..sentence.end)
            .unwrap_or("")
            .to_lowercase();
        // "The number of people killed in Friday's attack ... rose to 133".
        // ("revised the death toll from the Easter Sunday suicide bombings down to 253")
        let rose = [
            "rose to",
            "risen to",
            "stands at",
            "stood at",
            "climbed to",
            "increased to",
            "reached",
            "down to",
            "lowered to",
            "raised to",
        ]
        .iter()
        .any(|w| b.ends_with(w));
        // "revised the death toll from the twin bombings in Kerman to 95": the toll named
        // before a longer phrase.
        let toll_changed = b.ends_with(" to")
            && cx
                .text
                .get(sentence.start..q.span.start)
                .is_some_and(|lead| changed_toll(lead).is_some());
        let toll = words.contains(&"killed")
            && (rose
                && [
                    "number of people killed",
                    "number of dead",
                    "death toll",
                    "number of deaths",
                    // "The toll from Saturday's bombings in Ankara rose to 97"
                    "the toll from",
                    "the toll in",
                    "the toll of",
                ]
                .iter()
                .any(|w| sentence_lower.contains(w))
                || before.contains("toll")
                || toll_changed
                || before.contains("zahl der toten")
                || before.contains("number of dead")
                || before.contains("number of deaths")
                || before.contains("number of people killed")
                || [
                    "the figure",
                    "earlier figure",
                    "previous figure",
                    "initial figure",
                ]
                .iter()
                .any(|w| before.contains(w))
                    && ["dead", "killed", "toll", "deaths"]
                        .iter()
                        .any(|w| sentence_lower.contains(w)))
            && (b.ends_with(" to")
                || b.ends_with(" at")
                || b.ends_with("reached")
                || b.ends_with("reaches")
                || b.ends_with("stood at")
                || b.ends_with("of")
                || b.ends_with("auf"));
        // "which the health minister cut to 95", "the interior minister put it at 84": a
        // revision of a death toll named earlier in the sentence (and not of the wounded).
        let revised = words.contains(&"killed")
            && REVISION_VERBS.iter().any(|v| b.ends_with(v))
            && last_count_word(cx.text.get(sentence.start..q.span.start).unwrap_or(""))
                == Some(true);
        // "stabbed three people to death", "beat two men to death" (not "sentenced ... to
        // death").
        let to_death = words.contains(&"killed")
            && after_words.windows(2).any(|w| w == ["to", "death"])
            && [
                "stabbed", "stabbing", "beat", "beaten", "beating", "hacked", "hacking", "burned",
                "burnt", "shot", "shooting", "crushed", "trampled",
            ]
            .iter()
            .any(|v| b.ends_with(v));
        // "ist die Zahl der Todesopfer auf fünf gestiegen", "Die Zahl der Verletzten stieg auf
        // 39".
        let german_toll = b.ends_with(" auf")
            && (words.contains(&"killed")
                && [
                    "zahl der todesopfer",
                    "zahl der toten",
                    "zahl der getöteten",
                ]
                .iter()
                .any(|w| before.contains(w))
                || words.contains(&"injured")
                    && ["zahl der verletzten", "zahl der verwundeten"]
                        .iter()
                        .any(|w| before.contains(w)));
        let hit_before = toll
            || german_toll
            || revised
            || to_death
            || words.iter().any(|w| {
                b.ends_with(w)
                    || before.contains(&format!("{w} at least"))
                    || b.ends_with(&format!("{w} to"))
            });
        if !(hit_after || hit_before) {
            continue;
        }
        // "Seventy-five people injured in Monday's bombing remained in hospital": those still
        // in care (or sent home), a part of the injured, not their number.
        if words.contains(&"injured") {
            let rest = cx
                .text
                .get(q.span.end..sentence.end)
                .unwrap_or("")
                .to_lowercase();
            let clause_end = rest.find([',', ';']).unwrap_or(rest.len());
            if [
                "remained in hospital",
                "remain in hospital",
                "remained hospitali",
                "remain hospitali",
                "still in hospital",
                "are still being treated",
                "remained in critical",
                "remain in critical",
                "in intensive care",
                "in a critical condition",
                "in critical condition",
                // "dozens of the wounded had been discharged from hospital": those sent home.
                "discharged",
                "released from hospital",
                "left hospital",
            ]
            .iter()
            .any(|w| rest[..clause_end].contains(w))
                // "twelve of the injured ...": a part of the injured, named as such.
                || [" of the wounded", " of the injured"]
                    .iter()
                    .any(|w| rest.starts_with(w))
            {
                continue;
            }
        }
        // "dozens of people had been killed, including seven who died when ...": a part of a
        // total told before it in the sentence.
        if (b.ends_with("including") || b.ends_with("among them") || b.ends_with("among whom"))
            && cx
                .quantities
                .iter()
                .any(|o| inside(o.span, sentence) && o.span.end <= q.span.start && o.unit.is_none())
        {
            continue;
        }
        // ("bombings of three churches and three hotels that killed 290 people": places and
        // things are no toll.)
        if q.counted.as_deref().is_some_and(|c| {
            let head = c.rsplit(' ').next().unwrap_or(c);
            [
                "attacks",
                "countries",
                "years",
                "months",
                "days",
                "weeks",
                "hours",
                "arrests",
                "times",
                "churches",
                "hotels",
                "mosques",
                "schools",
                "buildings",
                "houses",
                "homes",
                "villages",
                "towns",
                "cities",
                "vehicles",
                "cars",
                "trucks",
                "bombs",
                "explosions",
                "blasts",
                "sites",
                "locations",
                "targets",
                "bases",
                "stations",
                "hospitals",
                "shops",
                "markets",
                "restaurants",
                "bars",
                "venues",
                "districts",
                "provinces",
            ]
            .contains(&head)
        }) {
            continue;
        }
        // "at least 27 militants had been killed in an ongoing operation": the attackers
        // security forces killed are no toll of the attack (but an air strike's dead are its
        // own).
        if q.counted.as_deref().is_some_and(|c| {
            [
                "militants",
                "insurgents",
                "attackers",
                "assailants",
                "gunmen",
                "terrorists",
                "hijackers",
                "bombers",
                "jihadists",
            ]
            .contains(&c.to_lowercase().as_str())
        }) && !["strike", "air raid", "bombard", "shelling", "drone"]
            .iter()
            .any(|w| sentence_lower.contains(w))
        {
            continue;
        }
        // "Nineteen people with serious injuries ... and 23 others": parts of a total, not a
        // total.
        let others = |o: &Quantity| {
            o.counted
                .as_deref()
                .is_some_and(|c| c == "others" || c == "more")
                || cx
                    .text
                    .get(o.span.end..(o.span.end + 8).min(sentence.end))
                    .is_some_and(|a| {
                        let a = a.trim_start().to_lowercase();
                        a.starts_with("others") || a.starts_with("more ")
                    })
        };
        // ("... put the toll at 145, with hundreds more injured": those are another count.)
        let other_count = |o: &Quantity| {
            let opposite: &[&str] = if words.contains(&"killed") {
                INJURED
            } else {
                KILLED
            };
            let a = cx
                .text
                .get(o.span.end..(o.span.end + 24).min(sentence.end))
                .unwrap_or("")
                .to_lowercase();
            // "... and wounded eight others": the verb before it names the count too.
            let b = cx
                .text
                .get(o.span.start.saturating_sub(12).max(sentence.start)..o.span.start)
                .unwrap_or("")
                .to_lowercase();
            opposite.iter().any(|w| find_word_last(&a, w).is_some())
                || !words.contains(&"killed") && find_word_last(&a, "to death").is_some()
                || opposite.iter().any(|w| b.trim_end().ends_with(w))
        };
        // "stabbed three people to death and wounded eight others", "18 people were killed
        // and 42 others were injured": the others of another count, so a count of their own.
        let besides_other_count = cx
            .quantities
            .iter()
            .filter(|p| p.span.end <= q.span.start && inside(p.span, sentence))
            .max_by_key(|p| p.span.end)
            .is_some_and(other_count);
        if others(q) && !besides_other_count
            || cx.quantities.iter().any(|o| {
                o.span.start > q.span.end
                    && inside(o.span, sentence)
                    && others(o)
                    && !other_count(o)
            })
        {
            continue;
        }
        // "the two explosions that killed dozens": a count of what killed, not of the dead
        // ("killed three gunmen" still counts).
        if !hit_before
            && q.counted
                .as_deref()
                .is_some_and(|c| AGENT_NOUNS.contains(&c))
        {
            continue;
        }
        out.push(q);
    }
    out
}

/// The first weapon word of `sentence` that is not part of another event's trigger ("killed in
/// a U.S. drone strike" names the strike's weapon, not the bombing's).
fn weapon_of(cx: &Context, sentence: Span, others: &[Span]) -> Option<String> {
    let s = cx.text.get(sentence.start..sentence.end)?.to_lowercase();
    WEAPONS
        .iter()
        .find(|w| {
            let mut from = 0;
            while let Some(i) = find_word(&s, from, s.len(), w) {
                let at = Span::new(sentence.start + i, sentence.start + i + w.len());
                if !others.iter().any(|o| gap(*o, at) == 0) {
                    return true;
                }
                from = i + w.len();
            }
            false
        })
        .map(|w| w.to_string())
}

/// Actors in `sentence` that are groups (knowledge-base armed groups or new organisations), not
/// those that only describe another ("the al-Qaeda-affiliated JNIM", "al-Qaeda's affiliate in
/// the Sahel").
fn groups_in<'c>(cx: &'c Context, sentence: Span) -> impl Iterator<Item = &'c Actor> + 'c {
    cx.actors.iter().filter(move |a| {
        a.group && inside(a.span, sentence) && !crate::facts::describes_another(cx.text, a.span)
    })
}

/// An actor as an event participant.
fn participant(
    a: &Actor,
    role: Role,
    responsibility: Option<Responsibility>,
    attributed_by: Option<Source>,
) -> Participant {
    Participant {
        role,
        text: a.text.clone(),
        span: a.span,
        entity: a.entity.clone(),
        responsibility,
        attributed_by,
    }
}

/// "Al-Mourabitoun ... was formed in 2013 when his brigade merged with MUJAO, and pledged
/// allegiance to AQIM": a verb joined by "and" with no subject of its own (its subject is the
/// sentence's, [`opens_sentence`]).
fn joined_by_and(text: &str, sentence: Span, trigger: Span) -> bool {
    text[sentence.start..trigger.start]
        .trim_end()
        .ends_with(" and")
}

/// Whether the words between a group and an attack word open with a verb of blaming someone
/// else for it ("blamed Israel for the", "accused the army of", "held Kyiv responsible for") or
/// of denial ("on Saturday denied involvement in", "distanced itself from"): the group takes a
/// stance on the attack, it is not said to have done it.
fn stance_on(between: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"^\s*(?:(?:has|have|had|also|quickly|swiftly|immediately|later|on \w+)\s+)*(?:(?:blamed|blames|blaming|accused|accuses|accusing|held|holds|pointed the finger at|points the finger at)\s+\S|(?:denied|denies|denying|rejected|rejects|distanced|distances|disowned|disowns|retracted)\b)",
        &between.to_lowercase(),
    ) && !between.contains(['.', ';'])
}

/// "(, founded in the early 1990s,) was blamed by India for the 2008 Mumbai": the words between
/// a group and a trigger that blame the group in the passive, with who blames it when named.
fn passive_blame(between: &str) -> Option<Option<String>> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"^(?:,[^,;.]{1,80},)?\s+(?:was|were|is|are|has been|have been|had been)\s+(?:widely\s+|also\s+|later\s+)?blamed(?:\s+by\s+([A-Z][^,;.]{0,40}?))?\s+for\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,4}$",
    )?;
    let c = re.captures(between)?;
    Some(c.get(1).map(|m| m.as_str().trim().to_string()))
}

/// Whether the words before a group end with the users or owners of a thing ("pagers used by
/// members of", "devices carried by", "radios issued to fighters of").
fn used_by_before(before: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"\b(?:used|carried|owned|held|worn|issued to|distributed to)(?: by)? (?:(?:the|some|many|several|hundreds of|thousands of|members|fighters|operatives|supporters|of|its) )*$",
        before,
    )
}

/// Whether a trigger is a verb of exploding with the exploding thing as its subject
/// ("exploded", "went off").
fn explodes(trigger: &str) -> bool {
    ["exploded", "explodes", "blew up", "went off", "explodierte"]
        .contains(&trigger.to_lowercase().as_str())
}

/// Whether the words after a group deny that it claimed ("has not claimed", "did not claim",
/// "have not yet claimed", "hasn't claimed", "has yet to claim", "never claimed"), or say that
/// it held back from claiming ("stopped short of claiming", "refrained from claiming",
/// "declined to claim"), also after a first verb ("praised the gunmen but stopped short of
/// claiming").
fn claim_negated_after(after: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    static HELD_BACK: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &HELD_BACK,
        r"^[^.;]{0,60}?\b(?:stopped|stops|stop|stopping) short of (?:formally |publicly |officially )?(?:claiming|taking)\b|^[^.;]{0,60}?\b(?:refrained|refrains|refrain|refraining|abstained|abstains) from (?:formally |publicly |officially )?(?:claiming|taking)\b|^[^.;]{0,60}?\b(?:declined|declines|decline|declining|refused|refuses|refuse|failed|fails) to (?:formally |publicly |officially )?(?:claim|take)\b",
        after,
    ) || crate::text::cached_is_match(
        &RE,
        r"^\s*(?:(?:has|have|had|did|does|do|so far|still)\s+)*(?:not|n't|never|yet to)\s+(?:(?:yet|so far|publicly|formally|officially)\s+)*(?:claim|claimed|took|taken|take)\b",
        &after.replace("n't", " not"),
    )
}

/// Whether the words from `from` to a strike or raid `trigger` say that what comes before
/// was killed or hurt in it: "fighters were killed in a US air strike", "was killed in a drone
/// strike", "died in the raid".
fn struck_by_trigger(text: &str, from: usize, trigger: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let t = text[trigger.start..trigger.end].to_lowercase();
    if !["strike", "raid", "operation", "bombardment", "shelling"]
        .iter()
        .any(|w| t.contains(w))
    {
        return false;
    }
    let Some(between) = text.get(from..trigger.start) else {
        return false;
    };
    crate::text::cached_is_match(
        &RE,
        r"(?i)\b(?:(?:was|were|been|being) (?:\w+ )?(?:killed|wounded|injured|hit|targeted)|died|perished) (?:in|by|during)\b[^,;.]{0,40}$",
        between,
    )
}

/// Whether the trigger names what a verb of declaring or labelling is about: "declared the
/// stabbing ... a terrorist incident", "labelled the attack an act of terrorism", "described
/// Sunday's bombing as".
fn declared_object(text: &str, sentence: Span, trigger: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let lead = &text[lead_from(text, sentence, trigger.start, 60)..trigger.start];
    crate::text::cached_is_match(
        &RE,
        r"(?i)\b(?:declared|declares|declaring|labelled|labeled|labels|classified|classifies|branded|brands|deemed|deems|described|describes|treating|treated|treats)\s+(?:the|this|that|[\w'’]+'s|[\w'’]+’s)\s+(?:[\w-]+\s+){0,2}$",
        lead,
    )
}

/// Whether the date at `x` goes with a police or court step a few words before it ("charged
/// on Friday", "pleaded not guilty on Friday", "arrested in Ternitz on Wednesday") whose object,
/// after "with", "to", "of", "over" or "for", is the act at `trigger`.
fn dates_a_legal_step(text: &str, sentence: Span, x: Span, trigger: Span) -> bool {
    static STEP: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    static LINK: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let lead = &text[lead_from(text, sentence, x.start, 80)..x.start];
    let step = crate::text::cached_is_match(
        &STEP,
        r"(?i)\b(?:charged|indicted|accused|convicted|sentenced|acquitted|cleared|pleaded|pleads|jailed|questioned|arrested|detained|held|confessed|admitted|remanded|extradited|tried)\b(?:[ ,]+[\w'’-]+){0,4}?[ ,]+$",
        lead,
    );
    let Some(between) = text.get(x.end..trigger.start) else {
        return false;
    };
    step && between.len() <= 80
        && !between.contains(['.', ';'])
        && crate::text::cached_regex(&LINK, r"(?i)\b(?:with|to|of|over|for)\b(?: \w+){0,3} ?$")
            .is_some_and(|re| re.is_match(between))
}

/// Where the words start that say the claim at `trigger` is made by no one: "no group has
/// claimed", "none of the groups have claimed", "nobody has yet claimed", "bislang hat sich
/// niemand bekannt"; `None` when someone makes it.
fn claimed_by_no_one(text: &str, sentence: Span, trigger: Span) -> Option<usize> {
    static NO_ONE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let from = lead_from(text, sentence, trigger.start, 60);
    // (Lowercasing keeps these ASCII-led offsets: only the letters before the phrase could
    // change length, and the phrase is found from the end.)
    let lead = text[from..trigger.start].to_lowercase();
    let m = crate::text::cached_regex(
        &NO_ONE,
        r"(?:\bno (?:\w+ )?(?:group|one|organi[sz]ation|faction|party)s?|\bnone of (?:the|them)(?: \w+)?|\bnobody|\bniemand|\bkeine (?:\w+ )?(?:gruppe|organisation)) (?:\w+ ){0,3}$",
    )?
    .find(&lead)?;
    // Back to an offset in `text`: the match ends where the lead does.
    let start = trigger.start - (lead.len() - m.start());
    text.is_char_boundary(start).then_some(start)
}

/// The words before a group without trailing blanks and a final "the".
fn words_before_group(before: &str) -> &str {
    let b = before.trim_end();
    b.strip_suffix(" the").unwrap_or(b)
}

/// The words before a group without a descriptor of it: "pointed to the militant network" →
/// "pointed to".
fn without_descriptor(before: &str) -> &str {
    const NOUNS: [&str; 8] = [
        " group",
        " network",
        " organisation",
        " organization",
        " movement",
        " militia",
        " outfit",
        " faction",
    ];
    let b = before.trim_end();
    let Some(n) = NOUNS.iter().find(|n| b.ends_with(*n)) else {
        return b;
    };
    let head = &b[..b.len() - n.len()];
    // "the militant", "the Islamist", "the Pakistan-based": up to two words and the article.
    let words: Vec<&str> = head.split(' ').collect();
    let Some(the) = (1..=3)
        .filter(|&k| k <= words.len())
        .find(|&k| words[words.len() - k] == "the")
    else {
        return b;
    };
    if words[words.len() - the + 1..]
        .iter()
        .any(|w| w.is_empty() || w.contains([',', ';']))
    {
        return b;
    }
    let kept: usize = words[..words.len() - the]
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>();
    b[..kept.saturating_sub(1).min(b.len())].trim_end()
}

/// Whether the words after a group say it is the prime suspect ("was the prime suspect in",
/// "is the main suspect", "were the chief suspects").
fn prime_suspect_after(after: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"^\s*(?:(?:was|is|were|are|remains|remained) |as )(?:the )?(?:prime|main|chief|leading|principal|likely|likeliest) suspects?\b",
        after,
    )
}

/// Whether the words before a group end with a passive claim ("was claimed by", "claimed by
/// the").
fn passive_claim_before(before: &str) -> bool {
    words_before_group(before).ends_with("claimed by")
}

/// The text after a possessive "'s " that `s` opens with ("'s government" → "government").
fn past_possessive(s: &str) -> Option<&str> {
    s.strip_prefix("'s ").or_else(|| s.strip_prefix("’s "))
}

/// The owner before a possessive "'s" that `s` ends with ("the army's" → "the army").
fn possessor_of(s: &str) -> Option<&str> {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("’s"))
}

/// Whether the words from a group to a trigger (`from..trigger.start`) are a verb of saying and
/// a clause whose subject is not the group's own ("said an Israeli air strike", "said Israeli
/// troops"): no "it", "its", "they", "their", "the group", "we", "our" in it.
fn tells_of_others(text: &str, from: usize, trigger: Span) -> bool {
    let between = text[from..trigger.start].to_lowercase();
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(v) = words
        .iter()
        .position(|w| ["said", "says", "reported", "announced", "stated", "told"].contains(w))
    else {
        return false;
    };
    let rest: Vec<&str> = words[v + 1..]
        .iter()
        .copied()
        .skip_while(|w| *w == "that")
        .collect();
    let trig = text[trigger.start..trigger.end].to_lowercase();
    // (The trigger's own first words may be the subject: "said a US drone strike killed".)
    let own_subject = rest
        .iter()
        .copied()
        .chain(trig.split_whitespace())
        .any(|w| {
            [
                "it",
                "its",
                "they",
                "their",
                "them",
                "we",
                "our",
                "group",
                "group's",
                "fighters",
                "mujahideen",
                "soldiers",
                "militants",
                "members",
                "martyrdom",
            ]
            .contains(&w)
        });
    // A short subject: a determiner, a demonym or a country adjective, a noun or two.
    !rest.is_empty() && rest.len() <= 4 && !own_subject
}

fn responsibility_from(c: Certainty) -> Option<Responsibility> {
    Some(match c {
        Certainty::Claimed => Responsibility::Claimed,
        Certainty::Suspected => Responsibility::Suspected,
        Certainty::Alleged => Responsibility::Alleged,
        Certainty::Denied | Certainty::Negated => Responsibility::Denied,
        _ => return None,
    })
}

/// The apposition a noun trigger stands in (", a Boko Haram splinter group,"), from its opening
/// comma to its closing one.
fn appositive_noun(text: &str, sentence: Span, trigger: Span) -> Option<Span> {
    let lead = text.get(sentence.start..trigger.start)?;
    let open = lead.rfind(", ")?;
    let head = lead[open + 2..].to_lowercase();
    if !["a ", "an ", "the "].iter().any(|d| head.starts_with(d)) || head.contains([';', ':']) {
        return None;
    }
    let rest = text.get(trigger.end..sentence.end)?;
    let close = rest.find([',', ';', '.'])?;
    (rest.as_bytes().get(close) == Some(&b','))
        .then(|| Span::new(sentence.start + open, trigger.end + close + 1))
}

/// Whether `group` is the agent ("by X") of a verb before the trigger, the two verbs joined by
/// "and": "captured by Boko Haram in 2014 and retaken by the Nigerian military".
fn agent_of_verb_before_and(text: &str, sentence: Span, group: Span, trigger: Span) -> bool {
    if group.end > trigger.start || group.start < sentence.start {
        return false;
    }
    let before = text[sentence.start..group.start].trim_end().to_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    let between = text[group.end..trigger.start].to_lowercase();
    (before.ends_with(" by") || before == "by")
        && find_word(&between, 0, between.len(), "and").is_some()
}

/// Whether the words between a group and a trigger end in a preposition of time and an
/// optional determiner ("group before the", "days after its"): the trigger is a noun in a phrase
/// of time, and the group no subject of it.
fn in_time_phrase(between: &str) -> bool {
    let lower = between.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.last().is_some_and(|w| {
        [
            "the", "a", "an", "its", "their", "his", "her", "this", "that",
        ]
        .contains(w)
    }) {
        words.pop();
    }
    match words[..] {
        [.., "ahead" | "prior", "of" | "to"] => true,
        [.., last] => ["before", "after", "during", "since", "until", "following"].contains(&last),
        [] => false,
    }
}

/// Perpetrators of an attack or plot: "by X", "X claimed", "X militants/fighters", X as the
/// subject of the trigger, "suspected supporters of X".
fn perpetrators(
    cx: &Context,
    sentence: Span,
    trigger: Span,
    cues: &[Cue],
    attribution: Option<&Attribution>,
    owner_acts: bool,
) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    // "revenge for the army's offensive", "Pakistan's military operation": an act its owner
    // does, and the owner is no group.
    if state_owned(cx, sentence, trigger) {
        return out;
    }
    let cl = clause(cx.text, sentence, trigger);
    let coordinated = joined_by_and(cx.text, sentence, trigger);
    let relative = crate::text::relative_clauses(cx.text, sentence);
    let groups: Vec<&Actor> = groups_in(cx, sentence).collect();
    for &a in &groups {
        // "the leader of Islamic State Khorasan Province (ISIS-K)": an alias in brackets reads
        // as the name it follows.
        let named_from = groups
            .iter()
            .find(|g| {
                g.span.end <= a.span.start
                    && cx
                        .text
                        .get(g.span.end..a.span.start)
                        .is_some_and(|b| b.trim() == "(")
            })
            .map_or(a.span.start, |g| g.span.start);
        let before = cx.text[cl.start.min(named_from)..named_from].to_lowercase();
        let after_end = (a.span.end + 40).min(sentence.end);
        let after = cx
            .text
            .get(a.span.end..after_end)
            .unwrap_or("")
            .to_lowercase();
        // (The agent of this trigger's verb: not "carried out by al-Shabaab" in the clause
        // before ", and one suspect arrested after the blast".)
        let by = (before.trim_end().ends_with(" by") || before.trim_end().ends_with(" by the"))
            && (inside(a.span, cl) || a.span.start >= trigger.end);
        // The words before the group without a final "the" ("blamed the", "belonged to").
        let lead_words = words_before_group(&before);
        // "since the Taliban took power in August 2021 it has attacked": a subject pronoun
        // between the group and the trigger is the trigger's subject.
        let pronoun_between = a.span.end <= trigger.start
            && cx.text[a.span.end..trigger.start]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| ["it", "they", "he", "she", "we"].contains(&w));
        // "Al-Shabaab, the al-Qaeda-linked group that has fought the government for over a
        // decade, claimed ...": the group before an appositive set off by commas.
        let appositive = a.span.end <= trigger.start
            && trigger.start - a.span.end < 180
            && cx.text[a.span.end..trigger.start]
                .split_once(',')
                .is_some_and(|(lead, rest)| {
                    let rest = rest.trim_end();
                    // ("..., which is seen as an offshoot of Lashkar-e-Taiba, initially claimed
                    // the April attack": the claim's verb between the appositive and the
                    // trigger.)
                    let rest = match rest.split_once(',') {
                        Some((app, tail))
                            if !tail.contains([',', ';', ':', '.'])
                                && tail.len() <= 60
                                && !tail.trim().is_empty() =>
                        {
                            &rest[..app.len() + 1]
                        }
                        _ => rest,
                    };
                    lead.trim().is_empty()
                        && rest.ends_with(',')
                        && !rest.contains([';', ':', '.'])
                        && rest[..rest.len() - 1].matches(',').count() <= 1
                        && rest
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| ["the", "a", "an", "which", "who"].contains(&w))
                });
        // "Fighters of Lakurawa, a jihadist group active in ..., killed at least 15 people in
        // an attack": the subject before an appositive and the verb of the trigger's clause.
        let appositive_then_verb = a.span.end <= trigger.start
            && trigger.start - a.span.end < 240
            && cx.text[a.span.end..trigger.start]
                .split_once(',')
                .and_then(|(lead, rest)| lead.trim().is_empty().then_some(rest))
                .and_then(|rest| rest.split_once(','))
                .is_some_and(|(app, tail)| {
                    app.split_whitespace()
                        .next()
                        .is_some_and(|w| ["a", "an", "the"].contains(&w))
                        && !tail.contains([',', ';', '.'])
                        && tail.split_whitespace().next().is_some_and(|v| {
                            [
                                "killed",
                                "attacked",
                                "stormed",
                                "abducted",
                                "kidnapped",
                                "ambushed",
                                "raided",
                                "bombed",
                                "shot",
                                "massacred",
                                "torched",
                                "seized",
                            ]
                            .contains(&v)
                        })
                });
        // "The ADF is active in Congo and has carried out bombings in Uganda, including suicide
        // attacks in Kampala": the group that opens the sentence did the attacks of an
        // "including" phrase after its own verb of doing, however long that verb phrase is.
        let including = a.span.end <= trigger.start
            && opens_sentence(cx.text, sentence, a.span)
            && cx.text[a.span.end..trigger.start]
                .split_once(", including ")
                .is_some_and(|(head, tail)| {
                    head.len() < 160
                        && tail.len() < 40
                        && !head.contains([',', ';', ':', '(', '"', '“'])
                        && !tail.contains([',', ';', ':'])
                        && [
                            " carried out ",
                            " conducted ",
                            " staged ",
                            " launched ",
                            " mounted ",
                            " committed ",
                            " perpetrated ",
                        ]
                        .iter()
                        .any(|v| head.contains(v))
                });
        // "a Tesla Cybertruck exploded": what explodes is the weapon, not who used it.
        let intransitive = explodes(&cx.text[trigger.start..trigger.end])
            && a.span.end <= trigger.start
            && cx
                .text
                .get(a.span.end..trigger.start)
                .is_some_and(|b| b.trim().len() < 2);
        // (A verb joined by "and" with no subject of its own: the sentence's subject only.)
        let subject = !intransitive
            && a.span.end <= trigger.start
            && if coordinated {
                opens_sentence(cx.text, sentence, a.span)
            } else {
                (trigger.start - a.span.end < 60
                    || appositive
                    || appositive_then_verb
                    || including)
                    && !pronoun_between
                    // ("carried out by al-Shabaab, and one suspect arrested after the blast":
                    // another clause's agent.)
                    && !cx.text[a.span.end..trigger.start].contains(", and ")
                    // "officials, who have long accused Islamic State of attacking schools,
                    // said the Taliban carried out the assault"
                    && !relative
                        .iter()
                        .any(|r| inside(a.span, *r) && !inside(trigger, *r))
                    && !before.trim_end().ends_with(" on")
                    && !before.trim_end().ends_with(" against")
                    // "had pledged allegiance to the Islamic State group before the attack":
                    // an event named in a phrase of time is not the group's act.
                    && !in_time_phrase(&cx.text[a.span.end..trigger.start])
            };
        // "The insurgents, known locally as al-Shabaab, attacked": a local name, not the group
        // the knowledge base knows by it.
        if [
            "known locally as",
            "locally known as",
            "known to locals as",
            "locally called",
        ]
        .iter()
        .any(|w| before.trim_end().ends_with(w))
        {
            continue;
        }
        // "Hezbollah blamed Israel for the explosions": the group that blames is not the one
        // blamed. "The Resistance Front on Saturday denied involvement in the attack": the
        // denial is its status (the claim stage gives it), not an attribution.
        if a.span.end <= trigger.start && stance_on(&cx.text[a.span.end..trigger.start]) {
            continue;
        }
        // "Pagers used by members of Hezbollah exploded": the owners of what exploded are its
        // victims' side, not its authors.
        if a.span.end <= trigger.start && used_by_before(&before) {
            continue;
        }
        // "The driver was inspired by the Islamic State group", "had been radicalised online by
        // IS": the group inspired the attacker, which is no claim that it carried the attack out.
        let inspired = ["inspired by", "radicalised", "radicalized"]
            .iter()
            .any(|w| before.contains(w))
            && by;
        // "linked to Lashkar-e-Taiba, the Pakistan-based group behind the 2008 Mumbai attacks":
        // the appositive says the group was behind that attack; what comes before the group
        // ("linked to") is about someone else.
        let described_behind =
            a.span.end <= trigger.start && appositive_behind(&cx.text[a.span.end..trigger.start]);
        let supporters = !described_behind
            && (before.contains("supporters of")
            || before.contains("members of")
            || before.contains("linked to")
            || before.contains("affiliated with")
            || before.contains("aligned with")
            || inspired
            || before.contains("sympathi")
            // "The attackers allegedly belonged to Lashkar-e-Taiba"
            || ["belonged to", "belonging to", "belong to", "belongs to"]
                .iter()
                .any(|w| lead_words.ends_with(w)));
        // "early indications pointed to Islamic State", "X was the prime suspect in Saturday's
        // bombings": suspected.
        // (Not "pointed to the Islamic State group's Afghanistan-based affiliate": another
        // group, the one it owns.)
        let pointed_to = ["pointed to", "points to", "point to", "pointing to"]
            .iter()
            .any(|w| without_descriptor(lead_words).ends_with(w))
            && past_possessive(&after).is_none();
        let prime_suspect = prime_suspect_after(&after);
        // "It killed the Taliban governor of Balkh province in a suicide bombing": the group of
        // the one a violent verb acts on is the victim's side.
        if a.span.end <= trigger.start
            && [
                "killed",
                "killing",
                "kills",
                "assassinated",
                "targeted",
                "targeting",
                "attacked",
                "shot",
                "wounded",
                "abducted",
                "kidnapped",
                "ambushed",
            ]
            .iter()
            .any(|v| lead_words.ends_with(&format!(" {v}")) || lead_words == *v)
        {
            continue;
        }
        // "ISWAP has said that Boko Haram leader Abubakar Shekau is dead": the group that tells
        // of a death did not thereby cause it.
        if !owner_acts
            && a.span.end <= trigger.start
            && cx.text[a.span.end..trigger.start]
                .split_whitespace()
                .any(|w| {
                    matches!(
                        w,
                        "said" | "says" | "announced" | "confirmed" | "reported" | "stated"
                    )
                })
        {
            continue;
        }
        // "Hamas said an Israeli air strike killed 20 people", "The Taliban said a US drone
        // strike killed 12 civilians": the group tells of someone else's act (not "IS said its
        // fighters attacked", "said it had carried out").
        if owner_acts
            && a.span.end <= trigger.start
            && tells_of_others(cx.text, a.span.end, trigger)
        {
            continue;
        }
        // "Kurdish Peshmerga fighters, backed by air strikes from the US-led coalition": the
        // strikes are someone else's support.
        if a.span.end <= trigger.start && {
            let between = cx.text[a.span.end..trigger.start].to_lowercase();
            [
                "backed by",
                "supported by",
                "with the support of",
                "aided by",
                "covered by",
            ]
            .iter()
            .any(|w| between.contains(w))
        } {
            continue;
        }
        // "Ten al-Shabaab fighters were killed in a US air strike", "X, the leader of ISIS-K,
        // was killed in a drone strike": those a strike or a raid killed are its targets' side.
        // (Not "Five al-Shabaab gunmen were killed in the attack": attackers die in their own.)
        if a.span.end <= trigger.start && struck_by_trigger(cx.text, a.span.end, trigger) {
            continue;
        }
        // "A Taliban spokesman condemned the bombing", "The Taliban condemned the attack": the
        // group reacting to it, not the one that did it.
        if a.span.end <= trigger.start && reacts_to(&cx.text[a.span.end..trigger.start]) {
            continue;
        }
        // "Al-Shabaab, which is linked to al-Qaeda, ...": a relative clause describing another
        // group.
        let b = before.trim_end();
        if ["which", "that"].iter().any(|rel| {
            ["is", "are", "was", "were", "has been", "have been"]
                .iter()
                .any(|be| {
                    RELATED_TO
                        .iter()
                        .any(|rel2| b.ends_with(&format!("{rel} {be} {rel2}")))
                })
        }) {
            continue;
        }
        // "Jamaat-ul-Ahrar, a faction of the Pakistani Taliban, claimed ...": the group an
        // appositive relates another to is not the one acting.
        if part_of_appositive(&before) || premodifier_appositive(cx.text, a.span) {
            continue;
        }
        // "Abu Bakr al-Baghdadi, the leader of the Islamic State group, died": the group of the
        // person the sentence is about (but "The leader of Boko Haram, Abubakar Shekau, claimed
        // responsibility for the abduction": the group's claim, by its leader).
        // ("Al-Qaeda leader Ayman al-Zawahiri was killed": the same, before the title.)
        let title_after = [
            "leader",
            "chief",
            "founder",
            "commander",
            "head",
            "emir",
            "spokesman",
        ]
        .iter()
        .any(|w| {
            after
                .strip_prefix(' ')
                .and_then(|r| r.strip_prefix(w))
                .is_some_and(|r| r.starts_with(' '))
        });
        if !owner_acts
            && (title_after
                || [
                    "leader of",
                    "head of",
                    "founder of",
                    "chief of",
                    "emir of",
                    "commander of",
                ]
                .iter()
                .any(|w| {
                    let b = before.trim_end();
                    b.ends_with(w) || b.ends_with(&format!("{w} the"))
                }))
        {
            continue;
        }
        // "Al-Shabaab, the al-Qaeda-linked group, ...", "the al-Qaeda affiliate": a group
        // named to describe another is not the one acting.
        let a_after = after.trim_start_matches(['-', ' ']);
        if [
            "linked",
            "affiliate",
            "affiliated",
            "branch",
            "offshoot",
            "ally",
            "allied",
            "aligned",
            "inspired",
            "loyal",
            "'s affiliate",
            "’s affiliate",
            "'s branch",
            "’s branch",
        ]
        .iter()
        .any(|w| a_after.starts_with(w))
        {
            continue;
        }
        // German: "hat die Terrormiliz IS die Tat für sich reklamiert", "hat sich zu dem
        // Anschlag in Würzburg bekannt".
        let rest = if cx.language.starts_with("de") {
            cx.text
                .get(a.span.end..cl.end.max(a.span.end))
                .unwrap_or("")
                .to_lowercase()
        } else {
            String::new()
        };
        let german_claim = [
            "für sich reklamiert",
            "für sich beansprucht",
            "für sich reklamierte",
            "für sich beanspruchte",
        ]
        .iter()
        .any(|w| rest.contains(w))
            || ["hat sich zu", "hatte sich zu", "haben sich zu"]
                .iter()
                .any(|w| rest.find(w).is_some_and(|i| i < 30))
                && rest.contains("bekannt");
        // "The Resistance Front, which is widely seen as an offshoot of Lashkar-e-Taiba,
        // initially claimed the attack": the verb past the group's appositive.
        let after = if appositive {
            let rest = &cx.text[a.span.end..trigger.start];
            // Past the comma that closes the appositive.
            let close = rest
                .find(',')
                .and_then(|o| rest[o + 1..].find(',').map(|c| o + 1 + c + 1))
                .unwrap_or(0);
            let from = a.span.end + close;
            cx.text
                .get(from..(from + 40).min(sentence.end).max(from))
                .unwrap_or("")
                .to_lowercase()
        } else {
            after
        };
        // ("ISKP also claimed an attack on a shrine": an adverb may stand between.)
        let verb_after = after.trim_start();
        let verb_after = [
            "also ",
            "initially ",
            "first ",
            "at first ",
            "originally ",
            "later ",
            "quickly ",
            "swiftly ",
            "subsequently ",
            "promptly ",
            "reportedly ",
        ]
        .iter()
        .find_map(|a| verb_after.strip_prefix(a))
        .unwrap_or(verb_after);
        // "Islamic State has not claimed responsibility for the attack", "did not claim",
        // "has yet to claim": no claim, and the group is not the one who did it.
        if claim_negated_after(&after) {
            continue;
        }
        let claimed = verb_after.starts_with("claimed")
            // "The attack in Berlin was claimed by Islamic State"
            || passive_claim_before(&before)
            || german_claim
            || self_claim(cx.text, a.span, trigger)
            || after.contains("claimed responsibility")
            || ["has claimed", "had claimed", "have claimed", "later claimed", "also claimed"]
                .iter()
                .any(|w| after.trim_start().starts_with(w))
            || after.trim_start().starts_with("took responsibility")
            // "The Balochistan Liberation Army, which claimed last week's hijacking of the
            // Jaffar Express, is ...": the group's own claim in its relative clause, the trigger
            // inside that clause.
            || a.span.end <= trigger.start
                && cx.text[a.span.end..trigger.start].to_lowercase().strip_prefix(',').is_some_and(|r| {
                    let r = r.trim_start();
                    let r = r
                        .strip_prefix("which ")
                        .or_else(|| r.strip_prefix("who "))
                        .unwrap_or("");
                    let r = ["has ", "had ", "have ", "also ", "later ", "quickly ", "swiftly "]
                        .iter()
                        .find_map(|w| r.strip_prefix(w))
                        .unwrap_or(r);
                    r.starts_with("claimed ")
                        && !r.contains([',', ';', ':', '(', '.'])
                        && r.split_whitespace().count() <= 6
                });
        // "acting on instructions from Islamic State Khorasan Province", "on ISKP's
        // instructions", "im Auftrag des IS": the group that directed it.
        let b_end = before.trim_end();
        let directed = [
            "instructions from",
            "instructions of",
            "orders from",
            "on the orders of",
            "on behalf of",
            "at the behest of",
            "im auftrag des",
            "im auftrag der",
            "im auftrag von",
        ]
        .iter()
        .any(|c| b_end.ends_with(c))
            || [
                "'s instructions",
                "’s instructions",
                "'s orders",
                "’s orders",
            ]
            .iter()
            .any(|c| after.starts_with(c));
        // "the Suruc bombing in July, which authorities blamed on Islamic State": blamed, by
        // whoever blames it.
        let blamed_on = ["blamed on", "pinned on"]
            .iter()
            .any(|w| lead_words.ends_with(w));
        // "Lashkar-e-Taiba, founded in the early 1990s, was blamed by India for the 2008
        // Mumbai attacks": blamed, by whoever the passive names.
        let blamed_by = (a.span.end <= trigger.start)
            .then(|| passive_blame(&cx.text[a.span.end..trigger.start]))
            .flatten();
        let target =
            b_end.ends_with(" on") || b_end.ends_with(" against") || b_end.ends_with(" on the");
        if target && !by && !directed && !blamed_on {
            continue;
        }
        // "After the attack in New Orleans, investigators found no evidence that the driver was
        // directed by the Islamic State group": a negation between the trigger and a group
        // named after it, in the group's own clause, denies the group's part; it is no reading
        // of who did it (the trigger's own cues never reach a clause after it).
        if a.span.start >= trigger.end
            && certainty::cues(cx.text, sentence, a.span)
                .iter()
                .any(|c| c.certainty == Certainty::Negated && c.span.start >= trigger.end)
        {
            continue;
        }
        if !(by
            || subject
            || described_behind
            || supporters
            || claimed
            || directed
            || blamed_on
            || pointed_to
            || blamed_by.is_some())
        {
            continue;
        }
        let in_clause = inside(a.span, cl);
        let mut resp = None;
        for c in cues {
            // "Whether the Islamic State actually directed the attack remains unclear": an
            // open question suspects the group at most.
            let open = c.certainty == Certainty::Hypothetical
                && cx.text.get(c.span.start..c.span.end).is_some_and(|w| {
                    [
                        "whether",
                        "if",
                        "could",
                        "might",
                        "may",
                        "possibly",
                        "perhaps",
                        "maybe",
                        "ob",
                        "könnte",
                        "könnten",
                        "möglicherweise",
                    ]
                    .contains(&w.to_lowercase().as_str())
                });
            let r = if open {
                Some(Responsibility::Suspected)
            } else {
                responsibility_from(c.certainty)
            };
            // (Not a hedge of the next clause: "carried out by al-Shabaab, and one suspect
            // ... allegedly told investigators".)
            let (lo, hi) = if c.span.start >= a.span.end {
                (a.span.end, c.span.start)
            } else {
                (c.span.end, a.span.start)
            };
            let other_clause = cx
                .text
                .get(lo..hi)
                .is_some_and(|b| b.contains(", and ") || b.contains(';'));
            if let Some(r) = r.filter(|_| !other_clause) {
                if in_clause || gap(c.span, a.span) < 40 {
                    resp = Some(r);
                    if r != Responsibility::Claimed {
                        break;
                    }
                }
            }
        }
        if claimed {
            resp = Some(Responsibility::Claimed);
        }
        if inspired && !claimed {
            resp = Some(Responsibility::Inspired);
        }
        if supporters && resp.is_none() {
            resp = Some(Responsibility::Suspected);
        }
        // "Investigators suspect Islamic State was behind the attack", "police believe the
        // group": a belief about the group, right before it.
        let believed = [
            "suspect",
            "suspects",
            "suspect that",
            "suspects that",
            "believe",
            "believes",
            "believe that",
            "believes that",
        ]
        .iter()
        .any(|w| lead_words.ends_with(&format!(" {w}")));
        if (before.contains("suspected") || pointed_to || prime_suspect || believed)
            && resp.is_none_or(|r| r == Responsibility::Attributed)
        {
            resp = Some(Responsibility::Suspected);
        }
        let resp = resp.unwrap_or(Responsibility::Attributed);
        // "which authorities blamed on Islamic State", "Indian officials on Sunday blamed
        // Lashkar-e-Taiba for the attacks": whoever blames it.
        let blamed = blamed_on || BLAME_VERBS.iter().any(|v| lead_words.ends_with(v));
        // ("X said the military arrested suspects over the attack, which the government has
        // blamed on ISWAP": the clause names its own blamer, before the sentence's source.)
        let attributed_by = blamed
            .then(|| {
                let head = &cx.text[cl.start.min(a.span.start)..a.span.start];
                let verb = head.rfind("blame").or_else(|| head.rfind("pinned"))?;
                blamer(&head[..verb])
            })
            .flatten()
            .or_else(|| source_of_reading(resp, attribution));
        let attributed_by = match blamed_by {
            Some(Some(who)) if resp == Responsibility::Attributed => Some(Source {
                name: Some(who),
                ..Source::default()
            }),
            _ => attributed_by,
        };
        // "The Islamic State group said ... its members carried out": the group's own word.
        let (resp, attributed_by) = own_word(a, resp, attributed_by);
        if out
            .iter()
            .any(|p| p.entity == a.entity && p.entity.is_some())
        {
            continue;
        }
        out.push(participant(a, Role::Perpetrator, Some(resp), attributed_by));
    }
    // "Its suicide bombing": the owner did it. ("Its first leader was killed" is no such
    // case: the callers pass `owner_acts` only for attacks and plots.)
    // "ISKP ... . It claimed an attack on the shrine": the topic group claimed it.
    if out.is_empty() && owner_acts {
        if let Some(a) = possessor(cx, sentence, trigger) {
            let claims = cx.text[trigger.start..trigger.end]
                .to_lowercase()
                .starts_with("claim");
            let (resp, by) = if claims {
                (Responsibility::Claimed, None)
            } else {
                own_word(
                    a,
                    Responsibility::Attributed,
                    source_of_reading(Responsibility::Attributed, attribution),
                )
            };
            out.push(participant(a, Role::Perpetrator, Some(resp), by));
        }
    }
    out
}

/// Whether the words between a group and an attack word hold a verb of reaction to the attack
/// ("spokesman condemned the", "denounced the", "offered condolences for the"), with no new
/// clause between.
fn reacts_to(between: &str) -> bool {
    let b = between.to_lowercase();
    // "The Taliban, who have fought IS-K for years, condemned the bombing": past the group's
    // relative clause.
    let b = match b.trim_start().strip_prefix(',').map(str::trim_start) {
        Some(r) if r.starts_with("who ") || r.starts_with("which ") => r
            .split_once(", ")
            .map_or(b.clone(), |(_, rest)| rest.to_string()),
        _ => b,
    };
    if b.contains([';', '.']) || b.split_whitespace().count() > 8 {
        return false;
    }
    // The attack word is the reaction's object: at most a determiner and three words after the
    // verb ("condemned the", "offered condolences for Friday's"), no comma ("IS, which condemned
    // Shia rituals, claimed the attack" is IS's claim).
    let words: Vec<&str> = b
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(v) = words.iter().rposition(|w| REACTIONS.contains(w)) else {
        return false;
    };
    let after_verb = b
        .rfind(words[v])
        .map(|i| &b[i + words[v].len()..])
        .unwrap_or("");
    // ("The Taliban condemned the bombing and denied any role": the next conjunct's verb is
    // the group's own.)
    words.len() - v - 1 <= 4
        && !after_verb.contains(',')
        && !words[v + 1..].iter().any(|w| ["and", "but"].contains(w))
}

/// Verbs and nouns of reacting to an attack ([`reacts_to`]).
const REACTIONS: &[&str] = &[
    "condemned",
    "condemns",
    "condemning",
    "denounced",
    "denounces",
    "deplored",
    "criticised",
    "criticized",
    "mourned",
    "condolences",
    "praised",
    "welcomed",
    "hailed",
    "celebrated",
    "investigating",
    "investigated",
    "verurteilte",
    "verurteilt",
];

/// A group said to have done something by the group itself ("The Islamic State group said on
/// Thursday that two of its members carried out the bombings") claims it.
fn own_word(
    a: &Actor,
    resp: Responsibility,
    by: Option<Source>,
) -> (Responsibility, Option<Source>) {
    let key = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").unwrap_or(&s).to_string()
    };
    let own = resp == Responsibility::Attributed
        && by.as_ref().is_some_and(|b| {
            b.name
                .as_deref()
                .or(b.role.as_deref())
                .is_some_and(|n| key(n) == key(&a.text))
        });
    if own {
        (Responsibility::Claimed, None)
    } else {
        (resp, by)
    }
}

/// Passive phrases that name who did an attack: "was carried out by X".
const AGENT_PHRASES: [&str; 5] = [
    " carried out by ",
    " perpetrated by ",
    " committed by ",
    " staged by ",
    " verübt von ",
];

/// The person named as doing what a verb trigger says: its subject ("Salman Abedi, 22,
/// detonated a homemade bomb", "Brenton Tarrant, a 29-year-old Australian, attacked
/// worshippers", "X allegedly stabbed") or its agent ("was attacked by X"). The responsibility
/// is the clause's hedge when it has one ("allegedly": alleged), else attributed (to the
/// report's source, when it names one).
fn person_perpetrator(
    cx: &Context,
    sentence: Span,
    tr: &Trigger,
    cues: &[Cue],
    attribution: Option<&Attribution>,
) -> Option<Participant> {
    let t = cx.text;
    let trigger = tr.span;
    // "The third man who carried out Saturday's attack on London Bridge has been named by police
    // as Youssef Zaghba": the person the one who did it is named as, by whoever names him.
    let named_lead = t[sentence.start..trigger.start].to_ascii_lowercase();
    if [
        "who carried out",
        "who committed",
        "who staged",
        "who launched",
    ]
    .iter()
    .any(|w| named_lead.contains(w))
    {
        let after = t[trigger.end..sentence.end].to_ascii_lowercase();
        if let Some(i) = after.find(" named ") {
            let rest = &after[i + 7..];
            let (by, as_at) = if rest.starts_with("as ") {
                (None, Some(i + 7 + 3))
            } else {
                match rest.find(" as ") {
                    Some(k) if rest.starts_with("by ") && k <= 40 => (
                        Some(
                            t[trigger.end + i + 10..trigger.end + i + 7 + k]
                                .trim()
                                .to_string(),
                        ),
                        Some(i + 7 + k + 4),
                    ),
                    _ => (None, None),
                }
            };
            if let Some(n) = as_at.and_then(|a| {
                cx.names
                    .iter()
                    .find(|n| n.label == "PERSON" && n.span.start == trigger.end + a)
            }) {
                let by = by
                    .map(|b| Source {
                        name: Some(b),
                        ..Source::default()
                    })
                    .or_else(|| attribution.map(|a| a.source.clone()));
                return Some(perpetrator_named(n, Responsibility::Attributed, by));
            }
        }
    }
    // "a Tesla Cybertruck exploded": what explodes did not do it.
    if explodes(&t[trigger.start..trigger.end]) {
        return None;
    }
    // A plain "attacked" makes a person an attacker only among words of violence ("attacked
    // worshippers", "... killing 22"), not "attacked the chancellor's budget".
    if tr.needs_anchor {
        let s = t[sentence.start..sentence.end].to_lowercase();
        let violent = [
            "killed",
            "killing",
            "wounded",
            "injured",
            "dead",
            "gun",
            "knife",
            "bomb",
            "shot",
            "stabbed",
            "worshippers",
            "civilians",
            "people",
            "passers-by",
            "police officers",
            "soldiers",
            "hostages",
        ]
        .iter()
        .any(|w| find_word(&s, 0, s.len(), w).is_some());
        // ("the attack in Halle was carried out by X" says who did it outright.)
        // ("X carried out the attack" too.)
        let explicit = AGENT_PHRASES.iter().any(|w| s.contains(w))
            || [
                " carried out the ",
                " committed the ",
                " perpetrated the ",
                " staged the ",
            ]
            .iter()
            .any(|w| s.contains(w));
        if !violent && !explicit {
            return None;
        }
    }
    let word = t[trigger.start..trigger.end]
        .split_whitespace()
        .next()?
        .to_lowercase();
    // "X, the Tunisian suspected of driving a truck into ...": the suspect.
    // (ASCII lower case keeps byte offsets: the lead's length is an offset into the text.)
    let lead = t[sentence.start..trigger.start].to_ascii_lowercase();
    let lead = lead.trim_end();
    let suspected = [
        ("suspected of", Responsibility::Suspected),
        ("accused of", Responsibility::Alleged),
        ("charged with", Responsibility::Alleged),
    ]
    .into_iter()
    .find(|(w, _)| lead.ends_with(w));
    if let Some((w, resp)) = suspected {
        let before = &t[sentence.start..sentence.start + lead.len() - w.len()];
        let named = cx.names.iter().rfind(|n| {
            n.label == "PERSON"
                && inside(n.span, sentence)
                && n.span.end <= sentence.start + before.len()
        })?;
        let gap_text = &t[named.span.end..sentence.start + before.len()];
        // "X, the Tunisian suspected of", "X, who is suspected of", "X was accused of"
        // ("Taleb al-Abdulmohsen, a Saudi-born psychiatrist, is accused of": the apposition
        // closed, then the verb.)
        let after_last = gap_text.rsplit(',').next().unwrap_or("").trim();
        let apposed = gap_text.trim_start().starts_with(',')
            && (gap_text.matches(',').count() == 1 && gap_text.len() <= 60
                || gap_text.matches(',').count() == 2
                    && gap_text.len() <= 80
                    && ["", "is", "was", "were", "has been", "had been"].contains(&after_last));
        let predicated = ["was", "is", "were", "has been", "had been"]
            .iter()
            .any(|b| gap_text.trim() == *b);
        if !(apposed || predicated) {
            return None;
        }
        return Some(perpetrator_named(
            named,
            resp,
            attribution.map(|a| a.source.clone()),
        ));
    }
    let verb = word.ends_with("ed")
        || [
            "shot", "set", "blew", "stabbed", "drove", "ran", "threw", "struck",
        ]
        .contains(&word.as_str());
    let cl = clause(t, sentence, trigger);
    // ("the attack ... was carried out by X": a noun trigger with its agent.)
    let agent_phrase = t
        .get(trigger.end..cl.end)
        .map(str::to_lowercase)
        .is_some_and(|a| AGENT_PHRASES.iter().any(|w| a.contains(w)));
    // "John Smith carried out the attack": where the verb of doing stands before a noun trigger.
    let carried_out_at = {
        static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
        let from = cl.start.min(trigger.start);
        crate::text::cached_regex(
            &RE,
            r"(?i)\b(?:carried out|committed|staged|perpetrated|masterminded)\s+(?:the|a|an|[\w'’]+'s|[\w'’]+’s)\s+(?:[\w-]+\s+){0,2}$",
        )
        .and_then(|re| re.find(t.get(from..trigger.start)?))
        .map(|m| from + m.start())
    };
    if !verb && !agent_phrase && carried_out_at.is_none() {
        return None;
    }
    let persons = cx
        .names
        .iter()
        .filter(|n| n.label == "PERSON" && inside(n.span, sentence));
    const ADVERBS: &[&str] = &[
        "allegedly",
        "reportedly",
        "apparently",
        "also",
        "then",
        "later",
        "had",
        "has",
        "have",
        "first",
        // "X is believed to have detonated", "X is said to have", "X was suspected to have"
        "is",
        "was",
        "believed",
        "said",
        "thought",
        "suspected",
        "alleged",
        "to",
    ];
    let subject = persons
        .clone()
        .rfind(|n| n.span.end <= trigger.start && n.span.start >= sentence.start)
        .filter(|n| {
            let mut between = t[n.span.end..trigger.start].trim();
            // ", 22," / ", a 29-year-old Australian,": an appositive set off by commas; two of
            // them ("Salman Abedi, 22, a British-born man of Libyan descent, detonated").
            if let Some(r) = between.strip_prefix(',') {
                match r.find(',') {
                    Some(k) if k <= 60 && !r[..k].contains(['.', ';']) => {
                        between = r[k + 1..].trim();
                    }
                    _ => return false,
                }
                // (The second one opens with the first one's closing comma.)
                if let Some(second) = between.strip_suffix(',') {
                    if second.len() <= 60 && !second.contains([',', '.', ';']) {
                        between = "";
                    }
                }
            }
            // ("Police officer Rouven Laur was stabbed": the one a passive verb acts on.)
            let passive = between
                .split_whitespace()
                .last()
                .is_some_and(|w| ["is", "was", "were", "are", "been", "being"].contains(&w));
            !passive
                && between
                    .split_whitespace()
                    .all(|w| ADVERBS.contains(&w.to_lowercase().as_str()))
        });
    // "... was attacked by X", "the attack in Halle on Wednesday was carried out by X"
    let agent = || {
        let after = t.get(trigger.end..cl.end)?;
        if let Some(rest) = after.strip_prefix(" by ") {
            let at = trigger.end + 4;
            return persons
                .clone()
                .find(|n| n.span.start == at)
                .filter(|_| !rest.is_empty());
        }
        let lower = after.to_lowercase();
        let (i, w) = AGENT_PHRASES
            .iter()
            .filter_map(|w| lower.find(w).map(|i| (i, w.len())))
            .min()?;
        let at = trigger.end + i + w;
        persons.clone().find(|n| n.span.start == at)
    };
    // "Police said John Smith carried out the attack on Bourbon Street": the subject of a verb
    // of doing before a noun trigger.
    let carrier = || {
        let verb_at = carried_out_at?;
        persons.clone().rfind(|n| {
            n.span.end <= verb_at
                && t[n.span.end..verb_at]
                    .split_whitespace()
                    .all(|w| ADVERBS.contains(&w.to_lowercase().as_str()))
        })
    };
    let who = if verb {
        subject.or_else(agent)
    } else {
        agent().or_else(carrier)
    }?;
    let mut resp = None;
    for c in cues {
        // "Investigators are examining whether X detonated the bomb": suspected.
        let r = if c.certainty == Certainty::Hypothetical {
            Some(Responsibility::Suspected)
        } else {
            responsibility_from(c.certainty)
        };
        if let Some(r) = r {
            if inside(c.span, cl) || gap(c.span, who.span) < 40 {
                resp = Some(r);
                if r != Responsibility::Claimed {
                    break;
                }
            }
        }
    }
    let resp = resp.unwrap_or(Responsibility::Attributed);
    let attributed_by = source_of_reading(resp, attribution);
    Some(perpetrator_named(who, resp, attributed_by))
}

/// The persons joined to a named perpetrator by "and" or a comma before it ("Salah Abdeslam
/// and Mohamed Abrini", "the brothers Said and Chérif Kouachi"), each with its responsibility.
/// A lone first name before a full one shares its surname: "Said" is "Said Kouachi" (the span
/// stays the first name's).
fn persons_joined_before(cx: &Context, sentence: Span, p: &Participant) -> Vec<Participant> {
    let t = cx.text;
    let mut out = Vec::new();
    let surname = p
        .text
        .split_whitespace()
        .count()
        .gt(&1)
        .then(|| p.text.rsplit(' ').next().unwrap_or(""));
    let mut at = p.span.start;
    while let Some(lead) = t.get(sentence.start..at) {
        // (The one nearest the perpetrator joined by "and": "A, B and C", not an appositive.)
        let comma = lead.strip_suffix(", ").filter(|_| !out.is_empty());
        let Some(rest) = lead
            .strip_suffix(" and ")
            .or_else(|| lead.strip_suffix(", and "))
            .or(comma)
        else {
            break;
        };
        let end = sentence.start + rest.len();
        let Some(n) = cx
            .names
            .iter()
            .find(|n| n.label == "PERSON" && n.span.end == end && inside(n.span, sentence))
        else {
            break;
        };
        let text = match surname {
            Some(s) if !n.text.contains(' ') => format!("{} {s}", n.text),
            _ => n.text.clone(),
        };
        out.push(Participant {
            text,
            span: n.span,
            ..p.clone()
        });
        at = n.span.start;
    }
    out.reverse();
    out
}

/// Whether the trigger names a state actor's act with a possessive ("the army's offensive",
/// "Pakistan's military operation", "the government's crackdown"), not a group's ("ISKP's
/// attack") and not a time's ("Saturday's attack").
fn state_owned(cx: &Context, sentence: Span, trigger: Span) -> bool {
    let Some(lead) = cx.text.get(sentence.start..trigger.start) else {
        return false;
    };
    let lead = lead.trim_end();
    // ("the army's military offensive": one modifier may stand between.)
    let lead = lead
        .rsplit_once(' ')
        .filter(|(_, w)| w.chars().all(|c| c.is_lowercase()) && !w.ends_with("'s"))
        .map_or(lead, |(l, _)| l)
        .trim_end();
    let Some(owner) = possessor_of(lead) else {
        return false;
    };
    let end = sentence.start + owner.len();
    let word = owner.rsplit(' ').next().unwrap_or("").to_lowercase();
    let state = ACTOR_NOUNS.contains(&word.as_str())
        || cx
            .places
            .iter()
            .any(|g| g.span.end == end && g.place.kind == dossier_core::place::PlaceKind::Country);
    let time = cx.timexes.iter().any(|t| t.span.end == end);
    let group = cx.actors.iter().any(|a| a.group && a.span.end == end);
    state && !time && !group
}

/// "Al-Shabaab said it carried out the attack", "Al-Shabaab, the Somali militant group, said in
/// a statement that its fighters were behind the attack": the group says the trigger's act was
/// its own, which is its claim.
fn self_claim(text: &str, group: Span, trigger: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"^(?:,[^,;.]{1,120},)?\s+(?:has |had )?(?:said|says|announced|stated|declared|insisted|confirmed|admitted)(?: in an? [\w ]{0,30}?statement| (?:via|on|through|in) (?:its|their|an?) [\w'’ -]{0,40}?(?:radio|channel|website|statement|message|video|broadcast|outlet|agency)| on \w+)?(?:,)?(?: that)? (?:it|its (?:fighters|members|militants|men|gunmen|mujahideen|soldiers))(?: had| has)? (?:carried out|was behind|were behind|was responsible for|were responsible for|conducted|staged|launched|perpetrated|mounted|executed)((?: [\w'’-]+){0,4}) $",
    ) else {
        return false;
    };
    // "Yemen's Houthi rebels said they attacked two ships": the verb of the act itself, with the
    // group's pronoun as its subject.
    static VERB: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let own_verb = crate::text::cached_regex(
        &VERB,
        r"^(?:\s+(?:rebels|militants|fighters|group|movement|insurgents))?\s+(?:has |had )?(?:said|says|announced|stated|declared|claimed|confirmed|admitted)(?: in an? [\w ]{0,30}?statement| (?:via|on|through|in) (?:its|their|an?) [\w'’ -]{0,40}?(?:radio|channel|website|statement|message|video|broadcast|outlet|agency)| on \w+)?(?:,)?(?: that)? (?:it|they|its (?:fighters|members|militants|men|forces)|their (?:fighters|members|forces))(?: had| have| has)? $",
    );
    let starts_verb = text.get(trigger.start..trigger.end).is_some_and(|w| {
        w.split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ed") || ["struck", "shot", "seized"].contains(&w))
    });
    if group.end <= trigger.start
        && starts_verb
        && own_verb.is_some_and(|r| {
            text.get(group.end..trigger.start)
                .is_some_and(|b| r.is_match(&b.to_lowercase()))
        })
    {
        return true;
    }
    group.end <= trigger.start
        && text
            .get(group.end..trigger.start)
            .and_then(|between| {
                re.captures(&between.to_lowercase())
                    .map(|c| c[1].to_string())
            })
            .is_some_and(|rest| {
                // Only what names the act may stand before it: "the", "Saturday's", "this
                // week's deadly".
                !rest
                    .split_whitespace()
                    .any(|w| ["and", "but", "or", "not", "that", "which", "who"].contains(&w))
            })
}

/// Whether lower-case text ending right before a group's name ends in an appositive relating
/// the name before it to that group: ", a faction of the", ", an offshoot of", ", a rival of",
/// ", the Somali militant group linked to".
/// "Jamaat-ul-Ahrar, a TTP faction, was suspected": the group named inside another's
/// apposition as what it is a faction of (before the relating noun).
fn premodifier_appositive(text: &str, group: Span) -> bool {
    // (A few words either side: this runs for every group and trigger.)
    let before = crate::text::lower_before(text, group, 80);
    let opens = [", a", ", an", ", the"].iter().any(|w| before.ends_with(w))
        || before.rsplit_once(',').is_some_and(|(_, p)| {
            let w: Vec<&str> = p.split_whitespace().collect();
            (2..=3).contains(&w.len()) && ["a", "an", "the"].contains(&w[0])
        });
    let end = crate::text::floor_boundary(text, group.end + 60);
    let after = text[group.end..end.max(group.end)].to_lowercase();
    let rest = after.trim_start();
    let noun = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    opens
        && [
            "faction",
            "splinter",
            "offshoot",
            "wing",
            "branch",
            "affiliate",
            "franchise",
            "subgroup",
            "cell",
            "unit",
            "ally",
        ]
        .contains(&noun)
        && {
            // ("Jamaat-ul-Ahrar, a TTP splinter group,": the noun of the kind may follow.)
            let tail = rest[noun.len()..].trim_start_matches(['s']).trim_start();
            let tail = [
                "group",
                "faction",
                "organisation",
                "organization",
                "movement",
            ]
            .iter()
            .find_map(|g| tail.strip_prefix(g))
            .map_or(tail, |t| t.trim_start_matches(['s']).trim_start());
            tail.starts_with([',', '.', ';'])
        }
}

fn part_of_appositive(before: &str) -> bool {
    const RELATED: &[&str] = &[
        "faction",
        "splinter",
        "offshoot",
        "wing",
        "branch",
        "affiliate",
        "arm",
        "ally",
        "rival",
        "enemy",
        "cell",
        "unit",
        "franchise",
        "subgroup",
        "remnant",
        "remnants",
        "successor",
        "part",
    ];
    let b = before.trim_end();
    // ", the Somali militant group linked to", ", a group allied with", ", a faction linked to
    // the".
    let linked = b.strip_suffix(" the").unwrap_or(b);
    if let Some((_, phrase)) = linked.rsplit_once(',') {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.len() <= 8
            && words
                .first()
                .is_some_and(|w| ["a", "an", "the"].contains(w))
            && RELATED_TO
                .iter()
                .chain(&[
                    "tied to",
                    "inspired by",
                    // ", a faction that split from the TTP,"
                    "split from",
                    "split off from",
                    "broke away from",
                    "broken away from",
                    "splintered from",
                ])
                .any(|r| phrase.ends_with(r))
        {
            return true;
        }
    }
    let b = b.strip_suffix(" the").unwrap_or(b);
    let Some(b) = b.strip_suffix(" of") else {
        return false;
    };
    let Some((_, phrase)) = b.rsplit_once(',') else {
        return false;
    };
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // (", a little-known group said to be a faction of": what the group is said to be.)
    let hedged = [
        "said to be",
        "believed to be",
        "thought to be",
        "reported to be",
        "reportedly",
        "allegedly",
        "described as",
        "seen as",
    ]
    .iter()
    .any(|h| phrase.contains(h));
    words.len() <= if hedged { 10 } else { 6 }
        && words
            .first()
            .is_some_and(|w| ["a", "an", "the", "one"].contains(w))
        && words
            .last()
            .is_some_and(|w| RELATED.contains(&w.rsplit('-').next().unwrap_or(w)))
}

/// "Its suicide bombing at Kabul airport", "the group's deadliest attack": the group the
/// possessive refers to. That is the first group named in the nearest sentence (this one or up to
/// two before) that names one: the topic, usually the subject ("ISKP is a sworn enemy of the
/// Taliban. Its ..."), and nobody else who could own it (a person, a country, an organisation
/// not governed by "in", "of", "with", ...) is named between it and the possessive.
fn possessor<'c>(cx: &'c Context, sentence: Span, trigger: Span) -> Option<&'c Actor> {
    let before = cx.text[sentence.start..trigger.start].to_lowercase();
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    // The possessive right before the trigger, or before one or two modifiers
    // ("its deadliest", "its best-known").
    let n = words.len();
    // Or the sentence's subject pronoun right before it: "It claimed an attack".
    // ("On Saturday the group retracted the claim": "the group", after a day.)
    let lead = match words.as_slice() {
        ["on", _, ..]
            if words
                .get(2)
                .is_some_and(|w| ["the", "it", "they"].contains(w)) =>
        {
            2
        }
        ["later", ..] | ["then", ..] => 1,
        _ => 0,
    };
    let rest = &words[lead..];
    let pronoun = match rest {
        ["it" | "they", ..] => 1,
        ["the", "group" | "organisation" | "organization", ..] => 2,
        _ => 0,
    };
    let subject = (pronoun > 0
        && rest[pronoun..].len() <= 1
        && rest[pronoun..]
            .iter()
            .all(|w| ["has", "have", "had", "also", "later"].contains(w)))
    .then_some(n - lead);
    let possessive = subject.or_else(|| {
        (1..=3.min(n)).find(|&k| {
            let w = words[n - k];
            w == "its" || w == "their" || w == "group's" || w == "group’s"
        })
    })?;
    if words[n - possessive..n]
        .iter()
        .any(|w| ["and", "or", "but", "than"].contains(w))
    {
        return None;
    }
    let si = cx.sentences.iter().position(|s| s.span == sentence)?;
    // (Not "The Islamic State group's regional affiliate claimed": a group named before a
    // part of it owns nothing here.)
    let groups_before = |s: Span| {
        cx.actors
            .iter()
            .filter(move |a| a.group && a.entity.is_some() && inside(a.span, s))
            .filter(move |a| a.span.end <= trigger.start)
            .filter(|a| !crate::facts::describes_another(cx.text, a.span))
    };
    let group = (si.saturating_sub(2)..=si)
        .rev()
        .find_map(|k| groups_before(cx.sentences[k].span).min_by_key(|a| a.span.start))?;
    let between = Span::new(group.span.end, trigger.start);
    let governed = |s: Span| {
        let lead = cx.text[group.span.end.min(s.start)..s.start].to_lowercase();
        let last = lead
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_string();
        [
            "in", "of", "at", "near", "from", "to", "across", "into", "on", "the", "against",
            "with", "by", "for",
        ]
        .contains(&last.as_str())
    };
    let in_group = |s: Span| {
        cx.actors
            .iter()
            .any(|o| o.group && o.span.start <= s.start && s.end <= o.span.end)
    };
    // "The Islamic State group has struck Iran before. It claimed ...": a country or place
    // named as the object of the group's own sentence is not who the pronoun means; one that
    // is a subject ("and Iran", "Iran has said") still is.
    let group_sentence = cx
        .sentences
        .iter()
        .find(|s| inside(group.span, s.span))
        .map(|s| s.span);
    let object_place = |s: Span| {
        let Some(gs) = group_sentence.filter(|gs| inside(s, *gs)) else {
            return false;
        };
        let lead = cx.text[group.span.end.min(s.start)..s.start].to_lowercase();
        let last = lead
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_string();
        let next = cx.text[s.end..gs.end]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        let lead = lead.trim_end();
        !lead.is_empty()
            && !lead.ends_with(',')
            && !["and", "or", "nor", "that", "while", "whereas", "as"].contains(&last.as_str())
            && ![
                "has", "have", "had", "is", "was", "are", "were", "will", "would", "said", "says",
                "did", "does", "itself",
            ]
            .contains(&next.as_str())
    };
    let rival = cx.names.iter().any(|m| {
        inside(m.span, between)
            && matches!(m.label.as_str(), "PERSON" | "ORG" | "GPE")
            && !in_group(m.span)
            && !governed(m.span)
            && !(m.label == "GPE" && object_place(m.span))
    }) || cx.actors.iter().any(|o| {
        o.group
            && inside(o.span, between)
            && o.entity != group.entity
            && !governed(o.span)
            && cx.sentences[si].span.start <= o.span.start
    });
    (!rival).then_some(group)
}

/// "attack on X", "attack against X", "targeting X".
fn target_of(cx: &Context, sentence: Span, trigger: Span) -> Option<Participant> {
    let after = cx.text.get(trigger.end..sentence.end)?;
    // ASCII lower case keeps byte offsets: indices found in it are indices into the text.
    let lower = after.to_ascii_lowercase();
    let mut at = None;
    // "fighters stormed the SYL Hotel", "gunmen attacked the Crocus City Hall concert venue":
    // the object of a transitive attack verb ("has attacked Taliban officials" tells a habit).
    let verb = cx.text[trigger.start..trigger.end]
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let next = lower.split_whitespace().next().unwrap_or("");
    let perfect = cx.text[sentence.start..trigger.start]
        .to_lowercase()
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ["has", "have", "had"].contains(&w));
    if [
        "attacked", "stormed", "bombed", "struck", "raided", "besieged", "shelled", "rammed",
        "hijacked",
    ]
    .contains(&verb.as_str())
        // ("gunmen attacked Kuje prison": a name needs no article.)
        && (["the", "a", "an"].contains(&next)
            || after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase))
        && !perfect
    {
        at = Some(trigger.end + (after.len() - after.trim_start().len()));
    }
    // "the hijacking of the Jaffar Express": what was hijacked, when it is named.
    if at.is_none() && ["hijacking", "hijack"].contains(&verb.as_str()) {
        if let Some(rest) = after.strip_prefix(" of ") {
            let name = rest.strip_prefix("the ").unwrap_or(rest);
            if name.chars().next().is_some_and(char::is_uppercase) {
                at = Some(trigger.end + " of ".len());
            }
        }
    }
    // German: "Anschlag auf die Konzerthalle", "Anschlagspläne gegen den Kölner Dom".
    for p in [
        " on ",
        " against ",
        " targeting ",
        " targeted ",
        " auf ",
        " gegen ",
    ] {
        if at.is_some() {
            break;
        }
        if let Some(i) = lower.find(p) {
            // "auf" right after the noun only ("Anschlag auf die Halle", not "als Reaktion auf").
            // Not past a verb or a cause: "the attack was revenge for the army's offensive
            // against militants" names the offensive's target.
            let crossed = lower[..i].split_whitespace().any(|w| {
                [
                    "was",
                    "is",
                    "were",
                    "are",
                    "for",
                    "revenge",
                    "retaliation",
                    "response",
                    // "the Suruc bombing in July, which authorities blamed on Islamic State"
                    "blamed",
                    "blame",
                    "blames",
                    "pinned",
                    "which",
                ]
                .contains(&w)
            });
            if i <= 40 && (p != " auf " || i == 0) && !crossed {
                at = Some(trigger.end + i + p.len());
                break;
            }
        }
    }
    let from = at?;
    // "claimed responsibility on Thursday", "the bombing on 26 August": a date, not a target.
    let lead = cx.text[from..sentence.end].len() - cx.text[from..sentence.end].trim_start().len();
    let at = from + lead;
    if cx
        .timexes
        .iter()
        .any(|x| x.span.start <= at && at < x.span.end.max(x.span.start + 1))
    {
        return None;
    }
    let np = np_right(cx.text, from, sentence.end, 12)?;
    // German: the phrase ends after its first noun that a lower-case word follows ("auf dem
    // Mannheimer Marktplatz schwer verletzte Polizist" is the market square).
    let np = if cx.language.starts_with("de") {
        let words: Vec<(usize, &str)> = cx.text[np.start..np.end]
            .split(' ')
            .scan(np.start, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .collect();
        let cut = words.windows(2).find(|w| {
            w[0].1.chars().next().is_some_and(char::is_uppercase)
                && w[0].1.chars().skip(1).any(char::is_lowercase)
                && w[1].1.chars().next().is_some_and(char::is_lowercase)
                && ![
                    "der", "des", "die", "dem", "den", "von", "in", "im", "am", "an", "bei", "und",
                ]
                .contains(&w[1].1)
        });
        cut.map_or(np, |w| Span::new(np.start, w[0].0 + w[0].1.len()))
    } else {
        np
    };
    // "attack on a memorial ceremony for Iranian General Qassem Soleimani": keep "for X".
    let t = cx.text[np.start..np.end].to_string();
    // "an attack on a crowd of this kind" is a kind of target, not one; "on ISKP's
    // instructions" says who ordered it.
    let tl = t.to_lowercase();
    // "broadcast the first attack live on Facebook": where it was shown, not what was hit.
    let medium = [
        "facebook",
        "twitter",
        "telegram",
        "youtube",
        "instagram",
        "tiktok",
        "social media",
        "television",
        "tv",
        "radio",
        "the internet",
        "video",
    ]
    .iter()
    .any(|m| tl == *m || tl.strip_prefix("the ").is_some_and(|r| r == *m));
    if medium
        || ["of this kind", "of that kind", "of this sort", "such "]
            .iter()
            .any(|g| tl.contains(g))
        || ["instructions", "orders", "behalf", "command", "initiative"]
            .iter()
            .any(|h| tl.ends_with(h))
    {
        return None;
    }
    Some(unlinked(Role::Target, t, np))
}

/// The word right before `at` and its span ("Shekau" in "Shekau died").
fn word_before(text: &str, at: usize) -> Option<(&str, Span)> {
    let before = text.get(..at)?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let w = &before[start..];
    (!w.is_empty()).then_some((w, Span::new(start, before.len())))
}

/// Whether `word` is the last name of a person the report names in full ("Shekau" of
/// "Abubakar Shekau").
fn person_surname(cx: &Context, word: &str) -> bool {
    // "al-Baghdadi", "al-Barnawi": capitalised after the article.
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    word.chars().count() >= 3
        && (capital(word) || word.rsplit('-').next().is_some_and(capital))
        && cx.names.iter().any(|n| {
            n.label == "PERSON"
                && n.text.contains(' ')
                && n.text.split_whitespace().last() == Some(word)
        })
}

/// "Shekau died in May 2021", "Baghdadi was killed": the death of a person the report names
/// as a leader elsewhere ("named al-Barnawi to lead ISWAP in place of Abubakar Shekau", "its
/// leader, X"). The leader-killed triggers of the lexicon need a leader word in the sentence;
/// these take it from the document.
/// "al-Shabaab killed 67 people at the Westgate mall": a named armed group as the subject of
/// "killed" and a count of people is an attack (its trigger the killing).
fn group_killings(cx: &Context, sentence: Span) -> Vec<Trigger> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"^\s+(?:has |had |have |reportedly |allegedly )?(?P<t>killed) (?:(?:at least |more than |about |around |nearly |some )?(?:\d[\d,]*|dozens|scores|hundreds|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?: [\w-]+)? (?:people|persons|civilians|worshippers|tourists|visitors|shoppers|passengers|pedestrians|students|children|villagers|soldiers|police officers|policemen|troops))\b",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in cx
        .actors
        .iter()
        .filter(|a| a.group && !a.coreference && inside(a.span, sentence))
    {
        let Some(rest) = cx.text.get(a.span.end..sentence.end) else {
            continue;
        };
        let Some(t) = re.captures(rest).and_then(|c| c.name("t")) else {
            continue;
        };
        let span = Span::new(a.span.end + t.start(), a.span.end + t.end());
        out.push(Trigger {
            kind: EventKind::Attack,
            subkind: None,
            span,
            needs_anchor: false,
        });
    }
    out
}

/// "The SDF captured Raqqa from the Islamic State", "Islamic State fighters seized Mosul", "had
/// taken full control of Raqqa": a capture of a place the text names right after the verb (a
/// capture of anything else, "captured the suspect", is none).
fn captures_of_places(cx: &Context, sentence: Span, found: &[Trigger]) -> Vec<Trigger> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i)\b(captured|seized|overran|took(?: full)? control of|taken(?: full)? control of|liberated)\s+(?:the (?:city|town|village|district|province) of\s+)?",
    ) else {
        return Vec::new();
    };
    let Some(body) = cx.text.get(sentence.start..sentence.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in re.captures_iter(body) {
        let (Some(m), Some(verb)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let span = Span::new(sentence.start + verb.start(), sentence.start + verb.end());
        let place_next = cx
            .places
            .iter()
            .any(|g| g.span.start == sentence.start + m.end());
        let overlaps = found
            .iter()
            .any(|t| t.span.start < span.end && span.start < t.span.end);
        if place_next && !overlaps {
            out.push(Trigger {
                kind: EventKind::Recapture,
                subkind: None,
                span,
                needs_anchor: false,
            });
        }
    }
    out
}

fn leader_deaths(cx: &Context, sentence: Span, found: &[Trigger]) -> Vec<Trigger> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        // "Abu Bakr al-Baghdadi, the leader of the Islamic State group, died": an appositive
        // may stand between the name and the verb (not a relative clause: "Soleimani, who led
        // the Quds Force, was killed in a US drone strike" tells of the strike).
        r"^(?:, (?:the|a|an|its|his) [^,.;]{1,80},)?\s+((?:has |had )?(?:died|was killed|was assassinated|was shot dead|was killed in action))\b",
    ) else {
        return Vec::new();
    };
    if found.iter().any(|t| t.kind == EventKind::LeaderKilled) {
        return Vec::new();
    }
    let Some(body) = cx.text.get(sentence.start..sentence.end) else {
        return Vec::new();
    };
    // Most sentences tell no death: no need to look at every name in them.
    if !["died", "killed", "assassinated", "shot dead"]
        .iter()
        .any(|w| body.contains(w))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for n in cx.names.iter().filter(|n| n.label == "PERSON") {
        let Some(surname) = n.text.split_whitespace().last() else {
            continue;
        };
        if seen.contains(&surname) || !person_surname(cx, surname) {
            continue;
        }
        seen.push(surname);
        for (i, _) in body.match_indices(surname) {
            let end = i + surname.len();
            let bounded = !body[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !body[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let Some(m) = re
                .captures(&body[end..])
                .and_then(|c| c.get(1))
                .filter(|_| bounded)
            else {
                continue;
            };
            // Another person's death may still be a leader's: only this name is passed over.
            if !named_leader(cx.text, surname) {
                break;
            }
            out.push(Trigger {
                kind: EventKind::LeaderKilled,
                subkind: None,
                span: Span::new(
                    sentence.start + end + m.start(),
                    sentence.start + end + m.end(),
                ),
                needs_anchor: false,
            });
        }
    }
    out
}

/// Whether the text names `surname` as a leader somewhere: a leader word within 40 bytes of it,
/// in its sentence.
fn named_leader(text: &str, surname: &str) -> bool {
    text.match_indices(surname).any(|(i, _)| {
        let end = i + surname.len();
        let mut from = lead_from(text, Span::new(0, text.len()), i, 40);
        let mut to = (end + 40).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        // Within the name's own sentence: "Karim spoke. Shekau led the faction" names Shekau.
        if let Some(k) = text[from..i].rfind(['.', ';', '!', '?']) {
            from += k + 1;
        }
        if let Some(k) = text[end..to].find(['.', ';', '!', '?']) {
            to = end + k;
        }
        let w = text[from..to].to_lowercase();
        [
            "leader",
            " to lead",
            " led by",
            " led the ",
            " led its ",
            " headed ",
            "head of",
            " chief",
            " emir",
            "commander",
            "founder",
            "in place of",
            "his own faction",
        ]
        .iter()
        .any(|c| w.contains(c))
    })
}

/// "an attack on the Shah Cheragh shrine in October 2022 and a second attack on the same
/// shrine": "the same shrine" is the named one before it (its span, there), when the text names
/// one with that head noun; otherwise the target stays as written.
fn antecedent_of_same(text: &str, target: Participant) -> Participant {
    let lower = target.text.to_lowercase();
    let Some(head) = lower
        .strip_prefix("the same ")
        .and_then(|r| r.split_whitespace().last())
    else {
        return target;
    };
    let before = text.get(..target.span.start).unwrap_or("");
    let Ok(re) = regex::Regex::new(&format!(
        r"\b[Tt]he ((?:[A-Z][\w'’-]*\s+)+){}\b",
        regex::escape(head)
    )) else {
        return target;
    };
    match re.find_iter(before).last() {
        Some(m) => Participant {
            text: m.as_str().to_string(),
            span: Span::new(m.start(), m.end()),
            ..target
        },
        None => target,
    }
}

/// "planning a gun attack near the Swedish parliament": the named place a plot was aimed at,
/// when the plot names no other target of that name. A landmark only when it has a name (a
/// capital letter), so that "near the border" stays a place.
fn landmark_of(cx: &Context, sentence: Span, trigger: Span) -> Option<Participant> {
    let after = cx.text.get(trigger.end..sentence.end)?;
    // Found in the text itself: an index into a lower-cased copy need not fall on a character
    // boundary of the original.
    let i = after.find(" near ")?;
    if i > 60 || after[..i].contains([',', ';', ':']) {
        return None;
    }
    let from = trigger.end + i + " near ".len();
    let np = np_right(cx.text, from, sentence.end, 8)?;
    let t = &cx.text[np.start..np.end];
    let named = t
        .split_whitespace()
        .skip_while(|w| ["the", "a", "an"].contains(&w.to_lowercase().as_str()))
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    named.then(|| unlinked(Role::Target, t.to_string(), np))
}

/// Who was arrested: "X were arrested", "arrests of X", "arrested X".
/// The people named in apposition right after a noun phrase: ", Mohammed Amri and Hamza Attou"
/// after "two men" (only names, joined by commas and "and").
fn apposed_names<'c>(cx: &'c Context, sentence: Span, np: Span) -> Vec<&'c EntityMention> {
    let mut out = Vec::new();
    let mut at = np.end;
    let mut first = true;
    loop {
        let rest = cx.text.get(at..sentence.end).unwrap_or("");
        let lead = if first {
            rest.strip_prefix(", ")
        } else {
            rest.strip_prefix(", and ")
                .or_else(|| rest.strip_prefix(" and "))
                .or_else(|| rest.strip_prefix(", "))
        };
        let Some(after) = lead else {
            break;
        };
        let start = at + (rest.len() - after.len());
        let Some(n) = cx
            .names
            .iter()
            .find(|n| n.label == "PERSON" && n.span.start == start)
        else {
            break;
        };
        out.push(n);
        at = n.span.end;
        first = false;
    }
    out
}

fn arrested(cx: &Context, sentence: Span, trigger: Span) -> Option<Participant> {
    // ("police said on Sunday that a 30-year-old Tajik man had been taken into custody": a day
    // is no one arrested.)
    arrested_phrase(cx, sentence, trigger)
        .filter(|p| plausibly_arrested(&p.text))
        .filter(|p| {
            !cx.timexes.iter().any(|x| {
                x.kind == TimexType::Date
                    && x.span.start <= p.span.start
                    && p.span.end <= x.span.end
            })
        })
}

/// Whether a phrase taken as who was arrested can be one: no finite verb in it and no police
/// ("einer Polizeistreife und wurde", "die Polizei in Solingen einen 15-Jährigen" are the
/// boundaries of a phrase gone wrong; naming no one is better than naming the wrong one).
fn plausibly_arrested(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect();
    let verb = words.iter().any(|w| {
        [
            "wurde", "wurden", "war", "waren", "hat", "hatte", "ist", "sind", "was", "were", "has",
            "had",
        ]
        .contains(&w.as_str())
    });
    // (The police leading the phrase are the arresters; "a former police officer" may be the
    // one arrested.)
    let police = words.iter().take(2).any(|w| {
        [
            "polizei",
            "polizeistreife",
            "polizisten",
            "beamte",
            "police",
            "policemen",
            "officers",
            "troops",
            "soldiers",
        ]
        .contains(&w.as_str())
    });
    !verb && !police
}

fn arrested_phrase(cx: &Context, sentence: Span, trigger: Span) -> Option<Participant> {
    let t = cx.text;
    // (After a dateline, "BERLIN (Wire) - The suspect ...", the sentence opens past it.)
    let sentence = match cx.dateline {
        Some(d)
            if d.span.start <= sentence.start
                && d.span.end > sentence.start
                && d.span.end <= trigger.start =>
        {
            let mut from = d.span.end;
            while from < trigger.start && !t.is_char_boundary(from) {
                from += 1;
            }
            let skip = t[from..trigger.start].len()
                - t[from..trigger.start]
                    .trim_start_matches(|c: char| c.is_whitespace() || "-–—:".contains(c))
                    .len();
            Span::new(from + skip, sentence.end)
        }
        _ => sentence,
    };
    let trig = t[trigger.start..trigger.end].to_lowercase();
    let before = t[sentence.start..trigger.start].to_lowercase();
    let b = before.trim_end();
    let mut np = None;
    for aux in [
        " were",
        " was",
        " have been",
        " has been",
        " had been",
        " are",
        " is",
    ] {
        if let Some(stripped) = b.strip_suffix(aux) {
            // ("Eleven people in total were detained".)
            let stripped = stripped
                .strip_suffix(" in total")
                .or_else(|| stripped.strip_suffix(" in all"))
                .unwrap_or(stripped);
            // "Mohamed Abrini, who was arrested in Brussels on Friday, is suspected ...": the
            // name the relative clause describes.
            let stripped = stripped
                .strip_suffix(" who")
                .map(|s| s.trim_end().trim_end_matches(','))
                .unwrap_or(stripped);
            let mut end = sentence.start + stripped.len();
            // "Six of the suspects, nationals of Tajikistan, Turkmenistan and Kyrgyzstan, were
            // detained": the subject before the apposition.
            let pre = stripped.trim_end();
            // (The comma that opens it is the last one before a lower-case word: not one
            // inside a list of names.)
            if let Some(inner) = pre.strip_suffix(',') {
                let original = &t[sentence.start..sentence.start + inner.len()];
                let open = original.rmatch_indices(", ").find(|(o, _)| {
                    original[o + 2..]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                });
                if let Some((o, _)) = open.filter(|(o, _)| inner.len() - o <= 90) {
                    end = sentence.start + o;
                }
            }
            np = np_left(t, sentence.start, end, 8);
            // "officials said four people who carried out the attack had been arrested": the
            // noun phrase the relative clause describes, not the clause's object.
            // (A sentence opening with its subject, "The younger brother of the man who ...",
            // is read below.)
            let opens_with_subject = t[sentence.start..trigger.start]
                .split_whitespace()
                .next()
                .is_some_and(|w| ["The", "A", "An"].contains(&w));
            if let Some(s) = np.filter(|_| !opens_with_subject) {
                let head = &t[sentence.start..s.start];
                if let Some(w) = [" who ", " which ", " that "]
                    .iter()
                    .filter_map(|w| head.rfind(w))
                    .max()
                    .filter(|w| !head[*w..].contains([',', ';']))
                {
                    if let Some(before) = np_left(t, sentence.start, sentence.start + w, 8) {
                        np = Some(before);
                    }
                }
            }
            // "The man approached a police patrol and was arrested": the subject the verb
            // shares, opening the sentence.
            if pre.ends_with(" and") {
                let opens = t[sentence.start..trigger.start]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| ["The", "A", "An"].contains(&w));
                np = opens
                    .then(|| np_right(t, sentence.start, trigger.start, 6))
                    .flatten();
            }
            // "The younger brother of the man who blew himself up at a pop concert in
            // Manchester was arrested": the subject opening the sentence, not the last noun
            // of its relative clause.
            if let Some(s) = np.filter(|s| s.start > sentence.start) {
                let head = &t[sentence.start..s.start];
                // ("Four men suspected of carrying out Friday's shooting ... were detained": a
                // count opens the subject too.)
                let opens = head.split_whitespace().next().is_some_and(|w| {
                    [
                        "The", "A", "An", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
                        "Nine", "Ten", "Several", "Eleven", "Twelve",
                    ]
                    .contains(&w)
                        || w.chars().all(|c| c.is_ascii_digit())
                });
                // ("A Syrian man suspected of killing three people in Solingen was arrested":
                // a reduced relative clause.)
                const REDUCED: &[&str] = &[
                    " suspected of ",
                    " accused of ",
                    " wanted for ",
                    " wanted in ",
                    " believed to ",
                    " thought to ",
                    " alleged to ",
                ];
                if opens
                    && [" who ", " which ", " that "]
                        .iter()
                        .chain(REDUCED)
                        .any(|w| head.contains(w))
                {
                    np = np_right(t, sentence.start, end, 8).map(|s| {
                        let h = &t[s.start..s.end];
                        [" of the ", " who ", " which ", " that "]
                            .iter()
                            .chain(REDUCED)
                            .filter_map(|w| h.find(w))
                            .min()
                            .map_or(s, |k| Span::new(s.start, s.start + k))
                    });
                }
            }
            break;
        }
    }
    if np.is_none() && (trig == "arrests" || trig == "arrest") {
        let after = &t[trigger.end..sentence.end];
        if let Some(rest) = after.strip_prefix(" of ") {
            let _ = rest;
            np = np_right(t, trigger.end + 4, sentence.end, 10).or(np);
            // "arrests of suspected supporters of the group": extend over "of".
            if let Some(s) = np {
                let tail = t[s.end..sentence.end].to_lowercase();
                if tail.starts_with(" of ") {
                    if let Some(more) = np_right(t, s.end + 4, sentence.end, 6) {
                        np = Some(Span::new(s.start, more.end));
                    }
                }
            }
        }
    }
    // "took a 30-year-old man from Tajikistan into custody": who is inside the trigger.
    if np.is_none() && trig.starts_with("took ") && trig.ends_with(" into custody") {
        let inner_end = trigger.end - " into custody".len();
        np = np_right(t, trigger.start + 5, inner_end, 8);
    }
    // "police detained a 30-year-old Tajik man": the object right after an active verb.
    // Not a phrase after a preposition ("men detained in the Bryansk region").
    // (Not after a comma: "was arrested, police said".)
    let passive = [" were", " was", " been", " are", " is"]
        .iter()
        .any(|aux| b.ends_with(aux));
    if np.is_none()
        && !passive
        && t.get(trigger.end..).is_some_and(|r| r.starts_with(' '))
        && ["arrested", "detained", "apprehended"].contains(&trig.as_str())
    {
        np = np_right(t, trigger.end + 1, sentence.end, 8).filter(|s| {
            let first = t[s.start..s.end]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            s.start < trigger.end + 3
                && ![
                    "in", "at", "on", "near", "after", "over", "by", "for", "from", "with",
                    "during", "while", "under", "outside", "inside", "since", "without", "as",
                    "across", "into", "of",
                ]
                .contains(&first.as_str())
        });
    }
    // "A 26-year-old Syrian man turned himself in to police": who surrendered is the subject.
    // "Ein 26 Jahre alter Syrer stellte sich am Samstagabend der Polizei": the same in German.
    if np.is_none()
        && ["turned ", "handed ", "gave ", "stellte sich "]
            .iter()
            .any(|v| trig.starts_with(v))
    {
        np = np_left(t, sentence.start, trigger.start.saturating_sub(1), 8)
            .filter(|s| s.end + 1 >= trigger.start);

        // "A 26-year-old Syrian man suspected of stabbing three people ... in Solingen turned
        // himself in": the subject opening the sentence, not the last noun before the verb.
        let opening = t[sentence.start..trigger.start]
            .split_whitespace()
            .next()
            .is_some_and(|w| ["A", "An", "The", "Ein", "Eine", "Der", "Die"].contains(&w));
        // ("The 26-year-old Syrian suspect in the Solingen knife attack, identified only as
        // Issa al H., turned himself in": the same past an apposition.)
        if opening && np.is_none_or(|s| s.start > sentence.start) {
            np = np_right(t, sentence.start, trigger.start, 8)
                .map(|s| {
                    // ("A 26-year-old Syrian man suspected of stabbing three": the man.)
                    let head = &t[s.start..s.end];
                    [
                        " suspected ",
                        " accused ",
                        " wanted ",
                        " charged ",
                        " who ",
                        " in the ",
                        " of the ",
                    ]
                    .iter()
                    .filter_map(|w| head.find(w))
                    .min()
                    .map_or(s, |k| Span::new(s.start, s.start + k))
                })
                .or(np);
        }
    }
    // "Four men detained in the Bryansk region": a counted phrase right before the participle
    // (but "Two officers arrested a man" names the arresters).
    if np.is_none() && ["arrested", "detained"].contains(&trig.as_str()) {
        np = np_left(t, sentence.start, trigger.start.saturating_sub(1), 6).filter(|s| {
            let w = t[s.start..s.end].to_lowercase();
            let first = w.split_whitespace().next().unwrap_or("");
            let last = w.split_whitespace().last().unwrap_or("");
            s.end + 1 >= trigger.start
                && (first.chars().all(|c| c.is_ascii_digit())
                    || [
                        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "several", "dozens",
                    ]
                    .contains(&first))
                && ![
                    "police",
                    "officers",
                    "agents",
                    "forces",
                    "soldiers",
                    "troops",
                    "policemen",
                    "investigators",
                ]
                .contains(&last)
        });
    }
    // "hatte die Polizei einen Mann aus Tadschikistan in Gewahrsam genommen", "zwei Männer
    // festgenommen": an indefinite or counted phrase right before the German participle.
    // "Der mutmaßliche Täter wurde am Freitagabend festgenommen": the subject of the passive.
    if np.is_none() && (trig == "festgenommen" || trig == "verhaftet") {
        let lead = &t[sentence.start..trigger.start];
        // ("Der 26 Jahre alte Syrer Issa al H. sei am späten Samstagabend festgenommen
        // worden": reported speech, and the pluperfect.)
        np = [
            " wurde ", " wurden ", " ist ", " sind ", " war ", " waren ", " sei ", " seien ",
        ]
        .iter()
        .filter_map(|aux| lead.find(aux))
        .min()
        .and_then(|k| {
            let subject = &lead[..k];
            let first = subject.split_whitespace().next().unwrap_or("");
            let determined = [
                "Der", "Die", "Das", "Ein", "Eine", "Zwei", "Drei", "Vier", "Mehrere",
            ]
            .contains(&first);
            // ("Der mutmaßliche Täter, der 50-jährige Arzt Taleb al-Abdulmohsen aus
            // Saudi-Arabien, wurde ... festgenommen": the head before the apposition.)
            let head = subject
                .find(", ")
                .filter(|_| subject.trim_end().ends_with(','));
            if determined && head.is_some() && subject.split_whitespace().count() <= 16 {
                return head.map(|h| Span::new(sentence.start, sentence.start + h));
            }
            if determined && subject.split_whitespace().count() <= 9 {
                return Some(Span::new(sentence.start, sentence.start + k));
            }
            // "Taleb al-Abdulmohsen wurde am Freitagabend festgenommen": a person named.
            cx.names
                .iter()
                .find(|n| {
                    n.label == "PERSON"
                        && n.span.start == sentence.start
                        && n.span.end == sentence.start + subject.trim_end().len()
                })
                .map(|n| n.span)
        });
    }
    if np.is_none() && (trig == "in gewahrsam genommen" || trig == "festgenommen") {
        const DETERMINERS: [&str; 12] = [
            "einen", "eine", "einer", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
            "mehrere", "weitere",
        ];
        let from = lead_from(t, sentence, trigger.start, 60);
        let head = t[from..trigger.start].trim_end();
        let words: Vec<(usize, &str)> = head
            .split(' ')
            .scan(from, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let last = words.len();
        np = words
            .iter()
            .enumerate()
            .rev()
            .take(6)
            .take_while(|(_, (_, w))| !w.ends_with([',', ';', ':']))
            .find(|(_, (_, w))| DETERMINERS.contains(&w.to_lowercase().as_str()))
            .filter(|(i, _)| last - i >= 2)
            .map(|(_, (at, _))| Span::new(*at, from + head.len()));
    }
    // "Die Polizei nahm am Samstag in Solingen einen 15-Jährigen fest": who is inside the
    // separated verb, from its article on.
    if np.is_none() && (trig.starts_with("nahm ") || trig.starts_with("nahmen ")) {
        let inner = &t[trigger.start..trigger.end];
        np = [
            "einen ", "eine ", "zwei ", "drei ", "vier ", "mehrere ", "den ", "die ",
        ]
        .iter()
        .filter_map(|d| inner.find(d))
        .min()
        .and_then(|k| {
            let end = inner.rfind(" fest")?;
            (k < end).then(|| Span::new(trigger.start + k, trigger.start + end))
        });
    }
    // "three arrests": the number of people is the quantity before "arrests".
    let np = np?;
    // "they were arrested": a pronoun names nobody; but "Brenton Tarrant ... was charged with
    // murder on Saturday. He was arrested by two police officers": "He" or "She" opening the
    // sentence is the last person the sentence before named.
    let who = t[np.start..np.end].to_lowercase();
    if ["he", "she"].contains(&who.as_str()) && np.start == sentence.start {
        let prev = cx
            .sentences
            .iter()
            .rev()
            .find(|s| s.span.end <= sentence.start)?;
        let n = cx.names.iter().rfind(|n| {
            n.label == "PERSON" && n.span.start >= prev.span.start && n.span.end <= np.start
        })?;
        return Some(unlinked(Role::Arrested, n.text.clone(), n.span));
    }
    if ["they", "he", "she", "it", "we", "them", "who"].contains(&who.as_str()) {
        return None;
    }
    // "Police arrested him about 20 minutes after the first call": the pronoun is the last
    // person named before it; "Even if you are detained": nobody.
    let first = who.split_whitespace().next().unwrap_or("");
    let last = who.split_whitespace().last().unwrap_or("");
    if ["you", "i", "we", "they", "it"].contains(&last) {
        return None;
    }
    if ["him", "her"].contains(&first) {
        let from = cx
            .sentences
            .iter()
            .rev()
            .find(|s| s.span.end <= sentence.start)
            .map_or(sentence.start, |s| s.span.start);
        let n = cx
            .names
            .iter()
            .rfind(|n| n.label == "PERSON" && n.span.start >= from && n.span.end <= np.start);
        if let Some(n) = n {
            return Some(unlinked(Role::Arrested, n.text.clone(), n.span));
        }
        // "A man stabbed three people at a festival on Friday evening. Police arrested him on
        // Saturday": the person the sentence before opens with, when it names nobody.
        const PERSON_NOUNS: &[&str] = &[
            "man",
            "woman",
            "attacker",
            "suspect",
            "gunman",
            "assailant",
            "teenager",
            "driver",
            "knifeman",
            "bomber",
            "shooter",
            "youth",
        ];
        // ("A 26-year-old man", "The suspected attacker": a determiner, then the noun within
        // four words.)
        let opening = &t[from..sentence.start];
        let mut end = None;
        let mut at = 0;
        for (k, w) in opening.split(' ').take(5).enumerate() {
            let bare = w.trim_end_matches([',', '.']);
            if k == 0 && !["A", "An", "The"].contains(&bare) {
                break;
            }
            if k > 0 && PERSON_NOUNS.contains(&bare.to_lowercase().as_str()) {
                end = Some(at + bare.len());
                break;
            }
            if bare.len() != w.len() {
                break;
            }
            at += w.len() + 1;
        }
        let subject = Span::new(from, from + end?);
        return Some(unlinked(
            Role::Arrested,
            t[subject.start..subject.end].to_string(),
            subject,
        ));
    }
    if ["them", "they", "he", "she"].contains(&first) {
        return None;
    }
    // "arrested 24 people overnight": the people, without when.
    let np = [
        " overnight",
        " yesterday",
        " today",
        " tonight",
        " earlier",
        " later",
        " again",
    ]
    .iter()
    .find_map(|w| {
        who.strip_suffix(w)
            .filter(|rest| !rest.is_empty())
            .map(|rest| Span::new(np.start, np.start + rest.len()))
    })
    .unwrap_or(np);
    // "detained four men suspected of carrying out the attack": the men, without what they are
    // suspected of.
    let np = [" suspected of", " accused of", " believed to"]
        .iter()
        .find_map(|w| {
            let k = t[np.start..np.end].to_lowercase().find(w)?;
            (k > 0).then(|| Span::new(np.start, np.start + k))
        })
        .unwrap_or(np);
    // "A Pakistani man arrested shortly after the attack": "shortly" is when; who is the
    // phrase the participle follows.
    let np = if ["shortly", "hours", "days", "soon", "later", "minutes"]
        .contains(&t[np.start..np.end].to_lowercase().as_str())
    {
        np_left(t, sentence.start, trigger.start.saturating_sub(1), 6).filter(|s| {
            s.end + 1 >= trigger.start
                && t[s.start..s.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| ["A", "An", "The", "a", "an", "the"].contains(&w))
        })?
    } else {
        np
    };
    // "arrested prominent Baloch rights activist Mahrang Baloch": the person the descriptive
    // words before the name are titles of (not "the brother of John Smith").
    let titled = cx.names.iter().find(|n| {
        cx.language.starts_with("en")
            && n.label == "PERSON"
            && n.span.end == np.end
            && n.span.start > np.start
            && t.get(np.start..n.span.start).is_some_and(|lead| {
                !lead.contains([',', ';', '(', '\'', '’'])
                    && lead.split_whitespace().count() <= 6
                    && !lead.split_whitespace().any(|w| {
                        [
                            "of", "for", "with", "from", "and", "or", "to", "by", "in", "at", "on",
                            "whose", "who",
                        ]
                        .contains(&w.to_lowercase().as_str())
                    })
            })
    });
    if let Some(n) = titled {
        return Some(unlinked(Role::Arrested, n.text.clone(), n.span));
    }
    Some(unlinked(
        Role::Arrested,
        t[np.start..np.end].to_string(),
        np,
    ))
}

fn anchored(e: &EventMention, definite: bool) -> bool {
    e.killed.is_some()
        || e.injured.is_some()
        || e.participants
            .iter()
            .any(|p| p.role == Role::Perpetrator || p.role == Role::Target)
        || e.place.is_some()
        // "shortly before Christmas" is a date; the undated default ("before publication",
        // no text) is not.
        || e.date.as_ref().is_some_and(|d| !d.is_undated())
        || definite
}

/// Events in one document, before within-document merging.
pub fn mentions(cx: &Context) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    for (si, s) in cx.sentences.iter().enumerate() {
        let sentence = s.span;
        let mut trigs = triggers::find(cx.text, sentence, cx.language);
        trigs.extend(leader_deaths(cx, sentence, &trigs));
        trigs.extend(captures_of_places(cx, sentence, &trigs));
        // (In place of a bare "killed" another row found there.)
        let killings = group_killings(cx, sentence);
        trigs.retain(|t| {
            !killings
                .iter()
                .any(|k| k.span.start < t.span.end && t.span.start < k.span.end)
        });
        trigs.extend(killings);
        let claim_spans: Vec<Span> = trigs
            .iter()
            .filter(|t| t.kind == EventKind::ClaimOfResponsibility)
            .map(|t| t.span)
            .collect();
        let mut here: Vec<EventMention> = Vec::new();
        for tr in &trigs {
            // ("Israeli officials said ..., while Gaza's Health Ministry said 413 Palestinians
            // had been killed in Israeli air strikes": each part its source.)
            let attribution =
                crate::attribution::for_focus(cx.attributions, si, cx.text, sentence, tr.span);
            if let Some(mut e) = one(cx, si, sentence, tr, attribution, &trigs) {
                // "The Islamic State group claimed on Monday that its fighters had captured the
                // town of Palma", "..., saying its fighters had seized control of the town": the
                // group that tells of its own fighters' capture claims it.
                if e.kind == EventKind::Recapture
                    && !e.participants.iter().any(|p| p.role == Role::Perpetrator)
                {
                    static OWN: std::sync::OnceLock<Option<regex::Regex>> =
                        std::sync::OnceLock::new();
                    let lead = cx.text[sentence.start..tr.span.start].to_ascii_lowercase();
                    let claimer = crate::text::cached_regex(
                        &OWN,
                        r"\b(?:claimed|said|announced|saying|claiming)(?: on \w+)?(?: that)? (?:its|their) (?:fighters|militants|mujahideen|soldiers|forces) (?:had |have |has )?$",
                    )
                    .and_then(|re| re.find(&lead))
                    .and_then(|m| {
                        groups_in(cx, sentence)
                            .filter(|g| g.span.end <= sentence.start + m.start())
                            .last()
                    });
                    if let Some(g) = claimer {
                        e.participants.push(participant(
                            g,
                            Role::Perpetrator,
                            Some(Responsibility::Claimed),
                            None,
                        ));
                    }
                }
                // "initially claimed responsibility, but later denied involvement": the
                // denial's group denies, whatever the sentence's other clause says of it.
                if e.kind == EventKind::ClaimOfResponsibility && e.certainty == Certainty::Denied {
                    for p in &mut e.participants {
                        if p.role == Role::Perpetrator
                            && p.responsibility == Some(Responsibility::Claimed)
                        {
                            p.responsibility = Some(Responsibility::Denied);
                        }
                    }
                }
                here.push(e);
            }
        }
        // A claim of responsibility in the same sentence as an attack becomes the perpetrator's
        // status on that attack rather than an event of its own.
        // Not when their dates differ: "It claimed an attack on the shrine in October 2022
        // and a second attack on it in August 2023".
        let claim_date = here
            .iter()
            .find(|e| e.kind == EventKind::ClaimOfResponsibility)
            .and_then(|e| e.date.clone());
        let fits = |e: &EventMention| {
            e.kind == EventKind::Attack && same_date(&e.date, &claim_date) != Some(false)
        };
        if !claim_spans.is_empty() && here.iter().any(fits) {
            // ("No group has claimed responsibility, but US officials suspect that fighters
            // linked to ISGS carried out the ambush": a claim no one made has no claimer.)
            let claimers: Vec<Participant> = here
                .iter()
                .filter(|e| e.kind == EventKind::ClaimOfResponsibility)
                .flat_map(|e| {
                    // (... only that no one has claimed it: "unclaimed", in the report's words.)
                    e.participants.iter().filter(|p| {
                        e.certainty != Certainty::Negated
                            || p.responsibility == Some(Responsibility::Unclaimed)
                    })
                })
                .cloned()
                .collect();
            here.retain(|e| e.kind != EventKind::ClaimOfResponsibility);
            if let Some(att) = here.iter_mut().find(|e| fits(e)) {
                for mut p in claimers {
                    // ("claimed responsibility for the attack on Lido Beach": the target stays a
                    // target, with no responsibility.)
                    if p.role != Role::Perpetrator {
                        if !att
                            .participants
                            .iter()
                            .any(|q| q.role == p.role && q.span == p.span)
                        {
                            att.participants.push(p);
                        }
                        continue;
                    }
                    if p.responsibility == Some(Responsibility::Unclaimed) {
                        att.participants.push(p);
                        continue;
                    }
                    // A denial ("denied that it was behind the bombing") stays one.
                    let r = if p.responsibility == Some(Responsibility::Denied) {
                        Responsibility::Denied
                    } else {
                        Responsibility::Claimed
                    };
                    p.responsibility = Some(r);
                    p.attributed_by = None;
                    // (A denial of what others blame the group for stands beside the blame;
                    // "initially claimed the April attack but later denied it": the claim and
                    // the denial, both.)
                    if let Some(q) = att.participants.iter_mut().find(|q| {
                        q.role == Role::Perpetrator
                            && q.entity == p.entity
                            && !(r == Responsibility::Denied
                                && q.responsibility.is_some_and(|x| {
                                    !matches!(x, Responsibility::Claimed | Responsibility::Denied)
                                }))
                            && !(r == Responsibility::Denied
                                && q.responsibility == Some(Responsibility::Claimed))
                    }) {
                        q.responsibility = Some(r);
                        q.attributed_by = None;
                    } else {
                        att.participants.push(p);
                    }
                }
            }
        }
        // "a 19-year-old arrested on Wednesday in Ternitz, had pledged allegiance to Islamic
        // State in July": the place of the arrest nearer it is not the pledge's.
        let arrest_places: Vec<(Span, Span)> = here
            .iter()
            .filter(|e| e.kind == EventKind::Arrest)
            .filter_map(|e| e.place.as_ref().map(|p| (p.span, e.trigger_span)))
            .collect();
        for e in here.iter_mut().filter(|e| {
            matches!(
                e.kind,
                EventKind::Pledge | EventKind::Split | EventKind::Founding | EventKind::Designation
            )
        }) {
            let nearer_arrest = e.place.as_ref().is_some_and(|p| {
                arrest_places
                    .iter()
                    .any(|(ps, at)| *ps == p.span && gap(*at, *ps) < gap(e.trigger_span, *ps))
            });
            if nearer_arrest {
                e.place = None;
            }
        }
        // "two men were arrested ... who are said to have planned an attack": the arrested are
        // the plot's alleged perpetrators.
        let arrested: Vec<Participant> = here
            .iter()
            .filter(|e| e.kind == EventKind::Arrest)
            .flat_map(|e| {
                e.participants
                    .iter()
                    .filter(|p| p.role == Role::Arrested)
                    .cloned()
            })
            .collect();
        // ("detained a man after receiving a tip that an Islamist group was allegedly planning
        // an attack": the plot names its own planners.)
        let own_planner = |e: &EventMention| {
            static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
            let lead = &cx.text
                [lead_from(cx.text, sentence, e.trigger_span.start, 90)..e.trigger_span.start]
                .to_lowercase();
            crate::text::cached_is_match(
                &RE,
                r"\b(?:that|whether) (?:an?|the) [\w -]{0,40}?(?:group|cell|network|organi[sz]ation|militants|jihadists|islamists|extremists) (?:was|were|is|are|had)\b",
                lead,
            )
        };
        // (Not a plot the sentence denies: "investigators found no evidence he had planned any
        // attack" clears the man detained.)
        for e in here.iter_mut().filter(|e| {
            e.kind == EventKind::Plot
                && !own_planner(e)
                && !matches!(e.certainty, Certainty::Negated | Certainty::Denied)
        }) {
            for p in &arrested {
                if !e.participants.iter().any(|q| q.span == p.span) {
                    let r = if e.certainty == Certainty::Suspected {
                        Responsibility::Suspected
                    } else {
                        Responsibility::Alleged
                    };
                    e.participants.push(Participant {
                        role: Role::Perpetrator,
                        responsibility: Some(r),
                        ..p.clone()
                    });
                }
            }
        }
        // "was killed in a US drone strike": the leader's death is the event, the strike its
        // means.
        if here.iter().any(|e| e.kind == EventKind::LeaderKilled) {
            here.retain(|e| {
                !(e.kind == EventKind::Attack && e.subkind.as_deref() == Some("air_strike"))
            });
            // "Shekau died in May 2021 during an ISWAP assault on his base": the assault is how
            // he died; whoever carried it out is the death's perpetrator.
            let means: Vec<usize> = here
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.kind == EventKind::Attack
                        && here.iter().any(|l| {
                            l.kind == EventKind::LeaderKilled
                                && l.trigger_span.end <= e.trigger_span.start
                                && cx
                                    .text
                                    .get(l.trigger_span.end..e.trigger_span.start)
                                    .is_some_and(|b| {
                                        let b = b.to_lowercase();
                                        (b.contains(" during ") || b.contains(" in an "))
                                            && !b.contains([',', ';'])
                                    })
                        })
                })
                .map(|(i, _)| i)
                .collect();
            for &i in means.iter().rev() {
                let m = here.remove(i);
                if let Some(l) = here.iter_mut().find(|l| l.kind == EventKind::LeaderKilled) {
                    // "on his base" is the assault's target, not the dead man's.
                    l.participants
                        .retain(|p| p.role != Role::Target || p.span.start < m.trigger_span.start);
                    for p in m
                        .participants
                        .into_iter()
                        .filter(|p| p.role == Role::Perpetrator)
                    {
                        if !l.participants.iter().any(|q| q.span == p.span) {
                            l.participants.push(p);
                        }
                    }
                    if l.place.is_none() {
                        l.place = m.place;
                    }
                    if l.weapon.is_none() {
                        l.weapon = m.weapon;
                    }
                }
            }
        }
        // "... and Austrian police made arrests in Vienna at the same time".
        for i in 1..here.len() {
            let own = here[i].date.as_ref().is_some_and(|d| {
                !d.text.is_empty()
                    && inside(d.span, clause(cx.text, sentence, here[i].trigger_span))
            });
            if !own && at_the_same_time(cx.text, sentence, here[i].trigger_span) {
                // The mention before it of the same kind, else any mention before it.
                let earlier = |same: bool| {
                    here[..i].iter().rev().find(|m| {
                        m.trigger_span.end <= here[i].trigger_span.start
                            && (!same || m.kind == here[i].kind)
                    })
                };
                let before = earlier(true)
                    .or_else(|| earlier(false))
                    .and_then(|m| m.date.clone());
                if let Some(d) = before {
                    here[i].date = Some(d);
                }
            }
        }
        // Several attack words in one sentence describe one attack ("the bombing ... the blast"),
        // unless they are placed apart ("police in Cologne detained a man, and Austrian police
        // made arrests in Vienna").
        let mut merged: Vec<EventMention> = Vec::new();
        for e in here {
            if let Some(m) = merged.iter_mut().find(|m| {
                m.kind == e.kind
                        && m.kind != EventKind::Plot
                        && same_place(&m.place, &e.place) != Some(false)
                        // "an attack on the shrine in October 2022 and a second attack on the
                        // same shrine in August 2023": two attacks.
                        && same_date(&m.date, &e.date) != Some(false)
                        // "detonated explosive belts ... killed in a US drone strike": a strike
                        // from the air is another event.
                        && (m.subkind.as_deref() == Some("air_strike"))
                            == (e.subkind.as_deref() == Some("air_strike"))
                        && !another(cx.text, sentence, e.trigger_span)
                        // "initially claimed responsibility, but later denied involvement": a
                        // claim and a denial, both kept.
                        && !(m.kind == EventKind::ClaimOfResponsibility
                            && (m.certainty == Certainty::Denied)
                                != (e.certainty == Certainty::Denied))
            }) {
                absorb(m, e);
            } else {
                merged.push(e);
            }
        }
        out.extend(merged);
    }
    disputed_claims(cx, &mut out);
    disputed_in_apposition(cx, &mut out);
    out
}

/// "Al-Shabaab claimed responsibility for the bombing, a claim the government disputed": the
/// claim's own sentence tells who disputes it; each claimer of that sentence gets a denied
/// reading by them.
fn disputed_in_apposition(cx: &Context, out: &mut [EventMention]) {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i),\s+(?:a|an) (?:claim|assertion|account|figure|version)s? (?:that )?(?P<by>[^,;.]{2,60}?) (?:has |have |had |quickly |later |swiftly |strongly |flatly )*(?:disputed|denied|rejected|dismissed|contested|refuted)\b",
    ) else {
        return;
    };
    for si in 0..cx.sentences.len() {
        let sentence = cx.sentences[si].span;
        let Some(body) = cx.text.get(sentence.start..sentence.end) else {
            continue;
        };
        let Some(c) = re.captures(body) else {
            continue;
        };
        let (Some(all), Some(by)) = (c.get(0), c.name("by")) else {
            continue;
        };
        let at = sentence.start + all.start();
        let by = blamer(by.as_str());
        for e in out.iter_mut().filter(|e| e.evidence.contains(&si)) {
            let claimers: Vec<Participant> = e
                .participants
                .iter()
                .filter(|p| {
                    p.role == Role::Perpetrator
                        && p.responsibility == Some(Responsibility::Claimed)
                        && p.span.end <= at
                })
                .cloned()
                .collect();
            for mut p in claimers {
                if e.participants.iter().any(|q| {
                    q.role == Role::Perpetrator
                        && q.entity == p.entity
                        && q.responsibility == Some(Responsibility::Denied)
                }) {
                    continue;
                }
                p.responsibility = Some(Responsibility::Denied);
                p.attributed_by = by.clone();
                e.participants.push(p);
            }
        }
    }
}

/// "Boko Haram claimed responsibility ... However, the Nigerian government disputed the
/// claim": a claim told before, contested by someone else. The group that claimed gets a
/// denied reading, by whoever disputes it (the claim itself stands beside it).
fn disputed_claims(cx: &Context, out: &mut [EventMention]) {
    for i in 0..out.len() {
        let e = &out[i];
        let trig = e.trigger.to_lowercase();
        if e.kind != EventKind::ClaimOfResponsibility
            || e.certainty != Certainty::Denied
            || !trig.contains("claim")
            || e.participants.iter().any(|p| p.role == Role::Perpetrator)
        {
            continue;
        }
        let Some(claimers) = out[..i].iter().rev().find_map(|m| {
            let c: Vec<Participant> = m
                .participants
                .iter()
                .filter(|p| {
                    p.role == Role::Perpetrator && p.responsibility == Some(Responsibility::Claimed)
                })
                .cloned()
                .collect();
            (!c.is_empty()).then_some(c)
        }) else {
            continue;
        };
        let sentence = cx.sentences[e.sentence].span;
        let by = cx
            .text
            .get(sentence.start..e.trigger_span.start)
            .and_then(blamer)
            .or_else(|| {
                crate::attribution::for_sentence(cx.attributions, e.sentence)
                    .map(|a| a.source.clone())
            });
        let e = &mut out[i];
        for mut p in claimers {
            p.responsibility = Some(Responsibility::Denied);
            p.attributed_by = by.clone();
            e.participants.push(p);
        }
    }
}

/// Whether one of `words` is among the two words before `trigger` in `sentence`.
fn just_before(text: &str, sentence: Span, trigger: Span, words: &[&str]) -> bool {
    text.get(sentence.start..trigger.start)
        .unwrap_or("")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .any(|w| words.contains(&w))
}

/// "every foiled plot", "any attack", "jedes Attentat", "enough for a mass-casualty attack",
/// "genug für einen Anschlag": an attack or plot of a kind, not one event.
/// "shot dead by police", "killed by security forces", "was shot by officers": a shooting whose
/// agent is the police or the security forces.
fn by_security_forces(text: &str, sentence: Span, trigger: Span) -> bool {
    let word = text[trigger.start..trigger.end].to_lowercase();
    // "Police shot dead Younes Abouyaaqoub", "Army commandos stormed the cafe": the same with
    // the forces as the subject.
    let lead = text[sentence.start..trigger.start].to_lowercase();
    let subject = lead.split([',', ';']).next_back().is_some_and(|clause| {
        // ("three protesters were killed when police opened fire": the subordinate clause's
        // subject.)
        let clause = [
            " when ", " as ", " after ", " before ", " while ", " until ",
        ]
        .iter()
        .filter_map(|w| clause.rfind(w).map(|k| k + w.len()))
        .max()
        .map_or(clause, |k| &clause[k..]);
        let mut words: Vec<&str> = clause.split_whitespace().collect();
        // ("Belgian police on Tuesday morning shot dead a man": the day between.)
        const WHEN: &[&str] = &[
            "on",
            "late",
            "early",
            "earlier",
            "later",
            "morning",
            "afternoon",
            "evening",
            "night",
            "yesterday",
            "today",
            "overnight",
            "then",
        ];
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| WHEN.contains(w) || WEEKDAYS.contains(w))
        {
            words.pop();
        }
        words.len() <= 4
            && words.last().is_some_and(|w| {
                [
                    "police",
                    "policemen",
                    "officers",
                    "troops",
                    "soldiers",
                    "commandos",
                    "forces",
                    "gendarmes",
                    "army",
                ]
                .contains(w)
            })
    });
    if subject
        && [
            "shot dead",
            "shot",
            "killed",
            "shot and killed",
            "opened fire",
            "stormed",
            "raided",
        ]
        .iter()
        .any(|v| word == *v || word.ends_with(&format!(" {v}")))
    {
        return true;
    }
    if ![
        "shot dead",
        "shot",
        "killed",
        "shot and killed",
        "opened fire",
    ]
    .contains(&word.as_str())
    {
        return false;
    }
    by_security_agent(&text[trigger.end..sentence.end].to_lowercase())
}

/// Whether the sentence at `span` tells deaths by the police's or the security forces' fire
/// ("The committee said three protesters were killed when police opened fire"): another
/// shooting's dead, not an attack's.
fn sentence_of_police_fire(cx: &Context, span: Span) -> bool {
    cx.text
        .get(span.start..span.end)
        .is_some_and(|x| killed_by_police_fire(&x.to_lowercase()))
}

/// Whether figure `f`, read in the sentence at `span` from `at`, is that sentence's count of the
/// dead ("26 hostages were killed"): then it is no count of the kidnapped.
fn counts_the_dead(cx: &Context, span: Span, at: Span, f: &Figure) -> bool {
    figure(cx, span, at, KILLED, None).is_some_and(|k| k.quantity.span == f.quantity.span)
}

/// Whether lower-case text holds deaths caused by the police's or the security forces' fire:
/// "were killed when police opened fire", "died as security forces fired on the crowd". The
/// dead of such a shooting are not an attack's.
fn killed_by_police_fire(lower: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    crate::text::cached_is_match(
        &RE,
        r"\b(?:killed|died|shot dead)\s+(?:when|as|after)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:police|policemen|officers|troops|soldiers|security forces|security personnel|paramilitaries|paramilitary forces)\s+(?:had\s+)?(?:opened fire|fired|shot)\b",
        lower,
    )
}

/// Whether lower-case text right after a verb names the police or the security forces as its
/// agent: "by police", "by the police", "by Italian police", "by security forces".
fn by_security_agent(after: &str) -> bool {
    let rest = after.trim_start_matches(|c: char| !c.is_alphabetic());
    // "three protesters were killed when police opened fire": the police's shooting.
    let own_clause = after.split([',', ';']).next().unwrap_or("");
    if killed_by_police_fire(&format!("killed{own_clause}")) {
        return true;
    }
    // "was killed in a police raid in Saint-Denis", "died during a shootout with police".
    if let Some(r) = rest
        .strip_prefix("in ")
        .or_else(|| rest.strip_prefix("during "))
    {
        let words: Vec<&str> = r
            .split_whitespace()
            .take(4)
            .map(|w| w.trim_end_matches([',', '.', ';']))
            .collect();
        return words
            .iter()
            .any(|w| ["raid", "shootout", "gunfight", "firefight"].contains(w))
            || words.contains(&"operation")
                && words
                    .iter()
                    .any(|w| ["police", "security", "military", "counter-terrorism"].contains(w));
    }
    let Some(rest) = rest.strip_prefix("by ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    rest.split_whitespace().take(3).any(|w| {
        let w = w.trim_end_matches([',', '.', ';']);
        [
            "police",
            "policemen",
            "officers",
            "officer",
            "troops",
            "soldiers",
            "security",
            "commandos",
            "swat",
            "gendarmes",
            "carabinieri",
        ]
        .contains(&w)
    })
}

/// "Every foiled plot is a data point", "enough for a mass-casualty attack", "A double suicide
/// bombing takes planning": an attack or plot of a kind, not one that happened or was planned.
fn generic(text: &str, sentence: Span, trigger: Span) -> bool {
    if just_before(
        text,
        sentence,
        trigger,
        &["every", "each", "any", "jeder", "jede", "jedes", "jeden"],
    ) {
        return true;
    }
    // "A double suicide bombing takes planning, safe houses and logistics": an indefinite
    // subject with a present verb of what such a thing needs.
    let opening = text
        .get(sentence.start..trigger.start)
        .unwrap_or("")
        .trim_start_matches(|c: char| c.is_whitespace() || "\"“‘'".contains(c))
        .to_lowercase();
    let mut lead = opening.split_whitespace();
    let indefinite = matches!(lead.next(), Some("a" | "an")) && lead.count() <= 3;
    let after = text
        .get(trigger.end..sentence.end)
        .unwrap_or("")
        .trim_start()
        .to_lowercase();
    if indefinite
        && [
            "takes ",
            "requires ",
            "needs ",
            "demands ",
            "involves ",
            "calls for ",
        ]
        .iter()
        .any(|v| after.starts_with(v))
    {
        return true;
    }
    let lead = text
        .get(lead_from(text, sentence, trigger.start, 40)..trigger.start)
        .unwrap_or("")
        .to_lowercase();
    [
        "enough for a",
        "enough for an",
        "enough to",
        "genug für",
        "ausreichen für",
    ]
    .iter()
    .any(|c| {
        lead.rfind(c)
            .is_some_and(|i| !lead[i..].contains([',', ';']))
    })
}

/// "has repeatedly attacked", "frequently targets", "regularly bombs": a habit of an actor.
fn habitual(cx: &Context, sentence: Span, trigger: Span) -> bool {
    let text = cx.text;
    just_before(
        text,
        sentence,
        trigger,
        &[
            "repeatedly",
            "frequently",
            "often",
            "regularly",
            "routinely",
            "habitually",
            "periodically",
            "rarely",
            "seldom",
            "usually",
            "typically",
            "sometimes",
            "occasionally",
            "never",
            "wiederholt",
            "mehrfach",
            "mehrmals",
            "häufig",
            "oft",
            "regelmäßig",
            "wieder",
        ],
    ) || perfect_of_kind(cx, sentence, trigger)
        || trend(text, sentence, trigger)
}

/// "TTP has stepped up attacks on security forces", "a surge in bombings", "an increase in
/// attacks": a trend of many attacks, not one.
fn trend(text: &str, sentence: Span, trigger: Span) -> bool {
    let word = text[trigger.start..trigger.end].to_lowercase();
    if !word.ends_with('s') || word.ends_with("ss") {
        return false;
    }
    let lead = text
        .get(lead_from(text, sentence, trigger.start, 40)..trigger.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    [
        "stepped up",
        "step up",
        "steps up",
        "stepping up",
        "intensified",
        "intensify",
        "intensifies",
        "escalated",
        "ramped up",
        "surge in",
        "rise in",
        "increase in",
        "spate of",
        "wave of",
        "string of",
        "series of",
        // "has carried out some of the deadliest attacks", "many attacks", "dozens of plots".
        "some of the",
        "many",
        "several",
        "numerous",
        "dozens of",
        "hundreds of",
        "scores of",
        "a number of",
        "countless",
    ]
    .iter()
    .any(|w| {
        // ("stepped up attacks", "stepped up its attacks", "a surge in suicide bombings", "a
        // string of foreign plots", "some of the deadliest attacks")
        let modifier = |last: &str| {
            [
                "its",
                "their",
                "the",
                "deadly",
                "suicide",
                "militant",
                "terror",
                "foreign",
                "new",
                "recent",
                "similar",
                "other",
                "major",
                "coordinated",
                "deadliest",
                "bloodiest",
                "worst",
                "biggest",
                "largest",
                "high-profile",
                "large-scale",
                "such",
            ]
            .contains(&last)
                || last.ends_with("ist")
        };
        lead.ends_with(w)
            || lead.rsplit_once(' ').is_some_and(|(head, last)| {
                modifier(last)
                    && (head.trim_end().ends_with(w)
                        || head
                            .rsplit_once(' ')
                            .is_some_and(|(h2, l2)| modifier(l2) && h2.trim_end().ends_with(w)))
            })
    })
}

/// "Boko Haram, which has attacked schools in the region", "has kidnapped foreigners before",
/// "has claimed attacks on Alawites": a present perfect with a bare plural object tells what an
/// actor has done, no one event.
fn perfect_of_kind(cx: &Context, sentence: Span, trigger: Span) -> bool {
    let text = cx.text;
    let lead = text
        .get(sentence.start..trigger.start)
        .unwrap_or("")
        .to_lowercase();
    let mut words = lead.split_whitespace().rev();
    let perfect = match words.next() {
        Some("has" | "have") => true,
        Some("also" | "previously" | "already" | "since") => {
            matches!(words.next(), Some("has" | "have"))
        }
        _ => false,
    };
    // "has claimed attacks on Alawites and other minorities", "have carried out bombings": a
    // bare plural event noun after a present perfect of doing or claiming.
    let plural_noun = !perfect && {
        let noun = text
            .get(trigger.start..trigger.end)
            .unwrap_or("")
            .to_lowercase();
        let mut words = lead.split_whitespace().rev();
        let verb = match words.next() {
            Some("out") => matches!(words.next(), Some("carried")),
            Some("claimed" | "conducted" | "staged" | "launched" | "mounted" | "committed") => true,
            _ => false,
        };
        verb && matches!(words.next(), Some("has" | "have"))
            && noun.ends_with('s')
            && !noun.ends_with("ss")
            && !noun.contains(' ')
    };
    if !perfect && !plural_noun {
        return false;
    }
    let rest = text.get(trigger.end..sentence.end).unwrap_or("");
    // ("Gunmen have kidnapped schoolgirls in Chibok on Monday", "... overnight", "... this week":
    // a day, a time or a week the time-expression stage found after it makes it one event.)
    if cx.timexes.iter().any(|x| {
        x.span.start >= trigger.end
            && x.span.end <= sentence.end
            && matches!(x.kind, TimexType::Date | TimexType::Time)
            && matches!(precision(&x.value), "day" | "time" | "week")
    }) {
        return false;
    }
    if plural_noun {
        return true;
    }
    let plural = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';']);
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.chars().all(char::is_lowercase)
    };
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let Some(object) = words.first() else {
        return false;
    };
    // ("It has attacked Taliban officials and Shia mosques": a bare plural after a name.)
    plural(object)
        || object.starts_with(char::is_uppercase)
            && !object.ends_with([',', '.', ';'])
            && words.get(1).is_some_and(|w| plural(w))
}

/// "Islamic State has rarely claimed attacks inside Turkey", "has never claimed an attack in
/// Turkey": a habit of claiming (or not), no claim of one attack ("has never claimed the
/// attack" is one attack's claim, negated).
fn habitual_claim(cx: &Context, sentence: Span, trigger: Span) -> bool {
    let text = cx.text;
    let next = text
        .get(trigger.start..(trigger.end + 24).min(sentence.end))
        .unwrap_or("")
        .to_lowercase();
    habitual(cx, sentence, trigger)
        && ![" the ", " this ", " that ", " its ", "'s ", "’s "]
            .iter()
            .any(|w| next.contains(w))
}

/// "the deadliest attack in Kenya since the 1998 U.S. embassy bombing", "the worst since the
/// Beslan siege": an event named as the measure of another.
fn compared_with(text: &str, sentence: Span, trigger: Span) -> bool {
    let lead = text
        .get(sentence.start..trigger.start)
        .unwrap_or("")
        .to_lowercase();
    let Some(i) = find_word_last(&lead, "since") else {
        return false;
    };
    let rest = &lead[i..];
    !rest.contains([',', ';', ':'])
        && rest.split_whitespace().count() <= 7
        && [
            "deadliest",
            "worst",
            "bloodiest",
            "biggest",
            "largest",
            "most serious",
            "most lethal",
        ]
        .iter()
        .any(|w| find_word_last(&lead[..i], w).is_some())
}

/// "a second attack", "another bombing", "a separate suicide attack": an event besides one
/// already told.
fn another(text: &str, sentence: Span, trigger: Span) -> bool {
    just_before(
        text,
        sentence,
        trigger,
        &[
            "second", "another", "third", "fourth", "separate", "further", "new", "fresh",
        ],
    )
}

fn one(
    cx: &Context,
    si: usize,
    sentence: Span,
    tr: &Trigger,
    attribution: Option<&Attribution>,
    all: &[Trigger],
) -> Option<EventMention> {
    let t = cx.text;
    let trig_text = t[tr.span.start..tr.span.end].to_string();
    let lower = trig_text.to_lowercase();
    // "A delivery driver drove his car into the attacker and stopped the attack": stopping an
    // attacker is no attack of its own.
    if tr.kind == EventKind::Attack
        && t.get(tr.span.end..sentence.end).is_some_and(|a| {
            let a = a.trim_start().to_lowercase();
            [
                "the attacker",
                "the assailant",
                "the suspect",
                "the gunman",
                "the knifeman",
                "the stabber",
                "the man with the knife",
            ]
            .iter()
            .any(|w| a.starts_with(w))
        })
        && !lower.contains("attack")
    {
        return None;
    }
    // "has repeatedly attacked hotels", "often targets markets": a pattern, not an event.
    if tr.kind == EventKind::Attack && habitual(cx, sentence, tr.span)
        || tr.kind == EventKind::Plot && trend(t, sentence, tr.span)
        || tr.kind == EventKind::ClaimOfResponsibility && habitual_claim(cx, sentence, tr.span)
    {
        return None;
    }
    // "Every foiled plot is also a data point", "enough for a mass-casualty attack": any plot or
    // attack of a kind, not one that happened or was planned.
    if matches!(tr.kind, EventKind::Attack | EventKind::Plot) && generic(t, sentence, tr.span) {
        return None;
    }
    // "was shot dead by police in Milan": the security forces ending a suspect's flight or an
    // attack are no attack of their own.
    if tr.kind == EventKind::Attack && by_security_forces(t, sentence, tr.span) {
        return None;
    }
    // ""His arrest is a major success," said an analyst": an arrest told elsewhere, named by
    // its owner.
    if tr.kind == EventKind::Arrest
        && ["arrest", "arrests", "detention", "capture"].contains(&lower.as_str())
        && t[sentence.start..tr.span.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| ["his", "her", "their", "its"].contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    // "ordered to be held in custody until 22 May", "ordered two men held in pre-trial
    // detention": a court's remand, not an arrest.
    if tr.kind == EventKind::Arrest && (lower == "in custody" || lower == "detention") {
        let lead = t[lead_from(t, sentence, tr.span.start, 50)..tr.span.start].to_lowercase();
        if ["ordered", "remanded", "pre-trial", "pretrial", "to be held"]
            .iter()
            .any(|w| lead.contains(w))
        {
            return None;
        }
    }
    // "A Pakistani man arrested over the Berlin truck attack denied involvement": a person's
    // denial is no group's; only a group (or "it", "they", "the group") denies a part in it.
    if tr.kind == EventKind::ClaimOfResponsibility
        && ["den", "said", "says", "insist", "had", "has", "have"]
            .iter()
            .any(|w| lower.starts_with(w))
        && !lower.contains(" the group")
        && !lower.contains(" it ")
        && !lower.contains(" they ")
    {
        let cl = clause(t, sentence, tr.span);
        let group_subject = cx
            .actors
            .iter()
            .any(|a| a.group && inside(a.span, cl) && a.span.end <= tr.span.start);
        if !group_subject {
            return None;
        }
    }
    // "arrested 35 people over the January 3 bombings in Kerman", "in connection with an
    // alleged plot": what an arrest is about, whose hedge, date and place are not the arrest's.
    let mut causes = if tr.kind == EventKind::Arrest {
        cause_phrases(t, sentence)
    } else if tr.kind == EventKind::Attack {
        motive_phrases(t, sentence, tr.span)
    } else {
        Vec::new()
    };
    // A group's appositive telling an attack of its past: its dates and places are not this
    // event's.
    let history = group_history(t, sentence, all);
    let in_history = history.iter().any(|h| inside(tr.span, *h));
    causes.extend(history.iter().filter(|h| !inside(tr.span, **h)).copied());
    let mut cues = certainty::cues(t, sentence, tr.span);
    // "the only surviving suspect of the November attacks in Paris": the noun says who is
    // suspected, not that the attacks are.
    // "a drone strike ... against two alleged ISIS-K planners": the hedge of the people
    // named, not of the strike.
    if matches!(tr.kind, EventKind::Attack | EventKind::Arrest) {
        cues.retain(|c| {
            let w = c.text.to_lowercase();
            let attributive = ["alleged", "suspected", "purported"].contains(&w.as_str())
                && c.span.start >= tr.span.end
                && t[sentence.start..c.span.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|p| {
                        let p = p.to_lowercase();
                        [
                            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                            "several", "dozens", "of", "against", "at", "on", "the", "a", "an",
                        ]
                        .contains(&p.as_str())
                            || p.chars().all(|ch| ch.is_ascii_digit())
                    });
            !attributive
        });
    }
    if tr.kind == EventKind::Attack {
        cues.retain(|c| {
            let w = c.text.to_lowercase();
            !(w.starts_with("suspect")
                && !w.starts_with("suspected")
                && c.span.end <= tr.span.start
                && (w.ends_with(" of")
                    || t[c.span.end..tr.span.start].trim_start().starts_with("of ")))
        });
    }
    // "held on suspicion of planning an attack, a day after they were arrested": the plan is
    // the plot's; an arrest is planned only when the plan governs it ("plans to arrest").
    if tr.kind == EventKind::Arrest {
        // "Mohamed Abrini, who was arrested in Brussels on Friday, is suspected of ...": the
        // relative clause tells the arrest; the main clause's hedge is about the man.
        let lead = &t[sentence.start..tr.span.start];
        if let Some(w) = lead
            .rfind(", who ")
            .filter(|w| !lead[w + 6..].contains(','))
        {
            let from = sentence.start + w;
            let to = t[tr.span.end..sentence.end]
                .find(',')
                .map_or(sentence.end, |k| tr.span.end + k);
            cues.retain(|c| c.span.start >= from && c.span.end <= to);
        }
        cues.retain(|c| c.certainty != Certainty::Planned || gap(c.span, tr.span) <= 12);
        cues.retain(|c| !causes.iter().any(|s| inside(c.span, *s)));
        // "on suspicion of", "accused of", "charged with": what the arrested are suspected of,
        // not whether the arrest happened.
        cues.retain(|c| {
            let w = c.text.to_lowercase();
            // ("detained four men suspected of carrying out the attack": the men's; "after a
            // tip that a group was allegedly planning an attack": the tip's.)
            // ("turned himself in ... and is suspected of carrying out the attack".)
            let of_the_arrested = c.span.start > tr.span.end
                && (w.contains("suspected")
                    || t.get(tr.span.end..c.span.start)
                        .is_some_and(|b| b.contains(" that ")));
            // ("Four men suspected of carrying out Friday's shooting were detained": a reduced
            // relative clause of the subject.)
            let of_the_subject = c.span.end <= tr.span.start
                && w.starts_with("suspected")
                && (w.ends_with(" of")
                    || t[c.span.end..tr.span.start].trim_start().starts_with("of "))
                && t[sentence.start..c.span.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|p| {
                        !["was", "were", "is", "are", "be", "been", "being"]
                            .contains(&p.to_lowercase().as_str())
                    });
            !of_the_arrested
                && !of_the_subject
                && !["on suspicion", "under suspicion", "accused", "charged"]
                    .iter()
                    .any(|x| w.starts_with(x))
        });
    }
    // "said Ansaru, a Boko Haram splinter group, may have been involved": a split named in an
    // apposition is described, not hedged by the clause around it.
    if let Some(app) = (tr.kind == EventKind::Split)
        .then(|| appositive_noun(t, sentence, tr.span))
        .flatten()
    {
        cues.retain(|c| inside(c.span, app));
    }
    // "AQIM, which claimed the attack, denied that any of its fighters had been captured": a
    // denial after the trigger with a that-clause of its own denies that clause, neither the
    // attack nor a part in it.
    cues.retain(|c| {
        !(c.certainty == Certainty::Denied
            && c.span.start >= tr.span.end
            && t[c.span.end..].trim_start().starts_with("that "))
    });
    // "A man arrested over the Berlin truck attack denied involvement": a denial after the
    // attack is named is someone's part denied (a responsibility, below), not the attack.
    // ("Umar Patek, who allegedly built the bombs, was arrested": the hedge of a relative
    // clause is not the arrest's.)
    let relative = crate::text::relative_clauses(t, sentence);
    let event_cues: Vec<Cue> = cues
        .iter()
        .filter(|c| !(c.certainty == Certainty::Denied && c.span.start >= tr.span.end))
        .filter(|c| {
            !relative
                .iter()
                .any(|r| inside(c.span, *r) && !inside(tr.span, *r))
        })
        .cloned()
        .collect();
    let ignore: &[Certainty] = match tr.kind {
        EventKind::Plot => &[Certainty::Planned],
        EventKind::ClaimOfResponsibility => &[Certainty::Claimed],
        // A claim says who did it, not whether it happened: it becomes the responsibility.
        EventKind::Attack | EventKind::LeaderKilled => &[Certainty::Claimed],
        _ => &[],
    };
    let mut cert = certainty::combine(&event_cues, attribution.is_some(), ignore);
    // An attack word used as "attack plans" or under "wanted to" belongs to the plot.
    if tr.kind == EventKind::Attack
        && all
            .iter()
            .any(|o| o.kind == EventKind::Plot && gap(o.span, tr.span) == 0)
    {
        return None;
    }
    // "21 attacks": a counted noun is a figure (an estimate), not one event. "two explosions",
    // "three gunmen attacks" of one incident stay an event, and so do "five bomb blasts ... on
    // Saturday, killing at least 54 people": a day and a toll make them one incident.
    let one_incident = || {
        !figure_quantities(cx, sentence, KILLED).is_empty()
            && cx.timexes.iter().any(|x| {
                inside(x.span, sentence)
                    && x.kind == TimexType::Date
                    && matches!(precision(&x.value), "day" | "time")
            })
    };
    if matches!(tr.kind, EventKind::Attack | EventKind::Plot)
        && !one_incident()
        && cx.quantities.iter().any(|q| {
            q.counted_span.is_some_and(|c| {
                c.start <= tr.span.start && tr.span.end <= c.end + 1
                    || gap(c, tr.span) == 0 && c.end == tr.span.end
            }) && q.min.is_some_and(|m| m >= 5.0)
        })
    {
        return None;
    }
    // Warning "about" a group is a warning; generic warnings are dropped below unless anchored.
    let mut e = EventMention {
        kind: tr.kind,
        subkind: tr.subkind.map(str::to_string),
        trigger: trig_text,
        trigger_span: tr.span,
        sentence: si,
        evidence: vec![si],
        date: None,
        place: None,
        participants: Vec::new(),
        killed: None,
        injured: None,
        killed_elsewhere: Vec::new(),
        injured_elsewhere: Vec::new(),
        abducted: None,
        weapon: None,
        certainty: cert,
        attributed_to: attribution.map(|a| a.source.clone()),
    };
    let source = attribution.map(|a| &a.source);
    match tr.kind {
        EventKind::Attack
        | EventKind::Plot
        | EventKind::ClaimOfResponsibility
        | EventKind::LeaderKilled
        | EventKind::Offensive => {
            e.participants = perpetrators(
                cx,
                sentence,
                tr.span,
                &cues,
                attribution,
                matches!(
                    tr.kind,
                    EventKind::Attack | EventKind::Plot | EventKind::ClaimOfResponsibility
                ),
            );
            // "The suspect expressed sympathy for Islamic State, but no group has claimed
            // responsibility": a claim no one made has no claimer.
            // ("Islamic State has not claimed responsibility": no claimer either.)
            if tr.kind == EventKind::ClaimOfResponsibility {
                let no_one = claimed_by_no_one(t, sentence, tr.span);
                if no_one.is_some() || e.certainty == Certainty::Negated {
                    e.participants.retain(|p| p.role != Role::Perpetrator);
                }
                // ... and says the attack is unclaimed as of the report: kept as a reading of
                // its own, in the reporter's words ("No group has claimed responsibility"),
                // beside whoever is suspected or later claims it.
                if let Some(start) = no_one {
                    let span = Span::new(start, tr.span.end);
                    e.participants.push(Participant {
                        role: Role::Perpetrator,
                        text: t[span.start..span.end].to_string(),
                        span,
                        entity: None,
                        responsibility: Some(Responsibility::Unclaimed),
                        attributed_by: None,
                    });
                }
            }
            // "The attack remains unclaimed", "the bombing, which has not been claimed": no one
            // has claimed it as of the report, in the report's words.
            if tr.kind == EventKind::Attack {
                if let Some(end) = unclaimed_after(t, sentence, tr.span) {
                    let start = sentence.start
                        + (t[sentence.start..tr.span.start].len()
                            - t[sentence.start..tr.span.start].trim_start().len());
                    let span = Span::new(start, end);
                    e.participants.push(Participant {
                        role: Role::Perpetrator,
                        text: t[span.start..span.end].to_string(),
                        span,
                        entity: None,
                        responsibility: Some(Responsibility::Unclaimed),
                        attributed_by: None,
                    });
                }
            }
            // ("Abubakar Shekau has claimed responsibility for the abduction": a person's claim,
            // when no group is named as the claimer.)
            let person_claims = tr.kind == EventKind::ClaimOfResponsibility
                && ["claim", "took", "take", "accept", "admit"]
                    .iter()
                    .any(|w| lower.starts_with(w))
                && !e.participants.iter().any(|p| p.role == Role::Perpetrator);
            if matches!(tr.kind, EventKind::Attack | EventKind::Plot) || person_claims {
                if let Some(p) = person_perpetrator(cx, sentence, tr, &cues, attribution) {
                    let others = persons_joined_before(cx, sentence, &p);
                    e.participants.push(p);
                    e.participants.extend(others);
                }
            }
            if let Some(tg) = target_of(cx, sentence, tr.span) {
                e.participants.push(antecedent_of_same(t, tg));
            }
            // "Its first leader, Hafiz Saeed Khan, was killed": the person named in the trigger
            // or nearest before it in its clause, else right after it ("killed the leader Abu
            // Ibrahim").
            if tr.kind == EventKind::LeaderKilled {
                let cl = clause(t, sentence, tr.span);
                // "Abu Bakr al-Baghdadi, the leader of the Islamic State group, died".
                let apposed = |n: &EntityMention| {
                    n.span.end <= tr.span.start
                        && t[n.span.end..tr.span.start]
                            .trim_end()
                            .strip_prefix(',')
                            .and_then(|a| a.strip_suffix(','))
                            .is_some_and(|a| a.len() <= 80 && !a.contains([',', '.', ';']))
                };
                let person = cx
                    .names
                    .iter()
                    .filter(|n| n.label == "PERSON" && (inside(n.span, cl) || apposed(n)))
                    .filter(|n| {
                        inside(n.span, tr.span)
                            || n.span.end <= tr.span.start && tr.span.start - n.span.end <= 40
                            || n.span.start >= tr.span.end && n.span.start - tr.span.end <= 2
                            || apposed(n)
                    })
                    .min_by_key(|n| gap(n.span, tr.span));
                // "Shekau died": the surname of a person the report names in full, right before
                // the verb; it wins over a name further back ("led by Abubakar Shekau since
                // Yusuf was killed").
                let surname = word_before(t, tr.span.start)
                    .filter(|(w, _)| person_surname(cx, w))
                    .map(|(w, span)| (w.to_string(), span));
                let victim = match (person, surname) {
                    (Some(n), Some(s)) if !inside(s.1, n.span) => Some(s),
                    (Some(n), _) => Some((n.text.clone(), n.span)),
                    (None, s) => s,
                };
                if let Some((text, span)) = victim {
                    e.participants.push(unlinked(Role::Victim, text, span));
                }
                // "Islamic State confirmed the death of its leader", "Hezbollah confirmed that
                // its leader was killed": the group whose leader it was only says so; it is no
                // perpetrator, and its word is no claim.
                let own_leader = {
                    let lead = t[sentence.start..tr.span.end].to_lowercase();
                    [
                        "its leader",
                        "its chief",
                        "its founder",
                        "its head",
                        "its commander",
                        "its spokesman",
                        "its emir",
                        "its secretary-general",
                        "its long-time leader",
                        "its longtime leader",
                        "its former leader",
                        "their leader",
                        "sein anführer",
                        "ihr anführer",
                    ]
                    .iter()
                    .any(|w| lead.contains(w))
                };
                if own_leader {
                    // (The group before the trigger: the one whose leader died.)
                    e.participants
                        .retain(|p| p.role != Role::Perpetrator || p.span.end > tr.span.start);
                }
            }
            // "A suicide bomber killed Khalil Haqqani", "Khalil Haqqani was killed in the
            // attack": the people the report names as killed.
            if tr.kind == EventKind::Attack {
                for (text, span) in killed_persons(cx, sentence, tr.span) {
                    e.participants.push(unlinked(Role::Victim, text, span));
                }
            }
        }
        EventKind::Arrest => {
            if let Some(p) = arrested(cx, sentence, tr.span) {
                // "suspected supporters of the group": the group is linked, as suspected.
                for a in groups_in(cx, p.span) {
                    e.participants.push(participant(
                        a,
                        Role::Perpetrator,
                        Some(Responsibility::Suspected),
                        source.cloned(),
                    ));
                }
                // "arrested two men, Mohammed Amri and Hamza Attou": the names in apposition,
                // each an arrested person beside the count.
                let named = apposed_names(cx, sentence, p.span);
                e.participants.insert(0, p);
                for n in named.into_iter().rev() {
                    e.participants
                        .insert(1, unlinked(Role::Arrested, n.text.clone(), n.span));
                }
            } else {
                for a in groups_in(cx, sentence) {
                    let before = t[sentence.start..a.span.start].to_lowercase();
                    if before.contains("supporters of")
                        || before.contains("members of")
                        || before.contains("suspected")
                    {
                        e.participants.push(participant(
                            a,
                            Role::Perpetrator,
                            Some(Responsibility::Suspected),
                            source.cloned(),
                        ));
                    }
                }
            }
        }
        EventKind::Founding => {
            // "A stage had been set up on the square": a thing set up, not a group founded (the
            // subject right before the verb is a common noun naming no organisation).
            let subject = t[sentence.start..tr.span.start]
                .split_whitespace()
                .next_back()
                .unwrap_or("");
            if !subject.is_empty()
                && subject.chars().all(|c| c.is_lowercase() || c == '-')
                && ![
                    "group",
                    "groups",
                    "organisation",
                    "organization",
                    "movement",
                    "faction",
                    "network",
                    "branch",
                    "cell",
                    "militia",
                    "party",
                    "front",
                    "wing",
                    "affiliate",
                    "offshoot",
                    "coalition",
                    "alliance",
                    "brigade",
                    "unit",
                    "army",
                    "force",
                    "forces",
                    "province",
                    "it",
                    "which",
                    "that",
                    "who",
                    "they",
                    "and",
                    "first",
                    "originally",
                    "formally",
                    "officially",
                    "reportedly",
                    "allegedly",
                    "also",
                    "later",
                    "only",
                ]
                .contains(&subject)
                && !groups_in(cx, sentence)
                    .any(|a| a.span.end <= tr.span.start && tr.span.start - a.span.end < 30)
            {
                return None;
            }
            // "Axel Rudakubana, who was born in Cardiff": a person's birth is no founding.
            if t[tr.span.start..tr.span.end].ends_with("born") {
                let lead = t[sentence.start..tr.span.start].trim_end();
                let person_before = cx.names.iter().any(|n| {
                    n.label == "PERSON"
                        && sentence.start <= n.span.start
                        && n.span.end <= tr.span.start
                        && tr.span.start - n.span.end < 40
                });
                let group_before = groups_in(cx, sentence).any(|a| a.span.end <= tr.span.start);
                if lead.ends_with(" who")
                    || lead.ends_with(", who")
                    || person_before
                    || !group_before
                {
                    return None;
                }
            }
            let founded = groups_in(cx, sentence)
                .filter(|a| a.span.end <= tr.span.start)
                .last();
            // "A branch of al-Qaeda was founded in 2014": the branch, unnamed, was founded.
            if founded.is_some_and(|a| crate::text::part_governed(t, a.span)) {
                return None;
            }
            if let Some(a) = founded {
                e.participants
                    .push(participant(a, Role::Perpetrator, None, None));
            }
        }
        _ => {
            let cl = clause(t, sentence, tr.span);
            // "Al-Mourabitoun ... was formed in 2013 when his brigade merged with MUJAO, and
            // pledged allegiance to AQIM": the sentence's subject did it.
            let head = groups_in(cx, sentence)
                .next()
                .filter(|a| opens_sentence(t, sentence, a.span))
                .filter(|_| joined_by_and(t, sentence, tr.span));
            if let Some(h) = head {
                e.participants
                    .push(participant(h, Role::Perpetrator, None, None));
            }
            for a in groups_in(cx, cl).filter(|a| gap(a.span, tr.span) < 40) {
                if head.is_some() && a.span.end <= tr.span.start {
                    continue;
                }
                let joining = matches!(tr.kind, EventKind::Pledge | EventKind::Split);
                let after = a.span.start >= tr.span.end;
                // "Ansaru, a Boko Haram splinter group": the group before the noun is the one
                // split from.
                if tr.kind == EventKind::Split
                    && !after
                    && t.get(a.span.end..tr.span.start)
                        .is_some_and(|b| b.trim().is_empty())
                {
                    e.participants
                        .push(participant(a, Role::Target, None, None));
                    continue;
                }
                // "Gwoza was captured by Boko Haram in 2014 and retaken by the Nigerian
                // military": the agent of the verb before "and", not of the trigger.
                if !after && agent_of_verb_before_and(t, sentence, a.span, tr.span) {
                    continue;
                }
                // "Iraqi forces recaptured Mosul from the Islamic State group": the group that
                // lost the town is its target.
                if tr.kind == EventKind::Recapture
                    && after
                    && t.get(tr.span.end..a.span.start).is_some_and(|b| {
                        let b = b.trim().to_lowercase();
                        let b = b.strip_suffix("the").unwrap_or(&b).trim();
                        b.ends_with(" from") && b.split_whitespace().count() <= 5
                    })
                {
                    e.participants
                        .push(participant(a, Role::Target, None, None));
                    continue;
                }
                // German puts the one pledged to before the verb: "soll dem Anführer der
                // Terrormiliz Islamischer Staat (IS) die Treue geschworen haben".
                if tr.kind == EventKind::Pledge && cx.language.starts_with("de") && !after {
                    e.participants
                        .push(participant(a, Role::Target, None, None));
                    continue;
                }
                // "pledged allegiance to Islamic State": the group pledged to, not the one
                // pledging; "broke away from al-Mourabitoun": the group left (the trigger ends
                // with its preposition).
                let object = joining
                    && after
                    && t.get(tr.span.end..a.span.start).is_some_and(|b| {
                        let b = b.trim().to_lowercase();
                        let b = b.strip_suffix("the").unwrap_or(&b).trim();
                        match tr.kind {
                            EventKind::Pledge => b == "to",
                            _ => b.is_empty(),
                        }
                    });
                // "al-Sahrawi, a former commander of al-Mourabitoun, pledged allegiance to IS
                // and broke away from al-Mourabitoun": neither the group of the commander nor one
                // the next verb governs pledged or split.
                if joining && !object && (after || governed(t, a.span)) {
                    continue;
                }
                let role = if object {
                    Role::Target
                } else {
                    Role::Perpetrator
                };
                e.participants.push(participant(a, role, None, None));
            }
            if matches!(tr.kind, EventKind::Pledge | EventKind::Split)
                && !e.participants.iter().any(|p| p.role == Role::Perpetrator)
            {
                // "The ADF, a Ugandan rebel group that has operated in eastern Congo since the
                // 1990s, pledged allegiance": the group that opens the sentence, past its
                // appositive.
                let opening = groups_in(cx, sentence).find(|a| {
                    opens_sentence(t, sentence, a.span)
                        && t.get(a.span.end..tr.span.start).is_some_and(|b| {
                            let b = b.trim();
                            b.starts_with(',') && b.ends_with(',') && b.len() <= 160
                        })
                });
                if let Some(a) = opening {
                    e.participants
                        .push(participant(a, Role::Perpetrator, None, None));
                } else if let Some(n) = cx.names.iter().find(|n| {
                    // "a video in which Amri pledged allegiance": the person right before.
                    n.label == "PERSON"
                        && inside(n.span, sentence)
                        && n.span.end <= tr.span.start
                        && t[n.span.end..tr.span.start].trim().is_empty()
                }) {
                    e.participants
                        .push(unlinked(Role::Perpetrator, n.text.clone(), n.span));
                }
            }
        }
    }
    // The arrested and what describes them: "Amrozi, a mechanic from the village of Tenggulun in
    // East Java, was arrested" was not arrested in East Java.
    let skip: Vec<Span> = e
        .participants
        .iter()
        .filter(|p| p.role == Role::Arrested)
        .flat_map(|p| {
            let apposition = t
                .get(p.span.end..sentence.end)
                .and_then(|rest| rest.strip_prefix(", "))
                .and_then(|rest| rest.find(", ").filter(|&k| k <= 100))
                .map(|k| Span::new(p.span.end, p.span.end + 2 + k));
            std::iter::once(p.span).chain(apposition)
        })
        .collect();
    let mut skip = skip;
    skip.extend(causes.iter().copied());
    // "A U.S. source said": the source's country is not where it happened.
    skip.extend(attribution.and_then(|a| a.source_span));
    // "the Westminster Bridge attack and the bombing of a concert at Manchester Arena": past
    // another attack joined by "and", the places are that one's.
    if tr.kind == EventKind::Attack {
        if let Some(o) = all.iter().find(|o| {
            o.kind == EventKind::Attack
                && o.span.start > tr.span.end
                && t.get(tr.span.end..o.span.start).is_some_and(|b| {
                    let b = b.trim().to_lowercase();
                    ["and the", "and a", "and an", ", and the", "and"].contains(&b.as_str())
                })
        }) {
            skip.push(Span::new(o.span.start, sentence.end));
        }
    }
    // "detained on Sunday on suspicion of planning an attack on the cathedral in Cologne": the
    // place of what the arrest is for is not where it was made.
    if tr.kind == EventKind::Arrest {
        let rest = t[tr.span.end..sentence.end].to_lowercase();
        if let Some(k) = [
            "on suspicion of",
            "suspected of",
            "accused of",
            "over a plot",
            "over an alleged plot",
            "over a suspected plot",
            "in connection with",
        ]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        {
            skip.push(Span::new(tr.span.end + k, sentence.end));
        }
    }
    if tr.kind != EventKind::Founding {
        e.place = place_of(
            cx,
            sentence,
            tr.span,
            &skip,
            tr.kind == EventKind::Withdrawal,
        );
    }
    if e.place.is_none() && tr.kind == EventKind::Arrest {
        e.place = police_city(cx, sentence).or_else(|| police_country(cx, sentence));
    }
    if matches!(
        tr.kind,
        EventKind::Attack | EventKind::LeaderKilled | EventKind::ClaimOfResponsibility
    ) {
        // "the deadliest attack in Kenya since the 1998 U.S. embassy bombing": the sentence's
        // figures are the attack's, not the one it is compared with.
        if !compared_with(t, sentence, tr.span) {
            e.killed = figure(cx, sentence, tr.span, KILLED, source);
            e.injured = figure(cx, sentence, tr.span, INJURED, source);
            if matches!(tr.subkind, Some("kidnapping" | "hijacking")) {
                // ("Twenty-six hostages were killed in the hijacking": a count of the dead
                // hostages, not of those taken.)
                e.abducted = figure(cx, sentence, tr.span, ABDUCTED, source).filter(|a| {
                    e.killed
                        .as_ref()
                        .is_none_or(|k| k.quantity.span != a.quantity.span)
                });
            }
            let others: Vec<Span> = all
                .iter()
                .filter(|o| o.span != tr.span)
                .map(|o| o.span)
                .collect();
            e.weapon = weapon_of(cx, sentence, &others);
        }
    }
    // ("arrested 35 people over the January 3 bombings": the cause's date is not the arrest's.)
    e.date = date_of(cx, sentence, tr.span, tr.kind, &causes);
    // "ended a siege at the hotel on Wednesday", "the siege ... was over": the day it ended,
    // not the attack's; the mention joins the one that dates the attack.
    if tr.subkind == Some("siege") {
        let cl = clause(t, sentence, tr.span);
        let words = t.get(cl.start..cl.end).unwrap_or("").to_lowercase();
        if [
            "ended",
            "end to",
            // ("were still trying to end the siege on Sunday".)
            "end the",
            "ending the",
            "was over",
            "were over",
            "came to an end",
            "lifted",
            "broke",
        ]
        .iter()
        .any(|w| words.contains(w))
        {
            e.date = undated(cx, tr.span, tr.kind);
        }
    }
    // "detonated explosive belts near the grave of Soleimani, the commander killed in a US
    // drone strike in Baghdad four years ago": the date and place nearer the strike are the
    // strike's. (A strike from the air and another attack are never one event.)
    let air = |x: &Trigger| x.subkind == Some("air_strike");
    let nearer_other = |s: Span| {
        all.iter().any(|o| {
            o.span != tr.span
                && matches!(o.kind, EventKind::Attack)
                && tr.kind == EventKind::Attack
                && air(o) != air(tr)
                && gap(s, o.span) < gap(s, tr.span)
        })
    };
    if e.place.as_ref().is_some_and(|p| nearer_other(p.span)) {
        e.place = None;
    }
    if e.date
        .as_ref()
        .is_some_and(|d| !d.text.is_empty() && nearer_other(d.span))
    {
        e.date = undated(cx, tr.span, tr.kind);
    }
    // "on Wednesday ordered two men held ..., a day after they were arrested": a day before the
    // sentence's date.
    if let Some((days, phrase)) = days_before_anchor(t, sentence, tr.span) {
        if let Some(d) = e
            .date
            .as_mut()
            .filter(|d| d.precision == "day" && d.modifier.is_none() && d.span.end <= tr.span.start)
        {
            if let Some(day) = NaiveDate::parse_from_str(&d.value, "%Y-%m-%d")
                .ok()
                .and_then(|x| x.checked_sub_signed(chrono::Duration::days(days)))
            {
                let v = day.format("%Y-%m-%d").to_string();
                d.value = v.clone();
                d.earliest = Some(v.clone());
                d.latest = Some(v);
                // Both source words: "Wednesday … a day after".
                d.text = format!("{} … {phrase}", d.text);
            }
        }
    }
    let lead = t[sentence.start..tr.span.start].to_lowercase();
    // "special forces raided a flat": a police operation, not an attack.
    if tr.kind == EventKind::Attack && lower.starts_with("raid") {
        let cl = clause(t, sentence, tr.span);
        let before_cl = t[cl.start..tr.span.start].to_lowercase();
        if [
            "police",
            "special forces",
            "officers",
            "security forces",
            "agents",
            "investigators",
            "commandos",
            "polizei",
            "spezialkräfte",
            "ermittler",
        ]
        .iter()
        .any(|w| before_cl.contains(w))
        {
            return None;
        }
    }
    // "Friday's attack", "yesterday's bombing": an attack that happened, named by its day.
    let lead_end = lead.trim_end();
    let dated = tr.kind == EventKind::Attack
        && possessor_of(lead_end)
            .and_then(|owner| owner.rsplit(char::is_whitespace).next())
            .is_some_and(|w| {
                WEEKDAYS.contains(&w)
                    || ["yesterday", "week", "month", "year", "night"].contains(&w)
            });
    // "the September 11, 2001 attacks", "the November 2015 attacks in Paris": an attack named
    // by its past date happened, whatever is said of it ("helped plot").
    let dated = dated
        || tr.kind == EventKind::Attack
            && e.date.as_ref().is_some_and(|d| {
                !d.text.is_empty()
                    && d.span.end <= tr.span.start
                    && t[d.span.end..tr.span.start].trim().is_empty()
                    && cx.dct.is_some_and(|dct| {
                        d.latest
                            .as_deref()
                            .is_some_and(|l| l < dct.format("%Y-%m-%d").to_string().as_str())
                    })
            })
        // "since the Moscow concert hall attack in March": the same, the date after it.
        || tr.kind == EventKind::Attack
            && t[sentence.start..tr.span.start]
                .to_lowercase()
                .split_whitespace()
                .rev()
                .take(5)
                .any(|w| w == "the")
            && e.date.as_ref().is_some_and(|d| {
                !d.text.is_empty()
                    && d.span.start >= tr.span.end
                    && ["in", "on", ""].contains(&t[tr.span.end..d.span.start].trim())
                    && cx.dct.is_some_and(|dct| {
                        d.latest
                            .as_deref()
                            .is_some_and(|l| l < dct.format("%Y-%m-%d").to_string().as_str())
                    })
            });
    let retro = matches!(tr.kind, EventKind::Attack) && retrospective(t, sentence, tr.span);
    // "killing 103 people at a ceremony marking the fourth anniversary of his killing in a U.S.
    // drone strike": the sentence tells of its other attack; the one remembered adds nothing.
    if retro
        && all.iter().any(|o| {
            o.kind == EventKind::Attack && o.span != tr.span && !retrospective(t, sentence, o.span)
        })
    {
        return None;
    }
    let refers_back = matches!(tr.kind, EventKind::Attack)
        && (retro
            || back_reference(t, sentence, tr.span)
            || consequence_subject(t, sentence, tr.span));
    // "It was the second vehicle attack on holiday crowds in two weeks, after a car ploughed
    // into a Christmas market in Magdeburg": a ranking of the report's attack among others.
    let ranked = matches!(tr.kind, EventKind::Attack) && {
        let lead = t[sentence.start..tr.span.start].trim_end().to_lowercase();
        let words: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
        words.iter().any(|w| {
            [
                "second",
                "third",
                "fourth",
                "fifth",
                "latest",
                "deadliest",
                "worst",
                "biggest",
                "largest",
            ]
            .contains(w)
        })
    };
    // "The attack came three months after gunmen killed 22 people at the Bardo museum": the
    // reference adds nothing, and the sentence's other attack is not the one it refers to.
    if (refers_back || ranked)
        && all.iter().any(|o| {
            o.kind == EventKind::Attack
                && o.span.start > tr.span.end
                && (verb_clause_after(&t[tr.span.end..o.span.end])
                    || noun_after_after(&t[tr.span.end..o.span.start])
                    // "The bombing was the deadliest in Peshawar since 2014, when Taliban
                    // gunmen attacked an army-run school": the other attack's clause.
                    || t[tr.span.end..o.span.start].contains(", when ")
                    // "It was the third attack in Britain since March, following the
                    // Westminster Bridge attack": the attacks it is ranked among.
                    || t[tr.span.end..o.span.start].contains(", following ")
                    || t[tr.span.end..o.span.start].contains(", after "))
        })
    {
        return None;
    }
    // "Hours after the attack, a Tesla Cybertruck exploded": the phrase dates the sentence's
    // event by the attack; it is no mention of its own.
    if refers_back
        && offset_from_attack(t, sentence).is_some_and(|(o, _)| inside(tr.span, o))
        && all
            .iter()
            .any(|o| o.kind == EventKind::Attack && o.span.start >= tr.span.end)
    {
        return None;
    }
    if refers_back {
        detach(cx, tr, &mut e, retro);
    }
    // "Lashkar-e-Taiba, the group India blamed for the 2008 Mumbai attacks": the attack in the
    // group's description keeps its own date and place and nothing of the sentence around it.
    if in_history {
        detach(cx, tr, &mut e, false);
        e.killed = None;
        e.injured = None;
        e.abducted = None;
        e.weapon = None;
        e.participants.retain(|p| {
            history
                .iter()
                .any(|h| inside(tr.span, *h) && inside(p.span, *h))
        });
    }
    // "whether IS directed the attack", "may have been involved in the attack on the mall",
    // "may also have died" after "helped finance the siege": a definite noun presupposes the
    // attack; the hedge is on the other verb.
    // ("the Kerman bombings", "the Crocus City Hall attack", "the 2008 Mumbai attacks": a
    // definite article before the names and years that name it.)
    let definite = t.get(sentence.start..tr.span.start).is_some_and(|b| {
        let words: Vec<&str> = b.split_whitespace().rev().collect();
        let names = words
            .iter()
            .take_while(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count();
        names <= 4
            && words.get(names).is_some_and(|w| {
                [
                    "the", "this", "that", "den", "der", "dem", "des", "das", "die", "diesen",
                ]
                .contains(&w.to_lowercase().as_str())
            })
    });
    // An attack named by its day or referred back to ("gunfire could still be heard hours
    // after the attack began") happened; the main clause's modality is not its own.
    if dated || refers_back || (definite && cert == Certainty::Hypothetical) {
        // ("detained four men suspected of carrying out the attack": the men are suspected,
        // the attack is not; but "the alleged attack" stays alleged.)
        let own_cues: Vec<Cue> = event_cues
            .iter()
            .filter(|c| {
                !(retro
                    && matches!(c.certainty, Certainty::Suspected | Certainty::Alleged)
                    && c.span.end <= tr.span.start
                    && t[c.span.start..tr.span.start]
                        .to_lowercase()
                        .contains(" of "))
            })
            .cloned()
            .collect();
        cert = certainty::combine(
            &own_cues,
            attribution.is_some(),
            &[
                Certainty::Claimed,
                Certainty::Hypothetical,
                Certainty::Planned,
            ],
        );
        e.certainty = cert;
    }
    // "meaning a further attack may be imminent", "another attack is possible": a threat, told
    // of no one and nothing in particular, is no plot.
    if tr.kind == EventKind::Attack
        && !refers_back
        && !dated
        && cert == Certainty::Hypothetical
        && another(t, sentence, tr.span)
        && e.participants.is_empty()
    {
        return None;
    }
    // "As many as 600 people may have been shot dead in the Barsalogho attack": the hedge is
    // the toll's; the attack the sentence names after "in the" is the event.
    if tr.kind == EventKind::Attack
        && cert == Certainty::Hypothetical
        && all.iter().any(|o| {
            o.kind == EventKind::Attack
                && o.span.start > tr.span.end
                && t.get(tr.span.end..o.span.start).is_some_and(|raw| {
                    let lower = raw.to_lowercase();
                    let b = lower.trim();
                    ["in the", "during the", "in an", "in a"].iter().any(|p| {
                        b == *p || b.ends_with(&format!(" {p}")) || {
                            // ("in the Barsalogho attack": a name between.)
                            raw.trim().rsplit_once(p).is_some_and(|(_, name)| {
                                let n = name.trim();
                                !n.is_empty()
                                    && n.split_whitespace().count() <= 3
                                    && n.split_whitespace()
                                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                            })
                        }
                    })
                })
        })
    {
        return None;
    }
    // Attacks in the future or in a conditional are not events that happened.
    if tr.kind == EventKind::Attack
        && !refers_back
        && !dated
        && matches!(cert, Certainty::Planned | Certainty::Hypothetical)
    {
        e.kind = EventKind::Plot;
        e.subkind = Some("planned".into());
        // What a plot planned may lie ahead: "before publication" is no default for it.
        if e.date.as_ref().is_some_and(EventDate::is_undated) {
            e.date = None;
        }
    }
    if e.kind == EventKind::Plot {
        if let Some(l) = landmark_of(cx, sentence, tr.span) {
            if !e.participants.iter().any(|p| p.text == l.text) {
                e.participants.push(l);
            }
        }
        cert = certainty::combine(&event_cues, attribution.is_some(), &[Certainty::Planned]);
        e.certainty = cert;
    }
    // A plot told as the reason for what police or a court did: a date before it is theirs.
    // - "Shortly before Christmas, police detained a man after a warning of a possible attack
    //   on the cathedral", "Kurz vor Weihnachten hatte die Polizei nach Hinweisen auf mögliche
    //   Anschlagspläne ... in Gewahrsam genommen" (its place: below);
    // - "held on suspicion of planning an attack", "weil sie einen Anschlag geplant haben
    //   sollen".
    let police_reason = e.kind == EventKind::Plot && reason_for_police(t, sentence, tr.span);
    if e.kind == EventKind::Plot
        && e.date.as_ref().is_some_and(|d| {
            !d.text.is_empty()
                && d.span.end <= tr.span.start
                && (police_reason
                    || t.get(d.span.end..tr.span.start).is_some_and(|between| {
                        let b = between.to_lowercase();
                        [
                            "suspicion of",
                            "suspected of",
                            "accused of",
                            "charged with",
                            " weil ",
                            " because ",
                            "verdacht",
                        ]
                        .iter()
                        .any(|c| b.contains(c))
                    }))
        })
    {
        e.date = None;
    }
    // "Nach Hinweisen auf einen möglichen Anschlag an Silvester haben Spezialkräfte in Wesel eine
    // Wohnung durchsucht": the raid was in Wesel, the threat elsewhere; a place outside the
    // plot's own phrase is the police's. Unless the plot's target is definite and unplaced
    // ("police in Cologne detained a man after a warning of a possible attack on the
    // cathedral": the cathedral of the city named).
    if police_reason {
        let rest = &t[tr.span.end..sentence.end];
        let own_end = rest
            .split_inclusive(|c: char| !c.is_alphanumeric())
            .scan(tr.span.end, |at, w| {
                let start = *at;
                *at += w.len();
                Some((start, w))
            })
            .find(|(_, w)| {
                w.contains([',', ';', ':'])
                    || ["haben ", "hat ", "hatte ", "hatten ", "wurde ", "wurden "]
                        .contains(&w.to_lowercase().as_str())
            })
            // The phrase ends at the punctuation ("an attack in Vienna, police said": Vienna is
            // in it) or before the verb.
            .map_or(sentence.end, |(at, w)| {
                at + w.find([',', ';', ':']).unwrap_or(0)
            });
        let outside = e
            .place
            .as_ref()
            .is_some_and(|p| p.span.start < tr.span.start || p.span.end > own_end);
        let definite_target = e.participants.iter().any(|p| {
            p.role == Role::Target && {
                let l = p.text.to_lowercase();
                l.starts_with("the ") || l.starts_with("den ") || l.starts_with("die ")
            }
        });
        // Only where the police searched or detained somewhere; security measures at the
        // threatened place ("will keep strict security measures at the city's cathedral") are
        // where the threat is.
        let sl = t[sentence.start..sentence.end].to_lowercase();
        let police_action = [
            "detained",
            "arrested",
            "raided",
            "searched",
            "into custody",
            "festgenommen",
            "durchsucht",
            "in gewahrsam",
        ]
        .iter()
        .any(|w| sl.contains(w));
        if outside && !definite_target && police_action {
            e.place = None;
        }
    }
    let before = t[sentence.start..tr.span.start].to_lowercase();
    // Plural attack nouns without a day, a toll or a perpetrator and place of their own are
    // attacks told of before or a kind of attack ("urban suicide attacks of this scale are a
    // signal"), not a new event.
    let plural = lower.ends_with('s') && !lower.ends_with("ss");
    let plural_noun = tr.needs_anchor && plural
        || [
            "ings",
            "attacks",
            "assaults",
            "raids",
            "blasts",
            "explosions",
        ]
        .iter()
        .any(|x| lower.ends_with(x));
    let b = before.trim_end();
    // "the latest in a string of arrests in Europe": a series, told of as a whole.
    if plural
        && [
            "string of",
            "series of",
            "wave of",
            "spate of",
            "rash of",
            "number of",
            "reihe von",
            "serie von",
            "welle von",
        ]
        .iter()
        .any(|w| b.ends_with(w))
    {
        return None;
    }
    // "US commanders had expected such an attack", "a similar attack": a kind, no event.
    {
        let b = before.trim_end();
        if ["such a", "such an", "a similar", "another such"]
            .iter()
            .any(|w| b.ends_with(&format!(" {w}")) || b == *w)
        {
            return None;
        }
    }
    if plural_noun {
        let b = before.trim_end();
        if ["both", "these", "those", "such", "similar", "other"]
            .iter()
            .any(|w| b.ends_with(&format!(" {w}")) || b == *w)
        {
            return None;
        }
        // A plural's date must be its own ("bombings ... while resisting an offensive
        // launched in August 2022" is no date of the bombings).
        let precise_date = e.date.as_ref().is_some_and(|d| {
            d.modifier.as_deref() != Some("BEFORE")
                && matches!(d.precision.as_str(), "day" | "week" | "month" | "time")
                && gap(d.span, tr.span) < 60
        });
        let cl = clause(t, sentence, tr.span);
        let perp_place = e.participants.iter().any(|p| p.role == Role::Perpetrator)
            && e.place.as_ref().is_some_and(|p| inside(p.span, cl));
        let told_by_perpetrator =
            refers_back && e.participants.iter().any(|p| p.role == Role::Perpetrator);
        // "The men allegedly planned attacks in Germany": people's plan of attacks is one plot
        // (a group that plans attacks is a habit or a strategy).
        let plan_of_people = tr.kind == EventKind::Plot
            && ["plann", "plott", "prepar"]
                .iter()
                .any(|w| lower.starts_with(w))
            && !cx
                .actors
                .iter()
                .any(|a| a.group && inside(a.span, cl) && a.span.end <= tr.span.start);
        if e.killed.is_none()
            && !precise_date
            && !perp_place
            && !told_by_perpetrator
            && !plan_of_people
        {
            return None;
        }
    }
    // "its fighters had attacked a gathering and withdrew to their bases safely": attackers
    // leaving, not a withdrawal from territory.
    if tr.kind == EventKind::Withdrawal
        && t[tr.span.end..sentence.end]
            .trim_start()
            .to_lowercase()
            .starts_with("to their base")
    {
        return None;
    }
    if tr.needs_anchor && tr.kind == EventKind::Attack && figurative_attack(t, sentence, tr.span) {
        return None;
    }
    if tr.needs_anchor {
        let definite = (before.ends_with("the ")
            || before.ends_with("this ")
            || before.ends_with("an ")
            || before.ends_with("a "))
            && !lower.ends_with('s');
        if !anchored(&e, definite) {
            return None;
        }
        // "attackers" without a place or perpetrator says nothing new.
        if lower == "attackers" && e.place.is_none() {
            return None;
        }
        if tr.kind == EventKind::Warning
            && !e.participants.iter().any(|p| p.role == Role::Perpetrator)
        {
            return None;
        }
    }
    // "Iraqi officials have warned that the Islamic State is trying to exploit security gaps":
    // a group named after the warning word is what the warning is about, not who gave it.
    if e.kind == EventKind::Warning {
        for p in &mut e.participants {
            if p.role == Role::Perpetrator && p.span.start >= tr.span.end {
                p.role = Role::Subject;
                p.responsibility = None;
                p.attributed_by = None;
            }
        }
    }
    // "The United States designated it a Foreign Terrorist Organization": the designating
    // state is no place; a designation happens nowhere in particular.
    if e.kind == EventKind::Designation {
        e.place = None;
        // "JNIM was founded in March 2017. The United States designated it ...": the group the
        // report was just telling of.
        let it = t[tr.span.start..tr.span.end]
            .to_lowercase()
            .starts_with("designated it ");
        if it && e.participants.is_empty() {
            if let Some(si) = cx.sentences.iter().position(|s| s.span == sentence) {
                if let Some(g) = crate::facts::opening_subject(cx, si).filter(|a| a.group) {
                    e.participants
                        .push(participant(g, Role::Perpetrator, None, None));
                }
            }
        }
    }
    // "on the night of November 13 last year": a time is no target.
    e.participants.retain(|p| {
        p.role != Role::Target
            || !cx
                .timexes
                .iter()
                .any(|x| x.span.start < p.span.end && p.span.start < x.span.end)
    });
    if e.kind == EventKind::Arrest && e.participants.is_empty() && e.place.is_none() {
        return None;
    }
    // "a breakaway faction" with no group that broke away nor one it left: a description,
    // not a split.
    if e.kind == EventKind::Split && e.participants.is_empty() {
        return None;
    }
    if e.kind == EventKind::Attack && cert == Certainty::Negated {
        return None;
    }
    Some(e)
}

/// "attacked the government's immigration plan", "attacked Chancellor Olaf Scholz over the
/// budget", "stormed out of the meeting": an attack verb said of words, plans and politics.
fn figurative_attack(text: &str, sentence: Span, trigger: Span) -> bool {
    const ABSTRACT: &[&str] = &[
        "plan",
        "plans",
        "policy",
        "policies",
        "record",
        "decision",
        "decisions",
        "budget",
        "proposal",
        "proposals",
        "remarks",
        "comments",
        "bill",
        "law",
        "reform",
        "reforms",
        "approach",
        "strategy",
        "handling",
        "idea",
        "ideas",
        "stance",
        "statement",
        "speech",
        "rhetoric",
        "agenda",
        "leadership",
    ];
    const TITLES: &[&str] = &[
        "chancellor",
        "president",
        "prime",
        "senator",
        "minister",
        "governor",
        "mayor",
        "opposition",
        "rival",
        "rivals",
        "critics",
        "opponents",
        "congressman",
        "congresswoman",
    ];
    let after = text[trigger.end..sentence.end].to_lowercase();
    let words: Vec<&str> = after
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    if words
        .first()
        .is_some_and(|w| ["out", "off", "back"].contains(w))
    {
        return true;
    }
    // The object: the words before the first preposition ("attack in Europe in response to"
    // has none).
    let object_words = words.iter().take_while(|w| {
        ![
            "in", "on", "at", "near", "over", "with", "by", "after", "before", "during", "from",
            "to", "for", "against", "and", "as",
        ]
        .contains(*w)
    });
    if object_words.take(4).any(|w| ABSTRACT.contains(w)) {
        return true;
    }
    let object = words
        .iter()
        .find(|w| !["the", "his", "her", "their", "its", "a"].contains(*w));
    object.is_some_and(|w| TITLES.contains(w)) && after.contains(" over ")
}

/// "in response to burnings of the Koran in Sweden", "als Reaktion auf die Koranverbrennungen in
/// Schweden": `span` is in a phrase naming what an event answers (up to the next comma).
fn in_reaction_phrase(text: &str, sentence: Span, span: Span) -> bool {
    let Some(before) = text.get(sentence.start..span.start) else {
        return false;
    };
    let before = before.to_lowercase();
    [
        "in response to ",
        "in retaliation for ",
        "in revenge for ",
        "as revenge for ",
        "als reaktion auf ",
        "als vergeltung für ",
        "als rache für ",
    ]
    .iter()
    .filter_map(|c| before.rfind(c).map(|i| i + c.len()))
    .max()
    .is_some_and(|i| !before[i..].contains([',', ';', ':']))
}

/// "A judge on Wednesday ordered them held, a day after they were arrested": the days between
/// the sentence's date and the event named right after "a day after ...".
fn days_before_anchor(text: &str, sentence: Span, trigger: Span) -> Option<(i64, String)> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"(?i)\b((a|one|two|three|four|five|six|seven) (day|days|week|weeks) after) (?:[\w'’-]+ ){0,4}$",
    )?;
    let c = re.captures(text.get(lead_from(text, sentence, trigger.start, 60)..trigger.start)?)?;
    let days = days_of(
        &c.get(2)?.as_str().to_lowercase(),
        &c.get(3)?.as_str().to_lowercase(),
    )?;
    Some((days, c.get(1)?.as_str().to_string()))
}

/// Days in "a day", "two days", "three weeks", "10 days" (count word or digits, lower case;
/// "the" counts one).
fn days_of(count: &str, unit: &str) -> Option<i64> {
    let n = count_word(count)?;
    Some(if unit.starts_with("week") { 7 * n } else { n })
}

/// A count word or digits, lower case ("the", "a" and "one" are one): "two" → 2, "10" → 10.
fn count_word(count: &str) -> Option<i64> {
    Some(match count {
        "the" | "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        d => d.parse().ok()?,
    })
}

/// Where the text of at most `max` bytes before `at` in `sentence` starts (on a character
/// boundary): the window in which a cue before a trigger is looked for.
fn lead_from(text: &str, sentence: Span, at: usize, max: usize) -> usize {
    let mut i = at.saturating_sub(max).min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i.max(sentence.start)
}

/// "after a warning of a possible attack", "nach Hinweisen auf mögliche Anschlagspläne": the
/// plot trigger sits in the phrase that gives the reason for an arrest or a raid.
fn reason_for_police(text: &str, sentence: Span, trigger: Span) -> bool {
    let Some(before) = text.get(lead_from(text, sentence, trigger.start, 60)..trigger.start) else {
        return false;
    };
    let before = before.to_lowercase();
    [
        "after a warning of",
        "after warnings of",
        "after a tip-off about",
        "after a tip-off of",
        "following a warning of",
        "following a tip-off about",
        "on a tip-off about",
        "nach hinweisen auf",
        "nach einem hinweis auf",
        "nach einer warnung vor",
        "nach warnungen vor",
    ]
    .iter()
    .any(|cue| {
        before.rfind(cue).is_some_and(|i| {
            // Nothing but the plot's own words between the cue and the trigger.
            !before[i + cue.len()..].contains([',', ';', ':'])
        })
    })
}

/// "Austrian police made arrests in Vienna at the same time": the mention has no date in its
/// own clause and takes the date of the mention before it in the sentence.
fn at_the_same_time(text: &str, sentence: Span, trigger: Span) -> bool {
    let cl = clause(text, sentence, trigger);
    let Some(rest) = text.get(trigger.start..cl.end) else {
        return false;
    };
    let rest = rest.to_lowercase();
    [
        "at the same time",
        "simultaneously",
        "gleichzeitig",
        "zeitgleich",
        "zur gleichen zeit",
    ]
    .iter()
    .any(|c| rest.contains(c))
}

/// "saying it was retaliation for Kenya's military intervention in Somalia in 2011", "in
/// revenge for the army's offensive in March": the motive an attack is given, after the
/// trigger, to the end of its clause; its dates and places are not the attack's.
fn motive_phrases(text: &str, sentence: Span, trigger: Span) -> Vec<Span> {
    let Some(after) = text.get(trigger.end..sentence.end) else {
        return Vec::new();
    };
    let lower = after.to_lowercase();
    [
        "retaliation for",
        "revenge for",
        "in response to",
        "response to",
        "reprisal for",
        "avenge",
        "punishment for",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()
    .map(|i| {
        let end = lower[i..].find([';', '.']).map_or(after.len(), |j| i + j);
        vec![Span::new(trigger.end + i, trigger.end + end)]
    })
    .unwrap_or_default()
}

/// "over the January 3 bombings in Kerman", "in connection with the attack on the hall": the
/// event an arrest is about, whose date and place are not the arrest's.
fn cause_phrases(text: &str, sentence: Span) -> Vec<Span> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i)\b(?:over|in connection with|for|after|following|in the wake of|suspects? in|role in|involvement in|part in) (?:the|an?|(?:last|this) \w+['’]s|\w+['’]s) [^,.;]{0,60}?\b(?:bombings?|attacks?|blasts?|explosions?|shootings?|massacre|assault|killings?|plots?|conspiracy)\b(?:[^,.;]{0,60}?\b(?:to|on|against) [^,.;]{0,60})?(?:\s+(?:in|at|on|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?",
    ) else {
        return Vec::new();
    };
    let Some(body) = text.get(sentence.start..sentence.end) else {
        return Vec::new();
    };
    // German: "Im Zusammenhang mit der Terrorwarnung für den Kölner Dom", "nach Hinweisen auf
    // mögliche Anschlagspläne gegen den Kölner Dom": the threat's place is not the arrest's.
    static DE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let de = crate::text::cached_regex(
        &DE,
        r"\b(?i:im Zusammenhang mit|nach|wegen|aufgrund) [^,.;]{0,60}?\b(?i:terrorwarnung|warnung|warnungen|hinweisen|hinweis|anschlag|anschlägen|anschlagsplänen|anschlagspläne|drohung)\b(?:[^,.;]{0,60}?\b(?:für|gegen|auf) (?:den |die |das |dem )?\p{Lu}[\w'’-]*(?: \p{Lu}[\w'’-]*)*)?",
    );
    // "After a tip-off about a planned attack in Vienna, police arrested a man in Ternitz": the
    // warning's words, up to the punctuation, are about the threat.
    static WARNING: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let warning = crate::text::cached_regex(
        &WARNING,
        r"(?i)\b(?:after|following|on) (?:an? )?(?:tip-offs?|tips?|warnings?) (?:about|of|on) [^,.;:]{0,80}",
    );
    // "arrested Salah Abdeslam, the only surviving suspect of the November attacks in Paris,":
    // what the arrested man is suspected of, set off by commas.
    static SUSPECT: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let suspect = crate::text::cached_regex(
        &SUSPECT,
        r"(?i), (?:the|a|an) (?:[\w-]+ ){0,3}(?:suspects?|accomplices?|plotters?|planners?) (?:of|in|behind) [^,;.]{0,80}",
    );
    re.find_iter(body)
        .chain(de.into_iter().flat_map(|d| d.find_iter(body)))
        .chain(warning.into_iter().flat_map(|w| w.find_iter(body)))
        .chain(suspect.into_iter().flat_map(|w| w.find_iter(body)))
        .map(|m| Span::new(sentence.start + m.start(), sentence.start + m.end()))
        .collect()
}

/// "convicted all eight defendants on trial over the Bastille Day truck attack", "marked one
/// year since the Paris attacks", "the public inquiry into the attack", "might have prevented
/// the Manchester Arena bombing", "for helping plan the attack, which killed 22 people": an
/// attack noun in a sentence about a trial, a verdict, an inquiry or a remembrance is an attack
/// told before, not one on the sentence's day, and one that happened.
fn retrospective(text: &str, sentence: Span, trigger: Span) -> bool {
    let word = text[trigger.start..trigger.end].to_lowercase();
    // (A verb, "attacked", "Gunmen killed", tells an act of its own.)
    if word.ends_with("ed") {
        return false;
    }
    let lead = text[sentence.start..trigger.start].to_lowercase();
    [
        "convicted",
        "found guilty",
        "pleaded guilty",
        "pleaded not guilty",
        "sentenced",
        "verdict",
        "on trial",
        "trial over",
        "trial of",
        "trial for",
        "inquiry into",
        "inquest into",
        "anniversary of",
        "year since",
        "years since",
        "months since",
        "commemorat",
        "in memory of",
        "charged over",
        "charged in connection",
        "conspiring to cause",
        "conspiracy to cause",
        "might have prevented",
        "could have prevented",
        "failed to prevent",
        "suspected of carrying out",
        "accused of carrying out",
        "suspected of involvement in",
        "suspected of taking part in",
        "suspected of participating in",
        "in connection with the",
        "for his role in",
        "for her role in",
        "for their role in",
    ]
    .iter()
    .any(|c| lead.contains(c))
        // "a man suspected of killing three people": the killing someone is suspected of
        // (but "suspected of driving a truck into a market" tells the attack itself).
        || (word.starts_with("killing") || word.starts_with("murder"))
            && [
            "suspected of",
            "accused of",
            "charged with",
            "charged over",
            "wanted for",
            "jailed for",
            "tried for",
            "on trial for",
        ]
        .iter()
        .any(|c| lead.trim_end().ends_with(c))
}

/// "The attack led to four days of fighting between India and Pakistan in May", "The bombing
/// prompted a crackdown": a definite attack opening its sentence as the subject of what it
/// caused, a reference to one the text has told; the date and place after the verb are the
/// consequence's.
fn consequence_subject(text: &str, sentence: Span, trigger: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let lead = text.get(sentence.start..trigger.start).unwrap_or("").trim();
    let opens = ["The", "This", "That", "the", "this", "that"].contains(&lead);
    opens
        && text.get(trigger.end..sentence.end).is_some_and(|rest| {
            crate::text::cached_is_match(
                &RE,
                r"^\s+(?:(?:has|have|had|also|quickly|soon|later)\s+)*(?:led to|leads to|prompted|prompts|triggered|triggers|sparked|sparks|caused|causes|provoked|provokes|fuelled|fueled|set off|drew|draws|brought|brings|raised|heightened|deepened|renewed|escalated|plunged|pushed)\b",
                rest,
            )
        })
}

/// "since the attack", "the day after the attack", "the organiser of the attack": a definite,
/// singular attack word governed by a preposition refers back to an attack the text has already
/// reported.
fn back_reference(text: &str, sentence: Span, trigger: Span) -> bool {
    let word = text[trigger.start..trigger.end].to_lowercase();
    // "the bombing at Kabul airport on August 26": a description, not a bare reference.
    let next = text[trigger.end..sentence.end]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let first = text[trigger.end..sentence.end].trim_start().chars().next();
    // ("claimed responsibility for the attack in messages posted on Twitter": "in" and a
    // lower-case noun tell how, not where.)
    let mut after = text[trigger.end..sentence.end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(1);
    let then = after.next().unwrap_or("");
    let third = after.next().unwrap_or("");
    let how = next == "in"
        && then.chars().next().is_some_and(char::is_lowercase)
        && (![
            "the", "a", "an", "its", "their", "his", "her", "this", "that",
        ]
        .contains(&then)
            // ("claimed responsibility for the attack in a statement on Sunday".)
            || ["a", "an"].contains(&then)
                && [
                    "statement",
                    "video",
                    "message",
                    "post",
                    "audio",
                    "communique",
                    "communiqué",
                    "online",
                    "recording",
                    "posting",
                ]
                .contains(&third));
    if first.is_some_and(char::is_alphanumeric)
        && !how
        && [
            "in",
            "at",
            "on",
            "near",
            "outside",
            "against",
            "targeting",
            "of",
            "by",
            "that",
            "which",
            "who",
            "claimed",
            "carried",
        ]
        .contains(&next.as_str())
    {
        return false;
    }
    // "ISKP carried out the bombings", "was behind the attacks": a plural told before, by what
    // presupposes it.
    if word.ends_with('s') && !word.ends_with("ss") {
        let before = text[sentence.start..trigger.start].to_lowercase();
        return before.trim_end().strip_suffix(" the").is_some_and(|b| {
            [
                " carried out",
                " behind",
                " responsible for",
                " perpetrated",
                " orchestrated",
                " masterminded",
                " directed",
                " ordered",
                " committed",
                " staged",
                // "Jemaah Islamiyah was blamed for the attacks", "claimed the bombings".
                " blamed for",
                " blamed on",
                " claimed",
                " responsibility for",
            ]
            .iter()
            .any(|v| b.ends_with(v))
        });
    }
    let before = text[sentence.start..trigger.start].to_lowercase();
    // "said that the attack was carried out by radical Islamists": what is said of an attack
    // told before.
    static PASSIVE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    if before.trim_end().ends_with(" the")
        && crate::text::cached_is_match(
            &PASSIVE,
            r"^\s+(?:was|were|had been|has been|have been) (?:carried out|committed|perpetrated|organi[sz]ed|ordered|planned|masterminded|orchestrated|the work of)\b",
            &text[trigger.end..sentence.end].to_lowercase(),
        )
    {
        return true;
    }
    // "this attack shows its reach": a demonstrative points back.
    if let Some(rest) = before
        .trim_end()
        .strip_suffix("this")
        .or_else(|| before.trim_end().strip_suffix("that"))
    {
        if !rest.chars().last().is_some_and(char::is_alphanumeric) {
            return true;
        }
    }
    let Some(rest) = before.trim_end().strip_suffix("the") else {
        return false;
    };
    if rest.chars().last().is_some_and(char::is_alphanumeric) {
        return false;
    }
    // "The attack came three months after ...", "The bombing was the deadliest ...": the
    // subject of a sentence about the attack just told.
    if rest.trim().is_empty()
        && [
            "came", "comes", "was", "is", "marked", "marks", "happened", "occurred", "followed",
            "left", "prompted", "took",
        ]
        .contains(&next.as_str())
    {
        return true;
    }
    let prep = rest
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "after",
        "since",
        "before",
        "following",
        "of",
        "over",
        "for",
        "about",
        "behind",
        "into",
        "with",
        "from",
        "to",
    ]
    .contains(&prep)
        // "whether Islamic State had directed the attack": what presupposes that it happened.
        || [
            "directed",
            "ordered",
            "claimed",
            "condemned",
            "perpetrated",
            "masterminded",
            "orchestrated",
            "committed",
            "inspired",
            "staged",
            "out",
            // "Scholz described the attack as terrorism against all of us": what is said of it.
            "described",
            "denounced",
            "branded",
            "labelled",
            "labeled",
            "mourned",
            // "a Somali committee investigating the attack said": who looks into it.
            "investigating",
            "investigate",
            "investigated",
            "probing",
            "probe",
            "probed",
            "examining",
            "reviewing",
        ]
        .contains(&prep)
}

/// "belonged to Lashkar-e-Taiba, the Pakistan-based group that India blamed for the 2008 Mumbai
/// attacks", "Boko Haram, the group behind the 2014 Chibok kidnapping": appositives describing
/// a group by an attack of its past (a group noun, a word of blame or authorship, and an attack
/// trigger), up to the next comma or the sentence's end.
fn group_history(text: &str, sentence: Span, all: &[Trigger]) -> Vec<Span> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i), (?:the|a|an) (?:[\w'’-]+ ){0,5}?(?:group|organi[sz]ation|outfit|faction|network|movement|militia|affiliate|offshoot)\b[^,;]*?\b(?:blamed for|held responsible for|responsible for|behind|carried out|known for|notorious for|best known for)\b[^,;]*",
    ) else {
        return Vec::new();
    };
    let Some(body) = text.get(sentence.start..sentence.end) else {
        return Vec::new();
    };
    re.find_iter(body)
        .map(|m| Span::new(sentence.start + m.start(), sentence.start + m.end()))
        .filter(|h| {
            all.iter()
                .any(|o| o.kind == EventKind::Attack && inside(o.span, *h))
        })
        .collect()
}

/// A back-reference ([`back_reference`]) keeps only the place, date and target attached to its
/// own words ("the attack in Kerman", "the attack on the concert hall"); the rest of its sentence
/// is about something else ("detained in the Bryansk region the day after the attack"), and
/// without them the mention joins the attack it refers to when mentions are merged.
fn detach(cx: &Context, tr: &Trigger, e: &mut EventMention, described: bool) {
    let t = cx.text;
    // A retrospective mention may carry its own description: "Friday's massacre at the Crocus
    // City Hall concert venue in Krasnogorsk" (a day in its possessive, a place in the words
    // after it up to a comma or a verb).
    let own_description = |s: Span| {
        described
            && (s.end <= tr.span.start
                && t.get(s.end..tr.span.start)
                    .is_some_and(|b| b == "'s " || b == "’s ")
                || s.start >= tr.span.end
                    && t.get(tr.span.end..s.start).is_some_and(|between| {
                        let ws: Vec<&str> = between.split_whitespace().collect();
                        ws.len() <= 10
                            && !between.contains([',', ';', ':', '(', '—', '–', '.'])
                            && !ws.iter().any(|w| {
                                [
                                    "was", "were", "is", "are", "had", "has", "have", "said",
                                    "says", "by", "which", "that", "who", "when", "and",
                                ]
                                .contains(w)
                                    || w.len() > 3 && w.ends_with("ed")
                            })
                    }))
    };
    let attached = |s: Span| {
        own_description(s)
        ||
        (s.start >= tr.span.end
            && t.get(tr.span.end..s.start).is_some_and(|between| {
                between.split_whitespace().count() <= 2
                    && !between.contains([',', ';', ':', '(', '—', '–'])
                    // ("the inquiry into the attack said on Thursday": the saying's day.)
                    && !between.split_whitespace().any(|w| {
                        ["said", "says", "told", "announced", "added", "wrote"].contains(&w)
                    })
            }))
            || (s.end <= tr.span.start && tr.span.start - s.end <= 1)
            // "the Manchester Arena bombing": the place in the attack's name.
            || (s.end <= tr.span.start
                && t.get(s.end..tr.span.start).is_some_and(|between| {
                    let ws: Vec<&str> = between.split_whitespace().collect();
                    ws.len() <= 3
                        && ws
                            .iter()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                        && between.trim().len() + 2 >= between.len()
                }))
            // "The blast happened at about 10.33pm on Monday": when the event itself
            // happened, told of it.
            || (s.start >= tr.span.end
                && t.get(tr.span.end..s.start).is_some_and(|between| {
                    let ws: Vec<&str> = between.split_whitespace().collect();
                    ws.len() <= 5
                        && !between.contains([',', ';', ':', '(', '—', '–'])
                        && ws.first().is_some_and(|w| {
                            [
                                "happened", "occurred", "took", "went", "struck", "began",
                                "started", "unfolded",
                            ]
                            .contains(w)
                        })
                }))
            // "the attack, which killed 22 people in May 2017": the date in its own relative
            // clause.
            || (s.start >= tr.span.end
                && t.get(tr.span.end..s.start).is_some_and(|between| {
                    (between.starts_with(", which ") || between.starts_with(", that "))
                        && !between[2..].contains([',', ';', ':', '(', '—', '–'])
                }))
    };
    if e.place.as_ref().is_some_and(|p| !attached(p.span)) {
        e.place = None;
    }
    if e.date
        .as_ref()
        .is_some_and(|d| !d.text.is_empty() && !attached(d.span))
    {
        // No date of its own: the undated default ("before publication").
        e.date = undated(cx, tr.span, tr.kind);
    }
    e.participants
        .retain(|p| p.role != Role::Target || attached(Span::new(p.span.start, p.span.start)));
}

/// Merge `e` into `m` (same event): keep the first trigger; union the rest.
/// Merges the mentions `joins` picks into the one `is_anchor` picks (the first, if several).
fn absorb_vague(
    out: &mut Vec<EventMention>,
    is_anchor: impl Fn(&EventMention) -> bool,
    joins: impl Fn(&EventMention) -> bool,
) {
    let (joining, kept): (Vec<EventMention>, Vec<EventMention>) =
        out.drain(..).partition(|e| joins(e));
    *out = kept;
    if let Some(a) = out.iter().position(is_anchor) {
        for v in joining {
            absorb(&mut out[a], v);
        }
    }
}

/// Adds sentence `si` to the event's evidence, which stays sorted and without repeats.
fn add_evidence(e: &mut EventMention, si: usize) {
    if let Err(k) = e.evidence.binary_search(&si) {
        e.evidence.insert(k, si);
    }
}

pub fn absorb(m: &mut EventMention, e: EventMention) {
    for s in e.evidence {
        add_evidence(m, s);
    }
    // "Gunmen attacked the school ... and abducted hundreds of students": an abduction by
    // gunmen, no shooting told.
    let gunmen = |x: &EventMention| {
        x.subkind.as_deref() == Some("shooting") && x.trigger.to_lowercase().starts_with("gunm")
    };
    if gunmen(m) && e.subkind.as_deref() == Some("kidnapping") && e.sentence == m.sentence {
        m.subkind = e.subkind.clone();
    }
    if m.subkind.is_none() {
        m.subkind = e.subkind;
    }
    let better_date = match (&m.date, &e.date) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => {
            a.modifier.as_deref() == Some("BEFORE") && b.modifier.as_deref() != Some("BEFORE")
                // "the 2017 attack" and "On May 22, 2017, ... detonated": the finer date in it.
                || a.modifier.is_none()
                    && b.modifier.is_none()
                    && b.value.len() > a.value.len()
                    && b.value.starts_with(&a.value)
        }
        _ => false,
    };
    if better_date {
        m.date = e.date;
    }
    let better_place = match (&m.place, &e.place) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => matches!(
            (
                a.place.as_ref().map(|p| p.kind),
                b.place.as_ref().map(|p| p.kind)
            ),
            (
                Some(dossier_core::place::PlaceKind::Country),
                Some(dossier_core::place::PlaceKind::City | dossier_core::place::PlaceKind::Admin1)
            )
        ),
        _ => false,
    };
    if better_place {
        m.place = e.place;
    }
    for p in e.participants {
        let own_word = |r: Option<Responsibility>| {
            matches!(r, Some(Responsibility::Claimed | Responsibility::Denied))
        };
        // "A commander claimed responsibility ... Hours later, a TTP spokesman distanced the
        // group from the attack": the claim and the denial stand side by side; so do a blame
        // and a denial. (Once each: a reading already there is not added again.)
        let beside = |q: &Participant| {
            q.role == p.role
                && q.entity.is_some()
                && q.entity == p.entity
                && (own_word(q.responsibility) && own_word(p.responsibility)
                    || p.responsibility == Some(Responsibility::Denied))
                && q.responsibility != p.responsibility
        };
        let same_reading = |q: &Participant| {
            q.role == p.role
                && q.entity.is_some()
                && q.entity == p.entity
                && q.responsibility == p.responsibility
        };
        if m.participants.iter().any(beside) && !m.participants.iter().any(same_reading) {
            m.participants.push(p);
            continue;
        }
        let dup = m.participants.iter_mut().find(|q| {
            q.role == p.role && ((q.entity.is_some() && q.entity == p.entity) || q.span == p.span)
        });
        match dup {
            Some(q) => {
                // Keep the least certain responsibility reading only when the stronger one is
                // not a claim; a claim stays a claim.
                if q.responsibility.is_none() {
                    q.responsibility = p.responsibility;
                } else if own_word(p.responsibility)
                    && !own_word(q.responsibility)
                    && q.responsibility != Some(Responsibility::Confirmed)
                {
                    // "attacked, officials said" then "claimed responsibility": the group's own
                    // word, later in the report, is its status.
                    q.responsibility = p.responsibility;
                    q.attributed_by = None;
                }
            }
            None => m.participants.push(p),
        }
    }
    if m.killed.is_none() {
        m.killed = e.killed;
    }
    if m.injured.is_none() {
        m.injured = e.injured;
    }
    if m.abducted.is_none() {
        m.abducted = e.abducted;
    }
    if m.weapon.is_none() {
        m.weapon = e.weapon;
    }
    if e.certainty.rank() < m.certainty.rank()
        && m.certainty != Certainty::Negated
        && m.kind == EventKind::Attack
    {
        // A plain statement that the event happened, elsewhere in the same document.
        m.certainty = e.certainty;
    }
}

fn same_place(a: &Option<EventPlace>, b: &Option<EventPlace>) -> Option<bool> {
    let (Some(a), Some(b)) = (a, b) else {
        return None;
    };
    let (Some(pa), Some(pb)) = (&a.place, &b.place) else {
        return Some(a.text.eq_ignore_ascii_case(&b.text));
    };
    Some(crate::same_location(pa, pb))
}

fn same_date(a: &Option<EventDate>, b: &Option<EventDate>) -> Option<bool> {
    let (Some(a), Some(b)) = (a, b) else {
        return None;
    };
    let lo = |d: &EventDate| d.earliest.clone().unwrap_or_else(|| "0000".into());
    let hi = |d: &EventDate| d.latest.clone().unwrap_or_else(|| "9999".into());
    // The undated default ("before publication") says nothing; "shortly before Christmas" is
    // its interval (the days of the month up to Christmas).
    if a.is_undated() || b.is_undated() {
        return None;
    }
    Some(lo(a) <= hi(b) && lo(b) <= hi(a))
}

/// Merge mentions of the same event within one document: same kind and nothing that disagrees
/// (place, date). News articles mostly report one event and come back to it ("the attack",
/// "the bombing"); two events with different places or dates stay apart. Claims of
/// responsibility then become the claimer's status on the attack they refer to.
/// `after_attack`: phrases that date what follows them by an attack told before ("Hours after
/// the attack, a Tesla Cybertruck exploded outside a hotel in Las Vegas"): attacks after such a
/// phrase in its sentence are other attacks than those of earlier sentences.
pub fn merge_in_document(
    text: &str,
    mut events: Vec<EventMention>,
    after_attack: &[(usize, Span)],
    counted_after: &[(usize, Span)],
    came_after: &[(usize, Span)],
) -> Vec<EventMention> {
    // "The attack came three months after gunmen attacked a train": the train attack is
    // another, earlier one than the attack told before.
    // ("The statement came two days after the attack": the attack told before.)
    let earlier_one = |m: &EventMention| {
        came_after.iter().any(|(si, p)| {
            m.evidence.first() == Some(si)
                && p.end <= m.trigger_span.start
                && m.trigger_span.start - p.end <= 40
        })
    };
    let later = |e: &EventMention| {
        after_attack
            .iter()
            .any(|(si, p)| *si == e.sentence && p.end <= e.trigger_span.start)
    };
    // "blew themselves up at the police headquarters on Monday, a day after suicide bombings
    // at three churches": the attack a phrase counts from is told in passing.
    let in_passing = |m: &EventMention| {
        counted_after.iter().any(|(si, p)| {
            m.evidence.first() == Some(si)
                && p.end <= m.trigger_span.start
                && m.trigger_span.start - p.end <= 40
        })
    };
    let mut out: Vec<EventMention> = Vec::new();
    // Anchored mentions first, so that vague ones join them rather than the other way round.
    events.sort_by_key(|e| {
        (
            e.place.is_none(),
            e.date.as_ref().is_none_or(EventDate::is_undated),
            e.sentence,
        )
    });
    for e in events.drain(..) {
        // Claims are placed below, each on the attack it is about: two claims in a report may
        // be of two attacks ("ISKP claimed that attack as well", "The group claimed
        // responsibility a day later").
        let fits = |m: &EventMention| {
            if m.kind != e.kind
                || m.kind == EventKind::ClaimOfResponsibility && m.sentence != e.sentence
                || (m.subkind.as_deref() == Some("air_strike"))
                    != (e.subkind.as_deref() == Some("air_strike"))
            {
                return false;
            }
            // A kidnapping and a bombing in one report are two events.
            let apart = |a: Option<&str>, b: Option<&str>| {
                a == Some("kidnapping")
                    && matches!(b, Some("bombing" | "suicide_bombing" | "vehicle_ramming"))
            };
            if apart(m.subkind.as_deref(), e.subkind.as_deref())
                || apart(e.subkind.as_deref(), m.subkind.as_deref())
            {
                return false;
            }
            // Two leaders killed are two deaths ("Separately, ... spokesman Abu al-Hassan
            // al-Muhajir was killed in a U.S. strike near Jarablus").
            let victim = |x: &EventMention| {
                x.participants
                    .iter()
                    .find(|p| p.role == Role::Victim)
                    .map(|p| p.text.to_lowercase())
            };
            if m.kind == EventKind::LeaderKilled {
                if let (Some(a), Some(b)) = (victim(m), victim(&e)) {
                    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_string();
                    if a != b && last(&a) != last(&b) && !a.contains(&b) && !b.contains(&a) {
                        return false;
                    }
                }
            }
            if m.kind == EventKind::Attack
                && m.sentence != e.sentence
                && (later(&e) && m.sentence < e.sentence || later(m) && e.sentence < m.sentence)
            {
                return false;
            }
            if earlier_one(&e) && m.sentence < e.sentence
                || earlier_one(m) && e.sentence < m.sentence
            {
                return false;
            }
            // "said on Friday that a U.S. air strike near Galcad had killed about 30 fighters"
            // and "Godane was killed by a U.S. air strike in 2014": news of the day with a place
            // or a toll of its own is not an event dated years before.
            if m.kind == EventKind::Attack && (stale_pair(text, m, &e) || stale_pair(text, &e, m)) {
                return false;
            }
            let p = same_place(&m.place, &e.place);
            // ("The death toll from the March 15 shootings ... A gunman opened fire ... during
            // Friday prayers", in a report of May 3: the Friday of March 15.)
            let d = same_date(&m.date, &e.date).filter(|_| !same_weekday(&m.date, &e.date));
            // Plots and arrests often come several to a document ("Gera, Cologne, Stockholm"):
            // they merge only on a shared place or within one sentence.
            if matches!(m.kind, EventKind::Plot | EventKind::Arrest)
                && p != Some(true)
                && m.sentence != e.sentence
            {
                return false;
            }
            p != Some(false) && d != Some(false)
        };
        // "Police blamed Boko Haram for the bombing" after a kidnapping and a bombing: the
        // mention of the same finer type, else (a mention with no place and no date, "hours
        // before the attack") the one told nearest before it, else the first that fits.
        let vague = e.place.is_none() && e.date.as_ref().is_none_or(EventDate::is_undated);
        let nearest = || {
            vague
                .then(|| {
                    out.iter()
                        .enumerate()
                        .filter(|(_, m)| fits(m))
                        .filter(|(_, m)| {
                            !in_passing(m) || !out.iter().any(|o| fits(o) && !in_passing(o))
                        })
                        // (Of two told in that sentence, the newer: "the deadliest attack in
                        // Kenya since the 1998 US embassy bombing. Al-Shabaab claimed
                        // responsibility for the attack.")
                        .filter_map(|(i, m)| {
                            let newest = m.date.as_ref().and_then(|d| d.latest.clone());
                            m.evidence
                                .iter()
                                .filter(|&&s| s <= e.sentence)
                                .max()
                                .map(|&s| (s, newest, i))
                        })
                        .max()
                        .map(|(_, _, i)| i)
                })
                .flatten()
        };
        let hit = out
            .iter()
            .position(|m| fits(m) && e.subkind.is_some() && m.subkind == e.subkind)
            .or_else(nearest)
            .or_else(|| out.iter().position(fits));
        match hit {
            Some(i) => absorb(&mut out[i], e),
            None => out.push(e),
        }
    }
    // "11 people had been detained" (no place, no date of its own) in a report whose only other
    // arrest is "the suspects were detained in the Bryansk region": one arrest operation.
    // Not "Other suspected accomplices were arrested", "Nine more suspects": those are others.
    let others = |e: &EventMention| {
        e.participants.iter().any(|p| {
            p.role == Role::Arrested
                && p.text.to_lowercase().split_whitespace().any(|w| {
                    [
                        "other",
                        "others",
                        "more",
                        "further",
                        "another",
                        "additional",
                        "second",
                        "third",
                        "zweiter",
                        "zweite",
                        "dritter",
                        "weitere",
                        "weiteren",
                        "andere",
                    ]
                    .contains(&w)
                })
        })
    };
    // The same for plots: "on suspicion of planning a gun attack near the Swedish parliament in
    // Stockholm ... The two men are said to have planned to kill police officers and other
    // people near the Riksdag".
    for kind in [EventKind::Arrest, EventKind::Plot] {
        let vague = |e: &EventMention| {
            e.kind == kind
                && !others(e)
                && e.place.is_none()
                && e.date.as_ref().is_none_or(EventDate::is_undated)
        };
        let anchored = |e: &EventMention| e.kind == kind && !vague(e);
        if out.iter().filter(|e| anchored(e)).count() == 1 {
            absorb_vague(&mut out, anchored, vague);
        } else if kind == EventKind::Plot {
            // With a plot in Europe told in between: a plot with a target but no place or date
            // is the report's one anchored plot that has a target.
            let targeted = |e: &EventMention| e.participants.iter().any(|p| p.role == Role::Target);
            let anchor = |e: &EventMention| anchored(e) && targeted(e);
            let mut with_target = out.iter().filter(|e| anchor(e));
            if let (Some(a), None) = (with_target.next(), with_target.next()) {
                let after = a.sentence;
                absorb_vague(&mut out, anchor, |e| {
                    vague(e) && targeted(e) && e.sentence > after
                });
            }
        }
    }
    // Claims of responsibility: onto the attack with a compatible date (the one told in the
    // claim's sentence or the one before it, else the document's first).
    let mut claims: Vec<EventMention> = Vec::new();
    out.retain(|e| {
        if e.kind == EventKind::ClaimOfResponsibility {
            claims.push(e.clone());
            false
        } else {
            true
        }
    });
    for c in claims {
        // A claim comes on the day of the attack or later ("claimed the bombings on Thursday",
        // the day after): its date is when it was made.
        let claimed_after = |m: &EventMention| {
            let (Some(a), Some(cd)) = (&m.date, &c.date) else {
                return false;
            };
            a.modifier.is_none()
                && cd.modifier.is_none()
                && a.latest
                    .as_deref()
                    .zip(cd.earliest.as_deref())
                    .is_some_and(|(al, ce)| {
                        al <= ce
                            && NaiveDate::parse_from_str(al, "%Y-%m-%d")
                                .ok()
                                .zip(NaiveDate::parse_from_str(ce, "%Y-%m-%d").ok())
                                .is_some_and(|(a, b)| (b - a).num_days() <= 14)
                    })
        };
        let fits = |m: &EventMention| {
            m.kind == EventKind::Attack
                && (same_date(&m.date, &c.date) != Some(false) || claimed_after(m))
                && same_place(&m.place, &c.place) != Some(false)
        };
        // "In September 2022, a suicide bomber killed two employees of the Russian embassy in
        // Kabul. The group claimed responsibility a day later.": the attack told right before
        // the claim, over the document's first one.
        let told_before = |m: &EventMention| {
            m.evidence
                .iter()
                .any(|&s| s == c.sentence || s + 1 == c.sentence)
        };
        // (Of two attacks told there, the newer: "the deadliest attack in Kenya since the 1998
        // US embassy bombing. Al-Shabaab claimed responsibility for the attack.")
        let newest = |i: &usize| {
            out[*i]
                .date
                .as_ref()
                .and_then(|d| d.latest.clone())
                .unwrap_or_default()
        };
        let told: Vec<usize> = (0..out.len())
            .filter(|&i| fits(&out[i]) && told_before(&out[i]))
            .collect();
        let target = told
            .iter()
            .copied()
            .rev()
            .max_by_key(newest)
            .or_else(|| out.iter().position(fits));
        match target {
            Some(i) => {
                let m = &mut out[i];
                for &s in &c.evidence {
                    add_evidence(m, s);
                }
                for mut p in c
                    .participants
                    .into_iter()
                    .filter(|p| p.role == Role::Perpetrator)
                {
                    // A claim stays a claim, a denial a denial: the claim's own reading.
                    if p.responsibility.is_none()
                        || p.responsibility == Some(Responsibility::Attributed)
                    {
                        p.responsibility = Some(
                            if c.certainty == Certainty::Denied || c.certainty == Certainty::Negated
                            {
                                Responsibility::Denied
                            } else {
                                Responsibility::Claimed
                            },
                        );
                    }
                    let own_word = |r: Option<Responsibility>| {
                        matches!(r, Some(Responsibility::Claimed | Responsibility::Denied))
                    };
                    match m.participants.iter_mut().find(|q| {
                        q.role == Role::Perpetrator && q.entity.is_some() && q.entity == p.entity
                    }) {
                        // "A TTP commander initially claimed responsibility ... a TTP spokesman
                        // denied that the group was involved": the claim and the denial both
                        // stand, side by side.
                        // ("Indian officials blamed Lashkar-e-Taiba ... Lashkar-e-Taiba denied
                        // any role": the blame and the denial both stand too.)
                        Some(q)
                            if own_word(q.responsibility)
                                && own_word(p.responsibility)
                                && q.responsibility != p.responsibility
                                || p.responsibility == Some(Responsibility::Denied)
                                    && !own_word(q.responsibility) =>
                        {
                            m.participants.push(p)
                        }
                        Some(q) => {
                            if own_word(p.responsibility) {
                                q.responsibility = p.responsibility;
                                q.attributed_by = None;
                            }
                        }
                        None => m.participants.push(p),
                    }
                }
            }
            None => {
                // A claim of no attack the report tells: one claim for all its mentions that
                // agree in place and date.
                match out.iter().position(|m| {
                    m.kind == EventKind::ClaimOfResponsibility
                        && same_place(&m.place, &c.place) != Some(false)
                        && same_date(&m.date, &c.date) != Some(false)
                }) {
                    Some(i) => absorb(&mut out[i], c),
                    None => out.push(c),
                }
            }
        }
    }
    out.sort_by_key(|e| e.sentence);
    out
}

/// Whether `news` has no date of its own but a place or a toll and an indefinite article ("a
/// U.S. air strike near Galcad had killed": news of the day, not "the gunman who killed 51
/// people"), and `old` is dated more than a year before the report.
fn stale_pair(text: &str, news: &EventMention, old: &EventMention) -> bool {
    let (Some(n), Some(o)) = (&news.date, &old.date) else {
        return false;
    };
    if !n.is_undated() || o.is_undated() || news.place.is_none() && news.killed.is_none() {
        return false;
    }
    let indefinite = text.get(..news.trigger_span.start).is_some_and(|b| {
        b.split_whitespace()
            .rev()
            .take(3)
            .any(|w| ["a", "an", "A", "An"].contains(&w))
    });
    if !indefinite {
        return false;
    }
    let day = |v: &str| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok();
    let latest = o.latest.as_deref().and_then(|l| {
        day(l).or_else(|| {
            // A year or a month: its last day is late enough.
            let y: i32 = l.get(..4)?.parse().ok()?;
            NaiveDate::from_ymd_opt(y, 12, 31)
        })
    });
    matches!((day(&n.value), latest), (Some(d), Some(l)) if (d - l).num_days() > 365)
}

/// "The attack came three months after gunmen attacked a train": the "after" phrases of
/// sentences whose subject is the event just told, so that what the phrase tells is an earlier
/// event, never the one the sentence is about. (A subset of [`counted_after_phrases`].)
pub fn came_after_phrases(cx: &Context) -> Vec<(usize, Span)> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i)^(?:the|this|that|it|its)\b[^,;.]{0,40}?\b(?:came|comes|happened|occurred|was carried out|took place)\b",
    ) else {
        return Vec::new();
    };
    counted_after_phrases(cx)
        .into_iter()
        .filter(|(i, p)| {
            cx.sentences.get(*i).is_some_and(|s| {
                cx.text
                    .get(s.span.start..p.start)
                    .is_some_and(|lead| re.is_match(lead.trim_start()))
                    // ("The statement came two days after the attack": the attack told
                    // before, named with its article.)
                    && cx.text.get(p.end..s.span.end).is_some_and(|rest| {
                        let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
                        !["the", "its", "their", "this", "that", "his", "her"]
                            .contains(&first.as_str())
                    })
            })
        })
        .collect()
}

/// "a day after", "two weeks after", "hours after": phrases that count from another event,
/// with their sentences.
pub fn counted_after_phrases(cx: &Context) -> Vec<(usize, Span)> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i)\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|the|several|a\s+few)\s+(?:days?|weeks?|months?|hours?)\s+after\b",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, s) in cx.sentences.iter().enumerate() {
        let Some(body) = cx.text.get(s.span.start..s.span.end) else {
            continue;
        };
        for m in re.find_iter(body) {
            out.push((
                i,
                Span::new(s.span.start + m.start(), s.span.start + m.end()),
            ));
        }
    }
    out
}

/// The phrases that date something by an attack told before ([`offset_from_attack`]), with
/// their sentences.
pub fn phrases_after_attack(cx: &Context) -> Vec<(usize, Span)> {
    cx.sentences
        .iter()
        .enumerate()
        .filter_map(|(i, s)| offset_from_attack(cx.text, s.span).map(|(p, _)| (i, p)))
        .collect()
}

/// "arrested at the scene", "am Tatort festgenommen": the phrase that puts an arrest where and
/// when the attack was (offset 0).
fn at_the_scene(text: &str, sentence: Span) -> Option<(Span, i64)> {
    let body = text.get(sentence.start..sentence.end)?;
    let lower = body.to_ascii_lowercase();
    [
        "at the scene",
        "on the spot",
        "am tatort",
        "vor ort festgenommen",
    ]
    .iter()
    .find_map(|w| lower.find(w).map(|i| (i, w.len())))
    .map(|(i, n)| (Span::new(sentence.start + i, sentence.start + i + n), 0))
}

/// "the day after the attack", "two days after the attack", "hours after the attack": the
/// phrase in `sentence` that dates something by an attack the text has reported, and the days
/// to add to the attack's date (negative for "the day before the attack").
fn offset_from_attack(text: &str, sentence: Span) -> Option<(Span, i64)> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"(?i)\b(?:(?P<n>the|a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)|(?:(?:a\s+few|several|some|just|only|within)\s+)?(?:hours|minutes|an\s+hour)\s+(?:after|of)|(?:shortly|just|soon|immediately)\s+after)\s+the\s+(?:attack|bombing|shooting|assault|massacre)\b",
    )?;
    let body = text.get(sentence.start..sentence.end)?;
    let m = re.captures(body)?;
    let all = m.get(0)?;
    let span = Span::new(sentence.start + all.start(), sentence.start + all.end());
    let Some(n) = m.name("n") else {
        return Some((span, 0)); // "hours after the attack": the same day
    };
    let unit = m.name("unit").map_or("", |u| u.as_str()).to_lowercase();
    let n = n.as_str().to_lowercase();
    // "the week after the attack" is a week, not a day.
    if n == "the" && unit.starts_with("week") {
        return None;
    }
    let days = days_of(&n, &unit)?;
    let before = m
        .name("dir")
        .is_some_and(|d| d.as_str().eq_ignore_ascii_case("before"));
    Some((span, if before { -days } else { days }))
}

/// An arrest, plot or claim without a date of its own that dates itself by "the attack" ("four
/// men were detained the day after the attack") happened on that attack's day plus the offset:
/// the nearest attack with a day reported at or before its sentence, else the document's first.
/// "he had helped his brother plan the attack" in a report of an attack that happened: the
/// planning of that attack, not a plot of its own. Such a plot (its trigger "the attack" after
/// a planning verb) is dropped and its sentence becomes evidence of the report's attack when
/// the report tells exactly one attack that happened.
pub fn plans_of_told_attacks(cx: &Context, events: &mut Vec<EventMention>) {
    if events
        .iter()
        .filter(|e| e.kind == EventKind::Attack)
        .count()
        != 1
    {
        return;
    }
    let plans_the_attack = |e: &EventMention| {
        let before = cx
            .text
            .get(..e.trigger_span.start)
            .unwrap_or("")
            .to_lowercase();
        let word = e.trigger.to_lowercase();
        e.kind == EventKind::Plot
            && ["attack", "bombing", "attacks", "bombings"].contains(&word.as_str())
            && [
                "plan the",
                "planned the",
                "planning the",
                "plot the",
                "plotted the",
                "prepare the",
                "prepared the",
                "preparing the",
                "organise the",
                "organize the",
                "organised the",
                "organized the",
            ]
            .iter()
            .any(|p| before.trim_end().ends_with(p))
    };
    let mut evidence: Vec<usize> = Vec::new();
    events.retain(|e| {
        let planning = plans_the_attack(e);
        if planning {
            evidence.extend(&e.evidence);
        }
        !planning
    });
    if let Some(a) = events.iter_mut().find(|e| e.kind == EventKind::Attack) {
        for s in evidence {
            add_evidence(a, s);
        }
    }
}

/// No place, or only a country or a region: what "at the scene" may make the attack's town.
fn placed_coarsely(e: &EventMention) -> bool {
    e.place.as_ref().is_none_or(|p| {
        p.place.as_ref().is_none_or(|g| {
            matches!(
                g.kind,
                dossier_core::place::PlaceKind::Country | dossier_core::place::PlaceKind::Admin1
            )
        })
    })
}

/// "still held by their captors, more than five months after the attack near Katari": an
/// attack the sentence counts back to is dated before the sentence's day (its own date, else
/// the document's) less that time, never the day of the report.
/// The same for an attack a sentence about another says it came after ("The attack came four
/// months after a BLA suicide bomber killed 26 people", `came_after` from
/// [`came_after_phrases`]).
pub fn counted_back_attacks(
    cx: &Context,
    events: &mut [EventMention],
    came_after: &[(usize, Span)],
) {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"(?i)\b(?:(?P<q>more than|over|nearly|almost|about|some|just over|around)\s+)?(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:after|since)\s*$",
    ) else {
        return;
    };
    // The days of attacks told: "A bishop was stabbed on Monday evening. The attack came two
    // days after a man stabbed six people": counted from the attack the sentence's subject
    // refers to, the last one told before it.
    let told: Vec<(usize, NaiveDate)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Attack)
        .filter_map(|e| {
            let d = e
                .date
                .as_ref()
                .filter(|d| !d.is_undated() && d.precision == "day")?;
            Some((
                e.sentence,
                NaiveDate::parse_from_str(d.value.get(..10)?, "%Y-%m-%d").ok()?,
            ))
        })
        .collect();
    for e in events.iter_mut() {
        if e.kind != EventKind::Attack || e.date.as_ref().is_some_and(|d| !d.is_undated()) {
            continue;
        }
        let Some(sentence) = cx.sentences.get(e.sentence).map(|s| s.span) else {
            continue;
        };
        let Some(before) = cx.text.get(sentence.start..e.trigger_span.start) else {
            continue;
        };
        // "... five months after the attack": the words before its article; "came four months
        // after a BLA suicide bomber killed": the phrase the trigger follows.
        let direct = before.trim_end().rsplit_once(' ').and_then(|(lead, det)| {
            ["the", "its", "their"]
                .contains(&det.to_lowercase().as_str())
                .then_some(lead)
        });
        let passing = came_after
            .iter()
            .find(|(si, p)| {
                *si == e.sentence
                    && p.end <= e.trigger_span.start
                    && e.trigger_span.start - p.end <= 40
            })
            .and_then(|(_, p)| cx.text.get(sentence.start..p.end));
        let direct_captures = direct.and_then(|l| re.captures(l));
        let came_after_told = direct_captures.is_none();
        let Some(c) = direct_captures.or_else(|| passing.and_then(|l| re.captures(l))) else {
            continue;
        };
        let (Some(all), Some(n), Some(unit)) = (c.get(0), c.name("n"), c.name("unit")) else {
            continue;
        };
        let Some(n) = count_word(&n.as_str().to_lowercase()).and_then(|n| u32::try_from(n).ok())
        else {
            continue;
        };
        // "more than five months after": on or before that day; "five months after", "nearly
        // five months after": about then, a unit either side.
        let more = c.name("q").is_some_and(|q| {
            ["more than", "over", "just over"].contains(&q.as_str().to_lowercase().as_str())
        });
        // The sentence's own day ("were freed on Sunday, five months after the attack"), else
        // the document's.
        let own = cx
            .timexes
            .iter()
            .filter(|t| inside(t.span, sentence) && t.kind == TimexType::Date)
            .find_map(|t| NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok());
        let referred = came_after_told
            .then(|| {
                told.iter()
                    .filter(|(si, _)| *si < e.sentence)
                    .max_by_key(|(si, _)| *si)
                    .map(|(_, d)| *d)
            })
            .flatten();
        let Some(anchor) = own.or(referred).or(cx.dct) else {
            continue;
        };
        let unit = unit.as_str().to_lowercase();
        let back = |k: u32| -> Option<NaiveDate> {
            if unit.starts_with("day") {
                anchor.checked_sub_signed(chrono::Duration::days(i64::from(k)))
            } else if unit.starts_with("week") {
                anchor.checked_sub_signed(chrono::Duration::weeks(i64::from(k)))
            } else if unit.starts_with("month") {
                anchor.checked_sub_months(chrono::Months::new(k))
            } else {
                anchor.checked_sub_months(chrono::Months::new(k.saturating_mul(12)))
            }
        };
        let (Some(at), Some(early), Some(late)) = (back(n), back(n + 1), back(n.saturating_sub(1)))
        else {
            continue;
        };
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let (value, precision) = if unit.starts_with("month") {
            (at.format("%Y-%m").to_string(), "month")
        } else if unit.starts_with("year") {
            (at.format("%Y").to_string(), "year")
        } else {
            (day(at), "day")
        };
        let span = Span::new(sentence.start + all.start(), sentence.start + all.end());
        let text = cx.text[span.start..span.end].trim_end().to_string();
        e.date = Some(if more {
            EventDate {
                value: day(at),
                precision: "day".into(),
                modifier: Some("ON_OR_BEFORE".into()),
                earliest: None,
                latest: Some(day(at)),
                text,
                span,
            }
        } else {
            EventDate {
                value,
                precision: precision.into(),
                modifier: Some("APPROX".into()),
                earliest: Some(day(early)),
                latest: Some(day(late)),
                text,
                span,
            }
        });
    }
}

pub fn dates_from_attack(cx: &Context, events: &mut [EventMention]) {
    let attacks: Vec<(usize, NaiveDate)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Attack)
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            if d.modifier.is_some() || !matches!(d.precision.as_str(), "day" | "time") {
                return None;
            }
            let day = NaiveDate::parse_from_str(d.value.get(..10)?, "%Y-%m-%d").ok()?;
            Some((e.sentence, day))
        })
        .collect();
    if attacks.is_empty() {
        return;
    }
    let attack_places: Vec<(usize, Option<EventPlace>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Attack)
        .map(|e| (e.sentence, e.place.clone()))
        .collect();
    for e in events.iter_mut() {
        // ("Hours after the attack, a Tesla Cybertruck exploded": an attack too.)
        if !matches!(
            e.kind,
            EventKind::Arrest
                | EventKind::Plot
                | EventKind::ClaimOfResponsibility
                | EventKind::Attack
        ) {
            continue;
        }
        let Some(sentence) = cx.sentences.get(e.sentence).map(|s| s.span) else {
            continue;
        };
        // Only the undated default ("before publication") or no date at all gives way.
        if e.date.as_ref().is_some_and(|d| !d.is_undated()) {
            // ("was arrested at the scene on Thursday": dated, and still where the attack was.)
            if e.kind == EventKind::Arrest
                && placed_coarsely(e)
                && at_the_scene(cx.text, sentence).is_some()
            {
                if let Some(p) = attack_places
                    .iter()
                    .filter(|(si, _)| *si <= e.sentence)
                    .max_by_key(|(si, _)| *si)
                    .and_then(|(_, p)| p.clone())
                {
                    e.place = Some(p);
                }
            }
            continue;
        }
        // "The driver ... was arrested at the scene": where and when the attack was.
        let at_scene = (e.kind == EventKind::Arrest)
            .then(|| at_the_scene(cx.text, sentence))
            .flatten();
        let Some((span, days)) = offset_from_attack(cx.text, sentence).or(at_scene) else {
            continue;
        };
        let attack = e.kind == EventKind::Attack;
        if attack
            && (span.end > e.trigger_span.start || !attacks.iter().any(|(si, _)| *si < e.sentence))
        {
            continue;
        }
        let anchor = attacks
            .iter()
            .filter(|(si, _)| *si <= e.sentence && !(attack && *si == e.sentence))
            .max_by_key(|(si, _)| *si)
            .or_else(|| attacks.iter().min_by_key(|(si, _)| *si));
        let Some(day) =
            anchor.and_then(|(_, a)| a.checked_add_signed(chrono::Duration::days(days)))
        else {
            continue;
        };
        let v = day.format("%Y-%m-%d").to_string();
        e.date = Some(EventDate {
            value: v.clone(),
            precision: "day".into(),
            modifier: None,
            earliest: Some(v.clone()),
            latest: Some(v),
            text: cx.text[span.start..span.end].to_string(),
            span,
        });
        // (At the scene: in the attack's town, not the region a source's title names.)
        if at_scene.is_some() && placed_coarsely(e) {
            if let Some(p) = anchor.and_then(|(si, _)| {
                attack_places
                    .iter()
                    .find(|(s, _)| s == si)
                    .and_then(|(_, p)| p.clone())
            }) {
                e.place = Some(p);
            }
        }
    }
}

/// "Suspicion has fallen on Boko Haram", "X was the most likely candidate": a group suspected in
/// a sentence without an attack word is a suspected perpetrator of the document's first attack
/// (the report's subject), by the sentence's source ([`likely_culprit`]); a group a sentence
/// blames ([`blamed_group`]) is an attributed one.
pub fn suspicion_without_trigger(cx: &Context, events: &mut [EventMention]) {
    const CUES: [&str; 8] = [
        "suspicion has fallen on",
        "suspicion fell on",
        "suspicion falls on",
        "suspicion has focused on",
        "suspicion focused on",
        "der verdacht fällt auf",
        "der verdacht richtet sich gegen",
        "fällt der verdacht auf",
    ];
    let Some(ai) = events
        .iter()
        .position(|e| e.kind == EventKind::Attack && e.subkind.as_deref() != Some("air_strike"))
    else {
        return;
    };
    for (si, s) in cx.sentences.iter().enumerate() {
        let Some(body) = cx.text.get(s.span.start..s.span.end) else {
            continue;
        };
        // "Indian officials say the gunmen were linked to Lashkar-e-Taiba, the Pakistan-based
        // group behind the 2008 Mumbai attacks": the attackers' group, suspected by the
        // sentence's source (the attack the appositive names is another matter).
        let linked = linked_attackers_group(cx, s.span);
        // ("Police blamed Boko Haram for the bombing": a sentence that tells of another attack
        // is about that one.)
        if linked.is_none()
            && events
                .iter()
                .enumerate()
                .any(|(i, e)| i != ai && e.kind == EventKind::Attack && e.evidence.contains(&si))
        {
            continue;
        }
        let lower = body.to_ascii_lowercase();
        // A group the sentence blames, else the group right after a suspicion cue ("on Boko
        // Haram, formally ..."), not one named later.
        let found = linked
            .map(|g| {
                let by =
                    crate::attribution::for_sentence(cx.attributions, si).map(|a| a.source.clone());
                // "The interior ministry said the bomber was a member of the Islamic State
                // group": a source's flat word on the attacker's membership is its attribution.
                let resp = if by.is_some() && stated_membership(cx.text, s.span, g.span) {
                    Responsibility::Attributed
                } else {
                    Responsibility::Suspected
                };
                (g, resp, by)
            })
            .or_else(|| {
                blamed_group(cx, si, s.span, &lower)
                    .map(|(g, by)| (g, Responsibility::Attributed, by))
            })
            .or_else(|| {
                let cue_end = CUES
                    .iter()
                    .filter_map(|c| lower.find(c).map(|i| s.span.start + i + c.len()))
                    .min()?;
                // "on Boko Haram", "on the Islamist group Boko Haram": a few descriptor words
                // may stand between.
                let group = groups_in(cx, s.span)
                    .filter(|a| {
                        a.span.start >= cue_end
                            && cx.text.get(cue_end..a.span.start).is_some_and(|gap| {
                                gap.split_whitespace().count() <= 4
                                    && gap
                                        .split_whitespace()
                                        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
                            })
                    })
                    .min_by_key(|a| a.span.start)?;
                Some((group, Responsibility::Suspected, None))
            });
        let found = found.or_else(|| {
            likely_culprit(cx, s.span).map(|g| {
                let by =
                    crate::attribution::for_sentence(cx.attributions, si).map(|a| a.source.clone());
                // "X was responsible, police said" is their attribution; "they believed X was
                // responsible", "X is suspected" a suspicion.
                let plain = lower.contains(" responsible")
                    && ![
                        "believ", "suspect", "think", "thought", "likely", "probabl", " may ",
                        " might ", " could ", "possibl", "appear", "seem",
                    ]
                    .iter()
                    .any(|h| lower.contains(h));
                let resp = if plain {
                    Responsibility::Attributed
                } else {
                    Responsibility::Suspected
                };
                (g, resp, by)
            })
        });
        // "JNIM said in a statement that its fighters had carried out the operation": the
        // group's own word, its claim.
        let found = found.or_else(|| {
            own_operation(cx, si, s.span, &lower).map(|g| (g, Responsibility::Claimed, None))
        });
        let Some((group, resp, by)) = found else {
            continue;
        };
        let e = &mut events[ai];
        let known = e
            .participants
            .iter()
            .any(|p| p.role == Role::Perpetrator && p.entity.is_some() && p.entity == group.entity);
        if known {
            // ("A suicide attacker affiliated with the Daesh terrorist group ...", then "the
            // ministry said the bomber was a member of the Islamic State group": the flat word
            // is the more certain reading.)
            if resp == Responsibility::Attributed {
                for p in &mut e.participants {
                    if p.role == Role::Perpetrator
                        && p.entity == group.entity
                        && p.responsibility == Some(Responsibility::Suspected)
                    {
                        p.responsibility = Some(resp);
                        p.attributed_by = by.clone();
                    }
                }
                add_evidence(e, si);
            }
            continue;
        }
        e.participants
            .push(participant(group, Role::Perpetrator, Some(resp), by));
        add_evidence(e, si);
    }
}

/// "JNIM said in a statement that its fighters had carried out the operation": the group that
/// opens a sentence whose source it is, saying its own fighters did it.
fn own_operation<'c>(cx: &'c Context, si: usize, sentence: Span, lower: &str) -> Option<&'c Actor> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"\b(?:its|their) (?:fighters|members|militants|men|mujahideen|soldiers|operatives) (?:had |have |has )?(?:carried out|conducted|killed|attacked|stormed|struck|were behind|captured|recaptured|seized|overran|took control of)\b",
    )?;
    if !re.is_match(lower) {
        return None;
    }
    let a = crate::attribution::for_sentence(cx.attributions, si)?;
    groups_in(cx, sentence).find(|g| {
        opens_sentence(cx.text, sentence, g.span)
            && g.span.end <= a.cue_span.start
            && a.cue_span.start - g.span.end <= 40
    })
}

/// Whether a sentence states without a hedge that the attackers belong to the group at `group`
/// ("the bomber was a member of the Islamic State group", "the gunmen were members of X"), not
/// that they were linked to it or probably were members.
fn stated_membership(text: &str, sentence: Span, group: Span) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(lead) = text.get(sentence.start..group.start) else {
        return false;
    };
    let lower = text
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .to_lowercase();
    crate::text::cached_is_match(
        &RE,
        r"(?i)\b(?:was|were|is|are|had been|have been) (?:a member of|members of)(?: the)?\s*$",
        lead,
    ) && ![
        "believ", "suspect", "think", "thought", "likely", "probabl", " may ", " might ",
        " could ", "possibl", "appear", "seem", "alleged", "reported", "accused", "claimed",
        "not ", "n't",
    ]
    .iter()
    .any(|h| lower.contains(h))
}

/// The group the attackers are said to belong to: "the gunmen were linked to X", "the attackers
/// were members of X", "the bombers belonged to X".
fn linked_attackers_group<'c>(cx: &'c Context, sentence: Span) -> Option<&'c Actor> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"(?i)\bthe (?:gunmen|gunman|attackers|attacker|assailants|assailant|bombers|bomber|militants|perpetrators) (?:were|was|are|is|had been|have been) (?:allegedly |reportedly |probably |likely )?(?:linked to|members of|a member of|affiliated with|tied to)(?: the)?\s*$",
    )?;
    groups_in(cx, sentence).find(|a| {
        cx.text
            .get(sentence.start..a.span.start)
            .is_some_and(|lead| re.is_match(lead))
    })
}

/// "Analysts said the Afghanistan-based Islamic State Khorasan Province, also known as ISIS-K,
/// was the most likely candidate", "X is the prime suspect", "X was probably behind it": the
/// group a sentence names as the likely perpetrator.
fn likely_culprit<'c>(cx: &'c Context, sentence: Span) -> Option<&'c Actor> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"^(?:,[^,;.]{1,80},|,| of the (?:group|organi[sz]ation|movement|islamic state(?: group)?))? (?:was|is|were|are|remains|remained|appeared|appears|seemed|seems|(?:may|might|could) (?:have been|be))(?: to be)? (?:(?:the (?:most likely|likeliest|likely|prime|main|chief|leading|principal) (?:candidate|culprit|perpetrator|perpetrators|suspect|suspects)|(?:most likely|likely|probably) (?:behind|responsible)|responsible for (?:the|this|that) (?:attack|attacks|bombing|bombings|abduction|kidnapping|killing|killings|shooting|massacre))\b|responsible\s*(?:[.;]|$)|involved(?: in (?:the|this|that) (?:attack|attacks|bombing|bombings|abduction|kidnapping|killing|killings|shooting|massacre))?\s*(?:[.;,]|$)|(?:widely |strongly |also )?suspected(?: of (?:carrying out|being behind|involvement)\b| in the (?:attack|attacks|bombing|bombings|abduction|kidnapping|killing|killings|shooting|massacre)\b|\s*[.;]|\s*$))",
    )?;
    groups_in(cx, sentence).find(|a| {
        cx.text
            .get(a.span.end..sentence.end)
            .is_some_and(|rest| re.is_match(&rest.to_lowercase()))
    })
}

/// "but officials blamed al-Shabaab", "Turkey blamed the PKK": the group a sentence blames (right
/// after the verb), and who blames it (the words before the verb in their clause, else the
/// sentence's source). `lower` is sentence `si` (`sentence`) in ASCII lower case.
fn blamed_group<'c>(
    cx: &'c Context,
    si: usize,
    sentence: Span,
    lower: &str,
) -> Option<(&'c Actor, Option<Source>)> {
    let verb = BLAME_VERBS
        .iter()
        .filter_map(|v| {
            lower
                .match_indices(v)
                .map(|(i, _)| (i, i + v.len() + 1))
                .find(|&(_, e)| lower.as_bytes().get(e - 1) == Some(&b' '))
        })
        .min()?;
    let after = sentence.start + verb.1;
    // "blamed al-Shabaab", "blamed the militant group al-Shabaab", "blamed a local Islamist
    // group, National Thowheeth Jama'ath,".
    let describes = |g: &str| {
        let g = g.trim().trim_end_matches(',').to_ascii_lowercase();
        let mut w = g.split_whitespace().peekable();
        if w.peek().is_some_and(|x| ["the", "a", "an"].contains(x)) {
            w.next();
        }
        let rest: Vec<&str> = w.collect();
        rest.is_empty()
            || rest.len() <= 4
                && rest
                    .last()
                    .is_some_and(|x| *x == "group" || *x == "organisation" || *x == "organization")
                && rest
                    .iter()
                    .all(|x| x.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
    };
    let group = groups_in(cx, sentence)
        .filter(|a| {
            a.span.start >= after && cx.text.get(after..a.span.start).is_some_and(describes)
        })
        .min_by_key(|a| a.span.start)?;
    // "... blamed X for ..., a charge the group denied": still blamed; "was blamed on X" has no
    // blamer before it.
    let head = cx.text.get(sentence.start..sentence.start + verb.0)?;
    let by = blamer(head).or_else(|| {
        crate::attribution::for_sentence(cx.attributions, si).map(|a| a.source.clone())
    });
    Some((group, by))
}

/// Who blames, from the words before the verb of blaming (`head`) in their clause: "Turkey",
/// "officials", "which authorities" ("authorities"); `None` for a passive ("was blamed") or a
/// pronoun.
fn blamer(head: &str) -> Option<Source> {
    // ("ABUJA — Nigeria's government blamed", "ABUJA, June 10 (Reuters) - ...": a dateline
    // before a dash is no part of who blames.)
    let clause_start = [
        ",", ";", " but ", " and ", " while ", " which ", " who ", " — ", " – ", " - ", " -- ",
    ]
    .iter()
    .filter_map(|b| head.rfind(b).map(|i| i + b.len()))
    .max()
    .unwrap_or(0);
    let who = head[clause_start..].trim();
    // "The government has blamed", "Indian officials on Sunday blamed": the blamer without its
    // auxiliary or its day.
    let who = ["has", "have", "had"]
        .iter()
        .find_map(|a| who.strip_suffix(a).filter(|w| w.ends_with(' ')))
        .map_or(who, str::trim_end);
    let who = match who.rsplit_once(" on ") {
        Some((w, day)) if day.split_whitespace().count() == 1 => w.trim_end(),
        _ => who,
    };
    let who_lower = who.to_ascii_lowercase();
    let words = who.split_whitespace().count();
    ((1..=5).contains(&words)
        && ![
            "was", "were", "is", "are", "been", "be", "it", "they", "he", "she", "we", "has",
            "have", "had",
        ]
        .iter()
        .any(|w| who_lower.split_whitespace().any(|x| x == *w)))
    .then(|| {
        // "Officials", "Authorities" opening a sentence are roles, not names.
        let role_noun = who_lower.split_whitespace().next_back().is_some_and(|w| {
            [
                "officials",
                "authorities",
                "police",
                "government",
                "prosecutors",
                "investigators",
                "ministry",
                "army",
                "military",
                "analysts",
                "sources",
            ]
            .contains(&w)
        });
        let named = who.chars().next().is_some_and(char::is_uppercase)
            && !who_lower.starts_with("the ")
            && !role_noun;
        Source {
            name: named.then(|| who.to_string()),
            role: (!named).then(|| who.to_string()),
            affiliation: None,
            anonymous: false,
        }
    })
}

/// Nouns a nationality or origin goes before ("Tajik nationals", "a Syrian citizen").
const NATIONALITY_NOUNS: &[&str] = &[
    "nationals",
    "national",
    "citizens",
    "citizen",
    "migrants",
    "migrant",
    "immigrants",
    "immigrant",
    "refugees",
    "refugee",
    "workers",
    "men",
    "man",
    "women",
    "woman",
    "descent",
    "origin",
];

/// "The attacker, Kujtim Fejzulai, was shot dead", "Salman Abedi, the bomber, ...", "the
/// suspected gunman, X,", "named X as the alleged mastermind of the attack", "The driver, X,"
/// (of a ramming): a person the report names as its attacker or its organiser is a perpetrator
/// of the report's one recent attack ("suspected", "alleged" kept; else attributed, to the
/// sentence's source when it names one).
pub fn named_attacker(cx: &Context, events: &mut [EventMention]) {
    const NOUNS: &[&str] = &[
        "attacker",
        "suspect",
        "gunman",
        "assailant",
        "bomber",
        "suicide bomber",
        "knifeman",
        "shooter",
        "perpetrator",
        "attentäter",
        "täter",
    ];
    // The report's one recent attack: one it compares with ("the deadliest since the 1998
    // embassy bombing") is no other candidate.
    let recent = |e: &EventMention| {
        days_to_report(cx, e.date.as_ref().and_then(|d| d.latest.as_deref()))
            .is_none_or(|days| days <= 365)
    };
    let attack = |i: usize| {
        events[i].kind == EventKind::Attack && events[i].subkind.as_deref() != Some("air_strike")
    };
    let mut attacks: Vec<usize> = (0..events.len())
        .filter(|&i| attack(i) && recent(&events[i]))
        .collect();
    // A story told years later (a trial, a verdict) about its one attack.
    if attacks.is_empty() {
        attacks = (0..events.len()).filter(|&i| attack(i)).collect();
    }
    let [ai] = attacks[..] else {
        return;
    };
    let t = cx.text;
    // "The driver, Mohamed Lahouaiej-Bouhlel, ..." in a report of a vehicle ramming.
    let ramming = events[ai].subkind.as_deref() == Some("vehicle_ramming");
    // ("the other two attackers": plural too.)
    let is_attacker = |phrase: &str| {
        let phrase = phrase.strip_suffix('s').unwrap_or(phrase);
        NOUNS.iter().any(|w| phrase.ends_with(w)) || ramming && phrase.ends_with("driver")
    };
    for n in cx.names.iter().filter(|n| n.label == "PERSON") {
        let Some(si) = cx.sentences.iter().position(|s| inside(n.span, s.span)) else {
            continue;
        };
        // "According to Jean Ricard, the attacker was a former pupil": who says it is no
        // attacker, whatever follows the name.
        if cx
            .attributions
            .iter()
            .any(|a| a.source_span.is_some_and(|s| inside(n.span, s)))
        {
            continue;
        }
        let s = cx.sentences[si].span;
        let before = t[s.start..n.span.start].to_lowercase();
        let after = t[n.span.end..s.end].to_lowercase();
        // "identified as Tajik nationals": a nationality before its noun names no one (the
        // tagger may take it for a person).
        if after
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|w| NATIONALITY_NOUNS.contains(&w))
            && after.starts_with(' ')
        {
            continue;
        }
        // "the attacker, X," / "the suspected gunman, X"
        let lead = before.trim_end().strip_suffix(',').map(str::trim_end);
        let pre = lead.and_then(|l| {
            let k = l.rfind("the ")?;
            let phrase = &l[k + 4..];
            (phrase.split_whitespace().count() <= 3 && is_attacker(phrase)).then_some(phrase)
        });
        // "X, the bomber," / "X, the suspected attacker,"
        let post = after.strip_prefix(", the ").and_then(|r| {
            let end = r.find([',', '.', ';'])?;
            let phrase = &r[..end];
            (phrase.split_whitespace().count() <= 3 && is_attacker(phrase)).then_some(phrase)
        });
        // "named Mohamed Mohamud, a former teacher, as the alleged mastermind of the attack".
        let skip_apposition = after
            .strip_prefix(", ")
            .and_then(|r| r.split_once(','))
            .map_or(after.as_str(), |(_, rest)| rest);
        let as_phrase = skip_apposition.strip_prefix(" as the ").and_then(|r| {
            let end = r.find(" of the ").or_else(|| r.find([',', '.', ';']))?;
            let phrase = &r[..end];
            (phrase.split_whitespace().count() <= 3
                && (is_attacker(phrase)
                    || [
                        "mastermind",
                        "ringleader",
                        "organiser",
                        "organizer",
                        "planner",
                    ]
                    .iter()
                    .any(|w| phrase.ends_with(w))))
            .then_some(phrase)
        });
        // "Police identified the suspect as Issa al H.", "The attacker was identified as X":
        // the person an identification names.
        // ("named the other two attackers as Khuram Shazad Butt and Rachid Redouane": each
        // name of the list.)
        let mut list_start = n.span.start;
        while let Some(prev) = cx.names.iter().find(|m| {
            m.label == "PERSON"
                && m.span.end < list_start
                && m.span.start >= s.start
                && matches!(&t[m.span.end..list_start], " and " | ", " | ", and ")
        }) {
            list_start = prev.span.start;
        }
        let listed = t[s.start..list_start].to_lowercase();
        let identified = identified_as(&listed).filter(|p| is_attacker(p));
        // "Salah Abdeslam, the only suspected attacker captured alive": a longer apposition.
        // ("Salah Abdeslam, the main suspect in the Paris attacks," in a report of the
        // Brussels bombings: the suspect of another, named attack.)
        let other_attack = || {
            let tail = &t[n.span.end..s.end];
            let tail = &tail[..tail.find(['.', ';']).unwrap_or(tail.len())];
            let tail = tail.strip_prefix(", ").unwrap_or(tail);
            let tail = &tail[..tail.find(',').unwrap_or(tail.len())];
            let own = events[ai].place.as_ref().map(|p| p.text.as_str());
            [" in the ", " of the ", " for the ", " over the "]
                .iter()
                .filter_map(|p| tail.find(p).map(|i| &tail[i + p.len()..]))
                .any(|named| {
                    named.split_whitespace().take(3).any(|w| {
                        w.starts_with(char::is_uppercase) && own.is_none_or(|o| !o.contains(w))
                    })
                })
        };
        let post_long = after.strip_prefix(", the ").and_then(|r| {
            let end = r.find([',', '.', ';'])?;
            let words: Vec<&str> = r[..end].split_whitespace().take(5).collect();
            (0..words.len())
                .find(|&k| is_attacker(&words[..=k].join(" ")))
                .filter(|_| !other_attack())
                .map(|k| {
                    if words[..=k].iter().any(|w| w.starts_with("suspect")) {
                        "suspected attacker"
                    } else {
                        "attacker"
                    }
                })
        });
        // "found Salah Abdeslam guilty of murder for his role in the attacks", "X was convicted
        // of", "X is accused of murder over the attacks", "X ... appeared in court charged with
        // murder": a court's finding (attributed) or a charge (alleged), in a sentence about
        // the attack or murder.
        let sentence_lower = t[s.start..s.end].to_lowercase();
        let about_the_act = [
            "attack", "bombing", "murder", "killing", "shooting", "massacre",
        ]
        .iter()
        .any(|w| sentence_lower.contains(w));
        let convicted = about_the_act
            && (before.trim_end().ends_with("found") && after.trim_start().starts_with("guilty")
                || [
                    " was found guilty",
                    " were found guilty",
                    " was convicted",
                    " were convicted",
                    " has been convicted",
                    " pleaded guilty",
                    " was sentenced",
                    " has been sentenced",
                ]
                .iter()
                .any(|w| after.starts_with(w))
                || ["convicted", "sentenced"]
                    .iter()
                    .any(|w| before.trim_end().ends_with(w)));
        let charged = about_the_act
            && ([
                " is accused of",
                " was accused of",
                " are accused of",
                " was charged",
                " has been charged",
                " is charged",
                " stands accused",
                ", who is accused of",
                ", accused of",
            ]
            .iter()
            .any(|w| after.starts_with(w))
                || before.trim_end().ends_with("charged")
                || before.trim().is_empty() && after.contains(" charged with murder")
                // "X was extradited from Libya on Wednesday and charged with the murder of".
                || charged_after_and(&after));
        let legal = if convicted {
            Some("convicted")
        } else if charged {
            Some("alleged")
        } else {
            None
        };
        let Some(phrase) = pre
            .or(post)
            .or(as_phrase)
            .or(identified)
            .or(post_long)
            .or(legal)
        else {
            continue;
        };
        let resp = if phrase.contains("suspect") {
            Responsibility::Suspected
        } else if phrase.contains("alleged") {
            Responsibility::Alleged
        } else {
            Responsibility::Attributed
        };
        let e = &mut events[ai];
        if e.participants
            .iter()
            .any(|p| p.span == n.span || p.text == n.text)
        {
            continue;
        }
        let by = crate::attribution::for_sentence(cx.attributions, si).map(|a| a.source.clone());
        e.participants.push(perpetrator_named(n, resp, by));
        add_evidence(e, si);
    }
}

/// "identified the suspect as", "named the attacker as", "the gunman was identified as", "the
/// suspect has been named as", "The driver, identified by police as": the phrase naming whom an identification names, from the words
/// before the name (lower case).
fn identified_as(before: &str) -> Option<&str> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = crate::text::cached_regex(
        &RE,
        r"(?:\b(?:identified|named) the ((?:[a-z-]+ ){0,2}[a-z-]+) as|\bthe ((?:[a-z-]+ ){0,2}[a-z-]+)(?:,? (?:was|has been|had been|is) |, (?:who was |who has been )?)(?:identified|named) (?:by [a-z ]+ )?as)\s*$",
    )?;
    let c = re.captures(before.trim_end())?;
    c.get(1).or_else(|| c.get(2)).map(|m| m.as_str())
}

/// Days from a `YYYY-MM-DD` bound of an event's date to the document's date (`None` without
/// either).
fn days_to_report(cx: &Context, day: Option<&str>) -> Option<i64> {
    let day = NaiveDate::parse_from_str(day?, "%Y-%m-%d").ok()?;
    Some((cx.dct? - day).num_days())
}

/// "PARIS, Nov 20 (Channel Ledger) - A week after gunmen and suicide bombers struck the Stade de
/// France, several cafe terraces and the Bataclan concert hall ...": an attack, arrest or plot
/// the dateline's own sentence tells, with no place of its own or only the dateline's country,
/// is in the dateline's city when it happened within a month of the report.
pub fn dateline_place(cx: &Context, events: &mut [EventMention]) {
    use dossier_core::place::PlaceKind;
    let Some(d) = cx.dateline else {
        return;
    };
    let Some(g) = cx.places.iter().find(|g| {
        d.place.start <= g.span.start
            && g.span.end <= d.place.end
            && matches!(g.place.kind, PlaceKind::City | PlaceKind::Admin1)
    }) else {
        return;
    };
    let Some(lead) = cx.sentences.iter().position(|s| inside(d.span, s.span)) else {
        return;
    };
    // (News of the day: "the 1998 embassy bombing" the lead compares with happened elsewhere.)
    let recent = |e: &EventMention| {
        days_to_report(cx, e.date.as_ref().and_then(|d| d.earliest.as_deref()))
            .is_some_and(|days| days <= 31)
    };
    // "NIAMEY, Dec 12 - ... an attack on a military camp in Inates, western Niger": a place the
    // lead names after "in" (the NER's, even one the gazetteer does not know) is where it was.
    let lead_span = cx.sentences[lead].span;
    // ("in Somalia's capital" under a MOGADISHU dateline names the dateline's city.)
    let named_place = cx.names.iter().any(|n| {
        matches!(n.label.as_str(), "GPE" | "LOC" | "FAC")
            && inside(n.span, lead_span)
            && n.span.start >= d.span.end
            && !cx.text[n.span.end..].starts_with("'s capital")
            && !cx.text[n.span.end..].starts_with("’s capital")
            && cx.text[lead_span.start..n.span.start]
                .trim_end()
                .to_lowercase()
                .ends_with(" in")
    });
    if named_place {
        return;
    }
    for e in events.iter_mut().filter(|e| {
        matches!(
            e.kind,
            EventKind::Attack | EventKind::Arrest | EventKind::Plot
        ) && e.sentence == lead
            && e.subkind.as_deref() != Some("air_strike")
            && recent(e)
    }) {
        // (Only the country named as such: "Palma", a town the gazetteer does not know, placed
        // in its country, is no vaguer than the dateline.)
        let names_country = |text: &str, country: &str| {
            let (a, b) = (text.to_lowercase(), country.to_lowercase());
            a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() >= 4
        };
        let vague = match &e.place {
            None => true,
            Some(p) => p.place.as_ref().is_some_and(|pp| {
                pp.kind == PlaceKind::Country
                    && pp.country_code == g.place.country_code
                    && names_country(&p.text, &pp.name)
                    // ("a secondary school in western Uganda": a part of the country away
                    // from the dateline's city.)
                    && !cx.text[..p.span.start]
                        .trim_end()
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| {
                            let w = w.to_lowercase();
                            ["north", "south", "east", "west"]
                                .iter()
                                .any(|d| w.starts_with(d) && w.ends_with("ern"))
                                || ["remote", "rural"].contains(&w.as_str())
                        })
            }),
        };
        if vague {
            e.place = Some(EventPlace {
                text: g.text.clone(),
                span: g.span,
                place: Some(g.place.clone()),
            });
        }
    }
}

/// "Police shot dead Younes Abouyaaqoub, the man suspected of driving a van into crowds": a
/// perpetrator killed later is no victim of the attack.
pub fn perpetrators_are_no_victims(events: &mut [EventMention]) {
    for e in events {
        let perps: Vec<(Option<dossier_core::kb::KbId>, String)> = e
            .participants
            .iter()
            .filter(|p| p.role == Role::Perpetrator)
            .map(|p| (p.entity.clone(), p.text.clone()))
            .collect();
        e.participants.retain(|p| {
            p.role != Role::Victim
                || !perps
                    .iter()
                    .any(|(id, text)| *text == p.text || id.is_some() && *id == p.entity)
        });
    }
}

/// People the document says were let go without charge or cleared ("Sadiq was released without
/// charge on Sunday, police said") are no longer suspects of its plots and attacks: the
/// document's last word on them is that they were let go.
pub fn released_are_no_suspects(cx: &Context, events: &mut [EventMention]) {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = crate::text::cached_regex(
        &RE,
        r"\b([A-Z][\w'’-]+)(?:,[^,.;]{1,60},)? (?:was|were|has been|have been|had been) (?:later |since |subsequently |then )?(?:released without (?:charge|being charged)|freed without charge|released uncharged|cleared of (?:any )?(?:wrongdoing|involvement|suspicion))",
    ) else {
        return;
    };
    let released: Vec<(usize, String)> = re
        .captures_iter(cx.text)
        .filter_map(|c| c.get(1))
        .map(|m| (m.start(), m.as_str().to_string()))
        .collect();
    if released.is_empty() {
        return;
    }
    for e in events {
        let told = cx.sentences.get(e.sentence).map_or(0, |s| s.span.start);
        e.participants.retain(|p| {
            p.role != Role::Perpetrator
                || p.entity.is_some()
                || !released
                    .iter()
                    .any(|(at, name)| *at >= told && p.text.split_whitespace().any(|w| w == name))
        });
    }
}

/// Figures stated elsewhere in the document ("the death toll rose to 137") belong to its first
/// attack when that attack has none of its own in its sentences.
pub fn document_figures(cx: &Context, events: &mut [EventMention]) {
    let attacks: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EventKind::Attack)
        .map(|(i, _)| i)
        .collect();
    // With several attacks in a document, which one a stray figure belongs to is not clear.
    let [main] = attacks[..] else {
        // "A gunman opened fire ... near Sousse on Friday, killing 38 people. Officials said 39
        // people were wounded. The attack came three months after gunmen killed 22 people at
        // the Bardo museum": a figure in the sentences right after the first attack, before any
        // other attack is told, is the first attack's.
        // ("... attacked a military base in Galcad. A military commander said seven soldiers
        // were killed": the same for each attack, up to the next one told.)
        let mut order: Vec<usize> = attacks.clone();
        order.sort_by_key(|&i| events[i].sentence);
        for (n, &first) in order.iter().enumerate() {
            // (A later attack only when dated to a recent day of its own: not one a report
            // compares with, "since the 2021 Kabul airport bombing".)
            let recent_day = events[first].date.as_ref().is_some_and(|d| {
                !d.is_undated()
                    && matches!(d.precision.as_str(), "day" | "time")
                    && days_to_report(cx, d.latest.as_deref()).is_some_and(|x| x <= 60)
            });
            // (Nor one told beside an earlier one in its sentence: "a day after suicide
            // bombings at three churches".)
            if n > 0 && (!recent_day || events[order[n - 1]].sentence == events[first].sentence) {
                continue;
            }
            let from = events[first].sentence + 1;
            let to = if n == 0 {
                order
                    .iter()
                    .skip(1)
                    .map(|&j| events[j].sentence)
                    .min()
                    .unwrap_or(from)
            } else {
                order
                    .iter()
                    .skip(n + 1)
                    .map(|&j| events[j].sentence)
                    .find(|&s| s >= from)
                    .unwrap_or(cx.sentences.len())
            };
            for si in from..to.min(cx.sentences.len()) {
                let span = cx.sentences[si].span;
                // ("The committee said three protesters were killed when police opened fire":
                // another shooting's dead.)
                if sentence_of_police_fire(cx, span) {
                    continue;
                }
                let attribution =
                    crate::attribution::for_sentence(cx.attributions, si).map(|a| &a.source);
                let at = Span::new(span.start, span.start);
                let e = &mut events[first];
                if e.injured.is_none() {
                    if let Some(f) = figure(cx, span, at, INJURED, attribution) {
                        e.injured = Some(f);
                        add_evidence(e, si);
                    }
                }
                if e.killed.is_none() {
                    if let Some(f) = figure(cx, span, at, KILLED, attribution) {
                        e.killed = Some(f);
                        add_evidence(e, si);
                    }
                }
                if e.abducted.is_none()
                    && matches!(e.subkind.as_deref(), Some("kidnapping" | "hijacking"))
                {
                    // (Not a count of the dead: "26 hostages were killed".)
                    if let Some(f) = figure(cx, span, at, ABDUCTED, attribution)
                        .filter(|f| !counts_the_dead(cx, span, at, f))
                    {
                        e.abducted = Some(f);
                        add_evidence(e, si);
                    }
                }
            }
        }
        // A report's toll story belongs to the first attack it gives a toll for, told outside
        // the sentences of the others.
        if let Some(&i) = attacks.iter().find(|&&i| events[i].killed.is_some()) {
            let others: Vec<usize> = attacks
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| events[j].sentence)
                .collect();
            toll_revisions(cx, &mut events[i], &others);
        }
        return;
    };
    // Stray figures are the news of the day: not for an attack long before the document
    // ("Shekau died in May 2021 during an assault" in a 2024 report of a bombing).
    // A retrospective whose lead is the attack ("A year ago today, ... gunmen attacked")
    // tells of that attack throughout.
    // "Shekau died in May 2021 during an assault" is no such lead.
    let lead = events[main].sentence <= 1
        && cx.sentences.get(events[main].sentence).is_some_and(|s| {
            let l = cx.text[s.span.start..s.span.end].to_lowercase();
            ["ago", "anniversary", "one year on", "a year on", "years on"]
                .iter()
                .any(|w| find_word_last(&l, w).is_some())
        });
    let old = !lead
        && events[main].date.as_ref().is_some_and(|d| {
            d.modifier.as_deref() != Some("BEFORE")
                && d.latest
                    .as_deref()
                    .and_then(|l| NaiveDate::parse_from_str(l, "%Y-%m-%d").ok())
                    .zip(cx.dct)
                    .is_some_and(|(l, dct)| (dct - l).num_days() > 60)
        });
    if old {
        return;
    }
    // "Abaaoud ... was killed in a police raid in Saint-Denis. Two other people died in the
    // raid.": the deaths of a police action the report tells are not the attack's.
    let police_action = {
        let l = cx.text.to_lowercase();
        [
            "police raid",
            "security raid",
            "counter-terrorism raid",
            "police operation",
            "security operation",
            "raid by police",
        ]
        .iter()
        .any(|w| l.contains(w))
    };
    let of_police_action = |s: Span| {
        police_action
            && cx.text.get(s.start..s.end).is_some_and(|x| {
                let x = x.to_lowercase();
                [
                    "the raid",
                    "a raid",
                    "the operation",
                    "shootout",
                    "gunfight",
                ]
                .iter()
                .any(|w| x.contains(w))
            })
    };
    let kidnapping = matches!(
        events[main].subkind.as_deref(),
        Some("kidnapping" | "hijacking")
    );
    for (slot, words) in [(0, KILLED), (1, INJURED), (2, ABDUCTED)] {
        let has = match slot {
            0 => events[main].killed.is_some(),
            1 => events[main].injured.is_some(),
            _ => events[main].abducted.is_some() || !kidnapping,
        };
        if has {
            continue;
        }
        for (si, s) in cx.sentences.iter().enumerate() {
            // ("three protesters were killed when police opened fire": the police's shooting.)
            if of_police_action(s.span) || sentence_of_police_fire(cx, s.span) {
                continue;
            }
            let attribution =
                crate::attribution::for_sentence(cx.attributions, si).map(|a| &a.source);
            if let Some(f) = figure(
                cx,
                s.span,
                Span::new(s.span.start, s.span.start),
                words,
                attribution,
            )
            // (No count of the kidnapped that counts the dead: "26 hostages were killed".)
            .filter(|f| {
                slot != 2 || !counts_the_dead(cx, s.span, Span::new(s.span.start, s.span.start), f)
            }) {
                let e = &mut events[main];
                match slot {
                    0 => e.killed = Some(f),
                    1 => e.injured = Some(f),
                    _ => e.abducted = Some(f),
                }
                add_evidence(e, si);
                break;
            }
        }
    }
    toll_revisions(cx, &mut events[main], &[]);
    other_sources_figures(cx, &mut events[main]);
}

/// Counts of the same dead or injured that another named source gives in the report ("The
/// group claimed it had killed more than 100 Kenyan soldiers. ... Somalia's president said about
/// 200 Kenyan soldiers had been killed"), kept beside the event's figure. Not a revision told as
/// one ("lowered the figure to 95"), and not a figure of no named source.
fn other_sources_figures(cx: &Context, e: &mut EventMention) {
    for slot in 0..2 {
        let (words, main) = if slot == 0 {
            (KILLED, &e.killed)
        } else {
            (INJURED, &e.injured)
        };
        let Some(main) = main.clone() else {
            continue;
        };
        let Some(main_by) = main.attributed_to.clone() else {
            continue;
        };
        let mut found: Vec<(usize, Figure)> = Vec::new();
        for (si, s) in cx.sentences.iter().enumerate() {
            if si == main.quantity.sentence {
                continue;
            }
            let Some(a) = crate::attribution::for_sentence(cx.attributions, si) else {
                continue;
            };
            if a.source == main_by {
                continue;
            }
            let Some(f) = figure(
                cx,
                s.span,
                Span::new(s.span.start, s.span.start),
                words,
                Some(&a.source),
            ) else {
                continue;
            };
            if stage_at(cx.text, s.span, f.quantity.span.start) != Stage::Plain
                || (f.quantity.min, f.quantity.max) == (main.quantity.min, main.quantity.max)
                || f.quantity.counted.as_deref() != main.quantity.counted.as_deref()
                    && f.quantity.counted.is_some()
                    && main.quantity.counted.is_some()
            {
                continue;
            }
            found.push((si, f));
        }
        for (si, f) in found {
            add_evidence(e, si);
            if slot == 0 {
                e.killed_elsewhere.push(f);
            } else {
                e.injured_elsewhere.push(f);
            }
        }
    }
}

/// How a death toll stands in its report's story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Given as superseded: "state media first reported 103", "had given a toll of 103".
    Earlier,
    /// Given as a change: "lowered the figure to 95", "put it at 84", "rose to 133".
    Revision,
    /// Neither.
    Plain,
}

const EARLIER_CUES: &[&str] = &[
    "at first",
    "on the first",
    "first reported",
    "first spoke",
    "first gave",
    "first put",
    "first said",
    "initially",
    "initial",
    "originally",
    "previously",
    "had given",
    "had put",
    "had reported",
    "had spoken",
    "had said",
    // "raising its earlier figure of 21".
    "earlier figure",
    "previous figure",
    "earlier toll",
    "previous toll",
    "zunächst",
    "zuerst",
    "ursprünglich",
    "anfangs",
];

const REVISION_CUES: &[&str] = &[
    "eventually",
    "finally",
    "rose to",
    "risen to",
    "climbed to",
    "increased to",
    "lowered",
    "raised",
    "raising",
    "revised",
    "corrected",
    "cut to",
    "cut it",
    "cut the",
    "put it at",
    "put the number",
    "put the figure",
    "put the toll",
    "put the death toll",
    "korrigiert",
    "gesenkt",
    "erhöht",
    "stieg auf",
];

/// The stage of a toll at `at` in `sentence`: the cue nearest before it decides; "84 ...,
/// revising down earlier figures" is a revision told after the number.
fn stage_at(text: &str, sentence: Span, at: usize) -> Stage {
    let before = text.get(sentence.start..at).unwrap_or("").to_lowercase();
    let after = text.get(at..sentence.end).unwrap_or("").to_lowercase();
    let after = after.split([';', '.']).next().unwrap_or("");
    if ["revising", "lowering the", "correcting", "in a revised"]
        .iter()
        .any(|c| find_word_last(after, c).is_some())
    {
        return Stage::Revision;
    }
    let last = |cues: &[&str]| {
        cues.iter()
            .filter_map(|c| find_word_last(&before, c).map(|at| (at, c.len())))
            .max()
    };
    match (last(EARLIER_CUES), last(REVISION_CUES)) {
        // A change told after the earlier stage makes the figure a revision; one the earlier
        // cue itself qualifies ("initially put the death toll at 77", "had put the toll at
        // 147") is that earlier stage.
        (Some((e, len)), Some((r, _))) if r > e + len + 1 => Stage::Revision,
        (Some(_), _) => Stage::Earlier,
        (None, Some(_)) => Stage::Revision,
        (None, None) => Stage::Plain,
    }
}

/// The subject that puts or revises a toll, when it names a body or officials: "The Hamas-run
/// government media office put the toll at" → "Hamas-run government media office".
fn revision_subject(text: &str, sentence: Span, at: Span) -> Option<Source> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let lead = text.get(sentence.start..at.start)?;
    let c = crate::text::cached_regex(
        &RE,
        r"^\s*(?:[Tt]he )?((?:[\w'’-]+ ){0,5}(?:office|ministry|agency|officials?|authorities|police|army|military|government|service|services|committee|council|department|minister|governor|commissioner|spokesman|spokeswoman|spokesperson|sources?|officer))(?: (?:later|then|also|on \w+))? (?:put|revised|raised|lowered|gave|set|cut|updated)\b",
    )?
    .captures(lead)?;
    Some(Source {
        role: Some(c.get(1)?.as_str().to_string()),
        ..Source::default()
    })
}

/// A report that tells how its death toll changed ("State media first reported 103 killed; the
/// health minister lowered the figure to 95 that evening, and on Thursday the interior minister
/// put it at 84") gives the attack the figure it presents as current and keeps the earlier ones
/// as `revised_from`, never a figure it says was superseded. The current one is the last
/// revision of the first sentence that tells no earlier stage, else of the first sentence with
/// revisions. Sentences in `skip` (those of other attacks) are not read.
fn toll_revisions(cx: &Context, e: &mut EventMention, skip: &[usize]) {
    let mut found: Vec<(usize, &Quantity, Stage)> = Vec::new();
    for (si, s) in cx.sentences.iter().enumerate() {
        if skip.contains(&si) {
            continue;
        }
        for q in figure_quantities(cx, s.span, KILLED) {
            // "has risen to about 170 Afghans, ..., in addition to the 13 American service
            // members killed": a count beside the toll, no stage of it.
            let lead = cx.text[s.span.start..q.span.start].to_lowercase();
            let lead = lead.trim_end();
            if [
                "in addition to",
                "in addition to the",
                "besides the",
                "plus the",
            ]
            .iter()
            .any(|w| lead.ends_with(w))
            {
                continue;
            }
            found.push((si, q, stage_at(cx.text, s.span, q.span.start)));
        }
    }
    if !found.iter().any(|f| f.2 != Stage::Plain) {
        return;
    }
    // Sentences with an earlier stage anywhere in them tell history.
    let history: Vec<usize> = found
        .iter()
        .filter(|f| f.2 == Stage::Earlier)
        .map(|f| f.0)
        .collect();
    let best_sentence = found
        .iter()
        .filter(|f| f.2 == Stage::Revision)
        .map(|f| (history.contains(&f.0), f.0))
        .min();
    let same = |a: &Quantity, b: &Quantity| (a.min, a.max) == (b.min, b.max);
    let current: Option<(usize, &Quantity)> = match best_sentence {
        Some((_, si)) => found
            .iter()
            .rev()
            .find(|f| f.0 == si && f.2 == Stage::Revision)
            .map(|f| (f.0, f.1)),
        None => None,
    };
    let earlier: Vec<&Quantity> = found
        .iter()
        .filter(|f| f.2 != Stage::Plain)
        .filter(|f| current.is_none_or(|(_, c)| !std::ptr::eq(c, f.1)))
        .map(|f| f.1)
        .collect();
    // "killing at least 40 people ... The toll was later raised to 17": a rise to fewer (or a cut
    // to more) is no revision of this toll but of another one's.
    if let (Some((si, c)), Some(k)) = (current, e.killed.as_ref()) {
        let lead = cx
            .text
            .get(cx.sentences[si].span.start..c.span.start)
            .unwrap_or("")
            .to_lowercase();
        let has = |ws: &[&str]| ws.iter().any(|w| find_word_last(&lead, w).is_some());
        let up = has(&["raised", "rose", "risen", "climbed", "increased", "rising"]);
        let down = has(&[
            "lowered",
            "cut",
            "reduced",
            "revised down",
            "fell",
            "dropped",
        ]);
        let below = c.max.zip(k.quantity.min).is_some_and(|(a, b)| a < b);
        let above = c.min.zip(k.quantity.max).is_some_and(|(a, b)| a > b);
        if up && !down && below || down && !up && above {
            return;
        }
    }
    let mut replaced: Option<Quantity> = None;
    match current {
        Some((si, c)) => {
            // "at least 103" in the lead and "the figure was raised to 103" agree.
            let keep = e.killed.as_ref().is_some_and(|k| k.quantity.min == c.min);
            if !keep {
                // "The Hamas-run government media office put the toll at more than 100": who
                // puts it there, when no speech verb says.
                let spoken =
                    crate::attribution::for_sentence(cx.attributions, si).map(|a| a.source.clone());
                let subject = spoken
                    .is_none()
                    .then(|| revision_subject(cx.text, cx.sentences[si].span, c.span))
                    .flatten();
                let by_subject = subject.is_some();
                let attribution = spoken.or(subject);
                // The figure replaced is never lost: an earlier stage when the sentence tells a
                // change ("Officials later revised the toll to 95" after "103, state media
                // said"), else another source's figure beside it ("… killed more than 90
                // people, Gaza's civil defence agency said. The government media office put the
                // toll at more than 100").
                if let Some(old) = e.killed.take() {
                    let sentence = cx
                        .text
                        .get(cx.sentences[si].span.start..c.span.start)
                        .unwrap_or("")
                        .to_lowercase();
                    let changed = [
                        "later",
                        "revised",
                        "lowered",
                        "raised",
                        "corrected",
                        "updated",
                        "rose",
                        "risen",
                        "climbed",
                        "increased",
                        "cut",
                        "now",
                    ]
                    .iter()
                    .any(|w| find_word_last(&sentence, w).is_some());
                    // (A named source's figure stays beside another's put after it, in a
                    // report that tells no earlier stage: "the Collectif X said about 400 had
                    // been killed. An assessment cited by CNN put the toll at up to 600".)
                    if changed {
                        replaced = Some(old.quantity);
                    } else if (by_subject || attribution.is_some() && history.is_empty())
                        && old.attributed_to.is_some()
                        && old.attributed_to != attribution
                    {
                        e.killed_elsewhere.push(old);
                    }
                }
                e.killed = Some(Figure {
                    quantity: c.clone(),
                    attributed_to: attribution,
                    revised_from: Vec::new(),
                });
                add_evidence(e, si);
            }
        }
        None => {
            // Only earlier stages are told: the attack's own figure, if it is not one of them,
            // is current; an earlier one is never presented as current.
            if e.killed
                .as_ref()
                .is_some_and(|k| earlier.iter().any(|q| same(q, &k.quantity)))
            {
                e.killed = None;
            }
        }
    }
    if let Some(k) = e.killed.as_mut() {
        let mut from: Vec<Quantity> = Vec::new();
        // "may have killed as many as 600, according to a French assessment. The United Nations
        // had put the toll at around 200, while relatives said more than 400": figures of
        // other sources are theirs, not earlier stages of this one's.
        let source = k.attributed_to.clone();
        // (A sentence setting sources side by side: "..., while relatives said ...".)
        let another_source = |si: usize| {
            let contrast = cx
                .text
                .get(cx.sentences[si].span.start..cx.sentences[si].span.end)
                .is_some_and(|b| b.contains(", while ") || b.contains(", whereas "));
            contrast
                && source.as_ref().is_some_and(|mine| {
                    cx.attributions
                        .iter()
                        .any(|a| a.sentence == si && &a.source != mine)
                })
        };
        // "... has risen to 41, police said on Sunday. A local official said on Sunday that the
        // toll had risen to 42": a change told after the current one by another named source
        // is that source's figure beside it, not a stage it superseded.
        let current_si = current.map(|(si, _)| si);
        let said_by = |si: usize| {
            crate::attribution::for_sentence(cx.attributions, si).map(|a| a.source.clone())
        };
        let mut beside: Vec<Figure> = Vec::new();
        // Earlier stages first, then superseded revisions, each value once.
        for stage in [Stage::Earlier, Stage::Revision] {
            for f in found.iter().filter(|f| f.2 == stage) {
                if another_source(f.0) {
                    continue;
                }
                if stage == Stage::Revision && current_si.is_some_and(|c| f.0 > c) {
                    let by = said_by(f.0);
                    if by.is_some() && by != source && !same(f.1, &k.quantity) {
                        if !beside.iter().any(|b| same(&b.quantity, f.1)) {
                            beside.push(Figure {
                                quantity: f.1.clone(),
                                attributed_to: by,
                                revised_from: Vec::new(),
                            });
                        }
                        continue;
                    }
                }
                if earlier.iter().any(|q| std::ptr::eq(*q, f.1))
                    && !same(f.1, &k.quantity)
                    && !from.iter().any(|q| same(q, f.1))
                {
                    from.push(f.1.clone());
                }
            }
        }
        // (The figure a told change replaced, when the report tells no earlier stage itself:
        // "103 killed, state media said. Officials later revised the toll to 95".)
        if let Some(r) = replaced.filter(|_| from.is_empty()) {
            if !same(&r, &k.quantity) {
                from.push(r);
            }
        }
        k.revised_from = from;
        e.killed_elsewhere.extend(beside);
    }
    // "Hospital officials later put the toll at 26 dead and 62 injured": the injured of the
    // current revision's sentence revise the injured too.
    if let Some((si, _)) = current {
        let span = cx.sentences[si].span;
        let by = e.killed.as_ref().and_then(|k| k.attributed_to.clone());
        let at = Span::new(span.start, span.start);
        if let Some(mut f) = figure(cx, span, at, INJURED, by.as_ref()) {
            let old = e.injured.as_ref().map(|i| i.quantity.clone());
            if old.as_ref().is_none_or(|o| {
                (o.min, o.max) != (f.quantity.min, f.quantity.max) && o.sentence != si
            }) {
                f.revised_from = old.into_iter().collect();
                e.injured = Some(f);
                add_evidence(e, si);
            }
        }
    }
}
