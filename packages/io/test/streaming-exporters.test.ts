// The streaming exporters write the same bytes as the exporters they replaced
// (which built a graphology graph and the whole document in memory): on the
// sample network and the research datasets, against the SHA-256 of what the
// old exporters wrote (fixtures/exports-before-streaming.json); and on random
// networks with awkward names, against the old exporters themselves, kept in
// test/reference. Chunks are bounded and cut between records.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { directedTies, generateNetwork, loadEmailEuCore, loadKrackhardt, loadLazega, loadPadgett, Network, parseNetworkFile, serializeNetwork, type Exchange, type ExchangeKind, type NetworkData } from "@tiegraph/core";
import {
  exportAffiliationsCsv,
  exportAffiliationsCsvChunks,
  exportExchangesCsv,
  exportExchangesCsvChunks,
  exportGexf,
  exportGexfChunks,
  exportGraphml,
  exportGraphmlChunks,
  exportGraphologyJson,
  exportGraphologyJsonBytes,
  exportGraphologyJsonBytesWithTail,
  exportGraphologyJsonChunks,
  graphologyJsonKeys,
  tieEdgeJsonBytes,
  type GraphologyJsonKeys,
  type GraphologyJsonTail,
  exportPeopleCsv,
  exportPeopleCsvChunks,
  exportTiesCsv,
  exportTiesCsvBytes,
  exportTiesCsvBytesWithTail,
  exportTiesCsvChunks,
  tiesCsvCells,
  tiesCsvRowBytes,
  type TiesCsvCells,
  type TiesCsvTail,
  exportedGraph,
  type DisclosureOptions,
  type ExportedGraphKind,
} from "@tiegraph/io";
import { CHUNK_CHARS } from "../src/exporters/text-chunks.js";
import { FIXTURES } from "./fixtures.js";
import * as before from "./reference/exporters-before-streaming.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
// the shared research datasets, found as core's tests find them (../shared/datasets beside the checkout, or TIEGRAPH_DATASETS)
const DATASETS = [process.env.TIEGRAPH_DATASETS, join(ROOT, "..", "shared", "datasets"), "/work/shared/datasets"].find((p): p is string => !!p && existsSync(join(p, "lazega_lawfirm")))!;
const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");
const sha256 = (content: string | Uint8Array) => createHash("sha256").update(content).digest("hex");

/** The networks of the manifest, loaded as the core tests load them. */
function manifestNetworks(): Record<string, () => Network> {
  const out: Record<string, () => Network> = { sample: () => parseNetworkFile(readFileSync(join(ROOT, "examples", "data", "sample-network.json"), "utf8")) };
  for (const r of ["ELadv.dat", "ELfriend.dat", "ELwork.dat"]) out[`lazega-${r}`] = () => loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", r) }).network;
  for (const r of ["Advice", "Friendship", "ReportsTo"]) out[`krackhardt-${r}`] = () => loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", `Krack-High-Tec-edgelist-${r}.txt`) }).network;
  out["email-eu-core"] = () => loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") }).network;
  for (const r of ["marital", "business"] as const) out[`padgett-${r}`] = () => loadPadgett(read("padgett_florentine", "Padgett.paj"), r).network;
  return out;
}

type Exporters = {
  gexf: typeof exportGexf;
  graphml: typeof exportGraphml;
  json: typeof exportGraphologyJson;
  people: typeof exportPeopleCsv;
  affiliations: typeof exportAffiliationsCsv;
  exchanges: typeof exportExchangesCsv;
  ties: typeof exportTiesCsv;
};
const streaming: Exporters = { gexf: exportGexf, graphml: exportGraphml, json: exportGraphologyJson, people: exportPeopleCsv, affiliations: exportAffiliationsCsv, exchanges: exportExchangesCsv, ties: exportTiesCsv };
const reference: Exporters = {
  gexf: before.exportGexfBefore,
  graphml: before.exportGraphmlBefore,
  json: before.exportGraphologyJsonBefore,
  people: before.exportPeopleCsvBefore,
  affiliations: before.exportAffiliationsCsvBefore,
  exchanges: before.exportExchangesCsvBefore,
  ties: before.exportTiesCsvBefore,
};

