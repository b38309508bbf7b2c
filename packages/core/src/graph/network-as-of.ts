/**
 * The network as it stood at the end of a day: what a figure "as of" that
 * day may count.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";

/**
 * The network without the exchanges dated after `asOf` (a day number or
 * `YYYY-MM-DD`), so that no measure run on it can count one: strengths,
 * balances, E-I, cadence and paths all see only what had happened by the end
 * of that day. People, organisations, affiliations and requests are kept.
 * Returns the network itself when no exchange is later (no copy), otherwise a
 * copy with the exchange columns filtered (see {@link Network.until}), O(N + E)
 * without re-validating anything.
 *
 * @example
 * ```ts
 * const then = networkAsOf(network, "2026-03-01");
 * then.exchangeCount; // the exchanges dated on or before 1 March 2026
 * ```
 */
export function networkAsOf(network: Network, asOf: Day | string): Network {
  const day = typeof asOf === "string" ? parseDay(asOf) : Number.isInteger(asOf) ? asOf : undefined;
  if (day === undefined) throw new TiegraphError("tiegraph/graph", "invalid-option", "invalid asOf", { record: "asOf", expected: "a calendar date YYYY-MM-DD or a day number", got: showValue(asOf) });
  return network.until(day);
}
