// End-to-end: keeping the ledger in the explorer page (issue 13), in headless
// Chromium. A small network is written by core (so its file round-trips byte
// for byte), opened through the file input, edited through the dialogs by
// their accessible names, and the expected figures are computed by core on
// the same network with the same edits. Saves are caught as downloads (or,
// for the in-place save, by a stand-in for the File System Access API's
// save picker) and read back by core and by the CLI.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Network, formatSouringReason, parseNetworkFile, reciprocityLedger, relationshipBalance, serializeNetwork, type NetworkData, type NetworkEdit } from "@tiegraph/core";
import { decryptText, encryptText, isEncryptedNetworkFile } from "@tiegraph/io";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tiegraph } from "../../../packages/cli/test/run-cli.js";
import { EXPLORER_ROOT, waitForNetwork } from "./browser.js";
import { explorerHarness } from "./e2e-harness.js";

const scratch = mkdtempSync(join(tmpdir(), "tiegraph-ledger-e2e-"));
const PASSPHRASE = "ledger kept in the browser";

/** A small network: you at Acme, Bob at Acme, Ann and Anne (the same woman, twice) at Globex, Cy nowhere. */
const DATA: NetworkData = {
  ego: "me",
  organisations: [
    { id: "acme", name: "Acme" },
    { id: "globex", name: "Globex" },
  ],
  people: [
    { id: "me", name: "Mia Ego" },
    { id: "bob", name: "Bob Stone", emails: ["bob@acme.example"] },
    { id: "ann", name: "Ann Lee", emails: ["ann@globex.example"] },
    { id: "ann2", name: "Anne Lee", tags: ["conference"] },
    { id: "cy", name: "Cy Young" },
  ],
  affiliations: [
    { person: "me", organisation: "acme", from: "2020-01-01" },
    { person: "bob", organisation: "acme", from: "2021-03-01" },
    { person: "ann", organisation: "globex" },
    { person: "ann2", organisation: "globex", from: "2024-01-01" },
  ],
  exchanges: [
    { date: "2026-01-10", kind: "meeting", from: "me", to: "bob", minutes: 30, format: "coffee" },
    { date: "2026-02-02", kind: "information", from: "me", to: "bob" },
    { date: "2026-04-15", kind: "favour", from: "me", to: "ann" },
    { date: "2026-05-01", kind: "information", from: "ann2", to: "me" },
    { date: "2026-06-20", kind: "meeting", from: "me", to: "ann2" },
    { date: "2026-07-03", kind: "introduction", from: "ann", to: "me", introduced: "cy" },
    { date: "2026-08-30", kind: "information", from: "cy", to: "me" },
    { date: "2026-09-30", kind: "meeting", from: "me", to: "cy", minutes: 45 },
  ],
};

function network(): Network {
  const n = new Network();
  n.apply(DATA);
  return n;
}
const ORIGINAL = serializeNetwork(network());
const plainFile = join(scratch, "ledger.json");
writeFileSync(plainFile, ORIGINAL);

const harness = explorerHarness();

/**
 * A fresh page (its own storage). `picker`: "download" takes the File System
 * Access API away, so Save downloads; "stand-in" puts a save picker in its
 * place that keeps what is written in `window.savedFiles`.
 */
async function openExplorer(picker: "download" | "stand-in"): Promise<Page> {
  const context = await harness.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.addInitScript((mode) => {
    const w = window as unknown as Record<string, unknown>;
    if (mode === "download") {
      delete w.showSaveFilePicker;
      return;
    }
    const saved: string[] = [];
    w.savedFiles = saved;
    w.showSaveFilePicker = async (options: { suggestedName: string }) => ({
      name: options.suggestedName,
      kind: "file",
      createWritable: async () => {
        let text = "";
        return {
          write: async (chunk: string) => void (text += chunk),
          close: async () => void saved.push(text),
          abort: async () => undefined,
        };
      },
    });
  }, picker);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  harness.watch({ requests, errors, close: () => context.close() });
  await page.goto(harness.served.url);
  await waitForNetwork(page);
  return page;
}

