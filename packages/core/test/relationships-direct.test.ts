// The relationship index built straight from the exchanges (relationshipsFromExchanges, which
// `relationships` uses when the directed ties of the same options are not built yet) must equal,
// array by array and bit by bit, the one made from the directed ties (the path `relationships`
// takes when `directedTies` of the same options was asked first). The directed-based index is
// obtained through the public API: `directedTies(net, o)` first, then `relationships(net, o)`.
// The direct one is compared twice: called itself (options resolved here), and through
// `relationships` on a fresh copy of the network (nothing built yet, so it goes direct).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIE_STRENGTH_OPTIONS,
  Network,
  defaultAsOf,
  directedTies,
  generateNetwork,
  loadEmailEuCore,
  loadKrackhardt,
  loadLazega,
  loadPadgett,
  parseDay,
  relationships,
  type Exchange,
  type ExchangeKind,
  type NetworkData,
  type Relationships,
  type TieIndexOptions,
} from "@tiegraph/core";
import { relationshipsFromExchanges } from "../src/graph/relationships-from-exchanges.js";
import { DATASETS } from "./datasets-path.js";

const ARRAYS = ["a", "b", "strength", "count", "lastDay", "confidentialOnly", "offsets", "neighbor", "pair"] as const;

/** The bytes of a typed array. */
const bytes = (x: Int32Array | Float64Array | Uint8Array): Buffer => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

/** Every array of the same type and length with the same bytes, and the same pair count, node count and reference day. */
function expectSameBits(got: Relationships, want: Relationships, label: string): void {
  expect(got.nodeCount, `${label}: nodeCount`).toBe(want.nodeCount);
  expect(got.pairCount, `${label}: pairCount`).toBe(want.pairCount);
  expect(got.asOf, `${label}: asOf`).toBe(want.asOf);
  for (const key of ARRAYS) {
    const g = got[key];
    const w = want[key];
    expect(g.constructor, `${label}: ${key} type`).toBe(w.constructor);
    expect(g.length, `${label}: ${key} length`).toBe(w.length);
    // the first differing entry, for a readable failure, then the bytes themselves (float bits)
    const firstDiff = Array.from(g as ArrayLike<number>).findIndex((v, i) => !Object.is(v, w[i]));
    expect(firstDiff, `${label}: ${key}: first differing entry`).toBe(-1);
    expect(bytes(g).equals(bytes(w)), `${label}: ${key} bytes`).toBe(true);
  }
}

/** Options settled as `relationships` settles them (the network's half-life, the default reference day). */
function resolved(network: Network, o: TieIndexOptions): typeof DEFAULT_TIE_STRENGTH_OPTIONS & { asOf: number } {
  return {
    halfLifeDays: o.halfLifeDays ?? network.settings.halfLifeDays ?? DEFAULT_TIE_STRENGTH_OPTIONS.halfLifeDays,
    saturation: o.saturation ?? DEFAULT_TIE_STRENGTH_OPTIONS.saturation,
    floor: o.floor ?? DEFAULT_TIE_STRENGTH_OPTIONS.floor,
    asOf: o.asOf ?? defaultAsOf(network, { excludeConfidential: o.excludeConfidential === true }),
  };
}

/**
 * Checks the direct build against the directed-based one for a network made by `make`
 * (called three times: each build starts from a network with nothing built) and returns the index.
 */
function expectDirectSameAsDirected(make: () => Network, o: TieIndexOptions, label: string): Relationships {
  const old = make();
  directedTies(old, o);
  const want = relationships(old, o);
  const direct = make();
  expectSameBits(relationshipsFromExchanges(direct, resolved(direct, o), o.excludeConfidential === true), want, `${label} (builder)`);
  const fresh = make();
  const got = relationships(fresh, o);
  expectSameBits(got, want, `${label} (relationships, nothing built)`);
  // and the directed ties asked afterwards change nothing already given
  directedTies(fresh, o);
  expect(relationships(fresh, o)).toBe(got);
  return got;
}

const KINDS: ExchangeKind[] = ["information", "favour", "gesture", "meeting", "connection"];
const BASE = Date.UTC(2024, 0, 1);
const dateOf = (offset: number): string => new Date(BASE + offset * 86400000).toISOString().slice(0, 10);

