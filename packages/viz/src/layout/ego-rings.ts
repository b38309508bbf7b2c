/**
 * The ego-centred layout: you in the middle, your contacts on concentric
 * rings by tie strength (or by cadence tier), then the people you reach in
 * two hops, then everyone farther or unreachable. Deterministic: it depends
 * only on the scene.
 */
import { TiegraphError } from "@tiegraph/core";
import type { Scene } from "../scene/scene.js";
import { organisationRanks, sortByOrganisation, type Positions } from "./positions.js";

/** What puts a contact on an inner ring. */
export type RingsBy = "strength" | "cadence";

/** Options of {@link egoRingsLayout}. */
export interface EgoRingsOptions {
  /** Rings of direct contacts by tie strength or by cadence tier (`analysis.cadenceTier`). */
  by: RingsBy;
  /** Strength thresholds of the inner rings, strongest first: `[0.5, 0.2]` gives rings s ≥ 0.5, 0.2 ≤ s < 0.5, s < 0.2. */
  strengthTiers: readonly number[];
  /** Distance between consecutive rings (layout units). */
  ringGap: number;
  /** Smallest arc between neighbours on a ring; a crowded ring grows to keep it. */
  spacing: number;
}

/** Defaults: strength rings at 0.5 and 0.2, ring gap 1, neighbours at least 0.15 apart. */
export const DEFAULT_EGO_RINGS_OPTIONS: Readonly<EgoRingsOptions> = { by: "strength", strengthTiers: [0.5, 0.2], ringGap: 1, spacing: 0.15 };

/**
 * Places ego at (0, 0) and everyone else on rings. Ring of a direct contact
 * by strength: the first tier `k` with `s ≥ strengthTiers[k]` (else the last);
 * by cadence: tier + 1 for people with a cadence tier, after them contacts
 * without one. Then one ring for two hops away, one for three or more, one for
 * people with no path to you. Empty rings are skipped. Ring `r` has radius
 * `max(R_{r−1} + gap, count · spacing / 2π)`; on a ring, people are ordered by
 * organisation (largest first) then id, evenly spaced clockwise from the top,
 * so colleagues sit together and a sector reads as an organisation.
 *
 * @example
 * ```ts
 * const { x, y } = egoRingsLayout(scene);
 * x[scene.egoIndex] === 0 && y[scene.egoIndex] === 0; // true
 * ```
 */
export function egoRingsLayout(scene: Scene, options: Partial<EgoRingsOptions> = {}): Positions {
  const o = { ...DEFAULT_EGO_RINGS_OPTIONS, ...options };
  const ego = scene.egoIndex;
  if (ego < 0) throw new TiegraphError("tiegraph/viz", "invalid-option", "the ego-rings layout needs a network with an ego", { expected: 'an ego, or the "sunflower" layout' });
  if (o.by !== "strength" && o.by !== "cadence") throw new TiegraphError("tiegraph/viz", "invalid-option", `unknown ring order ${JSON.stringify(o.by)}`, { expected: '"strength" or "cadence"' });
  const tiers = scene.cadenceTier;
  if (o.by === "cadence" && !tiers) throw new TiegraphError("tiegraph/viz", "invalid-option", "rings by cadence need analysis.cadenceTier", { expected: 'analysis.cadenceTier, or rings by "strength"' });
  const n = scene.personCount;
  const ring = new Int32Array(n);
  let inner: number;
  if (o.by === "strength") {
    inner = o.strengthTiers.length + 1;
    for (let i = 0; i < n; i++) {
      if (scene.hopsFromEgo[i] !== 1) continue;
      const s = scene.strengthToEgo[i]!;
      let r = o.strengthTiers.findIndex((threshold) => s >= threshold);
      if (r < 0) r = o.strengthTiers.length;
      ring[i] = 1 + r;
    }
  } else {
    let maxTier = 0;
    for (let i = 0; i < n; i++) if (tiers![i]! >= 0 && tiers![i]! > maxTier) maxTier = Math.floor(tiers![i]!);
    inner = maxTier + 2;
    for (let i = 0; i < n; i++) {
      const t = tiers![i]!;
      if (i !== ego && !Number.isNaN(t)) ring[i] = 1 + Math.floor(t);
      else if (scene.hopsFromEgo[i] === 1) ring[i] = inner;
    }
  }
  for (let i = 0; i < n; i++) {
    if (i === ego || ring[i]! > 0) continue;
    const h = scene.hopsFromEgo[i]!;
    ring[i] = h === -1 ? inner + 3 : h === 2 ? inner + 1 : inner + 2;
  }
  ring[ego] = 0;
  const members: number[][] = [];
  for (let i = 0; i < n; i++) (members[ring[i]!] ??= []).push(i);
  const ranks = organisationRanks(scene);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let radius = 0;
  for (let r = 1; r < members.length; r++) {
    const list = members[r];
    if (!list || list.length === 0) continue;
    radius = Math.max(radius + o.ringGap, (list.length * o.spacing) / (2 * Math.PI));
    sortByOrganisation(list, ranks, scene);
    for (let j = 0; j < list.length; j++) {
      const theta = Math.PI / 2 - (2 * Math.PI * j) / list.length;
      x[list[j]!] = radius * Math.cos(theta);
      y[list[j]!] = radius * Math.sin(theta);
    }
  }
  return { x, y };
}
