/**
 * Builds a {@link Scene} from a relationship graph (what
 * `relationshipGraph(network)` returns, or any undirected graphology graph
 * with the same attributes). Only `label`, `organisations` and `ego` are read
 * from nodes and `strength` and `confidentialOnly` from edges, so whatever
 * else a caller put on the graph (notes, emails) never reaches the picture.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import { TiegraphError, type PersonId } from "@tiegraph/core";
import type { ViewAnalysis } from "../analysis/view-analysis.js";
import { alignPersonMeasures, checkPairImbalance } from "./measures.js";
import { completeScene, DEFAULT_SCENE_OPTIONS, type Scene, type SceneOptions } from "./scene.js";

/** Extra facts a graph does not carry. */
export interface GraphSceneOptions extends SceneOptions {
  /** Organisation names by id, for legends and tooltips (default: the ids). */
  organisationNames?: ReadonlyMap<string, string>;
  /** Reference day shown in the tooltip, `YYYY-MM-DD` (default: none). */
  asOf?: string;
}

/**
 * The scene of a relationship graph. Edges flagged `confidentialOnly` are left
 * out unless `includeConfidential`. `analysis.pairImbalance` is read in the
 * graph's edge order, positive when the edge's source gives more.
 *
 * @example
 * ```ts
 * const scene = sceneFromGraph(relationshipGraph(network), analyseForView(network));
 * ```
 */
export function sceneFromGraph(graph: Graph, analysis: ViewAnalysis = {}, options: Partial<GraphSceneOptions> = {}): Scene {
  const o = { ...DEFAULT_SCENE_OPTIONS, ...options };
  if (graph === null || typeof graph !== "object" || typeof graph.forEachNode !== "function") {
    throw new TiegraphError("tiegraph/viz", "invalid-option", "the graph is not a graphology graph", { expected: "relationshipGraph(network) or an undirected graphology graph" });
  }
  if (graph.type !== "undirected" || graph.multi) {
    throw new TiegraphError("tiegraph/viz", "invalid-option", `a ${graph.multi ? "multi " : ""}${graph.type} graph cannot be drawn as relationships`, {
      expected: "an undirected simple graph, one edge per relationship, like relationshipGraph(network)",
    });
  }
  const imbalance = checkPairImbalance(analysis.pairImbalance, graph.size);
  const ids: PersonId[] = [];
  const names: string[] = [];
  const organisations: string[][] = [];
  const indexOf = new Map<string, number>();
  let ego = -1;
  graph.forEachNode((node, attr) => {
    indexOf.set(node, ids.length);
    if (attr.ego === true) {
      if (ego >= 0) throw new TiegraphError("tiegraph/viz", "invalid-value", `two nodes are marked as ego (${JSON.stringify(ids[ego])} and ${JSON.stringify(node)})`, { record: `node ${JSON.stringify(node)}`, expected: "at most one node with ego: true" });
      ego = ids.length;
    }
    ids.push(node);
    names.push(typeof attr.label === "string" ? attr.label : node);
    organisations.push(Array.isArray(attr.organisations) ? attr.organisations.filter((v: unknown): v is string => typeof v === "string") : []);
  });
  const n = ids.length;
  const internal = new Uint8Array(n);
  if (ego >= 0) {
    const mine = new Set(organisations[ego]);
    for (let i = 0; i < n; i++) if (i !== ego && organisations[i]!.some((org) => mine.has(org))) internal[i] = 1;
  }
  const x: number[] = [];
  const y: number[] = [];
  const strength: number[] = [];
  const balance: number[] = [];
  const slot: number[] = [];
  let k = 0;
  graph.forEachEdge((edge, attr, source, target) => {
    const at = k++;
    if (!o.includeConfidential && attr.confidentialOnly === true) return;
    const s = attr.strength;
    if (typeof s !== "number" || !(s > 0 && s <= 1)) {
      throw new TiegraphError("tiegraph/viz", "invalid-value", `edge ${JSON.stringify(edge)} has no valid strength`, { record: `edge ${JSON.stringify(edge)} (${JSON.stringify(source)}–${JSON.stringify(target)})`, expected: "a strength in (0, 1]", got: String(s) });
    }
    x.push(indexOf.get(source)!);
    y.push(indexOf.get(target)!);
    strength.push(s);
    balance.push(imbalance ? imbalance[at]! : NaN);
    slot.push(at);
  });
  const organisationNames = new Map<string, string>();
  for (const list of organisations) for (const org of list) organisationNames.set(org, o.organisationNames?.get(org) ?? org);
  return completeScene({
    ids,
    names,
    egoIndex: ego,
    organisations,
    organisationNames,
    internal,
    ...alignPersonMeasures(analysis, ids),
    x: Int32Array.from(x),
    y: Int32Array.from(y),
    strength: Float64Array.from(strength),
    balance: Float64Array.from(balance),
    hasBalance: imbalance !== undefined,
    slot: Int32Array.from(slot),
    asOf: o.asOf ?? "",
  });
}
