/**
 * The precomputed numbers a view draws. A view never computes a measure: the
 * caller passes the results of @tiegraph/core's measures here (or calls
 * {@link analyseForView} to get them all at once).
 */
import type { PersonId } from "@tiegraph/core";

/** A value per person: a map by person id, or an array by person index. */
export type PersonValues = ReadonlyMap<PersonId, number> | ArrayLike<number>;

/** Measures a view can encode; every field is optional. */
export interface ViewAnalysis {
  /** Betweenness centrality per person (node size "betweenness"). */
  betweenness?: PersonValues;
  /** E-I index per person in [−1, 1] (node colour "ei-index"): −1 all ties internal, +1 all external. */
  eiIndex?: PersonValues;
  /**
   * Reciprocity balance of each relationship in [−1, 1]:
   * `(given_a − given_b) / (given_a + given_b)`, positive when the
   * relationship's lower-index person `a` gives more. One value per slot of
   * `relationships(network)`, which is also the edge order of
   * `relationshipGraph(network)`; NaN where unknown (no giving either way).
   */
  pairImbalance?: ArrayLike<number>;
  /** Cadence tier per person (0 = seen most often), for the ego-rings layout by cadence. */
  cadenceTier?: PersonValues;
}

/** Reads a person's value from a {@link PersonValues}; NaN when absent. */
export function personValue(values: PersonValues, id: PersonId, index: number): number {
  if (isMap(values)) return values.get(id) ?? NaN;
  const v = values[index];
  return v === undefined ? NaN : v;
}

function isMap(values: PersonValues): values is ReadonlyMap<PersonId, number> {
  return typeof (values as ReadonlyMap<PersonId, number>).get === "function";
}
