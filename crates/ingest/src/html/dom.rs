//! All DOM work, on the html5ever tree that dom_smoothie builds: metadata (including microdata)
//! is read and page furniture (navigation, cookie banners, share bars, newsletter boxes, related
//! links, bylines) removed in a single pass; around the headline, kickers are dropped and the
//! standfirst is taken out (it is put first in the text whatever the layout); then
//! dom_smoothie's strict pass picks the article and its content is walked into paragraphs.
//! Only when that finds too little is the page parsed a second time: the body's prose
//! paragraphs are collected, then dom_smoothie retries with relaxed policies, and the body
//! paragraphs are used if it still finds too little (or fails, or the page is too big for it).
//!
//! dom_query's node types are not nameable from this crate (it is not a direct dependency), so
//! the tree walks are loops inside [`extract`] (and the `walk!` macro) rather than helper
//! functions.

use super::meta::{self, MicroItem, MicroValue, Microdata};
use super::paragraphs::{self, Builder, Paragraph};
use dom_smoothie::{Config, ParsePolicy, Readability, ReadabilityError};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Below this many characters the article extractor's result is not trusted.
const MIN_ARTICLE_CHARS: usize = 140;

/// Below this many characters dom_smoothie's strict pass is retried with relaxed policies (its
/// own `char_threshold`).
const STRICT_MIN_CHARS: usize = 500;

/// Pages with more elements skip the article extractor (whose scoring is not linear) and are
/// walked paragraph by paragraph; news pages have a few thousand.
const MAX_ELEMENTS: usize = 60_000;

/// Pages nesting elements deeper than this skip the article extractor too (its cost grows with
/// the cube of the depth); news pages nest 20 to 80 deep.
const MAX_DEPTH: u32 = 256;

/// At most this many elements with `itemscope`/`itemprop` are read as microdata.
const MAX_MICRODATA_NODES: usize = 2_000;

/// At most this many microdata values are read from element text (each read costs the size of
/// the element), and at most this many author bylines are looked for.
const MAX_MICRODATA_TEXTS: usize = 64;
const MAX_AUTHOR_BLOCKS: usize = 16;

/// Microdata text values are cut to this many characters.
const MAX_MICRODATA_CHARS: usize = 2_000;

/// How many `<h1>`s are considered as the headline.
const MAX_H1: usize = 8;

/// How many elements after the headline are searched for the standfirst.
const STANDFIRST_SCAN: usize = 6;

/// A standfirst has at least this many words and at most this many characters.
const STANDFIRST_MIN_WORDS: usize = 4;
const STANDFIRST_MAX_CHARS: usize = 1_000;

/// A block around an author (a byline) has at most this many bytes of text.
const BYLINE_MAX_CHARS: usize = 240;

/// Short lines right before the headline (kickers, section labels) have at most this many
/// words and characters.
const KICKER_MAX_WORDS: usize = 6;
const KICKER_MAX_CHARS: usize = 60;

/// What the DOM said, before any interpretation.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// `<html lang>`.
    pub html_lang: Option<String>,
    /// `<title>` text.
    pub title: Option<String>,
    /// Text of the first `<h1>`.
    pub h1: Option<String>,
    /// `<meta>` tags as (lower-cased `property`/`name`/`http-equiv`/`itemprop`, `content`), in
    /// document order; also `itemprop` dates on other elements.
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// Raw text of every `application/ld+json` script.
    pub json_ld: Vec<String>,
    /// `datetime` of the first `<time>` inside an `<article>` (or marked `pubdate`).
    pub article_time: Option<String>,
    /// schema.org microdata.
    pub microdata: Microdata,
    /// The standfirst (dek, summary, intro) under the headline, taken out of the tree before the
    /// article was extracted; empty when there is none.
    pub standfirst: Vec<Paragraph>,
    /// Article paragraphs, furniture lines dropped, without the standfirst.
    pub paragraphs: Vec<Paragraph>,
}

/// Element names whose content is never article text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "img"
            | "picture"
            | "figure"
            | "figcaption"
            | "head"
            | "title"
    )
}

/// Element names that start a new paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "center"
            | "hgroup"
            | "body"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements removed whatever their attributes (unless they hold the article).
fn is_furniture_tag(name: &str) -> bool {
    matches!(
        name,
        "nav" | "footer" | "aside" | "form" | "dialog" | "header" | "menu"
    )
}

