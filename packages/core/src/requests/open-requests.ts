/**
 * The open introduction requests on a day, each with its age and whether it
 * has stalled: the list the weekly plan nudges from.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { listRequests, requireDay, type RequestState } from "./list-requests.js";

/** Options of {@link openRequests}. */
export interface OpenRequestsOptions {
  /** The day to read the requests on, `YYYY-MM-DD` (steps after it are ignored). */
  asOf: string;
  /** A request with no step for this many days or more has stalled (default 14). */
  stallDays?: number;
  /** Only requests asked by this person (default: everyone's). */
  person?: PersonId;
}

/** Defaults of {@link openRequests}. */
export const DEFAULT_OPEN_REQUESTS_OPTIONS = { stallDays: 14 } as const;

/** An open request on the day asked about. */
export interface OpenRequest extends RequestState {
  /** Days since it was asked (`asOf − askedDate`). */
  ageDays: number;
  /** Days since its latest step (`asOf − stepDate`). */
  daysSinceStep: number;
  /** `daysSinceStep ≥ stallDays`: time for a nudge. */
  stalled: boolean;
}

/**
 * The requests still open on `asOf` (neither declined nor thanked), read as
 * they stood that day, with `ageDays = asOf − asked date`,
 * `daysSinceStep = asOf − latest step date` and `stalled = daysSinceStep ≥
 * stallDays` (14 by default: two weeks without an answer is the usual
 * moment for a polite reminder). Stalled requests first, then the longest
 * without a step, then by id.
 *
 * @example
 * ```ts
 * for (const r of openRequests(network, { asOf: "2026-03-20" })) console.log(r.id, r.step, r.ageDays, r.stalled ? "nudge" : "");
 * ```
 */
export function openRequests(network: Network, options: OpenRequestsOptions): OpenRequest[] {
  if (options === null || typeof options !== "object") throw new TiegraphError("tiegraph/requests", "invalid-option", "openRequests needs { asOf }", { record: "options", expected: "{ asOf: YYYY-MM-DD, stallDays? }", got: showValue(options) });
  const asOf = requireDay(options.asOf, "asOf");
  const stallDays = options.stallDays ?? DEFAULT_OPEN_REQUESTS_OPTIONS.stallDays;
  if (!(typeof stallDays === "number" && Number.isFinite(stallDays) && stallDays > 0)) throw new TiegraphError("tiegraph/requests", "invalid-option", "invalid stallDays", { record: "options.stallDays", expected: "a positive number of days", got: showValue(stallDays) });
  const list: ListOptions = { asOf: options.asOf, status: "open" };
  if (options.person !== undefined) list.person = options.person;
  const out = listRequests(network, list).map((r): OpenRequest => {
    const daysSinceStep = asOf - parseDay(r.stepDate)!;
    return { ...r, ageDays: asOf - parseDay(r.askedDate)!, daysSinceStep, stalled: daysSinceStep >= stallDays };
  });
  return out.sort((a, b) => Number(b.stalled) - Number(a.stalled) || b.daysSinceStep - a.daysSinceStep || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type ListOptions = Parameters<typeof listRequests>[1] & object;
