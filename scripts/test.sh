#!/usr/bin/env bash
# The README's test command: set-up, then every test (slow ones included), then one summary line
# "N passed, N failed, N skipped" computed from the run's TRX results.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
results="$root/TestResults"
rm -rf "$results"
dotnet test GoldilocksVerification.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?
# Sum the TRX counters with grep/sed only (no other runtime needed on a fresh machine).
p=0; f=0; k=0; found=0
while IFS= read -r trx; do
  found=1
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$line" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p=$((p + $(get passed))); k=$((k + $(get total) - $(get executed)))
  f=$((f + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done < <(find "$results" -name '*.trx' 2>/dev/null)
if [ "$found" = 0 ]; then echo "0 passed, 1 failed (no test results were written)"; [ "$status" = 0 ] && status=1
else echo "$p passed, $f failed, $k skipped"; fi
exit $status
