/**
 * The directed tie graph the network-level reciprocity measures read: an
 * ordered pair i → j is a tie when at least one giving exchange (not a meeting
 * or connection) went from i to j.
 */
import { TiegraphError } from "../errors.js";
import { directedTies, findDirectedTie, type DirectedTies } from "../graph/tie-index.js";
import type { Network } from "../model/network.js";

/** Options of the network-level reciprocity measures. */
export interface NetworkReciprocityOptions {
  /** The network's directed tie index, when the caller already has it (saves rebuilding it). */
  ties?: DirectedTies;
  /** Leave confidential exchanges out (default false). Ignored when `ties` is given: build those accordingly. */
  excludeConfidential?: boolean;
}

// A tie index never changes once built, so the reverse slots computed for it
// can be kept for as long as the index lives (the three network measures share them).
const reverseOf = new WeakMap<DirectedTies, Int32Array>();

/** The tie index to read, and for each of its slots the slot of the reverse pair (−1 when none). */
export function givingTies(network: Network, options: NetworkReciprocityOptions): { ties: DirectedTies; reverse: Int32Array } {
  const ties = options.ties ?? directedTies(network, { excludeConfidential: options.excludeConfidential === true });
  if (ties.nodeCount !== network.personCount) {
    throw new TiegraphError("tiegraph/reciprocity", "invalid-option", "the tie index was built for another network", { record: "options.ties", expected: `an index of ${network.personCount} people`, got: `${ties.nodeCount} people` });
  }
  let reverse = reverseOf.get(ties);
  if (!reverse) {
    reverse = new Int32Array(ties.pairCount);
    for (let p = 0; p < ties.pairCount; p++) reverse[p] = findDirectedTie(ties, ties.target[p]!, ties.source[p]!);
    reverseOf.set(ties, reverse);
  }
  return { ties, reverse };
}
