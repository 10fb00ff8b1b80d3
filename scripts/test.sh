#!/usr/bin/env bash
# Runs every test of TradingDesk on a fresh Debian machine that has only the .NET SDK.
# Installs what is missing (Debian packages as root, NuGet restore), builds, runs every test project,
# and ends with one line "tests: N passed, N failed, N skipped". Exit code is non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: docker-compose validates docker-compose.yml (no Docker engine is needed for that);
# postgresql is the server the journal's PostgreSQL tests run against (Debian 12 ships 15; nothing starts it by itself).
debian_packages=(docker-compose postgresql)
# The dashboard's browser test (tests/TradingDesk.Hosting.Tests/Dashboard) drives headless Chromium over CDP.
debian_packages+=(chromium)
if ((${#debian_packages[@]})); then
  missing=()
  for p in "${debian_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || { echo "test.sh: need root to install: ${missing[*]}" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi

# Node.js runs the sample gRPC client in samples/clients/node (a test runs it against the desk). Checked by command,
# not by package: a machine may have Node from elsewhere (NodeSource's nodejs bundles npm, Debian's does not).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  [[ $(id -u) -eq 0 ]] || { echo "test.sh: need root to install nodejs and npm" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet restore TradingDesk.sln
dotnet build TradingDesk.sln -c Release --no-restore -nologo
# The Node client's packages, exactly as its lock file pins them.
(cd samples/clients/node && npm ci --no-audit --no-fund --loglevel=error)

# A PostgreSQL of its own on a free loopback port in a temporary directory, stopped and removed on exit, also when
# tests fail or the script is interrupted. The tests read its connection string from TRADINGDESK_TEST_POSTGRES.
log=$(mktemp)
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/tradingdesk-pg.XXXXXX")
trap 'bash scripts/postgres.sh stop "$pg_dir"; rm -f "$log"' EXIT
TRADINGDESK_TEST_POSTGRES=$(bash scripts/postgres.sh start "$pg_dir")
export TRADINGDESK_TEST_POSTGRES
status=0
dotnet test TradingDesk.sln -c Release --no-build --nologo --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ...".
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { f += $2; p += $4; s += $6 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (p == 0) exit 1 }' "$log" || status=1
exit "$status"
