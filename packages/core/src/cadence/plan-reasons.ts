/**
 * Why someone is on the weekly plan, as data: one record per reason with its
 * figures. Core's wording (`formatPlanReason`) puts them in words.
 */
import type { OrganisationId, PersonId } from "../model/types.js";
import type { RequestWaitingReason } from "../requests/waiting-requests.js";
import type { CadenceSource } from "./relationship-cadences.js";
import type { CadenceTier } from "./tiers.js";

/** The cadence a reason cites: every `days` days, set by the person, a tag or the strength tier. */
export interface PlanCadence {
  days: number;
  source: CadenceSource;
  /** The tag that set it (source `tag`). */
  tag?: string;
  /** The strength tier at the last touch. */
  tier: CadenceTier;
}

/**
 * One reason to see someone:
 * - `owe`: they gave more than they received (`given`/`received`, recency-weighted favour units; `souring` when the tie sours your way);
 * - `overdue`: a strong tie (or one on a cadence you set) past its cadence by `overdueDays`;
 * - `dormant`: a tie once strong (`peakStrength`), silent for `daysSinceTouch`;
 * - `external`: your external share (`share`) is below its `target`;
 * - `target`: they lead toward `organisation` (`via`: the people after you on the best path, ending at the member reached; `chance` of that path; `strength` of your tie);
 * - `due`: due on `dueDate` (or overdue by `overdueDays`, or never met when `lastTouch` is absent).
 * - `request-waiting`: an open introduction request ({@link RequestWaitingReason}: `requestId`, `ageDays`, `stalled`, `step`, `waitingOn`).
 * Other helpers may add codes; the formatter keys on `code`.
 */
export type PlanReason =
  | { code: "owe"; given: number; received: number; souring: boolean }
  | { code: "overdue"; overdueDays: number; cadence: PlanCadence; lastTouch?: string }
  | { code: "dormant"; peakStrength: number; daysSinceTouch: number; lastTouch: string }
  | { code: "external"; share: number; target: number }
  | { code: "target"; organisation: OrganisationId; via: PersonId[]; chance: number; strength: number }
  | { code: "due"; dueDate: string; overdueDays: number; cadence: PlanCadence; lastTouch?: string }
  | RequestWaitingReason;

/** Why someone is on the plan: the code of a {@link PlanReason}. */
export type PlanReasonCode = PlanReason["code"];

/**
 * What to bring when nothing you hold matches: `ask-needs` (nothing is
 * recorded about what they are after) or `no-match` (their `interests`, none
 * of which you hold information on).
 */
export type OfferPrompt = { code: "ask-needs" } | { code: "no-match"; interests: string[] };
