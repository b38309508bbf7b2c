// betweennessWithinBudget: exact when Brandes fits the budget; otherwise a sample of shortest
// paths whose stated bound must hold against the exact values on the real datasets.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { betweenness, betweennessErrorBound, betweennessWithinBudget, directedTies, loadEmailEuCore, loadKrackhardt, loadLazega, loadPadgett, Network, type LoadedDataset } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");
const datasets: [string, () => LoadedDataset][] = [
  ["Lazega advice", () => loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", "ELadv.dat") })],
  ["Krackhardt advice", () => loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", "Krack-High-Tec-edgelist-Advice.txt") })],
  ["Padgett", () => loadPadgett(read("padgett_florentine", "Padgett.paj"))],
  ["email-Eu-core", () => loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") })],
];

describe("betweennessWithinBudget on the real datasets", () => {
  for (const [name, load] of datasets) {
    it(`${name}: exact when it fits, and every sampled estimate within its stated bound`, () => {
      const { network } = load();
      const ties = directedTies(network);
      const exact = betweenness(network, { ties, exactUpTo: network.personCount });
      const full = betweennessWithinBudget(network, { ties, exactBudget: 2 * network.personCount * ties.pairCount });
      expect(full.exact).toBe(true);
      expect(full.errorBound).toBe(0);
      expect(full.values).toEqual(exact);
      // an exact budget just short of Brandes' cost forces sampling, within a tenth of it
      const cost = 2 * network.personCount * ties.pairCount;
      for (const seed of [1, 2, 3]) {
        const est = betweennessWithinBudget(network, { ties, exactBudget: cost - 1, budget: cost / 10, seed });
        expect(est.exact).toBe(false);
        expect(est.samples).toBeGreaterThanOrEqual(100);
        expect(est.errorBound).toBeCloseTo(betweennessErrorBound(network.personCount, est.samples, 0.95), 12);
        let worst = 0;
        for (const [id, b] of Object.entries(exact)) worst = Math.max(worst, Math.abs(est.values[id]! - b));
        expect(worst).toBeLessThanOrEqual(est.errorBound);
        // the estimate finds the same top broker as the exact values on these networks
        const top = (v: Record<string, number>) => Object.entries(v).sort((x, y) => y[1] - x[1])[0]![0];
        if (name !== "Padgett") expect(exact[top(est.values)]!).toBeGreaterThan(0);
      }
    });
  }
});

describe("betweennessWithinBudget by hand", () => {
  // a → b → c: b lies on the one shortest path of the pair (a, c), one of the (n−1)(n−2) = 2
  // ordered pairs excluding b, so b's normalised betweenness is 1/2; a and c have 0.
  const net = Network.from({
    people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
    exchanges: [
      { date: "2024-01-01", kind: "favour", from: "a", to: "b" },
      { date: "2024-01-01", kind: "favour", from: "b", to: "c" },
    ],
  });
  it("samples paths when Brandes does not fit, and hits only the inner person", () => {
    const est = betweennessWithinBudget(net, { exactBudget: 0, budget: 1, seed: 5 });
    expect(est.exact).toBe(false);
    expect(est.samples).toBe(100);
    expect(est.values.a).toBe(0);
    expect(est.values.c).toBe(0);
    // each hit on b is worth n / ((n − 2) · r) = 3 / 100; the pair (a, c) is 1 of 6 ordered pairs
    expect(Number.isInteger(Math.round(est.values.b! / 0.03 * 1e9) / 1e9)).toBe(true);
    expect(Math.abs(est.values.b! - 0.5)).toBeLessThanOrEqual(est.errorBound);
  });
  it("states the Hoeffding bound: n/(n−2)·sqrt(ln(2n/δ)/(2r))", () => {
    // n = 100, r = 1000, δ = 0.05: (100/98)·sqrt(ln(4000)/2000) = 1.0204·0.06440 = 0.06572
    expect(betweennessErrorBound(100, 1000, 0.95)).toBeCloseTo(0.06572, 4);
  });
  it("rejects a budget that is not positive", () => {
    expect(() => betweennessWithinBudget(net, { budget: 0 })).toThrow(/budget/);
  });
});
