//! All DOM work, on the html5ever tree that dom_smoothie builds: metadata is read and page
//! furniture (navigation, cookie banners, share bars, newsletter boxes, related links) removed in
//! a single pass, then dom_smoothie's strict pass picks the article and its content is walked
//! into paragraphs. Only when that finds too little is the page parsed a second time: the body's
//! prose paragraphs are collected, then dom_smoothie retries with relaxed policies, and the body
//! paragraphs are used if it still finds too little (or fails, or the page is too big for it).
//!
//! dom_query's node types are not nameable from this crate (it is not a direct dependency), so
//! the tree walks are loops inside [`extract`] rather than helper functions.

use super::paragraphs::{self, Builder, Paragraph};
use dom_smoothie::{Config, ParsePolicy, Readability, ReadabilityError};
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
    /// Article paragraphs, furniture lines dropped.
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
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "cc",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
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
    "taboola",
    "tags",
    "teilen",
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
            }

            let furniture = is_furniture_tag(name)
                || node.attr("role").is_some_and(|r| is_furniture_role(&r))
                || node.attr("class").is_some_and(|c| is_furniture_name(&c))
                || node.attr("id").is_some_and(|i| is_furniture_name(&i))
                || node.has_attr("hidden")
                || node.attr("style").is_some_and(|s| is_hidden_style(&s));
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
            let mut out = Builder::default();
            if let Some(root) = root {
                enum Step<N> {
                    Enter(N),
                    LeaveLink,
                    LeaveBlock,
                    LeaveCell,
                }
                let mut stack = vec![Step::Enter(root)];
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
            }

            let found = out.finish();
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
