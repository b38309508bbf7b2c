/**
 * The one pass behind every internal/external measure: internal and external
 * totals by tie count, value and minutes, for the network, each group and
 * each person, optionally split by period.
 */
import { TiegraphError, showValue } from "../errors.js";
import { sortedByDay, type Network } from "../model/network.js";
import { groupsOn, maxSpans, type Grouping } from "./grouping.js";

/** What is summed: ordered pairs with an exchange, exchange value, or meeting minutes. */
export type MixUnit = "count" | "value" | "minutes";
/** The units in storage order. */
export const MIX_UNITS: readonly MixUnit[] = ["count", "value", "minutes"];
const U = 3;

/** Position of a unit in {@link MIX_UNITS}; throws `invalid-option` for anything else. */
export function unitIndex(by: MixUnit): number {
  const u = MIX_UNITS.indexOf(by);
  if (u < 0) throw new TiegraphError("tiegraph/mix", "invalid-option", "invalid unit", { record: "options.by", expected: `one of ${MIX_UNITS.join(", ")}`, got: showValue(by) });
  return u;
}

/** Totals, stored flat: network `[q·3 + u]`, group `[(q·G + g)·3 + u]`, person `[p·3 + u]`. */
export interface MixTally {
  readonly periods: number;
  readonly groups: number;
  readonly internal: Float64Array;
  readonly external: Float64Array;
  readonly groupInternal: Float64Array;
  readonly groupExternal: Float64Array;
  /** Present when asked for (whole history only). */
  readonly personInternal: Float64Array | undefined;
  readonly personExternal: Float64Array | undefined;
}

/** What to tally. */
export interface TallyRequest {
  /** Exchange indices to read, in date order (default: all). */
  exchanges?: ArrayLike<number>;
  /** Number of periods and the period of each day (−1: outside every period). Default: one period. */
  periods?: number;
  periodOfDay?: (day: number) => number;
  perPerson: boolean;
  excludeConfidential: boolean;
}

/**
 * Tallies exchanges. A tie (ordered pair i → j with an exchange, any kind)
 * counts once per period, judged internal or external on the date of its
 * last exchange in the period; value and minutes are judged exchange by
 * exchange on their own dates. Internal means both people share a group on
 * that date; a person with no group on that date makes every tie external.
 */
export function tallyMix(network: Network, grouping: Grouping, req: TallyRequest): MixTally {
  const cols = network.exchangeColumns();
  const { from, to, day, value, minutes, confidential } = cols;
  const n = network.personCount;
  const G = grouping.names.length;
  const Q = req.periods ?? 1;
  const periodOf = req.periodOfDay ?? (() => 0);
  const list = req.exchanges ?? sortedByDay(day, cols.count);
  const m = list.length;

  // bucket by giver, latest first inside each bucket, so the first sighting
  // of a pair in a period is its last exchange there
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) start[from[list[k]!]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const byGiver = new Int32Array(m);
  for (let k = m - 1; k >= 0; k--) {
    const e = list[k]!;
    byGiver[fill[from[e]!]!++] = e;
  }

  const internal = new Float64Array(Q * U);
  const external = new Float64Array(Q * U);
  const groupInternal = new Float64Array(Q * G * U);
  const groupExternal = new Float64Array(Q * G * U);
  const personInternal = req.perPerson ? new Float64Array(n * U) : undefined;
  const personExternal = req.perPerson ? new Float64Array(n * U) : undefined;
  const seenGiver = new Int32Array(n).fill(-1);
  const seenPeriod = new Int32Array(n);
  const cap = Math.max(1, maxSpans(grouping));
  const gs = new Int32Array(cap);
  const gt = new Int32Array(cap);
  const w = new Float64Array(U);

  for (let s = 0; s < n; s++) {
    for (let k = start[s]!; k < start[s + 1]!; k++) {
      const e = byGiver[k]!;
      if (req.excludeConfidential && confidential[e]) continue;
      const d = day[e]!;
      const q = periodOf(d);
      if (q < 0) continue;
      const t = to[e]!;
      const first = seenGiver[t] !== s || seenPeriod[t] !== q;
      seenGiver[t] = s;
      seenPeriod[t] = q;
      const mn = minutes[e]!;
      w[0] = first ? 1 : 0;
      w[1] = value[e]!;
      w[2] = mn === mn ? mn : 0;
      const ns = groupsOn(grouping, s, d, gs);
      const nt = groupsOn(grouping, t, d, gt);
      let shared = false;
      for (let x = 0; x < ns; x++) {
        let inT = false;
        for (let y = 0; y < nt; y++) if (gt[y] === gs[x]) inT = true;
        if (inT) shared = true;
        const base = (q * G + gs[x]!) * U;
        const into = inT ? groupInternal : groupExternal;
        for (let u = 0; u < U; u++) into[base + u]! += w[u]!;
      }
      for (let y = 0; y < nt; y++) {
        let inS = false;
        for (let x = 0; x < ns; x++) if (gs[x] === gt[y]) inS = true;
        if (inS) continue; // counted once above, as internal
        const base = (q * G + gt[y]!) * U;
        for (let u = 0; u < U; u++) groupExternal[base + u]! += w[u]!;
      }
      const net = shared ? internal : external;
      for (let u = 0; u < U; u++) net[q * U + u]! += w[u]!;
      const per = shared ? personInternal : personExternal;
      if (per) {
        for (let u = 0; u < U; u++) {
          per[s * U + u]! += w[u]!;
          per[t * U + u]! += w[u]!;
        }
      }
    }
  }
  return { periods: Q, groups: G, internal, external, groupInternal, groupExternal, personInternal, personExternal };
}

/** Krackhardt & Stern's index `(E − I) / (E + I)`, or null when there is nothing to judge. */
export function eiOf(internal: number, external: number): number | null {
  const t = internal + external;
  return t > 0 ? (external - internal) / t : null;
}
