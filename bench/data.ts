/**
 * The benchmarks' shared data: the generated 100,000-person / 1,000,000-exchange
 * network (seed 2026), built once per process, and its tie list written for the
 * Python peers so every tool measures the same graph.
 */
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateNetwork, directedTies, relationships, type Network } from "@tiegraph/core";

const here = dirname(fileURLToPath(import.meta.url));
/** Scratch folder for files shared with peers (git-ignored). */
export const OUT = join(here, ".out");

export const BIG = { seed: 2026, people: 100_000, exchanges: 1_000_000 } as const;

let big: Network | undefined;
/** The big generated network (memoised). */
export function bigNetwork(): Network {
  big ??= generateNetwork(BIG);
  return big;
}

/**
 * Writes the directed tie graph as "source target givenValue strength" lines
 * (person indices) and the undirected relationships as "a b strength" lines;
 * returns the two paths. Cached by file name.
 */
export function writeBigTieFiles(): { directed: string; undirected: string } {
  mkdirSync(OUT, { recursive: true });
  const directed = join(OUT, `ties-${BIG.seed}-${BIG.people}-${BIG.exchanges}.tsv`);
  const undirected = join(OUT, `relationships-${BIG.seed}-${BIG.people}-${BIG.exchanges}.tsv`);
  if (!existsSync(directed) || !existsSync(undirected)) {
    const net = bigNetwork();
    const t = directedTies(net);
    const lines: string[] = [];
    for (let p = 0; p < t.pairCount; p++) lines.push(`${t.source[p]}\t${t.target[p]}\t${t.givenValue[p]}\t${t.strength[p]}`);
    writeFileSync(directed, lines.join("\n") + "\n");
    const r = relationships(net);
    const ul: string[] = [];
    for (let k = 0; k < r.pairCount; k++) ul.push(`${r.a[k]}\t${r.b[k]}\t${r.strength[k]}`);
    writeFileSync(undirected, ul.join("\n") + "\n");
  }
  return { directed, undirected };
}
