/**
 * A part of a network as the page draws it (see level-of-detail.ts): the
 * people and ties kept, renumbered so tie ends point into the kept people,
 * with the per-person and per-tie measures cut the same way. Only the kept
 * people's names, organisations and tags are gathered, so a part of a large
 * network costs what it draws. `people` says which network person each
 * drawn person is, so the page still names people by network index.
 */
import type { Network, Relationships } from "@tiegraph/core";
import type { DrawingAnalysis } from "./analysis.js";
import type { DrawableNetwork } from "./drawable.js";
import type { NetworkPart } from "./level-of-detail.js";

/**
 * The drawable network and drawing measures of `part` of a network. `rel`
 * is the relationship index the drawable network is made of (confidential
 * exchanges left out), `analysis` the drawing measures of the whole network.
 *
 * @example drawablePart(network, names, rel, analysis, { people: Int32Array.of(0, 2), ties: Int32Array.of(1) }).drawable.ids // [id of person 0, id of person 2]
 */
export function drawablePart(network: Network, names: (index: number) => string, rel: Relationships, analysis: DrawingAnalysis, part: NetworkPart): { drawable: DrawableNetwork; analysis: DrawingAnalysis } {
  const at = new Int32Array(network.personCount).fill(-1);
  part.people.forEach((i, k) => (at[i] = k));
  const people = Array.from(part.people, (i) => network.personAt(i));
  const ties = part.ties;
  const ego = network.egoIndex;
  return {
    drawable: {
      ids: people.map((p) => p.id),
      names: Array.from(part.people, (i) => names(i)),
      organisations: Array.from(part.people, (i) => network.organisationIndicesOn(i, rel.asOf).map((o) => network.organisationAt(o).id)),
      tags: people.map((p) => p.tags ?? []),
      ego: ego >= 0 ? at[ego]! : -1,
      a: Int32Array.from(ties, (k) => at[rel.a[k]!]!),
      b: Int32Array.from(ties, (k) => at[rel.b[k]!]!),
      strength: Float64Array.from(ties, (k) => rel.strength[k]!),
      confidentialOnly: Uint8Array.from(ties, (k) => rel.confidentialOnly[k]!),
      people: part.people.slice(),
    },
    analysis: {
      asOf: analysis.asOf,
      pairImbalance: Float64Array.from(ties, (k) => analysis.pairImbalance[k]!),
      eiIndex: analysis.eiIndex && Float64Array.from(part.people, (i) => analysis.eiIndex![i]!),
    },
  };
}
