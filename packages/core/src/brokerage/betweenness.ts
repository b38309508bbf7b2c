/**
 * Betweenness centrality on the collapsed tie graph (one edge per ordered
 * pair, never the exchange multigraph), by Brandes' algorithm on typed
 * arrays: exact up to tens of thousands of people, sampled above.
 */
import { TiegraphError, showValue } from "../errors.js";
import { createRandom } from "../random/seeded-random.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { personRecord, type PersonValues } from "../model/person-record.js";
import { mutualTies, tiesFor } from "./mutual-ties.js";
import type { DirectedTies } from "../graph/tie-index.js";

/** Options of {@link betweenness}. */
export interface BetweennessOptions {
  /** Divide by the number of (source, target) pairs, as NetworkX's `normalized=True` (default true). */
  normalized?: boolean;
  /** Follow ties in their direction (default true); false walks relationships both ways. */
  directed?: boolean;
  /** Number of source people to sample. Default: every person up to `exactUpTo` people, else 500. */
  sample?: number;
  /** Up to this many people the default is exact (default 20,000). */
  exactUpTo?: number;
  /** Seed of the sample (default 1). */
  seed?: number;
  /** Explicit source people instead of a random sample. */
  sources?: readonly PersonId[];
  /** Leave confidential exchanges out (default false). Ignored when `ties` is given. */
  excludeConfidential?: boolean;
  /** The network's directed tie index, when the caller already has it. */
  ties?: DirectedTies;
}

/** Defaults of {@link betweenness}. */
export const DEFAULT_BETWEENNESS_OPTIONS: Readonly<Required<Pick<BetweennessOptions, "normalized" | "directed" | "exactUpTo" | "seed">> & { sampleAboveExact: number }> = {
  normalized: true,
  directed: true,
  exactUpTo: 20_000,
  seed: 1,
  sampleAboveExact: 500,
};

function invalid(name: string, expected: string, got: unknown): TiegraphError {
  return new TiegraphError("tiegraph/brokerage", "invalid-option", `invalid option ${name}`, { record: `options.${name}`, expected, got: showValue(got) });
}

