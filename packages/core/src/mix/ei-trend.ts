/**
 * The E-I index over time: one value per calendar month or quarter, for the
 * network or one person, so a trend shows.
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { DEFAULT_EI_OPTIONS, type EIOptions } from "./ei-index.js";
import { visibleExchanges } from "../graph/visible-exchanges.js";
import { groupingOf, type GroupBy } from "../graph/grouping.js";
import { periodRange, type MixPeriod, type PeriodRange } from "./periods.js";
import { eiOf, MIX_UNITS, tallyMix, unitIndex, type MixTally, type MixUnit } from "./tally.js";

/** Options of {@link eiTrend}. */
export interface EITrendOptions extends Omit<EIOptions, "ties"> {
  /** Whose ties (default: the whole network). */
  person?: PersonId;
  /** Step of the trend (default `"month"`). */
  period?: MixPeriod;
}

/** One period of a trend. */
export interface EITrendPoint {
  /** `2024-03` or `2024-Q1`. */
  period: string;
  /** First and last day of the period. */
  from: string;
  to: string;
  /** E-I index in the period; null when there was no tie. */
  index: number | null;
  internal: number;
  external: number;
  /** `E / (E + I)`; null when there was no tie. */
  externalShare: number | null;
}

/** A trend of the E-I index. */
export interface EITrend {
  person?: PersonId;
  groupBy: GroupBy;
  by: MixUnit;
  period: MixPeriod;
  /** Every period from the first exchange to the last, empty ones included. */
  points: EITrendPoint[];
}

/**
 * The E-I index per calendar period (see {@link eiIndex} for the
 * definition): within each period a tie is an ordered pair with an exchange
 * in that period, judged internal or external on the date of its last
 * exchange there. With `person`, only that person's ties count.
 *
 * @example
 * ```ts
 * const t = eiTrend(network, { person: "me", period: "quarter" });
 * t.points.map((p) => `${p.period}: ${p.externalShare}`);
 * ```
 */
export function eiTrend(network: Network, options: EITrendOptions = {}): EITrend {
  const groupBy = options.groupBy ?? DEFAULT_EI_OPTIONS.groupBy;
  const by = options.by ?? DEFAULT_EI_OPTIONS.by;
  const unit = unitIndex(by);
  const period = options.period ?? "month";
  const grouping = groupingOf(network, groupBy);
  const list = options.person === undefined ? undefined : network.exchangesOf(network.personIndex(options.person));
  const range = dayRangeOf(network, list, options.excludeConfidential === true);
  const periods = periodRange(period, range?.first ?? 0, range ? range.last : -1);
  const req = { periods: periods.count, periodOfDay: periods.periodOfDay, perPerson: false, excludeConfidential: options.excludeConfidential === true, only: by, groups: false };
  const tally = tallyMix(network, grouping, list ? { ...req, exchanges: list } : req);
  const trend: EITrend = { groupBy, by, period, points: trendPoints(tally, periods, unit) };
  if (options.person !== undefined) trend.person = options.person;
  return trend;
}

/** The points of a trend from a tally by period. */
export function trendPoints(tally: MixTally, periods: PeriodRange, unit: number): EITrendPoint[] {
  const U = MIX_UNITS.length;
  return periods.keys.map((key, q): EITrendPoint => {
    const internal = tally.internal[q * U + unit]!;
    const external = tally.external[q * U + unit]!;
    const total = internal + external;
    return { period: key, from: periods.from[q]!, to: periods.to[q]!, index: eiOf(internal, external), internal, external, externalShare: total > 0 ? external / total : null };
  });
}

/** First and last day of some exchanges (date-ordered list) or of all; confidential ones only when not excluded. */
export function dayRangeOf(network: Network, list: ArrayLike<number> | undefined, excludeConfidential = false): { first: number; last: number } | undefined {
  if (!list) {
    const v = visibleExchanges(network, { excludeConfidential });
    return v.count === 0 ? undefined : { first: v.firstDay!, last: v.lastDay! };
  }
  const { day, confidential } = network.exchangeColumns();
  let lo = 0;
  let hi = list.length - 1;
  if (excludeConfidential) {
    while (lo <= hi && confidential[list[lo]!]) lo++;
    while (hi >= lo && confidential[list[hi]!]) hi--;
  }
  if (lo > hi) return undefined;
  return { first: day[list[lo]!]!, last: day[list[hi]!]! };
}
