/**
 * The request workflow's rules: which step may follow which, whose move it
 * is, and when a request is closed. One table, read by the validation of
 * stored requests and by {@link advanceRequest} alike.
 */
import type { RequestStatus, RequestStep, RequestWaitingOn } from "./request-types.js";

/** The steps that may follow each step (none: the request is closed). */
export const NEXT_STEPS: Readonly<Record<RequestStep, readonly RequestStep[]>> = {
  asked: ["connector-agreed", "connector-declined"],
  "connector-agreed": ["target-agreed", "target-declined"],
  "connector-declined": [],
  "target-agreed": ["introduced"],
  "target-declined": [],
  introduced: ["met"],
  met: ["thanked"],
  thanked: [],
};

/** Position of each step in the workflow, for telling "going back" from "skipping". */
const ORDER: Readonly<Record<RequestStep, number>> = {
  asked: 0,
  "connector-agreed": 1,
  "connector-declined": 1,
  "target-agreed": 2,
  "target-declined": 2,
  introduced: 3,
  met: 4,
  thanked: 5,
};

/**
 * Whether `step` is a request step name.
 *
 * @example isRequestStep("met") // true
 */
export function isRequestStep(step: unknown): step is RequestStep {
  return typeof step === "string" && Object.hasOwn(NEXT_STEPS, step);
}

/**
 * The status a request has after `step`: `declined` after either decline,
 * `done` after `thanked`, else `open`.
 *
 * @example statusAfter("target-declined") // "declined"
 */
export function statusAfter(step: RequestStep): RequestStatus {
  if (step === "connector-declined" || step === "target-declined") return "declined";
  return step === "thanked" ? "done" : "open";
}

/**
 * Whose move it is after `step` on an open request: the connector answers
 * the ask and makes the introduction, the target answers the connector, and
 * you meet the target and thank the connector. Undefined once closed.
 *
 * @example waitingOnAfter("connector-agreed") // "target"
 */
export function waitingOnAfter(step: RequestStep): RequestWaitingOn | undefined {
  switch (step) {
    case "asked":
    case "target-agreed":
      return "connector";
    case "connector-agreed":
      return "target";
    case "introduced":
    case "met":
      return "you";
    default:
      return undefined;
  }
}

/** Why a step may not follow another: it skips steps, goes back (or repeats), or the request is closed. */
export type StepViolation = "skip" | "back" | "closed";

/**
 * Checks that `next` may follow `current`; returns what is wrong, or
 * undefined when it may.
 *
 * @example stepViolation("asked", "introduced") // "skip"
 */
export function stepViolation(current: RequestStep, next: RequestStep): StepViolation | undefined {
  const allowed = NEXT_STEPS[current];
  if (allowed.includes(next)) return undefined;
  if (allowed.length === 0) return "closed";
  return ORDER[next] <= ORDER[current] ? "back" : "skip";
}
