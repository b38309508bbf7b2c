// End-to-end on the files people actually have: every CLI fixture, the page
// fixtures (1- and 2-person networks, an encrypted network, a calendar with an
// all-hands, a network whose last exchange is confidential) and a generated
// 8,000-person network, each opened on its own and after another file, in
// one Chromium page. For each: every tab settles (no "Analysing…", no error)
// and the status line's counts match the file as @tiegraph/core and
// @tiegraph/io read it here, independently of the page. Then the controls the
// issue names (Clear path, zoom, "Which one is you?", the passphrase), the
// phone layout, and the page's figures against `tiegraph report --json`.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { displayNames, formatDay, generateNetwork, Network, parseNetworkFile, relationships, serializeNetwork, type PersonId } from "@tiegraph/core";
import {
  calendarEgoOf,
  decryptNetworkFile,
  importAffiliationsCsv,
  importCalendar,
  importExchangesCsv,
  importLinkedInConnections,
  importPeopleCsv,
  importVCard,
  mergeInto,
  type ImportedNetwork,
} from "@tiegraph/io";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tiegraphProcess } from "../../../packages/cli/test/run-cli.js";
import { asOfLastExchange, EXPLORER_ROOT, foreignRequests, launchChromium, openPage, serveExplorer, waitForNetwork, type RecordedPage, type ServedExplorer } from "./browser.js";
import { lastShownDay } from "../src/worker/analysis.js";
import { LEVEL_OF_DETAIL_OPTIONS, strongestTies } from "../src/worker/level-of-detail.js";

const ROOT = join(EXPLORER_ROOT, "..", "..");
const CLI_FIXTURES = join(ROOT, "examples", "data", "fixtures-cli");
const PAGE_FIXTURES = join(ROOT, "examples", "data", "fixtures-page");
const PASSPHRASE = "correct horse battery staple";
const scratch = mkdtempSync(join(tmpdir(), "tiegraph-real-files-"));

/** What a set of files should show: read here with core and io, as the page's import step documents it. */
interface Expected {
  network: Network;
  /** Calendar events left out for having more than eight other participants. */
  largeMeetings: number;
}

const cli = (name: string) => join(CLI_FIXTURES, name);
const pageFixture = (name: string) => join(PAGE_FIXTURES, name);

/** Reads files the way the page documents (docs/explorer.md): people first, lenient imports, large meetings left out. */
async function expectedOf(files: readonly string[], largeMeetings = false): Promise<Expected> {
  let network = new Network();
  const imports: ImportedNetwork[] = [];
  let skipped = 0;
  const order = ["people", "linkedin", "vcard", "affiliations", "exchanges", "calendar"];
  const kindOf = (file: string) => {
    const head = readFileSync(file, "utf8").slice(0, 2000);
    if (head.includes("First Name")) return "linkedin";
    if (head.startsWith("BEGIN:VCARD")) return "vcard";
    if (head.startsWith("BEGIN:VCALENDAR")) return "calendar";
    if (head.startsWith("date,")) return "exchanges";
    if (head.startsWith("person,")) return "affiliations";
    if (head.startsWith("id,")) return "people";
    return "network";
  };
  const sorted = [...files].sort((a, b) => order.indexOf(kindOf(a)) - order.indexOf(kindOf(b)));
  for (const file of sorted) {
    const text = readFileSync(file, "utf8");
    const o = { file: basename(file) };
    switch (kindOf(file)) {
      case "network":
        network = text.includes('"tiegraph-encrypted"') ? await decryptNetworkFile(text, PASSPHRASE, o) : parseNetworkFile(text, o);
        break;
      case "linkedin":
        imports.push(await importLinkedInConnections(text, o));
        break;
      case "vcard":
        imports.push(await importVCard(text, o));
        break;
      case "people":
        imports.push(await importPeopleCsv(text, o));
        break;
      case "affiliations":
        imports.push(await importAffiliationsCsv(text, o));
        break;
      case "exchanges":
        imports.push(await importExchangesCsv(text, o));
        break;
      case "calendar": {
        // as the page reads it: with the network file's ego and addresses, when it has them
        const ego = calendarEgoOf(network);
        const imported = await importCalendar(text, { ...o, ...(largeMeetings ? { largeEventContacts: true } : {}), ...(ego ? { ego } : {}) });
        skipped += imported.largeEvents?.events ?? 0;
        imports.push(imported);
        break;
      }
    }
  }
  if (imports.length) mergeInto(network, imports);
  return { network, largeMeetings: skipped };
}

