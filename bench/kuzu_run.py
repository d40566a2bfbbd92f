#!/usr/bin/env python3
"""Kuzu side of the event-graph benchmark (see bench/gen.py, bench/queries.cypher).

Run it with the virtualenv made by bench/setup_kuzu.sh (kuzu==0.11.3):

    bench/setup_kuzu.sh
    bench/.venv/bin/python bench/kuzu_run.py --data bench/data/S \
        --queries bench/queries.cypher --out bench/results/kuzu-S.json \
        [--warmup 3] [--runs 20] [--only Q01_point_lookup,Q13_reverse_2hop]

What it does
  1. Creates an in-memory Kuzu database (default thread count).
  2. Derives the schema from the Neo4j-admin-import style CSV headers that
     gen.py writes: node files (`id:ID(Label)`, ...) become node tables with
     `id INT64` as primary key; relationship files (`:START_ID(A),:END_ID(B)`,
     ...) become rel tables. A type stored in several files
     (TARGETED__Event_Company.csv, TARGETED__Event_Actor.csv) becomes one rel
     table with several FROM/TO pairs, each file loaded with
     COPY T FROM 'f' (header=true, from='A', to='B').
     Header type suffixes map to Kuzu types (:int/:long -> INT64, :float ->
     DOUBLE, :date -> DATE, ...); columns without a suffix are STRING (the
     workload's dates are ISO strings without a :date suffix, so they stay
     STRING, as queries.cypher expects).
  3. Loads every file with COPY and times the whole load (database creation
     through the last COPY) -> load_s.
  4. Parses queries.cypher ("// @query NAME" starts a query, "// @variant kuzu
     NAME" replaces its text for Kuzu, a statement runs until the next "// @"
     line, other "//" lines are comments, the trailing ';' is dropped), runs
     each query warmup + runs times and records the median wall time of
     execute + fetching all rows, plus the rows of the last run.
  5. Writes JSON:
       {"engine": "kuzu", "version": "0.11.3", "load_s": x, "peak_rss_mb": y,
        "queries": {"Q01_point_lookup": {"ms": median, "columns": [...],
                                         "rows": [[...], ...]}, ...}}
     peak_rss_mb is the process's peak RSS over the whole run
     (getrusage ru_maxrss); a few provenance keys are added beside these.
     A query that fails gets {"error": "..."} instead of ms/columns/rows and
     the script exits 1 after writing the file.

Known Kuzu 0.11.3 issue: Q13_reverse_2hop returns count(*) = 0 next to
count(DISTINCT a); bench/check_q13.py computes the correct answer from the CSVs.
"""
import argparse
import csv
import datetime
import decimal
import json
import math
import os
import re
import resource
import statistics
import sys
import time
import uuid

try:
    import kuzu
except ImportError as exc:  # pragma: no cover - depends on the environment
    sys.stderr.write(
        f"kuzu_run.py: cannot import kuzu ({exc}).\n"
        "Install it with bench/setup_kuzu.sh (creates bench/.venv with kuzu==0.11.3)\n"
        "and run this script with bench/.venv/bin/python.\n")
    sys.exit(2)

ENGINE = "kuzu"

# Neo4j-admin-import type suffix -> Kuzu type
TYPE_MAP = {
    "int": "INT64", "long": "INT64", "short": "INT16", "byte": "INT8",
    "float": "DOUBLE", "double": "DOUBLE",
    "boolean": "BOOLEAN", "bool": "BOOLEAN",
    "date": "DATE", "datetime": "TIMESTAMP", "localdatetime": "TIMESTAMP",
    "string": "STRING",
}

HEADER_RE = re.compile(r"^(?P<name>[^:]*)(?::(?P<kind>[A-Za-z_]+)(?:\((?P<label>[^)]*)\))?)?$")


# --------------------------------------------------------------------------
# schema from the CSV headers
# --------------------------------------------------------------------------

def q(ident):
    """Back-quote an identifier (IN is a reserved word in Kuzu)."""
    return "`" + ident.replace("`", "``") + "`"


