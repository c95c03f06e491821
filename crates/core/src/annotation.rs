//! Annotation types produced by the annotate stage: sentences and TIMEX3 time expressions.
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

/// What the annotate stage adds to a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotated {
    pub sentences: Vec<Sentence>,
    pub time_expressions: Vec<TimeExpression>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}
