/**
 * The analysis the worker computes once per loaded network with
 * @tiegraph/core's measures (and @tiegraph/viz's analyseForView, which runs
 * core's measures the view encodes), so the page only draws and looks values
 * up. Plain data and typed arrays, so it crosses to the page by structured
 * clone. Everything here feeds pictures or overview panels, so confidential
 * exchanges are left out of all of it.
 */
import { eiIndex, eiTrend, externalShare, formatDay, reciprocityLedger, relationshipGraph, relationships, type EITrendPoint, type ExternalShare, type Network, type ReciprocityLedger } from "@tiegraph/core";
import type { SerializedGraph } from "./protocol.js";
import { analyseForView, type ViewAnalysis } from "@tiegraph/viz";

/** What the page shows that is costly to compute. */
export interface NetworkAnalysis {
  /** Reference day of every figure (YYYY-MM-DD), the network's last exchange; "" without exchanges. */
  asOf: string;
  /** The measures the view encodes: reciprocity imbalance per relationship, cadence tiers. */
  view: ViewAnalysis;
  /** E-I index per person index (NaN: no ties), by organisation. */
  eiIndex: Float64Array;
  /** Betweenness per person index, when computed. */
  betweenness: Float64Array | undefined;
  /** Ego's reciprocity ledger; undefined without an ego. */
  ledger: ReciprocityLedger | undefined;
  /** Ego's internal/external mix; undefined without an ego. */
  mix: EgoMix | undefined;
}

/** An organisation ego has contacts in, on the reference day. */
export interface ReachedOrganisation {
  id: string;
  name: string;
  /** Ego's contacts affiliated with it. */
  contacts: number;
  /** Whether ego is affiliated with it too (internal). */
  own: boolean;
}

/** Ego's internal/external mix: the E-I index now, per quarter, the external share against the target. */
export interface EgoMix {
  /** Ego's E-I index over the whole history (null: no ties). */
  eiIndex: number | null;
  /** Ego's E-I index per quarter. */
  trend: EITrendPoint[];
  share: ExternalShare;
  /** Organisations of ego's contacts on the reference day, most contacts first. */
  reached: ReachedOrganisation[];
  /** Contacts without an organisation on the reference day. */
  unaffiliated: number;
}

/** Computes the analysis of a network. */
export function analyseNetwork(network: Network): NetworkAnalysis {
  const range = network.dayRange();
  const ei = eiIndex(network, { excludeConfidential: true });
  const eiByPerson = new Float64Array(network.personCount);
  network.people().forEach((p, i) => (eiByPerson[i] = ei.byPerson[p.id] ?? NaN));
  return {
    asOf: range ? formatDay(range.last) : "",
    view: analyseForView(network),
    eiIndex: eiByPerson,
    betweenness: undefined,
    ledger: network.ego !== undefined ? reciprocityLedger(network, { excludeConfidential: true }) : undefined,
    mix: network.ego !== undefined ? egoMix(network, ei.byPerson[network.ego] ?? null) : undefined,
  };
}

function egoMix(network: Network, ei: number | null): EgoMix {
  const ego = network.egoIndex;
  const asOf = network.dayRange()?.last ?? 0;
  const trend = eiTrend(network, { person: network.ego!, period: "quarter", excludeConfidential: true }).points;
  const share = externalShare(network, { excludeConfidential: true });
  // who ego's contacts work for today: a tally for display over the redacted relationships
  const rel = relationships(network, { excludeConfidential: true });
  const own = new Set(network.organisationIndicesOn(ego, asOf));
  const contacts = new Map<number, number>();
  let unaffiliated = 0;
  for (let q = rel.offsets[ego]!; q < rel.offsets[ego + 1]!; q++) {
    if (rel.confidentialOnly[rel.pair[q]!]) continue;
    const orgs = network.organisationIndicesOn(rel.neighbor[q]!, asOf);
    if (!orgs.length) unaffiliated++;
    for (const o of orgs) contacts.set(o, (contacts.get(o) ?? 0) + 1);
  }
  const reached = [...contacts].map(([o, count]) => ({ id: network.organisationAt(o).id, name: network.organisationAt(o).name, contacts: count, own: own.has(o) }));
  reached.sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name));
  return { eiIndex: ei, trend, share, reached, unaffiliated };
}

/** The typed arrays of an analysis, to transfer rather than copy. */
export function transferables(analysis: NetworkAnalysis): Transferable[] {
  const out: Transferable[] = [analysis.eiIndex.buffer];
  const imbalance = analysis.view.pairImbalance;
  if (imbalance instanceof Float64Array) out.push(imbalance.buffer);
  if (analysis.betweenness) out.push(analysis.betweenness.buffer);
  return out;
}

/**
 * The graph the page draws, serialised: core's relationship graph with
 * strengths that leave confidential exchanges out, keeping only what a
 * picture may use (names, organisations, ego, tags; strength and the
 * confidential-only flag), in relationship slot order, which is the order
 * of `pairImbalance`.
 */
export function drawableGraph(network: Network): SerializedGraph {
  const data = relationshipGraph(network, { excludeConfidential: true }).export();
  return {
    ...data,
    edges: data.edges.map((e) => ({ source: e.source, target: e.target, undirected: true, attributes: { strength: e.attributes!.strength, confidentialOnly: e.attributes!.confidentialOnly } })),
  } as unknown as SerializedGraph;
}