def sql_str(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def parse_header_cell(cell):
    m = HEADER_RE.match(cell.strip())
    if not m:
        raise ValueError(f"cannot parse CSV header cell {cell!r}")
    return m.group("name"), (m.group("kind") or ""), m.group("label")


def prop_type(kind, cell, path):
    if kind == "":
        return "STRING"
    if kind.endswith("[]"):
        return "STRING"
    t = TYPE_MAP.get(kind.lower())
    if t is None:
        raise ValueError(f"{path}: unsupported header type in {cell!r}")
    return t


def read_schema(data_dir):
    """Return (nodes, rels).

    nodes: list of dict(label, file, props=[(name, type)])  (first prop = id PK)
    rels:  dict type -> dict(props=[(name, type)], pairs=[(from, to, file)])
    """
    nodes, rels = [], {}
    files = sorted(f for f in os.listdir(data_dir) if f.endswith(".csv"))
    if not files:
        raise SystemExit(f"kuzu_run.py: no .csv files in {data_dir} (run bench/gen.py first)")
    for fname in files:
        path = os.path.join(data_dir, fname)
        with open(path, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f), None)
        if not header:
            raise SystemExit(f"kuzu_run.py: {path} is empty")
        cells = [parse_header_cell(c) for c in header]
        kinds = [k for _, k, _ in cells]
        base = fname[:-4]
        if kinds[0] == "ID":
            name, _, label = cells[0]
            label = label or base
            props = [(name or "id", "INT64")]
            for (pname, kind, _), raw in zip(cells[1:], header[1:]):
                if kind in ("ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"):
                    raise SystemExit(f"kuzu_run.py: {path}: unexpected column {raw!r}")
                props.append((pname, prop_type(kind, raw, path)))
            nodes.append(dict(label=label, file=path, props=props))
        elif kinds[0] == "START_ID" and len(kinds) > 1 and kinds[1] == "END_ID":
            rtype = base.split("__", 1)[0]
            frm, to = cells[0][2], cells[1][2]
            if not frm or not to:
                # <TYPE>__<From>_<To>.csv when the header carries no labels
                if "__" not in base:
                    raise SystemExit(f"kuzu_run.py: {path}: no node labels in header or file name")
                frm, to = base.split("__", 1)[1].split("_", 1)
            props = []
            for (pname, kind, _), raw in zip(cells[2:], header[2:]):
                if kind in ("ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"):
                    raise SystemExit(f"kuzu_run.py: {path}: unexpected column {raw!r}")
                props.append((pname, prop_type(kind, raw, path)))
            r = rels.setdefault(rtype, dict(props=props, pairs=[]))
            if r["props"] != props:
                raise SystemExit(f"kuzu_run.py: {path}: properties differ from other {rtype} files")
            r["pairs"].append((frm, to, path))
        else:
            raise SystemExit(f"kuzu_run.py: {path}: header is neither a node nor a relationship file")
    labels = {n["label"] for n in nodes}
    for rtype, r in rels.items():
        for frm, to, path in r["pairs"]:
            for lab in (frm, to):
                if lab not in labels:
                    raise SystemExit(f"kuzu_run.py: {path}: unknown node label {lab!r}")
    return nodes, rels


def schema_ddl(nodes, rels):
    ddl = []
    for n in nodes:
        cols = ", ".join(f"{q(p)} {t}" for p, t in n["props"])
        ddl.append(f"CREATE NODE TABLE {q(n['label'])}({cols}, PRIMARY KEY ({q(n['props'][0][0])}))")
    for rtype, r in rels.items():
        parts = [f"FROM {q(a)} TO {q(b)}" for a, b, _ in r["pairs"]]
        parts += [f"{q(p)} {t}" for p, t in r["props"]]
        ddl.append(f"CREATE REL TABLE {q(rtype)}({', '.join(parts)})")
    return ddl


def copy_statements(nodes, rels):
    stmts = []
    for n in nodes:
        stmts.append(f"COPY {q(n['label'])} FROM {sql_str(os.path.abspath(n['file']))} (header=true)")
    for rtype, r in rels.items():
        multi = len(r["pairs"]) > 1
        for a, b, path in r["pairs"]:
            opts = "header=true"
            if multi:
                opts += f", from={sql_str(a)}, to={sql_str(b)}"
            stmts.append(f"COPY {q(rtype)} FROM {sql_str(os.path.abspath(path))} ({opts})")
    return stmts


# --------------------------------------------------------------------------
# queries.cypher
# --------------------------------------------------------------------------

DIRECTIVE_RE = re.compile(r"^\s*//\s*@")