fn is_furniture_role(role: &str) -> bool {
    role.split_whitespace().any(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "search"
        )
    })
}

/// Parts of `class`/`id` names (split at `-`, `_` and spaces) that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "advertising",
    "adverts",
    "anzeige",
    "author",
    "authors",
    "autor",
    "autoren",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "bylines",
    "cc",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "dateline",
    "disclaimer",
    "disclosure",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "meta",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "popular",
    "popup",
    "promo",
    "rail",
    "recirc",
    "recirculation",
    "related",
    "share",
    "sharebar",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "subscribe",
    "subscription",
    "syndication",
    "taboola",
    "tags",
    "teilen",
    "timestamp",
    "toolbar",
    "trending",
    "werbung",
    "widget",
];

/// Substrings of a `class`/`id` token that mark furniture wherever they occur.
const FURNITURE_SUBSTRINGS: &[&str] = &[
    "cookie",
    "consent",
    "newsletter",
    "onetrust",
    "taboola",
    "outbrain",
    "gdpr",
];

fn is_furniture_name(value: &str) -> bool {
    value.split_ascii_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        FURNITURE_SUBSTRINGS.iter().any(|s| token.contains(s))
            || token
                .split(['-', '_'])
                .any(|part| FURNITURE_WORDS.binary_search(&part).is_ok())
    })
}

/// Parts of `class`/`id`/`itemprop` names that mark the standfirst under a headline.
const STANDFIRST_WORDS: &[&str] = &[
    "abstract",
    "deck",
    "dek",
    "description",
    "excerpt",
    "intro",
    "lead",
    "lede",
    "standfirst",
    "strapline",
    "sub",
    "subhead",
    "subheading",
    "subheadline",
    "subline",
    "subtitle",
    "summary",
    "synopsis",
    "teaser",
];

/// Name parts that make a standfirst-like name something else ("lead-image").
const NOT_STANDFIRST_WORDS: &[&str] = &[
    "caption", "figure", "gallery", "image", "img", "media", "photo", "picture", "video",
];

/// A `class`, `id` or `itemprop` value naming a standfirst: "standfirst", "article-summary",
/// "c-article__dek", "articleSummary".
fn is_standfirst_name(value: &str) -> bool {
    value.split_ascii_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        let parts = || token.split(['-', '_']).filter(|p| !p.is_empty());
        if parts().any(|p| NOT_STANDFIRST_WORDS.contains(&p)) {
            return false;
        }
        parts().any(|p| STANDFIRST_WORDS.contains(&p))
            || [
                "summary",
                "standfirst",
                "subtitle",
                "subheadline",
                "teaser",
                "description",
            ]
            .iter()
            .any(|w| token.ends_with(w))
    })
}

/// Parts of `class`/`id` names of a headline's wrapper ("entry-header", "article__head").
fn is_header_name(value: &str) -> bool {
    value.split_ascii_whitespace().any(|token| {
        token
            .to_ascii_lowercase()
            .split(['-', '_'])
            .any(|p| matches!(p, "header" | "heading" | "head" | "headline" | "hgroup"))
    })
}

fn is_hidden_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// How the article text is found. The second attempt runs only when the first found too little,
/// on a freshly parsed tree (cheaper than copying every tree for a rare case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attempt {
    /// dom_smoothie with its strictest policy, one pass, as its own first attempt would be.
    Strict,
    /// The body's prose paragraphs, then dom_smoothie relaxing its policies step by step
    /// (keeping its longest result); the latter wins when it found enough.
    AllPolicies,
    /// Only the body's prose paragraphs (the page is too large for dom_smoothie).
    BodyWalk,
}

impl Attempt {
    /// Fewest characters of text for dom_smoothie's result to be used.
    fn min_chars(self) -> usize {
        match self {
            Attempt::Strict => STRICT_MIN_CHARS,
            Attempt::AllPolicies | Attempt::BodyWalk => MIN_ARTICLE_CHARS,
        }
    }
}

/// Where the text walk starts: the whole body, or dom_smoothie's article.
#[derive(Debug, Clone, Copy)]
enum Phase {
    Body,
    Article,
}

