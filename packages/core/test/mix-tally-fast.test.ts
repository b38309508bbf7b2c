// The internal/external tally with its one-group-at-a-time fast path equals, bit for bit, the tally
// as it was before (kept in test/reference/tally-before.ts) on generated networks where people change
// employer, some hold two organisations at once (overlapping, nested or repeated spans) and some have none.
import { describe, expect, it } from "vitest";
import { directedTies, eiIndex, eiIndices, eiOverview, eiTrend, generateNetwork, Network, type Affiliation, type Exchange } from "@tiegraph/core";
import { createRandom } from "@tiegraph/core/internal";
import { groupingOf } from "../src/graph/grouping.js";
import { formatDay } from "../src/model/dates.js";
import { periodRange } from "../src/mix/periods.js";
import { MIX_UNITS, tallyMix, type MixTally, type MixUnit, type TallyRequest } from "../src/mix/tally.js";
import { tallyMixBefore } from "./reference/tally-before.js";

/** A generated network plus people with two organisations at once and people with none, all exchanging. */
function mixedNetwork(seed: number): Network {
  const base = generateNetwork({ seed, people: 160, exchanges: 2400, confidentialShare: 0.1 });
  const data = base.toData();
  const orgs = base.organisations().map((o) => o.id);
  const range = base.dayRange()!;
  const rnd = createRandom(seed * 31 + 7);
  const day = (): string => formatDay(range.first + rnd.int(range.last - range.first + 1));
  const affiliations: Affiliation[] = [...(data.affiliations ?? [])];
  const people = [...(data.people ?? [])];
  const exchanges: Exchange[] = [...(data.exchanges ?? [])];
  const ids = people.map((p) => p.id);
  for (let k = 0; k < 40; k++) {
    const person = ids[rnd.int(ids.length)]!;
    const organisation = orgs[rnd.int(orgs.length)]!;
    const [a, b] = [day(), day()].sort();
    // a second job over part of the history (overlapping their others), or for all of it
    affiliations.push(k % 3 === 0 ? { person, organisation } : { person, organisation, from: a!, to: b! });
  }
  for (let k = 0; k < 12; k++) {
    const id = `none-${k}`;
    people.push({ id, name: id });
    for (let x = 0; x < 15; x++) {
      const other = ids[rnd.int(ids.length)]!;
      const out = rnd() < 0.5;
      exchanges.push({ date: day(), kind: x % 3 === 0 ? "meeting" : "favour", from: out ? id : other, to: out ? other : id, value: 1 + rnd.int(4), ...(x % 3 === 0 ? { minutes: 15 + rnd.int(60) } : {}) });
    }
  }
  return Network.from({ ...data, people, affiliations, exchanges });
}

function expectSame(a: MixTally, b: MixTally): void {
  expect(a.internal).toEqual(b.internal);
  expect(a.external).toEqual(b.external);
  expect(a.groupInternal).toEqual(b.groupInternal);
  expect(a.groupExternal).toEqual(b.groupExternal);
  expect(a.personInternal).toEqual(b.personInternal);
  expect(a.personExternal).toEqual(b.personExternal);
}

/** The units a tally asked for `only` one of: the others are left out, so compare that one only. */
function unitOf(t: MixTally, u: number): number[] {
  const pick = (x: Float64Array | undefined): number[] => (x ? [...x].filter((_, i) => i % MIX_UNITS.length === u) : []);
  return [...pick(t.internal), ...pick(t.external), ...pick(t.groupInternal), ...pick(t.groupExternal), ...pick(t.personInternal), ...pick(t.personExternal)];
}

