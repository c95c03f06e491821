//! Plain-text assembly: DOM text runs become paragraphs with collapsed whitespace, and lines that
//! are page furniture rather than article text are dropped, as are bylines, bare datelines and
//! timestamps, wire credits and editors' notes at either end of the article.

/// One paragraph of extracted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paragraph {
    pub text: String,
    /// Characters that came from inside links (for link density).
    pub link_chars: usize,
    pub chars: usize,
    pub heading: bool,
}

impl Paragraph {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Builds paragraphs from a depth-first walk: text runs, line breaks and block boundaries.
#[derive(Debug, Default)]
pub(super) struct Builder {
    paragraphs: Vec<Paragraph>,
    cur: String,
    cur_chars: usize,
    cur_link_chars: usize,
    cur_heading: bool,
    pending_space: bool,
}

impl Builder {
    /// Append a text run; whitespace (including no-break spaces) collapses to one space and
    /// invisible characters (zero-width space, soft hyphen, BOM) are dropped.
    pub fn push_text(&mut self, run: &str, in_link: bool) {
        for c in run.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{00ad}' | '\u{feff}'
            ) || c.is_control()
            {
                continue;
            }
            if self.pending_space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                self.cur.push(' ');
                self.cur_chars += 1;
            }
            self.pending_space = false;
            self.cur.push(c);
            self.cur_chars += 1;
            if in_link {
                self.cur_link_chars += 1;
            }
        }
    }

    /// A `<br>`: a line break inside the paragraph.
    pub fn line_break(&mut self) {
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
            self.cur_chars += 1;
        }
        self.pending_space = false;
    }

    /// A table cell boundary: cells of one row stay on one line.
    pub fn cell_break(&mut self) {
        self.pending_space = true;
    }

    /// The start of a block element; `heading` marks `h1`-`h6`.
    pub fn start_block(&mut self, heading: bool) {
        self.end_block();
        self.cur_heading = heading;
    }

    /// The end of a block element: what was collected becomes a paragraph.
    pub fn end_block(&mut self) {
        let text = self.cur.trim();
        if !text.is_empty() {
            let text = text.to_string();
            self.paragraphs.push(Paragraph {
                chars: text.chars().count(),
                text,
                link_chars: self.cur_link_chars,
                heading: self.cur_heading,
            });
        }
        self.cur.clear();
        self.cur_chars = 0;
        self.cur_link_chars = 0;
        self.cur_heading = false;
        self.pending_space = false;
    }

    pub fn finish(mut self) -> Vec<Paragraph> {
        self.end_block();
        self.paragraphs
    }
}

/// Short lines that are labels of page furniture, never article text (compared lower-cased,
/// without trailing punctuation).
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertising",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "sponsored",
    "sponsored content",
    "skip to content",
    "skip to main content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "read more",
    "continue reading",
    "related",
    "related articles",
    "related stories",
    "related coverage",
    "more on this story",
    "most read",
    "most popular",
    "recommended",
    "tags",
    "print",
    "comments",
    "close",
];

fn is_furniture(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let t = text
        .trim_end_matches([':', '.', '…', '»', '›', '>'])
        .trim()
        .to_lowercase();
    FURNITURE.contains(&t.as_str())
}

/// Whitespace-collapsed, lower-cased form for comparing a paragraph with the title.
pub(super) fn comparable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Drop furniture lines, and the headline when it repeats the title at the top.
pub(super) fn clean(paragraphs: Vec<Paragraph>, title: Option<&str>) -> Vec<Paragraph> {
    let title = title.map(comparable).filter(|t| !t.is_empty());
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if is_furniture(&p.text) {
            continue;
        }
        if out.is_empty() && title.as_deref().is_some_and(|t| comparable(&p.text) == t) {
            continue;
        }
        out.push(p);
    }
    out
}

/// For the fallback extractor, which sees the whole page: drop link lists and short scraps,
/// keeping headings only when article text follows them.
pub(super) fn keep_prose(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut kept: Vec<Paragraph> = paragraphs
        .into_iter()
        .filter(|p| p.link_density() <= 0.5 && (p.heading || p.chars >= 40))
        .collect();
    let mut i = kept.len();
    while i > 0 {
        i -= 1;
        if kept[i].heading && kept.get(i + 1).is_none_or(|next| next.heading) {
            kept.remove(i);
        }
    }
    kept
}

/// Words that open a byline: "By NAME", "Von NAME", "Par NAME".
const BYLINE_OPENERS: &[&str] = &["by", "von", "par", "por", "door"];