/** The manifest's cases: name → the export it hashes (names as in the fixture). */
function cases(x: Exporters): Record<string, (n: Network) => string> {
  const c: Record<string, (n: Network) => string> = {};
  for (const [tag, disclose] of [["", {}], ["+all", { includeConfidential: true, includeNotes: true }]] as const) {
    for (const graph of ["ties", "relationships", "exchanges"] as const) {
      c[`gexf-${graph}${tag}`] = (n) => x.gexf(n, { ...disclose, graph });
      c[`graphml-${graph}${tag}`] = (n) => x.graphml(n, { ...disclose, graph });
      c[`json-${graph}${tag}`] = (n) => x.json(n, { ...disclose, graph });
      c[`json-pretty-${graph}${tag}`] = (n) => x.json(n, { ...disclose, graph, pretty: true });
    }
    c[`csv-people${tag}`] = (n) => x.people(n, disclose);
    c[`csv-exchanges${tag}`] = (n) => x.exchanges(n, disclose);
    c[`csv-ties${tag}`] = (n) => x.ties(n, disclose);
  }
  c["gexf-1.2"] = (n) => x.gexf(n, { version: "1.2" });
  c["gexf-asof"] = (n) => x.gexf(n, { asOf: "2025-01-01" });
  c["csv-ties-asof"] = (n) => x.ties(n, { asOf: "2025-01-01" });
  c["csv-people-noorg"] = (n) => x.people(n, { organisation: false });
  c["csv-affiliations"] = (n) => x.affiliations(n);
  c["tiegraph-redacted"] = (n) => serializeNetwork(n, { redact: true });
  return c;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, "exports-before-streaming.json"), "utf8")) as Record<string, Record<string, string>>;

describe("streaming exporters write what the exporters before them wrote", () => {
  it("on the sample network and every research dataset, in every format, graph and disclosure (SHA-256 of the old output)", () => {
    const networks = manifestNetworks();
    expect(Object.keys(networks).sort()).toEqual(Object.keys(manifest).sort());
    let checked = 0;
    for (const [name, load] of Object.entries(networks)) {
      const network = load();
      const expected = manifest[name]!;
      const now = cases(streaming);
      expect(Object.keys(now).sort()).toEqual(Object.keys(expected).sort());
      for (const [c, write] of Object.entries(now)) {
        expect(sha256(write(network)), `${name} ${c}`).toBe(expected[c]);
        checked++;
      }
    }
    expect(checked).toBe(360);
  });

  it("the reference kept in test/reference is those exporters: it writes the same bytes on the sample and Lazega's advice network", () => {
    const networks = manifestNetworks();
    for (const name of ["sample", "lazega-ELadv.dat"]) {
      const network = networks[name]!();
      for (const [c, write] of Object.entries(cases(reference))) expect(sha256(write(network)), `${name} ${c}`).toBe(manifest[name]![c]);
    }
  });
});

// ------------------------------------------------------------ random networks

