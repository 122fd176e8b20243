#!/usr/bin/env bash
# Regenerates tests/Goldilocks.Tests/Fixtures/TorchScript/ with Debian's system python (torch 1.13), not the pyenv python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec /usr/bin/python3 "$root/scripts/make-torchscript-fixtures.py" "$@"
