#!/usr/bin/env bash
# Seed robustness of the statistical tests (docs/seed-sweep.md): re-runs every test in Category=Statistical with
# GOLDILOCKS_SEED_OFFSET = 0 .. SEEDS-1 (tests add it to their fixed seeds via Infrastructure/SeedOffset.cs) and
# reports, per test, on how many seeds it passed. Exit status 1 if any test passed on fewer than MIN_PASS seeds.
#
#   scripts/seed-sweep.sh                      # 50 seeds, every statistical test, require 49/50
#   SEEDS=20 MIN_PASS=19 scripts/seed-sweep.sh # fewer seeds
#   scripts/seed-sweep.sh "FullyQualifiedName~Curvature"   # extra filter, ANDed with Category=Statistical
#   FIRST=25 SEEDS=25 OUT=TestResults/sweep-b scripts/seed-sweep.sh   # offsets 25..49 into another folder (run halves
#                                                                     # in parallel; merge with scripts/seed-sweep.sh --summarize DIR...)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seeds=${SEEDS:-50}
first=${FIRST:-0}
min_pass=${MIN_PASS:-$((seeds - 1))}
summarize_only=0
if [ "${1:-}" = "--summarize" ]; then summarize_only=1; shift; fi
filter="Category=Statistical"
[ "$summarize_only" = 0 ] && [ $# -ge 1 ] && filter="$filter&($1)"
out="${OUT:-$root/TestResults/seed-sweep}"
if [ "$summarize_only" = 1 ]; then
  # Aggregate the TRX files of finished runs (e.g. two halves run in parallel) without running anything.
  out="$root/TestResults/seed-sweep-summary"; rm -rf "$out"; mkdir -p "$out"
  for d in "$@"; do cp "$d"/*.trx "$out"/ 2>/dev/null; done
  seeds=$(ls "$out"/*.trx | wc -l); min_pass=${MIN_PASS:-$((seeds - 1))}
else
rm -rf "$out"; mkdir -p "$out"

dotnet build tests/Goldilocks.Tests -c Release -v quiet -nologo || { echo "build failed"; exit 2; }
for ((i = first; i < first + seeds; i++)); do
  GOLDILOCKS_SEED_OFFSET=$i dotnet test tests/Goldilocks.Tests -c Release --no-build --filter "$filter" \
    --logger "trx;LogFileName=offset-$i.trx" --results-directory "$out" >"$out/offset-$i.log" 2>&1
  echo "offset $i: $(grep -Eo '(Passed|Failed)!.*' "$out/offset-$i.log" | head -n 1)"
done
fi

# One line per (test, outcome) from every TRX file, then passes per test.
grep -ho '<UnitTestResult [^>]*>' "$out"/*.trx 2>/dev/null \
  | sed -n 's/.*testName="\([^"]*\)".*outcome="\([A-Za-z]*\)".*/\2\t\1/p' \
  | awk -F'\t' -v summary="$out/summary.txt" -v seeds="$seeds" -v min="$min_pass" '
      { runs[$2]++; if ($1 == "Passed") pass[$2]++ }
      END {
        bad = 0; n = 0
        for (t in runs) { n++; p = pass[t] + 0; flag = (p < min) ? "  <-- below " min : ""; if (p < min) bad++
                          printf "%3d/%d  %s%s\n", p, runs[t], t, flag }
        if (n == 0) { print "no statistical tests matched the filter" > summary; exit 0 }
        printf "%d statistical tests over %d seeds; %d below %d/%d\n", n, seeds, bad, min, seeds > summary
        exit (bad > 0) }' >"$out/passes.txt"
status=${PIPESTATUS[2]}
sort -k2 "$out/passes.txt"; cat "$out/summary.txt"
exit "$status"
