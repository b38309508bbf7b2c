// A tie index built apart from its network (buildTieIndex on the exchanges of a columnar copy,
// decodeExchangeSource: what the CLI's worker thread does while the main thread decodes the
// whole copy) and then adopted (adoptTieIndex) must be, bit for bit, the index the network
// would have built itself for the same options, redacted or not; an index that does not fit the
// network as it is (another reference day, half-life, person count or confidentiality) is refused
// and the network builds its own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betweennessWithinBudget, createPathIndex, decodeNetworkColumns, directedTies, encodeNetworkColumns, generateNetwork, relationships, type DirectedTies, type Network, type Relationships, type TieIndexOptions } from "@tiegraph/core";
import { adoptPathHits, adoptRouteGraph, adoptTieIndex, betweennessSample, buildRouteGraph, buildTieIndex, decodeExchangeSource, exchangeSourceExtent, routeGraphOf, sampledPathHits } from "@tiegraph/core/internal";

const SOURCE = "c".repeat(64);

/** The bytes of every typed array of an index, by name, and its scalars. */
function bitsOf(index: DirectedTies | Relationships): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(index)) {
    out[key] = ArrayBuffer.isView(value) ? `${value.constructor.name}:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64")}` : (value as number);
  }
  return out;
}

/** The index the network builds itself for these options. */
function ownIndex(network: Network, kind: "directed" | "relationships", options: TieIndexOptions): DirectedTies | Relationships {
  return kind === "directed" ? directedTies(network, options) : relationships(network, options);
}

/** A generated network (with confidential exchanges and notes) through its columnar copy, as a command reads it. */
function copied(seed: number, people: number, exchanges: number, halfLifeDays: number | undefined): Uint8Array {
  const net = generateNetwork({ seed, people, exchanges });
  if (halfLifeDays !== undefined) net.setSettings({ ...net.settings, halfLifeDays });
  return encodeNetworkColumns(net, SOURCE);
}

