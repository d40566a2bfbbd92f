#!/usr/bin/env python3
"""The read-only scenarios of the openCypher TCK core subset, run on Spark.

    python3 .ci/tck_spark.py --url sc://127.0.0.1:15099 [--quarry .build/debug/quarry] [-v]
    make tck-spark            (starts the local server with .ci/spark-server)

Each scenario's setup (its named graph and 'having executed' blocks) runs in memory in a fresh
quarry, which exports the graph as CSV in the neo4j-admin layout (`:export csv DIR`); the
scenario's queries then run on the Spark Connect server over that folder
(`quarry --engine URL --graph DIR`), and the TCK's runner (../shared/tck/tck_run.py) compares the
rows as it does for the in-memory engine, with the error class checked.

Selected: the scenarios of core-subset.txt whose queries do not write (no CREATE, MERGE, SET,
DELETE, REMOVE or FOREACH outside string literals). Skipped, with the reason: those that write,
and those whose setup the CSV layout cannot hold (the export refuses it and says why). Side
effects are not measured: a read-only query has none.

Compares the outcome with Tests/TCK/spark-not-passing.txt, where each selected scenario that does
not pass on Spark is listed with its reason (`KEY | reason`). Exits 1 when fewer than 90% of the
selected scenarios pass, when one fails that is not listed, or when a listed one passes.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import tck_lists

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TCK = os.path.join(ROOT, "..", "shared", "tck")
LIST = os.path.join(ROOT, "Tests", "TCK", "spark-not-passing.txt")
REPORT = os.path.join(ROOT, "tck-spark.json")
WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\b", re.IGNORECASE)


def without_literals(text):
    """The query with its string literals and comments blanked, so that keywords are found in code only."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", " ", text, flags=re.S)


def writes(text):
    return WRITES.search(without_literals(text)) is not None


def reason(scenario):
    """The first line that says why, without the runner's framing."""
    lines = [l.strip() for l in (scenario.get("reason") or "").splitlines() if l.strip()]
    text = next((l for l in lines if "Error" in l or "error" in l), lines[0] if lines else scenario["status"])
    text = re.sub(r"^(unexpected error|wrong error class): ", "", text)
    return (scenario["status"] + ": " + text)[:240]




def install(tck_run, quarry, url):
    """Points the runner's CLI adapter at 'setup in memory, export, query on Spark'."""
    build_plan = tck_run.build_plan
    cli = tck_run.CliAdapter

    def read_only_plan(sc, graphs_dir, side_effects=True):
        plan = build_plan(sc, graphs_dir, side_effects=False)
        if any(kind in ("query", "control") and writes(text) for kind, text in plan.statements):
            raise tck_run.Unsupported("the query writes")
        return plan

    class SparkAdapter:
        name = "spark"

        def __init__(self, cmd, extra_args=("--format", "jsonl")):
            self.extra = list(extra_args)

        def run(self, statements, params, timeout):
            setup = [text for kind, text in statements if kind == "init"]
            queries = [(kind, text) for kind, text in statements if kind != "init"]
            folder = tempfile.mkdtemp(prefix="tck-spark-")
            try:
                stdin = "".join(t.rstrip().rstrip(";").rstrip() + "\n;\n" for t in setup) + ":export csv %s\n" % folder
                try:
                    p = subprocess.run([quarry, "--empty", "--no-rc", "--format", "jsonl"], input=stdin.encode("utf-8"),
                                       capture_output=True, timeout=timeout)
                except subprocess.TimeoutExpired:
                    return [tck_run.Error("setup timed out", kind="timeout")]
                if p.returncode != 0 or b"Exported " not in p.stdout:
                    reason = (p.stderr or p.stdout).decode("utf-8", "replace").strip()
                    if "export as jsonl" in reason:
                        raise tck_run.Unsupported("the CSV layout cannot hold the setup: " + reason.splitlines()[-1])
                    return [tck_run.Error("setup failed in memory: " + reason, kind="crash")]
                # Quarry's own limit comes first, so that it stops the query on the server too
                # (the runner's kill would leave it running there).
                engine = cli(" ".join(map(shlex.quote, [quarry, "--no-rc", "--timeout", "%ds" % max(1, int(timeout) - 10),
                                                        "--engine", url, "--graph", folder])), self.extra)
                return [tck_run.Rows(None, []) for _ in setup] + engine.run(queries, params, timeout)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        def close(self):
            pass

    tck_run.build_plan = read_only_plan
    tck_run.CliAdapter = SparkAdapter


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True, help="the Spark Connect server, sc://HOST:PORT")
    ap.add_argument("--quarry", default=os.path.join(ROOT, ".build", "debug", "quarry"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--scenario", help="regex on scenario id (for one scenario while working on it)")
    ap.add_argument("-v", "--verbose", action="count", default=0)
    ap.add_argument("--write-list", action="store_true",
                    help="rewrite Tests/TCK/spark-not-passing.txt from this run (each scenario with the reason it gave)")
    a = ap.parse_args()
    if not os.path.isdir(TCK):
        print("tck-spark: ../shared/tck is absent, skipping")
        return 0
    sys.path.insert(0, TCK)
    import tck_run
    install(tck_run, os.path.abspath(a.quarry), a.url)
    args = ["--features", os.path.join(TCK, "features"), "--include", "@" + os.path.join(TCK, "core-subset.txt"),
            "--adapter", "cli", "--cmd", "spark", "--no-side-effects", "--jobs", str(a.jobs), "--timeout", str(a.timeout),
            "--exit-zero", "--json-report", REPORT] + (["--scenario", a.scenario] if a.scenario else []) + ["-v"] * a.verbose
    tck_run.main(args)
    with open(REPORT) as f:
        scenarios = [s for s in json.load(f)["scenarios"] if s["status"] != "skipped"]
    if a.scenario:
        return 0
    not_passing = {tck_lists.key(s): s for s in scenarios if s["status"] != "passed"}
    if a.write_list:
        with open(LIST, "w") as f:
            f.write("# The read-only core scenarios of the TCK that do not pass on Spark (.ci/tck_spark.py), each with\n"
                    "# the reason it gave: KEY | reason. Rewritten by `python3 .ci/tck_spark.py --url URL --write-list`.\n")
            for k in sorted(not_passing):
                f.write(f"{k} | {reason(not_passing[k])}\n")
    return tck_lists.check("tck-spark", "read-only core scenarios on Spark", scenarios, tck_lists.read(LIST),
                           "Tests/TCK/spark-not-passing.txt", 90.0)


if __name__ == "__main__":
    sys.exit(main())
