#!/usr/bin/env bash
# Accepts a change of public API: rebuilds every library package (a project under src/ with a PublicAPI.Shipped.txt) and
# writes what the public API analyzer reports into that project's PublicAPI files, for review as a diff.
#   .ci/update-public-api.sh          new public symbols (RS0016) go to PublicAPI.Unshipped.txt; symbols that are gone
#                                     or changed (RS0017) are taken out of whichever file lists them
#   .ci/update-public-api.sh --ship   then, at a release, moves every Unshipped line into PublicAPI.Shipped.txt
# The analyzer's message carries the exact line it expects, so the files are the analyzer's own words, sorted.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ship=false
case "${1:-}" in
  "") ;;
  --ship) ship=true ;;
  *) echo "usage: .ci/update-public-api.sh [--ship]" >&2; exit 2 ;;
esac

header='#nullable enable'
log=$(mktemp)
trap 'rm -f "$log" "$log".*' EXIT

# Writes the header and then the given lines (stdin) sorted ordinally, without duplicates or blank lines.
write_api() {
  { echo "$header"; grep -v -x -e "$header" -e '' | LC_ALL=C sort -u; } > "$1.new" || true
  mv "$1.new" "$1"
}

for shipped in src/*/PublicAPI.Shipped.txt; do
  dir=$(dirname "$shipped")
  unshipped="$dir/PublicAPI.Unshipped.txt"
  [ -e "$unshipped" ] || echo "$header" > "$unshipped"
  project=$(ls "$dir"/*.csproj)

  # Warnings, not errors, so one build reports every symbol; no incremental skip, or a compiled project reports nothing.
  dotnet build "$project" -p:TreatWarningsAsErrors=false --no-incremental -clp:NoSummary > "$log" 2>&1 \
    || { cat "$log"; echo "build of $project failed" >&2; exit 1; }
  # Only this project's diagnostics: MSBuild ends each line with [the project file].
  grep -F "$(cd "$dir" && pwd)/$(basename "$project")]" "$log" > "$log.own" || true
  sed -n "s/.*warning RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log.own" | LC_ALL=C sort -u > "$log.added"
  sed -n "s/.*warning RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log.own" | LC_ALL=C sort -u > "$log.removed"

  cat "$unshipped" "$log.added" | { grep -v -x -F -f "$log.removed" || true; } | write_api "$unshipped"
  { grep -v -x -F -f "$log.removed" "$shipped" || true; } | write_api "$shipped"
  if $ship; then
    cat "$shipped" "$unshipped" | write_api "$shipped"
    echo "$header" > "$unshipped"
  fi
  echo "$dir: $(wc -l < "$log.added") added, $(wc -l < "$log.removed") removed"
done
