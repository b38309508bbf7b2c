/**
 * `tiegraph plan FILE`: the weekly networking plan within a time budget
 * (two hours by default, double in a job search), with the reasons and what
 * to bring for each meeting, then the open introduction requests with their
 * age and a nudge when stalled, and whether the routine is kept; `--ics` writes the proposed slots to a calendar
 * file.
 */
import type { Command } from "commander";
import { networkingRoutine, openRequests, planToIcs, weeklyPlan, wordingNames, type WeeklyPlanOptions } from "@tiegraph/core";
import { loadForAnalysis, writeTextFile } from "../files/network-files.js";
import { asOfLine, figuresAsOf } from "../as-of.js";
import { asOfDate, calendarDate, positiveNumber } from "../options.js";
import { requireOrganisation, requirePerson } from "../resolve-ids.js";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";
import { renderPlan } from "../view/plan-text.js";
import { renderOpenRequests } from "../view/request-text.js";
import { renderRoutine } from "../view/routine-text.js";

interface PlanFlags {
  asOf?: string;
  week?: string;
  hours?: number;
  jobSearch?: boolean;
  target?: string;
  ego?: string;
  ics?: string;
  json?: boolean;
  includeConfidential?: boolean;
}

/**
 * Adds `plan` to the program.
 *
 * @example registerPlan(new Command("tiegraph"), processTerminal())
 */
export function registerPlan(program: Command, terminal: Terminal): void {
  program
    .command("plan")
    .description("this week's networking plan: whom to see, in what format, why, and what to bring")
    .argument("<file>", "network file")
    .option("--as-of <date>", "figures as of this date, YYYY-MM-DD, or last (the last exchange's date); default: --week's date, else today; later exchanges do not count", asOfDate)
    .option("--week <date>", "any date in the week to plan, YYYY-MM-DD (default: the week containing the as-of date); weeks run Monday to Sunday", calendarDate)
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
      const loaded = await loadForAnalysis(file, includeConfidential, { terminal, command: "plan" });
      const when = figuresAsOf(loaded, flags.asOf ?? flags.week, terminal, "plan");
      const network = when.network;
      if (flags.ego !== undefined) requirePerson(network, flags.ego, { command: "plan", option: "--ego", file });
      else if (network.ego === undefined) throw new UsageError("plan", `${file} has no ego: say whose plan with --ego ID`);
      if (flags.target !== undefined) requireOrganisation(network, flags.target, { command: "plan", option: "--target", file });
      const options: WeeklyPlanOptions = { week: flags.week ?? when.asOf, jobSearch: flags.jobSearch === true, includeConfidential };
      if (flags.hours !== undefined) options.hours = flags.hours;
      if (flags.target !== undefined) options.targetOrganisation = flags.target;
      if (flags.ego !== undefined) options.ego = flags.ego;
      const plan = weeklyPlan(network, options);
      if (flags.ics !== undefined) await writeTextFile(flags.ics, planToIcs(plan, { names: wordingNames(network, { you: flags.ego ?? network.ego }) }), { command: "plan" });
      if (flags.json) terminal.stdout.write(JSON.stringify({ asOf: when.asOf, ...plan }, null, 2) + "\n");
      else {
        terminal.stdout.write(`${asOfLine(when)}\n${renderPlan(plan, network, flags.ego ?? network.ego)}`);
        // every open request of ego, read on the as-of day (stalled first)
        const asOf = when.asOf;
        terminal.stdout.write(renderOpenRequests(network, openRequests(network, { asOf, person: flags.ego ?? network.ego! }), asOf));
        // and whether the routine is kept, up to that day
        const routine = networkingRoutine(network, { asOf, jobSearch: options.jobSearch === true, includeConfidential, ...(flags.hours !== undefined ? { hours: flags.hours } : {}), ...(flags.ego !== undefined ? { ego: flags.ego } : {}) });
        terminal.stdout.write(renderRoutine(routine));
      }
      if (flags.ics !== undefined) (flags.json ? terminal.stderr : terminal.stdout).write(`wrote ${flags.ics}: ${plan.items.filter((i) => i.slot).length} proposed meetings\n`);
    });
}