/** Ties the page can draw: relationships with an exchange that is not confidential. */
function drawableTies(network: Network): number {
  const rel = relationships(network, { excludeConfidential: true });
  let n = 0;
  for (let k = 0; k < rel.confidentialOnly.length; k++) if (!rel.confidentialOnly[k]) n++;
  return n;
}

/** The last date of an exchange that is not confidential, worked out from the records themselves. */
function lastOpenDate(network: Network): string {
  const dates = (network.toData().exchanges ?? []).filter((x) => !x.confidential).map((x) => x.date);
  return dates.sort().pop() ?? "";
}

/** The status line a network shown whole must have. */
function wholeStatus(network: Network): string {
  const n = (x: number) => x.toLocaleString("en");
  const p = network.personCount;
  const t = drawableTies(network);
  const asOf = lastOpenDate(network);
  return `${n(p)} of ${n(p)} ${p === 1 ? "person" : "people"}, ${n(t)} of ${n(t)} ${t === 1 ? "tie" : "ties"} shown${asOf ? `, as of ${asOf}` : ""}`;
}

/** The Explore tab's filters (the organisations and tags of the network on screen). */
const filters = (page: Page) => page.locator("fieldset", { has: page.locator("legend", { hasText: "Filters" }) });

const TABS = ["Explore", "Introduce", "Reciprocity", "Inside/outside"] as const;

/** Opens files through the file input (answering the passphrase if asked) and waits until they are shown. */
async function openFiles(page: Page, files: readonly string[]): Promise<void> {
  const name = files.map((f) => basename(f)).join(" + ");
  // the same name twice in a row: forget the old one so the wait sees the new load
  await page.evaluate(() => (document.getElementById("app")!.dataset.loaded = ""));
  await page.getByLabel("Open files").setInputFiles([...files]);
  if (files.some((f) => readFileSync(f, "utf8").includes('"tiegraph-encrypted"'))) {
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Open", exact: true }).click();
  }
  await waitForNetwork(page, name, 120_000);
}

/** Opens one tab and checks it settles with a result: no "Analysing…", no error, within the timeout; returns its text. */
async function tabSettles(page: Page, tab: (typeof TABS)[number]): Promise<string> {
  // generous: drawing a whole network of thousands in software WebGL keeps the page busy for a while on a loaded machine
  await page.getByRole("tab", { name: tab }).click({ timeout: 120_000 });
  const panel = page.getByRole("tabpanel", { name: tab });
  await page.waitForFunction((id) => {
    const el = document.getElementById(id)!;
    return !el.querySelector('[aria-busy="true"]') && !/Analysing…/.test(el.textContent ?? "");
  }, (await panel.getAttribute("id"))!, { timeout: 60_000 });
  const text = (await panel.textContent()) ?? "";
  expect(text, `${tab} tab`).not.toMatch(/could not be computed|Analysing…/);
  expect(await panel.locator(".problem").count(), `${tab} tab shows no problem`).toBe(0);
  return text;
}

/** Visits every tab and checks each settles (tabSettles), then returns to Explore. */
async function everyTabSettles(page: Page): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const tab of TABS) texts[tab] = await tabSettles(page, tab);
  await page.getByRole("tab", { name: "Explore" }).click({ timeout: 120_000 });
  return texts;
}

let served: ServedExplorer;
let browser: Browser;
let desk: RecordedPage;

beforeAll(async () => {
  served = await serveExplorer();
  browser = await launchChromium();
  desk = await openPage(browser, served.url);
  await waitForNetwork(desk.page);
  await asOfLastExchange(desk.page);
}, 240_000);

afterAll(async () => {
  if (desk) {
    expect(foreignRequests(desk.requests, served.origin)).toEqual([]);
    expect(desk.errors).toEqual([]);
  }
  await browser?.close();
  await served?.close();
});

