/**
 * Compact typed-array indices of the network's ties, built in linear time
 * from the exchange columns:
 * - {@link DirectedTies}: one entry per ordered pair (giver → receiver), CSR by giver;
 * - {@link Relationships}: one entry per unordered pair, with a symmetric CSR
 *   adjacency for path search (from the directed ties when they are built,
 *   else straight from the exchanges: relationships-from-exchanges.ts).
 * Heavy algorithms (reciprocity, paths, constraint) run on these, not on
 * graphology's Map-based adjacency. Each index is built once per network
 * revision and options and then shared by every measure that asks for it:
 * treat its arrays as read-only.
 */
import type { Network } from "../model/network.js";
import type { ExchangeColumns } from "../model/exchange-store.js";
import { TOUCHPOINT_CODES } from "../model/network.js";
import { DEFAULT_TIE_STRENGTH_OPTIONS, strengthFromSum, type TieStrengthOptions } from "./tie-strength.js";
import { defaultAsOf } from "./visible-exchanges.js";
import { adjacency, relationshipsFromExchanges, sortRange, strengthOf } from "./relationships-from-exchanges.js";

/** Directed tie aggregates, one slot per ordered pair with at least one exchange. */
export interface DirectedTies {
  readonly nodeCount: number;
  readonly pairCount: number;
  /** CSR offsets by source person (length nodeCount + 1). */
  readonly offsets: Int32Array;
  /** Source person of each pair. */
  readonly source: Int32Array;
  /** Target person of each pair (sorted ascending within a source). */
  readonly target: Int32Array;
  /** Exchanges of any kind from source to target. */
  readonly count: Int32Array;
  /** Giving exchanges (not meetings or connections) from source to target. */
  readonly givingCount: Int32Array;
  /** Raw summed value of giving exchanges. */
  readonly givenValue: Float64Array;
  /** Recency-decayed summed value of giving exchanges. */
  readonly givenDecayed: Float64Array;
  /** Recency-decayed summed weight of all exchanges (touchpoints included). */
  readonly decayed: Float64Array;
  /** Minutes of meetings logged source → target. */
  readonly minutes: Float64Array;
  /** First and last exchange day. */
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  /** Directed strength in (0, 1] from `decayed`. */
  readonly strength: Float64Array;
  /** Reference day of the decay; exchanges dated after it are left out. */
  readonly asOf: number;
}

/** Options for building tie indices. */
export interface TieIndexOptions extends Partial<TieStrengthOptions> {
  /**
   * Leave out confidential exchanges entirely (default false): no tie exists,
   * counts, dates or strengthens because of one, and the default reference
   * day is the last exchange that is not confidential.
   */
  excludeConfidential?: boolean;
}

function resolveOptions(network: Network, options: TieIndexOptions): TieStrengthOptions & { asOf: number } {
  const halfLifeDays = options.halfLifeDays ?? network.settings.halfLifeDays ?? DEFAULT_TIE_STRENGTH_OPTIONS.halfLifeDays;
  const asOf = options.asOf ?? defaultAsOf(network, { excludeConfidential: options.excludeConfidential === true });
  return { ...DEFAULT_TIE_STRENGTH_OPTIONS, ...options, halfLifeDays, asOf };
}

/**
 * Aggregates exchanges per ordered pair in O(E + N): bucket exchanges by
 * giver, then merge targets within each bucket with a stamp array.
 *
 * @example
 * ```ts
 * const ties = directedTies(network);
 * for (let p = ties.offsets[i]; p < ties.offsets[i + 1]; p++) console.log(ties.target[p], ties.strength[p]);
 * ```
 */
export function directedTies(network: Network, options: TieIndexOptions = {}): DirectedTies {
  const opts = resolveOptions(network, options);
  return remembered(network, "directed", opts, options.excludeConfidential === true, () => buildDirectedTies(network, options, opts));
}

/**
 * The indices built for a network, by kind and options, while it stays at the
 * same revision: a command or page that asks several measures of one network
 * builds each index once. Entries of an older revision are dropped on the
 * next request; the network going away takes them with it.
 */
const built = new WeakMap<Network, { revision: number; confidential: boolean; entries: Map<string, DirectedTies | Relationships> }>();

/** The memo of the network's current revision (a fresh one when it changed). */
function memoOf(network: Network): { confidential: boolean; entries: Map<string, DirectedTies | Relationships> } {
  let memo = built.get(network);
  if (!memo || memo.revision !== network.revision) {
    const { confidential, count } = network.exchangeColumns();
    let any = false;
    for (let e = 0; e < count && !any; e++) if (confidential[e]) any = true;
    built.set(network, (memo = { revision: network.revision, confidential: any, entries: new Map() }));
  }
  return memo;
}

