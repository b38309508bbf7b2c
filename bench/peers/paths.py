#!/usr/bin/env python3
"""NetworkX peer of bench/paths.bench.ts: point-to-point most-reliable paths.

Reads the relationships ("a b strength" per line, person indices) and the query pairs
("source target" per line), builds an undirected nx.Graph weighted by -ln(strength), and
times, per pair, nx.bidirectional_dijkstra and the first k of nx.shortest_simple_paths
(on the first `kpairs` pairs). Prints JSON: load time, then per query the milliseconds
and the costs found (null when there is no path).

Usage: paths.py relationships.tsv pairs.tsv k kpairs [bestpairs]
"""
import itertools
import json
import math
import sys
import time

import networkx as nx


def main():
    rel_path, pairs_path, k, kpairs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    best_pairs = int(sys.argv[5]) if len(sys.argv) > 5 else None
    t0 = time.perf_counter()
    g = nx.Graph()
    with open(rel_path) as f:
        for line in f:
            a, b, s = line.split()
            g.add_edge(int(a), int(b), w=-math.log(float(s)))
    load_ms = (time.perf_counter() - t0) * 1000
    with open(pairs_path) as f:
        pairs = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
    best = []
    for s, t in pairs[:best_pairs]:
        t0 = time.perf_counter()
        try:
            cost, _ = nx.bidirectional_dijkstra(g, s, t, weight="w")
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            cost = None
        best.append({"ms": (time.perf_counter() - t0) * 1000, "cost": cost})
    topk = []
    for s, t in pairs[:kpairs]:
        t0 = time.perf_counter()
        try:
            costs = [nx.path_weight(g, p, "w") for p in itertools.islice(nx.shortest_simple_paths(g, s, t, weight="w"), k)]
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            costs = []
        topk.append({"ms": (time.perf_counter() - t0) * 1000, "costs": costs})
    json.dump({"version": nx.__version__, "loadMs": load_ms, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "best": best, "topk": topk}, sys.stdout)


if __name__ == "__main__":
    main()