describe("a tie index built from a columnar copy's exchanges and adopted", () => {
  it("is the index the decoded network builds itself, bit for bit, redacted or not, for either kind and any reference day", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat(1000),
          people: fc.integer({ min: 3, max: 40 }),
          exchanges: fc.integer({ min: 0, max: 300 }),
          halfLifeDays: fc.option(fc.constantFrom(30, 365.25), { nil: undefined }),
          kind: fc.constantFrom("directed" as const, "relationships" as const),
          includeConfidential: fc.boolean(),
          // redacted as an analysis command reads it, or kept whole and asked to leave confidential exchanges out (an export)
          redact: fc.boolean(),
          // no day (the last exchange counted), a day inside the generated span (some exchanges come after it), far beyond
          asOf: fc.option(fc.constantFrom(20200, 20500, 40000), { nil: undefined }),
        }),
        ({ seed, people, exchanges, halfLifeDays, kind, includeConfidential, redact, asOf }) => {
          const bytes = copied(seed, people, exchanges, halfLifeDays);
          const ex = decodeExchangeSource(bytes.slice(), SOURCE)!;
          expect(ex.halfLifeDays).toBe(halfLifeDays);
          const options: TieIndexOptions = { excludeConfidential: !includeConfidential, ...(asOf !== undefined ? { asOf } : {}) };
          const built = buildTieIndex(kind, ex, { ...options, ...(ex.halfLifeDays !== undefined ? { halfLifeDays: ex.halfLifeDays } : {}) });
          // each decode takes over the buffer it is given (and redaction moves its columns): a copy each
          const read = (): Network => {
            const net = decodeNetworkColumns(bytes.slice(), SOURCE)!;
            if (redact && !includeConfidential) net.removeConfidential();
            return net;
          };
          const network = read();
          expect(adoptTieIndex(network, built, options)).toBe(true);
          // taken as the network's own: no second build
          expect(ownIndex(network, kind, options)).toBe(built.index);
          expect(bitsOf(built.index)).toEqual(bitsOf(ownIndex(read(), kind, options)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads from the copy exactly the exchange columns, person count and half-life of the decoded network", () => {
    const bytes = copied(3, 50, 800, 90);
    const ex = decodeExchangeSource(bytes, SOURCE)!;
    const net = decodeNetworkColumns(bytes, SOURCE)!;
    expect(ex.personCount).toBe(net.personCount);
    expect(ex.halfLifeDays).toBe(90);
    const got = ex.exchangeColumns();
    const want = net.exchangeColumns();
    expect(got.count).toBe(800);
    for (const key of ["from", "to", "day", "kind", "value", "minutes", "confidential", "format"] as const) expect(Array.from(got[key]), key).toEqual(Array.from(want[key]));
    // the generated network holds confidential exchanges, so the column is not trivially all zero
    expect(got.confidential.includes(1)).toBe(true);
  });

  it("needs only the header and the exchange columns, which exchangeSourceExtent locates from the first bytes", () => {
    const bytes = copied(6, 40, 500, 60);
    const extent = exchangeSourceExtent(bytes.subarray(0, 4096))!;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { records: number; ids: number; names: number; peopleText: number; people: number; extras: number; count: number };
    expect(extent.header).toBe(12 + headerLength);
    const align8 = (n: number) => (n + 7) & ~7;
    // after the records: the ids, the names, the people's records, their starts (an int32 per person and one more), the extras
    const people = align8(align8(align8(12 + headerLength + header.records) + header.ids) + header.names);
    expect(header.people).toBe(41); // 40 and ego
    expect(extent.from).toBe(align8(align8(people + header.peopleText) + align8(4 * 42) + header.extras));
    // from, to, day (int32), kind (uint8), value (float64), minutes (float32), flags and format (uint8), each from a multiple of 8
    const n = header.count;
    expect(n).toBe(500);
    expect(extent.to).toBe(extent.from + 3 * align8(4 * n) + align8(n) + align8(8 * n) + align8(4 * n) + 2 * align8(n));
    // those bytes alone, the records, extras and the rest zero or cut: the same exchanges
    const sparse = new Uint8Array(extent.to);
    sparse.set(bytes.subarray(0, extent.header));
    sparse.set(bytes.subarray(extent.from, extent.to), extent.from);
    const got = decodeExchangeSource(sparse, SOURCE)!.exchangeColumns();
    const want = decodeExchangeSource(bytes.slice(), SOURCE)!.exchangeColumns();
    for (const key of ["from", "to", "day", "kind", "value", "minutes", "confidential", "format"] as const) expect(Array.from(got[key]), key).toEqual(Array.from(want[key]));
    // first bytes that hold less than the header, or no copy: undefined
    expect(exchangeSourceExtent(bytes.subarray(0, extent.header - 1))).toBeUndefined();
    expect(exchangeSourceExtent(bytes.subarray(0, 11))).toBeUndefined();
    expect(exchangeSourceExtent(new TextEncoder().encode('{"people":[]}'.padEnd(200)))).toBeUndefined();
  });

  it("reads nothing from bytes that are not a copy of that source, or name a person out of range", () => {
    const bytes = copied(4, 20, 100, undefined);
    expect(decodeExchangeSource(bytes, "d".repeat(64))).toBeUndefined();
    expect(decodeExchangeSource(new TextEncoder().encode('{"people":[]}'), SOURCE)).toBeUndefined();
    expect(decodeExchangeSource(bytes.subarray(0, 40), SOURCE)).toBeUndefined();
    // the first `from` made 25 (there are 21 people: 20 and ego): the header says where the columns start
    const net = decodeNetworkColumns(bytes, SOURCE)!;
    const from = net.exchangeColumns().from;
    const damaged = bytes.slice();
    const at = Buffer.from(damaged.buffer).indexOf(Buffer.from(from.buffer, from.byteOffset, 400));
    expect(at).toBeGreaterThan(0);
    new DataView(damaged.buffer).setInt32(at, 25, true);
    expect(decodeExchangeSource(damaged, SOURCE)).toBeUndefined();
  });

  it("is refused when it does not fit the network as it is, which then builds its own", () => {
    const bytes = copied(5, 30, 400, undefined);
    // each decode takes over the buffer it is given (and redaction moves its columns): a copy each
    const ex = decodeExchangeSource(bytes.slice(), SOURCE)!;
    const fresh = (): Network => decodeNetworkColumns(bytes.slice(), SOURCE)!;
    const redacted = (): Network => {
      const net = fresh();
      net.removeConfidential();
      return net;
    };
    const last = directedTies(fresh(), { excludeConfidential: true }).asOf;
    // another reference day than the one the network settles on
    const early = buildTieIndex("directed", ex, { excludeConfidential: true, asOf: last - 30 });
    let net = redacted();
    expect(adoptTieIndex(net, early, {})).toBe(false);
    expect(directedTies(net)).not.toBe(early.index);
    expect(directedTies(net).asOf).toBe(last);
    // built with the confidential exchanges in, offered to a network they were removed from (Σ count differs)
    const whole = buildTieIndex("directed", ex, { asOf: last });
    expect(adoptTieIndex(redacted(), whole, { asOf: last })).toBe(false);
    // built without them, offered to a network that keeps them and is asked to count them
    const open = buildTieIndex("relationships", ex, { excludeConfidential: true });
    expect(adoptTieIndex(fresh(), open, {})).toBe(false);
    // and with them, to one asked to leave them out
    expect(adoptTieIndex(fresh(), buildTieIndex("relationships", ex, {}), { excludeConfidential: true })).toBe(false);
    // another half-life than the network's (the default, 180 days)
    expect(adoptTieIndex(redacted(), buildTieIndex("directed", ex, { excludeConfidential: true, halfLifeDays: 90 }), {})).toBe(false);
    // another network (another person count)
    const other = decodeExchangeSource(copied(5, 31, 400, undefined), SOURCE)!;
    net = redacted();
    expect(adoptTieIndex(net, buildTieIndex("directed", other, { excludeConfidential: true }), {})).toBe(false);
    // while the fitting ones are taken
    expect(adoptTieIndex(redacted(), buildTieIndex("directed", ex, { excludeConfidential: true }), {})).toBe(true);
    expect(adoptTieIndex(fresh(), buildTieIndex("directed", ex, {}), {})).toBe(true);
    expect(adoptTieIndex(fresh(), open, { excludeConfidential: true })).toBe(true);
  });
});

