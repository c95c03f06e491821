//! Calendar arithmetic, TIMEX3 value rendering, the value grammar and value → interval.

use crate::rules::{HolidayRule, PartOfDay, Season, Unit};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A resolved calendar value.
#[derive(Debug, Clone, PartialEq)]
pub enum DVal {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Week(NaiveDate),
    Weekend(NaiveDate),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    /// First three digits of the year: 199 for the 1990s.
    Decade(i32),
    /// First two digits: 19 for the 20th century.
    Century(i32),
}

impl DVal {
    /// The value as TIMEX3 writes it; `x_year` writes the year as `XXXX` (no document date).
    pub fn render(&self, x_year: bool) -> String {
        let y = |y: i32| {
            if x_year {
                "XXXX".to_string()
            } else {
                format!("{y:04}")
            }
        };
        match self {
            DVal::Day(d) => format!("{}-{:02}-{:02}", y(d.year()), d.month(), d.day()),
            DVal::Month(yr, m) => format!("{}-{m:02}", y(*yr)),
            DVal::Year(yr) => y(*yr),
            DVal::Week(d) => {
                let w = d.iso_week();
                if x_year {
                    "XXXX-WXX".to_string()
                } else {
                    format!("{:04}-W{:02}", w.year(), w.week())
                }
            }
            DVal::Weekend(d) => {
                let w = d.iso_week();
                if x_year {
                    "XXXX-WXX-WE".to_string()
                } else {
                    format!("{:04}-W{:02}-WE", w.year(), w.week())
                }
            }
            DVal::Quarter(yr, q) => format!("{}-Q{q}", y(*yr)),
            DVal::Half(yr, h) => format!("{}-H{h}", y(*yr)),
            DVal::Season(yr, s) => format!("{}-{}", y(*yr), season_code(*s)),
            // A decade is its first three digits ("199"), as the TimeML guidelines and most of
            // TBAQ write it (TimeBank "199"; AQUAINT "199X", the minority form, still validates).
            DVal::Decade(d) => format!("{d:03}"),
            DVal::Century(c) => format!("{c:02}"),
        }
    }

    /// Replace the year (for "the third quarter of 1990", "the winter of 1994").
    pub fn with_year(&self, year: i32) -> Option<DVal> {
        Some(match self {
            DVal::Day(d) => DVal::Day(d.with_year(year)?),
            DVal::Month(_, m) => DVal::Month(year, *m),
            DVal::Year(_) => DVal::Year(year),
            DVal::Quarter(_, q) => DVal::Quarter(year, *q),
            DVal::Half(_, h) => DVal::Half(year, *h),
            DVal::Season(_, s) => DVal::Season(year, *s),
            _ => return None,
        })
    }
}

pub fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
    }
}

pub fn pod_code(p: PartOfDay) -> &'static str {
    match p {
        PartOfDay::Morning => "MO",
        PartOfDay::Afternoon => "AF",
        PartOfDay::Evening => "EV",
        PartOfDay::Night => "NI",
        PartOfDay::Daytime => "DT",
        PartOfDay::Noon => "12:00",
        PartOfDay::Midnight => "24:00",
    }
}

