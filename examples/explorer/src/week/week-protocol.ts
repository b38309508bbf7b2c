/**
 * The "This week" tab's questions to the network worker and its answers:
 * the week (plan, routine, open requests and what was logged with each
 * planned person that week), the request change an introduction path or a
 * step makes, and a request's message to the connector. Everything is plain
 * data from core; the words come from core's wording on the page.
 */
import type { AdvanceRequestDetails, IntroductionMessage, OpenRequest, RequestChange, RequestStep, Routine, WeeklyPlan } from "@tiegraph/core";

/** The options of a week, the same as `tiegraph plan`'s: `day` is `--week` (and the day requests and the routine are read on). */
export interface WeekOptions {
  /** `YYYY-MM-DD`: any day of the week to plan; the routine and the requests are read on it. */
  day: string;
  /** `--job-search`: double the budget. */
  jobSearch: boolean;
  /** `--target`: an organisation to get into ("" for none). */
  target: string;
}

/** What the tab asks the worker about network `network`. */
export type WeekAsk =
  | { kind: "week"; options: WeekOptions }
  | { kind: "ask-along-path"; people: string[]; date: string; why: string; offer: string }
  | { kind: "advance"; request: string; step: RequestStep; date: string; details: AdvanceRequestDetails }
  | { kind: "message"; request: string };

/** The week as core answers it. */
export interface WeekData {
  options: WeekOptions;
  /** `weeklyPlan(network, { week: day, jobSearch, targetOrganisation })`: what `tiegraph plan --json` prints. */
  plan: WeeklyPlan;
  /** `networkingRoutine(network, { asOf: day, jobSearch })`. */
  routine: Routine;
  /** `openRequests(network, { asOf: day, person: ego })`: stalled first. */
  requests: OpenRequest[];
  /** Per person ego had an exchange with in the plan's week (Monday to Sunday): its dates, confidential ones left out. */
  logged: Record<string, string[]>;
}

/** The worker's answers. */
export type WeekAnswer =
  | { kind: "week"; week: WeekData }
  /** A request change (not applied: the page applies it through the ledger, for Undo) and its message to the connector. */
  | { kind: "change"; change: RequestChange; message: IntroductionMessage | undefined }
  | { kind: "message"; message: IntroductionMessage };
