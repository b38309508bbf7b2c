/**
 * The precomputed numbers a view draws. A view never computes a measure: the
 * caller passes the results of @tiegraph/core's measures here (or calls
 * {@link analyseForView} to get them all at once).
 */
import type { PersonId } from "@tiegraph/core";

/**
 * A value per person: a map or a plain record by person id (what core's
 * measures return; null reads as "no value"), or an array by person index.
 */
export type PersonValues = ReadonlyMap<PersonId, number> | Readonly<Record<PersonId, number | null>> | ArrayLike<number>;

/** Measures a view can encode; every field is optional. */
export interface ViewAnalysis {
  /** Betweenness centrality per person (node size "betweenness"), e.g. core's `betweenness(network)`. */
  betweenness?: PersonValues;
  /** E-I index per person in [−1, 1] (node colour "ei-index"): −1 all ties internal, +1 all external; e.g. core's `eiIndex(network).byPerson`. */
  eiIndex?: PersonValues;
  /**
   * Reciprocity balance of each relationship in [−1, 1]:
   * `(given_a − given_b) / (given_a + given_b)`, positive when the
   * relationship's lower-index person `a` gives more. One value per slot of
   * `relationships(network, { excludeConfidential })` with the scene's choice
   * (without confidential exchanges by default), which is also the edge order
   * of `relationshipGraph`; NaN where unknown (no giving either way).
   */
  pairImbalance?: ArrayLike<number>;
  /** Cadence tier per person (0 = seen most often), for the ego-rings layout by cadence. */
  cadenceTier?: PersonValues;
}

/** Reads a person's value from a {@link PersonValues}; NaN when absent or null.
 *
 * @example personValue(new Map([["ann", 0.4]]), "ann", 3) // 0.4
 */
export function personValue(values: PersonValues, id: PersonId, index: number): number {
  let v: number | null | undefined;
  if (typeof (values as ReadonlyMap<PersonId, number>).get === "function") v = (values as ReadonlyMap<PersonId, number>).get(id);
  else if (Array.isArray(values) || ArrayBuffer.isView(values)) v = (values as ArrayLike<number>)[index];
  // own properties only, so a person called "constructor" reads nothing inherited
  else v = Object.hasOwn(values, id) ? (values as Readonly<Record<PersonId, number | null>>)[id] : undefined;
  return v === undefined || v === null ? NaN : v;
}
