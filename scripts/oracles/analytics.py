#!/usr/bin/env python3
"""Oracle for issue 3 (reciprocity, internal/external mix, brokerage).

Computes the expected values of @tiegraph/core's analytics with NetworkX on
the research datasets (Lazega advice and friendship by office, Krackhardt
advice and friendship by department, email-Eu-core by department) and on two
generated networks, and writes one JSON fixture per network to
packages/core/test/fixtures/analytics-<name>.json. The tests in
packages/core/test/{reciprocity,mix,brokerage}-*.test.ts compare against them.

The datasets are parsed here, independently of the TypeScript loaders. The
generated networks come from the TypeScript generator (the only thing taken
from TypeScript: the raw exchanges and affiliations); every derived quantity
(tie graphs, weights, strengths) is rebuilt here from those raw records.

What comes from NetworkX: overall_reciprocity, reciprocity, constraint,
effective_size (per-node path, see effective_size below), betweenness_centrality
(exact, unnormalised, undirected, sampled). NetworkX has no weighted reciprocity and no E-I index: those are
computed here from their definitions (Squartini et al. 2013; Krackhardt &
Stern 1988) as a second, independent implementation.

Usage (from the repository root): python3 scripts/oracles/analytics.py
Needs: networkx (3.6) with numpy and scipy, node with tsx installed in the workspace.
"""
import json
import math
import os
import random
import subprocess
import sys

import networkx as nx
import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATASETS = os.environ.get("TIEGRAPH_DATASETS") or next(
    p for p in [os.path.join(ROOT, "..", "shared", "datasets"), "/work/shared/datasets"] if os.path.isdir(os.path.join(p, "lazega_lawfirm"))
)
OUT = os.path.join(ROOT, "packages", "core", "test", "fixtures")

# tie-strength defaults of @tiegraph/core (graph/tie-strength.ts), for the weighted brokerage measures
HALF_LIFE, SATURATION, FLOOR = 180.0, 4.0, 0.01
GIVING = {"information", "favour", "introduction", "gesture"}


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f.read().splitlines() if l.strip()]


# ---------------------------------------------------------------- networks
# A network here is: ids (person order), groups (id -> list of (group, from, to)),
# exchanges: list of dicts {from, to, day, kind, value, minutes}.

def dataset_network(ids, arcs, attribute):
    """Dataset ties become one information exchange each, dated 2000-01-01 (day 10957), value 1."""
    groups = {i: [(attribute[i], -2**31, 2**31 - 1)] for i in ids if attribute.get(i) is not None}
    ex = [{"from": a, "to": b, "day": 10957, "kind": "information", "value": 1.0, "minutes": None} for a, b in arcs if a != b]
    return {"ids": ids, "groups": groups, "exchanges": ex}


def lazega(relation_file):
    offices = {1: "Boston", 2: "Hartford", 3: "Providence"}
    attr_rows = lines(os.path.join(DATASETS, "lazega_lawfirm", "ELattr.dat"))
    ids = [f"L{k + 1}" for k in range(len(attr_rows))]
    office = {ids[k]: offices[int(r.split()[3])] for k, r in enumerate(attr_rows)}
    rows = lines(os.path.join(DATASETS, "lazega_lawfirm", relation_file))
    arcs = [(ids[i], ids[j]) for i, r in enumerate(rows) for j, c in enumerate(r.split()) if c == "1"]
    return dataset_network(ids, arcs, office), "office"


def krackhardt(relation):
    attr_rows = lines(os.path.join(DATASETS, "krackhardt_hightech", "Krack-High-Tec-Attributes.csv"))[1:]
    ids = [f"K{r.split(',')[0].strip()}" for r in attr_rows]
    dept = {f"K{r.split(',')[0].strip()}": r.split(",")[4].strip() for r in attr_rows}
    arcs = []
    for r in lines(os.path.join(DATASETS, "krackhardt_hightech", f"Krack-High-Tec-edgelist-{relation}.txt")):
        a, b, v = r.split()
        if v == "1":
            arcs.append((f"K{a}", f"K{b}"))
    return dataset_network(ids, arcs, dept), "dept"


def email_eu_core():
    dept = {}
    for r in lines(os.path.join(DATASETS, "email_eu_core", "email-Eu-core-department-labels.txt")):
        n, d = r.split()
        dept[f"E{n}"] = d
    arcs = []
    top = -1
    for r in lines(os.path.join(DATASETS, "email_eu_core", "email-Eu-core.txt")):
        a, b = (int(x) for x in r.split())
        top = max(top, a, b)
        arcs.append((f"E{a}", f"E{b}"))
    ids = [f"E{k}" for k in range(max(top + 1, len(dept)))]
    return dataset_network(ids, arcs, dept), "department"


