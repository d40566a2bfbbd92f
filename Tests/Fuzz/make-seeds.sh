#!/usr/bin/env bash
# Seed corpora for `make fuzz`, made from what the repository already holds: the statements of the
# test cases and the grammar's examples (query), scripts (script), the CSV files of the cases (csv),
# and the default dataset exported in every format and saved as a graph file.
# Usage: Tests/Fuzz/make-seeds.sh QUARRY_BINARY OUT_DIR
set -euo pipefail
quarry=$1
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out"
mkdir -p "$out"/{query,script,csv,jsonl,graphml,dot,graphfile}
python3 - "$root" "$out" <<'PY'
import os, sys
root, out = sys.argv[1], sys.argv[2]
n = 0
def seed(kind, text):
    global n
    n += 1
    with open(os.path.join(out, kind, "seed-%05d" % n), "w") as f:
        f.write(text)
cases = os.path.join(root, "Tests/QuarryEngineTests/Cases")
for folder, _, files in os.walk(cases):
    for name in files:
        if not name.endswith(".test"):
            continue
        block = []
        for line in open(os.path.join(folder, name), encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith(("statement", "query")):
                block = []
            elif line == "----" or line == "":
                if block:
                    seed("query", "\n".join(block))
                block = []
            elif not line.startswith("#"):
                block.append(line)
for statement in open(os.path.join(root, "grammar/examples.cypher"), encoding="utf-8").read().split("\n;\n"):
    seed("query", statement)
    seed("script", statement + ";\n:format csv\n")
for folder, _, files in os.walk(os.path.join(root, "datasets")):
    for name in files:
        if name == "load.cypher":
            seed("script", open(os.path.join(folder, name), encoding="utf-8").read()[:20000])
PY
cp "$root"/Tests/QuarryEngineTests/Cases/files/*.csv "$root"/Tests/QuarryEngineTests/Cases/files/*.tsv "$out/csv/"
# An admin-import folder as the csv target takes it: a node file, a NUL, a relationship file.
printf 'id:ID,name,n:int,tags:string[]\n1,a,2,x;y\n2,b,3,\n\0:START_ID,:END_ID,:TYPE,w:float\n1,2,R,0.5\n' > "$out/csv/admin-folder"
( cd "$out" && "$quarry" --no-rc -c ":export jsonl jsonl/default.jsonl
:export graphml graphml/default.graphml
:export dot dot/default.dot
:save graphfile/default.quarry" > /dev/null )
( cd "$out" && "$quarry" --no-rc graphfile/small.quarry -c "CREATE (:A {n: 1, s: 'x', l: [1.5]})-[:R]->(:B); MATCH (b:B) DELETE b" > /dev/null 2>&1 || true )
rm -f "$out"/graphfile/*.wal
echo "seeds: $(ls "$out"/query | wc -l) queries, $(ls "$out"/script | wc -l) scripts, $(ls "$out"/csv | wc -l) CSV files, exports and graph files"
