/**
 * Introduction requests as they are written in network files and passed to
 * the API: who asked whom to be introduced to whom, why, what the asker can
 * offer, and the dated steps of the double opt-in.
 */
import type { OrganisationId, PersonId } from "./types.js";

/**
 * The steps of a double opt-in introduction, in order:
 * `asked` → `connector-agreed` | `connector-declined` → `target-agreed` |
 * `target-declined` → `introduced` → `met` → `thanked`.
 * The connector is asked first and, if willing, asks the target; only when
 * both agree does the connector introduce them.
 */
export type RequestStep = "asked" | "connector-agreed" | "connector-declined" | "target-agreed" | "target-declined" | "introduced" | "met" | "thanked";

/** Every step, in workflow order. */
export const REQUEST_STEPS: readonly RequestStep[] = ["asked", "connector-agreed", "connector-declined", "target-agreed", "target-declined", "introduced", "met", "thanked"];

/** One dated step of a request. */
export interface RequestStepRecord {
  step: RequestStep;
  /** Calendar date `YYYY-MM-DD`; never before the previous step's date. */
  date: string;
  /**
   * On `introduced`: the person you were introduced to. Required when the
   * request targets an organisation; when it targets a person, it may only
   * name that person.
   */
  person?: PersonId;
}

/**
 * An introduction request. It targets a person (`to`) or an organisation
 * (`organisation`), exactly one of them.
 *
 * @example
 * ```json
 * { "id": "r1", "from": "me", "via": "ann", "to": "bob", "why": "pricing advice", "offer": "our churn study",
 *   "steps": [{ "step": "asked", "date": "2026-03-02" }, { "step": "connector-agreed", "date": "2026-03-04" }] }
 * ```
 */
export interface IntroductionRequest {
  /** Unique id among requests (any non-empty string). */
  id: string;
  /** Who asks to be introduced (the user, usually ego). */
  from: PersonId;
  /** The connector asked to make the introduction. */
  via: PersonId;
  /** The person to be introduced to. */
  to?: PersonId;
  /** The organisation to be introduced into, when no one there is named yet. */
  organisation?: OrganisationId;
  /** Why the introduction is wanted (plain text). */
  why?: string;
  /** What the asker can offer the target or the connector (plain text). */
  offer?: string;
  /** The dated steps, starting with `asked`. */
  steps: RequestStepRecord[];
}

/** Where a request stands: still moving, declined by someone, or done (thanked). */
export type RequestStatus = "open" | "declined" | "done";

/** Whose move it is on an open request. */
export type RequestWaitingOn = "connector" | "target" | "you";
