#!/usr/bin/env bash
# The whole test suite: installs what the tests need, starts a throw-away PostgreSQL, runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)
bash scripts/install-prerequisites.sh --tests

pg_dir=$(mktemp -d /tmp/rollcall-pg.XXXXXX)
trap 'bash scripts/stop-postgres.sh "$pg_dir"' EXIT
pg_port=$(( 20000 + RANDOM % 20000 ))
export ROLLCALL_TEST_POSTGRES=$(bash scripts/start-postgres.sh "$pg_dir" "$pg_port")
echo "PostgreSQL for tests on 127.0.0.1:$pg_port"

dotnet build Rollcall.slnx -c Release -v quiet -nologo
dotnet format Rollcall.slnx --verify-no-changes --no-restore
log=$(mktemp /tmp/rollcall-test.XXXXXX.log)
set +e
dotnet test Rollcall.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One summary line across the test projects, in the form CI reads.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
       if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
echo "test.sh took $(( $(date +%s) - started )) s"
exit "$status"
