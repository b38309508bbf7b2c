/**
 * Binary reciprocity of the whole network: the share of directed ties that
 * are returned.
 */
import type { Network } from "../model/network.js";
import { givingTies, type NetworkReciprocityOptions } from "./giving-ties.js";

/**
 * Overall (arc) reciprocity of the directed tie graph, where i → j is a tie
 * when at least one giving exchange went from i to j:
 *
 * `r = L↔ / L`, with `L` the number of ties and `L↔` the number of ties whose
 * reverse is also a tie (each mutual pair counts twice).
 *
 * This is NetworkX's `overall_reciprocity` (Newman, Forrest & Balthrop 2002,
 * "Email networks and the spread of computer viruses", Phys Rev E 66; the
 * dyad census of Wasserman & Faust 1994, *Social Network Analysis*, ch. 13). Returns null when the
 * graph has no tie at all (NetworkX raises "Not defined for empty graphs").
 *
 * @example
 * ```ts
 * overallReciprocity(network); // e.g. 0.392 for the Lazega advice network
 * ```
 */
export function overallReciprocity(network: Network, options: NetworkReciprocityOptions = {}): number | null {
  const { ties, reverse } = givingTies(network, options);
  let all = 0;
  let mutual = 0;
  for (let p = 0; p < ties.pairCount; p++) {
    if (ties.givingCount[p] === 0) continue;
    all++;
    const r = reverse[p]!;
    if (r >= 0 && ties.givingCount[r]! > 0) mutual++;
  }
  return all === 0 ? null : mutual / all;
}
