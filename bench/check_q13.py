#!/usr/bin/env python3
"""Reference answer for Q13_reverse_2hop, computed straight from gen.py's CSVs.

    MATCH (c:Company {name: 'Zambara Copper Mining'})<-[:TARGETED]-(e:Event)<-[:CONDEMNED]-(a:Actor)
    RETURN a.kind AS kind, count(DISTINCT a) AS actors, count(*) AS condemnations ORDER BY kind

Kuzu 0.11.3 answers count(*) with 0 when it sits beside count(DISTINCT a);
this script gives the correct figures without any database (pure Python).

Usage:
    python3 bench/check_q13.py --data bench/data/S [--company NAME] [--against bench/results/kuzu-S.json]

Prints {"columns": ["kind", "actors", "condemnations"], "rows": [[kind, actors, condemnations], ...]}
(rows ordered by kind). count(*) counts matches of the pattern, i.e. one per
(CONDEMNED edge, TARGETED edge) pair sharing the event; gen.py writes no
parallel edges, so this equals the number of (actor)-[:CONDEMNED]->(event)
pairs whose event TARGETED the company.
With --against, also compares with the Q13 entry of a result JSON written by
kuzu_run.py (or any file of that shape) and exits 1 on a mismatch.
"""
import argparse
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict

LABEL_RE = re.compile(r":(START_ID|END_ID|ID)\(([^)]*)\)")


def header_labels(header):
    """[(kind, label)] for the id columns of a Neo4j-admin-import header."""
    out = []
    for cell in header[:2]:
        m = LABEL_RE.search(cell)
        out.append((m.group(1), m.group(2)) if m else (None, None))
    return out


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        return header, list(r)


def rel_files(data, rtype, frm, to):
    """Files of relationship type rtype whose header is :START_ID(frm),:END_ID(to)."""
    found = []
    for fname in sorted(os.listdir(data)):
        if not fname.endswith(".csv"):
            continue
        base = fname[:-4]
        if base != rtype and not base.startswith(rtype + "__"):
            continue
        path = os.path.join(data, fname)
        with open(path, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        (k1, l1), (k2, l2) = header_labels(header)
        if (k1, k2) == ("START_ID", "END_ID") and (l1, l2) == (frm, to):
            found.append(path)
    return found


def q13(data, company):
    # Company ids with that name
    header, comp = rows(os.path.join(data, "Company.csv"))
    name_col = header.index("name")
    cids = {int(r[0]) for r in comp if r[name_col] == company}
    if not cids:
        raise SystemExit(f"check_q13.py: no Company named {company!r} in {data}")

    # events -> number of TARGETED edges to those companies
    tfiles = rel_files(data, "TARGETED", "Event", "Company")
    if not tfiles:
        raise SystemExit(f"check_q13.py: no TARGETED Event->Company file in {data}")
    targeted = Counter()
    for path in tfiles:
        for r in rows(path)[1]:
            if int(r[1]) in cids:
                targeted[int(r[0])] += 1

    # actor kinds
    header, actors = rows(os.path.join(data, "Actor.csv"))
    kind_col = header.index("kind")
    kind = {int(r[0]): r[kind_col] for r in actors}

    distinct = defaultdict(set)
    matches = Counter()
    for path in rel_files(data, "CONDEMNED", "Actor", "Event"):
        for r in rows(path)[1]:
            a, e = int(r[0]), int(r[1])
            n = targeted.get(e)
            if n:
                k = kind[a]
                distinct[k].add(a)
                matches[k] += n
    return [[k, len(distinct[k]), matches[k]] for k in sorted(distinct)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="directory written by bench/gen.py")
    ap.add_argument("--company", default="Zambara Copper Mining")
    ap.add_argument("--against", help="result JSON (kuzu_run.py output) to compare with")
    ap.add_argument("--query", default="Q13_reverse_2hop", help="query name in --against")
    a = ap.parse_args()

    result = q13(a.data, a.company)
    print(json.dumps({"columns": ["kind", "actors", "condemnations"], "rows": result}))
    if a.against:
        with open(a.against, encoding="utf-8") as f:
            got = json.load(f)["queries"].get(a.query, {})
        if got.get("rows") == result:
            print(f"{a.against}: {a.query} matches", file=sys.stderr)
        else:
            print(f"{a.against}: {a.query} MISMATCH: engine rows {json.dumps(got.get('rows', got))}",
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