/** The files of the matrix: each CLI fixture that is a network or an import, and the page fixtures. */
const MATRIX: readonly (readonly string[])[] = [
  [cli("intro-small.json")],
  [cli("Connections.csv")],
  [cli("contacts.vcf")],
  [cli("calendar.ics")],
  [cli("Connections.csv"), cli("contacts.vcf"), cli("calendar.ics")],
  [cli("no-ego.json")],
  [cli("people.csv")],
  [cli("people.csv"), cli("affiliations.csv"), cli("exchanges.csv")],
  [pageFixture("one-person.json")],
  [pageFixture("two-people.json")],
  [pageFixture("encrypted.json")],
  [pageFixture("big-meeting.ics")],
  [pageFixture("confidential-last.json")],
];

describe("every file opens and every tab settles", () => {
  // in order, every tab of every file settles; in reverse (each file now following a different one), the status line,
  // the ego question and the Reciprocity tab show the new file, not what the one before left behind
  it("each file of the matrix, opened after another, in order then in reverse (each also follows a different file)", async () => {
    const { page } = desk;
    const order = [...MATRIX, ...[...MATRIX].reverse()];
    for (const [i, files] of order.entries()) {
      const expected = await expectedOf(files);
      await openFiles(page, files);
      expect(await page.getByRole("alert").isHidden(), files.join(" + ")).toBe(true);
      expect(await page.locator("[data-status]").textContent(), files.join(" + ")).toBe(wholeStatus(expected.network));
      // "Which one is you?" exactly when the network has no ego
      expect(await page.getByRole("region", { name: "Which one is you?" }).isVisible()).toBe(expected.network.ego === undefined && expected.network.personCount > 0);
      let reciprocity: string;
      if (i < MATRIX.length) reciprocity = (await everyTabSettles(page)).Reciprocity!;
      else {
        reciprocity = await tabSettles(page, "Reciprocity");
        await page.getByRole("tab", { name: "Explore" }).click({ timeout: 120_000 });
      }
      if (expected.network.ego !== undefined) expect(reciprocity).toContain("You gave");
      else expect(reciprocity).toContain("does not say which one is you");
      if (expected.largeMeetings) expect(await page.locator("[data-large-meetings]").getAttribute("data-large-meetings")).toBe(String(expected.largeMeetings));
    }
  }, 600_000);

  // 8,000 people: past the level of detail's 3,000 (level-of-detail.e2e.test.ts opens 20,000), drawn whole in a third of the time
  it("a generated 8,000-person network (no ego) opens, every tab settles, and the next file replaces it", async () => {
    const file = join(scratch, "generated-8000.json");
    const big = generateNetwork({ seed: 20, people: 8_000, exchanges: 24_000 });
    writeFileSync(file, serializeNetwork(big, { indent: 0 }));
    const { page } = desk;
    await openFiles(page, [file]);
    // more than 3,000 people and no ego: it opens on its strongest ties (level of detail), the whole network a click away
    // the page is pinned to the last exchange ("As of", beforeAll)
    const day = lastShownDay(big)!;
    const rel = relationships(big, { excludeConfidential: true, asOf: day });
    const strongest = strongestTies(rel, LEVEL_OF_DETAIL_OPTIONS.mostTies);
    const n = (x: number) => x.toLocaleString("en");
    expect(await page.locator("[data-status]").textContent()).toBe(`${n(strongest.people.length)} of ${n(big.personCount)} people, ${n(strongest.ties.length)} of ${n(drawableTies(big))} ties shown, as of ${formatDay(day)}`);
    await page.getByRole("button", { name: "Show whole network" }).click();
    await expect.poll(() => page.locator("[data-status]").textContent(), { timeout: 300_000 }).toBe(wholeStatus(big));
    // no ego: the default size (tie strength to you) is replaced by one that needs none, without an error
    expect(await page.locator(".tiegraph-legend").textContent()).not.toContain("Tie strength to you");
    await everyTabSettles(page);
    const small = await expectedOf([cli("intro-small.json")]);
    await openFiles(page, [cli("intro-small.json")]);
    expect(await page.locator("[data-status]").textContent()).toBe(wholeStatus(small.network));
    await everyTabSettles(page);
  }, 600_000);

  it("a file that cannot be opened changes nothing: graph, filters, search, panels, URL and status stay", async () => {
    const { page } = desk;
    await openFiles(page, [cli("intro-small.json")]);
    const small = parseNetworkFile(readFileSync(cli("intro-small.json"), "utf8"));
    const someone = small.people().find((p) => p.id !== small.ego)!;
    await page.evaluate((h) => (location.hash = h), `#sel=${someone.id}`);
    await page.locator("#person-name").waitFor();
    const before = {
      url: page.url(),
      status: await page.locator("[data-status]").textContent(),
      orgs: await filters(page).textContent(),
      generation: await page.evaluate(() => document.getElementById("app")!.dataset.generation),
    };
    for (const bad of ["bad-json.json", "unknown-person.json", "exchanges-bad-date.csv"]) {
      await page.getByLabel("Open files").setInputFiles(cli(bad));
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain(bad);
      expect(await alert.textContent()).toContain("the network on screen is unchanged");
      expect(page.url()).toBe(before.url);
      expect(await page.locator("[data-status]").textContent()).toBe(before.status);
      expect(await filters(page).textContent()).toBe(before.orgs);
      expect(await page.evaluate(() => document.getElementById("app")!.dataset.generation)).toBe(before.generation);
      expect(await page.locator("#person-name").textContent()).toBe(someone.name);
      await alert.getByRole("button", { name: "Dismiss" }).click();
    }
    // a good file replaces all of it: the selection goes, the URL forgets it
    await openFiles(page, [pageFixture("two-people.json")]);
    expect(page.url()).not.toContain("sel=");
    expect(await page.locator(".person-panel").isHidden()).toBe(true);
  }, 120_000);
});

