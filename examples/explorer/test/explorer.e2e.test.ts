// End-to-end: the built explorer page in headless Chromium, driven like a
// person would (keyboard, clicks, file picker), with the expected figures
// computed by @tiegraph/core on the same file. Every request is recorded and
// none may leave the page's origin.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPathIndex, displayNames, eiIndex, externalShare, formatIntroduction, formatSouringReason, formatSouringReasons, generateNetwork, introductionPaths, Network, wordingNames, parseNetworkFile, reciprocityLedger, relationshipBalance, relationships, serializeNetwork, type TiegraphError } from "@tiegraph/core";
import { importLinkedInConnections, mergeInto } from "@tiegraph/io";
import { describe, expect, it } from "vitest";
import { asOfLastExchange, countPixels, EXPLORER_ROOT, waitForNetwork, type openPage, type RecordedPage } from "./browser.js";
import { explorerHarness } from "./e2e-harness.js";

const sampleText = readFileSync(join(EXPLORER_ROOT, "..", "data", "sample-network.json"), "utf8");
const sample: Network = parseNetworkFile(sampleText);
const scratch = mkdtempSync(join(tmpdir(), "tiegraph-e2e-"));

/** Ties the page can draw: relationships with an exchange that is not confidential. */
function drawableTies(network: Network): number {
  const rel = relationships(network, { excludeConfidential: true });
  let n = 0;
  for (let k = 0; k < rel.confidentialOnly.length; k++) if (!rel.confidentialOnly[k]) n++;
  return n;
}

/** The status line of a network shown whole. */
function wholeStatus(network: Network, asOf: string): string {
  const n = (x: number) => x.toLocaleString("en");
  return `${n(network.personCount)} of ${n(network.personCount)} people, ${n(drawableTies(network))} of ${n(drawableTies(network))} ties shown, as of ${asOf}`;
}

/** A person of the sample with a name nobody else has, satisfying a test. */
function uniquelyNamed(test: (id: string, index: number) => boolean): string {
  const counts = new Map<string, number>();
  for (const p of sample.people()) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const found = sample.people().find((p, i) => counts.get(p.name) === 1 && test(p.id, i));
  if (!found) throw new Error("no such person in the sample");
  return found.id;
}

/** The graph's background as the view painted it (its theme's background), as #rrggbb. */
async function graphBackground(page: RecordedPage["page"]): Promise<string> {
  const rgb = await page.locator(".graph").evaluate((el) => getComputedStyle(el).backgroundColor);
  return hex(rgb);
}

/** The colour of a legend swatch (e.g. the "introduction path" mark), as #rrggbb. */
async function legendSwatch(page: RecordedPage["page"], label: string): Promise<string> {
  const rgb = await page.locator(".tiegraph-legend li", { hasText: label }).locator(".swatch span").evaluate((el) => getComputedStyle(el).backgroundColor);
  return hex(rgb);
}

function hex(rgb: string): string {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(rgb);
  if (!m) throw new Error(`not a colour: ${rgb}`);
  return `#${m.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, "0")).join("")}`;
}

const harness = explorerHarness();

async function open(hash = "", options: Parameters<typeof openPage>[3] & { viewport?: { width: number; height: number } } = {}): Promise<RecordedPage> {
  const rec = await harness.open(hash, options.viewport, options);
  await waitForNetwork(rec.page);
  await asOfLastExchange(rec.page);
  return rec;
}

