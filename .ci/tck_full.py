#!/usr/bin/env python3
"""The whole openCypher TCK, with the error class checked.

    make tck-full           (after `make release`; skipped when ../shared/tck is absent)

Runs every scenario of ../shared/tck/features against the release binary and compares those that
do not pass with Tests/TCK/not-passing.txt, where each is listed with its reason
(`KEY | reason`, KEY being `feature:line` and ` #example` for an outline's row). Exits 1 when the
pass rate is under 98%, when a scenario fails that is not listed, or when a listed one now passes
(so that the list stays true).
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TCK = os.path.join(ROOT, "..", "shared", "tck")
LIST = os.path.join(ROOT, "Tests", "TCK", "not-passing.txt")
REPORT = os.path.join(ROOT, "tck-full.json")


def key(scenario):
    example = scenario.get("example")
    return scenario["feature"] + ":" + str(scenario["line"]) + (" #" + ".".join(map(str, example)) if example else "")


def main():
    if not os.path.isdir(TCK):
        print("tck-full: ../shared/tck is absent, skipping")
        return 0
    subprocess.run([sys.executable, os.path.join(TCK, "tck_run.py"), "--features", os.path.join(TCK, "features"),
                    "--adapter", "cli", "--cmd", os.path.join(ROOT, ".build", "release", "quarry") + " --empty --no-rc",
                    "--jobs", "2", "--timeout", "10", "--exit-zero", "--json-report", REPORT],
                   stdout=subprocess.DEVNULL, check=True)
    with open(REPORT) as f:
        scenarios = json.load(f)["scenarios"]
    listed = {}
    with open(LIST) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                k, _, reason = line.partition(" | ")
                listed[k] = reason
    passed = sum(1 for s in scenarios if s["status"] == "passed")
    not_passing = {key(s): s for s in scenarios if s["status"] != "passed"}
    unlisted = sorted(k for k in not_passing if k not in listed)
    stale = sorted(k for k in listed if k not in not_passing)
    rate = 100.0 * passed / len(scenarios)
    print(f"tck-full: {passed} of {len(scenarios)} scenarios pass ({rate:.2f}%); {len(not_passing)} do not, "
          f"{len(not_passing) - len(unlisted)} of them listed with their reason in Tests/TCK/not-passing.txt")
    for k in unlisted:
        s = not_passing[k]
        print(f"not listed: {k} | {s['status']}: {(s.get('reason') or '').splitlines()[0] if s.get('reason') else ''}")
    for k in stale:
        print(f"listed but passes now (remove it): {k}")
    return 1 if rate < 98.0 or unlisted or stale else 0


if __name__ == "__main__":
    sys.exit(main())
