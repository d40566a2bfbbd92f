"""Breadth-first shortestPath driven from the client, one SQL statement per level.

Cypher's shortestPath((a)-[:T1|T2*..N]-(b)) returns, per pair (a, b) joined by a path of at most
N relationships, one shortest path; its length is the BFS level at which b is first reached
(a shortest walk is a path, so relationship uniqueness holds by itself). Spark's WITH RECURSIVE
cannot keep a visited set (its recursive reference is not allowed under anti joins or
aggregates, and a NOT IN/NOT EXISTS on it sees only the previous iteration), so the client keeps
the frontier and the visited ids and asks for one level's neighbours at a time, inlined as an IN
list, stopping as soon as every target is reached or the frontier is empty.
"""


def _in_list(ids):
    return ", ".join(str(int(i)) for i in sorted(ids))


def neighbours_sql(types, direction, frontier):
    """SELECT of the nodes (with repeats) one relationship of `types` away from the frontier.
    direction: 'out' (a)-[]->(b), 'in' (a)<-[]-(b), 'both' (a)-[]-(b)."""
    ids = _in_list(frontier)
    parts = []
    for t in types:
        if direction in ("out", "both"):
            parts.append(f"SELECT end_id AS n FROM `{t}` WHERE start_id IN ({ids})")
        if direction in ("in", "both"):
            parts.append(f"SELECT start_id AS n FROM `{t}` WHERE end_id IN ({ids})")
    # No DISTINCT: the client makes a set of the rows anyway, and a DISTINCT costs a shuffle.
    return " UNION ALL ".join(parts)


def shortest_lengths(spark, ends_sql, types, direction, max_hops, min_hops=1):
    """Rows [length] of the shortest paths, one per (source, target) pair with a path.
    ends_sql returns two columns: the array of source ids and the array of target ids."""
    sources, targets = spark.sql(ends_sql).collect()[0]
    targets = set(targets or [])
    rows = []
    for a in sources or []:
        found = set()
        if min_hops == 0 and a in targets:
            rows.append([0])
            found.add(a)
        visited, frontier = {a}, {a}
        for level in range(1, max_hops + 1):
            if not frontier or found == targets:
                break
            reached = {r[0] for r in spark.sql(neighbours_sql(types, direction, frontier)).collect()}
            for b in (reached & targets) - found:
                rows.append([level])
                found.add(b)
            frontier = reached - visited
            visited |= frontier
    return rows
