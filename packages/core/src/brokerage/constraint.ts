/**
 * Burt's constraint: how much a person's time and energy are locked into
 * contacts who are themselves tied to each other (high = no structural holes).
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { personRecord, valuesOrNull, type PersonValues } from "../model/person-record.js";
import { mutualTies, tiesFor, type MutualTies, type TieGraphOptions } from "./mutual-ties.js";

/** Defaults of the brokerage measures: unweighted, like NetworkX's `weight=None`; confidential exchanges included. */
export const DEFAULT_TIE_GRAPH_OPTIONS: Readonly<Required<Omit<TieGraphOptions, "ties">>> = { weighted: false, excludeConfidential: false };

/**
 * Burt's constraint of every person on the tie graph (an ordered pair is a
 * tie when any exchange, meetings included, went that way):
 *
 * `c_i = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)²`,
 * `p_ij = (a_ij + a_ji) / Σ_{k ∈ N(i)} (a_ik + a_ki)`
 *
 * where N(i) are the people i gave to or received from and `a_ij` is 1 for a
 * tie i → j (0 without), or its directed strength when `weighted`. This is
 * NetworkX's `constraint` on a DiGraph (Burt 1992, *Structural Holes*,
 * Harvard UP; Burt 2004, "Structural holes and good ideas", AJS 110(2)).
 * People with no tie get null (NetworkX: nan). Runs in O(Σ_i deg(i)²) on
 * typed arrays.
 *
 * @example
 * ```ts
 * const c = constraint(network, { weighted: true });
 * c["me"]; // 0.12: contacts spread over unconnected circles
 * ```
 */
export function constraint(network: Network, options: TieGraphOptions = {}): Record<PersonId, number | null> {
  return personRecord(network, constraintByIndex(network, options));
}

/**
 * {@link constraint} by person index, before it becomes a record.
 *
 * @example constraintByIndex(network)(0) // the first person's value, null without a tie
 */
export function constraintByIndex(network: Network, options: TieGraphOptions = {}): PersonValues<number | null> {
  return valuesOrNull(constraintValues(mutualTies(tiesFor(network, options), options.weighted ?? DEFAULT_TIE_GRAPH_OPTIONS.weighted)));
}

/**
 * {@link constraint} of every person of the mutual tie graph `g` (see
 * {@link mutualTies}), by person index: NaN for a person with no tie. What
 * {@link constraintByIndex} computes, from the tie graph alone (a thread
 * that holds only the tie index computes it the same, bit for bit).
 *
 * @example constraintValues(mutualTies(directedTies(network), false))[0] // the first person's constraint
 */
export function constraintValues(g: MutualTies): Float64Array {
  const n = g.nodeCount;
  const { offsets, neighbor, total, p } = g;
  const out = new Float64Array(n);
  // slot of each of i's neighbours in i's list (valid while mark[j] === i)
  const mark = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  let indirect = new Float64Array(16);
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!;
    const deg = offsets[i + 1]! - lo;
    if (deg === 0 || total[i] === 0) {
      out[i] = NaN;
      continue;
    }
    if (indirect.length < deg) indirect = new Float64Array(deg * 2);
    indirect.fill(0, 0, deg);
    for (let k = 0; k < deg; k++) {
      mark[neighbor[lo + k]!] = i;
      slot[neighbor[lo + k]!] = k;
    }
    // indirect_j = Σ_q p_iq p_qj over q ∈ N(i), j ∈ N(i) ∩ N(q)
    for (let k = 0; k < deg; k++) {
      const q = neighbor[lo + k]!;
      const piq = p[lo + k]!;
      for (let r = offsets[q]!; r < offsets[q + 1]!; r++) {
        const j = neighbor[r]!;
        if (mark[j] === i) indirect[slot[j]!]! += piq * p[r]!;
      }
    }
    let c = 0;
    for (let k = 0; k < deg; k++) {
      const x = p[lo + k]! + indirect[k]!;
      c += x * x;
    }
    out[i] = c;
  }
  return out;
}
