/**
 * graphology's own JSON serialisation (`graph.export()`), which
 * `Graph.from(json)` / `graph.import(json)` read back, in Node or in a page.
 */
import type { Network } from "@tiegraph/core";
import { exportedGraph, type GraphExportOptions } from "./export-graph.js";

/** Options of {@link exportGraphologyJson}. */
export interface GraphologyJsonExportOptions extends GraphExportOptions {
  /** Indent the JSON (default false). */
  pretty?: boolean;
}

/** Defaults of {@link exportGraphologyJson}. */
export const DEFAULT_GRAPHOLOGY_JSON_EXPORT_OPTIONS: Readonly<{ pretty: boolean }> = { pretty: false };

/**
 * The network as graphology JSON (`{ attributes, options, nodes, edges }`):
 * the graph of {@link exportedGraph}, ties by default, without confidential
 * exchanges or notes unless asked.
 *
 * @example
 * ```ts
 * import Graph from "graphology";
 * const graph = Graph.from(JSON.parse(exportGraphologyJson(network)));
 * ```
 */
export function exportGraphologyJson(network: Network, options: GraphologyJsonExportOptions = {}): string {
  const serialised = exportedGraph(network, options).export();
  return JSON.stringify(serialised, null, (options.pretty ?? DEFAULT_GRAPHOLOGY_JSON_EXPORT_OPTIONS.pretty) ? 2 : undefined);
}
