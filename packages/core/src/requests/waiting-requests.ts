/**
 * Open requests as things to do this week: for each, the person to see (or
 * write to) about it, for the weekly plan's "an introduction request
 * waiting" reason.
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { openRequests } from "./open-requests.js";
import type { RequestStep, RequestWaitingOn } from "../model/request-types.js";

/** The weekly plan's reason for an open request (see {@link waitingRequests}). */
export interface RequestWaitingReason {
  code: "request-waiting";
  requestId: string;
  /** Days since it was asked. */
  ageDays: number;
  /** No step for `stallDays` days or more: time for a nudge. */
  stalled: boolean;
  /** Its latest step, and whose move it is. */
  step: RequestStep;
  waitingOn: RequestWaitingOn;
}

/** One open request and the person it sends you to. */
export interface WaitingRequest {
  /** Whom to see about it: the target once introduced (to meet them), else the connector (to ask, nudge or thank). */
  person: PersonId;
  reason: RequestWaitingReason;
}

/**
 * The open requests of `person` on `asOf` ({@link openRequests}: stalled
 * first, then the longest without a step), each with whom to see about it:
 * after `introduced`, the target (meet them); otherwise the connector
 * (waiting on the connector or the target: a nudge when stalled; after
 * `met`: thank them).
 *
 * @example
 * ```ts
 * waitingRequests(network, { asOf: "2026-03-18", person: "me" });
 * // [{ person: "ann", reason: { code: "request-waiting", requestId: "r1", ageDays: 16, stalled: true, step: "connector-agreed", waitingOn: "target" } }]
 * ```
 */
export function waitingRequests(network: Network, options: { asOf: string; person: PersonId; stallDays?: number }): WaitingRequest[] {
  return openRequests(network, options).map((r) => ({
    person: r.step === "introduced" && r.target !== undefined ? r.target : r.via,
    reason: { code: "request-waiting", requestId: r.id, ageDays: r.ageDays, stalled: r.stalled, step: r.step, waitingOn: r.waitingOn! },
  }));
}
