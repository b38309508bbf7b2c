/**
 * Tie strength: how strong a relationship is now, from how often, how much
 * and how recently two people exchanged.
 */
import type { Day } from "../model/dates.js";

/** Options of tie strength. */
export interface TieStrengthOptions {
  /** Half-life of an exchange's contribution, in days. */
  halfLifeDays: number;
  /** Saturation constant κ: decayed value at which strength reaches 1 − 1/e ≈ 0.63. */
  saturation: number;
  /** Floor: a relationship with any exchange is never weaker than this. */
  floor: number;
  /** Reference day "now" (see `referenceDay`); exchanges after it do not count. Default: the network's last exchange day. */
  asOf?: Day;
}

/**
 * Defaults: half-life 180 days (a tie not fed for half a year counts half),
 * κ = 4 (four recent pieces of information, or one recent favour and a coffee,
 * make a strong tie), floor 0.01.
 */
export const DEFAULT_TIE_STRENGTH_OPTIONS: Readonly<TieStrengthOptions> = { halfLifeDays: 180, saturation: 4, floor: 0.01 };

/**
 * Recency-decayed weight of one exchange: `w · 2^(−Δ/h)` with Δ the days from
 * the exchange to the reference day (exchanges after it count in full) and `h`
 * the half-life.
 *
 * @example decayedValue(2, 180, 180) // 1
 */
export function decayedValue(value: number, ageDays: number, halfLifeDays: number): number {
  return ageDays <= 0 ? value : value * Math.pow(2, -ageDays / halfLifeDays);
}

/**
 * Normalises a decayed sum S into a strength in (0, 1]:
 * `s = max(floor, 1 − exp(−S/κ))`.
 *
 * The sum S = Σ w_e · 2^(−Δ_e/h) combines frequency (each exchange adds),
 * value (weights by kind: a favour counts more than a tip) and recency
 * (exponential decay). Granovetter (1973, "The Strength of Weak Ties", AJS 78)
 * defines strength as a combination of time, intensity, intimacy and
 * reciprocal services; Gilbert & Karahalios (2009, "Predicting Tie Strength
 * with Social Media", CHI) found days since last communication the strongest
 * single predictor, hence the decay. The saturating map keeps one very busy
 * relationship from dwarfing all the others.
 *
 * @example strengthFromSum(4, DEFAULT_TIE_STRENGTH_OPTIONS) // 0.632…
 */
export function strengthFromSum(sum: number, options: Pick<TieStrengthOptions, "saturation" | "floor">): number {
  const s = 1 - Math.exp(-sum / options.saturation);
  return s > options.floor ? s : options.floor;
}
