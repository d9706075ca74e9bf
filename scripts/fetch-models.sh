#!/usr/bin/env bash
# Fetches the face models (faceplugin-face-recognition-js@0.0.1, MIT) into models/ at the repo root.
# Idempotent: does nothing when every model is already there. Models are never committed.
set -euo pipefail

PACKAGE="faceplugin-face-recognition-js@0.0.1"
INTEGRITY="sha512-shriXjd4zJHEwhK1jHK+bWo8Vv6Vu9B/w6RRsd4AFtNM/jaI2vhuOamOSMl9qQmLd8WlQ7dgqN+3C2iOi5pXWw=="
MODELS=(fr_detect fr_landmark fr_feature fr_liveness fr_eye fr_pose)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${FACE_MODELS_DIR:-$ROOT/models}"

missing=0
for m in "${MODELS[@]}"; do
  [[ -s "$DEST/$m.onnx" ]] || missing=1
done
if [[ $missing -eq 0 ]]; then
  echo "models: all present in $DEST"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-models: npm is required" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null)
TARBALL="$(ls "$WORK"/*.tgz)"

ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
if [[ "$ACTUAL" != "$INTEGRITY" ]]; then
  echo "fetch-models: INTEGRITY MISMATCH for $PACKAGE" >&2
  echo "  expected $INTEGRITY" >&2
  echo "  actual   $ACTUAL" >&2
  exit 1
fi

tar -xzf "$TARBALL" -C "$WORK"
mkdir -p "$DEST"
for m in "${MODELS[@]}"; do
  src="$WORK/package/model/$m.onnx"
  [[ -s "$src" ]] || { echo "fetch-models: $m.onnx missing from the package" >&2; exit 1; }
  install -m 0644 "$src" "$DEST/$m.onnx.tmp"
  mv -f "$DEST/$m.onnx.tmp" "$DEST/$m.onnx"
done
echo "models: fetched ${MODELS[*]} into $DEST (integrity verified)"