describe("shortest paths sampled for betweenness on another thread's copy of the tie index", () => {
  const bytesOf = (x: Float64Array): string => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("base64");
  // what the worker keeps of the index it sends: its own copies of the adjacency
  const adjacencyCopy = (t: DirectedTies) => ({ nodeCount: t.nodeCount, pairCount: t.pairCount, offsets: t.offsets.slice(), source: t.source.slice(), target: t.target.slice() });

  it("are the paths the index itself samples, bit for bit, and once adopted betweenness reads them", () => {
    const make = (): Network => generateNetwork({ seed: 9, people: 400, exchanges: 3000 });
    const ties = directedTies(make());
    const here = sampledPathHits(ties, 2e5, 100, 3);
    expect(here.samples).toBeGreaterThan(100);
    // asked again: the same sample, not another
    expect(sampledPathHits(ties, 2e5, 100, 3)).toBe(here);
    const there = sampledPathHits(adjacencyCopy(ties), 2e5, 100, 3);
    expect(there.samples).toBe(here.samples);
    expect(bytesOf(there.hits)).toBe(bytesOf(here.hits));
    // a fresh network's index takes the other thread's sample, and betweenness is what it computes itself
    const options = { budget: 2e5, exactBudget: 0, seed: 3 };
    const network = make();
    const own = directedTies(network);
    expect(adoptPathHits(own, 2e5, 100, 3, there)).toBe(true);
    const got = betweennessWithinBudget(network, { ...options, ties: own });
    const fresh = make();
    const want = betweennessWithinBudget(fresh, { ...options, ties: directedTies(fresh) });
    expect(got.exact).toBe(false);
    expect(got.samples).toBe(want.samples);
    expect(got.values).toEqual(want.values);
    // and it is the adopted sample that is read: hits of one person only give that person alone
    // a value, n / ((n − 2) · samples) per hit, and everyone else 0
    const doctored = make();
    const dt = directedTies(doctored);
    const hits = new Float64Array(dt.nodeCount);
    hits[5] = 10;
    expect(adoptPathHits(dt, 2e5, 100, 3, { hits, samples: 1000 })).toBe(true);
    const n = dt.nodeCount;
    const read = betweennessWithinBudget(doctored, { ...options, ties: dt });
    expect(read.samples).toBe(1000);
    expect(read.values[doctored.personAt(5).id]).toBeCloseTo((10 * n) / ((n - 2) * 1000), 12);
    expect(Object.values(read.values).filter((v) => v !== 0)).toHaveLength(1);
  });

  it("are refused when they cannot be the index's: another length, or fewer paths than the least sampled", () => {
    const ties = directedTies(generateNetwork({ seed: 2, people: 50, exchanges: 300 }));
    expect(adoptPathHits(ties, 2e5, 100, 3, { hits: new Float64Array(ties.nodeCount + 1), samples: 500 })).toBe(false);
    expect(adoptPathHits(ties, 2e5, 100, 3, { hits: new Float64Array(ties.nodeCount), samples: 99 })).toBe(false);
    expect(adoptPathHits(ties, 2e5, 100, 3, { hits: new Float64Array(ties.nodeCount), samples: 2.5 })).toBe(false);
  });

  it("are taken exactly when betweennessWithinBudget samples: 2 · people · ties above the exact budget", () => {
    // 2 · 100,000 · 900,000 = 1.8·10¹¹ > 2·10⁸: sampled with the defaults
    expect(betweennessSample(100_000, 900_000)).toEqual({ budget: 2e7, minimumSamples: 100, seed: 1 });
    // 2 · 1,000 · 100,000 = 2·10⁸, not above it: exact
    expect(betweennessSample(1000, 100_000)).toBeUndefined();
    expect(betweennessSample(1000, 100_001)).toEqual({ budget: 2e7, minimumSamples: 100, seed: 1 });
    // fewer than 3 people, or exact asked: exact
    expect(betweennessSample(2, 1e9)).toBeUndefined();
    expect(betweennessSample(100_000, 900_000, { mode: "exact" })).toBeUndefined();
    expect(betweennessSample(100_000, 900_000, { budget: 5e6, seed: 4 })).toEqual({ budget: 5e6, minimumSamples: 100, seed: 4 });
  });
});

