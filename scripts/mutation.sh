#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the dotnet-stryker tool pinned in .config/dotnet-tools.json). Not part of CI.
#
#   bash scripts/mutation.sh                       # the default set: the engine's Curvature, Losses, Objectives,
#                                                  # Models and Spectral folders, and the papers' theory code
#   bash scripts/mutation.sh src/Goldilocks.Engine/Spectral/Hutchinson.cs [more files or folders...]
#   MUTATION_LANE=fast bash scripts/mutation.sh src/Goldilocks.Engine/Losses
#
# Each mutant runs against the test project as CI runs it (every test, Slow included), restricted by Stryker's
# per-test coverage to the tests that execute the mutated code. MUTATION_LANE=fast runs tests/Goldilocks.MutationLane
# instead: the suite's exact engine and claim tests, built from the same source files (no Slow, statistical, CLI or
# child-process tests); a mutant it kills the suite kills too, so its score is a lower bound of the suite's.
# MUTATION_LANE=engine runs the same project without the claim tests (the engine's own tests: Foundation, Modules,
# Training, the in-process bad-input catalog), a lower bound again, for code every claim test runs (the models: with the
# claim tests each of their mutants costs a whole lane run). MUTATION_TEST_FILTER (dotnet test --filter syntax)
# narrows the tests further, e.g. MUTATION_TEST_FILTER="FullyQualifiedName~SpectralAlgorithmTests"; a run with a
# filter measures the score of those tests only (with this suite Stryker 5.1.0 stops after a filtered initial run with
# "Initial test run could not be completed", see docs/mutation.md). MUTATION_CONCURRENCY sets Stryker's parallel test runners (default 1).
# Reports (html, json) go to mutation-report/<project>/ (ignored by git); the summary line is printed at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore > /dev/null

engine_default=(Curvature Losses Objectives Models Spectral)
# The papers' theory code: closed forms and statistics the claims are checked against (not the experiment drivers).
papers_default=(
  Common/Statistics.cs
  Deconstructing/LossBounds.cs Deconstructing/RandomLogitModel.cs Deconstructing/SoftmaxCovariance.cs
  FortScherlis/SphericalMean.cs FortScherlis/ThinShell.cs
  Sagun/MarchenkoPastur.cs Sagun/OutlierCount.cs Sagun/SpikedCovariance.cs
  WangRoberts/DiagonalLinearNetworkTheory.cs WangRoberts/EvenPolynomialLoss.cs WangRoberts/QuadraticDescent.cs
)

declare -A patterns=()   # project name -> Stryker --mutate arguments
add() { patterns[$1]="${patterns[$1]:-} $2"; }
if [ "$#" = 0 ]; then
  for d in "${engine_default[@]}"; do add Goldilocks.Engine "**/$d/**/*.cs"; done
  for f in "${papers_default[@]}"; do add Goldilocks.Papers "**/$f"; done
else
  for f in "$@"; do
    f=${f%/}
    [ -e "$f" ] || { echo "mutation.sh: no such file or folder: $f" >&2; exit 2; }
    glob=""; [ -d "$f" ] && glob="/**/*.cs"
    case "$f" in
      src/Goldilocks.Engine/*) add Goldilocks.Engine "**/${f#src/Goldilocks.Engine/}$glob" ;;
      src/Goldilocks.Papers/*) add Goldilocks.Papers "**/${f#src/Goldilocks.Papers/}$glob" ;;
      *) echo "mutation.sh: $f is neither in src/Goldilocks.Engine nor in src/Goldilocks.Papers" >&2; exit 2 ;;
    esac
  done
fi

case "${MUTATION_LANE:-suite}" in
  suite) tests=Goldilocks.Tests ;;
  fast) tests=Goldilocks.MutationLane ;;
  engine) tests=Goldilocks.MutationLane; export MutationLaneClaims=false ;;  # MSBuild reads it as a property
  *) echo "mutation.sh: MUTATION_LANE is 'suite' (default), 'fast' or 'engine', not '${MUTATION_LANE}'" >&2; exit 2 ;;
esac

status=0
for project in Goldilocks.Engine Goldilocks.Papers; do
  [ -n "${patterns[$project]:-}" ] || continue
  args=(--config-file "$root/stryker-config.json" --project "$project.csproj"
        --test-project "$root/tests/$tests/$tests.csproj"
        --output "$root/mutation-report/$project" --concurrency "${MUTATION_CONCURRENCY:-1}" --skip-version-check --log-to-file)
  for p in ${patterns[$project]}; do args+=(--mutate "$p"); done
  [ -n "${MUTATION_TEST_FILTER:-}" ] && args+=(--test-case-filter "$MUTATION_TEST_FILTER")
  echo "== $project ($tests): ${patterns[$project]}"
  start=$(date +%s)
  (cd "$root/tests/$tests" && dotnet stryker "${args[@]}") || status=$?
  echo "== $project: $(( $(date +%s) - start )) s wall"
done
exit $status
