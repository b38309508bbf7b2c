/**
 * Builds the graphology graph the view draws from the worker's drawable
 * network: one node per person (label, organisations, ego, tags) and one
 * undirected edge per relationship (strength, confidential-only flag), in
 * relationship slot order so measures given per slot line up with edges.
 */
import { UndirectedGraph } from "graphology";
import { prototypeSafe } from "@tiegraph/core";
import { shownText } from "../dom/element.js";
import type { DrawableNetwork } from "../worker/drawable.js";

/**
 * The relationship graph of a drawable network.
 *
 * @example drawableGraph(data).getEdgeAttribute("me", "ann", "strength")
 */
export function drawableGraph(d: DrawableNetwork): UndirectedGraph {
  // person ids such as "constructor" are valid node keys (issue 16.6)
  const graph = prototypeSafe(new UndirectedGraph());
  for (let i = 0; i < d.ids.length; i++) graph.addNode(d.ids[i]!, { label: shownText(d.names[i]!), organisations: d.organisations[i]!, ego: i === d.ego, tags: d.tags[i]! });
  for (let k = 0; k < d.a.length; k++) graph.addUndirectedEdge(d.ids[d.a[k]!]!, d.ids[d.b[k]!]!, { strength: d.strength[k]!, confidentialOnly: d.confidentialOnly[k] === 1 });
  return graph;
}
