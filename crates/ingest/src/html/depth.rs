//! A cheap byte scan that estimates how deeply a page nests its elements, run before the page
//! is parsed: html5ever's tree building slows down with the square of the nesting depth, so a
//! page of ten thousand unclosed `<div>`s would take seconds.
//!
//! The estimate follows the tree builder loosely: void elements and elements whose end tag may
//! be omitted (`p`, `li`, `td`, ...) are not counted, an end tag closes everything opened after
//! its start tag, a new `<a>` closes an open one, `<x/>` closes itself only inside SVG and
//! MathML, and raw-text elements (`script`, `style`, ...) and comments are skipped.

/// Elements that never hold children or close implicitly; they do not add depth.
fn is_flat(name: &[u8]) -> bool {
    const FLAT: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"optgroup",
        b"thead",
        b"tbody",
        b"tfoot",
        b"colgroup",
        b"caption",
        b"rb",
        b"rt",
        b"rtc",
        b"rp",
        b"html",
        b"head",
        b"body",
    ];
    FLAT.iter().any(|f| f.eq_ignore_ascii_case(name))
}

fn is_raw_text(name: &[u8]) -> bool {
    const RAW: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"plaintext",
    ];
    RAW.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// True when the page nests elements more than `limit` deep (by the estimate above).
pub(super) fn exceeds(html: &[u8], limit: usize) -> bool {
    let mut open: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', html, i) {
        i = lt + 1;
        let rest = &html[i..];
        if rest.starts_with(b"!--") {
            i = find(html, b"-->", i + 3).map_or(html.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = html[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !html[name_start].is_ascii_alphabetic() {
            if rest.first().is_some_and(|b| matches!(b, b'!' | b'?')) {
                i = memchr(b'>', html, i).map_or(html.len(), |e| e + 1);
            }
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let end = tag_end(html, name_start + name_len);
        let self_closing = end > 0 && html.get(end - 1) == Some(&b'/');
        i = end + 1;
        if closing {
            if let Some(k) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(k);
            }
            continue;
        }
        if is_raw_text(name) {
            // Skip to the matching end tag.
            let mut j = i;
            i = html.len();
            while let Some(e) = find(html, b"</", j) {
                let candidate = &html[e + 2..];
                if candidate.len() >= name.len()
                    && candidate[..name.len()].eq_ignore_ascii_case(name)
                {
                    i = e;
                    break;
                }
                j = e + 2;
            }
            continue;
        }
        if is_flat(name) {
            continue;
        }
        // html5ever honours `<x/>` only inside SVG and MathML.
        if self_closing
            && open
                .iter()
                .any(|o| o.eq_ignore_ascii_case(b"svg") || o.eq_ignore_ascii_case(b"math"))
        {
            continue;
        }
        if name.eq_ignore_ascii_case(b"a") {
            if let Some(k) = open.iter().rposition(|o| o.eq_ignore_ascii_case(b"a")) {
                open.truncate(k);
            }
        }
        open.push(name);
        if open.len() > limit {
            return true;
        }
    }
    false
}

/// Index of the `>` that ends the tag whose attributes start at `from` (quotes respected).
fn tag_end(html: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in html.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return k,
            None => {}
        }
    }
    html.len()
}

fn memchr(needle: u8, hay: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| p + from)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_depth() {
        let deep = "<div>".repeat(300);
        assert!(exceeds(deep.as_bytes(), 256));
        assert!(!exceeds("<div></div>".repeat(1000).as_bytes(), 256));
        // Unclosed paragraphs, list items and links do not nest.
        assert!(!exceeds(
            "<div><p>x<li>y<a href=1>z<a href=2>w</div>"
                .repeat(1000)
                .as_bytes(),
            256
        ));
        // An end tag closes what was left open inside it.
        assert!(!exceeds(
            "<div><span><b>x</div>".repeat(1000).as_bytes(),
            256
        ));
        // Markup inside scripts and comments is not markup.
        let script = format!(
            "<script>{}</script><!--{}-->",
            "<div>".repeat(1000),
            "<div>".repeat(1000)
        );
        assert!(!exceeds(script.as_bytes(), 256));
        assert!(!exceeds(b"<div title='a>b' <", 1));
        assert!(exceeds("<div/>".repeat(300).as_bytes(), 256));
        let svg = format!("<svg>{}</svg>", "<path d='M0 0'/>".repeat(300));
        assert!(!exceeds(svg.as_bytes(), 256));
        assert!(exceeds(b"<div title='a>b'><span>", 1));
    }
}
