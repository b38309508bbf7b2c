/**
 * The E-I index and its trend together, as a report shows them: for the
 * whole network by tie count, one pass over the exchanges serves both.
 */
import type { Network } from "../model/network.js";
import type { DirectedTies } from "../graph/tie-index.js";
import { groupingOf } from "../graph/grouping.js";
import { DEFAULT_EI_OPTIONS, eiIndexByIndex, resultByIndex, withRecord, type EIResult, type EIResultByIndex } from "./ei-index.js";
import { dayRangeOf, eiTrend, trendPoints, type EITrend, type EITrendOptions } from "./ei-trend.js";
import { periodRange } from "./periods.js";
import { tallyMix } from "./tally.js";

/** Options of {@link eiOverview}: those of {@link eiTrend}, and the tie index {@link eiIndex} may use. */
export interface EIOverviewOptions extends EITrendOptions {
  /**
   * The network's directed tie index (as of its last exchange, built with the
   * same `excludeConfidential`), used when the index is computed apart.
   */
  ties?: DirectedTies;
}

/** The E-I index of a network and its trend. */
export interface EIOverview {
  /** As {@link eiIndex} gives it (by the same unit). */
  index: EIResult;
  /** As {@link eiTrend} gives it. */
  trend: EITrend;
}

/**
 * `eiIndex(network, options)` and `eiTrend(network, options)` (see them for
 * the definitions), equal to calling both. For the whole network by tie
 * count (the default) over more than one period, they come from one pass:
 * the exchanges bucketed by giver, latest first, give each tie's last
 * exchange in each period (the trend) and over the whole history (the
 * index) at once. Otherwise the two are computed apart.
 *
 * @example
 * ```ts
 * const { index, trend } = eiOverview(network, { groupBy: "office", period: "quarter" });
 * index.network; // −0.57 for the Lazega advice network
 * trend.points.at(-1)?.index;
 * ```
 */
export function eiOverview(network: Network, options: EIOverviewOptions = {}): EIOverview {
  const { index, trend } = eiOverviewByIndex(network, options);
  return { index: withRecord(network, index), trend };
}

/**
 * {@link eiOverview} with each person's index by person index, not yet a record.
 *
 * @example eiOverviewByIndex(network, { period: "quarter" }).index.byPerson(0) // the first person's E-I index
 */
export function eiOverviewByIndex(network: Network, options: EIOverviewOptions = {}): { index: EIResultByIndex; trend: EITrend } {
  const groupBy = options.groupBy ?? DEFAULT_EI_OPTIONS.groupBy;
  const by = options.by ?? DEFAULT_EI_OPTIONS.by;
  const period = options.period ?? "month";
  const excludeConfidential = options.excludeConfidential === true;
  const apart = (): { index: EIResultByIndex; trend: EITrend } => {
    const { ties, ...trendOptions } = options;
    const { person: _person, period: _period, ...indexOptions } = trendOptions;
    return { index: eiIndexByIndex(network, ties ? { ...indexOptions, ties } : indexOptions), trend: eiTrend(network, trendOptions) };
  };
  // value and minutes are summed exchange by exchange in storage order by eiIndex: kept apart so every sum is the same
  if (options.person !== undefined || by !== "count") return apart();
  const range = dayRangeOf(network, undefined, excludeConfidential);
  const periods = periodRange(period, range?.first ?? 0, range ? range.last : -1);
  if (periods.count < 2) return apart();
  const grouping = groupingOf(network, groupBy);
  const tally = tallyMix(network, grouping, { periods: periods.count, periodOfDay: periods.periodOfDay, perPerson: false, excludeConfidential, only: "count", wholeCounts: true, groups: false });
  return { index: resultByIndex(tally.whole!, grouping.names, groupBy, 0), trend: { groupBy, by, period, points: trendPoints(tally, periods, 0) } };
}