/** Opens a network file through the file input (answering the passphrase if asked). */
async function openFile(page: Page, path: string, name: string): Promise<void> {
  await page.evaluate(() => (document.getElementById("app")!.dataset.loaded = ""));
  await page.getByLabel("Open files").setInputFiles(path);
  if (readFileSync(path, "utf8").includes('"tiegraph-encrypted"')) {
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Open", exact: true }).click();
  }
  await waitForNetwork(page, name, 120_000);
}

const generation = (page: Page) => page.evaluate(() => Number(document.getElementById("app")!.dataset.generation));

/** Runs `act`, then waits for the page to show a newer generation of the network (an edit was applied). */
async function edited(page: Page, act: () => Promise<void>): Promise<void> {
  const before = await generation(page);
  await act();
  await page.waitForFunction((g) => Number(document.getElementById("app")!.dataset.generation) > g, before);
}

/** Waits until the working copy has been stored `count` times. */
async function stored(page: Page, count: number): Promise<void> {
  await page.waitForFunction((c) => Number(document.querySelector<HTMLElement>(".ledger-tools")?.dataset.stored ?? 0) >= c, count, { timeout: 60_000 });
}

/** Makes the figures as of the last exchange (whatever the page's default), as core's measures default to. */
async function asOfLastExchange(page: Page): Promise<void> {
  const control = page.getByLabel("As of", { exact: true });
  if ((await control.inputValue()) !== "last-exchange") await edited(page, async () => void (await control.selectOption("last-exchange")));
}

async function select(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate((sel) => (location.hash = `sel=${sel}`), id);
  await expect.poll(() => page.locator(".person-panel #person-name").textContent()).toBe(name);
}

/** Chooses a person in a picker by typing their name and picking the first hit. */
async function pick(page: Page, label: string, name: string): Promise<void> {
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel(label, { exact: true }).fill(name);
  await dialog.locator('[role="option"]', { hasText: name }).first().click();
}

