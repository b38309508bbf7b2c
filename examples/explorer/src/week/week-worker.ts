/**
 * The "This week" tab's side of the network worker: the week's plan, the
 * routine and the open requests, computed by core on the network the worker
 * keeps with the options `tiegraph plan` takes (confidential exchanges left
 * out, as the CLI leaves them out by default), and the request changes of
 * "Ask for this introduction" and of each step, worked out but not applied:
 * the page applies them through the ledger, so Undo takes them back.
 */
import { advanceRequest, askAlongPath, formatDay, introductionMessage, networkingRoutine, openRequests, parseDay, startOfWeek, TiegraphError, weeklyPlan, type Network, type WeeklyPlanOptions } from "@tiegraph/core";
import type { WeekAnswer, WeekAsk, WeekData, WeekOptions } from "./week-protocol.js";

const SCOPE = "tiegraph/explorer";

/**
 * Answers a question of the "This week" tab about `network`.
 *
 * @example answerWeek(network, { kind: "advance", request: "r1", step: "connector-agreed", date: "2026-10-07" }) // { kind: "change", change, message: undefined }
 */
export function answerWeek(network: Network, ask: WeekAsk): WeekAnswer {
  if (ask.kind === "week") return { kind: "week", week: weekData(network, ask.options) };
  if (ask.kind === "message") return { kind: "message", message: introductionMessage(network, ask.request) };
  if (ask.kind === "advance") return { kind: "change", change: advanceRequest(network, ask.request, ask.step, ask.date, ask.details), message: undefined };
  const input: { date: string; why?: string; offer?: string } = { date: ask.date };
  if (ask.why.trim()) input.why = ask.why.trim();
  if (ask.offer.trim()) input.offer = ask.offer.trim();
  const change = askAlongPath(network, { people: ask.people }, input);
  return { kind: "change", change, message: introductionMessage(network, change.request) };
}

/**
 * The week: the plan exactly as `tiegraph plan FILE --week DAY [--job-search]
 * [--target ORG]` computes it, the routine and the open requests read on the
 * same day (as the CLI's plan reads them), and what was already logged that
 * week with each planned person (so "Done" shows).
 *
 * @example weekData(network, { day: "2026-10-07", jobSearch: false, target: "" }).plan // = tiegraph plan FILE --week 2026-10-07 --json
 */
export function weekData(network: Network, options: WeekOptions): WeekData {
  const ego = network.ego;
  if (ego === undefined) throw new TiegraphError(SCOPE, "invalid-option", "the network does not say which one is you", { record: "ego", expected: "a network with an ego (choose yourself first)" });
  const planOptions: WeeklyPlanOptions = { week: options.day, jobSearch: options.jobSearch, includeConfidential: false };
  if (options.target) planOptions.targetOrganisation = options.target;
  const plan = weeklyPlan(network, planOptions);
  const routine = networkingRoutine(network, { asOf: options.day, jobSearch: options.jobSearch, includeConfidential: false });
  const requests = openRequests(network, { asOf: options.day, person: ego });
  return { options, plan, routine, requests, logged: loggedThisWeek(network, plan.week) };
}

/** Dates of the exchanges (not confidential) between ego and each person they were with in the week starting `monday` (entries moved in from last week included). */
function loggedThisWeek(network: Network, monday: string): Record<string, string[]> {
  const first = startOfWeek(parseDay(monday)!);
  const last = first + 6;
  const ego = network.egoIndex;
  const cols = network.exchangeColumns();
  const out: Record<string, string[]> = {};
  for (const e of network.exchangesOf(ego)) {
    const day = cols.day[e]!;
    if (day < first || day > last || cols.confidential[e]) continue;
    const other = cols.from[e] === ego ? cols.to[e]! : cols.from[e]!;
    (out[network.personAt(other).id] ??= []).push(formatDay(day));
  }
  for (const dates of Object.values(out)) dates.sort();
  return out;
}
