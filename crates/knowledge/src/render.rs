//! Renderings of a dossier that read like a background piece: Markdown with footnoted citations,
//! and one self-contained HTML file with a timeline and an offline map.

use crate::dossier::*;
use std::fmt::Write;

/// Footnotes: each distinct citation gets a number, in order of first use.
#[derive(Default)]
struct Notes {
    list: Vec<Citation>,
}

impl Notes {
    fn cite(&mut self, cs: &[Citation]) -> String {
        let mut out = String::new();
        for c in cs.iter().take(6) {
            let i = match self.list.iter().position(|x| x == c) {
                Some(i) => i,
                None => {
                    self.list.push(c.clone());
                    self.list.len() - 1
                }
            };
            let _ = write!(out, "[^{}]", i + 1);
        }
        if cs.len() > 6 {
            let _ = write!(out, " (+{} more)", cs.len() - 6);
        }
        out
    }
}

pub fn who(p: &Person) -> String {
    let mut s = String::new();
    if let Some(n) = &p.name {
        s.push_str(n);
    }
    if let Some(r) = &p.role {
        if s.is_empty() {
            s.push_str(r);
        } else {
            let _ = write!(s, " ({r})");
        }
    }
    if let Some(a) = &p.affiliation {
        let _ = write!(s, ", {a}");
    }
    if s.is_empty() {
        s.push_str("unnamed source");
    }
    s
}