/// Walk the subtree under a dom_query node into paragraphs: text runs, line breaks, block
/// boundaries, table cells; skipped elements (scripts, figures, forms) contribute nothing.
macro_rules! walk {
    ($root:expr) => {{
        enum Step<N> {
            Enter(N),
            LeaveLink,
            LeaveBlock,
            LeaveCell,
        }
        let mut out = Builder::default();
        let mut stack = vec![Step::Enter($root)];
        let mut link_depth = 0usize;
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Enter(node) => node,
                Step::LeaveLink => {
                    link_depth = link_depth.saturating_sub(1);
                    continue;
                }
                Step::LeaveBlock => {
                    out.end_block();
                    continue;
                }
                Step::LeaveCell => {
                    out.cell_break();
                    continue;
                }
            };
            if node.is_text() {
                out.push_text(&node.text(), link_depth > 0);
                continue;
            }
            let Some(name) = node.node_name() else {
                continue;
            };
            let name: &str = &name;
            if is_skipped(name) {
                continue;
            }
            if name == "br" {
                out.line_break();
                continue;
            }
            if name == "a" {
                link_depth += 1;
                stack.push(Step::LeaveLink);
            } else if name == "td" || name == "th" {
                out.cell_break();
                stack.push(Step::LeaveCell);
            } else if is_block(name) {
                out.start_block(is_heading(name));
                stack.push(Step::LeaveBlock);
            }
            stack.extend(node.children_it(true).map(Step::Enter));
        }
        out.finish()
    }};
}

/// A heading's wrapper: `<header>`, `<hgroup>` or a header-like class or id.
macro_rules! is_header_like {
    ($node:expr) => {{
        let n = $node;
        n.has_name("header")
            || n.has_name("hgroup")
            || n.attr("class").is_some_and(|c| is_header_name(&c))
            || n.attr("id").is_some_and(|i| is_header_name(&i))
    }};
}

