// The tie, relationship, route and per-person indices are built in passes
// laid out for the cache (exchanges grouped by source, relationships written
// once per pair, route rows sorted in place, people read in day order). Whatever the layout, they must equal, bit for bit,
// what the plain definitions give: the reference builds below follow the
// definitions one exchange at a time (a map per pair, sums in exchange order
// from 0, the same per-age Math.exp), with no regard for speed.
// Self-exchanges are refused by validation (model-validate tests), so no
// index ever holds a self-loop.
import { describe, expect, it } from "vitest";
import { Network, directedTies, generateNetwork, relationships, strengthFromSum, type DirectedTies, type Relationships, type TieIndexOptions } from "@tiegraph/core";
import { TOUCHPOINT_CODES } from "../src/model/exchange-store.js";
import { buildRouteGraph } from "../src/paths/route-graph.js";

type Columns = Record<string, ArrayLike<number> | number>;

/** Every array equal element by element with Object.is (so -0 ≠ 0 and the float bits match), and every number equal. */
function expectSameColumns(got: Columns, want: Columns): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const key of Object.keys(want)) {
    const g = got[key]!;
    const w = want[key]!;
    if (typeof w === "number") {
      expect(g, key).toBe(w);
      continue;
    }
    const ga = Array.from(g as ArrayLike<number>);
    const wa = Array.from(w);
    expect(ga.length, `${key} length`).toBe(wa.length);
    const firstDiff = ga.findIndex((v, i) => !Object.is(v, wa[i]));
    expect(firstDiff, `${key}: first differing entry`).toBe(-1);
  }
}

interface PairSums {
  source: number;
  target: number;
  count: number;
  givingCount: number;
  givenValue: number;
  givenDecayed: number;
  decayed: number;
  minutes: number;
  firstDay: number;
  lastDay: number;
  openCount: number;
}

