/**
 * The E-I index a slice at a time: {@link eiIndex}'s tally as a run that
 * adds a given number of ties (then exchanges) per call, so that a worker
 * can answer other questions between two slices.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";
import { directedTies, type DirectedTies } from "../graph/tie-index.js";
import { groupingOf } from "../graph/grouping.js";
import { DEFAULT_EI_OPTIONS, resultOf, type EIOptions, type EIResult } from "./ei-index.js";
import { eiOf, emptyTally, MIX_UNITS, mixAdder, unitIndex } from "./tally.js";

/** Options of {@link startEIIndex}: {@link eiIndex}'s, and the day the network is measured as of. */
export interface EIIndexRunOptions extends EIOptions {
  /**
   * Measure the network as it stood at the end of this day (a day number or
   * `YYYY-MM-DD`): exchanges dated after it are left out, as
   * `eiIndex(networkAsOf(network, asOf))` leaves them out, without the copy.
   * Default: every exchange. A `ties` index given with it must be built with
   * the same `asOf`.
   */
  asOf?: Day | string;
}

/** {@link eiIndex} computed a slice at a time (see {@link startEIIndex}). */
export interface EIIndexRun {
  /** Steps done so far. */
  readonly done: number;
  /** Steps in all: one per directed tie (by count) or per exchange (by value or minutes). */
  readonly total: number;
  /** Runs up to `steps` more steps (at least one while any is left); true when every step is done. */
  advance(steps: number): boolean;
  /** Runs the steps left, if any, then gives the indices exactly as {@link eiIndex} does. */
  result(): EIResult;
  /**
   * Runs the steps left, if any, then gives the E-I index of the person at
   * index `k` (null: no tie), the value `result().byPerson` holds for them,
   * without building the record of every person.
   */
  ofPerson(k: number): number | null;
}

/** Per-person totals, stored `[p·3 + u]` (see tally.ts). */
const U = MIX_UNITS.length;

/**
 * {@link eiIndex} (same options, same values, bit for bit) as a run that
 * goes a slice at a time: `EI = (E − I) / (E + I)` of Krackhardt & Stern
 * (1988), every tie or exchange judged internal or external by the same
 * rule as eiIndex. By tie count one step adds one directed tie (judged on
 * its last exchange's day); by value or minutes one step reads one exchange.
 * The totals are sums taken in the same order as eiIndex's one pass, so
 * however the steps are split the result is identical. Setting up (the
 * grouping, and the tie index when the network has none built for these
 * options) happens here, before the first step.
 *
 * @example
 * ```ts
 * const run = startEIIndex(network, { excludeConfidential: true, asOf: "2026-09-30" });
 * while (!run.advance(20_000)) await new Promise((r) => setTimeout(r, 0)); // a slice, then let others in
 * run.ofPerson(network.egoIndex); // ego's E-I index
 * run.result().network;           // the whole network's, as eiIndex gives it
 * ```
 */
export function startEIIndex(network: Network, options: EIIndexRunOptions = {}): EIIndexRun {
  const unit = unitIndex(options.by ?? DEFAULT_EI_OPTIONS.by);
  const groupBy = options.groupBy ?? DEFAULT_EI_OPTIONS.groupBy;
  const skip = options.excludeConfidential === true;
  const asOf = options.asOf === undefined ? undefined : dayOf(options.asOf);
  const grouping = groupingOf(network, groupBy);
  const n = network.personCount;
  const tally = emptyTally(1, grouping.names.length, n);
  const add = mixAdder(network, grouping)(tally);
  const cols = network.exchangeColumns();
  const { from, to, day, value, minutes, confidential } = cols;
  if (options.ties && options.ties.nodeCount !== n) {
    throw new TiegraphError("tiegraph/mix", "invalid-option", "the tie index was built for another network", { record: "options.ties", expected: `an index of ${n} people`, got: `${options.ties.nodeCount} people` });
  }
  let ties: DirectedTies | undefined;
  if (unit === 0) {
    // the index leaves out the exchanges after its reference day: built for asOf, it holds the ties as they stood then
    ties = options.ties ?? directedTies(network, { excludeConfidential: skip, ...(asOf === undefined ? {} : { asOf }) });
  }
  const total = ties ? ties.pairCount : cols.count;
  const last = asOf ?? Infinity;
  let c = 0;
  let result: EIResult | undefined;

  const advance = (steps: number): boolean => {
    const until = Math.min(total, c + Math.max(1, Math.floor(steps)));
    if (ties) {
      const { source, target, lastDay } = ties;
      for (; c < until; c++) add(source[c]!, target[c]!, lastDay[c]!, 0, 1, -1, -1);
    } else {
      // eiIndex's pass over the exchanges in storage order, the later ones left out
      for (; c < until; c++) {
        if ((skip && confidential[c]) || day[c]! > last) continue;
        const mn = minutes[c]!;
        if (unit === 1) add(from[c]!, to[c]!, day[c]!, 0, -1, value[c]!, -1);
        else add(from[c]!, to[c]!, day[c]!, 0, -1, -1, mn === mn ? mn : -1);
      }
    }
    return c >= total;
  };
  const finish = (): void => {
    if (c < total) advance(total - c);
  };
  return {
    get done() {
      return c;
    },
    total,
    advance: (steps) => advance(steps),
    result: () => {
      finish();
      return (result ??= resultOf(network, tally, grouping.names, groupBy, unit));
    },
    ofPerson: (k) => {
      finish();
      return eiOf(tally.personInternal![k * U + unit]!, tally.personExternal![k * U + unit]!);
    },
  };
}

/** The day of an `asOf` option: a day number or `YYYY-MM-DD`. */
function dayOf(asOf: Day | string): Day {
  const day = typeof asOf === "string" ? parseDay(asOf) : Number.isInteger(asOf) ? asOf : undefined;
  if (day === undefined) throw new TiegraphError("tiegraph/mix", "invalid-option", "invalid asOf", { record: "options.asOf", expected: "a calendar date YYYY-MM-DD or a day number", got: showValue(asOf) });
  return day;
}
