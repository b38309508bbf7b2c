// Network-level reciprocity against NetworkX (scripts/oracles/analytics.py) on the research datasets and generated networks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { directedTies, generateNetwork, loadEmailEuCore, loadKrackhardt, loadLazega, overallReciprocity, personReciprocity, weightedReciprocity, type Network } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

type Values = Record<string, number | null>;
interface Fixture {
  network: { dataset?: string; relation?: string; generate?: { seed: number; people: number; exchanges: number } };
  people: number;
  givingTies: number;
  reciprocity: { overall: number | null; byPerson: Values; weighted: { r: number | null; reciprocated: number; total: number; byPerson: Record<string, { reciprocated: number; outOnly: number; inOnly: number; r: number | null }> } };
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

describe.each(NAMES)("reciprocity on %s equals NetworkX", (name) => {
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
