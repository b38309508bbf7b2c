// Issue 16.6: person ids that are names of Object.prototype properties
// (reachable from a LinkedIn URL ending /in/constructor) crashed every graph
// export ("an edge linking me to constructor already exists"). Every format
// and the load path must take them as ordinary ids.
import { describe, expect, it } from "vitest";
import { Network, parseNetworkFile, serializeNetwork, type NetworkData } from "@tiegraph/core";
import {
  exportAffiliationsCsv,
  exportExchangesCsv,
  exportGexf,
  exportGraphml,
  exportGraphologyJson,
  exportLedgerCsv,
  exportPeopleCsv,
  exportTiesCsv,
  importLinkedInConnections,
  mergeInto,
  type ExportedGraphKind,
} from "@tiegraph/io";

const IDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];

function data(): NetworkData {
  return {
    people: [
      { id: "me", name: "Me" },
      // an attribute column may be called like a prototype property too
      ...IDS.map((id) => ({ id, name: `Person ${id}`, attributes: JSON.parse(`{"__proto__": "x-${id}", "constructor": "c-${id}"}`) as Record<string, string> })),
    ],
    organisations: [{ id: "toString", name: "Org toString" }],
    affiliations: [{ person: "constructor", organisation: "toString" }],
    // me gives each of them a favour; "constructor" answers with a tip
    exchanges: [
      ...IDS.map((id, i) => ({ id: `x${i}`, date: `2026-01-0${i + 1}`, kind: "favour" as const, from: "me", to: id })),
      { id: "back", date: "2026-02-01", kind: "information", from: "constructor", to: "me" },
      { id: "__proto__", date: "2026-02-02", kind: "meeting", from: "__proto__", to: "toString" },
    ],
    ego: "me",
  };
}

/** Ids of `<node id="…">` and `source`/`target` of every edge in a GEXF or GraphML document. */
function xmlGraph(xml: string): { nodes: string[]; edges: string[] } {
  const nodes = [...xml.matchAll(/<node id="([^"]*)"/g)].map((m) => m[1]!);
  const edges = [...xml.matchAll(/<edge [^>]*?source="([^"]*)"[^>]*?target="([^"]*)"/g)].map((m) => `${m[1]}>${m[2]}`);
  return { nodes, edges };
}

// ties: me→each of the six, constructor→me, __proto__→toString = 8 ordered pairs;
// relationships: me–each of the six, __proto__–toString = 7 (me–constructor is one pair);
// exchanges: 8 exchanges
const EXPECTED_EDGES: Record<ExportedGraphKind, number> = { ties: 8, relationships: 7, exchanges: 8 };

describe("ids named like Object.prototype properties", () => {
  it("load, validate and round-trip through the network file", () => {
    const net = Network.from(data());
    expect(net.personCount).toBe(7);
    for (const id of IDS) expect(net.person(id).name).toBe(`Person ${id}`);
    expect(net.hasPerson("propertyIsEnumerable")).toBe(false);
    const again = parseNetworkFile(serializeNetwork(net), { file: "proto.json" });
    expect(again.people().map((p) => p.id)).toEqual(["me", ...IDS]);
    expect(again.exchangeCount).toBe(8);
    expect(again.person("constructor").attributes).toEqual(JSON.parse('{"__proto__": "x-constructor", "constructor": "c-constructor"}'));
  });

  for (const graph of ["ties", "relationships", "exchanges"] as const) {
    it(`export as GEXF, GraphML and graphology JSON (${graph})`, () => {
      const net = Network.from(data());
      for (const [name, xml] of [["gexf", exportGexf(net, { graph })], ["graphml", exportGraphml(net, { graph })]] as const) {
        const g = xmlGraph(xml);
        expect(g.nodes, name).toEqual(["me", ...IDS]);
        expect(g.edges.length, name).toBe(EXPECTED_EDGES[graph]);
        expect(g.edges, name).toContain("me>constructor");
        expect(g.edges, name).toContain("__proto__>toString");
      }
      const json = JSON.parse(exportGraphologyJson(net, { graph })) as { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { source: string; target: string }[] };
      expect(json.nodes.map((n) => n.key)).toEqual(["me", ...IDS]);
      expect(json.edges.length).toBe(EXPECTED_EDGES[graph]);
      expect(json.edges.map((e) => `${e.source}>${e.target}`)).toContain("__proto__>toString");
      // the attribute columns survive under names every writer keeps
      const c = json.nodes.find((n) => n.key === "constructor")!.attributes;
      expect(c.attribute___proto__).toBe("x-constructor");
      expect(c.constructor).toBe("c-constructor");
      expect(c.organisation).toBe("Org toString");
    });
  }

  it("export every CSV table", () => {
    const net = Network.from(data());
    expect(exportPeopleCsv(net).split("\n").filter((l) => /^(constructor|__proto__|toString|hasOwnProperty|valueOf|isPrototypeOf),/.test(l))).toHaveLength(6);
    expect(exportAffiliationsCsv(net)).toContain("constructor,toString");
    expect(exportExchangesCsv(net).split("\n").filter((l) => l.startsWith("__proto__,"))).toHaveLength(1);
    // ties: 8 rows plus the header and the final newline
    expect(exportTiesCsv(net).split("\n")).toHaveLength(10);
    // the ledger lists ego's six contacts
    expect(exportLedgerCsv(net).split("\n")).toHaveLength(8);
  });

  it("come from a LinkedIn URL ending /in/constructor and export", async () => {
    const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nCon,Structor,https://www.linkedin.com/in/constructor,,,,12 Mar 2024\nAnn,Lee,https://www.linkedin.com/in/ann,,,,13 Mar 2024\n";
    const imported = await importLinkedInConnections(csv, { file: "Connections.csv" });
    const net = new Network();
    mergeInto(net, [imported]);
    expect(net.people().map((p) => p.id).sort()).toEqual(["ann", "constructor", "me"]);
    expect(xmlGraph(exportGraphml(net, { graph: "relationships" })).edges.sort()).toEqual(["me>ann", "me>constructor"]);
    expect(xmlGraph(exportGexf(net)).edges.sort()).toEqual(["me>ann", "me>constructor"]);
  });
});
