/**
 * Betweenness within a work budget: exact when Brandes' algorithm over every
 * source fits the budget, otherwise estimated from as many sampled shortest
 * paths as fit, with a stated error bound.
 */
import { TiegraphError, showValue } from "../errors.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { createRandom } from "../random/seeded-random.js";
import { personRecord, type PersonValues } from "../model/person-record.js";
import { betweennessByIndex } from "./betweenness.js";
import { tiesFor } from "./mutual-ties.js";
import type { DirectedTies } from "../graph/tie-index.js";

/** Options of {@link betweennessWithinBudget}. */
export interface BetweennessBudgetOptions {
  /**
   * `"exact"`: every source, whatever the cost; `"sampled"`: as many sampled
   * shortest paths as the budget allows (exact when Brandes fits it); default `"sampled"`.
   */
  mode?: "exact" | "sampled";
  /**
   * Exact work allowed, in tie visits: Brandes costs two visits per directed
   * tie and person, so a network of N people and P ties is exact when
   * `2·N·P ≤ exactBudget`. Default 2·10⁸ (a couple of seconds on a laptop core).
   */
  exactBudget?: number;
  /**
   * Sampling work allowed, in tie visits: above the exact budget, shortest
   * paths are sampled until this many ties have been visited. Default 2·10⁷
   * (a fraction of a second on a laptop core).
   */
  budget?: number;
  /** Confidence of the error bound (default 0.95). */
  confidence?: number;
  /** Seed of the sample (default 1). */
  seed?: number;
  /** Leave confidential exchanges out (default false). Ignored when `ties` is given. */
  excludeConfidential?: boolean;
  /** The network's directed tie index, when the caller already has it. */
  ties?: DirectedTies;
}

/** Defaults of {@link betweennessWithinBudget}. */
export const DEFAULT_BETWEENNESS_BUDGET_OPTIONS: Readonly<{ mode: "sampled"; exactBudget: number; budget: number; confidence: number; seed: number; minimumSamples: number }> = {
  mode: "sampled",
  exactBudget: 2e8,
  budget: 2e7,
  confidence: 0.95,
  seed: 1,
  /** Fewest paths sampled, whatever the budget. */
  minimumSamples: 100,
};

/** Betweenness of every person and how far it can be from the exact value. */
export interface BetweennessEstimate {
  /** Normalised betweenness by person (as NetworkX's `betweenness_centrality`). */
  values: Record<PersonId, number>;
  /** True when computed exactly (Brandes over every source). */
  exact: boolean;
  /** Shortest paths sampled (0 when exact). */
  samples: number;
  /**
   * With probability at least `confidence` over the sample, every person's
   * value is within this distance of the exact normalised betweenness (0 when exact).
   */
  errorBound: number;
  /** Confidence of `errorBound`. */
  confidence: number;
}

/**
 * Normalised betweenness (see {@link betweenness}): exact, by Brandes'
 * algorithm, when `2 · people · ties ≤ exactBudget` (or `mode: "exact"`);
 * otherwise estimated by sampling shortest paths (Riondato & Kornaropoulos
 * 2016, "Fast approximation of betweenness centrality through sampling",
 * DMKD 30(2)) until the budget of tie visits is spent.
 *
 * Each sample draws an ordered pair (s, t), s ≠ t, uniformly, finds the
 * shortest s→t paths by a balanced bidirectional breadth-first search (the
 * side with the lighter frontier grows a level at a time), and picks one of
 * them uniformly (by path counts σ); every inner person of it gets a hit.
 * A person v's share of hits X̄_v over r samples has mean
 * `(1 / (n(n − 1))) Σ_{s≠t} σ_st(v) / σ_st = b(v)·(n − 2)/n`, so the
 * estimate is `X̄_v · n / (n − 2)`. Hits lie in [0, 1], so Hoeffding's
 * inequality and a union bound over the n people give, with probability at
 * least `confidence`, for everyone at once:
 * `|estimate − b(v)| ≤ n/(n − 2) · sqrt(ln(2n / (1 − confidence)) / (2r))`
 * ({@link betweennessErrorBound}). The sample is seeded: the same network,
 * options and seed give the same values.
 *
 * @example
 * ```ts
 * const b = betweennessWithinBudget(network, { budget: 5e7 });
 * b.exact ? "exact" : `±${b.errorBound.toFixed(3)} at ${b.confidence * 100}%`;
 * ```
 */
