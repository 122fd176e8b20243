#!/usr/bin/env bash
# The README's "run the main job" command: set-up (FashionMNIST if it can be installed), then `goldilocks report`,
# which writes out/report/report.html (self-contained: figures embedded) plus JSON/CSV/PNG per section.
# Extra arguments go to `goldilocks report` (e.g. --resume, --synthetic, --samples 1000, --device cuda).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
dotnet run -c Release --project src/Goldilocks.Cli -- report --out out/report "$@"
