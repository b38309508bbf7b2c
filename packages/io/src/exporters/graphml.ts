/**
 * GraphML export (graphml.graphdrawing.org), readable by Gephi, yEd,
 * Cytoscape, NetworkX and igraph. graphology-graphml only parses, so the
 * writer is here: typed `<key>` declarations, then nodes and edges, streamed
 * from {@link exportedElements} a chunk at a time.
 */
import type { Network } from "@tiegraph/core";
import { exportedElements, type ExportedAttributes, type ExportedElements, type GraphExportOptions } from "./export-elements.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
import { xmlEscape } from "./xml-text.js";

/** Options of {@link exportGraphml}. */
export type GraphmlExportOptions = GraphExportOptions;

/** Defaults of {@link exportGraphml}. */
export const DEFAULT_GRAPHML_EXPORT_OPTIONS: Readonly<GraphmlExportOptions> = {};

type Value = string | number | boolean;
type KeyType = "boolean" | "int" | "double" | "string";
/** Attribute name → its key id and type, in order of first appearance. */
type Keys = Map<string, { id: string; type: KeyType }>;

/**
 * The network as a GraphML document: the graph of {@link exportedElements}
 * (ties by default; `edgedefault` directed, undirected for relationships),
 * every attribute declared with its type (boolean, int, double or string; a
 * key whose values mix types is a string). Confidential exchanges and notes
 * are left out unless asked. The whole document as one string: for a large
 * network write {@link exportGraphmlChunks} instead.
 *
 * @example
 * ```ts
 * writeFileSync("network.graphml", exportGraphml(network, { graph: "relationships" }));
 * // networkx.read_graphml("network.graphml")
 * ```
 */
export function exportGraphml(network: Network, options: GraphmlExportOptions = {}): string {
  return joinChunks(exportGraphmlChunks(network, options));
}

/**
 * The document of {@link exportGraphml} in chunks of about 64 Ki characters,
 * cut after whole lines; concatenated they are exactly `exportGraphml(network,
 * options)`. Reads the elements twice (once to type the keys, once to write).
 *
 * @example
 * ```ts
 * await saveNetworkFileAtomic("network.graphml", exportGraphmlChunks(network), { backup: false });
 * ```
 */
export function exportGraphmlChunks(network: Network, options: GraphmlExportOptions = {}): Generator<string> {
  return graphmlChunks(exportedElements(network, options));
}

function* graphmlChunks(el: ExportedElements): Generator<string> {
  const nodeKeys = declare("n", el.nodeCount, (i) => el.nodeAttributes(i));
  const edgeKeys = declare("e", el.edgeCount, el.edgeAttributes);
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [name, k] of nodeKeys) out += `  <key id="${k.id}" for="node" attr.name="${xmlEscape(name)}" attr.type="${k.type}"/>\n`;
  for (const [name, k] of edgeKeys) out += `  <key id="${k.id}" for="edge" attr.name="${xmlEscape(name)}" attr.type="${k.type}"/>\n`;
  out += `  <graph id="G" edgedefault="${el.type}">\n`;
  for (let i = 0; i < el.nodeCount; i++) {
    out += `    <node id="${xmlEscape(el.nodeKey(i))}">${data(el.nodeAttributes(i), nodeKeys)}</node>\n`;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  for (let k = 0; k < el.edgeCount; k++) {
    const e = el.edge(k);
    out += `    <edge id="${xmlEscape(e.key)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data(e.attributes, edgeKeys)}</edge>\n`;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  yield out + "  </graph>\n</graphml>\n";
}

/** One key per attribute name, typed by the values it takes, with ids `<prefix>0`, `<prefix>1`, … in order of first appearance. */
function declare(prefix: "n" | "e", n: number, attributesOf: (i: number) => ExportedAttributes): Keys {
  const types = new Map<string, KeyType>();
  for (let i = 0; i < n; i++) {
    const attrs = attributesOf(i);
    for (const k in attrs) types.set(k, widen(types.get(k), attrs[k]!));
  }
  const keys: Keys = new Map();
  for (const [name, type] of types) keys.set(name, { id: `${prefix}${keys.size}`, type });
  return keys;
}

function widen(known: KeyType | undefined, v: Value): KeyType {
  const t: KeyType = typeof v === "boolean" ? "boolean" : typeof v === "number" ? (Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? "int" : "double") : "string";
  if (known === undefined || known === t) return t;
  if ((known === "int" && t === "double") || (known === "double" && t === "int")) return "double";
  return "string";
}

function data(attrs: ExportedAttributes, keys: Keys): string {
  let s = "";
  for (const k in attrs) {
    const v = attrs[k]!;
    // a number's or a boolean's text has nothing to escape
    s += `<data key="${keys.get(k)!.id}">${typeof v === "string" ? xmlEscape(v) : String(v)}</data>`;
  }
  return s;
}