export function betweennessWithinBudget(network: Network, options: BetweennessBudgetOptions = {}): BetweennessEstimate {
  const { values, ...estimate } = betweennessWithinBudgetByIndex(network, options);
  return { values: personRecord(network, values), ...estimate };
}

/** A {@link BetweennessEstimate} with the values by person index, not yet a record. */
export interface BetweennessEstimateByIndex extends Omit<BetweennessEstimate, "values"> {
  values: PersonValues<number>;
}

/**
 * {@link betweennessWithinBudget} with the values by person index, not yet a record.
 *
 * @example betweennessWithinBudgetByIndex(network).values(0) // the first person's betweenness
 */
export function betweennessWithinBudgetByIndex(network: Network, options: BetweennessBudgetOptions = {}): BetweennessEstimateByIndex {
  const d = DEFAULT_BETWEENNESS_BUDGET_OPTIONS;
  const mode = options.mode ?? d.mode;
  const budget = options.budget ?? d.budget;
  const exactBudget = options.exactBudget ?? d.exactBudget;
  const confidence = options.confidence ?? d.confidence;
  if (mode !== "exact" && mode !== "sampled") throw invalid("mode", '"exact" or "sampled"', mode);
  if (!(budget > 0)) throw invalid("budget", "a positive number of tie visits", budget);
  if (!(exactBudget >= 0)) throw invalid("exactBudget", "a number of tie visits ≥ 0", exactBudget);
  if (!(confidence > 0 && confidence < 1)) throw invalid("confidence", "a probability strictly between 0 and 1", confidence);
  const n = network.personCount;
  if (n === 0) return { values: () => 0, exact: true, samples: 0, errorBound: 0, confidence };
  const ties = tiesFor(network, options);
  const sample = betweennessSample(n, ties.pairCount, options);
  if (sample === undefined) return { values: betweennessByIndex(network, { ties, exactUpTo: n }), exact: true, samples: 0, errorBound: 0, confidence };
  const { hits, samples } = sampledPathHits(ties, sample.budget, sample.minimumSamples, sample.seed);
  const scale = n / ((n - 2) * samples);
  return { values: (i) => hits[i]! * scale, exact: false, samples, errorBound: betweennessErrorBound(n, samples, confidence), confidence };
}

/**
 * How {@link betweennessWithinBudget} samples a network of `people` people
 * and `pairCount` directed ties with these options: the arguments of its
 * {@link sampledPathHits}, or undefined when it computes betweenness exactly
 * (`mode: "exact"`, fewer than 3 people, or `2 · people · max(1, pairCount) ≤ exactBudget`).
 *
 * @example betweennessSample(100_000, 900_000) // { budget: 20000000, minimumSamples: 100, seed: 1 }
 */
export function betweennessSample(people: number, pairCount: number, options: Pick<BetweennessBudgetOptions, "mode" | "budget" | "exactBudget" | "seed"> = {}): { budget: number; minimumSamples: number; seed: number } | undefined {
  const d = DEFAULT_BETWEENNESS_BUDGET_OPTIONS;
  if ((options.mode ?? d.mode) === "exact" || people < 3 || 2 * people * Math.max(1, pairCount) <= (options.exactBudget ?? d.exactBudget)) return undefined;
  return { budget: options.budget ?? d.budget, minimumSamples: Math.max(d.minimumSamples, 1), seed: options.seed ?? d.seed };
}

/**
 * The simultaneous bound of {@link betweennessWithinBudget} for n people and
 * r sampled paths: `n/(n − 2) · sqrt(ln(2n / (1 − confidence)) / (2r))`.
 *
 * @example betweennessErrorBound(100_000, 20_000, 0.95) // ≈ 0.0195
 */
export function betweennessErrorBound(people: number, samples: number, confidence: number): number {
  if (samples < 1 || people < 3) return people < 3 ? 0 : Infinity;
  return (people / (people - 2)) * Math.sqrt(Math.log((2 * people) / (1 - confidence)) / (2 * samples));
}

/** What {@link sampledPathHits} reads of a tie index. */
export type SampledTies = Pick<DirectedTies, "nodeCount" | "pairCount" | "offsets" | "source" | "target">;

/** Hits per person over sampled shortest paths, and how many paths were sampled. */
export interface PathHits {
  hits: Float64Array;
  samples: number;
}

