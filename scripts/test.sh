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
python3 - "$results" <<'PY' || echo "0 passed, 1 failed (no test results were written)"
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
if not files: raise SystemExit(1)
for path in files:
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    p += int(c.get("passed")); f += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    s += int(c.get("notExecuted"))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
