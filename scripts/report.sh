#!/usr/bin/env bash
# The README's "run the main job" command: set-up (FashionMNIST if it can be installed), then `goldilocks report` at the
# papers' settings (the default profile), which writes out/report/report.html (self-contained: figures embedded) plus
# JSON/CSV/PNG per section. Extra arguments go to `goldilocks report` (e.g. --quick for laptop scale in under a minute,
# --full for the papers' own counts, --resume, --synthetic, --device cuda).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
dotnet run -c Release --project src/Goldilocks.Cli -- report --out out/report "$@"
