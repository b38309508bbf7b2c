"""NetworkX doing the job of one tiegraph command, as a whole process: read the
same file, build the DiGraph (one edge per ordered pair with any exchange that is
not confidential), compute what the command prints, write what it writes.
Usage: python3 commands_networkx.py JOB FILE [ARG ...]
JOB: intro FROM TO | plan EGO | report | export-gexf OUT | export-graphml OUT |
     export-json OUT | export-csv OUT | import EXCHANGES_CSV PEOPLE_CSV OUT |
     import-light EXCHANGES_CSV PEOPLE_CSV OUT | generate PEOPLE EXCHANGES OUT |
     generate-light PEOPLE EXCHANGES OUT
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
elif job in ("import", "import-light"):
    # "import" keeps what tiegraph's import keeps of both CSVs (every column: the people's addresses, tags,
    # interests and cadence, their organisations and roles as organisations and affiliations, the exchanges'
    # ids, values, minutes, formats, introductions, tags, notes and confidential flags): a file of the same
    # content. "import-light" is the earlier script, kept for comparison: the people's ids and names and four
    # fields of each exchange (and its note), about two thirds of the file
    full = job == "import"

    def items(text):
        return [x for x in text.split(";") if x] if text else []

    g = nx.MultiDiGraph()
    people, organisations, affiliations = [], {}, []
    with open(args[1], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row["id"], name=row["name"])
            person = {"id": row["id"], "name": row["name"]}
            if full:
                if row.get("email"):
                    person["emails"] = [row["email"]]
                if row.get("url"):
                    person["urls"] = [row["url"]]
                for key in ("tags", "interests"):
                    if items(row.get(key)):
                        person[key] = items(row[key])
                if row.get("cadenceDays"):
                    person["cadenceDays"] = float(row["cadenceDays"])
                if row.get("organisation"):
                    org = organisations.setdefault(row["organisation"], {"id": f"o{len(organisations) + 1}", "name": row["organisation"]})
                    affiliation = {"person": row["id"], "organisation": org["id"]}
                    if row.get("role"):
                        affiliation["role"] = row["role"]
                    affiliations.append(affiliation)
            people.append(person)
    exchanges = []
    with open(args[0], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["from"], row["to"], kind=row["kind"], date=row["date"])
            exchange = {"date": row["date"], "kind": row["kind"], "from": row["from"], "to": row["to"]}
            if full:
                if row.get("id"):
                    exchange["id"] = row["id"]
                for key in ("value", "minutes"):
                    if row.get(key):
                        exchange[key] = float(row[key])
                for key in ("format", "introduced"):
                    if row.get(key):
                        exchange[key] = row[key]
                if items(row.get("tags")):
                    exchange["tags"] = items(row["tags"])
            if row.get("note"):
                exchange["note"] = row["note"]
            if full and (row.get("confidential") or "").lower() in ("true", "yes", "y", "1"):
                exchange["confidential"] = True
            exchanges.append(exchange)
    doc = {"format": "tiegraph", "version": 2, "organisations": list(organisations.values()), "people": people, "affiliations": affiliations, "exchanges": exchanges} if full else {"format": "tiegraph", "version": 1, "people": people, "exchanges": exchanges}
    with open(args[2], "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
elif job == "generate":
    # a network of the same fields as tiegraph's generate writes, drawn more simply (uniform pairs; no
    # relationship profiles): organisations; people with an address and some tags, interests and private
    # notes; one to three jobs each as affiliations with dates and roles; exchanges of the same mix of kinds,
    # meetings with a format and minutes, gestures with a format, information with a topic, introductions
    # with the person introduced, 3% confidential with a note. The file is of the same size as tiegraph's
    n, m, out = int(args[0]), int(args[1]), args[2]
    rnd = random.Random(1)
    first = ["Ada", "Ben", "Chloé", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nils", "Olga", "Priya"]
    last = ["Okafor", "Lindqvist", "Moreau", "Patel", "Novak", "Haddad", "Kim", "Tanaka", "García", "Berg", "Adeyemi", "Murphy"]
    topics = ["hiring", "funding", "pricing", "data-engineering", "design", "sales-leads", "regulation", "cloud-costs", "leadership", "product", "security", "marketing", "procurement", "partnerships", "careers"]
    person_tags = ["mentor", "former-colleague", "client", "recruiter", "investor", "alumni", "conference"]
    roles = ["Engineer", "Analyst", "Manager", "Director", "Consultant", "Designer", "Counsel", "Account Executive"]
    notes = ["told me in confidence about layoffs", "shared salary bands", "is interviewing elsewhere", "board is unhappy with the CEO"]

    def day(first_year, last_year):
        return f"{rnd.randrange(first_year, last_year + 1)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"

    g = nx.DiGraph()
    o = max(5, round(n / 25))
    organisations = [{"id": f"o{k}", "name": f"{rnd.choice(['North', 'Blue', 'Iron', 'Silver', 'Bright', 'Harbor'])} {rnd.choice(['Analytics', 'Labs', 'Health', 'Capital', 'Systems'])} {k}"} for k in range(1, o + 1)]
    people, affiliations = [], []
    for i in range(1, n + 1):
        person = {"id": f"p{i}", "name": f"{rnd.choice(first)} {rnd.choice(last)}", "emails": [f"p{i}@example.org"]}
        if rnd.random() < 0.25:
            person["tags"] = [rnd.choice(person_tags)]
        if rnd.random() < 0.5:
            person["interests"] = sorted({rnd.choice(topics) for _ in range(rnd.randrange(1, 3))})
        if rnd.random() < 0.05:
            person["notes"] = "Private: considering leaving"
        people.append(person)
        g.add_node(person["id"])
        jobs = 1 + (rnd.random() < 0.3) + (rnd.random() < 0.08)
        # the days of the job changes, in order (ISO dates sort as text)
        changes = sorted(day(2023, 2026) for _ in range(jobs - 1))
        for j in range(jobs):
            affiliation = {"person": person["id"], "organisation": f"o{rnd.randrange(1, o + 1)}", "from": day(2010, 2022) if j == 0 else changes[j - 1]}
            if j < jobs - 1:
                affiliation["to"] = changes[j]
            affiliation["role"] = rnd.choice(roles)
            affiliations.append(affiliation)
    kinds = ["meeting", "information", "favour", "gesture", "introduction", "connection"]
    weights = [0.4, 0.3, 0.1, 0.1, 0.05, 0.05]
    formats = [("coffee", 45), ("lunch", 75), ("call", 30)]
    exchanges = []
    for _ in range(m):
        u, v = rnd.randrange(1, n + 1), rnd.randrange(1, n + 1)
        if u == v:
            continue
        kind = rnd.choices(kinds, weights)[0]
        e = {"date": day(2023, 2026), "kind": kind, "from": f"p{u}", "to": f"p{v}"}
        if kind == "meeting":
            e["format"], e["minutes"] = rnd.choice(formats)
        elif kind == "gesture":
            e["format"] = "coffee" if rnd.random() < 0.7 else "lunch"
        elif kind == "information":
            e["tags"] = [rnd.choice(topics)]
        elif kind == "introduction":
            w = rnd.randrange(1, n + 1)
            while w in (u, v):
                w = rnd.randrange(1, n + 1)
            e["introduced"] = f"p{w}"
        if rnd.random() < 0.03:
            e["note"] = rnd.choice(notes)
            e["confidential"] = True
        g.add_edge(e["from"], e["to"])
        exchanges.append(e)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"format": "tiegraph", "version": 2, "organisations": organisations, "people": people, "affiliations": affiliations, "exchanges": exchanges}, f, indent=2)
elif job == "generate-light":
    # the earlier script, kept for comparison: people's ids and names, four fields of each exchange (about 60% of the file)
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