/** Names that have broken exporters: markup, CSV and formula characters, controls, lone surrogates, prototype keys. */
const AWKWARD = ["__proto__", "constructor", "toString", "a,b", 'say "hi"', "<&>'\"", "=SUM(A1)", "-1", "+1", "@x", "'q", " pad ", "line\nbreak", "cr\r", "crlf\r\n", "tab\t", "nul\u0000", "ctl\u0001\u001f\u007f", "lone\uD800", "\uDC00x", "\uFFFE", "🙂", "7", "2024", "]]>", "&amp;"];
const text = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ maxLength: 6 }), fc.string({ unit: fc.constantFrom(..."<>&\"',\r\n\t =+-@'\u0000\u0001\uD800\uDC00\uFFFE"), maxLength: 5 }));
// attribute names that are Object.prototype members are left to their own test below: the old GEXF writer dropped them
const attributeName = fc.oneof(fc.constantFrom("__proto__", "label", "ego", "notes", "organisation", "tags", "7", "2024", "a,b", "x\u0001", "x\u0002", "<k>", "level"), fc.string({ minLength: 1, maxLength: 4 })).filter((k) => !(k in Object.prototype) || k === "__proto__");
const attributeValue = fc.oneof(text, fc.integer({ min: -(2 ** 33), max: 2 ** 33 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(-(2 ** 31)));
const KINDS: ExchangeKind[] = ["information", "favour", "introduction", "gesture", "meeting", "connection"];

const awkwardNetwork = fc
  .record({
    ids: fc.uniqueArray(fc.oneof(text, fc.constantFrom("__proto__", "constructor", "hasOwnProperty", "valueOf")).filter((s) => s !== ""), { minLength: 3, maxLength: 8 }),
    names: fc.array(text, { minLength: 8, maxLength: 8 }),
    attributes: fc.array(fc.array(fc.tuple(attributeName, attributeValue), { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
    notes: fc.array(fc.option(text, { nil: undefined }), { minLength: 8, maxLength: 8 }),
    tags: fc.array(fc.array(text, { maxLength: 2 }), { minLength: 8, maxLength: 8 }),
    orgOf: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 8, maxLength: 8 }),
    orgNames: fc.tuple(text, text),
    role: fc.option(text, { nil: undefined }),
    exchanges: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        c: fc.nat(),
        day: fc.integer({ min: 0, max: 700 }),
        kind: fc.constantFrom(...KINDS),
        value: fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })), { nil: undefined }),
        minutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: undefined }),
        format: fc.option(fc.constantFrom("lunch", "zoom, call", "<coffee>", "=x"), { nil: undefined }),
        tags: fc.array(text, { maxLength: 2 }),
        confidential: fc.boolean(),
        id: fc.option(fc.constantFrom("x-1", "a,b", "<e>", "__proto__"), { nil: undefined }),
        note: fc.option(text, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map((g): NetworkData => {
    const n = g.ids.length;
    const usedIds = new Set<string>();
    const exchanges: Exchange[] = [];
    g.exchanges.forEach((x, k) => {
      const from = x.a % n;
      const to = from === x.b % n ? (from + 1) % n : x.b % n;
      const e: Exchange = { date: new Date(Date.UTC(2025, 0, 1) + x.day * 86_400_000).toISOString().slice(0, 10), kind: x.kind, from: g.ids[from]!, to: g.ids[to]! };
      // confidential exchanges carry SECRET in their id and note, so a default export that shows one is caught
      const id = x.confidential ? `SECRET-${k}` : x.id;
      if (id !== undefined && !usedIds.has(id)) {
        usedIds.add(id);
        e.id = id;
      }
      if (x.kind === "introduction") {
        const third = [x.c % n, (x.c + 1) % n, (x.c + 2) % n].find((i) => i !== from && i !== to);
        if (third === undefined) return;
        e.introduced = g.ids[third]!;
      }
      if (x.value !== undefined) e.value = x.value;
      if (x.minutes !== undefined && x.kind === "meeting") e.minutes = x.minutes;
      if (x.format !== undefined) e.format = x.format;
      if (x.tags.length) e.tags = x.tags;
      if (x.confidential) {
        e.confidential = true;
        e.note = `SECRET note ${k}`;
      } else if (x.note !== undefined) e.note = x.note;
      exchanges.push(e);
    });
    return {
      ego: g.ids[0]!,
      organisations: [
        { id: "o0", name: g.orgNames[0] || "Org 0" },
        { id: "o,1", name: g.orgNames[1] || "Org 1" },
      ],
      people: g.ids.map((id, i) => ({
        id,
        name: g.names[i] || `Person ${i}`,
        ...(g.attributes[i]!.length ? { attributes: Object.fromEntries(g.attributes[i]!) } : {}),
        ...(g.notes[i] !== undefined ? { notes: `PRIVATE ${g.notes[i]}` } : {}),
        ...(g.tags[i]!.length ? { tags: g.tags[i]! } : {}),
      })),
      affiliations: g.ids.flatMap((id, i) => (g.orgOf[i]! >= 0 ? [{ person: id, organisation: g.orgOf[i] === 0 ? "o0" : "o,1", from: "2024-01-01", ...(g.role !== undefined ? { role: g.role } : {}) }] : [])),
      exchanges,
    };
  });

const DISCLOSURES: DisclosureOptions[] = [{}, { includeConfidential: true }, { includeNotes: true }, { includeConfidential: true, includeNotes: true }];
const GRAPHS: ExportedGraphKind[] = ["ties", "relationships", "exchanges"];

describe("streaming exporters on random networks with awkward names", () => {
  it("write exactly what the old exporters wrote, in every format, graph and disclosure", () => {
    fc.assert(
      fc.property(awkwardNetwork, (data) => {
        const network = Network.from(data);
        for (const d of DISCLOSURES) {
          for (const graph of GRAPHS) {
            for (const x of ["gexf", "graphml", "json"] as const) expect(streaming[x](network, { ...d, graph }), `${x} ${graph} ${JSON.stringify(d)}`).toBe(reference[x](network, { ...d, graph }));
            expect(exportGraphologyJson(network, { ...d, graph, pretty: true })).toBe(before.exportGraphologyJsonBefore(network, { ...d, graph, pretty: true }));
          }
          expect(exportGexf(network, { ...d, version: "1.2" })).toBe(before.exportGexfBefore(network, { ...d, version: "1.2" }));
          for (const x of ["people", "exchanges", "ties"] as const) expect(streaming[x](network, d), `${x} ${JSON.stringify(d)}`).toBe(reference[x](network, d));
        }
        expect(exportAffiliationsCsv(network)).toBe(before.exportAffiliationsCsvBefore(network));
        expect(exportPeopleCsv(network, { organisation: false })).toBe(before.exportPeopleCsvBefore(network, { organisation: false }));
      }),
      { numRuns: 60 },
    );
  });

  it("leave confidential exchanges and notes out by default: no SECRET id or note, no PRIVATE note in any default export", () => {
    fc.assert(
      fc.property(awkwardNetwork, (data) => {
        const network = Network.from(data);
        const defaults = [exportPeopleCsv(network), exportExchangesCsv(network), exportTiesCsv(network), ...GRAPHS.flatMap((graph) => [exportGexf(network, { graph }), exportGraphml(network, { graph }), exportGraphologyJson(network, { graph })])];
        for (const text of defaults) {
          expect(text).not.toContain("SECRET");
          expect(text).not.toContain("PRIVATE");
        }
        // and asked for, they are there (so the check above can fail)
        const secrets = data.exchanges!.filter((e) => e.confidential).length;
        expect(exportExchangesCsv(network, { includeConfidential: true, includeNotes: true }).split("SECRET note").length - 1).toBe(secrets);
        expect(exportGraphml(network, { graph: "exchanges", includeConfidential: true }).split('<edge id="SECRET-').length - 1).toBe(secrets);
      }),
      { numRuns: 40 },
    );
  });
});

describe("GEXF attributes named like Object.prototype members", () => {
  it("are declared and written (the old writer looked them up on the prototype and dropped them)", () => {
    const network = Network.from({
      people: [
        { id: "a", name: "A", attributes: { constructor: "builder", toString: 3 } },
        { id: "b", name: "B" },
      ],
      exchanges: [{ date: "2026-01-01", from: "a", to: "b", kind: "meeting" }],
    });
    const gexf = exportGexf(network);
    expect(gexf).toContain('<attribute id="constructor" title="constructor" type="string"/>');
    expect(gexf).toContain('<attribute id="toString" title="toString" type="integer"/>');
    expect(gexf).toContain('<attvalue for="constructor" value="builder"/>');
    expect(gexf).toContain('<attvalue for="toString" value="3"/>');
    // B has neither: two constructor/toString attvalues in all, both A's
    expect(gexf.split('for="constructor"').length - 1).toBe(1);
    expect(gexf.split('for="toString"').length - 1).toBe(1);
    expect(before.exportGexfBefore(network)).not.toContain('for="constructor"');
    // everything else is as before: without those two names the documents are equal
    const without = Network.from({ people: [{ id: "a", name: "A" }, { id: "b", name: "B" }], exchanges: [{ date: "2026-01-01", from: "a", to: "b", kind: "meeting" }] });
    expect(exportGexf(without)).toBe(before.exportGexfBefore(without));
  });
});

describe("chunks", () => {
  const network = generateNetwork({ seed: 7, people: 3000, exchanges: 40_000 });
  const streams: [string, () => Iterable<string>, () => string][] = [
    ["gexf", () => exportGexfChunks(network), () => exportGexf(network)],
    ["graphml", () => exportGraphmlChunks(network, { graph: "relationships" }), () => exportGraphml(network, { graph: "relationships" })],
    ["json", () => exportGraphologyJsonChunks(network, { graph: "exchanges", pretty: true }), () => before.exportGraphologyJsonBefore(network, { graph: "exchanges", pretty: true })],
    ["people", () => exportPeopleCsvChunks(network), () => exportPeopleCsv(network)],
    ["affiliations", () => exportAffiliationsCsvChunks(network), () => exportAffiliationsCsv(network)],
    ["exchanges", () => exportExchangesCsvChunks(network, { includeConfidential: true }), () => exportExchangesCsv(network, { includeConfidential: true })],
    ["ties", () => exportTiesCsvChunks(network), () => exportTiesCsv(network)],
  ];

  it.each(streams)("%s: bounded chunks cut between records, which concatenate to the whole document", (name, chunks, whole) => {
    const parts = [...chunks()];
    expect(parts.join("")).toBe(whole());
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, part] of parts.entries()) {
      // a chunk is yielded once it holds CHUNK_CHARS (JSON: a batch of elements); none grows with the network
      expect(part.length, `${name} chunk ${i}`).toBeLessThan(1 << 20);
      if (i < parts.length - 1) {
        expect(part.endsWith("\r"), `${name} chunk ${i} ends inside a line ending`).toBe(false);
        if (name !== "json") expect(part.length).toBeGreaterThanOrEqual(CHUNK_CHARS);
        expect(/(\r\n|>|\n|\})$/.test(part), `${name} chunk ${i} ends between records`).toBe(true);
      }
    }
  });

  it("the graphology graph for library callers holds the elements the files are written from", () => {
    const graph = exportedGraph(network, { graph: "relationships" });
    const reread = JSON.parse(exportGraphologyJson(network, { graph: "relationships" })) as { nodes: unknown[]; edges: unknown[] };
    expect(graph.export()).toEqual(reread);
    expect(graph.size).toBe(reread.edges.length);
  });
});

