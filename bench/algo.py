#!/usr/bin/env python3
"""Graph algorithms, Quarry beside networkx, igraph and NetworKit in one run.

    make bench-algo SCALE=S|M|L

Quarry runs bench/algorithms.cypher through quarry-bench (in process, release build); the peers
load the same CSV folder (bench/data/SCALE, made by gen.py) into their own graphs, relationships
directed as stored, and run the same algorithms single-threaded (NetWorKit with one thread too,
when --networkit is given). Prints each algorithm's time per engine, the answers (which
must agree; networkx's PageRank runs to its tolerance, not 20 rounds), and Quarry's ratio to each peer; writes bench/results/algo-SCALE.json. networkx is
skipped at L (`--networkx` forces it): it takes minutes there.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import time

import benchdata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load(folder):
    """Node ids by (group, id) and the directed edges, from the neo4j-admin CSV layout."""
    index = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, newline="") as f:
            header = next(csv.reader(f))
            if not any(h.startswith("id:ID(") for h in header):
                continue
            col = next(i for i, h in enumerate(header) if h.startswith("id:ID("))
            group = header[col][6:-1]
            for row in csv.reader(f):
                index[(group, row[col])] = len(index)
    edges = []
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, newline="") as f:
            header = next(csv.reader(f))
            starts = [i for i, h in enumerate(header) if h.startswith(":START_ID(")]
            if not starts:
                continue
            s = starts[0]
            e = next(i for i, h in enumerate(header) if h.startswith(":END_ID("))
            sg, eg = header[s][10:-1], header[e][8:-1]
            for row in csv.reader(f):
                edges.append((index[(sg, row[s])], index[(eg, row[e])]))
    return len(index), edges


def timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return (time.perf_counter() - t0) * 1000, value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="S", choices=["S", "M", "L"])
    ap.add_argument("--networkx", action="store_true", help="run networkx at L too")
    ap.add_argument("--networkit", action="store_true",
                    help="run NetworKit too (11.x aborted with a glibc malloc assertion on this machine kind)")
    args = ap.parse_args()
    data = benchdata.folder(args.scale)
    out = os.path.join(HERE, "results", f"quarry-algo-{args.scale}.tmp")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    subprocess.run([os.path.join(ROOT, ".build", "release", "quarry-bench"), "--data", data, "--queries",
                    os.path.join(HERE, "algorithms.cypher"), "--warmup", "1", "--runs", "3", "--out", out], check=True,
                   stdout=subprocess.DEVNULL)
    quarry = {k: (v["ms"], v["rows"][0][0]) for k, v in json.load(open(out))["queries"].items()}
    n, edges = load(data)
    results = {"quarry": quarry}

    import igraph as ig
    g = ig.Graph(n=n, edges=edges, directed=True)
    simple = g.as_undirected(mode="collapse")
    simple.simplify()
    results["igraph"] = {
        "A1_degree": timed(lambda: float(sum(g.degree(mode="all")))),
        "A2_wcc": timed(lambda: len(g.connected_components(mode="weak"))),
        "A3_scc": timed(lambda: len(g.connected_components(mode="strong"))),
        "A4_pagerank20": timed(lambda: sum(g.pagerank(damping=0.85, implementation="prpack"))),
        "A5_triangles": timed(lambda: len(simple.list_triangles())),
        "A6_kcore": timed(lambda: max(simple.coreness())),
    }
    try:
        if not args.networkit:
            raise ImportError("not asked for")
        import networkit as nk
        nk.setNumberOfThreads(1)
        kg = nk.Graph(n, directed=True)
        for a, b in edges:
            kg.addEdge(a, b)
        ku = nk.graphtools.toUndirected(kg)
        ku.removeMultiEdges()
        ku.removeSelfLoops()
        ku.indexEdges()
        def nk_pagerank():
            pr = nk.centrality.PageRank(kg, damp=0.85, tol=0)
            pr.maxIterations = 20
            pr.run()
            return sum(pr.scores())
        def nk_run(algo):
            algo.run()
            return algo
        def nk_triangles():
            # NetworKit 11.3's TriangleEdgeScore corrupts the heap here (a glibc malloc
            # assertion); the triangles come from the local clustering coefficients instead.
            scores = nk_run(nk.centrality.LocalClusteringCoefficient(ku)).scores()
            return round(sum(c * ku.degree(v) * (ku.degree(v) - 1) / 2 for v, c in enumerate(scores)) / 3)
        results["networkit"] = {
            "A1_degree": timed(lambda: float(sum(kg.degreeOut(v) + kg.degreeIn(v) for v in range(n)))),
            "A2_wcc": timed(lambda: nk_run(nk.components.WeaklyConnectedComponents(kg)).numberOfComponents()),
            "A3_scc": timed(lambda: nk_run(nk.components.StronglyConnectedComponents(kg)).numberOfComponents()),
            "A4_pagerank20": timed(nk_pagerank),
            "A5_triangles": timed(nk_triangles),
            "A6_kcore": timed(lambda: int(max(nk_run(nk.centrality.CoreDecomposition(ku)).scores()))),
        }
    except ImportError:
        print("NetworKit: skipped (--networkit runs it)", file=sys.stderr)
    if args.scale != "L" or args.networkx:
        import networkx as nx
        x = nx.MultiDiGraph()
        x.add_nodes_from(range(n))
        x.add_edges_from(edges)
        xs = nx.Graph(x.to_undirected())
        xs.remove_edges_from(nx.selfloop_edges(xs))
        results["networkx"] = {
            "A1_degree": timed(lambda: float(sum(d for _, d in x.degree()))),
            "A2_wcc": timed(lambda: nx.number_weakly_connected_components(x)),
            "A3_scc": timed(lambda: nx.number_strongly_connected_components(x)),
            # networkx stops at its tolerance (it raises when 20 rounds do not reach it).
            "A4_pagerank20": timed(lambda: sum(nx.pagerank(x, alpha=0.85).values())),
            "A5_triangles": timed(lambda: sum(nx.triangles(xs).values()) // 3),
            "A6_kcore": timed(lambda: max(nx.core_number(xs).values())),
        }
    names = list(quarry)
    engines = [e for e in ["igraph", "networkit", "networkx"] if e in results]
    print(f"scale {args.scale}: {n} nodes, {len(edges)} relationships; milliseconds (Quarry: median of 3)")
    print(f"{'algorithm':16} {'quarry':>10} " + " ".join(f"{e:>10} {'ratio':>6}" for e in engines) + "  answers")
    for name in names:
        q_ms, q_answer = quarry[name]
        line = f"{name:16} {q_ms:10.1f} "
        answers = [q_answer]
        for e in engines:
            ms, answer = results[e].get(name, (float("nan"), None))
            line += f"{ms:10.1f} {q_ms / ms if ms else float('nan'):6.2f} "
            answers.append(answer)
        print(line + " " + " / ".join(str(a) for a in answers))
    json.dump({e: {k: v[0] for k, v in r.items()} for e, r in results.items()},
              open(os.path.join(HERE, "results", f"algo-{args.scale}.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
