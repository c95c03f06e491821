//! Timestamps as sources state them: an instant in UTC, the offset it was given with, and precision.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How much of a timestamp the source actually stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimePrecision {
    Day,
    Minute,
    Second,
}

/// A publication or retrieval time.
///
/// `utc` is the instant. `offset_seconds` is the UTC offset the source gave (`+01:00` is 3600);
/// `None` means the source gave a local time with no zone, which is then taken as UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Timestamp {
    pub utc: DateTime<Utc>,
    pub offset_seconds: Option<i32>,
    pub precision: TimePrecision,
}

impl Timestamp {
    /// From a zoned datetime: keeps the offset.
    pub fn from_fixed(dt: DateTime<FixedOffset>, precision: TimePrecision) -> Self {
        Timestamp {
            utc: dt.with_timezone(&Utc),
            offset_seconds: Some(dt.offset().local_minus_utc()),
            precision,
        }
    }

    /// From a local datetime with no zone given.
    pub fn from_naive(dt: NaiveDateTime, precision: TimePrecision) -> Self {
        Timestamp {
            utc: Utc.from_utc_datetime(&dt),
            offset_seconds: None,
            precision,
        }
    }

    /// A calendar date with no time of day.
    pub fn from_date(d: NaiveDate) -> Self {
        Self::from_naive(
            d.and_hms_opt(0, 0, 0).unwrap_or_default(),
            TimePrecision::Day,
        )
    }

    /// The time as the source stated it: RFC 3339 with its offset, a naive local time, or a date.
    pub fn local_string(&self) -> String {
        match (self.precision, self.offset_seconds) {
            (TimePrecision::Day, _) => self.utc.format("%Y-%m-%d").to_string(),
            (_, Some(off)) => match FixedOffset::east_opt(off) {
                Some(tz) => self
                    .utc
                    .with_timezone(&tz)
                    .format("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string(),
                None => self.utc_string(),
            },
            (_, None) => self.utc.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }

    /// The instant in UTC, `2024-03-25T09:57:00Z` (a bare date stays `2024-03-25`).
    pub fn utc_string(&self) -> String {
        match self.precision {
            TimePrecision::Day => self.utc.format("%Y-%m-%d").to_string(),
            _ => self.utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        }
    }

    /// The calendar date as the source stated it (in its own offset).
    pub fn local_date(&self) -> NaiveDate {
        match self.offset_seconds.and_then(FixedOffset::east_opt) {
            Some(tz) => self.utc.with_timezone(&tz).date_naive(),
            None => self.utc.date_naive(),
        }
    }

    /// Parse what [`Timestamp::local_string`] wrote (round trip for storage).
    pub fn parse_local(s: &str) -> Option<Timestamp> {
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Some(Timestamp::from_fixed(dt, TimePrecision::Second));
        }
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
            return Some(Timestamp::from_naive(dt, TimePrecision::Second));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(Timestamp::from_date)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.local_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_is_kept_and_utc_normalised() {
        let dt = DateTime::parse_from_rfc3339("2024-03-25T10:57:00+01:00").unwrap();
        let t = Timestamp::from_fixed(dt, TimePrecision::Second);
        assert_eq!(t.utc_string(), "2024-03-25T09:57:00Z");
        assert_eq!(t.local_string(), "2024-03-25T10:57:00+01:00");
        assert_eq!(Timestamp::parse_local(&t.local_string()), Some(t));
    }

    #[test]
    fn naive_and_date_round_trip() {
        let t = Timestamp::parse_local("2024-01-03").unwrap();
        assert_eq!(t.precision, TimePrecision::Day);
        assert_eq!(t.local_string(), "2024-01-03");
        let n = Timestamp::parse_local("2024-01-03T11:15:00").unwrap();
        assert_eq!(n.offset_seconds, None);
        assert_eq!(n.local_string(), "2024-01-03T11:15:00");
    }
}