/// Parse `html` and extract everything the page parser needs; usually one parse.
pub(super) fn extract(html: &str) -> Page {
    let mut page = Page::default();
    let mut attempt = Attempt::Strict;
    loop {
        let cfg = Config {
            disable_json_ld: true,
            max_elements_to_parse: MAX_ELEMENTS,
            ..Config::default()
        };
        let mut reader = match Readability::new(html, None, Some(cfg)) {
            Ok(r) => r,
            // Only a bad document URL fails here, and none is given.
            Err(_) => return page,
        };

        let read_metadata = attempt == Attempt::Strict;
        let mut doomed = Vec::new();
        let mut h1s = Vec::new();
        let mut scopes = HashMap::new();
        let mut microdata_nodes = 0usize;
        let mut microdata_texts = 0usize;
        let mut author_blocks = 0usize;
        let mut max_depth = 0u32;
        // Depth-first, in document order, with each node's depth.
        let mut pending = vec![(reader.doc.root(), 0u32)];
        while let Some((node, depth)) = pending.pop() {
            max_depth = max_depth.max(depth);
            pending.extend(node.children_it(true).map(|c| (c, depth + 1)));
            let Some(name) = node.node_name() else {
                continue;
            };
            let name: &str = &name;
            if name == "h1" && h1s.len() < MAX_H1 {
                h1s.push(node);
            }
            if read_metadata {
                match name {
                    "html" if page.html_lang.is_none() => {
                        page.html_lang = node.attr("lang").map(|l| l.to_string())
                    }
                    "title" if page.title.is_none() => page.title = Some(node.text().to_string()),
                    "h1" if page.h1.is_none() => page.h1 = Some(node.text().to_string()),
                    "meta" => {
                        if let Some(content) = node.attr("content") {
                            for key in ["property", "name", "http-equiv", "itemprop"] {
                                if let Some(k) = node.attr(key) {
                                    page.metas
                                        .push((k.trim().to_ascii_lowercase(), content.to_string()));
                                }
                            }
                        }
                    }
                    "link" if page.canonical.is_none() => {
                        let canonical = node.attr("rel").is_some_and(|rel| {
                            rel.split_ascii_whitespace()
                                .any(|r| r.eq_ignore_ascii_case("canonical"))
                        });
                        if canonical {
                            page.canonical = node.attr("href").map(|h| h.to_string());
                        }
                    }
                    "script" => {
                        let is_ld = node
                            .attr("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                        if is_ld {
                            page.json_ld.push(node.text().to_string());
                        }
                    }
                    "time" if page.article_time.is_none() => {
                        if let Some(dt) = node.attr("datetime") {
                            let marked = node.has_attr("pubdate")
                                || node
                                    .attr("itemprop")
                                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                            if marked || node.ancestors_it(None).any(|a| a.has_name("article")) {
                                page.article_time = Some(dt.to_string());
                            }
                        }
                    }
                    _ => {}
                }
                if name != "meta" {
                    if let Some(prop) = node.attr("itemprop") {
                        if prop.eq_ignore_ascii_case("datePublished")
                            || prop.eq_ignore_ascii_case("dateModified")
                        {
                            if let Some(v) = node.attr("content").or_else(|| node.attr("datetime"))
                            {
                                page.metas.push((prop.to_ascii_lowercase(), v.to_string()));
                            }
                        }
                    }
                }

                // Microdata: items (`itemscope`) and their properties, each property belonging
                // to the nearest enclosing item. Ancestors come first in document order, so the
                // enclosing item is known by the time its properties are seen.
                let itemscope = node.has_attr("itemscope");
                let itemprop = node.attr("itemprop");
                if (itemscope || itemprop.is_some()) && microdata_nodes < MAX_MICRODATA_NODES {
                    microdata_nodes += 1;
                    let owner: Option<usize> = node
                        .ancestors_it(None)
                        .find(|a| a.has_attr("itemscope"))
                        .and_then(|a| scopes.get(&a.id).copied());
                    let names: Vec<String> = itemprop
                        .as_deref()
                        .unwrap_or_default()
                        .split_ascii_whitespace()
                        .map(str::to_ascii_lowercase)
                        .filter(|n| meta::MICRODATA_PROPS.contains(&n.as_str()))
                        .collect();
                    let item = itemscope.then(|| {
                        let index = page.microdata.items.len();
                        scopes.insert(node.id, index);
                        page.microdata.items.push(MicroItem {
                            itemtype: node
                                .attr("itemtype")
                                .and_then(|t| t.split_ascii_whitespace().next().map(String::from))
                                .unwrap_or_default(),
                            props: Vec::new(),
                        });
                        index
                    });
                    for prop in names {
                        let value = match item {
                            Some(index) => MicroValue::Item(index),
                            None => {
                                let attr = match name {
                                    "meta" => node.attr("content"),
                                    "time" => {
                                        node.attr("datetime").or_else(|| node.attr("content"))
                                    }
                                    "a" | "link" | "area" if prop == "url" => node.attr("href"),
                                    "img" | "source" if prop == "url" => node.attr("src"),
                                    "data" | "meter" => node.attr("value"),
                                    _ => node.attr("content"),
                                };
                                let text = match attr {
                                    Some(a) => a.to_string(),
                                    None if microdata_texts < MAX_MICRODATA_TEXTS => {
                                        microdata_texts += 1;
                                        node.text().to_string()
                                    }
                                    None => continue,
                                };
                                MicroValue::Text(text.chars().take(MAX_MICRODATA_CHARS).collect())
                            }
                        };
                        match owner.and_then(|o| page.microdata.items.get_mut(o)) {
                            Some(owner) => owner.props.push((prop, value)),
                            None => page.microdata.loose.push((prop, value)),
                        }
                    }
                }
            }

            let furniture = is_furniture_tag(name)
                || node.attr("role").is_some_and(|r| is_furniture_role(&r))
                || node.attr("class").is_some_and(|c| is_furniture_name(&c))
                || node.attr("id").is_some_and(|i| is_furniture_name(&i))
                || node.has_attr("hidden")
                || node.attr("style").is_some_and(|s| is_hidden_style(&s));
            // A byline: the short block around an author marked up as such ("By <span
            // itemprop=author>…</span> | 1 July 2024"). dom_smoothie takes the name out and
            // would leave "By | 1 July 2024" behind.
            let author = node.attr("itemprop").is_some_and(|p| {
                p.split_ascii_whitespace()
                    .any(|p| p.eq_ignore_ascii_case("author"))
            }) || (name == "a"
                && node.attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("author"))
                }));
            if author && name != "meta" && name != "link" && author_blocks < MAX_AUTHOR_BLOCKS {
                author_blocks += 1;
                let block = std::iter::once(node)
                    .chain(node.ancestors_it(Some(3)))
                    .find(|a| a.node_name().is_some_and(|n| is_block(&n)));
                if let Some(block) = block {
                    let block_name = block.node_name().unwrap_or_default();
                    let small = !matches!(
                        &*block_name,
                        "body" | "main" | "article" | "section" | "header" | "footer"
                    ) && block.text().len() <= BYLINE_MAX_CHARS
                        && !block
                            .descendants_it()
                            .any(|d| d.has_name("p") || d.has_name("h1"));
                    if small {
                        doomed.push(block);
                    }
                }
            }
            if furniture && !matches!(name, "html" | "body" | "main" | "article" | "head") {
                // Never remove what holds the article: a wrapper with the headline or many
                // paragraphs that happens to carry a "has-sidebar" class.
                let mut paragraphs = 0usize;
                let holds_article = node.descendants_it().any(|d| {
                    if d.has_name("p") {
                        paragraphs += 1;
                    }
                    paragraphs >= 4
                        || d.has_name("article")
                        || d.has_name("main")
                        || d.has_name("h1")
                });
                if !holds_article {
                    doomed.push(node);
                }
            }
        }
        for node in doomed {
            node.remove_from_parent();
        }

        // The headline: an <h1> marked as such or inside the article, else one the page title
        // repeats. Kickers before it go; the standfirst after it is taken out of the tree.
        let titles: Vec<String> = page
            .title
            .iter()
            .map(String::as_str)
            .chain(meta::meta(&page.metas, &["og:title"]))
            .chain(meta::meta(&page.metas, &["twitter:title"]))
            .map(paragraphs::comparable)
            .collect();
        let headline = h1s
            .iter()
            .filter(|h| h.parent().is_some())
            .find(|h| {
                h.attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("headline"))
                    || h.ancestors_it(None).any(|a| a.has_name("article"))
            })
            .or_else(|| {
                h1s.iter().filter(|h| h.parent().is_some()).find(|h| {
                    let text = paragraphs::comparable(&h.text());
                    text.split(' ').count() >= STANDFIRST_MIN_WORDS
                        && titles.iter().any(|t| t.contains(&text))
                })
            })
            .copied();
        page.standfirst = Vec::new();
        if let Some(h1) = headline {
            // Kickers: short lines right before the headline, or before its header wrapper.
            let mut anchor = h1;
            for _ in 0..2 {
                let mut seen_text = false;
                let mut sibling = anchor.prev_element_sibling();
                let mut checked = 0;
                while let Some(sib) = sibling {
                    sibling = sib.prev_element_sibling();
                    if checked == 3 {
                        break;
                    }
                    let text = paragraphs::comparable(&paragraphs::join(&walk!(sib)));
                    if text.is_empty() {
                        continue;
                    }
                    checked += 1;
                    seen_text = true;
                    let is_kicker = text.chars().count() <= KICKER_MAX_CHARS
                        && text.split(' ').count() <= KICKER_MAX_WORDS
                        && !text.ends_with(['.', '!', '?'])
                        && !sib
                            .descendants_it()
                            .any(|d| d.has_name("p") || d.has_name("h1"));
                    if !is_kicker {
                        break;
                    }
                    sib.remove_from_parent();
                }
                match anchor.parent() {
                    Some(parent) if !seen_text && is_header_like!(parent) => anchor = parent,
                    _ => break,
                }
            }

            // The standfirst: a named element among the next few after the headline, or the
            // first paragraph after it inside a header wrapper.
            let in_header = h1.parent().is_some_and(|p| is_header_like!(p));
            let mut candidate = None;
            let mut next = h1.next_element_sibling();
            let mut climbed = !in_header;
            let mut first_p_seen = false;
            let mut scanned = 0;
            while scanned < STANDFIRST_SCAN {
                let Some(sib) = next else {
                    // Past the end of the header wrapper: its next siblings, by name only.
                    if climbed {
                        break;
                    }
                    climbed = true;
                    next = h1.parent().and_then(|p| p.next_element_sibling());
                    continue;
                };
                next = sib.next_element_sibling();
                let Some(sib_name) = sib.node_name() else {
                    continue;
                };
                if is_skipped(&sib_name) {
                    continue;
                }
                scanned += 1;
                let named = ["class", "id", "itemprop"]
                    .iter()
                    .any(|a| sib.attr(a).is_some_and(|v| is_standfirst_name(&v)));
                let first_p = !climbed && !first_p_seen && &*sib_name == "p";
                first_p_seen |= &*sib_name == "p";
                if named || first_p {
                    let found = paragraphs::clean(walk!(sib), None);
                    let text = paragraphs::join(&found);
                    let chars = found.iter().map(|p| p.chars).sum::<usize>();
                    let links = found.iter().map(|p| p.link_chars).sum::<usize>();
                    let fits = text.split_whitespace().count() >= STANDFIRST_MIN_WORDS
                        && chars <= STANDFIRST_MAX_CHARS
                        && found.len() <= 3
                        && links * 2 < chars
                        && !found.iter().any(|p| {
                            paragraphs::is_byline(&p.text) || paragraphs::is_dateline(&p.text)
                        });
                    if fits {
                        candidate = Some((sib, found));
                        break;
                    }
                    if named {
                        continue;
                    }
                }
                if sib.text().len() > STANDFIRST_MAX_CHARS {
                    // The article body: the standfirst comes before it.
                    break;
                }
            }
            if let Some((sib, found)) = candidate {
                sib.remove_from_parent();
                page.standfirst = found;
            }
        }

        // The body is walked (before dom_smoothie changes the tree) whenever dom_smoothie's
        // result may not be good enough; dom_smoothie is skipped where it would be slow.
        let skip_extractor = attempt == Attempt::BodyWalk || max_depth > MAX_DEPTH;
        let walk_body = attempt != Attempt::Strict || skip_extractor;
        let mut too_big = false;
        let mut from_body: Option<Vec<Paragraph>> = None;
        let mut from_article: Option<Vec<Paragraph>> = None;
        for phase in [Phase::Body, Phase::Article] {
            let root = match phase {
                Phase::Body if walk_body => reader.doc.body(),
                Phase::Article if !skip_extractor => {
                    let parsed = catch_unwind(AssertUnwindSafe(|| match attempt {
                        Attempt::Strict => reader.parse_with_policy(ParsePolicy::Strict),
                        _ => reader.parse(),
                    }));
                    too_big = matches!(parsed, Ok(Err(ReadabilityError::TooManyElements(..))));
                    match parsed {
                        Ok(Ok(_)) => reader
                            .doc
                            .select_single("#readability-page-1")
                            .nodes()
                            .first()
                            .copied(),
                        _ => None,
                    }
                }
                _ => continue,
            };
            let found = match root {
                Some(root) => walk!(root),
                None => Vec::new(),
            };
            match phase {
                Phase::Body => {
                    from_body = Some(paragraphs::clean(paragraphs::keep_prose(found), None))
                }
                Phase::Article => from_article = Some(paragraphs::clean(found, None)),
            }
        }

        let chars = |ps: &[Paragraph]| ps.iter().map(|p| p.chars).sum::<usize>();
        if let Some(found) = from_article.filter(|f| chars(f) >= attempt.min_chars()) {
            page.paragraphs = found;
            return page;
        }
        if let Some(found) = from_body {
            page.paragraphs = found;
            return page;
        }
        attempt = if too_big {
            Attempt::BodyWalk
        } else {
            Attempt::AllPolicies
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_words_are_sorted_for_binary_search() {
        assert!(FURNITURE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn standfirst_names() {
        for yes in [
            "standfirst",
            "article-summary",
            "c-article__dek",
            "articleSummary",
            "lede",
            "intro",
            "sub",
            "description",
            "story-teaser",
        ] {
            assert!(is_standfirst_name(yes), "{yes}");
        }
        for no in [
            "lead-image",
            "story-body",
            "byline",
            "subscribe",
            "summary-photo",
        ] {
            assert!(!is_standfirst_name(no), "{no}");
        }
        assert!(is_header_name("entry-header"));
        assert!(is_header_name("article__head"));
        assert!(!is_header_name("headerless-x masthead"));
    }

    #[test]
    fn furniture_names() {
        for yes in [
            "cookie-banner",
            "share-tools",
            "ad-slot ad-inline",
            "onetrust-consent-sdk",
            "related-links",
            "mehr-zum-thema related",
        ] {
            assert!(is_furniture_name(yes), "{yes}");
        }
        for no in [
            "story-body",
            "post-content entry-content",
            "article-text",
            "canvas",
            "leading",
            "header-image",
        ] {
            assert!(!is_furniture_name(no), "{no}");
        }
    }
}
