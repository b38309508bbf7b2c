/**
 * The one pass behind every internal/external measure: internal and external
 * totals by tie count, value and minutes, for the network, each group and
 * each person, optionally split by period.
 */
import { TiegraphError, showValue } from "../errors.js";
import { directedTies, type DirectedTies } from "../graph/tie-index.js";
import { sortedByDay, type ExchangeColumns, type Network } from "../model/network.js";
import { CHANGING, fixedGroups, groupsOn, maxSpans, type Grouping } from "../graph/grouping.js";

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
  /** The whole-history tie counts, when asked for with `wholeCounts`. */
  readonly whole?: MixTally;
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
  /** The network's directed tie index, for the whole-history tally (built when missing). */
  ties?: DirectedTies;
  /** The one unit the caller reads (default: all three); the others may be left at 0. */
  only?: MixUnit;
  /**
   * Tally the groups' totals too (default true). False leaves
   * `groupInternal` and `groupExternal` at 0 and adds only to the network's
   * and people's totals, which is all a trend or a share reads: with
   * thousands of groups by many periods, the groups' arrays are megabytes
   * written at random. The `whole` counts of `wholeCounts` keep theirs.
   */
  groups?: boolean;
  /**
   * With periods over every exchange (no `exchanges` list): also count each
   * tie once over the whole history, judged on its last exchange, per person
   * too, in the same pass (the tally's `whole`, tie counts only).
   */
  wholeCounts?: boolean;
}

/**
 * Tallies exchanges. A tie (ordered pair i → j with an exchange, any kind)
 * counts once per period, judged internal or external on the date of its
 * last exchange in the period; value and minutes are judged exchange by
 * exchange on their own dates. Internal means both people share a group on
 * that date; a person with no group on that date makes every tie external.
 *
 * The whole history of the whole network reads the tie index (one entry per
 * tie, with its last day) and the exchanges in storage order, so memory is
 * read in sequence; periods and subsets bucket their exchanges by giver
 * instead, latest first, so the first sighting of a tie in a period is its
 * last exchange there.
 */
export function tallyMix(network: Network, grouping: Grouping, req: TallyRequest): MixTally {
  const cols = network.exchangeColumns();
  const { from, to, day, value, minutes, confidential } = cols;
  const n = network.personCount;
  const Q = req.periods ?? 1;
  const skip = req.excludeConfidential;
  const tally = emptyTally(Q, grouping.names.length, req.perPerson ? n : undefined);
  const wholeCounts = req.wholeCounts === true && req.exchanges === undefined && Q > 1;
  const whole = wholeCounts ? emptyTally(1, grouping.names.length, n) : undefined;
  const adderTo = mixAdder(network, grouping);
  const add = adderTo(tally, req.groups !== false);
  const addWhole = whole ? adderTo(whole) : add;

  // units nobody reads are left out (a negative weight)
  const wantCount = req.only === undefined || req.only === "count";
  const wantValue = req.only === undefined || req.only === "value";
  const wantMinutes = req.only === undefined || req.only === "minutes";
  if (req.exchanges === undefined && Q === 1) {
    // whole history: ties from the index, then value and minutes exchange by exchange
    const ties = req.ties ?? directedTies(network, { excludeConfidential: skip });
    if (wantCount) {
      const { source, target, lastDay } = ties;
      for (let p = 0; p < ties.pairCount; p++) add(source[p]!, target[p]!, lastDay[p]!, 0, 1, -1, -1);
    }
    if (wantValue || wantMinutes) {
      for (let e = 0; e < cols.count; e++) {
        if (skip && confidential[e]) continue;
        const mn = minutes[e]!;
        add(from[e]!, to[e]!, day[e]!, 0, -1, wantValue ? value[e]! : -1, wantMinutes && mn === mn ? mn : -1);
      }
    }
  } else {
    const periodOf = req.periodOfDay ?? (() => 0);
    // each giver's exchanges, latest first, with each one's receiver and day beside it so the pass below
    // reads them in sequence (the exchanges' positions too when value or minutes are summed)
    const { start, toOf, dayOf, byGiver } = byGiverLatestFirst(cols, n, skip, req.exchanges, wantValue || wantMinutes);
    // the giver and period a receiver was last seen with: [2t], [2t + 1]
    const seen = new Int32Array(2 * n).fill(-1);
    // the giver a receiver was last seen with over the whole history (whole counts only)
    const seenEver = new Int32Array(wholeCounts ? n : 0).fill(-1);
    for (let s = 0; s < n; s++) {
      for (let k = start[s]!, end = start[s + 1]!; k < end; k++) {
        const d = dayOf[k]!;
        const t = toOf[k]!;
        if (wholeCounts && seenEver[t] !== s) {
          // the giver's latest exchange with t: the tie's last day
          seenEver[t] = s;
          addWhole(s, t, d, 0, 1, -1, -1);
        }
        const q = periodOf(d);
        if (q < 0) continue;
        const first = seen[2 * t] !== s || seen[2 * t + 1] !== q;
        seen[2 * t] = s;
        seen[2 * t + 1] = q;
        if (!wantValue && !wantMinutes) {
          if (first) add(s, t, d, q, 1, -1, -1);
          continue;
        }
        const e = byGiver![k]!;
        const mn = minutes[e]!;
        add(s, t, d, q, first && wantCount ? 1 : -1, wantValue ? value[e]! : -1, wantMinutes && mn === mn ? mn : -1);
      }
    }
  }
  return whole ? { ...tally, whole } : tally;
}

