#!/usr/bin/env python3
"""Per-statement overhead of a script run: one process runs N small statements.

    python3 bench/script_overhead.py [--statements 2000] [--binary .build/release/quarry]

Runs an empty script and an N-statement script (CREATE/MATCH/SET mixes on the default dataset)
five times each, and prints the median extra time per statement. The shell issue's target is
under 1 ms.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def script(n):
    kinds = [
        "CREATE (:Note {i: {i}, text: 'note {i}'})",
        "MATCH (a:Actor {name: 'ISIS-K'}) RETURN a.kind",
        "MATCH (n:Note {i: {j}}) SET n.seen = true",
        "MATCH (e:Event)-[:OCCURRED_IN]->(p:Place) RETURN count(*)",
    ]
    return "".join(kinds[i % len(kinds)].replace("{i}", str(i)).replace("{j}", str(max(0, i - 2))) + ";\n" for i in range(n))


def timed(binary, path):
    t = time.perf_counter()
    subprocess.run([binary, "--no-rc", "--format", "csv", path], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--statements", type=int, default=2000)
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(HERE), ".build", "release", "quarry"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        empty, full = os.path.join(d, "empty.cypher"), os.path.join(d, "full.cypher")
        open(empty, "w").write("RETURN 1;\n")
        open(full, "w").write(script(args.statements))
        base = statistics.median(timed(args.binary, empty) for _ in range(5))
        total = statistics.median(timed(args.binary, full) for _ in range(5))
    per = (total - base) / args.statements * 1000
    print(f"{args.statements} statements: {total:.3f} s (start-up {base:.3f} s), {per:.3f} ms per statement")


if __name__ == "__main__":
    main()
