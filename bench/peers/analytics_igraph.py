#!/usr/bin/env python3
"""python-igraph peer of bench/analytics.bench.ts (run with Debian's /usr/bin/python3).

Usage: /usr/bin/python3 analytics_igraph.py TIES [EXACT_TIES]  (file formats as in analytics_networkx.py)
igraph has reciprocity, constraint and exact betweenness (0.10 samples no sources); it has no
per-person or weighted reciprocity, effective size or E-I index.
"""
import json
import math
import sys
import time

import igraph as ig


def ms(fn):
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def read_rows(path):
    with open(path) as f:
        return [l.split() for l in f if l.strip()]


def main():
    rows = read_rows(sys.argv[1])
    n = 1 + max(max(int(r[0]), int(r[1])) for r in rows)
    timings, values = {}, {}

    def build():
        tie = ig.Graph(n=n, edges=[(int(r[0]), int(r[1])) for r in rows], directed=True)
        tie.es["weight"] = [float(r[4]) for r in rows]
        give = ig.Graph(n=n, edges=[(int(r[0]), int(r[1])) for r in rows if int(r[2]) > 0], directed=True)
        return tie, give

    timings["build"], (tie, give) = ms(build)
    timings["reciprocity"], values["overall"] = ms(lambda: give.reciprocity(ignore_loops=True, mode="default"))
    timings["constraint"], c = ms(lambda: tie.constraint())
    timings["constraintWeighted"], _ = ms(lambda: tie.constraint(weights="weight"))
    values["constraint"] = {str(i): (None if math.isnan(x) else x) for i, x in enumerate(c)}
    if len(sys.argv) > 2:
        srows = read_rows(sys.argv[2])
        m = 1 + max(max(int(r[0]), int(r[1])) for r in srows)
        small = ig.Graph(n=m, edges=[(int(r[0]), int(r[1])) for r in srows], directed=True)
        timings["betweennessExact"], bc = ms(lambda: small.betweenness(directed=True))
        scale = 1 / ((m - 1) * (m - 2))  # igraph gives raw counts; NetworkX's normalisation
        values["betweennessExact"] = {str(i): x * scale for i, x in enumerate(bc)}
    json.dump({"version": ig.__version__, "timings": timings, "values": values}, sys.stdout)


if __name__ == "__main__":
    main()
