#!/usr/bin/env bash
# Installs s3rver (a local S3 server for the integration tests) into .tools/ (git-ignored). Idempotent.
set -euo pipefail

VERSION="3.7.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/s3rver"
BIN="$TOOLS/node_modules/.bin/s3rver"

if [[ -x "$BIN" ]] && [[ "$(node -p "require('$TOOLS/node_modules/s3rver/package.json').version" 2>/dev/null)" == "$VERSION" ]]; then
  echo "s3rver $VERSION: already in $TOOLS"
  exit 0
fi

command -v npm >/dev/null || { echo "install-s3rver: npm is required" >&2; exit 1; }
mkdir -p "$TOOLS"
[[ -f "$TOOLS/package.json" ]] || echo '{ "name": "rollcall-tools", "private": true }' > "$TOOLS/package.json"
npm install --prefix "$TOOLS" --no-audit --no-fund --save-exact "s3rver@$VERSION" >/dev/null
"$BIN" --version >/dev/null
echo "s3rver $VERSION: installed in $TOOLS"
