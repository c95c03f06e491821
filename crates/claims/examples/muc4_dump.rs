//! Error analysis of the MUC-4 extractor: scores, how many gold entities any candidate (or the
//! top 1/2/4/8) reaches, and for the first N scored documents the gold fillers against the kept
//! candidates and the next ones below the thresholds; with a third argument, every document's
//! candidates as JSON to that file. `EPOCHS`, `MINCOUNT` and `SEED` override the training options.
//! `cargo run --release -p dossier-claims --example muc4_dump -- ../shared/data/events/muc4 40`

use std::path::PathBuf;

use dossier_claims::muc4::score::{normalize_string, ROLES};
use dossier_claims::muc4::{evaluate, read_docs, Extractor};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or("../shared/data/events/muc4".into()),
    );
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(40);
    let train = read_docs(&dir.join("train.json")).unwrap();
    let dev = read_docs(&dir.join("dev.json")).unwrap();
    let mut opts = dossier_claims::muc4::model::TrainOptions::default();
    if let Some(e) = std::env::var("EPOCHS").ok().and_then(|s| s.parse().ok()) {
        opts.epochs = e;
    }
    if let Some(e) = std::env::var("MINCOUNT").ok().and_then(|s| s.parse().ok()) {
        opts.min_count = e;
    }
    if let Some(e) = std::env::var("SEED").ok().and_then(|s| s.parse().ok()) {
        opts.seed = e;
    }
    let ex = Extractor::train(&train, opts);
    println!("{:?}", ex.params);
    let m = evaluate(&ex, &dev);
    for p in m.strict.roles.iter().chain([&m.strict.micro]) {
        println!("{:<10} P {:.4} R {:.4} F1 {:.4}", p.role, p.p, p.r, p.f1);
    }
    for p in m.head.roles.iter().chain([&m.head.micro]) {
        println!(
            "head {:<10} P {:.4} R {:.4} F1 {:.4}",
            p.role, p.p, p.r, p.f1
        );
    }
    println!("head micro F1 {:.4}", m.head.micro.f1);
    // Oracle recall: gold entities matched by any candidate, by the top k.
    for r in 0..5 {
        let mut tot = 0usize;
        let mut any = 0usize;
        let mut top = [0usize; 4];
        for d in &dev {
            let cands = ex.candidates(&d.text);
            let norm: Vec<String> = cands[r].iter().map(|c| normalize_string(&c.text)).collect();
            for e in &d.gold[r] {
                let en: Vec<String> = e.iter().map(|m| normalize_string(m)).collect();
                tot += 1;
                if let Some(i) = norm.iter().position(|n| en.contains(n)) {
                    any += 1;
                    for (j, k) in [1usize, 2, 4, 8].iter().enumerate() {
                        if i < *k {
                            top[j] += 1;
                        }
                    }
                }
            }
        }
        println!(
            "oracle {:<8} gold {tot} any {any} top1/2/4/8 {:?}",
            ROLES[r], top
        );
    }
    let mut js = Vec::new();
    for d in dev.iter().filter(|_| args.len() > 3) {
        let cands = ex.candidates(&d.text);
        let pred = ex.extract(&d.text);
        let c: Vec<Vec<(String, f32, usize)>> = cands
            .iter()
            .map(|l| {
                l.iter()
                    .map(|c| (c.text.clone(), c.score, c.first))
                    .collect()
            })
            .collect();
        js.push(serde_json::json!({"docid": d.docid, "cands": c, "pred": pred, "gold": d.gold}));
    }
    if let Some(out) = args.get(3) {
        std::fs::write(out, serde_json::to_string(&js).unwrap()).unwrap();
    }
    for d in dev.iter().take(n) {
        let cands = ex.candidates(&d.text);
        let pred = ex.extract(&d.text);
        println!("\n=== {} ({} chars)", d.docid, d.text.len());
        for r in 0..5 {
            if d.gold[r].is_empty() && pred[r].is_empty() {
                continue;
            }
            let gold_norm: Vec<Vec<String>> = d.gold[r]
                .iter()
                .map(|e| e.iter().map(|m| normalize_string(m)).collect())
                .collect();
            println!("  {}:", ROLES[r]);
            for e in &d.gold[r] {
                println!("    G {:?}", e);
            }
            for (i, c) in cands[r].iter().take(pred[r].len() + 3).enumerate() {
                let n = normalize_string(&c.text);
                let ok = gold_norm.iter().any(|e| e.contains(&n));
                let kept = i < pred[r].len();
                println!(
                    "    {} {} {:.3} {:?} @{}",
                    if kept { "P" } else { "-" },
                    if ok { "+" } else { " " },
                    c.score,
                    c.text,
                    c.first
                );
            }
        }
    }
}
