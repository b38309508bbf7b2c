#!/usr/bin/env python3
"""igraph peer of bench/paths.bench.ts: point-to-point most-reliable paths.

Same input and output as paths.py, with igraph's Dijkstra (Graph.get_shortest_paths to
one target, unidirectional, in C) and Graph.get_k_shortest_paths (Yen's algorithm) on weights
-ln(strength). Run with the Debian python (/usr/bin/python3, python3-igraph).

Usage: paths_igraph.py relationships.tsv pairs.tsv k kpairs [bestpairs]
"""
import json
import math
import sys
import time

import igraph


def main():
    rel_path, pairs_path, k, kpairs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    best_pairs = int(sys.argv[5]) if len(sys.argv) > 5 else None
    t0 = time.perf_counter()
    edges, weights, n = [], [], 0
    with open(rel_path) as f:
        for line in f:
            a, b, s = line.split()
            a, b = int(a), int(b)
            edges.append((a, b))
            weights.append(-math.log(float(s)))
            n = max(n, a + 1, b + 1)
    g = igraph.Graph(n=n, edges=edges, directed=False)
    g.es["w"] = weights
    load_ms = (time.perf_counter() - t0) * 1000
    with open(pairs_path) as f:
        pairs = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
    w = g.es["w"]

    def cost_of(epath):
        return sum(w[e] for e in epath)

    best = []
    for s, t in pairs[:best_pairs]:
        t0 = time.perf_counter()
        epath = g.get_shortest_paths(s, to=t, weights="w", output="epath")[0]
        ms = (time.perf_counter() - t0) * 1000
        best.append({"ms": ms, "cost": cost_of(epath) if epath else None})
    topk = []
    for s, t in pairs[:kpairs]:
        t0 = time.perf_counter()
        paths = g.get_k_shortest_paths(s, t, k=k, weights="w", output="epath")
        ms = (time.perf_counter() - t0) * 1000
        topk.append({"ms": ms, "costs": [cost_of(p) for p in paths if p]})
    json.dump({"version": igraph.__version__, "loadMs": load_ms, "nodes": g.vcount(), "edges": g.ecount(), "best": best, "topk": topk}, sys.stdout)


if __name__ == "__main__":
    main()