/// A byline: "By Clara Whitcombe, Middle East correspondent", "Von Jana Oberhäuser". The name
/// after the opener is capitalised, and the line is short and no sentence (a sentence that
/// starts "By Friday, ..." ends with a full stop).
pub(super) fn is_byline(text: &str) -> bool {
    if text.len() > 240 {
        return false;
    }
    let mut words = text.split_whitespace();
    let (Some(opener), Some(name)) = (words.next(), words.next()) else {
        return false;
    };
    let count = 2 + words.count();
    BYLINE_OPENERS.contains(&opener.to_lowercase().as_str())
        && name.chars().next().is_some_and(char::is_uppercase)
        && count <= 20
        && (count <= 4
            || !text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{201c}']))
}

/// Month and weekday names and abbreviations (English, German, French, Spanish), lower-case.
const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "jänner",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "mai",
    "okt",
    "dez",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// Words around a date in a dateline or timestamp that are no sentence: labels, clock words and
/// "7 min read".
const DATELINE_WORDS: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "first",
    "last",
    "modified",
    "stand",
    "aktualisiert",
    "veröffentlicht",
    "erstellt",
    "zuletzt",
    "am",
    "um",
    "uhr",
    "at",
    "on",
    "le",
    "à",
    "mis",
    "jour",
    "publié",
    "actualizado",
    "publicado",
    "el",
    "de",
    "time",
    "local",
    "read",
    "reading",
    "min",
    "mins",
    "minute",
    "minutes",
    "lesezeit",
    "a.m",
    "p.m",
    "am",
    "pm",
    "h",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "mez",
    "mesz",
    "eet",
    "eest",
    "wet",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "msk",
    "eat",
    "wat",
    "cat",
    "ist",
    "pkt",
    "irst",
    "aest",
    "jst",
    "kst",
    "sast",
];

/// A paragraph that is only a date or time with labels and perhaps a place or zone: "3 January
/// 2024, 19:10 Tehran time", "Stand: 26.12.2023 14:45 Uhr", "Updated March 23, 2024 11:02 PM
/// GMT+3". It must name a month or give a numeric date or a clock time; other words may be
/// labels and at most two capitalised ones (a place), no lower-case word of a sentence.
pub(super) fn is_dateline(text: &str) -> bool {
    if text.len() > 120 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut evidence = false;
    let mut names = 0usize;
    let mut words = 0usize;
    for raw in text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '–' | '—' | '/' | '(' | ')' | ';')
    }) {
        let w = raw.trim_matches(|c: char| matches!(c, ':' | '.' | '-' | '[' | ']'));
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 16 {
            return false;
        }
        let lower = w.to_lowercase();
        let month = CALENDAR_WORDS.contains(&lower.as_str());
        if month || is_numeric_date(w) || is_clock_time(&lower) {
            evidence = true;
            continue;
        }
        if WEEKDAYS.contains(&lower.as_str())
            || DATELINE_WORDS.contains(&lower.as_str())
            || is_number(&lower)
            || is_zone_offset(&lower)
        {
            continue;
        }
        if w.chars().next().is_some_and(char::is_uppercase) && names < 2 {
            names += 1;
            continue;
        }
        return false;
    }
    evidence
}

/// "2024", "3rd", "25."
fn is_number(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 4 && matches!(&w[digits..], "" | "st" | "nd" | "rd" | "th" | "er" | "e")
}