/** Logs a favour received from the person whose panel is open. */
async function logFavourReceived(page: Page, name: string, date: string): Promise<void> {
  await page.getByRole("button", { name: `Log exchange with ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Log exchange" });
  await dialog.getByLabel("Date").fill(date);
  await dialog.getByLabel("Kind").selectOption("favour");
  await dialog.getByLabel("Direction").selectOption("received");
  expect(await dialog.getByLabel("Value").inputValue()).toBe("3");
  await edited(page, () => dialog.getByRole("button", { name: "Log", exact: true }).click());
  await dialog.waitFor({ state: "detached" });
}

/** Clicks Save and returns the downloaded file's text. */
async function saveByDownload(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const path = join(scratch, `saved-${Date.now()}.json`);
  await (await download).saveAs(path);
  return readFileSync(path, "utf8");
}

/** The working copy of a file in the page's IndexedDB. */
function storedCopy(page: Page, name = "ledger.json"): Promise<{ text: string; encrypted: boolean; unsaved: boolean; name: string } | undefined> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("tiegraph-explorer", 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("working").objectStore("working").get(key);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
    name,
  );
}

const FAVOUR: NetworkEdit = { op: "add-exchange", exchange: { date: "2026-03-01", kind: "favour", from: "bob", to: "me" } };

describe("keeping the ledger in the page", () => {
  it("logs a favour received: the panel and the Reciprocity tab change at once, a reload keeps it, the saved file's report shows it", async () => {
    const before = network();
    const after = network();
    after.edit(FAVOUR);
    const was = relationshipBalance(before, "me", "bob", { excludeConfidential: true });
    const now = relationshipBalance(after, "me", "bob", { excludeConfidential: true });
    // the fixture is chosen so that the favour turns the relationship sour: you owe Bob now
    expect(was.souring).toBeUndefined();
    expect(now.souring?.direction).toBe("you-owe");
    const ledgerWas = reciprocityLedger(before, { excludeConfidential: true });
    const ledgerNow = reciprocityLedger(after, { excludeConfidential: true });

    const page = await openExplorer("download");
    await openFile(page, plainFile, "ledger.json");
    await asOfLastExchange(page);
    await select(page, "bob", "Bob Stone");
    const panel = page.locator(".person-panel");
    const ledgerText = () => panel.locator('[data-section="ledger"]').textContent();
    expect(await ledgerText()).toContain(`You received${was.received.toFixed(2)} (recorded ${was.receivedRaw.toFixed(2)})`);
    expect(await ledgerText()).not.toContain("souring");
    await page.getByRole("tab", { name: "Reciprocity" }).click();
    const souringHeading = page.getByRole("heading", { name: /^Souring \(\d+\)$/ });
    expect(await souringHeading.textContent()).toBe(`Souring (${ledgerWas.souring.length})`);

    await logFavourReceived(page, "Bob Stone", "2026-03-01");
    // the panel shows the new ledger, without a reload
    await expect.poll(ledgerText).toContain(`You received${now.received.toFixed(2)} (recorded ${now.receivedRaw.toFixed(2)})`);
    expect(await ledgerText()).toContain("souring: you owe them");
    expect(await panel.locator('[aria-label="Why it is souring"] li').allTextContents()).toEqual(now.souring!.reasons.map(formatSouringReason));
    expect(await panel.locator('[data-section="exchanges"]').textContent()).toContain("2026-03-01: favour, Bob Stone → Mia Ego");
    // and so does the Reciprocity tab
    await expect.poll(() => souringHeading.textContent()).toBe(`Souring (${ledgerNow.souring.length})`);
    expect(ledgerNow.souring.length).toBe(ledgerWas.souring.length + 1);
    expect(await page.locator('[data-list="souring"] [data-person="bob"]').textContent()).toContain("you owe");
    await expect.poll(() => page.locator("[data-unsaved]").textContent()).toBe("Unsaved changes");

    // a reload offers the working copy, which still has the exchange
    await stored(page, 1);
    const copy = await storedCopy(page);
    expect(copy?.encrypted).toBe(false);
    expect(copy?.text).toBe(serializeNetwork(after));
    await page.reload();
    await waitForNetwork(page);
    await page.getByRole("region", { name: "Unsaved work" }).getByRole("button", { name: "Continue ledger.json" }).click();
    await waitForNetwork(page, "ledger.json");
    await select(page, "bob", "Bob Stone");
    await expect.poll(() => panel.locator('[data-section="exchanges"]').textContent()).toContain("2026-03-01: favour, Bob Stone → Mia Ego");
    expect(await page.locator("[data-unsaved]").textContent()).toBe("Unsaved changes");

    // Save writes the file (a download here); the CLI's report reads the exchange from it
    const saved = await saveByDownload(page);
    expect(saved).toBe(serializeNetwork(after));
    await expect.poll(() => page.locator("[data-unsaved]").textContent()).toBe("");
    const savedPath = join(scratch, "report-me.json");
    writeFileSync(savedPath, saved);
    const run = tiegraph(["report", savedPath, "--json"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { exchanges: number; asOf: string; ledger: { contact: string; received: number; receivedRaw: number }[] };
    expect(report.exchanges).toBe(DATA.exchanges!.length + 1);
    const bob = report.ledger.find((e) => e.contact === "bob")!;
    const expected = relationshipBalance(after, "me", "bob", { excludeConfidential: true, asOf: report.asOf });
    expect(bob.receivedRaw).toBe(expected.receivedRaw);
    expect(bob.received).toBeCloseTo(expected.received, 12);
    expect(expected.receivedRaw).toBe(3);
  }, 180_000);

  it("a bad date and an empty With get inline errors from core's rules, and nothing changes", async () => {
    const page = await openExplorer("download");
    await openFile(page, plainFile, "ledger.json");
    const g = await generation(page);
    await page.getByRole("button", { name: "Log exchange", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Log exchange" });
    await dialog.getByLabel("Date").fill("2026-02-30");
    await dialog.getByLabel("Minutes").fill("-5");
    await dialog.getByRole("button", { name: "Log", exact: true }).click();
    const error = (field: string) => dialog.locator(`[data-error-for="${field}"]`);
    await error("Date").waitFor();
    expect(await error("Date").textContent()).toBe('invalid date "2026-02-30"; expected a calendar date YYYY-MM-DD');
    expect(await error("With").textContent()).toBe("Choose at least one person.");
    expect(await error("Minutes").textContent()).toBe("invalid minutes; expected a finite number of minutes ≥ 0");
    expect(await dialog.getByLabel("Date").getAttribute("aria-invalid")).toBe("true");
    expect(await error("Kind").isHidden()).toBe(true);
    // nothing applied: same generation, nothing to undo, nothing stored
    expect(await generation(page)).toBe(g);
    expect(await page.getByRole("button", { name: "Undo", exact: true }).isDisabled()).toBe(true);
    expect(await page.locator("[data-unsaved]").textContent()).toBe("");
    expect(await storedCopy(page)).toBeUndefined();
    // fixing the fields logs it
    await dialog.getByLabel("Date").fill("2026-02-28");
    await dialog.getByLabel("Minutes").fill("20");
    await pick(page, "With", "Cy Young");
    await edited(page, () => dialog.getByRole("button", { name: "Log", exact: true }).click());
    expect(await page.getByRole("button", { name: "Undo", exact: true }).isEnabled()).toBe(true);
    const expected = network();
    expected.edit({ op: "add-exchange", exchange: { date: "2026-02-28", kind: "information", from: "me", to: "cy", minutes: 20 } });
    expect(await saveByDownload(page)).toBe(serializeNetwork(expected));
  }, 180_000);

  it("undo of a sequence of edits gives back the original file byte for byte; redo applies them again", async () => {
    const page = await openExplorer("download");
    await openFile(page, plainFile, "ledger.json");
    // 1. a group meeting with Bob and Cy
    await page.keyboard.press("l");
    let dialog = page.getByRole("dialog", { name: "Log exchange" });
    await dialog.getByLabel("Kind").selectOption("meeting");
    expect(await dialog.getByLabel("Direction").inputValue()).toBe("both");
    await pick(page, "With", "Bob Stone");
    await pick(page, "With", "Cy Young");
    await dialog.getByLabel("Note").fill("planning <b>lunch</b>");
    await dialog.getByLabel("Confidential").check();
    await edited(page, () => dialog.getByRole("button", { name: "Log", exact: true }).click());
    // 2. a new person at a new organisation
    await page.getByRole("button", { name: "Add person", exact: true }).click();
    dialog = page.getByRole("dialog", { name: "Add person" });
    await dialog.getByLabel("Name", { exact: true }).fill("Zed Novak");
    await dialog.getByLabel("Emails").fill("zed@initech.example");
    await dialog.getByRole("button", { name: "Add organisation" }).click();
    await dialog.getByLabel("New organisation 1").fill("Initech");
    await dialog.getByLabel("From 1").fill("2025-06-01");
    await edited(page, () => dialog.getByRole("button", { name: "Add", exact: true }).click());
    await expect.poll(() => page.locator(".person-panel #person-name").textContent()).toBe("Zed Novak");
    // 3. Bob's job change, what he is after and what I can offer him
    await select(page, "bob", "Bob Stone");
    await page.getByRole("button", { name: "Edit person", exact: true }).click();
    dialog = page.getByRole("dialog", { name: "Edit person" });
    await dialog.getByLabel("What they are after").fill("a CFO\nintroductions in Berlin");
    await dialog.getByLabel("What I can offer them").fill("my notes on pricing");
    await dialog.getByLabel("To 1").fill("2026-06-30");
    await dialog.getByRole("button", { name: "Add organisation" }).click();
    await dialog.getByLabel("Organisation 2", { exact: true }).selectOption("globex");
    await dialog.getByLabel("From 2").fill("2026-07-01");
    await dialog.getByLabel("Role 2").fill("CFO");
    await edited(page, () => dialog.getByRole("button", { name: "Save changes" }).click());
    await expect.poll(() => page.locator('.person-panel [data-section="history"]').textContent()).toContain("Globex, CFO: 2026-07-01 to now");
    expect(await page.locator('.person-panel [data-section="interests"] li').allTextContents()).toEqual(["a CFO", "introductions in Berlin"]);
    expect(await page.locator('.person-panel [data-section="offers"] li').allTextContents()).toEqual(["my notes on pricing"]);
    // 4. merge Anne into Ann, from the suggestion
    await page.getByRole("button", { name: "Merge people", exact: true }).click();
    dialog = page.getByRole("dialog", { name: "Merge people" });
    await expect.poll(() => dialog.locator('[data-list="merge-suggestions"] li').allTextContents()).toEqual(["Ann Lee and Anne Lee: similar names, both at Globex Merge"]);
    await edited(page, () => dialog.getByRole("button", { name: "Merge Anne Lee into Ann Lee" }).click());
    // 5. delete Cy
    await select(page, "cy", "Cy Young");
    await page.getByRole("button", { name: "Edit person", exact: true }).click();
    await edited(page, () => page.getByRole("dialog", { name: "Edit person" }).getByRole("button", { name: "Delete person" }).click());
    await expect.poll(() => page.locator(".person-panel").isHidden()).toBe(true);

    // what the page did is what core does with the same edits
    const edits = network();
    edits.edit([
      { op: "add-exchange", exchange: { date: todayUTC(), kind: "meeting", from: "me", to: "bob", note: "planning <b>lunch</b>", confidential: true } },
      { op: "add-exchange", exchange: { date: todayUTC(), kind: "meeting", from: "me", to: "cy", note: "planning <b>lunch</b>", confidential: true } },
    ]);
    edits.edit([
      { op: "add-organisation", organisation: { id: "initech", name: "Initech" } },
      { op: "add-person", person: { id: "zed-novak", name: "Zed Novak", emails: ["zed@initech.example"] } },
      { op: "add-affiliation", affiliation: { person: "zed-novak", organisation: "initech", from: "2025-06-01" } },
    ]);
    edits.edit([
      { op: "update-person", id: "bob", patch: { interests: ["a CFO", "introductions in Berlin"], offers: ["my notes on pricing"] } },
      { op: "remove-affiliation", person: "bob", index: 0 },
      { op: "add-affiliation", affiliation: { person: "bob", organisation: "acme", from: "2021-03-01", to: "2026-06-30" } },
      { op: "add-affiliation", affiliation: { person: "bob", organisation: "globex", from: "2026-07-01", role: "CFO" } },
    ]);
    edits.edit({ op: "merge-people", keep: "ann", drop: "ann2" });
    edits.edit({ op: "remove-person", id: "cy" });
    await stored(page, 5);
    expect((await storedCopy(page))?.text).toBe(serializeNetwork(edits));
    expect(await page.locator("[data-unsaved]").textContent()).toBe("Unsaved changes");

    // five undos from the keyboard: back to the file as opened
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    for (let k = 0; k < 5; k++) await edited(page, () => page.keyboard.press("Control+z"));
    expect(await page.getByRole("button", { name: "Undo", exact: true }).isDisabled()).toBe(true);
    expect(await page.locator("[data-unsaved]").textContent()).toBe("");
    expect(await saveByDownload(page)).toBe(ORIGINAL);
    // redo all five, then undo them again
    for (let k = 0; k < 5; k++) await edited(page, () => page.keyboard.press("Control+Shift+z"));
    expect(await page.getByRole("button", { name: "Redo", exact: true }).isDisabled()).toBe(true);
    expect(await saveByDownload(page)).toBe(serializeNetwork(edits));
    for (let k = 0; k < 5; k++) await edited(page, () => page.getByRole("button", { name: "Undo", exact: true }).click());
    expect(await saveByDownload(page)).toBe(ORIGINAL);
  }, 240_000);

  it("merge moves every exchange of the person merged in", async () => {
    const page = await openExplorer("download");
    await openFile(page, plainFile, "ledger.json");
    const before = network();
    const annCount = before.exchangesOf(before.personIndex("ann")).length;
    const ann2Count = before.exchangesOf(before.personIndex("ann2")).length;
    expect(ann2Count).toBe(2);
    await select(page, "ann", "Ann Lee");
    await page.getByRole("button", { name: "Merge people", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Merge people" });
    // the selected person is kept; the other is chosen by name
    await pick(page, "Merge in", "Anne Lee");
    await edited(page, () => dialog.getByRole("button", { name: "Merge", exact: true }).click());
    const saved = parseNetworkFile(await saveByDownload(page));
    expect(saved.hasPerson("ann2")).toBe(false);
    expect(saved.exchangesOf(saved.personIndex("ann")).length).toBe(annCount + ann2Count);
    expect(saved.person("ann").tags).toEqual(["conference"]);
    const expected = network();
    expected.edit({ op: "merge-people", keep: "ann", drop: "ann2" });
    expect(serializeNetwork(saved)).toBe(serializeNetwork(expected));
    await expect.poll(() => page.locator('.person-panel [data-section="exchanges"] li').count()).toBe(annCount + ann2Count);
  }, 180_000);

  it("an encrypted file stays encrypted: in the browser's storage and when saved in place", async () => {
    const encryptedFile = join(scratch, "ledger-encrypted.json");
    writeFileSync(encryptedFile, await encryptText(ORIGINAL, PASSPHRASE, { iterations: 100_000 }));
    const page = await openExplorer("stand-in");
    await openFile(page, encryptedFile, "ledger-encrypted.json");
    await select(page, "bob", "Bob Stone");
    await logFavourReceived(page, "Bob Stone", "2026-03-01");
    const expected = network();
    expected.edit(FAVOUR);
    await stored(page, 1);
    const copy = (await storedCopy(page, "ledger-encrypted.json"))!;
    expect(copy.encrypted).toBe(true);
    expect(isEncryptedNetworkFile(copy.text)).toBe(true);
    expect(copy.text).not.toContain("Bob");
    expect(await decryptText(copy.text, PASSPHRASE)).toBe(serializeNetwork(expected));
    // Save writes in place through the (stand-in) save picker, encrypted with the same passphrase
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForFunction(() => ((window as unknown as { savedFiles: string[] }).savedFiles ?? []).length === 1);
    const saved = await page.evaluate(() => (window as unknown as { savedFiles: string[] }).savedFiles[0]!);
    expect(isEncryptedNetworkFile(saved)).toBe(true);
    expect(await decryptText(saved, PASSPHRASE)).toBe(serializeNetwork(expected));
    // the message follows the write: it may show a moment after the file is there
    await expect.poll(() => page.locator("[data-ledger-message]").textContent(), { timeout: 30_000 }).toBe("Saved to ledger-encrypted.json (encrypted).");
  }, 180_000);

  it("a plain file can be saved encrypted on request", async () => {
    const page = await openExplorer("stand-in");
    await openFile(page, plainFile, "ledger.json");
    await page.getByRole("button", { name: "Save encrypted…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save encrypted" });
    await dialog.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel("Repeat the passphrase").fill("something else");
    await dialog.getByRole("button", { name: "Save encrypted" }).click();
    await expect.poll(() => dialog.locator('[data-error-for="Repeat the passphrase"]').textContent(), { timeout: 30_000 }).toBe("The two passphrases differ.");
    await dialog.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
    await dialog.getByRole("button", { name: "Save encrypted" }).click();
    await page.waitForFunction(() => ((window as unknown as { savedFiles: string[] }).savedFiles ?? []).length === 1);
    const saved = await page.evaluate(() => (window as unknown as { savedFiles: string[] }).savedFiles[0]!);
    expect(isEncryptedNetworkFile(saved)).toBe(true);
    expect(await decryptText(saved, PASSPHRASE)).toBe(ORIGINAL);
  }, 180_000);

  it("figures are as of the day chosen: today, the last exchange, or another day (a bad one gets an inline error)", async () => {
    const page = await openExplorer("download");
    await openFile(page, plainFile, "ledger.json");
    await select(page, "bob", "Bob Stone");
    const ledgerText = () => page.locator('.person-panel [data-section="ledger"]').textContent();
    const status = () => page.locator("[data-status]").textContent();
    const given = (asOf: string) => relationshipBalance(network(), "me", "bob", { excludeConfidential: true, asOf }).given.toFixed(2);
    const asOf = page.getByLabel("As of", { exact: true });
    await asOfLastExchange(page);
    expect(await status()).toContain("as of 2026-09-30");
    expect(await ledgerText()).toContain(`You gave${given("2026-09-30")}`);
    await edited(page, async () => void (await asOf.selectOption("today")));
    expect(await status()).toContain(`as of ${todayUTC()}`);
    await expect.poll(ledgerText).toContain(`You gave${given(todayUTC())}`);
    await asOf.selectOption("day");
    const g = await generation(page);
    await page.getByLabel("As of day").fill("2026-02-31");
    await page.getByLabel("As of day").press("Tab");
    await expect.poll(() => page.locator('[data-error-for="As of"]').textContent()).toBe('invalid date "2026-02-31"; expected a calendar date YYYY-MM-DD');
    expect(await generation(page)).toBe(g);
    await page.getByLabel("As of day").fill("2026-03-15");
    await edited(page, () => page.getByLabel("As of day").press("Tab"));
    expect(await status()).toContain("as of 2026-03-15");
    await expect.poll(ledgerText).toContain(`You gave${given("2026-03-15")}`);
    expect(given("2026-03-15")).not.toBe(given(todayUTC()));
    expect(await page.locator('[data-error-for="As of"]').isHidden()).toBe(true);
  }, 180_000);

  it("choosing which one is you is an edit: unsaved, undone by Undo, written by Save", async () => {
    const { ego: _ego, ...noEgo } = DATA;
    const n = new Network();
    n.apply(noEgo);
    const file = join(scratch, "no-ego.json");
    writeFileSync(file, serializeNetwork(n));
    const page = await openExplorer("download");
    await openFile(page, file, "no-ego.json");
    const region = page.getByRole("region", { name: "Which one is you?" });
    await region.waitFor();
    await page.getByRole("combobox", { name: "Which one is you?" }).fill("Mia");
    await edited(page, () => region.getByRole("option", { name: /Mia Ego/ }).first().click());
    await region.waitFor({ state: "hidden" });
    expect(await page.locator("[data-unsaved]").textContent()).toBe("Unsaved changes");
    expect(await saveByDownload(page)).toBe(ORIGINAL);
    await edited(page, () => page.getByRole("button", { name: "Undo", exact: true }).click());
    await region.waitFor();
    expect(await saveByDownload(page)).toBe(serializeNetwork(n));
  }, 180_000);

  it("a network imported from LinkedIn's CSV is kept as a network file: edited, reloaded, continued", async () => {
    const page = await openExplorer("download");
    const csv = join(EXPLORER_ROOT, "..", "data", "fixtures-cli", "Connections.csv");
    await openFile(page, csv, "Connections.csv");
    const people = await page.evaluate(() => document.querySelector("[data-status]")!.textContent!);
    await page.getByRole("button", { name: "Add person", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Add person" });
    // a person needs a name: the page says so and adds nothing
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    expect(await dialog.locator('[data-error-for="Name"]').textContent()).toBe("Give the person a name.");
    await dialog.getByLabel("Name", { exact: true }).fill("Zed Novak");
    await edited(page, () => dialog.getByRole("button", { name: "Add", exact: true }).click());
    await stored(page, 1);
    await page.reload();
    await waitForNetwork(page);
    await page.getByRole("button", { name: "Continue Connections.csv" }).click();
    await waitForNetwork(page, "Connections.csv.json");
    await select(page, "zed-novak", "Zed Novak");
    // kept under the network file's name from now on
    expect(await storedCopy(page, "Connections.csv")).toBeUndefined();
    expect((await storedCopy(page, "Connections.csv.json"))?.unsaved).toBe(true);
    expect(await page.locator("[data-status]").textContent()).not.toBe(people);
    // Save writes a network file, named for what it was imported from
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe("Connections.csv.json");
    const path = join(scratch, "imported.json");
    await d.saveAs(path);
    expect(parseNetworkFile(readFileSync(path, "utf8")).person("zed-novak").name).toBe("Zed Novak");
  }, 180_000);
});

/** Today in UTC as YYYY-MM-DD (the test browser runs in the machine's zone, UTC here). */
function todayUTC(): string {
  return new Date().toISOString().slice(0, 10);
}