def parse_queries(path, engine=ENGINE):
    """Return an ordered dict name -> text for `engine`.

    "// @query NAME" starts the common text, "// @variant ENGINE NAME"
    replaces it for ENGINE; a statement runs until the next "// @" line;
    other "//" lines are comments; the trailing ';' is dropped.
    """
    common, variants, order = {}, {}, []
    cur = None  # (target dict or None, name)
    buf = []

    def flush():
        if cur is None:
            return
        target, name = cur
        text = "\n".join(buf).strip()
        while text.endswith(";"):
            text = text[:-1].rstrip()
        if target is None:
            return
        if not text:
            raise SystemExit(f"kuzu_run.py: {path}: empty statement for {name}")
        if name in target:
            raise SystemExit(f"kuzu_run.py: {path}: duplicate statement for {name}")
        target[name] = text

    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if DIRECTIVE_RE.match(line):
                flush()
                buf = []
                words = line.strip()[2:].strip()[1:].split()
                if words[:1] == ["query"] and len(words) == 2:
                    cur = (common, words[1])
                    order.append(words[1])
                elif words[:1] == ["variant"] and len(words) == 3:
                    cur = (variants if words[1] == engine else None, words[2])
                else:
                    raise SystemExit(f"kuzu_run.py: {path}:{lineno}: bad directive {line.strip()!r}")
            elif line.lstrip().startswith("//"):
                continue
            elif cur is not None:
                buf.append(line)
        flush()
    for name in variants:
        if name not in common:
            raise SystemExit(f"kuzu_run.py: {path}: variant for unknown query {name}")
    return {name: variants.get(name, common[name]) for name in order}


# --------------------------------------------------------------------------
# running
# --------------------------------------------------------------------------

def jsonable(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, decimal.Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, (datetime.date, datetime.datetime, datetime.time)):
        return v.isoformat()
    if isinstance(v, datetime.timedelta):
        return v.total_seconds()
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [jsonable(x) for x in v]
    return str(v)


def run_once(conn, text):
    t0 = time.perf_counter()
    res = conn.execute(text)
    rows = []
    while res.has_next():
        rows.append(res.get_next())
    ms = (time.perf_counter() - t0) * 1000.0
    cols = res.get_column_names()
    res.close()
    return ms, cols, rows


def peak_rss_mb():
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":  # bytes on macOS
        kb /= 1024.0
    return round(kb / 1024.0, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="directory written by bench/gen.py")
    ap.add_argument("--queries", required=True, help="bench/queries.cypher")
    ap.add_argument("--out", required=True, help="result JSON file")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--only", help="comma-separated query names to run")
    a = ap.parse_args()
    if a.runs < 1 or a.warmup < 0:
        ap.error("--runs must be >= 1 and --warmup >= 0")

    queries = parse_queries(a.queries)
    if a.only:
        wanted = [w.strip() for w in a.only.split(",") if w.strip()]
        unknown = [w for w in wanted if w not in queries]
        if unknown:
            ap.error(f"unknown query name(s): {', '.join(unknown)}; known: {', '.join(queries)}")
        queries = {k: v for k, v in queries.items() if k in wanted}

    nodes, rels = read_schema(a.data)

    log = lambda msg: print(msg, file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    db = kuzu.Database(":memory:")
    conn = kuzu.Connection(db)
    for stmt in schema_ddl(nodes, rels):
        conn.execute(stmt).close()
    for stmt in copy_statements(nodes, rels):
        conn.execute(stmt).close()
    load_s = time.perf_counter() - t0
    load_rss = peak_rss_mb()
    log(f"kuzu {kuzu.__version__}: loaded {a.data} in {load_s:.2f}s, peak RSS {load_rss} MB")

    results, failed = {}, []
    for name, text in queries.items():
        try:
            times, cols, rows = [], [], []
            for i in range(a.warmup + a.runs):
                ms, cols, rows = run_once(conn, text)
                if i >= a.warmup:
                    times.append(ms)
            med = statistics.median(times)
            results[name] = {"ms": round(med, 3), "columns": list(cols),
                             "rows": [[jsonable(v) for v in r] for r in rows]}
            log(f"  {name:28s} {med:10.2f} ms  {len(rows)} row(s)")
        except Exception as exc:  # keep going; report the failure in the JSON
            failed.append(name)
            results[name] = {"error": f"{type(exc).__name__}: {exc}"}
            log(f"  {name:28s} ERROR {exc}")

    out = {
        "engine": ENGINE,
        "version": kuzu.__version__,
        "load_s": round(load_s, 3),
        "peak_rss_mb": peak_rss_mb(),
        "queries": results,
        # provenance
        "peak_rss_after_load_mb": load_rss,
        "data": os.path.abspath(a.data),
        "warmup": a.warmup,
        "runs": a.runs,
        "python": sys.version.split()[0],
    }
    manifest = os.path.join(a.data, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            m = json.load(f)
        out["dataset"] = {k: m.get(k) for k in ("seed", "nodes", "rels", "params")}

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, a.out)
    log(f"wrote {a.out}")
    conn.close()
    db.close()
    if failed:
        log(f"kuzu_run.py: {len(failed)} query(ies) failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