/// TIMEX3 duration value for `n` units (`None`: an unspecified number, `X`).
pub fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (mut n, mut unit) = (n, unit);
    // Fractions go down one unit, keeping the whole part: 2.5 years = P2Y6M (as TBAQ writes
    // "2 1/2 years"), half a year = P6M, 5.5 hours = PT5H30M, 1.5 minutes = PT1M30S.
    if let Some(v) = n {
        if v.fract() != 0.0 {
            let (whole, part) = (v.trunc(), v.fract());
            match unit {
                Unit::Year | Unit::Day | Unit::Minute if whole > 0.0 => {
                    let (per, big, small) = match unit {
                        Unit::Year => (12.0, "P{}Y", "{}M"),
                        Unit::Day => (24.0, "P{}D", "T{}H"),
                        _ => (60.0, "PT{}M", "{}S"),
                    };
                    let sub = (part * per).round();
                    let (whole, sub) = if sub >= per {
                        (whole + 1.0, 0.0)
                    } else {
                        (whole, sub)
                    };
                    let mut out = big.replace("{}", &(whole as i64).to_string());
                    if sub > 0.0 {
                        out.push_str(&small.replace("{}", &(sub as i64).to_string()));
                    }
                    return out;
                }
                Unit::Year => return duration_value(Some(v * 12.0), Unit::Month),
                Unit::Day => return duration_value(Some(v * 24.0), Unit::Hour),
                Unit::Week => return duration_value(Some(v * 7.0), Unit::Day),
                Unit::Hour => {
                    let h = v.trunc();
                    let m = ((v - h) * 60.0).round();
                    return if h > 0.0 {
                        format!("PT{h}H{m}M")
                    } else {
                        format!("PT{m}M")
                    };
                }
                Unit::Minute => return duration_value(Some((v * 60.0).round()), Unit::Second),
                Unit::Month => return duration_value(Some((v * 30.0).round()), Unit::Day),
                _ => {}
            }
        }
    }
    match unit {
        Unit::Decade => {
            n = n.map(|v| v * 10.0);
            unit = Unit::Year;
            if n.is_none() {
                return "PXDE".to_string();
            }
        }
        Unit::Century => {
            n = n.map(|v| v * 100.0);
            unit = Unit::Year;
            if n.is_none() {
                return "PXCE".to_string();
            }
        }
        Unit::Fortnight => {
            n = n.map(|v| v * 2.0);
            unit = Unit::Week;
        }
        _ => {}
    }
    let num = match n {
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None => "X".to_string(),
    };
    match unit {
        Unit::Second => format!("PT{num}S"),
        Unit::Minute => format!("PT{num}M"),
        Unit::Hour => format!("PT{num}H"),
        Unit::Day => format!("P{num}D"),
        Unit::Week | Unit::Fortnight => format!("P{num}W"),
        Unit::Month => format!("P{num}M"),
        Unit::Quarter => format!("P{num}Q"),
        Unit::Year | Unit::Decade | Unit::Century => format!("P{num}Y"),
    }
}

pub fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3 + 1)
}

pub fn add_quarters(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let idx = y * 4 + (q as i32 - 1) + delta;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
}

/// The date of a holiday in a year.
pub fn holiday_date(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        HolidayRule::NthWeekday { month, weekday, n } => {
            let wd = Weekday::try_from(weekday as u8).ok()?;
            if n > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month, wd, n as u8)
            } else {
                let (ny, nm) = add_months(year, month, 1);
                let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
                while d.weekday() != wd {
                    d = d.pred_opt()?;
                }
                Some(d)
            }
        }
        HolidayRule::Easter(offset) => easter(year).map(|e| e + Duration::days(i64::from(offset))),
    }
}

/// Western Easter Sunday (anonymous Gregorian computus).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

static VALUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let num = r"(?:\d+(?:\.\d+)?|X)";
    let date_unit = r"(?:Y|M|W|D|Q|H|DE|CE|ML|E|C|L)";
    let time_unit = r"(?:H|M|S)";
    let duration =
        format!(r"P(?:(?:{num}{date_unit})+(?:T(?:{num}{time_unit})+)?|T(?:{num}{time_unit})+)");
    let year = r"(?:\d{4}|\d{3}X?|\d{2}(?:XX)?|\d{2}X|\d{3}|X{4}|\d{1,2}X{2,3})";
    let month = r"(?:0[1-9]|1[0-2]|XX)";
    let day = r"(?:0[1-9]|[12]\d|3[01]|XX)";
    let week = r"(?:0[1-9]|[1-4]\d|5[0-3]|[1-9]|XX)";
    let sub = format!(
        r"(?:-{month}(?:-{day})?|-W{week}(?:-(?:[1-7X]|WE))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))"
    );
    let time = r"(?:T(?:(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?|MO|AF|EV|NI|DT|MI|XX(?::XX)?))";
    let pattern = format!(
        r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{duration}|{year}{sub}?{time}?|XXXX-WXX-[1-7](?:{time})?)$"
    );
    Regex::new(&pattern).expect("valid TIMEX3 value pattern")
});