/** The source people: all (null), an explicit list, or a seeded sample without replacement. */
function sourcesOf(network: Network, o: BetweennessOptions): Int32Array | null {
  const n = network.personCount;
  if (o.sources !== undefined) {
    if (!Array.isArray(o.sources)) throw invalid("sources", "a list of person ids", o.sources);
    const idx = Int32Array.from(new Set(o.sources.map((id) => network.personIndex(id))));
    return idx.length >= n ? null : idx;
  }
  const exactUpTo = o.exactUpTo ?? DEFAULT_BETWEENNESS_OPTIONS.exactUpTo;
  const k = o.sample ?? (n <= exactUpTo ? n : DEFAULT_BETWEENNESS_OPTIONS.sampleAboveExact);
  if (!(Number.isInteger(k) && k >= 1)) throw invalid("sample", "an integer ≥ 1", k);
  if (k >= n) return null;
  // partial Fisher–Yates shuffle: the first k of a seeded permutation
  const rnd = createRandom(o.seed ?? DEFAULT_BETWEENNESS_OPTIONS.seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rnd.int(n - i);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm.slice(0, k);
}

/**
 * Betweenness centrality of every person:
 *
 * `b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`
 *
 * with σ_st the number of shortest paths (in hops) from s to t and σ_st(v)
 * those through v, computed by Brandes' algorithm (2001, "A faster algorithm
 * for betweenness centrality", J Math Sociol 25(2)) in O(N·P) for N people
 * and P ties. The graph is the collapsed tie graph: one arc per ordered pair
 * with any exchange (or, with `directed: false`, one edge per relationship),
 * so repeated exchanges never count as extra paths.
 *
 * Scaling follows NetworkX 3.6's `betweenness_centrality` (endpoints
 * excluded): normalised values are divided by (n − 1)(n − 2); unnormalised
 * undirected values are halved. With k sampled sources (Brandes & Pich 2007,
 * "Centrality estimation in large networks", IJBC 17(7)) the sums are scaled
 * up as NetworkX does: by 1/((k − 1)(n − 2)) for sampled people and
 * 1/(k(n − 2)) for the others when normalised. The same `sources` give the
 * same values as NetworkX.
 *
 * @example
 * ```ts
 * const exact = betweenness(network);                       // ≤ 20,000 people
 * const quick = betweenness(big, { sample: 200, seed: 7 }); // an estimate
 * ```
 */
export function betweenness(network: Network, options: BetweennessOptions = {}): Record<PersonId, number> {
  return startBetweenness(network, options).values();
}

/** {@link betweenness} computed a few sources at a time (see {@link startBetweenness}). */
export interface BetweennessRun {
  /** Sources done so far. */
  readonly done: number;
  /** Sources in all: every person, or the sample. */
  readonly total: number;
  /** Runs up to `sources` more sources (at least one while any is left); true when every source is done. */
  advance(sources: number): boolean;
  /** Runs the sources left, if any, then gives the values exactly as {@link betweenness} does. */
  values(): Record<PersonId, number>;
}

/**
 * {@link betweenness} (same options, same values, bit for bit) as a run that
 * goes a few sources at a time, so that a worker can answer other questions
 * between two slices instead of waiting for the whole computation: each
 * source's breadth-first search and dependency pass is one step of Brandes'
 * algorithm, and the sums do not depend on how the sources are split.
 *
 * @example
 * ```ts
 * const run = startBetweenness(network, { sample: 500 });
 * while (!run.advance(25)) await new Promise((r) => setTimeout(r, 0)); // a slice, then let others in
 * const values = run.values();
 * ```
 */
export function startBetweenness(network: Network, options: BetweennessOptions = {}): BetweennessRun {
  const run = runBetweenness(network, options);
  let result: Record<PersonId, number> | undefined;
  return {
    get done() {
      return run.done;
    },
    total: run.total,
    advance: (steps) => (result !== undefined ? true : run.advance(steps)),
    values: () => (result ??= personRecord(network, run.byIndex())),
  };
}

/**
 * {@link betweenness} by person index, not yet a record (the same values).
 *
 * @example betweennessByIndex(network)(0) // the first person's betweenness
 */
export function betweennessByIndex(network: Network, options: BetweennessOptions = {}): PersonValues<number> {
  return runBetweenness(network, options).byIndex();
}

/** The run of {@link startBetweenness}, whose values come by person index. */
function runBetweenness(network: Network, options: BetweennessOptions): { readonly done: number; total: number; advance(sources: number): boolean; byIndex(): PersonValues<number> } {
  const n = network.personCount;
  const ties = tiesFor(network, options);
  const directed = options.directed ?? DEFAULT_BETWEENNESS_OPTIONS.directed;
  const normalized = options.normalized ?? DEFAULT_BETWEENNESS_OPTIONS.normalized;
  let offsets: Int32Array;
  let adj: Int32Array;
  if (directed) {
    offsets = ties.offsets;
    adj = ties.target;
  } else {
    const g = mutualTies(ties, false);
    offsets = g.offsets;
    adj = g.neighbor;
  }
  const sources = sourcesOf(network, options);
  const bc = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const count = sources ? sources.length : n;
  let c = 0;
  let rescaled = false;
  const advance = (steps: number): boolean => {
    const until = Math.min(count, c + Math.max(1, Math.floor(steps)));
    for (; c < until; c++) {
      const s = sources ? sources[c]! : c;
      // breadth-first search, counting shortest paths
      sigma[s] = 1;
      dist[s] = 0;
      queue[0] = s;
      let head = 0;
      let tail = 1;
      while (head < tail) {
        const v = queue[head++]!;
        const dv = dist[v]! + 1;
        const sv = sigma[v]!;
        for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
          const w = adj[k]!;
          if (dist[w]! < 0) {
            dist[w] = dv;
            queue[tail++] = w;
          }
          if (dist[w] === dv) sigma[w]! += sv;
        }
      }
      // dependencies, farthest first: w's successors on shortest paths are one hop further
      for (let x = tail - 1; x >= 0; x--) {
        const w = queue[x]!;
        const dw = dist[w]! + 1;
        const sw = sigma[w]!;
        let d = 0;
        for (let k = offsets[w]!; k < offsets[w + 1]!; k++) {
          const y = adj[k]!;
          if (dist[y] === dw) d += sw * ((1 + delta[y]!) / sigma[y]!);
        }
        delta[w] = d;
        if (w !== s) bc[w]! += d;
      }
      for (let x = 0; x < tail; x++) {
        const w = queue[x]!;
        dist[w] = -1;
        sigma[w] = 0;
        delta[w] = 0;
      }
    }
    return c >= count;
  };
  return {
    get done() {
      return c;
    },
    total: count,
    advance: (steps) => (rescaled ? true : advance(steps)),
    byIndex: () => {
      if (!rescaled) {
        advance(count);
        rescale(bc, n, count, sources, normalized, directed);
        rescaled = true;
      }
      return (i) => bc[i]!;
    },
  };
}

/** NetworkX 3.6's `_rescale` with endpoints excluded. */
function rescale(bc: Float64Array, n: number, k: number, sources: Int32Array | null, normalized: boolean, directed: boolean): void {
  const N = n - 1; // possible targets of a path through v, v excluded
  if (N < 2) return;
  const correction = directed ? 1 : 2;
  if (!sources) {
    const scale = normalized ? 1 / (N * (N - 1)) : 1 / correction;
    if (scale !== 1) for (let v = 0; v < n; v++) bc[v]! *= scale;
    return;
  }
  // a sampled source is never an inner node of its own paths, hence k − 1 for it
  const source = normalized ? (k > 1 ? 1 / ((k - 1) * (N - 1)) : NaN) : k > 1 ? N / ((k - 1) * correction) : NaN;
  const other = normalized ? 1 / (k * (N - 1)) : N / (k * correction);
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;
  for (let v = 0; v < n; v++) bc[v]! *= isSource[v] ? source : other;
}
