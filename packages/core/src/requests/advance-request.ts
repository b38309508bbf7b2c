/**
 * Moving a request on by one dated step, with the exchanges the step
 * records in the ledger.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { Exchange, PersonId } from "../model/types.js";
import { NEXT_STEPS, isRequestStep, stepViolation } from "../model/request-steps.js";
import { copyRequest } from "../model/request-store.js";
import type { RequestChange } from "./request-change.js";
import type { IntroductionRequest, RequestStep } from "../model/request-types.js";

const SCOPE = "tiegraph/requests";

/** Details of the exchange a step records (all optional). */
export interface AdvanceRequestDetails {
  /** On `introduced` into an organisation: the person you were introduced to (required then). */
  person?: PersonId;
  /** On `thanked`: a `gesture` (default: a coffee, a note, a gift) or a `favour` back. */
  kind?: "gesture" | "favour";
  /** Value of the recorded exchange, overriding its kind's default. */
  value?: number;
  /** Format of the meeting (`met`) or gesture (`thanked`), e.g. `coffee`. */
  format?: string;
  /** Minutes of the meeting (`met`). */
  minutes?: number;
  /** Mark the recorded exchange confidential. */
  confidential?: boolean;
}

/**
 * Moves request `id` on to `step` on `date` and returns the
 * {@link RequestChange} to apply with {@link applyRequestChange}. The
 * steps a step records in the ledger:
 *
 * | step | exchange recorded |
 * | --- | --- |
 * | `introduced` | an `introduction` from the connector to you, `introduced` = the target: the favour you now owe the connector (3 units by default) |
 * | `met` | a `meeting` of you and the target |
 * | `thanked` | a `gesture` (or `favour`, see `details.kind`) from you to the connector |
 * | any other | none |
 *
 * Each recorded exchange gets the id `request:<id>:<step>` (with `:2`, `:3`
 * … added if that id is taken). Throws a {@link TiegraphError}:
 * `unknown-request`; `invalid-step` for a step that skips one (asked →
 * introduced), goes back or repeats, or is not a step; `request-closed` on
 * a declined or thanked request; `invalid-date` for a bad date or one before
 * the previous step; `missing-field` when an introduction into an
 * organisation names no person.
 *
 * @example
 * ```ts
 * applyRequestChange(network, advanceRequest(network, "r1", "connector-agreed", "2026-03-04"));
 * applyRequestChange(network, advanceRequest(network, "r1", "target-agreed", "2026-03-06"));
 * const change = advanceRequest(network, "r1", "introduced", "2026-03-09");
 * change.exchanges[0]; // { id: "request:r1:introduced", kind: "introduction", from: "ann", to: "me", introduced: "bob", date: "2026-03-09" }
 * ```
 */
export function advanceRequest(network: Network, id: string, step: RequestStep, date: string, details: AdvanceRequestDetails = {}): RequestChange {
  const stored = network.findRequest(id);
  if (stored === undefined) throw new TiegraphError(SCOPE, "unknown-request", `unknown request ${showValue(id)}`, { record: "id", expected: "the id of a request in the network" });
  const record = `request ${showValue(id)}`;
  const last = stored.steps[stored.steps.length - 1]!;
  if (!isRequestStep(step)) throw new TiegraphError(SCOPE, "invalid-step", `unknown step ${showValue(step)}`, { record, expected: `one of ${NEXT_STEPS[last.step].join(", ") || "none (the request is closed)"}` });
  const why = stepViolation(last.step, step);
  if (why === "closed") throw new TiegraphError(SCOPE, "request-closed", `the request is closed (${last.step} on ${last.date}): no step may follow`, { record, expected: "an open request" });
  if (why !== undefined) throw new TiegraphError(SCOPE, "invalid-step", `${showValue(step)} cannot follow ${showValue(last.step)} (${why === "skip" ? "it skips a step" : "it goes back"})`, { record, expected: `one of ${NEXT_STEPS[last.step].join(", ")}` });
  const day = typeof date === "string" ? parseDay(date) : undefined;
  if (day === undefined) throw new TiegraphError(SCOPE, "invalid-date", `invalid date ${showValue(date)}`, { record, expected: "a calendar date YYYY-MM-DD" });
  if (day < parseDay(last.date)!) throw new TiegraphError(SCOPE, "invalid-date", `${step} on ${date} is before the previous step (${last.step} on ${last.date})`, { record, expected: `a date on or after ${last.date}` });
  if (details === null || typeof details !== "object") throw new TiegraphError(SCOPE, "invalid-option", "details must be an object", { record: "details", expected: "{ person?, kind?, value?, format?, minutes?, confidential? }", got: showValue(details) });
  if (details.kind !== undefined && details.kind !== "gesture" && details.kind !== "favour") throw new TiegraphError(SCOPE, "invalid-option", `invalid thank-you kind ${showValue(details.kind)}`, { record: "details.kind", expected: '"gesture" or "favour"' });

  const request = copyRequest(stored);
  const next: IntroductionRequest["steps"][number] = { step, date: date.slice(0, 10) };
  if (step === "introduced" && stored.organisation !== undefined) {
    if (details.person === undefined) throw new TiegraphError(SCOPE, "missing-field", "an introduction into an organisation names the person introduced", { record, expected: "details.person: the id of the person you were introduced to" });
    next.person = details.person;
  } else if (details.person !== undefined && details.person !== stored.to) {
    throw new TiegraphError(SCOPE, "invalid-option", "details.person is only for an introduction into an organisation", { record: "details.person", expected: stored.to !== undefined ? showValue(stored.to) : "no person", got: showValue(details.person) });
  }
  request.steps.push(next);
  const target = targetPerson(request);
  const exchanges: Exchange[] = [];
  const base = (kind: Exchange["kind"], from: PersonId, to: PersonId): Exchange => {
    const e: Exchange = { id: freeExchangeId(network, `request:${id}:${step}`), date: next.date, kind, from, to };
    if (details.value !== undefined) e.value = details.value;
    if (details.confidential === true) e.confidential = true;
    return e;
  };
  if (step === "introduced") exchanges.push({ ...base("introduction", stored.via, stored.from), introduced: target! });
  if (step === "met") {
    const e = base("meeting", stored.from, target!);
    if (details.format !== undefined) e.format = details.format;
    if (details.minutes !== undefined) e.minutes = details.minutes;
    exchanges.push(e);
  }
  if (step === "thanked") {
    const e = base(details.kind ?? "gesture", stored.from, stored.via);
    if (details.format !== undefined) e.format = details.format;
    exchanges.push(e);
  }
  return { request, exchanges };
}

/**
 * The person a request leads to: its `to`, or the person named on its
 * `introduced` step when it targets an organisation (undefined before).
 *
 * @example targetPerson({ id: "r1", from: "me", via: "ann", organisation: "acme", steps: [..., { step: "introduced", date: "2026-03-09", person: "cy" }] }) // "cy"
 */
export function targetPerson(request: IntroductionRequest): PersonId | undefined {
  return request.to ?? request.steps.find((s) => s.step === "introduced")?.person;
}

function freeExchangeId(network: Network, id: string): string {
  if (network.findExchange(id) < 0) return id;
  for (let n = 2; ; n++) if (network.findExchange(`${id}:${n}`) < 0) return `${id}:${n}`;
}
