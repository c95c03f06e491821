//! Dates as metadata and datelines state them ("2024-03-25T10:57:00+01:00", RFC 2822,
//! "March 25, 2024 10:57 a.m", "Stand: 25.03.2024 11:20 Uhr") parsed into [`Timestamp`]s.
//!
//! Pure: no clock is read; a string without a year is not a date here.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use dossier_core::{TimePrecision, Timestamp};
use regex::Regex;
use std::sync::LazyLock;

/// Month names and abbreviations, English and German, lower-case.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("jaenner", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("feber", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
];

/// Zone abbreviations that news sites print after times, with their UTC offsets in minutes.
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("eat", 180),
    ("pkt", 300),
    ("aft", 270),
    ("wat", 60),
    ("ist", 330),
    ("gmt", 0),
    ("z", 0),
    ("wet", 0),
    ("bst", 60),
    ("cet", 60),
    ("mez", 60),
    ("cest", 120),
    ("mesz", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("irst", 210),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("pst", -480),
    ("pdt", -420),
];

/// Words that introduce a dateline: "As of:", "Stand:", "Updated:" …
const DATELINE_PREFIXES: &[&str] = &[
    "as of",
    "stand",
    "updated",
    "last updated",
    "published",
    "posted",
    "first published",
    "date",
    "datum",
    "veröffentlicht",
    "aktualisiert",
    "zuletzt aktualisiert",
    "erstellt",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Month-first ("March 25, 2024"), day-first ("25 March 2024", "25. März 2024") or numeric
    // day-first ("25.03.2024"), then an optional time with am/pm, "Uhr" and a zone.
    Regex::new(
        r"(?ix)^
        (?:[a-z]+\.?,?\s+)??                                  # weekday
        (?:
            (?P<mon1>[a-zäé]{3,9})\.?\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{4})
          | (?P<day2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon2>[a-zäé]{3,9})\.?,?\s+(?P<year2>\d{4})
          | (?P<day3>\d{1,2})\.(?P<mon3>\d{1,2})\.(?P<year3>\d{4})
          | (?P<year4>\d{4})/(?P<mon4>\d{1,2})/(?P<day4>\d{1,2})
        )
        (?:
            (?:,|\s|\bat\b|\bum\b|\||-|–|/)+
            (?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?::(?P<s>\d{2}))?
            \s*(?P<ampm>[ap]\.?\s?m\b\.?)?
            \s*(?:uhr\b)?
            \s*(?:\(?(?P<zone>[a-z]{1,5}\b|[+-]\d{2}:?\d{2})\)?)?
        )?",
    )
    .expect("valid regex")
});

/// Parse a date or date-time string from metadata or a dateline. `None` when it is not a date.
pub fn parse_datetime(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    parse_iso(s)
        .or_else(|| parse_rfc2822(s))
        .or_else(|| parse_text_date(s))
}

/// Parse a dateline such as "As of: March 25, 2024 10:57 a.m" or "Stand: 25.03.2024 11:20 Uhr".
/// The line must start with one of the dateline words or be a date alone.
pub fn parse_dateline(line: &str) -> Option<Timestamp> {
    let l = line
        .trim()
        .trim_start_matches(['*', '_', '#', '>', ' '])
        .trim();
    for p in DATELINE_PREFIXES {
        // Compare on the original string: lower-casing can change byte lengths.
        let n = p.len();
        if l.is_char_boundary(n) && l[..n].to_lowercase() == *p {
            let rest = l[n..].trim_start_matches(['*', '_']);
            if rest.starts_with([':', ' ']) {
                let body = rest
                    .trim_start_matches([':', ' ', '*', '_'])
                    .trim_end_matches(['*', '_']);
                return parse_datetime(body);
            }
        }
    }
    // A line that is a date and nothing else.
    if l.len() <= 40 {
        return parse_datetime(l.trim_end_matches(['*', '_']));
    }
    None
}

fn parse_iso(s: &str) -> Option<Timestamp> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(Timestamp::from_fixed(dt, precision_of(&dt.naive_local())));
    }
    let b = s.as_bytes();
    if b.len() < 10 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return None;
    }
    if s.len() == 10 {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(Timestamp::from_date);
    }
    // Zoned variants RFC 3339 does not accept: "+0100", missing seconds, a space separator.
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(Timestamp::from_fixed(dt, precision_of(&dt.naive_local())));
        }
    }
    let (body, zone) = split_zone_word(s);
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(body, f) {
            return Some(with_zone(n, zone, precision_of(&n)));
        }
    }
    None
}

fn parse_rfc2822(s: &str) -> Option<Timestamp> {
    let dt = DateTime::parse_from_rfc2822(s).ok()?;
    Some(Timestamp::from_fixed(dt, precision_of(&dt.naive_local())))
}

/// "UTC", "GMT", "CET" … as the last word.
fn split_zone_word(s: &str) -> (&str, Option<i32>) {
    if let Some((head, last)) = s.rsplit_once(' ') {
        if let Some(off) = zone_offset(last) {
            return (head.trim(), Some(off));
        }
    }
    (s, None)
}