// ------------------------------------------------------------ the ties CSV as bytes

/** A byte exporter's chunks joined (each copied as it comes: the writers reuse their buffer), and the chunks. */
function joined(chunks: Iterable<Uint8Array>): { bytes: Uint8Array; chunks: Uint8Array[] } {
  const kept: Uint8Array[] = [];
  for (const chunk of chunks) kept.push(chunk.slice());
  const bytes = new Uint8Array(kept.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of kept) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, chunks: kept };
}
const tiesBytes = (network: Network, options: Parameters<typeof exportTiesCsvBytes>[1] = {}) => joined(exportTiesCsvBytes(network, options));

describe("exportTiesCsvBytes", () => {
  it("writes the UTF-8 of exportTiesCsv on the sample network and every research dataset (SHA-256 of the old output), with and without disclosure and as of a date", () => {
    let checked = 0;
    for (const [name, load] of Object.entries(manifestNetworks())) {
      const network = load();
      expect(sha256(tiesBytes(network).bytes), name).toBe(manifest[name]!["csv-ties"]);
      expect(sha256(tiesBytes(network, { includeConfidential: true, includeNotes: true }).bytes), name).toBe(manifest[name]!["csv-ties+all"]);
      expect(sha256(tiesBytes(network, { asOf: "2025-01-01" }).bytes), name).toBe(manifest[name]!["csv-ties-asof"]);
      checked++;
    }
    expect(checked).toBe(Object.keys(manifest).length);
  });

  it("writes the UTF-8 of exportTiesCsv on random networks with awkward names (lone surrogates as U+FFFD, as TextEncoder writes them), in chunks of any size", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(awkwardNetwork, fc.integer({ min: 1, max: 300 }), (data, chunkBytes) => {
        const network = Network.from(data);
        for (const d of DISCLOSURES) expect(tiesBytes(network, { ...d, chunkBytes }).bytes).toEqual(encoder.encode(exportTiesCsv(network, d)));
      }),
      { numRuns: 60 },
    );
  });

  it("counts above the digits of a small number are written whole: a tie of 10, 99, 100 and 1,234 exchanges", () => {
    const people = [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }, { id: "d", name: "D" }, { id: "e", name: "E" }];
    const exchanges: Exchange[] = [];
    // a → b 10 times, a → c 99, a → d 100, a → e 1,234 (all favours: each counts as giving too)
    for (const [to, n] of [["b", 10], ["c", 99], ["d", 100], ["e", 1234]] as const) for (let k = 0; k < n; k++) exchanges.push({ date: "2025-01-01", kind: "favour", from: "a", to });
    const network = Network.from({ people, exchanges });
    const text = new TextDecoder().decode(tiesBytes(network).bytes);
    expect(text).toBe(exportTiesCsv(network));
    expect(text.split("\r\n").slice(1, 5).map((row) => row.split(",").slice(6, 8).join(" "))).toEqual(["10 10", "99 99", "100 100", "1234 1234"]);
  });

  it("hands out chunks of about the size asked, each ending after a whole row", () => {
    const network = generateNetwork({ seed: 7, people: 3000, exchanges: 40_000 });
    const { bytes, chunks } = tiesBytes(network, { chunkBytes: 1 << 14 });
    expect(new TextDecoder().decode(bytes)).toBe(exportTiesCsv(network));
    expect(chunks.length).toBeGreaterThan(10);
    for (const [i, chunk] of chunks.entries()) {
      // a chunk is handed out once it holds chunkBytes, so it ends within one row past it
      expect(chunk.length).toBeLessThan((1 << 14) + 300);
      if (i < chunks.length - 1) expect(chunk.length).toBeGreaterThanOrEqual(1 << 14);
      expect([chunk[chunk.length - 2], chunk[chunk.length - 1]], `chunk ${i}`).toEqual([13, 10]);
    }
  });
});

