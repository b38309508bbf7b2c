/**
 * graphology graphs built from a network, for users who want to hand them to
 * graphology-metrics, graphology-layout or sigma. Notes never go on a graph;
 * confidential exchanges carry `confidential: true` and can be left out.
 * Any person id is a safe node key (see {@link prototypeSafe}).
 */
import { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from "graphology";
import type Graph from "graphology";
import { formatDay } from "../model/dates.js";
import type { Network } from "../model/network.js";
import { EXCHANGE_KINDS } from "../model/types.js";
import { directedTies, relationships, type TieIndexOptions } from "./tie-index.js";
import { defaultAsOf } from "./visible-exchanges.js";
import { prototypeSafe } from "./prototype-safe.js";

/** Node attributes on every graph built from a network. */
export interface PersonNodeAttributes {
  label: string;
  /** Organisations the person belongs to on the reference day. */
  organisations: string[];
  ego: boolean;
  tags: string[];
}

/** Edge attributes of the exchange multigraph. */
export interface ExchangeEdgeAttributes {
  kind: string;
  date: string;
  value: number;
  minutes?: number;
  confidential: boolean;
}

/** Edge attributes of the directed tie graph (one edge per ordered pair). */
export interface TieEdgeAttributes {
  /** Directed strength in (0, 1]; also exposed as `weight` for graphology-metrics. */
  strength: number;
  weight: number;
  /** Raw value given source → target (giving kinds only). */
  value: number;
  count: number;
  givingCount: number;
  firstDate: string;
  lastDate: string;
}

/** Edge attributes of the undirected relationship graph. */
export interface RelationshipEdgeAttributes {
  strength: number;
  weight: number;
  count: number;
  lastDate: string;
  confidentialOnly: boolean;
}

function addPeople(network: Network, graph: Graph, asOf: number): void {
  const ego = network.egoIndex;
  network.people().forEach((p, i) => {
    graph.addNode(p.id, {
      label: p.name,
      organisations: network.organisationIndicesOn(i, asOf).map((o) => network.organisationAt(o).id),
      ego: i === ego,
      tags: p.tags ? [...p.tags] : [],
    } satisfies PersonNodeAttributes);
  });
}

/**
 * The exchange multigraph: one directed edge per exchange (key = exchange id),
 * giver → receiver. Notes are never copied. Use it to inspect exchanges; run
 * centralities on {@link tieGraph} instead (graphology-metrics miscounts
 * parallel edges).
 *
 * @example const g = exchangeGraph(network); g.size === network.exchangeCount;
 */
export function exchangeGraph(network: Network, options: { excludeConfidential?: boolean } = {}): MultiDirectedGraph<PersonNodeAttributes, ExchangeEdgeAttributes> {
  const g = prototypeSafe(new MultiDirectedGraph<PersonNodeAttributes, ExchangeEdgeAttributes>());
  addPeople(network, g as unknown as Graph, defaultAsOf(network, options));
  const c = network.exchangeColumns();
  const people = network.people();
  for (let e = 0; e < c.count; e++) {
    if (options.excludeConfidential && c.confidential[e]) continue;
    const attrs: ExchangeEdgeAttributes = { kind: EXCHANGE_KINDS[c.kind[e]!]!, date: formatDay(c.day[e]!), value: c.value[e]!, confidential: c.confidential[e] === 1 };
    if (!Number.isNaN(c.minutes[e]!)) attrs.minutes = c.minutes[e]!;
    g.addDirectedEdgeWithKey(network.exchangeId(e), people[c.from[e]!]!.id, people[c.to[e]!]!.id, attrs);
  }
  return g;
}

/**
 * The collapsed directed tie graph: one edge per ordered pair with at least
 * one exchange, carrying summed value, exchange count, first/last date and the
 * recency-decayed strength (see {@link strengthFromSum}). Built from
 * {@link directedTies} in O(E + N).
 *
 * @example
 * ```ts
 * import betweenness from "graphology-metrics/centrality/betweenness.js";
 * const g = tieGraph(network);
 * const bc = betweenness(g);
 * ```
 */
export function tieGraph(network: Network, options: TieIndexOptions = {}): DirectedGraph<PersonNodeAttributes, TieEdgeAttributes> {
  const ties = directedTies(network, options);
  const g = prototypeSafe(new DirectedGraph<PersonNodeAttributes, TieEdgeAttributes>());
  addPeople(network, g as unknown as Graph, ties.asOf);
  const people = network.people();
  for (let p = 0; p < ties.pairCount; p++) {
    g.addDirectedEdge(people[ties.source[p]!]!.id, people[ties.target[p]!]!.id, {
      strength: ties.strength[p]!,
      weight: ties.strength[p]!,
      value: ties.givenValue[p]!,
      count: ties.count[p]!,
      givingCount: ties.givingCount[p]!,
      firstDate: formatDay(ties.firstDay[p]!),
      lastDate: formatDay(ties.lastDay[p]!),
    });
  }
  return g;
}

/**
 * The undirected relationship graph: one edge per unordered pair with the
 * pair's combined strength (what introduction paths walk on).
 *
 * @example relationshipGraph(network).getEdgeAttribute("ann", "bob", "strength")
 */
export function relationshipGraph(network: Network, options: TieIndexOptions = {}): UndirectedGraph<PersonNodeAttributes, RelationshipEdgeAttributes> {
  const rel = relationships(network, options);
  const g = prototypeSafe(new UndirectedGraph<PersonNodeAttributes, RelationshipEdgeAttributes>());
  addPeople(network, g as unknown as Graph, rel.asOf);
  const people = network.people();
  for (let k = 0; k < rel.pairCount; k++) {
    g.addUndirectedEdge(people[rel.a[k]!]!.id, people[rel.b[k]!]!.id, {
      strength: rel.strength[k]!,
      weight: rel.strength[k]!,
      count: rel.count[k]!,
      lastDate: formatDay(rel.lastDay[k]!),
      confidentialOnly: rel.confidentialOnly[k] === 1,
    });
  }
  return g;
}
