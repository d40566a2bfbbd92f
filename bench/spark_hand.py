#!/usr/bin/env python3
"""The hand-written Spark SQL versions of the benchmark queries, run warm on a Spark Connect server.

    .ci/spark-server start                      # sc://127.0.0.1:15099
    python3 bench/spark_hand.py --scale S [--url sc://127.0.0.1:15099] [--runs 10] [--check]

Registers bench/data/SCALE (generated with gen.py when missing) as temporary views with
spark_views.register (cached in the server's memory), then for every `// @query NAME` of
queries.cypher that has a hand version in bench/spark/ runs it --warmup times and --runs times,
and prints the median wall time seen by the client (plan, execute, fetch the rows) and the row
count. A hand version is NAME.sql (one statement) or NAME.py (a module with run(spark) -> rows,
for queries driven from the client); when both exist both run, the .py as NAME and the .sql as
NAME[sql]. Extra variants NAME.VARIANT.sql run as NAME[VARIANT].

--check also runs quarry-bench (the in-memory engine, one run) on the same data and compares the
rows: in order where the query's final RETURN has ORDER BY (rows that differ only in the order of
ties of the sort keys are reported as such), as multisets elsewhere.

Writes bench/results/spark-hand-SCALE.json: per query the median, all times, the row count and
(with --check) whether the rows match, plus the session's first-query time and the view
registration time.
"""
import argparse
import datetime
import decimal
import importlib.util
import json
import logging
import math
import os
import re
import statistics
import subprocess
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SPARK_DIR = os.path.join(HERE, "spark")
sys.path.insert(0, HERE)


def cypher_queries(path):
    """{name: text} of the `// @query NAME` blocks (variants and comments dropped)."""
    out, name, lines = {}, None, []
    def flush():
        if name:
            out[name] = "\n".join(lines).strip().rstrip(";")
    for line in open(path, encoding="utf-8"):
        m = re.match(r"//\s*@(query|variant)\s+(.*)", line)
        if m:
            flush()
            name, lines = (m.group(2).strip() if m.group(1) == "query" else None), []
        elif name and not line.lstrip().startswith("//"):
            lines.append(line.rstrip("\n"))
    flush()
    return out


def sql_text(path):
    text = "\n".join(l for l in open(path, encoding="utf-8").read().splitlines()
                     if not l.lstrip().startswith("--"))
    return text.strip().rstrip(";").strip()


def hand_versions(names):
    """[(label, query name, kind, payload)] in queries.cypher order."""
    out = []
    files = sorted(os.listdir(SPARK_DIR)) if os.path.isdir(SPARK_DIR) else []
    for name in names:
        py = os.path.join(SPARK_DIR, name + ".py")
        sql = os.path.join(SPARK_DIR, name + ".sql")
        if os.path.exists(py):
            spec = importlib.util.spec_from_file_location("hand_" + name, py)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            out.append((name, name, "py", module.run))
        if os.path.exists(sql):
            out.append((name + "[sql]" if os.path.exists(py) else name, name, "sql", sql_text(sql)))
        for f in files:
            m = re.fullmatch(re.escape(name) + r"\.([A-Za-z0-9_-]+)\.sql", f)
            if m:
                out.append((f"{name}[{m.group(1)}]", name, "sql", sql_text(os.path.join(SPARK_DIR, f))))
    return out


