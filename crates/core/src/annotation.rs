//! Annotation types produced by the annotate stage: sentences, TIMEX3 time expressions and the
//! dateline.
//!
//! Spans are byte offsets into the document's original text. Time expressions carry the TimeML
//! TIMEX3 type, value and modifier, plus an interval (`earliest`, `latest`) for queries.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
}

/// The TimeML TIMEX3 `type` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2024-03-22`, `2024-W12`, `2024-Q1`, `PAST_REF`.
    Date,
    /// A time of day: `2024-03-22T10:30`, `2024-03-22TEV`.
    Time,
    /// A length of time: `P3Y`, `PT2H`.
    Duration,
    /// A recurrence: `P1D` for "daily", `XXXX-WXX-1` for "every Monday".
    Set,
}

impl TimexType {
    /// The TimeML spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parse the TimeML spelling (case-insensitive).
    pub fn parse(s: &str) -> Option<TimexType> {
        match s.to_ascii_uppercase().as_str() {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A normalised time expression (TimeML TIMEX3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Byte offsets of the expression in the original text.
    pub span: Span,
    /// The expression as written (the text under `span`).
    pub text: String,
    /// TIMEX3 `type`.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 `value`, e.g. `2024-03-22`, `2024-W12`, `P3Y`, `PRESENT_REF`, `XXXX-12-25`.
    pub value: String,
    /// TIMEX3 `mod`: `START`, `END`, `MID`, `APPROX`, `BEFORE`, `AFTER`, `LESS_THAN`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// First instant the expression can denote (inclusive), when it denotes a known period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDateTime>,
    /// Last instant the expression can denote (inclusive, to the second).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDateTime>,
    /// True when the value was computed relative to the document creation time.
    #[serde(default)]
    pub anchored: bool,
    /// Index of the sentence that holds the expression.
    #[serde(default)]
    pub sentence: usize,
}

/// A wire-style dateline opening a story: "ABUJA, May 6 (Sahel Courier) -", "DAR ES SALAAM,
/// Tanzania (AP) _", "BERLIN (dpa) -". It is metadata written into the text: its date is when
/// the story was filed, its outlet is who filed it, and neither is part of what the story reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// From the place's first letter to the dash, inclusive.
    pub span: Span,
    /// The place in capitals, with its region or country when given ("DAR ES SALAAM, Tanzania").
    pub place: Span,
    /// The date, when the dateline has one (a time expression of the same span).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Span>,
    /// The outlet inside the parentheses, when given ("Sahel Courier", "AP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Span>,
}

impl Dateline {
    /// Whether `span` lies inside the dateline.
    pub fn contains(&self, span: Span) -> bool {
        self.span.start <= span.start && span.end <= self.span.end
    }

    /// Whether `span` overlaps the outlet: a name there is the filing outlet, not a person or
    /// organisation the story is about.
    pub fn in_outlet(&self, span: Span) -> bool {
        self.outlet
            .is_some_and(|o| span.start < o.end && o.start < span.end)
    }
}

/// What the annotate stage adds to a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotated {
    pub sentences: Vec<Sentence>,
    pub time_expressions: Vec<TimeExpression>,
    /// The wire-style dateline the story opens with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}
