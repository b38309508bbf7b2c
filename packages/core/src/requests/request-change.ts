/**
 * A change to the requests: the request as it will be stored and the
 * exchanges its step records, applied together or not at all.
 */
import { TiegraphError, showValue } from "../errors.js";
import type { NetworkEdit } from "../model/edits.js";
import type { Network } from "../model/network.js";
import type { Exchange } from "../model/types.js";
import type { IntroductionRequest } from "../model/request-types.js";

/** What {@link askForIntroduction} and {@link advanceRequest} return, for {@link applyRequestChange}. */
export interface RequestChange {
  /** The request after the change (new, or the stored one with one more step). */
  request: IntroductionRequest;
  /** The exchanges the step records (an introduction, a meeting, a gesture or favour back; often none). */
  exchanges: Exchange[];
}

/**
 * Applies a {@link RequestChange} atomically, as one `network.edit`: its
 * exchanges are added to the ledger (`add-exchange`) and the request is
 * stored (`put-request`: added, or replacing the stored one with the same
 * id), or, on any problem, nothing changes and a {@link TiegraphError} says
 * what was wrong. A change to a stored request must continue it (keep its
 * fields and every stored step): a change worked out from an older state
 * fails with `invalid-step` instead of losing a step. Returns the edits that
 * undo it (`network.edit(undo)` takes the step back, exchanges included).
 *
 * @example
 * ```ts
 * applyRequestChange(network, askForIntroduction(network, { to: "bob", via: "ann", date: "2026-03-02" }));
 * const undo = applyRequestChange(network, advanceRequest(network, "r1", "connector-agreed", "2026-03-04"));
 * network.edit(undo); // back at "asked"
 * ```
 */
export function applyRequestChange(network: Network, change: RequestChange): NetworkEdit[] {
  if (change === null || typeof change !== "object" || change.request === null || typeof change.request !== "object") {
    throw new TiegraphError("tiegraph/requests", "invalid-format", "a request change is { request, exchanges }", { record: "change", expected: "{ request, exchanges }", got: showValue(change) });
  }
  const stored = typeof change.request.id === "string" ? network.findRequest(change.request.id) : undefined;
  if (stored) checkContinues(stored, change.request);
  const exchanges = Array.isArray(change.exchanges) ? change.exchanges : [];
  return network.edit([...exchanges.map((exchange): NetworkEdit => ({ op: "add-exchange", exchange })), { op: "put-request", request: change.request }]);
}

function checkContinues(stored: IntroductionRequest, next: IntroductionRequest): void {
  const record = `request ${showValue(stored.id)}`;
  for (const field of ["from", "via", "to", "organisation", "why", "offer"] as const) {
    if (stored[field] !== next[field]) throw new TiegraphError("tiegraph/requests", "invalid-field", `a change cannot alter the request's ${field}`, { record, pointer: `/request/${field}`, expected: showValue(stored[field] ?? null), got: showValue(next[field] ?? null) });
  }
  const steps = Array.isArray(next.steps) ? next.steps : [];
  const same = stored.steps.every((s, i) => steps[i] !== undefined && steps[i].step === s.step && steps[i].date === s.date && steps[i].person === s.person);
  if (!same || steps.length < stored.steps.length) {
    throw new TiegraphError("tiegraph/requests", "invalid-step", "the change does not continue the stored request (it was worked out from an older state)", { record, pointer: "/request/steps", expected: `the stored steps (${stored.steps.map((s) => s.step).join(", ")}) followed by new ones` });
  }
}
