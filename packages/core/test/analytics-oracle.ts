// Shared by the analytics oracle tests: the fixtures written by
// scripts/oracles/analytics.py, the networks they were computed on, and the
// comparison of per-person values.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { generateNetwork, loadEmailEuCore, loadKrackhardt, loadLazega, type Network } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

/** Per-person values; null where the measure is undefined. */
export type Values = Record<string, number | null>;

/** Which network a fixture describes. */
export interface OracleNetwork {
  dataset?: string;
  relation?: string;
  generate?: { seed: number; people: number; exchanges: number };
}

/** The fixtures every analytics oracle test runs on. */
export const ORACLE_NAMES = ["lazega-advice", "lazega-friendship", "krackhardt-advice", "krackhardt-friendship", "email-eu-core", "generated-small", "generated-mid"];

const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");

/** The fixture `analytics-<name>.json`. */
export function readOracleFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", `analytics-${name}.json`), "utf8")) as T;
}

/** The network a fixture was computed on, loaded by tiegraph. */
export function oracleNetwork(d: OracleNetwork): Network {
  if (d.dataset === "lazega") return loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", d.relation!) }).network;
  if (d.dataset === "krackhardt") return loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", `Krack-High-Tec-edgelist-${d.relation!}.txt`) }).network;
  if (d.dataset === "email-eu-core") return loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") }).network;
  return generateNetwork(d.generate!);
}

/** Same keys; null exactly where expected is null; numbers within tol (relative above 1). */
export function expectValues(actual: Values, expected: Values, tol: number): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, e] of Object.entries(expected)) {
    const a = actual[k];
    if (e === null) expect(a, k).toBeNull();
    else expect(Math.abs(a! - e), k).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  }
}
