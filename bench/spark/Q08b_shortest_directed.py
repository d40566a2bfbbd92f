"""MATCH p = shortestPath((a:Actor {name: 'Ilse Marchetti'})-[:ALLIED_WITH|OPPOSES*..6]->(b:Actor {name: 'Tarvek Liberation Front'}))
RETURN length(p) AS hops

Client-driven bidirectional breadth-first search (see shortest.py): one statement for the end
nodes, then one per BFS level until the two searches meet. The single-statement SQL versions are
Q08b_shortest_directed.sql (WITH RECURSIVE) and Q08b_shortest_directed.unrolled.sql,
both without an early stop."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shortest import shortest_lengths  # noqa: E402

ENDS = """SELECT (SELECT collect_list(id) FROM Actor WHERE name = 'Ilse Marchetti'),
                 (SELECT collect_list(id) FROM Actor WHERE name = 'Tarvek Liberation Front')"""


def run(spark):
    return shortest_lengths(spark, ENDS, ["ALLIED_WITH", "OPPOSES"], "out", 6)