/// Whether `value` is a well-formed TIMEX3 `value` (ISO 8601 as extended by TimeML: dates, weeks,
/// quarters, halves, seasons, parts of day, decades, durations and the `*_REF` tokens).
pub fn is_valid_value(value: &str) -> bool {
    VALUE_RE.is_match(value)
}

fn dt(d: NaiveDate, h: u32, m: u32, s: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, s).unwrap_or_default())
}

fn day_range(a: NaiveDate, b: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    (dt(a, 0, 0, 0), dt(b, 23, 59, 59))
}

fn month_range(y: i32, m: u32, months: i32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let a = NaiveDate::from_ymd_opt(y, m, 1)?;
    let (ny, nm) = add_months(y, m, months);
    let b = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
    Some(day_range(a, b))
}

/// The interval a TIMEX3 DATE/TIME value denotes, narrowed by `START`/`MID`/`END` modifiers.
/// `PRESENT_REF` is the document date, `PAST_REF` ends and `FUTURE_REF` starts there; durations,
/// sets and values with unknown digits have none.
pub fn interval(
    value: &str,
    modifier: Option<&str>,
    dct: Option<NaiveDate>,
) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
    let r = match value {
        "PRESENT_REF" => {
            return dct.map_or((None, None), |d| {
                (Some(dt(d, 0, 0, 0)), Some(dt(d, 23, 59, 59)))
            })
        }
        "PAST_REF" => return (None, dct.map(|d| dt(d, 23, 59, 59))),
        "FUTURE_REF" => return (dct.map(|d| dt(d, 0, 0, 0)), None),
        _ => base_interval(value),
    };
    let Some((a, b)) = r else { return (None, None) };
    let third = Duration::seconds((b - a).num_seconds() / 3);
    match modifier {
        Some("START") => (Some(a), Some(a + third)),
        Some("MID") => (Some(a + third), Some(b - third)),
        Some("END") => (Some(b - third), Some(b)),
        Some("BEFORE") | Some("ON_OR_BEFORE") => (None, Some(b)),
        Some("AFTER") | Some("ON_OR_AFTER") => (Some(a), None),
        _ => (Some(a), Some(b)),
    }
}

