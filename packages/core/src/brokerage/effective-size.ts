/**
 * Burt's effective size: how many of a person's contacts are non-redundant,
 * i.e. not already tied to the person's other contacts.
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { DEFAULT_TIE_GRAPH_OPTIONS } from "./constraint.js";
import { personRecord, valuesOrNull, type PersonValues } from "../model/person-record.js";
import { mutualTies, tiesFor, type MutualTies, type TieGraphOptions } from "./mutual-ties.js";

/**
 * Burt's effective size of every person on the tie graph (see
 * {@link constraint} for the graph and `a_ij`):
 *
 * `e_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq)`,
 * `p_iq = (a_iq + a_qi) / Σ_k (a_ik + a_ki)`, `m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)`
 *
 * This is NetworkX's `effective_size` on a DiGraph (Burt 1992, *Structural
 * Holes*, Harvard UP; Borgatti 1997, "Structural holes: unpacking Burt's
 * redundancy measures", Connections 20(1)). Without weights and direction it
 * reduces to Borgatti's `n − 2t/n`. People with no tie get null (NetworkX:
 * nan).
 *
 * @example
 * ```ts
 * const e = effectiveSize(network);
 * e["me"]; // 41.5 of my 48 contacts are non-redundant
 * ```
 */
export function effectiveSize(network: Network, options: TieGraphOptions = {}): Record<PersonId, number | null> {
  return personRecord(network, effectiveSizeByIndex(network, options));
}

/**
 * {@link effectiveSize} by person index, before it becomes a record.
 *
 * @example effectiveSizeByIndex(network)(0) // the first person's value, null without a tie
 */
export function effectiveSizeByIndex(network: Network, options: TieGraphOptions = {}): PersonValues<number | null> {
  return valuesOrNull(effectiveSizeValues(mutualTies(tiesFor(network, options), options.weighted ?? DEFAULT_TIE_GRAPH_OPTIONS.weighted)));
}

/**
 * {@link effectiveSize} of every person of the mutual tie graph `g` (see
 * {@link mutualTies}), by person index: NaN for a person with no tie. What
 * {@link effectiveSizeByIndex} computes, from the tie graph alone.
 *
 * @example effectiveSizeValues(mutualTies(directedTies(network), false))[0] // the first person's effective size
 */
export function effectiveSizeValues(g: MutualTies): Float64Array {
  const n = g.nodeCount;
  const { offsets, neighbor, total, p, m } = g;
  const out = new Float64Array(n);
  // p_iq of each of i's neighbours q (valid while mark[q] === i)
  const mark = new Int32Array(n).fill(-1);
  const pi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!;
    const hi = offsets[i + 1]!;
    if (hi === lo || total[i] === 0) {
      out[i] = NaN;
      continue;
    }
    for (let k = lo; k < hi; k++) {
      mark[neighbor[k]!] = i;
      pi[neighbor[k]!] = p[k]!;
    }
    let e = 0;
    for (let k = lo; k < hi; k++) {
      // redundancy of j: Σ_q p_iq m_jq over q ∈ N(i) ∩ N(j)
      const j = neighbor[k]!;
      let redundancy = 0;
      for (let r = offsets[j]!; r < offsets[j + 1]!; r++) {
        const q = neighbor[r]!;
        if (mark[q] === i) redundancy += pi[q]! * m[r]!;
      }
      e += 1 - redundancy;
    }
    out[i] = e;
  }
  return out;
}
