import { describe, expect, it } from "vitest";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { parse as parseCsv } from "csv-parse/sync";
import { Network, directedTies, formatSouringReasons, generateNetwork, reciprocityLedger, type NetworkData } from "@tiegraph/core";
import {
  exportAffiliationsCsv,
  exportExchangesCsv,
  exportGexf,
  exportGraphml,
  exportGraphologyJson,
  exportLedgerCsv,
  exportPeopleCsv,
  exportTiesCsv,
  exportedGraph,
  importAffiliationsCsv,
  importExchangesCsv,
  importPeopleCsv,
  mergeInto,
} from "@tiegraph/io";
import { csvCell } from "../src/exporters/csv-text.js";

/** A generated network with the awkward content real ones have: notes, commas, quotes, line breaks, formula-like text. */
function sample(): Network {
  const net = generateNetwork({ seed: 11, people: 40, exchanges: 600 });
  net.updatePerson("p1", { notes: 'Prefers "quick" calls,\nnever Fridays', attributes: { office: "London, UK", level: 3, partner: true }, tags: ["=SUM(A1)", "mentor"] });
  net.updatePerson("p2", { name: "O'Brien, Niamh", url: "https://www.linkedin.com/in/niamh", cadenceDays: 30 });
  net.addExchanges([
    { id: "x-1", date: "2026-01-05", kind: "favour", from: "p1", to: "p2", value: 2.5, note: "Covered for her at the board meeting", tags: ["board"] },
    { date: "2026-01-06", kind: "meeting", from: "p2", to: "p3", minutes: 50, format: "lunch", confidential: true, note: "Talked about leaving" },
    { date: "2026-01-07", kind: "introduction", from: "p3", to: "p4", introduced: "p5" },
  ]);
  return net;
}

