//! Claim and event types produced by the extract stage: quantities, attributions, certainty,
//! events with their arguments, facts about actors and expert assessments.
//!
//! Every item keeps the sentence it came from (index into `Annotated::sentences`) and byte spans
//! into the original text. Certainty is decided once, from the text, and no later stage may raise
//! it: `Certainty::rank` orders the levels so that fusion can only keep or lower it.

use crate::kb::KbId;
use crate::place::Place;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A number or range in text: "between 1,500 and 6,000", "at least 133", "dozens", "$100 million".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub text: String,
    /// Lower bound, when known ("at least 133" → 133; "fewer than 2,000" → None).
    pub min: Option<f64>,
    /// Upper bound, when known ("more than 140" → None; "about 40" → 40).
    pub max: Option<f64>,
    /// The text is vague: "about", "some", "dozens", "hundreds", "nearly".
    pub approximate: bool,
    /// A unit such as "USD", "EUR", "percent", "km", "year"; None for plain counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The counted thing, as its head noun in the text: "people", "attacks", "members".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// Span of the counted thing's head noun, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_span: Option<Span>,
    pub sentence: usize,
}

/// How sure the text is about a statement. Ordered from most to least certain by `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Said by the author without hedge.
    Stated,
    /// Attributed to a source ("police said", "according to").
    Reported,
    /// A figure given as an estimate ("estimated", "between … and …", "varies").
    Estimated,
    /// Responsibility claimed by the actor itself.
    Claimed,
    /// "believed to", "suspected", "according to initial findings".
    Suspected,
    /// "said to have", "allegedly", "accused of".
    Alleged,
    /// Planned, intended or hypothetical ("wanted to attack", "could").
    Planned,
    Hypothetical,
    /// Denied by someone.
    Denied,
    /// Negated: "no group has claimed", "did not".
    Negated,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Reported => "reported",
            Certainty::Estimated => "estimated",
            Certainty::Claimed => "claimed",
            Certainty::Suspected => "suspected",
            Certainty::Alleged => "alleged",
            Certainty::Planned => "planned",
            Certainty::Hypothetical => "hypothetical",
            Certainty::Denied => "denied",
            Certainty::Negated => "negated",
        }
    }

    pub fn parse(s: &str) -> Option<Certainty> {
        Some(match s {
            "stated" => Certainty::Stated,
            "reported" => Certainty::Reported,
            "estimated" => Certainty::Estimated,
            "claimed" => Certainty::Claimed,
            "suspected" => Certainty::Suspected,
            "alleged" => Certainty::Alleged,
            "planned" => Certainty::Planned,
            "hypothetical" => Certainty::Hypothetical,
            "denied" => Certainty::Denied,
            "negated" => Certainty::Negated,
            _ => return None,
        })
    }

    /// 0 is the most certain. Fusion keeps the highest rank (least certain) of a statement's
    /// own readings and never lowers it.
    pub fn rank(self) -> u8 {
        match self {
            Certainty::Stated => 0,
            Certainty::Reported => 1,
            Certainty::Estimated => 2,
            Certainty::Claimed => 3,
            Certainty::Suspected => 4,
            Certainty::Alleged => 5,
            Certainty::Planned => 6,
            Certainty::Hypothetical => 7,
            Certainty::Denied => 8,
            Certainty::Negated => 9,
        }
    }
}

impl fmt::Display for Certainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who asserts a statement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Source {
    /// A person or body named in the text ("Peter Neumann", "Washington Institute for Near-East
    /// Policy", "police"). None when anonymous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role or description ("terrorism expert", "a U.S. official", "health officials").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Affiliation ("King's College London").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
}

/// One "who says" found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The cue ("said", "according to", "wrote", "in a statement").
    pub cue: String,
    pub cue_span: Span,
    pub source: Source,
    /// Span of the source phrase in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<Span>,
    /// When it was said: a TIMEX3 value from the same sentence ("in December 2023" → 2023-12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_at: Option<String>,
    /// Medium or work ("on X", "in his essay …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    pub sentence: usize,
}

/// Event types, mapped to ACLED and GTD in `docs/events.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Attack,
    Plot,
    Arrest,
    ClaimOfResponsibility,
    LeaderKilled,
    Founding,
    Split,
    Pledge,
    Offensive,
    Withdrawal,
    Recapture,
    Designation,
    Warning,
}

