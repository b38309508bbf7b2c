// `tiegraph plan`: the plan is core's weeklyPlan on the file (confidential
// exchanges left out unless asked), printed with times, reasons and offers;
// --ics writes core's calendar file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Network, formatPlanEntry, parseNetworkFile, planToIcs, toNetworkFile, weeklyPlan, wordingNames, type WeeklyPlan } from "@tiegraph/core";
import { FIXTURES, SAMPLE, TODAY, tempDir, cli } from "./run-cli.js";

const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));
const { format: _f, version: _v, ...data } = toNetworkFile(sample, { redact: true });
const redacted = Network.from(data);
const WEEK = "2026-10-07"; // a Wednesday: the plan is for Monday 5 to Sunday 11 October 2026

async function planJson(args: string[]): Promise<WeeklyPlan & { asOf: string }> {
  const r = await cli(["plan", SAMPLE, "--week", WEEK, ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as WeeklyPlan & { asOf: string };
}

describe("tiegraph plan", () => {
  it("--json is weeklyPlan for the week's Monday, within the 2-hour default budget", async () => {
    const json = await planJson([]);
    // without --as-of the figures are as of --week's date
    expect(json).toEqual({ asOf: WEEK, ...JSON.parse(JSON.stringify(weeklyPlan(redacted, { week: WEEK, jobSearch: false, includeConfidential: false }))) });
    expect(json.week).toBe("2026-10-05");
    expect(json.budgetMinutes).toBe(120);
    expect(json.usedMinutes).toBe(json.items.reduce((m, i) => m + i.minutes, 0));
    expect(json.usedMinutes).toBeLessThanOrEqual(120);
    expect(json.items.length).toBeGreaterThan(0);
  });

  it("--hours 3 --job-search doubles a 3-hour budget; --include-confidential plans on the whole file", async () => {
    const json = await planJson(["--hours", "3", "--job-search"]);
    expect(json.budgetMinutes).toBe(360);
    expect(json.jobSearch).toBe(true);
    expect(json).toEqual({ asOf: WEEK, ...JSON.parse(JSON.stringify(weeklyPlan(redacted, { week: WEEK, hours: 3, jobSearch: true, includeConfidential: false }))) });
    const all = await planJson(["--include-confidential"]);
    expect(all).toEqual({ asOf: WEEK, ...JSON.parse(JSON.stringify(weeklyPlan(sample, { week: WEEK, jobSearch: false, includeConfidential: true }))) });
  });

  it("prints each meeting with its day and time, format, person, reasons and offer", async () => {
    const plan = weeklyPlan(redacted, { week: WEEK, jobSearch: false, includeConfidential: false });
    const r = await cli(["plan", SAMPLE, "--week", WEEK], { env: { TIEGRAPH_TODAY: TODAY } });
    expect(r.status).toBe(0);
    const hm = (m: number) => `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}`;
    expect(r.stdout.split("\n")[0]).toBe("Figures as of 2026-10-07 (today is 2026-11-30).");
    expect(r.stdout.split("\n")[1]).toBe(`Week of 2026-10-05: ${plan.items.length} meetings, ${hm(plan.usedMinutes)} of 2h00.`);
    const first = plan.items[0]!;
    expect(first.slot).toBeDefined();
    const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${first.slot!.date}T12:00:00Z`).getUTCDay()];
    // the words are core's formatter's, names told apart as displayNames does
    const names = wordingNames(redacted);
    const words = formatPlanEntry(first, names);
    expect(r.stdout).toContain(`\n1. ${weekday} ${first.slot!.date} ${first.slot!.start}–${first.slot!.end}  ${first.format} (${first.minutes} min) with ${names.person(first.person)}\n   why: ${words.reasons[0]}\n`);
    for (const item of plan.items) {
      const entry = formatPlanEntry(item, names);
      expect(r.stdout).toContain(` with ${names.person(item.person)}\n`);
      for (const why of entry.reasons) expect(r.stdout).toContain(`   why: ${why}\n`);
      if (item.offer.length) expect(r.stdout).toContain(`   offer: ${item.offer.join(", ")}\n`);
      if (item.prompt) expect(r.stdout).toContain(`   ask: ${entry.offer}\n`);
    }
    expect(r.stdout).not.toMatch(/\b1 days\b/);
  });

  it("--ics writes planToIcs' calendar of the proposed slots", async () => {
    const out = join(tempDir(), "week.ics");
    const r = await cli(["plan", SAMPLE, "--week", WEEK, "--ics", out]);
    expect(r.status).toBe(0);
    const plan = weeklyPlan(redacted, { week: WEEK, jobSearch: false, includeConfidential: false });
    expect(readFileSync(out, "utf8")).toBe(planToIcs(plan, { names: wordingNames(redacted) }));
    expect(r.stdout).toContain(`wrote ${out}: ${plan.items.filter((i) => i.slot).length} proposed meetings\n`);
  });

  it("--target adds people who lead into an organisation", async () => {
    const json = await planJson(["--target", "o3", "--hours", "4"]);
    expect(json.items.some((i) => i.reasons.some((r) => r.code === "target"))).toBe(true);
    const r = await cli(["plan", SAMPLE, "--week", WEEK, "--target", "o99"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--target: no organisation with id "o99" in ${SAMPLE}`);
  });

  it("a network without ego needs --ego (usage error)", async () => {
    const r = await cli(["plan", join(FIXTURES, "no-ego.json"), "--week", WEEK]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("has no ego: say whose plan with --ego ID");
  });
});