describe.each([3, 11, 29])("the tally on a generated network with mixed affiliations (seed %i)", (seed) => {
  const network = mixedNetwork(seed);
  const grouping = groupingOf(network, "organisation");

  it("has people in two organisations at once, people who change and people with none", () => {
    const spans = (p: number): number => grouping.spanStart[p + 1]! - grouping.spanStart[p]!;
    const counts = network.people().map((_, p) => spans(p));
    expect(counts.filter((c) => c === 0).length).toBeGreaterThanOrEqual(12);
    expect(counts.filter((c) => c >= 2).length).toBeGreaterThan(20);
  });

  it.each([false, true])("whole history equals the reference (excludeConfidential %s)", (excludeConfidential) => {
    const req: TallyRequest = { perPerson: true, excludeConfidential, ties: directedTies(network, { excludeConfidential }) };
    const before = tallyMixBefore(network, grouping, req);
    expectSame(tallyMix(network, grouping, req), before);
    MIX_UNITS.forEach((only: MixUnit, u) => expect(unitOf(tallyMix(network, grouping, { ...req, only }), u)).toEqual(unitOf(before, u)));
  });

  it.each([
    ["month", false],
    ["quarter", false],
    ["month", true],
  ] as const)("by %s (excludeConfidential %s), and one person's exchanges, equal the reference", (period, excludeConfidential) => {
    const range = network.dayRange()!;
    const periods = periodRange(period, range.first, range.last);
    const req: TallyRequest = { periods: periods.count, periodOfDay: periods.periodOfDay, perPerson: false, excludeConfidential };
    const before = tallyMixBefore(network, grouping, req);
    expectSame(tallyMix(network, grouping, req), before);
    MIX_UNITS.forEach((only: MixUnit, u) => expect(unitOf(tallyMix(network, grouping, { ...req, only }), u)).toEqual(unitOf(before, u)));
    const mine = { ...req, exchanges: network.exchangesOf(network.personIndex("none-3")) };
    expectSame(tallyMix(network, grouping, mine), tallyMixBefore(network, grouping, mine));
  });

  it("without the groups' totals (groups: false), the network's and people's totals are the same and the groups' 0", () => {
    const range = network.dayRange()!;
    const periods = periodRange("quarter", range.first, range.last);
    for (const req of [
      { periods: periods.count, periodOfDay: periods.periodOfDay, perPerson: false, excludeConfidential: true },
      { perPerson: true, excludeConfidential: false },
      { perPerson: true, excludeConfidential: false, exchanges: network.exchangesOf(network.personIndex("none-3")) },
    ] satisfies TallyRequest[]) {
      const full = tallyMix(network, grouping, req);
      const lean = tallyMix(network, grouping, { ...req, groups: false });
      expect(lean.internal).toEqual(full.internal);
      expect(lean.external).toEqual(full.external);
      expect(lean.personInternal).toEqual(full.personInternal);
      expect(lean.personExternal).toEqual(full.personExternal);
      // not a tally of nothing
      expect([...full.internal, ...full.external].some((x) => x > 0)).toBe(true);
      expect([...lean.groupInternal, ...lean.groupExternal].every((x) => x === 0)).toBe(true);
      expect([...full.groupExternal].some((x) => x > 0)).toBe(true);
    }
  });

  it("eiIndex of one unit equals that unit of eiIndices (one pass for all three)", () => {
    const all = eiIndices(network);
    for (const by of MIX_UNITS) expect(eiIndex(network, { by })).toEqual(all[by]);
    expect(eiTrend(network, { by: "value" }).points.length).toBeGreaterThan(1);
  });

  it.each([
    ["month", false],
    ["quarter", false],
    ["quarter", true],
  ] as const)("eiOverview by %s (excludeConfidential %s) equals eiIndex and eiTrend, from one pass", (period, excludeConfidential) => {
    const both = eiOverview(network, { period, excludeConfidential });
    expect(both.index).toEqual(eiIndex(network, { excludeConfidential }));
    expect(both.trend).toEqual(eiTrend(network, { period, excludeConfidential }));
    // the whole-history counts came from the shared pass: the same as from the tie index, person by person
    const tally = tallyMix(network, grouping, { periods: 2, periodOfDay: (d) => (d % 2 === 0 ? 0 : 1), perPerson: false, excludeConfidential, only: "count", wholeCounts: true });
    const fromIndex = tallyMix(network, grouping, { perPerson: true, excludeConfidential, only: "count" });
    expect(unitOf(tally.whole!, 0)).toEqual(unitOf(fromIndex, 0));
  });

  it("eiOverview by value, for one person, or over one period equals the two apart", () => {
    expect(eiOverview(network, { by: "value", period: "quarter" })).toEqual({ index: eiIndex(network, { by: "value" }), trend: eiTrend(network, { by: "value", period: "quarter" }) });
    expect(eiOverview(network, { person: "none-3" })).toEqual({ index: eiIndex(network), trend: eiTrend(network, { person: "none-3" }) });
  });
});

