//! Page metadata from what the DOM said: JSON-LD (including `@graph` and `@id` references),
//! schema.org microdata, OpenGraph and other `<meta>` tags, title clean-up and language codes.

use serde_json::Value;
use std::collections::HashMap;

/// What the article's JSON-LD object (or microdata item) says.
#[derive(Debug, Default, PartialEq)]
pub(super) struct JsonLd {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    pub keywords: Vec<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Read the first article-like object from the page's JSON-LD blocks. Blocks that are not
/// valid JSON are skipped.
pub(super) fn parse_json_ld(blocks: &[String]) -> JsonLd {
    let values: Vec<Value> = blocks
        .iter()
        .filter_map(|b| serde_json::from_str(strip_wrappers(b)).ok())
        .collect();
    let mut objects = Vec::new();
    for v in &values {
        collect_objects(v, &mut objects, 0);
    }
    let by_id: HashMap<&str, &Value> = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, *o)))
        .collect();
    let article = objects
        .iter()
        .find(|o| has_type(o, is_article_type))
        .or_else(|| objects.iter().find(|o| o.get("headline").is_some()));
    let Some(article) = article else {
        return JsonLd::default();
    };
    let resolve = |v: &'_ Value| -> Value {
        // An object that is only a reference: look it up.
        match v.as_object() {
            Some(o) if o.len() == 1 => o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| by_id.get(id))
                .map_or_else(|| v.clone(), |r| (*r).clone()),
            _ => v.clone(),
        }
    };
    let names = |key: &str| -> Vec<String> {
        let mut out = Vec::new();
        if let Some(v) = article.get(key) {
            for item in as_list(v) {
                let item = resolve(item);
                let name = match &item {
                    Value::String(s) => Some(s.as_str()),
                    Value::Object(o) => o.get("name").and_then(Value::as_str),
                    _ => None,
                };
                if let Some(n) = name.map(str::trim).filter(|n| !n.is_empty()) {
                    if !out.iter().any(|o| o == n) {
                        out.push(n.to_string());
                    }
                }
            }
        }
        out
    };
    let string = |key: &str| -> Option<String> {
        let v = article.get(key)?;
        let s = match v {
            Value::String(s) => s.as_str(),
            Value::Array(a) => a.first()?.as_str()?,
            Value::Object(o) => o
                .get("@id")
                .or_else(|| o.get("url"))
                .or_else(|| o.get("name"))?
                .as_str()?,
            _ => return None,
        };
        Some(s.trim().to_string()).filter(|s| !s.is_empty())
    };
    let keywords = match article.get("keywords") {
        Some(Value::String(s)) => split_list(s),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .flat_map(split_list)
            .collect(),
        _ => Vec::new(),
    };
    JsonLd {
        headline: string("headline").or_else(|| string("name")),
        date_published: string("datePublished"),
        date_modified: string("dateModified"),
        authors: names("author"),
        publisher: names("publisher").into_iter().next(),
        description: string("description"),
        keywords,
        url: string("url").or_else(|| string("mainEntityOfPage")),
        language: string("inLanguage"),
    }
}

/// Microdata properties the page parser reads (lower-case `itemprop` names).
pub(super) const MICRODATA_PROPS: &[&str] = &[
    "headline",
    "name",
    "datepublished",
    "datemodified",
    "author",
    "creator",
    "publisher",
    "description",
    "keywords",
    "url",
    "inlanguage",
];

/// The value of one microdata property: text, or a nested item (an index into
/// [`Microdata::items`]).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum MicroValue {
    Text(String),
    Item(usize),
}

/// One `itemscope`: its type (the last segment of `itemtype`, e.g. "NewsArticle") and the
/// properties (lower-case names) in document order.
#[derive(Debug, Default, PartialEq)]
pub(super) struct MicroItem {
    pub itemtype: String,
    pub props: Vec<(String, MicroValue)>,
}

/// The page's schema.org microdata: items, and properties outside any item.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Microdata {
    pub items: Vec<MicroItem>,
    pub loose: Vec<(String, MicroValue)>,
}

