#!/usr/bin/env python3
"""Graph files beside CSV import, in one run: `make bench-files SCALE=L`.

Measures with the release `quarry` binary (wall time of the whole command, peak RSS from
/usr/bin/time):
- opening the scale's graph file against `--import` of the same CSV folder (medians), and the
  file's size against the folder's;
- peak memory of import + `:save` against import alone, and of open + `:save` to a new file
  against open alone (what saving adds to the graph's own memory);
- the journal's cost: 10,000 single-node CREATE statements into a graph file against the same
  script in memory, and one UNWIND of 100,000 rows (the statement's own time, from --timing).
Writes bench/results/files-SCALE.json and prints a summary.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import benchdata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUARRY = os.path.join(ROOT, ".build", "release", "quarry")


def timed(args, cwd):
    """(seconds, peak RSS in MB, stdout) of one run."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "RSS %M"] + args, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{p.stderr}")
    rss = int(re.search(r"RSS (\d+)", p.stderr).group(1)) / 1024
    return elapsed, rss, p.stdout


def median_of(n, args, cwd):
    runs = [timed(args, cwd) for _ in range(n)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def folder_size(path):
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))


def statement_ms(output):
    return float(re.findall(r", ([0-9.]+) ms", output)[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="L", choices=["S", "M", "L"])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    data = benchdata.folder(args.scale)
    work = tempfile.mkdtemp(prefix="quarry-files-")
    try:
        graph = os.path.join(work, "bench.quarry")
        _, save_rss, _ = timed([QUARRY, "--no-rc", "--import", data, "-c", f":save {graph}"], work)
        imp, import_rss = median_of(args.runs, [QUARRY, "--no-rc", "--import", data, "-c", "RETURN 1"], work)
        opened, open_rss = median_of(args.runs, [QUARRY, "--no-rc", "--read-only", graph, "-c", "RETURN 1"], work)
        _, resave_rss, _ = timed([QUARRY, "--no-rc", graph, "-c", ":save copy.quarry"], work)
        result = {
            "scale": args.scale,
            "import_s": imp, "open_s": opened, "open_speedup": imp / opened,
            "file_mb": os.path.getsize(graph) / 1e6, "csv_mb": folder_size(data) / 1e6,
            "import_peak_mb": import_rss, "import_and_save_peak_mb": save_rss, "open_peak_mb": open_rss,
            "open_and_save_peak_mb": resave_rss, "save_overhead": resave_rss / open_rss - 1,
        }

        creates = os.path.join(work, "creates.cypher")
        with open(creates, "w") as f:
            f.writelines(f"CREATE (:N {{i: {i}, s: 'node {i}'}});\n" for i in range(10_000))
        batch = os.path.join(work, "batch.cypher")
        with open(batch, "w") as f:
            f.write("UNWIND range(1, 100000) AS i CREATE (:N {i: i, s: 'node ' + toString(i)});\n")
        memory_runs, file_runs, memory_batch, file_batch, memory_batch_wall, file_batch_wall = [], [], [], [], [], []
        for _ in range(args.runs):
            memory_runs.append(timed([QUARRY, "--no-rc", "--empty", creates], work)[0])
            for name in ("w.quarry", "w.quarry.wal", "b.quarry", "b.quarry.wal"):
                if os.path.exists(os.path.join(work, name)):
                    os.remove(os.path.join(work, name))
            file_runs.append(timed([QUARRY, "--no-rc", "w.quarry", creates], work)[0])
            # The statement's own time (--timing) and the whole run's: a script syncs its journal
            # records in groups after the statements, and a graph file is checkpointed on leaving.
            memory_run = timed([QUARRY, "--no-rc", "--empty", "--timing", batch], work)
            file_run = timed([QUARRY, "--no-rc", "b.quarry", "--timing", batch], work)
            memory_batch.append(statement_ms(memory_run[2]))
            file_batch.append(statement_ms(file_run[2]))
            memory_batch_wall.append(memory_run[0])
            file_batch_wall.append(file_run[0])
        result.update({
            "creates_memory_s": statistics.median(memory_runs), "creates_file_s": statistics.median(file_runs),
            "unwind_memory_ms": statistics.median(memory_batch), "unwind_file_ms": statistics.median(file_batch),
            "unwind_memory_run_s": statistics.median(memory_batch_wall), "unwind_file_run_s": statistics.median(file_batch_wall),
        })
        result["creates_speed_ratio"] = result["creates_memory_s"] / result["creates_file_s"]
        result["unwind_slowdown"] = result["unwind_file_ms"] / result["unwind_memory_ms"] - 1
    finally:
        shutil.rmtree(work, ignore_errors=True)

    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", f"files-{args.scale}.json"), "w") as f:
        json.dump(result, f, indent=2)
    r = result
    print(f"scale {r['scale']}, medians of {args.runs} runs")
    print(f"  open graph file   {r['open_s']:.3f} s   (--import of the CSV folder {r['import_s']:.3f} s: {r['open_speedup']:.1f}x faster)")
    print(f"  file size         {r['file_mb']:.1f} MB  (CSV folder {r['csv_mb']:.1f} MB)")
    print(f"  peak memory       import {r['import_peak_mb']:.0f} MB, import + save {r['import_and_save_peak_mb']:.0f} MB")
    print(f"                    open {r['open_peak_mb']:.0f} MB, open + save {r['open_and_save_peak_mb']:.0f} MB (saving adds {r['save_overhead'] * 100:.0f}%)")
    print(f"  10,000 CREATEs    in memory {r['creates_memory_s']:.3f} s, graph file {r['creates_file_s']:.3f} s (speed ratio {r['creates_speed_ratio']:.2f})")
    print(f"  UNWIND 100,000    in memory {r['unwind_memory_ms']:.1f} ms, graph file {r['unwind_file_ms']:.1f} ms ({r['unwind_slowdown'] * 100:+.0f}%)")
    print(f"                    whole runs: in memory {r['unwind_memory_run_s']:.3f} s, graph file {r['unwind_file_run_s']:.3f} s (sync and checkpoint on leaving included)")


if __name__ == "__main__":
    main()
