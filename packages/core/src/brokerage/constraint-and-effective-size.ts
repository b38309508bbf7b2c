/**
 * Burt's constraint and effective size of everyone in one walk over the
 * mutual tie graph: both sum over the same pairs of a person's contacts.
 */
import type { MutualTies } from "./mutual-ties.js";

/**
 * `constraintValues` and `effectiveSizeValues` of every person of
 * the mutual tie graph `g`, by person index (NaN for a person with no tie),
 * bit for bit what the two give apart, from one walk instead of two.
 *
 * Both measures sum over the pairs (x, y) of person i's contacts where y is
 * also a contact of x: constraint adds `p_ix · p_xy` to y's indirect
 * investment (`c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²`), effective size adds
 * `p_iy · m_xy` to x's redundancy (`e_i = Σ_j (1 − Σ_q p_iq m_jq)`; Burt
 * 1992, *Structural Holes*, Harvard UP; NetworkX's `constraint` and
 * `effective_size`). Walking i's contacts x in order and, for each, x's
 * contacts y in order visits every pair once, in the order each of the two
 * functions adds them up, so the sums are the same floating-point sums. At
 * 100,000 people and half a million ties the walk is most of either
 * measure's time: made once, it saves about a third of the two together.
 *
 * @example
 * ```ts
 * const g = mutualTies(directedTies(network), false);
 * const { constraint, effectiveSize } = constraintAndEffectiveSizeValues(g);
 * constraint[0] === constraintValues(g)[0]; // true (or both NaN)
 * ```
 */
export function constraintAndEffectiveSizeValues(g: MutualTies): { constraint: Float64Array; effectiveSize: Float64Array } {
  const n = g.nodeCount;
  const { offsets, neighbor, total, p, m } = g;
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  // for each of i's contacts y (valid while mark[y] === i): its slot in i's list and p_iy
  const mark = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  const pi = new Float64Array(n);
  let indirect = new Float64Array(16);
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!;
    const deg = offsets[i + 1]! - lo;
    if (deg === 0 || total[i] === 0) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
      continue;
    }
    if (indirect.length < deg) indirect = new Float64Array(deg * 2);
    indirect.fill(0, 0, deg);
    for (let k = 0; k < deg; k++) {
      const y = neighbor[lo + k]!;
      mark[y] = i;
      slot[y] = k;
      pi[y] = p[lo + k]!;
    }
    let e = 0;
    for (let k = 0; k < deg; k++) {
      const x = neighbor[lo + k]!;
      const pix = p[lo + k]!;
      let redundancy = 0;
      for (let r = offsets[x]!, end = offsets[x + 1]!; r < end; r++) {
        const y = neighbor[r]!;
        if (mark[y] !== i) continue;
        indirect[slot[y]!]! += pix * p[r]!;
        redundancy += pi[y]! * m[r]!;
      }
      e += 1 - redundancy;
    }
    let c = 0;
    for (let k = 0; k < deg; k++) {
      const v = p[lo + k]! + indirect[k]!;
      c += v * v;
    }
    constraint[i] = c;
    effectiveSize[i] = e;
  }
  return { constraint, effectiveSize };
}
