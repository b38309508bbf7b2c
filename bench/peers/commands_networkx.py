"""NetworkX doing the job of one tiegraph command, as a whole process: read the
same file, build the DiGraph (one edge per ordered pair with any exchange that is
not confidential), compute what the command prints, write what it writes.
Usage: python3 commands_networkx.py JOB FILE [ARG ...]
JOB: intro FROM TO | plan EGO | report | export-gexf OUT | export-graphml OUT |
     export-json OUT | export-csv OUT | import EXCHANGES_CSV PEOPLE_CSV OUT |
     generate PEOPLE EXCHANGES OUT
"""
import csv, json, random, sys
import networkx as nx

job, args = sys.argv[1], sys.argv[2:]


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.DiGraph()
    org = {}
    for a in doc.get("affiliations", []):
        org[a["person"]] = a["organisation"]
    for p in doc["people"]:
        g.add_node(p["id"], label=p["name"], organisation=org.get(p["id"], ""))
    for e in doc["exchanges"]:
        if e.get("confidential"):
            continue
        u, v = e["from"], e["to"]
        d = g.get_edge_data(u, v)
        if d is None:
            g.add_edge(u, v, count=1, value=e.get("value", 1.0), firstDate=e["date"], lastDate=e["date"])
        else:
            d["count"] += 1
            d["value"] += e.get("value", 1.0)
            d["firstDate"] = min(d["firstDate"], e["date"])
            d["lastDate"] = max(d["lastDate"], e["date"])
    return doc, g


if job == "intro":
    doc, g = load(args[0])
    try:
        path = nx.shortest_path(g.to_undirected(as_view=True), args[1], args[2])
    except nx.NetworkXNoPath:
        path = []
    print(len(path))
elif job == "plan":
    doc, g = load(args[0])
    ego = args[1]
    last = {}
    for v in list(g.successors(ego)) + list(g.predecessors(ego)):
        d1, d2 = g.get_edge_data(ego, v), g.get_edge_data(v, ego)
        last[v] = max(x["lastDate"] for x in (d1, d2) if x)
    print(len(sorted(last.items(), key=lambda kv: kv[1])[:10]))
elif job == "report":
    doc, g = load(args[0])
    r = nx.overall_reciprocity(g)
    internal = external = 0
    orgs = nx.get_node_attributes(g, "organisation")
    for u, v in g.edges():
        if orgs[u] and orgs[u] == orgs[v]:
            internal += 1
        else:
            external += 1
    print(json.dumps({"reciprocity": r, "ei": (external - internal) / max(1, external + internal)}))
elif job == "export-gexf":
    doc, g = load(args[0])
    nx.write_gexf(g, args[1])
elif job == "export-graphml":
    doc, g = load(args[0])
    nx.write_graphml(g, args[1])
elif job == "export-json":
    doc, g = load(args[0])
    with open(args[1], "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(g, edges="edges"), f)
elif job == "export-csv":
    doc, g = load(args[0])
    with open(args[1], "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "count", "value", "firstDate", "lastDate"])
        for u, v, d in g.edges(data=True):
            w.writerow([u, v, d["count"], d["value"], d["firstDate"], d["lastDate"]])
elif job == "import":
    g = nx.MultiDiGraph()
    with open(args[1], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row["id"], name=row["name"])
    exchanges = []
    with open(args[0], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["from"], row["to"], kind=row["kind"], date=row["date"])
            exchange = {"date": row["date"], "kind": row["kind"], "from": row["from"], "to": row["to"]}
            if row.get("note"):
                exchange["note"] = row["note"]
            exchanges.append(exchange)
    with open(args[2], "w", encoding="utf-8") as f:
        json.dump({"format": "tiegraph", "version": 1, "people": [{"id": n, "name": d.get("name", n)} for n, d in g.nodes(data=True)], "exchanges": exchanges}, f, indent=2)
elif job == "generate":
    n, m, out = int(args[0]), int(args[1]), args[2]
    rnd = random.Random(1)
    g = nx.DiGraph()
    people = [{"id": f"p{i}", "name": f"Person {i}"} for i in range(1, n + 1)]
    g.add_nodes_from(p["id"] for p in people)
    kinds = ["meeting", "information", "favour", "gesture", "introduction", "connection"]
    exchanges = []
    for _ in range(m):
        u, v = rnd.randrange(1, n + 1), rnd.randrange(1, n + 1)
        if u == v:
            continue
        e = {"date": f"2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}", "kind": rnd.choice(kinds), "from": f"p{u}", "to": f"p{v}"}
        g.add_edge(e["from"], e["to"])
        exchanges.append(e)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"format": "tiegraph", "version": 1, "people": people, "exchanges": exchanges}, f, indent=2)
else:
    sys.exit(f"unknown job {job}")
