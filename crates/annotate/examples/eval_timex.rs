//! Score the time-expression stage against a TimeML directory:
//! `cargo run -p dossier-annotate --release --example eval_timex -- DIR [--json] [--errors N]`.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3/tbaq-cleaned")
    });
    let json = args.any(|a| a == "--json");
    match dossier_annotate::eval::eval_timex(&dir) {
        Ok(r) if json => println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default()),
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