def plain(value):
    """A Spark value as the JSON value quarry-bench writes."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def run_hand(spark, kind, payload):
    if kind == "sql":
        rows = spark.sql(payload).collect()
    else:
        rows = payload(spark)
    return [[plain(v) for v in row] for row in rows]


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return (isinstance(a, (int, float)) and isinstance(b, (int, float))
                and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def ordered(cypher):
    last_return = cypher.upper().rfind("RETURN")
    return "ORDER BY" in cypher.upper()[last_return:]


def compare(ours, theirs, is_ordered):
    """'same', 'same (ties reordered)', 'same (unordered)' or a description of the difference."""
    key = lambda row: json.dumps(row, sort_keys=True, default=str)
    multiset = len(ours) == len(theirs) and all(
        same(x, y) for x, y in zip(sorted(ours, key=key), sorted(theirs, key=key)))
    if is_ordered and same(ours, theirs):
        return "same"
    if not multiset:
        return f"DIFFERENT ({len(ours)} rows vs {len(theirs)})"
    return "same (ties reordered)" if is_ordered else "same"


def quarry_rows(data, queries, binary, names):
    out = os.path.join(HERE, "results", f"quarry-check-{os.path.basename(data)}.tmp")
    subprocess.run([binary, "--data", data, "--queries", queries, "--warmup", "0", "--runs", "1",
                    "--out", out, "--only", ",".join(names)], check=True, stdout=subprocess.DEVNULL)
    result = json.load(open(out))
    os.remove(out)
    return {name: q["rows"] for name, q in result["queries"].items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", default="S", choices=["S", "M", "L"])
    ap.add_argument("--url", default="sc://127.0.0.1:15099")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--only", help="comma-separated query names (prefixes)")
    ap.add_argument("--check", action="store_true", help="compare the rows with quarry-bench's")
    ap.add_argument("--quarry-bench", default=os.path.join(ROOT, ".build", "release", "quarry-bench"))
    ap.add_argument("--no-cache", action="store_true", help="do not cache the views in the server")
    ap.add_argument("--out", help="the JSON file (default bench/results/spark-hand-SCALE.json)")
    ap.add_argument("--shuffle-partitions", type=int,
                    help="set spark.sql.shuffle.partitions for the session (default: the cluster's cores when the server keeps Spark's 200)")
    args = ap.parse_args()

    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    from pyspark.sql import SparkSession
    import spark_views

    data = os.path.join(HERE, "data", args.scale)
    if not os.path.exists(os.path.join(data, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--scale", args.scale, "--out", data],
                       check=True)
    queries_path = os.path.join(HERE, "queries.cypher")
    cypher = cypher_queries(queries_path)
    hand = hand_versions(list(cypher))
    if args.only:
        prefixes = args.only.split(",")
        hand = [h for h in hand if any(h[1].startswith(p) for p in prefixes)]

    t0 = time.perf_counter()
    spark = SparkSession.builder.remote(args.url).getOrCreate()
    spark.sql("SELECT 1").collect()
    first_query_s = time.perf_counter() - t0
    if args.shuffle_partitions:
        spark.conf.set("spark.sql.shuffle.partitions", str(args.shuffle_partitions))
    elif spark.conf.get("spark.sql.shuffle.partitions") == "200":
        # As Quarry's sessions do (SparkEngine.sizeShuffles): one shuffle partition per core of
        # the cluster, rather than Spark's default 200, so that both sides run alike.
        cores = spark.sql("SELECT count(*) FROM (SELECT DISTINCT p FROM (SELECT spark_partition_id() AS p FROM range(0, 4096)))").collect()[0][0]
        spark.conf.set("spark.sql.shuffle.partitions", str(cores))
    t0 = time.perf_counter()
    spark_views.register(spark, data, cache=not args.no_cache)
    register_s = time.perf_counter() - t0
    print(f"session and first query (SELECT 1): {first_query_s:.2f} s; "
          f"views registered{' and cached' if not args.no_cache else ''} in {register_s:.2f} s", flush=True)

    reference = {}
    if args.check:
        reference = quarry_rows(data, queries_path, args.quarry_bench, sorted({h[1] for h in hand}))

    print(f"\nscale {args.scale}: medians of {args.runs} warm runs after {args.warmup} warm-ups (ms)")
    print(f"{'query':32} {'first':>9} {'median':>9} {'rows':>6}" + ("  rows vs quarry" if args.check else ""))
    results = {}
    for label, name, kind, payload in hand:
        t = time.perf_counter()
        rows = run_hand(spark, kind, payload)
        first_ms = (time.perf_counter() - t) * 1000
        for _ in range(max(0, args.warmup - 1)):
            run_hand(spark, kind, payload)
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            rows = run_hand(spark, kind, payload)
            times.append((time.perf_counter() - t) * 1000)
        median = statistics.median(times)
        entry = {"ms": median, "first_ms": first_ms, "times_ms": times, "row_count": len(rows), "rows": rows,
                 "kind": kind}
        verdict = ""
        if args.check:
            verdict = compare(rows, reference.get(name, []), ordered(cypher[name])) if name in reference \
                else "no quarry result"
            entry["rows_vs_quarry"] = verdict
        results[label] = entry
        print(f"{label:32} {first_ms:9.1f} {median:9.1f} {len(rows):6}" + (f"  {verdict}" if verdict else ""),
              flush=True)

    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    out = {"engine": "spark-hand", "url": args.url, "scale": args.scale, "runs": args.runs,
           "warmup": args.warmup, "cached_views": not args.no_cache,
           "shuffle_partitions": args.shuffle_partitions,
           "session_first_query_s": first_query_s, "register_s": register_s, "queries": results}
    path = args.out or os.path.join(HERE, "results", f"spark-hand-{args.scale}.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(f"\nwrote {os.path.relpath(path, ROOT)}")
    if args.check and any(not e["rows_vs_quarry"].startswith("same") for e in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
