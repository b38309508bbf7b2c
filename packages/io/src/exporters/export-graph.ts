/**
 * The graph an export writes: ties (one directed edge per ordered pair, the
 * default), relationships (one undirected edge per pair) or exchanges (one
 * edge per exchange), with flat attributes every file format can hold, and
 * confidential content only when asked.
 */
import Graph from "graphology";
// declared as graphology-types' AbstractGraph: graphology ships CommonJS with ESM-style types, so a
// default import of it in a .d.ts is a namespace (TS2709) for consumers under module NodeNext
import type { AbstractGraph } from "graphology-types";
import { directedTies, formatDay, parseDay, prototypeSafe, relationships, TiegraphError, type Network } from "@tiegraph/core";
import { disclosure, personAttributes, type DisclosureOptions } from "./disclosure.js";

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

type Attributes = Record<string, string | number | boolean>;

/**
 * Builds the graph to export. Node keys are person ids; nodes carry `label`,
 * `ego`, `organisation` (current), `tags`, the person's attributes, and
 * `notes` only with `includeNotes`. Tie edges carry `weight` (= strength),
 * `strength`, `value`, `count`, `givingCount`, `firstDate`, `lastDate`;
 * exchange edges carry `kind`, `date`, `value`, `minutes`, `format`, `tags`,
 * `introduced`, and `note` only with `includeNotes`. Without
 * `includeConfidential`, confidential exchanges are left out before ties are
 * summed, so nothing said in confidence shows even as weight.
 *
 * @example exportedGraph(network, { graph: "relationships" }).size
 */
export function exportedGraph(network: Network, options: GraphExportOptions = {}): AbstractGraph<Attributes, Attributes> {
  const d = disclosure(options);
  const kind = options.graph ?? DEFAULT_GRAPH_EXPORT_OPTIONS.graph;
  let asOf: number | undefined;
  if (options.asOf !== undefined) {
    asOf = parseDay(options.asOf);
    if (asOf === undefined) throw new TiegraphError("tiegraph/io/export", "invalid-option", `invalid asOf date ${JSON.stringify(options.asOf)}`, { expected: "a date YYYY-MM-DD" });
  }
  const tieOptions = { excludeConfidential: !d.includeConfidential, ...(asOf === undefined ? {} : { asOf }) };
  const type = kind === "relationships" ? "undirected" : "directed";
  // person ids such as "constructor" or "__proto__" are valid node keys
  const graph = prototypeSafe(new Graph<Attributes, Attributes>({ type, multi: kind === "exchanges", allowSelfLoops: false }));
  const people = network.people();
  for (let i = 0; i < people.length; i++) graph.addNode(people[i]!.id, personAttributes(network, i, d));
  if (kind === "ties") {
    const t = directedTies(network, tieOptions);
    for (let p = 0; p < t.pairCount; p++) {
      graph.addDirectedEdgeWithKey(`t${p}`, people[t.source[p]!]!.id, people[t.target[p]!]!.id, {
        weight: t.strength[p]!,
        strength: t.strength[p]!,
        value: t.givenValue[p]!,
        count: t.count[p]!,
        givingCount: t.givingCount[p]!,
        firstDate: formatDay(t.firstDay[p]!),
        lastDate: formatDay(t.lastDay[p]!),
      });
    }
  } else if (kind === "relationships") {
    const r = relationships(network, tieOptions);
    for (let k = 0; k < r.pairCount; k++) {
      graph.addUndirectedEdgeWithKey(`r${k}`, people[r.a[k]!]!.id, people[r.b[k]!]!.id, { weight: r.strength[k]!, strength: r.strength[k]!, count: r.count[k]!, lastDate: formatDay(r.lastDay[k]!) });
    }
  } else {
    const { count: n, value } = network.exchangeColumns();
    for (let i = 0; i < n; i++) {
      if (!d.includeConfidential && network.isConfidential(i)) continue;
      const e = network.exchangeAt(i);
      const attrs: Attributes = { kind: e.kind, date: e.date, value: value[i]! };
      if (e.minutes !== undefined) attrs.minutes = e.minutes;
      if (e.format !== undefined) attrs.format = e.format;
      if (e.tags?.length) attrs.tags = e.tags.join("; ");
      if (e.introduced !== undefined) attrs.introduced = e.introduced;
      if (d.includeConfidential) attrs.confidential = e.confidential === true;
      if (d.includeNotes && e.note !== undefined) attrs.note = e.note;
      graph.addDirectedEdgeWithKey(e.id, e.from, e.to, attrs);
    }
  }
  return graph;
}
