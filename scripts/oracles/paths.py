#!/usr/bin/env python3
"""Oracle for introduction paths (packages/core/src/paths).

Computes, with NetworkX, the expected answers that packages/core/test/paths-oracle.test.ts
checks, and writes them to packages/core/test/fixtures/paths-datasets.json and
packages/core/test/fixtures/paths-generated.json.

- Research datasets (../shared/datasets): every tie gets a fixed strength from its pair of
  ids, s = (fnv1a32(min(a, b) + "|" + max(a, b)) mod 1000 + 1) / 1001, which the test
  recomputes and passes to createPathIndex. The fixture also holds the sum of all
  strengths, so the test can check both sides weighed the same graph.
- Generated network: the test's network (generateNetwork seed 11, 300 people, 6000
  exchanges) is dumped through node with its real strengths, so the oracle and the test
  walk identical numbers.

Definitions (the same as the library's):
- reliable: maximise the product of strengths = nx.dijkstra / bidirectional_dijkstra on
  weight -ln(s); top-k = the first k of nx.shortest_simple_paths.
- widest: maximise the weakest strength; unlimited = the weakest edge on the path in
  nx.maximum_spanning_tree (the max-min path lies in any maximum spanning tree).
- hop limit H: dynamic programming over walks of at most H edges (exact for paths, since
  with costs >= 0 removing a cycle never hurts), and top-k by enumerating
  nx.all_simple_paths(cutoff=H) sorted by score.
- paths to an organisation or tag end at the first member: they run on a directed copy
  where members have no way onward except a zero-cost arc to a sink.

Usage: python3 scripts/oracles/paths.py   (from anywhere; needs node and the workspace's tsx)
"""
import json
import math
import os
import random
import subprocess
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
FIXTURES = os.path.join(ROOT, "packages", "core", "test", "fixtures")


def datasets_dir():
    for p in [os.environ.get("TIEGRAPH_DATASETS"), os.path.join(ROOT, "..", "shared", "datasets"), "/work/shared/datasets"]:
        if p and os.path.isdir(os.path.join(p, "lazega_lawfirm")):
            return p
    sys.exit("datasets not found: set TIEGRAPH_DATASETS")


def fnv1a32(text):
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def fixed_strength(a, b):
    x, y = (a, b) if a < b else (b, a)
    return (fnv1a32(x + "|" + y) % 1000 + 1) / 1001


# ----------------------------------------------------------------- loaders (ids as the library's loaders give them)

def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f.read().splitlines() if l.strip()]


def load_lazega(d):
    n = len(read_lines(os.path.join(d, "lazega_lawfirm", "ELattr.dat")))
    ids = [f"L{i + 1}" for i in range(n)]
    edges = set()
    for i, row in enumerate(read_lines(os.path.join(d, "lazega_lawfirm", "ELadv.dat"))):
        for j, c in enumerate(row.split()):
            if c == "1" and i != j:
                edges.add(tuple(sorted((ids[i], ids[j]))))
    return ids, edges


def load_krackhardt(d):
    n = len(read_lines(os.path.join(d, "krackhardt_hightech", "Krack-High-Tec-Attributes.csv"))) - 1
    ids = [f"K{i + 1}" for i in range(n)]
    edges = set()
    for row in read_lines(os.path.join(d, "krackhardt_hightech", "Krack-High-Tec-edgelist-Advice.txt")):
        a, b, v = (int(x) for x in row.split())
        if v == 1 and a != b:
            edges.add(tuple(sorted((ids[a - 1], ids[b - 1]))))
    return ids, edges


def load_email(d):
    edges = set()
    top = -1
    for row in read_lines(os.path.join(d, "email_eu_core", "email-Eu-core.txt")):
        a, b = (int(x) for x in row.split())
        top = max(top, a, b)
        if a != b:
            edges.add(tuple(sorted((f"E{a}", f"E{b}"))))
    labels = len(read_lines(os.path.join(d, "email_eu_core", "email-Eu-core-department-labels.txt")))
    return [f"E{i}" for i in range(max(top + 1, labels))], edges


def load_padgett(d):
    with open(os.path.join(d, "padgett_florentine", "Padgett.paj"), encoding="utf-8") as f:
        rows = f.read().splitlines()
    ids, edges, section = [], set(), None
    for r in rows:
        t = r.strip()
        if t.startswith("*"):
            section = t
            continue
        if not t:
            continue
        if section and section.startswith("*Vertices") and len(ids) < 16 and '"' in t:
            ids.append(t.split('"')[1])
        elif section and section.startswith("*Arcs") and '"Marital"' in section:
            a, b = (int(x) for x in t.split()[:2])
            if a != b:
                edges.add(tuple(sorted((ids[a - 1], ids[b - 1]))))
    return ids, edges


# ----------------------------------------------------------------- reference computations

