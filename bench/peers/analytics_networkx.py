#!/usr/bin/env python3
"""NetworkX peer of bench/analytics.bench.ts: the same measures on the same graph, timed.

Usage: python3 analytics_networkx.py TIES EXCHANGES SPANS K ES_SAMPLE [EXACT_TIES]
  TIES       "source target givingCount givenValue strength" per ordered pair (person indices)
  EXCHANGES  "from to day value minutes" per exchange (minutes -1 when none)
  SPANS      "person organisation fromDay toDay" per affiliation
  K          sources sampled for betweenness
  ES_SAMPLE  people whose effective size is timed (NetworkX's all-nodes path needs a dense
             n x n matrix, 75 GiB here, so its node-by-node path runs on a seeded sample)
  EXACT_TIES optional smaller tie file for exact betweenness
Prints one JSON object: wall-clock milliseconds per step and a few results for the agreement
check. A step that fails is reported in "errors" instead of stopping the others.
"""
import json
import math
import sys
import time

import networkx as nx


import random

ERRORS = {}


def ms(fn, name=None):
    """Wall-clock milliseconds of one run and its result; (None, None) with the error kept when it fails."""
    t0 = time.perf_counter()
    try:
        out = fn()
    except Exception as e:  # a peer's failure is a finding, not a reason to lose the other timings
        ERRORS[name or fn.__name__] = f"{type(e).__name__}: {e}"[:200]
        return None, None
    return (time.perf_counter() - t0) * 1000, out


def read_rows(path):
    with open(path) as f:
        return [l.split() for l in f if l.strip()]


def main():
    ties_path, ex_path, spans_path, k, es_sample = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    exact_path = sys.argv[6] if len(sys.argv) > 6 else None
    rows = read_rows(ties_path)
    n_people = 1 + max(max(int(r[0]), int(r[1])) for r in rows)
    timings, values = {}, {}

    def build():
        tie = nx.DiGraph()
        tie.add_nodes_from(range(n_people))
        give = nx.DiGraph()
        give.add_nodes_from(range(n_people))
        for s, t, gc, gv, st in rows:
            tie.add_edge(int(s), int(t), weight=float(st))
            if int(gc) > 0:
                give.add_edge(int(s), int(t), value=float(gv))
        return tie, give

    timings["build"], (tie, give) = ms(build)  # nothing runs without the graphs: let a failure here stop the peer

    def reciprocity():
        overall = nx.overall_reciprocity(give)
        per = nx.reciprocity(give, give.nodes)
        # NetworkX has no weighted reciprocity: Squartini et al.'s W<->/W over the same graph
        total = mutual = 0.0
        for u, v, d in give.edges(data=True):
            total += d["value"]
            if give.has_edge(v, u):
                mutual += min(d["value"], give[v][u]["value"])
        return overall, per, mutual / total

    timings["reciprocity"], rec = ms(reciprocity)
    if rec:
        values["overall"], _, values["weighted"] = rec

    ex = read_rows(ex_path)
    spans = {}
    for p, o, a, b in read_rows(spans_path):
        spans.setdefault(int(p), []).append((int(o), int(a), int(b)))

    def ei():
        # NetworkX has no E-I index: plain Python over the same exchanges, same rules
        def groups(p, day):
            return {o for o, a, b in spans.get(p, ()) if a <= day <= b}

        last = {}
        tot = {"count": [0, 0], "value": [0.0, 0.0], "minutes": [0.0, 0.0]}
        for f, t, day, value, minutes in ex:
            f, t, day = int(f), int(t), int(day)
            x = 0 if groups(f, day) & groups(t, day) else 1
            tot["value"][x] += float(value)
            if float(minutes) >= 0:
                tot["minutes"][x] += float(minutes)
            if last.get((f, t), -1) < day:
                last[(f, t)] = day
        for (f, t), day in last.items():
            tot["count"][0 if groups(f, day) & groups(t, day) else 1] += 1
        return {u: (e - i) / (e + i) for u, (i, e) in tot.items()}

    timings["ei"], ei_values = ms(ei)
    if ei_values:
        values["eiCount"] = ei_values["count"]

    def nulls(d):
        return {str(i): (None if x is None or math.isnan(x) else x) for i, x in d.items()}

    timings["constraint"], c = ms(lambda: nx.constraint(tie), "constraint")
    timings["constraintWeighted"], _ = ms(lambda: nx.constraint(tie, weight="weight"), "constraintWeighted")
    if c:
        values["constraint"] = nulls(c)
    # effective size: the node-by-node path on a seeded sample (people who only receive ties get nan
    # there, since it looks at successors only, so the sample is drawn among people who give)
    givers = [v for v in tie if tie.out_degree(v) > 0]
    sample = random.Random(7).sample(givers, min(es_sample, len(givers)))
    values["esSampleSize"] = len(sample)
    timings["effectiveSizeSample"], es = ms(lambda: nx.effective_size(tie, nodes=sample), "effectiveSize")
    timings["effectiveSizeWeightedSample"], _ = ms(lambda: nx.effective_size(tie, nodes=sample, weight="weight"), "effectiveSizeWeighted")
    if es:
        values["effectiveSize"] = nulls(es)
    timings["betweennessSampled"], _ = ms(lambda: nx.betweenness_centrality(tie, k=k, seed=42), "betweennessSampled")
    if exact_path:
        small = nx.DiGraph()
        srows = read_rows(exact_path)
        small.add_nodes_from(range(1 + max(max(int(r[0]), int(r[1])) for r in srows)))
        small.add_edges_from((int(r[0]), int(r[1])) for r in srows)
        timings["betweennessExact"], bc = ms(lambda: nx.betweenness_centrality(small), "betweennessExact")
        if bc:
            values["betweennessExact"] = {str(i): x for i, x in bc.items()}
    json.dump({"version": nx.__version__, "timings": timings, "values": values, "errors": ERRORS}, sys.stdout)


if __name__ == "__main__":
    main()
