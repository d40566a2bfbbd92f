#!/usr/bin/env python3
"""EXPLAIN for every query of the openCypher TCK core subset, without parameter values.

    make tck-explain        (after `make release`; skipped when ../shared/tck is absent)

Every query a scenario executes is explained on an empty graph with no parameters; it must give
a plan, unless the scenario expects the query itself to be refused at compile time (a syntax or
semantic error). Prints the failures and a count; exits 1 when there is one.
"""
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TCK = os.path.join(ROOT, "..", "shared", "tck")


def main():
    if not os.path.isdir(TCK):
        print("tck-explain: ../shared/tck is absent, skipping")
        return
    sys.path.insert(0, TCK)
    import tck_run
    excludes, regexes = [], []
    include = tck_run.read_patterns(["@" + os.path.join(TCK, "core-subset.txt")], excludes, regexes)
    queries = []
    for sc in tck_run.load_scenarios(os.path.join(TCK, "features")):
        if not tck_run.path_matches(sc.relpath, include) or tck_run.path_matches(sc.relpath, excludes) \
                or any(re.search(r, tck_run.scenario_text(sc)) for r in regexes):
            continue
        try:
            plan = tck_run.build_plan(sc, os.path.join(TCK, "graphs"))
        except tck_run.Unsupported:
            continue
        refused = {c[1] for c in plan.checks if c[0] == "error" and c[4] == "compile time"}
        for i, (kind, text) in enumerate(plan.statements):
            if kind == "query" and i not in refused:
                queries.append((sc.id, text))
    binary = os.path.join(ROOT, ".build", "release", "quarry")

    def explain(item):
        r = subprocess.run([binary, "--empty", "--no-rc", "-c", "EXPLAIN " + item[1]], capture_output=True, text=True, timeout=30)
        return None if r.returncode == 0 else (item[0], item[1], r.stderr.strip())

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(explain, queries) if f]
    for sid, text, err in failures:
        print(f"{sid}\n  {text}\n  {err}\n")
    print(f"{len(queries) - len(failures)} of {len(queries)} queries explained without parameters")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
