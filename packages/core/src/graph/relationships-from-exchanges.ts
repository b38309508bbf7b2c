/**
 * The undirected relationship index built straight from the exchange columns,
 * for callers that need only the relationships (introduction paths, pair balances, the picture):
 * it skips the directed tie index and its ten aggregate columns. The result
 * equals, bit for bit and slot for slot, the one made from the directed index
 * (`relationships` picks that one when the directed index is already built).
 */
import type { ExchangeColumns } from "../model/exchange-store.js";
import type { ExchangeSource, Relationships } from "./tie-index.js";
import { strengthFromSum, type TieStrengthOptions } from "./tie-strength.js";

/** Bit 0 of a bucketed exchange or a pair: the lower person gave (an exchange lower → higher exists). */
const LOWER_GAVE = 1;
/** Bit 1: the exchange is not confidential (a pair: at least one such exchange). */
const OPEN = 2;

/**
 * Builds {@link Relationships} from the exchange columns, with no directed index.
 *
 * An exchange counts when it is dated on or before `opts.asOf` and, with
 * `skip`, is not confidential. For the pair {x < y}:
 * - `sum = (0 + S(o→p)) + S(p→o)`, where o is the pair's owner (x when an
 *   exchange x → y counts, else y), p the other, and `S(u→v) = Σ w_e·f(age_e)`
 *   summed from 0 in exchange order, with `f(age) = exp(ln(½)·age/h)` (1 at age 0);
 * - `strength = strengthFromSum(sum, opts) = max(floor, 1 − exp(−sum/κ))`;
 * - `count` = exchanges of both directions, `lastDay` = the latest of them,
 *   `confidentialOnly` = 1 when every one is confidential;
 * - pairs are listed by (owner, other) ascending, which is the order of the
 *   directed slot each pair was made from in the directed-based build, and the
 *   symmetric adjacency lists each person's pairs in pair order.
 *
 * How: exchanges are bucketed by their lower person (a stable counting sort,
 * so each bucket keeps exchange order), with what is read of each copied
 * beside it in one 16-byte record (so the later passes read memory in order);
 * in one pass over a bucket, each higher person met makes a pair and both
 * directions are summed; the bucket's pairs are then listed by higher person,
 * and all pairs, taken in (lower, higher) order, are counting-sorted by
 * owner: for owner o, those of lower persons before o come first, by lower
 * person, then o's own, by higher person — already in (owner, other) order.
 *
 * O(E + N) for E exchanges and N people, apart from sorting each
 * person's higher neighbours (insertion sort up to 32, else a typed-array sort).
 *
 * @param opts Resolved options (asOf given).
 * @param skip Leave confidential exchanges out.
 * @example
 * ```ts
 * const rel = relationshipsFromExchanges(network, { ...DEFAULT_TIE_STRENGTH_OPTIONS, asOf: 20000 }, false);
 * rel.strength[rel.pair[rel.offsets[0]]]; // strength of person 0's first relationship
 * ```
 */
export function relationshipsFromExchanges(network: ExchangeSource, opts: TieStrengthOptions & { asOf: number }, skip: boolean): Relationships {
  // one function per pass, each reading in order what the previous one wrote
  const n = network.personCount;
  const buckets = bucketByLower(network.exchangeColumns(), n, opts, skip);
  const pairs = pairsByLower(n, buckets);
  const listed = pairsByOwner(n, pairs);
  const strength = strengthOf(listed.sum, opts);
  const { offsets, neighbor, pair } = adjacency(n, listed.a, listed.b, listed.degree);
  const { a, b, count, lastDay, confidentialOnly } = listed;
  return { nodeCount: n, pairCount: a.length, a, b, strength, count, lastDay, confidentialOnly, offsets, neighbor, pair, asOf: opts.asOf };
}

/** Counted exchanges bucketed by lower person, in exchange order within a bucket. */
interface Buckets {
  /** Offsets by lower person (n + 1). */
  start: Int32Array;
  /** Per exchange, 16 bytes: [4k] the higher person, [4k + 1] the day << 2 | flags. */
  higherDay: Int32Array;
  /** The same bytes as doubles: [2k + 1] the decayed value. */
  decayedOf: Float64Array;
}

/**
 * Buckets the counted exchanges by lower person (a stable counting sort), each
 * copied into one 16-byte record, so that placing it writes one place and the
 * next pass reads in order. Self-exchanges (refused by validation) would make
 * no pair, as in the directed-based build.
 */
