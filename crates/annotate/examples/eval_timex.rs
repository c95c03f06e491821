//! Score the time-expression stage against a TimeML directory:
//! `cargo run -p dossier-annotate --release --example eval_timex -- DIR [--json] [--errors N]`.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/tempeval3/tbaq-cleaned")
    });
    let json = args.any(|a| a == "--json");
    if std::env::var("TIMEX_DIFF").is_ok() {
        diff(&dir);
        return;
    }
    match dossier_annotate::eval::eval_timex(&dir) {
        Ok(r) if json => println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default()),
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

/// With `TIMEX_DIFF=1`: print every extent or value disagreement (for error analysis).
fn diff(dir: &std::path::Path) {
    use dossier_annotate::timeml;
    // TIMEX_CTX=N: characters of context either side (40 by default).
    let width: usize = std::env::var("TIMEX_CTX")
        .ok()
        .and_then(|w| w.parse().ok())
        .unwrap_or(40);
    let Ok(files) = timeml::timeml_files(dir) else {
        return;
    };
    for f in files {
        let Ok(raw) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(doc) = timeml::parse(&raw) else {
            continue;
        };
        let sys = doc.annotate();
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dct = doc.dct.map(|d| d.to_string()).unwrap_or_default();
        let ctx = |a: usize, b: usize| {
            let s = a.saturating_sub(width);
            let e = (b + width).min(doc.plain.len());
            let s = (s..=a)
                .find(|&i| doc.plain.is_char_boundary(i))
                .unwrap_or(a);
            let e = (e..=doc.plain.len())
                .find(|&i| doc.plain.is_char_boundary(i))
                .unwrap_or(b);
            format!(
                "{}[{}]{}",
                &doc.plain[s..a],
                &doc.plain[a..b],
                &doc.plain[b..e]
            )
            .replace('\n', " ")
        };
        for g in &doc.gold {
            let m = sys
                .iter()
                .find(|t| t.span.start < g.end && g.start < t.span.end);
            match m {
                None => println!(
                    "MISS {name} {dct} {:?} {} :: {}",
                    g.kind,
                    g.value,
                    ctx(g.start, g.end)
                ),
                Some(t) => {
                    if t.span.start != g.start || t.span.end != g.end {
                        println!(
                            "EXT  {name} gold={:?} sys={:?} :: {}",
                            &doc.plain[g.start..g.end],
                            t.text,
                            ctx(g.start, g.end)
                        );
                    }
                    if t.value != g.value || Some(t.kind) != g.kind {
                        println!(
                            "VAL  {name} {dct} {:?} gold={:?} {} sys={} {} :: {}",
                            t.text,
                            g.kind,
                            g.value,
                            t.kind,
                            t.value,
                            ctx(t.span.start, t.span.end)
                        );
                    }
                }
            }
        }
        for t in &sys {
            if !doc
                .gold
                .iter()
                .any(|g| t.span.start < g.end && g.start < t.span.end)
            {
                println!(
                    "SPUR {name} {} {} :: {}",
                    t.kind,
                    t.value,
                    ctx(t.span.start, t.span.end)
                );
            }
        }
    }
}
