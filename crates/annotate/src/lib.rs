//! Dossier's annotate stage: sentences and TimeML TIMEX3 time expressions, normalised against the
//! document creation time (which is always an explicit input: this crate never reads the clock).
//!
//! - [`annotate`]: sentences, time expressions and the wire-style dateline of one text.
//! - [`dateline::find`]: the dateline ("ABUJA, May 6 (Sahel Courier) -").
//! - [`timex::extract`]: time expressions only.
//! - [`timeml`]: read TimeML / TempEval-3 files and write them back with our TIMEX3 tags.
//! - [`eval`]: score against gold TIMEX3 tags (TempEval-3 strict/relaxed/type/value measures).
//!
//! ## Normalisation conventions
//!
//! Where the TimeML guidelines leave room, or the TBAQ gold annotation (TimeBank + AQUAINT) is
//! inconsistent, the majority convention of TBAQ is followed:
//!
//! - A month named without a year is the nearest one, the tense deciding when it is far; in a
//!   past-tense sentence a month one or two months ahead is still the coming one ("said it
//!   would buy the bank in January", written in November) unless a past verb governs it
//!   ("were arrested in May"). Deadline words ("by", "until",
//!   "effective", "through") look ahead unless a past perfect ("had filed ... by Wednesday")
//!   or a span up to now ("this year through August") says otherwise.
//! - A weekday follows the nearest tense marker: past forms look back; "will", "plans to", "is
//!   to", "set to", "due", "as early as" look ahead. "the previous Friday" counts from the
//!   story's last date.
//! - A weekday with "night" or "morning" keeps the part of day in the extent but not in the
//!   value ("Friday night" = `1998-10-23`, TBAQ 10 to 6); "evening"/"afternoon" keep `TEV`/`TAF`.
//! - Decades are three digits (`199`, TimeML and TimeBank; AQUAINT's `199X` also validates).
//! - Fractional durations keep their whole part: `P2Y6M`, `P1DT12H`, `PT1M30S`.
//! - "three days later", "hours later", "a day earlier" are the durations "three days" (`P3D`),
//!   "hours" (`PTXH`), "a day" (TBAQ 5 of 5); "a year earlier", "two years ago", "a week ago"
//!   stay dates.
//! - "last/this/next week" are ISO weeks (`1998-W33`), not `WXX` (TBAQ 24 to 13).
//! - In financial reports "a year earlier" is the year-ago quarter (`1988-Q3`), and a quarter
//!   not yet begun named in the past tense is last year's.
//! - Relative words inside names and titles ("This Week", "60 Minutes", "VOA Today") and the
//!   generic "in today's world", "the people of tomorrow" are not time expressions.

pub mod dateline;
pub mod eval;
pub mod rules;
pub mod sentence;
pub mod timeml;
pub mod timex;
pub mod token;

pub use timex::{extract, interval, is_valid_value};

use chrono::NaiveDate;
use dossier_core::annotation::Annotated;
use dossier_core::{Diagnostic, Timestamp};
use std::path::PathBuf;

/// Errors of the file-level functions ([`timeml::process_dir`], [`eval::eval_timex`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error("{0}: no TimeML files found")]
    Empty(PathBuf),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Annotate one document's text: sentences and time expressions.
///
/// `dct` is the document creation (publication) date that relative expressions are resolved
/// against; without it they get underspecified values (`XXXX-XX-XX`) and a diagnostic says so.
/// `language` selects the rule table (`en`; others fall back to English for now).
pub fn annotate(text: &str, dct: Option<NaiveDate>, language: &str) -> Annotated {
    let mut diagnostics = Vec::new();
    if !language.is_empty() && !rules::has_rules(language) {
        diagnostics.push(Diagnostic::warning(
            "annotate",
            format!("no time-expression rules for language {language:?}; English rules used"),
        ));
    }
    let mut dct = dct;
    if dct.is_none() {
        // Without a document date, a dateline or "Updated:" line at the top stands in for it.
        if let Some(d) = dateline(text, language) {
            diagnostics.push(Diagnostic::warning(
                "annotate",
                format!("no document date given; using {d} from the dateline"),
            ));
            dct = Some(d);
        }
    }
    let (sentences, time_expressions) = timex::extract_with_sentences(text, dct, language);
    if dct.is_none() && time_expressions.iter().any(|t| t.anchored) {
        diagnostics.push(Diagnostic::warning(
            "annotate",
            "no document date: relative time expressions left unresolved (XXXX)",
        ));
    }
    let dateline = dateline::find(text, &sentences, &time_expressions);
    Annotated {
        sentences,
        time_expressions,
        dateline,
        diagnostics,
    }
}

/// The first complete calendar date (year, month and day) in the opening of `text` — a dateline
/// such as "MOSCOW, March 23, 2024 –" or an "Updated: January 6, 2024" line — found with the
/// same rules as every other time expression.
pub fn dateline(text: &str, language: &str) -> Option<NaiveDate> {
    let mut end = text.len().min(600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (_, found) = timex::extract_with_sentences(&text[..end], None, language);
    found.into_iter().find_map(|t| {
        let v = t.value.get(..10)?;
        NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
    })
}

/// [`annotate`] with a core [`Timestamp`] as the document date (its local calendar date is used).
pub fn annotate_at(text: &str, dct: Option<&Timestamp>, language: &str) -> Annotated {
    annotate(text, dct.map(Timestamp::local_date), language)
}