/// Read the article from the page's microdata like [`parse_json_ld`] reads JSON-LD: the first
/// item of an article type (or with a headline), else the properties outside any item when they
/// include a headline.
pub(super) fn parse_microdata(md: &Microdata) -> JsonLd {
    let article = md
        .items
        .iter()
        .find(|i| is_article_type(&i.itemtype))
        .or_else(|| {
            md.items
                .iter()
                .find(|i| i.props.iter().any(|(k, _)| k == "headline"))
        })
        .map(|i| i.props.as_slice())
        .or_else(|| {
            md.loose
                .iter()
                .any(|(k, _)| k == "headline" || k == "datepublished")
                .then_some(md.loose.as_slice())
        });
    let Some(props) = article else {
        return JsonLd::default();
    };
    let text_of = |v: &MicroValue| -> Option<String> {
        let s = match v {
            MicroValue::Text(t) => t.as_str(),
            MicroValue::Item(i) => md.items.get(*i)?.props.iter().find_map(|(k, v)| match v {
                MicroValue::Text(t) if k == "name" => Some(t.as_str()),
                _ => None,
            })?,
        };
        Some(squash(s)).filter(|s| !s.is_empty())
    };
    let string = |key: &str| -> Option<String> {
        props
            .iter()
            .filter(|(k, _)| k == key)
            .find_map(|(_, v)| match v {
                MicroValue::Text(t) => Some(squash(t)).filter(|s| !s.is_empty()),
                MicroValue::Item(_) => None,
            })
    };
    let names = |keys: &[&str]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, v) in props.iter().filter(|(k, _)| keys.contains(&k.as_str())) {
            if let Some(n) = text_of(v) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        out
    };
    JsonLd {
        headline: string("headline").or_else(|| string("name")),
        date_published: string("datepublished"),
        date_modified: string("datemodified"),
        authors: names(&["author", "creator"]),
        publisher: names(&["publisher"]).into_iter().next(),
        description: string("description"),
        keywords: string("keywords")
            .map(|k| split_list(&k))
            .unwrap_or_default(),
        url: string("url"),
        language: string("inlanguage"),
    }
}

/// JSON-LD scripts sometimes carry `<!-- -->` or CDATA wrappers.
fn strip_wrappers(s: &str) -> &str {
    let s = s.trim();
    let s = s
        .strip_prefix("<![CDATA[")
        .and_then(|s| s.strip_suffix("]]>"))
        .unwrap_or(s);
    let s = s.trim();
    let s = s
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
        .unwrap_or(s);
    s.trim().trim_end_matches(';')
}

/// Every JSON object at the top, in arrays and in `@graph`, depth-limited.
fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_objects(i, out, depth + 1)),
        Value::Object(o) => {
            out.push(v);
            if let Some(graph) = o.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

fn has_type(v: &Value, pred: fn(&str) -> bool) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => pred(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(pred),
        _ => false,
    }
}

pub(super) fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report"
}

/// "a, b ,c" as ["a", "b", "c"].
pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(String::from)
        .collect()
}

/// The first non-empty `content` of a `<meta>` whose key is one of `keys`, in priority order.
pub(super) fn meta<'a>(metas: &'a [(String, String)], keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        metas
            .iter()
            .find(|(key, content)| key == k && !content.trim().is_empty())
            .map(|(_, c)| c.trim())
    })
}

/// Whitespace collapsed to single spaces.
pub(super) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » ",
];

/// A `<title>` without the site name: `site` (when known) is removed as suffix or prefix with
/// any separator; otherwise trailing ` | Section | Site` segments go. When the first `<h1>` is
/// what remains plus some decoration, the `<h1>` wins.
pub(super) fn clean_title(raw: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let mut title = squash(raw);
    if let Some(site) = site.map(squash).filter(|s| !s.is_empty()) {
        title = strip_site(&title, &site);
    } else {
        while let Some(i) = title.rfind(" | ") {
            let (head, tail) = (&title[..i], &title[i + 3..]);
            if head.split_whitespace().count() >= 2 && tail.split_whitespace().count() <= 5 {
                title = head.trim().to_string();
            } else {
                break;
            }
        }
    }
    if let Some(h1) = h1.map(squash).filter(|h| h.split_whitespace().count() >= 3) {
        if title != h1 && title.contains(&h1) {
            return h1;
        }
    }
    title
}

