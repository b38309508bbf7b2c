/**
 * The nodes and edges of an exported graph, by index: ties (one directed edge
 * per ordered pair, the default), relationships (one undirected edge per
 * pair) or exchanges (one edge per exchange), with flat attributes every file
 * format can hold, and confidential content only when asked. Read straight
 * from the network and core's tie index, so a writer can stream a graph of a
 * million edges without a graphology graph or the whole document in memory;
 * {@link exportedGraph} builds the graphology graph from the same elements.
 */
import { directedTies, relationships, type Network } from "@tiegraph/core";
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
  const people = network.people();
  const id = (i: number): string => people[i]!.id;
  const nodes = { nodeCount: people.length, nodeKey: id, nodeAttributes: (i: number) => personAttributes(network, i, d) };
  const day = dayText();
  if (kind === "ties") {
    const t = directedTies(network, tieOptions(options, d.includeConfidential));
    const edgeAttributes = (p: number): ExportedAttributes => ({
      weight: t.strength[p]!,
      strength: t.strength[p]!,
      value: t.givenValue[p]!,
      count: t.count[p]!,
      givingCount: t.givingCount[p]!,
      firstDate: day(t.firstDay[p]!),
      lastDate: day(t.lastDay[p]!),
    });
    return {
      kind,
      type: "directed",
      multi: false,
      ...nodes,
      edgeCount: t.pairCount,
      edge: (p) => ({ key: `t${p}`, source: id(t.source[p]!), target: id(t.target[p]!), attributes: edgeAttributes(p) }),
      edgeAttributes,
    };
  }
  if (kind === "relationships") {
    const r = relationships(network, tieOptions(options, d.includeConfidential));
    const edgeAttributes = (k: number): ExportedAttributes => ({ weight: r.strength[k]!, strength: r.strength[k]!, count: r.count[k]!, lastDate: day(r.lastDay[k]!) });
    return {
      kind,
      type: "undirected",
      multi: false,
      ...nodes,
      edgeCount: r.pairCount,
      edge: (k) => ({ key: `r${k}`, source: id(r.a[k]!), target: id(r.b[k]!), attributes: edgeAttributes(k) }),
      edgeAttributes,
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
