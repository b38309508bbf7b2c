/**
 * Reciprocity of every relationship at once, in typed arrays aligned with the
 * slots of {@link relationships} (so also with the edges of
 * `relationshipGraph`), for edge colouring and network-wide scans.
 */
import { TiegraphError } from "../errors.js";
import { relationships, type Relationships } from "../graph/tie-index.js";
import type { ExchangeColumns, Network } from "../model/network.js";
import { resolveReciprocityOptions, type ReciprocityOptionsInput } from "./options.js";
import { emptyPairScan, exchangeCode, imbalanceOf, scanRun, type PairRuns } from "./pair-scan.js";
import { souringDirection } from "./souring.js";

/** Options of {@link pairBalances}. */
export interface PairBalanceOptions extends ReciprocityOptionsInput {
  /** The network's relationship index, when the caller already has it (saves rebuilding it). */
  relationships?: Relationships;
}

/** Per-relationship reciprocity, slot k being relationship k of {@link relationships}: `a[k] < b[k]`. */
export interface PairBalances {
  readonly pairCount: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Decayed, gesture-diminished value given a → b and b → a. */
  readonly givenByA: Float64Array;
  readonly givenByB: Float64Array;
  /** Recorded value given each way. */
  readonly rawByA: Float64Array;
  readonly rawByB: Float64Array;
  /** `(givenByA − givenByB) / (givenByA + givenByB)` in [−1, 1]; NaN when neither gave. */
  readonly imbalance: Float64Array;
  /** Latest one-way run of giving exchanges: +n when a gave the last n, −n when b did. */
  readonly streak: Int32Array;
  /** Souring: +1 when b owes a, −1 when a owes b, 0 when not soured. */
  readonly souring: Int8Array;
  /** Reference day of the decay (day number). */
  readonly asOf: number;
}

/**
 * Runs the per-relationship balance (see {@link relationshipBalance}) over
 * every relationship in O(E + N) for histories of ordinary length: exchanges
 * are packed by pair with a counting sort, each pair's few exchanges are put
 * in date order, then each pair is scanned once, reading memory in sequence.
 *
 * @example
 * ```ts
 * const rel = relationships(network);
 * const pb = pairBalances(network, { relationships: rel });
 * pb.imbalance[k]; // balance of relationship k, from rel.a[k]'s side
 * ```
 */