interface Case {
  data: NetworkData;
  options: TieIndexOptions;
}

// small networks so that one-way pairs, two-way pairs, repeated exchanges and confidential-only pairs are common;
// the reference day falls inside the exchanges' span (some come after it), on its last day or far beyond (ages past the decay table)
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 2, max: 7 }),
    raw: fc.array(
      fc.record({
        from: fc.nat(6),
        step: fc.nat(5),
        day: fc.integer({ min: 0, max: 400 }),
        kind: fc.constantFrom(...KINDS),
        value: fc.option(fc.constantFrom(0, 0.5, 1, 2.5, 7, 1e-9, 1234.5678), { nil: undefined }),
        confidential: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
    networkHalfLife: fc.option(fc.constantFrom(7, 90, 365.25), { nil: undefined }),
    excludeConfidential: fc.boolean(),
    halfLifeDays: fc.option(fc.constantFrom(1, 30, 180, 1000), { nil: undefined }),
    asOf: fc.option(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(40000)), { nil: undefined }),
    strength: fc.option(fc.record({ saturation: fc.constantFrom(0.5, 2, 4), floor: fc.constantFrom(0, 0.01, 0.3) }), { nil: undefined }),
  })
  .map(({ n, raw, networkHalfLife, excludeConfidential, halfLifeDays, asOf, strength }): Case => {
    const id = (i: number) => `p${i}`;
    const exchanges: Exchange[] = raw.map((x) => {
      const from = x.from % n;
      // a different person: from + 1 … from + n − 1 (mod n)
      const to = (from + 1 + (x.step % (n - 1))) % n;
      return { date: dateOf(x.day), kind: x.kind, from: id(from), to: id(to), ...(x.value === undefined ? {} : { value: x.value }), ...(x.confidential ? { confidential: true } : {}) };
    });
    const options: TieIndexOptions = { excludeConfidential, ...(halfLifeDays === undefined ? {} : { halfLifeDays }), ...(asOf === undefined ? {} : { asOf: parseDay(dateOf(0))! + asOf }), ...strength };
    return {
      data: { people: Array.from({ length: n }, (_, i) => ({ id: id(i), name: `P${i}` })), exchanges, ...(networkHalfLife === undefined ? {} : { settings: { halfLifeDays: networkHalfLife } }) },
      options,
    };
  });

