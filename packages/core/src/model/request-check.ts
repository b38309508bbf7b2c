/**
 * Validation of introduction requests, record by record: the same kind of
 * problems (code, record, JSON pointer, what was expected) as the rest of
 * the model, so a bad request in a file is reported like a bad exchange.
 */
import { TiegraphError, showValue, type TiegraphErrorCode } from "../errors.js";
import { parseDay, type Day } from "./dates.js";
import { isRequestStep, stepViolation } from "./request-steps.js";
import type { IntroductionRequest } from "./request-types.js";

const SCOPE = "tiegraph/requests";

/** Longest `why` or `offer` text accepted, in characters. */
export const MAX_REQUEST_TEXT = 2000;

/** One problem with one request. */
export interface RequestProblem {
  code: TiegraphErrorCode;
  message: string;
  /** The record, e.g. `request "r1"`. */
  record: string;
  /** JSON pointer of the field, e.g. `/requests/0/steps/2/date`. */
  pointer: string;
  expected: string;
  got?: string;
}

/** What the requests are checked against: the people and organisations they name, and ids already taken. */
export interface RequestContext {
  hasPerson(id: string): boolean;
  hasOrganisation(id: string): boolean;
  /** True when another request (not in the batch) already has this id. */
  isTaken(id: string): boolean;
}

/**
 * Checks a batch of requests and returns every problem found (at most one
 * per request: the first, so one mistake does not cascade). A request needs
 * a unique non-empty `id`; `from`, `via` and `to` naming three different
 * known people; exactly one of `to` and `organisation`; text `why` and
 * `offer`; and steps that start with `asked`, follow {@link NEXT_STEPS}
 * one at a time and are dated on or after the step before.
 *
 * @example
 * ```ts
 * checkRequests([{ id: "r1", from: "me", via: "ann", to: "bob", steps: [] }], context, "/requests")[0].code // "missing-field"
 * ```
 */
export function checkRequests(requests: readonly IntroductionRequest[], context: RequestContext, at = "/requests"): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const seen = new Set<string>();
  requests.forEach((r, k) => {
    const problem = checkOne(r, `${at}/${k}`, k, context, seen);
    if (problem) problems.push(problem);
  });
  return problems;
}

/**
 * A problem as a {@link TiegraphError} (for callers that stop at the first).
 *
 * @example throw requestError(checkRequests(requests, context)[0]);
 */
export function requestError(problem: RequestProblem): TiegraphError {
  const details: { record: string; pointer: string; expected: string; got?: string } = { record: problem.record, pointer: problem.pointer, expected: problem.expected };
  if (problem.got !== undefined) details.got = problem.got;
  return new TiegraphError(SCOPE, problem.code, problem.message, details);
}