/** The memo key of an index: leaving out confidential exchanges changes nothing when there is none, so one index serves both. */
function memoKey(kind: string, opts: TieStrengthOptions & { asOf: number }, skip: boolean, anyConfidential: boolean): string {
  return `${kind} ${opts.asOf} ${opts.halfLifeDays} ${opts.saturation} ${opts.floor} ${skip && anyConfidential}`;
}

function remembered<T extends DirectedTies | Relationships>(network: Network, kind: string, opts: TieStrengthOptions & { asOf: number }, skip: boolean, build: () => T): T {
  const memo = memoOf(network);
  const key = memoKey(kind, opts, skip, memo.confidential);
  const hit = memo.entries.get(key);
  if (hit) return hit as T;
  const made = build();
  // a handful of option sets at most (a trend asks one per period): keep the recent ones
  if (memo.entries.size >= 8) memo.entries.delete(memo.entries.keys().next().value!);
  memo.entries.set(key, made);
  return made;
}

function buildDirectedTies(network: ExchangeSource, options: TieIndexOptions, opts: TieStrengthOptions & { asOf: number }): DirectedTies {
  const cols = network.exchangeColumns();
  const n = network.personCount;
  const m = cols.count;
  const { from, to, day, kind, value, minutes, confidential } = cols;
  const skip = options.excludeConfidential === true;
  const lnHalf = -Math.LN2 / opts.halfLifeDays;
  const asOf = opts.asOf;

  // bucket exchange indices by source; an exchange after the reference day
  // has not happened yet as of that day and counts nowhere. What the passes
  // below read of each exchange is copied into its bucket, so they read in
  // order instead of jumping through the columns (cache misses dominate here)
  const bucketStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) if (!(skip && confidential[e]) && day[e]! <= asOf) bucketStart[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) bucketStart[i + 1]! += bucketStart[i]!;
  const fill = bucketStart.slice(0, n);
  const toByFrom = new Int32Array(bucketStart[n]!);
  const dayByFrom = new Int32Array(bucketStart[n]!);
  const valueByFrom = new Float64Array(bucketStart[n]!);
  const minutesByFrom = new Float32Array(bucketStart[n]!);
  const kindByFrom = new Uint8Array(bucketStart[n]!);
  for (let e = 0; e < m; e++) {
    const d = day[e]!;
    if (!(skip && confidential[e]) && d <= asOf) {
      const k = fill[from[e]!]!++;
      toByFrom[k] = to[e]!;
      dayByFrom[k] = d;
      valueByFrom[k] = value[e]!;
      minutesByFrom[k] = minutes[e]!;
      kindByFrom[k] = kind[e]!;
    }
  }

  // first pass: count distinct targets per source
  const stamp = new Int32Array(n).fill(-1);
  const offsets = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) {
    let c = 0;
    for (let k = bucketStart[s]!; k < bucketStart[s + 1]!; k++) {
      const t = toByFrom[k]!;
      if (stamp[t] !== s) {
        stamp[t] = s;
        c++;
      }
    }
    offsets[s + 1] = offsets[s]! + c;
  }
  const P = offsets[n]!;
  const source = new Int32Array(P);
  const target = new Int32Array(P);
  const count = new Int32Array(P);
  const givingCount = new Int32Array(P);
  const givenValue = new Float64Array(P);
  const givenDecayed = new Float64Array(P);
  const decayed = new Float64Array(P);
  const mins = new Float64Array(P);
  const firstDay = new Int32Array(P).fill(2147483647);
  const lastDay = new Int32Array(P).fill(-2147483648);
  const slot = new Int32Array(n);
  stamp.fill(-1);
  const touch0 = [...TOUCHPOINT_CODES];
  const isTouch = new Uint8Array(8);
  for (const c of touch0) isTouch[c] = 1;
  // exp(ln(½)·age/h) for each age in days, computed once per age (the same
  // Math.exp call, so the same bits): a few thousand distinct ages serve a million exchanges
  // (ages up to ~90 years; older ones are computed each time)
  const decayByAge = new Float64Array(1 << 15).fill(NaN);
  for (let s = 0; s < n; s++) {
    let next = offsets[s]!;
    const a = bucketStart[s]!;
    const b = bucketStart[s + 1]!;
    // assign slots in ascending target order: collect then sort the (small) set
    for (let k = a; k < b; k++) {
      const t = toByFrom[k]!;
      if (stamp[t] !== s) {
        stamp[t] = s;
        target[next++] = t;
      }
    }
    const lo = offsets[s]!;
    sortRange(target, lo, next);
    for (let p = lo; p < next; p++) {
      slot[target[p]!] = p;
      source[p] = s;
    }
    for (let k = a; k < b; k++) {
      const p = slot[toByFrom[k]!]!;
      const d = dayByFrom[k]!;
      const age = asOf - d;
      const w = valueByFrom[k]!;
      let f = 1;
      if (age !== 0) {
        if (age < decayByAge.length) {
          f = decayByAge[age]!;
          if (f !== f) f = decayByAge[age] = Math.exp(lnHalf * age);
        } else f = Math.exp(lnHalf * age);
      }
      const dw = w * f;
      count[p]!++;
      decayed[p]! += dw;
      if (!isTouch[kindByFrom[k]!]) {
        givingCount[p]!++;
        givenValue[p]! += w;
        givenDecayed[p]! += dw;
      }
      const mn = minutesByFrom[k]!;
      if (mn === mn) mins[p]! += mn;
      if (d < firstDay[p]!) firstDay[p] = d;
      if (d > lastDay[p]!) lastDay[p] = d;
    }
  }
  const strength = new Float64Array(P);
  for (let p = 0; p < P; p++) strength[p] = strengthFromSum(decayed[p]!, opts);
  return { nodeCount: n, pairCount: P, offsets, source, target, count, givingCount, givenValue, givenDecayed, decayed, minutes: mins, firstDay, lastDay, strength, asOf };
}