/** Samples already taken, by tie index and (budget, fewest samples, seed): a deterministic function of those, so taken once. */
const sampledBefore = new WeakMap<SampledTies, Map<string, PathHits>>();

/**
 * The hits per person of {@link betweennessWithinBudget}'s sampled shortest
 * paths on a tie index (`budget` tie visits, at least `minimumSamples`
 * paths, the sample seeded with `seed`): the same arrays for the same index
 * and arguments, on any thread. Remembered per index, so the hits a worker
 * thread sampled on an identical index can be handed over with
 * {@link adoptPathHits} (read them, never write them).
 *
 * @example
 * ```ts
 * const { hits, samples } = sampledPathHits(directedTies(network), 2e7, 100, 1);
 * ```
 */
export function sampledPathHits(ties: SampledTies, budget: number, minimumSamples: number, seed: number): PathHits {
  const key = `${budget} ${minimumSamples} ${seed}`;
  const memo = samplesOf(ties);
  let made = memo.get(key);
  if (made === undefined) memo.set(key, (made = samplePaths(ties, budget, minimumSamples, seed)));
  return made;
}

/** The samples remembered for a tie index (an empty memo at first). */
function samplesOf(ties: SampledTies): Map<string, PathHits> {
  let memo = sampledBefore.get(ties);
  if (!memo) sampledBefore.set(ties, (memo = new Map()));
  return memo;
}

/**
 * Makes `hits`, sampled by {@link sampledPathHits} with these arguments on an
 * index identical to `ties` (its offsets, sources and targets, for instance
 * on a worker thread that built `ties` and sent it here), the sample of
 * `ties` itself; refused (false) when its length is not the index's person
 * count or the sample count is not a whole number of at least `minimumSamples`.
 *
 * @example adoptPathHits(ties, 2e7, 100, 1, fromWorker) // true
 */
export function adoptPathHits(ties: SampledTies, budget: number, minimumSamples: number, seed: number, hits: PathHits): boolean {
  if (!(hits.hits instanceof Float64Array) || hits.hits.length !== ties.nodeCount || !(Number.isInteger(hits.samples) && hits.samples >= minimumSamples)) return false;
  samplesOf(ties).set(`${budget} ${minimumSamples} ${seed}`, hits);
  return true;
}

/**
 * Hits per person over sampled shortest paths, sampling until `budget` tie
 * visits are spent. Each side's distances are kept in 32-bit integers apart
 * from its path counts: a search mostly asks whether a person was reached
 * and how far (4 bytes a person: the array stays in the cache far longer
 * than distances and counts side by side, 16 bytes a person, did; at
 * 100,000 people the sample took about 18% less time, the same hits). The
 * next frontier's degree and whether it meets the other side are noted as
 * it grows, instead of in two more passes over it.
 */