describe("the tally by period over dates centuries apart", () => {
  it("equals the reference (the date-ordered list is read instead of counting by day)", () => {
    // 1800-01-01 to 2100-12-31 is 109,938 days: more than 4 × 6 exchanges + 100,000, the most the counting sort by day takes
    const network = Network.from({
      organisations: [{ id: "o", name: "O" }],
      people: ["a", "b", "c"].map((id) => ({ id, name: id })),
      affiliations: [{ person: "a", organisation: "o" }, { person: "b", organisation: "o" }],
      exchanges: [
        { date: "2100-12-31", kind: "favour", from: "a", to: "b", value: 2 },
        { date: "1800-01-01", kind: "favour", from: "a", to: "b", value: 3 },
        { date: "1800-01-01", kind: "meeting", from: "a", to: "c", minutes: 30 },
        { date: "1950-06-15", kind: "favour", from: "b", to: "c", value: 1, confidential: true },
        { date: "1800-01-01", kind: "favour", from: "a", to: "b", value: 5 },
        { date: "2100-12-31", kind: "favour", from: "c", to: "a", value: 4 },
      ],
    });
    const grouping = groupingOf(network, "organisation");
    const range = network.dayRange()!;
    expect(range.last - range.first + 1).toBe(109_938);
    const periods = periodRange("quarter", range.first, range.last);
    for (const excludeConfidential of [false, true]) {
      const req: TallyRequest = { periods: periods.count, periodOfDay: periods.periodOfDay, perPerson: false, excludeConfidential };
      const tally = tallyMix(network, grouping, req);
      expectSame(tally, tallyMixBefore(network, grouping, req));
      // 1800-Q1: a → b (internal, once though twice that day: value 3 + 5), a → c (external); 1950-Q2: b → c (external, unless left out);
      // 2100-Q4: a → b (internal, value 2), c → a (external, value 4)
      const U = MIX_UNITS.length;
      expect([tally.internal[0], tally.internal[1], tally.external[0], tally.external[2]]).toEqual([1, 8, 1, 30]);
      const last = (periods.count - 1) * U;
      expect([tally.internal[last], tally.internal[last + 1], tally.external[last], tally.external[last + 1]]).toEqual([1, 2, 1, 4]);
      const q1950 = periods.periodOfDay(range.first + 54_951);
      expect(tally.external[q1950 * U]).toBe(excludeConfidential ? 0 : 1);
    }
  });
});

describe("eiOverview on a network within one month", () => {
  it("equals eiIndex and eiTrend", () => {
    const network = Network.from({
      organisations: [{ id: "o", name: "O" }],
      people: ["a", "b", "c"].map((id) => ({ id, name: id })),
      affiliations: [{ person: "a", organisation: "o" }, { person: "b", organisation: "o" }],
      exchanges: [
        { date: "2025-03-01", kind: "favour", from: "a", to: "b" },
        { date: "2025-03-02", kind: "favour", from: "a", to: "c" },
      ],
    });
    const both = eiOverview(network);
    // a → b internal, a → c external (c has no organisation): E-I = (1 − 1) / 2 = 0
    expect(both.index.network).toBe(0);
    expect(both).toEqual({ index: eiIndex(network), trend: eiTrend(network) });
  });
});
