#!/usr/bin/env bash
# The benchmark command (see BENCHMARKS.md). Not part of `dotnet test`.
#   scripts/bench.sh                 all steps: metrics, bdn, scaling, profile, check
#   scripts/bench.sh bdn check       only the named steps (also: dtype, float64 vs float32 on LeNet-5, not in "all")
# Output goes to benchmarks/results/ (BenchmarkDotNet exports under results/, metrics.json, budgets.md, scaling.md,
# profile.md, scaling-*.png). The `check` step exits 1 when a budget is broken.
# Knobs: BENCH_FLAT_PRODUCTS (10000), BENCH_FLAT_SAMPLES (100), BENCH_REPEATS (3), BENCH_PAIRS (7; dtype: 3), BENCH_SAMPLES (dtype: 200),
# GOLDILOCKS_DEVICE (cpu | cuda; with a -p:TorchBackend=cuda build, BENCH_BUILD_ARGS="-p:TorchBackend=cuda").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(metrics bdn scaling profile check)
dotnet build benchmarks/Goldilocks.Benchmarks -c Release ${BENCH_BUILD_ARGS:-} -nologo -v q
bin="$root/benchmarks/Goldilocks.Benchmarks/bin/Release/net10.0/Goldilocks.Benchmarks"
out="$root/benchmarks/results"
mkdir -p "$out"
for step in "${steps[@]}"; do
  echo "== $step ($(date -u +%H:%M:%S), load: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$bin" "$step" "$out"
done
