#!/usr/bin/env bash
# Stops the throw-away PostgreSQL started by start-postgres.sh and removes its data.
set -uo pipefail
data_dir=${1:?data dir}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
run_as=()
[ "$(id -u)" = 0 ] && run_as=(runuser -u postgres --)
[ -d "$data_dir/db" ] && "${run_as[@]}" "$bin/pg_ctl" -D "$data_dir/db" -m fast -w stop >/dev/null 2>&1
rm -rf "$data_dir"
