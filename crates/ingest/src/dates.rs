//! Dates as metadata and datelines state them ("2024-03-25T10:57:00+01:00", RFC 2822,
//! "March 25, 2024 10:57 a.m", "Stand: 25.03.2024 11:20 Uhr") parsed into [`Timestamp`]s.

use dossier_core::Timestamp;

/// Parse a date or date-time string from metadata. `None` when it is not a date.
pub fn parse_datetime(s: &str) -> Option<Timestamp> {
    Timestamp::parse_local(s.trim())
}