fn base_interval(value: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    // Decades and centuries: "199X" is "199", "19XX" is "19".
    let value = if value.len() == 4 && value.ends_with('X') {
        let digits = value.trim_end_matches('X');
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            digits
        } else {
            value
        }
    } else {
        value
    };
    if value.starts_with('P') || value.contains('X') {
        return None;
    }
    let (date, time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str| s.parse::<i32>().ok();
    let year_str = parts.first()?;
    if !year_str.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let range = match (year_str.len(), parts.len()) {
        (2, 1) => {
            let c = num(year_str)?;
            day_range(
                NaiveDate::from_ymd_opt(c * 100, 1, 1)?,
                NaiveDate::from_ymd_opt(c * 100 + 99, 12, 31)?,
            )
        }
        (3, 1) => {
            let d = num(year_str)?;
            day_range(
                NaiveDate::from_ymd_opt(d * 10, 1, 1)?,
                NaiveDate::from_ymd_opt(d * 10 + 9, 12, 31)?,
            )
        }
        (4, 1) => month_range(num(year_str)?, 1, 12)?,
        (4, _) => {
            let y = num(year_str)?;
            let p = parts[1];
            if let Some(w) = p.strip_prefix('W') {
                let w: u32 = w.parse().ok()?;
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                match parts.get(2) {
                    Some(&"WE") => {
                        day_range(monday + Duration::days(5), monday + Duration::days(6))
                    }
                    Some(d) => {
                        let d: i64 = d.parse().ok()?;
                        let day = monday + Duration::days(d - 1);
                        day_range(day, day)
                    }
                    None => day_range(monday, monday + Duration::days(6)),
                }
            } else if let Some(q) = p.strip_prefix('Q') {
                let q: u32 = q.parse().ok()?;
                month_range(y, (q.checked_sub(1)?) * 3 + 1, 3)?
            } else if let Some(h) = p.strip_prefix('H') {
                let h: u32 = h.parse().ok()?;
                month_range(y, (h.checked_sub(1)?) * 6 + 1, 6)?
            } else {
                match p {
                    "SP" => month_range(y, 3, 3)?,
                    "SU" => month_range(y, 6, 3)?,
                    "FA" => month_range(y, 9, 3)?,
                    "WI" => month_range(y, 12, 3)?,
                    _ => {
                        let m: u32 = p.parse().ok()?;
                        match parts.get(2) {
                            None => month_range(y, m, 1)?,
                            Some(d) => {
                                let d = NaiveDate::from_ymd_opt(y, m, d.parse().ok()?)?;
                                day_range(d, d)
                            }
                        }
                    }
                }
            }
        }
        _ => return None,
    };
    let Some(t) = time else { return Some(range) };
    let day = range.0.date();
    if range.0.date() != range.1.date() {
        return Some(range);
    }
    Some(match t {
        "MO" => (dt(day, 6, 0, 0), dt(day, 11, 59, 59)),
        "AF" => (dt(day, 12, 0, 0), dt(day, 17, 59, 59)),
        "EV" => (dt(day, 18, 0, 0), dt(day, 21, 59, 59)),
        "NI" => (dt(day, 20, 0, 0), dt(day, 23, 59, 59)),
        "DT" => (dt(day, 8, 0, 0), dt(day, 17, 59, 59)),
        _ => {
            let mut it = t.split(':');
            let h: u32 = it.next()?.get(..2)?.parse().ok()?;
            let m: Option<u32> = it.next().and_then(|m| m.get(..2)?.parse().ok());
            if h >= 24 {
                (dt(day, 23, 59, 59), dt(day, 23, 59, 59))
            } else {
                match m {
                    Some(m) => (dt(day, h, m, 0), dt(day, h, m, 59)),
                    None => (dt(day, h, 0, 0), dt(day, h, 59, 59)),
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_validate() {
        for v in [
            "2024-03-22",
            "2024-03-22TEV",
            "2024-W12",
            "2024-W12-WE",
            "2023-12",
            "2015",
            "P1W",
            "PT5H30M",
            "PXY",
            "PRESENT_REF",
            "XXXX-12-25",
            "2024-Q1",
            "199",
            "19",
            "199X",
            "2024-SU",
            "XXXX-WXX-1TNI",
            "1989-10-27T24",
            "1998-10-13T06:00",
            "P1.5Y",
            "PXDE",
        ] {
            assert!(is_valid_value(v), "{v}");
        }
        for v in [
            "",
            "2024-13",
            "P",
            "yesterday",
            "2024-03-22T25:00",
            "PT",
            "2024-W",
            "24-03-22x",
        ] {
            assert!(!is_valid_value(v), "{v}");
        }
    }

    #[test]
    fn intervals() {
        let (a, b) = interval("2024-03", None, None);
        assert_eq!(a.unwrap().to_string(), "2024-03-01 00:00:00");
        assert_eq!(b.unwrap().to_string(), "2024-03-31 23:59:59");
        let (a, b) = interval("2024-W12", None, None);
        assert_eq!(a.unwrap().date().to_string(), "2024-03-18");
        assert_eq!(b.unwrap().date().to_string(), "2024-03-24");
        let (a, _) = interval("2024-01", Some("START"), None);
        assert_eq!(a.unwrap().date().to_string(), "2024-01-01");
        assert_eq!(interval("P1W", None, None), (None, None));
        assert_eq!(easter(2024).unwrap().to_string(), "2024-03-31");
    }
}
