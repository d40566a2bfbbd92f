#!/usr/bin/env python3
"""Quarry's graph algorithms against networkx on the benchmark graph, node by node.

    make algo-check SCALE=M        (bench/data/SCALE, made by gen.py when missing)

The release `quarry` imports the CSV folder; its own node ids and relationships go to networkx,
so both work on the same graph. Checked exactly: out-, in- and both-way degrees, weakly and
strongly connected components, triangles, core numbers, the nodes within two hops of a source and
the shortest-path lengths from it; within 1e-6 relative: PageRank (100 rounds at most, tolerance
1e-6, as networkx), and exact betweenness on the place hierarchy (:Place, :IN; exact betweenness
over the whole graph would take networkx hours); clustering within 1e-12; Jaccard exact for the
pairs Quarry ranks first per node among the actors' alliances, and each node's best score
against networkx's best; Louvain's modularity at least networkx's lowest over seeds 0-4.
`make test` runs the same comparisons on small graphs (AlgorithmTests); this is the scale-M run
the algorithm issue asks for. Exits 1 on any difference.
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import time

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUARRY = os.path.join(ROOT, ".build", "release", "quarry")


def quarry(data, query):
    """The rows of one query, as lists of strings."""
    out = subprocess.run([QUARRY, "--import", data, "--no-rc", "--format", "csv"], input=query + ";\n",
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[1:]


def by_node(data, call, column):
    return {int(r[0]): float(r[1]) for r in quarry(data, f"CALL {call} YIELD node, {column} RETURN id(node), {column}") if r[1] != ""}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="M", choices=["S", "M", "L"])
    args = ap.parse_args()
    data = os.path.join(HERE, "data", args.scale)
    if not os.path.exists(os.path.join(data, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--scale", args.scale, "--out", data], check=True)
    failures = []

    def check(name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        if not ok:
            failures.append(name)

    started = time.time()
    nodes = [int(r[0]) for r in quarry(data, "MATCH (n) RETURN id(n)")]
    edges = [(int(a), int(b)) for a, b in quarry(data, "MATCH (a)-[r]->(b) RETURN id(a), id(b)")]
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    u = nx.MultiGraph()
    u.add_nodes_from(nodes)
    u.add_edges_from(edges)
    simple = nx.Graph(u)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    print(f"{len(nodes)} nodes, {len(edges)} relationships", flush=True)

    check("out-degree", by_node(data, "algo.degree({})", "score") == {n: float(d) for n, d in g.out_degree()})
    check("in-degree", by_node(data, "algo.degree({direction: 'IN'})", "score") == {n: float(d) for n, d in g.in_degree()})
    check("degree", by_node(data, "algo.degree({direction: 'BOTH'})", "score") == {n: float(d) for n, d in u.degree()})
    check("weakly connected components", by_node(data, "algo.wcc({})", "componentId")
          == {n: float(min(c)) for c in nx.weakly_connected_components(g) for n in c})
    check("strongly connected components", by_node(data, "algo.scc({})", "componentId")
          == {n: float(min(c)) for c in nx.strongly_connected_components(g) for n in c})
    check("triangles", by_node(data, "algo.triangleCount({})", "triangles") == {n: float(t) for n, t in nx.triangles(simple).items()})
    clustering = by_node(data, "algo.triangleCount({})", "coefficient")
    check("clustering", all(abs(clustering[n] - c) <= 1e-12 for n, c in nx.clustering(simple).items()))
    check("core numbers", by_node(data, "algo.kCore({})", "coreness") == {n: float(c) for n, c in nx.core_number(simple).items()})

    ranks = by_node(data, "algo.pageRank({iterations: 100, tolerance: 1e-6})", "score")
    wanted = nx.pagerank(g, alpha=0.85, max_iter=100, tol=1e-6)
    worst = max(abs(ranks[n] - w) / abs(w) for n, w in wanted.items())
    check("PageRank", len(ranks) == len(wanted) and worst <= 1e-6, f"largest relative difference {worst:.2e}")

    source = min(n for n in nodes if g.out_degree(n) > 0)
    hops = {int(a): float(b) for a, b in quarry(data, f"MATCH (s) WHERE id(s) = {source} CALL algo.khop({{sourceNode: s, maxHops: 2}}) YIELD node, distance RETURN id(node), distance")}
    check("within two hops", hops == {n: float(d) for n, d in nx.single_source_shortest_path_length(g, source, cutoff=2).items()})
    lengths = nx.single_source_shortest_path_length(g, source)
    targets = sorted(lengths)[:: max(1, len(lengths) // 200)]
    costs = {int(a): float(b) for a, b in quarry(data, f"MATCH (s) WHERE id(s) = {source} MATCH (t) WHERE id(t) IN {targets} "
                                                      "CALL algo.dijkstra({sourceNode: s, targetNode: t}) YIELD cost RETURN id(t), cost")}
    check("shortest-path lengths", costs == {t: float(lengths[t]) for t in targets}, f"{len(targets)} targets from {source}")

    places = [int(r[0]) for r in quarry(data, "MATCH (p:Place) RETURN id(p)")]
    tree = nx.DiGraph()
    tree.add_nodes_from(places)
    tree.add_edges_from((int(a), int(b)) for a, b in quarry(data, "MATCH (a:Place)-[:IN]->(b:Place) RETURN id(a), id(b)"))
    between = by_node(data, "algo.betweenness({labels: ['Place'], types: ['IN'], direction: 'BOTH'})", "score")
    wanted = nx.betweenness_centrality(tree.to_undirected(), normalized=False)
    worst = max((abs(between[n] - w) / max(1.0, abs(w)) for n, w in wanted.items()), default=0.0)
    check("betweenness (places)", len(between) == len(wanted) and worst <= 1e-6, f"largest relative difference {worst:.2e}")

    actors = nx.Graph()
    actors.add_nodes_from(int(r[0]) for r in quarry(data, "MATCH (a:Actor) RETURN id(a)"))
    actors.add_edges_from((int(a), int(b)) for a, b in quarry(data, "MATCH (a:Actor)-[:ALLIED_WITH]->(b:Actor) WHERE a <> b RETURN id(a), id(b)"))
    pairs = {(int(a), int(b)): float(j) for a, b, j in quarry(
        data, "CALL algo.similarity({labels: ['Actor'], types: ['ALLIED_WITH'], direction: 'BOTH', topK: 1}) "
              "YIELD node1, node2, similarity RETURN id(node1), id(node2), similarity")}
    exact = all(j == w for (a, b), j in pairs.items() for _, _, w in nx.jaccard_coefficient(actors, [(a, b)]))
    best = {}
    for a in list(actors)[:: max(1, actors.number_of_nodes() // 300)]:
        others = {c for b in actors[a] for c in actors[b]} - {a}
        if others:
            best[a] = max(w for _, _, w in nx.jaccard_coefficient(actors, [(a, c) for c in others]))
    top = {a: j for (a, _), j in pairs.items()}
    ranked = all(top.get(a) == w for a, w in best.items())
    check("Jaccard", exact and ranked, f"{len(pairs)} pairs, best scores of {len(best)} actors")

    louvain = float(quarry(data, "CALL algo.louvain({}) YIELD modularity RETURN max(modularity)")[0][0])
    theirs = [nx.community.modularity(u, nx.community.louvain_communities(u, seed=s)) for s in range(5)]
    check("Louvain modularity", louvain >= min(theirs) - 1e-9, f"{louvain:.6f}; networkx over seeds 0-4: {min(theirs):.6f} to {max(theirs):.6f}")

    print(f"{len(failures)} difference(s); {time.time() - started:.0f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
