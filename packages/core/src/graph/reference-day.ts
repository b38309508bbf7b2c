/**
 * The one rule for the day figures are "as of": strengths decay to it,
 * balances and souring are read on it, and exchanges after it do not count.
 * The CLI and the explorer pass today's date (or the day asked for); a
 * measure called without either falls back to the last exchange it may see.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";
import { defaultAsOf, visibleExchanges, type VisibleExchangesOptions } from "./visible-exchanges.js";

/** Options of {@link referenceDay}. */
export interface ReferenceDayOptions extends VisibleExchangesOptions {
  /**
   * The day asked for: a calendar date `YYYY-MM-DD`, or `"last"` for the day
   * of the last exchange that may be seen (with `excludeConfidential`, the
   * last one not recorded in confidence).
   */
  asOf?: string;
  /** Today's calendar date `YYYY-MM-DD`, the default when `asOf` is not given. */
  today?: string;
}

function dayOf(text: unknown, record: string): Day {
  const day = typeof text === "string" ? parseDay(text) : undefined;
  if (day === undefined) {
    throw new TiegraphError("tiegraph/graph", "invalid-option", `invalid option ${record.replace("options.", "")}`, { record, expected: record === "options.asOf" ? 'a calendar date YYYY-MM-DD or "last"' : "a calendar date YYYY-MM-DD", got: showValue(text) });
  }
  return day;
}

/**
 * The reference day of every figure, by one rule:
 * 1. `asOf` when given (`"last"`: the last visible exchange's day);
 * 2. otherwise `today` when given;
 * 3. otherwise the last visible exchange's day ({@link defaultAsOf}), 0 when none is visible.
 * `"last"` on a network with no visible exchange falls back to `today`, then 0.
 * Throws `invalid-option` (scope `tiegraph/graph`) for a date that is not a calendar date.
 *
 * @example
 * ```ts
 * referenceDay(network, { today: "2026-11-30" });                 // day of 2026-11-30
 * referenceDay(network, { asOf: "2026-03-01", today: "2026-11-30" }); // day of 2026-03-01
 * referenceDay(network, { asOf: "last", excludeConfidential: true }); // the last open exchange's day
 * ```
 */
export function referenceDay(network: Network, options: ReferenceDayOptions = {}): Day {
  const visible = { excludeConfidential: options.excludeConfidential === true };
  const today = options.today === undefined ? undefined : dayOf(options.today, "options.today");
  if (options.asOf !== undefined && options.asOf !== "last") return dayOf(options.asOf, "options.asOf");
  if (options.asOf === "last") {
    const last = visibleExchanges(network, visible).lastDay;
    return last ?? today ?? 0;
  }
  return today ?? defaultAsOf(network, visible);
}
