//! Print the annotations of a text file as JSON:
//! `cargo run -p dossier-annotate --example annotate -- FILE [YYYY-MM-DD]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: annotate FILE [DCT as YYYY-MM-DD]");
        std::process::exit(2);
    };
    let dct = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let a = dossier_annotate::annotate(&text, dct, "en");
    println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
}
