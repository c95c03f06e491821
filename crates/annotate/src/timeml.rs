//! TimeML (`.tml`) and TempEval-3 (`.TE3input`) files: read the DCT, the TEXT and its gold
//! TIMEX3 tags; write the file back with our TIMEX3 tags in the TEXT and everything else unchanged.

use crate::{timex, Error};
use chrono::NaiveDate;
use dossier_core::annotation::{TimeExpression, TimexType};
use dossier_core::Diagnostic;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A gold TIMEX3 tag inside TEXT, with its span in the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: Option<TimexType>,
    pub value: String,
    pub modifier: Option<String>,
}

/// One parsed TimeML document.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    /// The file as read.
    pub raw: String,
    /// Document creation date (from `<DCT><TIMEX3 value=...>`).
    pub dct: Option<NaiveDate>,
    /// Byte range of the TEXT element's content in `raw`.
    pub text_range: (usize, usize),
    /// TEXT content with every tag removed and entities decoded: what is annotated.
    pub plain: String,
    /// Gold TIMEX3 tags in TEXT.
    pub gold: Vec<GoldTimex>,
    /// TEXT content with the TIMEX3 tags removed (other tags kept), for writing back.
    stripped: String,
    /// For each plain byte, its start offset in `stripped`; one more entry for the end.
    map_start: Vec<usize>,
    /// For each plain byte, the offset in `stripped` just after its source.
    map_end: Vec<usize>,
}

