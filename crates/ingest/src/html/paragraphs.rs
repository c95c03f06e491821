//! Plain-text assembly: DOM text runs become paragraphs with collapsed whitespace, and lines that
//! are page furniture rather than article text are dropped.

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

    #[test]
    fn drops_furniture_and_repeated_headline() {
        let p = |t: &str| Paragraph {
            text: t.into(),
            link_chars: 0,
            chars: t.chars().count(),
            heading: false,
        };
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
