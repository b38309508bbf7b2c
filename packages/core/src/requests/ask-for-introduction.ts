/**
 * Starting an introduction request: the `asked` step of a double opt-in.
 */
import { TiegraphError, showValue } from "../errors.js";
import type { Network } from "../model/network.js";
import type { OrganisationId, PersonId } from "../model/types.js";
import { checkRequests, requestError } from "../model/request-check.js";
import type { RequestChange } from "./request-change.js";
import type { IntroductionRequest } from "../model/request-types.js";

/** What {@link askForIntroduction} needs. */
export interface AskForIntroductionInput {
  /** The person to be introduced to (or give `organisation`). */
  to?: PersonId;
  /** The organisation to be introduced into, when no one there is named. */
  organisation?: OrganisationId;
  /** The connector asked to make the introduction. */
  via: PersonId;
  /** The day you asked, `YYYY-MM-DD`. */
  date: string;
  /** Who asks (default: the network's ego). */
  from?: PersonId;
  /** Why you want the introduction. */
  why?: string;
  /** What you can offer in return. */
  offer?: string;
  /** The request's id (default: the first free `r1`, `r2`, …). */
  id?: string;
}

/**
 * Creates an introduction request at its first step, `asked`, as a
 * {@link RequestChange} (no exchange is recorded by asking; apply it with
 * {@link applyRequestChange}). Everything is validated here, so a mistake
 * (unknown person, the connector is the target, a bad date, an id in use)
 * throws a {@link TiegraphError} before anything is stored.
 *
 * @example
 * ```ts
 * const change = askForIntroduction(network, { to: "bob", via: "ann", date: "2026-03-02", why: "pricing advice", offer: "our churn study" });
 * change.request.steps; // [{ step: "asked", date: "2026-03-02" }]
 * applyRequestChange(network, change);
 * ```
 */
export function askForIntroduction(network: Network, input: AskForIntroductionInput): RequestChange {
  if (input === null || typeof input !== "object") throw new TiegraphError("tiegraph/requests", "invalid-option", "askForIntroduction needs { to | organisation, via, date }", { record: "input", expected: "{ to | organisation, via, date, why?, offer? }", got: showValue(input) });
  const from = input.from ?? network.ego;
  if (from === undefined) throw new TiegraphError("tiegraph/requests", "invalid-option", "the network has no ego and no asker was given", { record: "input.from", expected: "a person id, or a network with an ego" });
  const request: IntroductionRequest = { id: input.id ?? freeRequestId(network), from, via: input.via, steps: [{ step: "asked", date: input.date }] };
  if (input.to !== undefined) request.to = input.to;
  if (input.organisation !== undefined) request.organisation = input.organisation;
  if (input.why !== undefined && input.why !== "") request.why = input.why;
  if (input.offer !== undefined && input.offer !== "") request.offer = input.offer;
  const problems = checkRequests([request], { hasPerson: (id) => network.hasPerson(id), hasOrganisation: (id) => network.hasOrganisation(id), isTaken: (id) => network.findRequest(id) !== undefined }, "/request");
  if (problems.length) throw requestError({ ...problems[0]!, pointer: problems[0]!.pointer.replace(/^\/request\/0/, "/request") });
  return { request, exchanges: [] };
}

/**
 * The first id `r<n>` (n = 1, 2, …) no request uses.
 *
 * @example freeRequestId(network) // "r3" when r1 and r2 exist
 */
export function freeRequestId(network: Network): string {
  for (let n = network.requests().length + 1; ; n++) if (network.findRequest(`r${n}`) === undefined) return `r${n}`;
}
