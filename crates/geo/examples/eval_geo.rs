//! Development runner: `cargo run --release -p dossier-geo --example eval_geo -- [FILE] [--json]`.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let file = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/geoparsing/TR-News.xml")
        });
    let Some(dir) = dossier_ner::find_model(None).or_else(|| {
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/en_core_web_sm"))
    }) else {
        eprintln!("no NER model");
        std::process::exit(2);
    };
    let ner = match dossier_ner::Model::load(&dir) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    match dossier_geo::eval_trnews(&file, &ner) {
        Ok(r) if json => println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default()),
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
