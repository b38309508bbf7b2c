// E-I indices against an independent Python implementation of their definition (scripts/oracles/analytics.py):
// NetworkX has no E-I index, so the oracle counts ties within and across groups itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eiIndex, eiIndices, generateNetwork, loadEmailEuCore, loadKrackhardt, loadLazega, type Network } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

type Values = Record<string, number | null>;
interface Expected {
  network: number | null;
  internal: number;
  external: number;
  byGroup: Values;
  byPerson: Values;
}
interface Fixture {
  network: { dataset?: string; relation?: string; generate?: { seed: number; people: number; exchanges: number } };
  groupBy: string;
  ei: { count: Expected; value: Expected; minutes: Expected };
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

describe.each(NAMES)("E-I indices on %s equal the oracle's", (name) => {
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
