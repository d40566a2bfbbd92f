#!/usr/bin/env python3
"""The event-graph benchmark, Quarry beside Kuzu in one run.

    make bench SCALE=M        (S, M or L; builds quarry-bench in release mode first)

For the scale: generates bench/data/SCALE with gen.py when missing, runs quarry-bench (the
library, in process) and kuzu_run.py (kuzu 0.11.3 in bench/.venv, set up by setup_kuzu.sh),
checks that both return the same rows (Q13 against check_q13.py, since Kuzu 0.11.3 answers its
count(*) with 0), prints per query both medians and their ratio, load time, peak RSS and bytes
per relationship, and writes bench/results/SCALE.json.
"""
import argparse
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd):
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True)


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="S", choices=["S", "M", "L"])
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    data = os.path.join(HERE, "data", args.scale)
    results = os.path.join(HERE, "results")
    os.makedirs(results, exist_ok=True)
    if not os.path.exists(os.path.join(data, "manifest.json")):
        run([sys.executable, os.path.join(HERE, "gen.py"), "--scale", args.scale, "--out", data])
    venv_python = os.path.join(HERE, ".venv", "bin", "python")
    if not os.path.exists(venv_python):
        run(["bash", os.path.join(HERE, "setup_kuzu.sh")])
    queries = os.path.join(HERE, "queries.cypher")
    quarry_out = os.path.join(results, f"quarry-{args.scale}.tmp")
    kuzu_out = os.path.join(results, f"kuzu-{args.scale}.tmp")
    bench_binary = os.path.join(ROOT, ".build", "release", "quarry-bench")
    common = ["--data", data, "--queries", queries, "--warmup", str(args.warmup), "--runs", str(args.runs)]
    run([bench_binary] + common + ["--out", quarry_out])
    run([venv_python, os.path.join(HERE, "kuzu_run.py")] + common + ["--out", kuzu_out])
    q13 = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "check_q13.py"), "--data", data],
                                    check=True, capture_output=True, text=True).stdout)
    quarry, kuzu = json.load(open(quarry_out)), json.load(open(kuzu_out))
    relationships = json.load(open(os.path.join(data, "manifest.json")))["rels"]

    print(f"\nscale {args.scale}: medians of {args.runs} runs after {args.warmup} warm-ups (ms)")
    print(f"{'query':28} {'quarry':>10} {'kuzu':>10} {'ratio':>7}  rows")
    disagreements = 0
    summary = {}
    for name, q in quarry["queries"].items():
        k = kuzu["queries"].get(name, {})
        reference = q13["rows"] if name.startswith("Q13") else k.get("rows")
        agree = same(q["rows"], reference)
        disagreements += 0 if agree else 1
        ratio = q["ms"] / k["ms"] if k.get("ms") else float("nan")
        print(f"{name:28} {q['ms']:10.3f} {k.get('ms', float('nan')):10.3f} {ratio:7.2f}  {'same' if agree else 'DIFFERENT'}")
        summary[name] = {"quarry_ms": q["ms"], "kuzu_ms": k.get("ms"), "rows_agree": agree}
    for engine, r in (("quarry", quarry), ("kuzu", kuzu)):
        print(f"{engine}: load {r['load_s']:.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB, "
              f"{r['peak_rss_mb'] * 2**20 / relationships:.0f} bytes per relationship")
    out = {"queries": summary,
           "load_s": {"quarry": quarry["load_s"], "kuzu": kuzu["load_s"]},
           "peak_rss_mb": {"quarry": quarry["peak_rss_mb"], "kuzu": kuzu["peak_rss_mb"]},
           "relationships": relationships}
    with open(os.path.join(results, f"{args.scale}.json"), "w") as f:
        json.dump(out, f, indent=1)
    if disagreements:
        print(f"{disagreements} queries return different rows", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
