/**
 * Regenerates examples/data/sample-network.json, the committed sample network
 * the explorer and the docs open by default: an ego ("me") with 300 contacts
 * across 12 organisations and three years of exchanges, generated with seed 42.
 * Run: node --conditions=source --import tsx examples/scripts/make-sample.ts [out.json]
 */
import { writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generateNetwork, serializeNetwork } from "@tiegraph/core";

export const SAMPLE_OPTIONS = { seed: 42, people: 300, exchanges: 6000, end: "2026-09-30" } as const;

const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "data", "sample-network.json");
const net = generateNetwork(SAMPLE_OPTIONS);
net.setSettings({ halfLifeDays: 180, externalTarget: 0.5, cadenceByTag: { mentor: 30, investor: 60 } });
writeFileSync(out, serializeNetwork(net, { indent: 1 }));
console.log(`wrote ${out}: ${net.personCount} people, ${net.organisationCount} organisations, ${net.exchangeCount} exchanges`);
