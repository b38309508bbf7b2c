// The sampled betweenness gives, bit for bit, what it gave before its searches kept each person's
// distance and path count side by side, and then distances apart in 32-bit integers (the first sampler
// is kept in test/reference/sample-paths-before.ts):
// same paths drawn, same number of samples for the budget, same values, on generated networks
// (with people no one reaches) and on a network of a few disconnected pieces.
import { describe, expect, it } from "vitest";
import { betweennessWithinBudget, directedTies, generateNetwork, Network, type Network as Net } from "@tiegraph/core";
import { samplePathsBefore } from "./reference/sample-paths-before.js";

function expectSameAsBefore(network: Net, budget: number, seed: number): number {
  const ties = directedTies(network);
  const n = network.personCount;
  const est = betweennessWithinBudget(network, { ties, exactBudget: 0, budget, seed });
  const { hits, samples } = samplePathsBefore(ties, budget, 100, seed);
  expect(est.exact).toBe(false);
  expect(est.samples).toBe(samples);
  const scale = n / ((n - 2) * samples);
  expect(Object.values(est.values)).toEqual([...hits].map((h) => h * scale));
  return samples;
}

describe("sampled betweenness equals the sampler it replaced", () => {
  it.each([
    [1, 400, 3000],
    [5, 1500, 9000],
    [9, 3000, 12000],
  ])("generated network seed %i, %i people, %i exchanges, three budgets and seeds", (seed, people, exchanges) => {
    const network = generateNetwork({ seed, people, exchanges });
    for (const [budget, s] of [[1e4, 1], [1e5, 2], [6e5, 3]] as const) expect(expectSameAsBefore(network, budget, s)).toBeGreaterThanOrEqual(100);
  });

  it("on disconnected pieces and one-way chains (many pairs with no path)", () => {
    const people = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, name: `P ${i}` }));
    // three directed chains of 20 with a few shortcuts: most pairs are unreachable one way
    const exchanges = people.flatMap((p, i) => [
      ...(i % 20 !== 19 ? [{ date: "2025-01-01", kind: "favour" as const, from: p.id, to: `p${i + 1}` }] : []),
      ...(i % 5 === 0 && i % 20 < 15 ? [{ date: "2025-01-02", kind: "information" as const, from: p.id, to: `p${i + 3}` }] : []),
    ]);
    expectSameAsBefore(Network.from({ people, exchanges }), 5e3, 7);
  });
});
