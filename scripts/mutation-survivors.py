#!/usr/bin/env python3
"""Lists the mutants of Stryker json reports that no test detected (Survived, NoCoverage) and sums the score per file.

    python3 scripts/mutation-survivors.py mutation-report/Goldilocks.Engine/reports/mutation-report.json [more reports]

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it (compile errors and
ignored mutants excluded). A developer tool: nothing in CI runs it."""
import collections
import json
import sys

undetected = ("Survived", "NoCoverage")
totals = collections.Counter()
rows = []
for path in sys.argv[1:]:
    report = json.load(open(path, encoding="utf-8"))
    for name, f in sorted(report["files"].items()):
        short = name.split("/src/")[-1]
        source = f["source"].split("\n")
        counts = collections.Counter(m["status"] for m in f["mutants"])
        totals.update(counts)
        rows.append((short, counts))
        for m in sorted(f["mutants"], key=lambda m: (m["location"]["start"]["line"], m["id"])):
            if m["status"] in undetected:
                line = m["location"]["start"]["line"]
                print(f"{short}:{line}\t{m['status']}\t{m['mutatorName']}\t{m.get('replacement', '')[:100]!r}\t{source[line - 1].strip()[:120]}")


def score(c):
    detected = c["Killed"] + c["Timeout"]
    tested = detected + c["Survived"] + c["NoCoverage"]
    return tested, 100.0 * detected / tested if tested else 100.0


print("\n| file | mutants | killed | timeout | survived | no coverage | score |\n|---|---|---|---|---|---|---|")
for short, c in rows:
    tested, s = score(c)
    if tested:
        print(f"| {short} | {tested} | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} | {s:.1f} % |")
tested, s = score(totals)
print(f"| **total** | **{tested}** | {totals['Killed']} | {totals['Timeout']} | {totals['Survived']} | {totals['NoCoverage']} | **{s:.1f} %** |")
