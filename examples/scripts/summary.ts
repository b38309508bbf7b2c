/**
 * A short report on a network file (the sample by default): how many people
 * and exchanges, the strongest relationships, and how ego's ties split by kind.
 * Run: node --conditions=source --import tsx examples/scripts/summary.ts [file]
 */
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseNetworkFile, relationships, formatDay, EXCHANGE_KINDS } from "@tiegraph/core";

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "data", "sample-network.json");
const net = parseNetworkFile(readFileSync(file, "utf8"), { file });
const range = net.dayRange();
console.log(`${net.personCount} people, ${net.organisationCount} organisations, ${net.exchangeCount} exchanges` + (range ? ` from ${formatDay(range.first)} to ${formatDay(range.last)}` : ""));

const rel = relationships(net);
const ego = net.egoIndex;
if (ego >= 0) {
  const ties: { name: string; strength: number; last: string }[] = [];
  for (let k = rel.offsets[ego]!; k < rel.offsets[ego + 1]!; k++) {
    const pair = rel.pair[k]!;
    ties.push({ name: net.personAt(rel.neighbor[k]!).name, strength: rel.strength[pair]!, last: formatDay(rel.lastDay[pair]!) });
  }
  ties.sort((a, b) => b.strength - a.strength);
  console.log(`\n${net.personAt(ego).name} has ${ties.length} relationships; the strongest:`);
  for (const t of ties.slice(0, 5)) console.log(`  ${t.name.padEnd(24)} strength ${t.strength.toFixed(2)}  last ${t.last}`);
}
const cols = net.exchangeColumns();
const byKind = new Map<string, number>();
for (let i = 0; i < cols.count; i++) byKind.set(EXCHANGE_KINDS[cols.kind[i]!]!, (byKind.get(EXCHANGE_KINDS[cols.kind[i]!]!) ?? 0) + 1);
console.log("\nexchanges by kind: " + [...byKind].map(([k, n]) => `${k} ${n}`).join(", "));
