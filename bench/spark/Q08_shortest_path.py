"""MATCH p = shortestPath((a:Actor {name: 'Tarvek Liberation Front'})-[:ALLIED_WITH|OPPOSES*..6]-(b:Actor {name: 'Ilse Marchetti'}))
RETURN length(p) AS hops

Client-driven bidirectional breadth-first search (see shortest.py): one statement for the end
nodes, then one per BFS level until the two searches meet. The single-statement SQL versions are
Q08_shortest_path.sql (WITH RECURSIVE) and Q08_shortest_path.unrolled.sql,
both without an early stop."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shortest import shortest_lengths  # noqa: E402

ENDS = """SELECT (SELECT collect_list(id) FROM Actor WHERE name = 'Tarvek Liberation Front'),
                 (SELECT collect_list(id) FROM Actor WHERE name = 'Ilse Marchetti')"""


def run(spark):
    return shortest_lengths(spark, ENDS, ["ALLIED_WITH", "OPPOSES"], "both", 6)
