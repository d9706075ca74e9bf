#!/usr/bin/env bash
# Installs what Rollcall needs on a fresh Debian machine with the .NET 10 SDK: native libraries for OpenCV,
# ffmpeg (decodes video notes in a child process; makes the test clips), PostgreSQL (tests), the face models and the
# local S3 server for the tests.
# Usage: scripts/install-prerequisites.sh [--tests]
set -euo pipefail
cd "$(dirname "$0")/.."
want=(libgtk-3-0 ffmpeg util-linux)
[ "${1:-}" = "--tests" ] && want+=(postgresql)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} ..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x scripts/fetch-models.sh ] && bash scripts/fetch-models.sh
if [ "${1:-}" = "--tests" ] && [ -x scripts/install-s3rver.sh ]; then bash scripts/install-s3rver.sh; fi
dotnet tool restore >/dev/null
