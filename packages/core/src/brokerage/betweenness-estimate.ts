/**
 * Betweenness within a work budget: exact when Brandes' algorithm over every
 * source fits the budget, otherwise estimated from as many sampled sources as
 * fit, with a stated error bound.
 */
import { TiegraphError, showValue } from "../errors.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { betweenness } from "./betweenness.js";
import { tiesFor } from "./mutual-ties.js";
import type { DirectedTies } from "../graph/tie-index.js";

/** Options of {@link betweennessWithinBudget}. */
export interface BetweennessBudgetOptions {
  /**
   * `"exact"`: every source, whatever the cost; `"sampled"`: as many sampled
   * sources as the budget allows (exact when all of them fit); default `"sampled"`.
   */
  mode?: "exact" | "sampled";
  /**
   * Work allowed, in tie visits: one source costs two visits per directed tie
   * (the search, then the dependencies), so a network of N people and P ties
   * is exact when 2·N·P fits. Default 4·10⁸ (about a second on a laptop core).
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
export const DEFAULT_BETWEENNESS_BUDGET_OPTIONS: Readonly<{ mode: "sampled"; budget: number; confidence: number; seed: number; minimumSample: number }> = {
  mode: "sampled",
  budget: 4e8,
  confidence: 0.95,
  seed: 1,
  /** Fewest sources sampled, whatever the budget: below this the bound says nothing. */
  minimumSample: 32,
};

/** Betweenness of every person and how far it can be from the exact value. */
export interface BetweennessEstimate {
  /** Normalised betweenness by person (as NetworkX's `betweenness_centrality`). */
  values: Record<PersonId, number>;
  /** True when every person was a source (the values are exact). */
  exact: boolean;
  /** Number of source people searched. */
  sources: number;
  /**
   * With probability at least `confidence` over the sample, every person's
   * value is within this distance of the exact normalised betweenness (0 when exact).
   */
  errorBound: number;
  /** Confidence of `errorBound`. */
  confidence: number;
}

/**
 * Normalised betweenness (see {@link betweenness}) computed exactly when
 * `2 · people · ties ≤ budget`, otherwise estimated from k uniformly sampled
 * sources (Brandes & Pich 2007) with k the most the budget allows (at least 32).
 *
 * The bound: a person v's estimate is the mean, over the sampled sources
 * s ≠ v (k or k − 1 of them), of `X_s = δ_s(v) / (n − 2)` where δ_s(v) is
 * s's dependency on v; each X_s lies in [0, 1] and their mean over all
 * sources s ≠ v is v's exact normalised betweenness. Hoeffding's inequality
 * (1963, which holds for sampling without replacement) gives
 * `P(|estimate − exact| ≥ ε) ≤ 2·exp(−2(k − 1)ε²)` per person; a union bound
 * over the n people gives the simultaneous bound
 * `ε = sqrt(ln(2n / (1 − confidence)) / (2(k − 1)))`.
 *
 * @example
 * ```ts
 * const b = betweennessWithinBudget(network, { budget: 1e8 });
 * b.exact ? "exact" : `±${b.errorBound.toFixed(3)} at ${b.confidence * 100}%`;
 * ```
 */
export function betweennessWithinBudget(network: Network, options: BetweennessBudgetOptions = {}): BetweennessEstimate {
  const d = DEFAULT_BETWEENNESS_BUDGET_OPTIONS;
  const mode = options.mode ?? d.mode;
  const budget = options.budget ?? d.budget;
  const confidence = options.confidence ?? d.confidence;
  if (mode !== "exact" && mode !== "sampled") throw invalid("mode", '"exact" or "sampled"', mode);
  if (!(budget > 0)) throw invalid("budget", "a positive number of tie visits", budget);
  if (!(confidence > 0 && confidence < 1)) throw invalid("confidence", "a probability strictly between 0 and 1", confidence);
  const n = network.personCount;
  if (n === 0) return { values: {}, exact: true, sources: 0, errorBound: 0, confidence };
  const ties = tiesFor(network, options);
  const perSource = 2 * Math.max(1, ties.pairCount);
  const fits = Math.floor(budget / perSource);
  const k = mode === "exact" || fits >= n ? n : Math.min(n, Math.max(d.minimumSample, fits));
  const seed = options.seed ?? d.seed;
  const values = betweenness(network, { ties, sample: k, exactUpTo: n, seed });
  if (k >= n) return { values, exact: true, sources: n, errorBound: 0, confidence };
  return { values, exact: false, sources: k, errorBound: betweennessErrorBound(n, k, confidence), confidence };
}

/**
 * The simultaneous Hoeffding bound of {@link betweennessWithinBudget}:
 * `sqrt(ln(2n / (1 − confidence)) / (2(k − 1)))` for n people and k sampled sources
 * (at most 1, the range of normalised betweenness).
 *
 * @example betweennessErrorBound(100_000, 500, 0.95) // ≈ 0.123
 */
export function betweennessErrorBound(people: number, sources: number, confidence: number): number {
  if (sources <= 1) return 1;
  return Math.min(1, Math.sqrt(Math.log((2 * people) / (1 - confidence)) / (2 * (sources - 1))));
}

function invalid(name: string, expected: string, got: unknown): TiegraphError {
  return new TiegraphError("tiegraph/brokerage", "invalid-option", `invalid option ${name}`, { record: `options.${name}`, expected, got: showValue(got) });
}