describe("relationships straight from the exchanges equal those from the directed ties", () => {
  it("on random small networks, bit for bit, with and without confidential exchanges", () => {
    fc.assert(
      fc.property(caseArb, ({ data, options }) => {
        const make = () => Network.from(structuredClone(data));
        expectDirectSameAsDirected(make, options, JSON.stringify(options));
        // the other confidentiality choice on the same network, same other options
        expectDirectSameAsDirected(make, { ...options, excludeConfidential: !options.excludeConfidential }, `${JSON.stringify(options)} flipped`);
      }),
      { numRuns: 400 },
    );
  });

  it("on a hand-made network: pair order by owner, sums per direction, confidential and later exchanges", () => {
    // p0 → p1 value 3 on the reference day D, p1 → p0 value 2 one half-life (180 days) before;
    // p2 → p0 only (owner p2, after p1 in owner order); p1 → p3 in confidence on D; p3 → p1 the day after D (not counted)
    const D = "2024-06-29";
    const data: NetworkData = {
      people: [0, 1, 2, 3].map((i) => ({ id: `p${i}`, name: `P${i}` })),
      exchanges: [
        { date: D, kind: "favour", from: "p0", to: "p1", value: 3 },
        { date: "2024-01-01", kind: "information", from: "p1", to: "p0", value: 2 },
        { date: "2024-05-30", kind: "information", from: "p2", to: "p0", value: 1 },
        { date: D, kind: "favour", from: "p1", to: "p3", value: 1, confidential: true },
        { date: "2024-06-30", kind: "favour", from: "p3", to: "p1", value: 5 },
      ],
    };
    const asOf = parseDay(D)!;
    expect(asOf - parseDay("2024-01-01")!).toBe(180);
    const make = () => Network.from(structuredClone(data));
    const rel = expectDirectSameAsDirected(make, { asOf, halfLifeDays: 180 }, "hand-made");
    // owners: {0,1} → 0 (p0 gave), {1,3} → 1, {0,2} → 2 (only p2 gave): order (0,1), (1,3), (2,0)
    expect(Array.from(rel.a)).toEqual([0, 1, 0]);
    expect(Array.from(rel.b)).toEqual([1, 3, 2]);
    expect(Array.from(rel.count)).toEqual([2, 1, 1]);
    expect(Array.from(rel.lastDay)).toEqual([asOf, asOf, asOf - 30]);
    expect(Array.from(rel.confidentialOnly)).toEqual([0, 1, 0]);
    // {0,1}: 3 + 2·½ = 4 → 1 − e^(−4/4); {1,3}: 1 → 1 − e^(−1/4); {0,2}: 1·2^(−30/180) → 1 − e^(−2^(−1/6)/4)
    expect(rel.strength[0]).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(rel.strength[1]).toBeCloseTo(1 - Math.exp(-0.25), 12);
    expect(rel.strength[2]).toBeCloseTo(1 - Math.exp(-Math.pow(2, -1 / 6) / 4), 12);
    // adjacency: p0's pairs 0 (p1) and 2 (p2); p1's 0 (p0) and 1 (p3)
    expect(Array.from(rel.offsets)).toEqual([0, 2, 4, 5, 6]);
    expect(Array.from(rel.neighbor)).toEqual([1, 2, 0, 3, 0, 1]);
    expect(Array.from(rel.pair)).toEqual([0, 2, 0, 1, 2, 1]);
    // leaving confidential exchanges out removes {1,3}
    const open = expectDirectSameAsDirected(make, { asOf, halfLifeDays: 180, excludeConfidential: true }, "hand-made, open only");
    expect(Array.from(open.a)).toEqual([0, 0]);
    expect(Array.from(open.b)).toEqual([1, 2]);
  });

  const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");
  const datasets: Record<string, () => Network> = {
    "padgett-marital": () => loadPadgett(read("padgett_florentine", "Padgett.paj"), "marital").network,
    "krackhardt-advice": () => loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", "Krack-High-Tec-edgelist-Advice.txt") }).network,
    "lazega-advice": () => loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", "ELadv.dat") }).network,
    "email-eu-core": () => loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") }).network,
  };

  it.each(Object.keys(datasets))("on the %s dataset", (name) => {
    const make = datasets[name]!;
    const rel = expectDirectSameAsDirected(make, {}, name);
    expect(rel.pairCount).toBeGreaterThan(0);
    expectDirectSameAsDirected(make, { excludeConfidential: true, halfLifeDays: 30 }, `${name}, half-life 30`);
  });

  it.each([
    { seed: 11, people: 60, exchanges: 5000, relationshipsPerPerson: 50, confidentialShare: 0.25 },
    { seed: 12, people: 3000, exchanges: 20000, confidentialShare: 0.15 },
  ])("on generated network seed $seed ($people people, $exchanges exchanges)", (g) => {
    const make = () => generateNetwork({ ...g, end: "2026-09-30", years: 3 });
    const c = make().exchangeColumns();
    expect(c.confidential.includes(1)).toBe(true);
    let first = Infinity;
    let last = -Infinity;
    for (let e = 0; e < c.count; e++) [first, last] = [Math.min(first, c.day[e]!), Math.max(last, c.day[e]!)];
    const middle = Math.round((first + last) / 2);
    const full = expectDirectSameAsDirected(make, {}, "defaults");
    // rows longer than the insertion-sort limit were taken when asked
    if (g.people === 60) {
      let widest = 0;
      for (let i = 0; i < full.nodeCount; i++) widest = Math.max(widest, full.offsets[i + 1]! - full.offsets[i]!);
      expect(widest).toBeGreaterThan(32);
    }
    expectDirectSameAsDirected(make, { excludeConfidential: true }, "open only");
    expectDirectSameAsDirected(make, { asOf: middle, halfLifeDays: 30 }, "middle");
    expectDirectSameAsDirected(make, { asOf: middle, excludeConfidential: true, saturation: 2, floor: 0.05 }, "middle, open only");
    expectDirectSameAsDirected(make, { asOf: last + 40000 }, "far beyond");
  });
});