describe("the ties CSV in two parts (tiesCsvRowBytes, exportTiesCsvBytesWithTail)", () => {
  const network = generateNetwork({ seed: 7, people: 3000, exchanges: 40_000, confidentialShare: 0.1 });
  const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
  // compared as text: a deep comparison of megabytes of array is slow
  const whole = text(tiesBytes(network).bytes);
  const ties = directedTies(network, { excludeConfidential: true });
  /** All the chunks of an async exporter, each copied as it comes, joined. */
  const gathered = async (chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> => {
    const kept: Uint8Array[] = [];
    for await (const chunk of chunks) kept.push(chunk.slice());
    return joined(kept).bytes;
  };
  /** A tail written from a copy of the rows' columns from `from` on (as the worker thread keeps them), in small chunks. */
  const tailFrom = (from: number, index = ties): TiesCsvTail & { asked: number } => {
    const columns = { source: index.source.slice(from), target: index.target.slice(from), strength: index.strength.slice(from), givenValue: index.givenValue.slice(from), count: index.count.slice(from), givingCount: index.givingCount.slice(from), firstDay: index.firstDay.slice(from), lastDay: index.lastDay.slice(from) };
    const tail = {
      index,
      from,
      asked: 0,
      rows: (cells: TiesCsvCells) => {
        tail.asked++;
        return Promise.resolve(joined(tiesCsvRowBytes(cells, columns, 0, index.pairCount - from, { chunkBytes: 1 << 12 })).chunks);
      },
    };
    return tail;
  };

  it("gives, range by range and joined in order, the bytes of the whole file (the header once, with the first range)", () => {
    const people = tiesCsvCells(network.people());
    expect(ties.pairCount).toBeGreaterThan(12_345);
    for (const cut of [0, 1, 12_345, ties.pairCount - 1, ties.pairCount]) {
      const first = joined(tiesCsvRowBytes(people, ties, 0, cut, { header: true, chunkBytes: 1 << 13 })).bytes;
      const rest = joined(tiesCsvRowBytes(people, ties, cut, ties.pairCount, { chunkBytes: 1 << 13 })).bytes;
      expect(text(joined([first, rest]).bytes), `cut at ${cut}`).toBe(whole);
    }
    // a range alone: its rows and nothing else (the header is 1 line, row k is line k + 2)
    const lines = whole.split("\r\n");
    expect(text(joined(tiesCsvRowBytes(people, ties, 100, 103)).bytes)).toBe(lines.slice(101, 104).join("\r\n") + "\r\n");
  });

  it("encodes each person's two cells once, quoted as the CSV quotes them", () => {
    const cells = tiesCsvCells([{ id: "ann", name: "Ann, Lee" }, { id: "bé", name: 'Bo "B"' }, { id: "=x", name: "" }]);
    const cell = (i: number): string => text(cells.bytes.subarray(cells.start[i], cells.end[i]));
    // a comma or a quote quotes the cell (quotes doubled); a leading = is guarded with a quote mark; "é" takes 2 bytes
    expect([cell(0), cell(1), cell(2)]).toEqual(['ann,"Ann, Lee"', 'bé,"Bo ""B"""', "'=x,"]);
    // b (1 byte) é (2) , (1) "Bo ""B""" (10)
    expect(cells.end[1]! - cells.start[1]!).toBe(14);
  });

  it("with a tail written elsewhere from the export's own index, writes the first rows here and joins the tail's chunks: the same bytes", async () => {
    const tail = tailFrom(ties.pairCount >> 1);
    expect(text(await gathered(exportTiesCsvBytesWithTail(network, {}, tail)))).toBe(whole);
    expect(tail.asked).toBe(1);
  });

  it("writes every row here when the tail fails, or comes from another index (then it is not even asked)", async () => {
    const failing = { ...tailFrom(1000), rows: () => Promise.resolve(undefined) };
    expect(text(await gathered(exportTiesCsvBytesWithTail(network, {}, failing)))).toBe(whole);
    // the index of the ties with confidential exchanges in: not the one this export (confidential left out) reads
    const other = tailFrom(1000, directedTies(network, { excludeConfidential: false }));
    expect(text(await gathered(exportTiesCsvBytesWithTail(network, {}, other)))).toBe(whole);
    expect(other.asked).toBe(0);
    const disclosed = tailFrom(1000, directedTies(network, { excludeConfidential: false }));
    expect(text(await gathered(exportTiesCsvBytesWithTail(network, { includeConfidential: true }, disclosed)))).toBe(text(tiesBytes(network, { includeConfidential: true }).bytes));
    expect(disclosed.asked).toBe(1);
    expect(text(await gathered(exportTiesCsvBytesWithTail(network, {}, undefined)))).toBe(whole);
  });
});

// ------------------------------------------------------------ graphology JSON as bytes

const jsonBytes = (network: Network, options: Parameters<typeof exportGraphologyJsonBytes>[1] = {}) => joined(exportGraphologyJsonBytes(network, options));

describe("exportGraphologyJsonBytes", () => {
  it("writes the UTF-8 of exportGraphologyJson on the sample network and every research dataset, every graph, compact and indented, with and without disclosure (SHA-256 of the old output)", () => {
    let checked = 0;
    for (const [name, load] of Object.entries(manifestNetworks())) {
      const network = load();
      for (const [tag, disclose] of [["", {}], ["+all", { includeConfidential: true, includeNotes: true }]] as const) {
        for (const graph of GRAPHS) {
          expect(sha256(jsonBytes(network, { ...disclose, graph }).bytes), `${name} json-${graph}${tag}`).toBe(manifest[name]![`json-${graph}${tag}`]);
          expect(sha256(jsonBytes(network, { ...disclose, graph, pretty: true }).bytes), `${name} json-pretty-${graph}${tag}`).toBe(manifest[name]![`json-pretty-${graph}${tag}`]);
          checked += 2;
        }
      }
    }
    expect(checked).toBe(Object.keys(manifest).length * 12);
  });

  it("writes the UTF-8 of exportGraphologyJson on random networks with awkward names, in chunks of any size", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(awkwardNetwork, fc.integer({ min: 1, max: 400 }), fc.boolean(), (data, chunkBytes, pretty) => {
        const network = Network.from(data);
        for (const d of DISCLOSURES) for (const graph of GRAPHS) expect(jsonBytes(network, { ...d, graph, pretty, chunkBytes }).bytes).toEqual(encoder.encode(exportGraphologyJson(network, { ...d, graph, pretty })));
      }),
      { numRuns: 40 },
    );
  });

  it("numbers the edges past one digit as the text does, and hands out chunks of about the size asked", () => {
    const network = generateNetwork({ seed: 7, people: 3000, exchanges: 40_000 });
    for (const graph of ["ties", "relationships"] as const) {
      const { bytes, chunks } = jsonBytes(network, { graph, pretty: true, chunkBytes: 1 << 14 });
      const text = new TextDecoder().decode(bytes);
      expect(text).toBe(exportGraphologyJson(network, { graph, pretty: true }));
      // edges t0 … t(n-1): the 12,345th is there with its key
      expect(text).toContain(`"key": "${graph === "ties" ? "t" : "r"}12345"`);
      expect(chunks.length).toBeGreaterThan(10);
      for (const [i, chunk] of chunks.entries()) {
        if (i < chunks.length - 1) expect(chunk.length).toBeGreaterThanOrEqual(1 << 14);
        // a chunk is taken once it is full: at most an element (or a batch of nodes) past the size
        expect(chunk.length).toBeLessThan(1 << 20);
      }
    }
  });
});

