/**
 * GraphML export (graphml.graphdrawing.org), readable by Gephi, yEd,
 * Cytoscape, NetworkX and igraph. graphology-graphml only parses, so the
 * writer is here: typed `<key>` declarations, then nodes and edges.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import type { Network } from "@tiegraph/core";
import { exportedGraph, type GraphExportOptions } from "./export-graph.js";
import { xmlEscape } from "./xml-text.js";

/** Options of {@link exportGraphml}. */
export type GraphmlExportOptions = GraphExportOptions;

/** Defaults of {@link exportGraphml}. */
export const DEFAULT_GRAPHML_EXPORT_OPTIONS: Readonly<GraphmlExportOptions> = {};

type Value = string | number | boolean;
type KeyType = "boolean" | "int" | "double" | "string";

/**
 * The network as a GraphML document: the graph of {@link exportedGraph}
 * (ties by default; `edgedefault` directed, undirected for relationships),
 * every attribute declared with its type (boolean, int, double or string; a
 * key whose values mix types is a string). Confidential exchanges and notes
 * are left out unless asked.
 *
 * @example
 * ```ts
 * writeFileSync("network.graphml", exportGraphml(network, { graph: "relationships" }));
 * // networkx.read_graphml("network.graphml")
 * ```
 */
export function exportGraphml(network: Network, options: GraphmlExportOptions = {}): string {
  const graph = exportedGraph(network, options);
  const nodeKeys = declare(graph, "node");
  const edgeKeys = declare(graph, "edge");
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, k] of nodeKeys) out.push(`  <key id="${k.id}" for="node" attr.name="${xmlEscape(name)}" attr.type="${k.type}"/>`);
  for (const [name, k] of edgeKeys) out.push(`  <key id="${k.id}" for="edge" attr.name="${xmlEscape(name)}" attr.type="${k.type}"/>`);
  out.push(`  <graph id="G" edgedefault="${graph.type === "undirected" ? "undirected" : "directed"}">`);
  graph.forEachNode((node, attrs) => out.push(`    <node id="${xmlEscape(node)}">${data(attrs, nodeKeys)}</node>`));
  graph.forEachEdge((edge, attrs, source, target) => out.push(`    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">${data(attrs, edgeKeys)}</edge>`));
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}

/** One key per attribute name, typed by the values it takes. */
function declare(graph: Graph<Record<string, Value>, Record<string, Value>>, what: "node" | "edge"): Map<string, { id: string; type: KeyType }> {
  const types = new Map<string, KeyType>();
  const see = (attrs: Record<string, Value>): void => {
    for (const [k, v] of Object.entries(attrs)) types.set(k, widen(types.get(k), v));
  };
  if (what === "node") graph.forEachNode((_n, a) => see(a));
  else graph.forEachEdge((_e, a) => see(a));
  const keys = new Map<string, { id: string; type: KeyType }>();
  for (const [name, type] of types) keys.set(name, { id: `${what === "node" ? "n" : "e"}${keys.size}`, type });
  return keys;
}

function widen(known: KeyType | undefined, v: Value): KeyType {
  const t: KeyType = typeof v === "boolean" ? "boolean" : typeof v === "number" ? (Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? "int" : "double") : "string";
  if (known === undefined || known === t) return t;
  if ((known === "int" && t === "double") || (known === "double" && t === "int")) return "double";
  return "string";
}

function data(attrs: Record<string, Value>, keys: Map<string, { id: string; type: KeyType }>): string {
  let s = "";
  for (const [k, v] of Object.entries(attrs)) s += `<data key="${keys.get(k)!.id}">${xmlEscape(String(v))}</data>`;
  return s;
}
