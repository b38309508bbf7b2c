/**
 * Where every introduction request stands, optionally as of a past day.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { OrganisationId, PersonId } from "../model/types.js";
import { NEXT_STEPS, statusAfter, waitingOnAfter } from "../model/request-steps.js";
import { targetPerson } from "./advance-request.js";
import type { IntroductionRequest, RequestStatus, RequestStep, RequestWaitingOn } from "../model/request-types.js";

/** Options of {@link listRequests}. */
export interface ListRequestsOptions {
  /** Read the requests as they stood on this day: later steps are ignored, later requests left out. Default: every step. */
  asOf?: string;
  /** Keep only requests with this status (default: all). */
  status?: RequestStatus;
  /** Keep only requests asked by this person (default: everyone's). */
  person?: PersonId;
}

/** Where one request stands. */
export interface RequestState {
  id: string;
  from: PersonId;
  via: PersonId;
  /** The target person, if the request names one. */
  to?: PersonId;
  /** The target organisation, if the request targets one. */
  organisation?: OrganisationId;
  /** The person the request leads to: `to`, or the person introduced into the organisation. */
  target?: PersonId;
  why?: string;
  offer?: string;
  /** The latest step and its date. */
  step: RequestStep;
  stepDate: string;
  /** The day it was asked. */
  askedDate: string;
  status: RequestStatus;
  /** Whose move it is (open requests only). */
  waitingOn?: RequestWaitingOn;
  /** The steps that may come next (empty when closed). */
  next: readonly RequestStep[];
  /** Every step so far (as of `asOf`). */
  steps: IntroductionRequest["steps"];
}

/**
 * Every request's latest step, status (`open`, `declined`, `done`), whose
 * move it is and what may come next, in the order they were added.
 *
 * @example
 * ```ts
 * listRequests(network, { status: "declined" }).map((r) => r.id);
 * listRequests(network, { asOf: "2026-03-05" })[0].step; // "connector-agreed"
 * ```
 */
export function listRequests(network: Network, options: ListRequestsOptions = {}): RequestState[] {
  const asOf = options.asOf === undefined ? undefined : requireDay(options.asOf, "asOf");
  if (options.status !== undefined && options.status !== "open" && options.status !== "declined" && options.status !== "done") {
    throw new TiegraphError("tiegraph/requests", "invalid-option", "invalid status", { record: "options.status", expected: '"open", "declined" or "done"', got: showValue(options.status) });
  }
  if (options.person !== undefined) network.personIndex(options.person);
  const out: RequestState[] = [];
  for (const r of network.requests()) {
    if (options.person !== undefined && r.from !== options.person) continue;
    const steps = asOf === undefined ? r.steps : r.steps.filter((s) => parseDay(s.date)! <= asOf);
    if (steps.length === 0) continue;
    const state = stateOf(r, steps);
    if (options.status === undefined || state.status === options.status) out.push(state);
  }
  return out;
}

function stateOf(r: IntroductionRequest, steps: IntroductionRequest["steps"]): RequestState {
  const last = steps[steps.length - 1]!;
  const status = statusAfter(last.step);
  const state: RequestState = { id: r.id, from: r.from, via: r.via, step: last.step, stepDate: last.date, askedDate: steps[0]!.date, status, next: NEXT_STEPS[last.step], steps: steps.map((s) => ({ ...s })) };
  if (r.to !== undefined) state.to = r.to;
  if (r.organisation !== undefined) state.organisation = r.organisation;
  const target = targetPerson({ ...r, steps });
  if (target !== undefined) state.target = target;
  if (r.why !== undefined) state.why = r.why;
  if (r.offer !== undefined) state.offer = r.offer;
  const waiting = waitingOnAfter(last.step);
  if (waiting !== undefined) state.waitingOn = waiting;
  return state;
}

/**
 * A `YYYY-MM-DD` option as a day number, or an `invalid-date` error naming the option.
 *
 * @example requireDay("1970-01-02", "asOf") // 1
 */
export function requireDay(text: unknown, name: string): Day {
  const day = typeof text === "string" ? parseDay(text) : undefined;
  if (day === undefined) throw new TiegraphError("tiegraph/requests", "invalid-date", `invalid ${name}`, { record: `options.${name}`, expected: "a calendar date YYYY-MM-DD", got: showValue(text) });
  return day;
}
