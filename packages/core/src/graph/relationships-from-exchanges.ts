/**
 * The undirected relationship index built straight from the exchange columns,
 * for callers that need only the relationships (introduction paths, pair balances, the picture):
 * it skips the directed tie index and its ten aggregate columns. The result
 * equals, bit for bit and slot for slot, the one made from the directed index
 * (`relationships` picks that one when the directed index is already built).
 */
import type { Network } from "../model/network.js";
import type { Relationships } from "./tie-index.js";
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
export function relationshipsFromExchanges(network: Network, opts: TieStrengthOptions & { asOf: number }, skip: boolean): Relationships {
  const cols = network.exchangeColumns();
  const n = network.personCount;
  const m = cols.count;
  const { from, to, day, value, confidential } = cols;
  const lnHalf = -Math.LN2 / opts.halfLifeDays;
  const asOf = opts.asOf;

  // bucket the counted exchanges by lower person; self-exchanges (refused by
  // validation) would make no pair, as in the directed-based build
  const bucketStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const f = from[e]!;
    const t = to[e]!;
    if (!(skip && confidential[e]) && day[e]! <= asOf && f !== t) bucketStart[(f < t ? f : t) + 1]!++;
  }
  for (let i = 0; i < n; i++) bucketStart[i + 1]! += bucketStart[i]!;
  const M = bucketStart[n]!;
  const fill = bucketStart.slice(0, n);
  // one 16-byte record per bucketed exchange, so that placing it writes one place:
  // the higher person, the day shifted left by two with the flags in the low bits
  // (days lie within ±2^29), then the decayed value
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

  // pairs of each lower person, made in the order their higher person is first met
  // (at most one per counted exchange), then listed by higher person in `byHigher`
  const pairStart = new Int32Array(n + 1);
  const pairHigher = new Int32Array(M);
  const byHigher = new Int32Array(M);
  const lowerSum = new Float64Array(M); // lower → higher
  const higherSum = new Float64Array(M); // higher → lower
  const pairCount = new Int32Array(M);
  const pairLast = new Int32Array(M);
  const pairFlags = new Uint8Array(M);
  const ownerStart = new Int32Array(n + 1);
  // the pair of (lower, h) is slot[h] when that lies among the lower person's pairs
  // (-1 or an older value points before them: pairs are numbered in order)
  const slot = new Int32Array(n).fill(-1);
  let U = 0;
  for (let lo = 0; lo < n; lo++) {
    const first = U;
    // each direction summed from 0 in exchange order (buckets keep it)
    for (let k = bucketStart[lo]!; k < bucketStart[lo + 1]!; k++) {
      const h = higherDay[4 * k]!;
      let p = slot[h]!;
      if (p < first) {
        slot[h] = p = U++;
        pairHigher[p] = h;
        pairLast[p] = -2147483648;
      }
      const dayFlags = higherDay[4 * k + 1]!;
      if (dayFlags & LOWER_GAVE) lowerSum[p]! += decayedOf[2 * k + 1]!;
      else higherSum[p]! += decayedOf[2 * k + 1]!;
      pairCount[p]!++;
      const d = dayFlags >> 2;
      if (d > pairLast[p]!) pairLast[p] = d;
      pairFlags[p]! |= dayFlags & 3;
    }
    pairStart[lo + 1] = U;
    if (U === first) continue;
    // the higher persons sorted (most people have a handful: insertion sort beats a
    // sort call per person), then each replaced by its pair
    for (let p = first; p < U; p++) {
      byHigher[p] = pairHigher[p]!;
      ownerStart[(pairFlags[p]! & LOWER_GAVE ? lo : pairHigher[p]!) + 1]!++;
    }
    if (U - first > 32) byHigher.subarray(first, U).sort();
    else
      for (let x = first + 1; x < U; x++) {
        const v = byHigher[x]!;
        let y = x - 1;
        while (y >= first && byHigher[y]! > v) {
          byHigher[y + 1] = byHigher[y]!;
          y--;
        }
        byHigher[y + 1] = v;
      }
    for (let x = first; x < U; x++) byHigher[x] = slot[byHigher[x]!]!;
  }

  // counting sort by owner (see above: the result is in (owner, other) order)
  for (let i = 0; i < n; i++) ownerStart[i + 1]! += ownerStart[i]!;
  const at = ownerStart; // reused as the fill pointer: ownerStart[o] moves to o's next free place
  const A = new Int32Array(U);
  const B = new Int32Array(U);
  const sum = new Float64Array(U);
  const count = new Int32Array(U);
  const lastDay = new Int32Array(U);
  const confidentialOnly = new Uint8Array(U);
  const deg = new Int32Array(n + 1);
  for (let lo = 0; lo < n; lo++) {
    for (let x = pairStart[lo]!; x < pairStart[lo + 1]!; x++) {
      const p = byHigher[x]!;
      const h = pairHigher[p]!;
      const fl = pairFlags[p]!;
      const q = fl & LOWER_GAVE ? at[lo]!++ : at[h]!++;
      A[q] = lo;
      B[q] = h;
      // the owner's direction first, from 0; a missing direction adds +0, which changes no sum
      sum[q] = fl & LOWER_GAVE ? 0 + lowerSum[p]! + higherSum[p]! : 0 + higherSum[p]! + lowerSum[p]!;
      count[q] = pairCount[p]!;
      lastDay[q] = pairLast[p]!;
      confidentialOnly[q] = fl & OPEN ? 0 : 1;
      deg[lo + 1]!++;
      deg[h + 1]!++;
    }
  }
  const strength = new Float64Array(U);
  for (let k = 0; k < U; k++) strength[k] = strengthFromSum(sum[k]!, opts);
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const offsets = deg;
  const next = offsets.slice(0, n);
  const neighbor = new Int32Array(2 * U);
  const pair = new Int32Array(2 * U);
  for (let k = 0; k < U; k++) {
    const x = A[k]!;
    const y = B[k]!;
    neighbor[next[x]!] = y;
    pair[next[x]!++] = k;
    neighbor[next[y]!] = x;
    pair[next[y]!++] = k;
  }
  return { nodeCount: n, pairCount: U, a: A, b: B, strength, count, lastDay, confidentialOnly, offsets, neighbor, pair, asOf };
}
