import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { directedTies, formatDay, Network, OPEN_END, parseNetworkFile, TiegraphError } from "@tiegraph/core";
import { exportGexf, exportGraphml, importGexf, importGraphml, mergeInto, type ImportedNetwork } from "../src/index.js";

const SAMPLE = new URL("../../../examples/data/sample-network.json", import.meta.url);
const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"), { file: "sample-network.json" });

/** The organisation each person is at now, read straight from the sample's affiliation records (open-ended, latest start). */
function currentOrganisations(network: Network): Map<string, string> {
  const out = new Map<string, string>();
  network.people().forEach((p, i) => {
    let best: { org: number; from: number } | undefined;
    for (const s of network.affiliationSpans(i)) if (s.to === OPEN_END && (!best || s.from >= best.from)) best = { org: s.organisation, from: s.from };
    if (best) out.set(p.id, network.organisationAt(best.org).name);
  });
  return out;
}

/** "from→to@date" of every non-confidential directed tie, sorted (what the exporters write by default). */
function exportedTies(network: Network): string[] {
  const t = directedTies(network, { excludeConfidential: true });
  const people = network.people();
  const out: string[] = [];
  for (let p = 0; p < t.pairCount; p++) out.push(`${people[t.source[p]!]!.id}→${people[t.target[p]!]!.id}@${formatDay(t.lastDay[p]!)}`);
  return out.sort();
}

function check(imported: ImportedNetwork, format: "gexf" | "graphml"): void {
  expect(imported.problems).toEqual([]);
  const ties = exportedTies(sample);
  expect(ties.length).toBeGreaterThan(100);
  expect(imported.exchanges.map((e) => `${e.from}→${e.to}@${e.date}`).sort()).toEqual(ties);
  expect(new Set(imported.exchanges.map((e) => e.kind))).toEqual(new Set(["connection"]));
  expect(imported.warnings).toEqual([{ code: "ties-not-exchanges", file: `sample.${format}`, line: 1, record: format === "gexf" ? "GEXF file" : "GraphML file", count: ties.length }]);

  const network = new Network();
  const report = mergeInto(network, imported);
  expect(report.problems).toEqual([]);
  expect(network.ego).toBe(sample.ego);
  expect(network.people().map((p) => [p.id, p.name]).sort()).toEqual(sample.people().map((p) => [p.id, p.name]).sort());
  expect(currentOrganisations(network)).toEqual(currentOrganisations(sample));
  const described = (n: Network) => n.people().map((p) => ({ id: p.id, tags: p.tags ?? [], attributes: p.attributes ?? {} })).sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(described(network)).toEqual(described(sample));
  expect(network.exchangeCount).toBe(ties.length);
}