describe("explorer page", () => {
  it("loads the sample network and draws it, requesting only its own files", async () => {
    const { page, requests } = await open();
    await expect(page.locator("[data-status]").textContent()).resolves.toBe(wholeStatus(sample, "2026-09-30"));
    // people and ties are on the canvas: a large share of the graph differs from the white background
    const box = await page.locator(".graph").boundingBox();
    const background = await graphBackground(page);
    expect(background).toBe("#ffffff");
    const drawn = await countPixels(page, ".graph", background, "away");
    expect(drawn).toBeGreaterThan(0.05 * box!.width * box!.height);
    // the legend is built from the same scale: the largest organisation and its head count
    const legend = await page.locator(".tiegraph-legend").textContent();
    expect(legend).toContain("Colour: organisation");
    expect(legend).toMatch(/Bright Media \(\d+\)/);
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.every((u) => u.startsWith(harness.served.origin) || u.startsWith("blob:"))).toBe(true);
    expect(await page.locator(".privacy").textContent()).toContain("Nothing is uploaded or sent anywhere");
  });

  it("search finds a person from the keyboard and the panel shows their ledger", async () => {
    const ledger = reciprocityLedger(sample, { excludeConfidential: true });
    const id = uniquelyNamed((pid) => ledger.souring.some((e) => e.contact === pid));
    const name = sample.person(id).name;
    const expected = relationshipBalance(sample, "me", id, { excludeConfidential: true });
    const { page } = await open();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    await page.keyboard.type(name.slice(0, -1));
    const option = page.locator('[role="option"]', { hasText: name }).first();
    await option.waitFor();
    expect(await page.evaluate(() => performance.getEntriesByName("tiegraph:search").length)).toBeGreaterThan(0);
    // the typed text reaches the URL once typing pauses (not on every keystroke)
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get("q")).toBe(name.slice(0, -1));
    // arrow down to the person, then Enter
    const labels = await page.locator('[role="listbox"] [role="option"] .label').allTextContents();
    for (let k = 0; k < labels.indexOf(name); k++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const panel = page.locator(".person-panel");
    await expect(panel.locator("#person-name").textContent()).resolves.toBe(name);
    const ledgerText = await panel.locator('[data-section="ledger"]').textContent();
    expect(ledgerText).toContain(`You gave${expected.given.toFixed(2)} (recorded ${expected.givenRaw.toFixed(2)})`);
    expect(ledgerText).toContain(`You received${expected.received.toFixed(2)} (recorded ${expected.receivedRaw.toFixed(2)})`);
    expect(ledgerText).toContain(expected.souring!.direction === "you-owe" ? "souring: you owe them" : "souring: they owe you");
    const reasons = await panel.locator('[aria-label="Why it is souring"] li').allTextContents();
    expect(reasons).toEqual(expected.souring!.reasons.map(formatSouringReason));
    expect(page.url()).toContain(`sel=${encodeURIComponent(id)}`);
    // Escape clears the selection and closes the panel
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Escape");
    await expect(panel.isHidden()).resolves.toBe(true);
    expect(page.url()).not.toContain("sel=");
  });

  it("highlights a selected person on the graph once their panel is filled in, and clears the highlight with the selection", async () => {
    const id = uniquelyNamed((_pid, i) => i > 0 && sample.exchangesBetween(0, i).length > 0);
    const { page } = await open();
    const graph = page.locator(".graph");
    expect(await graph.getAttribute("data-highlighted")).toBeFalsy();
    await page.evaluate((h) => (location.hash = h), `#sel=${id}`);
    const panel = page.locator(".person-panel");
    await expect.poll(() => panel.locator("#person-name").textContent()).toBe(sample.person(id).name);
    // the redraw of the highlight comes after the panel is painted (or 150 ms at most without it)
    await expect.poll(() => graph.getAttribute("data-highlighted")).toBe(id);
    await page.evaluate(() => (location.hash = ""));
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await graph.getAttribute("data-highlighted")).toBe("");
  });

  it("keeps notes and confidential exchanges hidden until revealed, per panel", async () => {
    const id = sample.people().find((p) => p.notes && sample.exchangesBetween("me", p.id).some((e) => sample.isConfidential(e)))!.id;
    const notes = sample.person(id).notes!;
    const confidential = sample.exchangesBetween("me", id).filter((e) => sample.isConfidential(e)).length;
    const { page } = await open(`#sel=${id}`);
    const panel = page.locator(".person-panel");
    await panel.locator("#person-name").waitFor();
    expect(await panel.textContent()).not.toContain(notes);
    expect(await panel.locator(".confidential").count()).toBe(0);
    await panel.locator('[data-action="reveal"]').click();
    expect(await panel.locator('[data-section="notes"]').textContent()).toContain(notes);
    expect(await panel.locator('[data-section="exchanges"] li.confidential').count()).toBe(Math.min(confidential, 12));
    // another person's panel starts hidden again
    const other = sample.people().find((p) => p.id !== id && p.id !== "me" && p.notes)!;
    await page.evaluate((h) => (location.hash = h), `#sel=${other.id}`);
    // the panel keeps the previous person until the worker's answer arrives
    await expect.poll(() => panel.locator("#person-name").textContent()).toBe(other.name);
    expect(await panel.textContent()).not.toContain(other.notes!);
  });

  it("an introduction query lists core's ranked paths and highlights the chosen one on the graph", async () => {
    // the page leaves confidential exchanges out of paths, as the CLI does
    const pathIndex = createPathIndex(sample, { excludeConfidential: true });
    const id = uniquelyNamed((_pid, i) => i > 0 && sample.exchangesBetween(0, i).length === 0 && introductionPaths(pathIndex, { to: { person: sample.personAt(i).id }, reciprocityAware: false }).paths.length >= 2);
    const name = sample.person(id).name;
    const expected = introductionPaths(pathIndex, { to: { person: id }, reciprocityAware: false, k: 3 });
    const { page } = await open("#tab=introduce");
    // the highlight colour is learnt from the legend once a path is shown
    const before = await page.locator(".graph").screenshot();
    const picker = page.getByRole("combobox", { name: "Whom do you want to meet?" });
    await picker.fill(name.slice(0, -1));
    await page.locator('[role="option"]', { hasText: name }).first().click();
    const paths = page.locator("ol.paths > li");
    await paths.first().waitFor();
    await expect(paths.count()).resolves.toBe(expected.paths.length);
    // the page says what the CLI says: core's formatter, with the same names and figures
    const text = formatIntroduction(expected, wordingNames(sample));
    expect(await page.locator("[data-summary]").first().textContent()).toBe(text.summary);
    expect(await paths.nth(0).locator("strong").textContent()).toBe(text.paths[0]![0]);
    expect(await paths.nth(0).locator("ul li").allTextContents()).toEqual(text.paths[0]!.slice(1));
    await page.waitForTimeout(700); // camera move to the path
    const highlight = await legendSwatch(page, "introduction path");
    expect(await countPixels(page, before, highlight)).toBeLessThan(20);
    expect(await countPixels(page, ".graph", highlight)).toBeGreaterThan(100);
    // choosing the second path moves the highlight and the URL
    await paths.nth(1).getByRole("button").click();
    await expect(paths.nth(1).getAttribute("class")).resolves.toBe("chosen");
    expect(page.url()).toContain("path=1");
    expect(page.url()).toContain(`intro=person%3A${encodeURIComponent(id)}`);
    expect(await page.evaluate(() => performance.getEntriesByName("tiegraph:path").length)).toBeGreaterThan(0);
  });

  it("a file with a broken row shows where it is wrong and leaves the graph as it was", async () => {
    const bad = sampleText.replace('"date": "2023-10-05"', '"date": "2023-02-30"');
    expect(bad).not.toBe(sampleText);
    const file = join(scratch, "broken.json");
    writeFileSync(file, bad);
    let expected: TiegraphError | undefined;
    try {
      parseNetworkFile(bad, { file: "broken.json" });
    } catch (e) {
      expected = e as TiegraphError;
    }
    expect(expected?.line).toBeGreaterThan(1);
    const { page } = await open();
    const background = await graphBackground(page);
    const drawnBefore = await countPixels(page, ".graph", background, "away");
    await page.locator('input[type="file"]').setInputFiles(file);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.locator("[data-where]").textContent()).toBe(`broken.json, line ${expected!.line}, column ${expected!.column}: `);
    expect(await alert.locator("[data-message]").textContent()).toBe(expected!.message);
    expect(await alert.textContent()).toContain("the network on screen is unchanged");
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await expect(alert.isHidden()).resolves.toBe(true);
    expect(await page.locator("#app").getAttribute("data-loaded")).toBe("sample-network.json");
    expect(await page.locator("[data-status]").textContent()).toContain(`${sample.personCount} people`);
    const drawnAfter = await countPixels(page, ".graph", background, "away");
    expect(Math.abs(drawnAfter - drawnBefore)).toBeLessThan(0.02 * drawnBefore);
  });

  it("imports LinkedIn's Connections.csv, and a broken row is left out, named with its line", async () => {
    const header = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const rows = ["Ann,Lee,https://www.linkedin.com/in/ann-lee-0a1b2c,,Acme,Engineer,12 Mar 2024", 'Bob,Stone,https://www.linkedin.com/in/bob-stone,,"Globex, Inc.",Manager,01 Feb 2023', "Cy,Doe,,,Acme,Designer,5 Jan 2025"];
    const good = join(scratch, "Connections.csv");
    writeFileSync(good, header + rows.join("\n") + "\n");
    const expected = new Network();
    const report = mergeInto(expected, await importLinkedInConnections(readFileSync(good, "utf8"), { file: "Connections.csv", strict: true }), { strict: true });
    const { page } = await open();
    await page.locator('input[type="file"]').setInputFiles(good);
    await waitForNetwork(page, "Connections.csv");
    expect(await page.locator("[data-status]").textContent()).toBe(wholeStatus(expected, "2025-01-05"));
    expect(await page.locator("[data-imported]").textContent()).toContain(`Imported Connections.csv: ${report.added.length} people added, ${report.merged.length} recognised, ${report.ambiguous.length} uncertain (added apart), ${report.exchangesAdded} exchanges.`);

    const badDir = mkdtempSync(join(tmpdir(), "tiegraph-e2e-"));
    const bad = join(badDir, "Connections.csv");
    writeFileSync(bad, header + [...rows, "Dee,Ray,,,Initech,CEO,31 Feb 2024"].join("\n") + "\n");
    const lenient = await importLinkedInConnections(readFileSync(bad, "utf8"), { file: "Connections.csv" });
    const problem = lenient.problems[0]!;
    // lines: 1 "Notes:", 2 the note, 3 blank, 4 header, 5–7 Ann, Bob, Cy, 8 Dee on 31 February
    expect(problem.line).toBe(8);
    // a second file of the same name: the page opens it again, leaving Dee out and naming her line
    await page.evaluate(() => (document.getElementById("app")!.dataset.loaded = ""));
    await page.locator('input[type="file"]').setInputFiles(bad);
    await waitForNetwork(page, "Connections.csv");
    expect(await page.locator("[data-imported]").textContent()).toContain(`Records left out for 1 problem: ${problem.message}`);
    expect(await page.locator("[data-status]").textContent()).toBe(wholeStatus(expected, "2025-01-05"));
  });

  it("reports progress while a larger file loads in the worker", async () => {
    const big = generateNetwork({ seed: 11, people: 3000, exchanges: 30_000, ego: true });
    const file = join(scratch, "larger.json");
    writeFileSync(file, serializeNetwork(big, { indent: 0 }));
    const { page } = await open();
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
      const status = document.querySelector("[data-status]")!;
      new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('input[type="file"]').setInputFiles(file);
    await waitForNetwork(page, "larger.json");
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.some((t) => /^Reading… \d+%$/.test(t))).toBe(true);
    expect(seen).toContain("Checking…");
    expect(seen).toContain("Analysing…");
    expect(seen).toContain("Drawing…");
    // 3,001 people: above 3,000 the page opens on a part, and the whole network is one click away
    expect(big.personCount).toBe(3001);
    expect(seen[seen.length - 1]).toMatch(/^[\d,]+ of 3,001 people, /);
    await page.getByRole("button", { name: "Show whole network" }).click();
    await page.waitForFunction((t) => document.querySelector("[data-status]")!.textContent === t, wholeStatus(big, "2026-09-30"));
  });

  it("shows a person named with HTML as text", async () => {
    const evil = '<img src="x-never-loaded" onerror="window.__owned=1"><b>Eve</b>';
    const file = join(scratch, "html-name.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "tiegraph",
        version: 1,
        ego: "me",
        organisations: [{ id: "o1", name: '<script>window.__owned=2</script>Org' }],
        people: [{ id: "me", name: "Me" }, { id: "eve", name: evil }, { id: "bob", name: "Bob" }, { id: "cy", name: "Cy Cole\u202egpj.exe" }],
        affiliations: [{ person: "eve", organisation: "o1" }],
        exchanges: [
          { date: "2026-01-05", kind: "favour", from: "eve", to: "me" },
          { date: "2026-02-05", kind: "information", from: "bob", to: "eve" },
          { date: "2026-02-06", kind: "information", from: "cy", to: "me" },
        ],
      }),
    );
    const { page, requests } = await open();
    await page.locator('input[type="file"]').setInputFiles(file);
    await waitForNetwork(page, "html-name.json");
    await page.keyboard.press("/");
    await page.keyboard.type("Eve");
    const option = page.locator('[role="option"] .label').first();
    await expect(option.textContent()).resolves.toBe(evil);
    await page.keyboard.press("Enter");
    await expect(page.locator("#person-name").textContent()).resolves.toBe(evil);
    expect(await page.locator(".person-panel").textContent()).toContain("<script>window.__owned=2</script>Org");
    expect(await page.locator("img, main b, main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined();
    expect(requests.some((u) => u.includes("x-never-loaded"))).toBe(false);
    // a right-to-left override is shown, not obeyed: the name cannot pass for "Cy Coleexe.jpg" (as in the CLI)
    await page.keyboard.press("/");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Cy Co");
    await expect.poll(() => page.locator('[role="option"] .label').first().textContent()).toBe("Cy Cole\\u202egpj.exe");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#person-name").textContent()).toBe("Cy Cole\\u202egpj.exe");
  });

  it("switches to the dark theme and keeps it in the URL", async () => {
    const { page } = await open();
    const light = await graphBackground(page);
    await page.locator('[data-action="theme"]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(20, 23, 27)");
    await page.waitForTimeout(100);
    const dark = await graphBackground(page);
    expect(dark).toBe("#14171b");
    const box = await page.locator(".graph").boundingBox();
    expect(await countPixels(page, ".graph", dark, "near", 6)).toBeGreaterThan(0.4 * box!.width * box!.height);
    // only the few white marks of the dark theme (ego's ring) remain near the light background
    expect(await countPixels(page, ".graph", light, "near", 6)).toBeLessThan(0.005 * box!.width * box!.height);
    expect(page.url()).toContain("theme=dark");
  });

  it("restores selection, tab, filters, encodings and query from the URL", async () => {
    const first = await open();
    const { page } = first;
    const id = uniquelyNamed((pid) => pid !== "me" && sample.hasPerson(pid));
    // change state the way a person would
    await page.getByRole("button", { name: "My neighbourhood" }).click();
    await page.getByRole("combobox", { name: "Colour by", exact: true }).selectOption("internal-external");
    await page.getByRole("radio", { name: "external" }).check();
    await page.getByLabel("Exchanges from").fill("2025-01-01");
    await page.getByRole("combobox", { name: "Search people and organisations" }).fill(sample.person(id).name);
    await page.locator('[role="option"]', { hasText: sample.person(id).name }).first().click();
    await page.getByRole("tab", { name: "Reciprocity" }).click();
    await page.locator('[data-action="theme"]').click();
    const bookmarked = page.url();
    expect(bookmarked).toContain("#");

    const { page: again } = await open(bookmarked.slice(bookmarked.indexOf("#")));
    await expect(again.locator("#person-name").textContent()).resolves.toBe(sample.person(id).name);
    expect(await again.getByRole("tab", { name: "Reciprocity" }).getAttribute("aria-selected")).toBe("true");
    // the Explore tab's controls are hidden behind the Reciprocity tab but hold the state
    expect(await again.locator('[data-scope="ego"]').getAttribute("aria-pressed")).toBe("true");
    expect(await again.locator('select[aria-label="Colour by"]').inputValue()).toBe("internal-external");
    expect(await again.locator('input[name="side"][value="external"]').isChecked()).toBe(true);
    expect(await again.locator('input[aria-label="Exchanges from"]').inputValue()).toBe("2025-01-01");
    expect(await again.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await again.getByRole("combobox", { name: "Search people and organisations" }).inputValue()).toBe(sample.person(id).name);
    expect(again.url()).toBe(bookmarked);
  });

  it("follows an address set while the page is changing its own state (the page does not write over it)", async () => {
    const { page } = await open();
    // the new address and a change of the page's own, before the hashchange event is heard:
    // the page writes its state to the URL on every change, and must not undo the address
    await page.evaluate(() => {
      location.hash = "#tab=reciprocity";
      document.querySelector<HTMLButtonElement>('[data-action="theme"]')!.click();
    });
    await expect.poll(() => page.getByRole("tab", { name: "Reciprocity" }).getAttribute("aria-selected")).toBe("true");
    expect(new URL(page.url()).hash).toBe("#tab=reciprocity");
    // and the page writes its state again on the next change
    await page.getByRole("tab", { name: "Inside/outside" }).click();
    expect(new URL(page.url()).hash).toContain("tab=mix");
  });

  it("reciprocity and inside/outside views show core's figures", async () => {
    const ledger = reciprocityLedger(sample, { excludeConfidential: true });
    const { page } = await open("#tab=reciprocity");
    const shownName = displayNames(sample);
    // the ledger's lists come from the worker after the picture: waited for, not read at once
    await expect.poll(() => page.locator('[data-list="souring"] button.person span:first-child').allTextContents(), { timeout: 30_000, interval: 100 }).toEqual(ledger.souring.slice(0, 10).map((e) => shownName(sample.personIndex(e.contact))));
    expect(await page.locator('[data-list="souring"] .why').allTextContents()).toEqual(ledger.souring.slice(0, 10).map((e) => formatSouringReasons(e.souring!.reasons)));
    expect(await page.locator(".tiegraph-legend").textContent()).toContain("Tie colour: reciprocity");
    await page.getByRole("tab", { name: "Inside/outside" }).click();
    const mix = page.locator('[data-panel="mix"]');
    await expect.poll(() => mix.locator('[data-figure="ei"]').textContent(), { timeout: 30_000, interval: 100 }).toMatch(/^[+−]?\d\.\d\d$|^0\.00$/);
    await expect.poll(() => mix.locator("svg.chart circle").count(), { timeout: 30_000, interval: 100 }).toBeGreaterThan(4);
    // as of the last exchange, ego's E-I index and external share are core's (and the CLI's report: the same functions)
    await asOfLastExchange(page);
    const ei = eiIndex(sample, { excludeConfidential: true }).byPerson.me!;
    const share = externalShare(sample, { excludeConfidential: true });
    // on the sample, 398 external and 29 internal ties: (398 − 29) / 427 = +0.86; 398 / 427 = 93%, 43 points above 50%
    expect([share.external, share.internal]).toEqual([398, 29]);
    expect(ei).toBeCloseTo((398 - 29) / 427, 12);
    await expect.poll(() => mix.locator('[data-figure="ei"]').textContent(), { timeout: 30_000, interval: 100 }).toBe(`+${ei.toFixed(2)}`);
    expect(await mix.locator('[data-figure="share"]').textContent()).toBe(`${Math.round(share.share! * 100)}% of your ties are external; your target is 50% (${Math.round(share.gap! * 100)} points above target).`);
    expect(await page.locator(".tiegraph-legend").textContent()).toContain("internal or external");
  });

  it("runs the layout in its worker and exports the picture as a PNG", async () => {
    const { page } = await open();
    const before = await page.locator(".graph").screenshot();
    const layout = page.locator('[data-action="layout"]');
    await layout.click();
    expect(await layout.getAttribute("aria-pressed")).toBe("true");
    // the layout worker's first positions arrive once it has started (slow on a busy machine)
    await expect.poll(async () => (await page.locator(".graph").screenshot()).equals(before), { timeout: 30_000, interval: 500 }).toBe(false);
    await layout.click();
    expect(await layout.getAttribute("aria-pressed")).toBe("false");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /PNG/ }).click()]);
    expect(download.suggestedFilename()).toBe("sample-network.png");
    const png = readFileSync((await download.path())!);
    // PNG signature, then the IHDR width and height: the graph's size on screen
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const box = (await page.locator(".graph").boundingBox())!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(box.width), Math.round(box.height)]);
  });

  it("is reachable by keyboard with a visible focus ring", async () => {
    const { page } = await open();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, name: el.getAttribute("aria-label") ?? el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focused.tag).toBe("BUTTON");
    expect(focused.outline).toBe("solid");
    expect(focused.width).toBeGreaterThanOrEqual(2);
    // every button and form control has an accessible name
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("button, input, select")].filter((el) => {
        const labelled = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || (el as HTMLInputElement).labels?.length || el.textContent?.trim();
        return !labelled;
      }).length,
    );
    expect(unnamed).toBe(0);
  });

  it("works on a narrow touch screen", async () => {
    const { page } = await open("", { viewport: { width: 390, height: 844 }, hasTouch: true });
    const graph = await page.locator(".graph-area").boundingBox();
    const sidebar = await page.locator(".sidebar").boundingBox();
    // the graph comes first, the panels below it
    expect(sidebar!.y).toBeGreaterThanOrEqual(graph!.y + graph!.height - 1);
    expect(graph!.width).toBeGreaterThan(370);
    await page.getByRole("tab", { name: "Reciprocity" }).tap();
    const first = page.locator('[data-list="souring"] button.person').first();
    const name = await first.locator("span").first().textContent();
    await first.tap();
    await expect(page.locator("#person-name").textContent()).resolves.toBe(name);
  });
});