/// "26.12.2023", "2024-01-03", "03/01/2024"
fn is_numeric_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['.', '-', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

/// "19:10", "9.30pm", "7:45", "10:15:00"
fn is_clock_time(w: &str) -> bool {
    let w = w
        .trim_end_matches("a.m")
        .trim_end_matches("p.m")
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches('h');
    let parts: Vec<&str> = w.split([':', '.']).collect();
    match parts.as_slice() {
        [h, m] | [h, m, _] => {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// "gmt+3", "+01:00", "utc+5:30"
fn is_zone_offset(w: &str) -> bool {
    let rest = w
        .strip_prefix("gmt")
        .or_else(|| w.strip_prefix("utc"))
        .unwrap_or(w);
    let Some(rest) = rest.strip_prefix(['+', '-', '\u{2212}']) else {
        return false;
    };
    !rest.is_empty() && rest.len() <= 5 && rest.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// Phrases of the editors' notes at the foot of developing stories.
const UPDATE_NOTES: &[&str] = &[
    "will update this story",
    "will update this article",
    "this story will be updated",
    "this article will be updated",
    "this is a developing story",
    "this story is developing",
    "this story has been updated",
    "this article has been updated",
    "dieser artikel wird aktualisiert",
    "dieser artikel wird laufend aktualisiert",
];

/// A wire credit or an editors' note at the foot of a story: "(Reporting by ...; Editing by
/// ...)", "This story will be updated."
fn is_footnote(text: &str) -> bool {
    if text.len() > 300 {
        return false;
    }
    let lower = text.to_lowercase();
    let credit = text.starts_with('(')
        && text.ends_with(')')
        && [
            "reporting by",
            "writing by",
            "editing by",
            "compiled by",
            "mit material von",
        ]
        .iter()
        .any(|k| lower.contains(k));
    credit || (text.len() <= 160 && UPDATE_NOTES.iter().any(|k| lower.contains(k)))
}

/// Drop bylines and bare datelines at the start and end of the text, a repeat of the headline
/// at the top and wire credits and editors' notes at the foot.
pub(super) fn trim_metadata(mut paragraphs: Vec<Paragraph>, title: Option<&str>) -> Vec<Paragraph> {
    let title = title.map(comparable).filter(|t| !t.is_empty());
    let lead = paragraphs
        .iter()
        .take(6)
        .take_while(|p| {
            is_byline(&p.text)
                || is_dateline(&p.text)
                || title.as_deref().is_some_and(|t| comparable(&p.text) == t)
        })
        .count();
    paragraphs.drain(..lead);
    let tail = paragraphs
        .iter()
        .rev()
        .take(4)
        .take_while(|p| is_byline(&p.text) || is_dateline(&p.text) || is_footnote(&p.text))
        .count();
    paragraphs.truncate(paragraphs.len() - tail);
    paragraphs
}

/// Paragraphs joined by a blank line.
pub(super) fn join(paragraphs: &[Paragraph]) -> String {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.text.len() + 2).sum());
    for p in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&p.text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_splits_blocks() {
        let mut b = Builder::default();
        b.start_block(false);
        b.push_text("  One\u{a0} two\n\tthree ", false);
        b.push_text("four", true);
        b.end_block();
        b.start_block(true);
        b.push_text("Head", false);
        b.line_break();
        b.push_text(" line\u{200b}two ", false);
        let ps = b.finish();
        assert_eq!(ps[0].text, "One two three four");
        assert_eq!(ps[0].link_chars, 4);
        assert_eq!(ps[1].text, "Head\nlinetwo");
        assert!(ps[1].heading);
    }

    fn p(t: &str) -> Paragraph {
        Paragraph {
            text: t.into(),
            link_chars: 0,
            chars: t.chars().count(),
            heading: false,
        }
    }

    #[test]
    fn bylines() {
        for yes in [
            "By Clara Whitcombe, Middle East correspondent",
            "by Idil Warsame",
            "Von Jana Oberhäuser, Redaktion Nordrhein-Westfalen",
            "By Baltic Wire staff | March 23, 2024 10:15 PM GMT+3",
            "BY JANE DOE",
        ] {
            assert!(is_byline(yes), "{yes}");
        }
        for no in [
            "By Wednesday evening, the toll had risen to more than 100.",
            "Von den 30 Verletzten sind noch fünf im Krankenhaus",
            "Von Berlin aus fuhr der Zug weiter nach Köln, wie die Bahn mitteilte.",
            "By and large, the protests were peaceful",
            "Byline",
            "The minister spoke by phone.",
        ] {
            assert!(!is_byline(no), "{no}");
        }
    }

    #[test]
    fn datelines() {
        for yes in [
            "3 January 2024, 19:10 Tehran time",
            "Stand: 26.12.2023 14:45 Uhr",
            "Updated March 23, 2024 11:02 PM GMT+3",
            "Published March 26, 2024 at 7:45 a.m. EDT",
            "Thursday, 4 January 2024",
            "August 5, 2024",
            "2024-01-03 19:10",
            "27 March 2024 · 7 min read",
            "4 January 2024, 9.30pm",
        ] {
            assert!(is_dateline(yes), "{yes}");
        }
        for no in [
            "On 3 January 2024, Iran mourned the dead.",
            "The toll stood at 137 on Sunday.",
            "March",
            "In March 2024 the court met again to hear the case",
            "Officials said 42 people were taken to hospital at 19:10 on Monday",
            "Kyiv rejected any suggestion of involvement.",
        ] {
            assert!(!is_dateline(no), "{no}");
        }
    }

    #[test]
    fn trims_metadata_at_both_ends() {
        let out = trim_metadata(
            vec![
                p("Big News"),
                p("By Ann Lee, Berlin"),
                p("3 January 2024, 19:10 CET"),
                p("Body one."),
                p("By the evening, the streets were quiet."),
                p("Body two."),
                p("(Reporting by Ann Lee; Editing by Tom Roe)"),
                p("This story will be updated."),
                p("Updated 4 January 2024"),
            ],
            Some("big news"),
        );
        assert_eq!(
            join(&out),
            "Body one.\n\nBy the evening, the streets were quiet.\n\nBody two."
        );
        // Only metadata: nothing is left, which the caller reports as no article.
        assert!(trim_metadata(vec![p("By Ann Lee")], None).is_empty());
    }

    #[test]
    fn drops_furniture_and_repeated_headline() {
        let out = clean(
            vec![
                p("Big  News"),
                p("Advertisement"),
                p("Body."),
                p("Big News"),
            ],
            Some("big news"),
        );
        assert_eq!(join(&out), "Body.\n\nBig News");
    }
}