function samplePaths(ties: SampledTies, budget: number, minimumSamples: number, seed: number): PathHits {
  const n = ties.nodeCount;
  const P = ties.pairCount;
  const outStart = ties.offsets;
  const outArc = ties.target;
  // the reverse graph, for the search back from t: in-arcs by counting sort
  const inStart = new Int32Array(n + 1);
  for (let p = 0; p < P; p++) inStart[outArc[p]! + 1]!++;
  for (let i = 0; i < n; i++) inStart[i + 1]! += inStart[i]!;
  const fill = inStart.slice(0, n);
  const inArc = new Int32Array(P);
  for (let p = 0; p < P; p++) inArc[fill[outArc[p]!]!++] = ties.source[p]!;

  const rnd = createRandom(seed);
  const hits = new Float64Array(n);
  // distance (−1: not reached) and number of shortest paths, from s and to t
  const dS = new Int32Array(n).fill(-1);
  const dT = new Int32Array(n).fill(-1);
  const cS = new Float64Array(n);
  const cT = new Float64Array(n);
  const seenS = new Int32Array(n);
  const seenT = new Int32Array(n);
  let visits = 0;
  let samples = 0;
  while (samples < minimumSamples || visits < budget) {
    samples++;
    const s = rnd.int(n);
    let t = rnd.int(n - 1);
    if (t >= s) t++;
    dS[s] = 0;
    cS[s] = 1;
    seenS[0] = s;
    dT[t] = 0;
    cT[t] = 1;
    seenT[0] = t;
    // frontiers are the tails of the seen lists: [fs0, nS) and [ft0, nT), with their degrees
    let nS = 1;
    let nT = 1;
    let fs0 = 0;
    let ft0 = 0;
    let degS = outStart[s + 1]! - outStart[s]!;
    let degT = inStart[t + 1]! - inStart[t]!;
    let meetFrom = -1; // the seen list (forward 0 / backward 1) whose newest level meets the other side
    while (nS > fs0 && nT > ft0) {
      visits += nS - fs0 + nT - ft0;
      if (degS <= degT) {
        const end = nS;
        let next = 0;
        for (let i = fs0; i < end; i++) {
          const u = seenS[i]!;
          const du = dS[u]! + 1;
          const su = cS[u]!;
          for (let k = outStart[u]!, kEnd = outStart[u + 1]!; k < kEnd; k++) {
            const w = outArc[k]!;
            const dw = dS[w]!;
            if (dw < 0) {
              dS[w] = du;
              cS[w] = su;
              seenS[nS++] = w;
              next += outStart[w + 1]! - outStart[w]!;
              if (dT[w]! >= 0) meetFrom = 0;
            } else if (dw === du) cS[w]! += su;
          }
        }
        visits += degS;
        degS = next;
        fs0 = end;
      } else {
        const end = nT;
        let next = 0;
        for (let i = ft0; i < end; i++) {
          const u = seenT[i]!;
          const du = dT[u]! + 1;
          const su = cT[u]!;
          for (let k = inStart[u]!, kEnd = inStart[u + 1]!; k < kEnd; k++) {
            const w = inArc[k]!;
            const dw = dT[w]!;
            if (dw < 0) {
              dT[w] = du;
              cT[w] = su;
              seenT[nT++] = w;
              next += inStart[w + 1]! - inStart[w]!;
              if (dS[w]! >= 0) meetFrom = 1;
            } else if (dw === du) cT[w]! += su;
          }
        }
        visits += degT;
        degT = next;
        ft0 = end;
      }
      if (meetFrom >= 0) break;
    }
    if (meetFrom >= 0) {
      // the meeting people are the newest level of one side; every shortest path crosses exactly one
      const list = meetFrom === 0 ? seenS : seenT;
      const from = meetFrom === 0 ? fs0 : ft0;
      const to = meetFrom === 0 ? nS : nT;
      let total = 0;
      for (let i = from; i < to; i++) {
        const w = list[i]!;
        if (dS[w]! >= 0 && dT[w]! >= 0) total += cS[w]! * cT[w]!;
      }
      let pick = rnd() * total;
      let w = -1;
      for (let i = from; i < to; i++) {
        const x = list[i]!;
        if (!(dS[x]! >= 0 && dT[x]! >= 0)) continue;
        w = x;
        pick -= cS[x]! * cT[x]!;
        if (pick < 0) break;
      }
      if (w !== s && w !== t) hits[w]!++;
      // back to s: a predecessor u of v with probability σ_s(u) / σ_s(v)
      for (let v = w; dS[v]! > 0; ) {
        const before = dS[v]! - 1;
        let r = rnd() * cS[v]!;
        let u = -1;
        for (let k = inStart[v]!; k < inStart[v + 1]!; k++) {
          const x = inArc[k]!;
          if (dS[x] !== before) continue;
          u = x;
          r -= cS[x]!;
          if (r < 0) break;
        }
        visits += inStart[v + 1]! - inStart[v]!;
        if (u !== s) hits[u]!++;
        v = u;
      }
      // on to t: a successor x of v with probability σ_t(x) / σ_t(v)
      for (let v = w; dT[v]! > 0; ) {
        const before = dT[v]! - 1;
        let r = rnd() * cT[v]!;
        let u = -1;
        for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
          const x = outArc[k]!;
          if (dT[x] !== before) continue;
          u = x;
          r -= cT[x]!;
          if (r < 0) break;
        }
        visits += outStart[v + 1]! - outStart[v]!;
        if (u !== t) hits[u]!++;
        v = u;
      }
    }
    for (let i = 0; i < nS; i++) {
      dS[seenS[i]!] = -1;
      cS[seenS[i]!] = 0;
    }
    for (let i = 0; i < nT; i++) {
      dT[seenT[i]!] = -1;
      cT[seenT[i]!] = 0;
    }
  }
  return { hits, samples };
}
function invalid(name: string, expected: string, got: unknown): TiegraphError {
  return new TiegraphError("tiegraph/brokerage", "invalid-option", `invalid option ${name}`, { record: `options.${name}`, expected, got: showValue(got) });
}
