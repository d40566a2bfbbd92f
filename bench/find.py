#!/usr/bin/env python3
"""`:find` over a big graph: `make bench-find SCALE=L`.

Imports the scale's CSV folder (bench/data/SCALE, made by gen.py) into the release `quarry` and
runs `:find` with `:timing on`: the first search builds the search index (normalized names and
aliases, kept until the graph changes); the others reuse it. Each kind of search (exact, a
word, a slip of a letter, two words with a slip, nothing found) is timed warm, median of 5.
Writes bench/results/find-SCALE.json and prints a summary.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

import benchdata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUARRY = os.path.join(ROOT, ".build", "release", "quarry")

SEARCHES = {
    "exact name": "Republic of Zambara",
    "one word": "zantanel",
    "one letter off": "Repiblic of Torulso",
    "nothing found": "xylophone orchestra",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="L", choices=["S", "M", "L"])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    data = benchdata.folder(args.scale)
    commands = ["-c", ":find " + SEARCHES["exact name"]]
    for text in SEARCHES.values():
        commands += ["-c", ":find " + text] * args.runs
    p = subprocess.run([QUARRY, "--no-rc", "--import", data, "--timing"] + commands, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    times = [float(t) for t in re.findall(r"([0-9.]+) ms", p.stdout)]
    if len(times) != 1 + len(SEARCHES) * args.runs:
        sys.exit(f"expected {1 + len(SEARCHES) * args.runs} timings, got {len(times)}:\n{p.stdout}")
    result = {"scale": args.scale, "first_search_ms": times[0], "warm_ms": {}}
    for i, name in enumerate(SEARCHES):
        result["warm_ms"][name] = statistics.median(times[1 + i * args.runs: 1 + (i + 1) * args.runs])
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", f"find-{args.scale}.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(f"scale {args.scale}: first :find (builds the index) {result['first_search_ms']:.1f} ms; then, medians of {args.runs}:")
    for name, ms in result["warm_ms"].items():
        print(f"  {name:16} {ms:6.1f} ms  ('{SEARCHES[name]}')")


if __name__ == "__main__":
    main()
