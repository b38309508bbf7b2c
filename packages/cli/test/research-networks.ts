// Research datasets turned into network files, the way a user would: loaded
// with core's loaders and written with serializeNetwork, so the CLI reads
// them like any other file. The datasets live in ../shared/datasets beside
// the checkout (or TIEGRAPH_DATASETS), as for core's tests.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadKrackhardt, loadLazega, serializeNetwork, type Network } from "@tiegraph/core";
import { ROOT, tempDir } from "./run-cli.js";

const candidates = [process.env.TIEGRAPH_DATASETS, join(ROOT, "..", "shared", "datasets"), "/work/shared/datasets"].filter((p): p is string => !!p);
/** The datasets folder. */
export const DATASETS = candidates.find((p) => existsSync(join(p, "lazega_lawfirm"))) ?? candidates[0]!;
const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");

/** A research network, the file it was written to, and the NetworkX fixture computed for it. */
export interface ResearchNetwork {
  network: Network;
  file: string;
  groupBy: string;
  fixture: AnalyticsFixture;
}

/** The parts of core's analytics fixtures (scripts/oracles/analytics.py) the CLI's JSON is checked against. */
export interface AnalyticsFixture {
  people: number;
  reciprocity: { overall: number; byPerson: Record<string, number | null>; weighted: { r: number } };
  constraint: { unweighted: Record<string, number | null> };
  effectiveSize: { unweighted: Record<string, number | null> };
  betweenness: { directed: Record<string, number> };
  ei: { count: { network: number; byGroup: Record<string, number | null>; byPerson: Record<string, number | null> } };
}

function fixture(name: string): AnalyticsFixture {
  return JSON.parse(readFileSync(join(ROOT, "packages", "core", "test", "fixtures", `analytics-${name}.json`), "utf8")) as AnalyticsFixture;
}

function written(network: Network, name: string): string {
  const file = join(tempDir(), `${name}.json`);
  writeFileSync(file, serializeNetwork(network));
  return file;
}

/** Lazega's law firm, advice ties, grouped by office. */
export function lazegaAdvice(): ResearchNetwork {
  const { network } = loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", "ELadv.dat") });
  return { network, file: written(network, "lazega-advice"), groupBy: "office", fixture: fixture("lazega-advice") };
}

/** Krackhardt's high-tech managers, advice ties, grouped by department. */
export function krackhardtAdvice(): ResearchNetwork {
  const { network } = loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", "Krack-High-Tec-edgelist-Advice.txt") });
  return { network, file: written(network, "krackhardt-advice"), groupBy: "dept", fixture: fixture("krackhardt-advice") };
}
