#!/usr/bin/env python3
"""Register a folder of CSV files in the neo4j-admin import layout as Spark temporary views.

    import spark_views
    spark_views.register(spark, "bench/data/S")           # -> {view name: column names}

    python3 bench/spark_views.py --url sc://127.0.0.1:15099 --data bench/data/S   (prints the views)

One view per label and one per relationship type, named after the files (see gen.py):

  node file  <Label>.csv                 view <Label>: the header's columns, `id:ID(Actor)` -> id
  rel file   <TYPE>.csv                  view <TYPE>:  start_id, end_id, then the property columns
             <TYPE>__<From>_<To>.csv     view <TYPE> is the UNION ALL of the type's files, with two
                                         more columns start_label and end_label; each file is also
                                         a view of its own, named like the file (TARGETED__Event_Actor)

Every relationship view carries rel_id, a number unique across all relationship views of the
folder (file index * 2^40 + row number), for Cypher's relationship uniqueness (r1.rel_id <>
r2.rel_id). Header cells follow neo4j-admin: `name:type` with type int, long, float, double,
boolean, byte, short, string, date, or an array `type[]` (split on ';'); `:ID(space)`,
`:START_ID(space)`, `:END_ID(space)` are the ids (bigint); `:IGNORE` columns are dropped; a
`:LABEL` column is kept as an array of strings named labels. A cell without a type is a string.
An empty unquoted cell is NULL (the property is absent).

register(..., cache=True) caches every view in the server's memory and materializes it, so that
queries measure the engine rather than CSV parsing (Quarry answers from memory too).
"""
import csv
import os
import re

SPARK_TYPES = {
    "int": "int", "integer": "int", "long": "bigint", "short": "smallint", "byte": "tinyint",
    "float": "float", "double": "double", "boolean": "boolean", "string": "string",
    "date": "date", "char": "string",
}
ID_BITS = 40


def _quote(name):
    return "`" + name.replace("`", "``") + "`"


def _columns(header, file_name):
    """[(column name, spark type, role)] for a neo4j-admin header; role is id/start/end/label/prop/skip."""
    columns = []
    for cell in header:
        name, _, kind = cell.partition(":")
        kind_base = re.sub(r"\(.*\)$", "", kind).strip()
        upper = kind_base.upper()
        if upper == "ID":
            columns.append((name or "id", "bigint", "id"))
        elif upper == "START_ID":
            columns.append(("start_id", "bigint", "start"))
        elif upper == "END_ID":
            columns.append(("end_id", "bigint", "end"))
        elif upper == "IGNORE":
            columns.append((name or f"_ignored{len(columns)}", "string", "skip"))
        elif upper == "LABEL":
            columns.append(("labels", "string", "label"))
        elif upper == "TYPE":
            columns.append(("type", "string", "prop"))
        else:
            array = kind_base.endswith("[]")
            base = kind_base[:-2] if array else kind_base
            spark = SPARK_TYPES.get(base.lower() or "string")
            if spark is None:
                raise ValueError(f"{file_name}: unknown column type in header cell {cell!r}")
            columns.append((name, spark, "array:" + spark if array else "prop"))
    return columns


def describe(folder):
    """The files of folder as [{view, path, kind, columns, start_label, end_label}]."""
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        path = os.path.abspath(os.path.join(folder, name))
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        columns = _columns(header, name)
        roles = {role for _, _, role in columns}
        stem = name[:-4]
        if "id" in roles:
            out.append({"view": stem, "path": path, "kind": "node", "columns": columns})
        elif {"start", "end"} <= roles:
            rel_type, _, pair = stem.partition("__")
            start_label = end_label = None
            if pair and "_" in pair:
                start_label, end_label = pair.split("_", 1)
            else:
                spaces = [re.search(r"\((.*)\)", c) for c in header if ":START_ID" in c or ":END_ID" in c]
                if len(spaces) == 2 and all(spaces):
                    start_label, end_label = spaces[0].group(1), spaces[1].group(1)
            out.append({"view": stem, "type": rel_type, "path": path, "kind": "rel", "columns": columns,
                        "start_label": start_label, "end_label": end_label})
    return out


def register(spark, folder, cache=True):
    """Register folder's CSV files as temporary views; return {view name: [column names]}."""
    files = describe(folder)
    views = {}
    rel_types = {}
    for index, info in enumerate(files):
        schema = ", ".join(f"{_quote(n)} {'string' if role.startswith('array') or role == 'label' else t}"
                           for n, t, role in info["columns"])
        df = (spark.read.option("header", True).option("enforceSchema", True).option("mode", "FAILFAST")
              .schema(schema).csv(info["path"]))
        select = []
        if info["kind"] == "rel":
            # Row numbers in file order: the CSV is read as one partition per file at these sizes,
            # but zipWithIndex is not available over Connect, so number rows with a window.
            select.append(f"CAST({index} AS BIGINT) * {1 << ID_BITS} + "
                          f"row_number() OVER (ORDER BY monotonically_increasing_id()) - 1 AS rel_id")
        for n, t, role in info["columns"]:
            if role == "skip":
                continue
            if role == "label" or role.startswith("array"):
                inner = "string" if role == "label" else role.split(":", 1)[1]
                select.append(f"CAST(split({_quote(n)}, ';') AS ARRAY<{inner}>) AS {_quote(n)}")
            else:
                select.append(_quote(n))
        if info["kind"] == "rel":
            select.append(f"{_sql_string(info['start_label'])} AS start_label")
            select.append(f"{_sql_string(info['end_label'])} AS end_label")
            rel_types.setdefault(info["type"], []).append(info["view"])
        df = df.selectExpr(*select)
        df.createOrReplaceTempView(info["view"])
        views[info["view"]] = df.columns
    # One view per relationship type: the union of its files (same columns by position, checked).
    for rel_type, parts in rel_types.items():
        if len(parts) == 1 and parts[0] == rel_type:
            continue
        first = views[parts[0]]
        for p in parts[1:]:
            if views[p] != first:
                raise ValueError(f"relationship type {rel_type}: files {parts[0]} and {p} differ in columns")
        sql = " UNION ALL ".join(f"SELECT * FROM {_quote(p)}" for p in parts)
        spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW {_quote(rel_type)} AS {sql}")
        views[rel_type] = first
    if cache:
        for view in views:
            spark.catalog.cacheTable(view)
        for view in views:
            spark.sql(f"SELECT count(*) FROM {_quote(view)}").collect()
    return views


def _sql_string(value):
    return "CAST(NULL AS STRING)" if value is None else "'" + value.replace("'", "''") + "'"


def main():
    import argparse
    from pyspark.sql import SparkSession
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="sc://127.0.0.1:15099")
    ap.add_argument("--data", required=True)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args()
    spark = SparkSession.builder.remote(args.url).getOrCreate()
    for view, columns in register(spark, args.data, cache=not args.no_cache).items():
        n = spark.sql(f"SELECT count(*) FROM {_quote(view)}").collect()[0][0]
        print(f"{view:28} {n:8}  {', '.join(columns)}")


if __name__ == "__main__":
    main()
