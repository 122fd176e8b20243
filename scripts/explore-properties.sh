#!/usr/bin/env bash
# Counterexample hunt: CI runs every FsCheck property on a fixed seed (tests/Goldilocks.Tests/Infrastructure/
# ClaimPropertyAttribute.cs) so that it gates on the same cases every time; this script re-runs them RUNS times with
# GOLDILOCKS_FSCHECK_SEED=random. A failure prints FsCheck's "Replay" seed and the shrunk case: turn it into a named
# regression test, fix the code or the test, and run again.
#
#   scripts/explore-properties.sh            # 5 random-seed runs of every property
#   RUNS=20 scripts/explore-properties.sh    # more
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-5}
out="$root/TestResults/explore"
rm -rf "$out"; mkdir -p "$out"
dotnet build tests/Goldilocks.Tests -c Release -v quiet -nologo || { echo "build failed"; exit 2; }
failed=0
for ((i = 0; i < runs; i++)); do
  GOLDILOCKS_FSCHECK_SEED=random dotnet test tests/Goldilocks.Tests -c Release --no-build --filter "Category=Property" \
    >"$out/run-$i.log" 2>&1 || failed=$((failed + 1))
  echo "run $i: $(grep -Eo '(Passed|Failed)!.*' "$out/run-$i.log" | head -n 1)"
done
grep -h -A3 "Falsifiable" "$out"/*.log 2>/dev/null
echo "$failed of $runs random-seed runs failed"
[ "$failed" = 0 ]
