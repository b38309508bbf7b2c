// Properties of the weekly plan over generated networks, weeks, budgets and
// durations (fast-check): never over budget, never a person twice, job-search
// mode never plans less (it extends the normal plan), and the same inputs
// always give the same plan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay, generateNetwork, parseDay, weeklyPlan, type Network, type WeeklyPlanOptions } from "@tiegraph/core";

const networks = new Map<string, Network>();
const networkOf = (seed: number, people: number, exchanges: number): Network => {
  const key = `${seed}/${people}/${exchanges}`;
  let net = networks.get(key);
  if (!net) networks.set(key, (net = generateNetwork({ seed, people, exchanges, end: "2026-09-30", years: 2 })));
  return net;
};

// weeks from a month before the generated history (2024-09-30 … 2026-09-30) to three months after it
const start = parseDay("2024-09-01")!;
const arbitraryCase = fc.record({
  seed: fc.integer({ min: 1, max: 40 }),
  people: fc.integer({ min: 2, max: 40 }),
  exchanges: fc.integer({ min: 0, max: 400 }),
  weekOffset: fc.integer({ min: 0, max: 850 }),
  hours: fc.oneof(fc.double({ min: 0, max: 8, noNaN: true }), fc.integer({ min: 0, max: 6 })),
  durations: fc.dictionary(fc.constantFrom("coffee", "lunch", "call", "walk", "dinner"), fc.integer({ min: 1, max: 180 }), { maxKeys: 4 }),
  minOwed: fc.constantFrom(0, 0.5, 2),
  externalTarget: fc.double({ min: 0, max: 1, noNaN: true }),
  includeConfidential: fc.boolean(),
  target: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
});

type Case = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

function optionsOf(c: Case, net: Network): WeeklyPlanOptions {
  const o: WeeklyPlanOptions = { week: formatDay(start + c.weekOffset), hours: c.hours, durations: c.durations, minOwed: c.minOwed, externalTarget: c.externalTarget, includeConfidential: c.includeConfidential };
  if (c.target !== undefined) o.targetOrganisation = net.organisationAt(c.target % net.organisationCount).id;
  return o;
}

describe("weeklyPlan properties", () => {
  it("never goes over budget, and spends exactly what its items take", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.boolean(), (c, jobSearch) => {
        const net = networkOf(c.seed, c.people, c.exchanges);
        const plan = weeklyPlan(net, { ...optionsOf(c, net), jobSearch });
        const base = Math.floor(Math.round(c.hours * 60 * 1e6) / 1e6);
        expect(plan.budgetMinutes).toBe(jobSearch ? 2 * base : base);
        expect(plan.usedMinutes).toBeLessThanOrEqual(plan.budgetMinutes);
        expect(plan.items.reduce((s, i) => s + i.minutes, 0)).toBe(plan.usedMinutes);
        const durations = { coffee: 45, lunch: 75, call: 30, ...c.durations };
        for (const item of plan.items) expect(item.minutes).toBe(durations[item.format as keyof typeof durations]);
      }),
      { numRuns: 150 },
    );
  });

  it("never plans a person twice, nor ego, and gives everyone a reason", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.boolean(), (c, jobSearch) => {
        const net = networkOf(c.seed, c.people, c.exchanges);
        const plan = weeklyPlan(net, { ...optionsOf(c, net), jobSearch, hours: c.hours + 4 });
        const people = plan.items.map((i) => i.person);
        expect(new Set(people).size).toBe(people.length);
        expect(people).not.toContain(net.ego);
        for (const item of plan.items) {
          expect(item.reasons.length).toBeGreaterThan(0);
          expect(new Set(item.reasons.map((r) => r.code)).size).toBe(item.reasons.length);
          expect(item.offer.length > 0 || typeof item.prompt?.code === "string").toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never plans less time in job-search mode: it carries the normal plan on", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const net = networkOf(c.seed, c.people, c.exchanges);
        const normal = weeklyPlan(net, optionsOf(c, net));
        const search = weeklyPlan(net, { ...optionsOf(c, net), jobSearch: true });
        expect(search.usedMinutes).toBeGreaterThanOrEqual(normal.usedMinutes);
        expect(search.budgetMinutes).toBe(2 * normal.budgetMinutes);
        // same people, formats and reasons first (slots may move: more meetings share the week)
        const strip = (items: typeof normal.items) => items.map(({ slot: _slot, ...rest }) => rest);
        expect(strip(search.items.slice(0, normal.items.length))).toEqual(strip(normal.items));
      }),
      { numRuns: 150 },
    );
  });

  it("stops only when the shortest meeting no longer fits or nobody is left", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const net = networkOf(c.seed, c.people, c.exchanges);
        const o = optionsOf(c, net);
        const plan = weeklyPlan(net, o);
        const shortest = Math.min(...Object.values({ coffee: 45, lunch: 75, call: 30, ...c.durations }));
        if (plan.budgetMinutes - plan.usedMinutes >= shortest) {
          // room was left: a bigger budget adds nobody
          expect(weeklyPlan(net, { ...o, hours: 1000 }).items.length).toBe(plan.items.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("is a function of the network, the week and the options", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const net = networkOf(c.seed, c.people, c.exchanges);
        const copy = generateNetwork({ seed: c.seed, people: c.people, exchanges: c.exchanges, end: "2026-09-30", years: 2 });
        expect(weeklyPlan(copy, optionsOf(c, copy))).toEqual(weeklyPlan(net, optionsOf(c, net)));
      }),
      { numRuns: 40 },
    );
  });
});
