#!/usr/bin/env bash
# Clones the repository into an empty folder (no ../shared, no models, no build output) and runs the README's first
# command there: it must install what it needs, build, and play the demo to the teacher's report.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bare=$(mktemp -d /tmp/rollcall-bare.XXXXXX)
trap 'rm -rf "$bare"' EXIT
git clone -q . "$bare/rollcall"
log="$bare/demo.log"
if ! (cd "$bare/rollcall" && ./rollcall.sh demo) >"$log" 2>&1; then
  tail -n 40 "$log"
  echo "bare clone: ./rollcall.sh demo failed" >&2
  exit 1
fi
grep -q "Present: 3 of 6, absent: 2" "$log" || { tail -n 40 "$log"; echo "bare clone: the demo ended without its report" >&2; exit 1; }
echo "bare clone: ./rollcall.sh demo played the class to the report in $(( $(date +%s) - started )) s"
