/**
 * graphology's own JSON serialisation (the `graph.export()` format), which
 * `Graph.from(json)` / `graph.import(json)` read back, in Node or in a page.
 * Streamed: the text is exactly `JSON.stringify(graph.export(), null,
 * indent)` of the exported graph, written a few thousand elements at a time
 * without building the graph.
 */
import type { Network, Person, PersonId } from "@tiegraph/core";
import { ByteOutput } from "@tiegraph/core/internal";
import { exportedElements, tieEdgeColumns, type EdgeColumns, type ExportedAttributes, type ExportedElements, type GraphExportOptions, type TieEdgeSource } from "./export-elements.js";
import { isWhole, putAscii, putWhole, TextPool } from "./text-pool.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
import { dayText } from "./tie-options.js";

/** Options of {@link exportGraphologyJson}. */
export interface GraphologyJsonExportOptions extends GraphExportOptions {
  /** Indent the JSON (default false). */
  pretty?: boolean;
}

/** Defaults of {@link exportGraphologyJson}. */
export const DEFAULT_GRAPHOLOGY_JSON_EXPORT_OPTIONS: Readonly<{ pretty: boolean }> = { pretty: false };

/**
 * Elements per JSON.stringify call: V8 stringifies a batch of records fastest
 * as one array, but a text longer than about 16 KB comes out of it as a rope
 * of pieces that is copied whole (flattened) before it can be searched or
 * encoded. 64 nodes (some 10 KB) come out in one piece; 2,048 (300 KB) were
 * flattened twice per batch: 100,000 people exported to graphology JSON took
 * 1.95 s against 2.14 s and 0.3 s less CPU at 64 (8 interleaved pairs).
 */
const ELEMENTS_PER_CHUNK = 64;

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
  // without a byte output, the document's chunks are all text (no split is marked)
  return jsonChunks(exportedElements(network, options), indentOf(options)) as Generator<string>;
}

/** The indent of JSON.stringify for these options: 2 when pretty, else 0. */
function indentOf(options: GraphologyJsonExportOptions): number {
  return (options.pretty ?? DEFAULT_GRAPHOLOGY_JSON_EXPORT_OPTIONS.pretty) ? 2 : 0;
}