/** Each giver's exchanges, latest first: see {@link byGiverLatestFirst}. */
interface GiverBuckets {
  /** Giver s's exchanges are `[start[s], start[s + 1])`. */
  start: Int32Array;
  toOf: Int32Array;
  dayOf: Int32Array;
  /** Each one's position in the network's exchanges (when asked for). */
  byGiver: Int32Array | undefined;
}

/**
 * The exchanges of `list` (positions in date order; default all), less the
 * confidential ones when `skip`, grouped by giver, each giver's latest
 * first and, on one day, the later position first (the order of walking the
 * date-ordered list backwards). For the whole list, three passes of counting
 * sorts read the columns in storage order: count by day and by giver; place
 * each exchange's giver and receiver by day, latest first; then place them by
 * giver in that order. A day range wider than the list is long takes the
 * date-ordered list instead, as a given list does: one pass reads the
 * columns at the list's positions.
 */
function byGiverLatestFirst(cols: ExchangeColumns, n: number, skip: boolean, list: ArrayLike<number> | undefined, withPositions: boolean): GiverBuckets {
  const { from, to, day, confidential } = cols;
  const m = cols.count;
  const start = new Int32Array(n + 1);
  let lo = 0;
  let hi = -1;
  for (let e = 0; e < m && list === undefined; e++) {
    if (skip && confidential[e]) continue;
    const d = day[e]!;
    if (hi < lo) lo = hi = d;
    else if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  if (list === undefined && span <= 4 * m + 100_000) {
    // latest first: day hi is slot 0
    const byDay = new Int32Array(span + 1);
    for (let e = 0; e < m; e++) {
      if (skip && confidential[e]) continue;
      byDay[hi - day[e]! + 1]!++;
      start[from[e]! + 1]!++;
    }
    for (let x = 0; x < span; x++) byDay[x + 1]! += byDay[x]!;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const kept = start[n]!;
    const dayFrom = new Int32Array(kept);
    const dayTo = new Int32Array(kept);
    const dayPos = withPositions ? new Int32Array(kept) : undefined;
    // the later position first within a day: walked backwards
    const place = byDay.slice(0, span);
    for (let e = m - 1; e >= 0; e--) {
      if (skip && confidential[e]) continue;
      const at = place[hi - day[e]!]!++;
      dayFrom[at] = from[e]!;
      dayTo[at] = to[e]!;
      if (dayPos) dayPos[at] = e;
    }
    const fill = start.slice(0, n);
    const toOf = new Int32Array(kept);
    const dayOf = new Int32Array(kept);
    const byGiver = withPositions ? new Int32Array(kept) : undefined;
    for (let x = 0, k = 0; x < span; x++) {
      const d = hi - x;
      for (const stop = byDay[x + 1]!; k < stop; k++) {
        const at = fill[dayFrom[k]!]!++;
        toOf[at] = dayTo[k]!;
        dayOf[at] = d;
        if (byGiver) byGiver[at] = dayPos![k]!;
      }
    }
    return { start, toOf, dayOf, byGiver };
  }
  const order = list ?? sortedByDay(day, m);
  const count = order.length;
  for (let k = 0; k < count; k++) {
    const e = order[k]!;
    if (!(skip && confidential[e])) start[from[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const kept = start[n]!;
  const fill = start.slice(0, n);
  const byGiver = withPositions ? new Int32Array(kept) : undefined;
  const toOf = new Int32Array(kept);
  const dayOf = new Int32Array(kept);
  for (let k = count - 1; k >= 0; k--) {
    const e = order[k]!;
    if (skip && confidential[e]) continue;
    const at = fill[from[e]!]!++;
    if (byGiver) byGiver[at] = e;
    toOf[at] = to[e]!;
    dayOf[at] = day[e]!;
  }
  return { start, toOf, dayOf, byGiver };
}

/** Empty totals of `periods` periods and `groups` groups, with per-person totals of `people` people when given. */
export function emptyTally(periods: number, groups: number, people: number | undefined): MixTally {
  return {
    periods,
    groups,
    internal: new Float64Array(periods * U),
    external: new Float64Array(periods * U),
    groupInternal: new Float64Array(periods * groups * U),
    groupExternal: new Float64Array(periods * groups * U),
    personInternal: people !== undefined ? new Float64Array(people * U) : undefined,
    personExternal: people !== undefined ? new Float64Array(people * U) : undefined,
  };
}

/**
 * Adds the tie or exchange s → t, judged on day d, to period q of a tally,
 * weighing `count` ties, `val` value and `mins` minutes (a negative weight is
 * left out).
 */
export type MixAdd = (s: number, t: number, d: number, q: number, count: number, val: number, mins: number) => void;

/**
 * The one judge of internal and external, for every tally of `network` by
 * `grouping`: given the totals to add to, the {@link MixAdd} that adds a tie
 * or an exchange to the network's, both people's groups' (unless `groups`
 * is false) and (when kept) both people's totals. Internal means both people share a group on that
 * day; a person with no group then makes it external. Set up in O(N + spans).
 */
export function mixAdder(network: Network, grouping: Grouping): (into: MixTally, groups?: boolean) => MixAdd {
  const n = network.personCount;
  const G = grouping.names.length;
  const cap = Math.max(1, maxSpans(grouping));
  const gs = new Int32Array(cap);
  const gt = new Int32Array(cap);

  // most people belong to one group over the whole history: no date lookup for them
  const range = network.dayRange();
  const fixed = range ? fixedGroups(grouping, range.first, range.last) : new Int32Array(n).fill(-1);
  // most of the rest change employer but never hold two at once: one span scan, no list
  const single = oneAtATime(grouping, fixed);
  const { spanStart, spanFrom, spanTo, spanGroup } = grouping;
  // under tsx (the tests and benchmarks run through it) an imported function is
  // called through a getter and never inlined; a local alias avoids that
  const groupsAt = groupsOn;

  /** The group of p on day d (−1: none), or {@link SEVERAL} when p may hold two then. */
  const groupOf = (p: number, d: number): number => {
    const f = fixed[p]!;
    if (f !== CHANGING) return f;
    if (single[p] === 0) return SEVERAL;
    for (let k = spanStart[p]!, end = spanStart[p + 1]!; k < end; k++) if (spanFrom[k]! <= d && d <= spanTo[k]!) return spanGroup[k]!;
    return -1;
  };

  /** Whether s and t, one of whom may hold two groups on day d, share one then. */
  const share = (s: number, t: number, d: number): boolean => {
    const ns = groupsAt(grouping, s, d, gs);
    const nt = groupsAt(grouping, t, d, gt);
    for (let x = 0; x < ns; x++) for (let y = 0; y < nt; y++) if (gs[x] === gt[y]) return true;
    return false;
  };

  return (into: MixTally, groups = true): MixAdd => {
    const { internal, external, groupInternal, groupExternal, personInternal, personExternal } = into;
    if (!groups) {
      // the network's and people's totals only: the groups' are left at 0
      return (s, t, d, q, count, val, mins) => {
        const fs = groupOf(s, d);
        const ft = groupOf(t, d);
        const shared = fs !== SEVERAL && ft !== SEVERAL ? fs >= 0 && fs === ft : share(s, t, d);
        addTo(shared ? internal : external, q * U, count, val, mins);
        const per = shared ? personInternal : personExternal;
        if (per) {
          addTo(per, s * U, count, val, mins);
          addTo(per, t * U, count, val, mins);
        }
      };
    }
    return (s, t, d, q, count, val, mins) => {
      const fs = groupOf(s, d);
      const ft = groupOf(t, d);
      let shared: boolean;
      if (fs !== SEVERAL && ft !== SEVERAL) {
        // one group (or none) each
        shared = fs >= 0 && fs === ft;
        if (shared) addTo(groupInternal, (q * G + fs) * U, count, val, mins);
        else {
          if (fs >= 0) addTo(groupExternal, (q * G + fs) * U, count, val, mins);
          if (ft >= 0) addTo(groupExternal, (q * G + ft) * U, count, val, mins);
        }
      } else {
        const ns = groupsAt(grouping, s, d, gs);
        const nt = groupsAt(grouping, t, d, gt);
        shared = false;
        for (let x = 0; x < ns; x++) {
          let inT = false;
          for (let y = 0; y < nt; y++) if (gt[y] === gs[x]) inT = true;
          if (inT) shared = true;
          addTo(inT ? groupInternal : groupExternal, (q * G + gs[x]!) * U, count, val, mins);
        }
        for (let y = 0; y < nt; y++) {
          let inS = false;
          for (let x = 0; x < ns; x++) if (gs[x] === gt[y]) inS = true;
          if (!inS) addTo(groupExternal, (q * G + gt[y]!) * U, count, val, mins); // a shared group was counted above, as internal
        }
      }
      addTo(shared ? internal : external, q * U, count, val, mins);
      const per = shared ? personInternal : personExternal;
      if (per) {
        addTo(per, s * U, count, val, mins);
        addTo(per, t * U, count, val, mins);
      }
    };
  };
}

/** Marks a person who may hold two groups on one day: their groups are listed in full. */
const SEVERAL = -3;

/**
 * Per person with changing groups (see `fixedGroups`), 1 when no two of
 * their spans with different groups overlap, so one group at most covers any
 * day: the first covering span's. People with many spans are left to the
 * full listing (0), which is always right.
 */
function oneAtATime(g: Grouping, fixed: Int32Array): Uint8Array {
  const n = fixed.length;
  const out = new Uint8Array(n);
  const { spanStart, spanFrom, spanTo, spanGroup } = g;
  for (let p = 0; p < n; p++) {
    if (fixed[p] !== CHANGING) continue;
    const lo = spanStart[p]!;
    const hi = spanStart[p + 1]!;
    if (hi - lo > 16) continue;
    let ok = 1;
    for (let a = lo; a < hi && ok; a++) {
      for (let b = a + 1; b < hi; b++) {
        if (spanGroup[a] !== spanGroup[b] && spanFrom[a]! <= spanTo[b]! && spanFrom[b]! <= spanTo[a]!) {
          ok = 0;
          break;
        }
      }
    }
    out[p] = ok;
  }
  return out;
}

function addTo(into: Float64Array, at: number, count: number, val: number, mins: number): void {
  if (count >= 0) into[at]! += count;
  if (val >= 0) into[at + 1]! += val;
  if (mins >= 0) into[at + 2]! += mins;
}

/** Krackhardt & Stern's index `(E − I) / (E + I)`, or null when there is nothing to judge. */
export function eiOf(internal: number, external: number): number | null {
  const t = internal + external;
  return t > 0 ? (external - internal) / t : null;
}
