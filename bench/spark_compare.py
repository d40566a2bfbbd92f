#!/usr/bin/env python3
"""Quarry on Spark beside the same queries written by hand in Spark SQL, the in-memory engine and
Kuzu, in one run:

    make bench-spark SCALE=S|M|L      (release quarry-bench; a local server from .ci/spark-server)

Runs, for bench/data/SCALE (generated when missing): quarry-bench --engine (each query compiled by
Quarry and run warm on the Spark Connect server), spark_hand.py (the hand-written versions on the
same server, its own session and cached views), quarry-bench in memory, and kuzu_run.py when
bench/.venv has Kuzu. Prints per query the medians and the ratio Quarry-on-Spark / hand SQL (the
issue's target: at most 1.5), checks that Quarry-on-Spark returns the in-memory rows, and writes
bench/results/spark-SCALE.json.
"""
import argparse
import fcntl
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from run import same  # noqa: E402  (the row comparison make bench uses)


def run(cmd):
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="S", choices=["S", "M", "L"])
    ap.add_argument("--url", default="sc://127.0.0.1:15099")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    # Two runs at once would slow each other down and write the same files.
    os.makedirs(os.path.join(ROOT, ".build-spark"), exist_ok=True)
    lock = open(os.path.join(ROOT, ".build-spark", "bench.lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit("bench-spark: another run is under way (it holds .build-spark/bench.lock); wait for it to end")
    data = os.path.join(HERE, "data", args.scale)
    if not os.path.exists(os.path.join(data, "manifest.json")):
        run([sys.executable, os.path.join(HERE, "gen.py"), "--scale", args.scale, "--out", data])
    # The CSV files are measured as they are: Parquet copies of an earlier run would be read instead.
    shutil.rmtree(os.path.join(data, ".quarry-parquet"), ignore_errors=True)
    results = os.path.join(HERE, "results")
    os.makedirs(results, exist_ok=True)
    queries = os.path.join(HERE, "queries.cypher")
    bench = os.path.join(ROOT, ".build", "release", "quarry-bench")
    common = ["--data", data, "--queries", queries, "--warmup", str(args.warmup), "--runs", str(args.runs)]
    out = {k: os.path.join(results, f"{k}-{args.scale}.tmp") for k in ("spark", "hand", "memory", "kuzu", "parquet")}
    # A pass of Quarry's queries first, not measured: a fresh server's JVM is still compiling its
    # own code, which would slow whichever side ran first.
    run([bench, "--data", data, "--queries", queries, "--warmup", "1", "--runs", "1", "--engine", args.url, "--out", out["spark"]])
    run([sys.executable, os.path.join(HERE, "spark_hand.py"), "--scale", args.scale, "--url", args.url,
         "--warmup", str(args.warmup), "--runs", str(args.runs), "--out", out["hand"]])
    run([bench] + common + ["--engine", args.url, "--out", out["spark"]])
    run([bench] + common + ["--out", out["memory"]])
    venv = os.path.join(HERE, ".venv", "bin", "python")
    has_kuzu = os.path.exists(venv)
    if has_kuzu:
        run([venv, os.path.join(HERE, "kuzu_run.py")] + common + ["--out", out["kuzu"]])
    # The first query of a session over Parquet copies (`:spark convert`), the copies made first.
    run([bench, "--data", data, "--queries", queries, "--warmup", "0", "--runs", "1", "--engine", args.url, "--parquet",
         "--only", "Q01_point_lookup", "--out", out["parquet"]])
    spark, hand, memory, parquet = (json.load(open(out[k])) for k in ("spark", "hand", "memory", "parquet"))
    kuzu = json.load(open(out["kuzu"])) if has_kuzu else {"queries": {}}

    print(f"\nscale {args.scale}: medians of {args.runs} warm runs (ms); ratio = Quarry on Spark / hand-written Spark SQL")
    print(f"{'query':28} {'on spark':>9} {'by hand':>9} {'ratio':>6} {'memory':>8} {'kuzu':>8}  rows")
    summary = {}
    for name, m in memory["queries"].items():
        s = spark["queries"].get(name)
        h = hand["queries"].get(name, {})
        k = kuzu["queries"].get(name, {})
        if s is None:
            print(f"{name:28} {'refused':>9} {h.get('ms', float('nan')):9.1f} {'':>6} {m['ms']:8.2f} {k.get('ms', float('nan')):8.2f}")
            summary[name] = {"on_spark_ms": None, "hand_ms": h.get("ms"), "memory_ms": m["ms"], "kuzu_ms": k.get("ms")}
            continue
        ratio = s["ms"] / h["ms"] if h.get("ms") else float("nan")
        agree = same(s["rows"], m["rows"]) or same(sorted(map(json.dumps, s["rows"])), sorted(map(json.dumps, m["rows"])))
        print(f"{name:28} {s['ms']:9.1f} {h.get('ms', float('nan')):9.1f} {ratio:6.2f} {m['ms']:8.2f} {k.get('ms', float('nan')):8.2f}"
              f"  {'same' if agree else 'DIFFERENT'}")
        summary[name] = {"on_spark_ms": s["ms"], "hand_ms": h.get("ms"), "ratio": ratio, "memory_ms": m["ms"],
                         "kuzu_ms": k.get("ms"), "rows_agree": agree}
    print(f"Quarry on Spark: session start (views registered) {spark['load_s']:.2f} s; first query of a session (Q01, from the "
          f"session's start) {spark['first_query_s']:.2f} s over the CSV files, {parquet['first_query_s']:.2f} s over their Parquet copies; "
          f"hand: first query {hand.get('session_first_query_s', float('nan')):.1f} s, views {hand.get('register_s', float('nan')):.1f} s")
    with open(os.path.join(results, f"spark-{args.scale}.json"), "w") as f:
        json.dump({"scale": args.scale, "runs": args.runs, "session_start_s": spark["load_s"], "first_query_csv_s": spark["first_query_s"],
                   "first_query_parquet_s": parquet["first_query_s"], "queries": summary}, f, indent=1)
    for path in out.values():
        if os.path.exists(path):
            os.remove(path)


if __name__ == "__main__":
    main()
