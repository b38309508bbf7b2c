// Constraint, effective size and betweenness against NetworkX (scripts/oracles/analytics.py) on the research datasets and generated networks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { betweenness, constraint, directedTies, effectiveSize, generateNetwork, loadEmailEuCore, loadKrackhardt, loadLazega, type Network } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

type Values = Record<string, number | null>;
interface Fixture {
  network: { dataset?: string; relation?: string; generate?: { seed: number; people: number; exchanges: number } };
  people: number;
  ties: number;
  constraint: { unweighted: Values; weighted: Values };
  effectiveSize: { unweighted: Values; weighted: Values };
  betweenness: { directed: Values; directedRaw: Values; undirected: Values; sampled: { k: number; seed: number; sources: string[]; values: Values } };
}

const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");
const fixture = (name: string): Fixture => JSON.parse(readFileSync(join(__dirname, "fixtures", `analytics-${name}.json`), "utf8")) as Fixture;

/** The network a fixture was computed on, loaded by tiegraph. */
function networkOf(fx: Fixture): Network {
  const d = fx.network;
  if (d.dataset === "lazega") return loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", d.relation!) }).network;
  if (d.dataset === "krackhardt") return loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", `Krack-High-Tec-edgelist-${d.relation!}.txt`) }).network;
  if (d.dataset === "email-eu-core") return loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") }).network;
  return generateNetwork(d.generate!);
}

/** Same keys; null exactly where expected is null; numbers within tol (relative above 1). */
function expectValues(actual: Values, expected: Values, tol: number): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, e] of Object.entries(expected)) {
    const a = actual[k];
    if (e === null) expect(a, k).toBeNull();
    else expect(Math.abs(a! - e), k).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  }
}

const NAMES = ["lazega-advice", "lazega-friendship", "krackhardt-advice", "krackhardt-friendship", "email-eu-core", "generated-small", "generated-mid"];

describe.each(NAMES)("brokerage on %s equals NetworkX", (name) => {
  const fx = fixture(name);
  const network = networkOf(fx);
  const ties = directedTies(network);

  it("has the oracle's tie graph", () => {
    expect(network.personCount).toBe(fx.people);
    expect(ties.pairCount).toBe(fx.ties);
  });
  it("constraint equals nx.constraint, unweighted and weighted by strength, null for isolates", () => {
    expectValues(constraint(network, { ties }), fx.constraint.unweighted, 1e-9);
    expectValues(constraint(network, { ties, weighted: true }), fx.constraint.weighted, 1e-9);
  });
  it("effectiveSize equals nx.effective_size, unweighted and weighted by strength", () => {
    expectValues(effectiveSize(network, { ties }), fx.effectiveSize.unweighted, 1e-9);
    expectValues(effectiveSize(network, { ties, weighted: true }), fx.effectiveSize.weighted, 1e-9);
  });
  it("exact betweenness equals nx.betweenness_centrality (normalised, raw, undirected)", () => {
    expectValues(betweenness(network, { ties }), fx.betweenness.directed, 1e-9);
    expectValues(betweenness(network, { ties, normalized: false }), fx.betweenness.directedRaw, 1e-9);
    expectValues(betweenness(network, { ties, directed: false }), fx.betweenness.undirected, 1e-9);
  });
  it("betweenness from NetworkX's sampled sources equals nx.betweenness_centrality(k, seed)", () => {
    const s = fx.betweenness.sampled;
    expect(s.sources).toHaveLength(s.k);
    expectValues(betweenness(network, { ties, sources: s.sources }), s.values, 1e-9);
  });
});
