// E-I indices against an independent Python implementation of their definition (scripts/oracles/analytics.py):
// NetworkX has no E-I index, so the oracle counts ties within and across groups itself.
import { describe, expect, it } from "vitest";
import { eiIndex, eiIndices, type Network } from "@tiegraph/core";
import { expectValues, oracleNetwork, readOracleFixture, ORACLE_NAMES, type OracleNetwork, type Values } from "./analytics-oracle.js";

interface Expected {
  network: number | null;
  internal: number;
  external: number;
  byGroup: Values;
  byPerson: Values;
}
interface Fixture {
  network: OracleNetwork;
  groupBy: string;
  ei: { count: Expected; value: Expected; minutes: Expected };
}

const fixture = (name: string): Fixture => readOracleFixture<Fixture>(name);
const networkOf = (fx: Fixture): Network => oracleNetwork(fx.network);

describe.each(ORACLE_NAMES)("E-I indices on %s equal the oracle's", (name) => {
  const fx = fixture(name);
  const network = networkOf(fx);
  const all = eiIndices(network, { groupBy: fx.groupBy });

  it.each(["count", "value", "minutes"] as const)("by %s: network, groups and people", (by) => {
    const e = fx.ei[by];
    const a = all[by];
    if (e.network === null) expect(a.network).toBeNull();
    else expect(Math.abs(a.network! - e.network)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(a.internal - e.internal)).toBeLessThanOrEqual(1e-9 * Math.max(1, e.internal));
    expect(Math.abs(a.external - e.external)).toBeLessThanOrEqual(1e-9 * Math.max(1, e.external));
    expectValues(a.byGroup, e.byGroup, 1e-9);
    expectValues(a.byPerson, e.byPerson, 1e-9);
  });
  it("eiIndex with one unit gives the same as eiIndices", () => {
    expect(eiIndex(network, { groupBy: fx.groupBy, by: "value" })).toEqual(all.value);
  });
});

describe("E-I on the datasets agrees with the counts in their SOURCE.md", () => {
  it("Lazega advice by office: 700 arcs within, 192 across", () => {
    const ei = eiIndices(networkOf(fixture("lazega-advice")), { groupBy: "office" }).count;
    expect([ei.internal, ei.external]).toEqual([700, 192]);
    expect(ei.network).toBeCloseTo((192 - 700) / 892, 12);
  });
  it("Krackhardt friendship by department: 38 within, 64 across", () => {
    const ei = eiIndices(networkOf(fixture("krackhardt-friendship")), { groupBy: "dept" }).count;
    expect([ei.internal, ei.external]).toEqual([38, 64]);
  });
  it("email-Eu-core by department: 8645 within, 16284 across", () => {
    const ei = eiIndices(networkOf(fixture("email-eu-core")), { groupBy: "department" }).count;
    expect([ei.internal, ei.external]).toEqual([8645, 16284]);
  });
});