function sortById<T extends { id: string }>(xs: T[] | undefined): T[] {
  return [...(xs ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe("exporters", () => {
  it("CSV round trip: people, affiliations and exchanges give back the same network", async () => {
    const net = sample();
    const people = await importPeopleCsv(exportPeopleCsv(net, { organisation: false, includeNotes: true }));
    const affiliations = await importAffiliationsCsv(exportAffiliationsCsv(net));
    const exchanges = await importExchangesCsv(exportExchangesCsv(net, { includeConfidential: true, includeNotes: true }));
    const back = new Network();
    const report = mergeInto(back, [people, affiliations, exchanges]);
    expect(report.problems).toEqual([]);
    back.setEgo(net.ego);
    const a: NetworkData = net.toData();
    const b: NetworkData = back.toData();
    expect(b.people).toEqual(a.people);
    expect(b.exchanges).toEqual(a.exchanges);
    expect([...(b.affiliations ?? [])].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([...(a.affiliations ?? [])].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
    const used = new Set(a.affiliations!.map((x) => x.organisation));
    expect(sortById(b.organisations)).toEqual(sortById(a.organisations!.filter((o) => used.has(o.id))));
  });

  it("people CSV writes the current organisation, and formula-like text guarded", () => {
    const net = Network.from({
      organisations: [{ id: "a", name: "Acme, Inc." }, { id: "g", name: "Globex" }],
      people: [{ id: "ann", name: "Ann", tags: ["=cmd"], attributes: { score: -5 } }],
      affiliations: [{ person: "ann", organisation: "g", from: "2019-01-01", to: "2020-01-01" }, { person: "ann", organisation: "a", from: "2020-01-02", role: "CTO" }],
    });
    expect(exportPeopleCsv(net)).toBe('id,name,organisation,role,email,url,tags,interests,cadenceDays,score\r\nann,Ann,"Acme, Inc.",CTO,,,\'=cmd,,,-5\r\n');
    expect(csvCell("-5")).toBe("'-5"); // text "-5"; the number -5 above is written plain
    expect(csvCell("@home")).toBe("'@home");
    expect(csvCell("'=x")).toBe("''=x");
  });

  it("GEXF: Gephi's reader (graphology-gexf) reads back the tie graph with every attribute", () => {
    const net = sample();
    const expected = exportedGraph(net);
    const read = parseGexf(Graph, exportGexf(net));
    expect(read.order).toBe(net.personCount);
    expect(read.size).toBe(expected.size);
    expected.forEachNode((node, attrs) => expect(read.getNodeAttributes(node)).toEqual(attrs));
    const byPair = new Map<string, Record<string, unknown>>();
    read.forEachEdge((_e, attrs, s, t) => byPair.set(`${s}>${t}`, attrs));
    expected.forEachEdge((_e, attrs, s, t) => expect(byPair.get(`${s}>${t}`)).toEqual(attrs));
  });

  it("GraphML: graphology-graphml reads back the relationship graph with typed attributes", () => {
    const net = sample();
    const expected = exportedGraph(net, { graph: "relationships" });
    const text = exportGraphml(net, { graph: "relationships" });
    expect(text).toContain('edgedefault="undirected"');
    expect(text).toContain('<key id="n1" for="node" attr.name="ego" attr.type="boolean"/>');
    const read = parseGraphml(Graph, text);
    expect(read.type).toBe("undirected");
    expect(read.size).toBe(expected.size);
    expected.forEachNode((node, attrs) => expect(read.getNodeAttributes(node)).toEqual(attrs));
    expected.forEachEdge((_e, attrs, s, t) => expect(read.getEdgeAttributes(read.edge(s, t)!)).toEqual(attrs));
  });

  it("graphology JSON: Graph.from gives the same exchange multigraph", () => {
    const net = sample();
    const g = Graph.from(JSON.parse(exportGraphologyJson(net, { graph: "exchanges" })));
    const confidential = net.exchangeColumns().confidential.reduce((s, x) => s + x, 0);
    expect(g.multi).toBe(true);
    expect(g.size).toBe(net.exchangeCount - confidential);
    expect(g.getEdgeAttributes("x-1")).toEqual({ kind: "favour", date: "2026-01-05", value: 2.5, tags: "board" });
  });

  it("ties CSV holds the directed ties of core, confidential exchanges left out", () => {
    const net = sample();
    const rows = parseCsv(exportTiesCsv(net), { columns: true }) as Record<string, string>[];
    const t = directedTies(net, { excludeConfidential: true });
    expect(rows).toHaveLength(t.pairCount);
    rows.forEach((r, p) => {
      expect(r.source).toBe(net.personAt(t.source[p]!).id);
      expect(Number(r.strength)).toBe(t.strength[p]);
      expect(Number(r.value)).toBe(t.givenValue[p]);
      expect(Number(r.count)).toBe(t.count[p]);
    });
    const all = parseCsv(exportTiesCsv(net, { includeConfidential: true }), { columns: true }) as unknown[];
    expect(all.length).toBe(directedTies(net).pairCount);
  });

  it("ledger CSV holds core's reciprocity ledger, most owed first", () => {
    const net = sample();
    const rows = parseCsv(exportLedgerCsv(net), { columns: true }) as Record<string, string>[];
    const ledger = reciprocityLedger(net, { excludeConfidential: true });
    expect(rows).toHaveLength(ledger.entries.length);
    const byContact = new Map(ledger.entries.map((e) => [e.contact, e]));
    let last = -Infinity;
    for (const r of rows) {
      const e = byContact.get(r.contact!)!;
      expect(Number(r.balance)).toBe(e.balance);
      expect(Number(r.given)).toBe(e.given);
      expect(r.souring).toBe(e.souring?.direction ?? "");
      expect(r.souringReasons).toBe(e.souring ? formatSouringReasons(e.souring.reasons) : "");
      expect(Number(r.balance)).toBeGreaterThanOrEqual(last);
      last = Number(r.balance);
    }
  });
});