function bucketByLower(cols: ExchangeColumns, n: number, opts: TieStrengthOptions & { asOf: number }, skip: boolean): Buckets {
  const m = cols.count;
  const { from, to, day, value, confidential } = cols;
  const lnHalf = -Math.LN2 / opts.halfLifeDays;
  const asOf = opts.asOf;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const f = from[e]!;
    const t = to[e]!;
    if (!(skip && confidential[e]) && day[e]! <= asOf && f !== t) start[(f < t ? f : t) + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const M = start[n]!;
  const fill = start.slice(0, n);
  // the day shifted left by two with the flags in the low bits: days lie within ±2^29
  const records = new ArrayBuffer(16 * M);
  const higherDay = new Int32Array(records);
  const decayedOf = new Float64Array(records);
  // exp(ln(½)·age/h) once per age in days (the same Math.exp call as the
  // directed build, so the same bits); ages past ~90 years are computed each time
  const decayByAge = new Float64Array(1 << 15).fill(NaN);
  for (let e = 0; e < m; e++) {
    const d = day[e]!;
    const f = from[e]!;
    const t = to[e]!;
    if (!(skip && confidential[e]) && d <= asOf && f !== t) {
      const age = asOf - d;
      let x = 1;
      if (age !== 0) {
        if (age < decayByAge.length) {
          x = decayByAge[age]!;
          if (x !== x) x = decayByAge[age] = Math.exp(lnHalf * age);
        } else x = Math.exp(lnHalf * age);
      }
      const k = f < t ? fill[f]!++ : fill[t]!++;
      higherDay[4 * k] = f < t ? t : f;
      higherDay[4 * k + 1] = (d << 2) | (f < t ? LOWER_GAVE : 0) | (confidential[e] ? 0 : OPEN);
      decayedOf[2 * k + 1] = value[e]! * x;
    }
  }
  return { start, higherDay, decayedOf };
}

/** Pairs numbered by lower person, each lower person's in the order first met. */
interface PairsByLower {
  count: number;
  /** Offsets by lower person (n + 1). */
  start: Int32Array;
  higher: Int32Array;
  /** Each lower person's pairs listed by higher person. */
  byHigher: Int32Array;
  /** Decayed sums lower → higher and higher → lower, each from 0 in exchange order. */
  lowerSum: Float64Array;
  higherSum: Float64Array;
  exchanges: Int32Array;
  lastDay: Int32Array;
  /** LOWER_GAVE | OPEN, or-ed over the pair's exchanges. */
  flags: Uint8Array;
  /** Pairs per owner, at [owner + 1]. */
  perOwner: Int32Array;
}

/**
 * One pass per bucket: each higher person met makes a pair (at most one per
 * exchange), both directions are summed; then the bucket's pairs are listed by
 * higher person and counted per owner.
 */
function pairsByLower(n: number, buckets: Buckets): PairsByLower {
  const { start: bucketStart, higherDay, decayedOf } = buckets;
  const M = bucketStart[n]!;
  const start = new Int32Array(n + 1);
  const higher = new Int32Array(M);
  const byHigher = new Int32Array(M);
  const lowerSum = new Float64Array(M);
  const higherSum = new Float64Array(M);
  const exchanges = new Int32Array(M);
  const lastDay = new Int32Array(M);
  const flags = new Uint8Array(M);
  const perOwner = new Int32Array(n + 1);
  // the pair of (lower, h) is slot[h] when that lies among the lower person's pairs
  // (-1 or an older value points before them: pairs are numbered in order)
  const slot = new Int32Array(n).fill(-1);
  let U = 0;
  for (let lo = 0; lo < n; lo++) {
    const first = U;
    for (let k = bucketStart[lo]!; k < bucketStart[lo + 1]!; k++) {
      const h = higherDay[4 * k]!;
      let p = slot[h]!;
      if (p < first) {
        slot[h] = p = U++;
        higher[p] = h;
        lastDay[p] = -2147483648;
      }
      const dayFlags = higherDay[4 * k + 1]!;
      if (dayFlags & LOWER_GAVE) lowerSum[p]! += decayedOf[2 * k + 1]!;
      else higherSum[p]! += decayedOf[2 * k + 1]!;
      exchanges[p]!++;
      const d = dayFlags >> 2;
      if (d > lastDay[p]!) lastDay[p] = d;
      flags[p]! |= dayFlags & 3;
    }
    start[lo + 1] = U;
    if (U === first) continue;
    for (let p = first; p < U; p++) {
      byHigher[p] = higher[p]!;
      perOwner[(flags[p]! & LOWER_GAVE ? lo : higher[p]!) + 1]!++;
    }
    sortRange(byHigher, first, U);
    for (let x = first; x < U; x++) byHigher[x] = slot[byHigher[x]!]!;
  }
  return { count: U, start, higher, byHigher, lowerSum, higherSum, exchanges, lastDay, flags, perOwner };
}

/** Sorts `v[lo..hi)` ascending: most people have a handful of neighbours, and insertion sort beats a sort call per person (shared with the directed build). */
export function sortRange(v: Int32Array, lo: number, hi: number): void {
  if (hi - lo > 32) {
    v.subarray(lo, hi).sort();
    return;
  }
  for (let x = lo + 1; x < hi; x++) {
    const key = v[x]!;
    let y = x - 1;
    while (y >= lo && v[y]! > key) {
      v[y + 1] = v[y]!;
      y--;
    }
    v[y + 1] = key;
  }
}

/**
 * The pairs counting-sorted by owner, taken in (lower, higher) order: for owner
 * o, those of lower persons before o come first, by lower person, then o's own,
 * by higher person — already in (owner, other) order.
 */
function pairsByOwner(n: number, pairs: PairsByLower): { a: Int32Array; b: Int32Array; sum: Float64Array; count: Int32Array; lastDay: Int32Array; confidentialOnly: Uint8Array; degree: Int32Array } {
  const { count: U, start, higher, byHigher, lowerSum, higherSum, exchanges, lastDay: last, flags } = pairs;
  const at = pairs.perOwner;
  for (let i = 0; i < n; i++) at[i + 1]! += at[i]!;
  const a = new Int32Array(U);
  const b = new Int32Array(U);
  const sum = new Float64Array(U);
  const count = new Int32Array(U);
  const lastDay = new Int32Array(U);
  const confidentialOnly = new Uint8Array(U);
  const degree = new Int32Array(n + 1);
  for (let lo = 0; lo < n; lo++) {
    for (let x = start[lo]!; x < start[lo + 1]!; x++) {
      const p = byHigher[x]!;
      const h = higher[p]!;
      const fl = flags[p]!;
      // at[o] is o's next free place
      const q = fl & LOWER_GAVE ? at[lo]!++ : at[h]!++;
      a[q] = lo;
      b[q] = h;
      // the owner's direction first, from 0; a missing direction adds +0, which changes no sum
      sum[q] = fl & LOWER_GAVE ? 0 + lowerSum[p]! + higherSum[p]! : 0 + higherSum[p]! + lowerSum[p]!;
      count[q] = exchanges[p]!;
      lastDay[q] = last[p]!;
      confidentialOnly[q] = fl & OPEN ? 0 : 1;
      degree[lo + 1]!++;
      degree[h + 1]!++;
    }
  }
  return { a, b, sum, count, lastDay, confidentialOnly, degree };
}

/** Each pair's strength from its decayed sum (shared with the directed-based build in tie-index.ts). */
export function strengthOf(sum: Float64Array, opts: TieStrengthOptions): Float64Array {
  const strength = new Float64Array(sum.length);
  for (let k = 0; k < sum.length; k++) strength[k] = strengthFromSum(sum[k]!, opts);
  return strength;
}

/**
 * The symmetric CSR adjacency: each person's pairs in pair order (`degree`,
 * each person's pair count at [i + 1], becomes the offsets). Shared with the
 * directed-based build in tie-index.ts.
 */
export function adjacency(n: number, a: Int32Array, b: Int32Array, degree: Int32Array): { offsets: Int32Array; neighbor: Int32Array; pair: Int32Array } {
  const U = a.length;
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const offsets = degree;
  const next = offsets.slice(0, n);
  const neighbor = new Int32Array(2 * U);
  const pair = new Int32Array(2 * U);
  for (let k = 0; k < U; k++) {
    const x = a[k]!;
    const y = b[k]!;
    neighbor[next[x]!] = y;
    pair[next[x]!++] = k;
    neighbor[next[y]!] = x;
    pair[next[y]!++] = k;
  }
  return { offsets, neighbor, pair };
}
