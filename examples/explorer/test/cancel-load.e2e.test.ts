// End-to-end: a slow load (a people CSV of many thousand rows, built here)
// can be cancelled with "Cancel loading", which leaves the network on screen
// as it was, and a file opened while another one is still being read opens
// and stays shown (the slow one, replaced, never takes its place).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPLORER_ROOT, launchChromium, openPage, serveExplorer, waitForNetwork, type ServedExplorer } from "./browser.js";

const TWO_PEOPLE = join(EXPLORER_ROOT, "..", "data", "fixtures-page", "two-people.json");
const scratch = mkdtempSync(join(tmpdir(), "tiegraph-cancel-"));
/** Rows of the slow CSV: enough that reading and importing it takes a while in the page. */
const ROWS = 150_000;
const slowCsv = join(scratch, "many-people.csv");

let served: ServedExplorer;
let browser: Browser;

beforeAll(async () => {
  const lines = ["id,name,organisation,email,tags,office"];
  for (let i = 0; i < ROWS; i++) lines.push(`p${i},Person ${i},Org ${i % 500},p${i}@example.org,tag${i % 7},City ${i % 40}`);
  writeFileSync(slowCsv, lines.join("\n") + "\n");
  served = await serveExplorer();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("cancelling a load", () => {
  it("Cancel loading stops the load and keeps the network on screen", async () => {
    const { page, errors } = await openPage(browser, served.url);
    await waitForNetwork(page);
    const status = page.locator("[data-status]");
    const before = await status.textContent();
    const cancel = page.getByRole("button", { name: "Cancel loading" });
    expect(await cancel.isHidden()).toBe(true);

    await page.getByLabel("Open files").setInputFiles(slowCsv);
    await cancel.waitFor({ state: "visible" });
    // the CSV is read in an import worker of its own (nested in the network worker)
    const importWorker = () => page.workers().filter((w) => /import-worker/.test(w.url())).length;
    await expect.poll(importWorker, { timeout: 30_000 }).toBe(1);
    await cancel.click();
    await cancel.waitFor({ state: "hidden" });
    // cancelling terminates it: the work stops, not just its answer
    await expect.poll(importWorker, { timeout: 30_000 }).toBe(0);
    // the sample is still shown, with the same status line, and no error
    expect(await page.evaluate(() => document.getElementById("app")?.dataset.loaded)).toBe("sample-network.json");
    expect(await status.textContent()).toBe(before);
    expect(await page.locator("[role=alert]:visible, .error:visible").count()).toBe(0);

    // the worker is free: another file opens and is shown
    await page.getByLabel("Open files").setInputFiles(TWO_PEOPLE);
    await waitForNetwork(page, "two-people.json", 60_000);
    expect(await status.textContent()).toMatch(/^2 of 2 people/);
    // the cancelled load never replaces it
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.getElementById("app")?.dataset.loaded)).toBe("two-people.json");
    expect(errors).toEqual([]);
  }, 180_000);

  it("a file opened while another is loading opens and stays shown", async () => {
    const { page, errors } = await openPage(browser, served.url);
    await waitForNetwork(page);
    const cancel = page.getByRole("button", { name: "Cancel loading" });
    const importWorkers = () => page.workers().filter((w) => /import-worker/.test(w.url())).length;
    await page.getByLabel("Open files").setInputFiles(slowCsv);
    await cancel.waitFor({ state: "visible" });
    await expect.poll(importWorkers, { timeout: 30_000 }).toBe(1);
    await page.getByLabel("Open files").setInputFiles(TWO_PEOPLE);
    await waitForNetwork(page, "two-people.json", 60_000);
    await cancel.waitFor({ state: "hidden" });
    // the replaced load's import worker was terminated, and the new one's ended
    await expect.poll(importWorkers, { timeout: 30_000 }).toBe(0);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.getElementById("app")?.dataset.loaded)).toBe("two-people.json");
    expect(await page.locator("[data-status]").textContent()).toMatch(/^2 of 2 people/);
    expect(errors).toEqual([]);
  }, 180_000);
});