/// `title` without `site` as a suffix (" | Site") or prefix ("Site: ", "Site | ").
pub(super) fn strip_site(title: &str, site: &str) -> String {
    let lower = title.to_lowercase();
    let site_lower = site.to_lowercase();
    for sep in SEPARATORS {
        let suffix = format!("{sep}{site_lower}");
        if lower.ends_with(&suffix) && lower.len() > suffix.len() {
            if let Some(head) = title.get(..title.len() - suffix.len()) {
                return head.trim().to_string();
            }
        }
    }
    for sep in SEPARATORS.iter().copied().chain([": "]) {
        let prefix = format!("{site_lower}{sep}");
        if lower.starts_with(&prefix) && lower.len() > prefix.len() {
            if let Some(tail) = title.get(prefix.len()..) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The site name in a `<title>` when the page states none: a segment before the first or after
/// the last separator that spells the site's host name ("Headline :: Lakeside Herald" on
/// lakesideherald.example, "The Post | Headline" on post.example).
pub(super) fn site_from_title(title: &str, hosts: &[String]) -> Option<String> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let names: Vec<String> = hosts
        .iter()
        .flat_map(|h| {
            let labels: Vec<&str> = h
                .split('.')
                .filter(|l| !l.is_empty() && *l != "www")
                .collect();
            let body = &labels[..labels.len().saturating_sub(1)];
            let mut names: Vec<String> = body.iter().map(|l| key(l)).collect();
            names.push(key(&body.concat()));
            names
        })
        .filter(|n| n.len() >= 3)
        .collect();
    if names.is_empty() {
        return None;
    }
    let title = squash(title);
    let matches = |segment: &str| {
        let k = key(segment);
        let k = k
            .strip_prefix("the")
            .filter(|r| !r.is_empty())
            .unwrap_or(&k);
        names
            .iter()
            .any(|n| n == k || n.strip_prefix("the") == Some(k))
    };
    for sep in SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
            if !head.is_empty() && tail.split_whitespace().count() <= 5 && matches(tail) {
                return Some(tail.to_string());
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
            if !tail.is_empty() && head.split_whitespace().count() <= 5 && matches(head) {
                return Some(head.to_string());
            }
        }
    }
    None
}

/// An ISO 639-1 code from a language tag or list: "en-GB" and "en_US" give "en", "de, en"
/// gives "de"; "x-default", "und" and malformed tags give `None`.
pub(super) fn language_code(tag: &str) -> Option<String> {
    let first = tag.split(',').next()?.trim();
    let primary = first.split(['-', '_']).next()?.trim();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            clean_title("Big news | Herald", Some("Herald"), None),
            "Big news"
        );
        assert_eq!(
            clean_title("Big news – The Herald", Some("the herald"), None),
            "Big news"
        );
        assert_eq!(
            clean_title("Herald: Big news today", Some("Herald"), None),
            "Big news today"
        );
        assert_eq!(
            clean_title("Big news today | World | Herald", None, None),
            "Big news today"
        );
        assert_eq!(
            clean_title("Big news - Herald", None, None),
            "Big news - Herald"
        );
        assert_eq!(
            clean_title(
                "Ledger: Big news happened today",
                None,
                Some(" Big news happened  today")
            ),
            "Big news happened today"
        );
        assert_eq!(clean_title("Herald", Some("Herald"), None), "Herald");
    }

    #[test]
    fn languages() {
        assert_eq!(language_code("en-GB").as_deref(), Some("en"));
        assert_eq!(language_code("de_DE").as_deref(), Some("de"));
        assert_eq!(language_code("FR, en").as_deref(), Some("fr"));
        assert_eq!(language_code("x-default"), None);
        assert_eq!(language_code("und"), None);
        assert_eq!(language_code(""), None);
    }

    #[test]
    fn microdata_article_with_nested_items() {
        let text = |s: &str| MicroValue::Text(s.into());
        let md = Microdata {
            items: vec![
                MicroItem {
                    itemtype: "https://schema.org/BreadcrumbList".into(),
                    props: vec![("name".into(), text("Home"))],
                },
                MicroItem {
                    itemtype: "http://schema.org/NewsArticle".into(),
                    props: vec![
                        ("datepublished".into(), text("2024-07-01T18:30:00+01:00")),
                        ("publisher".into(), MicroValue::Item(2)),
                        ("headline".into(), text(" Toll  rises ")),
                        ("author".into(), MicroValue::Item(3)),
                        ("author".into(), text("B. Writer")),
                        ("author".into(), MicroValue::Item(9)),
                        ("keywords".into(), text("x, y")),
                    ],
                },
                MicroItem {
                    itemtype: "http://schema.org/Organization".into(),
                    props: vec![("name".into(), text("Lakeside Herald"))],
                },
                MicroItem {
                    itemtype: "http://schema.org/Person".into(),
                    props: vec![
                        ("url".into(), text("/a")),
                        ("name".into(), text("A. Writer")),
                    ],
                },
            ],
            loose: vec![("headline".into(), text("Loose"))],
        };
        let m = parse_microdata(&md);
        assert_eq!(m.headline.as_deref(), Some("Toll rises"));
        assert_eq!(m.publisher.as_deref(), Some("Lakeside Herald"));
        assert_eq!(m.authors, ["A. Writer", "B. Writer"]);
        assert_eq!(
            m.date_published.as_deref(),
            Some("2024-07-01T18:30:00+01:00")
        );
        assert_eq!(m.keywords, ["x", "y"]);
        // Without an article item, loose properties describe the page.
        let loose = Microdata {
            items: vec![],
            loose: vec![("headline".into(), text("Loose"))],
        };
        assert_eq!(parse_microdata(&loose).headline.as_deref(), Some("Loose"));
        assert_eq!(parse_microdata(&Microdata::default()), JsonLd::default());
    }

    #[test]
    fn site_names_in_titles() {
        let hosts = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            site_from_title(
                "Bombers strike Gwoza :: Lakeside Herald",
                &hosts(&["lakesideherald.example"])
            )
            .as_deref(),
            Some("Lakeside Herald")
        );
        assert_eq!(
            site_from_title(
                "The Meridian Post | Twin blasts in Kerman",
                &hosts(&["www.meridian-post.example"])
            )
            .as_deref(),
            Some("The Meridian Post")
        );
        assert_eq!(
            site_from_title("Kerman | Twin blasts", &hosts(&["meridian-post.example"])),
            None
        );
        assert_eq!(site_from_title("Headline - Herald", &[]), None);
    }

    #[test]
    fn json_ld_graph_with_references() {
        let block = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"The Post"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2024-01-03",
             "author":[{"@type":"Person","name":"A"},{"@id":"#b"}, "C"],
             "publisher":{"@id":"#org"},"keywords":["x, y","z"]},
            {"@type":"Person","@id":"#b","name":"B"}]}"##;
        let ld = parse_json_ld(&[block.to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, ["A", "B", "C"]);
        assert_eq!(ld.publisher.as_deref(), Some("The Post"));
        assert_eq!(ld.keywords, ["x", "y", "z"]);
        let list = r#"[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"R",
            "publisher":[{"@type":"Organization","name":"Wire"}]}]"#;
        let ld = parse_json_ld(&["not json".to_string(), list.to_string()]);
        assert_eq!(
            (ld.headline.as_deref(), ld.publisher.as_deref()),
            (Some("R"), Some("Wire"))
        );
    }
}
