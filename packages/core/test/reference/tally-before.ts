// The internal/external tally as it was before the one-group-at-a-time fast path
// (session 5), kept as the reference the new one must equal bit for bit.
import { directedTies } from "../../src/graph/tie-index.js";
import { sortedByDay, type Network } from "../../src/model/network.js";
import { CHANGING, fixedGroups, groupsOn, maxSpans, type Grouping } from "../../src/graph/grouping.js";
import type { MixTally, TallyRequest } from "../../src/mix/tally.js";
const U = 3;

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
export function tallyMixBefore(network: Network, grouping: Grouping, req: TallyRequest): MixTally {
  const cols = network.exchangeColumns();
  const { from, to, day, value, minutes, confidential } = cols;
  const n = network.personCount;
  const G = grouping.names.length;
  const Q = req.periods ?? 1;
  const skip = req.excludeConfidential;
  const internal = new Float64Array(Q * U);
  const external = new Float64Array(Q * U);
  const groupInternal = new Float64Array(Q * G * U);
  const groupExternal = new Float64Array(Q * G * U);
  const personInternal = req.perPerson ? new Float64Array(n * U) : undefined;
  const personExternal = req.perPerson ? new Float64Array(n * U) : undefined;
  const cap = Math.max(1, maxSpans(grouping));
  const gs = new Int32Array(cap);
  const gt = new Int32Array(cap);

  // most people belong to one group over the whole history: no date lookup for them
  const range = network.dayRange();
  const fixed = range ? fixedGroups(grouping, range.first, range.last) : new Int32Array(n).fill(-1);
  // under tsx (the tests and benchmarks run through it) an imported function is
  // called through a getter and never inlined; a local alias avoids that
  const groupsAt = groupsOn;

  /**
   * Adds the tie s → t judged on day d, in period q, weighing `count` ties,
   * `val` value and `mins` minutes (a negative weight is left out).
   */
  const add = (s: number, t: number, d: number, q: number, count: number, val: number, mins: number): void => {
    const fs = fixed[s]!;
    const ft = fixed[t]!;
    let shared: boolean;
    if (fs !== CHANGING && ft !== CHANGING) {
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

  if (req.exchanges === undefined && Q === 1) {
    // whole history: ties from the index, then value and minutes exchange by exchange
    const ties = req.ties ?? directedTies(network, { excludeConfidential: skip });
    for (let p = 0; p < ties.pairCount; p++) add(ties.source[p]!, ties.target[p]!, ties.lastDay[p]!, 0, 1, -1, -1);
    for (let e = 0; e < cols.count; e++) {
      if (skip && confidential[e]) continue;
      const mn = minutes[e]!;
      add(from[e]!, to[e]!, day[e]!, 0, -1, value[e]!, mn === mn ? mn : -1);
    }
  } else {
    const periodOf = req.periodOfDay ?? (() => 0);
    const list = req.exchanges ?? sortedByDay(day, cols.count);
    const m = list.length;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) start[from[list[k]!]! + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const byGiver = new Int32Array(m);
    for (let k = m - 1; k >= 0; k--) {
      const e = list[k]!;
      byGiver[fill[from[e]!]!++] = e;
    }
    const seenGiver = new Int32Array(n).fill(-1);
    const seenPeriod = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      for (let k = start[s]!; k < start[s + 1]!; k++) {
        const e = byGiver[k]!;
        if (skip && confidential[e]) continue;
        const d = day[e]!;
        const q = periodOf(d);
        if (q < 0) continue;
        const t = to[e]!;
        const first = seenGiver[t] !== s || seenPeriod[t] !== q;
        seenGiver[t] = s;
        seenPeriod[t] = q;
        const mn = minutes[e]!;
        add(s, t, d, q, first ? 1 : -1, value[e]!, mn === mn ? mn : -1);
      }
    }
  }
  return { periods: Q, groups: G, internal, external, groupInternal, groupExternal, personInternal, personExternal };
}

function addTo(into: Float64Array, at: number, count: number, val: number, mins: number): void {
  if (count >= 0) into[at]! += count;
  if (val >= 0) into[at + 1]! += val;
  if (mins >= 0) into[at + 2]! += mins;
}

