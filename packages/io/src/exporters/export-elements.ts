/**
 * The nodes and edges of an exported graph, by index: ties (one directed edge
 * per ordered pair, the default), relationships (one undirected edge per
 * pair) or exchanges (one edge per exchange), with flat attributes every file
 * format can hold, and confidential content only when asked. Read straight
 * from the network and core's tie index, so a writer can stream a graph of a
 * million edges without a graphology graph or the whole document in memory;
 * {@link exportedGraph} builds the graphology graph from the same elements.
 */
import { directedTies, relationships, type DirectedTies, type Network } from "@tiegraph/core";
import { disclosure, personAttributes, type DisclosureOptions } from "./disclosure.js";
import { dayText, tieOptions } from "./tie-options.js";

/** Which graph an export writes. */
export type ExportedGraphKind = "ties" | "relationships" | "exchanges";

/** Options of the graph exporters. */
export interface GraphExportOptions extends DisclosureOptions {
  /** Which graph (default `"ties"`). */
  graph?: ExportedGraphKind;
  /** Reference date of tie strength (default: the last exchange's date). */
  asOf?: string;
}

/** Defaults of the graph exporters. */
export const DEFAULT_GRAPH_EXPORT_OPTIONS: Readonly<{ graph: ExportedGraphKind }> = { graph: "ties" };

/** Flat attributes of a node or an edge (what GEXF, GraphML and JSON can all hold). */
export type ExportedAttributes = Record<string, string | number | boolean>;

/** One edge of an exported graph. */
export interface ExportedEdge {
  /** Edge key: `t<n>` (ties), `r<n>` (relationships) or the exchange's id. */
  key: string;
  /** Source person id. */
  source: string;
  /** Target person id. */
  target: string;
  attributes: ExportedAttributes;
}

/**
 * The edges of a tie or relationship graph as the typed columns they are
 * read from, for writers that format a million edges without an object per
 * edge: edge k is `{ key: keyPrefix + k, source: nodeKey(source[k]), target:
 * nodeKey(target[k]) }` with the attributes in this order, each a number
 * from its column or a date (YYYY-MM-DD) from a day column. `edge(k)` and
 * `edgeAttributes(k)` are made from the same columns, so both views agree.
 */
export interface EdgeColumns {
  /** `t` (ties) or `r` (relationships). */
  readonly keyPrefix: string;
  /** Source and target node of each edge (indices of {@link ExportedElements.nodeKey}). */
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** The attributes in order: a number column, or a day column written as dates. */
  readonly attributes: readonly ({ readonly name: string; readonly numbers: ArrayLike<number> } | { readonly name: string; readonly days: Int32Array })[];
}

/** The nodes and edges of an exported graph, read by index (see {@link exportedElements}). */
export interface ExportedElements {
  /** Which graph these are. */
  readonly kind: ExportedGraphKind;
  /** `"undirected"` for relationships, `"directed"` otherwise. */
  readonly type: "directed" | "undirected";
  /** Whether two edges may join the same pair (exchanges). */
  readonly multi: boolean;
  /** Number of nodes (every person). */
  readonly nodeCount: number;
  /** Node i's key: the id of the person at index i. */
  nodeKey(i: number): string;
  /** Node i's attributes (a new object each call). */
  nodeAttributes(i: number): ExportedAttributes;
  /** Number of edges. */
  readonly edgeCount: number;
  /** Edge k (a new object each call). */
  edge(k: number): ExportedEdge;
  /** Edge k's attributes alone (a new object each call; what `edge(k).attributes` holds). */
  edgeAttributes(k: number): ExportedAttributes;
  /** The edges as columns (ties and relationships; absent for exchanges). */
  readonly edgeColumns?: EdgeColumns;
}

/**
 * The graph an export writes, as elements read by index. Nodes are people
 * (key: person id) and carry `label`, `ego`, `organisation` (current),
 * `tags`, the person's attributes, and `notes` only with `includeNotes`. Tie
 * edges carry `weight` (= strength), `strength`, `value`, `count`,
 * `givingCount`, `firstDate`, `lastDate`; relationship edges `weight`,
 * `strength`, `count`, `lastDate`; exchange edges `kind`, `date`, `value`,
 * `minutes`, `format`, `tags`, `introduced`, `confidential` (only with
 * `includeConfidential`) and `note` (only with `includeNotes`). Without
 * `includeConfidential`, confidential exchanges are left out before ties are
 * summed, so nothing said in confidence shows even as weight. Ties are
 * computed once, here; each `edge(k)` call builds only that edge.
 *
 * @example
 * ```ts
 * const el = exportedElements(network, { graph: "relationships" });
 * for (let k = 0; k < el.edgeCount; k++) console.log(el.edge(k).attributes.strength);
 * ```
 */