export function pairBalances(network: Network, options: PairBalanceOptions = {}): PairBalances {
  const o = resolveReciprocityOptions(network, options);
  // slots must match the relationships the caller draws: without confidential exchanges when they are excluded
  const rel = options.relationships ?? relationships(network, { excludeConfidential: o.excludeConfidential });
  const n = network.personCount;
  if (rel.nodeCount !== n) {
    throw new TiegraphError("tiegraph/reciprocity", "invalid-option", "the relationship index was built for another network", { record: "options.relationships", expected: `an index of ${n} people`, got: `${rel.nodeCount} people` });
  }
  const cols = network.exchangeColumns();
  const m = cols.count;
  const { from, to } = cols;
  const U = rel.pairCount;

  // slot of each exchange: visit exchanges grouped by their lower endpoint and
  // look the higher one up among that person's neighbours
  const loStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) loStart[Math.min(from[e]!, to[e]!) + 1]!++;
  for (let i = 0; i < n; i++) loStart[i + 1]! += loStart[i]!;
  const fill = loStart.slice(0, n);
  const byLo = new Int32Array(m);
  for (let e = 0; e < m; e++) byLo[fill[Math.min(from[e]!, to[e]!)]!++] = e;
  // an exchange whose pair is not in the index (a confidential one, when the
  // index was built without them) gets no slot (-1) and is left out
  const slotOfNeighbour = new Int32Array(n).fill(-1);
  const slotOf = new Int32Array(m);
  const skipConfidential = o.excludeConfidential;
  for (let lo = 0; lo < n; lo++) {
    if (loStart[lo] === loStart[lo + 1]) continue;
    for (let q = rel.offsets[lo]!; q < rel.offsets[lo + 1]!; q++) slotOfNeighbour[rel.neighbor[q]!] = rel.pair[q]!;
    for (let k = loStart[lo]!; k < loStart[lo + 1]!; k++) {
      const e = byLo[k]!;
      slotOf[e] = skipConfidential && cols.confidential[e] ? -1 : slotOfNeighbour[Math.max(from[e]!, to[e]!)]!;
    }
    for (let q = rel.offsets[lo]!; q < rel.offsets[lo + 1]!; q++) slotOfNeighbour[rel.neighbor[q]!] = -1;
  }
  // under tsx (the tests and benchmarks run through it) an imported function is
  // called through a getter and never inlined; local aliases avoid that
  const codeOf = exchangeCode;
  const scan = scanRun;
  const sourOf = souringDirection;
  const imbalanceFrom = imbalanceOf;
  // pack exchanges by slot, reading them in storage order, then put each slot's run in date order
  const slotStart = new Int32Array(U + 1);
  for (let e = 0; e < m; e++) if (slotOf[e]! >= 0) slotStart[slotOf[e]! + 1]!++;
  for (let k = 0; k < U; k++) slotStart[k + 1]! += slotStart[k]!;
  const slotFill = slotStart.slice(0, U);
  const runs: PairRuns = { day: new Int32Array(m), value: new Float64Array(m), code: new Uint8Array(m), index: new Int32Array(m) };
  for (let e = 0; e < m; e++) {
    if (slotOf[e]! < 0) continue;
    const x = slotFill[slotOf[e]!]!++;
    runs.day[x] = cols.day[e]!;
    runs.value[x] = cols.value[e]!;
    runs.code[x] = codeOf(cols, e);
    runs.index[x] = e;
  }
  for (let k = 0; k < U; k++) sortRun(runs, slotStart[k]!, slotStart[k + 1]!, cols);

  const givenByA = new Float64Array(U);
  const givenByB = new Float64Array(U);
  const rawByA = new Float64Array(U);
  const rawByB = new Float64Array(U);
  const imbalance = new Float64Array(U);
  const streak = new Int32Array(U);
  const souring = new Int8Array(U);
  const s = emptyPairScan();
  for (let k = 0; k < U; k++) {
    scan(runs, slotStart[k]!, slotStart[k + 1]!, true, o, s);
    givenByA[k] = s.given;
    givenByB[k] = s.received;
    rawByA[k] = s.givenRaw;
    rawByB[k] = s.receivedRaw;
    imbalance[k] = imbalanceFrom(s.given, s.received);
    streak[k] = s.streak * s.streakDirection;
    souring[k] = sourOf(s, cols, o);
  }
  return { pairCount: U, a: rel.a, b: rel.b, givenByA, givenByB, rawByA, rawByB, imbalance, streak, souring, asOf: o.asOf };
}

/**
 * Sorts run entries `lo..hi` (in storage order) into date order, ties kept in
 * storage order. Runs are short, so insertion sort; a long one (a busy pair)
 * is sorted by key instead, so a pathological history stays O(k log k).
 */
function sortRun(runs: PairRuns, lo: number, hi: number, cols: ExchangeColumns): void {
  const { day, value, code, index } = runs;
  if (hi - lo > 64) {
    const m = cols.count;
    const keys = new Float64Array(hi - lo);
    for (let x = lo; x < hi; x++) keys[x - lo] = day[x]! * m + index[x]!; // exact below 2^53
    keys.sort();
    for (let x = lo; x < hi; x++) {
      const key = keys[x - lo]!;
      const e = key - Math.floor(key / m) * m; // days before 1970 are negative: no % here
      index[x] = e;
      day[x] = cols.day[e]!;
      value[x] = cols.value[e]!;
      code[x] = exchangeCode(cols, e);
    }
    return;
  }
  for (let x = lo + 1; x < hi; x++) {
    const d = day[x]!;
    if (d >= day[x - 1]!) continue;
    const e = index[x]!;
    const v = value[x]!;
    const c = code[x]!;
    let y = x - 1;
    while (y >= lo && day[y]! > d) {
      day[y + 1] = day[y]!;
      value[y + 1] = value[y]!;
      code[y + 1] = code[y]!;
      index[y + 1] = index[y]!;
      y--;
    }
    day[y + 1] = d;
    value[y + 1] = v;
    code[y + 1] = c;
    index[y + 1] = e;
  }
}

/**
 * The imbalance of every relationship, `(G_ab − G_ba) / (G_ab + G_ba)` from
 * the lower-index person `a`'s side, NaN where neither side gave anything:
 * one value per slot of {@link relationships} (the edge order of
 * `relationshipGraph`), ready for edge colouring. See {@link pairBalances}.
 *
 * @example
 * ```ts
 * const imb = pairImbalances(network);
 * imb.length === relationships(network).pairCount; // true
 * ```
 */
export function pairImbalances(network: Network, options: PairBalanceOptions = {}): Float64Array {
  return pairBalances(network, options).imbalance;
}
