/**
 * The sunflower layout: everyone on one Vogel spiral, colleagues next to
 * each other. The deterministic starting picture for networks without an ego
 * and the starting point of ForceAtlas2.
 */
import type { Scene } from "../scene/scene.js";
import { organisationRanks, sortByOrganisation, type Positions } from "./positions.js";

/** Options of {@link sunflowerLayout}. */
export interface SunflowerOptions {
  /** Distance scale: the j-th person sits at radius `spacing·√j`. */
  spacing: number;
}

/** Defaults: spacing 0.1. */
export const DEFAULT_SUNFLOWER_OPTIONS: Readonly<SunflowerOptions> = { spacing: 0.1 };

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Vogel's model (1979, "A better way to construct the sunflower head",
 * Mathematical Biosciences 44): the j-th point at radius `c·√j` and angle
 * `j·137.5°` fills a disc evenly. People are taken in order of organisation
 * (largest first; ego first), then id, so organisations form bands.
 *
 * @example sunflowerLayout(scene).x.length === scene.personCount
 */
export function sunflowerLayout(scene: Scene, options: Partial<SunflowerOptions> = {}): Positions {
  const c = options.spacing ?? DEFAULT_SUNFLOWER_OPTIONS.spacing;
  const n = scene.personCount;
  const order = sortByOrganisation(Array.from({ length: n }, (_, i) => i), organisationRanks(scene), scene);
  if (scene.egoIndex >= 0) {
    order.splice(order.indexOf(scene.egoIndex), 1);
    order.unshift(scene.egoIndex);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const r = c * Math.sqrt(j);
    x[order[j]!] = r * Math.cos(j * GOLDEN_ANGLE);
    y[order[j]!] = r * Math.sin(j * GOLDEN_ANGLE);
  }
  return { x, y };
}
