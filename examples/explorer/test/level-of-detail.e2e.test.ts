// End-to-end: a large network (20,000 people, generated here) opens on its
// level-of-detail part, ego's neighbourhood, with a status line counting
// exactly the people and ties of that neighbourhood (found here by a
// breadth-first search of core's relationship index), and "Show whole
// network" draws all of it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDay, generateNetwork, relationships, serializeNetwork } from "@tiegraph/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastShownDay } from "../src/worker/analysis.js";
import { referenceDay } from "../src/ledger/ledger-worker.js";
import { LEVEL_OF_DETAIL_OPTIONS } from "../src/worker/level-of-detail.js";
import { foreignRequests, launchChromium, openPage, serveExplorer, waitForNetwork, type ServedExplorer } from "./browser.js";

const network = generateNetwork({ seed: 2027, people: 20_000, exchanges: 60_000, ego: true });
const name = "large-20000.json";
const file = join(mkdtempSync(join(tmpdir(), "tiegraph-lod-")), name);
writeFileSync(file, serializeNetwork(network, { indent: 0 }));
// the page's reference day (its default "figures as of" choice), which also dates tie strengths
const day = referenceDay(network, lastShownDay)!;
const asOf = formatDay(day);
const rel = relationships(network, { excludeConfidential: true, asOf: day });
const drawn = (k: number) => rel.confidentialOnly[k] === 0;
let allTies = 0;
for (let k = 0; k < rel.pairCount; k++) if (drawn(k)) allTies++;

/** People within `depth` steps of ego over drawn ties, and the drawn ties between them. */
function egoNeighbourhood(depth: number): { people: number; ties: number } {
  const seen = new Set([network.egoIndex]);
  let frontier = [network.egoIndex];
  for (let d = 0; d < depth; d++) {
    const next: number[] = [];
    for (const i of frontier) {
      for (let q = rel.offsets[i]!; q < rel.offsets[i + 1]!; q++) {
        const j = rel.neighbor[q]!;
        if (!drawn(rel.pair[q]!) || seen.has(j)) continue;
        seen.add(j);
        next.push(j);
      }
    }
    frontier = next;
  }
  let ties = 0;
  for (let k = 0; k < rel.pairCount; k++) if (drawn(k) && seen.has(rel.a[k]!) && seen.has(rel.b[k]!)) ties++;
  return { people: seen.size, ties };
}

/** Ego and their `most` strongest contacts over drawn ties (equal strengths by person index), and the drawn ties between them. */
function egoClosest(most: number): { people: number; ties: number } {
  const contacts: [number, number][] = [];
  const ego = network.egoIndex;
  for (let q = rel.offsets[ego]!; q < rel.offsets[ego + 1]!; q++) if (drawn(rel.pair[q]!)) contacts.push([rel.neighbor[q]!, rel.strength[rel.pair[q]!]!]);
  contacts.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const kept = new Set([ego, ...contacts.slice(0, most).map((c) => c[0])]);
  let ties = 0;
  for (let k = 0; k < rel.pairCount; k++) if (drawn(k) && kept.has(rel.a[k]!) && kept.has(rel.b[k]!)) ties++;
  return { people: kept.size, ties };
}

const n = (x: number) => x.toLocaleString("en");
let served: ServedExplorer;
let browser: Browser;

beforeAll(async () => {
  served = await serveExplorer();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("a large network", () => {
  it("opens on ego's neighbourhood with an exact status line, and shows the whole network on request", async () => {
    // the page's rule: depth 2 unless that holds more than mostPeople people, then depth 1, then ego's strongest contacts
    const most = LEVEL_OF_DETAIL_OPTIONS.mostPeople;
    let depth = LEVEL_OF_DETAIL_OPTIONS.depth;
    let part = egoNeighbourhood(depth);
    while (part.people > most && depth > 1) part = egoNeighbourhood(--depth);
    const closest = part.people > most;
    if (closest) part = egoClosest(most - 1);
    expect(network.personCount).toBeGreaterThan(LEVEL_OF_DETAIL_OPTIONS.above);
    expect(part.people).toBeLessThan(network.personCount);

    const { page, requests, errors } = await openPage(browser, served.url);
    await waitForNetwork(page);
    await page.locator('input[type="file"]').setInputFiles(file);
    await waitForNetwork(page, name, 240_000);
    const status = page.locator("[data-status]");
    expect(await status.textContent()).toBe(`${n(part.people)} of ${n(network.personCount)} people, ${n(part.ties)} of ${n(allTies)} ties shown, as of ${asOf}`);
    const bar = page.locator(".detail-bar");
    expect(await bar.getAttribute("data-detail")).toBe(closest ? "closest" : "neighbourhood");
    expect(await bar.textContent()).toContain(closest ? `you and your ${n(part.people - 1)} strongest contacts` : `the people within ${depth} ${depth === 1 ? "step" : "steps"} of you`);

    // search still covers everyone, drawn or not
    const outside = network.personAt(network.personCount - 1).name;
    const search = page.getByRole("combobox", { name: "Search people and organisations" });
    await search.fill(outside);
    await expect(page.locator('[role="option"]').first().textContent()).resolves.toContain(outside);
    // close the results list, which lies over the bar
    await search.fill("");
    await search.press("Escape");

    // a large network's E-I index follows the first picture: colouring by it waits for it, then draws it
    await page.evaluate(() => (location.hash = "#colour=ei-index"));
    await page.waitForFunction(() => document.getElementById("app")?.dataset.analysed !== undefined, undefined, { timeout: 240_000 });
    await expect.poll(() => page.locator(".tiegraph-legend").textContent(), { timeout: 60_000 }).toContain("Colour: E-I index");
    expect(await page.locator(".status [role=status].muted:not([data-imported])").textContent()).not.toContain("still being computed");
    await page.evaluate(() => (location.hash = ""));

    await page.getByRole("button", { name: "Show whole network" }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".detail-bar")?.hidden === true, undefined, { timeout: 240_000 });
    await expect.poll(() => status.textContent(), { timeout: 240_000 }).toBe(`${n(network.personCount)} of ${n(network.personCount)} people, ${n(allTies)} of ${n(allTies)} ties shown, as of ${asOf}`);
    expect(foreignRequests(requests, served.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});