function checkOne(r: IntroductionRequest, at: string, k: number, context: RequestContext, seen: Set<string>): RequestProblem | undefined {
  let record = `request #${k}`;
  const problem = (code: TiegraphErrorCode, message: string, pointer: string, expected: string, got?: unknown): RequestProblem => {
    const p: RequestProblem = { code, message, record, pointer, expected };
    if (got !== undefined) p.got = showValue(got);
    return p;
  };
  if (r === null || typeof r !== "object" || Array.isArray(r)) return problem("invalid-format", "request must be an object", at, "{ id, from, via, to, steps, ... }", r);
  if (typeof r.id !== "string" || r.id === "") return problem("missing-field", "request without id", at + "/id", "a non-empty string", r.id ?? null);
  record = `request ${showValue(r.id)}`;
  if (context.isTaken(r.id) || seen.has(r.id)) return problem("duplicate-id", `duplicate request id ${showValue(r.id)}`, at + "/id", "an id not used by another request");
  seen.add(r.id);
  const known = new Set(["id", "from", "via", "to", "organisation", "why", "offer", "steps"]);
  for (const key of Object.keys(r)) if (!known.has(key)) return problem("invalid-field", `unknown field ${showValue(key)}`, `${at}/${key}`, [...known].join(", "));
  for (const field of ["from", "via"] as const) {
    const id = r[field];
    if (typeof id !== "string" || id === "") return problem("missing-field", `missing ${field}`, `${at}/${field}`, "a person id", id ?? null);
    if (!context.hasPerson(id)) return problem("unknown-person", `unknown person ${showValue(id)}`, `${at}/${field}`, "the id of a person in the network or this batch");
  }
  if (r.from === r.via) return problem("invalid-field", "the connector is the person asking", `${at}/via`, "someone other than from");
  if ((r.to === undefined) === (r.organisation === undefined)) return problem(r.to === undefined ? "missing-field" : "invalid-field", "a request targets a person (to) or an organisation, exactly one", `${at}/${r.to === undefined ? "to" : "organisation"}`, "either to or organisation");
  if (r.to !== undefined) {
    if (typeof r.to !== "string" || !context.hasPerson(r.to)) return problem("unknown-person", `unknown person ${showValue(r.to)}`, `${at}/to`, "the id of a person in the network or this batch");
    if (r.to === r.from || r.to === r.via) return problem("invalid-field", "the target is the person asking or the connector", `${at}/to`, "a third person");
  }
  if (r.organisation !== undefined && (typeof r.organisation !== "string" || !context.hasOrganisation(r.organisation))) {
    return problem("unknown-organisation", `unknown organisation ${showValue(r.organisation)}`, `${at}/organisation`, "the id of an organisation in the network or this batch");
  }
  for (const field of ["why", "offer"] as const) {
    const text = r[field];
    if (text !== undefined && (typeof text !== "string" || text.length > MAX_REQUEST_TEXT)) return problem("invalid-field", `${field} must be text`, `${at}/${field}`, `a string of at most ${MAX_REQUEST_TEXT} characters`, text);
  }
  if (!Array.isArray(r.steps) || r.steps.length === 0) return problem("missing-field", "a request needs its steps", `${at}/steps`, 'an array starting with { "step": "asked", "date": ... }', r.steps ?? null);
  let previous: Day | undefined;
  for (let s = 0; s < r.steps.length; s++) {
    const step = r.steps[s];
    const sat = `${at}/steps/${s}`;
    if (step === null || typeof step !== "object") return problem("invalid-format", "a step must be an object", sat, "{ step, date, person? }", step);
    if (!isRequestStep(step.step)) return problem("invalid-step", `unknown step ${showValue(step.step)}`, `${sat}/step`, "asked, connector-agreed, connector-declined, target-agreed, target-declined, introduced, met or thanked");
    if (s === 0 && step.step !== "asked") return problem("invalid-step", `a request starts with "asked", not ${showValue(step.step)}`, `${sat}/step`, '"asked"');
    if (s > 0) {
      const before = r.steps[s - 1]!.step;
      const why = stepViolation(before, step.step);
      if (why === "closed") return problem("request-closed", `no step may follow ${showValue(before)}: the request is closed`, `${sat}/step`, "no further steps");
      if (why !== undefined) return problem("invalid-step", `${showValue(step.step)} cannot follow ${showValue(before)} (${why === "skip" ? "skips a step" : "goes back"})`, `${sat}/step`, "one of the steps that follow it");
    }
    const day = typeof step.date === "string" ? parseDay(step.date) : undefined;
    if (day === undefined) return problem("invalid-date", `invalid date ${showValue(step.date)}`, `${sat}/date`, "a calendar date YYYY-MM-DD");
    if (previous !== undefined && day < previous) return problem("invalid-date", `step ${showValue(step.step)} is dated before the step before it (${r.steps[s - 1]!.date})`, `${sat}/date`, `a date on or after ${r.steps[s - 1]!.date}`, step.date);
    previous = day;
    if (step.person !== undefined) {
      if (step.step !== "introduced") return problem("invalid-field", "only the introduced step names a person", `${sat}/person`, 'step "introduced"');
      if (typeof step.person !== "string" || !context.hasPerson(step.person)) return problem("unknown-person", `unknown person ${showValue(step.person)}`, `${sat}/person`, "the id of a person in the network or this batch");
      if (r.to !== undefined && step.person !== r.to) return problem("invalid-field", "the person introduced is not the request's target", `${sat}/person`, showValue(r.to), step.person);
      if (step.person === r.from || step.person === r.via) return problem("invalid-field", "the person introduced is the person asking or the connector", `${sat}/person`, "a third person");
    } else if (step.step === "introduced" && r.organisation !== undefined) {
      return problem("missing-field", "an introduction into an organisation names the person introduced", `${sat}/person`, "the id of the person you were introduced to");
    }
    for (const key of Object.keys(step)) if (key !== "step" && key !== "date" && key !== "person") return problem("invalid-field", `unknown field ${showValue(key)}`, `${sat}/${key}`, "step, date, person");
  }
  return undefined;
}
