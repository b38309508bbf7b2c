/**
 * GEXF export (Gephi's format, gexf.net), written by graphology-gexf.
 */
import writeGexf from "graphology-gexf/common/writer.js";
import type { Network } from "@tiegraph/core";
import { exportedGraph, type GraphExportOptions } from "./export-graph.js";
import { xmlChars } from "./xml-text.js";

/** Options of {@link exportGexf}. */
export interface GexfExportOptions extends GraphExportOptions {
  /** GEXF version (default "1.3"). */
  version?: "1.2" | "1.3";
}

/** Defaults of {@link exportGexf}. */
export const DEFAULT_GEXF_EXPORT_OPTIONS: Readonly<{ version: "1.2" | "1.3" }> = { version: "1.3" };

/**
 * The network as a GEXF document for Gephi: the graph of
 * {@link exportedGraph} (ties by default), node labels from names, edge
 * weights from tie strength. Confidential exchanges and notes are left out
 * unless `includeConfidential` / `includeNotes` ask for them.
 *
 * @example
 * ```ts
 * writeFileSync("network.gexf", exportGexf(network));
 * ```
 */
export function exportGexf(network: Network, options: GexfExportOptions = {}): string {
  const graph = exportedGraph(network, options);
  return writeGexf(graph, {
    version: options.version ?? DEFAULT_GEXF_EXPORT_OPTIONS.version,
    pretty: true,
    formatNode: (_key, attrs) => {
      const { label, ...rest } = attrs;
      return { label: xmlChars(String(label)), attributes: xmlValues(rest) };
    },
    formatEdge: (_key, attrs) => {
      const { weight, ...rest } = attrs;
      return typeof weight === "number" ? { weight, attributes: xmlValues(rest) } : { attributes: xmlValues(rest) };
    },
  });
}

function xmlValues(attrs: Record<string, string | number | boolean>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) out[xmlChars(k)] = typeof v === "string" ? xmlChars(v) : v;
  return out;
}