def undirected(ids, weighted_edges):
    g = nx.Graph()
    g.add_nodes_from(ids)
    for a, b, s in weighted_edges:
        g.add_edge(a, b, s=s, w=-math.log(s))
    return g


SINK = "__sink__"


def terminal_digraph(g, source, members):
    """Directed copy in which members only lead to a zero-cost sink: paths end at the first member."""
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes)
    for a, b, data in g.edges(data=True):
        for u, v in ((a, b), (b, a)):
            if u not in members and v != source:
                d.add_edge(u, v, s=data["s"], w=data["w"])
    for m in members:
        d.add_edge(m, SINK, s=1.0, w=0.0)
    return d


def strengths_along(g, path):
    return [g[u][v]["s"] for u, v in zip(path, path[1:]) if v != SINK]


def product(xs):
    p = 1.0
    for x in xs:
        p *= x
    return p


def score_pair(g, path):
    s = strengths_along(g, path)
    return {"product": product(s), "bottleneck": min(s), "hops": len(s)}


def best_reliable(g, source, target):
    try:
        _, path = nx.bidirectional_dijkstra(g, source, target, weight="w")
    except nx.NetworkXNoPath:
        return None
    return score_pair(g, path)


def best_widest_unlimited(g, source, target):
    t = nx.maximum_spanning_tree(g, weight="s")
    if not nx.has_path(t, source, target):
        return None
    return min(strengths_along(g, nx.shortest_path(t, source, target)))


def hop_limited(g, source, target, hops, widest):
    """Best key over walks of at most `hops` edges: reliable min sum of w, widest max of min s."""
    best = {source: math.inf if widest else 0.0}
    for _ in range(hops):
        nxt = dict(best)
        for u, val in best.items():
            if u == target or u == SINK:
                continue
            for v in g[u]:
                data = g[u][v]
                cand = min(val, data["s"]) if widest else val + data["w"]
                cur = nxt.get(v)
                if cur is None or (cand > cur if widest else cand < cur):
                    nxt[v] = cand
        best = nxt
    val = best.get(target)
    if val is None:
        return None
    return val if widest else math.exp(-val)


def top_k_unlimited(g, source, target, k):
    out = []
    try:
        for path in nx.shortest_simple_paths(g, source, target, weight="w"):
            out.append(product(strengths_along(g, path)))
            if len(out) == k:
                break
    except nx.NetworkXNoPath:
        pass
    return out


def top_k_enumerated(g, source, target, k, cutoff, widest):
    scored = []
    for path in nx.all_simple_paths(g, source, target, cutoff=cutoff):
        s = strengths_along(g, path)
        scored.append((-min(s), -product(s)) if widest else (-product(s),))
    scored.sort()
    return [[-x for x in key] for key in scored[:k]]


# ----------------------------------------------------------------- datasets

def dataset_fixture(name, ids, edges, rnd, pairs, hop_cases, enumerate_cutoff, widest_unlimited_topk):
    weighted = [(a, b, fixed_strength(a, b)) for a, b in sorted(edges)]
    g = undirected(ids, weighted)
    queries = []
    while len(queries) < pairs:
        s, t = rnd.choice(ids), rnd.choice(ids)
        if s == t:
            continue
        q = {"from": s, "to": t}
        q["reliable"] = best_reliable(g, s, t)
        q["widest"] = best_widest_unlimited(g, s, t)
        q["top5Reliable"] = top_k_unlimited(g, s, t, 5)
        for h in hop_cases:
            q[f"reliableH{h}"] = hop_limited(g, s, t, h, False)
            q[f"widestH{h}"] = hop_limited(g, s, t, h, True)
        if enumerate_cutoff:
            h = enumerate_cutoff
            q[f"top5ReliableH{h}"] = [x[0] for x in top_k_enumerated(g, s, t, 5, h, False)]
            q[f"top5WidestH{h}"] = top_k_enumerated(g, s, t, 5, h, True)
        if widest_unlimited_topk:
            q["top5Widest"] = top_k_enumerated(g, s, t, 5, None, True)
        queries.append(q)
    mutual = []
    for _ in range(10):
        a, b = rnd.sample(ids, 2)
        common = sorted(nx.common_neighbors(g, a, b))
        weaker = sorted((min(g[a][m]["s"], g[m][b]["s"]) for m in common), reverse=True)
        mutual.append({"a": a, "b": b, "people": common, "weaker": weaker})
    return {
        "name": name,
        "people": len(ids),
        "relationships": g.number_of_edges(),
        "strengthSum": math.fsum(s for _, _, s in weighted),
        "hopCases": hop_cases,
        "enumerateCutoff": enumerate_cutoff,
        "queries": queries,
        "mutual": mutual,
    }


# ----------------------------------------------------------------- generated network