describe("controls named in the issue", () => {
  it("a network without ego asks \"Which one is you?\"; choosing keeps the page and unlocks the ego tabs", async () => {
    const { page } = desk;
    await openFiles(page, [cli("no-ego.json")]);
    const region = page.getByRole("region", { name: "Which one is you?" });
    await region.waitFor();
    // until answered: encodings that need no ego
    expect(await page.locator(".tiegraph-legend").textContent()).not.toContain("Tie strength to you");
    await page.getByRole("combobox", { name: "Which one is you?" }).fill("Ann");
    await region.getByRole("option", { name: /Ann/ }).first().click();
    await region.waitFor({ state: "hidden" });
    const net = parseNetworkFile(readFileSync(cli("no-ego.json"), "utf8"));
    net.setEgo("ann");
    const texts = await everyTabSettles(page);
    expect(texts.Reciprocity).toContain("You gave");
    expect(await page.locator("[data-status]").textContent()).toBe(wholeStatus(net));
    // skipping hides the question for this network only
    await openFiles(page, [cli("contacts.vcf")]);
    await region.waitFor();
    await region.getByRole("button", { name: "Skip" }).click();
    await region.waitFor({ state: "hidden" });
  }, 120_000);

  it("an encrypted network asks for its passphrase and says when it is wrong", async () => {
    const { page } = desk;
    await page.getByLabel("Open files").setInputFiles(pageFixture("encrypted.json"));
    await page.getByLabel("Passphrase").fill("not the passphrase");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByText("That passphrase does not open it.").waitFor();
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.evaluate(() => (document.getElementById("app")!.dataset.loaded = ""));
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await waitForNetwork(page, "encrypted.json");
    const decrypted = await decryptNetworkFile(readFileSync(pageFixture("encrypted.json"), "utf8"), PASSPHRASE);
    expect(await page.locator("[data-status]").textContent()).toBe(wholeStatus(decrypted));
  }, 120_000);

  it("large meetings are left out and counted; asked, their attendees become contacts", async () => {
    const { page } = desk;
    const skipped = await expectedOf([pageFixture("big-meeting.ics")]);
    const counted = await expectedOf([pageFixture("big-meeting.ics")], true);
    // the all-hands has 11 colleagues and its organiser besides me: 12 more people when counted
    expect(counted.network.personCount - skipped.network.personCount).toBe(12);
    await openFiles(page, [pageFixture("big-meeting.ics")]);
    expect(await page.locator("[data-large-meetings]").textContent()).toContain("1 calendar event with more than 8 other participants made no contacts.");
    await page.evaluate(() => (document.getElementById("app")!.dataset.loaded = ""));
    await page.getByRole("button", { name: "Count them too" }).click();
    await waitForNetwork(page, "big-meeting.ics");
    expect(await page.locator("[data-status]").textContent()).toBe(wholeStatus(counted.network));
  }, 120_000);

  it("hidden confidential exchanges neither count as ties nor date the status line", async () => {
    const { page } = desk;
    await openFiles(page, [pageFixture("confidential-last.json")]);
    // me–ann, me–bob, bob–ann have open exchanges; me–cid only a confidential one; the last open exchange is on 2025-03-05
    expect(await page.locator("[data-status]").textContent()).toBe("4 of 4 people, 3 of 3 ties shown, as of 2025-03-05");
    const withThem = await everyTabSettles(page);
    // the same file without its confidential exchanges reads the same everywhere: status line and every tab
    const data = JSON.parse(readFileSync(pageFixture("confidential-last.json"), "utf8")) as { exchanges: { confidential?: boolean }[] };
    data.exchanges = data.exchanges.filter((x) => !x.confidential);
    const open = join(scratch, "confidential-left-out.json");
    writeFileSync(open, JSON.stringify(data));
    await openFiles(page, [open]);
    expect(await page.locator("[data-status]").textContent()).toBe("4 of 4 people, 3 of 3 ties shown, as of 2025-03-05");
    expect(await everyTabSettles(page)).toEqual(withThem);
  }, 60_000);

  it("Clear path, Escape and a background click clear the path; it shows on the Introduce tab only; zoom buttons move the camera", async () => {
    const { page } = desk;
    await openFiles(page, [cli("intro-small.json")]);
    const net = parseNetworkFile(readFileSync(cli("intro-small.json"), "utf8"));
    const far = net.people().find((p) => p.id !== net.ego && !net.exchangesBetween(net.ego!, p.id).length)!;
    const clear = page.getByRole("button", { name: "Clear path" });
    const showPath = async () => {
      await page.evaluate((h) => (location.hash = h), `#tab=introduce&intro=person:${far.id}`);
      await clear.waitFor();
    };
    await showPath();
    expect(await page.locator(".tiegraph-legend").textContent()).toContain("introduction path");
    // the legend folded away from the path
    expect(await page.locator(".legend-box").getAttribute("open")).toBeNull();
    await page.getByRole("tab", { name: "Explore" }).click();
    expect(await clear.isHidden()).toBe(true);
    expect(await page.locator(".tiegraph-legend").textContent()).not.toContain("introduction path");
    await page.getByRole("tab", { name: "Introduce" }).click();
    await clear.waitFor();
    await clear.click();
    await clear.waitFor({ state: "hidden" });
    expect(page.url()).not.toContain("intro=");
    expect(await page.getByRole("combobox", { name: "Whom do you want to meet?" }).inputValue()).toBe("");

    await showPath();
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Escape");
    await clear.waitFor({ state: "hidden" });
    expect(page.url()).not.toContain("intro=");

    await showPath();
    // a click on an empty corner of the graph
    const box = (await page.locator(".graph").boundingBox())!;
    await page.mouse.click(box.x + box.width - 8, box.y + 8);
    await clear.waitFor({ state: "hidden" });
    expect(page.url()).not.toContain("intro=");

    const ratio = () => page.evaluate(() => (document.querySelector(".graph") as HTMLElement & { dataset: DOMStringMap }).dataset.cameraRatio ?? "");
    // the camera settles from the path's fit first: the same ratio twice, 300 ms apart
    let before = Number(await ratio());
    await expect
      .poll(async () => {
        const was = before;
        await page.waitForTimeout(300);
        before = Number(await ratio());
        return before === was;
      }, { timeout: 30_000, interval: 1 })
      .toBe(true);
    // each button animates the camera: wait for the move to end before the next
    const ratioNear = (target: number) => page.waitForFunction((t) => Math.abs(Number((document.querySelector(".graph") as HTMLElement).dataset.cameraRatio) - t) < 1e-3, target);
    await page.getByRole("button", { name: "Zoom in" }).click();
    await ratioNear(before / 1.5);
    await page.getByRole("button", { name: "Zoom out" }).click();
    await ratioNear(before);
    // nothing filtered: fitting shows the whole network, camera ratio 1
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByRole("button", { name: "Zoom to fit" }).click();
    await page.waitForFunction(() => (document.querySelector(".graph") as HTMLElement).dataset.cameraRatio === "1.0000");
  }, 120_000);

  it("filters change the status line, the legend's counts and the camera", async () => {
    const { page } = desk;
    await openFiles(page, [join(ROOT, "examples", "data", "sample-network.json")]);
    const sample = parseNetworkFile(readFileSync(join(ROOT, "examples", "data", "sample-network.json"), "utf8"));
    const day = sample.dayRange()!.last;
    const orgsOf = (i: number) => sample.organisationIndicesOn(i, day).map((o) => sample.organisationAt(o).id);
    // the largest organisation (by people whose first organisation it is: the colour legend's count)
    const firstCount = new Map<string, number>();
    sample.people().forEach((_p, i) => {
      const first = orgsOf(i)[0];
      if (first) firstCount.set(first, (firstCount.get(first) ?? 0) + 1);
    });
    const [orgId, firsts] = [...firstCount].sort((a, b) => b[1] - a[1])[0]!;
    const org = sample.organisation(orgId);
    const members = sample.people().filter((_p, i) => orgsOf(i).includes(orgId)).length;
    const beforeRatio = await page.evaluate(() => (document.querySelector(".graph") as HTMLElement).dataset.cameraRatio);
    await page.evaluate((h) => (location.hash = h), `#org=${orgId}`);
    const status = page.locator("[data-status]");
    await page.waitForFunction(() => !/^(\d[\d,]*) of \1 people/.test(document.querySelector("[data-status]")!.textContent ?? ""));
    // ego is never hidden: the organisation's people, plus ego when ego is not one of them
    const egoInside = orgsOf(sample.egoIndex).includes(orgId);
    expect(await status.textContent()).toMatch(new RegExp(`^${members + (egoInside ? 0 : 1)} of ${sample.personCount} people, \\d+ of [\\d,]+ ties shown`));
    expect(await page.locator(".tiegraph-legend").textContent()).toContain(`${org.name} (${firsts})`);
    await page.waitForFunction((r) => (document.querySelector(".graph") as HTMLElement).dataset.cameraRatio !== r, beforeRatio);
  }, 120_000);

  it("same-named people are told apart in search by their organisation", async () => {
    const { page } = desk;
    await openFiles(page, [join(ROOT, "examples", "data", "sample-network.json")]);
    const sample = parseNetworkFile(readFileSync(join(ROOT, "examples", "data", "sample-network.json"), "utf8"));
    const name = displayNames(sample);
    const twins = sample.people().filter((p, _i, all) => all.filter((q) => q.name === p.name).length > 1);
    expect(twins.length).toBeGreaterThan(1);
    await page.getByRole("combobox", { name: "Search people and organisations" }).fill(twins[0]!.name);
    const labels = await page.locator('.topbar [role="option"] .label').allTextContents();
    for (const t of twins.filter((p) => p.name === twins[0]!.name)) expect(labels).toContain(name(sample.personIndex(t.id)));
    expect(new Set(labels).size).toBe(labels.length);
    await page.keyboard.press("Escape");
  }, 60_000);
});

