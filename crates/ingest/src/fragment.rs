//! HTML fragments (feed item content, JSON `html` fields) to plain text: block elements become
//! paragraphs separated by a blank line, inline whitespace collapses, scripts and styles vanish.

use scraper::{Html, Node};

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "figcaption",
    "pre",
    "header",
    "footer",
    "dd",
    "dt",
    "hr",
];
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "figure",
];

/// Plain text of an HTML fragment.
pub fn fragment_to_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    walk(doc.tree.root(), &mut cur, &mut paras);
    flush(&mut cur, &mut paras);
    paras.join("\n\n")
}

fn flush(cur: &mut String, paras: &mut Vec<String>) {
    let p = collapse(cur);
    if !p.is_empty() {
        paras.push(p);
    }
    cur.clear();
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Depth-first over the tree without recursion: hostile nesting cannot overflow the stack.
fn walk(root: ego_tree::NodeRef<'_, Node>, cur: &mut String, paras: &mut Vec<String>) {
    use ego_tree::iter::Edge;
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip_depth == 0 => cur.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || SKIP.contains(&name) {
                        skip_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        flush(cur, paras);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCKS.contains(&name) {
                        flush(cur, paras);
                    } else if name == "td" || name == "th" {
                        cur.push(' ');
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_inline() {
        let t = fragment_to_text("<p>One <b>bold</b>\n word.</p><script>x()</script><ul><li>a</li><li>b</li></ul>Tail &amp; end");
        assert_eq!(t, "One bold word.\n\na\n\nb\n\nTail & end");
    }
}
