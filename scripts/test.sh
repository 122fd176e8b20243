#!/usr/bin/env bash
# The README's test command: set-up, one build (and the mutation lanes'), then every test (slow ones included) in two concurrent test
# processes (the slow category beside the rest: the slow tests spend most of their time in child processes such as
# `dotnet pack`, so the two share the 2 cores well), then one summary line "N passed, N failed, N skipped" computed
# from the runs' TRX results. Extra arguments go to both `dotnet test` runs.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
results="$root/TestResults"
rm -rf "$results"
dotnet build GoldilocksVerification.sln -c Release -nologo -clp:ErrorsOnly
status=$?
# The mutation lanes (tests/Goldilocks.MutationLane, not in the solution) compile subsets of the suite's files; a test
# that comes to depend on a file a lane leaves out breaks only them, so both are built here (about 45 s).
lanes=0
if [ "$status" = 0 ]; then
  for claims in true false; do
    MutationLaneClaims=$claims dotnet build tests/Goldilocks.MutationLane -c Release -nologo -clp:ErrorsOnly \
      || { lanes=1; echo "test.sh: the mutation lane (MutationLaneClaims=$claims) does not compile: see docs/mutation.md"; }
  done
fi
if [ "$status" = 0 ]; then
  run() { # $1: name, $2: filter
    dotnet test GoldilocksVerification.sln -c Release --no-build --filter "$2" \
      --logger "trx;LogFileName=$1.trx" --results-directory "$results/$1" "${@:3}" > "$results/$1.log" 2>&1
  }
  mkdir -p "$results"
  run slow "Category=Slow" "$@" & slow=$!
  run rest "Category!=Slow" "$@" & rest=$!
  wait $slow; s1=$?; wait $rest; s2=$?
  for part in rest slow; do echo "== $part"; cat "$results/$part.log"; done
  [ "$s1" != 0 ] && status=$s1; [ "$s2" != 0 ] && status=$s2
fi
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
[ "$lanes" != 0 ] && [ "$status" = 0 ] && status=1
exit $status
