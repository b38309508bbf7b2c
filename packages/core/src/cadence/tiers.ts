/**
 * Cadence tiers: how often a relationship should be fed, inferred from its
 * strength when neither the person nor their tags say. Four tiers inspired by
 * Dunbar's layers of personal networks: close (every 2 weeks), active
 * (monthly), wider (quarterly), acquaintance (yearly).
 */
import { TiegraphError, showValue } from "../errors.js";
import { strengthFromSum, type TieStrengthOptions } from "../graph/tie-strength.js";

/** The tiers, strongest first. */
export type CadenceTier = "close" | "active" | "wider" | "acquaintance";

/** All tiers, strongest first. */
export const CADENCE_TIERS: readonly CadenceTier[] = ["close", "active", "wider", "acquaintance"];

/** One tier's cadence and entry threshold. */
export interface TierSpec {
  /** See people of this tier at least every `cadenceDays` days. */
  cadenceDays: number;
  /**
   * Least tie strength (at the last touch) that puts a relationship in this
   * tier. Default: derived from the cadences, see {@link resolveCadenceTiers}.
   * The weakest tier takes everything below the others, so its value is ignored.
   */
  minStrength?: number;
}

/**
 * Default cadences. Hill & Dunbar (2003, "Social network size in humans",
 * Human Nature 14(1)) and Zhou, Sornette, Hill & Dunbar (2005, "Discrete
 * hierarchical organization of social group sizes", Proc. R. Soc. B 272) find
 * layers of about 5, 15, 50 and 150 people, contacted roughly weekly, monthly,
 * a few times a year and yearly. Professional ties are fed less often than
 * family, hence two weeks for the innermost layer.
 */
export const DEFAULT_CADENCE_TIERS: Readonly<Record<CadenceTier, Readonly<TierSpec>>> = {
  close: { cadenceDays: 14 },
  active: { cadenceDays: 30 },
  wider: { cadenceDays: 91 },
  acquaintance: { cadenceDays: 365 },
};

/** Tiers with every threshold filled in, strongest first. */
export type ResolvedTiers = readonly { tier: CadenceTier; cadenceDays: number; minStrength: number }[];

/**
 * The strength a relationship keeps, just after each touch, when it is fed
 * one touch of value 1 every `everyDays` days forever: the decayed sum is the
 * geometric series `S = 1 / (1 − 2^(−T/h))` (h the half-life), mapped through
 * `1 − exp(−S/κ)` (graph/tie-strength.ts).
 *
 * @example keptStrength(30, { halfLifeDays: 180, saturation: 4, floor: 0.01 }) // 0.899…
 */
export function keptStrength(everyDays: number, strength: Pick<TieStrengthOptions, "halfLifeDays" | "saturation" | "floor">): number {
  return strengthFromSum(1 / (1 - Math.pow(2, -everyDays / strength.halfLifeDays)), strength);
}

/**
 * Fills in the tiers' thresholds. A tier's default `minStrength` is the kept
 * strength ({@link keptStrength}) of a touch every √(c_k · c_{k+1}) days, the
 * geometric middle between its cadence and the next weaker tier's. So a
 * relationship fed at exactly its tier's cadence stays in that tier, and the
 * tiers follow the network's half-life and saturation. With the defaults
 * (half-life 180 days, κ = 4) the thresholds are 0.963 (close), 0.746
 * (active) and 0.391 (wider).
 *
 * Throws `invalid-option` when a cadence is not a positive number of days, a
 * threshold is outside [0, 1], or the tiers are not ordered (a stronger tier
 * must have a shorter cadence and a higher threshold).
 *
 * @example
 * ```ts
 * const tiers = resolveCadenceTiers({ active: { cadenceDays: 21 } }, DEFAULT_TIE_STRENGTH_OPTIONS);
 * tiers[1]; // { tier: "active", cadenceDays: 21, minStrength: … }
 * ```
 */
export function resolveCadenceTiers(overrides: Partial<Record<CadenceTier, TierSpec>> | undefined, strength: Pick<TieStrengthOptions, "halfLifeDays" | "saturation" | "floor">): ResolvedTiers {
  const specs = CADENCE_TIERS.map((tier) => ({ tier, ...DEFAULT_CADENCE_TIERS[tier], ...overrides?.[tier] }));
  for (const s of specs) {
    if (!(typeof s.cadenceDays === "number" && s.cadenceDays > 0 && Number.isFinite(s.cadenceDays))) {
      throw new TiegraphError("tiegraph/cadence", "invalid-option", `invalid cadence for tier ${s.tier}`, { record: `tiers.${s.tier}.cadenceDays`, expected: "a positive number of days", got: showValue(s.cadenceDays) });
    }
    if (s.minStrength !== undefined && !(typeof s.minStrength === "number" && s.minStrength >= 0 && s.minStrength <= 1)) {
      throw new TiegraphError("tiegraph/cadence", "invalid-option", `invalid threshold for tier ${s.tier}`, { record: `tiers.${s.tier}.minStrength`, expected: "a strength between 0 and 1", got: showValue(s.minStrength) });
    }
  }
  const resolved = specs.map((s, k) => {
    const weaker = specs[k + 1];
    const minStrength = weaker === undefined ? 0 : (s.minStrength ?? keptStrength(Math.sqrt(s.cadenceDays * weaker.cadenceDays), strength));
    return { tier: s.tier, cadenceDays: s.cadenceDays, minStrength };
  });
  for (let k = 1; k < resolved.length; k++) {
    const a = resolved[k - 1]!;
    const b = resolved[k]!;
    if (!(a.cadenceDays < b.cadenceDays) || !(a.minStrength > b.minStrength)) {
      throw new TiegraphError("tiegraph/cadence", "invalid-option", `tier ${a.tier} must be fed more often and need more strength than tier ${b.tier}`, {
        record: `tiers.${a.tier}`,
        expected: "cadences increasing and thresholds decreasing from close to acquaintance",
        got: `${a.tier} every ${a.cadenceDays} days from ${a.minStrength.toFixed(3)}, ${b.tier} every ${b.cadenceDays} days from ${b.minStrength.toFixed(3)}`,
      });
    }
  }
  return resolved;
}

/**
 * The tier of a strength: the first (strongest) tier whose threshold it reaches.
 *
 * @example tierOfStrength(0.8, resolveCadenceTiers(undefined, DEFAULT_TIE_STRENGTH_OPTIONS)).tier // "active"
 */
export function tierOfStrength(strength: number, tiers: ResolvedTiers): ResolvedTiers[number] {
  for (const t of tiers) if (strength >= t.minStrength) return t;
  return tiers[tiers.length - 1]!;
}