fn zone_offset(z: &str) -> Option<i32> {
    let z = z.trim_matches(['(', ')']);
    let lower = z.to_lowercase();
    if let Some((_, m)) = ZONES.iter().find(|(n, _)| *n == lower) {
        return Some(*m);
    }
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

fn with_zone(n: NaiveDateTime, zone_minutes: Option<i32>, precision: TimePrecision) -> Timestamp {
    match zone_minutes.and_then(|m| FixedOffset::east_opt(m * 60)) {
        Some(tz) => match tz.from_local_datetime(&n).single() {
            Some(dt) => Timestamp::from_fixed(dt, precision),
            None => Timestamp::from_naive(n, precision),
        },
        None => Timestamp::from_naive(n, precision),
    }
}

fn precision_of(n: &NaiveDateTime) -> TimePrecision {
    use chrono::Timelike;
    if n.second() != 0 {
        TimePrecision::Second
    } else {
        TimePrecision::Minute
    }
}

fn parse_text_date(s: &str) -> Option<Timestamp> {
    let c = TEXT_DATE.captures(s)?;
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let Some(m) = c.name("mon1") {
        (num("year1")?, month_number(m.as_str())?, num("day1")?)
    } else if let Some(m) = c.name("mon2") {
        (num("year2")?, month_number(m.as_str())?, num("day2")?)
    } else if c.name("mon3").is_some() {
        (num("year3")?, num("mon3")?, num("day3")?)
    } else {
        (num("year4")?, num("mon4")?, num("day4")?)
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let Some(mut hour) = num("h") else {
        return Some(Timestamp::from_date(date));
    };
    let minute = num("m").unwrap_or(0);
    let second = num("s").unwrap_or(0);
    // A bare number after the date without minutes, am/pm or "Uhr" is not a time.
    let has_marker = c.name("m").is_some() || c.name("ampm").is_some();
    if !has_marker {
        return Some(Timestamp::from_date(date));
    }
    if let Some(ap) = c.name("ampm") {
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        if hour == 0 || hour > 12 {
            return Some(Timestamp::from_date(date));
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let precision = if c.name("s").is_some() {
        TimePrecision::Second
    } else {
        TimePrecision::Minute
    };
    let zone = c.name("zone").and_then(|z| zone_offset(z.as_str()));
    Some(with_zone(date.and_time(time), zone, precision))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> Option<String> {
        parse_datetime(s).map(|t| t.local_string())
    }

    #[test]
    fn iso_and_rfc() {
        assert_eq!(
            local("2024-03-25T10:57:00+01:00").as_deref(),
            Some("2024-03-25T10:57:00+01:00")
        );
        assert_eq!(
            local("2024-03-25T10:57:00.000Z").as_deref(),
            Some("2024-03-25T10:57:00+00:00")
        );
        assert_eq!(
            local("2024-03-25T10:57+0330").as_deref(),
            Some("2024-03-25T10:57:00+03:30")
        );
        assert_eq!(
            local("2024-03-25 10:57:00").as_deref(),
            Some("2024-03-25T10:57:00")
        );
        assert_eq!(local("2024-03-25").as_deref(), Some("2024-03-25"));
        assert_eq!(
            local("Mon, 25 Mar 2024 10:57:00 +0100").as_deref(),
            Some("2024-03-25T10:57:00+01:00")
        );
        assert_eq!(
            local("Mon, 25 Mar 2024 10:57:00 GMT").as_deref(),
            Some("2024-03-25T10:57:00+00:00")
        );
    }

    #[test]
    fn written_dates() {
        assert_eq!(
            local("March 25, 2024 10:57 a.m").as_deref(),
            Some("2024-03-25T10:57:00")
        );
        assert_eq!(
            local("March 24, 2024 6:40 p.m.").as_deref(),
            Some("2024-03-24T18:40:00")
        );
        assert_eq!(
            local("25.03.2024 11:20 Uhr").as_deref(),
            Some("2024-03-25T11:20:00")
        );
        assert_eq!(local("25. März 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(
            local("Wednesday, 3 January 2024, 14:05 GMT").as_deref(),
            Some("2024-01-03T14:05:00+00:00")
        );
        assert_eq!(local("Jan. 4, 2024"), Some("2024-01-04".into()));
        assert_eq!(local("31.02.2024"), None);
        assert_eq!(local("the meeting"), None);
        assert_eq!(local("March 2024"), None);
    }

    #[test]
    fn datelines() {
        let t = parse_dateline("As of: March 25, 2024 10:57 a.m").unwrap();
        assert_eq!(t.local_string(), "2024-03-25T10:57:00");
        let t = parse_dateline("Stand: 25.03.2024 11:20 Uhr").unwrap();
        assert_eq!(t.local_string(), "2024-03-25T11:20:00");
        let t = parse_dateline("*Updated: January 5, 2024 09:15 a.m*").unwrap();
        assert_eq!(t.local_string(), "2024-01-05T09:15:00");
        assert!(parse_dateline("Standing firm: the army held the line").is_none());
        assert!(parse_dateline("As of now, nobody knows").is_none());
    }
}