export function exportedElements(network: Network, options: GraphExportOptions = {}): ExportedElements {
  const d = disclosure(options);
  const kind = options.graph ?? DEFAULT_GRAPH_EXPORT_OPTIONS.graph;
  // ids and names alone are read for every person (see personAttributes)
  const ids = network.personIds();
  const id = (i: number): string => ids[i]!;
  const nodes = { nodeCount: ids.length, nodeKey: id, nodeAttributes: (i: number) => personAttributes(network, i, d) };
  const day = dayText();
  if (kind === "ties" || kind === "relationships") {
    const columns = kind === "ties" ? tieColumns(network, options, d.includeConfidential) : relationshipColumns(network, options, d.includeConfidential);
    const { keyPrefix, source, target, attributes } = columns;
    const edgeAttributes = (k: number): ExportedAttributes => {
      const out: ExportedAttributes = {};
      for (const a of attributes) out[a.name] = "numbers" in a ? a.numbers[k]! : day(a.days[k]!);
      return out;
    };
    return {
      kind,
      type: kind === "ties" ? "directed" : "undirected",
      multi: false,
      ...nodes,
      edgeCount: source.length,
      edge: (k) => ({ key: `${keyPrefix}${k}`, source: id(source[k]!), target: id(target[k]!), attributes: edgeAttributes(k) }),
      edgeAttributes,
      edgeColumns: columns,
    };
  }
  const { count: n, value } = network.exchangeColumns();
  let kept = n;
  if (!d.includeConfidential) for (let i = 0; i < n; i++) if (network.isConfidential(i)) kept--;
  const rows = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (d.includeConfidential || !network.isConfidential(i)) rows[k++] = i;
  const exchangeEdge = (k: number): ExportedEdge => {
    const i = rows[k]!;
    const e = network.exchangeAt(i);
    const attributes: ExportedAttributes = { kind: e.kind, date: e.date, value: value[i]! };
    if (e.minutes !== undefined) attributes.minutes = e.minutes;
    if (e.format !== undefined) attributes.format = e.format;
    if (e.tags?.length) attributes.tags = e.tags.join("; ");
    if (e.introduced !== undefined) attributes.introduced = e.introduced;
    if (d.includeConfidential) attributes.confidential = e.confidential === true;
    if (d.includeNotes && e.note !== undefined) attributes.note = e.note;
    return { key: e.id, source: e.from, target: e.to, attributes };
  };
  return { kind, type: "directed", multi: true, ...nodes, edgeCount: kept, edge: exchangeEdge, edgeAttributes: (k) => exchangeEdge(k).attributes };
}

/** Tie edges: `weight` (= strength), `strength`, `value`, `count`, `givingCount`, `firstDate`, `lastDate`. */
function tieColumns(network: Network, options: GraphExportOptions, includeConfidential: boolean): EdgeColumns {
  return tieEdgeColumns(directedTies(network, tieOptions(options, includeConfidential)));
}

/** The columns of a directed tie index a tie edge is written from (core's `DirectedTies` has them). */
export type TieEdgeSource = Pick<DirectedTies, "source" | "target" | "strength" | "givenValue" | "count" | "givingCount" | "firstDay" | "lastDay">;

/**
 * The edge columns of the ties graph, read from a directed tie index's
 * columns (or a range of them, copied): `weight` (= strength), `strength`,
 * `value` (given value), `count`, `givingCount`, `firstDate`, `lastDate`.
 *
 * @example
 * ```ts
 * tieEdgeColumns(directedTies(network)).attributes.map((a) => a.name); // ["weight", "strength", "value", "count", "givingCount", "firstDate", "lastDate"]
 * ```
 */
export function tieEdgeColumns(t: TieEdgeSource): EdgeColumns {
  return {
    keyPrefix: "t",
    source: t.source,
    target: t.target,
    attributes: [
      { name: "weight", numbers: t.strength },
      { name: "strength", numbers: t.strength },
      { name: "value", numbers: t.givenValue },
      { name: "count", numbers: t.count },
      { name: "givingCount", numbers: t.givingCount },
      { name: "firstDate", days: t.firstDay },
      { name: "lastDate", days: t.lastDay },
    ],
  };
}

/** Relationship edges: `weight` (= strength), `strength`, `count`, `lastDate`. */
function relationshipColumns(network: Network, options: GraphExportOptions, includeConfidential: boolean): EdgeColumns {
  const r = relationships(network, tieOptions(options, includeConfidential));
  return {
    keyPrefix: "r",
    source: r.a,
    target: r.b,
    attributes: [
      { name: "weight", numbers: r.strength },
      { name: "strength", numbers: r.strength },
      { name: "count", numbers: r.count },
      { name: "lastDate", days: r.lastDay },
    ],
  };
}
