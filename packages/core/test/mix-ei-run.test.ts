// startEIIndex a slice at a time gives eiIndex's values bit for bit: on the research datasets (and the oracle's
// values there), and on generated networks with confidential exchanges, people in two organisations at once or
// none, and an as-of date (compared with eiIndex on networkAsOf's copy), in slices of 1, 7 and more than all.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { directedTies, eiIndex, generateNetwork, Network, networkAsOf, startEIIndex, TiegraphError, type Affiliation, type Exchange, type EIIndexRun, type EIIndexRunOptions, type EIResult, type MixUnit } from "@tiegraph/core";
import { createRandom } from "@tiegraph/core/internal";
import { formatDay } from "../src/model/dates.js";
import { expectValues, oracleNetwork, readOracleFixture, ORACLE_NAMES, type OracleNetwork, type Values } from "./analytics-oracle.js";

const UNITS: MixUnit[] = ["count", "value", "minutes"];

/** Every number of `a` is the same number (Object.is: 0 and −0 apart, NaN equal) as in `b`, every null null, same keys. */
function expectBitIdentical(a: EIResult, b: EIResult): void {
  expect([a.groupBy, a.by]).toEqual([b.groupBy, b.by]);
  const same = (x: number | null | undefined, y: number | null | undefined, where: string) => expect(Object.is(x, y), `${where}: ${x} against ${y}`).toBe(true);
  same(a.network, b.network, "network");
  same(a.internal, b.internal, "internal");
  same(a.external, b.external, "external");
  for (const record of ["byGroup", "byPerson"] as const) {
    expect(Object.keys(a[record])).toEqual(Object.keys(b[record]));
    for (const k of Object.keys(b[record])) same(a[record][k], b[record][k], `${record} ${k}`);
  }
  expect(Object.keys(a.groupTotals)).toEqual(Object.keys(b.groupTotals));
  for (const [k, t] of Object.entries(b.groupTotals)) {
    same(a.groupTotals[k]!.internal, t.internal, `groupTotals ${k} internal`);
    same(a.groupTotals[k]!.external, t.external, `groupTotals ${k} external`);
  }
}

/** Runs `run` to the end in slices of `slice` steps, checking its progress after each: ⌈total / slice⌉ calls, the last one true. */
function runInSlices(run: EIIndexRun, slice: number): void {
  let calls = 0;
  let finished = false;
  while (!finished) {
    const before = run.done;
    finished = run.advance(slice);
    calls++;
    expect(run.done).toBe(Math.min(run.total, before + slice));
  }
  expect(calls).toBe(Math.max(1, Math.ceil(run.total / slice)));
  expect(run.done).toBe(run.total);
}

/** The sliced run gives `expected` exactly, and each person's value through ofPerson. */
function expectRunGives(network: Network, options: EIIndexRunOptions, expected: EIResult, slice: number): void {
  const run = startEIIndex(network, options);
  runInSlices(run, slice);
  expectBitIdentical(run.result(), expected);
  network.people().forEach((p, k) => expect(Object.is(run.ofPerson(k), expected.byPerson[p.id])).toBe(true));
}

interface Fixture {
  network: OracleNetwork;
  groupBy: string;
  ei: Record<MixUnit, { network: number | null; byGroup: Values; byPerson: Values }>;
}

describe.each(ORACLE_NAMES)("startEIIndex on %s", (name) => {
  const fx = readOracleFixture<Fixture>(name);
  const network = oracleNetwork(fx.network);

  it.each(UNITS)("by %s, in slices of 1, 7 and more than all, equals eiIndex bit for bit and the oracle", (by) => {
    const options = { groupBy: fx.groupBy, by };
    const whole = eiIndex(network, options);
    // more than every step: one call
    for (const slice of [1, 7, network.exchangeCount + 1]) expectRunGives(network, options, whole, slice);
    const run = startEIIndex(network, options);
    // one step per directed tie by count, per exchange otherwise
    expect(run.total).toBe(by === "count" ? directedTies(network).pairCount : network.exchangeCount);
    expectValues(run.result().byPerson, fx.ei[by].byPerson, 1e-9);
    expectValues(run.result().byGroup, fx.ei[by].byGroup, 1e-9);
  });
});

