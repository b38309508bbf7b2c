/**
 * The exchanges a view may count: all of them, or only those not recorded in
 * confidence. Every "how many exchanges, from when to when" figure and every
 * default reference day ("as of the last exchange") comes from here, so a
 * confidential exchange left out changes no count and no date.
 */
import type { Day } from "../model/dates.js";
import type { Network } from "../model/network.js";

/** Options of {@link visibleExchanges}. */
export interface VisibleExchangesOptions {
  /** Leave confidential exchanges out entirely (default false). */
  excludeConfidential?: boolean;
}

/** How many exchanges are visible and the days of the first and last of them. */
export interface VisibleExchanges {
  /** Exchanges counted. */
  count: number;
  /** Day of the earliest counted exchange; absent when none is counted. */
  firstDay?: Day;
  /** Day of the latest counted exchange; absent when none is counted. */
  lastDay?: Day;
}

/**
 * Counts the exchanges that may be shown and finds their first and last day,
 * in one pass over the exchange columns (O(E)). With `excludeConfidential`,
 * confidential exchanges are skipped as if never recorded: a network whose
 * latest exchange is confidential reports the latest open one instead.
 *
 * @example
 * ```ts
 * const { count, firstDay, lastDay } = visibleExchanges(network, { excludeConfidential: true });
 * console.log(`${count} exchanges, ${formatDay(firstDay!)} to ${formatDay(lastDay!)}`);
 * ```
 */
export function visibleExchanges(network: Network, options: VisibleExchangesOptions = {}): VisibleExchanges {
  if (options.excludeConfidential !== true) {
    const range = network.dayRange();
    return range ? { count: network.exchangeCount, firstDay: range.first, lastDay: range.last } : { count: 0 };
  }
  const { count: m, day, confidential } = network.exchangeColumns();
  let count = 0;
  let first = 0;
  let last = 0;
  for (let e = 0; e < m; e++) {
    if (confidential[e]) continue;
    const d = day[e]!;
    if (count === 0 || d < first) first = d;
    if (count === 0 || d > last) last = d;
    count++;
  }
  return count === 0 ? { count } : { count, firstDay: first, lastDay: last };
}

/**
 * The default reference day of a measure: the day of the last exchange it
 * may see (0 when it sees none).
 *
 * @example defaultAsOf(network, { excludeConfidential: true }) // the last open exchange's day
 */
export function defaultAsOf(network: Network, options: VisibleExchangesOptions = {}): Day {
  return visibleExchanges(network, options).lastDay ?? 0;
}
