/**
 * What a view draws: a network, or a relationship graph with the caller's
 * precomputed analysis, turned into the scene the encodings read.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import { Network, TiegraphError } from "@tiegraph/core";
import type { ViewAnalysis } from "../analysis/view-analysis.js";
import { sceneFromGraph } from "../scene/from-graph.js";
import { sceneFromNetwork } from "../scene/from-network.js";
import type { Scene } from "../scene/scene.js";

/** What a view draws: a network, or a relationship graph, with precomputed analysis. */
export type NetworkViewSource =
  | Network
  | { network: Network; analysis?: ViewAnalysis }
  | { graph: Graph; analysis?: ViewAnalysis; organisationNames?: ReadonlyMap<string, string>; asOf?: string };

/**
 * The scene of a source; confidential-only ties are left out unless `includeConfidential`.
 *
 * @example buildScene(network, false).personCount // network.personCount
 */
export function buildScene(source: NetworkViewSource, includeConfidential: boolean): Scene {
  if (source instanceof Network) return sceneFromNetwork(source, {}, { includeConfidential });
  if (source && typeof source === "object" && "network" in source && source.network instanceof Network) return sceneFromNetwork(source.network, source.analysis ?? {}, { includeConfidential });
  if (source && typeof source === "object" && "graph" in source) {
    const o: { includeConfidential: boolean; organisationNames?: ReadonlyMap<string, string>; asOf?: string } = { includeConfidential };
    if (source.organisationNames) o.organisationNames = source.organisationNames;
    if (source.asOf !== undefined) o.asOf = source.asOf;
    return sceneFromGraph(source.graph, source.analysis ?? {}, o);
  }
  throw new TiegraphError("tiegraph/viz", "invalid-option", "nothing to draw", { expected: "a Network, { network, analysis? } or { graph, analysis? }" });
}