/** Bytes of a chunk of {@link exportGraphologyJsonBytes} (it is handed out once it holds this many). */
const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of {@link exportGraphologyJson} (UTF-8) in chunks of about a
 * mebibyte (cut where the writer reaches the size, not only between
 * elements: they are for a file, not for a parser): concatenated, they are exactly the UTF-8
 * encoding of `exportGraphologyJson(network, options)`. The edges of ties
 * and relationships are written straight into one reused buffer (a node's
 * quoted key encoded once, a day's once, the fixed text between fields once),
 * so no string is made per edge and nothing is encoded twice on its way to
 * the file; the nodes (a few per edge) go through JSON.stringify as in the
 * text.
 *
 * Each chunk is a view of that buffer: write or copy it before asking for
 * the next one.
 *
 * @example await saveNetworkFileAtomic("graph.json", exportGraphologyJsonBytes(network, { pretty: true }), { backup: false });
 */
export function* exportGraphologyJsonBytes(network: Network, options: GraphologyJsonExportOptions & { chunkBytes?: number } = {}): Generator<Uint8Array> {
  const out = new ByteOutput(options.chunkBytes ?? CHUNK_BYTES, true);
  for (const text of jsonChunks(exportedElements(network, options), indentOf(options), out)) {
    if (text !== "") out.text(text as string);
    if (out.full) yield out.take();
  }
  yield out.take();
}

/**
 * The quoted keys of graphology JSON nodes (`JSON.stringify(person.id)`) of
 * every person (given as records or as ids), as UTF-8 one after another: person i's at `[start[i], end[i])`
 * of `bytes`. What {@link tieEdgeJsonBytes} writes edges' sources and targets from.
 *
 * @example
 * ```ts
 * const keys = graphologyJsonKeys([{ id: "ann" }, { id: 'b"1' }]);
 * new TextDecoder().decode(keys.bytes.subarray(keys.start[1], keys.end[1])); // '"b\\"1"'
 * graphologyJsonKeys(["ann", 'b"1']).bytes.length === keys.bytes.length; // true
 * ```
 */
export function graphologyJsonKeys(people: readonly Pick<Person, "id">[] | readonly PersonId[]): GraphologyJsonKeys {
  const idOf = (i: number): string => {
    const p = people[i]!;
    return typeof p === "string" ? p : p.id;
  };
  const pool = new TextPool(people.length, (i) => JSON.stringify(idOf(i)));
  for (let i = 0; i < people.length; i++) pool.ensure(i);
  return { bytes: pool.bytes, start: pool.start, end: pool.end };
}

/** Texts encoded one after another (see {@link graphologyJsonKeys}). */
export interface GraphologyJsonKeys {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * The tie edges `from` to `to − 1` of the columns `t` as they stand in
 * {@link exportGraphologyJsonBytes}' document of the ties graph with this
 * indent (UTF-8), where edge p is the document's edge `offset + p` of
 * `total`: its key is `t<offset + p>`, the first edge of the document opens
 * the list's first object, and every edge but the document's last is
 * followed by the comma and opening of the next. So ranges written apart
 * (on another thread, from a copy of the columns from `offset` on) and
 * joined in order give the document's edges exactly. In chunks of about
 * `chunkBytes`, each a view of one reused buffer unless `ownChunks`.
 *
 * @example
 * ```ts
 * const t = directedTies(network);
 * const keys = graphologyJsonKeys(network.personIds());
 * const chunks = [...tieEdgeJsonBytes(keys, t, 0, t.pairCount, { offset: 0, total: t.pairCount, indent: 0, ownChunks: true })];
 * ```
 */
export function* tieEdgeJsonBytes(keys: GraphologyJsonKeys, t: TieEdgeSource, from: number, to: number, options: { offset: number; total: number; indent: number; chunkBytes?: number; ownChunks?: boolean }): Generator<Uint8Array> {
  const out = new ByteOutput(options.chunkBytes ?? CHUNK_BYTES, options.ownChunks !== true);
  for (const _ of edgeRangeBytes(keyText(keys), tieEdgeColumns(t), options.indent, out, { from, to, offset: options.offset, total: options.total })) yield out.take();
  yield out.take();
}

/** Keys encoded already (see {@link graphologyJsonKeys}) as the edge writer reads them: nothing left to make. */
function keyText(keys: GraphologyJsonKeys): KeyText {
  const { bytes: from, start, end } = keys;
  const put = (bytes: Uint8Array, at: number, i: number): number => {
    for (let k = start[i]!, e = end[i]!; k < e; k++) bytes[at++] = from[k]!;
    return at;
  };
  return { ensure: () => undefined, put, start, end };
}

/**
 * The tie edges of a graphology JSON from `from` on, written elsewhere (on
 * another thread) from the tie index `index` with {@link tieEdgeJsonBytes}:
 * see {@link exportGraphologyJsonBytesWithTail}.
 */
export interface GraphologyJsonTail {
  /** The tie index the edges were written from: used only when it is the one the export reads. */
  readonly index: TieEdgeSource & { readonly pairCount: number };
  /** The first edge written elsewhere. */
  readonly from: number;
  /**
   * Starts the writing (given the people's quoted keys and the indent) and
   * gives its chunks, or undefined when it failed: the edges are then written here.
   */
  edges(keys: GraphologyJsonKeys, indent: number): Promise<readonly Uint8Array[] | undefined>;
}

/**
 * {@link exportGraphologyJsonBytes} of the ties graph with the edges from
 * `tail.from` on written elsewhere while the nodes and the first edges are
 * written here, then joined in order: the same bytes. The tail is used only
 * when the export is of the ties graph and its index is the very tie index
 * the export reads (the network's own, as adopted from the thread that built
 * it); otherwise, or when the tail fails, every edge is written here.
 *
 * @example await saveNetworkFileAtomic("graph.json", exportGraphologyJsonBytesWithTail(network, {}, tail), { backup: false });
 */
export async function* exportGraphologyJsonBytesWithTail(network: Network, options: GraphologyJsonExportOptions & { chunkBytes?: number }, tail: GraphologyJsonTail | undefined): AsyncGenerator<Uint8Array> {
  const el = exportedElements(network, options);
  const indent = indentOf(options);
  const out = new ByteOutput(options.chunkBytes ?? CHUNK_BYTES, true);
  const columns = el.edgeColumns;
  const fits = tail !== undefined && el.kind === "ties" && columns !== undefined && columns.source === tail.index.source && tail.index.pairCount === el.edgeCount && tail.from > 0 && tail.from < el.edgeCount;
  let rest: Promise<readonly Uint8Array[] | undefined> | undefined;
  let split: { at: number; keys: KeyText } | undefined;
  if (fits) {
    // the other thread starts on its edges before the nodes are written; this one writes its edges from the same keys
    const keys = graphologyJsonKeys(network.personIds());
    rest = tail.edges(keys, indent);
    split = { at: tail.from, keys: keyText(keys) };
  }
  const chunks = jsonChunks(el, indent, out, split);
  for (let next = chunks.next(); !next.done; ) {
    if (next.value === SPLIT) {
      yield out.take();
      const written = await rest!;
      if (written !== undefined) yield* written;
      next = chunks.next(written !== undefined);
      continue;
    }
    if (next.value !== "") out.text(next.value);
    if (out.full) yield out.take();
    next = chunks.next();
  }
  yield out.take();
}

/** What {@link jsonChunks} yields where the edges from its `split` on go: answered with whether they were written elsewhere. */
const SPLIT = Symbol("split");

/**
 * The document's text in chunks; with `bytes`, the column edges are written
 * into it instead (an empty string is yielded whenever it is full), and with
 * `split` too, from the split's keys, and those from edge `split.at` on are
 * not: {@link SPLIT} is yielded there, and they are written only when the
 * answer is not `true`.
 */
function* jsonChunks(el: ExportedElements, indent: number, bytes?: ByteOutput, split?: { at: number; keys: KeyText }): Generator<string | typeof SPLIT, void, boolean | undefined> {
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
      if (bytes === undefined) out = yield* columnEdges(el, el.edgeColumns, indent, out);
      else {
        // each node's key as JSON text, encoded the first time it is in an edge (or all at once for a split)
        const keys = split?.keys ?? new TextPool(el.nodeCount, (i) => JSON.stringify(el.nodeKey(i)));
        const range = { from: 0, to: count, offset: 0, total: count };
        const cut = split !== undefined && split.at > 0 && split.at < count ? split.at : count;
        bytes.text(out);
        out = "";
        for (const _ of edgeRangeBytes(keys, el.edgeColumns, indent, bytes, { ...range, to: cut })) yield "";
        if (cut < count && (yield SPLIT) !== true) for (const _ of edgeRangeBytes(keys, el.edgeColumns, indent, bytes, { ...range, from: cut })) yield "";
      }
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
  const { at2, keyField, sourceField, targetField, attributesField, names, close } = edgeText(columns, indent);
  const quotedKeys: (string | undefined)[] = new Array<string | undefined>(el.nodeCount);
  const node = (i: number): string => (quotedKeys[i] ??= JSON.stringify(el.nodeKey(i)));
  const date = dayText(JSON.stringify);
  const A = attributes.length;
  let out = before;
  for (let k = 0; k < source.length; k++) {
    out += `${k === 0 ? "" : ","}${at2}${keyField}"${keyPrefix}${k}"${sourceField}${node(source[k]!)}${targetField}${node(target[k]!)}${attributesField}`;
    // an edge's weight is its strength: a number equal to the one before it is written from the same text
    let last = NaN;
    let lastText = "null";
    for (let a = 0; a < A; a++) {
      const attribute = attributes[a]!;
      if ("numbers" in attribute) {
        const v = attribute.numbers[k]!;
        if (v !== last) {
          last = v;
          lastText = Number.isFinite(v) ? String(v) : "null";
        }
        out += names[a]! + lastText;
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

/** Each node's key as JSON text, encoded (see {@link TextPool}). */
interface KeyText {
  /** Makes node i's bytes, unless made already. */
  ensure(i: number): void;
  /** Copies node i's bytes into `bytes` at `at`, which has room; returns the position after them. */
  put(bytes: Uint8Array, at: number, i: number): number;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * The edges `from` to `to − 1` of {@link columnEdges} written as UTF-8 into
 * `out`, edge p being the document's edge `offset + p` of `total` (see
 * {@link tieEdgeJsonBytes}): the same bytes, with the fixed text between
 * fields encoded once, each node's quoted key once (`keys`), each day's
 * once, and the edge numbers written digit by digit. Yields whenever `out`
 * is full (its caller takes the chunk).
 */
function* edgeRangeBytes(keys: KeyText, columns: EdgeColumns, indent: number, out: ByteOutput, range: { from: number; to: number; offset: number; total: number }): Generator<void> {
  const { source, target, attributes } = columns;
  const text = edgeText(columns, indent);
  const utf8 = (piece: string): Uint8Array => new TextEncoder().encode(piece);
  // the fixed text of the first edge before its number: `{"key": "t` (at its depth); later edges are opened by closeOpen
  const opening = utf8(`${text.at2}${text.keyField}"${columns.keyPrefix}`);
  // the number's closing quote goes with the source's field
  const sourceField = utf8(`"${text.sourceField}`);
  const targetField = utf8(text.targetField);
  const attributesField = utf8(text.attributesField);
  const names = text.names.map(utf8);
  const close = utf8(text.close);
  const closeOpen = utf8(`${text.close},${text.at2}${text.keyField}"${columns.keyPrefix}`);
  const date = dayText(JSON.stringify);
  const A = attributes.length;
  // the most an edge's number (10 digits), numbers and dates (25 characters each) take, with the fixed text
  let fixed = closeOpen.length + 10 + sourceField.length + targetField.length + attributesField.length + close.length;
  for (const name of names) fixed += name.length + 25;
  let bytes = out.bytes;
  let n = out.length;
  // a block copy for the longer pieces (indented, they are 20 to 40 bytes), a loop for the short ones
  const put = (piece: Uint8Array): void => {
    if (piece.length >= 16) {
      bytes.set(piece, n);
      n += piece.length;
    } else for (let j = 0; j < piece.length; j++) bytes[n++] = piece[j]!;
  };
  const ascii = (text: string): void => {
    n = putAscii(bytes, n, text);
  };
  const key = (i: number): void => {
    n = keys.put(bytes, n, i);
  };
  for (let p = range.from; p < range.to; p++) {
    // the edge's number in the document
    const k = range.offset + p;
    const s = source[p]!;
    const t = target[p]!;
    keys.ensure(s);
    keys.ensure(t);
    const most = fixed + keys.end[s]! - keys.start[s]! + keys.end[t]! - keys.start[t]!;
    if (n + most > bytes.length) {
      out.length = n;
      out.reserve(most);
      bytes = out.bytes;
    }
    if (k === 0) put(opening);
    n = putWhole(bytes, n, k);
    put(sourceField);
    key(s);
    put(targetField);
    key(t);
    put(attributesField);
    // an edge's weight is its strength: a number equal to the one before it is copied from that one's bytes
    let last = NaN;
    let lastStart = 0;
    let lastEnd = 0;
    for (let a = 0; a < A; a++) {
      const attribute = attributes[a]!;
      put(names[a]!);
      if ("numbers" in attribute) {
        const v = attribute.numbers[p]!;
        if (v === last) {
          for (let j = lastStart; j < lastEnd; j++) bytes[n++] = bytes[j]!;
          continue;
        }
        last = v;
        lastStart = n;
        // a whole number digit by digit (value and the counts mostly are), any other as its own text
        if (isWhole(v)) n = putWhole(bytes, n, v);
        else ascii(Number.isFinite(v) ? String(v) : "null");
        lastEnd = n;
      } else ascii(date(attribute.days[p]!));
    }
    // the close of this edge, with the opening of the next when there is one
    put(k + 1 < range.total ? closeOpen : close);
    if (n >= out.chunkBytes) {
      out.length = n;
      yield;
      bytes = out.bytes;
      n = out.length;
    }
  }
  out.length = n;
}

/**
 * The fixed text of a column edge as JSON.stringify(value, null, indent)
 * lays it out two, three and four levels deep (element, its fields, its
 * attributes): what comes before each field's value, and the close.
 */
function edgeText(columns: EdgeColumns, indent: number): { at2: string; keyField: string; sourceField: string; targetField: string; attributesField: string; names: string[]; close: string } {
  const nl = indent ? "\n" : "";
  const at2 = nl + " ".repeat(2 * indent);
  const at3 = nl + " ".repeat(3 * indent);
  const at4 = nl + " ".repeat(4 * indent);
  const colon = indent ? ": " : ":";
  const field = (name: string, depth: string): string => `${depth}${JSON.stringify(name)}${colon}`;
  return {
    at2,
    keyField: `{${field("key", at3)}`,
    sourceField: `,${field("source", at3)}`,
    targetField: `,${field("target", at3)}`,
    attributesField: `,${field("attributes", at3)}{`,
    names: columns.attributes.map((a, i) => (i === 0 ? "" : ",") + field(a.name, at4)),
    close: `${at3}}${at2}}`,
  };
}

/** A node or edge as graphology serialises it: `attributes` only when there are some. */
function serialized(element: { key: string; source?: string; target?: string; attributes?: ExportedAttributes }, attributes: ExportedAttributes): object {
  for (const _ in attributes) {
    element.attributes = attributes;
    break;
  }
  return element;
}
