// Constraint, effective size and betweenness against NetworkX (scripts/oracles/analytics.py) on the research datasets and generated networks.
import { describe, expect, it } from "vitest";
import { betweenness, constraint, directedTies, effectiveSize, startBetweenness, type Network } from "@tiegraph/core";
import { expectValues, oracleNetwork, readOracleFixture, ORACLE_NAMES, type OracleNetwork, type Values } from "./analytics-oracle.js";
import { constraintAndEffectiveSizeValues, constraintValues, effectiveSizeValues, mutualTies } from "../src/internal.js";

interface Fixture {
  network: OracleNetwork;
  people: number;
  ties: number;
  constraint: { unweighted: Values; weighted: Values };
  effectiveSize: { unweighted: Values; weighted: Values };
  betweenness: { directed: Values; directedRaw: Values; undirected: Values; sampled: { k: number; seed: number; sources: string[]; values: Values } };
}

const fixture = (name: string): Fixture => readOracleFixture<Fixture>(name);
const networkOf = (fx: Fixture): Network => oracleNetwork(fx.network);

describe.each(ORACLE_NAMES)("brokerage on %s equals NetworkX", (name) => {
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
  it("from copies of the index's slots alone (what the CLI's worker keeps), constraint and effective size are the same values, bit for bit, and equal NetworkX", () => {
    // a fresh object of copied arrays: nothing is shared with the index, or remembered for it
    const kept = { nodeCount: ties.nodeCount, pairCount: ties.pairCount, offsets: ties.offsets.slice(), source: ties.source.slice(), target: ties.target.slice() };
    const g = mutualTies(kept, false);
    expect(g).not.toBe(mutualTies(ties, false));
    const c = constraintValues(g);
    const e = effectiveSizeValues(g);
    const byId = (values: Float64Array): Values => Object.fromEntries(network.people().map((p, i) => [p.id, Number.isNaN(values[i]!) ? null : values[i]!]));
    expect(byId(c)).toEqual(constraint(network, { ties }));
    expect(byId(e)).toEqual(effectiveSize(network, { ties }));
    expectValues(byId(c), fx.constraint.unweighted, 1e-9);
    expectValues(byId(e), fx.effectiveSize.unweighted, 1e-9);
    // weighing needs the strengths: without them, an error rather than unweighted figures
    expect(() => mutualTies(kept, true)).toThrow(/need the strengths/);
    expect(constraintValues(mutualTies({ ...kept, strength: ties.strength.slice() }, true))).toEqual(constraintValues(mutualTies(ties, true)));
  });
  it("constraint and effective size from one walk are each measure's values apart, bit for bit (NaN for isolates), and equal NetworkX, unweighted and weighted", () => {
    for (const weighted of [false, true]) {
      const g = mutualTies(ties, weighted);
      const both = constraintAndEffectiveSizeValues(g);
      const c = constraintValues(g);
      const e = effectiveSizeValues(g);
      expect(both.constraint).toHaveLength(network.personCount);
      // toEqual on Float64Arrays compares element by element with Object.is: NaN equals NaN, every bit of the rest counts
      expect(both.constraint).toEqual(c);
      expect(both.effectiveSize).toEqual(e);
      const byId = (values: Float64Array): Values => Object.fromEntries(network.people().map((p, i) => [p.id, Number.isNaN(values[i]!) ? null : values[i]!]));
      expectValues(byId(both.constraint), weighted ? fx.constraint.weighted : fx.constraint.unweighted, 1e-9);
      expectValues(byId(both.effectiveSize), weighted ? fx.effectiveSize.weighted : fx.effectiveSize.unweighted, 1e-9);
    }
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
  it("startBetweenness in slices of 1, 7 and 50 sources gives NetworkX's values, and betweenness's bit for bit", () => {
    const s = fx.betweenness.sampled;
    for (const [options, expected] of [
      [{ ties }, fx.betweenness.directed],
      [{ ties, directed: false }, fx.betweenness.undirected],
      [{ ties, sources: s.sources }, s.values],
    ] as const) {
      const whole = betweenness(network, options);
      for (const slice of [1, 7, 50]) {
        const run = startBetweenness(network, options);
        expect(run.total).toBe(options.sources?.length ?? fx.people);
        let slices = 0;
        while (!run.advance(slice)) {
          slices++;
          expect(run.done).toBe(slices * slice);
        }
        // ⌈total / slice⌉ calls: the last one returned true
        expect(slices + 1).toBe(Math.ceil(run.total / slice));
        expect(run.done).toBe(run.total);
        const values = run.values();
        expectValues(values, expected, 1e-9);
        for (const id of Object.keys(whole)) expect(Object.is(values[id], whole[id]), id).toBe(true);
      }
    }
  });
});
