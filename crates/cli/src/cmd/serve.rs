//! `dossier serve`: the JSON API and the web UI over the store (loopback by default).

use anyhow::Result;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on; loopback by default.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Bearer token that allows `POST /api/documents`; without one, the server is read-only.
    #[arg(long, env = "DOSSIER_TOKEN", hide_env_values = true)]
    token: Option<String>,
}

pub fn run(store: &Path, args: Args) -> Result<ExitCode> {
    super::open_existing(store)?;
    if !args.addr.ip().is_loopback() && args.token.is_some() {
        eprintln!(
            "warning: listening on {} with a write token over plain HTTP; put TLS in front",
            args.addr
        );
    }
    dossier_server::serve_blocking(args.addr, store, args.token)?;
    Ok(ExitCode::SUCCESS)
}