describe("the graphology JSON's tie edges in two parts (tieEdgeJsonBytes, exportGraphologyJsonBytesWithTail)", () => {
  const network = generateNetwork({ seed: 7, people: 3000, exchanges: 40_000, confidentialShare: 0.1 });
  const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
  const ties = directedTies(network, { excludeConfidential: true });
  // compared as text: a deep comparison of megabytes of array is slow
  const whole = (options: { pretty?: boolean; includeConfidential?: boolean } = {}): string => text(jsonBytes(network, options).bytes);
  const gathered = async (chunks: AsyncIterable<Uint8Array>): Promise<string> => {
    const kept: Uint8Array[] = [];
    for await (const chunk of chunks) kept.push(chunk.slice());
    return text(joined(kept).bytes);
  };
  /** A tail written from a copy of the ties' columns from `from` on (as the worker thread keeps them), in small own chunks. */
  const tailFrom = (from: number, index = ties): GraphologyJsonTail & { asked: number; indents: number[] } => {
    const columns = { source: index.source.slice(from), target: index.target.slice(from), strength: index.strength.slice(from), givenValue: index.givenValue.slice(from), count: index.count.slice(from), givingCount: index.givingCount.slice(from), firstDay: index.firstDay.slice(from), lastDay: index.lastDay.slice(from) };
    const tail = {
      index,
      from,
      asked: 0,
      indents: [] as number[],
      edges: (keys: GraphologyJsonKeys, indent: number) => {
        tail.asked++;
        tail.indents.push(indent);
        return Promise.resolve([...tieEdgeJsonBytes(keys, columns, 0, index.pairCount - from, { offset: from, total: index.pairCount, indent, chunkBytes: 1 << 12, ownChunks: true })]);
      },
    };
    return tail;
  };

  it("gives, range by range and joined in order, the document's edges exactly (the first opens the list, the last closes it)", () => {
    const keys = graphologyJsonKeys(network.people());
    expect(ties.pairCount).toBeGreaterThan(12_345);
    for (const indent of [0, 2]) {
      const document = whole({ pretty: indent === 2 });
      const all = text(joined(tieEdgeJsonBytes(keys, ties, 0, ties.pairCount, { offset: 0, total: ties.pairCount, indent })).bytes);
      // the edges stand between the list's "[" and the document's closing "]" and "}"
      const open = document.indexOf(indent ? '"edges": [' : '"edges":[') + (indent ? 10 : 9);
      const close = document.length - (indent ? "\n  ]\n}".length : "]}".length);
      expect(all).toBe(document.slice(open, close));
      for (const cut of [0, 1, 12_345, ties.pairCount - 1, ties.pairCount]) {
        // the second range from a copy of the columns from the cut on, numbered from the cut
        const rest = { source: ties.source.slice(cut), target: ties.target.slice(cut), strength: ties.strength.slice(cut), givenValue: ties.givenValue.slice(cut), count: ties.count.slice(cut), givingCount: ties.givingCount.slice(cut), firstDay: ties.firstDay.slice(cut), lastDay: ties.lastDay.slice(cut) };
        const first = joined(tieEdgeJsonBytes(keys, ties, 0, cut, { offset: 0, total: ties.pairCount, indent, chunkBytes: 1 << 13 })).bytes;
        const second = joined(tieEdgeJsonBytes(keys, rest, 0, ties.pairCount - cut, { offset: cut, total: ties.pairCount, indent, chunkBytes: 1 << 13 })).bytes;
        expect(text(joined([first, second]).bytes), `cut at ${cut}, indent ${indent}`).toBe(all);
      }
    }
    // one edge alone, compact: edge 100 with its key, followed by the comma and opening of edge 101
    const one = text(joined(tieEdgeJsonBytes(keys, ties, 100, 101, { offset: 0, total: ties.pairCount, indent: 0 })).bytes);
    expect(one.startsWith('100","source":')).toBe(true);
    expect(one.endsWith('}},{"key":"t')).toBe(true);
  });

  it("quotes each person's key once, as JSON.stringify quotes it", () => {
    const keys = graphologyJsonKeys([{ id: "ann" }, { id: 'b"é' }, { id: "\u0001" }]);
    const key = (i: number): string => text(keys.bytes.subarray(keys.start[i], keys.end[i]));
    expect([key(0), key(1), key(2)]).toEqual(['"ann"', '"b\\"é"', '"\\u0001"']);
    // " b \ " é (2 bytes) " : 7 bytes
    expect(keys.end[1]! - keys.start[1]!).toBe(7);
  });

  it("with a tail written elsewhere from the export's own index, writes the nodes and first edges here and joins the tail's chunks: the same bytes, compact and indented", async () => {
    for (const pretty of [false, true]) {
      const tail = tailFrom(Math.floor(ties.pairCount / 3));
      expect(await gathered(exportGraphologyJsonBytesWithTail(network, { pretty, chunkBytes: 1 << 14 }, tail))).toBe(whole({ pretty }));
      expect(tail.asked).toBe(1);
      expect(tail.indents).toEqual([pretty ? 2 : 0]);
    }
  });

  it("writes every edge here when the tail fails, comes from another index or the graph is not the ties (then it is not even asked)", async () => {
    const failing = { ...tailFrom(1000), edges: () => Promise.resolve(undefined) };
    expect(await gathered(exportGraphologyJsonBytesWithTail(network, {}, failing))).toBe(whole());
    // the index of the ties with confidential exchanges in: not the one this export (confidential left out) reads
    const other = tailFrom(1000, directedTies(network, { excludeConfidential: false }));
    expect(await gathered(exportGraphologyJsonBytesWithTail(network, {}, other))).toBe(whole());
    expect(other.asked).toBe(0);
    const relationships = tailFrom(1000);
    expect(await gathered(exportGraphologyJsonBytesWithTail(network, { graph: "relationships" }, relationships))).toBe(text(jsonBytes(network, { graph: "relationships" }).bytes));
    expect(relationships.asked).toBe(0);
    const disclosed = tailFrom(1000, directedTies(network, { excludeConfidential: false }));
    expect(await gathered(exportGraphologyJsonBytesWithTail(network, { includeConfidential: true }, disclosed))).toBe(whole({ includeConfidential: true }));
    expect(disclosed.asked).toBe(1);
    expect(await gathered(exportGraphologyJsonBytesWithTail(network, {}, undefined))).toBe(whole());
  });
});