EXPORT_JS = r"""
import { generateNetwork, EXCHANGE_KINDS } from "@tiegraph/core";
const net = generateNetwork(JSON.parse(process.argv[1]));
const c = net.exchangeColumns();
const people = net.people().map((p) => p.id);
const groups = {};
people.forEach((id, i) => { groups[id] = net.affiliationSpans(i).map((s) => [net.organisationAt(s.organisation).id, s.from, s.to]); });
const exchanges = [];
for (let e = 0; e < c.count; e++) {
  const m = c.minutes[e];
  exchanges.push({ from: people[c.from[e]], to: people[c.to[e]], day: c.day[e], kind: EXCHANGE_KINDS[c.kind[e]], value: c.value[e], minutes: Number.isNaN(m) ? null : m });
}
process.stdout.write(JSON.stringify({ ids: people, groups, exchanges }));
"""


def generated(options):
    out = subprocess.run(
        ["node", "--conditions=source", "--import", "tsx", "--input-type=module", "-e", EXPORT_JS, json.dumps(options)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    data = json.loads(out)
    data["groups"] = {k: [tuple(s) for s in v] for k, v in data["groups"].items() if v}
    return data, "organisation"


# ---------------------------------------------------------------- graphs

def giving_graph(net):
    """i -> j when at least one giving exchange went that way; weight = summed recorded value."""
    g = nx.DiGraph()
    g.add_nodes_from(net["ids"])
    for e in net["exchanges"]:
        if e["kind"] in GIVING:
            w = g.get_edge_data(e["from"], e["to"], {"value": 0.0})["value"]
            g.add_edge(e["from"], e["to"], value=w + e["value"])
    return g


def tie_graph(net):
    """i -> j when any exchange went that way; weight = directed strength max(floor, 1 - exp(-S/kappa)),
    S = sum of value * 2^(-age/h), age in days before the last exchange day."""
    as_of = max(e["day"] for e in net["exchanges"])
    sums = {}
    for e in net["exchanges"]:
        k = (e["from"], e["to"])
        sums[k] = sums.get(k, 0.0) + e["value"] * math.exp(-math.log(2) / HALF_LIFE * (as_of - e["day"]))
    g = nx.DiGraph()
    g.add_nodes_from(net["ids"])
    for (a, b), s in sums.items():
        g.add_edge(a, b, weight=max(FLOOR, 1 - math.exp(-s / SATURATION)))
    return g


def effective_size(g, weight=None):
    """Burt's effective size, as NetworkX documents it and computes it node by node (nodes=...).

    NetworkX 3.6's all-nodes fast path divides m_jq by q's largest mutual weight instead of j's
    (networkx/networkx PR #8906, "Fix row-max normalization in vectorized effective_size"), and its
    node-by-node path is too slow for email-Eu-core (O(deg^3) Python per node). So this is NetworkX's
    fast path with that PR's one-line fix ([:, np.newaxis]), checked against NetworkX's node-by-node
    path on every person of degree <= 60 (the check raises on any difference above 1e-12).
    """
    P = nx.adjacency_matrix(g, weight=weight).astype(float)
    mw1 = P + P.T
    mw2 = mw1.copy()
    with np.errstate(divide="ignore"):
        mw1 /= mw1.sum(axis=1)[:, np.newaxis]
        mw2 /= mw2.max(axis=1).toarray()[:, np.newaxis]
    r = 1 - (mw1 @ mw2.T).toarray()
    es = ((mw1 > 0) * r).sum(axis=1)
    isolated = (mw1.sum(axis=1) - mw1.diagonal()) == 0
    es[isolated] = float("nan")
    result = dict(zip(g, es.tolist()))
    # the check: NetworkX's node-by-node path; it gives nan to people who only receive ties (it looks
    # at successors only), and effective size depends on mutual weights alone, so those are checked
    # on the reversed graph, where they are senders
    small = [v for v in g if 0 < g.degree(v) <= 60]
    ref = nx.effective_size(g, nodes=[v for v in small if g.out_degree(v) > 0], weight=weight)
    ref.update(nx.effective_size(g.reverse(copy=True), nodes=[v for v in small if g.out_degree(v) == 0], weight=weight))
    worst = max((abs(result[v] - ref[v]) for v in small), default=0.0)
    if worst > 1e-12:
        raise SystemExit(f"fixed fast path differs from NetworkX's node-by-node effective_size by {worst}")
    return result


def clean(d):
    """NetworkX's None / nan (undefined) become null; numpy scalars become floats."""
    out = {}
    for k, v in d.items():
        out[k] = None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
    return out


# ---------------------------------------------------------------- measures without NetworkX

def weighted_reciprocity(g):
    """Squartini et al. 2013: W<-> = sum min(w_ij, w_ji), W = sum w_ij; per node s<->, s->, s<-."""
    total = recip = 0.0
    by = {}
    for v in g.nodes:
        s_out = sum(d["value"] for _, _, d in g.out_edges(v, data=True))
        s_in = sum(d["value"] for _, _, d in g.in_edges(v, data=True))
        s_mut = sum(min(d["value"], g[u][v]["value"]) for _, u, d in g.out_edges(v, data=True) if g.has_edge(u, v))
        total += s_out
        recip += s_mut
        by[v] = {"reciprocated": s_mut, "outOnly": s_out - s_mut, "inOnly": s_in - s_mut,
                 "r": (2 * s_mut / (s_out + s_in)) if s_out + s_in > 0 else None}
    return {"r": recip / total if total > 0 else None, "reciprocated": recip, "total": total, "byPerson": by}


def groups_on(net, person, day):
    return {g for g, a, b in net["groups"].get(person, []) if a <= day <= b}


def ei_indices(net):
    """Krackhardt & Stern's E-I by tie count (ordered pairs, judged on the pair's last exchange day),
    by value and by minutes (each exchange judged on its own day)."""
    names = sorted({g for spans in net["groups"].values() for g, _, _ in spans})
    units = ("count", "value", "minutes")
    tot = {u: [0.0, 0.0] for u in units}
    grp = {u: {g: [0.0, 0.0] for g in names} for u in units}
    per = {u: {i: [0.0, 0.0] for i in net["ids"]} for u in units}
    last = {}
    for e in net["exchanges"]:
        k = (e["from"], e["to"])
        last[k] = max(last.get(k, e["day"]), e["day"])

    def add(u, a, b, day, w):
        ga, gb = groups_on(net, a, day), groups_on(net, b, day)
        x = 0 if ga & gb else 1  # 0 internal, 1 external
        tot[u][x] += w
        per[u][a][x] += w
        per[u][b][x] += w
        for g in ga | gb:
            grp[u][g][0 if (g in ga and g in gb) else 1] += w

    for (a, b), day in last.items():
        add("count", a, b, day, 1.0)
    for e in net["exchanges"]:
        add("value", e["from"], e["to"], e["day"], e["value"])
        if e["minutes"] is not None:
            add("minutes", e["from"], e["to"], e["day"], e["minutes"])

    def ei(i, x):
        return (x - i) / (x + i) if x + i > 0 else None

    return {u: {"network": ei(*tot[u]), "internal": tot[u][0], "external": tot[u][1],
                "byGroup": {g: ei(*v) for g, v in grp[u].items()},
                "byPerson": {i: ei(*v) for i, v in per[u].items()}} for u in units}


# ---------------------------------------------------------------- one fixture

def fixture(name, net, group_by, describe, sample_k, sample_seed):
    give = giving_graph(net)
    ties = tie_graph(net)
    sources = random.Random(sample_seed).sample(list(ties.nodes()), sample_k)
    fx = {
        "generatedBy": "scripts/oracles/analytics.py",
        "networkx": nx.__version__,
        "network": describe,
        "groupBy": group_by,
        "people": len(net["ids"]),
        "givingTies": give.number_of_edges(),
        "ties": ties.number_of_edges(),
        "reciprocity": {
            "overall": nx.overall_reciprocity(give) if give.number_of_edges() else None,
            "byPerson": clean(dict(nx.reciprocity(give, give.nodes))),
            "weighted": weighted_reciprocity(give),
        },
        "constraint": {"unweighted": clean(nx.constraint(ties)), "weighted": clean(nx.constraint(ties, weight="weight"))},
        "effectiveSize": {"unweighted": clean(effective_size(ties)), "weighted": clean(effective_size(ties, weight="weight"))},
        "betweenness": {
            "directed": clean(nx.betweenness_centrality(ties)),
            "directedRaw": clean(nx.betweenness_centrality(ties, normalized=False)),
            "undirected": clean(nx.betweenness_centrality(ties.to_undirected())),
            "sampled": {"k": sample_k, "seed": sample_seed, "sources": sources,
                        "values": clean(nx.betweenness_centrality(ties, k=sample_k, seed=sample_seed))},
        },
        "ei": ei_indices(net),
    }
    path = os.path.join(OUT, f"analytics-{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fx, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(net['ids'])} people, {give.number_of_edges()} giving ties, {ties.number_of_edges()} ties", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    jobs = [
        ("lazega-advice", lambda: lazega("ELadv.dat"), {"dataset": "lazega", "relation": "ELadv.dat"}, 20),
        ("lazega-friendship", lambda: lazega("ELfriend.dat"), {"dataset": "lazega", "relation": "ELfriend.dat"}, 20),
        ("krackhardt-advice", lambda: krackhardt("Advice"), {"dataset": "krackhardt", "relation": "Advice"}, 8),
        ("krackhardt-friendship", lambda: krackhardt("Friendship"), {"dataset": "krackhardt", "relation": "Friendship"}, 8),
        ("email-eu-core", email_eu_core, {"dataset": "email-eu-core"}, 100),
    ]
    gen_small = {"seed": 11, "people": 300, "exchanges": 6000}
    gen_mid = {"seed": 12, "people": 1000, "exchanges": 10000, "ego": False}
    jobs += [
        ("generated-small", lambda: generated(gen_small), {"generate": gen_small}, 40),
        ("generated-mid", lambda: generated(gen_mid), {"generate": gen_mid}, 100),
    ]
    only = sys.argv[1:]
    for name, load, describe, k in jobs:
        if only and name not in only:
            continue
        net, group_by = load()
        fixture(name, net, group_by, describe, k, 42)


if __name__ == "__main__":
    main()