/** Finds the slot of ordered pair (s → t) in a DirectedTies index, or -1 (binary search). */
export function findDirectedTie(ties: DirectedTies, s: number, t: number): number {
  let lo = ties.offsets[s]!;
  let hi = ties.offsets[s + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ties.target[mid]!;
    if (v === t) return mid;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Undirected relationships: one per unordered pair, with a symmetric CSR adjacency. */
export interface Relationships {
  readonly nodeCount: number;
  readonly pairCount: number;
  /** Lower and higher person index of each pair. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Combined strength in (0, 1] from both directions' decayed weights. */
  readonly strength: Float64Array;
  /** Exchange count in both directions. */
  readonly count: Int32Array;
  /** Last exchange day in either direction. */
  readonly lastDay: Int32Array;
  /** 1 when every exchange of the pair is confidential. */
  readonly confidentialOnly: Uint8Array;
  /** Symmetric CSR adjacency: offsets (nodeCount + 1), neighbour, pair slot. */
  readonly offsets: Int32Array;
  readonly neighbor: Int32Array;
  readonly pair: Int32Array;
  readonly asOf: number;
}

/**
 * Builds the undirected relationship index: the pair's combined strength is
 * `max(floor, 1 − exp(−(S_ab + S_ba)/κ))`, the same formula as directed
 * strength over the exchanges of both directions. O(E + N).
 * With `excludeConfidential`, a pair exists, counts, dates and strengthens
 * only through exchanges that are not confidential.
 *
 * Built from the {@link directedTies} of the same options when those are
 * already built for the network, else straight from the exchanges
 * (`relationshipsFromExchanges`): the two give the same index, bit for bit,
 * pairs in the same order.
 *
 * @example
 * ```ts
 * const rel = relationships(network);
 * rel.strength[rel.pair[rel.offsets[i]]]; // strength of i's first relationship
 * ```
 */
export function relationships(network: Network, options: TieIndexOptions = {}): Relationships {
  const opts = resolveOptions(network, options);
  const skip = options.excludeConfidential === true;
  return remembered(network, "relationships", opts, skip, () => {
    // the directed index of the same options, when a measure already built it, gives the
    // pairs with less work; otherwise building it only for this costs more than going
    // straight from the exchanges (both give the same index, bit for bit)
    const memo = memoOf(network);
    const ties = memo.entries.get(memoKey("directed", opts, skip, memo.confidential)) as DirectedTies | undefined;
    return ties ? relationshipsFromDirectedTies(network, ties, opts, skip) : relationshipsFromExchanges(network, opts, skip);
  });
}

/**
 * Builds the relationships from the directed ties `all` of the same options:
 * each directed slot's reverse is found by a merge, and each unordered pair is
 * made at the slot of its owner's direction (the lower person's when that
 * direction exists, else the higher one's), summing `(0 + S(owner→other)) + S(other→owner)`.
 */
function relationshipsFromDirectedTies(network: Network, all: DirectedTies, opts: TieStrengthOptions & { asOf: number }, skip: boolean): Relationships {
  const n = all.nodeCount;
  const P = all.pairCount;
  // the slot of each directed pair's reverse (-1: none), by merging each person's sorted
  // targets with their sorted sources (slots taken in ascending order list sources ascending);
  // each slot's source is written beside it, so one place is written per slot and the merge
  // below reads in order
  const inStart = new Int32Array(n + 1);
  for (let p = 0; p < P; p++) inStart[all.target[p]! + 1]!++;
  for (let i = 0; i < n; i++) inStart[i + 1]! += inStart[i]!;
  const inFill = inStart.slice(0, n);
  const inbound = new Int32Array(2 * P);
  for (let p = 0; p < P; p++) {
    const k = 2 * inFill[all.target[p]!]!++;
    inbound[k] = all.source[p]!;
    inbound[k + 1] = p;
  }
  const reverse = new Int32Array(P).fill(-1);
  for (let x = 0; x < n; x++) {
    let o = all.offsets[x]!;
    const oEnd = all.offsets[x + 1]!;
    let k = inStart[x]!;
    const kEnd = inStart[x + 1]!;
    while (o < oEnd && k < kEnd) {
      const y = all.target[o]!;
      const z = inbound[2 * k]!;
      if (y === z) reverse[o++] = inbound[2 * k++ + 1]!;
      else if (y < z) o++;
      else k++;
    }
  }
  // each directed slot maps to one unordered pair; the pair is made from the
  // lower endpoint's slot, or from the higher one's when the reverse is
  // missing, and takes both directions' sums at once (each pair written once,
  // in order; sums added in slot order, as ever)
  let U = 0;
  for (let p = 0; p < P; p++) if (all.source[p]! < all.target[p]! || reverse[p]! < 0) U++;
  const a = new Int32Array(U);
  const b = new Int32Array(U);
  const sum = new Float64Array(U);
  const count = new Int32Array(U);
  const lastDay = new Int32Array(U);
  const deg = new Int32Array(n + 1);
  let u = 0;
  for (let p = 0; p < P; p++) {
    const s = all.source[p]!;
    const t = all.target[p]!;
    const rev = reverse[p]!;
    if (s < t || rev < 0) {
      a[u] = s < t ? s : t;
      b[u] = s < t ? t : s;
      deg[s + 1]!++;
      deg[t + 1]!++;
      let total = 0;
      total += all.decayed[p]!;
      let c = all.count[p]!;
      let last = all.lastDay[p]!;
      if (rev >= 0) {
        total += all.decayed[rev]!;
        c += all.count[rev]!;
        if (all.lastDay[rev]! > last) last = all.lastDay[rev]!;
      }
      sum[u] = total;
      count[u] = c;
      lastDay[u++] = last;
    }
  }
  // confidential-only pairs: no open exchange in either direction (none is
  // left when confidential exchanges were excluded: such pairs do not exist)
  const confidentialOnly = new Uint8Array(U);
  const cols = network.exchangeColumns();
  // none is, when no exchange is confidential
  if (!skip && cols.confidential.includes(1)) {
    const dirToPair = new Int32Array(P);
    let k = 0;
    for (let p = 0; p < P; p++) if (all.source[p]! < all.target[p]! || reverse[p]! < 0) dirToPair[p] = k++;
    for (let p = 0; p < P; p++) if (all.source[p]! > all.target[p]! && reverse[p]! >= 0) dirToPair[p] = dirToPair[reverse[p]!]!;
    confidentialOnly.fill(1);
    for (let e = 0; e < cols.count; e++) {
      if (!cols.confidential[e] && cols.day[e]! <= all.asOf) confidentialOnly[dirToPair[findDirectedTie(all, cols.from[e]!, cols.to[e]!)]!] = 0;
    }
  }
  const strength = strengthOf(sum, opts);
  const { offsets, neighbor, pair } = adjacency(n, a, b, deg);
  return { nodeCount: n, pairCount: U, a, b, strength, count, lastDay, confidentialOnly, offsets, neighbor, pair, asOf: all.asOf };
}

/** What the tie indices are built from: a person count and exchange columns (a {@link Network} is one). */
export interface ExchangeSource {
  readonly personCount: number;
  exchangeColumns(): ExchangeColumns;
}

/** A tie index built apart from its network (see {@link buildTieIndex}), with the options it was built with. */
export interface BuiltTieIndex {
  readonly kind: "directed" | "relationships";
  /** The resolved options: half-life, saturation, floor and reference day. */
  readonly opts: TieStrengthOptions & { asOf: number };
  /** Whether confidential exchanges were left out. */
  readonly skip: boolean;
  readonly index: DirectedTies | Relationships;
}

/**
 * Builds a tie index from exchange columns alone, as {@link directedTies}
 * (kind "directed") or {@link relationships} (kind "relationships", straight
 * from the exchanges) would for a network holding those exchanges, bit for
 * bit: for another thread to build while the network itself is still being
 * decoded, then hand to {@link adoptTieIndex}. Options resolve as for a
 * network, except that the half-life is `options.halfLifeDays` (the
 * network's setting: pass it) else the default, and the reference day
 * defaults to the last exchange counted (0 when none).
 *
 * @example
 * ```ts
 * const built = buildTieIndex("relationships", network, { halfLifeDays: network.settings.halfLifeDays, excludeConfidential: true });
 * adoptTieIndex(network, built, { excludeConfidential: true }); // true
 * ```
 */
export function buildTieIndex(kind: "directed" | "relationships", source: ExchangeSource, options: TieIndexOptions = {}): BuiltTieIndex {
  const skip = options.excludeConfidential === true;
  const halfLifeDays = options.halfLifeDays ?? DEFAULT_TIE_STRENGTH_OPTIONS.halfLifeDays;
  const asOf = options.asOf ?? lastCountedDay(source.exchangeColumns(), skip);
  const opts = { ...DEFAULT_TIE_STRENGTH_OPTIONS, ...options, halfLifeDays, asOf };
  const index = kind === "directed" ? buildDirectedTies(source, options, opts) : relationshipsFromExchanges(source, opts, skip);
  return { kind, opts, skip, index };
}

/** The day of the last exchange (not confidential, with `skip`), or 0: {@link defaultAsOf} on the columns. */
function lastCountedDay(cols: ExchangeColumns, skip: boolean): number {
  let last: number | undefined;
  for (let e = 0; e < cols.count; e++) {
    if (skip && cols.confidential[e]) continue;
    const d = cols.day[e]!;
    if (last === undefined || d > last) last = d;
  }
  return last ?? 0;
}

/**
 * Makes a tie index built by {@link buildTieIndex} the network's own for
 * `options`, so the next {@link directedTies} or {@link relationships} call
 * with those options (or any measure that asks for them) takes it instead of
 * building one. It is taken only when it fits the network as it is now: the
 * same person count, the same resolved options (reference day, half-life,
 * saturation, floor), and as many exchanges counted as the network counts
 * with those options (`Σ count` over the index, an O(E) check). Confidential
 * exchanges: an index built leaving them out fits a network that has none
 * left (redacted) as well as one that has them, asked to leave them out.
 * Returns whether it was taken. The caller answers for the index having been
 * built from this network's exchanges (for instance from a columnar copy
 * whose source hash matched).
 *
 * @example
 * ```ts
 * adoptTieIndex(network, buildTieIndex("directed", network), {}); // true
 * directedTies(network); // the adopted index, not built again
 * ```
 */
export function adoptTieIndex(network: Network, built: BuiltTieIndex, options: TieIndexOptions = {}): boolean {
  const opts = resolveOptions(network, options);
  const skip = options.excludeConfidential === true;
  const memo = memoOf(network);
  const { index } = built;
  if (index.nodeCount !== network.personCount) return false;
  if (built.opts.halfLifeDays !== opts.halfLifeDays || built.opts.saturation !== opts.saturation || built.opts.floor !== opts.floor || built.opts.asOf !== opts.asOf) return false;
  // the index left confidential exchanges in: it fits only a network asked to keep them in
  if (!built.skip && memo.confidential && skip) return false;
  if (built.skip && memo.confidential && !skip) return false;
  const cols = network.exchangeColumns();
  let counted = 0;
  for (let e = 0; e < cols.count; e++) if (!(skip && cols.confidential[e]) && cols.day[e]! <= opts.asOf) counted++;
  let total = 0;
  for (let p = 0; p < index.pairCount; p++) total += index.count[p]!;
  if (total !== counted) return false;
  const key = memoKey(built.kind, opts, skip, memo.confidential);
  if (memo.entries.size >= 8 && !memo.entries.has(key)) memo.entries.delete(memo.entries.keys().next().value!);
  memo.entries.set(key, index);
  return true;
}