describe("the route graph of introduction paths built on another thread beside the relationships", () => {
  it("is the graph the path index builds itself, bit for bit, and once adopted the path index walks it", () => {
    const bytes = copied(8, 300, 2500, undefined);
    const ex = decodeExchangeSource(bytes.slice(), SOURCE)!;
    const built = buildTieIndex("relationships", ex, { excludeConfidential: true });
    const rel = built.index as Relationships;
    const graph = buildRouteGraph(rel, rel.strength);
    const network = decodeNetworkColumns(bytes.slice(), SOURCE)!;
    network.removeConfidential();
    expect(adoptTieIndex(network, built, {})).toBe(true);
    expect(adoptRouteGraph(rel, graph)).toBe(true);
    expect(routeGraphOf(rel, rel.strength)).toBe(graph);
    expect(createPathIndex(network).graph).toBe(graph);
    // the path index of a network that built everything itself walks the same graph
    const fresh = decodeNetworkColumns(bytes.slice(), SOURCE)!;
    fresh.removeConfidential();
    const own = createPathIndex(fresh).graph;
    expect(own).not.toBe(graph);
    expect(bitsOf(graph as unknown as Relationships)).toEqual(bitsOf(own as unknown as Relationships));
    // weights other than the index's own strengths get a graph of their own
    const other = new Float64Array(rel.pairCount).fill(0.5);
    expect(routeGraphOf(rel, other)).not.toBe(graph);
  });

  it("is refused when its shape is not the relationships'", () => {
    const net = generateNetwork({ seed: 6, people: 60, exchanges: 400 });
    const rel = relationships(net);
    const other = relationships(generateNetwork({ seed: 7, people: 60, exchanges: 400 }));
    expect(adoptRouteGraph(rel, buildRouteGraph(other, other.strength))).toBe(false);
    const graph = buildRouteGraph(rel, rel.strength);
    expect(adoptRouteGraph(rel, { ...graph, cost: graph.cost.subarray(1) })).toBe(false);
    expect(adoptRouteGraph(relationships(generateNetwork({ seed: 6, people: 61, exchanges: 400 })), graph)).toBe(false);
  });
});