/** A generated network, plus people holding a second organisation (overlapping their first, or for all time) and people with none. */
function mixedNetwork(seed: number, people: number, exchanges: number, confidentialShare: number): Network {
  const base = generateNetwork({ seed, people, exchanges, confidentialShare });
  const data = base.toData();
  const orgs = base.organisations().map((o) => o.id);
  const range = base.dayRange()!;
  const rnd = createRandom(seed * 31 + 7);
  const day = (): string => formatDay(range.first + rnd.int(range.last - range.first + 1));
  const ids = base.people().map((p) => p.id);
  const affiliations: Affiliation[] = [...(data.affiliations ?? [])];
  for (let k = 0; k < people / 5; k++) {
    const person = ids[rnd.int(ids.length)]!;
    const organisation = orgs[rnd.int(orgs.length)]!;
    const [a, b] = [day(), day()].sort();
    affiliations.push(k % 3 === 0 ? { person, organisation } : { person, organisation, from: a!, to: b! });
  }
  const extra = Array.from({ length: 3 }, (_, k) => ({ id: `none-${k}`, name: `none-${k}` }));
  const more: Exchange[] = extra.flatMap((p, k) => Array.from({ length: 6 }, (_, x) => ({ date: day(), kind: x % 2 ? "meeting" : "favour", from: x % 3 ? p.id : ids[(k + x) % ids.length]!, to: x % 3 ? ids[(k * 7 + x) % ids.length]! : p.id, value: 1 + x, ...(x % 2 ? { minutes: 10 * (x + 1) } : {}) })));
  return Network.from({ ...data, people: [...(data.people ?? []), ...extra], affiliations, exchanges: [...(data.exchanges ?? []), ...more] });
}

describe("startEIIndex on generated networks (property)", () => {
  it("equals eiIndex on the network as of the date, bit for bit, however it is sliced", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 10_000 }),
          people: fc.integer({ min: 5, max: 60 }),
          perPerson: fc.integer({ min: 1, max: 12 }),
          confidentialShare: fc.constantFrom(0, 0.1, 0.4),
          excludeConfidential: fc.boolean(),
          by: fc.constantFrom(...UNITS),
          // where the as-of day falls in the history: none, before it, inside, after it
          asOf: fc.option(fc.double({ min: -0.2, max: 1.2, noNaN: true }), { nil: undefined }),
          asText: fc.boolean(),
          slice: fc.constantFrom(1, 7, 1_000_000),
        }),
        ({ seed, people, perPerson, confidentialShare, excludeConfidential, by, asOf, asText, slice }) => {
          const network = mixedNetwork(seed, people, people * perPerson, confidentialShare);
          const range = network.dayRange()!;
          const day = asOf === undefined ? undefined : Math.round(range.first + asOf * (range.last - range.first));
          const seen = day === undefined ? network : networkAsOf(network, day);
          const expected = eiIndex(seen, { excludeConfidential, by });
          const options: EIIndexRunOptions = { excludeConfidential, by, ...(day === undefined ? {} : { asOf: asText ? formatDay(day) : day }) };
          expectRunGives(network, options, expected, slice);
          // with the caller's tie index for the same day and options
          if (by === "count") expectRunGives(network, { ...options, ties: directedTies(network, { excludeConfidential, ...(day === undefined ? {} : { asOf: day }) }) }, expected, slice);
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it("leaves out confidential exchanges and later ones: a hand-worked network", () => {
    // a, b at acme; c at beta. a→b internal on 03-01, a→c external on 03-02 (confidential), c→a external on 03-10
    const network = Network.from({
      organisations: [{ id: "acme", name: "Acme" }, { id: "beta", name: "Beta" }],
      people: ["a", "b", "c"].map((id) => ({ id, name: id })),
      affiliations: [{ person: "a", organisation: "acme" }, { person: "b", organisation: "acme" }, { person: "c", organisation: "beta" }],
      exchanges: [
        { date: "2025-03-01", kind: "favour", from: "a", to: "b" },
        { date: "2025-03-02", kind: "favour", from: "a", to: "c", confidential: true },
        { date: "2025-03-10", kind: "favour", from: "c", to: "a" },
      ],
    });
    const run = (options: EIIndexRunOptions) => {
      const r = startEIIndex(network, options);
      runInSlices(r, 1);
      return r;
    };
    // all three ties: a has I 1, E 2 → (2 − 1) / 3
    expect(run({}).ofPerson(0)).toBe((2 - 1) / 3);
    // without the confidential one: I 1, E 1 → 0
    expect(run({ excludeConfidential: true }).ofPerson(0)).toBe(0);
    // as of 03-05 without it: only a→b, I 1 → −1; c has no tie then
    const then = run({ excludeConfidential: true, asOf: "2025-03-05" });
    expect([then.ofPerson(0), then.ofPerson(2), then.total]).toEqual([-1, null, 1]);
    expect(then.result().network).toBe(-1);
  });

  it("refuses an invalid date or a tie index of another network, with invalid-option", () => {
    const network = generateNetwork({ seed: 3, people: 20, exchanges: 100 });
    const other = directedTies(generateNetwork({ seed: 3, people: 30, exchanges: 100 }));
    for (const options of [{ asOf: "2025-02-31" }, { asOf: 1.5 }, { ties: other }] as EIIndexRunOptions[]) {
      let thrown: unknown;
      try {
        startEIIndex(network, options);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TiegraphError);
      expect((thrown as TiegraphError).code).toBe("invalid-option");
    }
  });
});
