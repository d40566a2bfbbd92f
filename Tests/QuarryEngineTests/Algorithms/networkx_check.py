#!/usr/bin/env python3
"""The networkx answers for algorithms_test: reads 'start end' lines (node ids) and the node ids,
prints JSON with each algorithm's result by node id."""
import json
import sys

import networkx as nx

nodes = [int(x) for x in open(sys.argv[1]).read().split()]
edges = [tuple(int(x) for x in line.split()) for line in open(sys.argv[2]) if line.strip()]
g = nx.MultiDiGraph()
g.add_nodes_from(nodes)
g.add_edges_from(edges)
# Every relationship once in the undirected graph (MultiGraph(g) would merge a->b with b->a).
u = nx.MultiGraph()
u.add_nodes_from(nodes)
u.add_edges_from(edges)
wcc = {n: min(c) for c in nx.weakly_connected_components(g) for n in c}
scc = {n: min(c) for c in nx.strongly_connected_components(g) for n in c}
pr = nx.pagerank(g, alpha=0.85, max_iter=100, tol=1e-6)
simple = nx.Graph(u)
simple.remove_edges_from(nx.selfloop_edges(simple))
source = min(nodes)
khop = nx.single_source_shortest_path_length(g, source, cutoff=2)
louvain = [nx.community.modularity(u, nx.community.louvain_communities(u, seed=s)) for s in range(5)]
print(json.dumps({
    "louvain": {"min": min(louvain), "max": max(louvain)},
    "out": {n: d for n, d in g.out_degree()},
    "in": {n: d for n, d in g.in_degree()},
    "both": {n: d for n, d in u.degree()},
    "wcc": wcc,
    "scc": scc,
    "pagerank": pr,
    "triangles": nx.triangles(simple),
    "clustering": nx.clustering(simple),
    "core": nx.core_number(simple),
    "khop": khop,
    "betweenness": nx.betweenness_centrality(nx.DiGraph(g), normalized=False),
    "betweenness_both": nx.betweenness_centrality(simple, normalized=False),
    "closeness": nx.closeness_centrality(nx.DiGraph(g).reverse()),
    "dijkstra": nx.single_source_dijkstra_path_length(g, source),
    "all_shortest": {t: len(list(nx.all_shortest_paths(nx.DiGraph(g), source, t))) for t in nx.single_source_shortest_path_length(g, source)},
    "jaccard": {f"{a} {b}": j for a in simple for b in simple if a != b and set(simple[a]) & set(simple[b])
                for _, _, j in nx.jaccard_coefficient(simple, [(a, b)])},
}))