describe("the page's figures agree with `tiegraph report --json`", () => {
  it("ego's totals, a person's ledger and the reference day, for the sample on the same date", async () => {
    const file = join(ROOT, "examples", "data", "sample-network.json");
    const report = runReport(file);
    const { page } = desk;
    await openFiles(page, [file]);
    expect(await page.locator("[data-status]").textContent()).toContain(`as of ${report.asOf}`);
    await page.getByRole("tab", { name: "Reciprocity" }).click();
    const given = report.ledger.reduce((s, e) => s + e.given, 0);
    const received = report.ledger.reduce((s, e) => s + e.received, 0);
    expect(await page.locator('[data-total="given"]').textContent()).toBe(given.toFixed(2));
    expect(await page.locator('[data-total="received"]').textContent()).toBe(received.toFixed(2));
    // the person panel of the contact with the largest balance
    const top = [...report.ledger].sort((a, b) => Math.abs(b.balance) - Math.abs(a.balance))[0]!;
    await page.evaluate((h) => (location.hash = h), `#tab=reciprocity&sel=${top.contact}`);
    const ledgerText = (await page.locator('.person-panel [data-section="ledger"]').textContent()) ?? "";
    expect(ledgerText).toContain(`You gave${top.given.toFixed(2)} (recorded ${top.givenRaw.toFixed(2)})`);
    expect(ledgerText).toContain(`You received${top.received.toFixed(2)} (recorded ${top.receivedRaw.toFixed(2)})`);
    await page.getByRole("tab", { name: "Explore" }).click();
  }, 120_000);
});