impl EventKind {
    pub const ALL: [EventKind; 13] = [
        EventKind::Attack,
        EventKind::Plot,
        EventKind::Arrest,
        EventKind::ClaimOfResponsibility,
        EventKind::LeaderKilled,
        EventKind::Founding,
        EventKind::Split,
        EventKind::Pledge,
        EventKind::Offensive,
        EventKind::Withdrawal,
        EventKind::Recapture,
        EventKind::Designation,
        EventKind::Warning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Attack => "attack",
            EventKind::Plot => "plot",
            EventKind::Arrest => "arrest",
            EventKind::ClaimOfResponsibility => "claim_of_responsibility",
            EventKind::LeaderKilled => "leader_killed",
            EventKind::Founding => "founding",
            EventKind::Split => "split",
            EventKind::Pledge => "pledge",
            EventKind::Offensive => "offensive",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Recapture => "recapture",
            EventKind::Designation => "designation",
            EventKind::Warning => "warning",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an actor is tied to an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    Confirmed,
    Claimed,
    Attributed,
    Suspected,
    Alleged,
    Denied,
    Unclaimed,
    /// The group inspired the attacker ("was inspired by the Islamic State group", "had been
    /// radicalised online by IS"): an influence, not a claim that the group carried it out.
    Inspired,
}

impl Responsibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Responsibility::Confirmed => "confirmed",
            Responsibility::Claimed => "claimed",
            Responsibility::Attributed => "attributed",
            Responsibility::Suspected => "suspected",
            Responsibility::Alleged => "alleged",
            Responsibility::Denied => "denied",
            Responsibility::Unclaimed => "unclaimed",
            Responsibility::Inspired => "inspired",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Perpetrator,
    Target,
    Victim,
    Arrested,
    Authority,
    /// The group an event is about without acting in it: the group a warning is about
    /// ("officials warned that the Islamic State is trying to exploit security gaps").
    Subject,
}

/// An actor taking part in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub role: Role,
    /// The text naming the actor ("two men from Afghanistan", "ISPK").
    pub text: String,
    pub span: Span,
    /// Knowledge-base entity, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<KbId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Responsibility>,
    /// Who attributes the responsibility, when someone does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_by: Option<Source>,
}

/// A date argument: the TIMEX3 value, its precision and its interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: String,
    /// "day", "month", "year", "week", "season", "decade" …
    pub precision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    pub text: String,
    pub span: Span,
}

impl EventDate {
    /// The default of a past event the text gives no date for: "before publication" (modifier
    /// `BEFORE`, no text). "shortly before Christmas" has text and is a date.
    pub fn is_undated(&self) -> bool {
        self.modifier.as_deref() == Some("BEFORE") && self.text.is_empty()
    }
}

/// A place argument: the mention and, when geocoded, the gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// A figure given for an event (killed, injured, arrested), with who gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub quantity: Quantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Source>,
    /// Earlier figures for the same count that the same report says were revised ("state
    /// media first reported 103 killed; the health minister lowered the figure to 95"), in the
    /// order the report gives them; `quantity` is the one it presents as current.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revised_from: Vec<Quantity>,
}

/// One event as reported in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    pub kind: EventKind,
    /// A finer type: "bombing", "suicide_bombing", "shooting", "stabbing", "arson", "kidnapping",
    /// "assault_on_base", "foiled" …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    pub trigger: String,
    pub trigger_span: Span,
    /// Sentence index of the trigger; evidence sentences include it.
    pub sentence: usize,
    pub evidence: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<EventPlace>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Figure>,
    /// Other sources' counts of the dead in the same report ("The group claimed it had killed
    /// more than 100 soldiers ... the president said about 200"): side by side, never merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub killed_elsewhere: Vec<Figure>,
    /// The same for the injured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injured_elsewhere: Vec<Figure>,
    /// How many were kidnapped or taken hostage ("abducted 287 pupils"), in a kidnapping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abducted: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weapon: Option<String>,
    pub certainty: Certainty,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Source>,
}

/// What a fact says about its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    Founded,
    SplitFrom,
    PartOf,
    AffiliateOf,
    RivalOf,
    AllyOf,
    LeaderOf,
    ActiveIn,
    RecruitsIn,
    Estimate,
    NameMeaning,
}

impl Predicate {
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Founded => "founded",
            Predicate::SplitFrom => "split_from",
            Predicate::PartOf => "part_of",
            Predicate::AffiliateOf => "affiliate_of",
            Predicate::RivalOf => "rival_of",
            Predicate::AllyOf => "ally_of",
            Predicate::LeaderOf => "leader_of",
            Predicate::ActiveIn => "active_in",
            Predicate::RecruitsIn => "recruits_in",
            Predicate::Estimate => "estimate",
            Predicate::NameMeaning => "name_meaning",
        }
    }
}

/// The object of a fact: another actor, a place, or free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactObject {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<KbId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// A claim about an actor: subject, predicate, object or value, valid time, source, certainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub subject: KbId,
    pub subject_text: String,
    pub predicate: Predicate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<FactObject>,
    /// For estimates: what is counted ("members", "fighters", "attacks_planned", "revenue").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Quantity>,
    /// TIMEX3 value of the time the fact holds or happened ("2014", "2023").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_time: Option<String>,
    pub sentence: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Source>,
    pub certainty: Certainty,
}

/// An expert's or institution's judgement, attributed and dated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub by: Source,
    /// TIMEX3 value of when it was made, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The quoted words when there is a quotation, else the sentence.
    pub text: String,
    pub sentence: usize,
    /// Entities the assessment is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<KbId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
}

/// Everything the extract stage finds in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub quantities: Vec<Quantity>,
    pub attributions: Vec<Attribution>,
    pub events: Vec<EventMention>,
    pub facts: Vec<Fact>,
    pub assessments: Vec<Assessment>,
}