DUMP_JS = r"""
const core = await import(process.argv[1]);
const net = core.generateNetwork({ seed: 11, people: 300, exchanges: 6000 });
const r = core.relationships(net);
const ids = net.people().map((p) => p.id);
const edges = [];
for (let k = 0; k < r.pairCount; k++) edges.push([ids[r.a[k]], ids[r.b[k]], r.strength[k], r.confidentialOnly[k]]);
const orgs = {};
net.organisations().forEach((o, i) => { orgs[o.id] = []; });
ids.forEach((id, p) => { for (const o of net.organisationIndicesOn(p, r.asOf)) orgs[net.organisationAt(o).id].push(id); });
const orgTags = new Map(net.organisations().map((o, i) => [i, o.tags ?? []]));
const tags = {};
net.people().forEach((p, i) => {
  const mine = new Set(p.tags ?? []);
  for (const o of net.organisationIndicesOn(i, r.asOf)) for (const t of orgTags.get(o)) mine.add(t);
  for (const t of mine) (tags[t] ??= []).push(p.id);
});
process.stdout.write(JSON.stringify({ ego: net.ego, ids, edges, orgs, tags }));
"""


def dump_generated():
    entry = "file://" + os.path.join(ROOT, "packages", "core", "src", "index.ts")
    out = subprocess.run(["node", "--import", "tsx", "--input-type=module", "-e", DUMP_JS, entry], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def generated_fixture(rnd):
    dump = dump_generated()
    ids = dump["ids"]
    all_edges = [(a, b, s) for a, b, s, _ in dump["edges"]]
    open_edges = [(a, b, s) for a, b, s, conf in dump["edges"] if not conf]
    g_all = undirected(ids, all_edges)
    g_open = undirected(ids, open_edges)
    ego = dump["ego"]
    people_q = []
    for i in range(24):
        s = ego if i % 2 == 0 else rnd.choice(ids)
        t = rnd.choice(ids)
        if s == t:
            continue
        people_q.append({
            "from": s,
            "to": t,
            # defaults: hop limit 4, confidential-only ties skipped
            "reliableH4": hop_limited(g_open, s, t, 4, False),
            "widestH4": hop_limited(g_open, s, t, 4, True),
            "top3ReliableH3": [x[0] for x in top_k_enumerated(g_open, s, t, 3, 3, False)],
            "top3WidestH3": top_k_enumerated(g_open, s, t, 3, 3, True),
            # every tie, no hop limit
            "reliableAll": best_reliable(g_all, s, t),
            "widestAll": best_widest_unlimited(g_all, s, t),
            "top5ReliableAll": top_k_unlimited(g_all, s, t, 5),
        })
    group_q = []
    orgs = sorted(o for o, m in dump["orgs"].items() if m)
    tags = sorted(dump["tags"])
    picks = [("organisation", o, dump["orgs"][o]) for o in rnd.sample(orgs, min(6, len(orgs)))]
    picks += [("tag", t, dump["tags"][t]) for t in rnd.sample(tags, min(4, len(tags)))]
    for kind, key, members in picks:
        for s in (ego, rnd.choice(ids)):
            ms = set(members) - {s}
            if not ms:
                continue
            d = terminal_digraph(g_open, s, ms)
            entry = {"from": s, "kind": kind, "key": key}
            entry["reliableH4"] = hop_limited(d, s, SINK, 5, False)
            entry["widestH4"] = hop_limited(d, s, SINK, 5, True)
            tops = []
            for path in nx.shortest_simple_paths(d, s, SINK, weight="w"):
                if len(path) - 2 <= 4:
                    tops.append(product(strengths_along(d, path)))
                if len(tops) == 3:
                    break
            entry["top3ReliableH4"] = tops
            group_q.append(entry)
    return {
        "seed": 11,
        "people": 300,
        "exchanges": 6000,
        "relationships": len(all_edges),
        "confidentialOnly": len(all_edges) - len(open_edges),
        "strengthSum": math.fsum(s for _, _, s in all_edges),
        "people_queries": people_q,
        "group_queries": group_q,
    }


def main():
    d = datasets_dir()
    rnd = random.Random(2026)
    fixtures = {
        "strength": "(fnv1a32(min(a,b) + '|' + max(a,b)) mod 1000 + 1) / 1001",
        "datasets": [
            dataset_fixture("padgett-marital", *load_padgett(d), rnd, 20, [2, 3], 3, True),
            dataset_fixture("krackhardt-advice", *load_krackhardt(d), rnd, 20, [2, 3], 3, False),
            dataset_fixture("lazega-advice", *load_lazega(d), rnd, 20, [2, 3], 3, False),
            dataset_fixture("email-eu-core", *load_email(d), rnd, 25, [2, 3], 0, False),
        ],
    }
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, "paths-datasets.json"), "w") as f:
        json.dump(fixtures, f, indent=1)
    with open(os.path.join(FIXTURES, "paths-generated.json"), "w") as f:
        json.dump(generated_fixture(random.Random(11)), f, indent=1)
    print("wrote", os.path.join(FIXTURES, "paths-datasets.json"), "and paths-generated.json")


if __name__ == "__main__":
    main()
