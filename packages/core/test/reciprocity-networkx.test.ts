// Network-level reciprocity against NetworkX (scripts/oracles/analytics.py) on the research datasets and generated networks.
import { describe, expect, it } from "vitest";
import { directedTies, overallReciprocity, personReciprocity, weightedReciprocity, type Network } from "@tiegraph/core";
import { expectValues, oracleNetwork, readOracleFixture, ORACLE_NAMES, type OracleNetwork, type Values } from "./analytics-oracle.js";

interface Fixture {
  network: OracleNetwork;
  people: number;
  givingTies: number;
  reciprocity: { overall: number | null; byPerson: Values; weighted: { r: number | null; reciprocated: number; total: number; byPerson: Record<string, { reciprocated: number; outOnly: number; inOnly: number; r: number | null }> } };
}

const fixture = (name: string): Fixture => readOracleFixture<Fixture>(name);
const networkOf = (fx: Fixture): Network => oracleNetwork(fx.network);

describe.each(ORACLE_NAMES)("reciprocity on %s equals NetworkX", (name) => {
  const fx = fixture(name);
  const network = networkOf(fx);
  const ties = directedTies(network);

  it("has the oracle's people and giving ties", () => {
    expect(network.personCount).toBe(fx.people);
    let giving = 0;
    for (let p = 0; p < ties.pairCount; p++) if (ties.givingCount[p]! > 0) giving++;
    expect(giving).toBe(fx.givingTies);
  });
  it("overallReciprocity equals overall_reciprocity", () => {
    expect(Math.abs(overallReciprocity(network)! - fx.reciprocity.overall!)).toBeLessThanOrEqual(1e-12);
    expect(overallReciprocity(network, { ties })).toBe(overallReciprocity(network));
  });
  it("personReciprocity equals reciprocity(G, nodes), null where NetworkX gives None", () => {
    expectValues(personReciprocity(network, { ties }), fx.reciprocity.byPerson, 1e-12);
  });
  it("weightedReciprocity equals W↔/W and the per-person split computed from the definition", () => {
    const w = weightedReciprocity(network, { ties });
    const e = fx.reciprocity.weighted;
    expect(Math.abs(w.r! - e.r!)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(w.total - e.total)).toBeLessThanOrEqual(1e-9 * e.total);
    expect(Math.abs(w.reciprocated - e.reciprocated)).toBeLessThanOrEqual(1e-9 * e.total);
    for (const field of ["reciprocated", "outOnly", "inOnly", "r"] as const) {
      const pick = (rec: Record<string, Record<typeof field, number | null>>): Values => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v[field]]));
      expectValues(pick(w.byPerson), pick(e.byPerson), 1e-9);
    }
  });
});
