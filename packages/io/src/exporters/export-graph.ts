/**
 * The exported graph as a graphology graph, for callers of the library who
 * want one (to lay it out, to run graphology's algorithms). The file
 * exporters do not build it: they stream {@link exportedElements} instead.
 */
import Graph from "graphology";
// declared as graphology-types' AbstractGraph: graphology ships CommonJS with ESM-style types, so a
// default import of it in a .d.ts is a namespace (TS2709) for consumers under module NodeNext
import type { AbstractGraph } from "graphology-types";
import { prototypeSafe, type Network } from "@tiegraph/core";
import { exportedElements, type ExportedAttributes, type GraphExportOptions } from "./export-elements.js";

/**
 * Builds the graph to export as a graphology graph: the nodes and edges of
 * {@link exportedElements} (same keys, same attributes, same order), directed
 * (ties, exchanges; a multigraph for exchanges) or undirected
 * (relationships). Without `includeConfidential`, confidential exchanges are
 * left out before ties are summed, so nothing said in confidence shows even
 * as weight. Holds every edge's attributes as objects: for a file, use the
 * streaming exporters ({@link exportGexfChunks} and the others).
 *
 * @example exportedGraph(network, { graph: "relationships" }).size
 */
export function exportedGraph(network: Network, options: GraphExportOptions = {}): AbstractGraph<ExportedAttributes, ExportedAttributes> {
  const el = exportedElements(network, options);
  // person ids such as "constructor" or "__proto__" are valid node keys
  const graph = prototypeSafe(new Graph<ExportedAttributes, ExportedAttributes>({ type: el.type, multi: el.multi, allowSelfLoops: false }));
  for (let i = 0; i < el.nodeCount; i++) graph.addNode(el.nodeKey(i), el.nodeAttributes(i));
  for (let k = 0; k < el.edgeCount; k++) {
    const e = el.edge(k);
    if (el.type === "undirected") graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
  }
  return graph;
}
