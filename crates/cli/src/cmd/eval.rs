//! `dossier eval STAGE DATA`: score an extraction stage on gold data and print precision,
//! recall and F1.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    stage: Stage,
}

#[derive(Debug, clap::Subcommand)]
enum Stage {
    /// MUC-4 role fillers (GRIT JSON lines): learns from the training file, then scores FILE with
    /// GRIT's CEAF-REE (phi_strict) per role and micro-averaged.
    Muc4 {
        /// The documents to score, e.g. ../shared/data/events/muc4/dev.json.
        file: PathBuf,
        /// The training documents (default: train.json beside FILE).
        #[arg(long)]
        train: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Event triggers (attack, explosion, death, injury, arrest) against WikiEvents JSON lines:
    /// precision, recall and F1 per type and micro-averaged, token-overlap match.
    Wikievents {
        /// The documents, e.g. ../shared/data/events/wikievents/dev.jsonl.
        file: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Time expressions against the gold TIMEX3 tags of TimeML files (TempEval-3 measures).
    Timex {
        /// A folder of TimeML files, e.g. ../shared/data/tempeval3/tbaq-cleaned.
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Named entities against CoNLL files (wikigold, re3d): PER, ORG, LOC precision, recall, F1.
    Ner {
        /// CoNLL files (token and IOB tag per line).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The model folder (default: $DOSSIER_MODEL, else ./models/en_core_web_sm).
        #[arg(long)]
        model: Option<PathBuf>,
        /// With entity linking: knowledge-base alias matches and linked names replace the NER
        /// mentions they overlap (armed groups and institutions count as ORG).
        #[arg(long)]
        link: bool,
    },
    /// Geocoding end to end (NER place mentions → gazetteer) on TR-News XML: toponym
    /// precision/recall/F1 and accuracy within 161 km, also with the gold toponyms given.
    Geo {
        /// TR-News XML, e.g. ../shared/data/geoparsing/TR-News.xml.
        file: PathBuf,
        /// The NER model folder (default: $DOSSIER_MODEL, else ./models/en_core_web_sm).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.stage {
        Stage::Muc4 { file, train, json } => {
            let train = train.unwrap_or_else(|| file.with_file_name("train.json"));
            let started = std::time::Instant::now();
            let report = dossier_claims::muc4::eval_muc4(&file, &train)?;
            eprintln!(
                "trained and scored in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
        Stage::Wikievents { file, json } => {
            let report = dossier_claims::wikievents::eval_wikievents(&file)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
        Stage::Timex { dir, json } => {
            let report = dossier_annotate::eval::eval_timex(&dir)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
        Stage::Geo { file, model, json } => {
            let Some(model) = super::ner::load_model(model.as_deref())? else {
                anyhow::bail!("{}", super::ner::NO_MODEL);
            };
            let report = dossier_geo::eval_trnews(&file, &model)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
        Stage::Ner { files, model, link } => {
            let Some(model) = super::ner::load_model(model.as_deref())? else {
                anyhow::bail!("{}", super::ner::NO_MODEL);
            };
            let linker = if link {
                Some(dossier_entities::Linker::builtin()?)
            } else {
                None
            };
            for f in files {
                let report = match &linker {
                    None => dossier_ner::eval_conll(&f, &model)?,
                    Some(l) => dossier_ner::eval_conll_with(&f, &model, |text, es| {
                        let ner = dossier_geo::mentions_from_ner(text, es);
                        let whole = [dossier_core::Span::new(0, text.len())];
                        let linked = l.link_document(text, &whole, &ner);
                        dossier_entities::eval_predictions(&ner, &linked.mentions)
                    })?,
                };
                println!("{report}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
