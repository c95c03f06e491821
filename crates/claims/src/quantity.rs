//! Quantities in news text: numbers in digits and words, ranges ("between 1,500 and 6,000"),
//! bounds ("at least 133", "up to 20"), hedges ("about 40", "nearly"), vague plurals ("dozens",
//! "hundreds of people"), money ("$100 million", "€2 billion"), percentages, and the counted
//! thing ("21 attacks", "the number of ISPK members varies between …").
//!
//! Bounds are inclusive approximations: "more than 140" gives `min = 140` (the exclusive 141 is
//! not what a reader means either), "fewer than 2,000" gives `max = 2000`. Vague plurals give a
//! lower bound only: "dozens" ≥ 24, "scores of" ≥ 40, "hundreds" ≥ 200, "thousands" ≥ 2,000,
//! "tens of thousands" ≥ 20,000; "several hundred" ≥ 300, "a few hundred" ≥ 200.
//!
//! Not quantities: numbers inside the `exclude` spans (time expressions), ordinals ("21st"),
//! decades ("1990s"), times ("10:57", "5 p.m."), dates next to a month name ("March 22"), bare
//! years ("in 2015", "the 2015 attacks"), versions ("1.2.3"), labels ("Article 5", "Flight
//! 752", "F-16", "G7", "COVID-19"), hyphenated modifiers ("10-year-old"), "one" as a pronoun
//! ("one of them", "the one", "no one"), and "a"/"an" unless with a scale ("a dozen").
//!
//! The scanner works on its own small tokenizer (`token`) and word lists (`words`); it never
//! panics and every span is a byte range on char boundaries of the input.

mod token;
mod words;

use dossier_core::annotation::Sentence;
use dossier_core::claims::Quantity;
use dossier_core::span::Span;
use token::{parse_digits, tokenize, Kind, Tok};
use words::Bound;

