/**
 * graphology's own JSON serialisation (the `graph.export()` format), which
 * `Graph.from(json)` / `graph.import(json)` read back, in Node or in a page.
 * Streamed: the text is exactly `JSON.stringify(graph.export(), null,
 * indent)` of the exported graph, written a few thousand elements at a time
 * without building the graph.
 */
import type { Network } from "@tiegraph/core";
import { exportedElements, type EdgeColumns, type ExportedAttributes, type ExportedElements, type GraphExportOptions } from "./export-elements.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
import { dayText } from "./tie-options.js";

/** Options of {@link exportGraphologyJson}. */
export interface GraphologyJsonExportOptions extends GraphExportOptions {
  /** Indent the JSON (default false). */
  pretty?: boolean;
}

/** Defaults of {@link exportGraphologyJson}. */
export const DEFAULT_GRAPHOLOGY_JSON_EXPORT_OPTIONS: Readonly<{ pretty: boolean }> = { pretty: false };

/** Elements per JSON.stringify call: V8 stringifies a batch of records fastest as one array. */
const ELEMENTS_PER_CHUNK = 2048;

/**
 * The network as graphology JSON (`{ options, attributes, nodes, edges }`):
 * the graph of {@link exportedElements}, ties by default, without
 * confidential exchanges or notes unless asked. The whole document as one
 * string: for a large network write {@link exportGraphologyJsonChunks} instead.
 *
 * @example
 * ```ts
 * import Graph from "graphology";
 * const graph = Graph.from(JSON.parse(exportGraphologyJson(network)));
 * ```
 */
export function exportGraphologyJson(network: Network, options: GraphologyJsonExportOptions = {}): string {
  return joinChunks(exportGraphologyJsonChunks(network, options));
}

/**
 * The text of {@link exportGraphologyJson} in chunks of a few thousand
 * nodes or edges; concatenated they are exactly `exportGraphologyJson(network,
 * options)`, i.e. `JSON.stringify(exportedGraph(network, options).export(),
 * null, pretty ? 2 : undefined)`.
 *
 * @example
 * ```ts
 * for (const chunk of exportGraphologyJsonChunks(network, { pretty: true })) stream.write(chunk);
 * ```
 */
export function exportGraphologyJsonChunks(network: Network, options: GraphologyJsonExportOptions = {}): Generator<string> {
  return jsonChunks(exportedElements(network, options), (options.pretty ?? DEFAULT_GRAPHOLOGY_JSON_EXPORT_OPTIONS.pretty) ? 2 : 0);
}

function* jsonChunks(el: ExportedElements, indent: number): Generator<string> {
  const nl = indent ? "\n" : "";
  const pad = " ".repeat(indent);
  const head = JSON.stringify({ options: { type: el.type, multi: el.multi, allowSelfLoops: false }, attributes: {} }, null, indent);
  // the head without its closing brace, then the two arrays as JSON.stringify lays them out at depth 1
  let out = head.slice(0, head.length - (nl + "}").length);
  const lists: [string, number, (i: number) => object][] = [
    ["nodes", el.nodeCount, (i) => serialized({ key: el.nodeKey(i) }, el.nodeAttributes(i))],
    [
      "edges",
      el.edgeCount,
      (k) => {
        const e = el.edge(k);
        return serialized({ key: e.key, source: e.source, target: e.target }, e.attributes);
      },
    ],
  ];
  for (const [name, count, at] of lists) {
    out += `,${nl}${pad}${JSON.stringify(name)}:${indent ? " " : ""}`;
    if (count === 0) {
      out += "[]";
      continue;
    }
    out += "[";
    if (name === "edges" && el.edgeColumns) {
      out = yield* columnEdges(el, el.edgeColumns, indent, out);
      out += `${nl}${pad}]`;
      continue;
    }
    for (let start = 0; start < count; start += ELEMENTS_PER_CHUNK) {
      const batch: object[] = [];
      for (let i = start; i < Math.min(count, start + ELEMENTS_PER_CHUNK); i++) batch.push(at(i));
      // stringified as the one field of an object, the elements come out at their depth in the document
      const text = JSON.stringify({ [name]: batch }, null, indent);
      out += (start === 0 ? "" : ",") + text.slice(text.indexOf("[") + 1, text.lastIndexOf("]") - (nl + pad).length);
      yield out;
      out = "";
    }
    out += `${nl}${pad}]`;
  }
  yield `${out}${nl}}`;
}

/**
 * The edges of {@link EdgeColumns} written straight from their columns,
 * exactly as JSON.stringify lays out the objects `edge(k)` gives at depth 2
 * of the document: keys in order, a number as its shortest round-trip text
 * (`null` when not finite, as JSON has no NaN or Infinity), every person's
 * key and every date quoted once and reused. Yields full chunks, the first
 * starting with `before`; returns the text not yet yielded.
 */
function* columnEdges(el: ExportedElements, columns: EdgeColumns, indent: number, before: string): Generator<string, string> {
  const { keyPrefix, source, target, attributes } = columns;
  // the separators of JSON.stringify(value, null, indent) two, three and four levels deep (element, its fields, its attributes)
  const nl = indent ? "\n" : "";
  const at2 = nl + " ".repeat(2 * indent);
  const at3 = nl + " ".repeat(3 * indent);
  const at4 = nl + " ".repeat(4 * indent);
  const colon = indent ? ": " : ":";
  const field = (name: string, depth: string): string => `${depth}${JSON.stringify(name)}${colon}`;
  const keyField = `{${field("key", at3)}`;
  const sourceField = `,${field("source", at3)}`;
  const targetField = `,${field("target", at3)}`;
  const attributesField = `,${field("attributes", at3)}{`;
  const names = attributes.map((a, i) => (i === 0 ? "" : ",") + field(a.name, at4));
  const close = `${at3}}${at2}}`;
  const quotedKeys: (string | undefined)[] = new Array<string | undefined>(el.nodeCount);
  const node = (i: number): string => (quotedKeys[i] ??= JSON.stringify(el.nodeKey(i)));
  const day = dayText();
  const quotedDays = new Map<number, string>();
  const date = (d: number): string => {
    let text = quotedDays.get(d);
    if (text === undefined) quotedDays.set(d, (text = JSON.stringify(day(d))));
    return text;
  };
  const A = attributes.length;
  let out = before;
  for (let k = 0; k < source.length; k++) {
    out += `${k === 0 ? "" : ","}${at2}${keyField}"${keyPrefix}${k}"${sourceField}${node(source[k]!)}${targetField}${node(target[k]!)}${attributesField}`;
    for (let a = 0; a < A; a++) {
      const attribute = attributes[a]!;
      if ("numbers" in attribute) {
        const v = attribute.numbers[k]!;
        out += names[a]! + (Number.isFinite(v) ? String(v) : "null");
      } else out += names[a]! + date(attribute.days[k]!);
    }
    out += close;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  return out;
}

/** A node or edge as graphology serialises it: `attributes` only when there are some. */
function serialized(element: { key: string; source?: string; target?: string; attributes?: ExportedAttributes }, attributes: ExportedAttributes): object {
  for (const _ in attributes) {
    element.attributes = attributes;
    break;
  }
  return element;
}
