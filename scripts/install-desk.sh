#!/usr/bin/env bash
# Installs the `desk` command as a .NET tool built from this repository: builds src/TradingDesk.Cli in Release,
# packs it into src/TradingDesk.Cli/bin/packages and installs the tool from that folder (nothing is downloaded
# beyond the NuGet restore of the build).
#   bash scripts/install-desk.sh                   # for this user: ~/.dotnet/tools/desk (~/.dotnet/tools must be on PATH)
#   bash scripts/install-desk.sh --tool-path DIR   # into DIR instead (DIR/desk)
# Run it again after pulling changes: each run installs a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."

tool_path=""
while (($#)); do
  case "$1" in
    --tool-path)
      [[ $# -ge 2 && -n $2 ]] || { echo "install-desk.sh: --tool-path needs a directory" >&2; exit 2; }
      tool_path=$2; shift 2 ;;
    -h|--help) sed -n 2,7p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-desk.sh: unknown argument '$1' (expected --tool-path DIR)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
packages=src/TradingDesk.Cli/bin/packages
# A new package version each run: NuGet caches a package by id and version, so installing the same version again
# would install the cached, older build. Only the package's version changes; the assemblies stay as built.
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"

echo "install-desk.sh: building desk (the first build takes a few minutes and prints little)"
dotnet build src/TradingDesk.Cli -c Release -nologo -v quiet
dotnet pack src/TradingDesk.Cli -c Release -nologo -v quiet --no-build -p:PackageVersion="$version" -o "$packages"

if [[ -n $tool_path ]]; then where=(--tool-path "$tool_path"); else where=(--global); fi
dotnet tool uninstall "${where[@]}" TradingDesk.Cli >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" --add-source "$packages" --version "$version" TradingDesk.Cli

if [[ -n $tool_path ]]; then
  echo "install-desk.sh: installed $tool_path/desk"
else
  echo "install-desk.sh: installed desk in ~/.dotnet/tools"
  case ":$PATH:" in
    *":$HOME/.dotnet/tools:"*) ;;
    *) echo "install-desk.sh: add it to PATH: export PATH=\"\$PATH:\$HOME/.dotnet/tools\" (e.g. in ~/.bashrc)" ;;
  esac
fi
