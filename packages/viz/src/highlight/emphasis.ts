/**
 * What a highlight emphasises: a set of people and a set of drawn ties. A
 * person's neighbourhood (on hover), a selected set, or an introduction path.
 * Everything outside the emphasis is faded by the view's reducers.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import { TiegraphError, type PersonId } from "@tiegraph/core";

/** The kind of highlight, which decides how emphasised items are drawn. */
export type EmphasisKind = "neighbourhood" | "selection" | "path";

/** People and ties to emphasise. */
export interface Emphasis {
  kind: EmphasisKind;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** For a path shown together with a selection: the path's own people and hops (drawn in the highlight colour); default all. */
  pathNodes?: ReadonlySet<string>;
  pathEdges?: ReadonlySet<string>;
}

/**
 * A path and a selection emphasised together: both stay bright, only the
 * path is drawn in the highlight colour, so selecting someone while a path
 * is shown fades neither.
 *
 * @example combinedEmphasis(pathEmphasis(g, ["me", "ann"]), selectionEmphasis(g, ["bob"])).nodes.size // 3
 */
export function combinedEmphasis(path: Emphasis, selection: Emphasis): Emphasis {
  return {
    kind: "path",
    nodes: new Set([...path.nodes, ...selection.nodes]),
    edges: new Set([...path.edges, ...selection.edges]),
    pathNodes: path.nodes,
    pathEdges: path.edges,
  };
}

/** An introduction path's emphasis, plus the hops that are not drawn (e.g. redacted ties). */
export interface PathEmphasis extends Emphasis {
  kind: "path";
  /** Consecutive pairs of the path with no drawn tie between them. */
  missingHops: [PersonId, PersonId][];
}

/**
 * A person and everyone they have a drawn tie with, and those ties.
 *
 * @example neighbourhoodEmphasis(view.graph, "ann").nodes.has("ann") // true
 */
export function neighbourhoodEmphasis(graph: Graph, id: PersonId): Emphasis {
  requirePerson(graph, id, "highlighted person");
  const nodes = new Set<string>([id]);
  const edges = new Set<string>();
  graph.forEachEdge(id, (edge, _attr, source, target) => {
    edges.add(edge);
    nodes.add(source === id ? target : source);
  });
  return { kind: "neighbourhood", nodes, edges };
}

/**
 * A set of people and the drawn ties among them.
 *
 * @example selectionEmphasis(view.graph, ["ann", "bob"]).edges.size // 1 if they share a tie
 */
export function selectionEmphasis(graph: Graph, ids: Iterable<PersonId>): Emphasis {
  const nodes = new Set<string>();
  let k = 0;
  for (const id of ids) {
    requirePerson(graph, id, `selected person #${k++}`);
    nodes.add(id);
  }
  const edges = new Set<string>();
  for (const id of nodes) {
    graph.forEachEdge(id, (edge, _attr, source, target) => {
      if (nodes.has(source === id ? target : source)) edges.add(edge);
    });
  }
  return { kind: "selection", nodes, edges };
}

/**
 * An introduction path given as the people along it (e.g. the `people` of
 * one of core's `introductionPaths`): its people and the ties between
 * consecutive people. A hop with no drawn tie (a redacted tie) is reported in
 * `missingHops`, not drawn. Unknown people are refused.
 *
 * @example pathEmphasis(view.graph, ["me", "ann", "carl"]).edges.size // 2
 */
export function pathEmphasis(graph: Graph, ids: readonly PersonId[]): PathEmphasis {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new TiegraphError("tiegraph/viz", "invalid-value", "an introduction path needs at least one person", { record: "path", expected: "an array of person ids, from the first to the last person" });
  }
  ids.forEach((id, k) => requirePerson(graph, id, `path person #${k}`));
  const nodes = new Set<string>(ids);
  const edges = new Set<string>();
  const missingHops: [PersonId, PersonId][] = [];
  for (let k = 1; k < ids.length; k++) {
    const u = ids[k - 1]!;
    const v = ids[k]!;
    const e = graph.edge(u, v) ?? graph.edge(v, u);
    if (e === undefined) missingHops.push([u, v]);
    else edges.add(e);
  }
  return { kind: "path", nodes, edges, missingHops };
}

function requirePerson(graph: Graph, id: unknown, record: string): void {
  if (typeof id !== "string" || !graph.hasNode(id)) {
    throw new TiegraphError("tiegraph/viz", "unknown-person", `unknown person ${JSON.stringify(id)}`, { record, expected: "the id of a person drawn in the view" });
  }
}
