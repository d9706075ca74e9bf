#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for the tests and prints its connection string.
# Usage: scripts/start-postgres.sh DATA_DIR PORT   (stop with: scripts/stop-postgres.sh DATA_DIR)
set -euo pipefail
data_dir=${1:?data dir}
port=${2:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
run_as=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root; its own system user owns the throw-away cluster.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as=(runuser -u postgres --)
fi
rm -rf "$data_dir"
mkdir -p "$data_dir"
[ "$(id -u)" = 0 ] && chown postgres "$data_dir"
"${run_as[@]}" "$bin/initdb" -D "$data_dir/db" -U postgres --auth=trust -E UTF8 >"$data_dir/initdb.log" 2>&1
"${run_as[@]}" "$bin/pg_ctl" -D "$data_dir/db" -l "$data_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data_dir/db -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
