//! Time-expression extraction and TIMEX3 normalisation, anchored on the document creation time.
//!
//! The text is tokenised once; at each token whose rule-table meaning can start a time
//! expression, a small grammar (`grammar`) tries its patterns and keeps the longest match. Values
//! are resolved against the document date with the sentence's tense deciding the direction
//! ("said on Friday" is the Friday before, "will meet on Friday" the one after).

mod calendar;
mod grammar;

pub use calendar::{interval, is_valid_value};

use crate::rules::{self, Lex, Word};
use crate::sentence;
use crate::token::{self, Kind, Tok};
use chrono::NaiveDate;
use dossier_core::annotation::{Sentence, TimeExpression};
use dossier_core::Span;

/// Direction a sentence talks in, used to resolve "Friday", "in March", "the weekend".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// Extract and normalise the time expressions of `text` (English rules).
pub fn extract(text: &str, dct: Option<NaiveDate>) -> Vec<TimeExpression> {
    extract_with_sentences(text, dct, "en").1
}

/// Sentences and time expressions of `text`, with each expression's sentence index set.
pub fn extract_with_sentences(
    text: &str,
    dct: Option<NaiveDate>,
    language: &str,
) -> (Vec<Sentence>, Vec<TimeExpression>) {
    let lexicon = rules::lexicon(language);
    let toks = token::tokenize(text, lexicon);
    let sents = sentence::split(text, &toks);
    let finance = toks.iter().any(|t| matches!(t.lex, Some(Lex::Unit(rules::Unit::Quarter, _))));
    let mut out = Vec::new();
    let mut sentences = Vec::with_capacity(sents.len());
    for (si, &(s, e)) in sents.iter().enumerate() {
        let span = Span::new(toks[s].start, toks[e - 1].end);
        sentences.push(Sentence { span });
        // Only sentences with a candidate token are worth a tense scan and a grammar pass.
        if !toks[s..e].iter().any(is_trigger) {
            continue;
        }
        let tense = tense_of(text, &toks[s..e]);
        let g = grammar::Grammar { text, toks: &toks, lexicon, dct, tense, finance, end: e };
        let mut i = s;
        while i < e {
            if !is_trigger(&toks[i]) {
                i += 1;
                continue;
            }
            match g.match_at(i) {
                Some(m) if m.end > i => {
                    let start = toks[i].start;
                    let end = toks[m.end - 1].end;
                    let (earliest, latest) = interval(&m.value, m.modifier, dct);
                    out.push(TimeExpression {
                        span: Span::new(start, end),
                        text: text[start..end].to_string(),
                        kind: m.kind,
                        value: m.value,
                        modifier: m.modifier.map(str::to_string),
                        earliest,
                        latest,
                        anchored: m.anchored,
                        sentence: si,
                    });
                    i = m.end;
                }
                _ => i += 1,
            }
        }
    }
    (sentences, out)
}

fn is_trigger(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Word => match t.lex {
            None | Some(Lex::FutureMarker) => false,
            Some(Lex::Word(w)) => !matches!(
                w,
                Word::Of | Word::Or | Word::And | Word::To | Word::So | Word::Than | Word::Ordinal | Word::Zone
            ),
            Some(_) => true,
        },
        Kind::Punct(p) => p == b'\'',
    }
}

/// Tense of a sentence from its verbs and markers: future markers win, then past-tense forms.
fn tense_of(text: &str, toks: &[Tok]) -> Tense {
    let mut past = false;
    for t in toks {
        if t.kind != Kind::Word {
            continue;
        }
        if t.lex == Some(Lex::FutureMarker) {
            return Tense::Future;
        }
        if past {
            continue;
        }
        let w = &text[t.start..t.end];
        if w.len() > 3 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ed") && !t.cap {
            past = true;
        } else if PAST_FORMS.iter().any(|p| p.eq_ignore_ascii_case(w)) {
            past = true;
        }
    }
    if past {
        Tense::Past
    } else {
        Tense::Present
    }
}

const PAST_FORMS: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "went", "came", "made", "took", "gave", "got", "left", "met",
    "saw", "began", "began", "fell", "rose", "won", "lost", "paid", "sold", "bought", "held", "led", "hit", "ran",
    "set", "put", "cut", "shot", "fled", "spoke", "wrote", "became", "brought", "thought", "found", "felt",
    "kept", "struck", "broke", "flew", "grew", "drew", "knew", "ago", "earlier", "yesterday", "last",
];