/// All quantities in `text`. `sentences` give each quantity's sentence index (0 if empty);
/// numbers inside `exclude` spans (time expressions: "2015", "March 25") are not quantities.
pub fn quantities(text: &str, sentences: &[Sentence], exclude: &[Span]) -> Vec<Quantity> {
    let toks = tokenize(text);
    let blocked = blocked_tokens(&toks, exclude);
    let cx = Cx {
        text,
        toks: &toks,
        blocked: &blocked,
        sentences,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cx.quantity_at(i) {
            Some((q, next)) => {
                out.push(q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Where a quantity's words end: after its counted noun when that follows the number ("170
/// Afghans"), else after the number.
pub(crate) fn end_with_counted(q: &Quantity) -> usize {
    q.counted_span.map_or(q.span.end, |c| c.end.max(q.span.end))
}

/// A number written in digits or words: "1,500", "6.000" (German thousands), "21", "twenty-one",
/// "a dozen", "three hundred", "2.5 million" → Some(value).
pub fn parse_number(s: &str) -> Option<f64> {
    let toks = tokenize(s);
    let blocked = vec![false; toks.len()];
    let cx = Cx {
        text: s,
        toks: &toks,
        blocked: &blocked,
        sentences: &[],
    };
    let n = cx.number_at(0)?;
    (n.end == toks.len() && !n.vague).then_some(n.value)
}

/// Marks tokens that overlap an excluded span.
fn blocked_tokens(toks: &[Tok], exclude: &[Span]) -> Vec<bool> {
    let mut spans: Vec<(usize, usize)> = exclude
        .iter()
        .filter(|s| s.start < s.end)
        .map(|s| (s.start, s.end))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    toks.iter()
        .map(|t| {
            // First merged span ending after the token's start.
            let k = merged.partition_point(|&(_, e)| e <= t.start);
            merged.get(k).is_some_and(|&(s, _)| s < t.end)
        })
        .collect()
}

/// A parsed number: its value (the lower bound when vague) and where it ends.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// Token index after the number.
    end: usize,
    /// "dozens", "hundreds", "several hundred": `value` is a lower bound.
    vague: bool,
    /// Written in digits.
    digits: bool,
    /// The scale word multiplied in ("million"), for sharing across a range ("2 to 3 million").
    scaled: Option<f64>,
    /// Four digits, no separators, 1000–2100: could be a year.
    year_like: bool,
    /// A unit glued to the digits ("10km").
    unit: Option<&'static str>,
    /// The word "one" alone.
    bare_one: bool,
}

/// The scanning context.
struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    blocked: &'a [bool],
    sentences: &'a [Sentence],
}

/// Determiners and prepositions before a year used as a modifier or a date: "the 2015 attacks",
/// "in 2015".
fn is_year_context(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "from"
            | "during"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
            | "that"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "year"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "through"
            | "throughout"
            | "to"
            | "and"
    )
}

impl<'a> Cx<'a> {
    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// The lowercased word at `i`, if that token is a word.
    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The original text of token `i`.
    fn raw(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Token `j` starts right where token `i` ends (no space between).
    fn adjacent(&self, i: usize, j: usize) -> bool {
        match (self.tok(i), self.tok(j)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn is_blocked(&self, i: usize) -> bool {
        self.blocked.get(i).copied().unwrap_or(false)
    }

    fn sentence_of(&self, byte: usize) -> usize {
        if self.sentences.is_empty() {
            return 0;
        }
        let k = self.sentences.partition_point(|s| s.span.end <= byte);
        k.min(self.sentences.len() - 1)
    }

    /// A bound or hedge modifier starting at `i`: its kind and the index after it.
    fn modifier_at(&self, i: usize) -> Option<(Bound, usize)> {
        let first = self.word(i)?;
        for (seq, bound) in words::MODIFIERS {
            if seq.first() != Some(&first) {
                continue;
            }
            if seq.iter().enumerate().all(|(k, w)| self.is_word(i + k, w)) {
                let mut next = i + seq.len();
                // "approx." and "c." take a full stop.
                if seq == &["approx"] && self.tok(next).is_some_and(|t| t.is_punct('.')) {
                    next += 1;
                }
                return Some((*bound, next));
            }
        }
        None
    }

    /// A currency written before the number at `i`: "$", "€", "US$", "USD".
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Punct(c) => words::currency_symbol(c).map(|u| (u, i + 1)),
            Kind::Word => {
                let raw = self.raw(i);
                let code = words::currency_code(raw)?;
                if raw == "US" {
                    let next = self.tok(i + 1)?;
                    (next.is_punct('$') && self.adjacent(i, i + 1)).then_some((code, i + 2))
                } else {
                    (self.tok(i + 1)?.kind == Kind::Num).then_some((code, i + 1))
                }
            }
            Kind::Num => None,
        }
    }

    /// A number at token `i`, in digits, words or as a vague plural.
    fn number_at(&self, i: usize) -> Option<Num> {
        let t = self.tok(i)?;
        let n = match t.kind {
            Kind::Num => self.digits_at(i)?,
            Kind::Word => self.words_at(i)?,
            Kind::Punct(_) => return None,
        };
        if (i..n.end).any(|k| self.is_blocked(k)) {
            return None;
        }
        Some(n)
    }

    fn digits_at(&self, i: usize) -> Option<Num> {
        let raw = self.raw(i);
        let mut value = parse_digits(raw)?;
        let mut n = Num {
            value,
            end: i + 1,
            vague: false,
            digits: true,
            scaled: None,
            year_like: raw.len() == 4
                && raw.bytes().all(|b| b.is_ascii_digit())
                && (1000.0..=2100.0).contains(&value),
            unit: None,
            bare_one: false,
        };
        if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word) && self.adjacent(i, i + 1) {
            // Letters glued to the digits: a scale ("2bn"), a unit ("10km"), or not a
            // quantity at all ("21st", "1990s", "3D").
            let w = self.word(i + 1).unwrap_or("");
            if let Some(s) = words::glued_scale(w) {
                value *= s;
                n.scaled = Some(s);
                n.year_like = false;
            } else if let Some(u) = words::glued_unit(w) {
                n.unit = Some(u);
            } else {
                return None;
            }
            n.end = i + 2;
        } else {
            let mut k = i + 1;
            while let Some(s) = self.word(k).and_then(words::scale) {
                value *= s;
                n.scaled = Some(n.scaled.unwrap_or(1.0) * s);
                n.year_like = false;
                k += 1;
            }
            n.end = k;
        }
        n.value = value;
        value.is_finite().then_some(n)
    }

    fn words_at(&self, i: usize) -> Option<Num> {
        let w = self.word(i)?;
        let vague = |value: f64, end: usize| Num {
            value,
            end,
            vague: true,
            digits: false,
            scaled: None,
            year_like: false,
            unit: None,
            bare_one: false,
        };
        // "several hundred", "a few dozen", "many thousands".
        let (few, after_few) = match w {
            "several" => (Some(3.0), i + 1),
            "a" if self.is_word(i + 1, "few") => (Some(2.0), i + 2),
            "many" => (Some(2.0), i + 1),
            _ => (None, i),
        };
        if let Some(k) = few {
            let s = self.word(after_few).and_then(|next| match next {
                "dozen" => Some(12.0),
                "thousands" | "millions" if w == "many" => words::scale(next.trim_end_matches('s')),
                other => words::scale(other),
            })?;
            return Some(vague(k * s, after_few + 1));
        }
        // "dozens", "hundreds", "tens of thousands", "hundreds of millions".
        if let Some(v) = words::vague_plural(w) {
            let of_next = self.is_word(i + 1, "of");
            let bigger = self
                .word(i + 2)
                .filter(|_| of_next)
                .and_then(|w2| match w2 {
                    "thousands" => Some(1e3),
                    "millions" => Some(1e6),
                    "billions" => Some(1e9),
                    _ => None,
                })
                .filter(|s| *s > v);
            if let Some(s) = bigger {
                return Some(vague(v * s, i + 3));
            }
            if matches!(w, "tens" | "scores") && !of_next {
                return None;
            }
            return Some(vague(v, i + 1));
        }
        self.word_sequence(i)
    }

    /// "twenty-one", "three hundred", "a dozen", "two million", "one hundred and fifty".
    fn word_sequence(&self, i: usize) -> Option<Num> {
        #[derive(Clone, Copy, PartialEq)]
        enum Last {
            Start,
            Article,
            Small,
            Tens,
            Hundred,
            Big,
            And,
        }
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last = Last::Start;
        let mut k = i;
        let mut parts = 0;
        let mut scaled = None;
        if matches!(self.word(i), Some("a" | "an")) {
            current = 1.0;
            last = Last::Article;
            k += 1;
        }
        while let Some(w) = self.word(k) {
            if let Some(v) = words::word_number(w) {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Big | Last::And => true,
                    Last::Tens => v < 10.0,
                    Last::Article | Last::Small => false,
                };
                if !ok {
                    break;
                }
                let simple_tens = v >= 20.0 && v % 10.0 == 0.0 && !w.contains(['-', '‑']);
                current += v;
                last = if simple_tens { Last::Tens } else { Last::Small };
            } else if w == "hundred" {
                if !matches!(last, Last::Article | Last::Small | Last::Tens) {
                    break;
                }
                current *= 100.0;
                last = Last::Hundred;
                scaled = Some(100.0);
            } else if w == "dozen" {
                if !matches!(last, Last::Article | Last::Small | Last::Tens) {
                    break;
                }
                current *= 12.0;
                last = Last::Big;
                k += 1;
                parts += 1;
                break;
            } else if let Some(s) = words::scale(w) {
                if !matches!(
                    last,
                    Last::Article | Last::Small | Last::Tens | Last::Hundred
                ) {
                    break;
                }
                total += current * s;
                current = 0.0;
                last = Last::Big;
                scaled = Some(s);
            } else if w == "and"
                && matches!(last, Last::Hundred | Last::Big)
                && self.word(k + 1).and_then(words::word_number).is_some()
            {
                last = Last::And;
            } else {
                break;
            }
            k += 1;
            parts += 1;
        }
        if parts == 0 || last == Last::Article || last == Last::And {
            return None;
        }
        let bare_one = parts == 1 && self.is_word(i, "one");
        Some(Num {
            value: total + current,
            end: k,
            vague: false,
            digits: false,
            scaled,
            year_like: false,
            unit: None,
            bare_one,
        })
    }

    /// The digits of a number are part of a time, date, label or compound: not a quantity.
    fn digits_unusable(&self, i: usize, n: &Num, first_of_quantity: bool, second: bool) -> bool {
        let prev = i.checked_sub(1);
        if let Some(p) = prev.filter(|&p| self.adjacent(p, i)) {
            let pt = &self.toks[p];
            match pt.kind {
                // "G7" is one word; "v2" too; here: a word glued before the digits.
                Kind::Word => return true,
                Kind::Punct(':' | '/' | '#' | '.') => return true,
                _ if pt.is_dash() => {
                    // "F-16", "mid-2023", "COVID-19", "2015-12-21"; but "1,500-6,000" is a
                    // range (checked as its second number).
                    if let Some(pp) = p.checked_sub(1) {
                        let ppk = self.toks[pp].kind;
                        if self.adjacent(pp, p)
                            && (ppk == Kind::Word || (ppk == Kind::Num && !second))
                        {
                            return true;
                        }
                    }
                }
                // "[902]": a reference mark.
                Kind::Punct('[')
                    if self.tok(n.end).is_some_and(|t| t.is_punct(']'))
                        && self.adjacent(n.end - 1, n.end) =>
                {
                    return true
                }
                _ => {}
            }
        }
        let last = n.end.saturating_sub(1);
        if let Some(nt) = self.tok(i + 1).filter(|_| self.adjacent(i, i + 1)) {
            if matches!(nt.kind, Kind::Punct(':' | '/'))
                && self.adjacent(i + 1, i + 2)
                && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
            {
                return true;
            }
        }
        // "5 p.m.", "10 am", "1500 GMT".
        match self.word(last + 1) {
            Some("am" | "pm" | "gmt" | "utc" | "hrs" | "o'clock" | "o’clock") => return true,
            Some("a" | "p")
                if self.tok(last + 2).is_some_and(|t| t.is_punct('.'))
                    && self.is_word(last + 3, "m") =>
            {
                return true
            }
            _ => {}
        }
        // A date next to a month name: "March 22", "Aug. 7", "22 March", "March 2024",
        // "7, 2017".
        let month_before = |p: usize| self.word(p).is_some_and(words::is_month);
        let date_before = prev.is_some_and(|p| {
            month_before(p)
                || (self.tok(p).is_some_and(|t| t.is_punct('.'))
                    && p.checked_sub(1).is_some_and(month_before))
                || (n.year_like
                    && self.tok(p).is_some_and(|t| t.is_punct(','))
                    && p.checked_sub(1)
                        .and_then(|pp| self.tok(pp))
                        .is_some_and(|t| t.kind == Kind::Num))
        });
        if date_before || (n.value <= 31.0 && self.word(n.end).is_some_and(words::is_month)) {
            return true;
        }
        // "Article 5", "No. 3", "Flight 752".
        if first_of_quantity {
            if let Some(p) = prev {
                if self.word(p).is_some_and(words::is_label) {
                    return true;
                }
                if self.tok(p).is_some_and(|t| t.is_punct('.'))
                    && p.checked_sub(1)
                        .and_then(|pp| self.word(pp))
                        .is_some_and(|w| matches!(w, "no" | "nr" | "vol" | "art"))
                {
                    return true;
                }
            }
        }
        false
    }

    /// A quantity starting at token `i`, and the token index after it.
    fn quantity_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let (bound, j) = match self.modifier_at(i) {
            Some((b, j)) => (Some(b), j),
            None => (None, i),
        };
        let (mut unit, j1) = match self.currency_prefix(j) {
            Some((u, k)) => (Some(u), k),
            None => (None, j),
        };
        let n1 = self.number_at(j1)?;
        if n1.digits && self.digits_unusable(j1, &n1, bound.is_none() && unit.is_none(), false) {
            return None;
        }
        // "a"/"an" alone never reach here; "one" as a pronoun is checked below.
        let mut lo = n1.value;
        let mut hi: Option<f64> = None;
        let mut end = n1.end;
        let mut approximate = n1.vague || matches!(bound, Some(Bound::About));
        let mut all_year_like = n1.year_like;
        let mut bare_one = n1.bare_one;
        if let Some(unit_glued) = n1.unit {
            unit = Some(unit_glued);
        }

        // A range: "1,500 to 6,000", "1,500-6,000", "between X and Y", "two or three".
        if !n1.vague {
            if let Some(conn) = self.tok(end) {
                let is_and = conn.is_word("and") || conn.is_word("und");
                let is_to = conn.is_word("to");
                let is_dash = conn.is_dash();
                let is_or = conn.is_word("or");
                let ok_conn = match bound {
                    Some(Bound::Between) => is_and || is_to || is_dash,
                    Some(Bound::From) => is_to || is_dash,
                    _ => is_to || (is_dash && n1.digits) || is_or,
                };
                if ok_conn {
                    let mut k = end + 1;
                    let mut unit2 = None;
                    if let Some((u, kk)) = self.currency_prefix(k) {
                        unit2 = Some(u);
                        k = kk;
                    }
                    if let Some(n2) = self.number_at(k).filter(|n2| {
                        !n2.vague
                            && (!is_dash || n2.digits)
                            && (!is_or || n2.digits == n1.digits)
                            && (!n2.digits || !self.digits_unusable(k, n2, false, is_dash))
                    }) {
                        let mut a = n1.value;
                        if let (None, Some(s)) = (n1.scaled, n2.scaled) {
                            if a * s <= n2.value {
                                a *= s;
                            }
                        }
                        if n2.value >= a {
                            lo = a;
                            hi = Some(n2.value);
                            end = n2.end;
                            all_year_like &= n2.year_like;
                            bare_one = false;
                            approximate |= is_or;
                            if unit.is_none() {
                                unit = unit2.or(n2.unit);
                            }
                        }
                    }
                }
            }
        }
        if hi.is_none() && matches!(bound, Some(Bound::Between | Bound::From)) {
            return None;
        }
        if hi.is_none() && n1.bare_one && bound.is_some() {
            bare_one = false;
        }

        // A unit after the number: "%", "percent", "per cent", "dollars", "km", "years".
        let mut unit_owned: Option<String> = unit.map(str::to_string);
        if let Some(t) = self.tok(end) {
            if t.is_punct('%') || t.is_punct('٪') {
                unit_owned = Some("percent".into());
                end += 1;
            } else if let Some(w) = self.word(end) {
                if matches!(w, "percent" | "pct" | "prozent") {
                    unit_owned = Some("percent".into());
                    end += 1;
                } else if w == "per" && self.is_word(end + 1, "cent") {
                    unit_owned = Some("percent".into());
                    end += 2;
                } else if w == "percentage" && self.is_word(end + 1, "points") {
                    unit_owned = Some("percentage_points".into());
                    end += 2;
                } else if unit_owned.is_none() {
                    // "5 dollars", "10 km"; after a vague number only money: "several
                    // million dollars", "millions of dollars".
                    let of = usize::from(n1.vague && w == "of");
                    let unit_word = self.word(end + of).and_then(|w| {
                        words::currency_word(w)
                            .or_else(|| (!n1.vague).then(|| words::measure_unit(w)).flatten())
                    });
                    if let Some(u) = unit_word {
                        if !self.is_blocked(end + of) {
                            unit_owned = Some(u.into());
                            end += 1 + of;
                        }
                    }
                }
            }
        }

        // A hyphenated modifier: "10-year-old", "three-day" (one word), "1,500-strong force".
        let mut counted_from = end;
        if let (Some(d), Some(w)) = (self.tok(end), self.word(end + 1)) {
            if d.is_dash() && self.adjacent(end - 1, end) && self.adjacent(end, end + 1) {
                if w == "strong" {
                    counted_from = end + 2;
                } else {
                    return None;
                }
            }
        }

        // The counted thing.
        let is_percent = unit_owned
            .as_deref()
            .is_some_and(|u| u.starts_with("percent"));
        let is_measure = unit_owned
            .as_deref()
            .is_some_and(|u| !is_percent_unit(u) && !is_currency_unit(u));
        let singular = hi.is_none() && lo == 1.0;
        let mut counted = None;
        if !is_percent && !is_measure {
            let allow_of = unit_owned.is_none();
            counted = self.counted_after(counted_from, singular, allow_of, bare_one);
            if counted.is_none() && unit_owned.is_none() {
                counted = self.counted_before(if bound.is_some() { i } else { j1 });
            }
        }

        // "one" as a pronoun: "one of them", "the one", "no one", "one another".
        if bare_one {
            let prev_pronoun = i
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(words::is_pronoun_one_context);
            if prev_pronoun || counted.is_none() {
                return None;
            }
        }
        // Years: "in 2015", "the 2015 attacks", "2015-2017".
        if all_year_like && unit_owned.is_none() {
            let ctx_year = i
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(is_year_context);
            let plural = counted.is_some_and(|(_, plural)| plural);
            if ctx_year || !plural {
                return None;
            }
        }

        // Bounds.
        let (min, max) = match (bound, hi) {
            (_, Some(h)) => (Some(lo), Some(h)),
            _ if n1.vague => match bound {
                Some(Bound::Max) => (None, None),
                _ => (Some(lo), None),
            },
            (Some(Bound::Min), None) => (Some(lo), None),
            (Some(Bound::Max), None) => (None, Some(lo)),
            _ => (Some(lo), Some(lo)),
        };
        if matches!(bound, Some(Bound::About)) {
            approximate = true;
        }

        let start = self.tok(i)?.start;
        let end_byte = self.tok(end.checked_sub(1)?)?.end;
        let span = Span::new(start, end_byte.max(start));
        let text = self
            .text
            .get(span.start..span.end)
            .unwrap_or("")
            .to_string();
        let (counted, counted_span) = match counted.and_then(|(k, _)| self.tok(k)) {
            Some(t) => (
                self.text.get(t.start..t.end).map(str::to_string),
                Some(Span::new(t.start, t.end)),
            ),
            None => (None, None),
        };
        let q = Quantity {
            span,
            text,
            min,
            max,
            approximate,
            unit: unit_owned,
            counted,
            counted_span,
            sentence: self.sentence_of(start),
        };
        Some((q, end))
    }

    /// The head noun of the phrase after a number: "21 attacks", "nine different countries",
    /// "hundreds of people", "two suspected ISPK members". Returns the token index and
    /// whether it looks plural.
    fn counted_after(
        &self,
        from: usize,
        singular: bool,
        allow_of: bool,
        bare_one: bool,
    ) -> Option<(usize, bool)> {
        let mut k = from;
        if allow_of && !bare_one && self.is_word(k, "of") {
            k += 1;
            match self.word(k) {
                Some("the" | "its" | "their" | "his" | "her" | "our" | "these" | "those") => k += 1,
                Some("them" | "us" | "whom" | "which" | "it" | "you") => return None,
                _ => {}
            }
        }
        self.head_noun(k, singular)
    }

    /// The head noun of a noun phrase starting at `k`.
    fn head_noun(&self, mut k: usize, singular: bool) -> Option<(usize, bool)> {
        let mut cand: Option<usize> = None;
        for step in 0..5 {
            let Some(w) = self.word(k) else { break };
            // "U.S.", "U.N.": an abbreviation used as a modifier.
            if w.chars().count() == 1
                && self.tok(k + 1).is_some_and(|t| t.is_punct('.'))
                && self.adjacent(k, k + 1)
            {
                k += 2;
                while self.word(k).is_some_and(|w| w.chars().count() == 1)
                    && self.tok(k + 1).is_some_and(|t| t.is_punct('.'))
                    && self.adjacent(k - 1, k)
                {
                    k += 2;
                }
                continue;
            }
            if words::is_stop(w)
                || words::word_number(w).is_some()
                || words::scale(w).is_some()
                || words::vague_plural(w).is_some()
            {
                break;
            }
            let raw = self.raw(k);
            let acronym = raw.chars().filter(|c| c.is_alphabetic()).count() > 1
                && raw
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            if words::is_skipped_adjective(w) && cand.is_none() {
                k += 1;
                continue;
            }
            let plural = !acronym && words::looks_plural(w);
            if plural {
                if !singular {
                    return Some((k, true));
                }
                // "one police officer": a plural-looking word is a modifier or, after the
                // noun, a verb ("one person dies").
                if cand.is_some() {
                    break;
                }
                cand = Some(k);
                k += 1;
                continue;
            }
            if (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4 {
                if step == 0 && cand.is_none() {
                    k += 1;
                    continue;
                }
                break;
            }
            cand = Some(k);
            k += 1;
        }
        cand.map(|c| (c, false))
    }

    /// "the number of ISPK members varies between …": the noun of a preceding "number of X"
    /// in the same sentence.
    fn counted_before(&self, q: usize) -> Option<(usize, bool)> {
        let sent = self.sentence_of(self.tok(q)?.start);
        let lowest = q.saturating_sub(20);
        let mut k = q;
        while k > lowest {
            k -= 1;
            let t = self.tok(k)?;
            if matches!(t.kind, Kind::Punct('.' | '!' | '?' | ';'))
                || self.sentence_of(t.start) != sent
            {
                return None;
            }
            if t.is_word("number") && self.is_word(k + 1, "of") {
                let found = self.counted_after(k + 1, false, true, false)?;
                return (found.0 < q).then_some(found);
            }
        }
        None
    }
}

fn is_percent_unit(u: &str) -> bool {
    u.starts_with("percent")
}

fn is_currency_unit(u: &str) -> bool {
    matches!(u, "USD" | "EUR" | "GBP" | "RUB" | "AFN" | "INR" | "JPY")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let qs = quantities(text, &[], &[]);
        assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
        qs.into_iter().next().unwrap()
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1,500"), Some(1500.0));
        assert_eq!(parse_number("6.000"), Some(6000.0));
        assert_eq!(parse_number("21"), Some(21.0));
        assert_eq!(parse_number("twenty-one"), Some(21.0));
        assert_eq!(parse_number("twenty one"), Some(21.0));
        assert_eq!(parse_number("a dozen"), Some(12.0));
        assert_eq!(parse_number("two dozen"), Some(24.0));
        assert_eq!(parse_number("three hundred"), Some(300.0));
        assert_eq!(parse_number("one hundred and fifty"), Some(150.0));
        assert_eq!(parse_number("2.5 million"), Some(2.5e6));
        assert_eq!(parse_number("three hundred thousand"), Some(3e5));
        assert_eq!(parse_number("a million"), Some(1e6));
        assert_eq!(parse_number("a"), None);
        assert_eq!(parse_number("one two"), None);
        assert_eq!(parse_number("hundreds"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("21st"), None);
    }

    #[test]
    fn basic_forms() {
        let q = one("between 1,500 and 6,000 fighters");
        assert_eq!((q.min, q.max), (Some(1500.0), Some(6000.0)));
        assert_eq!(q.counted.as_deref(), Some("fighters"));
        let q = one("up to 20 people");
        assert_eq!((q.min, q.max), (None, Some(20.0)));
        let q = one("$100 million");
        assert_eq!(q.min, Some(1e8));
        assert_eq!(q.unit.as_deref(), Some("USD"));
        let q = one("one person was killed");
        assert_eq!(q.counted.as_deref(), Some("person"));
        assert!(quantities("one of them", &[], &[]).is_empty());
        assert!(quantities("On the one hand", &[], &[]).is_empty());
        assert!(quantities("at 10:57 a.m. on the 21st", &[], &[]).is_empty());
    }
}
