/**
 * Node positions by person index, and the ordering every deterministic
 * layout shares: colleagues next to each other (organisations by size),
 * then by id, so the same network always lands in the same place.
 */
import type { Scene } from "../scene/scene.js";

/** Positions by person index. */
export interface Positions {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Rank of each person's first organisation among organisations ranked by
 * headcount (largest first, ties by id); people without one rank last.
 *
 * @example organisationRanks(scene)[scene.indexOf.get("ann")!] // 0 when Ann works in the largest organisation
 */
export function organisationRanks(scene: Scene): Int32Array {
  const counts = new Map<string, number>();
  for (const list of scene.organisations) if (list[0] !== undefined) counts.set(list[0], (counts.get(list[0]) ?? 0) + 1);
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Map(ranked.map((org, r) => [org, r]));
  const out = new Int32Array(scene.personCount);
  for (let i = 0; i < scene.personCount; i++) {
    const org = scene.organisations[i]![0];
    out[i] = org === undefined ? ranked.length : rankOf.get(org)!;
  }
  return out;
}

/** Sorts person indices in place by organisation rank, then id.
 *
 * @example sortByOrganisation([3, 1, 2], organisationRanks(scene), scene)
 */
export function sortByOrganisation(people: number[], ranks: Int32Array, scene: Scene): number[] {
  return people.sort((p, q) => ranks[p]! - ranks[q]! || (scene.ids[p]! < scene.ids[q]! ? -1 : scene.ids[p]! > scene.ids[q]! ? 1 : 0));
}