/// Parse a TimeML document.
pub fn parse(raw: &str) -> Result<TimemlDoc, String> {
    let dct = find_dct(raw);
    let tag = raw
        .match_indices("<TEXT")
        .find(|(i, _)| {
            matches!(
                raw.as_bytes().get(i + 5),
                Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
            )
        })
        .map(|(i, _)| i)
        .ok_or("no <TEXT> element")?;
    let open = raw[tag..]
        .find('>')
        .map(|e| tag + e + 1)
        .ok_or("unclosed <TEXT> tag")?;
    let close = raw[open..]
        .find("</TEXT>")
        .map(|c| open + c)
        .ok_or("no </TEXT>")?;
    let inner = &raw[open..close];
    let mut plain = String::with_capacity(inner.len());
    let mut stripped = String::with_capacity(inner.len());
    let mut map_start = Vec::with_capacity(inner.len() + 1);
    let mut map_end = Vec::with_capacity(inner.len() + 1);
    let mut gold = Vec::new();
    let mut open_tags: Vec<GoldTimex> = Vec::new();
    let mut i = 0;
    let b = inner.as_bytes();
    while i < b.len() {
        match b[i] {
            b'<' => {
                let end = inner[i..].find('>').map_or(b.len(), |e| i + e + 1);
                let tag = &inner[i..end];
                if tag.starts_with("<TIMEX3") {
                    let attrs = parse_attrs(tag);
                    let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
                    let g = GoldTimex {
                        start: plain.len(),
                        end: plain.len(),
                        kind: get("type").and_then(|t| TimexType::parse(&t)),
                        value: get("value").unwrap_or_default(),
                        modifier: get("mod"),
                    };
                    if tag.ends_with("/>") {
                        gold.push(g);
                    } else {
                        open_tags.push(g);
                    }
                } else if tag.starts_with("</TIMEX3") {
                    if let Some(mut g) = open_tags.pop() {
                        g.end = plain.len();
                        gold.push(g);
                    }
                } else {
                    stripped.push_str(tag);
                }
                i = end;
            }
            b'&' => {
                let semi = inner[i..].find(';').filter(|&s| s <= 10).map(|s| i + s + 1);
                let decoded = semi.and_then(|s| decode_entity(&inner[i..s]));
                match (semi, decoded) {
                    (Some(s), Some(c)) => {
                        let st = stripped.len();
                        stripped.push_str(&inner[i..s]);
                        let mut buf = [0u8; 4];
                        for _ in 0..c.encode_utf8(&mut buf).len() {
                            map_start.push(st);
                            map_end.push(stripped.len());
                        }
                        plain.push(c);
                        i = s;
                    }
                    _ => {
                        map_start.push(stripped.len());
                        stripped.push('&');
                        map_end.push(stripped.len());
                        plain.push('&');
                        i += 1;
                    }
                }
            }
            _ => {
                let ch = inner[i..].chars().next().unwrap_or(' ');
                let st = stripped.len();
                stripped.push(ch);
                for _ in 0..ch.len_utf8() {
                    map_start.push(st);
                    map_end.push(stripped.len());
                }
                plain.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    map_start.push(stripped.len());
    map_end.push(stripped.len());
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(TimemlDoc {
        raw: raw.to_string(),
        dct,
        text_range: (open, close),
        plain,
        gold,
        stripped,
        map_start,
        map_end,
    })
}

fn find_dct(raw: &str) -> Option<NaiveDate> {
    let d = raw.find("<DCT>")?;
    let rest = &raw[d..];
    let v = rest.find("value=\"")? + "value=\"".len();
    let val = rest.get(v..v + 10)?;
    NaiveDate::parse_from_str(val, "%Y-%m-%d").ok()
}

fn parse_attrs(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_string();
        let after = &rest[eq + 2..];
        let Some(close) = after.find('"') else { break };
        out.push((key, unescape(&after[..close])));
        rest = &after[close + 1..];
    }
    out
}

fn decode_entity(e: &str) -> Option<char> {
    match e {
        "&amp;" => Some('&'),
        "&lt;" => Some('<'),
        "&gt;" => Some('>'),
        "&quot;" => Some('"'),
        "&apos;" => Some('\''),
        _ => {
            let n = e.strip_prefix("&#")?.strip_suffix(';')?;
            let code = match n.strip_prefix('x') {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

impl TimemlDoc {
    /// Annotate the plain TEXT with our rules.
    pub fn annotate(&self) -> Vec<TimeExpression> {
        timex::extract(&self.plain, self.dct)
    }

    /// The file with the gold TIMEX3 tags in TEXT replaced by `timexes` (spans in `plain`).
    /// Expressions whose tags would cross another element's tags are left out.
    pub fn write_with(&self, timexes: &[TimeExpression]) -> String {
        let mut text = String::with_capacity(self.stripped.len() + timexes.len() * 80);
        let mut pos = 0;
        // Our tids follow any TIMEX3 kept outside TEXT (the DCT is usually t0).
        let (o, c) = self.text_range;
        let mut tid = max_tid(&self.raw[..o])
            .max(max_tid(&self.raw[c..]))
            .map_or(1, |t| t + 1);
        for t in timexes {
            let (Some(&a), Some(&b)) = (
                self.map_start.get(t.span.start),
                t.span.end.checked_sub(1).and_then(|e| self.map_end.get(e)),
            ) else {
                continue;
            };
            if a < pos || b < a || !balanced(&self.stripped[a..b]) {
                continue;
            }
            text.push_str(&self.stripped[pos..a]);
            let _ = write!(
                text,
                "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\"",
                t.kind.as_str(),
                escape_attr(&t.value)
            );
            if let Some(m) = &t.modifier {
                let _ = write!(text, " mod=\"{}\"", escape_attr(m));
            }
            text.push('>');
            text.push_str(&self.stripped[a..b]);
            text.push_str("</TIMEX3>");
            pos = b;
            tid += 1;
        }
        text.push_str(&self.stripped[pos..]);
        let mut out = String::with_capacity(self.raw.len() + text.len());
        out.push_str(&self.raw[..o]);
        out.push_str(&text);
        out.push_str(&self.raw[c..]);
        out
    }
}

/// The largest `tid="tN"` number in `s`.
fn max_tid(s: &str) -> Option<u64> {
    s.match_indices("tid=\"t")
        .filter_map(|(i, m)| {
            let rest = &s[i + m.len()..];
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            rest[..end].parse().ok()
        })
        .max()
}

/// No tag opens or closes without its partner inside `s`.
fn balanced(s: &str) -> bool {
    let mut depth: i32 = 0;
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..end];
        if tag.starts_with("</") {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        rest = &rest[end..];
    }
    depth == 0
}

/// What [`process_dir`] did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub time_expressions: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// TimeML files (`.tml`, `.TE3input`) under `dir`, recursively, sorted.
pub fn timeml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if !dir.is_dir() {
        return Err(Error::io(
            dir,
            std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
        ));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Format {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && (name.ends_with(".tml") || name.ends_with(".TE3input")) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Annotate every TimeML file under `in_dir` (TEXT with gold TIMEX3 tags stripped) and write it
/// to the same relative path under `out_dir` (`X.tml.TE3input` → `X.tml`) with our TIMEX3 tags.
pub fn process_dir(in_dir: &Path, out_dir: &Path) -> Result<Summary, Error> {
    let files = timeml_files(in_dir)?;
    if files.is_empty() {
        return Err(Error::Empty(in_dir.to_path_buf()));
    }
    let mut summary = Summary::default();
    for f in files {
        let raw = std::fs::read_to_string(&f).map_err(|e| Error::io(&f, e))?;
        let doc = match parse(&raw) {
            Ok(d) => d,
            Err(message) => {
                summary
                    .diagnostics
                    .push(Diagnostic::error(f.display().to_string(), message));
                continue;
            }
        };
        if doc.dct.is_none() {
            summary.diagnostics.push(Diagnostic::warning(
                f.display().to_string(),
                "no DCT; relative dates unresolved",
            ));
        }
        let timexes = doc.annotate();
        summary.time_expressions += timexes.len();
        let rel = f.strip_prefix(in_dir).unwrap_or(&f);
        let mut out = out_dir.join(rel);
        if let Some(name) = out
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".TE3input"))
            .map(str::to_string)
        {
            out.set_file_name(name);
        }
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&out, doc.write_with(&timexes)).map_err(|e| Error::io(&out, e))?;
        summary.files += 1;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\">1998-08-07</TIMEX3></DCT>\n<TEXT>\nBombs <EVENT eid=\"e1\">exploded</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3> &amp; killed dozens, officials said.\n</TEXT>\n</TimeML>\n";

    #[test]
    fn parses_and_writes_back() {
        let d = parse(DOC).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 8, 7));
        assert_eq!(d.gold.len(), 1);
        assert_eq!(&d.plain[d.gold[0].start..d.gold[0].end], "Friday");
        assert!(d.plain.contains("Friday & killed"));
        let t = d.annotate();
        assert_eq!(t.len(), 1);
        let out = d.write_with(&t);
        assert!(out.contains("<EVENT eid=\"e1\">exploded</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3> &amp; killed"), "{out}");
        assert!(out.starts_with("<TimeML>\n<DCT><TIMEX3 tid=\"t0\""));
    }
}
