/**
 * Binary reciprocity of each person: the share of their ties, in and out,
 * that are returned.
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { personRecord, type PersonValues } from "../model/person-record.js";
import { givingTies, type NetworkReciprocityOptions } from "./giving-ties.js";

/**
 * Reciprocity of each person on the directed giving-tie graph (see
 * {@link overallReciprocity}):
 *
 * `r_i = 2 |succ(i) ∩ pred(i)| / (|succ(i)| + |pred(i)|)`
 *
 * where `succ(i)` are the people i gave to and `pred(i)` those who gave to i.
 * This is NetworkX's `reciprocity(G, nodes)`. People with no giving tie get
 * null (NetworkX returns None for them); every person of the network has a
 * key.
 *
 * @example
 * ```ts
 * const r = personReciprocity(network);
 * r["me"]; // 0.8: four in five of my ties go both ways
 * ```
 */
export function personReciprocity(network: Network, options: NetworkReciprocityOptions = {}): Record<PersonId, number | null> {
  return personRecord(network, personReciprocityByIndex(network, options));
}

/**
 * {@link personReciprocity} by person index, before it becomes a record.
 *
 * @example personReciprocityByIndex(network)(0) // 0.8, the first person's reciprocity
 */
export function personReciprocityByIndex(network: Network, options: NetworkReciprocityOptions = {}): PersonValues<number | null> {
  const { ties, reverse } = givingTies(network, options);
  const n = network.personCount;
  const degree = new Int32Array(n);
  const mutual = new Int32Array(n);
  for (let p = 0; p < ties.pairCount; p++) {
    if (ties.givingCount[p] === 0) continue;
    const s = ties.source[p]!;
    degree[s]!++;
    degree[ties.target[p]!]!++;
    const r = reverse[p]!;
    if (r >= 0 && ties.givingCount[r]! > 0) mutual[s]!++;
  }
  return (i) => (degree[i] === 0 ? null : (2 * mutual[i]!) / degree[i]!);
}
