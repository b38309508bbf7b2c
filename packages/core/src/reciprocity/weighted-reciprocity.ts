/**
 * Weighted reciprocity: how much of the value given in the network is
 * matched by value given back (Squartini et al. 2013).
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { personRecord } from "../model/person-record.js";
import { givingTies, type NetworkReciprocityOptions } from "./giving-ties.js";

/** Options of {@link weightedReciprocity}. */
export interface WeightedReciprocityOptions extends NetworkReciprocityOptions {
  /** Tie weight `w_ij`: recorded value given i → j (default), or its recency-decayed sum. */
  weight?: "value" | "decayed";
}

/** Defaults of {@link weightedReciprocity}. */
export const DEFAULT_WEIGHTED_RECIPROCITY_OPTIONS: Readonly<Required<Pick<WeightedReciprocityOptions, "weight">>> = { weight: "value" };

/** One person's strength split (Squartini et al.'s s↔, s→, s←). */
export interface PersonWeightedReciprocity {
  /** Reciprocated strength `s↔_i = Σ_j min(w_ij, w_ji)`. */
  reciprocated: number;
  /** Non-reciprocated out-strength `s→_i = s_out − s↔`: given and not matched. */
  outOnly: number;
  /** Non-reciprocated in-strength `s←_i = s_in − s↔`: received and not matched. */
  inOnly: number;
  /** `2 s↔ / (s_out + s_in)`, the weighted analogue of {@link personReciprocity}; null when the person gave and received nothing. */
  r: number | null;
}

/** The network's weighted reciprocity. */
export interface WeightedReciprocity {
  /** `r = W↔ / W`; null when no value was given at all. */
  r: number | null;
  /** `W↔ = Σ_{i≠j} min(w_ij, w_ji)`. */
  reciprocated: number;
  /** `W = Σ_{i≠j} w_ij`. */
  total: number;
  /** Every person's split. */
  byPerson: Record<PersonId, PersonWeightedReciprocity>;
}

/**
 * Weighted reciprocity of the giving-tie graph, `w_ij` being the value given
 * i → j (giving exchanges only; meetings carry no value):
 *
 * `r = W↔ / W`, `W↔ = Σ_{i≠j} min(w_ij, w_ji)`, `W = Σ_{i≠j} w_ij`.
 *
 * From Squartini, Picciolo, Ruzzenenti & Garlaschelli (2013, "Reciprocity of
 * weighted networks", Sci Rep 3:2729), who also split each person's strength
 * into reciprocated `s↔`, out-only `s→` and in-only `s←` parts. On binary
 * ties (every w = 1) `r` equals {@link overallReciprocity}.
 *
 * @example
 * ```ts
 * const { r, byPerson } = weightedReciprocity(network);
 * byPerson["me"].inOnly; // value received and not given back
 * ```
 */
export function weightedReciprocity(network: Network, options: WeightedReciprocityOptions = {}): WeightedReciprocity {
  const { outS, inS, mutS, total, reciprocated } = strengths(network, options);
  const byPerson = personRecord(network, (i): PersonWeightedReciprocity => {
    const sum = outS[i]! + inS[i]!;
    return { reciprocated: mutS[i]!, outOnly: outS[i]! - mutS[i]!, inOnly: inS[i]! - mutS[i]!, r: sum > 0 ? (2 * mutS[i]!) / sum : null };
  });
  return { r: ratio(total, reciprocated), reciprocated, total, byPerson };
}

/**
 * The `r` of {@link weightedReciprocity} (the same number), without every
 * person's split.
 *
 * @example weightedReciprocityRatio(network) // 0.31
 */
export function weightedReciprocityRatio(network: Network, options: WeightedReciprocityOptions = {}): number | null {
  const { total, reciprocated } = strengths(network, options);
  return ratio(total, reciprocated);
}

function ratio(total: number, reciprocated: number): number | null {
  return total > 0 ? reciprocated / total : null;
}

/** Given, received and reciprocated strength of every person, and the network's sums. */
function strengths(network: Network, options: WeightedReciprocityOptions): { outS: Float64Array; inS: Float64Array; mutS: Float64Array; total: number; reciprocated: number } {
  const { ties, reverse } = givingTies(network, options);
  const w = (options.weight ?? DEFAULT_WEIGHTED_RECIPROCITY_OPTIONS.weight) === "decayed" ? ties.givenDecayed : ties.givenValue;
  const n = network.personCount;
  const outS = new Float64Array(n);
  const inS = new Float64Array(n);
  const mutS = new Float64Array(n);
  let total = 0;
  let reciprocated = 0;
  for (let p = 0; p < ties.pairCount; p++) {
    const x = w[p]!;
    if (x === 0) continue;
    const s = ties.source[p]!;
    outS[s]! += x;
    inS[ties.target[p]!]! += x;
    total += x;
    const r = reverse[p]!;
    if (r < 0) continue;
    const m = Math.min(x, w[r]!);
    mutS[s]! += m;
    reciprocated += m;
  }
  return { outS, inS, mutS, total, reciprocated };
}
