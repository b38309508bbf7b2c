/**
 * `tiegraph plan FILE`: the weekly networking plan within a time budget
 * (two hours by default, double in a job search), with the reasons and what
 * to bring for each meeting; `--ics` writes the proposed slots to a calendar
 * file.
 */
import type { Command } from "commander";
import { planToIcs, weeklyPlan, type Network, type WeeklyPlan, type WeeklyPlanOptions } from "@tiegraph/core";
import { loadForAnalysis, writeTextFile } from "../files/network-files.js";
import { calendarDate, positiveNumber } from "../options.js";
import { requireOrganisation, requirePerson } from "../resolve-ids.js";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";

interface PlanFlags {
  week?: string;
  hours?: number;
  jobSearch?: boolean;
  target?: string;
  ego?: string;
  ics?: string;
  json?: boolean;
  includeConfidential?: boolean;
}

/** Today's local calendar date, the default week. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Adds `plan` to the program. */
export function registerPlan(program: Command, terminal: Terminal): void {
  program
    .command("plan")
    .description("this week's networking plan: whom to see, in what format, why, and what to bring")
    .argument("<file>", "network file")
    .option("--week <date>", "any date in the week to plan, YYYY-MM-DD (default: today); weeks run Monday to Sunday", calendarDate)
    .option("--hours <h>", "time budget in hours (default 2)", positiveNumber)
    .option("--job-search", "active job search: double the budget")
    .option("--target <org>", "an organisation to get into: people who lead there join the plan")
    .option("--ego <id>", "whose plan (default: the network's ego)")
    .option("--ics <file>", "also write the proposed slots to this iCalendar file")
    .option("--json", "print the plan as JSON")
    .option("--include-confidential", "count confidential exchanges as touches (left out by default)")
    .addHelpText("after", "\nExamples:\n  $ tiegraph plan examples/data/sample-network.json --week 2026-10-05\n  $ tiegraph plan net.json --hours 3 --job-search --ics week.ics\n")
    .action(async (file: string, flags: PlanFlags) => {
      const includeConfidential = flags.includeConfidential === true;
      const network = await loadForAnalysis(file, includeConfidential, { terminal, command: "plan" });
      if (flags.ego !== undefined) requirePerson(network, flags.ego, { command: "plan", option: "--ego", file });
      else if (network.ego === undefined) throw new UsageError("plan", `${file} has no ego: say whose plan with --ego ID`);
      if (flags.target !== undefined) requireOrganisation(network, flags.target, { command: "plan", option: "--target", file });
      const options: WeeklyPlanOptions = { week: flags.week ?? today(), jobSearch: flags.jobSearch === true, includeConfidential };
      if (flags.hours !== undefined) options.hours = flags.hours;
      if (flags.target !== undefined) options.targetOrganisation = flags.target;
      if (flags.ego !== undefined) options.ego = flags.ego;
      const plan = weeklyPlan(network, options);
      if (flags.ics !== undefined) await writeTextFile(flags.ics, planToIcs(plan));
      if (flags.json) terminal.stdout.write(JSON.stringify(plan, null, 2) + "\n");
      else terminal.stdout.write(renderPlan(network, plan));
      if (flags.ics !== undefined) (flags.json ? terminal.stderr : terminal.stdout).write(`wrote ${flags.ics}: ${plan.items.filter((i) => i.slot).length} proposed meetings\n`);
    });
}

/**
 * A plan as text: the budget line, then one block per meeting with its
 * proposed time, the reasons and what to offer.
 *
 * @example
 * ```ts
 * process.stdout.write(renderPlan(network, weeklyPlan(network, { week: "2026-10-05" })));
 * ```
 */
export function renderPlan(_network: Network, plan: WeeklyPlan): string {
  const out: string[] = [];
  const hours = (m: number) => `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}`;
  out.push(`Week of ${plan.week}${plan.jobSearch ? " (job search: double budget)" : ""}: ${plan.items.length} meeting${plan.items.length === 1 ? "" : "s"}, ${hours(plan.usedMinutes)} of ${hours(plan.budgetMinutes)}.\n`);
  const share = plan.external.share === null ? "no ties yet" : `${Math.round(plan.external.share * 100)}%`;
  out.push(`External share of your ties: ${share} (target ${Math.round(plan.external.target * 100)}%).\n`);
  if (plan.items.length === 0) out.push("\nNobody is due this week.\n");
  plan.items.forEach((item, i) => {
    const when = item.slot ? `${WEEKDAYS[new Date(`${item.slot.date}T12:00:00Z`).getUTCDay()]} ${item.slot.date} ${item.slot.start}–${item.slot.end}` : "no free slot";
    out.push(`\n${i + 1}. ${when}  ${item.format} (${item.minutes} min) with ${item.name}\n`);
    for (const r of item.reasons) out.push(`   why: ${r}\n`);
    if (item.offer.length) out.push(`   offer: ${item.offer.join(", ")}\n`);
    if (item.prompt) out.push(`   ask: ${item.prompt}\n`);
  });
  return out.join("");
}
