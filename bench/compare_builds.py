#!/usr/bin/env python3
"""Two builds of quarry-bench side by side in one run: which queries got slower.

    python3 bench/compare_builds.py --old OLD/quarry-bench --new .build/release/quarry-bench --scale M

Runs the two binaries in turn (`--rounds` times each, alternating, so that a machine slowing
down during the run weighs on both), takes each query's best median over the rounds, checks that
both return the same rows, and prints new/old per query; exits 1 when a query is more than
`--tolerance` (default 10%) slower.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import benchdata

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--scale", default="M", choices=["S", "M", "L"])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--tolerance", type=float, default=0.10)
    args = ap.parse_args()
    data = benchdata.folder(args.scale)
    best = {"old": {}, "new": {}}
    rows = {"old": {}, "new": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for round in range(args.rounds):
            for name in ["old", "new"]:
                out = os.path.join(tmp, f"{name}-{round}.json")
                subprocess.run([getattr(args, name), "--data", data, "--queries", os.path.join(HERE, "queries.cypher"),
                                "--warmup", "2", "--runs", str(args.runs), "--out", out], check=True,
                               stdout=subprocess.DEVNULL)
                for query, result in json.load(open(out))["queries"].items():
                    best[name][query] = min(best[name].get(query, float("inf")), result["ms"])
                    rows[name][query] = result["rows"]
    slower = []
    print(f"{'query':28} {'old ms':>10} {'new ms':>10} {'new/old':>8}")
    for query in best["old"]:
        old, new = best["old"][query], best["new"][query]
        ratio = new / old if old > 0 else 1.0
        same = rows["old"][query] == rows["new"].get(query)
        flag = "" if same else "  ROWS DIFFER"
        if ratio > 1 + args.tolerance:
            slower.append(query)
            flag += "  SLOWER"
        print(f"{query:28} {old:10.3f} {new:10.3f} {ratio:8.2f}{flag}")
        if not same:
            slower.append(query)
    if slower:
        print("regressions:", ", ".join(sorted(set(slower))))
        sys.exit(1)


if __name__ == "__main__":
    main()
