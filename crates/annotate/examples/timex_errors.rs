//! Development aid: every time-expression error on a TimeML directory, one line each with its
//! sentence, for error analysis (`cargo run --release -p dossier-annotate --example timex_errors DIR`).

use dossier_annotate::timeml;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: timex_errors DIR"));
    let files = timeml::timeml_files(&dir).expect("cannot list");
    for f in files {
        let raw = std::fs::read_to_string(&f).expect("read");
        let doc = timeml::parse(&raw).expect("parse");
        let sys = doc.annotate();
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let ctx = |a: usize, b: usize| {
            let s = doc.plain[..a].rfind(['.', '\n']).map_or(0, |i| i + 1);
            let e = doc.plain[b..]
                .find(['.', '\n'])
                .map_or(doc.plain.len(), |i| b + i);
            format!(
                "{}[{}]{}",
                doc.plain[s..a].trim_start(),
                &doc.plain[a..b],
                &doc.plain[b..e]
            )
            .replace('\n', " ")
        };
        let mut used = vec![false; doc.gold.len()];
        for t in &sys {
            let mut best: Option<(usize, usize)> = None;
            for (gi, g) in doc.gold.iter().enumerate() {
                if used[gi] {
                    continue;
                }
                let ov = t
                    .span
                    .end
                    .min(g.end)
                    .saturating_sub(t.span.start.max(g.start));
                if ov == 0 {
                    continue;
                }
                let sc = if g.start == t.span.start && g.end == t.span.end {
                    usize::MAX
                } else {
                    ov
                };
                if best.is_none_or(|(_, b)| sc > b) {
                    best = Some((gi, sc));
                }
            }
            match best {
                Some((gi, sc)) => {
                    used[gi] = true;
                    let g = &doc.gold[gi];
                    if g.value != t.value {
                        println!(
                            "WRONG\t{name}\t{:?}\t{}\t{}\t{}",
                            doc.dct,
                            g.value,
                            t.value,
                            ctx(g.start, g.end)
                        );
                    } else if sc == usize::MAX {
                        println!(
                            "OK\t{name}\t{:?}\t{}\t{}\t{}",
                            doc.dct,
                            g.value,
                            t.value,
                            ctx(g.start, g.end)
                        );
                    } else {
                        println!(
                            "EXTENT\t{name}\t{:?}\t{}\t{}\t{}",
                            doc.dct,
                            &doc.plain[g.start..g.end],
                            &doc.plain[t.span.start..t.span.end],
                            ctx(g.start, g.end)
                        );
                    }
                }
                None => println!(
                    "SPUR\t{name}\t{:?}\t-\t{}\t{}",
                    doc.dct,
                    t.value,
                    ctx(t.span.start, t.span.end)
                ),
            }
        }
        for (gi, g) in doc.gold.iter().enumerate() {
            if !used[gi] {
                println!(
                    "MISS\t{name}\t{:?}\t{}\t-\t{}",
                    doc.dct,
                    g.value,
                    ctx(g.start, g.end)
                );
            }
        }
    }
}
