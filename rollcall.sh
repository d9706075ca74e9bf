#!/usr/bin/env bash
# Runs Rollcall: installs the native prerequisites and models once, builds, then `rollcall ARGS`
# (default `run`, which plays the self-contained demo when no Telegram tokens are configured).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-prerequisites.sh
dotnet build src/Rollcall -c Release -v quiet -nologo
exec dotnet src/Rollcall/bin/Release/net10.0/rollcall.dll "${@:-run}"
