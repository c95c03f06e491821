//! Print the annotations of a text file as JSON:
//! `cargo run -p dossier-annotate --example annotate -- FILE [YYYY-MM-DD|-] [LANG]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: annotate FILE [DCT as YYYY-MM-DD, or -] [LANGUAGE]");
        std::process::exit(2);
    };
    let dct = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let language = args.next().unwrap_or_else(|| "en".to_string());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let a = dossier_annotate::annotate(&text, dct, &language);
    println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
}