/** Directed ties by definition: one entry per ordered pair, exchanges taken in order. */
function referenceDirected(network: Network, options: TieIndexOptions, asOf: number): DirectedTies {
  const halfLifeDays = options.halfLifeDays ?? network.settings.halfLifeDays ?? 180;
  const strengthOptions = { saturation: options.saturation ?? 4, floor: options.floor ?? 0.01 };
  const lnHalf = -Math.LN2 / halfLifeDays;
  const c = network.exchangeColumns();
  const pairs = new Map<string, PairSums>();
  for (let e = 0; e < c.count; e++) {
    if ((options.excludeConfidential && c.confidential[e]) || c.day[e]! > asOf) continue;
    const key = `${c.from[e]} ${c.to[e]}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { source: c.from[e]!, target: c.to[e]!, count: 0, givingCount: 0, givenValue: 0, givenDecayed: 0, decayed: 0, minutes: 0, firstDay: Infinity, lastDay: -Infinity, openCount: 0 }));
    const age = asOf - c.day[e]!;
    const w = c.value[e]!;
    const dw = w * (age === 0 ? 1 : Math.exp(lnHalf * age));
    p.count++;
    p.decayed += dw;
    if (!TOUCHPOINT_CODES.has(c.kind[e]!)) {
      p.givingCount++;
      p.givenValue += w;
      p.givenDecayed += dw;
    }
    if (!Number.isNaN(c.minutes[e]!)) p.minutes += c.minutes[e]!;
    p.firstDay = Math.min(p.firstDay, c.day[e]!);
    p.lastDay = Math.max(p.lastDay, c.day[e]!);
  }
  const list = [...pairs.values()].sort((x, y) => x.source - y.source || x.target - y.target);
  const n = network.personCount;
  const offsets = new Int32Array(n + 1);
  for (const p of list) offsets[p.source + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const column = <T>(make: new (values: number[]) => T, f: (p: PairSums) => number): T => new make(list.map(f));
  return {
    nodeCount: n,
    pairCount: list.length,
    offsets,
    source: column(Int32Array, (p) => p.source),
    target: column(Int32Array, (p) => p.target),
    count: column(Int32Array, (p) => p.count),
    givingCount: column(Int32Array, (p) => p.givingCount),
    givenValue: column(Float64Array, (p) => p.givenValue),
    givenDecayed: column(Float64Array, (p) => p.givenDecayed),
    decayed: column(Float64Array, (p) => p.decayed),
    minutes: column(Float64Array, (p) => p.minutes),
    firstDay: column(Int32Array, (p) => p.firstDay),
    lastDay: column(Int32Array, (p) => p.lastDay),
    strength: column(Float64Array, (p) => strengthFromSum(p.decayed, strengthOptions)),
    asOf,
  };
}

/**
 * Relationships by definition: a pair made at its lower person's slot (or the
 * higher one's when only that direction exists), both directions' sums added
 * in slot order; rows list each person's pairs in pair order.
 */
function referenceRelationships(network: Network, options: TieIndexOptions, all: DirectedTies): Relationships {
  const strengthOptions = { saturation: options.saturation ?? 4, floor: options.floor ?? 0.01 };
  const slotOf = new Map<string, number>();
  for (let p = 0; p < all.pairCount; p++) slotOf.set(`${all.source[p]} ${all.target[p]}`, p);
  const made: { a: number; b: number; sum: number; count: number; lastDay: number }[] = [];
  const pairOf = new Map<string, number>();
  for (let p = 0; p < all.pairCount; p++) {
    const s = all.source[p]!;
    const t = all.target[p]!;
    if (s < t || !slotOf.has(`${t} ${s}`)) {
      pairOf.set(`${Math.min(s, t)} ${Math.max(s, t)}`, made.length);
      made.push({ a: Math.min(s, t), b: Math.max(s, t), sum: 0, count: 0, lastDay: -2147483648 });
    }
  }
  for (let p = 0; p < all.pairCount; p++) {
    const u = made[pairOf.get(`${Math.min(all.source[p]!, all.target[p]!)} ${Math.max(all.source[p]!, all.target[p]!)}`)!]!;
    u.sum += all.decayed[p]!;
    u.count += all.count[p]!;
    u.lastDay = Math.max(u.lastDay, all.lastDay[p]!);
  }
  // confidential-only: no open exchange of the pair up to the reference day (never, when they were left out)
  const c = network.exchangeColumns();
  const open = new Set<number>();
  for (let e = 0; e < c.count; e++) if (!c.confidential[e] && c.day[e]! <= all.asOf) open.add(pairOf.get(`${Math.min(c.from[e]!, c.to[e]!)} ${Math.max(c.from[e]!, c.to[e]!)}`)!);
  const n = network.personCount;
  const rows: { neighbor: number; pair: number }[][] = Array.from({ length: n }, () => []);
  made.forEach((u, k) => {
    rows[u.a]!.push({ neighbor: u.b, pair: k });
    rows[u.b]!.push({ neighbor: u.a, pair: k });
  });
  const offsets = new Int32Array(n + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i]! + r.length));
  return {
    nodeCount: n,
    pairCount: made.length,
    a: Int32Array.from(made, (u) => u.a),
    b: Int32Array.from(made, (u) => u.b),
    strength: Float64Array.from(made, (u) => strengthFromSum(u.sum, strengthOptions)),
    count: Int32Array.from(made, (u) => u.count),
    lastDay: Int32Array.from(made, (u) => u.lastDay),
    confidentialOnly: Uint8Array.from(made, (_, k) => (options.excludeConfidential || open.has(k) ? 0 : 1)),
    offsets,
    neighbor: Int32Array.from(rows.flat(), (x) => x.neighbor),
    pair: Int32Array.from(rows.flat(), (x) => x.pair),
    asOf: all.asOf,
  };
}

/** The route graph by definition: each person's relationships sorted by neighbour, with the pair's weights. */
function referenceRouteGraph(rel: Relationships): Columns {
  const entries: { neighbor: number; pair: number }[] = [];
  for (let i = 0; i < rel.nodeCount; i++) {
    const row = [];
    for (let q = rel.offsets[i]!; q < rel.offsets[i + 1]!; q++) row.push({ neighbor: rel.neighbor[q]!, pair: rel.pair[q]! });
    entries.push(...row.sort((x, y) => x.neighbor - y.neighbor));
  }
  return {
    nodeCount: rel.nodeCount,
    offsets: rel.offsets,
    neighbor: entries.map((x) => x.neighbor),
    pair: entries.map((x) => x.pair),
    strength: entries.map((x) => rel.strength[x.pair]!),
    cost: entries.map((x) => -Math.log(rel.strength[x.pair]!)),
    confidentialOnly: entries.map((x) => rel.confidentialOnly[x.pair]!),
  };
}

/** Each person's exchanges (either side) by definition: date, then position. */
function referenceByPerson(network: Network, person: number): number[] {
  const c = network.exchangeColumns();
  const mine = [];
  for (let e = 0; e < c.count; e++) if (c.from[e] === person || c.to[e] === person) mine.push(e);
  return mine.sort((x, y) => c.day[x]! - c.day[y]! || x - y);
}

/** Checks every index of `network` under `options` against the reference builds. */
function expectIndicesAsDefined(network: Network, options: TieIndexOptions): void {
  const ties = directedTies(network, options);
  const wantTies = referenceDirected(network, options, ties.asOf);
  expectSameColumns(ties as unknown as Columns, wantTies as unknown as Columns);
  const rel = relationships(network, options);
  expectSameColumns(rel as unknown as Columns, referenceRelationships(network, options, wantTies) as unknown as Columns);
  expectSameColumns(buildRouteGraph(rel, rel.strength) as unknown as Columns, referenceRouteGraph(rel));
}

// small networks with busy people (rows past the insertion-sort limit), larger sparse ones, confidential exchanges throughout
const generated = [
  { seed: 1, people: 40, exchanges: 3000, relationshipsPerPerson: 39, confidentialShare: 0.2 },
  { seed: 2, people: 300, exchanges: 4000, confidentialShare: 0.1 },
  { seed: 3, people: 2500, exchanges: 12000, confidentialShare: 0.3 },
  { seed: 4, people: 120, exchanges: 600, confidentialShare: 0 },
];

describe("the index builds equal the plain definitions", () => {
  it.each(generated)("directed ties, relationships and route graph on generated network seed $seed ($people people, $exchanges exchanges)", (g) => {
    const network = generateNetwork({ ...g, end: "2026-09-30", years: 3 });
    const c = network.exchangeColumns();
    let last = -Infinity;
    let first = Infinity;
    for (let e = 0; e < c.count; e++) [first, last] = [Math.min(first, c.day[e]!), Math.max(last, c.day[e]!)];
    // the generator gave confidential exchanges, meetings with minutes and busy people where asked
    if (g.confidentialShare > 0) expect(c.confidential.includes(1)).toBe(true);
    expect(c.minutes.some((x) => !Number.isNaN(x))).toBe(true);
    const middle = Math.round((first + last) / 2);
    expectIndicesAsDefined(network, {});
    expectIndicesAsDefined(network, { excludeConfidential: true });
    // exchanges after the reference day count nowhere
    expectIndicesAsDefined(network, { asOf: middle, halfLifeDays: 30 });
    expectIndicesAsDefined(network, { asOf: middle, excludeConfidential: true, saturation: 2, floor: 0.05 });
    // a reference day beyond the decay table's ages (about 90 years on)
    expectIndicesAsDefined(network, { asOf: last + 40000 });
  });

  it("a busy person's rows are long enough to take the sort for long rows", () => {
    const network = generateNetwork({ ...generated[0]!, end: "2026-09-30", years: 3 });
    const ties = directedTies(network);
    const c = network.exchangeColumns();
    const bySource = new Int32Array(network.personCount);
    for (let e = 0; e < c.count; e++) bySource[c.from[e]!]!++;
    const rel = relationships(network);
    let widest = 0;
    for (let i = 0; i < rel.nodeCount; i++) widest = Math.max(widest, rel.offsets[i + 1]! - rel.offsets[i]!);
    // more than 48 exchanges from one person, and more than 32 neighbours in one row
    expect(Math.max(...bySource)).toBeGreaterThan(48);
    expect(widest).toBeGreaterThan(32);
    expect(ties.pairCount).toBeGreaterThan(0);
  });

  it.each(generated)("each person's exchanges in date order on generated network seed $seed", (g) => {
    const network = generateNetwork({ ...g, end: "2026-09-30", years: 3 });
    for (let p = 0; p < network.personCount; p++) expect(Array.from(network.exchangesOf(p)), `person ${p}`).toEqual(referenceByPerson(network, p));
  });

  it("an empty network and a network of one person give empty indices", () => {
    for (const data of [{ people: [] }, { people: [{ id: "solo", name: "Solo" }] }]) {
      const network = Network.from(data);
      for (const options of [{}, { excludeConfidential: true }, { asOf: 20000 }]) expectIndicesAsDefined(network, options);
      const ties = directedTies(network);
      expect(ties.pairCount).toBe(0);
      expect(Array.from(ties.offsets)).toEqual(new Array(network.personCount + 1).fill(0));
      expect(relationships(network).pairCount).toBe(0);
      if (network.personCount === 1) expect(Array.from(network.exchangesOf(0))).toEqual([]);
    }
  });

  it("a hand-made network: sums in exchange order, confidential and later exchanges", () => {
    // a→b favour (3) on day 0 of the decay, a→b meeting of 30 min a half-life earlier,
    // b→a information in confidence, c→a after the reference day
    const network = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      exchanges: [
        { date: "2024-06-29", kind: "favour", from: "a", to: "b" },
        { date: "2024-01-01", kind: "meeting", from: "a", to: "b", minutes: 30 },
        { date: "2024-06-01", kind: "information", from: "b", to: "a", confidential: true },
        { date: "2024-07-05", kind: "information", from: "c", to: "a" },
      ],
    });
    const asOf = network.exchangeColumns().day[0]!;
    const ties = directedTies(network, { asOf, halfLifeDays: 180 });
    expectIndicesAsDefined(network, { asOf, halfLifeDays: 180 });
    // a→b and b→a only: c→a is after the reference day
    expect(ties.pairCount).toBe(2);
    expect(Array.from(ties.count)).toEqual([2, 1]);
    expect(ties.minutes[0]).toBe(30);
    expect(relationships(network, { asOf, excludeConfidential: true }).pairCount).toBe(1);
  });
});