describe("GEXF and GraphML import", () => {
  it("reads back the sample network exported as GEXF: people, names, organisations, one connection per tie", async () => {
    check(await importGexf(exportGexf(sample), { file: "sample.gexf" }), "gexf");
  });

  it("reads back the sample network exported as GraphML", async () => {
    check(await importGraphml(exportGraphml(sample), { file: "sample.graphml" }), "graphml");
  });

  it("keeps ids and attributes named constructor and __proto__ as data", async () => {
    const network = new Network();
    network.addPerson({ id: "constructor", name: "Con", attributes: { office: "Paris" } });
    network.addPerson({ id: "__proto__", name: "Proto" });
    network.addExchange({ date: "2024-03-01", kind: "meeting", from: "constructor", to: "__proto__" });
    for (const [text, read] of [[exportGexf(network), importGexf], [exportGraphml(network), importGraphml]] as const) {
      const imported = await read(text, { file: "odd" });
      expect(imported.problems).toEqual([]);
      expect(imported.people.map((p) => p.id)).toEqual(["constructor", "__proto__"]);
      expect(imported.people[0]!.attributes).toEqual({ office: "Paris" });
      expect(imported.exchanges).toEqual([{ date: "2024-03-01", kind: "connection", from: "constructor", to: "__proto__" }]);
      expect(({} as Record<string, unknown>).office).toBeUndefined();
    }
  });

  const bad: [string, "gexf" | "graphml", string, string, number][] = [
    ["unclosed node", "graphml", '<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>', "parse-error", 5],
    ["a DTD (no entity expansion)", "graphml", '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<graphml/>', "parse-error", 2],
    ["unknown entity", "gexf", '<gexf>\n<graph>\n<nodes>\n<node id="a" label="&boom;"/>\n</nodes></graph></gexf>', "parse-error", 4],
    ["the wrong root", "gexf", "<graphml>\n</graphml>", "invalid-format", 1],
    ["undeclared key", "graphml", '<graphml>\n<graph>\n<node id="a"><data key="n9">x</data></node>\n</graph></graphml>', "invalid-format", 3],
    ["a non-number int", "graphml", '<graphml>\n<key id="e0" for="edge" attr.name="count" attr.type="int"/>\n<graph>\n<edge source="a" target="b">\n<data key="e0">many</data></edge>\n</graph></graphml>', "invalid-value", 5],
  ];
  for (const [what, format, text, code, line] of bad) {
    it(`refuses ${what} with a typed error naming the file and line`, async () => {
      const read = format === "gexf" ? importGexf : importGraphml;
      const error = await read(text, { file: `bad.${format}` }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TiegraphError);
      expect(error).toMatchObject({ code, file: `bad.${format}`, line });
    });
  }

  it("lists an edge with an invalid date by its record and keeps the rest", async () => {
    const text = [
      "<graphml>",
      '<key id="n0" for="node" attr.name="label" attr.type="string"/>',
      '<key id="e0" for="edge" attr.name="lastDate" attr.type="string"/>',
      '<graph edgedefault="directed">',
      '<node id="a"><data key="n0">Ann</data></node>',
      '<node id="b"><data key="n0">Bo &amp; Co</data></node>',
      '<edge id="t0" source="a" target="b"><data key="e0">2024-02-30</data></edge>',
      '<edge id="t1" source="b" target="a"><data key="e0">2024-02-03</data></edge>',
      "</graph>",
      "</graphml>",
    ].join("\n");
    const imported = await importGraphml(text, { file: "x.graphml" });
    expect(imported.people.map((p) => p.name)).toEqual(["Ann", "Bo & Co"]);
    expect(imported.exchanges).toEqual([{ date: "2024-02-03", kind: "connection", from: "b", to: "a" }]);
    expect(imported.problems).toHaveLength(1);
    expect(imported.problems[0]).toMatchObject({ code: "invalid-date", file: "x.graphml", line: 7, record: 'edge "t0" at line 7' });
    await expect(importGraphml(text, { file: "x.graphml", strict: true })).rejects.toMatchObject({ code: "invalid-date", line: 7 });
  });

  it("stops at maxNodes and maxEdges, and at nesting deeper than the bound", async () => {
    const nodes = `<graphml><graph>${'<node id="a"/>'.repeat(3)}</graph></graphml>`;
    await expect(importGraphml(nodes, { file: "n", maxNodes: 2 })).rejects.toMatchObject({ code: "limit-exceeded", file: "n" });
    const edges = `<graphml><graph><node id="a"/><node id="b"/>\n${'<edge source="a" target="b"/>\n'.repeat(3)}</graph></graphml>`;
    // the third edge, on line 4, is one too many
    await expect(importGraphml(edges, { file: "e", maxEdges: 2, defaultDate: "2024-01-01" })).rejects.toMatchObject({ code: "limit-exceeded", file: "e", line: 4 });
    expect((await importGraphml(edges, { file: "e", maxEdges: 3, defaultDate: "2024-01-01" })).exchanges).toHaveLength(3);
    const deep = `<graphml>${"<x>".repeat(10_000)}${"</x>".repeat(10_000)}</graphml>`;
    await expect(importGraphml(deep, { file: "deep" })).rejects.toMatchObject({ code: "limit-exceeded", line: 1 });
  });

  it("dates edges without lastDate at defaultDate when given", async () => {
    const text = '<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>';
    expect((await importGraphml(text, { file: "d" })).problems[0]).toMatchObject({ code: "missing-field" });
    expect((await importGraphml(text, { file: "d", defaultDate: "2020-01-05" })).exchanges).toEqual([{ date: "2020-01-05", kind: "connection", from: "a", to: "b" }]);
  });
});
