// End-to-end: the "This week" tab and "Ask for this introduction" in the
// built page, in headless Chromium. The expected plans come from the CLI
// (`tiegraph plan --json`, run on the same file) and from core on the same
// network with the same changes applied, so the page must say what they say.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  advanceRequest,
  applyRequestChange,
  askAlongPath,
  createPathIndex,
  askForIntroduction,
  draftIntroductionMessage,
  formatOpenRequest,
  formatRequestStep,
  formatPlanEntry,
  introductionMessage,
  introductionPaths,
  listRequests,
  networkingRoutine,
  openRequests,
  parseNetworkFile,
  planToIcs,
  relationshipBalance,
  serializeNetwork,
  weeklyPlan,
  wordingNames,
  type Exchange,
  type Network,
  type WeeklyPlan,
} from "@tiegraph/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SAMPLE, tiegraph } from "../../../packages/cli/test/run-cli.js";
import { asOfLastExchange, waitForNetwork } from "./browser.js";
import { explorerHarness } from "./e2e-harness.js";

const sampleText = readFileSync(SAMPLE, "utf8");
const fresh = (): Network => parseNetworkFile(sampleText);
const sample = fresh();

/** `tiegraph plan SAMPLE --week DAY [--job-search] --json`, as a user runs it. */
function cliPlan(day: string, jobSearch = false): WeeklyPlan {
  const run = tiegraph(["plan", SAMPLE, "--week", day, "--json", ...(jobSearch ? ["--job-search"] : [])]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as WeeklyPlan;
}

/** How long a figure may take to follow an edit: the worker publishes the network again (slow on a busy machine). */
const POLL = { timeout: 30_000, interval: 100 };

const harness = explorerHarness();

async function open(hash: string): Promise<Page> {
  const rec = await harness.open(hash);
  await waitForNetwork(rec.page);
  await asOfLastExchange(rec.page);
  return rec.page;
}

/** Sets the tab's "Week of" day and waits for the plan of that week. */
async function setDay(page: Page, day: string): Promise<void> {
  await page.getByLabel("Week of", { exact: true }).fill(day);
  await page.getByLabel("Week of", { exact: true }).dispatchEvent("change");
  await waitForWeek(page, day);
}

/** Sets the page's "Figures as of" day (the ledger's control); the week follows it. */
async function setPageAsOf(page: Page, day: string): Promise<void> {
  await page.getByRole("combobox", { name: "As of", exact: true }).selectOption("day");
  await page.getByLabel("As of day").fill(day);
  await page.getByLabel("As of day").dispatchEvent("change");
  await waitForWeek(page, day);
  expect(await page.getByLabel("Week of", { exact: true }).inputValue()).toBe(day);
}

/** Waits until the tab shows the week read on `day`. */
async function waitForWeek(page: Page, day: string): Promise<void> {
  const monday = cliMonday(day);
  await page.locator(`[data-panel="week"]:not([aria-busy]) [data-plan-week="${monday}"]`).waitFor({ timeout: 30_000 });
}

/** Monday of a day's week (weeks run Monday to Sunday). */
function cliMonday(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The entries the page shows: person, minutes, title and reasons. */
async function shownEntries(page: Page): Promise<{ person: string; minutes: number; title: string; reasons: string[] }[]> {
  const entries = page.locator('ol.plan[aria-label="Plan for the week"] > li');
  const out = [];
  for (let k = 0; k < (await entries.count()); k++) {
    const e = entries.nth(k);
    out.push({
      person: (await e.getAttribute("data-person"))!,
      minutes: Number(await e.getAttribute("data-minutes")),
      title: (await e.locator("strong").first().textContent())!,
      reasons: await e.locator('[aria-label="Why now"] li').allTextContents(),
    });
  }
  return out;
}

describe("This week", () => {
  it("shows the CLI's plan for the same week and options, within the budget, in core's words", async () => {
    const names = wordingNames(sample);
    const page = await open("#tab=week");
    const tab = page.getByRole("tab", { name: "This week" });
    expect(await tab.getAttribute("aria-selected")).toBe("true");

    for (const [day, jobSearch] of [["2026-10-07", false], ["2026-10-07", true], ["2026-09-30", true]] as const) {
      if (day === "2026-09-30") {
        // the week moves with its controls: back one week
        await page.getByRole("button", { name: "Previous week" }).click();
        await waitForWeek(page, day);
      } else if (jobSearch) {
        await page.getByRole("switch", { name: "Job search" }).check();
        await waitForWeek(page, day);
      } else {
        // the week follows the page's "Figures as of" day when the reader sets it
        await setPageAsOf(page, day);
      }
      const expected = cliPlan(day, jobSearch);
      const shown = await shownEntries(page);
      // the same people, in the same order, with the same minutes
      expect(shown.map((e) => [e.person, e.minutes])).toEqual(expected.items.map((i) => [i.person, i.minutes]));
      expect(shown.length).toBeGreaterThan(2);
      const total = shown.reduce((s, e) => s + e.minutes, 0);
      expect(total).toBe(expected.usedMinutes);
      expect(total).toBeLessThanOrEqual(expected.budgetMinutes);
      expect(expected.budgetMinutes).toBe(jobSearch ? 240 : 120);
      // who and why now: every reason worded by core's formatter
      for (const [k, item] of expected.items.entries()) {
        const text = formatPlanEntry(item, names);
        expect(shown[k]!.title).toBe(text.title);
        expect(shown[k]!.reasons).toEqual(text.reasons);
      }
    }

    // the week as a calendar file: core's planToIcs of the CLI's plan
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export week as .ics" }).click()]);
    const ics = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toBe("tiegraph-week-2026-09-28.ics");
    expect(ics).toBe(planToIcs(cliPlan("2026-09-30", true), { names }));

    // Skip drops an entry from this week; Not this week moves it to the next week
    const before = await shownEntries(page);
    const first = page.getByRole("group", { name: before[0]!.title });
    await first.getByRole("button", { name: "Skip" }).click();
    expect((await shownEntries(page)).map((e) => e.person)).toEqual(before.slice(1).map((e) => e.person));
    await page.getByRole("group", { name: before[1]!.title }).getByRole("button", { name: "Not this week" }).click();
    expect((await shownEntries(page)).map((e) => e.person)).toEqual(before.slice(2).map((e) => e.person));
    await page.getByRole("button", { name: "Next week" }).click();
    await waitForWeek(page, "2026-10-07");
    const moved = page.locator('[data-panel="week"] li', { hasText: "Moved here from the week of 2026-09-28" });
    expect(await moved.getAttribute("data-person")).toBe(before[1]!.person);
  }, 180_000);

  it("Done logs the meeting through the Log exchange form and moves the routine chart", async () => {
    const day = "2026-10-07";
    const page = await open("#tab=week");
    await setDay(page, day);
    const plan = cliPlan(day);
    const item = plan.items[0]!;
    const routineBefore = networkingRoutine(sample, { asOf: day });
    const bar = page.locator(`.routine-chart rect[data-week="${routineBefore.thisWeek.week}"]`);
    expect(Number(await bar.getAttribute("data-minutes"))).toBe(routineBefore.thisWeek.usedMinutes);
    const heightBefore = Number(await bar.getAttribute("height"));
    expect(await page.locator('[data-section="routine"] [data-remaining]').getAttribute("data-remaining")).toBe(String(routineBefore.thisWeek.remainingMinutes));

    await page.getByRole("group", { name: formatPlanEntry(item, wordingNames(sample)).title }).getByRole("button", { name: "Done" }).click();
    const dialog = page.getByRole("dialog", { name: "Log exchange" });
    await dialog.waitFor();
    // the form is pre-filled: the day, a meeting, the planned minutes
    expect(await dialog.getByLabel("Date").inputValue()).toBe(day);
    expect(await dialog.getByRole("combobox", { name: "Kind" }).inputValue()).toBe("meeting");
    expect(await dialog.getByLabel("Minutes").inputValue()).toBe(String(item.minutes));
    await dialog.getByRole("button", { name: "Log" }).click();
    await dialog.waitFor({ state: "detached" });

    // core on the same network with the same meeting logged
    const after = fresh();
    after.edit({ op: "add-exchange", exchange: { date: day, kind: "meeting", from: "me", to: item.person, minutes: item.minutes } });
    const routineAfter = networkingRoutine(after, { asOf: day });
    expect(routineAfter.thisWeek.usedMinutes).toBe(routineBefore.thisWeek.usedMinutes + item.minutes);
    await expect.poll(async () => Number(await bar.getAttribute("data-minutes")), POLL).toBe(routineAfter.thisWeek.usedMinutes);
    expect(Number(await bar.getAttribute("height"))).toBeGreaterThan(heightBefore);
    expect(await page.locator('[data-section="routine"] [data-remaining]').getAttribute("data-remaining")).toBe(String(routineAfter.thisWeek.remainingMinutes));
    const entry = page.locator(`ol.plan > li[data-person="${item.person}"]`);
    expect(await entry.getAttribute("data-done")).toBe("true");
    expect(await entry.locator(".logged").textContent()).toBe(`Done: logged on ${day}.`);
  }, 180_000);

  it("a request asked from a path advances to introduced, and the connector's balance changes by the introduction's value", async () => {
    const day = "2026-09-30"; // the sample's last day: the ledger's recency weights stay where they were
    // the page leaves confidential exchanges out of paths, as the CLI does
    const pathIndex = createPathIndex(sample, { excludeConfidential: true });
    const target = sample.people().find((p, i) => i > 0 && sample.exchangesBetween(0, i).length === 0 && (introductionPaths(pathIndex, { to: { person: p.id }, reciprocityAware: false, k: 3 }).paths[0]?.people.length ?? 0) >= 3)!.id;
    const path = introductionPaths(pathIndex, { to: { person: target }, reciprocityAware: false, k: 3 }).paths[0]!;
    const connector = path.people[1]!;
    const why = "advice on pricing";
    const offer = "our churn study";

    // what core says the same request does
    const expected = fresh();
    const asked = askAlongPath(expected, path, { date: day, why, offer });
    const id = asked.request.id;
    const message = draftIntroductionMessage(introductionMessage(expected, asked.request));
    applyRequestChange(expected, asked);
    const names = wordingNames(expected);
    // the plan now has the request on it (whom to see about it), as `tiegraph plan` would
    const planAfterAsk = weeklyPlan(expected, { week: day });
    const waiting = planAfterAsk.items.find((i) => i.reasons.some((r) => r.code === "request-waiting" && r.requestId === id));
    expect(waiting?.person).toBe(connector);
    const stalledLine = formatOpenRequest(openRequests(expected, { asOf: "2026-10-14", person: "me" })[0]!, names);
    const freshLine = formatOpenRequest(openRequests(expected, { asOf: day, person: "me" })[0]!, names);
    const balanceBefore = relationshipBalance(expected, "me", connector, { excludeConfidential: true });
    let introducedExchange: Exchange | undefined;
    for (const step of ["connector-agreed", "target-agreed", "introduced"] as const) {
      const change = advanceRequest(expected, id, step, day);
      if (step === "introduced") introducedExchange = change.exchanges[0];
      applyRequestChange(expected, change);
    }
    expect(introducedExchange).toMatchObject({ kind: "introduction", from: connector, to: "me", introduced: target });
    const balanceAfter = relationshipBalance(expected, "me", connector, { excludeConfidential: true });
    // the introduction is a favour from the connector worth 3 units, dated on the ledger's day (full weight)
    expect(balanceAfter.receivedRaw - balanceBefore.receivedRaw).toBe(3);
    expect(balanceAfter.balance - balanceBefore.balance).toBeCloseTo(-3, 9);

    const page = await open("#tab=week");
    // the page's figures (the connector's ledger) as of the same day as core's
    await setPageAsOf(page, day);
    await page.evaluate((hash) => (location.hash = hash), `#tab=introduce&intro=person%3A${encodeURIComponent(target)}`);
    await page.locator("ol.paths > li").first().waitFor();
    const ask = page.getByRole("region", { name: "Ask for an introduction" });
    // the panel may draw once more when the path's highlight lands: fill until both values hold
    const whyBox = ask.getByLabel("Why (optional)");
    const offerBox = ask.getByLabel("What you can offer (optional)");
    await expect
      .poll(async () => {
        if ((await whyBox.inputValue()) !== why) await whyBox.fill(why);
        if ((await offerBox.inputValue()) !== offer) await offerBox.fill(offer);
        await page.waitForTimeout(300);
        return [await whyBox.inputValue(), await offerBox.inputValue()];
      })
      .toEqual([why, offer]);
    await ask.getByRole("button", { name: "Ask for this introduction" }).click();
    const draft = ask.getByRole("textbox", { name: "Message to the connector" });
    await draft.waitFor();
    expect(await draft.inputValue()).toBe(message);
    await ask.getByRole("button", { name: "Copy message" }).click();
    await expect.poll(() => ask.locator('[role="status"]').last().textContent(), POLL).toMatch(/Copied\.|Select the text and copy it\./);

    // listed in This week with its age, and a nudge once it has stalled for 14 days
    await page.getByRole("tab", { name: "This week" }).click();
    const request = page.getByRole("group", { name: `Request ${id}` });
    await request.waitFor();
    const entries = await shownEntries(page);
    expect(entries.map((e) => [e.person, e.minutes])).toEqual(planAfterAsk.items.map((i) => [i.person, i.minutes]));
    expect(entries.find((e) => e.person === connector)!.reasons).toEqual(formatPlanEntry(waiting!, names).reasons);
    expect(await request.locator("p").first().textContent()).toBe(freshLine);
    expect(await request.getAttribute("data-stalled")).toBe("false");
    await page.getByRole("button", { name: "Next week" }).click();
    await page.getByRole("button", { name: "Next week" }).click();
    await waitForWeek(page, "2026-10-14");
    await expect.poll(() => request.getAttribute("data-stalled"), POLL).toBe("true");
    expect(await request.locator("p").first().textContent()).toBe(stalledLine);
    await page.getByRole("button", { name: "Previous week" }).click();
    await page.getByRole("button", { name: "Previous week" }).click();
    await waitForWeek(page, day);
    expect(await page.getByLabel("Date of the step").inputValue()).toBe(day);

    for (const [button, step] of [["Connector agreed", "connector-agreed"], ["Target agreed", "target-agreed"], ["Introduced", "introduced"]] as const) {
      await request.getByRole("button", { name: button }).click();
      await expect.poll(() => request.getAttribute("data-step"), POLL).toBe(step);
    }
    // what the step recorded, in core's words: the introduction from the connector
    await expect.poll(() => page.locator("[data-request-outcome] p").allTextContents(), POLL).toEqual(formatRequestStep(id, "introduced", day, [introducedExchange!], names));

    // the connector's ledger on the page: core's figures after the introduction
    await page.evaluate((hash) => (location.hash = hash), `#sel=${encodeURIComponent(connector)}`);
    const ledgerText = page.locator('.person-panel [data-section="ledger"]');
    await expect.poll(() => ledgerText.textContent(), POLL).toContain(`You received${balanceAfter.received.toFixed(2)} (recorded ${balanceAfter.receivedRaw.toFixed(2)})`);
    expect(await ledgerText.textContent()).toContain(`Balance${balanceAfter.balance < 0 ? "−" : "+"}${Math.abs(balanceAfter.balance).toFixed(2)}`);

    // the request is kept with the network: Save writes it into the file (format v2)
    await page.evaluate(() => Object.defineProperty(window, "showSaveFilePicker", { value: undefined, configurable: true }));
    const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save", exact: true }).click()]);
    const reread = parseNetworkFile(readFileSync((await saved.path())!, "utf8"));
    expect(listRequests(reread).map((r) => [r.id, r.step, r.via, r.to])).toEqual([[id, "introduced", connector, target]]);
    expect(relationshipBalance(reread, "me", connector, { excludeConfidential: true }).balance).toBeCloseTo(balanceAfter.balance, 9);
  }, 180_000);

  it("a request into an organisation asks whom you were introduced to, and Returned a favour thanks with a favour", async () => {
    const day = "2026-09-30";
    // a network file with a request into an organisation, agreed by the connector and the target
    const network = fresh();
    const member = network.people().find((p) => p.id !== "me" && network.affiliationsOf(p.id).length > 0)!;
    const organisation = network.affiliationsOf(member.id)[0]!.organisation;
    const via = network.people().find((p) => p.id !== "me" && p.id !== member.id)!.id;
    const asked = askForIntroduction(network, { organisation, via, date: day });
    applyRequestChange(network, asked);
    for (const step of ["connector-agreed", "target-agreed"] as const) applyRequestChange(network, advanceRequest(network, asked.request.id, step, day));
    const file = join(mkdtempSync(join(tmpdir(), "tiegraph-week-")), "org-request.json");
    writeFileSync(file, serializeNetwork(network));
    const expected = parseNetworkFile(serializeNetwork(network));
    const names = wordingNames(expected);
    const introduced = advanceRequest(expected, asked.request.id, "introduced", day, { person: member.id });
    expect(introduced.exchanges).toMatchObject([{ kind: "introduction", from: via, to: "me", introduced: member.id }]);
    applyRequestChange(expected, introduced);
    applyRequestChange(expected, advanceRequest(expected, asked.request.id, "met", day));
    const thanked = advanceRequest(expected, asked.request.id, "thanked", day, { kind: "favour" });
    expect(thanked.exchanges).toMatchObject([{ kind: "favour", from: "me", to: via }]);

    const page = await open("#tab=week");
    await page.locator('input[type="file"]').setInputFiles(file);
    await waitForNetwork(page, "org-request.json");
    await setPageAsOf(page, day);
    const request = page.getByRole("group", { name: `Request ${asked.request.id}` });
    await request.getByRole("button", { name: "Introduced" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // nothing is recorded until the person is chosen
    await dialog.getByRole("button", { name: "Record the introduction" }).click();
    expect(await dialog.isVisible()).toBe(true);
    expect(await request.getAttribute("data-step")).toBe("target-agreed");
    await dialog.getByRole("combobox", { name: "Introduced to" }).fill(member.name.slice(0, -1));
    // the picker chooses on mousedown (the search box's own behaviour is tested with the explorer's search)
    await dialog.locator('[role="option"]', { hasText: names.person(member.id) }).first().dispatchEvent("mousedown");
    expect(await dialog.getByRole("list", { name: "Chosen people" }).textContent()).toContain(names.person(member.id));
    await dialog.getByRole("button", { name: "Record the introduction" }).click();
    await expect.poll(() => request.getAttribute("data-step"), POLL).toBe("introduced");
    await expect.poll(() => page.locator("[data-request-outcome] p").allTextContents(), POLL).toEqual(formatRequestStep(asked.request.id, "introduced", day, introduced.exchanges, names));
    await request.getByRole("button", { name: "Met" }).click();
    await expect.poll(() => request.getAttribute("data-step"), POLL).toBe("met");
    await request.getByRole("button", { name: "Returned a favour" }).click();
    // thanked closes the request: it leaves the open list
    await expect.poll(() => request.count(), POLL).toBe(0);
    await expect.poll(() => page.locator("[data-request-outcome] p").allTextContents(), POLL).toEqual(formatRequestStep(asked.request.id, "thanked", day, thanked.exchanges, names));
  }, 180_000);
});