/// An event's perpetrators as "name (responsibility)", each once, sorted.
pub fn perpetrators(ev: &Event) -> Vec<String> {
    ev.participants
        .iter()
        .filter(|p| p.role == "perpetrator")
        .map(|p| match (&p.entity, p.responsibility.as_deref()) {
            // A report that no one has claimed it, in its words.
            (None, Some("unclaimed")) => format!("unclaimed: “{}”", p.text),
            (e, r) => format!(
                "{} ({})",
                e.as_ref().map_or(p.text.as_str(), |x| &x.name),
                r.unwrap_or("named")
            ),
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn range(min: Option<f64>, max: Option<f64>, approximate: bool) -> String {
    let f = |x: f64| {
        if x.fract() == 0.0 {
            let s = format!("{}", x as i64);
            // Thousands separators for readability.
            let mut out = String::new();
            for (i, c) in s.chars().rev().enumerate() {
                if i > 0 && i % 3 == 0 && c != '-' {
                    out.push(',');
                }
                out.push(c);
            }
            out.chars().rev().collect()
        } else {
            format!("{x}")
        }
    };
    let a = if approximate { "about " } else { "" };
    match (min, max) {
        (Some(a0), Some(b0)) if a0 == b0 => format!("{a}{}", f(a0)),
        (Some(a0), Some(b0)) => format!("{a}{}–{}", f(a0), f(b0)),
        // ("several hundred": at least 300, roughly; not "about at least 300".)
        (Some(a0), None) if approximate => format!("at least roughly {}", f(a0)),
        (None, Some(b0)) if approximate => format!("at most roughly {}", f(b0)),
        (Some(a0), None) => format!("at least {}", f(a0)),
        (None, Some(b0)) => format!("at most {}", f(b0)),
        (None, None) => "unknown".into(),
    }
}

/// A TIMEX3 value as a reader says it: a decade "199" is "the 1990s", a century "19" "the
/// 1900s"; other values as they are.
pub fn time_value(v: &str) -> String {
    match v.len() {
        3 | 2 if v.chars().all(|c| c.is_ascii_digit()) => {
            format!("the {v}{}s", "0".repeat(4 - v.len()))
        }
        _ => v.to_string(),
    }
}

pub fn date_text(d: &Date) -> String {
    let v = time_value(&d.value);
    let base = match d.modifier.as_deref() {
        Some("BEFORE") if d.text.is_empty() => {
            format!("before {v} (undated; reported by then)")
        }
        Some("BEFORE") => format!("shortly before {v}"),
        Some("AFTER") => format!("shortly after {v}"),
        Some("ON_OR_BEFORE") => format!("on or before {v}"),
        Some("APPROX") => format!("about {v}"),
        Some("START") => format!("early {}", v.trim_start_matches("the ")),
        Some("MID") => format!("mid {}", v.trim_start_matches("the ")),
        Some("END") => format!("late {}", v.trim_start_matches("the ")),
        Some(m) => format!("{v} ({})", m.to_lowercase()),
        None => v,
    };
    if d.text.is_empty() {
        base
    } else {
        format!("{base} [{}; “{}”]", d.precision, d.text)
    }
}

/// Markdown, with numbered footnotes quoting the source sentences.
pub fn markdown(d: &Dossier) -> String {
    let mut n = Notes::default();
    let mut s = String::new();
    let e = &d.entity;
    let _ = writeln!(s, "# {}", e.name);
    let _ = writeln!(s);
    if let Some(a) = &d.as_of {
        let _ = writeln!(s, "*As of {a}: only documents published by then.*\n");
    }
    let _ = writeln!(s, "## Identity\n");
    let _ = writeln!(s, "- Kind: {}", e.kind);
    let names: Vec<String> = e
        .aliases
        .iter()
        .map(|a| {
            if a.sources.is_empty() {
                a.name.clone()
            } else {
                format!("{}{}", a.name, n.cite(&a.sources[..1]))
            }
        })
        .collect();
    if !names.is_empty() {
        let _ = writeln!(s, "- Also called: {}", names.join("; "));
    }
    for f in &d.facts {
        let what = match f.predicate.as_str() {
            "founded" => format!(
                "Founded: {}",
                f.time.as_deref().map(time_value).unwrap_or_default()
            ),
            "name_meaning" => format!("The name refers to {}", f.value.clone().unwrap_or_default()),
            p => format!("{p}: {}", f.value.clone().unwrap_or_default()),
        };
        let _ = writeln!(s, "- {what} ({}){}", f.certainty, n.cite(&f.sources));
    }
    if !d.relations.is_empty() {
        let _ = writeln!(s, "\n## Relations\n");
        for r in &d.relations {
            let by = if r.attributed_to.is_empty() {
                String::new()
            } else {
                format!(
                    ", according to {}",
                    r.attributed_to
                        .iter()
                        .map(who)
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            };
            let mut t = r
                .time
                .as_ref()
                .map(|t| format!(" ({})", time_value(t)))
                .unwrap_or_default();
            if let Some(k) = &r.killed {
                t.push_str(&format!(" (reported killed: {k}; see the timeline)"));
            }
            let _ = writeln!(
                s,
                "- {}: {}{t} — {}{by}{}",
                r.relation.replace('_', " "),
                r.entity.name,
                r.certainty,
                n.cite(&r.sources)
            );
        }
    }
    if !d.estimates.is_empty() {
        let _ = writeln!(s, "\n## Figures\n");
        let _ = writeln!(
            s,
            "Each figure as its source gave it; figures are never averaged.\n"
        );
        for x in &d.estimates {
            let by = x
                .attributed_to
                .as_ref()
                .map(|p| format!(", according to {}", who(p)))
                .unwrap_or_default();
            let t = x
                .time
                .as_ref()
                .map(|t| format!(" in {t}"))
                .unwrap_or_default();
            let ctx = x
                .context
                .as_ref()
                .map(|c| format!(", in {c}"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- {}{t}: {} (“{}”){ctx} — {}{by}{}",
                x.quantity.replace('_', " "),
                range(x.min, x.max, x.approximate),
                x.text,
                x.certainty,
                n.cite(&x.sources)
            );
        }
    }
    if !d.events.is_empty() {
        let _ = writeln!(s, "\n## Timeline\n");
        for ev in &d.events {
            let date = ev.date.as_ref().map_or("undated".into(), date_text);
            let role = match (ev.role.as_deref(), ev.responsibility.as_deref()) {
                (Some("context"), _) => {
                    " — mentioned in coverage of the group; not attributed to it".to_string()
                }
                (Some(r), Some(resp)) if !ev.also.is_empty() => format!(
                    " — {}, {resp}; also {}",
                    r.replace('_', " "),
                    ev.also.join(", ")
                ),
                (Some(r), Some(resp)) => format!(" — {}, {resp}", r.replace('_', " ")),
                (Some(r), None) => format!(" — {}", r.replace('_', " ")),
                // A place's or an event's dossier: who each report says is behind it.
                _ => {
                    let perps = perpetrators(ev);
                    if perps.is_empty() {
                        String::new()
                    } else {
                        format!(" — perpetrators: {}", perps.join(", "))
                    }
                }
            };
            let mut figs = String::new();
            for name in ["killed", "injured", "abducted"] {
                // The latest source's figure, in its own words; every other source's is listed in
                // the JSON and in contradictions/revisions below.
                if let Some(f) = ev
                    .figures
                    .iter()
                    .filter(|f| f.figure == name)
                    .max_by(|a, b| a.published.cmp(&b.published))
                {
                    // Whose figure it is stays with it ("The group claimed it had killed more
                    // than 100": according to al-Shabaab).
                    let by = f
                        .attributed_to
                        .as_ref()
                        .map(|p| format!(", according to {}", who(p)))
                        .unwrap_or_default();
                    let _ = write!(
                        figs,
                        "; {name}: “{}” ({}){by}",
                        f.text,
                        range(f.min, f.max, false)
                    );
                    let others = ev
                        .figures
                        .iter()
                        .filter(|g| g.figure == name && (g.min, g.max) != (f.min, f.max))
                        .count();
                    if others > 0 {
                        let _ = write!(figs, ", {others} other figure(s) from other sources");
                    }
                }
            }
            let _ = writeln!(
                s,
                "- **{date}** — {} ({}{role}{figs}; {} independent source{}){}",
                ev.title,
                ev.certainty,
                ev.independent_sources,
                if ev.independent_sources == 1 { "" } else { "s" },
                n.cite(&ev.sources)
            );
            for f in ev.figures.iter().filter(|f| !f.revised_from.is_empty()) {
                let chain: Vec<String> = f
                    .revised_from
                    .iter()
                    .chain(std::iter::once(&f.text))
                    .map(|t| format!("“{t}”"))
                    .collect();
                let _ = writeln!(
                    s,
                    "  - revised within document {}: {} {}{}",
                    f.doc,
                    chain.join(" → "),
                    f.figure,
                    n.cite(f.source.as_slice())
                );
            }
            for f in ev.figures.iter().filter(|f| f.revises.is_some()) {
                let _ = writeln!(
                    s,
                    "  - revised: {} {} (document {}, revising document {})",
                    f.text,
                    f.figure,
                    f.doc,
                    f.revises.unwrap_or_default()
                );
            }
        }
    }
    if !d.assessments.is_empty() {
        // A person's dossier lists what they said and assessed.
        let heading = if d.entity.kind == "person" {
            "Statements and assessments"
        } else {
            "Assessments"
        };
        let _ = writeln!(s, "\n## {heading}\n");
        for a in &d.assessments {
            let when = a
                .date
                .as_ref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            let medium = a
                .medium
                .as_ref()
                .map(|m| format!(", in “{m}”"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- {}{when}{medium}: “{}”{}",
                who(&a.by),
                a.text,
                n.cite(&a.sources)
            );
        }
    }
    if !d.contradictions.is_empty() {
        let _ = writeln!(s, "\n## Contradictions\n");
        for c in &d.contradictions {
            let parts: Vec<String> = c
                .statements
                .iter()
                .map(|st| {
                    format!(
                        "{}{}{}",
                        st.says,
                        st.attributed_to
                            .as_ref()
                            .map(|p| format!(" ({})", who(p)))
                            .unwrap_or_default(),
                        n.cite(&st.sources)
                    )
                })
                .collect();
            let _ = writeln!(s, "- {}: {}", c.about, parts.join(" vs. "));
        }
    }
    if !d.sources.is_empty() {
        let _ = writeln!(s, "\n## Sources\n");
        for src in &d.sources {
            let _ = writeln!(
                s,
                "- [{}] {} — {}, {}{}",
                src.id,
                src.title.as_deref().unwrap_or("(untitled)"),
                src.publisher.as_deref().unwrap_or("unknown publisher"),
                src.published.as_deref().unwrap_or("undated"),
                src.url
                    .as_ref()
                    .map(|u| format!(", <{u}>"))
                    .unwrap_or_default()
            );
        }
    }
    if !n.list.is_empty() {
        let _ = writeln!(s);
        for (i, c) in n.list.iter().enumerate() {
            let _ = writeln!(
                s,
                "[^{}]: Document {}: “{}”",
                i + 1,
                c.doc,
                c.quote.replace('\n', " ")
            );
        }
    }
    s
}

/// Escape text for HTML (article text is untrusted: always rendered as text).
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// One self-contained HTML file: the Markdown's sections, a timeline and a map drawn as SVG
/// (equirectangular, with a graticule; no tiles, nothing fetched).
pub fn html(d: &Dossier) -> String {
    let mut s = String::new();
    let _ = write!(s, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>{}</title><style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}h1{{margin-bottom:0}}.c{{font-size:.8em;vertical-align:super}}li{{margin:.3em 0}}svg{{background:#f4f6f8;border:1px solid #ccd}}.q{{color:#555}}</style></head><body>", esc(&d.entity.name));
    let _ = write!(
        s,
        "<h1>{}</h1><p>{}</p>",
        esc(&d.entity.name),
        esc(&d.entity.kind)
    );
    if let Some(a) = &d.as_of {
        let _ = write!(
            s,
            "<p><em>As of {}: only documents published by then.</em></p>",
            esc(a)
        );
    }
    // Timeline.
    let dated: Vec<(&Event, f64)> = d
        .events
        .iter()
        .filter_map(|e| {
            e.date
                .as_ref()
                .and_then(|x| year_frac(x.earliest.as_deref().unwrap_or(&x.value)))
                .map(|y| (e, y))
        })
        .collect();
    if !dated.is_empty() {
        let lo = dated
            .iter()
            .map(|x| x.1)
            .fold(f64::INFINITY, f64::min)
            .floor();
        let hi = dated
            .iter()
            .map(|x| x.1)
            .fold(f64::NEG_INFINITY, f64::max)
            .floor()
            + 1.0;
        let w = 900.0;
        let _ = write!(s, "<h2>Timeline</h2><svg viewBox=\"0 0 {w} {}\" width=\"100%\" role=\"img\" aria-label=\"timeline\">", 40 + 22 * dated.len());
        let mut y = lo;
        while y <= hi {
            let x = 20.0 + (y - lo) / (hi - lo).max(1.0) * (w - 40.0);
            let _ = write!(s, "<line x1=\"{x:.1}\" y1=\"20\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#dde\"/><text x=\"{x:.1}\" y=\"14\" font-size=\"11\" text-anchor=\"middle\">{}</text>", 30 + 22 * dated.len(), y as i64);
            y += 1.0;
        }
        for (i, (e, yv)) in dated.iter().enumerate() {
            let x = 20.0 + (yv - lo) / (hi - lo).max(1.0) * (w - 40.0);
            let yy = 34 + 22 * i;
            let _ = write!(s, "<circle cx=\"{x:.1}\" cy=\"{yy}\" r=\"5\" fill=\"#c33\"><title>{}</title></circle><text x=\"{:.1}\" y=\"{}\" font-size=\"12\">{} — {}</text>", esc(&e.title), x + 8.0, yy + 4, esc(&e.date.as_ref().map(date_text).unwrap_or_default()), esc(&e.title));
        }
        let _ = write!(s, "</svg>");
    }
    // Map.
    let placed: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| e.place.as_ref().is_some_and(|p| p.lat.is_some()))
        .collect();
    if !placed.is_empty() {
        let _ = write!(s, "<h2>Map</h2><svg viewBox=\"0 0 720 360\" width=\"100%\" role=\"img\" aria-label=\"map\">");
        for lon in (-180..=180).step_by(30) {
            let x = (lon + 180) as f64 * 2.0;
            let _ = write!(
                s,
                "<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"360\" stroke=\"#dde\"/>"
            );
        }
        for lat in (-90..=90).step_by(30) {
            let y = (90 - lat) as f64 * 2.0;
            let _ = write!(
                s,
                "<line x1=\"0\" y1=\"{y}\" x2=\"720\" y2=\"{y}\" stroke=\"#dde\"/>"
            );
        }
        let _ = write!(
            s,
            "<path d=\"{}\" fill=\"#dfe4ea\" stroke=\"#aab\" stroke-width=\"0.3\"/>",
            world_path()
        );
        for e in placed {
            let p = e.place.as_ref().expect("filtered on place");
            let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                continue;
            };
            let (x, y) = ((lon + 180.0) * 2.0, (90.0 - lat) * 2.0);
            let _ = write!(s, "<circle class=\"marker\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#c33\"><title>{} — {}</title></circle><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{}</text>", esc(&e.title), esc(&p.name), x + 5.0, y - 3.0, esc(&p.name));
        }
        let _ = write!(s, "</svg>");
    }
    // The Markdown body, as escaped preformatted text sections.
    let md = markdown(d);
    let _ = write!(
        s,
        "<h2>Dossier</h2><pre style=\"white-space:pre-wrap\">{}</pre>",
        esc(&md)
    );
    let _ = writeln!(s, "</body></html>");
    s
}

/// Country outlines (Natural Earth via world-atlas, `data/world`) as one SVG path in the map's
/// equirectangular projection (720 × 360), built once.
fn world_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("../../../data/world/countries-110m.geojson"))
                .unwrap_or_default();
        let mut d = String::new();
        let ring = |d: &mut String, r: &serde_json::Value| {
            for (i, p) in r.as_array().into_iter().flatten().enumerate() {
                let (Some(lon), Some(lat)) = (
                    p.get(0).and_then(|x| x.as_f64()),
                    p.get(1).and_then(|x| x.as_f64()),
                ) else {
                    continue;
                };
                let _ = write!(
                    d,
                    "{}{:.1} {:.1}",
                    if i == 0 { "M" } else { "L" },
                    (lon + 180.0) * 2.0,
                    (90.0 - lat) * 2.0
                );
            }
            d.push('Z');
        };
        for f in v["features"].as_array().into_iter().flatten() {
            let g = &f["geometry"];
            match g["type"].as_str() {
                Some("Polygon") => g["coordinates"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .for_each(|r| ring(&mut d, r)),
                Some("MultiPolygon") => g["coordinates"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|p| p.as_array().into_iter().flatten())
                    .for_each(|r| ring(&mut d, r)),
                _ => {}
            }
        }
        d
    })
}

fn year_frac(v: &str) -> Option<f64> {
    let y: f64 = v.get(0..4)?.parse().ok()?;
    let m: f64 = v.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1.0);
    let d: f64 = v.get(8..10).and_then(|m| m.parse().ok()).unwrap_or(1.0);
    Some(y + (m - 1.0) / 12.0 + (d - 1.0) / 365.0)
}