describe("on a phone (390×844)", () => {
  it("the legend starts folded, a picked person's panel is a bottom sheet in view, every control is at least 44 px, pinch zooms", async () => {
    const phone = await openPage(browser, served.url, { width: 390, height: 844 }, { hasTouch: true });
    const { page } = phone;
    await waitForNetwork(page);
    expect(await page.locator(".legend-box").getAttribute("open")).toBeNull();
    await page.getByRole("combobox", { name: "Search people and organisations" }).fill("Dmitri Kim");
    await page.locator('.topbar [role="option"]').first().tap();
    const panel = page.locator(".person-panel");
    await panel.locator("#person-name").waitFor();
    const box = (await panel.boundingBox())!;
    // in the viewport without scrolling: its top within the screen, its bottom at the screen's bottom
    expect(box.y).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(844 - 100);
    expect(Math.round(box.y + box.height)).toBe(844);
    // the camera centres the person in the graph, and the graph's centre is above the sheet, on screen
    const graphBox = (await page.locator(".graph").boundingBox())!;
    const centre = graphBox.y + graphBox.height / 2;
    expect(centre).toBeGreaterThan(0);
    expect(centre).toBeLessThan(box.y);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button, input:not([type=file]), select, summary, [role=tab]")]
        .filter((e) => e.offsetParent !== null || getComputedStyle(e).position === "fixed")
        .map((e) => ({ name: e.getAttribute("aria-label") ?? e.textContent?.trim().slice(0, 30), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(({ name, r }) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    // pinch: two fingers moving apart over the graph zoom in
    await panel.getByRole("button", { name: /close/i }).first().tap();
    const g = (await page.locator(".graph").boundingBox())!;
    const before = Number(await page.evaluate(() => (document.querySelector(".graph") as HTMLElement).dataset.cameraRatio));
    await pinch(page, g.x + g.width / 2, g.y + g.height / 2, 20, 120);
    await page.waitForFunction((r) => Number((document.querySelector(".graph") as HTMLElement).dataset.cameraRatio) < r, before);
    expect(foreignRequests(phone.requests, served.origin)).toEqual([]);
    expect(phone.errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

/** Two touch points moving apart from `from` to `to` pixels around a centre, through the DevTools protocol. */
async function pinch(page: Page, x: number, y: number, from: number, to: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const points = (d: number) => [
    { x: x - d, y, id: 1 },
    { x: x + d, y, id: 2 },
  ];
  await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: points(from) });
  for (let k = 1; k <= 8; k++) await session.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: points(from + ((to - from) * k) / 8) });
  await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await session.detach();
}

interface ReportJson {
  asOf: string;
  ledger: { contact: PersonId; given: number; received: number; givenRaw: number; receivedRaw: number; balance: number }[];
}

/** `tiegraph report --json` as a user would run it (a process: the built command when it is up to date, else the CLI's TypeScript sources). */
function runReport(file: string): ReportJson {
  const r = tiegraphProcess(["report", file, "--as-of", "last", "--json"]);
  if (r.status !== 0) throw new Error(`tiegraph report failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ReportJson;
}
