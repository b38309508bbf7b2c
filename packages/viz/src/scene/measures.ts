/**
 * Aligns the caller's precomputed measures with a scene's people and ties,
 * checking them on the way: a measure of the wrong length or out of its range
 * is refused with a TiegraphError naming the measure and the position.
 */
import { TiegraphError, type PersonId } from "@tiegraph/core";
import { personValue, type PersonValues, type ViewAnalysis } from "../analysis/view-analysis.js";

const SCOPE = "tiegraph/viz";

/** Person measures as arrays by person index (NaN where absent), or undefined when not given.
 *
 * @example alignPersonMeasures({ betweenness: new Map([["ann", 2]]) }, ["me", "ann"]).betweenness // Float64Array [NaN, 2]
 */
export function alignPersonMeasures(
  analysis: ViewAnalysis,
  ids: readonly PersonId[],
): { betweenness: Float64Array | undefined; eiIndex: Float64Array | undefined; cadenceTier: Float64Array | undefined } {
  return {
    betweenness: align(analysis.betweenness, ids, "betweenness", 0, Infinity),
    eiIndex: align(analysis.eiIndex, ids, "eiIndex", -1, 1),
    cadenceTier: align(analysis.cadenceTier, ids, "cadenceTier", 0, Infinity),
  };
}

function align(values: PersonValues | undefined, ids: readonly PersonId[], name: string, lo: number, hi: number): Float64Array | undefined {
  if (values === undefined) return undefined;
  if (values === null || typeof values !== "object") {
    throw new TiegraphError(SCOPE, "invalid-option", `analysis.${name} must be a map by person id or an array by person index`, { record: `analysis.${name}`, expected: "a Map<PersonId, number> or an array of numbers" });
  }
  const out = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const v = personValue(values, ids[i]!, i);
    if (!Number.isNaN(v) && !(typeof v === "number" && v >= lo - 1e-12 && v <= hi + 1e-12)) {
      throw new TiegraphError(SCOPE, "invalid-value", `analysis.${name} of person ${JSON.stringify(ids[i])} is out of range`, {
        record: `analysis.${name}[${JSON.stringify(ids[i])}]`,
        expected: hi === Infinity ? `a number ≥ ${lo}` : `a number in [${lo}, ${hi}]`,
        got: String(v),
      });
    }
    out[i] = v;
  }
  return out;
}

/** Checks `analysis.pairImbalance` against the number of relationships; returns it (or undefined).
 *
 * @example checkPairImbalance(pairImbalances(network), relationships(network).pairCount)
 */
export function checkPairImbalance(values: ArrayLike<number> | undefined, pairCount: number): ArrayLike<number> | undefined {
  if (values === undefined) return undefined;
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TiegraphError(SCOPE, "invalid-option", "analysis.pairImbalance must be an array", { record: "analysis.pairImbalance", expected: "one number per relationship slot" });
  }
  if (values.length !== pairCount) {
    throw new TiegraphError(SCOPE, "invalid-option", `analysis.pairImbalance has ${values.length} values for ${pairCount} relationships`, {
      record: "analysis.pairImbalance",
      expected: "one value per slot of the relationships drawn: relationships(network, { excludeConfidential }) with the scene's choice (pairImbalances with the same excludeConfidential)",
    });
  }
  for (let k = 0; k < pairCount; k++) {
    const v = values[k]!;
    if (!Number.isNaN(v) && !(typeof v === "number" && v >= -1 - 1e-12 && v <= 1 + 1e-12)) {
      throw new TiegraphError(SCOPE, "invalid-value", `analysis.pairImbalance of relationship slot ${k} is out of range`, { record: `analysis.pairImbalance[${k}]`, expected: "a number in [−1, 1] or NaN", got: String(v) });
    }
  }
  return values;
}
